"""Page 1: the spectrum picture, the network's current model, and what the selected model implies."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from imagingnet_desktop.domain.commercial.catalogue import catalogue
from imagingnet_desktop.ui.commercial.common import WARNING_INK, attempt, heading, set_text, wrapped
from imagingnet_desktop.ui.commercial.spectrum_widget import SpectrumWidget, TierMarks
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.ui.common.picture_out import add_picture_actions, picture_title
from imagingnet_desktop.ui.common.scroll_pane import vertical_scroll
from imagingnet_desktop.workspace.commercial import appraisal_edits as edits
from imagingnet_desktop.workspace.commercial.summary import CommercialView
from imagingnet_desktop.workspace.workspace import Workspace


class SpectrumPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._view: CommercialView | None = None
        self.spectrum = SpectrumWidget()
        self.spectrum.selected.connect(lambda _key: self._show_details())
        self.message = InlineMessage()
        add_picture_actions(self.spectrum, lambda: picture_title(workspace.network.name, "Commercial models, "
                                                                 "from As Is to a private joint venture"),
                            self.message.show_notice, "commercial-spectrum")
        self.current_combo = QComboBox()
        self.current_combo.setAccessibleName("The network's current model")
        for model in catalogue().everything:
            self.current_combo.addItem(model.name, model.key)
        theme.use_font(self.current_combo, 1.1)
        self.current_combo.activated.connect(self._current_chosen)
        current_label = QLabel("&Current model:")
        current_label.setBuddy(self.current_combo)
        theme.use_font(current_label, 1.1, bold=True)

        self.title = heading("")
        self.eligibility = wrapped(relative=1.05, bold=True, name="spectrumEligibility")
        self.details = QFormLayout()
        self.details.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._detail_labels: dict[str, QLabel] = {}
        for title, _ in catalogue().models[0].implications():
            label = wrapped()
            self._detail_labels[title] = label
            caption = QLabel(title)
            theme.use_font(caption, 1.0, bold=True)
            self.details.addRow(caption, label)
        self.to_agree = wrapped()
        agree_caption = QLabel("To agree")
        theme.use_font(agree_caption, 1.0, bold=True)
        self.details.addRow(agree_caption, self.to_agree)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.spectrum)
        column.addWidget(self.title)
        column.addWidget(self.eligibility)
        column.addLayout(self.details)
        column.addStretch(1)
        scroll = vertical_scroll(body)

        top = QHBoxLayout()
        top.addWidget(heading("The spectrum: select a model (← →)", 1.1), 1)
        top.addWidget(current_label)
        top.addWidget(self.current_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)  # the picture and the details scroll together when the type is large

    def show_view(self, view: CommercialView) -> None:
        self._view = view
        preferred = view.preferred
        current = view.current_model
        variants_by_tier: dict[int, list[str]] = {}
        for option in view.options:
            model = view.model_of(option)
            if model is not None and model.is_variant:
                variants_by_tier.setdefault(model.tier, []).append(option.name)
        tiers = []
        for model in catalogue().models:
            pref_model = view.model_of(preferred) if preferred is not None else None
            blocked = ""
            verdict = next((view.eligibility[o.id] for o in view.options
                            if o.model_key == model.key and o.id in view.eligibility), None)
            if verdict is not None and not verdict.ok:
                blocked = "Not open: NHS Trusts" if verdict.blocking_partner_ids else "Needs a host"
            tiers.append(TierMarks(
                model, tuple(variants_by_tier.get(model.tier, ())),
                current.name if current is not None and current.tier == model.tier else "",
                preferred.name if preferred is not None and pref_model is not None and pref_model.tier == model.tier
                else "",
                blocked,
            ))
        self.spectrum.set_tiers(tuple(tiers))
        if current is not None:
            index = self.current_combo.findData(current.key)
            if index != self.current_combo.currentIndex():
                self.current_combo.setCurrentIndex(index)
        self._show_details()

    def _show_details(self) -> None:
        model = catalogue().get(self.spectrum.current_key())
        if model is None or self._view is None:
            return
        set_text(self.title, f"{model.name}")
        for title, text in model.implications():
            set_text(self._detail_labels[title], text)
        set_text(self.to_agree, "\n".join(f"• {item}" for item in model.to_agree))
        verdict = next((self._view.eligibility[o.id] for o in self._view.options
                        if o.model_key == model.key and o.id in self._view.eligibility), None)
        if verdict is None:
            set_text(self.eligibility, "")
        else:
            symbol, colour = ("✔", "#005a3c") if verdict.ok else ("✖", WARNING_INK)
            set_text(self.eligibility, f"{symbol} {verdict.message}")
            self.eligibility.setStyleSheet(f"color: {colour};")

    def _current_chosen(self, index: int) -> None:
        key = self.current_combo.itemData(index)
        attempt(self.message, lambda: edits.set_current_model(self._workspace, str(key)))
