"""The Shares & votes tab inside the main window: built on first visit, undo/redo from the Edit menu, reopen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleKind
from imagingnet_desktop.ui.shares_votes.shares_votes_tab import SharesVotesTab
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes

SHARES_INDEX = 3


@pytest.fixture
def window(qtbot, tmp_path: Path):
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    win = MainWindow(AppSettings.in_file(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(path)
    yield win
    win.close()


def test_the_tab_is_built_on_its_first_visit_and_follows_edit_undo_and_redo(window: MainWindow, qtbot) -> None:
    assert window.tab_widget.tabText(SHARES_INDEX).replace("&&", "&") == "Shares & votes"
    window.show_tab(SHARES_INDEX)
    tab = window.tab("shares")
    assert isinstance(tab, SharesVotesTab)
    view = tab
    workspace = window.workspace

    view.controls.rule.setFocus()
    qtbot.keyClick(view.controls.rule, Qt.Key.Key_Down)  # simple majority -> qualified majority
    assert shares_votes.working_scenario(workspace).rule_kind is RuleKind.QUALIFIED
    assert window.actions_.undo.text().replace("&", "") == "Undo rule: qualified majority"

    QTest.keySequence(window, QKeySequence("Ctrl+Z"))
    assert view.controls.rule.currentText().startswith("Simple majority")
    assert "Simple majority" in view.warnings.text()
    QTest.keySequence(window, QKeySequence("Ctrl+Y"))
    assert view.controls.rule.currentText() == "Qualified majority"
    assert "75% of votes" in view.warnings.text()


def test_weights_survive_closing_and_reopening_the_workspace(window: MainWindow, qtbot) -> None:
    window.show_tab(SHARES_INDEX)
    view = window.tab("shares")
    pay = view.sliders.sliders[Basis.PAY]
    pay.setFocus()
    for _ in range(4):
        qtbot.keyClick(pay, Qt.Key.Key_PageUp)
    view.sliders.flush()
    path = window.workspace.path
    window.close_workspace()
    assert window.open_path(path)
    window.show_tab(SHARES_INDEX)
    view = window.tab("shares")
    assert view.sliders.sliders[Basis.PAY].value() == 40
    assert view.sliders.percent_labels[Basis.PAY].text() == f"{100 * 40 / 140:.2f}%"
