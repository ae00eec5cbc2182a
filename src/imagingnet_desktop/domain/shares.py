"""Shareholding: each trust's share of the partnership's risks and liabilities.

The white paper asks for shares on several bases so they can be checked and corroborated against
each other: activity volume, pay, direct non-pay, total operating cost and going-concern value,
and blends of them. Shares are exact ``Fraction`` proportions; the percentages shown are those
proportions apportioned to 2 dp by the largest remainder method, so they always add up to 100.00.

Nothing here raises for awkward data: a basis with no usable figures comes back with
``has_basis`` false and a plain ``reason``. Only bad blend weights raise (``BlendWeightError``).
The spread and gain/loss table that puts the bases side by side is in ``domain.share_table``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from fractions import Fraction

from .partner import Partner
from .rounding import HUNDRED, apportion, from_units, integer_ratios, largest_remainder, units_of

_PERCENT_UNITS = units_of(HUNDRED, 2)  # 10000 hundredths of a percent


class Basis(Enum):
    """A basis for shares: its stable report value, its label, the partner field it reads, and a noun."""

    ACTIVITY = ("activity", "Activity (examinations)", "imaging_exams_per_year", "activity")
    PAY = ("pay", "Pay", "pay_cost_gbp", "pay")
    NON_PAY = ("non_pay", "Direct non-pay", "direct_non_pay_gbp", "direct non-pay")
    TOTAL_COST = ("total_cost", "Total operating cost", "total_operating_cost_gbp", "total operating cost")
    VALUATION = ("valuation", "Going-concern value", "going_concern_value_gbp", "going-concern value")

    label: str
    field: str
    noun: str

    def __new__(cls, value: str, label: str, field_name: str, noun: str) -> Basis:
        member = object.__new__(cls)
        member._value_ = value
        member.label = label
        member.field = field_name
        member.noun = noun
        return member


class BlendWeightError(ValueError):
    """A blend weight that cannot be used; ``str()`` is the user-facing message."""


class _Outcome:
    """What basis and blend results have in common."""

    reason: str | None
    missing: tuple[tuple[int, str], ...]
    notes: tuple[str, ...]

    @property
    def has_basis(self) -> bool:
        return self.reason is None

    @property
    def is_complete(self) -> bool:
        """Every partner has every figure used (there may still be no basis: see ``has_basis``)."""
        return not self.missing

    @property
    def message(self) -> str:
        """One line for the UI: why there is no basis, or what to be wary of; empty when all is well."""
        return " ".join(([self.reason] if self.reason else []) + list(self.notes))


@dataclass(frozen=True)
class BasisShares(_Outcome):
    """Shares on one basis, or why there are none.

    ``figures`` holds each partner's figure as read (``None`` when missing); a missing figure is
    counted as 0, listed in ``missing`` as ``(partner_id, code)`` and explained in ``notes``.
    ``proportions`` and ``percents`` are keyed by partner id in partner order, and are empty
    when ``has_basis`` is false.
    """

    basis: Basis
    partner_ids: tuple[int, ...]
    figures: dict[int, Decimal | int | None]
    total: Decimal
    proportions: dict[int, Fraction]
    percents: dict[int, Decimal]
    missing: tuple[tuple[int, str], ...] = ()
    reason: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class BlendComponent:
    """One weighted basis in a blend: the weight as given, normalised exactly, and as a 2 dp percent."""

    basis: Basis
    weight: Fraction
    normalised: Fraction
    percent: Decimal


@dataclass(frozen=True)
class BlendShares(_Outcome):
    """Shares on a weighted blend of bases: ``share = Σ normalised weight × basis proportion``.

    ``components`` lists only the bases with a weight above zero, in ``Basis`` order.
    ``missing`` lists the partners lacking a figure on any of them. ``inputs`` are the basis
    results the blend was made from (for ``working``).
    """

    components: tuple[BlendComponent, ...]
    partner_ids: tuple[int, ...]
    proportions: dict[int, Fraction]
    percents: dict[int, Decimal]
    missing: tuple[tuple[int, str], ...] = ()
    reason: str | None = None
    notes: tuple[str, ...] = ()
    inputs: dict[Basis, BasisShares] = field(default_factory=dict, repr=False, compare=False)

    @property
    def formula(self) -> str:
        """E.g. ``share = 50.00% × Pay + 50.00% × Activity (examinations)``."""
        if not self.components:
            return "share = (no weighted bases)"
        return "share = " + " + ".join(f"{c.percent}% × {c.basis.label}" for c in self.components)

    def working(self, partner_id: int) -> str:
        """One partner's blend worked through with the shown (rounded) basis percents."""
        if not self.has_basis:
            return self.reason or ""
        terms = [f"{c.percent}% × {self.inputs[c.basis].percents[partner_id]}% ({c.basis.label})"
                 for c in self.components]
        return " + ".join(terms) + f" = {self.percents[partner_id]}%"


def equal_shares(n: int) -> tuple[Decimal, ...]:
    """``n`` equal shares to 2 dp summing to 100.00 (the odd hundredths go to the earliest partners)."""
    if n < 0:
        raise ValueError(f"cannot share among {n} partners")
    return largest_remainder([1] * n) if n else ()


def basis_shares(partners: Sequence[Partner], basis: Basis) -> BasisShares:
    """Each partner's share on ``basis``: its figure over the network total. Never raises on data."""
    ids = _ids(partners)
    figures: dict[int, Decimal | int | None] = {p.id: getattr(p, basis.field) for p in partners}
    missing = tuple((p.id, p.code) for p in partners if figures[p.id] is None)
    notes = (_missing_note([c for _, c in missing], basis, blend=False),) if missing else ()

    def no_basis(reason: str, total: Decimal = Decimal(0)) -> BasisShares:
        return BasisShares(basis, ids, figures, total, {}, {}, missing, reason, notes)

    if not partners:
        return no_basis(f"There are no partners yet, so there is no {basis.noun} basis.")
    if len(missing) == len(partners):
        return no_basis(f"No partner has {_a(basis.noun)} {basis.noun} figure yet.")
    for p in partners:
        bad = _bad_figure(figures[p.id])
        if bad:
            return no_basis(f"{p.code}'s {basis.noun} figure ({figures[p.id]}) is {bad}, "
                            f"so there is no {basis.noun} basis.")
    nums, den = integer_ratios(0 if v is None else v for v in figures.values())
    whole = sum(nums)
    total = Decimal(whole) if den == 1 else _exact_decimal(whole, den)
    if whole == 0:
        return no_basis(f"The {basis.noun} figures total zero, so there is no {basis.noun} basis.", total)
    return BasisShares(
        basis, ids, figures, total,
        {pid: Fraction(n, whole) for pid, n in zip(ids, nums, strict=True)},
        dict(zip(ids, apportion(nums, whole, _PERCENT_UNITS, 2), strict=True)),
        missing, None, notes,
    )


def blend_shares(
    partners: Sequence[Partner],
    weights: Mapping[Basis | str, Decimal | int | float | Fraction],
    *,
    bases: Mapping[Basis, BasisShares] | None = None,
) -> BlendShares:
    """Shares on a weighted blend of bases.

    Weights are any non-negative numbers, normalised exactly to sum to 1 (a float is read as its
    shortest decimal form, so 0.1 means one tenth). Bases weighted zero are left out. A weighted
    basis with no basis (no figures, or figures totalling zero) means the blend has none either:
    it is refused, not quietly dropped, so the weights shown are the weights used.
    ``bases`` may pass basis results already computed for these partners, to save recomputing.
    Raises ``BlendWeightError`` for a negative, NaN, infinite or non-numeric weight or an unknown basis.
    """
    given = _read_weights(weights)
    ids = _ids(partners)

    def no_basis(reason: str, components: tuple[BlendComponent, ...] = (),
                 inputs: dict[Basis, BasisShares] | None = None) -> BlendShares:
        return BlendShares(components, ids, {}, {}, (), reason, (), inputs or {})

    weighted = [(b, w) for b, w in given.items() if w > 0]
    if not given:
        return no_basis("No basis has a weight, so the blend has no basis.")
    if not weighted:
        return no_basis("The blend weights are all zero, so the blend has no basis.")
    wnums, wden = integer_ratios(w for _, w in weighted)
    wsum = sum(wnums)
    wpercents = apportion(wnums, wsum, _PERCENT_UNITS, 2)
    components = tuple(
        BlendComponent(b, w, Fraction(n, wsum), pct)
        for (b, w), n, pct in zip(weighted, wnums, wpercents, strict=True)
    )
    inputs = {b: (bases[b] if bases is not None and b in bases else basis_shares(partners, b))
              for b, _ in weighted}
    if not partners:
        return no_basis("There are no partners yet, so the blend has no basis.", components, inputs)
    refused = [_refusal(r) for r in inputs.values() if not r.has_basis]
    if refused:
        return no_basis(" ".join(refused), components, inputs)

    # Exact blend on whole numbers: partner i's share is Σ_b wnums[b] × p[b][i] over wsum,
    # with every basis's proportions put over one common denominator first.
    ratios = [integer_ratios(inputs[b].proportions.values()) for b, _ in weighted]
    common = math.lcm(*(den for _, den in ratios))
    blend = [0] * len(ids)
    for wn, (nums, den) in zip(wnums, ratios, strict=True):
        scale = wn * (common // den)
        for i, n in enumerate(nums):
            blend[i] += n * scale
    whole = wsum * common
    missing_ids = {pid for r in inputs.values() for pid, _ in r.missing}
    missing = tuple((p.id, p.code) for p in partners if p.id in missing_ids)
    notes = tuple(_missing_note([c for _, c in r.missing], b, blend=True)
                  for b, r in inputs.items() if r.missing)
    return BlendShares(
        components, ids,
        {pid: Fraction(n, whole) for pid, n in zip(ids, blend, strict=True)},
        dict(zip(ids, apportion(blend, whole, _PERCENT_UNITS, 2), strict=True)),
        missing, None, notes, inputs,
    )


def _ids(partners: Sequence[Partner]) -> tuple[int, ...]:
    ids = tuple(p.id for p in partners)
    if len(set(ids)) != len(ids):
        raise ValueError(f"partner ids must be distinct: {ids}")
    return ids


def _bad_figure(value: object) -> str:
    """Why a figure cannot be used ('' if it can). Validation normally stops these before a Partner."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
        return "not a number"
    if isinstance(value, Decimal) and not value.is_finite():
        return "not a finite number"
    if value < 0:
        return "negative"
    return ""


def _read_weights(weights: Mapping[Basis | str, object]) -> dict[Basis, Fraction]:
    """Check and convert the weights to exact Fractions, in ``Basis`` order."""
    read: dict[Basis, Fraction] = {}
    for key, raw in weights.items():
        try:
            basis = key if isinstance(key, Basis) else Basis(key)
        except ValueError:
            choices = ", ".join(b.value for b in Basis)
            raise BlendWeightError(f"'{key}' is not a basis; the bases are {choices}.") from None
        if basis in read:
            raise BlendWeightError(f"{basis.label} is given a weight twice.")
        read[basis] = _weight(basis, raw)
    return {b: read[b] for b in Basis if b in read}


def _weight(basis: Basis, raw: object) -> Fraction:
    where = f"The weight for {basis.label}"
    if isinstance(raw, bool) or not isinstance(raw, numbers.Real | Decimal):
        raise BlendWeightError(f"{where} must be a number, not {raw!r}.")
    if isinstance(raw, Decimal):
        if raw.is_nan():
            raise BlendWeightError(f"{where} is not a number (NaN).")
        if raw.is_infinite():
            raise BlendWeightError(f"{where} is infinite; weights must be finite.")
        value = Fraction(raw)
    elif isinstance(raw, numbers.Rational):
        value = Fraction(raw.numerator, raw.denominator)
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


def _refusal(result: BasisShares) -> str:
    label = result.basis.label
    if result.partner_ids and len(result.missing) == len(result.partner_ids):
        return f"{label} has no figures, so a blend using it has no basis."
    if result.total == 0 and result.partner_ids:
        return f"The {result.basis.noun} figures total zero, so a blend using {label} has no basis."
    return f"{label} has no basis ({result.reason}), so a blend using it has none either."


def _missing_note(codes: list[str], basis: Basis, *, blend: bool) -> str:
    who = _join(codes)
    one = len(codes) == 1
    has = "has" if one else "have"
    it = "it" if one else "them"
    if blend:
        return (f"{who} {has} no {basis.noun} figure: the blend counts {it} as 0 on "
                f"{basis.noun} and cannot be relied on.")
    return f"{who} {has} no {basis.noun} figure: the {basis.noun} basis gives {it} 0% and cannot be relied on."


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _a(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def _exact_decimal(num: int, den: int) -> Decimal:
    """``num / den`` as an exact Decimal; ``den`` divides a power of ten (it came from Decimals)."""
    twos = fives = 0
    d = den
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:  # not a decimal fraction (cannot happen for Decimal/int figures)
        return Decimal(num) / Decimal(den)
    places = max(twos, fives)
    return from_units(num * (10**places // den), places)
