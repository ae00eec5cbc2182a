"""What the window shows when no workspace is open: the three ways to get one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from imagingnet_desktop.ui.common import theme


class StartPage(QWidget):
    def __init__(
        self,
        on_new_demo: Callable[[], object],
        on_new: Callable[[], object],
        on_open: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        heading = QLabel("No workspace is open")
        theme.use_font(heading, 1.6, bold=True)
        hint = QLabel(
            "A workspace is one file holding one imaging network. Start from the demo network, "
            "create an empty one, or open a workspace file you have."
        )
        hint.setWordWrap(True)
        hint.setMaximumWidth(900)
        buttons = QHBoxLayout()
        for text, slot in (
            ("New demo workspace…", on_new_demo),
            ("New workspace…", on_new),
            ("Open…", on_open),
        ):
            button = QPushButton(text)
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 40, 48, 40)
        column.setSpacing(20)
        column.addWidget(heading)
        column.addWidget(hint)
        column.addLayout(buttons)
        column.addStretch(1)
