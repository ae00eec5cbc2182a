"""How the Shares & votes tab writes its figures: percents, points, counts and partner lists.

Plain functions with no Qt, shared by the table models, the warnings panel and the working text, so the
same figure always reads the same way wherever it appears.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from imagingnet_desktop.domain.shares.share_table import Basis

NO_BASIS = "no basis"
NO_FIGURE = "no figure"
NOT_AVAILABLE = "—"
MONEY_FIELDS = frozenset(b.field for b in Basis if b.field.endswith("_gbp"))


def share_percent(value: Decimal | None) -> str:
    """A 2 dp share as shown in the shares table: ``33.32%``."""
    return NOT_AVAILABLE if value is None else f"{value:.2f}%"


def share_number(value: Decimal | None) -> str:
    """A 2 dp share in a table whose heading says it is a percentage: ``33.32``."""
    return NOT_AVAILABLE if value is None else f"{value:.2f}"


def points(value: Decimal | None) -> str:
    """Percentage points with a sign: ``+13.32`` / ``−6.80`` / ``0.00``."""
    if value is None:
        return NOT_AVAILABLE
    if value == 0:
        return "0.00"
    sign = "+" if value > 0 else "−"
    return f"{sign}{abs(value):.2f}"


def power_percent(value: Fraction | float | None) -> str:
    """A power index (0..1) to 1 dp: ``29.4%``."""
    return NOT_AVAILABLE if value is None else f"{100 * float(value):.1f}%"


def vote_share_percent(value: Fraction | float | None) -> str:
    """A share of the votes (0..1) to 2 dp, as every share is: ``22.92%``."""
    return NOT_AVAILABLE if value is None else f"{100 * float(value):.2f}%"


def points_text(value: float | None) -> str:
    """A difference in percentage points: ``+3.4 pts`` / ``−1.0 pts`` / ``0.0 pts`` (power is shown to 1 dp)."""
    if value is None:
        return NOT_AVAILABLE
    rounded = round(value, 1)
    if rounded == 0:
        return "0.0 pts"
    return f"{'+' if rounded > 0 else '−'}{abs(rounded):.1f} pts"


def exact_percent(value: Fraction) -> str:
    """A proportion to 4 dp, for the working: ``33.3171%``."""
    return f"{100 * float(value):.4f}%"


def count(value: int) -> str:
    return f"{value:,}"


def figure(basis: Basis, value: Decimal | int | None) -> str:
    """A partner's baseline figure as typed, with £ for money: ``£30,980,000`` or ``684,000``."""
    if value is None:
        return NO_FIGURE
    text = f"{value:,}"
    return f"£{text}" if basis.field in MONEY_FIELDS else text


def join_codes(codes: Sequence[str], joiner: str = " + ") -> str:
    return joiner.join(codes)


def coalition_list(groups: Sequence[Sequence[str]], total: int, *, shown: int = 4) -> str:
    """``NSH + EMV; KBD + SMC`` and how many more, for the coalition lines under the power table."""
    if total == 0:
        return "none"
    if total == shown + 1 and len(groups) == total:
        shown = total  # list the last one rather than say "and 1 more"
    texts = [f"{g[0]} alone" if len(g) == 1 else join_codes(g) for g in groups[:shown]]
    more = total - len(texts)
    return "; ".join(texts) + (f"; and {more:,} more" if more > 0 else "")
