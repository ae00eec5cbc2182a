"""A CSV file as a header and rows, with every structural problem by row and column.

Structural problems: a quote that is never closed (it would swallow the rest of the file), a quote in the
middle of a cell, a row shorter than the header (a missing comma), a cell larger than any real figure or name.
Rows are numbered as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import io

from imagingnet_desktop.domain.network.partner_fields import FILE_COLUMN, Problem

MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
_LIMIT_WHILE_READING = 64 * 1024 * 1024  # above any file we accept: cells are measured here instead


def read_csv_text(text: str) -> tuple[list[str], list[list[object]], list[Problem]]:
    """Header, rows and problems of CSV ``text`` (already decoded)."""
    previous_limit = csv.field_size_limit(_LIMIT_WHILE_READING)
    try:
        return _read(text)
    finally:
        csv.field_size_limit(previous_limit)


def _read(text: str) -> tuple[list[str], list[list[object]], list[Problem]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    problems: list[Problem] = []
    lines_before = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row = len(records) + 1
            header = records[0] if records else []
            column, message = _quote_problem(_from_line(text, lines_before), str(exc))
            problems.append(_cell_problem(row, header, column, message))
            break
        lines_before = reader.line_num
        records.append(record)
    if not records:
        return [], [], problems
    header = [h.strip() for h in records[0]]
    for offset, record in enumerate(records):
        row = offset + 1
        for index, cell in enumerate(record):
            if len(cell) > MAX_CELL_CHARS:
                problems.append(_cell_problem(row, header, index,
                                              f"this cell holds {len(cell):,} characters; a cell can hold at "
                                              f"most {MAX_CELL_CHARS:,}"))
        if offset and 0 < len(record) < len(header) and any(c.strip() for c in record):
            problems.append(_cell_problem(
                row, header, len(record),
                f"this row has {len(record)} values but the header has {len(header)} columns, so this one and "
                "those after it are missing (a comma left out, or a quote not closed?)",
            ))
    return header, [list(r) for r in records[1:]], problems


def _cell_problem(row: int, header: list[str], index: int, message: str) -> Problem:
    """A problem in column ``index``: by the header's name for it, else by its place (column 3)."""
    if 0 <= index < len(header) and header[index].strip():
        return Problem(row, header[index].strip(), message)
    return Problem.at_position(row, str(index + 1), message)


SEPARATORS = {";": "semicolons (;)", "\t": "tabs"}


def separator_problem(text: str) -> Problem | None:
    """A file whose header is split by semicolons or tabs rather than commas (Excel saves "CSV" so where the
    list separator is a semicolon). Refused, saying so: such a file usually writes decimals with a comma too
    ("14,5"), and "14,500" would be read as fourteen thousand five hundred."""
    first = io.StringIO(text, newline="").readline().rstrip("\r\n")
    commas = len(next(csv.reader([first]), []))
    for separator, words in SEPARATORS.items():
        if len(first.split(separator)) > max(commas, 1):
            return Problem(None, FILE_COLUMN, (
                f"its values are separated by {words}, not commas: save it from Excel as "
                "\"CSV UTF-8 (Comma delimited)\" and import that file (decimals written with a point, 14.5)"))
    return None


def _from_line(text: str, lines_before: int) -> str:
    """The text from physical line ``lines_before + 1`` on: where the record that failed starts."""
    lines = io.StringIO(text, newline="").readlines()
    return "".join(lines[lines_before:])


def _quote_problem(record: str, fallback: str) -> tuple[int, str]:
    """(the index of the cell, what is wrong) for the record that made the CSV reader stop."""
    i, field, n = 0, 0, len(record)
    at_start = True
    while i < n:
        char = record[i]
        if at_start and char == '"':
            i += 1
            while True:
                if i >= n:
                    return field, ('a quote (") opens this cell and is never closed, so it would swallow the '
                                   "rest of the file: close it, or remove it")
                if record[i] == '"':
                    if i + 1 < n and record[i + 1] == '"':
                        i += 2
                        continue
                    i += 1
                    if i < n and record[i] not in ",\r\n":
                        return field, ('a quote (") closes this cell before its end: put the whole cell in '
                                       'quotes and double each quote inside it ("")')
                    break
                i += 1
            at_start = False
            continue
        if char == ",":
            field, at_start = field + 1, True
        elif char in "\r\n":
            break
        else:
            at_start = False
        i += 1
    return field, f"this row cannot be read as CSV ({fallback})"
