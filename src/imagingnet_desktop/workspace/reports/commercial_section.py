"""The report's commercial section (``imagingnet report --json``: ``"commercial"``, beside ``"network"``).

Shape::

    "commercial": {"current_model": name | null, "preferred_model": name | null, "host": partner code | null,
                   "options": [{"id", "name", "status": "long_list"|"ruled_out"|"short_list"|"preferred",
                                "reason", "score"}],
                   "criteria": [{"id", "name", "weight"}],
                   "robustness": [{"criterion", "weight", "flip_at", "new_leader"}],
                   "eligibility": [{"model", "ok", "message"}]}

``score`` is the weighted total (0-10, 2 dp) of a fully scored short-listed option, else null; ``weight`` and
``flip_at`` are percentages of the total weight (2 dp); ``flip_at`` is the nearest weight, up or down, at which
another option would lead (``new_leader``), null when none does between 0 and 100%. ``eligibility`` has one entry
per option on the list, in list order.
"""

from __future__ import annotations

from typing import Any

from imagingnet_desktop.domain.commercial.appraisal import STATUS_WORDS, OptionStatus
from imagingnet_desktop.workspace.commercial.summary import commercial_view

JsonValue = Any


def _pct(share: float) -> float:
    return round(float(share) * 100, 2)


def commercial_section(source: object) -> dict[str, JsonValue]:
    view = commercial_view(source)
    preferred = view.preferred
    host = view.host if preferred is not None else None
    names = view.ranking.matrix_names
    robustness = []
    for item in view.robustness:
        flip = item.sensitivity.nearest
        robustness.append({
            "criterion": item.criterion.name,
            "weight": _pct(item.weight_share),
            "flip_at": None if flip is None else _pct(float(flip.at)),
            "new_leader": None if flip is None else names[flip.new_leader],
        })
    return {
        "current_model": view.current_model.name if view.current_model is not None else None,
        "preferred_model": preferred.name if preferred is not None else None,
        "host": host.code if host is not None else None,
        "options": [
            {"id": o.id, "name": o.name, "status": o.status.value, "reason": o.reason or None,
             "score": _total(view, o.id)}
            for o in view.options
        ],
        "criteria": [{"id": c.id, "name": c.name, "weight": c.weight} for c in view.criteria],
        "robustness": robustness,
        "eligibility": [
            {"model": verdict.model_name, "ok": verdict.ok, "message": verdict.message}
            for verdict in (view.eligibility[o.id] for o in view.options if o.id in view.eligibility)
        ],
    }


def _total(view: Any, option_id: int) -> float | None:
    total = view.ranking.total_of(option_id)
    return None if total is None else round(float(total), 2)


def _text(report: dict[str, JsonValue]) -> list[str]:
    section = report["commercial"]
    lines = ["Commercial model",
             f"  Current model    {section['current_model'] or '-'}",
             f"  Preferred model  {section['preferred_model'] or 'not chosen yet'}"
             + (f" (hosted by {section['host']})" if section["host"] else "")]
    for option in section["options"]:
        score = "" if option["score"] is None else f"  {option['score']:.2f}"
        reason = f"  ({option['reason']})" if option["reason"] else ""
        symbol, words = STATUS_WORDS[OptionStatus(option["status"])]
        lines.append(f"  {symbol} {words:<10}  {option['name']}{score}{reason}")
    lines += [f"  ! {e['message']}" for e in section["eligibility"] if not e["ok"]]
    return lines


SECTIONS = [("commercial", commercial_section)]
TEXT_SECTIONS = [("commercial", _text)]
