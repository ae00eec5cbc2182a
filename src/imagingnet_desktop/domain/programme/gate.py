"""The gate between two steps: is the programme ready to move on, and if not, exactly what blocks it.

Blocking are: each cell of the current step below its target (or empty while its target asks for agreed
items), each item of the current or an earlier step that is overdue, and, with them, the lessons of the step
that speak to the workstreams falling short.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from imagingnet_desktop.domain.programme.completeness import (
    Cell,
    CellCount,
    items_needed,
    short_of_target,
)
from imagingnet_desktop.domain.programme.content import Lesson
from imagingnet_desktop.domain.programme.rows import ChecklistItem
from imagingnet_desktop.domain.programme.steps import (
    STEP_ORDER,
    STEP_SHORT_NAMES,
    WORKSTREAM_NAMES,
    StepId,
    next_step,
)


@dataclass(frozen=True)
class Gate:
    current: StepId
    next: StepId | None  # None: the last step, nothing to move to
    cells_short: tuple[str, ...]  # "Commercial: 2 of 6 agreed (33%), target 80% — 3 more to agree"
    overdue: tuple[str, ...]  # "MOU Finance: 'Share CIP plans' was due 01/03/2027"
    lessons: tuple[Lesson, ...]  # the lessons that apply to what falls short

    @property
    def ready(self) -> bool:
        return self.next is not None and not self.cells_short and not self.overdue

    @property
    def question(self) -> str:
        if self.next is None:
            return f"{STEP_SHORT_NAMES[self.current]} is the last step: the network is run and improved from here."
        return f"Ready to move to {STEP_SHORT_NAMES[self.next]}?"

    def blocking(self) -> list[str]:
        """Every reason in words, lessons last ("Lesson: ..."): what ``report --json`` lists as blocking_next."""
        if self.next is None:
            return []
        reasons = [*self.cells_short, *self.overdue]
        if reasons:
            reasons += [f"Lesson: {lesson.title} — {lesson.text}" for lesson in self.lessons]
        return reasons

    def move_text(self, limit: int) -> str:
        """The decision moving on, in one line of at most ``limit`` characters, e.g. "Moved from MOU to SOC;
        still open: Commercial: 2 of 6 agreed (33%), target 80% — 3 more to agree; ..." (lessons left out)."""
        if self.next is None:
            raise ValueError("The last step has no next step to move to.")
        head = f"Moved from {STEP_SHORT_NAMES[self.current]} to {STEP_SHORT_NAMES[self.next]}"
        reasons = [" ".join(r.split()) for r in (*self.cells_short, *self.overdue)]
        if not reasons:
            return f"{head}; every workstream had reached its target and nothing was overdue."
        text = f"{head}; still open: " + "; ".join(reasons) + "."
        kept = len(reasons)
        while len(text) > limit and kept > 1:
            kept -= 1
            text = f"{head}; still open: " + "; ".join(reasons[:kept]) + f"; and {len(reasons) - kept} more."
        return text if len(text) <= limit else text[: limit - 1] + "…"


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def describe_cell(cell: Cell, count: CellCount, target_pct: int) -> str:
    name = f"{STEP_SHORT_NAMES[cell[0]]} {WORKSTREAM_NAMES[cell[1]]}"
    if count.completeness is None:
        what = "no items" if count.items == 0 else "every item is marked not applicable"
        return f"{name}: {what}, target {target_pct}% — add the items this step needs"
    more = items_needed(count, target_pct)
    return (f"{name}: {count.agreed} of {count.applicable} agreed ({_percent(count.completeness)}), "
            f"target {target_pct}% — {more} more to agree")


def gate(current: StepId, counts: Mapping[Cell, CellCount], targets: Mapping[Cell, int],
         items: Iterable[ChecklistItem], today: date, lessons: Sequence[Lesson]) -> Gate:
    upcoming = next_step(current)
    short = short_of_target(counts, targets, current) if upcoming is not None else []
    reached = set(STEP_ORDER[: STEP_ORDER.index(current) + 1])
    overdue = [
        f"{STEP_SHORT_NAMES[i.step_id]} {WORKSTREAM_NAMES[i.workstream_id]}: “{_clip(i.text)}” was due "
        f"{i.due:%d/%m/%Y}"
        for i in items if i.step_id in reached and i.due is not None and i.is_overdue(today)
    ] if upcoming is not None else []
    short_streams = {cell[1] for cell in short}
    applying = tuple(
        lesson for lesson in lessons
        if lesson.step_id == current and (short or overdue)
        and (not lesson.workstreams or short_streams & set(lesson.workstreams) or (overdue and not short))
    )
    return Gate(
        current=current,
        next=upcoming,
        cells_short=tuple(describe_cell(cell, counts[cell], targets[cell]) for cell in short),
        overdue=tuple(overdue),
        lessons=applying,
    )


def _clip(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
