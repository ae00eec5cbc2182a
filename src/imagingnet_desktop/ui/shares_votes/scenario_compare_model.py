"""Up to four saved scenarios side by side: a row per partner; for each scenario three columns (share of the
votes, Banzhaf power, Shapley–Shubik power). Each figure of a scenario that is not the agreed one carries its
difference from the agreed scenario in points, highlighted where it differs. The agreed scenario is starred.

The scenario's name heads its three columns (``GroupedHeader`` paints it across them, from ``GROUP_ROLE``);
the shares basis, votes and rule of each scenario are in ``summary_lines`` (shown under the table).

Four scenarios are twelve columns, and they must fit 1280 px at presentation type: so the columns are headed
"Votes", "Banz.", "Shap." (the full names in the tooltips and the legend under the table) and a difference is shown as
"−10.4" under its figure, its unit said once in the legend (every tooltip and the accessible text keep
"−10.4 pts").
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from imagingnet_desktop.domain.scenarios.analysis import ScenarioAnalysis
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import VoteMethod
from imagingnet_desktop.ui.shares_votes.display_text import NOT_AVAILABLE, power_percent, vote_share_percent
from imagingnet_desktop.workspace.shares_votes.scenarios import SavedScenario

AnyIndex = QModelIndex | QPersistentModelIndex
AGREED_MARK = "★ AGREED"
AGREED_BACKGROUND = "#e3f4ec"
CHANGED_BACKGROUND = "#ffe9b8"  # a figure that differs from the agreed scenario's (with its difference in words)
GROUP_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the heading over a scenario's columns, and its first column
MEASURES = (("vote_share", "Votes"), ("banzhaf", "Banz."), ("shapley", "Shap."))
MEASURE_TIPS = {"vote_share": "share of the votes", "banzhaf": "Banzhaf voting power",
                "shapley": "Shapley–Shubik voting power"}

_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


def votes_text(analysis: ScenarioAnalysis) -> str:
    scenario = analysis.scenario
    if scenario.vote_method is VoteMethod.EQUAL:
        return "Equal: one each"
    if scenario.vote_method is VoteMethod.CUSTOM:
        return "Custom"
    follows = "the blend" if scenario.vote_basis == "blend" else Basis.of(scenario.vote_basis).label
    return f"In proportion to {follows}"


def figure(analysis: ScenarioAnalysis, key: str, partner: int) -> Fraction | float | None:
    """A partner's share of the votes or power index (0..1) under ``analysis``; None when there is none."""
    votes, power = analysis.votes, analysis.power
    if key == "vote_share":
        if votes is None or not sum(votes) or partner >= len(votes):
            return None
        return Fraction(votes[partner], sum(votes))
    if power is None or partner >= len(power.banzhaf):
        return None
    return (power.banzhaf if key == "banzhaf" else power.shapley_shubik)[partner]


def figure_text(key: str, value: Fraction | float | None) -> str:
    """Shares of the votes to 2 dp, power to 1 dp (the app's one formatting rule)."""
    return vote_share_percent(value) if key == "vote_share" else power_percent(value)


def difference_points(key: str, value: Fraction | float | None, agreed: Fraction | float | None) -> float | None:
    """``value`` less the agreed figure, in percentage points (from the figures as shown)."""
    if value is None or agreed is None:
        return None
    decimals = 2 if key == "vote_share" else 1
    return round(100 * float(value), decimals) - round(100 * float(agreed), decimals)


def difference_text(key: str, points: float | None) -> str:
    """``+3.4 pts`` / ``−0.3 pts`` / ``same``: a difference always says it is in points, to 1 dp (a tenth of a
    point is the least a board would act on; the figures above it keep their own precision)."""
    if points is None:
        return NOT_AVAILABLE
    if round(points, 1) == 0:
        return "same" if points == 0 else f"{'+' if points > 0 else '−'}<0.1 pts"
    return f"{'+' if points > 0 else '−'}{abs(points):.1f} pts"


def shown_difference(text: str) -> str:
    """The difference as the cell shows it, under its figure: "−10.4" (the legend says it is in points)."""
    return text.removesuffix(" pts")


class ScenarioCompareModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: list[tuple[SavedScenario, ScenarioAnalysis]] = []
        self._codes: tuple[str, ...] = ()
        self._agreed: ScenarioAnalysis | None = None
        self._agreed_name = ""
        self._agreed_brush = QBrush(QColor(AGREED_BACKGROUND))
        self._changed_brush = QBrush(QColor(CHANGED_BACKGROUND))

    def set_scenarios(self, columns: Sequence[tuple[SavedScenario, ScenarioAnalysis]], codes: Sequence[str],
                      agreed: ScenarioAnalysis | None = None, agreed_name: str = "") -> None:
        """``agreed``: the analysis of the network's agreed scenario, which the differences are taken from."""
        self.beginResetModel()
        self._columns = list(columns)
        self._codes = tuple(codes)
        self._agreed = agreed
        self._agreed_name = agreed_name
        self.endResetModel()

    # ------------------------------------------------------------------ what is where
    def scenario_count(self) -> int:
        return len(self._columns)

    def scenario(self, number: int) -> tuple[SavedScenario, ScenarioAnalysis]:
        return self._columns[number]

    def column_at(self, column: int) -> tuple[SavedScenario, ScenarioAnalysis]:
        """The scenario whose figures are in ``column``."""
        return self._columns[column // len(MEASURES)]

    def column_key(self, column: int) -> str:
        return MEASURES[column % len(MEASURES)][0]

    def column_of(self, scenario_number: int, key: str) -> int:
        return scenario_number * len(MEASURES) + [k for k, _ in MEASURES].index(key)

    def row_key(self, row: int) -> int:
        """The partner's index in the network's order."""
        return row

    def summary_lines(self) -> list[str]:
        """What the columns and the lines under the figures are, then per scenario: its name, how shares are
        set, how votes are given and the rule."""
        if not self._columns:
            return []
        lines = [self.legend()]
        for saved, analysis in self._columns:
            rule = f"cannot be worked out: {analysis.problem}" if analysis.problem else analysis.rule_text
            mark = f"{AGREED_MARK} " if saved.agreed else ""
            lines.append(f"{mark}{saved.scenario.name}: {analysis.scenario.describe_shares()}; "
                         f"votes {votes_text(analysis)[0].lower()}{votes_text(analysis)[1:]}; {rule}")
        return lines

    def legend(self) -> str:
        """What "Banz." and "Shap." stand for and, when differences are shown, what the line under a figure is."""
        names = "Banz. is Banzhaf power, Shap. Shapley–Shubik power (%)."
        if self._agreed is None or all(saved.agreed for saved, _ in self._columns):
            return names
        agreed_shown = any(saved.agreed for saved, _ in self._columns)
        which = "the agreed scenario" if agreed_shown else f"the agreed scenario, {self._agreed_name},"
        return f"Under each figure: how far it is from {which} in points. {names}"

    # ------------------------------------------------------------------ shape
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() or not self._columns else len(self._codes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns) * len(MEASURES)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ------------------------------------------------------------------ reading
    def cell(self, row: int, column: int) -> tuple[str, str | None]:
        """(the figure, its difference from the agreed scenario or None for the agreed scenario itself)."""
        saved, analysis = self.column_at(column)
        key = self.column_key(column)
        value = figure(analysis, key, row)
        if saved.agreed or self._agreed is None:
            return figure_text(key, value), None
        return figure_text(key, value), difference_text(key, difference_points(key, value,
                                                                               figure(self._agreed, key, row)))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        shown, difference = self.cell(index.row(), index.column())
        saved, analysis = self.column_at(index.column())
        key = self.column_key(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return shown if difference is None else f"{shown}\n{shown_difference(difference)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            against = "" if difference is None else f", {difference} against the agreed scenario"
            return f"{self._codes[index.row()]} {MEASURE_TIPS[key]} under {saved.scenario.name}: {shown}{against}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE
        if role == Qt.ItemDataRole.ToolTipRole:
            if analysis.problem:
                return analysis.problem
            against = "" if difference is None else f" ({difference} against the agreed scenario)"
            return (f"{self._codes[index.row()]}, {MEASURE_TIPS[key]}: {shown}{against}. "
                    "Double-click, or press Enter, to show the working")
        if role == Qt.ItemDataRole.BackgroundRole:
            if saved.agreed:
                return self._agreed_brush
            if difference not in (None, "same", NOT_AVAILABLE):
                return self._changed_brush
            return None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < self.columnCount():
                return None
            saved, _analysis = self.column_at(section)
            key = self.column_key(section)
            if role == Qt.ItemDataRole.DisplayRole:
                return dict(MEASURES)[key]
            if role == GROUP_ROLE:
                name = saved.scenario.name
                return (f"{AGREED_MARK} {name}" if saved.agreed else name), section // len(MEASURES) * len(MEASURES)
            if role == Qt.ItemDataRole.ToolTipRole:
                agreed = " — the network’s agreed position" if saved.agreed else ""
                against = "" if saved.agreed or self._agreed is None else \
                    " (under each figure: its difference from the agreed scenario, in points)"
                return f"{saved.scenario.name}{agreed}: {MEASURE_TIPS[key]}{against}"
            return None
        if not 0 <= section < self.rowCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._codes[section]
        return None

    def _valid(self, index: AnyIndex) -> bool:
        return (
            index.isValid()
            and index.model() is self
            and 0 <= index.row() < self.rowCount()
            and 0 <= index.column() < self.columnCount()
        )
