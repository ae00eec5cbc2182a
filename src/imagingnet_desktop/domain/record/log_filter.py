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


_KIND_LABELS = {kind: kind.label for kind in EntryKind}


def search_text(entry: RecordEntry, codes: Mapping[int, str]) -> str:
    """Everything a text search looks in, case-folded: the text, person, owner, step, workstream, type."""
    owner = codes.get(entry.owner_partner_id, "") if entry.owner_partner_id is not None else ""
    step = STEP_LABELS.get(entry.step, entry.step) if entry.step else ""
    workstream = WORKSTREAM_LABELS.get(entry.workstream, entry.workstream) if entry.workstream else ""
    return (f"{entry.text}\n{entry.person}\n{_KIND_LABELS[entry.kind]}\n#{entry.id}\n{owner}\n{step}\n"
            f"{workstream}").casefold()


def matching(entries: Iterable[tuple[RecordEntry, str]], chosen: EntryFilter, today: date) -> list[RecordEntry]:
    """The entries (each given with its ``search_text``) the filter shows, in their order.

    The text is split into words; an entry shows when it contains every word."""
    words = chosen.text.casefold().split()
    kind, partner, status = chosen.kind, chosen.partner_id, chosen.status
    if kind is None and partner is None and status is None:  # text alone: the common search, kept tight
        if len(words) == 1:
            word = words[0]
            return [entry for entry, haystack in entries if word in haystack]
        return [entry for entry, haystack in entries if all(w in haystack for w in words)]
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
