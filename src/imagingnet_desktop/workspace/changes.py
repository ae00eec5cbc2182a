"""What changed: the one mechanism that tells screens what to refresh.

Every command returns a ``Change``; the workspace passes it to each listener after the edit is in the file,
so a screen refreshes only what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Flag, auto


class Change(Flag):
    NONE = 0
    NETWORK_NAME = auto()
    PARTNERS = auto()  # partner rows added, removed, reordered or edited (and rows that named a removed one)
    TAB_STATE = auto()  # a tab's saved settings (blend weights, vote method, rule...)
    SCENARIOS = auto()
    PROGRAMME = auto()  # steps, checklist items, targets, the current step
    COMMERCIAL = auto()  # models, options, criteria, scores, the preferred model
    CONTROL = auto()  # board positions, reserved matters, business plan, monitoring groups, KPIs
    RECORD = auto()  # decisions, actions, issues, motions and their votes
    EXPORTS = auto()  # the exported document versions
    SNAPSHOTS = auto()
    UNDO_STACK = auto()  # only what can be undone / redone changed


Listener = Callable[[Change], None]


class ChangeNotifier:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add ``listener``; returns a function that removes it again."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
