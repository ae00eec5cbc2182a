"""Saved scenarios: save the sliders and rule under a name, put one back, rename, delete, mark the agreed one,
and tick up to four to compare side by side (a row per partner, three columns per scenario, differences from
the agreed scenario in points). Each action is one undoable edit (``workspace.shares_votes``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.domain.scenarios.scenario import MAX_SCENARIOS_COMPARED
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.ui.common.run_edit import run_edit
from imagingnet_desktop.ui.shares_votes.grouped_header import GroupedHeader
from imagingnet_desktop.ui.shares_votes.pages import NotesUnder
from imagingnet_desktop.ui.shares_votes.scenario_compare_model import (
    AGREED_MARK,
    GROUP_ROLE,
    ScenarioCompareModel,
)
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.shares_votes.scenarios import SavedScenario
from imagingnet_desktop.workspace.workspace import Workspace

T = TypeVar("T")
AGREED_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # on a list item: the agreed scenario (shown in bold)
LIST_MIN_WIDTH = 150  # the saved-scenarios list, when the comparison needs the width
ROW_PADDING = 4  # pixels above and below a row's two lines: eight rows fit 720 px at presentation type
ROOM_TO_SPARE = 12  # a folded list comes back only with this much to spare, so it never flickers in and out

AskName = Callable[[str, str, str], str | None]  # (title, prompt, suggested) -> name or None


class ScenarioPanel(QWidget):
    working_requested = Signal(object, str, object)  # (analysis, column key, partner index)
    loaded = Signal()  # a saved scenario was put on the sliders

    def __init__(self, workspace: Workspace, message: InlineMessage, flush: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._message = message
        self._flush = flush
        self.ask_name: AskName = self._ask_name_dialog  # tests replace this

        heading = QLabel("Saved scenarios")
        theme.use_font(heading, 1.2, bold=True)
        heading.setWordWrap(True)  # beside its fold button: two lines rather than a wider list
        hint = QLabel(f"Tick up to {MAX_SCENARIOS_COMPARED} to compare them side by side.")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {theme.MUTED_INK};")
        theme.use_font(hint, 1.0)  # a style sheet stops a label following the app's type size: say it
        self.list = QListWidget()
        self.list.setAccessibleName("Saved scenarios")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        theme.use_font(self.list, 1.1)
        self.list.itemChanged.connect(self._ticked)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemDoubleClicked.connect(lambda _item: self.load())

        self.save_button = self._button("&Save current as…", self.save, "Save the sliders, votes and rule under a name")
        self.load_button = self._button("&Put on the sliders", self.load, "Make the chosen scenario the current one")
        self.rename_button = self._button("Ren&ame…", self.rename, "Rename the chosen scenario")
        self.delete_button = self._button("&Delete", self.delete, "Delete the chosen scenario (Ctrl+Z undoes)")
        self.agreed_button = self._button("Mark as a&greed", self.toggle_agreed,
                                          "Mark the chosen scenario as the network's agreed position")

        self.compare_model = ScenarioCompareModel(self)
        self.compare = QTableView()
        self.compare.setAccessibleName("Scenarios compared side by side")
        self.compare.setHorizontalHeader(GroupedHeader(GROUP_ROLE, self.compare))
        self.compare.setModel(self.compare_model)
        self.compare.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare.setWordWrap(True)
        self.compare.setCornerButtonEnabled(False)
        self.compare.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        theme.use_font(self.compare, 0.95)
        theme.use_font(self.compare.horizontalHeader(), 0.95, bold=True)
        theme.use_font(self.compare.verticalHeader(), 1.05, bold=True)
        self.compare.horizontalHeader().setMinimumSectionSize(10)
        self.compare.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.compare.doubleClicked.connect(self._compare_working)
        self.compare_summary = QLabel()
        self.compare_summary.setObjectName("compareSummary")
        self.compare_summary.setWordWrap(True)
        self.compare_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.compare_summary.setStyleSheet(f"color: {theme.MUTED_INK};")
        theme.use_font(self.compare_summary, 0.95)
        self.compare_empty = QLabel("Tick saved scenarios on the left to compare them here.")
        self.compare_empty.setStyleSheet(f"color: {theme.MUTED_INK};")
        theme.use_font(self.compare_empty, 1.1)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 6, 0)
        heading_row = QHBoxLayout()
        heading_row.addWidget(heading, 1)
        self.hide_list_button = QToolButton()
        self.hide_list_button.setText("◂")
        self.hide_list_button.setToolTip("Fold the list away: the comparison gets the whole width")
        self.hide_list_button.setAccessibleName("Fold the saved-scenarios list away")
        theme.use_font(self.hide_list_button, 1.1, bold=True)
        self.hide_list_button.clicked.connect(lambda: self.show_list(False))
        heading_row.addWidget(self.hide_list_button)
        column.addLayout(heading_row)
        column.addWidget(hint)
        column.addWidget(self.list, 1)
        for button in (self.save_button, self.load_button, self.rename_button, self.delete_button,
                       self.agreed_button):
            column.addWidget(button)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(6, 0, 0, 0)
        self.compare_stack = QStackedWidget()
        self.compare_stack.addWidget(self.compare_empty)
        compared = QWidget()
        compared_column = QVBoxLayout(compared)
        compared_column.setContentsMargins(0, 0, 0, 0)
        compared_column.setSpacing(4)
        compared_column.addWidget(self.compare, 1)
        self.compare_summary_area = NotesUnder(self.compare_summary, lines=2)
        # In the empty corner above the partner codes: bring the folded list back.
        self.show_list_button = QToolButton(self.compare)
        self.show_list_button.setText("▸\nList")  # two short lines: the corner is as narrow as a partner's code
        self.show_list_button.setToolTip("Show the saved-scenarios list again")
        self.show_list_button.setAccessibleName("Show the saved-scenarios list")
        theme.use_font(self.show_list_button, 0.95, bold=True)
        self.show_list_button.clicked.connect(lambda: self.show_list(True))
        self.show_list_button.hide()
        compared_column.addWidget(self.compare_summary_area)
        self._compared_view = compared
        self.compare_stack.addWidget(compared)
        self.compare_empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.compare_empty.setWordWrap(True)
        right_column.addWidget(self.compare_stack, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        self._list_pane = left
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([185, 1000])
        self._splitter = splitter
        self._split_by_hand = False
        self._list_by_hand: bool | None = None  # shown (True) or folded (False) by the user; None: not chosen
        self._list_folded_for_room = False  # folded by the panel itself so the comparison fits without scrolling
        splitter.splitterMoved.connect(lambda *_: setattr(self, "_split_by_hand", True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode: taller rows for the larger type
            if self._list_by_hand:
                self._list_by_hand = None  # a list kept in view at the other type size: fold it if need be
            QTimer.singleShot(0, self, self._fit_rows)
            self._bold_agreed_item()

    def _bold_agreed_item(self) -> None:
        """The agreed scenario's name in bold, at the type size of the moment (an item's own font does not
        follow presentation mode)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(AGREED_ROLE):
                item.setFont(theme.font(1.1, bold=True))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit_columns)  # hidden, the table had no width of its own to fit

    def show_list(self, shown: bool) -> None:
        """The user shows the saved-scenarios list, or folds it away so four scenarios fit a small screen."""
        self._list_by_hand = shown
        self._list_folded_for_room = False
        self._set_list_shown(shown, focus=True)

    def _set_list_shown(self, shown: bool, *, focus: bool) -> None:
        self._list_pane.setVisible(shown)
        self.show_list_button.setVisible(not shown)
        if not shown:
            self.show_list_button.adjustSize()
            self.show_list_button.move(2, 2)
            self.show_list_button.raise_()
            if focus:
                self.show_list_button.setFocus()
        elif focus:
            self.list.setFocus()
        QTimer.singleShot(0, self, self._fit_columns)

    def _fit_rows(self) -> None:
        """Two lines a row (the figure and its difference), whatever was marked agreed: never collapses."""
        self.compare.verticalHeader().setDefaultSectionSize(self.compare.fontMetrics().lineSpacing() * 2 + ROW_PADDING)
        header = self.compare.horizontalHeader()
        header.setFixedHeight(header.sizeHint().height())
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns share the width when every figure fits; otherwise each as wide as its figures (the table
        then scrolls sideways inside the pane): a figure is never cut to "−10.4…".

        Before the table scrolls, the list narrows to its least width, then folds away (four scenarios at
        presentation type on 1280 px: "▸ List" brings it back); a list folded that way comes back by itself
        once the comparison fits beside it. Neither happens to a list the user folded or showed."""
        header = self.compare.horizontalHeader()
        count = self.compare_model.columnCount()
        if not count:
            return
        needed = [max(self.compare.sizeHintForColumn(c), header.sectionSizeHint(c)) + 2 for c in range(count)]
        short = sum(needed) - self.compare.viewport().width()
        sizes = self._splitter.sizes()
        first = self._splitter.widget(0)
        floor = max(LIST_MIN_WIDTH, first.minimumSizeHint().width() if first is not None else 0)
        listed = not self._list_pane.isHidden()
        if self.isVisible() and not self._split_by_hand and self._make_room(short, listed, sizes, floor):
            QTimer.singleShot(0, self, self._fit_columns)
            return
        spare = max(0, self.compare.viewport().width() - sum(needed)) // count
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(needed):
            if header.sectionSize(column) != width + spare:
                header.resizeSection(column, width + spare)

    def _make_room(self, short: int, listed: bool, sizes: list[int], floor: int) -> bool:
        """Narrow, fold or bring back the list for a comparison ``short`` pixels too wide (negative: to spare);
        True when it did (the columns are fitted again once the layout has settled)."""
        if short > 0 and listed and sizes[0] > floor:
            give = min(short, sizes[0] - floor)  # the list gives up width before a figure scrolls away
            self._splitter.setSizes([sizes[0] - give, sizes[1] + give])
            return True
        if short > 0 and listed and self._list_by_hand is None:
            focused = QApplication.focusWidget()
            focus_in_list = focused is not None and self._list_pane.isAncestorOf(focused)
            self._list_folded_for_room = True
            self._set_list_shown(False, focus=focus_in_list)
            return True
        room = floor + self._splitter.handleWidth() + ROOM_TO_SPARE
        if self._list_folded_for_room and not listed and short + room <= 0:
            self._list_folded_for_room = False
            self._set_list_shown(True, focus=False)
            total = sum(self._splitter.sizes())
            self._splitter.setSizes([floor, max(total - floor, 0)])
            return True
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_columns)

    def _button(self, text: str, slot: Callable[[], None], tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        theme.use_font(button, 1.05, bold=True)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ showing
    def refresh(self) -> None:
        """Rebuild the list and the comparison from the workspace."""
        saved = shares_votes.saved_scenarios(self._workspace)
        compared = shares_votes.compared_ids(self._workspace)
        current = self.selected_id()
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for s in saved:
                item = QListWidgetItem(f"{AGREED_MARK} · {s.scenario.name}" if s.agreed else s.scenario.name)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if s.id in compared else Qt.CheckState.Unchecked)
                item.setToolTip(f"{s.scenario.describe_shares()}. Double-click to put it on the sliders.")
                item.setData(AGREED_ROLE, s.agreed)
                self.list.addItem(item)
                if s.id == current:
                    self.list.setCurrentItem(item)
            self._bold_agreed_item()
        finally:
            self.list.blockSignals(False)
        by_id = {s.id: s for s in saved}
        partners = self._workspace.network.partners
        columns = [(by_id[i], shares_votes.analyse_scenario(self._workspace, by_id[i].scenario))
                   for i in compared if i in by_id]
        agreed = shares_votes.agreed_scenario(self._workspace)
        self.compare_model.set_scenarios(columns, [p.code for p in partners],
                                         shares_votes.analyse_scenario(self._workspace, agreed), agreed.name)
        self.compare_summary.setText("\n".join(self.compare_model.summary_lines()))
        self.compare_summary_area.fit()
        self._fit_rows()
        self.compare_stack.setCurrentWidget(self._compared_view if columns else self.compare_empty)
        self._update_buttons()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def select(self, scenario_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == scenario_id:
                self.list.setCurrentRow(row)
                return

    def _selected(self) -> SavedScenario | None:
        chosen = self.selected_id()
        return next((s for s in shares_votes.saved_scenarios(self._workspace) if s.id == chosen), None)

    def _update_buttons(self) -> None:
        editable = not self._workspace.read_only
        chosen = self._selected()
        self.save_button.setEnabled(editable)
        for button in (self.load_button, self.rename_button, self.delete_button, self.agreed_button):
            button.setEnabled(editable and chosen is not None)
        self.agreed_button.setText("Clear a&greed mark" if chosen is not None and chosen.agreed
                                   else "Mark as a&greed")

    # ------------------------------------------------------------------ actions
    def save(self) -> None:
        self._flush()
        name = self.ask_name("Save scenario", "Name for this scenario:", self._suggested_name())
        if name is None:
            return
        saved = self._run(lambda: shares_votes.save_scenario(self._workspace, name))
        if isinstance(saved, SavedScenario):
            self.select(saved.id)
            where = " and added to the comparison" if saved.id in shares_votes.compared_ids(self._workspace) else ""
            self._message.show_notice(f"Saved “{saved.scenario.name}”{where}. Ctrl+Z undoes.")

    def load(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        self._flush()
        if self._run(lambda: shares_votes.load_scenario(self._workspace, chosen.id)) is not None:
            self._message.show_notice(f"“{chosen.scenario.name}” is on the sliders. Ctrl+Z puts back what was there.")
            self.loaded.emit()

    def rename(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        name = self.ask_name("Rename scenario", "New name:", chosen.scenario.name)
        if name is not None:
            self._run(lambda: shares_votes.rename_scenario(self._workspace, chosen.id, name))

    def delete(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        if self._run(lambda: shares_votes.delete_scenario(self._workspace, chosen.id)) is not None:
            self._message.show_notice(f"Deleted “{chosen.scenario.name}” — Ctrl+Z to undo")

    def toggle_agreed(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        target = None if chosen.agreed else chosen.id
        if self._run(lambda: shares_votes.mark_agreed(self._workspace, target)) is not None:
            self._message.show_notice(
                f"“{chosen.scenario.name}” is the network's agreed position." if target is not None
                else "No scenario is marked as agreed now: reports use equal votes and a simple majority.")

    def _ticked(self, item: QListWidgetItem) -> None:
        ids = [int(self.list.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(self.list.count())
               if self.list.item(r).checkState() == Qt.CheckState.Checked]
        self._run(lambda: shares_votes.set_compared(self._workspace, ids), on_refused=lambda: self._untick(item))

    def _untick(self, item: QListWidgetItem) -> None:
        self.list.blockSignals(True)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def _run(self, edit: Callable[[], T], on_refused: Callable[[], None] | None = None) -> T | None:
        return run_edit(edit, self._message, origin=self, read_only=self._workspace.read_only,
                        on_refused=on_refused)

    def _suggested_name(self) -> str:
        names = {s.scenario.name.casefold() for s in shares_votes.saved_scenarios(self._workspace)}
        number = 1
        while f"scenario {number}" in names:
            number += 1
        return f"Scenario {number}"

    def _ask_name_dialog(self, title: str, prompt: str, suggested: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, prompt, text=suggested)
        return name if ok else None

    def _compare_working(self, index: QModelIndex) -> None:
        if index.isValid():
            self.working_requested.emit(self.compare_model.column_at(index.column())[1],
                                        self.compare_model.column_key(index.column()),
                                        self.compare_model.row_key(index.row()))
