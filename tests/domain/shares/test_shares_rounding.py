"""Largest remainder apportioning (domain.rounding) and equal shares."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from imagingnet_desktop.domain.shares.rounding import (
    exact_decimal,
    integer_ratios,
    largest_remainder,
    round_half_up,
    round_ratio,
)
from imagingnet_desktop.domain.shares.share_table import equal_shares

D = Decimal
UNIT = D("0.01")


def test_equal_parts_are_shown_equal_each_rounded_to_the_nearest():
    # 100/3 = 33.333…: one hundredth left over that three equals cannot share, so each is rounded to the nearest.
    assert largest_remainder([1, 1, 1]) == (D("33.33"),) * 3
    # 100/7 = 14.2857…: four hundredths left among seven equals: each to the nearest, 14.29 (adding to 100.03).
    assert largest_remainder([5] * 7) == (D("14.29"),) * 7
    assert largest_remainder([1] * 6) == (D("16.67"),) * 6  # never 16.67 x 4 and 16.66 x 2 by list order


def test_ties_are_kept_even_beside_a_larger_value():
    # 1,1,1,3 of 6: 16.666… three times and 50: two hundredths left among three tied remainders of 2/3 of one,
    # so all three are rounded up (to the nearest), whatever the order.
    assert largest_remainder([1, 1, 1, 3]) == (D("16.67"), D("16.67"), D("16.67"), D("50.00"))
    assert largest_remainder([3, 1, 1, 1]) == (D("50.00"), D("16.67"), D("16.67"), D("16.67"))


def test_the_largest_remainder_wins_over_order():
    # 10, 11, 12 of 33 -> 30.3030…, 33.3333…, 36.3636…: floors 30.30 + 33.33 + 36.36 = 99.99;
    # remainders (in hundredths) .30, .33, .36 -> the last gets the hundredth left.
    assert largest_remainder([10, 11, 12]) == (D("30.30"), D("33.33"), D("36.37"))


def test_a_tie_below_the_cut_changes_nothing():
    # 2, 1, 1 of 4... 50, 25, 25 (no remainder); 5, 2, 2 of 9: 55.555…, 22.222…, 22.222…: floors 99.99, one
    # hundredth left: 55.55… has the largest remainder (.56 against .22, .22) and takes it; the tie is untouched.
    assert largest_remainder([5, 2, 2]) == (D("55.56"), D("22.22"), D("22.22"))


def test_result_has_exactly_two_places_and_a_zero_stays_zero():
    parts = largest_remainder([0, 2, 0, 1])
    assert parts == (D("0.00"), D("66.67"), D("0.00"), D("33.33"))
    assert all(p.as_tuple().exponent == -2 for p in parts)


def test_accepts_fractions_decimals_and_ints_alike():
    exact = [Fraction(1, 3), Fraction(1, 6), Fraction(1, 2)]
    as_decimals = [D("2"), D("1.0"), D("3.000")]
    assert largest_remainder(exact) == largest_remainder(as_decimals) == largest_remainder([2, 1, 3])
    assert largest_remainder(exact) == (D("33.33"), D("16.67"), D("50.00"))


def test_other_totals_and_places():
    assert largest_remainder([1, 1, 1], total=D(1), places=0) == (D(0), D(0), D(0))  # a third each, to the nearest
    assert largest_remainder([1, 1, 2], total=D(1), places=0) == (D(0), D(0), D(1))
    assert largest_remainder([1, 1, 1], total=D("10"), places=3) == (D("3.333"), D("3.333"), D("3.333"))
    assert largest_remainder([1, 3], total=1000, places=0) == (D(250), D(750))
    assert largest_remainder([]) == ()


@pytest.mark.parametrize(
    ("values", "kwargs", "error"),
    [
        ([0, 0], {}, ValueError),
        ([1, -1, 2], {}, ValueError),
        ([1, D("NaN")], {}, ValueError),
        ([1, D("Infinity")], {}, ValueError),
        ([1, 0.5], {}, TypeError),
        ([1, True], {}, TypeError),
        ([1, 2], {"total": D("100.005")}, ValueError),
        ([1, 2], {"total": D("-100")}, ValueError),
        ([1, 2], {"places": -1}, ValueError),
    ],
)
def test_refuses_what_cannot_be_apportioned(values, kwargs, error):
    with pytest.raises(error):
        largest_remainder(values, **kwargs)


def test_integer_ratios_are_exact():
    nums, den = integer_ratios([D("0.5"), Fraction(1, 3), 2])
    assert [Fraction(n, den) for n in nums] == [Fraction(1, 2), Fraction(1, 3), Fraction(2)]


def test_round_half_up_is_symmetric_about_zero():
    assert round_half_up(Fraction(1, 200)) == D("0.01")
    assert round_half_up(Fraction(-1, 200)) == D("-0.01")
    assert round_half_up(Fraction(1, 300)) == D("0.00")
    assert str(round_half_up(Fraction(-1, 300))) == "0.00"
    assert round_ratio(-2349, 1000) == D("-2.35")


def test_exact_decimal_keeps_every_digit():
    assert exact_decimal(123456789012345678901234567890123, 1000) == D("123456789012345678901234567890.123")
    assert exact_decimal(1, 8) == D("0.125")


def test_equal_shares():
    assert equal_shares(0) == ()
    assert equal_shares(1) == (D("100.00"),)
    assert equal_shares(3) == (D("33.33"),) * 3
    assert equal_shares(8) == (D("12.50"),) * 8
    with pytest.raises(ValueError):
        equal_shares(-1)


@given(st.integers(1, 300))
def test_equal_shares_are_all_100_over_n_to_the_nearest_hundredth(n):
    parts = equal_shares(n)
    assert len(parts) == n and set(parts) == {round_half_up(Fraction(100, n))}


# --- properties ------------------------------------------------------------------------------

# Figures from tiny to huge, plus a few small values that repeat so ties are common.
_spread_out = st.builds(lambda m, e: D(m).scaleb(e), st.integers(1, 10**12), st.integers(-30, 30))
_tied = st.sampled_from([D(1), D("2.5"), D(7), D("0.000001")])
_fractions = st.fractions(min_value=Fraction(1, 10**9), max_value=10**9).filter(bool)
positive = st.one_of(_spread_out, _tied, st.integers(1, 10**40), _fractions)
non_negative = st.one_of(positive, st.just(0), st.just(D("0.00")))


def _remainders(values) -> list[Fraction]:
    total = sum(Fraction(v) for v in values)
    quotas = [Fraction(v) * 10000 / total for v in values]  # in hundredths
    return [q - q.numerator // q.denominator for q in quotas]


@given(st.lists(positive, min_size=1, max_size=100))
def test_each_part_is_within_a_hundredth_and_the_sum_is_100_unless_a_tie_is_kept(values):
    parts = largest_remainder(values)
    total = sum(Fraction(v) for v in values)
    for value, part in zip(values, parts, strict=True):
        exact = Fraction(value) * 100 / total
        assert abs(Fraction(part) - exact) < Fraction(1, 100)
        assert part.as_tuple().exponent == -2
    remainders = _remainders(values)
    if len(set(remainders)) == len(remainders):  # no two alike: the plain largest remainder method
        assert sum(parts) == D("100.00")
    else:
        assert abs(sum(parts) - D("100.00")) < len(values) * UNIT


@given(st.lists(non_negative, min_size=1, max_size=100))
def test_parts_are_the_largest_remainder_apportionment_with_ties_kept(values):
    """Pin the method down: each part is its quota's floor or ceiling, zero values get zero, whoever was
    rounded up had a remainder at least as large as anyone rounded down, equal remainders fare alike, and as
    many are rounded up as the hundredths left over allow unless that would split a tie."""
    assume(any(v > 0 for v in values))
    parts = largest_remainder(values)
    total = sum(Fraction(v) for v in values)
    quotas = [Fraction(v) * 10000 / total for v in values]
    units = [int(p * 100) for p in parts]
    ups, downs = [], []
    for q, u in zip(quotas, units, strict=True):
        floor = q.numerator // q.denominator
        assert u in (floor, floor + 1)
        if q == 0:
            assert u == 0
        (ups if u == floor + 1 else downs).append(q - floor)
    assert all(r_up >= r_down for r_up in ups for r_down in downs)
    assert not set(ups) & set(downs)  # equal remainders are never told apart
    left = 10000 - sum(q.numerator // q.denominator for q in quotas)
    if len(ups) != left:  # only where the cut fell inside a tie, which then went to the nearest
        cut = sorted(ups + downs, reverse=True)[left - 1]
        tied = [r for r in ups + downs if r == cut]
        assert len(tied) > 1 and all((r in ups) == (r >= Fraction(1, 2)) for r in tied)


@given(st.lists(non_negative, min_size=2, max_size=60), st.randoms(use_true_random=False))
def test_reordering_the_values_reorders_the_parts_and_equal_values_get_equal_parts(values, rng):
    assume(any(v > 0 for v in values))
    parts = largest_remainder(values)
    order = list(range(len(values)))
    rng.shuffle(order)
    assert largest_remainder([values[i] for i in order]) == tuple(parts[i] for i in order)
    for i in range(len(values)):
        for j in range(i + 1, len(values)):
            if Fraction(values[i]) == Fraction(values[j]):
                assert parts[i] == parts[j]
            elif values[i] > values[j]:
                assert parts[i] >= parts[j]
            else:
                assert parts[i] <= parts[j]


@given(st.lists(positive, min_size=1, max_size=40), st.integers(1, 10**6))
def test_scaling_every_value_changes_nothing(values, k):
    assert largest_remainder(values) == largest_remainder([Fraction(v) * k for v in values])
