"""The main window's dialogs: errors opening a file, taking over a workspace in use, import problems, about.

Messages are shown window-modal without blocking (``open()``), so the window stays painted behind them and
tests can find and read them; only the take-over question waits for an answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop import __version__
from imagingnet_desktop.domain.network.partner_fields import Problem


def show_error(parent: QWidget | None, title: str, text: str, detail: str = "", details: str = "") -> QMessageBox:
    """``details`` (SQLite's full report on a damaged file, say) stays behind the box's Details button."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorMessage")
    if detail:
        box.setInformativeText(detail)
    if details:
        box.setDetailedText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def ask_take_over(parent: QWidget | None, message: str) -> bool:
    """Ask before taking a workspace over from another copy of the app. Cancel is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Workspace already open")
    box.setText(message)
    box.setInformativeText(
        "Only take it over if that copy is no longer in use (for example the laptop crashed or was shut "
        "down). If it is still open there, any edit made there from now on will be refused, and anything "
        "typed there but not yet saved is lost."
    )
    take = box.addButton("Open anyway (take over)", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is take


OPEN_DOCUMENT, OPEN_FOLDER = "document", "folder"


def ask_open_export(parent: QWidget | None, text: str, detail: str) -> str | None:
    """After an export: open the document, show its folder, or neither (``OPEN_DOCUMENT`` / ``OPEN_FOLDER`` /
    None). Open is the default button."""
    box = QMessageBox(parent)
    box.setObjectName("exportDoneMessage")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Draft exported")
    box.setText(text)
    box.setInformativeText(detail)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    document = box.addButton("Open the document", QMessageBox.ButtonRole.AcceptRole)
    folder = box.addButton("Show the folder", QMessageBox.ButtonRole.ActionRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(document)
    box.setEscapeButton(close)
    box.exec()
    clicked = box.clickedButton()
    return OPEN_DOCUMENT if clicked is document else OPEN_FOLDER if clicked is folder else None


def problems_text(problems: Sequence[Problem]) -> str:
    """One line per problem, by row and column, ready to paste into an e-mail."""
    return "\n".join(f"{p.where[:1].upper()}{p.where[1:]}: {p.message}" for p in problems)


class ImportProblemsDialog(QDialog):
    """Every problem that stopped an import, in a scrollable list whose text can be selected and copied."""

    def __init__(self, file_name: str, problems: Sequence[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nothing was imported")
        self.setObjectName("importProblemsDialog")
        summary = QLabel(
            f"Nothing was imported from {file_name}: {len(problems)} problem{'' if len(problems) == 1 else 's'} to fix. "
            "The workspace is unchanged. Correct the file and import it again."
        )
        summary.setWordWrap(True)
        self.problem_list = QPlainTextEdit(problems_text(problems))
        self.problem_list.setReadOnly(True)
        self.problem_list.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.problem_list.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("Copy all")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_all)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.problem_list, 1)
        layout.addWidget(buttons)
        self.resize(820, 460)

    def text(self) -> str:
        return self.problem_list.toPlainText()

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


def show_import_problems(parent: QWidget | None, file_name: str, problems: Sequence[Problem]) -> QDialog:
    dialog = ImportProblemsDialog(file_name, problems, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(
        parent,
        "About ImagingNet Desktop",
        f"<h3>ImagingNet Desktop {__version__}</h3>"
        "<p>For partnership boards forming an NHS Imaging Network: the partners, the programme, the "
        "commercial model, shares and votes, control, and the record of what was agreed.</p>"
        "<p>Works offline. Each workspace is one file that can be copied or e-mailed as it is.</p>",
    )
