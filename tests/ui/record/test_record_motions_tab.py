"""Motions in the Record tab: votes entered with the tally hidden, Reveal, the result large, saved, undone."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from imagingnet_desktop.domain.record.motions import Abstentions, MotionOutcome, VoteChoice
from imagingnet_desktop.domain.voting.rules import RuleKind
from imagingnet_desktop.ui.record.record_tab import RecordTab
from imagingnet_desktop.workspace.record.entries import MOTIONS, RECORD_ENTRIES
from imagingnet_desktop.workspace.workspace import Workspace
from record_helpers import keep_app_look, record_in_file  # noqa: F401 (a fixture)
from tab_helpers import shown

TODAY = date(2026, 12, 1)
CHOICES = [VoteChoice.FOR, VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.FOR, VoteChoice.ABSTAIN]


@pytest.fixture
def tab(workspace: Workspace, qtbot) -> RecordTab:  # type: ignore[no-untyped-def]
    widget = shown(qtbot, RecordTab(workspace, today=lambda: TODAY), active=True)
    widget.pages.setCurrentIndex(1)
    yield widget
    widget.detach()


def new_motion(tab: RecordTab, qtbot, title: str) -> None:  # type: ignore[no-untyped-def]
    edit = tab.motions.new_edit
    edit.setFocus()
    qtbot.keyClicks(edit, title)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def vote_from_the_keyboard(tab: RecordTab, qtbot, choices: list[VoteChoice]) -> None:  # type: ignore[no-untyped-def]
    """Each partner's row in turn: Tab to the button for the choice, Space; focus then moves to the next row."""
    for n, choice in enumerate(choices):
        row = tab.motions.panel.vote_rows[n]
        assert QApplication.focusWidget() is row.buttons[VoteChoice.FOR], f"row {n} does not have the focus"
        for _ in range(list(VoteChoice).index(choice)):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is row.buttons[choice]
        qtbot.keyClick(row.buttons[choice], Qt.Key.Key_Space)


def screen_text(tab: RecordTab) -> str:
    return "\n".join(label.text() for label in tab.motions.findChildren(QLabel) if label.isVisible())


def test_a_motion_from_votes_to_revealed_result_to_saved_decision_then_undo(tab: RecordTab, workspace: Workspace,
                                                                            qtbot) -> None:  # type: ignore[no-untyped-def]
    step = tab.log.entry_bar.step_combo
    step.setCurrentIndex(step.findData("mou"))  # the step the workshop is on, chosen in the log
    new_motion(tab, qtbot, "Adopt the draft MOU")
    panel = tab.motions.panel
    motion = workspace.rows(MOTIONS)[0]
    assert panel.motion_id == motion.id and motion.rule_kind is RuleKind.SIMPLE_MAJORITY and motion.step == "mou"
    assert not panel.reveal_button.isEnabled()
    vote_from_the_keyboard(tab, qtbot, CHOICES)
    assert len(record_in_file(workspace.path).votes) == 5

    # Hidden: the screen says each vote is in, never which way, and no result yet.
    text = screen_text(tab)
    assert "5 of 5 in" in text and text.count("● vote in") == 5
    assert not any(word in text for word in ("✓ For", "✗ Against", "Abstain ", "PASSED"))
    assert panel.result.text() == "" and panel.reveal_button.isEnabled()
    assert QApplication.focusWidget() is panel.reveal_button

    qtbot.keyClick(panel.reveal_button, Qt.Key.Key_Space)
    assert panel.result.text() == "✓ PASSED" and panel.result.isVisible()
    assert "For: NSH, EMV, SMC" in panel.breakdown.text() and "Against: KBD" in panel.breakdown.text()
    assert "Passed: 3 of 5 votes for, 3 needed." in panel.breakdown.text()
    assert not panel.reveal_button.isVisible() and panel.correct_button.isVisible()
    assert not panel.vote_rows[0].buttons[VoteChoice.FOR].isVisible()
    held = record_in_file(workspace.path)
    assert held.motions[0].outcome is MotionOutcome.PASSED
    assert held.entries[-1].motion_id == motion.id and held.entries[-1].text.startswith("Motion PASSED")
    assert held.entries[-1].step == "mou"
    assert held.report["motions"] == [{"title": "Adopt the draft MOU", "result": "passed",
                                       "for": ["NSH", "EMV", "SMC"], "against": ["KBD"], "abstain": ["WBK"]}]
    assert "✓ Passed" in tab.motions.list.item(0).text()
    assert tab.log.model.rowCount() == 1  # the decision is in the log too

    workspace.undo()
    assert panel.result.text() == "" and panel.reveal_button.isVisible() and panel.reveal_button.isEnabled()
    held = record_in_file(workspace.path)
    assert held.entries == () and held.motions[0].outcome is None and held.report["motions"] == []
    assert tab.log.model.rowCount() == 0


def test_a_revealed_motion_is_corrected_by_a_new_one(tab: RecordTab, workspace: Workspace,
                                                     qtbot) -> None:  # type: ignore[no-untyped-def]
    new_motion(tab, qtbot, "Adopt the draft MOU")
    vote_from_the_keyboard(tab, qtbot, [VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.AGAINST,
                                        VoteChoice.FOR, VoteChoice.ABSTAIN])
    panel = tab.motions.panel
    panel.reveal_button.click()
    assert panel.result.text() == "✗ NOT PASSED"
    first = panel.motion_id
    panel.correct_button.click()
    assert panel.motion_id != first and f"Corrects motion {first}." in panel.links.text()
    assert "5 of 5 in" in panel.state.text()  # the votes are copied, to put right the one taken down wrongly
    panel.vote_rows[1].buttons[VoteChoice.FOR].click()
    panel.reveal_button.click()
    assert panel.result.text() == "✓ PASSED"
    held = record_in_file(workspace.path)
    assert [(m.outcome, m.corrects_motion_id) for m in held.motions] == [
        (MotionOutcome.NOT_PASSED, None), (MotionOutcome.PASSED, first)]
    assert len(held.entries) == 2 and held.entries[0].text.startswith("Motion NOT PASSED")  # the first stays
    tab.motions.list.setCurrentRow(0)
    assert panel.motion_id == first and panel.result.text() == "✗ NOT PASSED"
    assert f"Corrected by motion {held.motions[1].id}." in panel.links.text()


def test_the_rule_and_abstentions_are_chosen_before_voting(tab: RecordTab, workspace: Workspace,
                                                           qtbot) -> None:  # type: ignore[no-untyped-def]
    new_motion(tab, qtbot, "Admit a new partner")
    panel = tab.motions.panel
    panel.rule_combo.setCurrentIndex(panel.rule_combo.findData(RuleKind.QUALIFIED))
    panel.rule_combo.activated.emit(panel.rule_combo.currentIndex())
    assert panel.fraction_edit.isVisible() and panel.fraction_edit.text() == "2/3"
    panel.fraction_edit.setFocus()
    panel.fraction_edit.selectAll()
    qtbot.keyClicks(panel.fraction_edit, "75%")
    qtbot.keyClick(panel.fraction_edit, Qt.Key.Key_Return)
    panel.abstention_combo.setCurrentIndex(panel.abstention_combo.findData(Abstentions.EXCLUDED))
    panel.abstention_combo.activated.emit(panel.abstention_combo.currentIndex())
    held = record_in_file(workspace.path).motions[0]
    assert (held.rule_kind, held.fraction_numerator, held.fraction_denominator, held.abstentions) == (
        RuleKind.QUALIFIED, 3, 4, Abstentions.EXCLUDED)
    assert "at least 75% of the votes" in panel.rule_text.text() and "left out" in panel.rule_text.text()
    panel.fraction_edit.selectAll()
    qtbot.keyClicks(panel.fraction_edit, "3/2")
    qtbot.keyClick(panel.fraction_edit, Qt.Key.Key_Return)
    assert tab.motions.message.is_error and record_in_file(workspace.path).motions[0].fraction_denominator == 4
    for choice, row in zip([VoteChoice.FOR] * 3 + [VoteChoice.ABSTAIN, VoteChoice.AGAINST], panel.vote_rows,
                           strict=True):
        row.buttons[choice].click()
    panel.reveal_button.click()
    # 3 of the 4 equal votes cast for, abstention left out: 75% exactly.
    assert panel.result.text() == "✓ PASSED"
    assert workspace.rows(RECORD_ENTRIES)[-1].text.count("left out") == 1


@pytest.mark.usefixtures("keep_app_look")
def test_the_motions_page_fits_1280_by_720_in_both_modes(tab: RecordTab, workspace: Workspace, qapp,
                                                         qtbot) -> None:  # type: ignore[no-untyped-def]
    from imagingnet_desktop.ui.common import theme

    new_motion(tab, qtbot, "Adopt the draft MOU for signature by each trust board before the end of March")
    try:
        for scale in (1.0, theme.PRESENTATION_SCALE):
            theme.apply(qapp, scale_factor=scale)
            tab.resize(1280, 660)
            qapp.processEvents()
            scroll = tab.motions.panel.parentWidget()
            assert scroll is not None
            assert tab.motions.panel.width() <= scroll.width(), f"motion panel wider than its pane at {scale}"
            assert tab.minimumSizeHint().width() <= 1280
            assert tab.log.minimumSizeHint().width() <= 1280
            header = tab.log.table.horizontalHeader()
            assert header.length() <= tab.log.table.viewport().width() + 1
        # In large type on a short pane the Reveal button is below the fold: voting from the keyboard scrolls it
        # into view.
        tab.resize(1280, 480)
        qapp.processEvents()
        assert tab.motions.panel_scroll.verticalScrollBar().maximum() > 0, "the pane does not scroll: no test"
        for row, choice in zip(tab.motions.panel.vote_rows, [VoteChoice.FOR] * 5, strict=True):
            row.buttons[choice].setFocus()
            qtbot.keyClick(row.buttons[choice], Qt.Key.Key_Space)
        reveal = tab.motions.panel.reveal_button
        viewport = tab.motions.panel_scroll.viewport()
        top_left = reveal.mapTo(viewport, reveal.rect().topLeft())
        assert QApplication.focusWidget() is reveal and viewport.rect().contains(top_left)
    finally:
        theme.apply(qapp, scale_factor=1.0)


def test_motions_made_before_the_tab_was_built_show_their_votes(workspace: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from imagingnet_desktop.workspace.record.motions import new_motion as make_motion

    make_motion(workspace, "Host the PACS team at one trust")
    tab = RecordTab(workspace, today=lambda: TODAY)  # built hidden, as the main window builds a tab
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.show()
    qtbot.waitExposed(tab)
    tab.pages.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tab.motions.panel.vote_rows[0].buttons[VoteChoice.FOR].isVisible())
    assert len(tab.motions.panel.vote_rows) == 5 and tab.motions.list.count() == 1
    tab.detach()
