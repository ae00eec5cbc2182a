"""The Timeline page: the chart of the steps' target dates (built, with matplotlib, when first shown), the
dates as an editable table beside it, and Save as PNG."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.ui.common.picture_out import picture_buttons, save_png_as
from imagingnet_desktop.ui.common.run_edit import not_saved
from imagingnet_desktop.ui.programme.step_dates_model import StepDatesModel
from imagingnet_desktop.workspace.workspace import Workspace

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

CHART_FONT = 12.0
CHART_TITLE = "Programme timeline"


class TimelinePage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.today = date.today()
        self.canvas: FigureCanvasQTAgg | None = None  # built when the page is first shown: matplotlib is not imported before
        self.chart_stale = True
        self.figure: Figure | None = None
        self.draws = 0
        self.message = InlineMessage()
        self.saved_message = QLabel()
        self.saved_message.setWordWrap(True)
        self.copy_button, self.save_button = picture_buttons("the timeline", self.copy_png, self.save_png)
        self.dates_model = StepDatesModel(workspace, self)
        self.dates_model.validation_failed.connect(lambda text: self.message.show_error(not_saved(text)))
        self.dates = QTableView()
        self.dates.setAccessibleName("Target dates of each step")
        self.dates.setModel(self.dates_model)
        self.dates.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.dates.verticalHeader().hide()
        self.dates.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        theme.use_font(self.dates, 1.05)
        theme.use_font(self.dates.horizontalHeader(), 1.0, bold=True)
        self.dates.horizontalHeader().setStretchLastSection(True)
        dates_heading = QLabel("Target dates")
        theme.use_font(dates_heading, 1.1, bold=True)
        top = QHBoxLayout()
        top.addWidget(self.saved_message, 1)
        top.addWidget(self.copy_button)
        top.addWidget(self.save_button)
        side = QVBoxLayout()
        side.addWidget(dates_heading)
        side.addWidget(self.dates, 1)
        self.chart_area = QVBoxLayout()
        body = QHBoxLayout()
        body.addLayout(self.chart_area, 1)
        body.addLayout(side, 0)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addLayout(top)
        column.addWidget(self.message)
        column.addLayout(body, 1)

    # ------------------------------------------------------------------ drawing
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.figure = Figure(figsize=(8, 4.5), dpi=100)
            self.canvas = FigureCanvasQTAgg(self.figure)
            self.canvas.setMinimumSize(320, 220)
            self.canvas.setAccessibleName("Chart: each step's target dates, the current step and today")
            self.chart_area.addWidget(self.canvas, 1)
        self.fit_dates()
        if self.chart_stale:
            self.redraw()

    def fit_dates(self) -> None:
        """The dates table as wide as its columns, so no date is cut; the chart takes the rest."""
        self.dates.resizeColumnsToContents()
        header = self.dates.horizontalHeader()
        width = sum(header.sectionSize(c) + 8 for c in range(self.dates_model.columnCount()))
        self.dates.setFixedWidth(width + 2 * self.dates.frameWidth() + 4)

    def refresh(self) -> None:
        """After an edit: the dates table now; the chart now if on screen, else when next shown."""
        self.dates_model.refresh()
        self.dates.viewport().update()
        self.chart_stale = True
        if self.isVisible() and self.canvas is not None:
            self.redraw()

    def redraw(self) -> None:
        from imagingnet_desktop.charts.programme_timeline import draw_timeline
        from imagingnet_desktop.workspace.programme.timeline import timeline_steps

        if self.figure is None or self.canvas is None:
            return
        draw_timeline(self.figure, timeline_steps(self._workspace, self.today), self.today,
                      font_size=CHART_FONT * theme.scale())
        self.canvas.draw_idle()
        self.chart_stale = False
        self.draws += 1

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """A new width can push the notes after the bars off the chart: draw again once the size settles."""
        super().resizeEvent(event)
        if self.canvas is not None and not self.chart_stale:
            self.chart_stale = True
            QTimer.singleShot(0, self, self._redraw_if_stale)

    def _redraw_if_stale(self) -> None:
        if self.chart_stale and self.isVisible():
            self.redraw()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode
            QTimer.singleShot(0, self, self.fit_dates)
        if event.type() == QEvent.Type.FontChange and self.canvas is not None:
            self.chart_stale = True
            if self.isVisible():
                self.redraw()

    # ------------------------------------------------------------------ saving
    def _ask_png_path(self) -> str:
        """Where to save (tests replace this)."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, "Save timeline as PNG", "programme-timeline.png",
                                              "PNG image (*.png)")
        return path

    def picture_title(self) -> str:
        """The network, the subject and the date, so a picture pasted into a board paper says what it is."""
        return f"{self._workspace.network.name} — {CHART_TITLE} — {self.today.day} {self.today:%B %Y}"

    def copy_png(self) -> None:
        from PySide6.QtGui import QGuiApplication, QImage

        from imagingnet_desktop.charts.programme_timeline import png_bytes
        from imagingnet_desktop.workspace.programme.timeline import timeline_steps

        image = QImage.fromData(png_bytes(timeline_steps(self._workspace, self.today), self.today,
                                          title=self.picture_title()))
        QGuiApplication.clipboard().setImage(image)
        self.saved_message.setText(f"Copied the timeline ({image.width()} × {image.height()} pixels): paste it "
                                   "into slides or a document")

    def save_png(self) -> None:
        from imagingnet_desktop.charts.programme_timeline import png_bytes
        from imagingnet_desktop.workspace.programme.timeline import timeline_steps

        save_png_as(self._ask_png_path, lambda: png_bytes(timeline_steps(self._workspace, self.today), self.today,
                                                          title=self.picture_title()), self.saved_message.setText)
