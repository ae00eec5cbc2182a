"""The Record tab: the workshop log (Alt+L) and motions voted in the room (Alt+M).

It listens to the workspace and refreshes only on what it shows: RECORD, PARTNERS, SCENARIOS / TAB_STATE (the
agreed scenario gives the votes and the default rule) and CONTROL (the reserved matters a decision or a motion
names, and a linked motion's rule). ``today`` can be replaced (tests).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.tab import Tab
from imagingnet_desktop.ui.record.log_page import LogPage
from imagingnet_desktop.ui.record.motions_page import MotionsPage
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.workspace import Workspace

_SHOWN = Change.RECORD | Change.PARTNERS | Change.SCENARIOS | Change.TAB_STATE | Change.CONTROL


class RecordTab(Tab):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None,
                 today: Callable[[], date] | None = None) -> None:
        super().__init__(workspace, parent)  # subscribes: changes arrive at workspace_changed
        self._today_fn = today or date.today
        self.setAccessibleName("Record")
        self.log = LogPage(workspace, self.today)
        self.motions = MotionsPage(workspace, self.today, self.log.entry_bar.links)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.log, "&Log: decisions, actions, issues")
        self.pages.addTab(self.motions, "&Motions")
        self.pages.tabBar().setStyleSheet(theme.tab_bar_style(0.95))
        # The style sheet stops the pages following the app's type: give them the font, so presentation mode
        # and Ctrl+= scale them too (and the tab titles, in changeEvent).
        theme.use_font(self.pages, 1.0)
        self._motions_stale = False
        self.pages.currentChanged.connect(self._page_shown)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 4, 8, 8)
        column.addWidget(self.pages)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.pages.tabBar().setStyleSheet(theme.tab_bar_style(0.95))

    def today(self) -> date:
        return self._today_fn()

    def set_today(self, today: Callable[[], date]) -> None:
        self._today_fn = today
        self.log.model.refresh_dates()

    def workspace_changed(self, change: Change, *, started_here: bool = False) -> None:
        if not change & _SHOWN:
            return
        self.log.model.workspace_changed(change)
        if change & Change.PARTNERS:
            self.log.partners_changed()
        if change & Change.CONTROL:
            self.log.matters_changed()
        if self.pages.currentWidget() is self.motions:
            self.motions.refresh()
        else:  # brought up to date when shown: typing in the log does not rebuild a hidden page
            self._motions_stale = True

    def _page_shown(self) -> None:
        if self.pages.currentWidget() is self.motions and self._motions_stale:
            self._motions_stale = False
            self.motions.refresh()
