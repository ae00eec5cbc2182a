"""The typed-value rules every area shares: one line (or a note) of text, a number, a date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.field_error import FieldError
from imagingnet_desktop.domain.number_text import parse_number, parse_whole
from imagingnet_desktop.domain.typed_dates import parse_date, show_date
from imagingnet_desktop.domain.typed_text import clean_text

TODAY = date(2026, 12, 1)


def test_one_line_is_tidied_and_refused_when_empty_too_long_or_with_control_characters() -> None:
    assert clean_text("The title", "  Go   to\tthe SOC ".replace("\t", " "), limit=20) == "Go to the SOC"
    assert clean_text("The person", "  ", limit=20, required=False) == ""
    with pytest.raises(FieldError, match="^The title cannot be empty$"):
        clean_text("The title", "   ", limit=20)
    with pytest.raises(FieldError, match="^Give it a name$"):
        clean_text("The title", "", limit=20, if_empty="Give it a name")
    with pytest.raises(FieldError, match="^The title is 2,001 characters long; at most 2,000 are allowed$"):
        clean_text("The title", "x" * 2001, limit=2000)
    with pytest.raises(FieldError, match=r"^The title cannot contain control characters or line breaks "
                                         r"\(it holds U\+000A at character 4\)$"):
        clean_text("The title", "two\nlines", limit=20)


@pytest.mark.parametrize("bad", ["\x00", "\x1b[2J", "\t", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\r"])
def test_every_control_character_is_refused_in_one_line(bad: str) -> None:
    with pytest.raises(FieldError, match="control characters"):
        clean_text("The title", f"a{bad}b", limit=20)


def test_a_note_keeps_its_lines_and_refuses_other_control_characters() -> None:
    assert clean_text("The note", "\n first  line \r\nsecond\n\n", limit=50, lines=True) == "first line\nsecond"
    with pytest.raises(FieldError, match=r"^The note cannot contain control characters \(it holds U\+2028"):
        clean_text("The note", "a\u2028b", limit=50, lines=True)
    with pytest.raises(FieldError, match="control characters"):
        clean_text("The note", "bell\x07", limit=50, lines=True)


@settings(max_examples=50)
@given(st.text(max_size=30))
def test_cleaned_text_never_holds_a_control_character(text: str) -> None:
    try:
        cleaned = clean_text("The title", text, limit=30, required=False)
    except FieldError:
        return
    assert cleaned == " ".join(cleaned.split()) and all(ord(ch) >= 32 and not 0x7F <= ord(ch) < 0xA0
                                                        for ch in cleaned)


@pytest.mark.parametrize(("typed", "number"), [("£1,250,000", Decimal(1250000)), ("12.50%", Decimal("12.5")),
                                               ("1_000", Decimal(1000)), ("", None), ("1,234.5", Decimal("1234.5"))])
def test_numbers_as_typed(typed: str, number: Decimal | None) -> None:
    assert parse_number("Amount", typed) == number


@pytest.mark.parametrize(("typed", "words"), [
    ("12,5", "a decimal comma is not accepted"), ("1,2,3,4", "groups of three"), ("lots", "must be a number"),
    ("-1", "cannot be negative"), ("Infinity", "finite"), ("NaN", "not a number"), ("1e15", "too large"),
    ("1.23456", "at most 4 decimal places"),
])
def test_numbers_refused_with_the_reason(typed: str, words: str) -> None:
    with pytest.raises(FieldError, match=words):
        parse_number("Amount", typed)


def test_whole_numbers_in_a_range() -> None:
    assert parse_whole("A term", "1,200", low=0, high=5000) == 1200
    assert parse_whole("A term", " ", low=1, high=10) is None
    with pytest.raises(FieldError, match="whole number"):
        parse_whole("A term", "2.5", low=1, high=10)
    with pytest.raises(FieldError, match="^A term must be from 1 to 10, not 11$"):
        parse_whole("A term", "11", low=1, high=10)
    with pytest.raises(FieldError, match="decimal comma"):
        parse_whole("A term", "1,5", low=1, high=10)


def test_dates_day_first_or_iso_and_shortcuts_only_where_a_field_counts_from_today() -> None:
    assert parse_date("The date", "31/03/2027") == date(2027, 3, 31) == parse_date("The date", "2027-03-31")
    assert parse_date("The date", "31.3.27") == date(2027, 3, 31)
    assert parse_date("The date", date(2027, 1, 1)) == date(2027, 1, 1)
    assert parse_date("The date", None) is None and parse_date("The date", " ") is None
    assert parse_date("The due date", "+2w", today=TODAY) == date(2026, 12, 15)
    with pytest.raises(FieldError, match=r"^The date must be a date such as 31/03/2027, not '\+7'$"):
        parse_date("The date", "+7")
    with pytest.raises(FieldError, match="^The date must be a date such as 31/03/2027, not '31/02/2027'$"):
        parse_date("The date", "31/02/2027")
    assert show_date(date(2027, 3, 1)) == "01/03/2027" and show_date(None) == ""
