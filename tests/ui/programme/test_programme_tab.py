"""The Programme tab driven as a facilitator would: click a cell, keys in the checklist, the gate, undo; then
what the workspace and the file hold."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from file_checks import first_value
from imagingnet_desktop.domain.programme.completeness import CellState
from imagingnet_desktop.domain.programme.steps import ItemStatus, StepId, WorkstreamId
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.network.network_tab import NetworkTab
from imagingnet_desktop.ui.programme.cell_panel import NEW_ITEM_TEXT
from imagingnet_desktop.ui.programme.checklist_model import ITEM, STATUS, ChecklistModel
from imagingnet_desktop.ui.programme.programme_tab import ProgrammeTab
from imagingnet_desktop.workspace.programme import edits, queries
from imagingnet_desktop.workspace.programme.collections import ITEMS
from tab_helpers import shown

MOU_COMMERCIAL = (StepId.MOU, WorkstreamId.COMMERCIAL)


@pytest.fixture
def tab(workspace, qtbot):
    widget = shown(qtbot, ProgrammeTab(workspace))
    yield widget
    widget.detach()


def click_cell(tab: ProgrammeTab, qtbot, cell) -> None:
    centre = tab.heat_map._cell_rect(cell).center().toPoint()
    qtbot.mouseClick(tab.heat_map, Qt.MouseButton.LeftButton, pos=centre)


def status_in_file(tab: ProgrammeTab, item_id: int) -> str:
    return first_value(tab.workspace.path, f"SELECT status FROM programme_checklist_items WHERE id = {item_id}")


def test_marking_items_agreed_moves_completeness_the_heat_map_and_the_gate_then_undo(tab, qtbot):
    click_cell(tab, qtbot, MOU_COMMERCIAL)
    assert tab.cells.title.text() == "MOU · Commercial" and tab.cells.model.rowCount() == 5
    assert tab.heat_map.state(MOU_COMMERCIAL) is CellState.FAR_BELOW
    assert "MOU Commercial: 0 of 5 agreed (0%), target 80% — 4 more to agree" in tab.gate_panel.blockers.text()
    assert tab.gate_panel.verdict.text().startswith("✖ Not yet")
    assert tab.gate_summary.text() == "✖ Not ready for SOC: 4 things block it"
    table = tab.cells.table
    table.setFocus()
    table.setCurrentIndex(tab.cells.model.index(0, STATUS))
    paints = tab.heat_map.paints
    for row in range(4):
        qtbot.keyClick(table, Qt.Key.Key_Space)  # not started -> in discussion
        qtbot.keyClick(table, Qt.Key.Key_Space)  # -> agreed
        assert tab.cells.model.index(row, STATUS).data() == "✔ Agreed"
        if row < 3:
            qtbot.keyClick(table, Qt.Key.Key_Down)
    ids = [i.id for i in tab.cells.model.items]
    assert [status_in_file(tab, i) for i in ids] == ["agreed"] * 4 + ["not_started"]
    qtbot.waitUntil(lambda: tab.heat_map.paints > paints)
    assert tab.heat_map.counts[MOU_COMMERCIAL].agreed == 4
    assert tab.heat_map.state(MOU_COMMERCIAL) is CellState.MET
    assert "target met" in tab.heat_map.describe(MOU_COMMERCIAL)
    assert "MOU Commercial" not in tab.gate_panel.blockers.text()
    assert tab.gate_summary.text() == "✖ Not ready for SOC: 3 things block it"
    assert "MOU Strategic" in tab.gate_panel.blockers.text()
    assert tab.workspace.undo_label.startswith("mark “Approach to voting rights")
    tab.workspace.undo()  # Ctrl+Z: the fourth item back to in discussion
    assert status_in_file(tab, ids[3]) == "in_discussion"
    assert tab.cells.model.index(3, STATUS).data() == "◐ In discussion"
    assert tab.heat_map.counts[MOU_COMMERCIAL].agreed == 3
    assert tab.heat_map.state(MOU_COMMERCIAL) is CellState.BELOW
    assert "MOU Commercial: 3 of 5 agreed (60%), target 80% — 1 more to agree" in tab.gate_panel.blockers.text()


def test_enter_adds_the_next_item_typing_saves_it_escape_takes_back_an_untyped_one(tab, qtbot):
    cell = (StepId.MOU, WorkstreamId.FINANCE)
    click_cell(tab, qtbot, cell)
    first = tab.cells.model.items[0]
    before = len(tab.cells.model.items)
    table = tab.cells.table
    table.setFocus()
    table.setCurrentIndex(tab.cells.model.index(0, STATUS))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == NEW_ITEM_TEXT
    qtbot.keyClicks(editor, "Share CIP plans early")
    editor.insert(" — ŵ & <b>")  # QTest types ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                    and QApplication.focusWidget().text() == NEW_ITEM_TEXT)
    assert len(tab.cells.model.items) == before + 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(tab.cells.model.items) == before + 1)
    texts = [i.text for i in queries.items_of(tab.workspace, *cell)]
    assert texts[:2] == [first.text, "Share CIP plans early — ŵ & <b>"]
    assert first_value(tab.workspace.path, "SELECT COUNT(*) FROM programme_checklist_items WHERE text = ?"
                       .replace("?", "'Share CIP plans early — ŵ & <b>'")) == 1
    assert first_value(tab.workspace.path, f"SELECT COUNT(*) FROM programme_checklist_items "
                                           f"WHERE text = '{NEW_ITEM_TEXT}'") == 0
    assert tab.heat_map.counts[cell].items == before + 1
    # the note of the chosen item, typed in the form below the table
    table.setCurrentIndex(tab.cells.model.index(1, ITEM))
    tab.cells.note.setFocus()
    qtbot.keyClicks(tab.cells.note, "Finance directors meet on Friday")
    qtbot.keyClick(tab.cells.note, Qt.Key.Key_Return)
    assert queries.items_of(tab.workspace, *cell)[1].note == "Finance directors meet on Friday"


def test_a_refused_edit_is_shown_where_it_was_typed(tab, qtbot):
    item = tab.cells.model.items[0]
    assert not tab.cells.model.setData(tab.cells.model.index(0, 3), "someday")
    assert tab.cells.message.is_error and "31/03/2027" in tab.cells.message.text()
    assert tab.workspace.row(ITEMS, item.id).due is None


def test_moving_to_the_next_step_asks_when_blocked_records_it_and_undoes(tab, qtbot):
    asked = []
    tab._confirm_move = lambda name, reasons: asked.append((name, reasons)) or True
    assert tab.gate_panel.question.text() == "Ready to move to SOC?"
    qtbot.mouseClick(tab.gate_panel.move_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0][0] == "SOC" and any("MOU Strategic" in r for r in asked[0][1])
    assert tab.current_label.text() == "Current step: SOC — Strategic Outline Case"
    assert tab.heat_map.current is StepId.SOC
    assert tab.gate_panel.question.text() == "Ready to move to OBC?"
    assert "Last move: MOU → SOC" in tab.gate_panel.history.text()
    assert "recorded as decision" in tab.gate_panel.history.text()
    assert first_value(tab.workspace.path, "SELECT step || '>' || moved_to_step FROM record_entries "
                                           "WHERE moved_to_step IS NOT NULL") == "mou>soc"
    tab.workspace.undo()
    assert tab.current_label.text().startswith("Current step: MOU")
    assert not tab.gate_panel.history.isVisibleTo(tab)
    assert first_value(tab.workspace.path, "SELECT COUNT(*) FROM record_entries WHERE moved_to_step IS NOT NULL") == 0


def test_a_ready_gate_moves_without_asking(tab, qtbot, workspace):
    for item in workspace.rows(ITEMS):
        if item.step_id is StepId.MOU:
            edits.set_status(workspace, [item.id], ItemStatus.AGREED)
    assert tab.gate_panel.verdict.text().startswith("✔ Yes")
    assert tab.gate_summary.text() == "✔ Ready for SOC"
    tab._confirm_move = lambda *_: pytest.fail("a ready gate does not ask")
    qtbot.mouseClick(tab.gate_panel.move_button, Qt.MouseButton.LeftButton)
    assert queries.current_step(workspace) is StepId.SOC


def test_the_checklist_model_passes_the_qt_model_checks(workspace, qtmodeltester):
    model = ChecklistModel(workspace)
    model.show_cell(StepId.OBC, WorkstreamId.COMMERCIAL)
    qtmodeltester.check(model)


def test_the_timeline_is_drawn_when_shown_and_saves_as_png(tab, qtbot, tmp_path):
    assert tab.timeline.canvas is None  # matplotlib waits for the page
    tab.pages.setCurrentWidget(tab.timeline)
    qtbot.waitUntil(lambda: tab.timeline.draws >= 1)
    target = tmp_path / "timeline"
    tab.timeline._ask_png_path = lambda: str(target)
    qtbot.mouseClick(tab.timeline.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "timeline.png"
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert tab.timeline.saved_message.text() == f"Saved {saved}"
    draws = tab.timeline.draws
    edits.set_step_dates(tab.workspace, StepId.MOU, "01/01/2027", "31/03/2027")
    assert tab.timeline.draws == draws + 1  # on screen: redrawn after the edit
    assert tab.timeline.dates_model.index(0, 2).data() == "31/03/2027"


def test_the_network_tab_asks_what_to_do_with_a_deleted_partners_items(workspace, qtbot):
    owner, other = workspace.network.partners[0], workspace.network.partners[1]
    owned = queries.items_of(workspace, StepId.MOU, WorkstreamId.STRATEGIC)[:2]
    for item in owned:
        edits.set_owner(workspace, item.id, owner.id)
    network = NetworkTab(workspace)
    qtbot.addWidget(network)
    network.show()
    asked = []
    network._ask_hand_over = lambda message, remaining: asked.append(message) or None  # Cancel
    network.table.selectRow(0)
    network.delete_action.trigger()
    assert asked == [f"{owner.code} is named in 2 programme checklist items"]
    assert workspace.network.partners[0].id == owner.id  # cancelled: nothing deleted
    network._ask_hand_over = lambda message, remaining: ("reassign", other.id)
    network.table.selectRow(0)
    network.delete_action.trigger()
    assert owner.id not in {p.id for p in workspace.network.partners}
    assert {workspace.row(ITEMS, i.id).owner_partner_id for i in owned} == {other.id}
    assert first_value(workspace.path, f"SELECT COUNT(*) FROM partners WHERE id = {owner.id}") == 0
    assert first_value(workspace.path, "SELECT COUNT(*) FROM programme_checklist_items "
                                       f"WHERE owner_partner_id = {other.id}") == 2
    network.detach()


def _sticking_out(window: QWidget) -> list[str]:
    found = []
    for child in window.findChildren(QWidget):
        if not child.isVisible():
            continue
        parent, scrolled = child.parentWidget(), False
        while parent is not None and parent is not window:
            scrolled = scrolled or parent.objectName() == "qt_scrollarea_viewport"
            parent = parent.parentWidget()
        at = child.mapTo(window, QPoint(0, 0))
        if not scrolled and (at.x() + child.width() > window.width() + 1 or at.x() < -1):
            found.append(type(child).__name__)
    return found


@pytest.mark.parametrize("scale", [1.0, theme.PRESENTATION_SCALE])
def test_the_tab_fits_1280x720_in_normal_and_presentation_type(workspace, qtbot, scale):
    app = QApplication.instance()
    theme.apply(app, scale_factor=scale)
    try:
        widget = ProgrammeTab(workspace)
        qtbot.addWidget(widget)
        widget.setFixedSize(1280, 660)  # the window less its tab bar and status bar
        widget.show()
        qtbot.waitExposed(widget)
        qtbot.waitUntil(lambda: widget.cells.table.columnWidth(STATUS) > 0)
        QApplication.processEvents()
        assert _sticking_out(widget) == []
        assert widget.heat_map.width() <= widget.left_scroll.viewport().width()
        assert widget.heat_map.width() >= widget.heat_map.minimumSizeHint().width()
        item_column = widget.cells.table.columnWidth(ITEM)
        assert item_column >= 0.35 * widget.cells.table.viewport().width()
        widget.detach()
    finally:
        theme.apply(app, scale_factor=1.0)


def test_the_hand_over_dialog_offers_the_remaining_partners_or_clearing(workspace, qtbot):
    from imagingnet_desktop.ui.network.hand_over_dialog import HandOverDialog

    remaining = workspace.network.partners[1:]
    dialog = HandOverDialog("NSH is named in 2 programme checklist items", remaining)
    qtbot.addWidget(dialog)
    assert dialog.reassign.isChecked() and dialog.partner.count() == len(remaining)
    dialog.partner.setCurrentIndex(2)
    assert dialog.choice() == ("reassign", remaining[2].id)
    dialog.clear.setChecked(True)
    assert dialog.choice() == ("clear", None)
    alone = HandOverDialog("NSH is named in 1 programme checklist item", [])
    qtbot.addWidget(alone)
    assert alone.clear.isChecked() and not alone.reassign.isEnabled()


def test_the_timeline_copies_a_slide_sized_picture_titled_with_network_subject_and_date(tab, qtbot):
    from PySide6.QtGui import QGuiApplication

    tab.pages.setCurrentWidget(tab.timeline)
    qtbot.waitUntil(lambda: tab.timeline.draws >= 1)
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(tab.timeline.copy_button, Qt.MouseButton.LeftButton)
    image = QGuiApplication.clipboard().image()
    assert image.width() >= 1920 and image.height() >= 900
    title = tab.timeline.picture_title()
    assert tab.workspace.network.name in title and "Programme timeline" in title
    assert str(tab.timeline.today.year) in title
    assert tab.timeline.saved_message.text().startswith("Copied the timeline")
