"""``Tab``: the life cycle every tab of the main window shares.

Built (by ``ui.shell.tab_host``) the first time it is shown, a tab subscribes to the workspace and hears every
change as ``workspace_changed(change, started_here=...)``; it refreshes only what the change flags say it shows
(always also ``PARTNERS``). ``flush()`` commits an edit it holds back (a keyboard slider step waiting for a
pause) before the window undoes or closes; ``detach()`` stops listening before the workspace is closed.
Edits go through ``ui.common.run_edit`` with ``origin=self``, which is how ``started_here`` is known.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from imagingnet_desktop.ui.common.run_edit import started_by
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.workspace import Workspace


class Tab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        unsubscribe = workspace.subscribe(self._heard)
        self._unsubscribe: Callable[[], None] | None = unsubscribe
        # The workspace holds this tab through the listener; let go when Qt deletes the tab.
        self.destroyed.connect(lambda *_: unsubscribe())

    @property
    def workspace(self) -> Workspace:
        return self._workspace

    def _heard(self, change: Change) -> None:
        origin = started_by()
        here = origin is self or (isinstance(origin, QWidget) and self.isAncestorOf(origin))
        self.workspace_changed(change, started_here=here)

    def workspace_changed(self, change: Change, *, started_here: bool) -> None:
        """Refresh what ``change`` touched; ``started_here``: this tab's own edit (see ``run_edit``)."""

    def flush(self) -> None:
        """Commit any edit held back, now."""

    def detach(self) -> None:
        """Stop listening to the workspace (before it is closed, if the tab outlives it)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
