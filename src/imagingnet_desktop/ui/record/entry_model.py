"""The record log as a table model, with its own filter (type, partner, status, text) for speed.

Why not ``QSortFilterProxyModel``: with 5,000 entries a proxy re-asks ``data()`` for every row on each change
of the filter text; here each entry's searchable text is kept while the entry object is unchanged, and the
visible rows are worked out in one pass. An added entry at the end is an insert of one row (not a reset),
so the view repaints only that row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.record.entries import (
    STATUSES_OF,
    STEP_LABELS,
    WORKSTREAM_LABELS,
    EntryKind,
    EntryStatus,
    RecordEntry,
)
from imagingnet_desktop.domain.record.log_filter import EntryFilter, matching, search_text
from imagingnet_desktop.domain.typed_dates import parse_date
from imagingnet_desktop.store.errors import WorkspaceError
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.record.entries import RECORD_ENTRIES, edit_entry
from imagingnet_desktop.workspace.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("No.", "Type", "Text", "Date", "Step · workstream", "Owner", "Person", "Status")
NUMBER, KIND, TEXT, DATE, STEP, OWNER, PERSON, STATUS = range(len(COLUMNS))
EDITABLE = frozenset({TEXT, DATE, OWNER, PERSON, STATUS})
ChoicesRole = Qt.ItemDataRole.UserRole + 1  # the fixed choices of a cell (status, owner), for the editor
NO_OWNER = "—"

KIND_TEXT = {EntryKind.DECISION: "◆ Decision", EntryKind.ACTION: "▶ Action", EntryKind.ISSUE: "? Issue"}
STATUS_TEXT = {
    EntryStatus.RECORDED: ("● Recorded", theme.INK),
    EntryStatus.OPEN: ("○ Open", theme.STATUS_COLOURS["below"]),
    EntryStatus.DONE: ("✓ Done", theme.STATUS_COLOURS["within"]),
    EntryStatus.DROPPED: ("– Dropped", theme.MUTED_INK),
    EntryStatus.RESOLVED: ("✓ Resolved", theme.STATUS_COLOURS["within"]),
}
OVERDUE_TEXT = "⚠ Overdue"
OVERDUE_COLOUR = theme.STATUS_COLOURS["above"]


_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_EDIT = int(Qt.ItemDataRole.EditRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_CHOICES = int(ChoicesRole)
_ANSWERED = frozenset({_DISPLAY, _EDIT, _TOOLTIP, _FOREGROUND, _FONT, _ACCESSIBLE, _CHOICES})
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_READ_ONLY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE_FLAGS = _READ_ONLY_FLAGS | Qt.ItemFlag.ItemIsEditable


def date_text(day: date | None, today: date | None = None) -> str:
    """"08 Dec", with the year when it is not this year's."""
    if day is None:
        return ""
    return day.strftime("%d %b") if today is not None and day.year == today.year else day.strftime("%d %b %Y")


class RecordEntryModel(QAbstractTableModel):
    edit_refused = Signal(str)  # the message for the person at the keyboard

    def __init__(self, workspace: Workspace, today: Callable[[], date] = date.today,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.today = today
        self._filter = EntryFilter()
        self._haystacks: dict[int, tuple[RecordEntry, str]] = {}  # id -> (entry it was made for, text)
        self._cell_cache: dict[int, tuple[RecordEntry, tuple[tuple[str, ...], tuple[Qt.ItemFlag, ...], QColor, bool]]] = {}
        self._codes = self._partner_codes()
        self._all: tuple[RecordEntry, ...] = workspace.rows(RECORD_ENTRIES)
        self._visible: list[RecordEntry] = list(self._all)
        self._overdue: int | None = None
        self._colours = {c: QColor(c) for c in {*(col for _, col in STATUS_TEXT.values()), OVERDUE_COLOUR}}
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------------ reading
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def entry_at(self, row: int) -> RecordEntry:
        return self._visible[row]

    def row_of(self, entry_id: int) -> int | None:
        """The row showing this entry (looked for from the end, where a new entry is)."""
        for i in range(len(self._visible) - 1, -1, -1):
            if self._visible[i].id == entry_id:
                return i
        return None

    @property
    def total(self) -> int:
        return len(self._all)

    def overdue_count(self) -> int:
        """Open actions past their due date, in the whole log (kept up to date as entries are added)."""
        if self._overdue is None:
            today = self.today()
            self._overdue = sum(1 for e in self._all if e.is_overdue(today))
        return self._overdue

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        row = index.row()
        if not index.isValid() or row >= len(self._visible):
            return _NO_FLAGS
        return self._cells(self._visible[row])[1][index.column()]

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> object:
        # A repaint asks for about eight roles of every visible cell: answer the usual ones from the cache.
        if role not in _ANSWERED:
            return None
        row = index.row()
        if row >= len(self._visible) or row < 0:
            return None
        entry = self._visible[row]
        column = index.column()
        if role == _DISPLAY or role == _ACCESSIBLE:
            return self._cells(entry)[0][column]
        if role == _FOREGROUND:
            return self._cells(entry)[2] if column == STATUS else None
        if role == _FONT:
            return self._bold if column == STATUS and self._cells(entry)[3] else None
        if role == _EDIT:
            return self._edit_value(entry, column)
        if role == _TOOLTIP:
            return entry.text if column == TEXT else None
        if column == STATUS:  # ChoicesRole
            return [s.label for s in STATUSES_OF[entry.kind]]
        if column == OWNER:
            return [NO_OWNER, *self._codes.values()]
        return None

    def _cells(self, entry: RecordEntry) -> tuple[tuple[str, ...], tuple[Qt.ItemFlag, ...], QColor, bool]:
        """An entry's display texts, flags, status colour and overdue flag, made once while it is unchanged."""
        kept = self._cell_cache.get(entry.id)
        if kept is not None and kept[0] is entry:
            return kept[1]
        texts = tuple(self.cell_text(entry, c) for c in range(len(COLUMNS)))
        fixed = entry.fixed or self._workspace.read_only
        flags = tuple(
            _EDITABLE_FLAGS if c in EDITABLE and not fixed and not (c == STATUS and entry.kind is EntryKind.DECISION)
            else _READ_ONLY_FLAGS
            for c in range(len(COLUMNS)))
        overdue = entry.is_overdue(self.today())
        cells = (texts, flags, self._colours[self._status(entry)[1]], overdue)
        self._cell_cache[entry.id] = (entry, cells)
        return cells

    def _status(self, entry: RecordEntry) -> tuple[str, str]:
        if entry.is_overdue(self.today()):
            return OVERDUE_TEXT, OVERDUE_COLOUR
        text, colour = STATUS_TEXT[entry.status]
        if entry.motion_id is not None:
            text = "● Motion"
        return text, colour

    def cell_text(self, entry: RecordEntry, column: int) -> str:
        if column == NUMBER:
            return str(entry.id)
        if column == KIND:
            return KIND_TEXT[entry.kind]
        if column == TEXT:
            return entry.text
        if column == DATE:
            today = self.today()
            if entry.kind is EntryKind.ACTION and entry.due:
                return f"due {date_text(entry.due, today)}"
            return date_text(entry.entry_date, today)
        if column == STEP:
            parts = [STEP_LABELS.get(entry.step or "", ""), WORKSTREAM_LABELS.get(entry.workstream or "", "")]
            return " · ".join(p for p in parts if p)
        if column == OWNER:
            return self._codes.get(entry.owner_partner_id, "") if entry.owner_partner_id is not None else ""
        if column == PERSON:
            return entry.person
        return self._status(entry)[0]

    def _edit_value(self, entry: RecordEntry, column: int) -> str:
        if column == DATE:
            day = entry.due if entry.kind is EntryKind.ACTION else entry.entry_date
            return "" if day is None else day.isoformat()
        if column == STATUS:
            return entry.status.label
        if column == OWNER:
            return self.cell_text(entry, column) or NO_OWNER
        return self.cell_text(entry, column)

    # ------------------------------------------------------------------ editing
    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        entry = self._visible[index.row()]
        text = str(value)
        try:
            edit_entry(self._workspace, entry.id, **self._changes(entry, index.column(), text))
        except (FieldError, WorkspaceError) as exc:
            self.edit_refused.emit(f"Entry {entry.id}: {exc}")
            return False
        return True

    def _changes(self, entry: RecordEntry, column: int, text: str) -> dict[str, object]:
        if column == TEXT:
            return {"text": text}
        if column == PERSON:
            return {"person": text}
        if column == DATE:
            action = entry.kind is EntryKind.ACTION
            day = parse_date("The due date" if action else "The date", text, today=self.today())
            return {"due": day} if action else {"entry_date": day}
        if column == OWNER:
            by_code = {code: pid for pid, code in self._codes.items()}
            if text != NO_OWNER and text not in by_code:
                raise FieldError(f"There is no partner '{text}'.")
            return {"owner_partner_id": by_code.get(text)}
        by_label = {s.label: s for s in STATUSES_OF[entry.kind]}
        if text not in by_label:
            raise FieldError(f"'{text}' is not a status of {entry.kind.label.lower()}s.")
        return {"status": by_label[text]}

    # ------------------------------------------------------------------ filtering and following the workspace
    @property
    def filter(self) -> EntryFilter:
        return self._filter

    def set_filter(self, chosen: EntryFilter) -> None:
        if chosen == self._filter:
            return
        self._filter = chosen
        self.beginResetModel()
        self._visible = self._filtered(self._all)
        self.endResetModel()

    def workspace_changed(self, change: Change) -> None:
        if change & Change.PARTNERS:
            self._codes = self._partner_codes()
            self._haystacks.clear()
            self._cell_cache.clear()
        if not change & (Change.RECORD | Change.PARTNERS):
            return
        old, new = self._all, self._workspace.rows(RECORD_ENTRIES)
        self._all = new
        n = len(old)
        if len(new) > n and new[:n] == old:  # entries added at the end (Enter in the entry bar): the usual case
            if self._overdue is not None:
                today = self.today()
                self._overdue += sum(1 for e in new[n:] if e.is_overdue(today))
            tail = self._filtered(new[n:])
            if tail:
                first = len(self._visible)
                self.beginInsertRows(QModelIndex(), first, first + len(tail) - 1)
                self._visible = self._visible + tail
                self.endInsertRows()
            return
        self._overdue = None
        self._show(self._filtered(new))

    def refresh_dates(self) -> None:
        """Today moved on: the overdue flags and dates are worked out again."""
        self._cell_cache.clear()
        self._overdue = None
        if self._visible:
            self.dataChanged.emit(self.index(0, STATUS), self.index(len(self._visible) - 1, STATUS))

    def _partner_codes(self) -> dict[int, str]:
        return {p.id: p.code for p in self._workspace.network.partners}

    def _filtered(self, entries: tuple[RecordEntry, ...]) -> list[RecordEntry]:
        if self._filter.is_empty:
            return list(entries)
        return matching(self._searchable(entries), self._filter, self.today())

    def prepare_search(self) -> None:
        """Make every entry's searchable text now (the tab calls it just after it is first shown), so the
        first search the room types costs what the next ones do."""
        self._searchable(self._all)

    def _searchable(self, entries: tuple[RecordEntry, ...]) -> list[tuple[RecordEntry, str]]:
        cache, codes = self._haystacks, self._codes
        pairs = []
        for entry in entries:
            kept = cache.get(entry.id)
            if kept is None or kept[0] is not entry:
                kept = (entry, search_text(entry, codes))
                cache[entry.id] = kept
            pairs.append(kept)
        return pairs

    def _show(self, new: list[RecordEntry]) -> None:
        """Tell the view as little as it needs: rows added at the end, one row removed, cells changed."""
        old = self._visible
        n_old, n_new = len(old), len(new)
        if n_new > n_old and all(a.id == b.id for a, b in zip(old, new, strict=False)):
            self.beginInsertRows(QModelIndex(), n_old, n_new - 1)
            self._visible = new
            self.endInsertRows()
            self._changed_rows(old, new)
        elif n_new == n_old and all(a.id == b.id for a, b in zip(old, new, strict=True)):
            self._visible = new
            self._changed_rows(old, new)
        elif n_new == n_old - 1 and (gone := _removed_at(old, new)) is not None:
            self.beginRemoveRows(QModelIndex(), gone, gone)
            self._visible = new
            self.endRemoveRows()
        else:
            self.beginResetModel()
            self._visible = new
            self.endResetModel()

    def _changed_rows(self, old: list[RecordEntry], new: list[RecordEntry]) -> None:
        last = len(COLUMNS) - 1
        for row, (a, b) in enumerate(zip(old, new, strict=False)):
            if a is not b:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))


def _removed_at(old: list[RecordEntry], new: list[RecordEntry]) -> int | None:
    for i, entry in enumerate(new):
        if old[i].id != entry.id:
            return i if all(a.id == b.id for a, b in zip(old[i + 1:], new[i:], strict=True)) else None
    return len(old) - 1


def details_text(entry: RecordEntry, model: RecordEntryModel,
                 matter_title: Callable[[int], str | None] = lambda _id: None) -> str:
    """One entry in full, for the pane under the table: number, type and status; the text; what it is linked to
    (a reserved matter by its title in the Control register)."""
    head = f"{entry.id}  {KIND_TEXT[entry.kind]}  {model.cell_text(entry, STATUS)}"
    links = [model.cell_text(entry, STEP), model.cell_text(entry, OWNER), entry.person]
    if entry.reserved_matter_id is not None:
        title = matter_title(entry.reserved_matter_id)
        links.append(f"reserved matter: {title}" if title else f"reserved matter {entry.reserved_matter_id}")
    if entry.kind is EntryKind.ACTION and entry.due:
        links.append(f"due {entry.due:%d %b %Y}")
    elif entry.entry_date:
        links.append(f"{entry.entry_date:%d %b %Y}")
    return "\n".join([head, entry.text, " · ".join(link for link in links if link)])
