"""domain: voting — weighted games, exact power indices, decision rules and minimal coalitions.

``power_indices`` is importable from here as before; it is loaded on first use so that importing the rules
(no numpy) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from imagingnet_desktop.domain.voting.power import PowerIndices, power_indices

__all__ = ["PowerIndices", "power_indices"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from imagingnet_desktop.domain.voting import power

        return getattr(power, name)
    raise AttributeError(name)
