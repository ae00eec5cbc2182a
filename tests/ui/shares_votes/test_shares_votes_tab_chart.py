"""The chart follows a slider by redrawing only the bars that moved; the picture must equal a full redraw."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import numpy as np
import pytest

from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.ui.shares_votes.shares_votes_tab import SharesVotesTab
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes

SCENARIO = replace(Scenario(), vote_method=VoteMethod.PROPORTIONAL, rule_kind=RuleKind.QUALIFIED,
                   qualified=Fraction(3, 4))


@pytest.fixture
def view(qtbot, tmp_path):
    workspace = create_demo(tmp_path / "demo.imagingnet")
    shares_votes.set_working_scenario(workspace, SCENARIO)
    tab = SharesVotesTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.show()
    qtbot.waitExposed(tab)
    content = tab
    content.pages.setCurrentWidget(content.chart_page)
    qtbot.waitUntil(lambda: content.chart_page.canvas.full_draws > 0)
    yield content
    tab.detach()
    workspace.close()


def picture(canvas) -> np.ndarray:
    return np.asarray(canvas.buffer_rgba()).copy()


def drag_through(view, qtbot, basis: Basis, values) -> None:
    slider = view.sliders.sliders[basis]
    slider.setSliderDown(True)  # as while the mouse holds the handle
    for value in values:
        slider.setValue(value)
        qtbot.wait(1)
    slider.setSliderDown(False)


def test_bars_redrawn_in_place_match_a_full_redraw_pixel_for_pixel(view, qtbot):
    canvas = view.chart_page.canvas
    draws = canvas.full_draws
    drag_through(view, qtbot, Basis.PAY, [*range(0, 100, 3), *range(100, 0, -7)])
    drag_through(view, qtbot, Basis.VALUATION, range(0, 60, 5))
    assert canvas.full_draws == draws and canvas.blits > 20  # only the bars were redrawn
    moved = picture(canvas)
    canvas.full_redraw()
    assert np.array_equal(moved, picture(canvas))
    expected = [round(100 * float(v), 6) for v in view.analysis.vote_fractions]
    assert [round(bar.get_height(), 6) for bar in view.chart_page.chart.bars["votes"]] == expected


def test_an_unseen_chart_is_brought_up_to_date_when_shown(view, qtbot):
    canvas = view.chart_page.canvas
    view.pages.setCurrentWidget(view.shares_page)
    blits = canvas.blits
    drag_through(view, qtbot, Basis.PAY, range(0, 80, 10))
    assert canvas.blits == blits  # nothing drawn off screen
    view.pages.setCurrentWidget(view.chart_page)
    draws = canvas.full_draws
    qtbot.waitUntil(lambda: canvas.full_draws > draws)
    banzhaf = [round(100 * float(v), 6) for v in view.analysis.power.banzhaf]
    assert [round(bar.get_height(), 6) for bar in view.chart_page.chart.bars["banzhaf"]] == banzhaf


def test_save_as_png_writes_the_chart_with_every_bar(tmp_path, qtbot):
    """The saved picture has the bars (drawn afresh, not the blitted screen) and the scenario under it."""
    from imagingnet_desktop.ui.shares_votes.pages import ChartPage
    from imagingnet_desktop.workspace.network.partner_import import create_demo
    from imagingnet_desktop.workspace.shares_votes.scenarios import analyse_scenario, working_scenario

    workspace = create_demo(tmp_path / "w.imagingnet")
    page = ChartPage()
    qtbot.addWidget(page)
    page.show_analysis(analyse_scenario(workspace, working_scenario(workspace)))
    target = tmp_path / "chart"
    page._ask_png_path = lambda: str(target)  # the file dialog, answered
    page.save_button.click()
    saved = tmp_path / "chart.png"
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Saved" in page.saved_message.text()

    from matplotlib.image import imread

    pixels = imread(saved)
    blue = (abs(pixels[..., 0] - 0x00 / 255) < 0.05) & (abs(pixels[..., 1] - 0x72 / 255) < 0.05) & (
        abs(pixels[..., 2] - 0xB2 / 255) < 0.05)
    assert blue.sum() > 2000  # the vote-share bars are there, in their colour
    workspace.close()


def test_bars_move_unhatched_while_a_slider_is_held_and_are_hatched_again_when_let_go(view, qtbot):
    """Agg hatching is too slow for every bar in a frame: plain while held, hatched on screen after release."""
    canvas, chart = view.chart_page.canvas, view.chart_page.chart
    hatched = [c.get_hatch() for c in chart.artists()]
    assert hatched == [None, "//", ".."]
    slider = view.sliders.sliders[Basis.PAY]
    slider.setSliderDown(True)
    for value in range(0, 40, 5):
        slider.setValue(value)
        qtbot.wait(1)
    assert not chart.hatched and all(not c.get_hatch() for c in chart.artists())
    held = picture(canvas)
    slider.setSliderDown(False)
    assert chart.hatched and [c.get_hatch() for c in chart.artists()] == hatched
    released = picture(canvas)
    assert not np.array_equal(held, released)  # the hatches are back on screen
    canvas.full_redraw()
    assert np.array_equal(released, picture(canvas))
