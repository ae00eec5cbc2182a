"""What a workspace file holds, read the way the ``report`` command reads it (read-only, never writing)."""

from __future__ import annotations

from pathlib import Path

from imagingnet_desktop.domain.network.network import Network
from imagingnet_desktop.workspace.workspace import Workspace


def network_in_file(path: Path) -> Network:
    reader = Workspace.open_read_only(path)
    try:
        return reader.network
    finally:
        reader.close()


def first_value(path: Path, sql: str) -> object | None:
    """The first column of the first row ``sql`` gives, read straight from the file (never written)."""
    import sqlite3

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute(sql).fetchone()
    finally:
        conn.close()
    return row[0] if row else None
