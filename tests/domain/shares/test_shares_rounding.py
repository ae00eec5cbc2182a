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


def test_three_equal_parts_give_the_odd_hundredth_to_the_first():
    # 100/3 = 33.333…: floors 3 × 33.33 = 99.99, one hundredth left, all remainders equal -> first.
    assert largest_remainder([1, 1, 1]) == (D("33.34"), D("33.33"), D("33.33"))


def test_seven_equal_parts():
    # 100/7 = 14.2857…: floors 7 × 14.28 = 99.96, four hundredths left -> the first four.
    assert largest_remainder([5] * 7) == (D("14.29"),) * 4 + (D("14.28"),) * 3


def test_ties_go_to_the_earlier_value_even_past_a_larger_value():
    # 1,1,1,3 of 6: 16.666…, 16.666…, 16.666…, 50 -> floors sum 99.98; two left among three tied
    # remainders of 2/3 -> the first two; the 50 has no remainder.
    assert largest_remainder([1, 1, 1, 3]) == (D("16.67"), D("16.67"), D("16.66"), D("50.00"))
    assert largest_remainder([3, 1, 1, 1]) == (D("50.00"), D("16.67"), D("16.67"), D("16.66"))


def test_the_largest_remainder_wins_over_order():
    # 10, 11, 12 of 33 -> 30.3030…, 33.3333…, 36.3636…: floors 30.30 + 33.33 + 36.36 = 99.99;
    # remainders (in hundredths) .30, .33, .36 -> the last gets the hundredth left.
    assert largest_remainder([10, 11, 12]) == (D("30.30"), D("33.33"), D("36.37"))


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
    assert largest_remainder([1, 1, 1], total=D(1), places=0) == (D(1), D(0), D(0))
    assert largest_remainder([1, 1, 1], total=D("10"), places=3) == (D("3.334"), D("3.333"), D("3.333"))
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
    assert equal_shares(3) == (D("33.34"), D("33.33"), D("33.33"))
    assert equal_shares(8) == (D("12.50"),) * 8
    with pytest.raises(ValueError):
        equal_shares(-1)


@given(st.integers(1, 300))
def test_equal_shares_sum_to_100_and_differ_by_at_most_a_hundredth(n):
    parts = equal_shares(n)
    assert len(parts) == n
    assert sum(parts) == D("100.00")
    assert max(parts) - min(parts) <= UNIT
    assert list(parts) == sorted(parts, reverse=True)  # odd hundredths to the earliest


# --- properties ------------------------------------------------------------------------------

# Figures from tiny to huge, plus a few small values that repeat so ties are common.
_spread_out = st.builds(lambda m, e: D(m).scaleb(e), st.integers(1, 10**12), st.integers(-30, 30))
_tied = st.sampled_from([D(1), D("2.5"), D(7), D("0.000001")])
_fractions = st.fractions(min_value=Fraction(1, 10**9), max_value=10**9).filter(bool)
positive = st.one_of(_spread_out, _tied, st.integers(1, 10**40), _fractions)
non_negative = st.one_of(positive, st.just(0), st.just(D("0.00")))


@given(st.lists(positive, min_size=1, max_size=100))
def test_parts_sum_to_exactly_100_and_each_is_within_a_hundredth(values):
    parts = largest_remainder(values)
    assert sum(parts) == D("100.00")
    total = sum(Fraction(v) for v in values)
    for value, part in zip(values, parts, strict=True):
        exact = Fraction(value) * 100 / total
        assert abs(Fraction(part) - exact) < Fraction(1, 100)
        assert part.as_tuple().exponent == -2


@given(st.lists(non_negative, min_size=1, max_size=100))
def test_parts_are_the_largest_remainder_apportionment(values):
    """Pin the method down: each part is its quota's floor or ceiling, the zero values get zero,
    and whoever was rounded up had a remainder at least as large as anyone rounded down (a tie
    only if they came earlier)."""
    assume(any(v > 0 for v in values))
    parts = largest_remainder(values)
    total = sum(Fraction(v) for v in values)
    quotas = [Fraction(v) * 10000 / total for v in values]  # in hundredths
    units = [int(p * 100) for p in parts]
    assert sum(units) == 10000
    ups, downs = [], []
    for i, (q, u) in enumerate(zip(quotas, units, strict=True)):
        floor = q.numerator // q.denominator
        assert u in (floor, floor + 1)
        if q == 0:
            assert u == 0
        (ups if u == floor + 1 else downs).append((q - floor, i))
    for r_up, i_up in ups:
        for r_down, i_down in downs:
            assert r_up > r_down or (r_up == r_down and i_up < i_down)


@given(st.lists(non_negative, min_size=2, max_size=60))
def test_a_larger_value_never_gets_less_and_ties_favour_order(values):
    assume(any(v > 0 for v in values))
    parts = largest_remainder(values)
    for i in range(len(values)):
        for j in range(i + 1, len(values)):
            if values[i] >= values[j]:
                assert parts[i] >= parts[j]
            else:
                assert parts[i] <= parts[j]


@given(st.lists(positive, min_size=1, max_size=40), st.integers(1, 10**6))
def test_scaling_every_value_changes_nothing(values, k):
    assert largest_remainder(values) == largest_remainder([Fraction(v) * k for v in values])
