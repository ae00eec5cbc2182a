"""A scrolling pane that ends above the first line it would cut: no half a slider, choice box or line of text at
its bottom edge (what the room sees of a pane that scrolls is whole; the rest is one scroll away).

``WholeRowsScrollArea`` is a ``QScrollArea`` for a widget of ordinary widgets (not a table): whenever it is
resized, scrolled or its content laid out again, its viewport is shortened (a bottom viewport margin) to the
top of the first widget the bottom edge would run through. The margin is left out of its size hints, so it
never makes the window larger.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

LEAVES = (QLabel, QAbstractButton, QComboBox, QLineEdit, QAbstractSlider, QAbstractSpinBox)


class WholeRowsScrollArea(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._margin = 0
        self.verticalScrollBar().valueChanged.connect(self._fit_later)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt override
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.widget() and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._fit_later()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return super().minimumSizeHint() - QSize(0, self._margin)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return super().sizeHint() - QSize(0, self._margin)

    def _fit_later(self, *_: object) -> None:
        QTimer.singleShot(0, self, self.fit)  # once the content has its new geometry (if still here)

    def fit(self) -> None:
        content = self.widget()
        if content is None:
            return
        bar = self.horizontalScrollBar()
        full = self.contentsRect().height() - (bar.height() if bar.isVisible() else 0)
        margin = _margin_needed(content, full, self.verticalScrollBar().value())
        if margin != self._margin:
            self._margin = margin
            self.setViewportMargins(0, 0, 0, margin)


def _margin_needed(content: QWidget, full: int, scrolled: int) -> int:
    """How far above the full viewport's bottom the first cut widget starts (0: none is cut). A paragraph (a
    wrapped label of several lines) is cut between two of its lines instead: it still shows what fits."""
    edge = scrolled + full
    if edge >= content.height():
        return 0  # scrolled to the end: nothing below to cut
    leaves = [w for w in content.findChildren(QWidget)
              if isinstance(w, LEAVES) and w.isVisibleTo(content) and w.height() > 0]
    moved = True
    while moved:  # a widget beside the cut one may start higher and cross the new edge too
        moved = False
        for widget in leaves:
            top = widget.mapTo(content, QPoint(0, 0)).y()
            if not scrolled < top < edge < top + widget.height():
                continue
            new_edge = _line_above(widget, top, edge) if isinstance(widget, QLabel) else top
            if new_edge < edge:
                edge, moved = new_edge, True
    return max(0, scrolled + full - edge)


def _line_above(label: QLabel, top: int, edge: int) -> int:
    """The last line boundary of a wrapped ``label`` (at ``top``) above ``edge``; its top if none."""
    if not label.wordWrap():
        return top
    line = label.fontMetrics().lineSpacing()
    first = top + label.contentsMargins().top() + label.margin()
    if line <= 0 or edge - first < line:
        return top
    return first + (edge - first) // line * line
