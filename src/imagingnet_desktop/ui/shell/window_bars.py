"""The bars above the tabs that say something about the workspace itself.

- ``save_failure``: an edit, undo or redo that could not be written (disk full, read-only, an I/O error).
  Red, and it stays until it is dismissed (×): a later edit does not clear it, so nobody misses that the
  edit was **not** saved.
- ``status``: how the workspace is open (read-only, with edits disabled) and notices about it (settings
  that could not be read and are back to their defaults, a ``-wal`` left out).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMainWindow, QToolBar, QVBoxLayout, QWidget

from imagingnet_desktop.store.errors import WorkspaceSaveError
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.workspace.workspace import Workspace

READ_ONLY_TEXT = ("Read-only: {name} cannot be changed here (the file or its folder is read-only, or it is open "
                  "for reading only). Everything is shown; editing is switched off.")


class WindowBars(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save_failure = InlineMessage()
        self.save_failure.setAccessibleName("Not saved")
        self.status = InlineMessage()
        self.status.setAccessibleName("About this workspace")
        self.feedback = InlineMessage()  # what Undo / Redo / an import just did or refused; cleared by the next edit
        self.feedback.setAccessibleName("What was just done")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 0)
        layout.setSpacing(6)
        layout.addWidget(self.save_failure)
        layout.addWidget(self.status)
        layout.addWidget(self.feedback)
        self._unsubscribe: list[Callable[[], None]] = []
        self._holder: QToolBar | None = None
        for bar in (self.save_failure, self.status, self.feedback):
            bar.installEventFilter(self)

    @classmethod
    def above_the_tabs(cls, window: QMainWindow) -> WindowBars:
        """The bars in a fixed strip under the menus, shown only while one of them has something to say."""
        bars = cls()
        holder = QToolBar("Messages", window)
        holder.setObjectName("messageBars")
        holder.setMovable(False)
        holder.setFloatable(False)
        holder.toggleViewAction().setVisible(False)
        holder.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        holder.addWidget(bars)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, holder)
        bars._holder = holder
        bars._sync()
        return bars

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # ShowToParent/HideToParent: a bar shown while its strip is hidden gets no Show event (it is not on
        # screen yet), so without them the strip would never appear.
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self._sync()
        return False

    def _sync(self) -> None:
        if self._holder is None:
            return
        shown = any(not bar.isHidden() for bar in (self.save_failure, self.status, self.feedback))
        if self._holder.isHidden() == shown:
            self._holder.setVisible(shown)
            window = self._holder.parentWidget()
            layout = window.layout() if window is not None else None
            if layout is not None:
                layout.activate()  # the tabs move now, not at the next event: a click lands where seen

    def follow(self, workspace: Workspace | None) -> None:
        """Show what concerns ``workspace`` (None: nothing open) and listen for its failures and notices."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        self.save_failure.clear()
        self.status.clear()
        self.feedback.clear()
        if workspace is None:
            return
        self._unsubscribe = [
            workspace.subscribe_save_failures(self.show_save_failure),
            workspace.subscribe_notices(lambda _text: self._show_status(workspace)),
        ]
        self._show_status(workspace)

    def show_feedback(self, text: str) -> None:
        self.feedback.show_notice(text)
        self._sync()

    def show_refusal(self, text: str) -> None:
        """What was just refused (an import that did not happen), in place of what was done before it."""
        self.feedback.show_error(text)
        self._sync()

    def clear_feedback(self) -> None:
        if not self.feedback.isHidden():
            self.feedback.clear()
            self._sync()

    def feedback_text(self) -> str:
        """The feedback bar's text without its symbol ("" when hidden)."""
        return self.feedback.text().removeprefix("ℹ").removeprefix("✖").strip()

    def show_save_failure(self, error: WorkspaceSaveError, label: str = "") -> None:
        what = f" ({label})" if label else ""
        self.save_failure.show_error(f"Not saved{what} — {error} Everything saved before it is still in the file.")

    def _show_status(self, workspace: Workspace) -> None:
        lines = [READ_ONLY_TEXT.format(name=workspace.path.name)] if workspace.read_only else []
        lines += workspace.notices
        if lines:
            self.status.show_notice("\n".join(lines))
        else:
            self.status.clear()
