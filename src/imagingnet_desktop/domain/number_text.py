"""Figures as people type them: ``£1,234.50``, ``12.5%``, ``1_000``. A comma only ever separates thousands.

``12,5`` (a decimal comma) and ``1,2,3,4`` are refused rather than read as 125 and 1234.
"""

from __future__ import annotations

import re

_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


def without_grouping(label: str, text: str) -> str:
    """``text`` with £, % and thousands separators removed. Raises ``ValueError`` with the message to show
    when a comma is anything other than a separator between groups of three digits."""
    bare = text.replace("£", "").replace("%", "").replace("_", "").strip()
    if "," not in bare:
        return bare
    if _GROUPED.fullmatch(bare):
        return bare.replace(",", "")
    shown = text if len(text) <= 40 else text[:39] + "…"
    if re.fullmatch(r"[+-]?\d+,\d{1,2}", bare) or re.fullmatch(r"[+-]?\d+,\d{4,}", bare):
        hint = "a decimal comma is not accepted: write it with a point (12.5)"
    else:
        hint = "a comma may only separate thousands, in groups of three (1,234.5); a decimal comma is not accepted"
    raise ValueError(f"{label} must be a number, not '{shown}': {hint}")
