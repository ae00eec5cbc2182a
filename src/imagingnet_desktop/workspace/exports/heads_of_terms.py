"""The draft heads of terms: the commercial terms the partnership agreement will be drafted from, as a
numbered table of terms, each marked binding or subject to contract.

Only confidentiality, exclusivity, costs and governing law bind; everything else is subject to contract.
Matters still open say "[to be agreed]" and are listed in Annex A; Annex B shows the changes since the last
exported version.
"""

from __future__ import annotations

from datetime import date

from imagingnet_desktop.documents.model import Column, Heading, Paragraph, Table
from imagingnet_desktop.domain.wording import join_words
from imagingnet_desktop.workspace.exports import area_content, common_clauses
from imagingnet_desktop.workspace.exports.draft import Draft, Previous, signed_draft
from imagingnet_desktop.workspace.exports.drafting import Drafter, Terms
from imagingnet_desktop.workspace.exports.hot_terms import (
    asset_transfer,
    benefit_sharing,
    disputes,
    income_and_capital,
    model_and_host,
    parties,
    shares,
    stranded_costs,
    term_of_agreement,
    termination,
    tupe,
    voting_and_reserved_matters,
)
from imagingnet_desktop.workspace.exports.shares_votes_text import shares_and_votes
from imagingnet_desktop.workspace.workspace import Workspace

TITLE = "Draft Heads of Terms"
CLAUSES = ("purpose", "status")
TERMS = ("parties", "model", "term", "shares", "voting", "income_capital", "assets", "tupe", "stranded_costs",
         "benefits", "termination", "disputes", "confidentiality", "exclusivity", "costs", "governing_law")
BINDING = ("confidentiality", "exclusivity", "costs", "governing_law")
TERM_COLUMNS = (Column("No.", 11), Column("Term", 36), Column("Heads of terms", 88), Column("Status", 25))


def build_heads_of_terms(workspace: Workspace, version: int, issued: date, previous: Previous | None = None
                         ) -> Draft:
    network = workspace.network
    position = shares_and_votes(workspace)
    matters = area_content.reserved_matters(workspace)
    model = area_content.commercial_model(workspace)
    d = Drafter(CLAUSES)
    terms = Terms(d, TERMS)
    binding = join_words([str(terms.number(k)) for k in BINDING])

    def on(topic: str) -> list[area_content.ChecklistEntry]:
        return area_content.checklist_on(workspace, topic)

    d.add(Heading("Parties"))
    d.add(Paragraph("These heads of terms are proposed between:"))
    d.add(common_clauses.parties_table(network))
    d.add(Paragraph(f"each a “Partner” and together “the Partners”, forming the {network.name} (“the network”)."))
    d.add(Heading("About these heads of terms"))
    with d.clause("purpose", "Purpose") as c:
        c.item("basis", (
            "These heads of terms set out the main commercial terms on which the Partners propose to form the "
            "network. Once the Partners’ boards have agreed them, the partnership agreement and the service "
            "level agreements will be drafted from them."))
        c.item("open", (
            "Where a term says “[to be agreed]” the Partners have not yet settled it; Annex A lists every such "
            "matter and where it arises."))
    with d.clause("status", "Status") as c:
        c.item("subject_to_contract", (
            "Except for terms " + binding + " (confidentiality, exclusivity, costs and governing law), these "
            "heads of terms are subject to contract: they are not legally binding, and no Partner is bound "
            "until the partnership agreement is signed."))
        c.item("binding", (
            f"Terms {binding} are legally binding on each Partner from the date it signs these heads of terms, "
            "and are marked “Binding” in the table."))

    with terms.term("parties", "Parties") as t:
        parties(t, network, next((m for m in matters if m.is_admission), None), terms.number("voting"))
    with terms.term("model", "Commercial model and host") as t:
        model_and_host(t, network, model)
    with terms.term("term", "Term") as t:
        term_of_agreement(t, terms.number("termination"))
    with terms.term("shares", "Shares and the basis") as t:
        shares(t, position)
    with terms.term("voting", "Voting and reserved matters") as t:
        voting_and_reserved_matters(t, position, matters, terms.number("shares"))
    with terms.term("income_capital", "Income and capital") as t:
        income_and_capital(t, model, terms.number("shares"), terms.number("model"), on("income"),
                           on("capital"))
    with terms.term("assets", "Asset and contract transfer") as t:
        asset_transfer(t, on("assets"))
    with terms.term("tupe", "Staff transfer (TUPE)") as t:
        tupe(t, model, on("tupe"))
    with terms.term("stranded_costs", "Stranded costs") as t:
        stranded_costs(t, on("stranded_costs"))
    with terms.term("benefits", "Benefit sharing") as t:
        benefit_sharing(t, terms.number("shares"), on("benefits"))
    with terms.term("termination", "Termination and exit") as t:
        termination(t, on("termination"), next((m for m in matters if m.is_exit), None), terms.number("voting"))
    with terms.term("disputes", "Dispute resolution") as t:
        disputes(t, terms.number("governing_law"))
    with terms.term("confidentiality", "Confidentiality", binding=True) as t:
        common_clauses.confidentiality(t, common_clauses.HEADS_OF_TERMS)
    with terms.term("exclusivity", "Exclusivity", binding=True) as t:
        common_clauses.exclusivity(t, "until the partnership agreement is signed or the Partners agree to stop "
                                      "negotiating it")
    with terms.term("costs", "Costs", binding=True) as t:
        common_clauses.costs(t, common_clauses.HEADS_OF_TERMS)
    with terms.term("governing_law", "Governing law", binding=True) as t:
        common_clauses.governing_law(t, common_clauses.HEADS_OF_TERMS)

    d.add(Heading("Terms"))
    d.add(Table(TERM_COLUMNS, tuple(terms.rows), split_rows=True))
    return signed_draft(workspace, d, previous, title=TITLE, what="draft", short_name="Draft heads of terms",
                        signing="Agreed, subject to contract except as stated above, by each Partner’s authorised "
                                "signatory.",
                        version=version, issued=issued)
