"""Which record entries a filter shows: by type, partner (the owner), status (overdue included) and text.

Fast on thousands of entries: each entry's searchable text is put together once (``search_text``) and kept
by the caller while the entry is unchanged; a filter then checks a few fields and one substring per entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from imagingnet_desktop.domain.record.entries import (
    STEP_LABELS,
    WORKSTREAM_LABELS,
    EntryKind,
    EntryStatus,
    RecordEntry,
)

OVERDUE = "overdue"  # a status filter beyond the stored ones: open actions past their due date


@dataclass(frozen=True)
class EntryFilter:
    kind: EntryKind | None = None
    partner_id: int | None = None
    status: EntryStatus | str | None = None  # an EntryStatus, OVERDUE, or None for any
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self.kind is None and self.partner_id is None and self.status is None and not self.text.strip()


def search_text(entry: RecordEntry, codes: Mapping[int, str]) -> str:
    """Everything a text search looks in, case-folded: the text, person, owner, step, workstream, type."""
    parts = [entry.text, entry.person, entry.kind.label, f"#{entry.id}"]
    if entry.owner_partner_id is not None:
        parts.append(codes.get(entry.owner_partner_id, ""))
    if entry.step:
        parts.append(STEP_LABELS.get(entry.step, entry.step))
    if entry.workstream:
        parts.append(WORKSTREAM_LABELS.get(entry.workstream, entry.workstream))
    return "\n".join(parts).casefold()


def matching(entries: Iterable[tuple[RecordEntry, str]], chosen: EntryFilter, today: date) -> list[RecordEntry]:
    """The entries (each given with its ``search_text``) the filter shows, in their order.

    The text is split into words; an entry shows when it contains every word."""
    words = chosen.text.casefold().split()
    kind, partner, status = chosen.kind, chosen.partner_id, chosen.status
    shown = []
    for entry, haystack in entries:
        if kind is not None and entry.kind != kind:
            continue
        if partner is not None and entry.owner_partner_id != partner:
            continue
        if status == OVERDUE:
            if not entry.is_overdue(today):
                continue
        elif status is not None and entry.status != status:
            continue
        if words and not all(w in haystack for w in words):
            continue
        shown.append(entry)
    return shown
