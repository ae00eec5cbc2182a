"""SQLite's and the operating system's write failures, told plainly: what did not happen, why, and what to do.

``as_save_error`` turns a failure met while writing (disk full, a read-only file or folder, an I/O error)
into a ``WorkspaceSaveError``; anything else (a programming error, a lost lock) is left as it is. The message
is one sentence for the action that failed: an edit (``EDIT``), opening for editing (``OPEN``) or creating a
workspace (``CREATE``), e.g. "The edit was not saved to w.imagingnet: the disk is full. Free some space, then
make the edit again."
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from imagingnet_desktop.store.errors import WorkspaceError, WorkspaceReadOnlyError, WorkspaceSaveError

_DRIVE = "Check the drive (a removed USB stick, a lost network share)"

# SQLite primary result codes (the low byte of an extended code)
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_PERM = 8, 10, 13, 14, 3


class Cause(Enum):
    FULL = "the disk is full"
    READ_ONLY = "the file or its folder is read-only"
    IO = "the computer could not write to the disk"


@dataclass(frozen=True)
class Action:
    """How to tell one action's failure: ``failed`` names what did not happen (``{name}``: the file's name),
    ``again`` is what to do once the cause is put right, ``read_only`` the remedy for a read-only place."""

    failed: str
    again: str
    read_only: str

    def message(self, name: str, cause: Cause, detail: str = "") -> str:
        what = f"{cause.value} ({detail})" if detail else cause.value
        if cause is Cause.FULL:
            remedy = f"Free some space, then {self.again}"
        elif cause is Cause.READ_ONLY:
            remedy = self.read_only
        else:
            remedy = f"{_DRIVE}, then {self.again}"
        return f"{self.failed.format(name=name)}: {what}. {remedy}."


_COPY = "Copy it to a folder you can write to, then open the copy"
EDIT = Action("The edit was not saved to {name}", "make the edit again", _COPY)
OPEN = Action("{name} could not be opened for editing", "open it again", _COPY)
CREATE = Action("{name} was not created", "create it again", "Create it in a folder you can write to")


def cause(exc: BaseException) -> tuple[Cause, str] | None:
    """(the cause, SQLite's or the system's word for it when it helps) for a write failure, or None when
    ``exc`` is not one."""
    if isinstance(exc, sqlite3.Error):
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        text = str(exc).lower()
        if code == _SQLITE_FULL or "disk is full" in text:
            return Cause.FULL, ""
        if code in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in text or "read-only" in text:
            return Cause.READ_ONLY, ""
        if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN) or "disk i/o error" in text or "unable to open" in text:
            return Cause.IO, str(getattr(exc, "sqlite_errorname", None) or exc)
        return None
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return Cause.FULL, ""
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return Cause.READ_ONLY, ""
        return Cause.IO, exc.strerror or str(exc)
    return None


def as_save_error(exc: BaseException, path: Path, action: Action = EDIT) -> WorkspaceError | None:
    """A ``WorkspaceSaveError`` (``WorkspaceReadOnlyError`` for a read-only file) for ``exc``, else None."""
    if isinstance(exc, WorkspaceError):
        return None
    found = cause(exc)
    if found is None:
        return None
    kind = WorkspaceReadOnlyError if found[0] is Cause.READ_ONLY else WorkspaceSaveError
    return kind(action.message(path.name, *found), details=f"{type(exc).__name__}: {exc}")
