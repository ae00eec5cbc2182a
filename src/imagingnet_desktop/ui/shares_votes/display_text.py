"""How the Shares & votes tab writes its figures: percents, points, counts and partner lists.

The figures themselves follow ``domain.figure_text`` (the one rule the reports and the command line use too);
what is here is the tab's own: figures with £, partner lists and coalition lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from imagingnet_desktop.domain.figure_text import (  # the one formatting rule, shared with reports and the CLI
    NOT_AVAILABLE,
    count,
    exact_percent,
    points,
    points_text,
    power_percent,
    share_number,
    share_percent,
    vote_share_percent,
)
from imagingnet_desktop.domain.shares.share_table import Basis

__all__ = ["NOT_AVAILABLE", "count", "exact_percent", "points", "points_text", "power_percent", "share_number",
           "share_percent", "vote_share_percent"]

NO_BASIS = "no basis"
NO_FIGURE = "no figure"
MONEY_FIELDS = frozenset(b.field for b in Basis if b.field.endswith("_gbp"))


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
