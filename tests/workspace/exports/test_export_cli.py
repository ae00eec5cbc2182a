"""``imagingnet export mou|heads-of-terms WORKSPACE -o FILE.docx`` run in-process: exit 0 with one line, 2 with
a one-line message for what the person can put right (a locked target, a missing folder, a workspace open
elsewhere), and the workspace untouched when nothing was exported."""

from __future__ import annotations

import os
import shutil

import pytest

from docx_reading import read_docx
from imagingnet_desktop import cli
from imagingnet_desktop.workspace.exports.history import EXPORTS
from imagingnet_desktop.workspace.workspace import Workspace


@pytest.fixture
def demo(demo_file, tmp_path):
    return shutil.copyfile(demo_file, tmp_path / "demo.imagingnet")


def recorded(path) -> int:
    reader = Workspace.open_read_only(path)
    try:
        return len(reader.rows(EXPORTS))
    finally:
        reader.close()


@pytest.mark.usefixtures("quiet_areas")
def test_export_both_drafts(demo, tmp_path, capsys):
    assert cli.run(["export", "mou", str(demo), "-o", str(tmp_path / "mou.docx")]) == 0
    assert cli.run(["export", "heads-of-terms", str(demo), "-o", str(tmp_path / "hot.docx")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Exported the draft MOU, version 1,") and "7 matters still open" in out[0]
    assert out[1].startswith("Exported the draft heads of terms, version 1,")
    assert read_docx(tmp_path / "hot.docx").texts("Title") == ["Draft Heads of Terms"]
    assert recorded(demo) == 2


def test_a_locked_target_exits_2_with_one_line_and_records_nothing(demo, tmp_path, capsys, monkeypatch):
    target = tmp_path / "mou.docx"
    target.write_bytes(b"open in Word")

    def locked(src, dst):
        raise PermissionError(13, "being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    assert cli.run(["export", "mou", str(demo), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("imagingnet export: mou.docx is open in another program") and err.count("\n") == 1
    assert target.read_bytes() == b"open in Word"
    monkeypatch.undo()
    assert recorded(demo) == 0


def test_a_missing_folder_or_workspace_exits_2(demo, tmp_path, capsys):
    assert cli.run(["export", "mou", str(demo), "-o", str(tmp_path / "no" / "mou.docx")]) == 2
    assert "The folder" in capsys.readouterr().err
    assert cli.run(["export", "mou", str(tmp_path / "none.imagingnet"), "-o", str(tmp_path / "m.docx")]) == 2
    assert "There is no workspace at" in capsys.readouterr().err
    assert recorded(demo) == 0


def test_a_workspace_open_in_the_app_exits_2(demo, tmp_path, capsys):
    holder = Workspace.open(demo)
    try:
        assert cli.run(["export", "heads-of-terms", str(demo), "-o", str(tmp_path / "h.docx")]) == 2
        assert "already open" in capsys.readouterr().err
        assert not (tmp_path / "h.docx").exists()
    finally:
        holder.close()
