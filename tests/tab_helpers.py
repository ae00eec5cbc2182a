"""Set-up every tab's tests share: the tab (or the main window) shown on screen as a person would see it."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtWidgets import QApplication, QWidget

W = TypeVar("W", bound=QWidget)


def shown(qtbot: Any, widget: W, *, size: tuple[int, int] = (1280, 720), active: bool = False) -> W:
    """``widget`` at ``size`` on screen, closed with the test; with ``active`` also the window with the keys."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    if active:
        widget.activateWindow()
    qtbot.waitExposed(widget)
    if active:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget

