"""A left pane that scrolls when the screen is too short for it shows only whole things at its foot: no half a
slider or choice box in the Shares & votes left column, no half a line of the legend or the gate's list in the
Programme steps page's left pane; at 1280×720 and 1920×1080, normal and presentation mode, at the top and after
scrolling (at the top edge, a line is cut where the facilitator scrolled it to)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from imagingnet_desktop.ui.common.whole_rows_scroll import LEAVES
from imagingnet_desktop.ui.shell.fit_check import each_page, settle, show_as_screen
from imagingnet_desktop.ui.shell.main_window import MainWindow
from record_helpers import keep_app_look  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("keep_app_look")  # presentation mode changes the app font


@pytest.fixture
def window(demo_window):  # type: ignore[no-untyped-def]
    return demo_window


def _cut(area) -> list[str]:
    viewport = area.viewport()
    seen = QRect(QPoint(0, 0), viewport.size())
    cut = []
    for widget in area.widget().findChildren(QWidget):
        if isinstance(widget, LEAVES) and widget.isVisibleTo(area.widget()) and widget.height() > 0:
            rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
            if rect.top() < seen.bottom() < rect.bottom():  # the foot (the top is where it was scrolled to)
                if isinstance(widget, QLabel) and widget.wordWrap():  # a paragraph may end a pane between lines
                    shown = seen.bottom() + 1 - rect.top() - widget.contentsMargins().top() - widget.margin()
                    if shown > 0 and shown % widget.fontMetrics().lineSpacing() == 0:
                        continue
                cut.append(f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r} at {rect}")
    return cut


@pytest.mark.parametrize("presentation", [False, True], ids=["normal", "presentation"])
@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
@pytest.mark.parametrize(("tab", "pane"), [("shares", "_left"), ("programme", "left_scroll")])
def test_a_scrolling_left_pane_shows_nothing_cut_at_its_foot(window: MainWindow, tab: str, pane: str, width: int,
                                                             height: int,
                                              presentation: bool) -> None:
    app = QApplication.instance()
    index = [window.tab_widget.widget(i).spec.key for i in range(window.tab_widget.count())].index(tab)
    show_as_screen(window, app, width, height, presentation=presentation)
    list(each_page(window, app, index))
    area = getattr(window.tab(tab), pane)
    assert _cut(area) == []
    bar = area.verticalScrollBar()
    if bar.maximum() > 0:  # it scrolls: the rest is in reach, and whole at each stop
        bar.setValue(bar.maximum() // 2)
        settle(app)
        assert _cut(area) == []
        bar.setValue(bar.maximum())
        settle(app)
        assert _cut(area) == []
