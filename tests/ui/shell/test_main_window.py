"""The main window: tabs in workshop order, menus, keyboard shortcuts, Undo/Redo, title, presentation mode."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.tab import Tab
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.ui.shell.tab_specs import TABS
from imagingnet_desktop.workspace.network.partner_commands import edit_partner_field, rename_network
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.workspace import Workspace

WORKSHOP_ORDER = ["Network", "Programme", "Commercial model", "Shares & votes", "Control", "Record"]


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings.in_file(tmp_path / "settings.ini")


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    return path


@pytest.fixture
def window(qtbot, settings: AppSettings, demo_path: Path) -> MainWindow:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.open_path(demo_path)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def tab_titles(win: MainWindow) -> list[str]:
    return [win.tab_widget.tabText(i).replace("&&", "&") for i in range(win.tab_widget.count())]


def menu_texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&&", "\0").replace("&", "").replace("\0", "&") for a in menu.actions() if a.text()]


def top_menu(win: MainWindow, title: str) -> QMenu:
    for action in win.menuBar().actions():
        if action.text().replace("&", "") == title:
            return action.menu()
    raise AssertionError(f"no {title} menu in {[a.text() for a in win.menuBar().actions()]}")


def press(win: MainWindow, sequence: str) -> None:
    QTest.keySequence(win, QKeySequence(sequence))


def read_back(path: Path) -> Workspace:
    return Workspace.open_read_only(path)


def test_six_tabs_in_workshop_order_each_built_in_its_place(window: MainWindow) -> None:
    assert tab_titles(window) == WORKSHOP_ORDER
    for spec, title in zip(TABS, WORKSHOP_ORDER, strict=True):
        tab = window.tab(spec.key)
        assert tab is not None and tab.parent() is window.tab_widget.widget(WORKSHOP_ORDER.index(title))
        assert isinstance(tab, Tab), f"{title} is not a Tab"


def test_only_the_first_tab_is_built_at_start(window: MainWindow) -> None:
    hosts = [window.tab_widget.widget(i) for i in range(window.tab_widget.count())]
    assert [h.layout().count() for h in hosts] == [1, 0, 0, 0, 0, 0]  # a built tab is in its host's layout
    window.show_tab(4)
    assert hosts[4].layout().count() == 1 and hosts[4].content().isVisible()


def test_menus_hold_every_command(window: MainWindow) -> None:
    assert [a.text().replace("&", "") for a in window.menuBar().actions()] == ["File", "Edit", "View", "Help"]
    file_menu = top_menu(window, "File")
    texts = menu_texts(file_menu)
    for expected in ("New workspace…", "New demo workspace…", "Open…", "Open Recent", "Import partners…",
                     "Export", "Quit"):
        assert expected in texts
    export = next(a.menu() for a in file_menu.actions() if a.menu() and "Export" in a.text())
    exports = export.actions()
    assert [a.text().replace("&", "") for a in exports] == ["Draft MOU…", "Draft heads of terms…"]
    for action in exports:
        assert action.isEnabled()  # a workspace is open
        assert "Word file" in action.toolTip()
    assert menu_texts(top_menu(window, "Edit")) == ["Undo", "Redo"]
    assert "Presentation mode" in menu_texts(top_menu(window, "View"))
    assert menu_texts(top_menu(window, "Help")) == ["About ImagingNet Desktop"]
    assert window.actions_.undo.shortcuts() == [QKeySequence("Ctrl+Z")]
    assert window.actions_.redo.shortcuts() == [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]


def test_ctrl_1_to_6_switch_tabs(window: MainWindow) -> None:
    for number in (3, 6, 2, 5, 4, 1):
        press(window, f"Ctrl+{number}")
        assert window.tab_widget.currentIndex() == number - 1
        assert tab_titles(window)[number - 1] == WORKSHOP_ORDER[number - 1]


def test_undo_and_redo_follow_the_workspace_and_reach_the_file(window: MainWindow, demo_path: Path) -> None:
    workspace = window.workspace
    assert workspace is not None
    first = workspace.network.partners[0]
    assert not window.actions_.undo.isEnabled() and not window.actions_.redo.isEnabled()

    edit_partner_field(workspace, first.id, "pay_cost_gbp", "123.45")
    assert window.actions_.undo.isEnabled()
    assert window.actions_.undo.text().replace("&", "") == f"Undo edit {first.code} Pay £"
    assert not window.actions_.redo.isEnabled()

    press(window, "Ctrl+Z")
    assert workspace.network.partners[0].pay_cost_gbp == first.pay_cost_gbp
    assert window.actions_.redo.text().replace("&", "") == f"Redo edit {first.code} Pay £"
    assert not window.actions_.undo.isEnabled()

    press(window, "Ctrl+Y")
    assert workspace.network.partners[0].pay_cost_gbp == Decimal("123.45")
    press(window, "Ctrl+Z")
    press(window, "Ctrl+Shift+Z")
    assert workspace.network.partners[0].pay_cost_gbp == Decimal("123.45")
    press(window, "Ctrl+Z")  # the file must hold the undone value

    check = read_back(demo_path)  # a second, read-only open while the window still holds the file
    try:
        assert check.network.partners[0].pay_cost_gbp == first.pay_cost_gbp
    finally:
        check.close()
    window.close()
    assert not Path(f"{demo_path}-wal").exists() and not Path(f"{demo_path}-shm").exists()
    check = read_back(demo_path)
    try:
        assert check.network.partners[0] == first
    finally:
        check.close()


def test_title_names_the_network_and_file_and_follows_a_rename(window: MainWindow) -> None:
    assert window.windowTitle() == "Northshire & Vale Imaging Network — demo.imagingnet — ImagingNet Desktop"
    rename_network(window.workspace, "Rhwydwaith Delweddu Gŵyr & <Vale>")
    assert window.windowTitle() == "Rhwydwaith Delweddu Gŵyr & <Vale> — demo.imagingnet — ImagingNet Desktop"
    press(window, "Ctrl+Z")
    assert window.windowTitle().startswith("Northshire & Vale Imaging Network — ")


def test_presentation_mode_goes_full_screen_with_larger_type_and_back(window: MainWindow) -> None:
    app = QApplication.instance()
    theme.apply(app)
    try:
        normal = app.font().pointSizeF()
        assert normal >= 11
        press(window, "F11")
        assert window.isFullScreen() and window.actions_.presentation.isChecked()
        assert app.font().pointSizeF() == pytest.approx(normal * theme.PRESENTATION_SCALE)
        press(window, "Ctrl+2")  # the shortcuts still work with the menu bar hidden
        assert window.tab_widget.currentIndex() == 1
        press(window, "F11")
        assert not window.isFullScreen() and not window.actions_.presentation.isChecked()
        assert app.font().pointSizeF() == pytest.approx(normal)
    finally:
        theme.apply(app)


def test_presentation_mode_refits_the_partner_table_and_enlarges_the_tab_bar(window: MainWindow, qtbot) -> None:
    app = QApplication.instance()
    theme.apply(app)
    network = window.tab("network")
    qtbot.wait(20)
    code_width = network.table.columnWidth(0)
    tab_height = window.tab_widget.tabBar().sizeHint().height()
    try:
        press(window, "F11")
        # the columns are fitted again to the larger type, not left clipping it ("N…")
        qtbot.waitUntil(lambda: network.table.columnWidth(0) > code_width * 1.2, timeout=2000)
        assert window.tab_widget.tabBar().sizeHint().height() > tab_height * 1.2
    finally:
        press(window, "F11")
        theme.apply(app)


def test_theme_base_font_is_readable_from_the_back_of_the_room(qapp) -> None:
    theme.apply(qapp)
    assert qapp.font().pointSizeF() >= 12
    assert qapp.style().baseStyle().name().lower() == "fusion"
    assert theme.font(1.5, bold=True).pointSizeF() == pytest.approx(18)


def test_tick_boxes_grow_with_the_type_so_the_room_can_see_them(qapp) -> None:
    from PySide6.QtWidgets import QStyle

    metric = QStyle.PixelMetric.PM_IndicatorWidth
    try:
        theme.apply(qapp)
        normal = qapp.style().pixelMetric(metric)
        theme.apply(qapp, scale_factor=theme.PRESENTATION_SCALE)
        presenting = qapp.style().pixelMetric(metric)
    finally:
        theme.apply(qapp)
    assert normal >= 16 and presenting >= normal * 1.4  # Fusion's own is 13 pixels at any type size


def test_closing_the_window_leaves_one_self_contained_file(qtbot, settings: AppSettings, demo_path: Path) -> None:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.open_path(demo_path)
    win.show()
    rename_network(win.workspace, "Renamed before closing")
    assert Path(f"{demo_path}-wal").exists()
    win.close()
    assert win.workspace is None
    assert not Path(f"{demo_path}-wal").exists() and not Path(f"{demo_path}-shm").exists()
    check = read_back(demo_path)
    try:
        assert check.network.name == "Renamed before closing"
    finally:
        check.close()


def test_window_geometry_is_remembered(qtbot, settings: AppSettings, demo_path: Path) -> None:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    win.resize(700, 500)
    qtbot.waitUntil(lambda: win.width() == 700)
    win.close()
    again = MainWindow(AppSettings.in_file(Path(settings._q.fileName())))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


def test_keyboard_shortcuts_do_nothing_without_a_workspace(qtbot, settings: AppSettings) -> None:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.windowTitle() == "ImagingNet Desktop"
    assert not win.actions_.undo.isEnabled() and not win.actions_.import_partners.isEnabled()
    win.show_tab(3)
    win.undo()
    assert win.workspace is None


def test_the_start_page_offers_new_demo_new_and_open(qtbot, settings: AppSettings, demo_path: Path,
                                                     monkeypatch) -> None:
    from PySide6.QtWidgets import QPushButton

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.centralWidget().currentWidget() is win.start_page
    buttons = {b.text(): b for b in win.start_page.findChildren(QPushButton)}
    assert set(buttons) == {"New demo workspace…", "New workspace…", "Open…"}
    monkeypatch.setattr(win, "_ask_open_path", lambda: str(demo_path))
    buttons["Open…"].click()
    assert win.workspace is not None and win.centralWidget().currentWidget() is win.tab_widget
    win.close_workspace()
    assert win.centralWidget().currentWidget() is win.start_page and win.tab_widget.count() == 0
