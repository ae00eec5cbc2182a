"""Benchmark: the Control tab with 8 partners and votes in proportion to shares (basis points).

Run with ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/control.py [--runs N]``. It prints, median and
95th percentile in ms:

* every reserved matter worked out under the agreed votes (``matters.matter_outcomes``: the agreed scenario
  analysed once, then each matter's game, its single blockers and minimal passing groups from the engine);
* a change of the agreed scenario followed by the whole tab (the edit saved, every page refreshed, repainted);
* building and first showing the tab; the report's control section.

There is no separate budget for the Control tab; the figures sit beside the 16 ms repaint budget of an edit.
Exits 0 either way: a slow run is reported, not fatal.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from imagingnet_desktop.domain.network.partner import Partner  # noqa: E402
from imagingnet_desktop.domain.scenarios.scenario import Scenario  # noqa: E402
from imagingnet_desktop.domain.voting.rules import VoteMethod  # noqa: E402
from imagingnet_desktop.ui.common import theme  # noqa: E402
from imagingnet_desktop.ui.control.control_tab import ControlTab  # noqa: E402
from imagingnet_desktop.workspace.control import matters  # noqa: E402
from imagingnet_desktop.workspace.control.control_rows import RESERVED_MATTERS  # noqa: E402
from imagingnet_desktop.workspace.network.partner_import import demo_baselines  # noqa: E402
from imagingnet_desktop.workspace.reports.control_section import control_section  # noqa: E402
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes  # noqa: E402
from imagingnet_desktop.workspace.workspace import Workspace  # noqa: E402


def eight_partners() -> tuple[Partner, ...]:
    """The demo's five trusts and three smaller ones made up from them."""
    partners = [Partner(id=i + 1, **b) for i, b in enumerate(demo_baselines().baselines)]  # type: ignore[arg-type]
    for k in range(3):
        partners.append(replace(partners[k], id=10 + k, code=f"XT{k}", name=f"Extra Trust {k}",
                                imaging_exams_per_year=100_000 + 37_000 * k))
    return tuple(partners)


def timed(fn: Callable[[], object], times: int) -> list[float]:
    out = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def show(name: str, values: list[float]) -> None:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    print(f"{name:<58} median {statistics.median(values):7.2f} ms   95th {p95:7.2f} ms   (n={len(values)})")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    theme.apply(app)
    folder = Path(tempfile.mkdtemp())
    ws = Workspace.create(folder / "bench.imagingnet", "Benchmark network", eight_partners())
    saved = []
    for name, method in (("Proportional", VoteMethod.PROPORTIONAL), ("Equal", VoteMethod.EQUAL)):
        shares_votes.set_working_scenario(ws, replace(Scenario(name=name), vote_method=method))
        saved.append(shares_votes.save_scenario(ws, name).id)
    shares_votes.mark_agreed(ws, saved[0])
    print(f"{len(ws.network.partners)} partners, {len(ws.rows(RESERVED_MATTERS))} reserved matters, "
          f"agreed votes: {matters.agreed_votes(ws).votes}")

    show("every reserved matter under the agreed votes", timed(lambda: matters.matter_outcomes(ws), args.runs))
    show("report control section", timed(lambda: control_section(ws), args.runs))

    opened: list[ControlTab] = []

    def open_tab() -> None:
        tab = ControlTab(ws)
        tab.resize(1280, 660)
        tab.show()
        app.processEvents()
        opened.append(tab)

    show("build and show the Control tab", timed(open_tab, max(5, args.runs // 8)))
    for extra in opened[:-1]:
        extra.detach()
        extra.close()
    tab = opened[-1]
    tab.pages.setCurrentWidget(tab.matters)
    app.processEvents()
    flip = [0]

    def change_agreed() -> None:
        flip[0] ^= 1
        shares_votes.mark_agreed(ws, saved[flip[0]])
        tab.repaint()

    show("change of the agreed votes -> every page followed, repainted", timed(change_agreed, args.runs))
    tab.detach()
    ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
