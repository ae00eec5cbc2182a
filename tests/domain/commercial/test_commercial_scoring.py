"""Scores combined across partners (mean and spread), weighted totals, ranking, and typed values refused."""

from __future__ import annotations

from fractions import Fraction

import pytest

from imagingnet_desktop.domain.commercial.appraisal import (
    Criterion,
    Option,
    OptionStatus,
    Score,
    check_weights,
    parse_score,
    parse_weight,
)
from imagingnet_desktop.domain.commercial.scoring import combine, rank_options
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.typed_text import clean_text

SHORT = OptionStatus.SHORT_LIST


def test_partner_scores_combine_as_the_mean_with_the_spread() -> None:
    combined = combine([Score(1, 1, 1, 1, 4), Score(2, 1, 1, 2, 9), Score(3, 1, 1, 3, 5), Score(4, 2, 1, 1, 7)])
    first = combined[(1, 1)]
    assert first.mean == Fraction(6) and (first.low, first.high, first.spread, first.count) == (4, 9, 5, 3)
    assert combined[(2, 1)].mean == 7 and combined[(2, 1)].spread == 0


def test_weighted_totals_and_ranking() -> None:
    options = (Option(1, "a", "A", SHORT), Option(2, "b", "B", SHORT), Option(3, "c", "C", OptionStatus.RULED_OUT),
               Option(4, "d", "D", SHORT))
    criteria = (Criterion(1, "x", 30), Criterion(2, "y", 10))
    scores = [Score(1, 1, 1, 1, 8), Score(2, 1, 2, 1, 2), Score(3, 2, 1, 1, 6), Score(4, 2, 2, 1, 10),
              Score(5, 3, 1, 1, 10), Score(6, 3, 2, 1, 10), Score(7, 4, 1, 1, 5)]
    ranking = rank_options(options, criteria, combine(scores))
    # A: 0.75*8 + 0.25*2 = 6.5; B: 0.75*6 + 0.25*10 = 7; C ruled out (not ranked); D missing a factor
    assert [(r.name, r.total, r.rank) for r in ranking.options] == [
        ("B", Fraction(7), 1), ("A", Fraction(13, 2), 2), ("D", None, None)]
    assert ranking.options[-1].missing == 1
    assert ranking.leader is not None and ranking.leader.name == "B"
    assert ranking.matrix_names == ("A", "B")


def test_ties_share_a_rank() -> None:
    options = (Option(1, "a", "A", SHORT), Option(2, "b", "B", SHORT))
    ranking = rank_options(options, (Criterion(1, "x", 1),), combine([Score(1, 1, 1, 1, 5), Score(2, 2, 1, 1, 5)]))
    assert [r.rank for r in ranking.options] == [1, 1]


@pytest.mark.parametrize("raw", ["-1", "11", "5.5", "abc", "nan", "inf", ""])
def test_scores_outside_the_scale_are_refused(raw: str) -> None:
    with pytest.raises(FieldError, match="whole number from 0 to 10"):
        parse_score(raw)


def test_scores_on_the_scale() -> None:
    assert [parse_score(v) for v in ("0", " 10 ", "7", 3, "4.0")] == [0, 10, 7, 3, 4]


@pytest.mark.parametrize("raw", ["-5", "nan", "inf", "x", "5000"])
def test_bad_weights_are_refused(raw: str) -> None:
    with pytest.raises(FieldError):
        parse_weight(raw)


def test_weights_that_sum_to_zero_are_refused() -> None:
    assert parse_weight("25%") == 25
    with pytest.raises(FieldError, match="cannot all be zero"):
        check_weights((Criterion(1, "x", 0), Criterion(2, "y", 0)))
    check_weights((Criterion(1, "x", 0), Criterion(2, "y", 1)))


def test_control_characters_refused_in_reasons() -> None:
    assert clean_text("The reason", " two\nlines ", limit=2000, lines=True) == "two\nlines"
    with pytest.raises(FieldError, match="control characters"):
        clean_text("The reason", "bell\x07", limit=2000, lines=True)
    with pytest.raises(FieldError, match="cannot be empty"):
        clean_text("The reason", "  ", limit=2000, lines=True)
