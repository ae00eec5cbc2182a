"""The annual business plan cycle, the monitoring groups and the KPIs they watch, with an explicit RAG rule.

RAG rule (``kpi_status``), said in words on screen: with a target and an actual, a KPI is green when the actual is
on the good side of the target (or on it); amber when it is past the target by no more than the tolerance; red
beyond that. Which side is good is the KPI's ``better`` (lower or higher). No actual or no target: no status.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from imagingnet_desktop.domain.control.typed_values import MAX_TITLE_LENGTH, show_number
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.typed_text import clean_text


class KpiFamily(StrEnum):
    QUALITY = "quality"
    COST = "cost"
    SERVICE = "service"

    @property
    def label(self) -> str:
        return {"quality": "Quality", "cost": "Cost", "service": "Service level"}[self.value]


class Better(StrEnum):
    LOWER = "lower"
    HIGHER = "higher"


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


RAG_WORDS = {Rag.GREEN: "✔ On target", Rag.AMBER: "▲ Within tolerance", Rag.RED: "✖ Off target"}
NO_STATUS_WORDS = "– No status"


@dataclass(frozen=True)
class Kpi:
    id: int
    name: str
    family: KpiFamily = KpiFamily.QUALITY
    unit: str = "%"
    better: Better = Better.LOWER
    target: Decimal | None = None
    tolerance: Decimal | None = None
    actual: Decimal | None = None
    period: str = ""


def validate_kpi(kpi: Kpi) -> Kpi:
    name = clean_text("A KPI's name", kpi.name, limit=MAX_TITLE_LENGTH)
    unit = clean_text("A KPI's unit", kpi.unit, required=False, limit=20)
    period = clean_text("A KPI's period", kpi.period, required=False, limit=40)
    if kpi.tolerance is not None and kpi.tolerance < 0:
        raise FieldError(f"A tolerance cannot be negative ({kpi.tolerance}).")
    return replace(kpi, name=name, unit=unit, period=period)


def kpi_status(kpi: Kpi) -> Rag | None:
    if kpi.actual is None or kpi.target is None:
        return None
    past = kpi.actual - kpi.target if kpi.better is Better.LOWER else kpi.target - kpi.actual
    if past <= 0:
        return Rag.GREEN
    if past <= (kpi.tolerance or Decimal(0)):
        return Rag.AMBER
    return Rag.RED


def status_words(status: Rag | None) -> str:
    return NO_STATUS_WORDS if status is None else RAG_WORDS[status]


def status_reason(kpi: Kpi) -> str:
    """Why the KPI has its status, in words the room can check."""
    status = kpi_status(kpi)
    if kpi.target is None:
        return "No target set."
    if kpi.actual is None:
        return "No actual figure yet."
    unit = kpi.unit
    target, actual = _figure(kpi.target, unit), _figure(kpi.actual, unit)
    side = "at or below" if kpi.better is Better.LOWER else "at or above"
    if status is Rag.GREEN:
        return f"{actual} is {side} the target of {target}."
    tolerance = _figure(kpi.tolerance or Decimal(0), unit)
    if status is Rag.AMBER:
        return f"{actual} misses the target of {target} by no more than the tolerance of {tolerance}."
    return f"{actual} misses the target of {target} by more than the tolerance of {tolerance}."


def rule_words(kpi: Kpi) -> str:
    good = "lower" if kpi.better is Better.LOWER else "higher"
    return (f"Green: the target or {good}. Amber: past the target by up to the tolerance. "
            "Red: past it by more.")


def _figure(value: Decimal, unit: str) -> str:
    if unit == "£":
        return f"£{show_number(value)}"
    return f"{show_number(value)}{unit}" if unit == "%" else f"{show_number(value)} {unit}".strip()


# ---------------------------------------------------------------------------- monitoring groups


@dataclass(frozen=True)
class MonitoringGroup:
    id: int
    name: str
    frequency: str = "Monthly"


@dataclass(frozen=True)
class GroupMember:
    """Partner ``partner_id`` sits on monitoring group ``monitoring_group_id``."""

    id: int
    monitoring_group_id: int
    partner_id: int


@dataclass(frozen=True)
class GroupKpi:
    """Monitoring group ``monitoring_group_id`` watches KPI ``kpi_id``."""

    id: int
    monitoring_group_id: int
    kpi_id: int


def validate_group(group: MonitoringGroup) -> MonitoringGroup:
    return replace(group, name=clean_text("A group's name", group.name, limit=MAX_TITLE_LENGTH),
                   frequency=clean_text("A group's frequency", group.frequency, required=False, limit=40))


# ---------------------------------------------------------------------------- business plan


@dataclass(frozen=True)
class BusinessPlan:
    """One year's business plan: drafted, taken to the Partnership Board, then to every Trust Board."""

    id: int
    year: str
    draft_date: date | None = None
    partnership_board_date: date | None = None


@dataclass(frozen=True)
class TrustBoardApproval:
    """Partner ``partner_id``'s Trust Board approves (or is due to approve) plan ``business_plan_id`` on ``date``."""

    id: int
    business_plan_id: int
    partner_id: int
    approval_date: date | None = None


def validate_plan(plan: BusinessPlan) -> BusinessPlan:
    year = clean_text("A business plan's year", plan.year, limit=20)
    if plan.draft_date and plan.partnership_board_date and plan.partnership_board_date < plan.draft_date:
        raise FieldError("The Partnership Board cannot approve the plan before it is drafted.")
    return replace(plan, year=year)


def plan_status(plan: BusinessPlan, approvals: dict[int, date | None], partner_ids: list[int], today: date) -> str:
    """Where the plan stands, in words: a date on or before today has happened; a later one is planned."""
    def done(day: date | None) -> bool:
        return day is not None and day <= today

    if not done(plan.draft_date):
        return "Being drafted"
    if not done(plan.partnership_board_date):
        return "Drafted: awaiting the Partnership Board"
    waiting = [pid for pid in partner_ids if not done(approvals.get(pid))]
    if not partner_ids:
        return "Approved by the Partnership Board"
    if waiting:
        return f"At the Trust Boards: {len(partner_ids) - len(waiting)} of {len(partner_ids)} approved"
    return "✔ Approved by every Trust Board"
