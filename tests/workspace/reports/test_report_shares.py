"""``imagingnet report`` (JSON and text) carries the agreed scenario's shares and voting power.

Every expected figure is worked out here independently, from the demo CSV and the definitions:
shares by exact fractions and the largest remainder method, power by listing every coalition.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from imagingnet_desktop.__main__ import main
from imagingnet_desktop.domain.network.network import Network
from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod
from imagingnet_desktop.resources import resource
from imagingnet_desktop.workspace.network.partner_import import create_demo, demo_baselines
from imagingnet_desktop.workspace.reports.report import network_report, render_text
from imagingnet_desktop.workspace.shares_votes.scenarios import (
    mark_agreed,
    save_scenario,
    set_working_scenario,
)
from imagingnet_desktop.workspace.workspace import Workspace
from shares_votes_helpers import DEMO_ID

BASES = {"activity": "imaging_exams_per_year", "pay": "pay_cost_gbp", "non_pay": "direct_non_pay_gbp",
         "total_cost": "total_operating_cost_gbp", "valuation": "going_concern_value_gbp"}
CODES = ["NSH", "EMV", "KBD", "SMC", "WBK"]


# --------------------------------------------------------------------------- independent answers


def demo_rows() -> list[dict[str, str]]:
    text = resource("demo-network.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def proportions(column: str) -> list[Fraction]:
    figures = [Fraction(Decimal(row[column])) for row in demo_rows()]
    return [f / sum(figures) for f in figures]


def largest_remainder(parts: list[Fraction]) -> list[Decimal]:
    """Hundredths of a percent by Hamilton's method, ties kept: equal remainders that cannot all take a last
    hundredth are each rounded to the nearest."""
    exact = [p * 10_000 for p in parts]
    units = [math.floor(x) for x in exact]
    rests = [x - u for x, u in zip(exact, units, strict=True)]
    left = 10_000 - sum(units)
    ranked = sorted(rests, reverse=True)
    if left:
        cut = ranked[left - 1]
        split = left < len(ranked) and ranked[left] == cut
        units = [u + (r > cut or (r == cut and (not split or r >= Fraction(1, 2)))) for u, r in zip(units, rests, strict=True)]
    return [Decimal(u) / 100 for u in units]


def brute_power(votes: list[int], quota: int, min_members: int, veto: set[int]) -> dict[str, list]:
    """Banzhaf and Shapley-Shubik straight from the definitions, over all 2**n coalitions."""
    n = len(votes)

    def wins(members: set[int]) -> bool:
        return sum(votes[i] for i in members) >= quota and len(members) >= min_members and veto <= members

    swings, shapley = [0] * n, [Fraction(0)] * n
    winning = []
    for mask in range(1 << n):
        members = {i for i in range(n) if mask >> i & 1}
        if wins(members):
            winning.append(members)
        for i in set(range(n)) - members:
            if wins(members | {i}) and not wins(members):
                swings[i] += 1
                k = len(members)
                shapley[i] += Fraction(math.factorial(k) * math.factorial(n - k - 1), math.factorial(n))
    return {
        "banzhaf": [Fraction(s, sum(swings)) for s in swings],
        "shapley": shapley,
        "veto": [CODES[i] for i in range(n) if all(i in w for w in winning)],
        "null": [CODES[i] for i in range(n) if swings[i] == 0],
    }


# --------------------------------------------------------------------------- running the command


def report(path: Path, capsys: pytest.CaptureFixture[str], *, as_json: bool = True) -> dict | str:
    capsys.readouterr()
    code = main(["report", str(path), *(["--json"] if as_json else [])])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)["network"] if as_json else out


def with_agreed(path: Path, scenario: Scenario, partners: tuple[Partner, ...] | None = None) -> Path:
    """A workspace whose agreed scenario is ``scenario``, saved beside a decoy that is not agreed."""
    ws = create_demo(path) if partners is None else Workspace.create(path, "Test network", partners)
    try:
        set_working_scenario(ws, Scenario(vote_method=VoteMethod.CUSTOM, custom_votes=((DEMO_ID["NSH"], 9),)))
        save_scenario(ws, "Decoy")
        set_working_scenario(ws, scenario)
        agreed = save_scenario(ws, "Agreed position")
        mark_agreed(ws, agreed.id)
    finally:
        ws.close()
    return path


def assert_percent_table(values: dict[str, float], expected: list[Decimal]) -> None:
    assert list(values) == CODES
    as_decimals = [Decimal(str(v)) for v in values.values()]
    assert as_decimals == expected
    assert all(d == d.quantize(Decimal("0.01")) for d in as_decimals)  # 2 dp at most
    assert sum(as_decimals) == Decimal("100.00")


# --------------------------------------------------------------------------- the demo (no agreed scenario)


def test_demo_report_has_every_basis_and_the_default_scenario(tmp_path, capsys):
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()
    network = report(path, capsys)
    shares = network["shares"]
    assert list(shares) == [*BASES, "blend"]
    for key, column in BASES.items():
        assert_percent_table(shares[key], largest_remainder(proportions(column)))
    assert shares["blend"] == shares["activity"]  # no agreed scenario: the default blend is activity alone
    assert network["shares_blend"]["weights"] == {"activity": 100.0}
    assert network["shares_notes"] == {}

    voting = network["voting"]
    assert voting["scenario"].startswith("Default")
    assert (voting["method"], voting["vote_basis"], voting["problem"]) == ("equal", None, None)
    assert voting["rule"] == {"kind": "simple_majority", "percent": None, "fraction": None, "min_partners": 0, "veto": [],
                              "quota": 3, "description": "Simple majority: more than half of the votes"}
    assert voting["votes"] == dict.fromkeys(CODES, 1) and voting["total_votes"] == 5
    assert voting["banzhaf"] == dict.fromkeys(CODES, 0.2) == voting["shapley_shubik"]
    assert voting["banzhaf_exact"] == dict.fromkeys(CODES, "1/5")
    assert voting["veto_players"] == [] and voting["null_players"] == []
    assert voting["minimal_winning"]["total"] == math.comb(5, 3) == len(voting["minimal_winning"]["listed"])


# --------------------------------------------------------------------------- an agreed scenario


def test_agreed_proportional_qualified_scenario_with_a_veto(tmp_path, capsys):
    scenario = Scenario(
        weights=((Basis.PAY, 30), (Basis.ACTIVITY, 70)), vote_method=VoteMethod.PROPORTIONAL,
        rule_kind=RuleKind.QUALIFIED, qualified=Fraction(3, 4), min_partners=2, veto_partner_ids=(DEMO_ID["EMV"],),
    )
    network = report(with_agreed(tmp_path / "agreed.imagingnet", scenario), capsys)

    pay, activity = proportions("pay_cost_gbp"), proportions("imaging_exams_per_year")
    blend = largest_remainder([Fraction(3, 10) * p + Fraction(7, 10) * a for p, a in zip(pay, activity, strict=True)])
    assert_percent_table(network["shares"]["blend"], blend)
    assert network["shares_blend"]["weights"] == {"activity": 70.0, "pay": 30.0}
    assert network["shares_blend"]["scenario"] == "Agreed position"

    voting = network["voting"]
    exact_blend = [Fraction(3, 10) * p + Fraction(7, 10) * a for p, a in zip(pay, activity, strict=True)]
    votes = [math.floor(p * 10_000 + Fraction(1, 2)) for p in exact_blend]  # basis points of the exact blend
    assert voting["votes"] == dict(zip(CODES, votes, strict=True)) and voting["total_votes"] == sum(votes)
    assert (voting["method"], voting["vote_basis"], voting["problem"]) == ("proportional", "blend", None)
    quota = math.ceil(Fraction(3, 4) * sum(votes))
    assert voting["rule"]["quota"] == quota
    assert voting["rule"]["veto"] == ["EMV"] and voting["rule"]["percent"] == 75.0
    assert voting["rule"]["min_partners"] == 2 and "75%" in voting["rule"]["description"]

    want = brute_power(votes, quota, 2, {CODES.index("EMV")})
    assert [Fraction(x) for x in voting["banzhaf_exact"].values()] == want["banzhaf"]
    assert [Fraction(x) for x in voting["shapley_shubik_exact"].values()] == want["shapley"]
    assert list(voting["banzhaf"].values()) == pytest.approx([float(x) for x in want["banzhaf"]], abs=1e-15)
    assert list(voting["shapley_shubik"].values()) == pytest.approx([float(x) for x in want["shapley"]], abs=1e-15)
    assert voting["veto_players"] == want["veto"]
    assert "EMV" in want["veto"] and "NSH" in want["veto"]  # NSH's third of the votes blocks 75% too
    assert voting["null_players"] == want["null"]
    assert {("EMV",), ("NSH",)} <= {tuple(c) for c in voting["minimal_blocking"]["listed"]}


def test_custom_votes_that_leave_partners_without_power(tmp_path, capsys):
    # 3 + 3 + 3 + 1 + 0 votes, quota 6: sums of threes never stop at 5, so SMC's vote never counts.
    scenario = Scenario(vote_method=VoteMethod.CUSTOM,
                        custom_votes=tuple(zip(DEMO_ID.values(), (3, 3, 3, 1, 0), strict=True)))
    network = report(with_agreed(tmp_path / "custom.imagingnet", scenario), capsys)
    voting = network["voting"]
    want = brute_power([3, 3, 3, 1, 0], 6, 0, set())
    assert voting["null_players"] == want["null"] == ["SMC", "WBK"]
    assert voting["banzhaf_exact"] == {c: str(x) for c, x in zip(CODES, want["banzhaf"], strict=True)}
    assert voting["banzhaf_exact"]["NSH"] == "1/3"
    assert any(w.startswith("SMC holds 10.00% of the votes but can never change an outcome") for w in voting["warnings"])


# --------------------------------------------------------------------------- no basis, and a chain that stops


def _demo_partners(**changes: object) -> tuple[Partner, ...]:
    return tuple(replace(Partner(id=i + 1, **b), **changes) for i, b in enumerate(demo_baselines().baselines))


def test_an_all_zero_basis_is_null_with_a_reason_and_stops_proportional_votes(tmp_path, capsys):
    partners = _demo_partners(going_concern_value_gbp=Decimal(0))
    scenario = Scenario(weights=((Basis.VALUATION, 50), (Basis.PAY, 50)), vote_method=VoteMethod.PROPORTIONAL)
    network = report(with_agreed(tmp_path / "zero.imagingnet", scenario, partners), capsys)
    shares, notes = network["shares"], network["shares_notes"]
    assert shares["valuation"] is None and shares["blend"] is None
    assert "total zero" in notes["valuation"] and "no going-concern value basis" in notes["valuation"]
    assert "Going-concern value" in notes["blend"]
    assert_percent_table(shares["pay"], largest_remainder(proportions("pay_cost_gbp")))

    voting = network["voting"]
    assert voting["problem"].startswith("Votes in proportion to the blend cannot be set")
    assert voting["votes"] is None and voting["banzhaf"] is None and voting["veto_players"] is None
    assert voting["rule"]["kind"] == "simple_majority" and voting["rule"]["quota"] is None

    text = report(tmp_path / "zero.imagingnet", capsys, as_json=False)
    assert "Not analysed: Votes in proportion to the blend cannot be set" in text
    valuation_row = next(line for line in text.splitlines() if line.strip().startswith("NSH") and "-" in line)
    assert valuation_row.split()[5] == "-"  # the Value column


def test_a_rule_nobody_can_meet_reports_the_votes_and_the_problem(tmp_path, capsys):
    network = report(with_agreed(tmp_path / "six.imagingnet", Scenario(min_partners=6)), capsys)
    voting = network["voting"]
    assert "at least 6 partners but there are only 5" in voting["problem"]
    assert voting["votes"] == dict.fromkeys(CODES, 1)
    assert voting["banzhaf"] is None and voting["null_players"] is None and voting["minimal_winning"] is None
    assert voting["rule"]["min_partners"] == 6


def test_a_network_without_partners(tmp_path, capsys):
    path = tmp_path / "empty.imagingnet"
    Workspace.create(path, "Empty").close()
    network = report(path, capsys)
    assert all(v is None for v in network["shares"].values())
    assert set(network["shares_notes"]) == {*BASES, "blend"}
    assert network["voting"]["problem"] == "Add partners to the network first."
    assert "Not analysed: Add partners" in report(path, capsys, as_json=False)


def test_text_report_shows_shares_and_power(tmp_path, capsys):
    scenario = Scenario(vote_method=VoteMethod.PROPORTIONAL, vote_basis="pay", rule_kind=RuleKind.UNANIMITY)
    text = report(with_agreed(tmp_path / "t.imagingnet", scenario), capsys, as_json=False)
    assert "Shares (% to 2 dp; blend from the agreed scenario: Activity (examinations) 100%)" in text
    assert "Voting (agreed scenario: Agreed position)" in text
    assert "Votes: proportional, in proportion to the pay shares" in text
    assert "Rule: Unanimity: every partner must agree (quota 10,000 of 10,000 votes)" in text
    assert "Veto players: NSH, EMV, KBD, SMC, WBK" in text
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.split()[:3] == ["Code", "Votes", "Vote"])
    nsh = lines[header + 1].split()
    assert nsh == ["NSH", "3,644", "36.44", "20.0", "20.0"]  # vote share 2 dp, power 1 dp; unanimity: equal power


def test_a_bare_network_report_uses_the_default_scenario():
    partners = _demo_partners()
    network = network_report(Network("Bare", partners))["network"]
    assert network["voting"]["votes"] == dict.fromkeys(CODES, 1)
    assert network["shares"]["blend"] == network["shares"]["activity"]
    assert "Voting (no scenario is agreed yet, so this is the default" in render_text({"network": network})


def test_text_report_never_calls_the_default_the_agreed_scenario(tmp_path, capsys):
    path = tmp_path / "demo.imagingnet"
    create_demo(path).close()  # no saved scenario is marked as agreed (the draft MOU says so too)
    text = report(path, capsys, as_json=False)
    assert "agreed scenario" not in text
    assert "Shares (% to 2 dp; blend from the default, as no scenario is agreed yet: Activity (examinations) 100%)" in text
    assert "Voting (no scenario is agreed yet, so this is the default: equal votes and a simple majority)" in text
