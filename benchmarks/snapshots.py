"""Snapshots at size: take, compare and restore a workspace of 50 partners, 1,000 checklist items and 5,000
record entries (real rows in their own tables: ``open_large.make_large``, revealed motions and saved scenarios too).

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
from pathlib import Path

from imagingnet_desktop.domain.programme.steps import ItemStatus
from imagingnet_desktop.workspace.collections import update_row
from imagingnet_desktop.workspace.programme.collections import ITEMS
from imagingnet_desktop.workspace.snapshots.snapshots import changes_since, restore_snapshot, take_snapshot
from imagingnet_desktop.workspace.workspace import Workspace
from open_large import make_large  # benchmarks/open_large.py: the same large workspace, real rows


def timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=5)
    reps = parser.parse_args().reps
    folder = Path(tempfile.mkdtemp())
    held = make_large(folder / "large.imagingnet")
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
    print(f"Snapshots of the large workspace: {held} (median of {reps}):")
    for key, values in times.items():
        print(f"  {key:<8} {1000 * statistics.median(values):7.1f} ms")
    print(f"  one snapshot in the file: {size / 1024:.0f} KB of JSON")


if __name__ == "__main__":
    main()
