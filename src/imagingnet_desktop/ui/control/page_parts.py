"""Pieces every Control page uses: a heading, a note and a row of buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from imagingnet_desktop.ui.common import theme


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    theme.use_font(label, 1.2, bold=True)
    return label


def note(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if name:
        label.setObjectName(name)
    theme.use_font(label, 1.05)
    return label


def button(text: str, action: Callable[[], None], tip: str = "") -> QPushButton:
    found = QPushButton(text)
    found.setToolTip(tip or text)
    theme.use_font(found, 1.0, bold=True)
    found.clicked.connect(lambda _=False: action())
    return found


def button_row(title: str, *buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(heading(title), 1)
    for found in buttons:
        row.addWidget(found)
    return row
