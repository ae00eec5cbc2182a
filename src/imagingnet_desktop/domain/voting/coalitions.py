"""Minimal winning and minimal blocking coalitions: exact counts and a short list of examples.

Why: "which smallest groups of partners can carry a decision, and which can stop one?" is
the question a board actually asks about a voting rule.  The counts are exact for any
size of network (counted by dynamic programming on the same table as the power indices,
``domain.voting.counting``); the examples are found by a pruned search, heaviest partners
first, and stop at ``limit``.

Definitions (same combined game as ``power_indices``: quota, minimum members and vetoes):

* a *minimal winning* coalition wins, and loses if any one member leaves;
* a *blocking* coalition is one whose absence leaves the rest unable to win; it is
  *minimal* if it stops blocking when any one member leaves.  Each veto player alone is
  a minimal blocking coalition.

Counting trick: list a coalition's non-veto members heaviest first; the last (lightest)
member is unique, so counting coalitions by their last member counts each exactly once,
and the sets before it are read from the running table just before that member is added.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from imagingnet_desktop.domain.voting import counting
from imagingnet_desktop.domain.voting.counting import check_size, exact, prefix_table, weighing
from imagingnet_desktop.domain.voting.game import ReducedGame, WeightedGame


@dataclass(frozen=True)
class CoalitionList:
    """Up to ``limit`` example coalitions (sorted player indices) and the exact total."""

    coalitions: tuple[tuple[int, ...], ...]
    total: int

    @property
    def complete(self) -> bool:
        """Whether every such coalition is listed, not just the first few."""
        return len(self.coalitions) == self.total


@dataclass(frozen=True)
class MinimalCoalitions:
    winning: CoalitionList
    blocking: CoalitionList


def minimal_coalitions(
    weights: Iterable[int],
    quota: int,
    *,
    min_members: int = 0,
    veto: Iterable[int] = (),
    limit: int = 50,
) -> MinimalCoalitions:
    """Minimal winning and minimal blocking coalitions of the game, counted exactly.

    Each list holds at most ``limit`` coalitions (a deterministic selection, heaviest
    partners first); ``total`` is always the exact number.  Raises the same
    ``GameError`` subclasses as ``power_indices`` for unwinnable or trivial games.
    """
    if limit < 0:
        raise ValueError(f"The limit must be zero or more, not {limit}.")
    return _coalitions_of(WeightedGame.of(weights, quota, min_members=min_members, veto=veto), limit,
                          counting.UINT64_UP_TO)


@lru_cache(maxsize=64)  # the same game comes back often: each section of a report, reserved matters alike
def _coalitions_of(game: WeightedGame, limit: int, number_kind: int) -> MinimalCoalitions:
    """``number_kind``: the uint64 limit in force, so the cache never answers for the other number kind."""
    red = game.reduced()
    n_winning, n_blocking = _counted(game, number_kind)
    ids, ws = red.descending()
    q, m, r = red.quota, red.min_members, red.r
    veto_set = red.veto

    winning = [
        tuple(sorted(veto_set + found))
        for found in _first_reached(ws, ids, lambda w, s: w >= q and s >= m, limit)
    ]
    q_block, m_block = sum(ws) - q + 1, r - m + 1
    blocking: list[tuple[int, ...]] = [(v,) for v in list(veto_set)[:limit]]
    blocking += [
        tuple(sorted(found))
        for found in _first_reached(ws, ids, lambda w, s: w >= q_block or s >= m_block, limit - len(blocking))
    ]
    return MinimalCoalitions(
        winning=CoalitionList(tuple(winning), n_winning),
        blocking=CoalitionList(tuple(blocking), n_blocking),
    )


@lru_cache(maxsize=64)  # the counts do not depend on how many examples are listed
def _counted(game: WeightedGame, number_kind: int) -> tuple[int, int]:
    return _count(game.reduced())


def _first_reached(
    ws: tuple[int, ...],
    ids: tuple[int, ...],
    reached: Callable[[int, int], bool],
    limit: int,
) -> list[tuple[int, ...]]:
    """Sets that first reach a monotone threshold when players are added heaviest first.

    Such a set, with its lightest member removed, falls short, and so does any other
    one-member removal (it leaves at most as much weight and the same head count): these
    are exactly the minimal sets.  Branches that cannot reach the threshold even with every
    remaining player are cut, so each branch explored yields at least one set.
    """
    n = len(ws)
    suffix = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        suffix[k] = suffix[k + 1] + ws[k]
    out: list[tuple[int, ...]] = []
    chosen: list[int] = []
    # (visit?, position, weight, size); a non-visit entry pops the last chosen player.
    stack: list[tuple[bool, int, int, int]] = [(True, 0, 0, 0)]
    while stack and len(out) < limit:
        visit, pos, w, s = stack.pop()
        if not visit:
            chosen.pop()
            continue
        if reached(w, s):
            out.append(tuple(chosen))
            continue
        if pos == n or not reached(w + suffix[pos], s + n - pos):
            continue
        stack.append((True, pos + 1, w, s))  # then without this player
        stack.append((False, 0, 0, 0))
        stack.append((True, pos + 1, w + ws[pos], s + 1))  # first with this player
        chosen.append(ids[pos])
    return out


def _count_equal(w: int, q: int, m: int, r: int, q_block: int, m_block: int, vetoes: int) -> tuple[int, int]:
    """``_count`` when every non-veto player weighs ``w``: a set wins (blocks) exactly from one size on, so the
    minimal ones are the sets of that size."""
    if w == 0:
        win_size = m if q <= 0 else r + 1
        block_size = m_block
    else:
        win_size = max(-(-q // w), m, 0)
        block_size = min(-(-q_block // w), m_block)
    winning = math.comb(r, win_size) if 0 <= win_size <= r else 0
    blocking = math.comb(r, block_size) if 1 <= block_size <= r else 0
    return winning, blocking + vetoes


def _count(red: ReducedGame) -> tuple[int, int]:
    """Exact numbers of minimal winning and minimal blocking coalitions.

    Only sizes below the head count matter one by one, so the table keeps the sizes ``0..m`` and one row for
    "more than m" (one row in all when there is no head count): a handful of rows however large the network.
    """
    _, ws = red.descending()
    q, m, r = red.quota, red.min_members, red.r
    q_block, m_block = sum(ws) - q + 1, r - m + 1  # B blocks iff w(B) >= q_block or |B| >= m_block
    if r and len(set(ws)) == 1:
        return _count_equal(ws[0], q, m, r, q_block, m_block, len(red.veto))
    width = max(q, q_block)
    rows = min(m + 2, r + 1) if m >= 1 else 1
    check_size(r, rows, width)
    acc = [0, 0]  # minimal winning (counted by lightest member), minimal blocking: Python integers
    heavier = [0]  # the weight of the players before the one being added

    def visit(t: int, w: int, table: np.ndarray) -> None:
        # Minimal winning with this (lightest) member: the earlier ones weigh in
        # [q - w, q - 1] and are at least m in number (so removing anyone loses on weight).
        if q >= 1:
            acc[0] += sum(exact(weighing(table[m:], q - w, q - 1)))
        # Minimal blocking with this member: the earlier ones S do not block yet, and adding it blocks,
        # on weight (|S| < m_block - 1) or on numbers (|S| = m_block - 1, any weight short of blocking).
        blocking = sum(exact(weighing(table, q_block - w, q_block - 1)))  # on weight, any size
        if t >= m_block - 1:
            # Sizes from m_block - 1 up, read through the players left out E (at most m - 1 of them):
            # w(S) = heavier - w(E).
            left_out = t - (m_block - 1)
            h = heavier[0]
            blocking -= sum(exact(weighing(table[: left_out + 1], h - q_block + 1, h - q_block + w)))
            at_most = int(weighing(table[left_out : left_out + 1], 0, h - q_block)[0])
            blocking += math.comb(t, left_out) - at_most
        acc[1] += blocking
        heavier[0] += w

    table = prefix_table(ws, rows, width, visit)
    light_at_min = int(table[m, q - 1]) if m >= 1 and q >= 1 else 0
    winning, blocking = acc
    if m >= 1:
        # Exactly m non-veto members and enough weight: any departure breaks the head count.
        winning += math.comb(r, m) - light_at_min
    elif q == 0:
        winning += 1  # the veto players alone already win
    return winning, blocking + len(red.veto)
