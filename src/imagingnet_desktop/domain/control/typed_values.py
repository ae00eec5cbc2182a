"""Control's own typed values: figures shown back, and partners named by their codes. Text, numbers and dates
typed go through the rules every area shares: ``domain.typed_text``, ``domain.number_text``, ``domain.typed_dates``."""

from __future__ import annotations

import re
from decimal import Decimal

from imagingnet_desktop.domain.network.partner_fields import FieldError

MAX_TITLE_LENGTH = 120


def show_number(value: Decimal | None) -> str:
    """``1234567.5`` -> ``1,234,567.5``; ``None`` -> ``""``."""
    if value is None:
        return ""
    return f"{value:,f}"


def parse_partner_codes(label: str, text: str, partners: list[tuple[int, str]]) -> list[int]:
    """``"NSH, kbd"`` -> the partners' ids in the order typed (commas, spaces or arrows between codes)."""
    by_code = {code.casefold(): pid for pid, code in partners}
    found: list[int] = []
    for word in re.split(r"[\s,;→>+]+", text.strip()):
        if not word:
            continue
        pid = by_code.get(word.casefold())
        if pid is None:
            known = ", ".join(code for _, code in partners) or "none yet"
            raise FieldError(f"{label}: “{word[:20]}” is not a partner's code (the codes are {known}).")
        if pid in found:
            raise FieldError(f"{label}: {word} is named twice.")
        found.append(pid)
    return found
