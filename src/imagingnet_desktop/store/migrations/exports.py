"""The exports history: each exported draft (kind, version, when, where) and its clause texts as exported, so
the next export of the same kind can show what changed since."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def exports_history(db: Database) -> None:
    db.execute(
        "CREATE TABLE exports (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, version INTEGER NOT NULL,"
        " exported_at TEXT NOT NULL, path TEXT NOT NULL, UNIQUE (kind, version))"
    )
    db.execute(
        "CREATE TABLE exported_clauses (id INTEGER PRIMARY KEY,"
        " export_id INTEGER NOT NULL REFERENCES exports(id) ON DELETE CASCADE,"
        " key TEXT NOT NULL, label TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX exported_clauses_by_export ON exported_clauses (export_id)")
