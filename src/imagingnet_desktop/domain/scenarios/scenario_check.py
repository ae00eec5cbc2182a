"""Can a stored scenario definition be read back as a ``Scenario``? Used before a workspace is opened."""

from __future__ import annotations

from imagingnet_desktop.domain.scenarios.scenario import Scenario


def scenario_problem(data: object) -> str | None:
    """None when ``data`` reads as a scenario, else why not (one line)."""
    if not isinstance(data, dict):
        return "its definition is not a scenario (not a JSON object)"
    try:
        Scenario.from_dict(data)
    except (ValueError, TypeError, ArithmeticError, AttributeError, KeyError) as exc:
        text = " ".join(str(exc).split())[:80] or type(exc).__name__
        return f"its definition cannot be read ({text})"
    return None


def read_scenario(data: object) -> Scenario | None:
    """The scenario ``data`` holds, or None when it cannot be read (a setting to reset to its default)."""
    if scenario_problem(data) is not None:
        return None
    return Scenario.from_dict(data)  # type: ignore[arg-type]
