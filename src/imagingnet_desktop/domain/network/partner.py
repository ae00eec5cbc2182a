"""A partner trust and the baseline fields of the import template.

The order of ``PARTNER_FIELDS`` is the canonical import template header.
Numbers are kept exact: whole counts as ``int``, everything else as ``Decimal``.
A missing figure is ``None``; validation (``domain.validation``) refuses negative,
non-numeric, NaN and infinite values before they reach a ``Partner``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from decimal import Decimal
from enum import Enum


class FieldKind(Enum):
    CODE = "code"
    TEXT = "text"
    ORG_TYPE = "organisation_type"
    COUNT = "count"  # whole number >= 0
    DECIMAL = "decimal"  # number >= 0 (WTE)
    PERCENT = "percent"  # 0..100
    MONEY = "money"  # pounds >= 0, to the penny
    YES_NO = "yes_no"


NHS_TRUST = "NHS Trust"
FOUNDATION_TRUST = "NHS Foundation Trust"
ORGANISATION_TYPES = (NHS_TRUST, FOUNDATION_TRUST)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: FieldKind
    required: bool = False
    max_length: int = 200


PARTNER_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("code", "Code", FieldKind.CODE, required=True, max_length=12),
    FieldSpec("name", "Name", FieldKind.TEXT, required=True),
    FieldSpec("organisation_type", "Type", FieldKind.ORG_TYPE, required=True),
    FieldSpec("ics", "ICS", FieldKind.TEXT),
    FieldSpec("population_served", "Population", FieldKind.COUNT),
    FieldSpec("imaging_exams_per_year", "Exams / year", FieldKind.COUNT),
    FieldSpec("imaging_staff_wte", "Staff WTE", FieldKind.DECIMAL),
    FieldSpec("consultant_radiologists_wte", "Radiologists WTE", FieldKind.DECIMAL),
    FieldSpec("staff_vacancy_rate_pct", "Staff vacancy %", FieldKind.PERCENT),
    FieldSpec("radiologist_vacancy_rate_pct", "Radiologist vacancy %", FieldKind.PERCENT),
    FieldSpec("pay_cost_gbp", "Pay £", FieldKind.MONEY),
    FieldSpec("direct_non_pay_gbp", "Direct non-pay £", FieldKind.MONEY),
    FieldSpec("total_operating_cost_gbp", "Total operating cost £", FieldKind.MONEY),
    FieldSpec("going_concern_value_gbp", "Going-concern value £", FieldKind.MONEY),
    FieldSpec("cancer_alliance", "Cancer Alliance", FieldKind.TEXT),
    FieldSpec("ppci_centre", "PPCI centre", FieldKind.YES_NO),
    FieldSpec("hyper_acute_stroke_unit", "Hyper-acute stroke unit", FieldKind.YES_NO),
)
FIELD_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in PARTNER_FIELDS}
TEMPLATE_HEADER: tuple[str, ...] = tuple(f.name for f in PARTNER_FIELDS)
NUMERIC_KINDS = frozenset({FieldKind.COUNT, FieldKind.DECIMAL, FieldKind.PERCENT, FieldKind.MONEY})


@dataclass(frozen=True)
class Partner:
    """One partner trust's baseline. ``id`` is stable while ``code`` may be edited."""

    id: int
    code: str
    name: str
    organisation_type: str = NHS_TRUST
    ics: str = ""
    population_served: int | None = None
    imaging_exams_per_year: int | None = None
    imaging_staff_wte: Decimal | None = None
    consultant_radiologists_wte: Decimal | None = None
    staff_vacancy_rate_pct: Decimal | None = None
    radiologist_vacancy_rate_pct: Decimal | None = None
    pay_cost_gbp: Decimal | None = None
    direct_non_pay_gbp: Decimal | None = None
    total_operating_cost_gbp: Decimal | None = None
    going_concern_value_gbp: Decimal | None = None
    cancer_alliance: str = ""
    ppci_centre: bool = False
    hyper_acute_stroke_unit: bool = False

    @property
    def is_foundation_trust(self) -> bool:
        return self.organisation_type == FOUNDATION_TRUST

    def value(self, field_name: str) -> object:
        return getattr(self, field_name)

    def with_value(self, field_name: str, value: object) -> Partner:
        return replace(self, **{field_name: value})  # type: ignore[arg-type]  # checked by parse_field

    def baseline(self) -> dict[str, object]:
        """The template fields, in template order (no ``id``)."""
        return {name: getattr(self, name) for name in TEMPLATE_HEADER}


assert [f.name for f in fields(Partner)][1:] == list(TEMPLATE_HEADER)
