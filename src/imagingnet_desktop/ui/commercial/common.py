"""Small pieces every Commercial model page uses: headings, wrapped labels, and running an edit so that a refusal
is shown where it was typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.ui.common.run_edit import run_edit

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
    def edited() -> bool:
        edit()
        return True

    if run_edit(edited, message) is None:
        return False
    if done:
        message.show_notice(done)
    else:
        message.clear()
    return True


class FittedTable(QTableView):
    """A table whose columns (and rows, for wrapped text) are fitted to their contents when the rows are
    replaced and when presentation mode changes the type, rather than on every cell change: a header in
    ResizeToContents mode measures every cell again on each edit, which is most of an edit's cost."""

    def __init__(self, *, wrap: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wrap = wrap

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self.fit)
            if self._wrap:  # a longer reason needs a taller row
                model.dataChanged.connect(lambda *_: self.resizeRowsToContents())
        self.fit()

    def fit(self) -> None:
        self.resizeColumnsToContents()
        self.resizeRowsToContents()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._wrap:
            self.resizeRowsToContents()


def table(name: str, parent: QWidget | None = None, *, wrap: bool = False) -> FittedTable:
    """A table for a room: larger type, fitted to its contents (see ``FittedTable``)."""
    view = FittedTable(wrap=wrap, parent=parent)
    view.setAccessibleName(name)
    theme.use_font(view, 1.1)
    view.setAlternatingRowColors(True)
    view.setWordWrap(wrap)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setHorizontalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
    view.setVerticalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
    return view
