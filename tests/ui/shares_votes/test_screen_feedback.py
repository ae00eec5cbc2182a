"""Undo and redo say in the window what they did and bring its tab into view; an import says what it did;
a weight can be typed; the board-paper chart has value labels, a fitted axis and a full title."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from imagingnet_desktop.charts.voting_power import VotingPowerChart
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.ui.shares_votes.pages import power_bars
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.workspace.network.partner_import import create_demo
from workshop_helpers import choose, type_into_cell


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    win = MainWindow(AppSettings.in_file(tmp_path / "settings.ini"), remember=False)
    qtbot.addWidget(win)
    win.open_path(path)
    win.show()
    return win


def test_undo_says_what_it_undid_in_the_window_and_shows_the_tab(window: MainWindow, qtbot) -> None:
    view = window.tab("shares")
    window.show_tab(3)
    qtbot.mouseClick(view.controls.veto_boxes["NSH"], Qt.MouseButton.LeftButton)
    label = window.workspace.undo_label
    assert label and "NSH" in label
    window.show_tab(0)  # the facilitator has moved on to the Network tab
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.bars.feedback.isVisible()
    assert window.bars.feedback_text().startswith(f"Undone: {label}")
    assert window.tab_widget.currentIndex() == 3  # back where the veto shows
    assert not view.controls.veto_boxes["NSH"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.bars.feedback_text().startswith(f"Redone: {label}")
    assert view.controls.veto_boxes["NSH"].isChecked()
    qtbot.mouseClick(view.controls.veto_boxes["EMV"], Qt.MouseButton.LeftButton)  # a new edit: old news goes
    assert not window.bars.feedback.isVisible()


def test_an_import_is_shown_in_the_window_with_unchanged_and_missing_columns(window: MainWindow, tmp_path) -> None:
    csv = tmp_path / "update.csv"
    ws = window.workspace
    nsh, emv = ws.network.partners[0], ws.network.partners[1]
    csv.write_text("code,name,organisation_type,population_served\n"
                   f"NSH,{nsh.name},{nsh.organisation_type},{nsh.population_served + 1000}\n"
                   f"EMV,{emv.name},{emv.organisation_type},{emv.population_served}\n", encoding="utf-8")
    window._ask_import_path = lambda: str(csv)
    window._show_import_problems = lambda refused: pytest.fail(str(refused))
    window._show_error = lambda title, text: pytest.fail(f"{title}: {text}")
    window.actions_.import_partners.trigger()  # File > Import partners…
    text = window.bars.feedback_text()
    assert window.bars.feedback.isVisible(), (text, window.statusBar().currentMessage())
    assert "1 updated, 1 unchanged" in text
    assert "pay_cost_gbp" in text and "not in the file: kept as they were" in text
    assert ws.network.partners[0].population_served == nsh.population_served + 1000
    assert ws.network.partners[0].pay_cost_gbp == nsh.pay_cost_gbp  # a column the file lacked: kept


def test_a_weight_typed_in_its_field_moves_the_slider_and_is_one_edit(window: MainWindow, qtbot) -> None:
    window.show_tab(3)
    view = window.tab("shares")
    field = view.sliders.fields[Basis.PAY]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "40")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert view.sliders.sliders[Basis.PAY].value() == 40
    assert view.sliders.percent_labels[Basis.PAY].text() == f"{100 * 40 / 140:.2f}%"  # one thing: the share
    assert window.workspace.undo_label == "move the blend sliders"
    window.undo()
    assert view.sliders.sliders[Basis.PAY].value() == 0 and field.value() == 0


def test_the_sliders_are_large_enough_to_grab_in_front_of_a_room(window: MainWindow) -> None:
    window.show_tab(3)
    slider = window.tab("shares").sliders.sliders[Basis.ACTIVITY]
    handle = int(re.search(r"handle:horizontal \{[^}]*width: (\d+)px", slider.styleSheet()).group(1))
    assert slider.height() >= 40 and handle >= 26  # today: 32 px high with a 20 px handle


def test_the_board_paper_chart_has_value_labels_a_fitted_axis_and_a_full_title(window: MainWindow, tmp_path) -> None:
    window.show_tab(3)
    view = window.tab("shares")
    chart = VotingPowerChart(Figure())
    bars = power_bars(view.analysis)
    chart.draw(bars, value_labels=True)
    assert chart.axes.get_ylim()[1] < 100  # the tallest bar is about 26%: the axis fits the data
    labels = [t.get_text() for t in chart.axes.texts]
    assert len(labels) == 3 * len(bars) and f"{100 * bars[0].banzhaf:.1f}" in labels
    titles = view.chart_page.picture_titles(view.analysis)
    today = date.today()
    assert window.workspace.network.name in titles["title"]
    assert view.analysis.scenario.name in titles["title"] and f"{today:%B %Y}" in titles["title"]
    path = tmp_path / "chart.png"
    view.chart_page._ask_png_path = lambda: str(path)
    view.chart_page.save_button.click()
    assert path.stat().st_size > 10_000


def test_a_stale_refusal_clears_once_the_cell_holds_a_valid_value(window: MainWindow, qtbot) -> None:
    window.show_tab(0)
    net = window.tab("network")
    exams = window.workspace.network.partners[3].imaging_exams_per_year
    type_into_cell(net, qtbot, 3, "imaging_exams_per_year", "1,234.5")  # a slip: refused at the cell
    assert net.message.is_error and "whole number" in net.message.text()
    type_into_cell(net, qtbot, 3, "imaging_exams_per_year", f"{exams:,}")  # valid, and what it was: no edit
    assert window.workspace.network.partners[3].imaging_exams_per_year == exams
    assert not net.message.isVisible()  # today the refusal stays, though the cell is right


def test_a_stale_refusal_of_custom_votes_clears_once_they_are_valid(window: MainWindow, qtbot) -> None:
    window.show_tab(3)
    view = window.tab("shares")
    view.pages.setCurrentWidget(view.power_page)
    choose(qtbot, view.controls.method, "Custom: typed in")
    table, model = view.power_page.table, view.power_page.model
    cell = model.index(0, 1)
    before = model.data(cell)
    for typed, refused in (("-3", True), (str(before).replace(",", ""), False)):
        table.setFocus()
        table.setCurrentIndex(cell)
        qtbot.keyClick(table, Qt.Key.Key_F2)
        editor = table.indexWidget(cell)
        editor.selectAll()
        qtbot.keyClicks(editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # Qt commits next turn
        assert view.message.is_error is refused, (typed, view.message.text())
    assert model.data(cell) == before  # the same votes as before: nothing to write, yet the refusal is gone


def test_undo_brings_the_page_where_it_shows_into_view(window: MainWindow, qtbot) -> None:
    window.show_tab(3)
    view = window.tab("shares")
    qtbot.mouseClick(view.controls.veto_boxes["EMV"], Qt.MouseButton.LeftButton)
    view.pages.setCurrentWidget(view.scenarios)  # the facilitator went to the saved scenarios
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.pages.currentWidget() is view.power_page  # where the veto shows
    assert window.bars.feedback_text().startswith("Undone: ")
    view.scenarios.ask_name = lambda *_: "Kept for later"
    qtbot.mouseClick(view.scenarios.save_button, Qt.MouseButton.LeftButton)
    view.pages.setCurrentWidget(view.chart_page)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.pages.currentWidget() is view.scenarios  # the saved scenario was taken back there
