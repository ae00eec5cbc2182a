"""Vote allocation, decision rules and the game they make."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.voting.power import power_indices
from imagingnet_desktop.domain.voting.rules import (
    RuleError,
    RuleGame,
    RuleKind,
    VoteAllocationError,
    VoteMethod,
    VotingRule,
    allocate_votes,
    quota_for,
    rule_game,
)

# --- allocation -------------------------------------------------------------------------


def test_equal_votes_are_one_each() -> None:
    assert allocate_votes(VoteMethod.EQUAL, 4) == (1, 1, 1, 1)


def test_proportional_votes_are_basis_points() -> None:
    shares = [Decimal("25.37"), Decimal("24.63"), Decimal("50")]
    assert allocate_votes(VoteMethod.PROPORTIONAL, 3, share_percents=shares) == (2537, 2463, 5000)
    assert allocate_votes(VoteMethod.PROPORTIONAL, 2, share_percents=["60.5", "39.50"]) == (6050, 3950)
    assert allocate_votes(VoteMethod.PROPORTIONAL, 2, share_percents=[100, 0]) == (10000, 0)


@pytest.mark.parametrize(
    ("shares", "message"),
    [
        ([Decimal("50"), Decimal("49.99")], "add up to 99.99%"),
        ([Decimal("110"), Decimal("-10")], "cannot be negative"),
        ([0.5, 99.5], "exact decimal"),
        (["half", "50"], "not a number"),
        ([Decimal("NaN"), Decimal("50")], "finite"),
        ([Decimal("100")], "each of the 2 partners"),
    ],
)
def test_proportional_refusals(shares: list[object], message: str) -> None:
    with pytest.raises(VoteAllocationError, match=message):
        allocate_votes(VoteMethod.PROPORTIONAL, 2, share_percents=shares)  # type: ignore[arg-type]


def test_custom_votes() -> None:
    assert allocate_votes(VoteMethod.CUSTOM, 3, custom=[3, 0, 2]) == (3, 0, 2)
    with pytest.raises(VoteAllocationError, match="cannot be negative"):
        allocate_votes(VoteMethod.CUSTOM, 2, custom=[3, -1])
    with pytest.raises(VoteAllocationError, match="0 votes"):
        allocate_votes(VoteMethod.CUSTOM, 2, custom=[0, 0])
    with pytest.raises(VoteAllocationError, match="whole number"):
        allocate_votes(VoteMethod.CUSTOM, 2, custom=[1.5, 1])  # type: ignore[list-item]
    with pytest.raises(VoteAllocationError, match="each of the 3 partners"):
        allocate_votes(VoteMethod.CUSTOM, 3, custom=[1, 1])
    with pytest.raises(VoteAllocationError, match="at least one partner"):
        allocate_votes(VoteMethod.EQUAL, 0)


# --- rules ------------------------------------------------------------------------------


def test_simple_majority_is_more_than_half() -> None:
    rule = VotingRule(RuleKind.SIMPLE_MAJORITY)
    assert rule_game((1, 1, 1, 1), rule) == RuleGame((1, 1, 1, 1), 3, 0, ())
    assert rule_game((2, 1, 2), rule).quota == 3


@pytest.mark.parametrize(
    ("total", "percent", "quota"),
    [(10000, "66.67", 6667), (3, "75", 3), (4, "50.01", 3), (4, "75", 3), (10000, "75", 7500), (7, "100", 7)],
)
def test_qualified_quota_is_rounded_up(total: int, percent: str, quota: int) -> None:
    assert quota_for(VotingRule(RuleKind.QUALIFIED, Decimal(percent)), total) == quota


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 10**6),
    st.decimals(min_value=Decimal("50.01"), max_value=Decimal(100), places=2),
)
def test_qualified_quota_is_the_fewest_votes_reaching_the_percentage(total: int, percent: Decimal) -> None:
    q = quota_for(VotingRule(RuleKind.QUALIFIED, percent), total)
    share = Fraction(total) * Fraction(percent) / 100
    assert q >= share > q - 1


def test_unanimity_counts_partners_without_votes() -> None:
    game = rule_game((60, 40, 0), VotingRule(RuleKind.UNANIMITY))
    assert game == RuleGame((60, 40, 0), 100, 3, ())
    got = power_indices(game.weights, game.quota, min_members=game.min_members, veto=game.veto)
    assert got.shapley_shubik == (Fraction(1, 3),) * 3
    assert rule_game((0, 0), VotingRule(RuleKind.UNANIMITY)) == RuleGame((0, 0), 0, 2, ())


def test_min_partners_and_veto_carry_into_the_game() -> None:
    rule = VotingRule(RuleKind.QUALIFIED, Decimal("75"), min_partners=3, veto=(2, 0, 2))
    assert rule.veto == (0, 2)
    game = rule_game((4000, 3000, 2000, 1000), rule)
    assert game == RuleGame((4000, 3000, 2000, 1000), 7500, 3, (0, 2))


@pytest.mark.parametrize(
    ("rule", "names", "text"),
    [
        (VotingRule(RuleKind.SIMPLE_MAJORITY), None, "Simple majority: more than half of the votes"),
        (
            VotingRule(RuleKind.QUALIFIED, Decimal("75.00"), min_partners=3),
            None,
            "Qualified majority: at least 75% of votes, and at least 3 partners",
        ),
        (
            VotingRule(RuleKind.QUALIFIED, Decimal("66.67")),
            None,
            "Qualified majority: at least 66.67% of votes",
        ),
        (VotingRule(RuleKind.QUALIFIED, Decimal("100")), None, "Qualified majority: at least 100% of votes"),
        (
            VotingRule(RuleKind.SIMPLE_MAJORITY, min_partners=1, veto=(1,)),
            ["Leeds", "York"],
            "Simple majority: more than half of the votes, and at least 1 partner; York holds a veto",
        ),
        (
            VotingRule(RuleKind.SIMPLE_MAJORITY, veto=(0, 1, 2)),
            None,
            "Simple majority: more than half of the votes; partner 1, partner 2 and partner 3 each hold a veto",
        ),
        (VotingRule(RuleKind.UNANIMITY), None, "Unanimity: every partner must agree"),
    ],
)
def test_describe_in_plain_english(rule: VotingRule, names: list[str] | None, text: str) -> None:
    assert rule.describe(names) == text


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": RuleKind.QUALIFIED}, "needs a share of the votes"),
        ({"kind": RuleKind.QUALIFIED, "percent": Decimal(0)}, "more than 0%"),
        ({"kind": RuleKind.QUALIFIED, "percent": Decimal("100.01")}, "at most 100%"),
        ({"kind": RuleKind.QUALIFIED, "percent": 0.75}, "exact decimal"),
        ({"kind": RuleKind.SIMPLE_MAJORITY, "percent": Decimal(60)}, "only applies"),
        ({"kind": RuleKind.SIMPLE_MAJORITY, "min_partners": -1}, "cannot be negative"),
        ({"kind": RuleKind.SIMPLE_MAJORITY, "veto": (-1,)}, "numbered from 0"),
        ({"kind": RuleKind.UNANIMITY, "min_partners": 2}, "drop the minimum"),
    ],
)
def test_ill_formed_rules_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(RuleError, match=message):
        VotingRule(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("votes", "rule", "message"),
    [
        (
            (1, 1, 1),
            VotingRule(RuleKind.SIMPLE_MAJORITY, min_partners=4),
            "at least 4 partners but there are only 3",
        ),
        ((1, 1), VotingRule(RuleKind.SIMPLE_MAJORITY, veto=(2,)), "Veto partner 3 does not exist"),
        ((0, 0), VotingRule(RuleKind.SIMPLE_MAJORITY), "No partner holds any votes"),
        ((0, 0), VotingRule(RuleKind.QUALIFIED, Decimal(60)), "No partner holds any votes"),
        ((), VotingRule(RuleKind.SIMPLE_MAJORITY), "no partners"),
        ((1, -1), VotingRule(RuleKind.SIMPLE_MAJORITY), "cannot be negative"),
    ],
)
def test_rules_nobody_can_meet_are_refused(votes: tuple[int, ...], rule: VotingRule, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        rule_game(votes, rule)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(0, 50), min_size=1, max_size=8).filter(any),
    st.sampled_from(list(RuleKind)),
    st.decimals(min_value=Decimal("50.01"), max_value=Decimal(100), places=2),
    st.integers(0, 8),
    st.lists(st.integers(0, 7), max_size=2, unique=True),
)
def test_every_accepted_rule_can_be_met_and_analysed(
    votes: list[int], kind: RuleKind, percent: Decimal, min_partners: int, veto: list[int]
) -> None:
    if kind is RuleKind.UNANIMITY:
        rule = VotingRule(kind)
    else:
        rule = VotingRule(
            kind, percent if kind is RuleKind.QUALIFIED else None, min_partners=min_partners, veto=tuple(veto)
        )
    if (min_partners > len(votes) and kind is not RuleKind.UNANIMITY) or any(
        v >= len(votes) for v in rule.veto
    ):
        with pytest.raises(RuleError):
            rule_game(votes, rule)
        return
    game = rule_game(votes, rule)
    assert 1 <= game.quota <= sum(votes) or kind is RuleKind.UNANIMITY
    got = power_indices(game.weights, game.quota, min_members=game.min_members, veto=game.veto)
    assert sum(got.banzhaf) == 1 == sum(got.shapley_shubik)
    assert set(rule.veto) <= set(got.veto_players)


def test_the_power_docstring_example_holds() -> None:
    """domain/voting/power.py opens with it: 4, 2 and 1 votes, quota 5, the smallest partner has a fifth."""
    from fractions import Fraction

    from imagingnet_desktop.domain.voting import power_indices

    power = power_indices([4, 2, 1], 5)
    assert power.banzhaf == (Fraction(3, 5), Fraction(1, 5), Fraction(1, 5))
