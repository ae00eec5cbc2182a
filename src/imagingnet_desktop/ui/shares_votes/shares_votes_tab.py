"""The Shares & votes tab: shareholding on every basis, the blend sliders, the voting rule and real voting power.

Sliders and the voting rule on the left; warnings above four pages. Built the first time it is shown (the
shell's tab host does that), so numpy and matplotlib stay off the path to the first window.

State: the working scenario as committed in the workspace (``scenario``) and the analysis on screen
(``analysis``), which during a slider drag is a preview of a candidate nothing has written. Every edit goes
through ``workspace.shares_votes`` (the rules live there) as one undoable command, run by ``run_edit``; the
screen then follows the workspace's change notice, so undo and redo from the main window land here the same
way. A refused change is shown with the reason and the controls are put back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QSplitter,
    QStyle,
    QStyleOptionComboBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis, analyse
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.ui.common.run_edit import not_saved, run_edit
from imagingnet_desktop.ui.common.tab import Tab
from imagingnet_desktop.ui.common.whole_rows_scroll import WholeRowsScrollArea
from imagingnet_desktop.ui.common.working_dialog import Working, WorkingDialog, show_working
from imagingnet_desktop.ui.shares_votes.blend_sliders import BlendSliders, Weights
from imagingnet_desktop.ui.shares_votes.pages import ChartPage, PowerPage, SharesPage
from imagingnet_desktop.ui.shares_votes.scenario_panel import ScenarioPanel
from imagingnet_desktop.ui.shares_votes.voting_controls import VotingControls
from imagingnet_desktop.ui.shares_votes.warnings_panel import WarningsPanel
from imagingnet_desktop.ui.shares_votes.working import power_working, share_working
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.shares_votes import working_edits
from imagingnet_desktop.workspace.workspace import Workspace

PAGE_TITLES = ("Shares (%)", "Votes && power", "Chart", "Scenarios")
SLIDER_LABEL = "move the blend sliders"
LEFT_WIDTH = 350


def _show_choices_whole(controls: QWidget) -> None:
    """Each choice box at least as wide as the choice it shows ("Equal: one each" at presentation type, not
    "Equal: one eac"): the boxes keep a short minimum of their own, which large type outgrows."""
    for combo in controls.findChildren(QComboBox):
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo).width()
        needed = combo.fontMetrics().horizontalAdvance(combo.currentText()) + (combo.width() - field) + 2
        if combo.minimumWidth() != needed:
            combo.setMinimumWidth(needed)


class SharesVotesTab(Tab):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setAccessibleName("Shares & votes")
        self._partners: tuple[Partner, ...] = ()
        self.scenario: Scenario | None = None
        self.committed: ScenarioAnalysis | None = None
        self.analysis: ScenarioAnalysis | None = None
        self.working_dialog: WorkingDialog | None = None
        self._compared: list[int] = []

        self.message = InlineMessage()
        self.warnings = WarningsPanel()
        self.sliders = BlendSliders()
        self.sliders.previewed.connect(self.preview_weights)
        self.sliders.committed.connect(self.commit_weights)
        self.follows = QLabel()
        self.follows.setWordWrap(True)
        theme.use_font(self.follows, 1.0, bold=True)
        self.follows.setStyleSheet(f"color: {theme.ACCENT};")

        self.controls = VotingControls()
        for combo in self.controls.findChildren(QComboBox):  # a longer choice may need a wider column
            combo.currentTextChanged.connect(lambda _text: QTimer.singleShot(0, self, self._fit_left))
        self.shares_page = SharesPage()
        self.power_page = PowerPage(self.edit_votes)
        self.chart_page = ChartPage()
        for slider in self.sliders.sliders.values():  # after the commit's own redraw: hatched whatever it did
            slider.sliderReleased.connect(self.chart_page.settle)
        self.controls.edited.connect(self.edit)
        self.power_page.model.validation_failed.connect(self._cell_refused)
        self.power_page.model.accepted.connect(self._cell_accepted)
        self._refused_at: tuple[int, int] | None = None
        self.scenarios = ScenarioPanel(workspace, self.message, self.sliders.flush)
        self.scenarios.working_requested.connect(
            lambda analysis, key, i: self._open_working(power_working(analysis, key, i)))
        for page in (self.shares_page, self.power_page):
            page.table.working_requested.connect(lambda index, p=page: self.show_working_for(p, index))
            page.working_button.clicked.connect(lambda _=False, p=page: self.show_working_for(p))

        self.pages = QTabWidget()
        self.pages.setObjectName("sharesVotesPages")
        # Its tab bar has a style sheet, which stops the pages following the app font: set it, so they scale.
        theme.use_font(self.pages, 1.0)
        pages: tuple[QWidget, ...] = (self.shares_page, self.power_page, self.chart_page, self.scenarios)
        for widget, title in zip(pages, PAGE_TITLES, strict=True):
            self.pages.addTab(widget, title)
        self._lay_out()
        self.pages.currentChanged.connect(self._page_changed)
        self.scenarios.loaded.connect(lambda: self.pages.setCurrentWidget(self.power_page))
        self._page_changed(0)
        self.reload(force=True)

    def _lay_out(self) -> None:
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(4, 4, 6, 4)
        left_column.setSpacing(6)
        left_column.addWidget(self.sliders)
        left_column.addWidget(self.follows)
        left_column.addSpacing(6)
        left_column.addWidget(self.controls)
        left_column.addStretch(1)
        left_scroll = WholeRowsScrollArea()  # at large type the sliders scroll rather than squash, and no half
        # a slider or choice box shows at its foot
        left_scroll.setWidget(left)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._left_content = left
        left.installEventFilter(self)

        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(2, 0, 0, 0)
        right_column.setSpacing(6)
        right_column.addWidget(self.pages, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left_scroll)
        self._left = left_scroll
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([LEFT_WIDTH, 1000])
        layout = QVBoxLayout(self)  # the message and warnings across the whole width: fewer lines, more rows
        layout.setContentsMargins(10, 6, 10, 4)
        layout.setSpacing(4)
        layout.addWidget(self.message)
        layout.addWidget(self.warnings)
        layout.addWidget(self.splitter, 1)
        self._fit_to_type()

    def _fit_to_type(self) -> None:
        """Sizes that follow the type: again after presentation mode rescales it."""
        # A style sheet overrides setFont, so the tab bar's size goes in its style sheet.
        self.pages.tabBar().setStyleSheet(theme.tab_bar_style())
        self.sliders.fit_to_type()
        self.controls.fit_vetoes()
        self._fit_left()

    def _fit_left(self) -> None:
        """The left column as wide as its controls need (it never scrolls sideways), choice boxes showing
        their choice whole ("Equal: one each" at presentation type, not "Equal: one eac")."""
        if not shiboken6.isValid(self):
            return
        _show_choices_whole(self.controls)
        bar = self._left.verticalScrollBar().sizeHint().width()  # it scrolls up and down: room for its bar
        needed = max(LEFT_WIDTH, self._left_content.minimumSizeHint().width() + bar + 4)
        if self._left.minimumWidth() != needed:
            self._left.setMinimumWidth(needed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._left_content and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self._fit_left)  # once the controls have their new sizes (if still here)
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self, self._fit_to_type)  # after every child has its new font (if still here)

    def _page_changed(self, _index: int) -> None:
        """Saved scenarios get the whole width: the sliders and warnings are about the current position."""
        comparing = self.pages.currentWidget() is self.scenarios
        self._left.setVisible(not comparing)
        self.warnings.setVisible(not comparing)

    # ------------------------------------------------------------------ following the workspace
    def flush(self) -> None:
        """Commit a slider step still waiting for its pause (before an undo, or the workspace closing)."""
        self.sliders.flush()

    def workspace_changed(self, change: Change, *, started_here: bool = False) -> None:
        if change and self.message.text():
            self.message.clear()  # a later edit or an undo makes it old news ("Deleted “X” — Ctrl+Z to undo")
        if change & (Change.TAB_STATE | Change.PARTNERS):
            self.reload(force=bool(change & (Change.PARTNERS)))
        compared = shares_votes.compared_ids(self._workspace)
        if change & (Change.SCENARIOS | Change.PARTNERS) or compared != self._compared:
            self._compared = compared
            self.scenarios.refresh()

    def show_change(self, change: Change, label: str = "") -> None:
        """Undo or redo from the window: bring the page where ``change`` shows into view (if it is not)."""
        page = self.pages.currentWidget()
        target: QWidget
        if change & Change.SCENARIOS or label.startswith("compare") or label.startswith("choose scenarios"):
            target = self.scenarios
        elif change & Change.TAB_STATE and page is self.scenarios:
            target = self.shares_page if label == SLIDER_LABEL else self.power_page
        else:
            return
        if page is not target:
            self.pages.setCurrentWidget(target)

    def reload(self, *, force: bool = False) -> None:
        """Show the working scenario from the workspace (skipped when it is what is committed already)."""
        scenario = shares_votes.working_scenario(self._workspace)
        partners = self._workspace.network.partners
        if not force and scenario == self.scenario and partners == self._partners:
            if self.analysis is not self.committed and not self._dragging() and self.committed is not None:
                self._show(self.committed, committed=True)  # a preview ended where it began
            return
        shown = self.analysis
        reuse = shown is not None and not force and shown.scenario == scenario and partners == self._partners
        self._partners = partners
        self.scenario = scenario
        committed = shown if reuse and shown is not None else analyse(partners, scenario)  # a preview is not redone
        self.committed = committed
        self._show(committed, committed=True)
        if force:
            self._compared = shares_votes.compared_ids(self._workspace)
            self.scenarios.refresh()

    def _show(self, analysis: ScenarioAnalysis, *, committed: bool) -> None:
        """Put ``analysis`` on every page. On the slider path: no resets, no relayout, bars by blitting."""
        self.analysis = analysis
        scenario = analysis.scenario
        editable = not self._workspace.read_only
        if committed:
            self.sliders.set_weights(scenario.weights)
            self.sliders.set_editable(editable)
            self.controls.show_scenario(scenario, tuple(zip(analysis.partner_ids, analysis.codes, strict=True)),
                                        editable=editable)
            self.power_page.model.set_read_only(not editable)
        blend = analysis.table.blend if analysis.table is not None else None
        self.sliders.show_normalised(scenario.weights, {c.basis: c.percent for c in blend.components} if blend else {})
        self.shares_page.show_table(analysis.table)
        self.power_page.show_analysis(analysis)
        self.chart_page.network_name = self._workspace.network.name
        self.chart_page.show_analysis(analysis, dragging=not committed and self._dragging())
        self.warnings.show_analysis(analysis, keep_height=not committed)
        _set(self.follows, follows_text(scenario))
        if committed:  # not on every slider step: the figures settle when the edit does
            self.shares_page.table.grow_columns()
            self.power_page.table.grow_columns()

    def _dragging(self) -> bool:
        return any(s.isSliderDown() for s in self.sliders.sliders.values())

    # ------------------------------------------------------------------ sliders
    def preview_weights(self, weights: Weights) -> None:
        """A slider step: work the candidate through and show it, writing nothing."""
        if self.scenario is None:
            return
        candidate = replace(self.scenario, weights=tuple(weights))
        self._show(analyse(self._partners, candidate), committed=False)

    def commit_weights(self, weights: Weights) -> None:
        """A slider let go (or a keyboard step settled): one undoable edit."""
        if self.scenario is None or self._workspace.read_only:
            return
        self._commit(replace(self.scenario, weights=tuple(weights)), SLIDER_LABEL)

    # ------------------------------------------------------------------ votes and rule
    def edit(self, changes: Mapping[str, object], label: str) -> None:
        """A voting control changed: refused with the reason (and the controls put back) if it may not be."""
        if self.scenario is None or self.committed is None:
            return
        self.sliders.flush()
        committed = self.committed
        change = run_edit(lambda: working_edits.edit_working(self._workspace, changes, label, shown=committed),
                          self.message, origin=self, read_only=self._workspace.read_only,
                          refused_then=" Nothing was changed.",
                          on_refused=lambda: self._show(committed, committed=True))
        if change == Change.NONE:
            self.reload()  # nothing new to write: show the committed scenario again

    def edit_votes(self, index: int, text: str) -> None:
        """A custom vote typed in the power table. Raises ``FieldError`` (or ``WorkspaceError``) when it is not
        saved: the table reports it at the cell."""
        if self.scenario is None or self.committed is None:
            return
        self.sliders.flush()
        working_edits.type_custom_votes(self._workspace, self.committed.partner_ids[index], text,
                                        shown=self.committed)

    def _cell_refused(self, row: int, column: int, message: str) -> None:
        self._refused_at = (row, column)
        self.message.show_error(not_saved(message, " The votes are unchanged."))
        index = self.power_page.model.index(row, column)
        if index.isValid():
            self.power_page.table.setCurrentIndex(index)

    def _cell_accepted(self, row: int, column: int) -> None:
        """The refused cell now holds valid votes (even the same as before): the refusal is old news."""
        if self._refused_at == (row, column) and self.message.is_error:
            self.message.clear()
        self._refused_at = None

    def _commit(self, candidate: Scenario, label: str) -> None:
        change = run_edit(lambda: shares_votes.set_working_scenario(self._workspace, candidate, label),
                          self.message, origin=self, on_refused=lambda: self.reload(force=True))
        if change == Change.NONE:
            self.reload()  # nothing new to write: show the committed scenario again

    # ------------------------------------------------------------------ working
    def show_working_for(self, page: SharesPage | PowerPage, index: QModelIndex | None = None) -> None:
        index = index if index is not None and index.isValid() else page.table.currentIndex()
        working = self.working_at(page, index)
        if working is None:
            self.message.show_notice("Choose a figure in the table first (click it), then Show working.")
            return
        self._open_working(working)

    def working_at(self, page: SharesPage | PowerPage, index: QModelIndex) -> Working | None:
        if not index.isValid() or self.analysis is None:
            return None
        if page is self.shares_page:
            table = self.shares_page.model.table
            pid = self.shares_page.model.partner_id_at(index.row())
            key = self.shares_page.model.key_at(index.column())
            if table is None or pid is None or key == "partner":
                return None
            return share_working(table, key, pid)
        i = self.power_page.model.partner_at(index.row())
        key = self.power_page.model.key_at(index.column())
        if i is None or key == "partner":
            return None
        return power_working(self.analysis, key, i)

    def _open_working(self, working: Working) -> None:
        if self.working_dialog is not None:
            self.working_dialog.close()
        self.working_dialog = show_working(self, working)
        self.working_dialog.finished.connect(self._working_closed)

    def _working_closed(self, *_: object) -> None:
        self.working_dialog = None


def follows_text(scenario: Scenario) -> str:
    if scenario.vote_method is not VoteMethod.PROPORTIONAL:
        kind = "equal" if scenario.vote_method is VoteMethod.EQUAL else "custom"
        return f"Votes are {kind}: the blend sets shares only."
    if scenario.vote_basis == "blend":
        return "Votes follow this blend."
    return f"Votes follow {Basis.of(scenario.vote_basis).label}."


def _set(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)
