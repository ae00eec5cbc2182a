"""The Shares & votes tab driven as a facilitator would: sliders by mouse and keyboard, the vote and rule
controls, custom votes typed into the table; then the workspace, the file and an independent computation."""

from __future__ import annotations

import math
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QSlider, QStyle, QStyleOptionSlider

from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.ui.shares_votes.scenario_compare_model import GROUP_ROLE
from imagingnet_desktop.ui.shares_votes.shares_votes_tab import SharesVotesTab
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.workspace import Workspace
from shares_votes_helpers import (
    DEMO_ACTIVITY,
    DEMO_CODES,
    DEMO_ID,
    DEMO_PAY,
    BruteForceGame,
    basis_points,
    hundredths,
    one_dp,
    percent_text,
)

PROPORTIONAL = replace(Scenario(), vote_method=VoteMethod.PROPORTIONAL)



def open_tab(qtbot, workspace: Workspace) -> SharesVotesTab:
    tab = SharesVotesTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


@pytest.fixture
def tab(qtbot, workspace):
    widget = open_tab(qtbot, workspace)
    yield widget
    widget.detach()


@pytest.fixture
def proportional_tab(qtbot, workspace):
    shares_votes.set_working_scenario(workspace, PROPORTIONAL)
    widget = open_tab(qtbot, workspace)
    yield widget
    widget.detach()


def on_disk(workspace: Workspace) -> Scenario:
    """The working scenario as the file holds it, through a separate read-only connection."""
    reader = Workspace.open_read_only(workspace.path)
    try:
        return shares_votes.working_scenario(reader)
    finally:
        reader.close()


def handle_centre(slider: QSlider) -> QPoint:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    rect = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                         QStyle.SubControl.SC_SliderHandle, slider)
    return rect.center()


def cell(model, row: int, column_key) -> str:
    column = next(c for c in range(model.columnCount()) if model.key_at(c) == column_key)
    return model.data(model.index(row, column))


def power_column(view, key: str) -> int:
    model = view.power_page.model
    return next(c for c in range(model.columnCount()) if model.key_at(c) == key)


def bar_heights(view, series: str) -> list[float]:
    return [round(bar.get_height(), 6) for bar in view.chart_page.chart.bars[series]]


# ---------------------------------------------------------------------------- sliders


def test_dragging_a_slider_previews_live_and_release_commits_one_edit(proportional_tab, workspace, qtbot):
    view = proportional_tab
    view.pages.setCurrentWidget(view.chart_page)
    qtbot.waitUntil(lambda: view.chart_page.canvas.full_draws > 0)
    draws_before = view.chart_page.canvas.full_draws
    pay = view.sliders.sliders[Basis.PAY]
    before_blend = cell(view.shares_page.model, 0, "blend")
    before_votes = cell(view.power_page.model, 0, "votes")
    before_bars = bar_heights(view, "votes")
    undo_before = workspace.undo_label

    start = handle_centre(pay)
    QTest.mousePress(pay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 9):
        QTest.mouseMove(pay, QPoint(start.x() + step * 12, start.y()))
    qtbot.waitUntil(lambda: pay.value() > 0)
    # While dragging: shares, power table and chart show the candidate; nothing is written.
    assert pay.isSliderDown()
    assert cell(view.shares_page.model, 0, "blend") != before_blend
    assert cell(view.power_page.model, 0, "votes") != before_votes
    assert bar_heights(view, "votes") != before_bars
    assert view.chart_page.canvas.blits > 0
    assert view.chart_page.canvas.full_draws == draws_before  # bars only: no re-layout while dragging
    assert shares_votes.working_scenario(workspace).weight_map()[Basis.PAY] == 0
    assert workspace.undo_label == undo_before

    QTest.mouseRelease(pay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(start.x() + 8 * 12, start.y()))
    moved = pay.value()
    assert moved > 0
    assert shares_votes.working_scenario(workspace).weight_map()[Basis.PAY] == moved
    assert on_disk(workspace).weight_map()[Basis.PAY] == moved
    assert workspace.undo_label == "move the blend sliders"

    # The blend now sits between activity and pay, exactly as the weights say.
    weights = {Basis.ACTIVITY: 100, Basis.PAY: moved}
    expected = [(Fraction(a, sum(DEMO_ACTIVITY)) * 100 + Fraction(p, sum(DEMO_PAY)) * moved)
                / (100 + moved) * 100 for a, p in zip(DEMO_ACTIVITY, DEMO_PAY, strict=True)]
    shown = [Decimal(cell(view.shares_page.model, r, "blend")) for r in range(5)]
    assert all(abs(float(s) - float(e)) <= 0.006 for s, e in zip(shown, expected, strict=True))
    assert sum(shown) == Decimal("100.00")
    assert view.sliders.percent_labels[Basis.PAY].text() == f"{100 * moved / (100 + moved):.2f}%"
    assert weights[Basis.PAY] == moved

    workspace.undo()  # from the main window's Edit > Undo: the tab follows
    assert pay.value() == 0
    assert cell(view.shares_page.model, 0, "blend") == before_blend
    assert cell(view.power_page.model, 0, "votes") == before_votes
    assert bar_heights(view, "votes") == before_bars
    assert on_disk(workspace).weight_map()[Basis.PAY] == 0


def test_keyboard_reaches_the_sliders_and_commits_after_a_pause(tab, workspace, qtbot):
    view = tab
    activity, pay = view.sliders.sliders[Basis.ACTIVITY], view.sliders.sliders[Basis.PAY]
    activity.setFocus()
    qtbot.keyClick(activity, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.sliders.fields[Basis.ACTIVITY]  # the field to type its weight
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is pay
    for _ in range(3):
        qtbot.keyClick(pay, Qt.Key.Key_PageUp)  # 10 each
    # Shown at once, written once the keys stop.
    assert pay.value() == 30
    assert view.sliders.percent_labels[Basis.PAY].text() == f"{100 * 30 / 130:.2f}%"
    assert cell(view.shares_page.model, 0, "blend") != "33.32"
    assert shares_votes.working_scenario(workspace).weight_map()[Basis.PAY] == 0
    qtbot.waitUntil(lambda: shares_votes.working_scenario(workspace).weight_map()[Basis.PAY] == 30, timeout=3000)
    assert on_disk(workspace).weight_map()[Basis.PAY] == 30
    workspace.undo()
    assert pay.value() == 0 and on_disk(workspace).weight_map()[Basis.PAY] == 0
    assert workspace.undo_label is None  # the three key presses made one edit


def test_all_weights_zero_shows_no_basis_not_an_error(tab, workspace, qtbot):
    view = tab
    activity = view.sliders.sliders[Basis.ACTIVITY]
    activity.setFocus()
    qtbot.keyClick(activity, Qt.Key.Key_Home)
    view.sliders.flush()
    assert shares_votes.working_scenario(workspace).weight_map()[Basis.ACTIVITY] == 0
    assert cell(view.shares_page.model, 0, "blend") == "no basis"
    assert "Blend: The blend weights are all zero, so the blend has no basis." in view.shares_page.notes.text()
    assert view.sliders.percent_labels[Basis.ACTIVITY].text() == "—"
    assert cell(view.power_page.model, 0, "banzhaf") == "20.0%"  # equal votes still work


# ---------------------------------------------------------------------------- votes and rule


def choose(qtbot, combo, text: str) -> None:
    """Pick an item the way the keyboard does (arrow keys on the closed list)."""
    target = combo.findText(text)
    assert target >= 0, text
    combo.setFocus()
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def pick(qtbot, combo, text: str) -> None:
    """Pick an item with the mouse from the opened list."""
    target = combo.findText(text)
    assert target >= 0, text
    combo.showPopup()
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    rect = popup.visualRect(popup.model().index(target, 0))
    QTest.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert combo.currentIndex() == target


def type_into_spin(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_proportional_votes_with_a_75_percent_rule_match_brute_force(tab, workspace, qtbot):
    view = tab
    choose(qtbot, view.controls.method, "By shareholding")
    choose(qtbot, view.controls.rule, "Qualified majority")
    scenario = shares_votes.working_scenario(workspace)
    assert scenario.vote_method is VoteMethod.PROPORTIONAL
    assert scenario.rule_kind is RuleKind.QUALIFIED and scenario.qualified_percent == 75
    assert on_disk(workspace) == scenario

    votes = basis_points(DEMO_ACTIVITY)
    game = BruteForceGame(votes, quota=math.ceil(Fraction(3, 4) * sum(votes)))
    banzhaf, shapley = game.banzhaf(), game.shapley()
    model = view.power_page.model
    for row, code in enumerate(DEMO_CODES):
        assert cell(model, row, "partner") == code
        assert cell(model, row, "votes") == f"{votes[row]:,}"
        assert cell(model, row, "banzhaf") == one_dp(banzhaf[row])
        assert cell(model, row, "shapley") == one_dp(shapley[row])
        assert cell(view.shares_page.model, row, "blend") == percent_text(hundredths(DEMO_ACTIVITY)[row])
    assert list(view.analysis.power.banzhaf) == banzhaf  # exactly, not only to 1 dp
    assert list(view.analysis.power.shapley_shubik) == shapley

    expected = [f"⚠ {DEMO_CODES[i]} can block any decision on its own." for i in game.veto_players()]
    expected += [f"⚠ {DEMO_CODES[i]} can pass a decision alone." for i in game.solo()]
    expected += [f"⚠ {DEMO_CODES[i]} holds {100 * votes[i] / sum(votes):.2f}% of the votes but can never change "
                 "an outcome under this rule." for i in game.null_players()]
    for i in range(5):
        gap = 100 * (float(banzhaf[i]) - votes[i] / sum(votes))
        if i not in game.veto_players() and i not in game.null_players() and abs(gap) >= 10:
            expected.append(f"⚠ {DEMO_CODES[i]} holds")
    shown = [line for line in view.warnings.lines() if line.startswith("⚠")]
    assert len(shown) == len(expected)
    assert all(s.startswith(e) for s, e in zip(shown, expected, strict=True))
    assert expected[0] == "⚠ NSH can block any decision on its own."  # the demo: NSH alone holds over 25%
    assert cell(model, 0, "note") == "Can block alone"
    assert f"passes with {game.quota:,} of {sum(votes):,} votes" in view.warnings.text()

    workspace.undo()
    assert view.controls.rule.currentText().startswith("Simple majority")
    workspace.undo()
    assert view.controls.method.currentText().startswith("Equal")
    assert on_disk(workspace) == Scenario()


def test_a_rule_nobody_can_meet_is_refused_with_the_reason_and_changes_nothing(tab, workspace, qtbot):
    view = tab
    before, undo_before = on_disk(workspace), workspace.undo_label
    type_into_spin(qtbot, view.controls.min_partners, "6")
    assert view.message.is_error
    assert "at least 6 partners but there are only 5" in view.message.text()
    assert view.controls.min_partners.value() == 0  # the control is put back
    assert on_disk(workspace) == before and workspace.undo_label == undo_before

    choose(qtbot, view.controls.rule, "Qualified majority")
    type_into_spin(qtbot, view.controls.percent, "120")
    assert "at most 100%" in view.message.text()
    assert view.controls.percent.text() == "75%"
    assert shares_votes.working_scenario(workspace).qualified_percent == 75

    type_into_spin(qtbot, view.controls.percent, "60")
    assert not view.message.is_error
    assert on_disk(workspace).qualified_percent == 60


@pytest.mark.parametrize(("typed", "stored", "shown"), [
    ("two-thirds", Fraction(2, 3), "2/3"), ("2/3", Fraction(2, 3), "2/3"), ("three-quarters", Fraction(3, 4), "75%"),
    ("at least 66.67%", Fraction(6667, 10000), "66.67%"),
])
def test_a_qualified_majority_is_typed_as_a_board_writes_it_and_kept_exact(tab, workspace, qtbot, typed, stored,
                                                                          shown):
    view = tab
    choose(qtbot, view.controls.rule, "Qualified majority")
    type_into_spin(qtbot, view.controls.percent, typed)
    assert not view.message.is_error
    assert on_disk(workspace).qualified == stored
    assert view.controls.percent.text() == shown


def test_a_qualified_majority_of_half_or_less_is_refused_with_the_reason(tab, workspace, qtbot):
    view = tab
    choose(qtbot, view.controls.rule, "Qualified majority")
    type_into_spin(qtbot, view.controls.percent, "30%")
    assert view.message.is_error and "could both pass" in view.message.text()
    assert on_disk(workspace).qualified == Fraction(3, 4)
    assert view.controls.percent.text() == "75%"


def test_unanimity_clears_vetoes_and_a_veto_partner_shows_in_the_warnings(tab, workspace, qtbot):
    view = tab
    box = view.controls.veto_boxes["WBK"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert shares_votes.working_scenario(workspace).veto_partner_ids == (DEMO_ID["WBK"],)
    assert "⚠ WBK can block any decision on its own." in view.warnings.lines()
    choose(qtbot, view.controls.rule, "Unanimity")
    scenario = shares_votes.working_scenario(workspace)
    assert scenario.rule_kind is RuleKind.UNANIMITY and scenario.veto_partner_ids == ()
    assert not box.isEnabled() and not box.isChecked()
    assert "⚠ Any single partner can block a decision." in view.warnings.lines()


def test_custom_votes_are_typed_in_the_table_and_bad_ones_refused_at_the_cell(tab, workspace, qtbot):
    view = tab
    view.pages.setCurrentWidget(view.power_page)
    pick(qtbot, view.controls.method, "Custom: typed in")
    assert shares_votes.working_scenario(workspace).custom_votes == tuple((DEMO_ID[c], 1) for c in DEMO_CODES)
    table, model = view.power_page.table, view.power_page.model
    votes_column = power_column(view, "votes")

    def type_votes(row: int, text: str) -> None:
        table.setFocus()
        index = model.index(row, votes_column)
        table.setCurrentIndex(index)
        qtbot.keyClick(table, Qt.Key.Key_F2)
        editor = table.indexWidget(index)
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # Qt commits on the next turn

    type_votes(0, "3")
    assert shares_votes.working_scenario(workspace).custom_vote_map()[DEMO_ID["NSH"]] == 3
    game = BruteForceGame([3, 1, 1, 1, 1], quota=4)  # more than half of 7
    assert cell(model, 0, "banzhaf") == one_dp(game.banzhaf()[0])
    assert cell(model, 0, "shapley") == one_dp(game.shapley()[0])

    undo_before = workspace.undo_label
    type_votes(1, "-2")
    assert view.message.is_error and "cannot be negative" in view.message.text()
    type_votes(1, "two")
    assert "whole number" in view.message.text()
    assert on_disk(workspace).custom_vote_map()[DEMO_ID["EMV"]] == 1 and workspace.undo_label == undo_before
    assert table.currentIndex().row() == 1  # the refused cell stays current


# ---------------------------------------------------------------------------- scenarios


def test_save_two_scenarios_compare_them_mark_one_agreed_and_undo_each(proportional_tab, workspace, qtbot):
    view = proportional_tab
    panel = view.scenarios
    view.pages.setCurrentWidget(panel)
    names = iter(["Activity, majority", "Activity, 75%"])
    panel.ask_name = lambda *_: next(names)

    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    choose(qtbot, view.controls.rule, "Qualified majority")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    saved = shares_votes.saved_scenarios(workspace)
    assert [s.scenario.name for s in saved] == ["Activity, majority", "Activity, 75%"]
    model = panel.compare_model
    assert model.scenario_count() == 2 and model.rowCount() == len(DEMO_ACTIVITY)  # a row per partner
    header = [model.headerData(model.column_of(n, "vote_share"), Qt.Orientation.Horizontal,
                               GROUP_ROLE)[0] for n in range(2)]
    assert header == ["Activity, majority", "Activity, 75%"]
    # The 75% column agrees with brute force for NSH's Banzhaf power.
    votes = basis_points(DEMO_ACTIVITY)
    strict = BruteForceGame(votes, quota=math.ceil(Fraction(3, 4) * sum(votes)))
    majority = BruteForceGame(votes, quota=sum(votes) // 2 + 1)
    assert model.cell(0, model.column_of(0, "banzhaf"))[0] == one_dp(majority.banzhaf()[0])
    assert model.cell(0, model.column_of(1, "banzhaf"))[0] == one_dp(strict.banzhaf()[0])

    panel.select(saved[1].id)
    qtbot.mouseClick(panel.agreed_button, Qt.MouseButton.LeftButton)
    assert shares_votes.agreed_scenario(workspace).name == "Activity, 75%"
    assert model.headerData(model.column_of(1, "banzhaf"), Qt.Orientation.Horizontal,
                            GROUP_ROLE)[0] == "★ AGREED Activity, 75%"
    # The other scenario's figures now say how far they are from the agreed one, in points.
    figure, difference = model.cell(0, model.column_of(0, "banzhaf"))
    expected = round(100 * float(majority.banzhaf()[0]), 1) - round(100 * float(strict.banzhaf()[0]), 1)
    assert difference == f"{'+' if expected > 0 else '−'}{abs(expected):.1f} pts"
    assert model.cell(0, model.column_of(1, "banzhaf"))[1] is None
    assert panel.list.item(1).text().startswith("★ AGREED")
    assert panel.agreed_button.text().replace("&", "") == "Clear agreed mark"

    # Put the first back on the sliders.
    panel.select(saved[0].id)
    qtbot.mouseClick(panel.load_button, Qt.MouseButton.LeftButton)
    assert view.controls.rule.currentText().startswith("Simple majority")
    assert on_disk(workspace).rule_kind is RuleKind.SIMPLE_MAJORITY

    workspace.undo()  # load
    assert view.controls.rule.currentText() == "Qualified majority"
    workspace.undo()  # agreed
    assert shares_votes.agreed_scenario(workspace) == shares_votes.AGREED_DEFAULT
    assert not panel.list.item(1).text().startswith("★")
    workspace.undo()  # second save
    assert panel.compare_model.scenario_count() == 1 and panel.list.count() == 1
    workspace.undo()  # rule
    workspace.undo()  # first save
    assert panel.list.count() == 0
    reader = Workspace.open_read_only(workspace.path)
    try:
        assert shares_votes.saved_scenarios(reader) == ()
    finally:
        reader.close()


def test_no_more_than_four_are_compared_and_rename_and_delete_are_undoable(tab, workspace, qtbot):
    view = tab
    panel = view.scenarios
    view.pages.setCurrentWidget(panel)
    for number in range(5):
        panel.ask_name = lambda *_, n=number: f"Option {n}"
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.compare_model.scenario_count() == 4  # the fifth is saved but not compared
    fifth = panel.list.item(4)
    fifth.setCheckState(Qt.CheckState.Checked)  # as a click on its box does
    assert "Up to 4 scenarios can be compared side by side; untick one first." in view.message.text()
    assert fifth.checkState() == Qt.CheckState.Unchecked and len(shares_votes.compared_ids(workspace)) == 4

    panel.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert panel.compare_model.scenario_count() == 3
    workspace.undo()
    assert panel.compare_model.scenario_count() == 4 and panel.list.item(0).checkState() == Qt.CheckState.Checked

    panel.select(shares_votes.saved_scenarios(workspace)[0].id)
    panel.ask_name = lambda *_: "Option 1"  # taken
    qtbot.mouseClick(panel.rename_button, Qt.MouseButton.LeftButton)
    assert view.message.is_error and "already a scenario called" in view.message.text()
    panel.ask_name = lambda *_: "Tŷ Cymru & <Partners>"
    qtbot.mouseClick(panel.rename_button, Qt.MouseButton.LeftButton)
    assert panel.list.item(0).text() == "Tŷ Cymru & <Partners>"
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.list.count() == 4 and "Deleted" in view.message.text()
    workspace.undo()
    workspace.undo()
    assert panel.list.item(0).text() == "Option 0"


# ---------------------------------------------------------------------------- figures and working


def test_missing_figures_say_who_lacks_what_and_what_it_does(tab, workspace, qtbot):
    from imagingnet_desktop.workspace.network.partner_commands import edit_partner_field

    view = tab
    emv = workspace.network.partners[1]
    edit_partner_field(workspace, emv.id, "pay_cost_gbp", "")
    for partner in workspace.network.partners:
        edit_partner_field(workspace, partner.id, "going_concern_value_gbp", "")
    model = view.shares_page.model
    assert cell(model, 1, Basis.PAY) == "no figure"
    assert cell(model, 0, Basis.VALUATION) == "no basis"
    notes = view.shares_page.notes.text()
    assert "Pay: EMV has no pay figure: the pay basis gives it 0% and cannot be relied on." in notes
    assert "Going-concern value: No partner has a going-concern value figure yet." in notes
    assert view.shares_page.notes.isVisible()
    assert any("missing" in line for line in view.warnings.lines())


def test_every_figure_shows_its_working(proportional_tab, workspace, qtbot):
    view = proportional_tab
    view.pages.setCurrentWidget(view.power_page)
    table, model = view.power_page.table, view.power_page.model
    votes = basis_points(DEMO_ACTIVITY)
    game = BruteForceGame(votes, quota=sum(votes) // 2 + 1)
    swings = game.swings()

    index = model.index(0, power_column(view, "banzhaf"))
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      table.visualRect(index).center())
    dialog = view.working_dialog
    assert dialog is not None and dialog.isVisible()
    assert (f"Banzhaf: NSH is a swing in {swings[0]} of the {sum(swings)} swings in all "
            f"→ {one_dp(game.banzhaf()[0])}") in dialog.text()
    dialog.close()

    table.setFocus()
    table.setCurrentIndex(model.index(4, power_column(view, "shapley")))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    pivots = game.pivots()
    assert f"WBK is pivotal in {pivots[4]} of 120 orderings" in view.working_dialog.text()
    view.working_dialog.close()

    view.pages.setCurrentWidget(view.shares_page)
    shares_table = view.shares_page.table
    shares_table.setCurrentIndex(view.shares_page.model.index(0, 1))  # NSH, activity
    qtbot.mouseClick(view.shares_page.working_button, Qt.MouseButton.LeftButton)
    text = view.working_dialog.text()
    assert "684,000" in text and f"{sum(DEMO_ACTIVITY):,}" in text and "33.32%" in text
    view.working_dialog.close()
    shares_table.setCurrentIndex(view.shares_page.model.index(0, 6))  # the blend
    qtbot.mouseClick(view.shares_page.working_button, Qt.MouseButton.LeftButton)
    assert "share = 100.00% × Activity (examinations)" in view.working_dialog.text()


# ---------------------------------------------------------------------------- models


@pytest.mark.parametrize("which", ["shares", "power", "compare"])
def test_each_table_model_passes_the_qt_model_tester(proportional_tab, workspace, qtmodeltester, which):
    view = proportional_tab
    shares_votes.save_scenario(workspace, "One")
    shares_votes.save_scenario(workspace, "Two")
    model = {"shares": view.shares_page.model, "power": view.power_page.model,
             "compare": view.scenarios.compare_model}[which]
    assert model.rowCount() > 0 and model.columnCount() > 0
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected: every later signal is checked too.
    shares_votes.set_working_scenario(workspace, replace(PROPORTIONAL, weights=((Basis.PAY, 40),)))
    shares_votes.set_working_scenario(workspace, replace(PROPORTIONAL, vote_method=VoteMethod.CUSTOM))
    shares_votes.save_scenario(workspace, "Three")
    workspace.undo()
    view.preview_weights(tuple((b, 10) for b in Basis))


def test_adding_a_partner_elsewhere_reaches_every_part_of_the_tab(tab, workspace, qtbot):
    from imagingnet_desktop.workspace.network.partner_commands import add_partner

    view = tab
    partner = add_partner(workspace)
    assert view.shares_page.model.rowCount() == 7  # six partners and the total
    assert view.power_page.model.rowCount() == 7
    assert partner.code in view.controls.veto_boxes
    assert view.chart_page.chart.codes[-1] == partner.code
    workspace.undo()
    assert view.shares_page.model.rowCount() == 6 and partner.code not in view.controls.veto_boxes


def test_a_read_only_workspace_can_be_looked_at_but_not_changed(workspace, qtbot):
    shares_votes.set_working_scenario(workspace, PROPORTIONAL)
    reader = Workspace.open_read_only(workspace.path)
    try:
        tab = open_tab(qtbot, reader)
        view = tab
        assert not view.sliders.sliders[Basis.PAY].isEnabled()
        assert not view.controls.method.isEnabled()
        assert not view.scenarios.save_button.isEnabled()
        assert cell(view.power_page.model, 0, "votes") == f"{basis_points(DEMO_ACTIVITY)[0]:,}"
        tab.detach()
    finally:
        reader.close()


def test_the_tab_is_built_on_first_show_only(workspace, qtbot):
    from imagingnet_desktop.ui.shell.tab_host import TabHost
    from imagingnet_desktop.ui.shell.tab_specs import TABS

    host = TabHost(next(spec for spec in TABS if spec.key == "shares"), workspace)
    qtbot.addWidget(host)
    assert host.layout().count() == 0
    shares_votes.set_working_scenario(workspace, PROPORTIONAL)  # before it is built: shown once it is
    host.show()
    qtbot.waitExposed(host)
    tab = host.content()
    assert isinstance(tab, SharesVotesTab) and host.layout().count() == 1
    assert tab.controls.method.currentText() == "By shareholding"
    tab.detach()


def test_a_blend_with_no_basis_stops_proportional_votes_and_says_so(proportional_tab, workspace, qtbot):
    view = proportional_tab
    activity = view.sliders.sliders[Basis.ACTIVITY]
    activity.setFocus()
    qtbot.keyClick(activity, Qt.Key.Key_Home)  # the only weighted basis goes to zero
    view.sliders.flush()  # a slider move is always kept: its consequence is shown, not refused
    assert on_disk(workspace).weight_map()[Basis.ACTIVITY] == 0
    problem = next(line for line in view.warnings.lines() if line.startswith("✖"))
    assert "Votes in proportion to the blend cannot be set" in problem and "all zero" in problem
    assert cell(view.power_page.model, 0, "banzhaf") == "—"
    choose(qtbot, view.controls.method, "Equal: one each")  # a way out is allowed
    assert not any(line.startswith("✖") for line in view.warnings.lines())


def test_the_context_menu_shows_the_working(proportional_tab, qtbot):
    from PySide6.QtWidgets import QMenu

    view = proportional_tab
    view.pages.setCurrentWidget(view.power_page)
    table = view.power_page.table
    index = view.power_page.model.index(1, power_column(view, "vote_share"))
    table.customContextMenuRequested.emit(table.visualRect(index).center())
    menu = table.findChildren(QMenu)[-1]
    assert [a.text() for a in menu.actions()] == ["Show working"]
    menu.actions()[0].trigger()
    votes = basis_points(DEMO_ACTIVITY)
    assert f"EMV holds {votes[1]:,} of the {sum(votes):,} votes" in view.working_dialog.text()


def test_a_deleted_veto_partner_takes_its_veto_with_it_and_undo_brings_both_back(workspace, qtbot):
    from imagingnet_desktop.workspace.network.partner_commands import delete_partners

    shares_votes.set_working_scenario(workspace, replace(Scenario(), veto_partner_ids=(DEMO_ID["WBK"],)))
    tab = open_tab(qtbot, workspace)
    view = tab
    assert view.controls.veto_boxes["WBK"].isChecked()
    delete_partners(workspace, [DEMO_ID["WBK"]])  # a veto belongs to its partner: nothing to ask
    assert on_disk(workspace).veto_partner_ids == ()
    assert "WBK" not in view.controls.veto_boxes
    assert not any(line.startswith("✖") for line in view.warnings.lines())
    assert not any("WBK" in line for line in view.warnings.lines())
    workspace.undo()
    assert on_disk(workspace).veto_partner_ids == (DEMO_ID["WBK"],)
    assert view.controls.veto_boxes["WBK"].isChecked()
    assert "⚠ WBK can block any decision on its own." in view.warnings.lines()
    tab.detach()


def test_the_working_of_the_spread_and_the_gain_shows_its_sums(workspace):
    from imagingnet_desktop.ui.shares_votes.working import share_working

    table = shares_votes.analyse_scenario(workspace, Scenario()).table
    nsh = workspace.network.partners[0].id
    spread = share_working(table, "spread", nsh).text
    # NSH's lowest share is on activity (33.32%), its highest on going-concern value (40.50%).
    assert "Lowest: 33.32% (Activity (examinations))" in spread
    assert "Highest: 40.50% (Going-concern value)" in spread
    assert "40.50% − 33.32% = 7.18 percentage points" in spread
    gain = share_working(table, "gain", nsh).text
    assert "1/5 = 20.0000%" in gain and "+13.32 percentage points" in gain
    pay = share_working(table, Basis.PAY, nsh).text
    assert f"£{DEMO_PAY[0]:,} ÷ £{sum(DEMO_PAY):,}" in pay and "shown as 36.44%" in pay
