"""The Control tables (board positions and their rotation, reserved matters and their vetoes, KPIs, monitoring
groups, business plans and Trust Board approvals) and their starting content.

The starting rows come from ``resources/control.toml`` and are copied in when a workspace is created or migrated to
this version: from then on the workspace owns its copy, and a later release's content never rewrites it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

CONTENT_FILE = "control.toml"
_PARTNER = "INTEGER REFERENCES partners(id) ON DELETE RESTRICT"
_PARTNER_NEEDED = "INTEGER NOT NULL REFERENCES partners(id) ON DELETE RESTRICT"

_TABLES = (
    """CREATE TABLE board_positions (
        id INTEGER PRIMARY KEY, position REAL NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
        partner_id {partner}, key_post INTEGER NOT NULL, term_years INTEGER NOT NULL, term_start TEXT)""",
    """CREATE TABLE position_rotation_turns (
        id INTEGER PRIMARY KEY, position REAL NOT NULL,
        board_position_id INTEGER NOT NULL REFERENCES board_positions(id) ON DELETE RESTRICT,
        partner_id {needed})""",
    """CREATE TABLE reserved_matters (
        id INTEGER PRIMARY KEY, position REAL NOT NULL, title TEXT NOT NULL, rule_kind TEXT NOT NULL,
        fraction_num INTEGER, fraction_den INTEGER, min_partners INTEGER, decided_by TEXT NOT NULL,
        tolerance_kind TEXT NOT NULL, tolerance_value TEXT, escalate_chief_executives INTEGER NOT NULL,
        escalate_mediation INTEGER NOT NULL)""",
    """CREATE TABLE reserved_matter_veto_holders (
        id INTEGER PRIMARY KEY,
        reserved_matter_id INTEGER NOT NULL REFERENCES reserved_matters(id) ON DELETE RESTRICT,
        partner_id {needed})""",
    """CREATE TABLE kpis (
        id INTEGER PRIMARY KEY, position REAL NOT NULL, name TEXT NOT NULL, family TEXT NOT NULL,
        unit TEXT NOT NULL, better TEXT NOT NULL, target TEXT, tolerance TEXT, actual TEXT, period TEXT NOT NULL)""",
    """CREATE TABLE monitoring_groups (
        id INTEGER PRIMARY KEY, position REAL NOT NULL, name TEXT NOT NULL, frequency TEXT NOT NULL)""",
    """CREATE TABLE monitoring_group_members (
        id INTEGER PRIMARY KEY,
        monitoring_group_id INTEGER NOT NULL REFERENCES monitoring_groups(id) ON DELETE RESTRICT,
        partner_id {needed})""",
    """CREATE TABLE monitoring_group_kpis (
        id INTEGER PRIMARY KEY,
        monitoring_group_id INTEGER NOT NULL REFERENCES monitoring_groups(id) ON DELETE RESTRICT,
        kpi_id INTEGER NOT NULL REFERENCES kpis(id) ON DELETE RESTRICT)""",
    """CREATE TABLE business_plans (
        id INTEGER PRIMARY KEY, position REAL NOT NULL, year TEXT NOT NULL, draft_date TEXT,
        partnership_board_date TEXT)""",
    """CREATE TABLE trust_board_approvals (
        id INTEGER PRIMARY KEY,
        business_plan_id INTEGER NOT NULL REFERENCES business_plans(id) ON DELETE RESTRICT,
        partner_id {needed}, approval_date TEXT)""",
)


def starting_content() -> dict[str, Any]:
    import tomllib  # only when a workspace is created or migrated

    from imagingnet_desktop.resources import resource  # here: every open imports the migrations, few seed

    with resource(CONTENT_FILE).open("rb") as handle:
        return tomllib.load(handle)


def control_tables(db: Database) -> None:
    """Create the Control tables and copy the starting positions, reserved matters, KPIs and groups in."""
    for sql in _TABLES:
        db.execute(sql.format(partner=_PARTNER, needed=_PARTNER_NEEDED))
    content = starting_content()
    for n, item in enumerate(content.get("positions", []), start=1):
        db.execute(
            "INSERT INTO board_positions (id, position, title, body, partner_id, key_post, term_years, term_start)"
            " VALUES (?, ?, ?, ?, NULL, ?, ?, NULL)",
            [n, float(n), item["title"], item["body"], int(item.get("key_post", True)), int(item["term_years"])],
        )
    for n, item in enumerate(content.get("reserved_matters", []), start=1):
        num, den = item.get("fraction", (None, None))
        db.execute(
            "INSERT INTO reserved_matters (id, position, title, rule_kind, fraction_num, fraction_den, min_partners,"
            " decided_by, tolerance_kind, tolerance_value, escalate_chief_executives, escalate_mediation)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1)",
            [n, float(n), item["title"], item["rule"], num, den, item.get("min_partners"), item["decided_by"],
             item["tolerance"], item.get("tolerance_value")],
        )
    for n, item in enumerate(content.get("kpis", []), start=1):
        db.execute(
            "INSERT INTO kpis (id, position, name, family, unit, better, target, tolerance, actual, period)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
            [n, float(n), item["name"], item["family"], item["unit"], item["better"], item.get("target"),
             item.get("tolerance"), item.get("period", "")],
        )
    link = 0
    for n, item in enumerate(content.get("monitoring_groups", []), start=1):
        db.execute("INSERT INTO monitoring_groups (id, position, name, frequency) VALUES (?, ?, ?, ?)",
                   [n, float(n), item["name"], item.get("frequency", "")])
        for kpi_id in item.get("kpis", []):
            link += 1
            db.execute("INSERT INTO monitoring_group_kpis (id, monitoring_group_id, kpi_id) VALUES (?, ?, ?)",
                       [link, n, int(kpi_id)])
    for n, item in enumerate(content.get("business_plans", []), start=1):
        db.execute("INSERT INTO business_plans (id, position, year) VALUES (?, ?, ?)", [n, float(n), item["year"]])
