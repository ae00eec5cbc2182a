"""The gate ("Ready to move to SOC?") with exactly what blocks it, and the lessons from pathology for a step."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from imagingnet_desktop.domain.programme.content import Lesson
from imagingnet_desktop.domain.programme.gate import Gate
from imagingnet_desktop.domain.programme.steps import STEP_SHORT_NAMES, StepId
from imagingnet_desktop.domain.record.entries import RecordEntry
from imagingnet_desktop.ui.common import theme

READY_COLOUR = "#00704f"  # darker bluish green: text on white
BLOCKED_COLOUR = "#a33f00"  # darker vermilion: text on white


def _label(relative: float = 1.0, *, bold: bool = False, rich: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    theme.use_font(label, relative, bold=bold)
    return label


class GatePanel(QWidget):
    move_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Gate to the next step")
        self.question = _label(1.3, bold=True)
        self.verdict = _label(1.1, bold=True)
        self.blockers = _label(1.0)
        self.lessons = _label(1.0, rich=True)
        self.move_button = QPushButton()
        theme.use_font(self.move_button, 1.05, bold=True)
        self.move_button.clicked.connect(self.move_requested)
        self.history = _label(0.9)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(6)
        top = QHBoxLayout()  # the question and the button to act on it side by side, in view without scrolling
        top.addWidget(self.question, 1)
        top.addWidget(self.move_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)
        for widget in (self.verdict, self.blockers, self.lessons, self.history):
            column.addWidget(widget)
        self.gate: Gate | None = None

    def _colour(self, colour: str) -> None:
        style = f"color: {colour};"
        if self.verdict.styleSheet() != style:  # a style sheet costs a restyle: only when it changes
            self.verdict.setStyleSheet(style)

    def show_gate(self, gate: Gate, last_move: RecordEntry | None, *, editable: bool) -> None:
        self.gate = gate
        self.question.setText(gate.question)
        reasons = [*gate.cells_short, *gate.overdue]
        if gate.next is None:
            self.verdict.setText("")
            self.blockers.setText("")
        elif gate.ready:
            self.verdict.setText("✔ Yes — every workstream has reached its target and nothing is overdue.")
            self._colour(READY_COLOUR)
            self.blockers.setText("")
        else:
            n = len(reasons)
            self.verdict.setText(f"✖ Not yet — {n} thing{'s' if n > 1 else ''} block{'' if n > 1 else 's'} it:")
            self._colour(BLOCKED_COLOUR)
            self.blockers.setText("\n".join(f"• {reason}" for reason in reasons))
        self.blockers.setVisible(bool(self.blockers.text()))
        if gate.lessons and not gate.ready:
            titles = "".join(f"<li>{html.escape(lesson.title)}</li>" for lesson in gate.lessons)
            self.lessons.setText(f"<b>The lesson{'s' if len(gate.lessons) > 1 else ''} that appl"
                                 f"{'y' if len(gate.lessons) > 1 else 'ies'}:</b><ul style='margin: 0'>{titles}</ul>")
        else:
            self.lessons.setText("")
        self.lessons.setVisible(bool(self.lessons.text()))
        self.move_button.setVisible(gate.next is not None)
        if gate.next is not None:
            self.move_button.setText(f"Move to {STEP_SHORT_NAMES[gate.next]}" + ("" if gate.ready else "…"))
            self.move_button.setEnabled(editable)
        if last_move is not None and last_move.moved_to_step is not None and last_move.step is not None:
            moved = (f"{STEP_SHORT_NAMES[StepId(last_move.step)]} → "
                     f"{STEP_SHORT_NAMES[StepId(last_move.moved_to_step)]}")
            when = f" on {last_move.entry_date:%d/%m/%Y}" if last_move.entry_date else ""
            self.history.setText(f"Last move: {moved}{when}, recorded as decision {last_move.id} in the Record. "
                                 "Ctrl+Z undoes it.")
        else:
            self.history.setText("")
        self.history.setVisible(bool(self.history.text()))


class LessonsPanel(QWidget):
    """The lessons from pathology networks for the chosen step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = _label(1.1, bold=True)
        self.text = _label(1.0, rich=True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.text)

    def show_lessons(self, step_name: str, lessons: Sequence[Lesson]) -> None:
        self.heading.setText(f"Lessons from pathology networks — {step_name}")
        self.text.setText("".join(f"<p><b>{html.escape(lesson.title)}.</b> {html.escape(lesson.text)}</p>"
                                  for lesson in lessons))
