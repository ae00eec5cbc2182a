"""Commands that edit the network and its partners. Each validates before it is executed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from imagingnet_desktop.domain.network.network import checked_network_name
from imagingnet_desktop.domain.network.partner import FIELD_BY_NAME, Partner
from imagingnet_desktop.domain.network.partner_fields import FieldError, parse_field
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.commands import Batch

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace


@dataclass
class RenameNetwork:
    new_name: str
    old_name: str = ""
    label: str = "rename the network"

    def do(self, workspace: Workspace) -> Change:
        self.old_name = workspace.network.name
        workspace.put_network_name(self.new_name)
        return Change.NETWORK_NAME

    def undo(self, workspace: Workspace) -> Change:
        workspace.put_network_name(self.old_name)
        return Change.NETWORK_NAME


@dataclass
class SetPartnerField:
    partner_id: int
    field_name: str
    new_value: object
    old_value: object = None
    label: str = ""

    def do(self, workspace: Workspace) -> Change:
        partner = workspace.network.partner(self.partner_id)
        self.old_value = partner.value(self.field_name)
        if not self.label:
            self.label = f"edit {partner.code} {FIELD_BY_NAME[self.field_name].label}"
        workspace.put_partner(partner.with_value(self.field_name, self.new_value))
        return Change.PARTNERS

    def undo(self, workspace: Workspace) -> Change:
        partner = workspace.network.partner(self.partner_id)
        workspace.put_partner(partner.with_value(self.field_name, self.old_value))
        return Change.PARTNERS


@dataclass
class ReplacePartners:
    """Any change to the list as a whole: add, delete, move, import. Keeps before and after."""

    label: str
    after: tuple[Partner, ...]
    before: tuple[Partner, ...] = field(default=())

    def do(self, workspace: Workspace) -> Change:
        self.before = workspace.network.partners
        workspace.put_partners(self.after)
        return Change.PARTNERS

    def undo(self, workspace: Workspace) -> Change:
        workspace.put_partners(self.before)
        return Change.PARTNERS


# --------------------------------------------------------------------------- edits a screen asks for


def edit_partner_field(workspace: Workspace, partner_id: int, field_name: str, raw: object) -> Change:
    """Parse what was typed, refuse it with a message (``FieldError``) or apply it as one undoable edit."""
    value = parse_field(field_name, raw)
    partner = workspace.network.partner(partner_id)
    if partner.value(field_name) == value:
        return Change.NONE
    if field_name in ("code", "name"):
        clash = next(
            (p for p in workspace.network.partners
             if p.id != partner_id and str(p.value(field_name)).casefold() == str(value).casefold()),
            None,
        )
        if clash is not None:
            raise FieldError(f"{FIELD_BY_NAME[field_name].label} '{value}' is already used by {clash.code}")
    return workspace.execute(SetPartnerField(partner_id, field_name, value))


def rename_network(workspace: Workspace, name: str) -> Change:
    name = checked_network_name(name)
    if name == workspace.network.name:
        return Change.NONE
    return workspace.execute(RenameNetwork(name))


def add_partner(workspace: Workspace, index: int | None = None) -> Partner:
    """A new partner with a unique placeholder code and name, ready to be edited in place."""
    partners = list(workspace.network.partners)
    n = len(partners) + 1
    taken = {p.code.casefold() for p in partners} | {p.name.casefold() for p in partners}
    while f"new{n}" in taken or f"new partner {n}" in taken:
        n += 1
    partner = Partner(id=workspace.new_partner_id(), code=f"NEW{n}", name=f"New partner {n}")
    partners.insert(len(partners) if index is None else index, partner)
    workspace.execute(ReplacePartners(f"add partner {partner.code}", tuple(partners)))
    return partner


def delete_partners(workspace: Workspace, partner_ids: list[int], *, hand_over: str | None = None,
                    to_partner: int | None = None) -> Change:
    """Delete partners as one undoable edit.

    Rows elsewhere that name them (checklist owners, seats, scores...) must be dealt with first: without
    ``hand_over`` a ``PartnerInUseError`` says what names them, so the screen can ask. ``hand_over="clear"``
    clears those references (removing rows that cannot exist without their partner); ``"reassign"`` hands them
    to ``to_partner``.
    """
    from imagingnet_desktop.workspace.network.partner_references import (
        DetachPartnerReferences,
        PartnerInUseError,
        describe_references,
    )

    doomed = set(partner_ids) & {p.id for p in workspace.network.partners}
    if not doomed:  # nothing (left) to delete: not an edit, so nothing to undo
        return Change.NONE
    codes = ", ".join(p.code for p in workspace.network.partners if p.id in doomed)
    remaining = tuple(p for p in workspace.network.partners if p.id not in doomed)
    references = workspace.partner_references(sorted(doomed))
    if not references:
        return workspace.execute(ReplacePartners(f"delete {codes}", remaining))
    asking = [r for r in references if not r.goes_with_partner]
    if asking and hand_over is None:
        raise PartnerInUseError(f"{codes} {'is' if len(doomed) == 1 else 'are'} named in "
                                f"{describe_references(asking)}", asking)
    if hand_over == "reassign" and (to_partner is None or to_partner in doomed
                                    or to_partner not in {p.id for p in remaining}):
        raise FieldError("Choose a remaining partner to hand the items to")
    detach = DetachPartnerReferences(tuple(sorted(doomed)), to_partner if hand_over == "reassign" else None)
    return workspace.execute(Batch(f"delete {codes}", [detach, ReplacePartners(f"delete {codes}", remaining)]))


def move_partner(workspace: Workspace, partner_id: int, new_index: int) -> Change:
    partners = list(workspace.network.partners)
    index = workspace.network.index_of(partner_id)
    new_index = max(0, min(new_index, len(partners) - 1))
    if new_index == index:
        return Change.NONE
    partner = partners.pop(index)
    partners.insert(new_index, partner)
    return workspace.execute(ReplacePartners(f"move {partner.code}", tuple(partners)))
