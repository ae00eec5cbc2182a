"""The edits the Programme tab makes: each validated first, then one undoable command saved at once."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.programme import rows as checks
from imagingnet_desktop.domain.programme.rows import ChecklistItem
from imagingnet_desktop.domain.programme.steps import STEP_SHORT_NAMES, ItemStatus, StepId, WorkstreamId
from imagingnet_desktop.domain.record.entries import MAX_TEXT_LENGTH, EntryKind, EntryStatus, RecordEntry
from imagingnet_desktop.domain.typed_dates import parse_date
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import InsertRow, delete_row, insert_row, move_row, update_row
from imagingnet_desktop.workspace.commands import Batch, Command
from imagingnet_desktop.workspace.programme.collections import (
    CURRENT_STEP_KEY,
    ITEMS,
    STEPS,
    TARGETS,
)
from imagingnet_desktop.workspace.programme.queries import current_gate, current_step
from imagingnet_desktop.workspace.record.entries import RECORD_ENTRIES
from imagingnet_desktop.workspace.tab_settings import SetTabState

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------- checklist items


def add_item(workspace: Workspace, step: StepId, workstream: WorkstreamId, text: str,
             after_id: int | None = None) -> ChecklistItem:
    """A new item in this cell, just after ``after_id`` (else after the cell's last item)."""
    clean = checks.item_text(text)
    rows = workspace.rows(ITEMS)
    index: int | None = None
    anchor = after_id
    if anchor is None:
        in_cell = [i for i in rows if i.step_id == step and i.workstream_id == workstream]
        anchor = in_cell[-1].id if in_cell else None
    if anchor is not None:
        index = workspace.loaded(ITEMS).index_of(anchor) + 1
    return insert_row(workspace, ITEMS, ChecklistItem(0, step, workstream, clean), index,
                      label=f"add “{_short(clean)}”")


def set_text(workspace: Workspace, item_id: int, raw: str) -> Change:
    text = checks.item_text(raw)
    return update_row(workspace, ITEMS, item_id, f"edit “{_short(text)}”", text=text)


def set_status(workspace: Workspace, item_ids: list[int], status: ItemStatus) -> Change:
    """Give these items one status, as one edit."""
    items = [workspace.row(ITEMS, i) for i in item_ids]
    changing = [i for i in items if i.status is not status]
    if not changing:
        return Change.NONE
    if len(changing) == 1:
        return update_row(workspace, ITEMS, changing[0].id,
                          f"mark “{_short(changing[0].text)}” {status.label.lower()}", status=status)
    from imagingnet_desktop.workspace.collections import UpdateRow

    commands: list[Command] = [UpdateRow(ITEMS, _replace(i, status=status)) for i in changing]
    return workspace.execute(Batch(f"mark {len(changing)} items {status.label.lower()}", commands))


def cycle_status(workspace: Workspace, item_ids: list[int]) -> Change:
    """Space: each item to the next status (all of them follow the first one's next status)."""
    if not item_ids:
        return Change.NONE
    first = workspace.row(ITEMS, item_ids[0])
    return set_status(workspace, item_ids, first.status.cycled())


def set_owner(workspace: Workspace, item_id: int, partner_id: int | None) -> Change:
    if partner_id is not None and partner_id not in {p.id for p in workspace.network.partners}:
        raise FieldError("Choose one of the network's partners as the owner")
    return update_row(workspace, ITEMS, item_id, "change the owner", owner_partner_id=partner_id)


def set_due(workspace: Workspace, item_id: int, raw: str | date | None) -> Change:
    due = parse_date("The due date", raw)
    return update_row(workspace, ITEMS, item_id, "change the due date", due=due)


def set_note(workspace: Workspace, item_id: int, raw: str) -> Change:
    return update_row(workspace, ITEMS, item_id, "edit the note", note=checks.note_text(raw))


def set_evidence(workspace: Workspace, item_id: int, raw: str) -> Change:
    return update_row(workspace, ITEMS, item_id, "edit the evidence", evidence=checks.evidence_text(raw))


def remove_items(workspace: Workspace, item_ids: list[int]) -> Change:
    if not item_ids:
        return Change.NONE
    if len(item_ids) == 1:
        item = workspace.row(ITEMS, item_ids[0])
        return delete_row(workspace, ITEMS, item.id, f"remove “{_short(item.text)}”")
    from imagingnet_desktop.workspace.collections import DeleteRow

    return workspace.execute(Batch(f"remove {len(item_ids)} items", [DeleteRow(ITEMS, i) for i in item_ids]))


def move_item(workspace: Workspace, item_id: int, step: int) -> Change:
    """Move an item up (-1) or down (+1) among the items of its own cell."""
    item = workspace.row(ITEMS, item_id)
    rows = workspace.rows(ITEMS)
    cell = [i.id for i in rows if i.step_id == item.step_id and i.workstream_id == item.workstream_id]
    at = cell.index(item_id)
    if not 0 <= at + step < len(cell):
        return Change.NONE
    target = workspace.loaded(ITEMS).index_of(cell[at + step])
    return move_row(workspace, ITEMS, item_id, target, f"move “{_short(item.text)}”")


# ---------------------------------------------------------------------------- targets and steps


def set_target(workspace: Workspace, step: StepId, workstream: WorkstreamId, raw: object) -> Change:
    pct = checks.target_pct(raw)
    found = next(t for t in workspace.rows(TARGETS) if t.step_id == step and t.workstream_id == workstream)
    return update_row(workspace, TARGETS, found.id, f"set the {STEP_SHORT_NAMES[step]} target to {pct}%",
                      target_pct=pct)


def set_step_dates(workspace: Workspace, step: StepId, start: str | date | None, end: str | date | None) -> Change:
    row = next(s for s in workspace.rows(STEPS) if s.step_id == step)
    start_date = parse_date("The start date", start)
    end_date = parse_date("The end date", end)
    checks.check_dates(start_date, end_date)
    return update_row(workspace, STEPS, row.id, f"change the {STEP_SHORT_NAMES[step]} dates",
                      start_date=start_date, end_date=end_date)


def move_to_next_step(workspace: Workspace, *, today: date | None = None) -> RecordEntry:
    """Move the current step on: the setting and a decision in the Record saying what was still open, as one
    undoable edit (Ctrl+Z takes both away). The decision is the Strategic workstream's, under the step moved from."""
    gate = current_gate(workspace, today)
    if gate.next is None:
        raise FieldError(f"{STEP_SHORT_NAMES[gate.current]} is the last step; there is no step to move to")
    decision = RecordEntry(workspace.new_row_id(RECORD_ENTRIES), EntryKind.DECISION, gate.move_text(MAX_TEXT_LENGTH),
                           today or date.today(), gate.current.value, WorkstreamId.STRATEGIC.value,
                           status=EntryStatus.RECORDED, moved_to_step=gate.next.value)
    label = f"move to {STEP_SHORT_NAMES[gate.next]}"
    workspace.execute(Batch(label, [SetTabState(CURRENT_STEP_KEY, gate.next.value, label),
                                    InsertRow(RECORD_ENTRIES, decision, None, label)]))
    return decision


def _replace(item: ChecklistItem, **changes: object) -> ChecklistItem:
    import dataclasses

    return dataclasses.replace(item, **changes)  # type: ignore[arg-type]


__all__ = ["add_item", "current_step", "cycle_status", "move_item", "move_to_next_step", "remove_items",
           "set_due", "set_evidence", "set_note", "set_owner", "set_status", "set_target", "set_step_dates",
           "set_text"]
