"""A scenario from the words of the command line (``imagingnet analyse``), and what the tab shows for it.

``scenario_from_options`` turns ``--basis pay``, ``--blend activity=50,pay=50``, ``--votes custom:NSH=3,...``,
``--rule qualified:2/3``, ``--min-partners 3`` and ``--veto NSH`` into a ``Scenario`` for the workspace's
partners, raising ``OptionError`` naming the argument when one cannot be read. What is not given is the
default scenario's: activity alone, equal votes, a simple majority, no minimum and no veto.
``analysis_json`` is the ``--json`` form: the same ``"shares"`` and ``"voting"`` as ``report --json``, with
``"warnings"`` and ``"coalitions"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis
from imagingnet_desktop.domain.scenarios.scenario import SLIDER_MAX, Scenario
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.coalitions import CoalitionList
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.domain.voting.thresholds import ThresholdError, parse_qualified
from imagingnet_desktop.domain.wording import join_words
from imagingnet_desktop.workspace.reports.shares_section import (
    shares_blend_json,
    shares_json,
    shares_notes_json,
    voting_json,
)

BASES = tuple(b.value for b in Basis)
RULE_WORDS = ("majority", "unanimity", "qualified:75%", "qualified:2/3")
MAX_CUSTOM_VOTES = 10**9


@dataclass(frozen=True)
class Options:
    """The scenario options as typed; ``None`` is "not given"."""

    basis: str | None = None
    blend: str | None = None
    votes: str | None = None
    rule: str | None = None
    min_partners: int | None = None
    veto: str | None = None


class OptionError(ValueError):
    """An option that cannot be read; ``str()`` names the argument and says why."""

    def __init__(self, argument: str, message: str) -> None:
        self.argument = argument
        super().__init__(f"{argument}: {message}")


def scenario_from_options(options: Options, partners: Sequence[Partner], name: str = "Command-line scenario"
                          ) -> Scenario:
    by_code = {p.code.casefold(): p for p in partners}
    scenario = Scenario(name=name)
    if options.basis is not None and options.blend is not None:
        raise OptionError("--blend", "give either --basis or --blend, not both.")
    if options.basis is not None:
        basis = _basis(options.basis, "--basis")
        scenario = replace(scenario, weights=tuple((b, SLIDER_MAX if b is basis else 0) for b in Basis),
                           vote_basis=basis.value)
    if options.blend is not None:
        scenario = replace(scenario, weights=_blend(options.blend), vote_basis="blend")
    if options.votes is not None:
        scenario = _votes(scenario, options.votes, partners, by_code)
    if options.rule is not None:
        scenario = _rule(scenario, options.rule)
    if options.min_partners is not None:
        if options.min_partners < 0:
            raise OptionError("--min-partners", f"the minimum cannot be negative ({options.min_partners}).")
        if options.min_partners > len(partners):
            raise OptionError("--min-partners", f"at least {options.min_partners} partners are asked for but the "
                                                f"network has {len(partners)}, so nothing could pass.")
        if scenario.rule_kind is RuleKind.UNANIMITY and options.min_partners:
            raise OptionError("--min-partners", "under unanimity every partner must agree already.")
        scenario = replace(scenario, min_partners=options.min_partners)
    if options.veto is not None:
        codes = _codes(options.veto, "--veto", by_code)
        if scenario.rule_kind is RuleKind.UNANIMITY and codes:
            raise OptionError("--veto", "under unanimity every partner must agree already.")
        scenario = replace(scenario, veto_partner_ids=tuple(by_code[c.casefold()].id for c in codes))
    return scenario


def _basis(text: str, argument: str) -> Basis:
    try:
        return Basis.of(text.strip().lower())
    except ValueError:
        raise OptionError(argument, f"'{text}' is not a basis; choose one of {', '.join(BASES)}.") from None


def _blend(text: str) -> tuple[tuple[Basis, int], ...]:
    weights: dict[Basis, int] = {}
    for part in _parts(text, "--blend", "activity=50,pay=50"):
        key, _, value = part.partition("=")
        basis = _basis(key, "--blend")
        if basis in weights:
            raise OptionError("--blend", f"{basis.value} is given twice.")
        try:
            weight = int(value.strip().removesuffix("%"))
        except ValueError:
            raise OptionError("--blend", f"the weight of {basis.value} must be a whole number from 0 to "
                                         f"{SLIDER_MAX}, not '{value.strip()}'.") from None
        if not 0 <= weight <= SLIDER_MAX:
            raise OptionError("--blend", f"the weight of {basis.value} must be from 0 to {SLIDER_MAX}, not {weight}.")
        weights[basis] = weight
    if not any(weights.values()):
        raise OptionError("--blend", "every weight is 0, so the blend has no basis.")
    return tuple((b, weights.get(b, 0)) for b in Basis)


def _votes(scenario: Scenario, text: str, partners: Sequence[Partner], by_code: dict[str, Partner]) -> Scenario:
    word, _, given = text.strip().partition(":")
    word = word.lower()
    if word == "equal" and not given:
        return replace(scenario, vote_method=VoteMethod.EQUAL)
    if word == "proportional" and not given:
        return replace(scenario, vote_method=VoteMethod.PROPORTIONAL)
    if word != "custom":
        raise OptionError("--votes", f"'{text}' is not a way of giving votes; use equal, proportional or "
                                     "custom:NSH=3,EMV=2,… (a number for every partner).")
    votes: dict[int, int] = {}
    for part in _parts(given, "--votes", "custom:NSH=3,EMV=2"):
        code, _, value = part.partition("=")
        partner = _partner(code, "--votes", by_code)
        if partner.id in votes:
            raise OptionError("--votes", f"{partner.code} is given votes twice.")
        try:
            number = int(value.strip().replace(",", ""))
        except ValueError:
            raise OptionError("--votes", f"{partner.code}'s votes must be a whole number of 0 or more, not "
                                         f"'{value.strip()}'.") from None
        if not 0 <= number <= MAX_CUSTOM_VOTES:
            raise OptionError("--votes", f"{partner.code}'s votes must be from 0 to {MAX_CUSTOM_VOTES:,}, "
                                         f"not {number:,}.")
        votes[partner.id] = number
    missing = [p.code for p in partners if p.id not in votes]
    if missing:
        raise OptionError("--votes", f"custom votes need a number for every partner: {join_words(missing)} "
                                     f"{'has' if len(missing) == 1 else 'have'} none.")
    return replace(scenario, vote_method=VoteMethod.CUSTOM, custom_votes=tuple(votes.items()))


def _rule(scenario: Scenario, text: str) -> Scenario:
    word, _, share = text.strip().partition(":")
    word = word.lower()
    if word in ("majority", "simple", "simple_majority") and not share:
        return replace(scenario, rule_kind=RuleKind.SIMPLE_MAJORITY)
    if word == "unanimity" and not share:
        return replace(scenario, rule_kind=RuleKind.UNANIMITY)
    if word == "qualified" and share:
        try:
            fraction: Fraction = parse_qualified(share)
        except ThresholdError as exc:
            raise OptionError("--rule", str(exc)) from None
        return replace(scenario, rule_kind=RuleKind.QUALIFIED, qualified=fraction)
    raise OptionError("--rule", f"'{text}' is not a rule; use {', '.join(RULE_WORDS)} (or qualified:two-thirds).")


def _codes(text: str, argument: str, by_code: dict[str, Partner]) -> list[str]:
    codes = [_partner(c, argument, by_code).code for c in _parts(text, argument, "NSH,EMV")]
    return list(dict.fromkeys(codes))


def _partner(code: str, argument: str, by_code: dict[str, Partner]) -> Partner:
    found = by_code.get(code.strip().casefold())
    if found is None:
        known = ", ".join(p.code for p in by_code.values()) or "none yet"
        raise OptionError(argument, f"'{code.strip()}' is not a partner's code (the partners are {known}).")
    return found


def _parts(text: str, argument: str, example: str) -> list[str]:
    parts = [p.strip() for p in text.split(",")]
    if not text.strip() or any(not p for p in parts):
        raise OptionError(argument, f"give a list such as {example}, not '{text}'.")
    return parts


# ---------------------------------------------------------------------------- what it prints


def coalitions_json(analysis: ScenarioAnalysis) -> dict[str, Any] | None:
    found = analysis.coalitions
    if found is None:
        return None

    def listed(group: CoalitionList) -> dict[str, Any]:
        return {"count": group.total, "listed": [analysis.codes_of(c) for c in group.coalitions]}

    return {"winning": listed(found.winning), "blocking": listed(found.blocking)}


def analysis_json(analysis: ScenarioAnalysis, *, agreed: bool = False) -> dict[str, Any]:
    """What ``analyse --json`` prints: the report's ``"shares"`` and ``"voting"`` keys for this scenario.

    ``agreed`` is true only for a scenario just saved and marked as agreed (``--save-as NAME --agree``): a
    scenario worked out on the command line, or saved without ``--agree``, is not the network's agreed one."""
    table = analysis.table
    return {
        "shares": shares_json(table) if table is not None else None,
        "shares_notes": shares_notes_json(analysis, table) if table is not None else {},
        "shares_blend": shares_blend_json(analysis, table) if table is not None else None,
        "voting": voting_json(analysis, agreed=agreed),
        "warnings": list(analysis.warnings),
        "coalitions": coalitions_json(analysis),
    }
