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
