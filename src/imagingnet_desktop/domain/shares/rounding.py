"""Exact apportioning: share a total out to fixed decimal places so the parts add up exactly.

Everything here works on whole numbers over one common denominator, so it is exact and fast:
``int``, ``Fraction`` and ``Decimal`` inputs are accepted; floats are refused (they are not exact).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal
from fractions import Fraction
from functools import lru_cache

Exact = int | Fraction | Decimal

HUNDRED = Decimal("100.00")

# How shares shown to 2 dp are rounded, in the words every screen and draft uses (``largest_remainder``).
SHARES_ROUNDING_TEXT = (
    "Shares are shown to two decimal places, rounded to add up to 100.00%. Equal shares are always shown "
    "equal: where a last hundredth cannot go to all of them, each is rounded to the nearest hundredth, and "
    "the shares shown may then add up to a hundredth or two either side of 100.00%.")

_FAST = frozenset({int, Fraction, Decimal})

# Big enough that building a result Decimal never rounds it, however many digits it has.
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def integer_ratios(values: Iterable[Exact]) -> tuple[list[int], int]:
    """Return ``(numerators, denominator)`` with ``values[i] == numerators[i] / denominator`` exactly.

    Raises ``TypeError`` for a float or a non-number and ``ValueError`` for a NaN or infinite Decimal.
    """
    pairs: list[tuple[int, int]] = []
    for v in values:
        kind = type(v)  # exact type checks first (this runs on every slider move), subclasses after
        if kind is Decimal or (kind not in _FAST and isinstance(v, Decimal)):
            if not v.is_finite():  # type: ignore[union-attr]  # the exact type was checked above
                raise ValueError(f"{v} is not a finite number")
            pairs.append(v.as_integer_ratio())
        elif kind is int or (kind not in _FAST and kind is not bool and isinstance(v, int)):
            pairs.append((int(v), 1))
        elif kind is Fraction or (kind not in _FAST and isinstance(v, Fraction)):
            pairs.append((v.numerator, v.denominator))  # type: ignore[union-attr]
        else:
            raise TypeError(f"expected an int, Fraction or Decimal, not {kind.__name__} {v!r}")
    if not pairs:
        return [], 1
    den = math.lcm(*(d for _, d in pairs))
    return [n * (den // d) for n, d in pairs], den


def units_of(total: Exact, places: int) -> int:
    """``total`` as a whole number of ``10**-places`` units; ``ValueError`` if it is not one or is negative."""
    if places < 0:
        raise ValueError(f"places must be 0 or more, not {places}")
    (num,), den = integer_ratios([total])
    units, rest = divmod(num * 10**places, den)
    if rest or units < 0:
        raise ValueError(f"the total {total} is not a whole, non-negative number of {_unit_text(places)}")
    return int(units)


def largest_remainder(
    values: Sequence[Exact], total: Exact = HUNDRED, places: int = 2
) -> tuple[Decimal, ...]:
    """Apportion ``total`` in proportion to ``values``, to ``places`` decimals, the parts summing to ``total``
    unless that would tell equal values apart.

    Largest remainder (Hamilton) method, ties kept: each part first gets the whole number of units
    (``10**-places``) in its exact quota; the units left over go one each to the parts with the largest
    remainders. Where parts with equal remainders (equal values among them) could not all have one, none is
    preferred by its place in the list: each of them is rounded to the nearest unit instead (a half up), so
    the parts then add up to a few units more or less than ``total``. Each part is within one unit (strictly)
    of its exact quota, a zero value always gets zero, a larger value never gets less, equal values get
    equal parts, and reordering the values reorders the parts and changes nothing else.

    ``values`` are non-negative ``int``/``Fraction``/``Decimal`` (proportions or raw figures alike).
    Raises ``ValueError`` when a value is negative or they all are zero.
    """
    nums, _ = integer_ratios(values)
    units = units_of(total, places)
    if not nums:
        return ()
    if any(n < 0 for n in nums):
        raise ValueError("cannot apportion by a negative value")
    whole = sum(nums)
    if whole == 0:
        raise ValueError("the values total zero, so there is nothing to apportion by")
    return apportion(nums, whole, units, places)


def apportion(nums: Sequence[int], whole: int, units: int, places: int) -> tuple[Decimal, ...]:
    """The core of :func:`largest_remainder` on whole numbers: share ``units`` by ``nums[i] / whole``.

    Callers guarantee ``nums`` are non-negative and sum to ``whole > 0``.
    """
    quotas = [divmod(n * units, whole) for n in nums]
    floors = [q for q, _ in quotas]
    left = units - sum(floors)  # 0 <= left < len(nums)
    if left:
        remainders = sorted((r for _, r in quotas), reverse=True)
        cut = remainders[left - 1]  # the smallest remainder that gets a unit...
        split = left < len(remainders) and remainders[left] == cut  # ...unless its equals cannot all have one
        for i, (_, r) in enumerate(quotas):
            if r > cut or (r == cut and (not split or 2 * r >= whole)):
                floors[i] += 1
    return tuple(from_units(f, places) for f in floors)


@lru_cache(maxsize=65536)  # the same few thousand percents come back on every slider move
def from_units(units: int, places: int) -> Decimal:
    """``units * 10**-places`` as a Decimal showing exactly ``places`` decimals (``1234, 2 -> 12.34``)."""
    return Decimal(units).scaleb(-places, _EXACT)


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    """Round an exact value to ``places`` decimals, halves away from zero (so ``-x`` rounds to ``-(x)``)."""
    return round_ratio(value.numerator, value.denominator, places)


def _unit_text(places: int) -> str:
    return "whole units" if places == 0 else f"{from_units(1, places)}s"


def round_ratio(num: int, den: int, places: int = 2) -> Decimal:
    """``num / den`` (``den > 0``) rounded to ``places`` decimals, halves away from zero."""
    top = abs(num) * 10**places
    units = (2 * top + den) // (2 * den)
    return from_units(-units if num < 0 else units, places)


def exact_decimal(num: int, den: int) -> Decimal:
    """``num / den`` (``den > 0``) as an exact Decimal when ``den`` divides a power of ten.

    That holds for sums of ints and Decimals; anything else falls back to context division.
    """
    twos = fives = 0
    d = den
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return Decimal(num) / Decimal(den)
    places = max(twos, fives)
    return from_units(num * (10**places // den), places)
