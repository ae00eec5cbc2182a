"""Report budget at scale: ``imagingnet report`` (text and ``--json``) for 50, 100 and 200 partners.

    .venv/bin/python benchmarks/report_scale.py [--reps 3] [--sizes 50,100,200]

Budget: the report for 200 partners <= 1 s (issue 12). The partners are generated as ``open_large.py`` makes
them (realistic figures in proportion to each trust's size). Each size is timed three ways: with no agreed
scenario (the default, equal votes and a simple majority) and with an agreed scenario of votes in proportion
to a pay/activity blend (basis points: about 10,000 votes in all) under a 2/3 qualified majority and under a
simple majority (the widest table: half the votes). The time is ``build_report`` + ``render_text`` +
``json.dumps`` on an open workspace (what the command does after opening the file), median of ``--reps``.
Exits 1 on FAIL.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import open_large  # noqa: E402  (benchmarks/open_large.py: the generated partners)

BUDGET_S = 1.0
BUDGET_PARTNERS = 200


SCENARIOS = {  # label: the agreed scenario's rule (None: no agreed scenario, so the default)
    "default (equal, simple majority)": None,
    "proportional to a blend, 2/3": Fraction(2, 3),
    "proportional to a blend, majority": "majority",
}


def make(folder: Path, n: int, rule: Fraction | str | None) -> Path:
    from imagingnet_desktop.domain.scenarios.scenario import Scenario
    from imagingnet_desktop.domain.shares.share_table import Basis
    from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
    from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
    from imagingnet_desktop.workspace.workspace import Workspace

    open_large.PARTNERS = n
    partners = open_large.generated_partners(random.Random(open_large.SEED))
    path = folder / f"scale-{n}-{'default' if rule is None else str(rule).replace('/', '-')}.imagingnet"
    workspace = Workspace.create(path, f"{n}-trust benchmark network", partners)
    try:
        if rule is not None:
            weights = tuple((b, {Basis.ACTIVITY: 50, Basis.PAY: 50}.get(b, 0)) for b in Basis)
            kind = dict(rule_kind=RuleKind.SIMPLE_MAJORITY) if rule == "majority" else dict(
                rule_kind=RuleKind.QUALIFIED, qualified=rule)
            shares_votes.set_working_scenario(workspace, Scenario(
                weights=weights, vote_method=VoteMethod.PROPORTIONAL, **kind))  # type: ignore[arg-type]
            saved = shares_votes.save_scenario(workspace, f"Blend, proportional, {rule}")
            shares_votes.mark_agreed(workspace, saved.id)
    finally:
        workspace.close()
    return path


def time_report(path: Path, reps: int) -> tuple[float, float]:
    from imagingnet_desktop.workspace.reports.report import build_report, render_text
    from imagingnet_desktop.workspace.workspace import Workspace

    text_times, json_times = [], []

    def forget() -> None:  # every run from cold, as a fresh ``imagingnet report`` process is
        from imagingnet_desktop.domain.voting import coalitions, power
        from imagingnet_desktop.workspace.reports import shares_section

        power._power_of.cache_clear()
        coalitions._coalitions_of.cache_clear()
        coalitions._counted.cache_clear()
        shares_section._LAST.clear()

    for _ in range(reps):
        forget()
        workspace = Workspace.open_read_only(path)
        try:
            start = time.perf_counter()
            render_text(build_report(workspace))
            text_times.append(time.perf_counter() - start)
        finally:
            workspace.close()
        forget()
        workspace = Workspace.open_read_only(path)
        try:
            start = time.perf_counter()
            json.dumps(build_report(workspace), allow_nan=False)
            json_times.append(time.perf_counter() - start)
        finally:
            workspace.close()
    return statistics.median(text_times), statistics.median(json_times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--sizes", default="50,100,200")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"Report at scale; budget: {BUDGET_PARTNERS} partners <= {BUDGET_S:.1f} s (median of {args.reps})")
    print(f"{'partners':>9}  {'scenario':<34}{'text s':>8}{'json s':>8}")
    verdict = True
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            for label, rule in SCENARIOS.items():
                path = make(Path(tmp), n, rule)
                text_s, json_s = time_report(path, args.reps)
                print(f"{n:>9}  {label:<34}{text_s:>8.3f}{json_s:>8.3f}")
                if n == BUDGET_PARTNERS:
                    verdict = verdict and max(text_s, json_s) <= BUDGET_S
    print(f"-> {'PASS' if verdict else 'FAIL'}")
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())
