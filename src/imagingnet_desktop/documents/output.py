"""Writing a document file so that a failed export never leaves half a document.

The document is written whole to a temporary file beside the target, then renamed over it (``os.replace``,
atomic on one volume). A target open in Word is locked on Windows: the rename fails with a
``PermissionError``, the old file stays as it was, and the person is told to close it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from imagingnet_desktop.documents.model import Document
from imagingnet_desktop.documents.word import save


class ExportFileError(Exception):
    """The document could not be written where asked; ``str()`` is a message for the person."""


class TargetInUseError(ExportFileError):
    """The target is open (locked) in another program, or may not be written."""


def write_beside(document: Document, target: Path) -> Path:
    """Render ``document`` into a new temporary file in ``target``'s folder; returns its path."""
    folder = target.parent
    if not folder.is_dir():
        raise ExportFileError(f"The folder {folder} does not exist; choose another place for {target.name}.")
    if target.is_dir():
        raise ExportFileError(f"{target} is a folder; give a file name ending .docx.")
    try:
        handle, name = tempfile.mkstemp(prefix=f".~{target.stem[:40]}-", suffix=".docx.tmp", dir=folder)
    except PermissionError:
        raise TargetInUseError(f"ImagingNet Desktop may not write in {folder}; choose another folder.") from None
    os.close(handle)
    temporary = Path(name)
    try:
        save(document, temporary)
    except OSError as exc:  # disk full, an I/O error
        discard(temporary)
        raise ExportFileError(f"{target.name} could not be written: {exc.strerror or exc}") from None
    except BaseException:
        discard(temporary)
        raise
    return temporary


def put_in_place(temporary: Path, target: Path) -> None:
    """Rename the finished temporary file over ``target``; on failure the temporary file is removed and the
    target is left exactly as it was."""
    try:
        os.replace(temporary, target)
    except PermissionError:
        discard(temporary)
        raise TargetInUseError(
            f"{target.name} is open in another program (Word?) or may not be changed. Close it there and "
            "export again; the file was left as it was."
        ) from None
    except OSError as exc:
        discard(temporary)
        raise ExportFileError(f"{target.name} could not be written: {exc.strerror or exc}") from None


def discard(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        temporary.unlink()


def write_document(document: Document, target: Path) -> None:
    """Write ``document`` to ``target`` all at once (replacing any file there)."""
    put_in_place(write_beside(document, target), target)
