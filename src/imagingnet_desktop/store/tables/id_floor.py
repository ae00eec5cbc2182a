"""Row ids are never given twice: a deleted row's id is not handed to the next new row.

SQLite hands ``MAX(id) + 1`` to a new row, so deleting the newest partner and adding another would give the
new one the old one's id, and "what changed since" a snapshot (which matches rows by id) would report WBK
turned into NEW rather than WBK gone and NEW added. Each table's highest id ever deleted is kept in ``meta``
(``id_floor:<table>``); new ids start above it. It is written in the deleting transaction, so a rollback
takes it back too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

PREFIX = "id_floor:"


def floor(conn: sqlite3.Connection, table: str) -> int:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (PREFIX + table,)).fetchone()
    except sqlite3.OperationalError:  # a file without meta cannot be open: a damaged or foreign one
        return 0
    return int(row[0]) if row and str(row[0]).isdigit() else 0


def next_id(conn: sqlite3.Connection, table: str) -> int:
    """The id for a new row: above every id the table holds and every id it ever held."""
    highest = conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]
    return max(int(highest), floor(conn, table)) + 1


def note_deleted(conn: sqlite3.Connection, table: str, row_ids: Iterable[int]) -> None:
    """Inside the transaction that deletes ``row_ids`` from ``table``."""
    highest = max((int(i) for i in row_ids), default=0)
    if highest > floor(conn, table):
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (PREFIX + table, str(highest)))


def note_table_emptied(conn: sqlite3.Connection, table: str) -> None:
    """Before every row of ``table`` is deleted (a snapshot restored over it)."""
    columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    if "id" in columns:
        note_deleted(conn, table, [conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]])
