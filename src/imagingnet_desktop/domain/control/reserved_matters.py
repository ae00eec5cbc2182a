"""Reserved matters: decisions the partners keep for themselves, each with its own decision rule.

A matter's rule is one of the voting engine's rules (``domain.voting.rules.RuleKind``): unanimity, a qualified
majority given as an exact fraction of the votes (2/3 stays 2/3, never 66.67%), or a simple majority; with an
optional minimum number of partners and partners holding a veto (kept in their own link table, by partner id).
``voting_game`` turns a matter and the agreed votes into the engine's game, and ``analyse_matter`` asks the
engine who can block it alone and which smallest groups can pass it: nothing here counts coalitions itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from imagingnet_desktop.domain.control.typed_values import MAX_TITLE_LENGTH, show_number
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.typed_text import clean_text
from imagingnet_desktop.domain.voting.coalitions import minimal_coalitions
from imagingnet_desktop.domain.voting.game import GameError
from imagingnet_desktop.domain.voting.power import veto_players
from imagingnet_desktop.domain.voting.rules import RuleError, RuleGame, RuleKind, VotingRule, rule_game
from imagingnet_desktop.domain.wording import join_words

MAX_DENOMINATOR = 100
MAX_MIN_PARTNERS = 100
PASSING_LIST_LIMIT = 70  # 8 partners have at most C(8, 4) = 70 minimal passing groups: all are listed


class DecidedBy(StrEnum):
    PARTNERSHIP_BOARD = "partnership_board"
    TRUST_BOARDS = "trust_boards"

    @property
    def label(self) -> str:
        return "Partnership Board" if self is DecidedBy.PARTNERSHIP_BOARD else "Trust Boards"


class ToleranceKind(StrEnum):
    NONE = "none"  # every such decision is reserved
    GBP = "gbp"  # reserved above this amount
    PERCENT = "percent"  # reserved beyond this deviation from the annual business plan

    @property
    def label(self) -> str:
        """The kind alone (``tolerance_text`` gives it with its amount)."""
        return {"none": "Always reserved", "gbp": "Above an amount",
                "percent": "Beyond a deviation from the plan"}[self.value]


class MatterPurpose(StrEnum):
    """What else a matter stands for: the drafts' exit and joining clauses defer to the rule of the matter with
    that purpose, whatever the board calls it. At most one matter has each purpose other than ``NONE``."""

    NONE = "none"
    EXIT = "exit"  # a partner leaving (or being asked to leave) the network
    ADMISSION = "admission"  # a new partner joining the network

    @property
    def label(self) -> str:
        return _PURPOSE_LABELS[self]


_PURPOSE_LABELS = {MatterPurpose.NONE: "Other", MatterPurpose.EXIT: "Exit of a partner",
                   MatterPurpose.ADMISSION: "Admission of a partner"}

DEADLOCK_STAGES = ("Chief executives", "Mediation", "Dispute clause")


@dataclass(frozen=True)
class ReservedMatter:
    id: int
    title: str
    rule_kind: RuleKind = RuleKind.SIMPLE_MAJORITY
    fraction_num: int | None = None  # a qualified majority: at least num/den of the votes
    fraction_den: int | None = None
    min_partners: int | None = None
    decided_by: DecidedBy = DecidedBy.PARTNERSHIP_BOARD
    tolerance_kind: ToleranceKind = ToleranceKind.NONE
    tolerance_value: Decimal | None = None
    escalate_chief_executives: bool = True  # deadlock: first the chief executives,
    escalate_mediation: bool = True  # then mediation, and last the dispute clause (always)
    purpose: MatterPurpose = MatterPurpose.NONE

    @property
    def fraction(self) -> Fraction | None:
        if self.rule_kind is not RuleKind.QUALIFIED or not self.fraction_num or not self.fraction_den:
            return None
        return Fraction(self.fraction_num, self.fraction_den)


@dataclass(frozen=True)
class ReservedMatterVeto:
    """Partner ``partner_id`` holds a veto over matter ``reserved_matter_id``."""

    id: int
    reserved_matter_id: int
    partner_id: int


# ---------------------------------------------------------------------------- validation


def validate_matter(matter: ReservedMatter) -> ReservedMatter:
    """The matter as it may be saved (title tidied, fields a rule does not use cleared), or ``FieldError``."""
    title = clean_text("A reserved matter's title", matter.title, limit=MAX_TITLE_LENGTH)
    num, den = matter.fraction_num, matter.fraction_den
    if matter.rule_kind is RuleKind.QUALIFIED:
        if num is None or den is None:
            raise FieldError("A qualified majority needs a fraction of the votes, for example 2/3 or 3/4.")
        if not 1 <= den <= MAX_DENOMINATOR:
            raise FieldError(f"The fraction's bottom number must be from 1 to {MAX_DENOMINATOR}, not {den}.")
        if not 0 < num <= den:
            raise FieldError(f"{num}/{den} is not a fraction of the votes: it must be more than 0 and at most 1.")
        if Fraction(num, den) <= Fraction(1, 2):
            raise FieldError(f"{num}/{den} is not more than half: a qualified majority needs more than a simple "
                             "majority (choose simple majority instead).")
        reduced = Fraction(num, den)
        num, den = reduced.numerator, reduced.denominator
    else:
        num = den = None
    minimum = matter.min_partners
    if matter.rule_kind is RuleKind.UNANIMITY:
        minimum = None  # every partner must agree already
    elif minimum is not None and not 1 <= minimum <= MAX_MIN_PARTNERS:
        raise FieldError(f"The minimum number of partners must be from 1 to {MAX_MIN_PARTNERS}, not {minimum}.")
    value = matter.tolerance_value
    if matter.tolerance_kind is ToleranceKind.NONE:
        value = None
    elif value is None:
        raise FieldError("Give the tolerance: an amount in £, or a % deviation from the business plan.")
    elif value < 0:
        raise FieldError(f"A tolerance cannot be negative ({value}).")
    elif matter.tolerance_kind is ToleranceKind.PERCENT and value > 100:
        raise FieldError(f"A tolerance in % must be from 0 to 100, not {value}.")
    return replace(matter, title=title, fraction_num=num, fraction_den=den, min_partners=minimum,
                   tolerance_value=value)


def check_purposes(matters: Sequence[ReservedMatter]) -> None:
    """Refuse (``FieldError``) two matters with the same purpose other than ``NONE``: a draft's exit or joining
    clause must be able to name the one rule it defers to."""
    holder: dict[MatterPurpose, ReservedMatter] = {}
    for matter in matters:
        if matter.purpose is MatterPurpose.NONE:
            continue
        first = holder.setdefault(matter.purpose, matter)
        if first.id != matter.id:
            raise FieldError(f"“{first.title}” is already the matter for the {matter.purpose.label.lower()}: "
                             f"set that one to {MatterPurpose.NONE.label} first, then choose it here.")


def parse_fraction(text: str) -> tuple[int, int]:
    """``2/3`` -> (2, 3); ``75%`` or ``75`` -> (3, 4). Raises ``FieldError``."""
    cleaned = text.strip().replace(" ", "")
    try:
        if "/" in cleaned:
            top, bottom = cleaned.split("/", 1)
            return int(top), int(bottom)
        value = Fraction(Decimal(cleaned.removesuffix("%"))) / 100
    except (ValueError, ArithmeticError):
        raise FieldError(f"Give the fraction of votes as 2/3, 3/4 or 75%, not “{text.strip()[:40]}”.") from None
    return value.numerator, value.denominator


# ---------------------------------------------------------------------------- words


def fraction_text(matter: ReservedMatter) -> str:
    fraction = matter.fraction
    return "" if fraction is None else f"{fraction.numerator}/{fraction.denominator}"


def rule_text(matter: ReservedMatter, veto_codes: Sequence[str] = ()) -> str:
    """Plain English, e.g. "Qualified majority: at least 2/3 of the votes, and at least 3 partners; NSH holds a veto"."""
    if matter.rule_kind is RuleKind.UNANIMITY:
        return "Unanimity: every partner must agree"
    if matter.rule_kind is RuleKind.QUALIFIED and matter.fraction is not None:
        text = f"Qualified majority: at least {fraction_text(matter)} of the votes"
    else:
        text = "Simple majority: more than half of the votes"
    if matter.min_partners:
        text += f", and at least {matter.min_partners} partner{'s' if matter.min_partners != 1 else ''}"
    if veto_codes:
        codes = list(veto_codes)
        joined = join_words(codes)
        text += f"; {joined} {'holds a veto' if len(codes) == 1 else 'each hold a veto'}"
    return text


def tolerance_text(matter: ReservedMatter) -> str:
    if matter.tolerance_kind is ToleranceKind.GBP and matter.tolerance_value is not None:
        return f"Above £{show_number(matter.tolerance_value)}"
    if matter.tolerance_kind is ToleranceKind.PERCENT and matter.tolerance_value is not None:
        return f"Beyond {show_number(matter.tolerance_value)}% off the business plan"
    return "Always reserved"


def deadlock_route(matter: ReservedMatter) -> tuple[str, ...]:
    """The stages a deadlock on this matter goes through, in order; the dispute clause is always last."""
    chosen = (matter.escalate_chief_executives, matter.escalate_mediation, True)
    return tuple(stage for stage, used in zip(DEADLOCK_STAGES, chosen, strict=True) if used)


# ---------------------------------------------------------------------------- the voting game


def voting_game(votes: Sequence[int], matter: ReservedMatter, veto: Sequence[int] = ()) -> RuleGame:
    """The engine's game for this matter under these votes; ``veto`` holds partner positions (0-based).

    Unanimity, and the vote threshold of a simple majority, the minimum and the vetoes, are the engine's own
    rules (``rule_game``), a qualified fraction too: the quota is exactly the fewest votes reaching it.
    Raises ``RuleError`` (plain words) for a rule nobody could meet.
    """
    if matter.rule_kind is RuleKind.UNANIMITY:
        return rule_game(votes, VotingRule(RuleKind.UNANIMITY))
    fraction = matter.fraction
    if matter.rule_kind is RuleKind.QUALIFIED and fraction is None:
        raise RuleError("This qualified majority has no fraction of the votes set.")
    return rule_game(votes, VotingRule(matter.rule_kind, None, matter.min_partners or 0, tuple(veto), fraction))


@dataclass(frozen=True)
class MatterOutcome:
    """Who can stop a matter alone and the smallest groups that can carry it, as partner positions."""

    game: RuleGame | None
    single_blockers: tuple[int, ...]
    min_passing: tuple[tuple[int, ...], ...]  # minimal passing groups: fewest partners first
    passing_total: int
    problem: str | None


def analyse_matter(votes: Sequence[int] | None, matter: ReservedMatter, veto: Sequence[int] = (),
                   votes_problem: str | None = None) -> MatterOutcome:
    """The engine's answer for one matter; never raises for a rule the board might write."""
    if votes is None:
        return MatterOutcome(None, (), (), 0, votes_problem or "The agreed votes cannot be worked out.")
    try:
        game = voting_game(votes, matter, veto)
        found = minimal_coalitions(game.weights, game.quota, min_members=game.min_members, veto=game.veto,
                                   limit=PASSING_LIST_LIMIT)
        # Who can stop it alone needs no power indices: a matter's outcome never counts orderings.
        blockers = veto_players(game.weights, game.quota, min_members=game.min_members, veto=game.veto)
    except (RuleError, GameError) as exc:
        return MatterOutcome(None, (), (), 0, str(exc))
    passing = tuple(sorted(found.winning.coalitions, key=lambda c: (len(c), c)))
    return MatterOutcome(game, blockers, passing, found.winning.total, None)
