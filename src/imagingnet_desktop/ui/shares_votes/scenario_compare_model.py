"""Up to four saved scenarios side by side: a column each; rows for the shares basis, votes, rule and, per
partner, its share of the votes, Banzhaf power and Shapley–Shubik power. The agreed one is starred.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from fractions import Fraction

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.ui.shares_votes.display_text import NOT_AVAILABLE, power_percent
from imagingnet_desktop.workspace.shares_votes.scenarios import SavedScenario

AnyIndex = QModelIndex | QPersistentModelIndex
AGREED_MARK = "★ AGREED"
AGREED_BACKGROUND = "#e3f4ec"
HEADER_WIDTH = 22  # characters a line in a column heading
SUMMARY_ROWS = (("shares", "Shares"), ("votes", "Votes"), ("rule", "Rule"))
PARTNER_ROWS = (("vote_share", "votes"), ("banzhaf", "Banzhaf"), ("shapley", "Shapley"))

_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def votes_text(analysis: ScenarioAnalysis) -> str:
    scenario = analysis.scenario
    if scenario.vote_method is VoteMethod.EQUAL:
        return "Equal: one each"
    if scenario.vote_method is VoteMethod.CUSTOM:
        return "Custom"
    follows = "the blend" if scenario.vote_basis == "blend" else Basis.of(scenario.vote_basis).label
    return f"In proportion to {follows}"


def wrap_heading(name: str) -> str:
    """A scenario name as lines of a column heading (the panel swaps in one that measures the real width)."""
    return textwrap.fill(name, HEADER_WIDTH, max_lines=3, placeholder="…")


class ScenarioCompareModel(QAbstractTableModel):
    def __init__(self, wrap: Callable[[str], str] = wrap_heading, parent: QObject | None = None) -> None:
        """``wrap``: lays a scenario's name out over lines to fit its column (the view knows the width)."""
        super().__init__(parent)
        self.wrap_heading = wrap
        self._columns: list[tuple[SavedScenario, ScenarioAnalysis]] = []
        self._codes: tuple[str, ...] = ()
        self._bold = QFont()
        self._bold.setBold(True)
        self._agreed = QBrush(QColor(AGREED_BACKGROUND))

    def set_scenarios(self, columns: Sequence[tuple[SavedScenario, ScenarioAnalysis]], codes: Sequence[str]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._codes = tuple(codes)
        self.endResetModel()

    def rewrap_headings(self) -> None:
        """The column widths changed: lay the names out again."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def column_at(self, column: int) -> tuple[SavedScenario, ScenarioAnalysis]:
        return self._columns[column]

    def row_key(self, row: int) -> tuple[str, int | None]:
        """("shares" | "votes" | "rule", None) or (power column key, partner index)."""
        if row < len(SUMMARY_ROWS):
            return SUMMARY_ROWS[row][0], None
        index, part = divmod(row - len(SUMMARY_ROWS), len(PARTNER_ROWS))
        return PARTNER_ROWS[part][0], index

    # ------------------------------------------------------------------ shape
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        if parent.isValid() or not self._columns:
            return 0
        return len(SUMMARY_ROWS) + len(PARTNER_ROWS) * len(self._codes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ------------------------------------------------------------------ reading
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        saved, analysis = self._columns[index.column()]
        key, partner = self.row_key(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(analysis, key, partner)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if partner is None else _CENTRE
        if role == Qt.ItemDataRole.ToolTipRole:
            if partner is None:
                return self.cell_text(analysis, key, partner)
            return analysis.problem or "Double-click, or press Enter, to show the working"
        if role == Qt.ItemDataRole.BackgroundRole and saved.agreed:
            return self._agreed
        if role == Qt.ItemDataRole.FontRole and key == "banzhaf":
            return self._bold
        return None

    @staticmethod
    def cell_text(analysis: ScenarioAnalysis, key: str, partner: int | None) -> str:
        if key == "shares":
            return analysis.scenario.describe_shares()
        if key == "votes":
            return votes_text(analysis)
        if key == "rule":
            return f"Cannot be worked out: {analysis.problem}" if analysis.problem else analysis.rule_text
        assert partner is not None
        votes, power = analysis.votes, analysis.power
        if key == "vote_share":
            if votes is None or not sum(votes) or partner >= len(votes):
                return NOT_AVAILABLE
            return power_percent(Fraction(votes[partner], sum(votes)))
        if power is None or partner >= len(power.banzhaf):
            return NOT_AVAILABLE
        return power_percent((power.banzhaf if key == "banzhaf" else power.shapley_shubik)[partner])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            saved = self._columns[section][0]
            if role == Qt.ItemDataRole.DisplayRole:
                name = self.wrap_heading(saved.scenario.name)
                return f"{AGREED_MARK}\n{name}" if saved.agreed else name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{saved.scenario.name}{' — the network’s agreed position' if saved.agreed else ''}"
            return None
        if not 0 <= section < self.rowCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            key, partner = self.row_key(section)
            if partner is None:
                return dict(SUMMARY_ROWS)[key]
            return f"{self._codes[partner]} {dict(PARTNER_ROWS)[key]}"
        if role == Qt.ItemDataRole.ToolTipRole:
            key, partner = self.row_key(section)
            tips = {"vote_share": "share of the votes", "banzhaf": "Banzhaf voting power",
                    "shapley": "Shapley–Shubik voting power"}
            return None if partner is None else f"{self._codes[partner]}: {tips[key]}"
        return None

    def _valid(self, index: AnyIndex) -> bool:
        return (
            index.isValid()
            and index.model() is self
            and 0 <= index.row() < self.rowCount()
            and 0 <= index.column() < len(self._columns)
        )
