"""Pictures out of the drawn widgets (the heat-map, the spectrum, the seats and the rotation timeline): Copy
picture and Save picture as PNG… on their right-click menu, drawn at twice the size on white with a title
naming the network, the subject and the date, for slides and board papers. The matplotlib charts get the same
two actions as buttons (``picture_buttons``) and draw a fresh figure at print resolution; every picture is
saved by ``save_png_as``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPoint, QRect, Qt
from PySide6.QtGui import QAction, QColor, QFontMetrics, QGuiApplication, QImage, QPainter, QRegion
from PySide6.QtWidgets import QPushButton, QWidget

from imagingnet_desktop.ui.common import theme

SCALE = 2.0  # a 640 px wide picture on screen is 1280 px on the slide
TITLE_POINTS = 18


def picture_buttons(what: str, copy: Callable[[], None], save: Callable[[], None]) -> tuple[QPushButton, QPushButton]:
    """Copy picture and Save as PNG… for a chart page (``what``: "this chart", "the timeline")."""
    copy_button = QPushButton("Copy picture")
    copy_button.setToolTip(f"Copy {what} to the clipboard, to paste into slides or a board paper")
    save_button = QPushButton("Save as PNG…")
    save_button.setToolTip(f"Save {what} as a picture for board papers")
    for button, slot in ((copy_button, copy), (save_button, save)):
        theme.use_font(button, 1.05, bold=True)
        button.clicked.connect(slot)
    return copy_button, save_button


def picture_title(network: str, subject: str, on: date | None = None) -> str:
    day = on or date.today()
    return f"{network} — {subject} — {day.day} {day:%B %Y}"


def picture_of(widget: QWidget, title: str) -> QImage:
    """``widget`` as it is drawn now, at ``SCALE`` times its size, under ``title`` (wrapped), on white."""
    font = theme.font(1.0, bold=True)
    font.setPointSizeF(TITLE_POINTS * SCALE / 2)
    margin = int(12 * SCALE)
    width, height = int(widget.width() * SCALE), int(widget.height() * SCALE)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)
    text_box = QFontMetrics(font).boundingRect(QRect(0, 0, max(1, width - 2 * margin), 100_000), flags, title)
    title_height = text_box.height() + 2 * margin
    image = QImage(width, height + title_height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(font)
    painter.setPen(QColor(theme.INK))
    painter.drawText(QRect(margin, 0, width - 2 * margin, title_height), flags, title)
    painter.translate(0, title_height)
    painter.scale(SCALE, SCALE)
    widget.render(painter, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    painter.end()
    return image


def add_picture_actions(widget: QWidget, title: Callable[[], str], told: Callable[[str], None],
                        file_stem: str) -> tuple[QAction, QAction]:
    """Right-click: Copy picture, Save picture as PNG…; ``told`` says what happened where the person looks."""
    copy = QAction("Copy picture", widget)
    save = QAction("Save picture as PNG…", widget)

    def copy_picture() -> None:
        image = picture_of(widget, title())
        QGuiApplication.clipboard().setImage(image)
        told(f"Copied the picture ({image.width()} × {image.height()} pixels): paste it into slides or a document")

    def save_picture() -> None:
        save_png_as(lambda: ask_png_path(widget, f"{file_stem}.png"), lambda: png_of(picture_of(widget, title())),
                    told)

    copy.triggered.connect(copy_picture)
    save.triggered.connect(save_picture)
    widget.addAction(copy)
    widget.addAction(save)
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return copy, save


def png_of(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes the format as str; its stubs say bytes
    return bytes(buffer.data().data())


def save_png_as(ask: Callable[[], str], png: Callable[[], bytes], told: Callable[[str], None]) -> None:
    """Ask where (``.png`` added if the name lacks it), then write the picture whole or not at all, as every
    export is: a temporary file beside the target renamed over it, so a full disk, a kill or a folder that may
    not be written leaves any earlier file as it was; ``told`` says what happened where the person looks."""
    from imagingnet_desktop.documents.output import ExportFileError, write_file  # here: it loads python-docx

    path = ask()
    if not path:
        return
    if not path.lower().endswith(".png"):
        path += ".png"
    def write(temporary: Path) -> None:
        temporary.write_bytes(png())

    try:
        write_file(Path(path), write)
    except ExportFileError as exc:
        told(f"Not saved: {exc}")
        return
    told(f"Saved {path}")


def ask_png_path(parent: QWidget, suggested: str) -> str:
    """Where to save (tests replace this module attribute)."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, "Save picture as PNG", suggested, "PNG image (*.png)")
    return path
