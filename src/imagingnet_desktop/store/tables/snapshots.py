"""Snapshots: every user-data table of the workspace copied into one JSON document, and put back whole.

Which tables: found from ``sqlite_master``, so a table a later migration adds is in every snapshot taken after
it without being listed here. Left out: SQLite's own tables, the session lock, the snapshots themselves and the
history of exported documents (a record of what was sent, which a restore must not rewrite).

Why one JSON document per snapshot (and not a ``snapshot_rows`` table): a snapshot is never edited, only
written once and read whole (to compare or to restore), and every table has its own columns, so rows would be
JSON in either design; one document keeps taking and reading a snapshot to one statement.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from imagingnet_desktop.store.tables import id_floor

CONTENT_FORMAT = 1
NOT_SNAPSHOTTED = frozenset({"session_lock", "snapshots"})
NOT_SNAPSHOTTED_PREFIXES = ("sqlite_", "export")  # SQLite's own; the exported documents' history


@dataclass(frozen=True)
class TableRows:
    """One table as stored: its columns, the columns of its primary key (may be empty) and every row."""

    columns: tuple[str, ...]
    key: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class SnapshotInfo:
    id: int
    name: str
    taken_at: str  # ISO 8601, UTC
    schema_version: int


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def snapshotted_tables(conn: sqlite3.Connection) -> list[str]:
    """The user-data tables, a referenced table before the tables that refer to it."""
    names = sorted(
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if r[0] not in NOT_SNAPSHOTTED and not r[0].startswith(NOT_SNAPSHOTTED_PREFIXES)
    )
    parents = {
        name: {fk[2] for fk in conn.execute(f"PRAGMA foreign_key_list({_quote(name)})")} & set(names) - {name}
        for name in names
    }
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and parents[n] <= set(ordered)]
        if not ready:  # a cycle of references: the rest in name order (deferred checks cover them)
            ready = [n for n in names if n not in ordered]
        ordered.extend(ready)
    return ordered


def partner_columns(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    """For each table, its columns that name a partner (a foreign key to ``partners``)."""
    found: dict[str, set[str]] = {}
    for table in snapshotted_tables(conn):
        for fk in conn.execute(f"PRAGMA foreign_key_list({_quote(table)})"):
            if fk[2] == "partners":
                found.setdefault(table, set()).add(fk[3])
    return {table: frozenset(columns) for table, columns in found.items()}


# The file's own bookkeeping in ``meta`` (its identity, the save count): not the user's data, never restored.
_FILE_META_KEYS = ("workspace_id", "saves")
_OWN_ROWS = {"meta": f"WHERE key NOT IN ({', '.join(repr(k) for k in _FILE_META_KEYS)})"
                     f" AND key NOT LIKE '{id_floor.PREFIX}%'"}  # and which ids were used (tables/id_floor.py)


def _read_table(conn: sqlite3.Connection, table: str) -> TableRows:
    info = list(conn.execute(f"PRAGMA table_info({_quote(table)})"))
    columns = tuple(r[1] for r in info)
    key = tuple(r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
    order = ", ".join(_quote(k) for k in key) if key else "rowid"
    cursor = conn.execute(f"SELECT {', '.join(_quote(c) for c in columns)} FROM {_quote(table)} "
                          f"{_OWN_ROWS.get(table, '')} ORDER BY {order}")
    return TableRows(columns, key, tuple(tuple(r) for r in cursor))


def read_tables(conn: sqlite3.Connection) -> dict[str, TableRows]:
    """Every snapshotted table as it is in the file now."""
    return {table: _read_table(conn, table) for table in snapshotted_tables(conn)}


def replace_tables(conn: sqlite3.Connection, tables: Mapping[str, TableRows]) -> None:
    """Make each table of the file named in ``tables`` hold exactly those rows (inside a transaction).

    Emptied children first and refilled parents first, so a ``RESTRICT`` reference (checked at once) never
    trips; other references are checked when the transaction commits. A table the file has and ``tables``
    lacks is left as it is.
    """
    conn.execute("PRAGMA defer_foreign_keys = ON")
    order = [t for t in snapshotted_tables(conn) if t in tables]
    for table in reversed(order):
        id_floor.note_table_emptied(conn, table)
        conn.execute(f"DELETE FROM {_quote(table)} {_OWN_ROWS.get(table, '')}")
    for table in order:
        content = tables[table]
        present = {r[1] for r in conn.execute(f"PRAGMA table_info({_quote(table)})")}
        keep = [i for i, c in enumerate(content.columns) if c in present]
        names = ", ".join(_quote(content.columns[i]) for i in keep)
        marks = ", ".join("?" * len(keep))
        conn.executemany(
            f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})",
            ([row[i] for i in keep] for row in content.rows),
        )


# ---------------------------------------------------------------------------- the document


def _plain(value: Any) -> Any:
    return {"$blob": value.hex()} if isinstance(value, bytes) else value


def _stored(value: Any) -> Any:
    return bytes.fromhex(value["$blob"]) if isinstance(value, dict) else value


def encode(tables: Mapping[str, TableRows]) -> str:
    document = {
        "format": CONTENT_FORMAT,
        "tables": {
            name: {"columns": list(t.columns), "key": list(t.key), "rows": [[_plain(v) for v in r] for r in t.rows]}
            for name, t in tables.items()
        },
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def decode(text: str) -> dict[str, TableRows]:
    document = json.loads(text)
    if document.get("format") != CONTENT_FORMAT:
        raise ValueError(f"snapshot content format {document.get('format')!r} is not one this version reads")
    return {
        name: TableRows(tuple(t["columns"]), tuple(t["key"]), tuple(tuple(_stored(v) for v in r) for r in t["rows"]))
        for name, t in document["tables"].items()
    }


# ---------------------------------------------------------------------------- the snapshots table


def insert_snapshot(conn: sqlite3.Connection, name: str, taken_at: str, schema_version: int, content: str) -> int:
    cursor = conn.execute(
        "INSERT INTO snapshots (name, taken_at, schema_version, content) VALUES (?, ?, ?, ?)",
        (name, taken_at, schema_version, content),
    )
    return int(cursor.lastrowid or 0)


def delete_snapshot(conn: sqlite3.Connection, snapshot_id: int) -> None:
    conn.execute("DELETE FROM snapshots WHERE id = ?", (snapshot_id,))


def list_snapshots(conn: sqlite3.Connection) -> tuple[SnapshotInfo, ...]:
    """Oldest first; none for a read-only file of a format before snapshots."""
    try:
        rows = conn.execute("SELECT id, name, taken_at, schema_version FROM snapshots ORDER BY taken_at, id")
    except sqlite3.OperationalError:
        return ()
    return tuple(SnapshotInfo(int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows)


def snapshot_content(conn: sqlite3.Connection, snapshot_id: int) -> dict[str, TableRows]:
    row = conn.execute("SELECT content FROM snapshots WHERE id = ?", (snapshot_id,)).fetchone()
    if row is None:
        raise KeyError(f"no snapshot with id {snapshot_id}")
    return decode(str(row[0]))
