"""Opened twice, clean close, and reading without writing.

- The same workspace opened twice: the second is told (naming the computer), and after a take-over the first
  cannot silently overwrite: its next edit is refused, writes nothing and leaves its memory as it was.
- After a clean close the workspace is one self-contained file that opens anywhere on its own.
- Opening read-only never changes the file, and sees the latest edits of a copy that has it open for editing.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from file_checks import network_in_file
from imagingnet_desktop.store import (
    WorkspaceExistsError,
    WorkspaceFile,
    WorkspaceInUseError,
    WorkspaceMissingError,
)
from imagingnet_desktop.store.locking import this_host
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.network.partner_commands import (
    add_partner,
    edit_partner_field,
    rename_network,
)
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.workspace import Workspace
from locations import HELPERS

HELPER = HELPERS / "kill_editor.py"



def sql(path: Path, query: str) -> list[tuple]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def siblings(path: Path) -> list[str]:
    return sorted(os.listdir(path.parent))


# --------------------------------------------------------------------------- opened twice


def test_second_opener_is_told_and_a_take_over_stops_the_first_from_overwriting(tmp_path: Path) -> None:
    path = tmp_path / "board.imagingnet"
    first = create_demo(path)
    partner = first.network.partners[0]
    edit_partner_field(first, partner.id, "pay_cost_gbp", "1000")

    with pytest.raises(WorkspaceInUseError) as refused:
        Workspace.open(path)
    message = str(refused.value)
    assert this_host() in message and path.name in message and "already open" in message
    edit_partner_field(first, partner.id, "pay_cost_gbp", "2000")  # a refused opener took nothing away
    assert network_in_file(path).partners[0].pay_cost_gbp == 2000

    second = Workspace.open(path, take_over=True)
    changes: list[Change] = []
    first.subscribe(changes.append)
    memory, undo_label = first.network, first.undo_label

    for attempt in (
        lambda: edit_partner_field(first, partner.id, "pay_cost_gbp", "3000"),
        lambda: rename_network(first, "Overwritten"),
        lambda: add_partner(first),
        first.undo,
    ):
        with pytest.raises(WorkspaceInUseError, match="opened elsewhere.*not saved"):
            attempt()
        assert first.network == memory and first.undo_label == undo_label and changes == []
    assert network_in_file(path) == memory  # the first wrote nothing

    edit_partner_field(second, partner.id, "pay_cost_gbp", "4000")  # the second edits freely
    first.close()  # closing the first leaves the second's hold on the file alone
    edit_partner_field(second, partner.id, "pay_cost_gbp", "5000")
    with pytest.raises(WorkspaceInUseError):
        Workspace.open(path)
    second.close()
    assert network_in_file(path).partners[0].pay_cost_gbp == 5000
    assert sql(path, "SELECT COUNT(*) FROM session_lock") == [(0,)]


def test_a_workspace_open_in_another_process(tmp_path: Path) -> None:
    path = tmp_path / "board.imagingnet"
    create_demo(path).close()
    child = subprocess.Popen(
        [sys.executable, str(HELPER), "hold", str(path), "Named in the other process ŵ"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        with pytest.raises(WorkspaceInUseError, match=this_host()):
            Workspace.open(path)
        before = siblings(path)
        # Read-only works meanwhile and sees the other process's latest committed edit.
        assert network_in_file(path).name == "Named in the other process ŵ"
        assert siblings(path) == before
    finally:
        assert child.stdin is not None
        child.stdin.close()
        assert child.stdout.readline() == "closed\n"
        child.wait(timeout=10)
    assert siblings(path) == [path.name]  # its clean close left one file
    reopened = Workspace.open(path)  # no lock is left behind
    assert reopened.network.name == "Named in the other process ŵ"
    reopened.close()


# --------------------------------------------------------------------------- clean close


def test_after_a_clean_close_the_file_alone_holds_every_edit(tmp_path: Path) -> None:
    folder = tmp_path / "Gwaith ŵ #1 & co %20 ?"
    folder.mkdir()
    path = folder / "Rhwydwaith Cymru.imagingnet"
    workspace = create_demo(path, name="Cymru & Lloegr")
    first = workspace.network.partners[0]
    edit_partner_field(workspace, first.id, "name", "Betsi Cadwaladr ŵ 🩻")
    rename_network(workspace, "Rhwydwaith Delweddu <Gogledd> & 'De'")
    new = add_partner(workspace)
    expected = workspace.network
    assert Path(f"{path}-wal").exists()  # WAL while open
    workspace.close()

    assert siblings(path) == [path.name]
    assert path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: no -wal needed to read it
    assert sql(path, "SELECT COUNT(*) FROM session_lock") == [(0,)]

    elsewhere = tmp_path / "emailed"
    elsewhere.mkdir()
    copy = Path(shutil.copy2(path, elsewhere / "copy.imagingnet"))
    assert network_in_file(copy) == expected
    reopened = Workspace.open(copy)
    try:
        assert reopened.network == expected and reopened.network.partner(new.id).code == new.code
    finally:
        reopened.close()


def test_closing_twice_is_harmless(tmp_path: Path) -> None:
    workspace = create_demo(tmp_path / "twice.imagingnet")
    workspace.close()
    workspace.close()
    assert os.listdir(tmp_path) == ["twice.imagingnet"]


# --------------------------------------------------------------------------- reading only


def test_reading_never_changes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "read.imagingnet"
    demo = create_demo(path)
    expected = demo.network
    demo.close()
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = (path.read_bytes(), path.stat().st_mtime_ns, siblings(path))

    readers = [Workspace.open_read_only(path), Workspace.open_read_only(path)]  # two at once is fine
    for reader in readers:
        assert reader.read_only and reader.network == expected
        assert reader.tab_state("shares", "default") == "default"
        with pytest.raises(PermissionError):
            rename_network(reader, "Not allowed")
        assert reader.network.name != "Not allowed" and reader.undo_label is None
    for reader in readers:
        reader.close()

    assert (path.read_bytes(), path.stat().st_mtime_ns, siblings(path)) == before


def test_reading_sees_the_latest_edits_of_the_copy_open_for_editing(tmp_path: Path) -> None:
    path = tmp_path / "live.imagingnet"
    editor = create_demo(path)
    try:
        partner = editor.network.partners[2]
        edit_partner_field(editor, partner.id, "staff_vacancy_rate_pct", "17.5")
        assert network_in_file(path) == editor.network
        reader = Workspace.open_read_only(path)
        rename_network(editor, "Renamed while a reader is open")
        reader.close()
        assert network_in_file(path).name == "Renamed while a reader is open"
        editor.undo()
        assert network_in_file(path) == editor.network
    finally:
        editor.close()
    assert siblings(path) == [path.name]


def test_reading_a_file_copied_while_open_creates_nothing_beside_it(tmp_path: Path) -> None:
    """A copy taken while the app had the file open (a backup tool, a sync folder) is in WAL mode with no -wal:
    it is still a workspace (perhaps without the latest edits), and reading it must not add files beside it."""
    path = tmp_path / "open.imagingnet"
    editor = create_demo(path)
    expected = editor.network
    try:
        copy_dir = tmp_path / "copy"
        copy_dir.mkdir()
        copy = Path(shutil.copyfile(path, copy_dir / "copy.imagingnet"))
    finally:
        editor.close()
    assert copy.read_bytes()[18:20] == b"\x02\x02"
    before = copy.read_bytes()
    reader = Workspace.open_read_only(copy)
    assert reader.network.partners in ((), expected.partners)  # perhaps behind, never broken
    reader.close()
    assert os.listdir(copy_dir) == ["copy.imagingnet"] and copy.read_bytes() == before


# --------------------------------------------------------------------------- creating


def test_create_never_overwrites_and_needs_its_folder(tmp_path: Path) -> None:
    existing = tmp_path / "taken.imagingnet"
    existing.write_bytes(b"someone else's file")
    with pytest.raises(WorkspaceExistsError, match="already exists"):
        Workspace.create(existing, "N")
    assert existing.read_bytes() == b"someone else's file"
    with pytest.raises(WorkspaceMissingError, match="does not exist"):
        WorkspaceFile.create(tmp_path / "no-such-folder" / "new.imagingnet")
    assert os.listdir(tmp_path) == ["taken.imagingnet"]

