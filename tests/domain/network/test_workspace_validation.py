"""Bad input is refused with a clear message (``FieldError``) and changes nothing; any text survives storage."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from file_checks import network_in_file
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.network.partner_commands import edit_partner_field, rename_network
from imagingnet_desktop.workspace.workspace import Workspace

# (field, what was typed, a part of the message); partner 1 (EMV) is edited, partner 0 is NSH.
REFUSED = [
    ("pay_cost_gbp", "-5", "Pay £ cannot be negative"),
    ("pay_cost_gbp", "-0.01", "cannot be negative"),
    ("pay_cost_gbp", "NaN", "not a number (NaN)"),
    ("pay_cost_gbp", float("nan"), "not a number (NaN)"),
    ("pay_cost_gbp", "inf", "finite number, not infinity"),
    ("pay_cost_gbp", "-Infinity", "finite number"),
    ("pay_cost_gbp", float("inf"), "finite number"),
    ("pay_cost_gbp", "twelve", "Pay £ must be a number, not 'twelve'"),
    ("pay_cost_gbp", "12.345", "pounds and pence"),
    ("pay_cost_gbp", "1e400", "too large"),
    ("imaging_staff_wte", "abc", "Staff WTE must be a number"),
    ("population_served", "1.5", "whole number"),
    ("staff_vacancy_rate_pct", "100.01", "between 0 and 100"),
    ("radiologist_vacancy_rate_pct", "250%", "between 0 and 100"),
    ("staff_vacancy_rate_pct", "-1", "cannot be negative"),
    ("code", "", "Code cannot be empty"),
    ("code", "   ", "Code cannot be empty"),
    ("name", "", "Name cannot be empty"),
    ("code", "nsh", "Code 'nsh' is already used by NSH"),
    ("code", "NSH", "already used by NSH"),
    ("name", "NORTHSHIRE HOSPITALS NHS FOUNDATION TRUST", "is already used by NSH"),
    ("name", "x" * 201, "Name is 201 characters long; at most 200"),
    ("name", "ŵ" * 5000, "at most 200"),
    ("code", "ABCDEFGHIJKLM", "at most 12"),
    ("code", "A B", "cannot contain spaces"),
    ("name", "Line one\nline two", "line breaks"),
    ("organisation_type", "Private company", "must be 'NHS Trust' or 'NHS Foundation Trust'"),
    ("ppci_centre", "maybe", "yes or no"),
]


@pytest.mark.parametrize(("field", "raw", "message"), REFUSED, ids=[f"{f}={r!r:.20}" for f, r, _ in REFUSED])
def test_bad_input_is_refused_and_changes_nothing(workspace: Workspace, field: str, raw: object, message: str):
    heard: list[Change] = []
    workspace.subscribe(heard.append)
    before = workspace.network
    with pytest.raises(FieldError) as refused:
        edit_partner_field(workspace, before.partners[1].id, field, raw)
    assert message in str(refused.value)
    assert len(str(refused.value)) < 200  # a message for a cell, never a dump of the input
    assert workspace.network == before and network_in_file(workspace.path) == before
    assert heard == [] and workspace.undo_label is None


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "needs a name"), (" \t ", "needs a name"), ("N" * 201, "at most 200")],
)
def test_bad_network_names_are_refused(workspace: Workspace, name: str, message: str) -> None:
    before = workspace.network
    with pytest.raises(FieldError, match=message):
        rename_network(workspace, name)
    assert workspace.network == before and network_in_file(workspace.path) == before
    assert workspace.undo_label is None


ACCEPTED = [
    ("pay_cost_gbp", "£1,234,567.80", Decimal("1234567.8")),
    ("pay_cost_gbp", " 0 ", Decimal(0)),
    ("pay_cost_gbp", 42.5, Decimal("42.5")),
    ("pay_cost_gbp", "1e3", Decimal(1000)),
    ("staff_vacancy_rate_pct", "15%", Decimal(15)),
    ("staff_vacancy_rate_pct", "100", Decimal(100)),
    ("imaging_staff_wte", "12.3456", Decimal("12.3456")),
    ("population_served", "1,200,000", 1_200_000),
    ("imaging_staff_wte", "", None),
    ("organisation_type", "foundation trust", "NHS Foundation Trust"),
    ("ppci_centre", "Y", True),
    ("code", "emv", "emv"),  # its own code in another case is not a clash with itself
    ("name", "x" * 200, "x" * 200),
]


@pytest.mark.parametrize(("field", "raw", "value"), ACCEPTED, ids=[f"{f}={r!r:.20}" for f, r, _ in ACCEPTED])
def test_good_input_is_stored_exactly(workspace: Workspace, field: str, raw: object, value: object) -> None:
    partner = workspace.network.partners[1]
    edit_partner_field(workspace, partner.id, field, raw)
    assert workspace.network.partners[1].value(field) == value
    stored = network_in_file(workspace.path).partners[1].value(field)
    assert stored == value and type(stored) is type(value)


UNICODE = [
    "Ysbyty Gwynedd — Betsi Cadwaladr ŵ ŷ â",
    "Hôpital Général de Montréal, Zürich Straße",
    "Radiology 🩻 & imaging 🏥 👩🏽‍⚕️",
    "Tom & Jerry <script>alert('x')</script> \"quoted\" 'single'",
    "Robert'); DROP TABLE partners;--",
    "ÅÄÖ 中文 العربية עברית",
]


def test_any_unicode_survives_storage(workspace: Workspace) -> None:
    partners = workspace.network.partners
    for partner, text in zip(partners, UNICODE, strict=False):
        edit_partner_field(workspace, partner.id, "name", text)
    edit_partner_field(workspace, partners[0].id, "ics", UNICODE[-1])
    edit_partner_field(workspace, partners[0].id, "cancer_alliance", UNICODE[2])
    edit_partner_field(workspace, partners[0].id, "code", "ŴÊL&<>'\"")
    rename_network(workspace, UNICODE[3])
    expected = workspace.network
    path = workspace.path
    workspace.close()

    reopened = Workspace.open(path)
    try:
        assert reopened.network == expected
        assert reopened.network.partners[0].code == "ŴÊL&<>'\""
    finally:
        reopened.close()
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:  # stored as the text itself: not escaped, not re-encoded
        names = [r[0] for r in conn.execute("SELECT name FROM partners ORDER BY position")]
        assert names == list(UNICODE[: len(partners)])
        assert conn.execute("SELECT COUNT(*) FROM partners").fetchone()[0] == len(partners)
    finally:
        conn.close()


@pytest.mark.parametrize(("raw", "message"), [
    ("", "The network needs a name"),
    ("N" * 201, "The network name is 201 characters long; at most 200 are allowed"),
    ("North\x07ern", "cannot contain control characters"),
])
def test_one_network_name_rule_for_the_app_the_cli_and_the_workspace(raw: str, message: str) -> None:
    from imagingnet_desktop.domain.network.network import checked_network_name

    with pytest.raises(FieldError, match=message):
        checked_network_name(raw)
    assert checked_network_name("  Tŷ   Cymru  ") == "Tŷ Cymru"
