"""The workshop commands: ``snapshot``, ``changes --since [--json]`` and ``export partners|shares``.

Run through ``cli.run`` in this process (fast), and once each in a subprocess through ``main()`` to prove they
open no window (Qt never imported). Exit codes: 0 success, 2 bad input with a message and no traceback.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli_helpers import make_demo, run
from imagingnet_desktop.domain.commercial.appraisal import OptionStatus
from imagingnet_desktop.domain.programme.steps import ItemStatus
from imagingnet_desktop.workspace.collections import update_row
from imagingnet_desktop.workspace.commercial.collections import OPTIONS
from imagingnet_desktop.workspace.programme.collections import ITEMS
from imagingnet_desktop.workspace.workspace import Workspace
from locations import DATA  # noqa: E402

NO_QT = (
    "import sys\n"
    "from imagingnet_desktop.__main__ import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.exit(97 if any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules) else code)\n"
)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return make_demo(tmp_path / "w.imagingnet")


def in_subprocess(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("IMAGINGNET_DEBUG", None)
    result = subprocess.run([sys.executable, "-c", NO_QT, *map(str, args)], cwd=cwd, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode != 97, "the command imported Qt"
    return result


def test_snapshot_then_changes_as_text_and_json(demo, capsys):
    code, out, _ = run(capsys, "snapshot", demo, "Before the workshop ŵ")
    assert code == 0 and "Took snapshot 'Before the workshop ŵ'" in out
    code, out, _ = run(capsys, "changes", demo, "--since", "before the workshop ŵ")
    assert (code, out.startswith("Nothing has changed since 'Before the workshop ŵ'")) == (0, True)

    assert run(capsys, "import-partners", demo, DATA / "partners-unicode.csv")[0] == 0
    code, out, _ = run(capsys, "changes", demo, "--since", "Before the workshop ŵ")
    assert code == 0
    assert "Network\n  + added    BCW – Ysbyty Gwynedd ŵ" in out
    code, out, _ = run(capsys, "changes", demo, "--since", "Before the workshop ŵ", "--json")
    found = json.loads(out)
    assert found["since"] == "Before the workshop ŵ"
    assert [(c["area"], c["item"].split(" – ")[0], c["kind"]) for c in found["changes"]] == [
        ("Network", "BCW", "added"), ("Network", "ÉCL", "added")]
    assert {"area", "item", "kind", "was", "now"} <= set(found["changes"][0])
    assert found["changes"][0]["was"] is None and "Population 700,000" in found["changes"][0]["now"]


def test_changes_only_reads_the_workspace(demo, capsys):
    run(capsys, "snapshot", demo, "Start")
    before = demo.read_bytes(), demo.stat().st_mtime_ns
    assert run(capsys, "changes", demo, "--since", "Start", "--json")[0] == 0
    assert (demo.read_bytes(), demo.stat().st_mtime_ns) == before
    assert not Path(f"{demo}-wal").exists()


@pytest.mark.parametrize("args, message", [
    (("changes", "{w}", "--since", "Nope"), "There is no snapshot called 'Nope': this workspace has no snapshots"),
    (("snapshot", "{w}", "  "), "Give the snapshot a name"),
    (("snapshot", "{w}", "a\tb"), "control characters"),
    (("changes", "{missing}", "--since", "x"), "There is no workspace"),
    (("export", "partners", "{w}", "-o", "{dir}/p.txt"), ".csv or .xlsx"),
    (("export", "partners", "{w}", "-o", "{w}"), "the workspace itself"),
])
def test_bad_input_exits_2_with_a_message(demo, capsys, args, message):
    filled = [a.format(w=demo, missing=demo.with_name("missing.imagingnet"), dir=demo.parent) for a in args]
    code, _, err = run(capsys, *filled)
    assert code == 2 and message in err and "Traceback" not in err
    assert not demo.with_name("p.txt").exists() and not demo.with_name("missing.imagingnet").exists()


def test_a_duplicate_snapshot_name_exits_2(demo, capsys):
    assert run(capsys, "snapshot", demo, "Start")[0] == 0
    code, _, err = run(capsys, "snapshot", demo, "START")
    assert code == 2 and "already a snapshot called 'START'" in err


def test_export_partners_csv_imports_back_to_the_same_partners(demo, tmp_path, capsys):
    assert run(capsys, "import-partners", demo, DATA / "partners-unicode.csv")[0] == 0
    code, out, _ = run(capsys, "export", "partners", demo, "-o", tmp_path / "partners.csv")
    assert code == 0 and "partners.csv" in out
    assert run(capsys, "new", tmp_path / "fresh.imagingnet")[0] == 0
    assert run(capsys, "import-partners", tmp_path / "fresh.imagingnet", tmp_path / "partners.csv")[0] == 0
    reports = []
    for path in (demo, tmp_path / "fresh.imagingnet"):
        code, out, _ = run(capsys, "report", path, "--json")
        reports.append(json.loads(out)["network"]["partners"])
    assert reports[0] == reports[1] and len(reports[0]) == 7


def test_export_shares_to_xlsx_and_csv(demo, tmp_path, capsys):
    assert run(capsys, "export", "shares", demo, "-o", tmp_path / "shares.xlsx")[0] == 0
    assert (tmp_path / "shares.xlsx").stat().st_size > 0
    assert run(capsys, "export", "shares", demo, "-o", tmp_path / "shares.csv")[0] == 0
    with (tmp_path / "shares.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["code"] for r in rows] == ["NSH", "EMV", "KBD", "SMC", "WBK"]
    assert sum(float(r["Pay %"]) for r in rows) == pytest.approx(100)


def test_the_commands_open_no_window(demo):
    for args in (("snapshot", demo, "Start"), ("changes", demo, "--since", "Start", "--json"),
                 ("export", "partners", demo, "-o", demo.with_name("p.xlsx"))):
        result = in_subprocess(*args, cwd=demo.parent)
        assert result.returncode == 0, result.stderr
        if "--json" in args:
            assert json.loads(result.stdout)["changes"] == []
    assert demo.with_name("p.xlsx").stat().st_size > 0


def test_changes_names_each_choice_as_the_tabs_show_it(demo, capsys):
    assert run(capsys, "snapshot", demo, "Start")[0] == 0
    ws = Workspace.open(demo)
    try:
        item = ws.rows(ITEMS)[0]
        assert item.status is ItemStatus.NOT_STARTED
        update_row(ws, ITEMS, item.id, status=ItemStatus.AGREED)
        option = ws.rows(OPTIONS)[0]
        update_row(ws, OPTIONS, option.id, status=OptionStatus.SHORT_LIST)
    finally:
        ws.close()
    code, out, _ = run(capsys, "changes", demo, "--since", "Start")
    assert code == 0
    assert "Status: Not started → Agreed" in out and f"{option.name}: Status: Long list → Short list" in out
    assert not {"not_started", "agreed", "long_list", "short_list"} & set(out.replace(":", " ").split())
    code, out, _ = run(capsys, "changes", demo, "--since", "Start", "--json")
    found = {(c["field"], c["was"], c["now"]) for c in json.loads(out)["changes"]}
    assert {("Status", "Not started", "Agreed"), ("Status", "Long list", "Short list")} <= found
