"""The collection pattern every area uses: row commands with undo, memory equal to the file, rollback,
and partner references handled when a partner is deleted."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imagingnet_desktop.store.tables.rows import RowTable
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import Collection, delete_row, insert_row, move_row, update_row
from imagingnet_desktop.workspace.network.partner_commands import delete_partners
from imagingnet_desktop.workspace.network.partner_references import PartnerInUseError
from imagingnet_desktop.workspace.workspace import Workspace


@dataclass(frozen=True)
class Item:
    id: int
    text: str
    done: bool = False
    amount: Decimal | None = None
    due: date | None = None
    owner_partner_id: int | None = None


@dataclass(frozen=True)
class Score:
    id: int
    partner_id: int
    value: int


ITEMS = Collection(RowTable("test_items", Item), Change.PROGRAMME, "item")
SCORES = Collection(RowTable("test_scores", Score, ordered=False), Change.COMMERCIAL, "score")


def _add_tables(ws: Workspace) -> None:
    conn = ws._file.conn
    conn.execute(
        "CREATE TABLE test_items (id INTEGER PRIMARY KEY, position REAL NOT NULL, text TEXT NOT NULL, done INTEGER,"
        " amount TEXT, due TEXT, owner_partner_id INTEGER REFERENCES partners(id) ON DELETE RESTRICT)"
    )
    conn.execute(
        "CREATE TABLE test_scores (id INTEGER PRIMARY KEY, partner_id INTEGER NOT NULL"
        " REFERENCES partners(id) ON DELETE RESTRICT, value INTEGER NOT NULL)"
    )


@pytest.fixture
def ws(workspace):
    _add_tables(workspace)
    return workspace


def _in_file(ws: Workspace) -> list[Item]:
    return list(ITEMS.table.load(ws._file.conn)[0])


def test_insert_update_move_delete_each_undoable_and_saved(ws):
    first = insert_row(ws, ITEMS, Item(0, "Agree the principles"))
    second = insert_row(ws, ITEMS, Item(0, "Name the host", amount=Decimal("12.50"), due=date(2027, 3, 1)))
    third = insert_row(ws, ITEMS, Item(0, "Between"), index=1)
    assert [r.text for r in ws.rows(ITEMS)] == ["Agree the principles", "Between", "Name the host"]
    assert _in_file(ws) == list(ws.rows(ITEMS))
    assert ws.row(ITEMS, second.id).amount == Decimal("12.50")

    assert update_row(ws, ITEMS, first.id, done=True) == Change.PROGRAMME
    assert update_row(ws, ITEMS, first.id, done=True) == Change.NONE  # no change, no command
    move_row(ws, ITEMS, third.id, 2)
    delete_row(ws, ITEMS, second.id)
    assert [r.text for r in ws.rows(ITEMS)] == ["Agree the principles", "Between"]
    assert _in_file(ws) == list(ws.rows(ITEMS))

    for _ in range(4):  # the delete, the move, the edit and the third insert
        ws.undo()
    assert [r.text for r in ws.rows(ITEMS)] == ["Agree the principles", "Name the host"]
    assert not ws.row(ITEMS, first.id).done
    assert _in_file(ws) == list(ws.rows(ITEMS))
    ws.redo()
    assert [r.text for r in _in_file(ws)] == ["Agree the principles", "Between", "Name the host"]


def test_a_failed_edit_leaves_memory_and_file_as_they_were(ws):
    insert_row(ws, ITEMS, Item(0, "Kept"))
    before = ws.rows(ITEMS)
    with pytest.raises(sqlite3.IntegrityError):
        insert_row(ws, ITEMS, Item(0, "Owned by nobody", owner_partner_id=999))  # no such partner
    assert ws.rows(ITEMS) == before == tuple(_in_file(ws))
    assert ws.undo_label == "add item"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["insert", "move", "delete", "undo", "redo"]), st.integers(0, 9)),
                max_size=30))
def test_memory_equals_the_file_after_any_edits(ws, steps):
    for action, n in steps:
        rows = ws.rows(ITEMS)
        if action == "insert":
            insert_row(ws, ITEMS, Item(0, f"item {n}"), index=n % (len(rows) + 1))
        elif action == "move" and rows:
            move_row(ws, ITEMS, rows[n % len(rows)].id, n % len(rows))
        elif action == "delete" and rows:
            delete_row(ws, ITEMS, rows[n % len(rows)].id)
        elif action == "undo":
            ws.undo()
        elif action == "redo":
            ws.redo()
        assert tuple(_in_file(ws)) == ws.rows(ITEMS)


def test_positions_renumber_when_the_gap_runs_out(ws):
    insert_row(ws, ITEMS, Item(0, "a"))
    insert_row(ws, ITEMS, Item(0, "z"))
    for n in range(60):  # always between the first and the one after it: halves the gap each time
        insert_row(ws, ITEMS, Item(0, f"m{n}"), index=1)
    texts = [r.text for r in ws.rows(ITEMS)]
    assert texts[0] == "a" and texts[-1] == "z" and texts[1] == "m59"
    assert [r.text for r in _in_file(ws)] == texts


def test_deleting_a_partner_named_in_a_collection_asks_then_clears_or_hands_over(ws):
    nsh, other = ws.network.partners[0], ws.network.partners[1]
    item = insert_row(ws, ITEMS, Item(0, "Owned", owner_partner_id=nsh.id))
    score = insert_row(ws, SCORES, Score(0, nsh.id, 7))
    with pytest.raises(PartnerInUseError, match=r"1 test item and 1 test score"):
        delete_partners(ws, [nsh.id])
    assert nsh in ws.network.partners  # nothing changed

    delete_partners(ws, [nsh.id], hand_over="clear")
    assert nsh not in ws.network.partners
    assert ws.row(ITEMS, item.id).owner_partner_id is None  # cleared, never dangling
    assert ws.rows(SCORES) == ()  # a partner's own score goes with it
    ws.undo()
    assert ws.network.partners[0] == nsh
    assert ws.row(ITEMS, item.id).owner_partner_id == nsh.id
    assert ws.rows(SCORES) == (score,)

    delete_partners(ws, [nsh.id], hand_over="reassign", to_partner=other.id)
    assert ws.row(ITEMS, item.id).owner_partner_id == other.id
    assert ws.row(SCORES, score.id).partner_id == other.id
    ws.undo()
    assert ws.row(SCORES, score.id).partner_id == nsh.id
    assert ws._file.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_an_edit_of_one_row_in_5000_keeps_only_that_row_for_undo(ws):
    conn = ws._file.conn
    conn.executemany("INSERT INTO test_items (id, position, text, done) VALUES (?, ?, ?, 0)",
                     [(i, float(i), f"item {i}") for i in range(1, 5001)])
    assert len(ws.rows(ITEMS)) == 5000
    update_row(ws, ITEMS, 2500, text="changed")
    command = ws._undo.take_undo()
    assert command.old == Item(2500, "item 2500") and command.new.text == "changed"
