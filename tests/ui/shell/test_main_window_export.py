"""File ▸ Export ▸ Draft MOU… / Draft heads of terms…, driven as a person would with the dialogs replaced:
choose a file, the draft is written and recorded, then the window offers to open it or its folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from docx_reading import read_docx
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.workspace.exports.history import EXPORTS, ExportKind
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.workspace import Workspace


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    win = MainWindow(AppSettings.in_file(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    assert win.open_path(path)
    win.show()
    return win


class Dialogs:
    """Stands in for the file dialog and the open-it question, and remembers what was asked and opened."""

    def __init__(self, win: MainWindow, monkeypatch, answer: str | None, choice: str | None) -> None:
        self.asked: list[tuple[str, Path]] = []
        self.offered: list[object] = []
        self.opened: list[Path] = []
        monkeypatch.setattr(win, "_ask_export_path", lambda title, suggested: self.asked.append(
            (title, suggested)) or answer)
        monkeypatch.setattr(win, "_ask_open_export", lambda outcome: self.offered.append(outcome) or choice)
        monkeypatch.setattr(win, "_open_location", lambda path: self.opened.append(path) or True)


def error_texts(win: MainWindow) -> list[str]:
    return [box.text() for box in win.findChildren(QMessageBox, "errorMessage") if box.isVisible()]


def test_export_mou_from_the_menu_then_open_the_document(window, tmp_path, monkeypatch):
    target = tmp_path / "board papers" / "the MOU"  # no suffix: .docx is added
    target.parent.mkdir()
    dialogs = Dialogs(window, monkeypatch, str(target), "document")
    window.actions_.export_mou.trigger()
    written = target.with_name("the MOU.docx")
    title, suggested = dialogs.asked[0]
    assert title == "Export the draft MOU"
    assert suggested == window.workspace.path.parent / "Northshire & Vale Imaging Network - Draft MOU v1.docx"
    assert read_docx(written).texts("Title") == ["Draft Memorandum of Understanding"]
    assert dialogs.opened == [written]
    assert [o.version for o in dialogs.offered] == [1]
    assert window.statusBar().currentMessage().startswith("Exported the draft MOU, version 1, to ")
    assert window.workspace.undo_label is None and not window.actions_.undo.isEnabled()  # a record, not an edit
    assert QApplication.overrideCursor() is None


def test_heads_of_terms_then_show_the_folder_and_the_version_counts_up(window, tmp_path, monkeypatch):
    target = tmp_path / "hot.docx"
    dialogs = Dialogs(window, monkeypatch, str(target), "folder")
    window.actions_.export_heads_of_terms.trigger()
    window.actions_.export_heads_of_terms.trigger()
    assert dialogs.opened == [tmp_path, tmp_path]
    assert [o.version for o in dialogs.offered] == [1, 2]
    assert dialogs.asked[1][1].name.endswith("Draft heads of terms v2.docx")
    window.close()
    reader = Workspace.open_read_only(tmp_path / "demo.imagingnet")
    try:
        assert [(r.kind, r.version) for r in reader.rows(EXPORTS)] == [(ExportKind.HEADS_OF_TERMS, 1),
                                                                      (ExportKind.HEADS_OF_TERMS, 2)]
    finally:
        reader.close()


def test_cancelling_the_file_dialog_writes_nothing(window, tmp_path, monkeypatch):
    dialogs = Dialogs(window, monkeypatch, None, "document")
    window.actions_.export_mou.trigger()
    assert dialogs.offered == [] and window.workspace.rows(EXPORTS) == ()
    assert not list(tmp_path.glob("*.docx"))


def test_a_file_open_in_word_is_reported_and_left_alone(window, tmp_path, monkeypatch, qtbot):
    target = tmp_path / "mou.docx"
    target.write_bytes(b"open in Word")
    dialogs = Dialogs(window, monkeypatch, str(target), "document")

    def locked(src, dst):
        raise PermissionError(13, "being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    window.actions_.export_mou.trigger()
    qtbot.waitUntil(lambda: bool(error_texts(window)))
    assert "mou.docx is open in another program (Word?)" in error_texts(window)[0]
    assert target.read_bytes() == b"open in Word"
    assert dialogs.offered == [] and window.workspace.rows(EXPORTS) == ()
    assert QApplication.overrideCursor() is None


def test_the_export_actions_need_a_workspace(window):
    window.close_workspace()
    assert not window.actions_.export_mou.isEnabled()
    assert not window.actions_.export_heads_of_terms.isEnabled()
    assert window.export_mou_dialog() is None


@pytest.mark.parametrize(("button", "expected"), [("Open the document", "document"), ("Show the folder", "folder"),
                                                  ("Close", None)])
def test_the_offer_to_open_answers_with_the_button_pressed(window, qtbot, button, expected):
    from PySide6.QtCore import QTimer

    from imagingnet_desktop.ui.shell import dialogs

    def press() -> None:
        box = window.findChild(QMessageBox, "exportDoneMessage")
        assert box is not None and "version 3" in box.text()
        next(b for b in box.buttons() if b.text().replace("&", "") == button).click()

    QTimer.singleShot(0, press)
    assert dialogs.ask_open_export(window, "The draft MOU, version 3, is saved as x.docx.", "Folder: /tmp") == expected
