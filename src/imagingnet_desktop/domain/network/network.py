"""The network: its partners, totals, and how they compare with the national characteristics."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.typed_text import clean_text

# The national strategy's characteristics of a network and the drivers of change.
POPULATION_RANGE = (1_500_000, 4_500_000)
STAFF_RANGE = (800, 1_500)
RADIOLOGISTS_RANGE = (80, 150)
STAFF_VACANCY_DRIVER_PCT = 15
RADIOLOGIST_VACANCY_DRIVER_PCT = 12


class CheckStatus(Enum):
    WITHIN = "within"
    BELOW = "below"
    ABOVE = "above"
    NO_DATA = "no data"


@dataclass(frozen=True)
class NetworkCheck:
    """One figure of the network against a national range or a driver threshold."""

    id: str
    label: str
    value: Decimal | None
    min: Decimal
    max: Decimal
    status: CheckStatus
    unit: str  # "people", "WTE" or "%"
    explanation: str


@dataclass(frozen=True)
class Network:
    name: str
    partners: tuple[Partner, ...] = field(default_factory=tuple)

    def partner(self, partner_id: int) -> Partner:
        for p in self.partners:
            if p.id == partner_id:
                return p
        raise KeyError(partner_id)

    def index_of(self, partner_id: int) -> int:
        for i, p in enumerate(self.partners):
            if p.id == partner_id:
                return i
        raise KeyError(partner_id)

    def by_code(self, code: str) -> Partner | None:
        key = code.casefold()
        return next((p for p in self.partners if p.code.casefold() == key), None)


@dataclass(frozen=True)
class NetworkTotals:
    population_served: int
    imaging_exams_per_year: int
    imaging_staff_wte: Decimal
    consultant_radiologists_wte: Decimal
    staff_vacancy_rate_pct: Decimal | None
    radiologist_vacancy_rate_pct: Decimal | None
    foundation_trusts: int
    other_trusts: int
    ics_names: tuple[str, ...]
    cancer_alliances: tuple[str, ...]
    ppci_centres: tuple[str, ...]  # partner codes
    hyper_acute_stroke_units: tuple[str, ...]  # partner codes


def totals(network: Network) -> NetworkTotals:
    ps = network.partners
    return NetworkTotals(
        population_served=sum(p.population_served or 0 for p in ps),
        imaging_exams_per_year=sum(p.imaging_exams_per_year or 0 for p in ps),
        imaging_staff_wte=sum((p.imaging_staff_wte or Decimal(0) for p in ps), Decimal(0)),
        consultant_radiologists_wte=sum((p.consultant_radiologists_wte or Decimal(0) for p in ps), Decimal(0)),
        staff_vacancy_rate_pct=weighted_rate(ps, "imaging_staff_wte", "staff_vacancy_rate_pct"),
        radiologist_vacancy_rate_pct=weighted_rate(ps, "consultant_radiologists_wte", "radiologist_vacancy_rate_pct"),
        foundation_trusts=sum(1 for p in ps if p.is_foundation_trust),
        other_trusts=sum(1 for p in ps if not p.is_foundation_trust),
        ics_names=_distinct(p.ics for p in ps),
        cancer_alliances=_distinct(p.cancer_alliance for p in ps),
        ppci_centres=tuple(p.code for p in ps if p.ppci_centre),
        hyper_acute_stroke_units=tuple(p.code for p in ps if p.hyper_acute_stroke_unit),
    )


def weighted_rate(partners: tuple[Partner, ...], weight_field: str, rate_field: str) -> Decimal | None:
    """The network rate: each partner's rate weighted by its WTE in post. None when nothing to weigh."""
    pairs = [(getattr(p, weight_field), getattr(p, rate_field)) for p in partners]
    pairs = [(w, r) for w, r in pairs if w is not None and r is not None and w > 0]
    total = sum((w for w, _ in pairs), Decimal(0))
    if total == 0:
        return None
    return sum((w * r for w, r in pairs), Decimal(0)) / total


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return tuple(out)


def checks(network: Network) -> tuple[NetworkCheck, ...]:
    t = totals(network)
    return (
        _range_check("population", "Population served", Decimal(t.population_served), POPULATION_RANGE, "people"),
        _range_check("staff", "Imaging staff", t.imaging_staff_wte, STAFF_RANGE, "WTE"),
        _range_check("radiologists", "Consultant radiologists", t.consultant_radiologists_wte, RADIOLOGISTS_RANGE, "WTE"),
        _driver_check("staff_vacancy", "Staff vacancy rate", t.staff_vacancy_rate_pct, STAFF_VACANCY_DRIVER_PCT),
        _driver_check(
            "radiologist_vacancy", "Radiologist vacancy rate", t.radiologist_vacancy_rate_pct,
            RADIOLOGIST_VACANCY_DRIVER_PCT,
        ),
    )


def _range_check(check_id: str, label: str, value: Decimal, bounds: tuple[int, int], unit: str) -> NetworkCheck:
    low, high = Decimal(bounds[0]), Decimal(bounds[1])
    if value < low:
        status, words = CheckStatus.BELOW, f"below the national range of {_fmt(low)}–{_fmt(high)} {unit}"
    elif value > high:
        status, words = CheckStatus.ABOVE, f"above the national range of {_fmt(low)}–{_fmt(high)} {unit}"
    else:
        status, words = CheckStatus.WITHIN, f"within the national range of {_fmt(low)}–{_fmt(high)} {unit}"
    return NetworkCheck(check_id, label, value, low, high, status, unit, f"{_fmt(value)} {unit}: {words}")


def _driver_check(check_id: str, label: str, value: Decimal | None, threshold: int) -> NetworkCheck:
    limit = Decimal(threshold)
    if value is None:
        return NetworkCheck(check_id, label, None, Decimal(0), limit, CheckStatus.NO_DATA, "%",
                            "no WTE or vacancy figures yet")
    if value > limit:
        status, words = CheckStatus.ABOVE, f"above the {threshold}% that drives the case for a network"
    else:
        status, words = CheckStatus.WITHIN, f"within the {threshold}% driver threshold"
    return NetworkCheck(check_id, label, value, Decimal(0), limit, status, "%", f"{value:.1f}%: {words}")


def _fmt(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,.1f}"


MAX_NETWORK_NAME_LENGTH = 200


def checked_network_name(raw: str) -> str:
    """The network's name as typed, tidied (runs of spaces made one); raises ``FieldError`` with the reason."""
    return clean_text("The network name", raw, limit=MAX_NETWORK_NAME_LENGTH, if_empty="The network needs a name")


# The most partners the app serves fast: every edit works the exact voting power out again. With votes in
# proportion to shares (basis points: about 10,000 votes) that takes 0.02 s at 50 partners, 0.14 s at 100 and
# 0.5 s at 200 under a simple majority (the widest table), and `report` of 200 partners stays under the 1 s
# budget (benchmarks/report_scale.py); at 400 it is 2.5 s, so the line is drawn at 200.
MAX_PARTNERS = 200


PARTNER_LIMIT_REASON = (f"ImagingNet serves up to {MAX_PARTNERS} partners (exact voting power on every change "
                        "stays quick up to there)")


def partner_limit_problem(count: int, *, in_file: bool = False, at_least: bool = False) -> str | None:
    """Why ``count`` partners are refused, or None: a network that would have them, or (``in_file``) a file
    with that many partner rows (``at_least``: more than ``count`` rows, where reading stopped at a limit); the
    file's are worded to follow "the file:"."""
    if count <= MAX_PARTNERS and not at_least:
        return None
    if at_least:
        return f"more than {count:,} rows, and {PARTNER_LIMIT_REASON}"
    if in_file:
        return f"{count:,} partner rows, and {PARTNER_LIMIT_REASON}"
    return f"the network would have {count:,} partners; {PARTNER_LIMIT_REASON}, so an import may not bring more"
