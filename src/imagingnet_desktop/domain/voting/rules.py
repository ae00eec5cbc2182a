"""How partners' votes are allocated and what a decision needs, turned into an exact voting game.

Why: the board agrees votes (equal, in proportion to shareholding, or a custom split) and a
decision rule (simple majority, a qualified majority, or unanimity, optionally with a minimum
number of partners and named vetoes).  ``rule_game`` turns the two into the weights, quota,
minimum members and vetoes that ``voting.power_indices`` analyses, refusing any rule that
could never be met, so the power figures always describe the rule actually on the table.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from fractions import Fraction
from typing import NamedTuple

from imagingnet_desktop.domain.voting.game import GameError, WeightedGame
from imagingnet_desktop.domain.voting.thresholds import (
    ThresholdError,
    checked_qualified,
    exact_percent,
    qualified_text,
)
from imagingnet_desktop.domain.wording import join_words

_HUNDRED = Decimal(100)


class VoteAllocationError(ValueError):
    """The votes asked for cannot be allocated; the message says what to fix."""


class RuleError(ValueError):
    """The decision rule is impossible or ill-formed for these votes; the message says why."""


class VoteMethod(Enum):
    EQUAL = "equal"  # one vote per partner
    PROPORTIONAL = "proportional"  # votes in basis points of the exact share (25.37% -> 2537)
    CUSTOM = "custom"  # whole numbers the board agrees


def _whole(value: object, what: str, error: type[ValueError]) -> int:
    """A whole number, refusing bools and floats (votes must be exact)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise error(f"{what} must be a whole number, not {value!r}.")
    return value


def _percent(value: object, what: str, error: type[ValueError]) -> Decimal:
    """An exact decimal percentage; floats are refused because 0.1 is not exactly 0.1."""
    if isinstance(value, bool) or isinstance(value, float):
        raise error(f"{what} must be an exact decimal such as 25.37, not {value!r}.")
    try:
        d = Decimal(value) if isinstance(value, int | str) else value
    except InvalidOperation:
        raise error(f"{what} is not a number: {value!r}.") from None
    if not isinstance(d, Decimal) or not d.is_finite():
        raise error(f"{what} must be a finite decimal number, not {value!r}.")
    return d


def allocate_votes(
    method: VoteMethod,
    n_partners: int,
    *,
    share_percents: Sequence[Decimal | int | str] | None = None,
    shares: Sequence[Fraction] | None = None,
    custom: Sequence[int] | None = None,
) -> tuple[int, ...]:
    """Whole-number votes for each partner, so the voting game is exact.

    * ``EQUAL``: one vote each.
    * ``PROPORTIONAL``: the exact shares (``shares`` as proportions adding up to exactly 1, or
      ``share_percents`` as exact decimal percentages adding up to exactly 100) in basis points, each
      rounded to the nearest (a half up): 25.37% gives 2537 votes, a sixth gives 1667. Each partner's votes
      depend on its own exact share alone, so equal shares always get equal votes; the votes need not add
      up to 10,000 (the quota is taken of the votes that exist).
    * ``CUSTOM``: ``custom`` whole numbers, one for every partner, none negative and not all zero.
    """
    n = _whole(n_partners, "The number of partners", VoteAllocationError)
    if n < 1:
        raise VoteAllocationError("There must be at least one partner to allocate votes to.")
    if method is VoteMethod.EQUAL:
        return (1,) * n
    if method is VoteMethod.PROPORTIONAL:
        exact = _exact_shares(n, share_percents, shares)
        return tuple(proportional_votes(s) for s in exact)
    if method is VoteMethod.CUSTOM:
        if custom is None or len(custom) != n:
            got = "none" if custom is None else str(len(custom))
            raise VoteAllocationError(f"Custom votes need a number for each of the {n} partners (got {got}).")
        votes = tuple(
            _whole(v, f"The votes of partner {i + 1}", VoteAllocationError) for i, v in enumerate(custom)
        )
        for i, v in enumerate(votes):
            if v < 0:
                raise VoteAllocationError(f"Partner {i + 1} has {v} votes; votes cannot be negative.")
        if not any(votes):
            raise VoteAllocationError("Every partner has 0 votes, so no decision could ever be made.")
        return votes
    raise VoteAllocationError(f"Unknown way of allocating votes: {method!r}.")


VOTE_RESOLUTION = 10_000  # proportional votes are basis points of the exact share


def proportional_votes(share: Fraction) -> int:
    """One partner's votes for its exact share: basis points, rounded to the nearest, a half up."""
    return math.floor(share * VOTE_RESOLUTION + Fraction(1, 2))


def _exact_shares(n: int, share_percents: Sequence[Decimal | int | str] | None,
                  shares: Sequence[Fraction] | None) -> tuple[Fraction, ...]:
    if shares is not None:
        if len(shares) != n:
            raise VoteAllocationError(f"Proportional votes need a share for each of the {n} partners "
                                      f"(got {len(shares)}).")
        exact = tuple(s if isinstance(s, Fraction) else Fraction(s) for s in shares)
        what = "1"
    else:
        if share_percents is None or len(share_percents) != n:
            got = "none" if share_percents is None else str(len(share_percents))
            raise VoteAllocationError(
                f"Proportional votes need a share for each of the {n} partners (got {got})."
            )
        exact = tuple(Fraction(_percent(s, f"The share of partner {i + 1}", VoteAllocationError)) / 100
                      for i, s in enumerate(share_percents))
        what = "100%"
    for i, s in enumerate(exact):
        if s < 0:
            raise VoteAllocationError(f"The share of partner {i + 1} is negative; shares cannot be negative.")
    if sum(exact, Fraction(0)) != 1:
        raise VoteAllocationError(f"The shares add up to {float(sum(exact)) * 100:.2f}%; they must add up to "
                                  f"exactly {what}.")
    return exact


class RuleKind(Enum):
    SIMPLE_MAJORITY = "simple_majority"  # more than half the votes
    QUALIFIED = "qualified"  # at least a stated fraction of the votes (more than a half)
    UNANIMITY = "unanimity"  # every partner, including any holding no votes


@dataclass(frozen=True)
class VotingRule:
    """What a decision needs.  ``veto`` holds partner indices (0-based) who must all agree.

    A qualified majority is an exact fraction of the votes: give ``fraction`` (``Fraction(2, 3)``) or
    ``percent`` (an exact decimal, ``Decimal("75")``); either way ``fraction`` holds it exactly afterwards,
    and ``percent`` too when the fraction is a whole number of hundredths of a percent. A half or less is
    refused: a motion and its opposite could then both pass.

    Unanimity means every partner must agree, including partners holding no votes, so it
    is played as "all the votes and every partner" (``min_members`` = number of partners);
    ``min_partners`` and ``veto`` add nothing to it and are refused to avoid a muddled rule.
    """

    kind: RuleKind
    percent: Decimal | None = None
    min_partners: int = 0
    veto: tuple[int, ...] = ()
    fraction: Fraction | None = None

    def __post_init__(self) -> None:
        if self.kind is RuleKind.QUALIFIED:
            fraction = self._fraction()
            try:
                checked_qualified(fraction)
            except ThresholdError as exc:
                raise RuleError(str(exc)) from None
            object.__setattr__(self, "fraction", fraction)
            object.__setattr__(self, "percent", exact_percent(fraction))
        elif self.percent is not None or self.fraction is not None:
            raise RuleError("A share of the votes only applies to a qualified majority.")
        m = _whole(self.min_partners, "The minimum number of partners", RuleError)
        if m < 0:
            raise RuleError(f"The minimum number of partners is {m}; it cannot be negative.")
        veto = tuple(sorted({_whole(v, "A veto partner", RuleError) for v in self.veto}))
        if any(v < 0 for v in veto):
            raise RuleError("Veto partners are numbered from 0; a negative number is not a partner.")
        if self.kind is RuleKind.UNANIMITY and (m or veto):
            raise RuleError(
                "Under unanimity every partner must agree already; drop the minimum and the vetoes."
            )
        object.__setattr__(self, "veto", veto)

    def _fraction(self) -> Fraction:
        if self.fraction is not None:
            if not isinstance(self.fraction, Fraction):
                raise RuleError(f"The qualified majority must be an exact fraction, not {self.fraction!r}.")
            given = self.fraction
            if self.percent is not None and Fraction(self.percent) / 100 != given:
                raise RuleError("The qualified majority is given twice, as two different shares of the votes.")
            return given
        if self.percent is None:
            raise RuleError("A qualified majority needs a share of the votes, for example 2/3 or 75%.")
        pct = _percent(self.percent, "The qualified-majority percentage", RuleError)
        if not Decimal(0) < pct <= _HUNDRED:
            raise RuleError(f"The percentage must be more than 0% and at most 100%, not {pct}%.")
        return Fraction(pct) / 100

    def describe(self, names: Sequence[str] | None = None) -> str:
        """Plain English for the board, e.g. "Qualified majority: at least 2/3 of votes, and at least 3 partners"."""
        if self.kind is RuleKind.UNANIMITY:
            return "Unanimity: every partner must agree"
        if self.kind is RuleKind.SIMPLE_MAJORITY:
            text = "Simple majority: more than half of the votes"
        else:
            assert self.fraction is not None
            text = f"Qualified majority: at least {qualified_text(self.fraction)} of votes"
        if self.min_partners:
            text += f", and at least {self.min_partners} partner{'s' if self.min_partners != 1 else ''}"
        if self.veto:
            who = [
                names[v] if names is not None and v < len(names) else f"partner {v + 1}" for v in self.veto
            ]
            text += f"; {who[0]} holds a veto" if len(who) == 1 else f"; {join_words(who)} each hold a veto"
        return text


class RuleGame(NamedTuple):
    """The arguments for ``voting.power_indices``: ``power_indices(g.weights, g.quota, ...)``."""

    weights: tuple[int, ...]
    quota: int
    min_members: int
    veto: tuple[int, ...]


def quota_for(rule: VotingRule, total_votes: int) -> int:
    """The fewest votes that satisfy the rule's vote threshold (exact, never rounded down)."""
    if rule.kind is RuleKind.SIMPLE_MAJORITY:
        return total_votes // 2 + 1
    if rule.kind is RuleKind.QUALIFIED:
        assert rule.fraction is not None
        return math.ceil(total_votes * rule.fraction)
    return total_votes


def rule_game(votes: Sequence[int], rule: VotingRule) -> RuleGame:
    """Turn votes and a rule into one game, refusing any rule that nobody could ever meet."""
    ws = tuple(_whole(v, f"The votes of partner {i + 1}", RuleError) for i, v in enumerate(votes))
    n = len(ws)
    if n == 0:
        raise RuleError("There are no partners to vote.")
    if any(v < 0 for v in ws):
        raise RuleError("Votes cannot be negative.")
    total = sum(ws)
    if total == 0 and rule.kind is not RuleKind.UNANIMITY:
        raise RuleError("No partner holds any votes, so no share of the votes can ever be reached.")
    quota = quota_for(rule, total)
    if quota > total:
        raise RuleError(
            f"This rule needs {quota} votes but there are only {total} in total, so nothing could pass."
        )
    if rule.min_partners > n:
        raise RuleError(
            f"This rule needs at least {rule.min_partners} partners but there are only {n}, so nothing could pass."
        )
    for v in rule.veto:
        if v >= n:
            raise RuleError(f"Veto partner {v + 1} does not exist: there are only {n} partners.")
    min_members = n if rule.kind is RuleKind.UNANIMITY else rule.min_partners
    try:
        WeightedGame.of(ws, quota, min_members=min_members, veto=rule.veto).check_decisive()
    except GameError as exc:  # pragma: no cover - a safety net; the checks above catch every case
        raise RuleError(str(exc)) from exc
    return RuleGame(ws, quota, min_members, rule.veto)
