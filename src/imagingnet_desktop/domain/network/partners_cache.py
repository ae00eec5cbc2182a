"""Remember what was worked out from a set of partners, for the last few sets seen.

Why: a blend slider re-runs the share table on every move, but only the blend changes; the five
bases, each partner's spread and the gains against equal shares depend on the partners alone.
``Partner`` is a frozen, hashable dataclass, so the partners tuple is the key.

Exactness: dataclass equality treats ``Decimal("1.0")`` and ``Decimal("1.00")`` (or ``1`` and
``Decimal(1)``) as equal, yet a result may show the figure as given.  So a remembered result is
only reused for the very same ``Partner`` objects (``is``); equal but different objects recompute
and replace it.  The workspace hands the same objects on every slider move, so that costs nothing.
Results are shared between callers: treat them as read-only, like the frozen dataclasses they are.
"""

from __future__ import annotations

import operator
import threading
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from imagingnet_desktop.domain.network.partner import Partner

T = TypeVar("T")


class PartnersCache(Generic[T]):
    """``cache(partners)`` is ``compute(tuple(partners))``, remembered for the last ``size`` tuples."""

    def __init__(self, compute: Callable[[tuple[Partner, ...]], T], size: int = 8) -> None:
        self._compute = compute
        self._size = size
        self._entries: dict[tuple[Partner, ...], tuple[tuple[Partner, ...], T]] = {}
        self._lock = threading.Lock()

    def __call__(self, partners: Iterable[Partner]) -> T:
        key = tuple(partners)
        try:
            hit = self._entries.get(key)
        except TypeError:  # an unhashable figure slipped into a partner: just work it out
            return self._compute(key)
        if hit is not None and len(hit[0]) == len(key) and all(map(operator.is_, hit[0], key)):
            return hit[1]
        value = self._compute(key)  # may raise; nothing is remembered then
        with self._lock:
            self._entries.pop(key, None)
            while len(self._entries) >= self._size:
                del self._entries[next(iter(self._entries))]  # the oldest first
            self._entries[key] = (key, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
