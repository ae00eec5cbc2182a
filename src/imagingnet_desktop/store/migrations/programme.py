"""The programme's tables, and the starting content copied into each workspace.

Tables: ``programme_steps`` (the six steps with target dates), ``programme_checklist_items`` (owner partner as
a foreign key) and ``programme_targets`` (percent per step × workstream). Each move of the current step is a
decision in the Record (``record_entries.moved_to_step``), not a table of its own. The starting rows come from the content shipped with the release that creates (or
migrates) the workspace; from then on they are the workspace's own, and no later content rewrites them.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import TYPE_CHECKING

from imagingnet_desktop.domain.programme.steps import WORKSTREAM_ORDER

if TYPE_CHECKING:
    from sqlite_utils import Database

    from imagingnet_desktop.domain.programme.content import ProgrammeContent

_SCHEMA = """
CREATE TABLE programme_steps (
    id INTEGER PRIMARY KEY,
    position REAL NOT NULL,
    step_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT
);
CREATE TABLE programme_checklist_items (
    id INTEGER PRIMARY KEY,
    position REAL NOT NULL,
    step_id TEXT NOT NULL,
    workstream_id TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL,
    owner_partner_id INTEGER REFERENCES partners(id) ON DELETE RESTRICT,
    due TEXT,
    note TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT ''
);
CREATE INDEX programme_checklist_items_owner ON programme_checklist_items (owner_partner_id);
CREATE TABLE programme_targets (
    id INTEGER PRIMARY KEY,
    step_id TEXT NOT NULL,
    workstream_id TEXT NOT NULL,
    target_pct INTEGER NOT NULL CHECK (target_pct BETWEEN 0 AND 100),
    UNIQUE (step_id, workstream_id)
);
"""


def default_content() -> ProgrammeContent:
    """The shipped content, imported only when a workspace is seeded: every open imports this module (for the
    schema version), and reading the content there would cost start-up."""
    from imagingnet_desktop.domain.programme.content import default_content as shipped

    return shipped()


def seed(conn: sqlite3.Connection, content: ProgrammeContent, start: date) -> None:
    """Write the starting steps (back to back from ``start``), targets and checklist into empty tables.

    Plain SQL with the columns as this migration made them (not the row classes, which may grow later).
    """
    day = start
    item = 0
    for n, step in enumerate(content.steps, start=1):
        end = day + timedelta(weeks=step.weeks) - timedelta(days=1)
        conn.execute(
            "INSERT INTO programme_steps (id, position, step_id, name, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)",
            (n, float(n), step.step_id.value, step.name, day.isoformat(), end.isoformat()),
        )
        day = end + timedelta(days=1)
        conn.executemany(
            "INSERT INTO programme_targets (step_id, workstream_id, target_pct) VALUES (?, ?, ?)",
            [(step.step_id.value, w.value, step.targets[w]) for w in WORKSTREAM_ORDER],
        )
        for workstream, text in step.checklist:
            item += 1
            conn.execute(
                "INSERT INTO programme_checklist_items (id, position, step_id, workstream_id, text, status) "
                "VALUES (?, ?, ?, ?, ?, 'not_started')",
                (item, float(item), step.step_id.value, workstream.value, text),
            )


def programme_tables(db: Database) -> None:
    """Create the programme's tables and copy this release's starting content into them."""
    # one statement at a time: executescript would COMMIT the caller's transaction
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
    seed(db.conn, default_content(), date.today())
