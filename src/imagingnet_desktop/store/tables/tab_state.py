"""Small JSON documents keyed by name: each tab's settings and saved choices."""

from __future__ import annotations

import sqlite3


def read_state(conn: sqlite3.Connection, key: str) -> object | None:
    """None when unset, or when a read-only file predates tab state (format 1 is not migrated on reading)."""
    import json  # here, not at module level: off the start-up path

    try:
        row = conn.execute("SELECT value FROM tab_state WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return json.loads(row[0]) if row else None


def write_state(conn: sqlite3.Connection, key: str, value: object | None) -> None:
    import json  # here, not at module level: off the start-up path

    if value is None:
        conn.execute("DELETE FROM tab_state WHERE key = ?", (key,))
    else:
        conn.execute(
            "INSERT OR REPLACE INTO tab_state (key, value) VALUES (?, ?)",
            (key, json.dumps(value, ensure_ascii=False, sort_keys=True)),
        )
