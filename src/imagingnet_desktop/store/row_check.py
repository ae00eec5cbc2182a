"""Every stored row checked before a workspace is used: values of the declared type, figures the app itself
would accept, scenario definitions it can read. Nothing here writes.

``check_rows`` returns the problems that make the file unusable (it is then refused, untouched). Tab state
is settings, not data: a value that cannot be read is reset to its default with a notice when it is read
(``Workspace.tab_state``), rather than refusing the workspace or parsing thousands of rows on every open.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from imagingnet_desktop.domain.network.partner import (
    FIELD_BY_NAME,
    NUMERIC_KINDS,
    ORGANISATION_TYPES,
    FieldKind,
)
from imagingnet_desktop.domain.network.partner_fields import FieldError, parse_field
from imagingnet_desktop.store.schema_check import Description

_SQL_TYPES = {"INTEGER": ("integer", "null"), "TEXT": ("text", "null")}
MAX_LISTED = 50


@dataclass
class RowReport:
    problems: list[str] = field(default_factory=list)


def check_rows(conn: sqlite3.Connection, schema: Description) -> RowReport:
    report = RowReport()
    tables = set(schema["columns"])
    _declared_types(conn, schema, report)
    if report.problems:
        return report  # the checks below rely on the types
    if "partners" in tables:
        _partners(conn, report)
    if "scenarios" in tables:
        _scenarios(conn, report)
    return report


def _declared_types(conn: sqlite3.Connection, schema: Description, report: RowReport) -> None:
    for table, columns in schema["columns"].items():
        checked = [(name, _SQL_TYPES[declared]) for name, declared, _n, _p in columns if declared in _SQL_TYPES]
        if not checked:
            continue
        wrong = " OR ".join(f'typeof("{name}") NOT IN (\'{a}\', \'{b}\')' for name, (a, b) in checked)
        if conn.execute(f'SELECT 1 FROM "{table}" WHERE {wrong} LIMIT 1').fetchone() is None:
            continue  # one pass over the table; the column at fault is looked for only when there is one
        for name, declared, _not_null, _pk in columns:
            allowed = _SQL_TYPES.get(declared)
            if allowed is None:
                continue
            row = conn.execute(
                f'SELECT rowid, typeof("{name}"), substr(CAST("{name}" AS TEXT), 1, 40) FROM "{table}" '
                f'WHERE typeof("{name}") NOT IN (?, ?) LIMIT 1',
                allowed,
            ).fetchone()
            if row is not None:
                report.problems.append(
                    f"the {table} table, row {row[0]}, column {name} holds {row[1]} data ('{row[2]}') "
                    f"where {declared.lower()} is expected"
                )


def _partners(conn: sqlite3.Connection, report: RowReport) -> None:
    columns = ("id", *FIELD_BY_NAME)
    codes: dict[str, int] = {}
    for row in conn.execute(f"SELECT {', '.join(columns)} FROM partners ORDER BY position, id"):
        values = dict(zip(columns, row, strict=True))
        where = f"the partners table, partner id {values['id']}"
        for name, value in values.items():
            if name == "id":
                continue
            problem = _partner_value(name, value)
            if problem:
                report.problems.append(f"{where}, column {name}: {problem}")
        code = values["code"]
        if isinstance(code, str) and code:
            first = codes.setdefault(code.casefold(), values["id"])
            if first != values["id"]:
                report.problems.append(f"{where}: the code '{code[:20]}' is also partner id {first}'s")
        if len(report.problems) >= MAX_LISTED:
            return


def _partner_value(name: str, value: object) -> str | None:
    spec = FIELD_BY_NAME[name]
    if spec.kind is FieldKind.YES_NO:
        return None if value in (None, 0, 1) else f"{value!r} is not yes (1) or no (0)"
    if spec.kind is FieldKind.ORG_TYPE:
        return None if value in ORGANISATION_TYPES else f"'{str(value)[:40]}' is not an organisation type"
    if spec.kind in NUMERIC_KINDS:
        if value is None:
            return None
        if spec.kind is FieldKind.COUNT and not isinstance(value, int):
            return f"'{str(value)[:40]}' is not a whole number"
        if spec.kind is not FieldKind.COUNT and not isinstance(value, str):
            return f"{value!r} is not stored as an exact figure"
        try:
            parse_field(name, value)
        except FieldError as error:
            return str(error)
        return None
    if spec.required and (not isinstance(value, str) or not value.strip()):
        return "it is empty"
    return None


def _scenarios(conn: sqlite3.Connection, report: RowReport) -> None:
    columns = {r[1] for r in conn.execute("PRAGMA table_info(scenarios)")}
    if "settings" in columns:  # format 3 on: the settings as JSON, partner references in their own tables
        for scenario_id, settings, agreed in conn.execute("SELECT id, settings, agreed FROM scenarios"):
            where = f"the scenarios table, scenario id {scenario_id}"
            if not isinstance(_json(settings), dict):
                report.problems.append(f"{where}: its settings are not a JSON object")
            if agreed not in (0, 1):
                report.problems.append(f"{where}, column agreed: {agreed!r} is not yes (1) or no (0)")
        return
    rows = conn.execute("SELECT id, definition, agreed FROM scenarios ORDER BY position, id").fetchall()
    if not rows:
        return
    from imagingnet_desktop.domain.scenarios.scenario_check import (
        scenario_problem,  # the scenario model: only when there are scenarios
    )

    for scenario_id, definition, agreed in rows:
        where = f"the scenarios table, scenario id {scenario_id}"
        data = _json(definition)
        problem = "its definition is not JSON" if data is _BAD else scenario_problem(data)
        if problem:
            report.problems.append(f"{where}: {problem}")
        if agreed not in (0, 1):
            report.problems.append(f"{where}, column agreed: {agreed!r} is not yes (1) or no (0)")


_BAD = object()


def _json(text: object) -> object:
    import json  # only when there are scenarios: off the start-up path

    if not isinstance(text, str):
        return _BAD
    try:
        return json.loads(text)
    except ValueError:  # JSONDecodeError, and a number too large to convert
        return _BAD
