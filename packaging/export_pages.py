"""Render the pages of both drafts to PNG, to look at them: the demo network exported twice (a partner's figure
changed in between, so Annex B has a change to show), converted to PDF by LibreOffice, then ``pdftoppm``.

    .venv/bin/python packaging/export_pages.py OUT_FOLDER [--dpi 60]

Needs ``soffice`` and ``pdftoppm`` (apt-get install libreoffice-writer-nogui poppler-utils). Writes
``mou.docx``, ``heads-of-terms.docx``, their PDFs and ``mou-01.png``... into OUT_FOLDER.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from imagingnet_desktop.workspace.exports.export import ExportKind, export_draft  # noqa: E402
from imagingnet_desktop.workspace.network.partner_commands import edit_partner_field  # noqa: E402
from imagingnet_desktop.workspace.network.partner_import import create_demo  # noqa: E402

NAMES = {ExportKind.MOU: "mou", ExportKind.HEADS_OF_TERMS: "heads-of-terms"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    workspace_path = out / "demo.imagingnet"
    workspace_path.unlink(missing_ok=True)
    workspace = create_demo(workspace_path)
    try:
        for kind, name in NAMES.items():
            export_draft(workspace, kind, out / f"{name}-v1.docx")
        nsh = workspace.network.by_code("NSH")
        assert nsh is not None
        edit_partner_field(workspace, nsh.id, "imaging_exams_per_year", "700000")
        for kind, name in NAMES.items():
            export_draft(workspace, kind, out / f"{name}.docx")
    finally:
        workspace.close()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print("soffice or pdftoppm is not installed; the .docx files are in", out)
        return 1
    profile = (out / "lo-profile").resolve().as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(out), *(str(out / f"{n}.docx") for n in NAMES.values())], check=True, capture_output=True)
    for name in NAMES.values():
        subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", str(out / f"{name}.pdf"), str(out / name)],
                       check=True)
    print("\n".join(sorted(str(p) for p in out.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
