"""The rules the Shares & votes controls follow, without a screen: what a change brings with it, and what is
refused (with the reason, nothing written)."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.scenarios.scenario import Scenario, parse_votes, with_changes
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.shares_votes.working_edits import edit_working, type_custom_votes
from imagingnet_desktop.workspace.workspace import Workspace
from shares_votes_helpers import DEMO_ID


def on_disk(ws: Workspace) -> Scenario:
    reader = Workspace.open_read_only(ws.path)
    try:
        return shares_votes.working_scenario(reader)
    finally:
        reader.close()


def test_unanimity_clears_the_minimum_and_the_vetoes_and_a_qualified_majority_starts_at_75() -> None:
    vetoed = Scenario(min_partners=3, veto_partner_ids=(2, 4))
    assert with_changes(vetoed, {"rule_kind": RuleKind.UNANIMITY}) == replace(
        vetoed, rule_kind=RuleKind.UNANIMITY, min_partners=0, veto_partner_ids=())
    assert with_changes(vetoed, {"rule_kind": RuleKind.QUALIFIED}).qualified == Fraction(3, 4)
    kept = Scenario(rule_kind=RuleKind.SIMPLE_MAJORITY, qualified=Fraction(2, 3))
    assert with_changes(kept, {"rule_kind": RuleKind.QUALIFIED}).qualified == Fraction(2, 3)


@pytest.mark.parametrize(("text", "votes"), [("3", 3), (" 1,200 ", 1200), ("0", 0)])
def test_votes_are_read_as_typed(text: str, votes: int) -> None:
    assert parse_votes(text, "NSH") == votes


@pytest.mark.parametrize(("text", "words"), [("-2", "NSH's votes cannot be negative (-2)"),
                                             ("two", "NSH's votes must be a whole number, not 'two'"),
                                             ("12,5", "a decimal comma is not accepted"),
                                             ("", "NSH's votes must be a whole number of 0 or more"),
                                             ("1.5", "whole number")])
def test_bad_votes_are_refused_naming_the_partner(text: str, words: str) -> None:
    with pytest.raises(FieldError, match=words.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        parse_votes(text, "NSH")


def test_choosing_unanimity_in_the_workspace_drops_the_vetoes_in_one_edit(workspace) -> None:
    shares_votes.set_working_scenario(workspace, Scenario(veto_partner_ids=(DEMO_ID["WBK"],), min_partners=2))
    edit_working(workspace, {"rule_kind": RuleKind.UNANIMITY}, "rule: unanimity")
    assert workspace.undo_label == "rule: unanimity"
    working = on_disk(workspace)
    assert working.rule_kind is RuleKind.UNANIMITY and working.veto_partner_ids == () and working.min_partners == 0
    workspace.undo()
    assert on_disk(workspace).veto_partner_ids == (DEMO_ID["WBK"],)


def test_switching_to_custom_votes_starts_from_the_votes_as_they_are(workspace) -> None:
    edit_working(workspace, {"vote_method": VoteMethod.CUSTOM}, "votes: custom")
    assert on_disk(workspace).custom_votes == tuple((i, 1) for i in DEMO_ID.values())


def test_a_change_that_brings_a_new_problem_is_refused_and_nothing_is_written(workspace) -> None:
    heard: list[Change] = []
    workspace.subscribe(heard.append)
    with pytest.raises(FieldError, match="at least 6 partners but there are only 5"):
        edit_working(workspace, {"min_partners": 6}, "at least 6 partners")
    assert heard == [] and workspace.undo_label is None and on_disk(workspace) == Scenario()


def test_typed_custom_votes_change_one_partner_and_zero_votes_all_round_is_refused(workspace) -> None:
    edit_working(workspace, {"vote_method": VoteMethod.CUSTOM}, "votes: custom")
    type_custom_votes(workspace, DEMO_ID["EMV"], "7")
    assert workspace.undo_label == "EMV votes 7"
    assert on_disk(workspace).custom_vote_map() == {**dict.fromkeys(DEMO_ID.values(), 1), DEMO_ID["EMV"]: 7}
    for code in ("NSH", "KBD", "SMC", "WBK"):
        type_custom_votes(workspace, DEMO_ID[code], "0")
    with pytest.raises(FieldError, match="0 votes"):
        type_custom_votes(workspace, DEMO_ID["EMV"], "0")
    assert on_disk(workspace).custom_vote_map()[DEMO_ID["EMV"]] == 7
    with pytest.raises(FieldError, match="EMV's votes cannot be negative"):
        type_custom_votes(workspace, DEMO_ID["EMV"], "-1")


def test_custom_votes_missing_a_partner_are_a_problem_until_its_number_is_typed(workspace: Workspace) -> None:
    # Before: a partner with no number silently had 1 vote.
    given = tuple((pid, 2) for code, pid in DEMO_ID.items() if code != "WBK")
    shares_votes.set_working_scenario(workspace, Scenario(vote_method=VoteMethod.CUSTOM, custom_votes=given))
    shown = shares_votes.analyse_scenario(workspace, shares_votes.working_scenario(workspace))
    assert shown.votes is None and shown.problem is not None and "WBK has none yet" in shown.problem
    type_custom_votes(workspace, DEMO_ID["NSH"], "5")  # another partner's number: kept, nothing made up for WBK
    assert dict(on_disk(workspace).custom_votes).get(DEMO_ID["WBK"]) is None
    type_custom_votes(workspace, DEMO_ID["WBK"], "0")
    scenario = on_disk(workspace)
    assert dict(scenario.custom_votes) == {**dict(given), DEMO_ID["NSH"]: 5, DEMO_ID["WBK"]: 0}
    assert shares_votes.analyse_scenario(workspace, scenario).votes == (5, 2, 2, 2, 0)


def test_a_qualified_majority_is_typed_as_words_and_kept_exact(workspace: Workspace) -> None:
    edit_working(workspace, {"rule_kind": RuleKind.QUALIFIED}, "qualified")
    edit_working(workspace, {"qualified": "two-thirds"}, "qualified majority two-thirds")
    assert on_disk(workspace).qualified == Fraction(2, 3)
    with pytest.raises(FieldError, match="could both pass"):
        edit_working(workspace, {"qualified": "50%"}, "qualified majority 50%")
    assert on_disk(workspace).qualified == Fraction(2, 3)
