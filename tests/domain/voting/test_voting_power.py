"""Exact power indices: brute force on small games, textbook games, big games with closed forms."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.voting import counting
from imagingnet_desktop.domain.voting.counting import prefix_table, table_dtype
from imagingnet_desktop.domain.voting.power import (
    GameError,
    GameTooLargeError,
    PowerIndices,
    TrivialGameError,
    UnwinnableGameError,
    minimal_coalitions,
    null_players,
    power_indices,
    veto_players,
)


def _wins(mask: int, weights: list[int], quota: int, min_members: int, veto_mask: int) -> bool:
    members = [i for i in range(len(weights)) if mask >> i & 1]
    return (
        sum(weights[i] for i in members) >= quota
        and len(members) >= min_members
        and mask & veto_mask == veto_mask
    )


def brute_force(
    weights: list[int], quota: int, min_members: int = 0, veto: tuple[int, ...] = ()
) -> tuple[list[int], list[Fraction], int] | str:
    """Every coalition, straight from the definition; "unwinnable" / "trivial" where undefined."""
    n = len(weights)
    veto_mask = sum(1 << v for v in set(veto))
    win = [_wins(mask, weights, quota, min_members, veto_mask) for mask in range(1 << n)]
    if not win[(1 << n) - 1]:
        return "unwinnable"
    if win[0]:
        return "trivial"
    swings = [0] * n
    shapley = [Fraction(0)] * n
    for mask in range(1 << n):
        for i in range(n):
            if not mask >> i & 1 and win[mask | 1 << i] and not win[mask]:
                swings[i] += 1
                k = bin(mask).count("1")
                shapley[i] += Fraction(math.factorial(k) * math.factorial(n - k - 1), math.factorial(n))
    return swings, shapley, sum(win)


def pivots_by_orderings(weights: list[int], quota: int, min_members: int, veto: tuple[int, ...]) -> list[int]:
    """Shapley-Shubik the long way: walk every ordering and credit whoever tips it."""
    n = len(weights)
    veto_mask = sum(1 << v for v in set(veto))
    counts = [0] * n
    for order in itertools.permutations(range(n)):
        mask = 0
        for i in order:
            mask |= 1 << i
            if _wins(mask, weights, quota, min_members, veto_mask):
                counts[i] += 1
                break
    return counts


@st.composite
def games(draw: st.DrawFn, max_n: int = 10) -> tuple[list[int], int, int, tuple[int, ...]]:
    n = draw(st.integers(1, max_n))
    weights = draw(st.lists(st.integers(0, 12), min_size=n, max_size=n))
    quota = draw(st.integers(-2, sum(weights) + 2))
    min_members = draw(st.integers(0, n + 1))
    veto = tuple(draw(st.lists(st.integers(0, n - 1), max_size=3, unique=True)))
    return weights, quota, min_members, veto


def _check_against_brute(weights: list[int], quota: int, min_members: int, veto: tuple[int, ...]) -> None:
    expected = brute_force(weights, quota, min_members, veto)
    if expected == "unwinnable":
        with pytest.raises(UnwinnableGameError):
            power_indices(weights, quota, min_members=min_members, veto=veto)
        return
    if expected == "trivial":
        with pytest.raises(TrivialGameError):
            power_indices(weights, quota, min_members=min_members, veto=veto)
        return
    swings, shapley, winning = expected
    got = power_indices(weights, quota, min_members=min_members, veto=veto)
    assert list(got.swings) == swings
    assert list(got.shapley_shubik) == shapley
    assert got.winning_coalitions == winning
    assert list(got.banzhaf) == [Fraction(s, sum(swings)) for s in swings]
    assert [Fraction(p, got.orderings) for p in got.pivots] == shapley


@settings(max_examples=200, deadline=None)
@given(games())
def test_matches_brute_force_enumeration(game: tuple[list[int], int, int, tuple[int, ...]]) -> None:
    _check_against_brute(*game)


@settings(max_examples=60, deadline=None)
@given(games(max_n=6))
def test_shapley_matches_walking_every_ordering(game: tuple[list[int], int, int, tuple[int, ...]]) -> None:
    weights, quota, min_members, veto = game
    if isinstance(brute_force(weights, quota, min_members, veto), str):
        return
    got = power_indices(weights, quota, min_members=min_members, veto=veto)
    assert list(got.pivots) == pivots_by_orderings(weights, quota, min_members, veto)
    assert got.orderings == math.factorial(len(weights))


@settings(max_examples=80, deadline=None)
@given(games(max_n=8))
def test_python_integer_tables_alone_give_the_same_counts(game: tuple[list[int], int, int, tuple[int, ...]]) -> None:
    # Big games (beyond 62 players) count in Python integers: make small games do so too, so brute
    # force checks that arithmetic as well as the uint64 one.
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(counting, "UINT64_UP_TO", -1)
        assert table_dtype(len(game[0])) is object
        _check_against_brute(*game)


def _by_type_swings(groups: list[tuple[int, int]], quota: int) -> tuple[list[int], list[Fraction]]:
    """Independent exact answer for big games with few distinct weights: count by how many of each type."""
    n = sum(c for _, c in groups)
    swings, shapley = [], []
    for t, (w_t, _) in enumerate(groups):
        others = [(w, c - (u == t)) for u, (w, c) in enumerate(groups)]
        sw, ss = 0, Fraction(0)
        for picks in itertools.product(*(range(c + 1) for _, c in others)):
            weight = sum(k * w for k, (w, _) in zip(picks, others, strict=True))
            if weight < quota <= weight + w_t:
                ways = math.prod(math.comb(c, k) for k, (_, c) in zip(picks, others, strict=True))
                size = sum(picks)
                sw += ways
                ss += Fraction(ways * math.factorial(size) * math.factorial(n - size - 1), math.factorial(n))
        swings.append(sw)
        shapley.append(ss)
    return swings, shapley


def _assert_counts_by_type(got: PowerIndices, groups: list[tuple[int, int]], quota: int) -> None:
    """Every player of a type has that type's swings and Shapley-Shubik index, as counted by type."""
    swings, shapley = _by_type_swings(groups, quota)
    first = 0
    for t, (_, c) in enumerate(groups):
        assert set(got.swings[first : first + c]) == {swings[t]}
        assert set(got.shapley_shubik[first : first + c]) == {shapley[t]}
        first += c


@pytest.mark.parametrize(
    "groups",
    [
        [(1, 80)],
        [(3, 40), (2, 50), (1, 30)],
        [(7, 5), (1, 140)],
        [(0, 10), (5, 60), (4, 61)],
    ],
)
def test_big_games_beyond_64_bit_counts_are_exact(groups: list[tuple[int, int]]) -> None:
    weights = [w for w, c in groups for _ in range(c)]
    quota = sum(weights) // 2 + 1
    got = power_indices(weights, quota)
    _assert_counts_by_type(got, groups, quota)
    assert max(got.swings) > 2**64  # the Python-integer tables really were needed
    assert sum(got.shapley_shubik) == 1


def test_textbook_4_2_1_with_quota_5() -> None:
    got = power_indices([4, 2, 1], 5)
    assert got.banzhaf == (Fraction(3, 5), Fraction(1, 5), Fraction(1, 5))
    assert got.shapley_shubik == (Fraction(2, 3), Fraction(1, 6), Fraction(1, 6))
    assert got.swings == (3, 1, 1)


def test_4_2_1_with_quota_4_is_a_dictatorship() -> None:
    got = power_indices([4, 2, 1], 4)
    assert got.banzhaf == (1, 0, 0)
    assert got.shapley_shubik == (1, 0, 0)
    assert got.null_players == (1, 2)
    assert got.veto_players == (0,)


def test_eec_council_1958_luxembourg_is_null() -> None:
    got = power_indices([4, 4, 4, 2, 2, 1], 12)
    assert got.shapley_shubik == tuple(Fraction(x, 60) for x in (14, 14, 14, 9, 9, 0))
    assert got.banzhaf == tuple(Fraction(x, 42) for x in (10, 10, 10, 6, 6, 0))
    assert null_players([4, 4, 4, 2, 2, 1], 12) == (5,)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"weights": [7] * 5 + [1] * 10, "quota": 39},  # the classic weighted form
        {"weights": [1] * 15, "quota": 9, "veto": range(5)},  # 5 vetoes, 9 votes in all
    ],
)
def test_un_security_council(kwargs: dict[str, object]) -> None:
    got = power_indices(**kwargs)  # type: ignore[arg-type]
    assert got.shapley_shubik[:5] == (Fraction(421, 2145),) * 5
    assert got.shapley_shubik[5:] == (Fraction(4, 2145),) * 10
    assert round(float(got.shapley_shubik[0]), 4) == 0.1963
    assert got.swings == (848,) * 5 + (84,) * 10
    assert got.veto_players == (0, 1, 2, 3, 4)
    assert veto_players(**kwargs) == (0, 1, 2, 3, 4)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(games(max_n=9))
def test_indices_sum_to_one_and_symmetric_players_are_equal(
    game: tuple[list[int], int, int, tuple[int, ...]],
) -> None:
    weights, quota, min_members, veto = game
    try:
        got = power_indices(weights, quota, min_members=min_members, veto=veto)
    except GameError:
        return
    assert sum(got.banzhaf) == 1
    assert sum(got.shapley_shubik) == 1
    assert sum(got.pivots) == got.orderings
    for i, j in itertools.combinations(range(len(weights)), 2):
        if weights[i] == weights[j] and (i in veto) == (j in veto):
            assert got.swings[i] == got.swings[j]
            assert got.shapley_shubik[i] == got.shapley_shubik[j]
    for i in got.null_players:
        assert got.banzhaf[i] == 0 and got.shapley_shubik[i] == 0


def test_single_player() -> None:
    got = power_indices([5], 3)
    assert got == PowerIndices((Fraction(1),), (Fraction(1),), (1,), (1,), 1, 1)
    with pytest.raises(UnwinnableGameError, match="only come to 5"):
        power_indices([5], 6)


def test_zero_weight_players_are_null_unless_the_head_count_needs_them() -> None:
    assert power_indices([3, 0, 2, 0], 4).null_players == (1, 3)
    # With 3 members required, a zero-weight partner can complete a coalition.
    got = power_indices([3, 0, 2, 0], 4, min_members=3)
    assert got.null_players == ()
    assert got.swings == tuple(brute_force([3, 0, 2, 0], 4, 3)[0])  # type: ignore[index]


def test_unanimity_as_a_head_count_gives_everyone_equal_power_even_without_votes() -> None:
    got = power_indices([60, 40, 0], 100, min_members=3)
    assert got.banzhaf == (Fraction(1, 3),) * 3
    assert got.shapley_shubik == (Fraction(1, 3),) * 3
    assert got.veto_players == (0, 1, 2)


def test_all_players_are_vetoes() -> None:
    got = power_indices([2, 2], 1, veto=[0, 1])
    assert got.banzhaf == (Fraction(1, 2), Fraction(1, 2))
    assert got.winning_coalitions == 1


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "message"),
    [
        (([1, 2], 4), {}, UnwinnableGameError, "quota is 4"),
        (([1, 2], 2), {"min_members": 3}, UnwinnableGameError, "at least 3 members"),
        (([1, 2], 0), {}, TrivialGameError, "nobody voting"),
        (([1, -2], 1), {}, GameError, "cannot be negative"),
        (([1, 2.0], 1), {}, GameError, "whole number"),
        (([1, 2], 1), {"veto": [2]}, GameError, "does not exist"),
        (([], 1), {}, GameError, "no voters"),
        (([1, 2], 1), {"min_members": -1}, GameError, "cannot be negative"),
    ],
)
def test_refuses_games_without_a_meaning(
    args: tuple[object, ...], kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        power_indices(*args, **kwargs)  # type: ignore[arg-type]
    assert issubclass(error, ValueError)


def test_veto_players_include_partners_the_quota_makes_essential() -> None:
    assert veto_players([4, 2, 1], 5) == (0,)
    assert veto_players([4, 2, 1], 7) == (0, 1, 2)
    assert veto_players([1, 1, 1], 2) == ()
    assert veto_players([1, 1], 0) == ()  # everything passes, so nobody is needed
    with pytest.raises(UnwinnableGameError):
        veto_players([1, 1], 3)


def test_large_weights_are_reduced_by_their_common_factor() -> None:
    # Basis points that share a factor of 100 behave exactly like the small numbers.
    assert power_indices([4000, 3500, 2500], 5001) == power_indices([40, 35, 25], 51)


@pytest.mark.parametrize("players", [61, 62, 63, 64, 70])
def test_equal_votes_either_side_of_the_uint64_boundary_have_the_closed_form(players: int) -> None:
    """n equal votes, a majority of k: each swings in C(n-1, k-1) coalitions; winning ones sum C(n, s>=k)."""
    k = players // 2 + 1
    got = power_indices([1] * players, k)
    assert set(got.swings) == {math.comb(players - 1, k - 1)}
    assert got.winning_coalitions == sum(math.comb(players, s) for s in range(k, players + 1))
    assert got.banzhaf == (Fraction(1, players),) * players
    assert table_dtype(players) is (np.uint64 if players <= 62 else object)


def test_the_table_holds_every_count_exactly_in_either_kind() -> None:
    # P[s, x] for 63 players of weight 1 at x = 63 is C(63, s): up to C(63, 31) > 2**59; with 64 players
    # C(64, 32) > 2**63 needs Python integers.
    for players in (63, 64):
        table = prefix_table([1] * players, players + 1, players + 1)
        assert [int(v) for v in table[:, players]] == [math.comb(players, s) for s in range(players + 1)]


def test_more_voters_than_the_exact_calculation_supports_are_refused() -> None:
    with pytest.raises(GameTooLargeError, match="1001 voters is more than the exact calculation supports"):
        power_indices([1] * 1001, 501)


def test_too_finely_divided_weights_are_refused_before_allocating_memory() -> None:
    weights = [10**8 + 1, 10**8 + 3, 10**8 + 7]  # nobody essential: all three counted
    with pytest.raises(GameTooLargeError, match="too finely divided"):
        power_indices(weights, 10**8 + 10)
    with pytest.raises(GameTooLargeError, match="too finely divided"):
        minimal_coalitions(weights, 10**8 + 10)


@st.composite
def _weights_and_quota(draw: st.DrawFn) -> tuple[list[int], int]:
    n = draw(st.integers(15, 70))
    weights = draw(st.lists(st.integers(0, 60), min_size=n, max_size=n).filter(lambda ws: sum(ws) > 0))
    return weights, draw(st.integers(1, sum(weights)))


@settings(max_examples=25, deadline=None)
@given(_weights_and_quota())
def test_a_game_and_its_dual_have_the_same_power_and_swap_winning_for_blocking(game: tuple[list[int], int]) -> None:
    """The dual of quota q (a set wins when the others could not) is quota total - q + 1: the same power, its
    minimal winning sets the original's minimal blocking ones. Beyond half the votes the counting works on the
    complements, so a game and its dual are counted from opposite sides: they must still agree."""
    weights, quota = game
    dual = sum(weights) - quota + 1
    ours, theirs = power_indices(weights, quota), power_indices(weights, dual)
    assert (ours.swings, ours.pivots) == (theirs.swings, theirs.pivots)
    ours_c, theirs_c = minimal_coalitions(weights, quota, limit=0), minimal_coalitions(weights, dual, limit=0)
    assert (ours_c.winning.total, ours_c.blocking.total) == (theirs_c.blocking.total, theirs_c.winning.total)


def test_two_hundred_partners_count_exactly() -> None:
    """200 partners with votes in basis points (the partner limit): two sizes of partner with no common factor,
    so the table is the full 10,000 votes wide and the closed form by type checks every count; unanimity needs
    no table at all (everyone is essential)."""
    groups = [(37, 100), (63, 100)]  # 10,000 votes in all
    weights = [w for w, c in groups for _ in range(c)]
    quota = -(-2 * sum(weights) // 3)  # two-thirds
    got = power_indices(weights, quota)
    _assert_counts_by_type(got, groups, quota)
    everyone = power_indices(weights, sum(weights))
    assert everyone.banzhaf == (Fraction(1, 200),) * 200 and everyone.veto_players == tuple(range(200))
