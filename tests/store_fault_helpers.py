"""Shared by the fault tests: snapshots of a folder, small workspaces, SQLite surgery on copies."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (not below it) and its bytes: equal snapshots mean nothing was touched."""
    return {name: (folder / name).read_bytes() for name in sorted(os.listdir(folder)) if (folder / name).is_file()}


def raw(path: Path, *statements: str) -> None:
    """Run ``statements`` on ``path`` directly (as a hostile editor of the file would)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()


def unreadable_working_scenario(path: Path, settings: str) -> None:
    """The working scenario (the sliders' setting) with ``settings`` this app would not write, and a veto."""
    raw(path, f"INSERT INTO scenarios VALUES (1, 0, 'Working scenario', '{settings}', 0, 1)",
        "INSERT INTO scenario_vetoes VALUES (1, 1, 1)")


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONIOENCODING": "utf-8"}
    env.pop("IMAGINGNET_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "imagingnet_desktop", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd, timeout=60,
    )


def one_line(text: str) -> bool:
    return len(text.strip().splitlines()) == 1 and "Traceback" not in text


def index_missing_a_row(path: Path) -> None:
    """Put back the meta index's page from before a row was added: the table has the row, the index not."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_meta_1'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    old_page = path.read_bytes()[(root - 1) * page_size: root * page_size]
    raw(path, "INSERT INTO meta VALUES ('zz added later', 'x')")
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(old_page)
