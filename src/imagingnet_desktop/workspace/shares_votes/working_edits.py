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
from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis, analyse
from imagingnet_desktop.domain.scenarios.scenario import Scenario, parse_votes, with_changes
from imagingnet_desktop.domain.voting.rules import VoteMethod
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
    current = _current(workspace, scenario, shown)
    if changes.get("vote_method") is VoteMethod.CUSTOM and not scenario.custom_votes and current.votes is not None:
        changes = {**changes, "custom_votes": tuple(zip(current.partner_ids, current.votes, strict=True))}
    candidate = with_changes(scenario, changes)
    _refuse_new_problem(workspace, candidate, current)
    return set_working_scenario(workspace, candidate, label)


def type_custom_votes(workspace: Workspace, partner_id: int, text: str, *,
                      shown: ScenarioAnalysis | None = None) -> Change:
    """One partner's custom votes as typed in the table; the others keep the votes they have now."""
    code = workspace.network.partner(partner_id).code
    votes = parse_votes(text, code)
    scenario = working_scenario(workspace)
    current = _current(workspace, scenario, shown)
    given = scenario.custom_vote_map()  # when no votes could be worked out
    now = current.votes or tuple(given.get(pid, 1) for pid in current.partner_ids)
    custom = tuple((pid, votes if pid == partner_id else v) for pid, v in zip(current.partner_ids, now, strict=True))
    candidate = replace(scenario, custom_votes=custom)
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
