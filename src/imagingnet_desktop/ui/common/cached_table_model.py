"""A table model that serves every cell from a prepared grid, for tables refreshed on every slider step.

Why: a view asks ``data()`` for eight or so roles per visible cell on every repaint, and a slider step
repaints many times a second. Working each answer out on demand cost more than the analysis itself, so a
model builds the grid once per new analysis (role -> value for each cell) and ``data()`` only looks it up.
A new grid of the same shape is compared with the old one and ``dataChanged`` is sent only for the cells
that differ (one range per run of changed rows in a column), so the view repaints just those cells.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
Cell = dict[int, object]  # role -> value
Grid = list[list[Cell]]

_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
EDITABLE_ROLE = -1  # a cell holding True under this key is editable


class CachedTableModel(QAbstractTableModel):
    def __init__(self, columns: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._grid: Grid = []
        self._columns = columns

    # ------------------------------------------------------------------ shape and reading
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._grid)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        cell = self._cell(index)
        return None if cell is None else cell.get(role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        cell = self._cell(index)
        if cell is None:
            return Qt.ItemFlag.NoItemFlags
        return _EDITABLE if cell.get(EDITABLE_ROLE) else _READ_ONLY

    def _cell(self, index: AnyIndex) -> Cell | None:
        if not index.isValid() or index.model() is not self:
            return None
        row, column = index.row(), index.column()
        if 0 <= row < len(self._grid) and 0 <= column < self._columns:
            return self._grid[row][column]
        return None

    # ------------------------------------------------------------------ replacing the grid
    def replace_grid(self, grid: Grid, *, reset: bool) -> None:
        """Show ``grid``: a reset when the shape (or what the rows are) changed, else only the changed cells."""
        old = self._grid
        if reset or len(old) != len(grid):
            self.beginResetModel()
            self._grid = grid
            self.endResetModel()
            return
        self._grid = grid
        for column in range(self._columns):
            first = None
            for row in range(len(grid) + 1):
                differs = row < len(grid) and old[row][column] != grid[row][column]
                if differs and first is None:
                    first = row
                elif not differs and first is not None:
                    self.dataChanged.emit(self.index(first, column), self.index(row - 1, column))
                    first = None
