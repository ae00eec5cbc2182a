"""Qualified majorities as boards write them, kept exact; a half or less refused; custom votes for everyone."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.scenarios.analysis import analyse
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.voting.rules import RuleError, RuleKind, VoteMethod, VotingRule, quota_for
from imagingnet_desktop.domain.voting.thresholds import ThresholdError, parse_qualified, qualified_text


@pytest.mark.parametrize(("typed", "exact"), [
    ("two-thirds", Fraction(2, 3)), ("Two thirds", Fraction(2, 3)), ("three-quarters", Fraction(3, 4)),
    ("2/3", Fraction(2, 3)), ("4/6", Fraction(2, 3)), ("75%", Fraction(3, 4)), ("75", Fraction(3, 4)),
    ("66.67%", Fraction(6667, 10000)), ("0.8", Fraction(4, 5)), ("at least 2/3", Fraction(2, 3)),
    ("four-fifths", Fraction(4, 5)), ("100%", Fraction(1)),
])
def test_what_a_board_writes_is_read_exactly(typed: str, exact: Fraction) -> None:
    assert parse_qualified(typed) == exact


@pytest.mark.parametrize(("typed", "words"), [
    ("30%", "30% is not a majority"), ("50%", "could both pass"), ("one-half", "could both pass"),
    ("1/3", "not a majority"), ("120%", "at most 100%"), ("lots", "type it as two-thirds"), ("2/0", "type it as"),
])
def test_what_is_not_a_qualified_majority_is_refused_with_the_reason(typed: str, words: str) -> None:
    with pytest.raises(ThresholdError, match=words):
        parse_qualified(typed)


def test_a_rule_of_half_or_less_is_refused_in_the_engine_too() -> None:
    with pytest.raises(RuleError, match="could both pass"):
        VotingRule(RuleKind.QUALIFIED, Decimal(30))
    with pytest.raises(RuleError, match="could both pass"):
        VotingRule(RuleKind.QUALIFIED, fraction=Fraction(1, 2))


def test_at_least_two_thirds_of_six_equal_votes_needs_four() -> None:
    # Before: "at least 66.67%" applied literally: ceil(6 x 0.6667) = 5.
    assert quota_for(VotingRule(RuleKind.QUALIFIED, fraction=Fraction(2, 3)), 6) == 4
    partners = [Partner(i, f"P{i}", f"Trust {i}") for i in range(1, 7)]
    result = analyse(partners, Scenario(rule_kind=RuleKind.QUALIFIED, qualified=Fraction(2, 3)))
    assert result.game is not None and result.game.quota == 4
    assert result.rule_text == "Qualified majority: at least 2/3 of votes"


def test_the_text_is_a_percentage_when_exact_else_the_fraction() -> None:
    assert [qualified_text(f) for f in (Fraction(3, 4), Fraction(2, 3), Fraction(6667, 10000), Fraction(1))] == [
        "75%", "2/3", "66.67%", "100%"]


def test_settings_store_the_exact_fraction_and_old_percentages_still_read() -> None:
    scenario = Scenario(rule_kind=RuleKind.QUALIFIED, qualified=Fraction(2, 3))
    assert scenario.settings()["qualified"] == "2/3"
    assert Scenario.from_settings(scenario.settings()).qualified == Fraction(2, 3)
    old = {"rule_kind": "qualified", "qualified_percent": "75"}
    assert Scenario.from_settings(old).qualified == Fraction(3, 4)
    assert Scenario.from_settings({"rule_kind": "qualified", "qualified_percent": "66.67"}).qualified \
        == Fraction(6667, 10000)
    assert Scenario.from_settings({"rule_kind": "qualified", "qualified": "nonsense"}).qualified is None


def test_a_stored_rule_of_thirty_percent_is_not_shown_as_all_clear() -> None:
    partners = [Partner(i, f"P{i}", f"Trust {i}") for i in range(1, 4)]
    result = analyse(partners, Scenario.from_settings({"rule_kind": "qualified", "qualified_percent": "30"}))
    assert result.problem is not None and "not a majority" in result.problem and result.power is None


def test_custom_votes_need_every_partner_explicitly() -> None:
    # Before: a partner left out silently got 1 vote.
    partners = [Partner(i, f"P{i}", f"Trust {i}") for i in range(1, 4)]
    result = analyse(partners, Scenario(vote_method=VoteMethod.CUSTOM, custom_votes=((1, 5), (2, 3))))
    assert result.problem == ("Custom votes need a number for every partner: P3 has none yet. Type its votes in the "
                              "Votes column (0 is a number).")
    assert result.votes is None
    complete = analyse(partners, Scenario(vote_method=VoteMethod.CUSTOM, custom_votes=((1, 5), (2, 3), (3, 0))))
    assert complete.problem is None and complete.votes == (5, 3, 0)
