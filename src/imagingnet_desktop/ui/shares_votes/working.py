"""The working behind every figure on the Shares & votes tab: inputs, method and counts, in plain words.

No Qt here: each function returns a ``Working`` (a title and the text) that the working dialog shows, so the
wording can be tested on its own. Column keys are the ones the table models use.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis
from imagingnet_desktop.domain.shares.rounding import SHARES_ROUNDING_TEXT
from imagingnet_desktop.domain.shares.share_table import Basis, BasisShares, ShareTable
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.ui.common.working_dialog import Working
from imagingnet_desktop.ui.shares_votes.display_text import (
    count,
    exact_percent,
    figure,
    points,
    power_percent,
    share_percent,
    vote_share_percent,
)

ROUNDING = SHARES_ROUNDING_TEXT


# ---------------------------------------------------------------------------- shares


def share_working(table: ShareTable, key: Basis | str, partner_id: int) -> Working:
    """``key``: a ``Basis``, or "blend", "spread", "range" or "gain"."""
    code = table.codes[partner_id]
    if isinstance(key, Basis):
        return _basis_working(table.bases[key], table.codes, partner_id)
    if key == "blend":
        return _blend_working(table, code, partner_id)
    if key in ("spread", "range"):
        return _spread_working(table, code, partner_id)
    if key == "gain":
        return _gain_working(table, code, partner_id)
    raise ValueError(f"no working for column {key!r}")


def _basis_working(result: BasisShares, codes: dict[int, str], partner_id: int) -> Working:
    basis, code = result.basis, codes[partner_id]
    title = f"{code} — share on {basis.label}"
    lines = [f"Figures used: each partner's {basis.noun} ({basis.field}).", ""]
    for pid in result.partner_ids:
        value = result.figures[pid]
        extra = " (counted as 0)" if value is None else ""
        lines.append(f"  {codes[pid]:<10} {figure(basis, value)}{extra}")
    lines.append(f"  {'Total':<10} {figure(basis, result.total)}")
    lines.append("")
    if not result.has_basis:
        lines.append(f"No share on this basis: {result.reason}")
    else:
        share = result.proportions[partner_id]
        lines += [
            "Method: a partner's figure divided by the total of all partners' figures.",
            f"{code}: {figure(basis, result.figures[partner_id])} ÷ {figure(basis, result.total)} "
            f"= {exact_percent(share)} → shown as {share_percent(result.percents[partner_id])}",
            "",
            ROUNDING,
        ]
    if result.notes:
        lines += ["", *result.notes]
    return Working(title, "\n".join(lines))


def _blend_working(table: ShareTable, code: str, partner_id: int) -> Working:
    blend = table.blend
    title = f"{code} — share on the blend"
    if blend is None:
        return Working(title, "No blend is set.")
    lines = ["Weights on the sliders, made to add up to 100%:"]
    total = sum((c.weight for c in blend.components), Fraction(0))
    for c in blend.components:
        lines.append(f"  {c.basis.label}: {_plain(c.weight)} of {_plain(total)} → {c.percent}%")
    if not blend.components:
        lines.append("  (every weight is zero)")
    lines += ["", f"Method: {blend.formula}", ""]
    if blend.has_basis:
        lines += [
            f"{code}: {blend.working(partner_id)}",
            "",
            "The blend is worked out on the exact shares and rounded once at the end, so the rounded "
            "terms above can differ from the result by a hundredth.",
            ROUNDING,
        ]
    else:
        lines.append(f"No share on the blend: {blend.reason}")
    if blend.notes:
        lines += ["", *blend.notes]
    return Working(title, "\n".join(lines))


def _spread_working(table: ShareTable, code: str, partner_id: int) -> Working:
    spread = table.spreads[partner_id]
    title = f"{code} — spread across the bases"
    lines = [f"{code}'s share on each basis that has one and a figure for {code}:"]
    for basis in spread.bases:
        lines.append(f"  {basis.label}: {share_percent(table.bases[basis].percents[partner_id])}")
    left_out = [b for b in Basis if b not in spread.bases]
    if left_out:
        lines.append("Left out (no basis, or no figure for this partner): " + ", ".join(b.label for b in left_out))
    lines.append("")
    if spread.range_points is None or spread.min_basis is None or spread.max_basis is None:
        lines.append("No basis counts for this partner, so there is no spread.")
    else:
        lines += [
            f"Lowest: {share_percent(spread.min_percent)} ({spread.min_basis.label})",
            f"Highest: {share_percent(spread.max_percent)} ({spread.max_basis.label})",
            f"Range: {share_percent(spread.max_percent)} − {share_percent(spread.min_percent)} "
            f"= {spread.range_points:.2f} percentage points",
        ]
    return Working(title, "\n".join(lines))


def _gain_working(table: ShareTable, code: str, partner_id: int) -> Working:
    n = len(table.partner_ids)
    title = f"{code} — blend against equal shares"
    equal = table.equal[partner_id]
    lines = [f"An equal share among {n} partners is 1/{n} = {exact_percent(Fraction(1, n))} (shown as {equal}%)."]
    blend = table.blend
    if blend is not None and blend.has_basis:
        share = blend.proportions[partner_id]
        lines += [
            f"{code}'s blend share is {exact_percent(share)}.",
            f"Gain (+) or loss (−) = (blend share − equal share) × 100 = {points(table.blend_gains[partner_id])} "
            "percentage points (rounded half away from zero).",
        ]
    else:
        lines.append("The blend has no basis, so there is no gain or loss to show.")
    if table.gains:
        lines += ["", "On each basis:"]
        lines += [f"  {b.label}: {points(g[partner_id])} pts" for b, g in table.gains.items()]
    return Working(title, "\n".join(lines))


def _plain(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"


# ---------------------------------------------------------------------------- votes and power


def power_working(analysis: ScenarioAnalysis, key: str, index: int) -> Working:
    """``key``: "votes", "vote_share", "banzhaf", "shapley" or "note"; ``index``: the partner's position."""
    code = analysis.codes[index]
    titles = {"votes": "votes", "vote_share": "share of the votes", "banzhaf": "Banzhaf power",
              "shapley": "Shapley–Shubik power", "note": "what the rule gives it"}
    title = f"{code} — {titles[key]}"
    if analysis.votes is None:
        return Working(title, f"Nothing to show: {analysis.problem or 'the votes are not set.'}")
    votes, total = analysis.votes[index], sum(analysis.votes)
    if key == "votes":
        return Working(title, _votes_text(analysis, index))
    if key == "vote_share":
        share = Fraction(votes, total) if total else Fraction(0)
        return Working(title, f"{code} holds {count(votes)} of the {count(total)} votes: "
                              f"{count(votes)} ÷ {count(total)} = {exact_percent(share)} → {vote_share_percent(share)}.")
    power, game = analysis.power, analysis.game
    if power is None or game is None:
        return Working(title, f"No voting power can be worked out: {analysis.problem}")
    lines = [f"Rule: {analysis.rule_text}.", _game_text(analysis), ""]
    if key == "banzhaf":
        swings = power.swings[index]
        lines += [
            "Banzhaf: a partner is a swing in a winning group of partners if the group would lose without it. "
            "A partner's power is its share of all the swings.",
            f"There are {count(power.winning_coalitions)} winning groups in all.",
            f"Banzhaf: {code} is a swing in {count(swings)} of the {count(power.total_swings)} swings in all "
            f"→ {power_percent(power.banzhaf[index])}.",
            "",
            "Swings of each partner: " + ", ".join(f"{c} {count(s)}" for c, s in zip(analysis.codes, power.swings,
                                                                                     strict=True)),
        ]
    elif key == "shapley":
        n = len(analysis.codes)
        lines += [
            f"Shapley–Shubik: line the {n} partners up in every possible order ({n}! = {count(power.orderings)} "
            "orderings). In each, the pivot is the partner whose vote first makes the decision pass. "
            "A partner's power is its share of the orderings in which it is the pivot.",
            f"Shapley–Shubik: {code} is pivotal in {count(power.pivots[index])} of {count(power.orderings)} "
            f"orderings → {power_percent(power.shapley_shubik[index])}.",
        ]
    else:
        lines += _note_lines(analysis, index)
    return Working(title, "\n".join(lines))


def _votes_text(analysis: ScenarioAnalysis, index: int) -> str:
    assert analysis.votes is not None
    scenario, code = analysis.scenario, analysis.codes[index]
    votes, total = analysis.votes[index], sum(analysis.votes)
    if scenario.vote_method is VoteMethod.EQUAL:
        return f"Equal votes: one vote for each partner, so {code} has 1 of {count(total)}."
    if scenario.vote_method is VoteMethod.CUSTOM:
        return f"Custom votes, as typed in the Votes column: {code} has {count(votes)} of {count(total)}."
    basis = "the blend" if scenario.vote_basis == "blend" else Basis.of(scenario.vote_basis).label
    exact = analysis.vote_shares_exact[index] if analysis.vote_shares_exact else None
    share = exact_percent(exact) if exact is not None else share_percent(Decimal(0))
    text = (f"Votes in proportion to {basis}: each partner's exact share in hundredths of a percent, rounded to "
            f"the nearest, so equal shares always get equal votes (the votes need not add up to 10,000).\n"
            f"{code}'s exact share is {share} → {count(votes)} votes of {count(total)}.")
    if analysis.rounding is not None and analysis.rounding.changed:
        text += "\n" + analysis.rounding.working(analysis.codes)
    return text


def _game_text(analysis: ScenarioAnalysis) -> str:
    game = analysis.game
    assert game is not None and analysis.votes is not None
    text = f"A decision passes with at least {count(game.quota)} of the {count(sum(analysis.votes))} votes"
    if game.min_members:
        text += f", from at least {game.min_members} partners"
    if game.veto:
        text += ", with " + " and ".join(analysis.codes[v] for v in game.veto) + " in favour"
    return text + "."


def _note_lines(analysis: ScenarioAnalysis, index: int) -> list[str]:
    power, coalitions = analysis.power, analysis.coalitions
    assert power is not None and analysis.votes is not None
    code = analysis.codes[index]
    lines = []
    if index in power.veto_players:
        lines.append(f"{code} is a swing in all {count(power.winning_coalitions)} winning groups: nothing passes "
                     f"without {code}, so it can block any decision on its own.")
    if index in power.null_players:
        lines.append(f"{code} is a swing in none of the {count(power.winning_coalitions)} winning groups: its votes "
                     "never change an outcome, so it has no voting power.")
    if coalitions is not None and any(c == (index,) for c in coalitions.winning.coalitions):
        lines.append(f"{code}'s {count(analysis.votes[index])} votes alone reach the quota: it can pass a decision "
                     "on its own.")
    if not lines:
        lines.append(f"{code} can neither pass nor block a decision alone, and its vote can change an outcome.")
    return lines
