"""The working pages of the Shares & votes tab: shares by basis, votes & power, and the chart.

Each page owns its widgets and knows how to show a ``ScenarioAnalysis``; the tab decides what to show and
when. ``show_analysis`` is on the slider path, so it only touches what changed (models emit ``dataChanged``,
labels are set only when their text differs, the chart moves its bars by blitting).
"""

from __future__ import annotations

from typing import TypedDict

from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.charts.voting_power import PowerBar, VotingPowerChart, png_bytes
from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis
from imagingnet_desktop.domain.shares.share_table import ShareTable
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.chart_canvas import BlittingCanvas
from imagingnet_desktop.ui.common.picture_out import picture_buttons, save_png_as
from imagingnet_desktop.ui.shares_votes.display_text import coalition_list
from imagingnet_desktop.ui.shares_votes.power_table_model import PowerTableModel, VoteEditor
from imagingnet_desktop.ui.shares_votes.shares_table_model import ShareTableModel
from imagingnet_desktop.ui.shares_votes.shares_table_view import SHOW_WORKING, WorkingTableView

CHART_TITLE = "Share of votes and real voting power (%)"
CHART_FONT = 13.0  # points at the normal scale


def _set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)



class ChartTitles(TypedDict):
    """What a saved or copied chart is titled with."""

    title: str
    subtitle: str

class NotesUnder(QScrollArea):
    """Wrapped notes under a table: as tall as their text, in whole lines, as far as the room the table leaves
    once every one of its rows is in view; at least ``lines`` lines (twice that at normal type), then they
    scroll. So the table keeps the room for every partner and the notes take the rest, not a cramped box."""

    def __init__(self, label: QLabel, lines: int = 3, table: QTableView | None = None) -> None:
        super().__init__()
        self.label = label
        self._lines = lines
        self._table = table
        self._text: str | None = None  # set_text's; None: whatever the label says
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if table is not None and table.model() is not None:
            for signal in (table.model().modelReset, table.model().rowsInserted, table.model().rowsRemoved):
                signal.connect(self._fit_later)

    def _fit_later(self, *_: object) -> None:
        QTimer.singleShot(0, self, self.fit)  # once the table has its new rows (if still here)

    def set_text(self, text: str) -> None:
        """``text`` may keep words together with no-break spaces ("NSH\u00a0+\u00a0EMV"): they are let go
        when keeping them would need more lines than there is room for."""
        if text != self._text:
            self._text = text
            self.fit()

    def fit(self) -> None:
        text = self._text if self._text is not None else self.label.text()
        if not text:
            self.label.clear()
            self.setFixedHeight(0)
            return
        width = max(self.contentsRect().width(), 100)  # as wide as the text is once it needs no scroll bar
        line = self.label.fontMetrics().lineSpacing()
        lines = self._lines if theme.scale() > 1 else 2 * self._lines  # normal type: room for more lines
        lines = max(lines, (self._spare_height() - 2) // line)
        room = line * lines + 2  # never half a line (the 2: as in the text's own height, below)
        loose = text.replace("\u00a0", " ")
        if loose != text and self._height_of(text, width) > room >= self._height_of(loose, width):
            text = loose
        if self.label.text() != text:
            self.label.setText(text)
        self.setFixedHeight(min(self.label.heightForWidth(width) + 2, room))

    def _height_of(self, text: str, width: int) -> int:
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.label.fontMetrics().boundingRect(0, 0, width, 100_000, flags, text).height() + 2

    def _spare_height(self) -> int:
        """The height the page has under its table once every row of the table is in view (0: unknown)."""
        page = self.parentWidget()
        table = self._table
        layout = page.layout() if page is not None else None
        if table is None or page is None or layout is None or table.model() is None:
            return 0
        margins = layout.contentsMargins()
        rows = table.verticalHeader().length()
        frame = 2 * table.frameWidth()
        bar = table.horizontalScrollBar().sizeHint().height() if table.horizontalScrollBar().isVisible() else 0
        needed = table.horizontalHeader().height() + rows + frame + bar + 2
        return page.height() - margins.top() - margins.bottom() - layout.spacing() - needed

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()


def _working_button() -> QPushButton:
    button = QPushButton(f"{SHOW_WORKING}…")
    button.setToolTip("Show how the selected figure is worked out (or double-click the figure)")
    theme.use_font(button, 1.05, bold=True)
    return button


def _lay_out_table_page(page: QWidget, heading: str, button: QPushButton, table: QWidget, below: QWidget) -> None:
    """The table taking the room; its notes underneath with the working button beside them (no row of their
    own: every partner's row needs the height). The page's title says what it is (``heading`` describes it)."""
    page.setAccessibleDescription(heading)
    bottom = QHBoxLayout()
    bottom.setSpacing(8)
    bottom.addWidget(below, 1)
    bottom.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    column = QVBoxLayout(page)
    column.setContentsMargins(4, 6, 4, 4)
    column.setSpacing(4)
    column.addWidget(table, 1)
    column.addLayout(bottom)


class SharesPage(QWidget):
    """Every basis side by side with the blend, the spread and the gain against equal shares; notes below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ShareTableModel(self)
        self.table = WorkingTableView("Shares on each basis")
        self.table.setModel(self.model)
        self.model.modelReset.connect(self.table.fit_columns)
        self.working_button = _working_button()
        self.notes = QLabel()
        self.notes.setObjectName("sharesNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setStyleSheet("color: #7a3000;")
        theme.use_font(self.notes, 1.1, bold=True)

        self.notes_area = NotesUnder(self.notes, table=self.table)
        _lay_out_table_page(self, "Each partner's share (%) on every basis", self.working_button, self.table, self.notes_area)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self.notes_area.fit()  # a taller page leaves more room under the table

    def show_table(self, table: ShareTable | None) -> None:
        self.model.set_table(table)
        if self.notes.text() != (text := notes_text(table)):
            self.notes.setText(text)
            self.notes_area.fit()


def notes_text(table: ShareTable | None) -> str:
    """Which partner lacks which figure and what that does to each basis (and to the blend)."""
    if table is None:
        return ""
    lines = [f"{r.basis.label}: {r.message}" for r in table.bases.values() if r.message]
    if table.blend is not None and table.blend.message:
        lines.append(f"Blend: {table.blend.message}")
    return "\n".join(f"⚠ {line}" for line in lines)


class PowerPage(QWidget):
    """Votes and power per partner, with a total row, and the smallest coalitions that can pass or block."""

    def __init__(self, vote_editor: VoteEditor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PowerTableModel(vote_editor, self)
        self.table = WorkingTableView("Votes and voting power", font_scale=1.1)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.model.modelReset.connect(self.table.fit_columns)
        self.working_button = _working_button()
        self.coalitions = QLabel()
        self.coalitions.setObjectName("coalitions")
        self.coalitions.setWordWrap(True)
        self.coalitions.setTextFormat(Qt.TextFormat.PlainText)
        self.coalitions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.use_font(self.coalitions, 1.0)
        self.coalitions_area = NotesUnder(self.coalitions, lines=2, table=self.table)

        _lay_out_table_page(self, "Votes and real voting power", self.working_button, self.table, self.coalitions_area)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self.coalitions_area.fit()  # a taller page leaves more room under the table

    def show_analysis(self, analysis: ScenarioAnalysis) -> None:
        self.model.set_analysis(analysis)
        self.coalitions_area.set_text(coalitions_text(analysis))


class ChartPage(QWidget):
    """Share of votes beside Banzhaf and Shapley–Shubik power per partner. A slider step moves only the bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = Figure(figsize=(8, 4.5), dpi=100)
        self.chart = VotingPowerChart(self.figure, font_size=CHART_FONT * theme.scale())
        self.canvas = BlittingCanvas(self.figure)
        self.canvas.setAccessibleName("Chart: share of votes beside voting power for each partner")
        self._codes: tuple[str, ...] | None = None
        self._analysis: ScenarioAnalysis | None = None
        self.network_name = ""  # for the saved picture's title (set by the view)
        self.copy_button, self.save_button = picture_buttons("this chart", self.copy_png, self.save_png)
        self.saved_message = QLabel()
        self.saved_message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.saved_message, 1)
        top.addWidget(self.copy_button)
        top.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addLayout(top)
        column.addWidget(self.canvas, 1)

    def _ask_png_path(self) -> str:
        """Where to save (tests replace this)."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, "Save chart as PNG", "voting-power.png", "PNG image (*.png)")
        return path

    def save_png(self) -> None:
        analysis = self._analysis
        if analysis is None or analysis.power is None:
            self.saved_message.setText("Nothing to save yet: " + ((analysis.problem if analysis else None) or "no scenario"))
            return
        save_png_as(self._ask_png_path, lambda: png_bytes(power_bars(analysis), **self.picture_titles(analysis)),
                    self.saved_message.setText)

    def picture_titles(self, analysis: ScenarioAnalysis) -> ChartTitles:
        """Network, scenario and date in the title, so a board paper's picture says what it shows; how the
        shares and the rule are set under it."""
        from datetime import date

        today = date.today()
        name = self.network_name if len(self.network_name) <= 60 else self.network_name[:59] + "…"
        scenario = analysis.scenario.name.strip() or "Current scenario"
        scenario = scenario if len(scenario) <= 50 else scenario[:49] + "…"
        dated = f"{today.day} {today:%B %Y}"
        first = " — ".join(part for part in (name, scenario, dated) if part)
        title = f"{first}\n{CHART_TITLE}"
        subtitle = f"{analysis.scenario.describe_shares()}. {analysis.rule_text}."
        return ChartTitles(title=title, subtitle=subtitle)

    def copy_png(self) -> None:
        from PySide6.QtGui import QGuiApplication, QImage

        analysis = self._analysis
        if analysis is None or analysis.power is None:
            self.saved_message.setText("Nothing to copy yet: " + ((analysis.problem if analysis else None) or "no scenario"))
            return
        image = QImage.fromData(png_bytes(power_bars(analysis), **self.picture_titles(analysis)))  # a PNG
        QGuiApplication.clipboard().setImage(image)
        self.saved_message.setText(f"Copied the chart ({image.width()} × {image.height()} pixels): paste it "
                                   "into slides or a document")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        size = CHART_FONT * theme.scale()
        if event.type() == QEvent.Type.FontChange and size != self.chart.font_size:  # presentation mode
            self.chart.font_size = size
            self._codes = None  # lay the chart out again at the new size
            if self._analysis is not None:
                self.show_analysis(self._analysis)

    def show_analysis(self, analysis: ScenarioAnalysis, *, dragging: bool = False) -> None:
        """``dragging``: a slider is held, so the bars move unhatched (``settle`` hatches them again)."""
        self._analysis = analysis
        bars = power_bars(analysis)
        if self._codes == analysis.codes:
            before = self.chart.heights(), self.chart.hatched
            if self.chart.update(bars, hatched=not dragging):
                # Three collections (one a series) move: all are redrawn when any bar moved.
                moved = (self.chart.heights(), self.chart.hatched) != before
                self.canvas.redraw_moving(None if moved else [])
                return
        self._codes = analysis.codes
        self.chart.draw(bars, title=CHART_TITLE)
        self.canvas.set_moving(self.chart.artists())
        self.canvas.schedule_full_redraw()


    def settle(self) -> None:
        """A slider let go: the bars hatched again if they moved unhatched."""
        if not self.chart.hatched:
            self.chart.set_hatched(True)
            self.canvas.redraw_moving(None)


def power_bars(analysis: ScenarioAnalysis) -> list[PowerBar]:
    shares = analysis.vote_fractions
    power = analysis.power
    bars = []
    for i, code in enumerate(analysis.codes):
        bars.append(PowerBar(
            code,
            float(shares[i]) if shares else 0.0,
            float(power.banzhaf[i]) if power is not None else 0.0,
            float(power.shapley_shubik[i]) if power is not None else 0.0,
        ))
    return bars


def coalitions_text(analysis: ScenarioAnalysis) -> str:
    found = analysis.coalitions
    if found is None:
        return ""
    passing = [analysis.codes_of(c) for c in found.winning.coalitions]
    blocking = [analysis.codes_of(c) for c in found.blocking.coalitions]

    def listed(groups: list[list[str]], total: int) -> str:  # a group kept whole on its line: "NSH + EMV"
        return coalition_list(groups, total).replace(" + ", "\u00a0+\u00a0")

    return (f"Smallest groups that can pass a decision ({found.winning.total:,}): "
            f"{listed(passing, found.winning.total)}\n"
            f"Smallest groups that can block one ({found.blocking.total:,}): "
            f"{listed(blocking, found.blocking.total)}")
