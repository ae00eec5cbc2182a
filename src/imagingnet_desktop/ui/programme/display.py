"""How the programme's states read on screen: words, a symbol and an Okabe-Ito tint (never colour alone)."""

from __future__ import annotations

from imagingnet_desktop.domain.programme.completeness import CellCount, CellState
from imagingnet_desktop.domain.programme.steps import StepId, WorkstreamId

# Light tints of the Okabe-Ito colours, so the dark figures on them stay readable from the back of the room.
CELL_BACKGROUND = {
    CellState.MET: "#a6dcc9",  # bluish green
    CellState.BELOW: "#f6d58e",  # orange
    CellState.FAR_BELOW: "#f0b48f",  # vermilion
    CellState.NO_ITEMS: "#d4d7db",  # grey
    CellState.NOT_NEEDED: "#ffffff",
}
TO_COME_BACKGROUND = "#eceff2"  # a step not reached yet is not judged against its target

# Labels for the heat-map when the full ones do not fit (presentation type on a small screen).
STEP_COMPACT = {
    StepId.MOU: "MOU", StepId.SOC: "SOC", StepId.OBC: "OBC", StepId.FBC: "FBC",
    StepId.IMPLEMENTATION: "Impl.", StepId.MONITORING: "Mon.",
}
WORKSTREAM_COMPACT = {
    WorkstreamId.STRATEGIC: "Strat.", WorkstreamId.OPERATIONS: "Ops", WorkstreamId.FINANCE: "Fin.",
    WorkstreamId.COMMERCIAL: "Comm.",
}

CELL_SYMBOL = {
    CellState.MET: "✔",
    CellState.BELOW: "▼",
    CellState.FAR_BELOW: "▼▼",
    CellState.NO_ITEMS: "∅",
    CellState.NOT_NEEDED: "—",
}
CELL_WORDS = {
    CellState.MET: "target met",
    CellState.BELOW: "below target",
    CellState.FAR_BELOW: "far below target",
    CellState.NO_ITEMS: "no items",
    CellState.NOT_NEEDED: "nothing needed",
}


def cell_figure(count: CellCount) -> str:
    """The big figure of a heat-map cell: "67%", or "no items" when nothing is applicable."""
    completeness = count.completeness
    return "no items" if completeness is None else f"{completeness * 100:.0f}%"


def cell_detail(count: CellCount, target_pct: int, state: CellState) -> str:
    """The second line of a cell: "✔ 80%" (symbol and target)."""
    return f"{CELL_SYMBOL[state]} {target_pct}%"


def cell_description(count: CellCount, target_pct: int, state: CellState) -> str:
    """The whole cell in words (tooltip, accessibility, tests)."""
    if count.completeness is None:
        return f"{CELL_WORDS[state]}; target {target_pct}%"
    return (f"{count.agreed} of {count.applicable} applicable items agreed ({cell_figure(count)}); "
            f"target {target_pct}%: {CELL_WORDS[state]}")
