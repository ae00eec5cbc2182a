"""The Commercial model tab: the spectrum, then the options appraisal stage by stage (long list and SOC, OBC
scoring, ranking and robustness, the FBC choice).

Every page shows one ``CommercialView``, built afresh whenever the commercial rows or the partners change, so
eligibility warnings follow partner edits live; the stage on screen is refreshed at once, the others when they
are next shown (a typed score does not redraw four hidden pages). Ctrl+PgDown / Ctrl+PgUp (or Alt+1..5) move between the stages.
"""

from __future__ import annotations

from typing import Protocol, cast

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from imagingnet_desktop.ui.commercial.choice_page import ChoicePage
from imagingnet_desktop.ui.commercial.common import WARNING_INK, set_text, wrapped
from imagingnet_desktop.ui.commercial.options_page import OptionsPage
from imagingnet_desktop.ui.commercial.ranking_page import RankingPage
from imagingnet_desktop.ui.commercial.scoring_page import ScoringPage
from imagingnet_desktop.ui.commercial.spectrum_page import SpectrumPage
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.tab import Tab
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.commercial.summary import CommercialView, commercial_view
from imagingnet_desktop.workspace.workspace import Workspace

SHOWN = Change.COMMERCIAL | Change.PARTNERS


class StagePage(Protocol):
    """What every stage page offers: shown the commercial view when it is next on screen."""

    def show_view(self, view: CommercialView) -> None: ...


class CommercialTab(Tab):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)  # subscribes: changes arrive at workspace_changed
        self.setAccessibleName("Commercial model")
        self.spectrum_page = SpectrumPage(workspace)
        self.options_page = OptionsPage(workspace)
        self.scoring_page = ScoringPage(workspace)
        self.ranking_page = RankingPage(workspace)
        self.choice_page = ChoicePage(workspace)
        self.stages = QTabWidget()
        self.stages.setDocumentMode(True)
        self.stages.tabBar().setStyleSheet(theme.tab_bar_style(1.05))
        # A style sheet on the tab bar stops the pages following the app font: set it, so they scale.
        theme.use_font(self.stages, 1.0)
        for page, title in ((self.spectrum_page, "1 Spectrum"), (self.options_page, "2 Long list"),
                            (self.scoring_page, "3 Scoring"), (self.ranking_page, "4 Robustness"),
                            (self.choice_page, "5 Preferred")):
            self.stages.addTab(page, title)
        for n in range(self.stages.count()):
            shortcut = QShortcut(QKeySequence(f"Alt+{n + 1}"), self)
            shortcut.activated.connect(lambda n=n: self.stages.setCurrentIndex(n))
        # stays in sight on every stage while the preferred option fails a rule (a partner edit can cause it)
        self.warning = wrapped(relative=1.1, bold=True, colour=WARNING_INK, name="commercialWarning")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.warning)
        layout.addWidget(self.stages)
        self.view: CommercialView | None = None
        self._stale: set[int] = set()
        self.stages.currentChanged.connect(self._show_stage)
        self.refresh()

    def refresh(self) -> None:
        """Work the view out again and show it on the current stage; the others catch up when shown."""
        self.view = commercial_view(self._workspace)
        self._stale = set(range(self.stages.count()))
        self._show_stage(self.stages.currentIndex())
        warning = "\n".join(n for n in self.view.notes if n.startswith("⚠ The preferred option"))
        set_text(self.warning, warning)
        self.warning.setVisible(bool(warning))

    def _show_stage(self, index: int) -> None:
        if index in self._stale and self.view is not None:
            self._stale.discard(index)
            cast(StagePage, self.stages.widget(index)).show_view(self.view)

    def workspace_changed(self, change: Change, *, started_here: bool = False) -> None:
        if change & SHOWN:
            self.refresh()

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:  # presentation mode: the stage tabs follow the type
            self.stages.tabBar().setStyleSheet(theme.tab_bar_style(1.05))

