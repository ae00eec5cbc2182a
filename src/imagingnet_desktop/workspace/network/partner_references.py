"""What happens to the rows that name a partner when that partner is deleted.

Every collection names partners by ``partner_id`` with a foreign key (``ON DELETE RESTRICT``: the file itself
refuses a dangling reference). Before partners are deleted, ``DetachPartnerReferences`` hands each reference to
another partner, or clears it; a row that cannot exist without its partner (a partner's own score, its vote) is
removed. A row declared ``ON DELETE CASCADE`` belongs to its partner (a scenario's veto or custom votes for it)
and is removed with it without asking. Undo puts every row back exactly as it was, after the partner is back.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.wording import join_words
from imagingnet_desktop.store.tables.rows import PartnerReference
from imagingnet_desktop.workspace.changes import Change

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace


class PartnerInUseError(FieldError):
    """The partners to delete are named elsewhere: the caller must say what to do with those rows."""

    def __init__(self, summary: str, references: list[PartnerReference]) -> None:
        super().__init__(summary)
        self.references = references


def describe_references(references: list[PartnerReference]) -> str:
    """ "3 checklist items and 1 board position" """
    counts = Counter(r.table for r in references)
    parts = [f"{n} {table.replace('_', ' ').removesuffix('s') if n == 1 else table.replace('_', ' ')}"
             for table, n in counts.items()]
    return join_words(parts)


@dataclass
class DetachPartnerReferences:
    partner_ids: tuple[int, ...]
    reassign_to: int | None  # None: clear the reference (or remove a row that needs its partner)
    label: str = "hand over the partner's items"
    changed: list[PartnerReference] = field(default_factory=list)
    removed: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def do(self, workspace: Workspace) -> Change:
        self.changed, self.removed = [], {}
        doomed: dict[str, list[int]] = {}
        for reference in workspace.partner_references(list(self.partner_ids)):
            if reference.goes_with_partner:
                doomed.setdefault(reference.table, []).append(reference.row_id)
            elif self.reassign_to is not None or reference.nullable:
                workspace.set_partner_reference(reference, self.reassign_to)
                self.changed.append(reference)
            else:
                doomed.setdefault(reference.table, []).append(reference.row_id)
        for table, row_ids in doomed.items():
            self.removed[table] = workspace.take_rows(table, sorted(set(row_ids)))
        return _changed_areas(self.changed, self.removed)

    def undo(self, workspace: Workspace) -> Change:
        for table, rows in self.removed.items():
            workspace.put_back_rows(table, rows)
        for reference in self.changed:
            workspace.set_partner_reference(reference, reference.partner_id)
        return _changed_areas(self.changed, self.removed)


def _changed_areas(changed: list[PartnerReference], removed: dict[str, list[dict[str, Any]]]) -> Change:
    """Screens showing any collection refresh on PARTNERS too; that is the flag a partner's removal raises."""
    return Change.PARTNERS if changed or removed else Change.NONE
