"""A page of the main tab widget that builds its tab the first time it is shown.

Only the tab on screen is built (and its module imported) at start-up; the others wait for their first
visit. That keeps the first window fast however heavy the later tabs grow (charts, for one).
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from imagingnet_desktop.ui.common.tab import Tab
from imagingnet_desktop.ui.shell.tab_specs import TabSpec
from imagingnet_desktop.workspace.workspace import Workspace


class TabHost(QWidget):
    def __init__(self, spec: TabSpec, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._workspace = workspace
        self._content: QWidget | None = None
        self.setObjectName(f"{spec.key}Page")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def content(self) -> QWidget:
        """The tab itself, built now if it has not been yet."""
        if self._content is None:
            self._content = self.spec.build(self._workspace, self)
            self._content.setObjectName(f"{self.spec.key}Tab")
            self._layout.addWidget(self._content)
            if self.isVisible():
                self._content.show()
        return self._content

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.content()
        super().showEvent(event)

    def flush(self) -> None:
        """Commit an edit the tab holds back (a keyboard slider step waiting for a pause), if it has one."""
        if isinstance(self._content, Tab):
            self._content.flush()

    def detach(self) -> None:
        """Tell the tab to stop listening to the workspace (a placeholder does not listen)."""
        if isinstance(self._content, Tab):
            self._content.detach()
