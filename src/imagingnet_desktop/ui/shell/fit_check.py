"""Does every tab fit the screen? The checks behind ``tests/ui/shell/test_every_tab_fits.py`` and the
screenshots of ``packaging/all_tabs_screenshots.py``.

A window "fits" a screen of ``width × height`` when, on every page of every tab:

* the window itself is no larger than the screen (a layout whose minimum is larger forces the window
  past the screen's edge);
* no visible widget reaches past the window's edges, unless it sits inside a scroll area's viewport
  (content that scrolls inside its pane is how a long list is meant to fit);
* no label shows its text cut: a label without word wrap is at least as wide as its text, a label with
  word wrap is at least as tall as its wrapped text; a button is as wide as its text; a choice box shows its
  choice whole; a tab bar shows every tab's title whole (not elided).

Pages are the tabs of every ``QTabWidget`` inside a tab, nested ones too (``visit_pages``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabBar,
    QTabWidget,
    QWidget,
)

SLACK = 1  # px: rounding in Qt's text metrics
COMBO_SLACK = 4  # px: a choice box's text may run this far under its arrow without a letter lost


@dataclass(frozen=True)
class Misfit:
    page: str  # "Programme ▸ Timeline"
    widget: str  # class and object name or text
    problem: str

    def __str__(self) -> str:
        return f"{self.page}: {self.widget}: {self.problem}"


def settle(app: QApplication, rounds: int = 4) -> None:
    """Let layouts, delayed refits (single-shot timers of 0 ms) and paints run."""
    for _ in range(rounds):
        app.sendPostedEvents()
        app.processEvents()


def visit_pages(root: QWidget, name: str, app: QApplication) -> Iterator[str]:
    """Show each page of each tab widget under ``root`` in turn (nested ones too), yielding its name; the
    current pages are put back afterwards."""
    outer = _outer_tab_widgets(root)
    if not outer:
        yield name
    for tabs in outer:
        before = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle(app)
            title = tabs.tabText(index).replace("&&", "\0").replace("&", "").replace("\0", "&")
            page = tabs.widget(index)
            if page is not None:
                yield from visit_pages(page, f"{name} ▸ {title}", app)
        tabs.setCurrentIndex(before)
        settle(app)


def each_page(window: QWidget, app: QApplication, index: int) -> Iterator[str]:
    """Show main tab ``index`` of ``window`` (a ``MainWindow``), then each of its pages in turn."""
    from imagingnet_desktop.ui.shell.tab_specs import TABS

    window.show_tab(index)  # type: ignore[attr-defined]
    settle(app)
    tab = window.tab(TABS[index].key)  # type: ignore[attr-defined]
    if tab is not None:
        yield from visit_pages(tab, TABS[index].title, app)


def _outer_tab_widgets(root: QWidget) -> list[QTabWidget]:
    """The tab widgets under ``root`` that are not inside another tab widget under ``root``."""
    found = []
    for tabs in root.findChildren(QTabWidget):
        parent = tabs.parentWidget()
        while parent is not None and parent is not root and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        if parent is root or parent is None:
            found.append(tabs)
    return found


def misfits(window: QWidget, width: int, height: int, page: str, min_points: float = 0.0) -> list[Misfit]:
    """What does not fit in ``window`` on a ``width × height`` screen, as it is shown now; with ``min_points``,
    also any text smaller than that many points (type that did not follow presentation mode's scale)."""
    found: list[Misfit] = []
    if window.width() > width or window.height() > height:
        found.append(Misfit(page, "the window", f"is {window.width()}×{window.height()}, larger than the "
                                                f"{width}×{height} screen (its layout needs "
                                                f"{_size(window.minimumSizeHint())})"))
    bounds = QRect(0, 0, min(width, window.width()), min(height, window.height()))
    past: dict[QWidget, QRect] = {}
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or widget.width() <= 0 or widget.height() <= 0:
            continue
        if _scrolls(widget, window):
            continue  # inside a scroll area's viewport: the pane scrolls
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not bounds.contains(rect):
            past[widget] = rect
    for widget, rect in past.items():
        if widget.parentWidget() not in past:  # the outermost one: its children go with it
            found.append(Misfit(page, _describe(widget), f"at {_rect(rect)} reaches past the window "
                                                         f"{_rect(bounds)}"))
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and not widget.isWindow():
            problem = _cut_text(widget) or _small_type(widget, min_points)
            if problem:
                found.append(Misfit(page, _describe(widget), problem))
    return found


def _cut_text(widget: QWidget) -> str | None:
    if isinstance(widget, QHeaderView):  # before QAbstractScrollArea: a header is one too
        return _cut_header(widget) if widget.orientation() == Qt.Orientation.Horizontal else None
    if isinstance(widget, QAbstractScrollArea):
        return _cut_scroll(widget)
    if isinstance(widget, QLabel):
        return _cut_label(widget)
    if isinstance(widget, QComboBox):
        return _cut_combo(widget)
    if isinstance(widget, QLineEdit):
        return _cut_placeholder(widget)
    if isinstance(widget, QAbstractButton) and widget.text() and widget.width() > 0:
        needed = widget.sizeHint().width()
        if needed > widget.width() + SLACK:
            return f"text cut: {widget.width()} px wide, its text needs {needed} px"
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            if not widget.isTabVisible(index):
                continue
            needed = widget.tabSizeHint(index).width()
            if widget.elideMode().name != "ElideNone" and widget.tabRect(index).width() + SLACK < needed:
                return f"tab '{widget.tabText(index)}' elided: {widget.tabRect(index).width()} px of {needed}"
    return None


def _small_type(widget: QWidget, min_points: float) -> str | None:
    if min_points and isinstance(widget, (QLabel, QAbstractButton, QLineEdit, QComboBox, QTabBar)):
        text = widget.currentText() if isinstance(widget, QComboBox) else (
            widget.tabText(0) if isinstance(widget, QTabBar) else widget.text())
        size = widget.font().pointSizeF()
        if text and 0 < size < min_points:
            return f"type {size:.1f} pt, smaller than {min_points:.1f} pt: it did not follow the type size"
    return None


def _cut_header(header: QHeaderView) -> str | None:
    """A column title wider than its column is cut ("Partne", "oley–Shubik"), scrolling or not."""
    model = header.model()
    for index in range(header.count()):
        size = header.sectionSize(index)
        if header.isSectionHidden(index) or size <= 0:
            continue
        needed = header.sectionSizeFromContents(index).width()
        if needed > size + SLACK:
            title = str(model.headerData(index, Qt.Orientation.Horizontal) if model is not None else index)
            return f"column title '{title}' cut: {size} px wide, it needs {needed} px"
    return None


def _cut_scroll(area: QAbstractScrollArea) -> str | None:
    """Content larger than the pane in a direction it cannot scroll is cut."""
    off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    if area.horizontalScrollBarPolicy() == off and area.horizontalScrollBar().maximum() > SLACK:
        return f"content cut on the right by {area.horizontalScrollBar().maximum()} px (no horizontal scroll bar)"
    if area.verticalScrollBarPolicy() == off and area.verticalScrollBar().maximum() > SLACK:
        return f"content cut at the bottom by {area.verticalScrollBar().maximum()} px (no vertical scroll bar)"
    return None


def _cut_combo(combo: QComboBox) -> str | None:
    """A choice box narrower than the choice it shows ("Equal: one eac"); a few pixels of the text's own
    side bearing may go under the arrow unseen."""
    text = combo.currentText()
    if not text or combo.isEditable() or combo.width() <= 0:
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo).width()
    needed = combo.fontMetrics().horizontalAdvance(text)
    if needed > field + COMBO_SLACK:
        return f"choice '{text}' cut: {field} px shown, it needs {needed} px"
    return None


def _cut_placeholder(field: QLineEdit) -> str | None:
    """An empty field's hint cut short ("Type a motion, then pr…"): what to type there is part of the screen."""
    hint = field.placeholderText()
    if field.text() or not hint or field.width() <= 0 or not field.isVisible():
        return None
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    shown = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    room = shown.width() - margins.left() - margins.right() - 4  # the 2 px Qt keeps either side of the text
    needed = field.fontMetrics().horizontalAdvance(hint)
    if needed > room + SLACK:
        return f"hint '{hint[:40]}' cut: {room} px shown, it needs {needed} px"
    return None


def _cut_label(label: QLabel) -> str | None:
    if not label.text() or label.width() <= 0:
        return None
    if label.wordWrap():
        margins = label.contentsMargins()
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK and needed > margins.top() + margins.bottom():
            return f"wrapped text cut: {label.height()} px tall, its text needs {needed} px"
        return None
    needed = label.minimumSizeHint().width()
    if needed > label.width() + SLACK:
        return f"text cut: {label.width()} px wide, its text needs {needed} px"
    return None


def _scrolls(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return True
        parent = grand
    return False


def _describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = " '" + widget.text().replace("\n", " ")[:60] + "'"
    name = f" #{widget.objectName()}" if widget.objectName() else ""
    return f"{type(widget).__name__}{name}{text}"


def _rect(rect: QRect) -> str:
    return f"({rect.x()},{rect.y()} {rect.width()}×{rect.height()})"


def _size(size: object) -> str:
    return f"{size.width()}×{size.height()}"  # type: ignore[attr-defined]


def show_as_screen(window: QWidget, app: QApplication, width: int, height: int, *, presentation: bool) -> None:
    """Put ``window`` (a ``MainWindow``) in normal or presentation mode and size it as a ``width × height``
    screen would (offscreen there is no such screen: full screen is then given that size)."""
    window.set_presentation_mode(presentation)  # type: ignore[attr-defined]
    for _ in range(3):  # the first resize can be undone by the full-screen state settling
        window.setGeometry(0, 0, width, height)
        settle(app)
