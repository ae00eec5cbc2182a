"""The open workspace: the network in memory, the file behind it, the undo stack and the listeners.

An edit flows: a screen builds a ``Command`` -> ``Workspace.execute`` opens one transaction ->
``command.do`` calls ``put_*`` (memory and file together) -> commit -> listeners get the ``Change``.
If anything fails the transaction rolls back and the memory is restored, so nothing is half-written.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path

from ..domain.network import Network
from ..domain.partner import Partner
from ..store import WorkspaceFile, WorkspaceSaveError, network_rows, scenario_rows, tab_state
from ..store.scenario_rows import ScenarioRow
from .changes import Change, ChangeNotifier, Listener
from .commands import Command, UndoStack


class Workspace:
    def __init__(self, file: WorkspaceFile) -> None:
        self._file = file
        self._network = network_rows.load_network(file.conn)
        self._tab_state: dict[str, object] = {}
        self._scenarios: tuple[ScenarioRow, ...] | None = None  # loaded when first asked for
        self._notifier = ChangeNotifier()
        self._undo = UndoStack()
        self.notices: list[str] = list(file.notices)  # what the user should be told about this workspace
        self._notice_listeners: list[Callable[[str], None]] = []
        self._save_failure_listeners: list[Callable[[WorkspaceSaveError, str], None]] = []

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
        return self._network

    def tab_state(self, key: str, default: object = None) -> object:
        if key not in self._tab_state:
            try:
                self._tab_state[key] = tab_state.read_state(self._file.conn, key)
            except (ValueError, TypeError):  # not JSON: a setting, so back to its default (with a notice)
                self.reset_setting(key, f"The saved setting {key} could not be read, so it is back to its "
                                        "default (nothing has been changed in the file).")
        value = self._tab_state[key]
        return copy.deepcopy(value) if value is not None else default

    @property
    def scenarios(self) -> tuple[ScenarioRow, ...]:
        """The saved shares & votes scenarios, in order (see ``workspace.shares_votes``)."""
        if self._scenarios is None:
            self._scenarios = scenario_rows.load_scenarios(self._file.conn)
        return self._scenarios

    # ------------------------------------------------------------- listening
    def subscribe(self, listener: Listener):
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
        self._tab_state[key] = None
        self.add_notice(notice)

    # ------------------------------------------------------------- editing
    def execute(self, command: Command) -> Change:
        change = self._run(command.do, command.label)
        self._undo.pushed(command)
        self._notifier.notify(change | Change.UNDO_STACK)
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

    def _run(self, step, label: str = "") -> Change:
        network, state, scenarios = self._network, dict(self._tab_state), self._scenarios
        try:
            with self._file.transaction():
                return step(self)
        except BaseException as exc:
            self._network, self._tab_state, self._scenarios = network, state, scenarios
            if isinstance(exc, WorkspaceSaveError):
                for listener in list(self._save_failure_listeners):
                    listener(exc, label)
            raise

    # ------------------------------------------------------------- used by commands (inside a transaction)
    def put_network_name(self, name: str) -> None:
        network_rows.set_network_name(self._file.conn, name)
        self._network = Network(name, self._network.partners)

    def put_partners(self, partners: tuple[Partner, ...]) -> None:
        network_rows.write_partners(self._file.conn, partners)
        self._network = Network(self._network.name, tuple(partners))

    def put_partner(self, partner: Partner) -> None:
        """Replace the partner with the same id, where it stands."""
        index = self._network.index_of(partner.id)
        network_rows.write_partner(self._file.conn, partner, index)
        partners = list(self._network.partners)
        partners[index] = partner
        self._network = Network(self._network.name, tuple(partners))

    def new_partner_id(self) -> int:
        in_memory = max((p.id for p in self._network.partners), default=0) + 1
        return max(in_memory, network_rows.next_partner_id(self._file.conn))

    def put_tab_state(self, key: str, value: object | None) -> None:
        tab_state.write_state(self._file.conn, key, value)
        self._tab_state[key] = copy.deepcopy(value)

    def put_scenarios(self, scenarios: tuple[ScenarioRow, ...]) -> None:
        scenario_rows.write_scenarios(self._file.conn, scenarios)
        self._scenarios = tuple(scenarios)
