"""Reserved matters: validation, the exact quota of a qualified fraction, and who can block or pass a matter,
checked against a direct reading of the rule over every group of partners."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.control.reserved_matters import (
    MatterPurpose,
    ReservedMatter,
    ToleranceKind,
    analyse_matter,
    check_purposes,
    deadlock_route,
    parse_fraction,
    rule_text,
    tolerance_text,
    validate_matter,
    voting_game,
)
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.voting.rules import RuleError, RuleKind

QUALIFIED = RuleKind.QUALIFIED


def passes(votes: list[int], matter: ReservedMatter, veto: tuple[int, ...], group: set[int]) -> bool:
    """The rule read straight from its words, with no help from the engine."""
    total = sum(votes)
    weight = sum(votes[i] for i in group)
    if matter.rule_kind is RuleKind.UNANIMITY:
        return len(group) == len(votes)
    if matter.rule_kind is RuleKind.SIMPLE_MAJORITY:
        enough = 2 * weight > total
    else:
        enough = Fraction(weight) >= Fraction(total) * Fraction(matter.fraction_num, matter.fraction_den)
    return enough and len(group) >= (matter.min_partners or 0) and all(v in group for v in veto)


def test_validation_refuses_what_a_board_could_not_mean():
    with pytest.raises(FieldError, match="cannot be empty"):
        validate_matter(ReservedMatter(1, "  "))
    with pytest.raises(FieldError, match="control characters"):
        validate_matter(ReservedMatter(1, "Budget\x07"))
    with pytest.raises(FieldError, match="not more than half"):
        validate_matter(ReservedMatter(1, "Budget", QUALIFIED, 1, 2))
    with pytest.raises(FieldError, match="at most 1"):
        validate_matter(ReservedMatter(1, "Budget", QUALIFIED, 5, 4))
    with pytest.raises(FieldError, match="Give the tolerance"):
        validate_matter(ReservedMatter(1, "Budget", tolerance_kind=ToleranceKind.GBP))
    with pytest.raises(FieldError, match="from 0 to 100"):
        validate_matter(ReservedMatter(1, "Budget", tolerance_kind=ToleranceKind.PERCENT,
                                       tolerance_value=Decimal(150)))
    tidy = validate_matter(ReservedMatter(1, "  Sell   assets ", QUALIFIED, 4, 6, min_partners=3))
    assert (tidy.title, tidy.fraction_num, tidy.fraction_den) == ("Sell assets", 2, 3)
    unanimous = validate_matter(ReservedMatter(1, "Admit", RuleKind.UNANIMITY, 2, 3, min_partners=3))
    assert (unanimous.fraction_num, unanimous.min_partners) == (None, None)


def test_fractions_are_typed_as_a_fraction_or_a_percentage():
    assert parse_fraction("2/3") == (2, 3)
    assert parse_fraction(" 75% ") == (3, 4)
    assert parse_fraction("66.5") == (133, 200)
    with pytest.raises(FieldError, match="2/3"):
        parse_fraction("two thirds")


def test_a_qualified_fraction_sets_the_exact_quota():
    matter = ReservedMatter(1, "Budget", QUALIFIED, 2, 3)
    assert voting_game([3333, 3333, 3334], matter).quota == 6667  # ceil(10000 * 2/3), never 6666
    assert voting_game([1, 1, 1], matter).quota == 2  # exactly two thirds is enough
    assert voting_game([1] * 5, ReservedMatter(1, "Plan", QUALIFIED, 3, 4)).quota == 4
    assert voting_game([4, 1, 1], ReservedMatter(1, "Plan")).quota == 4  # simple majority: more than half
    unanimity = voting_game([4, 0, 1], ReservedMatter(1, "Admit", RuleKind.UNANIMITY))
    assert unanimity.min_members == 3  # a partner with no votes still has to agree


def test_a_rule_nobody_could_meet_is_explained():
    with pytest.raises(RuleError, match="at least 4 partners but there are only 3"):
        voting_game([1, 1, 1], ReservedMatter(1, "Plan", min_partners=4))
    outcome = analyse_matter([1, 1, 1], ReservedMatter(1, "Plan", min_partners=4))
    assert outcome.problem and outcome.single_blockers == ()
    assert analyse_matter(None, ReservedMatter(1, "Plan"), votes_problem="no basis").problem == "no basis"


def test_words_for_the_room():
    matter = ReservedMatter(1, "Sell", QUALIFIED, 2, 3, min_partners=3, tolerance_kind=ToleranceKind.GBP,
                            tolerance_value=Decimal(500000), escalate_mediation=False)
    assert rule_text(matter, ["NSH"]) == ("Qualified majority: at least 2/3 of the votes, and at least 3 partners; "
                                          "NSH holds a veto")
    assert tolerance_text(matter) == "Above £500,000"
    assert deadlock_route(matter) == ("Chief executives", "Dispute clause")
    assert rule_text(ReservedMatter(1, "Admit", RuleKind.UNANIMITY)) == "Unanimity: every partner must agree"


matters = st.one_of(
    st.builds(lambda m: ReservedMatter(1, "M", RuleKind.SIMPLE_MAJORITY, min_partners=m),
              st.one_of(st.none(), st.integers(1, 4))),
    st.builds(lambda d, n, m: ReservedMatter(1, "M", QUALIFIED, min(d, max(n, d // 2 + 1)), d, min_partners=m),
              st.integers(2, 12), st.integers(1, 12), st.one_of(st.none(), st.integers(1, 4))),
    st.just(ReservedMatter(1, "M", RuleKind.UNANIMITY)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=2, max_size=6), matters, st.lists(st.integers(0, 5), max_size=2))
def test_blockers_and_passing_groups_match_the_rule_read_directly(votes, matter, veto_in):
    matter = validate_matter(matter)
    veto = tuple(sorted({v for v in veto_in if v < len(votes)})) if matter.rule_kind is not RuleKind.UNANIMITY else ()
    outcome = analyse_matter(votes, matter, veto)
    everyone = set(range(len(votes)))
    if not passes(votes, matter, veto, everyone) or (sum(votes) == 0 and matter.rule_kind is not RuleKind.UNANIMITY):
        assert outcome.problem is not None
        return
    if outcome.problem is not None:  # only a rule that passes with nobody in favour has no answer
        assert passes(votes, matter, veto, set())
        return
    blockers = {i for i in everyone if not passes(votes, matter, veto, everyone - {i})}
    assert set(outcome.single_blockers) == blockers
    minimal = {group for k in range(len(votes) + 1) for group in combinations(range(len(votes)), k)
               if passes(votes, matter, veto, set(group))
               and not any(passes(votes, matter, veto, set(group) - {i}) for i in group)}
    assert set(outcome.min_passing) == minimal
    assert outcome.passing_total == len(minimal)
    assert [len(g) for g in outcome.min_passing] == sorted(len(g) for g in outcome.min_passing)
    if matter.fraction is not None:
        assert outcome.game.quota == math.ceil(sum(votes) * matter.fraction)


# ---------------------------------------------------------------------------- purposes


def test_a_matter_has_no_special_purpose_unless_given_one_and_validation_keeps_it():
    plain = ReservedMatter(1, "Distribute a surplus")
    assert plain.purpose is MatterPurpose.NONE
    exit_matter = ReservedMatter(2, "Departures", purpose=MatterPurpose.EXIT)
    assert validate_matter(exit_matter).purpose is MatterPurpose.EXIT
    assert [p.label for p in MatterPurpose] == ["Other", "Exit of a partner", "Admission of a partner"]
    assert [p.value for p in MatterPurpose] == ["none", "exit", "admission"]


def test_at_most_one_matter_of_each_purpose_but_any_number_of_others():
    others = [ReservedMatter(n, f"Matter {n}") for n in range(1, 5)]
    check_purposes([*others, ReservedMatter(5, "Leaving", purpose=MatterPurpose.EXIT),
                    ReservedMatter(6, "Joining", purpose=MatterPurpose.ADMISSION)])
    with pytest.raises(FieldError, match="“Leaving” is already the matter for the exit of a partner: set that "
                                         "one to Other first"):
        check_purposes([ReservedMatter(5, "Leaving", purpose=MatterPurpose.EXIT), *others,
                        ReservedMatter(7, "Departures", purpose=MatterPurpose.EXIT)])
    with pytest.raises(FieldError, match="admission of a partner"):
        check_purposes([ReservedMatter(6, "Joining", purpose=MatterPurpose.ADMISSION),
                        ReservedMatter(8, "New members", purpose=MatterPurpose.ADMISSION)])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(list(MatterPurpose)), max_size=8))
def test_purposes_are_refused_exactly_when_one_other_than_none_repeats(chosen):
    matters = [ReservedMatter(n, f"Matter {n}", purpose=p) for n, p in enumerate(chosen, start=1)]
    special = [p for p in chosen if p is not MatterPurpose.NONE]
    if len(special) == len(set(special)):
        check_purposes(matters)
    else:
        with pytest.raises(FieldError):
            check_purposes(matters)
