"""The one counting path in its two number kinds: uint64 tables (up to 62 players) and Python-integer
tables (beyond) give exactly the same answers.

Each game is analysed twice through the public functions: once as it is (uint64) and once with the tables
switched to Python integers, as a game of more than 62 players counts. Results must be equal field for field
(exact Fractions, counts, example lists in order), and a game one refuses the other must refuse with the same
error and message. Brute force over every coalition is the reference for both.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.voting import counting
from imagingnet_desktop.domain.voting import power as voting
from imagingnet_desktop.domain.voting.coalitions import MinimalCoalitions, minimal_coalitions
from imagingnet_desktop.domain.voting.game import GameError, GameTooLargeError, WeightedGame
from imagingnet_desktop.domain.voting.power import PowerIndices, power_indices

Game = tuple[list[int], int, int, tuple[int, ...]]


def _outcome(call: Callable[[], object]) -> object:
    try:
        return call()
    except GameError as exc:
        return (type(exc), str(exc))


def both_paths(call: Callable[[], object]) -> tuple[object, object]:
    """``(uint64 result, Python-integer result)``; a refusal becomes ``(error type, message)``."""
    fast = _outcome(call)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(counting, "UINT64_UP_TO", -1)
        slow = _outcome(call)
    return fast, slow


@st.composite
def small_games(draw: st.DrawFn, max_n: int = 12) -> Game:
    """Small weights (ties, zeros, dummies), or votes in basis points summing to 10,000."""
    n = draw(st.integers(1, max_n))
    if draw(st.booleans()):
        weights = draw(st.lists(st.integers(0, 12), min_size=n, max_size=n))
    else:
        cuts = sorted(draw(st.lists(st.integers(0, 10_000), min_size=n - 1, max_size=n - 1)))
        weights = [b - a for a, b in zip([0, *cuts], [*cuts, 10_000], strict=True)]
    total = sum(weights)
    quota = draw(st.one_of(st.integers(-2, total + 2), st.just(total // 2 + 1), st.just(math.ceil(total * 0.75))))
    min_members = draw(st.integers(0, n + 1))
    veto = tuple(draw(st.lists(st.integers(0, n - 1), max_size=n, unique=True)))
    return weights, quota, min_members, veto


@settings(max_examples=400, deadline=None)
@given(small_games())
@example(([3, 0, 0], 3, 0, (0,)))  # a dictator with a veto and two dummies
@example(([1, 1, 1], 3, 3, (0, 1, 2)))  # everyone holds a veto: no one is left to enumerate
@example(([5, 1, 1, 1], 5, 3, (0,)))  # the veto's weight meets the quota; only the head count binds
@example(([0, 0, 0, 0], 0, 2, ()))  # no votes at all, only a head count
def test_power_indices_equal_in_both_number_kinds(game: Game) -> None:
    weights, quota, m, veto = game
    fast, slow = both_paths(lambda: power_indices(weights, quota, min_members=m, veto=veto))
    assert fast == slow
    if isinstance(fast, PowerIndices):
        assert sum(fast.banzhaf) == 1 and sum(fast.shapley_shubik) == 1


@settings(max_examples=400, deadline=None)
@given(small_games(), st.sampled_from([0, 1, 2, 5, 20, 10_000]))
@example(([3, 0, 0], 3, 0, (0,)), 5)
@example(([1, 1, 1], 3, 3, (0, 1, 2)), 2)
@example(([5, 1, 1, 1], 5, 3, (0,)), 20)
@example(([0, 0, 0, 0], 0, 2, ()), 3)
def test_minimal_coalitions_equal_in_both_number_kinds(game: Game, limit: int) -> None:
    weights, quota, m, veto = game
    fast, slow = both_paths(lambda: minimal_coalitions(weights, quota, min_members=m, veto=veto, limit=limit))
    assert fast == slow  # the totals and the example lists, in the same order
    if isinstance(fast, MinimalCoalitions):
        assert len(fast.winning.coalitions) == min(limit, fast.winning.total)
        assert len(fast.blocking.coalitions) == min(limit, fast.blocking.total)


def _brute(game: Game) -> tuple[list[int], list[Fraction], int] | None:
    """Swings, Shapley-Shubik values and the number of winning coalitions, from the definition."""
    weights, quota, m, veto = game
    g = WeightedGame.of(weights, quota, min_members=m, veto=veto)
    n = g.n
    win = [g.wins(i for i in range(n) if mask >> i & 1) for mask in range(1 << n)]
    if not win[-1] or win[0]:
        return None
    swings = [0] * n
    shapley = [Fraction(0)] * n
    for mask in range(1 << n):
        k = mask.bit_count()
        for i in range(n):
            if not mask >> i & 1 and win[mask | 1 << i] and not win[mask]:
                swings[i] += 1
                shapley[i] += Fraction(math.factorial(k) * math.factorial(n - k - 1), math.factorial(n))
    return swings, shapley, sum(win)


@settings(max_examples=60, deadline=None)
@given(small_games(max_n=12))
def test_the_counts_match_the_definition_up_to_twelve_players(game: Game) -> None:
    expected = _brute(game)
    weights, quota, m, veto = game
    if expected is None:
        with pytest.raises(GameError):
            power_indices(weights, quota, min_members=m, veto=veto)
        return
    got = power_indices(weights, quota, min_members=m, veto=veto)
    assert (list(got.swings), list(got.shapley_shubik), got.winning_coalitions) == expected


def test_the_switch_really_selects_the_number_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    kinds: list[object] = []
    real = voting.prefix_table

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        table = real(*args, **kwargs)
        kinds.append(table.dtype)
        return table

    monkeypatch.setattr(voting, "prefix_table", recorded)
    voting._power_of.cache_clear()  # a game worked out before would be remembered, not counted again
    power_indices([3, 2, 2], 4)  # nobody is essential, so all three players are counted
    monkeypatch.setattr(counting, "UINT64_UP_TO", 2)
    power_indices([3, 2, 2], 4)
    assert kinds == [np.dtype(np.uint64), np.dtype(object)]  # three players now count in Python integers


def test_62_players_count_in_uint64_and_63_in_python_integers() -> None:
    assert counting.table_dtype(62) is np.uint64 and counting.table_dtype(63) is object


def test_both_kinds_refuse_weights_too_finely_divided_for_the_table() -> None:
    weights = [10**8 + 1, 10**8 + 3, 10**8 + 7]  # nobody essential: all three counted
    for call in (lambda: power_indices(weights, 10**8 + 10), lambda: minimal_coalitions(weights, 10**8 + 10)):
        fast, slow = both_paths(call)
        assert fast == slow and fast[0] is GameTooLargeError  # type: ignore[index]
