"""Benchmark: the domain's share of a blend-slider move, ``scenario_analysis.analyse()`` with 8 partners.

Run with ``.venv/bin/python benchmarks/analysis.py [--sweeps N]``.  The demo network's five trusts plus
three more; votes in proportion to a blend of pay and activity (basis points, 10,000 in all) under a
simple majority.  Each sweep moves the slider through 101 positions (pay 0-100%), timing one
``analyse()`` per position: shares on every basis and the blend, votes, both power indices, veto and
null players, minimal coalitions and the warnings.

It prints the median and 95th percentile in ms, the same for a fixed pure-Python loop timed in the same
run (so a busy machine shows up as a slow baseline, not as a slow analysis), and the ratio of the two
medians.  A second row runs the same sweep with the fast path switched off (no share-table cache, so the
five bases are worked out again on every step) to show what it saves.  The budget for the domain is a 2 ms median;
the whole slider move (with the chart) has 16 ms median and 33 ms 95th percentile.  Exits 0 either way:
a slow run is reported, not fatal.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from imagingnet_desktop.domain.network.partner import Partner  # noqa: E402
from imagingnet_desktop.domain.scenarios.analysis import analyse  # noqa: E402
from imagingnet_desktop.domain.scenarios.scenario import Scenario  # noqa: E402
from imagingnet_desktop.domain.shares import share_table as shares  # noqa: E402
from imagingnet_desktop.domain.shares.share_table import Basis  # noqa: E402
from imagingnet_desktop.domain.voting.rules import VoteMethod  # noqa: E402
from imagingnet_desktop.workspace.network.partner_import import demo_baselines  # noqa: E402

BUDGET_MEDIAN_MS = 2.0
POSITIONS = range(101)


def eight_partners() -> tuple[Partner, ...]:
    """The demo's five trusts and three smaller ones made up from them."""
    baselines = demo_baselines().baselines
    partners = [Partner(id=i + 1, **b) for i, b in enumerate(baselines)]  # type: ignore[arg-type]
    for k in range(3):
        extra = replace(partners[k], id=10 + k, code=f"XT{k}", name=f"Extra Trust {k}",
                        imaging_exams_per_year=100_000 + 37_000 * k,
                        pay_cost_gbp=Decimal(9_000_000 + 1_234_567 * k))
        partners.append(extra)
    return tuple(partners)


def scenario(pay: int) -> Scenario:
    return Scenario(vote_method=VoteMethod.PROPORTIONAL, weights=((Basis.PAY, pay), (Basis.ACTIVITY, 100 - pay)))


def baseline_work() -> int:
    """Fixed pure-Python work, about as long as the analysis should take: the run's yardstick."""
    total = 0
    for i in range(5_000):
        total += i * i % 7
    return total


def timed(fn: Callable[[], object], times: int) -> list[float]:
    out = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def sweep(partners: tuple[Partner, ...], sweeps: int) -> list[float]:
    scenarios = [scenario(p) for p in POSITIONS]
    out: list[float] = []
    for _ in range(sweeps):
        for s in scenarios:
            start = time.perf_counter()
            result = analyse(partners, s)
            out.append((time.perf_counter() - start) * 1000)
            if result.problem:
                raise SystemExit(f"The benchmark scenario stopped: {result.problem}")
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweeps", type=int, default=10, help="slider sweeps of 101 positions (default 10)")
    args = parser.parse_args(argv)
    partners = eight_partners()
    analyse(partners, scenario(30))  # warm up imports and tables
    baseline_work()

    base = timed(baseline_work, len(POSITIONS) * args.sweeps)
    fast = sweep(partners, args.sweeps)
    real_cache = shares._by_partners
    try:
        shares._by_partners = shares._partner_part  # type: ignore[assignment]
        slow = sweep(partners, args.sweeps)
    finally:
        shares._by_partners = real_cache

    base_median = statistics.median(base)
    print(f"analyse(), {len(partners)} partners, proportional votes on a pay/activity blend, "
          f"{args.sweeps} sweeps x {len(POSITIONS)} positions")
    print(f"{'':34}{'median ms':>10}{'p95 ms':>9}{'x baseline':>12}")
    print(f"{'baseline loop (fixed work)':34}{base_median:>10.3f}{p95(base):>9.3f}{1:>12.2f}")
    for label, values in (("analyse()", fast), ("analyse(), no share cache", slow)):
        median = statistics.median(values)
        print(f"{label:34}{median:>10.3f}{p95(values):>9.3f}{median / base_median:>12.2f}")
    median = statistics.median(fast)
    verdict = "PASS" if median <= BUDGET_MEDIAN_MS else "FAIL"
    print(f"{verdict}: median {median:.3f} ms against the domain's {BUDGET_MEDIAN_MS} ms budget; "
          f"{statistics.median(slow) / median:.1f}x faster than without the share cache.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
