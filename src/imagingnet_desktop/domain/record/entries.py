"""Record entries: the decisions, actions and open issues a facilitator types during a workshop.

One concept, one table: every entry has a kind and a status, so the log is one list that filters fast by
type, partner, status and text. Programme steps and workstreams are named by their ids ("mou"... and
"strategic"...); a decision may name the reserved matter it settled (``reserved_matter_id``, a row of the Control
tab's register). A decision made by a motion names it (``motion_id``) and is never edited; so is the decision that
moved the programme's current step on (``moved_to_step``: undoing the move removes it with the move).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.typed_text import clean_text

MAX_TEXT_LENGTH = 2000
MAX_PERSON_LENGTH = 120

STEPS: tuple[tuple[str, str], ...] = (
    ("mou", "MOU"),
    ("soc", "SOC"),
    ("obc", "OBC"),
    ("fbc", "FBC"),
    ("implementation", "Implementation"),
    ("monitoring", "Monitoring"),
)
WORKSTREAMS: tuple[tuple[str, str], ...] = (
    ("strategic", "Strategic"),
    ("operations", "Operations"),
    ("finance", "Finance"),
    ("commercial", "Commercial"),
)
STEP_LABELS = dict(STEPS)
WORKSTREAM_LABELS = dict(WORKSTREAMS)


class EntryKind(StrEnum):
    DECISION = "decision"
    ACTION = "action"
    ISSUE = "issue"

    @property
    def label(self) -> str:
        return {"decision": "Decision", "action": "Action", "issue": "Open issue"}[self.value]


class EntryStatus(StrEnum):
    RECORDED = "recorded"  # a decision
    OPEN = "open"  # an action or an issue still to settle
    DONE = "done"  # an action carried out
    DROPPED = "dropped"  # an action no longer needed
    RESOLVED = "resolved"  # an issue settled

    @property
    def label(self) -> str:
        return self.value.capitalize()


STATUSES_OF: dict[EntryKind, tuple[EntryStatus, ...]] = {
    EntryKind.DECISION: (EntryStatus.RECORDED,),
    EntryKind.ACTION: (EntryStatus.OPEN, EntryStatus.DONE, EntryStatus.DROPPED),
    EntryKind.ISSUE: (EntryStatus.OPEN, EntryStatus.RESOLVED),
}


@dataclass(frozen=True)
class RecordEntry:
    id: int
    kind: EntryKind
    text: str
    entry_date: date | None = None  # when decided / raised
    step: str | None = None
    workstream: str | None = None
    reserved_matter_id: int | None = None
    owner_partner_id: int | None = None
    person: str = ""
    due: date | None = None
    status: EntryStatus = EntryStatus.OPEN
    motion_id: int | None = None  # the motion whose revealed result this decision records
    moved_to_step: str | None = None  # this decision moved the programme on from ``step`` to this step

    @property
    def fixed(self) -> bool:
        """A decision the app made from a revealed motion or a move of the programme's step: never edited."""
        return self.motion_id is not None or self.moved_to_step is not None

    def is_overdue(self, today: date) -> bool:
        """An open action whose due date has passed (due today is not yet overdue)."""
        return (self.kind is EntryKind.ACTION and self.status is EntryStatus.OPEN and self.due is not None
                and self.due < today)


def default_status(kind: EntryKind) -> EntryStatus:
    return STATUSES_OF[kind][0]


def validate_entry(entry: RecordEntry, partner_ids: frozenset[int] | set[int]) -> RecordEntry:
    """The entry with its text tidied; raises ``FieldError`` saying what to fix."""
    kind, status = EntryKind(entry.kind), EntryStatus(entry.status)  # a str from a form becomes the enum
    text = clean_text("The text", entry.text, limit=MAX_TEXT_LENGTH,
                      if_empty="The text cannot be empty: type what was said, then press Enter")
    person = clean_text("The person", entry.person, limit=MAX_PERSON_LENGTH, required=False)
    if status not in STATUSES_OF[kind]:
        allowed = ", ".join(s.label.lower() for s in STATUSES_OF[kind])
        raise FieldError(f"{kind.label} can be {allowed}, not {status.label.lower()}.")
    if entry.step is not None and entry.step not in STEP_LABELS:
        raise FieldError(f"There is no programme step '{entry.step}'.")
    if entry.workstream is not None and entry.workstream not in WORKSTREAM_LABELS:
        raise FieldError(f"There is no workstream '{entry.workstream}'.")
    if entry.owner_partner_id is not None and entry.owner_partner_id not in partner_ids:
        raise FieldError("The owner is no longer a partner in the network.")
    if entry.reserved_matter_id is not None and entry.reserved_matter_id < 1:
        raise FieldError("A reserved matter is numbered from 1.")
    if entry.moved_to_step is not None and entry.moved_to_step not in STEP_LABELS:
        raise FieldError(f"There is no programme step '{entry.moved_to_step}'.")
    return RecordEntry(entry.id, kind, text, entry.entry_date, entry.step, entry.workstream,
                       entry.reserved_matter_id, entry.owner_partner_id, person, entry.due, status,
                       entry.motion_id, entry.moved_to_step)
