"""Dates as a person types them: ``31/03/2027`` (day first, the UK way), ``31/3/27``, ``2027-03-31``; and,
where a field counts from today (a due date), ``today``, ``tomorrow``, ``+7`` (days) and ``+2w`` (weeks)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from imagingnet_desktop.domain.field_error import FieldError

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_FROM_TODAY = re.compile(r"^\+\s*(\d{1,3})\s*([dw]?)$")


def parse_date(label: str, raw: str | date | None, *, today: date | None = None) -> date | None:
    """The date ``raw`` names; empty text (or ``None``) is no date. A ``date`` is returned as it is.

    Given ``today``, the shortcuts counting from it are accepted too. Raises ``FieldError`` naming ``label``.
    """
    if raw is None or isinstance(raw, date):
        return raw
    text = raw.strip().lower()
    if not text:
        return None
    if today is not None:
        if text in ("today", "tomorrow"):
            return today + timedelta(days=0 if text == "today" else 1)
        if match := _FROM_TODAY.match(text):
            count = int(match.group(1))
            return today + (timedelta(weeks=count) if match.group(2) == "w" else timedelta(days=count))
    try:
        if match := _DAY_FIRST.match(text):
            day, month, year = (int(g) for g in match.groups())
            return date(year + 2000 if year < 100 else year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        pass
    shortcuts = ", +7 (days from today) or +2w (weeks)" if today is not None else ""
    raise FieldError(f"{label} must be a date such as 31/03/2027{shortcuts}, not '{raw.strip()[:40]}'")


def show_date(value: date | None) -> str:
    """The date as the parser reads it back: ``31/03/2027``; no date is empty."""
    return "" if value is None else value.strftime("%d/%m/%Y")
