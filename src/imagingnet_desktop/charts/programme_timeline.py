"""The programme's timeline: each step's target dates as a bar, the current step marked, today as a line,
overdue items flagged at their step. Drawn on a given Figure; ``png_bytes`` draws a fresh one for board papers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text

from imagingnet_desktop.charts import palette

PAST = palette.BLUISH_GREEN  # dotted: steps already left
CURRENT = palette.ORANGE  # hatched: the current step
COMING = "#56B4E9"  # sky blue: steps still to come
WARNING = palette.VERMILLION  # today's line and the overdue notes (always with words: "today", "⚠ n overdue")
HATCH = {"past": "..", "current": "//", "coming": ""}


@dataclass(frozen=True)
class TimelineStep:
    label: str
    start: date | None
    end: date | None
    phase: str  # "past" | "current" | "coming"
    agreed_pct: float | None  # share of the step's applicable items agreed, 0..100
    overdue: int  # items of the step overdue


def draw_timeline(figure: Figure, steps: Sequence[TimelineStep], today: date, *, font_size: float = 12,
                  title: str = "") -> None:
    import matplotlib.dates as mdates

    figure.clear()
    axes = figure.add_subplot(1, 1, 1)
    dated = [s for s in steps if s.start is not None and s.end is not None]
    colours = {"past": PAST, "current": CURRENT, "coming": COMING}
    notes_drawn = []
    for row, step in enumerate(steps):
        if step.start is None or step.end is None:
            axes.text(mdates.date2num(today), row, "  no dates set", va="center", fontsize=font_size,
                      color=palette.INK)
            continue
        start, width = mdates.date2num(step.start), (step.end - step.start).days + 1
        axes.barh(row, width, left=start, height=0.6, color=colours[step.phase], hatch=HATCH[step.phase],
                  edgecolor=palette.INK if step.phase == "current" else "white", linewidth=1.5)
        notes = [] if step.agreed_pct is None else [f"{step.agreed_pct:.0f}% agreed"]
        if step.overdue:
            notes.append(f"⚠ {step.overdue} overdue")
        if notes:
            notes_drawn.append(axes.text(start + width, row, "  " + " · ".join(notes), va="center", fontsize=font_size * 0.9,
                      color=WARNING if step.overdue else palette.INK,
                      fontweight="bold" if step.overdue else "normal"))
    labels = [f"▶ {s.label}" if s.phase == "current" else s.label for s in steps]
    axes.set_yticks(range(len(steps)), labels, fontsize=font_size)
    for tick, step in zip(axes.get_yticklabels(), steps, strict=True):
        if step.phase == "current":
            tick.set_fontweight("bold")
    axes.invert_yaxis()
    axes.axvline(mdates.date2num(today), color=WARNING, linestyle="--", linewidth=2)
    axes.text(mdates.date2num(today), -0.75, "today", color=WARNING, fontsize=font_size * 0.9,
              ha="center", va="bottom", fontweight="bold")
    first = min([s.start for s in dated if s.start] + [today]) - timedelta(days=20)
    last = max([s.end for s in dated if s.end] + [today])
    last += timedelta(days=max(60, (last - first).days // 4))  # room for the notes after the last bar
    axes.set_xlim(mdates.date2num(first), mdates.date2num(last))
    axes.set_ylim(len(steps) - 0.4, -1.0)
    ticks = max(3, int(figure.get_figwidth() * 72 / (font_size * 9)))  # as many as fit at this type size
    months = max(1, -(-((last - first).days // 30) // ticks))
    axes.xaxis.set_major_locator(mdates.MonthLocator(bymonthday=1, interval=months))
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    axes.tick_params(axis="x", labelsize=font_size * 0.9)
    axes.grid(axis="x", color=palette.GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    legend = [Patch(facecolor=PAST, hatch=HATCH["past"], edgecolor="white", label="done"),
              Patch(facecolor=CURRENT, hatch=HATCH["current"], edgecolor=palette.INK, label="current step"),
              Patch(facecolor=COMING, edgecolor="white", label="to come")]
    axes.legend(handles=legend, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=3, fontsize=font_size * 0.85,
                frameon=False)
    if title:
        figure.suptitle(title, fontsize=font_size * 1.15, fontweight="bold", x=0.01, ha="left")
    figure.set_layout_engine("tight")  # laid out again at every draw, so a resized canvas keeps its labels
    _make_room_for(figure, axes, notes_drawn)


def _make_room_for(figure: Figure, axes: Axes, notes: Sequence[Text]) -> None:
    """Widen the date axis so each note after a bar ends inside the chart, whatever the type size and the
    chart's width (large type on a 1280-px projector made "0% agreed" run off the right edge)."""
    get_renderer = getattr(figure.canvas, "get_renderer", None)  # Agg canvases (the Qt one too) have one
    if not notes or get_renderer is None:
        return
    renderer = get_renderer()
    engine = figure.get_layout_engine()
    if engine is not None:
        engine.execute(figure)
    box = axes.get_window_extent(renderer)
    left, right = axes.get_xlim()
    needed = right
    for note in notes:
        text_px = note.get_window_extent(renderer).width
        if text_px >= box.width * 0.9:
            continue  # cannot fit at any range: leave it to wrap nowhere rather than squash every bar
        x0 = note.get_position()[0]
        needed = max(needed, left + (x0 - left) * box.width / (box.width - text_px) * 1.03)
    if needed > right:
        axes.set_xlim(left, needed)


def png_bytes(steps: Sequence[TimelineStep], today: date, *, title: str, dpi: int = 200) -> bytes:
    """A fresh Figure (not the one on screen) drawn as a slide-sized PNG (2200 × 1000 pixels at 200 dpi)."""
    from io import BytesIO

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = Figure(figsize=(11, 5), dpi=dpi)
    FigureCanvasAgg(figure)
    draw_timeline(figure, steps, today, font_size=12, title=title)
    out = BytesIO()
    figure.savefig(out, format="png", dpi=dpi, facecolor="white")
    return out.getvalue()

