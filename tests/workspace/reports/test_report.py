"""The report builder (``workspace/report.py``): JSON-ready values, sections, no-data checks, the text form."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from imagingnet_desktop.domain.network.network import Network
from imagingnet_desktop.domain.network.partner import FOUNDATION_TRUST, TEMPLATE_HEADER, Partner
from imagingnet_desktop.workspace.reports import report as report_module
from imagingnet_desktop.workspace.reports.report import (
    NETWORK_SECTIONS,
    NetworkOnly,
    build_report,
    json_number,
    network_report,
    render_text,
)


def _network() -> Network:
    return Network(
        "Test & <Network>",
        (
            Partner(
                id=1, code="AAA", name="Alpha ŵ", organisation_type=FOUNDATION_TRUST, ics="North ICB",
                population_served=1_000_000, imaging_exams_per_year=800_000,
                imaging_staff_wte=Decimal("600.5"), consultant_radiologists_wte=Decimal("50"),
                staff_vacancy_rate_pct=Decimal("10"), radiologist_vacancy_rate_pct=Decimal("20"),
                pay_cost_gbp=Decimal("1234.56"), cancer_alliance="North CA", ppci_centre=True,
            ),
            Partner(
                id=2, code="BBB", name="Beta",
                population_served=200_000, imaging_staff_wte=Decimal("199.5"),
                consultant_radiologists_wte=Decimal("30"),
                staff_vacancy_rate_pct=Decimal("30"), radiologist_vacancy_rate_pct=None,
            ),
        ),
    )


@pytest.mark.parametrize(
    ("value", "expected", "kind"),
    [
        (Decimal("1478"), 1478, int),
        (Decimal("1478.000"), 1478, int),
        (Decimal("13.25"), 13.25, float),
        (Decimal("0"), 0, int),
        (7, 7, int),
        (None, None, type(None)),
    ],
)
def test_json_number_is_int_when_whole_else_float(value, expected, kind):
    assert json_number(value) == expected
    assert type(json_number(value)) is kind


def test_partners_carry_every_template_field_in_order_with_json_types():
    partners = network_report(_network())["network"]["partners"]
    assert [list(p) for p in partners] == [list(TEMPLATE_HEADER)] * 2
    alpha, beta = partners
    assert alpha["imaging_staff_wte"] == 600.5 and isinstance(alpha["imaging_staff_wte"], float)
    assert alpha["consultant_radiologists_wte"] == 50 and isinstance(alpha["consultant_radiologists_wte"], int)
    assert alpha["pay_cost_gbp"] == 1234.56
    assert alpha["ppci_centre"] is True and alpha["hyper_acute_stroke_unit"] is False
    assert beta["radiologist_vacancy_rate_pct"] is None  # missing figure -> null
    assert beta["ics"] is None and beta["cancer_alliance"] is None  # empty optional text -> null
    assert beta["organisation_type"] == "NHS Trust"


def test_totals_and_weighted_vacancy_checks():
    network = network_report(_network())["network"]
    totals = network["totals"]
    assert totals["population_served"] == 1_200_000
    assert totals["imaging_staff_wte"] == 800  # 600.5 + 199.5, whole -> int
    assert totals["consultant_radiologists_wte"] == 80
    assert totals["imaging_exams_per_year"] == 800_000
    assert totals["foundation_trusts"] == 1 and totals["other_trusts"] == 1
    assert totals["ppci_centres"] == ["AAA"]
    checks = {c["id"]: c for c in network["checks"]}
    assert list(checks) == ["population", "staff", "radiologists", "staff_vacancy", "radiologist_vacancy"]
    assert checks["population"]["status"] == "below"
    assert (checks["staff"]["status"], checks["staff"]["min"], checks["staff"]["max"]) == ("within", 800, 1500)
    assert checks["radiologists"]["status"] == "within"
    staff_rate = (600.5 * 10 + 199.5 * 30) / 800  # WTE-weighted
    assert checks["staff_vacancy"]["value"] == pytest.approx(staff_rate)
    assert (checks["staff_vacancy"]["min"], checks["staff_vacancy"]["max"]) == (0, 15)
    assert checks["staff_vacancy"]["status"] == "within"  # 14.99 is not above 15
    # only AAA has both WTE and a radiologist rate: 20 > 12
    assert checks["radiologist_vacancy"]["value"] == 20
    assert checks["radiologist_vacancy"]["status"] == "above"


def test_vacancy_with_nothing_to_weigh_is_no_data_not_within():
    report = network_report(Network("Empty"))
    checks = {c["id"]: c for c in report["network"]["checks"]}
    for check_id, threshold in (("staff_vacancy", 15), ("radiologist_vacancy", 12)):
        assert checks[check_id]["status"] == "no_data"
        assert checks[check_id]["value"] is None
        assert (checks[check_id]["min"], checks[check_id]["max"]) == (0, threshold)
    assert checks["population"]["status"] == "below" and checks["population"]["value"] == 0
    assert "no data" in render_text(report)


def test_report_is_strict_json():
    report = network_report(_network())
    text = json.dumps(report, allow_nan=False, ensure_ascii=False)
    assert json.loads(text) == report
    assert json.loads(text)["network"]["name"] == "Test & <Network>"


def test_a_later_section_is_added_as_a_separate_function(monkeypatch):
    def example_section(source):
        return {"activity": {p.code: 50 for p in source.network.partners}}

    monkeypatch.setattr(report_module, "NETWORK_SECTIONS", [*NETWORK_SECTIONS, ("example", example_section)])
    report = report_module.build_report(NetworkOnly(_network()))
    assert report["network"]["example"] == {"activity": {"AAA": 50, "BBB": 50}}
    assert list(report["network"])[:4] == ["name", "partners", "totals", "checks"]
    assert "example" not in build_report(NetworkOnly(_network()), NETWORK_SECTIONS)["network"]


def test_text_report_names_partners_totals_and_each_check_status():
    text = render_text(network_report(_network()))
    assert text.startswith("Network: Test & <Network>\n")
    assert "Alpha ŵ" in text and "BBB" in text
    assert "1,200,000" in text  # population total
    assert "800 WTE" in text
    lines = text.splitlines()
    assert any(line.strip().startswith("below") and "Population served" in line for line in lines)
    assert any(line.strip().startswith("above") and "Radiologist vacancy rate" in line for line in lines)
    assert "-" in next(line for line in lines if line.strip().startswith("BBB"))  # a missing figure
