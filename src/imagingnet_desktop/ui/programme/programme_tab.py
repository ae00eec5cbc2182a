"""The Programme tab: the 6 × 4 heat-map of completeness against target, the chosen cell's checklist, the
gate to the next step with what blocks it, the lessons of the step, and the timeline.

Every edit goes through ``workspace.programme.edits`` (one undoable command, saved at once). The tab listens
to the workspace and refreshes only on PROGRAMME, TAB_STATE (the current step) and PARTNERS (owner codes).
Keys: arrows move on the heat-map, Enter goes to that cell's checklist; in the checklist Enter adds the next
item, Space steps the status, Delete removes, Ctrl+Up / Ctrl+Down move an item.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.domain.programme.completeness import Cell
from imagingnet_desktop.domain.programme.content import default_content
from imagingnet_desktop.domain.programme.gate import Gate
from imagingnet_desktop.domain.programme.steps import STEP_SHORT_NAMES, StepId
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.ui.common.picture_out import add_picture_actions, picture_title
from imagingnet_desktop.ui.common.run_edit import run_edit
from imagingnet_desktop.ui.common.scroll_pane import vertical_scroll
from imagingnet_desktop.ui.common.tab import Tab
from imagingnet_desktop.ui.programme.cell_panel import CellPanel
from imagingnet_desktop.ui.programme.gate_panel import BLOCKED_COLOUR, READY_COLOUR, GatePanel, LessonsPanel
from imagingnet_desktop.ui.programme.heat_map import HeatMap
from imagingnet_desktop.ui.programme.timeline_page import TimelinePage
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.programme import edits, queries
from imagingnet_desktop.workspace.workspace import Workspace

LEGEND = ("✔ target met   ▼ below target   ▼▼ under half of it   ∅ no items   — none needed   "
          "→ target of a step to come   framed: the current step")
WATCHED = Change.PROGRAMME | Change.TAB_STATE | Change.PARTNERS


class ProgrammeTab(Tab):
    cells: CellPanel  # built after the heat map, whose key handler refers to it

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)  # subscribes: changes arrive at workspace_changed
        self.today = date.today()
        self.setAccessibleName("Programme")
        self.current_label = QLabel()
        self._current_texts = ("", "")
        theme.use_font(self.current_label, 1.3, bold=True)
        self.gate_summary = QLabel()  # the gate in one line, in view whatever the screen and type size
        theme.use_font(self.gate_summary, 1.1, bold=True)
        self.message = InlineMessage()
        self.heat_map = HeatMap()
        self.heat_map.cell_chosen.connect(self._cell_chosen)
        add_picture_actions(self.heat_map, lambda: picture_title(workspace.network.name, "Programme completeness "
                                                                 "against the target of each step"),
                            self.message.show_notice, "programme-completeness")
        self.heat_map.activated.connect(lambda: self.cells.table.setFocus(Qt.FocusReason.OtherFocusReason))
        self.legend = QLabel(LEGEND)
        self.legend.setWordWrap(True)
        theme.use_font(self.legend, 0.85)
        self.gate_panel = GatePanel()
        self.gate_panel.move_requested.connect(self.move_to_next_step)
        self.lessons = LessonsPanel()
        self.cells = CellPanel(workspace)
        self.timeline = TimelinePage(workspace)
        self._lay_out()
        self._show_all()
        self._cell_chosen(self.heat_map.selected)

    def _lay_out(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(self.heat_map)
        column.addWidget(self.legend)
        column.addWidget(self.gate_panel)
        column.addWidget(self.lessons)
        column.addStretch(1)
        self.left_scroll = vertical_scroll(left, whole_rows=True)  # no half a line at its foot
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left_scroll)
        self.splitter.addWidget(self.cells)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.splitter, "Steps && checklist")
        self.pages.addTab(self.timeline, "Timeline")
        theme.use_font(self.pages.tabBar(), 1.0, bold=True)
        page = QVBoxLayout(self)
        page.setContentsMargins(12, 8, 12, 8)
        page.setSpacing(6)
        header = QHBoxLayout()
        header.addWidget(self.current_label, 1)
        header.addWidget(self.gate_summary, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        page.addLayout(header)
        page.addWidget(self.message)
        page.addWidget(self.pages, 1)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        self._fit()

    def changeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)  # type: ignore[arg-type]
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FontChange:  # type: ignore[attr-defined]
            QTimer.singleShot(0, self, self._fit)  # once every child has its new font
            QTimer.singleShot(0, self, self._fit_header)

    def _fit(self) -> None:
        if not shiboken6.isValid(self):
            return
        """The heat-map's column as wide as it needs (at most half), the checklist the rest."""
        self.cells.table.fit_columns()
        total = sum(self.splitter.sizes()) or self.width()
        wanted = self.heat_map.sizeHint().width() + 24
        least = self.heat_map.minimumSizeHint().width() + 24
        left = wanted if wanted <= total * 0.5 else least  # full labels when they fit, else compact ones
        self.left_scroll.setMinimumWidth(least)
        self.splitter.setSizes([left, max(total - left, 1)])
        self.heat_map.updateGeometry()

    # ------------------------------------------------------------------ following the workspace
    def workspace_changed(self, change: Change, *, started_here: bool = False) -> None:
        if not change & WATCHED:
            return
        if change and self.message.text():
            self.message.clear()
        self.cells.refresh(partners=bool(change & Change.PARTNERS))
        self._show_all()
        self.timeline.refresh()

    def _show_all(self) -> None:
        ws = self._workspace
        current = queries.current_step(ws)
        step = default_content().step(current)
        self._current_texts = (f"Current step: {STEP_SHORT_NAMES[current]} — {step.name}",
                               f"Current step: {STEP_SHORT_NAMES[current]}")
        self.current_label.setToolTip(f"{step.name}: {step.purpose}")
        self.heat_map.show_counts(queries.cell_counts(ws), queries.targets(ws), current)
        gate = queries.current_gate(ws, self.today)
        self.gate_panel.show_gate(gate, queries.last_move(ws), editable=not ws.read_only)
        self._show_gate_summary(gate)

    def _show_gate_summary(self, gate: Gate) -> None:
        if gate.next is None:
            text, colour = "", theme.INK
        elif gate.ready:
            text, colour = f"✔ Ready for {STEP_SHORT_NAMES[gate.next]}", READY_COLOUR
        else:
            n = len(gate.cells_short) + len(gate.overdue)
            text = f"✖ Not ready for {STEP_SHORT_NAMES[gate.next]}: {n} thing{'s' if n > 1 else ''} block{'' if n > 1 else 's'} it"
            colour = BLOCKED_COLOUR
        self.gate_summary.setText(text)
        style = f"color: {colour};"
        if self.gate_summary.styleSheet() != style:
            self.gate_summary.setStyleSheet(style)
        self._fit_header()

    def _fit_header(self) -> None:
        """The step's full name when it fits on one line beside the gate summary, else its short name."""
        full, short = self._current_texts
        room = self.width() - 24 - 12 - self.gate_summary.fontMetrics().horizontalAdvance(self.gate_summary.text())
        fits = self.current_label.fontMetrics().horizontalAdvance(full) <= room
        self.current_label.setText(full if fits else short)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_header()

    def _cell_chosen(self, cell: Cell) -> None:
        step, workstream = cell
        self.cells.show_cell(step, workstream)
        self.lessons.show_lessons(default_content().step(step).name, default_content().step(step).lessons)

    # ------------------------------------------------------------------ moving the current step
    def _confirm_move(self, next_name: str, reasons: list[str]) -> bool:
        """Move on although something still blocks it? (tests replace this)"""
        listed = "\n".join(f"• {r}" for r in reasons if not r.startswith("Lesson:"))
        answer = QMessageBox.question(
            self, f"Move to {next_name}?",
            f"Not everything is ready for {next_name}:\n\n{listed}\n\nMove on anyway? The decision is recorded "
            "with these points still open, and Ctrl+Z undoes it.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def move_to_next_step(self) -> None:
        if self._workspace.read_only:
            self.message.show_error("This workspace is open read-only; nothing can be changed.")
            return
        gate = queries.current_gate(self._workspace, self.today)
        if gate.next is None:
            return
        if not gate.ready and not self._confirm_move(STEP_SHORT_NAMES[gate.next], gate.blocking()):
            return
        if run_edit(lambda: edits.move_to_next_step(self._workspace, today=self.today), self.message) is None:
            return
        self.message.show_notice(f"Moved to {STEP_SHORT_NAMES[gate.next]}, recorded as a decision in the Record "
                                 "— Ctrl+Z to undo")
        self.heat_map.select((gate.next, self.heat_map.selected[1]))

    # ------------------------------------------------------------------ for the main window and tests
    @property
    def workspace(self) -> Workspace:
        return self._workspace

    def current_step(self) -> StepId:
        return queries.current_step(self._workspace)

    def flush(self) -> None:
        """Save a note or evidence being typed, before the window undoes or switches workspace."""
        for field in (self.cells.note, self.cells.evidence):
            if field.isModified():
                field.editingFinished.emit()

