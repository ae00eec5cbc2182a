"""Figures as people type them: ``£1,234.50``, ``12.5%``, ``1_000``. A comma only ever separates thousands.

``12,5`` (a decimal comma) and ``1,2,3,4`` are refused rather than read as 125 and 1234.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from imagingnet_desktop.domain.field_error import FieldError
from imagingnet_desktop.domain.wording import plain_decimal

MAX_NUMBER = Decimal("1e15")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


def without_grouping(label: str, text: str) -> str:
    """``text`` with £, % and thousands separators removed. Raises ``ValueError`` with the message to show
    when a comma is anything other than a separator between groups of three digits."""
    bare = text.replace("£", "").replace("%", "").replace("_", "").strip()
    if "," not in bare:
        return bare
    if _GROUPED.fullmatch(bare):
        return bare.replace(",", "")
    shown = text if len(text) <= 40 else text[:39] + "…"
    if re.fullmatch(r"[+-]?\d+,\d{1,2}", bare) or re.fullmatch(r"[+-]?\d+,\d{4,}", bare):
        hint = "a decimal comma is not accepted: write it with a point (12.5)"
    else:
        hint = "a comma may only separate thousands, in groups of three (1,234.5); a decimal comma is not accepted"
    raise ValueError(f"{label} must be a number, not '{shown}': {hint}")


def parse_number(label: str, text: str, *, allow_negative: bool = False, places: int | None = 4,
                 kind: str = "a number") -> Decimal | None:
    """The finite number typed (``£``, ``%``, ``_`` and thousands separators allowed), without trailing zeros;
    empty text gives ``None``. ``places`` caps the decimal places (``None``: the caller checks); ``kind`` is
    what the message asks for. Raises ``FieldError`` naming ``label``."""
    try:
        cleaned = without_grouping(label, text)
    except ValueError as refused:
        raise FieldError(str(refused)) from None
    if not cleaned:
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise FieldError(f"{label} must be {kind}, not '{clip(text.strip())}'") from None
    if number.is_nan():
        raise FieldError(f"{label} is not a number (NaN)")
    if number.is_infinite():
        raise FieldError(f"{label} must be a finite number, not infinity")
    if number < 0 and not allow_negative:
        raise FieldError(f"{label} cannot be negative ({clip(text.strip())})")
    if abs(number) >= MAX_NUMBER:
        raise FieldError(f"{label} is too large ({clip(text.strip())})")
    if places is not None and number.as_tuple().exponent < -places:  # type: ignore[operator]
        raise FieldError(f"{label} allows at most {places} decimal places")
    return plain_decimal(number)


def parse_whole(label: str, text: str, *, low: int, high: int) -> int | None:
    """A whole number from ``low`` to ``high`` (``1,200`` is 1200); empty text gives ``None``."""
    number = parse_number(label, text, allow_negative=low < 0, places=None, kind="a whole number")
    if number is None:
        return None
    if number != number.to_integral_value():
        raise FieldError(f"{label} must be a whole number, not {clip(text.strip())}")
    if not low <= number <= high:
        raise FieldError(f"{label} must be from {low:,} to {high:,}, not {clip(text.strip())}")
    return int(number)


def clip(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters (with an ellipsis) for quoting back in a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
