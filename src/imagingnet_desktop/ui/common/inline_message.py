"""A message bar shown where the work happens: a refused value in red, a done action in blue.

Never colour alone: an error starts with "✖" and the word "Not saved", a notice with "ℹ".
Hidden while there is nothing to say; Escape or the × button dismisses it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from imagingnet_desktop.ui.common import theme

ERROR_BACKGROUND = "#b3261e"  # white text on it: contrast 6.5:1
NOTICE_BACKGROUND = "#1f3a5f"  # white text on it: contrast 11:1


class InlineMessage(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineMessage")
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        theme.use_font(self._label, 1.15, bold=True)
        close = QToolButton()
        close.setText("×")
        close.setToolTip("Dismiss this message")
        close.setAccessibleName("Dismiss message")
        close.setAutoRaise(True)
        theme.use_font(close, 1.3, bold=True)
        close.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 8, 8)
        row.addWidget(self._label, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._is_error = False
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(f"✖  {text}", ERROR_BACKGROUND, error=True)

    def show_notice(self, text: str) -> None:
        self._show(f"ℹ  {text}", NOTICE_BACKGROUND, error=False)

    def clear(self) -> None:
        self._label.clear()
        self.hide()

    def text(self) -> str:
        """What the bar says now ("" when hidden)."""
        return self._label.text() if not self.isHidden() else ""

    @property
    def is_error(self) -> bool:
        return self._is_error and not self.isHidden()

    def _show(self, text: str, background: str, *, error: bool) -> None:
        self._is_error = error
        self._label.setText(text)
        self.setStyleSheet(
            f"#inlineMessage {{ background: {background}; border-radius: 4px; }}"
            f"#inlineMessage QLabel, #inlineMessage QToolButton {{ color: #ffffff; background: transparent; }}"
        )
        self.setAccessibleDescription(text)
        self.show()
