"""The Shares & votes tab's edits: the working scenario on the sliders, and the saved scenarios.

The working scenario lives in tab state; saved scenarios in their own table, one of them possibly the
network's agreed position. Every change here is one undoable command. A slider being dragged is previewed
with ``analyse(..., preview)`` and committed once, when it is released.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from imagingnet_desktop.domain.names import control_character_problem
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis, analyse
from imagingnet_desktop.domain.scenarios.scenario import MAX_NAME_LENGTH, MAX_SCENARIOS_COMPARED, Scenario
from imagingnet_desktop.domain.scenarios.scenario_check import read_scenario
from imagingnet_desktop.store.tables.scenarios import ScenarioRow
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.commands import Batch, Command
from imagingnet_desktop.workspace.tab_settings import SetTabState

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace

WORKING_KEY = "shares_votes.working"
COMPARED_KEY = "shares_votes.compared"
AGREED_DEFAULT = Scenario(name="Default: equal votes, simple majority")
UNREADABLE_WORKING = ("The shares & votes settings saved in this workspace could not be read, so the sliders and "
                      "rule are back to their defaults (nothing has been changed in the file).")


@dataclass(frozen=True)
class SavedScenario:
    id: int
    scenario: Scenario
    agreed: bool


@dataclass
class ReplaceScenarios:
    label: str
    after: tuple[ScenarioRow, ...]
    before: tuple[ScenarioRow, ...] = ()

    def do(self, workspace: Workspace) -> Change:
        self.before = workspace.scenarios
        workspace.put_scenarios(self.after)
        return Change.SCENARIOS

    def undo(self, workspace: Workspace) -> Change:
        workspace.put_scenarios(self.before)
        return Change.SCENARIOS


# ---------------------------------------------------------------------------- reading


def working_scenario(workspace: Workspace) -> Scenario:
    data = workspace.tab_state(WORKING_KEY)
    if data is None:
        return Scenario()
    scenario = read_scenario(data)
    if scenario is None:  # a setting: back to the default, with a notice, rather than a crash
        workspace.reset_setting(WORKING_KEY, UNREADABLE_WORKING)
        return Scenario()
    return scenario


def saved_scenarios(workspace: Workspace) -> tuple[SavedScenario, ...]:
    return tuple(SavedScenario(r.id, Scenario.from_dict(r.definition), r.agreed) for r in workspace.scenarios)


def agreed_scenario(workspace: Workspace) -> Scenario:
    """The scenario marked as the network's agreed position, else equal votes and a simple majority."""
    return next((s.scenario for s in saved_scenarios(workspace) if s.agreed), AGREED_DEFAULT)


def compared_ids(workspace: Workspace) -> list[int]:
    ids = workspace.tab_state(COMPARED_KEY, [])
    known = {s.id for s in workspace.scenarios}
    return [i for i in ids if i in known][:MAX_SCENARIOS_COMPARED] if isinstance(ids, list) else []


def analyse_scenario(workspace: Workspace, scenario: Scenario) -> ScenarioAnalysis:
    return analyse(workspace.network.partners, scenario)


# ---------------------------------------------------------------------------- editing


def set_working_scenario(workspace: Workspace, scenario: Scenario, label: str = "change shares & votes") -> Change:
    """Commit the working scenario (a released slider, a chosen rule...) as one undoable edit."""
    if scenario == working_scenario(workspace):
        return Change.NONE
    return workspace.execute(SetTabState(WORKING_KEY, scenario.to_dict(), label))


def save_scenario(workspace: Workspace, name: str) -> SavedScenario:
    """Save the working scenario under ``name`` (unique, not empty) and add it to the comparison if there is room."""
    name = _valid_name(workspace, name)
    scenario = replace(working_scenario(workspace), name=name)
    new_id = max((r.id for r in workspace.scenarios), default=0) + 1
    rows = (*workspace.scenarios, ScenarioRow(new_id, scenario.to_dict(), False))
    steps: list[Command] = [ReplaceScenarios(f"save scenario {name}", rows)]
    compared = compared_ids(workspace)
    if len(compared) < MAX_SCENARIOS_COMPARED:
        steps.append(SetTabState(COMPARED_KEY, [*compared, new_id], f"compare {name}"))
    workspace.execute(Batch(f"save scenario {name}", steps))
    return SavedScenario(new_id, scenario, False)


def rename_scenario(workspace: Workspace, scenario_id: int, name: str) -> Change:
    name = _valid_name(workspace, name, ignore_id=scenario_id)
    rows = tuple(
        ScenarioRow(r.id, {**r.definition, "name": name}, r.agreed) if r.id == scenario_id else r
        for r in workspace.scenarios
    )
    return workspace.execute(ReplaceScenarios(f"rename scenario {name}", rows))


def delete_scenario(workspace: Workspace, scenario_id: int) -> Change:
    rows = tuple(r for r in workspace.scenarios if r.id != scenario_id)
    if len(rows) == len(workspace.scenarios):
        return Change.NONE
    return workspace.execute(ReplaceScenarios("delete scenario", rows))


def mark_agreed(workspace: Workspace, scenario_id: int | None) -> Change:
    """Mark one saved scenario as the network's agreed position (``None``: none is agreed)."""
    rows = tuple(ScenarioRow(r.id, r.definition, r.id == scenario_id) for r in workspace.scenarios)
    if rows == workspace.scenarios:
        return Change.NONE
    return workspace.execute(ReplaceScenarios("mark the agreed scenario", rows))


def load_scenario(workspace: Workspace, scenario_id: int) -> Change:
    """Put a saved scenario on the sliders (the working scenario)."""
    saved = next(s for s in saved_scenarios(workspace) if s.id == scenario_id)
    return set_working_scenario(workspace, saved.scenario, f"load scenario {saved.scenario.name}")


def set_compared(workspace: Workspace, scenario_ids: list[int]) -> Change:
    if len(scenario_ids) > MAX_SCENARIOS_COMPARED:
        raise FieldError(f"Up to {MAX_SCENARIOS_COMPARED} scenarios can be compared side by side.")
    if scenario_ids == compared_ids(workspace):
        return Change.NONE
    return workspace.execute(SetTabState(COMPARED_KEY, list(scenario_ids), "choose scenarios to compare"))


def follow_code_change(workspace: Workspace, old: str, new: str) -> list[Command]:
    """Commands that carry a partner's new code into the working and saved scenarios (vetoes, custom votes).

    Scenarios name partners by code; without this a corrected code would drop that partner's veto and votes.
    """
    steps: list[Command] = []
    working = workspace.tab_state(WORKING_KEY)
    if isinstance(working, dict) and (renamed := _with_code(working, old, new)) != working:
        steps.append(SetTabState(WORKING_KEY, renamed, f"rename {old}"))
    rows = tuple(ScenarioRow(r.id, _with_code(r.definition, old, new), r.agreed) for r in workspace.scenarios)
    if rows != workspace.scenarios:
        steps.append(ReplaceScenarios(f"rename {old}", rows))
    return steps


def _with_code(definition: dict[str, object], old: str, new: str) -> dict[str, object]:
    def rename(code: object) -> object:
        return new if isinstance(code, str) and code.casefold() == old.casefold() else code

    out = dict(definition)
    if isinstance(votes := definition.get("custom_votes"), dict):
        out["custom_votes"] = {rename(code): n for code, n in votes.items()}
    if isinstance(vetoes := definition.get("veto_codes"), list):
        out["veto_codes"] = [rename(code) for code in vetoes]
    return out


def _valid_name(workspace: Workspace, name: str, ignore_id: int | None = None) -> str:
    raw_name, name = name, " ".join(name.split())
    if not name:
        raise FieldError("A scenario needs a name.")
    if len(name) > MAX_NAME_LENGTH:
        raise FieldError(f"A scenario name can be at most {MAX_NAME_LENGTH} characters ({len(name)} given).")
    problem = control_character_problem("A scenario name", raw_name)
    if problem:
        raise FieldError(problem + ".")
    for saved in saved_scenarios(workspace):
        if saved.id != ignore_id and saved.scenario.name.casefold() == name.casefold():
            raise FieldError(f"There is already a scenario called '{saved.scenario.name}'.")
    return name
