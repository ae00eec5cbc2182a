"""A pane that scrolls up and down only: at a large presentation scale its content wraps and scrolls, never
widens past the screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from imagingnet_desktop.ui.common.whole_rows_scroll import WholeRowsScrollArea


def vertical_scroll(widget: QWidget, *, whole_rows: bool = False) -> QScrollArea:
    """``widget`` in a frameless scroll area as wide as its viewport (no horizontal scroll bar); with
    ``whole_rows``, one that shows no half a line or control at its foot (``WholeRowsScrollArea``)."""
    area = WholeRowsScrollArea() if whole_rows else QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area
