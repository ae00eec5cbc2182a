"""Fonts and colours readable from the back of a room, used by every tab.

One base font (12 pt) for the whole app, scaled as a whole in presentation mode; a light, high-contrast
palette on the Fusion style so it looks the same on every laptop; status colours from the Okabe-Ito set,
which stay distinct for colour-blind readers. A tab that wants a larger or bolder label calls
``use_font(widget, 1.4, bold=True)`` rather than fixing a point size, so presentation mode scales it too.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

from imagingnet_desktop.charts import palette as okabe_ito

BASE_POINT_SIZE = 12.0
PRESENTATION_SCALE = 1.5

INK = okabe_ito.INK  # body text
MUTED_INK = "#4a4a4a"  # secondary text: still dark enough for a projector
PAPER = "#ffffff"  # tables, fields
WINDOW = "#f2f4f7"
ALTERNATE = "#e8eef6"
ACCENT = "#005eb8"  # NHS blue: selection, links
BORDER = "#8a949e"

# Okabe-Ito (charts.palette): always shown with words, never alone.
STATUS_COLOURS = {
    "within": okabe_ito.BLUISH_GREEN,
    "below": okabe_ito.BLUE,
    "above": okabe_ito.VERMILLION,
    "warning": okabe_ito.ORANGE,
}

# The current tab must be obvious from the back of the room: white, bold, underlined in the accent colour.
TAB_BAR_STYLE = f"""
QTabBar::tab {{ padding: 6px 18px; margin-right: 2px; color: {INK}; background: #dde3ea;
               border: 1px solid #b8c0c8; border-bottom: none; border-top-left-radius: 4px;
               border-top-right-radius: 4px; }}
QTabBar::tab:selected {{ background: {PAPER}; font-weight: bold; border-bottom: 3px solid {ACCENT}; }}
QTabBar::tab:hover:!selected {{ background: #eef2f6; }}
"""

_RELATIVE = "themeFontScale"
_BOLD = "themeFontBold"
_scale = 1.0


def tab_bar_style(relative: float = 1.0) -> str:
    """The tab bar's style at the current presentation scale (a style sheet overrides ``setFont``)."""
    return f"{TAB_BAR_STYLE} QTabBar {{ font-size: {font(relative).pointSizeF():.1f}pt; }}"


def scale() -> float:
    """The current font scale: 1.0, or ``PRESENTATION_SCALE`` in presentation mode."""
    return _scale


def font(relative: float = 1.0, *, bold: bool = False) -> QFont:
    """The app font at ``relative`` × the base size (× the presentation scale)."""
    result = QFont(QApplication.font())
    result.setPointSizeF(BASE_POINT_SIZE * _scale * relative)
    result.setBold(bold)
    return result


def use_font(widget: QWidget, relative: float = 1.0, *, bold: bool = False) -> None:
    """Give ``widget`` a larger or bolder font that keeps following the presentation scale."""
    widget.setProperty(_RELATIVE, float(relative))
    widget.setProperty(_BOLD, bool(bold))
    widget.setFont(font(relative, bold=bold))


class _LargeTickBoxes(QProxyStyle):
    """Fusion, with tick boxes and radio buttons (and the ticks in table cells) that grow with the type, so
    they can be seen, and hit, in presentation mode."""

    _GROWS = (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight,
              QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, QStyle.PixelMetric.PM_ExclusiveIndicatorHeight)

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,  # noqa: N802 - Qt
                    widget: QWidget | None = None) -> int:
        size = super().pixelMetric(metric, option, widget)
        if metric in self._GROWS:
            return max(size, round(size * BASE_POINT_SIZE * _scale / TICK_BOX_POINT_SIZE))
        return size


TICK_BOX_POINT_SIZE = 9.0  # the type size Fusion's 13-pixel tick box is drawn for


def apply(app: QApplication, *, scale_factor: float = 1.0) -> None:
    """Style, palette and font for the whole application. Call again to change the scale."""
    global _scale
    _scale = scale_factor
    if not isinstance(app.style(), _LargeTickBoxes):
        app.setStyle(_LargeTickBoxes(QStyleFactory.create("Fusion")))
    app.setPalette(palette())
    base = QFont(app.font())
    base.setPointSizeF(BASE_POINT_SIZE * scale_factor)
    app.setFont(base)
    for widget in app.allWidgets():
        relative = widget.property(_RELATIVE)
        if relative is not None:
            widget.setFont(font(float(relative), bold=bool(widget.property(_BOLD))))


def palette() -> QPalette:
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: INK,
        QPalette.ColorRole.Base: PAPER,
        QPalette.ColorRole.AlternateBase: ALTERNATE,
        QPalette.ColorRole.Text: INK,
        QPalette.ColorRole.Button: "#e4e8ee",
        QPalette.ColorRole.ButtonText: INK,
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#fffbe6",
        QPalette.ColorRole.ToolTipText: INK,
        QPalette.ColorRole.PlaceholderText: MUTED_INK,
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.Mid: BORDER,
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(disabled, role, QColor("#6e6e6e"))
    return p
