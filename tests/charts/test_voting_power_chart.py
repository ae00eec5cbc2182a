"""The voting power chart stays legible from 3 partners to the 200-partner limit: no code written over another."""

from __future__ import annotations

import itertools

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from imagingnet_desktop.charts.voting_power import PowerBar, VotingPowerChart, axis_top


def _bars(n: int) -> list[PowerBar]:
    share = 1 / n
    return [PowerBar(f"R{i:03d}", share, share * (1.2 if i % 2 else 0.8), share) for i in range(n)]


@pytest.mark.parametrize("partners", [3, 8, 12, 40, 200])
def test_partner_codes_never_overlap_and_say_when_some_are_left_unnamed(partners: int) -> None:
    figure = Figure(figsize=(9, 4.5), dpi=100)  # about the chart's size on a 1280x720 screen
    canvas = FigureCanvasAgg(figure)
    chart = VotingPowerChart(figure)
    chart.draw(_bars(partners))
    canvas.draw()
    renderer = canvas.get_renderer()
    named = [t for t in chart.axes.get_xticklabels() if t.get_text()]
    boxes = [t.get_window_extent(renderer) for t in named]
    assert all(not a.overlaps(b) for a, b in itertools.pairwise(boxes)), "two partner codes overlap"
    assert named[0].get_text() == "R000"
    unnamed = len(named) < partners
    assert unnamed == (partners > 40)
    assert ("every" in chart.axes.get_xlabel()) == unnamed


def test_the_axis_follows_small_bars_down_so_a_large_network_is_not_lost_at_the_foot() -> None:
    assert axis_top(_bars(200)) == 1.0  # tallest bar 0.6%
    assert axis_top(_bars(8)) == 20.0  # tallest 15%
    assert axis_top(_bars(3)) == 50.0


@pytest.mark.parametrize(("size", "partners"), [((9, 4.5), 5), ((8, 5), 8), ((12, 6), 200)])
def test_the_legend_lies_below_the_axes_never_over_a_bar(size: tuple[float, float], partners: int) -> None:
    figure = Figure(figsize=size, dpi=100)
    canvas = FigureCanvasAgg(figure)
    chart = VotingPowerChart(figure, font_size=18)  # presentation type
    chart.draw(_bars(partners))
    canvas.draw()
    legend = figure.legends[0].get_window_extent()
    axes = chart.axes.get_window_extent()
    assert legend.y1 <= axes.y0 and legend.width <= figure.bbox.width
    figure.set_size_inches(size[0] * 0.7, size[1] * 1.5)  # resized narrower (560 px at the least): laid out again, still clear and whole
    canvas.draw()
    legend = figure.legends[0].get_window_extent()
    assert legend.y1 <= chart.axes.get_window_extent().y0 and legend.x0 >= 0 and legend.x1 <= figure.bbox.width
