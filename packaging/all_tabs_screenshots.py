"""Screenshots of every tab and each of its pages, normal and presentation mode, at 1280×720 and 1920×1080,
into docs/screenshots/all-tabs/; prints what does not fit (the same checks as tests/ui/shell/test_every_tab_fits.py).

    .venv/bin/python packaging/all_tabs_screenshots.py [OUTPUT_FOLDER]

Renders offscreen unless QT_QPA_PLATFORM is already set; uses a throw-away demo workspace and settings file.
The folder's PNGs are replaced (a page renamed since the last run leaves no stale picture). The note that
presentation mode shows for a few seconds ("press F11 or Esc to leave") is taken off before each picture.
Exit status 1 when anything does not fit.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "docs" / "screenshots" / "all-tabs"
SIZES = ((1280, 720), (1920, 1080))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT
    output.mkdir(parents=True, exist_ok=True)
    for stale in output.glob("*.png"):  # pages renamed since the last run leave no picture behind
        stale.unlink()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from imagingnet_desktop.ui.common import theme
    from imagingnet_desktop.ui.shell.fit_check import each_page, misfits, show_as_screen
    from imagingnet_desktop.ui.shell.main_window import MainWindow
    from imagingnet_desktop.ui.shell.settings import AppSettings
    from imagingnet_desktop.ui.shell.tab_specs import TABS
    from imagingnet_desktop.workspace.network.partner_import import create_demo

    app = QApplication(sys.argv[:1])
    theme.apply(app)
    problems = 0
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "Northshire & Vale Imaging Network.imagingnet"
        create_demo(demo).close()
        for index in range(len(TABS)):  # a window per tab, as the test does: each tab judged on its own
            window = MainWindow(AppSettings.in_file(Path(tmp) / "settings.ini"), remember=False)
            window.open_path(demo)
            window.show()
            for presentation in (False, True):
                mode = "presentation" if presentation else "normal"
                for width, height in SIZES:
                    show_as_screen(window, app, width, height, presentation=presentation)
                    for page in each_page(window, app, index):
                        name = slug(page.replace("▸", " "))
                        window._clear_note()  # the F11 hint fades after a few seconds: show what stays
                        window.grab().save(str(output / f"{name}-{width}x{height}-{mode}.png"))
                        smallest = theme.BASE_POINT_SIZE * theme.scale() * 0.75  # as the test
                        for misfit in misfits(window, width, height, page, smallest):
                            problems += 1
                            print(f"{width}x{height} {mode}: {misfit}")
            window.close()
    print(f"{len(list(output.glob('*.png')))} screenshots in {output}; {problems} things that do not fit")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
