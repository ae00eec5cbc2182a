"""Reserved matters get their purpose when an older workspace is migrated: by the title words the drafts used
before (so the drafts say what they said), the first matter of each purpose only; a new workspace gets the
content file's purposes; the format-2 file kept in tests/data opens with its exit and admission matters marked."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from imagingnet_desktop.domain.control.reserved_matters import MatterPurpose
from imagingnet_desktop.store.migrations.control import starting_content
from imagingnet_desktop.store.migrations.matter_purpose import matter_purpose
from imagingnet_desktop.store.migrations.schema import APPLICATION_ID, MIGRATIONS
from imagingnet_desktop.workspace.control.control_rows import RESERVED_MATTERS
from imagingnet_desktop.workspace.workspace import Workspace
from locations import DATA

BEFORE = MIGRATIONS.index(matter_purpose)  # the file format just before reserved matters had a purpose


def file_before_purposes(path: Path, titles: dict[int, str], added: list[str]) -> Path:
    """A workspace of the format before this migration, its seeded matters retitled (by id) and others added."""
    db = Database(path)
    for step in MIGRATIONS[:BEFORE]:
        step(db)
    for matter_id, title in titles.items():
        db.execute("UPDATE reserved_matters SET title = ? WHERE id = ?", [title, matter_id])
    for title in added:
        db.execute("INSERT INTO reserved_matters (position, title, rule_kind, decided_by, tolerance_kind,"
                   " escalate_chief_executives, escalate_mediation)"
                   " VALUES ((SELECT MAX(position) FROM reserved_matters) + 1, ?, 'unanimity', 'trust_boards',"
                   " 'none', 1, 1)", [title])
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {BEFORE}")
    db.conn.commit()
    db.close()
    return path


def purposes(path: Path) -> dict[str, MatterPurpose]:
    ws = Workspace.open(path)
    try:
        return {m.title: m.purpose for m in ws.rows(RESERVED_MATTERS) if m.purpose is not MatterPurpose.NONE}
    finally:
        ws.close()


def test_a_new_workspace_has_the_content_files_purposes(tmp_path: Path) -> None:
    wanted = {item["title"]: MatterPurpose(item["purpose"]) for item in starting_content()["reserved_matters"]
              if "purpose" in item}
    assert wanted == {"Admit a new partner or remove a partner": MatterPurpose.ADMISSION,
                      "A partner's exit from the network": MatterPurpose.EXIT}
    ws = Workspace.create(tmp_path / "new.imagingnet", "New network")
    ws.close()
    assert purposes(tmp_path / "new.imagingnet") == wanted


def test_existing_matters_are_marked_by_the_words_the_drafts_used(tmp_path: Path) -> None:
    """The matter listed first with the words wins, as it did in the drafts; the seeded exit matter, retitled
    without the words, is left unmarked because an earlier one took the purpose."""
    path = file_before_purposes(tmp_path / "old.imagingnet",
                                {3: "Joining the network", 4: "Partners' departures", 1: "Withdrawal of a partner"},
                                ["Leaving early", "Admission fees"])
    assert purposes(path) == {"Withdrawal of a partner": MatterPurpose.EXIT,
                              "Joining the network": MatterPurpose.ADMISSION}


def test_a_title_naming_both_takes_the_purpose_no_earlier_matter_has(tmp_path: Path) -> None:
    path = file_before_purposes(tmp_path / "old.imagingnet",
                                {1: "Admit a partner or let one leave", 3: "Budget", 4: "Exit of a partner"}, [])
    assert purposes(path) == {"Admit a partner or let one leave": MatterPurpose.ADMISSION,
                              "Exit of a partner": MatterPurpose.EXIT}
    again = file_before_purposes(tmp_path / "again.imagingnet",
                                 {1: "Admit a partner", 2: "Join or leave the network", 3: "Budget", 4: "Plan"}, [])
    assert purposes(again) == {"Admit a partner": MatterPurpose.ADMISSION,
                               "Join or leave the network": MatterPurpose.EXIT}


def test_the_content_files_purpose_marks_a_seeded_matter_the_words_miss(tmp_path: Path, monkeypatch) -> None:
    """A later content file may seed a matter whose title lacks the words; its purpose still comes through."""
    import imagingnet_desktop.store.migrations.matter_purpose as migration

    content = starting_content()
    content["reserved_matters"][2]["title"] = "New members"
    monkeypatch.setattr(migration, "starting_content", lambda: content)
    path = file_before_purposes(tmp_path / "old.imagingnet", {3: "New members"}, [])
    assert purposes(path)["New members"] is MatterPurpose.ADMISSION


def test_the_format_2_file_opens_with_its_exit_and_admission_matters_marked(tmp_path: Path) -> None:
    path = Path(shutil.copyfile(DATA / "format2-scenarios.imagingnet", tmp_path / "format2.imagingnet"))
    assert purposes(path) == {"Admit a new partner or remove a partner": MatterPurpose.ADMISSION,
                              "A partner's exit from the network": MatterPurpose.EXIT}
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        column = [r for r in conn.execute("PRAGMA table_info(reserved_matters)") if r[1] == "purpose"]
        counts = dict(conn.execute("SELECT purpose, COUNT(*) FROM reserved_matters GROUP BY purpose").fetchall())
    finally:
        conn.close()
    assert column and column[0][3] == 1 and column[0][4] == "'none'"  # NOT NULL DEFAULT 'none'
    assert counts == {"none": len(starting_content()["reserved_matters"]) - 2, "exit": 1, "admission": 1}
