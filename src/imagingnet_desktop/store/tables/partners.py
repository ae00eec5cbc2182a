"""Rows <-> the network and its partners. Plain parameterised SQL: this is on the start-up path."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from typing import Any

from imagingnet_desktop.domain.network.network import Network
from imagingnet_desktop.domain.network.partner import TEMPLATE_HEADER, Partner
from imagingnet_desktop.store.migrations.schema import DECIMAL_PARTNER_COLUMNS
from imagingnet_desktop.store.tables import id_floor

_COLUMNS = ("id", *TEMPLATE_HEADER)
_BOOL_COLUMNS = ("ppci_centre", "hyper_acute_stroke_unit")
_DEFAULT_NAME = "Untitled imaging network"


def load_network(conn: sqlite3.Connection) -> Network:
    name_row = conn.execute("SELECT value FROM meta WHERE key = 'network_name'").fetchone()
    rows = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM partners ORDER BY position, id").fetchall()
    return Network(name=name_row[0] if name_row else _DEFAULT_NAME, partners=tuple(_partner(r) for r in rows))


def _partner(row: tuple[object, ...]) -> Partner:
    values: dict[str, Any] = dict(zip(_COLUMNS, row, strict=True))
    for column in DECIMAL_PARTNER_COLUMNS:
        if values[column] is not None:
            values[column] = Decimal(values[column])
    for column in _BOOL_COLUMNS:
        values[column] = bool(values[column])
    for column in ("ics", "cancer_alliance"):
        values[column] = values[column] or ""
    return Partner(**values)


def _row(partner: Partner, position: int) -> dict[str, object]:
    row: dict[str, object] = {"id": partner.id, "position": position}
    for column in TEMPLATE_HEADER:
        value = getattr(partner, column)
        if column in DECIMAL_PARTNER_COLUMNS and value is not None:
            value = str(value)
        elif column in _BOOL_COLUMNS:
            value = int(bool(value))
        row[column] = value
    return row


def set_network_name(conn: sqlite3.Connection, name: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('network_name', ?)", (name,))


def next_partner_id(conn: sqlite3.Connection) -> int:
    return id_floor.next_id(conn, "partners")


def write_partners(conn: sqlite3.Connection, partners: tuple[Partner, ...]) -> None:
    """Make the partners table hold exactly ``partners`` in this order (positions renumbered)."""
    keep = [p.id for p in partners]
    where = f"WHERE id NOT IN ({', '.join('?' * len(keep))})" if keep else ""
    id_floor.note_deleted(conn, "partners", [r[0] for r in conn.execute(f"SELECT id FROM partners {where}", keep)])
    conn.execute(
        f"DELETE FROM partners WHERE id NOT IN ({', '.join('?' * len(keep))})" if keep else "DELETE FROM partners",
        keep,
    )
    names = ("id", "position", *TEMPLATE_HEADER)
    conn.executemany(_upsert(names), [tuple(_row(p, i)[n] for n in names) for i, p in enumerate(partners)])


def write_partner(conn: sqlite3.Connection, partner: Partner, position: int) -> None:
    row = _row(partner, position)
    names = tuple(row)
    conn.execute(_upsert(names), [row[n] for n in names])


def _upsert(names: tuple[str, ...]) -> str:
    """Insert, or update in place: never REPLACE, which deletes the row first and so would trip (or, with
    another ON DELETE rule, cascade through) every foreign key that names the partner."""
    updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
    return (f"INSERT INTO partners ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}")
