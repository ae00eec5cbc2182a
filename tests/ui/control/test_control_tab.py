"""The Control tab driven from the keyboard as a facilitator would: seats allocated, a reserved matter's rule and
vetoes typed and its blockers followed, the agreed votes changed and every matter following, undo; the workspace
and the file checked each time. Also: refusals shown where typed, KPIs, the model tester and the fit at 1280×720."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QWidget

from file_checks import rows_in_file
from imagingnet_desktop.domain.control.reserved_matters import MatterPurpose
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.control.control_tab import ControlTab
from imagingnet_desktop.ui.control.rows_model import RowsModel, RowsTable
from imagingnet_desktop.workspace.control import matters
from imagingnet_desktop.workspace.control.control_rows import KPIS, POSITIONS, RESERVED_MATTERS, VETO_HOLDERS
from imagingnet_desktop.workspace.network.partner_commands import delete_partners, edit_partner_field
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.workspace import Workspace
from shares_votes_helpers import DEMO_ID
from tab_helpers import shown

WEIGHTED = replace(Scenario(name="Weighted"), vote_method=VoteMethod.CUSTOM,
                   custom_votes=tuple((DEMO_ID[code], votes) for code, votes in
                                      (("NSH", 40), ("EMV", 20), ("KBD", 15), ("SMC", 15), ("WBK", 10))))
EXIT = "A partner's exit from the network"
ADMIT = "Admit a new partner or remove a partner"


def in_file(ws: Workspace, collection):
    return rows_in_file(ws.path, collection)


@pytest.fixture
def tab(qtbot, workspace):
    widget = shown(qtbot, ControlTab(workspace), size=(1280, 660))
    yield widget
    widget.detach()


def column_of(model: RowsModel, header: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.header == header)


def cell(table: RowsTable, row: int, header: str) -> str:
    model = table.model()
    return str(model.index(row, column_of(model, header)).data() or "")


def type_into(qtbot, table: RowsTable, row: int, header: str, text: str) -> None:
    """Go to the cell, type over it and press Enter, as at the keyboard."""
    model = table.model()
    index = model.index(row, column_of(model, header))
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    closed(qtbot, table)


def closed(qtbot, table: RowsTable) -> None:
    """The delegate commits after the key press is handled (a queued call): wait for the editor to close."""
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState, timeout=2000)


def choose(qtbot, table: RowsTable, row: int, header: str, choice: str) -> None:
    """Open the cell's drop-down with F2, move to ``choice`` with the arrow keys, Enter."""
    model = table.model()
    index = model.index(row, column_of(model, header))
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    target = combo.findText(choice)
    assert target >= 0, f"{choice} is not offered"
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    closed(qtbot, table)


def agree(ws: Workspace, scenario: Scenario) -> None:
    """What the Shares & votes tab does when the room agrees a scenario."""
    shares_votes.set_working_scenario(ws, scenario)
    saved = shares_votes.save_scenario(ws, scenario.name)
    shares_votes.mark_agreed(ws, saved.id)
    assert shares_votes.agreed_scenario(ws) == scenario  # every partner reference held


def row_of(ws: Workspace, title: str) -> int:
    return [m.title for m in ws.rows(RESERVED_MATTERS)].index(title)


def test_seats_are_allocated_from_the_keyboard_and_the_picture_follows(qtbot, tab, workspace):
    page = tab.positions
    chair = workspace.rows(POSITIONS)[0]
    choose(qtbot, page.table, 0, "Held by", "WBK")
    wbk = workspace.network.partners[4]
    assert workspace.row(POSITIONS, chair.id).partner_id == wbk.id == in_file(workspace, POSITIONS)[0].partner_id
    assert cell(page.table, 0, "Held by") == "WBK"
    assert "(WBK, SMC) hold 1 of the 1 key post" in page.seats.summary.text()
    type_into(qtbot, page.table, 0, "Term starts", "01/04/2027")
    type_into(qtbot, page.table, 0, "Rotation order (codes)", "WBK, SMC, NSH")
    assert cell(page.table, 0, "Next holder") == "SMC"
    assert [r.title for r in page.timeline.rows] == ["Chair"]
    assert page.timeline.describe().startswith("Chair: WBK from 2027, SMC from 2029, NSH from 2031")
    assert in_file(workspace, POSITIONS)[0].term_start.isoformat() == "2027-04-01"
    workspace.undo()  # the rotation
    assert cell(page.table, 0, "Next holder") == "does not rotate"
    workspace.undo()
    workspace.undo()
    assert cell(page.table, 0, "Held by") == "(nobody)" and in_file(workspace, POSITIONS)[0].partner_id is None
    assert page.seats.summary.text() == "No key post is allocated yet."  # no ⚠ about the smaller trusts then


def test_a_matters_rule_and_vetoes_are_typed_and_its_blockers_follow(qtbot, tab, workspace):
    agree(workspace, WEIGHTED)
    page = tab.matters
    tab.pages.setCurrentWidget(page)
    row = row_of(workspace, EXIT)
    assert cell(page.table, row, "Can block alone") == "✖ NSH"  # 2/3 of 100: the others hold 60
    type_into(qtbot, page.table, row, "Of votes", "3/5")
    assert cell(page.table, row, "Can block alone") == "✔ nobody alone"
    assert in_file(workspace, RESERVED_MATTERS)[row].fraction_den == 5
    type_into(qtbot, page.table, row, "Vetoes", "smc")
    assert cell(page.table, row, "Can block alone") == "✖ SMC"
    assert [v.partner_id for v in in_file(workspace, VETO_HOLDERS)] == [workspace.network.partners[3].id]
    assert "SMC holds a veto" in page.detail.text() and "Can block it alone: SMC." in page.detail.text()
    choose(qtbot, page.table, row, "Rule", "Unanimity")
    assert cell(page.table, row, "Can block alone") == "✖ any partner" and in_file(workspace, VETO_HOLDERS) == ()
    workspace.undo()
    assert cell(page.table, row, "Can block alone") == "✖ SMC" and len(in_file(workspace, VETO_HOLDERS)) == 1
    workspace.undo()
    workspace.undo()
    assert cell(page.table, row, "Can block alone") == "✖ NSH"
    assert in_file(workspace, RESERVED_MATTERS)[row].fraction_den == 3


def test_every_matter_follows_a_change_of_the_agreed_votes_and_its_undo(qtbot, tab, workspace):
    page = tab.matters

    def shown() -> list[str]:
        return [cell(page.table, r, "Can block alone") for r in range(page.model.rowCount())]

    def expected() -> list[str]:
        reader = Workspace.open_read_only(workspace.path)
        try:
            agreed, outcomes = matters.matter_outcomes(reader)
        finally:
            reader.close()
        return [f"✖ {', '.join(agreed.codes_of(o.single_blockers))}" if 0 < len(o.single_blockers) < 5
                else "✖ any partner" if o.single_blockers else "✔ nobody alone" for _, o in outcomes]

    equal = shown()
    assert equal == expected() and "Default: equal votes" in page.votes_note.text()
    agree(workspace, WEIGHTED)
    weighted = shown()
    assert weighted == expected() != equal  # read from the file: every matter follows
    assert "Weighted: NSH 40.00%" in page.votes_note.text()
    assert sum(1 for text in weighted if text == "✖ NSH") >= 3
    workspace.undo()
    assert shown() == equal


def test_a_refused_value_is_said_where_it_was_typed_and_nothing_is_saved(qtbot, tab, workspace):
    page = tab.matters
    row = row_of(workspace, EXIT)
    before = in_file(workspace, RESERVED_MATTERS)
    type_into(qtbot, page.table, row, "Min.", "9")
    assert tab.message.is_error and "at least 9 partners but there are only 5" in tab.message.text()
    type_into(qtbot, page.table, row, "Of votes", "1/3")
    assert "not more than half" in tab.message.text()
    type_into(qtbot, page.table, row, "Tolerance", "5000")
    assert "£500,000" in tab.message.text()
    type_into(qtbot, page.table, row, "Vetoes", "XYZ")
    assert "not a partner's code" in tab.message.text()
    assert in_file(workspace, RESERVED_MATTERS) == before and in_file(workspace, VETO_HOLDERS) == ()
    type_into(qtbot, page.table, row, "Tolerance", "£1,000,000")
    assert not tab.message.text() and in_file(workspace, RESERVED_MATTERS)[row].tolerance_value == Decimal(1000000)


def test_a_matters_purpose_is_chosen_from_the_keyboard_one_matter_each(qtbot, tab, workspace):
    page = tab.matters
    tab.pages.setCurrentWidget(page)
    admit, surplus = row_of(workspace, ADMIT), row_of(workspace, "Distribute a surplus")
    assert cell(page.table, admit, "Purpose") == "Admission of a partner"
    assert cell(page.table, surplus, "Purpose") == "—"
    choose(qtbot, page.table, surplus, "Purpose", "Admission of a partner")
    assert tab.message.is_error and f"“{ADMIT}” is already the matter for the admission" in tab.message.text()
    assert in_file(workspace, RESERVED_MATTERS)[surplus].purpose is MatterPurpose.NONE
    choose(qtbot, page.table, admit, "Purpose", "Other")
    choose(qtbot, page.table, surplus, "Purpose", "Admission of a partner")
    assert not tab.message.text()
    assert [m.purpose for m in workspace.rows(RESERVED_MATTERS)] == [m.purpose for m in
                                                                     in_file(workspace, RESERVED_MATTERS)]
    assert in_file(workspace, RESERVED_MATTERS)[surplus].purpose is MatterPurpose.ADMISSION
    assert in_file(workspace, RESERVED_MATTERS)[admit].purpose is MatterPurpose.NONE
    assert cell(page.table, surplus, "Purpose") == "Admission of a partner" and cell(page.table, admit, "Purpose") == "—"
    assert "rule for admitting a new partner" in page.detail.text()  # the current row: the matter just chosen
    workspace.undo()
    workspace.undo()
    assert [m.purpose for m in in_file(workspace, RESERVED_MATTERS)][admit] is MatterPurpose.ADMISSION
    assert cell(page.table, surplus, "Purpose") == "—"


def test_a_drop_down_shows_its_longest_choice_whole_inside_the_table(qtbot, tab, workspace):
    page = tab.matters
    tab.pages.setCurrentWidget(page)
    index = page.model.index(row_of(workspace, ADMIT), column_of(page.model, "Purpose"))
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox) and combo.currentText() == "Admission of a partner"
    assert combo.sizeHint().width() > page.table.columnWidth(index.column())  # the cell alone would cut it
    assert combo.width() >= combo.sizeHint().width()
    assert 0 <= combo.geometry().left() and combo.geometry().right() <= page.table.viewport().width()
    qtbot.keyClick(combo, Qt.Key.Key_Escape)
    closed(qtbot, page.table)
    assert in_file(workspace, RESERVED_MATTERS)[index.row()].purpose is MatterPurpose.ADMISSION


def test_a_kpi_actual_typed_shows_its_status_in_words_and_symbol(qtbot, tab, workspace):
    page = tab.kpis
    tab.pages.setCurrentWidget(page)
    type_into(qtbot, page.table, 0, "Actual", "3.2")
    assert cell(page.table, 0, "Status") == "▲ Within tolerance"
    type_into(qtbot, page.table, 0, "Actual", "7")
    assert cell(page.table, 0, "Status") == "✖ Off target"
    assert in_file(workspace, KPIS)[0].actual == Decimal(7)
    index = page.model.index(0, column_of(page.model, "Clinical"))
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    page.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_adding_a_matter_opens_its_title_for_typing(qtbot, tab, workspace):
    page = tab.matters
    tab.pages.setCurrentWidget(page)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Change the host trust")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    closed(qtbot, page.table)
    assert in_file(workspace, RESERVED_MATTERS)[-1].title == "Change the host trust"
    assert cell(page.table, page.model.rowCount() - 1, "Can block alone") == "✔ nobody alone"


@pytest.mark.parametrize("which", ["positions", "matters", "kpis", "stages", "groups"])
def test_each_model_passes_the_qt_model_tester(tab, qtmodeltester, which):
    models = {"positions": tab.positions.model, "matters": tab.matters.model, "kpis": tab.kpis.model,
              "stages": tab.plan.stages, "groups": tab.plan.groups}
    qtmodeltester.check(models[which], force_py=True)


@pytest.mark.parametrize("scale", [1.0, theme.PRESENTATION_SCALE])
def test_every_page_fits_1280_by_720(qtbot, workspace, scale):
    app = QApplication.instance()
    theme.apply(app, scale_factor=scale)
    try:
        widget = ControlTab(workspace)
        qtbot.addWidget(widget)
        widget.resize(1280, 640)
        widget.show()
        qtbot.waitExposed(widget)
        for index in range(widget.pages.count()):
            widget.pages.setCurrentIndex(index)
            page = widget.pages.currentWidget()
            assert page.minimumSizeHint().width() <= 1260, widget.pages.tabText(index)
            assert page.minimumSizeHint().height() <= 600, widget.pages.tabText(index)
            for child in page.findChildren(QWidget):
                if child.isVisible() and child.parent() is not None:
                    assert child.geometry().right() <= page.width() + 2, child
        widget.detach()
    finally:
        theme.apply(app)


def test_the_matters_follow_a_partner_renamed_or_removed_live(qtbot, tab, workspace):
    agree(workspace, WEIGHTED)
    page = tab.matters
    row = row_of(workspace, EXIT)
    nsh = workspace.network.partners[0]
    edit_partner_field(workspace, nsh.id, "code", "NSX")
    assert cell(page.table, row, "Can block alone") == "✖ NSX"  # its custom votes follow the new code
    assert "NSX 40.00%" in page.votes_note.text()
    delete_partners(workspace, [nsh.id], hand_over="clear")
    assert cell(page.table, row, "Can block alone") == "✔ nobody alone"  # 60 votes left: 2/3 is 40
    assert "NSX" not in page.votes_note.text()
    workspace.undo()
    assert cell(page.table, row, "Can block alone") == "✖ NSX"
