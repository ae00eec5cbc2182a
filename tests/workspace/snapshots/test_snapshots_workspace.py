"""Snapshots: taken into the file, compared with the workspace now (generic over every table), restored as
one undoable edit that reloads what memory holds; the file is checked after reopening."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from imagingnet_desktop.domain.control.reserved_matters import ReservedMatterVeto
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.programme.rows import ChecklistItem
from imagingnet_desktop.domain.programme.steps import ItemStatus, StepId, WorkstreamId
from imagingnet_desktop.domain.record.motions import MotionVote, VoteChoice
from imagingnet_desktop.store.errors import WorkspaceSaveError
from imagingnet_desktop.store.tables import snapshots as snapshot_store
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import insert_row, update_row
from imagingnet_desktop.workspace.control.control_rows import RESERVED_MATTERS, VETO_HOLDERS
from imagingnet_desktop.workspace.network.partner_commands import (
    add_partner,
    delete_partners,
    edit_partner_field,
    rename_network,
)
from imagingnet_desktop.workspace.programme.collections import ITEMS
from imagingnet_desktop.workspace.record.entries import MOTION_VOTES, MOTIONS
from imagingnet_desktop.workspace.record.motions import new_motion
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.snapshots import areas
from imagingnet_desktop.workspace.snapshots.snapshots import (
    changes_since,
    find_snapshot,
    restore_snapshot,
    take_snapshot,
)
from imagingnet_desktop.workspace.tab_settings import set_tab_state
from imagingnet_desktop.workspace.workspace import Workspace

TASKS = ITEMS  # the Programme tab's checklist items
VOTES = MOTION_VOTES  # the Record tab's motion votes: a row that cannot exist without its partner (NOT NULL)


def task(text: str, owner_partner_id: int | None = None) -> ChecklistItem:
    return ChecklistItem(0, StepId.MOU, WorkstreamId.STRATEGIC, text, owner_partner_id=owner_partner_id)


def vote(ws: Workspace, partner_id: int) -> MotionVote:
    """A vote for a new motion (what the Record tab does when a partner's vote is typed)."""
    motion = new_motion(ws, "Adopt the MOU")
    return insert_row(ws, VOTES, MotionVote(0, motion.id, partner_id, VoteChoice.FOR))


def tables_in_file(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


@pytest.fixture
def ws(workspace: Workspace):
    return workspace


def reopen(ws: Workspace) -> Workspace:
    path = ws.path
    ws.close()
    return Workspace.open(path)


def test_a_snapshot_is_kept_in_the_file_and_is_not_an_edit(ws):
    heard: list[Change] = []
    ws.subscribe(heard.append)
    taken = take_snapshot(ws, "  Before the   March workshop ")
    assert taken.name == "Before the March workshop"
    assert heard == [Change.SNAPSHOTS]
    assert ws.undo_label is None  # undo never removes a snapshot
    ws = reopen(ws)
    try:
        (kept,) = ws.snapshots()
        assert kept == taken
        tables = ws.snapshot_tables(kept.id)
        assert {"partners", "meta", "tab_state", "scenarios", "scenario_vetoes", "scenario_votes",
                "programme_checklist_items", "motion_votes", "reserved_matter_veto_holders"} <= set(tables)
        # every table of the file, found without being listed, except the lock, the snapshots, the exports' log
        assert set(tables) == {t for t in tables_in_file(ws.path) if not t.startswith(("sqlite_", "export"))
                               and t not in ("session_lock", "snapshots")}
        assert [r["code"] for r in tables["partners"].as_dicts()] == [p.code for p in ws.network.partners]
        assert find_snapshot(ws, "before the march WORKSHOP") == kept
    finally:
        ws.close()


@pytest.mark.parametrize("name, message", [
    ("", "Give the snapshot a name"),
    ("line\nbreak", "control characters"),
    ("x" * 101, "at most 100"),
])
def test_bad_snapshot_names_are_refused(ws, name, message):
    with pytest.raises(FieldError, match=message):
        take_snapshot(ws, name)
    assert ws.snapshots() == ()


def test_a_second_snapshot_with_the_same_name_is_refused(ws):
    take_snapshot(ws, "Start")
    with pytest.raises(FieldError, match="already a snapshot called 'START'"):
        take_snapshot(ws, "START")
    with pytest.raises(FieldError, match="The snapshots are: 'Start'"):
        find_snapshot(ws, "Missing")


def test_changes_since_lists_what_was_added_changed_and_removed_per_area(ws):
    nsh, emv, kbd = ws.network.partners[:3]
    first = insert_row(ws, TASKS, task("Agree the MOU scope", nsh.id))
    insert_row(ws, TASKS, task("Name a finance lead"))
    snapshot = take_snapshot(ws, "Before")

    rename_network(ws, "Vale Imaging Network")
    edit_partner_field(ws, nsh.id, "population_served", "730000")
    delete_partners(ws, [kbd.id])
    new = add_partner(ws)
    update_row(ws, TASKS, first.id, status=ItemStatus.AGREED, owner_partner_id=emv.id)
    cast = vote(ws, emv.id)
    set_tab_state(ws, "programme.current_step", "SOC", "set the step")

    found = [(c.area, c.item, c.kind, c.field, c.was, c.now) for c in changes_since(ws, snapshot).changes]
    assert ("Network", "Network name", "changed", None, "Northshire & Vale Imaging Network",
            "Vale Imaging Network") in found
    assert ("Network", f"NSH – {nsh.name}", "changed", "Population", "720,000", "730,000") in found
    assert any(f[:3] == ("Network", f"KBD – {kbd.name}", "removed") and "Population 480,000" in f[4] for f in found)
    assert any(f[:3] == ("Network", f"{new.code} – {new.name}", "added") for f in found)
    assert ("Programme", "Agree the MOU scope", "changed", "Status", "Not started", "Agreed") in found
    assert ("Programme", "Agree the MOU scope", "changed", "Owner", "NSH", "EMV") in found  # codes, not ids
    assert ("Programme", "Current step (setting)", "added", None, None, "SOC") in found
    assert any(f[:3] == ("Record", "Adopt the MOU", "added") for f in found)
    assert any(f[:3] == ("Record", f"vote {cast.id} (EMV)", "added") for f in found)
    assert [f[0] for f in found] == sorted((f[0] for f in found), key=["Network", "Programme", "Record"].index)
    assert not any(f[1] == "Name a finance lead" for f in found)  # untouched rows are not listed


def test_every_table_a_workspace_has_is_shown_under_its_tab(ws):
    conn = sqlite3.connect(f"file:{ws.path}?mode=ro", uri=True)
    try:
        snapshotted = set(snapshot_store.snapshotted_tables(conn))
    finally:
        conn.close()
    assert not {"exports", "exported_clauses", "session_lock", "snapshots"} & snapshotted
    assert snapshotted - {"tab_state"} == set(areas.TABLES)  # a new table must be given its tab and row noun
    assert {areas.area_of(t) for t in snapshotted - {"tab_state"}} == set(areas.AREA_ORDER)
    assert areas.area_of("position_rotation_turns") == areas.area_of("trust_board_approvals") == "Control"
    assert areas.area_of("scenario_vetoes") == areas.area_of("scenario_votes") == "Shares & votes"
    assert (areas.row_noun("scenario_vetoes"), areas.row_noun("commercial_criteria")) == ("veto", "success factor")
    assert areas.area_of("record_notes") == "Record" and areas.row_noun("record_notes") == "note"  # a later table


def test_moving_rows_is_not_listed_as_a_change(ws):
    snapshot = take_snapshot(ws, "Before")
    from imagingnet_desktop.workspace.network.partner_commands import move_partner

    move_partner(ws, ws.network.partners[0].id, 3)
    assert changes_since(ws, snapshot).changes == ()


def test_restore_is_one_undoable_edit_that_reloads_memory_and_the_file(ws):
    nsh, emv = ws.network.partners[:2]
    item = insert_row(ws, TASKS, task("Agree the MOU scope", nsh.id))
    shares_votes.save_scenario(ws, "Equal votes")
    before_partners = ws.network.partners
    snapshot = take_snapshot(ws, "Before")

    rename_network(ws, "Renamed")
    extra = add_partner(ws)
    update_row(ws, TASKS, item.id, status=ItemStatus.AGREED)
    vote(ws, extra.id)  # names a partner the snapshot does not have (RESTRICT)
    matter = ws.rows(RESERVED_MATTERS)[0]  # a row the snapshot has, given a veto by that partner
    insert_row(ws, VETO_HOLDERS, ReservedMatterVeto(0, matter.id, extra.id))
    set_tab_state(ws, "shares_votes.compared", [], "compare none")
    shares_votes.delete_scenario(ws, shares_votes.saved_scenarios(ws)[0].id)
    assert ws.row(TASKS, item.id).status is ItemStatus.AGREED  # loaded in memory before the restore
    ws.tab_state("shares_votes.compared")

    heard: list[Change] = []
    ws.subscribe(heard.append)
    restore_snapshot(ws, snapshot)
    assert Change.PARTNERS in heard[0] and Change.PROGRAMME in heard[0] and Change.TAB_STATE in heard[0]
    assert ws.undo_label == "restore snapshot 'Before'"
    assert ws.network.name == "Northshire & Vale Imaging Network"
    assert ws.network.partners == before_partners
    assert ws.row(TASKS, item.id).status is ItemStatus.NOT_STARTED
    assert ws.rows(VOTES) == () and ws.rows(MOTIONS) == ()
    assert not any(v.partner_id == extra.id for v in ws.rows(VETO_HOLDERS))
    assert [s.scenario.name for s in shares_votes.saved_scenarios(ws)] == ["Equal votes"]
    assert changes_since(ws, snapshot).changes == ()

    ws = reopen(ws)
    try:
        assert ws.network.name == "Northshire & Vale Imaging Network" and ws.network.partners == before_partners
        assert ws.row(TASKS, item.id).status is ItemStatus.NOT_STARTED
        assert ws.rows(VOTES) == () and not any(v.partner_id == extra.id for v in ws.rows(VETO_HOLDERS))
        assert len(ws.snapshots()) == 1
    finally:
        ws.close()


def test_undo_of_a_restore_puts_back_what_it_replaced(ws):
    item = insert_row(ws, TASKS, task("Agree the MOU scope"))
    snapshot = take_snapshot(ws, "Before")
    rename_network(ws, "Renamed")
    extra = add_partner(ws)
    update_row(ws, TASKS, item.id, status=ItemStatus.AGREED)
    vote(ws, extra.id)
    now = changes_since(ws, snapshot).as_json()["changes"]

    restore_snapshot(ws, snapshot)
    ws.rows(TASKS)  # memory loaded after the restore: the undo must drop it again
    ws.undo()
    assert ws.network.name == "Renamed"
    assert ws.row(TASKS, item.id).status is ItemStatus.AGREED
    assert [v.partner_id for v in ws.rows(VOTES)] == [extra.id]
    assert changes_since(ws, snapshot).as_json()["changes"] == now
    ws.redo()
    assert ws.network.name == "Northshire & Vale Imaging Network"
    ws.undo()

    ws = reopen(ws)
    try:
        assert ws.network.name == "Renamed"
        assert ws.row(TASKS, item.id).status is ItemStatus.AGREED
        assert [v.partner_id for v in ws.rows(VOTES)] == [extra.id]
        assert [p.code for p in ws.network.partners][-1] == extra.code
    finally:
        ws.close()


def test_a_failed_restore_changes_nothing_in_memory_or_in_the_file(ws, monkeypatch):
    snapshot = take_snapshot(ws, "Before")
    rename_network(ws, "Renamed")
    ws.tab_state("shares_votes.compared")
    real = snapshot_store.replace_tables

    def half_then_fail(conn, tables):
        real(conn, tables)
        raise OSError("disk full")

    monkeypatch.setattr(snapshot_store, "replace_tables", half_then_fail)
    with pytest.raises(WorkspaceSaveError, match="disk full"):  # said in words, the edit rolled back
        restore_snapshot(ws, snapshot)
    assert ws.network.name == "Renamed"
    assert ws.undo_label != "restore snapshot 'Before'"
    assert ws.tab_state("shares_votes.compared", "unset") == "unset" and ws.network.partners
    monkeypatch.undo()
    ws = reopen(ws)
    try:
        assert ws.network.name == "Renamed"
    finally:
        ws.close()


def test_a_snapshot_of_another_file_format_is_not_restored(ws):
    snapshot = take_snapshot(ws, "Old")
    older = type(snapshot)(snapshot.id, snapshot.name, snapshot.taken_at, snapshot.schema_version - 1)
    with pytest.raises(FieldError, match="cannot be restored"):
        restore_snapshot(ws, older)


def test_the_snapshot_content_is_one_json_document_that_keeps_every_value(ws):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, label TEXT, amount REAL, data BLOB)")
    conn.execute("INSERT INTO things VALUES (1, 'ŵ & <emoji 🩻>', 0.1, x'00ff')")
    tables = snapshot_store.read_tables(conn)
    text = snapshot_store.encode(tables)
    assert json.loads(text)["format"] == 1
    assert snapshot_store.decode(text) == tables
    assert tables["things"].rows == ((1, "ŵ & <emoji 🩻>", 0.1, b"\x00\xff"),)
