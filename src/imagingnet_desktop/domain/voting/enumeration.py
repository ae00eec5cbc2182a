"""Exact power indices and minimal coalitions for small games, by listing every coalition at once.

Why: a workshop network has 3-8 partners, and the slider on the Shares & votes tab re-analyses the
game on every move.  With votes in basis points the dynamic-programming tables of ``voting`` are
10,000 weight units wide, which costs about a millisecond; with at most ``ENUMERATE_UP_TO`` players
there are at most 4,096 coalitions, and numpy looks at all of them in a few tens of microseconds.

What: the same combined game as ``voting`` (``WeightedGame.reduced()``: veto players forced in, the
other players' weights divided by their common factor and capped at the quota), the same exact
integer counts (swings, pivots, winning coalitions; minimal winning and blocking coalitions and the
same example lists in the same order), and the same refusals, including the table-size check, so a
caller cannot tell which path ran except by the time it took.  ``tests/test_voting_fast_path.py``
checks that on random games.

Coalition masks: bit ``j`` of a mask stands for column ``j`` of the player table.  Columns run
from the LAST player (bit 0) to the FIRST (bit r-1), so counting the masks downwards visits the sets
in the order ``coalitions._first_reached`` finds them (first player in, then out, and so on).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from imagingnet_desktop.domain.voting.counting import check_size, rings_for
from imagingnet_desktop.domain.voting.game import ReducedGame

# 12 players: 4,096 coalitions; (n - 1)! and every count times it stay far inside int64.
ENUMERATE_UP_TO = 12


def small_enough(n: int) -> bool:
    """Whether a game of ``n`` players (veto players included) takes the enumeration path."""
    return n <= ENUMERATE_UP_TO


@dataclass(frozen=True)
class _Tables:
    """For r players, read-only and shared between calls: one row per mask (coalition)."""

    bits: np.ndarray  # (2**r, r) int64: 1 where column j is in the set
    sizes: np.ndarray  # (2**r,) members in the set
    with_j: np.ndarray  # (2**r, r) the mask with column j added
    without_lowest: np.ndarray  # (2**r,) the mask with its lowest column (its lightest member) taken out
    columns: tuple[tuple[int, ...], ...]  # the columns in each mask, for listing sets


@lru_cache(maxsize=ENUMERATE_UP_TO + 1)
def _tables(r: int) -> _Tables:
    masks = np.arange(1 << r, dtype=np.int64)
    bit = np.left_shift(np.int64(1), np.arange(r, dtype=np.int64))
    bits = (masks[:, None] >> np.arange(r, dtype=np.int64)) & 1
    tables = _Tables(
        bits=bits,
        sizes=bits.sum(axis=1),
        with_j=masks[:, None] | bit,
        without_lowest=masks & np.maximum(masks - 1, 0),
        columns=tuple(tuple(j for j in range(r) if mask >> j & 1) for mask in range(1 << r)),
    )
    for array in (tables.bits, tables.sizes, tables.with_j, tables.without_lowest):
        array.flags.writeable = False
    return tables


def _check_table_size(red: ReducedGame, width: int) -> None:
    """The refusal the dynamic programme would give, so both paths refuse the same games."""
    check_size(red.r + 1, width, len(rings_for(red.r + 1)))


# ----------------------------------------------------------------------------------- power


def power_counts(red: ReducedGame) -> tuple[list[int], list[int], int]:
    """``(swings, pivots, winning)`` per original player, as the DP in ``voting._counts`` gives them.

    A coalition is the veto players plus a set T of the r others; T completes a winning coalition
    when it reaches the reduced quota and head count.  A non-veto player j swings for T (without j)
    when T falls short and T + j does not; it is then pivotal in k! (n - k - 1)! orderings, where
    k = |T| + (number of veto players) precede it.  A veto player swings in every winning coalition.
    """
    _check_table_size(red, red.quota)
    r, n, k_veto = red.r, red.n, len(red.veto)
    fact = [math.factorial(k) for k in range(n + 1)]
    swings = [0] * n
    pivots = [0] * n
    t = _tables(r)
    sizes = t.sizes
    weight = t.bits @ np.asarray(red.weights[::-1], dtype=np.int64)  # column j: player r - 1 - j
    reached = (weight >= red.quota) & (sizes >= red.min_members)
    winning = int(np.count_nonzero(reached))
    # crit[T, j]: T loses and T + j wins (so j is not in T: then T + j would be T).
    crit = reached[t.with_j] & ~reached[:, None]
    before = np.array([fact[k_veto + s] * fact[n - k_veto - s - 1] if k_veto + s < n else 0
                       for s in range(r + 1)], dtype=np.int64)
    swing_cols = np.count_nonzero(crit, axis=0).tolist()
    pivot_cols = (before[sizes] @ crit.astype(np.int64)).tolist()
    for j in range(r):
        player = red.players[r - 1 - j]
        swings[player] = int(swing_cols[j])
        pivots[player] = int(pivot_cols[j])
    if red.veto:
        # A veto player completes veto + T: k_veto - 1 + |T| players precede it.
        after = np.array([fact[k_veto - 1 + s] * fact[n - k_veto - s] for s in range(r + 1)], dtype=np.int64)
        veto_pivots = int(after[sizes[reached]].sum())
        for v in red.veto:
            swings[v], pivots[v] = winning, veto_pivots
    return swings, pivots, winning


# ----------------------------------------------------------------------------------- coalitions


def minimal_sets(
    red: ReducedGame, limit: int
) -> tuple[list[tuple[int, ...]], int, list[tuple[int, ...]], int]:
    """``(winning examples, winning total, blocking examples, blocking total)`` as ``coalitions`` gives them.

    Works on the non-veto players heaviest first (``red.descending()``), the order the example
    lists are drawn in; the veto players are added to every winning example and are each a
    blocking coalition on their own, listed first.
    """
    ids, ws = red.descending()
    q, m, r = red.quota, red.min_members, red.r
    q_block, m_block = sum(ws) - q + 1, r - m + 1  # B blocks iff w(B) >= q_block or |B| >= m_block
    _check_table_size(red, max(q, q_block))
    veto = red.veto
    t = _tables(r)
    weight = t.bits @ np.asarray(ws[::-1], dtype=np.int64)
    wins = (weight >= q) & (t.sizes >= m)
    blocks = (weight >= q_block) | (t.sizes >= m_block)
    min_win = _minimal(wins, t)
    min_block = _minimal(blocks, t)
    column_ids = ids[::-1]

    def first(found: np.ndarray, count: int) -> list[tuple[int, ...]]:
        masks = np.flatnonzero(found)[::-1][: max(count, 0)].tolist()
        return [tuple([column_ids[j] for j in t.columns[mask]]) for mask in masks]

    winning = [tuple(sorted(veto + found)) for found in first(min_win, limit)]
    blocking: list[tuple[int, ...]] = [(v,) for v in veto[:limit]]
    blocking += [tuple(sorted(found)) for found in first(min_block, limit - len(blocking))]
    n_winning = int(np.count_nonzero(min_win))
    n_blocking = int(np.count_nonzero(min_block)) + len(veto)
    return winning, n_winning, blocking, n_blocking


def _minimal(hit: np.ndarray, t: _Tables) -> np.ndarray:
    """Sets that hit a threshold on (weight, size), and miss it once any one member leaves.

    Both thresholds here (winning: weight and size; blocking: weight or size) only grow with the
    weight and the size, and the lightest member's departure leaves the most weight behind: so a
    set is minimal exactly when it hits and misses without its lightest member (its lowest column).
    The empty set has no member to lose: it is minimal when it hits.
    """
    minimal: np.ndarray = hit & ~hit[t.without_lowest]
    minimal[0] = hit[0]
    return minimal
