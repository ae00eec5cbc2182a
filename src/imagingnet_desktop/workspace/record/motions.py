"""Motions in the room: create one, enter each partner's vote (hidden), reveal the result, record corrections.

The votes each partner holds come from the agreed shares & votes scenario (``agreed_scenario``, worked
through by ``analyse``), and so do the vetoes; the motion carries its own decision rule, copied from the
agreed scenario's when it is created. A motion put to the vote under a reserved matter (``reserved_matter_id``)
follows that matter's rule and vetoes instead, live until it is revealed, counted with the Control area's game
for the matter (``voting_game``: the engine, never a second implementation). Revealing fixes the votes held into each vote row, the outcome into
the motion (with the matter's rule as it then stood copied into the motion's own fields, so a later change of
the matter never changes a revealed motion), and saves a decision with the breakdown, all as one undoable edit. A revealed motion is never
changed again: ``record_correction`` starts a new motion that names the one it corrects.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from imagingnet_desktop.domain.control.reserved_matters import ReservedMatter, voting_game
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.record.entries import EntryKind, EntryStatus, RecordEntry
from imagingnet_desktop.domain.record.motions import (
    Ballot,
    GameFor,
    Motion,
    MotionResult,
    MotionVote,
    VoteChoice,
    breakdown_text,
    count_motion,
    describe_rule,
    validate_motion,
)
from imagingnet_desktop.domain.scenarios.analysis import analyse
from imagingnet_desktop.domain.voting.rules import RuleError, RuleGame, RuleKind
from imagingnet_desktop.workspace.collections import (
    DeleteRow,
    InsertRow,
    UpdateRow,
    insert_row,
    update_row,
)
from imagingnet_desktop.workspace.commands import Batch, Command
from imagingnet_desktop.workspace.control.matters import matter_rule_text, veto_partner_ids
from imagingnet_desktop.workspace.record.entries import MOTION_VOTES, MOTIONS, RECORD_ENTRIES
from imagingnet_desktop.workspace.record.matter_links import MOTION_REVEALED, matter_of, with_matter_rule
from imagingnet_desktop.workspace.shares_votes.scenarios import agreed_scenario

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace

REVEALED = MOTION_REVEALED
RULE_FIELDS = frozenset({"rule_kind", "fraction_numerator", "fraction_denominator", "min_partners"})


# ---------------------------------------------------------------------------- reading


def votes_of(workspace: Workspace, motion_id: int) -> dict[int, MotionVote]:
    """The votes entered on a motion, by partner id."""
    return {v.partner_id: v for v in workspace.rows(MOTION_VOTES) if v.motion_id == motion_id}


def waiting_for(workspace: Workspace, motion_id: int) -> list[str]:
    """Codes of the partners whose vote has not been entered yet."""
    entered = votes_of(workspace, motion_id)
    return [p.code for p in workspace.network.partners if p.id not in entered]


def agreed_rule_defaults(workspace: Workspace) -> dict[str, Any]:
    """The agreed scenario's rule as a motion's fields (kind, fraction, minimum partners)."""
    scenario = agreed_scenario(workspace)
    fields: dict[str, Any] = {"rule_kind": scenario.rule_kind, "min_partners": scenario.min_partners}
    if scenario.rule_kind is RuleKind.QUALIFIED and scenario.qualified is not None:
        fraction = scenario.qualified
        fields.update(fraction_numerator=fraction.numerator, fraction_denominator=fraction.denominator)
    if scenario.rule_kind is RuleKind.UNANIMITY:
        fields["min_partners"] = 0
    return fields


def ballots(workspace: Workspace, motion: Motion) -> list[Ballot]:
    """Each partner's ballot: before the reveal with the agreed scenario's votes and vetoes, after it with
    the figures fixed at the reveal. Raises ``FieldError`` when a vote is missing or there are no votes."""
    entered = votes_of(workspace, motion.id)
    partners = workspace.network.partners
    if motion.revealed:
        codes = {p.id: p.code for p in partners}
        return [Ballot(codes.get(v.partner_id, f"#{v.partner_id}"), v.votes_held or 0, v.choice, v.veto)
                for v in sorted(entered.values(), key=lambda v: _order(partners, v.partner_id))]
    missing = waiting_for(workspace, motion.id)
    if missing:
        raise FieldError(f"Enter the vote of {', '.join(missing)} first.")
    analysis = analyse(partners, agreed_scenario(workspace))
    if analysis.votes is None:
        raise FieldError(f"The agreed scenario gives no votes to count: {analysis.problem}")
    matter = governing_matter(workspace, motion)
    if matter is not None:
        veto = {i for i, p in enumerate(partners) if p.id in set(veto_partner_ids(workspace, matter.id))}
    else:
        try:
            veto = set(agreed_scenario(workspace).rule_for(partners).veto)
        except RuleError as exc:
            raise FieldError(str(exc)) from None
    return [Ballot(p.code, held, entered[p.id].choice, i in veto)
            for i, (p, held) in enumerate(zip(partners, analysis.votes, strict=True))]


def governing_matter(workspace: Workspace, motion: Motion) -> ReservedMatter | None:
    """The reserved matter whose rule decides this motion: the one it names, until it is revealed."""
    return None if motion.revealed else matter_of(workspace, motion.reserved_matter_id)


def counted_as(workspace: Workspace, motion: Motion) -> tuple[Motion, GameFor | None]:
    """The motion as it is counted (carrying its matter's rule) and the matter's game, if a matter governs it."""
    matter = governing_matter(workspace, motion)
    if matter is None:
        return motion, None

    def game_for(votes: list[int], veto: tuple[int, ...]) -> RuleGame:
        return voting_game(votes, matter, veto)

    return with_matter_rule(motion, matter), game_for


def rule_words(workspace: Workspace, motion: Motion) -> str:
    """The rule the motion is decided by, in words; a reserved matter's says which matter it is."""
    matter = governing_matter(workspace, motion)
    if matter is not None:
        return f"{matter_rule_text(workspace, matter)} (the rule of the reserved matter “{matter.title}”)"
    named = matter_of(workspace, motion.reserved_matter_id)
    if named is not None:  # revealed: the matter's rule as it stood then, kept in the motion
        return f"{describe_rule(motion)} (the rule of the reserved matter “{named.title}” when it was revealed)"
    return describe_rule(motion)


def count(workspace: Workspace, motion: Motion) -> MotionResult:
    counted, game_for = counted_as(workspace, motion)
    return count_motion(counted, ballots(workspace, motion), game_for)


def motion_result(workspace: Workspace, motion_id: int) -> MotionResult:
    """The count (for a revealed motion, exactly the one fixed when it was revealed)."""
    return count(workspace, workspace.row(MOTIONS, motion_id))


def _order(partners: tuple[Any, ...], partner_id: int) -> int:
    return next((i for i, p in enumerate(partners) if p.id == partner_id), len(partners))


def corrected_by(workspace: Workspace, motion_id: int) -> list[Motion]:
    return [m for m in workspace.rows(MOTIONS) if m.corrects_motion_id == motion_id]


def decision_of(workspace: Workspace, motion_id: int) -> RecordEntry | None:
    return next((e for e in workspace.rows(RECORD_ENTRIES) if e.motion_id == motion_id), None)


# ---------------------------------------------------------------------------- editing


def new_motion(workspace: Workspace, title: str, **fields: Any) -> Motion:
    """A motion with the agreed scenario's rule unless another is given. Raises ``FieldError``."""
    rule = {**agreed_rule_defaults(workspace), **fields}
    motion = validate_motion(Motion(0, title, **rule))
    return insert_row(workspace, MOTIONS, motion, label="add motion")


def edit_motion(workspace: Workspace, motion_id: int, **changes: Any) -> Motion:
    """Change a motion's title or rule before it is revealed. Raises ``FieldError``."""
    old = _unrevealed(workspace, motion_id)
    matter = matter_of(workspace, old.reserved_matter_id)
    if matter is not None and RULE_FIELDS & changes.keys():
        raise FieldError(f"This motion follows the rule of the reserved matter “{matter.title}”: change the rule "
                         "there (Control tab), or choose “No reserved matter” to give the motion its own.")
    if changes.get("rule_kind", old.rule_kind) is not RuleKind.QUALIFIED:
        changes.update(fraction_numerator=None, fraction_denominator=None)
    new = validate_motion(dataclasses.replace(old, **changes))
    fields = {f.name: getattr(new, f.name) for f in dataclasses.fields(new)[1:]}
    update_row(workspace, MOTIONS, motion_id, label="edit motion", **fields)
    return workspace.row(MOTIONS, motion_id)


def cast_vote(workspace: Workspace, motion_id: int, partner_id: int, choice: VoteChoice) -> None:
    """Enter (or re-enter) one partner's vote; it stays hidden until the motion is revealed."""
    _unrevealed(workspace, motion_id)
    if partner_id not in {p.id for p in workspace.network.partners}:
        raise FieldError("That partner is no longer in the network.")
    code = workspace.network.partners[workspace.network.index_of(partner_id)].code
    old = votes_of(workspace, motion_id).get(partner_id)
    if old is None:
        insert_row(workspace, MOTION_VOTES, MotionVote(0, motion_id, partner_id, choice), label=f"vote of {code}")
    else:
        update_row(workspace, MOTION_VOTES, old.id, label=f"vote of {code}", choice=choice)


def reveal(workspace: Workspace, motion_id: int, today: date | None = None) -> MotionResult:
    """Count the votes, fix the count into the file and save it as a decision: one undoable edit."""
    motion = _unrevealed(workspace, motion_id)
    counted = ballots(workspace, motion)
    words = rule_words(workspace, motion)
    motion, game_for = counted_as(workspace, motion)
    result = count_motion(motion, counted, game_for)
    entered = votes_of(workspace, motion_id)
    steps: list[Command] = []
    for partner, ballot in zip(workspace.network.partners, counted, strict=True):
        vote = entered[partner.id]
        steps.append(UpdateRow(MOTION_VOTES, dataclasses.replace(vote, votes_held=ballot.votes_held,
                                                                 veto=ballot.veto)))
    now = datetime.now(UTC).replace(microsecond=0)
    revealed = dataclasses.replace(motion, revealed_at=now, outcome=result.outcome)
    steps.append(UpdateRow(MOTIONS, revealed))
    decision = RecordEntry(workspace.new_row_id(RECORD_ENTRIES), EntryKind.DECISION,
                           breakdown_text(motion, result, words), today or date.today(), motion.step, motion.workstream, motion.reserved_matter_id,
                           status=EntryStatus.RECORDED, motion_id=motion.id)
    steps.append(InsertRow(RECORD_ENTRIES, decision))
    workspace.execute(Batch(f"reveal motion: {motion.title}", steps))
    return result


def record_correction(workspace: Workspace, motion_id: int) -> Motion:
    """A new motion correcting a revealed one: same title and rule, the votes copied to be put right."""
    old = workspace.row(MOTIONS, motion_id)
    if not old.revealed:
        raise FieldError("This motion has not been revealed yet: change its votes directly.")
    fresh = dataclasses.replace(old, id=workspace.new_row_id(MOTIONS), revealed_at=None, outcome=None,
                                corrects_motion_id=old.id)
    steps: list[Command] = [InsertRow(MOTIONS, fresh)]
    next_vote = workspace.new_row_id(MOTION_VOTES)
    known = {p.id for p in workspace.network.partners}
    for vote in votes_of(workspace, motion_id).values():
        if vote.partner_id in known:
            steps.append(InsertRow(MOTION_VOTES, MotionVote(next_vote, fresh.id, vote.partner_id, vote.choice)))
            next_vote += 1
    workspace.execute(Batch(f"record a correction of: {old.title}", steps))
    return fresh


def delete_motion(workspace: Workspace, motion_id: int) -> None:
    """Delete a motion not yet revealed, with its votes."""
    motion = _unrevealed(workspace, motion_id)
    steps: list[Command] = [DeleteRow(MOTION_VOTES, v.id) for v in votes_of(workspace, motion_id).values()]
    steps.append(DeleteRow(MOTIONS, motion.id))
    workspace.execute(Batch(f"delete motion: {motion.title}", steps))


def _unrevealed(workspace: Workspace, motion_id: int) -> Motion:
    motion = workspace.row(MOTIONS, motion_id)
    if motion.revealed:
        raise FieldError(REVEALED)
    return motion
