"""Which area (tab) a table's rows belong to, and readable names for tables, columns and settings.

A small registry gives the nice names; a table it does not know is shown under its own name, humanised
(``kpi_targets`` -> "Kpi targets"), so a table added later is still listed sensibly.
"""

from __future__ import annotations

NETWORK, PROGRAMME, COMMERCIAL, SHARES_VOTES, CONTROL, RECORD = (
    "Network", "Programme", "Commercial model", "Shares & votes", "Control", "Record",
)
AREA_ORDER = (NETWORK, PROGRAMME, COMMERCIAL, SHARES_VOTES, CONTROL, RECORD)

AREA_OF_TABLE = {
    "partners": NETWORK,
    "meta": NETWORK,
    "scenarios": SHARES_VOTES,
    "checklist_items": PROGRAMME,
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
    if name in AREA_OF_TABLE:
        return AREA_OF_TABLE[name]
    lowered = name.lower()
    for prefix, area in AREA_OF_PREFIX:
        if lowered.startswith(prefix):
            return area
    return humanise(name)


def area_rank(area: str) -> tuple[int, str]:
    return (AREA_ORDER.index(area), "") if area in AREA_ORDER else (len(AREA_ORDER), area)


def row_noun(table: str) -> str:
    """What one row of a table is called: ``checklist_items`` -> "checklist item"; ``record_votes`` -> "vote"."""
    for area_word in ("network_", "programme_", "commercial_", "shares_votes_", "control_", "record_"):
        if table.startswith(area_word) and len(table) > len(area_word):
            table = table[len(area_word):]
    text = humanise(table).lower()
    if text.endswith("ies"):
        return text[:-3] + "y"
    if text.endswith("s") and not text.endswith("ss"):
        return text[:-1]
    return text
