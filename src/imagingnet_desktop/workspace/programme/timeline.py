"""The timeline's data: each step with its dates, whether it is past, current or to come, and its overdue items.

Imports matplotlib (through ``charts``), so only the timeline page imports it, when first shown.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from imagingnet_desktop.charts.programme_timeline import TimelineStep
from imagingnet_desktop.domain.programme.steps import STEP_ORDER, STEP_SHORT_NAMES, WORKSTREAM_ORDER
from imagingnet_desktop.workspace.programme import queries
from imagingnet_desktop.workspace.programme.collections import ITEMS

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace


def timeline_steps(workspace: Workspace, today: date) -> list[TimelineStep]:
    current = STEP_ORDER.index(queries.current_step(workspace))
    counts = queries.cell_counts(workspace)
    overdue = {step: 0 for step in STEP_ORDER}
    for item in workspace.rows(ITEMS):
        if item.is_overdue(today):
            overdue[item.step_id] += 1
    rows = {s.step_id: s for s in queries.steps(workspace)}
    out = []
    for n, step in enumerate(STEP_ORDER):
        applicable = sum(counts[(step, w)].applicable for w in WORKSTREAM_ORDER)
        agreed = sum(counts[(step, w)].agreed for w in WORKSTREAM_ORDER)
        row = rows.get(step)
        out.append(TimelineStep(
            label=STEP_SHORT_NAMES[step],
            start=row.start_date if row else None,
            end=row.end_date if row else None,
            phase="past" if n < current else "current" if n == current else "coming",
            agreed_pct=100 * agreed / applicable if applicable else None,
            overdue=overdue[step],
        ))
    return out
