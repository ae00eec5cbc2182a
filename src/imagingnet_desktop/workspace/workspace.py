"""The open workspace: the network in memory, the file behind it, the undo stack and the listeners.

An edit flows: a screen builds a ``Command`` -> ``Workspace.execute`` opens one transaction ->
``command.do`` calls ``put_*`` (memory and file together) -> commit -> listeners get the ``Change``.
If anything fails the transaction rolls back and the memory is restored, so nothing is half-written.

Everything held in memory lives in one registry (``_state``: the network, each tab setting, each collection),
each value immutable. Every ``put_*`` goes through ``_set``, which remembers the value it replaced the first
time a key is touched in a transaction; a failed transaction puts exactly those back, so a new area needs no
rollback code of its own.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from imagingnet_desktop.domain.network.network import Network
from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.store import WorkspaceFile, WorkspaceSaveError
from imagingnet_desktop.store.tables import partners as network_rows
from imagingnet_desktop.store.tables import rows as row_tables
from imagingnet_desktop.store.tables import snapshots as snapshot_store
from imagingnet_desktop.store.tables import tab_state
from imagingnet_desktop.store.tables.snapshots import SnapshotInfo, TableRows
from imagingnet_desktop.workspace.changes import Change, ChangeNotifier, Listener
from imagingnet_desktop.workspace.collections import Collection, LoadedRows
from imagingnet_desktop.workspace.commands import Command, UndoStack

_MISSING = object()
_GAP = 1e-6  # below this gap between neighbours' positions, the table is renumbered
R = TypeVar("R")


class Workspace:
    def __init__(self, file: WorkspaceFile) -> None:
        self._file = file
        self._state: dict[str, Any] = {"network": network_rows.load_network(file.conn)}
        self._touched: dict[str, Any] | None = None  # key -> value before this transaction, while one is open
        self.notices: list[str] = list(file.notices)  # what the user should be told about this workspace
        self._notice_listeners: list[Callable[[str], None]] = []
        self._save_failure_listeners: list[Callable[[WorkspaceSaveError, str], None]] = []
        self._notifier = ChangeNotifier()
        self._undo = UndoStack()

    # ------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, take_over: bool = False) -> Workspace:
        return cls(WorkspaceFile.open(path, take_over=take_over))

    @classmethod
    def open_read_only(cls, path: str | os.PathLike[str]) -> Workspace:
        return cls(WorkspaceFile.open_read_only(path))

    @classmethod
    def create(cls, path: str | os.PathLike[str], name: str, partners: tuple[Partner, ...] = ()) -> Workspace:
        file = WorkspaceFile.create(path)
        try:
            with file.transaction() as conn:
                network_rows.set_network_name(conn, name)
                network_rows.write_partners(conn, partners)
        except BaseException:
            file.discard_new()  # never a half-made file left to block the next attempt
            raise
        return cls(file)

    def close(self) -> None:
        self._file.close()

    @property
    def close_problem(self) -> str | None:
        """Set when ``close`` could not make the file self-contained (every saved edit is still kept)."""
        return self._file.close_problem

    # ------------------------------------------------------------- reading
    @property
    def path(self) -> Path:
        return self._file.path

    @property
    def read_only(self) -> bool:
        return self._file.read_only

    @property
    def backup_path(self) -> Path | None:
        """Where an older workspace was copied before it was migrated, if it was."""
        return self._file.backup_path

    @property
    def network(self) -> Network:
        network: Network = self._state["network"]
        return network

    def tab_state(self, key: str, default: object = None) -> object:
        state_key = f"tab:{key}"
        if state_key not in self._state:
            try:
                self._state[state_key] = tab_state.read_state(self._file.conn, key)
            except (ValueError, TypeError):  # not JSON: a setting, so back to its default (with a notice)
                self.reset_setting(key, f"The saved setting {key} could not be read, so it is back to its "
                                        "default (nothing has been changed in the file).")
        value = self._state[state_key]
        return copy.deepcopy(value) if value is not None else default

    def loaded(self, collection: Collection[R]) -> LoadedRows[R]:
        """The collection as it is in memory, read from the file in one query the first time."""
        loaded: LoadedRows[R] | None = self._state.get(collection.key)
        if loaded is None:
            loaded = LoadedRows(*collection.table.load(self._file.conn))
            self._state[collection.key] = loaded
        return loaded

    def rows(self, collection: Collection[R]) -> tuple[R, ...]:
        return self.loaded(collection).rows

    def row(self, collection: Collection[R], row_id: int) -> R:
        loaded = self.loaded(collection)
        return loaded.rows[loaded.index_of(row_id)]

    def partner_references(self, partner_ids: list[int]) -> list[row_tables.PartnerReference]:
        """Every row of any collection that names one of these partners (read from the file)."""
        return row_tables.partner_references(self._file.conn, partner_ids)

    # ------------------------------------------------------------- listening
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after every edit, undo and redo. Returns an unsubscribe function."""
        return self._notifier.subscribe(listener)

    def subscribe_save_failures(self, listener: Callable[[WorkspaceSaveError, str], None]) -> Callable[[], None]:
        """Call ``listener(error, label)`` when an edit, undo or redo could not be written (it was not saved)."""
        self._save_failure_listeners.append(listener)
        return lambda: self._save_failure_listeners.remove(listener) if listener in self._save_failure_listeners \
            else None

    def subscribe_notices(self, listener: Callable[[str], None]) -> Callable[[], None]:
        """Call ``listener(text)`` for each notice added from now on (``notices`` holds the earlier ones)."""
        self._notice_listeners.append(listener)
        return lambda: self._notice_listeners.remove(listener) if listener in self._notice_listeners else None

    def add_notice(self, text: str) -> None:
        if text not in self.notices:
            self.notices.append(text)
            for listener in list(self._notice_listeners):
                listener(text)

    def reset_setting(self, key: str, notice: str) -> None:
        """Read a stored setting that cannot be used as its default, in memory only, and say so."""
        self._state[f"tab:{key}"] = None
        self.add_notice(notice)

    def keep_view_setting(self, key: str, value: object | None) -> None:
        """How a screen was left (a pane folded away), kept in ``tab_state`` so the file reopens that way. Not an
        edit: written in its own transaction, but no undo step and no ``Change`` (nothing to redraw). A read-only
        workspace keeps it for this session only; None removes it (back to the default)."""
        if self.tab_state(key) == value:
            return
        if self.read_only:
            self._state[f"tab:{key}"] = copy.deepcopy(value)
            return

        def write(workspace: Workspace) -> Change:
            workspace.put_tab_state(key, value)
            return Change.NONE

        self._run(write, f"keep {key}")

    # ------------------------------------------------------------- editing
    def execute(self, command: Command) -> Change:
        change = self._run(command.do, command.label)
        self._undo.pushed(command)
        self._notifier.notify(change | Change.UNDO_STACK)
        return change

    def record(self, command: Command) -> Change:
        """Run ``command`` as a record of the past: saved in one transaction like an edit, but not put on the undo
        stack, so Ctrl+Z after it still undoes the user's last edit and undoing never erases the record."""
        change = self._run(command.do, command.label)
        self._notifier.notify(change)
        return change

    def undo(self) -> Change:
        command = self._undo.take_undo()
        if command is None:
            return Change.NONE
        change = self._run(command.undo, f"undo {command.label}")
        self._undo.undone()
        self._notifier.notify(change | Change.UNDO_STACK)
        return change

    def redo(self) -> Change:
        command = self._undo.take_redo()
        if command is None:
            return Change.NONE
        change = self._run(command.do, f"redo {command.label}")
        self._undo.redone()
        self._notifier.notify(change | Change.UNDO_STACK)
        return change

    @property
    def undo_label(self) -> str | None:
        return self._undo.undo_label

    @property
    def redo_label(self) -> str | None:
        return self._undo.redo_label

    def _run(self, step: Callable[[Workspace], Change], label: str = "") -> Change:
        self._touched = {}
        try:
            with self._file.transaction():
                return step(self)
        except BaseException as exc:
            for key, old in self._touched.items():
                if old is _MISSING:
                    self._state.pop(key, None)
                else:
                    self._state[key] = old
            if isinstance(exc, WorkspaceSaveError):
                for listener in list(self._save_failure_listeners):
                    listener(exc, label)
            raise
        finally:
            self._touched = None

    def _set(self, key: str, value: Any) -> None:
        """Replace one value of the registry, remembering the old one for a rollback."""
        if self._touched is None:
            raise RuntimeError("the workspace is changed only by a command, inside its transaction")
        if key not in self._touched:
            self._touched[key] = self._state.get(key, _MISSING)
        self._state[key] = value

    # ------------------------------------------------------------- used by commands (inside a transaction)
    def put_network_name(self, name: str) -> None:
        network_rows.set_network_name(self._file.conn, name)
        self._set("network", Network(name, self.network.partners))

    def put_partners(self, partners: tuple[Partner, ...]) -> None:
        network_rows.write_partners(self._file.conn, partners)
        self._set("network", Network(self.network.name, tuple(partners)))

    def put_partner(self, partner: Partner) -> None:
        """Replace the partner with the same id, where it stands."""
        index = self.network.index_of(partner.id)
        network_rows.write_partner(self._file.conn, partner, index)
        partners = list(self.network.partners)
        partners[index] = partner
        self._set("network", Network(self.network.name, tuple(partners)))

    def new_partner_id(self) -> int:
        in_memory = max((p.id for p in self.network.partners), default=0) + 1
        return max(in_memory, network_rows.next_partner_id(self._file.conn))

    def put_tab_state(self, key: str, value: object | None) -> None:
        tab_state.write_state(self._file.conn, key, value)
        self._set(f"tab:{key}", copy.deepcopy(value))

    def new_row_id(self, collection: Collection[Any]) -> int:
        in_memory = max((r.id for r in self.rows(collection)), default=0) + 1
        return max(in_memory, collection.table.next_id(self._file.conn))

    def put_row(self, collection: Collection[R], row: R, index: int | None = None) -> None:
        """Insert ``row`` before the row now at ``index`` (None: at the end)."""
        loaded = self._spaced(collection, index)
        index = len(loaded.rows) if index is None else max(0, min(index, len(loaded.rows)))
        position = _between(loaded.positions, index)
        collection.table.insert(self._file.conn, row, position)
        self._set(collection.key, LoadedRows(
            (*loaded.rows[:index], row, *loaded.rows[index:]),
            (*loaded.positions[:index], position, *loaded.positions[index:]),
        ))

    def replace_row(self, collection: Collection[R], row: R) -> None:
        loaded = self.loaded(collection)
        index = loaded.index_of(row.id)  # type: ignore[attr-defined]
        collection.table.update(self._file.conn, row)
        self._set(collection.key, LoadedRows((*loaded.rows[:index], row, *loaded.rows[index + 1:]),
                                             loaded.positions))

    def remove_row(self, collection: Collection[Any], row_id: int) -> None:
        loaded = self.loaded(collection)
        index = loaded.index_of(row_id)
        collection.table.delete(self._file.conn, row_id)
        self._set(collection.key, LoadedRows((*loaded.rows[:index], *loaded.rows[index + 1:]),
                                             (*loaded.positions[:index], *loaded.positions[index + 1:])))

    def move_row(self, collection: Collection[Any], row_id: int, index: int) -> None:
        loaded = self.loaded(collection)
        old = loaded.index_of(row_id)
        row = loaded.rows[old]
        rows = (*loaded.rows[:old], *loaded.rows[old + 1:])
        positions = (*loaded.positions[:old], *loaded.positions[old + 1:])
        self._set(collection.key, LoadedRows(rows, positions))
        loaded = self._spaced(collection, index)
        index = max(0, min(index, len(loaded.rows)))
        position = _between(loaded.positions, index)
        collection.table.set_position(self._file.conn, row_id, position)
        self._set(collection.key, LoadedRows(
            (*loaded.rows[:index], row, *loaded.rows[index:]),
            (*loaded.positions[:index], position, *loaded.positions[index:]),
        ))

    def _drop(self, key: str) -> None:
        """Remove one value from the registry (read again from the file when next asked for)."""
        if self._touched is None:
            raise RuntimeError("the workspace is changed only by a command, inside its transaction")
        if key in self._state:
            self._touched.setdefault(key, self._state[key])
            del self._state[key]

    def reload(self) -> None:
        """After a command rewrote tables as a whole: forget everything held in memory (each tab setting,
        the scenarios, every collection) and read the network again. A rollback puts the old values back."""
        for key in [k for k in self._state if k != "network"]:
            self._drop(key)
        self._set("network", network_rows.load_network(self._file.conn))

    def forget_rows(self, table_name: str) -> None:
        """Drop a collection from memory after its table was changed as a whole (partner references), so
        the next read loads it again from the file; a rollback puts the old rows back."""
        key = f"rows:{table_name}"
        if self._state.get(key) is not None:
            self._set(key, None)

    def set_partner_reference(self, reference: row_tables.PartnerReference, partner_id: int | None) -> None:
        row_tables.set_reference(self._file.conn, reference.table, reference.column, reference.row_id, partner_id)
        self.forget_rows(reference.table)

    def take_rows(self, table_name: str, row_ids: list[int]) -> list[dict[str, Any]]:
        """Delete rows of any table and return them whole, to be put back by ``put_back_rows``."""
        taken = row_tables.take_rows(self._file.conn, table_name, row_ids)
        self.forget_rows(table_name)
        return taken

    def put_back_rows(self, table_name: str, rows: list[dict[str, Any]]) -> None:
        row_tables.put_back_rows(self._file.conn, table_name, rows)
        self.forget_rows(table_name)

    # ------------------------------------------------------------- whole tables (snapshots)
    def read_tables(self) -> dict[str, TableRows]:
        """Every user-data table as the file holds it now (see ``store.tables.snapshots``)."""
        return snapshot_store.read_tables(self._file.conn)

    def partner_columns(self) -> dict[str, frozenset[str]]:
        return snapshot_store.partner_columns(self._file.conn)

    def put_tables(self, tables: dict[str, TableRows]) -> None:
        """Inside a command: make these tables hold exactly these rows, then reload what memory holds."""
        snapshot_store.replace_tables(self._file.conn, tables)
        self.reload()

    def snapshots(self) -> tuple[SnapshotInfo, ...]:
        return snapshot_store.list_snapshots(self._file.conn)

    def snapshot_tables(self, snapshot_id: int) -> dict[str, TableRows]:
        return snapshot_store.snapshot_content(self._file.conn, snapshot_id)

    def add_snapshot(self, name: str, taken_at: str) -> int:
        """Copy every user-data table into a new snapshot, in its own transaction. Not an undoable edit: a
        snapshot records the past (undoing a later edit must not remove it). Listeners get ``SNAPSHOTS``."""
        from imagingnet_desktop.store.migrations.schema import SCHEMA_VERSION

        with self._file.transaction() as conn:
            content = snapshot_store.encode(snapshot_store.read_tables(conn))
            snapshot_id = snapshot_store.insert_snapshot(conn, name, taken_at, SCHEMA_VERSION, content)
        self._notifier.notify(Change.SNAPSHOTS)
        return snapshot_id

    def _spaced(self, collection: Collection[R], index: int | None) -> LoadedRows[R]:
        """The collection, its positions renumbered first if there is no room left at ``index``."""
        loaded = self.loaded(collection)
        n = len(loaded.positions)
        i = n if index is None else max(0, min(index, n))
        if 0 < i < n and loaded.positions[i] - loaded.positions[i - 1] < _GAP:
            collection.table.renumber(self._file.conn, (r.id for r in loaded.rows))  # type: ignore[attr-defined]
            loaded = LoadedRows(loaded.rows, tuple(float(k) for k in range(1, n + 1)))
            self._set(collection.key, loaded)
        return loaded


def _between(positions: tuple[float, ...], index: int) -> float:
    """A position for a row put at ``index``: halfway between its neighbours, or one past the end."""
    if not positions:
        return 1.0
    if index >= len(positions):
        return positions[-1] + 1.0
    if index == 0:
        return positions[0] - 1.0
    return (positions[index - 1] + positions[index]) / 2
