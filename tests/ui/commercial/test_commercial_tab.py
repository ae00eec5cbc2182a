"""The Commercial model tab driven as a facilitator would: from the long list through rule-outs and scoring to a
preferred model with a host; then the file, reopened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from imagingnet_desktop.domain.network.partner import FOUNDATION_TRUST
from imagingnet_desktop.ui.commercial.commercial_tab import CommercialTab
from imagingnet_desktop.ui.commercial.table_models import COMBINED
from imagingnet_desktop.workspace.commercial.collections import OPTIONS, SCORES
from imagingnet_desktop.workspace.commercial.summary import commercial_view
from imagingnet_desktop.workspace.network import partner_commands
from imagingnet_desktop.workspace.reports.report import build_report
from imagingnet_desktop.workspace.workspace import Workspace
from tab_helpers import shown


@pytest.fixture
def tab(workspace, qtbot):
    widget = shown(qtbot, CommercialTab(workspace))
    yield widget
    widget.detach()


def file_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


def row_of(tab: CommercialTab, name: str) -> int:
    return next(i for i in range(tab.options_page.model.rowCount())
                if tab.options_page.model.index(i, 0).data().startswith(name))


def type_in_cell(qtbot, view, index, text: str) -> None:
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editors = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1, "no editor opened"
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # Qt commits an Enter on the next turn of the event loop


def test_from_long_list_to_a_preferred_model_with_a_host(tab: CommercialTab, workspace: Workspace, qtbot) -> None:
    page = tab.options_page
    qtbot.keyClick(tab, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert tab.stages.currentWidget() is page

    # SOC: a comparator cannot be ruled out
    page.table.selectRow(row_of(tab, "As Is"))
    assert not page.rule_out_button.isEnabled()
    # rule out the private JV against affordability, with a reason typed and Enter
    page.table.selectRow(row_of(tab, "Private JV"))
    page.against.setCurrentText("Potential affordability")
    page.reason.setFocus()
    qtbot.keyClicks(page.reason, "Set-up costs beyond reach; two partners are NHS Trusts")
    qtbot.keyClick(page.reason, Qt.Key.Key_Return)
    assert not page.message.is_error
    assert "Ruled out against potential affordability" in page.model.index(row_of(tab, "Private JV"), 1).data()
    # without a reason: refused where typed, nothing saved
    page.table.selectRow(row_of(tab, "Contractual"))
    qtbot.mouseClick(page.rule_out_button, Qt.MouseButton.LeftButton)
    assert page.message.is_error and "reason" in page.message.text()
    assert file_rows(workspace.path, "SELECT COUNT(*) FROM commercial_options WHERE status = 'ruled_out'") == [(1,)]
    # add a variant and short-list the rest
    page.variant_combo.setCurrentIndex(page.variant_combo.findData("alliance_contracting"))
    qtbot.mouseClick(page.add_variant_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.rest_button, Qt.MouseButton.LeftButton)
    assert sum(o.scored for o in workspace.rows(OPTIONS)) == 5

    # OBC: a weight typed in the grid, then each partner's scores
    qtbot.keyClick(tab, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    scoring = tab.scoring_page
    grid = scoring.model
    type_in_cell(qtbot, scoring.grid, grid.index(0, 1), "0")
    for r in range(1, 5):
        type_in_cell(qtbot, scoring.grid, grid.index(r, 1), "0")
    assert scoring.message.is_error and "cannot all be zero" in scoring.message.text()  # the last one refused
    assert file_rows(workspace.path, "SELECT weight FROM commercial_criteria ORDER BY position") == [
        (0.0,), (0.0,), (0.0,), (0.0,), (20.0,)]
    type_in_cell(qtbot, scoring.grid, grid.index(0, 1), "40")
    type_in_cell(qtbot, scoring.grid, grid.index(3, 1), "30")
    favourite = {"Arm's Length": 9, "Contractual": 6}
    for partner in workspace.network.partners:
        scoring.choose_partner(partner.id)
        for column in range(grid.FIXED, grid.columnCount()):
            for r in range(len(grid.criterion_ids)):
                value = favourite.get(grid.option_name(column), 4) - (r % 2)
                type_in_cell(qtbot, scoring.grid, grid.index(r, column), str(value))
    type_in_cell(qtbot, scoring.grid, grid.index(0, grid.FIXED), "11")
    assert scoring.message.is_error and "0 to 10" in scoring.message.text()
    n_scores = len(workspace.rows(SCORES))
    scoring.grid.setCurrentIndex(grid.index(0, grid.FIXED))
    qtbot.keyClick(scoring.grid, Qt.Key.Key_Delete)  # clears the last partner's score there ...
    assert len(workspace.rows(SCORES)) == n_scores - 1 and grid.index(0, grid.FIXED).data() == ""
    workspace.undo()  # ... and undo puts it back
    assert len(workspace.rows(SCORES)) == n_scores
    scoring.choose_partner(COMBINED)
    hosted_column = next(c for c in range(grid.columnCount()) if grid.option_name(c) == "Arm's Length")
    assert grid.index(len(grid.criterion_ids), hosted_column).data() == "8.67"  # (40*9 + 30*8 + 20*9) / 90

    # ranking and robustness in words
    qtbot.keyClick(tab, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    ranking = tab.ranking_page
    assert ranking.leader.text().startswith("★ First: Arm's Length Organisation (hosted)")
    assert "stays first" in ranking.robustness.text()
    assert "random weightings: Arm's Length Organisation (hosted) 100%" in ranking.random_words.text()

    # FBC: the JV is ruled out (not offered); the hosted model without a host is refused, then chosen with one
    qtbot.keyClick(tab, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    choice = tab.choice_page
    assert choice.option_combo.findText("Private JV (LLP or Ltd)") == -1
    hosted = next(o.id for o in workspace.rows(OPTIONS) if o.model_key == "arms_length")
    choice.choose(hosted, None, "Best on strategic fit and affordability")
    assert "needs a host" in choice.option_warning.text()
    qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    assert choice.message.is_error and "needs a host" in choice.message.text()
    assert commercial_view(workspace).preferred is None
    host = workspace.network.partners[2]
    choice.choose(hosted, host.id, "Best on strategic fit and affordability; KBD has the capacity to host")
    qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    assert not choice.message.is_error
    assert choice.status.text() == f"★ Preferred: Arm's Length Organisation (hosted), hosted by {host.name} ({host.code})"
    qtbot.keyClick(tab, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # back to the spectrum: marked there
    tiers = {t.model.key: t for t in tab.spectrum_page.spectrum.tiers}
    assert tiers["arms_length"].preferred and tiers["as_is"].current

    # the file, reopened
    report = build_report(workspace)["commercial"]
    path = workspace.path
    workspace.close()
    again = Workspace.open(path)
    try:
        reopened = build_report(again)["commercial"]
        assert reopened == report
        assert reopened["preferred_model"] == "Arm's Length Organisation (hosted)" and reopened["host"] == host.code
        statuses = {o["name"]: (o["status"], o["reason"]) for o in reopened["options"]}
        assert statuses["Private JV (LLP or Ltd)"] == ("ruled_out",
                                                       "Set-up costs beyond reach; two partners are NHS Trusts")
        assert statuses["Alliance contracting"][0] == "short_list"
        assert [c["weight"] for c in reopened["criteria"]] == [40.0, 0.0, 0.0, 30.0, 20.0]
        assert file_rows(path, "SELECT COUNT(*) FROM commercial_scores") == [(5 * 5 * 5,)]
    finally:
        again.close()


def test_eligibility_warning_follows_partner_edits_live(tab: CommercialTab, workspace: Workspace) -> None:
    jv = next(o.id for o in workspace.rows(OPTIONS) if o.model_key == "private_jv")
    tiers = {t.model.key: t for t in tab.spectrum_page.spectrum.tiers}
    assert tiers["private_jv"].blocked
    trusts = [p for p in workspace.network.partners if not p.is_foundation_trust]
    assert len(trusts) == 2
    for partner in trusts:
        partner_commands.edit_partner_field(workspace, partner.id, "organisation_type", FOUNDATION_TRUST)
    tiers = {t.model.key: t for t in tab.spectrum_page.spectrum.tiers}
    assert not tiers["private_jv"].blocked
    tab.stages.setCurrentWidget(tab.choice_page)
    assert "✔ Every partner is an NHS Foundation Trust" in tab.choice_page.eligibility.text()
    workspace.undo()  # the last one back to an NHS Trust
    last = trusts[-1]
    assert last.code in commercial_view(workspace).eligibility[jv].message
    assert f"({last.code}) is not an NHS Foundation Trust" in tab.choice_page.eligibility.text()


def test_the_warning_stays_in_sight_while_the_preferred_model_fails(tab: CommercialTab, workspace: Workspace) -> None:
    hosted = next(o.id for o in workspace.rows(OPTIONS) if o.model_key == "arms_length")
    host = workspace.network.partners[0]
    tab.stages.setCurrentWidget(tab.options_page)
    tab.options_page.select_option(hosted)
    tab.options_page.short_list_button.click()
    tab.stages.setCurrentWidget(tab.choice_page)
    tab.choice_page.choose(hosted, host.id, "Largest team")
    tab.choice_page.confirm_button.click()
    assert commercial_view(workspace).preferred is not None and tab.warning.isHidden()
    partner_commands.delete_partners(workspace, [host.id], hand_over="clear")
    assert not tab.warning.isHidden() and "needs a host" in tab.warning.text()
    for index in range(tab.stages.count()):  # on every stage
        tab.stages.setCurrentIndex(index)
        assert tab.warning.isVisible()
    workspace.undo()
    assert tab.warning.isHidden()


def test_spectrum_keys_select_a_model_and_show_what_it_implies(tab: CommercialTab, qtbot) -> None:
    spectrum = tab.spectrum_page.spectrum
    spectrum.setFocus()
    for _ in range(3):
        qtbot.keyClick(spectrum, Qt.Key.Key_Right)
    assert spectrum.current_key() == "arms_length"
    assert tab.spectrum_page.title.text() == "Arm's Length Organisation (hosted)"
    assert "TUPE" in tab.spectrum_page._detail_labels["TUPE transfer of staff"].text()
    qtbot.keyClick(spectrum, Qt.Key.Key_Right)
    assert "not open to this network" in tab.spectrum_page.eligibility.text()


@pytest.mark.parametrize("which", ["options", "grid", "ranking"])
def test_table_models_pass_the_qt_model_tester(tab: CommercialTab, qtmodeltester, which: str) -> None:
    for index in range(tab.stages.count()):
        tab.stages.setCurrentIndex(index)
    model = {"options": tab.options_page.model, "grid": tab.scoring_page.model,
             "ranking": tab.ranking_page.model}[which]
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_every_stage_fits_1280x720_in_normal_and_presentation_type(tab: CommercialTab, qapp, scale: float) -> None:
    from imagingnet_desktop.ui.common import theme

    theme.apply(qapp, scale_factor=scale)
    try:
        for index in range(tab.stages.count()):
            tab.stages.setCurrentIndex(index)
            qapp.processEvents()
            hint = tab.minimumSizeHint()
            # the window's chrome (menu and tab bars) takes about 100 px of the 720
            assert hint.width() <= 1280 and hint.height() <= 600, (index, hint)
    finally:
        theme.apply(qapp, scale_factor=1.0)
