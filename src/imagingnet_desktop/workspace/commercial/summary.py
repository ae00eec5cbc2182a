"""Everything the Commercial model tab and the report show, worked out from the workspace in one place.

Built fresh on every refresh (a few options and factors: well under a millisecond, plus the seeded random
weightings), so it always follows the latest partner edits: eligibility is re-read from the partners each time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from imagingnet_desktop.domain.commercial.appraisal import (
    CommercialChoice,
    Criterion,
    Option,
    OptionStatus,
    Score,
    weight_shares,
)
from imagingnet_desktop.domain.commercial.catalogue import CommercialModel, catalogue
from imagingnet_desktop.domain.commercial.eligibility import Eligibility, eligibility
from imagingnet_desktop.domain.commercial.robustness import (
    WeightSensitivity,
    describe,
    first_place_shares,
    percent,
    sensitivity,
    totals,
)
from imagingnet_desktop.domain.commercial.scoring import CombinedScore, Ranking, combine, rank_options
from imagingnet_desktop.domain.network.network import Network
from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.workspace.commercial.collections import CHOICE, CHOICE_ID, CRITERIA, OPTIONS, SCORES

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.collections import Collection

SHORT_LIST_MOST = 4  # besides the comparators (the white paper's "3-4 options")


class CommercialSource(Protocol):
    @property
    def network(self) -> Network: ...

    def rows(self, collection: Collection[object]) -> tuple[object, ...]: ...


@dataclass(frozen=True)
class Robustness:
    criterion: Criterion
    weight_share: float
    sensitivity: WeightSensitivity
    words: str


@dataclass(frozen=True)
class CommercialView:
    options: tuple[Option, ...]
    criteria: tuple[Criterion, ...]
    scores: tuple[Score, ...]
    choice: CommercialChoice
    partners: tuple[Partner, ...]
    combined: dict[tuple[int, int], CombinedScore]
    ranking: Ranking
    eligibility: dict[int, Eligibility]  # option id -> verdict
    current_model: CommercialModel | None

    # Worked out when first asked for (the stage on screen, the report), so a typed score does not pay for
    # the parts no one is looking at.
    @cached_property
    def robustness(self) -> tuple[Robustness, ...]:
        return _robustness(self.ranking, self.criteria)

    @cached_property
    def notes(self) -> tuple[str, ...]:
        """Plain warnings for the room: a short list too long, a preferred option that fails a rule, options
        not yet fully scored."""
        return _notes(self)

    @cached_property
    def first_shares(self) -> dict[int, float]:
        """Option id -> the share of random weightings under which it ranks first (worked out when first asked
        for, and cached by the score matrix, so a screen that does not show it does not pay for it)."""
        matrix = self.ranking.matrix
        if len(matrix) < 2:
            return {}
        return dict(zip(self.ranking.matrix_ids, first_place_shares(matrix), strict=True))

    @property
    def preferred(self) -> Option | None:
        return next((o for o in self.options if o.status is OptionStatus.PREFERRED), None)

    @property
    def host(self) -> Partner | None:
        return next((p for p in self.partners if p.id == self.choice.host_partner_id), None)

    def model_of(self, option: Option) -> CommercialModel | None:
        return catalogue().get(option.model_key)

    @property
    def mc_words(self) -> str:
        if not self.first_shares:
            return ""
        names = {o.id: o.name for o in self.options}
        parts = [f"{names[i]} {percent(share)}" for i, share in
                 sorted(self.first_shares.items(), key=lambda kv: -kv[1]) if share > 0]
        return "Ranked first under random weightings: " + ", ".join(parts)


def _rows(source: object, collection: Collection[object]) -> tuple[object, ...]:
    rows = getattr(source, "rows", None)
    return rows(collection) if rows is not None else ()


def commercial_view(source: object) -> CommercialView:
    """``source`` is a ``Workspace`` (or a report source without collections: the shipped starting list)."""
    options: tuple[Option, ...] = _rows(source, OPTIONS)  # type: ignore[arg-type, assignment]
    criteria: tuple[Criterion, ...] = _rows(source, CRITERIA)  # type: ignore[arg-type, assignment]
    scores: tuple[Score, ...] = _rows(source, SCORES)  # type: ignore[arg-type, assignment]
    choices: tuple[CommercialChoice, ...] = _rows(source, CHOICE)  # type: ignore[arg-type, assignment]
    if not hasattr(source, "rows"):
        options = tuple(Option(i, m.key, m.name) for i, m in enumerate(catalogue().models, start=1))
    chosen = choices[0] if choices else CommercialChoice(CHOICE_ID)
    partners = tuple(source.network.partners)  # type: ignore[attr-defined]
    partner_ids = {p.id for p in partners}
    scores = tuple(s for s in scores if s.partner_id in partner_ids)
    combined = combine(scores)
    ranking = rank_options(options, criteria, combined)
    verdicts = {}
    for option in options:
        model = catalogue().get(option.model_key)
        if model is not None:
            preferred = option.status is OptionStatus.PREFERRED
            verdicts[option.id] = eligibility(model, partners, chosen.host_partner_id if preferred else None,
                                              host_required=preferred)
    return CommercialView(options, criteria, scores, chosen, partners, combined, ranking, verdicts,
                          catalogue().get(chosen.current_model_key))


def _robustness(ranking: Ranking, criteria: tuple[Criterion, ...]) -> tuple[Robustness, ...]:
    if len(ranking.matrix) < 2 or sum(ranking.weights) == 0:
        return ()
    shares = weight_shares(criteria)
    current = totals(ranking.matrix, ranking.weights)
    found = []
    for k, criterion in enumerate(criteria):
        s = sensitivity(ranking.matrix, ranking.weights, k, current)
        found.append(Robustness(criterion, shares[criterion.id], s, describe(s, ranking.matrix_names, criterion.name)))
    return tuple(found)


def _notes(view: CommercialView) -> tuple[str, ...]:
    notes = []
    comparators = {m.key for m in catalogue().everything if m.comparator}
    contenders = [o for o in view.options if o.scored and o.model_key not in comparators]
    if len(contenders) > SHORT_LIST_MOST:
        notes.append(f"The short list has {len(contenders)} options besides the comparators: the business case "
                     f"guidance suggests 3-4, so consider ruling more out.")
    preferred = view.preferred
    if preferred is not None:
        verdict = view.eligibility.get(preferred.id)
        if verdict is not None and not verdict.ok:
            notes.append(f"⚠ The preferred option fails a rule: {verdict.message}")
    incomplete = [r.name for r in view.ranking.options if r.total is None]
    if incomplete:
        notes.append("Not ranked until every success factor is scored: " + ", ".join(incomplete))
    return tuple(notes)
