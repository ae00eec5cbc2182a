"""The Network tab driven as a facilitator would: keyboard into cells, buttons and shortcuts; then the file."""

from __future__ import annotations

from decimal import Decimal

import pytest
import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QToolButton

from file_checks import network_in_file
from imagingnet_desktop.ui.network.network_tab import NetworkTab
from imagingnet_desktop.ui.network.partner_table_model import PartnerTableModel
from imagingnet_desktop.workspace.network import partner_commands
from imagingnet_desktop.workspace.network.partner_import import DEMO_NETWORK_NAME
from imagingnet_desktop.workspace.workspace import Workspace
from tab_helpers import shown

DEMO_CODES = ["NSH", "EMV", "KBD", "SMC", "WBK"]



@pytest.fixture
def tab(workspace, qtbot):
    widget = shown(qtbot, NetworkTab(workspace))
    yield widget
    widget.detach()



def col(name: str) -> int:
    return PartnerTableModel.column_of(name)


def go_to(tab: NetworkTab, row: int, field: str) -> None:
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(row, col(field)))


def open_editor(tab: NetworkTab, qtbot, row: int, field: str, key=Qt.Key.Key_F2):
    go_to(tab, row, field)
    qtbot.keyClick(tab.table, key)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not tab.table, "no editor opened"
    return editor


def type_into_cell(tab: NetworkTab, qtbot, row: int, field: str, text: str, *, finish=Qt.Key.Key_Return):
    editor = open_editor(tab, qtbot, row, field)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    finish_editing(editor, qtbot, finish)


def finish_editing(editor, qtbot, key=Qt.Key.Key_Return) -> None:
    """Press ``key`` in the editor; Qt commits an Enter on the next turn of the event loop, so let it run."""
    qtbot.keyClick(editor, key)
    QApplication.processEvents()


def button_for(tab: NetworkTab, action) -> QToolButton:
    return next(b for b in tab.findChildren(QToolButton) if b.defaultAction() is action)


def codes(network) -> list[str]:
    return [p.code for p in network.partners]


# ------------------------------------------------------------------ editing in place


def test_typed_value_reaches_the_workspace_and_the_file(tab, workspace, qtbot):
    type_into_cell(tab, qtbot, 1, "population_served", "612,500")
    assert workspace.network.partners[1].population_served == 612_500
    assert tab.model.data(tab.model.index(1, col("population_served"))) == "612,500"
    path = workspace.path
    workspace.close()  # the file alone must hold it
    reopened = Workspace.open_read_only(path)
    try:
        assert reopened.network.partners[1].population_served == 612_500
    finally:
        reopened.close()


def test_enter_opens_the_editor_and_enter_commits(tab, workspace, qtbot):
    editor = open_editor(tab, qtbot, 0, "ics", key=Qt.Key.Key_Return)
    assert isinstance(editor, QLineEdit) and editor.text() == "Northshire and Vale ICB"
    editor.selectAll()
    qtbot.keyClicks(editor, "Cymru & Vale <ICB> ")
    editor.insert("ŵ 🙂")  # QTest types ASCII only; these arrive as an input method or a paste would send them
    finish_editing(editor, qtbot, Qt.Key.Key_Enter)
    assert network_in_file(workspace.path).partners[0].ics == "Cymru & Vale <ICB> ŵ 🙂"
    assert tab.table.state() != tab.table.State.EditingState


def test_typing_a_character_starts_editing_with_it(tab, workspace, qtbot):
    go_to(tab, 2, "imaging_staff_wte")
    qtbot.keyClicks(tab.table, "3")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "00.5")
    finish_editing(editor, qtbot)
    assert network_in_file(workspace.path).partners[2].imaging_staff_wte == Decimal("300.5")


def test_tab_moves_to_the_next_cell_for_editing(tab, workspace, qtbot):
    type_into_cell(tab, qtbot, 3, "code", "SMX", finish=Qt.Key.Key_Tab)
    assert workspace.network.partners[3].code == "SMX"
    assert tab.table.currentIndex().column() == col("name")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Southmere Coast Healthcare NHS Trust"
    finish_editing(editor, qtbot, Qt.Key.Key_Escape)
    assert network_in_file(workspace.path).partners[3].code == "SMX"


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("population_served", "-400", "Population cannot be negative"),
        ("imaging_exams_per_year", "abc", "Exams / year must be a whole number, not 'abc'"),
        ("pay_cost_gbp", "nan", "Pay £ is not a number (NaN)"),
        ("direct_non_pay_gbp", "inf", "must be a finite number, not infinity"),
        ("staff_vacancy_rate_pct", "140", "Staff vacancy % must be between 0 and 100, not 140"),
        ("code", "", "Code cannot be empty"),
        ("code", "KBD", "Code 'KBD' is already used by KBD"),
        ("name", "westbrook hospitals nhs foundation trust", "is already used by WBK"),
    ],
)
def test_a_bad_value_is_refused_with_a_visible_message(tab, workspace, qtbot, field, typed, message):
    before = network_in_file(workspace.path).partners[1]
    shown_before = tab.model.data(tab.model.index(1, col(field)))
    assert not tab.message.isVisible()
    type_into_cell(tab, qtbot, 1, field, typed)
    assert tab.message.isVisible() and tab.message.is_error
    assert message in tab.message.text()
    assert "EMV" in tab.message.text() and "old value is kept" in tab.message.text()
    assert tab.model.data(tab.model.index(1, col(field))) == shown_before
    assert tab.table.currentIndex() == tab.model.index(1, col(field))  # still on the cell, to try again
    assert network_in_file(workspace.path).partners[1] == before
    # the next good edit clears the refusal
    type_into_cell(tab, qtbot, 1, "ics", "Fixed ICB")
    assert not tab.message.isVisible()


def test_undo_restores_the_cell_and_the_file(tab, workspace, qtbot):
    type_into_cell(tab, qtbot, 4, "staff_vacancy_rate_pct", "9.5")
    assert network_in_file(workspace.path).partners[4].staff_vacancy_rate_pct == Decimal("9.5")
    assert tab.model.data(tab.model.index(4, col("staff_vacancy_rate_pct"))) == "9.5%"
    workspace.undo()
    assert network_in_file(workspace.path).partners[4].staff_vacancy_rate_pct == Decimal("15")
    assert tab.model.data(tab.model.index(4, col("staff_vacancy_rate_pct"))) == "15%"
    workspace.redo()
    assert network_in_file(workspace.path).partners[4].staff_vacancy_rate_pct == Decimal("9.5")


def test_organisation_type_is_chosen_from_a_list(tab, workspace, qtbot):
    editor = open_editor(tab, qtbot, 1, "organisation_type")
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == ["NHS Trust", "NHS Foundation Trust"]
    assert editor.currentText() == "NHS Trust"
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    finish_editing(editor, qtbot)
    assert network_in_file(workspace.path).partners[1].organisation_type == "NHS Foundation Trust"
    assert "4 Foundation Trusts, 1 NHS Trust" in tab.dashboard.mix_text()


def test_yes_no_is_chosen_from_a_list(tab, workspace, qtbot):
    editor = open_editor(tab, qtbot, 3, "ppci_centre")
    assert isinstance(editor, QComboBox) and editor.currentText() == "No"
    editor.setCurrentIndex(editor.findText("Yes"))
    editor.activated.emit(editor.currentIndex())  # as a click on the item in the list does
    assert network_in_file(workspace.path).partners[3].ppci_centre is True
    assert "PPCI centres: NSH, SMC" in tab.dashboard.links_text()


# ------------------------------------------------------------------ add, delete, reorder


@pytest.mark.parametrize("how", ["Insert", "Ctrl+Shift+N", "button"])
def test_add_partner_opens_its_code_for_editing(tab, workspace, qtbot, how):
    go_to(tab, 0, "name")
    if how == "Insert":
        qtbot.keyClick(tab.table, Qt.Key.Key_Insert)
    elif how == "Ctrl+Shift+N":
        qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    else:
        qtbot.mouseClick(button_for(tab, tab.add_action), Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 6
    assert tab.table.currentIndex() == tab.model.index(5, col("code"))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "NEW6"
    qtbot.keyClicks(editor, "RFX")  # the placeholder is selected, so typing replaces it
    finish_editing(editor, qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Riverford Hospital NHS Trust")
    finish_editing(QApplication.focusWidget(), qtbot)
    saved = network_in_file(workspace.path).partners[5]
    assert (saved.code, saved.name) == ("RFX", "Riverford Hospital NHS Trust")


def test_delete_selected_is_undoable(tab, workspace, qtbot):
    go_to(tab, 1, "name")
    tab.table.selectionModel().select(
        tab.model.index(2, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert tab.selected_rows() == [1, 2]
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert codes(network_in_file(workspace.path)) == ["NSH", "SMC", "WBK"]
    assert tab.message.isVisible() and not tab.message.is_error
    assert "Deleted EMV, KBD — Ctrl+Z to undo" in tab.message.text()
    assert tab.selected_rows() == [1]  # the row that moved up into their place
    workspace.undo()
    assert codes(network_in_file(workspace.path)) == DEMO_CODES
    assert tab.model.rowCount() == 5


def test_delete_button_deletes_the_current_row(tab, workspace, qtbot):
    go_to(tab, 4, "code")
    qtbot.mouseClick(button_for(tab, tab.delete_action), Qt.MouseButton.LeftButton)
    assert codes(network_in_file(workspace.path)) == DEMO_CODES[:4]
    assert "Deleted WBK" in tab.message.text()


def test_reorder_with_shortcuts_and_buttons(tab, workspace, qtbot):
    go_to(tab, 0, "population_served")
    assert not tab.move_up_action.isEnabled() and tab.move_down_action.isEnabled()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert codes(network_in_file(workspace.path)) == ["EMV", "NSH", "KBD", "SMC", "WBK"]
    assert tab.table.currentIndex() == tab.model.index(1, col("population_served"))  # follows the partner
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(button_for(tab, tab.move_down_action), Qt.MouseButton.LeftButton)
    assert codes(network_in_file(workspace.path)) == ["EMV", "KBD", "SMC", "NSH", "WBK"]
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(button_for(tab, tab.move_up_action), Qt.MouseButton.LeftButton)
    assert codes(network_in_file(workspace.path)) == ["EMV", "NSH", "KBD", "SMC", "WBK"]
    go_to(tab, 4, "code")
    assert tab.move_up_action.isEnabled() and not tab.move_down_action.isEnabled()
    workspace.undo()
    assert codes(network_in_file(workspace.path)) == ["EMV", "KBD", "NSH", "SMC", "WBK"]


# ------------------------------------------------------------------ the network name


def test_rename_the_network(tab, workspace, qtbot):
    tab.name_edit.setFocus()
    tab.name_edit.selectAll()
    qtbot.keyClicks(tab.name_edit, "  Moor  &  Coast Imaging Network ")
    qtbot.keyClick(tab.name_edit, Qt.Key.Key_Return)
    assert network_in_file(workspace.path).name == "Moor & Coast Imaging Network"
    assert tab.name_edit.text() == "Moor & Coast Imaging Network"
    workspace.undo()
    assert tab.name_edit.text() == DEMO_NETWORK_NAME
    assert network_in_file(workspace.path).name == DEMO_NETWORK_NAME


def test_an_empty_name_is_refused(tab, workspace, qtbot):
    tab.name_edit.setFocus()
    tab.name_edit.selectAll()
    qtbot.keyClick(tab.name_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(tab.name_edit, Qt.Key.Key_Return)
    assert tab.message.is_error and "The network needs a name" in tab.message.text()
    assert tab.name_edit.text() == DEMO_NETWORK_NAME
    assert network_in_file(workspace.path).name == DEMO_NETWORK_NAME


# ------------------------------------------------------------------ following the workspace


def test_edits_made_elsewhere_show_in_the_tab(tab, workspace):
    big = workspace.network.partners[0].id
    partner_commands.edit_partner_field(workspace, big, "population_served", "3000000")
    assert tab.model.data(tab.model.index(0, col("population_served"))) == "3,000,000"
    assert "▲ Above range" in tab.dashboard.tile("population").text()
    partner_commands.rename_network(workspace, "Renamed Network")
    assert tab.name_edit.text() == "Renamed Network"
    workspace.undo()
    workspace.undo()
    assert "✓ Within range" in tab.dashboard.tile("population").text()


def test_the_tab_lets_go_of_the_workspace_when_deleted(workspace, qtbot):
    tab = NetworkTab(workspace)
    shiboken6.delete(tab)
    # A deleted tab still subscribed would raise "Internal C++ object already deleted" on this edit.
    partner_commands.edit_partner_field(workspace, workspace.network.partners[0].id, "ics", "Elsewhere ICB")
    partner_commands.add_partner(workspace)


def test_read_only_workspace_cannot_be_edited(workspace, qtbot):
    path = workspace.path
    workspace.close()
    reader = Workspace.open_read_only(path)
    try:
        tab = NetworkTab(reader)
        qtbot.addWidget(tab)
        tab.show()
        assert tab.name_edit.isReadOnly()
        assert not tab.add_action.isEnabled()
        go_to(tab, 0, "code")
        assert not tab.delete_action.isEnabled() and not tab.move_down_action.isEnabled()
        qtbot.keyClick(tab.table, Qt.Key.Key_F2)
        assert tab.table.state() != tab.table.State.EditingState
        tab.detach()
    finally:
        reader.close()


def test_dashboard_and_table_both_fit_the_tab_area_at_1280x720(workspace, qtbot):
    # The tab's share of a 1280×720 window, below the menu, tab bar and status bar.
    tab = NetworkTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(1280, 600)
    tab.show()
    qtbot.waitExposed(tab)
    table = tab.table
    scroll = tab._dashboard_scroll
    # the scroll bars settle once the wrapped labels have their final widths
    qtbot.waitUntil(lambda: not scroll.verticalScrollBar().isVisible(), timeout=2000)
    assert not scroll.horizontalScrollBar().isVisible()
    last_row = table.rowViewportPosition(4) + table.rowHeight(4)
    assert 0 < last_row <= table.viewport().height(), "all five demo partners are in view"
    for check_id in ("population", "staff", "radiologists", "staff_vacancy", "radiologist_vacancy"):
        tile = tab.dashboard.tile(check_id)
        assert tile.visibleRegion().boundingRect().width() == tile.width(), f"{check_id} tile is cut off"
    tab.detach()


def test_presentation_type_reflows_the_dashboard_and_grows_the_rows(tab, qapp, qtbot):
    from imagingnet_desktop.ui.common import theme

    theme.apply(qapp)
    qtbot.wait(20)
    normal_row = tab.table.rowHeight(0)
    assert tab.dashboard.columns == 5
    try:
        theme.apply(qapp, scale_factor=theme.PRESENTATION_SCALE)
        qtbot.waitUntil(lambda: tab.dashboard.compact, timeout=2000)  # five full-size tiles no longer fit
        qtbot.waitUntil(lambda: tab.table.rowHeight(0) > normal_row * 1.3, timeout=2000)
        assert not tab._dashboard_scroll.horizontalScrollBar().isVisible()
    finally:
        theme.apply(qapp)
    qtbot.waitUntil(lambda: tab.dashboard.columns == 5 and not tab.dashboard.compact, timeout=2000)
    qtbot.waitUntil(lambda: tab.table.rowHeight(0) == normal_row, timeout=2000)


def test_insert_while_typing_keeps_what_was_typed(tab, workspace, qtbot):
    editor = open_editor(tab, qtbot, 0, "cancer_alliance")
    editor.selectAll()
    qtbot.keyClicks(editor, "Moorland Alliance")
    qtbot.keyClick(editor, Qt.Key.Key_Insert)
    QApplication.processEvents()
    assert tab.model.rowCount() == 6
    assert network_in_file(workspace.path).partners[0].cancer_alliance == "Moorland Alliance"
    assert isinstance(QApplication.focusWidget(), QLineEdit) and QApplication.focusWidget().text() == "NEW6"
