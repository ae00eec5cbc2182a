"""Import partner baselines from CSV or XLSX: all or nothing, every problem by row and column.

A code that exists already updates that partner (keeping its place); a new code is added at the end.
The whole import is one undoable edit.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from ..domain.partner import Partner
from ..domain.partner_rows import ParsedRows, parse_rows
from ..domain.validation import Problem
from .partner_commands import ReplacePartners
from .workspace import Workspace

MAX_ROWS = 1000
MAX_BYTES = 20 * 1024 * 1024


class ImportRefused(Exception):
    """Nothing was imported. ``problems`` lists each by row and column."""

    def __init__(self, path: Path, problems: tuple[Problem, ...]) -> None:
        self.path = path
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems[:200])
        more = f"\n  … and {len(problems) - 200} more" if len(problems) > 200 else ""
        super().__init__(f"Nothing was imported from {path.name}: {len(problems)} problem(s)\n{listed}{more}")


@dataclass(frozen=True)
class ImportOutcome:
    added: tuple[str, ...]
    updated: tuple[str, ...]

    def summary(self) -> str:
        return f"{len(self.added)} partner(s) added, {len(self.updated)} updated"


def read_table(path: str | os.PathLike[str]) -> tuple[list[str], list[list[object]]]:
    """Header and rows of a CSV (UTF-8, BOM or not) or of the first sheet of an XLSX (values only)."""
    path = Path(path)
    if not path.is_file():
        raise ImportRefused(path, (Problem(None, "(file)", f"there is no file at {path}"),))
    if path.stat().st_size > MAX_BYTES:
        raise ImportRefused(path, (Problem(None, "(file)", "the file is larger than 20 MB"),))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise ImportRefused(path, (Problem(None, "(file)", "choose a .csv or .xlsx file"),))


def _read_csv(path: Path) -> tuple[list[str], list[list[object]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            path, (Problem(None, "(file)", f"the file is not UTF-8 text (byte {exc.start}); save it as CSV UTF-8"),)
        ) from None
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        raise ImportRefused(path, (Problem(None, "(file)", "the file is empty"),))
    return [h.strip() for h in rows[0]], [list(r) for r in rows[1:]]


def _read_xlsx(path: Path) -> tuple[list[str], list[list[object]]]:
    from openpyxl import load_workbook  # data_only: the values Excel saved, never the formulas

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportRefused(path, (Problem(None, "(file)", f"the spreadsheet cannot be read ({exc})"),)) from None
    try:
        sheet = book.worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    if not rows:
        raise ImportRefused(path, (Problem(None, "(file)", "the first sheet is empty"),))
    header = ["" if h is None else str(h).strip() for h in rows[0]]
    while header and not header[-1]:
        header.pop()
    return header, rows[1:]


def parse_file(path: str | os.PathLike[str]) -> ParsedRows:
    header, rows = read_table(path)
    if len(rows) > MAX_ROWS:
        raise ImportRefused(Path(path), (Problem(None, "(file)", f"more than {MAX_ROWS} rows"),))
    parsed = parse_rows(header, rows)
    if not parsed.ok:
        raise ImportRefused(Path(path), parsed.problems)
    return parsed


def import_partners(workspace: Workspace, path: str | os.PathLike[str]) -> ImportOutcome:
    """Import ``path`` into ``workspace`` as one undoable edit, or raise ``ImportRefused`` changing nothing."""
    parsed = parse_file(path)
    partners = list(workspace.network.partners)
    added: list[str] = []
    updated: list[str] = []
    next_id = workspace.new_partner_id()
    for baseline in parsed.baselines:
        code = str(baseline["code"])
        existing = next((i for i, p in enumerate(partners) if p.code.casefold() == code.casefold()), None)
        if existing is None:
            partners.append(Partner(id=next_id, **baseline))  # type: ignore[arg-type]
            next_id += 1
            added.append(code)
        else:
            partners[existing] = Partner(id=partners[existing].id, **baseline)  # type: ignore[arg-type]
            updated.append(code)
    clashes = _name_clashes(partners)
    if clashes:
        raise ImportRefused(Path(path), clashes)
    workspace.execute(ReplacePartners(f"import partners from {Path(path).name}", tuple(partners)))
    return ImportOutcome(tuple(added), tuple(updated))


def _name_clashes(partners: list[Partner]) -> tuple[Problem, ...]:
    seen: dict[str, str] = {}
    problems = []
    for p in partners:
        key = p.name.casefold()
        if key in seen and seen[key] != p.code:
            problems.append(Problem(None, "name", f"'{p.name}' ({p.code}) is already the name of {seen[key]}"))
        seen.setdefault(key, p.code)
    return tuple(problems)


def demo_baselines() -> ParsedRows:
    from ..resources import resource

    text = resource("demo-network.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return parse_rows(rows[0], rows[1:])


DEMO_NETWORK_NAME = "Northshire & Vale Imaging Network"


def create_demo(path: str | os.PathLike[str], name: str = DEMO_NETWORK_NAME) -> Workspace:
    parsed = demo_baselines()
    partners = tuple(Partner(id=i + 1, **b) for i, b in enumerate(parsed.baselines))  # type: ignore[arg-type]
    return Workspace.create(path, name, partners)
