"""A shares & votes scenario: how shares are set, how votes follow, and which rule decides.

It names partners by code (not by position) so it survives reordering, and it converts to and from a plain
dict for storage. ``domain.scenario_analysis`` works a scenario through for a set of partners.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleError, RuleKind, VoteMethod, VotingRule

SLIDER_MAX = 100
DEFAULT_WEIGHTS: tuple[tuple[Basis, int], ...] = tuple((b, SLIDER_MAX if b is Basis.ACTIVITY else 0) for b in Basis)
MAX_SCENARIOS_COMPARED = 4
MAX_NAME_LENGTH = 80


@dataclass(frozen=True)
class Scenario:
    """``weights`` are the blend sliders (0-100 each, normalised when used); one basis alone is a weight of 100.

    ``vote_basis`` says which shares proportional votes follow: ``"blend"`` or a ``Basis`` value.
    """

    name: str = "Working scenario"
    weights: tuple[tuple[Basis, int], ...] = DEFAULT_WEIGHTS
    vote_method: VoteMethod = VoteMethod.EQUAL
    vote_basis: str = "blend"
    custom_votes: tuple[tuple[str, int], ...] = ()  # (partner code, votes)
    rule_kind: RuleKind = RuleKind.SIMPLE_MAJORITY
    qualified_percent: Decimal | None = None
    min_partners: int = 0
    veto_codes: tuple[str, ...] = ()

    # ------------------------------------------------------------------ derived
    def weight_map(self) -> dict[Basis, int]:
        return dict(self.weights)

    def custom_vote_map(self) -> dict[str, int]:
        return dict(self.custom_votes)

    def rule_for(self, partners: Sequence[Partner]) -> VotingRule:
        """The rule with veto codes turned into partner positions. Raises ``RuleError``."""
        codes = [p.code.casefold() for p in partners]
        missing = [c for c in self.veto_codes if c.casefold() not in codes]
        if missing:
            raise RuleError(f"The veto partner {', '.join(missing)} is no longer in the network: untick it under "
                            "Veto, or undo the change that removed it.")
        veto = tuple(codes.index(c.casefold()) for c in self.veto_codes)
        percent = self.qualified_percent if self.rule_kind is RuleKind.QUALIFIED else None
        return VotingRule(self.rule_kind, percent, self.min_partners, veto)

    def describe_shares(self) -> str:
        active = [(b, w) for b, w in self.weights if w > 0]
        if len(active) == 1:
            return f"{active[0][0].label} alone"
        total = sum(w for _, w in active) or 1
        return "Blend: " + ", ".join(f"{b.label} {100 * w / total:.0f}%" for b, w in active)

    # ------------------------------------------------------------------ storage
    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "weights": {b.value: w for b, w in self.weights},
            "vote_method": self.vote_method.value,
            "vote_basis": self.vote_basis,
            "custom_votes": dict(self.custom_votes),
            "rule_kind": self.rule_kind.value,
            "qualified_percent": None if self.qualified_percent is None else str(self.qualified_percent),
            "min_partners": self.min_partners,
            "veto_codes": list(self.veto_codes),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Scenario:
        """Read a stored scenario; anything malformed falls back to the default for that part."""
        weights_in = data.get("weights")
        weights_in = weights_in if isinstance(weights_in, Mapping) else {}
        weights = tuple((b, _clamp_weight(weights_in.get(b.value, 0))) for b in Basis)
        custom = data.get("custom_votes")
        custom = custom if isinstance(custom, Mapping) else {}
        percent = data.get("qualified_percent")
        return cls(
            name=str(data.get("name") or "Scenario"),
            weights=weights,
            vote_method=VoteMethod(data.get("vote_method", VoteMethod.EQUAL.value)),
            vote_basis=str(data.get("vote_basis") or "blend"),
            custom_votes=tuple((str(k), int(v)) for k, v in custom.items()),  # type: ignore[call-overload]
            rule_kind=RuleKind(data.get("rule_kind", RuleKind.SIMPLE_MAJORITY.value)),
            qualified_percent=None if percent in (None, "") else Decimal(str(percent)),
            min_partners=int(data.get("min_partners") or 0),  # type: ignore[call-overload]
            veto_codes=tuple(str(c) for c in data.get("veto_codes") or ()),  # type: ignore[union-attr]
        )


def _clamp_weight(value: object) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0
    return max(0, min(SLIDER_MAX, number))
