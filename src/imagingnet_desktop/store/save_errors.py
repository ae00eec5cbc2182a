"""SQLite's and the operating system's write failures, told plainly: the edit was not saved, and why.

``as_save_error`` turns a failure met while writing (disk full, a read-only file or folder, an I/O error)
into a ``WorkspaceSaveError``; anything else (a programming error, a lost lock) is left as it is.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from imagingnet_desktop.store.errors import WorkspaceError, WorkspaceReadOnlyError, WorkspaceSaveError

_FULL = "the disk is full. Free some space, then make the edit again"
_READ_ONLY = "the file or its folder is read-only. Copy it to a folder you can write to, then open the copy"
_IO = "the computer could not write to the disk ({}). Check the drive (a removed USB stick, a lost network share)"

# SQLite primary result codes (the low byte of an extended code)
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_PERM = 8, 10, 13, 14, 3


def reason(exc: BaseException) -> tuple[str, bool] | None:
    """(plain reason, read-only?) for a write failure, or None when ``exc`` is not one."""
    if isinstance(exc, sqlite3.Error):
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        text = str(exc).lower()
        if code == _SQLITE_FULL or "disk is full" in text:
            return _FULL, False
        if code in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in text or "read-only" in text:
            return _READ_ONLY, True
        if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN) or "disk i/o error" in text or "unable to open" in text:
            return _IO.format(getattr(exc, "sqlite_errorname", None) or exc), False
        return None
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return _FULL, False
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return _READ_ONLY, True
        return _IO.format(exc.strerror or exc), False
    return None


def as_save_error(exc: BaseException, path: Path, what: str = "The edit was not saved") -> WorkspaceError | None:
    """A ``WorkspaceSaveError`` (``WorkspaceReadOnlyError`` for a read-only file) for ``exc``, else None."""
    if isinstance(exc, WorkspaceError):
        return None
    found = reason(exc)
    if found is None:
        return None
    text, read_only = found
    kind = WorkspaceReadOnlyError if read_only else WorkspaceSaveError
    return kind(f"{what} to {path.name}: {text}.", details=f"{type(exc).__name__}: {exc}")
