"""KPIs in three families with target, tolerance, actual and a red / amber / green status shown in words and a
symbol as well as colour, and which monitoring group watches each."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from imagingnet_desktop.domain.control.monitoring import (
    Better,
    Kpi,
    KpiFamily,
    MonitoringGroup,
    Rag,
    kpi_status,
    rule_words,
    status_reason,
    status_words,
)
from imagingnet_desktop.domain.control.typed_values import show_number
from imagingnet_desktop.domain.number_text import parse_number
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.scroll_pane import vertical_scroll
from imagingnet_desktop.ui.control.page_parts import button, button_row, note
from imagingnet_desktop.ui.control.rows_model import Column, RowsModel, RowsTable
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.control import monitoring
from imagingnet_desktop.workspace.control.control_rows import GROUPS, KPIS
from imagingnet_desktop.workspace.workspace import Workspace

FAMILIES = {f.label: f for f in KpiFamily}
BETTER = {"lower": Better.LOWER, "higher": Better.HIGHER}
BETTER_NAMES = {b: name for name, b in BETTER.items()}
# Okabe-Ito, darkened where needed for text on white; always beside the words and the symbol.
RAG_COLOURS = {Rag.GREEN: "#00704f", Rag.AMBER: "#9a6200", Rag.RED: "#b3261e"}
RULE_TEXT = ("Status rule: ✔ green when the actual is on target or better; ▲ amber when it misses the target by no "
             "more than the tolerance; ✖ red when it misses by more; – no status without a target and an actual.")


def _short(group: MonitoringGroup) -> str:
    return group.name.split()[0] if group.name.split() else "Group"


class KpisPage(QWidget):
    def __init__(self, workspace: Workspace, run: Callable[[Callable[[], object]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._run = run
        self._groups: tuple[MonitoringGroup, ...] = ()
        self.model = RowsModel(self._columns(), self)
        self.table = RowsTable(self.model, "KPIs", stretch=0)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.rule = note(RULE_TEXT, "kpiRule")
        self.detail = note(name="kpiDetail")
        theme.use_font(self.detail, 1.1, bold=True)
        self.add_button = button("Add KPI", self.add, "Add a KPI (then type its name)")
        self.delete_button = button("Delete KPI", self.delete, "Delete the selected KPI")
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(button_row("KPIs: quality, cost and service level", self.add_button, self.delete_button))
        column.addWidget(self.table, 1)
        below = QWidget()
        notes = QVBoxLayout(below)
        notes.setContentsMargins(0, 0, 0, 0)
        notes.addWidget(self.rule)
        notes.addWidget(self.detail)
        notes.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(vertical_scroll(below))
        splitter.setSizes([440, 130])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    def _columns(self) -> list[Column]:
        ws = self._workspace

        def number(field: str, label: str) -> Callable[[Kpi, str], object]:
            return lambda k, t: monitoring.edit_kpi(ws, k.id, label=None,
                                                    **{field: parse_number(label, t, allow_negative=True)})

        def status_colour(k: Kpi) -> str | None:
            status = kpi_status(k)
            return RAG_COLOURS[status] if status else theme.MUTED_INK

        columns = [
            Column("KPI", lambda k: k.name, lambda k, t: monitoring.edit_kpi(ws, k.id, name=t), bold=True),
            Column("Status", lambda k: status_words(kpi_status(k)), colour=status_colour, tooltip=status_reason),
            Column("Actual", lambda k: show_number(k.actual), number("actual", "The actual"), bold=True),
            Column("Target", lambda k: show_number(k.target), number("target", "The target")),
            Column("Tolerance", lambda k: show_number(k.tolerance), number("tolerance", "The tolerance")),
            Column("Unit", lambda k: k.unit, lambda k, t: monitoring.edit_kpi(ws, k.id, unit=t)),
            Column("Better", lambda k: BETTER_NAMES[k.better],
                   lambda k, t: monitoring.edit_kpi(ws, k.id, better=BETTER[t]), choices=lambda k: list(BETTER)),
            Column("Family", lambda k: k.family.label, lambda k, t: monitoring.edit_kpi(ws, k.id, family=FAMILIES[t]),
                   choices=lambda k: list(FAMILIES)),
            Column("Period", lambda k: k.period, lambda k, t: monitoring.edit_kpi(ws, k.id, period=t)),
        ]
        for group in self._groups:
            def watch(k: Kpi, t: str, g: int = group.id) -> Change:
                return monitoring.set_watched(ws, g, k.id, t == "yes")

            def watched(k: Kpi, g: int = group.id) -> bool:
                return k.id in monitoring.group_kpis(ws, g)

            def watch_tooltip(k: Kpi, name: str = group.name) -> str:
                return f"Whether the {name} watches this KPI"

            columns.append(Column(_short(group), lambda k: "", watch, check=watched, tooltip=watch_tooltip))
        return columns

    def refresh(self) -> None:
        ws = self._workspace
        groups = ws.rows(GROUPS)
        if groups != self._groups:
            self._groups = groups
            self.model.beginResetModel()
            self.model.columns = self._columns()
            self.model.rows = []
            self.model.endResetModel()
        self.model.read_only = ws.read_only
        self.model.set_rows(ws.rows(KPIS))
        self.show_detail()

    def show_detail(self) -> None:
        kpi = self.table.current_row()
        if kpi is None:
            self.detail.setText("")
            return
        self.detail.setText(f"{kpi.name}: {status_words(kpi_status(kpi))}. {status_reason(kpi)} {rule_words(kpi)}")

    def add(self) -> None:
        def adding() -> None:
            added = monitoring.add_kpi(self._workspace, "New KPI")
            row = [k.id for k in self.model.rows].index(added.id)
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

        self._run(adding)

    def delete(self) -> None:
        kpi = self.table.current_row()
        if kpi is not None:
            self._run(lambda: monitoring.delete_kpi(self._workspace, kpi.id))
