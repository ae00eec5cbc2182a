"""Record edits in the workspace: entries and motions, undo, and what the file holds after each step."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.record.entries import EntryKind, EntryStatus
from imagingnet_desktop.domain.record.motions import Abstentions, MotionOutcome, VoteChoice
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.workspace.network.partner_commands import delete_partners
from imagingnet_desktop.workspace.network.partner_references import PartnerInUseError
from imagingnet_desktop.workspace.record.entries import (
    RECORD_ENTRIES,
    add_entry,
    delete_entry,
    edit_entry,
)
from imagingnet_desktop.workspace.record.motions import (
    cast_vote,
    edit_motion,
    new_motion,
    record_correction,
    reveal,
)
from imagingnet_desktop.workspace.shares_votes.scenarios import (
    agreed_scenario,
    mark_agreed,
    save_scenario,
    set_working_scenario,
)
from imagingnet_desktop.workspace.workspace import Workspace
from record_helpers import record_in_file
from shares_votes_helpers import DEMO_ACTIVITY, DEMO_CODES, DEMO_ID, basis_points

TODAY = date(2026, 12, 1)
F, A, N = VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN


def agree(ws: Workspace, scenario: Scenario) -> None:
    set_working_scenario(ws, scenario)
    saved = save_scenario(ws, scenario.name)
    mark_agreed(ws, saved.id)
    assert agreed_scenario(ws) == scenario  # every partner reference held


def vote_all(ws: Workspace, motion_id: int, choices: list[VoteChoice]) -> None:
    for partner, choice in zip(ws.network.partners, choices, strict=True):
        cast_vote(ws, motion_id, partner.id, choice)


def test_entries_are_added_edited_deleted_and_undone_with_the_file_following(workspace: Workspace) -> None:
    nsh = workspace.network.partners[0]
    decision = add_entry(workspace, EntryKind.DECISION, "Proceed to the SOC", today=TODAY, step="soc",
                         workstream="strategic")
    action = add_entry(workspace, EntryKind.ACTION, "Send the MOU draft", today=TODAY, owner_partner_id=nsh.id,
                       person="Ann Lee", due=date(2026, 11, 20))
    add_entry(workspace, EntryKind.ISSUE, "Who hosts PACS?", today=TODAY)
    held = record_in_file(workspace.path)
    assert [(e.kind, e.text, e.status) for e in held.entries] == [
        (EntryKind.DECISION, "Proceed to the SOC", EntryStatus.RECORDED),
        (EntryKind.ACTION, "Send the MOU draft", EntryStatus.OPEN),
        (EntryKind.ISSUE, "Who hosts PACS?", EntryStatus.OPEN)]
    assert held.entries[1].owner_partner_id == nsh.id and held.entries[1].due == date(2026, 11, 20)
    assert held.entries[0].entry_date == TODAY and held.entries[0].step == "soc"

    edit_entry(workspace, action.id, status=EntryStatus.DONE, text="Send the MOU draft to each board")
    assert record_in_file(workspace.path).entries[1].status is EntryStatus.DONE
    workspace.undo()
    assert record_in_file(workspace.path).entries[1] == workspace.row(RECORD_ENTRIES, action.id)
    assert workspace.row(RECORD_ENTRIES, action.id).status is EntryStatus.OPEN

    delete_entry(workspace, decision.id)
    assert [e.id for e in record_in_file(workspace.path).entries] == [action.id, action.id + 1]
    workspace.undo()
    assert record_in_file(workspace.path).entries == workspace.rows(RECORD_ENTRIES)
    assert workspace.rows(RECORD_ENTRIES)[0].text == "Proceed to the SOC"


def test_a_bad_entry_is_refused_and_nothing_is_written(workspace: Workspace) -> None:
    with pytest.raises(FieldError, match="cannot be empty"):
        add_entry(workspace, EntryKind.ACTION, "  ", today=TODAY)
    with pytest.raises(FieldError, match="Decision can be recorded"):
        add_entry(workspace, EntryKind.DECISION, "x", today=TODAY, status=EntryStatus.OPEN)
    assert record_in_file(workspace.path).entries == ()
    assert workspace.undo_label is None


def test_a_motion_is_counted_with_the_agreed_votes_and_its_own_rule(workspace: Workspace) -> None:
    agree(workspace, Scenario(name="Agreed", vote_method=VoteMethod.PROPORTIONAL, vote_basis="activity",
                              rule_kind=RuleKind.QUALIFIED, qualified=Fraction(3, 4)))
    motion = new_motion(workspace, "Adopt the MOU")
    assert (motion.rule_kind, motion.fraction_numerator, motion.fraction_denominator) == (RuleKind.QUALIFIED, 3, 4)
    points = basis_points(DEMO_ACTIVITY)  # NSH 33.32%, EMV 21.29%, KBD 18.70%, SMC 15.59%, WBK 11.11%
    vote_all(workspace, motion.id, [F, F, F, A, N])
    assert sum(points[:3]) < 7500
    result = reveal(workspace, motion.id, TODAY)
    assert result.outcome is MotionOutcome.NOT_PASSED and result.quota == 7501  # 3/4 of the 10,001 votes
    assert result.for_votes == sum(points[:3])

    held = record_in_file(workspace.path)
    assert [v.votes_held for v in held.votes] == points
    assert held.motions[0].outcome is MotionOutcome.NOT_PASSED and held.motions[0].revealed_at is not None
    decision = held.entries[-1]
    assert decision.kind is EntryKind.DECISION and decision.motion_id == motion.id
    assert decision.text.startswith("Motion NOT PASSED: Adopt the MOU. For: NSH, EMV, KBD; against: SMC; "
                                    "abstained: WBK.")
    assert held.report == {"decisions": 1, "open_actions": 0, "overdue_actions": 0, "motions": [
        {"title": "Adopt the MOU", "result": "not passed", "for": ["NSH", "EMV", "KBD"], "against": ["SMC"],
         "abstain": ["WBK"]}]}


def test_abstentions_left_out_change_the_base(workspace: Workspace) -> None:
    agree(workspace, Scenario(name="Agreed", vote_method=VoteMethod.PROPORTIONAL, vote_basis="activity",
                              rule_kind=RuleKind.QUALIFIED, qualified=Fraction(3, 4)))
    motion = new_motion(workspace, "Adopt the MOU", abstentions=Abstentions.EXCLUDED)
    vote_all(workspace, motion.id, [F, F, F, A, N])  # 73.31 of the 88.89 cast: 82% of those voting
    assert reveal(workspace, motion.id, TODAY).passed


def test_reveal_fixes_the_motion_and_undo_takes_the_whole_reveal_back(workspace: Workspace) -> None:
    motion = new_motion(workspace, "Adopt the MOU")  # the default agreed rule: equal votes, simple majority
    assert motion.rule_kind is RuleKind.SIMPLE_MAJORITY
    vote_all(workspace, motion.id, [F, F, F, A, N])
    before = record_in_file(workspace.path)
    assert before.report["motions"] == []  # hidden until revealed, in the report too
    assert reveal(workspace, motion.id, TODAY).passed

    with pytest.raises(FieldError, match="revealed"):
        cast_vote(workspace, motion.id, workspace.network.partners[0].id, A)
    with pytest.raises(FieldError, match="revealed"):
        edit_motion(workspace, motion.id, title="Something else")
    decision = workspace.rows(RECORD_ENTRIES)[-1]
    with pytest.raises(FieldError, match="correction"):
        edit_entry(workspace, decision.id, text="changed")
    with pytest.raises(FieldError, match="correction"):
        delete_entry(workspace, decision.id)
    # A later change of the agreed scenario does not rewrite what was revealed.
    agree(workspace, Scenario(name="Later", rule_kind=RuleKind.UNANIMITY))
    assert record_in_file(workspace.path).report["motions"][0]["result"] == "passed"
    workspace.undo()
    workspace.undo()
    workspace.undo()  # the three scenario edits

    assert workspace.undo_label == "reveal motion: Adopt the MOU"
    workspace.undo()
    after = record_in_file(workspace.path)
    assert after.entries == () and after.motions[0].revealed_at is None and after.motions[0].outcome is None
    assert all(v.votes_held is None for v in after.votes) and after.votes == before.votes
    workspace.redo()
    assert record_in_file(workspace.path).entries[-1].motion_id == motion.id


def test_a_correction_is_a_new_motion_that_names_the_one_it_corrects(workspace: Workspace) -> None:
    motion = new_motion(workspace, "Adopt the MOU")
    vote_all(workspace, motion.id, [F, F, A, A, N])
    assert not reveal(workspace, motion.id, TODAY).passed
    fixed = record_correction(workspace, motion.id)
    assert fixed.corrects_motion_id == motion.id and not fixed.revealed and fixed.title == "Adopt the MOU"
    cast_vote(workspace, fixed.id, workspace.network.partners[2].id, F)  # KBD's vote was taken down wrongly
    assert reveal(workspace, fixed.id, TODAY).passed
    held = record_in_file(workspace.path)
    assert [(m.id, m.outcome, m.corrects_motion_id) for m in held.motions] == [
        (motion.id, MotionOutcome.NOT_PASSED, None), (fixed.id, MotionOutcome.PASSED, motion.id)]
    assert [m["result"] for m in held.report["motions"]] == ["not passed", "passed"]
    assert len([e for e in held.entries if e.motion_id is not None]) == 2


def test_reveal_needs_every_vote_and_follows_the_agreed_veto(workspace: Workspace) -> None:
    agree(workspace, Scenario(name="Agreed", veto_partner_ids=(DEMO_ID["WBK"],)))
    motion = new_motion(workspace, "Adopt the MOU")
    for partner in workspace.network.partners[:4]:
        cast_vote(workspace, motion.id, partner.id, F)
    with pytest.raises(FieldError, match="Enter the vote of WBK first"):
        reveal(workspace, motion.id, TODAY)
    cast_vote(workspace, motion.id, workspace.network.partners[4].id, A)
    result = reveal(workspace, motion.id, TODAY)
    assert not result.passed and result.blocked_by_veto == ("WBK",)
    assert [v.veto for v in record_in_file(workspace.path).votes] == [False, False, False, False, True]


def test_a_partner_with_votes_or_actions_is_not_deleted_without_asking(workspace: Workspace) -> None:
    kbd = workspace.network.partners[2]
    motion = new_motion(workspace, "Adopt the MOU")
    cast_vote(workspace, motion.id, kbd.id, F)
    add_entry(workspace, EntryKind.ACTION, "Cost it", today=TODAY, owner_partner_id=kbd.id)
    with pytest.raises(PartnerInUseError):
        delete_partners(workspace, [kbd.id])
    delete_partners(workspace, [kbd.id], hand_over="clear")
    held = record_in_file(workspace.path)
    assert held.entries[0].owner_partner_id is None and held.votes == ()
    workspace.undo()
    held = record_in_file(workspace.path)
    assert held.entries[0].owner_partner_id == kbd.id and [v.partner_id for v in held.votes] == [kbd.id]
    assert DEMO_CODES[2] == kbd.code
