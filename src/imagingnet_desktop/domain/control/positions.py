"""Board positions: who holds each seat on the Partnership Board and the operations management team, for how long,
and who holds it next when it rotates round the partners.

A position names its holder by partner id (or nobody yet); its rotation order is a list of partners in a link
table (``RotationTurn`` rows, in order). The next holder is the partner after the current one in that order (the
first, when the holder is not in it); a position with no rotation order stays with its holder until changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from imagingnet_desktop.domain.control.typed_values import MAX_TITLE_LENGTH
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.typed_text import clean_text

MAX_TERM_YEARS = 10


class Body(StrEnum):
    PARTNERSHIP_BOARD = "partnership_board"
    OPERATIONS_TEAM = "operations_team"

    @property
    def label(self) -> str:
        return "Partnership Board" if self is Body.PARTNERSHIP_BOARD else "Operations management team"


@dataclass(frozen=True)
class BoardPosition:
    id: int
    title: str
    body: Body = Body.PARTNERSHIP_BOARD
    partner_id: int | None = None  # the holder now
    key_post: bool = True
    term_years: int = 2
    term_start: date | None = None  # when the holder's term began (or begins)


@dataclass(frozen=True)
class RotationTurn:
    """One place in a position's rotation order (the table's order is the rotation's)."""

    id: int
    board_position_id: int
    partner_id: int


@dataclass(frozen=True)
class Term:
    partner_id: int | None
    start: date | None
    end: date | None


def validate_position(position: BoardPosition) -> BoardPosition:
    title = clean_text("A position's title", position.title, limit=MAX_TITLE_LENGTH)
    if not 1 <= position.term_years <= MAX_TERM_YEARS:
        raise FieldError(f"A term must be from 1 to {MAX_TERM_YEARS} years, not {position.term_years}.")
    return replace(position, title=title)


def rotation_of(turns: Iterable[RotationTurn], position_id: int) -> tuple[int, ...]:
    """The partner ids of a position's rotation, in order."""
    return tuple(t.partner_id for t in turns if t.board_position_id == position_id)


def check_rotation(partner_ids: Sequence[int]) -> None:
    seen: set[int] = set()
    for pid in partner_ids:
        if pid in seen:
            raise FieldError("A partner can appear only once in a rotation order.")
        seen.add(pid)


def next_holder(rotation: Sequence[int], current: int | None) -> int | None:
    """Who holds the position next: the partner after ``current`` in the rotation (round again at the end)."""
    if not rotation:
        return None
    if current not in rotation:
        return rotation[0]
    return rotation[(rotation.index(current) + 1) % len(rotation)]


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def timeline(position: BoardPosition, rotation: Sequence[int], terms: int) -> tuple[Term, ...]:
    """The holder's term and the next ``terms - 1`` terms as the rotation hands the position on."""
    start = position.term_start
    holder = position.partner_id
    out: list[Term] = []
    for _ in range(terms if rotation else 1):
        end = add_years(start, position.term_years) if start is not None else None
        out.append(Term(holder, start, end))
        holder = next_holder(rotation, holder)
        start = end
    return tuple(out)


def seats_by_partner(positions: Iterable[BoardPosition], partner_ids: Sequence[int]) -> dict[int, list[BoardPosition]]:
    """Each partner's seats (in the positions' order); every partner listed, holding seats or not."""
    found: dict[int, list[BoardPosition]] = {pid: [] for pid in partner_ids}
    for position in positions:
        if position.partner_id in found:
            found[position.partner_id].append(position)
    return found
