"""The log page: the entry bar, the filter row and the table of decisions, actions and open issues.

Keys: Enter in the entry bar adds the entry; Ctrl+F goes to the text filter; in the table Enter or F2 edits
the current cell and Delete deletes the selected entry (each one undoable with Ctrl+Z).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.record.entries import EntryKind, EntryStatus
from imagingnet_desktop.domain.record.log_filter import OVERDUE, EntryFilter
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.edit_on_enter import EditOnEnterTableView
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.ui.common.run_edit import run_edit
from imagingnet_desktop.ui.common.scroll_pane import vertical_scroll
from imagingnet_desktop.ui.record.entry_bar import EntryBar
from imagingnet_desktop.ui.record.entry_model import (
    COLUMNS,
    PERSON,
    STEP,
    TEXT,
    ChoicesRole,
    RecordEntryModel,
    details_text,
)
from imagingnet_desktop.ui.record.matter_picker import MatterPicker
from imagingnet_desktop.workspace.record.entries import add_entry, delete_entry
from imagingnet_desktop.workspace.record.matter_links import link_decision, matter_choices
from imagingnet_desktop.workspace.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
ANY = "Any"
# A sample of what each column holds, to size it without measuring 5,000 rows.
COLUMN_SAMPLES = ("0000", "◆ Decision", "", "due 00 Sep 0000", "OBC · Operations", "WWWW", "Wwwwwwwwww",
                  "⚠ Overdue")
OPTIONAL_COLUMNS = (PERSON, STEP)  # hidden, in this order, when the text would get less than TEXT_SHARE
TEXT_SHARE = 0.34
SEARCH_PREPARE_DELAY_MS = 300  # after the tab is painted, before anyone can have typed a search


class EntryTableView(EditOnEnterTableView):
    """Enter starts editing the current cell (as F2 does); a change of type or of width refits the columns."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.font_changed.emit()


class EntryDelegate(QStyledItemDelegate):
    """A choice list for status and owner; a line edit for the rest."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        choices = index.data(ChoicesRole)
        if isinstance(choices, list):
            combo = QComboBox(parent)
            combo.addItems([str(c) for c in choices])
            combo.setFont(option.font)
            combo.activated.connect(lambda _=0, c=combo: self._commit_and_close(c))
            return combo
        editor = QLineEdit(parent)
        editor.setFont(option.font)
        return editor

    def _commit_and_close(self, editor: QWidget) -> None:
        """A pick from the list is the whole edit, as Enter would be."""
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findText(text), 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(text)
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()  # type: ignore[attr-defined]
        model.setData(index, text, Qt.ItemDataRole.EditRole)


class LogPage(QWidget):
    def __init__(self, workspace: Workspace, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.message = InlineMessage()
        self.entry_bar = EntryBar(today)
        self.entry_bar.submitted.connect(self._add)
        self.model = RecordEntryModel(workspace, today, self)
        self.model.edit_refused.connect(self.message.show_error)
        self.table = self._make_table()
        self.table.font_changed.connect(self.fit_columns)

        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Show type")
        for text, kind in ((ANY, None), ("Decisions", EntryKind.DECISION), ("Actions", EntryKind.ACTION),
                           ("Open issues", EntryKind.ISSUE)):
            self.kind_filter.addItem(text, kind)
        self.partner_filter = QComboBox()
        self.partner_filter.setAccessibleName("Owner partner")
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Status")
        for text, status in ((ANY, None), ("Open", EntryStatus.OPEN), ("⚠ Overdue", OVERDUE),
                             ("Done", EntryStatus.DONE), ("Dropped", EntryStatus.DROPPED),
                             ("Resolved", EntryStatus.RESOLVED), ("Recorded", EntryStatus.RECORDED)):
            self.status_filter.addItem(text, status)
        self.text_filter = QLineEdit()
        self.text_filter.setAccessibleName("Find text")
        self.text_filter.setPlaceholderText("Find words (Ctrl+F)")
        self.text_filter.setClearButtonEnabled(True)
        self.details = QLabel()
        self.details.setAccessibleName("Current entry")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        theme.use_font(self.details, 1.15)
        # A pane of fixed height: a long entry scrolls inside it rather than moving (and repainting) the table.
        self.details_pane = vertical_scroll(self.details)
        self.matter = MatterPicker("Re&served matter of the decision", "Reserved matter of the decision")
        self.matter.chosen.connect(self._matter_chosen)
        self.shown_label = QLabel()
        self.shown_label.setAccessibleName("Entries shown")
        for combo in (self.kind_filter, self.partner_filter, self.status_filter):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.text_filter.textChanged.connect(self._filter_changed)
        find = QAction("Find", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self._go_to_find)
        self.addAction(find)
        self.delete_action = QAction("Delete entry", self.table)
        self.delete_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete)
        self.table.addAction(self.delete_action)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.model.dataChanged.connect(self._show_details)
        self.model.rowsInserted.connect(self._show_count)
        self.model.rowsRemoved.connect(self._show_count)
        self.model.modelReset.connect(self._show_count)
        self.model.dataChanged.connect(self._show_count)
        self._search_prepared = False
        if workspace.read_only:  # opened read-only: the log can be read and filtered, not added to
            self.entry_bar.setEnabled(False)
            self.delete_action.setEnabled(False)
        self._lay_out()
        self.fit_columns()
        self.partners_changed()
        self.matters_changed()
        self._show_count()

    def _make_table(self) -> EntryTableView:
        table = EntryTableView()
        table.setAccessibleName("Record entries")
        table.setModel(self.model)
        table.setItemDelegate(EntryDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        theme.use_font(table, 1.1)
        header = table.horizontalHeader()
        theme.use_font(header, 1.0, bold=True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(40)
        return table

    def fit_columns(self) -> None:
        self.fit_columns_on(self.table)
        self.details_pane.setFixedHeight(int(self.details.fontMetrics().lineSpacing() * 3.3) + 4)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._search_prepared:
            self._search_prepared = True
            QTimer.singleShot(SEARCH_PREPARE_DELAY_MS, self.model.prepare_search)

    @staticmethod
    def fit_columns_on(table: QTableView) -> None:
        """Widths from samples of each column (not from 5,000 rows); the text column takes what is left, and
        the person and step columns give way when it would get too little (the line under the table shows
        them for the current entry)."""
        metrics = table.fontMetrics()
        bold = table.horizontalHeader().fontMetrics()
        header = table.horizontalHeader()
        widths = {column: max(metrics.horizontalAdvance(sample), bold.horizontalAdvance(COLUMNS[column])) + 24
                  for column, sample in enumerate(COLUMN_SAMPLES) if column != TEXT}
        available = max(table.viewport().width(), table.width() - 20)
        hidden: set[int] = set()
        for column in OPTIONAL_COLUMNS:
            if available - sum(w for c, w in widths.items() if c not in hidden) >= TEXT_SHARE * available:
                break
            hidden.add(column)
        for column in range(len(COLUMNS)):
            table.setColumnHidden(column, column in hidden)
            if column == TEXT:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, widths[column])
        table.verticalHeader().setDefaultSectionSize(int(metrics.height() * 1.6))

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.setSpacing(6)
        for text, widget in (("Show", self.kind_filter), ("Partner", self.partner_filter),
                             ("Status", self.status_filter)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.text_filter, 1)
        filters.addWidget(self.shown_label)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.entry_bar)
        column.addWidget(self.message)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addWidget(self.details_pane)
        column.addWidget(self.matter)

    # ------------------------------------------------------------------ reacting
    def partners_changed(self) -> None:
        partners: tuple[Partner, ...] = self._workspace.network.partners
        self.entry_bar.set_partners(partners)
        chosen = self.partner_filter.currentData()
        self.partner_filter.blockSignals(True)
        self.partner_filter.clear()
        self.partner_filter.addItem(ANY, None)
        for partner in partners:
            self.partner_filter.addItem(partner.code, partner.id)
        self.partner_filter.setCurrentIndex(max(self.partner_filter.findData(chosen), 0))
        self.partner_filter.blockSignals(False)
        self._filter_changed()

    def matters_changed(self) -> None:
        """The Control register changed: the picker lists it again, and the current entry names its title."""
        self.matter.set_matters(matter_choices(self._workspace))
        self._show_details()

    def _matter_chosen(self, matter_id: int | None) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        entry = self.model.entry_at(index.row())
        run_edit(lambda: link_decision(self._workspace, entry.id, matter_id), self.message,
                 on_refused=self._show_details)

    def _go_to_find(self) -> None:
        self.text_filter.setFocus()
        self.text_filter.selectAll()

    def _filter_changed(self) -> None:
        # A combo hands a StrEnum back as a plain str: make it the enum again.
        kind, status = self.kind_filter.currentData(), self.status_filter.currentData()
        self.model.set_filter(EntryFilter(
            None if kind is None else EntryKind(kind), self.partner_filter.currentData(),
            None if status is None else status if status == OVERDUE else EntryStatus(status),
            self.text_filter.text()))
        self._show_count()

    def _show_details(self, *_: object) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.details.setText("Choose an entry to read it in full here.")
            self.matter.set_current(None)
            self.matter.combo.setEnabled(False)
            return
        entry = self.model.entry_at(index.row())
        self.details.setText(details_text(entry, self.model, self.matter.title_of))
        self.matter.set_current(entry.reserved_matter_id)
        self.matter.combo.setEnabled(entry.kind is EntryKind.DECISION and not entry.fixed
                                     and not self._workspace.read_only)

    def _show_count(self) -> None:
        shown, total, overdue = self.model.rowCount(), self.model.total, self.model.overdue_count()
        text = f"{total:,} entries" if shown == total else f"{shown:,} of {total:,} shown"
        if overdue:
            text += f" · ⚠ {overdue:,} overdue"
        self.shown_label.setText(text)

    def _add(self, kind: EntryKind, text: str, fields: dict[str, object]) -> None:
        entry = run_edit(lambda: add_entry(self._workspace, kind, text, today=self._today(),
                                           **self.entry_bar.fields_for(fields)), self.message)
        if entry is None:
            return
        self.message.clear()
        self.entry_bar.accepted()
        row = self.model.row_of(entry.id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, TEXT))
            self.table.scrollTo(self.model.index(row, TEXT))
        else:
            self.message.show_notice(f"Added {kind.label.lower()} {entry.id}; the filter hides it.")

    def _delete(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        entry = self.model.entry_at(index.row())
        run_edit(lambda: delete_entry(self._workspace, entry.id), self.message)
