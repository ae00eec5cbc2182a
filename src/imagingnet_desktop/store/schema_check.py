"""Does a file hold the tables and columns its ``user_version`` says it should?

What a version's schema should be is what a fresh in-memory database gets from ``MIGRATIONS[:version]``, so
a table or column a later migration adds is checked with no change here. Running the migrations needs
``sqlite_utils`` (which imports pandas): too slow for opening a current file, so the current version's
description is kept in ``schema_snapshot`` and used while it was made from the same migrations; a test keeps
it in step (``python -m imagingnet_desktop.store.schema_check`` prints a fresh one).
"""

from __future__ import annotations

import sqlite3
from typing import Any, TypedDict

from imagingnet_desktop.store.migrations.schema import MIGRATIONS, SCHEMA_VERSION

Column = tuple[str, str, int, int]  # name, declared type (upper case), not null, position in the primary key


class Description(TypedDict):
    objects: list[tuple[str, str]]  # (type, name) of every table, view, index and trigger (not sqlite_*)
    columns: dict[str, list[Column]]  # table -> its columns, by name


def describe(conn: sqlite3.Connection) -> Description:
    objects = sorted(
        (str(t), str(n))
        for t, n in conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    )
    columns: dict[str, list[Column]] = {}
    for kind, name in objects:
        if kind == "table":
            rows = conn.execute("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", (name,)).fetchall()
            columns[name] = sorted((str(r[0]), str(r[1]).upper(), int(r[2]), int(r[3])) for r in rows)
    return {"objects": objects, "columns": columns}


def migration_names(version: int) -> list[str]:
    return [step.__qualname__ for step in MIGRATIONS[:version]]


def built_by_migrations(version: int) -> Description:
    """The schema ``MIGRATIONS[:version]`` make in a fresh in-memory database."""
    from sqlite_utils import Database  # slow to import: only when migrating, or the snapshot is stale

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db = Database(conn)
        for step in MIGRATIONS[:version]:
            step(db)
        return describe(conn)
    finally:
        conn.close()


def expected(version: int) -> Description:
    from imagingnet_desktop.store import schema_snapshot

    if version == SCHEMA_VERSION and schema_snapshot.MIGRATIONS == migration_names(version):
        return _as_description(schema_snapshot.SCHEMA)
    return built_by_migrations(version)


def _as_description(raw: dict[str, Any]) -> Description:
    return {
        "objects": [tuple(o) for o in raw["objects"]],
        "columns": {t: [tuple(c) for c in cols] for t, cols in raw["columns"].items()},
    }


def schema_problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """What differs from the schema of ``version``, one line each (empty: it matches)."""
    want, have = expected(version), describe(conn)
    problems: list[str] = []
    want_objects, have_objects = dict((n, t) for t, n in want["objects"]), dict((n, t) for t, n in have["objects"])
    for name, kind in want_objects.items():
        if name not in have_objects:
            problems.append(f"the {kind} '{name}' is missing")
        elif have_objects[name] != kind:
            problems.append(f"'{name}' is a {have_objects[name]}, not a {kind}")
    problems += [f"it has a {have_objects[n]} '{n}' that a workspace does not have"
                 for n in have_objects if n not in want_objects]
    for table, columns in want["columns"].items():
        if have_objects.get(table) != "table":
            continue
        have_columns = {c[0]: c for c in have["columns"].get(table, [])}
        for column in columns:
            found = have_columns.pop(column[0], None)
            if found is None:
                problems.append(f"the table '{table}' has no column '{column[0]}'")
            elif found != column:
                problems.append(f"the column '{table}.{column[0]}' is not defined as a workspace defines it")
        problems += [f"the table '{table}' has a column '{c}' that a workspace does not have" for c in have_columns]
    return problems


def snapshot_source() -> str:
    """The text of ``schema_snapshot.py`` for the current migrations."""
    import pprint

    described = built_by_migrations(SCHEMA_VERSION)
    plain = {"objects": [list(o) for o in described["objects"]],
             "columns": {t: [list(c) for c in cols] for t, cols in described["columns"].items()}}
    return (
        '"""The current schema as ``schema_check.describe`` sees it. Made by '
        '``python -m imagingnet_desktop.store.schema_check``:\ndo not edit by hand."""\n\n'
        f"MIGRATIONS = {migration_names(SCHEMA_VERSION)!r}\n\n"
        f"SCHEMA = {pprint.pformat(plain, width=110, sort_dicts=True)}\n"
    )


if __name__ == "__main__":
    print(snapshot_source(), end="")
