"""The "Show working" window: the inputs, method and counts behind one figure, readable by the room.

Window-modal without blocking (``open()``), so tests can find it and the tab stays painted behind it.
The text can be selected and copied into board papers.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.ui.common import theme


@dataclass(frozen=True)
class Working:
    title: str
    text: str


class WorkingDialog(QDialog):
    def __init__(self, working: Working, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workingDialog")
        self.setWindowTitle(f"Working — {working.title}")
        self.working = working
        title = QLabel(working.title)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        theme.use_font(title, 1.4, bold=True)
        self.body = QPlainTextEdit(working.text)
        self.body.setReadOnly(True)
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(theme.font(1.1).pointSizeF())
        self.body.setFont(mono)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("Copy")
        copy.setToolTip("Copy the working to the clipboard")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(f"{working.title}\n\n{working.text}"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def text(self) -> str:
        return self.body.toPlainText()


def show_working(parent: QWidget | None, working: Working) -> WorkingDialog:
    dialog = WorkingDialog(working, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
