"""The workshop record's tables: record entries (decisions, actions, open issues), motions and their votes.

``reserved_matter_id`` names a row of the Control tab's ``reserved_matters`` (so the Control migration runs
first); ``ON DELETE RESTRICT``: deleting a matter goes through ``workspace.control.matters.delete_matter``, which
refuses while a revealed motion or a decision names it and clears the link of motions not yet revealed in the same
undoable edit. ``moved_to_step`` marks the decision that moved the programme's current step on (the step moved
to; ``step`` is the one moved from). Steps and workstreams are their text ids. A vote cannot exist without its
partner or its motion.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def v3_record(db: Database) -> None:
    db.execute(
        "CREATE TABLE motions ("
        " id INTEGER PRIMARY KEY, position REAL NOT NULL, title TEXT NOT NULL, rule_kind TEXT NOT NULL,"
        " fraction_numerator INTEGER, fraction_denominator INTEGER, min_partners INTEGER NOT NULL DEFAULT 0,"
        " abstentions TEXT NOT NULL, step TEXT, workstream TEXT,"
        " reserved_matter_id INTEGER REFERENCES reserved_matters(id) ON DELETE RESTRICT,"
        " revealed_at TEXT, outcome TEXT,"
        " corrects_motion_id INTEGER REFERENCES motions(id) ON DELETE RESTRICT)"
    )
    db.execute(
        "CREATE TABLE motion_votes ("
        " id INTEGER PRIMARY KEY,"
        " motion_id INTEGER NOT NULL REFERENCES motions(id) ON DELETE RESTRICT,"
        " partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE RESTRICT,"
        " choice TEXT NOT NULL, votes_held INTEGER, veto INTEGER NOT NULL DEFAULT 0,"
        " UNIQUE (motion_id, partner_id))"
    )
    db.execute(
        "CREATE TABLE record_entries ("
        " id INTEGER PRIMARY KEY, position REAL NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,"
        " entry_date TEXT, step TEXT, workstream TEXT,"
        " reserved_matter_id INTEGER REFERENCES reserved_matters(id) ON DELETE RESTRICT,"
        " owner_partner_id INTEGER REFERENCES partners(id) ON DELETE RESTRICT,"
        " person TEXT NOT NULL DEFAULT '', due TEXT, status TEXT NOT NULL,"
        " motion_id INTEGER REFERENCES motions(id) ON DELETE RESTRICT, moved_to_step TEXT)"
    )
    db.execute("CREATE INDEX motion_votes_by_motion ON motion_votes (motion_id)")
    # Deleting a reserved matter looks for what names it (and SQLite checks the foreign keys by these).
    db.execute("CREATE INDEX motions_by_reserved_matter ON motions (reserved_matter_id)")
    db.execute("CREATE INDEX record_entries_by_reserved_matter ON record_entries (reserved_matter_id)")
    # The log is read in order in one query when the tab opens: with 5,000 entries the index halves that read.
    db.execute("CREATE INDEX record_entries_in_order ON record_entries (position, id)")
