"""Annex B of each draft: what changed since the last exported version of the same draft, clause by clause.

Each numbered text is compared by its stable key with the text recorded at the last export; a clause new in
this version shows nothing under "was", one dropped shows nothing under "now".
"""

from __future__ import annotations

from collections.abc import Sequence

from imagingnet_desktop.documents.model import Block, Column, Paragraph, Table
from imagingnet_desktop.workspace.exports import figures
from imagingnet_desktop.workspace.exports.history import ClauseText, ExportedClause, ExportRecord

NOT_IN = "(not in that version)"
REMOVED = "(removed)"


def changed_texts(now: Sequence[ClauseText], was: Sequence[ExportedClause]) -> list[tuple[str, str, str]]:
    """``(clause, was, now)`` for every text that differs, in this version's order, then those removed."""
    before = {c.key: c for c in was}
    rows = []
    for text in now:
        old = before.pop(text.key, None)
        if old is None:
            rows.append((_where(text.label, text.title), NOT_IN, text.text))
        elif old.text != text.text:
            rows.append((_where(text.label, text.title), old.text, text.text))
    rows += [(_where(old.label, old.title), old.text, REMOVED) for old in before.values()]
    return rows


def changes_blocks(now: Sequence[ClauseText],
                   previous: tuple[ExportRecord, Sequence[ExportedClause]] | None) -> tuple[Block, ...]:
    if previous is None:
        return (Paragraph("This is the first exported version of this draft, so there is nothing earlier to "
                          "compare it with."),)
    record, was = previous
    when = figures.long_date(record.exported_at.date())
    rows = changed_texts(now, was)
    if not rows:
        return (Paragraph(f"Nothing has changed since version {record.version}, exported on {when}."),)
    intro = Paragraph(
        f"Compared with version {record.version}, exported on {when}, {figures.count(len(rows))} "
        f"numbered text{'s have' if len(rows) != 1 else ' has'} changed. Numbers are those of this version.")
    columns = (Column("Clause", 30), Column(f"Was (version {record.version})", 65), Column("Now", 65))
    return intro, Table(columns, tuple(rows))


def _where(label: str, title: str) -> str:
    return f"{label} {title}"
