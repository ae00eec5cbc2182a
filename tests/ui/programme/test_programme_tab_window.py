"""The Programme tab inside the main window: Ctrl+2 to reach it, keys on the heat-map and the checklist, Ctrl+Z
from the Edit menu, owners following a partner's new code, and a workspace opened read-only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from file_checks import first_value
from imagingnet_desktop.domain.programme.steps import StepId, WorkstreamId
from imagingnet_desktop.ui.programme.checklist_model import OWNER, STATUS
from imagingnet_desktop.ui.programme.programme_tab import ProgrammeTab
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.workspace.network import partner_commands
from imagingnet_desktop.workspace.programme import edits, queries
from imagingnet_desktop.workspace.workspace import Workspace
from tab_helpers import shown


@pytest.fixture
def window(qtbot, tmp_path: Path, demo_file: Path) -> MainWindow:
    path = shutil.copyfile(demo_file, tmp_path / "workshop.imagingnet")
    win = MainWindow(AppSettings.in_file(tmp_path / "settings.ini"), remember=False)
    assert win.open_path(path)
    shown(qtbot, win, active=True)
    yield win
    win.close_workspace()


def test_keys_from_the_tab_bar_to_an_agreed_item_and_back_with_ctrl_z(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    tab = window.tab("programme")
    assert isinstance(tab, ProgrammeTab) and window.tab_widget.currentIndex() == 1
    tab.heat_map.setFocus()
    qtbot.keyClick(tab.heat_map, Qt.Key.Key_Right)
    qtbot.keyClick(tab.heat_map, Qt.Key.Key_Right)
    qtbot.keyClick(tab.heat_map, Qt.Key.Key_Down)
    assert tab.heat_map.selected == (StepId.SOC, WorkstreamId.FINANCE)
    assert tab.cells.title.text() == "SOC · Finance"
    qtbot.keyClick(tab.heat_map, Qt.Key.Key_Return)  # to the cell's checklist
    assert QApplication.focusWidget() is tab.cells.table
    tab.cells.table.setCurrentIndex(tab.cells.model.index(0, STATUS))
    item = tab.cells.model.items[0]
    qtbot.keyClick(tab.cells.table, Qt.Key.Key_Space)
    qtbot.keyClick(tab.cells.table, Qt.Key.Key_Space)
    sql = f"SELECT status FROM programme_checklist_items WHERE id = {item.id}"
    assert first_value(window.workspace.path, sql) == "agreed"
    assert tab.heat_map.counts[(StepId.SOC, WorkstreamId.FINANCE)].agreed == 1
    assert window.actions_.undo.text().replace("&", "").startswith("Undo mark “High-level baseline")
    window.actions_.undo.trigger()  # Ctrl+Z
    assert first_value(window.workspace.path, sql) == "in_discussion"
    assert tab.heat_map.counts[(StepId.SOC, WorkstreamId.FINANCE)].agreed == 0
    assert tab.cells.model.index(0, STATUS).data() == "◐ In discussion"


def test_an_owner_shows_the_partners_new_code(window, qtbot):
    tab = window.tab("programme")
    window.show_tab(1)
    ws = window.workspace
    first = ws.network.partners[0]
    item = tab.cells.model.items[0]
    edits.set_owner(ws, item.id, first.id)
    assert tab.cells.model.index(0, OWNER).data() == first.code
    partner_commands.edit_partner_field(ws, first.id, "code", "NEW")
    assert tab.cells.model.index(0, OWNER).data() == "NEW"


def test_a_read_only_workspace_shows_the_programme_and_refuses_edits(qtbot, demo_file, tmp_path):
    path = shutil.copyfile(demo_file, tmp_path / "read-only.imagingnet")
    reader = Workspace.open_read_only(path)
    try:
        tab = ProgrammeTab(reader)
        qtbot.addWidget(tab)
        tab.show()
        qtbot.waitExposed(tab)
        assert not tab.cells.add_action.isEnabled() and not tab.gate_panel.move_button.isEnabled()
        tab.cells.table.setFocus()
        tab.cells.table.setCurrentIndex(tab.cells.model.index(0, STATUS))
        qtbot.keyClick(tab.cells.table, Qt.Key.Key_Space)
        assert tab.cells.message.is_error and "read-only" in tab.cells.message.text()
        assert queries.current_gate(reader).cells_short  # still read and judged
        tab.detach()
    finally:
        reader.close()
