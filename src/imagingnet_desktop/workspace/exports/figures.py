"""How the drafts write figures: shares, vote shares and counts by the app's one formatting rule
(``domain.figure_text``: shares and vote shares 2 dp, no space before %), money with £ and thousands
separators, and dates in words whatever the machine's locale."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from imagingnet_desktop.domain import figure_text

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def long_date(day: date) -> str:
    """``1 December 2026``."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def share(value: Decimal) -> str:
    """A 2 dp share as the shares table shows it: ``33.32%``."""
    return figure_text.share_percent(value)


def vote_share(value: Fraction | float) -> str:
    """A vote share (0..1) as the votes & power table shows it: ``29.41%``."""
    return figure_text.vote_share_percent(value)


count = figure_text.count


def amount(value: Decimal) -> str:
    """A figure as the network dashboard writes it: whole numbers with separators, else 1 dp."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def percent(value: Decimal) -> str:
    return f"{value:.1f}%"


def money(value: Decimal) -> str:
    return f"£{value:,.0f}" if value == value.to_integral_value() else f"£{value:,.2f}"
