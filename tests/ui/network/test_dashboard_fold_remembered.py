"""The Network tab's dashboard, folded away, stays folded when the file is opened again; folding is how the
screen was left, not an edit: Ctrl+Z never unfolds it and no other tab redraws for it."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from imagingnet_desktop.ui.network.network_tab import DASHBOARD_FOLDED_KEY, NetworkTab
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.workspace import Workspace


def _network_tab(window: MainWindow) -> NetworkTab:
    keys = [window.tab_widget.widget(i).spec.key for i in range(window.tab_widget.count())]
    window.tab_widget.setCurrentIndex(keys.index("network"))
    QApplication.processEvents()
    tab = window.tab("network")
    assert isinstance(tab, NetworkTab)
    return tab


def _open(qtbot, path: Path, settings: Path) -> MainWindow:
    window = MainWindow(AppSettings.in_file(settings), remember=False)
    qtbot.addWidget(window)
    assert window.open_path(path)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_folded_dashboard_is_still_folded_when_the_file_is_opened_again(qtbot, demo_file: Path,
                                                                          tmp_path: Path) -> None:
    path = shutil.copyfile(demo_file, tmp_path / "demo.imagingnet")
    window = _open(qtbot, path, tmp_path / "settings.ini")
    tab = _network_tab(window)
    assert tab.dashboard_toggle.isChecked() and tab.dashboard.isVisibleTo(tab)  # a new file: in view
    heard: list[Change] = []
    window.workspace.subscribe(heard.append)
    undo_before = window.workspace.undo_label
    qtbot.mouseClick(tab.dashboard_toggle, Qt.MouseButton.LeftButton)  # fold it away
    assert not tab.dashboard.isVisibleTo(tab) and tab.dashboard_toggle.text() == "▸ Show dashboard"
    assert window.workspace.undo_label == undo_before  # not an edit: Ctrl+Z will not unfold it
    assert heard == []  # nothing to redraw elsewhere
    window.close_workspace()
    window.close()

    on_disk = Workspace.open_read_only(path)  # the file itself holds it
    try:
        assert on_disk.tab_state(DASHBOARD_FOLDED_KEY) is True
    finally:
        on_disk.close()

    window = _open(qtbot, path, tmp_path / "settings.ini")
    tab = _network_tab(window)
    assert not tab.dashboard_toggle.isChecked() and not tab.dashboard.isVisibleTo(tab)  # as it was left
    assert tab.dashboard_toggle.text() == "▸ Show dashboard"
    window.undo()
    assert not tab.dashboard.isVisibleTo(tab)
    qtbot.mouseClick(tab.dashboard_toggle, Qt.MouseButton.LeftButton)  # shown again: the default, no setting
    assert tab.dashboard.isVisibleTo(tab)
    window.close_workspace()
    window.close()
    window = _open(qtbot, path, tmp_path / "settings.ini")
    tab = _network_tab(window)
    assert tab.dashboard_toggle.isChecked() and tab.dashboard.isVisibleTo(tab)
    assert window.workspace.tab_state(DASHBOARD_FOLDED_KEY) is None
    window.close_workspace()


def test_a_read_only_workspace_folds_the_dashboard_without_writing(qtbot, demo_file: Path, tmp_path: Path) -> None:
    path = shutil.copyfile(demo_file, tmp_path / "demo.imagingnet")
    workspace = Workspace.open_read_only(path)
    try:
        tab = NetworkTab(workspace)
        qtbot.addWidget(tab)
        tab.dashboard_toggle.click()
        assert not tab.dashboard_toggle.isChecked() and tab.message.text() == ""  # no refusal for a view
    finally:
        workspace.close()
    again = Workspace.open_read_only(path)
    try:
        assert again.tab_state(DASHBOARD_FOLDED_KEY) is None
    finally:
        again.close()
