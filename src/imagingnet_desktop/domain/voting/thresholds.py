"""Qualified majorities as boards write them: "two-thirds", "three-quarters", "2/3", "75%", kept exact.

A qualified majority is an exact ``Fraction`` of the votes (``2/3`` is two thirds, not 66.67%). It must be
more than one half: at a half or less, a motion and its opposite could both reach it, so it is no majority.
``parse_qualified`` reads what a person types; ``qualified_text`` writes it back the way it reads best (a
percentage when that is exact to 2 dp, else the fraction: ``75%``, ``66.67%``, ``2/3``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from imagingnet_desktop.domain.wording import plain_decimal

HALF = Fraction(1, 2)
MAX_DENOMINATOR = 1000

_NUMBERS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}
_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
          "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
          "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_WORDS = re.compile(r"([a-z]+)[\s-]+([a-z]+)")
_EXAMPLES = "two-thirds, three-quarters, 2/3 or 75%"


class ThresholdError(ValueError):
    """What was typed is not a qualified majority; the message says why and what to type."""


def parse_qualified(text: str) -> Fraction:
    """``"two-thirds"``, ``"2/3"``, ``"75%"``, ``"75"`` (a percentage), ``"0.75"`` or ``"at least 2/3"`` -> exact.

    Raises ``ThresholdError`` for anything else, for more than all the votes, and for a half or less.
    """
    shown = " ".join(text.split())[:40]
    cleaned = shown.lower().removeprefix("at least").strip().removesuffix("of the votes").strip()
    value = _read(cleaned)
    if value is None:
        raise ThresholdError(f"“{shown}” is not a qualified majority: type it as {_EXAMPLES}.")
    return checked_qualified(value)


def checked_qualified(value: Fraction) -> Fraction:
    """``value`` if it is a qualified majority (more than a half, at most all the votes), else ``ThresholdError``."""
    if value > 1:
        raise ThresholdError(f"A qualified majority is at most 100% of the votes (all of them), not "
                             f"{qualified_text(value)}.")
    if value <= HALF:
        raise ThresholdError(
            f"{qualified_text(value) if value > 0 else '0%'} is not a majority: at half of the votes or less, a "
            "motion and its opposite could both pass. A qualified majority must be more than 50%; for "
            "more than half, choose simple majority.")
    return value


def _read(cleaned: str) -> Fraction | None:
    words = _WORDS.fullmatch(cleaned)
    if words and words[1] in _NUMBERS and words[2] in _PARTS:
        return Fraction(_NUMBERS[words[1]], _PARTS[words[2]])
    bare = cleaned.replace(" ", "")
    try:
        if "/" in bare:
            top, bottom = bare.split("/", 1)
            numerator, denominator = int(top), int(bottom)
            if denominator <= 0 or numerator < 0 or denominator > MAX_DENOMINATOR:
                return None
            return Fraction(numerator, denominator)
        percent = bare.endswith("%")
        number = Decimal(bare.removesuffix("%"))
    except (ValueError, InvalidOperation):
        return None
    if not number.is_finite() or number < 0:
        return None
    exact = Fraction(number)
    return exact / 100 if percent or exact > 1 else exact


def exact_percent(value: Fraction) -> Decimal | None:
    """``value`` as a percentage when that is exact to 2 dp (``3/4`` -> 75, ``6667/10000`` -> 66.67), else None."""
    scaled = value * 10_000
    if scaled.denominator != 1:
        return None
    return plain_decimal(Decimal(scaled.numerator) / 100)


def qualified_text(value: Fraction) -> str:
    """``75%``, ``66.67%`` or ``2/3``: a percentage when it is exact to 2 dp, else the fraction."""
    percent = exact_percent(value)
    return f"{percent:f}%" if percent is not None else f"{value.numerator}/{value.denominator}"


def stored_text(value: Fraction) -> str:
    """How a workspace stores it: ``"2/3"``, ``"3/4"``, ``"1"`` (exact, read back with ``Fraction(text)``)."""
    return str(value)
