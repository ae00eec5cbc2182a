"""Page 5: the FBC: the preferred option, its host trust where the model is hosted, and the rationale; refused
with the reason when the network cannot adopt it. The eligibility of every option stays listed, live."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.ui.commercial.common import WARNING_INK, attempt, heading, set_text, wrapped
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.workspace.commercial import appraisal_edits as edits
from imagingnet_desktop.workspace.commercial.summary import CommercialView
from imagingnet_desktop.workspace.workspace import Workspace

NO_HOST = -1


class ChoicePage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._view: CommercialView | None = None
        self._shown_choice: object = None
        self.message = InlineMessage()
        self.status = wrapped(relative=1.3, bold=True, name="choiceStatus")
        self.option_combo = QComboBox()
        self.option_combo.setAccessibleName("Preferred option")
        self.option_combo.currentIndexChanged.connect(lambda _i: self._option_changed())
        self.host_combo = QComboBox()
        self.host_combo.setAccessibleName("Host trust")
        self.rationale = QPlainTextEdit()
        self.rationale.setAccessibleName("Rationale")
        self.rationale.setPlaceholderText("Why this option, and why this host (recorded with the choice)")
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMaximumHeight(self.rationale.fontMetrics().lineSpacing() * 5)
        self.confirm_button = QPushButton("★ Confirm preferred option")
        self.confirm_button.setAccessibleName("Confirm preferred option")
        theme.use_font(self.confirm_button, 1.1, bold=True)
        self.confirm_button.clicked.connect(self._confirm)
        self.clear_button = QPushButton("No preferred option yet")
        self.clear_button.clicked.connect(lambda: attempt(self.message, lambda: edits.clear_preferred(self._workspace)))
        self.option_warning = wrapped(relative=1.05, bold=True, colour=WARNING_INK, name="choiceWarning")
        self.eligibility = wrapped(relative=1.0, name="eligibilityList")

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Preferred &option", self.option_combo)
        form.addRow("&Host trust", self.host_combo)
        form.addRow("&Rationale", self.rationale)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.status)
        column.addWidget(self.message)
        column.addLayout(form)
        column.addWidget(self.option_warning)
        column.addLayout(buttons)
        column.addWidget(heading("Who may adopt each option", 1.1))
        column.addWidget(self.eligibility)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(heading("Preferred option and host (FBC)", 1.1))
        layout.addWidget(scroll, 1)

    def show_view(self, view: CommercialView) -> None:
        self._view = view
        preferred, host = view.preferred, view.host
        if preferred is None:
            set_text(self.status, "No preferred option chosen yet")
        else:
            hosted = f", hosted by {host.name} ({host.code})" if host is not None else ""
            set_text(self.status, f"★ Preferred: {preferred.name}{hosted}")
        scored = [o for o in view.options if o.scored]
        wanted = [(o.name, o.id) for o in scored]
        have = [(self.option_combo.itemText(i), self.option_combo.itemData(i))
                for i in range(self.option_combo.count())]
        keep = self.option_combo.currentData()
        if have != wanted:
            self.option_combo.blockSignals(True)
            self.option_combo.clear()
            for text, oid in wanted:
                self.option_combo.addItem(text, oid)
            self.option_combo.blockSignals(False)
        hosts = [("(no host)", NO_HOST)] + [(f"{p.code} – {p.name}", p.id) for p in view.partners]
        keep_host = self.host_combo.currentData()
        if [(self.host_combo.itemText(i), self.host_combo.itemData(i)) for i in range(self.host_combo.count())] \
                != hosts:
            self.host_combo.clear()
            for text, pid in hosts:
                self.host_combo.addItem(text, pid)
        if (view.choice, preferred) != self._shown_choice:  # the saved choice changed: show it
            self._shown_choice = (view.choice, preferred)
            keep = preferred.id if preferred is not None else keep
            keep_host = view.choice.host_partner_id if view.choice.host_partner_id is not None else keep_host
            if self.rationale.toPlainText() != view.choice.rationale and preferred is not None:
                self.rationale.setPlainText(view.choice.rationale)
        for combo, value in ((self.option_combo, keep), (self.host_combo, keep_host)):
            index = combo.findData(value)
            combo.setCurrentIndex(index if index >= 0 else 0)
        verdicts = [view.eligibility[o.id] for o in view.options if o.id in view.eligibility]
        set_text(self.eligibility, "\n".join(f"{'✔' if v.ok else '✖'} {v.message}" for v in verdicts))
        self._option_changed()

    def _option_changed(self) -> None:
        view = self._view
        option_id = self.option_combo.currentData()
        if view is None or option_id is None:
            set_text(self.option_warning, "Short-list options first: only a short-listed option can be preferred"
                     if view is not None else "")
            self.host_combo.setEnabled(False)
            return
        option = next(o for o in view.options if o.id == option_id)
        model = view.model_of(option)
        needs_host = bool(model and model.needs_host)
        self.host_combo.setEnabled(needs_host)
        if not needs_host:
            self.host_combo.setCurrentIndex(0)
        verdict = view.eligibility.get(option.id)
        warning = ""
        if verdict is not None and not verdict.ok and not (needs_host and not verdict.blocking_partner_ids
                                                           and option.status.value != "preferred"):
            warning = f"✖ {verdict.message}"
        elif needs_host and self.host_combo.currentData() == NO_HOST:
            warning = f"⚠ {option.name} needs a host trust: choose one of the partners"
        set_text(self.option_warning, warning)

    def choose(self, option_id: int, host_partner_id: int | None, rationale: str) -> None:
        """Fill the form as a user would (used by tests and shortcuts); does not confirm."""
        self.option_combo.setCurrentIndex(self.option_combo.findData(option_id))
        self.host_combo.setCurrentIndex(self.host_combo.findData(NO_HOST if host_partner_id is None
                                                                 else host_partner_id))
        self.rationale.setPlainText(rationale)

    def _confirm(self) -> None:
        option_id = self.option_combo.currentData()
        if option_id is None:
            self.message.show_error("Not saved: short-list options first; only a short-listed option can be preferred")
            return
        host = self.host_combo.currentData()
        attempt(self.message, lambda: edits.choose_preferred(
            self._workspace, int(option_id), None if host in (None, NO_HOST) else int(host),
            self.rationale.toPlainText()), done="Preferred option saved")
