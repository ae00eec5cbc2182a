"""Shares & votes and Network at 1280x720 and 1920x1080, normal and presentation mode, with eight partners:
nothing wider than the screen, no label cut, every partner in view, headers never cut ("Partne")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QWidget

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.shares_votes.scenario_compare_model import GROUP_ROLE
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.workspace.network.partner_import import demo_baselines
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.workspace import Workspace

EXTRA = (("HLM", "Highmoor Lakes Hospitals NHS Foundation Trust"), ("RVC", "Rivercross University Hospitals NHS Trust"),
         ("DPT", "Dunport and Tarn Valley Healthcare NHS Trust"))
SIZES = ((1280, 720), (1920, 1080))


def eight_partners(path: Path) -> Path:
    baselines = list(demo_baselines().baselines)
    baselines += [{**b, "code": code, "name": name} for (code, name), b in zip(EXTRA, baselines[2:], strict=False)]
    partners = tuple(Partner(id=i + 1, **b) for i, b in enumerate(baselines))
    ws = Workspace.create(path, "Northshire & Vale Imaging Network", partners)
    shares_votes.set_working_scenario(ws, replace(Scenario(name="Votes by activity"),
                                                  vote_method=VoteMethod.PROPORTIONAL))
    ws.close()
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path):
    theme.apply(QApplication.instance())  # as the app starts: Fusion, its palette and the base type
    win = MainWindow(AppSettings.in_file(tmp_path / "settings.ini"), remember=False)
    qtbot.addWidget(win)
    win.open_path(eight_partners(tmp_path / "eight.imagingnet"))
    win.show()
    yield win
    win.set_presentation_mode(False)


def _settle(window: MainWindow, width: int, height: int) -> None:
    for _ in range(3):
        window.setGeometry(0, 0, width, height)
        window.resize(width, height)
        QApplication.processEvents()


def _show(window: MainWindow, key: str) -> QWidget:
    keys = [window.tab_widget.widget(i).spec.key for i in range(window.tab_widget.count())]
    window.tab_widget.setCurrentIndex(keys.index(key))
    QApplication.processEvents()
    return window.tab(key)


def _cut_labels(root: QWidget) -> list[str]:
    """Visible one-line labels narrower than their text."""
    cut = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or label.wordWrap() or not label.text():
            continue
        if "<" in label.text():
            continue  # rich text is wrapped by its own rules
        shown = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")  # "&" marks a mnemonic
        needed = max(label.fontMetrics().horizontalAdvance(line) for line in shown.splitlines() or [""])
        if needed > label.contentsRect().width() + 1:
            cut.append(f"{label.text()!r}: {label.contentsRect().width()} < {needed}")
    return cut


def _cut_headers(table: QTableView) -> list[str]:
    header = table.horizontalHeader()
    model = table.model()
    return [str(model.headerData(c, header.orientation())) for c in range(header.count())
            if not header.isSectionHidden(c) and header.sectionSize(c) + 1 < header.sectionSizeHint(c)
            and c != header.count() - 1]  # the last one stretches


def _rows_in_view(table: QTableView, rows: int) -> bool:
    viewport = table.viewport().rect()
    return all(viewport.contains(table.visualRect(table.model().index(r, 0)).adjusted(0, 0, -1, -1))
               for r in range(rows))


@pytest.mark.parametrize("presenting", [False, True], ids=["normal", "presentation"])
@pytest.mark.parametrize(("width", "height"), SIZES, ids=["1280x720", "1920x1080"])
def test_shares_and_votes_fits_with_every_partner_in_view(window, presenting, width, height) -> None:
    window.set_presentation_mode(presenting)
    tab = _show(window, "shares")
    _settle(window, width, height)
    assert window.width() <= width and tab.minimumSizeHint().width() <= width
    for index, table in ((0, tab.shares_page.table), (1, tab.power_page.table)):
        tab.pages.setCurrentIndex(index)
        _settle(window, width, height)
        assert _rows_in_view(table, 8), f"page {index}: not every partner is in view"
        assert not _cut_headers(table), _cut_headers(table)
        assert not _cut_labels(tab), _cut_labels(tab)
    panel = tab.warnings
    needed = panel.label.heightForWidth(panel.viewport().width() - 24)
    assert panel.height() >= min(needed, panel._max_height), "the warnings are cut"


@pytest.mark.parametrize("presenting", [False, True], ids=["normal", "presentation"])
@pytest.mark.parametrize(("width", "height"), SIZES, ids=["1280x720", "1920x1080"])
def test_network_fits_with_every_partner_in_view(window, presenting, width, height) -> None:
    window.set_presentation_mode(presenting)
    tab = _show(window, "network")
    _settle(window, width, height)
    assert window.width() <= width and tab.minimumSizeHint().width() <= width
    if presenting or height < 1000:
        tab.dashboard_toggle.click()  # the dashboard folds away so eight partners fit
        _settle(window, width, height)
    assert _rows_in_view(tab.table, 8)
    assert not _cut_labels(tab), _cut_labels(tab)


def test_leaving_presentation_mode_returns_to_exactly_the_normal_window(window, qtbot) -> None:
    tab = _show(window, "shares")
    _settle(window, 760, 560)  # within the test screen (800 x 600), so the window manager leaves it alone
    window.move(20, 10)
    QApplication.processEvents()
    before = window.geometry()
    font_before = tab.power_page.table.font().pointSizeF()
    window.actions_.presentation.trigger()  # F11
    assert window.presenting and window.menuBar().isHidden() and window.statusBar().isHidden()
    qtbot.waitUntil(window.isFullScreen, timeout=8000)
    window.showNormal()  # the window manager takes the window out of full screen behind the app's back
    window.actions_.presentation.trigger()  # F11 again: leaves presentation mode, not into it
    assert not window.presenting and not window.menuBar().isHidden() and not window.statusBar().isHidden()
    qtbot.waitUntil(lambda: window.geometry() == before, timeout=8000)
    assert tab.power_page.table.font().pointSizeF() == font_before
    tab.pages.setCurrentWidget(tab.power_page)
    qtbot.waitUntil(lambda: not _cut_headers(tab.power_page.table), timeout=8000)  # refitted to the type again
    window.actions_.presentation.trigger()
    assert window.presenting
    tab.pages.setCurrentWidget(tab.power_page)
    tab.power_page.table.setFocus()
    qtbot.keyClick(tab.power_page.table, Qt.Key.Key_Escape)  # Esc where the facilitator is: the table
    assert not window.presenting
    try:
        qtbot.waitUntil(lambda: window.geometry() == before, timeout=8000)
    except Exception:
        raise AssertionError(f"{window.geometry()} != {before}; minimum {window.minimumSize()}, hint "
                             f"{window.minimumSizeHint()}, screen {window.screen().availableGeometry()}") from None


def _compare_four(window: MainWindow):
    ws = window.workspace
    for name, method in (("Votes by activity", VoteMethod.PROPORTIONAL), ("Equal votes", VoteMethod.EQUAL),
                         ("By total cost", VoteMethod.PROPORTIONAL), ("Two-thirds on activity", VoteMethod.PROPORTIONAL)):
        basis = "total_cost" if name == "By total cost" else "activity"
        shares_votes.set_working_scenario(ws, replace(Scenario(name=name), vote_method=method, vote_basis=basis))
        shares_votes.save_scenario(ws, name)
    tab = _show(window, "shares")
    tab.pages.setCurrentWidget(tab.scenarios)
    return tab.scenarios


def test_four_scenarios_for_eight_partners_are_readable_at_1280x720_and_keep_their_padding(window, qtbot) -> None:
    panel = _compare_four(window)
    _settle(window, 1280, 720)
    model, table = panel.compare_model, panel.compare
    assert model.scenario_count() == 4 and model.rowCount() == 8  # a row per partner
    assert _rows_in_view(table, 8)
    viewport = table.viewport().rect()
    for column in range(model.columnCount()):  # every scenario's every figure in view, none cut short
        rect = table.visualRect(model.index(0, column))
        assert viewport.contains(rect.adjusted(0, 0, -1, -1)), column
        for row in range(8):
            for line in str(model.data(model.index(row, column))).splitlines():
                assert table.fontMetrics().horizontalAdvance(line) <= rect.width() - 2, line
    heights = [table.rowHeight(r) for r in range(8)]
    assert min(heights) >= 2 * table.fontMetrics().lineSpacing()  # the figure and its difference
    panel.list.setCurrentRow(1)
    qtbot.mouseClick(panel.agreed_button, Qt.MouseButton.LeftButton)  # "Mark as agreed"
    QApplication.processEvents()
    assert [table.rowHeight(r) for r in range(8)] == heights  # the padding never collapses
    assert model.headerData(3, Qt.Orientation.Horizontal, GROUP_ROLE)[0] == "★ AGREED Equal votes"
    first, difference = model.cell(0, model.column_of(0, "banzhaf"))  # against the newly agreed scenario
    assert difference.endswith(" pts") and difference != "same"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None  # highlighted


def test_the_saved_scenarios_list_folds_away_to_give_the_comparison_the_width(window, qtbot) -> None:
    panel = _compare_four(window)
    _settle(window, 1280, 720)  # normal type: four scenarios fit beside the list
    table = panel.compare
    assert panel.list.isVisible()
    before = table.viewport().width()
    qtbot.mouseClick(panel.hide_list_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not panel.list.isVisible() and panel.show_list_button.isVisible()
    assert table.viewport().width() > before + 150
    qtbot.mouseClick(panel.show_list_button, Qt.MouseButton.LeftButton)
    assert panel.list.isVisible() and not panel.show_list_button.isVisible()


@pytest.mark.parametrize("presenting", [False, True], ids=["normal", "presentation"])
def test_four_scenarios_fit_1280x720_without_scrolling_sideways(window, presenting) -> None:
    """8 partners × 4 scenarios at 1280×720: no sideways scrolling, every partner's row in view, every figure and
    its difference whole, in type a room can read (not shrunk below the page's)."""
    panel = _compare_four(window)
    _settle(window, 1280, 720)
    shares_votes.mark_agreed(window.workspace, shares_votes.saved_scenarios(window.workspace)[0].id)
    window.set_presentation_mode(presenting)
    _settle(window, 1280, 720)
    model, table = panel.compare_model, panel.compare
    assert model.scenario_count() == 4 and model.rowCount() == 8
    agreed_item = panel.list.item(0)
    assert agreed_item.font().bold() and agreed_item.font().pointSizeF() == pytest.approx(
        theme.font(1.1).pointSizeF())  # the agreed name follows the type size too
    header = table.horizontalHeader()
    columns = sum(header.sectionSize(c) for c in range(header.count()))
    assert table.horizontalScrollBar().maximum() == 0, f"scrolls sideways: {columns} px of columns in " \
                                                       f"{table.viewport().width()} px"
    assert columns <= table.viewport().width()
    assert _rows_in_view(table, 8), "not every partner's row is in view"
    viewport = table.viewport().rect()
    for column in range(model.columnCount()):
        rect = table.visualRect(model.index(7, column))
        assert viewport.contains(rect.adjusted(0, 0, -1, -1)), column
        for row in range(8):
            for line in str(model.data(model.index(row, column))).splitlines():
                assert table.fontMetrics().horizontalAdvance(line) <= rect.width() - 2, line
        for label in str(model.headerData(column, Qt.Orientation.Horizontal)).splitlines():
            assert header.fontMetrics().horizontalAdvance(label) <= header.sectionSize(column), label
    app_type = QApplication.instance().font().pointSizeF()
    assert table.font().pointSizeF() >= 0.9 * app_type  # readable from the back: not fitted by shrinking the type
    assert app_type == pytest.approx(theme.BASE_POINT_SIZE * (theme.PRESENTATION_SCALE if presenting else 1.0))


def test_at_presentation_type_the_list_folds_itself_for_four_scenarios_and_comes_back_after(window, qtbot) -> None:
    panel = _compare_four(window)
    _settle(window, 1280, 720)
    assert panel.list.isVisible()
    window.set_presentation_mode(True)
    _settle(window, 1280, 720)
    qtbot.waitUntil(lambda: not panel.list.isVisible(), timeout=2000)  # four scenarios cannot fit beside it
    assert panel.show_list_button.isVisible() and panel.compare.horizontalScrollBar().maximum() == 0
    window.set_presentation_mode(False)
    _settle(window, 1280, 720)
    qtbot.waitUntil(panel.list.isVisible, timeout=2000)  # room again: back by itself
    assert not panel.show_list_button.isVisible()
    window.set_presentation_mode(True)
    _settle(window, 1280, 720)
    qtbot.waitUntil(lambda: not panel.list.isVisible(), timeout=2000)
    qtbot.mouseClick(panel.show_list_button, Qt.MouseButton.LeftButton)  # wanted in view: it stays (the table
    _settle(window, 1280, 720)                                              # scrolls sideways meanwhile)
    assert panel.list.isVisible() and panel.list.hasFocus()


def test_ticking_a_fourth_scenario_by_keyboard_folds_the_list_and_space_brings_it_back(window, qtbot) -> None:
    panel = _compare_four(window)
    ws = window.workspace
    shares_votes.set_compared(ws, [s.id for s in shares_votes.saved_scenarios(ws)][:3])
    window.set_presentation_mode(True)
    _settle(window, 1280, 720)
    assert panel.list.isVisible()  # three scenarios fit beside the list
    panel.list.setFocus()
    panel.list.setCurrentRow(3)
    qtbot.keyClick(panel.list, Qt.Key.Key_Space)  # tick the fourth
    assert len(shares_votes.compared_ids(ws)) == 4
    qtbot.waitUntil(lambda: not panel.list.isVisible(), timeout=2000)
    assert panel.show_list_button.hasFocus()  # the keyboard is not left nowhere
    qtbot.waitUntil(lambda: panel.compare.horizontalScrollBar().maximum() == 0, timeout=2000)  # refitted
    qtbot.keyClick(panel.show_list_button, Qt.Key.Key_Space)
    assert panel.list.isVisible() and panel.list.hasFocus()
