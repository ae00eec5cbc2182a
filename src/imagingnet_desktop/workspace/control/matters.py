"""Reserved matters in the workspace: their rules under the agreed votes, and the edits the Control tab makes.

The agreed votes are the agreed shares & votes scenario's (``shares_votes.agreed_scenario``, worked through by
``domain.scenarios.analysis``); a matter's own rule then decides. ``matter_game`` is the one place a matter becomes
a voting game, so anything that counts votes on a matter (the Record tab's motions) calls it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from imagingnet_desktop.domain.control.reserved_matters import (
    MatterOutcome,
    MatterPurpose,
    ReservedMatter,
    ReservedMatterVeto,
    analyse_matter,
    check_purposes,
    rule_text,
    validate_matter,
    voting_game,
)
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.scenarios.analysis import analyse
from imagingnet_desktop.domain.voting.game import WeightedGame
from imagingnet_desktop.domain.voting.rules import RuleError, RuleGame, RuleKind
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import UpdateRow, insert_row, move_row
from imagingnet_desktop.workspace.commands import Command
from imagingnet_desktop.workspace.control.control_rows import RESERVED_MATTERS, VETO_HOLDERS
from imagingnet_desktop.workspace.control.links import delete_with_links, link_commands, run
from imagingnet_desktop.workspace.record.matter_links import unlink_commands
from imagingnet_desktop.workspace.shares_votes.scenarios import agreed_scenario

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace

# What a screen showing reserved matters must follow: the agreed scenario, a partner, or a matter itself.
FOLLOWS = Change.SCENARIOS | Change.TAB_STATE | Change.PARTNERS | Change.CONTROL
DEFAULT_FRACTION = (2, 3)


@dataclass(frozen=True)
class AgreedVotes:
    """The agreed scenario's votes, one per partner in network order (``None`` with the reason if unworkable)."""

    scenario_name: str
    partner_ids: tuple[int, ...]
    codes: tuple[str, ...]
    votes: tuple[int, ...] | None
    problem: str | None

    def index_of(self, partner_id: int) -> int:
        return self.partner_ids.index(partner_id)

    def codes_of(self, indices: Any) -> list[str]:
        return [self.codes[i] for i in indices]


def agreed_votes(workspace: Workspace) -> AgreedVotes:
    partners = workspace.network.partners
    scenario = agreed_scenario(workspace)
    analysis = analyse(partners, scenario)
    problem = None if analysis.votes is not None else analysis.problem
    return AgreedVotes(scenario.name, tuple(p.id for p in partners), analysis.codes, analysis.votes, problem)


def veto_partner_ids(workspace: Workspace, matter_id: int) -> tuple[int, ...]:
    """The partners holding a veto over this matter, in network order."""
    holders = {v.partner_id for v in workspace.rows(VETO_HOLDERS) if v.reserved_matter_id == matter_id}
    return tuple(p.id for p in workspace.network.partners if p.id in holders)


def matter_veto_positions(workspace: Workspace, matter: ReservedMatter, agreed: AgreedVotes) -> tuple[int, ...]:
    return tuple(agreed.index_of(pid) for pid in veto_partner_ids(workspace, matter.id) if pid in agreed.partner_ids)


def matter_rule_text(workspace: Workspace, matter: ReservedMatter) -> str:
    codes = {p.id: p.code for p in workspace.network.partners}
    return rule_text(matter, [codes[pid] for pid in veto_partner_ids(workspace, matter.id)])


def matter_game(workspace: Workspace, matter: ReservedMatter, agreed: AgreedVotes | None = None) -> RuleGame:
    """The voting engine's game for ``matter`` under the agreed votes: players are the partners in network order.

    Raises ``RuleError`` with the reason when the agreed votes cannot be worked out or nobody could meet the rule.
    """
    agreed = agreed or agreed_votes(workspace)
    if agreed.votes is None:
        raise RuleError(agreed.problem or "The agreed votes cannot be worked out.")
    return voting_game(agreed.votes, matter, matter_veto_positions(workspace, matter, agreed))


def passes_with(workspace: Workspace, matter: ReservedMatter, partner_ids: Iterable[int],
                agreed: AgreedVotes | None = None) -> bool:
    """Whether these partners voting for the matter carry it under its rule and the agreed votes (the engine's
    own definition of a winning coalition). Raises ``RuleError`` as ``matter_game`` does."""
    agreed = agreed or agreed_votes(workspace)
    game = matter_game(workspace, matter, agreed)
    members = [agreed.index_of(pid) for pid in partner_ids if pid in agreed.partner_ids]
    return WeightedGame.of(game.weights, game.quota, min_members=game.min_members, veto=game.veto).wins(members)


def matter_outcome(workspace: Workspace, matter: ReservedMatter, agreed: AgreedVotes | None = None) -> MatterOutcome:
    agreed = agreed or agreed_votes(workspace)
    return analyse_matter(agreed.votes, matter, matter_veto_positions(workspace, matter, agreed), agreed.problem)


def matter_outcomes(workspace: Workspace, agreed: AgreedVotes | None = None
                    ) -> tuple[AgreedVotes, list[tuple[ReservedMatter, MatterOutcome]]]:
    """Every matter with who can block it alone and the smallest groups that can pass it (one agreed analysis)."""
    agreed = agreed or agreed_votes(workspace)
    return agreed, [(m, matter_outcome(workspace, m, agreed)) for m in workspace.rows(RESERVED_MATTERS)]


# ---------------------------------------------------------------------------- edits


def add_matter(workspace: Workspace, title: str, index: int | None = None) -> ReservedMatter:
    matter = validate_matter(ReservedMatter(0, title, RuleKind.QUALIFIED, *DEFAULT_FRACTION))
    return insert_row(workspace, RESERVED_MATTERS, matter, index, label=f"add reserved matter {matter.title}")


def edit_matter(workspace: Workspace, matter_id: int, label: str | None = None, **changes: Any) -> Change:
    """Change fields of a matter (validated first). Choosing unanimity drops its vetoes in the same edit;
    choosing a qualified majority without a fraction starts at 2/3."""
    old = workspace.row(RESERVED_MATTERS, matter_id)
    candidate = replace(old, **changes)
    if candidate.rule_kind is RuleKind.QUALIFIED and candidate.fraction_num is None:
        candidate = replace(candidate, fraction_num=DEFAULT_FRACTION[0], fraction_den=DEFAULT_FRACTION[1])
    new = validate_matter(candidate)
    if new == old:
        return Change.NONE
    check_purposes([new if m.id == matter_id else m for m in workspace.rows(RESERVED_MATTERS)])
    _refuse_new_problem(workspace, old, new)
    steps: list[Command] = [UpdateRow(RESERVED_MATTERS, new)]
    if new.rule_kind is RuleKind.UNANIMITY:
        steps += link_commands(workspace, VETO_HOLDERS, lambda v: v.reserved_matter_id == matter_id, [])
    return run(workspace, label or f"edit reserved matter {new.title}", steps)


def set_purpose(workspace: Workspace, matter_id: int, purpose: MatterPurpose) -> Change:
    """Make this the matter whose rule the drafts' exit or joining clause follows (or neither, with ``NONE``).
    Refused with ``FieldError`` while another matter has that purpose."""
    title = workspace.row(RESERVED_MATTERS, matter_id).title
    return edit_matter(workspace, matter_id, label=f"purpose of {title}: {purpose.label.lower()}", purpose=purpose)


def purpose_matter(workspace: Workspace, purpose: MatterPurpose) -> ReservedMatter | None:
    """The matter with this purpose (exit or admission), if one has it."""
    return next((m for m in workspace.rows(RESERVED_MATTERS) if m.purpose is purpose), None)


def _refuse_new_problem(workspace: Workspace, old: ReservedMatter, new: ReservedMatter) -> None:
    """A rule nobody could meet under the agreed votes is refused with the reason (a problem it had already is not)."""
    agreed = agreed_votes(workspace)
    if agreed.votes is None:
        return
    before, after = matter_outcome(workspace, old, agreed), matter_outcome(workspace, new, agreed)
    if after.problem and after.problem != before.problem:
        raise FieldError(after.problem)


def set_vetoes(workspace: Workspace, matter_id: int, partner_ids: list[int]) -> Change:
    """The partners holding a veto over this matter (replacing those who did)."""
    matter = workspace.row(RESERVED_MATTERS, matter_id)
    known = {p.id for p in workspace.network.partners}
    chosen = [pid for pid in dict.fromkeys(partner_ids) if pid in known]
    if chosen and matter.rule_kind is RuleKind.UNANIMITY:
        raise FieldError("Under unanimity every partner already holds a veto: choose another rule first.")
    rows = [ReservedMatterVeto(0, matter_id, pid) for pid in chosen]
    steps = link_commands(workspace, VETO_HOLDERS, lambda v: v.reserved_matter_id == matter_id, rows)
    return run(workspace, f"vetoes on {matter.title}", steps)


def delete_matter(workspace: Workspace, matter_id: int) -> Change:
    """Delete a matter with its vetoes; motions not yet revealed that name it are unlinked in the same edit.

    Raises ``FieldError`` naming them while a revealed motion or a decision in the Record names it."""
    matter = workspace.row(RESERVED_MATTERS, matter_id)
    unlinked = unlink_commands(workspace, matter_id)
    return delete_with_links(workspace, RESERVED_MATTERS, matter_id, f"delete reserved matter {matter.title}",
                             [(VETO_HOLDERS, lambda v: v.reserved_matter_id == matter_id)], before=unlinked)


def move_matter(workspace: Workspace, matter_id: int, index: int) -> Change:
    return move_row(workspace, RESERVED_MATTERS, matter_id, index, label="move reserved matter")
