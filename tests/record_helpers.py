"""Shared by the Record tests: what a workspace file holds of the record, read back by reopening it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

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


@pytest.fixture
def keep_app_look(qapp):  # type: ignore[no-untyped-def]
    """Put the application's font, palette and style back after a test that changes the theme (presentation
    mode does), so later tests measure text at the size they expect."""
    from imagingnet_desktop.ui.common import theme

    font, palette = qapp.font(), qapp.palette()
    scale = theme.scale()
    yield
    theme._scale = scale  # noqa: SLF001 (the module keeps the scale it applied; the style reads it)
    qapp.setPalette(palette)
    qapp.setFont(font)
