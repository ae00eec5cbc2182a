"""The command line's manners: ``--details`` wherever the hint to add it is printed, a reader that stops
reading (``report | head -1``) ends the command quietly, and an import counts unchanged partners apart from
updated ones and names the columns the file lacked."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from imagingnet_desktop import cli
from imagingnet_desktop.domain.network.partner import TEMPLATE_HEADER
from store_fault_helpers import index_missing_a_row, one_line
from test_cli import WRAPPER, imagingnet


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    return Path(shutil.copyfile(demo_file, tmp_path / "w.imagingnet"))


COMMANDS = [
    ("report", "{w}"), ("analyse", "{w}"), ("import-partners", "{w}", "{csv}"), ("snapshot", "{w}", "before"),
    ("changes", "{w}", "--since", "before"), ("export", "partners", "{w}", "-o", "{out}.csv"),
    ("export", "mou", "{w}", "-o", "{out}.docx"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_every_command_that_hints_at_details_accepts_it(demo: Path, tmp_path: Path, capsys,
                                                        args: tuple[str, ...]) -> None:
    index_missing_a_row(demo)  # damage quick_check misses: refused, with SQLite's full report as details
    source = tmp_path / "p.csv"
    source.write_text("code,name,organisation_type\nZZZ,Zed Trust,NHS Trust\n", encoding="utf-8")
    argv = [a.format(w=demo, csv=source, out=tmp_path / "out") for a in args]
    assert cli.run(argv) == 2
    err = capsys.readouterr().err
    assert one_line(err) and "(add --details for the full report)" in err, err
    assert cli.run([*argv, "--details"]) == 2
    err = capsys.readouterr().err
    assert "usage:" not in err and "missing from index" in err and len(err.strip().splitlines()) > 1, err
    assert "--details" not in err
    assert not any(p.name.startswith("out") for p in tmp_path.iterdir())


@pytest.mark.parametrize("extra", [(), ("--json",)])
def test_a_reader_that_stops_reading_ends_the_report_quietly(demo: Path, tmp_path: Path,
                                                              extra: tuple[str, ...]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first line is written (as ``| head -1`` after one)
    try:
        done = subprocess.run([sys.executable, "-c", WRAPPER, "report", str(demo), *extra], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, cwd=tmp_path, timeout=120)
    finally:
        os.close(write_end)
    assert done.stderr == ""  # no "failed: [Errno 32] Broken pipe", no "Exception ignored" at exit
    assert done.returncode == 1  # the report was not all delivered (as Python's docs advise for EPIPE)


def test_reimporting_the_same_partners_counts_them_unchanged(demo: Path, tmp_path: Path) -> None:
    exported = tmp_path / "partners.csv"
    assert imagingnet("export", "partners", demo, "-o", exported, cwd=tmp_path).returncode == 0
    done = imagingnet("import-partners", demo, exported, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == (
        "Nothing to import from partners.csv into w.imagingnet: the 5 partners in the file already hold its "
        "figures, so no edit was made (nothing to undo).")
    assert "not in the file" not in done.stdout


def test_an_import_names_the_columns_the_file_lacked(demo: Path, tmp_path: Path) -> None:
    exported = tmp_path / "partners.csv"
    assert imagingnet("export", "partners", demo, "-o", exported, cwd=tmp_path).returncode == 0
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    kept = ("code", "name", "organisation_type", "population_served")
    partial = tmp_path / "partial.csv"
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(kept)
        writer.writerow([rows[0][k] if k != "population_served" else "123456" for k in kept])
        writer.writerows([r[k] for k in kept] for r in rows[1:])
    done = imagingnet("import-partners", demo, partial, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    missing = ", ".join(name for name in TEMPLATE_HEADER if name not in kept)
    assert first == (f"Imported partial.csv into w.imagingnet: 0 partners added, 1 updated, 4 unchanged. "
                     f"{missing} not in the file: kept as they were.")
    assert f"  updated: {rows[0]['code']}" in done.stdout
