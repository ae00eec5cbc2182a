"""Input that used to be misread (issue 7, points 9-14): every problem by row and column, nothing half-done."""

from __future__ import annotations

import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from imagingnet_desktop import cli
from imagingnet_desktop.domain.names import is_reserved_file_name, printable, safe_file_stem
from imagingnet_desktop.domain.network.network import MAX_PARTNERS
from imagingnet_desktop.domain.network.partner_fields import FieldError, parse_field
from imagingnet_desktop.workspace.network import partner_import
from imagingnet_desktop.workspace.network.partner_commands import edit_partner_field, rename_network
from imagingnet_desktop.workspace.network.partner_import import ImportRefused, import_partners, parse_file
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes

HEADER = "code,name,organisation_type,imaging_staff_wte"


def csv_file(tmp_path: Path, text: str, name: str = "p.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[int | None, str, str]]:
    with pytest.raises(ImportRefused) as refused:
        parse_file(path)
    return [(p.row, p.column, p.message) for p in refused.value.problems]


# --------------------------------------------------------------------------- 9. commas


@pytest.mark.parametrize("typed", ["12,5", "1,2,3,4", "1,23", "12,3456", ",5", "1,234,5"])
def test_a_comma_that_is_not_a_thousands_separator_is_a_problem(typed: str, tmp_path: Path) -> None:
    found = problems(csv_file(tmp_path, f'{HEADER}\nAAA,Alpha Trust,NHS Trust,"{typed}"\n'))
    assert [(row, column) for row, column, _ in found] == [(2, "imaging_staff_wte")]
    assert "decimal comma is not accepted" in found[0][2]
    with pytest.raises(FieldError, match="decimal comma"):
        parse_field("imaging_staff_wte", typed)


@pytest.mark.parametrize(("typed", "value"), [("1,234.5", Decimal("1234.5")), ("12,500", Decimal(12500)),
                                              ("£1,234,567.25", Decimal("1234567.25")), ("12.5", Decimal("12.5"))])
def test_thousands_in_groups_of_three_still_read(typed: str, value: Decimal) -> None:
    field = "pay_cost_gbp" if "£" in typed else "imaging_staff_wte"
    assert parse_field(field, typed) == value


# --------------------------------------------------------------------------- 10. short rows, quotes


def test_a_short_row_is_a_problem_by_row_and_column(tmp_path: Path) -> None:
    found = problems(csv_file(tmp_path, f"{HEADER}\nAAA,Alpha Trust,NHS Trust,3\nCCC,Gamma Trust\n"))
    assert [(row, column) for row, column, _ in found] == [(3, "organisation_type")]
    assert "2 values but the header has 4 columns" in found[0][2]


def test_an_unterminated_quote_is_a_problem_by_row_and_column(tmp_path: Path) -> None:
    text = f'{HEADER}\nAAA,Alpha Trust,NHS Trust,3\nCCC,"Gamma Trust,NHS Trust,4\nDDD,Delta Trust,NHS Trust,5\n'
    found = problems(csv_file(tmp_path, text))
    assert [(row, column) for row, column, _ in found] == [(3, "name")]
    assert "never closed" in found[0][2]


def test_a_quote_in_the_middle_of_a_cell_is_a_problem(tmp_path: Path) -> None:
    found = problems(csv_file(tmp_path, f'{HEADER}\nAAA,"Alpha" Trust,NHS Trust,3\n'))
    assert [(row, column) for row, column, _ in found] == [(2, "name")]


# --------------------------------------------------------------------------- 11. huge fields and sheets


def test_a_200_kb_field_is_a_problem_naming_row_and_column(tmp_path: Path, capsys) -> None:
    path = csv_file(tmp_path, f"{HEADER}\nAAA,{'x' * 200_000},NHS Trust,3\n")
    found = problems(path)
    assert [(row, column) for row, column, _ in found] == [(2, "name")]
    workspace = tmp_path / "w.imagingnet"
    assert cli.run(["new", str(workspace)]) == 0
    assert cli.run(["import-partners", str(workspace), str(path)]) == 2  # a problem, not a failure (exit 1)
    assert "row 2, column 'name'" in capsys.readouterr().err


def write_sheet_xml(path: Path, rows: int, big_cell: int = 0) -> Path:
    """An XLSX written by hand (openpyxl would take too long for this many rows), compressed."""
    shared = [HEADER.split(",")[i] for i in range(4)] + ["x" * big_cell if big_cell else "y"]
    sheet_rows = ['<row r="1">' + "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCD"))
                  + "</row>"]
    first = '<row r="2"><c r="A2" t="inlineStr"><is><t>A0</t></is></c><c r="B2" t="s"><v>4</v></c></row>'
    sheet_rows.append(first)
    sheet_rows += [f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>A{r}</t></is></c>'
                   f'<c r="B{r}" t="inlineStr"><is><t>Trust {r}</t></is></c></row>' for r in range(3, rows + 2)]
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {ns} {rel_ns}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {ns}>' + "".join(f"<si><t>{s}</t></si>" for s in shared) + "</sst>")
        z.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0"?><worksheet {ns}><sheetData>' + "".join(sheet_rows) + "</sheetData></worksheet>")
    return path


def test_a_sheet_of_many_rows_is_refused_quickly_without_reading_it_all(tmp_path: Path) -> None:
    path = write_sheet_xml(tmp_path / "many.xlsx", 60_000)
    started = time.perf_counter()
    found = problems(path)
    assert time.perf_counter() - started < 1.5  # it stops at the limit: never the whole sheet
    assert found == [(None, "(file)", f"more than {partner_import.MAX_ROWS:,} rows, and ImagingNet serves up to "
                                      f"{MAX_PARTNERS} partners (exact voting power on every change stays quick up "
                                      "to there)")]


def test_an_oversized_cell_is_found_by_row_and_column_before_loading(tmp_path: Path, monkeypatch) -> None:
    path = write_sheet_xml(tmp_path / "big.xlsx", 5, big_cell=5_000_000)
    import openpyxl

    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("the workbook was loaded"))
    found = problems(path)
    assert [(row, column) for row, column, _ in found] == [(2, "name")]
    assert "5,000,000 characters" in found[0][2]


# --------------------------------------------------------------------------- 12. percentages


def test_a_percentage_formatted_cell_is_taken_as_shown(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["code", "name", "organisation_type", "staff_vacancy_rate_pct", "radiologist_vacancy_rate_pct"])
    sheet.append(["AAA", "Alpha Trust", "NHS Trust", 0.12, 7.5])
    sheet["D2"].number_format = "0%"
    sheet["E2"].number_format = "0.0"  # a plain number stays as it is
    path = tmp_path / "pct.xlsx"
    book.save(path)
    baseline = parse_file(path).baselines[0]
    assert baseline["staff_vacancy_rate_pct"] == Decimal(12)
    assert baseline["radiologist_vacancy_rate_pct"] == Decimal("7.5")


# --------------------------------------------------------------------------- 13. a code in another case


def test_a_code_matched_in_another_case_keeps_the_stored_spelling(workspace, tmp_path: Path) -> None:
    path = csv_file(tmp_path, f"{HEADER}\nnsh,Northshire Hospitals NHS Foundation Trust,NHS Foundation Trust,99\n")
    outcome = import_partners(workspace, path)
    nsh = next(p for p in workspace.network.partners if p.code.casefold() == "nsh")
    assert nsh.code == "NSH" and nsh.imaging_staff_wte == 99
    assert outcome.updated == ("NSH",) and outcome.notes == ("nsh matched NSH (kept as NSH)",)


# --------------------------------------------------------------------------- 14. control characters


CONTROL = ["\x1b[2J", "bell\x07", "nul\x00", "del\x7f", "c1\x9b2J", "line\u2028sep"]


@pytest.mark.parametrize("text", CONTROL)
def test_control_characters_are_refused_in_every_name(text: str, workspace, tmp_path: Path, capsys) -> None:
    name = f"Network {text}"
    with pytest.raises(FieldError, match="control characters"):
        rename_network(workspace, name)
    with pytest.raises(FieldError, match="control characters"):
        shares_votes.save_scenario(workspace, name)
    with pytest.raises(FieldError, match="control characters"):
        edit_partner_field(workspace, workspace.network.partners[0].id, "name", name)
    found = problems(csv_file(tmp_path, f'{HEADER}\nAAA,"{name}",NHS Trust,3\n'))
    assert [(row, column) for row, column, _ in found] == [(2, "name")]
    if "\x00" not in text:  # argv cannot carry a NUL
        code = cli.run(["new", str(tmp_path / "n.imagingnet"), "--name", name])
        err = capsys.readouterr().err
        assert code == 2 and "control characters" in err and text not in err
        assert not (tmp_path / "n.imagingnet").exists()


def test_stored_control_characters_are_never_printed_raw(workspace, capsys) -> None:
    from imagingnet_desktop.store.tables import partners as network_rows

    with workspace._file.transaction() as conn:  # a file written by an older version, say
        network_rows.set_network_name(conn, "Old \x1b[2J name\x07")
    path = workspace.path
    workspace.close()
    for args in (["report", str(path)], ["report", "--json", str(path)]):
        assert cli.run(args) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out and "\\u001b" in out
    assert printable("a\x1bb\tc\n") == "a\\u001bb\tc\n"


@pytest.mark.parametrize("name", ["CON", "nul", "Com1", "LPT9", "con.network", "AUX ", "\x00", "a\x00b"])
def test_file_names_suggested_are_never_devices_and_nul_never_breaks_them(name: str, tmp_path: Path) -> None:
    stem = safe_file_stem(name)
    assert stem and not is_reserved_file_name(stem) and "\x00" not in stem
    (tmp_path / f"{stem}.imagingnet").exists()  # no ValueError (embedded null byte)
