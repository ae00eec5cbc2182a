"""The weight robustness: exact thresholds checked against a brute-force search over weights."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.commercial.robustness import (
    Flip,
    describe,
    first_place_shares,
    leader,
    moved_weights,
    sensitivity,
)

F = Fraction
STEPS = 400  # brute-force grid over one weight


@st.composite
def appraisals(draw: st.DrawFn) -> tuple[list[list[Fraction]], list[Fraction], int]:
    n_options = draw(st.integers(2, 5))
    n_criteria = draw(st.integers(2, 5))
    matrix = [[F(draw(st.integers(0, 20)), 2) for _ in range(n_criteria)] for _ in range(n_options)]
    raw = [draw(st.integers(0, 10)) for _ in range(n_criteria)]
    if sum(raw) == 0:
        raw[0] = 1
    weights = [F(w, sum(raw)) for w in raw]
    return matrix, weights, draw(st.integers(0, n_criteria - 1))


def _brute_force_first_change(matrix: list[list[Fraction]], weights: list[Fraction], k: int, direction: int) -> \
        tuple[Fraction, Fraction] | None:
    """The grid interval (last t with the same leader, first t with another) moving weight k one way."""
    lead = leader(matrix, weights)
    t0 = weights[k]
    end = F(1) if direction > 0 else F(0)
    previous = t0
    for step in range(1, STEPS + 1):
        t = t0 + (end - t0) * F(step, STEPS)
        if leader(matrix, moved_weights(weights, k, t)) != lead:
            return previous, t
        previous = t
    return None


@settings(max_examples=60, deadline=None)
@given(appraisals())
def test_thresholds_match_a_brute_force_search_over_weights(case: tuple[list[list[Fraction]], list[Fraction], int]) \
        -> None:
    matrix, weights, k = case
    s = sensitivity(matrix, weights, k)
    lead = leader(matrix, weights)
    assert s.leader == lead
    for flip, direction in ((s.rise, +1), (s.fall, -1)):
        found = _brute_force_first_change(matrix, weights, k, direction)
        if flip is None:
            assert found is None  # the leader holds all the way to 100% (or 0%)
            continue
        # the exact threshold lies in the grid interval where the brute force first sees another leader ...
        assert found is not None
        last_same, first_other = found
        low, high = sorted((last_same, first_other))
        assert low <= flip.at <= high
        # ... the leader holds strictly before it, and the new leader takes over just past it
        before = flip.at - direction * F(1, 10**9)
        if (before - weights[k]) * direction > 0:
            assert leader(matrix, moved_weights(weights, k, before)) == lead
        end = F(1) if direction > 0 else F(0)
        beyond = flip.at + direction * F(1, 10**9) if flip.at != end else flip.at
        assert leader(matrix, moved_weights(weights, k, beyond)) == flip.new_leader != lead


def test_a_worked_example_in_plain_words() -> None:
    # two factors, 50/50: A = (8, 4) -> 6, B = (5, 6) -> 5.5. A leads until factor 2 reaches 2/3.
    matrix = [[F(8), F(4)], [F(5), F(6)]]
    weights = [F(1, 2), F(1, 2)]
    s = sensitivity(matrix, weights, 1)
    assert s.rise is not None and s.rise.at == F(3, 5) and s.rise.new_leader == 1
    assert s.fall is None
    words = describe(s, ["Arm's Length", "Private JV"], "Potential affordability")
    assert words == ("Arm's Length stays first unless the weight on potential affordability rises above 60% "
                     "(then Private JV leads)")
    assert describe(sensitivity([[F(9), F(9)], [F(1), F(1)]], weights, 0), ["A", "B"], "Cost") == \
        "A stays first whatever the weight on cost"
    # A catches B only when factor 0 has all the weight (a tie there, A first in the list): "reaches 100%"
    edge = sensitivity([[F(5), F(5)], [F(5), F(9)]], [F(1, 2), F(1, 2)], 0)
    assert edge.leader == 1 and edge.rise == Flip(F(1), 0)
    assert "reaches 100% (then A leads)" in describe(edge, ["A", "B"], "Cost")


def test_moved_weights_keep_the_others_in_proportion() -> None:
    assert moved_weights([F(1, 2), F(1, 4), F(1, 4)], 0, F(0)) == [0, F(1, 2), F(1, 2)]
    assert moved_weights([F(1), F(0), F(0)], 0, F(1, 2)) == [F(1, 2), F(1, 4), F(1, 4)]


def test_random_weightings_are_seeded_and_share_out_first_places() -> None:
    matrix = [[F(9), F(1)], [F(1), F(9)], [F(0), F(0)]]
    shares = first_place_shares(matrix, samples=4000, seed=7)
    assert shares == first_place_shares(matrix, samples=4000, seed=7)
    assert abs(sum(shares) - 1) < 1e-9 and shares[2] == 0
    assert 0.45 < shares[0] < 0.55  # symmetric: about half each
    dominant = first_place_shares([[F(9), F(9)], [F(1), F(1)]], samples=500)
    assert dominant == [1.0, 0.0]
