"""The drafts with the REAL Programme, Commercial model, Control and Record areas (no fakes): a workspace where
the commercial model is chosen with a host, seats are allocated, a reserved matter's rule is set and checklist
items are agreed; each .docx is read back and says so, and its annex of matters still open shrinks."""

from __future__ import annotations

from datetime import date

import pytest

from docx_reading import read_docx
from imagingnet_desktop.documents.model import TO_BE_AGREED
from imagingnet_desktop.domain.programme.steps import ItemStatus, StepId
from imagingnet_desktop.domain.record.entries import EntryKind, EntryStatus
from imagingnet_desktop.domain.voting.rules import RuleKind
from imagingnet_desktop.workspace.commercial import appraisal_edits as commercial
from imagingnet_desktop.workspace.commercial.collections import OPTIONS
from imagingnet_desktop.workspace.control import matters, monitoring, positions
from imagingnet_desktop.workspace.control.control_rows import GROUPS, POSITIONS, RESERVED_MATTERS
from imagingnet_desktop.workspace.exports import area_content
from imagingnet_desktop.workspace.exports.area_content import ModelStatus
from imagingnet_desktop.workspace.exports.export import ExportKind, export_draft
from imagingnet_desktop.workspace.exports.rule_text import defined_partner
from imagingnet_desktop.workspace.network.partner_commands import ReplacePartners
from imagingnet_desktop.workspace.programme import edits as programme
from imagingnet_desktop.workspace.programme.collections import ITEMS
from imagingnet_desktop.workspace.record.entries import RECORD_ENTRIES, add_entry, edit_entry
from imagingnet_desktop.workspace.workspace import Workspace

ANNEX_A = "Annex A — Matters still open"
ANNEX_B = "Annex B — Changes since the last exported version"
TERMS_HEADER = ("No.", "Term", "Heads of terms", "Status")
NOTE = "a Partner may leave after three years on twelve months’ notice; the others buy out its share of assets"


def option(workspace: Workspace, key: str) -> int:
    return next(o.id for o in workspace.rows(OPTIONS) if o.model_key == key)


def item(workspace: Workspace, starts: str) -> int:
    return next(i.id for i in workspace.rows(ITEMS) if i.text.startswith(starts))


def choose_hosted_model(workspace: Workspace, host_index: int = 0) -> str:
    commercial.short_list(workspace, option(workspace, "arms_length"))
    host = workspace.network.partners[host_index]
    commercial.choose_preferred(workspace, option(workspace, "arms_length"), host.id, "One team, one budget.")
    return host.name


def export(workspace: Workspace, tmp_path, kind: ExportKind, name: str):  # type: ignore[no-untyped-def]
    outcome = export_draft(workspace, kind, tmp_path / name)
    doc = read_docx(tmp_path / name)
    texts = doc.texts()
    annex = texts[texts.index(ANNEX_A) + 1:texts.index(ANNEX_B)]
    return outcome, doc, [t for t in annex if t in doc.texts("Clause Text")]


def mou_clause(doc, title: str) -> list[str]:  # type: ignore[no-untyped-def]
    paragraphs = doc.paragraphs
    headings = [i for i, p in enumerate(paragraphs) if p.style == "Clause Heading"]
    start = next(i for i in headings if paragraphs[i].text.startswith(title))
    end = next((h for h in headings if h > start), len(paragraphs))
    return [p.text for p in paragraphs[start + 1:end] if p.style == "Clause Text"]


def terms(doc) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {row[1]: row[2] for row in doc.table_with_header(*TERMS_HEADER)[1:]}


# ------------------------------------------------------------------------------------- what each function returns


def test_the_commercial_model_follows_the_appraisal(workspace):
    assert area_content.commercial_model(workspace) is None  # nothing short-listed in the demo
    commercial.short_list(workspace, option(workspace, "arms_length"))
    considered = area_content.commercial_model(workspace)
    assert considered is not None and considered.status is ModelStatus.UNDER_CONSIDERATION
    assert "Arm's Length Organisation (hosted)" in considered.options
    assert "As Is (the business-as-usual comparator)" in considered.options
    host = choose_hosted_model(workspace, 1)
    chosen = area_content.commercial_model(workspace)
    assert chosen is not None and chosen.status is ModelStatus.CHOSEN
    assert (chosen.name, chosen.host, chosen.implies_tupe, chosen.legal_entity) == (
        "Arm's Length Organisation (hosted)", host, True, None)
    assert chosen.rationale == "One team, one budget."
    workspace.undo()
    assert area_content.commercial_model(workspace).status is ModelStatus.UNDER_CONSIDERATION  # type: ignore[union-attr]


def test_reserved_matters_positions_and_groups_come_from_control(workspace):
    first = workspace.rows(RESERVED_MATTERS)[0]
    matters.edit_matter(workspace, first.id, rule_kind=RuleKind.QUALIFIED, fraction_num=4, fraction_den=5)
    nsh = workspace.network.partners[0]
    matters.set_vetoes(workspace, first.id, [nsh.id])
    found = area_content.reserved_matters(workspace)
    assert [m.matter for m in found] == [m.title.replace("partner", "Partner")
                                         for m in workspace.rows(RESERVED_MATTERS)]
    assert found[0].rule == f"Qualified majority: at least 80% of the votes; {nsh.code} holds a veto"  # app's text
    assert {m.escalation for m in found} == {"Partners’ boards", "Partnership Board"}  # the usual deadlock route
    assert "Beyond 5% off the business plan" in {m.tolerance for m in found}

    chair = workspace.rows(POSITIONS)[0]
    partners = workspace.network.partners
    positions.allocate(workspace, chair.id, partners[1].id)
    positions.set_rotation(workspace, chair.id, [p.id for p in partners[:3]])
    seats = area_content.board_positions(workspace)
    assert seats[0].position == "Chair (Partnership Board)" and seats[0].partner == partners[1].name
    assert seats[0].rotation == (f"Term of 2 years; rotates in turn: {partners[0].code}, {partners[1].code}, "
                                 f"{partners[2].code} (next: {partners[2].code})")
    assert seats[1].partner is None

    group = workspace.rows(GROUPS)[0]
    monitoring.set_members(workspace, group.id, [partners[0].id, partners[3].id])
    groups = area_content.monitoring_groups(workspace)
    assert groups[0].name == group.name and groups[0].members == (partners[0].name, partners[3].name)
    assert groups[0].remit.startswith("Meets monthly. Watches: Patients waiting over six weeks")
    assert groups[1].members == ()


def test_timetable_checklist_and_issues_come_from_programme_and_record(workspace):
    programme.set_step_dates(workspace, StepId.SOC, date(2027, 4, 1), date(2027, 7, 30))
    timetable = area_content.programme_timetable(workspace)
    assert [e.key for e in timetable] == ["mou", "soc", "obc", "fbc", "implementation", "monitoring"]
    assert timetable[1].target == date(2027, 7, 30) and [e.current for e in timetable] == [True] + [False] * 5

    mou_items = [i for i in workspace.rows(ITEMS) if i.step_id is StepId.MOU]
    open_items = area_content.open_checklist_items(workspace)
    # only the step reached; "partner" written as the drafts' defined term
    assert [o.item for o in open_items] == [defined_partner(i.text) for i in mou_items]
    programme.set_status(workspace, [mou_items[0].id], ItemStatus.AGREED)
    programme.set_status(workspace, [mou_items[1].id], ItemStatus.NOT_APPLICABLE)
    assert [o.item for o in area_content.open_checklist_items(workspace)] == [defined_partner(i.text)
                                                                             for i in mou_items[2:]]

    owner = workspace.network.partners[2]
    issue = add_entry(workspace, EntryKind.ISSUE, "VAT on recharges", owner_partner_id=owner.id, person="Jo Bloggs")
    add_entry(workspace, EntryKind.ACTION, "Not an issue")
    assert [(i.issue, i.owner) for i in area_content.open_issues(workspace)] == [
        ("VAT on recharges", f"Jo Bloggs, {owner.name}")]
    edit_entry(workspace, issue.id, status=EntryStatus.RESOLVED)
    assert area_content.open_issues(workspace) == []
    assert len(workspace.rows(RECORD_ENTRIES)) == 2


# ------------------------------------------------------------------------------------- the documents


def test_the_mou_states_what_the_areas_hold_and_its_annex_shrinks(workspace, tmp_path):
    before, _, annex_before = export(workspace, tmp_path, ExportKind.MOU, "before.docx")
    assert any("The commercial model and, if it needs one, the host Partner" in t for t in annex_before)
    chair_text = "Who holds the position of Chair (Partnership Board)"
    assert any(t.startswith(chair_text) for t in annex_before)

    host = choose_hosted_model(workspace)
    chair = workspace.rows(POSITIONS)[0]
    positions.allocate(workspace, chair.id, workspace.network.partners[2].id)
    first = workspace.rows(RESERVED_MATTERS)[0]
    matters.edit_matter(workspace, first.id, rule_kind=RuleKind.UNANIMITY)
    agreed = item(workspace, "MOU signed by every partner")
    programme.set_status(workspace, [agreed], ItemStatus.AGREED)
    after, doc, annex_after = export(workspace, tmp_path, ExportKind.MOU, "after.docx")

    model = mou_clause(doc, "Commercial model")
    assert model[0] == ("The Partners have chosen “Arm's Length Organisation (hosted)” as the network’s commercial "
                        f"model, with {host} as host.")
    assert any(t.startswith(f"{host} will host the network") for t in model)
    assert "The reasons the Partners recorded for their choice: One team, one budget." in model
    assert any(f"will transfer to {host} under the TUPE regulations" in t for t in mou_clause(doc, "Workforce"))
    seats = doc.table_with_header("Position", "Held by", "Term and rotation")
    assert seats[1][:2] == ["Chair (Partnership Board)", workspace.network.partners[2].name]
    reserved = doc.table_with_header("Reserved matter", "Decision rule", "Escalation", "Tolerance")
    assert reserved[1] == [first.title, "Unanimity: every Partner must agree", "Partners’ boards", "Always reserved"]
    assert len(reserved) == 1 + len(workspace.rows(RESERVED_MATTERS))
    assert TO_BE_AGREED not in {row[1] for row in reserved}

    joined = "\n".join(annex_after)
    assert "The commercial model" not in joined and chair_text not in joined
    assert "MOU signed by every Partner" not in joined and "MOU signed by every Partner" in "\n".join(annex_before)
    assert len(annex_after) == len(annex_before) - 3 == after.open_matters  # model, the chair, the item
    assert before.open_matters == len(annex_before)


def test_the_heads_of_terms_take_what_the_checklist_holds(workspace, tmp_path):
    before, doc_before, annex_before = export(workspace, tmp_path, ExportKind.HEADS_OF_TERMS, "before.docx")
    termination_item = "Termination scenarios: how a Partner leaves and what happens then"
    assert f"{termination_item}: {TO_BE_AGREED}." in terms(doc_before)["Termination and exit"]
    assert "not started" not in terms(doc_before)["Termination and exit"]  # workshop status: Annex A only
    assert any(termination_item in t and "see term 11" in t for t in annex_before)
    assert not any("The notice period" in t for t in annex_before)  # the checklist item covers it

    host = choose_hosted_model(workspace)
    termination = item(workspace, "Termination scenarios")
    programme.set_status(workspace, [termination], ItemStatus.AGREED)
    programme.set_note(workspace, termination, NOTE)
    stranded = item(workspace, "Stranded costs")
    programme.set_status(workspace, [stranded], ItemStatus.IN_DISCUSSION)
    benefits = item(workspace, "Benefit sharing")
    programme.set_status(workspace, [benefits], ItemStatus.AGREED)
    after, doc, annex_after = export(workspace, tmp_path, ExportKind.HEADS_OF_TERMS, "after.docx")

    by_title = terms(doc)
    assert by_title["Termination and exit"].split("\n")[0] == (
        "Agreed (Outline Business Case): A Partner may leave after three years on twelve months’ notice; the "
        "others buy out its share of assets.")
    assert TO_BE_AGREED not in by_title["Termination and exit"]
    assert "Agreed (Full Business Case): “Benefit sharing mechanism ratified”." in by_title["Benefit sharing"]
    assert (f"Stranded costs: who carries the costs left behind in each trust: {TO_BE_AGREED}."
            in by_title["Stranded costs"])
    assert by_title["Commercial model and host"].startswith("Arm's Length Organisation (hosted). One network service")
    assert f"Host: {host}." in by_title["Commercial model and host"]
    assert f"transfer to {host} under the TUPE regulations" in by_title["Staff transfer (TUPE)"]

    joined = "\n".join(annex_after)
    assert termination_item not in joined and "Benefit sharing mechanism" not in joined
    assert "Stranded costs: who carries the costs left behind in each trust (in discussion, see term 9)." in joined
    assert "The commercial model and the host Partner" not in joined
    assert len(annex_after) == len(annex_before) - 3 == after.open_matters  # termination, benefits, the model
    assert before.open_matters == len(annex_before)


def test_an_agreement_undone_is_open_again_in_the_next_draft(workspace, tmp_path):
    _, _, annex_before = export(workspace, tmp_path, ExportKind.HEADS_OF_TERMS, "one.docx")
    programme.set_status(workspace, [item(workspace, "Capital: who funds")], ItemStatus.AGREED)
    _, _, annex_agreed = export(workspace, tmp_path, ExportKind.HEADS_OF_TERMS, "two.docx")
    assert "agreed" in (workspace.undo_label or "")
    workspace.undo()  # the agreement
    _, doc, annex_undone = export(workspace, tmp_path, ExportKind.HEADS_OF_TERMS, "three.docx")
    assert len(annex_agreed) == len(annex_before) - 1 == len(annex_undone) - 1
    assert f"Capital: who funds and owns new equipment: {TO_BE_AGREED}." in terms(doc)["Income and capital"]


@pytest.mark.parametrize("kind", [ExportKind.MOU, ExportKind.HEADS_OF_TERMS])
def test_a_later_step_item_is_listed_once_even_when_two_terms_name_it(workspace, tmp_path, kind):
    _, _, annex = export(workspace, tmp_path, kind, "draft.docx")
    texts = [t.split(" (")[0] for t in annex]
    assert len(texts) == len(set(texts))


def test_a_rule_the_agreed_votes_cannot_meet_is_open(workspace, tmp_path):
    surplus = workspace.rows(RESERVED_MATTERS)[-1]
    matters.edit_matter(workspace, surplus.id, min_partners=5)
    assert area_content.reserved_matters(workspace)[-1].problem is None
    workspace.execute(ReplacePartners("three partners", workspace.network.partners[:3]))
    found = area_content.reserved_matters(workspace)[-1]
    assert found.rule == "Simple majority: more than half of the votes, and at least 5 Partners"
    assert found.problem
    _, doc, annex = export(workspace, tmp_path, ExportKind.MOU, "draft.docx")
    reserved = doc.table_with_header("Reserved matter", "Decision rule", "Escalation", "Tolerance")
    assert reserved[-1][1] == f"{found.rule} — cannot be applied under the agreed votes, so {TO_BE_AGREED}"
    assert f"A workable decision rule for “{surplus.title}”: {found.problem.rstrip('.')} (see clause 6)." in annex
    _, hot, _ = export(workspace, tmp_path, ExportKind.HEADS_OF_TERMS, "hot.docx")
    assert (f"• {surplus.title}: simple majority (more than half of the votes, and at least 5 Partners), which "
            f"cannot be applied under the agreed votes, so {TO_BE_AGREED}; Partnership Board; always reserved") \
        in terms(hot)["Voting and reserved matters"].split("\n")
