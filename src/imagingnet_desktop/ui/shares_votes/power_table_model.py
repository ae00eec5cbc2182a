"""Votes and real voting power per partner: votes, share of votes, Banzhaf, Shapley–Shubik, and what it means.

Fed a ``ScenarioAnalysis`` by the tab; a slider step repaints only the cells that changed (never a reset).
Under custom votes the Votes column is editable; the edit goes to the ``vote_editor`` the tab passes in, which
raises ``FieldError`` or ``WorkspaceError`` when the value is not saved: reported through ``validation_failed``.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.store.errors import WorkspaceError
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.cached_table_model import EDITABLE_ROLE, CachedTableModel, Cell, Grid
from imagingnet_desktop.ui.shares_votes.display_text import (
    NOT_AVAILABLE,
    count,
    power_percent,
    vote_share_percent,
)

AnyIndex = QModelIndex | QPersistentModelIndex
VoteEditor = Callable[[int, str], None]  # (partner index, typed text); raises when the votes are not saved

COLUMNS = ("partner", "votes", "vote_share", "banzhaf", "shapley", "note")
HEADERS = {
    "partner": "Partner",
    "votes": "Votes",
    "vote_share": "Share of\nvotes",
    "banzhaf": "Banzhaf\npower",
    "shapley": "Shapley–\nShubik",
    "note": "Rule gives",
}
HEADER_TIPS = {
    "partner": "The partner trust",
    "votes": "Votes held (under custom votes, type a whole number here)",
    "vote_share": "Votes held as a share of all the votes",
    "banzhaf": "Normalised Banzhaf index: the partner's share of all the swings",
    "shapley": "Shapley–Shubik index: the share of orderings in which the partner's vote decides",
    "note": "Veto, no power, or able to pass a decision alone",
}
TOTAL_LABEL = "Total"
VETO = "Can block alone"
NULL = "No power"
SOLO = "Can pass alone"
FLAG_INK = "#8a3b00"
EDITABLE_BACKGROUND = "#fffbe6"

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class PowerTableModel(CachedTableModel):
    validation_failed = Signal(int, int, str)  # row, column, message
    accepted = Signal(int, int)  # row, column: the votes typed there are valid (saved, or already so)

    def __init__(self, vote_editor: VoteEditor | None = None, parent: QObject | None = None) -> None:
        super().__init__(len(COLUMNS), parent)
        self._analysis: ScenarioAnalysis | None = None
        self._vote_editor = vote_editor
        self.read_only = False
        self._bold = QFont()
        self._bold.setBold(True)
        self._flag_ink = QBrush(QColor(FLAG_INK))
        self._muted = QBrush(QColor(theme.MUTED_INK))
        self._editable = QBrush(QColor(EDITABLE_BACKGROUND))

    # ------------------------------------------------------------------ feeding
    def set_read_only(self, read_only: bool) -> None:
        """A read-only workspace: custom votes are shown but cannot be typed in."""
        self.read_only = read_only

    @property
    def analysis(self) -> ScenarioAnalysis | None:
        return self._analysis

    def set_analysis(self, analysis: ScenarioAnalysis | None) -> None:
        """Show ``analysis``: only the cells that changed repaint (a reset if the partners changed)."""
        old = self._analysis
        same_partners = old is not None and analysis is not None and old.codes == analysis.codes
        self._analysis = analysis
        self.replace_grid(self._build(), reset=not same_partners)

    @property
    def votes_editable(self) -> bool:
        a = self._analysis
        return a is not None and a.scenario.vote_method is VoteMethod.CUSTOM and not self.read_only

    def key_at(self, column: int) -> str:
        return COLUMNS[column]

    def partner_at(self, row: int) -> int | None:
        """The partner's position on ``row``; None for the total row."""
        if self._analysis is None or not 0 <= row < len(self._analysis.codes):
            return None
        return row

    # ------------------------------------------------------------------ the cells
    def _build(self) -> Grid:
        a = self._analysis
        if a is None or not a.codes:
            return []
        editable = self.votes_editable
        return [[self._cell_for(key, i, editable) for key in COLUMNS] for i in [*range(len(a.codes)), None]]

    def _cell_for(self, key: str, i: int | None, editable: bool) -> Cell:
        text = self.cell_text(key, i)
        cell: Cell = {
            Qt.ItemDataRole.DisplayRole: text,
            Qt.ItemDataRole.AccessibleTextRole: text,
            Qt.ItemDataRole.TextAlignmentRole: _LEFT if key in ("partner", "note") else _RIGHT,
        }
        if key == "partner" or i is None:  # the note is in its own colour and words (bold would widen it)
            cell[Qt.ItemDataRole.FontRole] = self._bold
        if key == "note":
            cell[Qt.ItemDataRole.ForegroundRole] = self._flag_ink
        elif text == NOT_AVAILABLE:
            cell[Qt.ItemDataRole.ForegroundRole] = self._muted
        if i is not None and key != "partner":
            cell[Qt.ItemDataRole.ToolTipRole] = "Double-click, or press Enter, to show the working"
        if key == "votes" and i is not None and editable:
            cell[EDITABLE_ROLE] = True
            cell[Qt.ItemDataRole.EditRole] = text.replace(",", "")
            cell[Qt.ItemDataRole.BackgroundRole] = self._editable
            cell[Qt.ItemDataRole.ToolTipRole] = ("Type this partner's votes (a whole number, 0 or more). "
                                                 "Double-click shows the working.")
        return cell

    def cell_text(self, key: str, i: int | None) -> str:
        a = self._analysis
        assert a is not None
        if key == "partner":
            return TOTAL_LABEL if i is None else a.codes[i]
        votes = a.votes
        power = a.power
        if key == "votes":
            if votes is None:
                return NOT_AVAILABLE
            return count(sum(votes) if i is None else votes[i])
        if key == "vote_share":
            if votes is None or not sum(votes):
                return NOT_AVAILABLE
            return "100.00%" if i is None else vote_share_percent(Fraction(votes[i], sum(votes)))
        if key in ("banzhaf", "shapley"):
            if power is None:
                return NOT_AVAILABLE
            if i is None:
                return "100.0%"
            return power_percent((power.banzhaf if key == "banzhaf" else power.shapley_shubik)[i])
        return "" if i is None else ", ".join(self.flags_of(i))

    def flags_of(self, i: int) -> list[str]:
        a = self._analysis
        if a is None or a.power is None:
            return []
        flags = []
        if i in a.power.veto_players:
            flags.append(VETO)
        if a.coalitions is not None and (i,) in a.coalitions.winning.coalitions:
            flags.append(SOLO)
        if i in a.power.null_players:
            flags.append(NULL)
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[key]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if key in ("partner", "note") else _RIGHT
        return None

    # ------------------------------------------------------------------ editing custom votes
    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        i = self.partner_at(index.row())
        if i is None or self._vote_editor is None:
            return False
        try:
            self._vote_editor(i, str(value))
        except (FieldError, WorkspaceError) as exc:
            self.validation_failed.emit(index.row(), index.column(), str(exc))
            return False
        self.accepted.emit(index.row(), index.column())
        return True
