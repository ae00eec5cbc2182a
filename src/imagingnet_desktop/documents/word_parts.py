"""The pieces of WordprocessingML python-docx has no API for, each done the way Word and LibreOffice both read.

- Lists that start again at 1: python-docx cannot restart numbering, so each document and each annex gets
  a new list instance (``w:num``) of the template's named list definition, with a start override.
- Header rows that repeat on every page: ``w:tblHeader`` on the first row's properties.
- Column widths: set on every cell (``w:tcW``) as well as the grid, or LibreOffice ignores them.
- Page numbers: ``PAGE`` and ``NUMPAGES`` fields built from field characters.
"""

from __future__ import annotations

import io
import re
from functools import cache
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from imagingnet_desktop.documents import styles
from imagingnet_desktop.documents.model import LIST_MARK, TO_BE_AGREED, Align, Table

# Characters XML 1.0 cannot hold (python-docx refuses them): C0 controls but tab and newline, lone
# surrogates, and U+FFFE / U+FFFF. The app refuses control characters where they are typed; this is the
# last guard, so an export never fails on one.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
KEEP_TOGETHER_ROWS = 16  # a table this short is kept on one page (its rows keep with the next)...
KEEP_TOGETHER_LINES = 40  # ...when its rows also come to no more than about this many lines of table text
_CHARS_PER_MM = 0.5  # table text (9 pt Liberation Sans / Arial) in a cell, less its padding
_ALIGN = {Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT, Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
          Align.CENTRE: WD_ALIGN_PARAGRAPH.CENTER}


def clean(text: str) -> str:
    """``text`` as Word can hold it: XML-illegal characters dropped, any line ending read as a line break."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


@cache
def _style_ids() -> dict[str, str]:
    template = docx.Document(io.BytesIO(styles.template_bytes()))
    return {style.name: style.style_id for style in template.styles}


def style_id(name: str) -> str:
    """The template's id for the style called ``name``. Setting styles by id, not through python-docx's
    ``paragraph.style = ...`` (which searches every style in the template each time), keeps a draft's render
    fast; an unknown name raises here, as python-docx would."""
    try:
        return _style_ids()[name]
    except KeyError:
        raise KeyError(f"the styles template has no style called {name!r}") from None


def add_paragraph(container: Any, style: str) -> WordParagraph:
    """A new paragraph at the end of ``container`` (the document, a cell, a header) in ``style``."""
    paragraph: WordParagraph = container.add_paragraph()
    paragraph._p.style = style_id(style)
    return paragraph


def set_style(paragraph: WordParagraph, style: str) -> None:
    paragraph._p.style = style_id(style)


def add_text(paragraph: WordParagraph, text: str, *, bold: bool = False) -> None:
    """Add ``text`` as runs, each ``[to be agreed]`` in the placeholder style so it stands out."""
    pieces = clean(text).split(TO_BE_AGREED)
    for i, piece in enumerate(pieces):
        if i:
            paragraph.add_run(TO_BE_AGREED)._r.style = style_id(styles.PLACEHOLDER)
        if piece:
            run = paragraph.add_run(piece)
            if bold:
                run.bold = True


# ----------------------------------------------------------------------------------------------- lists


class Lists:
    """Fresh instances of the template's named lists (clauses, recitals), each starting at 1."""

    def __init__(self, document: WordDocument) -> None:
        self._numbering = document.part.numbering_part.element
        self._abstract: dict[str, int] = {}
        for abstract in self._numbering.findall(qn("w:abstractNum")):
            name = abstract.find(qn("w:name"))
            if name is not None:
                self._abstract[name.get(qn("w:val"))] = int(abstract.get(qn("w:abstractNumId")))

    def fresh(self, list_name: str, levels: int = 3) -> int:
        """A new list instance of ``list_name`` whose levels all start at 1; returns its ``numId``."""
        try:
            abstract_id = self._abstract[list_name]
        except KeyError:
            raise LookupError(f"the styles template has no list called {list_name!r}") from None
        num = self._numbering.add_num(abstract_id)
        for level in range(levels):
            num.add_lvlOverride(ilvl=level).add_startOverride(1)
        return int(num.numId)


def number(paragraph: WordParagraph, num_id: int, level: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


# ----------------------------------------------------------------------------------------------- tables


def add_table(document: WordDocument, table: Table) -> WordTable:
    rows = [tuple(c.title for c in table.columns), *table.rows, *((table.total,) if table.total else ())]
    word: WordTable = document.add_table(rows=len(rows), cols=len(table.columns))
    word._tbl.tblPr.style = style_id(styles.TABLE)
    word.alignment = WD_TABLE_ALIGNMENT.LEFT
    word.autofit = False
    widths = [Mm(c.width_mm) for c in table.columns]
    _fixed_layout(word, Mm(sum(c.width_mm for c in table.columns)))
    for grid_col, width in zip(word._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(width.twips))
    last = len(rows) - 1
    together = len(rows) <= KEEP_TOGETHER_ROWS and estimated_lines(table) <= KEEP_TOGETHER_LINES
    for r, (row, values) in enumerate(zip(word.rows, rows, strict=True)):
        tr_pr = row._tr.get_or_add_trPr()
        if not table.split_rows or r == 0:
            _flag(tr_pr, "w:cantSplit")  # a row never breaks across pages
        if r == 0:
            _flag(tr_pr, "w:tblHeader")  # ...and the first one repeats at the top of each page
        heading = r == 0
        bold = table.total is not None and r == last
        for cell, value, column, width in zip(row.cells, values, table.columns, widths, strict=True):
            cell.width = width  # on every cell: LibreOffice reads these, not the grid
            if heading:
                _shade(cell._tc, styles.HEADER_FILL)
            lines = clean(str(value)).split("\n")
            first = cell.paragraphs[0]
            for i, line in enumerate(lines):
                paragraph = first if i == 0 else cell.add_paragraph()
                set_style(paragraph, styles.TABLE_HEADING if heading else styles.TABLE_TEXT)
                paragraph.alignment = _ALIGN[column.align]
                layout = paragraph.paragraph_format
                layout.keep_with_next = together and r < last
                if line.startswith(LIST_MARK):  # a list inside a cell: tight, with a hanging indent
                    layout.left_indent, layout.first_line_indent = Mm(4), Mm(-3)
                elif i:
                    layout.space_before = Pt(4)  # a new paragraph of the cell
                add_text(paragraph, line, bold=bold)
    add_paragraph(document, styles.TABLE_TEXT)  # space after, and a place to type
    return word


def estimated_lines(table: Table) -> int:
    """Roughly how many lines of text the table's rows take (the tallest cell of each row, wrapped to its width):
    kept together, a table taller than most of a page would leave a page nearly empty before it."""
    total = 0
    for row in (*table.rows, *((table.total,) if table.total else ())):
        tallest = 1
        for value, column in zip(row, table.columns, strict=True):
            per_line = max(1, int(column.width_mm * _CHARS_PER_MM))
            tallest = max(tallest, sum(-(-max(1, len(line)) // per_line) for line in str(value).split("\n")))
        total += tallest
    return total


def _fixed_layout(word: WordTable, total: Any) -> None:
    tbl_pr = word._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:w"), str(total.twips))
    width.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        tbl_pr.append(look)
    # The style's first-row formatting only; no first column, last row or banding (0x0620 in the old bitmask).
    for name, value in (("w:val", "0620"), ("w:firstRow", "1"), ("w:lastRow", "0"), ("w:firstColumn", "0"),
                        ("w:lastColumn", "0"), ("w:noHBand", "1"), ("w:noVBand", "1")):
        look.set(qn(name), value)
    _reorder(tbl_pr, ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                      "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                      "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"))


def _flag(parent: Any, tag: str) -> None:
    if parent.find(qn(tag)) is None:
        element = OxmlElement(tag)
        parent.append(element)
    _reorder(parent, ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter",
                      "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden"))


def _shade(tc: Any, fill: str) -> None:
    tc_pr = tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)
    _reorder(tc_pr, ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
                     "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"))


def _reorder(parent: Any, order: tuple[str, ...]) -> None:
    """Put children in the schema's order (Word refuses a file whose elements are out of order)."""
    rank = {qn(tag): i for i, tag in enumerate(order)}
    children = list(parent)
    children.sort(key=lambda child: rank.get(child.tag, len(order)))
    for child in children:
        parent.append(child)


# ----------------------------------------------------------------------------------------------- fields


def add_field(paragraph: WordParagraph, instruction: str, shown: str = "1") -> None:
    """A field such as ``PAGE``: Word and LibreOffice compute it; ``shown`` is the value until they do."""
    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = paragraph.add_run()
    run._r.append(char("begin"))
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    paragraph.add_run()._r.append(char("separate"))
    paragraph.add_run(shown)
    paragraph.add_run()._r.append(char("end"))
