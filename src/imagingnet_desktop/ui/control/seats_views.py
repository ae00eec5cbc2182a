"""Two pictures of the board seats: seats per partner (smallest trusts last, so a room sees at once whether they
hold key posts), and each rotating position's terms on a timeline."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from imagingnet_desktop.domain.control.positions import BoardPosition, Body, Term
from imagingnet_desktop.domain.network.partner import Partner
from imagingnet_desktop.ui.common import theme

BODY_COLOURS = {Body.PARTNERSHIP_BOARD: "#005eb8", Body.OPERATIONS_TEAM: "#7a3e00"}  # white text on both
# Okabe-Ito, each with the text colour that reads on it.
TERM_COLOURS = (("#0072b2", "#ffffff"), ("#d55e00", "#000000"), ("#009e73", "#000000"), ("#cc79a7", "#000000"),
                ("#56b4e9", "#000000"), ("#e69f00", "#000000"), ("#000000", "#ffffff"), ("#f0e442", "#000000"))


def _size(partner: Partner) -> int:
    return partner.population_served or 0


def seats_summary(partners: Sequence[Partner], seats: dict[int, list[BoardPosition]]) -> str:
    """One sentence: how many key posts the smaller half of the partners (by population served) hold."""
    key_total = sum(1 for held in seats.values() for p in held if p.key_post)
    if key_total == 0:  # nothing to weigh yet: no warning that the smaller trusts hold none of none
        return "No key post is allocated yet."
    if len(partners) < 2:
        return f"{key_total} key post{'s' if key_total != 1 else ''} allocated."
    smaller = sorted(partners, key=_size)[: len(partners) // 2]
    held = sum(1 for p in smaller for s in seats.get(p.id, []) if s.key_post)
    codes = ", ".join(p.code for p in smaller)
    verdict = "⚠ none" if held == 0 else f"{held}"
    return (f"The {len(smaller)} smaller trust{'s' if len(smaller) != 1 else ''} by population ({codes}) "
            f"hold {verdict} of the {key_total} key post{'s' if key_total != 1 else ''} allocated.")


def seats_html(partners: Sequence[Partner], seats: dict[int, list[BoardPosition]]) -> str:
    """One line per partner, largest first: its code, population and a chip per seat (the chips wrap)."""
    lines = []
    for partner in sorted(partners, key=_size, reverse=True):
        chips = " ".join(
            f'<span style="background:{BODY_COLOURS[s.body]}; color:#ffffff;">&nbsp;{"★&nbsp;" if s.key_post else ""}'
            f"{html.escape(s.title).replace(' ', '&nbsp;')}&nbsp;</span>"
            for s in seats.get(partner.id, [])
        ) or f'<span style="color:{theme.MUTED_INK};">no seat</span>'
        population = f"{partner.population_served:,}" if partner.population_served else "population not given"
        lines.append(f"<b>{html.escape(partner.code)}</b>&nbsp; <span style=\"color:{theme.MUTED_INK};\">"
                     f"{population}</span>&nbsp; {chips}")
    return "<p style='line-height:140%'>" + "<br>".join(lines) + "</p>"


class SeatsPicture(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel("Seats per partner (largest first; ★ key post)")
        heading.setWordWrap(True)
        theme.use_font(heading, 1.15, bold=True)
        self.summary = QLabel()
        self.summary.setObjectName("seatsSummary")
        self.summary.setWordWrap(True)
        theme.use_font(self.summary, 1.05, bold=True)
        self.table = QLabel()
        self.table.setObjectName("seatsTable")
        self.table.setTextFormat(Qt.TextFormat.RichText)
        self.table.setWordWrap(True)
        legend = QLabel(f'<span style="background:{BODY_COLOURS[Body.PARTNERSHIP_BOARD]}; color:#fff;">&nbsp;'
                        f"Partnership Board&nbsp;</span>&nbsp; <span style=\"background:"
                        f'{BODY_COLOURS[Body.OPERATIONS_TEAM]}; color:#fff;">&nbsp;Operations management team&nbsp;'
                        "</span>")
        legend.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (heading, self.summary, self.table, legend):
            column.addWidget(widget)
        column.addStretch(1)

    def show_seats(self, partners: Sequence[Partner], seats: dict[int, list[BoardPosition]]) -> None:
        self.summary.setText(seats_summary(partners, seats))
        self.table.setText(seats_html(partners, seats))


@dataclass(frozen=True)
class TimelineRow:
    title: str
    terms: tuple[Term, ...]


class TimelineView(QWidget):
    """Each position with a term start: its terms as bars along the years, each labelled with the holder's code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rotationTimeline")
        self.setAccessibleName("Rotation timeline")
        self.rows: list[TimelineRow] = []
        self.codes: dict[int, str] = {}
        self.undated: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def show_rows(self, rows: list[TimelineRow], undated: list[str], codes: dict[int, str]) -> None:
        self.rows, self.undated, self.codes = rows, undated, codes
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        parts = []
        for row in self.rows:
            turns = ", ".join(f"{self.codes.get(t.partner_id or 0, 'nobody')} from {t.start:%Y}" for t in row.terms
                              if t.start)
            parts.append(f"{row.title}: {turns}")
        return "; ".join(parts)

    def _line(self) -> int:
        return QFontMetrics(theme.font()).height() + 10

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        lines = len(self.rows) + 1
        return QSize(400, lines * self._line())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = theme.font()
        painter.setFont(font)
        metrics = QFontMetrics(font)
        line = self._line()
        painter.setPen(QColor(theme.INK))
        if self.rows:
            starts = [t.start for r in self.rows for t in r.terms if t.start]
            ends = [t.end for r in self.rows for t in r.terms if t.end]
            first, last = min(starts).year, max(ends).year + (1 if max(ends) > date(max(ends).year, 1, 1) else 0)
            label_w = max(metrics.horizontalAdvance(r.title) for r in self.rows) + 12
            width = max(self.width() - label_w - 8, 50)
            # Only as many years as leave every term wide enough for its holder's code.
            shortest = min((t.end.year - t.start.year) for r in self.rows for t in r.terms if t.start and t.end)
            fits = max(1, int(width * max(shortest, 1) / (metrics.horizontalAdvance("WWWW") + 8)))
            last = min(last, first + fits)
            span = max(last - first, 1)

            def x_of(day: date) -> float:
                return label_w + width * ((day.year - first) + (day.timetuple().tm_yday - 1) / 365.25) / span

            step = max(1, round(span / max(width / (metrics.horizontalAdvance("2030") * 2.5), 1)))
            painter.setPen(QColor(theme.MUTED_INK))
            for year in range(first, last + 1, step):
                x = x_of(date(year, 1, 1))
                painter.drawLine(int(x), line, int(x), line * (len(self.rows) + 1))
                painter.drawText(QRectF(x - 40, 0, 80, line), Qt.AlignmentFlag.AlignCenter, str(year))
            for n, row in enumerate(self.rows, start=1):
                top = n * line
                painter.setPen(QColor(theme.INK))
                painter.drawText(QRectF(0, top, label_w, line), Qt.AlignmentFlag.AlignVCenter, row.title)
                for k, term in enumerate(row.terms):
                    if term.start is None or term.end is None or term.start.year >= last:
                        continue
                    left, right = x_of(term.start), min(x_of(term.end), label_w + width)
                    box = QRectF(left + 1, top + 3, max(right - left - 2, 2), line - 6)
                    fill, ink = TERM_COLOURS[(term.partner_id or 0) % len(TERM_COLOURS)]
                    painter.fillRect(box, QColor(fill) if term.partner_id else QColor("#c8ced6"))
                    painter.setPen(QPen(QColor(ink if term.partner_id else theme.INK)))
                    text = self.codes.get(term.partner_id or 0, "nobody")
                    if k == 0:  # the holder's term now: outlined
                        painter.save()
                        painter.setPen(QPen(QColor(theme.INK), 3))
                        painter.drawRect(box)
                        painter.restore()
                    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(
                        text, Qt.TextElideMode.ElideRight, int(box.width()) - 4))
        painter.end()

    def note(self) -> str:
        """What goes under the picture, in words."""
        lines = ["Outlined: the term now; then each next holder in turn."] if self.rows else []
        if self.undated:
            lines.append("No term start yet: " + ", ".join(self.undated) + ".")
        return "\n".join(lines)
