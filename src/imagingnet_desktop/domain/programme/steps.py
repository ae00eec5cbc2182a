"""The six steps, the four workstreams and the four statuses of a checklist item: fixed ids, names, symbols.

Ids are stable text (they are stored in the file and printed by ``report --json``); names are what the room
reads. A status is always shown with a word and a symbol, never by colour alone.
"""

from __future__ import annotations

from enum import StrEnum


class StepId(StrEnum):
    MOU = "mou"
    SOC = "soc"
    OBC = "obc"
    FBC = "fbc"
    IMPLEMENTATION = "implementation"
    MONITORING = "monitoring"


class WorkstreamId(StrEnum):
    STRATEGIC = "strategic"
    OPERATIONS = "operations"
    FINANCE = "finance"
    COMMERCIAL = "commercial"


STEP_ORDER: tuple[StepId, ...] = tuple(StepId)
WORKSTREAM_ORDER: tuple[WorkstreamId, ...] = tuple(WorkstreamId)

STEP_SHORT_NAMES: dict[StepId, str] = {
    StepId.MOU: "MOU",
    StepId.SOC: "SOC",
    StepId.OBC: "OBC",
    StepId.FBC: "FBC",
    StepId.IMPLEMENTATION: "Implementation",
    StepId.MONITORING: "Monitoring",
}

WORKSTREAM_NAMES: dict[WorkstreamId, str] = {
    WorkstreamId.STRATEGIC: "Strategic",
    WorkstreamId.OPERATIONS: "Operations",
    WorkstreamId.FINANCE: "Finance",
    WorkstreamId.COMMERCIAL: "Commercial",
}


def next_step(step: StepId) -> StepId | None:
    """The step after ``step``; None after Monitoring & Management (the last)."""
    index = STEP_ORDER.index(step)
    return STEP_ORDER[index + 1] if index + 1 < len(STEP_ORDER) else None


class ItemStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_DISCUSSION = "in_discussion"
    AGREED = "agreed"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def symbol(self) -> str:
        return _STATUS_SYMBOLS[self]

    def cycled(self) -> ItemStatus:
        """The next status in the order Space steps through: not started -> in discussion -> agreed ->
        not applicable -> not started."""
        order = tuple(ItemStatus)
        return order[(order.index(self) + 1) % len(order)]


_STATUS_LABELS = {
    ItemStatus.NOT_STARTED: "Not started",
    ItemStatus.IN_DISCUSSION: "In discussion",
    ItemStatus.AGREED: "Agreed",
    ItemStatus.NOT_APPLICABLE: "Not applicable",
}
_STATUS_SYMBOLS = {
    ItemStatus.NOT_STARTED: "○",
    ItemStatus.IN_DISCUSSION: "◐",
    ItemStatus.AGREED: "✔",
    ItemStatus.NOT_APPLICABLE: "—",
}


def parse_status(raw: str) -> ItemStatus:
    """A status from its id, its label or its first letters ("agreed", "In discussion", "n/a")."""
    from imagingnet_desktop.domain.network.partner_fields import FieldError

    text = " ".join(raw.strip().lower().replace("_", " ").split())
    aliases = {"n/a": ItemStatus.NOT_APPLICABLE, "na": ItemStatus.NOT_APPLICABLE}
    if text in aliases:
        return aliases[text]
    for status in ItemStatus:
        if text and status.label.lower().startswith(text):
            return status
    raise FieldError(f"Status must be one of {', '.join(s.label.lower() for s in ItemStatus)}, not '{raw[:40]}'")
