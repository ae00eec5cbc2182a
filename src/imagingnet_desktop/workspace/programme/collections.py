"""The programme's collections (one table each) and the key of the current step's setting."""

from __future__ import annotations

from imagingnet_desktop.domain.programme.rows import ChecklistItem, ProgrammeStep, ProgrammeTarget, StepChange
from imagingnet_desktop.store.tables.rows import RowTable
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import Collection

STEPS: Collection[ProgrammeStep] = Collection(RowTable("programme_steps", ProgrammeStep), Change.PROGRAMME, "step")
ITEMS: Collection[ChecklistItem] = Collection(
    RowTable("programme_checklist_items", ChecklistItem), Change.PROGRAMME, "checklist item"
)
TARGETS: Collection[ProgrammeTarget] = Collection(
    RowTable("programme_targets", ProgrammeTarget, ordered=False), Change.PROGRAMME, "target"
)
STEP_CHANGES: Collection[StepChange] = Collection(
    RowTable("programme_step_changes", StepChange), Change.PROGRAMME, "step change"
)

CURRENT_STEP_KEY = "programme.current_step"  # tab_state: the step id the programme is at ("mou" when unset)
