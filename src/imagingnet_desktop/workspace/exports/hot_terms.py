"""The text of each commercial term of the heads of terms (all subject to contract)."""

from __future__ import annotations

from collections.abc import Sequence

from imagingnet_desktop.documents.model import LIST_MARK
from imagingnet_desktop.domain.network.network import Network
from imagingnet_desktop.domain.wording import join_words
from imagingnet_desktop.workspace.exports import figures
from imagingnet_desktop.workspace.exports.area_content import (
    ChecklistEntry,
    ModelStatus,
    ModelText,
    ReservedMatterText,
)
from imagingnet_desktop.workspace.exports.checklist_terms import checklist_lines
from imagingnet_desktop.workspace.exports.drafting import TermDraft
from imagingnet_desktop.workspace.exports.mou_governance import (
    CONTROL,
    SHARES_VOTES,
    USUAL_RESERVED_MATTERS,
    rule_words,
)
from imagingnet_desktop.workspace.exports.mou_programme import COMMERCIAL
from imagingnet_desktop.workspace.exports.shares_votes_text import SharesAndVotes

NEGOTIATION = "Terms to negotiate"


def parties(t: TermDraft, network: Network, admission: ReservedMatterText | None = None,
            voting_number: int = 0) -> None:
    foundation = sum(1 for p in network.partners if p.is_foundation_trust)
    others = len(network.partners) - foundation
    t.item("who", (f"The {figures.count(len(network.partners))} Partners named above: {foundation} NHS "
                   f"Foundation Trust{'s' if foundation != 1 else ''} and {others} NHS "
                   f"Trust{'s' if others != 1 else ''}."))
    if admission is not None and admission.rule:
        t.item("new", f"Another trust may join only by a decision on admitting a new Partner under its rule "
                      f"(term {voting_number}).")
    else:
        t.item("new", "Another trust may join only with the agreement of every Partner.")


def model_and_host(t: TermDraft, network: Network, model: ModelText | None) -> None:
    if model is not None and model.status is ModelStatus.CHOSEN:
        t.item("model", f"{model.name}. {model.summary}")
        if model.rationale:
            t.item("why", f"Reasons recorded for the choice: {model.rationale}"
                   + ("" if model.rationale.endswith((".", "!", "?")) else "."))
        host = model.host or t.open(COMMERCIAL, "The host Partner.")
        t.item("host", f"Host: {host}. The host gives the network its legal personality: it employs the staff "
                       "and signs contracts for the network, under service level agreements with the other "
                       "Partners.")
        if model.legal_entity:
            t.item("entity", f"Legal entity: {model.legal_entity}.")
        return
    if model is not None and model.options:
        t.item("model", f"{t.open(COMMERCIAL, 'The commercial model: still being appraised.')}. Options still "
                        f"under consideration: {join_words(list(model.options))}.")
    else:
        t.item("model", f"{t.open(COMMERCIAL, 'The commercial model and the host Partner.')}. The full business "
                        "case will recommend the preferred model and, where it needs one, the host Partner.")
    trusts = [p.name for p in network.partners if not p.is_foundation_trust]
    if trusts:
        t.item("eligibility", "A corporate joint venture (LLP or company) is open only to NHS Foundation Trusts; "
                              f"{join_words(trusts)} {'is an NHS Trust' if len(trusts) == 1 else 'are NHS Trusts'}.")


def term_of_agreement(t: TermDraft, termination_number: int) -> None:
    years = t.open(NEGOTIATION, "The length of the initial term of the partnership agreement.")
    t.item("initial", f"An initial term of {years} years from the date the partnership agreement is signed, "
                      f"continuing after that until ended under term {termination_number}.")
    t.item("review", "The Partners review the agreement at least every three years, and whenever national "
                     "policy or the network’s scope changes materially.")


def shares(t: TermDraft, position: SharesAndVotes) -> None:
    if position.agreed:
        basis = position.basis.replace("Blend: ", "a blend of ", 1)
        t.item("basis", f"Basis: {basis}" + (f" ({position.formula})." if position.formula else "."))
    else:
        basis = t.open(SHARES_VOTES, "The basis for the shares: no scenario is marked as agreed.")
        t.item("basis", f"Basis: {basis}. Shown for illustration on {position.basis[:1].lower()}"
                        f"{position.basis[1:]}:")
    if position.shares:
        for s in position.shares:
            shown = figures.share(s.share) if s.share is not None else "no basis"
            t.item(f"share.{s.code}", f"{LIST_MARK}{s.name} ({s.code}): {shown}")
    else:
        t.item("no_basis", f"No shares can be worked out yet: {position.no_basis or 'there is no basis'}")
    t.item("meaning", "Shares set each Partner’s part of the network’s benefits, risks and liabilities; they are "
                      "recalculated from refreshed baselines for each business case.")


def voting_and_reserved_matters(t: TermDraft, position: SharesAndVotes,
                                matters: Sequence[ReservedMatterText], shares_number: int) -> None:
    if position.agreed:
        method = position.method_text(f"term {shares_number}")
        t.item("method", f"Votes: {method[:1].lower()}{method[1:]}")
    else:
        method = t.open(SHARES_VOTES, "How votes are held and the decision rule: no scenario is marked as agreed.")
        start = position.method_text(f"term {shares_number}")
        t.item("method", f"Votes: {method}. Starting position: {start[:1].lower()}{start[1:]}")
    for v in position.votes:
        t.item(f"votes.{v.code}", f"{LIST_MARK}{v.name} ({v.code}): {figures.count(v.votes)} "
                                  f"vote{'s' if v.votes != 1 else ''} ({v.share_of_votes})")
    if position.problem:
        t.item("rule", f"Decision rule: cannot yet be applied ({position.problem})")
    else:
        quota = (f"; a decision needs {figures.count(position.quota)} of the "
                 f"{figures.count(position.total_votes)} votes" if position.quota is not None else "")
        vetoes = f" {position.vetoes_text()}" if position.vetoes else ""
        t.item("rule", f"Decision rule: {rule_words(position.rule)}{quota}.{vetoes}")
    if matters:
        t.item("reserved", "Reserved matters, each with its rule:")
        for i, m in enumerate(matters, start=1):
            rule = rule_words(m.rule) if m.rule else t.open(
                CONTROL, f"The decision rule for the reserved matter “{m.matter}”.")
            if m.problem:
                rule += ", which cannot be applied under the agreed votes, so " + t.open(
                    CONTROL, f"A workable decision rule for “{m.matter}”: {m.problem}")
            tolerance = f"{m.tolerance[:1].lower()}{m.tolerance[1:]}" if m.tolerance else None
            extra = "".join(f"; {x}" for x in (m.escalation, tolerance) if x)
            t.item(f"reserved.{i}", f"{LIST_MARK}{m.matter}: {rule}{extra}")
    else:
        listed = t.open(CONTROL, "The list of reserved matters, with the decision rule for each.")
        t.item("reserved", f"Reserved matters: {listed}. Expected to include: " + "; ".join(USUAL_RESERVED_MATTERS)
               + ".")


def income_and_capital(t: TermDraft, model: ModelText | None, shares_number: int, model_number: int,
                       income: Sequence[ChecklistEntry] = (), capital: Sequence[ChecklistEntry] = ()) -> None:
    if model is not None and model.status is ModelStatus.CHOSEN:
        holder = model.host or model.legal_entity or "the Partner the partnership agreement names"
    else:  # no model yet: who holds the income depends on the one chosen
        holder = ("the host Partner or the network’s own entity, as the model chosen under term "
                  f"{model_number} provides")
    t.item("income", f"Income: the network’s income (from the Partners under service level agreements, and from "
                     f"others) is received and accounted for by {holder}; the surplus or deficit each year is "
                     f"shared in proportion to the shares in term {shares_number}.")
    checklist_lines(t, income)
    plan = ("Capital: each Partner keeps the assets it owns; new capital investment is approved in the annual "
            "business plan")
    if capital:
        t.item("capital", plan + ".")
        checklist_lines(t, capital)
    else:
        t.item("capital", plan + ", and how its cost and benefit are shared is "
               + t.open(NEGOTIATION, "How the cost and benefit of new capital investment are shared.") + ".")


def asset_transfer(t: TermDraft, entries: Sequence[ChecklistEntry] = ()) -> None:
    t.item("assets", "Equipment, premises and IT used by the services in scope stay with their present owner and "
                     "are made available to the network under service level agreements, unless the partnership "
                     "agreement transfers them.")
    t.item("contracts", "Supplier contracts are novated or assigned to the network, or managed on its behalf, as "
                        "the full business case recommends; a schedule of assets and contracts, with values and "
                        "remaining terms, is prepared for it.")
    checklist_lines(t, entries)


def tupe(t: TermDraft, model: ModelText | None, entries: Sequence[ChecklistEntry] = ()) -> None:
    if model is not None and model.status is ModelStatus.CHOSEN and model.implies_tupe is not None:
        if model.implies_tupe:
            employer = model.host or model.legal_entity or "the network’s employer"
            t.item("tupe", f"Staff of the services in scope transfer to {employer} under the TUPE regulations, "
                           "normally within three months of the partnership agreement; their terms are protected "
                           "and pensions are dealt with separately.")
        else:
            t.item("tupe", f"No staff transfer under {model.name}: staff stay employed by their present Partner.")
    else:
        t.item("tupe", "Depends on the model: staff would transfer under TUPE to the host or the network’s entity "
                       "under an arm’s-length organisation or a joint venture, but not under collaborative working "
                       "or a contractual partnership. Pensions are dealt with separately.")
    checklist_lines(t, entries)


def stranded_costs(t: TermDraft, entries: Sequence[ChecklistEntry] = ()) -> None:
    costs = ("Costs left with a Partner when a service moves (overheads, premises, contracts that cannot be ended) "
             "are identified in the full business case")
    if entries:
        t.item("stranded", costs + ".")
        checklist_lines(t, entries)
    else:
        t.item("stranded", costs + " and met " + t.open(NEGOTIATION, "How stranded costs are met.") + ".")


def benefit_sharing(t: TermDraft, shares_number: int, entries: Sequence[ChecklistEntry] = ()) -> None:
    t.item("benefits", f"Savings and other benefits are measured against the agreed baseline and shared in "
                       f"proportion to the shares in term {shares_number}; the mechanism is confirmed in the full "
                       "business case.")
    checklist_lines(t, entries)


def termination(t: TermDraft, entries: Sequence[ChecklistEntry] = (),
                exit_matter: ReservedMatterText | None = None, voting_number: int = 0) -> None:
    """How a Partner leaves: what the checklist holds for the termination scenarios, else the notice period is
    still to negotiate; where a Partner's exit is a reserved matter, notice starts it and the rule decides it."""
    reserved = exit_matter is not None and bool(exit_matter.rule)
    if entries:
        checklist_lines(t, entries)
        if reserved:
            t.item("exit_rule", f"A Partner’s exit is a reserved matter (term {voting_number}): notice starts it, "
                                "and it takes effect when decided under the rule for that matter.")
    else:
        notice = t.open(NEGOTIATION, "The notice period for a Partner leaving the partnership agreement.")
        if reserved:
            t.item("notice", f"A Partner that wishes to leave gives {notice} months’ written notice of its "
                             f"intention; its exit is a reserved matter (term {voting_number}) and takes effect "
                             "when decided under the rule for that matter.")
        else:
            t.item("notice", f"A Partner may leave on {notice} months’ written notice.")
    t.item("scenarios", "The agreement will also provide for: all Partners agreeing to end it; a Partner in "
                        "material breach; and a change in law or national policy that makes it unworkable.")
    t.item("exit", "On exit, services, staff, assets and contracts return as far as practicable to the Partner they "
                   "came from; a leaving Partner bears its share of liabilities up to its exit and the exit costs "
                   "it causes.")


def disputes(t: TermDraft, law_number: int) -> None:
    t.item("steps", "Escalation first to the Partnership Board, then to the Partners’ chief executives; then "
                    "mediation or an independent expert; and only after that proceedings in the courts of "
                    f"England and Wales under term {law_number}.")
    t.item("last_resort", "Where a deadlock persists after mediation, the Partners may instead agree a buy-out of a "
                          "Partner or the winding-up of the arrangement, under term 11.")
