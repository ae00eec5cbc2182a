"""The annual business plan cycle (drafted, Partnership Board, each Trust Board) and the monitoring groups."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from imagingnet_desktop.domain.control.monitoring import BusinessPlan, MonitoringGroup, plan_status
from imagingnet_desktop.domain.control.typed_values import parse_partner_codes
from imagingnet_desktop.domain.typed_dates import parse_date, show_date
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.scroll_pane import vertical_scroll
from imagingnet_desktop.ui.control.page_parts import button, heading, note
from imagingnet_desktop.ui.control.rows_model import Column, RowsModel, RowsTable
from imagingnet_desktop.workspace.control import monitoring
from imagingnet_desktop.workspace.control.control_rows import GROUPS, KPIS, PLANS
from imagingnet_desktop.workspace.workspace import Workspace

DRAFT, BOARD = -1, -2  # stage ids that are not a partner's Trust Board


@dataclass(frozen=True)
class Stage:
    id: int  # DRAFT, BOARD or the partner id
    label: str
    day: date | None


def stage_state(day: date | None, today: date) -> str:
    if day is None:
        return "– no date"
    return "✔ done" if day <= today else "◷ planned"


class PlanPage(QWidget):
    def __init__(self, workspace: Workspace, run: Callable[[Callable[[], object]], None],
                 parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._run = run
        self._today = today
        self.year = QComboBox()
        self.year.setAccessibleName("Business plan year")
        theme.use_font(self.year, 1.1, bold=True)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status = note(name="planStatus")
        theme.use_font(self.status, 1.15, bold=True)
        self.stages = RowsModel(self._stage_columns(), self)
        self.stage_table = RowsTable(self.stages, "Business plan stages", stretch=0)
        self.groups = RowsModel(self._group_columns(), self)
        self.group_table = RowsTable(self.groups, "Monitoring groups", stretch=0)

        plan_column = QVBoxLayout()
        plan_column.addWidget(heading("Annual business plan"))
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(button("Add next year", self.add_year, "Add the business plan for the year after the last"))
        top.addStretch(1)
        plan_column.addLayout(top)
        plan_column.addWidget(self.status)
        plan_column.addWidget(self.stage_table, 1)
        group_column = QVBoxLayout()
        group_top = QHBoxLayout()
        group_top.addWidget(heading("Monitoring groups"), 1)
        group_top.addWidget(button("Add group", self.add_group))
        group_top.addWidget(button("Delete group", self.delete_group, "Delete the selected group"))
        group_column.addLayout(group_top)
        group_column.addWidget(note("Members: type partner codes (for example NSH, KBD). The KPIs each group "
                                    "watches are ticked on the KPIs page."))
        group_column.addWidget(self.group_table, 1)
        self.watched_list = note(name="watchedKpis")
        group_column.addWidget(vertical_scroll(self.watched_list), 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(plan_column, 2)
        layout.addSpacing(12)
        layout.addLayout(group_column, 3)

    # ------------------------------------------------------------------ business plan
    def plan(self) -> BusinessPlan | None:
        plans = self._workspace.rows(PLANS)
        chosen = self.year.currentData()
        return next((p for p in plans if p.id == chosen), plans[-1] if plans else None)

    def _stage_columns(self) -> list[Column]:
        def save(stage: Stage, text: str) -> None:
            plan = self.plan()
            if plan is None:
                return
            day = parse_date("The date", text)
            if stage.id == DRAFT:
                monitoring.edit_plan(self._workspace, plan.id, draft_date=day)
            elif stage.id == BOARD:
                monitoring.edit_plan(self._workspace, plan.id, partnership_board_date=day)
            else:
                monitoring.set_approval(self._workspace, plan.id, stage.id, day)

        return [Column("Stage", lambda s: s.label, bold=True),
                Column("Date", lambda s: show_date(s.day), save),
                Column("", lambda s: stage_state(s.day, self._today()))]

    # ------------------------------------------------------------------ groups
    def _group_columns(self) -> list[Column]:
        ws = self._workspace

        def members(g: MonitoringGroup) -> str:
            codes = {p.id: p.code for p in ws.network.partners}
            return ", ".join(codes[pid] for pid in monitoring.group_members(ws, g.id))

        def watched(g: MonitoringGroup) -> str:
            count = len(monitoring.group_kpis(ws, g.id))
            return f"{count} KPI{'s' if count != 1 else ''}" if count else "none yet"

        def watched_names(g: MonitoringGroup) -> str:
            names = {k.id: k.name for k in ws.rows(KPIS)}
            return "\n".join(names[k] for k in monitoring.group_kpis(ws, g.id)) or "No KPIs ticked yet"

        def set_members(g: MonitoringGroup, text: str) -> None:
            partners = [(p.id, p.code) for p in ws.network.partners]
            monitoring.set_members(ws, g.id, parse_partner_codes("Members", text, partners))

        return [Column("Group", lambda g: g.name, lambda g, t: monitoring.edit_group(ws, g.id, name=t), bold=True),
                Column("Meets", lambda g: g.frequency, lambda g, t: monitoring.edit_group(ws, g.id, frequency=t)),
                Column("Members", members, set_members),
                Column("KPIs watched", watched, tooltip=watched_names)]

    # ------------------------------------------------------------------ showing
    def refresh(self) -> None:
        ws = self._workspace
        plans = ws.rows(PLANS)
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        plan: BusinessPlan | None
        for plan in plans:
            self.year.addItem(plan.year, plan.id)
        index = self.year.findData(chosen)
        self.year.setCurrentIndex(index if index >= 0 else len(plans) - 1)
        self.year.blockSignals(False)
        self.watched_list.setText(self._watched_text())
        plan = self.plan()
        partners = ws.network.partners
        if plan is None:
            self.status.setText("No business plan yet: add one.")
            self.stages.set_rows([])
        else:
            approvals = monitoring.approvals(ws, plan.id)
            self.status.setText(f"{plan.year}: " + plan_status(plan, approvals, [p.id for p in partners],
                                                                self._today()))
            stages = [Stage(DRAFT, "Draft ready", plan.draft_date),
                      Stage(BOARD, "Partnership Board", plan.partnership_board_date),
                      *(Stage(p.id, f"Trust Board: {p.code}", approvals.get(p.id)) for p in partners)]
            self.stages.set_rows(stages)
        for model in (self.stages, self.groups):
            model.read_only = ws.read_only
        self.groups.set_rows(ws.rows(GROUPS))

    def _watched_text(self) -> str:
        ws = self._workspace
        names = {k.id: k.name for k in ws.rows(KPIS)}
        return "\n".join(f"{g.name} watches: " + ("; ".join(names[k] for k in monitoring.group_kpis(ws, g.id))
                                                   or "no KPIs yet") for g in ws.rows(GROUPS))

    def add_year(self) -> None:
        plans = self._workspace.rows(PLANS)
        last = plans[-1].year if plans else f"{self._today().year}/{(self._today().year + 1) % 100:02d}"
        try:
            start = int(last[:4]) + (1 if plans else 0)
            year = f"{start}/{(start + 1) % 100:02d}"
        except ValueError:
            year = f"{last} (next)"
        self._run(lambda: monitoring.add_plan(self._workspace, year))
        self.year.setCurrentIndex(self.year.count() - 1)

    def add_group(self) -> None:
        def adding() -> None:
            added = monitoring.add_group(self._workspace, "New group")
            row = [g.id for g in self.groups.rows].index(added.id)
            index = self.groups.index(row, 0)
            self.group_table.setCurrentIndex(index)
            self.group_table.edit(index)

        self._run(adding)

    def delete_group(self) -> None:
        group = self.group_table.current_row()
        if group is not None:
            self._run(lambda: monitoring.delete_group(self._workspace, group.id))
