"""Completeness per step × workstream: agreed / applicable, not-applicable left out, an empty cell never 100%."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.programme.completeness import (
    ALL_CELLS,
    CellCount,
    CellState,
    cell_state,
    count_cells,
    items_needed,
    short_of_target,
    target_map,
)
from imagingnet_desktop.domain.programme.content import default_content
from imagingnet_desktop.domain.programme.gate import gate
from imagingnet_desktop.domain.programme.rows import ChecklistItem, target_pct
from imagingnet_desktop.domain.programme.steps import (
    STEP_ORDER,
    WORKSTREAM_ORDER,
    ItemStatus,
    StepId,
    WorkstreamId,
    parse_status,
)
from imagingnet_desktop.domain.typed_dates import parse_date

items_strategy = st.lists(
    st.builds(
        lambda n, step, stream, status: ChecklistItem(n, step, stream, f"item {n}", status),
        st.integers(1, 10_000), st.sampled_from(STEP_ORDER), st.sampled_from(WORKSTREAM_ORDER),
        st.sampled_from(list(ItemStatus)),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(items_strategy)
def test_each_cell_counts_agreed_over_applicable_leaving_not_applicable_out(items):
    counts = count_cells(items)
    assert set(counts) == set(ALL_CELLS)
    assert sum(c.items for c in counts.values()) == len(items)
    for cell, count in counts.items():
        mine = [i for i in items if (i.step_id, i.workstream_id) == cell]
        applicable = [i for i in mine if i.status is not ItemStatus.NOT_APPLICABLE]
        agreed = [i for i in mine if i.status is ItemStatus.AGREED]
        assert (count.items, count.applicable, count.agreed) == (len(mine), len(applicable), len(agreed))
        if applicable:
            assert count.completeness == pytest.approx(len(agreed) / len(applicable))
            assert 0 <= count.completeness <= 1
        else:
            assert count.completeness is None  # an empty cell is "no items", never 100%


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 30), st.integers(0, 30), st.integers(0, 100))
def test_the_state_and_items_needed_agree_with_the_target(applicable, agreed, target):
    agreed = min(agreed, applicable)
    count = CellCount(applicable, applicable, agreed)
    state = cell_state(count, target)
    if applicable == 0:
        assert state is (CellState.NOT_NEEDED if target == 0 else CellState.NO_ITEMS)
        return
    met = agreed / applicable >= target / 100 - 1e-12
    assert (state is CellState.MET) == met
    needed = items_needed(count, target)
    assert (needed == 0) == met
    # agreeing exactly the items needed reaches the target, one fewer does not
    assert cell_state(CellCount(applicable, applicable, agreed + needed), target) is CellState.MET
    if needed:
        assert cell_state(CellCount(applicable, applicable, agreed + needed - 1), target) is not CellState.MET


def test_marking_an_item_not_applicable_raises_completeness_and_an_all_na_cell_is_no_items():
    cell = (StepId.SOC, WorkstreamId.FINANCE)
    items = [ChecklistItem(1, *cell, "a", ItemStatus.AGREED), ChecklistItem(2, *cell, "b")]
    assert count_cells(items)[cell].completeness == 0.5
    items[1] = ChecklistItem(2, *cell, "b", ItemStatus.NOT_APPLICABLE)
    assert count_cells(items)[cell].completeness == 1.0
    all_na = [ChecklistItem(1, *cell, "a", ItemStatus.NOT_APPLICABLE)]
    assert count_cells(all_na)[cell].completeness is None
    assert cell_state(count_cells(all_na)[cell], 30) is CellState.NO_ITEMS
    assert short_of_target(count_cells(all_na), {c: 30 for c in ALL_CELLS}, StepId.SOC)[2] == cell


def test_the_gate_lists_cells_below_target_overdue_items_and_the_lessons_that_apply():
    content = default_content()
    today = date(2027, 3, 1)
    items = [
        ChecklistItem(1, StepId.MOU, WorkstreamId.COMMERCIAL, "Voting principles", ItemStatus.IN_DISCUSSION),
        ChecklistItem(2, StepId.MOU, WorkstreamId.STRATEGIC, "Objectives", ItemStatus.AGREED,
                      due=today - timedelta(days=3)),
        ChecklistItem(3, StepId.MOU, WorkstreamId.FINANCE, "Open books", ItemStatus.NOT_STARTED,
                      due=today - timedelta(days=1)),
    ]
    targets = {cell: 0 for cell in ALL_CELLS} | {(StepId.MOU, WorkstreamId.COMMERCIAL): 80}
    found = gate(StepId.MOU, count_cells(items), targets, items, today, content.lessons)
    assert not found.ready and found.question == "Ready to move to SOC?"
    assert found.cells_short == ("MOU Commercial: 0 of 1 agreed (0%), target 80% — 1 more to agree",)
    assert found.overdue == ("MOU Finance: “Open books” was due 28/02/2027",)  # agreed items are never overdue
    assert [lesson.title for lesson in found.lessons] == ["A network is not a takeover"]
    assert found.blocking()[-1].startswith("Lesson: A network is not a takeover")
    agreed = [ChecklistItem(1, StepId.MOU, WorkstreamId.COMMERCIAL, "Voting principles", ItemStatus.AGREED)]
    ready = gate(StepId.MOU, count_cells(agreed), targets, agreed, today, content.lessons)
    assert ready.ready and ready.blocking() == []
    last = gate(StepId.MONITORING, count_cells(items), targets, items, today, content.lessons)
    assert last.next is None and not last.ready and last.blocking() == []


def test_the_shipped_content_has_every_step_and_workstream_and_front_loads_commercial():
    content = default_content()
    assert [s.step_id for s in content.steps] == list(STEP_ORDER)
    for step in content.steps:
        assert set(step.asks) == set(WORKSTREAM_ORDER) and all(step.asks.values())
        assert step.lessons, f"{step.step_id} has no lessons"
        assert {w for w, _ in step.checklist} == set(WORKSTREAM_ORDER), f"{step.step_id} misses a workstream"
    mou, soc, obc, fbc = (content.step(s).targets for s in STEP_ORDER[:4])
    for early in (mou, soc):
        assert early[WorkstreamId.COMMERCIAL] > early[WorkstreamId.FINANCE]
        assert early[WorkstreamId.STRATEGIC] > early[WorkstreamId.OPERATIONS]
    assert obc[WorkstreamId.COMMERCIAL] >= obc[WorkstreamId.OPERATIONS] > obc[WorkstreamId.FINANCE]
    assert fbc[WorkstreamId.FINANCE] == fbc[WorkstreamId.OPERATIONS] == 100
    texts = " ".join(t for s in content.steps for _, t in s.checklist).lower()
    for must in ("equality", "tupe", "hosting", "termination", "reserved matters", "stranded costs",
                 "partnership agreement", "knowledge"):
        assert must in texts


def test_typed_values_are_checked_with_a_message_for_the_keyboard():
    assert parse_date("The date", "31/03/2027") == date(2027, 3, 31) == parse_date("The date", "2027-03-31")
    assert parse_date("The date", "  ") is None
    with pytest.raises(FieldError, match="such as 31/03/2027"):
        parse_date("The date", "31/02/2027")
    assert target_pct("80%") == 80
    for bad in ("-1", "101", "nan", "lots"):
        with pytest.raises(FieldError):
            target_pct(bad)
    assert parse_status("agreed") is ItemStatus.AGREED and parse_status("n/a") is ItemStatus.NOT_APPLICABLE
    assert ItemStatus.NOT_APPLICABLE.cycled() is ItemStatus.NOT_STARTED
    assert target_map([]) == {cell: 0 for cell in ALL_CELLS}
