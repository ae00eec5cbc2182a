"""The spectrum as a picture a room can read: five boxes from As Is to a private JV, left to right, with the
network's current and preferred model marked in words, a symbol and a colour (never colour alone).

Drawn with QPainter from the app font, so presentation mode scales it; Left / Right (or a click) select a model,
whose details the page shows beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from imagingnet_desktop.domain.commercial.catalogue import CommercialModel
from imagingnet_desktop.ui.common import theme

CURRENT_COLOUR = "#0072b2"  # Okabe-Ito blue
PREFERRED_COLOUR = "#007a5a"  # Okabe-Ito bluish green, darkened for text on white
BLOCKED_COLOUR = "#b34700"  # vermilion, darkened for text on white
NAME_SCALE = 1.15
MARK_SCALE = 1.1
BOX_FILL = ("#eef3f8", "#e3ecf5", "#d6e4f2", "#c8dbef", "#b9d1ec")


@dataclass(frozen=True)
class TierMarks:
    """What is marked on one stop of the spectrum."""

    model: CommercialModel
    variants: tuple[str, ...] = ()  # names of the network's variants that sit on this tier
    current: str = ""  # the current model's name when it is on this tier
    preferred: str = ""
    blocked: str = ""  # a short reason the network cannot adopt it


class SpectrumWidget(QWidget):
    selected = Signal(str)  # model key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Spectrum of commercial models")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._tiers: tuple[TierMarks, ...] = ()
        self._index = 0

    # ------------------------------------------------------------------ state
    def set_tiers(self, tiers: tuple[TierMarks, ...]) -> None:
        if tiers != self._tiers:
            self._tiers = tiers
            self._index = min(self._index, max(len(tiers) - 1, 0))
            self.updateGeometry()
            self.update()

    @property
    def tiers(self) -> tuple[TierMarks, ...]:
        return self._tiers

    def current_key(self) -> str:
        return self._tiers[self._index].model.key if self._tiers else ""

    def select(self, index: int) -> None:
        if self._tiers and 0 <= index < len(self._tiers):
            self._index = index
            self.update()
            self.selected.emit(self.current_key())

    # ------------------------------------------------------------------ geometry
    # Heights in lines of the widget's font (which presentation mode scales): the name (up to three lines of
    # the larger name font), how binding, the four facts, the network's variants, then the marks.
    NAME_LINES = 2.3 * NAME_SCALE
    BOX_LINES = NAME_LINES + 1.2 + 4 + 1.2 + 2 * 1.2 * MARK_SCALE + 0.8

    def _line(self) -> int:
        return QFontMetrics(self.font()).lineSpacing()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(600, int(self._line() * (self.BOX_LINES + 2.6)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().changeEvent(event)
        self.updateGeometry()

    def _box(self, i: int) -> QRectF:
        gap = self._line() * 0.6
        n = max(len(self._tiers), 1)
        width = (self.width() - gap * (n + 1)) / n
        return QRectF(gap + i * (width + gap), 4, width, self._line() * self.BOX_LINES)

    # ------------------------------------------------------------------ input
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Left:
            self.select(self._index - 1)
        elif event.key() == Qt.Key.Key_Right:
            self.select(self._index + 1)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        for i in range(len(self._tiers)):
            if self._box(i).contains(event.position()):
                self.setFocus()
                self.select(i)
                return
        super().mousePressEvent(event)

    # ------------------------------------------------------------------ drawing
    def _fonts(self) -> tuple[QFont, QFont, QFont, QFont]:
        """Name, body, small and mark fonts, relative to the widget's own (so they follow presentation mode)."""
        size = self.font().pointSizeF()

        def scaled(relative: float, bold: bool) -> QFont:
            f = QFont(self.font())
            f.setPointSizeF(size * relative)
            f.setBold(bold)
            return f

        return scaled(NAME_SCALE, True), scaled(1.0, False), scaled(0.9, False), scaled(MARK_SCALE, True)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = self._line()
        name_font, body, small, mark_font = self._fonts()
        line = QFontMetrics(body).lineSpacing()
        wrap = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        for i, tier in enumerate(self._tiers):
            box = self._box(i)
            selected = i == self._index
            painter.setPen(QPen(QColor(theme.ACCENT if selected else theme.BORDER), 4 if selected else 1.5))
            painter.setBrush(QColor(BOX_FILL[min(i, len(BOX_FILL) - 1)]))
            painter.drawRoundedRect(box.adjusted(2, 2, -2, -2), 8, 8)
            inner = box.adjusted(8, 6, -8, -6)
            painter.setPen(QColor(theme.INK))
            painter.setFont(name_font)
            name_room = QRectF(inner.x(), inner.y(), inner.width(), line * self.NAME_LINES)
            fits = QFontMetrics(name_font).boundingRect(name_room.toRect(), int(wrap), tier.model.name)
            name = tier.model.name if fits.height() <= name_room.height() else tier.model.short_name
            painter.drawText(name_room, wrap, name)
            y = inner.y() + line * self.NAME_LINES
            painter.setFont(body)
            level = tier.model.binding_level
            painter.drawText(QRectF(inner.x(), y, inner.width(), line * 1.2), wrap,
                             "Binding " + "●" * level + "○" * (4 - level))
            y += line * 1.2
            painter.setFont(small)
            for present, words in tier.model.facts():
                painter.setPen(QColor(theme.INK if present else theme.MUTED_INK))
                painter.drawText(QRectF(inner.x(), y, inner.width(), line), wrap,
                                 f"{'✔' if present else '–'} {words}")
                y += line
            if tier.variants:
                painter.setPen(QColor(theme.MUTED_INK))
                painter.drawText(QRectF(inner.x(), y, inner.width(), line * 1.2), wrap,
                                 QFontMetrics(small).elidedText("+ " + ", ".join(tier.variants),
                                                                Qt.TextElideMode.ElideRight, int(inner.width())))
            y += line * 1.2
            for mark, colour in _marks(tier):
                painter.setPen(QColor(colour))
                painter.setFont(small if colour == BLOCKED_COLOUR else mark_font)
                metrics = QFontMetrics(painter.font())
                lines = 1 if metrics.horizontalAdvance(mark) < inner.width() else 2
                painter.drawText(QRectF(inner.x(), y, inner.width(), metrics.lineSpacing() * lines), wrap, mark)
                y += metrics.lineSpacing() * lines
        # the direction of travel, under the boxes
        painter.setFont(small)
        painter.setPen(QColor(theme.MUTED_INK))
        if self._tiers:
            y = self._box(0).bottom() + line * 0.4
            left, right = self._box(0).left(), self._box(len(self._tiers) - 1).right()
            painter.setPen(QPen(QColor(theme.MUTED_INK), 2))
            painter.drawLine(int(left), int(y + line * 0.6), int(right), int(y + line * 0.6))
            painter.drawLine(int(right), int(y + line * 0.6), int(right - line * 0.6), int(y + line * 0.2))
            painter.drawLine(int(right), int(y + line * 0.6), int(right - line * 0.6), int(y + line * 1.0))
            painter.drawText(QRectF(left, y + line * 0.8, right - left, line * 1.2),
                             Qt.AlignmentFlag.AlignLeft, "Trusts independent, loosely bound")
            painter.drawText(QRectF(left, y + line * 0.8, right - left, line * 1.2),
                             Qt.AlignmentFlag.AlignRight, "One organisation, most binding")
        painter.end()


def _marks(tier: TierMarks) -> list[tuple[str, str]]:
    """(text, colour) of each mark on a tier: words and a symbol as well as the colour."""
    marks = []
    if tier.current:
        marks.append(("● Current" if tier.current == tier.model.name else f"● Current: {tier.current}",
                      CURRENT_COLOUR))
    if tier.preferred:
        marks.append(("★ Preferred" if tier.preferred == tier.model.name else f"★ Preferred: {tier.preferred}",
                      PREFERRED_COLOUR))
    if tier.blocked:
        marks.append((f"✖ {tier.blocked}", BLOCKED_COLOUR))
    return marks
