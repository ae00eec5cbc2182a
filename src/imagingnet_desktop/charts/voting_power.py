"""Vote share beside real voting power per partner: grouped bars drawn on a given Figure.

The axes, labels and legend are fixed once per set of partners (``draw``); a slider move only changes bar
heights (``update``), so a canvas can redraw just the bars (blitting) and stay within a frame.

Each series is drawn as one PolyCollection (same colour, edge and hatch as its bars); the Rectangles
``axes.bar`` made stay as the bars' heights (``bars``) and behind the legend and value labels, but are taken
off the axes so they are never drawn themselves. Agg renders a hatch afresh for every bar it draws (~0.3 ms a
bar), too slow for 60 bars in a frame, so while a slider is held the bars move unhatched (``update(...,
hatched=False)``) and are hatched again when it is let go; a full draw and the saved picture are hatched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.layout_engine import TightLayoutEngine

from imagingnet_desktop.charts import palette


@dataclass(frozen=True)
class PowerBar:
    code: str
    vote_share: float  # 0..1
    banzhaf: float  # 0..1
    shapley_shubik: float  # 0..1


_SERIES = (
    ("votes", "Share of votes", palette.VOTE_SHARE),
    ("banzhaf", "Voting power (Banzhaf)", palette.BANZHAF),
    ("shapley", "Voting power (Shapley–Shubik)", palette.SHAPLEY),
)


class VotingPowerChart:
    """Owns the artists on ``figure``; ``draw`` lays the chart out, ``update`` moves the bars."""

    def __init__(self, figure: Figure, *, font_size: float = 12) -> None:
        self.figure = figure
        self.font_size = font_size
        self.codes: tuple[str, ...] = ()
        self.bars: dict[str, list[Any]] = {}  # Rectangles: each bar's height (not drawn themselves)
        self.series: dict[str, PolyCollection] = {}  # what is drawn: one collection per series
        self.hatched = True
        self.axes: Any = None

    def draw(self, bars: Sequence[PowerBar], *, title: str = "", value_labels: bool = False) -> None:
        """Lay out axes, labels and bars for these partners (call again when the partners change, or when a
        bar outgrows the axis). ``value_labels``: each bar's figure above it (for a picture: on screen the bars
        move, the labels would not)."""
        self.figure.clear()
        axes = self.figure.add_subplot(1, 1, 1)
        self.axes = axes
        self.codes = tuple(b.code for b in bars)
        width = 0.27
        positions = range(len(bars))
        edge = 0.5 if len(bars) <= NAMED_UP_TO else 0.0  # white edges would wash out bars a pixel or two wide
        self.bars = {}
        containers = {}
        for offset, (key, label, colour) in zip((-width, 0.0, width), _SERIES, strict=True):
            heights = [100 * _value(b, key) for b in bars]
            containers[key] = axes.bar([p + offset for p in positions], heights, width, label=label, color=colour,
                                       hatch=palette.HATCHES[key], edgecolor="white", linewidth=edge)
            self.bars[key] = list(containers[key])
        _label_partners(axes, self.codes, self.font_size)
        axes.set_ylim(0, axis_top(bars))
        axes.set_ylabel("% of the network", fontsize=self.font_size)
        axes.tick_params(axis="y", labelsize=self.font_size)
        axes.yaxis.grid(True, color=palette.GRID, linewidth=0.8)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        make_legend = self._legend_below(axes)
        if value_labels:
            for key, container in containers.items():
                decimals = 2 if key == "votes" else 1  # shares to 2 dp, power to 1 dp, as in the tables
                axes.bar_label(container, labels=[f"{a.get_height():.{decimals}f}" for a in container],
                               fontsize=self.font_size * 0.8, padding=2, rotation=90 if len(bars) > 5 else 0)
        if title:
            axes.set_title(title, fontsize=self.font_size + 2, loc="left")
        self.series = {}
        self.hatched = True
        for key, _label, colour in _SERIES:
            collection = PolyCollection(_verts(self.bars[key]), closed=True, facecolors=colour, edgecolors="white",
                                        linewidths=edge, hatch=palette.HATCHES[key] or None, zorder=1)
            axes.add_collection(collection, autolim=False)
            self.series[key] = collection
            for bar in self.bars[key]:
                bar.remove()  # the collection draws it; the legend and labels keep their own copies
        # The legend's strip at the foot is kept clear of the axes at every size, so it never lies over a bar.
        layout = _ClearOfLegend(make_legend)
        self.figure.set_layout_engine(layout)
        layout.execute(self.figure)

    def _legend_below(self, axes: Any) -> Callable[[int], Any]:
        """A maker of the legend in a strip along the foot of the figure, in so many columns (the layout picks
        how many fit, at every size)."""
        handles, labels = axes.get_legend_handles_labels()

        def make(ncols: int) -> Any:
            return self.figure.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, 0.0),
                                      fontsize=self.font_size, frameon=False, ncols=ncols)
        return make

    def update(self, bars: Sequence[PowerBar], *, hatched: bool = True) -> bool:
        """Move the bars to new values (``hatched=False``: plain colour, fast enough for a slider being held).
        Returns False when the partners differ and ``draw`` is needed."""
        if tuple(b.code for b in bars) != self.codes or self.axes is None:
            return False
        top = axis_top(bars)
        if top != self.axes.get_ylim()[1]:
            return False  # the axis follows the data: lay it out again
        for key, artists in self.bars.items():
            for artist, bar in zip(artists, bars, strict=True):
                artist.set_height(100 * _value(bar, key))
            self.series[key].set_verts(_verts(artists))
        self.set_hatched(hatched)
        return True

    def set_hatched(self, hatched: bool) -> None:
        self.hatched = hatched
        for key, collection in self.series.items():
            # None, not "": no hatch at all (matplotlib's stubs say str, but None is what it keeps by default)
            collection.set_hatch(cast("str", (palette.HATCHES[key] or None) if hatched else None))

    def artists(self) -> list[Any]:
        """What moves on a slider step: one collection per series."""
        return list(self.series.values())

    def heights(self) -> list[float]:
        return [bar.get_height() for artists in self.bars.values() for bar in artists]


UPRIGHT_UP_TO = 10  # partners whose codes sit side by side under their bars; more stand on end
NAMED_UP_TO = 40  # codes on end the chart still has room for; beyond, every k-th is named


def _label_partners(axes: Any, codes: Sequence[str], font_size: float) -> None:
    """Each partner's code under its bars while they fit; on end past ``UPRIGHT_UP_TO``, and only every k-th
    past ``NAMED_UP_TO`` (the tables name them all), so no code is ever written over another."""
    n = len(codes)
    step = -(-n // NAMED_UP_TO)
    shown = [code if i % step == 0 else "" for i, code in enumerate(codes)]
    upright = n <= UPRIGHT_UP_TO
    axes.set_xticks(list(range(n)), shown, fontsize=font_size + 2 if upright else font_size,
                    fontweight="bold", rotation=0 if upright else 90)
    if step > 1:
        axes.set_xlabel(f"{n} partners: every {_ordinal(step)} named (the tables show them all)", fontsize=font_size)


def _ordinal(k: int) -> str:
    return {2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(k, f"{k}th")


class _ClearOfLegend(TightLayoutEngine):
    """Matplotlib's tight layout, above the legend's strip at the foot of the figure; worked out again at each
    full draw, since a resized chart may need fewer legend columns (three side by side on a wide chart, one
    above another on a narrow one) and the strip's share of the height changes."""

    def __init__(self, make_legend: Callable[[int], Any]) -> None:
        super().__init__()
        self._make = make_legend
        self._legend: Any = None
        self._ncols = 0

    def execute(self, fig: Any) -> None:
        renderer = fig._get_renderer()
        for ncols in (3, 2, 1):
            if ncols != self._ncols:
                if self._legend is not None:
                    self._legend.remove()
                self._legend, self._ncols = self._make(ncols), ncols
            if self._legend.get_window_extent(renderer).width <= 0.98 * fig.bbox.width:
                break
        strip = self._legend.get_window_extent(renderer).height / max(fig.bbox.height, 1)
        self.set(rect=(0, min(strip + 0.01, 0.4), 1, 1))
        super().execute(fig)


def _verts(bars: Sequence[Any]) -> list[list[tuple[float, float]]]:
    """Each bar's rectangle in data coordinates, as a PolyCollection takes it."""
    out = []
    for bar in bars:
        x, y, w, h = bar.get_x(), bar.get_y(), bar.get_width(), bar.get_height()
        out.append([(x, y), (x, y + h), (x + w, y + h), (x + w, y)])
    return out


def axis_top(bars: Sequence[PowerBar]) -> float:
    """The top of the percentage axis: room above the tallest bar (for its label), to the next 10, at most 100;
    to the next whole percent when every bar is small (a large network), so the bars are not lost at the foot."""
    tallest = max((100 * _value(b, key) for b in bars for key in ("votes", "banzhaf", "shapley")), default=0.0)
    if tallest * 1.15 < 9:
        return float(max(1, int(tallest * 1.15) + 1))
    return float(min(100, max(10, 10 * int(tallest * 1.15 / 10 + 1))))


def _value(bar: PowerBar, key: str) -> float:
    return {"votes": bar.vote_share, "banzhaf": bar.banzhaf, "shapley": bar.shapley_shubik}[key]


def png_bytes(bars: Sequence[PowerBar], *, title: str, subtitle: str = "", dpi: int = 200) -> bytes:
    """Draw the chart afresh on its own Figure and give it as PNG bytes (for a file or the clipboard).

    A new Figure, not the live one: on screen the bars are animated (blitted) and a plain save would leave
    them out. ``subtitle`` (the scenario and rule) goes under the chart so the picture explains itself.
    """
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = Figure(figsize=(10, 5.6), dpi=dpi)
    FigureCanvasAgg(figure)
    chart = VotingPowerChart(figure, font_size=12)
    chart.draw(bars, title=title, value_labels=True)
    if subtitle:
        figure.text(0.01, 0.01, subtitle, fontsize=10, color=palette.INK, ha="left", va="bottom", wrap=True)
        figure.subplots_adjust(bottom=0.16)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()
