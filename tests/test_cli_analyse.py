"""``imagingnet analyse`` (a scenario worked through from the command line) and the command line's manners."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from cli_helpers import make_demo, run
from imagingnet_desktop.__main__ import main
from imagingnet_desktop.domain.network.network import MAX_PARTNERS
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.workspace import Workspace
from test_cli import imagingnet, write_csv


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return make_demo(tmp_path / "demo.imagingnet")


def test_analyse_prints_what_the_tab_shows_and_writes_nothing(demo: Path, capsys) -> None:
    before = demo.read_bytes()
    code, out, _ = run(capsys, "analyse", demo, "--votes", "proportional", "--rule", "qualified:2/3", "--veto", "emv")
    assert code == 0
    assert "Qualified majority: at least 2/3 of votes; EMV holds a veto" in out
    assert "Banzhaf %" in out and "Shapley-Shubik %" in out and "Veto players: EMV" in out
    assert "3 coalitions that pass a decision: NSH + EMV + KBD; NSH + EMV + SMC; EMV + KBD + SMC + WBK" in out
    assert "5 coalitions that block one: EMV;" in out
    assert "! EMV can block any decision on its own." in out
    assert demo.read_bytes() == before


def test_analyse_json_uses_the_reports_keys_with_warnings_and_coalitions(demo: Path, capsys) -> None:
    code, out, _ = run(capsys, "analyse", demo, "--blend", "activity=50,pay=50", "--votes", "proportional",
                       "--rule", "qualified:75%", "--min-partners", "2", "--json")
    assert code == 0
    data = json.loads(out)
    code, report_out, _ = run(capsys, "report", demo, "--json")
    report = json.loads(report_out)
    assert set(data["voting"]) == set(report["voting"]) and set(data["shares"]) == set(report["shares"])
    assert data["voting"]["rule"]["fraction"] == "3/4" and data["voting"]["rule"]["min_partners"] == 2
    assert data["voting"]["method"] == "proportional" and data["voting"]["vote_basis"] == "blend"
    assert isinstance(data["warnings"], list) and all(isinstance(w, str) for w in data["warnings"])
    for key in ("winning", "blocking"):
        group = data["coalitions"][key]
        assert set(group) == {"count", "listed"} and group["count"] >= len(group["listed"]) >= 1


@pytest.mark.parametrize(("args", "named", "words"), [
    (["--rule", "qualified:30%"], "--rule", "could both pass"),
    (["--rule", "supermajority"], "--rule", "not a rule"),
    (["--votes", "custom:NSH=3,EMV=2"], "--votes", "KBD, SMC and WBK have none"),
    (["--votes", "custom:NSH=3,XYZ=2"], "--votes", "'XYZ' is not a partner's code"),
    (["--votes", "lots"], "--votes", "not a way of giving votes"),
    (["--basis", "turnover"], "--basis", "not a basis"),
    (["--blend", "activity=fifty"], "--blend", "whole number"),
    (["--veto", "NSH,QQQ"], "--veto", "'QQQ' is not a partner's code"),
    (["--min-partners", "9"], "--min-partners", "the network has 5"),
    (["--agree"], "--agree", "only with --save-as"),
])
def test_bad_input_exits_2_naming_the_argument(demo: Path, capsys, args: list[str], named: str, words: str) -> None:
    before = demo.read_bytes()
    code, out, err = run(capsys, "analyse", demo, *args)
    assert code == 2 and out == ""
    assert f"imagingnet analyse: {named}:" in err and words in err
    assert demo.read_bytes() == before


def test_save_as_is_one_undoable_saved_scenario_marked_agreed(demo: Path, capsys) -> None:
    code, _, err = run(capsys, "analyse", demo, "--votes", "proportional", "--rule", "qualified:two-thirds",
                       "--save-as", "Two-thirds by activity", "--agree")
    assert code == 0 and "saved as the scenario 'Two-thirds by activity' and marked as the agreed" in err
    workspace = Workspace.open(demo)
    try:
        saved = shares_votes.saved_scenarios(workspace)
        assert [(s.scenario.name, s.agreed, s.scenario.qualified) for s in saved] == [
            ("Two-thirds by activity", True, Fraction(2, 3))]
        assert shares_votes.working_scenario(workspace).qualified is None  # the sliders are left alone
        again = shares_votes.save_scenario_as(workspace, saved[0].scenario, "Again", agree=True)
        assert [s.agreed for s in shares_votes.saved_scenarios(workspace)] == [False, True] and again.agreed
        workspace.undo()  # one edit: the scenario and the agreed mark go back together
        assert [(s.scenario.name, s.agreed) for s in shares_votes.saved_scenarios(workspace)] == [
            ("Two-thirds by activity", True)]
    finally:
        workspace.close()
    code, out, _ = run(capsys, "report", demo)
    assert "Voting (agreed scenario: Two-thirds by activity)" in out


def test_report_says_it_shows_the_default_when_nothing_is_agreed(demo: Path, capsys) -> None:
    code, out, _ = run(capsys, "report", demo)
    assert code == 0 and "agreed scenario: Default" not in out
    assert "no scenario is agreed yet, so this is the default: equal votes and a simple majority" in out
    assert "Partners (5: 3 NHS Foundation Trusts, 2 NHS Trusts)" in out and "(s)" not in out


def test_an_unknown_command_says_so_and_lists_the_commands(tmp_path: Path, capsys) -> None:
    assert main(["reprot", "x"]) == 2
    err = capsys.readouterr().err
    assert "'reprot' is not a command. Did you mean 'report'?" in err
    assert "new, import-partners, report, analyse, export, snapshot or changes" in err
    assert "one workspace at a time" not in err


def test_analyse_never_imports_qt_and_a_file_problem_names_no_column(demo: Path, tmp_path: Path) -> None:
    result = imagingnet("analyse", demo, "--votes", "equal", cwd=tmp_path)
    assert result.returncode == 0 and "Simple majority" in result.stdout
    missing = imagingnet("import-partners", demo, tmp_path / "nope.csv", cwd=tmp_path)
    assert missing.returncode == 2 and "column '(file)'" not in missing.stderr and "the file: there is no file" \
        in missing.stderr


def test_an_import_beyond_the_partner_limit_is_refused_with_the_reason(demo: Path, tmp_path: Path, capsys) -> None:
    rows = [{"code": f"T{i:03d}", "name": f"Trust {i}", "organisation_type": "NHS Trust"}
            for i in range(MAX_PARTNERS + 1)]
    code, _, err = run(capsys, "import-partners", demo, write_csv(tmp_path / "many.csv", rows))
    assert code == 2 and f"ImagingNet serves up to {MAX_PARTNERS} partners" in err
    near = rows[: MAX_PARTNERS - 4]  # with the demo's 5, one too many
    code, _, err = run(capsys, "import-partners", demo, write_csv(tmp_path / "near.csv", near))
    assert code == 2 and f"would have {MAX_PARTNERS + 1} partners" in err
