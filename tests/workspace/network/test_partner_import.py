"""Importing partner baselines (``workspace/partner_import.py``) into an open workspace.

CSV (UTF-8, with or without BOM) and XLSX (values only, never formulas); all or nothing with every problem by
row and column; a re-imported code updates that partner in place; one import = one undoable step.
"""

from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from imagingnet_desktop.domain.network.partner import TEMPLATE_HEADER, Partner
from imagingnet_desktop.workspace.network.partner_import import ImportRefused, create_demo, import_partners
from imagingnet_desktop.workspace.workspace import Workspace
from locations import DATA  # noqa: E402


def write_csv(path: Path, rows: list[dict[str, object]], *, header=TEMPLATE_HEADER, bom: bool = False) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(header), restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))
    return path


def write_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.create_sheet("Ignored").append(["not", "read"])  # only the first sheet is imported
    book.save(path)
    return path


def partner_row(code: str, name: str, **values: object) -> dict[str, object]:
    return {"code": code, "name": name, "organisation_type": "NHS Trust", **values}


def on_file(path: Path) -> tuple[Partner, ...]:
    """What the file itself holds (read-only, a fresh reader)."""
    workspace = Workspace.open_read_only(path)
    try:
        return workspace.network.partners
    finally:
        workspace.close()


@pytest.fixture
def demo(tmp_path):
    workspace = create_demo(tmp_path / "demo.imagingnet")
    yield workspace
    workspace.close()


@pytest.fixture
def empty(tmp_path):
    workspace = Workspace.create(tmp_path / "empty.imagingnet", "Empty")
    yield workspace
    workspace.close()


# --------------------------------------------------------------------------- reading files


@pytest.mark.parametrize("bom", [False, True])
def test_csv_utf8_with_and_without_bom(empty, tmp_path, bom):
    source = write_csv(
        tmp_path / "p.csv",
        [partner_row("AAA", "Ysbyty ŵ Alpha", population_served="1,000", imaging_staff_wte="12.5"),
         partner_row("BBB", "Beta", ppci_centre="yes")],
        bom=bom,
    )
    assert source.read_bytes().startswith(b"\xef\xbb\xbf") is bom
    outcome = import_partners(empty, source)
    assert outcome.added == ("AAA", "BBB") and outcome.updated == ()
    alpha, beta = empty.network.partners
    assert alpha.code == "AAA"  # not "\ufeffcode" trouble: the BOM is not part of the first column
    assert (alpha.name, alpha.population_served, alpha.imaging_staff_wte) == ("Ysbyty ŵ Alpha", 1000, Decimal("12.5"))
    assert beta.ppci_centre is True and beta.population_served is None
    assert on_file(empty.path) == empty.network.partners


def test_xlsx_values_from_the_first_sheet(empty, tmp_path):
    header = list(TEMPLATE_HEADER)
    row = {name: None for name in header} | {
        "code": "XLS", "name": "Excel Hospitals ŵ", "organisation_type": "NHS Foundation Trust",
        "population_served": 450000, "imaging_staff_wte": 210.25, "radiologist_vacancy_rate_pct": 12,
        "pay_cost_gbp": 1234567.89, "ppci_centre": True, "hyper_acute_stroke_unit": "no",
    }
    source = write_xlsx(tmp_path / "p.xlsx", header, [[row[h] for h in header]])
    import_partners(empty, source)
    (partner,) = empty.network.partners
    assert partner.name == "Excel Hospitals ŵ" and partner.is_foundation_trust
    assert partner.population_served == 450000
    assert partner.imaging_staff_wte == Decimal("210.25")
    assert partner.radiologist_vacancy_rate_pct == Decimal("12")
    assert partner.pay_cost_gbp == Decimal("1234567.89")
    assert partner.ppci_centre is True and partner.hyper_acute_stroke_unit is False


def test_xlsx_formula_without_a_saved_value_is_a_problem_never_evaluated(empty, tmp_path):
    header = ["code", "name", "organisation_type", "population_served", "pay_cost_gbp"]
    source = write_xlsx(
        tmp_path / "f.xlsx",
        header,
        [["AAA", "Alpha", "NHS Trust", 1000, 5], ["BBB", "Beta", "NHS Trust", "=1+1", 7]],
    )
    with pytest.raises(ImportRefused) as refused:
        import_partners(empty, source)
    (problem,) = refused.value.problems
    assert (problem.row, problem.column) == (3, "population_served")
    assert "formula (=1+1)" in problem.message and "never calculated" in problem.message
    assert "row 3, column 'population_served'" in str(refused.value)
    assert empty.network.partners == () and on_file(empty.path) == ()


def test_xlsx_formula_with_the_value_excel_saved_imports_that_value(empty, tmp_path):
    header = ["code", "name", "organisation_type", "population_served"]
    source = write_xlsx(tmp_path / "f.xlsx", header, [["AAA", "Alpha", "NHS Trust", "=1+1"]])
    # openpyxl saves no cached value; add the one Excel would have saved (a deliberately different number,
    # so the test shows the saved value is used and the formula is not evaluated)
    patched = tmp_path / "saved.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(patched, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b"<f>1+1</f><v></v>" in data or b"<f>1+1</f><v />" in data
                data = data.replace(b"<f>1+1</f><v></v>", b"<f>1+1</f><v>777</v>")
                data = data.replace(b"<f>1+1</f><v />", b"<f>1+1</f><v>777</v>")
            dst.writestr(item, data)
    import_partners(empty, patched)
    assert empty.network.partners[0].population_served == 777


def test_text_that_looks_like_a_formula_in_a_csv_is_never_evaluated(empty, tmp_path):
    source = write_csv(tmp_path / "p.csv", [partner_row("AAA", "=1+1", population_served="=1+1")])
    with pytest.raises(ImportRefused) as refused:
        import_partners(empty, source)
    assert [(p.row, p.column) for p in refused.value.problems] == [(2, "population_served")]
    source = write_csv(tmp_path / "p.csv", [partner_row("AAA", "=1+1", population_served="2")])
    import_partners(empty, source)
    assert empty.network.partners[0].name == "=1+1"  # kept as typed text


# --------------------------------------------------------------------------- all or nothing


def test_one_bad_row_changes_nothing_and_every_problem_is_listed(demo, tmp_path):
    before = demo.network
    with pytest.raises(ImportRefused) as refused:
        import_partners(demo, DATA / "partners-bad-rows.csv")
    where = [(p.row, p.column) for p in refused.value.problems]
    assert where == [
        (3, "pay_cost_gbp"),
        (4, "organisation_type"),
        (4, "imaging_staff_wte"),
        (4, "staff_vacancy_rate_pct"),
        (5, "code"),
    ]
    message = str(refused.value)
    assert "Nothing was imported" in message and "5 problems" in message
    assert "row 3, column 'pay_cost_gbp': Pay £ cannot be negative (-5)" in message
    assert "row 4, column 'staff_vacancy_rate_pct'" in message and "between 0 and 100" in message
    assert "row 5, column 'code': 'aaa' is already used in row 2" in message
    assert demo.network == before and on_file(demo.path) == before.partners
    assert demo.undo_label is None  # nothing to undo: nothing happened


def test_missing_and_unknown_columns(empty, tmp_path):
    header = ["code", "organisation_type", "population", "Pay_Cost_GBP"]
    source = write_csv(tmp_path / "p.csv", [{"code": "A", "organisation_type": "NHS Trust"}], header=header)
    with pytest.raises(ImportRefused) as refused:
        import_partners(empty, source)
    problems = {(p.row, p.column): p.message for p in refused.value.problems}
    assert problems == {
        (1, "name"): "this column is missing from the header",
        (1, "population"): "this column is not in the import template",
    }  # headers are matched without case: Pay_Cost_GBP is known
    assert empty.network.partners == ()


def test_duplicate_codes_within_the_file(empty, tmp_path):
    source = write_csv(
        tmp_path / "p.csv",
        [partner_row("AAA", "Alpha"), partner_row("BBB", "Beta"), partner_row("Aaa", "Gamma"),
         partner_row("CCC", "beta")],
    )
    with pytest.raises(ImportRefused) as refused:
        import_partners(empty, source)
    assert [(p.row, p.column, p.message) for p in refused.value.problems] == [
        (4, "code", "'Aaa' is already used in row 2"),
        (5, "name", "'beta' is already used in row 3"),
    ]
    assert empty.network.partners == () and on_file(empty.path) == ()


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("latin1.csv", "code,name,organisation_type\nAAA,Caf\xe9,NHS Trust\n".encode("latin-1"), "not UTF-8"),
        ("empty.csv", b"", "empty"),
        ("header-only.csv", b"code,name,organisation_type\r\n", "no partner rows"),
        ("partners.xls", b"anything", "choose a .csv or .xlsx file"),
        ("broken.xlsx", b"PK\x03\x04 not really a spreadsheet", "cannot be read"),
    ],
)
def test_files_that_cannot_be_imported_say_why(empty, tmp_path, name, content, words):
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(ImportRefused) as refused:
        import_partners(empty, source)
    assert words in str(refused.value)
    assert empty.network.partners == ()


def test_a_missing_file(empty, tmp_path):
    with pytest.raises(ImportRefused, match="there is no file"):
        import_partners(empty, tmp_path / "nope.csv")
    assert not (tmp_path / "nope.csv").exists()


# --------------------------------------------------------------------------- updating and undo


def test_reimport_updates_in_place_adds_at_the_end_and_is_one_undoable_step(demo, tmp_path):
    before = demo.network.partners
    ids = {p.code: p.id for p in before}
    source = write_csv(
        tmp_path / "update.csv",
        [partner_row("emv", "Eastmoor and Vale Hospitals NHS Trust", population_served="999999",
                     imaging_staff_wte="300", ppci_centre="yes"),
         partner_row("NEW", "Newtown Hospitals NHS Trust", population_served="10")],
        header=["code", "name", "organisation_type", "population_served", "imaging_staff_wte", "ppci_centre"],
    )
    outcome = import_partners(demo, source)
    assert (outcome.added, outcome.updated) == (("NEW",), ("EMV",))  # the stored spelling of the code is kept
    assert outcome.notes == ("emv matched EMV (kept as EMV)",)
    after = demo.network.partners
    assert [p.code for p in after] == ["NSH", "EMV", "KBD", "SMC", "WBK", "NEW"]
    emv = after[1]
    assert emv.id == ids["EMV"]  # the same partner, updated where it stands
    assert (emv.population_served, emv.imaging_staff_wte, emv.ppci_centre) == (999999, Decimal(300), True)
    # columns the file does not have are left as they were
    old_emv = before[1]
    assert emv.pay_cost_gbp == old_emv.pay_cost_gbp == Decimal("17230000")
    assert emv.staff_vacancy_rate_pct == old_emv.staff_vacancy_rate_pct
    assert emv.cancer_alliance == old_emv.cancer_alliance
    assert after[-1].id not in ids.values()
    assert on_file(demo.path) == after
    assert demo.undo_label == "import partners from update.csv"

    demo.undo()
    assert demo.network.partners == before
    assert on_file(demo.path) == before
    assert demo.undo_label is None  # the whole import was one step
    demo.redo()
    assert demo.network.partners == after and on_file(demo.path) == after


def test_a_blank_cell_in_a_column_the_file_has_clears_that_figure(demo, tmp_path):
    source = write_csv(
        tmp_path / "p.csv", [partner_row("NSH", "Northshire Hospitals NHS Foundation Trust", pay_cost_gbp="")],
        header=["code", "name", "organisation_type", "pay_cost_gbp"],
    )
    import_partners(demo, source)
    assert demo.network.by_code("NSH").pay_cost_gbp is None
    assert demo.network.by_code("NSH").population_served == 720000


def test_a_name_already_held_by_another_partner_is_a_problem_on_its_row(demo, tmp_path):
    source = write_csv(
        tmp_path / "p.csv",
        [partner_row("ZZZ", "Zed NHS Trust"), partner_row("NEW", "westbrook hospitals nhs foundation trust")],
    )
    with pytest.raises(ImportRefused) as refused:
        import_partners(demo, source)
    assert [(p.row, p.column) for p in refused.value.problems] == [(3, "name")]
    assert "already the name of WBK" in refused.value.problems[0].message
    assert len(demo.network.partners) == 5 and len(on_file(demo.path)) == 5


def test_unicode_and_markup_characters_survive_import_and_storage(empty):
    source = DATA / "partners-unicode.csv"
    with source.open(encoding="utf-8", newline="") as handle:
        expected = list(csv.DictReader(handle))
    import_partners(empty, source)
    for partner, row in zip(on_file(empty.path), expected, strict=True):
        for field in ("code", "name", "ics", "cancer_alliance"):
            assert getattr(partner, field) == row[field]
    assert any("ŵ" in p.name for p in empty.network.partners)
    assert any("😀" in p.name and "&" in p.name and "<" in p.name for p in empty.network.partners)
