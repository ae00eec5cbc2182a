"""Text a person types into a field: the one rule every area uses (tidy spaces, refuse empty, too long or
control characters), so the same mistake gets the same answer on every tab."""

from __future__ import annotations

from imagingnet_desktop.domain.field_error import FieldError
from imagingnet_desktop.domain.names import control_character_problem


def clean_text(label: str, text: str, *, limit: int, required: bool = True, lines: bool = False,
               if_empty: str | None = None) -> str:
    """``text`` tidied (runs of spaces made one, ends trimmed); raises ``FieldError`` naming ``label``.

    ``lines`` allows line breaks (a note, a reason): each line is tidied and blank lines at either end go.
    ``if_empty`` is the message when a required text is empty (default: "<label> cannot be empty").
    The control-character check reads the raw text: ``split()`` would silently eat U+2028 or U+0085.
    """
    if lines:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    tidy = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip("\n") if lines else " ".join(
        text.split())
    if required and not tidy:
        raise FieldError(if_empty or f"{label} cannot be empty")
    if len(tidy) > limit:
        raise FieldError(f"{label} is {len(tidy):,} characters long; at most {limit:,} are allowed")
    problem = control_character_problem(label, text, line_breaks=lines)
    if problem:
        raise FieldError(problem)
    return tidy
