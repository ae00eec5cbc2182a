"""Editors for partner cells: a choice list for the organisation type and for yes / no, a line edit otherwise.

The delegate also draws a thick frame round the current cell, so the room can see which cell is being edited
while whole rows are selected.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from imagingnet_desktop.domain.network.partner import ORGANISATION_TYPES, FieldKind, FieldSpec
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.network.partner_table_model import FieldSpecRole

AnyIndex = QModelIndex | QPersistentModelIndex
YES_NO = ("Yes", "No")


def choices_for(spec: FieldSpec | None) -> tuple[str, ...]:
    """The fixed choices of a field, or () when it is typed freely."""
    if spec is None:
        return ()
    if spec.kind is FieldKind.ORG_TYPE:
        return ORGANISATION_TYPES
    if spec.kind is FieldKind.YES_NO:
        return YES_NO
    return ()


class PartnerCellDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        spec = index.data(FieldSpecRole)
        choices = choices_for(spec if isinstance(spec, FieldSpec) else None)
        if choices:
            combo = QComboBox(parent)
            combo.addItems(list(choices))
            combo.setFont(option.font)
            combo.setAccessibleName(spec.label)
            # A pick from the list is the whole edit: commit it and close, as Enter would.
            combo.activated.connect(lambda _=0, c=combo: self._commit_and_close(c))
            return combo
        editor = QLineEdit(parent)
        editor.setFont(option.font)
        editor.setFrame(False)
        if isinstance(spec, FieldSpec):
            editor.setAccessibleName(spec.label)
            editor.setMaxLength(max(spec.max_length + 1, 64))  # one over, so a too-long entry gets its message
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            found = editor.findText(text, Qt.MatchFlag.MatchFixedString)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(text)
            editor.selectAll()
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        editor.setGeometry(option.rect)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if not option.state & QStyle.StateFlag.State_HasFocus:
            super().paint(painter, option, index)
            return
        # The current cell: plain paper inside the selected (blue) row, framed, like a spreadsheet's active cell.
        current = QStyleOptionViewItem(option)
        current.state &= ~QStyle.StateFlag.State_Selected
        current.state &= ~QStyle.StateFlag.State_HasFocus
        painter.fillRect(option.rect, option.palette.base())  # the view has already painted the row blue
        super().paint(painter, current, index)
        painter.save()
        pen = QPen(QColor(theme.ACCENT))
        pen.setWidth(3)
        painter.setPen(pen)
        painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.restore()

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.SubmitModelCache)
