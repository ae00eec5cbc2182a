"""A matplotlib canvas that redraws only what moves (blitting), so a slider step stays within a frame.

After every full draw (first show, resize, new partners) the canvas keeps a copy of the picture without the
moving artists (the background). ``redraw_moving()`` then restores that copy, draws only the moving artists
over it and repaints just that area: no text is laid out again and no axis is recomputed.
Importing this module imports matplotlib, so the tab imports it only when it is first shown.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from matplotlib.artist import Artist
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox, BboxBase
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from matplotlib.axes import Axes


class BlittingCanvas(FigureCanvasQTAgg):
    if TYPE_CHECKING:  # matplotlib's Qt and Agg canvases carry no annotations: the calls made here, typed
        def draw(self) -> None: ...
        def draw_idle(self) -> None: ...
        def blit(self, bbox: BboxBase | None = None) -> None: ...
        def copy_from_bbox(self, bbox: BboxBase) -> object: ...
        def restore_region(self, region: object, bbox: tuple[float, float, float, float] | None = None,
                           xy: tuple[float, float] | None = None) -> None: ...

    def __init__(self, figure: Figure | None = None, parent: QWidget | None = None) -> None:
        super().__init__(figure or Figure(figsize=(5, 4), dpi=100))  # type: ignore[no-untyped-call]
        if parent is not None:
            self.setParent(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self._background: object | None = None  # the picture without the moving artists
        self._needs_draw = True
        self._moving: list[Artist] = []
        self._columns: dict[int, Bbox] = {}
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

    def redraw_moving(self, changed: Sequence[Artist] | None = None) -> None:
        """Repaint moving artists over the cached background (a full draw if there is none yet).

        ``changed``: the artists that moved. When they are few, only the columns they stand in are restored
        and redrawn (with any neighbour reaching into a column, clipped to it) and only those columns are
        repainted; otherwise every moving artist is redrawn. Off screen nothing is drawn: the picture is
        brought up to date when the canvas is next shown.
        """
        if not self.isVisible():
            self._needs_draw = True
            return
        if self._background is None:
            self.full_redraw()
            return
        if changed is not None and not changed:
            return
        if changed is None or 2 * len(changed) > len(self._moving):
            self.restore_region(self._background)
            for artist in self._moving:
                self.figure.draw_artist(artist)
            self.blit(self.figure.bbox)
        else:
            self._redraw_columns(changed)
        self.blits += 1

    def _redraw_columns(self, changed: Sequence[Artist]) -> None:
        height = self.figure.bbox.height
        axes = cast("Axes", changed[0].axes).bbox  # a moving artist always stands in axes
        columns = _merged([self._columns[id(artist)] for artist in changed])
        for column in columns:  # Agg counts rows from the top; xy=(0, 0): the background covers the whole figure
            self.restore_region(self._background, bbox=(column.x0, height - column.y1, column.x1, height - column.y0),
                                xy=(0, 0))
        for artist in self._moving:
            reach = self._columns[id(artist)]
            for column in columns:
                if reach.x1 > column.x0 and reach.x0 < column.x1:
                    clip = artist.get_clip_box()
                    # Agg restores the last pixel column of a strip but clips drawing just before it.
                    strip = Bbox.from_extents(column.x0, column.y0, column.x1 + 1, column.y1)
                    artist.set_clip_box(Bbox.intersection(strip, axes) or strip)
                    self.figure.draw_artist(artist)
                    artist.set_clip_box(clip)
        joined = Bbox.union(columns)  # a pixel more each side: Qt's repaint rounds the area inwards
        self.blit(Bbox.from_extents(joined.x0 - 1, joined.y0 - 1, joined.x1 + 1, joined.y1 + 1))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[no-untyped-call]
        if self._needs_draw:
            self._needs_draw = False
            self.draw_idle()

    def _after_full_draw(self, _event: object) -> None:
        self.full_draws += 1
        self._background = self.copy_from_bbox(self.figure.bbox)
        # Where each moving artist can reach; only heights change between full draws, so this holds.
        self._columns = {id(a): _column(a, a.axes.bbox) for a in self._moving if a.axes is not None}
        for artist in self._moving:
            self.figure.draw_artist(artist)

    def _relayout(self, _event: object) -> None:
        if self.figure.axes and self.width() > 10 and self.height() > 10:
            engine = self.figure.get_layout_engine()
            if engine is not None:
                engine.execute(self.figure)  # a chart with a layout of its own (the voting chart keeps its legend clear)
            else:
                self.figure.tight_layout()


def _column(artist: Artist, axes: Bbox) -> Bbox:
    """The strip of the axes an artist can touch at any height: its width plus a pixel each side."""
    extent = artist.get_window_extent()
    if not all(math.isfinite(v) for v in extent.extents):  # a collection may not say: the whole axes' width
        extent = axes
    return Bbox.from_extents(math.floor(extent.x0) - 1, math.floor(axes.y0) - 1,
                             math.ceil(extent.x1) + 1, math.ceil(axes.y1) + 1)


def _merged(columns: list[Bbox]) -> list[Bbox]:
    """Overlapping strips joined, so no pixel is restored (or drawn on) twice."""
    out: list[Bbox] = []
    for column in sorted(columns, key=lambda b: b.x0):
        if out and column.x0 <= out[-1].x1:
            out[-1] = Bbox.union([out[-1], column])
        else:
            out.append(column)
    return out
