"""Benchmark: export the draft MOU for 8 partners, budget ≤ 1 s.

Run with ``.venv/bin/python benchmarks/export.py [--rounds N]``. The workspace holds the demo's five trusts
and three more, with an agreed scenario (votes in proportion to a blend of pay and activity), what a few
workshops leave in the other areas (a preferred hosted model, seats, a reserved matter's rule, step dates,
agreed checklist items, record entries: every reserved matter is then analysed by the voting engine) and
earlier exports to compare with. Three figures:

- ``cli``: ``imagingnet export mou WORKSPACE -o FILE.docx`` as a fresh process, start to exit (Python start,
  imports, open, build, render, write, record, close): what a script or the lead's smoke check sees.
- ``first``: the first export in a process that has the workspace open but has not yet imported python-docx,
  numpy or the export code (what the first click on File ▸ Export ▸ Draft MOU… costs), in a fresh process
  each round. This is the budget's figure.
- ``warm``: later exports in the same process (median), split into build (document model), render and write
  (.docx via a temporary file), and record (the export and its clause texts, one transaction).

The verdict is on the ``first`` median; the ``cli`` figure adds Python's start and the command line's own
imports, and is printed against the same budget for information. Exits 0 either way.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

BUDGET_S = 1.0

# The app has the workspace open already; the first export also imports python-docx, numpy (the voting
# engine) and the export modules, so those are inside the timed part.
FIRST_EXPORT = """
import json, sys, time
t0 = time.perf_counter()
from imagingnet_desktop.workspace.workspace import Workspace
ws = Workspace.open(sys.argv[1])
t1 = time.perf_counter()
from imagingnet_desktop.workspace.exports.export import ExportKind, export_draft
export_draft(ws, ExportKind.MOU, sys.argv[2])
t2 = time.perf_counter()
ws.close()
print(json.dumps({"open": t1 - t0, "export": t2 - t1}))
"""


def make_workspace(folder: Path) -> Path:
    from imagingnet_desktop.domain.network.partner import Partner
    from imagingnet_desktop.domain.scenarios.scenario import Scenario
    from imagingnet_desktop.domain.shares.share_table import Basis
    from imagingnet_desktop.domain.voting.rules import VoteMethod
    from imagingnet_desktop.workspace.exports.export import ExportKind, export_draft
    from imagingnet_desktop.workspace.network.partner_import import demo_baselines
    from imagingnet_desktop.workspace.shares_votes.scenarios import (
        mark_agreed,
        save_scenario,
        set_working_scenario,
    )
    from imagingnet_desktop.workspace.workspace import Workspace

    partners = [Partner(id=i + 1, **b) for i, b in enumerate(demo_baselines().baselines)]  # type: ignore[arg-type]
    for k in range(3):
        partners.append(replace(partners[k], id=10 + k, code=f"XT{k}", name=f"Extra Trust & Partners {k} ŵ",
                                imaging_exams_per_year=100_000 + 37_000 * k,
                                pay_cost_gbp=Decimal(9_000_000 + 1_234_567 * k)))
    path = folder / "eight.imagingnet"
    ws = Workspace.create(path, "Eight-partner Imaging Network", tuple(partners))
    try:
        weights = tuple((b, 50 if b in (Basis.PAY, Basis.ACTIVITY) else 0) for b in Basis)
        set_working_scenario(ws, Scenario(weights=weights, vote_method=VoteMethod.PROPORTIONAL))
        mark_agreed(ws, save_scenario(ws, "Agreed").id)
        fill_areas(ws)
        for n in range(5):  # earlier versions of both drafts
            export_draft(ws, ExportKind.MOU, folder / f"earlier-mou-{n}.docx")
            export_draft(ws, ExportKind.HEADS_OF_TERMS, folder / f"earlier-hot-{n}.docx")
    finally:
        ws.close()
    return path


def fill_areas(ws: object) -> None:
    """What a few workshops leave in the other areas: a preferred hosted model, seats allocated with a rotation,
    a reserved matter's rule changed, step dates, agreed checklist items with notes, and record entries."""
    from datetime import date, timedelta

    from imagingnet_desktop.domain.programme.steps import STEP_ORDER, ItemStatus
    from imagingnet_desktop.domain.record.entries import EntryKind
    from imagingnet_desktop.domain.voting.rules import RuleKind
    from imagingnet_desktop.workspace.commercial import appraisal_edits as commercial
    from imagingnet_desktop.workspace.commercial.collections import OPTIONS
    from imagingnet_desktop.workspace.control import matters, monitoring, positions
    from imagingnet_desktop.workspace.control.control_rows import GROUPS, POSITIONS, RESERVED_MATTERS
    from imagingnet_desktop.workspace.programme import edits as programme
    from imagingnet_desktop.workspace.programme.collections import ITEMS
    from imagingnet_desktop.workspace.record.entries import add_entry

    partners = ws.network.partners  # type: ignore[attr-defined]
    hosted = next(o.id for o in ws.rows(OPTIONS) if o.model_key == "arms_length")  # type: ignore[attr-defined]
    commercial.short_list(ws, hosted)  # type: ignore[arg-type]
    commercial.choose_preferred(ws, hosted, partners[0].id, "One team and one budget.")  # type: ignore[arg-type]
    seats = ws.rows(POSITIONS)  # type: ignore[attr-defined]
    for n, seat in enumerate(seats[:3]):
        positions.allocate(ws, seat.id, partners[n + 1].id)  # type: ignore[arg-type]
    positions.set_rotation(ws, seats[0].id, [p.id for p in partners])  # type: ignore[arg-type]
    matters.edit_matter(ws, ws.rows(RESERVED_MATTERS)[0].id, rule_kind=RuleKind.UNANIMITY)  # type: ignore[arg-type, attr-defined]
    monitoring.set_members(ws, ws.rows(GROUPS)[0].id, [p.id for p in partners[:4]])  # type: ignore[arg-type, attr-defined]
    start = date(2027, 1, 4)
    for step, weeks in zip(STEP_ORDER, (12, 16, 24, 24, 40, 52), strict=True):
        programme.set_step_dates(ws, step, start, start + timedelta(weeks=weeks))  # type: ignore[arg-type]
        start += timedelta(weeks=weeks)
    items = ws.rows(ITEMS)  # type: ignore[attr-defined]
    for checklist_item in items[::3]:
        programme.set_status(ws, [checklist_item.id], ItemStatus.AGREED)  # type: ignore[arg-type]
        programme.set_note(ws, checklist_item.id, "Agreed at the workshop, as minuted.")  # type: ignore[arg-type]
    for n in range(20):
        add_entry(ws, EntryKind.ISSUE if n % 2 else EntryKind.DECISION, f"Workshop point {n}",  # type: ignore[arg-type]
                  owner_partner_id=partners[n % len(partners)].id)


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from imagingnet_desktop.workspace.exports import export as export_module
    from imagingnet_desktop.workspace.exports.export import ExportKind, build_draft, export_draft
    from imagingnet_desktop.workspace.exports.history import record_export
    from imagingnet_desktop.workspace.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="imagingnet-export-bench-") as tmp:
        folder = Path(tmp)
        workspace = make_workspace(folder)
        imagingnet = Path(sys.executable).with_name("imagingnet")
        cli, first, first_open = [], [], []
        for n in range(args.rounds):
            start = time.perf_counter()
            subprocess.run([str(imagingnet), "export", "mou", str(workspace), "-o", str(folder / f"cli-{n}.docx")],
                           check=True, capture_output=True)
            cli.append(time.perf_counter() - start)
            result = subprocess.run([sys.executable, "-c", FIRST_EXPORT, str(workspace), str(folder / f"f-{n}.docx")],
                                    check=True, capture_output=True, text=True)
            figures = json.loads(result.stdout)
            first.append(figures["export"])
            first_open.append(figures["open"])

        ws = Workspace.open(workspace)
        warm, build, write, record = [], [], [], []
        try:
            export_draft(ws, ExportKind.MOU, folder / "warm-up.docx")
            for n in range(args.rounds * 2):
                start = time.perf_counter()
                export_draft(ws, ExportKind.MOU, folder / f"warm-{n}.docx")
                warm.append(time.perf_counter() - start)
                t0 = time.perf_counter()
                draft = build_draft(ws, ExportKind.MOU)
                t1 = time.perf_counter()
                target = folder / f"parts-{n}.docx"
                export_module.put_in_place(export_module.write_beside(draft.document, target), target)
                t2 = time.perf_counter()
                record_export(ws, ExportKind.MOU, draft.document.version, export_module.datetime.now().astimezone(),
                              str(target), draft.recorded)
                t3 = time.perf_counter()
                build.append(t1 - t0)
                write.append(t2 - t1)
                record.append(t3 - t2)
            pages_hint = len(draft.recorded)
        finally:
            ws.close()

    ms = 1000.0
    print("Export the draft MOU, 8 partners (budget ≤ 1 s)")
    print(f"  cli    imagingnet export mou, fresh process: median {median(cli) * ms:.0f} ms "
          f"(min {min(cli) * ms:.0f}, max {max(cli) * ms:.0f}; {args.rounds} runs)")
    print(f"  first  first export in a process (python-docx, numpy and the export code imported on the way): median {median(first) * ms:.0f} ms "
          f"(min {min(first) * ms:.0f}, max {max(first) * ms:.0f}); opening the workspace before it, not counted: "
          f"{median(first_open) * ms:.0f} ms")
    print(f"  warm   later exports: median {median(warm) * ms:.0f} ms = build {median(build) * ms:.0f} + "
          f"render and write {median(write) * ms:.0f} + record {median(record) * ms:.0f} "
          f"({pages_hint} numbered texts recorded each time)")
    figure = median(first)
    verdict = "PASS" if figure <= BUDGET_S else "FAIL"
    print(f"  first export {figure:.2f} s against {BUDGET_S:.0f} s: {verdict} (ratio {figure / BUDGET_S:.2f}); "
          f"the whole command {median(cli):.2f} s (ratio {median(cli) / BUDGET_S:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
