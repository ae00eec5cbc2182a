"""The report's shares and voting sections, for the network's agreed shares & votes scenario.

``workspace.report`` lists these in ``NETWORK_SECTIONS`` (JSON) and ``TEXT_SECTIONS`` (plain text).
The scenario is ``shares_votes.agreed_scenario``: the saved scenario marked as agreed, else equal
votes and a simple majority, whose blend is activity alone (``Scenario()``'s default weights).
Shape (inside ``"network"``)::

    "shares":       {"activity"|"pay"|"non_pay"|"total_cost"|"valuation"|"blend": {code: percent} | null}
    "shares_notes": {basis or "blend": why it is null, or what to be wary of}   (only those with something to say)
    "shares_blend": {"scenario": name, "weights": {basis: percent of the blend}, "formula": str}
    "voting": {"scenario", "agreed": bool (false: none is agreed, this is the default), "method", "vote_basis",
               "rule": {"kind", "percent", "fraction": "2/3" | null,
               "min_partners", "veto": [code],
               "quota", "description"}, "votes": {code: n}, "total_votes",
               "banzhaf": {code: x}, "shapley_shubik": {code: x},
               "banzhaf_exact": {code: "p/q"}, "shapley_shubik_exact": {code: "p/q"},
               "veto_players": [code], "null_players": [code],
               "minimal_winning": {"total", "listed": [[code]]}, "minimal_blocking": {...},
               "warnings": [str], "problem": str | null}

Percents are JSON numbers to 2 dp, from the largest-remainder Decimals (each basis sums to 100.00 in
decimal, unless equal shares could not all take a last hundredth: equal shares are always equal). Proportional votes are each partner's exact share in basis points, rounded on its own, so
``total_votes`` need not be 10,000 and the quota is of the votes that exist. Power indices are floats, with the exact fractions as strings beside them. Every
key is always present: where the analysis stopped (``problem``, e.g. a rule nobody can meet) the
parts not reached are null.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from imagingnet_desktop.domain.figure_text import count, power_number
from imagingnet_desktop.domain.rule_names import RULE_KIND_NAMES
from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis, analyse
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.shares.share_table import Basis, BlendShares, ShareTable, share_table
from imagingnet_desktop.domain.voting.coalitions import CoalitionList
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.domain.voting.thresholds import qualified_text
from imagingnet_desktop.workspace.shares_votes.scenarios import AGREED_DEFAULT, agreed_scenario

JsonValue = Any
BLEND = "blend"


def agreed_analysis(source: object) -> tuple[ScenarioAnalysis, str | None]:
    """The agreed scenario worked through, and why it could not be read (the default is used then).

    ``source`` is a ``Workspace``, or any report source; one without saved scenarios uses the default.
    """
    problem = None
    scenario = AGREED_DEFAULT
    if hasattr(source, "rows"):  # a Workspace: it has collections
        try:
            scenario = agreed_scenario(source)  # type: ignore[arg-type]
        except (ValueError, TypeError, AssertionError, ArithmeticError) as exc:
            problem = f"The agreed scenario could not be read ({exc}); the default is shown instead."
    network = source.network  # type: ignore[attr-defined]
    return _analysed(network.partners, scenario), problem


_LAST: list[tuple[object, Scenario, ScenarioAnalysis]] = []  # the last analysis: every section of a report uses it


def _analysed(partners: object, scenario: Scenario) -> ScenarioAnalysis:
    """``analyse``, remembered for the same partners (the same tuple) and scenario, so a report works the agreed
    scenario out once, not once per section."""
    for known, known_scenario, result in _LAST:
        if known is partners and known_scenario == scenario:
            return result
    result = analyse(partners, scenario)  # type: ignore[arg-type]
    _LAST[:] = [(partners, scenario, result)]
    return result


def _table(analysis: ScenarioAnalysis, source: object) -> ShareTable:
    return analysis.table or share_table(source.network.partners)  # type: ignore[attr-defined]


def _percents(table: ShareTable, percents: dict[int, Decimal]) -> dict[str, float]:
    return {table.codes[pid]: float(percents[pid]) for pid in table.partner_ids}


# --------------------------------------------------------------------------- shares


def shares_section(source: object) -> dict[str, JsonValue]:
    analysis, _ = agreed_analysis(source)
    return shares_json(_table(analysis, source))


def shares_json(table: ShareTable) -> dict[str, JsonValue]:
    """``"shares"``: every basis and the blend, {code: percent} or null."""
    out: dict[str, JsonValue] = {
        b.value: _percents(table, r.percents) if r.has_basis else None for b, r in table.bases.items()
    }
    blend = table.blend
    out[BLEND] = _percents(table, blend.percents) if blend is not None and blend.has_basis else None
    return out


def shares_notes_section(source: object) -> dict[str, str]:
    analysis, _ = agreed_analysis(source)
    return shares_notes_json(analysis, _table(analysis, source))


def shares_notes_json(analysis: ScenarioAnalysis, table: ShareTable) -> dict[str, str]:
    notes = {b.value: r.message for b, r in table.bases.items() if r.message}
    blend = table.blend
    if blend is None:
        notes[BLEND] = analysis.problem or "No blend is set."
    elif blend.message:
        notes[BLEND] = blend.message
    return notes


def shares_blend_section(source: object) -> dict[str, JsonValue]:
    analysis, _ = agreed_analysis(source)
    return shares_blend_json(analysis, _table(analysis, source))


def shares_blend_json(analysis: ScenarioAnalysis, table: ShareTable) -> dict[str, JsonValue]:
    blend: BlendShares | None = table.blend
    components = blend.components if blend is not None else ()
    return {
        "scenario": analysis.scenario.name,
        "weights": {c.basis.value: float(c.percent) for c in components},
        "formula": blend.formula if blend is not None else None,
    }


# --------------------------------------------------------------------------- voting


def voting_section(source: object) -> dict[str, JsonValue]:
    analysis, unreadable = agreed_analysis(source)
    return voting_json(analysis, unreadable, agreed=analysis.scenario is not AGREED_DEFAULT)


def voting_json(analysis: ScenarioAnalysis, unreadable: str | None = None, *, agreed: bool
                ) -> dict[str, JsonValue]:
    """``"voting"`` for one analysed scenario (the report's: the agreed one; ``analyse``'s: the one asked for)."""
    scenario, votes, power, found = analysis.scenario, analysis.votes, analysis.power, analysis.coalitions

    def by_code(values: Sequence[Any] | None, convert: Callable[[Any], JsonValue]) -> dict[str, JsonValue] | None:
        return None if values is None else {c: convert(v) for c, v in zip(analysis.codes, values, strict=True)}

    return {
        "scenario": scenario.name,
        "agreed": agreed,
        "method": scenario.vote_method.value,
        "vote_basis": scenario.vote_basis if scenario.vote_method is VoteMethod.PROPORTIONAL else None,
        "rule": _rule(analysis),
        "votes": by_code(votes, int),
        "total_votes": None if votes is None else sum(votes),
        "banzhaf": by_code(power.banzhaf if power else None, float),
        "shapley_shubik": by_code(power.shapley_shubik if power else None, float),
        "banzhaf_exact": by_code(power.banzhaf if power else None, exact),
        "shapley_shubik_exact": by_code(power.shapley_shubik if power else None, exact),
        "veto_players": analysis.codes_of(power.veto_players) if power else None,
        "null_players": analysis.codes_of(power.null_players) if power else None,
        "minimal_winning": _coalitions(analysis, found.winning if found else None),
        "minimal_blocking": _coalitions(analysis, found.blocking if found else None),
        "warnings": list(analysis.warnings),
        "problem": " ".join(p for p in (unreadable, analysis.problem) if p) or None,
    }


def _rule(analysis: ScenarioAnalysis) -> dict[str, JsonValue]:
    scenario, game = analysis.scenario, analysis.game
    fraction = scenario.qualified if scenario.rule_kind is RuleKind.QUALIFIED else None
    return {
        "kind": scenario.rule_kind.value,
        "percent": None if fraction is None else float(fraction * 100),
        "fraction": None if fraction is None else str(fraction),
        "min_partners": scenario.min_partners,
        "veto": analysis.codes_of(game.veto) if game is not None else analysis.veto_codes(),
        "quota": None if game is None else game.quota,
        "description": analysis.rule_text or None,
    }


def _coalitions(analysis: ScenarioAnalysis, found: CoalitionList | None) -> dict[str, JsonValue] | None:
    if found is None:
        return None
    return {"total": found.total, "listed": [analysis.codes_of(c) for c in found.coalitions]}


def exact(value: Fraction) -> str:
    """``Fraction(3, 5)`` -> ``"3/5"``; a whole number has no denominator (``"1"``, ``"0"``)."""
    return str(value)


# --------------------------------------------------------------------------- plain text

_COLUMNS = (("activity", "Activity"), ("pay", "Pay"), ("non_pay", "Non-pay"), ("total_cost", "Total cost"),
            ("valuation", "Value"), (BLEND, "Blend"))


def _which_scenario(name: object) -> str:
    """The default is shown while no saved scenario is marked as agreed: never call it the agreed one."""
    return "the default, as no scenario is agreed yet" if name == AGREED_DEFAULT.name else "the agreed scenario"


def shares_text(report: dict[str, JsonValue]) -> list[str]:
    blend = report.get("shares_blend") or {}
    weights = ", ".join(f"{Basis.of(b).label} {w:g}%" for b, w in (blend.get("weights") or {}).items())
    return shares_lines(report["shares"], report.get("shares_notes") or {}, [p["code"] for p in report["partners"]],
                        f"Shares (% to 2 dp; blend from {_which_scenario(blend.get('scenario'))}: {weights or 'none'})")


def shares_lines(shares: dict[str, JsonValue], notes: dict[str, str], codes: list[str], heading: str) -> list[str]:
    """The shares on every basis and the blend as a text table under ``heading``, then the notes."""
    lines = [heading]
    if not codes:
        return [*lines, "  (no partners yet)"]
    cells = [["Code", *(title for _, title in _COLUMNS)]]
    for code in codes:
        cells.append([code, *("-" if shares[key] is None else f"{shares[key][code]:.2f}" for key, _ in _COLUMNS)])
    lines += _table_lines(cells)
    for key, note in notes.items():
        lines.append(f"  {'Blend' if key == BLEND else Basis.of(key).label}: {note}")
    return lines


def voting_text(report: dict[str, JsonValue]) -> list[str]:
    voting = report["voting"]
    if voting.get("agreed", True):
        heading = f"Voting (agreed scenario: {voting['scenario']})"
    else:
        heading = "Voting (no scenario is agreed yet, so this is the default: equal votes and a simple majority)"
    return voting_lines(voting, heading, (report.get("shares_blend") or {}).get("weights"))


def voting_lines(voting: dict[str, JsonValue], heading: str, blend_weights: dict[str, float] | None = None
                 ) -> list[str]:
    """The voting figures as text under ``heading``: votes, both indices, veto and null players, warnings.

    ``blend_weights`` (``"shares_blend"``'s ``"weights"``) name what votes in proportion to the blend follow."""
    rule = voting["rule"]
    method = voting["method"]
    if voting["vote_basis"]:
        method += f", in proportion to {votes_follow(voting['vote_basis'], blend_weights)}"
    quota = f" (quota {rule['quota']:,} of {voting['total_votes']:,} votes)" if rule["quota"] is not None else ""
    lines = [heading,
             f"  Votes: {method}",
             f"  Rule: {rule['description'] or rule_name(rule)}{quota}"]
    if voting["problem"]:
        lines.append(f"  Not analysed: {voting['problem']}")
    if voting["votes"] is None or voting["banzhaf"] is None:
        return lines
    total = voting["total_votes"] or 1
    cells = [["Code", "Votes", "Vote %", "Banzhaf %", "Shapley-Shubik %"]]
    for code, n in voting["votes"].items():
        cells.append([code, count(n), f"{100 * n / total:.2f}", power_number(voting["banzhaf"][code]),
                      power_number(voting["shapley_shubik"][code])])
    lines += _table_lines(cells)
    lines.append(f"  Veto players: {', '.join(voting['veto_players']) or 'none'}; "
                 f"partners with no power: {', '.join(voting['null_players']) or 'none'}")
    lines += [f"  ! {warning}" for warning in voting["warnings"]]
    return lines


def votes_follow(vote_basis: str, blend_weights: dict[str, float] | None) -> str:
    """The shares proportional votes follow, in words: "the activity shares", or "the blend (75% activity, 25%
    pay)"; a blend of one basis is that basis's shares (never "blend" when the shares are activity alone)."""
    if vote_basis != BLEND:
        return f"the {Basis.of(vote_basis).noun} shares"
    weights = {b: w for b, w in (blend_weights or {}).items() if w}
    if len(weights) == 1:
        return f"the {Basis.of(next(iter(weights))).noun} shares"
    if not weights:
        return "the blend"
    return "the blend (" + ", ".join(f"{w:g}% {Basis.of(b).noun}" for b, w in weights.items()) + ")"


def rule_name(rule: dict[str, JsonValue]) -> str:
    """``"rule"`` by its name on the screens ("Simple majority", "Qualified majority: at least 2/3 of votes"),
    never the stored ``simple_majority``: what the text shows where the analysis stopped before describing it."""
    try:
        kind = RuleKind(rule["kind"])
    except ValueError:
        return "not readable"
    name = RULE_KIND_NAMES[kind]
    if kind is RuleKind.QUALIFIED and rule.get("fraction"):
        name += f": at least {qualified_text(Fraction(rule['fraction']))} of votes"
    return name


def _table_lines(cells: list[list[str]]) -> list[str]:
    """Columns padded to line up: the first (codes) to the left, the figures to the right."""
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    lines = []
    for row in cells:
        padded = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:],
                                                                                        strict=True)]
        lines.append(("  " + "  ".join(padded)).rstrip())
    return lines


# What ``workspace.report`` appends to its section lists, in this order.
SECTIONS: list[tuple[str, Callable[[Any], JsonValue]]] = [
    ("shares", shares_section),
    ("shares_notes", shares_notes_section),
    ("shares_blend", shares_blend_section),
    ("voting", voting_section),
]
TEXT_SECTIONS: list[tuple[str, Callable[[dict[str, JsonValue]], list[str]]]] = [
    ("shares", shares_text),
    ("voting", voting_text),
]
