"""Every edit is a ``Command``: ``do`` and ``undo`` each change the workspace and say what changed.

Commands change the workspace only through its ``put_*`` methods, which update the in-memory state and
write the file inside the transaction the workspace opens around each do / undo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from imagingnet_desktop.workspace.changes import Change

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace


class Command(Protocol):
    label: str  # shown as "Undo <label>"

    def do(self, workspace: Workspace) -> Change: ...

    def undo(self, workspace: Workspace) -> Change: ...


class UndoStack:
    """Done commands (to undo) and undone ones (to redo); a new command clears the redo side."""

    def __init__(self, limit: int = 500) -> None:
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._limit = limit

    def pushed(self, command: Command) -> None:
        self._done.append(command)
        del self._done[: -self._limit]
        self._undone.clear()

    def take_undo(self) -> Command | None:
        return self._done[-1] if self._done else None

    def undone(self) -> None:
        self._undone.append(self._done.pop())

    def take_redo(self) -> Command | None:
        return self._undone[-1] if self._undone else None

    def redone(self) -> None:
        self._done.append(self._undone.pop())

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()

    @property
    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None


class Batch:
    """Several commands done and undone as one edit (undone in reverse order)."""

    def __init__(self, label: str, commands: list[Command]) -> None:
        self.label = label
        self.commands = commands

    def do(self, workspace: Workspace) -> Change:
        change = Change.NONE
        for command in self.commands:
            change |= command.do(workspace)
        return change

    def undo(self, workspace: Workspace) -> Change:
        change = Change.NONE
        for command in reversed(self.commands):
            change |= command.undo(workspace)
        return change
