"""The checklist of one step × workstream as a Qt table: status, item, owner, due date.

Edits go through ``workspace.programme.edits`` (one undoable command each); a refusal is reported by
``validation_failed`` for the tab to show where it was typed. After an edit only the rows that changed are
repainted (the same items in the same order), otherwise the table is reset.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.programme.rows import ChecklistItem
from imagingnet_desktop.domain.programme.steps import ItemStatus, StepId, WorkstreamId
from imagingnet_desktop.store.errors import WorkspaceError
from imagingnet_desktop.workspace.programme import edits, queries
from imagingnet_desktop.workspace.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
STATUS, ITEM, OWNER, DUE = range(4)
HEADERS = ("Status", "Item", "Owner", "Due")
STATUS_BACKGROUND = {
    ItemStatus.AGREED: "#a6dcc9",
    ItemStatus.IN_DISCUSSION: "#f6d58e",
    ItemStatus.NOT_STARTED: None,
    ItemStatus.NOT_APPLICABLE: "#d4d7db",
}


def status_text(status: ItemStatus) -> str:
    return f"{status.symbol} {status.label}"


class ChecklistModel(QAbstractTableModel):
    validation_failed = Signal(int, int, str)  # row, column, message

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.step: StepId = StepId.MOU
        self.workstream: WorkstreamId = WorkstreamId.STRATEGIC
        self.items: list[ChecklistItem] = []
        self.today = date.today()
        self._codes: dict[int, str] = {}
        self._refresh_codes()
        self.items = queries.items_of(workspace, self.step, self.workstream)

    # ------------------------------------------------------------------ what it shows
    def show_cell(self, step: StepId, workstream: WorkstreamId) -> None:
        self.beginResetModel()
        self.step, self.workstream = step, workstream
        self.items = queries.items_of(self._workspace, step, workstream)
        self.endResetModel()

    def refresh(self, *, partners: bool = False) -> None:
        """Bring the rows up to date after an edit or an undo: only changed rows when the items are the same."""
        if partners:
            self._refresh_codes()
        new = queries.items_of(self._workspace, self.step, self.workstream)
        if [i.id for i in new] != [i.id for i in self.items]:
            self.beginResetModel()
            self.items = new
            self.endResetModel()
            return
        old, self.items = self.items, new
        for row, (before, after) in enumerate(zip(old, new, strict=True)):
            if partners or before != after:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def _refresh_codes(self) -> None:
        self._codes = {p.id: p.code for p in self._workspace.network.partners}

    def item_at(self, row: int) -> ChecklistItem:
        return self.items[row]

    def row_of(self, item_id: int) -> int:
        return next(n for n, i in enumerate(self.items) if i.id == item_id)

    # ------------------------------------------------------------------ Qt
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return HEADERS[section] if 0 <= section < len(HEADERS) else None
            return str(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self._workspace.read_only else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item, column = self.items[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(item, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS:
            colour = STATUS_BACKGROUND[item.status]
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [item.text]
            if item.note:
                parts.append(f"Note: {item.note}")
            if item.evidence:
                parts.append(f"Evidence: {item.evidence}")
            return "\n".join(parts)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(item, column)
        return None

    def _display(self, item: ChecklistItem, column: int) -> str:
        if column == STATUS:
            return status_text(item.status)
        if column == ITEM:
            return item.text + ("  ✎" if item.note or item.evidence else "")
        if column == OWNER:
            return self._codes.get(item.owner_partner_id, "—") if item.owner_partner_id is not None else "—"
        if item.due is None:
            return ""
        return f"{item.due:%d/%m/%Y}" + ("\n⚠ overdue" if item.is_overdue(self.today) else "")

    def _edit_value(self, item: ChecklistItem, column: int) -> object:
        if column == STATUS:
            return item.status.value
        if column == ITEM:
            return item.text
        if column == OWNER:
            return item.owner_partner_id
        return f"{item.due:%d/%m/%Y}" if item.due else ""

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        item, column = self.items[index.row()], index.column()
        try:
            if column == STATUS:
                status = value if isinstance(value, ItemStatus) else edits_status(str(value))
                edits.set_status(self._workspace, [item.id], status)
            elif column == ITEM:
                edits.set_text(self._workspace, item.id, str(value))
            elif column == OWNER:
                edits.set_owner(self._workspace, item.id, int(value) if value is not None else None)  # type: ignore[call-overload]
            else:
                edits.set_due(self._workspace, item.id, str(value or ""))
        except (FieldError, WorkspaceError, PermissionError) as exc:
            self.validation_failed.emit(index.row(), column, str(exc))
            return False
        return True


def edits_status(raw: str) -> ItemStatus:
    from imagingnet_desktop.domain.programme.steps import parse_status

    try:
        return ItemStatus(raw)
    except ValueError:
        return parse_status(raw)
