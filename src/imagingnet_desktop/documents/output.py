"""Writing a file so that a failed export never leaves half a file: the Word drafts and the CSV/XLSX tables.

The file is written whole to a temporary file beside the target, then renamed over it (``os.replace``,
atomic on one volume). A target open in Word or Excel is locked on Windows: the rename fails with a
``PermissionError``, the old file stays as it was, and the person is told to close it.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

from imagingnet_desktop.documents.model import Document
from imagingnet_desktop.documents.word import save

_PROGRAMS = {".docx": "Word", ".csv": "Excel", ".xlsx": "Excel"}  # the program likely to hold it open
_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
_NOT_ALLOWED = (errno.EACCES, errno.EPERM, errno.EROFS)


class ExportFileError(Exception):
    """The file could not be written where asked; ``str()`` is a message for the person."""


class TargetInUseError(ExportFileError):
    """The target is open (locked) in another program, or may not be written."""


def _not_written(target: Path, exc: OSError) -> ExportFileError:
    cause = exc.strerror or str(exc)
    if exc.errno in _FULL:
        return ExportFileError(f"{target.name} could not be written: {cause} (the disk is full). Free some space, "
                               "then export again; nothing was changed.")
    if exc.errno in _NOT_ALLOWED:
        return TargetInUseError(f"ImagingNet Desktop may not write in {target.parent} ({cause}); choose another "
                                "folder.")
    return ExportFileError(f"{target.name} could not be written: {cause}; nothing was changed.")


def write_file_beside(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write`` on a new temporary file in ``target``'s folder; returns its path. On any failure the
    temporary file is removed; an ``OSError`` (disk full, no permission) becomes an ``ExportFileError``."""
    folder = target.parent
    if not folder.is_dir():
        raise ExportFileError(f"The folder {folder} does not exist; choose another place for {target.name}.")
    if target.is_dir():
        raise ExportFileError(f"{target} is a folder; give a file name ending {target.suffix or 'with a suffix'}.")
    temporary = _new_temporary(target)
    try:
        write(temporary)
    except OSError as exc:  # disk full, an I/O error
        discard(temporary)
        raise _not_written(target, exc) from None
    except BaseException:
        discard(temporary)
        raise
    return temporary


LEFTOVER_AFTER_S = 600  # a temporary file this old is no export still being written: one the machine lost


def _temporary_name(target: Path, token: str) -> str:
    return f".~{target.stem[:40]}-{token}{target.suffix}.tmp"


def remove_leftovers(target: Path, now: float | None = None) -> None:
    """Remove the temporary files an export to ``target`` left when the machine was switched off or the app
    killed mid-write (the target itself was never touched). A recent one may be another export still being
    written, so only those older than ``LEFTOVER_AFTER_S`` go."""
    now = time.time() if now is None else now
    pattern = "????????".join(glob.escape(part) for part in _temporary_name(target, "\0").split("\0"))
    for leftover in target.parent.glob(pattern):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > LEFTOVER_AFTER_S:
                leftover.unlink()


def _new_temporary(target: Path) -> Path:
    """A new empty file beside ``target``, made with the permissions the user's umask gives any new file
    (``tempfile.mkstemp`` would make it private, and the export would stay so after the rename)."""
    remove_leftovers(target)
    for _ in range(100):
        temporary = target.with_name(_temporary_name(target, secrets.token_hex(4)))
        try:
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        except OSError as exc:
            raise _not_written(target, exc) from None
        return temporary
    raise ExportFileError(f"{target.name} could not be written: no free temporary name in {target.parent}.")


def write_beside(document: Document, target: Path) -> Path:
    """Render ``document`` into a new temporary file in ``target``'s folder; returns its path."""
    return write_file_beside(target, lambda path: save(document, path))


def put_in_place(temporary: Path, target: Path) -> None:
    """Rename the finished temporary file over ``target``; on failure the temporary file is removed and the
    target is left exactly as it was."""
    try:
        os.replace(temporary, target)
    except PermissionError:
        discard(temporary)
        program = _PROGRAMS.get(target.suffix.lower())
        raise TargetInUseError(
            f"{target.name} is open in another program{f' ({program}?)' if program else ''} or may not be "
            "changed. Close it there and export again; the file was left as it was."
        ) from None
    except OSError as exc:
        discard(temporary)
        raise _not_written(target, exc) from None


def discard(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        temporary.unlink()


def write_file(target: Path, write: Callable[[Path], None]) -> None:
    """Write ``target`` all at once with ``write`` (replacing any file there), or not at all."""
    put_in_place(write_file_beside(target, write), target)


def write_document(document: Document, target: Path) -> None:
    """Write ``document`` to ``target`` all at once (replacing any file there)."""
    put_in_place(write_beside(document, target), target)
