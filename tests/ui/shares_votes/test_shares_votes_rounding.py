"""The tab says in plain words when rounding the shares to whole votes alone changes anyone's power."""

from __future__ import annotations

from dataclasses import replace

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.ui.shares_votes.shares_votes_tab import SharesVotesTab
from imagingnet_desktop.workspace.shares_votes import scenarios as shares_votes
from imagingnet_desktop.workspace.workspace import Workspace


def test_a_power_change_from_rounding_alone_shows_in_the_warnings(qtbot, tmp_path) -> None:
    partners = (Partner(1, "NSH", "Northshire NHS Trust", imaging_exams_per_year=50004),
                Partner(2, "EMV", "Eastmoor NHS Trust", imaging_exams_per_year=49996))
    workspace = Workspace.create(tmp_path / "close.imagingnet", "Close call", partners)
    try:
        shares_votes.set_working_scenario(workspace, replace(Scenario(), vote_method=VoteMethod.PROPORTIONAL))
        tab = SharesVotesTab(workspace)
        qtbot.addWidget(tab)
        tab.resize(1280, 720)
        tab.show()
        qtbot.waitExposed(tab)
        qtbot.waitUntil(lambda: "Rounding the shares" in tab.warnings.text())
        text = tab.warnings.text()
        assert "NSH has 50.0% of the Banzhaf power with the rounded votes against 100.0% on the exact shares" in text
        tab.detach()
    finally:
        workspace.close()
