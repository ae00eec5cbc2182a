"""Edits of the working scenario as the Shares & votes controls ask for them, with the rules they follow.

A control reports only what the person changed; here it becomes a scenario (``domain.scenarios.with_changes``:
unanimity clears vetoes, a qualified majority starts at 75%), and a change that would bring a new problem (a
rule nobody can meet, votes that cannot be set) is refused with the reason as a ``FieldError``, before anything
is written. A problem the working scenario already has is no reason to refuse a change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis, analyse, missing_custom_votes
from imagingnet_desktop.domain.scenarios.scenario import Scenario, parse_votes, with_changes
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.domain.voting.thresholds import ThresholdError, parse_qualified
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.shares_votes.scenarios import set_working_scenario, working_scenario

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace


def edit_working(workspace: Workspace, changes: Mapping[str, object], label: str, *,
                 shown: ScenarioAnalysis | None = None) -> Change:
    """Apply a control's changes (``Scenario`` fields) to the working scenario as one undoable edit.

    ``shown``: the working scenario's analysis as on screen, if the caller has it (saves working it out again).
    Switching to custom votes starts from the votes as they are, so nothing jumps.
    """
    scenario = working_scenario(workspace)
    changes = _read_qualified(changes)
    if changes.get("qualified", scenario.qualified) == scenario.qualified and set(changes) == {"qualified"}:
        return Change.NONE
    current = _current(workspace, scenario, shown)
    if changes.get("vote_method") is VoteMethod.CUSTOM and not scenario.custom_votes and current.votes is not None:
        changes = {**changes, "custom_votes": tuple(zip(current.partner_ids, current.votes, strict=True))}
    candidate = with_changes(scenario, changes)
    _refuse_new_problem(workspace, candidate, current)
    return set_working_scenario(workspace, candidate, label)


def _read_qualified(changes: Mapping[str, object]) -> Mapping[str, object]:
    """A qualified majority as typed ("2/3", "two-thirds", "75%") becomes its exact fraction, or ``FieldError``."""
    typed = changes.get("qualified")
    if not isinstance(typed, str):
        return changes
    try:
        return {**changes, "qualified": parse_qualified(typed)}
    except ThresholdError as exc:
        raise FieldError(str(exc)) from None


def type_custom_votes(workspace: Workspace, partner_id: int, text: str, *,
                      shown: ScenarioAnalysis | None = None) -> Change:
    """One partner's custom votes as typed in the table; the others keep the votes they have now."""
    code = workspace.network.partner(partner_id).code
    votes = parse_votes(text, code)
    scenario = working_scenario(workspace)
    current = _current(workspace, scenario, shown)
    if current.votes is not None:
        now = dict(zip(current.partner_ids, current.votes, strict=True))
    else:  # no votes could be worked out: keep the numbers typed so far, and give no one a number not typed
        now = scenario.custom_vote_map()
    candidate = replace(scenario, custom_votes=tuple({**now, partner_id: votes}.items()))
    if not missing_custom_votes(workspace.network.partners, candidate):  # still missing some: say so, not refuse
        _refuse_new_problem(workspace, candidate, current)
    return set_working_scenario(workspace, candidate, f"{code} votes {votes:,}")


def _current(workspace: Workspace, scenario: Scenario, shown: ScenarioAnalysis | None) -> ScenarioAnalysis:
    partners = workspace.network.partners
    if shown is not None and shown.scenario == scenario and shown.partner_ids == tuple(p.id for p in partners):
        return shown
    return analyse(partners, scenario)


def _refuse_new_problem(workspace: Workspace, candidate: Scenario, current: ScenarioAnalysis) -> None:
    problem = analyse(workspace.network.partners, candidate).problem
    if problem and problem != current.problem:
        raise FieldError(problem)
