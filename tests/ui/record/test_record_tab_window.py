"""The Record tab in the main window: built from the tab list, undone with Ctrl+Z, fitting presentation mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from imagingnet_desktop.domain.record.motions import VoteChoice
from imagingnet_desktop.ui.record.record_tab import RecordTab
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.workspace.network.partner_import import create_demo
from record_helpers import keep_app_look, record_in_file  # noqa: F401 (a fixture)
from tab_helpers import shown

pytestmark = pytest.mark.usefixtures("keep_app_look")  # presentation mode changes the app font


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    win = MainWindow(AppSettings.in_file(tmp_path / "settings.ini"), remember=False)
    assert win.open_path(path)
    shown(qtbot, win, active=True)
    yield win
    win.set_presentation_mode(False)


def record_tab(win: MainWindow, qtbot) -> RecordTab:  # type: ignore[no-untyped-def]
    qtbot.keyClick(win, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)  # Ctrl+6: the sixth tab
    qtbot.waitUntil(lambda: win.findChild(RecordTab) is not None)
    tab = win.findChild(RecordTab)
    assert tab is not None and tab.isVisible()
    return tab


def test_a_revealed_motion_is_undone_from_the_edit_menu_keys(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = record_tab(window, qtbot)
    workspace = window.workspace
    assert workspace is not None
    tab.pages.setCurrentIndex(1)
    tab.motions.new_edit.setFocus()
    qtbot.keyClicks(tab.motions.new_edit, "Adopt the draft MOU")
    qtbot.keyClick(tab.motions.new_edit, Qt.Key.Key_Return)
    panel = tab.motions.panel
    for row, choice in zip(panel.vote_rows, [VoteChoice.FOR] * 3 + [VoteChoice.AGAINST] * 2, strict=True):
        row.buttons[choice].click()
    panel.reveal_button.click()
    assert panel.result.text() == "✓ PASSED"
    assert record_in_file(workspace.path).entries[-1].motion_id is not None

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.result.text() == "" and panel.reveal_button.isVisible()
    held = record_in_file(workspace.path)
    assert held.entries == () and held.motions[0].outcome is None
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel.result.text() == "✓ PASSED"
    assert record_in_file(workspace.path).motions[0].outcome is not None


def test_the_tab_fits_1280_by_720_in_presentation_mode(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = record_tab(window, qtbot)
    window.set_presentation_mode(True)
    window.showNormal()
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.width() == 1280)
    QApplication.processEvents()
    log = tab.log
    assert tab.width() <= 1280 and log.table.horizontalHeader().length() <= log.table.viewport().width() + 1
    assert log.entry_bar.geometry().right() <= log.width()
    assert log.text_filter.isVisible() and log.text_filter.width() > 100
    tab.pages.setCurrentIndex(1)
    QApplication.processEvents()
    assert tab.motions.panel.width() <= tab.motions.panel.parentWidget().width()  # type: ignore[union-attr]
