"""The command line says what is so: ``analyse`` never calls an unsaved scenario agreed, names the shares votes
follow, and ``report`` names rules as the screens do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import make_demo, run
from imagingnet_desktop import cli
from imagingnet_desktop.__main__ import main


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return make_demo(tmp_path / "demo.imagingnet")


def voting(capsys: pytest.CaptureFixture[str], *args: object) -> dict[str, object]:
    code, out, _ = run(capsys, *args, "--json")
    assert code == 0
    found: dict[str, object] = json.loads(out)["voting"]
    return found


def test_analyse_json_is_agreed_only_for_a_scenario_saved_with_agree(demo: Path, capsys) -> None:
    assert voting(capsys, "analyse", demo)["agreed"] is False  # worked out, not saved
    assert voting(capsys, "report", demo)["agreed"] is False
    assert voting(capsys, "analyse", demo, "--save-as", "Second")["agreed"] is False  # saved, not agreed
    assert voting(capsys, "report", demo)["agreed"] is False
    assert voting(capsys, "analyse", demo, "--save-as", "Third", "--agree")["agreed"] is True
    assert voting(capsys, "report", demo)["agreed"] is True


@pytest.mark.parametrize(("args", "follows"), [
    ([], "in proportion to the activity shares"),
    (["--basis", "non_pay"], "in proportion to the direct non-pay shares"),
    (["--blend", "activity=30,valuation=10"], "in proportion to the blend (75% activity, 25% going-concern value)"),
])
def test_analyse_names_the_shares_proportional_votes_follow(demo: Path, capsys, args: list[str],
                                                            follows: str) -> None:
    code, out, _ = run(capsys, "analyse", demo, "--votes", "proportional", *args)
    assert code == 0 and f"Votes: proportional, {follows}\n" in out
    assert "in proportion to blend" not in out and "non_pay" not in out


def test_help_says_analyse_writes_with_save_as(capsys) -> None:
    assert cli.run(["--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "as the tab shows it (writes only with --save-as)" in out
    assert "as the tab shows it (reads only)" not in out


def agree_on_custom_votes(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "analyse", demo, "--votes", "custom:NSH=3,EMV=2,KBD=2,SMC=1,WBK=1", "--save-as", "Custom",
                     "--agree")
    assert code == 0


def test_an_import_that_leaves_the_agreed_votes_unworkable_says_so(demo: Path, tmp_path: Path, capsys) -> None:
    agree_on_custom_votes(demo, capsys)
    new = tmp_path / "new.csv"
    new.write_text("code,name,organisation_type\nNEW,New Town Hospitals NHS Trust,NHS Trust\n", encoding="utf-8")
    code, out, err = run(capsys, "import-partners", demo, new)
    assert code == 0 and "1 partner added" in out
    assert ("imagingnet import-partners: warning: The agreed scenario 'Custom' no longer works out (see Shares & "
            "votes): Custom votes need a number for every partner: NEW has none yet.") in err
    code, out, _ = run(capsys, "report", demo)
    assert "  Rule: Simple majority\n" in out and "simple_majority" not in out
    assert "Not analysed: Custom votes need a number for every partner: NEW has none yet." in out


def test_an_import_that_keeps_the_agreed_votes_workable_warns_of_nothing(demo: Path, tmp_path: Path, capsys) -> None:
    agree_on_custom_votes(demo, capsys)
    update = tmp_path / "update.csv"
    update.write_text("code,name,organisation_type,population_served\n"
                      "NSH,Northshire Hospitals NHS Foundation Trust,NHS Foundation Trust,123456\n", encoding="utf-8")
    code, out, err = run(capsys, "import-partners", demo, update)
    assert code == 0 and "1 updated" in out and "warning" not in err


def test_report_names_a_qualified_rule_it_could_not_work_out_as_the_screens_do(demo: Path, tmp_path: Path,
                                                                                 capsys) -> None:
    run(capsys, "analyse", demo, "--votes", "custom:NSH=3,EMV=2,KBD=2,SMC=1,WBK=1", "--rule", "qualified:2/3",
        "--save-as", "Custom", "--agree")
    new = tmp_path / "new.csv"
    new.write_text("code,name,organisation_type\nNEW,New Town Hospitals NHS Trust,NHS Trust\n", encoding="utf-8")
    assert run(capsys, "import-partners", demo, new)[0] == 0
    code, out, _ = run(capsys, "report", demo)
    assert "  Rule: Qualified majority: at least 2/3 of votes\n" in out and "qualified\n" not in out


def test_an_import_that_changes_nothing_is_no_edit_and_says_so(demo: Path, tmp_path: Path, capsys) -> None:
    exported = tmp_path / "partners.csv"
    assert run(capsys, "export", "partners", demo, "-o", exported)[0] == 0
    code, out, err = run(capsys, "import-partners", demo, exported)
    assert code == 0 and err == ""
    assert out == ("Nothing to import from partners.csv into demo.imagingnet: the 5 partners in the file already "
                   "hold its figures, so no edit was made (nothing to undo).\n")


def test_analyse_counts_one_coalition_in_the_singular(demo: Path, capsys) -> None:
    code, out, _ = run(capsys, "analyse", demo, "--votes", "custom:NSH=10,EMV=0,KBD=0,SMC=0,WBK=0")
    assert code == 0
    assert "  1 coalition that passes a decision: NSH\n" in out and "  1 coalition that blocks one: NSH\n" in out
    code, out, _ = run(capsys, "analyse", demo, "--rule", "unanimity")
    assert "  1 coalition that passes a decision: NSH + EMV + KBD + SMC + WBK\n" in out
    assert "  5 coalitions that block one: NSH; EMV; KBD; SMC; WBK\n" in out


@pytest.mark.parametrize("args", [["reprot"], ["reprot", "x"], ["--exit-after-start", "reprot"]])
def test_a_mistyped_command_alone_says_so_and_lists_the_commands(args: list[str], capsys, monkeypatch) -> None:
    import imagingnet_desktop.app

    monkeypatch.setattr(imagingnet_desktop.app, "run_app", lambda a: pytest.fail(f"the window opened for {a}"))
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "'reprot' is not a command. Did you mean 'report'?" in err
    assert "new, import-partners, report, analyse, export, snapshot or changes" in err


@pytest.mark.parametrize("name", ["some.imagingnet", "folder/plain", "existing"])
def test_a_workspace_still_opens_the_window(name: str, tmp_path: Path, monkeypatch) -> None:
    import imagingnet_desktop.app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "existing").write_bytes(b"")  # a file of that name, with no suffix: a workspace, not a command
    opened: list[list[str]] = []
    monkeypatch.setattr(imagingnet_desktop.app, "run_app", lambda a: opened.append(a) or 0)
    assert main([name]) == 0 and opened == [[name]]
