"""Ctrl+= / Ctrl+- / Ctrl+0: the type a step larger or smaller in every tab, normal or presentation mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

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


def new_window(qtbot, settings: AppSettings, **options: bool) -> MainWindow:
    win = MainWindow(settings, **options)
    qtbot.addWidget(win)
    win.show()
    win.windowHandle().requestActivate()  # the keys go to this window (one closed before it leaves none active)
    qtbot.waitUntil(win.isActiveWindow)
    return win


def test_the_type_size_is_kept_for_the_next_session(qtbot, window: MainWindow, tmp_path: Path) -> None:
    normal = point_size()
    press(window, "Ctrl+=")
    press(window, "Ctrl+=")
    window.close()
    assert point_size() == pytest.approx(normal)  # closing leaves the app's type as it was found
    ini = tmp_path / "settings.ini"
    assert AppSettings.in_file(ini).type_zoom() == pytest.approx(1.2)  # kept in the (test's own) settings file

    again = new_window(qtbot, AppSettings.in_file(ini))
    assert again.type_zoom == pytest.approx(1.2)
    assert point_size() == pytest.approx(normal * 1.2)
    assert f"{theme.font().pointSizeF():.1f}pt" in again.tab_widget.tabBar().styleSheet()
    press(again, "Ctrl+0")
    again.close()
    third = new_window(qtbot, AppSettings.in_file(ini))
    assert third.type_zoom == 1.0 and point_size() == pytest.approx(normal)
    third.close()


@pytest.mark.parametrize("saved, zoom", [("9", MAX_TYPE_ZOOM), ("0.01", MIN_TYPE_ZOOM), ("large", 1.0), ("nan", 1.0)])
def test_a_saved_size_out_of_range_or_unreadable_is_brought_within(qtbot, tmp_path: Path, saved, zoom) -> None:
    ini = tmp_path / "settings.ini"
    ini.write_text(f"[view]\ntype_zoom={saved}\n", encoding="utf-8")
    win = new_window(qtbot, AppSettings.in_file(ini))
    assert win.type_zoom == zoom
    win.close()


def test_a_window_that_remembers_nothing_keeps_no_type_size(qtbot, tmp_path: Path) -> None:
    ini = tmp_path / "settings.ini"
    win = new_window(qtbot, AppSettings.in_file(ini), remember=False)
    press(win, "Ctrl+=")
    assert win.type_zoom == pytest.approx(1.1)
    win.close()
    assert AppSettings.in_file(ini).type_zoom() == 1.0


def test_in_presentation_mode_the_new_size_is_shown_over_the_tabs(qtbot, window: MainWindow) -> None:
    press(window, "F11")
    assert window.statusBar().isHidden()
    press(window, "Ctrl+=")
    assert window.note_text() == "Type size 110% — Ctrl+0 for the normal size"
    note = window.findChild(QLabel, "presentationHint")
    assert note.isVisible() and window.rect().contains(note.geometry())  # on the screen, in the corner
    window.resize(window.width() - 100, window.height() - 60)  # a window manager may size the window later
    qtbot.waitUntil(lambda: note.geometry().right() == window.width() - 17)
    assert note.geometry().bottom() == window.height() - 17
    press(window, "Ctrl+0")
    assert window.note_text().startswith("Type size 100%")
    press(window, "F11")
    assert window.note_text() == ""  # leaving presentation mode takes the note away
    press(window, "Ctrl+=")
    assert window.note_text() == "" and window.statusBar().currentMessage().startswith("Type size 110%")
