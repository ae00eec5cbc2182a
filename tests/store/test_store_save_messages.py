"""A write failure is told as one sentence for the action it stopped: an edit, opening for editing, creating."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

import pytest

from imagingnet_desktop.store import WorkspaceReadOnlyError, WorkspaceSaveError, workspace_file
from imagingnet_desktop.store.save_errors import as_save_error
from imagingnet_desktop.workspace.workspace import Workspace

FULL = sqlite3.OperationalError("database or disk is full")
READ_ONLY = sqlite3.OperationalError("attempt to write a readonly database")


def failing(exc: Exception):
    def connect(path: Path) -> sqlite3.Connection:
        raise exc

    return connect


@pytest.mark.parametrize(("exc", "kind", "expected"), [
    (FULL, WorkspaceSaveError,
     "w.imagingnet could not be opened for editing: the disk is full. Free some space, then open it again."),
    (READ_ONLY, WorkspaceReadOnlyError,
     "w.imagingnet could not be opened for editing: the file or its folder is read-only. Copy it to a folder "
     "you can write to, then open the copy."),
])
def test_opening_for_editing(demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             exc: Exception, kind: type[Exception], expected: str) -> None:
    path = Path(shutil.copyfile(demo_file, tmp_path / "w.imagingnet"))
    monkeypatch.setattr(workspace_file, "_connect_for_writing", failing(exc))
    with pytest.raises(kind) as refused:
        Workspace.open(path)
    assert str(refused.value) == expected


@pytest.mark.parametrize(("exc", "kind", "expected"), [
    (FULL, WorkspaceSaveError,
     "new.imagingnet was not created: the disk is full. Free some space, then create it again."),
    (READ_ONLY, WorkspaceReadOnlyError,
     "new.imagingnet was not created: the file or its folder is read-only. Create it in a folder you can "
     "write to."),
])
def test_creating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: Exception, kind: type[Exception],
                  expected: str) -> None:
    monkeypatch.setattr(workspace_file, "_connect_for_writing", failing(exc))
    with pytest.raises(kind) as refused:
        Workspace.create(tmp_path / "new.imagingnet", "New")
    assert str(refused.value) == expected
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("exc", "expected"), [
    (FULL, "The edit was not saved to w.imagingnet: the disk is full. Free some space, then make the edit again."),
    (OSError(errno.EIO, "Input/output error"),
     "The edit was not saved to w.imagingnet: the computer could not write to the disk (Input/output error). "
     "Check the drive (a removed USB stick, a lost network share), then make the edit again."),
])
def test_an_edit(exc: Exception, expected: str) -> None:
    found = as_save_error(exc, Path("w.imagingnet"))
    assert found is not None and str(found) == expected
