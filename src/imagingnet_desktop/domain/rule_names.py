"""What the screens call each kind of voting rule: the voting engine's ``RuleKind`` carries no words of its own.

One place for the names, so the Record tab's motions, the Control tab's reserved matters and the snapshot
differences all say "Qualified majority" for the same stored ``qualified``.
"""

from __future__ import annotations

from imagingnet_desktop.domain.voting.rules import RuleKind

RULE_KIND_NAMES: dict[RuleKind, str] = {
    RuleKind.SIMPLE_MAJORITY: "Simple majority",
    RuleKind.QUALIFIED: "Qualified majority",
    RuleKind.UNANIMITY: "Unanimity",
}
