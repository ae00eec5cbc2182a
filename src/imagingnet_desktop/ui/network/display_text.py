"""Partner and network figures as text a room can read at a glance (no Qt here, so it is easy to test).

Display text only: the table's edit role and the file keep the exact values.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from imagingnet_desktop.domain.network.network import CheckStatus, NetworkCheck, NetworkTotals
from imagingnet_desktop.domain.network.partner import FieldKind, FieldSpec

MISSING = "—"


def cell_text(spec: FieldSpec, value: object) -> str:
    """How a partner's value shows in the table: £30,980,000 · 14% · 1,234 · Yes · — for missing."""
    if value is None or value == "":
        return MISSING
    kind = spec.kind
    if kind is FieldKind.YES_NO:
        return "Yes" if value else "No"
    if kind is FieldKind.COUNT:
        return f"{int(value):,}"  # type: ignore[call-overload]
    if kind is FieldKind.DECIMAL:
        return number(Decimal(value))  # type: ignore[arg-type]
    if kind is FieldKind.PERCENT:
        return f"{number(Decimal(value))}%"  # type: ignore[arg-type]
    if kind is FieldKind.MONEY:
        return money(Decimal(value))  # type: ignore[arg-type]
    return str(value)


def edit_text(spec: FieldSpec, value: object) -> str:
    """The exact value as the editor starts with it: no separators or symbols, empty for missing."""
    if value is None:
        return ""
    if spec.kind is FieldKind.YES_NO:
        return "Yes" if value else "No"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def number(value: Decimal, places: int = 2) -> str:
    """1,478 · 12.5 · 12.35 (at most ``places`` decimals, no trailing zeros)."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return f"{int(rounded):,}"
    return f"{rounded.normalize():,f}"


def money(value: Decimal) -> str:
    """£ with no pence when whole, else to the penny: £30,980,000 · £1,234.50."""
    if value == value.to_integral_value():
        return f"£{int(value):,}"
    return f"£{value.quantize(Decimal('0.01')):,}"


def people(value: Decimal | int) -> str:
    """A population in few characters: 2.45m · 640k · 900."""
    value = Decimal(value)
    if value >= 1_000_000:
        return f"{(value / 1_000_000).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}m"
    if value >= 10_000:
        return f"{int((value / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP)):,}k"
    return f"{int(value):,}"


def millions(value: Decimal | int) -> str:
    """A range bound in millions: 1.5m · 4.5m."""
    return f"{(Decimal(value) / 1_000_000).normalize():f}m"


# --------------------------------------------------------------------------- dashboard tiles

STATUS_SYMBOL = {
    CheckStatus.WITHIN: "✓",
    CheckStatus.BELOW: "▼",
    CheckStatus.ABOVE: "▲",
    CheckStatus.NO_DATA: "?",
}
DRIVER_CHECKS = frozenset({"staff_vacancy", "radiologist_vacancy"})
SHORT_LABELS = {
    "population": "Population served",
    "staff": "Imaging staff",
    "radiologists": "Consultant radiologists",
    "staff_vacancy": "Staff vacancies",
    "radiologist_vacancy": "Radiologist vacancies",
}


def check_figure(check: NetworkCheck) -> tuple[str, str]:
    """The big number and its unit: ("2.45m", "people") · ("1,478", "WTE") · ("15.6%", "")."""
    if check.value is None:
        return MISSING, ""
    if check.unit == "%":
        return f"{check.value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%", ""
    if check.unit == "people":
        return people(check.value), "people"
    return number(check.value, 1), check.unit


def check_reference(check: NetworkCheck) -> str:
    """The range or threshold the figure is held against, in few words."""
    if check.id in DRIVER_CHECKS:
        return f"driver: above {number(check.max)}%"
    if check.unit == "people":
        return f"national range {millions(check.min)[:-1]}–{millions(check.max)}"
    return f"national range {number(check.min)}–{number(check.max)}"


def check_verdict(check: NetworkCheck) -> str:
    """Symbol and plain words: "✓ Within range" · "▼ Below range" · "▲ Above 15%" (a driver is present)."""
    symbol = STATUS_SYMBOL[check.status]
    if check.status is CheckStatus.NO_DATA:
        return f"{symbol} No figures yet"
    if check.id in DRIVER_CHECKS:
        return f"{symbol} {check.status.value.capitalize()} {number(check.max)}%"
    return f"{symbol} {check.status.value.capitalize()} range"


def check_sentence(check: NetworkCheck) -> str:
    """The whole verdict as one plain sentence (tooltips, screen readers)."""
    figure, unit = check_figure(check)
    shown = f"{figure} {unit}".strip()
    if check.status is CheckStatus.NO_DATA:
        return f"{check.label}: no figures yet"
    if check.id in DRIVER_CHECKS:
        limit = f"{number(check.max)}%"
        if check.status is CheckStatus.ABOVE:
            return f"{check.label}: {shown} — above the {limit} driver, a reason to form a network"
        return f"{check.label}: {shown} — within the {limit} driver"
    low, high = check_reference(check).removeprefix("national range ").split("–")
    return f"{check.label}: {shown} — {check.status.value} the national range of {low}–{high}"


def trust_mix(t: NetworkTotals) -> str:
    """3 Foundation Trusts, 2 NHS Trusts."""
    return f"{_count(t.foundation_trusts, 'Foundation Trust')}, {_count(t.other_trusts, 'NHS Trust')}"


def jv_note(t: NetworkTotals) -> str:
    """What the mix means for the most binding commercial model."""
    if t.foundation_trusts + t.other_trusts == 0:
        return "Add the partner trusts to see the mix"
    if t.other_trusts == 0:
        return "All are Foundation Trusts: a private JV is open to every partner"
    return "A private JV is open to Foundation Trusts only"


def linked_networks(t: NetworkTotals) -> list[tuple[str, str]]:
    """(heading, names) for the clinical networks the partners link to."""
    return [
        ("Cancer Alliances", ", ".join(t.cancer_alliances) or "none recorded"),
        ("PPCI centres", ", ".join(t.ppci_centres) or "none"),
        ("Hyper-acute stroke units", ", ".join(t.hyper_acute_stroke_units) or "none"),
    ]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
