"""The Control collections in a workspace: starting content, edits with undo, the file, the agreed votes followed,
partners removed and put back, an older workspace migrated, and the report's control section."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from file_checks import file_of_format_2, rows_in_file
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.store.migrations.control import starting_content
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.control import matters, monitoring
from imagingnet_desktop.workspace.control import positions as seats
from imagingnet_desktop.workspace.control.control_rows import (
    APPROVALS,
    GROUP_KPIS,
    GROUPS,
    KPIS,
    PLANS,
    POSITIONS,
    RESERVED_MATTERS,
    ROTATION,
    VETO_HOLDERS,
)
from imagingnet_desktop.workspace.network.partner_commands import delete_partners
from imagingnet_desktop.workspace.network.partner_references import PartnerInUseError
from imagingnet_desktop.workspace.reports.report import build_report
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.workspace import Workspace
from shares_votes_helpers import DEMO_ID

# NSH 40, EMV 20, KBD 15, SMC 15, WBK 10 of 100 votes.
WEIGHTED = replace(Scenario(name="Weighted"), vote_method=VoteMethod.CUSTOM,
                   custom_votes=tuple((DEMO_ID[code], votes) for code, votes in
                                      (("NSH", 40), ("EMV", 20), ("KBD", 15), ("SMC", 15), ("WBK", 10))))


def in_file(ws: Workspace, collection):
    return rows_in_file(ws.path, collection)


def agree(ws: Workspace, scenario: Scenario) -> None:
    shares_votes.set_working_scenario(ws, scenario)
    saved = shares_votes.save_scenario(ws, scenario.name)
    shares_votes.mark_agreed(ws, saved.id)
    assert shares_votes.agreed_scenario(ws) == scenario  # every partner reference held


def by_title(ws: Workspace, title: str):
    return next(m for m in ws.rows(RESERVED_MATTERS) if m.title == title)


def blockers(ws: Workspace) -> dict[str, list[str]]:
    agreed, outcomes = matters.matter_outcomes(ws)
    return {m.title: agreed.codes_of(o.single_blockers) for m, o in outcomes}


def test_a_new_workspace_starts_with_the_shipped_content(workspace):
    content = starting_content()
    assert [m.title for m in workspace.rows(RESERVED_MATTERS)] == [m["title"] for m in content["reserved_matters"]]
    assert [p.title for p in workspace.rows(POSITIONS)][:5] == ["Chair", "Vice-chair", "Clinical director",
                                                               "Finance director", "Operations director"]
    assert {k.family.value for k in workspace.rows(KPIS)} == {"quality", "cost", "service"}
    assert len(workspace.rows(GROUPS)) == 2 and workspace.rows(GROUP_KPIS)
    assert workspace.rows(PLANS)[0].year == "2027/28"
    assert by_title(workspace, "Distribute a surplus").min_partners == 3


def test_an_older_workspace_gets_the_content_when_migrated(tmp_path: Path):
    path = tmp_path / "old.imagingnet"
    file_of_format_2(path)
    ws = Workspace.open(path)
    try:
        assert len(ws.rows(RESERVED_MATTERS)) == len(starting_content()["reserved_matters"])
        assert ws.backup_path is not None and ws.backup_path.exists()
    finally:
        ws.close()


def test_seats_are_allocated_rotated_and_undone_in_the_file(workspace):
    nsh, emv, kbd = (p.id for p in workspace.network.partners[:3])
    chair = workspace.rows(POSITIONS)[0]
    assert seats.allocate(workspace, chair.id, nsh) == Change.CONTROL
    seats.edit_position(workspace, chair.id, term_start=date(2027, 4, 1), term_years=3)
    seats.set_rotation(workspace, chair.id, [nsh, emv, kbd])
    assert in_file(workspace, POSITIONS)[0] == replace(chair, partner_id=nsh, term_start=date(2027, 4, 1),
                                                       term_years=3)
    assert [t.partner_id for t in in_file(workspace, ROTATION)] == [nsh, emv, kbd]
    assert workspace.undo_label == "rotation of Chair"
    seats.set_rotation(workspace, chair.id, [kbd, nsh])
    assert seats.rotation(workspace, chair.id) == (kbd, nsh)
    assert seats.set_rotation(workspace, chair.id, [kbd, nsh]) == Change.NONE  # the same order is no edit
    workspace.undo()
    assert [t.partner_id for t in in_file(workspace, ROTATION)] == [nsh, emv, kbd]
    with pytest.raises(FieldError, match="only once"):
        seats.set_rotation(workspace, chair.id, [nsh, nsh])
    with pytest.raises(FieldError, match="1 to 10 years"):
        seats.edit_position(workspace, chair.id, term_years=11)
    added = seats.add_position(workspace, "Digital lead")
    seats.delete_position(workspace, chair.id)
    assert chair.id not in {p.id for p in in_file(workspace, POSITIONS)} and not in_file(workspace, ROTATION)
    workspace.undo()
    assert in_file(workspace, POSITIONS)[0].partner_id == nsh and len(in_file(workspace, ROTATION)) == 3
    assert in_file(workspace, POSITIONS)[-1] == added


def test_editing_a_rule_changes_its_blockers(workspace):
    agree(workspace, WEIGHTED)
    title = "A partner's exit from the network"  # 2/3 of 100 votes: 67
    assert blockers(workspace)[title] == ["NSH"]  # the others hold 60
    matters.edit_matter(workspace, by_title(workspace, title).id, fraction_num=3, fraction_den=5)  # 60
    assert blockers(workspace)[title] == []
    assert in_file(workspace, RESERVED_MATTERS) == workspace.rows(RESERVED_MATTERS)
    matter = by_title(workspace, title)
    matters.set_vetoes(workspace, matter.id, [workspace.network.partners[4].id])
    assert blockers(workspace)[title] == ["WBK"]
    assert [v.partner_id for v in in_file(workspace, VETO_HOLDERS)] == [workspace.network.partners[4].id]
    matters.edit_matter(workspace, matter.id, rule_kind=RuleKind.UNANIMITY)  # the vetoes go in the same edit
    assert blockers(workspace)[title] == ["NSH", "EMV", "KBD", "SMC", "WBK"] and not in_file(workspace, VETO_HOLDERS)
    workspace.undo()
    assert blockers(workspace)[title] == ["WBK"] and len(in_file(workspace, VETO_HOLDERS)) == 1
    with pytest.raises(FieldError, match="at least 9 partners"):
        matters.edit_matter(workspace, matter.id, min_partners=9)  # nobody could ever meet it
    assert by_title(workspace, title).min_partners is None


def test_every_matter_follows_the_agreed_votes(workspace):
    equal = blockers(workspace)
    assert equal["A partner's exit from the network"] == []
    agree(workspace, WEIGHTED)
    weighted = blockers(workspace)
    for matter in workspace.rows(RESERVED_MATTERS):
        game = matters.matter_game(workspace, matter)
        assert game.weights == (40, 20, 15, 15, 10)
    assert weighted["A partner's exit from the network"] == ["NSH"]
    assert weighted["Distribute a surplus"] == []
    workspace.undo()  # the mark as agreed
    assert blockers(workspace) == equal


def test_deleting_a_partner_takes_its_vetoes_and_seats_and_undo_puts_them_back(workspace):
    nsh = workspace.network.partners[0]
    matter = workspace.rows(RESERVED_MATTERS)[0]
    matters.set_vetoes(workspace, matter.id, [nsh.id])
    seats.allocate(workspace, workspace.rows(POSITIONS)[0].id, nsh.id)
    with pytest.raises(PartnerInUseError, match="1 board position and 1 reserved matter veto holder"):
        delete_partners(workspace, [nsh.id])
    delete_partners(workspace, [nsh.id], hand_over="clear")
    assert in_file(workspace, VETO_HOLDERS) == () and in_file(workspace, POSITIONS)[0].partner_id is None
    assert matters.veto_partner_ids(workspace, matter.id) == ()
    workspace.undo()
    assert matters.veto_partner_ids(workspace, matter.id) == (nsh.id,)
    assert in_file(workspace, POSITIONS)[0].partner_id == nsh.id


def test_kpis_groups_and_the_plan(workspace):
    kpi = workspace.rows(KPIS)[0]
    monitoring.edit_kpi(workspace, kpi.id, actual=Decimal("3.2"))
    assert in_file(workspace, KPIS)[0].actual == Decimal("3.2")
    ops = workspace.rows(GROUPS)[0]
    monitoring.set_watched(workspace, ops.id, kpi.id, False)
    assert kpi.id not in monitoring.group_kpis(workspace, ops.id)
    monitoring.delete_kpi(workspace, workspace.rows(KPIS)[1].id)
    workspace.undo()
    workspace.undo()
    assert kpi.id in monitoring.group_kpis(workspace, ops.id) and len(in_file(workspace, KPIS)) == 7
    ids = [p.id for p in workspace.network.partners]
    monitoring.set_members(workspace, ops.id, ids[:2])
    assert monitoring.group_members(workspace, ops.id) == tuple(ids[:2])
    plan = workspace.rows(PLANS)[0]
    monitoring.edit_plan(workspace, plan.id, draft_date=date(2027, 1, 5), partnership_board_date=date(2027, 2, 1))
    monitoring.set_approval(workspace, plan.id, ids[0], date(2027, 2, 20))
    assert monitoring.approvals(workspace, plan.id) == {ids[0]: date(2027, 2, 20)}
    assert [a.approval_date for a in in_file(workspace, APPROVALS)] == [date(2027, 2, 20)]
    with pytest.raises(FieldError, match="after the Partnership Board"):
        monitoring.set_approval(workspace, plan.id, ids[1], date(2027, 1, 1))
    monitoring.set_approval(workspace, plan.id, ids[0], None)
    assert in_file(workspace, APPROVALS) == ()
    with pytest.raises(FieldError, match="already a business plan"):
        monitoring.add_plan(workspace, "2027/28")


def test_the_report_control_section(workspace):
    agree(workspace, WEIGHTED)
    seats.allocate(workspace, workspace.rows(POSITIONS)[0].id, workspace.network.partners[3].id)
    monitoring.edit_kpi(workspace, workspace.rows(KPIS)[0].id, actual=Decimal(9))
    report = json.loads(json.dumps(build_report(workspace)))
    control = report["control"]
    assert control == report["network"]["control"]
    assert control["positions"][0] == {"title": "Chair", "body": "partnership_board", "partner": "SMC", "next": None}
    exit_ = next(m for m in control["reserved_matters"] if m["title"] == "A partner's exit from the network")
    assert exit_["rule"] == {"kind": "qualified", "fraction": "2/3", "min_partners": None, "veto": [], "quota": 67,
                             "description": "Qualified majority: at least 2/3 of the votes"}
    assert exit_["single_blockers"] == ["NSH"]
    assert ["NSH", "EMV", "KBD"] in exit_["min_passing"] and all("NSH" in g for g in exit_["min_passing"])
    assert exit_["escalation"] == {"decided_by": "trust_boards",
                                   "deadlock_route": ["Chief executives", "Mediation", "Dispute clause"]}
    assert exit_["tolerance"] == {"kind": "none", "value": None, "description": "Always reserved"}
    capital = next(m for m in control["reserved_matters"] if m["title"].startswith("Capital"))
    assert capital["tolerance"]["value"] == 500000
    assert control["kpis"][0] | {} == {"name": "Patients waiting over six weeks for a diagnostic test",
                                       "family": "service", "unit": "%", "target": 1, "tolerance": 4, "actual": 9,
                                       "period": "Monthly", "status": "red"}
    assert {k["status"] for k in control["kpis"][1:]} == {None}


def test_passes_with_uses_the_matters_rule_and_the_agreed_votes(workspace):
    agree(workspace, WEIGHTED)
    nsh, emv, kbd, smc, wbk = (p.id for p in workspace.network.partners)
    exit_ = by_title(workspace, "A partner's exit from the network")  # 67 of 100
    assert matters.passes_with(workspace, exit_, [nsh, emv, kbd])  # 75
    assert not matters.passes_with(workspace, exit_, [emv, kbd, smc, wbk])  # 60: NSH blocks alone
    surplus = by_title(workspace, "Distribute a surplus")  # more than half, and at least 3 partners
    assert not matters.passes_with(workspace, surplus, [nsh, emv])  # 60 votes but only 2 partners
    assert matters.passes_with(workspace, surplus, [nsh, kbd, wbk])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["veto", "rule", "min", "delete", "undo", "redo"]), st.integers(0, 40)),
                max_size=12))
def test_memory_equals_the_file_after_any_edits_of_the_matters(workspace, steps):
    kinds = list(RuleKind)
    for action, n in steps:
        rows = workspace.rows(RESERVED_MATTERS)
        matter = rows[n % len(rows)] if rows else None
        try:
            if action == "veto" and matter:
                matters.set_vetoes(workspace, matter.id, [p.id for p in workspace.network.partners if (n >> p.id) & 1])
            elif action == "rule" and matter:
                matters.edit_matter(workspace, matter.id, rule_kind=kinds[n % 3])
            elif action == "min" and matter:
                matters.edit_matter(workspace, matter.id, min_partners=n % 7 or None)
            elif action == "delete" and matter:
                matters.delete_matter(workspace, matter.id)
            elif action == "undo":
                workspace.undo()
            elif action == "redo":
                workspace.redo()
        except FieldError:
            pass  # refused (unanimity with vetoes, a minimum nobody can meet): nothing changed
        assert in_file(workspace, RESERVED_MATTERS) == workspace.rows(RESERVED_MATTERS)
        assert in_file(workspace, VETO_HOLDERS) == workspace.rows(VETO_HOLDERS)
        held = {v.reserved_matter_id for v in workspace.rows(VETO_HOLDERS)}
        assert held <= {m.id for m in workspace.rows(RESERVED_MATTERS) if m.rule_kind is not RuleKind.UNANIMITY}


def test_the_report_counts_every_minimal_passing_group_and_lists_them_all_for_a_workshop_network(tmp_path) -> None:
    from imagingnet_desktop.domain.network.partner import Partner
    from imagingnet_desktop.workspace.reports.report import build_report
    from imagingnet_desktop.workspace.workspace import Workspace

    for n, listed_all in ((8, True), (30, False)):
        partners = tuple(Partner(i, f"T{i:02d}", f"Trust {i}", imaging_exams_per_year=1000) for i in range(1, n + 1))
        workspace = Workspace.create(tmp_path / f"{n}.imagingnet", f"{n} trusts", partners)
        try:
            counts = []
            for matter in json.loads(json.dumps(build_report(workspace)))["control"]["reserved_matters"]:
                count, listed = matter["min_passing_count"], matter["min_passing"]
                assert len(listed) == min(count, 70), matter["title"]
                counts.append(count)
            assert (max(counts) <= 70) == listed_all  # 30 equal partners: C(30, 16) groups carry a majority
        finally:
            workspace.close()
