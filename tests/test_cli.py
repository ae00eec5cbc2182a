"""The command line (a stable interface): ``new``, ``import-partners``, ``report``, ``export``, ``--version``.

Each command runs in a subprocess through ``main()`` wrapped so that it fails if PySide6 was imported.
Exit codes: 0 success, 2 bad input (clear message on stderr, no traceback), 1 anything else.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

import imagingnet_desktop
from imagingnet_desktop import cli
from imagingnet_desktop.domain.network.partner import TEMPLATE_HEADER
from imagingnet_desktop.resources import resource
from imagingnet_desktop.store.migrations.schema import SCHEMA_VERSION
from imagingnet_desktop.workspace.network.partner_import import DEMO_NETWORK_NAME, create_demo
from imagingnet_desktop.workspace.workspace import Workspace
from locations import DATA  # noqa: E402

QT_IMPORTED = 97
WRAPPER = textwrap.dedent(
    f"""
    import sys
    from imagingnet_desktop.__main__ import main
    code = main(sys.argv[1:])
    if any(name == "PySide6" or name.startswith(("PySide6.", "shiboken6")) for name in sys.modules):
        sys.stderr.write("Qt was imported\\n")
        sys.exit({QT_IMPORTED})
    sys.exit(code)
    """
)


def imagingnet(*args: object, cwd: Path, debug: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("IMAGINGNET_DEBUG", "PYTHONPATH")}
    env["PYTHONIOENCODING"] = "utf-8"
    if debug:
        env["IMAGINGNET_DEBUG"] = "1"
    result = subprocess.run(
        [sys.executable, "-c", WRAPPER, *map(str, args)],
        cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert result.returncode != QT_IMPORTED, f"imagingnet {args} imported Qt"
    if result.returncode != 0 and not debug:
        assert "Traceback" not in result.stderr, result.stderr
    return result


def report_json(workspace: Path) -> dict:
    result = imagingnet("report", workspace, "--json", cwd=workspace.parent)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["network"]


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def no_sidecars(path: Path) -> bool:
    return not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal"))


def write_csv(path: Path, rows: list[dict[str, object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=TEMPLATE_HEADER, restval="")
        writer.writeheader()
        writer.writerows(rows)
    return path


# --------------------------------------------------------------------------- --version, --help, usage


def test_the_qt_guard_itself_catches_an_import_of_pyside6(tmp_path):
    pytest.importorskip("PySide6.QtCore")
    result = subprocess.run(
        [sys.executable, "-c", "import PySide6.QtCore\n" + WRAPPER, "--version"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == QT_IMPORTED


def test_version_and_help(tmp_path):
    result = imagingnet("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, f"imagingnet {imagingnet_desktop.__version__}")
    result = imagingnet("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("new", "import-partners", "report", "export", "--exit-after-start"):
        assert command in result.stdout
    result = imagingnet("report", "--help", cwd=tmp_path)
    assert result.returncode == 0 and "--json" in result.stdout


@pytest.mark.parametrize(
    "args",
    [("new",), ("report",), ("import-partners", "only-one.imagingnet"), ("new", "x.imagingnet", "--colour"),
     ("export", "contract", "w.imagingnet", "-o", "x.docx"), ("export", "mou", "w.imagingnet")],
)
def test_usage_errors_exit_2_with_usage(tmp_path, args):
    result = imagingnet(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing created


# --------------------------------------------------------------------------- new


def test_new_empty_takes_its_name_from_the_file_or_from_name(tmp_path):
    result = imagingnet("new", "North West.imagingnet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "North West" in result.stdout
    network = report_json(tmp_path / "North West.imagingnet")
    assert (network["name"], network["partners"]) == ("North West", [])

    result = imagingnet("new", tmp_path / "b.imagingnet", "--name", "  Coast &  Moor ŵ 😀 ", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert report_json(tmp_path / "b.imagingnet")["name"] == "Coast & Moor ŵ 😀"
    assert no_sidecars(tmp_path / "b.imagingnet")


def test_new_refuses_an_existing_path_and_leaves_it_untouched(tmp_path):
    existing = tmp_path / "mine.imagingnet"
    existing.write_text("precious notes")
    before = snapshot(existing)
    for extra in ((), ("--demo",)):
        result = imagingnet("new", existing, *extra, cwd=tmp_path)
        assert result.returncode == 2
        assert "already exists" in result.stderr
        assert snapshot(existing) == before
    result = imagingnet("new", tmp_path, cwd=tmp_path)  # a folder
    assert result.returncode == 2 and "already exists" in result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("new", "no-such-folder/x.imagingnet"), "does not exist"),
        (("new", "x.imagingnet", "--name", "   "), "needs a name"),
        (("new", "x.imagingnet", "--name", "n" * 201), "at most 200"),
    ],
)
def test_new_bad_input_creates_nothing(tmp_path, args, words):
    result = imagingnet(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert words in result.stderr
    assert list(tmp_path.iterdir()) == []


def _demo_expectations() -> dict[str, Decimal]:
    """Totals and WTE-weighted vacancy rates worked out here from the shipped CSV, not from the app."""
    with resource("demo-network.csv").open("r", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    staff = sum(Decimal(r["imaging_staff_wte"]) for r in rows)
    rads = sum(Decimal(r["consultant_radiologists_wte"]) for r in rows)
    return {
        "partners": Decimal(len(rows)),
        "population_served": sum(Decimal(r["population_served"]) for r in rows),
        "imaging_exams_per_year": sum(Decimal(r["imaging_exams_per_year"]) for r in rows),
        "imaging_staff_wte": staff,
        "consultant_radiologists_wte": rads,
        "staff_vacancy": sum(Decimal(r["imaging_staff_wte"]) * Decimal(r["staff_vacancy_rate_pct"]) for r in rows)
        / staff,
        "radiologist_vacancy": sum(
            Decimal(r["consultant_radiologists_wte"]) * Decimal(r["radiologist_vacancy_rate_pct"]) for r in rows
        ) / rads,
    }


def test_new_demo_and_report_json_totals(tmp_path):
    path = tmp_path / "demo.imagingnet"
    result = imagingnet("new", path, "--demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    network = report_json(path)
    want = _demo_expectations()
    assert network["name"] == DEMO_NETWORK_NAME
    assert len(network["partners"]) == want["partners"]
    assert all(list(p)[: len(TEMPLATE_HEADER)] == list(TEMPLATE_HEADER) for p in network["partners"])
    totals = network["totals"]
    for key in ("population_served", "imaging_exams_per_year", "imaging_staff_wte", "consultant_radiologists_wte"):
        assert totals[key] == want[key], key
        assert isinstance(totals[key], int)  # whole numbers come out as JSON integers
    # the figures the white paper's demo network is built to show
    assert (totals["population_served"], totals["imaging_staff_wte"], totals["consultant_radiologists_wte"]) == (
        2_450_000, 1_478, 127)
    checks = {c["id"]: c for c in network["checks"]}
    assert [checks[i]["status"] for i in ("population", "staff", "radiologists")] == ["within"] * 3
    for check_id, threshold in (("staff_vacancy", 15), ("radiologist_vacancy", 12)):
        check = checks[check_id]
        assert check["value"] == pytest.approx(float(want[check_id]), abs=1e-9)
        assert (check["min"], check["max"], check["status"]) == (0, threshold, "above")
    assert round(checks["staff_vacancy"]["value"], 1) == 15.6
    assert round(checks["radiologist_vacancy"]["value"], 1) == 13.2


def test_new_demo_with_a_name(tmp_path):
    result = imagingnet("new", "d.imagingnet", "--demo", "--name", "Our network", cwd=tmp_path)
    assert result.returncode == 0
    network = report_json(tmp_path / "d.imagingnet")
    assert network["name"] == "Our network" and len(network["partners"]) == 5


# --------------------------------------------------------------------------- report


def test_report_reads_only(tmp_path):
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    before = snapshot(path)
    assert no_sidecars(path)
    text = imagingnet("report", path, cwd=tmp_path)
    as_json = imagingnet("report", path, "--json", cwd=tmp_path)
    assert text.returncode == 0 and as_json.returncode == 0
    assert snapshot(path) == before
    assert no_sidecars(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.imagingnet"]


def test_report_text_is_readable(tmp_path):
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    result = imagingnet("report", path, cwd=tmp_path)
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith(f"Network: {DEMO_NETWORK_NAME}\n")
    for code in ("NSH", "EMV", "KBD", "SMC", "WBK"):
        assert code in out
    assert "2,450,000" in out and "1,478 WTE" in out and "127 WTE" in out
    lines = out.splitlines()
    assert any(line.split()[:3] == ["within", "Population", "served"] for line in lines if line.strip())
    assert any(line.split()[:4] == ["above", "Staff", "vacancy", "rate"] and "15.6%" in line for line in lines if line.strip())
    assert any(line.split()[:2] == ["above", "Radiologist"] and "13.2%" in line for line in lines if line.strip())


def test_report_of_a_workspace_open_in_the_app_still_reads(tmp_path):
    path = tmp_path / "demo.imagingnet"
    holder = create_demo(path)  # this process holds it, as the app would
    try:
        network = report_json(path)
    finally:
        holder.close()
    assert len(network["partners"]) == 5


def _too_new(path: Path) -> None:
    create_demo(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


@pytest.mark.parametrize("command", ["report", "import-partners"])
@pytest.mark.parametrize(
    ("make", "words"),
    [
        (None, "There is no workspace"),
        (lambda p: p.write_text("code,name\nnot,a workspace\n"), "not an ImagingNet workspace"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(200)), "workspace"),
        (_too_new, "newer version"),
    ],
    ids=["missing", "text-file", "damaged", "too-new"],
)
def test_a_path_that_is_not_a_usable_workspace(tmp_path, command, make, words):
    path = tmp_path / "w.imagingnet"
    if make is not None:
        make(path)
        before = snapshot(path)
    args = ("report", path) if command == "report" else ("import-partners", path, DATA / "partners-unicode.csv")
    result = imagingnet(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert words in result.stderr
    assert result.stderr.startswith(f"imagingnet {command}: ")
    if make is None:
        assert not path.exists()  # a missing path is never created
    else:
        assert snapshot(path) == before  # byte for byte
    assert no_sidecars(path)


# --------------------------------------------------------------------------- import-partners


def test_import_partners_then_report_carries_unicode_and_markup(tmp_path):
    path = tmp_path / "w.imagingnet"
    assert imagingnet("new", path, cwd=tmp_path).returncode == 0
    source = DATA / "partners-unicode.csv"
    result = imagingnet("import-partners", path, source, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "2 partners added, 0 updated" in result.stdout
    assert no_sidecars(path)
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    partners = report_json(path)["partners"]
    assert [p["code"] for p in partners] == [r["code"] for r in rows]
    for partner, row in zip(partners, rows, strict=True):
        for field in ("name", "ics", "cancer_alliance"):
            assert partner[field] == (row[field] or None)
    first = partners[0]
    assert "ŵ" in first["name"] and "&" in first["ics"] and "<ICS>" in first["ics"]
    assert first["cancer_alliance"] == "Café 'Crème' \"Brûlée\" 🩻 Alliance"
    assert first["pay_cost_gbp"] == 20100000.5 and first["consultant_radiologists_wte"] == 38.25
    assert first["going_concern_value_gbp"] is None
    assert (first["ppci_centre"], first["hyper_acute_stroke_unit"]) == (True, False)

    text = imagingnet("report", path, cwd=tmp_path).stdout  # the text report prints them too
    assert "Ysbyty Gwynedd ŵ ŷ" in text and "😀" in text


def test_a_console_that_cannot_show_unicode_gets_escapes_not_a_crash(tmp_path):
    path = tmp_path / "w.imagingnet"
    env = {k: v for k, v in os.environ.items() if k != "IMAGINGNET_DEBUG"} | {"PYTHONIOENCODING": "ascii"}
    for args in (["new", str(path), "--name", "Rhwydwaith ŵ 😀"], ["import-partners", str(path), str(DATA / "partners-unicode.csv")]):
        result = subprocess.run([sys.executable, "-c", WRAPPER, *args], cwd=tmp_path, env=env, capture_output=True,
                                timeout=120)
        assert result.returncode == 0, result.stderr
        result.stdout.decode("ascii")
    for extra in (["--json"], []):
        result = subprocess.run([sys.executable, "-c", WRAPPER, "report", str(path), *extra], cwd=tmp_path,
                                env=env, capture_output=True, timeout=120)
        assert result.returncode == 0, result.stderr
        out = result.stdout.decode("ascii")  # pure ASCII
        if extra:
            assert json.loads(out)["network"]["name"] == "Rhwydwaith ŵ 😀"  # lossless escapes
        else:
            assert "Rhwydwaith \\u0175" in out


def test_import_partners_problems_go_to_stderr_by_row_and_column(tmp_path):
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    before = snapshot(path)
    result = imagingnet("import-partners", path, DATA / "partners-bad-rows.csv", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    err = result.stderr
    assert "Nothing was imported from partners-bad-rows.csv: 5 problems" in err
    for where in ("row 3, column 'pay_cost_gbp'", "row 4, column 'organisation_type'",
                  "row 4, column 'imaging_staff_wte'", "row 4, column 'staff_vacancy_rate_pct'",
                  "row 5, column 'code'"):
        assert where in err
    assert snapshot(path) == before  # a bad file never opens the workspace


def test_import_partners_from_xlsx_lists_a_formula_cell_by_row_and_column(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["code", "name", "organisation_type", "imaging_staff_wte"])
    sheet.append(["XL1", "Sheet Hospitals NHS Trust", "NHS Trust", 310.5])
    sheet.append(["XL2", "Formula Hospitals NHS Trust", "NHS Trust", "=SUM(1,2)"])
    source = tmp_path / "partners.xlsx"
    book.save(source)
    path = tmp_path / "w.imagingnet"
    assert imagingnet("new", path, cwd=tmp_path).returncode == 0
    result = imagingnet("import-partners", path, source, cwd=tmp_path)
    assert result.returncode == 2
    assert "row 3, column 'imaging_staff_wte': the cell holds a formula (=SUM(1,2))" in result.stderr
    assert report_json(path)["partners"] == []

    sheet["D3"] = 12
    book.save(source)
    result = imagingnet("import-partners", path, source, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [p["imaging_staff_wte"] for p in report_json(path)["partners"]] == [310.5, 12]


def test_import_partners_of_a_missing_file(tmp_path):
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    result = imagingnet("import-partners", path, tmp_path / "nope.csv", cwd=tmp_path)
    assert result.returncode == 2 and "there is no file" in result.stderr
    assert not (tmp_path / "nope.csv").exists()


def test_import_partners_into_a_workspace_open_elsewhere_is_refused(tmp_path):
    path = tmp_path / "demo.imagingnet"
    holder = create_demo(path)
    try:
        result = imagingnet("import-partners", path, DATA / "partners-unicode.csv", cwd=tmp_path)
        assert result.returncode == 2
        assert "already open" in result.stderr
        assert len(holder.network.partners) == 5
    finally:
        holder.close()
    assert len(report_json(path)["partners"]) == 5


def _outside(code: str, factor: int) -> dict[str, object]:
    return {"code": code, "name": f"Partner {code}", "organisation_type": "NHS Trust",
            "population_served": 100_000 * factor, "imaging_staff_wte": 40 * factor,
            "consultant_radiologists_wte": 4 * factor, "staff_vacancy_rate_pct": 5 if factor < 5 else 30,
            "radiologist_vacancy_rate_pct": 3 if factor < 5 else 40}


def test_networks_outside_the_national_ranges(tmp_path):
    small = write_csv(tmp_path / "small.csv", [_outside("S1", 1), _outside("S2", 2)])
    big = write_csv(tmp_path / "big.csv", [_outside(f"B{i}", 10) for i in range(1, 6)])
    statuses = {}
    for label, source in (("small", small), ("big", big)):
        path = tmp_path / f"{label}.imagingnet"
        assert imagingnet("new", path, cwd=tmp_path).returncode == 0
        result = imagingnet("import-partners", path, source, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        network = report_json(path)
        statuses[label] = {c["id"]: (c["status"], c["value"]) for c in network["checks"]}
    assert statuses["small"] == {
        "population": ("below", 300_000), "staff": ("below", 120), "radiologists": ("below", 12),
        "staff_vacancy": ("within", pytest.approx((40 * 5 + 80 * 5) / 120)),
        "radiologist_vacancy": ("within", 3),
    }
    assert statuses["big"] == {
        "population": ("above", 5_000_000), "staff": ("above", 2_000), "radiologists": ("above", 200),
        "staff_vacancy": ("above", 30), "radiologist_vacancy": ("above", 40),
    }


# --------------------------------------------------------------------------- export, other failures


@pytest.mark.parametrize(("document", "title"), [("mou", "draft MOU"), ("heads-of-terms", "draft heads of terms")])
def test_export_writes_the_draft_and_records_each_version(tmp_path, document, title):
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    out = tmp_path / "out.docx"
    result = imagingnet("export", document, path, "-o", out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Exported the {title}, version 1, to {out} (")
    assert out.read_bytes()[:2] == b"PK" and no_sidecars(path)
    again = imagingnet("export", document, path, "-o", out, cwd=tmp_path)
    assert again.returncode == 0 and f"version 2, to {out}" in again.stdout

    before = snapshot(path)
    refused = imagingnet("export", document, path, "-o", tmp_path / "out.pdf", cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "must be a Word file ending .docx" in refused.stderr and not (tmp_path / "out.pdf").exists()
    assert snapshot(path) == before


def test_an_unexpected_failure_exits_1_with_one_line(tmp_path, monkeypatch, capsys):
    from imagingnet_desktop.workspace.reports import report

    def broken(source):
        raise RuntimeError("disk on fire\nsecond line")

    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    monkeypatch.setattr(report, "build_report", broken)
    monkeypatch.delenv("IMAGINGNET_DEBUG", raising=False)
    assert cli.run(["report", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("imagingnet report: failed: disk on fire second line (RuntimeError")

    monkeypatch.setenv("IMAGINGNET_DEBUG", "1")
    assert cli.run(["report", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "disk on fire" in err


def test_run_in_process_returns_codes_without_exiting(tmp_path, capsys):
    assert cli.run(["--version"]) == 0
    assert cli.run(["report", str(tmp_path / "missing.imagingnet")]) == 2
    assert cli.run([]) == 2
    assert "choose a command" in capsys.readouterr().err
    assert not (tmp_path / "missing.imagingnet").exists()


def test_the_workspace_stays_usable_after_the_cli(tmp_path):
    path = tmp_path / "w.imagingnet"
    assert imagingnet("new", path, "--demo", cwd=tmp_path).returncode == 0
    assert imagingnet("import-partners", path, DATA / "partners-unicode.csv", cwd=tmp_path).returncode == 0
    workspace = Workspace.open(path)  # the CLI released its lock
    try:
        assert [p.code for p in workspace.network.partners][-2:] == ["BCW", "ÉCL"]
    finally:
        workspace.close()
