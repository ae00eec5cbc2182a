"""Small wording helpers every domain area uses for messages a person reads."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal


def join_words(words: Sequence[str], conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C' (or another ``conjunction``: 'A, B or C'); nothing gives ''."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def plain_decimal(number: Decimal) -> Decimal:
    """Without trailing zeros or an exponent: 75.50 -> 75.5, 150.00 -> 150, 1E+3 -> 1000."""
    normal = number.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal
