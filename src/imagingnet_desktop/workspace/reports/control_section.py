"""The report's control section: board positions, reserved matters under the agreed votes, and KPIs.

Shape (inside ``"network"``, and at the top level beside it)::

    "control": {"positions": [{"title", "body", "partner": code | null, "next": code | null}],
                "reserved_matters": [{"title", "purpose": "none"|"exit"|"admission",
                                      "rule": {"kind", "fraction": "p/q" | null, "min_partners",
                                               "veto": [code], "quota", "description"},
                                      "escalation": {"decided_by", "deadlock_route": [stage]},
                                      "tolerance": {"kind": "none"|"gbp"|"percent", "value", "description"},
                                      "single_blockers": [code], "min_passing": [[code]],
                                      "min_passing_count": int, "problem": str | null}],
                "kpis": [{"name", "family": "quality"|"cost"|"service", "unit", "target", "tolerance", "actual",
                          "period", "status": "red"|"amber"|"green"|null}]}

``single_blockers``: partners who can stop the matter on their own under the agreed votes; ``min_passing``: the
minimal groups that can pass it (each passes and fails without any one of its members), fewest partners first:
all of them for a workshop network, the first 70 of ``min_passing_count`` in a large one.
Both come from the voting engine through ``workspace.control.matters``. ``purpose``: ``exit`` or ``admission`` for
the matter whose rule the drafts' exit or joining clause follows (at most one of each), ``none`` for the rest. A
source without Control tables (a bare network) has empty lists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from imagingnet_desktop.domain.control.monitoring import kpi_status
from imagingnet_desktop.domain.control.positions import next_holder
from imagingnet_desktop.domain.control.reserved_matters import (
    deadlock_route,
    fraction_text,
    rule_text,
    tolerance_text,
)
from imagingnet_desktop.workspace.control import matters
from imagingnet_desktop.workspace.control.control_rows import KPIS, POSITIONS
from imagingnet_desktop.workspace.control.positions import rotation

JsonValue = Any


def _number(value: Any) -> JsonValue:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def control_section(source: object) -> dict[str, JsonValue]:
    if not hasattr(source, "rows"):
        return {"positions": [], "reserved_matters": [], "kpis": []}
    workspace: Any = source
    codes = {p.id: p.code for p in workspace.network.partners}
    positions = [
        {"title": p.title, "body": p.body.value, "partner": codes.get(p.partner_id) if p.partner_id else None,
         "next": codes.get(next_holder(rotation(workspace, p.id), p.partner_id) or 0)}
        for p in workspace.rows(POSITIONS)
    ]
    agreed, outcomes = matters.matter_outcomes(workspace)
    reserved = []
    for matter, outcome in outcomes:
        veto = [codes[pid] for pid in matters.veto_partner_ids(workspace, matter.id)]
        reserved.append({
            "title": matter.title,
            "purpose": matter.purpose.value,
            "rule": {"kind": matter.rule_kind.value, "fraction": fraction_text(matter) or None,
                     "min_partners": matter.min_partners, "veto": veto,
                     "quota": outcome.game.quota if outcome.game else None,
                     "description": rule_text(matter, veto)},
            "escalation": {"decided_by": matter.decided_by.value, "deadlock_route": list(deadlock_route(matter))},
            "tolerance": {"kind": matter.tolerance_kind.value, "value": _number(matter.tolerance_value),
                          "description": tolerance_text(matter)},
            "single_blockers": agreed.codes_of(outcome.single_blockers),
            "min_passing": [agreed.codes_of(group) for group in outcome.min_passing],
            "min_passing_count": outcome.passing_total,
            "problem": outcome.problem,
        })
    kpis = []
    for kpi in workspace.rows(KPIS):
        status = kpi_status(kpi)
        kpis.append({"name": kpi.name, "family": kpi.family.value, "unit": kpi.unit, "target": _number(kpi.target),
                     "tolerance": _number(kpi.tolerance), "actual": _number(kpi.actual), "period": kpi.period,
                     "status": None if status is None else status.value})
    return {"positions": positions, "reserved_matters": reserved, "kpis": kpis}


def control_text(report: dict[str, JsonValue]) -> list[str]:
    control = report["control"]
    lines = ["Control"]
    for p in control["positions"]:
        lines.append(f"  {p['title']}: {p['partner'] or 'not allocated'}" + (f" (next {p['next']})" if p["next"] else ""))
    for m in control["reserved_matters"]:
        blockers = ", ".join(m["single_blockers"]) or "none"
        lines.append(f"  Reserved: {m['title']} — {m['rule']['description']}; blocked alone by: {blockers}")
    for k in control["kpis"]:
        lines.append(f"  KPI {k['family']}: {k['name']} — {k['status'] or 'no status'}")
    return lines


SECTIONS: list[tuple[str, Callable[[Any], JsonValue]]] = [("control", control_section)]
TEXT_SECTIONS: list[tuple[str, Callable[[dict[str, JsonValue]], list[str]]]] = [("control", control_text)]
