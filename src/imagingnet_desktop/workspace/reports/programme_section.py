"""The report's programme section: the current step, completeness per step × workstream, what blocks the next.

Shape (at the top level of the report, and inside ``"network"``)::

    "programme": {"current_step": "mou"|"soc"|"obc"|"fbc"|"implementation"|"monitoring",
                  "steps": [{"id", "name", "start": "YYYY-MM-DD"|null, "end": "YYYY-MM-DD"|null,
                             "workstreams": [{"id": "strategic"|"operations"|"finance"|"commercial",
                                              "items": int, "agreed": int, "applicable": int,
                                              "completeness": float, "target": float}]}],
                  "blocking_next": [str]}

``completeness`` is agreed / applicable as a fraction 0..1 (4 dp); a cell with no applicable items has
``applicable`` 0 and ``completeness`` 0.0 — never 1.0. ``target`` is the cell's target as a fraction 0..1.
``blocking_next`` lists, in words, what stands between the current step and the next: the cells below their
target, then the overdue items (empty when ready, and at the last step). The step's lessons are advice, not
blockers, so they are not listed there. A source without programme tables (a bare network) reports the starting state: MOU, no items.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from imagingnet_desktop.domain.programme.completeness import CellCount, count_cells, target_map
from imagingnet_desktop.domain.programme.content import default_content
from imagingnet_desktop.domain.programme.gate import gate
from imagingnet_desktop.domain.programme.steps import STEP_ORDER, WORKSTREAM_ORDER, StepId
from imagingnet_desktop.workspace.programme import queries
from imagingnet_desktop.workspace.programme.collections import ITEMS, STEPS, TARGETS

JsonValue = Any


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def programme_section(source: object, today: date | None = None) -> dict[str, JsonValue]:
    if hasattr(source, "rows"):
        items = source.rows(ITEMS)
        step_rows = {s.step_id: s for s in source.rows(STEPS)}
        targets = target_map(source.rows(TARGETS))
        current = queries.current_step(source)  # type: ignore[arg-type]
    else:
        items, step_rows, targets, current = (), {}, target_map(()), StepId.MOU
    counts = count_cells(items)
    content = default_content()
    steps = []
    for step in STEP_ORDER:
        row = step_rows.get(step)
        steps.append({
            "id": step.value,
            "name": row.name if row is not None else content.step(step).name,
            "start": _iso(row.start_date) if row is not None else None,
            "end": _iso(row.end_date) if row is not None else None,
            "workstreams": [_cell(w.value, counts[(step, w)], targets[(step, w)]) for w in WORKSTREAM_ORDER],
        })
    found = gate(current, counts, targets, items, today or date.today(), content.lessons)
    # only what blocks: cells below target and overdue items (the step's lessons advise, they do not block)
    blocking = [*found.cells_short, *found.overdue] if found.next is not None else []
    return {"current_step": current.value, "steps": steps, "blocking_next": blocking}


def _cell(workstream: str, count: CellCount, target_pct: int) -> dict[str, JsonValue]:
    return {
        "id": workstream,
        "items": count.items,
        "agreed": count.agreed,
        "applicable": count.applicable,
        "completeness": round(count.completeness or 0.0, 4),
        "target": target_pct / 100,
    }


def programme_text(report: dict[str, JsonValue]) -> list[str]:
    programme = report["programme"]
    names = {s["id"]: s["name"] for s in programme["steps"]}
    lines = [f"Programme (current step: {names[programme['current_step']]})"]
    for step in programme["steps"]:
        cells = []
        for cell in step["workstreams"]:
            done = f"{cell['completeness'] * 100:.0f}%" if cell["applicable"] else "no items"
            cells.append(f"{cell['id']} {done}/{cell['target'] * 100:.0f}%")
        lines.append(f"  {step['name']:<28} {step['start'] or '-'} to {step['end'] or '-'}  " + ", ".join(cells))
    if programme["blocking_next"]:
        lines.append("  Blocking the next step:")
        lines += [f"    - {reason}" for reason in programme["blocking_next"]]
    return lines


SECTIONS: list[tuple[str, Callable[[Any], JsonValue]]] = [("programme", programme_section)]
TEXT_SECTIONS: list[tuple[str, Callable[[dict[str, JsonValue]], list[str]]]] = [("programme", programme_text)]
