"""Page 3: the OBC on one grid: weighted success factors (the Green Book five and up to three of the network's
own) down the side, the short-listed options across, scores entered partner by partner and shown combined (mean,
with the spread)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.ui.commercial.common import WARNING_INK, attempt, heading, set_text, table, wrapped
from imagingnet_desktop.ui.commercial.table_models import COMBINED, AppraisalGridModel
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.workspace.commercial import appraisal_edits as edits
from imagingnet_desktop.workspace.commercial.summary import CommercialView
from imagingnet_desktop.workspace.workspace import Workspace


class ScoringPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.message = InlineMessage()
        self.model = AppraisalGridModel(workspace, self)
        self.model.refused.connect(self.message.show_error)
        self.grid = table("Success factors, weights and scores")
        self.grid.setSelectionBehavior(self.grid.SelectionBehavior.SelectItems)
        self.grid.setModel(self.model)
        self.grid.horizontalHeader().setStretchLastSection(False)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.grid, context=Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self._clear_cell)

        self.partner_combo = QComboBox()
        self.partner_combo.setAccessibleName("Whose scores")
        theme.use_font(self.partner_combo, 1.1, bold=True)
        self.partner_combo.activated.connect(self._partner_chosen)
        whose = QLabel("&Scores of:")
        whose.setBuddy(self.partner_combo)
        theme.use_font(whose, 1.1, bold=True)

        self.new_factor = QLineEdit()
        self.new_factor.setAccessibleName("Name of the network's own success factor")
        self.new_factor.setPlaceholderText("Add your own success factor (up to 3)…")
        self.new_factor.setMaxLength(120)
        self.new_factor.returnPressed.connect(self._add_factor)
        add = QPushButton("+ Add factor")
        add.setAccessibleName("Add the success factor")
        add.clicked.connect(self._add_factor)
        self.delete_factor_button = QPushButton("Delete selected own factor")
        self.delete_factor_button.clicked.connect(self._delete_factor)
        self.hint = wrapped(relative=0.95)
        self.notes = wrapped(relative=1.0, bold=True, colour=WARNING_INK, name="scoringNotes")

        top = QHBoxLayout()
        top.addWidget(heading("Short list scored 0-10 against weighted success factors (OBC)", 1.1), 1)
        top.addWidget(whose)
        top.addWidget(self.partner_combo)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_factor, 1)
        bottom.addWidget(add)
        bottom.addWidget(self.delete_factor_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.notes)
        layout.addLayout(bottom)

    def show_view(self, view: CommercialView) -> None:
        wanted = [("All partners combined (mean, low–high)", COMBINED)] + [
            (f"{p.code} – {p.name}", p.id) for p in view.partners]
        have = [(self.partner_combo.itemText(i), self.partner_combo.itemData(i))
                for i in range(self.partner_combo.count())]
        if have != wanted:
            self.partner_combo.clear()
            for text, pid in wanted:
                self.partner_combo.addItem(text, pid)
        index = self.partner_combo.findData(self.model.partner_id)
        if index < 0:
            index = 0
            self.model.partner_id = COMBINED
        self.partner_combo.setCurrentIndex(index)
        self.model.show_view(view)
        self._show_hint()
        set_text(self.notes, "\n".join(n for n in view.notes if n.startswith("Not ranked")))

    def _show_hint(self) -> None:
        set_text(self.hint, "Weights: type any numbers; each factor's share is its weight over the total. Choose a "
                            "partner above to type its scores; the combined view shows the mean and, where partners "
                            "disagree, their lowest and highest score."
                 if self.model.partner_id == COMBINED else
                 "Type this partner's score (0-10) in each cell; Delete (or an empty cell) clears it.")

    def choose_partner(self, partner_id: int) -> None:
        self.partner_combo.setCurrentIndex(self.partner_combo.findData(partner_id))
        self._partner_chosen(self.partner_combo.currentIndex())

    def _partner_chosen(self, index: int) -> None:
        self.model.set_partner(int(self.partner_combo.itemData(index)))
        self._show_hint()

    def _clear_cell(self) -> None:
        """Delete on a score clears this partner's score there."""
        index = self.grid.currentIndex()
        if index.isValid() and index.column() >= self.model.FIXED and self.model.flags(index) & \
                Qt.ItemFlag.ItemIsEditable:
            self.model.setData(index, "")

    def _add_factor(self) -> None:
        name = self.new_factor.text()
        if attempt(self.message, lambda: edits.add_criterion(self._workspace, name)):
            self.new_factor.clear()

    def _delete_factor(self) -> None:
        row = self.grid.currentIndex().row()
        if not 0 <= row < len(self.model.criterion_ids):
            self.message.show_error("Not saved: select one of your own success factors first")
            return
        criterion_id = self.model.criterion_ids[row]
        attempt(self.message, lambda: edits.delete_criterion(self._workspace, criterion_id))
