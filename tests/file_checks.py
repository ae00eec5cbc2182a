"""What a workspace file holds, read the way the ``report`` command reads it (read-only, never writing)."""

from __future__ import annotations

from pathlib import Path

from imagingnet_desktop.domain.network import Network
from imagingnet_desktop.workspace.workspace import Workspace


def network_in_file(path: Path) -> Network:
    reader = Workspace.open_read_only(path)
    try:
        return reader.network
    finally:
        reader.close()
