"""Page 4: weighted totals, the ranking, and how robust it is to the weights, in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from imagingnet_desktop.domain.commercial.robustness import DEFAULT_SAMPLES
from imagingnet_desktop.ui.commercial.common import WARNING_INK, heading, set_text, table, wrapped
from imagingnet_desktop.ui.commercial.table_models import RankingTableModel
from imagingnet_desktop.workspace.commercial.summary import CommercialView
from imagingnet_desktop.workspace.workspace import Workspace


class RankingPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RankingTableModel(workspace, self)
        self.table = table("Ranking")
        self.table.setModel(self.model)
        self.leader = wrapped(relative=1.3, bold=True, name="rankingLeader")
        self.robustness = wrapped(relative=1.1, name="robustnessWords")
        self.random_words = wrapped(relative=1.05, name="randomWeightings")
        self.notes = wrapped(relative=1.0, bold=True, colour=WARNING_INK, name="rankingNotes")

        words = QWidget()
        column = QVBoxLayout(words)
        column.addWidget(heading("Ranking and robustness: how far can the weights move?", 1.15))
        column.addWidget(self.robustness)
        column.addWidget(self.random_words)
        column.addWidget(self.notes)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(words)

        top = QWidget()
        top_column = QVBoxLayout(top)
        top_column.setContentsMargins(0, 0, 0, 0)
        top_column.addWidget(self.leader)
        top_column.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter, 1)

    def show_view(self, view: CommercialView) -> None:
        self.model.show_view(view)
        leader = view.ranking.leader
        if leader is None:
            set_text(self.leader, "No ranking yet: short-list options and score them against every factor")
        else:
            tied = [r.name for r in view.ranking.options if r.rank == 1]
            set_text(self.leader, f"★ First: {leader.name} ({float(leader.total or 0):.2f} of 10)" if len(tied) == 1
                     else "★ Level first: " + ", ".join(tied))
        lines = []
        names = view.ranking.matrix_names
        lead = names[view.robustness[0].sensitivity.leader] if view.robustness else ""
        prefix = f"{lead} stays first "
        for item in view.robustness:  # one weight at a time, the leader named once above the list
            words = item.words
            lines.append(f"• {words.removeprefix(prefix)}" if words.startswith(prefix) else f"• {words}")
        if lines:
            lines.insert(0, f"Moving one weight at a time (the others keep their proportions), {lead} stays first:")
        set_text(self.robustness, "\n".join(lines) if lines else
                 "Needs at least two fully scored options to say how the ranking moves with the weights.")
        set_text(self.random_words, (view.mc_words + f" (out of {DEFAULT_SAMPLES:,} random weightings, spread "
                                     "evenly over every possible mix of weights).") if view.mc_words else "")
        set_text(self.notes, "\n".join(n for n in view.notes if n.startswith("Not ranked")))
