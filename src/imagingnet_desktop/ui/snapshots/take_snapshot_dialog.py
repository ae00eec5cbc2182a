"""File ▸ Take snapshot…: name a snapshot of the workspace as it is now (e.g. before a workshop)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.store import WorkspaceError
from imagingnet_desktop.store.tables.snapshots import SnapshotInfo
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.workspace.snapshots.snapshots import MAX_NAME_LENGTH, take_snapshot
from imagingnet_desktop.workspace.workspace import Workspace


def suggested_name(workspace: Workspace, today: date | None = None) -> str:
    """"Before the workshop, 1 Dec 2026" — with a number after it if that name is taken."""
    today = today or date.today()
    base = f"Before the workshop, {today.day} {today:%b %Y}"
    taken = {s.name.casefold() for s in workspace.snapshots()}
    name, n = base, 2
    while name.casefold() in taken:
        name, n = f"{base} ({n})", n + 1
    return name


class TakeSnapshotDialog(QDialog):
    taken = Signal(object)  # the SnapshotInfo, once it is in the file

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Take a snapshot")
        self.setObjectName("takeSnapshotDialog")
        self._workspace = workspace
        self.snapshot: SnapshotInfo | None = None
        intro = QLabel("A snapshot keeps the whole workspace as it is now, in the file. Afterwards, View ▸ "
                       "What changed since… lists every change per tab, and can restore it.")
        intro.setWordWrap(True)
        theme.use_font(intro, 1.05)
        label = QLabel("&Name of the snapshot")
        theme.use_font(label, 1.1, bold=True)
        self.name_edit = QLineEdit(suggested_name(workspace))
        self.name_edit.setMaxLength(MAX_NAME_LENGTH + 20)  # longer is refused with a reason, not cut silently
        self.name_edit.selectAll()
        theme.use_font(self.name_edit, 1.2)
        label.setBuddy(self.name_edit)
        self.message = InlineMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Take snapshot")
        self.buttons.accepted.connect(self.take)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, label, self.name_edit, self.message, self.buttons):
            layout.addWidget(widget)
        self.resize(720, self.sizeHint().height())

    def take(self) -> None:
        try:
            self.snapshot = take_snapshot(self._workspace, self.name_edit.text())
        except FieldError as problem:
            self.message.show_error(f"Not saved: {problem}")
            self.name_edit.setFocus()
            return
        except (WorkspaceError, PermissionError, OSError) as failure:
            self.message.show_error(f"Not saved: {failure}")
            return
        self.taken.emit(self.snapshot)
        self.accept()
