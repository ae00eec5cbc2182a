"""The Programme steps page's left pane (heat map, legend, the gate and the lessons) scrolls when the screen is
too short for it, but what it shows at its foot is whole: no half a line of the legend or the gate's list, at
1280×720 and 1920×1080, normal and presentation mode, at the top and after scrolling."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.whole_rows_scroll import LEAVES
from imagingnet_desktop.ui.shell.fit_check import each_page, settle, show_as_screen
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from record_helpers import keep_app_look  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("keep_app_look")  # presentation mode changes the app font


@pytest.fixture
def window(qtbot, demo_file: Path, tmp_path: Path):
    theme.apply(QApplication.instance())
    path = shutil.copyfile(demo_file, tmp_path / "demo.imagingnet")
    win = MainWindow(AppSettings.in_file(tmp_path / "settings.ini"), remember=False)
    qtbot.addWidget(win)
    assert win.open_path(path)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.set_presentation_mode(False)


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
def test_the_programme_left_pane_shows_no_half_line(window: MainWindow, width: int, height: int,
                                              presentation: bool) -> None:
    app = QApplication.instance()
    index = [window.tab_widget.widget(i).spec.key for i in range(window.tab_widget.count())].index("programme")
    show_as_screen(window, app, width, height, presentation=presentation)
    list(each_page(window, app, index))
    area = window.tab("programme").left_scroll
    assert _cut(area) == []
    bar = area.verticalScrollBar()
    if bar.maximum() > 0:  # it scrolls: the rest is in reach, and whole at each stop
        bar.setValue(bar.maximum() // 2)
        settle(app)
        assert _cut(area) == []
        bar.setValue(bar.maximum())
        settle(app)
        assert _cut(area) == []
