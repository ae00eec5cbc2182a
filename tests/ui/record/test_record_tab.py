"""The Record tab driven from the keyboard as in a workshop: one line, Enter, next; filters; table edits."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from imagingnet_desktop.domain.record.entries import EntryKind, EntryStatus
from imagingnet_desktop.domain.record.log_filter import OVERDUE
from imagingnet_desktop.ui.record.entry_model import KIND, OWNER, STATUS, TEXT, RecordEntryModel
from imagingnet_desktop.ui.record.record_tab import RecordTab
from imagingnet_desktop.workspace.record.entries import RECORD_ENTRIES, add_entry
from imagingnet_desktop.workspace.workspace import Workspace
from record_helpers import record_in_file
from tab_helpers import shown

TODAY = date(2026, 12, 1)


@pytest.fixture
def tab(workspace: Workspace, qtbot) -> RecordTab:  # type: ignore[no-untyped-def]
    widget = shown(qtbot, RecordTab(workspace, today=lambda: TODAY), active=True)
    yield widget
    widget.detach()


def type_line(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def some_entries(ws: Workspace) -> None:
    nsh, kbd = ws.network.partners[0].id, ws.network.partners[2].id
    add_entry(ws, EntryKind.DECISION, "Proceed to the strategic outline case", today=TODAY, step="soc")
    add_entry(ws, EntryKind.ACTION, "Send the MOU draft", today=TODAY, owner_partner_id=nsh, due=date(2026, 11, 2))
    add_entry(ws, EntryKind.ACTION, "Cost the PACS contract", today=TODAY, owner_partner_id=kbd,
              workstream="finance", due=date(2027, 1, 5))
    add_entry(ws, EntryKind.ISSUE, "Who hosts the PACS team?", today=TODAY, owner_partner_id=kbd)


def test_the_entry_model_is_a_sound_qt_model(workspace: Workspace, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    some_entries(workspace)
    model = RecordEntryModel(workspace, lambda: TODAY)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1, STATUS)) == "⚠ Overdue"
    assert model.data(model.index(2, STATUS)) == "○ Open"


def test_decisions_actions_and_issues_are_typed_one_line_at_a_time(tab: RecordTab, workspace: Workspace,
                                                                   qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = tab.log.entry_bar
    type_line(qtbot, bar.text_edit, "Proceed to the strategic outline case")
    assert bar.text_edit.text() == "" and QApplication.focusWidget() is bar.text_edit  # ready for the next
    type_line(qtbot, bar.text_edit, "All five trusts sign the MOU")

    qtbot.keyClick(bar.text_edit, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Alt+A: an action
    qtbot.waitUntil(lambda: bar.kind is EntryKind.ACTION)  # a mnemonic clicks the button a moment later
    bar.owner_combo.setFocus()
    qtbot.keyClicks(bar.owner_combo, "KBD")
    bar.person_edit.setFocus()
    qtbot.keyClicks(bar.person_edit, "R. Jones")
    bar.due_edit.setFocus()
    qtbot.keyClicks(bar.due_edit, "+7")
    type_line(qtbot, bar.text_edit, "Collect equipment ages")

    qtbot.keyClick(bar.text_edit, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bar.kind is EntryKind.ISSUE)
    assert not bar.due_edit.isEnabled()
    type_line(qtbot, bar.text_edit, "Who hosts PACS?")

    kbd = workspace.network.partners[2].id
    held = record_in_file(workspace.path).entries
    assert [(e.kind, e.text) for e in held] == [
        (EntryKind.DECISION, "Proceed to the strategic outline case"),
        (EntryKind.DECISION, "All five trusts sign the MOU"),
        (EntryKind.ACTION, "Collect equipment ages"), (EntryKind.ISSUE, "Who hosts PACS?")]
    assert (held[2].owner_partner_id, held[2].person, held[2].due) == (kbd, "R. Jones", TODAY + timedelta(days=7))
    assert held[3].owner_partner_id == kbd and held[3].due is None
    assert tab.log.model.rowCount() == 4 and tab.log.shown_label.text() == "4 entries"
    assert tab.log.model.data(tab.log.model.index(2, KIND)) == "▶ Action"


def test_a_bad_entry_is_refused_where_it_was_typed_and_kept(tab: RecordTab, workspace: Workspace,
                                                             qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = tab.log.entry_bar
    bar.set_kind(EntryKind.ACTION)
    bar.due_edit.setFocus()
    qtbot.keyClicks(bar.due_edit, "soon")
    type_line(qtbot, bar.text_edit, "Book the room")
    assert tab.log.message.is_error and "The due date must be a date such as 31/03/2027" in tab.log.message.text()
    assert bar.text_edit.text() == "Book the room"
    assert record_in_file(workspace.path).entries == ()
    bar.due_edit.clear()
    bar.text_edit.clear()
    type_line(qtbot, bar.text_edit, "   ")
    assert "cannot be empty" in tab.log.message.text()
    type_line(qtbot, bar.text_edit, "Book the room")
    assert not tab.log.message.is_error and [e.text for e in record_in_file(workspace.path).entries] == [
        "Book the room"]


def test_the_log_filters_by_type_partner_status_and_text(tab: RecordTab, workspace: Workspace,
                                                         qtbot) -> None:  # type: ignore[no-untyped-def]
    some_entries(workspace)
    log = tab.log
    assert log.model.rowCount() == 4 and log.shown_label.text() == "4 entries · ⚠ 1 overdue"

    def texts() -> list[str]:
        return [log.model.data(log.model.index(r, TEXT)) for r in range(log.model.rowCount())]

    log.text_filter.setFocus()
    qtbot.keyClicks(log.text_filter, "pacs")
    assert texts() == ["Cost the PACS contract", "Who hosts the PACS team?"]
    assert log.shown_label.text() == "2 of 4 shown · ⚠ 1 overdue"
    log.kind_filter.setCurrentIndex(log.kind_filter.findData(EntryKind.ISSUE))
    assert texts() == ["Who hosts the PACS team?"]
    log.text_filter.clear()
    log.kind_filter.setCurrentIndex(0)
    log.status_filter.setCurrentIndex(log.status_filter.findData(OVERDUE))
    assert texts() == ["Send the MOU draft"]
    log.status_filter.setCurrentIndex(0)
    log.partner_filter.setCurrentIndex(log.partner_filter.findText("KBD"))
    assert texts() == ["Cost the PACS contract", "Who hosts the PACS team?"]
    # An entry added while a filter is on shows when it matches.
    add_entry(workspace, EntryKind.ACTION, "Share the KBD rota", today=TODAY)
    assert texts() == ["Cost the PACS contract", "Who hosts the PACS team?"]
    qtbot.keyClicks(log.text_filter, "rota")
    assert texts() == []
    log.partner_filter.setCurrentIndex(0)
    assert texts() == ["Share the KBD rota"]


def test_status_owner_and_text_are_edited_in_the_table_and_delete_is_undone(tab: RecordTab, workspace: Workspace,
                                                                            qtbot) -> None:  # type: ignore[no-untyped-def]
    some_entries(workspace)
    table, model = tab.log.table, tab.log.model
    table.setFocus()
    table.setCurrentIndex(model.index(1, STATUS))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox) and [combo.itemText(i) for i in range(combo.count())] == [
        "Open", "Done", "Dropped"]
    assert tab.log.shown_label.text() == "4 entries · ⚠ 1 overdue"
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert record_in_file(workspace.path).entries[1].status is EntryStatus.DONE
    assert model.data(model.index(1, STATUS)) == "✓ Done"
    assert tab.log.shown_label.text() == "4 entries"  # the overdue action is done

    table.setCurrentIndex(model.index(1, OWNER))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("SMC"))
    combo.activated.emit(combo.currentIndex())
    assert record_in_file(workspace.path).entries[1].owner_partner_id == workspace.network.partners[3].id

    table.setCurrentIndex(model.index(0, TEXT))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Proceed to the SOC with five trusts")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits a moment later
    qtbot.waitUntil(lambda: workspace.rows(RECORD_ENTRIES)[0].text == "Proceed to the SOC with five trusts")
    assert record_in_file(workspace.path).entries[0].text == "Proceed to the SOC with five trusts"
    assert "Proceed to the SOC with five trusts" in tab.log.details.text()

    table.setCurrentIndex(model.index(0, TEXT))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(record_in_file(workspace.path).entries) == 3 and model.rowCount() == 3
    workspace.undo()
    assert len(record_in_file(workspace.path).entries) == 4 and model.rowCount() == 4
    assert workspace.rows(RECORD_ENTRIES)[0].text == "Proceed to the SOC with five trusts"


def test_a_read_only_workspace_is_read_and_filtered_but_not_added_to(demo_file: Path, tmp_path: Path,
                                                                      qtbot) -> None:  # type: ignore[no-untyped-def]
    path = Path(shutil.copyfile(demo_file, tmp_path / "read-only.imagingnet"))
    writer = Workspace.open(path)
    some_entries(writer)
    writer.close()
    reader = Workspace.open_read_only(path)
    try:
        tab = RecordTab(reader, today=lambda: TODAY)
        qtbot.addWidget(tab)
        assert tab.log.model.rowCount() == 4 and not tab.log.entry_bar.isEnabled()
        assert not tab.motions.new_edit.isEnabled()
        assert not tab.log.model.flags(tab.log.model.index(0, TEXT)) & Qt.ItemFlag.ItemIsEditable
        tab.log.text_filter.setText("pacs")
        assert tab.log.model.rowCount() == 2
        tab.detach()
    finally:
        reader.close()
