"""Scores combined across partners, weighted totals and the ranking.

Each partner may score each short-listed option against each factor; the combined score is the mean, with the
lowest and highest beside it so disagreement shows. An option's weighted total (0-10) is the sum of its mean
scores times the factors' weight shares. Only an option with a score for every factor is ranked: a total over
some factors only would not compare with the others.
Means are kept as exact fractions, so the robustness thresholds can be solved exactly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from imagingnet_desktop.domain.commercial.appraisal import Criterion, Option, Score


@dataclass(frozen=True)
class CombinedScore:
    mean: Fraction
    low: int
    high: int
    count: int

    @property
    def spread(self) -> int:
        return self.high - self.low


def combine(scores: Iterable[Score]) -> dict[tuple[int, int], CombinedScore]:
    """(option id, criterion id) -> the partners' scores combined."""
    found: dict[tuple[int, int], list[int]] = defaultdict(list)
    for score in scores:
        found[(score.option_id, score.criterion_id)].append(score.score)
    return {key: CombinedScore(Fraction(sum(v), len(v)), min(v), max(v), len(v)) for key, v in found.items()}


def exact_weights(criteria: tuple[Criterion, ...]) -> tuple[Fraction, ...]:
    """Each factor's share of the total weight, exactly (all zero when the total is zero). A weight is read as
    the decimal it was typed as (0.1 is 1/10, not the binary float nearest it), which keeps the fractions small."""
    raw = [Fraction(repr(float(c.weight))) for c in criteria]
    total = sum(raw, Fraction(0))
    return tuple(w / total if total else Fraction(0) for w in raw)


@dataclass(frozen=True)
class RankedOption:
    option_id: int
    name: str
    total: Fraction | None  # None: not every factor scored
    rank: int | None
    missing: int  # factors without any score


@dataclass(frozen=True)
class Ranking:
    """The ranked options (best first, then the incomplete ones in list order) and the score matrix behind it."""

    options: tuple[RankedOption, ...]
    matrix: tuple[tuple[Fraction, ...], ...]  # complete options, in list order x criteria
    matrix_names: tuple[str, ...]
    matrix_ids: tuple[int, ...]  # option id of each matrix row
    weights: tuple[Fraction, ...]

    @property
    def leader(self) -> RankedOption | None:
        first = self.options[0] if self.options else None
        return first if first is not None and first.rank == 1 else None

    def total_of(self, option_id: int) -> Fraction | None:
        return next((r.total for r in self.options if r.option_id == option_id), None)


def rank_options(options: tuple[Option, ...], criteria: tuple[Criterion, ...],
                 combined: dict[tuple[int, int], CombinedScore]) -> Ranking:
    """Weighted totals of the scored options, and their ranking (ties share a rank, list order first)."""
    weights = exact_weights(criteria)
    complete: list[tuple[Option, tuple[Fraction, ...]]] = []
    incomplete: list[RankedOption] = []
    for option in options:
        if not option.scored:
            continue
        means = [combined.get((option.id, c.id)) for c in criteria]
        missing = sum(m is None for m in means)
        if missing or not criteria:
            incomplete.append(RankedOption(option.id, option.name, None, None, missing))
        else:
            complete.append((option, tuple(m.mean for m in means if m is not None)))
    totals = [sum((w * s for w, s in zip(weights, row, strict=True)), Fraction(0)) for _, row in complete]
    ranked = [
        RankedOption(option.id, option.name, total, 1 + sum(other > total for other in totals), 0)
        for (option, _), total in zip(complete, totals, strict=True)
    ]
    ranked.sort(key=lambda r: r.rank or 0)  # stable: list order within a tie
    return Ranking(tuple(ranked + incomplete), tuple(row for _, row in complete),
                   tuple(option.name for option, _ in complete), tuple(option.id for option, _ in complete), weights)
