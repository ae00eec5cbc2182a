"""Minimal winning and minimal blocking coalitions: exact counts and honest example lists."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.voting import counting
from imagingnet_desktop.domain.voting.power import (
    CoalitionList,
    GameError,
    TrivialGameError,
    UnwinnableGameError,
    minimal_coalitions,
)


def _members(mask: int, n: int) -> tuple[int, ...]:
    return tuple(i for i in range(n) if mask >> i & 1)


def brute_minimal(
    weights: list[int], quota: int, min_members: int, veto: tuple[int, ...]
) -> tuple[set[tuple[int, ...]], set[tuple[int, ...]]]:
    """Both families straight from their definitions, over every coalition."""
    n = len(weights)
    full = (1 << n) - 1

    def wins(mask: int) -> bool:
        members = _members(mask, n)
        return (
            sum(weights[i] for i in members) >= quota
            and len(members) >= min_members
            and all(v in members for v in veto)
        )

    def blocks(mask: int) -> bool:
        return not wins(full & ~mask)

    def minimal(mask: int, test: object) -> bool:
        assert callable(test)
        return test(mask) and all(not test(mask & ~(1 << i)) for i in _members(mask, n))

    winning = {_members(m, n) for m in range(full + 1) if minimal(m, wins)}
    blocking = {_members(m, n) for m in range(full + 1) if minimal(m, blocks)}
    return winning, blocking


@st.composite
def games(draw: st.DrawFn) -> tuple[list[int], int, int, tuple[int, ...]]:
    n = draw(st.integers(1, 10))
    weights = draw(st.lists(st.integers(0, 12), min_size=n, max_size=n))
    quota = draw(st.integers(-1, sum(weights) + 1))
    min_members = draw(st.integers(0, n))
    veto = tuple(draw(st.lists(st.integers(0, n - 1), max_size=3, unique=True)))
    return weights, quota, min_members, veto


def _check_list(found: CoalitionList, expected: set[tuple[int, ...]], limit: int) -> None:
    assert found.total == len(expected)
    assert len(found.coalitions) == min(limit, len(expected))
    assert len(set(found.coalitions)) == len(found.coalitions)
    assert set(found.coalitions) <= expected
    assert all(list(c) == sorted(c) for c in found.coalitions)
    assert found.complete == (len(expected) <= limit)


@settings(max_examples=150, deadline=None)
@given(games(), st.sampled_from([0, 1, 3, 50]))
def test_matches_brute_force(game: tuple[list[int], int, int, tuple[int, ...]], limit: int) -> None:
    weights, quota, min_members, veto = game
    n = len(weights)
    if sum(weights) < quota or n < min_members:
        with pytest.raises(UnwinnableGameError):
            minimal_coalitions(weights, quota, min_members=min_members, veto=veto, limit=limit)
        return
    if quota <= 0 and min_members == 0 and not veto:
        with pytest.raises(TrivialGameError):
            minimal_coalitions(weights, quota, min_members=min_members, veto=veto, limit=limit)
        return
    got = minimal_coalitions(weights, quota, min_members=min_members, veto=veto, limit=limit)
    winning, blocking = brute_minimal(weights, quota, min_members, veto)
    _check_list(got.winning, winning, limit)
    _check_list(got.blocking, blocking, limit)


def test_un_security_council() -> None:
    for got in (
        minimal_coalitions([7] * 5 + [1] * 10, 39),
        minimal_coalitions([1] * 15, 9, veto=range(5)),
    ):
        # The five permanent members plus any four others; or any permanent member alone /
        # any seven of the ten elected members to block.
        assert got.winning.total == math.comb(10, 4) == 210
        assert got.blocking.total == 5 + math.comb(10, 7) == 125
        assert all(c[:5] == (0, 1, 2, 3, 4) and len(c) == 9 for c in got.winning.coalitions)
        assert got.blocking.coalitions[:5] == ((0,), (1,), (2,), (3,), (4,))
        assert len(got.winning.coalitions) == 50 and not got.winning.complete


def test_textbook_4_2_1() -> None:
    got = minimal_coalitions([4, 2, 1], 5)
    assert set(got.winning.coalitions) == {(0, 1), (0, 2)}
    assert set(got.blocking.coalitions) == {(0,), (1, 2)}
    assert got.winning.complete and got.blocking.complete


def test_counts_beyond_64_bits_are_exact() -> None:
    got = minimal_coalitions([1] * 80, 41, limit=2)
    assert got.winning.total == math.comb(80, 41)  # exactly 41 members
    assert got.blocking.total == math.comb(80, 40)  # leaving fewer than 41
    assert got.winning.total > 2**64
    assert [len(c) for c in got.winning.coalitions] == [41, 41]


def test_head_count_only_game() -> None:
    # The veto players' weight already meets the quota: only the head count binds.
    got = minimal_coalitions([5, 1, 1, 1], 5, min_members=3, veto=[0])
    assert set(got.winning.coalitions) == {(0, 1, 2), (0, 1, 3), (0, 2, 3)}
    assert set(got.blocking.coalitions) == {(0,), (1, 2)} | {(1, 3), (2, 3)}


def test_refusals() -> None:
    with pytest.raises(UnwinnableGameError):
        minimal_coalitions([1, 1], 3)
    with pytest.raises(ValueError, match="limit"):
        minimal_coalitions([1, 1], 2, limit=-1)
    with pytest.raises(GameError):
        minimal_coalitions([1, -1], 1)


@settings(max_examples=60, deadline=None)
@given(games())
def test_python_integer_tables_alone_give_the_same_counts(game: tuple[list[int], int, int, tuple[int, ...]]) -> None:
    weights, quota, min_members, veto = game
    if sum(weights) < quota or len(weights) < min_members or (quota <= 0 and min_members == 0 and not veto):
        return
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(counting, "UINT64_UP_TO", -1)  # as big games (beyond 62 players) count
        got = minimal_coalitions(weights, quota, min_members=min_members, veto=veto, limit=0)
    winning, blocking = brute_minimal(weights, quota, min_members, veto)
    assert (got.winning.total, got.blocking.total) == (len(winning), len(blocking))
