"""Disk full and read-only (issue 7, points 2 and 3): the user is told plainly the edit was not saved, nothing
is reported as saved that was not, and every committed edit is there once space returns."""

from __future__ import annotations

import os
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from disk_fixtures import fill, mounted_tmpfs, read_only
from imagingnet_desktop import cli
from imagingnet_desktop.store import WorkspaceReadOnlyError, WorkspaceSaveError
from imagingnet_desktop.workspace.network.partner_commands import edit_partner_field
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.workspace import Workspace
from store_fault_helpers import cli as run_subprocess
from store_fault_helpers import folder_state

CSV_ROWS = "".join(f"N{i:03d},New partner {i} Trust,NHS Trust,{1000 + i}\n" for i in range(50))  # 55 in all: within the partner limit
CSV = "code,name,organisation_type,population_served\n" + CSV_ROWS


@pytest.fixture
def disk(tmp_path: Path):
    with mounted_tmpfs(tmp_path / "disk") as where:
        yield where


def integrity(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


# --------------------------------------------------------------------------- 2. disk full


def test_an_edit_on_a_full_disk_is_refused_and_every_committed_edit_survives(disk: Path) -> None:
    path = disk / "w.imagingnet"
    workspace = create_demo(path)
    partner = workspace.network.partners[0]
    filler = fill(disk)
    committed: Decimal | None = partner.pay_cost_gbp
    failures = 0
    for k in range(1, 400):
        memory, undo_label = workspace.network, workspace.undo_label
        try:
            edit_partner_field(workspace, partner.id, "pay_cost_gbp", str(k))
        except WorkspaceSaveError as exc:
            failures += 1
            assert "not saved" in str(exc) and "disk is full" in str(exc)
            assert workspace.network == memory and workspace.undo_label == undo_label  # memory as it was
            if failures == 3:
                break
        else:
            committed = Decimal(k)
    assert failures, "the disk never filled up"
    with pytest.raises(WorkspaceSaveError):  # undo on a full disk is refused the same way, never a crash
        for _ in range(50):
            workspace.undo()
            committed = workspace.network.partner(partner.id).pay_cost_gbp
    workspace.close()  # on a full disk it may not be able to tidy up: that must not spoil the file
    filler.unlink()

    reopened = Workspace.open(path)  # never refused (not "truncated")
    try:
        assert reopened.network.partner(partner.id).pay_cost_gbp == committed
    finally:
        reopened.close()
    assert integrity(path) == [("ok",)]
    assert sorted(os.listdir(disk)) == ["w.imagingnet"]


def test_import_on_a_full_disk_exits_2_in_one_line_and_saves_all_or_nothing(disk: Path, tmp_path: Path,
                                                                          capsys) -> None:
    path = disk / "w.imagingnet"
    create_demo(path).close()
    source = tmp_path / "many.csv"
    source.write_text(CSV, encoding="utf-8")
    filler = fill(disk)
    code = cli.run(["import-partners", str(path), str(source)])
    captured = capsys.readouterr()
    if code == 0:  # enough room after all: then it really is in the file
        assert "Imported" in captured.out
    else:
        assert code == 2 and len(captured.err.strip().splitlines()) == 1 and "disk is full" in captured.err
        assert "Imported" not in captured.out
    filler.unlink()
    reopened = Workspace.open(path)
    try:
        assert len(reopened.network.partners) == (305 if code == 0 else 5)
    finally:
        reopened.close()


def test_new_on_a_full_disk_leaves_no_file_behind(disk: Path, capsys) -> None:
    filler = fill(disk)
    target = disk / "new.imagingnet"
    for demo in ([], ["--demo"]):
        code = cli.run(["new", str(target), *demo])
        err = capsys.readouterr().err
        assert code == 2 and len(err.strip().splitlines()) == 1 and "not created" in err, err
        assert sorted(os.listdir(disk)) == ["filler.bin"]  # no 0-byte file to block the next attempt
    filler.unlink()
    assert cli.run(["new", str(target), "--demo"]) == 0
    assert sorted(os.listdir(disk)) == ["new.imagingnet"]


# --------------------------------------------------------------------------- 3. read-only file or folder


@pytest.fixture
def read_only_workspace(disk: Path):
    path = disk / "w.imagingnet"
    create_demo(path).close()
    with read_only(disk):
        yield path


def test_a_read_only_workspace_is_refused_for_editing_in_one_line(read_only_workspace: Path, tmp_path: Path,
                                                                capsys) -> None:
    path = read_only_workspace
    source = tmp_path / "p.csv"
    source.write_text(CSV, encoding="utf-8")
    before = folder_state(path.parent)
    code = cli.run(["import-partners", str(path), str(source)])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "read-only" in err, err
    with pytest.raises(WorkspaceReadOnlyError):
        Workspace.open(path)
    assert cli.run(["report", str(path)]) == 0  # reading still works
    capsys.readouterr()
    reader = Workspace.open_read_only(path)
    try:
        with pytest.raises(PermissionError):
            edit_partner_field(reader, reader.network.partners[0].id, "pay_cost_gbp", "1")
    finally:
        reader.close()
    assert folder_state(path.parent) == before


def test_exit_after_start_opens_a_read_only_workspace_read_only(read_only_workspace: Path, tmp_path: Path) -> None:
    settings = tmp_path / "settings.ini"
    env_before = os.environ.get("IMAGINGNET_SETTINGS")
    os.environ["IMAGINGNET_SETTINGS"] = str(settings)
    try:
        done = run_subprocess("--exit-after-start", str(read_only_workspace))
    finally:
        if env_before is None:
            os.environ.pop("IMAGINGNET_SETTINGS", None)
        else:
            os.environ["IMAGINGNET_SETTINGS"] = env_before
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_a_copy_off_the_read_only_disk_edits_normally(read_only_workspace: Path, tmp_path: Path) -> None:
    copy = Path(shutil.copyfile(read_only_workspace, tmp_path / "copy.imagingnet"))
    workspace = Workspace.open(copy)
    try:
        edit_partner_field(workspace, workspace.network.partners[0].id, "pay_cost_gbp", "7")
    finally:
        workspace.close()
