"""Scrolled sideways at 1280×720, the partner table still says whose row is whose: the codes stand in the
row header (which does not scroll) once the code column has gone out of view, and only then."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from imagingnet_desktop.domain.network.partner import PARTNER_FIELDS
from imagingnet_desktop.ui.network.network_tab import NetworkTab
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings


def test_codes_stay_in_view_when_the_table_scrolls_sideways_and_editing_still_works(qtbot, demo_file: Path,
                                                                                     tmp_path: Path) -> None:
    path = shutil.copyfile(demo_file, tmp_path / "demo.imagingnet")
    window = MainWindow(AppSettings.in_file(tmp_path / "settings.ini"), remember=False)
    qtbot.addWidget(window)
    assert window.open_path(path)
    window.show()
    window.set_presentation_mode(True)
    for _ in range(3):
        window.setGeometry(0, 0, 1280, 720)
        QApplication.processEvents()
    tab = window.tab("network")
    assert isinstance(tab, NetworkTab)
    table, rows = tab.table, tab.table.verticalHeader()
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    assert rows.isHidden()  # the code column is in view: the code once, not twice
    last = len(PARTNER_FIELDS) - 1
    table.setFocus()
    table.setCurrentIndex(tab.model.index(0, last))
    table.scrollTo(tab.model.index(0, last))  # as the arrow keys would
    QApplication.processEvents()
    assert bar.value() > 0
    assert table.visualRect(tab.model.index(0, 0)).right() < 0  # the code column is out of view...
    assert rows.isVisible() and rows.width() > 0  # ...so the codes stand beside the rows
    codes = [p.code for p in window.workspace.network.partners]
    assert [tab.model.headerData(r, Qt.Orientation.Vertical) for r in range(len(codes))] == codes
    for code in codes:
        assert rows.fontMetrics().horizontalAdvance(code) < rows.width()  # never cut
    # Editing the cell in view works as before, with the codes beside it.
    column = next(i for i, f in enumerate(PARTNER_FIELDS) if f.name == "population_served")
    table.setCurrentIndex(tab.model.index(1, column))
    table.scrollTo(tab.model.index(1, column))
    QApplication.processEvents()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and table.isAncestorOf(editor)
    assert table.viewport().rect().intersects(editor.geometry())  # the editor is where the cell is, in view
    editor.selectAll()
    qtbot.keyClicks(editor, "654321")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.workspace.network.partners[1].population_served == 654321
    assert rows.isVisible() == (bar.value() > 0)
    bar.setValue(0)  # back to the left: the code column again, the row header gone
    assert rows.isHidden()
    window.set_presentation_mode(False)
