"""Does rounding the exact shares to whole votes change the verdict of any coalition? Answered without
listing coalitions, for any number of partners.

A coalition's verdict can only differ between the two games when it has the rule's vetoes and at least its
minimum number of partners. Among those, a flip is a coalition whose rounded votes reach the quota while its
exact share does not meet the threshold, or the reverse. A dynamic programme over vote totals capped at the
quota (a knapsack), and over the number of partners capped at the minimum when the rule has one, keeps for
every capped state the smallest and the largest exact share any coalition in that state can have: a flip
exists iff the state "quota reached" holds a share short of the threshold, or a state below the quota holds
one meeting it. The work is about partners x quota: under 10 ms at 200 partners (10,000 votes).

A minimum number of partners multiplies that by the minimum, so the programme runs without it first: no flip
then means none with it, and a flip found with enough partners (or grown to enough, one partner at a time,
while it stays a flip) answers it. Only otherwise does the programme track sizes (about 0.6 s at 200
partners with a minimum of 100).

Exactness: a float64 pass runs first with a safe margin (a sum of n shares in floating point is within
n ulps of 1 of the exact sum); only when some extreme share lies inside that margin of the threshold is the
pass repeated in whole numbers over the shares' common denominator (int64 when it fits, Python ints
otherwise). The example coalition is recovered by walking the programme back, and checked in Fractions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

Table = np.ndarray[Any, Any]


@dataclass(frozen=True)
class FoundFlip:
    """One coalition whose verdict the rounding changes."""

    members: tuple[int, ...]
    exact_share: Fraction
    votes: int
    passes_exact: bool


@dataclass(frozen=True)
class _Knapsack:
    """The partners the programme chooses from (the veto players are in every coalition already)."""

    items: tuple[int, ...]  # partner indices, vetoes left out
    weights: tuple[int, ...]  # their votes
    quota: int
    size_cap: int  # the minimum number of partners (0: sizes are not tracked)
    start: tuple[int, int]  # (capped size, capped votes) of the vetoes alone


def find_flip(shares: Sequence[Fraction], votes: Sequence[int], quota: int, min_members: int,
              veto: Sequence[int], threshold: Fraction, strict: bool) -> FoundFlip | None:
    """A coalition (with every partner in ``veto`` and at least ``min_members`` partners) whose verdict on
    the rounded ``votes`` (reaching ``quota``) differs from its verdict on the exact ``shares`` (more than
    ``threshold`` when ``strict``, else at least), or None when there is none."""
    veto_set = set(veto)
    if len(shares) < min_members:
        return None  # no coalition is ever large enough: nothing passes either way
    if min_members:
        # Without the minimum first (partners x quota, not x minimum as well): no flip then means none with
        # it, and a flip found that is large enough already is one.
        found = programme_flip(shares, votes, quota, 0, veto_set, threshold, strict)
        if found is None:
            return None
        if len(found.members) < min_members:
            found = _grown(found, shares, votes, quota, threshold, strict, min_members)
        if found is None:
            found = programme_flip(shares, votes, quota, min_members, veto_set, threshold, strict)
    else:
        found = programme_flip(shares, votes, quota, 0, veto_set, threshold, strict)
    return None if found is None else _shrunk(found, shares, votes, quota, threshold, strict, veto_set,
                                              min_members)


def programme_flip(shares: Sequence[Fraction], votes: Sequence[int], quota: int, min_members: int,
                   veto_set: set[int], threshold: Fraction, strict: bool) -> FoundFlip | None:
    """The dynamic programme alone, the minimum tracked in its states (``find_flip`` tries without it first,
    and shortens the example): the float pass, then the exact pass if need be."""
    n = len(shares)
    items = tuple(i for i in range(n) if i not in veto_set)
    cap = min_members
    ks = _Knapsack(items, tuple(votes[i] for i in items), quota, cap,
                   (min(len(veto_set), cap), min(sum(votes[i] for i in veto_set), quota)))
    veto_share = sum((shares[i] for i in veto_set), Fraction(0))

    # Float pass, with a margin that covers every rounding of a sum of up to n shares.
    margin = (n + 4) * 2.0**-50
    t = float(threshold)
    floats = [float(shares[i]) for i in items]
    found = _search(ks, floats, float(veto_share), lambda v: v - margin > t, lambda v: v + margin < t,
                    np.float64, math.inf)
    if found is not _UNDECIDED:
        flip = _checked(found, shares, votes, quota, threshold, strict, veto_set)
        if flip is not None or found is None:
            return flip
    # Exact pass: whole numbers over the common denominator.
    den = math.lcm(*(s.denominator for s in shares))
    nums = [shares[i].numerator * (den // shares[i].denominator) for i in items]
    base = veto_share.numerator * (den // veto_share.denominator)
    # meets(e) iff e/den > threshold (strict) or >= threshold: e >= need.
    scaled = threshold * den
    need = math.floor(scaled) + 1 if strict else math.ceil(scaled)
    fits = 4 * (den + 1) < 2**62
    dtype: Any = np.int64 if fits else object
    big = 2**62 if fits else 4 * (den + 1)
    exact = _search(ks, nums, base, lambda v: v >= need, lambda v: v < need, dtype, big)
    assert exact is not _UNDECIDED
    return _checked(exact, shares, votes, quota, threshold, strict, veto_set)


_UNDECIDED: Any = object()


def _search(ks: _Knapsack, values: Sequence[Any], base: Any, surely_meets: Any, surely_short: Any,
            dtype: Any, big: Any) -> Any:
    """The members of a flipped coalition (partner indices, vetoes left out), None when surely there is
    none, or ``_UNDECIDED`` when some extreme share is too close to the threshold to tell. ``surely_meets``
    and ``surely_short`` take an array of shares (in the pass's units) and answer element by element."""
    undecided = False
    # Rounded votes reach the quota: the smallest exact share there, if it falls short, is a flip.
    low, low_points = _extreme(ks, values, base, dtype, big)
    smallest = low[ks.quota : ks.quota + 1]
    if smallest[0] < big / 2:
        if bool(surely_short(smallest)[0]):
            return _walk_back(ks, values, big, low_points, ks.quota, smallest[0])
        undecided |= not bool(surely_meets(smallest)[0])
    # Short of the quota: the largest exact share there, if it meets the threshold, is a flip.
    negated = [-v for v in values]
    high, high_points = _extreme(ks, negated, -base, dtype, big)
    below = high[: ks.quota]
    feasible = np.asarray(below < big / 2, dtype=bool)
    largest = -below[feasible]
    meets = np.asarray(surely_meets(largest), dtype=bool)
    if meets.any():
        x = int(np.flatnonzero(feasible)[int(np.argmax(meets))])
        return _walk_back(ks, negated, big, high_points, x, high[x])
    undecided |= not bool(np.asarray(surely_short(largest), dtype=bool).all())
    return _UNDECIDED if undecided else None


def _start(ks: _Knapsack, base: Any, dtype: Any, big: Any) -> Table:
    table = np.full((ks.size_cap + 1, ks.quota + 1), big, dtype=dtype)
    table[ks.start] = base
    return table


def _step(table: Table, weight: int, value: Any, quota: int, rows: tuple[int, int], out: Table | None = None
          ) -> Table:
    """The table after one more partner may join: each state keeps the smallest value reaching it. Only
    the sizes in ``rows`` (lowest, highest) are worked out: larger ones cannot be reached yet, smaller ones
    can no longer reach the minimum with the partners left (they keep stale values nobody reads). Written
    into ``out`` when given (a slice of one table allocated for all partners: much faster than a new one
    each step)."""
    if out is None:
        out = table.copy()
    else:
        out[...] = table
    cap = table.shape[0] - 1
    lo, hi = rows
    if cap == 0:
        _join(out[0:1], table[0:1], weight, value, quota)
        return out
    first = max(lo, 1)
    if first <= hi:
        _join(out[first : hi + 1], table[first - 1 : hi], weight, value, quota)
    if hi == cap:
        _join(out[cap:], table[cap:], weight, value, quota)
    return out


def _join(dst: Table, src: Table, weight: int, value: Any, quota: int) -> None:
    """``dst`` (rows of the new table) takes the states of ``src`` (rows of the old) with one partner of
    ``weight`` votes and ``value`` added, the vote total capped at the quota."""
    if weight == 0:
        np.minimum(dst, src + value, out=dst)
        return
    if weight < quota:
        np.minimum(dst[:, weight:quota], src[:, : quota - weight] + value, out=dst[:, weight:quota])
        reach = src[:, quota - weight :]
    else:
        reach = src
    dst[:, quota] = np.minimum(dst[:, quota], reach.min(axis=1) + value)


def _rows(ks: _Knapsack, j: int) -> tuple[int, int]:
    """The sizes worth working out once partner ``j`` (0-based) may have joined."""
    cap = ks.size_cap
    return max(0, cap - (len(ks.items) - j - 1)), min(cap, ks.start[0] + j + 1)


def _extreme(ks: _Knapsack, values: Sequence[Any], base: Any, dtype: Any, big: Any
             ) -> tuple[Table, list[Table]]:
    """The smallest value over coalitions of at least the minimum size, for each capped vote total; and
    checkpoint tables (every ``_stride`` partners) for walking back."""
    stride = _stride(ks, dtype is object)
    table = _start(ks, base, dtype, big)
    if stride == 1:
        every = np.empty((len(ks.items) + 1, *table.shape), dtype=dtype)
        every[0] = table
        for j, (w, v) in enumerate(zip(ks.weights, values, strict=True)):
            _step(every[j], w, v, ks.quota, _rows(ks, j), out=every[j + 1])
        last: Table = every[-1][-1]
        return last, list(every)
    points = [table]
    for j, (w, v) in enumerate(zip(ks.weights, values, strict=True)):
        table = _step(table, w, v, ks.quota, _rows(ks, j))
        if (j + 1) % stride == 0:
            points.append(table)
    row: Table = table[-1]
    return row, points


KEPT_CELLS = 4_000_000  # up to this many float/int64 cells in all (32 MB), every table is kept for walking back
KEPT_OBJECTS = 250_000  # Python ints are bigger and slower: keep fewer of them


def _stride(ks: _Knapsack, objects: bool) -> int:
    """Keep a table every this many partners: every one when they are small, else every sqrt(n)th (the
    walk back then recomputes each stretch once)."""
    n = len(ks.items)
    if n * (ks.size_cap + 1) * (ks.quota + 1) <= (KEPT_OBJECTS if objects else KEPT_CELLS):
        return 1
    return max(1, math.isqrt(n))


def _walk_back(ks: _Knapsack, values: Sequence[Any], big: Any, points: list[Table], x: int, target: Any
               ) -> tuple[int, ...]:
    """The partners of one coalition in state (full size, ``x`` votes) holding ``target``, recovered by
    recomputing each stretch of partners from its checkpoint and stepping back through it."""
    n = len(ks.items)
    stride = _stride(ks, points[0].dtype == object)
    state = (ks.size_cap, x)
    chosen: list[int] = []
    for seg in reversed(range(0, n, stride)):
        end = min(seg + stride, n)
        tables = [points[seg // stride]]
        for j in range(seg, end - 1):
            tables.append(_step(tables[-1], ks.weights[j], values[j], ks.quota, _rows(ks, j)))
        for j in reversed(range(seg, end)):
            before = tables[j - seg]
            if before[state] == target:
                continue  # reached without partner j
            state = _source(before, state, target, ks.weights[j], values[j], ks.quota, ks.size_cap)
            target = before[state]
            chosen.append(ks.items[j])
    return tuple(sorted(chosen))


def _source(before: Table, state: tuple[int, int], target: Any, weight: int, value: Any, quota: int,
            cap: int) -> tuple[int, int]:
    """A state before partner j joined that leads to ``state`` with ``target`` once j's ``value`` is added
    (the same addition as the forward step, so exact even in floating point)."""
    k, x = state
    sizes = [0] if cap == 0 else [cap - 1, cap] if k == cap else [k - 1] if k > 0 else []
    first = max(0, quota - weight) if x == quota else x - weight
    last = quota if x == quota else x - weight
    if first >= 0:
        for kb in sizes:
            hits = np.flatnonzero(before[kb, first : last + 1] + value == target)
            if hits.size:
                return kb, first + int(hits[0])
    raise AssertionError("the programme's choices cannot be walked back")


def _checked(members: tuple[int, ...] | None, shares: Sequence[Fraction], votes: Sequence[int], quota: int,
             threshold: Fraction, strict: bool, veto: set[int]) -> FoundFlip | None:
    """The coalition (vetoes added) as a flip, verified in exact arithmetic; None when it is not one."""
    if members is None:
        return None
    everyone = tuple(sorted(set(members) | veto))
    share = sum((shares[i] for i in everyone), Fraction(0))
    total = sum(votes[i] for i in everyone)
    passes_exact = share > threshold if strict else share >= threshold
    if passes_exact == (total >= quota):
        return None
    return FoundFlip(everyone, share, total, passes_exact)


def _grown(flip: FoundFlip, shares: Sequence[Fraction], votes: Sequence[int], quota: int,
           threshold: Fraction, strict: bool, min_members: int) -> FoundFlip | None:
    """The flip with partners added until it has ``min_members``, each keeping it a flip (those adding the
    least to the side that could end it first), or None when that fails."""
    members = set(flip.members)
    share, total = flip.exact_share, flip.votes
    # Passing only rounded: more votes keep it passing, so add the smallest shares; passing only exactly:
    # more share keeps it passing, so add the fewest votes.
    key = (lambda i: (votes[i], shares[i], i)) if flip.passes_exact else (lambda i: (shares[i], votes[i], i))
    for i in sorted((i for i in range(len(shares)) if i not in members), key=key):
        if len(members) >= min_members:
            break
        more_share, more_votes = share + shares[i], total + votes[i]
        passes_exact = more_share > threshold if strict else more_share >= threshold
        if passes_exact == flip.passes_exact and (more_votes >= quota) != passes_exact:
            members.add(i)
            share, total = more_share, more_votes
    if len(members) < min_members:
        return None
    return FoundFlip(tuple(sorted(members)), share, total, flip.passes_exact)


def _shrunk(flip: FoundFlip, shares: Sequence[Fraction], votes: Sequence[int], quota: int,
            threshold: Fraction, strict: bool, veto: set[int], min_members: int) -> FoundFlip:
    """The flip with as many partners taken out as keep it a flip (the smallest votes tried first), so the
    example the board reads is short: the programme finds an extreme coalition, often a large one."""
    members = set(flip.members)
    share, total = flip.exact_share, flip.votes
    for i in sorted(flip.members, key=lambda i: (votes[i], shares[i], i)):
        if i in veto or len(members) <= max(min_members, 1):
            continue
        less_share, less_votes = share - shares[i], total - votes[i]
        passes_exact = less_share > threshold if strict else less_share >= threshold
        if passes_exact == flip.passes_exact and (less_votes >= quota) != passes_exact:
            members.discard(i)
            share, total = less_share, less_votes
    return FoundFlip(tuple(sorted(members)), share, total, flip.passes_exact)
