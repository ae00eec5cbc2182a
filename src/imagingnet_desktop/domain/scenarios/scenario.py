"""A shares & votes scenario: how shares are set, how votes follow, and which rule decides.

It names partners by id (not by position or code) so it survives reordering and a corrected code. Its
settings convert to and from a plain dict for storage; the partner references are stored as rows of their own.
``domain.scenarios.analysis`` works a scenario through for a set of partners.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import TypeVar

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.number_text import MAX_NUMBER, parse_whole
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleError, RuleKind, VoteMethod, VotingRule
from imagingnet_desktop.domain.voting.thresholds import exact_percent, stored_text

SLIDER_MAX = 100
DEFAULT_WEIGHTS: tuple[tuple[Basis, int], ...] = tuple((b, SLIDER_MAX if b is Basis.ACTIVITY else 0) for b in Basis)
MAX_SCENARIOS_COMPARED = 4
MAX_NAME_LENGTH = 80
DEFAULT_QUALIFIED = Fraction(3, 4)


@dataclass(frozen=True)
class Scenario:
    """``weights`` are the blend sliders (0-100 each, normalised when used); one basis alone is a weight of 100.

    ``vote_basis`` says which shares proportional votes follow: ``"blend"`` or a ``Basis`` value.
    ``qualified`` is a qualified majority's exact share of the votes (``Fraction(2, 3)``); stored as ``"2/3"``.
    """

    name: str = "Working scenario"
    weights: tuple[tuple[Basis, int], ...] = DEFAULT_WEIGHTS
    vote_method: VoteMethod = VoteMethod.EQUAL
    vote_basis: str = "blend"
    custom_votes: tuple[tuple[int, int], ...] = ()  # (partner id, votes)
    rule_kind: RuleKind = RuleKind.SIMPLE_MAJORITY
    qualified: Fraction | None = None
    min_partners: int = 0
    veto_partner_ids: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        """Partner references in one order (by partner id, each partner once), so equal scenarios compare equal
        however they were entered or stored."""
        object.__setattr__(self, "custom_votes", tuple(sorted(dict(self.custom_votes).items())))
        object.__setattr__(self, "veto_partner_ids", tuple(sorted(set(self.veto_partner_ids))))
        if self.qualified is not None and not isinstance(self.qualified, Fraction):
            object.__setattr__(self, "qualified", Fraction(self.qualified))

    @property
    def qualified_percent(self) -> Decimal | None:
        """The qualified majority as a percentage when it is one exactly to 2 dp (75), else None (2/3)."""
        return None if self.qualified is None else exact_percent(self.qualified)

    # ------------------------------------------------------------------ derived
    def weight_map(self) -> dict[Basis, int]:
        return dict(self.weights)

    def custom_vote_map(self) -> dict[int, int]:
        return dict(self.custom_votes)

    def rule_for(self, partners: Sequence[Partner]) -> VotingRule:
        """The rule with veto partners turned into partner positions. Raises ``RuleError``."""
        ids = [p.id for p in partners]
        if any(i not in ids for i in self.veto_partner_ids):
            raise RuleError("A veto partner is no longer in the network: untick it under Veto, or undo the "
                            "change that removed it.")
        veto = tuple(ids.index(i) for i in self.veto_partner_ids)
        fraction = self.qualified if self.rule_kind is RuleKind.QUALIFIED else None
        return VotingRule(self.rule_kind, None, self.min_partners, veto, fraction)

    def describe_shares(self) -> str:
        active = [(b, w) for b, w in self.weights if w > 0]
        if len(active) == 1:
            return f"{active[0][0].label} alone"
        total = sum(w for _, w in active) or 1
        return "Blend: " + ", ".join(f"{b.label} {100 * w / total:.0f}%" for b, w in active)

    # ------------------------------------------------------------------ storage
    def settings(self) -> dict[str, object]:
        """Everything but the name and the partner references, as plain JSON-ready values."""
        return {
            "weights": {b.value: w for b, w in self.weights},
            "vote_method": self.vote_method.value,
            "vote_basis": self.vote_basis,
            "rule_kind": self.rule_kind.value,
            "qualified": None if self.qualified is None else stored_text(self.qualified),
            "min_partners": self.min_partners,
        }

    @classmethod
    def from_settings(cls, data: Mapping[str, object], *, name: str = "Scenario",
                      custom_votes: tuple[tuple[int, int], ...] = (),
                      veto_partner_ids: tuple[int, ...] = ()) -> Scenario:
        """Read stored settings; anything malformed falls back to the default for that part.

        A qualified majority is ``"qualified": "2/3"``; settings written before it was exact hold
        ``"qualified_percent": "75"`` instead, read as the same exact fraction (75/100 = 3/4).
        """
        weights_in = data.get("weights")
        weights_map: Mapping[object, object] = weights_in if isinstance(weights_in, Mapping) else {}
        weights = tuple((b, _clamp_whole(weights_map.get(b.value, 0), 0, SLIDER_MAX)) for b in Basis)
        qualified = _fraction(data["qualified"]) if "qualified" in data else _from_percent(data.get("qualified_percent"))
        return cls(
            name=name or "Scenario",
            weights=weights,
            vote_method=_enum(VoteMethod, data.get("vote_method"), VoteMethod.EQUAL),
            vote_basis=str(data.get("vote_basis") or "blend"),
            custom_votes=custom_votes,
            rule_kind=_enum(RuleKind, data.get("rule_kind"), RuleKind.SIMPLE_MAJORITY),
            qualified=qualified,
            min_partners=_clamp_whole(data.get("min_partners"), 0, 10**6),
            veto_partner_ids=veto_partner_ids,
        )


def with_changes(scenario: Scenario, changes: Mapping[str, object]) -> Scenario:
    """``scenario`` with the fields a person changed, and what follows from them.

    Unanimity needs every partner anyway, so choosing it clears a minimum number of partners and the vetoes
    (they would add nothing); a qualified majority chosen with no share of the votes yet starts at 75%.
    """
    changed = replace(scenario, **changes)  # type: ignore[arg-type]
    if changed.rule_kind is RuleKind.UNANIMITY and scenario.rule_kind is not RuleKind.UNANIMITY:
        changed = replace(changed, min_partners=0, veto_partner_ids=())
    if changed.rule_kind is RuleKind.QUALIFIED and changed.qualified is None:
        changed = replace(changed, qualified=DEFAULT_QUALIFIED)
    return changed


def parse_votes(text: str, code: str) -> int:
    """Custom votes as typed ("1,200" is 1200); raises ``FieldError`` naming the partner."""
    votes = parse_whole(f"{code}'s votes", text, low=0, high=int(MAX_NUMBER) - 1)
    if votes is None:
        raise FieldError(f"{code}'s votes must be a whole number of 0 or more")
    return votes


E = TypeVar("E", bound=Enum)


def _enum(kind: type[E], value: object, default: E) -> E:
    try:
        return kind(value)
    except ValueError:
        return default


def _from_percent(value: object) -> Fraction | None:
    if value in (None, "") or isinstance(value, bool):
        return None
    try:
        percent = Decimal(str(value))
        return Fraction(percent) / 100 if percent.is_finite() else None
    except ArithmeticError:
        return None


def _fraction(value: object) -> Fraction | None:
    if not isinstance(value, str | int) or isinstance(value, bool):
        return None
    try:
        fraction = Fraction(value)
    except (ValueError, ZeroDivisionError):
        return None
    return fraction if 0 <= fraction <= 1 else None


def _clamp_whole(value: object, low: int, high: int) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return low
    return int(max(low, min(high, number)))
