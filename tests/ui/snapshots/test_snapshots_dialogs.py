"""Take snapshot… and What changed since… as a facilitator uses them: type a name, read the changes per tab,
restore after confirming, undo the restore; checked in the workspace and in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from file_checks import first_value, network_in_file  # noqa: E402
from imagingnet_desktop.domain.programme.steps import ItemStatus
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.ui.snapshots.changes_dialog import ChangesDialog
from imagingnet_desktop.ui.snapshots.take_snapshot_dialog import TakeSnapshotDialog
from imagingnet_desktop.workspace.collections import update_row
from imagingnet_desktop.workspace.network.partner_commands import (
    delete_partners,
    edit_partner_field,
    rename_network,
)
from imagingnet_desktop.workspace.network.partner_import import DEMO_NETWORK_NAME, create_demo
from imagingnet_desktop.workspace.programme.collections import ITEMS
from imagingnet_desktop.workspace.snapshots.snapshots import take_snapshot


@pytest.fixture
def ws(tmp_path: Path):
    workspace = create_demo(tmp_path / "demo.imagingnet")
    yield workspace
    workspace.close()


def test_typing_a_name_takes_a_snapshot_kept_in_the_file(qtbot, ws):
    dialog = TakeSnapshotDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name_edit.text().startswith("Before the workshop, ")
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Before the March board")
    dialog.name_edit.insert(" ŵ")
    with qtbot.waitSignal(dialog.taken):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert [s.name for s in ws.snapshots()] == ["Before the March board ŵ"]
    assert first_value(ws.path, "SELECT name FROM snapshots") == "Before the March board ŵ"


def test_a_bad_name_is_refused_where_it_was_typed(qtbot, ws):
    take_snapshot(ws, "Start")
    dialog = TakeSnapshotDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    for typed, reason in (("", "Give the snapshot a name"), ("start", "already a snapshot called 'start'")):
        dialog.name_edit.setText(typed)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.message.is_error and reason in dialog.message.text()
        assert dialog.message.text().startswith("✖  Not saved")
        assert dialog.isVisible() and dialog.name_edit.text() == typed  # the typed value is kept
    assert [s.name for s in ws.snapshots()] == ["Start"]


def test_the_changes_are_listed_per_tab_in_words_and_restore_is_undoable(qtbot, ws):
    nsh, kbd = ws.network.partners[0], ws.network.partners[2]
    take_snapshot(ws, "Before")
    rename_network(ws, "Renamed network")
    edit_partner_field(ws, nsh.id, "population_served", "730000")
    delete_partners(ws, [kbd.id])
    take_snapshot(ws, "Half time")
    edit_partner_field(ws, nsh.id, "ppci_centre", "no")

    dialog = ChangesDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.snapshot().name == "Half time"  # newest first
    assert "1 change since 'Half time'" in dialog.summary.text()
    dialog.snapshot_box.setFocus()
    qtbot.keyClick(dialog.snapshot_box, Qt.Key.Key_Down)
    assert dialog.snapshot().name == "Before"
    text = dialog.text()
    assert "4 changes since 'Before'" in dialog.summary.text() and "Network 4" in dialog.summary.text()
    assert "Network — 4 changes" in text
    assert f"✎ Changed   NSH – {nsh.name} — Population: 720,000  →  730,000" in text
    assert f"✖ Removed   KBD – {kbd.name}" in text
    assert "Network name: Northshire & Vale Imaging Network  →  Renamed network" in text

    dialog._confirm_restore = lambda snapshot, count: False  # "Cancel"
    dialog.restore_button.click()
    assert ws.network.name == "Renamed network"

    asked = []
    dialog._confirm_restore = lambda snapshot, count: asked.append((snapshot.name, count)) or True
    dialog.restore_button.click()
    assert asked == [("Before", 4)]
    assert ws.network.name == DEMO_NETWORK_NAME and len(ws.network.partners) == 5
    assert "Restored 'Before': 4 changes undone in every tab." in dialog.message.text()
    assert "0 changes since 'Before'" in dialog.summary.text()  # the list follows the workspace
    assert "Nothing has changed" in dialog.text()
    assert network_in_file(ws.path).name == DEMO_NETWORK_NAME

    ws.undo()
    assert ws.network.name == "Renamed network"
    assert "4 changes since 'Before'" in dialog.summary.text()
    assert network_in_file(ws.path).name == "Renamed network"
    dialog.close()
    ws.undo()  # the dialog is detached: it no longer listens
    assert dialog._unsubscribe is None


def test_with_no_snapshot_the_dialog_says_how_to_take_one(qtbot, ws):
    dialog = ChangesDialog(ws)
    qtbot.addWidget(dialog)
    assert "no snapshots yet" in dialog.summary.text()
    assert not dialog.restore_button.isEnabled()


def test_the_menus_open_both_dialogs(qtbot, tmp_path, ws):
    path = ws.path
    ws.close()
    window = MainWindow(AppSettings.in_file(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert window.open_path(path)
    window.show()
    window.actions_.take_snapshot.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, TakeSnapshotDialog) and w.isVisible())
    dialog.name_edit.setText("From the menu")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "Took snapshot 'From the menu'" in window.statusBar().currentMessage()
    rename_network(window.workspace, "After")
    window.actions_.changes_since.trigger()
    changes = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ChangesDialog) and w.isVisible())
    assert "1 change since 'From the menu'" in changes.summary.text()
    changes.close()
    window.close_workspace()


def test_after_a_restore_every_open_tab_shows_the_snapshot(qtbot, tmp_path, ws):
    from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes

    path = ws.path
    shares_votes.save_scenario(ws, "Equal votes")
    take_snapshot(ws, "Before")
    ws.close()
    window = MainWindow(AppSettings.in_file(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert window.open_path(path)
    window.show()
    network, shares = window.tab("network"), window.tab("shares")
    delete_partners(window.workspace, [window.workspace.network.partners[-1].id])
    shares_votes.delete_scenario(window.workspace, shares_votes.saved_scenarios(window.workspace)[0].id)
    assert network.model.rowCount() == 4
    assert shares.analysis.codes == ("NSH", "EMV", "KBD", "SMC")

    dialog = ChangesDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog._confirm_restore = lambda snapshot, count: True
    dialog.restore_button.click()
    assert network.model.rowCount() == 5
    assert shares.analysis.codes == ("NSH", "EMV", "KBD", "SMC", "WBK")
    assert window.actions_.undo.text() == "&Undo restore snapshot 'Before'"
    window.actions_.undo.trigger()
    assert network.model.rowCount() == 4
    dialog.close()
    window.close_workspace()


def test_the_list_names_a_changed_choice_as_its_tab_shows_it(qtbot, ws):
    item = ws.rows(ITEMS)[0]
    assert item.status is ItemStatus.NOT_STARTED
    take_snapshot(ws, "Before")
    update_row(ws, ITEMS, item.id, status=ItemStatus.AGREED)
    dialog = ChangesDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.text()
    assert f"✎ Changed   {item.text[:59]}" in text
    assert f"Status: {ItemStatus.NOT_STARTED.label}  →  {ItemStatus.AGREED.label}" in text
    assert "Status: Not started  →  Agreed" in text and "not_started" not in text
    dialog.close()
