"""Collections: the rows of one table in memory, and the row-level commands every area uses to edit them.

An area declares each of its concepts once::

    CHECKLIST = Collection(RowTable("checklist_items", ChecklistItem), Change.PROGRAMME, "checklist item")

and then reads ``workspace.rows(CHECKLIST)`` (loaded in one query the first time it is asked for) and edits
with ``insert_row`` / ``update_row`` / ``delete_row`` / ``move_row``: each is one undoable command, saved in
its own transaction, that keeps only the row it touched (so an edit in a 5,000-row collection costs what an
edit in a 5-row one does). Validate a row in the area's domain package before calling these.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from imagingnet_desktop.store.tables.rows import RowTable
from imagingnet_desktop.workspace.changes import Change

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace

R = TypeVar("R")


@dataclass(frozen=True)
class Collection(Generic[R]):
    """One concept's table, the ``Change`` flag its edits raise, and what one row is called in undo labels."""

    table: RowTable[R]
    change: Change
    noun: str = "row"

    @property
    def key(self) -> str:
        return f"rows:{self.table.name}"


@dataclass(frozen=True)
class LoadedRows(Generic[R]):
    """A collection as it is in memory: rows in order and their positions; immutable, so rollback is cheap."""

    rows: tuple[R, ...]
    positions: tuple[float, ...]

    def index_of(self, row_id: int) -> int:
        for i, row in enumerate(self.rows):
            if row.id == row_id:  # type: ignore[attr-defined]
                return i
        raise KeyError(f"no row with id {row_id}")


# ---------------------------------------------------------------------------- commands


@dataclass
class InsertRow(Generic[R]):
    collection: Collection[R]
    row: R
    index: int | None = None  # None: at the end
    label: str = ""

    def do(self, workspace: Workspace) -> Change:
        workspace.put_row(self.collection, self.row, self.index)
        return self.collection.change

    def undo(self, workspace: Workspace) -> Change:
        workspace.remove_row(self.collection, self.row.id)  # type: ignore[attr-defined]
        return self.collection.change


@dataclass
class UpdateRow(Generic[R]):
    collection: Collection[R]
    new: R
    old: R | None = None
    label: str = ""

    def do(self, workspace: Workspace) -> Change:
        self.old = workspace.row(self.collection, self.new.id)  # type: ignore[attr-defined]
        workspace.replace_row(self.collection, self.new)
        return self.collection.change

    def undo(self, workspace: Workspace) -> Change:
        assert self.old is not None
        workspace.replace_row(self.collection, self.old)
        return self.collection.change


@dataclass
class DeleteRow(Generic[R]):
    collection: Collection[R]
    row_id: int
    old: R | None = None
    index: int = 0
    label: str = ""

    def do(self, workspace: Workspace) -> Change:
        loaded = workspace.loaded(self.collection)
        self.index = loaded.index_of(self.row_id)
        self.old = loaded.rows[self.index]
        workspace.remove_row(self.collection, self.row_id)
        return self.collection.change

    def undo(self, workspace: Workspace) -> Change:
        assert self.old is not None
        workspace.put_row(self.collection, self.old, self.index)
        return self.collection.change


@dataclass
class MoveRow(Generic[R]):
    collection: Collection[R]
    row_id: int
    index: int
    old_index: int = 0
    label: str = ""

    def do(self, workspace: Workspace) -> Change:
        self.old_index = workspace.loaded(self.collection).index_of(self.row_id)
        workspace.move_row(self.collection, self.row_id, self.index)
        return self.collection.change

    def undo(self, workspace: Workspace) -> Change:
        workspace.move_row(self.collection, self.row_id, self.old_index)
        return self.collection.change


# ---------------------------------------------------------------------------- edits a screen asks for


def insert_row(workspace: Workspace, collection: Collection[R], row: R, index: int | None = None,
               label: str | None = None) -> R:
    """Add ``row`` (its ``id`` is replaced by a new one) at ``index`` (None: the end). Returns the row as saved."""
    saved = dataclasses.replace(row, id=workspace.new_row_id(collection))  # type: ignore[type-var]
    workspace.execute(InsertRow(collection, saved, index, label or f"add {collection.noun}"))
    return saved


def update_row(workspace: Workspace, collection: Collection[R], row_id: int, label: str | None = None,
               **changes: Any) -> Change:
    """Change some fields of one row; no change, no command (nothing to undo)."""
    old = workspace.row(collection, row_id)
    new = dataclasses.replace(old, **changes)  # type: ignore[type-var]
    if new == old:
        return Change.NONE
    return workspace.execute(UpdateRow(collection, new, label=label or f"edit {collection.noun}"))


def delete_row(workspace: Workspace, collection: Collection[R], row_id: int, label: str | None = None) -> Change:
    return workspace.execute(DeleteRow(collection, row_id, label=label or f"delete {collection.noun}"))


def move_row(workspace: Workspace, collection: Collection[R], row_id: int, index: int,
             label: str | None = None) -> Change:
    loaded = workspace.loaded(collection)
    index = max(0, min(index, len(loaded.rows) - 1))
    if loaded.index_of(row_id) == index:
        return Change.NONE
    return workspace.execute(MoveRow(collection, row_id, index, label=label or f"move {collection.noun}"))
