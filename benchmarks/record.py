"""Record budgets, with 5,000 record entries: adding one entry to the repainted list median <= 16 ms;
filtering by text <= 50 ms; opening the tab <= 0.2 s.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/record.py [--entries 5000] [--rounds 30]

Builds the demo workspace with 5,000 decisions, actions and open issues (one batch of row inserts, as the
Record tab's own collection), closes it, then:

* open: reopens the file and times ``RecordTab(workspace)`` (which reads the 5,000 rows from the file on first
  use) until the tab is shown and painted at 1280x720 — median of the rounds;
* add: types a line into the entry bar and submits it as Enter does (validation, the undoable command, the
  transaction, the model insert), until the list is repainted — median and 95th percentile;
* filter: types a few words into the text filter (one ``setText``: the filter runs on each change of the text),
  until the list is repainted — median and slowest, each search different from the last.

A plain QTableView repaint, timed in the same run, is printed as the yardstick of machine noise. Exits 1 on FAIL.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from imagingnet_desktop.domain.record.entries import (  # noqa: E402
    STEPS,
    WORKSTREAMS,
    EntryKind,
    EntryStatus,
    RecordEntry,  # noqa: E402
)
from imagingnet_desktop.ui.common import theme  # noqa: E402
from imagingnet_desktop.ui.record.record_tab import RecordTab  # noqa: E402
from imagingnet_desktop.workspace.collections import InsertRow  # noqa: E402
from imagingnet_desktop.workspace.commands import Batch  # noqa: E402
from imagingnet_desktop.workspace.network.partner_import import create_demo  # noqa: E402
from imagingnet_desktop.workspace.record.entries import RECORD_ENTRIES  # noqa: E402
from imagingnet_desktop.workspace.workspace import Workspace  # noqa: E402

ADD_BUDGET_MS = 16.0
FILTER_BUDGET_MS = 50.0
OPEN_BUDGET_S = 0.2
TODAY = date(2026, 12, 1)
WORDS = ("PACS", "contract", "MOU", "radiologist", "rota", "CT", "MRI", "budget", "host", "KPI", "board",
         "reporting", "turnaround", "equipment", "vacancy", "outsourcing", "capital", "procurement", "training")
SEARCHES = ("pacs", "contract rota", "radiologist", "mri budget", "turnaround", "board host", "vacancy",
            "kpi", "capital procurement", "equipment", "training ct", "outsourcing", "mou", "reporting kpi")


def build(path: Path, count: int) -> None:
    rng = random.Random(10)
    workspace = create_demo(path)
    partner_ids = [p.id for p in workspace.network.partners]
    kinds = list(EntryKind)
    rows = []
    for n in range(1, count + 1):
        kind = rng.choice(kinds)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12))) + f" (item {n})"
        status = {EntryKind.DECISION: EntryStatus.RECORDED, EntryKind.ACTION: rng.choice(
            [EntryStatus.OPEN, EntryStatus.DONE]), EntryKind.ISSUE: EntryStatus.OPEN}[kind]
        rows.append(InsertRow(RECORD_ENTRIES, RecordEntry(
            n, kind, text, TODAY - timedelta(days=rng.randint(0, 400)), rng.choice(STEPS)[0],
            rng.choice(WORKSTREAMS)[0], None, rng.choice(partner_ids) if kind is not EntryKind.DECISION else None,
            rng.choice(["", "A. Patel", "R. Jones", "M. Evans"]),
            TODAY + timedelta(days=rng.randint(-60, 60)) if kind is EntryKind.ACTION else None, status)))
    workspace.execute(Batch("benchmark entries", rows))  # type: ignore[arg-type]
    workspace.close()


class PaintCounter(QObject):
    """Counts the paint events a widget gets, so a timing is known to include the repaint."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def painted(app: QApplication) -> None:
    app.processEvents()


def open_tab(app: QApplication, path: Path) -> tuple[float, Workspace, RecordTab]:
    workspace = Workspace.open(path)
    start = time.perf_counter()
    tab = RecordTab(workspace, today=lambda: TODAY)
    tab.resize(1280, 720)
    tab.show()
    tab.repaint()
    painted(app)
    return time.perf_counter() - start, workspace, tab


def yardstick(app: QApplication, rounds: int) -> float:
    """A plain QTableView (20 x 8 cells of text) repainted: what a table repaint costs on this machine now."""
    model = QStandardItemModel(20, 8)
    for row in range(20):
        for column in range(8):
            model.setItem(row, column, QStandardItem(f"cell {row}, {column} of a plain table"))
    view = QTableView()
    view.setModel(model)
    view.resize(1280, 600)
    view.show()
    painted(app)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        view.viewport().update()
        painted(app)
        times.append(time.perf_counter() - start)
    view.close()
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    theme.apply(app)  # type: ignore[arg-type]
    folder = Path(tempfile.mkdtemp(prefix="record-bench-"))
    path = folder / "record.imagingnet"
    build(path, args.entries)

    opens = []
    for _ in range(max(3, args.rounds // 5)):
        seconds, workspace, tab = open_tab(app, path)
        opens.append(seconds)
        tab.detach()
        tab.close()
        tab.deleteLater()
        painted(app)
        workspace.close()

    _, workspace, tab = open_tab(app, path)
    bar, table = tab.log.entry_bar, tab.log.table
    paints = PaintCounter()
    table.viewport().installEventFilter(paints)
    adds = []
    for n in range(args.rounds):
        bar.text_edit.setText(f"Benchmark action {n}: circulate the PACS contract summary")
        before = paints.count
        start = time.perf_counter()
        bar.submit()
        painted(app)
        adds.append(time.perf_counter() - start)
        assert paints.count > before, "the list was not repainted"
    assert tab.log.model.total == args.entries + args.rounds, "the entries were not all added"

    filters = []
    for n in range(args.rounds):
        search = SEARCHES[n % len(SEARCHES)]
        before = paints.count
        start = time.perf_counter()
        tab.log.text_filter.setText(search)
        painted(app)
        filters.append(time.perf_counter() - start)
        assert paints.count > before, "the list was not repainted"
        tab.log.text_filter.clear()
        painted(app)
    bare = yardstick(app, args.rounds)
    tab.detach()
    workspace.close()

    open_s = statistics.median(opens)
    add_ms = [t * 1000 for t in adds]
    filter_ms = [t * 1000 for t in filters]
    add_median, add_p95 = statistics.median(add_ms), sorted(add_ms)[int(0.95 * (len(add_ms) - 1))]
    filter_median, filter_max = statistics.median(filter_ms), max(filter_ms)
    verdicts = {
        "open": open_s <= OPEN_BUDGET_S,
        "add": add_median <= ADD_BUDGET_MS,
        "filter": filter_max <= FILTER_BUDGET_MS,
    }
    print(f"{args.entries:,} record entries; {args.rounds} rounds; a plain 20x8 QTableView repaints in {bare:.1f} ms here now")
    print(f"open the tab:    median {open_s * 1000:.0f} ms (budget {OPEN_BUDGET_S * 1000:.0f} ms) "
          f"[{min(opens) * 1000:.0f}-{max(opens) * 1000:.0f}]: {'PASS' if verdicts['open'] else 'FAIL'}")
    print(f"add one entry:   median {add_median:.1f} ms, p95 {add_p95:.1f} ms (budget median {ADD_BUDGET_MS:.0f} ms)"
          f", {add_median / bare:.1f} x the plain table repaint: {'PASS' if verdicts['add'] else 'FAIL'}")
    print(f"filter by text:  median {filter_median:.1f} ms, slowest {filter_max:.1f} ms (budget {FILTER_BUDGET_MS:.0f} "
          f"ms, on the slowest): {'PASS' if verdicts['filter'] else 'FAIL'}")
    return 0 if all(verdicts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
