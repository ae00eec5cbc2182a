"""Names people type (network, scenario, partner): no control characters, and safe as file names.

``control_character_problem`` is the one control-character rule: ``domain.typed_text.clean_text`` applies it to
every text a person types, on every tab.

A control character (ESC, BEL, NUL, DEL, the C1 range, line and paragraph separators) is invisible on screen
and, printed to a terminal, acts on it (``ESC [2J`` clears it): refused in every name, and escaped whenever
stored text is printed.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # a note's own line breaks
_PRINT_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # keeps tab and newline
_FILE_UNSAFE = re.compile('[<>:"/\\\\|?*\x00-\x1f\x7f-\x9f\u2028\u2029]')
_WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
    | {f"{kind}{n}" for kind in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
DEFAULT_STEM = "Imaging network"


def control_character_problem(label: str, text: str, *, line_breaks: bool = False) -> str | None:
    """A message for ``label`` when ``text`` holds a control character, else None. Never echoes it raw.

    With ``line_breaks`` a newline (``\\n``) is allowed: text of several lines, such as a note.
    """
    found = (_CONTROL_BUT_NEWLINE if line_breaks else _CONTROL).search(text)
    if found is None:
        return None
    what = "control characters" if line_breaks else "control characters or line breaks"
    return f"{label} cannot contain {what} (it holds U+{ord(found.group()):04X} at character {found.start() + 1})"


def printable(text: str) -> str:
    """``text`` with every control character but tab and newline shown as an escape (``\\u001b``)."""
    return _PRINT_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def is_reserved_file_name(stem: str) -> bool:
    """Windows refuses these as a file's name whatever follows a dot: CON, NUL, COM1, LPT3…"""
    return stem.split(".", 1)[0].rstrip(" .").upper() in _WINDOWS_DEVICES


def safe_file_stem(name: str, limit: int = 100) -> str:
    """A name made safe as a file name on Windows and elsewhere (never a device name, never empty)."""
    stem = " ".join(_FILE_UNSAFE.sub("-", name).split()).strip(" .-")[:limit].strip(" .")
    if not stem:
        return DEFAULT_STEM
    if is_reserved_file_name(stem):
        return f"{stem} network"[:limit] if "." not in stem else f"Network {stem}"[:limit]
    return stem
