"""What the programme checklist holds for a commercial term, written into the term.

A term that depends on checklist items (termination scenarios, stranded costs, benefit sharing, income and
capital, TUPE, asset transfer) says, for each item, what was agreed (the note the room recorded against it, or
the item itself when no note was written) or that it is still "[to be agreed]", naming the item; an open item
is then listed once in Annex A (with its status, step and workstream) with the term that mentions it.
"""

from __future__ import annotations

from collections.abc import Sequence

from imagingnet_desktop.workspace.exports.area_content import ChecklistEntry
from imagingnet_desktop.workspace.exports.drafting import TermDraft


def checklist_lines(t: TermDraft, entries: Sequence[ChecklistEntry]) -> None:
    for e in entries:
        if e.agreed:
            agreed = _sentence(e.note) if e.note else f"“{e.item.rstrip('.')}”."
            t.item(f"checklist.{e.id}", f"Agreed ({e.step}): {agreed}")
        else:
            # the item's status, step and workstream are workshop detail: Annex A gives them, not the term
            t.item(f"checklist.{e.id}", f"{_sentence(e.item).rstrip('.')}: {t.open_item(e.as_open())}.")


def _sentence(text: str) -> str:
    """A note as a sentence: one line, a capital first, a full stop last."""
    one_line = " ".join(text.split())
    one_line = one_line[:1].upper() + one_line[1:]
    return one_line if one_line.endswith((".", "!", "?")) else one_line + "."
