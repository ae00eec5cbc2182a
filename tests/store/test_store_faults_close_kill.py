"""Killed while closing (issue 7, point 1): whatever moment of ``close()`` the kill lands on (the lock row
going, the checkpoint half-written), the file opens with every committed edit and is never refused."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.workspace import Workspace
from locations import HELPERS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
HELPER = HELPERS / "close_killer.py"
ROUNDS = 12


def last_closing(out: Path) -> int | None:
    lines = out.read_text(encoding="utf-8").split("\n")[:-1]
    numbers = [int(line.split()[1]) for line in lines if line.startswith("closing ")]
    return numbers[-1] if numbers else None


def test_a_kill_at_any_moment_of_close_never_makes_the_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.imagingnet"
    create_demo(path).close()
    seed = random.randrange(1 << 32)
    rng = random.Random(seed)
    start, expected = 0, None
    for round_no in range(ROUNDS):
        out = tmp_path / f"round{round_no}.out"
        with out.open("w", encoding="utf-8") as handle:
            proc = subprocess.Popen([sys.executable, str(HELPER), str(path), str(start)], stdout=handle, env={**os.environ, "IMAGINGNET_DEBUG": "1"},
                                    stderr=subprocess.PIPE)
            deadline = time.monotonic() + 20
            while last_closing(out) is None and time.monotonic() < deadline:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.001)
            time.sleep(rng.uniform(0.0, 0.05))  # somewhere in a close(), or the next open and edit
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            if proc.stderr:
                proc.stderr.close()
        reported = last_closing(out)
        assert reported is not None, f"seed {seed}: the child never reached close()"
        expected = reported  # "closing k" means edit k was committed; k + 1 may be too
        scratch = tmp_path / "scratch"
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir()
        copy = scratch / path.name  # the file as the kill left it, with its -wal
        shutil.copyfile(path, copy)
        if Path(f"{path}-wal").exists():
            shutil.copyfile(f"{path}-wal", f"{copy}-wal")
        reader = Workspace.open_read_only(copy)  # never refused as damaged or truncated
        try:
            name = reader.network.name
        finally:
            reader.close()
        assert name in (f"Closed {expected}", f"Closed {expected + 1}"), f"seed {seed}, round {round_no}: {name}"
        start = int(name.split()[1]) + 1
    workspace = Workspace.open(path)
    try:
        assert workspace.network.name == f"Closed {start - 1}"
    finally:
        workspace.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
