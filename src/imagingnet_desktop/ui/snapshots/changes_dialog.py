"""View ▸ What changed since…: every change since a chosen snapshot, per tab, in type readable from the back
of the room; and Restore, which puts the whole workspace back as the snapshot has it (one undoable step).

Each change says what happened in a word and a symbol as well as a colour ("✚ Added", "✎ Changed",
"✖ Removed"); a changed field shows "was → now". The list follows the workspace while the dialog is open.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.domain.figure_text import plural
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.store import WorkspaceError
from imagingnet_desktop.store.tables.snapshots import SnapshotInfo
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.snapshots.compare import ItemChange
from imagingnet_desktop.workspace.snapshots.snapshots import (
    ChangesSince,
    changes_since,
    restore_snapshot,
    taken_at_text,
)
from imagingnet_desktop.workspace.workspace import Workspace

KINDS = {  # word and symbol always beside the colour (Okabe-Ito, dark enough for bold type on white)
    "added": ("✚", "Added", theme.STATUS_COLOURS["within"]),
    "changed": ("✎", "Changed", theme.STATUS_COLOURS["below"]),
    "removed": ("✖", "Removed", theme.STATUS_COLOURS["above"]),
}
TEXT_SCALE = 1.35  # × the app font: the list is read on the projector


def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


def change_html(change: ItemChange) -> str:
    symbol, word, colour = KINDS.get(change.kind, ("•", change.kind, theme.INK))
    badge = f'<span style="color:{colour}; font-weight:bold">{symbol}&nbsp;{word}</span>'
    item = f"<b>{_e(change.item)}</b>"
    if change.kind == "changed":
        field = f" — {_e(change.field)}" if change.field else ""
        detail = (f'{field}: <span style="color:{theme.MUTED_INK}">{_e(change.was)}</span>'
                  f" &nbsp;→&nbsp; <b>{_e(change.now)}</b>")
    else:
        extra = change.now if change.kind == "added" else change.was
        detail = f' <span style="color:{theme.MUTED_INK}">({_e(extra)})</span>' if extra else ""
    return f'<p style="margin:4px 0 8px 0">{badge} &nbsp; {item}{detail}</p>'


def changes_html(found: ChangesSince) -> str:
    if not found.changes:
        return f"<p><b>Nothing has changed</b> since '{_e(found.snapshot.name)}'.</p>"
    parts = []
    for area, changes in found.by_area():
        count = f"{len(changes)} change{'s' if len(changes) != 1 else ''}"
        parts.append(f'<h2 style="margin:14px 0 4px 0">{_e(area)} <span style="font-weight:normal; '
                     f'color:{theme.MUTED_INK}">— {count}</span></h2>')
        parts += [change_html(c) for c in changes]
    return "".join(parts)


class ChangesDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None,
                 flush: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("What changed since a snapshot")
        self.setObjectName("changesDialog")
        self._workspace = workspace
        self._flush = flush or (lambda: None)
        self.found: ChangesSince | None = None

        heading = QLabel("What changed since")
        theme.use_font(heading, 1.4, bold=True)
        self.snapshot_box = QComboBox()
        self.snapshot_box.setAccessibleName("Snapshot to compare with")
        theme.use_font(self.snapshot_box, 1.2)
        self.snapshot_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.snapshot_box.setMinimumContentsLength(16)  # a long name is elided, never wider than the screen
        heading.setBuddy(self.snapshot_box)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.snapshot_box, 1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        theme.use_font(self.summary, 1.15, bold=True)
        self.message = InlineMessage()
        self.list = QTextBrowser()
        self.list.setObjectName("changesList")
        self.list.setAccessibleName("Changes since the snapshot, per tab")
        self.list.setOpenLinks(False)
        theme.use_font(self.list, TEXT_SCALE)

        self.restore_button = QPushButton("&Restore this snapshot…")
        self.restore_button.setToolTip("Put the whole workspace back as the snapshot has it (Undo puts it back)")
        theme.use_font(self.restore_button, 1.1, bold=True)
        self.restore_button.clicked.connect(self.restore)
        close = QPushButton("Close")
        theme.use_font(close, 1.1)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self._fill_snapshots()
        self.snapshot_box.currentIndexChanged.connect(self.refresh)
        self._unsubscribe: Callable[[], None] | None = workspace.subscribe(self._on_change)
        self.finished.connect(self.detach)
        self.refresh()

    # ------------------------------------------------------------------ reading
    def _fill_snapshots(self, keep: int | None = None) -> None:
        snapshots = self._workspace.snapshots()
        self.snapshot_box.blockSignals(True)
        self.snapshot_box.clear()
        for snapshot in reversed(snapshots):  # newest first: usually the one wanted
            self.snapshot_box.addItem(f"{snapshot.name} — {taken_at_text(snapshot)}", snapshot)
        index = next((i for i in range(self.snapshot_box.count()) if self.snapshot_box.itemData(i).id == keep), 0)
        self.snapshot_box.setCurrentIndex(index)
        self.snapshot_box.blockSignals(False)

    def snapshot(self) -> SnapshotInfo | None:
        data = self.snapshot_box.currentData()
        return data if isinstance(data, SnapshotInfo) else None

    def select(self, name: str) -> None:
        for i in range(self.snapshot_box.count()):
            if self.snapshot_box.itemData(i).name == name:
                self.snapshot_box.setCurrentIndex(i)
                return
        raise KeyError(name)

    def refresh(self) -> None:
        snapshot = self.snapshot()
        self.restore_button.setEnabled(snapshot is not None and not self._workspace.read_only)
        if snapshot is None:
            self.found = None
            self.summary.setText("There are no snapshots yet: take one with File ▸ Take snapshot… "
                                 "(for example before a workshop).")
            self.list.setHtml("")
            return
        self.found = changes_since(self._workspace, snapshot)
        count = len(self.found.changes)
        areas = ", ".join(f"{area} {len(changes)}" for area, changes in self.found.by_area())
        self.summary.setText(
            f"{count} change{'s' if count != 1 else ''} since '{snapshot.name}' (taken {taken_at_text(snapshot)})"
            + (f": {areas}" if areas else ".")
        )
        scroll = self.list.verticalScrollBar().value()
        self.list.setHtml(changes_html(self.found))
        self.list.verticalScrollBar().setValue(scroll)

    def text(self) -> str:
        """What the list says, as plain text (tests and screen readers)."""
        return self.list.toPlainText()

    def _on_change(self, change: Change) -> None:
        if change == Change.UNDO_STACK:
            return
        if Change.SNAPSHOTS in change:
            snapshot = self.snapshot()
            self._fill_snapshots(keep=snapshot.id if snapshot else None)
        self.refresh()

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # ------------------------------------------------------------------ restoring
    def _confirm_restore(self, snapshot: SnapshotInfo, count: int) -> bool:
        """Ask first (tests replace this)."""
        answer = QMessageBox.question(
            self, "Restore the snapshot?",
            f"Put the whole workspace back as it was in '{snapshot.name}' (taken {taken_at_text(snapshot)})?\n\n"
            f"{'The change listed is' if count == 1 else f'The {count:,} changes listed are'} undone in every tab. "
            "Edit ▸ Undo (Ctrl+Z) puts them back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore(self) -> None:
        snapshot = self.snapshot()
        if snapshot is None or self._workspace.read_only:
            return
        self._flush()
        found = changes_since(self._workspace, snapshot)
        if not found.changes:
            self.message.show_notice(f"Nothing to restore: the workspace is as '{snapshot.name}' has it.")
            return
        if not self._confirm_restore(snapshot, len(found.changes)):
            return
        try:
            restore_snapshot(self._workspace, snapshot)
        except FieldError as problem:
            self.message.show_error(f"Not restored: {problem}")
            return
        except (WorkspaceError, PermissionError, OSError) as failure:
            self.message.show_error(f"Not saved: {failure}")
            return
        self.message.show_notice(f"Restored '{snapshot.name}': {plural(len(found.changes), 'change')} undone in every "
                                 "tab. Edit ▸ Undo (Ctrl+Z) puts them back.")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter never restores by accident
            event.accept()
            return
        super().keyPressEvent(event)
