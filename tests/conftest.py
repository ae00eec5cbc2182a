"""Fixtures shared by the test modules: the whole run offline, the demo workspace file and a fresh editable
copy of it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.workspace import Workspace
from offline import network_guard  # noqa: E402

OFFLINE_DIR = Path(network_guard.__file__).resolve().parent


@pytest.fixture(scope="session", autouse=True)
def offline() -> Iterator[None]:
    """The whole run is offline: any connection that would leave this machine raises, in this process and in
    every Python subprocess that inherits the environment (``tests/offline/sitecustomize.py``)."""
    saved = {key: os.environ.get(key) for key in ("PYTHONPATH", network_guard.ENV_FLAG)}
    network_guard.install()
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(OFFLINE_DIR), saved["PYTHONPATH"]) if p)
    os.environ[network_guard.ENV_FLAG] = "1"
    yield
    network_guard.uninstall()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(autouse=True)
def _network_only_where_marked(request: pytest.FixtureRequest, offline: None) -> Iterator[None]:
    """``@pytest.mark.allow_network(reason="...")`` lifts the guard for one test; the reason is required."""
    marker = request.node.get_closest_marker("allow_network")
    if marker is None:
        yield
        return
    if not marker.kwargs.get("reason"):
        pytest.fail("@pytest.mark.allow_network needs reason=... saying why the test needs the network")
    network_guard.uninstall()
    os.environ[network_guard.ENV_FLAG] = "0"
    try:
        yield
    finally:
        network_guard.install()
        os.environ[network_guard.ENV_FLAG] = "1"


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace, made once per run; copy it before editing (see ``workspace``)."""
    path = tmp_path_factory.mktemp("template") / "demo.imagingnet"
    create_demo(path).close()
    return path


@pytest.fixture
def workspace(demo_file: Path, tmp_path: Path):
    """A fresh copy of the demo workspace, open for editing and closed afterwards."""
    ws = Workspace.open(shutil.copyfile(demo_file, tmp_path / "workspace.imagingnet"))
    yield ws
    ws.close()


@pytest.fixture
def demo_window(qtbot, demo_file: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The main window on a copy of the demo, as the fit tests use it: themed, shown, its settings in the test's
    folder, and out of presentation mode afterwards."""
    from PySide6.QtWidgets import QApplication

    from imagingnet_desktop.ui.common import theme
    from imagingnet_desktop.ui.shell.main_window import MainWindow
    from imagingnet_desktop.ui.shell.settings import AppSettings

    theme.apply(QApplication.instance())
    path = shutil.copyfile(demo_file, tmp_path / "demo.imagingnet")
    window = MainWindow(AppSettings.in_file(tmp_path / "settings.ini"), remember=False)
    qtbot.addWidget(window)
    assert window.open_path(path)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.set_presentation_mode(False)
