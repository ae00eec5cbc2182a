"""The programme's rows (one table each) and the checks a value passes before it is saved.

Each check raises ``FieldError`` with a message for the person at the keyboard; nothing is saved then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.number_text import parse_number
from imagingnet_desktop.domain.programme.steps import ItemStatus, StepId, WorkstreamId
from imagingnet_desktop.domain.typed_text import clean_text

MAX_ITEM_TEXT = 500
MAX_NOTE = 2000
MAX_EVIDENCE = 1000


@dataclass(frozen=True)
class ChecklistItem:
    """One thing a step asks of a workstream, where the partners have got to with it and who carries it."""

    id: int
    step_id: StepId
    workstream_id: WorkstreamId
    text: str
    status: ItemStatus = ItemStatus.NOT_STARTED
    owner_partner_id: int | None = None
    due: date | None = None
    note: str = ""
    evidence: str = ""  # free text, or the path of a file that shows it is done

    def is_overdue(self, today: date) -> bool:
        """Due before today and neither agreed nor set aside as not applicable."""
        return (self.due is not None and self.due < today
                and self.status not in (ItemStatus.AGREED, ItemStatus.NOT_APPLICABLE))


@dataclass(frozen=True)
class ProgrammeStep:
    """A step of the programme with its target dates (either may be unset)."""

    id: int
    step_id: StepId
    name: str
    start_date: date | None = None
    end_date: date | None = None


@dataclass(frozen=True)
class ProgrammeTarget:
    """The share of a cell's applicable items that should be agreed before the programme leaves the step."""

    id: int
    step_id: StepId
    workstream_id: WorkstreamId
    target_pct: int  # 0..100


# ---------------------------------------------------------------------------- checks


def item_text(raw: str) -> str:
    return clean_text("The item", raw, limit=MAX_ITEM_TEXT)


def note_text(raw: str) -> str:
    return clean_text("The note", raw, limit=MAX_NOTE, required=False, lines=True)


def evidence_text(raw: str) -> str:
    return clean_text("The evidence", raw, limit=MAX_EVIDENCE, required=False)


def step_name(raw: str) -> str:
    return clean_text("The step's name", raw, limit=120)


def target_pct(raw: object) -> int:
    """A target as a whole percent 0-100 ("80", "80%", 80)."""
    value = parse_number("The target", str(raw), places=None)
    if value is None:
        raise FieldError("The target must be a percentage from 0 to 100, not ''")
    if value > 100:
        raise FieldError(f"The target must be from 0 to 100%, not {str(raw).strip()[:40]}")
    return round(value)


def check_dates(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise FieldError(f"The step cannot end ({end:%d/%m/%Y}) before it starts ({start:%d/%m/%Y})")
