"""Turn what a user typed into a Control field value, or say why not (``FieldError``, a message for the keyboard)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from imagingnet_desktop.domain.network.partner_fields import FieldError

MAX_TITLE_LENGTH = 120
MAX_NUMBER = Decimal("1e15")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def clean_text(label: str, text: str, *, required: bool = True, limit: int = MAX_TITLE_LENGTH) -> str:
    """One line of text, spaces tidied; refuses empty (when required), too long, or control characters."""
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in text):
        raise FieldError(f"{label} cannot contain line breaks or control characters.")
    tidy = " ".join(text.split())
    if required and not tidy:
        raise FieldError(f"{label} cannot be empty.")
    if len(tidy) > limit:
        raise FieldError(f"{label} is {len(tidy)} characters long; at most {limit} are allowed.")
    return tidy


def parse_decimal(label: str, text: str, *, allow_negative: bool = False) -> Decimal | None:
    """A finite number (``£``, ``%`` and thousands separators allowed); empty gives ``None``."""
    cleaned = text.replace(",", "").replace("£", "").replace("%", "").replace("_", "").strip()
    if not cleaned:
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise FieldError(f"{label} must be a number, not “{text.strip()[:40]}”.") from None
    if not number.is_finite():
        raise FieldError(f"{label} must be a finite number.")
    if number < 0 and not allow_negative:
        raise FieldError(f"{label} cannot be negative ({text.strip()[:40]}).")
    if abs(number) >= MAX_NUMBER:
        raise FieldError(f"{label} is too large ({text.strip()[:40]}).")
    if number.as_tuple().exponent < -4:  # type: ignore[operator]
        raise FieldError(f"{label} allows at most 4 decimal places.")
    normal = number.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def parse_whole(label: str, text: str, *, low: int, high: int) -> int | None:
    """A whole number from ``low`` to ``high``; empty gives ``None``."""
    number = parse_decimal(label, text, allow_negative=True)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise FieldError(f"{label} must be a whole number, not {text.strip()[:40]}.")
    if not low <= number <= high:
        raise FieldError(f"{label} must be from {low} to {high}, not {number}.")
    return int(number)


def parse_date(label: str, text: str) -> date | None:
    """``2027-03-31`` or ``31/03/2027`` (day first, the UK way); empty gives ``None``."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        found = _DAY_FIRST.match(cleaned)
        if found:
            day, month, year = (int(g) for g in found.groups())
            return date(year, month, day)
        return date.fromisoformat(cleaned)
    except ValueError:
        raise FieldError(f"{label} must be a date such as 31/03/2027, not “{cleaned[:40]}”.") from None


def show_date(value: date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


def show_number(value: Decimal | None) -> str:
    """``1234567.5`` -> ``1,234,567.5``; ``None`` -> ``""``."""
    if value is None:
        return ""
    return f"{value:,f}"


def parse_partner_codes(label: str, text: str, partners: list[tuple[int, str]]) -> list[int]:
    """``"NSH, kbd"`` -> the partners' ids in the order typed (commas, spaces or arrows between codes)."""
    by_code = {code.casefold(): pid for pid, code in partners}
    found: list[int] = []
    for word in re.split(r"[\s,;→>+]+", text.strip()):
        if not word:
            continue
        pid = by_code.get(word.casefold())
        if pid is None:
            known = ", ".join(code for _, code in partners) or "none yet"
            raise FieldError(f"{label}: “{word[:20]}” is not a partner's code (the codes are {known}).")
        if pid in found:
            raise FieldError(f"{label}: {word} is named twice.")
        found.append(pid)
    return found
