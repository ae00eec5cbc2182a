"""Votes in proportion to shares never break ties, and a check says when rounding alone changes power."""

from __future__ import annotations

import math
from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis, analyse
from imagingnet_desktop.domain.scenarios.rounding_check import check_rounding
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.voting.coalitions import minimal_coalitions
from imagingnet_desktop.domain.voting.power import GameError, power_indices
from imagingnet_desktop.domain.voting.rules import RuleError, RuleKind, VoteMethod, allocate_votes, rule_game
from shares_votes_helpers import BruteForceGame

PROPORTIONAL = Scenario(vote_method=VoteMethod.PROPORTIONAL, vote_basis="activity")


def network(activity: list[int]) -> list[Partner]:
    return [Partner(i + 1, f"P{i + 1:02d}", f"Trust {i + 1}", imaging_exams_per_year=a)
            for i, a in enumerate(activity)]


def by_id(result: ScenarioAnalysis) -> dict[int, tuple[int, Fraction, Fraction]]:
    assert result.votes is not None and result.power is not None, result.problem
    return {pid: (result.votes[i], result.power.banzhaf[i], result.power.shapley_shubik[i])
            for i, pid in enumerate(result.partner_ids)}


def test_six_identical_partners_get_equal_votes_and_a_sixth_of_the_power_each() -> None:
    # Before: 2 dp shares in basis points gave 1667 x 4 and 1666 x 2, and powers 1/5 x 4 and 1/10 x 2.
    result = analyse(network([1000] * 6), PROPORTIONAL)
    assert result.problem is None
    assert set(result.votes or ()) == {1667}
    assert result.power is not None
    assert result.power.banzhaf == (Fraction(1, 6),) * 6 == result.power.shapley_shubik
    assert result.game is not None and result.game.quota == sum(result.votes or ()) // 2 + 1


def test_three_identical_partners_under_two_thirds_have_no_veto_by_list_order() -> None:
    # Before: "at least 66.67%" of 3333 + 3334 + 3333 made the first partner a veto player (Banzhaf 3/5).
    scenario = replace(PROPORTIONAL, rule_kind=RuleKind.QUALIFIED, qualified=Fraction(2, 3))
    result = analyse(network([5] * 3), scenario)
    assert result.power is not None and result.power.veto_players == ()
    assert result.power.banzhaf == (Fraction(1, 3),) * 3
    assert not any("block" in w for w in result.warnings)


def test_votes_are_each_exact_share_in_basis_points_rounded_to_the_nearest() -> None:
    sixth, third = Fraction(1, 6), Fraction(1, 3)
    assert allocate_votes(VoteMethod.PROPORTIONAL, 3, shares=[sixth, sixth, 2 * third]) == (1667, 1667, 6667)
    assert allocate_votes(VoteMethod.PROPORTIONAL, 2, shares=[Fraction(1, 20000), 1 - Fraction(1, 20000)]) \
        == (1, 10000)  # a half rounds up, on its own: the votes add up to 10,001


@st.composite
def tied_networks(draw: st.DrawFn) -> tuple[list[int], list[int]]:
    """Activity figures with ties, and a permutation that only swaps partners with equal figures."""
    distinct = draw(st.lists(st.integers(1, 10**6), min_size=1, max_size=4, unique=True))
    counts = draw(st.lists(st.integers(1, 3), min_size=len(distinct), max_size=len(distinct)))
    figures = [f for f, c in zip(distinct, counts, strict=True) for _ in range(c)]
    figures = draw(st.permutations(figures))
    order = list(range(len(figures)))
    for value in distinct:
        places = [i for i, f in enumerate(figures) if f == value]
        shuffled = draw(st.permutations(places))
        for a, b in zip(places, shuffled, strict=True):
            order[a] = b
    return list(figures), order


RULES = [Scenario(), Scenario(rule_kind=RuleKind.QUALIFIED, qualified=Fraction(2, 3)),
         Scenario(rule_kind=RuleKind.QUALIFIED, qualified=Fraction(3, 4), min_partners=2)]


@settings(max_examples=40, deadline=None)
@given(tied_networks(), st.sampled_from(RULES))
def test_permuting_partners_with_equal_shares_permutes_nothing_in_the_result(tied, rule: Scenario) -> None:
    figures, order = tied
    partners = network(figures)
    scenario = replace(rule, vote_method=VoteMethod.PROPORTIONAL, vote_basis="activity")
    before = analyse(partners, scenario)
    after = analyse([partners[i] for i in order], scenario)
    if before.problem is not None:
        assert after.problem == before.problem
        return
    result = by_id(before)
    assert by_id(after) == result
    for a, fa in zip(partners, figures, strict=True):  # equal shares: equal votes and power, whatever the order
        for b, fb in zip(partners, figures, strict=True):
            if fa == fb:
                assert result[a.id] == result[b.id]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 10**6), min_size=2, max_size=6), st.sampled_from(RULES))
def test_indices_are_exact_for_the_votes_and_the_quota_is_of_the_votes_that_exist(figures: list[int],
                                                                                   rule: Scenario) -> None:
    scenario = replace(rule, vote_method=VoteMethod.PROPORTIONAL, vote_basis="activity")
    result = analyse(network(figures), scenario)
    if result.problem is not None:
        return
    votes = list(result.votes or ())
    total = sum(figures)
    assert votes == [math.floor(Fraction(f * 10_000, total) + Fraction(1, 2)) for f in figures]
    quota = sum(votes) // 2 + 1 if rule.qualified is None else math.ceil(rule.qualified * sum(votes))
    game = BruteForceGame(votes, quota=quota, min_members=rule.min_partners)
    assert result.power is not None
    assert list(result.power.banzhaf) == game.banzhaf() and list(result.power.shapley_shubik) == game.shapley()


def test_a_power_change_from_rounding_alone_is_said_in_plain_words_with_the_working() -> None:
    # 50.004% and 49.996% both round to 5,000 votes: neither passes alone, but on the exact shares the first does.
    result = analyse(network([50004, 49996]), PROPORTIONAL)
    assert result.votes == (5000, 5000) and result.rounding is not None and result.rounding.changed
    warning = next(w for w in result.warnings if w.startswith("Rounding"))
    assert "P01 has 50.0% of the Banzhaf power with the rounded votes against 100.0% on the exact shares " \
           "(−50.0 pts)" in warning and "P02 50.0% against 0.0% (+50.0 pts)" in warning
    working = result.rounding.working(result.codes)
    assert "P01 alone holds 50.0040%, which is more than half" in working
    assert "5,000 of the 10,000 votes, short of the 5,001 needed" in working


@pytest.mark.parametrize("figures", [[684000, 437000, 384000, 320000, 228000], [3, 3, 3], [1, 2, 3, 4]])
def test_no_rounding_warning_when_rounding_changes_no_verdict(figures: list[int]) -> None:
    result = analyse(network(figures), PROPORTIONAL)
    assert result.rounding is not None and not result.rounding.changed
    assert not any(w.startswith("Rounding") for w in result.warnings)


def test_the_check_is_made_beyond_the_enumeration_limit_and_never_says_not_checked() -> None:
    # 17 partners: past the 16 whose coalitions are listed; whether a verdict flips is still answered (here
    # none does, so nothing is said).
    result = analyse(network([1000 + i for i in range(17)]), PROPORTIONAL)
    assert result.rounding is not None and not result.rounding.changed and result.rounding.flip is None
    assert not any("not checked" in w for w in result.warnings)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 40), min_size=2, max_size=6), st.sampled_from(RULES))
def test_the_power_on_the_exact_shares_matches_brute_force(figures: list[int], rule: Scenario) -> None:
    """Exact shares as whole-number weights over their total: the check's exact indices against brute force."""
    total = sum(figures)
    shares = [Fraction(f, total) for f in figures]
    votes = [math.floor(s * 10_000 + Fraction(1, 2)) for s in shares]
    scenario = replace(rule, vote_method=VoteMethod.PROPORTIONAL)
    partners = network(figures)
    try:
        game = rule_game(votes, scenario.rule_for(partners))
    except RuleError:
        return
    power = power_indices(game.weights, game.quota, min_members=game.min_members)
    found = check_rounding(shares, votes, scenario.rule_for(partners), game, power.banzhaf, power.shapley_shubik)
    fraction = rule.qualified
    exact_quota = total // 2 + 1 if fraction is None else math.ceil(fraction * total)
    exact = BruteForceGame(figures, quota=exact_quota, min_members=rule.min_partners)
    exact_banzhaf, exact_shapley = exact.banzhaf(), exact.shapley()
    changed = {c.index: c for c in found.changes}
    for i in range(len(figures)):
        if i in changed:
            assert (changed[i].banzhaf_exact, changed[i].shapley_exact) == (exact_banzhaf[i], exact_shapley[i])
        else:
            assert (power.banzhaf[i], power.shapley_shubik[i]) == (exact_banzhaf[i], exact_shapley[i])


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9), st.integers(0, 3), st.integers(-1, 30), st.integers(0, 9),
       st.lists(st.integers(0, 8), max_size=2, unique=True))
def test_equal_votes_counted_in_closed_form_match_brute_force(n: int, w: int, quota: int, m: int,
                                                               veto: list[int]) -> None:
    weights, veto_t = [w] * n, tuple(v for v in veto if v < n)
    try:
        power = power_indices(weights, quota, min_members=m, veto=veto_t)
        found = minimal_coalitions(weights, quota, min_members=m, veto=veto_t)
    except GameError:
        return
    brute = BruteForceGame(weights, quota, m, veto_t)
    assert list(power.swings) == brute.swings() and list(power.shapley_shubik) == brute.shapley()
    winning = brute.winning()
    minimal = [c for c in winning if all(not brute.wins(c - {i}) for i in c)]
    assert found.winning.total == len(minimal)
