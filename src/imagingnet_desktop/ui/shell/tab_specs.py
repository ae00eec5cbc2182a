"""The six tabs in workshop order, and what builds each. A tab not built yet is a plain placeholder.

When a tab is built, replace its ``placeholder(...)`` factory with a function like ``_network`` below that
imports the tab's module when called: a tab is only built (and its module only imported) when it is first
shown, so a heavy tab costs nothing at start-up. A tab is built as ``Tab(workspace, parent)`` and subscribes
to the workspace itself; if it has a ``detach()`` method, the main window calls it before the workspace is
closed or replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from imagingnet_desktop.ui.shares_votes.shares_votes_tab import SharesVotesTab
from imagingnet_desktop.ui.shell.placeholder_tab import PlaceholderTab
from imagingnet_desktop.workspace.workspace import Workspace

TabFactory = Callable[[Workspace, QWidget | None], QWidget]


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str
    build: TabFactory


def placeholder(title: str, description: str) -> TabFactory:
    return lambda _workspace, parent=None: PlaceholderTab(title, description, parent)


def _network(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    from imagingnet_desktop.ui.network.network_tab import NetworkTab

    return NetworkTab(workspace, parent)


def _record(workspace: Workspace, parent: QWidget | None = None) -> QWidget:
    from imagingnet_desktop.ui.record.record_tab import RecordTab

    return RecordTab(workspace, parent)


TABS: tuple[TabSpec, ...] = (
    TabSpec("network", "Network", _network),
    TabSpec(
        "programme",
        "Programme",
        placeholder(
            "Programme",
            "The six steps (MOU, SOC, OBC, FBC, Implementation, Monitoring & Management) across the four "
            "workstreams (Strategic, Operations, Finance, Commercial): what each step asks of each "
            "workstream, checklists with owners and due dates, how complete each step is, lessons from "
            "pathology networks, target dates on a timeline and the current step.",
        ),
    ),
    TabSpec(
        "commercial",
        "Commercial model",
        placeholder(
            "Commercial model",
            "The spectrum from As Is through Collaborative Working, Contractual Partnership and an Arm's "
            "Length Organisation to a private joint venture; what each model implies; eligibility warnings; "
            "and the options appraisal from long list to preferred model and host.",
        ),
    ),
    TabSpec("shares", "Shares & votes", SharesVotesTab),
    TabSpec(
        "control",
        "Control",
        placeholder(
            "Control",
            "Board positions and their rotation, reserved matters with their decision rules, escalation and "
            "tolerances (and who can block each), the annual business plan cycle and the monitoring groups.",
        ),
    ),
    TabSpec("record", "Record", _record),
)
