"""Reserved matters get a ``purpose`` (``none``, ``exit`` or ``admission``): which matter's rule the drafts' exit
and joining clauses follow, kept as a property of the matter instead of guessed from words in its title.

Existing matters are marked by the words the drafts looked for before this version, in the order the matters are
listed, so a workspace's drafts say what they said: "exit", "leav..." or "withdraw..." for a partner's exit;
"admit", "admission" or "join..." for admitting one. Only the first matter of each purpose is marked (the drafts
used the first); a title naming both takes the purpose no earlier matter has, admission first. A purpose still
unmarked then goes to a matter titled as ``resources/control.toml`` seeds it, if the content file gives that
matter the purpose (for a new workspace both ways mark the same two matters).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from imagingnet_desktop.store.migrations.control import starting_content

if TYPE_CHECKING:
    from sqlite_utils import Database

_WORDS = (("admission", re.compile(r"\b(admit|admission|join)", re.IGNORECASE)),
          ("exit", re.compile(r"\b(exit|leav|withdraw)", re.IGNORECASE)))


def matter_purpose(db: Database) -> None:
    db.execute("ALTER TABLE reserved_matters ADD COLUMN purpose TEXT NOT NULL DEFAULT 'none'")
    rows = [(int(i), str(t)) for i, t in db.execute("SELECT id, title FROM reserved_matters ORDER BY position, id")]
    chosen: dict[int, str] = {}
    for matter_id, title in rows:
        for purpose, words in _WORDS:
            if words.search(title) and purpose not in chosen.values():
                chosen[matter_id] = purpose
                break
    seeded = {item["title"]: item.get("purpose", "none") for item in starting_content().get("reserved_matters", [])}
    for matter_id, title in rows:
        purpose = seeded.get(title, "none")
        if matter_id not in chosen and purpose in ("exit", "admission") and purpose not in chosen.values():
            chosen[matter_id] = purpose
    for matter_id, purpose in chosen.items():
        db.execute("UPDATE reserved_matters SET purpose = ? WHERE id = ?", [purpose, matter_id])
