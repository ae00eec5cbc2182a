"""Whether rounding the exact shares to whole votes flips any coalition's verdict, answered without listing
coalitions (the dynamic programme) and checked against the enumeration; and what a large network is told."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.scenarios.analysis import analyse
from imagingnet_desktop.domain.scenarios.rounding_check import MAX_CHECKED_PARTNERS, check_rounding
from imagingnet_desktop.domain.scenarios.rounding_flips import FoundFlip, find_flip, programme_flip
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.voting.power import power_indices
from imagingnet_desktop.domain.voting.rules import (
    RuleError,
    RuleGame,
    RuleKind,
    VoteMethod,
    VotingRule,
    proportional_votes,
    rule_game,
)

PROPORTIONAL = Scenario(vote_method=VoteMethod.PROPORTIONAL, vote_basis="activity")
RULE_KINDS = [(RuleKind.SIMPLE_MAJORITY, None), (RuleKind.QUALIFIED, Fraction(2, 3)),
              (RuleKind.QUALIFIED, Fraction(3, 4)), (RuleKind.QUALIFIED, Fraction(3, 5)),
              (RuleKind.QUALIFIED, Fraction(51, 100)), (RuleKind.QUALIFIED, Fraction(1))]


def network(activity: list[int]) -> list[Partner]:
    return [Partner(i + 1, f"P{i + 1:02d}", f"Trust {i + 1}", imaging_exams_per_year=a)
            for i, a in enumerate(activity)]


def threshold(rule: VotingRule) -> tuple[Fraction, bool]:
    if rule.kind is RuleKind.QUALIFIED:
        assert rule.fraction is not None
        return rule.fraction, False
    return Fraction(1, 2), True


def dp_flip(shares: list[Fraction], votes: list[int], rule: VotingRule, game: RuleGame) -> FoundFlip | None:
    limit, strict = threshold(rule)
    return find_flip(shares, votes, game.quota, game.min_members, game.veto, limit, strict)


def programme_only(shares: list[Fraction], votes: list[int], rule: VotingRule, game: RuleGame
                   ) -> FoundFlip | None:
    """The programme with the minimum number of partners in its states, no shortcut first."""
    limit, strict = threshold(rule)
    if len(shares) < game.min_members:
        return None
    return programme_flip(shares, votes, game.quota, game.min_members, set(game.veto), limit, strict)


def is_flip(members: tuple[int, ...], shares: list[Fraction], votes: list[int], rule: VotingRule,
            game: RuleGame) -> bool:
    limit, strict = threshold(rule)
    if len(members) < game.min_members or not set(game.veto) <= set(members):
        return False
    share = sum((shares[i] for i in members), Fraction(0))
    passes_exact = share > limit if strict else share >= limit
    return passes_exact != (sum(votes[i] for i in members) >= game.quota)


@st.composite
def games(draw: st.DrawFn, max_partners: int = 12
          ) -> tuple[list[Fraction], list[int], VotingRule, RuleGame]:
    n = draw(st.integers(1, max_partners))
    # Small figures put shares near rounding boundaries and ties; huge ones force Python-int arithmetic.
    top = draw(st.sampled_from([40, 10**6, 10**21]))
    figures = draw(st.lists(st.integers(1, top), min_size=n, max_size=n))
    total = sum(figures)
    shares = [Fraction(f, total) for f in figures]
    votes = [proportional_votes(s) for s in shares]
    kind, fraction = draw(st.sampled_from(RULE_KINDS))
    min_partners = draw(st.integers(0, n)) if draw(st.booleans()) else 0
    veto = tuple(draw(st.lists(st.integers(0, n - 1), max_size=2, unique=True)))
    try:
        rule = VotingRule(kind, fraction=fraction, min_partners=min_partners, veto=veto)
        game = rule_game(votes, rule)
    except RuleError:
        rule = VotingRule(RuleKind.SIMPLE_MAJORITY)
        game = rule_game(votes, rule)
    return shares, votes, rule, game


@pytest.mark.parametrize("search", [dp_flip, programme_only])
@settings(max_examples=100, deadline=None)
@given(drawn=games())
def test_the_programme_agrees_with_the_enumeration_and_its_example_is_a_flip(
        search: Callable[[list[Fraction], list[int], VotingRule, RuleGame], FoundFlip | None],
        drawn: tuple[list[Fraction], list[int], VotingRule, RuleGame]) -> None:
    shares, votes, rule, game = drawn
    power = power_indices(game.weights, game.quota, min_members=game.min_members, veto=game.veto)
    listed = check_rounding(shares, votes, rule, game, power.banzhaf, power.shapley_shubik)
    found = search(shares, votes, rule, game)
    assert (found is not None) == (listed.flipped_coalitions > 0)
    if found is not None:
        assert is_flip(found.members, shares, votes, rule, game)
        assert found.exact_share == sum((shares[i] for i in found.members), Fraction(0))
        assert found.votes == sum(votes[i] for i in found.members)


def test_an_exact_tie_with_the_threshold_is_decided_exactly() -> None:
    # Two of three equal partners hold exactly 2/3: "at least 2/3" passes on both, so nothing flips; the
    # float pass cannot tell a tie, the exact pass must.
    shares = [Fraction(1, 3)] * 3
    votes = [proportional_votes(s) for s in shares]  # 3333 each
    rule = VotingRule(RuleKind.QUALIFIED, fraction=Fraction(2, 3))
    game = rule_game(votes, rule)
    assert dp_flip(shares, votes, rule, game) is None


@pytest.mark.parametrize("search", [dp_flip, programme_only])
@pytest.mark.parametrize("min_partners", [0, 3])
@pytest.mark.parametrize("extra", [0, 1, -1])
def test_a_tie_over_a_huge_denominator_is_decided_in_whole_numbers(
        search: Callable[[list[Fraction], list[int], VotingRule, RuleGame], FoundFlip | None],
        min_partners: int, extra: int) -> None:
    # Three partners together on exactly 2/3 (or one part in 3e21 either side) over a denominator too big for
    # int64: the float pass cannot tell, the exact pass runs on Python ints. Checked against the enumeration.
    p = 10**21 + 7
    numerators = [p, p - 1 + extra, 1, p - extra]
    shares = [Fraction(x, 3 * p) for x in numerators]
    votes = [proportional_votes(s) for s in shares]
    rule = VotingRule(RuleKind.QUALIFIED, fraction=Fraction(2, 3), min_partners=min_partners)
    game = rule_game(votes, rule)
    power = power_indices(game.weights, game.quota, min_members=game.min_members)
    listed = check_rounding(shares, votes, rule, game, power.banzhaf, power.shapley_shubik)
    found = search(shares, votes, rule, game)
    assert (found is not None) == (listed.flipped_coalitions > 0)
    assert found is None or is_flip(found.members, shares, votes, rule, game)


# 21 partners: P01 holds 50.004% (5,000 votes), twenty others 2.4998% each (250 votes): 10,000 votes, 5,001
# needed. On the exact shares P01 alone holds more than half; rounded, it is one vote short.
FLIPPED = [1_000_080] + [49_996] * 20


def test_a_large_network_where_rounding_flips_a_verdict_is_warned_with_the_example() -> None:
    result = analyse(network(FLIPPED), PROPORTIONAL)
    assert result.problem is None and result.rounding is not None
    assert result.rounding.changed and not result.rounding.power_checked
    assert result.rounding.flip is not None and result.rounding.flip.passes_exact
    assert result.game is not None and result.votes is not None
    assert is_flip(result.rounding.flip.members, [Fraction(f, sum(FLIPPED)) for f in FLIPPED],
                   list(result.votes), VotingRule(RuleKind.SIMPLE_MAJORITY), result.game)
    warning = next(w for w in result.warnings if w.startswith("Rounding"))
    assert "changes what can pass" in warning
    assert "P01 alone holds 50.0040% of the exact shares, more than half, but only 5,000 of the 10,000 " \
           "votes, short of the 5,001 needed" in warning
    assert f"worked out exactly only up to {MAX_CHECKED_PARTNERS} partners" in warning
    assert "not checked" not in warning
    working = result.rounding.working(result.codes)
    assert "with 21 it is not" in working and "short of the 5,001 needed" in working


def test_a_large_network_where_the_rounded_votes_pass_what_the_shares_do_not() -> None:
    # 22 partners: P01 on 74.996% (7,500 votes), 21 others on 1.19067% (119 votes): 9,999 votes, and "at
    # least 3/4" needs 7,500 of them. Rounded, P01 alone passes; on the exact shares it is short of 75%.
    figures = [74_996 * 21] + [25_004] * 21
    result = analyse(network(figures), replace(PROPORTIONAL, rule_kind=RuleKind.QUALIFIED,
                                                qualified=Fraction(3, 4)))
    assert result.problem is None and result.rounding is not None and result.votes is not None
    flip = result.rounding.flip
    assert flip is not None
    total = sum(figures)
    assert result.game is not None
    assert is_flip(flip.members, [Fraction(f, total) for f in figures], list(result.votes),
                   VotingRule(RuleKind.QUALIFIED, fraction=Fraction(3, 4)), result.game)
    assert not flip.passes_exact and flip.members == (0,)
    warning = next(w for w in result.warnings if w.startswith("Rounding"))
    assert "P01 alone reaches the 7,500 votes needed (7,500 of 9,999) but holds only 74.9960% of the exact " \
           "shares, not at least 75%" in warning


@pytest.mark.parametrize("scenario", [
    PROPORTIONAL,
    replace(PROPORTIONAL, rule_kind=RuleKind.QUALIFIED, qualified=Fraction(2, 3)),
    replace(PROPORTIONAL, min_partners=12),
    replace(PROPORTIONAL, veto_partner_ids=(1, 2)),
])
def test_a_large_network_where_rounding_flips_nothing_gets_no_warning(scenario: Scenario) -> None:
    # 21 equal partners: 476 votes each; any verdict depends only on how many partners are in, both ways.
    result = analyse(network([7] * 21), scenario)
    assert result.problem is None and result.rounding is not None
    assert not result.rounding.changed and result.rounding.flip is None
    assert not any(w.startswith("Rounding") or "not checked" in w for w in result.warnings)


# 21 partners: three on 16.6704% (1,667 votes each, 5,001 together, 50.0112% exact) and eighteen on
# 2.77716% (278 votes): 10,005 votes, 5,003 needed. The three together hold more than half but are 2 votes short.
THREE_SHORT = [3_000_672] * 3 + [499_888] * 18


@pytest.mark.parametrize("min_partners,veto", [(0, ()), (3, ()), (0, (1,)), (3, (0, 2))])
def test_a_large_network_with_a_flip_under_every_kind_of_rule(min_partners: int, veto: tuple[int, ...]) -> None:
    shares = [Fraction(f, sum(THREE_SHORT)) for f in THREE_SHORT]
    votes = [proportional_votes(s) for s in shares]
    rule = VotingRule(RuleKind.SIMPLE_MAJORITY, min_partners=min_partners, veto=veto)
    game = rule_game(votes, rule)
    found = dp_flip(shares, votes, rule, game)
    assert found is not None and is_flip(found.members, shares, votes, rule, game)
    assert set(veto) <= set(found.members) and len(found.members) >= min_partners


def test_a_minimum_number_of_partners_can_rule_every_flip_out() -> None:
    # With at least 3 partners, P01 and two others reach the quota and hold more than half anyway; without
    # P01 the others hold 49.996% and 5,000 votes: short both ways.
    shares = [Fraction(f, sum(FLIPPED)) for f in FLIPPED]
    votes = [proportional_votes(s) for s in shares]
    rule = VotingRule(RuleKind.SIMPLE_MAJORITY, min_partners=3)
    assert dp_flip(shares, votes, rule, rule_game(votes, rule)) is None


def test_unanimity_needs_no_check() -> None:
    scenario = replace(PROPORTIONAL, rule_kind=RuleKind.UNANIMITY)
    result = analyse(network(FLIPPED), scenario)
    assert result.rounding is not None and not result.rounding.changed and result.rounding.flip is None
