"""Annex B of each draft: what changed since the last exported version of the same draft, clause by clause.

Each numbered text is compared by its stable key with the text recorded at the last export; a clause new in
this version shows nothing under "was", one dropped shows nothing under "now" and is named by the number it had
then ("Commercial model (was 4.2)"), since this version may give that number to another text.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from imagingnet_desktop.documents.model import Block, Column, Paragraph, Table
from imagingnet_desktop.workspace.exports import figures
from imagingnet_desktop.workspace.exports.history import ClauseText, ExportedClause, ExportRecord

NOT_IN = "(not in that version)"
REMOVED = "(removed)"
NOTHING = "—"
LIST_LINES = 3  # a text of this many lines or more is a list or table: only its changed lines are shown


def changed_texts(now: Sequence[ClauseText], was: Sequence[ExportedClause]) -> list[tuple[str, str, str]]:
    """``(clause, was, now)`` for every text that differs, in this version's order, then those removed."""
    before = {c.key: c for c in was}
    rows = []
    for text in now:
        old = before.pop(text.key, None)
        if old is None:
            rows.append((_where(text.label, text.title), NOT_IN, text.text))
        elif old.text != text.text:
            rows.append((_where(text.label, text.title), *_changed_lines(old.text, text.text)))
    # a removed text is shown once, under the number it had then: this version may use that number for another
    rows += [(_removed_where(old.label, old.title), old.text, REMOVED) for old in before.values()]
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
        f"numbered text{'s have' if len(rows) != 1 else ' has'} changed. Numbers are those of this version; "
        "for a list or table only the lines that changed are shown.")
    columns = (Column("Clause", 30), Column(f"Was (version {record.version})", 65), Column("Now", 65))
    return intro, Table(columns, tuple(rows))


def _changed_lines(was: str, now: str) -> tuple[str, str]:
    """For a list or table (several lines), only the lines that differ; a short text whole."""
    before, after = was.split("\n"), now.split("\n")
    if len(before) < LIST_LINES and len(after) < LIST_LINES:
        return was, now
    kept_before: list[str] = []
    kept_after: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag != "equal":
            kept_before += before[i1:i2]
            kept_after += after[j1:j2]
    return "\n".join(kept_before) or NOTHING, "\n".join(kept_after) or NOTHING


def _where(label: str, title: str) -> str:
    return f"{label} {title}"


def _removed_where(label: str, title: str) -> str:
    return f"{title} (was {label})"
