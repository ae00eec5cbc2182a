"""The report's record section: how many decisions and actions, and each revealed motion's result.

Shape (inside ``"network"`` and at the top level)::

    "record": {"decisions": int, "open_actions": int, "overdue_actions": int,
               "motions": [{"title", "result": "passed" | "not passed", "for": [code], "against": [code],
                            "abstain": [code]}]}

Only revealed motions are listed (a vote not yet revealed stays hidden), in the order they were made; a
correction is listed as its own motion beside the one it corrects. A source without a record (a bare network)
gives zeros and no motions.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from imagingnet_desktop.domain.record.motions import VoteChoice
from imagingnet_desktop.workspace.record.entries import MOTIONS, counts
from imagingnet_desktop.workspace.record.motions import ballots

JsonValue = Any


def record_section(source: object, today: date | None = None) -> dict[str, JsonValue]:
    if not hasattr(source, "rows"):
        return {"decisions": 0, "open_actions": 0, "overdue_actions": 0, "motions": []}
    decisions, open_actions, overdue = counts(source, today or date.today())  # type: ignore[arg-type]
    motions = []
    for motion in source.rows(MOTIONS):
        if not motion.revealed or motion.outcome is None:
            continue
        counted = ballots(source, motion)  # type: ignore[arg-type]
        motions.append({
            "title": motion.title,
            "result": motion.outcome.value,
            **{key: [b.code for b in counted if b.choice is choice]
               for key, choice in (("for", VoteChoice.FOR), ("against", VoteChoice.AGAINST),
                                   ("abstain", VoteChoice.ABSTAIN))},
        })
    return {"decisions": decisions, "open_actions": open_actions, "overdue_actions": overdue, "motions": motions}


SECTIONS = [("record", record_section)]
