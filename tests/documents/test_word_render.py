"""The renderer: every style from the template, numbering that starts again in each annex, header rows that
repeat, widths on every cell, a page-number field, and any text surviving (or, for XML-illegal characters,
dropped rather than failing)."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from docx_reading import header_rows_repeat, read_docx, widths_on_every_cell
from imagingnet_desktop.documents import styles
from imagingnet_desktop.documents.model import (
    TO_BE_AGREED,
    Align,
    Annex,
    Bullets,
    Clause,
    ClauseItem,
    Column,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Recital,
    SignatureBlock,
    Table,
    TitlePage,
)
from imagingnet_desktop.documents.output import write_document
from imagingnet_desktop.documents.word import BINDING_MARK

NAME = "Ysbyty Gwynedd ŵ ŷ & <Hôpital> 'Éclair' \"São\" 😀"


def sample(rows: int = 3) -> Document:
    table = Table((Column("Partner", 100), Column("Share", 60, Align.RIGHT)),
                  tuple((f"{NAME} {i}", f"{i}.00%") for i in range(rows)), total=("Total", "100.00%"))
    return Document(
        TitlePage("Draft Memorandum of Understanding", NAME, ("Version 2 · 1 December 2026",)),
        header="DRAFT — subject to contract",
        footer="Draft MOU · version 2",
        body=(
            Heading("Background"), Recital("First"), Recital("Second"),
            Clause("purpose", 1, "Purpose", (ClauseItem("a", f"Shares are {TO_BE_AGREED} for now."),
                                             ClauseItem("b", "Second"), table, Paragraph("note", note=True),
                                             Bullets(("one", "two")))),
            Clause("law", 2, "Governing law", (ClauseItem("a", "England and Wales"),), binding=True),
            SignatureBlock(NAME), PageBreak(),
        ),
        annexes=(Annex("A", "Matters still open", (Clause("open", 1, "Commercial", (ClauseItem("x", "y"),)),)),
                 Annex("B", "Changes", (Clause("c", 1, "Changed", (ClauseItem("x", "z"),)),))),
        version=2, issued=date(2026, 12, 1),
    )


@pytest.fixture
def written(tmp_path):
    path = tmp_path / "sample.docx"
    write_document(sample(), path)
    return path


def test_the_template_holds_every_style_and_list_the_renderer_uses():
    template = docx.Document(__import__("io").BytesIO(styles.template_bytes()))
    names = {s.name for s in template.styles}
    for name in (*styles.PARAGRAPH_STYLES, styles.TABLE, styles.PLACEHOLDER):
        assert name in names, name
    lists = [a.find(qn("w:name")).get(qn("w:val")) for a in template.part.numbering_part.element.findall(qn("w:abstractNum"))
             if a.find(qn("w:name")) is not None]
    assert styles.CLAUSE_LIST in lists and styles.RECITAL_LIST in lists
    section = template.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    assert list(template.paragraphs) == []  # an empty body: the renderer adds everything


def test_clauses_are_numbered_and_start_again_in_each_annex(written):
    doc = read_docx(written)
    headings = doc.clause_headings()
    assert [h.text for h in headings] == ["Purpose", "Governing law" + BINDING_MARK, "Commercial", "Changed"]
    body_list, annex_a, annex_b = headings[0].num_id, headings[2].num_id, headings[3].num_id
    assert headings[1].num_id == body_list and len({body_list, annex_a, annex_b}) == 3
    assert {h.level for h in headings} == {0}
    items = [p for p in doc.paragraphs if p.style == styles.CLAUSE_TEXT]
    assert [p.level for p in items] == [1, 1, 1, 1, 1] and items[0].num_id == body_list
    numbering = doc.word.part.numbering_part.element
    for num_id in (body_list, annex_a, annex_b):
        num = next(n for n in numbering.findall(qn("w:num")) if int(n.get(qn("w:numId"))) == num_id)
        starts = {int(o.get(qn("w:ilvl"))): int(o.find(qn("w:startOverride")).get(qn("w:val")))
                  for o in num.findall(qn("w:lvlOverride"))}
        assert starts[0] == 1 and starts[1] == 1
    recitals = [p for p in doc.paragraphs if p.style == styles.RECITAL]
    assert [p.text for p in recitals] == ["First", "Second"] and recitals[0].num_id == recitals[1].num_id
    assert "Annex A — Matters still open" in doc.texts("Heading 1")
    assert "Annex B — Changes" in doc.texts("Heading 1")


def test_tables_repeat_their_header_row_and_carry_widths_on_every_cell(tmp_path):
    path = tmp_path / "long.docx"
    write_document(sample(rows=80), path)  # long enough to run onto a second page
    word = docx.Document(str(path))
    table = word.tables[0]
    assert header_rows_repeat(table)
    assert widths_on_every_cell(table)
    widths = [int(c._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for c in table.rows[5].cells]
    assert widths == [round(100 / 25.4 * 1440), round(60 / 25.4 * 1440)]
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    assert table.style.name == styles.TABLE
    assert [c.text for c in table.rows[-1].cells] == ["Total", "100.00%"]
    assert all(r.bold for r in table.rows[-1].cells[0].paragraphs[0].runs)
    assert table.rows[3].cells[1].paragraphs[0].alignment == 2  # right-aligned figures


def test_header_footer_and_page_numbers(written):
    doc = read_docx(written)
    assert doc.header_text == "DRAFT — subject to contract"
    assert "Draft MOU · version 2" in doc.footer_xml
    assert "PAGE" in doc.footer_xml and "NUMPAGES" in doc.footer_xml and 'w:fldCharType="begin"' in doc.footer_xml
    assert doc.word.core_properties.title == f"{NAME} — Draft Memorandum of Understanding"


def test_open_matters_are_marked_and_names_survive(written):
    doc = read_docx(written)
    item = next(p for p in doc.word.paragraphs if p.text.startswith("Shares are"))
    marked = [r.text for r in item.runs if r.style is not None and r.style.name == styles.PLACEHOLDER]
    assert marked == [TO_BE_AGREED]
    assert doc.texts(styles.SUBTITLE) == [NAME]
    assert f"Signed for and on behalf of {NAME}" in doc.texts(styles.SIGNATURE)
    assert f"{NAME} 0" in doc.tables[0][1][0]


def test_characters_xml_cannot_hold_are_dropped_not_fatal(tmp_path):
    document = sample()
    bad = Document(TitlePage("T\x00itle\x07", "Net\x1bwork\ufffe", ()), "DRAFT", "f", (Paragraph("a\x0bb\ud800c"),))
    path = tmp_path / "bad.docx"
    write_document(bad, path)
    doc = read_docx(path)
    assert doc.texts(styles.TITLE) == ["Title"] and doc.texts(styles.SUBTITLE) == ["Network"]
    assert "abc" in doc.texts()
    assert document.clauses()[1].binding


def test_list_lines_in_a_cell_hang_and_other_lines_are_spaced(tmp_path):
    table = Table((Column("Term", 40), Column("Text", 120)), (("Shares", "Basis: pay\n• A: 60%\n• B: 40%\nAfter"),))
    path = tmp_path / "cells.docx"
    write_document(Document(TitlePage("T", "N", ()), "DRAFT", "f", (table,)), path)
    cell = docx.Document(str(path)).tables[0].rows[1].cells[1]
    lines = cell.paragraphs
    assert [p.text for p in lines] == ["Basis: pay", "• A: 60%", "• B: 40%", "After"]
    assert [round(p.paragraph_format.left_indent.mm) if p.paragraph_format.left_indent else 0 for p in lines] == \
        [0, 4, 4, 0]
    assert lines[3].paragraph_format.space_before.pt == 4 and lines[1].paragraph_format.space_before is None


def test_a_table_row_of_the_wrong_width_is_refused():
    with pytest.raises(ValueError, match="2 columns"):
        Table((Column("a", 10), Column("b", 10)), (("only one",),))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=60))
@example(text="a\rb\r\nc\td")
@example(text="\x00\ud800&<>'\"ŵŷ😀")
def test_any_text_renders_and_reads_back_less_only_what_xml_cannot_hold(tmp_path, text):
    from imagingnet_desktop.documents.word_parts import clean

    path = tmp_path / "any.docx"
    table = Table((Column("Name", 80), Column("Share", 80)), ((text, "1.00%"),))
    write_document(Document(TitlePage("T", text, ()), "DRAFT", "f",
                            (Clause("k", 1, text, (ClauseItem("i", text), table)),)), path)
    doc = read_docx(path)
    expected = clean(text)
    assert doc.texts(styles.SUBTITLE) == [expected]
    assert doc.texts(styles.CLAUSE_TEXT) == [expected]
    assert doc.tables[0][1][0] == "\n".join(expected.split("\n"))


def _one_table(rows: tuple[tuple[str, ...], ...], *, split_rows: bool = False, intro: bool = True) -> Document:
    table = Table((Column("Matter", 40), Column("Rule", 120)), rows, split_rows=split_rows)
    items = ((ClauseItem("intro", "As follows:"),) if intro else ()) + (table,)
    return Document(TitlePage("T", NAME, ()), header="h", footer="f", body=(Clause("c", 1, "C", items),),
                    annexes=(), version=1, issued=date(2026, 12, 1))


def _kept(path) -> tuple[bool, list[bool], list[bool]]:  # type: ignore[no-untyped-def]
    word = docx.Document(str(path))
    intro = next(p for p in word.paragraphs if p.text == "As follows:")
    rows = word.tables[0].rows
    keep = [bool(r.cells[0].paragraphs[0].paragraph_format.keep_with_next) for r in rows]
    whole = [r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows]
    return bool(intro.paragraph_format.keep_with_next), keep, whole


def test_a_short_table_stays_on_one_page_with_the_sentence_that_introduces_it(tmp_path):
    path = tmp_path / "short.docx"
    write_document(_one_table(tuple((f"Matter {i}", "Unanimity") for i in range(5))), path)
    intro, keep, whole = _kept(path)
    assert intro and keep == [True] * 5 + [False] and all(whole)


def test_a_table_tall_in_lines_is_not_held_together_and_long_rows_may_split(tmp_path):
    tall = tuple((f"Matter {i}", "a long rule " * 60) for i in range(6))  # six rows, each ~12 lines
    path = tmp_path / "tall.docx"
    write_document(_one_table(tall), path)
    intro, keep, whole = _kept(path)
    assert intro and not any(keep) and all(whole)  # the intro stays with the first row; rows stay whole
    write_document(_one_table(tall, split_rows=True), path)
    _, _, whole = _kept(path)
    assert whole == [True] + [False] * 6  # only the header row is kept whole
