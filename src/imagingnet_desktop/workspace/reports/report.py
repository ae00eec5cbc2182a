"""The network report: a plain dict (what ``imagingnet report --json`` prints) and its plain-text form.

Shape (``build_report``)::

    {"network": {"name": str,
                 "partners": [{code, name, organisation_type, ...every template field, in template order}],
                 "totals": {population_served, imaging_exams_per_year, imaging_staff_wte,
                            consultant_radiologists_wte, staff_vacancy_rate_pct, radiologist_vacancy_rate_pct,
                            foundation_trusts, other_trusts, ics, cancer_alliances, ppci_centres,
                            hyper_acute_stroke_units},
                 "checks": [{id, label, value, min, max, status, unit, explanation}],
                 "shares": ..., "shares_notes": ..., "shares_blend": ..., "voting": ...}}  (see report_shares)

Values are JSON-ready: a ``Decimal`` becomes an ``int`` when whole and a ``float`` otherwise; yes/no fields are
booleans; a missing figure, and an empty optional text field (ICS, Cancer Alliance), is ``None`` (JSON null).

Check ``status`` is ``"within"``, ``"below"`` or ``"above"``. The vacancy checks compare the network's
WTE-weighted vacancy rate with the driver threshold (``min`` 0, ``max`` the threshold). While no partner has
both a WTE and a vacancy rate there is nothing to weigh: that check has ``value`` null and status
``"no_data"`` — never a made-up "within".

Each part of the report is one section function taking the report source (a ``Workspace``, or anything with
``network`` and ``tab_state(key, default)``). Later sections (shares, voting) are added by appending
``(key, function)`` to ``NETWORK_SECTIONS`` and, for the text form, ``(key, renderer)`` to ``TEXT_SECTIONS``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Protocol

from imagingnet_desktop.domain.figure_text import plural
from imagingnet_desktop.domain.network.network import CheckStatus, Network, checks, totals
from imagingnet_desktop.domain.network.partner import PARTNER_FIELDS, FieldKind
from imagingnet_desktop.workspace.reports import commercial_section as report_commercial
from imagingnet_desktop.workspace.reports import control_section as report_control
from imagingnet_desktop.workspace.reports import programme_section
from imagingnet_desktop.workspace.reports import record_section as report_record
from imagingnet_desktop.workspace.reports import shares_section as report_shares

JsonValue = Any
STATUS_NO_DATA = "no_data"


class ReportSource(Protocol):
    @property
    def network(self) -> Network: ...

    def tab_state(self, key: str, default: object = None) -> object: ...


class NetworkOnly:
    """A report source for a bare ``Network`` (no saved tab state)."""

    def __init__(self, network: Network) -> None:
        self._network = network

    @property
    def network(self) -> Network:
        return self._network

    def tab_state(self, key: str, default: object = None) -> object:
        return default


# --------------------------------------------------------------------------- values


def json_number(value: Decimal | int | None) -> int | float | None:
    """``Decimal`` -> ``int`` when whole, else ``float``; ``None`` stays ``None``."""
    if value is None:
        return None
    if isinstance(value, bool):  # pragma: no cover - guarded by callers, bool is an int
        raise TypeError("a yes/no value is not a number")
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def json_value(value: object) -> JsonValue:
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, Decimal | int):
        return json_number(value)
    raise TypeError(f"no JSON form for {type(value).__name__}")


_OPTIONAL_TEXT = frozenset(f.name for f in PARTNER_FIELDS if f.kind is FieldKind.TEXT and not f.required)


# --------------------------------------------------------------------------- sections


def name_section(source: ReportSource) -> str:
    return source.network.name


def partners_section(source: ReportSource) -> list[dict[str, JsonValue]]:
    rows = []
    for partner in source.network.partners:
        row: dict[str, JsonValue] = {}
        for name, value in partner.baseline().items():
            row[name] = None if name in _OPTIONAL_TEXT and value == "" else json_value(value)
        rows.append(row)
    return rows


def totals_section(source: ReportSource) -> dict[str, JsonValue]:
    t = totals(source.network)
    return {
        "population_served": t.population_served,
        "imaging_exams_per_year": t.imaging_exams_per_year,
        "imaging_staff_wte": json_number(t.imaging_staff_wte),
        "consultant_radiologists_wte": json_number(t.consultant_radiologists_wte),
        "staff_vacancy_rate_pct": json_number(t.staff_vacancy_rate_pct),
        "radiologist_vacancy_rate_pct": json_number(t.radiologist_vacancy_rate_pct),
        "foundation_trusts": t.foundation_trusts,
        "other_trusts": t.other_trusts,
        "ics": list(t.ics_names),
        "cancer_alliances": list(t.cancer_alliances),
        "ppci_centres": list(t.ppci_centres),
        "hyper_acute_stroke_units": list(t.hyper_acute_stroke_units),
    }


def checks_section(source: ReportSource) -> list[dict[str, JsonValue]]:
    return [
        {
            "id": check.id,
            "label": check.label,
            "value": json_number(check.value),
            "min": json_number(check.min),
            "max": json_number(check.max),
            "status": STATUS_NO_DATA if check.status is CheckStatus.NO_DATA else check.status.value,
            "unit": check.unit,
            "explanation": check.explanation,
        }
        for check in checks(source.network)
    ]


Section = tuple[str, Callable[[ReportSource], JsonValue]]

TOP_LEVEL_KEYS = ("shares", "voting", "programme", "commercial", "control", "record")
NETWORK_SECTIONS: list[Section] = [
    ("name", name_section),
    ("partners", partners_section),
    ("totals", totals_section),
    ("checks", checks_section),
    *report_shares.SECTIONS,  # the agreed shares & votes scenario: shares, shares_notes, shares_blend, voting
    *programme_section.SECTIONS,  # current step, completeness per step x workstream, what blocks the next
    *report_commercial.SECTIONS,  # the commercial model and its options appraisal
    *report_control.SECTIONS,  # board positions, reserved matters under the agreed votes, KPIs
    *report_record.SECTIONS,  # decisions, actions, revealed motions
]


def build_report(source: ReportSource, sections: list[Section] | None = None) -> dict[str, JsonValue]:
    """The whole report as plain JSON-ready data."""
    chosen = NETWORK_SECTIONS if sections is None else sections
    network = {key: build(source) for key, build in chosen}
    report: dict[str, JsonValue] = {"network": network}
    # The agreed shares and votes also stand at the top level, beside "network", where scripts look first.
    report.update({key: network[key] for key in TOP_LEVEL_KEYS if key in network})
    return report


def network_report(network: Network) -> dict[str, JsonValue]:
    """The report of a bare network (what the UI can show without a workspace)."""
    return build_report(NetworkOnly(network))


# --------------------------------------------------------------------------- plain text

_TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "Code"),
    ("name", "Name"),
    ("organisation_type", "Type"),
    ("population_served", "Population"),
    ("imaging_exams_per_year", "Exams/year"),
    ("imaging_staff_wte", "Staff WTE"),
    ("consultant_radiologists_wte", "Radiologists WTE"),
    ("staff_vacancy_rate_pct", "Staff vac %"),
    ("radiologist_vacancy_rate_pct", "Rad. vac %"),
)
_SHORT_TYPE = {"NHS Foundation Trust": "FT", "NHS Trust": "Trust"}


def _figure(value: JsonValue) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def _partners_text(report: dict[str, JsonValue]) -> list[str]:
    partners = report["partners"]
    totals_ = report["totals"]
    lines = [
        f"Partners ({len(partners)}: {plural(totals_['foundation_trusts'], 'NHS Foundation Trust')}, "
        f"{plural(totals_['other_trusts'], 'NHS Trust')})"
    ]
    if not partners:
        return [*lines, "  (no partners yet)"]
    cells = [[title for _, title in _TABLE_COLUMNS]]
    for partner in partners:
        row = []
        for key, _ in _TABLE_COLUMNS:
            value = partner[key]
            row.append(_SHORT_TYPE.get(value, value) if key == "organisation_type" else _figure(value))
        cells.append(row)
    widths = [max(len(row[i]) for row in cells) for i in range(len(_TABLE_COLUMNS))]
    for row in cells:
        parts = [
            cell.ljust(width) if i < 3 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  " + "  ".join(parts).rstrip())
    return lines


def _totals_text(report: dict[str, JsonValue]) -> list[str]:
    t = report["totals"]

    def listed(values: list[str]) -> str:
        return ", ".join(values) if values else "none"

    return [
        "Totals",
        f"  Population served              {_figure(t['population_served'])}",
        f"  Imaging examinations per year  {_figure(t['imaging_exams_per_year'])}",
        f"  Imaging staff                  {_figure(t['imaging_staff_wte'])} WTE",
        f"  Consultant radiologists        {_figure(t['consultant_radiologists_wte'])} WTE",
        f"  Integrated care systems        {listed(t['ics'])}",
        f"  Cancer Alliances               {listed(t['cancer_alliances'])}",
        f"  PPCI centres                   {listed(t['ppci_centres'])}",
        f"  Hyper-acute stroke units       {listed(t['hyper_acute_stroke_units'])}",
    ]


def _checks_text(report: dict[str, JsonValue]) -> list[str]:
    lines = ["Checks against the national characteristics and drivers"]
    width = max((len(check["label"]) for check in report["checks"]), default=0)
    for check in report["checks"]:
        status = "no data" if check["status"] == STATUS_NO_DATA else check["status"]
        lines.append(f"  {status:<7}  {check['label']:<{width}}  {check['explanation']}")
    return lines


TextRenderer = Callable[[dict[str, JsonValue]], list[str]]
TEXT_SECTIONS: list[tuple[str, TextRenderer]] = [
    ("partners", _partners_text),
    ("totals", _totals_text),
    ("checks", _checks_text),
    *report_shares.TEXT_SECTIONS,
    *programme_section.TEXT_SECTIONS,
    *report_commercial.TEXT_SECTIONS,
    *report_control.TEXT_SECTIONS,
]


def render_text(report: dict[str, JsonValue]) -> str:
    """A readable plain-text form of ``build_report``'s result."""
    network = report["network"]
    title = f"Network: {network['name']}"
    blocks = [[title, "=" * len(title)]]
    for key, render in TEXT_SECTIONS:
        if key in network:
            blocks.append(render(network))
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
