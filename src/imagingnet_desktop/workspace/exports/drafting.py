"""Drafting helpers: numbered clauses in a declared order, open matters noted where they arise, and every
numbered text recorded for the next export's "changes since".

A builder declares its clause keys in order, so any clause can name any other's number ("clauses 12, 13
and 14") before it is written. Inside a clause, ``open(...)`` notes a matter still open at that place and
returns the "[to be agreed]" marker to put in the text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from imagingnet_desktop.documents.model import (
    TO_BE_AGREED,
    Block,
    Bullets,
    Clause,
    ClauseItem,
    Paragraph,
    Table,
)
from imagingnet_desktop.domain.wording import join_words
from imagingnet_desktop.workspace.exports.history import ClauseText

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.exports.area_content import OpenChecklistItem


@dataclass(frozen=True)
class OpenMatter:
    """A matter still open: which area settles it, what is open, and where the draft says so."""

    area: str
    matter: str
    where: str


class TextSink(Protocol):
    """Where a piece of shared text is written: a numbered clause, or a term of the heads of terms."""

    def item(self, key: str, text: str) -> None: ...

    def open(self, area: str, matter: str) -> str: ...


class ClauseDraft:
    """One clause being written: numbered sub-clauses, unnumbered blocks, open matters."""

    def __init__(self, drafter: Drafter, key: str, number: int, title: str) -> None:
        self._drafter = drafter
        self.key = key
        self.number = number
        self.title = title
        self.blocks: list[ClauseItem | Paragraph | Bullets | Table] = []
        self._items = 0

    @property
    def drafter(self) -> Drafter:
        return self._drafter

    def item(self, key: str, text: str) -> None:
        self._items += 1
        self.blocks.append(ClauseItem(key, text))
        self._drafter.record(f"{self.key}.{key}", f"{self.number}.{self._items}", self.title, text)

    def paragraph(self, text: str, *, note: bool = False) -> None:
        self.blocks.append(Paragraph(text, note=note))

    def bullets(self, key: str, items: Sequence[str]) -> None:
        self.blocks.append(Bullets(tuple(items)))
        self._drafter.record(f"{self.key}.{key}", str(self.number), self.title, "\n".join(items))

    def table(self, key: str, table: Table) -> None:
        self.blocks.append(table)
        self._drafter.record(f"{self.key}.{key}", str(self.number), self.title, table_text(table))

    def open(self, area: str, matter: str) -> str:
        self._drafter.note_open(area, matter, f"clause {self.number}")
        return TO_BE_AGREED


class Drafter:
    def __init__(self, clause_order: Sequence[str]) -> None:
        self._order = list(clause_order)
        if len(set(self._order)) != len(self._order):
            raise ValueError(f"a clause key is declared twice: {self._order}")
        self.blocks: list[Block] = []
        self.open_matters: list[OpenMatter] = []
        self.recorded: list[ClauseText] = []
        self.open_items: dict[int | None, OpenChecklistItem] = {}  # checklist items the text says are open
        self._written = 0

    def number(self, key: str) -> int:
        """The number clause ``key`` has (or will have)."""
        return self._order.index(key) + 1

    def numbers(self, *keys: str) -> str:
        """``"clauses 12, 13 and 14"``."""
        numbers = [str(self.number(k)) for k in keys]
        return ("clause " if len(numbers) == 1 else "clauses ") + join_words(numbers)

    def label(self, key: str) -> str:
        """The number (``"5.4"``) of the sub-clause ``"clause_key.item_key"`` already written."""
        found = next((r.label for r in self.recorded if r.key == key), None)
        if found is None:
            raise KeyError(f"no sub-clause {key!r} has been written yet")
        return found

    def add(self, block: Block) -> None:
        self.blocks.append(block)

    @contextmanager
    def clause(self, key: str, title: str, *, binding: bool = False) -> Iterator[ClauseDraft]:
        expected = self._order[self._written] if self._written < len(self._order) else None
        if key != expected:
            raise ValueError(f"clause {key!r} written where {expected!r} was declared")
        draft = ClauseDraft(self, key, self._written + 1, title)
        yield draft
        self._written += 1
        self.blocks.append(Clause(key, draft.number, title, tuple(draft.blocks), binding))

    def record(self, key: str, label: str, title: str, text: str) -> None:
        self.recorded.append(ClauseText(key, label, title, text))

    def note_open(self, area: str, matter: str, where: str) -> str:
        self.open_matters.append(OpenMatter(area, matter, where))
        return TO_BE_AGREED

    def note_open_item(self, item: OpenChecklistItem, where: str) -> str:
        """A programme checklist item the text depends on is still open: Annex A lists it once, saying where."""
        known = self.open_items.get(item.id)
        if known is not None and where not in known.where.split(", "):
            where = f"{known.where}, {where}"
        self.open_items[item.id] = replace(item, where=where)
        return TO_BE_AGREED

    def finished(self) -> tuple[Block, ...]:
        if self._written != len(self._order):
            raise ValueError(f"clauses declared but not written: {self._order[self._written:]}")
        return tuple(self.blocks)


class TermDraft:
    """One row of a numbered table of terms being written: its paragraphs, and the open matters in it."""

    def __init__(self, drafter: Drafter, key: str, number: int, title: str) -> None:
        self._drafter = drafter
        self.key = key
        self.number = number
        self.title = title
        self.lines: list[str] = []

    def item(self, key: str, text: str) -> None:
        self.lines.append(text)

    def open(self, area: str, matter: str) -> str:
        return self._drafter.note_open(area, matter, f"term {self.number}")

    def open_item(self, item: OpenChecklistItem) -> str:
        return self._drafter.note_open_item(item, f"term {self.number}")


class Terms:
    """A numbered table of terms (the heads of terms): terms in a declared order, each recorded whole."""

    def __init__(self, drafter: Drafter, order: Sequence[str]) -> None:
        self._drafter = drafter
        self._order = list(order)
        self.rows: list[tuple[str, str, str, str]] = []

    def number(self, key: str) -> int:
        return self._order.index(key) + 1

    @contextmanager
    def term(self, key: str, title: str, *, binding: bool = False) -> Iterator[TermDraft]:
        expected = self._order[len(self.rows)] if len(self.rows) < len(self._order) else None
        if key != expected:
            raise ValueError(f"term {key!r} written where {expected!r} was declared")
        draft = TermDraft(self._drafter, key, len(self.rows) + 1, title)
        yield draft
        text = "\n".join(draft.lines)
        self.rows.append((str(draft.number), title, text, "Binding" if binding else "Subject to contract"))
        self._drafter.record(f"term.{key}", f"Term {draft.number}", title, text)


def table_text(table: Table) -> str:
    """A table as lines of text, one row a line (how its record reads): ``first cell: the others, ...``, with
    empty cells left out."""
    lines = []
    for row in (*table.rows, *((table.total,) if table.total else ())):
        cells = [cell.replace("\n", "; ") for cell in row if cell]
        lines.append(f"{cells[0]}: {', '.join(cells[1:])}" if len(cells) > 1 else "".join(cells))
    return "\n".join(lines)
