"""Identical partners are shown with identical shares everywhere a board reads them: never 16.67% for some and
16.66% for others by their place in the list."""

from __future__ import annotations

from decimal import Decimal

from docx_reading import read_docx
from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.shares.rounding import SHARES_ROUNDING_TEXT
from imagingnet_desktop.workspace.exports.export import ExportKind, export_draft
from imagingnet_desktop.workspace.reports.report import build_report
from imagingnet_desktop.workspace.workspace import Workspace


def test_six_identical_partners_have_equal_shares_in_the_report_and_the_mou(tmp_path) -> None:
    partners = tuple(Partner(i, f"T{i}", f"Trust {i}", imaging_exams_per_year=120_000, pay_cost_gbp=Decimal(9_000_000))
                     for i in range(1, 7))
    workspace = Workspace.create(tmp_path / "six.imagingnet", "Six Trusts Imaging Network", partners)
    try:
        shares = build_report(workspace)["shares"]
        for basis in ("activity", "pay"):
            assert set(shares[basis].values()) == {16.67}, basis
        export_draft(workspace, ExportKind.MOU, tmp_path / "mou.docx")
    finally:
        workspace.close()
    doc = read_docx(tmp_path / "mou.docx")
    shares = doc.table_with_header("Partner", "Short name", "Share")
    votes = doc.table_with_header("Partner", "Short name", "Votes", "Share of votes")
    assert {row[-1] for row in shares[1:] if row[1].startswith("T")} == {"16.67%"}
    assert {row[-1] for row in votes[1:] if row[1].startswith("T")} == {"16.67%"}  # 2 dp, as the screens show
    assert SHARES_ROUNDING_TEXT in doc.all_text
