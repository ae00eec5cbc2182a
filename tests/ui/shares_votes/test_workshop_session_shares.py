"""Shares & votes as a facilitator drives it in a workshop: each test is a slip or a sequence that once went wrong.

Each drives the real main window (keyboard, mouse, the Edit menu's shortcuts) and then checks the screen, the
workspace and the file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace

from PySide6.QtCore import Qt

from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.shares_votes.display_text import coalition_list
from imagingnet_desktop.ui.shares_votes.pages import CHART_FONT
from imagingnet_desktop.ui.shares_votes.warnings_panel import ALL_CLEAR
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.workspace import Workspace
from workshop_helpers import (
    choose,
    click_row,
    network_tab,
    open_window,
    power_cell,
    press,
    report_json,
    shares_view,
    type_into_cell,
)


def working_on_disk(path) -> Scenario:
    reader = Workspace.open_read_only(path)
    try:
        return shares_votes.working_scenario(reader)
    finally:
        reader.close()


def column_fits(table, column: int) -> bool:
    """Every cell's text (and the heading) fits its column: nothing shown as "4,5…"."""
    header = table.horizontalHeader()
    return header.sectionSize(column) >= max(table.sizeHintForColumn(column), header.sectionSizeHint(column))


# ---------------------------------------------------------------------------- what the room reads


def test_votes_in_thousands_and_no_basis_fit_their_columns(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    view = shares_view(window)
    view.pages.setCurrentWidget(view.power_page)
    choose(qtbot, view.controls.method, "By shareholding")  # votes from "1" to "3,332"; the total to "10,001"
    assert power_cell(view, 5, "votes") == "10,001"  # each share rounded on its own: no round total
    assert column_fits(view.power_page.table, 1)
    view.pages.setCurrentWidget(view.shares_page)
    activity = view.sliders.sliders[Basis.ACTIVITY]
    activity.setFocus()
    qtbot.keyClick(activity, Qt.Key.Key_Home)  # every weight 0: the blend has no basis
    view.sliders.flush()
    model = view.shares_page.model
    blend = next(c for c in range(model.columnCount()) if model.key_at(c) == "blend")
    assert model.data(model.index(0, blend)) == "no basis"
    assert column_fits(view.shares_page.table, blend)


def test_a_partner_left_with_no_votes_is_named_not_given_the_all_clear(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    type_into_cell(network_tab(window), qtbot, 1, "pay_cost_gbp", "")  # EMV's pay not known yet
    view = shares_view(window)
    choose(qtbot, view.controls.method, "By shareholding")
    pay, activity = view.sliders.sliders[Basis.PAY], view.sliders.sliders[Basis.ACTIVITY]
    pay.setFocus()
    qtbot.keyClick(pay, Qt.Key.Key_End)
    activity.setFocus()
    qtbot.keyClick(activity, Qt.Key.Key_Home)  # votes follow pay alone
    view.sliders.flush()
    assert power_cell(view, 1, "votes") == "0"
    lines = view.warnings.lines()
    assert "⚠ EMV holds no votes, so it can never change an outcome." in lines
    assert not any(ALL_CLEAR in line for line in lines)  # "every partner's vote can count" would be false
    shares_votes.save_scenario(window.workspace, "Votes by pay")
    shares_votes.mark_agreed(window.workspace, shares_votes.saved_scenarios(window.workspace)[0].id)
    voting = report_json(window.workspace.path)["voting"]  # the report says what the screen says
    assert voting["votes"]["EMV"] == 0 and voting["null_players"] == ["EMV"]
    assert "EMV holds no votes, so it can never change an outcome." in voting["warnings"]


PRESENTATION_SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.workspace.network.partner_import import create_demo

folder = Path(sys.argv[1])
app = QApplication(["imagingnet"])
theme.apply(app)  # as the app starts itself
create_demo(folder / "demo.imagingnet").close()
window = MainWindow(AppSettings.in_file(folder / "settings.ini"), remember=False)
window.resize(1280, 720)
window.show()
window.open_path(folder / "demo.imagingnet")
window.show_tab(3)
view = window.tab("shares")
label = view.sliders.percent_labels[Basis.ACTIVITY]
tabs = view.pages.tabBar().sizeHint().height()

def measure():
    print(json.dumps({"view_font": view.font().pointSizeF(), "label": label.text(), "label_width": label.width(),
                      "label_needs": label.fontMetrics().horizontalAdvance(label.text()),
                      "page_tabs": [tabs, view.pages.tabBar().sizeHint().height()],
                      "chart_font": view.chart_page.chart.font_size}))
    window.close()
    app.quit()

QTimer.singleShot(200, lambda: window.set_presentation_mode(True))
QTimer.singleShot(1200, measure)
app.exec()
"""


def test_presentation_mode_scales_the_pages_and_keeps_100_percent_readable(tmp_path):
    # In its own process, started as the app starts: how the fonts reach the tabs depends on that order.
    done = subprocess.run([sys.executable, "-c", PRESENTATION_SCRIPT, str(tmp_path)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["view_font"] == theme.BASE_POINT_SIZE * theme.PRESENTATION_SCALE  # the tab follows the type
    assert seen["label"] == "100.00%" and seen["label_width"] >= seen["label_needs"]  # never clipped to "00.0%"
    before, after = seen["page_tabs"]
    assert after > before * 1.2  # the page tabs grow with the type
    assert seen["chart_font"] == CHART_FONT * theme.PRESENTATION_SCALE  # and so does the chart's


def test_five_blocking_groups_are_all_listed_rather_than_one_left_as_and_1_more():
    groups = [["NSH"], ["EMV"], ["KBD"], ["SMC"], ["WBK"]]
    assert coalition_list(groups, 5) == "NSH alone; EMV alone; KBD alone; SMC alone; WBK alone"
    assert coalition_list(groups[:4], 6).endswith("; and 2 more")  # more than one left over: still counted


def test_a_percentage_refused_is_written_as_typed(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    view = shares_view(window)
    choose(qtbot, view.controls.rule, "Qualified majority")
    spin = view.controls.percent
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "150")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert "not 150%" in view.message.text() and "E+" not in view.message.text()
    assert working_on_disk(window.workspace.path).qualified_percent == 75


# ---------------------------------------------------------------------------- edits that must not go astray


def test_ctrl_z_straight_after_a_keyboard_slider_step_undoes_that_step_only(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    view = shares_view(window)
    choose(qtbot, view.controls.rule, "Qualified majority")
    pay = view.sliders.sliders[Basis.PAY]
    pay.setFocus()
    qtbot.keyClick(pay, Qt.Key.Key_PageUp)
    assert view.sliders.pending  # the step waits for a pause before it is written
    press(window, "Ctrl+Z")  # ... but the facilitator changes their mind at once
    qtbot.wait(600)  # longer than the pause: nothing is left to arrive late
    on_disk = working_on_disk(window.workspace.path)
    assert on_disk.rule_kind is RuleKind.QUALIFIED  # the edit before it is untouched
    assert on_disk.weight_map()[Basis.PAY] == 0 and pay.value() == 0
    assert window.actions_.redo.text().replace("&", "") == "Redo move the blend sliders"
    press(window, "Ctrl+Y")
    assert working_on_disk(window.workspace.path).weight_map()[Basis.PAY] == 10


def test_a_slider_step_still_pending_is_kept_when_another_workspace_is_opened(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    first = window.workspace.path
    second = tmp_path / "second.imagingnet"
    second.write_bytes(first.read_bytes())
    view = shares_view(window)
    pay = view.sliders.sliders[Basis.PAY]
    pay.setFocus()
    qtbot.keyClick(pay, Qt.Key.Key_PageUp)
    assert window.open_path(second)
    qtbot.wait(600)
    assert working_on_disk(first).weight_map()[Basis.PAY] == 10
    assert window.errors == []


def test_correcting_a_partner_code_keeps_its_veto_and_custom_votes(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    workspace = window.workspace
    view = shares_view(window)
    choose(qtbot, view.controls.method, "Custom: typed in")
    model = view.power_page.model
    assert model.setData(model.index(3, 1), "5")  # SMC: 5 votes
    view.controls.veto_boxes["SMC"].click()
    shares_votes.save_scenario(workspace, "SMC holds a veto")
    shares_votes.mark_agreed(workspace, shares_votes.saved_scenarios(workspace)[0].id)

    smc = workspace.network.partners[3].id
    type_into_cell(network_tab(window), qtbot, 3, "code", "SMH")  # the code was mistyped
    working = working_on_disk(workspace.path)  # scenarios name the partner by id: nothing in them changed
    assert working.veto_partner_ids == (smc,) and working.custom_vote_map()[smc] == 5
    assert workspace.network.partner(smc).code == "SMH"
    view = shares_view(window)
    assert power_cell(view, 3, "votes") == "5"
    assert "; SMH holds a veto — passes with" in view.warnings.lines()[0]
    assert not any(line.startswith("✖") for line in view.warnings.lines())
    assert list(view.controls.veto_boxes) == ["NSH", "EMV", "KBD", "SMH", "WBK"]
    report = report_json(workspace.path)["voting"]  # the agreed scenario followed the code too
    assert report["rule"]["veto"] == ["SMH"] and report["votes"]["SMH"] == 5 and report["problem"] is None

    assert window.actions_.undo.text().replace("&", "") == "Undo edit SMC Code"
    press(window, "Ctrl+Z")  # one step puts the code, the veto and the votes back
    working = working_on_disk(workspace.path)
    assert workspace.network.partners[3].code == "SMC"
    assert working.veto_partner_ids == (smc,) and working.custom_vote_map()[smc] == 5
    assert shares_votes.saved_scenarios(workspace)[0].scenario.veto_partner_ids == (smc,)
    assert list(shares_view(window).controls.veto_boxes) == ["NSH", "EMV", "KBD", "SMC", "WBK"]


def test_deleting_a_veto_partner_takes_its_veto_and_keeps_the_others_custom_votes(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    workspace = window.workspace
    nsh, emv, kbd, smc, wbk = (p.id for p in workspace.network.partners)
    custom = ((nsh, 40), (emv, 30), (kbd, 20), (smc, 7), (wbk, 3))
    shares_votes.set_working_scenario(workspace, replace(
        Scenario(), vote_method=VoteMethod.CUSTOM, custom_votes=custom, veto_partner_ids=(smc,)))
    net = network_tab(window)
    click_row(net, qtbot, 3)
    qtbot.keyClick(net.table, Qt.Key.Key_Delete)  # no question: SMC's veto and votes go with it
    assert [p.code for p in workspace.network.partners] == ["NSH", "EMV", "KBD", "WBK"]
    assert working_on_disk(workspace.path).veto_partner_ids == ()

    view = shares_view(window)
    assert not any(line.startswith("✖") for line in view.warnings.lines())
    assert [power_cell(view, r, "votes") for r in range(5)] == ["40", "30", "20", "3", "93"]
    model = view.power_page.model
    assert model.setData(model.index(0, 1), "45")  # the room agrees NSH has 45: the others stay as they were
    assert working_on_disk(workspace.path).custom_vote_map() == {nsh: 45, emv: 30, kbd: 20, wbk: 3}
    press(window, "Ctrl+Z")
    press(window, "Ctrl+Z")  # SMC back, with its veto and its 7 votes
    working = working_on_disk(workspace.path)
    assert working.veto_partner_ids == (smc,) and working.custom_vote_map()[smc] == 7
    assert window.errors == []


def test_undo_clears_a_notice_that_offered_the_undo(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    workspace = window.workspace
    shares_votes.save_scenario(workspace, "Equal votes")
    view = shares_view(window)
    view.pages.setCurrentWidget(view.scenarios)
    view.scenarios.list.setCurrentRow(0)
    view.scenarios.delete_button.click()
    assert view.message.text() == "ℹ  Deleted “Equal votes” — Ctrl+Z to undo"
    press(window, "Ctrl+Z")
    assert [s.scenario.name for s in shares_votes.saved_scenarios(workspace)] == ["Equal votes"]
    assert view.message.text() == ""  # not still saying it was deleted, inviting a second Ctrl+Z

    net = network_tab(window)
    click_row(net, qtbot, 1)
    qtbot.keyClick(net.table, Qt.Key.Key_Delete)
    assert net.message.text() == "ℹ  Deleted EMV — Ctrl+Z to undo"
    press(window, "Ctrl+Z")
    assert [p.code for p in workspace.network.partners][1] == "EMV"
    assert net.message.text() == ""


def test_the_agreed_scenarios_full_name_heads_its_column(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    workspace = window.workspace
    names = ["Equal votes", "By activity 75%", "Activity and pay blend with a qualified majority", "Custom"]
    for name in names:
        shares_votes.save_scenario(workspace, name)
    shares_votes.mark_agreed(workspace, shares_votes.saved_scenarios(workspace)[1].id)
    view = shares_view(window)
    view.pages.setCurrentWidget(view.scenarios)
    panel = view.scenarios
    qtbot.wait(50)  # the headings are laid out again once the columns have their widths
    header = panel.compare.horizontalHeader()
    model = panel.compare_model
    firsts = [model.column_of(n, "vote_share") for n in range(4)]
    headings = [header.group_text(c) for c in firsts]  # as painted across each scenario's three columns
    assert headings[1] == "★ AGREED By activity 75%"
    assert " ".join(headings[2].split()) == names[2]  # wrapped over lines, not cut short
    for first, heading in zip(firsts, headings, strict=True):
        width = sum(header.sectionSize(c) for c in range(first, first + 3))
        for line in heading.split("\n"):
            assert header.fontMetrics().horizontalAdvance(line) <= width, line
