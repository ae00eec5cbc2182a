"""The yardstick for start-up: a bare PySide6 window shown and painted once, then exit.

It is shown and its content awaited the same way ``imagingnet --exit-after-start`` does (process events until
the label has received a paint event), so the two differ only by what the app itself adds.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class _Painted(QObject):
    seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    label = QLabel("A bare PySide6 window")
    window.setCentralWidget(label)
    window.resize(1280, 800)
    painted = _Painted()
    label.installEventFilter(painted)
    window.show()
    deadline = time.monotonic() + 15
    while not painted.seen and time.monotonic() < deadline:
        app.processEvents()
        if not painted.seen:
            time.sleep(0.002)
    if not painted.seen:
        window.grab()
    window.close()
    return 0 if painted.seen else 1


if __name__ == "__main__":
    sys.exit(main())
