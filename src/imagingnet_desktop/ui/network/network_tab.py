"""The Network tab: the network's name, its dashboard and the partner table, edited live in the workshop.

Every edit goes through ``workspace.network.partner_commands`` (one undoable command, committed to the file),
run by ``run_edit``. The tab listens to the workspace and refreshes only on the changes it shows: PARTNERS and
NETWORK_NAME.
Keys (on the table): Enter or F2 edits the current cell, Tab moves on, Delete deletes the selected partners,
Ctrl+Up / Ctrl+Down move the current partner; Insert or Ctrl+Shift+N adds a partner (anywhere on the tab).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.store.errors import WorkspaceError
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.edit_on_enter import EditOnEnterTableView
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.ui.common.run_edit import not_saved, run_edit
from imagingnet_desktop.ui.common.tab import Tab
from imagingnet_desktop.ui.network.cell_editors import PartnerCellDelegate
from imagingnet_desktop.ui.network.dashboard import NetworkDashboard
from imagingnet_desktop.ui.network.partner_table_model import PartnerTableModel
from imagingnet_desktop.workspace import tab_settings
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.network import partner_commands
from imagingnet_desktop.workspace.network.partner_references import PartnerInUseError
from imagingnet_desktop.workspace.workspace import Workspace

ADD_SHORTCUTS = (QKeySequence(Qt.Key.Key_Insert), QKeySequence("Ctrl+Shift+N"))
DELETE_SHORTCUT = QKeySequence(Qt.Key.Key_Delete)
MOVE_UP_SHORTCUT = QKeySequence("Ctrl+Up")
MOVE_DOWN_SHORTCUT = QKeySequence("Ctrl+Down")
MAX_COLUMN_WIDTH = 360
CODE_PADDING = 10  # pixels either side of a code in the row header
DASHBOARD_FOLDED_KEY = "network.view.dashboard_folded"  # tab_state: true while the dashboard is folded away
T = TypeVar("T")


class PartnerTableView(EditOnEnterTableView):
    """The partner table: also starts editing on Enter (F2, double-click and typing a character already do)."""


class DashboardScroll(QScrollArea):
    """Holds the dashboard; tells it the width it has, so large type reflows the tiles rather than clipping."""

    def __init__(self, dashboard: NetworkDashboard) -> None:
        super().__init__()
        self._dashboard = dashboard
        self.setWidget(dashboard)

    def available_width(self) -> int:
        # Leave room for a vertical scroll bar whether or not one shows, so the choice cannot flip-flop.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return self.contentsRect().width() - bar

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() != event.oldSize().width():  # height changes do not reflow the tiles
            self._dashboard.fit_width(self.available_width())
        super().resizeEvent(event)


class NetworkTab(Tab):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setAccessibleName("Network")

        self.name_edit = QLineEdit(workspace.network.name)
        self.name_edit.setAccessibleName("Network name")
        self.name_edit.setMaxLength(250)
        theme.use_font(self.name_edit, 1.5, bold=True)
        self.name_edit.editingFinished.connect(self._rename)
        name_label = QLabel("&Network")
        name_label.setBuddy(self.name_edit)
        theme.use_font(name_label, 1.2, bold=True)

        self.dashboard = NetworkDashboard()
        self.message = InlineMessage()

        self.model = PartnerTableModel(workspace, self)
        self.model.validation_failed.connect(self._refused)
        self.model.accepted.connect(self._accepted)
        self._refused_at: tuple[int, int] | None = None
        self.model.save_failed.connect(self._not_saved)
        self.model.modelReset.connect(self._fit_columns)
        self.table = self._make_table()
        self.table.font_changed.connect(self._font_changed)

        self.add_action = self._action("Add partner", self._add, ADD_SHORTCUTS, self,
                                       Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action = self._action("Delete", self._delete, (DELETE_SHORTCUT,), self.table)
        self.move_up_action = self._action("Move up", lambda: self._move(-1), (MOVE_UP_SHORTCUT,), self.table)
        self.move_down_action = self._action("Move down", lambda: self._move(+1), (MOVE_DOWN_SHORTCUT,), self.table)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.selectionModel().currentChanged.connect(self._update_actions)

        self._lay_out(name_label)
        self._show_all()  # columns are fitted once, when first shown (showEvent): fitting costs start-up time

    # ------------------------------------------------------------------ building
    def _make_table(self) -> PartnerTableView:
        table = PartnerTableView()
        table.setAccessibleName("Partner trusts")
        table.setModel(self.model)
        table.setItemDelegate(PartnerCellDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setTabKeyNavigation(True)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        theme.use_font(table, 1.1)
        header = table.horizontalHeader()
        theme.use_font(header, 1.0, bold=True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        rows = table.verticalHeader()
        theme.use_font(rows, 1.1, bold=True)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.hide()  # the code is shown once: its own (editable) first column, the trust's name beside it...
        table.horizontalScrollBar().valueChanged.connect(self._show_codes_beside)
        return table

    def _show_codes_beside(self, scrolled: int) -> None:
        """...until the table scrolls sideways and the code column goes out of view: then each row's code stands
        beside it in the row header, which stays put (the trust's name is its tooltip). Qt's own header, so
        editing, selection and the keys work as ever; the code is still shown once at a time."""
        rows = self.table.verticalHeader()
        if rows.isHidden() == (scrolled > 0):
            if scrolled > 0:  # room around the widest code, at the type size of the moment
                codes = [p.code for p in self._workspace.network.partners] or ["W"]
                rows.setMinimumWidth(max(rows.fontMetrics().horizontalAdvance(c) for c in codes) + 2 * CODE_PADDING)
            rows.setVisible(scrolled > 0)

    def _action(self, text: str, slot: Callable[[], None], keys: tuple[QKeySequence, ...], owner: QWidget,
                context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut) -> QAction:
        action = QAction(text, owner)
        action.setShortcuts(list(keys))
        action.setShortcutContext(context)
        keys_text = " or ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        action.setToolTip(f"{text} ({keys_text})")
        action.triggered.connect(slot)
        owner.addAction(action)
        return action

    def _lay_out(self, name_label: QLabel) -> None:
        name_row = QHBoxLayout()
        name_row.addWidget(name_label)
        name_row.addWidget(self.name_edit, 1)
        self.dashboard_toggle = QToolButton()
        self.dashboard_toggle.setCheckable(True)
        self.dashboard_toggle.setChecked(not self._workspace.tab_state(DASHBOARD_FOLDED_KEY, False))
        self.dashboard_toggle.setAccessibleName("Show or fold away the dashboard")
        self.dashboard_toggle.setToolTip("Fold the dashboard away so every partner's row fits, or show it again")
        theme.use_font(self.dashboard_toggle, 1.05, bold=True)
        self.dashboard_toggle.toggled.connect(self._show_dashboard)
        self.dashboard_toggle.toggled.connect(self._remember_dashboard)
        name_row.addWidget(self.dashboard_toggle)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        heading = QLabel("Partner trusts")
        theme.use_font(heading, 1.2, bold=True)
        buttons.addWidget(heading)
        buttons.addStretch(1)
        for action in (self.add_action, self.delete_action, self.move_up_action, self.move_down_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            theme.use_font(button, 1.05, bold=True)
            button.setMinimumHeight(int(button.fontMetrics().height() * 1.8))
            buttons.addWidget(button)

        partners = QWidget()
        column = QVBoxLayout(partners)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(6)
        column.addLayout(buttons)
        column.addWidget(self.message)
        column.addWidget(self.table, 1)

        dashboard_scroll = DashboardScroll(self.dashboard)
        dashboard_scroll.setWidgetResizable(True)
        dashboard_scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(dashboard_scroll)
        self.splitter.addWidget(partners)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self._dashboard_scroll = dashboard_scroll
        self._show_dashboard(self.dashboard_toggle.isChecked())
        self._sized = False
        self._split_by_hand = False
        self.splitter.splitterMoved.connect(self._split_moved)

        page = QVBoxLayout(self)
        page.setContentsMargins(12, 10, 12, 10)
        page.setSpacing(8)
        page.addLayout(name_row)
        page.addWidget(self.splitter, 1)

    # ------------------------------------------------------------------ fitting the room's screen
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            self._fit_to_font()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._sized and not self._split_by_hand:
            QTimer.singleShot(0, self, self._fit_split)  # once the layout has settled at the new size

    def _font_changed(self) -> None:
        if self._sized:  # re-fit once every child has its new font
            QTimer.singleShot(0, self, self._fit_to_font)

    def _fit_to_font(self) -> None:
        self._fit_table()
        self.dashboard.fit_width(self._dashboard_scroll.available_width())
        self._fit_split()

    def _fit_split(self) -> None:
        """The dashboard as tall as it needs (at most 55%), the table the rest, until the user drags. When it
        needs more, the pane ends under the last row of boxes that fits whole (the rest scrolls into view):
        never across a box, so no verdict is cut in half."""
        if not shiboken6.isValid(self):
            return
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        wanted = self.dashboard.height_for(self._dashboard_scroll.available_width()) + 2  # viewport() costs start-up ms
        top = min(wanted, int(total * 0.55))
        if top < wanted and self._dashboard_scroll.isVisible():
            whole = [bottom for bottom in self.dashboard.row_bottoms() if bottom + 2 <= top]
            if whole:
                top = whole[-1] + 2
                self._dashboard_scroll.verticalScrollBar().setSingleStep(max(whole[0] // 2, 20))
        self.splitter.setSizes([top, total - top])

    def _show_dashboard(self, shown: bool) -> None:
        """The dashboard in view (▾ Hide) or folded away (▸ Show), leaving the height to the partner rows."""
        self.dashboard_toggle.setText("▾ Hide dashboard" if shown else "▸ Show dashboard")
        self._dashboard_scroll.setVisible(shown)
        if shown and getattr(self, "_sized", False):
            QTimer.singleShot(0, self, self._fit_split)

    def _remember_dashboard(self, shown: bool) -> None:
        """Folded or not, the file reopens the tab that way (a view setting: Ctrl+Z does not unfold it)."""
        try:
            tab_settings.remember_view_setting(self._workspace, DASHBOARD_FOLDED_KEY, None if shown else True)
        except (WorkspaceError, PermissionError) as exc:
            self.message.show_error(not_saved(str(exc), " The dashboard stays as it is, but the file will not "
                                                        "remember it."))

    def _split_moved(self, *_: object) -> None:
        self._split_by_hand = True

    def _fit_table(self) -> None:
        self.table.verticalHeader().setDefaultSectionSize(int(self.table.fontMetrics().height() * 1.7))
        self._fit_columns()

    def _fit_columns(self) -> None:
        # Size from the visible rows and up to 20 more, not every cell: 50 partners would cost tens of ms.
        self.table.horizontalHeader().setResizeContentsPrecision(20)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column == 1:  # the trust's name: readable in full, whatever the type size
                header.resizeSection(column, max(header.sectionSize(column) + 12, 200))
            elif header.sectionSize(column) > MAX_COLUMN_WIDTH:
                header.resizeSection(column, MAX_COLUMN_WIDTH)
            else:
                header.resizeSection(column, header.sectionSize(column) + 12)

    # ------------------------------------------------------------------ following the workspace
    def workspace_changed(self, change: Change, *, started_here: bool = False) -> None:
        if change and self.message.text():
            self.message.clear()  # a later edit or an undo makes it old news ("Deleted X — Ctrl+Z to undo")
        if change & Change.NETWORK_NAME:
            self._show_name()
        if change & Change.PARTNERS:
            self.dashboard.show_network(self._workspace.network)
            self._update_actions()

    def _show_all(self) -> None:
        self._show_name()
        self.dashboard.show_network(self._workspace.network)
        self._update_actions()

    def _show_name(self) -> None:
        name = self._workspace.network.name
        if self.name_edit.text() != name:
            self.name_edit.setText(name)
        self.name_edit.setModified(False)
        self.name_edit.setReadOnly(self._workspace.read_only)

    def _update_actions(self, *_: object) -> None:
        editable = not self._workspace.read_only
        rows = self.selected_rows()
        current = self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1
        self.add_action.setEnabled(editable)
        self.delete_action.setEnabled(editable and bool(rows))
        self.move_up_action.setEnabled(editable and current > 0)
        self.move_down_action.setEnabled(editable and 0 <= current < self.model.rowCount() - 1)


    # ------------------------------------------------------------------ what the user does
    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def _rename(self) -> None:
        if not self.name_edit.isModified() or self._workspace.read_only:
            return
        run_edit(lambda: partner_commands.rename_network(self._workspace, self.name_edit.text()), self.message,
                 origin=self, refused_then=f" The name stays “{self._workspace.network.name}”.",
                 on_refused=lambda: self.name_edit.setText(self._workspace.network.name))
        self.name_edit.setModified(False)

    def _refused(self, row: int, column: int, message: str) -> None:
        self._refused_at = (row, column)
        self.message.show_error(not_saved(message, " The old value is kept."))
        index = self.model.index(row, column)
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _accepted(self, row: int, column: int) -> None:
        """The refused cell now holds a valid value (even one that changed nothing): the refusal is old news."""
        if self._refused_at == (row, column) and self.message.is_error:
            self.message.clear()
        self._refused_at = None

    def _not_saved(self, row: int, column: int, typed: str, message: str) -> None:
        """The edit could not be written: say so, and put what was typed back in the cell to try again."""
        self.message.show_error(not_saved(message, f" What you typed (“{typed}”) is back in the cell: "
                                                   "press Enter to try again, or Escape to leave it."))
        QTimer.singleShot(0, self, lambda: self.reoffer(row, column, typed))

    def reoffer(self, row: int, column: int, typed: str) -> None:
        index = self.model.index(row, column)
        if not index.isValid() or self.table.state() == QAbstractItemView.State.EditingState:
            return
        self.table.setCurrentIndex(index)
        self.table.edit(index)
        editor = self.table.indexWidget(index) or QApplication.focusWidget()
        if isinstance(editor, QLineEdit) and self.table.isAncestorOf(editor):
            editor.setText(typed)
            editor.selectAll()

    def _add(self) -> None:
        self._finish_editing()  # Insert pressed mid-edit: keep what was typed before the table changes
        partner = self._run(lambda: partner_commands.add_partner(self._workspace))
        if partner is None:
            return
        index = self.model.index(self.model.row_of(partner.id), 0)
        self._select(index.row(), 0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.edit(index)
        self.message.show_notice(f"Added {partner.code}: type its code, then Tab to each field. Ctrl+Z undoes.")

    def _delete(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        doomed = [self.model.partner_at(r) for r in rows]
        column = max(self.table.currentIndex().column(), 0)
        ids = [p.id for p in doomed]
        in_use: list[PartnerInUseError] = []

        def delete() -> object:
            try:
                return partner_commands.delete_partners(self._workspace, ids)
            except PartnerInUseError as exc:  # rows elsewhere name them: asked below, hand over or clear
                in_use.append(exc)
                return None

        done = self._run(delete)
        if in_use:
            remaining = [p for p in self._workspace.network.partners if p.id not in ids]
            choice = self._ask_hand_over(str(in_use[0]), remaining)
            if choice is None:
                return
            done = self._run(lambda: partner_commands.delete_partners(
                self._workspace, ids, hand_over=choice[0], to_partner=choice[1]))
        if done is None:
            return
        if self.model.rowCount():
            self._select(min(rows[0], self.model.rowCount() - 1), column)
        names = ", ".join(p.code for p in doomed)
        self.message.show_notice(f"Deleted {names} — Ctrl+Z to undo")

    def _ask_hand_over(self, message: str, remaining: list[Partner]) -> tuple[str, int | None] | None:
        """Hand over or clear what names the partners being deleted (tests replace this)."""
        from imagingnet_desktop.ui.network.hand_over_dialog import ask_hand_over

        return ask_hand_over(self, message, remaining)

    def _move(self, step: int) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            return
        partner = self.model.partner_at(current.row())
        target = current.row() + step
        if not 0 <= target < self.model.rowCount():
            return
        if self._run(lambda: partner_commands.move_partner(self._workspace, partner.id, target)) is None:
            return
        self._select(self.model.row_of(partner.id), current.column())

    def _finish_editing(self) -> None:
        editor = QApplication.focusWidget()
        if self.table.state() == QAbstractItemView.State.EditingState and editor is not None \
                and self.table.isAncestorOf(editor):
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _select(self, row: int, column: int) -> None:
        index = self.model.index(row, column)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _run(self, edit: Callable[[], T]) -> T | None:
        return run_edit(edit, self.message, origin=self, read_only=self._workspace.read_only)

    # ------------------------------------------------------------------ for the main window
    def detach(self) -> None:
        super().detach()
        self.model.detach()
