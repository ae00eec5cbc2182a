"""The draft MOU read back with python-docx and checked against the workspace: every partner named with its
type, shares exactly as the Shares & votes tab shows them, the votes and rule, reserved matters with their
rules, binding clauses marked, header rows marked to repeat, open matters in Annex A."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest

from docx_reading import header_rows_repeat, read_docx, widths_on_every_cell
from imagingnet_desktop.documents.model import TO_BE_AGREED
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.workspace.exports import area_content
from imagingnet_desktop.workspace.exports.area_content import (
    BoardPositionText,
    ModelStatus,
    ModelText,
    OpenChecklistItem,
    ReservedMatterText,
    TimetableEntry,
)
from imagingnet_desktop.workspace.exports.export import ExportKind, export_draft
from imagingnet_desktop.workspace.network.partner_commands import ReplacePartners
from imagingnet_desktop.workspace.shares_votes.scenarios import (
    analyse_scenario,
    mark_agreed,
    save_scenario,
    set_working_scenario,
)
from shares_votes_helpers import DEMO_ACTIVITY, DEMO_CODES, DEMO_PAY, hundredths, percent_text

SHARES_HEADER = ("Partner", "Short name", "Share")


def export_mou(workspace, tmp_path, name="mou.docx"):
    path = tmp_path / name
    outcome = export_draft(workspace, ExportKind.MOU, path)
    return outcome, read_docx(path)


def clause(doc, title: str) -> tuple[int, list[str]]:
    """(number, texts of its numbered sub-clauses) of the body clause titled ``title``."""
    paragraphs = doc.paragraphs
    headings = [i for i, p in enumerate(paragraphs) if p.style == "Clause Heading"]
    for n, start in enumerate(headings, start=1):
        if paragraphs[start].text.startswith(title):
            end = next((h for h in headings if h > start), len(paragraphs))
            return n, [p.text for p in paragraphs[start + 1:end] if p.style == "Clause Text"]
    raise AssertionError(f"no clause {title!r}")


def test_every_partner_is_a_party_with_its_type_and_signs(workspace, tmp_path):
    _, doc = export_mou(workspace, tmp_path)
    parties = doc.table_with_header("No.", "Partner", "Organisation type", "Short name")
    partners = workspace.network.partners
    assert parties[1:] == [[f"({i})", p.name, p.organisation_type, p.code] for i, p in enumerate(partners, 1)]
    assert doc.texts("Signature Text") == [f"Signed for and on behalf of {p.name}" for p in partners]
    assert doc.texts("Subtitle") == [workspace.network.name]
    assert doc.texts("Title") == ["Draft Memorandum of Understanding"]


def test_shares_are_those_the_app_shows_and_add_to_100(workspace, tmp_path):
    _, doc = export_mou(workspace, tmp_path)
    table = doc.table_with_header(*SHARES_HEADER)
    independent = [f"{percent_text(h)}%" for h in hundredths(DEMO_ACTIVITY)]
    analysis = analyse_scenario(workspace, Scenario())
    in_app = [f"{analysis.table.blend.percents[p.id]:.2f}%" for p in workspace.network.partners]
    assert [row[2] for row in table[1:-1]] == independent == in_app
    assert [row[1] for row in table[1:-1]] == list(DEMO_CODES)
    assert table[-1] == ["Total", "", "100.00%"]
    _, items = clause(doc, "Shareholding")
    assert any(TO_BE_AGREED in t and "activity (examinations) alone, for illustration only" in t for t in items)


@pytest.mark.usefixtures("quiet_areas")
def test_an_agreed_blend_is_stated_as_agreed_with_its_shares_and_votes(workspace, tmp_path):
    weights = tuple((b, 50 if b in (Basis.ACTIVITY, Basis.PAY) else 0) for b in Basis)
    set_working_scenario(workspace, Scenario(weights=weights, vote_method=VoteMethod.PROPORTIONAL,
                                             rule_kind=RuleKind.QUALIFIED, qualified=Fraction(3, 4)))
    saved = save_scenario(workspace, "Half activity, half pay")
    mark_agreed(workspace, saved.id)
    outcome, doc = export_mou(workspace, tmp_path)

    analysis = analyse_scenario(workspace, saved.scenario)
    blend = analysis.table.blend
    expected = [f"{blend.percents[p.id]:.2f}%" for p in workspace.network.partners]
    table = doc.table_with_header(*SHARES_HEADER)
    assert [row[2] for row in table[1:-1]] == expected
    # independently: the mean of the two bases' exact proportions, to 2 dp summing to 100
    activity = [a / sum(DEMO_ACTIVITY) for a in DEMO_ACTIVITY]
    pay = [p / sum(DEMO_PAY) for p in DEMO_PAY]
    for shown, a, p in zip(expected, activity, pay, strict=True):
        assert abs(float(shown[:-1]) - 50 * (a + p)) < 0.01
    number, items = clause(doc, "Shareholding")
    assert any(t.startswith("The Partners have agreed that shares follow a blend of bases: ") and
               "share = 50.00% × Activity (examinations) + 50.00% × Pay" in t for t in items)
    votes = doc.table_with_header("Partner", "Short name", "Votes", "Share of votes")
    assert [int(row[2].replace(",", "")) for row in votes[1:-1]] == list(analysis.votes)
    assert votes[-1][2] == f"{sum(analysis.votes):,}"
    _, governance = clause(doc, "Governance")
    rule = next(t for t in governance if t.startswith("A decision of the Partnership Board passes"))
    assert "qualified majority (at least 75% of the votes)" in rule
    assert f"a decision needs {analysis.game.quota:,} of the {sum(analysis.votes):,} votes" in rule
    annex_a = "\n".join(doc.texts())
    assert "no scenario is marked as agreed" not in annex_a
    assert outcome.open_matters == 7 - 2  # shares and votes are no longer open


def test_binding_clauses_are_marked_and_named_in_the_status_clause(workspace, tmp_path):
    _, doc = export_mou(workspace, tmp_path)
    headings = [h.text for h in doc.clause_headings()]
    binding = [h for h in headings if h.endswith("(legally binding)")]
    assert binding == ["Confidentiality (legally binding)", "Costs (legally binding)",
                       "Governing law (legally binding)"]
    numbers = [headings.index(h) + 1 for h in binding]
    _, status = clause(doc, "Status of this memorandum")
    assert f"except clauses {numbers[0]}, {numbers[1]} and {numbers[2]} (confidentiality, costs and governing law)" \
        in status[0]
    assert "It is not a contract" in status[0]
    assert doc.header_text == "DRAFT — subject to contract"


@pytest.mark.usefixtures("quiet_areas")
def test_every_table_repeats_its_header_row_and_sets_every_cell_width(workspace, tmp_path):
    _, doc = export_mou(workspace, tmp_path)
    assert [t[0][0] for t in doc.tables] == ["No.", "Partner", "Partner", "Step"]  # parties, votes, shares, timetable
    for table in doc.word.tables:
        assert header_rows_repeat(table)
        assert widths_on_every_cell(table)


@pytest.mark.usefixtures("quiet_areas")
def test_with_nothing_decided_the_open_matters_are_listed_in_annex_a(workspace, tmp_path):
    outcome, doc = export_mou(workspace, tmp_path)
    texts = doc.texts()
    start = texts.index("Annex A — Matters still open")
    annex = texts[start:texts.index("Annex B — Changes since the last exported version")]
    joined = "\n".join(annex)
    model_number, _ = clause(doc, "Commercial model")
    assert f"The commercial model and, if it needs one, the host Partner (see clause {model_number})." in joined
    for expected in ("The list of reserved matters, with the decision rule for each",
                     "Board positions", "monitoring groups", "Target dates for: Memorandum of understanding",
                     "The basis for the shares", "How votes are held"):
        assert expected in joined, expected
    assert outcome.open_matters == 7
    assert annex[1].startswith("7 matters are still open")
    assert [t for t in annex if t in ("Commercial model", "Control", "Programme", "Shares & votes")]
    assert "This is the first exported version" in "\n".join(texts[texts.index(annex[-1]):])


def test_reserved_matters_show_each_rule_and_an_unruled_one_is_open(workspace, tmp_path, monkeypatch):
    matters = [ReservedMatterText("Approving the annual business plan", "Unanimity: every partner must agree",
                                  "Trust Boards", "more than 5% from plan"),
               ReservedMatterText("Admitting a new partner & <its> ‘terms’", None)]
    monkeypatch.setattr(area_content, "reserved_matters", lambda ws: matters)
    _, doc = export_mou(workspace, tmp_path)
    table = doc.table_with_header("Reserved matter", "Decision rule", "Escalation", "Tolerance")
    assert table[1:] == [
        ["Approving the annual business plan", "Unanimity: every partner must agree", "Trust Boards",
         "more than 5% from plan"],
        ["Admitting a new partner & <its> ‘terms’", TO_BE_AGREED, "Partnership Board", "—"],
    ]
    joined = "\n".join(doc.texts())
    assert "The decision rule for the reserved matter “Admitting a new partner & <its> ‘terms’”" in joined
    assert "The list of reserved matters" not in joined


@pytest.mark.usefixtures("quiet_areas")
def test_what_the_other_areas_hold_flows_into_the_draft(workspace, tmp_path, monkeypatch):
    host = workspace.network.partners[0].name
    monkeypatch.setattr(area_content, "commercial_model", lambda ws: ModelText(
        ModelStatus.CHOSEN, "an arm’s-length organisation", "One management team runs imaging for the network.",
        host=host, implies_tupe=True))
    monkeypatch.setattr(area_content, "board_positions", lambda ws: [
        BoardPositionText("Chair", host, "rotates every two years"), BoardPositionText("Vice-chair", None)])
    steps = ("MOU", "SOC", "OBC", "FBC", "Implementation", "Monitoring & Management")
    monkeypatch.setattr(area_content, "programme_timetable", lambda ws: [
        TimetableEntry(step, date(2027, 1 + i, 1), current=i == 0) for i, step in enumerate(steps)])
    monkeypatch.setattr(area_content, "open_checklist_items", lambda ws: [
        OpenChecklistItem("OBC", "Finance", "Agree the financial baseline", "in discussion", host, date(2027, 3, 31))])
    outcome, doc = export_mou(workspace, tmp_path)

    _, model = clause(doc, "Commercial model")
    assert model[:2] == [f"The Partners have chosen “an arm’s-length organisation” as the network’s commercial model, "
                         f"with {host} as host.", "One management team runs imaging for the network."]
    _, workforce = clause(doc, "Workforce")
    assert any(f"will transfer to {host} under the TUPE regulations" in t for t in workforce)
    positions = doc.table_with_header("Position", "Held by", "Term and rotation")
    assert positions[1:] == [["Chair", host, "rotates every two years"], ["Vice-chair", TO_BE_AGREED, "—"]]
    timetable = doc.table_with_header("Step", "What it delivers", "Target date")
    assert [row[2] for row in timetable[1:]] == [f"1 {m} 2027" for m in
                                                 ("January", "February", "March", "April", "May", "June")]
    assert timetable[1][0] == "Memorandum of understanding (current step)"
    joined = "\n".join(doc.texts())
    assert "OBC, Finance: Agree the financial baseline (in discussion, owner " in joined
    assert "Who holds the position of Vice-chair" in joined
    assert "The commercial model and, if it needs one" not in joined and "Target dates" not in joined
    assert outcome.open_matters == 7 - 3 + 1 + 1  # model, positions, dates settled; vice-chair, checklist


def test_the_background_measures_the_network_against_the_national_characteristics(workspace, tmp_path):
    _, doc = export_mou(workspace, tmp_path)
    recitals = doc.texts("Recital")
    assert len(recitals) == 7
    population = sum(p.population_served for p in workspace.network.partners)
    assert f"Together the Partners serve {population:,} people, which is within the range of 1,500,000 to " \
           "4,500,000" in recitals[2]
    assert re.search(r"vacancy rate among imaging staff is \d+\.\d%, above the 15%", recitals[3])


@pytest.mark.parametrize("count", [3, 8])
def test_partner_counts_in_practice_export(workspace, tmp_path, count):
    partners = workspace.network.partners
    extra = tuple(replace(partners[i % len(partners)], id=100 + i, code=f"X{i}", name=f"Extra Trust {i}")
                  for i in range(max(0, count - len(partners))))
    workspace.execute(ReplacePartners("set partners", (partners + extra)[:count]))
    outcome, doc = export_mou(workspace, tmp_path)
    table = doc.table_with_header(*SHARES_HEADER)
    assert len(table) == count + 2
    assert sum(float(row[2][:-1]) for row in table[1:-1]) == pytest.approx(100.0)
    assert outcome.version == 1
