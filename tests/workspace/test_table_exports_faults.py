"""A table export that cannot be written (a full disk, a folder that may not be written, a target open in
Excel) exits 2 with one plain line, and leaves no half a file: a target already there stays byte for byte."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from disk_fixtures import fill, mounted_tmpfs, read_only
from imagingnet_desktop import cli
from imagingnet_desktop.documents import output
from imagingnet_desktop.documents.output import ExportFileError, TargetInUseError
from imagingnet_desktop.workspace import table_exports
from imagingnet_desktop.workspace.table_exports import Table, write_table
from store_fault_helpers import cli as run_subprocess
from store_fault_helpers import folder_state, one_line

TABLE = Table("T", ("text", "number"), (("a", 1), ("b", 2)))
OLD = b"the export from last week"


@pytest.fixture
def disk(tmp_path: Path):
    with mounted_tmpfs(tmp_path / "disk", size="600k") as where:
        yield where


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    return Path(shutil.copyfile(demo_file, tmp_path / "w.imagingnet"))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_full_disk_exits_2_in_one_line_and_leaves_the_old_file(disk: Path, demo: Path, suffix: str) -> None:
    kept, fresh = disk / f"kept{suffix}", disk / f"fresh{suffix}"
    kept.write_bytes(OLD)
    filler = fill(disk)
    before = folder_state(disk)
    for target in (kept, fresh):
        done = run_subprocess("export", "partners", str(demo), "-o", str(target))
        assert done.returncode == 2, done.stderr
        assert one_line(done.stderr) and "Exception ignored" not in done.stderr, done.stderr
        assert "disk is full" in done.stderr and target.name in done.stderr
        assert done.stdout == ""
        assert folder_state(disk) == before  # no empty file, no temporary one, the old export as it was
    filler.unlink()
    done = run_subprocess("export", "partners", str(demo), "-o", str(fresh))
    assert done.returncode == 0, done.stderr
    assert sorted(os.listdir(disk)) == [f"fresh{suffix}", f"kept{suffix}"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_read_only_folder_exits_2_in_one_line_and_writes_nothing(disk: Path, demo: Path, capsys,
                                                                   suffix: str) -> None:
    (disk / f"kept{suffix}").write_bytes(OLD)
    with read_only(disk):
        before = folder_state(disk)
        for name in (f"kept{suffix}", f"fresh{suffix}"):
            code = cli.run(["export", "partners", str(demo), "-o", str(disk / name)])
            err = capsys.readouterr().err
            assert code == 2 and one_line(err), err
            assert "may not write in" in err and "choose another folder" in err
            assert folder_state(disk) == before


def test_a_target_open_in_excel_is_named_and_left_as_it_was(demo: Path, tmp_path: Path, capsys,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "partners.xlsx"
    target.write_bytes(OLD)

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    code = cli.run(["export", "partners", str(demo), "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 2 and one_line(err), err
    assert "partners.xlsx is open in another program (Excel?)" in err and "Close it there" in err
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["partners.xlsx", "w.imagingnet"]


def test_a_failure_midway_leaves_no_half_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def half(table: Table, path: Path) -> None:
        path.write_text("text,num")
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(table_exports, "write_csv", half)
    with pytest.raises(ExportFileError, match="t.csv could not be written: Input/output error"):
        write_table(TABLE, tmp_path / "t.csv")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_the_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / "t.csv").mkdir()
    with pytest.raises(ExportFileError, match="is a folder; give a file name ending .csv"):
        write_table(TABLE, tmp_path / "t.csv")


def test_no_permission_to_write_in_the_folder_is_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(path: object, flags: int, mode: int = 0o777) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(output.os, "open", refused)
    with pytest.raises(TargetInUseError, match=r"may not write in .* \(Permission denied\); choose another folder"):
        write_table(TABLE, tmp_path / "t.xlsx")
    assert list(tmp_path.iterdir()) == []



@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_an_export_gets_the_permissions_any_new_file_gets(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = write_table(TABLE, tmp_path / "t.csv")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644  # readable by the colleagues the folder is shared with
