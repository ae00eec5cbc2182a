"""The MOU's governance clauses: the Partnership Board and its voting, the reserved matters, and control and
assurance (board positions, the annual business plan, the monitoring groups)."""

from __future__ import annotations

from collections.abc import Sequence

from imagingnet_desktop.documents.model import Column, Table
from imagingnet_desktop.workspace.exports import common_clauses, figures
from imagingnet_desktop.workspace.exports.area_content import (
    BoardPositionText,
    MonitoringGroupText,
    ReservedMatterText,
)
from imagingnet_desktop.workspace.exports.drafting import ClauseDraft, Drafter
from imagingnet_desktop.workspace.exports.shares_votes_text import SharesAndVotes

CONTROL = "Control"
SHARES_VOTES = "Shares & votes"
# The reserved matters joint ventures usually keep for their members (HM Treasury's joint-venture guidance),
# offered while the Control area holds none.
USUAL_RESERVED_MATTERS = (
    "the annual business plan and budget, and material departures from them",
    "material contracts",
    "new funding, and how any surplus is distributed",
    "admitting a new partner",
    "key appointments",
    "changes to the network’s governing documents",
    "selling or closing a material part of the service",
)


def governance(d: Drafter, position: SharesAndVotes) -> None:
    with d.clause("governance", "Governance and decisions") as c:
        c.item("board", (
            "The Partners will set up a Partnership Board to lead the network. Each Partner appoints one "
            "executive director as its member, with a named deputy, and gives that member the authority to "
            "take the decisions this memorandum gives the Board."))
        voting(c, position)
        c.item("votes_and_shares", (
            "Votes decide the network’s direction and operations; shares (clause "
            f"{d.number('shareholding')}) decide how its benefits and liabilities fall. The two need not match, "
            f"and the reserved matters in clause {d.number('reserved_matters')} protect each Partner where "
            "they do not."))
        c.item("escalation", (
            "A matter the Board cannot resolve goes to the Partners’ chief executives. If they cannot agree "
            "within 30 days, the Partners will ask an independent expert or mediator they choose together to "
            "help them reach agreement, before any Partner considers leaving under clause "
            f"{d.number('term')}."))


def voting(c: ClauseDraft, position: SharesAndVotes) -> None:
    """The votes each Partner holds and the decision rule, or why they are still open."""
    if position.agreed:
        c.item("votes", f"{_method(c, position)} The votes are:")
    else:
        open_ = c.open(SHARES_VOTES, "How votes are held and the decision rule: no scenario is marked as agreed.")
        c.item("votes", (
            f"How votes are held and the rule for decisions are {open_}. Until they are agreed, this draft "
            f"shows the starting position: {_lower(_method(c, position))}"))
    if position.votes:
        c.table("votes_table", common_clauses.votes_table(position))
    if position.problem:
        c.item("rule", f"The decision rule cannot yet be applied: {position.problem}")
        return
    quota = ""
    if position.quota is not None:
        quota = (f"; with the votes above, a decision needs {figures.count(position.quota)} of the "
                 f"{figures.count(position.total_votes)} votes")
    vetoes = f" {position.vetoes_text()}" if position.vetoes else ""
    c.item("rule", f"A decision of the Partnership Board passes by {rule_words(position.rule)}{quota}.{vetoes}")


def _method(c: ClauseDraft, position: SharesAndVotes) -> str:
    return position.method_text(f"clause {c.drafter.number('shareholding')}")


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def rule_words(rule: str) -> str:
    """``Simple majority: more than half of the votes`` -> ``simple majority (more than half of the votes)``."""
    head, _, rest = rule.partition(": ")
    head = head[:1].lower() + head[1:]
    return f"{head} ({rest})" if rest else head


def reserved_matters(d: Drafter, matters: Sequence[ReservedMatterText]) -> None:
    with d.clause("reserved_matters", "Reserved matters") as c:
        c.item("meaning", (
            "Some decisions are reserved: the Partnership Board takes them only under the rule set out for "
            "each, and refers them to the Partners’ own boards where shown."))
        if matters:
            c.table("table", reserved_matters_table(c, matters))
        else:
            open_ = c.open(CONTROL, "The list of reserved matters, with the decision rule for each.")
            c.item("list", (
                f"The reserved matters and the rule for each are {open_}. The Partners expect them to include: "
                + "; ".join(USUAL_RESERVED_MATTERS[:-1]) + "; and " + USUAL_RESERVED_MATTERS[-1] + "."))
        if matters:
            c.item("deadlock", (
                "A reserved matter on which the Partners cannot agree is resolved as clause "
                f"{d.label('governance.escalation')} provides (first their chief executives, then an independent "
                "expert or mediator), unless the table shows another route."))
        if any(m.has_amount for m in matters):
            c.item("tolerances", (
                "The tolerances in the table (a sum of money or a percentage) apply until the annual business "
                "plan, approved as the table requires, sets others; within them the network may act without the "
                "matter going back to the Partnership Board or to the Partners’ boards."))
        else:
            c.item("tolerances", (
                "The annual business plan will set the tolerances (a sum of money or a percentage) within which "
                "the network may depart from it before a matter goes back to the Partnership Board or to the "
                "Partners’ boards."))


def reserved_matters_table(c: ClauseDraft, matters: Sequence[ReservedMatterText]) -> Table:
    rows = []
    for m in matters:
        rule = m.rule or c.open(CONTROL, f"The decision rule for the reserved matter “{m.matter}”.")
        if m.problem:
            rule += (" — cannot be applied under the agreed votes, so "
                     + c.open(CONTROL, f"A workable decision rule for “{m.matter}”: {m.problem}"))
        rows.append((m.matter, rule, m.escalation or "Partnership Board", m.tolerance or "—"))
    columns = (Column("Reserved matter", 55), Column("Decision rule", 45), Column("Escalation", 30),
               Column("Tolerance", 30))
    return Table(columns, tuple(rows))


def control(d: Drafter, positions: Sequence[BoardPositionText], groups: Sequence[MonitoringGroupText]) -> None:
    with d.clause("control", "Control and assurance") as c:
        if positions:
            c.item("positions", "The key positions on the Partnership Board and the network’s management team "
                                "are shared among the Partners as follows:")
            rows = tuple((p.position, p.partner or c.open(CONTROL, f"Who holds the position of {p.position}."),
                          p.rotation or "—") for p in positions)
            c.table("positions_table", Table((Column("Position", 45), Column("Held by", 62),
                                              Column("Term and rotation", 53)), rows))
        else:
            open_ = c.open(CONTROL, "Board positions: who holds the chair, vice-chair and management roles.")
            c.item("positions", (
                "The key positions (the chair and vice-chair of the Partnership Board, and the clinical, finance "
                f"and operations directors of the network) will be shared among the Partners: {open_}."))
        c.item("business_plan", (
            "The network will prepare an annual business plan (its investments, quality improvements and the "
            "KPIs it will be held to), which the Partnership Board proposes and which is approved as clause "
            f"{d.number('reserved_matters')} provides for approving the business plan."))
        if groups:
            c.item("groups", "The following groups will give the Partnership Board and the Partners’ boards "
                             "independent assurance, monitoring the network’s operational and clinical KPIs:")
            c.table("groups_table", Table((Column("Group", 40), Column("Members", 60), Column("Remit", 60)),
                                          tuple(group_row(c, g) for g in groups)))
        else:
            open_ = c.open(CONTROL, "The operations and clinical monitoring groups: membership and terms of "
                                    "reference.")
            c.item("groups", (
                "An operations monitoring group and a clinical monitoring group will monitor the network’s "
                "operational and clinical KPIs, as independent assurance to the Partnership Board and the "
                f"Partners’ boards. Their membership and terms of reference are {open_}."))



def group_row(c: ClauseDraft, group: MonitoringGroupText) -> tuple[str, str, str]:
    members = ("; ".join(group.members) if group.members
               else c.open(CONTROL, f"The members of the {group.name[:1].lower()}{group.name[1:]}."))
    reports = f" Reports to {group.reports_to}." if group.reports_to else ""
    return group.name, members, group.remit + reports
