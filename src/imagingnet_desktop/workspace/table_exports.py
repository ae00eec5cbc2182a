"""Tables out: any table of rows to CSV or XLSX, and the registry of what ``imagingnet export KIND`` can write.

Cells that a spreadsheet would run as a formula — text beginning ``=``, ``+``, ``-`` or ``@``, or a tab or a
carriage return — are written with a single quote in front, as OWASP advises for CSV injection. Numbers stay
numbers (a negative number is not text and is never quoted). CSV is UTF-8 with a byte-order mark, so Excel
shows accents and Welsh letters correctly; the partner import reads it back, taking the quote off again
(``restored``), so an exported partners file imports to the same partners.

A file is written whole beside the target and renamed over it (``documents.output``): a full disk, a folder
that may not be written or a target open in Excel raises ``ExportFileError`` and leaves no half a file.

Adding a kind is one line in ``TABLE_EXPORTS``: a function from the workspace to a ``Table``.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from imagingnet_desktop.domain.figure_text import power_number, share_number, vote_share_number
from imagingnet_desktop.domain.network.partner import TEMPLATE_HEADER
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.spreadsheet_cells import Cell, neutralised

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace

SUFFIXES = (".csv", ".xlsx")
SHEET_NAME_LIMIT = 31  # Excel's


@dataclass(frozen=True)
class Table:
    title: str  # the sheet's name in a workbook
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _csv_text(value: Cell) -> str:
    value = neutralised(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _xlsx_value(value: Cell) -> str | int | float | None:
    """A Decimal becomes a number (an int when whole and written without places), yes/no stays words as in the
    import template."""
    value = neutralised(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and _places(value) == 0 else float(value)
    return value


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _number_format(value: Cell) -> str | None:
    """A Decimal's own places as the cell's format (``20.0`` shows as 20.0, not 20), so a column of figures to
    1 or 2 dp reads alike in Excel as in the CSV."""
    if isinstance(value, Decimal) and not isinstance(value, bool) and (places := _places(value)):
        return "0." + "0" * places
    return None


def write_csv(table: Table, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([_csv_text(h) for h in table.header])
        writer.writerows([_csv_text(v) for v in row] for row in table.rows)


def write_xlsx(table: Table, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_name(table.title)
    sheet.append([_xlsx_value(h) for h in table.header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, row in enumerate(table.rows, start=2):
        sheet.append([_xlsx_value(v) for v in row])
        for column, value in enumerate(row, start=1):
            if (shown := _number_format(value)) is not None:
                sheet.cell(number, column).number_format = shown
    for cell in (c for row in sheet.iter_rows(min_row=2) for c in row):
        if isinstance(cell.value, str) and cell.data_type == "f":  # never a formula, whatever openpyxl guessed
            cell.data_type = "s"
    sheet.freeze_panes = "A2"
    for index, heading in enumerate(table.header, start=1):
        width = max([len(str(heading)), *(len(_csv_text(r[index - 1])) for r in table.rows)], default=8)
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, width + 2)
    workbook = io.BytesIO()  # built in memory: a zip left half written on a full disk would complain at exit
    book.save(workbook)
    path.write_bytes(workbook.getvalue())


def _sheet_name(title: str) -> str:
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip() or "Sheet"
    return cleaned[:SHEET_NAME_LIMIT]


def write_table(table: Table, path: str | os.PathLike[str]) -> Path:
    """Write ``table`` to ``path`` as CSV or XLSX, chosen by its suffix, all at once or not at all (raises
    ``ExportFileError`` with a message for the person when the file cannot be written)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise FieldError(f"Choose a file ending in .csv or .xlsx for the table, not '{path.name}'.")
    if not path.parent.is_dir():
        raise FieldError(f"The folder {path.parent} does not exist.")
    from imagingnet_desktop.documents.output import write_file  # here: it loads python-docx, which few need

    writer = write_csv if suffix == ".csv" else write_xlsx
    write_file(path, lambda temporary: writer(table, temporary))
    return path


# ---------------------------------------------------------------------------- the tables


def partners_table(workspace: Workspace) -> Table:
    """The partners in the import template's columns: the file imports back to the same partners."""
    rows = tuple(tuple(cast(Cell, p.baseline()[name]) for name in TEMPLATE_HEADER) for p in workspace.network.partners)
    return Table("Partners", TEMPLATE_HEADER, rows)


def shares_table(workspace: Workspace) -> Table:
    """Each partner's shares on every basis and the blend, votes and voting power, for the agreed scenario
    (the one ``imagingnet report`` shows)."""
    from imagingnet_desktop.workspace.reports.shares_section import agreed_analysis

    analysis, _ = agreed_analysis(workspace)
    partners = workspace.network.partners
    table = analysis.table
    header = ("code", "name", *(f"{b.label} %" for b in Basis), "Blend %", "Votes", "Vote share %",
              "Banzhaf power %", "Shapley-Shubik power %")
    votes = analysis.votes
    power = analysis.power
    fractions = analysis.vote_fractions if votes is not None else ()
    rows: list[tuple[Cell, ...]] = []
    for i, partner in enumerate(partners):
        shares: list[Cell] = []
        for basis in Basis:
            outcome = table.bases[basis] if table is not None else None
            shares.append(_figure(share_number, outcome.percents.get(partner.id))
                          if outcome is not None and outcome.has_basis else None)
        blend = table.blend if table is not None else None
        shares.append(_figure(share_number, blend.percents.get(partner.id))
                      if blend is not None and blend.has_basis else None)
        rows.append((
            partner.code, partner.name, *shares,
            votes[i] if votes is not None else None,
            _figure(vote_share_number, fractions[i]) if votes is not None else None,
            _figure(power_number, power.banzhaf[i]) if power is not None else None,
            _figure(power_number, power.shapley_shubik[i]) if power is not None else None,
        ))
    return Table(f"Shares - {analysis.scenario.name}", header, tuple(rows))


def _figure(rule: Callable[[Any], str], value: object) -> Decimal | None:
    """A figure as the screens show it (``figure_text``: shares and vote shares to 2 dp, power to 1 dp), kept a
    number: a Decimal with those places, which CSV writes as shown and XLSX formats to the same places."""
    return None if value is None else Decimal(rule(value))


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _codes(workspace: Workspace) -> dict[int, str]:
    return {p.id: p.code for p in workspace.network.partners}


def checklist_table(workspace: Workspace) -> Table:
    """Every programme checklist item, in the order the Programme tab lists them, status in words."""
    from imagingnet_desktop.domain.programme.steps import STEP_SHORT_NAMES, WORKSTREAM_NAMES
    from imagingnet_desktop.workspace.programme.collections import ITEMS

    codes = _codes(workspace)
    header = ("step", "workstream", "item", "status", "owner", "due", "note", "evidence")
    rows = tuple(
        (STEP_SHORT_NAMES[item.step_id], WORKSTREAM_NAMES[item.workstream_id], item.text, item.status.label,
         codes.get(item.owner_partner_id) if item.owner_partner_id is not None else None, _day(item.due),
         item.note, item.evidence)
        for item in workspace.rows(ITEMS)
    )
    return Table("Checklist", header, rows)


def record_table(workspace: Workspace) -> Table:
    """Every record entry (decisions, actions, open issues) in log order. A decision that records a motion's
    revealed result also names the motion and its outcome in the last column."""
    from imagingnet_desktop.domain.record.entries import STEP_LABELS, WORKSTREAM_LABELS
    from imagingnet_desktop.workspace.record.entries import MOTIONS, RECORD_ENTRIES

    codes = _codes(workspace)
    motions = {m.id: m for m in workspace.rows(MOTIONS)}
    header = ("type", "text", "date", "step", "workstream", "owner", "person", "due", "status", "motion")
    rows: list[tuple[Cell, ...]] = []
    for entry in workspace.rows(RECORD_ENTRIES):
        motion = motions.get(entry.motion_id) if entry.motion_id is not None else None
        motion_text = None
        if motion is not None:
            outcome = f" ({motion.outcome.value})" if motion.outcome is not None else ""
            motion_text = f"{motion.title}{outcome}"
        rows.append((
            entry.kind.label, entry.text, _day(entry.entry_date),
            STEP_LABELS.get(entry.step) if entry.step is not None else None,
            WORKSTREAM_LABELS.get(entry.workstream) if entry.workstream is not None else None,
            codes.get(entry.owner_partner_id) if entry.owner_partner_id is not None else None,
            entry.person, _day(entry.due), entry.status.label, motion_text,
        ))
    return Table("Record", header, tuple(rows))


TABLE_EXPORTS: dict[str, Callable[[Workspace], Table]] = {
    "partners": partners_table,
    "shares": shares_table,
    "checklist": checklist_table,
    "record": record_table,
}


def export_table(workspace: Workspace, kind: str, path: str | os.PathLike[str]) -> Path:
    if kind not in TABLE_EXPORTS:
        raise FieldError(f"There is no '{kind}' table to export; choose one of {', '.join(TABLE_EXPORTS)}.")
    return write_table(TABLE_EXPORTS[kind](workspace), path)


def table_kinds() -> Sequence[str]:
    return tuple(TABLE_EXPORTS)
