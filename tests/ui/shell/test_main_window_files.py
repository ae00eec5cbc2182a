"""The main window's File menu: new, open, recent, import partners, and every way opening can fail."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlite_utils import Database

from imagingnet_desktop.domain.network.partner import TEMPLATE_HEADER
from imagingnet_desktop.resources import resource
from imagingnet_desktop.store import WorkspaceInUseError
from imagingnet_desktop.store.migrations.schema import APPLICATION_ID, MIGRATIONS
from imagingnet_desktop.ui.shell.dialogs import ImportProblemsDialog
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.ui.shell.settings import AppSettings
from imagingnet_desktop.workspace.network.partner_commands import rename_network
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.workspace import Workspace


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings.in_file(tmp_path / "settings.ini")


def demo(tmp_path: Path, name: str = "demo.imagingnet") -> Path:
    path = tmp_path / name
    create_demo(path).close()
    return path


@pytest.fixture
def make_window(qtbot, settings: AppSettings):
    def make(path: Path | None = None) -> MainWindow:
        win = MainWindow(settings)
        qtbot.addWidget(win)
        win.show()
        if path is not None:
            assert win.open_path(path)
        return win

    return make


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def error_boxes(win: MainWindow) -> list[QMessageBox]:
    return [box for box in win.findChildren(QMessageBox, "errorMessage") if box.isVisible()]


def demo_rows() -> list[list[str]]:
    text = resource("demo-network.csv").read_text(encoding="utf-8-sig")
    return list(csv.reader(text.splitlines()))[1:]


def write_csv(path: Path, rows: list[list[str]], header: tuple[str, ...] = TEMPLATE_HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([list(header), *rows])
    return path


def read_back(path: Path) -> Workspace:
    return Workspace.open_read_only(path)


# ------------------------------------------------------------------------------------------- import


def test_import_via_the_menu_adds_partners_and_ctrl_z_removes_them(tmp_path, make_window, monkeypatch) -> None:
    path = demo(tmp_path)
    win = make_window(path)
    before = win.workspace.network.partners
    rows = []
    for n, row in enumerate(demo_rows()[:2], start=1):
        row = list(row)
        row[0], row[1] = f"NEW{n}", f"Newtown & Llan{n} Hospitals NHS Trust"
        rows.append(row)
    source = write_csv(tmp_path / "two new.csv", rows)
    monkeypatch.setattr(win, "_ask_import_path", lambda: str(source))

    win.actions_.import_partners.trigger()
    codes = [p.code for p in win.workspace.network.partners]
    assert codes == [p.code for p in before] + ["NEW1", "NEW2"]
    assert win.statusBar().currentMessage() == "2 partners added, 0 updated, 0 unchanged — Ctrl+Z to undo"
    assert win.actions_.undo.text().replace("&&", "&").replace("&U", "U") == "Undo import partners from two new.csv"

    win.actions_.undo.trigger()
    assert win.workspace.network.partners == before
    win.close()
    check = read_back(path)
    try:
        assert check.network.partners == before
    finally:
        check.close()


def test_a_bad_csv_lists_every_problem_and_changes_nothing(tmp_path, make_window, monkeypatch, qtbot) -> None:
    path = demo(tmp_path)
    win = make_window(path)
    before = win.workspace.network
    rows = [list(r) for r in demo_rows()[:3]]
    rows[0][4] = "-5"  # population_served, row 2 of the file
    rows[2][8] = "150"  # staff vacancy %, row 4
    rows[2][2] = "Limited company"
    source = write_csv(tmp_path / "bad.csv", rows)
    monkeypatch.setattr(win, "_ask_import_path", lambda: str(source))

    win.actions_.import_partners.trigger()
    qtbot.waitUntil(lambda: win.findChild(ImportProblemsDialog) is not None)
    dialog = win.findChild(ImportProblemsDialog)
    lines = dialog.text().splitlines()
    assert len(lines) == 3
    assert any(line.startswith("Row 2, column 'population_served'") for line in lines)
    assert any(line.startswith("Row 4, column 'staff_vacancy_rate_pct'") for line in lines)
    assert any(line.startswith("Row 4, column 'organisation_type'") for line in lines)
    dialog.copy_all()
    assert QApplication.clipboard().text() == dialog.text()
    assert win.workspace.network == before
    assert win.workspace.undo_label is None and not win.actions_.undo.isEnabled()
    dialog.close()
    win.close()
    check = read_back(path)
    try:
        assert check.network == before
    finally:
        check.close()


# ------------------------------------------------------------------------------------------- open


def test_opening_a_file_that_is_not_a_workspace_says_so_and_leaves_it_untouched(tmp_path, make_window,
                                                                                monkeypatch) -> None:
    current = demo(tmp_path)
    win = make_window(current)
    not_text = tmp_path / "minutes.imagingnet"
    not_text.write_bytes(b"Minutes of the partnership board\n" * 20)
    other_db = tmp_path / "other.imagingnet"
    conn = sqlite3.connect(other_db)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for bad, says in ((not_text, "not a database"), (other_db, "not an ImagingNet workspace")):
        before = digest(bad)
        monkeypatch.setattr(win, "_ask_open_path", lambda bad=bad: str(bad))
        win.actions_.open.trigger()
        boxes = error_boxes(win)
        assert len(boxes) == 1 and says in boxes[0].text()
        boxes[0].close()
        assert digest(bad) == before
        assert not Path(f"{bad}-wal").exists() and not Path(f"{bad}-journal").exists()
        assert win.workspace is not None and win.workspace.path == current  # the open workspace stays
    assert str(other_db) not in map(str, win.settings.recent_files())


def test_opening_a_missing_file_on_the_start_page_stays_there(tmp_path, make_window) -> None:
    win = make_window()
    assert not win.open_path(tmp_path / "gone.imagingnet")
    assert "There is no workspace" in error_boxes(win)[0].text()
    assert win.workspace is None and win.windowTitle() == "ImagingNet Desktop"
    assert not (tmp_path / "gone.imagingnet").exists()


def test_a_workspace_in_use_is_only_taken_over_when_asked(tmp_path, settings, qtbot, monkeypatch) -> None:
    path = demo(tmp_path)
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.open_path(path)
    second = MainWindow(AppSettings.in_file(tmp_path / "second.ini"))
    qtbot.addWidget(second)
    asked: list[str] = []

    def refuse(message: str) -> bool:
        asked.append(message)
        return False

    monkeypatch.setattr(second, "_ask_take_over", refuse)
    assert not second.open_path(path)
    assert "already open" in asked[0] and second.workspace is None

    monkeypatch.setattr(second, "_ask_take_over", lambda message: True)
    assert second.open_path(path)
    rename_network(second.workspace, "Taken over")
    with pytest.raises(WorkspaceInUseError):  # the first copy can no longer overwrite
        rename_network(first.workspace, "Overwritten")
    second.close()
    first.close()
    check = read_back(path)
    try:
        assert check.network.name == "Taken over"
    finally:
        check.close()


def test_an_older_workspace_is_migrated_and_the_backup_named_in_the_status_bar(tmp_path, make_window) -> None:
    path = tmp_path / "old.imagingnet"
    db = Database(path)
    MIGRATIONS[0](db)
    db["meta"].insert({"key": "network_name", "value": "Old network"})
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.conn.commit()
    db.close()
    win = make_window(path)
    backup = win.workspace.backup_path
    assert backup is not None and backup.exists()
    assert str(backup) in win.statusBar().currentMessage()


def test_open_replaces_the_workspace_and_rebuilds_the_tabs(tmp_path, make_window, monkeypatch) -> None:
    first, second = demo(tmp_path, "first.imagingnet"), demo(tmp_path, "second.imagingnet")
    win = make_window(first)
    old_tab = win.tab("network")
    monkeypatch.setattr(win, "_ask_open_path", lambda: str(second))
    win.actions_.open.trigger()
    assert win.workspace.path == second
    assert win.tab("network") is not old_tab and win.tab_widget.count() == 6
    assert win.windowTitle().endswith("— second.imagingnet — ImagingNet Desktop")
    assert not Path(f"{first}-wal").exists()  # the first was closed cleanly
    reopened = Workspace.open(first)  # and released
    reopened.close()


# ------------------------------------------------------------------------------------------- new, recent


def test_new_workspace_asks_a_name_and_a_path(tmp_path, make_window, monkeypatch) -> None:
    win = make_window()
    monkeypatch.setattr(win, "_ask_network_name", lambda: "  Cwm Taf & Bae  Imaging ŵ ")
    monkeypatch.setattr(win, "_ask_new_path", lambda suggested: str(tmp_path / "cwm"))
    win.actions_.new.trigger()
    assert win.workspace is not None
    assert win.workspace.path == tmp_path / "cwm.imagingnet"
    assert win.workspace.network.name == "Cwm Taf & Bae Imaging ŵ" and win.workspace.network.partners == ()
    assert win.windowTitle() == "Cwm Taf & Bae Imaging ŵ — cwm.imagingnet — ImagingNet Desktop"

    monkeypatch.setattr(win, "_ask_new_path", lambda suggested: str(tmp_path / "cwm.imagingnet"))
    win.actions_.new.trigger()  # the file exists: refused, the open workspace kept
    assert "already exists" in error_boxes(win)[0].text()
    assert win.workspace.path == tmp_path / "cwm.imagingnet"

    monkeypatch.setattr(win, "_ask_network_name", lambda: "   ")
    assert not win.new_workspace()


def test_new_demo_workspace(tmp_path, make_window, monkeypatch) -> None:
    win = make_window()
    suggested: list[str] = []
    monkeypatch.setattr(win, "_ask_new_path", lambda name: suggested.append(name) or str(tmp_path / "d.imagingnet"))
    win.actions_.new_demo.trigger()
    assert suggested == ["Northshire & Vale Imaging Network"]
    assert [p.code for p in win.workspace.network.partners] == [row[0] for row in demo_rows()]


def test_recent_files_are_remembered_and_reopened(tmp_path, make_window, settings, qtbot) -> None:
    first, second = demo(tmp_path, "first.imagingnet"), demo(tmp_path, "second.imagingnet")
    win = make_window(first)
    win.open_path(second)
    win.close()
    remembered = AppSettings.in_file(Path(settings._q.fileName())).recent_files()
    assert remembered[:2] == [second.resolve(), first.resolve()]

    again = MainWindow(AppSettings.in_file(Path(settings._q.fileName())))
    qtbot.addWidget(again)
    again.fill_recent_menu()
    entries = [a for a in again.actions_.recent_menu.actions() if a.text().startswith("&")]
    assert [a.text() for a in entries] == ["&1 second.imagingnet", "&2 first.imagingnet"]
    entries[1].trigger()
    assert again.workspace is not None and again.workspace.path.resolve() == first.resolve()
    assert again.settings.recent_files()[0] == first.resolve()

    first_text = "&1 first.imagingnet"
    second.unlink()  # a recent file that has gone is dropped when it fails to open
    again.open_path(second)
    assert second.resolve() not in again.settings.recent_files()
    again.fill_recent_menu()
    assert again.actions_.recent_menu.actions()[0].text() == first_text


def test_settings_keep_at_most_eight_recent_files(tmp_path, settings) -> None:
    for n in range(12):
        settings.add_recent(tmp_path / f"w{n}.imagingnet")
    settings.add_recent(tmp_path / "w5.imagingnet")
    recent = settings.recent_files()
    assert len(recent) == 8 and recent[0].name == "w5.imagingnet"
    assert len({str(p) for p in recent}) == 8
