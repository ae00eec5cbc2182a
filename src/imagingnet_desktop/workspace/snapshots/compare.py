"""What changed between two copies of the workspace's tables: added, changed (was -> now, per field), removed.

Generic over tables: rows are matched by primary key, compared column by column (a row's ``position`` is left
out: renumbering is not a change anyone made), and named readably — a partner by code and name, any other row
by its title, text or name column, or else by what a row of that table is called and its number. Columns that
refer to a partner show the partner's code; a stored choice (an enum's value) shows the word the screens use
for it (choices.py). A JSON object held as text (a tab setting, a scenario definition) is compared key by key.
Every value is given as display text, so the same list serves the screen and the CLI.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from imagingnet_desktop.domain.network.partner import FIELD_BY_NAME, FieldKind
from imagingnet_desktop.store.tables.snapshots import TableRows
from imagingnet_desktop.workspace.snapshots.areas import area_of, area_rank, humanise, row_noun
from imagingnet_desktop.workspace.snapshots.choices import choice_text, holds_choice, setting_choice_text
from imagingnet_desktop.workspace.tab_settings import is_view_setting

ADDED, CHANGED, REMOVED = "added", "changed", "removed"
IGNORED_COLUMNS = frozenset({"position"})
NAME_COLUMNS = ("title", "text", "name", "label", "description", "summary")
BLANK = "(blank)"
TEXT_LIMIT = 80
SUMMARY_FIELDS = 4
YES_NO_COLUMNS = frozenset({"agreed", "revealed", "binding", "veto", "done", "applicable", "open", "active"})
_SETTINGS_TABLES = ("meta", "tab_state")  # key -> value tables: a row is one setting


@dataclass(frozen=True)
class ItemChange:
    area: str
    item: str
    kind: str  # ADDED, CHANGED or REMOVED
    field: str | None  # the field that changed (None for an added or removed item)
    was: str | None
    now: str | None

    def as_json(self) -> dict[str, str | None]:
        return {"area": self.area, "item": self.item, "kind": self.kind, "field": self.field,
                "was": self.was, "now": self.now}


def _clip(text: str, limit: int = TEXT_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Side:
    """One side of the comparison: its tables and how to show a partner id on it."""

    def __init__(self, tables: Mapping[str, TableRows], partner_columns: Mapping[str, frozenset[str]]) -> None:
        self.tables = tables
        self.partner_columns = partner_columns
        partners = tables.get("partners")
        self.codes: dict[Any, str] = {}
        if partners is not None and "code" in partners.columns:
            for row in partners.as_dicts():
                self.codes[row["id"]] = str(row["code"])


class _Comparison:
    def __init__(self, before: _Side, after: _Side) -> None:
        self.before = before
        self.after = after

    def partner(self, value: Any, side: _Side) -> str:
        if value is None:
            return BLANK
        other = self.after if side is self.before else self.before
        return side.codes.get(value) or other.codes.get(value) or f"partner {value}"

    def show(self, table: str, column: str, value: Any, side: _Side, row: Mapping[str, Any] | None = None) -> str:
        """``value`` as display text; ``row`` (the row it is in) tells which setting a ``tab_state`` value is."""
        if column in side.partner_columns.get(table, ()):
            return self.partner(value, side)
        if value is None or value == "":
            return BLANK
        choice = choice_text(table, column, value)
        if choice is not None:
            return choice
        if table == "tab_state" and column == "value" and isinstance(value, str):
            return setting_choice_text(str((row or {}).get("key", "")), value) or _json_text(value)
        if table == "partners" and column in FIELD_BY_NAME:
            return _partner_value(FIELD_BY_NAME[column].kind, value)
        if isinstance(value, float):
            return f"{value:g}"
        if value in (0, 1) and _yes_no_column(column):
            return "yes" if value else "no"
        return _clip(str(value))

    def field_label(self, table: str, column: str) -> str | None:
        if table in _SETTINGS_TABLES and column == "value":
            return None  # the item is the setting itself
        if table == "partners" and column in FIELD_BY_NAME:
            return FIELD_BY_NAME[column].label
        if column.endswith("_id") and holds_choice(table, column):
            return humanise(column.removesuffix("_id"))  # ``step_id`` holds a step: "Step", not "Step number"
        return humanise(column)

    def name(self, table: str, row: Mapping[str, Any], side: _Side) -> str:
        if table == "partners" and "code" in row:
            return f"{row['code']} – {_clip(str(row.get('name') or ''), 60)}".rstrip(" –")
        if table in _SETTINGS_TABLES and "key" in row:
            return _setting_name(str(row["key"]))
        for column in NAME_COLUMNS:
            if row.get(column):
                return _clip(str(row[column]), 60)
        noun = row_noun(table)
        number = row.get("id")
        partners = [self.partner(row[c], side) for c in sorted(side.partner_columns.get(table, ())) if row.get(c)]
        named = f"{noun} {number}" if number is not None else noun
        return f"{named} ({', '.join(partners)})" if partners else named

    def summary(self, table: str, row: Mapping[str, Any], key: tuple[str, ...], side: _Side) -> str:
        """A few of the row's fields, for an added or removed item."""
        shown = []
        for column, value in row.items():
            if column in key or column in IGNORED_COLUMNS or column in NAME_COLUMNS or column == "code":
                continue
            if value is None or value == "":
                continue
            label = self.field_label(table, column)
            as_object = _json_object(value)
            if as_object is not None:
                shown += [f"{humanise(path.replace('.', ' '))} {text}" for path, text in _flat(as_object)
                          if text != BLANK and path.rsplit(".", 1)[-1] not in row]
            else:
                text = self.show(table, column, value, side, row)
                shown.append(f"{label} {text}" if label else text)
        return _clip("; ".join(shown[:SUMMARY_FIELDS]), 120) if shown else BLANK


def _yes_no_column(column: str) -> bool:
    """A 0/1 column that means no/yes (SQLite has no boolean type, so it is told by its name)."""
    return column in YES_NO_COLUMNS or column.startswith(("is_", "has_"))


def _setting_name(key: str) -> str:
    """``shares_votes.working`` -> "Working (setting)"; a meta key -> its words (``network_name`` -> "Network name")."""
    if "." in key:
        return f"{humanise(key.split('.', 1)[1])} (setting)"
    return humanise(key)


def _partner_value(kind: FieldKind, value: Any) -> str:
    if kind is FieldKind.YES_NO:
        return "yes" if value else "no"
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return _clip(str(value))
    if kind is FieldKind.MONEY:
        return f"£{number:,}"
    if kind is FieldKind.COUNT:
        return f"{number:,}"
    if kind is FieldKind.PERCENT:
        return f"{number}%"
    return _clip(str(value))


def _json_text(value: str) -> str:
    """A JSON value (as a tab setting holds it) shown plainly: ``"SOC"`` -> SOC."""
    try:
        parsed = json.loads(value)
    except ValueError:
        return _clip(value)
    if isinstance(parsed, dict):
        return _clip("; ".join(f"{humanise(p.replace('.', ' '))} {t}" for p, t in _flat(parsed)))
    return next(_flat(parsed))[1]


def _json_object(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, str) or not value.startswith("{"):
        return None
    try:
        parsed = json.loads(value)
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) else None


def _flat(value: Any, prefix: str = "", depth: int = 0) -> Iterator[tuple[str, str]]:
    """Leaves of a JSON object as (dotted path, display text)."""
    if isinstance(value, dict) and depth < 4:
        for key in sorted(value):
            yield from _flat(value[key], f"{prefix}.{key}" if prefix else str(key), depth + 1)
        return
    if value is None or value == "" or value == [] or value == {}:
        text = BLANK
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, str):
        text = _clip(value)
    else:
        text = _clip(json.dumps(value, ensure_ascii=False))
    yield prefix, text


def _keyed(content: TableRows | None) -> dict[tuple[Any, ...], dict[str, Any]]:
    if content is None:
        return {}
    key = content.key or content.columns
    return {tuple(row[k] for k in key): row for row in content.as_dicts()}


def compare(
    before: Mapping[str, TableRows],
    after: Mapping[str, TableRows],
    before_partner_columns: Mapping[str, frozenset[str]],
    after_partner_columns: Mapping[str, frozenset[str]],
) -> list[ItemChange]:
    """Every change from ``before`` to ``after``, by area (in tab order), then table, then row order."""
    comparison = _Comparison(_Side(before, before_partner_columns), _Side(after, after_partner_columns))
    tables = [*after, *(t for t in before if t not in after)]
    found: list[tuple[tuple[int, str], int, ItemChange]] = []
    for order, table in enumerate(tables):
        for change in _table_changes(comparison, table):
            found.append((area_rank(change.area), order, change))
    return [change for _, _, change in sorted(found, key=lambda f: (f[0], f[1]))]


def _table_changes(comparison: _Comparison, table: str) -> Iterator[ItemChange]:
    before_content = comparison.before.tables.get(table)
    after_content = comparison.after.tables.get(table)
    key = (after_content or before_content).key  # type: ignore[union-attr]
    old_rows, new_rows = _keyed(before_content), _keyed(after_content)
    if table == "tab_state":  # how a screen was left (a folded pane) is no change to the network's record
        old_rows, new_rows = ({k: r for k, r in rows.items() if not is_view_setting(str(r.get("key", "")))}
                              for rows in (old_rows, new_rows))
    columns = [*(after_content.columns if after_content else ())]
    columns += [c for c in (before_content.columns if before_content else ()) if c not in columns]
    columns = [c for c in columns if c not in key and c not in IGNORED_COLUMNS]
    before, after = comparison.before, comparison.after
    for row_key, new in new_rows.items():
        old = old_rows.get(row_key)
        area = _area(table, new)
        if old is None:
            yield ItemChange(area, comparison.name(table, new, after), ADDED, None, None,
                             comparison.summary(table, new, key, after))
            continue
        item = comparison.name(table, new, after)
        for column in columns:
            was, now = old.get(column), new.get(column)
            if was == now:
                continue
            was_object, now_object = _json_object(was), _json_object(now)
            if was_object is not None and now_object is not None:  # keys that repeat a column are not shown twice
                yield from _object_changes(area, item, column, was_object, now_object, skip=frozenset(new))
                continue
            yield ItemChange(area, item, CHANGED, comparison.field_label(table, column),
                             comparison.show(table, column, was, before, old),
                             comparison.show(table, column, now, after, new))
    for row_key, old in old_rows.items():
        if row_key not in new_rows:
            yield ItemChange(_area(table, old), comparison.name(table, old, before), REMOVED, None,
                             comparison.summary(table, old, key, before), None)


def _object_changes(area: str, item: str, column: str, was: dict[str, Any], now: dict[str, Any],
                    skip: frozenset[str]) -> Iterator[ItemChange]:
    old, new = dict(_flat(was)), dict(_flat(now))
    for path in [*new, *(p for p in old if p not in new)]:
        if old.get(path) == new.get(path) or path in skip:
            continue
        label = humanise(path.replace(".", " ")) if path else humanise(column)
        if column != "value":
            label = f"{humanise(column)}: {label}"
        yield ItemChange(area, item, CHANGED, label, old.get(path, BLANK), new.get(path, BLANK))


def _area(table: str, row: Mapping[str, Any]) -> str:
    """A tab setting belongs to the area its key starts with; any other row to its table's area."""
    if table == "tab_state" and "key" in row:
        return area_of(str(row["key"]))
    return area_of(table)
