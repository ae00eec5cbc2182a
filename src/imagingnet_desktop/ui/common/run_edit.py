"""``run_edit``: how every widget runs an edit of the workspace.

The edit is a workspace function (validating, then one undoable command). A refusal (``FieldError``: what was
asked breaks a rule) or a failure to save (``WorkspaceError``, ``PermissionError``) is shown in the message bar where the person
acted, never raised into Qt. While the edit runs, ``started_by()`` names the widget that asked for it, so a
tab hearing the change can tell its own edit from one made elsewhere (undo, another tab) and skip reloading
what it already shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.store.errors import WorkspaceError
from imagingnet_desktop.ui.common.inline_message import InlineMessage

T = TypeVar("T")
READ_ONLY = "This workspace is open read-only; nothing can be changed."

_started_by: list[object] = []


def run_edit(edit: Callable[[], T], message: InlineMessage, *, origin: object | None = None,
             read_only: bool = False, refused_then: str = "",
             on_refused: Callable[[], None] | None = None) -> T | None:
    """Run ``edit`` and return what it returns, or None when it was refused or failed (shown in ``message``).

    ``refused_then`` is a sentence added after the reason (" The old value is kept."); ``on_refused`` puts the
    controls back. A previous refusal still on show is cleared once an edit succeeds.
    """
    if read_only:
        message.show_error(READ_ONLY)
        return None
    _started_by.append(origin)
    try:
        result = edit()
    except (FieldError, WorkspaceError, PermissionError) as exc:  # PermissionError: the folder refused a write
        message.show_error(not_saved(str(exc), refused_then))
        if on_refused is not None:
            on_refused()
        return None
    finally:
        _started_by.pop()
    if message.is_error:
        message.clear()
    return result


def not_saved(reason: str, then: str = "") -> str:
    """``Not saved — <reason>.<then>``: the reason ended as a sentence, whether or not its rule wrote the stop."""
    ended = reason if reason.endswith((".", "!", "?")) else f"{reason}."
    return f"Not saved — {ended}{then}"


def started_by() -> object | None:
    """The widget whose ``run_edit`` is running now (None outside one, or for an edit started elsewhere)."""
    return _started_by[-1] if _started_by else None
