"""``imagingnet [--exit-after-start] [WORKSPACE]``: exit codes, messages, and what start-up does not import."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from imagingnet_desktop.app import StartOptions, UsageError, parse_args, start_workspace
from imagingnet_desktop.ui.shell.settings import AppSettings, unused_path
from imagingnet_desktop.workspace.network.partner_commands import rename_network
from imagingnet_desktop.workspace.network.partner_import import DEMO_NETWORK_NAME, create_demo
from imagingnet_desktop.workspace.workspace import Workspace

KEPT_OFF_THE_START_PATH = ("pandas", "numpy", "matplotlib", "sqlite_utils", "openpyxl", "docx")


def run(*args: str, tmp_path: Path, python_flags: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", IMAGINGNET_SETTINGS=str(tmp_path / "settings.ini"))
    return subprocess.run(
        [sys.executable, *python_flags, "-m", "imagingnet_desktop", *args],
        env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_exit_after_start_paints_the_demo_and_exits_0(tmp_path: Path, demo_path: Path) -> None:
    result = run("--exit-after-start", str(demo_path), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert not Path(f"{demo_path}-wal").exists() and not Path(f"{demo_path}-shm").exists()
    assert not (tmp_path / "settings.ini").exists()  # a smoke check leaves the recent list alone


def test_start_up_imports_no_pandas_numpy_matplotlib_or_sqlite_utils(tmp_path: Path, demo_path: Path) -> None:
    result = run("--exit-after-start", str(demo_path), tmp_path=tmp_path, python_flags=("-X", "importtime"))
    assert result.returncode == 0, result.stderr
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "imagingnet_desktop.ui.shell.main_window" in imported and "PySide6.QtWidgets" in imported
    heavy = sorted(m for m in imported if m.split(".")[0] in KEPT_OFF_THE_START_PATH)
    assert heavy == []


def test_a_missing_workspace_exits_2_with_a_message_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.imagingnet"
    result = run("--exit-after-start", str(missing), tmp_path=tmp_path)
    assert result.returncode == 2
    assert "imagingnet: There is no workspace at" in result.stderr and "Traceback" not in result.stderr
    assert not missing.exists()


def test_a_file_that_is_not_a_workspace_exits_2_and_is_untouched(tmp_path: Path) -> None:
    bad = tmp_path / "notes.imagingnet"
    bad.write_text("Actions from the last board:\n- agree the MOU\n", encoding="utf-8")
    before = digest(bad)
    result = run("--exit-after-start", str(bad), tmp_path=tmp_path)
    assert result.returncode == 2
    assert "is not an ImagingNet workspace" in result.stderr and "Traceback" not in result.stderr
    assert digest(bad) == before


def test_a_workspace_open_elsewhere_exits_1_and_is_not_taken_over(tmp_path: Path, demo_path: Path) -> None:
    holder = Workspace.open(demo_path)  # this test process holds it
    try:
        result = run("--exit-after-start", str(demo_path), tmp_path=tmp_path)
        assert result.returncode == 1
        assert "already open" in result.stderr and "Traceback" not in result.stderr
        rename_network(holder, "Still mine")  # the holder still owns the file
    finally:
        holder.close()


def test_an_unknown_option_exits_2_with_the_usage(tmp_path: Path) -> None:
    result = run("--exit-after-strat", "x.imagingnet", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "usage: imagingnet" in result.stderr and "unknown option --exit-after-strat" in result.stderr


def test_parse_args() -> None:
    assert parse_args([]) == StartOptions(None, False)
    assert parse_args(["w.imagingnet"]) == StartOptions(Path("w.imagingnet"), False)
    assert parse_args(["--exit-after-start", "w.imagingnet"]) == StartOptions(Path("w.imagingnet"), True)
    assert parse_args(["w.imagingnet", "--exit-after-start"]) == StartOptions(Path("w.imagingnet"), True)
    assert parse_args(["--", "--odd name"]) == StartOptions(Path("--odd name"), False)
    with pytest.raises(UsageError):
        parse_args(["a.imagingnet", "b.imagingnet"])
    with pytest.raises(UsageError):
        parse_args(["--verbose"])


# ------------------------------------------------------------------------------ no argument: last, else a demo


def test_first_start_creates_a_demo_without_overwriting_one(tmp_path: Path) -> None:
    settings = AppSettings.in_file(tmp_path / "settings.ini")
    create_demo(tmp_path / f"{DEMO_NETWORK_NAME}.imagingnet").close()  # an earlier demo, maybe edited
    workspace, note = start_workspace(settings, tmp_path)
    try:
        assert workspace.path == tmp_path / f"{DEMO_NETWORK_NAME} 2.imagingnet"
        assert workspace.network.name == DEMO_NETWORK_NAME and workspace.network.partners
        assert str(workspace.path) in note
    finally:
        workspace.close()
    assert unused_path(tmp_path, DEMO_NETWORK_NAME).name == f"{DEMO_NETWORK_NAME} 3.imagingnet"


def test_start_reopens_the_last_workspace(tmp_path: Path, demo_path: Path) -> None:
    settings = AppSettings.in_file(tmp_path / "settings.ini")
    settings.add_recent(demo_path)
    workspace, note = start_workspace(settings, tmp_path / "unused")
    try:
        assert workspace.path.resolve() == demo_path.resolve() and note == ""
    finally:
        workspace.close()


def test_start_falls_back_to_a_demo_when_the_last_workspace_is_gone(tmp_path: Path) -> None:
    settings = AppSettings.in_file(tmp_path / "settings.ini")
    settings.add_recent(tmp_path / "deleted.imagingnet")
    workspace, note = start_workspace(settings, tmp_path)
    try:
        assert workspace.path.name == f"{DEMO_NETWORK_NAME}.imagingnet"
        assert "could not be reopened" in note and "There is no workspace" in note
    finally:
        workspace.close()


def test_exit_after_start_with_no_argument_reopens_the_last_workspace(tmp_path: Path, demo_path: Path) -> None:
    AppSettings.in_file(tmp_path / "settings.ini").add_recent(demo_path)
    before = (tmp_path / "settings.ini").read_bytes()
    result = run("--exit-after-start", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("*.imagingnet")) == ["demo.imagingnet"]  # no new demo
    assert (tmp_path / "settings.ini").read_bytes() == before


# ------------------------------------------------------------------------------ the window, in process


def run_app_and_look(args: list[str], tmp_path: Path, monkeypatch, qapp) -> dict[str, object]:
    """Run ``run_app(args)`` in this process; once the window is up, note what it shows and close it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from imagingnet_desktop.app import run_app
    from imagingnet_desktop.ui.shell.main_window import MainWindow

    monkeypatch.setenv("IMAGINGNET_SETTINGS", str(tmp_path / "settings.ini"))
    seen: dict[str, object] = {}

    def look() -> None:
        window = next(w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["title"] = window.windowTitle()
        seen["status"] = window.statusBar().currentMessage()
        seen["errors"] = [b.text() for b in window.findChildren(QMessageBox) if b.isVisible()]
        seen["workspace"] = window.workspace.path if window.workspace else None
        window.close()

    QTimer.singleShot(50, look)
    seen["exit"] = run_app(args)
    return seen


def test_run_app_opens_the_window_on_the_workspace(tmp_path: Path, demo_path: Path, monkeypatch, qapp) -> None:
    seen = run_app_and_look([str(demo_path)], tmp_path, monkeypatch, qapp)
    assert seen["exit"] == 0 and seen["workspace"] == demo_path
    assert seen["title"] == f"{DEMO_NETWORK_NAME} — demo.imagingnet — ImagingNet Desktop"
    assert AppSettings.in_file(tmp_path / "settings.ini").recent_files() == [demo_path.resolve()]


def test_run_app_on_a_bad_file_shows_the_error_and_the_start_page(tmp_path: Path, monkeypatch, qapp) -> None:
    bad = tmp_path / "bad.imagingnet"
    bad.write_bytes(b"\x00" * 300)
    seen = run_app_and_look([str(bad)], tmp_path, monkeypatch, qapp)
    assert seen["workspace"] is None and seen["title"] == "ImagingNet Desktop"
    assert any("is not an ImagingNet workspace" in text for text in seen["errors"])  # type: ignore[union-attr]
    assert bad.read_bytes() == b"\x00" * 300
