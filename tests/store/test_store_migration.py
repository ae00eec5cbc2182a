"""An older workspace is copied to a backup beside it, untouched, and only then migrated (once)."""

from __future__ import annotations

import os
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from imagingnet_desktop.store import WorkspaceFile, workspace_file
from imagingnet_desktop.store.migrations.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from imagingnet_desktop.workspace.workspace import Workspace


def format1_workspace(path: Path) -> Path:
    """What version 1 of the app wrote: only the first migration, one partner."""
    db = Database(path)
    MIGRATIONS[0](db)
    db["meta"].insert({"key": "network_name", "value": "Hen Rwydwaith ŵ"})
    db["partners"].insert(
        {
            "id": 7,
            "position": 0,
            "code": "YGC",
            "name": "Ysbyty Gwynedd & Co <old>",
            "organisation_type": "NHS Trust",
            "population_served": 250000,
            "pay_cost_gbp": "1234567.89",
            "ppci_centre": 1,
            "hyper_acute_stroke_unit": 0,
        }
    )
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.conn.commit()
    db.close()
    return path


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def pragma(path: Path, name: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def tables(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def test_older_workspace_is_backed_up_then_migrated_once(tmp_path: Path) -> None:
    assert SCHEMA_VERSION > 1, "this test needs a migration to run"
    path = format1_workspace(tmp_path / "old.imagingnet")
    old_dump = dump(path)

    workspace = Workspace.open(path)
    try:
        backup = workspace.backup_path
        assert backup is not None and backup.parent == path.parent and backup != path
        assert "format1" in backup.name and backup.suffix == ".imagingnet"
        partner = workspace.network.partner(7)
        assert (partner.code, partner.name, partner.pay_cost_gbp) == ("YGC", "Ysbyty Gwynedd & Co <old>",
                                                                     Decimal("1234567.89"))
        assert partner.ppci_centre is True and workspace.network.name == "Hen Rwydwaith ŵ"
    finally:
        workspace.close()

    # The backup is the old workspace as it was: same content, still format 1, no migrated tables.
    assert dump(backup) == old_dump
    assert pragma(backup, "user_version") == 1 and pragma(backup, "application_id") == APPLICATION_ID
    assert "tab_state" not in tables(backup)
    # The workspace itself is now current, and still holds the partner.
    assert pragma(path, "user_version") == SCHEMA_VERSION
    assert {"tab_state", "scenarios"} <= tables(path)
    listing = sorted(os.listdir(tmp_path))
    assert listing == sorted([path.name, backup.name])

    again = Workspace.open(path)
    try:
        assert again.backup_path is None
        assert again.network.partner(7).name == "Ysbyty Gwynedd & Co <old>"
    finally:
        again.close()
    assert sorted(os.listdir(tmp_path)) == listing  # no second backup, no second migration


def test_a_second_older_file_gets_its_own_backup_name(tmp_path: Path) -> None:
    path = format1_workspace(tmp_path / "old.imagingnet")
    first_backup = path.with_name("old.format1-backup.imagingnet")
    first_backup.write_bytes(b"an earlier backup the user kept")
    workspace = Workspace.open(path)
    workspace.close()
    assert first_backup.read_bytes() == b"an earlier backup the user kept"  # never overwritten
    assert workspace.backup_path is not None and workspace.backup_path != first_backup
    assert pragma(workspace.backup_path, "user_version") == 1


def test_read_only_opening_of_an_older_workspace_never_migrates_it(tmp_path: Path) -> None:
    path = format1_workspace(tmp_path / "old.imagingnet")
    before = path.read_bytes()
    workspace = Workspace.open_read_only(path)
    try:
        assert workspace.network.partner(7).code == "YGC"
        assert workspace.tab_state("shares", {"basis": "pay"}) == {"basis": "pay"}
    finally:
        workspace.close()
    assert path.read_bytes() == before and os.listdir(tmp_path) == [path.name]


def test_a_failed_migration_leaves_the_old_content_and_a_backup(tmp_path: Path, monkeypatch) -> None:
    path = format1_workspace(tmp_path / "old.imagingnet")
    old_dump = dump(path)

    def broken(db: Database) -> None:
        db["tab_state"].create({"key": str, "value": str}, pk="key")
        raise RuntimeError("disk trouble half-way through")

    monkeypatch.setattr(workspace_file, "MIGRATIONS", (MIGRATIONS[0], broken))
    with pytest.raises(RuntimeError):
        WorkspaceFile.open(path)
    monkeypatch.undo()

    assert path.read_bytes()[18:20] == b"\x01\x01"  # left a self-contained (rollback-journal) file again
    assert dump(path) == old_dump  # the half-done step was rolled back
    assert pragma(path, "user_version") == 1
    backups = [p for p in tmp_path.iterdir() if p != path]
    assert len(backups) == 1 and dump(backups[0]) == old_dump
    assert not Path(f"{path}-wal").exists()

    workspace = Workspace.open(path)  # and the real migration still works afterwards
    workspace.close()
    assert pragma(path, "user_version") == SCHEMA_VERSION
