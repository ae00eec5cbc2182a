"""One slider per basis (weight 0-100), a field to type the weight, and beside its name one thing: the basis's
normalised share of the blend.

While a slider is dragged every step is sent as ``previewed`` (nothing is written); releasing it sends
``committed`` once. A keyboard step (arrows, Page Up/Down, Home/End) or a click on the groove is previewed at
once and committed after a short pause, so holding an arrow key down makes one edit, not fifty.
``flush()`` commits a pending keyboard step straight away (the tab calls it before any other edit).
A weight typed in the field is committed when the field is left or Enter is pressed (one edit).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.domain.scenarios.scenario import SLIDER_MAX
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.shares_votes.display_text import share_percent

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
        self.fields: dict[Basis, QSpinBox] = {}
        self._updating = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_PAUSE_MS)
        self._timer.timeout.connect(self._commit)

        heading = QLabel("Blend of bases")
        theme.use_font(heading, 1.25, bold=True)
        hint = QLabel("Drag, use the arrow keys, or type a weight (0–100). Beside each name: its share of the blend.")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {theme.MUTED_INK};")
        theme.use_font(hint, 0.9)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(0)
        grid.setColumnStretch(0, 1)
        for number, basis in enumerate(Basis):
            row = 2 * number
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
            slider.setMinimumWidth(120)
            label.setBuddy(slider)
            field = QSpinBox()
            field.setObjectName(f"field_{basis.value}")
            field.setRange(0, SLIDER_MAX)
            field.setAccessibleName(f"Type the weight of {basis.label}")
            field.setToolTip(f"Type the weight of {basis.label} (0–{SLIDER_MAX}), then Enter")
            field.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setKeyboardTracking(False)  # a value when Enter is pressed or the field is left, not per digit
            theme.use_font(field, 1.05)
            percent = QLabel()
            percent.setObjectName(f"percent_{basis.value}")
            theme.use_font(percent, 1.2, bold=True)
            percent.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, row, 0)
            grid.addWidget(percent, row, 1, 1, 2)
            grid.addWidget(slider, row + 1, 0, 1, 2)
            grid.addWidget(field, row + 1, 2)
            slider.valueChanged.connect(self._moved)
            slider.sliderReleased.connect(self._commit)
            field.valueChanged.connect(lambda value, b=basis: self._typed(b, value))
            self.sliders[basis] = slider
            self.fields[basis] = field
            self.percent_labels[basis] = percent

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(heading)
        column.addWidget(hint)
        column.addLayout(grid)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def fit_to_type(self) -> None:
        """Sliders large enough to grab in front of a room, and room for "100.00%" and "100", at the current
        type size (again after presentation mode rescales it)."""
        line = self.fontMetrics().height()
        style = _slider_style(groove=max(10, line // 2), handle=max(26, int(line * 1.5)))
        for basis, slider in self.sliders.items():
            slider.setMinimumHeight(max(40, int(line * 2.2)))
            if slider.styleSheet() != style:
                slider.setStyleSheet(style)
            field = self.fields[basis]
            field.setFixedWidth(field.fontMetrics().horizontalAdvance("1000") + 16)
        for label in self.percent_labels.values():
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance("100.00%") + 4)

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
                field = self.fields[basis]
                if field.value() != slider.value():
                    field.setValue(slider.value())
        finally:
            self._updating = False

    def show_normalised(self, weights: Weights, percents: dict[Basis, Decimal]) -> None:
        """Beside each slider its share of the blend (``percents`` from the blend); the weight in the tooltip."""
        total = sum(w for _, w in weights)
        for basis, weight in weights:
            percent = percents.get(basis)
            text = "—" if percent is None or weight == 0 else share_percent(percent)
            label = self.percent_labels[basis]
            if label.text() != text:
                label.setText(text)
            tip = (f"Weight {weight} of {total} in all: {share_percent(percent)} of the blend"
                   if percent is not None and weight
                   else f"Weight {weight}: {basis.label} is not in the blend")
            label.setToolTip(tip)
            self.sliders[basis].setToolTip(tip)
            self.sliders[basis].setAccessibleDescription(tip)

    def set_editable(self, editable: bool) -> None:
        for slider in self.sliders.values():
            slider.setEnabled(editable)
        for field in self.fields.values():
            field.setReadOnly(not editable)

    # ------------------------------------------------------------------ moving
    @property
    def pending(self) -> bool:
        """A keyboard step is previewed but not yet committed."""
        return self._timer.isActive()

    def flush(self) -> None:
        if self._timer.isActive():
            self._commit()

    def _typed(self, basis: Basis, value: int) -> None:
        """A weight typed in a field (Enter or leaving it): the slider follows and it is one edit."""
        if self._updating or self.sliders[basis].value() == value:
            return
        self._updating = True
        try:
            self.sliders[basis].setValue(value)
        finally:
            self._updating = False
        self.previewed.emit(self.weights())
        self._commit()

    def _moved(self, _value: int) -> None:
        self._sync_fields()
        if self._updating:
            return
        self.previewed.emit(self.weights())
        if not any(s.isSliderDown() for s in self.sliders.values()):
            self._timer.start()

    def _commit(self) -> None:
        self._timer.stop()
        self.committed.emit(self.weights())


    def _sync_fields(self) -> None:
        self._updating, was = True, self._updating
        try:
            for basis, slider in self.sliders.items():
                field = self.fields[basis]
                if field.value() != slider.value():
                    field.setValue(slider.value())
        finally:
            self._updating = was


def _slider_style(*, groove: int, handle: int) -> str:
    """A thick groove and a large round handle: easy to see and to grab on a projector."""
    margin = (handle - groove) // 2 + 2
    return f"""
QSlider::groove:horizontal {{ height: {groove}px; background: #c9d1da; border-radius: {groove // 2}px; }}
QSlider::sub-page:horizontal {{ background: {theme.ACCENT}; border-radius: {groove // 2}px; }}
QSlider::handle:horizontal {{ background: #ffffff; border: 3px solid {theme.ACCENT}; width: {handle}px;
                             margin: -{margin}px 0; border-radius: {handle // 2 + 2}px; }}
QSlider::handle:horizontal:focus {{ border: 4px solid #111111; }}
QSlider::handle:horizontal:disabled {{ border-color: {theme.BORDER}; }}
"""
