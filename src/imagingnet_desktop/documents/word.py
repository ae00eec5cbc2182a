"""Render a ``documents.model.Document`` as a Word document, in the styles of ``resources/word-styles.docx``.

Only this module and ``word_parts`` use python-docx. The document has a title page, the header (e.g.
"DRAFT — subject to contract") and a footer with the page number on every page, numbered clauses that start
at 1 in the body and again in each annex, and tables whose header row repeats across pages.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as WordParagraph

from imagingnet_desktop.documents import styles
from imagingnet_desktop.documents.model import (
    Annex,
    Block,
    Bullets,
    Clause,
    ClauseItem,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Recital,
    SignatureBlock,
    Table,
    TitlePage,
)
from imagingnet_desktop.documents.word_parts import (
    Lists,
    add_field,
    add_paragraph,
    add_table,
    add_text,
    clean,
    number,
    set_style,
)

BINDING_MARK = " (legally binding)"
CLAUSE_INDENT = Mm(15)  # where the text of a numbered clause starts (the template's hanging indent)
SIGNATURE_LINES = ("Signature", "Name", "Position", "Date")


def render(document: Document) -> WordDocument:
    """The Word document, in memory."""
    word = docx.Document(io.BytesIO(styles.template_bytes()))
    _Renderer(word).document(document)
    return word


def save(document: Document, path: Path) -> None:
    render(document).save(str(path))


class _Renderer:
    def __init__(self, word: WordDocument) -> None:
        self.word = word
        self.lists = Lists(word)
        self.clauses = self.lists.fresh(styles.CLAUSE_LIST)
        self.recitals = self.lists.fresh(styles.RECITAL_LIST, levels=1)

    def document(self, document: Document) -> None:
        self._properties(document)
        self._header_and_footer(document)
        self._title_page(document.title_page)
        for i, block in enumerate(document.body):
            following = document.body[i + 1] if i + 1 < len(document.body) else None
            self.block(block, keep_with_next=isinstance(following, (Table, SignatureBlock)))
        for annex in document.annexes:
            self.annex(annex)

    # -------------------------------------------------------------------------------- the frame
    def _properties(self, document: Document) -> None:
        properties = self.word.core_properties
        properties.title = clean(document.title)
        properties.subject = clean(document.title_page.title)
        properties.author = "ImagingNet Desktop"
        properties.last_modified_by = "ImagingNet Desktop"
        properties.comments = clean(f"{document.header}. {document.footer}.")
        properties.revision = max(1, document.version)
        now = datetime.now().replace(microsecond=0)
        properties.created = properties.modified = now

    def _header_and_footer(self, document: Document) -> None:
        section = self.word.sections[0]
        header = section.header.paragraphs[0]
        set_style(header, styles.HEADER)
        add_text(header, document.header, bold=True)
        footer = section.footer.paragraphs[0]
        set_style(footer, styles.FOOTER)
        add_text(footer, document.footer + "\tPage ")
        add_field(footer, "PAGE")
        footer.add_run(" of ")
        add_field(footer, "NUMPAGES")

    def _title_page(self, page: TitlePage) -> None:
        spacer = add_paragraph(self.word, styles.BODY)
        spacer.paragraph_format.space_before = Pt(120)
        add_text(add_paragraph(self.word, styles.SUBTITLE), page.network)
        add_text(add_paragraph(self.word, styles.TITLE), page.title)
        for line in page.lines:
            add_text(add_paragraph(self.word, styles.BODY), line)
        self._page_break()

    def _page_break(self) -> None:
        self.word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -------------------------------------------------------------------------------- blocks
    def block(self, block: Block, *, keep_with_next: bool = False) -> None:
        """One block; ``keep_with_next``: a paragraph that introduces the table or signature after it stays with
        it on the page."""
        if isinstance(block, Heading):
            level = min(max(block.level, 1), len(styles.HEADING))
            add_text(add_paragraph(self.word, styles.HEADING[level - 1]), block.text)
        elif isinstance(block, Paragraph):
            self.paragraph(block).paragraph_format.keep_with_next = keep_with_next or None
        elif isinstance(block, Recital):
            paragraph = add_paragraph(self.word, styles.RECITAL)
            number(paragraph, self.recitals, 0)
            add_text(paragraph, block.text)
        elif isinstance(block, Bullets):
            self.bullets(block)
        elif isinstance(block, Table):
            add_table(self.word, block)
        elif isinstance(block, Clause):
            self.clause(block)
        elif isinstance(block, SignatureBlock):
            self.signature(block)
        elif isinstance(block, PageBreak):
            self._page_break()
        else:  # pragma: no cover - the Block union is closed
            raise TypeError(f"cannot render {type(block).__name__}")

    def paragraph(self, block: Paragraph, *, indent: bool = False) -> WordParagraph:
        paragraph = add_paragraph(self.word, styles.NOTE if block.note else styles.BODY)
        if indent:
            paragraph.paragraph_format.left_indent = CLAUSE_INDENT
        add_text(paragraph, block.text)
        return paragraph

    def bullets(self, block: Bullets, *, indent: bool = False) -> None:
        for item in block.items:
            paragraph = add_paragraph(self.word, styles.BULLET)
            if indent:
                paragraph.paragraph_format.left_indent = CLAUSE_INDENT + Mm(6)
                paragraph.paragraph_format.first_line_indent = Mm(-6)
            add_text(paragraph, item)

    def clause(self, clause: Clause) -> None:
        heading = add_paragraph(self.word, styles.CLAUSE_HEADING)
        number(heading, self.clauses, 0)
        add_text(heading, clause.title + (BINDING_MARK if clause.binding else ""))
        for i, block in enumerate(clause.blocks):
            if isinstance(block, ClauseItem):
                paragraph = add_paragraph(self.word, styles.CLAUSE_TEXT)
                number(paragraph, self.clauses, 1)
                add_text(paragraph, block.text)
                following = clause.blocks[i + 1] if i + 1 < len(clause.blocks) else None
                if isinstance(following, (Table, Bullets)):  # "... as follows:" stays with what follows
                    paragraph.paragraph_format.keep_with_next = True
            elif isinstance(block, Paragraph):
                self.paragraph(block, indent=True)
            elif isinstance(block, Bullets):
                self.bullets(block, indent=True)
            else:
                add_table(self.word, block)

    def signature(self, block: SignatureBlock) -> None:
        heading = add_paragraph(self.word, styles.SIGNATURE)
        add_text(heading, f"Signed for and on behalf of {block.party}", bold=True)
        for i, label in enumerate(SIGNATURE_LINES):
            line = add_paragraph(self.word, styles.BODY)
            line.paragraph_format.tab_stops.add_tab_stop(Mm(130), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS)
            line.paragraph_format.space_before = Pt(8)
            line.paragraph_format.keep_with_next = i < len(SIGNATURE_LINES) - 1
            line.add_run(f"{label}\t")

    def annex(self, annex: Annex) -> None:
        self._page_break()
        self.clauses = self.lists.fresh(styles.CLAUSE_LIST)  # clause numbers start again at 1
        add_text(add_paragraph(self.word, styles.HEADING[0]),
                 f"Annex {annex.letter} — {annex.title}")
        for i, block in enumerate(annex.blocks):
            following = annex.blocks[i + 1] if i + 1 < len(annex.blocks) else None
            self.block(block, keep_with_next=isinstance(following, Table))
