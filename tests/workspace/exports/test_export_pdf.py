"""Both drafts opened by LibreOffice and turned into PDF (``soffice --headless --convert-to pdf``), then read
with pdftotext: names with & < > ' " accents, Welsh letters and emoji survive to the page, the header and
page numbers are there, clauses are numbered, and the shares read as the app shows them.

Skipped, with the reason, where LibreOffice (or pdftotext) is not installed; CI installs both.
"""

from __future__ import annotations

import re
import shutil

import pytest

from docx_reading import docx_to_pdf_text, read_docx, soffice
from imagingnet_desktop.workspace.exports.export import ExportKind, export_draft
from imagingnet_desktop.workspace.network.partner_commands import edit_partner_field, rename_network

NETWORK = "Gogledd & De <Rhwydwaith> 'Delweddu' \"Cymru\" — ŵ ŷ 🩻"
PARTNER = "Ysbyty Gwynedd ŵ ŷ & Hôpital Éclair <Trust> 'x' \"y\" 😀"
ALLIANCE = "Café 'Crème' \"Brûlée\" 🩻 Alliance"

needs_libreoffice = pytest.mark.skipif(
    soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and pdftotext are not installed: apt-get install libreoffice-writer-nogui "
           "poppler-utils",
)


def awkward_names(workspace) -> None:
    rename_network(workspace, NETWORK)
    first = workspace.network.partners[0]
    edit_partner_field(workspace, first.id, "name", PARTNER)
    edit_partner_field(workspace, first.id, "cancer_alliance", ALLIANCE)


def test_awkward_names_survive_into_both_word_documents(workspace, tmp_path):
    awkward_names(workspace)
    for kind in ExportKind:
        path = tmp_path / f"{kind.value}.docx"
        export_draft(workspace, kind, path)
        doc = read_docx(path)
        assert doc.texts("Subtitle") == [NETWORK]
        assert f"Signed for and on behalf of {PARTNER}" in doc.texts("Signature Text")
        assert PARTNER in doc.table_with_header("No.", "Partner", "Organisation type", "Short name")[1]
        assert doc.word.core_properties.title.startswith(NETWORK)
        if kind is ExportKind.MOU:
            assert any(ALLIANCE in t for t in doc.texts("Recital"))


def flat(text: str) -> str:
    return " ".join(text.split())


@needs_libreoffice
def test_libreoffice_reads_both_drafts_and_their_text_survives(workspace, tmp_path):
    awkward_names(workspace)
    mou, hot = tmp_path / "mou.docx", tmp_path / "heads-of-terms.docx"
    export_draft(workspace, ExportKind.MOU, mou)
    export_draft(workspace, ExportKind.HEADS_OF_TERMS, hot)
    texts = docx_to_pdf_text([mou, hot], tmp_path)
    for path, raw in texts.items():
        text = flat(raw)
        for expected in ("DRAFT — subject to contract", "Page 1 of", PARTNER, "Gogledd & De <Rhwydwaith>",
                         "'Delweddu' \"Cymru\"", "ŵ ŷ", "Annex A — Matters still open",
                         "Annex B — Changes since the last exported version", "[to be agreed]"):
            assert expected in text, (path.name, expected)
        pages = re.findall(r"Page (\d+) of (\d+)", text)
        assert len(pages) >= 5 and pages[0] == ("1", pages[0][1]) and len({total for _, total in pages}) == 1
        assert ("😀" in text) or ("Hôpital Éclair <Trust>" in text)  # the emoji where a font has it
        for partner in workspace.network.partners:
            assert flat(f"Signed for and on behalf of {partner.name}") in text
    mou_text = flat(texts[mou])
    assert "1. Purpose of this memorandum 1.1 This memorandum records" in mou_text
    assert "15. Confidentiality (legally binding) 15.1 Each Partner" in mou_text
    assert re.search(r"A\. The national strategy .* B\. The strategy describes", mou_text)
    assert "33.32%" in mou_text and "100.00%" in mou_text
    assert "1. Commercial model 1.1 The commercial model and, if it needs one, the host Partner (see clause 4)." \
        in mou_text  # Annex A numbers start again at 1
    hot_text = flat(texts[hot])
    assert "13 Confidentiality Each Partner will keep confidential" in hot_text
    assert re.search(r"12 Dispute resolution Escalation first .* Subject to", hot_text)
    assert re.search(r"16 Governing law These heads of terms and any dispute .* Binding", hot_text)
