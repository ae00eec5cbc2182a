"""Exact voting power: normalised Banzhaf and Shapley-Shubik indices of a weighted vote.

Why: a partner's share of the votes is not its share of the power.  Three partners with
4, 2 and 1 votes and a quota of 5 give the smallest partner a fifth of the Banzhaf power
with only a seventh of the votes; in the EEC Council of 1958 Luxembourg held a vote but
never any power.  The board needs to see this, and see it exactly, before agreeing a rule.

How: coalitions are counted exactly, never sampled or enumerated.  One generating-function
table counts the sets of non-veto players by (size, weight); each player's "everyone but me"
table comes from it by deconvolution (``domain.voting.counting``, which says why this one path is
enough, with the figures).  Veto players are forced into every coalition first, and the
minimum-members clause is a condition on the size, so the quota, the head count and the vetoes
make ONE game.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import numpy as np

from imagingnet_desktop.domain.voting import counting
from imagingnet_desktop.domain.voting.coalitions import CoalitionList, MinimalCoalitions, minimal_coalitions
from imagingnet_desktop.domain.voting.counting import check_size, column, exact, prefix_table, without_player
from imagingnet_desktop.domain.voting.game import (
    GameError,
    GameTooLargeError,
    ReducedGame,
    TrivialGameError,
    UnwinnableGameError,
    WeightedGame,
)

__all__ = [
    "CoalitionList",
    "GameError",
    "GameTooLargeError",
    "MinimalCoalitions",
    "PowerIndices",
    "TrivialGameError",
    "UnwinnableGameError",
    "WeightedGame",
    "minimal_coalitions",
    "null_players",
    "power_indices",
    "veto_players",
]


@dataclass(frozen=True)
class PowerIndices:
    """Each player's power, with the raw counts behind it so the working can be shown.

    ``swings[i]``: winning coalitions containing player i that lose without i (Banzhaf).
    ``pivots[i]``: orderings of all n players in which i's vote turns a losing coalition
    into a winning one (Shapley-Shubik); ``orderings`` is n! so ``shapley_shubik[i] ==
    pivots[i] / orderings``.  ``winning_coalitions`` counts every winning coalition.
    """

    banzhaf: tuple[Fraction, ...]
    shapley_shubik: tuple[Fraction, ...]
    swings: tuple[int, ...]
    pivots: tuple[int, ...]
    winning_coalitions: int
    orderings: int

    @property
    def total_swings(self) -> int:
        return sum(self.swings)

    @property
    def null_players(self) -> tuple[int, ...]:
        """Players whose vote never changes an outcome (zero power under both indices)."""
        return tuple(i for i, s in enumerate(self.swings) if s == 0)

    @property
    def veto_players(self) -> tuple[int, ...]:
        """Players in every winning coalition: exactly those who swing in all of them."""
        return tuple(i for i, s in enumerate(self.swings) if s == self.winning_coalitions)


def power_indices(
    weights: Iterable[int],
    quota: int,
    *,
    min_members: int = 0,
    veto: Iterable[int] = (),
) -> PowerIndices:
    """Exact normalised Banzhaf and Shapley-Shubik indices of a weighted voting game.

    ``weights``: one non-negative whole number per player (players are numbered from 0).
    A coalition wins when its total weight is at least ``quota``, it has at least
    ``min_members`` members, and it contains every player index in ``veto``.

    Returns a :class:`PowerIndices` of exact ``Fraction`` values, each index summing to 1,
    together with the swing and pivot counts they come from.  Players with no weight are
    allowed (they are null unless the head count gives them a say); a single player who
    can win alone gets all the power.

    Raises :class:`UnwinnableGameError` when no coalition can win (for instance the quota
    exceeds all the weight together, or more members are required than there are players),
    and :class:`TrivialGameError` when even the empty coalition wins (quota of zero or less,
    no minimum, no veto), because then no vote ever matters and both indices would be 0/0.
    Both are ``ValueError`` subclasses with a plain-English message.  A game whose weights
    are too finely divided to tabulate raises :class:`GameTooLargeError`.

    Cost: at most about r * r * min(quota, total - quota) / 2 integer operations for r non-veto players,
    after the weights are divided by their common factor (much less in practice: only each row's band of
    weights is touched); no coalition is ever enumerated.
    """
    return _power_of(WeightedGame.of(weights, quota, min_members=min_members, veto=veto), counting.UINT64_UP_TO)


@lru_cache(maxsize=64)  # the same game comes back often: each section of a report, reserved matters alike
def _power_of(game: WeightedGame, number_kind: int) -> PowerIndices:
    """``number_kind``: the uint64 limit in force, so the cache never answers for the other number kind."""
    red = game.reduced()
    swings, pivots, winning = _dp_counts(red)
    total_swings = sum(swings)
    orderings = math.factorial(red.n)
    if sum(pivots) != orderings:  # a cheap self-check: every ordering has exactly one pivot
        raise RuntimeError("Internal error: the pivot counts do not add up to n!.")
    return PowerIndices(
        banzhaf=tuple(Fraction(s, total_swings) for s in swings),
        shapley_shubik=tuple(Fraction(p, orderings) for p in pivots),
        swings=tuple(swings),
        pivots=tuple(pivots),
        winning_coalitions=winning,
        orderings=orderings,
    )


def _dp_counts(red: ReducedGame) -> tuple[list[int], list[int], int]:
    """``(swings, pivots, winning)`` per player by dynamic programming over weights (any size of game)."""
    losing_prefix, windows, tails = _counts(red)
    r, m, n, k_veto = red.r, red.min_members, red.n, len(red.veto)

    # Winning coalitions = veto players plus T with |T| = s >= m and weight >= quota.
    winning_by_size = [math.comb(r, s) - losing_prefix[s] for s in range(r + 1)]
    winning = sum(winning_by_size[m:])
    # Orderings where a set of k players precedes player i: k! (n - k - 1)!.
    fact = [math.factorial(k) for k in range(n + 1)]
    coef = [fact[k] * fact[n - k - 1] for k in range(n)]

    swings = [0] * n
    pivots = [0] * n
    for v in red.veto:
        # Without a veto player nothing wins, so every winning coalition is one of its swings.
        swings[v] = winning
        pivots[v] = sum(winning_by_size[s] * coef[k_veto - 1 + s] for s in range(m, r + 1))
    for j, player in enumerate(red.players):
        win = windows[j]
        sw = sum(win[m:])
        pv = sum(win[s] * coef[k_veto + s] for s in range(m, r))
        if m >= 1:
            # Joining a coalition one short of the head count: any weight reaching the quota.
            tail = math.comb(r - 1, m - 1) - tails[j]
            sw += tail
            pv += tail * coef[k_veto + m - 1]
        swings[player] = sw
        pivots[player] = pv

    return swings, pivots, winning


def _counts(red: ReducedGame) -> tuple[list[int], list[list[int]], list[int]]:
    """Exact counts over the non-veto players T (coalition = veto players + T).

    Returns ``losing_prefix[s]`` (sets of size s weighing less than the quota) and, for each
    non-veto player i, ``windows[i][s]``: sets of size s without i weighing in
    ``[quota - w_i, quota - 1]`` (i tips them over), and ``tails[i]``: sets of size
    ``min_members - 1`` without i weighing less than ``quota - w_i`` (0 if no minimum).

    When the quota is more than half the weight, the table counts the complements instead (a set
    weighs at least the quota exactly when the players left out weigh at most ``total - quota``),
    which keeps it at most half the total weight wide: a third as wide for a three-quarters majority.
    """
    r, q, m = red.r, red.quota, red.min_members
    total = sum(red.weights)
    flipped = q > total - q + 1
    width = total - q + 1 if flipped else q
    rows = r + 1
    check_size(r, rows, width)
    x = width - 1
    table = prefix_table(sorted(red.weights, reverse=True), rows, width)  # heaviest first: the narrowest bands
    # Players of equal weight have equal counts: deconvolve once per distinct weight (once in all, with equal
    # votes), not once per player.
    distinct = list(dict.fromkeys(red.weights))
    parts = [column(table, x)]
    for w in distinct:
        first, second = without_player(table, w, x, r)
        parts.append(first - second)
        if m >= 1:
            parts.append(first[r - m : r - m + 1] if flipped else second[m - 1 : m])
    flat = exact(np.concatenate(parts))
    at_most, pos = flat[:rows], rows
    # Complements: s players of r weighing at least the quota are r - s players weighing at most total - quota.
    losing_prefix = [math.comb(r, s) - at_most[r - s] for s in range(rows)] if flipped else at_most
    by_weight: dict[int, tuple[list[int], int]] = {}
    for w in distinct:
        window = flat[pos : pos + r]
        pos += r
        tail = 0
        if m >= 1:
            tail = math.comb(r - 1, m - 1) - flat[pos] if flipped else flat[pos]
            pos += 1
        by_weight[w] = (window[::-1] if flipped else window, tail)
    windows = [by_weight[w][0] for w in red.weights]
    tails = [by_weight[w][1] for w in red.weights]
    return losing_prefix, windows, tails


def veto_players(
    weights: Iterable[int], quota: int, *, min_members: int = 0, veto: Iterable[int] = ()
) -> tuple[int, ...]:
    """Players without whom nothing can pass: declared vetoes and anyone the rule makes essential.

    A player is a veto player when everyone else together cannot win (too little weight
    without them, or too few members).  Raises :class:`UnwinnableGameError` if nothing can
    pass at all, since then the question has no useful answer; returns ``()`` if everything
    passes even with nobody in favour.  Agrees with ``power_indices(...).veto_players``.
    """
    game = WeightedGame.of(weights, quota, min_members=min_members, veto=veto)
    try:
        game.check_decisive()
    except TrivialGameError:
        return ()  # everything passes, so nobody is needed
    return game.essential()


def null_players(
    weights: Iterable[int], quota: int, *, min_members: int = 0, veto: Iterable[int] = ()
) -> tuple[int, ...]:
    """Players whose vote never changes any outcome: zero swings, so zero power."""
    return power_indices(weights, quota, min_members=min_members, veto=veto).null_players
