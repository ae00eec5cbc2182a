"""Small pieces every Commercial model page uses: headings, wrapped labels, and running an edit so that a refusal
is shown where it was typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWidget

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.store.errors import WorkspaceError
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage

WARNING_INK = "#7a3000"  # dark vermilion: notes and warnings, always with a symbol and words


def heading(text: str, relative: float = 1.25) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    theme.use_font(label, relative, bold=True)
    return label


def wrapped(text: str = "", *, relative: float = 1.0, bold: bool = False, colour: str | None = None,
            name: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if colour:
        label.setStyleSheet(f"color: {colour};")
    if name:
        label.setObjectName(name)
    theme.use_font(label, relative, bold=bold)
    return label


def set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


def attempt(message: InlineMessage, edit: Callable[[], object], done: str = "") -> bool:
    """Run one edit; a refusal (``FieldError``) or a failed save (``WorkspaceError``) is shown in ``message``."""
    try:
        edit()
    except FieldError as exc:
        message.show_error(f"Not saved: {exc}")
        return False
    except WorkspaceError as exc:
        message.show_error(f"Not saved: {exc}")
        return False
    if done:
        message.show_notice(done)
    else:
        message.clear()
    return True


def table(name: str, parent: QWidget | None = None) -> QTableView:
    """A table that keeps its columns fitted to the type (presentation mode included) and wraps long text."""
    view = QTableView(parent)
    view.setAccessibleName(name)
    theme.use_font(view, 1.1)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setHorizontalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
    view.setVerticalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
    return view
