"""The menu entries' work: File ▸ Take snapshot… and View ▸ What changed since… for the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from imagingnet_desktop.ui.snapshots.changes_dialog import ChangesDialog
from imagingnet_desktop.ui.snapshots.take_snapshot_dialog import TakeSnapshotDialog
from imagingnet_desktop.workspace.workspace import Workspace


def _workspace(window: QMainWindow) -> Workspace | None:
    workspace = getattr(window, "workspace", None)
    if workspace is None:
        window.statusBar().showMessage("Open a workspace first.", 8000)
    return workspace


def _flush(window: QMainWindow) -> None:
    """Commit what a tab holds back (a slider step) before the snapshot or the comparison reads the file."""
    flush = getattr(window, "_flush_tabs", None)
    if flush is not None:
        flush()


def take_snapshot(window: QMainWindow) -> TakeSnapshotDialog | None:
    workspace = _workspace(window)
    if workspace is None:
        return None
    if workspace.read_only:
        window.statusBar().showMessage("This workspace is open read-only: a snapshot cannot be kept in it.", 10000)
        return None
    _flush(window)
    dialog = TakeSnapshotDialog(workspace, window)
    dialog.taken.connect(lambda s: window.statusBar().showMessage(
        f"Took snapshot '{s.name}'. View ▸ What changed since… compares with it.", 12000))
    dialog.open()
    return dialog


def show_changes(window: QMainWindow) -> ChangesDialog | None:
    workspace = _workspace(window)
    if workspace is None:
        return None
    _flush(window)
    dialog = ChangesDialog(workspace, window, flush=lambda: _flush(window))
    size = window.size()
    dialog.resize(max(640, int(size.width() * 0.85)), max(480, int(size.height() * 0.85)))
    dialog.open()
    return dialog
