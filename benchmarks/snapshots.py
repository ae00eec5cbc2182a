"""Snapshots at size: take, compare and restore a workspace of 50 partners, 1,000 checklist items and 5,000
record entries (rows of the app's own tables — the Programme tab's checklist and the Record tab's entries —
added through the workspace as the tabs add them, in one edit).

    .venv/bin/python benchmarks/snapshots.py [--reps 5]

Prints the median time of: taking a snapshot; "what changed since" after 20 edits; restoring (one command);
undoing the restore; and the snapshot's size in the file. No budget is set for these; they are reported.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.programme.rows import ChecklistItem
from imagingnet_desktop.domain.programme.steps import STEP_ORDER, WORKSTREAM_ORDER, ItemStatus
from imagingnet_desktop.domain.record.entries import EntryKind, RecordEntry
from imagingnet_desktop.workspace.collections import InsertRow, update_row
from imagingnet_desktop.workspace.commands import Batch, Command
from imagingnet_desktop.workspace.network.partner_import import demo_baselines
from imagingnet_desktop.workspace.programme.collections import ITEMS
from imagingnet_desktop.workspace.record.entries import RECORD_ENTRIES
from imagingnet_desktop.workspace.snapshots.snapshots import changes_since, restore_snapshot, take_snapshot
from imagingnet_desktop.workspace.workspace import Workspace

PARTNERS, ITEM_COUNT, ENTRY_COUNT = 50, 1000, 5000


def build(path: Path) -> None:
    base = demo_baselines().baselines
    partners = tuple(Partner(id=i + 1, **{**base[i % len(base)], "code": f"P{i + 1:02d}",  # type: ignore[arg-type]
                                          "name": f"Partner trust {i + 1}"}) for i in range(PARTNERS))
    ws = Workspace.create(path, "Large network", partners)
    try:
        first_item, first_entry = ws.new_row_id(ITEMS), ws.new_row_id(RECORD_ENTRIES)
        cells = [(step, stream) for step in STEP_ORDER for stream in WORKSTREAM_ORDER]
        steps: list[Command] = [
            InsertRow(ITEMS, ChecklistItem(first_item + k, *cells[k % len(cells)],
                                           f"Checklist item {k + 1}: agree the scope of the work",
                                           owner_partner_id=k % PARTNERS + 1))
            for k in range(max(0, ITEM_COUNT - len(ws.rows(ITEMS))))]  # the shipped checklist counts too
        steps += [InsertRow(RECORD_ENTRIES, RecordEntry(first_entry + k, EntryKind.ACTION,
                                                        f"Action {k + 1}: circulate the draft to the trust boards",
                                                        owner_partner_id=k % PARTNERS + 1, due=date(2027, 1, 31)))
                  for k in range(ENTRY_COUNT)]
        ws.execute(Batch("add the benchmark's rows", steps))
        assert (len(ws.rows(ITEMS)), len(ws.rows(RECORD_ENTRIES))) == (ITEM_COUNT, ENTRY_COUNT)
    finally:
        ws.close()


def timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=5)
    reps = parser.parse_args().reps
    folder = Path(tempfile.mkdtemp())
    build(folder / "large.imagingnet")
    ws = Workspace.open(folder / "large.imagingnet")
    times: dict[str, list[float]] = {"take": [], "changes": [], "restore": [], "undo": []}
    for rep in range(reps):
        times["take"].append(timed(lambda rep=rep: take_snapshot(ws, f"Before {rep}")))
        snapshot = ws.snapshots()[-1]
        for item in ws.rows(ITEMS)[:20]:
            update_row(ws, ITEMS, item.id, status=ItemStatus.AGREED if rep % 2 == 0 else ItemStatus.IN_DISCUSSION)
        start = time.perf_counter()
        found = changes_since(ws, snapshot)
        times["changes"].append(time.perf_counter() - start)
        assert len(found.changes) == 20
        times["restore"].append(timed(lambda snapshot=snapshot: restore_snapshot(ws, snapshot)))
        times["undo"].append(timed(ws.undo))
    size = sqlite3.connect(f"file:{folder / 'large.imagingnet'}?mode=ro", uri=True).execute(
        "SELECT length(content) FROM snapshots ORDER BY id DESC LIMIT 1").fetchone()[0]
    ws.close()
    print(f"Snapshots, {PARTNERS} partners + {ITEM_COUNT:,} checklist items + {ENTRY_COUNT:,} record entries "
          f"(median of {reps}):")
    for key, values in times.items():
        print(f"  {key:<8} {1000 * statistics.median(values):7.1f} ms")
    print(f"  one snapshot in the file: {size / 1024:.0f} KB of JSON")


if __name__ == "__main__":
    main()
