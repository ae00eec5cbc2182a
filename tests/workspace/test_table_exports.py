"""Tables out: CSV and XLSX with formula-like cells neutralised (OWASP), numbers kept as numbers, and the
partners table importing back to the same partners."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.spreadsheet_cells import neutralised, restored
from imagingnet_desktop.workspace.network.partner_import import import_partners
from imagingnet_desktop.workspace.table_exports import (
    TABLE_EXPORTS,
    Table,
    export_table,
    write_table,
)
from imagingnet_desktop.workspace.workspace import Workspace
from locations import DATA  # noqa: E402

RISKY = ("=1+1", "+44 cmd", "-2+3", "@SUM(A1)", "\tindent", "\rreturn", "=HYPERLINK(\"http://x\")")
TABLE = Table("Risky [cells]: a/b", ("text", "number"), (
    *((text, -5) for text in RISKY),
    ("plain ŵ & <x> 'q' \"d\" 🩻", Decimal("1234.50")),
    ("", None),
    ("yes", True),
))


@pytest.mark.parametrize("text", RISKY)
def test_text_that_would_start_a_formula_gets_a_single_quote(text):
    assert neutralised(text) == "'" + text


@pytest.mark.parametrize("value", ["plain", "a=b", "", None, -5, -0.5, Decimal("-1"), 3, True])
def test_everything_else_is_left_as_it_is(value):
    assert neutralised(value) == value
    assert restored(value) == value


@pytest.mark.parametrize("text", [*RISKY, "'", "'plain", "''=x"])
def test_restored_undoes_exactly_what_neutralised_did(text):
    assert restored(neutralised(text)) == text


def test_csv_quotes_risky_text_and_keeps_numbers(tmp_path):
    path = write_table(TABLE, tmp_path / "t.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["text", "number"]
    assert [r[0] for r in rows[1:8]] == ["'" + t for t in RISKY]
    assert {r[1] for r in rows[1:8]} == {"-5"}  # a negative number is a number, not a formula
    assert rows[8] == ["plain ŵ & <x> 'q' \"d\" 🩻", "1234.50"]
    assert rows[9:] == [["", ""], ["yes", "yes"]]


def test_xlsx_has_no_formula_and_numbers_as_numbers(tmp_path):
    path = write_table(TABLE, tmp_path / "t.xlsx")
    book = load_workbook(path)  # not data_only: a formula would show as one
    sheet = book.active
    assert sheet.title == "Risky  cells   a b"
    cells = list(sheet.iter_rows(values_only=False))
    assert [c.value for c in cells[0]] == ["text", "number"]
    for row, text in zip(cells[1:8], RISKY, strict=True):
        assert row[0].value == "'" + text
        assert row[0].data_type == "s"
        assert row[1].value == -5 and row[1].data_type == "n"
    assert cells[8][0].value == "plain ŵ & <x> 'q' \"d\" 🩻"
    assert cells[8][1].value == pytest.approx(1234.5) and cells[8][1].data_type == "n"
    assert not any(c.data_type == "f" for row in cells for c in row)


def test_other_suffixes_and_missing_folders_are_refused(tmp_path):
    with pytest.raises(FieldError, match=r"\.csv or \.xlsx"):
        write_table(TABLE, tmp_path / "t.txt")
    with pytest.raises(FieldError, match="does not exist"):
        write_table(TABLE, tmp_path / "nowhere" / "t.csv")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exported_partners_import_back_to_the_same_partners(workspace, tmp_path, suffix):
    import_partners(workspace, DATA / "partners-unicode.csv")  # Welsh letters, emoji, quotes, blanks
    exported = export_table(workspace, "partners", tmp_path / f"partners{suffix}")
    fresh = Workspace.create(tmp_path / "fresh.imagingnet", "Fresh")
    try:
        import_partners(fresh, exported)
        assert [p.baseline() for p in fresh.network.partners] == [p.baseline() for p in workspace.network.partners]
    finally:
        fresh.close()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_quoted_cells_come_back_as_they_were(workspace, tmp_path, suffix):
    from imagingnet_desktop.workspace.network.partner_commands import edit_partner_field

    first = workspace.network.partners[0]
    edit_partner_field(workspace, first.id, "name", "-Minus & Co NHS Trust")
    edit_partner_field(workspace, first.id, "ics", "=SUM(A1) ICB")
    edit_partner_field(workspace, first.id, "cancer_alliance", "@Alliance")
    exported = export_table(workspace, "partners", tmp_path / f"partners{suffix}")
    fresh = Workspace.create(tmp_path / "fresh.imagingnet", "Fresh")
    try:
        import_partners(fresh, exported)
        assert fresh.network.partners[0].baseline() == workspace.network.partners[0].baseline()
        assert fresh.network.partners[0].ics == "=SUM(A1) ICB"
    finally:
        fresh.close()


def test_the_shares_table_has_a_row_per_partner_summing_to_100(workspace, tmp_path):
    table = TABLE_EXPORTS["shares"](workspace)
    assert [r[0] for r in table.rows] == [p.code for p in workspace.network.partners]
    activity = table.header.index("Activity (examinations) %")
    assert sum(r[activity] for r in table.rows) == Decimal("100.00")  # type: ignore[misc]
    assert table.header[-1] == "Shapley-Shubik power %"
    path = export_table(workspace, "shares", tmp_path / "shares.xlsx")
    values = list(load_workbook(path).active.iter_rows(values_only=True))
    assert len(values) == len(workspace.network.partners) + 1
    assert isinstance(values[1][activity], float)


def test_an_unknown_kind_is_refused(workspace, tmp_path):
    with pytest.raises(FieldError, match="choose one of partners, shares, checklist, record"):
        export_table(workspace, "nothing", tmp_path / "x.csv")


def _rows_of(path):
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [tuple(r) for r in csv.reader(handle)]
    return list(load_workbook(path).active.iter_rows(values_only=True))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_checklist_table_lists_every_item_with_status_in_words_and_risky_text_quoted(workspace, tmp_path,
                                                                                         suffix):
    from datetime import date

    from imagingnet_desktop.domain.programme.steps import ItemStatus, StepId, WorkstreamId
    from imagingnet_desktop.workspace.programme import edits
    from imagingnet_desktop.workspace.programme.collections import ITEMS

    item = edits.add_item(workspace, StepId.OBC, WorkstreamId.FINANCE, "=1+1 agree the capital split")
    edits.set_status(workspace, [item.id], ItemStatus.IN_DISCUSSION)
    owner = workspace.network.partners[1]
    edits.set_owner(workspace, item.id, owner.id)
    edits.set_due(workspace, item.id, date(2027, 3, 31))
    edits.set_note(workspace, item.id, "@finance leads")
    edits.set_evidence(workspace, item.id, "-see the board paper")
    rows = _rows_of(export_table(workspace, "checklist", tmp_path / f"checklist{suffix}"))
    assert rows[0] == ("step", "workstream", "item", "status", "owner", "due", "note", "evidence")
    assert len(rows) == len(workspace.rows(ITEMS)) + 1
    ours = next(r for r in rows if "agree the capital split" in str(r[2]))
    assert ours == ("OBC", "Finance", "'=1+1 agree the capital split", "In discussion", owner.code, "2027-03-31",
                    "'@finance leads", "'-see the board paper")
    assert {r[3] for r in rows[1:]} <= {s.label for s in ItemStatus}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_record_table_lists_entries_and_names_the_revealed_motion(workspace, tmp_path, suffix):
    from datetime import date

    from imagingnet_desktop.domain.record.entries import EntryKind
    from imagingnet_desktop.domain.record.motions import VoteChoice
    from imagingnet_desktop.workspace.record import motions
    from imagingnet_desktop.workspace.record.entries import RECORD_ENTRIES, add_entry

    owner = workspace.network.partners[0]
    add_entry(workspace, EntryKind.ACTION, "+1 more scanner quote", today=date(2026, 12, 1), step="obc",
              workstream="finance", owner_partner_id=owner.id, person="=cmd|' /C calc'!A0",
              due=date(2026, 12, 15))
    motion = motions.new_motion(workspace, "Adopt the shared reporting rota")
    for partner in workspace.network.partners:
        motions.cast_vote(workspace, motion.id, partner.id, VoteChoice.FOR)
    motions.reveal(workspace, motion.id, today=date(2026, 12, 1))
    rows = _rows_of(export_table(workspace, "record", tmp_path / f"record{suffix}"))
    assert rows[0] == ("type", "text", "date", "step", "workstream", "owner", "person", "due", "status", "motion")
    assert len(rows) == len(workspace.rows(RECORD_ENTRIES)) + 1
    action = next(r for r in rows if "more scanner quote" in str(r[1]))
    assert action == ("Action", "'+1 more scanner quote", "2026-12-01", "OBC", "Finance", owner.code,
                      "'=cmd|' /C calc'!A0", "2026-12-15", "Open", None if suffix == ".xlsx" else "")
    decision = rows[-1]
    assert decision[0] == "Decision" and decision[8] == "Recorded"
    assert decision[9] == "Adopt the shared reporting rota (passed)"
    if suffix == ".xlsx":
        book = load_workbook(tmp_path / "record.xlsx")
        assert not any(c.data_type == "f" for row in book.active.iter_rows() for c in row)
