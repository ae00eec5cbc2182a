"""Snapshots: taken into the file, compared with the workspace now (generic over every table), restored as
one undoable edit that reloads what memory holds; the file is checked after reopening."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.store.tables import snapshots as snapshot_store
from imagingnet_desktop.store.tables.rows import RowTable
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import Collection, insert_row, update_row
from imagingnet_desktop.workspace.network.partner_commands import (
    add_partner,
    delete_partners,
    edit_partner_field,
    rename_network,
)
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.snapshots.snapshots import (
    changes_since,
    find_snapshot,
    restore_snapshot,
    take_snapshot,
)
from imagingnet_desktop.workspace.tab_settings import set_tab_state
from imagingnet_desktop.workspace.workspace import Workspace


@dataclass(frozen=True)
class Task:
    id: int
    title: str
    status: str
    owner_partner_id: int | None = None


@dataclass(frozen=True)
class Vote:
    id: int
    partner_id: int
    choice: str


TASKS = Collection(RowTable("checklist_items", Task), Change.PROGRAMME, "checklist item")
VOTES = Collection(RowTable("record_votes", Vote, ordered=False), Change.RECORD, "vote")


def _add_tables(path: Path) -> None:
    """Tables as a later migration would add them: a snapshot must cover them without being told."""
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE checklist_items (id INTEGER PRIMARY KEY, position REAL NOT NULL, title TEXT NOT NULL,"
        " status TEXT NOT NULL, owner_partner_id INTEGER REFERENCES partners(id) ON DELETE RESTRICT)"
    )
    conn.execute(
        "CREATE TABLE record_votes (id INTEGER PRIMARY KEY, partner_id INTEGER NOT NULL"
        " REFERENCES partners(id) ON DELETE RESTRICT, choice TEXT NOT NULL)"
    )
    conn.commit()
    conn.close()


@pytest.fixture
def ws(workspace: Workspace):
    path = workspace.path
    workspace.close()
    _add_tables(path)
    reopened = Workspace.open(path)
    yield reopened
    reopened.close()


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
        assert {"partners", "meta", "tab_state", "scenarios", "checklist_items", "record_votes"} <= set(tables)
        assert not {"session_lock", "snapshots"} & set(tables)
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
    first = insert_row(ws, TASKS, Task(0, "Agree the MOU scope", "not started", nsh.id))
    insert_row(ws, TASKS, Task(0, "Name a finance lead", "not started"))
    snapshot = take_snapshot(ws, "Before")

    rename_network(ws, "Vale Imaging Network")
    edit_partner_field(ws, nsh.id, "population_served", "730000")
    delete_partners(ws, [kbd.id])
    new = add_partner(ws)
    update_row(ws, TASKS, first.id, status="agreed", owner_partner_id=emv.id)
    insert_row(ws, VOTES, Vote(0, emv.id, "for"))
    set_tab_state(ws, "programme.current_step", "SOC", "set the step")

    found = [(c.area, c.item, c.kind, c.field, c.was, c.now) for c in changes_since(ws, snapshot).changes]
    assert ("Network", "Network name", "changed", None, "Northshire & Vale Imaging Network",
            "Vale Imaging Network") in found
    assert ("Network", f"NSH – {nsh.name}", "changed", "Population", "720,000", "730,000") in found
    assert any(f[:3] == ("Network", f"KBD – {kbd.name}", "removed") and "Population 480,000" in f[4] for f in found)
    assert any(f[:3] == ("Network", f"{new.code} – {new.name}", "added") for f in found)
    assert ("Programme", "Agree the MOU scope", "changed", "Status", "not started", "agreed") in found
    assert ("Programme", "Agree the MOU scope", "changed", "Owner", "NSH", "EMV") in found  # codes, not ids
    assert ("Programme", "Current step (setting)", "added", None, None, "SOC") in found
    assert any(f[:3] == ("Record", "vote 1 (EMV)", "added") for f in found)
    assert [f[0] for f in found] == sorted((f[0] for f in found), key=["Network", "Programme", "Record"].index)
    assert not any(f[1] == "Name a finance lead" for f in found)  # untouched rows are not listed


def test_moving_rows_is_not_listed_as_a_change(ws):
    snapshot = take_snapshot(ws, "Before")
    from imagingnet_desktop.workspace.network.partner_commands import move_partner

    move_partner(ws, ws.network.partners[0].id, 3)
    assert changes_since(ws, snapshot).changes == ()


def test_restore_is_one_undoable_edit_that_reloads_memory_and_the_file(ws):
    nsh, emv = ws.network.partners[:2]
    item = insert_row(ws, TASKS, Task(0, "Agree the MOU scope", "not started", nsh.id))
    shares_votes.save_scenario(ws, "Equal votes")
    before_partners = ws.network.partners
    snapshot = take_snapshot(ws, "Before")

    rename_network(ws, "Renamed")
    extra = add_partner(ws)
    update_row(ws, TASKS, item.id, status="agreed")
    insert_row(ws, VOTES, Vote(0, extra.id, "for"))  # names a partner the snapshot does not have (RESTRICT)
    set_tab_state(ws, "shares_votes.compared", [], "compare none")
    shares_votes.delete_scenario(ws, shares_votes.saved_scenarios(ws)[0].id)
    assert ws.rows(TASKS)[0].status == "agreed"  # loaded in memory before the restore
    ws.tab_state("shares_votes.compared")

    heard: list[Change] = []
    ws.subscribe(heard.append)
    restore_snapshot(ws, snapshot)
    assert Change.PARTNERS in heard[0] and Change.PROGRAMME in heard[0] and Change.TAB_STATE in heard[0]
    assert ws.undo_label == "restore snapshot 'Before'"
    assert ws.network.name == "Northshire & Vale Imaging Network"
    assert ws.network.partners == before_partners
    assert ws.rows(TASKS)[0].status == "not started"
    assert ws.rows(VOTES) == ()
    assert [s.scenario.name for s in shares_votes.saved_scenarios(ws)] == ["Equal votes"]
    assert changes_since(ws, snapshot).changes == ()

    ws = reopen(ws)
    try:
        assert ws.network.name == "Northshire & Vale Imaging Network" and ws.network.partners == before_partners
        assert ws.rows(TASKS)[0].status == "not started"
        assert len(ws.snapshots()) == 1
    finally:
        ws.close()


def test_undo_of_a_restore_puts_back_what_it_replaced(ws):
    item = insert_row(ws, TASKS, Task(0, "Agree the MOU scope", "not started"))
    snapshot = take_snapshot(ws, "Before")
    rename_network(ws, "Renamed")
    extra = add_partner(ws)
    update_row(ws, TASKS, item.id, status="agreed")
    insert_row(ws, VOTES, Vote(0, extra.id, "for"))
    now = changes_since(ws, snapshot).as_json()["changes"]

    restore_snapshot(ws, snapshot)
    ws.rows(TASKS)  # memory loaded after the restore: the undo must drop it again
    ws.undo()
    assert ws.network.name == "Renamed"
    assert ws.rows(TASKS)[0].status == "agreed"
    assert [v.partner_id for v in ws.rows(VOTES)] == [extra.id]
    assert changes_since(ws, snapshot).as_json()["changes"] == now
    ws.redo()
    assert ws.network.name == "Northshire & Vale Imaging Network"
    ws.undo()

    ws = reopen(ws)
    try:
        assert ws.network.name == "Renamed"
        assert ws.rows(TASKS)[0].status == "agreed"
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
    with pytest.raises(OSError):
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
