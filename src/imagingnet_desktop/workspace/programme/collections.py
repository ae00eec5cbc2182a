"""The programme's collections (one table each) and the key of the current step's setting.

A move of the current step is the setting changed and a decision in the Record (``workspace.record``), together.
"""

from __future__ import annotations

from imagingnet_desktop.domain.programme.rows import ChecklistItem, ProgrammeStep, ProgrammeTarget
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

CURRENT_STEP_KEY = "programme.current_step"  # tab_state: the step id the programme is at ("mou" when unset)
