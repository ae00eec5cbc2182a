"""A deleted row's id is never handed to a new row, so "what changed since" a snapshot, which matches rows by
id, says a partner left and another joined rather than that one turned into the other."""

from __future__ import annotations

from imagingnet_desktop.domain.programme.rows import ChecklistItem
from imagingnet_desktop.domain.programme.steps import StepId, WorkstreamId
from imagingnet_desktop.workspace.collections import delete_row, insert_row
from imagingnet_desktop.workspace.network.partner_commands import add_partner, delete_partners
from imagingnet_desktop.workspace.programme.collections import ITEMS
from imagingnet_desktop.workspace.snapshots.snapshots import changes_since, take_snapshot
from imagingnet_desktop.workspace.workspace import Workspace


def test_a_partner_deleted_then_another_added_is_one_removed_and_one_added(workspace: Workspace) -> None:
    last = workspace.network.partners[-1]
    assert last.id == max(p.id for p in workspace.network.partners)  # the newest: its id would be given again
    snapshot = take_snapshot(workspace, "Before")
    delete_partners(workspace, [last.id], hand_over="clear")
    new = add_partner(workspace)
    assert new.id > last.id
    kinds = {(c.kind, c.item) for c in changes_since(workspace, snapshot).changes if c.area == "Network"}
    assert ("removed", f"{last.code} – {last.name}") in kinds
    assert ("added", f"{new.code} – {new.name}") in kinds
    assert not any(kind == "changed" and last.code in item for kind, item in kinds)


def test_ids_stay_used_after_undo_and_after_reopening(workspace: Workspace) -> None:
    first = add_partner(workspace)
    workspace.undo()  # the partner is gone again; its id is still spent
    second = add_partner(workspace)
    assert second.id == first.id + 1
    item = insert_row(workspace, ITEMS, ChecklistItem(0, StepId("mou"), WorkstreamId("strategic"), "A newest item"))
    delete_row(workspace, ITEMS, item.id)
    path = workspace.path
    workspace.close()
    reopened = Workspace.open(path)
    try:
        again = insert_row(reopened, ITEMS, ChecklistItem(0, StepId("mou"), WorkstreamId("strategic"), "Another item"))
        assert again.id == item.id + 1
        assert add_partner(reopened).id == second.id + 1
    finally:
        reopened.close()
