"""The words the screens show for a stored choice, so a difference reads "Not started → Agreed", not the ids.

A column holds a choice when its collection's dataclass field is an Enum: the columns are found from the row
types of ``ROW_TABLES``, so a field added to a listed collection is named without more work (a test checks that
every collection with a choice is listed). Record entries and motions name a programme step or workstream by its
id in a text column (``TEXT_CHOICES``); the programme's current step is a tab setting (``SETTING_CHOICES``).
Each choice is named by its own area's words, never by a rule of this module: the area's table of names where it
keeps one (``NAMES``), else the enum's ``label``.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import typing
from collections.abc import Mapping
from typing import Any

from imagingnet_desktop.domain.commercial.appraisal import STATUS_WORDS, OptionStatus
from imagingnet_desktop.domain.programme.steps import STEP_SHORT_NAMES, WORKSTREAM_NAMES, StepId, WorkstreamId
from imagingnet_desktop.domain.record.entries import STEP_LABELS, WORKSTREAM_LABELS
from imagingnet_desktop.domain.rule_names import RULE_KIND_NAMES
from imagingnet_desktop.domain.voting.rules import RuleKind
from imagingnet_desktop.store.tables.rows import RowTable
from imagingnet_desktop.workspace.commercial import collections as commercial
from imagingnet_desktop.workspace.control import control_rows as control
from imagingnet_desktop.workspace.programme import collections as programme
from imagingnet_desktop.workspace.record import entries as record

# The collections whose rows hold a choice (an Enum field).
ROW_TABLES: tuple[RowTable[Any], ...] = (
    programme.STEPS.table, programme.ITEMS.table, programme.TARGETS.table,
    commercial.OPTIONS.table,
    control.POSITIONS.table, control.RESERVED_MATTERS.table, control.KPIS.table,
    record.RECORD_ENTRIES.table, record.MOTIONS.table, record.MOTION_VOTES.table,
)
# tab_state key of a setting that holds a choice -> the names of its values (the value is JSON text).
SETTING_CHOICES: Mapping[str, Mapping[str, str]] = {
    programme.CURRENT_STEP_KEY: {step.value: name for step, name in STEP_SHORT_NAMES.items()},
}
# Enums named by their area's table of names rather than by a ``label`` of their own.
NAMES: Mapping[type[enum.Enum], Mapping[Any, str]] = {
    StepId: STEP_SHORT_NAMES,
    WorkstreamId: WORKSTREAM_NAMES,
    OptionStatus: {status: words for status, (_symbol, words) in STATUS_WORDS.items()},
    RuleKind: RULE_KIND_NAMES,
}
# (table, column) of a text column holding a step or workstream id -> the names of those ids.
TEXT_CHOICES: Mapping[tuple[str, str], Mapping[str, str]] = {
    ("record_entries", "step"): STEP_LABELS,
    ("record_entries", "workstream"): WORKSTREAM_LABELS,
    ("record_entries", "moved_to_step"): STEP_LABELS,
    ("motions", "step"): STEP_LABELS,
    ("motions", "workstream"): WORKSTREAM_LABELS,
}


def setting_choice_text(key: str, value: str) -> str | None:
    """The screens' word for a setting's stored choice (``"soc"`` -> SOC); None for any other setting."""
    names = SETTING_CHOICES.get(key)
    if names is None:
        return None
    try:
        parsed = json.loads(value)
    except ValueError:
        return None
    return names.get(parsed) if isinstance(parsed, str) else None


def choice_label(member: enum.Enum) -> str:
    """What the screens call ``member``: ``ItemStatus.NOT_STARTED`` -> "Not started"."""
    names = NAMES.get(type(member))
    if names is not None and member in names:
        return names[member]
    label = getattr(member, "label", None)
    return label if isinstance(label, str) else str(member.value)


def enum_fields(row_type: type[Any]) -> dict[str, type[enum.Enum]]:
    hints = typing.get_type_hints(row_type)
    found: dict[str, type[enum.Enum]] = {}
    for field in dataclasses.fields(row_type):
        hint = hints[field.name]
        for kind in typing.get_args(hint) or (hint,):  # ``Rag | None`` -> Rag
            if isinstance(kind, type) and issubclass(kind, enum.Enum):
                found[field.name] = kind
    return found


@functools.cache
def choice_columns() -> dict[str, dict[str, type[enum.Enum]]]:
    """table -> {column: the Enum it stores}, for every listed collection with a choice."""
    return {table.name: fields for table in ROW_TABLES if (fields := enum_fields(table.row_type))}


def holds_choice(table: str, column: str) -> bool:
    return (table, column) in TEXT_CHOICES or column in choice_columns().get(table, {})


def choice_text(table: str, column: str, value: object) -> str | None:
    """The screens' word for a stored choice; None when the column holds none (or the value is not one)."""
    names = TEXT_CHOICES.get((table, column))
    if names is not None:
        return names.get(str(value))
    kind = choice_columns().get(table, {}).get(column)
    if kind is None:
        return None
    try:
        member = kind(value)
    except ValueError:
        return None  # a value a later release wrote: shown as it is stored
    return choice_label(member)
