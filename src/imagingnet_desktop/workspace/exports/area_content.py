"""What each area of the workspace contributes to the drafts: one small function per area.

The drafts ask only these functions about the Programme, Commercial model, Control and Record areas, and each
function reads its area through that area's own workspace queries (``workspace.commercial.summary``,
``workspace.control.matters`` / ``positions`` / ``monitoring``, ``workspace.programme.queries``), so a rule is
worked out in one place only. An area with nothing to say returns ``None`` or an empty list, and the draft then
says "[to be agreed]" at that point and lists the matter in its annex of matters still open. Each result is plain
text, already in the words the document should use (partner names, not ids).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from imagingnet_desktop.domain.commercial.appraisal import Option
from imagingnet_desktop.domain.commercial.catalogue import COMPARATOR_LABELS, catalogue
from imagingnet_desktop.domain.control.positions import next_holder
from imagingnet_desktop.domain.control.reserved_matters import (
    DEADLOCK_STAGES,
    DecidedBy,
    MatterPurpose,
    ReservedMatter,
    ToleranceKind,
    deadlock_route,
    tolerance_text,
)
from imagingnet_desktop.domain.programme.steps import STEP_ORDER, WORKSTREAM_NAMES, ItemStatus, StepId
from imagingnet_desktop.domain.record.entries import EntryKind, EntryStatus
from imagingnet_desktop.workspace.commercial.summary import commercial_view
from imagingnet_desktop.workspace.control import matters as control_matters
from imagingnet_desktop.workspace.control.control_rows import GROUPS, KPIS, POSITIONS
from imagingnet_desktop.workspace.control.monitoring import group_kpis, group_members
from imagingnet_desktop.workspace.control.positions import rotation
from imagingnet_desktop.workspace.exports.figures import long_date
from imagingnet_desktop.workspace.exports.rule_text import decision_rule, defined_partner
from imagingnet_desktop.workspace.programme import queries as programme
from imagingnet_desktop.workspace.programme.collections import ITEMS
from imagingnet_desktop.workspace.record.entries import RECORD_ENTRIES

if TYPE_CHECKING:
    from imagingnet_desktop.domain.programme.rows import ChecklistItem
    from imagingnet_desktop.workspace.workspace import Workspace


class ModelStatus(StrEnum):
    CHOSEN = "chosen"  # the preferred model (and host) of the full business case
    UNDER_CONSIDERATION = "under consideration"  # a short list is still being appraised


@dataclass(frozen=True)
class ModelText:
    """The commercial model as the drafts state it.

    ``name`` is the chosen model, or while ``UNDER_CONSIDERATION`` the one leading the appraisal (may be
    empty); ``options`` the short list still open; ``implies_tupe`` whether staff would transfer to a single
    employer (an arm's-length organisation or a joint venture); ``host`` the hosting partner's name, if any.
    """

    status: ModelStatus
    name: str
    summary: str
    options: tuple[str, ...] = ()
    host: str | None = None
    legal_entity: str | None = None
    implies_tupe: bool | None = None
    rationale: str = ""  # why the Partners chose it, as the full business case records it


@dataclass(frozen=True)
class ReservedMatterText:
    """A reserved matter: ``rule`` (e.g. "Unanimity: every Partner must agree") is ``None`` until agreed;
    ``problem`` says why the rule cannot be applied under the agreed votes, if it cannot."""

    matter: str
    rule: str | None
    escalation: str | None = None  # "Partnership Board" / "Trust Boards", and the deadlock route
    tolerance: str | None = None  # e.g. "Beyond 5% off the business plan"
    problem: str | None = None
    is_exit: bool = False  # its purpose is a Partner's exit: the MOU's exit clause defers to its rule
    is_admission: bool = False  # its purpose is admitting a new Partner: the joining clause defers to its rule
    has_amount: bool = False  # the table states a tolerance (a sum or a percentage) for it


@dataclass(frozen=True)
class BoardPositionText:
    position: str  # "Chair", "Clinical director (operations management team)"...
    partner: str | None  # the partner's name; None while unallocated
    rotation: str | None = None  # e.g. "Term of 2 years; rotates in turn: NSH, VAL, CMB (next: VAL)"


@dataclass(frozen=True)
class MonitoringGroupText:
    name: str  # "Operations monitoring group"
    remit: str  # how often it meets and the KPIs it watches, in words
    reports_to: str | None = None
    members: tuple[str, ...] = ()  # partner names; empty while nobody is named


@dataclass(frozen=True)
class TimetableEntry:
    """One of the six steps with its target date (``None``: not set) and whether it is the current step;
    ``key`` is the programme's step id ("mou", "soc"...), so a renamed step is still found."""

    step: str
    target: date | None
    current: bool = False
    key: str = ""


@dataclass(frozen=True)
class OpenChecklistItem:
    """A programme checklist item not yet agreed (nor marked not applicable); ``where`` names the place a
    draft mentions it ("term 9"), if it does."""

    step: str
    workstream: str
    item: str
    status: str  # "not started" / "in discussion"
    owner: str | None = None
    due: date | None = None
    id: int | None = None
    where: str = ""


@dataclass(frozen=True)
class ChecklistEntry:
    """A checklist item a term of the drafts depends on, agreed or not, with what the room noted against it."""

    id: int
    step: str
    workstream: str
    item: str
    agreed: bool
    status: str
    note: str = ""
    owner: str | None = None
    due: date | None = None

    def as_open(self, where: str = "") -> OpenChecklistItem:
        return OpenChecklistItem(self.step, self.workstream, self.item, self.status, self.owner, self.due, self.id,
                                 where)


@dataclass(frozen=True)
class OpenIssueText:
    """An open issue from the record."""

    issue: str
    owner: str | None = None


# ------------------------------------------------------------------------------------- Commercial model


def commercial_model(workspace: Workspace) -> ModelText | None:
    """The chosen model, or the options still under consideration; ``None`` while nothing is short-listed.

    The preferred option of the full business case is the chosen model, with its host; a preferred option the
    network can no longer adopt (a partner changed, a host left) counts as still under consideration.
    """
    view = commercial_view(workspace)
    preferred = view.preferred
    if preferred is not None and view.eligibility.get(preferred.id) is not None \
            and view.eligibility[preferred.id].ok:
        model = view.model_of(preferred)
        host = view.host
        return ModelText(
            ModelStatus.CHOSEN, preferred.name, model.what_it_is if model else "",
            host=host.name if host is not None and model is not None and model.needs_host else None,
            legal_entity=_legal_entity(model.legal_entity) if model is not None and model.new_entity else None,
            implies_tupe=model.staff_transfer if model is not None else None,
            rationale=" ".join(view.choice.rationale.split()),
        )
    short_list = [o for o in view.options if o.scored]
    if not short_list:
        return None
    leader = view.ranking.leader
    return ModelText(ModelStatus.UNDER_CONSIDERATION, leader.name if leader else "", "",
                     options=tuple(_option_words(o) for o in short_list))


def _option_words(option: Option) -> str:
    model = catalogue().get(option.model_key)
    role = model.comparator if model is not None else ""
    return f"{option.name} (the {COMPARATOR_LABELS[role].replace(' ', '-')} comparator)" if role else option.name


def _legal_entity(text: str) -> str:
    """``Yes: a new LLP or limited company.`` -> ``a new LLP or limited company``."""
    _, _, rest = text.partition(": ")
    return (rest or text).strip().rstrip(".")


# ------------------------------------------------------------------------------------- Control


def reserved_matters(workspace: Workspace) -> list[ReservedMatterText]:
    """Each matter with its rule in words, who decides and the deadlock route, its tolerance, and (from the
    voting engine, under the agreed votes) why the rule cannot be applied if it cannot."""
    agreed, outcomes = control_matters.matter_outcomes(workspace)
    found = []
    for matter, outcome in outcomes:
        problem = outcome.problem if agreed.votes is not None else None  # unworkable votes: said under voting
        found.append(ReservedMatterText(
            defined_partner(matter.title), _matter_rule(workspace, matter),
            _escalation(matter.decided_by, deadlock_route(matter)), tolerance_text(matter), problem,
            is_exit=matter.purpose is MatterPurpose.EXIT, is_admission=matter.purpose is MatterPurpose.ADMISSION,
            has_amount=matter.tolerance_kind is not ToleranceKind.NONE))
    return found


def _matter_rule(workspace: Workspace, matter: ReservedMatter) -> str:
    codes = {p.id: p.code for p in workspace.network.partners}
    vetoes = [codes[pid] for pid in control_matters.veto_partner_ids(workspace, matter.id)]
    return decision_rule(matter.rule_kind, matter.fraction, matter.min_partners, vetoes)


_STAGE_WORDS = {"Chief executives": "the chief executives", "Mediation": "mediation",
                "Dispute clause": "the dispute clause"}


def _escalation(decided_by: DecidedBy, route: tuple[str, ...]) -> str:
    """Who decides; the deadlock route only where it is not the usual one (the drafts state that once)."""
    who = _DECIDED_BY[decided_by]
    if route == DEADLOCK_STAGES:
        return who
    stages = ", then ".join(_STAGE_WORDS.get(stage, stage.lower()) for stage in route)
    return f"{who}; on deadlock, to {stages}"


# the drafts' own words for who decides: the Partners' boards, as clause "reserved matters" says
_DECIDED_BY = {DecidedBy.PARTNERSHIP_BOARD: "Partnership Board", DecidedBy.TRUST_BOARDS: "Partners’ boards"}


def board_positions(workspace: Workspace) -> list[BoardPositionText]:
    partners = {p.id: p for p in workspace.network.partners}
    found = []
    for position in workspace.rows(POSITIONS):
        holder = partners.get(position.partner_id) if position.partner_id is not None else None
        order = [pid for pid in rotation(workspace, position.id) if pid in partners]
        years = f"{position.term_years} year{'s' if position.term_years != 1 else ''}"
        words = f"Term of {years}"
        if position.term_start is not None:
            words += f" from {long_date(position.term_start)}"
        if order:
            following = next_holder(order, position.partner_id)
            words += f"; rotates in turn: {', '.join(partners[pid].code for pid in order)}"
            if following is not None and following != position.partner_id:
                words += f" (next: {partners[following].code})"
        else:
            words += "; does not rotate"
        found.append(BoardPositionText(f"{position.title} ({position.body.label})",
                                       holder.name if holder is not None else None, words))
    return found


def monitoring_groups(workspace: Workspace) -> list[MonitoringGroupText]:
    partners = {p.id: p.name for p in workspace.network.partners}
    kpis = {k.id: k.name for k in workspace.rows(KPIS)}
    found = []
    for group in workspace.rows(GROUPS):
        watched = [kpis[k] for k in group_kpis(workspace, group.id) if k in kpis]
        meets = f"Meets {group.frequency[:1].lower()}{group.frequency[1:]}." if group.frequency else "Meets as needed."
        remit = f"{meets} Watches: " + ("; ".join(watched) if watched else "the KPIs the Partnership Board gives it") + "."
        members = tuple(partners[pid] for pid in group_members(workspace, group.id) if pid in partners)
        found.append(MonitoringGroupText(group.name, remit, None, members))
    return found


# ------------------------------------------------------------------------------------- Programme


def programme_timetable(workspace: Workspace) -> list[TimetableEntry]:
    """The six steps in order with their target (end) dates; empty while the programme holds none."""
    current = programme.current_step(workspace)
    rows = {s.step_id: s for s in programme.steps(workspace)}
    return [TimetableEntry(rows[step].name, rows[step].end_date, step is current, step.value)
            for step in STEP_ORDER if step in rows]


def open_checklist_items(workspace: Workspace) -> list[OpenChecklistItem]:
    """The checklist items of the steps up to and including the current one that are neither agreed nor set
    aside as not applicable (a later step's items are not open yet: the programme has not reached them)."""
    reached = STEP_ORDER[:STEP_ORDER.index(programme.current_step(workspace)) + 1]
    names = _step_names(workspace)
    partners = {p.id: p.name for p in workspace.network.partners}
    return [_entry(item, names, partners).as_open() for item in workspace.rows(ITEMS)
            if item.step_id in reached and item.status in (ItemStatus.NOT_STARTED, ItemStatus.IN_DISCUSSION)]


# The checklist items each commercial term depends on: a workstream (or any) and a word its text contains, so an
# item the room has reworded is still found while it keeps that word.
TOPICS: dict[str, tuple[tuple[str | None, str], ...]] = {
    "termination": (("commercial", "terminat"),),
    "income": (("commercial", "income"),),
    "capital": (("commercial", "capital"),),
    "assets": (("commercial", "asset"),),
    "tupe": (("commercial", "tupe"),),
    "stranded_costs": ((None, "stranded"),),
    "benefits": (("commercial", "benefit shar"),),
}


def checklist_on(workspace: Workspace, topic: str) -> list[ChecklistEntry]:
    """The checklist items about ``topic`` (one of ``TOPICS``), in programme order; not-applicable ones left out."""
    wanted = TOPICS[topic]
    names = _step_names(workspace)
    partners = {p.id: p.name for p in workspace.network.partners}
    found = [item for item in workspace.rows(ITEMS) if item.status is not ItemStatus.NOT_APPLICABLE
             and any((ws is None or item.workstream_id == ws) and word in item.text.casefold() for ws, word in wanted)]
    found.sort(key=lambda i: STEP_ORDER.index(i.step_id))
    return [_entry(item, names, partners) for item in found]


def checklist_order(workspace: Workspace) -> dict[int, tuple[int, int]]:
    """Each checklist item's place in the programme (step, then its place in the list), to list items in order."""
    return {item.id: (STEP_ORDER.index(item.step_id), n) for n, item in enumerate(workspace.rows(ITEMS))}


def _step_names(workspace: Workspace) -> dict[StepId, str]:
    return {s.step_id: s.name for s in programme.steps(workspace)}


def _entry(item: ChecklistItem, names: dict[StepId, str], partners: dict[int, str]) -> ChecklistEntry:
    owner = partners.get(item.owner_partner_id) if item.owner_partner_id is not None else None
    return ChecklistEntry(item.id, names.get(item.step_id, item.step_id.value), WORKSTREAM_NAMES[item.workstream_id],
                          defined_partner(item.text), item.status is ItemStatus.AGREED, item.status.label.lower(),
                          item.note.strip(), owner, item.due)


# ------------------------------------------------------------------------------------- Record


def open_issues(workspace: Workspace) -> list[OpenIssueText]:
    partners = {p.id: p.name for p in workspace.network.partners}
    found = []
    for entry in workspace.rows(RECORD_ENTRIES):
        if entry.kind is EntryKind.ISSUE and entry.status is EntryStatus.OPEN:
            owner = partners.get(entry.owner_partner_id) if entry.owner_partner_id is not None else None
            who = ", ".join(x for x in (entry.person, owner or "") if x) or None
            found.append(OpenIssueText(entry.text, who))
    return found
