"""Snapshots at size: take, compare and restore a workspace of 50 partners, 1,000 checklist items and 5,000
record entries (real rows in their own tables, made here the way a migration would make them).

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
from dataclasses import dataclass
from pathlib import Path

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.store.tables.rows import RowTable
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import Collection, update_row
from imagingnet_desktop.workspace.network.partner_import import demo_baselines
from imagingnet_desktop.workspace.snapshots.snapshots import changes_since, restore_snapshot, take_snapshot
from imagingnet_desktop.workspace.workspace import Workspace


@dataclass(frozen=True)
class Item:
    id: int
    title: str
    status: str
    owner_partner_id: int | None


ITEMS = Collection(RowTable("checklist_items", Item), Change.PROGRAMME, "checklist item")


def build(path: Path) -> None:
    base = demo_baselines().baselines
    partners = tuple(Partner(id=i + 1, **{**base[i % len(base)], "code": f"P{i + 1:02d}",  # type: ignore[arg-type]
                                          "name": f"Partner trust {i + 1}"}) for i in range(50))
    Workspace.create(path, "Large network", partners).close()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE checklist_items (id INTEGER PRIMARY KEY, position REAL NOT NULL, title TEXT NOT NULL,"
                 " status TEXT NOT NULL, owner_partner_id INTEGER REFERENCES partners(id) ON DELETE RESTRICT)")
    conn.execute("CREATE TABLE record_entries (id INTEGER PRIMARY KEY, position REAL NOT NULL, kind TEXT NOT NULL,"
                 " text TEXT NOT NULL, owner_partner_id INTEGER REFERENCES partners(id) ON DELETE RESTRICT,"
                 " due TEXT, status TEXT)")
    conn.executemany("INSERT INTO checklist_items VALUES (?, ?, ?, ?, ?)",
                     [(i, float(i), f"Checklist item {i}: agree the scope of the work", "not started", i % 50 + 1)
                      for i in range(1, 1001)])
    conn.executemany("INSERT INTO record_entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(i, float(i), "action", f"Action {i}: circulate the draft to the trust boards", i % 50 + 1,
                       "2027-01-31", "open") for i in range(1, 5001)])
    conn.commit()
    conn.close()


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
            update_row(ws, ITEMS, item.id, status="agreed" if rep % 2 == 0 else "in discussion")
        start = time.perf_counter()
        found = changes_since(ws, snapshot)
        times["changes"].append(time.perf_counter() - start)
        assert len(found.changes) == 20
        times["restore"].append(timed(lambda snapshot=snapshot: restore_snapshot(ws, snapshot)))
        times["undo"].append(timed(ws.undo))
    size = sqlite3.connect(f"file:{folder / 'large.imagingnet'}?mode=ro", uri=True).execute(
        "SELECT length(content) FROM snapshots ORDER BY id DESC LIMIT 1").fetchone()[0]
    ws.close()
    print("Snapshots, 50 partners + 1,000 checklist items + 5,000 record entries "
          f"(median of {reps}):")
    for key, values in times.items():
        print(f"  {key:<8} {1000 * statistics.median(values):7.1f} ms")
    print(f"  one snapshot in the file: {size / 1024:.0f} KB of JSON")


if __name__ == "__main__":
    main()
