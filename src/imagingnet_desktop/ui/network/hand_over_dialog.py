"""Asked when the partners being deleted are named elsewhere (checklist owners, seats...): hand over or clear."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.ui.common import theme

HandOver = tuple[str, int | None]  # ("reassign", partner id) or ("clear", None)


class HandOverDialog(QDialog):
    def __init__(self, message: str, remaining: Sequence[Partner], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Delete partner")
        text = QLabel(f"{message}. What should happen to them?")
        text.setWordWrap(True)
        theme.use_font(text, 1.1, bold=True)
        self.reassign = QRadioButton("&Hand them over to")
        self.partner = QComboBox()
        self.partner.setAccessibleName("Partner to hand the items over to")
        for partner in remaining:
            self.partner.addItem(f"{partner.code} — {partner.name}", partner.id)
        self.clear = QRadioButton("&Leave them without a partner (rows that need one are removed)")
        group = QButtonGroup(self)
        group.addButton(self.reassign)
        group.addButton(self.clear)
        (self.reassign if remaining else self.clear).setChecked(True)
        self.reassign.setEnabled(bool(remaining))
        self.partner.setEnabled(bool(remaining))
        self.reassign.toggled.connect(self.partner.setEnabled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Delete")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        for widget in (text, self.reassign, self.partner, self.clear, buttons):
            column.addWidget(widget)

    def choice(self) -> HandOver:
        if self.reassign.isChecked():
            return "reassign", self.partner.currentData()
        return "clear", None


def ask_hand_over(parent: QWidget, message: str, remaining: Sequence[Partner]) -> HandOver | None:
    """The user's choice, or None when they cancel (nothing is deleted then)."""
    dialog = HandOverDialog(message, remaining, parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
