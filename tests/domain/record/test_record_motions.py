"""Counting a motion: the voting engine decides whether the partners voting for win under the motion's rule."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.record.motions import (
    Abstentions,
    Ballot,
    Motion,
    MotionOutcome,
    VoteChoice,
    breakdown_text,
    count_motion,
    describe_rule,
    engine_rule,
    parse_fraction,
    validate_motion,
)
from imagingnet_desktop.domain.voting.rules import RuleKind, quota_for

F, A, N = VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN


def ballots(held: list[int], choices: list[VoteChoice], veto: frozenset[int] = frozenset()) -> list[Ballot]:
    return [Ballot(f"P{i}", h, c, i in veto) for i, (h, c) in enumerate(zip(held, choices, strict=True))]


def qualified(p: int, q: int, abstentions: Abstentions = Abstentions.NOT_FOR, min_partners: int = 0) -> Motion:
    return Motion(1, "m", RuleKind.QUALIFIED, p, q, min_partners, abstentions)


def test_simple_majority_needs_more_than_half_of_all_votes() -> None:
    motion = Motion(1, "m")
    assert count_motion(motion, ballots([1, 1, 1, 1], [F, F, A, N])).outcome is MotionOutcome.NOT_PASSED
    result = count_motion(motion, ballots([1, 1, 1, 1], [F, F, F, A]))
    assert result.passed and result.quota == 3 and result.for_codes == ("P0", "P1", "P2")


def test_how_abstentions_count_is_the_rules_choice() -> None:
    choices = [F, F, A, N, N]
    held = [1, 1, 1, 1, 1]
    not_for = count_motion(Motion(1, "m", abstentions=Abstentions.NOT_FOR), ballots(held, choices))
    left_out = count_motion(Motion(1, "m", abstentions=Abstentions.EXCLUDED), ballots(held, choices))
    assert not not_for.passed and not_for.counted_votes == 5 and not_for.quota == 3
    assert left_out.passed and left_out.counted_votes == 3 and left_out.quota == 2
    assert left_out.abstain_codes == ("P3", "P4")


def test_two_thirds_is_exact_not_rounded() -> None:
    # 3 votes: 2 of them are exactly 2/3 and pass; 10,000 votes: 6,666 fall short of 2/3, 6,667 pass.
    assert count_motion(qualified(2, 3), ballots([1, 1, 1], [F, F, A])).passed
    assert not count_motion(qualified(2, 3), ballots([6666, 3334], [F, A])).passed
    assert count_motion(qualified(2, 3), ballots([6667, 3333], [F, A])).passed


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 50), st.integers(1, 50), st.integers(0, 10**9))
def test_the_engine_rule_has_exactly_the_quota_of_the_fraction(p: int, q: int, total: int) -> None:
    if p > q:
        p, q = q, p
    if Fraction(p, q) <= Fraction(1, 2):  # not a majority: refused (see the test below)
        p, q = q - p + (2 * p == q), q
    rule = engine_rule(RuleKind.QUALIFIED, Fraction(p, q), 0, ())
    assert quota_for(rule, total) == math.ceil(Fraction(total * p, q))


def test_a_qualified_majority_of_half_or_less_is_refused() -> None:
    with pytest.raises(FieldError, match="could both pass"):
        validate_motion(qualified(1, 2))
    with pytest.raises(FieldError, match="not a majority"):
        validate_motion(qualified(1, 3))
    assert validate_motion(qualified(4, 6)).fraction_denominator == 3


def test_a_veto_holder_blocks_by_not_voting_for_unless_abstentions_are_left_out() -> None:
    held, choices = [5, 3, 2], [F, F, N]
    blocked = count_motion(Motion(1, "m"), ballots(held, choices, veto=frozenset({2})))
    assert not blocked.passed and blocked.blocked_by_veto == ("P2",) and "veto" in blocked.reason
    against = count_motion(Motion(1, "m", abstentions=Abstentions.EXCLUDED), ballots(held, [F, F, A], veto=frozenset({2})))
    assert not against.passed
    assert count_motion(Motion(1, "m", abstentions=Abstentions.EXCLUDED), ballots(held, choices, veto=frozenset({2}))).passed


def test_minimum_partners_and_unanimity() -> None:
    motion = Motion(1, "m", min_partners=3)
    result = count_motion(motion, ballots([10, 10, 1, 1], [F, F, A, A]))
    assert not result.passed and "only 2 of the 3 partners" in result.reason
    unanimity = Motion(1, "m", RuleKind.UNANIMITY)
    assert not count_motion(unanimity, ballots([1, 1, 1], [F, F, N])).passed
    assert count_motion(dataclass_replace(unanimity, Abstentions.EXCLUDED), ballots([1, 1, 1], [F, F, N])).passed
    left_out = Motion(1, "m", min_partners=3, abstentions=Abstentions.EXCLUDED)
    result = count_motion(left_out, ballots([1, 1, 1], [F, F, N]))
    assert not result.passed and "could not be met" in result.reason


def dataclass_replace(motion: Motion, abstentions: Abstentions) -> Motion:
    import dataclasses

    return dataclasses.replace(motion, abstentions=abstentions)


def test_everyone_abstaining_decides_nothing() -> None:
    result = count_motion(Motion(1, "m", abstentions=Abstentions.EXCLUDED), ballots([1, 1], [N, N]))
    assert not result.passed and "Every partner abstained" in result.reason


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.sampled_from(list(VoteChoice)), st.booleans()),
                min_size=1, max_size=6),
       st.sampled_from([(1, 2, RuleKind.SIMPLE_MAJORITY), (2, 3, RuleKind.QUALIFIED), (3, 4, RuleKind.QUALIFIED),
                        (1, 1, RuleKind.UNANIMITY)]),
       st.integers(0, 3), st.sampled_from(list(Abstentions)))
def test_the_count_agrees_with_the_rule_read_literally(rows: list[tuple[int, VoteChoice, bool]],
                                                        rule: tuple[int, int, RuleKind], minimum: int,
                                                        abstentions: Abstentions) -> None:
    p, q, kind = rule
    minimum = 0 if kind is RuleKind.UNANIMITY else minimum
    motion = Motion(1, "m", kind, p if kind is RuleKind.QUALIFIED else None,
                    q if kind is RuleKind.QUALIFIED else None, minimum, abstentions)
    counted = [Ballot(f"P{i}", h, c, v) for i, (h, c, v) in enumerate(rows)]
    result = count_motion(motion, counted)
    base = [b for b in counted if abstentions is Abstentions.NOT_FOR or b.choice is not N]
    yes = [b for b in base if b.choice is F]
    total, got = sum(b.votes_held for b in base), sum(b.votes_held for b in yes)
    if not base:
        expected = False
    elif kind is RuleKind.UNANIMITY:
        expected = len(yes) == len(base)
    else:
        enough = got > total / 2 if kind is RuleKind.SIMPLE_MAJORITY else got * q >= total * p
        vetoes_for = all(b.choice is F for b in base if b.veto)
        playable = total > 0 and minimum <= len(base)
        expected = playable and enough and len(yes) >= minimum and vetoes_for
    assert result.passed is expected, result.reason


def test_rule_validation_and_fractions_as_typed() -> None:
    assert parse_fraction("2/3") == Fraction(2, 3)
    assert parse_fraction("75%") == Fraction(3, 4)
    assert parse_fraction("75") == Fraction(3, 4)
    assert parse_fraction("0.6") == Fraction(3, 5)
    for bad in ("", "3/2", "0", "two thirds", "1/0"):
        with pytest.raises(FieldError):
            parse_fraction(bad)
    with pytest.raises(FieldError, match="needs a fraction"):
        validate_motion(Motion(1, "m", RuleKind.QUALIFIED))
    with pytest.raises(FieldError, match="set the minimum to 0"):
        validate_motion(Motion(1, "m", RuleKind.UNANIMITY, min_partners=2))
    assert validate_motion(qualified(4, 6)).fraction_denominator == 3  # reduced
    assert validate_motion(Motion(1, "m", fraction_numerator=2, fraction_denominator=3)).fraction is None


def test_the_rule_and_breakdown_in_words() -> None:
    assert describe_rule(qualified(3, 4, min_partners=3)) == \
        "Qualified majority: at least 75% of the votes, and at least 3 partners"
    assert describe_rule(qualified(2, 3)) == "Qualified majority: at least 2/3 of the votes"
    motion = Motion(1, "Adopt the MOU")
    text = breakdown_text(motion, count_motion(motion, ballots([1, 1, 1], [F, F, N])))
    assert text.startswith("Motion PASSED: Adopt the MOU. For: P0, P1; against: none; abstained: P2.")
    assert "Abstentions count as not voting for" in text
