"""The record log's edits: add an entry (one line, Enter), change it, delete it; each one undoable command.

A decision that records a motion's revealed result is fixed: it is corrected by a new motion, not edited. So is
the decision that moved the programme's step on: undoing the move (Ctrl+Z) takes it away with the move.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING, Any

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.record.entries import (
    STATUSES_OF,
    EntryKind,
    EntryStatus,
    RecordEntry,
    default_status,
    validate_entry,
)
from imagingnet_desktop.domain.record.motions import Motion, MotionVote
from imagingnet_desktop.store.tables.rows import RowTable
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import Collection, delete_row, insert_row, update_row

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace

RECORD_ENTRIES: Collection[RecordEntry] = Collection(RowTable("record_entries", RecordEntry), Change.RECORD,
                                                     "record entry")
MOTIONS: Collection[Motion] = Collection(RowTable("motions", Motion), Change.RECORD, "motion")
MOTION_VOTES: Collection[MotionVote] = Collection(RowTable("motion_votes", MotionVote, ordered=False),
                                                  Change.RECORD, "vote")

FIXED_DECISION = "This decision records a motion's revealed result; record a correction of the motion instead."
FIXED_MOVE = ("This decision records the move of the programme's step and stays as it was; undo the move (Ctrl+Z) "
              "or add a new decision instead.")


def refuse_fixed(entry: RecordEntry) -> None:
    """Raise ``FieldError`` when ``entry`` is a decision the app made and nobody edits."""
    if entry.motion_id is not None:
        raise FieldError(FIXED_DECISION)
    if entry.moved_to_step is not None:
        raise FieldError(FIXED_MOVE)


def _partner_ids(workspace: Workspace) -> set[int]:
    return {p.id for p in workspace.network.partners}


def add_entry(workspace: Workspace, kind: EntryKind, text: str, *, today: date | None = None,
              **fields: Any) -> RecordEntry:
    """Add one entry at the end of the log; its date is today unless given. Raises ``FieldError``."""
    fields.setdefault("entry_date", today or date.today())
    fields.setdefault("status", default_status(kind))
    entry = validate_entry(RecordEntry(0, kind, text, **fields), _partner_ids(workspace))
    return insert_row(workspace, RECORD_ENTRIES, entry, label=f"add {kind.label.lower()}")


def edit_entry(workspace: Workspace, entry_id: int, **changes: Any) -> Change:
    """Change fields of one entry (text, status, owner, due...). Raises ``FieldError``."""
    old = workspace.row(RECORD_ENTRIES, entry_id)
    refuse_fixed(old)
    if "kind" in changes and "status" not in changes and old.status not in STATUSES_OF[changes["kind"]]:
        changes["status"] = default_status(changes["kind"])
    new = validate_entry(dataclasses.replace(old, **changes), _partner_ids(workspace))
    fields = {f.name: getattr(new, f.name) for f in dataclasses.fields(new)[1:]}
    return update_row(workspace, RECORD_ENTRIES, entry_id, label=f"edit {old.kind.label.lower()}", **fields)


def delete_entry(workspace: Workspace, entry_id: int) -> Change:
    old = workspace.row(RECORD_ENTRIES, entry_id)
    refuse_fixed(old)
    return delete_row(workspace, RECORD_ENTRIES, entry_id, label=f"delete {old.kind.label.lower()}")


def counts(workspace: Workspace, today: date) -> tuple[int, int, int]:
    """(decisions, open actions, overdue actions)."""
    decisions = open_actions = overdue = 0
    for entry in workspace.rows(RECORD_ENTRIES):
        if entry.kind is EntryKind.DECISION:
            decisions += 1
        elif entry.kind is EntryKind.ACTION and entry.status is EntryStatus.OPEN:
            open_actions += 1
            overdue += entry.is_overdue(today)
    return decisions, open_actions, overdue
