"""The MOU's clauses that follow the Commercial model and Programme areas: the model (or the options still
open), the workforce and TUPE, and the timetable of the six steps."""

from __future__ import annotations

from collections.abc import Sequence

from imagingnet_desktop.documents.model import Column, Table
from imagingnet_desktop.domain.network.network import Network
from imagingnet_desktop.domain.wording import join_words
from imagingnet_desktop.workspace.exports import figures
from imagingnet_desktop.workspace.exports.area_content import ModelStatus, ModelText, TimetableEntry
from imagingnet_desktop.workspace.exports.drafting import Drafter

COMMERCIAL = "Commercial model"
PROGRAMME = "Programme"

# The spectrum of models, from doing nothing new to a separate organisation (the white paper's order).
MODEL_SPECTRUM = (
    "As is: each Partner runs its own imaging services, alone or in the collaborations it already has.",
    "Collaborative working: the services stay independent, and representatives of each form a network team "
    "that looks for areas to work together, relying on goodwill.",
    "Contractual partnership: a collaboration agreement sets targets, governance, benefit sharing, timelines "
    "and the areas of joint work (such as joint procurement, shared IT, sharing reporting backlogs, common "
    "processes and on-call support), while each Partner stays independent.",
    "Arm’s-length organisation hosted by one Partner: a single management team runs imaging for the whole "
    "network, staff transfer under TUPE, equipment, IT and processes are standardised, and a detailed "
    "commercial agreement sets out every term.",
    "Joint venture (an LLP or a limited company): as above, but run by a separate organisation the Partners "
    "own; only NHS Foundation Trusts may form one.",
)

STEPS = (  # (name, the programme's step id, what the step delivers)
    ("Memorandum of understanding", "mou", "the ground rules of the collaboration and the case for change"),
    ("Strategic outline case", "soc", "the options explored, unsuitable commercial and operating models ruled out, "
                               "and the first commercial principles (voting, model, shares)"),
    ("Outline business case", "obc", "a short list appraised commercially and financially, a preferred model, and "
                              "the main commercial terms agreed"),
    ("Full business case", "fbc", "the financial and operating model of the preferred option completed, and the "
                           "remaining commercial terms settled"),
    ("Implementation", "implementation", "the partnership agreement and service level agreements signed, and the transition "
                       "carried out"),
    ("Monitoring and management", "monitoring", "the service run and improved against the agreed KPIs and benefits"),
)


def commercial_model(d: Drafter, network: Network, model: ModelText | None) -> None:
    with d.clause("commercial_model", "Commercial model") as c:
        if model is not None and model.status is ModelStatus.CHOSEN:
            hosted = f", with {model.host} as host" if model.host else ""
            c.item("model", f"The Partners have chosen “{model.name}” as the network’s commercial model{hosted}.")
            if model.summary:
                c.item("means", model.summary)
            if model.rationale:
                c.item("why", f"The reasons the Partners recorded for their choice: {model.rationale}"
                       + ("" if model.rationale.endswith((".", "!", "?")) else "."))
            if model.host:
                c.item("host", (
                    f"{model.host} will host the network: it will employ the network’s staff and sign contracts "
                    "for the network, under service level agreements with the other Partners."))
            if model.legal_entity:
                c.item("entity", f"The network will act through {model.legal_entity}.")
        else:
            if model is not None and model.options:
                leading = f"; {model.name} leads the appraisal at present" if model.name else ""
                open_ = c.open(COMMERCIAL, "The commercial model: still being appraised.")
                c.item("model", (
                    f"The commercial model is {open_}. The options still under consideration are "
                    f"{join_words(list(model.options))}{leading}."))
            else:
                open_ = c.open(COMMERCIAL, "The commercial model and, if it needs one, the host Partner.")
                c.item("model", (
                    f"The commercial model is {open_}. The Partners will appraise the options in the strategic "
                    "outline and outline business cases, and choose a preferred model and host in the full "
                    "business case."))
            c.item("spectrum", "The models range from the current arrangements to a separate organisation:")
            c.bullets("spectrum_list", MODEL_SPECTRUM)
        trusts = [p.name for p in network.partners if not p.is_foundation_trust]
        if trusts and (model is None or model.status is not ModelStatus.CHOSEN):
            c.item("eligibility", (
                f"{join_words(trusts)} {'is an NHS Trust' if len(trusts) == 1 else 'are NHS Trusts'}. Only NHS "
                "Foundation Trusts may set up or take part in a corporate joint venture, so the appraisal will "
                "weigh that model with this in mind."))
        c.item("no_transfer", (
            "Whatever the model, no service, staff, asset or contract moves until each Partner’s board has "
            "approved the full business case and the partnership agreement."))


def workforce(d: Drafter, model: ModelText | None) -> None:
    with d.clause("workforce", "Workforce") as c:
        c.item("engagement", (
            "The Partners will involve their staff and staff representatives from the start, and consult "
            "them formally before any change to where, or by whom, staff are employed."))
        if model is not None and model.status is ModelStatus.CHOSEN and model.implies_tupe:
            employer = model.host or model.legal_entity or "the network’s employer"
            c.item("tupe", (
                f"Under the chosen model the staff of the services in scope will transfer to {employer} under "
                "the TUPE regulations, which protect their terms and conditions; pensions will be dealt with "
                "separately. Transfers will normally follow within three months of the partnership agreement "
                "and service level agreements being signed."))
        elif model is not None and model.status is ModelStatus.CHOSEN and model.implies_tupe is False:
            c.item("tupe", (
                "Under the chosen model staff stay employed by their present Partner; working across sites will "
                "be arranged by agreement between the Partners, not by transfer."))
        else:
            c.item("tupe", (
                "Whether staff transfer to a single employer depends on the model chosen under clause "
                f"{d.number('commercial_model')}: they would under an arm’s-length organisation or a joint "
                "venture, protected by the TUPE regulations (pensions being dealt with separately), but not "
                "under collaborative working or a contractual partnership."))
        c.item("plans", (
            "Meanwhile the Partners will share their workforce plans and vacancies, and look for joint "
            "recruitment, training and rotations across the network."))


def timetable(d: Drafter, entries: Sequence[TimetableEntry]) -> None:
    by_step = {_step_key(e.step): e for e in entries} | {e.key: e for e in entries if e.key}
    with d.clause("timetable", "Programme and timetable") as c:
        c.item("steps", (
            "The Partners will work through the six steps below. Each ends when the Partners’ boards approve "
            "what it delivers; the commercial work comes first, because the operating model depends on it."))
        found = [(step, delivers, by_step.get(key) or by_step.get(_step_key(step))) for step, key, delivers in STEPS]
        missing = [step for step, _, entry in found if entry is None or entry.target is None]
        marker = c.open(PROGRAMME, f"Target dates for: {join_words(missing)}.") if missing else ""
        rows = tuple(
            (step + (" (current step)" if entry and entry.current else ""), delivers,
             figures.long_date(entry.target) if entry and entry.target else marker)
            for step, delivers, entry in found
        )
        c.table("table", Table((Column("Step", 45), Column("What it delivers", 80), Column("Target date", 35)),
                               rows))


def _step_key(name: str) -> str:
    return " ".join(name.replace("&", "and").casefold().split())
