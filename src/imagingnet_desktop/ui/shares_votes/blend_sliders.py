"""One slider per basis (weight 0-100) with the normalised share of the blend shown beside it.

While a slider is dragged every step is sent as ``previewed`` (nothing is written); releasing it sends
``committed`` once. A keyboard step (arrows, Page Up/Down, Home/End) or a click on the groove is previewed at
once and committed after a short pause, so holding an arrow key down makes one edit, not fifty.
``flush()`` commits a pending keyboard step straight away (the tab calls it before any other edit).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QSlider, QVBoxLayout, QWidget

from imagingnet_desktop.domain.scenarios.scenario import SLIDER_MAX
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.ui.common import theme

Weights = tuple[tuple[Basis, int], ...]
COMMIT_PAUSE_MS = 450
SLIDER_LABELS = {
    Basis.ACTIVITY: "Activity",
    Basis.PAY: "Pay",
    Basis.NON_PAY: "Non-pay",
    Basis.TOTAL_COST: "Total cost",
    Basis.VALUATION: "Going-concern",
}


class WeightSlider(QSlider):
    """A slider the mouse wheel moves only once it has focus, so scrolling past it changes nothing."""

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class BlendSliders(QWidget):
    previewed = Signal(object)  # Weights
    committed = Signal(object)  # Weights

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sliders: dict[Basis, QSlider] = {}
        self.percent_labels: dict[Basis, QLabel] = {}
        self._updating = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_PAUSE_MS)
        self._timer.timeout.connect(self._commit)

        heading = QLabel("Blend of bases")
        theme.use_font(heading, 1.25, bold=True)
        hint = QLabel("Drag, or Tab to a slider and use the arrow keys.")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {theme.MUTED_INK};")
        theme.use_font(hint, 0.9)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        for row, basis in enumerate(Basis):
            label = QLabel(SLIDER_LABELS[basis])
            label.setToolTip(basis.label)
            theme.use_font(label, 1.05, bold=True)
            slider = WeightSlider(Qt.Orientation.Horizontal)
            slider.setObjectName(f"weight_{basis.value}")
            slider.setRange(0, SLIDER_MAX)
            slider.setSingleStep(1)
            slider.setPageStep(10)
            slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            slider.setAccessibleName(f"Weight of {basis.label} in the blend")
            slider.setMinimumHeight(32)
            slider.setMinimumWidth(90)
            slider.setStyleSheet(_SLIDER_STYLE)
            label.setBuddy(slider)
            percent = QLabel()
            percent.setObjectName(f"percent_{basis.value}")
            theme.use_font(percent, 1.25, bold=True)
            percent.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, row, 0)
            grid.addWidget(slider, row, 1)
            grid.addWidget(percent, row, 2)
            slider.valueChanged.connect(self._moved)
            slider.sliderReleased.connect(self._commit)
            self.sliders[basis] = slider
            self.percent_labels[basis] = percent

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(heading)
        column.addWidget(hint)
        column.addLayout(grid)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def fit_to_type(self) -> None:
        """Room for "100.0%" beside each slider at the current type size."""
        for label in self.percent_labels.values():
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance("100.0%") + 4)

    # ------------------------------------------------------------------ reading and showing
    def weights(self) -> Weights:
        return tuple((b, s.value()) for b, s in self.sliders.items())

    def set_weights(self, weights: Weights) -> None:
        """Put ``weights`` on the sliders without sending anything (a slider being dragged is left alone)."""
        self._updating = True
        try:
            for basis, value in weights:
                slider = self.sliders[basis]
                if slider.value() != value and not slider.isSliderDown():
                    slider.setValue(value)
        finally:
            self._updating = False

    def show_normalised(self, weights: Weights, percents: dict[Basis, Decimal]) -> None:
        """Beside each slider its share of the blend (``percents`` from the blend); the weight in the tooltip."""
        total = sum(w for _, w in weights)
        for basis, weight in weights:
            percent = percents.get(basis)
            text = "—" if percent is None or weight == 0 else f"{percent:.1f}%"
            label = self.percent_labels[basis]
            if label.text() != text:
                label.setText(text)
            tip = (f"Weight {weight} of {total} in all = {percent}% of the blend" if percent is not None and weight
                   else f"Weight {weight}: {basis.label} is not in the blend")
            label.setToolTip(tip)
            self.sliders[basis].setToolTip(tip)
            self.sliders[basis].setAccessibleDescription(tip)

    def set_editable(self, editable: bool) -> None:
        for slider in self.sliders.values():
            slider.setEnabled(editable)

    # ------------------------------------------------------------------ moving
    @property
    def pending(self) -> bool:
        """A keyboard step is previewed but not yet committed."""
        return self._timer.isActive()

    def flush(self) -> None:
        if self._timer.isActive():
            self._commit()

    def _moved(self, _value: int) -> None:
        if self._updating:
            return
        self.previewed.emit(self.weights())
        if not any(s.isSliderDown() for s in self.sliders.values()):
            self._timer.start()

    def _commit(self) -> None:
        self._timer.stop()
        self.committed.emit(self.weights())


# A thick groove and a large handle: easy to see and to grab on a projector.
_SLIDER_STYLE = f"""
QSlider::groove:horizontal {{ height: 8px; background: #c9d1da; border-radius: 4px; }}
QSlider::sub-page:horizontal {{ background: {theme.ACCENT}; border-radius: 4px; }}
QSlider::handle:horizontal {{ background: #ffffff; border: 2px solid {theme.ACCENT}; width: 20px;
                             margin: -8px 0; border-radius: 11px; }}
QSlider::handle:horizontal:focus {{ border: 3px solid #111111; }}
QSlider::handle:horizontal:disabled {{ border-color: {theme.BORDER}; }}
"""
