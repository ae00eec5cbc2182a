"""One step × workstream: what the step asks of it, its target, its checklist and the chosen item's details."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.domain.programme.content import default_content
from imagingnet_desktop.domain.programme.rows import ChecklistItem
from imagingnet_desktop.domain.programme.steps import STEP_SHORT_NAMES, WORKSTREAM_NAMES, StepId, WorkstreamId
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.ui.common.run_edit import not_saved, run_edit
from imagingnet_desktop.ui.programme.checklist_model import ITEM, ChecklistModel
from imagingnet_desktop.ui.programme.checklist_view import ChecklistView
from imagingnet_desktop.workspace.programme import edits, queries
from imagingnet_desktop.workspace.workspace import Workspace

NEW_ITEM_TEXT = "New item"


class CellPanel(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._owner_choices: tuple[tuple[int, str, str], ...] = ()
        self._fresh_id: int | None = None  # an item just added by Enter, not typed yet
        self.title = QLabel()
        theme.use_font(self.title, 1.3, bold=True)
        self.asks = QLabel()
        self.asks.setWordWrap(True)
        theme.use_font(self.asks, 1.0)
        self.target = QSpinBox()
        self.target.setRange(0, 100)
        self.target.setSuffix("%")
        self.target.setAccessibleName("Target for this step and workstream")
        self.target.setKeyboardTracking(False)
        self.target.valueChanged.connect(self._target_changed)
        target_label = QLabel("&Target")
        target_label.setBuddy(self.target)
        self.message = InlineMessage()
        self.model = ChecklistModel(workspace, self)
        self.model.validation_failed.connect(self._refused)
        self.table = ChecklistView(workspace)
        self.table.setModel(self.model)
        self.table.add_requested.connect(self.add_item)
        self.table.cycle_requested.connect(self.cycle_status)
        self.table.editor_closed.connect(self._editor_closed)
        self.table.narrow_changed.connect(self._show_item)
        self.table.selectionModel().currentRowChanged.connect(self._show_item)
        self.model.modelReset.connect(self._show_item)
        self.model.dataChanged.connect(self._show_item)

        self.add_action = self._action("Add", self.add_item, "Ctrl+Shift+N")
        self.remove_action = self._action("Remove", self.remove_items, "Delete", self.table)
        self.up_action = self._action("Up", lambda: self.move_item(-1), "Ctrl+Up", self.table)
        self.down_action = self._action("Down", lambda: self.move_item(+1), "Ctrl+Down", self.table)

        self.note = QLineEdit()
        self.note.setAccessibleName("Note on the chosen item")
        self.note.setPlaceholderText("what was said, what is still open")
        self.note.editingFinished.connect(lambda: self._edit_detail(self.note, edits.set_note))
        self.evidence = QLineEdit()
        self.evidence.setAccessibleName("Evidence for the chosen item")
        self.evidence.setPlaceholderText("a document, minute or file path")
        self.evidence.editingFinished.connect(lambda: self._edit_detail(self.evidence, edits.set_evidence))
        self.owner = QComboBox()
        self.owner.setAccessibleName("Owner of the chosen item")
        self.owner.activated.connect(self._owner_chosen)
        self.due = QLineEdit()
        self.due.setAccessibleName("Due date of the chosen item")
        self.due.setPlaceholderText("dd/mm/yyyy")
        self.due.editingFinished.connect(lambda: self._edit_detail(self.due, edits.set_due))
        self.choose_file = QPushButton("File…")
        self.choose_file.setToolTip("Choose a file as the evidence")
        self.choose_file.clicked.connect(self._choose_evidence_file)
        self._lay_out(target_label)
        self.show_cell(StepId.MOU, WorkstreamId.STRATEGIC)

    def _action(self, text: str, slot: Callable[[], None], key: str, owner: QWidget | None = None) -> QAction:
        action = QAction(text, owner or self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut if owner else
                                  Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        (owner or self).addAction(action)
        return action

    def _lay_out(self, target_label: QLabel) -> None:
        controls = QHBoxLayout()
        controls.setSpacing(6)
        controls.addWidget(target_label)
        controls.addWidget(self.target)
        controls.addStretch(1)
        for action in (self.add_action, self.remove_action, self.up_action, self.down_action):
            button = QToolButton()
            button.setDefaultAction(action)
            theme.use_font(button, 1.0, bold=True)
            controls.addWidget(button)
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.evidence, 1)
        evidence_row.addWidget(self.choose_file)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        owner_row = QHBoxLayout()
        owner_row.addWidget(self.owner, 1)
        due_label = QLabel("D&ue")
        due_label.setBuddy(self.due)
        owner_row.addWidget(due_label)
        owner_row.addWidget(self.due, 1)
        self.due.setMinimumWidth(self.due.fontMetrics().horizontalAdvance("31/12/20277") + 16)
        self.owner_label = QLabel("O&wner")
        self.owner_label.setBuddy(self.owner)
        form.addRow(self.owner_label, owner_row)
        self._owner_row = owner_row
        self._form = form
        note_label, evidence_label = QLabel("N&ote"), QLabel("E&vidence")
        note_label.setBuddy(self.note)
        evidence_label.setBuddy(self.evidence)
        form.addRow(note_label, self.note)
        form.addRow(evidence_label, evidence_row)
        hint = QLabel("Enter: next item · Space: status · F2: edit · Del: remove")
        hint.setWordWrap(True)
        theme.use_font(hint, 0.85)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.title)
        column.addWidget(self.asks)
        column.addLayout(controls)
        column.addWidget(self.message)
        column.addWidget(self.table, 1)
        column.addWidget(hint)
        column.addLayout(form)

    # ------------------------------------------------------------------ showing
    def show_cell(self, step: StepId, workstream: WorkstreamId) -> None:
        self.model.show_cell(step, workstream)
        self.title.setText(f"{STEP_SHORT_NAMES[step]} · {WORKSTREAM_NAMES[workstream]}")
        self.asks.setText(default_content().step(step).asks[workstream])
        self._show_target()
        if self.model.rowCount():
            self._select(0)
        self._update_actions()

    def refresh(self, *, partners: bool = False) -> None:
        self.model.refresh(partners=partners)
        self._show_target()
        self._update_actions()

    def _show_target(self) -> None:
        pct = queries.targets(self._workspace)[(self.model.step, self.model.workstream)]
        if self.target.value() != pct:
            self.target.blockSignals(True)
            self.target.setValue(pct)
            self.target.blockSignals(False)
        self.target.setReadOnly(self._workspace.read_only)

    def _show_item(self, *_: object) -> None:
        item = self.current_item()
        for field, value in ((self.note, item.note if item else ""), (self.evidence, item.evidence if item else "")):
            if not field.hasFocus() or not field.isModified():
                field.setText(value)
                field.setModified(False)
            field.setEnabled(item is not None and not self._workspace.read_only)
        self.choose_file.setEnabled(item is not None and not self._workspace.read_only)
        if hasattr(self, "_form"):
            self._show_owner_and_due(item)
        self._update_actions()

    def _show_owner_and_due(self, item: object) -> None:
        """The owner and due fields, shown below the table only while the table has no room for them."""
        shown = self.table.narrow
        self._form.setRowVisible(self.owner_label, shown)
        if not shown:
            return
        self.owner.blockSignals(True)
        partners = tuple((p.id, p.code, p.name) for p in self._workspace.network.partners)
        if partners != self._owner_choices:  # rebuilt only when the partners change
            self._owner_choices = partners
            self.owner.clear()
            self.owner.addItem("— no owner", None)
            for partner_id, code, name in partners:
                self.owner.addItem(code, partner_id)
                self.owner.setItemData(self.owner.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        owner = getattr(item, "owner_partner_id", None)
        self.owner.setCurrentIndex(max(self.owner.findData(owner), 0) if owner is not None else 0)
        self.owner.blockSignals(False)
        due = getattr(item, "due", None)
        if not self.due.hasFocus() or not self.due.isModified():
            self.due.setText(f"{due:%d/%m/%Y}" if due else "")
            self.due.setModified(False)
        for widget in (self.owner, self.due):
            widget.setEnabled(item is not None and not self._workspace.read_only)

    def _owner_chosen(self, index: int) -> None:
        item = self.current_item()
        if item is not None:
            self._attempt(lambda: edits.set_owner(self._workspace, item.id, self.owner.itemData(index)))

    def _update_actions(self) -> None:
        editable = not self._workspace.read_only
        has_item = self.current_item() is not None
        row = self.table.currentIndex().row()
        self.add_action.setEnabled(editable)
        self.remove_action.setEnabled(editable and has_item)
        self.up_action.setEnabled(editable and has_item and row > 0)
        self.down_action.setEnabled(editable and has_item and row < self.model.rowCount() - 1)

    def current_item(self) -> ChecklistItem | None:
        index = self.table.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.current_item() is not None:
            rows = [self.table.currentIndex().row()]
        return [self.model.item_at(r).id for r in rows if r < self.model.rowCount()]

    def _select(self, row: int, column: int = 0) -> None:
        index = self.model.index(row, column)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    # ------------------------------------------------------------------ editing
    def _attempt(self, edit: Callable[[], object]) -> object | None:
        return run_edit(edit, self.message, read_only=self._workspace.read_only)

    def _refused(self, row: int, column: int, message: str) -> None:
        self.message.show_error(not_saved(message, " The old value is kept."))
        if 0 <= row < self.model.rowCount():
            self._select(row, column)

    def add_item(self) -> None:
        current = self.current_item()
        item = self._attempt(lambda: edits.add_item(self._workspace, self.model.step, self.model.workstream,
                                                    NEW_ITEM_TEXT, current.id if current else None))
        if item is None:
            return
        self._fresh_id = item.id  # type: ignore[attr-defined]
        row = self.model.row_of(item.id)  # type: ignore[attr-defined]
        self._select(row, ITEM)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.edit(self.model.index(row, ITEM))

    def _editor_closed(self, by_enter: bool, reverted: bool) -> None:
        fresh, self._fresh_id = self._fresh_id, None
        current = self.current_item()
        if reverted and fresh is not None and current is not None and current.id == fresh \
                and current.text == NEW_ITEM_TEXT and self._workspace.undo_label and \
                self._workspace.undo_label.startswith("add "):
            self._attempt(self._workspace.undo)  # Escape on an item never typed: as if Enter was not pressed
            return
        if by_enter:
            QTimer.singleShot(0, self, self.add_item)

    def cycle_status(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._attempt(lambda: edits.cycle_status(self._workspace, ids))

    def remove_items(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        row = self.table.currentIndex().row()
        if self._attempt(lambda: edits.remove_items(self._workspace, ids)) is None:
            return
        if self.model.rowCount():
            self._select(min(max(row, 0), self.model.rowCount() - 1))
        self.message.show_notice(f"Removed {len(ids)} item{'s' if len(ids) > 1 else ''} — Ctrl+Z to undo")

    def move_item(self, step: int) -> None:
        item = self.current_item()
        if item is None:
            return
        column = self.table.currentIndex().column()
        if self._attempt(lambda: edits.move_item(self._workspace, item.id, step)) is not None:
            self._select(self.model.row_of(item.id), column)

    def _target_changed(self, value: int) -> None:
        step, workstream = self.model.step, self.model.workstream
        if self._attempt(lambda: edits.set_target(self._workspace, step, workstream, value)) is None:
            self._show_target()

    def _edit_detail(self, field: QLineEdit, edit: Callable[[Workspace, int, str], object]) -> None:
        item = self.current_item()
        if item is None or not field.isModified():
            return
        field.setModified(False)
        if self._attempt(lambda: edit(self._workspace, item.id, field.text())) is None:
            self._show_item()

    def _ask_evidence_file(self) -> str:
        """The file chosen as evidence (tests replace this)."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "Choose the evidence file")
        return path

    def _choose_evidence_file(self) -> None:
        item = self.current_item()
        if item is None:
            return
        path = self._ask_evidence_file()
        if path:
            self._attempt(lambda: edits.set_evidence(self._workspace, item.id, path))
