"""The motions page: a new motion typed on one line (Enter), the list of motions, and the chosen one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.domain.record.motions import MAX_TITLE_LENGTH, Motion, MotionOutcome
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.ui.common.run_edit import run_edit
from imagingnet_desktop.ui.common.scroll_pane import vertical_scroll
from imagingnet_desktop.ui.record.motion_panel import MotionPanel
from imagingnet_desktop.workspace.record import motions as motion_edits
from imagingnet_desktop.workspace.record.entries import MOTIONS
from imagingnet_desktop.workspace.workspace import Workspace


def motion_line(workspace: Workspace, motion: Motion) -> str:
    if motion.outcome is MotionOutcome.PASSED:
        state = f"✓ {motion.outcome.label}"
    elif motion.outcome is MotionOutcome.NOT_PASSED:
        state = f"✗ {motion.outcome.label}"
    else:
        waiting = len(motion_edits.waiting_for(workspace, motion.id))
        state = "● Ready to reveal" if not waiting else f"○ Voting, {waiting} to come"
    fix = f" (corrects {motion.corrects_motion_id})" if motion.corrects_motion_id is not None else ""
    return f"{motion.id}. {motion.title}{fix}\n    {state}"


class MotionsPage(QWidget):
    def __init__(self, workspace: Workspace, today: Callable[[], date],
                 links: Callable[[], dict[str, object]] = dict, parent: QWidget | None = None) -> None:
        """``links``: the step and workstream a new motion belongs to (the log's entry bar has them)."""
        super().__init__(parent)
        self._workspace = workspace
        self._links = links
        self.message = InlineMessage()
        self.new_edit = QLineEdit()
        self.new_edit.setAccessibleName("New motion")
        self.new_edit.setPlaceholderText("Type, then press Enter")  # "New motion" is its label
        self.new_edit.setMaxLength(MAX_TITLE_LENGTH + 1)
        theme.use_font(self.new_edit, 1.15)
        self.new_edit.returnPressed.connect(self._new)
        self.new_edit.setEnabled(not workspace.read_only)
        new_label = QLabel("&New motion")
        new_label.setBuddy(self.new_edit)
        theme.use_font(new_label, 1.1, bold=True)
        self.list = QListWidget()
        self.list.setAccessibleName("Motions")
        self.list.setWordWrap(True)
        theme.use_font(self.list, 1.05)
        self.list.currentItemChanged.connect(self._chosen)
        self.panel = MotionPanel(workspace, today)
        self.panel.refused.connect(self.message.show_error)
        self.panel.changed_motion.connect(self._go_to)
        scroll = vertical_scroll(self.panel)
        self.panel.scroll_to = scroll.ensureWidgetVisible
        self.panel_scroll = scroll

        left = QVBoxLayout()
        left.addWidget(new_label)
        left.addWidget(self.new_edit)
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addLayout(left, 2)
        row.addWidget(scroll, 5)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 6, 0, 0)
        column.addWidget(self.message)
        column.addLayout(row, 1)
        self.refresh()

    def refresh(self) -> None:
        motions = self._workspace.rows(MOTIONS)
        chosen = self.panel.motion_id
        self.list.blockSignals(True)
        self.list.clear()
        for motion in motions:
            item = QListWidgetItem(motion_line(self._workspace, motion))
            item.setData(Qt.ItemDataRole.UserRole, motion.id)
            self.list.addItem(item)
        ids = [m.id for m in motions]
        if chosen not in ids:
            chosen = ids[-1] if ids else None
        if chosen is not None:
            self.list.setCurrentRow(ids.index(chosen))
        self.list.blockSignals(False)
        self.panel.show_motion(chosen)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        self.message.clear()
        self.panel.show_motion(None if item is None else int(item.data(Qt.ItemDataRole.UserRole)))

    def _go_to(self, motion_id: int) -> None:
        self.panel.show_motion(None if motion_id < 0 else motion_id)
        self.refresh()

    def _new(self) -> None:
        motion = run_edit(lambda: motion_edits.new_motion(self._workspace, self.new_edit.text(), **self._links()),
                          self.message)
        if motion is None:
            return
        self.message.clear()
        self.new_edit.clear()
        self._go_to(motion.id)
        if self.panel.vote_rows:
            self.panel.vote_rows[0].buttons[next(iter(self.panel.vote_rows[0].buttons))].setFocus()
