"""Board seats: the positions table (holder, term, rotation order, next holder), seats per partner, the timeline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from imagingnet_desktop.domain.control.positions import (
    BoardPosition,
    Body,
    next_holder,
    seats_by_partner,
    timeline,
)
from imagingnet_desktop.domain.control.typed_values import parse_partner_codes
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.number_text import parse_whole
from imagingnet_desktop.domain.typed_dates import parse_date, show_date
from imagingnet_desktop.ui.common.scroll_pane import vertical_scroll
from imagingnet_desktop.ui.control.page_parts import button, button_row, heading, note
from imagingnet_desktop.ui.control.rows_model import Column, RowsModel, RowsTable
from imagingnet_desktop.ui.control.seats_views import SeatsPicture, TimelineRow, TimelineView
from imagingnet_desktop.workspace.control import positions as seats
from imagingnet_desktop.workspace.control.control_rows import POSITIONS
from imagingnet_desktop.workspace.workspace import Workspace

NOBODY = "(nobody)"
BODIES = {b.label: b for b in Body}
TIMELINE_TERMS = 6


class PositionsPage(QWidget):
    def __init__(self, workspace: Workspace, run: Callable[[Callable[[], object]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._run = run
        self.model = RowsModel(self._columns(), self)
        self.table = RowsTable(self.model, "Board positions", stretch=7)  # the rotation order wraps
        self.seats = SeatsPicture()
        self.timeline = TimelineView()
        self.add_button = button("Add position", self.add, "Add a position (then type its title)")
        self.delete_button = button("Delete position", self.delete, "Delete the selected position")

        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(button_row("Board positions and who holds them", self.add_button, self.delete_button))
        column.addWidget(self.table, 1)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(vertical_scroll(self.seats))
        timeline_pane = QWidget()
        timeline_column = QVBoxLayout(timeline_pane)
        timeline_column.setContentsMargins(0, 0, 0, 0)
        timeline_column.addWidget(heading("Rotation timeline"))
        timeline_column.addWidget(self.timeline)
        self.timeline_note = note(name="timelineNote")
        timeline_column.addWidget(self.timeline_note)
        timeline_column.addStretch(1)
        bottom.addWidget(vertical_scroll(timeline_pane))
        bottom.setSizes([560, 640])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([320, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    # ------------------------------------------------------------------ columns
    def _code(self, partner_id: int | None) -> str:
        codes = {p.id: p.code for p in self._workspace.network.partners}
        return codes.get(partner_id, NOBODY) if partner_id is not None else NOBODY

    def _partners(self) -> list[tuple[int, str]]:
        return [(p.id, p.code) for p in self._workspace.network.partners]

    def _rotation_text(self, position: BoardPosition) -> str:
        return " → ".join(self._code(pid) for pid in seats.rotation(self._workspace, position.id))

    def _next_text(self, position: BoardPosition) -> str:
        found = next_holder(seats.rotation(self._workspace, position.id), position.partner_id)
        return "does not rotate" if found is None else self._code(found)

    def _columns(self) -> list[Column]:
        ws = self._workspace

        def holder(p: BoardPosition, text: str) -> None:
            chosen = next((pid for pid, code in self._partners() if code == text), None)
            seats.allocate(ws, p.id, chosen)

        def term(p: BoardPosition, text: str) -> None:
            years = parse_whole("A term", text, low=1, high=10)
            if years is None:
                raise FieldError("A term needs a number of years (1 to 10).")
            seats.edit_position(ws, p.id, term_years=years)

        return [
            Column("Position", lambda p: p.title, lambda p, t: seats.edit_position(ws, p.id, title=t), bold=True),
            Column("Held by", lambda p: self._code(p.partner_id), holder,
                   choices=lambda p: [NOBODY, *(c for _, c in self._partners())], bold=True),
            Column("Next holder", self._next_text, bold=True),
            Column("Body", lambda p: p.body.label, lambda p, t: seats.edit_position(ws, p.id, body=BODIES[t]),
                   choices=lambda p: list(BODIES)),
            Column("Key post", lambda p: "★ key" if p.key_post else "",
                   lambda p, t: seats.edit_position(ws, p.id, key_post=t == "yes"), check=lambda p: p.key_post),
            Column("Term (years)", lambda p: str(p.term_years), term),
            Column("Term starts", lambda p: show_date(p.term_start),
                   lambda p, t: seats.edit_position(ws, p.id, term_start=parse_date("The term start", t))),
            Column("Rotation order (codes)", self._rotation_text,
                   lambda p, t: seats.set_rotation(ws, p.id, parse_partner_codes("The rotation order", t,
                                                                                 self._partners()))),
        ]

    # ------------------------------------------------------------------ showing
    def refresh(self) -> None:
        ws = self._workspace
        positions = ws.rows(POSITIONS)
        self.model.read_only = ws.read_only
        self.model.set_rows(positions)
        partners = ws.network.partners
        self.seats.show_seats(partners, seats_by_partner(positions, [p.id for p in partners]))
        rows = [TimelineRow(p.title, timeline(p, seats.rotation(ws, p.id), TIMELINE_TERMS))
                for p in positions if p.term_start is not None]
        undated = [p.title for p in positions if p.term_start is None]
        self.timeline.show_rows(rows, undated, {p.id: p.code for p in partners})
        self.timeline.setVisible(bool(rows))
        self.timeline_note.setText(self.timeline.note() or
                                   "Give a position a term start and a rotation order to see its turns here.")

    # ------------------------------------------------------------------ buttons
    def add(self) -> None:
        def adding() -> None:
            added = seats.add_position(self._workspace, "New position")
            row = [p.id for p in self._workspace.rows(POSITIONS)].index(added.id)
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

        self._run(adding)

    def delete(self) -> None:
        position = self.table.current_row()
        if position is not None:
            self._run(lambda: seats.delete_position(self._workspace, position.id))
