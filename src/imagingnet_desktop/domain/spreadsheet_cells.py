"""Spreadsheet cells that cannot run as formulas: text that would start one gets a quote (OWASP's advice for
CSV injection), and the import takes that quote off again, so an exported table re-imports exactly."""

from __future__ import annotations

from decimal import Decimal

Cell = str | int | float | Decimal | bool | None
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Cell) -> Cell:
    """The value as it is safe to put in a spreadsheet cell: text that would start a formula gets a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restored(value: object) -> object:
    """The inverse of ``neutralised`` for a cell read back in: ``'=1+1`` -> ``=1+1`` (other values unchanged)."""
    if isinstance(value, str) and value[:1] == "'" and value[1:2] and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
