"""Which area (tab) a table's rows belong to, and readable names for tables, columns and settings.

``TABLES`` names every table a workspace has with its tab and what one row is called (the collections' own
nouns). A table added later and not yet listed falls to its name's prefix (``motion_...`` -> Record), else is
shown under its own name, humanised (``kpi_targets`` -> "Kpi targets"), so it is still listed sensibly.
"""

from __future__ import annotations

NETWORK, PROGRAMME, COMMERCIAL, SHARES_VOTES, CONTROL, RECORD = (
    "Network", "Programme", "Commercial model", "Shares & votes", "Control", "Record",
)
AREA_ORDER = (NETWORK, PROGRAMME, COMMERCIAL, SHARES_VOTES, CONTROL, RECORD)

# table -> (tab, what one row of it is called). Not here: the tables a snapshot leaves out (session_lock,
# snapshots, exports, exported_clauses: see store.tables.snapshots) and tab_state, whose rows go by their key.
TABLES: dict[str, tuple[str, str]] = {
    "meta": (NETWORK, "setting"),
    "partners": (NETWORK, "partner"),
    "programme_steps": (PROGRAMME, "step"),
    "programme_checklist_items": (PROGRAMME, "checklist item"),
    "programme_targets": (PROGRAMME, "target"),
    "commercial_options": (COMMERCIAL, "option"),
    "commercial_criteria": (COMMERCIAL, "success factor"),
    "commercial_scores": (COMMERCIAL, "score"),
    "commercial_choice": (COMMERCIAL, "commercial choice"),
    "scenarios": (SHARES_VOTES, "scenario"),
    "scenario_vetoes": (SHARES_VOTES, "veto"),
    "scenario_votes": (SHARES_VOTES, "custom vote"),
    "board_positions": (CONTROL, "board position"),
    "position_rotation_turns": (CONTROL, "rotation turn"),
    "reserved_matters": (CONTROL, "reserved matter"),
    "reserved_matter_veto_holders": (CONTROL, "veto"),
    "kpis": (CONTROL, "KPI"),
    "monitoring_groups": (CONTROL, "monitoring group"),
    "monitoring_group_members": (CONTROL, "group member"),
    "monitoring_group_kpis": (CONTROL, "watched KPI"),
    "business_plans": (CONTROL, "business plan"),
    "trust_board_approvals": (CONTROL, "Trust Board approval"),
    "record_entries": (RECORD, "record entry"),
    "motions": (RECORD, "motion"),
    "motion_votes": (RECORD, "vote"),
}
# A table (or a tab_state key) whose name starts with one of these belongs to that area.
AREA_OF_PREFIX = (
    ("network", NETWORK),
    ("programme", PROGRAMME),
    ("checklist", PROGRAMME),
    ("step", PROGRAMME),
    ("commercial", COMMERCIAL),
    ("option", COMMERCIAL),
    ("criteri", COMMERCIAL),
    ("shares", SHARES_VOTES),
    ("scenario", SHARES_VOTES),
    ("control", CONTROL),
    ("board", CONTROL),
    ("seat", CONTROL),
    ("reserved", CONTROL),
    ("business_plan", CONTROL),
    ("monitoring", CONTROL),
    ("kpi", CONTROL),
    ("record", RECORD),
    ("decision", RECORD),
    ("action", RECORD),
    ("issue", RECORD),
    ("motion", RECORD),
)
NICE_COLUMNS = {"ics": "ICS", "kpi": "KPI", "mou": "MOU", "id": "number"}
PARTNER_SUFFIXES = ("_partner_id", "_partner")


def humanise(name: str) -> str:
    """``owner_partner_id`` -> "Owner"; ``due_date`` -> "Due date"; ``shares_votes.working`` -> "Shares votes working"."""
    if name in NICE_COLUMNS:
        return NICE_COLUMNS[name]
    for suffix in PARTNER_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    words = [NICE_COLUMNS.get(w, w) for w in name.replace(".", " ").replace("_", " ").split()]
    text = " ".join(words) or name
    return text[0].upper() + text[1:]


def area_of(name: str) -> str:
    """The area of a table, or of a ``tab_state`` key (by its prefix)."""
    if name in TABLES:
        return TABLES[name][0]
    lowered = name.lower()
    for prefix, area in AREA_OF_PREFIX:
        if lowered.startswith(prefix):
            return area
    return humanise(name)


def area_rank(area: str) -> tuple[int, str]:
    return (AREA_ORDER.index(area), "") if area in AREA_ORDER else (len(AREA_ORDER), area)


def row_noun(table: str) -> str:
    """What one row of a table is called: ``motion_votes`` -> "vote"; an unlisted ``record_notes`` -> "note"."""
    if table in TABLES:
        return TABLES[table][1]
    for area_word in ("network_", "programme_", "commercial_", "shares_votes_", "control_", "record_"):
        if table.startswith(area_word) and len(table) > len(area_word):
            table = table[len(area_word):]
    text = humanise(table).lower()
    if text.endswith("ies"):
        return text[:-3] + "y"
    if text.endswith("s") and not text.endswith("ss"):
        return text[:-1]
    return text
