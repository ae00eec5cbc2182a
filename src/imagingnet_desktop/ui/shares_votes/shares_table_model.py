"""The bases side by side: one row per partner (and a total row), a column per basis, the blend and the spread.

The model holds a ``ShareTable`` it is given; it does not read the workspace. While a slider moves, the tab
hands it a new table per step and only the cells that changed (the blend and its gain) are repainted. A basis with no basis shows "no basis" down its column, with the reason in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from imagingnet_desktop.domain.shares.rounding import HUNDRED
from imagingnet_desktop.domain.shares.share_table import Basis, ShareTable
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.cached_table_model import CachedTableModel, Cell, Grid
from imagingnet_desktop.ui.shares_votes.display_text import (
    NO_BASIS,
    NO_FIGURE,
    NOT_AVAILABLE,
    points,
    share_number,
)

SHORT_LABELS = {
    Basis.ACTIVITY: "Activity\n(exams)",
    Basis.PAY: "Pay",
    Basis.NON_PAY: "Direct\nnon-pay",
    Basis.TOTAL_COST: "Total\ncost",
    Basis.VALUATION: "Going-\nconcern",
}
# Column keys: the partner, each basis, then the blend and the spread.
COLUMNS: tuple[str | Basis, ...] = ("partner", *Basis, "blend", "spread", "range", "gain")
HEADERS = {
    "partner": "Partner",
    "blend": "Blend",
    "spread": "Lowest–\nhighest",
    "range": "Range\n(pts)",
    "gain": "Blend vs\nequal (pts)",
}
HEADER_TIPS = {
    "partner": "The partner trust",
    "blend": "The share on the blend of bases set by the sliders",
    "spread": "The partner's lowest and highest share across the bases that have one",
    "range": "Highest minus lowest share, in percentage points",
    "gain": "Blend share minus an equal share, in percentage points (+ gains, − loses)",
}
TOTAL_LABEL = "Total"
BLEND_BACKGROUND = "#fff3d6"

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class ShareTableModel(CachedTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(len(COLUMNS), parent)
        self._table: ShareTable | None = None
        self._muted = QBrush(QColor(theme.MUTED_INK))
        self._missing = QBrush(QColor("#8a3b00"))
        self._blend_background = QBrush(QColor(BLEND_BACKGROUND))
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------------ feeding
    @property
    def table(self) -> ShareTable | None:
        return self._table

    def set_table(self, table: ShareTable | None) -> None:
        """Show ``table``: only the cells that changed repaint (a reset if the partners changed)."""
        old = self._table
        same_partners = old is not None and table is not None and old.partner_ids == table.partner_ids
        self._table = table
        self.replace_grid(self._build(), reset=not same_partners)
        if same_partners and old is not None and table is not None and \
                [r.message for r in old.bases.values()] != [r.message for r in table.bases.values()]:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def key_at(self, column: int) -> str | Basis:
        return COLUMNS[column]

    def partner_id_at(self, row: int) -> int | None:
        """The partner on ``row``; None for the total row."""
        if self._table is None or not 0 <= row < len(self._table.partner_ids):
            return None
        return self._table.partner_ids[row]

    # ------------------------------------------------------------------ the cells
    def _build(self) -> Grid:
        table = self._table
        if table is None or not table.partner_ids:
            return []
        rows: list[int | None] = [*table.partner_ids, None]
        return [[self._cell_for(key, pid) for key in COLUMNS] for pid in rows]

    def _cell_for(self, key: str | Basis, pid: int | None) -> Cell:
        text = self.cell_text(key, pid)
        cell: Cell = {
            Qt.ItemDataRole.DisplayRole: text,
            Qt.ItemDataRole.AccessibleTextRole: text,
            Qt.ItemDataRole.TextAlignmentRole: _LEFT if key == "partner" else _RIGHT,
        }
        tip = self._tooltip(key, pid)
        if tip:
            cell[Qt.ItemDataRole.ToolTipRole] = tip
        if text == NO_FIGURE:
            cell[Qt.ItemDataRole.ForegroundRole] = self._missing
        elif text in (NO_BASIS, NOT_AVAILABLE):
            cell[Qt.ItemDataRole.ForegroundRole] = self._muted
        if key == "blend":
            cell[Qt.ItemDataRole.BackgroundRole] = self._blend_background
        if key in ("partner", "blend") or pid is None:
            cell[Qt.ItemDataRole.FontRole] = self._bold
        return cell

    def cell_text(self, key: str | Basis, pid: int | None) -> str:
        table = self._table
        assert table is not None
        if key == "partner":
            return TOTAL_LABEL if pid is None else table.codes[pid]
        if isinstance(key, Basis):
            result = table.bases[key]
            if not result.has_basis:
                return NO_BASIS
            if pid is None:
                return share_number(HUNDRED)  # the exact shares' total (the rounded ones may differ: see working)
            if result.figures[pid] is None:
                return NO_FIGURE
            return share_number(result.percents[pid])
        if key == "blend":
            blend = table.blend
            if blend is None or not blend.has_basis:
                return NO_BASIS
            if pid is None:
                return share_number(HUNDRED)
            return share_number(blend.percents[pid])
        if pid is None:
            return ""
        spread = table.spreads[pid]
        if key == "spread":
            if spread.min_percent is None or spread.max_percent is None:
                return NOT_AVAILABLE
            return f"{spread.min_percent:.2f}–{spread.max_percent:.2f}"
        if key == "range":
            return NOT_AVAILABLE if spread.range_points is None else f"{spread.range_points:.2f}"
        return points(table.blend_gains.get(pid))

    def _tooltip(self, key: str | Basis, pid: int | None) -> str | None:
        table = self._table
        assert table is not None
        if isinstance(key, Basis):
            result = table.bases[key]
            if not result.has_basis:
                return result.reason
            if pid is not None and result.figures[pid] is None:
                return f"{table.codes[pid]} has no {key.noun} figure, so this basis counts it as 0%."
        if key == "blend" and table.blend is not None and not table.blend.has_basis:
            return table.blend.reason
        if pid is None or key == "partner":
            return None
        return "Double-click, or press Enter, to show the working"

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return SHORT_LABELS[key] if isinstance(key, Basis) else HEADERS[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(key, Basis):
                result = self._table.bases.get(key) if self._table is not None else None
                reason = f" — {result.message}" if result is not None and result.message else ""
                return f"Share on {key.label}{reason}"
            return HEADER_TIPS[key]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if key == "partner" else _RIGHT
        return None
