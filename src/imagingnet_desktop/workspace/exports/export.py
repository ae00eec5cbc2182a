"""Export a draft: build it from the workspace, write the .docx whole, then record the export.

The document is written to a temporary file beside the target and renamed over it, so a failed export
never leaves half a document and never touches an existing file. Only then is the export recorded (kind,
version, time, file, and each numbered text as exported), saved but not an undoable edit. A workspace open read-only
can still be exported from; that export is not recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from imagingnet_desktop.documents.output import ExportFileError, TargetInUseError, put_in_place, write_beside
from imagingnet_desktop.domain.names import safe_file_stem
from imagingnet_desktop.store.errors import WorkspaceError
from imagingnet_desktop.workspace.exports.draft import Draft, Previous
from imagingnet_desktop.workspace.exports.heads_of_terms import build_heads_of_terms
from imagingnet_desktop.workspace.exports.history import (
    ExportKind,
    clauses_of,
    last_export,
    next_version,
    record_export,
)
from imagingnet_desktop.workspace.exports.mou import build_mou
from imagingnet_desktop.workspace.workspace import Workspace

__all__ = ["ExportFileError", "ExportKind", "ExportNotRecordedError", "ExportOutcome", "TargetInUseError",
           "build_draft", "export_draft", "suggested_file_name"]

Builder = Callable[[Workspace, int, date, Previous | None], Draft]
BUILDERS: dict[ExportKind, Builder] = {ExportKind.MOU: build_mou, ExportKind.HEADS_OF_TERMS: build_heads_of_terms}


class ExportNotRecordedError(ExportFileError):
    """The document was written, but the workspace could not record the export."""


@dataclass(frozen=True)
class ExportOutcome:
    kind: ExportKind
    version: int
    path: Path
    open_matters: int
    recorded: bool

    def summary(self) -> str:
        recorded = "" if self.recorded else " (the workspace is read-only, so this export was not recorded)"
        still = f"{self.open_matters} matter{'s' if self.open_matters != 1 else ''} still open"
        return f"Exported the {self.kind.draft_name}, version {self.version}, to {self.path} ({still}){recorded}."


def suggested_file_name(network: str, kind: ExportKind, version: int) -> str:
    """``Northshire & Vale Imaging Network - Draft MOU v3.docx``: made safe as every file name is
    (``domain.names.safe_file_stem``: characters Windows refuses replaced, never a device name)."""
    what = "Draft MOU" if kind is ExportKind.MOU else "Draft heads of terms"
    return f"{safe_file_stem(f'{network[:100]} - {what} v{version}', limit=160)}.docx"


def build_draft(workspace: Workspace, kind: ExportKind, issued: date | None = None) -> Draft:
    """The next version of the draft, compared with the last export of the same kind (nothing is written)."""
    previous: Previous | None = None
    last = last_export(workspace, kind)
    if last is not None:
        previous = (last, clauses_of(workspace, last.id))
    return BUILDERS[kind](workspace, next_version(workspace, kind), issued or date.today(), previous)


def export_draft(workspace: Workspace, kind: ExportKind, target: str | Path,
                 now: datetime | None = None) -> ExportOutcome:
    """Write the next version of the draft to ``target`` (replacing any file there) and record it.

    Raises ``ExportFileError`` (``TargetInUseError`` for a file open in Word) with a message for the person;
    the target is then as it was.
    """
    when = (now or datetime.now().astimezone()).replace(microsecond=0)
    path = Path(target).expanduser().absolute()
    draft = build_draft(workspace, kind, when.date())
    put_in_place(write_beside(draft.document, path), path)
    recorded = not workspace.read_only
    if recorded:
        try:
            record_export(workspace, kind, draft.document.version, when, str(path), draft.recorded)
        except (WorkspaceError, PermissionError, OSError) as exc:
            raise ExportNotRecordedError(
                f"The {kind.draft_name} was written to {path}, but the workspace could not record the export "
                f"({exc}), so the next export will not list the changes since this one."
            ) from exc
    return ExportOutcome(kind, draft.document.version, path, draft.open_count, recorded)
