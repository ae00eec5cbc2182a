"""Saved shares & votes scenarios: one row each, the definition kept as JSON, one may be the agreed position."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class ScenarioRow:
    id: int
    definition: dict[str, object]
    agreed: bool


def load_scenarios(conn: sqlite3.Connection) -> tuple[ScenarioRow, ...]:
    import json  # here, not at module level: off the start-up path

    try:
        rows = conn.execute("SELECT id, definition, agreed FROM scenarios ORDER BY position, id").fetchall()
    except sqlite3.OperationalError:  # a format-1 file opened read-only has no scenarios table
        return ()
    return tuple(ScenarioRow(r[0], json.loads(r[1]), bool(r[2])) for r in rows)


def write_scenarios(conn: sqlite3.Connection, scenarios: tuple[ScenarioRow, ...]) -> None:
    """Make the table hold exactly ``scenarios`` in this order."""
    import json  # here, not at module level: off the start-up path

    conn.execute("DELETE FROM scenarios")
    conn.executemany(
        "INSERT INTO scenarios (id, position, name, definition, agreed) VALUES (?, ?, ?, ?, ?)",
        [
            (s.id, i, str(s.definition.get("name", "")), json.dumps(s.definition, ensure_ascii=False, sort_keys=True),
             int(s.agreed))
            for i, s in enumerate(scenarios)
        ],
    )
