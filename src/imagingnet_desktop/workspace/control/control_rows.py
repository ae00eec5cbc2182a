"""The Control collections: one table per concept, each edit raising ``Change.CONTROL``."""

from __future__ import annotations

from imagingnet_desktop.domain.control.monitoring import (
    BusinessPlan,
    GroupKpi,
    GroupMember,
    Kpi,
    MonitoringGroup,
    TrustBoardApproval,
)
from imagingnet_desktop.domain.control.positions import BoardPosition, RotationTurn
from imagingnet_desktop.domain.control.reserved_matters import ReservedMatter, ReservedMatterVeto
from imagingnet_desktop.store.tables.rows import RowTable
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import Collection

POSITIONS = Collection(RowTable("board_positions", BoardPosition), Change.CONTROL, "board position")
ROTATION = Collection(RowTable("position_rotation_turns", RotationTurn), Change.CONTROL, "rotation turn")
RESERVED_MATTERS = Collection(RowTable("reserved_matters", ReservedMatter), Change.CONTROL, "reserved matter")
VETO_HOLDERS = Collection(RowTable("reserved_matter_veto_holders", ReservedMatterVeto, ordered=False),
                          Change.CONTROL, "veto")
KPIS = Collection(RowTable("kpis", Kpi), Change.CONTROL, "KPI")
GROUPS = Collection(RowTable("monitoring_groups", MonitoringGroup), Change.CONTROL, "monitoring group")
GROUP_MEMBERS = Collection(RowTable("monitoring_group_members", GroupMember, ordered=False), Change.CONTROL,
                           "group member")
GROUP_KPIS = Collection(RowTable("monitoring_group_kpis", GroupKpi, ordered=False), Change.CONTROL, "watched KPI")
PLANS = Collection(RowTable("business_plans", BusinessPlan), Change.CONTROL, "business plan")
APPROVALS = Collection(RowTable("trust_board_approvals", TrustBoardApproval, ordered=False), Change.CONTROL,
                       "Trust Board approval")
