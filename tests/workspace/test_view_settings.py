"""A view setting (how a screen was left) is kept in the file without becoming an edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.snapshots.snapshots import changes_since, take_snapshot
from imagingnet_desktop.workspace.tab_settings import remember_view_setting, set_tab_state
from imagingnet_desktop.workspace.workspace import Workspace


def test_a_view_setting_is_written_but_never_undone_nor_announced(workspace: Workspace) -> None:
    set_tab_state(workspace, "shares_votes.compared", [], "choose scenarios to compare")
    label = workspace.undo_label
    heard: list[Change] = []
    workspace.subscribe(heard.append)
    remember_view_setting(workspace, "network.view.dashboard_folded", True)
    assert workspace.tab_state("network.view.dashboard_folded") is True
    assert heard == [] and workspace.undo_label == label
    workspace.undo()  # undoes the edit before it, and leaves the view as it is
    assert workspace.tab_state("network.view.dashboard_folded") is True
    path = workspace.path
    workspace.close()
    again = Workspace.open(path)
    try:
        assert again.tab_state("network.view.dashboard_folded") is True
        remember_view_setting(again, "network.view.dashboard_folded", None)  # back to the default: no row left
    finally:
        again.close()
    reopened = Workspace.open_read_only(path)
    try:
        assert reopened.tab_state("network.view.dashboard_folded") is None
        remember_view_setting(reopened, "network.view.dashboard_folded", True)  # read-only: this session only
        assert reopened.tab_state("network.view.dashboard_folded") is True
    finally:
        reopened.close()
    last = Workspace.open_read_only(Path(path))
    try:
        assert last.tab_state("network.view.dashboard_folded") is None
    finally:
        last.close()


def test_a_view_setting_is_not_a_change_since_a_snapshot(workspace: Workspace) -> None:
    snapshot = take_snapshot(workspace, "Before the workshop")
    remember_view_setting(workspace, "network.view.dashboard_folded", True)
    assert changes_since(workspace, snapshot).changes == ()
    set_tab_state(workspace, "shares_votes.compared", [1], "choose scenarios to compare")  # a setting: listed
    assert [c.area for c in changes_since(workspace, snapshot).changes] == ["Shares & votes"]


def test_only_a_key_named_as_a_view_setting_is_kept_without_undo(workspace: Workspace) -> None:
    with pytest.raises(ValueError, match="view setting"):
        remember_view_setting(workspace, "shares_votes.compared", [])


def test_on_a_full_disk_a_view_setting_is_refused_and_memory_keeps_the_last_saved_one(tmp_path: Path) -> None:
    from disk_fixtures import fill, mounted_tmpfs
    from imagingnet_desktop.store import WorkspaceSaveError
    from imagingnet_desktop.workspace.network.partner_import import create_demo

    with mounted_tmpfs(tmp_path / "disk") as disk:
        workspace = create_demo(disk / "w.imagingnet")
        try:
            fill(disk)
            refused = 0
            for k in range(200):  # SQLite's page cache absorbs a few writes: go on until the disk says no
                value = True if k % 2 == 0 else None
                try:
                    remember_view_setting(workspace, "network.view.dashboard_folded", value)
                except WorkspaceSaveError as exc:
                    assert "disk is full" in str(exc)
                    assert workspace.tab_state("network.view.dashboard_folded") == (None if value else True)
                    refused += 1
                    break
            assert refused == 1
        finally:
            workspace.close()
