"""Record -> Control: decisions and motions naming a reserved matter; a motion under a matter follows its rule;
deleting a matter never leaves a dangling link nor changes a revealed motion. The file is checked each time."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from file_checks import first_value
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.record.entries import EntryKind
from imagingnet_desktop.domain.record.motions import MotionOutcome, VoteChoice
from imagingnet_desktop.domain.voting.rules import RuleKind
from imagingnet_desktop.workspace.control.control_rows import RESERVED_MATTERS
from imagingnet_desktop.workspace.control.matters import delete_matter, edit_matter, passes_with, set_vetoes
from imagingnet_desktop.workspace.record.entries import MOTIONS, RECORD_ENTRIES, add_entry
from imagingnet_desktop.workspace.record.matter_links import link_decision, link_motion, matter_choices
from imagingnet_desktop.workspace.record.motions import (
    cast_vote,
    edit_motion,
    motion_result,
    new_motion,
    reveal,
    rule_words,
)
from imagingnet_desktop.workspace.workspace import Workspace
from record_helpers import record_in_file

TODAY = date(2026, 12, 1)
F, A, N = VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN


def matter_titled(ws: Workspace, start: str) -> int:
    return next(m.id for m in ws.rows(RESERVED_MATTERS) if m.title.startswith(start))


def vote_all(ws: Workspace, motion_id: int, choices: list[VoteChoice]) -> None:
    for partner, choice in zip(ws.network.partners, choices, strict=True):
        cast_vote(ws, motion_id, partner.id, choice)


def test_the_links_are_foreign_keys_to_the_register(workspace: Workspace) -> None:
    path = workspace.path
    for table in ("record_entries", "motions"):
        assert first_value(path, f"SELECT \"table\" || ':' || on_delete FROM pragma_foreign_key_list('{table}') "
                                 "WHERE \"from\" = 'reserved_matter_id'") == "reserved_matters:RESTRICT"
    workspace.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO record_entries (position, kind, text, status, reserved_matter_id) "
                     "VALUES (1, 'decision', 'x', 'recorded', 999)")
    conn.close()


def test_a_decision_names_a_matter_from_the_register_and_undo_unlinks_it(workspace: Workspace) -> None:
    capital = matter_titled(workspace, "Capital investment")
    assert (capital, workspace.row(RESERVED_MATTERS, capital).title) in matter_choices(workspace)
    decision = add_entry(workspace, EntryKind.DECISION, "Capital limit agreed at £1m", today=TODAY)
    link_decision(workspace, decision.id, capital)
    assert first_value(workspace.path, f"SELECT reserved_matter_id FROM record_entries WHERE id = {decision.id}") \
        == capital
    with pytest.raises(FieldError, match="no longer in the Control tab's register"):
        link_decision(workspace, decision.id, 999)
    workspace.undo()
    assert workspace.row(RECORD_ENTRIES, decision.id).reserved_matter_id is None
    assert first_value(workspace.path,
                       f"SELECT reserved_matter_id FROM record_entries WHERE id = {decision.id}") is None


def test_a_motion_under_a_unanimity_matter_follows_that_rule_not_its_own(workspace: Workspace) -> None:
    admit = matter_titled(workspace, "Admit a new partner")
    assert workspace.row(RESERVED_MATTERS, admit).rule_kind is RuleKind.UNANIMITY
    motion = new_motion(workspace, "Admit North Coast")  # its own rule: the agreed simple majority
    vote_all(workspace, motion.id, [F, F, F, F, A])
    assert motion_result(workspace, motion.id).passed  # 4 of 5 under its own rule
    link_motion(workspace, motion.id, admit)
    linked = workspace.row(MOTIONS, motion.id)
    assert linked.reserved_matter_id == admit and linked.rule_kind is RuleKind.UNANIMITY
    assert rule_words(workspace, linked).startswith("Unanimity: every partner must agree (the rule of the reserved")
    result = motion_result(workspace, motion.id)
    for_ids = [p.id for p in workspace.network.partners[:4]]
    assert not result.passed
    assert result.passed == passes_with(workspace, workspace.row(RESERVED_MATTERS, admit), for_ids)
    with pytest.raises(FieldError, match="follows the rule of the reserved matter"):
        edit_motion(workspace, motion.id, rule_kind=RuleKind.SIMPLE_MAJORITY)

    assert reveal(workspace, motion.id, TODAY).outcome is MotionOutcome.NOT_PASSED
    held = record_in_file(workspace.path)
    assert held.motions[-1].rule_kind is RuleKind.UNANIMITY and held.motions[-1].reserved_matter_id == admit
    decision = held.entries[-1]
    assert decision.reserved_matter_id == admit and "Admit a new partner" in decision.text
    assert held.report["motions"][-1]["result"] == "not passed"
    # A later change of the matter's rule never changes the revealed motion.
    edit_matter(workspace, admit, rule_kind=RuleKind.SIMPLE_MAJORITY)
    assert not motion_result(workspace, motion.id).passed
    assert record_in_file(workspace.path).report["motions"][-1]["result"] == "not passed"
    workspace.undo()  # the matter's edit
    workspace.undo()  # the reveal
    assert not workspace.row(MOTIONS, motion.id).revealed
    workspace.undo()  # the link
    assert workspace.row(MOTIONS, motion.id).reserved_matter_id is None
    assert motion_result(workspace, motion.id).passed
    assert first_value(workspace.path, f"SELECT reserved_matter_id FROM motions WHERE id = {motion.id}") is None


def test_a_matter_vetoes_and_fraction_decide_a_linked_motion(workspace: Workspace) -> None:
    surplus = matter_titled(workspace, "Distribute a surplus")
    wbk = workspace.network.partners[4]
    set_vetoes(workspace, surplus, [wbk.id])
    motion = new_motion(workspace, "Distribute the 2026 surplus")
    link_motion(workspace, motion.id, surplus)
    vote_all(workspace, motion.id, [F, F, F, F, A])
    result = motion_result(workspace, motion.id)
    assert not result.passed and result.blocked_by_veto == ("WBK",)
    assert "WBK holds a veto" in rule_words(workspace, workspace.row(MOTIONS, motion.id))


def test_deleting_a_matter_unlinks_unrevealed_motions_in_one_step_and_refuses_while_the_record_names_it(
        workspace: Workspace) -> None:
    admit = matter_titled(workspace, "Admit a new partner")
    motion = new_motion(workspace, "Admit North Coast")
    link_motion(workspace, motion.id, admit)
    delete_matter(workspace, admit)
    unlinked = workspace.row(MOTIONS, motion.id)
    assert unlinked.reserved_matter_id is None and unlinked.rule_kind is RuleKind.UNANIMITY  # the same rule kept
    assert first_value(workspace.path, f"SELECT COUNT(*) FROM reserved_matters WHERE id = {admit}") == 0
    workspace.undo()
    assert workspace.row(MOTIONS, motion.id).reserved_matter_id == admit
    assert first_value(workspace.path, f"SELECT reserved_matter_id FROM motions WHERE id = {motion.id}") == admit

    vote_all(workspace, motion.id, [F, F, F, F, F])
    reveal(workspace, motion.id, TODAY)
    decision = workspace.rows(RECORD_ENTRIES)[-1]
    with pytest.raises(FieldError) as refused:
        delete_matter(workspace, admit)
    assert f"decision {decision.id}" in str(refused.value)
    assert f"revealed motion {motion.id} “Admit North Coast”" in str(refused.value)
    assert first_value(workspace.path, f"SELECT COUNT(*) FROM reserved_matters WHERE id = {admit}") == 1

    plain = matter_titled(workspace, "Dispose of assets")
    typed = add_entry(workspace, EntryKind.DECISION, "No disposals this year", today=TODAY)
    link_decision(workspace, typed.id, plain)
    with pytest.raises(FieldError, match=f"decision {typed.id}"):
        delete_matter(workspace, plain)
    link_decision(workspace, typed.id, None)
    delete_matter(workspace, plain)
    assert first_value(workspace.path, f"SELECT COUNT(*) FROM reserved_matters WHERE id = {plain}") == 0
