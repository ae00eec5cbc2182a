"""Small wording helpers every domain area uses for messages a person reads."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal


def join_words(words: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def plain_decimal(number: Decimal) -> Decimal:
    """Without trailing zeros or an exponent: 75.50 -> 75.5, 150.00 -> 150, 1E+3 -> 1000."""
    normal = number.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal
