"""A plain document model: what a draft says, with no Word in it.

``workspace.exports`` builds a ``Document`` from the open workspace; ``documents.word`` renders it with the
styles template. Everything is a frozen dataclass of strings, so a document can be compared, tested and
recorded without python-docx. Text is plain: a line break inside a table cell starts a new paragraph there,
and the renderer marks every ``TO_BE_AGREED`` so a reader sees at a glance what is still open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

TO_BE_AGREED = "[to be agreed]"
LIST_MARK = "• "  # a line of a table cell starting with this is set as an item of a list


class Align(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    CENTRE = "centre"


@dataclass(frozen=True)
class Heading:
    """An unnumbered heading (Heading 1-3)."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """Body text; ``note`` sets it as a drafting note (smaller, italic), not part of the terms."""

    text: str
    note: bool = False


@dataclass(frozen=True)
class Recital:
    """A lettered background paragraph (A, B, C...), lettered afresh in each document."""

    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Column:
    title: str
    width_mm: float
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Table:
    """A table whose first row (the column titles) repeats on every page it runs onto.

    ``rows`` are the cells as text, one tuple per row, as many cells as ``columns``; ``total`` is an optional
    last row set in bold. A line break in a cell starts a new paragraph; a line starting with ``LIST_MARK``
    is set as a list item. A row stays on one page unless ``split_rows`` (a table of long rows, such as the
    heads of terms, where keeping each row whole would leave half pages empty).
    """

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None
    split_rows: bool = False

    def __post_init__(self) -> None:
        width = len(self.columns)
        for row in (*self.rows, *((self.total,) if self.total else ())):
            if len(row) != width:
                raise ValueError(f"a row of {len(row)} cells in a table of {width} columns: {row!r}")


@dataclass(frozen=True)
class ClauseItem:
    """One numbered sub-clause (1.1, 1.2...). ``key`` is stable across versions (for "changes since")."""

    key: str
    text: str


@dataclass(frozen=True)
class Clause:
    """A numbered clause (1, 2, 3... restarting in each annex): its title, then its sub-clauses and any
    unnumbered blocks (tables, bullets) in order. ``number`` is what Word will show, worked out by the
    builder so other clauses can refer to it. A ``binding`` clause is marked as such in its title."""

    key: str
    number: int
    title: str
    blocks: tuple[ClauseItem | Paragraph | Bullets | Table, ...]
    binding: bool = False


@dataclass(frozen=True)
class SignatureBlock:
    """"Signed for and on behalf of" a party, with lines for signature, name, position and date."""

    party: str


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Recital | Bullets | Table | Clause | SignatureBlock | PageBreak


@dataclass(frozen=True)
class Annex:
    """An annex on a new page: ``Annex A — title``, its clause numbering starting again at 1."""

    letter: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class TitlePage:
    title: str  # "Draft Memorandum of Understanding"
    network: str
    lines: tuple[str, ...] = ()  # version, date, status...


@dataclass(frozen=True)
class Document:
    title_page: TitlePage
    header: str  # on every page, e.g. "DRAFT — subject to contract"
    footer: str  # beside the page number, e.g. "Draft MOU, version 3, 1 December 2026"
    body: tuple[Block, ...]
    annexes: tuple[Annex, ...] = ()
    version: int = 1
    issued: date | None = None

    @property
    def title(self) -> str:
        return f"{self.title_page.network} — {self.title_page.title}"

    def clauses(self) -> tuple[Clause, ...]:
        """Every clause of the body and the annexes, in order."""
        blocks = [*self.body, *(b for annex in self.annexes for b in annex.blocks)]
        return tuple(b for b in blocks if isinstance(b, Clause))
