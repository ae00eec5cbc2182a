"""Shared by the Record tests: what a workspace file holds of the record, read back by reopening it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from imagingnet_desktop.domain.record.entries import RecordEntry
from imagingnet_desktop.domain.record.motions import Motion, MotionVote
from imagingnet_desktop.workspace.record.entries import MOTION_VOTES, MOTIONS, RECORD_ENTRIES
from imagingnet_desktop.workspace.workspace import Workspace


@dataclass(frozen=True)
class RecordInFile:
    entries: tuple[RecordEntry, ...]
    motions: tuple[Motion, ...]
    votes: tuple[MotionVote, ...]
    report: dict[str, object]


def record_in_file(path: Path) -> RecordInFile:
    """Reopen the file read-only (as the report command does) and read the record from it."""
    from imagingnet_desktop.workspace.reports.report import build_report

    reader = Workspace.open_read_only(path)
    try:
        return RecordInFile(reader.rows(RECORD_ENTRIES), reader.rows(MOTIONS), reader.rows(MOTION_VOTES),
                            build_report(reader)["record"])
    finally:
        reader.close()
