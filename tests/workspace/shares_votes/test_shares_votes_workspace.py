"""workspace/shares_votes.py and domain/scenario*.py without a screen: scenarios stored, validated, undone."""

from __future__ import annotations

import math
import shutil
import uuid
from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.scenarios.analysis import analyse
from imagingnet_desktop.domain.scenarios.scenario import MAX_NAME_LENGTH, SLIDER_MAX, Scenario
from imagingnet_desktop.domain.scenarios.scenario_check import settings_problem, writable_problem
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.workspace import Workspace
from shares_votes_helpers import DEMO_ACTIVITY, DEMO_ID, BruteForceGame, basis_points


def state(ws: Workspace) -> tuple:
    """Everything the shares & votes commands touch, as the workspace reports it."""
    return (shares_votes.working_scenario(ws), shares_votes.saved_scenarios(ws), shares_votes.compared_ids(ws),
            shares_votes.agreed_scenario(ws))


def file_state(ws: Workspace) -> tuple:
    reader = Workspace.open_read_only(ws.path)
    try:
        return state(reader)
    finally:
        reader.close()


# ---------------------------------------------------------------------------- Scenario


scenarios = st.builds(
    Scenario,
    name=st.text(min_size=1, max_size=20).filter(str.strip),
    weights=st.tuples(*(st.tuples(st.just(b), st.integers(0, SLIDER_MAX)) for b in Basis)),
    vote_method=st.sampled_from(VoteMethod),
    vote_basis=st.sampled_from(["blend", *(b.value for b in Basis)]),
    custom_votes=st.lists(st.tuples(st.sampled_from(list(DEMO_ID.values())), st.integers(0, 10_000)), max_size=5,
                          unique_by=lambda t: t[0]).map(tuple),
    rule_kind=st.sampled_from(RuleKind),
    qualified=st.one_of(st.none(), st.fractions(min_value=Fraction(1, 100), max_value=1, max_denominator=1000)),
    min_partners=st.integers(0, 8),
    veto_partner_ids=st.lists(st.sampled_from(list(DEMO_ID.values())), unique=True, max_size=3).map(tuple),
)


@given(scenarios)
@settings(max_examples=150, deadline=None)
def test_a_scenarios_settings_survive_a_round_trip_through_json(scenario: Scenario) -> None:
    import json

    stored = json.loads(json.dumps(scenario.settings()))  # as the file keeps it
    assert settings_problem(stored) is None  # the strict check on opening accepts every scenario the app writes
    assert writable_problem(stored) is None
    assert Scenario.from_settings(stored, name=scenario.name, custom_votes=scenario.custom_votes,
                                  veto_partner_ids=scenario.veto_partner_ids) == scenario


@given(scenarios)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_scenario_survives_a_round_trip_through_the_file(demo_file, tmp_path, scenario: Scenario) -> None:
    path = shutil.copyfile(demo_file, tmp_path / f"round-trip-{uuid.uuid4().hex}.imagingnet")
    ws = Workspace.open(path)
    try:
        shares_votes.set_working_scenario(ws, scenario)
        saved = shares_votes.save_scenario(ws, "Kept")
    finally:
        ws.close()
    reader = Workspace.open_read_only(path)
    try:
        assert shares_votes.working_scenario(reader) == scenario
        assert shares_votes.saved_scenarios(reader)[0].scenario == replace(scenario, name="Kept") == saved.scenario
    finally:
        reader.close()


def test_reading_settings_fills_gaps_and_clamps_weights() -> None:
    read = Scenario.from_settings({"weights": {"pay": 250, "activity": -3, "non_pay": "x"}, "vote_method": "?"})
    assert read.weight_map() == {Basis.ACTIVITY: 0, Basis.PAY: 100, Basis.NON_PAY: 0, Basis.TOTAL_COST: 0,
                                 Basis.VALUATION: 0}
    assert read.vote_method is VoteMethod.EQUAL and read.rule_kind is RuleKind.SIMPLE_MAJORITY
    assert read.name == "Scenario" and read.vote_basis == "blend"


def test_describe_shares_names_one_basis_or_the_blend() -> None:
    assert Scenario().describe_shares() == "Activity (examinations) alone"
    blend = Scenario(weights=((Basis.ACTIVITY, 50), (Basis.PAY, 25), (Basis.VALUATION, 25)))
    assert blend.describe_shares() == "Blend: Activity (examinations) 50%, Pay 25%, Going-concern value 25%"


# ---------------------------------------------------------------------------- analysis


def test_proportional_votes_and_a_qualified_rule_match_brute_force(workspace) -> None:
    scenario = Scenario(vote_method=VoteMethod.PROPORTIONAL, rule_kind=RuleKind.QUALIFIED,
                        qualified=Fraction(3, 4), min_partners=3)
    result = analyse(workspace.network.partners, scenario)
    votes = basis_points(DEMO_ACTIVITY)
    assert result.problem is None and list(result.votes) == votes and sum(votes) == 10_001  # the quota: of these
    game = BruteForceGame(votes, quota=math.ceil(Fraction(3, 4) * sum(votes)), min_members=3)
    assert list(result.power.banzhaf) == game.banzhaf()
    assert list(result.power.shapley_shubik) == game.shapley()
    assert list(result.power.veto_players) == game.veto_players()
    assert result.rule_text == "Qualified majority: at least 75% of votes, and at least 3 partners"


@pytest.mark.parametrize(("changes", "words"), [
    ({"min_partners": 6}, "at least 6 partners but there are only 5"),
    ({"rule_kind": RuleKind.QUALIFIED, "qualified": Fraction(101, 100)}, "at most 100%"),
    ({"rule_kind": RuleKind.QUALIFIED, "qualified": Fraction(3, 10)}, "30% is not a majority"),
    ({"rule_kind": RuleKind.QUALIFIED, "qualified": Fraction(1, 2)}, "could both pass"),
    ({"vote_method": VoteMethod.CUSTOM, "custom_votes": ((DEMO_ID["NSH"], 3),)}, "need a number for every partner"),
    ({"vote_method": VoteMethod.CUSTOM, "custom_votes": tuple((i, 0) for i in DEMO_ID.values())}, "0 votes"),
    ({"veto_partner_ids": (99,)}, "no longer in the network"),
    ({"vote_method": VoteMethod.PROPORTIONAL, "weights": tuple((b, 0) for b in Basis)}, "all zero"),
])
def test_a_scenario_that_cannot_be_worked_out_says_why(workspace, changes, words) -> None:
    result = analyse(workspace.network.partners, replace(Scenario(), **changes))
    assert result.problem is not None and words in result.problem
    assert result.power is None


def test_no_partners_is_a_plain_problem(tmp_path) -> None:
    ws = Workspace.create(tmp_path / "empty.imagingnet", "Empty")
    try:
        assert shares_votes.analyse_scenario(ws, Scenario()).problem == "Add partners to the network first."
    finally:
        ws.close()


# ---------------------------------------------------------------------------- the workspace


def test_the_agreed_scenario_defaults_to_equal_votes_and_a_simple_majority(workspace) -> None:
    agreed = shares_votes.agreed_scenario(workspace)
    assert agreed.vote_method is VoteMethod.EQUAL and agreed.rule_kind is RuleKind.SIMPLE_MAJORITY
    saved = shares_votes.save_scenario(workspace, "Pay, 75%")
    assert shares_votes.agreed_scenario(workspace) == shares_votes.AGREED_DEFAULT
    shares_votes.mark_agreed(workspace, saved.id)
    assert shares_votes.agreed_scenario(workspace).name == "Pay, 75%"
    other = shares_votes.save_scenario(workspace, "Other")
    shares_votes.mark_agreed(workspace, other.id)  # only one is ever agreed
    assert [s.agreed for s in shares_votes.saved_scenarios(workspace)] == [False, True]
    assert shares_votes.mark_agreed(workspace, other.id) == Change.NONE
    shares_votes.mark_agreed(workspace, None)
    assert shares_votes.agreed_scenario(workspace) == shares_votes.AGREED_DEFAULT


@pytest.mark.parametrize(("name", "words"), [
    ("", "needs a name"),
    ("   ", "needs a name"),
    ("x" * (MAX_NAME_LENGTH + 1), f"is {MAX_NAME_LENGTH + 1} characters long; at most {MAX_NAME_LENGTH} are allowed"),
    ("first", "already a scenario called 'First'"),
])
def test_names_are_checked(workspace, name, words) -> None:
    shares_votes.save_scenario(workspace, "First")
    label = workspace.undo_label
    with pytest.raises(FieldError, match=words):
        shares_votes.save_scenario(workspace, name)
    assert workspace.undo_label == label and len(shares_votes.saved_scenarios(workspace)) == 1


def test_names_are_tidied_and_any_unicode_survives(workspace) -> None:
    saved = shares_votes.save_scenario(workspace, "  Tŷ   Cymru & <Partners> 🏥 ")
    assert saved.scenario.name == "Tŷ Cymru & <Partners> 🏥"
    shares_votes.rename_scenario(workspace, saved.id, "tŷ cymru & <partners> 🏥")  # its own name, recased
    assert file_state(workspace)[1][0].scenario.name == "tŷ cymru & <partners> 🏥"


def test_no_more_than_four_are_compared(workspace) -> None:
    ids = [shares_votes.save_scenario(workspace, f"S{i}").id for i in range(5)]
    assert shares_votes.compared_ids(workspace) == ids[:4]
    with pytest.raises(FieldError, match="Up to 4"):
        shares_votes.set_compared(workspace, ids)
    shares_votes.set_compared(workspace, [ids[4], ids[0]])
    assert file_state(workspace)[2] == [ids[4], ids[0]]
    shares_votes.delete_scenario(workspace, ids[4])
    assert shares_votes.compared_ids(workspace) == [ids[0]]  # a deleted scenario drops out


def test_an_unchanged_working_scenario_is_not_an_edit(workspace) -> None:
    assert shares_votes.set_working_scenario(workspace, shares_votes.working_scenario(workspace)) == Change.NONE
    assert workspace.undo_label is None
    assert shares_votes.delete_scenario(workspace, 99) == Change.NONE


def test_load_puts_a_saved_scenario_on_the_sliders(workspace) -> None:
    pay = replace(Scenario(), weights=((Basis.PAY, 100),), vote_method=VoteMethod.PROPORTIONAL)
    shares_votes.set_working_scenario(workspace, pay)
    saved = shares_votes.save_scenario(workspace, "Pay")
    shares_votes.set_working_scenario(workspace, Scenario())
    shares_votes.load_scenario(workspace, saved.id)
    assert shares_votes.working_scenario(workspace).weight_map()[Basis.PAY] == 100
    assert workspace.undo_label == "load scenario Pay"


COMMANDS = {
    "set working": lambda ws, ids: shares_votes.set_working_scenario(
        ws, replace(Scenario(), rule_kind=RuleKind.UNANIMITY), "rule"),
    "save": lambda ws, ids: shares_votes.save_scenario(ws, "New one"),
    "rename": lambda ws, ids: shares_votes.rename_scenario(ws, ids[0], "Renamed"),
    "delete": lambda ws, ids: shares_votes.delete_scenario(ws, ids[1]),
    "mark agreed": lambda ws, ids: shares_votes.mark_agreed(ws, ids[1]),
    "load": lambda ws, ids: shares_votes.load_scenario(ws, ids[0]),
    "compare": lambda ws, ids: shares_votes.set_compared(ws, [ids[1]]),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_undo_and_redo_of_each_command_restore_memory_and_file(workspace, command) -> None:
    shares_votes.set_working_scenario(workspace, replace(Scenario(), vote_method=VoteMethod.PROPORTIONAL))
    first = shares_votes.save_scenario(workspace, "First")
    shares_votes.set_working_scenario(workspace, replace(Scenario(), min_partners=3))
    second = shares_votes.save_scenario(workspace, "Second")
    shares_votes.mark_agreed(workspace, first.id)
    before = state(workspace)
    assert file_state(workspace) == before

    heard: list[Change] = []
    workspace.subscribe(heard.append)
    COMMANDS[command](workspace, [first.id, second.id])
    after = state(workspace)
    assert after != before and file_state(workspace) == after
    assert heard and heard[-1] & (Change.TAB_STATE | Change.SCENARIOS)

    workspace.undo()
    assert state(workspace) == before and file_state(workspace) == before
    workspace.redo()
    assert state(workspace) == after and file_state(workspace) == after


def test_a_partners_veto_and_votes_go_with_it_while_its_other_rows_are_handed_over(workspace) -> None:
    from imagingnet_desktop.workspace.network.partner_commands import delete_partners
    from imagingnet_desktop.workspace.network.partner_references import PartnerInUseError

    # a row of another area that names the partner (ON DELETE RESTRICT): a real table, since the file is
    # reopened below and a workspace with a table of its own making is refused
    conn = workspace._file.conn
    owned = conn.execute("SELECT min(id) FROM programme_checklist_items").fetchone()[0]
    conn.execute("UPDATE programme_checklist_items SET owner_partner_id = ? WHERE id = ?", (DEMO_ID["WBK"], owned))
    conn.commit()

    def owner() -> int:
        return int(conn.execute("SELECT owner_partner_id FROM programme_checklist_items WHERE id = ?",
                                (owned,)).fetchone()[0])

    wbk_scenario = Scenario(vote_method=VoteMethod.CUSTOM, veto_partner_ids=(DEMO_ID["WBK"],),
                            custom_votes=((DEMO_ID["NSH"], 4), (DEMO_ID["WBK"], 2)))
    shares_votes.set_working_scenario(workspace, wbk_scenario)
    with pytest.raises(PartnerInUseError) as refused:
        delete_partners(workspace, [DEMO_ID["WBK"]])
    assert [r.table for r in refused.value.references] == ["programme_checklist_items"]  # not the veto and votes
    assert str(refused.value) == "WBK is named in 1 programme checklist item"

    delete_partners(workspace, [DEMO_ID["WBK"]], hand_over="reassign", to_partner=DEMO_ID["NSH"])
    assert owner() == DEMO_ID["NSH"]
    working = file_state(workspace)[0]
    assert working.veto_partner_ids == () and working.custom_vote_map() == {DEMO_ID["NSH"]: 4}  # not handed over
    workspace.undo()
    assert file_state(workspace)[0] == wbk_scenario
    assert owner() == DEMO_ID["WBK"]


@pytest.mark.parametrize("changes", [{"qualified": Fraction(3, 2)}, {"qualified": Fraction(0)},
                                     {"weights": ((Basis.ACTIVITY, SLIDER_MAX + 1),)}, {"vote_basis": "luck"}])
def test_settings_the_file_check_would_refuse_are_never_written(workspace, changes) -> None:
    # with another problem already shown, the analysis does not refuse the new one: the write path still does
    base = Scenario(rule_kind=RuleKind.QUALIFIED, qualified=Fraction(3, 4), veto_partner_ids=(999,))
    with pytest.raises(FieldError, match="cannot be kept"):
        shares_votes.set_working_scenario(workspace, replace(base, **changes))
    assert shares_votes.working_scenario(workspace) == Scenario() and workspace.undo_label is None
    Workspace.open_read_only(workspace.path).close()  # and the file still opens
