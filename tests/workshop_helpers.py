"""Shared by the workshop-session tests: the real main window on a demo workspace, driven by keyboard and mouse.

Every dialog goes through a method the tests replace, as a facilitator's answers; errors are collected, never shown.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from imagingnet_desktop.ui.network.network_tab import NetworkTab
from imagingnet_desktop.ui.network.partner_table_model import PartnerTableModel
from imagingnet_desktop.ui.shares_votes.shares_votes_tab import SharesVotesTab
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.workspace.network.partner_import import create_demo

NETWORK, SHARES = 0, 3


def open_window(qtbot, folder: Path, path: Path | None = None) -> MainWindow:
    """The main window at a projector's 1280×720, on ``path`` (a fresh demo workspace if None)."""
    if path is None:
        path = folder / "demo.imagingnet"
        create_demo(path).close()
    window = MainWindow(AppSettings.in_file(folder / "settings.ini"))
    window.errors = []  # type: ignore[attr-defined]
    window._show_error = lambda title, text: window.errors.append((title, text))  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # keys and shortcuts go to the active window only
    assert window.open_path(path)
    return window


def press(window: MainWindow, keys: str) -> None:
    window.activateWindow()
    QTest.keySequence(window, QKeySequence(keys))
    QApplication.processEvents()


def network_tab(window: MainWindow) -> NetworkTab:
    window.show_tab(NETWORK)
    tab = window.tab("network")
    assert isinstance(tab, NetworkTab)
    return tab


def shares_view(window: MainWindow) -> SharesVotesTab:
    window.show_tab(SHARES)
    return window.tab("shares")


def type_into_cell(tab: NetworkTab, qtbot, row: int, field: str, text: str) -> None:
    """Go to the cell, F2, replace what is there with ``text`` (empty: clear it), Enter."""
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(row, PartnerTableModel.column_of(field)))
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "no editor opened"
    editor.selectAll()
    if text:
        editor.insert(text)  # as typed or pasted (QTest types ASCII only; £ is not)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def click_row(tab: NetworkTab, qtbot, row: int) -> None:
    """Click a partner's code: the table takes the focus and the whole row is selected."""
    rect = tab.table.visualRect(tab.model.index(row, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.selected_rows() == [row]


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick an item the way the keyboard does (arrow keys on the closed list)."""
    target = combo.findText(text)
    assert target >= 0, text
    combo.setFocus()
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(combo.count()):  # a refused choice puts the list back: never loop for ever
        if combo.currentIndex() == target:
            return
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == target, f"could not choose {text!r}"


def power_cell(view: SharesVotesTab, row: int, key: str) -> str:
    model = view.power_page.model
    column = next(c for c in range(model.columnCount()) if model.key_at(c) == key)
    return model.data(model.index(row, column))


def report_json(path: Path) -> dict:
    """What ``imagingnet report --json`` prints for the workspace (its own process, as a script would run it)."""
    done = subprocess.run([sys.executable, "-m", "imagingnet_desktop", "report", str(path), "--json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["network"]


def report_text(path: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "imagingnet_desktop", "report", str(path)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def text_fits(widget, text: str, width: int) -> bool:
    return widget.fontMetrics().horizontalAdvance(text) <= width
