"""``quiet_areas``: the Programme, Commercial model, Control and Record areas say nothing to the drafts (as a
workspace whose areas hold no answers would), so a test can count the draft's own open matters."""

from __future__ import annotations

import pytest

from imagingnet_desktop.workspace.exports import area_content


@pytest.fixture
def quiet_areas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(area_content, "commercial_model", lambda ws: None)
    for name in ("reserved_matters", "board_positions", "monitoring_groups", "programme_timetable",
                 "open_checklist_items", "open_issues"):
        monkeypatch.setattr(area_content, name, lambda ws: [])
    monkeypatch.setattr(area_content, "checklist_on", lambda ws, topic: [])
