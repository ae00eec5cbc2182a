"""Everything the Commercial model tab and the report show, worked out from the workspace in one place.

Built fresh on every refresh (a few options and factors: well under a millisecond, plus the seeded random
weightings), so it always follows the latest partner edits: eligibility is re-read from the partners each time.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    robustness: tuple[Robustness, ...]
    first_shares: dict[int, float]  # option id -> share of random weightings it tops
    eligibility: dict[int, Eligibility]  # option id -> verdict
    current_model: CommercialModel | None
    notes: tuple[str, ...]  # plain warnings for the room (short list too long, a preferred option that fails)

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
    robustness = _robustness(ranking, criteria)
    shares = first_place_shares(ranking.matrix) if len(ranking.matrix) > 1 else []
    ranked_ids = [r.option_id for r in ranking.options if r.total is not None]
    verdicts = {}
    for option in options:
        model = catalogue().get(option.model_key)
        if model is not None:
            preferred = option.status is OptionStatus.PREFERRED
            verdicts[option.id] = eligibility(model, partners, chosen.host_partner_id if preferred else None,
                                              host_required=preferred)
    view = CommercialView(options, criteria, scores, chosen, partners, combined, ranking, robustness,
                          dict(zip(ranked_ids, shares, strict=False)), verdicts,
                          catalogue().get(chosen.current_model_key), ())
    return _with_notes(view)


def _robustness(ranking: Ranking, criteria: tuple[Criterion, ...]) -> tuple[Robustness, ...]:
    if len(ranking.matrix) < 2 or sum(ranking.weights) == 0:
        return ()
    shares = weight_shares(criteria)
    found = []
    for k, criterion in enumerate(criteria):
        s = sensitivity(ranking.matrix, ranking.weights, k)
        found.append(Robustness(criterion, shares[criterion.id], s, describe(s, ranking.matrix_names, criterion.name)))
    return tuple(found)


def _with_notes(view: CommercialView) -> CommercialView:
    notes = []
    contenders = [o for o in view.options if o.scored and not (view.model_of(o) and view.model_of(o).comparator)]  # type: ignore[union-attr]
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
    return CommercialView(**{**view.__dict__, "notes": tuple(notes)})
