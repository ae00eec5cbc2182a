"""Shares on each basis, blends and the share table: worked examples and the plain-words messages."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.shares.share_table import (
    Basis,
    BlendWeightError,
    basis_shares,
    blend_shares,
    share_table,
)

D = Decimal

# The demo network's pay figures, plus a fifth partner (WBK) made up for these tests, and
# activity figures chosen to be easy to check by hand (they total 1,000,000 examinations).
DEMO = (
    # id, code, pay £, examinations / year
    (1, "NSH", "30980000", 400_000),
    (2, "EMV", "17230000", 250_000),
    (3, "KBD", "15180000", 150_000),
    (4, "SMC", "12700000", 120_000),
    (5, "WBK", "9910000", 80_000),
)


def demo_partners() -> tuple[Partner, ...]:
    return tuple(
        Partner(pid, code, f"{code} NHS Trust", pay_cost_gbp=D(pay), imaging_exams_per_year=exams)
        for pid, code, pay, exams in DEMO
    )


def partners_with(field: str, values: list[object]) -> tuple[Partner, ...]:
    codes = ["NSH", "EMV", "KBD", "SMC", "WBK", "AAA", "BBB", "CCC"]
    return tuple(Partner(i + 1, codes[i], codes[i], **{field: v}) for i, v in enumerate(values))


# --- the bases -------------------------------------------------------------------------------


def test_bases_have_stable_values_labels_and_fields():
    assert [(b.value, b.label, b.field) for b in Basis] == [
        ("activity", "Activity (examinations)", "imaging_exams_per_year"),
        ("pay", "Pay", "pay_cost_gbp"),
        ("non_pay", "Direct non-pay", "direct_non_pay_gbp"),
        ("total_cost", "Total operating cost", "total_operating_cost_gbp"),
        ("valuation", "Going-concern value", "going_concern_value_gbp"),
    ]
    assert Basis("total_cost") is Basis.TOTAL_COST
    sample = Partner(1, "X", "X")
    for b in Basis:
        assert hasattr(sample, b.field)


# --- worked example: pay ---------------------------------------------------------------------


def test_pay_shares_of_the_demo_network_match_the_hand_calculation():
    """Pay total = 30.98 + 17.23 + 15.18 + 12.70 + 9.91 = £86.00m.

    Exact shares (%):   NSH 36.0232…  EMV 20.0348…  KBD 17.6511…  SMC 14.7674…  WBK 11.5232…
    Floors:             36.02         20.03         17.65         14.76         11.52  = 99.98
    Remainders (0.01s): .3255…        .4883…        .1162…        .7441…        .3255…
    The two hundredths left go to SMC (.744) and EMV (.488): NSH and WBK tie at .3255… but
    neither is needed. Result 36.02 + 20.04 + 17.65 + 14.77 + 11.52 = 100.00.
    """
    result = basis_shares(demo_partners(), Basis.PAY)
    assert result.has_basis and result.is_complete and result.message == ""
    assert result.total == D("86000000")
    assert result.proportions == {
        1: Fraction(3098, 8600), 2: Fraction(1723, 8600), 3: Fraction(1518, 8600),
        4: Fraction(1270, 8600), 5: Fraction(991, 8600),
    }
    assert result.percents == {1: D("36.02"), 2: D("20.04"), 3: D("17.65"), 4: D("14.77"), 5: D("11.52")}
    assert list(result.percents) == [1, 2, 3, 4, 5]
    assert sum(result.percents.values()) == D("100.00")


def test_activity_shares_are_exact_when_the_figures_divide_evenly():
    result = basis_shares(demo_partners(), Basis.ACTIVITY)
    # 400k, 250k, 150k, 120k, 80k of 1,000,000.
    assert result.percents == {1: D("40.00"), 2: D("25.00"), 3: D("15.00"), 4: D("12.00"), 5: D("8.00")}
    assert result.total == 1_000_000


def test_equal_figures_in_a_basis_give_equal_shares_whatever_the_order():
    trio = [Partner(pid, code, code, pay_cost_gbp=D(5)) for pid, code in ((9, "LAST"), (2, "MID"), (5, "ONE"))]
    result = basis_shares(trio, Basis.PAY)
    assert list(result.percents.items()) == [(9, D("33.33")), (2, D("33.33")), (5, D("33.33"))]
    result = basis_shares(list(reversed(trio)), Basis.PAY)
    assert list(result.percents.items()) == [(5, D("33.33")), (2, D("33.33")), (9, D("33.33"))]
    six = [Partner(pid, f"P{pid}", f"P{pid}", pay_cost_gbp=D(7)) for pid in range(1, 7)]
    assert set(basis_shares(six, Basis.PAY).percents.values()) == {D("16.67")}  # not 16.67 x 4 and 16.66 x 2


# --- missing and unusable figures --------------------------------------------------------------


def test_a_missing_figure_counts_as_zero_and_is_named():
    partners = tuple(replace(p, pay_cost_gbp=None) if p.code == "EMV" else p for p in demo_partners())
    result = basis_shares(partners, Basis.PAY)
    assert result.has_basis and not result.is_complete
    assert result.missing == ((2, "EMV"),)
    assert result.message == "EMV has no pay figure: the pay basis gives it 0% and cannot be relied on."
    assert result.figures[2] is None
    assert result.percents[2] == D("0.00") and result.proportions[2] == 0
    assert sum(result.percents.values()) == D("100.00")
    # The others share out on their own total: 30.98 + 15.18 + 12.70 + 9.91 = £68.77m.
    assert result.proportions[1] == Fraction(3098, 6877)


def test_several_missing_figures_are_listed_together():
    partners = partners_with("direct_non_pay_gbp", [D(10), None, D(5), None])
    result = basis_shares(partners, Basis.NON_PAY)
    assert result.missing == ((2, "EMV"), (4, "SMC"))
    assert result.notes == (
        "EMV and SMC have no direct non-pay figure: the direct non-pay basis gives them 0% "
        "and cannot be relied on.",
    )


@pytest.mark.parametrize(
    ("field", "values", "basis", "reason"),
    [
        ("pay_cost_gbp", [None, None], Basis.PAY, "No partner has a pay figure yet."),
        ("imaging_exams_per_year", [None], Basis.ACTIVITY, "No partner has an activity figure yet."),
        ("pay_cost_gbp", [D(0), D("0.00")], Basis.PAY, "The pay figures total zero, so there is no pay basis."),
        ("going_concern_value_gbp", [D(0), None], Basis.VALUATION,
         "The going-concern value figures total zero, so there is no going-concern value basis."),
        ("total_operating_cost_gbp", [D(5), D(-1)], Basis.TOTAL_COST,
         "EMV's total operating cost figure (-1) is negative, so there is no total operating cost basis."),
        ("pay_cost_gbp", [D(5), D("NaN")], Basis.PAY,
         "EMV's pay figure (NaN) is not a finite number, so there is no pay basis."),
        ("pay_cost_gbp", [D(5), 2.5], Basis.PAY, "EMV's pay figure (2.5) is not a number, so there is no pay basis."),
    ],
)
def test_no_basis_says_why_and_never_raises(field, values, basis, reason):
    result = basis_shares(partners_with(field, values), basis)
    assert not result.has_basis
    assert result.reason == reason
    assert result.percents == {} and result.proportions == {}
    assert result.message.startswith(reason)


def test_no_partners_is_no_basis():
    result = basis_shares((), Basis.PAY)
    assert not result.has_basis and result.reason == "There are no partners yet, so there is no pay basis."


def test_partner_ids_must_be_distinct():
    with pytest.raises(ValueError, match="distinct"):
        basis_shares([Partner(1, "A", "A"), Partner(1, "B", "B")], Basis.PAY)


def test_huge_figures_keep_an_exact_total():
    partners = partners_with("going_concern_value_gbp", [D("123456789012345678901234567890.12"), D("0.01")])
    result = basis_shares(partners, Basis.VALUATION)
    assert result.total == D("123456789012345678901234567890.13")
    assert result.percents == {1: D("100.00"), 2: D("0.00")}


# --- blends ----------------------------------------------------------------------------------


def test_half_pay_half_activity_matches_the_hand_calculation():
    """Blend = ½ pay share + ½ activity share (pay shares from the test above, activity exact).

    NSH (36.0232… + 40)/2 = 38.0116…   EMV (20.0348… + 25)/2 = 22.5174…
    KBD (17.6511… + 15)/2 = 16.3255…   SMC (14.7674… + 12)/2 = 13.3837…   WBK (11.5232… + 8)/2 = 9.7616…
    Floors 38.01 + 22.51 + 16.32 + 13.38 + 9.76 = 99.98; the largest remainders are EMV (.744)
    and KBD (.558), so 38.01, 22.52, 16.33, 13.38, 9.76.
    NSH exactly: (3098/8600 + 3440/8600) / 2 = 6538/17200 = 3269/8600.
    """
    result = blend_shares(demo_partners(), {Basis.PAY: 1, Basis.ACTIVITY: 1})
    assert result.has_basis and result.is_complete
    assert result.proportions[1] == Fraction(3269, 8600)
    assert result.percents == {1: D("38.01"), 2: D("22.52"), 3: D("16.33"), 4: D("13.38"), 5: D("9.76")}
    assert [(c.basis, c.weight, c.normalised, c.percent) for c in result.components] == [
        (Basis.ACTIVITY, 1, Fraction(1, 2), D("50.00")),
        (Basis.PAY, 1, Fraction(1, 2), D("50.00")),
    ]
    assert result.formula == "share = 50.00% × Activity (examinations) + 50.00% × Pay"
    assert result.working(1) == "50.00% × 40.00% (Activity (examinations)) + 50.00% × 36.02% (Pay) = 38.01%"


def test_a_blend_of_one_basis_is_that_basis():
    partners = demo_partners()
    pay = basis_shares(partners, Basis.PAY)
    for weight in (1, D("0.3"), 7.5, Fraction(2, 3)):
        blend = blend_shares(partners, {Basis.PAY: weight, Basis.ACTIVITY: 0})
        assert blend.proportions == pay.proportions
        assert blend.percents == pay.percents
        assert [c.basis for c in blend.components] == [Basis.PAY]


def test_weights_are_normalised_exactly_and_floats_read_as_decimals():
    blend = blend_shares(demo_partners(), {"pay": 0.1, "activity": 0.3})
    assert [c.normalised for c in blend.components] == [Fraction(3, 4), Fraction(1, 4)]
    assert blend.components[1].weight == Fraction(1, 10)
    same = blend_shares(demo_partners(), {Basis.PAY: 1, Basis.ACTIVITY: 3})
    assert blend.proportions == same.proportions and blend.percents == same.percents


def test_display_weights_sum_to_100():
    blend = blend_shares(demo_partners(), {Basis.PAY: 1, Basis.ACTIVITY: 2})
    assert [c.percent for c in blend.components] == [D("66.67"), D("33.33")]


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({}, "No basis has a weight, so the blend has no basis."),
        ({Basis.PAY: 0, Basis.ACTIVITY: D("0.00")}, "The blend weights are all zero, so the blend has no basis."),
        ({Basis.PAY: 1, Basis.TOTAL_COST: 1}, "Total operating cost has no figures, so a blend using it has no basis."),
    ],
)
def test_blend_without_a_basis_says_why(weights, message):
    result = blend_shares(demo_partners(), weights)
    assert not result.has_basis
    assert result.reason == message
    assert result.percents == {}
    assert result.working(1) == message


def test_a_zero_weight_basis_without_figures_does_not_matter():
    result = blend_shares(demo_partners(), {Basis.PAY: 1, Basis.TOTAL_COST: 0})
    assert result.has_basis and result.percents == basis_shares(demo_partners(), Basis.PAY).percents


def test_blend_refuses_a_basis_whose_figures_total_zero():
    partners = tuple(replace(p, direct_non_pay_gbp=D(0)) for p in demo_partners())
    result = blend_shares(partners, {Basis.PAY: 1, Basis.NON_PAY: 1})
    assert result.reason == "The direct non-pay figures total zero, so a blend using Direct non-pay has no basis."


def test_blend_carries_missing_figures():
    partners = tuple(replace(p, imaging_exams_per_year=None) if p.code in ("KBD", "WBK") else p
                     for p in demo_partners())
    result = blend_shares(partners, {Basis.PAY: 1, Basis.ACTIVITY: 1})
    assert result.has_basis and not result.is_complete
    assert result.missing == ((3, "KBD"), (5, "WBK"))
    assert result.notes == (
        "KBD and WBK have no activity figure: the blend counts them as 0 on activity and cannot be relied on.",
    )
    assert sum(result.percents.values()) == D("100.00")


@pytest.mark.parametrize(
    ("weights", "words"),
    [
        ({Basis.PAY: -1}, "The weight for Pay is negative (-1)"),
        ({Basis.PAY: D("NaN")}, "The weight for Pay is not a number (NaN)"),
        ({Basis.PAY: D("sNaN")}, "The weight for Pay is not a number (NaN)"),
        ({Basis.PAY: D("-Infinity")}, "The weight for Pay is infinite"),
        ({Basis.ACTIVITY: float("nan")}, "The weight for Activity (examinations) is not a number (NaN)"),
        ({Basis.VALUATION: float("inf")}, "The weight for Going-concern value is infinite"),
        ({Basis.PAY: "1"}, "The weight for Pay must be a number, not '1'"),
        ({Basis.PAY: None}, "The weight for Pay must be a number, not None"),
        ({Basis.PAY: True}, "The weight for Pay must be a number, not True"),
        ({"salary": 1}, "'salary' is not a basis; the bases are activity, pay, non_pay, total_cost, valuation"),
        ({Basis.PAY: 1, "pay": 2}, "Pay is given a weight twice"),
    ],
)
def test_bad_weights_are_refused_with_a_clear_message(weights, words):
    with pytest.raises(BlendWeightError) as caught:
        blend_shares(demo_partners(), weights)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(words)
    with pytest.raises(BlendWeightError):
        share_table(demo_partners(), weights)


# --- the share table -------------------------------------------------------------------------


def test_share_table_of_the_demo_network():
    table = share_table(demo_partners(), {Basis.PAY: 1, Basis.ACTIVITY: 1})
    assert table.partner_ids == (1, 2, 3, 4, 5)
    assert table.codes[5] == "WBK"
    assert list(table.bases) == list(Basis)
    assert table.available == (Basis.ACTIVITY, Basis.PAY)
    assert table.bases[Basis.NON_PAY].reason == "No partner has a direct non-pay figure yet."
    assert table.equal == {pid: D("20.00") for pid in range(1, 6)}
    assert table.blend is not None and table.blend.percents[2] == D("22.52")

    # Spread between pay and activity (percents from the worked examples above).
    nsh, kbd = table.spreads[1], table.spreads[3]
    assert (nsh.min_basis, nsh.min_percent, nsh.max_basis, nsh.max_percent, nsh.range_points) == (
        Basis.PAY, D("36.02"), Basis.ACTIVITY, D("40.00"), D("3.98"))
    assert (kbd.min_basis, kbd.min_percent, kbd.max_basis, kbd.max_percent, kbd.range_points) == (
        Basis.ACTIVITY, D("15.00"), Basis.PAY, D("17.65"), D("2.65"))
    assert nsh.bases == (Basis.ACTIVITY, Basis.PAY)

    # Gain or loss against 20% each: pay NSH 36.0232… − 20 = +16.02; KBD 17.6511… − 20 = −2.3488… → −2.35;
    # WBK 11.5232… − 20 = −8.4767… → −8.48. Activity is exact: 40 − 20 = +20.00, 8 − 20 = −12.00.
    assert table.gains[Basis.PAY] == {1: D("16.02"), 2: D("0.03"), 3: D("-2.35"), 4: D("-5.23"), 5: D("-8.48")}
    assert table.gains[Basis.ACTIVITY][1] == D("20.00") and table.gains[Basis.ACTIVITY][5] == D("-12.00")
    assert Basis.NON_PAY not in table.gains
    # Blend NSH 38.0116… − 20 = +18.01.
    assert table.blend_gains[1] == D("18.01")


def test_share_table_without_weights_has_no_blend():
    table = share_table(demo_partners())
    assert table.blend is None and table.blend_gains == {}


def test_spread_leaves_out_a_basis_where_the_partner_has_no_figure():
    partners = tuple(replace(p, imaging_exams_per_year=None) if p.code == "EMV" else p for p in demo_partners())
    table = share_table(partners)
    emv = table.spreads[2]
    assert emv.bases == (Basis.PAY,)
    assert emv.min_percent == emv.max_percent == table.bases[Basis.PAY].percents[2]
    assert emv.range_points == D("0.00")
    assert table.spreads[1].bases == (Basis.ACTIVITY, Basis.PAY)


def test_spread_ties_go_to_the_earlier_basis():
    # Pay and valuation both give 1:3 (25%, 75%), activity gives 1:1 (50%, 50%).
    partners = (
        Partner(1, "A", "A", pay_cost_gbp=D(1), going_concern_value_gbp=D(10), imaging_exams_per_year=7),
        Partner(2, "B", "B", pay_cost_gbp=D(3), going_concern_value_gbp=D(30), imaging_exams_per_year=7),
    )
    a, b = share_table(partners).spreads.values()
    assert (a.min_basis, a.max_basis, a.range_points) == (Basis.PAY, Basis.ACTIVITY, D("25.00"))
    assert (b.min_basis, b.max_basis, b.range_points) == (Basis.ACTIVITY, Basis.PAY, D("25.00"))


def test_spread_with_no_usable_basis_is_empty():
    table = share_table(partners_with("pay_cost_gbp", [None, None]))
    spread = table.spreads[1]
    assert spread.bases == () and spread.min_percent is None and spread.range_points is None
    assert table.available == () and table.gains == {}


def test_share_table_of_no_partners():
    table = share_table((), {Basis.PAY: 1})
    assert table.partner_ids == () and table.equal == {} and table.spreads == {}
    assert table.blend is not None and table.blend.reason == "There are no partners yet, so the blend has no basis."


def test_equal_shares_for_three_use_the_same_rounding():
    table = share_table(partners_with("pay_cost_gbp", [D(1), D(2), D(3)]))
    assert list(table.equal.values()) == [D("33.33"), D("33.33"), D("33.33")]


def test_slider_moves_on_the_same_partners_give_fresh_blends_and_edits_give_fresh_bases():
    partners = demo_partners()
    for pay_weight in (0, 1, 3, 1, 0):
        weights = {Basis.PAY: pay_weight, Basis.ACTIVITY: 1}
        table = share_table(partners, weights)
        fresh = blend_shares(partners, weights)
        assert table.blend is not None
        assert table.blend.percents == fresh.percents and table.blend.proportions == fresh.proportions
        assert table.bases[Basis.PAY].percents == basis_shares(partners, Basis.PAY).percents
    # An edited figure (a new Partner, even one equal in value to an older one) is recomputed.
    edited = tuple(replace(p, pay_cost_gbp=D(1)) if p.code == "NSH" else p for p in partners)
    assert share_table(edited).bases[Basis.PAY].proportions[1] == Fraction(1, 55_020_001)
    back = tuple(replace(p, pay_cost_gbp=D("30980000.00")) if p.code == "NSH" else p for p in edited)
    assert str(share_table(back).bases[Basis.PAY].figures[1]) == "30980000.00"
    assert share_table(back).bases[Basis.PAY].percents == share_table(partners).bases[Basis.PAY].percents
