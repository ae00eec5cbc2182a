"""The window under faults (issue 7, points 2, 3, 6, 7, 14): a failed save is told in a bar that stays until
dismissed with the typed value offered again; a read-only file opens read-only; unreadable settings never
crash a tab; a damaged file's details sit behind the Details button."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemDelegate, QApplication, QLineEdit

from disk_fixtures import mounted_tmpfs, read_only
from imagingnet_desktop.store import WorkspaceFile
from imagingnet_desktop.ui.network.partner_table_model import PartnerTableModel
from imagingnet_desktop.ui.shell import dialogs
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from store_fault_helpers import folder_state, unreadable_working_scenario
from workshop_helpers import network_tab, open_window, shares_view, type_into_cell


class FullDisk:
    """The workspace's connection, except that every write fails as a full disk makes it fail."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


def test_a_cell_edit_on_a_full_disk_says_not_saved_keeps_the_value_and_undo_never_raises(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path)
    tab = network_tab(window)
    type_into_cell(tab, qtbot, 0, "pay_cost_gbp", "1234")  # saved
    file: WorkspaceFile = window.workspace._file
    real = file.conn
    file.conn = FullDisk(real)  # type: ignore[assignment]
    try:
        before = window.workspace.network
        type_into_cell(tab, qtbot, 0, "pay_cost_gbp", "98765")
        bar = window.bars.save_failure
        assert bar.is_error and "Not saved" in bar.text() and "disk is full" in bar.text()
        assert window.workspace.network == before  # nothing reported as saved that was not
        column = PartnerTableModel.column_of("pay_cost_gbp")
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
        editor = QApplication.focusWidget()
        assert editor.text() == "98765" and tab.table.currentIndex().column() == column  # offered again
        tab.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)  # Escape
        window.undo()  # undo of the saved edit, on the full disk: the bar again, never an exception
        assert "undo" in bar.text() and window.workspace.network == before
        assert bar.isVisible()  # on screen, not only filled in: the strip holding it is shown too
    finally:
        file.conn = real
    type_into_cell(tab, qtbot, 0, "pay_cost_gbp", "555")  # space is back: the next edit saves
    assert window.bars.save_failure.text()  # and the bar stays until it is dismissed
    window.bars.save_failure.clear()
    assert not window.bars.save_failure.text()
    window.close()


def test_a_read_only_workspace_opens_read_only_with_a_banner(qtbot, tmp_path) -> None:
    with mounted_tmpfs(tmp_path / "disk") as disk:
        path = disk / "w.imagingnet"
        create_demo(path).close()
        with read_only(disk):
            before = folder_state(disk)
            window = open_window(qtbot, tmp_path, path)
            assert window.workspace.read_only
            assert "Read-only" in window.bars.status.text() and window.bars.status.isVisible()
            tab = network_tab(window)
            index = tab.model.index(0, 0)
            assert not tab.model.flags(index) & tab.model.flags(index).ItemIsEditable
            assert not tab.add_action.isEnabled() and not window.actions_.import_partners.isEnabled()
            shares_view(window)  # every tab builds read-only
            window.close()
            assert folder_state(disk) == before


@pytest.mark.parametrize("value", ["{not json", '{"rule_kind": "dictator"}'])
def test_unreadable_shares_settings_never_crash_the_tab(value: str, qtbot, tmp_path, demo_file: Path) -> None:
    path = Path(shutil.copyfile(demo_file, tmp_path / "w.imagingnet"))
    unreadable_working_scenario(path, value)
    (tmp_path / "app").mkdir()
    window = open_window(qtbot, tmp_path / "app", path)
    view = shares_view(window)  # built in showEvent: must not raise
    assert view.scenario == shares_votes.Scenario()
    assert "could not be read" in window.bars.status.text()
    window.close()


def test_a_damaged_file_has_one_line_and_its_details_behind_a_button(qtbot, tmp_path, monkeypatch,
                                                                   demo_file: Path) -> None:
    from store_fault_helpers import index_missing_a_row

    damaged = Path(shutil.copyfile(demo_file, tmp_path / "damaged.imagingnet"))
    index_missing_a_row(damaged)
    window = open_window(qtbot, tmp_path)
    shown: list[tuple[str, str]] = []
    real = dialogs.show_error
    monkeypatch.setattr(dialogs, "show_error",
                        lambda parent, title, text, detail="", details="": shown.append((text, details))
                        or real(parent, title, text, detail, details))
    assert not window.open_path(damaged)
    text, details = shown[-1]
    assert "\n" not in text and "damaged" in text and "missing from index" in details
    window.close()


def test_a_network_name_with_control_characters_is_refused_in_the_dialog(qtbot, tmp_path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path)
    monkeypatch.setattr(window, "_ask_network_name", lambda: "Board \x1b[2J")
    monkeypatch.setattr(window, "_ask_new_path", lambda suggested: pytest.fail("asked for a file"))
    assert not window.new_workspace()
    assert "control characters" in window.errors[-1][1]
    window.close()
