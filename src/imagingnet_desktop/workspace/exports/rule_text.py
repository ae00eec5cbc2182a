"""The drafts' one wording of a decision rule: the app's qualified-majority text (``75%``, ``2/3``), "of the
votes" every time, and "Partner", the drafts' defined term. Vetoes are stated once, from the voting engine."""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from imagingnet_desktop.domain.voting.rules import RuleKind
from imagingnet_desktop.domain.voting.thresholds import qualified_text

_PARTNER = re.compile(r"\bpartner(s?)\b")


def decision_rule(kind: RuleKind, fraction: Fraction | None, min_partners: int | None,
                  veto_codes: Sequence[str] = ()) -> str:
    """e.g. ``Qualified majority: at least 75% of the votes, and at least 3 Partners; NSH holds a veto``."""
    if kind is RuleKind.UNANIMITY:
        text = "Unanimity: every Partner must agree"
    elif kind is RuleKind.QUALIFIED and fraction is not None:
        text = f"Qualified majority: at least {qualified_text(fraction)} of the votes"
    else:
        text = "Simple majority: more than half of the votes"
    if min_partners:
        text += f", and at least {min_partners} Partner{'s' if min_partners != 1 else ''}"
    if veto_codes:
        codes = list(veto_codes)
        joined = codes[0] if len(codes) == 1 else ", ".join(codes[:-1]) + " and " + codes[-1]
        text += f"; {joined} {'holds a veto' if len(codes) == 1 else 'each hold a veto'}"
    return text


def defined_partner(text: str) -> str:
    """A title typed in the app ("A partner's exit") with the defined term: "A Partner's exit"."""
    return _PARTNER.sub(lambda m: "Partner" + m.group(1), text)
