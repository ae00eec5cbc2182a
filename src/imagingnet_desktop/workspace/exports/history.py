"""Which drafts were exported: each export's kind, version, time and file, and its clause texts as exported.

Two collections: ``EXPORTS`` (one row per export) and ``EXPORTED_CLAUSES`` (the numbered texts of that
export, keyed so the next version can be compared clause by clause). Recording an export is one undoable
edit, like any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from imagingnet_desktop.store.tables.rows import RowTable
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import Collection, InsertRow
from imagingnet_desktop.workspace.commands import Batch, Command

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace


class ExportKind(StrEnum):
    MOU = "mou"
    HEADS_OF_TERMS = "heads_of_terms"

    @property
    def draft_name(self) -> str:
        return "draft MOU" if self is ExportKind.MOU else "draft heads of terms"


@dataclass(frozen=True)
class ExportRecord:
    id: int
    kind: ExportKind
    version: int
    exported_at: datetime
    path: str


@dataclass(frozen=True)
class ExportedClause:
    """One numbered text as it was exported: ``key`` is stable across versions, ``label`` the number shown
    ("5.2", "Term 4"), ``title`` the clause or term it belongs to."""

    id: int
    export_id: int
    key: str
    label: str
    title: str
    text: str


@dataclass(frozen=True)
class ClauseText:
    """A numbered text of a draft about to be exported (an ``ExportedClause`` before it has ids)."""

    key: str
    label: str
    title: str
    text: str


EXPORTS = Collection(RowTable("exports", ExportRecord, ordered=False), Change.EXPORTS, "export")
EXPORTED_CLAUSES = Collection(RowTable("exported_clauses", ExportedClause, ordered=False), Change.EXPORTS,
                              "exported clause")


def exports_of(workspace: Workspace, kind: ExportKind) -> tuple[ExportRecord, ...]:
    """The exports of one kind, oldest first."""
    return tuple(sorted((r for r in workspace.rows(EXPORTS) if r.kind is kind), key=lambda r: r.version))


def last_export(workspace: Workspace, kind: ExportKind) -> ExportRecord | None:
    found = exports_of(workspace, kind)
    return found[-1] if found else None


def next_version(workspace: Workspace, kind: ExportKind) -> int:
    last = last_export(workspace, kind)
    return 1 if last is None else last.version + 1


def clauses_of(workspace: Workspace, export_id: int) -> tuple[ExportedClause, ...]:
    return tuple(c for c in workspace.rows(EXPORTED_CLAUSES) if c.export_id == export_id)


def record_export(workspace: Workspace, kind: ExportKind, version: int, exported_at: datetime, path: str,
                  clauses: Sequence[ClauseText]) -> ExportRecord:
    """Record one export and its clause texts (saved, not an undoable edit: an export happened, and Ctrl+Z
    straight after it undoes the last edit, not the record). Returns the record as saved."""
    record = ExportRecord(workspace.new_row_id(EXPORTS), kind, version, exported_at, path)
    first = workspace.new_row_id(EXPORTED_CLAUSES)
    steps: list[Command] = [InsertRow(EXPORTS, record)]
    steps += [InsertRow(EXPORTED_CLAUSES, ExportedClause(first + i, record.id, c.key, c.label, c.title, c.text))
              for i, c in enumerate(clauses)]
    workspace.record(Batch(f"record the {kind.draft_name} export (version {version})", steps))
    return record
