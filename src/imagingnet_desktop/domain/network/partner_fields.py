"""Turn what a user typed (or a spreadsheet cell held) into a partner field value, or say why not.

Every message is written for the person at the keyboard: it names the field and what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from imagingnet_desktop.domain.field_error import FieldError as FieldError  # every area imports it from here
from imagingnet_desktop.domain.network.partner import (
    FIELD_BY_NAME,
    FOUNDATION_TRUST,
    NHS_TRUST,
    NUMERIC_KINDS,
    FieldKind,
    FieldSpec,
)
from imagingnet_desktop.domain.number_text import MAX_NUMBER, clip, parse_number, parse_whole
from imagingnet_desktop.domain.typed_text import clean_text

_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0", ""}
_ORG_ALIASES = {
    "nhs trust": NHS_TRUST,
    "trust": NHS_TRUST,
    "nhs foundation trust": FOUNDATION_TRUST,
    "foundation trust": FOUNDATION_TRUST,
    "ft": FOUNDATION_TRUST,
    "nhs ft": FOUNDATION_TRUST,
}


FILE_COLUMN = "(file)"  # a problem with the whole file (or the whole row), not one column: never shown


@dataclass(frozen=True)
class Problem:
    """One problem found in a row of input (import or edit).

    ``column`` is the header's name for the column, or ``FILE_COLUMN`` for the file (``row`` None) or a row as
    a whole. A column the header gives no name is named by ``position`` instead, as the spreadsheet shows it
    ("3" in a CSV, "C" in a sheet; build it with ``at_position``): a message never names a made-up column.
    """

    row: int | None
    column: str
    message: str
    position: str = ""

    @classmethod
    def at_position(cls, row: int | None, position: str, message: str) -> Problem:
        return cls(row, "", message, position)

    @property
    def where(self) -> str:
        """``row 2, column 'code'``, ``row 1, column 3``, ``row 4`` or ``the file``."""
        parts = [f"row {self.row}"] if self.row is not None else []
        if self.position:
            parts.append(f"column {self.position}")
        elif self.column != FILE_COLUMN:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts) or "the file"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def parse_field(name: str, raw: object) -> object:
    """Parse ``raw`` (text from a cell, or a number from a spreadsheet) for field ``name``.

    Returns the typed value (``None`` for an empty optional number). Raises ``FieldError``.
    """
    spec = FIELD_BY_NAME[name]
    if raw is None or (isinstance(raw, float) and raw != raw and spec.kind not in NUMERIC_KINDS):
        text = ""
    elif isinstance(raw, bool):
        text = "yes" if raw else "no"
    else:
        text = str(raw).strip()
    if spec.kind in NUMERIC_KINDS:
        return _parse_number(spec, raw, text)
    if spec.kind is FieldKind.YES_NO:
        lowered = text.lower()
        if lowered in _YES:
            return True
        if lowered in _NO:
            return False
        raise FieldError(f"{spec.label} must be yes or no, not '{clip(text)}'")
    if spec.kind is FieldKind.ORG_TYPE:
        found = _ORG_ALIASES.get(" ".join(text.lower().split()))
        if found is None:
            raise FieldError(f"{spec.label} must be '{NHS_TRUST}' or '{FOUNDATION_TRUST}', not '{clip(text)}'")
        return found
    text = clean_text(spec.label, text, limit=spec.max_length, required=spec.required)
    if spec.kind is FieldKind.CODE and any(ch.isspace() for ch in text):
        raise FieldError(f"{spec.label} cannot contain spaces")
    return text


def _parse_number(spec: FieldSpec, raw: object, text: str) -> int | Decimal | None:
    if isinstance(raw, float) and raw != raw:
        raise FieldError(f"{spec.label} is not a number (NaN)")
    if spec.kind is FieldKind.COUNT:
        return parse_whole(spec.label, text, low=0, high=int(MAX_NUMBER) - 1)
    number = parse_number(spec.label, text, places=None if spec.kind is FieldKind.MONEY else 4)
    if number is None:
        return None
    if spec.kind is FieldKind.PERCENT and number > 100:
        raise FieldError(f"{spec.label} must be between 0 and 100, not {clip(text)}")
    if spec.kind is FieldKind.MONEY and number != number.quantize(Decimal("0.01")):
        raise FieldError(f"{spec.label} must be in pounds and pence (at most 2 decimal places)")
    return number


