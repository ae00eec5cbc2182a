"""What an import says it did: an import that changes nothing is no edit (no undo step) and says so; the
counts keep unchanged partners apart from updated ones; an import that leaves the agreed scenario's votes
unworkable is caught by ``agreed_scenario_problem``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from imagingnet_desktop.domain.network.partner import TEMPLATE_HEADER
from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.workspace.network.partner_import import import_partners
from imagingnet_desktop.workspace.shares_votes.scenarios import (
    agreed_scenario_problem,
    save_scenario_as,
)
from imagingnet_desktop.workspace.table_exports import export_table


def test_an_import_that_changes_nothing_adds_no_undo_step(workspace, tmp_path: Path) -> None:
    exported = export_table(workspace, "partners", tmp_path / "partners.csv")
    label = workspace.undo_label
    outcome = import_partners(workspace, exported)
    assert not outcome.changed and outcome.unchanged == tuple(p.code for p in workspace.network.partners)
    assert workspace.undo_label == label  # no step to undo
    assert outcome.undo_hint == ""
    assert outcome.summary() == ("Nothing to import: the 5 partners in the file already hold its figures, so no "
                                 "edit was made (nothing to undo)")
    assert outcome.headline("partners.csv").startswith("Nothing to import from partners.csv: the 5 partners")


def test_an_import_that_changes_one_partner_is_one_step_and_counts_the_rest_unchanged(workspace, tmp_path) -> None:
    first = workspace.network.partners[0]
    source = tmp_path / "one.csv"
    source.write_text("code,name,organisation_type,population_served\n"
                      f"{first.code},{first.name},{first.organisation_type},{(first.population_served or 0) + 1}\n"
                      f"{workspace.network.partners[1].code},{workspace.network.partners[1].name},"
                      f"{workspace.network.partners[1].organisation_type},"
                      f"{workspace.network.partners[1].population_served}\n", encoding="utf-8")
    outcome = import_partners(workspace, source)
    assert outcome.changed and workspace.undo_label == "import partners from one.csv"
    assert outcome.summary() == "0 partners added, 1 updated, 1 unchanged"
    assert outcome.undo_hint == " — Ctrl+Z to undo"
    missing = ", ".join(n for n in TEMPLATE_HEADER if n not in ("code", "name", "organisation_type",
                                                                 "population_served"))
    assert outcome.headline("one.csv") == (f"Imported one.csv: 0 partners added, 1 updated, 1 unchanged. {missing} "
                                           "not in the file: kept as they were")


def test_agreed_custom_votes_missing_an_imported_partner_are_a_problem(workspace, tmp_path) -> None:
    assert agreed_scenario_problem(workspace) is None  # nothing agreed: the default always works out
    votes = tuple((p.id, 1) for p in workspace.network.partners)
    scenario = replace(Scenario(), vote_method=VoteMethod.CUSTOM, custom_votes=votes)
    save_scenario_as(workspace, scenario, "One each", agree=True)
    assert agreed_scenario_problem(workspace) is None
    source = tmp_path / "new.csv"
    source.write_text("code,name,organisation_type\nNEW,New Town Hospitals NHS Trust,NHS Trust\n", encoding="utf-8")
    import_partners(workspace, source)
    problem = agreed_scenario_problem(workspace)
    assert problem is not None and problem.startswith(
        "The agreed scenario 'One each' no longer works out (see Shares & votes): Custom votes need a number for "
        "every partner: NEW has none yet.")
    workspace.undo()
    assert agreed_scenario_problem(workspace) is None
