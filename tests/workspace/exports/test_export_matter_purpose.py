"""The drafts' joining and exit clauses follow the reserved matter whose purpose is admission or exit, whatever the
board calls it: a renamed matter keeps its place in the MOU and the heads of terms, and a title's words alone
(without the purpose) give a matter no such place."""

from __future__ import annotations

from docx_reading import read_docx
from imagingnet_desktop.domain.control.reserved_matters import MatterPurpose
from imagingnet_desktop.workspace.control import matters
from imagingnet_desktop.workspace.control.control_rows import RESERVED_MATTERS
from imagingnet_desktop.workspace.exports import area_content
from imagingnet_desktop.workspace.exports.export import ExportKind, export_draft
from imagingnet_desktop.workspace.workspace import Workspace

ADMIT = "Admit a new partner or remove a partner"
EXIT = "A partner's exit from the network"
TERMS_HEADER = ("No.", "Term", "Heads of terms", "Status")
MATTERS_HEADER = ("Reserved matter", "Decision rule", "Escalation", "Tolerance")


def matter_id(ws: Workspace, title: str) -> int:
    return next(m.id for m in ws.rows(RESERVED_MATTERS) if m.title == title)


def mou_term_clause(ws: Workspace, tmp_path) -> tuple[list[str], dict[str, str]]:  # type: ignore[no-untyped-def]
    """The MOU's "Term, review and exit" paragraphs, and its reserved matters table (matter -> rule)."""
    export_draft(ws, ExportKind.MOU, tmp_path / "mou.docx")
    doc = read_docx(tmp_path / "mou.docx")
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs)
                 if p.style == "Clause Heading" and p.text.startswith("Term, review and exit"))
    end = next((i for i in range(start + 1, len(paragraphs)) if paragraphs[i].style == "Clause Heading"),
               len(paragraphs))
    texts = [p.text for p in paragraphs[start + 1:end] if p.style == "Clause Text"]
    rules = {row[0]: row[1] for row in doc.table_with_header(*MATTERS_HEADER)[1:]}
    return texts, rules


def hot_terms(ws: Workspace, tmp_path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    export_draft(ws, ExportKind.HEADS_OF_TERMS, tmp_path / "hot.docx")
    doc = read_docx(tmp_path / "hot.docx")
    return {row[1]: row[2] for row in doc.table_with_header(*TERMS_HEADER)[1:]}


def lowered(rule: str) -> str:
    return f"({rule[:1].lower()}{rule[1:]})"


def test_a_renamed_admission_matter_still_gives_the_rule_for_joining(workspace, tmp_path):
    admit = matter_id(workspace, ADMIT)
    matters.edit_matter(workspace, admit, title="New members")
    assert workspace.row(RESERVED_MATTERS, admit).purpose is MatterPurpose.ADMISSION
    texts, rules = mou_term_clause(workspace, tmp_path)
    joining = next(t for t in texts if t.startswith("Another trust may join"))
    assert "a decision to admit it, a reserved matter under clause" in joining
    assert lowered(rules["New members"]) in joining and "unanimity" in joining.casefold()
    parties = hot_terms(workspace, tmp_path)["Parties"]
    assert "by a decision on admitting a new Partner under its rule" in parties


def test_a_renamed_exit_matter_still_decides_a_partners_exit(workspace, tmp_path):
    leaving = matter_id(workspace, EXIT)
    matters.edit_matter(workspace, leaving, title="Departures")
    texts, rules = mou_term_clause(workspace, tmp_path)
    exit_text = next(t for t in texts if "leave" in t)
    assert "Its exit is a reserved matter under clause" in exit_text
    assert lowered(rules["Departures"]) in exit_text
    termination = hot_terms(workspace, tmp_path)["Termination and exit"]
    assert "takes effect when decided under the rule for that matter" in termination


def test_the_purpose_not_the_title_words_decides_which_rule_the_drafts_give(workspace, tmp_path):
    """The admission purpose moved to a matter whose title says nothing of joining; a title saying "join" and
    "leave" but without a purpose is not used."""
    admit, leaving = matter_id(workspace, ADMIT), matter_id(workspace, EXIT)
    surplus = matter_id(workspace, "Distribute a surplus")
    matters.set_purpose(workspace, admit, MatterPurpose.NONE)
    matters.set_purpose(workspace, leaving, MatterPurpose.NONE)
    matters.set_purpose(workspace, surplus, MatterPurpose.ADMISSION)
    found = {m.matter: m for m in area_content.reserved_matters(workspace)}
    assert [t for t, m in found.items() if m.is_admission] == ["Distribute a surplus"]
    assert not any(m.is_exit for m in found.values())  # "exit" in a title is no longer enough
    texts, rules = mou_term_clause(workspace, tmp_path)
    joining = next(t for t in texts if t.startswith("Another trust may join"))
    assert lowered(rules["Distribute a surplus"]) in joining and "at least 3 partners" in joining.casefold()
    assert any(t.startswith("A Partner may leave by giving the other Partners 30 days’ notice") for t in texts)

    matters.edit_matter(workspace, admit, title="Join or leave the network")  # words, but no purpose
    assert workspace.row(RESERVED_MATTERS, admit).purpose is MatterPurpose.NONE
    assert [m.matter for m in area_content.reserved_matters(workspace) if m.is_admission or m.is_exit] == [
        "Distribute a surplus"]
