"""Slider budget: a blend slider moved through 100 positions with 8 partners, each step to shares, power
indices and the chart repainted. Budget: median <= 16 ms, 95th percentile <= 33 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/slider.py [--steps 100] [--partners 8] [--profile]

``--partners N`` (5 to 60) runs it with N partners: the demo's 5 and N - 5 more made here (issue 12 asks for
the budget at 20).

Builds an 8-partner workspace (the demo's 5 and 3 more made here) with votes in proportion to the blend and a
75% qualified majority, opens the real ``SharesVotesTab`` at 1280x720 and holds the "Total cost" slider
down as a drag does. Each step is timed from ``slider.setValue`` (which runs the same code as a mouse drag:
valueChanged -> preview -> analysis -> models -> chart) until the repaint is done: the chart's blit repaints
synchronously and ``processEvents`` paints the table. The tab has one page on screen at a time, so the run
is made three times, with the chart, the power table and then the shares table on screen; the verdict is
on the slowest. The time spent in the domain analysis (``scenario_analysis.analyse``) is measured on the
same steps and reported as a share. A bare QLabel setText + repaint, timed in the same run, is printed as
the ratio's yardstick so machine noise is visible. Exits 1 on FAIL.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from imagingnet_desktop.domain.scenarios.scenario import Scenario  # noqa: E402
from imagingnet_desktop.domain.shares.share_table import Basis  # noqa: E402
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod  # noqa: E402
from imagingnet_desktop.ui.common import theme  # noqa: E402
from imagingnet_desktop.ui.shares_votes import shares_votes_tab as shares_votes_view  # noqa: E402
from imagingnet_desktop.ui.shares_votes.shares_votes_tab import SharesVotesTab  # noqa: E402
from imagingnet_desktop.workspace.network.partner_import import create_demo  # noqa: E402
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes  # noqa: E402
from imagingnet_desktop.workspace.workspace import Workspace  # noqa: E402

MEDIAN_BUDGET_MS = 16.0
P95_BUDGET_MS = 33.0
MOVED = Basis.TOTAL_COST
EXTRA = (  # code, name, scale of the first demo partner's figures
    ("HLT", "Hillton University Hospitals NHS Foundation Trust", Decimal("1.35")),
    ("RVS", "Riverside Community NHS Trust", Decimal("0.42")),
    ("MDL", "Midland Vale Hospitals NHS Trust", Decimal("0.77")),
)
SCALED = ("population_served", "imaging_exams_per_year", "pay_cost_gbp", "direct_non_pay_gbp",
          "total_operating_cost_gbp", "going_concern_value_gbp")


def extra_partners(count: int) -> tuple[tuple[str, str, Decimal], ...]:
    """The three named extra trusts, then as many more as asked, each a different size."""
    more = tuple((f"X{k:02d}", f"Extra Trust {k} NHS Trust", Decimal(30 + (k * 37) % 110) / 100)
                 for k in range(1, max(0, count - len(EXTRA)) + 1))
    return (EXTRA + more)[:count]


def eight_partner_workspace(folder: Path, partners_wanted: int = 8) -> Workspace:
    demo = create_demo(folder / "demo.imagingnet")
    partners = list(demo.network.partners)
    demo.close()
    first = partners[0]
    for offset, (code, name, scale) in enumerate(extra_partners(partners_wanted - len(partners)), start=1):
        changes: dict[str, object] = {"id": len(partners) + 1, "code": code, "name": name}
        for field in SCALED:
            value = getattr(first, field)
            # Different proportions per basis, so the blend really moves the shares.
            tilt = Decimal(1) + Decimal(offset * (SCALED.index(field) + 1)) / 40
            changes[field] = type(value)(int(Decimal(value) * scale * tilt))
        partners.append(replace(first, **changes))
    workspace = Workspace.create(folder / "eight.imagingnet", f"{len(partners)}-partner benchmark network",
                                 tuple(partners))
    weights = tuple((b, {Basis.ACTIVITY: 100, Basis.PAY: 50}.get(b, 0)) for b in Basis)
    shares_votes.set_working_scenario(workspace, Scenario(
        weights=weights, vote_method=VoteMethod.PROPORTIONAL, rule_kind=RuleKind.QUALIFIED,
        qualified=Fraction(3, 4)))
    return workspace


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


class DomainClock:
    """Wraps ``analyse`` as the view calls it, to add up the time spent in the domain."""

    def __init__(self) -> None:
        self.total = 0.0
        self._real = shares_votes_view.analyse

    def __enter__(self) -> DomainClock:
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return self._real(*args, **kwargs)
            finally:
                self.total += time.perf_counter() - start

        shares_votes_view.analyse = timed
        return self

    def __exit__(self, *_: object) -> None:
        shares_votes_view.analyse = self._real


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def run_steps(app: QApplication, tab: SharesVotesTab, page: str, steps: int) -> tuple[list[float], float, int]:
    view = tab
    target = {"chart": view.chart_page, "power": view.power_page, "shares": view.shares_page}[page]
    view.pages.setCurrentWidget(target)
    watched = {"chart": view.chart_page.canvas, "power": view.power_page.table.viewport(),
               "shares": view.shares_page.table.viewport()}[page]
    counter = PaintCounter()
    watched.installEventFilter(counter)
    slider = view.sliders.sliders[MOVED]
    for _ in range(5):
        app.processEvents()
    slider.setSliderDown(True)  # as while the mouse holds the handle: preview each step, write nothing
    times: list[float] = []
    painted = 0
    with DomainClock() as domain:
        for step in range(steps):
            value = (step + 1) % 101
            before = counter.count
            start = time.perf_counter()
            slider.setValue(value)
            app.processEvents()
            times.append(time.perf_counter() - start)
            painted += counter.count > before
    slider.setSliderDown(False)
    view.sliders.flush()
    watched.removeEventFilter(counter)
    return [t * 1000 for t in times], domain.total * 1000, painted


def baseline(app: QApplication, steps: int) -> float:
    label = QLabel("0")
    label.resize(300, 60)
    label.show()
    for _ in range(5):
        app.processEvents()
    times = []
    for step in range(steps):
        start = time.perf_counter()
        label.setText(f"{step}.{step % 7}%")
        label.repaint()
        app.processEvents()
        times.append(time.perf_counter() - start)
    label.close()
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of the chart-page run")
    parser.add_argument("--partners", type=int, default=8, help="partners in the network (5 to 60; default 8)")
    args = parser.parse_args()
    if not 5 <= args.partners <= 60:
        parser.error("--partners must be from 5 to 60")

    app = QApplication.instance() or QApplication(sys.argv[:1])
    theme.apply(app)
    with tempfile.TemporaryDirectory() as folder:
        workspace = eight_partner_workspace(Path(folder), args.partners)
        tab = SharesVotesTab(workspace)
        tab.resize(1280, 720)
        tab.show()
        for _ in range(20):
            app.processEvents()
        assert len(tab.analysis.codes) == args.partners and tab.analysis.problem is None, tab.analysis.problem

        bare = baseline(app, args.steps)
        print(f"Slider benchmark: {args.partners} partners, '{MOVED.label}' slider through {args.steps} positions, "
              "votes in proportion to the blend, 75% qualified majority")
        print(f"Budget: median <= {MEDIAN_BUDGET_MS:.0f} ms, 95th percentile <= {P95_BUDGET_MS:.0f} ms")
        print(f"Yardstick: bare QLabel setText + repaint, median {bare:.3f} ms\n")
        print(f"{'page on screen':<16}{'median ms':>10}{'p95 ms':>9}{'max ms':>9}{'domain share':>14}"
              f"{'x yardstick':>13}{'steps repainted':>17}")
        worst_median = worst_p95 = 0.0
        for page in ("chart", "power", "shares"):
            times, domain_ms, repainted = run_steps(app, tab, page, args.steps)
            median, p95 = statistics.median(times), percentile(times, 0.95)
            worst_median, worst_p95 = max(worst_median, median), max(worst_p95, p95)
            print(f"{page:<16}{median:>10.2f}{p95:>9.2f}{max(times):>9.2f}{domain_ms / sum(times):>13.0%}"
                  f"{median / bare:>13.1f}{f'{repainted}/{len(times)}':>17}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            run_steps(app, tab, "chart", args.steps)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        print("(A step repaints only what it changed on screen: a step that moves no bar by a hair or no "
              "figure by its last digit needs no paint.)")
        canvas = tab.chart_page.canvas
        print(f"\nChart: {canvas.full_draws} full draws in all, {canvas.blits} blits (bars only).")
        verdict = worst_median <= MEDIAN_BUDGET_MS and worst_p95 <= P95_BUDGET_MS
        print(f"Slowest page: median {worst_median:.2f} ms, p95 {worst_p95:.2f} ms -> {'PASS' if verdict else 'FAIL'}")
        tab.detach()
        tab.close()
        tab.deleteLater()
        app.processEvents()
        workspace.close()
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())
