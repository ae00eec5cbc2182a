"""The workspace schema: its version and the ordered migrations, all in one place.

``MIGRATIONS[i]`` takes a workspace from version ``i`` to ``i + 1``. A new workspace runs them all.
They receive a ``sqlite_utils.Database`` wrapping the open connection, inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from imagingnet_desktop.store.migrations import commercial
from imagingnet_desktop.store.migrations.control import control_tables
from imagingnet_desktop.store.migrations.exports import exports_history
from imagingnet_desktop.store.migrations.matter_purpose import matter_purpose
from imagingnet_desktop.store.migrations.programme import programme_tables
from imagingnet_desktop.store.migrations.record import v3_record
from imagingnet_desktop.store.migrations.scenarios_by_partner_id import scenarios_by_partner_id
from imagingnet_desktop.store.migrations.snapshots import add_snapshots

if TYPE_CHECKING:  # sqlite_utils imports pandas when installed: keep it off the start-up path
    from sqlite_utils import Database

APPLICATION_ID = 0x494D474E  # "IMGN": marks a SQLite file as an ImagingNet workspace

DECIMAL_PARTNER_COLUMNS = (
    "imaging_staff_wte",
    "consultant_radiologists_wte",
    "staff_vacancy_rate_pct",
    "radiologist_vacancy_rate_pct",
    "pay_cost_gbp",
    "direct_non_pay_gbp",
    "total_operating_cost_gbp",
    "going_concern_value_gbp",
)


def _v1_network_and_partners(db: Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    columns: dict[str, type] = {
        "id": int,
        "position": int,
        "code": str,
        "name": str,
        "organisation_type": str,
        "ics": str,
        "population_served": int,
        "imaging_exams_per_year": int,
        **{name: str for name in DECIMAL_PARTNER_COLUMNS},  # exact decimals kept as text
        "cancer_alliance": str,
        "ppci_centre": int,
        "hyper_acute_stroke_unit": int,
    }
    db.table("partners").create(columns, pk="id", not_null={"position", "code", "name", "organisation_type"})
    db.table("session_lock").create({"id": int, "token": str, "pid": int, "host": str, "opened_at": str}, pk="id")


def _v2_state_and_scenarios(db: Database) -> None:
    """Per-tab state (JSON by key) and the saved shares & votes scenarios."""
    db.table("tab_state").create({"key": str, "value": str}, pk="key")
    db.table("scenarios").create(
        {"id": int, "position": int, "name": str, "definition": str, "agreed": int},
        pk="id",
        not_null={"position", "name", "definition", "agreed"},
    )


MIGRATIONS: tuple[Callable[[Database], None], ...] = (
    _v1_network_and_partners,
    _v2_state_and_scenarios,
    scenarios_by_partner_id,
    control_tables,
    add_snapshots,
    programme_tables,
    commercial.commercial_appraisal,
    v3_record,
    exports_history,
    matter_purpose,
)
SCHEMA_VERSION = len(MIGRATIONS)
