"""Benchmark: our exact power indices against the PyPI package ``powerindex``.

Run with ``.venv/bin/python benchmarks/power_indices.py``.  For 30 and 100 players with
random weights 1-100 (fixed seed) and a simple-majority quota, it times Banzhaf and
Shapley-Shubik together with each implementation (median of several runs), prints the
ratio ours/powerindex with PASS/FAIL against the 0.5 budget, and checks the two agree
to within 1e-9.  Exits 1 only if the results disagree; a slow run is reported, not fatal.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from powerindex import Game  # noqa: E402

from imagingnet_desktop.domain.voting import power  # noqa: E402
from imagingnet_desktop.domain.voting.power import power_indices  # noqa: E402

SEED = 20240611
BUDGET = 0.5
TOLERANCE = 1e-9
CASES = ((30, 9), (100, 3))  # (players, timed repeats): about a minute in all


def median_time(fn: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``repeats`` calls, so one hiccup does not decide the verdict."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold(weights: list[int], quota: int) -> object:
    """Ours worked out afresh: a game seen before is remembered, and a remembered answer is no measure."""
    power._power_of.cache_clear()
    return power_indices(weights, quota)


def theirs(weights: list[int], quota: int) -> tuple[list[float], list[float]]:
    game = Game(quota, weights)
    game.calc_banzhaf()
    game.calc_shapley_shubik()
    return game.banzhaf, game.shapley_shubik


def main() -> int:
    rng = random.Random(SEED)
    agree = True
    print(f"{'n':>4}  {'ours (s)':>10}  {'powerindex (s)':>14}  {'ratio':>7}  verdict  max |difference|")
    for n, repeats in CASES:
        weights = [rng.randint(1, 100) for _ in range(n)]
        quota = sum(weights) // 2 + 1
        ours = power_indices(weights, quota)
        banzhaf, shapley = theirs(weights, quota)
        diff = max(
            max(abs(float(a) - b) for a, b in zip(ours.banzhaf, banzhaf, strict=True)),
            max(abs(float(a) - b) for a, b in zip(ours.shapley_shubik, shapley, strict=True)),
        )
        agree &= diff <= TOLERANCE
        t_ours = median_time(lambda w=weights, q=quota: cold(w, q), repeats)
        t_theirs = median_time(lambda w=weights, q=quota: theirs(w, q), repeats)
        ratio = t_ours / t_theirs
        verdict = "PASS" if ratio <= BUDGET else "FAIL"
        print(f"{n:>4}  {t_ours:>10.4f}  {t_theirs:>14.4f}  {ratio:>7.3f}  {verdict:<7}  {diff:.2e}")
    if not agree:
        print(f"Results DISAGREE with powerindex by more than {TOLERANCE}.")
        return 1
    print(f"Results agree with powerindex to within {TOLERANCE}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
