"""What the Programme tab and the report read: the current step, counts per cell, targets, the gate.

Counts are worked out again only when the checklist changes (the rows are an immutable tuple, replaced on
every edit, so its identity says whether it changed); with 1,000 items that is well under a millisecond.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from imagingnet_desktop.domain.programme.completeness import Cell, CellCount, count_cells, target_map
from imagingnet_desktop.domain.programme.content import default_content
from imagingnet_desktop.domain.programme.gate import Gate, gate
from imagingnet_desktop.domain.programme.rows import ChecklistItem, ProgrammeStep
from imagingnet_desktop.domain.programme.steps import StepId, WorkstreamId
from imagingnet_desktop.domain.record.entries import RecordEntry
from imagingnet_desktop.workspace.programme.collections import CURRENT_STEP_KEY, ITEMS, STEPS, TARGETS
from imagingnet_desktop.workspace.record.entries import RECORD_ENTRIES

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace

_counted: tuple[tuple[ChecklistItem, ...], dict[Cell, CellCount]] | None = None
_last_move: tuple[tuple[RecordEntry, ...], RecordEntry | None] | None = None


def current_step(workspace: Workspace) -> StepId:
    raw = workspace.tab_state(CURRENT_STEP_KEY)
    try:
        return StepId(raw) if isinstance(raw, str) else StepId.MOU
    except ValueError:
        return StepId.MOU


def cell_counts(workspace: Workspace) -> dict[Cell, CellCount]:
    global _counted
    items = workspace.rows(ITEMS)
    if _counted is None or _counted[0] is not items:
        _counted = (items, count_cells(items))
    return _counted[1]


def targets(workspace: Workspace) -> dict[Cell, int]:
    return target_map(workspace.rows(TARGETS))


def items_of(workspace: Workspace, step: StepId, workstream: WorkstreamId) -> list[ChecklistItem]:
    return [i for i in workspace.rows(ITEMS) if i.step_id == step and i.workstream_id == workstream]


def steps(workspace: Workspace) -> tuple[ProgrammeStep, ...]:
    return workspace.rows(STEPS)


def step_row(workspace: Workspace, step: StepId) -> ProgrammeStep | None:
    return next((s for s in workspace.rows(STEPS) if s.step_id == step), None)


def current_gate(workspace: Workspace, today: date | None = None) -> Gate:
    return gate(current_step(workspace), cell_counts(workspace), targets(workspace), workspace.rows(ITEMS),
                today or date.today(), default_content().lessons)


def last_move(workspace: Workspace) -> RecordEntry | None:
    """The Record's latest decision moving the current step on (looked for again only when the log changed)."""
    global _last_move
    entries = workspace.rows(RECORD_ENTRIES)
    if _last_move is None or _last_move[0] is not entries:
        found = next((e for e in reversed(entries) if e.moved_to_step is not None), None)
        _last_move = (entries, found)
    return _last_move[1]
