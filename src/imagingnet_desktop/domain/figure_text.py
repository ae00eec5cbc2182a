"""How figures read, everywhere the app shows them (screens, reports, the command line): one rule.

Shares and vote shares to 2 dp, power to 1 dp, differences in percentage points ("pts"), no space before
%, and plurals as words ("1 partner", "3 partners"), never "partner(s)". Plain functions, no Qt.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

NOT_AVAILABLE = "—"
MINUS = "−"


def share_percent(value: Decimal | None) -> str:
    """A 2 dp share: ``33.32%``."""
    return NOT_AVAILABLE if value is None else f"{value:.2f}%"


def share_number(value: Decimal | None) -> str:
    """A 2 dp share in a table whose heading says it is a percentage: ``33.32``."""
    return NOT_AVAILABLE if value is None else f"{value:.2f}"


def vote_share_percent(value: Fraction | float | None) -> str:
    """A share of the votes (0..1) to 2 dp: ``21.29%``."""
    return NOT_AVAILABLE if value is None else f"{100 * float(value):.2f}%"


def vote_share_number(value: Fraction | float | None) -> str:
    """A share of the votes (0..1) to 2 dp in a table whose heading says it is a percentage: ``21.29``."""
    return NOT_AVAILABLE if value is None else f"{100 * float(value):.2f}"


def power_percent(value: Fraction | float | None) -> str:
    """A power index (0..1) to 1 dp: ``29.4%``."""
    return NOT_AVAILABLE if value is None else f"{100 * float(value):.1f}%"


def power_number(value: Fraction | float | None) -> str:
    """A power index (0..1) to 1 dp in a table whose heading says it is a percentage: ``29.4``."""
    return NOT_AVAILABLE if value is None else f"{100 * float(value):.1f}"


def points(value: Decimal | None) -> str:
    """Percentage points of a share with a sign, in a column headed "pts": ``+13.32`` / ``−6.80`` / ``0.00``."""
    if value is None:
        return NOT_AVAILABLE
    if value == 0:
        return "0.00"
    sign = "+" if value > 0 else MINUS
    return f"{sign}{abs(value):.2f}"


def points_text(value: Fraction | Decimal | float, places: int = 1) -> str:
    """A difference in percentage points, given as a difference of proportions (0..1): ``+13.3 pts``."""
    amount = 100 * float(value)
    shown = f"{abs(amount):.{places}f}"
    if float(shown) == 0:
        return f"{shown} pts"
    return f"{'+' if amount > 0 else MINUS}{shown} pts"


def exact_percent(value: Fraction) -> str:
    """A proportion to 4 dp, for the working: ``33.3171%``."""
    return f"{100 * float(value):.4f}%"


def count(value: int) -> str:
    return f"{value:,}"


def plural(number: int, word: str, many: str | None = None) -> str:
    """``1 partner``, ``2 partners``, ``3 NHS Trusts``; ``many`` for an irregular plural."""
    return f"{number:,} {word if number == 1 else many or word + 's'}"
