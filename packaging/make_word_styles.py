"""Make ``src/imagingnet_desktop/resources/word-styles.docx``: the Word styles every export uses.

    .venv/bin/python packaging/make_word_styles.py

Starts from python-docx's own blank document and sets: A4 pages, Arial, Title, Subtitle, Heading 1-3, the
numbered clause styles (1. / 1.1 / (a)) and lettered recitals (A. B. C.) tied to named list definitions (the
renderer starts a fresh copy of each list per document and per annex), a table style with a shaded header
row, table text styles, a drafting-note style, and a character style for open matters. Run it again after
changing a style here; commit the .docx it writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from imagingnet_desktop.documents import styles as names  # noqa: E402

OUT = ROOT / "src" / "imagingnet_desktop" / "resources" / names.TEMPLATE_NAME
FONT = "Arial"
HANG = 851  # twentieths of a point: 1.5 cm, where numbered text starts
CLAUSE_LIST_ID = 40
RECITAL_LIST_ID = 41


def main() -> None:
    build(OUT)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")


def build(out: Path) -> None:
    doc = Document()
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin, section.bottom_margin = Mm(25), Mm(22)
        section.header_distance = section.footer_distance = Mm(12)
    styles = doc.styles
    _font(styles["Normal"], 11)
    styles["Normal"].paragraph_format.space_after = Pt(6)
    styles["Normal"].paragraph_format.line_spacing = 1.15

    title = styles[names.TITLE]
    _font(title, 26, bold=True, colour=names.HEADING_COLOUR)
    title.paragraph_format.space_after = Pt(18)
    _no_border(title)
    _font(styles[names.SUBTITLE], 15, colour="425563", italic=False)
    for level, size in zip((1, 2, 3), (15, 13, 11.5), strict=True):
        heading = styles[f"Heading {level}"]
        _font(heading, size, bold=True, colour=names.HEADING_COLOUR)
        heading.paragraph_format.space_before = Pt(14 if level == 1 else 10)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.keep_with_next = True

    body = styles[names.BODY]
    _font(body, 11)
    body.paragraph_format.space_after = Pt(6)

    note = _paragraph_style(doc, names.NOTE, "Normal")
    _font(note, 9.5, italic=True, colour="595959")

    clause_heading = _paragraph_style(doc, names.CLAUSE_HEADING, "Heading 2")
    _font(clause_heading, 12, bold=True, colour=names.HEADING_COLOUR)
    clause_heading.paragraph_format.keep_with_next = True
    clause_heading.paragraph_format.space_before = Pt(12)
    clause_text = _paragraph_style(doc, names.CLAUSE_TEXT, "Normal")
    _font(clause_text, 11)
    clause_text.paragraph_format.space_after = Pt(6)
    recital = _paragraph_style(doc, names.RECITAL, "Normal")
    _font(recital, 11)

    _font(styles[names.BULLET], 11)
    table_text = _paragraph_style(doc, names.TABLE_TEXT, "Normal")
    _font(table_text, 10)
    table_text.paragraph_format.space_before = Pt(1)
    table_text.paragraph_format.space_after = Pt(1)
    table_text.paragraph_format.line_spacing = 1.0
    table_heading = _paragraph_style(doc, names.TABLE_HEADING, names.TABLE_TEXT)
    _font(table_heading, 10, bold=True)
    table_heading.paragraph_format.keep_with_next = True
    signature = _paragraph_style(doc, names.SIGNATURE, "Normal")
    _font(signature, 11)
    signature.paragraph_format.space_before = Pt(10)
    signature.paragraph_format.keep_with_next = True
    _font(styles[names.HEADER], 9, colour="595959")
    styles[names.HEADER].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(styles[names.FOOTER], 9, colour="595959")
    for style in (styles[names.HEADER], styles[names.FOOTER]):  # Letter-sized tab stops: replaced for A4
        tabs = style.element.pPr.find(qn("w:tabs"))
        if tabs is not None:
            style.element.pPr.remove(tabs)
    styles[names.FOOTER].paragraph_format.tab_stops.add_tab_stop(Mm(160), WD_TAB_ALIGNMENT.RIGHT)

    placeholder = styles.add_style(names.PLACEHOLDER, WD_STYLE_TYPE.CHARACTER)
    placeholder.font.bold = True
    placeholder.element.get_or_add_rPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{names.PLACEHOLDER_FILL}"/>'))

    _lists(doc, clause_heading, clause_text, recital)
    _table_style(doc)
    _clear_body(doc)
    doc.core_properties.author = "ImagingNet Desktop"
    doc.core_properties.title = ""
    doc.core_properties.comments = "Styles for ImagingNet Desktop's draft documents."
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)


def _font(style: BaseStyle, size: float, *, bold: bool | None = None, italic: bool | None = None,
          colour: str | None = None) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name = FONT
    font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    font.color.rgb = RGBColor.from_string(colour) if colour else None
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)


def _no_border(style: BaseStyle) -> None:
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def _paragraph_style(doc, name: str, base: str):  # type: ignore[no-untyped-def]
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    return style


def _level(ilvl: int, fmt: str, text: str, style_id: str | None, left: int, hanging: int, bold: bool) -> str:
    pstyle = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
            f'<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{rpr}</w:lvl>')


def _lists(doc, clause_heading, clause_text, recital) -> None:  # type: ignore[no-untyped-def]
    """Two named list definitions, each tied to its styles, and one list instance of each for the styles."""
    numbering = doc.part.numbering_part.element
    clause_levels = (
        _level(0, "decimal", "%1.", clause_heading.style_id, HANG, HANG, True)
        + _level(1, "decimal", "%1.%2", clause_text.style_id, HANG, HANG, False)
        + _level(2, "lowerLetter", "(%3)", None, 2 * HANG, HANG, False)
    )
    recital_levels = _level(0, "upperLetter", "%1.", recital.style_id, HANG, HANG, False)
    for list_id, name, levels in ((CLAUSE_LIST_ID, names.CLAUSE_LIST, clause_levels),
                                  (RECITAL_LIST_ID, names.RECITAL_LIST, recital_levels)):
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{list_id}">'
            f'<w:multiLevelType w:val="multilevel"/><w:name w:val="{name}"/>{levels}</w:abstractNum>')
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)  # every abstractNum comes before the first num
        else:
            numbering.append(abstract)
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{list_id}"><w:abstractNumId w:val="{list_id}"/></w:num>'))
    for style, ilvl, list_id in ((clause_heading, 0, CLAUSE_LIST_ID), (clause_text, 1, CLAUSE_LIST_ID),
                                 (recital, 0, RECITAL_LIST_ID)):
        num_pr = style.element.get_or_add_pPr().get_or_add_numPr()  # in schema order, as Word requires
        num_pr.get_or_add_ilvl().val = ilvl
        num_pr.get_or_add_numId().val = list_id


def _table_style(doc) -> None:  # type: ignore[no-untyped-def]
    style = doc.styles.add_style(names.TABLE, WD_STYLE_TYPE.TABLE)
    style.base_style = doc.styles["Normal Table"]
    border = 'w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"'
    style.element.append(parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblBorders>'
        f'<w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/>'
        f'<w:insideH {border}/><w:insideV {border}/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'))
    style.element.append(parse_xml(
        f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:rPr><w:b/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{names.HEADER_FILL}"/></w:tcPr></w:tblStylePr>'))


def _clear_body(doc) -> None:  # type: ignore[no-untyped-def]
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.HEADER or rel.reltype == RELATIONSHIP_TYPE.FOOTER:
            doc.part.drop_rel(rel_id)


if __name__ == "__main__":
    main()
