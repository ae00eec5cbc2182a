"""Rows of raw values (from a CSV or spreadsheet) -> partner baselines, with every problem by row and column."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from imagingnet_desktop.domain.network.partner import PARTNER_FIELDS, TEMPLATE_HEADER
from imagingnet_desktop.domain.network.partner_fields import FILE_COLUMN, FieldError, Problem, parse_field

HEADER_ROW = 1  # spreadsheet numbering: the header is row 1, the first partner row 2


@dataclass(frozen=True)
class FormulaCell:
    """A spreadsheet cell that holds a formula and no saved value. Formulas are never evaluated: a problem."""

    formula: str

    def __str__(self) -> str:
        return self.formula


@dataclass(frozen=True)
class ParsedRows:
    baselines: tuple[dict[str, object], ...]  # template field -> typed value, one per partner row
    problems: tuple[Problem, ...]
    row_numbers: tuple[int, ...] = ()  # the file's row number of each baseline (header = row 1)

    @property
    def ok(self) -> bool:
        return not self.problems


def header_problems(header: Sequence[str]) -> list[Problem]:
    """Missing or unknown columns (compared without case or surrounding spaces)."""
    seen = [str(h).strip().lower() for h in header]
    problems = [
        Problem(HEADER_ROW, name, "this column is missing from the header")
        for name in TEMPLATE_HEADER
        if name not in seen and _required(name)
    ]
    problems += [
        Problem(HEADER_ROW, h, "this column is not in the import template")
        for h in seen
        if h not in TEMPLATE_HEADER and h
    ]
    duplicates = {h for h in seen if h and seen.count(h) > 1}
    problems += [Problem(HEADER_ROW, h, "this column appears more than once") for h in sorted(duplicates)]
    return problems


def _required(name: str) -> bool:
    return next(f for f in PARTNER_FIELDS if f.name == name).required


def parse_rows(header: Sequence[str], rows: Sequence[Sequence[object]]) -> ParsedRows:
    """Parse every row; rows that are entirely blank are skipped. Codes and names must be unique."""
    problems = header_problems(header)
    if problems:
        return ParsedRows((), tuple(problems))
    columns = [str(h).strip().lower() for h in header]
    baselines: list[dict[str, object]] = []
    row_numbers: list[int] = []
    seen: dict[str, dict[str, int]] = {"code": {}, "name": {}}
    for offset, row in enumerate(rows):
        row_number = HEADER_ROW + 1 + offset
        raw: Mapping[str, object] = dict(zip(columns, row, strict=False))
        if all(_blank(v) for v in raw.values()):
            continue
        if len(row) > len(columns) and any(not _blank(v) for v in row[len(columns):]):
            problems.append(Problem(row_number, FILE_COLUMN, f"this row has values beyond the header's "
                                                             f"{len(columns)} columns: remove them, or name their "
                                                             "column in the header"))
        baseline: dict[str, object] = {}
        for name in TEMPLATE_HEADER:
            if name not in raw:
                continue
            if isinstance(cell := raw[name], FormulaCell):
                problems.append(Problem(row_number, name, _formula_message(cell)))
                continue
            try:
                baseline[name] = parse_field(name, raw[name])
            except FieldError as error:
                problems.append(Problem(row_number, name, str(error)))
        for key in ("code", "name"):
            value = baseline.get(key)
            if isinstance(value, str) and value:
                first = seen[key].setdefault(value.casefold(), row_number)
                if first != row_number:
                    problems.append(Problem(row_number, key, f"'{value}' is already used in row {first}"))
        baselines.append(baseline)
        row_numbers.append(row_number)
    if not baselines and not problems:
        problems.append(Problem(None, FILE_COLUMN, "there are no partner rows under the header"))
    return ParsedRows(tuple(baselines), tuple(problems), tuple(row_numbers))


def _formula_message(cell: FormulaCell) -> str:
    formula = cell.formula if len(cell.formula) <= 40 else cell.formula[:39] + "…"
    return (
        f"the cell holds a formula ({formula}) with no saved value, and formulas are never calculated on "
        "import: type the value instead, or open and save the file in Excel first"
    )


def partner_row_count(rows: Sequence[Sequence[object]]) -> int:
    """The rows that hold anything (entirely blank rows are skipped on import, so they are no partner)."""
    return sum(1 for row in rows if not all(_blank(v) for v in row))


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()
