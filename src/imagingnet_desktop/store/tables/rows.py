"""A table whose rows map one-to-one onto a frozen dataclass: the pattern every collection uses.

One table per concept (checklist items, options, seats, reserved matters, KPIs, record entries...), an integer
``id`` primary key, partners referred to by ``partner_id``-style columns with a foreign key to ``partners(id)``,
never by code. The dataclass's fields are the columns, ``id`` first; an ordered table also has a ``position``
column (a REAL, so a row can be put between two others without renumbering the rest).

Values are converted by the field's type: ``bool`` <-> 0/1, ``Decimal`` <-> exact text, ``date`` /
``datetime`` <-> ISO text, an ``Enum`` <-> its value; ``int``, ``float`` and ``str`` as they are. Everything
else about a concept (what a valid row is, what it means) lives in its domain package.
"""

from __future__ import annotations

import dataclasses
import enum
import sqlite3
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from typing import Any, Generic, TypeVar

from imagingnet_desktop.store.tables import id_floor

R = TypeVar("R")


def _plain_type(hint: Any) -> Any:
    """``int | None`` -> ``int``; ``Optional[Decimal]`` -> ``Decimal``."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0] if len(args) == 1 else Any
    return hint


def _to_sql(kind: Any) -> Callable[[Any], Any]:
    if kind is bool:
        return lambda v: None if v is None else int(bool(v))
    if kind is Decimal:
        return lambda v: None if v is None else str(v)
    if kind in (date, datetime):
        return lambda v: None if v is None else v.isoformat()
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return lambda v: None if v is None else v.value
    return lambda v: v


def _from_sql(kind: Any) -> Callable[[Any], Any]:
    if kind is bool:
        return lambda v: None if v is None else bool(v)
    if kind is Decimal:
        return lambda v: None if v is None else Decimal(v)
    if kind is date:
        return lambda v: None if v is None else date.fromisoformat(v)
    if kind is datetime:
        return lambda v: None if v is None else datetime.fromisoformat(v)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return lambda v: None if v is None else kind(v)
    return lambda v: v


@dataclasses.dataclass(frozen=True)
class RowTable(Generic[R]):
    """``name``: the SQL table; ``row_type``: a frozen dataclass whose first field is ``id: int``."""

    name: str
    row_type: type[R]
    ordered: bool = True

    @cached_property
    def columns(self) -> tuple[str, ...]:
        names = tuple(f.name for f in dataclasses.fields(self.row_type))  # type: ignore[arg-type]
        if not names or names[0] != "id":
            raise TypeError(f"{self.row_type.__name__} must have 'id' as its first field")
        return names

    @cached_property
    def _converters(self) -> tuple[list[Callable[[Any], Any]], list[Callable[[Any], Any]]]:
        hints = typing.get_type_hints(self.row_type)
        kinds = [_plain_type(hints[c]) for c in self.columns]
        return [_to_sql(k) for k in kinds], [_from_sql(k) for k in kinds]

    def values(self, row: R) -> list[Any]:
        to_sql = self._converters[0]
        return [convert(getattr(row, c)) for convert, c in zip(to_sql, self.columns, strict=True)]

    def from_values(self, values: Sequence[Any]) -> R:
        from_sql = self._converters[1]
        return self.row_type(*(convert(v) for convert, v in zip(from_sql, values, strict=True)))

    # ------------------------------------------------------------------ reading
    def load(self, conn: sqlite3.Connection) -> tuple[tuple[R, ...], tuple[float, ...]]:
        """Every row in order, in one query, with the position of each (an unordered table gives ids)."""
        order = "position, id" if self.ordered else "id"
        extra = ", position" if self.ordered else ", id"
        try:
            found = conn.execute(f"SELECT {', '.join(self.columns)}{extra} FROM {self.name} ORDER BY {order}")
        except sqlite3.OperationalError:  # no such table (yet): an empty collection
            return (), ()
        rows, positions = [], []
        for record in found:
            rows.append(self.from_values(record[:-1]))
            positions.append(float(record[-1]))
        return tuple(rows), tuple(positions)

    def next_id(self, conn: sqlite3.Connection) -> int:
        return id_floor.next_id(conn, self.name)

    # ------------------------------------------------------------------ writing (inside a transaction)
    def insert(self, conn: sqlite3.Connection, row: R, position: float = 0.0) -> None:
        names = [*self.columns, "position"] if self.ordered else list(self.columns)
        values = [*self.values(row), position] if self.ordered else self.values(row)
        conn.execute(
            f"INSERT INTO {self.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", values
        )

    def update(self, conn: sqlite3.Connection, row: R) -> None:
        values = self.values(row)
        assignments = ", ".join(f"{c} = ?" for c in self.columns[1:])
        conn.execute(f"UPDATE {self.name} SET {assignments} WHERE id = ?", [*values[1:], values[0]])

    def delete(self, conn: sqlite3.Connection, row_id: int) -> None:
        conn.execute(f"DELETE FROM {self.name} WHERE id = ?", (row_id,))
        id_floor.note_deleted(conn, self.name, [row_id])

    def set_position(self, conn: sqlite3.Connection, row_id: int, position: float) -> None:
        conn.execute(f"UPDATE {self.name} SET position = ? WHERE id = ?", (position, row_id))

    def renumber(self, conn: sqlite3.Connection, ids_in_order: Iterable[int]) -> None:
        """Positions 1, 2, 3... in this order (when gaps between positions have run out)."""
        conn.executemany(
            f"UPDATE {self.name} SET position = ? WHERE id = ?",
            [(float(n), row_id) for n, row_id in enumerate(ids_in_order, start=1)],
        )


# ---------------------------------------------------------------------------- partner references


@dataclasses.dataclass(frozen=True)
class PartnerReference:
    """Row ``row_id`` of ``table`` names a partner in ``column``; ``nullable`` says it may be cleared.

    ``goes_with_partner``: the column is ``ON DELETE CASCADE``, declaring that the row belongs to the partner
    (its veto, its custom votes in a scenario) and is removed with it without asking; every other reference
    (``ON DELETE RESTRICT``) must be handed over or cleared first.
    """

    table: str
    column: str
    row_id: int
    partner_id: int
    nullable: bool
    goes_with_partner: bool = False


def _partner_columns(conn: sqlite3.Connection) -> list[tuple[str, str, bool, bool]]:
    """(table, column, nullable, cascades) for every column with a foreign key to partners(id), from the schema."""
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    found = []
    for table in tables:
        notnull = {r[1]: bool(r[3]) for r in conn.execute(f"PRAGMA table_info({table})")}
        for fk in conn.execute(f"PRAGMA foreign_key_list({table})"):
            if fk[2] == "partners":
                found.append((table, fk[3], not notnull.get(fk[3], False), str(fk[6]).upper() == "CASCADE"))
    return found


def partner_references(conn: sqlite3.Connection, partner_ids: Iterable[int]) -> list[PartnerReference]:
    """Every row in any table that refers to one of these partners: found from the schema, so a table added
    by a later migration is covered without being listed anywhere."""
    ids = list(partner_ids)
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    found: list[PartnerReference] = []
    for table, column, nullable, cascades in _partner_columns(conn):
        for row_id, partner_id in conn.execute(
            f"SELECT id, {column} FROM {table} WHERE {column} IN ({marks}) ORDER BY id", ids
        ):
            found.append(PartnerReference(table, column, row_id, partner_id, nullable, cascades))
    return found


def set_reference(conn: sqlite3.Connection, table: str, column: str, row_id: int, partner_id: int | None) -> None:
    conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (partner_id, row_id))


def take_rows(conn: sqlite3.Connection, table: str, row_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Delete these rows and return them whole (every column), so they can be put back exactly."""
    if not row_ids:
        return []
    marks = ", ".join("?" * len(row_ids))
    cursor = conn.execute(f"SELECT * FROM {table} WHERE id IN ({marks})", list(row_ids))
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    conn.execute(f"DELETE FROM {table} WHERE id IN ({marks})", list(row_ids))
    id_floor.note_deleted(conn, table, row_ids)
    return rows


def put_back_rows(conn: sqlite3.Connection, table: str, rows: Sequence[dict[str, Any]]) -> None:
    for row in rows:
        names = list(row)
        conn.execute(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [row[n] for n in names],
        )
