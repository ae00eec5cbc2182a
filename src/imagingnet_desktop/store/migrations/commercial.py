"""Commercial model tables: the options appraisal, one table per concept, and the starting content.

- ``commercial_options``: every model and variant on the long list, its stage and the reason it was ruled out,
  and its five options-framework rows;
- ``commercial_criteria``: the critical success factors and their weights (the Green Book five to start);
- ``commercial_scores``: one partner's 0-10 score of one option against one factor (removed with the partner);
- ``commercial_choice``: one row: the network's current model, the host of the preferred option, the rationale.

A new workspace and a migrated one both get the five models of the spectrum and the five factors, copied from
the shipped content now, so a later release's content never rewrites a workspace's own list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

_TEXT = "TEXT NOT NULL DEFAULT ''"
STARTING_WEIGHT = 20.0


def commercial_appraisal(db: Database) -> None:
    db.execute(f"""
        CREATE TABLE commercial_options (
            id INTEGER PRIMARY KEY,
            position REAL NOT NULL,
            model_key TEXT NOT NULL,
            name TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('long_list', 'ruled_out', 'short_list', 'preferred')),
            reason {_TEXT},
            ruled_out_against {_TEXT},
            scope {_TEXT},
            service_solution {_TEXT},
            service_delivery {_TEXT},
            implementation {_TEXT},
            funding {_TEXT}
        )""")
    db.execute("""
        CREATE TABLE commercial_criteria (
            id INTEGER PRIMARY KEY,
            position REAL NOT NULL,
            name TEXT NOT NULL,
            weight REAL NOT NULL CHECK (weight >= 0),
            own INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute("""
        CREATE TABLE commercial_scores (
            id INTEGER PRIMARY KEY,
            option_id INTEGER NOT NULL REFERENCES commercial_options(id) ON DELETE RESTRICT,
            criterion_id INTEGER NOT NULL REFERENCES commercial_criteria(id) ON DELETE RESTRICT,
            partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE RESTRICT,
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
            UNIQUE (option_id, criterion_id, partner_id)
        )""")
    db.execute("""
        CREATE TABLE commercial_choice (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            current_model_key TEXT NOT NULL,
            host_partner_id INTEGER REFERENCES partners(id) ON DELETE RESTRICT,
            rationale TEXT NOT NULL DEFAULT ''
        )""")
    _seed(db)


def _seed(db: Database) -> None:
    # Imported here, not at the top: every open imports the migrations list (for the schema version), and only
    # creating or migrating a workspace seeds; the catalogue's modules cost start-up some 17 ms.
    from imagingnet_desktop.domain.commercial.appraisal import GREEN_BOOK_CRITERIA, OptionStatus
    from imagingnet_desktop.domain.commercial.catalogue import catalogue

    content = catalogue()
    for position, model in enumerate(content.models, start=1):
        db.execute(
            "INSERT INTO commercial_options (position, model_key, name, status) VALUES (?, ?, ?, ?)",
            [float(position), model.key, model.name, OptionStatus.LONG_LIST.value],
        )
    for position, name in enumerate(GREEN_BOOK_CRITERIA, start=1):
        db.execute(
            "INSERT INTO commercial_criteria (position, name, weight, own) VALUES (?, ?, ?, 0)",
            [float(position), name, STARTING_WEIGHT],
        )
    business_as_usual = content.models[0].key
    db.execute("INSERT INTO commercial_choice (id, current_model_key) VALUES (1, ?)", [business_as_usual])
