"""Every partner command does, undoes and redoes, in memory and in the file alike, and says what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from file_checks import network_in_file
from imagingnet_desktop.domain.network.network import Network
from imagingnet_desktop.domain.network.partner import TEMPLATE_HEADER
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.network.partner_commands import (
    ReplacePartners,
    add_partner,
    delete_partners,
    edit_partner_field,
    move_partner,
    rename_network,
)
from imagingnet_desktop.workspace.network.partner_import import import_partners
from imagingnet_desktop.workspace.workspace import Workspace


@pytest.fixture
def heard(workspace: Workspace) -> list[Change]:
    changes: list[Change] = []
    workspace.subscribe(changes.append)
    return changes


def write_import_csv(path: Path, workspace: Workspace) -> Path:
    """Update the first partner (by code, different case) and add a new one."""
    first = workspace.network.partners[0]
    rows = [
        ",".join(TEMPLATE_HEADER),
        f"{first.code.lower()},{first.name},NHS Trust,Updated ICS,1,2,3,4,5,6,7,8,9,10,Alliance,no,yes",
        'ZZZ,"Newcomer Hospitals NHS Trust, Cymru ŵ",NHS Foundation Trust,,100,200,3.5,1.25,10,12,'
        "1000.50,20,30,40,,yes,no",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    return path


@dataclass
class Case:
    run: Callable[[Workspace, Path], object]
    flag: Change
    label: str  # the start of the undo label


CASES = {
    "edit field": Case(
        lambda ws, _: edit_partner_field(ws, ws.network.partners[1].id, "pay_cost_gbp", "£1,234,567.80"),
        Change.PARTNERS,
        "edit EMV Pay £",
    ),
    "edit code": Case(
        lambda ws, _: edit_partner_field(ws, ws.network.partners[1].id, "code", "EMV2"), Change.PARTNERS, "edit EMV"
    ),
    "edit yes/no": Case(
        lambda ws, _: edit_partner_field(ws, ws.network.partners[1].id, "ppci_centre", "yes"),
        Change.PARTNERS,
        "edit EMV PPCI",
    ),
    "clear a figure": Case(
        lambda ws, _: edit_partner_field(ws, ws.network.partners[1].id, "imaging_staff_wte", ""),
        Change.PARTNERS,
        "edit EMV Staff WTE",
    ),
    "rename network": Case(lambda ws, _: rename_network(ws, "  Gogledd   Cymru ŵ  "), Change.NETWORK_NAME, "rename"),
    "add partner at end": Case(lambda ws, _: add_partner(ws), Change.PARTNERS, "add partner NEW"),
    "add partner at top": Case(lambda ws, _: add_partner(ws, 0), Change.PARTNERS, "add partner NEW"),
    "delete two": Case(
        lambda ws, _: delete_partners(ws, [ws.network.partners[0].id, ws.network.partners[3].id]),
        Change.PARTNERS,
        "delete NSH, ",
    ),
    "move down": Case(lambda ws, _: move_partner(ws, ws.network.partners[0].id, 3), Change.PARTNERS, "move NSH"),
    "move to end (clamped)": Case(
        lambda ws, _: move_partner(ws, ws.network.partners[0].id, 99), Change.PARTNERS, "move NSH"
    ),
    "import": Case(
        lambda ws, tmp: import_partners(ws, write_import_csv(tmp / "baseline.csv", ws)),
        Change.PARTNERS,
        "import partners from baseline.csv",
    ),
    "replace partners": Case(
        lambda ws, _: ws.execute(ReplacePartners("reverse", tuple(reversed(ws.network.partners)))),
        Change.PARTNERS,
        "reverse",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_do_undo_redo_in_memory_and_file(workspace: Workspace, heard: list[Change], tmp_path: Path, name: str):
    case = CASES[name]
    before = workspace.network
    assert network_in_file(workspace.path) == before

    case.run(workspace, tmp_path)
    after = workspace.network
    assert after != before
    assert network_in_file(workspace.path) == after
    assert heard == [case.flag | Change.UNDO_STACK]
    assert workspace.undo_label is not None and workspace.undo_label.startswith(case.label)
    assert workspace.redo_label is None

    assert workspace.undo() == case.flag
    assert workspace.network == before and network_in_file(workspace.path) == before
    assert heard[-1] == case.flag | Change.UNDO_STACK
    assert workspace.undo_label is None and workspace.redo_label.startswith(case.label)

    assert workspace.redo() == case.flag
    assert workspace.network == after and network_in_file(workspace.path) == after
    assert heard == [case.flag | Change.UNDO_STACK] * 3
    assert workspace.undo_label.startswith(case.label) and workspace.redo_label is None


def test_file_keeps_the_order_and_positions(workspace: Workspace) -> None:
    moved = workspace.network.partners[4].id
    move_partner(workspace, moved, 0)
    added = add_partner(workspace, 2)
    order = [p.id for p in workspace.network.partners]
    assert order[0] == moved and order[2] == added.id
    assert [p.id for p in network_in_file(workspace.path).partners] == order


def test_import_update_and_add_then_undo_restores_exactly(workspace: Workspace, tmp_path: Path) -> None:
    before = workspace.network
    outcome = import_partners(workspace, write_import_csv(tmp_path / "b.csv", workspace))
    assert outcome.added == ("ZZZ",) and len(outcome.updated) == 1
    first = workspace.network.partners[0]
    assert first.id == before.partners[0].id and first.ics == "Updated ICS" and first.code == before.partners[0].code  # stored spelling kept
    added = workspace.network.partners[-1]
    assert added.name == "Newcomer Hospitals NHS Trust, Cymru ŵ" and added.pay_cost_gbp == Decimal("1000.5")
    workspace.undo()
    assert network_in_file(workspace.path) == before == workspace.network


def test_a_new_command_clears_redo(workspace: Workspace, heard: list[Change]) -> None:
    rename_network(workspace, "First")
    rename_network(workspace, "Second")
    workspace.undo()
    assert workspace.redo_label == "rename the network"
    add_partner(workspace)
    assert workspace.redo_label is None and workspace.undo_label.startswith("add partner")
    heard.clear()
    assert workspace.redo() == Change.NONE and heard == []  # nothing to redo: nothing happens, nobody told
    assert workspace.network.name == "First" and network_in_file(workspace.path).name == "First"
    workspace.undo()
    workspace.undo()
    assert workspace.undo() == Change.NONE and heard == [Change.PARTNERS | Change.UNDO_STACK,
                                                        Change.NETWORK_NAME | Change.UNDO_STACK]
    assert workspace.network.name == "Northshire & Vale Imaging Network"


def test_an_edit_that_changes_nothing_is_not_a_command(workspace: Workspace, heard: list[Change]) -> None:
    partner = workspace.network.partners[0]
    assert edit_partner_field(workspace, partner.id, "pay_cost_gbp", f"£{partner.pay_cost_gbp:,}") == Change.NONE
    assert rename_network(workspace, workspace.network.name) == Change.NONE
    assert move_partner(workspace, partner.id, 0) == Change.NONE
    assert delete_partners(workspace, []) == Change.NONE
    assert delete_partners(workspace, [9999]) == Change.NONE  # no such partner
    assert heard == [] and workspace.undo_label is None


def test_undo_and_redo_survive_many_steps(workspace: Workspace) -> None:
    states = [workspace.network]
    partner = workspace.network.partners[2]
    for i in range(1, 21):
        edit_partner_field(workspace, partner.id, "imaging_exams_per_year", str(i * 1000))
        states.append(workspace.network)
    for state in reversed(states[:-1]):
        workspace.undo()
        assert workspace.network == state
    assert network_in_file(workspace.path) == states[0]
    for state in states[1:]:
        workspace.redo()
        assert workspace.network == state
    assert network_in_file(workspace.path) == states[-1]


def test_unsubscribed_listeners_hear_nothing(workspace: Workspace) -> None:
    heard: list[Change] = []
    unsubscribe = workspace.subscribe(heard.append)
    rename_network(workspace, "One")
    unsubscribe()
    unsubscribe()  # twice is harmless
    rename_network(workspace, "Two")
    assert heard == [Change.NETWORK_NAME | Change.UNDO_STACK]


# --------------------------------------------------------------------------- a command that fails half-way


class FailsHalfWay:
    """Writes a partner and the name, then fails: none of it may stay, in memory or in the file."""

    label = "fail half-way"

    def __init__(self, fail_in: str) -> None:
        self.fail_in = fail_in

    def do(self, workspace: Workspace) -> Change:
        partner = workspace.network.partners[0]
        workspace.put_partner(partner.with_value("name", "Half-written"))
        workspace.put_network_name("Half-renamed")
        workspace.put_partners(workspace.network.partners[1:])
        workspace.put_tab_state("shares", {"half": True})
        if self.fail_in == "do":
            raise RuntimeError("failed half-way")
        return Change.PARTNERS

    def undo(self, workspace: Workspace) -> Change:
        workspace.put_network_name("Half-undone")
        raise RuntimeError("undo failed half-way")


def test_a_command_that_fails_half_way_changes_nothing(workspace: Workspace, heard: list[Change]) -> None:
    rename_network(workspace, "Before")
    workspace.undo()  # leave something to redo: a failed command must not clear it
    heard.clear()
    before = workspace.network
    with pytest.raises(RuntimeError, match="failed half-way"):
        workspace.execute(FailsHalfWay("do"))
    assert workspace.network == before and network_in_file(workspace.path) == before
    assert workspace.tab_state("shares") is None
    assert heard == [] and workspace.undo_label is None and workspace.redo_label == "rename the network"
    rename_network(workspace, "Still works")  # the file is not stuck in a transaction
    assert network_in_file(workspace.path).name == "Still works"


def test_an_undo_that_fails_half_way_changes_nothing(workspace: Workspace, heard: list[Change]) -> None:
    workspace.execute(FailsHalfWay("undo"))
    after = workspace.network
    heard.clear()
    with pytest.raises(RuntimeError, match="undo failed"):
        workspace.undo()
    assert workspace.network == after and network_in_file(workspace.path) == after
    assert workspace.tab_state("shares") == {"half": True}
    assert heard == [] and workspace.undo_label == "fail half-way" and workspace.redo_label is None


def test_a_listener_sees_the_edit_already_in_the_file(workspace: Workspace) -> None:
    seen: list[tuple[Network, Network]] = []
    workspace.subscribe(lambda change: seen.append((workspace.network, network_in_file(workspace.path))))
    add_partner(workspace)
    workspace.undo()
    assert len(seen) == 2 and all(memory == file for memory, file in seen)
    assert seen[0][0] != seen[1][0]
