"""Checking what goes into a share calculation (partner figures, blend weights) and wording what is wrong.

Kept apart from ``domain.shares`` so that module stays the calculation; the messages are for the
person at the keyboard and name the partner, the figure and what follows from it.
"""

from __future__ import annotations

import math
import numbers
from decimal import Decimal
from fractions import Fraction

from imagingnet_desktop.domain.wording import join_words


class BlendWeightError(ValueError):
    """A blend weight that cannot be used; ``str()`` is the user-facing message."""


def figure_problem(value: object) -> str:
    """Why a partner's figure cannot be used ('' if it can, or if it is missing).

    Validation normally refuses these before a ``Partner`` exists; this keeps the shares from
    dividing by, or apportioning, nonsense if one slips through.
    """
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
        return "not a number"
    if isinstance(value, Decimal) and not value.is_finite():
        return "not a finite number"
    if value < 0:
        return "negative"
    return ""


def read_weight(label: str, raw: object) -> Fraction:
    """A blend weight as an exact Fraction, or ``BlendWeightError`` naming the basis ``label``.

    A float is read as its shortest decimal form, so ``0.1`` means exactly one tenth.
    """
    kind = type(raw)
    if kind is int or kind is Fraction:  # the common cases, without the slower ABC checks below
        value: Fraction = Fraction(raw)  # type: ignore[call-overload]  # int or Fraction: checked above
        if value >= 0:
            return value
    where = f"The weight for {label}"
    if isinstance(raw, bool) or not isinstance(raw, numbers.Real | Decimal):
        raise BlendWeightError(f"{where} must be a number, not {raw!r}.")
    if isinstance(raw, Decimal):
        if raw.is_nan():
            raise BlendWeightError(f"{where} is not a number (NaN).")
        if raw.is_infinite():
            raise BlendWeightError(f"{where} is infinite; weights must be finite.")
        value = Fraction(raw)
    elif isinstance(raw, numbers.Rational):
        value = Fraction(int(raw.numerator), int(raw.denominator))
    else:
        as_float = float(raw)
        if math.isnan(as_float):
            raise BlendWeightError(f"{where} is not a number (NaN).")
        if math.isinf(as_float):
            raise BlendWeightError(f"{where} is infinite; weights must be finite.")
        value = Fraction(Decimal(repr(as_float)))
    if value < 0:
        raise BlendWeightError(f"{where} is negative ({raw}); weights must be zero or more.")
    return value


def missing_note(codes: list[str], noun: str, *, blend: bool) -> str:
    """E.g. 'EMV has no pay figure: the pay basis gives it 0% and cannot be relied on.'"""
    who = join_words(codes)
    one = len(codes) == 1
    has = "has" if one else "have"
    it = "it" if one else "them"
    if blend:
        return f"{who} {has} no {noun} figure: the blend counts {it} as 0 on {noun} and cannot be relied on."
    return f"{who} {has} no {noun} figure: the {noun} basis gives {it} 0% and cannot be relied on."


def article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"
