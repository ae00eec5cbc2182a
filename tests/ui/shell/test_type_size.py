"""Ctrl+= / Ctrl+- / Ctrl+0: the type a step larger or smaller in every tab, normal or presentation mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.shell.main_window import MAX_TYPE_ZOOM, MIN_TYPE_ZOOM, MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.ui.shell.tab_specs import TABS
from imagingnet_desktop.workspace.network.partner_import import create_demo
from record_helpers import keep_app_look  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("keep_app_look")  # the type size is the whole app's


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    theme.apply(QApplication.instance())
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    win = MainWindow(AppSettings.in_file(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    assert win.open_path(path)
    win.show()
    qtbot.waitExposed(win)
    return win


def press(win: MainWindow, sequence: str) -> None:
    QTest.keySequence(win, QKeySequence(sequence))


def point_size() -> float:
    return QApplication.instance().font().pointSizeF()


def test_ctrl_equals_minus_and_zero_change_the_type_of_every_tab(window: MainWindow) -> None:
    normal = point_size()
    for index in range(len(TABS)):  # every tab built, so each one has to follow the app's type
        window.show_tab(index)
    label_font = window.tab("programme").font().pointSizeF()
    press(window, "Ctrl+=")
    assert point_size() == pytest.approx(normal * 1.1)
    press(window, "Ctrl++")
    assert point_size() == pytest.approx(normal * 1.2)
    assert window.tab("programme").font().pointSizeF() == pytest.approx(label_font * 1.2)
    assert f"{theme.font().pointSizeF():.1f}pt" in window.tab_widget.tabBar().styleSheet()
    press(window, "Ctrl+-")
    assert point_size() == pytest.approx(normal * 1.1)
    press(window, "Ctrl+0")
    assert point_size() == pytest.approx(normal)
    assert window.tab("programme").font().pointSizeF() == pytest.approx(label_font)


def test_the_type_size_adds_to_presentation_mode_and_stays_within_limits(window: MainWindow) -> None:
    normal = point_size()
    press(window, "F11")
    press(window, "Ctrl+=")  # the menu bar is hidden: the shortcut still works
    assert point_size() == pytest.approx(normal * theme.PRESENTATION_SCALE * 1.1)
    press(window, "F11")
    assert point_size() == pytest.approx(normal * 1.1)  # the chosen size outlives leaving presentation mode
    for _ in range(20):
        press(window, "Ctrl+=")
    assert window.type_zoom == MAX_TYPE_ZOOM
    for _ in range(20):
        press(window, "Ctrl+-")
    assert window.type_zoom == MIN_TYPE_ZOOM and point_size() == pytest.approx(normal * MIN_TYPE_ZOOM)
    assert "Ctrl+0" in window.statusBar().currentMessage()
    window.close()  # closing leaves the app's type as it was
    assert point_size() == pytest.approx(normal)


def test_the_view_menu_lists_the_type_size_commands(window: MainWindow) -> None:
    shortcuts = {a.text().replace("&", ""): [s.toString() for s in a.shortcuts()]
                 for a in (window.actions_.larger_type, window.actions_.smaller_type, window.actions_.normal_type)}
    assert shortcuts["Larger type"][0] == "Ctrl+="
    assert shortcuts["Smaller type"][0] == "Ctrl+-"
    assert shortcuts["Normal type size"] == ["Ctrl+0"]
