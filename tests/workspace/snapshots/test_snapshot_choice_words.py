"""What changed since a snapshot names every stored choice by the word its tab shows ("Not started", "Short
list", "Qualified majority"), never by the value the file keeps (``not_started``, ``short_list``, ``qualified``)."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date
from decimal import Decimal

import imagingnet_desktop.workspace as workspace_package
from imagingnet_desktop.domain.commercial.appraisal import OptionStatus
from imagingnet_desktop.domain.control.monitoring import KpiFamily
from imagingnet_desktop.domain.control.positions import Body
from imagingnet_desktop.domain.control.reserved_matters import ToleranceKind
from imagingnet_desktop.domain.programme.rows import ChecklistItem
from imagingnet_desktop.domain.programme.steps import ItemStatus, StepId, WorkstreamId
from imagingnet_desktop.domain.record.entries import EntryKind
from imagingnet_desktop.domain.record.motions import Abstentions
from imagingnet_desktop.domain.voting.rules import RuleKind
from imagingnet_desktop.store.tables.rows import RowTable
from imagingnet_desktop.workspace.collections import Collection, insert_row, update_row
from imagingnet_desktop.workspace.commercial.collections import OPTIONS
from imagingnet_desktop.workspace.control.control_rows import KPIS, POSITIONS, RESERVED_MATTERS
from imagingnet_desktop.workspace.programme.collections import CURRENT_STEP_KEY, ITEMS
from imagingnet_desktop.workspace.record.entries import MOTIONS, add_entry
from imagingnet_desktop.workspace.record.motions import new_motion
from imagingnet_desktop.workspace.snapshots import choices
from imagingnet_desktop.workspace.snapshots.snapshots import changes_since, render_text, take_snapshot
from imagingnet_desktop.workspace.tab_settings import set_tab_state

NOT_SNAPSHOTTED = {"exports", "exported_clauses"}  # the exports' log is kept beside the content


def stored_values() -> set[str]:
    """Every value a choice column can hold whose word on screen is different."""
    values = set()
    for fields in choices.choice_columns().values():
        for kind in fields.values():
            values |= {str(m.value) for m in kind if choices.choice_label(m) != str(m.value)}
    return values


def test_changed_and_added_choices_read_as_their_tabs_show_them(workspace):
    ws = workspace
    item = insert_row(ws, ITEMS, ChecklistItem(0, StepId.MOU, WorkstreamId.FINANCE, "Agree the budget"))
    option = ws.rows(OPTIONS)[0]
    matter = ws.rows(RESERVED_MATTERS)[0]
    kpi = ws.rows(KPIS)[0]
    seat = ws.rows(POSITIONS)[0]
    motion = new_motion(ws, "Adopt the MOU")
    set_tab_state(ws, CURRENT_STEP_KEY, "mou", "set the step")
    snapshot = take_snapshot(ws, "Before")
    assert (option.status, matter.rule_kind, kpi.family, seat.body) == (
        OptionStatus.LONG_LIST, RuleKind.QUALIFIED, KpiFamily.SERVICE, Body.PARTNERSHIP_BOARD)

    update_row(ws, ITEMS, item.id, status=ItemStatus.AGREED, step_id=StepId.SOC)
    update_row(ws, OPTIONS, option.id, status=OptionStatus.SHORT_LIST)
    update_row(ws, RESERVED_MATTERS, matter.id, rule_kind=RuleKind.UNANIMITY, fraction_num=None, fraction_den=None,
               tolerance_kind=ToleranceKind.GBP, tolerance_value=Decimal(500000))
    update_row(ws, KPIS, kpi.id, family=KpiFamily.COST)
    update_row(ws, POSITIONS, seat.id, body=Body.OPERATIONS_TEAM)
    update_row(ws, MOTIONS, motion.id, abstentions=Abstentions.EXCLUDED)
    set_tab_state(ws, CURRENT_STEP_KEY, "soc", "move on")
    add_entry(ws, EntryKind.ACTION, "Send the draft MOU", today=date(2026, 12, 1), step="obc",
              workstream="operations")

    found = changes_since(ws, snapshot)
    changed = {(c.item, c.field): (c.was, c.now) for c in found.changes if c.kind == "changed"}
    assert changed[("Agree the budget", "Status")] == ("Not started", "Agreed")
    assert changed[("Agree the budget", "Step")] == ("MOU", "SOC")
    assert changed[(option.name, "Status")] == ("Long list", "Short list")
    assert changed[(matter.title, "Rule kind")] == ("Qualified majority", "Unanimity")
    assert changed[(matter.title, "Tolerance kind")] == ("Always reserved", "Above an amount")
    assert changed[(kpi.name, "Family")] == ("Service level", "Cost")
    assert changed[(seat.title, "Body")] == ("Partnership Board", "Operations management team")
    assert changed[("Adopt the MOU", "Abstentions")] == ("Abstaining counts as not for",
                                                         "Abstentions left out of the count")
    assert changed[("Current step (setting)", None)] == ("MOU", "SOC")
    (added,) = [c for c in found.changes if c.kind == "added"]
    assert "Kind Action" in added.now and "Step OBC" in added.now and "Workstream Operations" in added.now

    raw = stored_values()
    assert {"not_started", "short_list", "qualified", "gbp", "partnership_board", "excluded"} <= raw
    shown = [text for c in found.changes for text in (c.was, c.now) if text]
    assert not raw & set(shown)
    text = render_text(found)  # what ``imagingnet changes`` prints
    assert "Status: Not started → Agreed" in text and "not_started" not in text


def test_every_collection_holding_a_choice_is_named_by_the_snapshot_words():
    listed = {table.name for table in choices.ROW_TABLES}
    with_choices = set()
    for info in pkgutil.walk_packages(workspace_package.__path__, "imagingnet_desktop.workspace."):
        for value in vars(importlib.import_module(info.name)).values():
            table = value.table if isinstance(value, Collection) else value
            if isinstance(table, RowTable) and choices.enum_fields(table.row_type):
                with_choices.add(table.name)
    assert with_choices - NOT_SNAPSHOTTED == listed  # a new collection with a choice joins choices.ROW_TABLES


def test_a_value_a_later_release_wrote_is_shown_as_stored():
    assert choices.choice_text("programme_checklist_items", "status", "parked") is None
    assert choices.choice_text("record_entries", "step", "later") is None
    assert choices.choice_text("partners", "name", "x") is None
    assert choices.setting_choice_text(CURRENT_STEP_KEY, '"later"') is None
    assert choices.setting_choice_text(CURRENT_STEP_KEY, "not json") is None
    assert choices.setting_choice_text("shares_votes.working", '"soc"') is None  # another setting: as it is
