"""Shared by the Shares & votes tests: an independent brute-force voting game and the demo's figures.

Nothing here calls the app's share, vote or power code, so the tests check the app against it.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from itertools import combinations, permutations

# The demo network (src/imagingnet_desktop/resources/demo-network.csv), in partner order.
DEMO_CODES = ("NSH", "EMV", "KBD", "SMC", "WBK")
DEMO_ID = {code: i for i, code in enumerate(DEMO_CODES, start=1)}  # partner ids as the demo is created
DEMO_ACTIVITY = (684000, 437000, 384000, 320000, 228000)
DEMO_PAY = (30980000, 17230000, 15180000, 12700000, 8930000)


def basis_points(figures: tuple[int, ...]) -> list[int]:
    """Proportional votes: each figure's exact share in basis points, rounded to the nearest (a half up), on
    its own, so equal figures always get equal votes (they need not add up to 10,000)."""
    total = sum(figures)
    return [math.floor(Fraction(f * 10000, total) + Fraction(1, 2)) for f in figures]


def hundredths(figures: tuple[int, ...]) -> list[int]:
    """Each figure's share of the total in hundredths of a percent (basis points), by largest remainder."""
    total = sum(figures)
    exact = [Fraction(f * 10000, total) for f in figures]
    floors = [math.floor(x) for x in exact]
    left = 10000 - sum(floors)
    # Largest remainders first; ties to the earlier partner.
    order = sorted(range(len(figures)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def percent_text(points: int) -> str:
    return f"{Decimal(points) / 100:.2f}"


class BruteForceGame:
    """A weighted game by listing every coalition and every ordering (fine for 5 players)."""

    def __init__(self, weights: list[int], quota: int, min_members: int = 0, veto: tuple[int, ...] = ()) -> None:
        self.weights, self.quota, self.min_members, self.veto = weights, quota, min_members, set(veto)
        self.n = len(weights)

    def wins(self, coalition: set[int]) -> bool:
        return (sum(self.weights[i] for i in coalition) >= self.quota and len(coalition) >= self.min_members
                and self.veto <= coalition)

    def coalitions(self):
        for size in range(self.n + 1):
            for c in combinations(range(self.n), size):
                yield set(c)

    def swings(self) -> list[int]:
        counts = [0] * self.n
        for c in self.coalitions():
            if self.wins(c):
                for i in c:
                    if not self.wins(c - {i}):
                        counts[i] += 1
        return counts

    def banzhaf(self) -> list[Fraction]:
        s = self.swings()
        return [Fraction(x, sum(s)) for x in s]

    def pivots(self) -> list[int]:
        counts = [0] * self.n
        for order in permutations(range(self.n)):
            so_far: set[int] = set()
            for i in order:
                so_far.add(i)
                if self.wins(so_far):
                    counts[i] += 1
                    break
        return counts

    def shapley(self) -> list[Fraction]:
        p = self.pivots()
        return [Fraction(x, math.factorial(self.n)) for x in p]

    def winning(self) -> list[set[int]]:
        return [c for c in self.coalitions() if self.wins(c)]

    def veto_players(self) -> list[int]:
        return [i for i in range(self.n) if all(i in c for c in self.winning())]

    def null_players(self) -> list[int]:
        s = self.swings()
        return [i for i in range(self.n) if s[i] == 0]

    def solo(self) -> list[int]:
        return [i for i in range(self.n) if self.wins({i})]


def one_dp(value: Fraction) -> str:
    return f"{100 * float(value):.1f}%"
