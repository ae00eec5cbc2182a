"""The Control tab: board seats, reserved matters (who can block each under the agreed votes), KPIs, and the
business plan cycle with the monitoring groups — one page each.

Every edit goes through ``workspace.control`` as one undoable command; the pages then follow the workspace's
change notice (so undo from the main window lands here the same way). The reserved matters follow the agreed
shares & votes scenario and the partners live: any ``SCENARIOS``, ``TAB_STATE`` or ``PARTNERS`` change redraws them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.ui.common.picture_out import add_picture_actions, picture_title
from imagingnet_desktop.ui.common.run_edit import run_edit
from imagingnet_desktop.ui.common.tab import Tab
from imagingnet_desktop.ui.control.kpis_page import KpisPage
from imagingnet_desktop.ui.control.matters_page import MattersPage
from imagingnet_desktop.ui.control.plan_page import PlanPage
from imagingnet_desktop.ui.control.positions_page import PositionsPage
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.control.matters import FOLLOWS
from imagingnet_desktop.workspace.workspace import Workspace

PAGE_TITLES = ("Board seats", "Reserved matters", "KPIs", "Business plan && groups")


class ControlTab(Tab):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)  # subscribes: changes arrive at workspace_changed
        self.setAccessibleName("Control")
        self.message = InlineMessage()
        self.positions = PositionsPage(workspace, self.run)
        self.matters = MattersPage(workspace, self.run)
        self.kpis = KpisPage(workspace, self.run)
        self.plan = PlanPage(workspace, self.run)
        self.pages = QTabWidget()
        self.pages.setObjectName("controlPages")
        theme.use_font(self.pages, 1.0)
        for page, title in zip((self.positions, self.matters, self.kpis, self.plan), PAGE_TITLES, strict=True):
            self.pages.addTab(page, title)
            for model in (getattr(page, "model", None), getattr(page, "stages", None), getattr(page, "groups", None)):
                if model is not None:
                    model.refused.connect(self.message.show_error)
        add_picture_actions(self.positions.seats, lambda: picture_title(workspace.network.name, "Board seats per "
                                                                        "partner"), self.message.show_notice, "board-seats")
        add_picture_actions(self.positions.timeline, lambda: picture_title(workspace.network.name, "Rotation of the "
                                                                           "board positions"),
                            self.message.show_notice, "rotation-timeline")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        self._fit_to_type()
        self.refresh()

    @property
    def workspace(self) -> Workspace:
        return self._workspace

    def refresh(self) -> None:
        for page in (self.positions, self.matters, self.kpis, self.plan):
            page.refresh()
        for found in self.findChildren(QPushButton):  # a read-only workspace shows everything, edits nothing
            found.setEnabled(not self._workspace.read_only)

    def workspace_changed(self, change: Change, *, started_here: bool = False) -> None:
        if change & ~Change.UNDO_STACK and self.message.text():
            self.message.clear()  # a later edit or an undo makes the last message old news
        if change & (Change.CONTROL | Change.PARTNERS):
            self.refresh()
        elif change & FOLLOWS:  # the agreed votes may have changed: only the reserved matters show them
            self.matters.refresh()

    def run(self, action: Callable[[], object]) -> None:
        """Do an edit a button asked for, showing a refusal where the user is."""
        run_edit(action, self.message)

    def _fit_to_type(self) -> None:
        self.pages.tabBar().setStyleSheet(theme.tab_bar_style())
        for table in (self.positions.table, self.matters.table, self.kpis.table, self.plan.stage_table,
                      self.plan.group_table):
            table.fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self, self._fit_to_type)

