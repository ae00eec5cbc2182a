"""The draft heads of terms read back: a numbered table of terms, binding only for confidentiality,
exclusivity, costs and governing law, with the shares, votes and reserved-matter rules from the workspace."""

from __future__ import annotations

import pytest

from docx_reading import header_rows_repeat, read_docx, widths_on_every_cell
from imagingnet_desktop.documents.model import TO_BE_AGREED
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.workspace.exports import area_content
from imagingnet_desktop.workspace.exports.area_content import ModelStatus, ModelText, ReservedMatterText
from imagingnet_desktop.workspace.exports.export import ExportKind, export_draft
from imagingnet_desktop.workspace.shares_votes.scenarios import analyse_scenario
from shares_votes_helpers import DEMO_ACTIVITY, hundredths, percent_text

TERMS_HEADER = ("No.", "Term", "Heads of terms", "Status")
BINDING = {"Confidentiality", "Exclusivity", "Costs", "Governing law"}


def export_hot(workspace, tmp_path):
    path = tmp_path / "hot.docx"
    outcome = export_draft(workspace, ExportKind.HEADS_OF_TERMS, path)
    return outcome, read_docx(path)


def terms(doc) -> dict[str, list[str]]:
    table = doc.table_with_header(*TERMS_HEADER)
    return {row[1]: row for row in table[1:]}


def test_a_numbered_table_of_terms_binding_only_where_it_should_be(workspace, tmp_path):
    _, doc = export_hot(workspace, tmp_path)
    table = doc.table_with_header(*TERMS_HEADER)
    rows = table[1:]
    assert [row[0] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]
    titles = [row[1] for row in rows]
    for expected in ("Parties", "Commercial model and host", "Term", "Shares and the basis",
                     "Voting and reserved matters", "Income and capital", "Asset and contract transfer",
                     "Staff transfer (TUPE)", "Stranded costs", "Benefit sharing", "Termination and exit",
                     "Dispute resolution", *sorted(BINDING)):
        assert expected in titles, expected
    assert {row[1] for row in rows if row[3] == "Binding"} == BINDING
    assert {row[3] for row in rows if row[1] not in BINDING} == {"Subject to contract"}
    binding_numbers = [row[0] for row in rows if row[3] == "Binding"]
    status = next(t for t in doc.texts("Clause Text") if t.startswith("Except for terms"))
    assert status.startswith(f"Except for terms {', '.join(binding_numbers[:-1])} and {binding_numbers[-1]} "
                             "(confidentiality, exclusivity, costs and governing law)")
    word_table = next(t for t in doc.word.tables if t.rows[0].cells[0].text == "No." and
                      t.rows[0].cells[2].text == "Heads of terms")
    assert header_rows_repeat(word_table) and widths_on_every_cell(word_table)
    assert doc.header_text == "DRAFT — subject to contract"
    assert doc.texts("Title") == ["Draft Heads of Terms"]


def test_every_partner_named_with_shares_and_votes_as_the_app_shows_them(workspace, tmp_path):
    _, doc = export_hot(workspace, tmp_path)
    by_title = terms(doc)
    shares = by_title["Shares and the basis"][2].split("\n")
    partners = workspace.network.partners
    analysis = analyse_scenario(workspace, Scenario())
    expected = [f"• {p.name} ({p.code}): {percent_text(h)}%" for p, h in zip(partners, hundredths(DEMO_ACTIVITY),
                                                                          strict=True)]
    assert [line for line in shares if "(" in line and line.endswith("%")] == expected
    assert [f"{analysis.table.blend.percents[p.id]:.2f}%" for p in partners] == [e.rsplit(" ", 1)[1] for e in expected]
    votes = by_title["Voting and reserved matters"][2].split("\n")
    assert [f"• {p.name} ({p.code}): 1 vote (20.00%)" for p in partners] == [v for v in votes if v.endswith("(20.00%)")]
    assert "Decision rule: simple majority (more than half of the votes); a decision needs 3 of the 5 votes." in votes
    parties = doc.table_with_header("No.", "Partner", "Organisation type", "Short name")
    assert [row[1] for row in parties[1:]] == [p.name for p in partners]
    assert doc.texts("Signature Text") == [f"Signed for and on behalf of {p.name}" for p in partners]


@pytest.mark.usefixtures("quiet_areas")
def test_reserved_matter_rules_and_a_chosen_model_appear_in_their_terms(workspace, tmp_path, monkeypatch):
    monkeypatch.setattr(area_content, "reserved_matters", lambda ws: [
        ReservedMatterText("Material contracts over £1m", "Qualified majority: at least 75% of votes",
                           "Trust Boards"),
        ReservedMatterText("Key appointments", None)])
    host = workspace.network.partners[2].name
    monkeypatch.setattr(area_content, "commercial_model", lambda ws: ModelText(
        ModelStatus.CHOSEN, "Contractual partnership", "A collaboration agreement binds the Partners.",
        host=host, implies_tupe=False))
    outcome, doc = export_hot(workspace, tmp_path)
    by_title = terms(doc)
    voting = by_title["Voting and reserved matters"][2]
    assert "• Material contracts over £1m: qualified majority (at least 75% of votes); Trust Boards" in voting
    assert f"• Key appointments: {TO_BE_AGREED}" in voting
    model = by_title["Commercial model and host"][2]
    assert model.startswith("Contractual partnership. A collaboration agreement binds the Partners.")
    assert f"Host: {host}." in model
    assert by_title["Staff transfer (TUPE)"][2] == ("No staff transfer under Contractual partnership: staff stay employed by "
                                                    "their present Partner.")
    joined = "\n".join(doc.texts())
    assert "The decision rule for the reserved matter “Key appointments” (see term 5)." in joined
    assert "The commercial model and the host Partner" not in joined
    assert outcome.open_matters == len([t for t in doc.texts("Clause Text") if "(see term" in t])


@pytest.mark.usefixtures("quiet_areas")
def test_undecided_terms_say_to_be_agreed_and_are_listed(workspace, tmp_path):
    outcome, doc = export_hot(workspace, tmp_path)
    by_title = terms(doc)
    for title in ("Commercial model and host", "Term", "Shares and the basis", "Voting and reserved matters",
                  "Stranded costs", "Termination and exit"):
        assert TO_BE_AGREED in by_title[title][2], title
    annex = [t for t in doc.texts("Clause Text") if "(see term" in t]
    assert len(annex) == outcome.open_matters == 8
    assert "The notice period for a Partner leaving the partnership agreement (see term 11)." in annex
