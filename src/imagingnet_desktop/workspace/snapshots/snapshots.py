"""Take a named snapshot, say what changed since one, and restore one as a single undoable edit.

Taking a snapshot is not an edit (undo never removes one): it records the workspace as it was, e.g. before a
workshop. Restoring is an edit: the command keeps every table it replaced, so undo puts them back.
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.typed_text import clean_text
from imagingnet_desktop.store.migrations.schema import SCHEMA_VERSION
from imagingnet_desktop.store.tables.snapshots import SnapshotInfo, TableRows
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.snapshots.areas import area_rank
from imagingnet_desktop.workspace.snapshots.compare import ItemChange, compare

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace

MAX_NAME_LENGTH = 100
# A restore may change any area: every flag a screen refreshes on (not the history kept beside the content).
EVERYTHING = functools.reduce(
    operator.or_, (c for c in Change if c not in (Change.UNDO_STACK, Change.SNAPSHOTS, Change.EXPORTS)), Change.NONE
)


def snapshot_name(raw: str) -> str:
    return clean_text("A snapshot name", str(raw), limit=MAX_NAME_LENGTH,
                      if_empty="Give the snapshot a name, e.g. 'Before the March workshop'")


def taken_at_text(snapshot: SnapshotInfo) -> str:
    """``2026-12-01T07:30:00+00:00`` -> "1 Dec 2026 07:30 UTC"."""
    try:
        moment = datetime.fromisoformat(snapshot.taken_at)
    except ValueError:
        return snapshot.taken_at
    return f"{moment.day} {moment:%b %Y %H:%M} UTC"


def take_snapshot(workspace: Workspace, name: str, now: datetime | None = None) -> SnapshotInfo:
    """Copy the workspace into a new snapshot called ``name`` (unique, whatever the case)."""
    name = snapshot_name(name)
    if any(s.name.casefold() == name.casefold() for s in workspace.snapshots()):
        raise FieldError(f"There is already a snapshot called '{name}'; choose another name.")
    taken = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    snapshot_id = workspace.add_snapshot(name, taken)
    return next(s for s in workspace.snapshots() if s.id == snapshot_id)


def find_snapshot(workspace: Workspace, name: str) -> SnapshotInfo:
    wanted = " ".join(name.split()).casefold()
    snapshots = workspace.snapshots()
    for snapshot in snapshots:
        if snapshot.name.casefold() == wanted:
            return snapshot
    if not snapshots:
        raise FieldError(f"There is no snapshot called '{name}': this workspace has no snapshots yet.")
    names = ", ".join(f"'{s.name}'" for s in snapshots)
    raise FieldError(f"There is no snapshot called '{name}'. The snapshots are: {names}.")


@dataclass(frozen=True)
class ChangesSince:
    snapshot: SnapshotInfo
    changes: tuple[ItemChange, ...]

    def by_area(self) -> list[tuple[str, list[ItemChange]]]:
        areas: dict[str, list[ItemChange]] = {}
        for change in self.changes:
            areas.setdefault(change.area, []).append(change)
        return sorted(areas.items(), key=lambda pair: area_rank(pair[0]))

    def as_json(self) -> dict[str, object]:
        return {"since": self.snapshot.name, "taken_at": self.snapshot.taken_at,
                "changes": [c.as_json() for c in self.changes]}


def changes_since(workspace: Workspace, snapshot: SnapshotInfo) -> ChangesSince:
    partner_columns = workspace.partner_columns()
    before = workspace.snapshot_tables(snapshot.id)
    after = workspace.read_tables()
    return ChangesSince(snapshot, tuple(compare(before, after, partner_columns, partner_columns)))


@dataclass
class RestoreSnapshot:
    """Put every table back as the snapshot holds it; undo puts back what the restore replaced."""

    snapshot: SnapshotInfo
    label: str
    replaced: dict[str, TableRows] = field(default_factory=dict)

    def do(self, workspace: Workspace) -> Change:
        content = workspace.snapshot_tables(self.snapshot.id)
        self.replaced = workspace.read_tables()
        workspace.put_tables(content)
        return EVERYTHING

    def undo(self, workspace: Workspace) -> Change:
        workspace.put_tables(self.replaced)
        return EVERYTHING


def restore_snapshot(workspace: Workspace, snapshot: SnapshotInfo) -> Change:
    """Restore ``snapshot`` as one undoable edit. One taken by another file format cannot be restored."""
    if snapshot.schema_version != SCHEMA_VERSION:
        raise FieldError(
            f"'{snapshot.name}' was taken with another version of the file format ({snapshot.schema_version}; "
            f"this one is {SCHEMA_VERSION}), so it cannot be restored. What changed since it can still be shown."
        )
    return workspace.execute(RestoreSnapshot(snapshot, f"restore snapshot '{snapshot.name}'"))


# ---------------------------------------------------------------------------- as words

ARROW = "→"
KIND_WORDS = {"added": "+ added", "changed": "~ changed", "removed": "− removed"}


def describe(change: ItemChange) -> str:
    """One change in words: "NSH – Northshire…: Population 720,000 → 730,000"."""
    if change.kind == "changed":
        what = f"{change.item}: {change.field}" if change.field else change.item
        return f"{what}: {change.was} {ARROW} {change.now}"
    detail = change.now if change.kind == "added" else change.was
    return f"{change.item} ({detail})" if detail and detail != "(blank)" else change.item


def render_text(found: ChangesSince) -> str:
    heading = f"'{found.snapshot.name}' (taken {taken_at_text(found.snapshot)})"
    if not found.changes:
        return f"Nothing has changed since {heading}.\n"
    lines = [f"Changes since {heading}: {len(found.changes)}"]
    for area, changes in found.by_area():
        lines += ["", area]
        lines += [f"  {KIND_WORDS.get(c.kind, c.kind):<10} {describe(c)}" for c in changes]
    return "\n".join(lines) + "\n"
