"""The bar above the tabs says what the last import did: a refused import after a successful one replaces the
earlier "Imported …" with the refusal, so the window never describes an import that did not happen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.workspace.network.partner_import import create_demo


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    win = MainWindow(AppSettings.in_file(tmp_path / "settings.ini"), remember=False)
    qtbot.addWidget(win)
    assert win.open_path(path)
    win.show()
    qtbot.waitExposed(win)
    win._show_error = lambda title, text: pytest.fail(f"{title}: {text}")
    return win


def _import(window: MainWindow, path: Path, refusals: list[str]) -> None:
    window._ask_import_path = lambda: str(path)
    window._show_import_problems = lambda refused: refusals.append(str(refused))
    window.actions_.import_partners.trigger()  # File > Import partners…
    QApplication.processEvents()


def test_a_refused_import_replaces_the_earlier_success_on_the_network_tab(window: MainWindow, tmp_path) -> None:
    ws = window.workspace
    nsh = ws.network.partners[0]
    good = tmp_path / "nopay.csv"
    good.write_text("code,name,organisation_type,population_served\n"
                    f"NSH,{nsh.name},{nsh.organisation_type},{nsh.population_served + 1000}\n", encoding="utf-8")
    refusals: list[str] = []
    _import(window, good, refusals)
    assert not refusals
    assert window.bars.feedback.isVisible() and window.bars.feedback_text().startswith("Imported nopay.csv")
    assert window.tab_widget.currentWidget() is window.tab_widget.widget(0)  # the Network tab shows it
    partners_after_good = ws.network.partners
    undo_after_good = ws.undo_label

    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    _import(window, empty, refusals)
    assert len(refusals) == 1  # the problems are listed, as before
    text = window.bars.feedback_text()
    assert window.bars.feedback.isVisible(), "the refusal is said in the window too"
    assert "nopay.csv" not in text and not text.startswith("Imported")  # the earlier success is gone...
    assert window.bars.feedback.is_error and window.bars.feedback.text().startswith("✖")  # ...by the refusal
    assert "Nothing was imported from empty.csv" in text and "unchanged" in text
    assert "Nothing was imported from empty.csv" in window.statusBar().currentMessage()
    assert ws.network.partners == partners_after_good and ws.undo_label == undo_after_good  # and it is true


def test_an_import_that_cannot_be_written_replaces_the_earlier_success(window: MainWindow, tmp_path) -> None:
    from imagingnet_desktop.store.errors import WorkspaceError

    ws = window.workspace
    nsh = ws.network.partners[0]
    good = tmp_path / "nopay.csv"
    good.write_text("code,name,organisation_type,population_served\n"
                    f"NSH,{nsh.name},{nsh.organisation_type},{nsh.population_served + 1000}\n", encoding="utf-8")
    _import(window, good, [])
    assert window.bars.feedback_text().startswith("Imported nopay.csv")
    errors: list[str] = []
    window._show_error = lambda title, text: errors.append(f"{title}: {text}")

    def fail(*_: object) -> None:
        raise WorkspaceError("the disk is full.")

    import imagingnet_desktop.workspace.network.partner_import as partner_import
    original = partner_import.import_partners
    partner_import.import_partners = fail
    try:
        _import(window, good, [])
    finally:
        partner_import.import_partners = original
    assert errors and "Nothing was imported" in errors[0]
    text = window.bars.feedback_text()
    assert window.bars.feedback.is_error and not text.startswith("Imported")
    assert "Nothing was imported from nopay.csv" in text and "the disk is full" in text
