"""A reserved matter's purpose in the workspace: set as one undoable edit, held in the file, kept when the matter is
retitled, refused while another matter has it, and listed by the report."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from file_checks import rows_in_file
from imagingnet_desktop.domain.control.reserved_matters import MatterPurpose
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.control import matters
from imagingnet_desktop.workspace.control.control_rows import RESERVED_MATTERS
from imagingnet_desktop.workspace.reports.report import build_report
from imagingnet_desktop.workspace.workspace import Workspace

ADMIT = "Admit a new partner or remove a partner"
EXIT = "A partner's exit from the network"


def by_title(ws: Workspace, title: str):  # type: ignore[no-untyped-def]
    return next(m for m in ws.rows(RESERVED_MATTERS) if m.title == title)


def in_file(ws: Workspace) -> dict[int, MatterPurpose]:
    return {m.id: m.purpose for m in rows_in_file(ws.path, RESERVED_MATTERS)}


def test_the_demo_marks_one_exit_and_one_admission_matter(workspace):
    special = {m.title: m.purpose for m in workspace.rows(RESERVED_MATTERS) if m.purpose is not MatterPurpose.NONE}
    assert special == {ADMIT: MatterPurpose.ADMISSION, EXIT: MatterPurpose.EXIT}
    assert matters.purpose_matter(workspace, MatterPurpose.EXIT) == by_title(workspace, EXIT)


def test_a_purpose_moves_by_undoable_edits_held_in_the_file(workspace):
    admit, surplus = by_title(workspace, ADMIT), by_title(workspace, "Distribute a surplus")
    with pytest.raises(FieldError, match=f"“{ADMIT}” is already the matter for the admission of a partner"):
        matters.set_purpose(workspace, surplus.id, MatterPurpose.ADMISSION)
    assert in_file(workspace)[surplus.id] is MatterPurpose.NONE  # nothing written

    assert matters.set_purpose(workspace, admit.id, MatterPurpose.NONE) == Change.CONTROL
    assert workspace.undo_label == f"purpose of {ADMIT}: other"
    assert matters.set_purpose(workspace, surplus.id, MatterPurpose.ADMISSION) == Change.CONTROL
    assert workspace.undo_label == "purpose of Distribute a surplus: admission of a partner"
    assert in_file(workspace)[surplus.id] is MatterPurpose.ADMISSION
    assert in_file(workspace)[admit.id] is MatterPurpose.NONE
    assert matters.set_purpose(workspace, surplus.id, MatterPurpose.ADMISSION) == Change.NONE  # no-op edit

    workspace.undo()
    assert workspace.row(RESERVED_MATTERS, surplus.id).purpose is MatterPurpose.NONE
    assert in_file(workspace)[surplus.id] is MatterPurpose.NONE
    workspace.undo()
    assert workspace.row(RESERVED_MATTERS, admit.id) == admit == rows_in_file(workspace.path, RESERVED_MATTERS)[2]
    workspace.redo()
    assert in_file(workspace)[admit.id] is MatterPurpose.NONE


def test_renaming_a_matter_keeps_its_purpose_and_reopening_keeps_both(workspace):
    admit = by_title(workspace, ADMIT)
    matters.edit_matter(workspace, admit.id, title="New members")
    assert workspace.row(RESERVED_MATTERS, admit.id) == replace(admit, title="New members")
    path = workspace.path
    workspace.close()
    again = Workspace.open(path)
    try:
        assert again.row(RESERVED_MATTERS, admit.id).purpose is MatterPurpose.ADMISSION
        assert matters.purpose_matter(again, MatterPurpose.ADMISSION).title == "New members"
    finally:
        again.close()


def test_a_new_matter_has_no_purpose_and_any_edit_keeps_the_rule_of_one_each(workspace):
    added = matters.add_matter(workspace, "Join a national framework")
    assert added.purpose is MatterPurpose.NONE  # words in a title give no purpose
    with pytest.raises(FieldError, match="exit of a partner"):
        matters.edit_matter(workspace, added.id, purpose=MatterPurpose.EXIT, title="Leaving")
    assert workspace.row(RESERVED_MATTERS, added.id) == added


def test_the_report_lists_each_matters_purpose(workspace):
    matters.edit_matter(workspace, by_title(workspace, ADMIT).id, title="New members")
    report = json.loads(json.dumps(build_report(workspace)))
    listed = report["control"]["reserved_matters"]
    assert {m["title"]: m["purpose"] for m in listed if m["purpose"] != "none"} == {"New members": "admission",
                                                                                   EXIT: "exit"}
    assert {m["purpose"] for m in listed} == {"none", "exit", "admission"}
    assert list(listed[0]) == ["title", "purpose", "rule", "escalation", "tolerance", "single_blockers",
                               "min_passing", "min_passing_count", "problem"]
