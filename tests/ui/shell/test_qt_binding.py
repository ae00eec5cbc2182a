"""The Qt binding the app is installed with must not leak references to ``None``.

PySide6 6.12.0 on Python 3.11 loses one reference to ``None`` on each call into Qt that returns nothing; after
some tens of thousands of calls (a few minutes of a workshop) the interpreter aborts with "none_dealloc" and
anything not yet saved is gone. pyproject.toml keeps that release off Python 3.11; this test fails if a
binding that leaks is ever installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_calls_into_qt_give_back_their_references_to_none() -> None:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        probe.setObjectName("probe")
    assert before - sys.getrefcount(None) < 100, "this PySide6 leaks references to None: see pyproject.toml"
