"""What the current rule means, in large plain words: the rule, any problem, and every warning.

Always on screen above the tab's pages, so the room sees "NSH can block any decision on its own" however the
facilitator got there. Each line starts with a symbol and a word, never colour alone.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.shares_votes.display_text import count

PROBLEM_INK = "#b3261e"
WARNING_INK = "#7a3000"
ALL_CLEAR = "No partner can pass or block a decision alone, and every partner's vote can count."
MISSING_HINT = "Some baseline figures are missing or unusable: see the notes under Shares by basis."


def panel_lines(analysis: ScenarioAnalysis) -> list[tuple[str, str]]:
    """(kind, text) lines: kind is "rule", "problem", "warning", "info" or "ok"."""
    lines: list[tuple[str, str]] = []
    if analysis.rule_text:
        rule = analysis.rule_text
        if analysis.game is not None and analysis.votes is not None:
            rule += f" — passes with {count(analysis.game.quota)} of {count(sum(analysis.votes))} votes"
        lines.append(("rule", rule))
    if analysis.problem:
        lines.append(("problem", analysis.problem))
    lines += [("warning", w) for w in analysis.warnings]
    table = analysis.table
    if table is not None and any(r.message for r in table.bases.values()):
        lines.append(("info", MISSING_HINT))
    if not analysis.problem and not analysis.warnings and analysis.power is not None:
        lines.append(("ok", ALL_CLEAR))
    return lines


_STYLE = {
    "rule": ("", theme.INK),
    "problem": ("✖ Cannot work this out: ", PROBLEM_INK),
    "warning": ("⚠ ", WARNING_INK),
    "info": ("ℹ ", theme.MUTED_INK),
    "ok": ("✔ ", "#00603f"),
}


class WarningsPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("votesWarnings")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName("Warnings about this rule")
        theme.use_font(self.label, 1.1, bold=True)
        inner = QWidget()
        inner.setObjectName("votesWarningsInner")
        inner.setStyleSheet(
            f"#votesWarningsInner {{ background: #fff8e8; border-left: 6px solid {theme.STATUS_COLOURS['warning']}; }}"
        )
        column = QVBoxLayout(inner)
        column.setContentsMargins(14, 6, 10, 6)
        column.addWidget(self.label)
        self.setWidget(inner)
        self._lines: list[tuple[str, str]] = []
        self._keep_height = False
        self._max_height = int(self.label.fontMetrics().lineSpacing() * 4.6)

    def show_analysis(self, analysis: ScenarioAnalysis, *, keep_height: bool = False) -> None:
        """``keep_height`` (while a slider is dragged): scroll rather than resize, so nothing below moves."""
        self._keep_height = keep_height
        lines = panel_lines(analysis)
        if lines == self._lines:
            self._fit()  # a drag that has ended may leave the panel the wrong height
            return
        self._lines = lines
        html = []
        for kind, text in lines:
            prefix, ink = _STYLE[kind]
            weight = "normal" if kind == "info" else "bold"
            html.append(f'<div style="color:{ink}; font-weight:{weight}; margin-bottom:3px">'
                        f"{escape(prefix)}{escape(text)}</div>")
        self.label.setText("".join(html))
        self.setAccessibleDescription(" ".join(text for _, text in lines))
        self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode: once the label has its new type too
            QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        self._max_height = int(self.label.fontMetrics().lineSpacing() * 4.6)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As tall as its text (wrapped to the width it has), up to the maximum; then it scrolls."""
        if self._keep_height:
            return
        inner = self.widget()
        layout = inner.layout() if inner is not None else None
        if layout is None:
            return
        margins = layout.contentsMargins()
        width = max(self.viewport().width() - margins.left() - margins.right(), 50)
        wanted = self.label.heightForWidth(width) + margins.top() + margins.bottom() + 2 * self.frameWidth()
        height = min(wanted, self._max_height)
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def lines(self) -> list[str]:
        """The panel's lines as shown, symbol included."""
        return [f"{_STYLE[kind][0]}{text}" for kind, text in self._lines]

    def text(self) -> str:
        return "\n".join(self.lines())
