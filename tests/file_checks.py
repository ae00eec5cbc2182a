"""What a workspace file holds, read the way the ``report`` command reads it (read-only, never writing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from imagingnet_desktop.domain.network.network import Network
from imagingnet_desktop.workspace.workspace import Workspace


def network_in_file(path: Path) -> Network:
    reader = Workspace.open_read_only(path)
    try:
        return reader.network
    finally:
        reader.close()


def first_value(path: Path, sql: str) -> object | None:
    """The first column of the first row ``sql`` gives, read straight from the file (never written)."""
    import sqlite3

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute(sql).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def rows_in_file(path: Path, collection: Any) -> Any:
    """The rows of ``collection`` as the file holds them (a fresh read-only reader)."""
    reader = Workspace.open_read_only(path)
    try:
        return reader.rows(collection)
    finally:
        reader.close()


def file_of_format_2(path: Path, network_name: str | None = None) -> Path:
    """A workspace file as the first release left it (its first two migrations only), for migration tests."""
    from sqlite_utils import Database

    from imagingnet_desktop.store.migrations.schema import APPLICATION_ID, MIGRATIONS

    db = Database(path)
    for step in MIGRATIONS[:2]:
        step(db)
    if network_name is not None:
        db["meta"].insert({"key": "network_name", "value": network_name})
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 2")
    db.conn.commit()
    db.close()
    return path
