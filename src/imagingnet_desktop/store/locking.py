"""Who has a workspace open: a row in the file itself, so a copy that is e-mailed carries no stale lock file."""

from __future__ import annotations

import os
import sys


def this_host() -> str:
    if hasattr(os, "uname"):  # cheaper than importing socket on the start-up path
        return os.uname().nodename or "this computer"
    return os.environ.get("COMPUTERNAME") or "this computer"


def process_alive(pid: int) -> bool:
    """True when a process with ``pid`` runs on this machine (never signals it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would terminate the process on Windows
        import ctypes

        synchronize = 0x00100000
        handle = ctypes.windll.kernel32.OpenProcess(synchronize, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        still_running = ctypes.windll.kernel32.WaitForSingleObject(handle, 0) == 0x102  # type: ignore[attr-defined]
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return bool(still_running)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def holder_is_active(pid: int, host: str) -> bool:
    """A lock from another computer is treated as active: we cannot see its processes."""
    if host != this_host():
        return True
    if pid == os.getpid():
        return True  # opened twice by this very process
    return process_alive(pid)
