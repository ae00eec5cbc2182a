"""Work a scenario through for a set of partners: shares, votes, the game, real voting power, warnings.

Nothing here raises for a scenario the board might try: a step that cannot be taken (no basis for
proportional votes, a rule nobody can meet) stops the chain with a plain message in ``problem``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from imagingnet_desktop.domain.figure_text import points_text, power_percent, vote_share_percent
from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.scenarios.rounding_check import RoundingCheck, check_rounding
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.shares.share_table import (
    Basis,
    BasisShares,
    BlendShares,
    BlendWeightError,
    ShareTable,
    share_table,
)
from imagingnet_desktop.domain.voting.coalitions import MinimalCoalitions, minimal_coalitions
from imagingnet_desktop.domain.voting.power import GameError, PowerIndices, power_indices
from imagingnet_desktop.domain.voting.rules import (
    RuleError,
    RuleGame,
    VoteAllocationError,
    VoteMethod,
    allocate_votes,
    rule_game,
)
from imagingnet_desktop.domain.wording import join_words

COALITION_LIST_LIMIT = 20
POWER_GAP_WARNING_POINTS = 10


@dataclass(frozen=True)
class ScenarioAnalysis:
    scenario: Scenario
    codes: tuple[str, ...]
    partner_ids: tuple[int, ...]  # in the same order as ``codes``
    table: ShareTable | None
    vote_shares_percent: tuple[Decimal, ...] | None  # the shares votes follow, when proportional (2 dp, shown)
    vote_shares_exact: tuple[Fraction, ...] | None  # the same shares exactly: what the votes are made from
    votes: tuple[int, ...] | None
    game: RuleGame | None
    rule_text: str
    power: PowerIndices | None
    coalitions: MinimalCoalitions | None
    problem: str | None  # why the chain stopped, in plain words
    warnings: tuple[str, ...]
    rounding: RoundingCheck | None = None  # proportional votes: does rounding change anyone's power?

    @property
    def vote_fractions(self) -> tuple[Fraction, ...]:
        if not self.votes or not sum(self.votes):
            return ()
        total = sum(self.votes)
        return tuple(Fraction(v, total) for v in self.votes)

    def codes_of(self, indices: Sequence[int]) -> list[str]:
        return [self.codes[i] for i in indices]

    def veto_codes(self) -> list[str]:
        """The codes of the scenario's veto partners that are among the partners analysed."""
        return [self.codes[self.partner_ids.index(i)] for i in self.scenario.veto_partner_ids
                if i in self.partner_ids]


def analyse(partners: Sequence[Partner], scenario: Scenario, *, coalition_limit: int = COALITION_LIST_LIMIT
            ) -> ScenarioAnalysis:
    codes = tuple(p.code for p in partners)
    partial: dict[str, Any] = {  # the fields worked out so far: an analysis that stops keeps them
        "scenario": scenario, "codes": codes, "partner_ids": tuple(p.id for p in partners), "table": None,
        "vote_shares_percent": None, "vote_shares_exact": None, "votes": None, "game": None, "rule_text": "", "power": None,
        "coalitions": None, "warnings": ()}
    if not partners:
        return ScenarioAnalysis(**partial, problem="Add partners to the network first.")
    try:
        table = share_table(partners, scenario.weight_map())
    except BlendWeightError as exc:
        return ScenarioAnalysis(**partial, problem=str(exc))
    partial["table"] = table
    try:
        # Votes before the rule: a rule that cannot be played still shows who holds what.
        basis = _vote_basis(table, scenario)
        exact = None if basis is None else tuple(basis.proportions[pid] for pid in table.partner_ids)
        partial["vote_shares_percent"] = None if basis is None else tuple(basis.percents[pid]
                                                                          for pid in table.partner_ids)
        partial["vote_shares_exact"] = exact
        votes = _votes(scenario, partners, exact)
        partial["votes"] = votes
        rule = scenario.rule_for(partners)
        partial["rule_text"] = rule.describe(codes)
        game = rule_game(votes, rule)
        partial["game"] = game
        power = power_indices(game.weights, game.quota, min_members=game.min_members, veto=game.veto)
        coalitions = minimal_coalitions(game.weights, game.quota, min_members=game.min_members, veto=game.veto,
                                        limit=coalition_limit)
    except (RuleError, VoteAllocationError, GameError, _NoBasis) as exc:
        return ScenarioAnalysis(**partial, problem=str(exc))
    warnings = _warnings(codes, votes, power, coalitions)
    rounding = None
    if exact is not None:
        rounding = check_rounding(exact, votes, rule, game, power.banzhaf, power.shapley_shubik)
        found = rounding.warning(codes)
        warnings += [found] if found else []
    partial.update(power=power, coalitions=coalitions, warnings=tuple(warnings))
    return ScenarioAnalysis(**partial, problem=None, rounding=rounding)


class _NoBasis(ValueError):
    pass


def _vote_basis(table: ShareTable, scenario: Scenario) -> BlendShares | BasisShares | None:
    """The shares proportional votes follow (None for other votes); ``_NoBasis`` when there are none."""
    if scenario.vote_method is not VoteMethod.PROPORTIONAL:
        return None
    result: BlendShares | BasisShares | None
    if scenario.vote_basis == "blend":
        result = table.blend
        label = "the blend"
    else:
        basis = Basis.of(scenario.vote_basis)
        result = table.bases[basis]
        label = basis.label
    if result is None or not result.has_basis:
        reason = result.reason if result is not None else "no blend is set"
        raise _NoBasis(f"Votes in proportion to {label} cannot be set: {reason}")
    return result


def missing_custom_votes(partners: Sequence[Partner], scenario: Scenario) -> list[str]:
    """The codes of the partners custom votes give no number to (empty unless the votes are custom)."""
    if scenario.vote_method is not VoteMethod.CUSTOM:
        return []
    given = scenario.custom_vote_map()
    return [p.code for p in partners if p.id not in given]


def _votes(scenario: Scenario, partners: Sequence[Partner], exact: tuple[Fraction, ...] | None
           ) -> tuple[int, ...]:
    if scenario.vote_method is VoteMethod.CUSTOM:
        missing = missing_custom_votes(partners, scenario)
        if missing:
            raise VoteAllocationError(
                f"Custom votes need a number for every partner: {join_words(missing)} "
                f"{'has' if len(missing) == 1 else 'have'} none yet. Type "
                f"{'its' if len(missing) == 1 else 'their'} votes in the Votes column (0 is a number).")
        given = scenario.custom_vote_map()
        return allocate_votes(VoteMethod.CUSTOM, len(partners), custom=[given[p.id] for p in partners])
    if scenario.vote_method is VoteMethod.PROPORTIONAL:
        return allocate_votes(VoteMethod.PROPORTIONAL, len(partners), shares=exact)
    return allocate_votes(VoteMethod.EQUAL, len(partners))


def _warnings(codes: tuple[str, ...], votes: tuple[int, ...], power: PowerIndices,
              coalitions: MinimalCoalitions) -> list[str]:
    out: list[str] = []
    total = sum(votes)
    n = len(codes)
    vetoes = set(power.veto_players)
    nulls = power.null_players  # a computed property: read it once
    if n > 1 and len(vetoes) == n:
        out.append("Any single partner can block a decision.")
    else:
        out += [f"{codes[i]} can block any decision on its own." for i in sorted(vetoes)]
    solo = [c[0] for c in coalitions.winning.coalitions if len(c) == 1]
    out += [f"{codes[i]} can pass a decision alone." for i in solo]
    for i in nulls:
        if votes[i] > 0 and total:
            out.append(
                f"{codes[i]} holds {vote_share_percent(Fraction(votes[i], total))} of the votes but can never change "
                "an outcome under this rule."
            )
        else:  # a custom 0, or a share of 0% because a baseline figure is missing
            out.append(f"{codes[i]} holds no votes, so it can never change an outcome.")
    for i in range(n):
        if i in vetoes or i in nulls or not total:
            continue
        share = Fraction(votes[i], total)
        gap = power.banzhaf[i] - share
        if abs(gap) * 100 >= POWER_GAP_WARNING_POINTS:
            out.append(
                f"{codes[i]} holds {vote_share_percent(share)} of the votes but {power_percent(power.banzhaf[i])} "
                f"of the voting power ({points_text(gap)})."
            )
    return out
