"""Rotation and the timeline of terms; the KPI status rule; the business plan's status; codes typed by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from imagingnet_desktop.domain.control.monitoring import (
    Better,
    BusinessPlan,
    Kpi,
    Rag,
    kpi_status,
    plan_status,
    status_reason,
    status_words,
    validate_plan,
)
from imagingnet_desktop.domain.control.positions import BoardPosition, next_holder, seats_by_partner, timeline
from imagingnet_desktop.domain.control.typed_values import parse_partner_codes
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.number_text import parse_number
from imagingnet_desktop.domain.typed_dates import parse_date


def test_the_next_holder_follows_the_rotation_round():
    assert next_holder([3, 1, 2], 1) == 2
    assert next_holder([3, 1, 2], 2) == 3  # round again
    assert next_holder([3, 1, 2], 9) == 3  # a holder outside the rotation hands to the first
    assert next_holder([3, 1, 2], None) == 3
    assert next_holder([], 1) is None  # no rotation: it stays until changed


def test_the_timeline_hands_the_seat_on_every_term():
    chair = BoardPosition(1, "Chair", partner_id=1, term_years=2, term_start=date(2028, 2, 29))
    terms = timeline(chair, [1, 2, 3], 4)
    assert [t.partner_id for t in terms] == [1, 2, 3, 1]
    assert terms[0].end == date(2030, 2, 28) == terms[1].start  # no 29 February in 2030
    assert timeline(chair, [], 4) == (timeline(chair, [], 1)[0],)


def test_seats_by_partner_lists_every_partner():
    seats = seats_by_partner([BoardPosition(1, "Chair", partner_id=2), BoardPosition(2, "Vice", partner_id=None)],
                             [1, 2])
    assert [p.title for p in seats[2]] == ["Chair"] and seats[1] == []


@pytest.mark.parametrize(("better", "actual", "expected"), [
    (Better.LOWER, "1", Rag.GREEN), (Better.LOWER, "0.5", Rag.GREEN), (Better.LOWER, "5", Rag.AMBER),
    (Better.LOWER, "5.01", Rag.RED), (Better.HIGHER, "1", Rag.GREEN), (Better.HIGHER, "-3", Rag.AMBER),
    (Better.HIGHER, "-3.5", Rag.RED),
])
def test_the_rag_rule(better, actual, expected):
    kpi = Kpi(1, "Wait", better=better, target=Decimal(1), tolerance=Decimal(4), actual=Decimal(actual))
    assert kpi_status(kpi) is expected


def test_no_status_without_a_target_and_an_actual_and_words_always():
    assert kpi_status(Kpi(1, "Wait", target=Decimal(1))) is None
    assert status_words(None) == "– No status"
    assert status_words(Rag.RED).startswith("✖")
    kpi = Kpi(1, "Wait", unit="%", target=Decimal(1), tolerance=Decimal(4), actual=Decimal("3.2"))
    assert status_reason(kpi) == "3.2% misses the target of 1% by no more than the tolerance of 4%."


def test_the_business_plan_status_from_its_dates():
    plan = BusinessPlan(1, "2027/28", date(2027, 1, 10), date(2027, 2, 1))
    today = date(2027, 3, 1)
    assert plan_status(BusinessPlan(1, "2027/28"), {}, [1, 2], today) == "Being drafted"
    assert plan_status(BusinessPlan(1, "x", date(2027, 1, 10), date(2027, 4, 1)), {}, [1], today).startswith("Drafted")
    assert plan_status(plan, {1: date(2027, 2, 20)}, [1, 2], today) == "At the Trust Boards: 1 of 2 approved"
    assert plan_status(plan, {1: date(2027, 2, 20), 2: date(2027, 5, 1)}, [1, 2], today).endswith("1 of 2 approved")
    assert "every Trust Board" in plan_status(plan, {1: today, 2: today}, [1, 2], today)
    with pytest.raises(FieldError, match="before it is drafted"):
        validate_plan(BusinessPlan(1, "2027/28", date(2027, 3, 1), date(2027, 2, 1)))


def test_typed_values():
    partners = [(1, "NSH"), (2, "EMV")]
    assert parse_partner_codes("Vetoes", "emv, NSH", partners) == [2, 1]
    assert parse_partner_codes("Rotation", "NSH → EMV", partners) == [1, 2]
    assert parse_partner_codes("Vetoes", "  ", partners) == []
    with pytest.raises(FieldError, match="not a partner's code"):
        parse_partner_codes("Vetoes", "XYZ", partners)
    with pytest.raises(FieldError, match="named twice"):
        parse_partner_codes("Vetoes", "NSH NSH", partners)
    assert parse_date("Date", "31/03/2027") == date(2027, 3, 31) == parse_date("Date", "2027-03-31")
    with pytest.raises(FieldError, match="31/03/2027"):
        parse_date("Date", "31/02/2027")
    assert parse_number("Amount", "£1,250,000") == Decimal(1250000)
    with pytest.raises(FieldError, match="finite"):
        parse_number("Amount", "Infinity")
    with pytest.raises(FieldError, match="negative"):
        parse_number("Amount", "-1")
    with pytest.raises(FieldError, match="a decimal comma is not accepted"):
        parse_number("Amount", "12,5")
