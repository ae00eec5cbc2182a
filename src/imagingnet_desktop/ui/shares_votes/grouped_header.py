"""A column header with a heading over each group of columns (a scenario's name over its three figures).

The model gives each column its own label (``DisplayRole``) and ``(group heading, first column of the
group)`` for ``GROUP_ROLE``. Each section paints its share of the group heading (clipped to itself), so the
heading reads across the group however the columns are sized or scrolled. The heading wraps over up to
``GROUP_LINES`` lines and ends in "…" beyond that (the tooltip has it in full).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QHeaderView, QWidget

from imagingnet_desktop.ui.common import theme

GROUP_LINES = 2
GROUP_BACKGROUND = "#dde3ea"


class GroupedHeader(QHeaderView):
    def __init__(self, group_role: int, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._group_role = group_role
        self.setSectionsClickable(False)
        self.setHighlightSections(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def group_height(self) -> int:
        return self.fontMetrics().lineSpacing() * GROUP_LINES + 6

    def label_height(self) -> int:
        """As tall as the tallest column label (one line for "Votes", "Banz.", "Shap."): every line of the
        header is a line less for the partners' rows."""
        model = self.model()
        lines = max((str(model.headerData(s, Qt.Orientation.Horizontal) or "").count("\n") + 1
                     for s in range(self.count())), default=1) if model is not None else 1
        return self.fontMetrics().lineSpacing() * lines + 6

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(hint.width(), self.group_height() + self.label_height())

    def sectionSizeFromContents(self, logical_index: int) -> QSize:  # noqa: N802 - Qt override
        size = super().sectionSizeFromContents(logical_index)
        return QSize(size.width(), self.group_height() + self.label_height())

    def group(self, section: int) -> tuple[str, int, int]:
        """(heading, first section, last section) of the group ``section`` belongs to."""
        model = self.model()
        found = model.headerData(section, Qt.Orientation.Horizontal, self._group_role) if model else None
        if not found:
            return "", section, section
        heading, first = found
        last = first
        while last + 1 < self.count() and model.headerData(last + 1, Qt.Orientation.Horizontal,
                                                           self._group_role) == found:
            last += 1
        return str(heading), int(first), last

    def group_text(self, section: int) -> str:
        """The group heading as painted: wrapped to the group's width, at most ``GROUP_LINES`` lines."""
        heading, first, last = self.group(section)
        width = sum(self.sectionSize(s) for s in range(first, last + 1)) - 12
        return wrapped(heading, self.fontMetrics(), max(width, 20))

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:  # noqa: N802 - Qt override
        top = self.group_height()
        below = QRect(rect.left(), rect.top() + top, rect.width(), rect.height() - top)
        painter.save()
        super().paintSection(painter, below, logical_index)
        painter.restore()
        heading, first, last = self.group(logical_index)
        left = self.sectionViewportPosition(first)
        width = sum(self.sectionSize(s) for s in range(first, last + 1))
        group_rect = QRect(left, rect.top(), width, top)
        painter.save()
        painter.setClipRect(QRect(rect.left(), rect.top(), rect.width(), top))
        painter.fillRect(group_rect, QColor(GROUP_BACKGROUND))
        painter.setPen(QPen(QColor(theme.BORDER), 1))
        painter.drawLine(group_rect.bottomLeft(), group_rect.bottomRight())
        painter.setPen(QPen(QColor(theme.INK), 2))
        painter.drawLine(group_rect.topLeft(), group_rect.bottomLeft())  # where one scenario's columns begin
        font = self.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(group_rect.adjusted(6, 2, -6, -2), int(Qt.AlignmentFlag.AlignCenter),
                         self.group_text(logical_index))
        painter.restore()


def wrapped(text: str, metrics: QFontMetrics, width: int, lines: int = GROUP_LINES) -> str:
    """``text`` over at most ``lines`` lines of ``width`` pixels, the last elided with "…" if need be."""
    out: list[str] = []
    for word in text.split():
        if out and metrics.horizontalAdvance(f"{out[-1]} {word}") <= width:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    if len(out) > lines:
        out = [*out[:lines - 1], " ".join(out[lines - 1:])]
    return "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in out)
