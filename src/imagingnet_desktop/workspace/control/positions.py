"""Board positions in the workspace: allocating seats, terms, rotation orders, and adding or removing positions."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from imagingnet_desktop.domain.control.positions import (
    BoardPosition,
    Body,
    RotationTurn,
    check_rotation,
    rotation_of,
    validate_position,
)
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import insert_row, move_row, update_row
from imagingnet_desktop.workspace.control.control_rows import POSITIONS, ROTATION
from imagingnet_desktop.workspace.control.links import delete_with_links, link_commands, run

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace


def rotation(workspace: Workspace, position_id: int) -> tuple[int, ...]:
    return rotation_of(workspace.rows(ROTATION), position_id)


def add_position(workspace: Workspace, title: str, body: Body = Body.PARTNERSHIP_BOARD) -> BoardPosition:
    position = validate_position(BoardPosition(0, title, body))
    return insert_row(workspace, POSITIONS, position, label=f"add position {position.title}")


def edit_position(workspace: Workspace, position_id: int, label: str | None = None, **changes: Any) -> Change:
    old = workspace.row(POSITIONS, position_id)
    new = validate_position(replace(old, **changes))
    if "partner_id" in changes and new.partner_id is not None:
        if new.partner_id not in {p.id for p in workspace.network.partners}:
            raise FieldError("That partner is not in the network.")
    fields = {k: getattr(new, k) for k in changes} | {"title": new.title}
    return update_row(workspace, POSITIONS, position_id, label=label or f"edit position {new.title}", **fields)


def allocate(workspace: Workspace, position_id: int, partner_id: int | None) -> Change:
    """Give the seat to a partner (``None``: nobody holds it)."""
    title = workspace.row(POSITIONS, position_id).title
    codes = {p.id: p.code for p in workspace.network.partners}
    label = f"{title} to {codes.get(partner_id, '?')}" if partner_id is not None else f"{title} unallocated"
    return edit_position(workspace, position_id, label, partner_id=partner_id)


def set_rotation(workspace: Workspace, position_id: int, partner_ids: list[int]) -> Change:
    """The position's rotation order (partner ids, in turn); empty: it does not rotate."""
    check_rotation(partner_ids)
    known = {p.id for p in workspace.network.partners}
    if any(pid not in known for pid in partner_ids):
        raise FieldError("A partner in the rotation order is not in the network.")
    title = workspace.row(POSITIONS, position_id).title
    rows = [RotationTurn(0, position_id, pid) for pid in partner_ids]
    steps = link_commands(workspace, ROTATION, lambda t: t.board_position_id == position_id, rows)
    return run(workspace, f"rotation of {title}", steps)


def delete_position(workspace: Workspace, position_id: int) -> Change:
    title = workspace.row(POSITIONS, position_id).title
    return delete_with_links(workspace, POSITIONS, position_id, f"delete position {title}",
                             [(ROTATION, lambda t: t.board_position_id == position_id)])


def move_position(workspace: Workspace, position_id: int, index: int) -> Change:
    return move_row(workspace, POSITIONS, position_id, index, label="move position")
