"""One motion: its reserved matter or its own rule, each partner's vote entered by the facilitator (hidden), Reveal, and the result.

Until "Reveal" the panel shows only whether each partner's vote is in, never which way, so the room cannot
read the tally from the screen. After it the result is shown large, in words and a symbol as well as colour,
with who voted how; the motion is then fixed, and "Record a correction" starts a new motion naming it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.record.motions import (
    Abstentions,
    Motion,
    MotionResult,
    VoteChoice,
    parse_fraction,
)
from imagingnet_desktop.domain.rule_names import RULE_KIND_NAMES
from imagingnet_desktop.domain.voting.rules import RuleKind
from imagingnet_desktop.store.errors import WorkspaceError
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.record.matter_picker import MatterPicker
from imagingnet_desktop.workspace.record import motions as motion_edits
from imagingnet_desktop.workspace.record.entries import MOTIONS
from imagingnet_desktop.workspace.record.matter_links import link_motion, matter_choices
from imagingnet_desktop.workspace.workspace import Workspace

RULE_CHOICES = tuple(RULE_KIND_NAMES.items())
ABSTENTION_CHOICES = tuple((choice, choice.label) for choice in Abstentions)
CHOICE_TEXT = {VoteChoice.FOR: ("✓ For", theme.STATUS_COLOURS["within"]),
               VoteChoice.AGAINST: ("✗ Against", theme.STATUS_COLOURS["above"]),
               VoteChoice.ABSTAIN: ("– Abstain", theme.MUTED_INK)}
PASSED_TEXT = ("✓ PASSED", theme.STATUS_COLOURS["within"])
NOT_PASSED_TEXT = ("✗ NOT PASSED", theme.STATUS_COLOURS["above"])
DEFAULT_FRACTION = (2, 3)


def _coloured(label: QLabel, text: str, colour: str) -> None:
    label.setText(text)
    label.setStyleSheet(f"color: {colour};")


class VoteRow:
    """One partner's line: its name, the three vote buttons and whether its vote is in."""

    def __init__(self, grid: QGridLayout, row: int, partner_id: int, code: str, name: str,
                 cast: Callable[[int, VoteChoice], None]) -> None:
        self.partner_id = partner_id
        self.name = QLabel(f"{code}  {name}")
        self.name.setWordWrap(True)
        theme.use_font(self.name, 1.1, bold=True)
        self.buttons: dict[VoteChoice, QPushButton] = {}
        buttons = QHBoxLayout()
        for choice in VoteChoice:
            button = QPushButton(choice.label)
            button.setAccessibleName(f"{code} votes {choice.label.lower()}")
            theme.use_font(button, 1.05)
            button.clicked.connect(lambda _=False, c=choice: cast(partner_id, c))
            self.buttons[choice] = button
            buttons.addWidget(button)
        self.state = QLabel()
        theme.use_font(self.state, 1.1, bold=True)
        grid.addWidget(self.name, row, 0)
        grid.addLayout(buttons, row, 1)
        grid.addWidget(self.state, row, 2)


class MotionPanel(QWidget):
    changed_motion = Signal(int)  # a new motion to show (a correction)
    refused = Signal(str)

    def __init__(self, workspace: Workspace, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.motion_id: int | None = None
        self.scroll_to: Callable[[QWidget], None] = lambda _widget: None  # the page scrolls the focus into view
        self.title = QLabel()
        self.title.setWordWrap(True)
        theme.use_font(self.title, 1.5, bold=True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        theme.use_font(self.state, 1.15, bold=True)
        self.links = QLabel()
        self.links.setWordWrap(True)

        self.matter = MatterPicker("Re&served matter", "Reserved matter of the motion")
        self.matter.chosen.connect(self._matter_chosen)
        self.rule_combo = QComboBox()
        self.rule_combo.setAccessibleName("Decision rule")
        for kind, text in RULE_CHOICES:
            self.rule_combo.addItem(text, kind)
        self.rule_combo.activated.connect(self._rule_kind_chosen)
        self.fraction_edit = QLineEdit()
        self.fraction_edit.setAccessibleName("Qualified fraction")
        self.fraction_edit.setPlaceholderText("2/3")
        self.fraction_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("00000/00000") + 20)
        self.fraction_edit.editingFinished.connect(self._fraction_typed)
        self.min_spin = QSpinBox()
        self.min_spin.setAccessibleName("Minimum partners voting for")
        self.min_spin.setRange(0, 99)
        self.min_spin.setSpecialValueText("none")
        self.min_spin.editingFinished.connect(self._min_typed)
        self.abstention_combo = QComboBox()
        self.abstention_combo.setAccessibleName("How abstentions count")
        for key, text in ABSTENTION_CHOICES:
            self.abstention_combo.addItem(text, key)
        self.abstention_combo.activated.connect(self._abstentions_chosen)
        self.rule_text = QLabel()
        self.rule_text.setWordWrap(True)

        self.votes_box = QWidget()
        self.votes_box.setAccessibleName("Votes")
        self.vote_rows: list[VoteRow] = []

        self.reveal_button = QPushButton("&Reveal the result")
        theme.use_font(self.reveal_button, 1.3, bold=True)
        self.reveal_button.clicked.connect(self.reveal)
        self.result = QLabel()
        self.result.setAccessibleName("Result")
        theme.use_font(self.result, 3.0, bold=True)
        self.breakdown = QLabel()
        self.breakdown.setWordWrap(True)
        self.breakdown.setTextFormat(Qt.TextFormat.PlainText)
        theme.use_font(self.breakdown, 1.25)
        self.correct_button = QPushButton("Record a &correction")
        self.correct_button.clicked.connect(self.record_correction)
        self.delete_button = QPushButton("Delete motion")
        self.delete_button.clicked.connect(self._delete)
        self._lay_out()
        self.show_motion(None)

    def _lay_out(self) -> None:
        for combo in (self.rule_combo, self.abstention_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        rule = QHBoxLayout()
        rule.setSpacing(6)
        self.rule_label = QLabel("R&ule")
        self.rule_label.setBuddy(self.rule_combo)
        rule.addWidget(self.rule_label)
        rule.addWidget(self.rule_combo, 1)
        rule.addWidget(self.fraction_edit)
        self.min_label = QLabel("min. partners")
        rule.addWidget(self.min_label)
        rule.addWidget(self.min_spin)
        actions = QHBoxLayout()
        actions.addWidget(self.reveal_button, 1)
        actions.addWidget(self.correct_button)
        actions.addWidget(self.delete_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 0, 8, 8)
        column.setSpacing(8)
        column.addWidget(self.title)
        column.addWidget(self.links)
        column.addWidget(self.result)
        column.addWidget(self.breakdown)
        column.addWidget(self.matter)
        column.addLayout(rule)
        column.addWidget(self.abstention_combo)
        column.addWidget(self.rule_text)
        column.addWidget(self.state)
        column.addWidget(self.votes_box)
        column.addLayout(actions)
        column.addStretch(1)

    # ------------------------------------------------------------------ showing
    def motion(self) -> Motion | None:
        if self.motion_id is None:
            return None
        try:
            return self._workspace.row(MOTIONS, self.motion_id)
        except KeyError:
            return None

    def show_motion(self, motion_id: int | None) -> None:
        self.motion_id = motion_id
        self.refresh()

    def refresh(self) -> None:
        motion = self.motion()
        shown = motion is not None
        for widget in (self.matter, self.rule_combo, self.fraction_edit, self.min_spin, self.abstention_combo,
                       self.min_label, self.reveal_button, self.correct_button, self.delete_button, self.rule_text, self.state):
            widget.setVisible(shown)
        self.result.setVisible(shown and motion is not None and motion.revealed)
        self.breakdown.setVisible(shown and motion is not None and motion.revealed)
        if motion is None:
            self.title.setText("No motion chosen: type one under “New motion” and press Enter.")
            self.links.clear()
            self.result.clear()
            self.breakdown.clear()
            self._set_rows([])
            return
        self.title.setText(f"Motion {motion.id}: {motion.title}")
        self._show_links(motion)
        self._show_rule(motion)
        partners = self._workspace.network.partners
        self._set_rows([(p.id, p.code, p.name) for p in partners])
        entered = motion_edits.votes_of(self._workspace, motion.id)
        for row in self.vote_rows:
            vote = entered.get(row.partner_id)
            for button in row.buttons.values():
                button.setVisible(not motion.revealed)
                button.setEnabled(not self._workspace.read_only)
            if motion.revealed and vote is not None:
                text, colour = CHOICE_TEXT[vote.choice]
                held = f"  ({vote.votes_held:,} vote{'s' if vote.votes_held != 1 else ''})" \
                    if vote.votes_held is not None else ""
                _coloured(row.state, text + held, colour)
            elif vote is not None:
                _coloured(row.state, "● vote in", theme.INK)
            else:
                _coloured(row.state, "○ waiting", theme.MUTED_INK)
        waiting = [r for r in self.vote_rows if r.partner_id not in entered]
        if motion.revealed:
            self.state.setText(f"Revealed {motion.revealed_at:%d %b %Y %H:%M} UTC and saved as a decision."
                               if motion.revealed_at else "Revealed.")
            self._show_result(motion)
        else:
            self.state.setText(f"Votes hidden until revealed: {len(entered)} of {len(partners)} in"
                               + (f" (waiting for {', '.join(self._code(r) for r in waiting)})." if waiting
                                  else ". Ready to reveal."))
            self.result.clear()
            self.breakdown.clear()
        read_only = self._workspace.read_only
        self.reveal_button.setVisible(not motion.revealed)
        self.reveal_button.setEnabled(not waiting and not read_only)
        self.delete_button.setVisible(not motion.revealed)
        self.delete_button.setEnabled(not read_only)
        self.correct_button.setVisible(motion.revealed)
        self.correct_button.setEnabled(not read_only)

    def _code(self, row: VoteRow) -> str:
        return row.name.text().split()[0]

    def _show_links(self, motion: Motion) -> None:
        parts = []
        if motion.corrects_motion_id is not None:
            parts.append(f"Corrects motion {motion.corrects_motion_id}.")
        later = motion_edits.corrected_by(self._workspace, motion.id)
        if later:
            parts.append("Corrected by motion " + ", ".join(str(m.id) for m in later) + ".")
        self.links.setText(" ".join(parts))
        self.links.setVisible(bool(parts))

    def _show_rule(self, motion: Motion) -> None:
        editable = not motion.revealed and not self._workspace.read_only
        self.matter.set_matters(matter_choices(self._workspace))
        self.matter.set_current(motion.reserved_matter_id)
        self.matter.combo.setEnabled(editable)
        own_rule = motion_edits.governing_matter(self._workspace, motion) is None
        self.rule_combo.setCurrentIndex(self.rule_combo.findData(motion.rule_kind))
        fraction = motion.fraction
        self.fraction_edit.setText("" if fraction is None else f"{fraction.numerator}/{fraction.denominator}")
        self.fraction_edit.setVisible(own_rule and motion.rule_kind is RuleKind.QUALIFIED)
        own_parts: tuple[QWidget, ...] = (self.rule_label, self.rule_combo, self.min_label, self.min_spin)
        for part in own_parts:  # a matter's rule is shown in words instead
            part.setVisible(own_rule)
        self.min_spin.setValue(motion.min_partners)
        self.abstention_combo.setCurrentIndex(self.abstention_combo.findData(motion.abstentions))
        for widget in (self.rule_combo, self.fraction_edit, self.min_spin, self.abstention_combo):
            widget.setEnabled(editable)
        self.min_spin.setEnabled(editable and motion.rule_kind is not RuleKind.UNANIMITY)
        self.rule_text.setText(f"{motion_edits.rule_words(self._workspace, motion)}. "
                               f"{motion.abstentions.explanation}")

    def _show_result(self, motion: Motion) -> None:
        try:
            result: MotionResult = motion_edits.motion_result(self._workspace, motion.id)
        except FieldError as exc:
            self.breakdown.setText(str(exc))
            return
        _coloured(self.result, *(PASSED_TEXT if result.passed else NOT_PASSED_TEXT))

        def listed(codes: tuple[str, ...]) -> str:
            return ", ".join(codes) if codes else "none"

        self.breakdown.setText(f"For: {listed(result.for_codes)}\nAgainst: {listed(result.against_codes)}\n"
                               f"Abstained: {listed(result.abstain_codes)}\n{result.reason}")

    def _set_rows(self, partners: list[tuple[int, str, str]]) -> None:
        if [(r.partner_id, r.name.text()) for r in self.vote_rows] == [(i, f"{c}  {n}") for i, c, n in partners]:
            return
        box = QWidget()
        box.setAccessibleName("Votes")
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setColumnStretch(0, 1)
        self.vote_rows = [VoteRow(grid, n, pid, code, name, self.cast) for n, (pid, code, name) in enumerate(partners)]
        layout = self.layout()
        assert layout is not None
        layout.replaceWidget(self.votes_box, box)
        self.votes_box.deleteLater()
        self.votes_box = box
        if self.isVisible():  # a layout would show it only later: the keyboard needs it now
            box.show()

    # ------------------------------------------------------------------ editing
    def _run(self, edit: Callable[[], object]) -> bool:
        try:
            edit()
        except FieldError as exc:
            self.refused.emit(str(exc))
            self.refresh()
            return False
        except WorkspaceError as exc:
            self.refused.emit(f"Not saved: {exc}")
            self.refresh()
            return False
        return True

    def cast(self, partner_id: int, choice: VoteChoice) -> None:
        motion_id = self.motion_id
        if motion_id is None:
            return
        if self._run(lambda: motion_edits.cast_vote(self._workspace, motion_id, partner_id, choice)):
            ids = [r.partner_id for r in self.vote_rows]
            at = ids.index(partner_id) if partner_id in ids else -1
            if 0 <= at < len(ids) - 1:
                self._focus(self.vote_rows[at + 1].buttons[VoteChoice.FOR])
            elif self.reveal_button.isEnabled():
                self._focus(self.reveal_button)

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus()
        self.scroll_to(widget)

    def reveal(self) -> None:
        motion_id = self.motion_id
        if motion_id is not None and self._run(lambda: motion_edits.reveal(self._workspace, motion_id,
                                                                           self._today())):
            self._focus(self.correct_button)

    def record_correction(self) -> None:
        motion_id = self.motion_id
        if motion_id is None:
            return
        made: list[Motion] = []
        if self._run(lambda: made.append(motion_edits.record_correction(self._workspace, motion_id))):
            self.changed_motion.emit(made[0].id)

    def _delete(self) -> None:
        motion_id = self.motion_id
        if motion_id is not None and self._run(lambda: motion_edits.delete_motion(self._workspace, motion_id)):
            self.changed_motion.emit(-1)

    def _edit(self, **changes: object) -> None:
        motion_id = self.motion_id
        if motion_id is not None:
            self._run(lambda: motion_edits.edit_motion(self._workspace, motion_id, **changes))

    def _matter_chosen(self, matter_id: int | None) -> None:
        motion_id = self.motion_id
        if motion_id is not None:
            self._run(lambda: link_motion(self._workspace, motion_id, matter_id))

    def _rule_kind_chosen(self) -> None:
        kind = self.rule_combo.currentData()
        changes: dict[str, object] = {"rule_kind": kind}
        motion = self.motion()
        if kind is RuleKind.QUALIFIED and motion is not None and motion.fraction is None:
            changes.update(fraction_numerator=DEFAULT_FRACTION[0], fraction_denominator=DEFAULT_FRACTION[1])
        if kind is RuleKind.UNANIMITY:
            changes["min_partners"] = 0
        self._edit(**changes)

    def _fraction_typed(self) -> None:
        motion = self.motion()
        if motion is None or motion.revealed or motion.rule_kind is not RuleKind.QUALIFIED:
            return
        try:
            fraction = parse_fraction(self.fraction_edit.text())
        except FieldError as exc:
            self.refused.emit(str(exc))
            return
        self._edit(fraction_numerator=fraction.numerator, fraction_denominator=fraction.denominator)

    def _min_typed(self) -> None:
        motion = self.motion()
        if motion is not None and not motion.revealed and self.min_spin.value() != motion.min_partners:
            self._edit(min_partners=self.min_spin.value())

    def _abstentions_chosen(self) -> None:
        self._edit(abstentions=Abstentions(self.abstention_combo.currentData()))
