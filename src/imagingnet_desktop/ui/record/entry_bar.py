"""The one-line entry bar: choose Decision / Action / Issue (Alt+D, Alt+A, Alt+I), type, press Enter, next.

The details row under it follows the type: a step and workstream for every entry, an owner and person for
actions and issues, a due date ("+7", "8/12/2026") for actions. Everything but the text stays as it was after
an entry is added, so a run of actions for one step is typed without touching the mouse.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.record.entries import (
    MAX_PERSON_LENGTH,
    MAX_TEXT_LENGTH,
    STEPS,
    WORKSTREAMS,
    EntryKind,
)
from imagingnet_desktop.domain.typed_dates import parse_date
from imagingnet_desktop.ui.common import theme

NONE_CHOICE = "—"


class EntryBar(QWidget):
    """Emits ``submitted(kind, text, fields)``; the tab adds the entry and calls ``accepted()`` or shows why not."""

    submitted = Signal(object, str, dict)

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.kind_buttons: dict[EntryKind, QRadioButton] = {}
        self._group = QButtonGroup(self)
        kinds = QHBoxLayout()
        kinds.setSpacing(14)
        for kind, text in ((EntryKind.DECISION, "&Decision"), (EntryKind.ACTION, "&Action"),
                           (EntryKind.ISSUE, "&Issue")):
            button = QRadioButton(text)
            theme.use_font(button, 1.1, bold=True)
            button.toggled.connect(self._kind_changed)
            self._group.addButton(button)
            self.kind_buttons[kind] = button
            kinds.addWidget(button)

        self.text_edit = QLineEdit()
        self.text_edit.setAccessibleName("Entry text")
        self.text_edit.setPlaceholderText("Type the decision, action or issue, then press Enter")
        self.text_edit.setMaxLength(MAX_TEXT_LENGTH + 1)
        theme.use_font(self.text_edit, 1.2)
        self.add_button = QPushButton("Add ⏎")
        theme.use_font(self.add_button, 1.05, bold=True)
        self.add_button.clicked.connect(self.submit)

        self.step_combo = self._combo("Step", [(NONE_CHOICE, None), *((label, key) for key, label in STEPS)])
        self.workstream_combo = self._combo("Workstream",
                                            [(NONE_CHOICE, None), *((label, key) for key, label in WORKSTREAMS)])
        self.owner_combo = self._combo("Owner", [(NONE_CHOICE, None)])
        self.person_edit = self._line("Person", "name", MAX_PERSON_LENGTH + 1)
        self.due_edit = self._line("Due", "+7, 8/12/2026", 20)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.addLayout(kinds, 0, 0)
        grid.addWidget(self.text_edit, 0, 1)
        grid.addWidget(self.add_button, 0, 2)
        details = QHBoxLayout()
        details.setSpacing(6)
        self._labels: dict[QWidget, QLabel] = {}
        for text, widget in (("S&tep", self.step_combo), ("&Workstream", self.workstream_combo),
                             ("&Owner", self.owner_combo), ("&Person", self.person_edit), ("D&ue", self.due_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            self._labels[widget] = label
            details.addWidget(label)
            details.addWidget(widget, 1)
        grid.addLayout(details, 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        for edit in (self.text_edit, self.person_edit, self.due_edit):
            edit.returnPressed.connect(self.submit)
        self.kind_buttons[EntryKind.DECISION].setChecked(True)
        self._fit_hints()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation type: the hints grow with it
            self._fit_hints()

    def _fit_hints(self) -> None:
        """The due date's hint ("+7, 8/12/2026": how it may be typed) read whole at any type size."""
        edit = self.due_edit
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 16)

    def _combo(self, name: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for text, key in items:
            combo.addItem(text, key)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _line(self, name: str, placeholder: str, limit: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(limit)
        return edit

    # ------------------------------------------------------------------ state
    @property
    def kind(self) -> EntryKind:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def set_kind(self, kind: EntryKind) -> None:
        self.kind_buttons[kind].setChecked(True)

    def links(self) -> dict[str, object]:
        """The step and workstream chosen now (a new motion belongs to them too)."""
        return {"step": self.step_combo.currentData(), "workstream": self.workstream_combo.currentData()}

    def set_partners(self, partners: tuple[Partner, ...]) -> None:
        chosen = self.owner_combo.currentData()
        self.owner_combo.clear()
        self.owner_combo.addItem(NONE_CHOICE, None)
        for partner in partners:
            self.owner_combo.addItem(partner.code, partner.id)
        found = self.owner_combo.findData(chosen)
        self.owner_combo.setCurrentIndex(max(found, 0))

    def _kind_changed(self) -> None:
        if not any(b.isChecked() for b in self.kind_buttons.values()):
            return
        kind = self.kind
        for widget in (self.owner_combo, self.person_edit):
            widget.setEnabled(kind is not EntryKind.DECISION)
        self.due_edit.setEnabled(kind is EntryKind.ACTION)
        self.text_edit.setPlaceholderText(
            {EntryKind.DECISION: "Type the decision, then press Enter",
             EntryKind.ACTION: "Type the action (owner, person and due date below), then press Enter",
             EntryKind.ISSUE: "Type the open issue, then press Enter"}[kind])
        self.text_edit.setFocus()

    # ------------------------------------------------------------------ submitting
    def submit(self) -> None:
        """Ask for the entry to be added; a due date that is not a date is refused here (``due_refused``)."""
        kind = self.kind
        fields: dict[str, object] = {"step": self.step_combo.currentData(),
                                     "workstream": self.workstream_combo.currentData()}
        if kind is not EntryKind.DECISION:
            fields["owner_partner_id"] = self.owner_combo.currentData()
            fields["person"] = self.person_edit.text()
        if kind is EntryKind.ACTION:
            fields["due"] = self.due_edit.text()  # parsed by ``fields_for``
        self.submitted.emit(kind, self.text_edit.text(), fields)

    def fields_for(self, fields: dict[str, object]) -> dict[str, object]:
        """The fields with the due date read; raises ``FieldError`` for a date that is not one."""
        out = dict(fields)
        if "due" in out:
            out["due"] = parse_date("The due date", str(out["due"]), today=self._today())
        return out

    def accepted(self) -> None:
        """The entry went in: clear the text for the next one, keep the rest."""
        self.text_edit.clear()
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
