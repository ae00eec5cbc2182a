"""Does rounding the shares to whole votes change anyone's voting power? Checked against the exact shares.

Proportional votes are each partner's exact share in basis points, rounded to the nearest. Equal shares
always get equal votes, but rounding can still move a coalition across the quota: two partners on 50.004%
and 49.996% both get 5,000 votes, so neither can pass a decision alone, while on the exact shares the first
holds more than half. This module plays the same rule on the exact shares and compares the two games.

How: up to ``MAX_CHECKED_PARTNERS`` every coalition is listed once (2**n of them), its exact share summed
exactly (whole numbers over one common denominator) and its rounded votes summed, and each one's verdict
under the rule compared. Only when some verdict differs are the exact shares' indices worked out (from the
same list: swings and pivots counted exactly), so a check that finds nothing costs two vectorised sums.
Beyond that, whether any verdict differs is still answered exactly, by a dynamic programme over vote totals
(``rounding_flips.find_flip``), with one flipped coalition as the example; how much the rounding moves each
partner's power is then not worked out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from imagingnet_desktop.domain.figure_text import power_percent
from imagingnet_desktop.domain.scenarios.rounding_flips import find_flip
from imagingnet_desktop.domain.voting.rules import VOTE_RESOLUTION, RuleGame, RuleKind, VotingRule
from imagingnet_desktop.domain.voting.thresholds import qualified_text
from imagingnet_desktop.domain.wording import join_words

MAX_CHECKED_PARTNERS = 16  # 65,536 coalitions: a few milliseconds


@dataclass(frozen=True)
class PowerChange:
    index: int
    banzhaf_rounded: Fraction
    banzhaf_exact: Fraction
    shapley_rounded: Fraction
    shapley_exact: Fraction


@dataclass(frozen=True)
class Flip:
    """One coalition whose verdict the rounding changes: its members, exact share and rounded votes."""

    members: tuple[int, ...]
    exact_share: Fraction
    votes: int
    passes_exact: bool


@dataclass(frozen=True)
class RoundingCheck:
    """What the check found. ``changes`` is empty when rounding changes nobody's power. ``flip`` is one
    coalition whose verdict the rounding changes (None when there is none, or, up to 16 partners, when no
    verdict change moves anyone's power). ``power_checked`` is False when the network is too large for the
    exact shares' power indices: then ``flip`` alone says whether rounding changes anything, and
    ``flipped_coalitions`` is not counted (0)."""

    changes: tuple[PowerChange, ...] = ()
    flip: Flip | None = None
    flipped_coalitions: int = 0
    quota: int = 0
    total_votes: int = 0
    threshold: str = ""
    power_checked: bool = True
    partners: int = 0
    min_members: int = 0
    veto: tuple[int, ...] = ()

    @property
    def changed(self) -> bool:
        """Does the rounding change something the board should hear about?"""
        return bool(self.changes) or (not self.power_checked and self.flip is not None)

    def warning(self, codes: Sequence[str]) -> str | None:
        """The plain-words finding, or None when there is nothing to say."""
        if not self.power_checked:
            return self._flip_warning(codes) if self.flip is not None else None
        if not self.changes:
            return None
        first, *rest = self.changes
        parts = [f"{codes[first.index]} has {power_percent(first.banzhaf_rounded)} of the Banzhaf power with the rounded "
                 f"votes against {power_percent(first.banzhaf_exact)} on the exact shares "
                 f"({_pts(first.banzhaf_rounded - first.banzhaf_exact)})"]
        parts += [f"{codes[c.index]} {power_percent(c.banzhaf_rounded)} against {power_percent(c.banzhaf_exact)} "
                  f"({_pts(c.banzhaf_rounded - c.banzhaf_exact)})" for c in rest]
        return f"Rounding the shares to whole votes alone changes voting power: {join_words(parts)}."

    def _flip_warning(self, codes: Sequence[str]) -> str:
        assert self.flip is not None
        flip = self.flip
        one = len(flip.members) == 1
        who = codes[flip.members[0]] + " alone" if one else _group(codes, flip.members, WARNING_NAMES)
        hold, reach = ("holds", "reaches") if one else ("hold", "reach")
        share = _share(flip.exact_share)
        if flip.passes_exact:
            what = (f"{who} {hold} {share} of the exact shares, {self.threshold}, but only {flip.votes:,} of the "
                    f"{self.total_votes:,} votes, short of the {self.quota:,} needed")
        else:
            what = (f"{who} {reach} the {self.quota:,} votes needed ({flip.votes:,} of {self.total_votes:,}) but "
                    f"{hold} only {share} of the exact shares, not {self.threshold}")
        return (f"Rounding the shares to whole votes alone changes what can pass: {what}. How much this changes "
                f"each partner's power is worked out exactly only up to {MAX_CHECKED_PARTNERS} partners.")

    def working(self, codes: Sequence[str]) -> str:
        """How the finding was reached, for "Show working"."""
        if not self.changed:
            return ("Rounding the shares to whole votes changes no coalition's verdict, so "
                    "nobody's power differs from the exact shares.")
        assert self.flip is not None
        flip = self.flip
        one = len(flip.members) == 1
        who = codes[flip.members[0]] + " alone" if one else _group(codes, flip.members, len(flip.members))
        holds, they = ("holds", "it") if one else ("hold", "they")
        share = _share(flip.exact_share)
        votes = f"{flip.votes:,} of the {self.total_votes:,} votes"
        if flip.passes_exact:
            verdict = (f"On the exact shares {who} {holds} {share}, which is {self.threshold}, so {they} would "
                       f"pass a decision; rounded, {they} {holds} {votes}, short of the {self.quota:,} needed.")
        else:
            verdict = (f"Rounded, {who} {holds} {votes}, reaching the {self.quota:,} needed, so {they} pass"
                       f"{'es' if one else ''} a decision; on the exact shares {they} {holds} {share}, which is "
                       f"not {self.threshold}.")
        if not self.power_checked:
            among = []
            if self.veto:
                among.append("with " + join_words([codes[i] for i in self.veto]) + " in favour")
            if self.min_members:
                among.append(f"of at least {self.min_members} partners")
            counted = f" (only coalitions {' and '.join(among)} count)" if among else ""
            return "\n".join([verdict, (
                f"Found without listing the 2^{self.partners} coalitions: for every total of rounded votes up to "
                "the quota, the smallest and the largest exact share a coalition with that total can have were "
                f"worked out exactly and set against the threshold{counted}. How much the rounding changes each "
                f"partner's power is worked out exactly only up to {MAX_CHECKED_PARTNERS} partners; with "
                f"{self.partners} it is not.")])
        lines = [verdict,
                 f"The rounding changes the verdict of {self.flipped_coalitions:,} "
                 f"coalition{'s' if self.flipped_coalitions != 1 else ''} in all. Power with the rounded votes "
                 "against power on the exact shares:"]
        for c in self.changes:
            lines.append(f"  {codes[c.index]}: Banzhaf {power_percent(c.banzhaf_rounded)} against {power_percent(c.banzhaf_exact)} "
                         f"({_pts(c.banzhaf_rounded - c.banzhaf_exact)}); Shapley–Shubik "
                         f"{power_percent(c.shapley_rounded)} against {power_percent(c.shapley_exact)} "
                         f"({_pts(c.shapley_rounded - c.shapley_exact)})")
        return "\n".join(lines)


WARNING_NAMES = 4  # a warning names this many partners of a large coalition, then counts the rest


def _share(value: Fraction) -> str:
    return f"{float(value) * 100:.4f}%"


def _group(codes: Sequence[str], members: Sequence[int], named: int) -> str:
    """The coalition in words: "P01, P02 and P03", or "40 partners (P01, P02, P03 and 37 more)"."""
    if len(members) == 1:
        return codes[members[0]]
    if len(members) <= named:
        return join_words([codes[i] for i in members])
    shown = ", ".join(codes[i] for i in members[:named - 1])
    return f"{len(members)} partners ({shown} and {len(members) - named + 1} more)"


def _pts(value: Fraction) -> str:
    points = float(value) * 100
    if round(points, 1) == 0:
        return "under 0.1 pts"
    return f"{'+' if points > 0 else '−'}{abs(points):.1f} pts"


def check_rounding(shares: Sequence[Fraction], votes: Sequence[int], rule: VotingRule, game: RuleGame,
                   banzhaf: Sequence[Fraction], shapley: Sequence[Fraction]) -> RoundingCheck:
    """Compare the game on the rounded ``votes`` (``game``, whose indices are given) with the same rule on the
    exact ``shares`` (proportions adding up to 1)."""
    n = len(shares)
    if rule.kind is RuleKind.UNANIMITY:
        return RoundingCheck()  # every partner is needed whatever the votes
    threshold_num, threshold_den, strict = _threshold(rule)
    den = math.lcm(*(s.denominator for s in shares))
    exact_nums = [s.numerator * (den // s.denominator) for s in shares]
    if all((x * VOTE_RESOLUTION) % den == 0 for x in exact_nums):
        return RoundingCheck()  # the votes are the exact shares: nothing was rounded
    if n > MAX_CHECKED_PARTNERS:
        found = find_flip(shares, votes, game.quota, game.min_members, game.veto,
                          Fraction(threshold_num, threshold_den), strict)
        if found is None:
            return RoundingCheck()
        flip = Flip(found.members, found.exact_share, found.votes, found.passes_exact)
        return RoundingCheck(flip=flip, quota=game.quota, total_votes=sum(votes),
                             threshold=_threshold_words(rule), power_checked=False, partners=n,
                             min_members=game.min_members, veto=game.veto)
    members = np.arange(1 << n, dtype=np.int64)
    sizes = np.zeros(1 << n, dtype=np.int64)
    rounded = np.zeros(1 << n, dtype=np.int64)
    exact = np.zeros(1 << n, dtype=object)
    exact[:] = 0
    for i in range(n):
        half = 1 << i
        sizes[half : 2 * half] = sizes[:half] + 1
        rounded[half : 2 * half] = rounded[:half] + votes[i]
        exact[half : 2 * half] = exact[:half] + exact_nums[i]
    # The exact verdict: share(S) = exact(S)/den against threshold_num/threshold_den.
    lhs = exact * threshold_den
    rhs = threshold_num * den
    exact_weight = (lhs > rhs) if strict else (lhs >= rhs)
    common = sizes >= game.min_members
    for v in game.veto:
        common &= (members >> v) & 1 == 1
    wins_rounded = (rounded >= game.quota) & common
    wins_exact = np.asarray(exact_weight, dtype=bool) & common
    differ = wins_rounded != wins_exact
    flipped = int(differ.sum())
    if not flipped:
        return RoundingCheck()
    exact_banzhaf, exact_shapley = _indices(wins_exact, members, sizes, n)
    changes = tuple(PowerChange(i, banzhaf[i], exact_banzhaf[i], shapley[i], exact_shapley[i])
                    for i in range(n) if banzhaf[i] != exact_banzhaf[i] or shapley[i] != exact_shapley[i])
    # The smallest coalition whose verdict flips, for the working.
    candidates = np.flatnonzero(differ)
    first = int(candidates[np.argmin(sizes[candidates])])
    flip = Flip(tuple(i for i in range(n) if first >> i & 1), Fraction(int(exact[first]), den),
                int(rounded[first]), bool(wins_exact[first]))
    return RoundingCheck(changes, flip, flipped, game.quota, sum(votes), _threshold_words(rule))


def _threshold(rule: VotingRule) -> tuple[int, int, bool]:
    """The share of the votes a coalition needs, as (numerator, denominator, strictly more than?)."""
    if rule.kind is RuleKind.QUALIFIED:
        assert rule.fraction is not None
        return rule.fraction.numerator, rule.fraction.denominator, False
    return 1, 2, True


def _threshold_words(rule: VotingRule) -> str:
    if rule.kind is RuleKind.QUALIFIED:
        assert rule.fraction is not None
        return f"at least {qualified_text(rule.fraction)}"
    return "more than half"


def _indices(wins: np.ndarray, members: np.ndarray, sizes: np.ndarray, n: int
             ) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]]:
    """Exact Banzhaf and Shapley–Shubik indices of the simple game whose winning coalitions are ``wins``."""
    swings: list[int] = []
    pivots: list[int] = []
    coef = [math.factorial(k - 1) * math.factorial(n - k) if k else 0 for k in range(n + 1)]
    for i in range(n):
        bit = 1 << i
        with_i = members[(members & bit) != 0]
        swing = wins[with_i] & ~wins[with_i ^ bit]
        swings.append(int(swing.sum()))
        by_size = np.bincount(sizes[with_i][swing], minlength=n + 1)
        pivots.append(sum(int(c) * coef[k] for k, c in enumerate(by_size.tolist())))
    total = sum(swings)
    orderings = math.factorial(n)
    banzhaf = tuple(Fraction(s, total) if total else Fraction(0) for s in swings)
    return banzhaf, tuple(Fraction(p, orderings) for p in pivots)
