"""``export shares`` writes figures as the screens show them (``domain.figure_text``): shares and vote shares to
2 dp, power to 1 dp, the same places in every row of CSV and XLSX (never 42.86 then 20.0)."""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from imagingnet_desktop.domain.figure_text import power_number, vote_share_number
from imagingnet_desktop.domain.scenarios.analysis import analyse
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.workspace.shares_votes.scenarios import save_scenario_as
from imagingnet_desktop.workspace.table_exports import export_table

SHARE_COLUMNS = ("Activity (examinations) %", "Pay %", "Direct non-pay %", "Total operating cost %",
                 "Going-concern value %", "Blend %", "Vote share %")
POWER_COLUMNS = ("Banzhaf power %", "Shapley-Shubik power %")


def agree_proportional(workspace) -> Scenario:
    scenario = replace(Scenario(), vote_method=VoteMethod.PROPORTIONAL, vote_basis="pay")
    return save_scenario_as(workspace, scenario, "By pay", agree=True).scenario


def test_the_csv_writes_shares_to_2_dp_and_power_to_1_dp(workspace, tmp_path: Path) -> None:
    scenario = agree_proportional(workspace)
    path = export_table(workspace, "shares", tmp_path / "shares.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        assert all(re.fullmatch(r"\d+\.\d\d", row[c]) for c in SHARE_COLUMNS), row
        assert all(re.fullmatch(r"\d+\.\d", row[c]) for c in POWER_COLUMNS), row
    analysis = analyse(workspace.network.partners, scenario)
    assert analysis.power is not None
    assert [r["Banzhaf power %"] for r in rows] == [power_number(b) for b in analysis.power.banzhaf]
    assert [r["Shapley-Shubik power %"] for r in rows] == [power_number(s) for s in analysis.power.shapley_shubik]
    assert [r["Vote share %"] for r in rows] == [vote_share_number(v) for v in analysis.vote_fractions]
    assert rows[0]["Banzhaf power %"] == "50.0" and rows[1]["Shapley-Shubik power %"] == "16.7"
    assert rows[4]["Vote share %"] == "10.50"


def test_the_xlsx_keeps_numbers_and_shows_the_same_places(workspace, tmp_path: Path) -> None:
    agree_proportional(workspace)
    path = export_table(workspace, "shares", tmp_path / "shares.xlsx")
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        cells = dict(zip(header, row, strict=True))
        assert all(cells[c].number_format == "0.00" and cells[c].data_type == "n" for c in SHARE_COLUMNS)
        assert all(cells[c].number_format == "0.0" and cells[c].data_type == "n" for c in POWER_COLUMNS)
    assert sheet.cell(3, header.index("Banzhaf power %") + 1).value == 16.7
