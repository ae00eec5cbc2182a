"""The six steps' target dates as an editable table (start, end, typed as 31/03/2027 or 2027-03-31)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.programme.rows import ProgrammeStep
from imagingnet_desktop.domain.programme.steps import STEP_SHORT_NAMES
from imagingnet_desktop.store.errors import WorkspaceError
from imagingnet_desktop.workspace.programme import edits, queries
from imagingnet_desktop.workspace.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = ("Step", "Start", "End")


class StepDatesModel(QAbstractTableModel):
    validation_failed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._steps: tuple[ProgrammeStep, ...] = queries.steps(workspace)

    def refresh(self) -> None:
        new = queries.steps(self._workspace)
        if new != self._steps:
            self.beginResetModel()
            self._steps = new
            self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._steps)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() > 0 and not self._workspace.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._steps):
            return None
        step = self._steps[index.row()]
        current = step.step_id == queries.current_step(self._workspace)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                return f"▶ {STEP_SHORT_NAMES[step.step_id]}" if current else STEP_SHORT_NAMES[step.step_id]
            value = step.start_date if index.column() == 1 else step.end_date
            return f"{value:%d/%m/%Y}" if value else ""
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return step.name
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        step = self._steps[index.row()]
        start = str(value) if index.column() == 1 else step.start_date
        end = str(value) if index.column() == 2 else step.end_date
        try:
            edits.set_step_dates(self._workspace, step.step_id, start, end)
        except (FieldError, WorkspaceError, PermissionError) as exc:
            self.validation_failed.emit(str(exc))
            return False
        return True
