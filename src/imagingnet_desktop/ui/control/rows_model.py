"""An editable table of collection rows described by column specs, with combo-box editing for choice columns.

Each ``Column`` says how to show a row (text, and optionally a colour, tooltip or check state) and how an edit of
that cell is saved (``edit(row, value)``, which calls the workspace). A refused edit (``FieldError``, or
``WorkspaceError`` when the file could not be written) is reported through ``refused(message)``: the page shows it
where the user typed. The model never changes its rows itself; the tab hands it the workspace's rows again after
each change, and only the cells that differ are repainted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.store.errors import WorkspaceError
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.run_edit import not_saved

AnyIndex = QModelIndex | QPersistentModelIndex
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_COLUMN_SHARE = 0.2  # no column but the stretching one takes more than this share of the width
MIN_STRETCH_SHARE = 0.2
WRAP_FROM = 14  # characters: shorter phrases ("✔ done", "5 KPIs") keep to one line


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    edit: Callable[[Any, str], object] | None = None  # save a typed (or chosen) value
    choices: Callable[[Any], Sequence[str]] | None = None  # a combo box offering these
    check: Callable[[Any], bool] | None = None  # a check box (edit receives "yes" / "no")
    colour: Callable[[Any], str | None] | None = None
    tooltip: Callable[[Any], str] | None = None
    edit_text: Callable[[Any], str] | None = None  # what the editor starts with, if not the text shown
    bold: bool = False


class RowsModel(QAbstractTableModel):
    refused = Signal(str)

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.read_only = False
        self._texts: list[list[str]] = []

    # ------------------------------------------------------------------ shape and reading
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        if role == Qt.ItemDataRole.FontRole:
            return theme.font(1.0, bold=True)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return None if column.check is not None else self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.EditRole:
            return column.edit_text(row) if column.edit_text else column.text(row)
        if role == Qt.ItemDataRole.CheckStateRole and column.check is not None:
            return Qt.CheckState.Checked if column.check(row) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else self._texts[index.row()][index.column()] or None
        if role == Qt.ItemDataRole.FontRole and (column.bold or column.colour is not None):
            return theme.font(1.0, bold=True)
        if role == CHOICES_ROLE and column.choices is not None:
            return list(column.choices(row))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{column.header}: {self._texts[index.row()][index.column()]}"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.edit is not None and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable if column.check is not None else Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or self.read_only:
            return False
        row, column = self.rows[index.row()], self.columns[index.column()]
        if column.edit is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = value == Qt.CheckState.Checked.value or value == Qt.CheckState.Checked
            text = "yes" if checked else "no"
        elif role == Qt.ItemDataRole.EditRole:
            text = str(value)
        else:
            return False
        try:
            column.edit(row, text)
        except (FieldError, WorkspaceError) as exc:
            self.refused.emit(not_saved(str(exc)))
            return False
        return True

    # ------------------------------------------------------------------ rows from the workspace
    def set_rows(self, rows: Sequence[Any]) -> None:
        texts = [["" if c.check is not None else c.text(r) for c in self.columns] for r in rows]
        same_shape = len(rows) == len(self.rows) and all(
            getattr(a, "id", None) == getattr(b, "id", None) for a, b in zip(rows, self.rows, strict=True))
        if not same_shape:
            self.beginResetModel()
            self.rows, self._texts = list(rows), texts
            self.endResetModel()
            return
        old_rows, old_texts = self.rows, self._texts
        self.rows, self._texts = list(rows), texts
        for i, (old, new) in enumerate(zip(old_rows, rows, strict=True)):
            if old != new or old_texts[i] != texts[i]:
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))

    def wraps(self, column: int) -> bool:
        """Whether the column's text is worth wrapping onto more lines (some cell holds a phrase, not a word)."""
        return any(" " in texts[column].strip() and len(texts[column]) > WRAP_FROM for texts in self._texts)

    def row_at(self, index: int) -> Any:
        return self.rows[index] if 0 <= index < len(self.rows) else None


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for cells whose column offers choices; a line editor for the rest.

    The choice is saved when the editor closes (Enter, Tab or leaving the cell), never on each arrow key, so
    stepping through the choices makes one edit, not one per step."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:  # noqa: N802
        choices = index.data(CHOICES_ROLE)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItems([str(c) for c in choices])
        combo.setFont(theme.font())
        return combo

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: AnyIndex) -> None:
        """A combo box is never narrower than its longest choice and its arrow (the cell may be narrower): it
        widens to the left when the cell is at the right edge, and stays within the table."""
        super().updateEditorGeometry(editor, option, index)
        if not isinstance(editor, QComboBox):
            return
        area = editor.parentWidget()
        rect = option.rect
        width = max(rect.width(), editor.sizeHint().width())
        if area is not None:
            width = min(width, area.width())
            left = max(0, min(rect.left(), area.width() - width))
        else:
            left = rect.left()
        editor.setGeometry(left, rect.top(), width, rect.height())

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            found = editor.findText(str(index.data(Qt.ItemDataRole.EditRole)))
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            if editor.currentText() != index.data(Qt.ItemDataRole.EditRole):
                model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class RowsTable(QTableView):
    """A table of a ``RowsModel``: large type, editing from the keyboard, rows fitted to wrapped text."""

    def __init__(self, model: RowsModel, name: str, stretch: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(ChoiceDelegate(self))
        self.setAccessibleName(name)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._stretch = stretch
        self._model = model
        model.modelReset.connect(self.fit)
        model.dataChanged.connect(self._rows_changed)

    def fit(self) -> None:
        """Columns as wide as their content up to a share of the width; the stretching column takes what is left
        (never less than a third, nor than its title); rows as tall as their wrapped text. Too wide in all: the table scrolls."""
        header = self.horizontalHeader()
        available = max(self.viewport().width(), 300)
        count = self.model().columnCount()
        widths = {}
        for column in range(count):
            if column != self._stretch:
                wanted = max(self.sizeHintForColumn(column), header.sectionSizeHint(column))
                wraps = self._model.wraps(column)  # a column of single words or figures is never squeezed
                cap = max(int(available * MAX_COLUMN_SHARE), header.sectionSizeHint(column))
                widths[column] = min(wanted, cap) if wraps else wanted
        rest = available - sum(widths.values())
        widths[self._stretch] = max(rest, int(available * MIN_STRETCH_SHARE),
                                    header.sectionSizeHint(self._stretch))  # its title is never cut
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.resizeRowsToContents()

    def _rows_changed(self, top: QModelIndex, bottom: QModelIndex, *_: object) -> None:
        for row in range(top.row(), bottom.row() + 1):  # only the rows whose text changed get measured again
            self.resizeRowToContents(row)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def current_row(self) -> Any:
        model = self.model()
        assert isinstance(model, RowsModel)
        return model.row_at(self.currentIndex().row())
