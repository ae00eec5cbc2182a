"""The 6 × 4 heat-map of completeness against target, painted directly (24 cells repaint in a millisecond).

Each cell shows its completeness in large figures, then a symbol and the target ("▼ 80%"), on a tint that
says the same (met, below, far below, no items). The current step's row is framed in the accent colour, the
chosen cell in black. Arrow keys move the chosen cell; Enter tells the tab to go to its checklist.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from imagingnet_desktop.domain.programme.completeness import ALL_CELLS, Cell, CellCount, CellState, cell_state
from imagingnet_desktop.domain.programme.steps import (
    STEP_ORDER,
    STEP_SHORT_NAMES,
    WORKSTREAM_NAMES,
    WORKSTREAM_ORDER,
    StepId,
)
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.programme import display


class HeatMap(QWidget):
    cell_chosen = Signal(object)  # (StepId, WorkstreamId)
    activated = Signal()  # Enter on a cell

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Completeness of each step and workstream against its target")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.counts: dict[Cell, CellCount] = {cell: CellCount() for cell in ALL_CELLS}
        self.targets: dict[Cell, int] = {cell: 0 for cell in ALL_CELLS}
        self.current: StepId = StepId.MOU
        self.selected: Cell = ALL_CELLS[0]
        self._measured: dict[tuple[bool, float, float], tuple[float, float, float, float]] = {}
        self.paints = 0
        self.painted_at = 0.0  # perf_counter() when the last paint finished (the benchmark reads it)  # how many times it has painted (the benchmark and tests watch this)

    # ------------------------------------------------------------------ data
    def show_counts(self, counts: Mapping[Cell, CellCount], targets: Mapping[Cell, int], current: StepId) -> None:
        counts, targets = dict(counts), dict(targets)
        if counts == self.counts and targets == self.targets and current == self.current:
            return
        self.counts, self.targets, self.current = counts, targets, current
        if self.isVisible():
            self.repaint()  # now, before the rest of the tab: the room watches the heat-map
        else:
            self.update()

    def state(self, cell: Cell) -> CellState:
        return cell_state(self.counts[cell], self.targets[cell])

    def describe(self, cell: Cell) -> str:
        return display.cell_description(self.counts[cell], self.targets[cell], self.state(cell))

    def select(self, cell: Cell) -> None:
        if cell != self.selected:
            self.selected = cell
            self.update()
            self.cell_chosen.emit(cell)

    # ------------------------------------------------------------------ geometry
    def _needs(self, compact: bool) -> tuple[float, float, float, float]:
        """Row-header width, header height, least cell width, cell height, with full or compact labels."""
        key = (compact, theme.scale(), QApplication.font().pointSizeF())
        if key not in self._measured:
            self._measured[key] = self._measure(compact)
        return self._measured[key]

    def _measure(self, compact: bool) -> tuple[float, float, float, float]:
        big = _metrics_of(theme.font(1.35, bold=True))
        small = _metrics_of(theme.font(0.95))
        bold = _metrics_of(theme.font(1.0, bold=True))
        steps = display.STEP_COMPACT if compact else STEP_SHORT_NAMES
        streams = display.WORKSTREAM_COMPACT if compact else WORKSTREAM_NAMES
        header_w = max(bold.horizontalAdvance(steps[s]) for s in STEP_ORDER) + 14
        cell_w = max(big.horizontalAdvance("100%"), small.horizontalAdvance("▼▼ 100%"),
                     bold.horizontalAdvance("no items"),
                     max(small.horizontalAdvance(streams[w]) for w in WORKSTREAM_ORDER)) + 12
        return header_w, small.height() * 1.6, cell_w, big.height() + small.height() + 14

    def _metrics(self) -> tuple[float, float, float, float]:
        """Row-header width, header height, cell width, cell height for the current size and type."""
        header_w, header_h, cell_w, cell_h = self._needs(self._compact())
        cell_w = max(cell_w, (self.width() - header_w - 4) / len(WORKSTREAM_ORDER))
        return header_w, header_h, cell_w, cell_h

    def _compact(self) -> bool:
        header_w, _, cell_w, _ = self._needs(False)
        return self.width() < header_w + 4 * cell_w + 4

    def _size(self, compact: bool) -> QSize:
        header_w, header_h, cell_w, cell_h = self._needs(compact)
        return QSize(int(header_w + 4 * cell_w + 4), int(header_h + 6 * cell_h + 4))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._size(False)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._size(True)

    def _cell_rect(self, cell: Cell, metrics: tuple[float, float, float, float] | None = None) -> QRectF:
        header_w, header_h, cell_w, cell_h = metrics or self._metrics()
        row, column = STEP_ORDER.index(cell[0]), WORKSTREAM_ORDER.index(cell[1])
        return QRectF(header_w + column * cell_w, header_h + row * cell_h, cell_w, cell_h)

    def cell_at(self, x: float, y: float) -> Cell | None:
        header_w, header_h, cell_w, cell_h = self._metrics()
        column, row = int((x - header_w) // cell_w), int((y - header_h) // cell_h)
        if x < header_w or y < header_h or not (0 <= row < 6 and 0 <= column < 4):
            return None
        return STEP_ORDER[row], WORKSTREAM_ORDER[column]

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        self._paint()
        self.paints += 1
        self.painted_at = time.perf_counter()

    def _paint(self) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self._metrics()
        header_w, header_h, cell_w, cell_h = metrics
        ink = QColor(theme.INK)
        big, small, bold = theme.font(1.35, bold=True), theme.font(0.95), theme.font(1.0, bold=True)
        compact = self._compact()
        step_names = display.STEP_COMPACT if compact else STEP_SHORT_NAMES
        stream_names = display.WORKSTREAM_COMPACT if compact else WORKSTREAM_NAMES
        painter.setFont(small)
        painter.setPen(ink)
        for column, workstream in enumerate(WORKSTREAM_ORDER):
            painter.drawText(QRectF(header_w + column * cell_w, 0, cell_w, header_h),
                             Qt.AlignmentFlag.AlignCenter, stream_names[workstream])
        for row, step in enumerate(STEP_ORDER):
            painter.setFont(bold)
            painter.setPen(QColor(theme.ACCENT) if step == self.current else ink)
            painter.drawText(QRectF(4, header_h + row * cell_h, header_w - 8, cell_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, step_names[step])
        line = QPen(QColor("#ffffff"), 2)
        current_row = STEP_ORDER.index(self.current)
        muted = QColor(theme.MUTED_INK)
        for cell in ALL_CELLS:
            rect = self._cell_rect(cell, metrics)
            state = self.state(cell)
            to_come = STEP_ORDER.index(cell[0]) > current_row  # not judged yet: shown plainly
            painter.setPen(line)
            painter.setBrush(QColor(display.TO_COME_BACKGROUND if to_come else display.CELL_BACKGROUND[state]))
            painter.drawRect(rect)
            count = self.counts[cell]
            figure_h = rect.height() * 0.58
            painter.setPen(muted if to_come else ink)
            painter.setFont(big if count.completeness is not None else bold)
            painter.drawText(QRectF(rect.x(), rect.y() + 4, rect.width(), figure_h),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, display.cell_figure(count))
            painter.setFont(small)
            detail = f"→ {self.targets[cell]}%" if to_come else display.cell_detail(count, self.targets[cell], state)
            painter.drawText(QRectF(rect.x(), rect.y() + figure_h + 2, rect.width(), rect.height() - figure_h - 4),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, detail)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        row = STEP_ORDER.index(self.current)
        painter.setPen(QPen(QColor(theme.ACCENT), 4))
        painter.drawRect(QRectF(2, header_h + row * cell_h, header_w + 4 * cell_w - 2, cell_h))
        selected = self._cell_rect(self.selected, metrics).adjusted(3, 3, -3, -3)
        pen = QPen(ink, 4 if self.hasFocus() else 3)
        if not self.hasFocus():
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(selected)
        painter.end()

    # ------------------------------------------------------------------ mouse and keys
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        cell = self.cell_at(event.position().x(), event.position().y())
        if cell is not None:
            self.select(cell)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.cell_at(event.position().x(), event.position().y()) is not None:
            self.activated.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        row, column = STEP_ORDER.index(self.selected[0]), WORKSTREAM_ORDER.index(self.selected[1])
        moves = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Left: (0, -1),
                 Qt.Key.Key_Right: (0, 1)}
        key = Qt.Key(event.key())
        if key in moves:
            dr, dc = moves[key]
            self.select((STEP_ORDER[max(0, min(5, row + dr))], WORKSTREAM_ORDER[max(0, min(3, column + dc))]))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode: new size for the new type
            self._measured.clear()
            self.updateGeometry()
            self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            cell = self.cell_at(event.pos().x(), event.pos().y())  # type: ignore[attr-defined]
            if cell is not None:
                from PySide6.QtWidgets import QToolTip

                QToolTip.showText(event.globalPos(), f"{STEP_SHORT_NAMES[cell[0]]} {WORKSTREAM_NAMES[cell[1]]}: "  # type: ignore[attr-defined]
                                  f"{self.describe(cell)}", self)
                return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.update()
        super().focusOutEvent(event)


def _metrics_of(font: QFont) -> QFontMetricsF:
    return QFontMetricsF(font)
