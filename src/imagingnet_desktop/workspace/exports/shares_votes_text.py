"""The shares and votes the drafts state: the agreed scenario of the Shares & votes tab worked through.

A scenario marked as agreed is the network's position; without one the drafts show the default (activity
alone, equal votes, simple majority) for illustration only, and say the basis is still to be agreed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis, analyse
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.workspace.exports import figures
from imagingnet_desktop.workspace.shares_votes.scenarios import AGREED_DEFAULT, saved_scenarios
from imagingnet_desktop.workspace.workspace import Workspace


@dataclass(frozen=True)
class ShareLine:
    code: str
    name: str
    share: Decimal | None  # None: no basis


@dataclass(frozen=True)
class VoteLine:
    code: str
    name: str
    votes: int
    share_of_votes: str  # as the app shows it, "29.4%"


@dataclass(frozen=True)
class SharesAndVotes:
    agreed: bool  # a saved scenario is marked as the agreed position
    scenario: str
    basis: str  # "Activity (examinations) alone" / "Blend: Pay 50%, Activity (examinations) 50%"
    formula: str | None  # "share = 50.00% × Pay + 50.00% × Activity (examinations)" for a blend
    shares: tuple[ShareLine, ...]
    no_basis: str | None  # why there are no shares, in the app's words
    method: str  # how votes are held, in words
    votes: tuple[VoteLine, ...]
    total_votes: int
    rule: str  # "Simple majority: more than half of the votes"
    quota: int | None
    vetoes: tuple[str, ...]  # partner names
    problem: str | None  # why the voting could not be worked through

    @property
    def every_share(self) -> str:
        """``North (NSH) 30.12%, ...`` on one line."""
        return ", ".join(f"{s.name} ({s.code}) {figures.share(s.share)}" for s in self.shares if s.share is not None)


def shares_and_votes(workspace: Workspace) -> SharesAndVotes:
    agreed = next((s.scenario for s in saved_scenarios(workspace) if s.agreed), None)
    analysis = analyse(workspace.network.partners, agreed or AGREED_DEFAULT)
    return _worked(workspace, analysis, agreed is not None)


def _worked(workspace: Workspace, analysis: ScenarioAnalysis, agreed: bool) -> SharesAndVotes:
    partners = workspace.network.partners
    names = {p.code: p.name for p in partners}
    scenario = analysis.scenario
    table = analysis.table
    blend = table.blend if table is not None else None
    shares: tuple[ShareLine, ...] = ()
    no_basis = analysis.problem if table is None else None
    if blend is not None and blend.has_basis and table is not None:
        shares = tuple(ShareLine(table.codes[pid], names[table.codes[pid]], blend.percents[pid])
                       for pid in table.partner_ids)
    elif blend is not None:
        no_basis = blend.reason
    basis = scenario.describe_shares()
    components = blend.components if blend is not None else ()
    formula = blend.formula if blend is not None and len(components) > 1 else None
    votes: tuple[VoteLine, ...] = ()
    total = sum(analysis.votes) if analysis.votes else 0
    if analysis.votes is not None:
        fractions = analysis.vote_fractions or tuple(Fraction(0) for _ in analysis.votes)
        votes = tuple(VoteLine(code, names[code], n, figures.vote_share(f))
                      for code, n, f in zip(analysis.codes, analysis.votes, fractions, strict=True))
    game = analysis.game
    vetoes = tuple(names[analysis.codes[i]] for i in game.veto) if game is not None else ()
    return SharesAndVotes(
        agreed=agreed,
        scenario=scenario.name,
        basis=basis,
        formula=formula,
        shares=shares,
        no_basis=no_basis,
        method=_method(scenario.vote_method, scenario.vote_basis, len(partners), total),
        votes=votes,
        total_votes=total,
        rule=analysis.rule_text,
        quota=game.quota if game is not None else None,
        vetoes=vetoes,
        problem=analysis.problem,
    )


def _method(method: VoteMethod, vote_basis: str, partners: int, total: int) -> str:
    if method is VoteMethod.EQUAL:
        return f"Each Partner has one vote ({partners} votes in all)."
    if method is VoteMethod.PROPORTIONAL:
        basis = ("the blend of bases above" if vote_basis == "blend"
                 else next(b.label.lower() for b in Basis if b.value == vote_basis))
        return (f"Each Partner's votes follow its share on {basis}, one vote for each hundredth of a per cent "
                f"({figures.count(total)} votes in all).")
    return f"The Partners hold the numbers of votes set out below ({figures.count(total)} votes in all)."
