"""The Shares & votes tab: shareholding on every basis, the blend sliders, the voting rule and real voting power.

The main window builds every tab when a workspace opens, but this one needs numpy (exact power indices) and
matplotlib (the chart), which must stay off the path to the first painted window. So the tab is a light
shell: its content (``SharesVotesView``) is built the first time the tab is shown, or by ``view()``.
The shell subscribes to the workspace from the start and passes each change on once the content exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.workspace import Workspace

if TYPE_CHECKING:
    from imagingnet_desktop.ui.shares_votes.view import SharesVotesView


class SharesVotesTab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._view: SharesVotesView | None = None
        self.setAccessibleName("Shares & votes")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        unsubscribe = workspace.subscribe(self._workspace_changed)
        self._unsubscribe: Callable[[], None] | None = unsubscribe
        # The workspace holds this wrapper through the listener; let go when Qt deletes the tab.
        self.destroyed.connect(lambda *_: unsubscribe())

    @property
    def workspace(self) -> Workspace:
        return self._workspace

    @property
    def is_built(self) -> bool:
        return self._view is not None

    def view(self) -> SharesVotesView:
        """The tab's content, built now if it has not been yet."""
        if self._view is None:
            from imagingnet_desktop.ui.shares_votes.view import SharesVotesView

            self.setUpdatesEnabled(False)
            try:
                self._view = SharesVotesView(self._workspace, self)
                self._layout.addWidget(self._view)
            finally:
                self.setUpdatesEnabled(True)
        return self._view

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.view()
        super().showEvent(event)

    def _workspace_changed(self, change: Change) -> None:
        if self._view is not None:
            self._view.workspace_changed(change)

    def flush(self) -> None:
        """Commit a slider step still waiting for its pause (before an undo, or the workspace closing)."""
        if self._view is not None:
            self._view.sliders.flush()

    def detach(self) -> None:
        """Stop listening to the workspace (before it is closed, if the tab outlives it)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
