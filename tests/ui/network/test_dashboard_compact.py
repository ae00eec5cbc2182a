"""The Network tab with its dashboard open, in the real window at 1280×720 and 1920×1080, normal and presentation
mode: the five checks all in view, none of them (nor any other line of the dashboard) cut by the pane's edge,
and every demo partner's row in view beside it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from imagingnet_desktop.ui.shell.fit_check import each_page, show_as_screen
from imagingnet_desktop.ui.shell.main_window import MainWindow
from record_helpers import keep_app_look  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("keep_app_look")  # presentation mode changes the app font

CHECKS = ("population", "staff", "radiologists", "staff_vacancy", "radiologist_vacancy")


@pytest.fixture
def window(demo_window):  # type: ignore[no-untyped-def]
    return demo_window


def _in(widget: QWidget, pane: QWidget) -> QRect:
    return QRect(widget.mapTo(pane, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("presentation", [False, True], ids=["normal", "presentation"])
@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_the_open_dashboard_shows_every_check_whole_beside_every_partner(window: MainWindow, qtbot, width: int,
                                                                         height: int, presentation: bool) -> None:
    app = QApplication.instance()
    show_as_screen(window, app, width, height, presentation=presentation)
    list(each_page(window, app, 0))
    tab = window.tab("network")
    assert tab.dashboard_toggle.isChecked()  # the dashboard is open
    pane = tab._dashboard_scroll.viewport()
    seen = QRect(QPoint(0, 0), pane.size())
    for check_id in CHECKS:
        tile = tab.dashboard.tile(check_id)
        assert seen.contains(_in(tile, pane)), f"the {check_id} tile is cut by the dashboard's edge"
        verdict = tile.findChild(QLabel, "verdict")
        assert seen.contains(_in(verdict, pane)), f"the {check_id} badge ({verdict.text()}) is cut"
        assert verdict.width() >= verdict.minimumSizeHint().width(), f"the {check_id} badge's words are cut"
    if tab.dashboard.columns == len(CHECKS):  # one row: a title on two lines leaves the figures level
        tops = {_in(tab.dashboard.tile(c)._figure, pane).top() for c in CHECKS}
        assert len(tops) == 1, f"the figures of one row stand at different heights: {sorted(tops)}"
    for label in tab.dashboard.findChildren(QLabel):  # a line below the checks may wait under the scroll bar,
        rect = _in(label, pane)  # whole: never half in view
        if label.isVisibleTo(tab.dashboard) and label.text() and rect.intersects(seen):
            assert seen.contains(rect), f"'{label.text()[:40]}' is cut by the dashboard's edge"
    table = tab.table
    rows = table.model().rowCount()
    last = table.rowViewportPosition(rows - 1) + table.rowHeight(rows - 1)
    assert 0 < last <= table.viewport().height(), "every demo partner's row is in view"
