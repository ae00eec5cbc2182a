"""A matplotlib canvas that redraws only what moves (blitting), so a slider step stays within a frame.

After every full draw (first show, resize, new partners) the canvas keeps a copy of the picture without the
moving artists (the background). ``redraw_moving()`` then restores that copy, draws only the moving artists
over it and repaints just that area: no text is laid out again and no axis is recomputed.
Importing this module imports matplotlib, so the tab imports it only when it is first shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class BlittingCanvas(FigureCanvasQTAgg):
    def __init__(self, figure: Figure | None = None, parent: QWidget | None = None) -> None:
        super().__init__(figure or Figure(figsize=(5, 4), dpi=100))
        if parent is not None:
            self.setParent(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self._background = None
        self._needs_draw = True
        self._moving: list[Artist] = []
        self.full_draws = 0  # how many complete redraws (tests and the benchmark watch this)
        self.blits = 0
        self.mpl_connect("draw_event", self._after_full_draw)
        self.mpl_connect("resize_event", self._relayout)

    def set_moving(self, artists: Sequence[Artist]) -> None:
        """The artists ``redraw_moving`` updates; they are left out of the cached background."""
        for artist in self._moving:
            artist.set_animated(False)
        self._moving = list(artists)
        for artist in self._moving:
            artist.set_animated(True)
        self._background = None

    def full_redraw(self) -> None:
        """Draw everything now (after a new layout); the background is captured as it finishes."""
        self._needs_draw = False
        self.draw()

    def schedule_full_redraw(self) -> None:
        """A full draw now if the canvas is on screen, else when it is next shown."""
        self._background = None
        if self.isVisible():
            self.full_redraw()
        else:
            self._needs_draw = True

    def redraw_moving(self) -> None:
        """Repaint only the moving artists over the cached background (a full draw if there is none).

        Off screen nothing is drawn: the picture is brought up to date when the canvas is shown again.
        """
        if not self.isVisible():
            self._needs_draw = True
            return
        if self._background is None:
            self.full_redraw()
            return
        self.restore_region(self._background)
        for artist in self._moving:
            self.figure.draw_artist(artist)
        self.blit(self.figure.bbox)
        self.blits += 1

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._needs_draw:
            self._needs_draw = False
            self.draw_idle()

    def _after_full_draw(self, _event: object) -> None:
        self.full_draws += 1
        self._background = self.copy_from_bbox(self.figure.bbox)
        for artist in self._moving:
            self.figure.draw_artist(artist)

    def _relayout(self, _event: object) -> None:
        if self.figure.axes and self.width() > 10 and self.height() > 10:
            self.figure.tight_layout()
