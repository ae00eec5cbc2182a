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
from imagingnet_desktop.domain.wording import join_words
from imagingnet_desktop.workspace.exports import figures
from imagingnet_desktop.workspace.exports.rule_text import decision_rule
from imagingnet_desktop.workspace.shares_votes.scenarios import AGREED_DEFAULT, saved_scenarios
from imagingnet_desktop.workspace.workspace import Workspace

_BLEND_REF = "\x00blend"  # stands for "the blend of bases in clause N" until the clause number is known


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
    share_of_votes: str  # as the app shows it, "29.41%"


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
    rule: str  # "Simple majority: more than half of the votes" (vetoes are not in it: see ``vetoes``)
    quota: int | None
    vetoes: tuple[str, ...]  # the voting engine's veto players (short names): each can block any decision alone
    problem: str | None  # why the voting could not be worked through
    given_vetoes: tuple[str, ...] = ()  # the short names the rule gives a veto (the others block by their votes)

    def method_text(self, shares_clause: str) -> str:
        """How votes are held, naming the clause (or term) where the blend of bases the votes follow is set."""
        return self.method.replace(_BLEND_REF, f"the blend of bases in {shares_clause}")

    def vetoes_text(self) -> str:
        """The veto players once: ``NSH and WBK can each block any decision alone (WBK by the veto ...)``."""
        if not self.vetoes:
            return ""
        many = len(self.vetoes) != 1
        text = f"{join_words(list(self.vetoes))} {'can each' if many else 'can'} block any decision alone"
        given = [n for n in self.vetoes if n in self.given_vetoes]
        by_votes = [n for n in self.vetoes if n not in self.given_vetoes]
        if given and by_votes:
            text += (f" ({join_words(given)} by the veto the rule gives {'them' if len(given) > 1 else 'it'}, "
                     f"{join_words(by_votes)} because the rest cannot reach the threshold without "
                     f"{'them' if len(by_votes) > 1 else 'it'})")
        elif by_votes:
            text += (f", because the others cannot reach the threshold without "
                     f"{'any one of them' if many else 'it'}")
        else:
            text += f", by the veto the rule gives {'each' if many else 'it'}"
        return text + "."

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
    given = tuple(analysis.codes[i] for i in game.veto) if game is not None else ()
    power = analysis.power
    vetoes = tuple(analysis.codes_of(power.veto_players)) if power is not None else given
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
        rule=decision_rule(scenario.rule_kind, scenario.qualified, scenario.min_partners),
        quota=game.quota if game is not None else None,
        vetoes=vetoes,
        problem=analysis.problem,
        given_vetoes=given,
    )


def _method(method: VoteMethod, vote_basis: str, partners: int, total: int) -> str:
    if method is VoteMethod.EQUAL:
        return f"Each Partner has one vote ({partners} votes in all)."
    if method is VoteMethod.PROPORTIONAL:
        basis = (_BLEND_REF if vote_basis == "blend"
                 else next(b.label.lower() for b in Basis if b.value == vote_basis))
        return (f"Each Partner’s votes follow its share on {basis}, one vote for each hundredth of a per cent "
                f"({figures.count(total)} votes in all).")
    return f"The Partners hold the numbers of votes set out below ({figures.count(total)} votes in all)."
