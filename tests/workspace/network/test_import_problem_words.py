"""What an import that is refused says: never a made-up column name ("(beyond the header)", "(column 1)",
"(file)"); a file separated by semicolons or tabs is recognised and refused saying so; and a file with more
partner rows than the app serves is refused with that reason first, however many rows it has."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from imagingnet_desktop.domain.network.network import MAX_PARTNERS, PARTNER_LIMIT_REASON
from imagingnet_desktop.domain.network.partner import TEMPLATE_HEADER
from imagingnet_desktop.domain.network.partner_fields import Problem
from imagingnet_desktop.workspace.network.partner_import import MAX_ROWS, ImportRefused, parse_file

HEADER = "code,name,organisation_type"
ROW = "NSH,Northshire Hospitals NHS Foundation Trust,NHS Foundation Trust"


def refused(path: Path) -> list[str]:
    with pytest.raises(ImportRefused) as caught:
        parse_file(path)
    return [str(p) for p in caught.value.problems]


def write(tmp_path: Path, text: str, name: str = "p.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_row_longer_than_the_header_names_the_row_not_a_column(tmp_path: Path) -> None:
    assert refused(write(tmp_path, f"{HEADER}\n{ROW},extra\n")) == [
        "row 2: this row has values beyond the header's 3 columns: remove them, or name their column in the header"]


def test_a_quote_in_a_cell_the_header_does_not_name_gives_the_columns_place(tmp_path: Path) -> None:
    assert refused(write(tmp_path, '"unterminated,quote\n')) == [
        'row 1, column 1: a quote (") opens this cell and is never closed, so it would swallow the rest of the '
        "file: close it, or remove it"]


def test_a_short_row_under_a_blank_header_cell_gives_the_columns_place(tmp_path: Path) -> None:
    found = refused(write(tmp_path, f"{HEADER},,population_served\n{ROW}\n"))
    assert found[0].startswith("row 2, column 4: this row has 3 values but the header has 5 columns")


def test_a_problem_with_the_whole_file_names_no_column(tmp_path: Path) -> None:
    assert refused(tmp_path / "missing.csv") == [f"the file: there is no file at {tmp_path / 'missing.csv'}"]
    assert Problem(None, "(file)", "x").where == "the file" and Problem(4, "(file)", "x").where == "row 4"
    assert Problem.at_position(2, "C", "x").where == "row 2, column C"


@pytest.mark.parametrize(("separator", "words"), [(";", "semicolons (;)"), ("\t", "tabs")])
def test_a_file_separated_by_semicolons_or_tabs_is_refused_saying_so(tmp_path: Path, separator: str,
                                                                      words: str) -> None:
    lines = [separator.join(TEMPLATE_HEADER), separator.join(["NSH", "Northshire Hospitals", "NHS Trust"])]
    found = refused(write(tmp_path, "\n".join(lines) + "\n"))
    assert found == [f"the file: its values are separated by {words}, not commas: save it from Excel as "
                     '"CSV UTF-8 (Comma delimited)" and import that file (decimals written with a point, 14.5)']


def test_a_comma_file_whose_names_hold_semicolons_still_reads(tmp_path: Path) -> None:
    parsed = parse_file(write(tmp_path, f"{HEADER}\nAAA,Alpha; Beta Trust,NHS Trust\n"))
    assert parsed.baselines[0]["name"] == "Alpha; Beta Trust"


def many_rows(count: int) -> str:
    return HEADER + "\n" + "".join(f"T{i:04d},Trust {i},NHS Trust\n" for i in range(count))


@pytest.mark.parametrize("count", [MAX_PARTNERS + 1, MAX_ROWS + 1, 3 * MAX_ROWS])
def test_more_partner_rows_than_the_limit_give_that_reason_first(tmp_path: Path, count: int) -> None:
    found = refused(write(tmp_path, many_rows(count)))
    assert found[0] == f"the file: {count:,} partner rows, and {PARTNER_LIMIT_REASON}"


def test_the_limit_comes_before_any_other_problem_in_the_file(tmp_path: Path) -> None:
    text = many_rows(MAX_PARTNERS + 5) + "BAD,Short\n"
    found = refused(write(tmp_path, text))
    assert found[0] == f"the file: {MAX_PARTNERS + 6:,} partner rows, and {PARTNER_LIMIT_REASON}"


def test_blank_rows_are_no_partners(tmp_path: Path) -> None:
    text = HEADER + "\n" + "".join(f"T{i:04d},Trust {i},NHS Trust\n,,\n" for i in range(MAX_PARTNERS))
    assert len(parse_file(write(tmp_path, text)).baselines) == MAX_PARTNERS


def test_a_sheet_with_more_partner_rows_than_the_limit_gives_that_reason(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["code", "name", "organisation_type"])
    for i in range(MAX_PARTNERS + 1):
        sheet.append([f"T{i:04d}", "x" * 40_000 if i == 3 else f"Trust {i}", "NHS Trust"])  # and a cell too big
    path = tmp_path / "many.xlsx"
    book.save(path)
    assert zipfile.is_zipfile(path)
    found = refused(path)
    assert found[0] == f"the file: {MAX_PARTNERS + 1:,} partner rows, and {PARTNER_LIMIT_REASON}"
