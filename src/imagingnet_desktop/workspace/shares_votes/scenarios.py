"""The Shares & votes tab's edits: the working scenario on the sliders, and the saved scenarios.

Every scenario is a row of ``scenarios`` (the working one marked ``working``), its vetoes and custom votes rows
of ``scenario_vetoes`` / ``scenario_votes`` naming partners by id, so correcting a partner's code changes no
scenario. Every change here is one undoable command. A slider being dragged is previewed with
``analyse(..., preview)`` and committed once, when it is released.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis, analyse
from imagingnet_desktop.domain.scenarios.scenario import MAX_NAME_LENGTH, MAX_SCENARIOS_COMPARED, Scenario
from imagingnet_desktop.domain.scenarios.scenario_check import settings_problem, writable_problem
from imagingnet_desktop.domain.typed_text import clean_text
from imagingnet_desktop.store.tables.scenarios import (
    SCENARIO_TABLE,
    VETO_TABLE,
    VOTE_TABLE,
    ScenarioRow,
    ScenarioVeto,
    ScenarioVote,
)
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import Collection, UpdateRow
from imagingnet_desktop.workspace.commands import Batch, Command
from imagingnet_desktop.workspace.tab_settings import SetTabState

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace

COMPARED_KEY = "shares_votes.compared"
AGREED_DEFAULT = Scenario(name="Default: equal votes, simple majority")
UNREADABLE_WORKING = ("The shares & votes settings saved in this workspace could not be read, so the sliders and "
                      "rule are back to their defaults (nothing has been changed in the file).")

SCENARIOS = Collection(SCENARIO_TABLE, Change.SCENARIOS, "scenario")
SCENARIO_VETOES = Collection(VETO_TABLE, Change.SCENARIOS, "veto")
SCENARIO_VOTES = Collection(VOTE_TABLE, Change.SCENARIOS, "custom vote")


@dataclass(frozen=True)
class SavedScenario:
    id: int
    scenario: Scenario
    agreed: bool


@dataclass(frozen=True)
class StoredScenario:
    """One scenario as its rows: the scenario row, where it stands, and its veto and vote rows."""

    row: ScenarioRow
    index: int | None
    vetoes: tuple[ScenarioVeto, ...]
    votes: tuple[ScenarioVote, ...]


@dataclass
class WriteScenario:
    """Make scenario ``scenario_id`` hold ``after`` (``None``: delete it), its link rows with it; undo puts the
    rows back as they were. Editing the working scenario raises ``TAB_STATE`` (the sliders' settings), a saved
    one ``SCENARIOS``."""

    label: str
    scenario_id: int
    after: StoredScenario | None
    before: StoredScenario | None = None

    def do(self, workspace: Workspace) -> Change:
        self.before = _stored(workspace, self.scenario_id)
        _write(workspace, self.before, self.after)
        return _change_of(self.before, self.after)

    def undo(self, workspace: Workspace) -> Change:
        _write(workspace, self.after, self.before)
        return _change_of(self.before, self.after)


def _stored(workspace: Workspace, scenario_id: int) -> StoredScenario | None:
    loaded = workspace.loaded(SCENARIOS)
    try:
        index = loaded.index_of(scenario_id)
    except KeyError:
        return None
    return StoredScenario(
        loaded.rows[index], index,
        tuple(v for v in workspace.rows(SCENARIO_VETOES) if v.scenario_id == scenario_id),
        tuple(v for v in workspace.rows(SCENARIO_VOTES) if v.scenario_id == scenario_id),
    )


def _write(workspace: Workspace, current: StoredScenario | None, target: StoredScenario | None) -> None:
    if current is not None:
        for veto in current.vetoes:
            workspace.remove_row(SCENARIO_VETOES, veto.id)
        for vote in current.votes:
            workspace.remove_row(SCENARIO_VOTES, vote.id)
    if target is None:
        if current is not None:
            workspace.remove_row(SCENARIOS, current.row.id)
        return
    if current is None:
        workspace.put_row(SCENARIOS, target.row, target.index)
    else:
        workspace.replace_row(SCENARIOS, target.row)
    for veto in target.vetoes:
        workspace.put_row(SCENARIO_VETOES, veto)
    for vote in target.votes:
        workspace.put_row(SCENARIO_VOTES, vote)


def _change_of(*states: StoredScenario | None) -> Change:
    working = any(s is not None and s.row.working for s in states)
    return Change.TAB_STATE if working else Change.SCENARIOS


def _rows_for(workspace: Workspace, row: ScenarioRow, scenario: Scenario, index: int | None) -> StoredScenario:
    """The rows that store ``scenario`` under ``row``; link rows get new ids (kept for redo)."""
    known = {p.id for p in workspace.network.partners}  # a reference to no partner cannot be stored
    veto_id = workspace.new_row_id(SCENARIO_VETOES)
    vote_id = workspace.new_row_id(SCENARIO_VOTES)
    veto_partners = [pid for pid in scenario.veto_partner_ids if pid in known]  # sorted and unique (Scenario)
    custom = [(pid, n) for pid, n in scenario.custom_votes if pid in known]
    vetoes = tuple(ScenarioVeto(veto_id + k, row.id, pid) for k, pid in enumerate(veto_partners))
    votes = tuple(ScenarioVote(vote_id + k, row.id, pid, n) for k, (pid, n) in enumerate(custom))
    return StoredScenario(row, index, vetoes, votes)


def _settings_text(scenario: Scenario) -> str:
    return json.dumps(scenario.settings(), ensure_ascii=False, sort_keys=True)


def _scenario_of(workspace: Workspace, row: ScenarioRow) -> Scenario:
    try:
        settings = json.loads(row.settings)
    except ValueError:
        settings = {}
    return Scenario.from_settings(
        settings if isinstance(settings, dict) else {}, name=row.name,
        custom_votes=tuple((v.partner_id, v.votes) for v in workspace.rows(SCENARIO_VOTES) if v.scenario_id == row.id),
        veto_partner_ids=tuple(v.partner_id for v in workspace.rows(SCENARIO_VETOES) if v.scenario_id == row.id),
    )


# ---------------------------------------------------------------------------- reading


def _working_row(workspace: Workspace) -> ScenarioRow | None:
    return next((r for r in workspace.rows(SCENARIOS) if r.working), None)


def working_scenario(workspace: Workspace) -> Scenario:
    """The scenario on the sliders. Its settings are a setting, not data (the file was opened without checking
    them): ones this app would not have written are read as the defaults, with a notice, never half-read."""
    row = _working_row(workspace)
    if row is None:
        return Scenario()
    try:
        settings: object = json.loads(row.settings)
    except ValueError:
        settings = None
    if settings_problem(settings) is not None:
        workspace.add_notice(UNREADABLE_WORKING)
        return Scenario()
    return _scenario_of(workspace, row)


def saved_scenarios(workspace: Workspace) -> tuple[SavedScenario, ...]:
    return tuple(SavedScenario(r.id, _scenario_of(workspace, r), r.agreed)
                 for r in workspace.rows(SCENARIOS) if not r.working)


def agreed_scenario(workspace: Workspace) -> Scenario:
    """The scenario marked as the network's agreed position, else equal votes and a simple majority."""
    return next((s.scenario for s in saved_scenarios(workspace) if s.agreed), AGREED_DEFAULT)


def agreed_scenario_problem(workspace: Workspace) -> str | None:
    """Why the saved agreed scenario cannot be worked out for the partners as they are now (custom votes that
    name none for a partner just imported, say), as a sentence to show after a change to the partners; None
    when it can be, or when no scenario is agreed (the default always can)."""
    try:
        scenario = agreed_scenario(workspace)
    except (ValueError, TypeError, AssertionError, ArithmeticError):
        return "The agreed scenario cannot be read, so the report shows the default instead."
    if scenario is AGREED_DEFAULT:
        return None
    problem = analyse_scenario(workspace, scenario).problem
    if problem is None:
        return None
    return f"The agreed scenario '{scenario.name}' no longer works out (see Shares & votes): {problem}"


def compared_ids(workspace: Workspace) -> list[int]:
    ids = workspace.tab_state(COMPARED_KEY, [])
    known = {r.id for r in workspace.rows(SCENARIOS) if not r.working}
    return [i for i in ids if i in known][:MAX_SCENARIOS_COMPARED] if isinstance(ids, list) else []


def analyse_scenario(workspace: Workspace, scenario: Scenario) -> ScenarioAnalysis:
    return analyse(workspace.network.partners, scenario)


# ---------------------------------------------------------------------------- editing


def set_working_scenario(workspace: Workspace, scenario: Scenario, label: str = "change shares & votes") -> Change:
    """Commit the working scenario (a released slider, a chosen rule...) as one undoable edit.

    Raises ``FieldError`` for settings the file check would refuse, or a percentage over 100 (which the analysis
    lets through when another problem is showing): what is written here opens (saved scenarios are copies)."""
    if scenario == working_scenario(workspace):
        return Change.NONE
    problem = writable_problem(scenario.settings())
    if problem:
        raise FieldError(f"This scenario cannot be kept: {problem}.")
    current = _working_row(workspace)
    row_id = current.id if current is not None else workspace.new_row_id(SCENARIOS)
    row = ScenarioRow(row_id, scenario.name, _settings_text(scenario), agreed=False, working=True)
    return workspace.execute(WriteScenario(label, row_id, _rows_for(workspace, row, scenario, None)))


def save_scenario(workspace: Workspace, name: str) -> SavedScenario:
    """Save the working scenario under ``name`` (unique, not empty) and add it to the comparison if there is room."""
    name = _valid_name(workspace, name)
    scenario = replace(working_scenario(workspace), name=name)
    new_id = workspace.new_row_id(SCENARIOS)
    row = ScenarioRow(new_id, name, _settings_text(scenario))
    steps: list[Command] = [WriteScenario(f"save scenario {name}", new_id,
                                          _rows_for(workspace, row, scenario, None))]
    compared = compared_ids(workspace)
    if len(compared) < MAX_SCENARIOS_COMPARED:
        steps.append(SetTabState(COMPARED_KEY, [*compared, new_id], f"compare {name}"))
    workspace.execute(Batch(f"save scenario {name}", steps))
    return SavedScenario(new_id, _scenario_of(workspace, workspace.row(SCENARIOS, new_id)), False)


def save_scenario_as(workspace: Workspace, scenario: Scenario, name: str, *, agree: bool = False) -> SavedScenario:
    """Save ``scenario`` (not the sliders' one) under ``name`` as ONE undoable edit, marked as the agreed one
    with ``agree``; the working scenario is left as it is."""
    name = _valid_name(workspace, name)
    scenario = replace(scenario, name=name)
    new_id = workspace.new_row_id(SCENARIOS)
    row = ScenarioRow(new_id, name, _settings_text(scenario), agreed=agree)
    steps: list[Command] = [WriteScenario(f"save scenario {name}", new_id, _rows_for(workspace, row, scenario, None))]
    if agree:
        steps += [UpdateRow(SCENARIOS, replace(r, agreed=False)) for r in workspace.rows(SCENARIOS)
                  if not r.working and r.agreed]
    compared = compared_ids(workspace)
    if len(compared) < MAX_SCENARIOS_COMPARED:
        steps.append(SetTabState(COMPARED_KEY, [*compared, new_id], f"compare {name}"))
    label = f"save scenario {name}" + (" as agreed" if agree else "")
    workspace.execute(Batch(label, steps))
    return SavedScenario(new_id, _scenario_of(workspace, workspace.row(SCENARIOS, new_id)), agree)


def rename_scenario(workspace: Workspace, scenario_id: int, name: str) -> Change:
    name = _valid_name(workspace, name, ignore_id=scenario_id)
    row = workspace.row(SCENARIOS, scenario_id)
    if row.name == name:
        return Change.NONE
    return workspace.execute(UpdateRow(SCENARIOS, replace(row, name=name), label=f"rename scenario {name}"))


def delete_scenario(workspace: Workspace, scenario_id: int) -> Change:
    if not any(r.id == scenario_id and not r.working for r in workspace.rows(SCENARIOS)):
        return Change.NONE
    return workspace.execute(WriteScenario("delete scenario", scenario_id, None))


def mark_agreed(workspace: Workspace, scenario_id: int | None) -> Change:
    """Mark one saved scenario as the network's agreed position (``None``: none is agreed)."""
    steps: list[Command] = [UpdateRow(SCENARIOS, replace(r, agreed=r.id == scenario_id))
                            for r in workspace.rows(SCENARIOS)
                            if not r.working and r.agreed != (r.id == scenario_id)]
    if not steps:
        return Change.NONE
    return workspace.execute(Batch("mark the agreed scenario", steps))


def load_scenario(workspace: Workspace, scenario_id: int) -> Change:
    """Put a saved scenario on the sliders (the working scenario)."""
    saved = next(s for s in saved_scenarios(workspace) if s.id == scenario_id)
    return set_working_scenario(workspace, saved.scenario, f"load scenario {saved.scenario.name}")


def set_compared(workspace: Workspace, scenario_ids: list[int]) -> Change:
    if len(scenario_ids) > MAX_SCENARIOS_COMPARED:
        raise FieldError(f"Up to {MAX_SCENARIOS_COMPARED} scenarios can be compared side by side; untick one first.")
    if scenario_ids == compared_ids(workspace):
        return Change.NONE
    return workspace.execute(SetTabState(COMPARED_KEY, list(scenario_ids), "choose scenarios to compare"))


def _valid_name(workspace: Workspace, name: str, ignore_id: int | None = None) -> str:
    name = clean_text("A scenario name", name, limit=MAX_NAME_LENGTH, if_empty="A scenario needs a name")
    for saved in saved_scenarios(workspace):
        if saved.id != ignore_id and saved.scenario.name.casefold() == name.casefold():
            raise FieldError(f"There is already a scenario called '{saved.scenario.name}'.")
    return name
