"""The rows of an options appraisal (options, critical success factors, scores, the choice) and what a valid
value is for each field a user types.

Stages, as the business cases run them: every option starts on the long list; at the SOC an option is ruled
out against a named factor with the reason recorded, or short-listed; at the OBC the short list is scored 0-10
against weighted factors, each partner scoring separately; at the FBC one short-listed option is preferred.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.number_text import parse_number, parse_whole
from imagingnet_desktop.domain.typed_text import clean_text

SCORE_MIN, SCORE_MAX = 0, 10
MAX_OWN_CRITERIA = 3
MAX_TEXT = 2000
MAX_NAME = 120
MAX_WEIGHT = 1000.0

GREEN_BOOK_CRITERIA = (
    "Strategic fit and business needs",
    "Potential value for money",
    "Supplier capacity and capability",
    "Potential affordability",
    "Potential achievability",
)
FRAMEWORK_ROWS = (
    ("scope", "Scope"),
    ("service_solution", "Service solution"),
    ("service_delivery", "Service delivery"),
    ("implementation", "Implementation"),
    ("funding", "Funding"),
)


class OptionStatus(StrEnum):
    LONG_LIST = "long_list"
    RULED_OUT = "ruled_out"
    SHORT_LIST = "short_list"
    PREFERRED = "preferred"


STATUS_WORDS = {
    OptionStatus.LONG_LIST: ("○", "Long list"),
    OptionStatus.RULED_OUT: ("✖", "Ruled out"),
    OptionStatus.SHORT_LIST: ("✔", "Short list"),
    OptionStatus.PREFERRED: ("★", "Preferred"),
}


@dataclass(frozen=True)
class Option:
    """One option of the appraisal: a model (or variant) from the catalogue, and where it stands."""

    id: int
    model_key: str
    name: str
    status: OptionStatus = OptionStatus.LONG_LIST
    reason: str = ""  # why it was ruled out (SOC)
    ruled_out_against: str = ""  # the factor it was ruled out against, as named then
    scope: str = ""
    service_solution: str = ""
    service_delivery: str = ""
    implementation: str = ""
    funding: str = ""

    @property
    def scored(self) -> bool:
        """On the short list (or preferred): scored at the OBC."""
        return self.status in (OptionStatus.SHORT_LIST, OptionStatus.PREFERRED)


@dataclass(frozen=True)
class Criterion:
    """A critical success factor and its weight (any non-negative number; shares are weight / total)."""

    id: int
    name: str
    weight: float
    own: bool = False  # the network's own factor (the Green Book five are not)


@dataclass(frozen=True)
class Score:
    """One partner's score (0-10) of one option against one factor."""

    id: int
    option_id: int
    criterion_id: int
    partner_id: int
    score: int


@dataclass(frozen=True)
class CommercialChoice:
    """The one-row settings: the network's current model and, with the preferred option, its host and why."""

    id: int
    current_model_key: str = "as_is"
    host_partner_id: int | None = None
    rationale: str = ""


# ---------------------------------------------------------------------------- typed values


def parse_score(raw: object) -> int:
    """A whole number from 0 to 10, one message for anything else (the scale is what a scorer needs to see)."""
    try:
        score = parse_whole("A score", str(raw), low=SCORE_MIN, high=SCORE_MAX)
    except FieldError:
        score = None
    if score is None:
        raise FieldError(f"A score must be a whole number from {SCORE_MIN} to {SCORE_MAX}, not '{str(raw).strip()[:20]}'")
    return score


def parse_weight(raw: object) -> float:
    """A finite number from 0 to 1000 (percentages are the usual choice)."""
    value = parse_number("A weight", str(raw), places=None)
    if value is None:
        raise FieldError("A weight must be a number, not ''")
    if value > MAX_WEIGHT:
        raise FieldError(f"A weight can be at most {MAX_WEIGHT:g}")
    return float(value)


def check_weights(criteria: tuple[Criterion, ...]) -> None:
    """The weights must not all be zero: then nothing could be ranked."""
    if not criteria or sum(c.weight for c in criteria) <= 0:
        raise FieldError("The weights cannot all be zero: give at least one success factor a weight above 0")


def weight_shares(criteria: tuple[Criterion, ...]) -> dict[int, float]:
    """criterion id -> its share of the total weight (0..1)."""
    total = sum(c.weight for c in criteria)
    return {c.id: (c.weight / total if total > 0 else 0.0) for c in criteria}


def check_criterion_name(name: str, criteria: tuple[Criterion, ...], own_id: int | None = None) -> str:
    cleaned = clean_text("A success factor's name", name, limit=MAX_NAME)
    if any(c.name.casefold() == cleaned.casefold() and c.id != own_id for c in criteria):
        raise FieldError(f"There is already a success factor called '{cleaned}'")
    return cleaned
