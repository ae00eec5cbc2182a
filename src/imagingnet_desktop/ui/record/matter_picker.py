"""A choice of reserved matter from the Control tab's register, by title ("No reserved matter" first).

Used for a decision in the log (the matter it settled) and for a motion (the matter it puts to the vote, whose
rule then decides it). The list follows the register: ``set_matters`` is called again when Control changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.workspace.record.matter_links import NO_MATTER


class MatterPicker(QWidget):
    """A label (its mnemonic goes to the list) and the list; ``chosen`` carries the matter id or ``None``."""

    chosen = Signal(object)

    def __init__(self, label: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setAccessibleName(accessible_name)
        # Titles can be long: the list never makes the pane wider than the screen (it elides instead).
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(16)
        theme.use_font(self.combo, 1.05)
        self.combo.activated.connect(lambda _=0: self.chosen.emit(self.current_matter()))
        self.label = QLabel(label)
        self.label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.label)
        row.addWidget(self.combo, 1)
        self._choices: list[tuple[int, str]] | None = None

    def set_matters(self, choices: list[tuple[int, str]]) -> None:
        """The register's matters as (id, title), keeping the one shown."""
        if choices == self._choices:
            return
        self._choices = list(choices)
        kept = self.current_matter()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(NO_MATTER, None)
        for matter_id, title in choices:
            self.combo.addItem(title, matter_id)
            self.combo.setItemData(self.combo.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
        self.combo.blockSignals(False)
        self.set_current(kept)

    def set_current(self, matter_id: int | None) -> None:
        at = self.combo.findData(matter_id) if matter_id is not None else 0
        self.combo.setCurrentIndex(max(at, 0))

    def current_matter(self) -> int | None:
        data = self.combo.currentData()
        return None if data is None else int(data)

    def title_of(self, matter_id: int) -> str | None:
        return next((title for mid, title in self._choices or () if mid == matter_id), None)

