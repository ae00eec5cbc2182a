"""Record entries: what a valid entry is, due dates as typed, overdue, and the log filter."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.record.entries import (
    EntryKind,
    EntryStatus,
    RecordEntry,
    validate_entry,
)
from imagingnet_desktop.domain.record.log_filter import OVERDUE, EntryFilter, matching, search_text
from imagingnet_desktop.domain.typed_dates import parse_date

TODAY = date(2026, 12, 1)


def test_text_is_tidied_and_refused_when_empty_or_with_control_characters() -> None:
    entry = validate_entry(RecordEntry(0, EntryKind.DECISION, "  Go   to the SOC ", status=EntryStatus.RECORDED),
                           set())
    assert entry.text == "Go to the SOC"
    with pytest.raises(FieldError, match="cannot be empty"):
        validate_entry(RecordEntry(0, EntryKind.ISSUE, "   "), set())
    with pytest.raises(FieldError, match="control characters"):
        validate_entry(RecordEntry(0, EntryKind.ISSUE, "two\nlines"), set())
    with pytest.raises(FieldError, match="at most"):
        validate_entry(RecordEntry(0, EntryKind.ISSUE, "x" * 2001), set())


def test_status_must_suit_the_kind_and_links_must_exist() -> None:
    with pytest.raises(FieldError, match="Decision can be recorded"):
        validate_entry(RecordEntry(0, EntryKind.DECISION, "a", status=EntryStatus.OPEN), set())
    with pytest.raises(FieldError, match="no programme step"):
        validate_entry(RecordEntry(0, EntryKind.ACTION, "a", step="nope"), set())
    with pytest.raises(FieldError, match="no workstream"):
        validate_entry(RecordEntry(0, EntryKind.ACTION, "a", workstream="legal"), set())
    with pytest.raises(FieldError, match="no longer a partner"):
        validate_entry(RecordEntry(0, EntryKind.ACTION, "a", owner_partner_id=9), {1, 2})
    assert validate_entry(RecordEntry(0, EntryKind.ACTION, "a", owner_partner_id=2, step="obc",
                                      workstream="finance"), {1, 2}).owner_partner_id == 2


@pytest.mark.parametrize(("typed", "expected"), [
    ("", None), ("+7", date(2026, 12, 8)), ("+2w", date(2026, 12, 15)), ("today", TODAY),
    ("tomorrow", date(2026, 12, 2)), ("2027-01-31", date(2027, 1, 31)), ("8/12/2026", date(2026, 12, 8)),
    ("8.1.27", date(2027, 1, 8)),
])
def test_due_dates_as_typed(typed: str, expected: date | None) -> None:
    assert parse_date("The due date", typed, today=TODAY) == expected


@pytest.mark.parametrize("typed", ["soon", "31/2/2026", "+", "2026-13-01"])
def test_a_due_date_that_is_not_one_is_refused_with_the_forms_that_work(typed: str) -> None:
    with pytest.raises(FieldError, match=r"The due date must be a date such as 31/03/2027, \+7 \(days from today\) "
                                         r"or \+2w \(weeks\), not "):
        parse_date("The due date", typed, today=TODAY)


def test_only_an_open_action_past_its_due_date_is_overdue() -> None:
    action = RecordEntry(1, EntryKind.ACTION, "a", due=date(2026, 11, 30))
    assert action.is_overdue(TODAY)
    assert not RecordEntry(1, EntryKind.ACTION, "a", due=TODAY).is_overdue(TODAY)
    assert not RecordEntry(1, EntryKind.ACTION, "a", due=date(2026, 11, 30), status=EntryStatus.DONE
                           ).is_overdue(TODAY)
    assert not RecordEntry(1, EntryKind.ISSUE, "a", due=date(2026, 11, 30)).is_overdue(TODAY)


ENTRIES = [
    RecordEntry(1, EntryKind.DECISION, "Proceed to the SOC", status=EntryStatus.RECORDED, step="soc"),
    RecordEntry(2, EntryKind.ACTION, "Send the MOU draft", owner_partner_id=1, person="Ann Lee",
                due=date(2026, 11, 1)),
    RecordEntry(3, EntryKind.ACTION, "Cost the PACS contract", owner_partner_id=2, workstream="finance",
                due=date(2027, 1, 1)),
    RecordEntry(4, EntryKind.ISSUE, "Who hosts the PACS team?", owner_partner_id=2),
    RecordEntry(5, EntryKind.ACTION, "Book the room", owner_partner_id=1, status=EntryStatus.DONE),
]
CODES = {1: "NSH", 2: "KBD"}


def shown(chosen: EntryFilter) -> list[int]:
    return [e.id for e in matching(((e, search_text(e, CODES)) for e in ENTRIES), chosen, TODAY)]


def test_filter_by_type_partner_status_and_text() -> None:
    assert shown(EntryFilter()) == [1, 2, 3, 4, 5]
    assert shown(EntryFilter(kind=EntryKind.ACTION)) == [2, 3, 5]
    assert shown(EntryFilter(partner_id=2)) == [3, 4]
    assert shown(EntryFilter(status=EntryStatus.OPEN)) == [2, 3, 4]
    assert shown(EntryFilter(status=OVERDUE)) == [2]
    assert shown(EntryFilter(text="pacs")) == [3, 4]
    assert shown(EntryFilter(text="PACS finance")) == [3]  # every word, in any field
    assert shown(EntryFilter(text="kbd")) == [3, 4]  # the owner's code
    assert shown(EntryFilter(text="ann")) == [2]  # the person
    assert shown(EntryFilter(kind=EntryKind.ACTION, partner_id=1, status=EntryStatus.DONE, text="room")) == [5]


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="pacsmouABC ", max_size=8), st.sampled_from([None, *EntryKind]),
       st.sampled_from([None, 1, 2]))
def test_the_filter_shows_exactly_the_entries_meeting_every_condition(text: str, kind: EntryKind | None,
                                                                      partner: int | None) -> None:
    words = text.casefold().split()
    expected = [e.id for e in ENTRIES if (kind is None or e.kind is kind)
                and (partner is None or e.owner_partner_id == partner)
                and all(w in search_text(e, CODES) for w in words)]
    assert shown(EntryFilter(kind, partner, None, text)) == expected
