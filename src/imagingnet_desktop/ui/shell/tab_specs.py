"""The six tabs in workshop order, and what builds each.

Each factory imports its tab's module when called: a tab is only built (and its module only imported) when it
is first shown, so a heavy tab costs nothing at start-up. A tab is a ``ui.common.tab.Tab`` built as
``<Area>Tab(workspace, parent)``: it subscribes to the workspace itself, and the main window calls its
``flush()`` before an undo and its ``detach()`` before the workspace is closed or replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from imagingnet_desktop.workspace.workspace import Workspace

TabFactory = Callable[[Workspace, QWidget | None], QWidget]


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str
    build: TabFactory


def _network(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    from imagingnet_desktop.ui.network.network_tab import NetworkTab

    return NetworkTab(workspace, parent)


def _control(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    from imagingnet_desktop.ui.control.control_tab import ControlTab

    return ControlTab(workspace, parent)


def _programme(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    from imagingnet_desktop.ui.programme.programme_tab import ProgrammeTab

    return ProgrammeTab(workspace, parent)


def _shares_votes(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    from imagingnet_desktop.ui.shares_votes.shares_votes_tab import SharesVotesTab  # numpy, matplotlib: here

    return SharesVotesTab(workspace, parent)


def _commercial(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    from imagingnet_desktop.ui.commercial.commercial_tab import CommercialTab

    return CommercialTab(workspace, parent)


def _record(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    from imagingnet_desktop.ui.record.record_tab import RecordTab

    return RecordTab(workspace, parent)


TABS: tuple[TabSpec, ...] = (
    TabSpec("network", "Network", _network),
    TabSpec("programme", "Programme", _programme),
    TabSpec("commercial", "Commercial model", _commercial),
    TabSpec("shares", "Shares & votes", _shares_votes),
    TabSpec("control", "Control", _control),
    TabSpec("record", "Record", _record),
)
