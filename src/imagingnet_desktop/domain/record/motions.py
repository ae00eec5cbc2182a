"""Motions voted in the room: each partner's vote (for, against, abstain), the motion's rule, the result.

The result is worked out by the voting engine (``voting.rules.rule_game`` and ``voting.game.WeightedGame``):
the partners voting for form a coalition and the motion passes exactly when that coalition wins the game
the rule makes of the agreed votes. How abstentions count is part of the rule:

* ``NOT_FOR``: an abstention counts as not voting for; the quota is a share of everyone's votes.
* ``EXCLUDED``: abstainers are left out of the count; the quota is a share of the votes cast for or against,
  the minimum number of partners counts those voting, and an abstaining veto holder does not block.

``engine_rule`` is the one step from a motion's own rule to the engine's ``VotingRule``. A motion put to the vote
under a reserved matter is played with that matter's game instead: the caller hands ``count_motion`` the function
that makes it (``game_for``, the Control area's ``voting_game``), so the count never has a second implementation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.domain.typed_text import clean_text
from imagingnet_desktop.domain.voting.game import WeightedGame
from imagingnet_desktop.domain.voting.rules import RuleError, RuleGame, RuleKind, VotingRule, rule_game

MAX_TITLE_LENGTH = 300


class VoteChoice(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"

    @property
    def label(self) -> str:
        return {"for": "For", "against": "Against", "abstain": "Abstain"}[self.value]


class Abstentions(StrEnum):
    NOT_FOR = "not_for"
    EXCLUDED = "excluded"

    @property
    def label(self) -> str:
        if self is Abstentions.NOT_FOR:
            return "Abstaining counts as not for"
        return "Abstentions left out of the count"

    @property
    def explanation(self) -> str:
        if self is Abstentions.NOT_FOR:
            return "Abstentions count as not voting for: the share needed is of all the votes."
        return ("Abstentions are left out: the share needed is of the votes cast for or against, and an "
                "abstaining veto holder does not block.")


class MotionOutcome(StrEnum):
    PASSED = "passed"
    NOT_PASSED = "not passed"

    @property
    def label(self) -> str:
        return "Passed" if self is MotionOutcome.PASSED else "Not passed"


@dataclass(frozen=True)
class Motion:
    id: int
    title: str
    rule_kind: RuleKind = RuleKind.SIMPLE_MAJORITY
    fraction_numerator: int | None = None  # a qualified majority of at least numerator/denominator
    fraction_denominator: int | None = None
    min_partners: int = 0
    abstentions: Abstentions = Abstentions.NOT_FOR
    step: str | None = None
    workstream: str | None = None
    reserved_matter_id: int | None = None
    revealed_at: datetime | None = None
    outcome: MotionOutcome | None = None
    corrects_motion_id: int | None = None  # the revealed motion this one corrects

    @property
    def revealed(self) -> bool:
        return self.revealed_at is not None

    @property
    def fraction(self) -> Fraction | None:
        if self.fraction_numerator is None or self.fraction_denominator is None:
            return None
        return Fraction(self.fraction_numerator, self.fraction_denominator)


@dataclass(frozen=True)
class MotionVote:
    """One partner's vote on one motion; ``votes_held`` and ``veto`` are fixed when the motion is revealed."""

    id: int
    motion_id: int
    partner_id: int
    choice: VoteChoice
    votes_held: int | None = None
    veto: bool = False


# ---------------------------------------------------------------------------- the rule


def validate_motion(motion: Motion) -> Motion:
    title = clean_text("The motion", motion.title, limit=MAX_TITLE_LENGTH)
    numerator: int | None = None
    denominator: int | None = None
    if motion.rule_kind is RuleKind.QUALIFIED:
        if not motion.fraction_denominator or motion.fraction_numerator is None:
            raise FieldError("A qualified majority needs a fraction such as 2/3 or 75%.")
        fraction = Fraction(motion.fraction_numerator, motion.fraction_denominator)
        if not 0 < fraction <= 1:
            raise FieldError(f"The fraction must be more than 0 and at most 1 (all the votes), not {fraction}.")
        if fraction <= Fraction(1, 2):
            raise FieldError(f"{fraction} is not a majority: at half of the votes or less, a motion and its "
                             "opposite could both pass. Choose more than 1/2, or simple majority.")
        numerator, denominator = fraction.numerator, fraction.denominator
    if motion.min_partners < 0:
        raise FieldError("The minimum number of partners cannot be negative.")
    if motion.rule_kind is RuleKind.UNANIMITY and motion.min_partners:
        raise FieldError("Under unanimity every partner must agree already; set the minimum to 0.")
    return Motion(motion.id, title, RuleKind(motion.rule_kind), numerator, denominator, motion.min_partners,
                  Abstentions(motion.abstentions), motion.step, motion.workstream, motion.reserved_matter_id,
                  motion.revealed_at, motion.outcome, motion.corrects_motion_id)


def parse_fraction(text: str) -> Fraction:
    """ "2/3", "75%", "75" (a percentage) or "0.75" as an exact fraction; raises ``FieldError``."""
    cleaned = text.strip().replace(" ", "")
    try:
        if "/" in cleaned:
            top, bottom = cleaned.split("/", 1)
            value = Fraction(int(top), int(bottom))
        else:
            number = Fraction(Decimal(cleaned.rstrip("%")))
            value = number / 100 if cleaned.endswith("%") or number > 1 else number
    except (ValueError, ZeroDivisionError, ArithmeticError):
        raise FieldError(f"'{text}' is not a fraction: type 2/3, 3/4 or 75%.") from None
    if not 0 < value <= 1:
        raise FieldError(f"'{text}' must be more than nothing and at most all of the votes.")
    return value


def engine_rule(kind: RuleKind, fraction: Fraction | None, min_partners: int, veto: tuple[int, ...]) -> VotingRule:
    """A motion's rule as the voting engine's rule (unanimity needs no vetoes: everyone must agree)."""
    if kind is RuleKind.UNANIMITY:
        return VotingRule(kind)
    exact = fraction if kind is RuleKind.QUALIFIED else None
    return VotingRule(kind, None, min_partners, veto, exact)


def describe_rule(motion: Motion) -> str:
    """The rule in words for the room, e.g. "At least 2/3 of the votes, and at least 3 partners"."""
    if motion.rule_kind is RuleKind.UNANIMITY:
        text = "Unanimity: every partner must vote for"
    elif motion.rule_kind is RuleKind.SIMPLE_MAJORITY:
        text = "Simple majority: more than half of the votes"
    else:
        fraction = motion.fraction
        shown = f"{fraction.numerator}/{fraction.denominator}" if fraction is not None else "?"
        if fraction is not None and (fraction * 100).denominator == 1:
            shown = f"{fraction * 100}%"
        text = f"Qualified majority: at least {shown} of the votes"
    if motion.min_partners:
        text += f", and at least {motion.min_partners} partner{'s' if motion.min_partners != 1 else ''}"
    return text


# ---------------------------------------------------------------------------- the result


@dataclass(frozen=True)
class MotionResult:
    outcome: MotionOutcome
    for_codes: tuple[str, ...]
    against_codes: tuple[str, ...]
    abstain_codes: tuple[str, ...]
    for_votes: int
    counted_votes: int  # the base the share is taken of
    quota: int | None  # votes needed (None when the rule could not be played)
    blocked_by_veto: tuple[str, ...]  # veto holders who did not vote for
    reason: str  # one sentence for the room

    @property
    def passed(self) -> bool:
        return self.outcome is MotionOutcome.PASSED


@dataclass(frozen=True)
class Ballot:
    """One partner in the count: its code, the votes it holds under the agreed scenario, its choice."""

    code: str
    votes_held: int
    choice: VoteChoice
    veto: bool = False


GameFor = Callable[[list[int], tuple[int, ...]], RuleGame]
"""Makes the game from the counted partners' votes and the positions (among them) of the veto holders."""


def count_motion(motion: Motion, ballots: Sequence[Ballot], game_for: GameFor | None = None) -> MotionResult:
    """Whether the partners voting for win the game the motion's rule makes of the votes held.

    ``game_for`` replaces the motion's own rule by another (a reserved matter's); ``motion.rule_kind`` should
    then be that rule's kind (unanimity names no veto holders as blocking)."""
    by = {c: tuple(b.code for b in ballots if b.choice is c) for c in VoteChoice}
    if motion.abstentions is Abstentions.EXCLUDED:
        players = [b for b in ballots if b.choice is not VoteChoice.ABSTAIN]
    else:
        players = list(ballots)
    for_votes = sum(b.votes_held for b in ballots if b.choice is VoteChoice.FOR)
    counted = sum(b.votes_held for b in players)
    vetoes = tuple(i for i, b in enumerate(players) if b.veto)
    blocked = tuple(b.code for b in players if b.veto and b.choice is not VoteChoice.FOR)
    if motion.rule_kind is RuleKind.UNANIMITY:
        blocked = ()

    def result(passed: bool, quota: int | None, reason: str) -> MotionResult:
        outcome = MotionOutcome.PASSED if passed else MotionOutcome.NOT_PASSED
        return MotionResult(outcome, by[VoteChoice.FOR], by[VoteChoice.AGAINST], by[VoteChoice.ABSTAIN],
                            for_votes, counted, quota, blocked, reason)

    if not players:
        return result(False, None, "Every partner abstained, so nothing was decided.")
    try:
        if game_for is None:
            rule = engine_rule(motion.rule_kind, motion.fraction, motion.min_partners, vetoes)
            game = rule_game([b.votes_held for b in players], rule)
        else:
            game = game_for([b.votes_held for b in players], vetoes)
    except RuleError as exc:
        return result(False, None, f"The rule could not be met by the partners voting: {exc}")
    coalition = [i for i, b in enumerate(players) if b.choice is VoteChoice.FOR]
    wins = WeightedGame.of(game.weights, game.quota, min_members=game.min_members, veto=game.veto).wins(coalition)
    votes_text = f"{for_votes} of {counted} votes for, {game.quota} needed"
    if wins:
        return result(True, game.quota, f"Passed: {votes_text}.")
    if blocked:
        return result(False, game.quota, f"Not passed: {', '.join(blocked)} holds a veto and did not vote for "
                                         f"({votes_text}).")
    if for_votes >= game.quota and len(coalition) < game.min_members:
        return result(False, game.quota, f"Not passed: enough votes but only {len(coalition)} of the "
                                         f"{game.min_members} partners needed voted for.")
    return result(False, game.quota, f"Not passed: {votes_text}.")


def breakdown_text(motion: Motion, result: MotionResult, rule_words: str | None = None) -> str:
    """The decision text saved when a motion is revealed: the result, who voted how, the rule (``rule_words``
    when it is not the motion's own, e.g. a reserved matter's)."""
    def listed(codes: tuple[str, ...]) -> str:
        return ", ".join(codes) if codes else "none"

    head = "PASSED" if result.passed else "NOT PASSED"
    return (f"Motion {head}: {motion.title}. For: {listed(result.for_codes)}; against: "
            f"{listed(result.against_codes)}; abstained: {listed(result.abstain_codes)}. {result.reason} "
            f"Rule: {rule_words or describe_rule(motion)}. {motion.abstentions.explanation}")
