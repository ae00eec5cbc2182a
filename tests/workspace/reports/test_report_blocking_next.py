"""The report's "Blocking the next step" lists only what blocks (cells below target, overdue items), never the
step's lessons, which advise but do not block."""

from __future__ import annotations

from datetime import date

from imagingnet_desktop.domain.programme.completeness import count_cells, target_map
from imagingnet_desktop.domain.programme.content import default_content
from imagingnet_desktop.domain.programme.gate import gate
from imagingnet_desktop.workspace.programme import queries
from imagingnet_desktop.workspace.programme.collections import ITEMS, TARGETS
from imagingnet_desktop.workspace.reports.programme_section import programme_section, programme_text


def test_blocking_next_holds_what_blocks_and_no_lesson(workspace):
    today = date(2026, 12, 1)
    items = workspace.rows(ITEMS)
    found = gate(queries.current_step(workspace), count_cells(items), target_map(workspace.rows(TARGETS)), items,
                 today, default_content().lessons)
    assert found.lessons  # the demo's first step falls short, so lessons apply: they must still stay out
    section = programme_section(workspace, today)
    assert section["blocking_next"] == [*found.cells_short, *found.overdue]
    assert not any(reason.startswith("Lesson") for reason in section["blocking_next"])
    text = "\n".join(programme_text({"programme": section}))
    assert "Blocking the next step:" in text and "Lesson" not in text
