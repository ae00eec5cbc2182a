"""The draft Memorandum of Understanding, built from the workspace as a document model.

It records what the Partners intend: parties, background, purpose, principles, scope, the commercial model
(or the options still open), governance and reserved matters, control and assurance, shares, finance,
workforce, information sharing, the timetable, term and exit, and which clauses bind. Areas that have not
settled a matter contribute "[to be agreed]" through ``area_content``; every such matter is listed in
Annex A, and Annex B shows what changed since the last exported version.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from imagingnet_desktop.documents.model import Heading, Paragraph
from imagingnet_desktop.domain.shares.rounding import SHARES_ROUNDING_TEXT
from imagingnet_desktop.workspace.exports import area_content, common_clauses
from imagingnet_desktop.workspace.exports.area_content import ReservedMatterText
from imagingnet_desktop.workspace.exports.background import recitals
from imagingnet_desktop.workspace.exports.draft import Draft, Previous, signed_draft
from imagingnet_desktop.workspace.exports.drafting import Drafter
from imagingnet_desktop.workspace.exports.mou_governance import control, governance, reserved_matters
from imagingnet_desktop.workspace.exports.mou_programme import commercial_model, timetable, workforce
from imagingnet_desktop.workspace.exports.shares_votes_text import SharesAndVotes, shares_and_votes
from imagingnet_desktop.workspace.workspace import Workspace

TITLE = "Draft Memorandum of Understanding"
CLAUSES = ("purpose", "principles", "scope", "commercial_model", "governance", "reserved_matters", "control",
           "shareholding", "finance", "workforce", "information", "timetable", "term", "status",
           "confidentiality", "costs", "governing_law")
BINDING = ("confidentiality", "costs", "governing_law")


def build_mou(workspace: Workspace, version: int, issued: date, previous: Previous | None = None) -> Draft:
    network = workspace.network
    position = shares_and_votes(workspace)
    model = area_content.commercial_model(workspace)
    d = Drafter(CLAUSES)
    d.add(Heading("Parties"))
    d.add(Paragraph("This memorandum of understanding is made between:"))
    d.add(common_clauses.parties_table(network))
    d.add(Paragraph("each a “Partner” and together “the Partners”, who intend together to form the "
                    f"{network.name} (“the network”)."))
    d.add(Heading("Background"))
    for recital in recitals(network):
        d.add(recital)
    d.add(Heading("The Partners’ intentions"))

    with d.clause("purpose", "Purpose of this memorandum") as c:
        c.item("records", (
            "This memorandum records the Partners’ shared intention to form the network, the principles "
            "they will follow in doing so, and how they will work together until a partnership agreement "
            "takes its place."))
        c.item("next", (
            "It sets the ground rules for the collaboration and the case for change that the strategic outline "
            "case will build on; it does not itself move any service, staff, asset or contract."))
    with d.clause("principles", "Principles") as c:
        for key, text in PRINCIPLES:
            c.item(key, text)
    with d.clause("scope", "Scope") as c:
        c.item("services", (
            "The collaboration covers the diagnostic imaging services each Partner provides: the acquisition "
            "and reporting of examinations across all modalities, the equipment and systems that support them, "
            "and the imaging workforce."))
        c.item("confirm", (
            "The strategic outline case will confirm which services, sites and modalities are in scope at each "
            "stage. Services a Partner provides to others under existing contracts stay with that Partner until "
            "the Partners agree otherwise."))
    commercial_model(d, network, model)
    governance(d, position)
    matters = area_content.reserved_matters(workspace)
    reserved_matters(d, matters)
    control(d, area_content.board_positions(workspace), area_content.monitoring_groups(workspace))
    _shareholding(d, position)
    _finance(d)
    workforce(d, model)
    _information(d)
    timetable(d, area_content.programme_timetable(workspace))
    _term(d, matters)
    with d.clause("status", "Status of this memorandum") as c:
        c.item("not_binding", (
            "This memorandum records what the Partners intend. It is not a contract and creates no legal "
            f"obligations, except {d.numbers(*BINDING)} (confidentiality, costs and governing law), which bind "
            "each Partner from the date it signs."))
        c.item("no_partnership", (
            "Nothing in it creates a partnership in law, an agency or a joint venture between the Partners, or "
            "commits any Partner’s board to approve a business case."))
        c.item("counterparts", "It may be signed in counterparts, which together form one memorandum.")
    with d.clause("confidentiality", "Confidentiality", binding=True) as c:
        common_clauses.confidentiality(c, common_clauses.MEMORANDUM)
    with d.clause("costs", "Costs", binding=True) as c:
        common_clauses.costs(c, common_clauses.MEMORANDUM)
    with d.clause("governing_law", "Governing law", binding=True) as c:
        common_clauses.governing_law(c, common_clauses.MEMORANDUM)

    return signed_draft(workspace, d, previous, title=TITLE, what="memorandum", short_name="Draft MOU",
                        signing="Signed by each Partner’s authorised signatory on the date shown.",
                        version=version, issued=issued)


PRINCIPLES = (
    ("equality", (
        "Equality and proportionality: every Partner has a voice in the network’s decisions, whatever its "
        "size, and each bears benefits and risks in proportion to its share.")),
    ("protection", (
        "Protection of services and Partners: no Partner will be left with a service that is no longer "
        "viable, or with costs it cannot meet, because of a change the network makes; changes that affect one "
        "Partner’s services are agreed with that Partner.")),
    ("transparency", (
        "Transparency: the Partners share their baselines openly, use the same accounting and activity-"
        "counting rules, and record every decision and the reasons for it.")),
    ("patients", (
        "Patients and quality: decisions put the safety and quality of care and patients’ access to "
        "imaging first, ahead of the interests of any one Partner.")),
    ("sustainability", (
        "Sustainability and targets: the network aims for a workforce, equipment and finances that last, "
        "and for the national waiting-time and reporting standards to be met across all its sites.")),
    ("national", (
        "Compliance with the national strategy: the network follows the national strategy for imaging "
        "networks and the guidance that comes with it, and works with the integrated care systems it serves.")),
)


def _shareholding(d: Drafter, position: SharesAndVotes) -> None:
    with d.clause("shareholding", "Shareholding") as c:
        c.item("meaning", (
            "Each Partner’s share is the proportion of the network’s benefits, risks and liabilities it bears. "
            "Shares are worked out from one baseline, with the same accounting and activity-counting rules for "
            "every Partner, and may differ from the votes in clause "
            f"{d.number('governance')}."))
        if position.agreed:
            basis = f"The Partners have agreed that shares follow {_basis_words(position.basis)}"
            c.item("basis", basis + (f" ({position.formula})." if position.formula else "."))
        else:
            open_ = c.open("Shares & votes", "The basis for the shares: no scenario is marked as agreed.")
            c.item("basis", (
                f"The basis for the shares is {open_}. Until it is agreed, this draft shows shares on "
                f"{_basis_words(position.basis)}, for illustration only."))
        if position.shares:
            c.table("table", common_clauses.shares_table(position))
            c.item("rounding", SHARES_ROUNDING_TEXT)
        else:
            c.item("no_basis", f"No shares can be worked out yet: {position.no_basis or 'there is no basis'}")
        c.item("review", (
            "The shares will be worked out again from refreshed baselines for each business case; the "
            "partnership agreement will say how and when they change after that."))


def _basis_words(basis: str) -> str:
    if basis.startswith("Blend: "):
        return "a blend of bases: " + basis.removeprefix("Blend: ")
    return basis.removesuffix(" alone").lower() + " alone"


def _finance(d: Drafter) -> None:
    with d.clause("finance", "Finance principles") as c:
        c.item("baseline", (
            "The Partners will build one financial baseline of the imaging services in scope, on common "
            "accounting and activity-counting principles, and will open their figures to each other for it."))
        c.item("benefits", (
            "Savings and other benefits the network achieves, and the costs and losses it incurs, will be "
            f"shared in proportion to the shares in clause {d.number('shareholding')}, unless the Partners agree "
            "otherwise for a particular investment."))
        c.item("capital", (
            "Capital investment, such as the replacement of equipment, will be planned across the network in "
            "the annual business plan. Each Partner keeps the assets it owns until the partnership agreement "
            "provides otherwise."))
        c.item("stranded", (
            "The business cases will identify any costs that would be left with a Partner when a service "
            "moves (stranded costs), and how they will be met."))
        c.item("vat", (
            "The Partners will take advice on VAT before choosing a model: VAT on services shared between NHS "
            "bodies can be recovered only where HMRC lists the service."))


def _information(d: Drafter) -> None:
    with d.clause("information", "Information sharing") as c:
        c.item("sharing", (
            "The Partners will share the information the business cases need: activity, workforce, equipment, "
            "financial and performance figures, on the common definitions the network agrees."))
        c.item("personal", (
            "No information that identifies a patient will be shared under this memorandum. Personal data "
            "will be shared only under a data sharing agreement that meets UK data protection law, each "
            "Partner remaining a controller of the data it holds."))
        c.item("systems", (
            "The Partners will work towards shared imaging and reporting systems, so that images and reports "
            "can be seen and reported across all sites."))
        c.item("confidential", (
            f"Information shared between the Partners is also subject to clause {d.number('confidentiality')}."))


def _term(d: Drafter, matters: Sequence[ReservedMatterText]) -> None:
    with d.clause("term", "Term, review and exit") as c:
        c.item("start", (
            "This memorandum takes effect when every Partner has signed it, and lasts until the Partners sign "
            "a partnership agreement that replaces it, or agree to end it."))
        c.item("review", (
            "The Partnership Board will review it at the end of each step of the programme, and at least every "
            "six months."))
        c.item("changes", "It may be changed only in writing, with the agreement of every Partner.")
        admission = next((m for m in matters if m.is_admission and m.rule), None)
        if admission is not None and admission.rule:
            c.item("joining", (
                "Another trust may join the network only by a decision to admit it, a reserved matter under "
                f"clause {d.number('reserved_matters')} ({admission.rule[:1].lower()}{admission.rule[1:]}), and "
                "by signing this memorandum as it then stands."))
        else:
            c.item("joining", (
                "Another trust may join the network only with the agreement of every Partner, by signing this "
                "memorandum as it then stands."))
        exit_matter = next((m for m in matters if m.is_exit), None)
        if exit_matter is not None and exit_matter.rule:
            leaving = (
                "A Partner that wishes to leave will give the other Partners at least 30 days’ notice in writing of "
                "its intention. Its exit is a reserved matter under clause "
                f"{d.number('reserved_matters')}: it takes effect when decided under the rule for that matter "
                f"({exit_matter.rule[:1].lower()}{exit_matter.rule[1:]}). A Partner that leaves ")
        else:
            leaving = "A Partner may leave by giving the other Partners 30 days’ notice in writing. A Partner that leaves "
        c.item("exit", (
            leaving +
            f"remains bound by clause {d.number('confidentiality')}, and pays its part of any costs agreed "
            f"under clause {d.number('costs')} before its notice was given."))
