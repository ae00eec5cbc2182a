"""How robust the ranking is to the weights.

One weight at a time: factor k's share t moves from its current value while the other shares keep their
proportions (each scaled by (1 - t) / (1 - w_k); when w_k is 1 they share the rest equally). Every option's
total is then a straight line in t, so the leader changes only where two lines cross: each crossing is solved
exactly (fractions), in both directions, and the nearest gives the threshold and the option that then leads.
The leader at any weighting is the option with the highest total, the earlier in the list on a tie.

All weights at once: the share of random weightings (uniform over the simplex, i.e. Dirichlet(1, ..., 1), from a
seeded generator so the figure repeats) under which each option ranks first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

Matrix = Sequence[Sequence[Fraction]]
DEFAULT_SAMPLES = 10_000
DEFAULT_SEED = 20_260_901


@dataclass(frozen=True)
class Flip:
    at: Fraction  # the weight share (0..1) at which the leader changes
    new_leader: int  # row of the matrix that then leads


@dataclass(frozen=True)
class WeightSensitivity:
    criterion: int
    weight: Fraction
    leader: int
    rise: Flip | None  # the leader changes if the weight rises past ``rise.at``; None: never up to 100%
    fall: Flip | None  # ... falls past ``fall.at``; None: never down to 0%

    @property
    def nearest(self) -> Flip | None:
        candidates = [f for f in (self.rise, self.fall) if f is not None]
        return min(candidates, key=lambda f: abs(f.at - self.weight)) if candidates else None


def totals(matrix: Matrix, weights: Sequence[Fraction]) -> list[Fraction]:
    return [sum((w * s for w, s in zip(weights, row, strict=True)), Fraction(0)) for row in matrix]


def leader(matrix: Matrix, weights: Sequence[Fraction]) -> int:
    values = totals(matrix, weights)
    best = max(values)
    return values.index(best)


def moved_weights(weights: Sequence[Fraction], k: int, t: Fraction) -> list[Fraction]:
    """The weights with factor k's share set to t and the others rescaled to keep their proportions."""
    rest = 1 - weights[k]
    others = len(weights) - 1
    moved = []
    for j, w in enumerate(weights):
        if j == k:
            moved.append(t)
        elif rest > 0:
            moved.append(w * (1 - t) / rest)
        else:
            moved.append((1 - t) / others)
    return moved


def _lines(matrix: Matrix, weights: Sequence[Fraction], k: int,
           current: Sequence[Fraction]) -> list[tuple[Fraction, Fraction]]:
    """Each option's total as (value at t = 0, slope) in t, factor k's share; ``current``: the totals now.

    At t = 0 the other factors share all the weight in their present proportions, so the value there is the
    current total less factor k's part, scaled up by 1 / (1 - w_k): one step per option, not a full sum."""
    w = weights[k]
    lines = []
    for row, total in zip(matrix, current, strict=True):
        if w < 1:
            at_zero = (total - w * row[k]) / (1 - w)
        else:  # every other weight is zero: they share the rest equally
            at_zero = (sum(row, Fraction(0)) - row[k]) / (len(row) - 1)
        lines.append((at_zero, row[k] - at_zero))
    return lines


def _flip(lines: list[tuple[Fraction, Fraction]], current: Sequence[Fraction], t0: Fraction, lead: int,
          direction: int) -> Flip | None:
    """The nearest t past t0 (direction +1: up to 1, -1: down to 0) where the leader is no longer ``lead``;
    ``current``: each option's total at t0."""
    reach = 1 - t0 if direction > 0 else t0
    best: Fraction | None = None
    slope = lines[lead][1]
    for o, (_, b) in enumerate(lines):
        if o == lead:
            continue
        gap = current[o] - current[lead]  # <= 0: lead leads at t0
        rate = direction * (b - slope)
        if rate <= 0:
            continue
        distance = -gap / rate
        if distance < reach or (distance == reach and o < lead):
            best = distance if best is None else min(best, distance)
    if best is None:
        return None
    at = t0 + direction * best

    def standing(o: int) -> tuple[Fraction, Fraction, int]:
        a, b = lines[o]
        beyond = direction * b if best < reach else Fraction(0)  # at the very end, the value there decides
        return (a + b * at, beyond, -o)

    return Flip(at, max(range(len(lines)), key=standing))


def sensitivity(matrix: Matrix, weights: Sequence[Fraction], k: int,
                current: Sequence[Fraction] | None = None) -> WeightSensitivity:
    """Where factor k's weight must move, up and down, before the leader changes, and who then leads
    (``current``: the options' totals at these weights, if already worked out)."""
    current = totals(matrix, weights) if current is None else current
    lead = list(current).index(max(current))
    if len(weights) < 2 or len(matrix) < 2:
        return WeightSensitivity(k, weights[k], lead, None, None)
    lines = _lines(matrix, weights, k, current)
    t0 = weights[k]
    return WeightSensitivity(k, t0, lead, _flip(lines, current, t0, lead, +1), _flip(lines, current, t0, lead, -1))


def first_place_shares(matrix: Matrix, samples: int = DEFAULT_SAMPLES, seed: int = DEFAULT_SEED) -> list[float]:
    """The share (0..1) of random weightings under which each option ranks first. It does not depend on the
    weights, so a weight edit finds the last answer in a small cache."""
    return list(_first_place_shares(tuple(tuple(row) for row in matrix), samples, seed))


@lru_cache(maxsize=16)
def _first_place_shares(matrix: tuple[tuple[Fraction, ...], ...], samples: int, seed: int) -> tuple[float, ...]:
    if not matrix:
        return ()
    import numpy as np  # only when there is a ranking to test: numpy stays off the start-up path

    scores = np.array([[float(s) for s in row] for row in matrix])
    rng = np.random.default_rng(seed)
    # normalised exponentials are Dirichlet(1, ..., 1): uniform over the simplex (and quicker to draw)
    draws = rng.standard_exponential((samples, scores.shape[1]))
    weights = draws / draws.sum(axis=1, keepdims=True)
    winners = np.argmax(weights @ scores.T, axis=1)  # the first on a tie, as ``leader``
    counts = np.bincount(winners, minlength=scores.shape[0])
    return tuple(float(c) / samples for c in counts)


def percent(share: Fraction | float) -> str:
    """12.5 -> "12.5%", 34.0 -> "34%" (no space before %)."""
    text = f"{float(share) * 100:.1f}".removesuffix(".0")
    return f"{text}%"


def describe(s: WeightSensitivity, names: Sequence[str], criterion_name: str) -> str:
    """The sensitivity in plain words, e.g. "Arm's Length stays first unless the weight on potential affordability
    rises above 34% (then Private JV leads)"."""
    lead = names[s.leader]
    factor = criterion_name[:1].lower() + criterion_name[1:]
    parts = []
    for flip, up in ((s.rise, True), (s.fall, False)):
        if flip is None:
            continue
        if flip.at == s.weight:
            return (f"{lead} is only just first: any {'rise' if up else 'fall'} in the weight on {factor} puts "
                    f"{names[flip.new_leader]} first")
        if flip.at in (0, 1):
            verb = "reaches 100%" if up else "falls to 0%"
        else:
            verb = f"{'rises above' if up else 'falls below'} {percent(flip.at)}"
        parts.append(f"{verb} (then {names[flip.new_leader]} leads)")
    if not parts:
        return f"{lead} stays first whatever the weight on {factor}"
    return f"{lead} stays first unless the weight on {factor} " + " or ".join(parts)
