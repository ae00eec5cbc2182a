"""The partner table as a Qt model: one row per partner, one column per template field.

Reads come from the workspace's network; every edit goes through ``partner_commands.edit_partner_field``,
so it is one undoable command committed to the file. A refused value leaves the partner as it was and is
reported through ``validation_failed`` for the tab to show beside the table.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from imagingnet_desktop.domain.network.partner import NUMERIC_KINDS, PARTNER_FIELDS, Partner
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.store.errors import WorkspaceError, WorkspaceSaveError
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.network.display_text import MISSING, cell_text, edit_text
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.network.partner_commands import edit_partner_field
from imagingnet_desktop.workspace.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_REFRESH_ON = Change.PARTNERS

#: Custom role: the ``FieldSpec`` of a column (used by the cell editors to pick an editor).
FieldSpecRole = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_SERVED_ROLES = frozenset({_DISPLAY, _EDIT, _ALIGNMENT, _TOOLTIP, _FOREGROUND, FieldSpecRole})


class PartnerTableModel(QAbstractTableModel):
    """Partners of ``workspace`` as rows; subscribes to the workspace until ``detach`` or destruction."""

    validation_failed = Signal(int, int, str)  # row, column, message for the person at the keyboard
    accepted = Signal(int, int)  # row, column: the cell now holds a valid value (saved, or already so)
    save_failed = Signal(int, int, str, str)  # row, column, what was typed, why it could not be written

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._partners: tuple[Partner, ...] = workspace.network.partners
        self._missing_ink = QColor(theme.MUTED_INK)
        unsubscribe = workspace.subscribe(self.workspace_changed)
        self._unsubscribe: Callable[[], None] | None = unsubscribe
        # The listener holds this wrapper; drop it when Qt deletes the model, or a later edit would call a dead object.
        self.destroyed.connect(lambda *_: unsubscribe())

    # ------------------------------------------------------------------ lookups
    @property
    def workspace(self) -> Workspace:
        return self._workspace

    def detach(self) -> None:
        """Stop listening to the workspace (called when the tab goes away)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def partner_at(self, row: int) -> Partner:
        return self._partners[row]

    def row_of(self, partner_id: int) -> int:
        return next(i for i, p in enumerate(self._partners) if p.id == partner_id)

    @staticmethod
    def column_of(field_name: str) -> int:
        return next(i for i, f in enumerate(PARTNER_FIELDS) if f.name == field_name)

    # ------------------------------------------------------------------ shape
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._partners)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PARTNER_FIELDS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._workspace.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # ------------------------------------------------------------------ reading
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _SERVED_ROLES or not self._valid(index):  # Qt asks for many roles; answer fast
            return None
        spec = PARTNER_FIELDS[index.column()]
        value = self._partners[index.row()].value(spec.name)
        if role == _DISPLAY:
            return cell_text(spec, value)
        if role == _EDIT:
            return edit_text(spec, value)
        if role == _ALIGNMENT:
            return _RIGHT if spec.kind in NUMERIC_KINDS else _LEFT
        if role == _TOOLTIP:
            text = cell_text(spec, value)
            return f"{spec.label}: {'not recorded' if text == MISSING else text}"
        if role == _FOREGROUND:
            return self._missing_ink if cell_text(spec, value) == MISSING else None
        return spec  # FieldSpecRole

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(PARTNER_FIELDS):
                return None
            spec = PARTNER_FIELDS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return spec.label
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{spec.label} (template column '{spec.name}')"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if spec.kind in NUMERIC_KINDS else _LEFT
            return None
        if not 0 <= section < len(self._partners):
            return None
        if role == Qt.ItemDataRole.DisplayRole:  # the code stays in view when the table scrolls sideways
            return self._partners[section].code
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._partners[section].name
        return None

    # ------------------------------------------------------------------ editing
    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self._valid(index) or self._workspace.read_only:
            return False
        partner = self._partners[index.row()]
        spec = PARTNER_FIELDS[index.column()]
        try:
            edit_partner_field(self._workspace, partner.id, spec.name, value)
        except WorkspaceSaveError as exc:  # disk full, read-only, I/O error: the typed value is offered again
            self.save_failed.emit(index.row(), index.column(), "" if value is None else str(value),
                                  f"{partner.code} {spec.label}: {exc}")
            return False
        except (FieldError, WorkspaceError) as exc:  # a bad value, or the file was taken over elsewhere
            self.validation_failed.emit(index.row(), index.column(), f"{partner.code}: {exc}")
            return False
        self.accepted.emit(index.row(), index.column())
        return True

    # ------------------------------------------------------------------ following the workspace
    def workspace_changed(self, change: Change) -> None:
        """Single-cell edits (and their undo) repaint the changed rows; anything else resets the model."""
        if not change & _REFRESH_ON:
            return
        old, new = self._partners, self._workspace.network.partners
        if [p.id for p in old] != [p.id for p in new]:
            self.beginResetModel()
            self._partners = new
            self.endResetModel()
            return
        self._partners = new
        last = len(PARTNER_FIELDS) - 1
        for row, (before, after) in enumerate(zip(old, new, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
                if before.code != after.code:
                    self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)

    def _valid(self, index: AnyIndex) -> bool:
        return (
            index.isValid()
            and index.model() is self
            and 0 <= index.row() < len(self._partners)
            and 0 <= index.column() < len(PARTNER_FIELDS)
        )
