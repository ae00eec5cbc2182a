"""Two copies of the app on one computer can never both hold a workspace, whatever their pids (issue 7,
point 4): the operating system's lock on the file backs the ``session_lock`` row."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from file_checks import first_value
from imagingnet_desktop.store import WorkspaceInUseError
from imagingnet_desktop.store.locking import this_host
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.workspace import Workspace
from locations import HELPERS
from store_fault_helpers import SRC, raw

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the helper process is driven by POSIX pipes")
HELPER = HELPERS / "kill_editor.py"
DEAD_PID = 4_000_000  # above Linux's pid_max: never a running process here


def hold(path: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, str(HELPER), "hold", str(path), "Held by the first copy"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
                             env={**os.environ, "PYTHONPATH": str(SRC)})
    assert child.stdout is not None and child.stdout.readline() == "ready\n"
    return child


def release(child: subprocess.Popen) -> None:
    assert child.stdin is not None and child.stdout is not None
    child.stdin.close()
    assert child.stdout.readline() == "closed\n"
    child.wait(timeout=10)


def test_a_holder_whose_pid_looks_dead_still_holds_the_file(tmp_path: Path) -> None:
    """What a copy in another PID namespace sees: a lock row naming a pid that is not running here."""
    path = tmp_path / "w.imagingnet"
    create_demo(path).close()
    child = hold(path)
    try:
        raw(path, f"UPDATE session_lock SET pid = {DEAD_PID}")  # the row alone now says "nobody"
        for take_over in (False, True):
            with pytest.raises(WorkspaceInUseError, match="another copy of ImagingNet Desktop on this computer") \
                    as refused:
                Workspace.open(path, take_over=take_over)
            assert not refused.value.can_take_over and this_host() in str(refused.value)
        assert first_value(path, "SELECT pid FROM session_lock") == DEAD_PID  # the row was not taken either
    finally:
        release(child)
    reopened = Workspace.open(path)  # once that copy has closed, it opens at once
    reopened.close()
    assert sorted(os.listdir(tmp_path)) == ["w.imagingnet"]  # the lock leaves nothing beside the file


def test_a_second_copy_in_its_own_pid_namespace_is_refused(tmp_path: Path) -> None:
    unshare = shutil.which("unshare")
    if sys.platform != "linux" or os.geteuid() != 0 or unshare is None:
        pytest.skip("a new PID namespace needs unshare and root on Linux")
    path = tmp_path / "w.imagingnet"
    create_demo(path).close()
    child = hold(path)
    script = textwrap.dedent(f"""
        import os, sys
        from imagingnet_desktop.store import WorkspaceInUseError
        from imagingnet_desktop.workspace.workspace import Workspace
        print("pid", os.getpid())
        try:
            Workspace.open({str(path)!r}, take_over=True).close()
        except WorkspaceInUseError as exc:
            print("refused", exc.can_take_over)
            sys.exit(0)
        print("took it")
    """)
    try:
        done = subprocess.run([unshare, "--pid", "--fork", "--mount-proc", sys.executable, "-c", script],
                              capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(SRC)},
                              timeout=60)
        if done.returncode and "Operation not permitted" in done.stderr:
            pytest.skip(f"no PID namespaces here: {done.stderr.strip()}")
        assert "pid 1" in done.stdout or "pid 2" in done.stdout, done.stdout + done.stderr  # really elsewhere
        assert "refused False" in done.stdout, done.stdout + done.stderr
    finally:
        release(child)


def test_one_process_may_still_open_a_file_twice_and_take_it_over(tmp_path: Path) -> None:
    """Within one process the row still decides (a take-over is offered): the OS lock is shared."""
    path = tmp_path / "w.imagingnet"
    first = create_demo(path)
    with pytest.raises(WorkspaceInUseError) as refused:
        Workspace.open(path)
    assert refused.value.can_take_over
    second = Workspace.open(path, take_over=True)
    first.close()
    second.close()
    assert sorted(os.listdir(tmp_path)) == ["w.imagingnet"]
