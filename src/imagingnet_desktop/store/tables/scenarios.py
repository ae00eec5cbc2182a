"""Shares & votes scenarios as rows: the scenario itself (saved, or the working one) and its partner links.

A scenario's settings (blend weights, vote method, rule) are a small JSON object in ``settings``; everything
that names a partner is a row of its own with a ``partner_id`` foreign key, so a partner's code can change
without touching any scenario.
"""

from __future__ import annotations

from dataclasses import dataclass

from imagingnet_desktop.store.tables.rows import RowTable


@dataclass(frozen=True)
class ScenarioRow:
    id: int
    name: str
    settings: str  # JSON: weights, vote method and basis, rule kind, qualified percent, minimum partners
    agreed: bool = False
    working: bool = False  # the scenario on the sliders (one at most); the others are saved scenarios


@dataclass(frozen=True)
class ScenarioVeto:
    id: int
    scenario_id: int
    partner_id: int


@dataclass(frozen=True)
class ScenarioVote:
    id: int
    scenario_id: int
    partner_id: int
    votes: int


SCENARIO_TABLE = RowTable("scenarios", ScenarioRow)
VETO_TABLE = RowTable("scenario_vetoes", ScenarioVeto, ordered=False)
VOTE_TABLE = RowTable("scenario_votes", ScenarioVote, ordered=False)
