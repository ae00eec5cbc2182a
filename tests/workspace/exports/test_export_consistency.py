"""The drafts read as one document a trust's lawyer can work on: no clause contradicts another, references point
to clauses that exist in THIS document, vetoes come from the voting engine and are stated once, and the wording
of rules, defined terms and organisation types is the same everywhere. Each .docx is read back with python-docx.
"""

from __future__ import annotations

import re
from fractions import Fraction

from docx_reading import read_docx
from imagingnet_desktop.documents.model import TO_BE_AGREED
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.workspace.commercial import appraisal_edits as commercial
from imagingnet_desktop.workspace.commercial.collections import OPTIONS
from imagingnet_desktop.workspace.exports.changes import NOT_IN, REMOVED
from imagingnet_desktop.workspace.exports.export import ExportKind, export_draft
from imagingnet_desktop.workspace.reports.report import build_report
from imagingnet_desktop.workspace.shares_votes.scenarios import (
    mark_agreed,
    save_scenario,
    set_working_scenario,
)
from imagingnet_desktop.workspace.workspace import Workspace

TERMS_HEADER = ("No.", "Term", "Heads of terms", "Status")


def export(workspace: Workspace, tmp_path, kind: ExportKind, name: str):  # type: ignore[no-untyped-def]
    export_draft(workspace, kind, tmp_path / name)
    return read_docx(tmp_path / name)


def clause(doc, title: str) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    paragraphs = doc.paragraphs
    headings = [i for i, p in enumerate(paragraphs) if p.style == "Clause Heading"]
    for n, start in enumerate(headings, start=1):
        if paragraphs[start].text.startswith(title):
            end = next((h for h in headings if h > start), len(paragraphs))
            return n, [p.text for p in paragraphs[start + 1:end] if p.style == "Clause Text"]
    raise AssertionError(f"no clause {title!r}")


def terms(doc) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {row[1]: row[2] for row in doc.table_with_header(*TERMS_HEADER)[1:]}


def every_text(doc) -> str:  # type: ignore[no-untyped-def]
    tables = ["\n".join(" | ".join(row) for row in table) for table in doc.tables]
    return "\n".join([*doc.texts(), *tables])


def agree_blend_at_75_with_wbk_veto(workspace: Workspace) -> None:
    wbk = workspace.network.by_code("WBK")
    set_working_scenario(workspace, Scenario(
        weights=((Basis.ACTIVITY, 50), (Basis.PAY, 50)), vote_method=VoteMethod.PROPORTIONAL, vote_basis="blend",
        rule_kind=RuleKind.QUALIFIED, qualified=Fraction(3, 4), veto_partner_ids=(wbk.id,)))
    mark_agreed(workspace, save_scenario(workspace, "Blend, 75%, WBK veto").id)


def choose_hosted_model(workspace: Workspace) -> None:
    arms_length = next(o.id for o in workspace.rows(OPTIONS) if o.model_key == "arms_length")
    commercial.short_list(workspace, arms_length)
    commercial.choose_preferred(workspace, arms_length, workspace.network.partners[0].id, "One team.")


# ------------------------------------------------------------------------------------------------ the MOU


def test_exit_is_notice_of_intent_and_the_exit_itself_a_reserved_matter(workspace, tmp_path):
    doc = export(workspace, tmp_path, ExportKind.MOU, "mou.docx")
    reserved_number, _ = clause(doc, "Reserved matters")
    exit_rule = next(row[1] for row in doc.table_with_header("Reserved matter", "Decision rule", "Escalation",
                                                             "Tolerance") if "exit" in row[0])
    _, term = clause(doc, "Term, review and exit")
    leaving = next(t for t in term if "leave" in t)
    assert "A Partner may leave by giving" not in leaving  # no exit on notice alone beside a 2/3 reserved matter
    assert "notice in writing of its intention" in leaving
    assert f"reserved matter under clause {reserved_number}" in leaving
    assert f"({exit_rule[:1].lower()}{exit_rule[1:]})" in leaving


def test_the_tables_tolerances_apply_and_deadlock_goes_to_this_documents_own_clause(workspace, tmp_path):
    doc = export(workspace, tmp_path, ExportKind.MOU, "mou.docx")
    table = doc.table_with_header("Reserved matter", "Decision rule", "Escalation", "Tolerance")
    assert any("£" in row[3] for row in table[1:])
    governance_number, governance = clause(doc, "Governance")
    _, reserved = clause(doc, "Reserved matters")
    tolerances = next(t for t in reserved if "tolerances" in t)
    assert tolerances.startswith("The tolerances in the table") and "apply until the annual business plan" in tolerances
    assert "dispute clause of the partnership agreement" not in every_text(doc)
    deadlock = next(t for t in reserved if "cannot agree" in t)
    reference = re.search(r"clause (\d+)\.(\d+)", deadlock)
    assert reference is not None and int(reference.group(1)) == governance_number
    assert governance[int(reference.group(2)) - 1].startswith("A matter the Board cannot resolve")


def test_votes_name_the_shareholding_clause_and_every_veto_player_once(workspace, tmp_path):
    agree_blend_at_75_with_wbk_veto(workspace)
    voting = build_report(workspace)["voting"]
    assert voting["agreed"] and set(voting["veto_players"]) == {"NSH", "WBK"}  # NSH by its 34.9% alone
    doc = export(workspace, tmp_path, ExportKind.MOU, "mou.docx")
    shares_number, _ = clause(doc, "Shareholding")
    _, governance = clause(doc, "Governance")
    assert "the blend of bases above" not in every_text(doc)
    assert any(f"the blend of bases in clause {shares_number}" in t for t in governance)
    rule = next(t for t in governance if t.startswith("A decision of the Partnership Board passes"))
    assert "at least 75% of the votes" in rule
    assert all(code in rule for code in voting["veto_players"])
    assert "NSH and WBK can each block any decision alone" in rule
    assert rule.count("holds a veto") + rule.count("each hold a veto") == 0  # not stated a second time
    assert sum("veto" in t for t in governance) == 1


def test_one_wording_for_rules_the_defined_term_and_organisation_types(workspace, tmp_path):
    agree_blend_at_75_with_wbk_veto(workspace)
    for kind in (ExportKind.MOU, ExportKind.HEADS_OF_TERMS):
        text = every_text(export(workspace, tmp_path, kind, f"{kind.value}.docx"))
        assert not re.search(r"\d(%|/\d+) of votes", text)
        assert "3/4 of the votes" not in text and "75% of the votes" in text
        assert not re.search(r"every partner|at least \d+ partners|A partner's", text)
        # the organisation types as the parties table gives them (the generic "NHS trusts" of the strategy aside)
        assert "foundation trust" not in text
        assert not re.search(r"(are|and \d+) NHS trusts|is an NHS trust", text)


# ------------------------------------------------------------------------------------------------ heads of terms


def test_one_dispute_route_ending_in_the_courts(workspace, tmp_path):
    by_title = terms(export(workspace, tmp_path, ExportKind.HEADS_OF_TERMS, "hot.docx"))
    numbers = {row: n for n, row in enumerate(by_title, start=1)}
    disputes = by_title["Dispute resolution"]
    assert "arbitration" not in "\n".join(by_title.values())
    assert f"courts of England and Wales under term {numbers['Governing law']}" in disputes
    assert "exclusive jurisdiction of the courts" in by_title["Governing law"]


def test_income_is_not_given_to_a_host_before_a_model_is_chosen(workspace, tmp_path):
    income = terms(export(workspace, tmp_path, ExportKind.HEADS_OF_TERMS, "one.docx"))["Income and capital"]
    assert "by the host Partner (" not in income
    assert "the host Partner or the network’s own entity, as the model chosen under term 2 provides" in income
    choose_hosted_model(workspace)
    income = terms(export(workspace, tmp_path, ExportKind.HEADS_OF_TERMS, "two.docx"))["Income and capital"]
    assert f"accounted for by {workspace.network.partners[0].name};" in income


def test_workshop_status_stays_in_annex_a(workspace, tmp_path):
    doc = export(workspace, tmp_path, ExportKind.HEADS_OF_TERMS, "hot.docx")
    legal = "\n".join(terms(doc).values())
    assert "workstream)" not in legal and "is not started" not in legal
    assert f"Termination scenarios: how a Partner leaves and what happens then: {TO_BE_AGREED}." in legal
    annex = "\n".join(doc.texts("Clause Text"))
    assert "Termination scenarios: how a Partner leaves and what happens then (not started, see term 11)." in annex


def test_the_hot_exit_defers_to_the_reserved_matter(workspace, tmp_path):
    termination = terms(export(workspace, tmp_path, ExportKind.HEADS_OF_TERMS, "hot.docx"))["Termination and exit"]
    assert "A Partner’s exit is a reserved matter (term 5)" in termination


# ------------------------------------------------------------------------------------------------ Annex B


def test_a_removed_text_is_shown_once_under_the_number_it_had(workspace, tmp_path):
    export(workspace, tmp_path, ExportKind.MOU, "v1.docx")
    choose_hosted_model(workspace)
    doc = export(workspace, tmp_path, ExportKind.MOU, "v2.docx")
    rows = doc.table_with_header("Clause", "Was (version 1)", "Now")[1:]
    added = {r[0] for r in rows if r[1] == NOT_IN}
    removed = [r[0] for r in rows if r[2] == REMOVED]
    assert removed and added
    assert all(label.endswith(")") and "(was " in label for label in removed)
    numbers_added = {label.split(" ")[0] for label in added}
    assert not any(label.split(" ")[0] in numbers_added for label in removed)  # "4.2" never names both
    assert len(removed) == len(set(removed))


def test_joining_and_who_decides_follow_the_reserved_matters(workspace, tmp_path):
    from imagingnet_desktop.workspace.control import matters
    from imagingnet_desktop.workspace.control.control_rows import RESERVED_MATTERS

    admit = next(m for m in workspace.rows(RESERVED_MATTERS) if m.title.startswith("Admit"))
    matters.edit_matter(workspace, admit.id, rule_kind=RuleKind.QUALIFIED, fraction_num=3, fraction_den=4)
    doc = export(workspace, tmp_path, ExportKind.MOU, "mou.docx")
    _, term = clause(doc, "Term, review and exit")
    joining = next(t for t in term if t.startswith("Another trust may join"))
    assert "with the agreement of every Partner" not in joining  # the table says 75%, not unanimity
    assert "(qualified majority: at least 75% of the votes)" in joining
    table = doc.table_with_header("Reserved matter", "Decision rule", "Escalation", "Tolerance")
    assert {row[2] for row in table[1:]} == {"Partnership Board", "Partners’ boards"}  # as clause 6.1 calls them
    parties = terms(export(workspace, tmp_path, ExportKind.HEADS_OF_TERMS, "hot.docx"))["Parties"]
    assert "under its rule (term 5)" in parties and "agreement of every Partner" not in parties


def test_the_business_plan_is_approved_as_the_reserved_matters_say(workspace, tmp_path):
    doc = export(workspace, tmp_path, ExportKind.MOU, "mou.docx")
    reserved_number, _ = clause(doc, "Reserved matters")
    _, control = clause(doc, "Control and assurance")
    plan = next(t for t in control if t.startswith("The network will prepare an annual business plan"))
    assert "each Partner’s board approves" not in plan  # the table gives it a 75% rule, not every board
    assert f"approved as clause {reserved_number} provides" in plan
