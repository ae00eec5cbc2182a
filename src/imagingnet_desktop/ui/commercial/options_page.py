"""Page 2: the long list and the SOC: short-list or rule out each option (against a named success factor, with
the reason), add a variant, and describe an option on the five rows of the options framework."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.domain.commercial.appraisal import FRAMEWORK_ROWS, OptionStatus
from imagingnet_desktop.domain.commercial.catalogue import catalogue
from imagingnet_desktop.ui.commercial.common import WARNING_INK, attempt, heading, set_text, table, wrapped
from imagingnet_desktop.ui.commercial.table_models import OptionTableModel
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.workspace.commercial import appraisal_edits as edits
from imagingnet_desktop.workspace.commercial.summary import CommercialView
from imagingnet_desktop.workspace.workspace import Workspace


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    theme.use_font(button, 1.05, bold=True)
    return button


class OptionsPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._view: CommercialView | None = None
        self.model = OptionTableModel(workspace, self)
        self.table = table("Options", wrap=True)
        self.table.setModel(self.model)
        for column in range(self.model.columnCount()):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.message = InlineMessage()
        self.notes = wrapped(relative=1.05, bold=True, colour=WARNING_INK, name="optionsNotes")

        self.short_list_button = _button("✔ Short-list", "Short-list the selected option")
        self.short_list_button.clicked.connect(self._short_list)
        self.long_list_button = _button("○ Back to long list", "Put the selected option back on the long list")
        self.long_list_button.clicked.connect(self._back)
        self.rest_button = _button("Short-list all the rest", "Short-list every option still on the long list")
        self.rest_button.clicked.connect(lambda: attempt(self.message,
                                                         lambda: edits.short_list_the_rest(self._workspace)))
        self.against = QComboBox()
        self.against.setAccessibleName("Success factor the option fails")
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason for ruling it out")
        self.reason.setPlaceholderText("Why it is ruled out (recorded)")
        self.reason.setMaxLength(2000)
        self.reason.returnPressed.connect(self._rule_out)
        self.rule_out_button = _button("✖ Rule out", "Rule out the selected option")
        self.rule_out_button.clicked.connect(self._rule_out)
        self.variant_combo = QComboBox()
        self.variant_combo.setAccessibleName("Variant to add")
        for variant in catalogue().variants:
            self.variant_combo.addItem(variant.name, variant.key)
        self.add_variant_button = _button("+ Add variant", "Add the variant to the long list")
        self.add_variant_button.clicked.connect(self._add_variant)
        self.remove_button = _button("Remove variant", "Remove the selected variant")
        self.remove_button.clicked.connect(self._remove)

        actions = QGridLayout()
        actions.addWidget(self.short_list_button, 0, 0)
        actions.addWidget(self.long_list_button, 0, 1)
        actions.addWidget(self.rest_button, 1, 0, 1, 2)
        actions.addWidget(heading("Rule out (SOC) against", 1.0), 2, 0, 1, 2)
        actions.addWidget(self.against, 3, 0, 1, 2)
        actions.addWidget(self.reason, 4, 0, 1, 2)
        actions.addWidget(self.rule_out_button, 5, 0, 1, 2)
        actions.addWidget(heading("Variants", 1.0), 6, 0, 1, 2)
        actions.addWidget(self.variant_combo, 7, 0, 1, 2)
        actions.addWidget(self.add_variant_button, 8, 0)
        actions.addWidget(self.remove_button, 8, 1)

        self.selected_title = heading("", 1.1)
        self.framework: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for key, label in FRAMEWORK_ROWS:
            edit = QLineEdit()
            edit.setAccessibleName(f"Options framework: {label}")
            edit.setMaxLength(2000)
            edit.editingFinished.connect(lambda key=key: self._framework_edited(key))
            self.framework[key] = edit
            form.addRow(label, edit)

        side = QWidget()
        side_column = QVBoxLayout(side)
        side_column.addWidget(self.selected_title)
        side_column.addLayout(actions)
        side_column.addWidget(heading("Options framework", 1.0))
        side_column.addLayout(form)
        side_column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(side)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(heading("Long list → short list (SOC): the comparators always stay", 1.1))
        left_column.addWidget(self.table, 1)
        left_column.addWidget(self.notes)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    # ------------------------------------------------------------------ showing
    def show_view(self, view: CommercialView) -> None:
        self._view = view
        selected = self.selected_option_id()
        self.model.show_view(view)
        names = [c.name for c in view.criteria]
        if [self.against.itemText(i) for i in range(self.against.count())] != names:
            kept = self.against.currentText()
            self.against.clear()
            self.against.addItems(names)
            if kept in names:
                self.against.setCurrentText(kept)
        row = self.model.option_ids.index(selected) if selected in self.model.option_ids else 0
        if self.model.option_ids and self.table.currentIndex().row() != row:
            self.table.selectRow(row)
        set_text(self.notes, "\n".join(f"⚠ {n}" if not n.startswith("⚠") else n for n in view.notes
                                       if "short list" in n))
        self._show_selected()

    def selected_option_id(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.option_ids[row] if 0 <= row < len(self.model.option_ids) else None

    def select_option(self, option_id: int) -> None:
        self.table.selectRow(self.model.option_ids.index(option_id))

    def _show_selected(self) -> None:
        option_id = self.selected_option_id()
        if self._view is None or option_id is None:
            return
        option = next(o for o in self._view.options if o.id == option_id)
        model = self._view.model_of(option)
        set_text(self.selected_title, f"Selected: {option.name}")
        comparator = bool(model and model.comparator)
        self.rule_out_button.setEnabled(not comparator and option.status is not OptionStatus.RULED_OUT)
        self.reason.setEnabled(not comparator)
        self.short_list_button.setEnabled(option.status in (OptionStatus.LONG_LIST, OptionStatus.RULED_OUT))
        others_scored = any(o.scored and not (self._view.model_of(o) and self._view.model_of(o).comparator)  # type: ignore[union-attr]
                            for o in self._view.options)
        self.long_list_button.setEnabled(option.status is OptionStatus.RULED_OUT or (
            option.status is OptionStatus.SHORT_LIST and not (comparator and others_scored)))
        self.remove_button.setEnabled(bool(model and model.is_variant))
        for key, edit in self.framework.items():
            text = str(getattr(option, key))
            if edit.text() != text and not edit.hasFocus():
                edit.setText(text)

    # ------------------------------------------------------------------ edits
    def _selected_or_say(self) -> int | None:
        option_id = self.selected_option_id()
        if option_id is None:
            self.message.show_error("Not saved: select an option first")
        return option_id

    def _short_list(self) -> None:
        option_id = self._selected_or_say()
        if option_id is not None:
            attempt(self.message, lambda: edits.short_list(self._workspace, option_id))

    def _back(self) -> None:
        option_id = self._selected_or_say()
        if option_id is not None:
            attempt(self.message, lambda: edits.back_to_long_list(self._workspace, option_id))

    def _rule_out(self) -> None:
        option_id = self._selected_or_say()
        if option_id is None:
            return
        if attempt(self.message, lambda: edits.rule_out(self._workspace, option_id, self.reason.text(),
                                                        self.against.currentText())):
            self.reason.clear()

    def _add_variant(self) -> None:
        key = str(self.variant_combo.currentData())
        attempt(self.message, lambda: edits.add_variant(self._workspace, key))

    def _remove(self) -> None:
        option_id = self._selected_or_say()
        if option_id is not None:
            attempt(self.message, lambda: edits.remove_option(self._workspace, option_id))

    def _framework_edited(self, key: str) -> None:
        option_id = self.selected_option_id()
        if option_id is not None:
            text = self.framework[key].text()
            attempt(self.message, lambda: edits.set_framework_text(self._workspace, option_id, key, text))
