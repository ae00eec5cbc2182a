"""Programme edits in the open workspace: each one undoable, saved at once; checked by reopening the file."""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from file_checks import file_of_format_2, first_value
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.programme import content as content_module
from imagingnet_desktop.domain.programme.steps import ItemStatus, StepId, WorkstreamId
from imagingnet_desktop.domain.record.entries import EntryKind
from imagingnet_desktop.store.migrations import programme as programme_migration
from imagingnet_desktop.workspace.network.partner_commands import delete_partners
from imagingnet_desktop.workspace.network.partner_references import PartnerInUseError
from imagingnet_desktop.workspace.programme import edits, queries
from imagingnet_desktop.workspace.programme.collections import ITEMS, STEPS, TARGETS
from imagingnet_desktop.workspace.record.entries import RECORD_ENTRIES, delete_entry, edit_entry
from imagingnet_desktop.workspace.reports.programme_section import programme_section
from imagingnet_desktop.workspace.reports.report import build_report
from imagingnet_desktop.workspace.workspace import Workspace

SHIPPED_ITEMS = sum(len(s.checklist) for s in content_module.default_content().steps)


def reopened(path: Path) -> Workspace:
    return Workspace.open_read_only(path)


def item_in_file(path: Path, item_id: int):
    reader = reopened(path)
    try:
        return reader.row(ITEMS, item_id)
    finally:
        reader.close()


def test_a_new_workspace_holds_its_own_copy_of_the_starting_programme(workspace):
    path = workspace.path
    assert first_value(path, "SELECT COUNT(*) FROM programme_checklist_items") == SHIPPED_ITEMS
    assert first_value(path, "SELECT COUNT(*) FROM programme_targets") == 24
    assert first_value(path, "SELECT COUNT(*) FROM programme_steps") == 6
    assert first_value(path, "SELECT target_pct FROM programme_targets WHERE step_id = 'mou' "
                             "AND workstream_id = 'commercial'") == 80
    steps = queries.steps(workspace)
    assert [s.step_id for s in steps] == list(StepId)
    assert all(a.end_date is not None and b.start_date is not None and a.end_date < b.start_date
               for a, b in zip(steps, steps[1:], strict=False))
    assert queries.current_step(workspace) is StepId.MOU


def test_a_later_release_with_other_content_never_rewrites_an_existing_workspace(workspace, tmp_path, monkeypatch):
    before = workspace.rows(ITEMS)
    path = workspace.path
    workspace.close()
    shipped = content_module.default_content()
    changed_step = dataclasses.replace(shipped.steps[0], checklist=((WorkstreamId.FINANCE, "A new release's item"),),
                                       targets={w: 5 for w in WorkstreamId})
    later = content_module.ProgrammeContent((changed_step, *shipped.steps[1:]))
    monkeypatch.setattr(programme_migration, "default_content", lambda: later)
    again = Workspace.open(path)
    try:
        assert again.rows(ITEMS) == before
        assert queries.targets(again)[(StepId.MOU, WorkstreamId.COMMERCIAL)] == 80
    finally:
        again.close()
    fresh = Workspace.create(tmp_path / "new.imagingnet", "New network")  # a new workspace takes the new content
    try:
        assert [i.text for i in queries.items_of(fresh, StepId.MOU, WorkstreamId.FINANCE)] == ["A new release's item"]
        assert queries.targets(fresh)[(StepId.MOU, WorkstreamId.COMMERCIAL)] == 5
    finally:
        fresh.close()


def test_a_workspace_of_the_format_before_the_programme_gets_the_starting_checklist_when_migrated(tmp_path):
    path = tmp_path / "older.imagingnet"
    file_of_format_2(path, network_name="Older")
    migrated = Workspace.open(path)
    try:
        assert migrated.backup_path is not None and migrated.backup_path.exists()
        assert len(migrated.rows(ITEMS)) == SHIPPED_ITEMS
    finally:
        migrated.close()


def test_status_owner_due_note_evidence_each_one_undoable_edit_saved_at_once(workspace):
    path = workspace.path
    item = queries.items_of(workspace, StepId.MOU, WorkstreamId.COMMERCIAL)[0]
    partner = workspace.network.partners[1]
    edits.set_status(workspace, [item.id], ItemStatus.AGREED)
    assert workspace.undo_label.startswith("mark “Equality")
    edits.set_owner(workspace, item.id, partner.id)
    edits.set_due(workspace, item.id, "31/03/2027")
    edits.set_note(workspace, item.id, "Boards to confirm — ŵ & <ok>")
    edits.set_evidence(workspace, item.id, "/board papers/minute 12.pdf")
    saved = item_in_file(path, item.id)
    assert (saved.status, saved.owner_partner_id, saved.due, saved.note, saved.evidence) == (
        ItemStatus.AGREED, partner.id, date(2027, 3, 31), "Boards to confirm — ŵ & <ok>",
        "/board papers/minute 12.pdf")
    assert first_value(path, f"SELECT status FROM programme_checklist_items WHERE id = {item.id}") == "agreed"
    for _ in range(5):
        workspace.undo()
    assert item_in_file(path, item.id) == item
    assert edits.set_status(workspace, [item.id], ItemStatus.NOT_STARTED).name == "NONE"  # unchanged: no edit


def test_bad_values_are_refused_and_nothing_is_saved(workspace):
    item = workspace.rows(ITEMS)[0]
    label = workspace.undo_label
    for edit, value in ((edits.set_text, "  "), (edits.set_text, "bell\x07"), (edits.set_due, "someday"),
                        (edits.set_evidence, "a\nb")):
        with pytest.raises(FieldError):
            edit(workspace, item.id, value)
    with pytest.raises(FieldError, match="one of the network's partners"):
        edits.set_owner(workspace, item.id, 999)
    with pytest.raises(FieldError, match="0 to 100"):
        edits.set_target(workspace, StepId.MOU, WorkstreamId.FINANCE, "120")
    with pytest.raises(FieldError, match="cannot end"):
        edits.set_step_dates(workspace, StepId.SOC, "01/06/2027", "01/05/2027")
    assert workspace.undo_label == label and workspace.rows(ITEMS)[0] == item


def test_add_move_remove_items_within_a_cell_and_undo_each(workspace):
    path = workspace.path
    cell = (StepId.SOC, WorkstreamId.FINANCE)
    before = [i.id for i in queries.items_of(workspace, *cell)]
    added = edits.add_item(workspace, *cell, "Baseline of equipment age", after_id=before[0])
    ids = [i.id for i in queries.items_of(workspace, *cell)]
    assert ids == [before[0], added.id, *before[1:]]
    edits.move_item(workspace, added.id, -1)
    assert [i.id for i in queries.items_of(workspace, *cell)][0] == added.id
    reader = reopened(path)
    try:
        assert [i.id for i in queries.items_of(reader, *cell)][0] == added.id  # the order is in the file
    finally:
        reader.close()
    edits.remove_items(workspace, [added.id])
    assert [i.id for i in queries.items_of(workspace, *cell)] == before
    workspace.undo()
    workspace.undo()
    workspace.undo()
    assert [i.id for i in queries.items_of(workspace, *cell)] == before
    assert first_value(path, f"SELECT COUNT(*) FROM programme_checklist_items WHERE id = {added.id}") == 0


def test_moving_the_current_step_is_one_undoable_decision_in_the_record(workspace):
    path = workspace.path
    before = len(workspace.rows(RECORD_ENTRIES))
    decision = edits.move_to_next_step(workspace, today=date(2027, 1, 1))
    assert queries.current_step(workspace) is StepId.SOC
    assert decision.kind is EntryKind.DECISION and decision.entry_date == date(2027, 1, 1)
    assert (decision.step, decision.workstream, decision.moved_to_step) == ("mou", "strategic", "soc")
    assert decision.text.startswith("Moved from MOU to SOC; still open: ")
    assert "MOU Commercial: 0 of 5 agreed" in decision.text and "Lesson:" not in decision.text
    assert workspace.rows(RECORD_ENTRIES)[-1] == decision and queries.last_move(workspace) == decision
    report = build_report(workspace)
    assert report["programme"]["current_step"] == "soc" and report["record"]["decisions"] == before + 1
    assert set(report["record"]) == {"decisions", "open_actions", "overdue_actions", "motions"}
    assert json.loads(first_value(path, "SELECT value FROM tab_state WHERE key = 'programme.current_step'")) == "soc"
    assert first_value(path, f"SELECT step || '>' || moved_to_step || ':' || text FROM record_entries "
                             f"WHERE id = {decision.id}") == f"mou>soc:{decision.text}"
    with pytest.raises(FieldError, match="move of the programme's step"):
        delete_entry(workspace, decision.id)
    with pytest.raises(FieldError, match="move of the programme's step"):
        edit_entry(workspace, decision.id, text="Stayed at MOU")
    assert workspace.undo_label == "move to SOC"
    workspace.undo()
    assert queries.current_step(workspace) is StepId.MOU and len(workspace.rows(RECORD_ENTRIES)) == before
    assert queries.last_move(workspace) is None
    assert first_value(path, "SELECT COUNT(*) FROM record_entries WHERE moved_to_step IS NOT NULL") == 0
    assert first_value(path, "SELECT COUNT(*) FROM tab_state WHERE key = 'programme.current_step'") == 0
    assert first_value(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'programme_step_changes'") == 0


def test_a_ready_move_says_so_and_a_long_list_still_open_fits_one_entry(workspace):
    for item in workspace.rows(ITEMS):
        if item.step_id is StepId.MOU:
            edits.set_status(workspace, [item.id], ItemStatus.AGREED)
    ready = edits.move_to_next_step(workspace, today=date(2027, 1, 1))
    assert ready.text == "Moved from MOU to SOC; every workstream had reached its target and nothing was overdue."
    gate = queries.current_gate(workspace, date(2027, 1, 1))  # four SOC cells short: 294 characters in full
    assert len(gate.move_text(2000)) > 200
    text = gate.move_text(200)
    assert len(text) <= 200 and text.startswith("Moved from SOC to OBC; still open: SOC Strategic")
    assert text.endswith(" more.") and "SOC Commercial" not in text


def test_targets_and_dates_are_edited_in_their_own_tables(workspace):
    path = workspace.path
    edits.set_target(workspace, StepId.OBC, WorkstreamId.FINANCE, "75%")
    edits.set_step_dates(workspace, StepId.OBC, "01/07/2027", "2027-12-31")
    assert first_value(path, "SELECT target_pct FROM programme_targets WHERE step_id = 'obc' "
                             "AND workstream_id = 'finance'") == 75
    assert first_value(path, "SELECT end_date FROM programme_steps WHERE step_id = 'obc'") == "2027-12-31"
    workspace.undo()
    workspace.undo()
    assert queries.targets(workspace)[(StepId.OBC, WorkstreamId.FINANCE)] == 60
    assert len(workspace.rows(TARGETS)) == 24 and len(workspace.rows(STEPS)) == 6


def test_deleting_a_partner_that_owns_items_asks_then_hands_over_or_clears(workspace):
    path = workspace.path
    owner, other = workspace.network.partners[0], workspace.network.partners[1]
    items = queries.items_of(workspace, StepId.MOU, WorkstreamId.FINANCE)
    for item in items:
        edits.set_owner(workspace, item.id, owner.id)
    with pytest.raises(PartnerInUseError, match="3 programme checklist items"):
        delete_partners(workspace, [owner.id])
    delete_partners(workspace, [owner.id], hand_over="reassign", to_partner=other.id)
    assert {workspace.row(ITEMS, i.id).owner_partner_id for i in items} == {other.id}
    assert first_value(path, f"SELECT COUNT(*) FROM programme_checklist_items WHERE owner_partner_id = {other.id}") == 3
    workspace.undo()
    assert {workspace.row(ITEMS, i.id).owner_partner_id for i in items} == {owner.id}
    delete_partners(workspace, [owner.id], hand_over="clear")
    assert {workspace.row(ITEMS, i.id).owner_partner_id for i in items} == {None}
    assert first_value(path, "SELECT COUNT(*) FROM programme_checklist_items WHERE owner_partner_id IS NOT NULL") == 0


def test_the_report_section_has_exactly_the_shape_the_issue_gives(workspace, demo_file, tmp_path):
    for item in queries.items_of(workspace, StepId.MOU, WorkstreamId.COMMERCIAL)[:4]:
        edits.set_status(workspace, [item.id], ItemStatus.AGREED)
    na = queries.items_of(workspace, StepId.MOU, WorkstreamId.COMMERCIAL)[4]
    edits.set_status(workspace, [na.id], ItemStatus.NOT_APPLICABLE)
    for item in queries.items_of(workspace, StepId.SOC, WorkstreamId.FINANCE):
        edits.remove_items(workspace, [item.id])
    reader = Workspace.open_read_only(workspace.path)
    try:
        report = build_report(reader)
    finally:
        reader.close()
    programme = report["programme"]
    assert report["network"]["programme"] == programme
    assert set(programme) == {"current_step", "steps", "blocking_next"}
    assert programme["current_step"] == "mou"
    assert [s["id"] for s in programme["steps"]] == ["mou", "soc", "obc", "fbc", "implementation", "monitoring"]
    for step in programme["steps"]:
        assert set(step) == {"id", "name", "start", "end", "workstreams"}
        date.fromisoformat(step["start"]) and date.fromisoformat(step["end"])
        assert [w["id"] for w in step["workstreams"]] == ["strategic", "operations", "finance", "commercial"]
        for cell in step["workstreams"]:
            assert set(cell) == {"id", "items", "agreed", "applicable", "completeness", "target"}
            assert all(isinstance(cell[k], int) for k in ("items", "agreed", "applicable"))
            assert isinstance(cell["completeness"], float) and isinstance(cell["target"], float)
    mou_commercial = programme["steps"][0]["workstreams"][3]
    assert mou_commercial == {"id": "commercial", "items": 5, "agreed": 4, "applicable": 4, "completeness": 1.0,
                              "target": 0.8}
    soc_finance = programme["steps"][1]["workstreams"][2]
    assert soc_finance == {"id": "finance", "items": 0, "agreed": 0, "applicable": 0, "completeness": 0.0,
                           "target": 0.3}  # an empty cell is not 100%
    assert all(isinstance(reason, str) for reason in programme["blocking_next"])
    assert "MOU Commercial" not in " ".join(programme["blocking_next"])
    assert any(reason.startswith("MOU Strategic: 0 of 4") for reason in programme["blocking_next"])
    json.dumps(report)  # JSON-ready


def test_a_bare_network_reports_the_starting_state():
    class Bare:
        network = None

    section = programme_section(Bare(), today=date(2027, 1, 1))
    assert section["current_step"] == "mou" and section["steps"][0]["workstreams"][0]["items"] == 0


def test_the_demo_file_is_not_changed_by_reading_it(demo_file, tmp_path):
    copy = shutil.copyfile(demo_file, tmp_path / "copy.imagingnet")
    before = copy.read_bytes()
    reader = Workspace.open_read_only(copy)
    try:
        build_report(reader)
    finally:
        reader.close()
    assert copy.read_bytes() == before
