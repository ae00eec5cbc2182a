"""The first sheet of an XLSX file as a header and rows, streamed: never more than the row limit is read, and a
cell too large to be a figure or a name is found (by row and column) before the workbook is loaded.

The values Excel saved (``data_only``), never a formula: a formula cell with no saved value becomes a
``FormulaCell``. A number shown as a percentage (number format with ``%``) is taken as shown: 0.12 -> 12.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree
from xml.parsers import expat

from imagingnet_desktop.domain.network.network import partner_limit_problem
from imagingnet_desktop.domain.network.partner_fields import FILE_COLUMN, Problem
from imagingnet_desktop.domain.network.spreadsheet_rows import FormulaCell
from imagingnet_desktop.workspace.network.csv_table import MAX_CELL_CHARS

MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # a sheet of 1,000 partner rows is well under 2 MB
_CHUNK = 1 << 16
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


class XlsxProblem(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def read_xlsx(path: Path, max_rows: int) -> tuple[list[str], list[list[object]]]:
    """Header and at most ``max_rows + 1`` rows under it (one more tells the caller there are too many)."""
    _check_sizes(path, max_rows)
    from openpyxl import load_workbook

    try:
        values = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise XlsxProblem([Problem(None, FILE_COLUMN, f"the spreadsheet cannot be read ({exc})")]) from None
    try:
        if not values.worksheets:
            return [], []
        value_rows = values.worksheets[0].iter_rows()
        formula_rows = formulas.worksheets[0].iter_rows(values_only=True)
        rows = list(_rows(value_rows, formula_rows, max_rows + 2))
    finally:
        values.close()
        formulas.close()
    if not rows:
        return [], []
    header = ["" if h is None else str(h).strip() for h in rows[0]]
    while header and not header[-1]:
        header.pop()
    _check_cells(header, rows)
    return header, rows[1:]


def _rows(value_rows: Iterator[Any], formula_rows: Iterator[Any], limit: int) -> Iterator[list[object]]:
    for count, (cells, formula_row) in enumerate(zip(value_rows, formula_rows, strict=False)):
        if count >= limit:
            return
        row = [_shown_value(cell) for cell in cells]
        for i, formula in enumerate(formula_row):
            if i < len(row) and row[i] is None and _is_formula(formula):
                row[i] = FormulaCell(str(formula))
        yield row


def _shown_value(cell: object) -> object:
    value = getattr(cell, "value", None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        number_format = getattr(cell, "number_format", None) or ""
        if "%" in number_format.replace('"%"', "").replace("\\%", ""):
            return Decimal(repr(value)) * 100
    return value


def _is_formula(value: object) -> bool:
    """With ``data_only=False`` openpyxl gives a formula as text starting with '=' (array formulas as objects)."""
    if isinstance(value, str):
        return value.startswith("=")
    return value is not None and type(value).__name__ in ("ArrayFormula", "DataTableFormula")


def _check_cells(header: list[str], rows: list[list[object]]) -> None:
    problems = [
        _cell_problem(number, header, i, _too_long(len(value)))
        for number, row in enumerate(rows, start=1)
        for i, value in enumerate(row)
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS
    ]
    if problems:
        raise XlsxProblem(problems)


def _too_long(length: int) -> str:
    return f"this cell holds {length:,} characters; a cell can hold at most {MAX_CELL_CHARS:,}"


def _cell_problem(row: int, header: list[str], index: int, message: str) -> Problem:
    """By the header's name for the column, else by its letter as Excel shows it (column C)."""
    if 0 <= index < len(header) and header[index]:
        return Problem(row, header[index], message)
    return Problem.at_position(row, _letters(index), message)


# ----------------------------------------------------------------------------- before openpyxl sees it


class _TooManyRows(Exception):
    pass


def _count_rows(archive: zipfile.ZipFile, sheet: str, max_rows: int) -> None:
    """Stop reading at the row limit (openpyxl, lacking a <dimension>, would read the whole sheet first), and
    refuse more partner rows (rows holding a value, under the header) than the app serves: that reason first."""
    rows = [0, 0]  # rows seen, rows holding a value
    in_row = [False]  # the row being read holds a value
    parser = expat.ParserCreate()

    def start(name: str, _attrs: dict[str, str]) -> None:
        if name == "row":
            rows[0] += 1
            in_row[0] = False
            if rows[0] > max_rows + 1:  # the header and ``max_rows`` under it
                raise _TooManyRows
        elif name in ("v", "is") and not in_row[0]:
            in_row[0] = True
            rows[1] += 1

    parser.StartElementHandler = start
    try:
        _stream(archive, sheet, parser)
    except _TooManyRows:
        raise XlsxProblem([Problem(None, FILE_COLUMN, partner_limit_problem(max_rows, at_least=True) or "")]) from None
    except expat.ExpatError:
        return  # openpyxl will say what is wrong with it
    too_many = partner_limit_problem(max(rows[1] - 1, 0), in_file=True)
    if too_many:
        raise XlsxProblem([Problem(None, FILE_COLUMN, too_many)])


def _check_sizes(path: Path, max_rows: int) -> None:
    """Refuse a workbook that unpacks to more than any partner list could, or has more rows than the limit
    (read no further than that), and find oversized shared strings (openpyxl would load every one of them
    into memory) by row and column, in constant memory."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise XlsxProblem([Problem(None, FILE_COLUMN, f"the spreadsheet cannot be read ({exc})")]) from None
    with archive:
        strings = "xl/sharedStrings.xml"
        unpacked = sum(info.file_size for info in archive.infolist() if info.filename != strings)
        if unpacked > MAX_UNPACKED_BYTES:
            raise XlsxProblem([Problem(None, FILE_COLUMN, f"the spreadsheet unpacks to {unpacked / 2**20:,.0f} MB; "
                                       f"a partner list is far smaller (at most {MAX_UNPACKED_BYTES // 2**20} MB)")])
        names = set(archive.namelist())
        sheet = _first_sheet(archive)
        if sheet is not None and sheet in names:
            _count_rows(archive, sheet, max_rows)
        if strings not in names:
            return
        oversized = _string_lengths(archive, strings)  # streamed: a 1 GiB cell is measured, never held
        if not oversized:
            size = archive.getinfo(strings).file_size
            if size > MAX_UNPACKED_BYTES:
                raise XlsxProblem([Problem(None, FILE_COLUMN, f"the spreadsheet's text unpacks to "
                                           f"{size / 2**20:,.0f} MB; a partner list is far smaller")])
            return
        if sheet is None or sheet not in names:
            raise XlsxProblem([Problem(None, FILE_COLUMN, _too_long(max(oversized.values())))])
        places, header_refs = _cells_using(archive, sheet, set(oversized))
        header_text = _string_texts(archive, "xl/sharedStrings.xml", set(header_refs.values()))
        header = {column: header_text.get(index, "") for column, index in header_refs.items()}
    problems = [
        Problem(row, name, _too_long(oversized[index])) if (name := header.get(column))
        else Problem.at_position(row, column, _too_long(oversized[index]))
        for row, column, index in places
    ] or [Problem(None, FILE_COLUMN, _too_long(max(oversized.values())))]
    raise XlsxProblem(problems[:50])


def _stream(archive: zipfile.ZipFile, member: str, parser: expat.XMLParserType) -> None:
    with archive.open(member) as handle:
        while chunk := handle.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)


def _string_lengths(archive: zipfile.ZipFile, member: str) -> dict[int, int]:
    """Index -> length of each shared string longer than a cell may be (the text itself is never kept)."""
    state = {"index": -1, "length": 0}
    oversized: dict[int, int] = {}
    parser = expat.ParserCreate()

    def start(name: str, _attrs: dict[str, str]) -> None:
        if name == "si":
            state["index"] += 1
            state["length"] = 0

    def end(name: str) -> None:
        if name == "si" and state["length"] > MAX_CELL_CHARS:
            oversized[state["index"]] = state["length"]

    def text(data: str) -> None:
        state["length"] += len(data)

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    _stream(archive, member, parser)
    return oversized


def _string_texts(archive: zipfile.ZipFile, member: str, wanted: set[int]) -> dict[int, str]:
    state = {"index": -1}
    texts: dict[int, str] = {}
    parser = expat.ParserCreate()

    def start(name: str, _attrs: dict[str, str]) -> None:
        if name == "si":
            state["index"] += 1

    def text(data: str) -> None:
        if state["index"] in wanted:
            texts[state["index"]] = (texts.get(state["index"], "") + data)[:200]

    parser.StartElementHandler, parser.CharacterDataHandler = start, text
    _stream(archive, member, parser)
    return texts


def _cells_using(archive: zipfile.ZipFile, sheet: str, indices: set[int]
                 ) -> tuple[list[tuple[int, str, int]], dict[str, int]]:
    """Where the sheet uses the shared strings ``indices`` (row, column letters, index), and the shared
    string index of each header cell (row 1)."""
    places: list[tuple[int, str, int]] = []
    header: dict[str, int] = {}
    state: dict[str, object] = {"ref": None, "shared": False, "in_v": False, "v": ""}
    parser = expat.ParserCreate()

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == "c":
            state.update(ref=attrs.get("r"), shared=attrs.get("t") == "s", v="")
        elif name == "v":
            state["in_v"] = True

    def end(name: str) -> None:
        if name == "v":
            state["in_v"] = False
        elif name == "c" and state["shared"] and state["ref"]:
            match = re.fullmatch(r"([A-Z]+)(\d+)", str(state["ref"]))
            value = str(state["v"]).strip()
            if match and value.isdigit():
                column, row, index = match.group(1), int(match.group(2)), int(value)
                if index in indices:
                    places.append((row, column, index))
                if row == 1:
                    header[column] = index

    def text(data: str) -> None:
        if state["in_v"]:
            state["v"] = str(state["v"]) + data

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    _stream(archive, sheet, parser)
    return places, header


def _first_sheet(archive: zipfile.ZipFile) -> str | None:
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return None
    sheet = book.find(f"{_MAIN}sheets/{_MAIN}sheet")
    if sheet is None:
        return None
    rel_id = sheet.get(f"{_REL}id")
    for rel in rels:
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
