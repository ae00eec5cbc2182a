"""Fixtures shared by the test modules: the demo workspace file and a fresh editable copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.workspace import Workspace


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
