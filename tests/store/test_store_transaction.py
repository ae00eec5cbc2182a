"""``WorkspaceFile.transaction``: all of an edit or none of it, and never left stuck inside a transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from file_checks import first_value
from imagingnet_desktop.store import WorkspaceFile, WorkspaceInUseError, WorkspaceSaveError
from imagingnet_desktop.store.tables import partners as network_rows


class FailingCommit:
    """The connection, except that COMMIT fails once (as a full disk or an I/O error would make it)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.fail_next_commit = True

    def execute(self, sql: str, *args):
        if sql == "COMMIT" and self.fail_next_commit:
            self.fail_next_commit = False
            raise sqlite3.OperationalError("disk I/O error")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


def names(path: Path) -> str | None:
    return first_value(path, "SELECT value FROM meta WHERE key = 'network_name'")


def test_an_error_inside_rolls_everything_back(tmp_path: Path) -> None:
    path = tmp_path / "t.imagingnet"
    file = WorkspaceFile.create(path)
    try:
        with file.transaction() as conn:
            network_rows.set_network_name(conn, "Kept")
        with pytest.raises(ValueError), file.transaction() as conn:
            network_rows.set_network_name(conn, "Lost")
            raise ValueError("half-way")
        assert names(path) == "Kept" and not file.conn.in_transaction
    finally:
        file.close()


def test_a_failed_commit_rolls_back_and_the_next_edit_works(tmp_path: Path) -> None:
    path = tmp_path / "t.imagingnet"
    file = WorkspaceFile.create(path)
    real = file.conn
    try:
        with file.transaction() as conn:
            network_rows.set_network_name(conn, "Kept")
        file.conn = FailingCommit(real)  # type: ignore[assignment]
        with pytest.raises(WorkspaceSaveError, match="not saved"), file.transaction() as conn:
            network_rows.set_network_name(conn, "Never committed")
        assert not real.in_transaction  # not left open, where the next BEGIN would fail
        assert names(path) == "Kept"
        with file.transaction() as conn:
            network_rows.set_network_name(conn, "Next edit")
        assert names(path) == "Next edit"
    finally:
        file.conn = real
        file.close()
    assert names(path) == "Next edit"


def test_read_only_files_refuse_transactions(tmp_path: Path) -> None:
    path = tmp_path / "t.imagingnet"
    WorkspaceFile.create(path).close()
    before = path.read_bytes()
    reader = WorkspaceFile.open_read_only(path)
    try:
        with pytest.raises(PermissionError), reader.transaction():
            pass
    finally:
        reader.close()
    assert path.read_bytes() == before


def test_a_lost_lock_refuses_the_transaction_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "t.imagingnet"
    first = WorkspaceFile.create(path)
    second = WorkspaceFile.open(path, take_over=True)
    try:
        ran = False
        with pytest.raises(WorkspaceInUseError), first.transaction():
            ran = True
        assert not ran and not first.conn.in_transaction
        with second.transaction() as conn:
            network_rows.set_network_name(conn, "Second")
    finally:
        first.close()
        second.close()
    assert names(path) == "Second"
