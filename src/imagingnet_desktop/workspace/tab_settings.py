"""Small per-tab settings (a JSON value by key, in ``tab_state``) and the one command that changes them.

Only settings live here: which scenario is compared, the working sliders. Collections have their own tables
(``workspace.collections``). How a screen was left (a folded pane) is a view setting: kept in the same table so
the file reopens that way, but not an edit (``remember_view_setting``: no undo step, nothing redrawn).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from imagingnet_desktop.workspace.changes import Change

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace


@dataclass
class SetTabState:
    key: str
    value: object
    label: str
    old: object = field(default=None)

    def do(self, workspace: Workspace) -> Change:
        self.old = workspace.tab_state(self.key)
        workspace.put_tab_state(self.key, self.value)
        return Change.TAB_STATE

    def undo(self, workspace: Workspace) -> Change:
        workspace.put_tab_state(self.key, self.old)
        return Change.TAB_STATE


def set_tab_state(workspace: Workspace, key: str, value: object, label: str) -> Change:
    """Save one setting as an undoable edit; the same value again is no edit."""
    if workspace.tab_state(key) == value:
        return Change.NONE
    return workspace.execute(SetTabState(key, value, label))


VIEW_MARK = ".view."  # in a key: a view setting ("network.view.dashboard_folded")


def is_view_setting(key: str) -> bool:
    """How a screen was left, not part of the network's record: snapshot comparisons pass over it."""
    return VIEW_MARK in key


def remember_view_setting(workspace: Workspace, key: str, value: object | None) -> None:
    """Keep how a screen was left (``None``: back to its default) for the next time the file is opened. The key
    says it is a view setting (``<area>.view.<name>``)."""
    if not is_view_setting(key):
        raise ValueError(f"{key!r} is not named as a view setting ('<area>{VIEW_MARK}<name>')")
    workspace.keep_view_setting(key, value)
