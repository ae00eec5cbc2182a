"""Is a stored scenario one this app would have written? Used before a workspace is opened, and when the working
scenario is read.

``Scenario.from_settings`` is lenient (anything malformed falls back to a default); these checks are strict, so
that a saved scenario the app cannot read exactly is refused rather than silently changed, and an unreadable
working scenario (a setting) is reset with a notice rather than half-read.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from imagingnet_desktop.domain.scenarios.scenario import SLIDER_MAX
from imagingnet_desktop.domain.shares.share_table import Basis
from imagingnet_desktop.domain.voting.rules import RuleKind, VoteMethod

MAX_MIN_PARTNERS = 10**6
_BASES = frozenset(b.value for b in Basis)
_VOTE_BASES = _BASES | {"blend"}
_METHODS = frozenset(m.value for m in VoteMethod)
_RULES = frozenset(r.value for r in RuleKind)
SETTING_KEYS = frozenset({"weights", "vote_method", "vote_basis", "rule_kind", "qualified", "qualified_percent",
                          "min_partners"})
DEFINITION_KEYS = SETTING_KEYS | {"name", "custom_votes", "veto_codes"}  # format 2: one JSON definition


def settings_problem(data: object) -> str | None:
    """None when ``data`` holds scenario settings as this app writes them (format 3 on), else why not (one line).

    A key may be missing (its default is used); an unknown key or a value of the wrong kind is a problem. A
    percentage out of range is not: it reads exactly, and the analysis says what is wrong with the rule."""
    if not isinstance(data, dict):
        return "its settings are not a JSON object"
    return _keys_problem(data, SETTING_KEYS) or _settings_values_problem(data)


def writable_problem(settings: Mapping[str, object]) -> str | None:
    """Why these settings must not be written, else None: unreadable ones, and a qualified-majority percentage
    outside 0-100 (one the file may hold, since format 2 could store it, but that is never written again)."""
    problem = settings_problem(dict(settings))
    if problem:
        return problem
    percent = settings.get("qualified_percent")
    if isinstance(percent, str) and not 0 < Decimal(percent) <= 100:
        return f"its qualified-majority percentage ({percent}%) must be more than 0% and at most 100%"
    share = _exact_share(settings.get("qualified"))
    if share is not None and not 0 < share <= 1:
        return f"its qualified majority ({share}) must be more than none and at most all of the votes"
    return None


def definition_problem(data: object) -> str | None:
    """The same for a format-2 definition: the settings plus the name and the partner references by code. Keys
    it does not know are ignored, as the format-2 release ignored them (the migration drops them)."""
    if not isinstance(data, dict):
        return "its definition is not a JSON object"
    problem = _settings_values_problem(data)
    if problem:
        return problem
    if "name" in data and not isinstance(data["name"], str):
        return "its name is not text"
    vetoes = data.get("veto_codes", [])
    if not isinstance(vetoes, list) or not all(isinstance(c, str) for c in vetoes):
        return "its vetoes are not a list of partner codes"
    votes = data.get("custom_votes", {})
    if not isinstance(votes, dict):
        return "its custom votes are not a table of partner codes and votes"
    for code, n in votes.items():
        if not _whole(n, 0, None):
            return f"the custom votes for '{str(code)[:20]}' are {_shown(n)}, not a whole number of 0 or more"
    return None


def _keys_problem(data: Mapping[str, object], known: frozenset[str]) -> str | None:
    unknown = sorted(k for k in data if k not in known)
    return f"it holds a setting this app does not know ('{unknown[0][:30]}')" if unknown else None


def _settings_values_problem(data: Mapping[str, object]) -> str | None:
    weights = data.get("weights", {})
    if not isinstance(weights, dict):
        return "its weights are not a table of bases and weights"
    for basis, weight in weights.items():
        if basis not in _BASES:
            return f"it weights an unknown basis ('{str(basis)[:30]}')"
        if not _whole(weight, 0, SLIDER_MAX):
            return f"the {basis} weight is {_shown(weight)}, not a whole number from 0 to {SLIDER_MAX}"
    for key, allowed, what in (("vote_method", _METHODS, "vote method"), ("vote_basis", _VOTE_BASES, "vote basis"),
                               ("rule_kind", _RULES, "rule")):
        if key in data and data[key] not in allowed:
            return f"its {what} {_shown(data[key])} is not one this app knows"
    share = data.get("qualified")  # "2/3": its range is the rule's matter, which the analysis explains
    if share is not None and _exact_share(share) is None:
        return f"its qualified majority {_shown(share)} is not an exact fraction such as 2/3"
    percent = data.get("qualified_percent")  # written before the share was exact
    if percent is not None and not _percentage(percent):
        return f"its qualified-majority percentage {_shown(percent)} is not an exact number"
    if "min_partners" in data and not _whole(data["min_partners"], 0, MAX_MIN_PARTNERS):
        return f"its minimum number of partners {_shown(data['min_partners'])} is not a whole number of 0 or more"
    return None


def _whole(value: object, low: int, high: int | None) -> bool:
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return value >= low and (high is None or value <= high)


def _exact_share(value: object) -> Fraction | None:
    if not isinstance(value, str):  # stored as text ("2/3"), so the share is exact
        return None
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError):
        return None


def _percentage(value: object) -> bool:
    if not isinstance(value, str):  # stored as text, so the figure is exact
        return False
    try:
        number = Decimal(value)
    except InvalidOperation:
        return False
    return number.is_finite()


def _shown(value: object) -> str:
    return repr(value)[:30]
