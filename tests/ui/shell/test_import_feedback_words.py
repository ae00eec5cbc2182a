"""The window's import says what it did: the status bar counts unchanged partners too, an import that changes
nothing is no edit (nothing to undo) and says so, and one that leaves the agreed votes unworkable warns."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from imagingnet_desktop.domain.scenarios.scenario import Scenario
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.ui.shell.main_window import MainWindow
from imagingnet_desktop.workspace.shares_votes.scenarios import save_scenario_as
from imagingnet_desktop.workspace.table_exports import export_table
from imagingnet_desktop.workspace.workspace import Workspace
from workshop_helpers import open_window


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    return open_window(qtbot, tmp_path)


def import_via_menu(window: MainWindow, source: Path) -> None:
    window._ask_import_path = lambda: str(source)
    window._show_import_problems = lambda refused: pytest.fail(str(refused))
    window._show_error = lambda title, text: pytest.fail(f"{title}: {text}")
    window.actions_.import_partners.trigger()  # File > Import partners…


def test_an_import_that_changes_nothing_is_no_edit_and_says_so(window: MainWindow, tmp_path: Path) -> None:
    workspace: Workspace = window.workspace
    exported = export_table(workspace, "partners", tmp_path / "partners.csv")
    import_via_menu(window, exported)
    assert workspace.undo_label is None and not window.actions_.undo.isEnabled()
    status = window.statusBar().currentMessage()
    assert status == ("Nothing to import: the 5 partners in the file already hold its figures, so no edit was made "
                      "(nothing to undo)")
    banner = window.bars.feedback_text()
    assert banner.startswith("Nothing to import from partners.csv: the 5 partners") and "Ctrl+Z" not in banner


def test_the_status_bar_counts_unchanged_partners_too(window: MainWindow, tmp_path: Path) -> None:
    nsh, emv = window.workspace.network.partners[:2]
    source = tmp_path / "update.csv"
    source.write_text("code,name,organisation_type,population_served\n"
                      f"NSH,{nsh.name},{nsh.organisation_type},{(nsh.population_served or 0) + 1000}\n"
                      f"EMV,{emv.name},{emv.organisation_type},{emv.population_served}\n", encoding="utf-8")
    import_via_menu(window, source)
    assert window.statusBar().currentMessage() == "0 partners added, 1 updated, 1 unchanged — Ctrl+Z to undo"
    assert window.workspace.undo_label == "import partners from update.csv"


def test_an_import_that_leaves_the_agreed_votes_unworkable_warns(window: MainWindow, tmp_path: Path) -> None:
    workspace: Workspace = window.workspace
    votes = tuple((p.id, 1) for p in workspace.network.partners)
    save_scenario_as(workspace, replace(Scenario(), vote_method=VoteMethod.CUSTOM, custom_votes=votes), "One each",
                     agree=True)
    source = tmp_path / "new.csv"
    source.write_text("code,name,organisation_type\nNEW,New Town Hospitals NHS Trust,NHS Trust\n", encoding="utf-8")
    import_via_menu(window, source)
    banner = window.bars.feedback_text()
    assert banner.startswith("Imported new.csv: 1 partner added, 0 updated, 0 unchanged — Ctrl+Z to undo. ⚠ ")
    assert ("The agreed scenario 'One each' no longer works out (see Shares & votes): Custom votes need a number "
            "for every partner: NEW has none yet.") in banner


def test_the_problems_list_names_no_made_up_column(window: MainWindow, tmp_path: Path, qtbot) -> None:
    from imagingnet_desktop.ui.shell.dialogs import ImportProblemsDialog

    source = tmp_path / "semicolons.csv"
    source.write_text("code;name;organisation_type\nNEW;New Town Hospitals NHS Trust;NHS Trust\n", encoding="utf-8")
    window._ask_import_path = lambda: str(source)
    window.actions_.import_partners.trigger()
    qtbot.waitUntil(lambda: window.findChild(ImportProblemsDialog) is not None)
    dialog = window.findChild(ImportProblemsDialog)
    assert dialog.text().startswith("The file: its values are separated by semicolons (;), not commas")
    assert "column '" not in dialog.text() and "(file)" not in dialog.text()
    dialog.close()
