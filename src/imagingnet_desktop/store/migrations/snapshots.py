"""The snapshots table: one row per named snapshot, its content one JSON document (see store/tables/snapshots)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def add_snapshots(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE snapshots (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            taken_at TEXT NOT NULL,
            schema_version INTEGER NOT NULL,
            content TEXT NOT NULL
        )
        """
    )
