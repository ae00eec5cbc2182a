"""The network dashboard: the network's totals against the national characteristics, readable from 6 metres.

One tile per ``domain.network.checks()``: what is measured, the figure in large type, a verdict in words,
a symbol and a colour (never colour alone), and the range or threshold it is held against. Below them the
Foundation Trust mix (a private JV is open to FTs only) and the clinical networks the partners link to.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from imagingnet_desktop.domain.network.network import CheckStatus, Network, NetworkCheck, checks, totals
from imagingnet_desktop.ui.common import theme
from imagingnet_desktop.ui.network.display_text import (
    SHORT_LABELS,
    check_figure,
    check_reference,
    check_sentence,
    check_verdict,
    jv_note,
    linked_networks,
    trust_mix,
)

NO_DATA_COLOUR = "#6e6e6e"
CHECK_IDS = tuple(SHORT_LABELS)


def status_colour(status: CheckStatus) -> str:
    if status is CheckStatus.NO_DATA:
        return NO_DATA_COLOUR
    return theme.STATUS_COLOURS[status.value]


def text_on(background: str) -> str:
    """Black or white, whichever contrasts more with ``background`` (WCAG relative luminance)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    colour = QColor(background)
    lum = 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#ffffff"


def _label(relative: float, *, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    theme.use_font(label, relative, bold=bold)
    return label


# Type sizes (× the app's type) of a tile's title, figure, unit, verdict badge and reference line: full size,
# and compact, for when five full tiles are too wide for one row (large type on a small screen) — five compact
# ones in a row leave the partner table its height, where three full ones over two rows would not.
FULL_TYPE = (1.0, 2.4, 1.1, 1.2, 1.0)
COMPACT_TYPE = (0.9, 1.5, 0.8, 0.85, 0.8)


class CheckTile(QFrame):
    """One check: label, big figure and unit, verdict badge, reference range."""

    def __init__(self, check_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check_id = check_id
        self.setObjectName("checkTile")
        self.status = CheckStatus.NO_DATA
        self.compact = False
        self._title = _label(FULL_TYPE[0], bold=True)
        self._title.setText(SHORT_LABELS[check_id])
        self._title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)  # just over its figure
        self._figure = _label(FULL_TYPE[1], bold=True, wrap=False)
        self._unit = _label(FULL_TYPE[2], bold=True, wrap=False)
        self._verdict = _label(FULL_TYPE[3], bold=True, wrap=False)
        self._verdict.setObjectName("verdict")
        self._verdict.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._reference = _label(FULL_TYPE[4])
        figure_row = QHBoxLayout()
        figure_row.setSpacing(6)
        figure_row.addWidget(self._figure, 0, Qt.AlignmentFlag.AlignBaseline)
        figure_row.addWidget(self._unit, 0, Qt.AlignmentFlag.AlignBaseline)
        figure_row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 8, 10)
        column.setSpacing(4)
        column.addWidget(self._title)
        column.addLayout(figure_row)
        column.addWidget(self._verdict, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self._reference)
        column.addStretch(1)

    @property
    def title_label(self) -> QLabel:
        return self._title

    def title_height(self, tile_width: int) -> int:
        """The title's height in a tile ``tile_width`` wide (it wraps)."""
        layout = self.layout()
        sides = layout.contentsMargins().left() + layout.contentsMargins().right() if layout is not None else 0
        inner = tile_width - sides - 10  # and the borders
        return self._title.heightForWidth(max(inner, 20))

    def set_compact(self, compact: bool) -> None:
        """Smaller type for the figure, badge and notes (still at least 0.8 × the app's type)."""
        if compact == self.compact:
            return
        self.compact = compact
        sizes = COMPACT_TYPE if compact else FULL_TYPE
        for label, relative in zip((self._title, self._figure, self._unit, self._verdict, self._reference), sizes,
                                   strict=True):
            theme.use_font(label, relative, bold=label is not self._reference)
        column = self.layout()
        if column is not None:
            column.setSpacing(2 if compact else 4)

    def show_check(self, check: NetworkCheck) -> None:
        self.status = check.status
        figure, unit = check_figure(check)
        self._figure.setText(figure)
        self._unit.setText(unit)
        self._unit.setVisible(bool(unit))
        self._verdict.setText(check_verdict(check))
        self._reference.setText(check_reference(check))
        self.setToolTip(check_sentence(check))
        self.setAccessibleName(check.label)
        self.setAccessibleDescription(self.text())
        colour = status_colour(check.status)
        self.setStyleSheet(
            f"#checkTile {{ background: {theme.PAPER}; border: 1px solid {theme.BORDER};"
            f" border-left: 8px solid {colour}; border-radius: 4px; }}"
            f"#checkTile QLabel {{ color: {theme.INK}; background: transparent; border: none; }}"
            f"#checkTile QLabel#verdict {{ background: {colour}; color: {text_on(colour)};"
            f" border-radius: 4px; padding: 2px 8px; }}"
        )

    def text(self) -> str:
        """Everything the tile says, one line each (for tests and screen readers)."""
        figure = f"{self._figure.text()} {self._unit.text()}".strip()
        return "\n".join((self._title.text(), figure, self._verdict.text(), self._reference.text()))


class FactBox(QFrame):
    """A heading, a lead line and a few lines; a line is (run-in heading in bold or "", text)."""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factBox")
        self.setStyleSheet(
            f"#factBox {{ background: {theme.PAPER}; border: 1px solid {theme.BORDER}; border-radius: 4px; }}"
            f"#factBox QLabel {{ color: {theme.INK}; background: transparent; border: none; }}"
        )
        self._heading = _label(1.0, bold=True)
        self._heading.setText(heading)
        self._lead = _label(1.2, bold=True)
        self._body = _label(1.0)
        self._body.setTextFormat(Qt.TextFormat.RichText)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 10, 8)
        column.setSpacing(2)
        for label in (self._heading, self._lead, self._body):
            column.addWidget(label)
        column.addStretch(1)

    def set_lines(self, lead: str, lines: list[tuple[str, str]]) -> None:
        self._lead.setText(lead)
        self._lead.setVisible(bool(lead))
        self._body.setText("<br>".join(f"<b>{escape(h)}:</b> {escape(t)}" if h else escape(t) for h, t in lines))
        self._plain = [lead, *(f"{h}: {t}" if h else t for h, t in lines)]
        self.setAccessibleDescription(self.text())

    def text(self) -> str:
        return "\n".join([self._heading.text(), *(line for line in self._plain if line)])


class NetworkDashboard(QWidget):
    """Call ``show_network`` whenever the partners change; it redraws from the network alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Network dashboard")
        self._tiles = {check_id: CheckTile(check_id) for check_id in CHECK_IDS}
        self._mix = FactBox("Foundation Trust mix")
        self._links = FactBox("Linked clinical networks")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(8)
        self.columns = 0
        self._arrange(len(self._tiles))

    def _arrange(self, columns: int) -> None:
        """Five tiles in a row, or (when the type is too large for that) three, then two and the FT mix."""
        if columns == self.columns:
            return
        self.columns = columns
        grid = self._grid
        for widget in (*self._tiles.values(), self._mix, self._links):
            grid.removeWidget(widget)
        for column in range(len(self._tiles)):
            grid.setColumnStretch(column, 1 if column < columns else 0)
        for i, tile in enumerate(self._tiles.values()):
            grid.addWidget(tile, i // columns, i % columns)
        if columns >= len(self._tiles):
            grid.addWidget(self._mix, 1, 0, 1, 2)
            grid.addWidget(self._links, 1, 2, 1, columns - 2)
        else:
            last_row = (len(self._tiles) - 1) // columns
            grid.addWidget(self._mix, last_row, len(self._tiles) % columns, 1, columns - len(self._tiles) % columns)
            grid.addWidget(self._links, last_row + 1, 0, 1, columns)
        for row in range(4):
            grid.setRowStretch(row, 0)
        grid.setRowStretch(grid.rowCount(), 1)  # spare height stays below the boxes rather than stretching them

    def fit_width(self, width: int) -> None:
        """Five full tiles in a row when they fit in ``width``; else five compact ones (large presentation type
        on a small screen); else, when even those are too wide, three compact ones to a row."""
        tiles = list(self._tiles.values())
        spacing = self._grid.horizontalSpacing()

        def five_fit() -> bool:
            widest = max(t.minimumSizeHint().width() for t in tiles)
            return widest * len(tiles) + spacing * (len(tiles) - 1) <= width

        for compact in (False, True):
            for tile in tiles:
                tile.set_compact(compact)
            if five_fit():
                self._arrange(len(tiles))
                self._align_titles(tiles, (width - spacing * (len(tiles) - 1)) // len(tiles))
                return
        self._arrange(3)
        self._align_titles(tiles, (width - spacing * 2) // 3)

    @staticmethod
    def _align_titles(tiles: list[CheckTile], tile_width: int) -> None:
        """Every title as tall as the tallest (one wraps onto a second line at large type): the figures and
        badges of a row then line up."""
        for tile in tiles:
            tile.title_label.setMinimumHeight(0)
        tallest = max(t.title_height(tile_width) for t in tiles)
        for tile in tiles:
            tile.title_label.setMinimumHeight(tallest)

    @property
    def compact(self) -> bool:
        return next(iter(self._tiles.values())).compact

    def row_bottoms(self) -> list[int]:
        """Where each row of boxes ends (y in the dashboard, as laid out now): a pane cut there cuts no box."""
        self._grid.activate()
        boxes = (*self._tiles.values(), self._mix, self._links)
        return sorted({box.geometry().bottom() + 1 for box in boxes if not box.isHidden()})

    def height_for(self, width: int) -> int:
        """The height the dashboard needs at ``width`` (its labels wrap)."""
        wanted = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        return wanted if wanted > 0 else self.sizeHint().height()

    def show_network(self, network: Network) -> None:
        for check in checks(network):
            if check.id in self._tiles:
                self._tiles[check.id].show_check(check)
        t = totals(network)
        self._mix.set_lines(trust_mix(t), [("", jv_note(t))])
        self._links.set_lines("", linked_networks(t))

    # ------------------------------------------------------------------ for tests and screen readers
    def tile(self, check_id: str) -> CheckTile:
        return self._tiles[check_id]

    def mix_text(self) -> str:
        return self._mix.text()

    def links_text(self) -> str:
        return self._links.text()
