"""Shareholding: each trust's share of the partnership's risks and liabilities.

The white paper asks for shares on several bases so they can be checked and corroborated against
each other: activity volume, pay, direct non-pay, total operating cost and going-concern value,
and blends of them. Shares are exact ``Fraction`` proportions; the percentages shown are those
proportions apportioned to 2 dp by the largest remainder method with ties kept (equal shares shown equal), so
they add up to 100.00 unless equal shares could not all take a last hundredth.

Nothing here raises for awkward data: a basis with no usable figures comes back with
``has_basis`` false and a plain ``reason``. Only bad blend weights raise (``BlendWeightError``).
``share_table`` puts it all side by side for the Shares tab: every basis, the blend, each
partner's spread across the bases and its gain or loss against equal shares.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum
from fractions import Fraction

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.network.partners_cache import PartnersCache
from imagingnet_desktop.domain.shares.inputs import (
    BlendWeightError,
    article,
    figure_problem,
    missing_note,
    read_weight,
)
from imagingnet_desktop.domain.shares.rounding import (
    HUNDRED,
    apportion,
    exact_decimal,
    integer_ratios,
    largest_remainder,
    round_ratio,
    units_of,
)

__all__ = [
    "Basis", "BasisShares", "BlendComponent", "BlendShares", "BlendWeightError", "PartnerSpread",
    "ShareTable", "basis_shares", "blend_shares", "equal_shares", "largest_remainder", "share_table",
]

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

    @classmethod
    def of(cls, value: object) -> Basis:
        """The basis with this stored value (``ValueError`` if none has it)."""
        return cls(value)  # type: ignore[call-arg, arg-type]  # Enum lookup by value; mypy reads it as __new__


Weight = Decimal | int | float | Fraction
BlendWeights = Mapping[Basis, Weight] | Mapping[str, Weight] | Mapping[Basis | str, Weight]  # by basis or its value


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
    # The proportions as (numerators in partner order, common denominator), for fast exact sums.
    _scaled: tuple[tuple[int, ...], int] = field(default=((), 1), repr=False, compare=False)


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
    # The proportions as (numerators in partner order, common denominator), for fast exact sums.
    _scaled: tuple[tuple[int, ...], int] = field(default=((), 1), repr=False, compare=False)

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
    """``n`` equal shares to 2 dp: each 100/n rounded to the nearest hundredth, all alike."""
    if n < 0:
        raise ValueError(f"cannot share among {n} partners")
    return largest_remainder([1] * n) if n else ()


def basis_shares(partners: Sequence[Partner], basis: Basis) -> BasisShares:
    """Each partner's share on ``basis``: its figure over the network total. Never raises on data."""
    ids = _ids(partners)
    figures: dict[int, Decimal | int | None] = {}
    missing_list: list[tuple[int, str]] = []
    bad: tuple[str, object, str] | None = None
    for p in partners:
        value = figures[p.id] = getattr(p, basis.field)
        if value is None:
            missing_list.append((p.id, p.code))
        elif bad is None and (type(value) is not Decimal or not value.is_finite() or value < 0):
            problem = figure_problem(value)
            bad = (p.code, value, problem) if problem else None
    missing = tuple(missing_list)
    notes = (missing_note([c for _, c in missing], basis.noun, blend=False),) if missing else ()

    def no_basis(reason: str, total: Decimal = Decimal(0)) -> BasisShares:
        return BasisShares(basis, ids, figures, total, {}, {}, missing, reason, notes)

    if not partners:
        return no_basis(f"There are no partners yet, so there is no {basis.noun} basis.")
    if len(missing) == len(partners):  # the reason says it all; a note that each "gets 0%" would contradict it
        return replace(no_basis(f"No partner has {article(basis.noun)} {basis.noun} figure yet."), notes=())
    if bad is not None:
        code, value, problem = bad
        return no_basis(f"{code}'s {basis.noun} figure ({value}) is {problem}, so there is no {basis.noun} basis.")
    nums, den = integer_ratios(0 if v is None else v for v in figures.values())
    whole = sum(nums)
    total = Decimal(whole) if den == 1 else exact_decimal(whole, den)
    if whole == 0:
        return no_basis(f"The {basis.noun} figures total zero, so there is no {basis.noun} basis.", total)
    return BasisShares(
        basis, ids, figures, total,
        {pid: Fraction(n, whole) for pid, n in zip(ids, nums, strict=True)},
        dict(zip(ids, apportion(nums, whole, _PERCENT_UNITS, 2), strict=True)),
        missing, None, notes, (tuple(nums), whole),
    )


def blend_shares(
    partners: Sequence[Partner],
    weights: BlendWeights,
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
                 inputs: dict[Basis, BasisShares] | None = None,
                 missing: tuple[tuple[int, str], ...] = (), notes: tuple[str, ...] = ()) -> BlendShares:
        return BlendShares(components, ids, {}, {}, missing, reason, notes, inputs or {})

    weighted = [(b, w) for b, w in given.items() if w > 0]
    if not given:
        return no_basis("No basis has a weight, so the blend has no basis.")
    if not weighted:
        return no_basis("The blend weights are all zero, so the blend has no basis.")
    wnums, _ = integer_ratios(w for _, w in weighted)
    wsum = sum(wnums)
    wpercents = apportion(wnums, wsum, _PERCENT_UNITS, 2)
    components = tuple(
        BlendComponent(b, w, Fraction(n, wsum), pct)
        for (b, w), n, pct in zip(weighted, wnums, wpercents, strict=True)
    )
    inputs = {b: _given_or_computed(partners, ids, b, bases) for b, _ in weighted}
    missing_ids = {pid for r in inputs.values() for pid, _ in r.missing}
    missing = tuple((p.id, p.code) for p in partners if p.id in missing_ids)
    notes = tuple(missing_note([c for _, c in r.missing], b.noun, blend=True)
                  for b, r in inputs.items() if r.missing and r.has_basis)
    if not partners:
        return no_basis("There are no partners yet, so the blend has no basis.", components, inputs)
    refused = [_refusal(r) for r in inputs.values() if not r.has_basis]
    if refused:
        return no_basis(" ".join(refused), components, inputs, missing, notes)

    # Exact blend on whole numbers: partner i's share is Σ_b wnums[b] × p[b][i] over wsum,
    # with every basis's proportions put over one common denominator first.
    ratios = [inputs[b]._scaled for b, _ in weighted]
    common = math.lcm(*(den for _, den in ratios))
    blend = [0] * len(ids)
    for wn, (nums, den) in zip(wnums, ratios, strict=True):
        scale = wn * (common // den)
        for i, n in enumerate(nums):
            blend[i] += n * scale
    whole = wsum * common
    return BlendShares(
        components, ids,
        {pid: Fraction(n, whole) for pid, n in zip(ids, blend, strict=True)},
        dict(zip(ids, apportion(blend, whole, _PERCENT_UNITS, 2), strict=True)),
        missing, None, notes, inputs, (tuple(blend), whole),
    )


def _ids(partners: Sequence[Partner]) -> tuple[int, ...]:
    ids = tuple(p.id for p in partners)
    if len(set(ids)) != len(ids):
        raise ValueError(f"partner ids must be distinct: {ids}")
    return ids


def _given_or_computed(
    partners: Sequence[Partner], ids: tuple[int, ...], basis: Basis, given: Mapping[Basis, BasisShares] | None
) -> BasisShares:
    result = given.get(basis) if given is not None else None
    if result is None or result.partner_ids != ids:  # never mix in a result for other partners
        return basis_shares(partners, basis)
    return result


def _read_weights(weights: BlendWeights) -> dict[Basis, Fraction]:
    """Check and convert the weights to exact Fractions, in ``Basis`` order."""
    read: dict[Basis, Fraction] = {}
    for key, raw in weights.items():
        try:
            basis = key if isinstance(key, Basis) else Basis.of(key)
        except ValueError:
            choices = ", ".join(b.value for b in Basis)
            raise BlendWeightError(f"'{key}' is not a basis; the bases are {choices}.") from None
        if basis in read:
            raise BlendWeightError(f"{basis.label} is given a weight twice.")
        read[basis] = read_weight(basis.label, raw)
    return {b: read[b] for b in Basis if b in read}


def _refusal(result: BasisShares) -> str:
    """Why a blend cannot use a basis that has no basis."""
    label = result.basis.label
    if result.partner_ids and len(result.missing) == len(result.partner_ids):
        return f"{label} has no figures, so a blend using it has no basis."
    if result.total == 0 and result.partner_ids:
        return f"The {result.basis.noun} figures total zero, so a blend using {label} has no basis."
    return f"{label} has no basis ({result.reason}), so a blend using it has none either."


@dataclass(frozen=True)
class PartnerSpread:
    """How far apart the bases put one partner, in percentage points of the shown (2 dp) percents.

    ``bases`` are those counted: bases that have a basis and a figure for this partner (a missing
    figure's 0% is not a measurement, so it is left out). The min/max basis is chosen on the exact
    proportions, a tie going to the earlier basis. All ``None`` when no basis counts.
    """

    partner_id: int
    code: str
    bases: tuple[Basis, ...]
    min_percent: Decimal | None
    min_basis: Basis | None
    max_percent: Decimal | None
    max_basis: Basis | None
    range_points: Decimal | None


@dataclass(frozen=True)
class ShareTable:
    """Everything the Shares tab shows, keyed by partner id in partner order.

    ``gains[basis][pid]`` is the partner's gain (+) or loss (−) on that basis against equal shares,
    ``(proportion − 1/n) × 100`` rounded half away from zero to 2 dp; only bases with a basis appear.
    """

    partner_ids: tuple[int, ...]
    codes: dict[int, str]
    equal: dict[int, Decimal]
    bases: dict[Basis, BasisShares]
    blend: BlendShares | None
    spreads: dict[int, PartnerSpread]
    gains: dict[Basis, dict[int, Decimal]]
    blend_gains: dict[int, Decimal]

    @property
    def available(self) -> tuple[Basis, ...]:
        """The bases that have a basis, in ``Basis`` order."""
        return tuple(b for b, r in self.bases.items() if r.has_basis)


def share_table(
    partners: Sequence[Partner],
    weights: BlendWeights | None = None,
) -> ShareTable:
    """Every basis, the blend (when ``weights`` are given), the spread and the gains against equal shares.

    Raises ``BlendWeightError`` for bad weights, as ``blend_shares`` does. Everything but the blend is
    remembered for the last few sets of partners (``partner_cache``), so a slider move only blends.
    """
    fixed = _by_partners(partners)
    blend = None if weights is None else blend_shares(partners, weights, bases=fixed.bases)
    blend_gains = _gains(fixed.partner_ids, blend._scaled) if blend is not None and blend.has_basis else {}
    return ShareTable(fixed.partner_ids, fixed.codes, fixed.equal, fixed.bases, blend, fixed.spreads, fixed.gains,
                      blend_gains)


def _partner_part(partners: tuple[Partner, ...]) -> ShareTable:
    """The share table without a blend: it depends on the partners alone."""
    ids = _ids(partners)
    results = {b: basis_shares(partners, b) for b in Basis}
    available = [r for r in results.values() if r.has_basis]
    return ShareTable(
        ids,
        {p.id: p.code for p in partners},
        dict(zip(ids, equal_shares(len(ids)), strict=True)),
        results,
        None,
        {p.id: _spread(i, p, available) for i, p in enumerate(partners)},
        {r.basis: _gains(ids, r._scaled) for r in available},
        {},
    )


_by_partners = PartnersCache(_partner_part)


def _spread(index: int, partner: Partner, available: list[BasisShares]) -> PartnerSpread:
    counted = [r for r in available if r.figures[partner.id] is not None]
    if not counted:
        return PartnerSpread(partner.id, partner.code, (), None, None, None, None, None)
    # Compare num_a/den_a with num_b/den_b by cross-multiplying: exact, and no Fractions to build.
    low = high = counted[0]
    lo_n, lo_d = hi_n, hi_d = low._scaled[0][index], low._scaled[1]
    for r in counted[1:]:
        n, d = r._scaled[0][index], r._scaled[1]
        if n * lo_d < lo_n * d:
            low, lo_n, lo_d = r, n, d
        if n * hi_d > hi_n * d:
            high, hi_n, hi_d = r, n, d
    pid = partner.id
    lo, hi = low.percents[pid], high.percents[pid]
    return PartnerSpread(pid, partner.code, tuple(r.basis for r in counted),
                         lo, low.basis, hi, high.basis, hi - lo)


def _gains(ids: tuple[int, ...], scaled: tuple[tuple[int, ...], int]) -> dict[int, Decimal]:
    """Points above (+) or below (−) an equal share, ``(p − 1/n) × 100``, to 2 dp, half away from zero."""
    nums, den = scaled
    n = len(ids)
    # (num/den − 1/n) × 100 = (num·n − den) × 100 / (den·n)
    return {pid: round_ratio((num * n - den) * 100, den * n) for pid, num in zip(ids, nums, strict=True)}
