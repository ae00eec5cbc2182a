"""A format-2 workspace (made by the format-2 release, kept in tests/data) opens with every scenario, veto and
custom vote it held, now naming partners by id; afterwards a code change needs no fix-up and a deleted
partner takes its vetoes and votes with it (and undo brings them back).

The file holds the demo network with KBD's code corrected to KBH after the scenarios were saved (format 2
carried codes into the scenarios) and WBK moved to the top, so partner ids are not positions:
ids 1 NSH, 2 EMV, 3 KBH, 4 SMC, 5 WBK.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest

from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.workspace.network.partner_commands import delete_partners, edit_partner_field
from imagingnet_desktop.workspace.reports.report import build_report
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.workspace import Workspace
from locations import DATA

FORMAT2 = DATA / "format2-scenarios.imagingnet"
NSH, EMV, KBH, SMC, WBK = 1, 2, 3, 4, 5


def _weights(**given: int) -> tuple[tuple[Basis, int], ...]:
    return tuple((b, given.get(b.value, 0)) for b in Basis)


SAVED = [
    (1, False, Scenario(name="Equal votes, simple majority")),
    (2, False, Scenario(name="Custom votes, SMC and NSH veto", vote_method=VoteMethod.CUSTOM,
                        custom_votes=((NSH, 40), (EMV, 30), (KBH, 20), (SMC, 7), (WBK, 3)),
                        veto_partner_ids=(NSH, SMC))),
    (3, True, Scenario(name="Blend 60/40, 75% and EMV veto", weights=_weights(activity=60, pay=40),
                       vote_method=VoteMethod.PROPORTIONAL, rule_kind=RuleKind.QUALIFIED,
                       qualified=Fraction(3, 4), min_partners=2, veto_partner_ids=(EMV,))),
]
# format 2 gave a partner left out of custom votes 1 vote; the migration writes that 1 down for EMV and SMC
WORKING = Scenario(vote_method=VoteMethod.CUSTOM, custom_votes=((NSH, 5), (EMV, 1), (KBH, 4), (SMC, 1), (WBK, 2)),
                   rule_kind=RuleKind.QUALIFIED, qualified=Fraction(667, 1000), veto_partner_ids=(WBK,))


def _as_saved(ws: Workspace) -> list[tuple[int, bool, Scenario]]:
    return [(s.id, s.agreed, s.scenario) for s in shares_votes.saved_scenarios(ws)]


def _user_version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    assert _user_version(FORMAT2) == 2
    return Path(shutil.copyfile(FORMAT2, tmp_path / "format2.imagingnet"))


def test_every_scenario_veto_and_custom_vote_is_intact_after_the_migration(old_file: Path) -> None:
    ws = Workspace.open(old_file)
    try:
        assert ws.backup_path is not None and _user_version(ws.backup_path) == 2
        assert [(p.id, p.code) for p in ws.network.partners] == [(5, "WBK"), (1, "NSH"), (2, "EMV"), (3, "KBH"),
                                                                  (4, "SMC")]
        assert _as_saved(ws) == SAVED
        assert shares_votes.working_scenario(ws) == WORKING
        assert shares_votes.compared_ids(ws) == [1, 2, 3]
        assert shares_votes.agreed_scenario(ws) == SAVED[2][2]
        assert ws.tab_state(shares_votes.COMPARED_KEY) == [1, 2, 3]
        assert ws.tab_state("shares_votes.working") is None  # tab_state keeps small settings only
        voting = build_report(ws)["network"]["voting"]
        assert voting["scenario"] == "Blend 60/40, 75% and EMV veto" and voting["rule"]["veto"] == ["EMV"]
    finally:
        ws.close()
    reopened = Workspace.open(old_file)  # and they stay so: the file holds them, migrated once
    try:
        assert reopened.backup_path is None
        assert _as_saved(reopened) == SAVED and shares_votes.working_scenario(reopened) == WORKING
    finally:
        reopened.close()


def test_reading_a_format2_file_read_only_shows_the_same_and_leaves_it_as_it_was(old_file: Path) -> None:
    before = old_file.read_bytes()
    reader = Workspace.open_read_only(old_file)
    try:
        assert _as_saved(reader) == SAVED and shares_votes.working_scenario(reader) == WORKING
        assert build_report(reader)["network"]["voting"]["rule"]["veto"] == ["EMV"]
    finally:
        reader.close()
    assert old_file.read_bytes() == before and _user_version(old_file) == 2


def test_a_corrected_code_needs_no_fix_up(old_file: Path) -> None:
    ws = Workspace.open(old_file)
    try:
        edit_partner_field(ws, KBH, "code", "KBX")
        assert ws.undo_label == "edit KBH Code"  # one plain edit: no scenario was touched
        assert _as_saved(ws) == SAVED and shares_votes.working_scenario(ws) == WORKING
        analysis = shares_votes.analyse_scenario(ws, shares_votes.working_scenario(ws))
        assert dict(zip(analysis.codes, analysis.votes, strict=True)) == {"WBK": 2, "NSH": 5, "EMV": 1, "KBX": 4,
                                                                          "SMC": 1}
    finally:
        ws.close()


def test_a_deleted_partner_takes_its_vetoes_and_votes_with_it_and_undo_brings_them_back(old_file: Path) -> None:
    ws = Workspace.open(old_file)
    try:
        delete_partners(ws, [SMC])  # no question to answer: a veto or a custom vote belongs to its partner
        custom = next(s.scenario for s in shares_votes.saved_scenarios(ws) if s.id == 2)
        assert custom.veto_partner_ids == (NSH,)
        assert custom.custom_vote_map() == {NSH: 40, EMV: 30, KBH: 20, WBK: 3}
        assert ws.undo_label == "delete SMC"
        ws.undo()
        assert _as_saved(ws) == SAVED and shares_votes.working_scenario(ws) == WORKING
        ws.redo()
        delete_partners(ws, [WBK])  # the working scenario's veto partner
        assert shares_votes.working_scenario(ws).veto_partner_ids == ()
    finally:
        ws.close()
    reopened = Workspace.open(old_file)
    try:
        assert [p.code for p in reopened.network.partners] == ["NSH", "EMV", "KBH"]
        assert shares_votes.working_scenario(reopened).custom_vote_map() == {NSH: 5, EMV: 1, KBH: 4}
    finally:
        reopened.close()


# a saved scenario is data: one this app would not have written refuses the file before anything is written
BAD_DEFINITIONS = {
    "not JSON": "{not json",
    "an unknown rule": '{"name": "S", "rule_kind": "dictator"}',
    "unreadable votes": '{"name": "S", "custom_votes": {"NSH": "x"}}',
    "vetoes that are not a list": '{"name": "S", "veto_codes": "NSH"}',
    "a percentage that is not a number": '{"name": "S", "rule_kind": "qualified", "qualified_percent": "lots"}',
    "a weight of 150": '{"name": "S", "weights": {"activity": 150}}',
}


@pytest.mark.parametrize("case", list(BAD_DEFINITIONS))
def test_a_format2_scenario_this_app_cannot_read_refuses_the_file_untouched(case: str, old_file: Path) -> None:
    from imagingnet_desktop.store import NotAWorkspaceError
    from store_fault_helpers import folder_state, raw

    raw(old_file, f"UPDATE scenarios SET definition = '{BAD_DEFINITIONS[case]}' WHERE id = 2")
    before = folder_state(old_file.parent)
    for opener in (Workspace.open, Workspace.open_read_only):
        with pytest.raises(NotAWorkspaceError, match="scenario id 2"):
            opener(old_file)
    assert folder_state(old_file.parent) == before  # no backup, no migration


@pytest.mark.parametrize("value", ["{not json", "[1, 2]", '{"rule_kind": "dictator"}'])
def test_an_unreadable_format2_working_scenario_is_migrated_and_reset_with_a_notice(value: str,
                                                                                    old_file: Path) -> None:
    from store_fault_helpers import raw

    raw(old_file, f"UPDATE tab_state SET value = '{value}' WHERE key = 'shares_votes.working'")
    for opener in (Workspace.open_read_only, Workspace.open):
        ws = opener(old_file)
        try:
            assert _as_saved(ws) == SAVED
            assert shares_votes.working_scenario(ws) == Scenario()
            assert ws.notices[-1] == shares_votes.UNREADABLE_WORKING
        finally:
            ws.close()


def test_what_the_format2_release_could_store_still_opens(old_file: Path) -> None:
    """Its percentage box went to 999.99 and an unknown key was ignored: such a file opens, the percentage is
    read as it is (the analysis says what is wrong with the rule) and the key is dropped."""
    from store_fault_helpers import raw

    raw(old_file, "UPDATE scenarios SET definition = json_set(definition, '$.qualified_percent', '150',"
                  " '$.from_an_older_build', 1) WHERE id = 3")
    ws = Workspace.open(old_file)
    try:
        third = next(s.scenario for s in shares_votes.saved_scenarios(ws) if s.id == 3)
        assert third == replace(SAVED[2][2], qualified=Fraction(3, 2))
        assert "at most 100%" in (shares_votes.analyse_scenario(ws, third).problem or "")
    finally:
        ws.close()
    Workspace.open_read_only(old_file).close()  # migrated, it opens again
