"""The one error a typed value raises when it cannot go into a field (every area's checks raise it)."""

from __future__ import annotations


class FieldError(ValueError):
    """A value that cannot go into a field; ``str()`` is the user-facing message."""
