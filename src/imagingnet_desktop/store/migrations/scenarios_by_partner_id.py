"""Format 3: scenarios name partners by id, in link tables, and the working scenario is a row too.

Format 2 kept each scenario as one JSON definition naming partners by *code* (vetoes, custom votes), and the
working scenario in ``tab_state``. Here every scenario (saved, or the working one: ``working = 1``) keeps its
settings (blend weights, vote method, rule) as before, and its partner references move to
``scenario_vetoes`` and ``scenario_votes``, each naming the partner by ``partner_id`` with a foreign key. A
code that no partner has any more (a veto left behind by a deleted partner) cannot be carried over: it names
nobody, and is dropped.

The partner columns are ``ON DELETE CASCADE``: a partner's veto and votes belong to it and go with it (the
workspace removes them itself, in the same undoable step, before the partner row is deleted).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

WORKING_KEY = "shares_votes.working"
_SETTINGS = ("weights", "vote_method", "vote_basis", "rule_kind", "qualified_percent", "min_partners")


def create_scenario_tables(db: Database) -> None:
    db.execute("""
        CREATE TABLE scenarios (
            id INTEGER PRIMARY KEY,
            position REAL NOT NULL,
            name TEXT NOT NULL,
            settings TEXT NOT NULL,
            agreed INTEGER NOT NULL DEFAULT 0,
            working INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute("""
        CREATE TABLE scenario_vetoes (
            id INTEGER PRIMARY KEY,
            scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
            partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
            UNIQUE (scenario_id, partner_id)
        )""")
    db.execute("""
        CREATE TABLE scenario_votes (
            id INTEGER PRIMARY KEY,
            scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
            partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
            votes INTEGER NOT NULL,
            UNIQUE (scenario_id, partner_id)
        )""")
    db.execute("CREATE INDEX scenario_vetoes_partner ON scenario_vetoes (partner_id)")
    db.execute("CREATE INDEX scenario_votes_partner ON scenario_votes (partner_id)")


def scenarios_by_partner_id(db: Database) -> None:
    import json  # here, not at module level: off the start-up path

    conn = db.conn
    id_of_code = {str(code).casefold(): pid for pid, code in conn.execute("SELECT id, code FROM partners")}
    old = [(r[0], r[1], r[2], json.loads(r[3]), bool(r[4]))
           for r in conn.execute("SELECT id, position, name, definition, agreed FROM scenarios ORDER BY position, id")]
    working_row = conn.execute("SELECT value FROM tab_state WHERE key = ?", (WORKING_KEY,)).fetchone()
    conn.execute("DROP TABLE scenarios")
    create_scenario_tables(db)

    scenarios: list[tuple[int, float, str, dict[str, Any], bool, bool]] = [
        (sid, float(position), str(name), definition, agreed, False)
        for sid, position, name, definition, agreed in old
    ]
    next_id = max((s[0] for s in scenarios), default=0) + 1
    unreadable: str | None = None  # a working scenario that is not a JSON object: carried as it is
    if working_row is not None:
        working = _json_object(working_row[0])
        if working is None:
            unreadable = str(working_row[0])
            working = {}
        scenarios.append((next_id, 0.0, str(working.get("name") or "Working scenario"), working, False, True))
    for sid, position, name, definition, agreed, is_working in scenarios:
        settings = {k: definition[k] for k in _SETTINGS if k in definition}
        settings_text = json.dumps(settings, ensure_ascii=False, sort_keys=True)
        if is_working and unreadable is not None:
            settings_text = unreadable  # the sliders' setting: reset with a notice when read, as before
        conn.execute(
            "INSERT INTO scenarios (id, position, name, settings, agreed, working) VALUES (?, ?, ?, ?, ?, ?)",
            (sid, position, name, settings_text, int(agreed), int(is_working)),
        )
        vetoes = definition.get("veto_codes")
        for code in vetoes if isinstance(vetoes, list) else []:
            if (pid := id_of_code.get(str(code).casefold())) is not None:
                conn.execute("INSERT OR IGNORE INTO scenario_vetoes (scenario_id, partner_id) VALUES (?, ?)",
                             (sid, pid))
        votes = definition.get("custom_votes")
        given: dict[int, int] = {}
        for code, n in (votes.items() if isinstance(votes, dict) else []):
            pid = id_of_code.get(str(code).casefold())
            if pid is not None and isinstance(n, int) and not isinstance(n, bool):
                given.setdefault(pid, n)
        if definition.get("vote_method") == "custom":  # format 2 gave a partner left out of custom votes 1 vote:
            given = {pid: given.get(pid, 1) for pid in id_of_code.values()} | given  # now every one is explicit
        conn.executemany("INSERT INTO scenario_votes (scenario_id, partner_id, votes) VALUES (?, ?, ?)",
                         [(sid, pid, n) for pid, n in given.items()])
    conn.execute("DELETE FROM tab_state WHERE key = ?", (WORKING_KEY,))


def _json_object(text: object) -> dict[str, Any] | None:
    """``text`` read as a JSON object, else None. The saved scenarios were checked before the migration ran
    (row_check); the working one is a setting, not checked, so it may be anything."""
    import json

    try:
        value = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
