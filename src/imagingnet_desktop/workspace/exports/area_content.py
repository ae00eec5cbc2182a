"""What each area of the workspace contributes to the drafts: one small function per area.

The drafts ask only these functions about the Programme, Commercial model, Control and Record areas, so when
an area holds its answers the function reads them from the workspace and the documents follow. An area with
nothing to say returns ``None`` or an empty list, and the draft then says "[to be agreed]" at that point and
lists the matter in its annex of matters still open. Each result is plain text, already in the words the
document should use (partner names, not ids).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace


class ModelStatus(StrEnum):
    CHOSEN = "chosen"  # the preferred model (and host) of the full business case
    UNDER_CONSIDERATION = "under consideration"  # a short list is still being appraised


@dataclass(frozen=True)
class ModelText:
    """The commercial model as the drafts state it.

    ``name`` is the chosen model, or while ``UNDER_CONSIDERATION`` the one leading the appraisal (may be
    empty); ``options`` the short list still open; ``implies_tupe`` whether staff would transfer to a single
    employer (an arm's-length organisation or a joint venture); ``host`` the hosting partner's name, if any.
    """

    status: ModelStatus
    name: str
    summary: str
    options: tuple[str, ...] = ()
    host: str | None = None
    legal_entity: str | None = None
    implies_tupe: bool | None = None


@dataclass(frozen=True)
class ReservedMatterText:
    """A reserved matter: ``rule`` (e.g. "Unanimity: every partner must agree") is ``None`` until agreed."""

    matter: str
    rule: str | None
    escalation: str | None = None  # "Partnership Board" / "Trust Boards"
    tolerance: str | None = None  # e.g. "more than 5% from the annual business plan"


@dataclass(frozen=True)
class BoardPositionText:
    position: str  # "Chair", "Clinical Director"...
    partner: str | None  # the partner's name; None while unallocated
    rotation: str | None = None  # e.g. "rotates every two years"


@dataclass(frozen=True)
class MonitoringGroupText:
    name: str  # "Operations monitoring group"
    remit: str
    reports_to: str | None = None


@dataclass(frozen=True)
class TimetableEntry:
    """One of the six steps with its target date (``None``: not set) and whether it is the current step."""

    step: str
    target: date | None
    current: bool = False


@dataclass(frozen=True)
class OpenChecklistItem:
    """A programme checklist item not yet agreed (nor marked not applicable)."""

    step: str
    workstream: str
    item: str
    status: str  # "not started" / "in discussion"
    owner: str | None = None
    due: date | None = None


@dataclass(frozen=True)
class OpenIssueText:
    """An open issue from the record."""

    issue: str
    owner: str | None = None


# ------------------------------------------------------------------------------------- Commercial model


def commercial_model(workspace: Workspace) -> ModelText | None:
    """The chosen model, or the options still under consideration; ``None`` while nothing is decided."""
    return None


# ------------------------------------------------------------------------------------- Control


def reserved_matters(workspace: Workspace) -> list[ReservedMatterText]:
    return []


def board_positions(workspace: Workspace) -> list[BoardPositionText]:
    return []


def monitoring_groups(workspace: Workspace) -> list[MonitoringGroupText]:
    return []


# ------------------------------------------------------------------------------------- Programme


def programme_timetable(workspace: Workspace) -> list[TimetableEntry]:
    """The six steps in order with their target dates; empty while the programme holds none."""
    return []


def open_checklist_items(workspace: Workspace) -> list[OpenChecklistItem]:
    return []


# ------------------------------------------------------------------------------------- Record


def open_issues(workspace: Workspace) -> list[OpenIssueText]:
    return []
