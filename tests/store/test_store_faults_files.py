"""Files under faults (issue 7, points 1 and 5-8): a good file is never refused; a bad one is refused in one
line with its folder left byte-for-byte as it was (no -wal, -shm or backup added); reading leaves the folder
as it was and never applies a -wal that belongs to another database."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from imagingnet_desktop import cli
from imagingnet_desktop.store import NotAWorkspaceError, WorkspaceError
from imagingnet_desktop.store.migrations.schema import SCHEMA_VERSION
from imagingnet_desktop.store.schema_check import built_by_migrations, expected, snapshot_source
from imagingnet_desktop.workspace.network.partner_commands import (
    add_partner,
    edit_partner_field,
    rename_network,
)
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.workspace import Workspace
from store_fault_helpers import folder_state, index_missing_a_row, raw, unreadable_working_scenario

CSV = "code,name,organisation_type\nZZZ,Zed Trust,NHS Trust\n"


def demo_copy(demo_file: Path, folder: Path, name: str = "w.imagingnet") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(demo_file, folder / name))


def run_cli(capsys, *args: str) -> tuple[int, str]:
    code = cli.run(list(args))
    return code, capsys.readouterr().err


def page_one_after_checkpoint(main: Path, wal: Path, scratch: Path) -> bytes:
    """Page 1 of the file as a complete checkpoint of ``wal`` would leave it."""
    scratch.mkdir()
    copy = scratch / "c.db"
    shutil.copyfile(main, copy)
    shutil.copyfile(wal, Path(f"{copy}-wal"))
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    return copy.read_bytes()[:page_size]


# --------------------------------------------------------------------------- 1. killed while closing


def test_a_file_killed_mid_checkpoint_opens_with_its_last_edit(tmp_path: Path) -> None:
    """The checkpoint had written page 1 (its header counts every page) but not the pages after it, which are
    still in the -wal: SQLite reads the file whole, so the app must not refuse it as truncated."""
    path = tmp_path / "live" / "w.imagingnet"
    path.parent.mkdir()
    workspace = create_demo(path)
    for _ in range(40):
        add_partner(workspace)
    notes = {"notes": "minutes of the board " * 5000}  # ~100 KB: the file grows by many pages
    workspace.execute(shares_votes.SetTabState("programme.notes", notes, "write notes"))
    rename_network(workspace, "The last edit before the kill")
    killed = tmp_path / "killed"
    killed.mkdir()
    main, wal = killed / path.name, killed / f"{path.name}-wal"
    shutil.copyfile(path, main)
    shutil.copyfile(f"{path}-wal", wal)
    workspace.close()
    page_one = page_one_after_checkpoint(main, wal, tmp_path / "scratch")
    with main.open("r+b") as handle:  # what the kill left: page 1 written, the rest not yet
        handle.write(page_one)
    header_pages = int.from_bytes(page_one[28:32], "big")
    assert main.stat().st_size < header_pages * len(page_one), "the set-up must leave the main file short"

    code_report = cli.run(["report", str(main)])
    assert code_report == 0
    reopened = Workspace.open(main)
    try:
        assert reopened.network.name == "The last edit before the kill"
        assert len(reopened.network.partners) == 45
    finally:
        reopened.close()
    conn = sqlite3.connect(main)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


# --------------------------------------------------------------------------- 5. the right id, the wrong insides

WRONG_INSIDES = {
    "meta table missing": ["DROP TABLE meta"],
    "partners is a view": ["ALTER TABLE partners RENAME TO p2", "CREATE VIEW partners AS SELECT * FROM p2"],
    "a column missing": ["ALTER TABLE partners DROP COLUMN cancer_alliance"],
    "an extra column": ["ALTER TABLE partners ADD COLUMN secret TEXT"],
    "an extra trigger": ["CREATE TRIGGER t AFTER UPDATE ON meta BEGIN DELETE FROM partners; END"],
    "text in a money column": ["UPDATE partners SET pay_cost_gbp = 'lots' WHERE id = 1"],
    "text in a count column": ["UPDATE partners SET population_served = 'many' WHERE id = 2"],
    "a negative figure": ["UPDATE partners SET direct_non_pay_gbp = '-5' WHERE id = 1"],
    "a blob in a money column": ["UPDATE partners SET pay_cost_gbp = x'00ff' WHERE id = 1"],
    "an unknown organisation type": ["UPDATE partners SET organisation_type = 'Charity' WHERE id = 3"],
    "a duplicate code": ["UPDATE partners SET code = 'nsh' WHERE id = 2"],
    "a yes/no of 7": ["UPDATE partners SET ppci_centre = 7 WHERE id = 1"],
    "user_version -1": ["PRAGMA user_version = -1"],
    "format 1, a table missing": ["PRAGMA user_version = 1", "DROP TABLE scenarios", "DROP TABLE tab_state",
                                  "DROP TABLE session_lock"],
    # a saved scenario is data (format 2's refused the same way: test_scenarios_migration); columns: id,
    # position, name, settings, agreed, working
    "a scenario that is not JSON": ["INSERT INTO scenarios VALUES (1, 0, 'S', '{not json', 0, 0)"],
    "a scenario with an unknown rule": ["INSERT INTO scenarios VALUES (1, 0, 'S', '{\"rule_kind\": \"dictator\"}', 0, 0)"],
    "a scenario with a weight of 150": [
        "INSERT INTO scenarios VALUES (1, 0, 'S', '{\"weights\": {\"activity\": 150}}', 0, 0)"],
    "a scenario with unreadable votes": ["INSERT INTO scenarios VALUES (1, 0, 'S', '{}', 0, 0)",
                                         "INSERT INTO scenario_votes VALUES (1, 1, 1, 'x')"],
    "a scenario with negative votes": ["INSERT INTO scenarios VALUES (1, 0, 'S', '{}', 0, 0)",
                                       "INSERT INTO scenario_votes VALUES (1, 1, 1, -5)"],
    "two working scenarios": ["INSERT INTO scenarios VALUES (1, 0, 'W', '{}', 0, 1)",
                              "INSERT INTO scenarios VALUES (2, 1, 'W', '{}', 0, 1)"],
}


@pytest.mark.parametrize("case", list(WRONG_INSIDES))
def test_the_right_id_with_the_wrong_insides_is_refused_untouched(case: str, demo_file: Path, tmp_path: Path,
                                                                capsys) -> None:
    path = demo_copy(demo_file, tmp_path / "folder")
    raw(path, *WRONG_INSIDES[case])
    source = tmp_path / "partners.csv"
    source.write_text(CSV, encoding="utf-8")
    before = folder_state(path.parent)

    for args in (["import-partners", str(path), str(source)], ["report", str(path)]):
        code, err = run_cli(capsys, *args)
        assert code == 2, (case, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    for opener in (Workspace.open, Workspace.open_read_only):
        with pytest.raises(NotAWorkspaceError):
            opener(path)
    assert folder_state(path.parent) == before  # not a byte changed, no -wal, -shm or backup left


def test_a_valid_older_file_is_still_migrated(demo_file: Path, tmp_path: Path) -> None:
    path = demo_copy(demo_file, tmp_path / "old")
    conn = sqlite3.connect(path)
    later = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
             if r[0] not in ("meta", "partners", "session_lock")]  # every table added after format 1
    conn.close()
    raw(path, "PRAGMA foreign_keys = OFF", "PRAGMA user_version = 1", *(f"DROP TABLE {t}" for t in later))
    workspace = Workspace.open(path)
    try:
        assert workspace.backup_path is not None and workspace.backup_path.exists()
    finally:
        workspace.close()


def test_the_expected_schema_comes_from_the_migrations() -> None:
    assert expected(SCHEMA_VERSION) == built_by_migrations(SCHEMA_VERSION)
    from imagingnet_desktop.store import schema_snapshot

    assert Path(schema_snapshot.__file__).read_text(encoding="utf-8") == snapshot_source(), (
        "run: python -m imagingnet_desktop.store.schema_check > src/imagingnet_desktop/store/schema_snapshot.py")


# --------------------------------------------------------------------------- 6. damage quick_check misses


def test_damage_quick_check_misses_is_refused_in_one_line_with_details(demo_file: Path, tmp_path: Path,
                                                                     capsys) -> None:
    path = demo_copy(demo_file, tmp_path / "damaged")
    index_missing_a_row(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]  # the damage this test is about
    conn.close()
    before = folder_state(path.parent)

    with pytest.raises(NotAWorkspaceError) as refused:
        Workspace.open(path)
    assert "damaged" in str(refused.value) and "\n" not in str(refused.value)
    assert "missing from index" in refused.value.details
    code, err = run_cli(capsys, "report", str(path))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--details" in err
    code, err = run_cli(capsys, "report", "--details", str(path))
    assert code == 2 and "missing from index" in err and len(err.strip().splitlines()) > 1
    assert folder_state(path.parent) == before


# --------------------------------------------------------------------------- 7. stored settings that don't parse


UNREADABLE_SETTINGS = ["{not json", '{"rule_kind": "dictator"}', '{"vote_method": 5}', "[1, 2]",
                       '{"weights": {"activity": 150}}']


@pytest.mark.parametrize("value", UNREADABLE_SETTINGS)
def test_an_unreadable_setting_is_reset_with_a_notice_never_a_crash(value: str, demo_file: Path,
                                                                  tmp_path: Path) -> None:
    path = demo_copy(demo_file, tmp_path / "settings")
    unreadable_working_scenario(path, value)
    before = folder_state(path.parent)
    reader = Workspace.open_read_only(path)
    try:
        assert shares_votes.working_scenario(reader) == shares_votes.Scenario()  # all of it, not half-read
        assert reader.notices == [shares_votes.UNREADABLE_WORKING]  # told, not silently dropped
    finally:
        reader.close()
    assert folder_state(path.parent) == before
    workspace = Workspace.open(path)
    try:
        assert shares_votes.working_scenario(workspace) == shares_votes.Scenario()
        assert any("could not be read" in n for n in workspace.notices)
        moved = replace(shares_votes.Scenario(), min_partners=2)
        shares_votes.set_working_scenario(workspace, moved)  # the next edit replaces it
    finally:
        workspace.close()
    reopened = Workspace.open_read_only(path)
    try:
        assert shares_votes.working_scenario(reopened) == moved and not reopened.notices
    finally:
        reopened.close()


# --------------------------------------------------------------------------- 8. reading leaves the folder as it was


def left_by_a_kill(path: Path, into: Path) -> Path:
    """A copy of an open workspace's file and -wal (as a kill or power cut leaves them), no -shm."""
    into.mkdir()
    copy = into / path.name
    shutil.copyfile(path, copy)
    shutil.copyfile(f"{path}-wal", f"{copy}-wal")
    return copy


def test_report_on_a_file_with_a_wal_creates_nothing_and_sees_its_edits(demo_file: Path, tmp_path: Path,
                                                                      capsys) -> None:
    live = demo_copy(demo_file, tmp_path / "live")
    workspace = Workspace.open(live)
    rename_network(workspace, "Renamed before the kill")
    copy = left_by_a_kill(live, tmp_path / "killed")
    workspace.close()
    before = folder_state(copy.parent)
    code = cli.run(["report", "--json", str(copy)])
    out = capsys.readouterr().out
    assert code == 0 and "Renamed before the kill" in out
    assert folder_state(copy.parent) == before  # no -shm created, nothing checkpointed


def test_a_wal_of_another_workspace_is_never_applied(demo_file: Path, tmp_path: Path, capsys) -> None:
    ours = demo_copy(demo_file, tmp_path / "ours")
    own = Workspace.open(ours)  # gives it its identity, as any editing session does
    rename_network(own, "Ours")
    own.close()
    (tmp_path / "theirs").mkdir()
    theirs_live = tmp_path / "theirs" / "w.imagingnet"
    theirs = create_demo(theirs_live)  # another workspace, made on its own
    rename_network(theirs, "Theirs")
    edit_partner_field(theirs, theirs.network.partners[0].id, "pay_cost_gbp", "1")
    shutil.copyfile(f"{theirs_live}-wal", f"{ours}-wal")  # their -wal, beside our file
    theirs.close()
    before = folder_state(ours.parent)

    code = cli.run(["report", "--json", str(ours)])
    captured = capsys.readouterr()
    assert code == 0 and '"name": "Ours"' in captured.out and "Theirs" not in captured.out
    assert "does not belong" in captured.err
    with pytest.raises(WorkspaceError, match="does not belong"):
        Workspace.open(ours)
    assert folder_state(ours.parent) == before
