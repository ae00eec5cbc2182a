"""Exact coalition counting with numpy: one generating-function table per game, exact integers throughout.

The table ``P[s, x]`` counts the sets of ``s`` players whose total weight is at most ``x`` (a prefix sum
over weight of the usual generating-function coefficients, which are built first and summed once at the
end). Adding a player of weight ``w`` is ``C[s, x] += C[s - 1, x - w]`` on those; removing one again is the same step run backwards ("deconvolution"), which
gives every player's "everyone but me" table from one full table instead of n separate passes.

Every count is a whole number between 0 and 2**r for r players, so the table holds ``uint64`` while r is at
most ``UINT64_UP_TO`` (the usual case by far: a workshop network has 3-8 partners) and Python integers in a
numpy object array beyond, where the counts outgrow 64 bits. Both are exact; only the speed differs. Every
power index and coalition count in the app comes from this one path: no game is ever enumerated (the tests
check the path against brute force on every coalition).

Three things keep the tables small, each checked against brute force on every coalition: only the band of
weights a row can hold is touched (``_add_players``); past half the votes the power indices count the
complements (``power._counts``), so a table is never wider than half the votes; and coalition counts keep only
the sizes a head count needs (the last row holds "this many or more"). Players without whom nothing passes are
forced in before any counting (``WeightedGame.reduced``), so unanimity needs no table at all.

Measured on the 2-core development machine. benchmarks/report_scale.py: ``report`` of 200 partners with votes in
proportion to shares (basis points, about 10,000 votes) and 11 reserved matters, 0.42 s under a two-thirds
majority and 0.64 s under a simple majority (budget 1 s; 28 s before the three above). benchmarks/power_indices.py
(random weights 1-100, simple majority, both indices): 2 ms at 30 players and 0.09 s at 100, against
``powerindex``'s 0.10 s and 3.9 s: ratios 0.02 and 0.02, budget 0.5. Modular counting with the Chinese
remainder theorem was tried for large networks and does not pay at 200 partners.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from imagingnet_desktop.domain.voting.game import GameTooLargeError

UINT64_UP_TO = 62  # players (veto players aside): every count is below 2**63, exact in uint64
MAX_VOTERS = 1_000
MAX_CELLS = 30_000_000  # uint64 table cells: about 240 MB at most
MAX_BIG_CELLS = 3_000_000  # Python-integer cells (each an object of about 40 bytes): about 150 MB


def table_dtype(players: int) -> Any:
    """``uint64`` while the counts of sets of ``players`` players fit in it, else Python integers (``object``)."""
    return np.uint64 if players <= UINT64_UP_TO else object


def check_size(players: int, rows: int, width: int) -> None:
    """Refuse a table that would not fit comfortably in memory, with advice the user can act on."""
    if players > MAX_VOTERS:
        raise GameTooLargeError(f"{players} voters is more than the exact calculation supports.")
    limit = MAX_CELLS if table_dtype(players) is np.uint64 else MAX_BIG_CELLS
    if rows * max(width, 1) > limit:
        raise GameTooLargeError(
            f"The votes are too finely divided for an exact calculation with {players} voters "
            f"(the quota works out at {width} units). Express the votes in larger units, for "
            "example whole percentages, and try again."
        )


Visitor = Callable[[int, int, np.ndarray], None]


def prefix_table(weights: Sequence[int], rows: int, width: int, visit: Visitor | None = None) -> np.ndarray:
    """``P[s, x]``: sets of size ``s`` with weight at most ``x``, for ``x < width``.

    The last row counts the sets of size ``rows - 1`` *or more*, so a caller that only asks "at least m
    members?" keeps ``m + 1`` rows, not one per possible size; with ``rows = len(weights) + 1`` every row is one
    size. ``visit(t, w, C)`` is called before the t-th player (weight ``w``) is added, with ``C`` the table of
    *exact* weights (``C[s, x]``: sets of the players before it of size ``s`` weighing exactly ``x``; read it
    with ``weighing``); coalition counts use this to count by "last member added".
    """
    table = np.zeros((rows, width), dtype=table_dtype(len(weights)))
    if visit is None and len(set(weights)) == 1:
        return _equal_weights_table(table, weights[0], len(weights))
    _add_players(table, weights, visit)
    return np.cumsum(table, axis=1, dtype=table.dtype, out=table)


def _add_players(table: np.ndarray, weights: Sequence[int], visit: Visitor | None) -> None:
    """Fill ``table`` with exact-weight counts, adding one player at a time.

    Only the band of weights a row can hold is touched: sets of ``s`` of the players so far weigh between
    the ``s`` lightest and the ``s`` heaviest together (``low[s]``, ``high[s]``). With the heaviest players
    added first that band is a small part of the table (about a seventh of it for 200 partners with votes
    in proportion to their activity), which is what keeps large networks fast.
    """
    rows, width = table.shape
    cap = rows - 1
    low = [0] + [width] * cap  # no set in the row yet: an empty band
    high = [0] + [-1] * cap
    if width:
        table[0, 0] = 1  # the empty set
    else:
        low[0], high[0] = width, -1
    for t, w in enumerate(weights):
        if visit is not None:
            visit(t, w, table)
        if w >= width:
            continue  # every set with this player is too heavy to count
        # From the top row down, so each row reads the row below before that row changes.
        if cap >= 1 and cap <= t:  # sets already at the last row stay there when the player joins them
            _shift_add(table, cap, cap, w, low, high)
        for s in range(min(t + 1, cap), 0, -1):
            _shift_add(table, s, s - 1, w, low, high)
        if cap == 0:
            _shift_add(table, 0, 0, w, low, high)


def _shift_add(table: np.ndarray, to: int, source: int, w: int, low: list[int], high: list[int]) -> None:
    """``table[to, x + w] += table[source, x]`` over the source row's band, and widen the target's band."""
    width = table.shape[1]
    start, stop = low[source], min(high[source], width - 1 - w)
    if stop < start:
        return
    # In place; numpy buffers an overlap (``to == source``), so the source is read before it changes.
    np.add(table[to, start + w : stop + w + 1], table[source, start : stop + 1],
           out=table[to, start + w : stop + w + 1])
    low[to] = min(low[to], start + w)
    high[to] = max(high[to], stop + w)


def weighing(table: np.ndarray, lightest: int, heaviest: int) -> np.ndarray:
    """Per row of an exact-weight table (as ``visit`` sees it): the sets weighing ``lightest..heaviest``."""
    start, stop = max(lightest, 0), min(heaviest, table.shape[1] - 1)
    if stop < start:
        return np.zeros(table.shape[0], dtype=table.dtype)
    counts: np.ndarray = table[:, start : stop + 1].sum(axis=1, dtype=table.dtype)
    return counts


def _equal_weights_table(table: np.ndarray, w: int, n: int) -> np.ndarray:
    """Every player weighs ``w`` (equal votes): the sets of size ``s`` weigh ``s * w``, and there are C(n, s)."""
    rows, width = table.shape
    for s in range(n + 1):
        if s * w < width:
            table[min(s, rows - 1), s * w :] += math.comb(n, s)
    return table


def column(table: np.ndarray, x: int) -> np.ndarray:
    """Column ``x`` of the table, or zeros when ``x < 0`` (no set weighs a negative amount)."""
    if x < 0:
        return np.zeros(table.shape[0], dtype=table.dtype)
    return table[:, x].copy()


def without_player(table: np.ndarray, w: int, x: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Columns ``x`` and ``x - w`` (rows ``0..rows-1``) of the table with one weight-``w`` player removed.

    Removal runs ``P_i[s, y] = P[s, y] - P_i[s - 1, y - w]``, which only ever touches the
    columns ``x, x - w, x - 2w, ...``, so we work on that strided slice alone. Every value is a
    count, so no subtraction here ever goes below zero.
    """
    zeros = np.zeros(rows, dtype=table.dtype)
    if x < 0:
        return zeros, zeros.copy()
    if w == 0:
        out: list[int] = []
        prev = 0
        for v in table[:rows, x].tolist():
            prev = int(v) - prev
            out.append(prev)
        arr = np.array(out, dtype=table.dtype)
        return arr, arr.copy()
    strided = table[:rows, x::-w]  # columns x, x - w, ..., down to the last one >= 0
    k_last = strided.shape[1] - 1
    if k_last + 1 <= rows:
        # Walk the columns from the lightest upwards; each column is a vector over sizes.
        cols = np.ascontiguousarray(strided.T)
        y = cols[k_last].copy()
        second = zeros
        for k in range(k_last - 1, -1, -1):
            nxt = cols[k].copy()
            nxt[1:] = cols[k, 1:] - y[:-1]
            second, y = y, nxt
        return y, second.copy()
    # Fewer sizes than columns: walk the sizes instead, each row a vector over the columns.
    first = np.empty(rows, dtype=table.dtype)
    second = np.empty(rows, dtype=table.dtype)
    y = strided[0].copy()
    first[0], second[0] = y[0], y[1]
    for s in range(1, rows):
        nxt = strided[s].copy()
        nxt[:k_last] = strided[s, :k_last] - y[1:]
        y = nxt
        first[s], second[s] = y[0], y[1]
    return first, second


def exact(values: np.ndarray) -> list[int]:
    """The counts as Python integers."""
    return [int(v) for v in values.tolist()]
