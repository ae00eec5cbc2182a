"""A weighted voting game with a quota, a minimum number of members and veto players.

A coalition (a set of players) *wins* when all three hold at once:

* its total weight is at least ``quota``;
* it has at least ``min_members`` members;
* it contains every player listed in ``veto``.

Every calculation in this package works on this single combined game, so the three
conditions are never weighed separately and then averaged.  ``WeightedGame.reduced()``
folds the veto players in (they are forced into every coalition, and so is anyone without whom nothing can
pass), divides the weights of
the remaining players by their common factor and caps any weight above the quota.  The
reduced form changes nothing about who wins; it only makes the counting tables smaller.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class GameError(ValueError):
    """A voting game that cannot be analysed; the message says why, in plain English."""


class UnwinnableGameError(GameError):
    """No coalition can win, so there is no power to share out."""


class TrivialGameError(GameError):
    """Even the empty coalition wins, so nobody's vote can ever make a difference."""


class GameTooLargeError(GameError):
    """The exact calculation would need more memory than is reasonable on a desktop."""


def _as_int(value: object, what: str) -> int:
    """Accept Python or numpy integers only; a float weight would make the game inexact."""
    if isinstance(value, bool):
        raise GameError(f"{what} must be a whole number, not {value!r}.")
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise GameError(f"{what} must be a whole number, not {value!r}.") from None


@dataclass(frozen=True)
class WeightedGame:
    """A validated game: non-negative integer weights, an integer quota, members and vetoes."""

    weights: tuple[int, ...]
    quota: int
    min_members: int = 0
    veto: tuple[int, ...] = ()

    @classmethod
    def of(
        cls,
        weights: Iterable[int],
        quota: int,
        *,
        min_members: int = 0,
        veto: Iterable[int] = (),
    ) -> WeightedGame:
        """Check the inputs and build the game; refuses anything that would make it ill-defined."""
        # ``type(w) is int`` first: this runs on every slider move, and the message is only built when needed.
        ws = tuple(w if type(w) is int else _as_int(w, f"The weight of player {i + 1}") for i, w in enumerate(weights))
        if not ws:
            raise GameError("There are no voters, so there is nothing to analyse.")
        for i, w in enumerate(ws):
            if w < 0:
                raise GameError(f"The weight of player {i + 1} is {w}; weights cannot be negative.")
        q = _as_int(quota, "The quota")
        m = _as_int(min_members, "The minimum number of members")
        if m < 0:
            raise GameError(f"The minimum number of members is {m}; it cannot be negative.")
        vs: set[int] = set()
        for v in veto:
            idx = _as_int(v, "A veto player")
            if not 0 <= idx < len(ws):
                raise GameError(f"Veto player {idx} does not exist: players are numbered 0 to {len(ws) - 1}.")
            vs.add(idx)
        return cls(ws, q, m, tuple(sorted(vs)))

    @property
    def n(self) -> int:
        return len(self.weights)

    def wins(self, coalition: Iterable[int]) -> bool:
        """Whether this set of player indices is a winning coalition (the definition itself)."""
        members = set(coalition)
        return (
            sum(self.weights[i] for i in members) >= self.quota
            and len(members) >= self.min_members
            and all(v in members for v in self.veto)
        )

    def essential(self) -> tuple[int, ...]:
        """The players without whom nothing can pass: declared vetoes, and anyone whose absence leaves too
        little weight or too few members."""
        total = sum(self.weights)
        return tuple(i for i, w in enumerate(self.weights)
                     if i in self.veto or total - w < self.quota or self.n - 1 < self.min_members)

    def check_decisive(self) -> None:
        """Raise unless the grand coalition wins and the empty coalition loses."""
        total = sum(self.weights)
        if total < self.quota:
            raise UnwinnableGameError(
                f"No decision can ever pass: the quota is {self.quota} votes but all the "
                f"votes together only come to {total}."
            )
        if self.n < self.min_members:
            raise UnwinnableGameError(
                f"No decision can ever pass: at least {self.min_members} members are needed "
                f"but there are only {self.n}."
            )
        if self.quota <= 0 and self.min_members == 0 and not self.veto:
            raise TrivialGameError(
                "Every decision passes even with nobody voting for it (the quota is "
                f"{self.quota}, with no minimum number of members and no veto), so no "
                "vote ever makes a difference and power is undefined."
            )

    def reduced(self) -> ReducedGame:
        """Fold the veto players in and shrink the weights, without changing who wins."""
        self.check_decisive()
        # A player without whom nothing passes is in every winning coalition, declared a veto or not: forcing
        # it in changes nothing about who wins and takes it out of the counting (all of them, under unanimity).
        forced = self.essential()
        veto = set(forced)
        rest = tuple(i for i in range(self.n) if i not in veto)
        veto_weight = sum(self.weights[v] for v in forced)
        q = self.quota - veto_weight
        m = max(self.min_members - len(veto), 0)
        ws = [self.weights[i] for i in rest]
        if q <= 0:
            # The veto players already bring the quota: only the head count matters.
            q, ws = 0, [0] * len(ws)
        else:
            g = math.gcd(*ws) if ws else 0
            if g > 1:
                ws = [w // g for w in ws]
                q = -(-q // g)  # w*g >= q  <=>  w >= ceil(q / g)
            ws = [min(w, q) for w in ws]  # any weight at or above the quota is as good as the quota
        return ReducedGame(n=self.n, veto=forced, players=rest, weights=tuple(ws), quota=q, min_members=m)


@dataclass(frozen=True)
class ReducedGame:
    """The game on the non-veto players once the veto players are forced in.

    A set ``T`` of the non-veto ``players`` completes a winning coalition (``veto`` plus
    ``T``) exactly when ``sum(weights over T) >= quota`` and ``len(T) >= min_members``.
    Here ``quota >= 0`` and ``min_members >= 0``; ``weights`` line up with ``players``.
    """

    n: int
    veto: tuple[int, ...]
    players: tuple[int, ...]
    weights: tuple[int, ...]
    quota: int
    min_members: int

    @property
    def r(self) -> int:
        return len(self.players)

    def descending(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Players (original indices) and weights, heaviest first, ties by index: a fixed order."""
        order: Sequence[int] = sorted(range(self.r), key=lambda k: (-self.weights[k], k))
        return tuple(self.players[k] for k in order), tuple(self.weights[k] for k in order)
