"""Reading an exported .docx back the way a lawyer's Word would see it: text, tables, styles, numbering."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class ReadParagraph:
    text: str
    style: str
    num_id: int | None
    level: int | None


@dataclass
class ReadDocument:
    word: docx.document.Document

    @property
    def paragraphs(self) -> list[ReadParagraph]:
        out = []
        for p in self.word.paragraphs:
            num_pr = p._p.pPr.numPr if p._p.pPr is not None else None
            num_id = level = None
            if num_pr is not None and num_pr.numId is not None:
                num_id = num_pr.numId.val
                level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
            out.append(ReadParagraph(p.text, p.style.name, num_id, level))
        return out

    def texts(self, style: str | None = None) -> list[str]:
        return [p.text for p in self.paragraphs if style is None or p.style == style]

    @property
    def all_text(self) -> str:
        """Every paragraph and every table cell, in document order as far as tests need."""
        cells = ["\n".join(row) for table in self.tables for row in table]
        return "\n".join([*self.texts(), *cells])

    @property
    def tables(self) -> list[list[list[str]]]:
        return [[[cell.text for cell in row.cells] for row in table.rows] for table in self.word.tables]

    def table_with_header(self, *titles: str) -> list[list[str]]:
        for table in self.tables:
            if tuple(table[0][: len(titles)]) == titles:
                return table
        raise AssertionError(f"no table headed {titles}; headers: {[t[0] for t in self.tables]}")

    @property
    def header_text(self) -> str:
        return "\n".join(p.text for p in self.word.sections[0].header.paragraphs)

    @property
    def footer_xml(self) -> str:
        return self.word.sections[0].footer._element.xml

    def clause_headings(self) -> list[ReadParagraph]:
        return [p for p in self.paragraphs if p.style == "Clause Heading"]


def read_docx(path: Path) -> ReadDocument:
    return ReadDocument(docx.Document(str(path)))


def header_rows_repeat(table) -> bool:  # type: ignore[no-untyped-def]
    """The first row of a python-docx table is marked to repeat, and no other row is."""
    flags = [row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table.rows]
    return flags[0] and not any(flags[1:])


def widths_on_every_cell(table) -> bool:  # type: ignore[no-untyped-def]
    for row in table.rows:
        for cell in row.cells:
            tc_pr = cell._tc.tcPr
            width = tc_pr.find(qn("w:tcW")) if tc_pr is not None else None
            if width is None or width.get(qn("w:type")) != "dxa" or int(width.get(qn("w:w"))) <= 0:
                return False
    return True


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf_text(paths: list[Path], out_dir: Path) -> dict[Path, str]:
    """Convert with LibreOffice (headless, its own profile) and read each PDF's text with pdftotext."""
    program = soffice()
    assert program is not None
    profile = out_dir / "lo-profile"
    subprocess.run(
        [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), *map(str, paths)],
        check=True, capture_output=True, timeout=240,
    )
    texts = {}
    for path in paths:
        pdf = out_dir / f"{path.stem}.pdf"
        result = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                                timeout=60)
        texts[path] = result.stdout.decode("utf-8")
    return texts
