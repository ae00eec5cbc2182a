"""Import partner baselines from CSV or XLSX: all or nothing, every problem by row and column.

A code that exists already updates that partner (keeping its place and id): the columns the file has replace
its figures (a blank cell clears one), columns the file lacks leave them as they were. A new code is added at
the end. The whole import is one undoable edit. XLSX: the values Excel saved, never a formula (a formula cell
with no saved value is a problem, by row and column).
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, replace
from pathlib import Path

from imagingnet_desktop.domain.figure_text import plural
from imagingnet_desktop.domain.network.network import partner_limit_problem
from imagingnet_desktop.domain.network.partner import TEMPLATE_HEADER, Partner
from imagingnet_desktop.domain.network.partner_fields import FILE_COLUMN, Problem
from imagingnet_desktop.domain.network.spreadsheet_rows import ParsedRows, parse_rows, partner_row_count
from imagingnet_desktop.domain.spreadsheet_cells import restored
from imagingnet_desktop.workspace.network.csv_table import read_csv_text, separator_problem
from imagingnet_desktop.workspace.network.partner_commands import ReplacePartners
from imagingnet_desktop.workspace.network.xlsx_table import XlsxProblem, read_xlsx
from imagingnet_desktop.workspace.workspace import Workspace

MAX_ROWS = 1000
MAX_BYTES = 20 * 1024 * 1024


class ImportRefused(Exception):
    """Nothing was imported. ``problems`` lists each by row and column."""

    def __init__(self, path: Path, problems: tuple[Problem, ...]) -> None:
        self.path = path
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems[:200])
        more = f"\n  … and {len(problems) - 200} more" if len(problems) > 200 else ""
        super().__init__(f"Nothing was imported from {path.name}: {plural(len(problems), 'problem')}\n{listed}{more}")


@dataclass(frozen=True)
class ImportOutcome:
    added: tuple[str, ...]
    updated: tuple[str, ...]
    notes: tuple[str, ...] = ()  # e.g. a code that matched a partner's in another case
    unchanged: tuple[str, ...] = ()  # partners the file names whose figures were already what it says
    missing_columns: tuple[str, ...] = ()  # template columns the file lacks (kept as they were on updates)

    @property
    def changed(self) -> bool:
        """False when every partner the file names already holds its figures: then no edit was made."""
        return bool(self.added or self.updated)

    @property
    def undo_hint(self) -> str:
        return " — Ctrl+Z to undo" if self.changed else ""

    def summary(self) -> str:
        """The counts (added, updated and unchanged apart), for the status bar; an import that changed nothing
        says so."""
        if not self.changed:
            return f"Nothing to import: {self._already()}"
        return (f"{plural(len(self.added), 'partner')} added, {len(self.updated)} updated, "
                f"{len(self.unchanged)} unchanged")

    def described(self) -> str:
        """For the window: the counts, and what the file left alone."""
        text = self.summary()
        if self.changed and self.missing_columns and (self.updated or self.unchanged):
            columns = ", ".join(self.missing_columns)
            text += f". {columns} not in the file: kept as {'it was' if len(self.missing_columns) == 1 else 'they were'}"
        return text

    def headline(self, file_name: str, into: str = "") -> str:
        """``Imported partners.csv: 2 partners added, ...``, or that the file changed nothing."""
        where = f"{file_name} into {into}" if into else file_name
        if not self.changed:
            return f"Nothing to import from {where}: {self._already()}"
        return f"Imported {where}: {self.described()}"

    def _already(self) -> str:
        count = len(self.unchanged)
        which = "the 1 partner in the file already holds" if count == 1 else \
            f"the {count:,} partners in the file already hold"
        return f"{which} its figures, so no edit was made (nothing to undo)"


def read_table(path: str | os.PathLike[str]) -> tuple[list[str], list[list[object]]]:
    """Header and rows of a CSV (UTF-8, BOM or not) or of the first sheet of an XLSX (values only)."""
    path = Path(path)
    if not path.is_file():
        raise ImportRefused(path, (Problem(None, FILE_COLUMN, f"there is no file at {path}"),))
    if path.stat().st_size > MAX_BYTES:
        raise ImportRefused(path, (Problem(None, FILE_COLUMN, "it is larger than 20 MB"),))
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise ImportRefused(path, (Problem(None, FILE_COLUMN, "choose a .csv or .xlsx file"),))
    header, rows = _read_csv(path) if suffix == ".csv" else _read_xlsx(path)
    return header, [[restored(v) for v in row] for row in rows]  # a cell our export quoted, as it was


def _read_csv(path: Path) -> tuple[list[str], list[list[object]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            path, (Problem(None, FILE_COLUMN, f"it is not UTF-8 text (byte {exc.start}); save it as CSV UTF-8"),)
        ) from None
    header, rows, problems = read_csv_text(text)
    first: list[Problem] = []
    too_many = partner_limit_problem(partner_row_count(rows), in_file=True)
    if too_many:  # the partner limit first, whatever else is wrong with the file
        first.append(Problem(None, FILE_COLUMN, too_many))
    separators = separator_problem(text)
    if separators is not None:  # what reading it by commas found says nothing useful then
        first.append(separators)
        problems = []
    if first or problems:
        raise ImportRefused(path, (*first, *problems))
    if not header:
        raise ImportRefused(path, (Problem(None, FILE_COLUMN, "it is empty"),))
    return header, rows


def _read_xlsx(path: Path) -> tuple[list[str], list[list[object]]]:
    """Streamed: at most one row more than the limit is read (see ``xlsx_table``)."""
    try:
        header, rows = read_xlsx(path, MAX_ROWS)
    except XlsxProblem as problem:
        raise ImportRefused(path, tuple(problem.problems)) from None
    if not header and not rows:
        raise ImportRefused(path, (Problem(None, FILE_COLUMN, "the first sheet is empty"),))
    return header, rows


def parse_file(path: str | os.PathLike[str]) -> ParsedRows:
    header, rows = read_table(path)
    if len(rows) > MAX_ROWS:  # a sheet is read no further than this
        reason = partner_limit_problem(MAX_ROWS, at_least=True) or ""
        raise ImportRefused(Path(path), (Problem(None, FILE_COLUMN, reason),))
    too_many = partner_limit_problem(partner_row_count(rows), in_file=True)
    if too_many:  # each row is a partner: refused before anything else is read
        raise ImportRefused(Path(path), (Problem(None, FILE_COLUMN, too_many),))
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
    unchanged: list[str] = []
    notes: list[str] = []
    next_id = workspace.new_partner_id()
    row_of_code: dict[str, int | None] = {}
    for baseline, row_number in zip(parsed.baselines, _row_numbers(parsed), strict=True):
        code = str(baseline["code"])
        row_of_code[code.casefold()] = row_number
        existing = next((i for i, p in enumerate(partners) if p.code.casefold() == code.casefold()), None)
        if existing is None:
            partners.append(Partner(id=next_id, **baseline))  # type: ignore[arg-type]
            next_id += 1
            added.append(code)
        else:  # only the columns the file has: an absent column leaves that figure as it was
            stored = partners[existing].code
            if stored != code:  # matched without regard to case: the workspace's spelling is kept
                notes.append(f"{code} matched {stored} (kept as {stored})")
            before = partners[existing]
            partners[existing] = replace(before, **{**baseline, "code": stored})  # type: ignore[arg-type]
            (updated if partners[existing] != before else unchanged).append(stored)
    too_many = partner_limit_problem(len(partners))
    if too_many:
        raise ImportRefused(Path(path), (Problem(None, FILE_COLUMN, too_many),))
    clashes = _name_clashes(partners, row_of_code)
    if clashes:
        raise ImportRefused(Path(path), clashes)
    if added or updated:  # a file that changes nothing is no edit: nothing to undo
        workspace.execute(ReplacePartners(f"import partners from {Path(path).name}", tuple(partners)))
    in_file = set().union(*(b.keys() for b in parsed.baselines))
    missing = tuple(name for name in TEMPLATE_HEADER if name not in in_file)
    return ImportOutcome(tuple(added), tuple(updated), tuple(notes), tuple(unchanged), missing)


def _row_numbers(parsed: ParsedRows) -> tuple[int | None, ...]:
    return parsed.row_numbers if len(parsed.row_numbers) == len(parsed.baselines) else (None,) * len(parsed.baselines)


def _name_clashes(partners: list[Partner], row_of_code: dict[str, int | None]) -> tuple[Problem, ...]:
    """A name the file gives that another partner of the workspace already has (the file itself was checked)."""
    holders: dict[str, list[Partner]] = {}
    for p in partners:
        holders.setdefault(p.name.casefold(), []).append(p)
    problems = []
    for same_name in holders.values():
        if len(same_name) < 2:
            continue
        for p in same_name:
            if p.code.casefold() in row_of_code:
                others = ", ".join(o.code for o in same_name if o is not p)
                problems.append(Problem(row_of_code[p.code.casefold()], "name",
                                        f"'{p.name}' is already the name of {others} in the workspace"))
    return tuple(sorted(problems, key=lambda q: (q.row or 0, q.column)))


def demo_baselines() -> ParsedRows:
    from imagingnet_desktop.resources import resource

    text = resource("demo-network.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return parse_rows(rows[0], rows[1:])


DEMO_NETWORK_NAME = "Northshire & Vale Imaging Network"


def create_demo(path: str | os.PathLike[str], name: str = DEMO_NETWORK_NAME) -> Workspace:
    parsed = demo_baselines()
    partners = tuple(Partner(id=i + 1, **b) for i, b in enumerate(parsed.baselines))  # type: ignore[arg-type]
    return Workspace.create(path, name, partners)
