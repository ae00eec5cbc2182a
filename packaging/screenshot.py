"""Regenerate docs/screenshots/network-tab-1280x720.png: the main window on the demo network at 1280×720.

    .venv/bin/python packaging/screenshot.py [OUTPUT.png] [--size 1280x720]

Renders offscreen unless QT_QPA_PLATFORM is already set; uses a throw-away demo workspace and settings
file, so it changes nothing of the user's.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "docs" / "screenshots" / "network-tab-1280x720.png"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--size", default="1280x720", help="WIDTHxHEIGHT of the window (default 1280x720)")
    parser.add_argument("--tab", type=int, default=1, help="which tab to show, 1-6 (default 1, Network)")
    options = parser.parse_args()
    width, height = (int(n) for n in options.size.lower().split("x"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from imagingnet_desktop.app import paint_and_check
    from imagingnet_desktop.ui.common import theme
    from imagingnet_desktop.ui.shell.main_window import MainWindow
    from imagingnet_desktop.ui.shell.settings import APPLICATION, ORGANISATION, AppSettings
    from imagingnet_desktop.workspace.network.partner_import import create_demo

    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication(sys.argv[:1])
    theme.apply(app)
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "Northshire & Vale Imaging Network.imagingnet"
        window = MainWindow(AppSettings.in_file(Path(tmp) / "settings.ini"), remember=False)
        window.set_workspace(create_demo(demo))
        window.show_tab(options.tab - 1)
        window.setFixedSize(width, height)
        problem = paint_and_check(app, window)
        if problem:
            print(f"screenshot: {problem}", file=sys.stderr)
            return 1
        for _ in range(5):
            app.processEvents()
        image = window.grab().toImage()
        window.close()
    options.output.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(options.output), "PNG"):
        print(f"screenshot: could not write {options.output}", file=sys.stderr)
        return 1
    print(f"{options.output} ({image.width()}×{image.height()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
