"""The checklist table and its cell editors, keyboard first.

Enter (not editing) adds the next item below the current one and starts typing it; Enter while typing an
item's text saves it and adds the next; Escape on a just-added item that was never typed takes it back.
Space steps the selected items through the statuses; F2 or a double-click edits a cell.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from imagingnet_desktop.domain.programme.steps import ItemStatus
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.programme.checklist_model import DUE, ITEM, OWNER, STATUS, status_text
from imagingnet_desktop.workspace.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex


class ChecklistDelegate(QStyledItemDelegate):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.enter_pressed = False  # the last item-text editor was closed with Enter

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:  # noqa: N802
        column = index.column()
        if column == STATUS:
            combo = QComboBox(parent)
            for status in ItemStatus:
                combo.addItem(status_text(status), status.value)
            return combo
        if column == OWNER:
            combo = QComboBox(parent)
            combo.addItem("— no owner", None)
            for partner in self._workspace.network.partners:
                combo.addItem(f"{partner.code} — {partner.name}", partner.id)
            return combo
        editor = QLineEdit(parent)
        if column == DUE:
            editor.setPlaceholderText("dd/mm/yyyy")
        if column == ITEM:
            self.enter_pressed = False
            editor.returnPressed.connect(self._enter)
        return editor

    def _enter(self) -> None:
        self.enter_pressed = True

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        else:
            value = editor.text()  # type: ignore[attr-defined]
        if value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, value, Qt.ItemDataRole.EditRole)


class ChecklistView(QTableView):
    add_requested = Signal()  # Enter: a new item below the current one
    cycle_requested = Signal()  # Space: the next status for the selected items
    narrow_changed = Signal()  # owner and due left or came back into the table
    editor_closed = Signal(bool, bool)  # (closed by Enter in the item text, closed by Escape)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Checklist")
        self._was_narrow = False
        self.delegate = ChecklistDelegate(workspace, self)
        self.setItemDelegate(self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        theme.use_font(self, 1.05)
        header = self.horizontalHeader()
        theme.use_font(header, 1.0, bold=True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        # Row heights follow the wrapped text, fitted only for rows that change: ResizeToContents would measure
        # every row again on each edit.
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.hide()
        header.sectionResized.connect(self._column_resized)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self._fit_rows_later)
            model.rowsInserted.connect(self._fit_rows_later)
            model.dataChanged.connect(self._fit_changed_rows)

    def _fit_rows_later(self, *_: object) -> None:
        QTimer.singleShot(0, self, self.fit_rows)

    def fit_rows(self) -> None:
        if shiboken6.isValid(self):
            self.resizeRowsToContents()

    def _fit_changed_rows(self, top: QModelIndex, bottom: QModelIndex, *_: object) -> None:
        if bottom.row() - top.row() > 20:
            self._fit_rows_later()
            return
        for row in range(top.row(), bottom.row() + 1):
            self.resizeRowToContents(row)

    def _column_resized(self, column: int, old: int, new: int) -> None:
        if column == ITEM and old != new:
            self._fit_rows_later()

    def fit_columns(self) -> None:
        """Status, owner and due as wide as their longest text; the item takes the rest and wraps."""
        if not shiboken6.isValid(self):
            return
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        pad = 24
        widths = {
            STATUS: max(metrics.horizontalAdvance(status_text(s)) for s in ItemStatus) + pad,
            OWNER: max(metrics.horizontalAdvance("Owner"), metrics.horizontalAdvance("WWWW")) + pad,
            DUE: max(metrics.horizontalAdvance("31/12/2027"), metrics.horizontalAdvance("⚠ overdue")) + pad,
        }
        # Narrow pane (large type on a small screen): owner and due leave the table for the form below it,
        # so the item's text keeps room to be read.
        narrow = self.viewport().width() - sum(widths.values()) < 0.35 * self.viewport().width()
        self.setColumnHidden(OWNER, narrow)
        self.setColumnHidden(DUE, narrow)
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        if narrow != self._was_narrow:
            self._was_narrow = narrow
            self.narrow_changed.emit()

    @property
    def narrow(self) -> bool:
        """Owner and due are not in the table (the form below shows them)."""
        return self.isColumnHidden(OWNER)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self, self.fit_columns)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode: refit once the type has settled
            QTimer.singleShot(0, self, self.fit_columns)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
                    Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
                self.add_requested.emit()
                return
            if event.key() == Qt.Key.Key_Space and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.cycle_requested.emit()
                return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        by_enter = self.delegate.enter_pressed and self.currentIndex().column() == ITEM
        self.delegate.enter_pressed = False
        super().closeEditor(editor, hint)
        reverted = hint == QAbstractItemDelegate.EndEditHint.RevertModelCache
        self.editor_closed.emit(by_enter and not reverted, reverted)
