"""A small disk that can be filled, and a read-only folder, for the fault tests.

Both need a real file system: a tmpfs mounted for the test (root on Linux). Without one the tests are
skipped with the reason; a read-only folder falls back to file permissions when not running as root.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def _can_mount() -> str | None:
    if sys.platform != "linux":
        return "mounting a small tmpfs needs Linux"
    if os.geteuid() != 0:
        return "mounting a small tmpfs needs root"
    return None


@contextlib.contextmanager
def mounted_tmpfs(where: Path, size: str = "3m") -> Iterator[Path]:
    reason = _can_mount()
    if reason:
        pytest.skip(reason)
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()})")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(folder: Path) -> Path:
    """Write a file into ``folder`` until its disk is full; returns it (delete it to free the space)."""
    filler = folder / "filler.bin"
    block = b"\0" * 4096
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        while True:
            try:
                os.write(fd, block)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                break
        for size in (512, 64, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    return filler


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` (and every file in it) read-only for this process, then writable again."""
    if _can_mount() is None:
        done = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True, text=True)
        if done.returncode:
            pytest.skip(f"cannot remount read-only ({done.stderr.strip()})")
        try:
            yield
        finally:
            subprocess.run(["mount", "-o", "remount,rw", str(folder)], capture_output=True)
        return
    if os.name == "nt" or (hasattr(os, "geteuid") and os.geteuid() == 0):
        pytest.skip("no way to make a folder read-only for this user here")
    modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
    for p in modes:
        p.chmod(stat.S_IMODE(modes[p]) & ~0o222)
    try:
        yield
    finally:
        for p, mode in modes.items():
            p.chmod(stat.S_IMODE(mode))
