"""Record -> Control: the reserved matter a decision or a motion names, and what deleting a matter does to them.

A decision may name the matter it settled; a motion may name the matter it puts to the vote, and then its rule is
that matter's (``workspace.record.motions`` counts it with the matter's game). Deleting a matter
(``workspace.control.matters.delete_matter``) asks ``unlink_commands`` first: while a revealed motion or a decision
names the matter it is refused, saying which (a revealed motion is never changed, and a decision is the record of
what was decided); a motion not yet revealed is unlinked in the same undoable edit, keeping the matter's rule as its
own, so its count does not change under the room's eyes.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from imagingnet_desktop.domain.control.reserved_matters import ReservedMatter
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.record.motions import Motion
from imagingnet_desktop.domain.voting.rules import RuleKind
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import UpdateRow
from imagingnet_desktop.workspace.commands import Batch, Command
from imagingnet_desktop.workspace.control.control_rows import RESERVED_MATTERS
from imagingnet_desktop.workspace.record.entries import MOTIONS, RECORD_ENTRIES, edit_entry

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace

NO_MATTER = "No reserved matter"
MOTION_REVEALED = "This motion has been revealed and stays as it was; record a correction instead."


def matter_choices(workspace: Workspace) -> list[tuple[int, str]]:
    """The Control tab's register as (id, title), in its order: what a picker lists."""
    return [(m.id, m.title) for m in workspace.rows(RESERVED_MATTERS)]


def matter_of(workspace: Workspace, matter_id: int | None) -> ReservedMatter | None:
    if matter_id is None:
        return None
    try:
        return workspace.row(RESERVED_MATTERS, matter_id)
    except KeyError:
        return None


def _known(workspace: Workspace, matter_id: int | None) -> ReservedMatter | None:
    matter = matter_of(workspace, matter_id)
    if matter_id is not None and matter is None:
        raise FieldError("That reserved matter is no longer in the Control tab's register.")
    return matter


def with_matter_rule(motion: Motion, matter: ReservedMatter) -> Motion:
    """The motion carrying the matter's rule (kind, fraction, minimum) as its own fields."""
    fraction = matter.fraction if matter.rule_kind is RuleKind.QUALIFIED else None
    return dataclasses.replace(
        motion, rule_kind=matter.rule_kind,
        fraction_numerator=None if fraction is None else fraction.numerator,
        fraction_denominator=None if fraction is None else fraction.denominator,
        min_partners=0 if matter.rule_kind is RuleKind.UNANIMITY else matter.min_partners or 0)


def link_decision(workspace: Workspace, entry_id: int, matter_id: int | None) -> Change:
    """Name (or, with ``None``, stop naming) the reserved matter a decision settled. Raises ``FieldError``."""
    entry = workspace.row(RECORD_ENTRIES, entry_id)
    matter = _known(workspace, matter_id)
    if entry.reserved_matter_id == matter_id:
        return Change.NONE
    return edit_entry(workspace, entry_id, reserved_matter_id=None if matter is None else matter.id)


def link_motion(workspace: Workspace, motion_id: int, matter_id: int | None) -> Change:
    """Put a motion (not yet revealed) to the vote under a reserved matter's rule, or back under its own.

    The matter's rule is copied into the motion's own fields too, so unlinking it later keeps the same rule."""
    motion = workspace.row(MOTIONS, motion_id)
    if motion.revealed:
        raise FieldError(MOTION_REVEALED)
    matter = _known(workspace, matter_id)
    if motion.reserved_matter_id == matter_id:
        return Change.NONE
    if matter is None:
        linked = dataclasses.replace(motion, reserved_matter_id=None)
        label = f"unlink motion {motion.id} from its reserved matter"
    else:
        linked = dataclasses.replace(with_matter_rule(motion, matter), reserved_matter_id=matter.id)
        label = f"put motion {motion.id} under {matter.title}"
    return workspace.execute(Batch(label, [UpdateRow(MOTIONS, linked)]))


def unlink_commands(workspace: Workspace, matter_id: int) -> list[Command]:
    """What deleting this matter does in the Record: unlink motions not yet revealed (keeping the matter's rule).

    Raises ``FieldError`` naming them when a revealed motion or a decision names the matter."""
    matter = workspace.row(RESERVED_MATTERS, matter_id)
    motions = [m for m in workspace.rows(MOTIONS) if m.reserved_matter_id == matter_id]
    decisions = [e for e in workspace.rows(RECORD_ENTRIES) if e.reserved_matter_id == matter_id]
    revealed = [m for m in motions if m.revealed]
    if revealed or decisions:
        named = [f"decision {e.id}" for e in decisions[:5]]
        named += [f"revealed motion {m.id} “{m.title}”" for m in revealed[:5]]
        more = len(decisions) + len(revealed) - len(named)
        listed = ", ".join(named) + (f" and {more} more" if more > 0 else "")
        raise FieldError(f"“{matter.title}” stays in the register while the record names it: {listed}. "
                         "Unlink the decisions in the Record tab first; a revealed motion stays as it was.")
    return [UpdateRow(MOTIONS, dataclasses.replace(with_matter_rule(m, matter), reserved_matter_id=None))
            for m in motions]
