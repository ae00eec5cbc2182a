"""A read-mostly table for the Shares & votes tab, sized for a projector, that asks for the working of a cell.

Double-click, Enter or the context menu's "Show working" on a cell sends ``working_requested(index)``.
Editable cells (custom votes) are edited by typing or F2, so double-click always means "show working".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from imagingnet_desktop.ui.common import theme

SHOW_WORKING = "Show working"


class WorkingTableView(QTableView):
    working_requested = Signal(QModelIndex)

    def __init__(self, name: str, parent: QWidget | None = None, *, font_scale: float = 1.1) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, so the keyboard reaches every control
        theme.use_font(self, font_scale)
        header = self.horizontalHeader()
        theme.use_font(header, 1.0, bold=True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.installEventFilter(self)  # its type changes after the table's: refit then too
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_rows()
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.doubleClicked.connect(self.working_requested)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode scales the type: rows and columns follow
            self._refit_later()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.horizontalHeader() and event.type() == QEvent.Type.FontChange:
            self._refit_later()
        return super().eventFilter(watched, event)

    def _refit_later(self) -> None:
        """Once every part (cells and header) has its new type: fitting on the first change measured the
        header in the old type and cut it ("Partne")."""
        self._fit_rows()
        QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        self._fit_rows()
        self.fit_columns()

    def _fit_rows(self) -> None:
        self.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.22))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.state() != QAbstractItemView.State.EditingState and self.currentIndex().isValid():
            self.working_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        # Never start editing on a double-click (it shows the working); the signal still fires.
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self.setCurrentIndex(index)
            self.doubleClicked.emit(index)
        event.accept()

    def _context_menu(self, position: QPoint) -> None:
        index = self.indexAt(position)
        if not index.isValid():
            return
        menu = QMenu(self)
        action = menu.addAction(SHOW_WORKING)
        action.triggered.connect(lambda: self.working_requested.emit(index))
        menu.popup(self.viewport().mapToGlobal(position))

    def grow_columns(self) -> None:
        """Widen any column whose figures no longer fit (votes grown to thousands, "no basis"); never narrows."""
        header = self.horizontalHeader()
        for column in range(self._fixed_count()):
            needed = max(self.sizeHintForColumn(column), header.sectionSizeHint(column)) + 4
            if header.sectionSize(column) < needed:
                header.resizeSection(column, needed)

    def fit_columns(self, minimum: int = 60) -> None:
        header = self.horizontalHeader()
        for column in range(self._fixed_count()):
            self.resizeColumnToContents(column)
            header.resizeSection(column, max(minimum, header.sectionSize(column) + 4))

    def _fixed_count(self) -> int:
        """The columns sized to their figures: all but a last one that stretches to the width there is (sizing
        it too would leave it as wide as a larger window made it, and the table scrolling sideways)."""
        header = self.horizontalHeader()
        return header.count() - 1 if header.stretchLastSection() else header.count()
