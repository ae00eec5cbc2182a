"""Each export is recorded with a version number and its clause texts, in the file; the next export of the
same draft lists what changed since (clause, was, now). Recording is saved, not an undoable edit; a read-only workspace
exports without recording; a target locked by Word changes nothing."""

from __future__ import annotations

import os
import shutil
from datetime import datetime

import pytest

from docx_reading import read_docx
from imagingnet_desktop.store.migrations.schema import MIGRATIONS
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.exports import export as export_module
from imagingnet_desktop.workspace.exports.export import (
    ExportKind,
    ExportNotRecordedError,
    TargetInUseError,
    export_draft,
)
from imagingnet_desktop.workspace.exports.history import EXPORTED_CLAUSES, EXPORTS, clauses_of, exports_of
from imagingnet_desktop.workspace.network.partner_commands import edit_partner_field
from imagingnet_desktop.workspace.workspace import Workspace

CHANGES_HEADER = "Clause"


def changes_table(doc) -> list[list[str]]:
    return next(t for t in doc.tables if t[0][0] == CHANGES_HEADER and t[0][1].startswith("Was (version"))


@pytest.fixture
def demo_copy(demo_file, tmp_path):
    return shutil.copyfile(demo_file, tmp_path / "demo.imagingnet")


def test_each_export_is_recorded_with_its_version_and_texts_in_the_file(demo_copy, tmp_path):
    workspace = Workspace.open(demo_copy)
    when = datetime(2026, 12, 1, 9, 30).astimezone()
    first = export_draft(workspace, ExportKind.MOU, tmp_path / "v1.docx", now=when)
    second = export_draft(workspace, ExportKind.MOU, tmp_path / "v2.docx")
    hot = export_draft(workspace, ExportKind.HEADS_OF_TERMS, tmp_path / "hot.docx")
    assert (first.version, second.version, hot.version) == (1, 2, 1)
    assert first.recorded and "version 1" in first.summary()
    path = workspace.path
    workspace.close()
    reader = Workspace.open_read_only(path)
    try:
        records = exports_of(reader, ExportKind.MOU)
        assert [(r.version, r.path) for r in records] == [(1, str(tmp_path / "v1.docx")),
                                                          (2, str(tmp_path / "v2.docx"))]
        assert records[0].exported_at == when
        texts = clauses_of(reader, records[0].id)
        keys = [c.key for c in texts]
        assert len(keys) == len(set(keys)) > 40
        shares = next(c for c in texts if c.key == "shareholding.table")
        assert shares.label == "8" and "Northshire Hospitals NHS Foundation Trust: NSH, 33.32%" in shares.text
        assert next(c for c in texts if c.key == "confidentiality.information").label == "15.1"
        assert [r.version for r in exports_of(reader, ExportKind.HEADS_OF_TERMS)] == [1]
        assert any(c.key == "term.shares" and c.label == "Term 4" for c in clauses_of(reader, hot_id(reader)))
    finally:
        reader.close()


def hot_id(reader) -> int:
    return exports_of(reader, ExportKind.HEADS_OF_TERMS)[0].id


def test_the_next_version_lists_what_changed_since_the_last(workspace, tmp_path):
    export_draft(workspace, ExportKind.MOU, tmp_path / "v1.docx")
    doc = read_docx(tmp_path / "v1.docx")
    assert "This is the first exported version of this draft" in "\n".join(doc.texts())

    export_draft(workspace, ExportKind.MOU, tmp_path / "v2.docx")
    doc = read_docx(tmp_path / "v2.docx")
    assert "Nothing has changed since version 1, exported on " in "\n".join(doc.texts())

    nsh = workspace.network.by_code("NSH")
    edit_partner_field(workspace, nsh.id, "imaging_exams_per_year", "700000")
    export_draft(workspace, ExportKind.MOU, tmp_path / "v3.docx")
    doc = read_docx(tmp_path / "v3.docx")
    rows = changes_table(doc)
    assert rows[0] == ["Clause", "Was (version 2)", "Now"]
    assert [r[0] for r in rows[1:]] == ["8 Shareholding"]
    was, now = rows[1][1].split("\n"), rows[1][2].split("\n")
    assert was[0] == "Northshire Hospitals NHS Foundation Trust: NSH, 33.32%"
    assert now[0] == "Northshire Hospitals NHS Foundation Trust: NSH, 33.83%"
    assert len(was) == len(now) == 5  # every partner's share moved; the unchanged total is left out
    assert "Compared with version 2" in "\n".join(doc.texts())


def test_texts_added_and_removed_show_as_such(workspace, tmp_path):
    export_draft(workspace, ExportKind.HEADS_OF_TERMS, tmp_path / "v1.docx")
    wbk = workspace.network.by_code("WBK")
    edit_partner_field(workspace, wbk.id, "organisation_type", "NHS Trust")
    export_draft(workspace, ExportKind.HEADS_OF_TERMS, tmp_path / "v2.docx")
    rows = changes_table(read_docx(tmp_path / "v2.docx"))
    changed = {r[0]: (r[1], r[2]) for r in rows[1:]}
    assert changed["Term 1 Parties"][0].startswith("The 5 Partners named above: 3 NHS Foundation Trusts and 2")
    assert changed["Term 1 Parties"][1].startswith("The 5 Partners named above: 2 NHS Foundation Trusts and 3")

    from imagingnet_desktop.workspace.exports.changes import NOT_IN, REMOVED, changed_texts
    from imagingnet_desktop.workspace.exports.history import ClauseText, ExportedClause

    was = [ExportedClause(1, 1, "a", "1.1", "Old", "gone"), ExportedClause(2, 1, "b", "1.2", "Kept", "same")]
    now = [ClauseText("b", "1.1", "Kept", "same"), ClauseText("c", "1.2", "New", "fresh")]
    assert changed_texts(now, was) == [("1.2 New", NOT_IN, "fresh"), ("Old (was 1.1)", "gone", REMOVED)]
    table_was = [ExportedClause(1, 1, "t", "3", "Shares", "A: 50%\nB: 30%\nC: 20%\nTotal: 100%")]
    table_now = [ClauseText("t", "3", "Shares", "A: 50%\nB: 25%\nC: 20%\nD: 5%\nTotal: 100%")]
    assert changed_texts(table_now, table_was) == [("3 Shares", "B: 30%", "B: 25%\nD: 5%")]  # unchanged lines left out


def test_recording_an_export_is_saved_but_ctrl_z_still_undoes_the_last_edit(workspace, tmp_path):
    seen: list[Change] = []
    workspace.subscribe(seen.append)
    edit_partner_field(workspace, workspace.network.partners[0].id, "name", "Renamed Trust")
    export_draft(workspace, ExportKind.MOU, tmp_path / "v1.docx")
    assert seen and Change.EXPORTS in seen[-1]
    assert len(workspace.rows(EXPORTS)) == 1 and len(workspace.rows(EXPORTED_CLAUSES)) > 40
    assert workspace.undo_label == "edit NSH Name"  # the last edit, not the record
    workspace.undo()
    assert workspace.network.partners[0].name != "Renamed Trust"
    assert len(workspace.rows(EXPORTS)) == 1  # undoing an edit never erases what was exported
    path = workspace.path
    workspace.close()
    again = Workspace.open(path)
    try:
        assert len(again.rows(EXPORTS)) == 1 and len(again.rows(EXPORTED_CLAUSES)) > 40
        assert export_draft(again, ExportKind.MOU, tmp_path / "v2.docx").version == 2
    finally:
        again.close()


def test_a_read_only_workspace_exports_without_recording(demo_copy, tmp_path):
    copy = demo_copy
    reader = Workspace.open_read_only(copy)
    try:
        before = copy.read_bytes()
        outcome = export_draft(reader, ExportKind.MOU, tmp_path / "ro.docx")
        assert not outcome.recorded and "was not recorded" in outcome.summary()
        assert (tmp_path / "ro.docx").exists()
    finally:
        reader.close()
    assert copy.read_bytes() == before


def test_a_locked_target_changes_nothing(workspace, tmp_path, monkeypatch):
    target = tmp_path / "open in word.docx"
    target.write_bytes(b"the lawyer's copy")

    def locked(src, dst):
        raise PermissionError(13, "being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(TargetInUseError, match="open in word.docx is open in another program"):
        export_draft(workspace, ExportKind.HEADS_OF_TERMS, target)
    assert target.read_bytes() == b"the lawyer's copy"
    assert workspace.rows(EXPORTS) == () and workspace.undo_label is None
    assert [p.name for p in tmp_path.iterdir() if "docx" in p.name] == ["open in word.docx"]  # no temporary


def test_a_document_written_but_not_recorded_says_so(workspace, tmp_path, monkeypatch):
    from imagingnet_desktop.store.errors import WorkspaceError

    def refused(*args, **kwargs):
        raise WorkspaceError("The disk is full; the edit was not saved.")

    monkeypatch.setattr(export_module, "record_export", refused)
    with pytest.raises(ExportNotRecordedError, match="was written to .*could not record the export"):
        export_draft(workspace, ExportKind.MOU, tmp_path / "mou.docx")
    assert (tmp_path / "mou.docx").exists()


def test_an_older_workspace_gains_the_exports_tables_when_migrated(tmp_path):
    import sqlite3

    from sqlite_utils import Database

    from imagingnet_desktop.store.migrations.schema import APPLICATION_ID

    path = tmp_path / "old.imagingnet"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db = Database(conn)
    for step in MIGRATIONS[:2]:
        step(db)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO meta (key, value) VALUES ('network_name', 'Old network')")
    conn.commit()
    conn.close()
    workspace = Workspace.open(path)
    try:
        assert workspace.rows(EXPORTS) == ()
        outcome = export_draft(workspace, ExportKind.MOU, tmp_path / "old.docx")
        assert outcome.version == 1 and len(workspace.rows(EXPORTS)) == 1
    finally:
        workspace.close()
    assert workspace.backup_path is not None and workspace.backup_path.exists()
