"""Qt table models over a ``CommercialView``: the options (long list / SOC), the success factors and weights, the
score grid (one partner's scores, or all combined as mean with the spread) and the ranking.

Edits made in a cell go to ``workspace.commercial.appraisal_edits``; a refusal is sent as ``refused(text)`` for
the page to show beside the table.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from imagingnet_desktop.domain.commercial.appraisal import STATUS_WORDS
from imagingnet_desktop.domain.commercial.catalogue import COMPARATOR_LABELS
from imagingnet_desktop.domain.commercial.robustness import percent
from imagingnet_desktop.domain.figure_text import plural
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.store.errors import WorkspaceError
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.run_edit import not_saved
from imagingnet_desktop.workspace.commercial import appraisal_edits as edits
from imagingnet_desktop.workspace.commercial.summary import CommercialView
from imagingnet_desktop.workspace.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
STATUS_COLOURS = {"long_list": theme.MUTED_INK, "ruled_out": "#b34700", "short_list": "#0063a0",
                  "preferred": "#007a5a"}
COMBINED = -1  # the score grid shows every partner's scores combined


class _ViewModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()
    refused = Signal(str)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._rows: list[list[str]] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self.headers)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._rows[index.row()][index.column()]
        return self._extra(index.row(), index.column(), role)

    def _extra(self, row: int, column: int, role: int) -> object:
        return None

    def _replace(self, rows: list[list[str]], headers: tuple[str, ...] | None = None) -> None:
        if rows == self._rows and (headers is None or headers == self.headers):
            return
        if self._rows and len(rows) == len(self._rows) and (headers is None or headers == self.headers):
            # same shape: only the cells change (a reset would close an editor that is committing right now)
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.headers) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        if headers is not None:
            self.headers = headers
        self.endResetModel()

    def _edit(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except (FieldError, WorkspaceError) as exc:
            self.refused.emit(not_saved(str(exc)))
            return False
        return True


class OptionTableModel(_ViewModel):
    headers = ("Option", "Stage")

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(workspace, parent)
        self.option_ids: list[int] = []
        self._statuses: list[str] = []

    def show_view(self, view: CommercialView) -> None:
        rows = []
        for option in view.options:
            symbol, words = STATUS_WORDS[option.status]
            model = view.model_of(option)
            role = f" ({COMPARATOR_LABELS[model.comparator]})" if model and model.comparator else ""
            stage = f"{symbol} {words}"
            if option.status.value == "ruled_out":
                stage += f" against {option.ruled_out_against.lower()}: {option.reason}"
            rows.append([option.name + role, stage])
        self.option_ids = [o.id for o in view.options]
        self._statuses = [o.status.value for o in view.options]
        self._replace(rows)

    def _extra(self, row: int, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QColor(STATUS_COLOURS[self._statuses[row]])
        if role == Qt.ItemDataRole.FontRole and column == 1:
            return theme.font(1.1, bold=self._statuses[row] != "ruled_out")
        return None


class AppraisalGridModel(_ViewModel):
    """The OBC on one grid: a row per success factor (its weight and share, then each short-listed option's
    score), and a last row with each option's weighted total.

    ``partner_id`` COMBINED shows the mean of the partners' scores with their range ("6.3 (4–8)"); a partner's
    id shows and edits that partner's own scores (empty clears one). Weights, and the names of the network's own
    factors, are edited here too.
    """

    FIXED = 3  # factor, weight, share

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(workspace, parent)
        self.partner_id = COMBINED
        self.option_ids: list[int] = []
        self.criterion_ids: list[int] = []
        self._own: list[bool] = []
        self._view: CommercialView | None = None

    def show_view(self, view: CommercialView) -> None:
        self._view = view
        scored = [o for o in view.options if o.scored]
        self.option_ids = [o.id for o in scored]
        self.criterion_ids = [c.id for c in view.criteria]
        self._own = [c.own for c in view.criteria]
        total_weight = sum(c.weight for c in view.criteria)
        own = {(s.option_id, s.criterion_id): s.score for s in view.scores if s.partner_id == self.partner_id}
        rows = []
        for criterion in view.criteria:
            row = [criterion.name, f"{criterion.weight:g}",
                   percent(criterion.weight / total_weight) if total_weight else "-"]
            for option in scored:
                if self.partner_id == COMBINED:
                    combined = view.combined.get((option.id, criterion.id))
                    row.append("-" if combined is None else _mean_text(combined.mean, combined.low, combined.high))
                else:
                    value = own.get((option.id, criterion.id))
                    row.append("" if value is None else str(value))
            rows.append(row)
        totals = ["Weighted total (0-10)", f"{total_weight:g}", "100%" if total_weight else "-"]
        for option in scored:
            total = view.ranking.total_of(option.id)
            totals.append("incomplete" if total is None else f"{float(total):.2f}")
        rows.append(totals)
        names = []
        for option in scored:
            model = view.model_of(option)
            names.append(model.short_name if model is not None and model.name == option.name else option.name)
        self._replace(rows, ("Success factor", "Weight", "Share", *names))

    def set_partner(self, partner_id: int) -> None:
        self.partner_id = partner_id
        if self._view is not None:
            self.show_view(self._view)

    def option_name(self, column: int) -> str:
        return self.headers[column] if column < len(self.headers) else ""

    def _kind(self, index: AnyIndex) -> str:
        """"name", "weight", "score" (editable) or "" (read only)."""
        row, column = index.row(), index.column()
        if not index.isValid() or row >= len(self.criterion_ids):
            return ""
        if column == 0:
            return "name" if self._own[row] else ""
        if column == 1:
            return "weight"
        if column >= self.FIXED and self.partner_id != COMBINED:
            return "score"
        return ""

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if self._kind(index) else base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 0 \
                and index.row() < len(self._own):
            return "The network's own success factor" if self._own[index.row()] else "One of the Green Book's five"
        return super().data(index, role)

    def _extra(self, row: int, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and (row == len(self._rows) - 1 or column == 0):
            return theme.font(1.1, bold=row == len(self._rows) - 1)
        if role == Qt.ItemDataRole.BackgroundRole and column >= self.FIXED and self.partner_id != COMBINED \
                and row < len(self.criterion_ids):
            return QColor(theme.PAPER)
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        kind = self._kind(index)
        if role != Qt.ItemDataRole.EditRole or not kind:
            return False
        criterion_id = self.criterion_ids[index.row()]
        if kind == "weight":
            return self._edit(lambda: edits.set_weight(self._workspace, criterion_id, value))
        if kind == "name":
            return self._edit(lambda: edits.rename_criterion(self._workspace, criterion_id, str(value)))
        option_id = self.option_ids[index.column() - self.FIXED]
        return self._edit(lambda: edits.set_score(self._workspace, option_id, criterion_id, self.partner_id, value))


def _mean_text(mean: object, low: int, high: int) -> str:
    value = f"{float(mean):.1f}".removesuffix(".0")  # type: ignore[arg-type]
    return value if low == high else f"{value}  ({low}–{high})"


class RankingTableModel(_ViewModel):
    headers = ("Rank", "Option", "Weighted total", "First under random weights")

    def show_view(self, view: CommercialView) -> None:
        rows = []
        for ranked in view.ranking.options:
            share = view.first_shares.get(ranked.option_id)
            rows.append([
                "-" if ranked.rank is None else ("★ 1" if ranked.rank == 1 else str(ranked.rank)),
                ranked.name,
                f"{float(ranked.total):.2f}" if ranked.total is not None else f"not complete "
                                                                                 f"({plural(ranked.missing, 'factor')} unscored)",
                "-" if share is None else percent(share),
            ])
        self._replace(rows)
