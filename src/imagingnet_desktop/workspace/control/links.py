"""Edits shared by the Control collections: replacing a set of link rows as one command, and deleting a row with
the link rows that hang on it (so undo puts them all back)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import Collection, DeleteRow, InsertRow
from imagingnet_desktop.workspace.commands import Batch, Command

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace

R = TypeVar("R")


def link_commands(workspace: Workspace, collection: Collection[R], belongs: Callable[[R], bool],
                  new_rows: Sequence[R]) -> list[Command]:
    """Commands that replace the rows for which ``belongs`` holds by ``new_rows`` (their ids are given here).

    Rows that stay the same (same fields but the id) are kept, so an unchanged link is no edit at all.
    """
    old = [r for r in workspace.rows(collection) if belongs(r)]
    if [_without_id(r) for r in old] == [_without_id(r) for r in new_rows]:
        return []
    steps: list[Command] = [DeleteRow(collection, r.id) for r in old]  # type: ignore[attr-defined]
    next_id = workspace.new_row_id(collection)
    for n, row in enumerate(new_rows):
        steps.append(InsertRow(collection, _with_id(row, next_id + n)))
    return steps


def run(workspace: Workspace, label: str, steps: list[Command]) -> Change:
    if not steps:
        return Change.NONE
    return workspace.execute(Batch(label, steps))


def delete_with_links(workspace: Workspace, collection: Collection[Any], row_id: int, label: str,
                      links: Sequence[tuple[Collection[Any], Callable[[Any], bool]]],
                      before: Sequence[Command] = ()) -> Change:
    """Delete a row and every link row that names it, as one undoable edit (after the commands ``before``)."""
    steps: list[Command] = list(before)
    for link_collection, names_it in links:
        steps += [DeleteRow(link_collection, r.id) for r in workspace.rows(link_collection) if names_it(r)]
    steps.append(DeleteRow(collection, row_id))
    return run(workspace, label, steps)


def _without_id(row: Any) -> tuple[Any, ...]:
    import dataclasses

    return tuple(getattr(row, f.name) for f in dataclasses.fields(row)[1:])


def _with_id(row: R, row_id: int) -> R:
    import dataclasses

    return dataclasses.replace(row, id=row_id)  # type: ignore[type-var]
