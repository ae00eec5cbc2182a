"""Open budget: a workspace of 50 partners, 1,000 checklist items and 5,000 record entries <= 0.5 s to window shown.

    .venv/bin/python benchmarks/open_large.py [--rounds 7] [--reps 9] [--profile]

The large workspace holds real rows: 50 partners with realistic generated figures (``Workspace.create``),
1,000 programme checklist items (the seeded ones topped up, in ``programme_checklist_items``), 5,000 record
entries (decisions, actions and open issues in ``record_entries``), 20 motions voted and revealed (each with a
vote per partner and its decision in the log) and 10 saved scenarios. The rows are inserted through the
workspace as a few ``Batch``es of ``InsertRow`` commands (one transaction each), as an edit would write them.

Three figures:
- wall clock of ``python -m imagingnet_desktop --exit-after-start FILE`` in fresh subprocesses (median of
  ``--rounds`` rounds, each running the bare PySide6 window, the demo and the large workspace in rotating
  order), the app's modules byte-compiled first and PYTHONDONTWRITEBYTECODE dropped for the children, as
  ``benchmarks/startup.py`` does. The budget is judged on this: the large workspace's median <= 0.5 s.
- in one process, with Qt and the app already imported: ``Workspace.open`` -> ``MainWindow`` +
  ``set_workspace`` -> ``app.paint_and_check`` (window painted with the partners shown), median of ``--reps``
  for each workspace, so the part the workspace's size adds is visible apart from the interpreter's and Qt's
  start-up. ``--profile`` prints a cProfile of those opens of the large workspace.
- in the same process (not judged): the first visit to the Programme and the Record tab of the large
  workspace (their rows are read, in one query each, only then), to the tab painted.
Exits 1 on FAIL.
"""

from __future__ import annotations

import argparse
import compileall
import cProfile
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from startup import timed  # benchmarks/startup.py: wall clock and CPU of one child run

BUDGET_S = 0.5
HERE = Path(__file__).resolve().parent
PARTNERS, CHECKLIST_ITEMS, RECORD_ENTRIES_WANTED, SAVED_SCENARIOS, MOTIONS = 50, 1_000, 5_000, 10, 20
SEED = 20240611
TODAY = date(2026, 12, 1)

PLACES = ("Northshire", "Eastmoor", "Kingsbridge", "Southmere", "Westbrook", "Ashford", "Brackenfield",
          "Calderdale", "Dunmore", "Elmstead", "Fairhaven", "Greystone", "Hollinsford", "Ivybridge",
          "Juniper Vale", "Kestrel Bay", "Longmarsh", "Millbrook", "Netherby", "Oakhampton", "Pennington",
          "Queensmead", "Ravenscar", "Saltash Moor", "Thornbury", "Upperdale", "Valemouth", "Whitcombe",
          "Yarrowford", "Zennor Coast")
SUFFIXES = ("Hospitals", "University Hospitals", "and District", "Healthcare", "Teaching Hospitals")


# ============================================================================ the large workspace


def generated_partners(rng: random.Random):
    """50 trusts with figures in proportion to their size, as real trusts' figures roughly are."""
    from imagingnet_desktop.domain.network.partner import FOUNDATION_TRUST, NHS_TRUST, Partner

    codes: set[str] = set()
    partners = []
    for i in range(PARTNERS):
        while (code := "R" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTVWXYZ") for _ in range(2))) in codes:
            pass
        codes.add(code)
        foundation = rng.random() < 0.6
        kind = FOUNDATION_TRUST if foundation else NHS_TRUST
        name = f"{PLACES[i % len(PLACES)]}{' North' if i >= len(PLACES) else ''} {rng.choice(SUFFIXES)} {kind}"
        population = rng.randrange(150_000, 950_000, 1_000)
        exams = int(population * rng.uniform(0.7, 1.0))
        staff = Decimal(exams / rng.uniform(1_200, 1_500)).quantize(Decimal("0.1"))
        pay = Decimal(int(staff * rng.randint(54_000, 62_000)))
        non_pay = (pay * Decimal(str(round(rng.uniform(0.35, 0.6), 3)))).quantize(Decimal("0.01"))
        ics = 1 + i // 6
        partners.append(Partner(
            id=i + 1, code=code, name=name, organisation_type=kind, ics=f"Integrated Care Board {ics}",
            population_served=population, imaging_exams_per_year=exams, imaging_staff_wte=staff,
            consultant_radiologists_wte=Decimal(exams / rng.uniform(13_000, 17_000)).quantize(Decimal("0.1")),
            staff_vacancy_rate_pct=Decimal(rng.randint(60, 250)) / 10,
            radiologist_vacancy_rate_pct=Decimal(rng.randint(50, 300)) / 10,
            pay_cost_gbp=pay, direct_non_pay_gbp=non_pay,
            total_operating_cost_gbp=((pay + non_pay) * Decimal("1.25")).quantize(Decimal("0.01")),
            going_concern_value_gbp=Decimal(rng.randrange(2_000_000, 30_000_000, 100_000)),
            cancer_alliance=f"Cancer Alliance {1 + ics // 2}", ppci_centre=rng.random() < 0.2,
            hyper_acute_stroke_unit=rng.random() < 0.3,
        ))
    return tuple(partners)


def _sentence(rng: random.Random, words: int) -> str:
    vocabulary = ("the", "network", "board", "agreed", "imaging", "reporting", "capacity", "trust", "MRI", "CT",
                  "workforce", "business", "case", "procurement", "PACS", "options", "appraisal", "host",
                  "finance", "review", "by", "next", "workshop", "with", "each", "partner", "to", "share")
    return " ".join(rng.choice(vocabulary) for _ in range(words)).capitalize() + "."


def checklist_rows(workspace, rng: random.Random, partner_ids: list[int]) -> list:
    """``InsertRow`` commands topping the seeded checklist up to ``CHECKLIST_ITEMS`` items."""
    from imagingnet_desktop.domain.programme.rows import ChecklistItem
    from imagingnet_desktop.domain.programme.steps import STEP_ORDER, WORKSTREAM_ORDER, ItemStatus
    from imagingnet_desktop.workspace.collections import InsertRow
    from imagingnet_desktop.workspace.programme.collections import ITEMS

    first = workspace.new_row_id(ITEMS)
    rows = []
    for n in range(CHECKLIST_ITEMS - len(workspace.rows(ITEMS))):
        rows.append(InsertRow(ITEMS, ChecklistItem(
            first + n, rng.choice(STEP_ORDER), rng.choice(WORKSTREAM_ORDER), _sentence(rng, rng.randint(8, 20)),
            rng.choice(list(ItemStatus)), rng.choice([*partner_ids, None]),
            TODAY + timedelta(days=rng.randint(-90, 700)) if rng.random() < 0.7 else None,
            _sentence(rng, rng.randint(3, 25)) if rng.random() < 0.5 else "",
            f"Board minute {rng.randint(1, 300)}" if rng.random() < 0.2 else "")))
    return rows


def record_rows(workspace, rng: random.Random, partner_ids: list[int], count: int) -> list:
    """``InsertRow`` commands for ``count`` log entries: decisions, actions (open, done or dropped), issues."""
    from imagingnet_desktop.domain.record.entries import (
        STEPS,
        WORKSTREAMS,
        EntryKind,
        EntryStatus,
        RecordEntry,
    )
    from imagingnet_desktop.workspace.collections import InsertRow
    from imagingnet_desktop.workspace.record.entries import RECORD_ENTRIES

    first = workspace.new_row_id(RECORD_ENTRIES)
    statuses = {EntryKind.DECISION: (EntryStatus.RECORDED,),
                EntryKind.ACTION: (EntryStatus.OPEN, EntryStatus.DONE, EntryStatus.DROPPED),
                EntryKind.ISSUE: (EntryStatus.OPEN, EntryStatus.RESOLVED)}
    rows = []
    for n in range(count):
        kind = rng.choice(list(EntryKind))
        rows.append(InsertRow(RECORD_ENTRIES, RecordEntry(
            first + n, kind, _sentence(rng, rng.randint(10, 45)), TODAY - timedelta(days=rng.randint(0, 700)),
            rng.choice(STEPS)[0] if rng.random() < 0.8 else None,
            rng.choice(WORKSTREAMS)[0] if rng.random() < 0.8 else None, None,
            rng.choice(partner_ids) if kind is not EntryKind.DECISION else None,
            rng.choice(("", "A. Patel", "R. Jones", "M. Evans", "S. Okafor")),
            TODAY + timedelta(days=rng.randint(-60, 90)) if kind is EntryKind.ACTION else None,
            rng.choice(statuses[kind]))))
    return rows


def make_large(path: Path) -> str:
    """Write the large workspace at ``path``; returns what it holds, in words."""
    from fractions import Fraction

    from imagingnet_desktop.domain.record.motions import MotionVote, VoteChoice
    from imagingnet_desktop.domain.scenarios.scenario import Scenario
    from imagingnet_desktop.domain.shares.share_table import Basis
    from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
    from imagingnet_desktop.workspace.collections import InsertRow
    from imagingnet_desktop.workspace.commands import Batch
    from imagingnet_desktop.workspace.programme.collections import ITEMS
    from imagingnet_desktop.workspace.record import motions
    from imagingnet_desktop.workspace.record.entries import MOTION_VOTES, RECORD_ENTRIES
    from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
    from imagingnet_desktop.workspace.workspace import Workspace

    rng = random.Random(SEED)
    workspace = Workspace.create(path, "Fifty-trust benchmark imaging network", generated_partners(rng))
    try:
        partner_ids = [p.id for p in workspace.network.partners]
        start = time.perf_counter()
        workspace.execute(Batch("benchmark checklist items", checklist_rows(workspace, rng, partner_ids)))
        for n in range(1, SAVED_SCENARIOS + 1):
            pay = rng.randint(0, 100)
            shares_votes.set_working_scenario(workspace, Scenario(
                weights=tuple((b, {Basis.ACTIVITY: 100 - pay, Basis.PAY: pay}.get(b, 0)) for b in Basis),
                vote_method=VoteMethod.PROPORTIONAL, rule_kind=RuleKind.QUALIFIED,
                qualified=Fraction(rng.choice((60, 66, 75)), 100)))
            shares_votes.save_scenario(workspace, f"Blend {n}: {pay}% pay")
        for n in range(1, MOTIONS + 1):  # each revealed: its votes fixed and its decision in the log
            motion = motions.new_motion(workspace, f"Motion {n}: {_sentence(rng, rng.randint(5, 12))}")
            first_vote = workspace.new_row_id(MOTION_VOTES)
            workspace.execute(Batch(f"votes on motion {n}", [
                InsertRow(MOTION_VOTES, MotionVote(first_vote + i, motion.id, partner_id,
                                                           rng.choice(list(VoteChoice))))
                for i, partner_id in enumerate(partner_ids)]))
            motions.reveal(workspace, motion.id, today=TODAY)
        entries = RECORD_ENTRIES_WANTED - len(workspace.rows(RECORD_ENTRIES))
        workspace.execute(Batch("benchmark record entries", record_rows(workspace, rng, partner_ids, entries)))
        made = time.perf_counter() - start
        items, logged = len(workspace.rows(ITEMS)), len(workspace.rows(RECORD_ENTRIES))
        assert (len(partner_ids), items, logged) == (PARTNERS, CHECKLIST_ITEMS, RECORD_ENTRIES_WANTED)
    finally:
        workspace.close()
    return (f"{PARTNERS} partners (generated, realistic figures), {items:,} checklist items, {logged:,} record "
            f"entries ({MOTIONS} of them the decisions of revealed motions, {MOTIONS * PARTNERS:,} votes), "
            f"{SAVED_SCENARIOS} saved scenarios; {path.stat().st_size / 1024:,.0f} KB; rows inserted in "
            f"{made:.1f} s")


# ============================================================================ in one process


def _quiet_offscreen(mode, context, message: str) -> None:
    """Qt's messages to stderr, less the offscreen platform's note that it cannot size windows natively."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def in_process(demo: Path, large: Path, settings_file: Path, reps: int,
               profile: bool) -> dict[str, list[tuple[float, ...]]]:
    """Per workspace: (open, build window, paint) seconds for each rep, after one untimed warm-up each."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from imagingnet_desktop.app import paint_and_check
    from imagingnet_desktop.ui.common import theme
    from imagingnet_desktop.ui.shell.main_window import MainWindow
    from imagingnet_desktop.ui.shell.settings import AppSettings
    from imagingnet_desktop.workspace.workspace import Workspace

    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    theme.apply(app)
    settings = AppSettings.in_file(settings_file)

    def once(path: Path) -> tuple[float, ...]:
        start = time.perf_counter()
        workspace = Workspace.open(path)
        opened = time.perf_counter()
        window = MainWindow(settings, remember=False)
        window.set_workspace(workspace)
        built = time.perf_counter()
        problem = paint_and_check(app, window)
        painted = time.perf_counter()
        window.close()  # closes the workspace
        window.deleteLater()
        app.processEvents()
        if problem:
            sys.exit(f"{path.name}: {problem}")
        return opened - start, built - opened, painted - built

    def first_visits(path: Path) -> dict[str, float]:
        """Seconds from the tab's shortcut to the tab painted, the first time (its rows read then)."""
        window = MainWindow(settings, remember=False)
        window.set_workspace(Workspace.open(path))
        if problem := paint_and_check(app, window):
            sys.exit(f"{path.name}: {problem}")
        seconds = {}
        for key in ("programme", "record"):
            index = next(i for i in range(window.tab_widget.count()) if window.tab_widget.widget(i).spec.key == key)
            start = time.perf_counter()
            window.actions_.go_to_tab[index].trigger()
            window.tab_widget.widget(index).content().grab()  # painted
            app.processEvents()
            seconds[key] = time.perf_counter() - start
        window.close()
        window.deleteLater()
        app.processEvents()
        return seconds

    files = {"demo": demo, "large": large}
    for path in files.values():
        once(path)
    times: dict[str, list[tuple[float, ...]]] = {k: [] for k in files}
    for rep in range(reps):
        for key in (("demo", "large") if rep % 2 == 0 else ("large", "demo")):
            times[key].append(once(files[key]))
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(reps):
            once(large)
        profiler.disable()
        print(f"cProfile of {reps} in-process opens of the large workspace (cumulative):")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    visits = [first_visits(large) for _ in range(3)]
    times["first visit"] = [tuple(v[k] for k in ("programme", "record")) for v in visits]
    return times


def file_costs(large: Path) -> dict[str, float]:
    """Seconds for things that grow with the file.

    ``integrity_check``: SQLite's integrity check (it reads the whole file; see ``store/integrity.py`` for
    when it is made). ``checklist`` / ``record``: the checklist items and the record entries loaded into
    the workspace, one query each (``Workspace.rows``), as the Programme and Record tabs do when first shown.
    """
    import sqlite3

    from imagingnet_desktop.workspace.programme.collections import ITEMS
    from imagingnet_desktop.workspace.record.entries import RECORD_ENTRIES
    from imagingnet_desktop.workspace.workspace import Workspace

    conn = sqlite3.connect(large.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        start = time.perf_counter()
        conn.execute("PRAGMA integrity_check(1000)").fetchall()
        integrity_check = time.perf_counter() - start
    finally:
        conn.close()
    workspace = Workspace.open_read_only(large)
    try:
        start = time.perf_counter()
        workspace.rows(ITEMS)
        checklist = time.perf_counter() - start
        start = time.perf_counter()
        workspace.rows(RECORD_ENTRIES)
        record = time.perf_counter() - start
    finally:
        workspace.close()
    return {"integrity_check": integrity_check, "checklist": checklist, "record": record}


# ============================================================================ main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="subprocess rounds (default 7)")
    parser.add_argument("--reps", type=int, default=9, help="in-process opens of each workspace (default 9)")
    parser.add_argument("--profile", action="store_true", help="also cProfile the in-process opens of the large one")
    options = parser.parse_args(argv)

    import imagingnet_desktop
    from imagingnet_desktop.workspace.network.partner_import import create_demo

    compileall.compile_dir(Path(imagingnet_desktop.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        demo, large = Path(tmp) / "demo.imagingnet", Path(tmp) / "large.imagingnet"
        create_demo(demo).close()
        held = make_large(large)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", IMAGINGNET_SETTINGS=str(Path(tmp) / "s.ini"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands = {
            "bare PySide6 window": [sys.executable, str(HERE / "bare_window.py")],
            "app, demo (5 partners)": [sys.executable, "-m", "imagingnet_desktop", "--exit-after-start", str(demo)],
            "app, large workspace": [sys.executable, "-m", "imagingnet_desktop", "--exit-after-start", str(large)],
        }
        for command in commands.values():
            timed(command, env)  # warm the file cache; not counted
        runs: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
        order = list(commands)
        for round_ in range(options.rounds):
            for label in order[round_ % 3:] + order[:round_ % 3]:
                runs[label].append(timed(commands[label], env))
        os.environ.update(QT_QPA_PLATFORM="offscreen")
        inside = in_process(demo, large, Path(tmp) / "s.ini", options.reps, options.profile)
        costs = file_costs(large)
        demo_kb = demo.stat().st_size / 1024

    print(f"Large workspace: {held} (demo: {demo_kb:,.0f} KB).")
    print("The window opens on the Network tab: the checklist and the record are read when their tabs are "
          "first shown.\n")
    print(f"--exit-after-start, fresh processes, median of {options.rounds} (cpu = the child's user + system):")
    wall = {}
    for label, values in runs.items():
        wall[label] = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        print(f"  {label:<26}{wall[label] * 1000:8.1f} ms   (cpu {cpu * 1000:6.1f} ms, "
              f"min {min(v[0] for v in values) * 1000:6.1f}, max {max(v[0] for v in values) * 1000:6.1f})")
    print(f"  large - demo: {(wall['app, large workspace'] - wall['app, demo (5 partners)']) * 1000:+.1f} ms; "
          f"large / bare window: {wall['app, large workspace'] / wall['bare PySide6 window']:.2f}")

    print(f"\nIn one process, Qt and the app already imported, median of {options.reps} "
          "(Workspace.open / MainWindow + set_workspace / paint_and_check):")
    totals = {}
    visits = inside.pop("first visit")
    for key, values in inside.items():
        phases = [statistics.median(v[i] for v in values) * 1000 for i in range(3)]
        totals[key] = statistics.median(sum(v) for v in values) * 1000
        print(f"  {key:<6} open {phases[0]:6.1f} ms   window {phases[1]:6.1f} ms   paint {phases[2]:6.1f} ms   "
              f"total {totals[key]:6.1f} ms")
    print(f"  the workspace's size adds {totals['large'] - totals['demo']:+.1f} ms "
          f"(of which PRAGMA integrity_check of the large file, made on every open: "
          f"{costs['integrity_check'] * 1000:.1f} ms)")
    print(f"  first visit, large workspace, median of {len(visits)}: Programme tab "
          f"{statistics.median(v[0] for v in visits) * 1000:.0f} ms, Record tab "
          f"{statistics.median(v[1] for v in visits) * 1000:.0f} ms (shortcut to painted; not judged)")
    print(f"  reading the rows, one query each: {CHECKLIST_ITEMS:,} checklist items {costs['checklist'] * 1000:.1f} ms, "
          f"{RECORD_ENTRIES_WANTED:,} record entries {costs['record'] * 1000:.1f} ms")

    shown = wall["app, large workspace"]
    verdict = "PASS" if shown <= BUDGET_S else "FAIL"
    print(f"\nopen the large workspace to window shown: {shown:.3f} s median (budget ≤ {BUDGET_S} s) {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
