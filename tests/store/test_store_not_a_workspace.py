"""A file that is not a workspace, is damaged, or is newer than the app: a clear message, the file untouched.

Every opener is tried (edit, read-only, and the store's own): each must refuse with the right error and leave
the file byte-for-byte as it was, with the same mtime and nothing created beside it (no -wal, -shm, -journal).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from imagingnet_desktop.store import (
    NotAWorkspaceError,
    WorkspaceError,
    WorkspaceFile,
    WorkspaceMissingError,
    WorkspaceTooNewError,
)
from imagingnet_desktop.store.migrations.schema import APPLICATION_ID, SCHEMA_VERSION
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.workspace import Workspace

OPENERS: dict[str, Callable[[Path], object]] = {
    "Workspace.open": Workspace.open,
    "Workspace.open take_over": lambda p: Workspace.open(p, take_over=True),
    "Workspace.open_read_only": Workspace.open_read_only,
    "WorkspaceFile.open": WorkspaceFile.open,
    "WorkspaceFile.open_read_only": WorkspaceFile.open_read_only,
}


def real_workspace(path: Path) -> Path:
    create_demo(path).close()
    return path


def text_file(path: Path) -> Path:
    path.write_text("code,name\nNSH,Northshire ŵ\n" * 20, encoding="utf-8")
    return path


def png_like(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return path


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def short_sqlite_magic(path: Path) -> Path:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    return path


def other_application(path: Path, journal_mode: str) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount TEXT)")
    conn.execute("INSERT INTO invoices (amount) VALUES ('12.50')")
    conn.commit()
    conn.close()
    assert not Path(f"{path}-wal").exists()
    return path


def truncated(path: Path) -> Path:
    real_workspace(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def corrupted(path: Path) -> Path:
    """Full length, but a page in the middle overwritten with rubbish (as a bad disk or copy would)."""
    real_workspace(path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):
        data[page * page_size : page * page_size + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    return path


def newer_version(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("CREATE TABLE something_new (x)")
    conn.commit()
    conn.close()
    return path


CASES: dict[str, tuple[Callable[[Path], Path], type[WorkspaceError], str]] = {
    "text file": (text_file, NotAWorkspaceError, "not an ImagingNet workspace"),
    "PNG-like binary": (png_like, NotAWorkspaceError, "not an ImagingNet workspace"),
    "empty file": (empty_file, NotAWorkspaceError, "not an ImagingNet workspace"),
    "SQLite magic only": (short_sqlite_magic, NotAWorkspaceError, "not an ImagingNet workspace"),
    "other application (rollback journal)": (
        lambda p: other_application(p, "DELETE"),
        NotAWorkspaceError,
        "is a database but not an ImagingNet workspace",
    ),
    "other application (WAL)": (
        lambda p: other_application(p, "WAL"),
        NotAWorkspaceError,
        "is a database but not an ImagingNet workspace",
    ),
    "truncated workspace": (truncated, NotAWorkspaceError, "truncated"),
    "corrupted workspace": (corrupted, NotAWorkspaceError, "damaged"),
    "newer workspace": (newer_version, WorkspaceTooNewError, "newer version of ImagingNet Desktop"),
}


def snapshot(path: Path) -> tuple[bytes, int, list[str]]:
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


@pytest.mark.parametrize("opener", list(OPENERS), ids=list(OPENERS))
@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_refused_with_a_clear_message_and_left_untouched(tmp_path: Path, case: str, opener: str) -> None:
    make, error, message = CASES[case]
    path = make(tmp_path / "workshop.imagingnet")
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))  # an mtime any write would move
    before = snapshot(path)

    with pytest.raises(error) as raised:
        OPENERS[opener](path)

    text = str(raised.value)
    assert message in text and path.name in text
    assert "Traceback" not in text and "sqlite3." not in text
    assert snapshot(path) == before  # same bytes, same mtime, nothing created beside it


def test_newer_workspace_message_names_both_versions(tmp_path: Path) -> None:
    path = newer_version(tmp_path / "future.imagingnet")
    with pytest.raises(WorkspaceTooNewError, match=rf"format {SCHEMA_VERSION + 1}.*up to {SCHEMA_VERSION}"):
        Workspace.open(path)


@pytest.mark.parametrize("opener", list(OPENERS), ids=list(OPENERS))
def test_a_folder_is_not_a_workspace(tmp_path: Path, opener: str) -> None:
    folder = tmp_path / "looks-like.imagingnet"
    folder.mkdir()
    with pytest.raises(NotAWorkspaceError, match="is a folder"):
        OPENERS[opener](folder)
    assert os.listdir(folder) == [] and sorted(os.listdir(tmp_path)) == ["looks-like.imagingnet"]


@pytest.mark.parametrize("opener", list(OPENERS), ids=list(OPENERS))
@pytest.mark.parametrize("where", ["missing file", "missing folder"])
def test_a_missing_path_is_reported_and_never_created(tmp_path: Path, opener: str, where: str) -> None:
    path = tmp_path / "never.imagingnet" if where == "missing file" else tmp_path / "gone" / "never.imagingnet"
    with pytest.raises(WorkspaceMissingError, match="There is no workspace at"):
        OPENERS[opener](path)
    assert os.listdir(tmp_path) == []


def test_a_real_workspace_still_opens_after_all_that(tmp_path: Path) -> None:
    """The control: the same openers accept a genuine workspace (so the refusals above are not blanket)."""
    path = real_workspace(tmp_path / "real.imagingnet")
    for opener in OPENERS.values():
        opened = opener(path)
        opened.close()  # type: ignore[attr-defined]
