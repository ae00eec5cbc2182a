"""A workshop and the programme office's work between workshops, scripted end to end on the real main window.

Each test follows one person through a realistic session and checks, as they go, what the screens show, what the
workspace holds, what the file holds after the app has closed, and that ``imagingnet report`` says the same.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from file_checks import network_in_file
from imagingnet_desktop.domain.network.partner import TEMPLATE_HEADER
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.resources import resource
from imagingnet_desktop.ui.shell.dialogs import ImportProblemsDialog
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
    report_text,
    shares_view,
    type_into_cell,
)


def codes(network) -> list[str]:
    return [p.code for p in network.partners]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # as Excel saves "CSV UTF-8"
        csv.writer(handle).writerows([list(TEMPLATE_HEADER), *rows])
    return path


def demo_rows() -> list[list[str]]:
    return [list(r) for r in csv.reader(resource("demo-network.csv").read_text(encoding="utf-8-sig").splitlines())][1:]


def test_a_partnership_board_workshop(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    path = window.workspace.path
    net = network_tab(window)

    # The network gets its agreed name; figures are corrected as the directors read them out.
    net.name_edit.setFocus()
    net.name_edit.selectAll()
    qtbot.keyClicks(net.name_edit, "North & East <Imaging> Network")
    qtbot.keyClick(net.name_edit, Qt.Key.Key_Return)
    assert window.windowTitle() == "North & East <Imaging> Network — demo.imagingnet — ImagingNet Desktop"
    type_into_cell(net, qtbot, 0, "pay_cost_gbp", "£31,000,000")
    type_into_cell(net, qtbot, 1, "staff_vacancy_rate_pct", "12.5%")
    type_into_cell(net, qtbot, 2, "going_concern_value_gbp", "")  # not known yet
    type_into_cell(net, qtbot, 3, "imaging_exams_per_year", "1,234.5")  # a slip: refused at the cell
    assert "SMC: Exams / year must be a whole number" in net.message.text()
    partners = window.workspace.network.partners
    assert partners[0].pay_cost_gbp == 31_000_000 and partners[1].staff_vacancy_rate_pct == Decimal("12.5")
    assert partners[2].going_concern_value_gbp is None and partners[3].imaging_exams_per_year == 320_000

    # A sixth trust joins: added, filled in, moved up beside its neighbours.
    net.table.setFocus()
    qtbot.keyClick(net.table, Qt.Key.Key_Insert)
    for field, typed in (("code", "RVH"), ("name", "Riverside & Vale Hospitals ŵ"), ("population_served", "310,000"),
                         ("imaging_exams_per_year", "150000"), ("pay_cost_gbp", "£6,200,000")):
        type_into_cell(net, qtbot, 5, field, typed)
    click_row(net, qtbot, 5)
    qtbot.keyClick(net.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert codes(window.workspace.network) == ["NSH", "EMV", "KBD", "SMC", "RVH", "WBK"]

    # Shares & votes follows every edit; an undo there takes back the Network tab's last edit.
    view = shares_view(window)
    assert [view.shares_page.model.data(view.shares_page.model.index(r, 0)) for r in range(6)] == [
        "NSH", "EMV", "KBD", "SMC", "RVH", "WBK"]
    assert window.actions_.undo.text().replace("&", "") == "Undo move RVH"
    press(window, "Ctrl+Z")
    assert codes(window.workspace.network)[4:] == ["WBK", "RVH"]
    assert view.shares_page.model.data(view.shares_page.model.index(4, 0)) == "WBK"
    press(window, "Ctrl+Shift+Z")
    assert codes(window.workspace.network)[4] == "RVH"

    # Votes by shareholding, a 75% qualified majority and a veto; saved, compared, one agreed.
    choose(qtbot, view.controls.method, "By shareholding")
    choose(qtbot, view.controls.rule, "Qualified majority")
    shares_votes.save_scenario(window.workspace, "Activity, 75%")
    view.controls.veto_boxes["WBK"].click()
    shares_votes.save_scenario(window.workspace, "WBK veto")
    panel = view.scenarios
    view.pages.setCurrentWidget(panel)
    panel.list.setCurrentRow(0)
    panel.agreed_button.click()
    assert panel.list.item(0).text() == "★ AGREED · Activity, 75%"
    assert panel.compare_model.scenario_count() == 2

    # A trust leaves: its veto goes with it, and no traceback.
    net = network_tab(window)
    click_row(net, qtbot, 5)
    qtbot.keyClick(net.table, Qt.Key.Key_Delete)
    assert codes(window.workspace.network) == ["NSH", "EMV", "KBD", "SMC", "RVH"]
    view = shares_view(window)
    assert "WBK" not in view.controls.veto_boxes
    assert not any("WBK" in line for line in view.warnings.lines())
    press(window, "Ctrl+Z")  # ... they stay after all, and so does the veto
    assert view.controls.veto_boxes["WBK"].isChecked()
    assert "⚠ WBK can block any decision on its own." in view.warnings.lines()
    assert not any(line.startswith("✖") for line in view.warnings.lines())
    assert window.errors == []

    # The laptop is closed at the end of the day; tomorrow everything is as it was.
    shown = {code: power_cell(view, row, "banzhaf") for row, code in enumerate(codes(window.workspace.network))}
    window.close()
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
    window = open_window(qtbot, tmp_path, path)
    view = shares_view(window)
    assert codes(window.workspace.network) == ["NSH", "EMV", "KBD", "SMC", "RVH", "WBK"]
    working = shares_votes.working_scenario(window.workspace)
    wbk = next(p.id for p in window.workspace.network.partners if p.code == "WBK")
    assert working.veto_partner_ids == (wbk,) and working.qualified_percent == 75
    assert [(s.scenario.name, s.agreed) for s in shares_votes.saved_scenarios(window.workspace)] == [
        ("Activity, 75%", True), ("WBK veto", False)]
    assert {code: power_cell(view, row, "banzhaf") for row, code in enumerate(codes(window.workspace.network))
            } == shown

    # The report is the agreed scenario, as the saved-scenarios page shows it.
    view.pages.setCurrentWidget(view.scenarios)
    model = view.scenarios.compare_model
    report = report_json(path)
    assert report["name"] == "North & East <Imaging> Network"
    assert [p["code"] for p in report["partners"]] == codes(window.workspace.network)
    assert report["voting"]["scenario"] == "Activity, 75%" and report["voting"]["rule"]["percent"] == 75
    rows = {model.headerData(r, Qt.Orientation.Vertical): r for r in range(model.rowCount())}  # a row a partner
    for code, x in report["voting"]["banzhaf"].items():
        assert model.cell(rows[code], model.column_of(0, "banzhaf"))[0] == f"{100 * x:.1f}%"
    assert report["shares"]["valuation"]["KBD"] == 0  # no going-concern figure yet: 0%, and the notes say so
    assert "KBD and RVH have no going-concern value figure" in report["shares_notes"]["valuation"]
    text = report_text(path)
    assert "Voting (agreed scenario: Activity, 75%)" in text and "Riverside & Vale Hospitals ŵ" in text
    assert window.errors == []


def test_the_programme_office_imports_baselines_between_workshops(qtbot, tmp_path, monkeypatch):
    window = open_window(qtbot, tmp_path)
    before = window.workspace.network
    rows = demo_rows()

    bad = [list(rows[0]), list(rows[1])]
    bad[0][10] = "-5"  # pay
    bad[1][8] = "150"  # staff vacancy %
    bad[1][15] = "maybe"  # PPCI centre
    monkeypatch.setattr(window, "_ask_import_path", lambda: str(write_csv(tmp_path / "bad.csv", bad)))
    window.actions_.import_partners.trigger()
    qtbot.waitUntil(lambda: window.findChild(ImportProblemsDialog) is not None)
    dialog = window.findChild(ImportProblemsDialog)
    assert dialog.text().splitlines() == [
        "Row 2, column 'pay_cost_gbp': Pay £ cannot be negative (-5)",
        "Row 3, column 'staff_vacancy_rate_pct': Staff vacancy % must be between 0 and 100, not 150",
        "Row 3, column 'ppci_centre': PPCI centre must be yes or no, not 'maybe'",
    ]
    dialog.close()
    assert window.workspace.network == before and not window.actions_.undo.isEnabled()

    good = [list(rows[0]), list(rows[3]), list(rows[4])]
    good[0][10] = "31500000"  # NSH's pay, updated
    good[1][4] = "400000"  # SMC's population, updated
    good[2][0], good[2][1] = "HLT", "Highland & Lowland Trust ŵ"  # a new partner
    monkeypatch.setattr(window, "_ask_import_path", lambda: str(write_csv(tmp_path / "baselines.csv", good)))
    window.actions_.import_partners.trigger()
    assert window.statusBar().currentMessage() == "1 partner added, 2 updated, 0 unchanged — Ctrl+Z to undo"
    assert codes(window.workspace.network) == ["NSH", "EMV", "KBD", "SMC", "WBK", "HLT"]
    view = shares_view(window)
    assert view.shares_page.model.rowCount() == 7  # six partners and the total
    assert report_json(window.workspace.path)["partners"][0]["pay_cost_gbp"] == 31_500_000

    press(window, "Ctrl+Z")  # the whole import in one step
    assert window.workspace.network == before
    assert network_in_file(window.workspace.path) == before
    assert view.shares_page.model.rowCount() == 6
    assert window.errors == []


def test_a_partner_without_pay_and_then_no_pay_at_all(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    net = network_tab(window)
    type_into_cell(net, qtbot, 1, "pay_cost_gbp", "")
    view = shares_view(window)
    pay = view.sliders.sliders[Basis.PAY]
    pay.setFocus()
    qtbot.keyClick(pay, Qt.Key.Key_End)
    view.sliders.flush()
    notes = view.shares_page.notes.text()
    assert "Pay: EMV has no pay figure: the pay basis gives it 0% and cannot be relied on." in notes
    assert "Blend: EMV has no pay figure" in notes

    net = network_tab(window)
    for row in range(5):
        type_into_cell(net, qtbot, row, "pay_cost_gbp", "")
    view = shares_view(window)
    model = view.shares_page.model
    column = next(c for c in range(model.columnCount()) if model.key_at(c) == Basis.PAY)
    assert {model.data(model.index(r, column)) for r in range(6)} == {"no basis"}
    notes = view.shares_page.notes.text()
    assert "Pay: No partner has a pay figure yet." in notes
    assert "gives them 0%" not in notes  # not both "no basis" and "each gets 0%"
    view.controls.method.setFocus()
    qtbot.keyClick(view.controls.method, Qt.Key.Key_Down)  # votes by a blend with pay in it cannot be set
    assert view.message.text().startswith("✖  Not saved — Votes in proportion to the blend cannot be set: "
                                          "Pay has no figures, so a blend using it has no basis.")
    assert view.controls.method.currentText() == "Equal: one each"  # put back, and so is the file
    assert shares_votes.working_scenario(window.workspace).vote_method.value == "equal"
    assert power_cell(view, 0, "banzhaf") == "20.0%"
    assert report_json(window.workspace.path)["shares"]["pay"] is None
    assert window.errors == []


def test_new_open_recent_and_files_that_are_not_workspaces(qtbot, tmp_path, monkeypatch):
    window = open_window(qtbot, tmp_path)
    demo = window.workspace.path
    monkeypatch.setattr(window, "_ask_network_name", lambda: "  Coast   Imaging  ")
    monkeypatch.setattr(window, "_ask_new_path", lambda suggested: str(tmp_path / "coast"))
    window.actions_.new.trigger()
    assert window.workspace.path == tmp_path / "coast.imagingnet"
    assert window.windowTitle() == "Coast Imaging — coast.imagingnet — ImagingNet Desktop"

    # An empty network: every tab says what to do next, nothing crashes.
    net = network_tab(window)
    assert net.model.rowCount() == 0 and "Add the partner trusts" in net.dashboard.mix_text()
    view = shares_view(window)
    assert view.warnings.lines() == ["✖ Cannot work this out: Add partners to the network first."]
    for page in (view.power_page, view.chart_page, view.scenarios):
        view.pages.setCurrentWidget(page)
        QApplication.processEvents()
    shares_votes.save_scenario(window.workspace, "Before anyone joins")
    assert view.scenarios.compare_model.scenario_count() == 1

    not_a_workspace = tmp_path / "minutes.imagingnet"
    not_a_workspace.write_text("Minutes of the partnership board", encoding="utf-8")
    monkeypatch.setattr(window, "_ask_open_path", lambda: str(not_a_workspace))
    window.actions_.open.trigger()
    assert window.errors[-1] == ("Cannot open the workspace",
                                 "minutes.imagingnet is not an ImagingNet workspace (it is not a database file).")
    assert not_a_workspace.read_text(encoding="utf-8") == "Minutes of the partnership board"
    assert window.workspace.path.name == "coast.imagingnet"

    elsewhere = Workspace.open(demo)  # the programme office has it open on another laptop
    try:
        asked = []
        monkeypatch.setattr(window, "_ask_take_over", lambda message: asked.append(message) or False)
        assert not window.open_path(demo)
        assert "already open" in asked[0] and window.workspace.path.name == "coast.imagingnet"
    finally:
        elsewhere.close()

    window.fill_recent_menu()
    recent = [a for a in window.actions_.recent_menu.actions() if a.text().endswith("demo.imagingnet")]
    recent[0].trigger()
    assert window.workspace.path == demo and codes(window.workspace.network)[0] == "NSH"
    assert len(window.errors) == 1

