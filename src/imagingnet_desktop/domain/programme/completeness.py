"""How complete each step × workstream is, against the level the step is meant to reach.

Completeness of a cell is the share of its *applicable* items that are agreed: items marked not applicable
are left out of both sides. A cell with no applicable items has no completeness (None), never 100 %: an empty
checklist shows nothing has been done, not that everything has.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from imagingnet_desktop.domain.programme.rows import ChecklistItem, ProgrammeTarget
from imagingnet_desktop.domain.programme.steps import (
    STEP_ORDER,
    WORKSTREAM_ORDER,
    ItemStatus,
    StepId,
    WorkstreamId,
)

Cell = tuple[StepId, WorkstreamId]
ALL_CELLS: tuple[Cell, ...] = tuple((s, w) for s in STEP_ORDER for w in WORKSTREAM_ORDER)


class CellState(StrEnum):
    MET = "met"  # at or above the target
    BELOW = "below"  # short of the target, but at least half way there
    FAR_BELOW = "far_below"  # less than half the target
    NO_ITEMS = "no_items"  # no applicable items while the target asks for some agreed
    NOT_NEEDED = "not_needed"  # target 0 and nothing applicable


@dataclass(frozen=True)
class CellCount:
    items: int = 0
    applicable: int = 0
    agreed: int = 0

    @property
    def completeness(self) -> float | None:
        """Agreed / applicable, or None when nothing is applicable."""
        return self.agreed / self.applicable if self.applicable else None


def count_cells(items: Iterable[ChecklistItem]) -> dict[Cell, CellCount]:
    """Counts for every one of the 24 cells (an empty cell counts zero)."""
    tally = {cell: [0, 0, 0] for cell in ALL_CELLS}
    for item in items:
        counts = tally[(item.step_id, item.workstream_id)]
        counts[0] += 1
        if item.status is not ItemStatus.NOT_APPLICABLE:
            counts[1] += 1
            if item.status is ItemStatus.AGREED:
                counts[2] += 1
    return {cell: CellCount(*counts) for cell, counts in tally.items()}


def target_map(targets: Iterable[ProgrammeTarget]) -> dict[Cell, int]:
    """Target percent per cell; a cell without a row has target 0."""
    found = {cell: 0 for cell in ALL_CELLS}
    for target in targets:
        found[(target.step_id, target.workstream_id)] = target.target_pct
    return found


def cell_state(count: CellCount, target_pct: int) -> CellState:
    completeness = count.completeness
    if completeness is None:
        return CellState.NOT_NEEDED if target_pct == 0 else CellState.NO_ITEMS
    # Compare in whole items to avoid float edges: agreed / applicable >= target / 100.
    if count.agreed * 100 >= target_pct * count.applicable:
        return CellState.MET
    if count.agreed * 200 >= target_pct * count.applicable:
        return CellState.BELOW
    return CellState.FAR_BELOW


def short_of_target(counts: Mapping[Cell, CellCount], targets: Mapping[Cell, int], step: StepId) -> list[Cell]:
    """The cells of ``step`` that have not reached their target (including empty cells with a target)."""
    return [
        (step, w) for w in WORKSTREAM_ORDER
        if cell_state(counts[(step, w)], targets[(step, w)]) in (CellState.BELOW, CellState.FAR_BELOW,
                                                                 CellState.NO_ITEMS)
    ]


def items_needed(count: CellCount, target_pct: int) -> int:
    """How many more agreed items would bring the cell to its target (0 when met or when it has no items)."""
    needed = -(-target_pct * count.applicable // 100)  # ceiling
    return max(0, needed - count.agreed)
