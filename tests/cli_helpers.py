"""What the command-line tests share: a fresh demo workspace and ``run`` (exit code, stdout, stderr)."""

from __future__ import annotations

from pathlib import Path

import pytest

from imagingnet_desktop import cli
from imagingnet_desktop.workspace.network.partner_import import create_demo


def make_demo(path: Path) -> Path:
    create_demo(path).close()
    return path


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = cli.run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err
