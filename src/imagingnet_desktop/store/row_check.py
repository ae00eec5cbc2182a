"""Every stored row checked before a workspace is used: values of the declared type, figures the app itself
would accept, scenario definitions it can read. Nothing here writes.

``check_rows`` returns the problems that make the file unusable (it is then refused, untouched). Tab state
and the working scenario are settings, not data: a value that cannot be read is reset to its default with a
notice when it is read (``Workspace.tab_state``, ``working_scenario``), rather than refusing the workspace or
parsing thousands of rows on every open.
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
    """Saved scenarios are data: one the app cannot read exactly refuses the file. The working scenario is the
    sliders' setting: its settings are checked when read (reset with a notice), here only that there is one."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(scenarios)")}
    format_2 = "settings" not in columns  # format 3 on: settings JSON, partner references in their own tables
    working = "0" if format_2 else "working"
    rows = conn.execute(f"SELECT id, {'definition' if format_2 else 'settings'}, agreed, {working} "
                        "FROM scenarios ORDER BY position, id").fetchall()
    if not format_2:
        _partner_links(conn, report)
    if not rows:
        return
    from imagingnet_desktop.domain.scenarios.scenario_check import (  # the scenario model: only when there are some
        definition_problem,
        settings_problem,
    )

    check = definition_problem if format_2 else settings_problem
    workings = 0
    for scenario_id, stored, agreed, is_working in rows:
        where = f"the scenarios table, scenario id {scenario_id}"
        if is_working not in (0, 1):
            report.problems.append(f"{where}, column working: {is_working!r} is not yes (1) or no (0)")
        workings += is_working == 1
        if is_working != 1:
            data = _json(stored)
            not_json = "its definition is not JSON" if format_2 else "its settings are not JSON"
            problem = not_json if data is _BAD else check(data)
            if problem:
                report.problems.append(f"{where}: {problem}")
        if agreed not in (0, 1):
            report.problems.append(f"{where}, column agreed: {agreed!r} is not yes (1) or no (0)")
        if len(report.problems) >= MAX_LISTED:
            return
    if workings > 1:
        report.problems.append(f"the scenarios table has {workings} working scenarios where there is one at most")


def _partner_links(conn: sqlite3.Connection, report: RowReport) -> None:
    row = conn.execute("SELECT id, scenario_id, votes FROM scenario_votes WHERE votes < 0 LIMIT 1").fetchone()
    if row is not None:
        report.problems.append(f"the scenario_votes table, row {row[0]} (scenario id {row[1]}): {row[2]} votes "
                               "is not a whole number of 0 or more")


_BAD = object()


def _json(text: object) -> object:
    import json  # only when there are scenarios: off the start-up path

    if not isinstance(text, str):
        return _BAD
    try:
        return json.loads(text)
    except ValueError:  # JSONDecodeError, and a number too large to convert
        return _BAD
