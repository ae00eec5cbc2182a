"""The commercial model's collections (see ``store.migrations.commercial`` for the tables)."""

from __future__ import annotations

from imagingnet_desktop.domain.commercial.appraisal import CommercialChoice, Criterion, Option, Score
from imagingnet_desktop.store.tables.rows import RowTable
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.collections import Collection

OPTIONS: Collection[Option] = Collection(RowTable("commercial_options", Option), Change.COMMERCIAL, "option")
CRITERIA: Collection[Criterion] = Collection(RowTable("commercial_criteria", Criterion), Change.COMMERCIAL,
                                             "success factor")
SCORES: Collection[Score] = Collection(RowTable("commercial_scores", Score, ordered=False), Change.COMMERCIAL,
                                       "score")
CHOICE: Collection[CommercialChoice] = Collection(RowTable("commercial_choice", CommercialChoice, ordered=False),
                                                  Change.COMMERCIAL, "commercial choice")
CHOICE_ID = 1
