"""A table view that starts editing the current cell on Enter, as F2 does, and says when its type is rescaled.

``font_changed`` fires when presentation mode rescales the type: a tab whose own font is not set explicitly
is not told, so the table is the one that knows its columns need fitting again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView


class EditOnEnterTableView(QTableView):
    font_changed = Signal()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.font_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.state() != QAbstractItemView.State.EditingState and self.currentIndex().isValid():
            if self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.EditKeyPressed, event):
                return
        super().keyPressEvent(event)
