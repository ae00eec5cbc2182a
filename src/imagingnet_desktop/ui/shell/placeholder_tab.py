"""A plain page for an area that is not built yet: what will be there, and that it is not there yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from imagingnet_desktop.ui.common import theme

NOT_BUILT = "Not built yet: this tab arrives in a later version of ImagingNet Desktop."


class PlaceholderTab(QWidget):
    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        heading = QLabel(title)
        theme.use_font(heading, 1.6, bold=True)
        body = QLabel(description)
        status = QLabel(NOT_BUILT)
        theme.use_font(status, 1.0, bold=True)
        status.setStyleSheet(f"color: {theme.MUTED_INK};")
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 40, 48, 40)
        column.setSpacing(20)
        for label in (heading, body, status):
            label.setWordWrap(True)
            label.setMaximumWidth(1000)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(label)
        column.addStretch(1)
        self._labels = (heading, body, status)

    def text(self) -> str:
        return "\n".join(label.text() for label in self._labels)
