"""The programme's content shipped with the app (``resources/programme.toml``), read and checked.

What each step asks of each workstream and the lessons from pathology networks are guidance, read from the
content each time. The starting checklist, the step dates and the targets are copied into a workspace when it
is created (or migrated), so a later release's content never rewrites a workspace's own record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from imagingnet_desktop.domain.programme.steps import STEP_ORDER, WORKSTREAM_ORDER, StepId, WorkstreamId

CONTENT_FILE = "programme.toml"


@dataclass(frozen=True)
class Lesson:
    step_id: StepId
    title: str
    text: str
    workstreams: tuple[WorkstreamId, ...] = ()  # the workstreams it speaks to (empty: the step as a whole)


@dataclass(frozen=True)
class StepContent:
    step_id: StepId
    name: str
    purpose: str
    weeks: int  # the step's default length, for the starting target dates
    asks: Mapping[WorkstreamId, str]
    targets: Mapping[WorkstreamId, int]  # percent
    checklist: tuple[tuple[WorkstreamId, str], ...]
    lessons: tuple[Lesson, ...]


@dataclass(frozen=True)
class ProgrammeContent:
    steps: tuple[StepContent, ...]

    def step(self, step_id: StepId) -> StepContent:
        for step in self.steps:
            if step.step_id == step_id:
                return step
        raise KeyError(step_id)

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        return tuple(lesson for step in self.steps for lesson in step.lessons)


class ContentError(ValueError):
    """The content file is not as the app expects (a packaging fault, not a user's mistake)."""


def _text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{where}: '{key}' must be non-empty text")
    return " ".join(value.split())


def _by_workstream(table: object, where: str, kind: type) -> dict[WorkstreamId, Any]:
    if not isinstance(table, Mapping) or set(table) != {w.value for w in WORKSTREAM_ORDER}:
        raise ContentError(f"{where}: needs exactly {', '.join(w.value for w in WORKSTREAM_ORDER)}")
    out = {}
    for w in WORKSTREAM_ORDER:
        value = table[w.value]
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ContentError(f"{where}.{w.value}: must be {kind.__name__}")
        out[w] = " ".join(value.split()) if isinstance(value, str) else value
    return out


def parse_content(data: Mapping[str, Any]) -> ProgrammeContent:
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or [s.get("id") for s in raw_steps] != [s.value for s in STEP_ORDER]:
        raise ContentError(f"steps must be, in order: {', '.join(s.value for s in STEP_ORDER)}")
    steps = []
    for raw in raw_steps:
        step_id = StepId(raw["id"])
        where = f"steps.{step_id.value}"
        targets = _by_workstream(raw.get("targets"), f"{where}.targets", int)
        if any(not 0 <= t <= 100 for t in targets.values()):
            raise ContentError(f"{where}.targets: each must be 0-100")
        weeks = raw.get("weeks")
        if not isinstance(weeks, int) or weeks <= 0:
            raise ContentError(f"{where}.weeks must be a positive whole number")
        checklist = []
        for n, entry in enumerate(raw.get("checklist", []), start=1):
            checklist.append((WorkstreamId(entry["workstream"]), _text(entry, "text", f"{where}.checklist[{n}]")))
        lessons = tuple(
            Lesson(step_id, _text(entry, "title", f"{where}.lessons"), _text(entry, "text", f"{where}.lessons"),
                   tuple(WorkstreamId(w) for w in entry.get("workstreams", [])))
            for entry in raw.get("lessons", [])
        )
        steps.append(StepContent(
            step_id=step_id,
            name=_text(raw, "name", where),
            purpose=_text(raw, "purpose", where),
            weeks=weeks,
            asks=_by_workstream(raw.get("asks"), f"{where}.asks", str),
            targets=targets,
            checklist=tuple(checklist),
            lessons=lessons,
        ))
    return ProgrammeContent(tuple(steps))


@cache
def default_content() -> ProgrammeContent:
    """The content shipped with this release (read once)."""
    import tomllib

    from imagingnet_desktop.resources import resource

    with resource(CONTENT_FILE).open("rb") as handle:
        return parse_content(tomllib.load(handle))
