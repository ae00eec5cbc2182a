"""``imagingnet analyse`` as text: what the Shares & votes tab shows for one scenario, for a terminal."""

from __future__ import annotations

from imagingnet_desktop.domain.figure_text import plural
from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis
from imagingnet_desktop.workspace.reports.shares_section import shares_lines, voting_lines
from imagingnet_desktop.workspace.shares_votes.scenario_options import analysis_json

COALITIONS_SHOWN = 8


def analysis_text(analysis: ScenarioAnalysis) -> str:
    data = analysis_json(analysis)
    scenario = analysis.scenario
    title = f"Scenario: {scenario.name}"
    blocks = [[title, "=" * len(title), f"  Shares: {scenario.describe_shares()}"]]
    if data["shares"] is not None:
        blocks.append(shares_lines(data["shares"], data["shares_notes"], list(analysis.codes), "Shares (% to 2 dp)"))
    voting = dict(data["voting"])
    voting["warnings"] = []  # listed below, after the coalitions, as the tab shows them
    weights = (data["shares_blend"] or {}).get("weights")
    blocks.append(voting_lines(voting, "Votes and power (% to 1 dp; vote shares to 2 dp)", weights))
    coalitions = data["coalitions"]
    if coalitions is not None:
        lines = ["Smallest coalitions"]
        for key, verb, what in (("winning", "pass", "a decision"), ("blocking", "block", "one")):
            group = coalitions[key]
            shown = [" + ".join(c) for c in group["listed"][:COALITIONS_SHOWN]]
            more = group["count"] - len(shown)
            listed = "; ".join(shown) + (f"; and {more:,} more" if more > 0 else "")
            agrees = verb + ("es" if verb.endswith("s") else "s") if group["count"] == 1 else verb
            lines.append(f"  {plural(group['count'], 'coalition')} that {agrees} {what}: {listed or 'none'}")
        blocks.append(lines)
    warnings = data["warnings"]
    blocks.append(["Warnings", *(f"  ! {w}" for w in warnings)] if warnings else ["Warnings: none"])
    if analysis.rounding is not None and analysis.rounding.changed:
        blocks.append(["Working (rounding against the exact shares)",
                       *(f"  {line}" for line in analysis.rounding.working(analysis.codes).splitlines())])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
