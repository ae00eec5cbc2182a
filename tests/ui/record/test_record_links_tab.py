"""The links between tabs, driven as a facilitator would: a motion put under a reserved matter follows the matter's
rule; a decision names the matter it settled; moving the programme's step on appears in the Record. Undo, and the
file checked each time."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from file_checks import first_value
from imagingnet_desktop.domain.record.entries import EntryKind
from imagingnet_desktop.domain.record.motions import MotionOutcome, VoteChoice
from imagingnet_desktop.domain.voting.rules import RuleKind
from imagingnet_desktop.ui.programme.programme_tab import ProgrammeTab
from imagingnet_desktop.ui.record.entry_model import TEXT
from imagingnet_desktop.ui.record.record_tab import RecordTab
from imagingnet_desktop.workspace.control.control_rows import RESERVED_MATTERS
from imagingnet_desktop.workspace.record.entries import MOTIONS, RECORD_ENTRIES
from imagingnet_desktop.workspace.record.matter_links import NO_MATTER
from imagingnet_desktop.workspace.workspace import Workspace
from record_helpers import record_in_file
from tab_helpers import shown

TODAY = date(2026, 12, 1)
ADMIT = "Admit a new partner or remove a partner"  # unanimity in the starting register


@pytest.fixture
def tab(workspace: Workspace, qtbot) -> RecordTab:  # type: ignore[no-untyped-def]
    widget = shown(qtbot, RecordTab(workspace, today=lambda: TODAY), active=True)
    yield widget
    widget.detach()


def choose(combo, qtbot, title: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an item from the open list: Alt+Down opens it, the title is highlighted, Enter picks it (one edit)."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(combo.model().index(combo.findText(title), 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == title


def test_a_motion_under_a_unanimity_matter_is_decided_by_it_then_undo(tab: RecordTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws = tab._workspace
    admit = next(m for m in ws.rows(RESERVED_MATTERS) if m.title == ADMIT)
    tab.pages.setCurrentIndex(1)
    panel = tab.motions.panel
    tab.motions.new_edit.setFocus()
    qtbot.keyClicks(tab.motions.new_edit, "Admit North Coast Imaging")
    qtbot.keyClick(tab.motions.new_edit, Qt.Key.Key_Return)
    motion = ws.rows(MOTIONS)[-1]
    assert panel.matter.combo.currentText() == NO_MATTER and panel.rule_combo.isVisible()
    assert "Simple majority" in panel.rule_text.text()

    choose(panel.matter.combo, qtbot, ADMIT)
    assert ws.row(MOTIONS, motion.id).reserved_matter_id == admit.id
    assert first_value(ws.path, f"SELECT reserved_matter_id FROM motions WHERE id = {motion.id}") == admit.id
    assert not panel.rule_combo.isVisible() and not panel.min_spin.isVisible()  # the matter's rule, in words
    assert panel.rule_text.text().startswith(f"Unanimity: every partner must agree (the rule of the reserved "
                                             f"matter “{ADMIT}”)")

    for row, choice in zip(panel.vote_rows, [VoteChoice.FOR] * 4 + [VoteChoice.AGAINST], strict=True):
        qtbot.mouseClick(row.buttons[choice], Qt.MouseButton.LeftButton)  # 4 of 5 for: a majority, not all
    assert panel.reveal_button.isEnabled()
    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    assert panel.result.text() == "✗ NOT PASSED"
    held = record_in_file(ws.path)
    assert held.motions[-1].outcome is MotionOutcome.NOT_PASSED and held.motions[-1].rule_kind is RuleKind.UNANIMITY
    assert held.entries[-1].reserved_matter_id == admit.id and ADMIT in held.entries[-1].text
    assert held.report["motions"][-1]["result"] == "not passed" and held.report["motions"][-1]["against"] == ["WBK"]
    assert not panel.matter.combo.isEnabled()  # a revealed motion stays as it was

    ws.undo()  # the reveal
    assert not panel.result.isVisible() and panel.reveal_button.isVisible()
    ws.undo()  # the last vote
    ws.undo()
    ws.undo()
    ws.undo()
    ws.undo()  # the first vote
    ws.undo()  # the link: the motion's own rule again
    assert panel.matter.combo.currentText() == NO_MATTER and panel.rule_combo.isVisible()
    assert first_value(ws.path, f"SELECT reserved_matter_id FROM motions WHERE id = {motion.id}") is None
    assert first_value(ws.path, "SELECT COUNT(*) FROM record_entries WHERE motion_id IS NOT NULL") == 0


def test_a_decision_names_the_matter_it_settled_by_title(tab: RecordTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws = tab._workspace
    bar = tab.log.entry_bar
    bar.text_edit.setFocus()
    qtbot.keyClicks(bar.text_edit, "New partners join by unanimity only")
    qtbot.keyClick(bar.text_edit, Qt.Key.Key_Return)
    decision = ws.rows(RECORD_ENTRIES)[-1]
    assert decision.kind is EntryKind.DECISION and tab.log.matter.combo.isEnabled()
    choose(tab.log.matter.combo, qtbot, ADMIT)
    admit = next(m for m in ws.rows(RESERVED_MATTERS) if m.title == ADMIT)
    assert first_value(ws.path, f"SELECT reserved_matter_id FROM record_entries WHERE id = {decision.id}") == admit.id
    assert f"reserved matter: {ADMIT}" in tab.log.details.text()
    ws.undo()
    assert tab.log.matter.combo.currentText() == NO_MATTER and "reserved matter" not in tab.log.details.text()
    assert first_value(ws.path, f"SELECT reserved_matter_id FROM record_entries WHERE id = {decision.id}") is None


def test_moving_the_programme_step_on_appears_in_the_record_and_undo_removes_both(
        tab: RecordTab, workspace: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    programme = ProgrammeTab(workspace)
    qtbot.addWidget(programme)
    programme._confirm_move = lambda name, reasons: True
    before = tab.log.model.rowCount()
    qtbot.mouseClick(programme.gate_panel.move_button, Qt.MouseButton.LeftButton)
    assert tab.log.model.rowCount() == before + 1
    row = tab.log.model.rowCount() - 1
    text = tab.log.model.index(row, TEXT).data()
    assert text.startswith("Moved from MOU to SOC; still open: MOU Strategic")
    tab.log.table.setCurrentIndex(tab.log.model.index(row, TEXT))
    assert "MOU · Strategic" in tab.log.details.text() and not tab.log.matter.combo.isEnabled()
    assert not tab.log.model.flags(tab.log.model.index(row, TEXT)) & Qt.ItemFlag.ItemIsEditable
    assert "recorded as decision" in programme.gate_panel.history.text()
    assert first_value(workspace.path, "SELECT text FROM record_entries WHERE moved_to_step = 'soc'") == text
    workspace.undo()
    assert tab.log.model.rowCount() == before and programme.current_step().value == "mou"
    assert first_value(workspace.path, "SELECT COUNT(*) FROM record_entries WHERE moved_to_step IS NOT NULL") == 0
    assert first_value(workspace.path, "SELECT COUNT(*) FROM tab_state WHERE key = 'programme.current_step'") == 0
    programme.detach()


def test_the_control_tab_refuses_to_delete_a_matter_the_record_names_and_says_why(
        tab: RecordTab, workspace: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from imagingnet_desktop.ui.control.control_tab import ControlTab

    bar = tab.log.entry_bar
    bar.text_edit.setFocus()
    qtbot.keyClicks(bar.text_edit, "New partners join by unanimity only")
    qtbot.keyClick(bar.text_edit, Qt.Key.Key_Return)
    choose(tab.log.matter.combo, qtbot, ADMIT)
    decision = workspace.rows(RECORD_ENTRIES)[-1]
    control = ControlTab(workspace)
    qtbot.addWidget(control)
    control.show()
    row = next(i for i, m in enumerate(workspace.rows(RESERVED_MATTERS)) if m.title == ADMIT)
    control.matters.table.setCurrentIndex(control.matters.model.index(row, 0))
    qtbot.mouseClick(control.matters.delete_button, Qt.MouseButton.LeftButton)
    assert control.message.is_error and f"decision {decision.id}" in control.message.text()
    assert first_value(workspace.path, f"SELECT COUNT(*) FROM reserved_matters WHERE title = '{ADMIT}'") == 1
    control.detach()
