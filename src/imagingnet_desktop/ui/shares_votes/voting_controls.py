"""How votes are allocated and what a decision needs: method, basis, rule, qualified majority, minimum, vetoes.

The controls only report what the person changed, as ``edited(changes, label)`` where ``changes`` are
``Scenario`` fields; what follows from a change (unanimity clearing vetoes, a first qualified majority) and
whether it is allowed is decided in ``workspace.shares_votes.working_edits``. The qualified majority is typed
as a board writes it ("2/3", "two-thirds", "75%") and sent as typed; the workspace reads it exactly. Nothing is sent while the tab
puts a scenario on the controls (``show_scenario``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.domain.rule_names import RULE_KIND_NAMES
from imagingnet_desktop.domain.scenarios.scenario import DEFAULT_QUALIFIED, Scenario
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.domain.voting.thresholds import ThresholdError, parse_qualified, qualified_text
from imagingnet_desktop.ui.common import theme

METHODS = (
    (VoteMethod.EQUAL, "Equal: one each"),
    (VoteMethod.PROPORTIONAL, "By shareholding"),
    (VoteMethod.CUSTOM, "Custom: typed in"),
)
VOTE_BASES = (("blend", "the blend (sliders)"), *((b.value, b.label) for b in Basis))
RULES = tuple(RULE_KIND_NAMES.items())
MAX_MIN_PARTNERS = 20
VETO_COLUMNS = 3


class VotingControls(QWidget):
    edited = Signal(dict, str)  # Scenario field changes, undo label

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._updating = False
        self._scenario = Scenario()
        self.veto_boxes: dict[str, QCheckBox] = {}  # by partner code, in partner order
        self._partner_ids: dict[str, int] = {}  # code -> partner id

        self.method = self._combo("How votes are allocated", [t for _, t in METHODS])
        self.vote_basis = self._combo("Which shares the votes follow", [t for _, t in VOTE_BASES])
        self.rule = self._combo("Decision rule", [t for _, t in RULES])
        self.percent = QLineEdit()
        self.percent.setAccessibleName("Qualified majority: share of the votes needed, e.g. 2/3 or 75%")
        self.percent.setPlaceholderText("2/3, 3/4 or 75%")
        self.percent.setToolTip("At least this share of the votes: a fraction (2/3, two-thirds) or a percentage "
                                "(75%). It must be more than half.")
        self.percent.setMaxLength(40)
        self.min_partners = QSpinBox()
        self.min_partners.setAccessibleName("Minimum number of partners in favour")
        self.min_partners.setRange(0, MAX_MIN_PARTNERS)
        self.min_partners.setSpecialValueText("none")
        self.min_partners.setSuffix(" partners")
        self.min_partners.setKeyboardTracking(False)
        for box in (self.percent, self.min_partners):
            theme.use_font(box, 1.05, bold=True)

        self.method.activated.connect(self._method_chosen)
        self.vote_basis.activated.connect(self._basis_chosen)
        self.rule.activated.connect(self._rule_chosen)
        self.percent.editingFinished.connect(self._percent_changed)
        self.min_partners.valueChanged.connect(self._minimum_changed)

        self._veto_grid = QGridLayout()
        self._veto_grid.setHorizontalSpacing(10)
        self._veto_grid.setVerticalSpacing(2)
        self._veto_hint = QLabel()
        self._veto_hint.setWordWrap(True)
        self._veto_hint.setStyleSheet(f"color: {theme.MUTED_INK};")

        heading = QLabel("Votes and decision rule")
        heading.setWordWrap(True)  # at presentation type it takes two lines rather than widen the column
        theme.use_font(heading, 1.25, bold=True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(5)
        grid.addWidget(heading, 0, 0, 1, 2)
        grid.addWidget(self._label("Vo&tes", self.method), 1, 0)
        grid.addWidget(self.method, 1, 1)
        grid.addWidget(self._label("f&ollowing", self.vote_basis), 2, 0)
        grid.addWidget(self.vote_basis, 2, 1)
        grid.addWidget(self._label("&Rule", self.rule), 3, 0)
        grid.addWidget(self.rule, 3, 1)
        grid.addWidget(self._label("&needing", self.percent), 4, 0)
        grid.addWidget(self.percent, 4, 1)
        grid.addWidget(self._label("&Minimum", self.min_partners), 5, 0)
        grid.addWidget(self.min_partners, 5, 1)
        veto_label = QLabel("Veto")
        theme.use_font(veto_label, 1.05, bold=True)
        grid.addWidget(veto_label, 6, 0, Qt.AlignmentFlag.AlignTop)
        veto = QVBoxLayout()
        veto.setSpacing(2)
        veto.addLayout(self._veto_grid)
        veto.addWidget(self._veto_hint)
        grid.addLayout(veto, 6, 1)
        grid.setColumnStretch(1, 1)

    def _combo(self, name: str, items: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.addItems(items)
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        theme.use_font(combo, 1.05, bold=True)
        return combo

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        theme.use_font(label, 1.0, bold=True)
        return label

    # ------------------------------------------------------------------ showing
    def show_scenario(self, scenario: Scenario, partners: Sequence[tuple[int, str]], *, editable: bool) -> None:
        """``partners``: (id, code) of each partner, in order."""
        self._updating = True
        try:
            self._scenario = scenario
            self._set_partners(partners)
            self.method.setCurrentIndex(_index(METHODS, scenario.vote_method))
            self.vote_basis.setCurrentIndex(next(
                (i for i, (v, _) in enumerate(VOTE_BASES) if v == scenario.vote_basis), 0))
            self.rule.setCurrentIndex(_index(RULES, scenario.rule_kind))
            self.percent.setText(qualified_text(scenario.qualified or DEFAULT_QUALIFIED))
            self.min_partners.setValue(min(scenario.min_partners, MAX_MIN_PARTNERS))
            for code, box in self.veto_boxes.items():
                box.setChecked(self._partner_ids[code] in scenario.veto_partner_ids)
            unanimity = scenario.rule_kind is RuleKind.UNANIMITY
            self.method.setEnabled(editable)
            self.vote_basis.setEnabled(editable and scenario.vote_method is VoteMethod.PROPORTIONAL)
            self.rule.setEnabled(editable)
            self.percent.setEnabled(editable and scenario.rule_kind is RuleKind.QUALIFIED)
            self.min_partners.setEnabled(editable and not unanimity)
            for box in self.veto_boxes.values():
                box.setEnabled(editable and not unanimity)
            self._veto_hint.setText("Under unanimity every partner must agree anyway." if unanimity else "")
            self._veto_hint.setVisible(unanimity)
        finally:
            self._updating = False

    def _set_partners(self, partners: Sequence[tuple[int, str]]) -> None:
        if list(self._partner_ids.items()) == [(code, pid) for pid, code in partners]:
            return
        self._partner_ids = {code: pid for pid, code in partners}
        for box in self.veto_boxes.values():
            self._veto_grid.removeWidget(box)
            box.deleteLater()
        self.veto_boxes = {}
        for _pid, code in partners:
            box = QCheckBox(code)
            box.setAccessibleName(f"{code} holds a veto")
            theme.use_font(box, 1.05, bold=True)
            box.clicked.connect(lambda _checked=False, c=code: self._veto_toggled(c))
            self.veto_boxes[code] = box
        self.fit_vetoes()

    def fit_vetoes(self) -> None:
        """The veto boxes three a row at normal type, two at presentation type (the column stays narrow)."""
        columns = VETO_COLUMNS if theme.scale() <= 1.0 else 2
        for number, box in enumerate(self.veto_boxes.values()):
            self._veto_grid.removeWidget(box)
            self._veto_grid.addWidget(box, *divmod(number, columns))

    # ------------------------------------------------------------------ what the person changed
    def _send(self, changes: dict[str, object], label: str) -> None:
        if not self._updating:
            self.edited.emit(changes, label)

    def _method_chosen(self, row: int) -> None:
        method = METHODS[row][0]
        if method is not self._scenario.vote_method:
            self._send({"vote_method": method}, f"votes: {METHODS[row][1].split(':')[0].lower()}")

    def _basis_chosen(self, row: int) -> None:
        value = VOTE_BASES[row][0]
        if value != self._scenario.vote_basis:
            self._send({"vote_basis": value}, f"votes follow {VOTE_BASES[row][1]}")

    def _rule_chosen(self, row: int) -> None:
        kind = RULES[row][0]
        if kind is self._scenario.rule_kind:
            return
        self._send({"rule_kind": kind}, f"rule: {RULES[row][1].lower()}")

    def _percent_changed(self) -> None:
        text = self.percent.text().strip()
        current = self._scenario.qualified or DEFAULT_QUALIFIED
        try:
            same = parse_qualified(text) == current
        except ThresholdError:
            same = False  # sent as typed: the refusal is shown with the reason
        if same:
            self.percent.setText(qualified_text(current))  # "three-quarters" reads back as 75%
            return
        self._send({"qualified": text}, f"qualified majority {text}")

    def _minimum_changed(self, value: int) -> None:
        if value != self._scenario.min_partners:
            self._send({"min_partners": value}, f"at least {value} partners" if value else "no minimum")

    def _veto_toggled(self, code: str) -> None:
        checked = [self._partner_ids[c] for c, box in self.veto_boxes.items() if box.isChecked()]
        label = f"give {code} a veto" if self.veto_boxes[code].isChecked() else f"take away {code}'s veto"
        self._send({"veto_partner_ids": tuple(checked)}, label)


def _index(options: Sequence[tuple[object, str]], value: object) -> int:
    return next((i for i, (v, _) in enumerate(options) if v == value), 0)
