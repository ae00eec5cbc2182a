"""KPIs, monitoring groups (their members and the KPIs they watch) and the business plan cycle in the workspace."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from imagingnet_desktop.domain.control.monitoring import (
    BusinessPlan,
    GroupKpi,
    GroupMember,
    Kpi,
    MonitoringGroup,
    TrustBoardApproval,
    validate_group,
    validate_kpi,
    validate_plan,
)
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import UpdateRow, insert_row
from imagingnet_desktop.workspace.commands import Command
from imagingnet_desktop.workspace.control.control_rows import (
    APPROVALS,
    GROUP_KPIS,
    GROUP_MEMBERS,
    GROUPS,
    KPIS,
    PLANS,
)
from imagingnet_desktop.workspace.control.links import delete_with_links, link_commands, run

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace


# ---------------------------------------------------------------------------- KPIs


def add_kpi(workspace: Workspace, name: str, **fields: Any) -> Kpi:
    kpi = validate_kpi(Kpi(0, name, **fields))
    return insert_row(workspace, KPIS, kpi, label=f"add KPI {kpi.name}")


def edit_kpi(workspace: Workspace, kpi_id: int, label: str | None = None, **changes: Any) -> Change:
    old = workspace.row(KPIS, kpi_id)
    new = validate_kpi(replace(old, **changes))
    if new == old:
        return Change.NONE
    return workspace.execute(UpdateRow(KPIS, new, label=label or f"edit KPI {new.name}"))


def delete_kpi(workspace: Workspace, kpi_id: int) -> Change:
    name = workspace.row(KPIS, kpi_id).name
    return delete_with_links(workspace, KPIS, kpi_id, f"delete KPI {name}", [(GROUP_KPIS, lambda g: g.kpi_id == kpi_id)])


# ---------------------------------------------------------------------------- monitoring groups


def group_members(workspace: Workspace, group_id: int) -> tuple[int, ...]:
    """Member partner ids in network order."""
    members = {m.partner_id for m in workspace.rows(GROUP_MEMBERS) if m.monitoring_group_id == group_id}
    return tuple(p.id for p in workspace.network.partners if p.id in members)


def group_kpis(workspace: Workspace, group_id: int) -> tuple[int, ...]:
    """Watched KPI ids in the KPIs' order."""
    watched = {g.kpi_id for g in workspace.rows(GROUP_KPIS) if g.monitoring_group_id == group_id}
    return tuple(k.id for k in workspace.rows(KPIS) if k.id in watched)


def add_group(workspace: Workspace, name: str) -> MonitoringGroup:
    group = validate_group(MonitoringGroup(0, name))
    return insert_row(workspace, GROUPS, group, label=f"add group {group.name}")


def edit_group(workspace: Workspace, group_id: int, **changes: Any) -> Change:
    old = workspace.row(GROUPS, group_id)
    new = validate_group(replace(old, **changes))
    if new == old:
        return Change.NONE
    return workspace.execute(UpdateRow(GROUPS, new, label=f"edit group {new.name}"))


def set_members(workspace: Workspace, group_id: int, partner_ids: list[int]) -> Change:
    known = {p.id for p in workspace.network.partners}
    if any(pid not in known for pid in partner_ids):
        raise FieldError("A member is not a partner in the network.")
    group = workspace.row(GROUPS, group_id)
    rows = [GroupMember(0, group_id, pid) for pid in dict.fromkeys(partner_ids)]
    return run(workspace, f"members of {group.name}",
               link_commands(workspace, GROUP_MEMBERS, lambda m: m.monitoring_group_id == group_id, rows))


def set_watched(workspace: Workspace, group_id: int, kpi_id: int, watched: bool) -> Change:
    """Whether the group watches this KPI."""
    group = workspace.row(GROUPS, group_id)
    ids = [k for k in group_kpis(workspace, group_id) if k != kpi_id] + ([kpi_id] if watched else [])
    rows = [GroupKpi(0, group_id, k) for k in ids]
    kpi = workspace.row(KPIS, kpi_id)
    label = f"{group.name} {'watches' if watched else 'stops watching'} {kpi.name}"
    return run(workspace, label,
               link_commands(workspace, GROUP_KPIS, lambda g: g.monitoring_group_id == group_id, rows))


def delete_group(workspace: Workspace, group_id: int) -> Change:
    name = workspace.row(GROUPS, group_id).name
    return delete_with_links(workspace, GROUPS, group_id, f"delete group {name}",
                             [(GROUP_MEMBERS, lambda m: m.monitoring_group_id == group_id),
                              (GROUP_KPIS, lambda g: g.monitoring_group_id == group_id)])


# ---------------------------------------------------------------------------- business plan


def approvals(workspace: Workspace, plan_id: int) -> dict[int, date | None]:
    """Each Trust Board's approval date for this plan, by partner id (partners without one are absent)."""
    return {a.partner_id: a.approval_date for a in workspace.rows(APPROVALS) if a.business_plan_id == plan_id}


def add_plan(workspace: Workspace, year: str) -> BusinessPlan:
    plan = validate_plan(BusinessPlan(0, year))
    if any(p.year.casefold() == plan.year.casefold() for p in workspace.rows(PLANS)):
        raise FieldError(f"There is already a business plan for {plan.year}.")
    return insert_row(workspace, PLANS, plan, label=f"add business plan {plan.year}")


def edit_plan(workspace: Workspace, plan_id: int, **changes: Any) -> Change:
    old = workspace.row(PLANS, plan_id)
    new = validate_plan(replace(old, **changes))
    if new == old:
        return Change.NONE
    return workspace.execute(UpdateRow(PLANS, new, label=f"edit business plan {new.year}"))


def set_approval(workspace: Workspace, plan_id: int, partner_id: int, day: date | None) -> Change:
    """A Trust Board's approval date (``None``: not set)."""
    plan = workspace.row(PLANS, plan_id)
    if plan.partnership_board_date and day and day < plan.partnership_board_date:
        raise FieldError("A Trust Board approves the plan after the Partnership Board has.")
    code = next(p.code for p in workspace.network.partners if p.id == partner_id)
    rows = [] if day is None else [TrustBoardApproval(0, plan_id, partner_id, day)]
    steps: list[Command] = link_commands(
        workspace, APPROVALS, lambda a: a.business_plan_id == plan_id and a.partner_id == partner_id, rows)
    return run(workspace, f"{code} Trust Board date for {plan.year}", steps)


def delete_plan(workspace: Workspace, plan_id: int) -> Change:
    year = workspace.row(PLANS, plan_id).year
    return delete_with_links(workspace, PLANS, plan_id, f"delete business plan {year}",
                             [(APPROVALS, lambda a: a.business_plan_id == plan_id)])
