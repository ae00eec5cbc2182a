"""Content shipped with the app (the demo network, templates), found through importlib.resources."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(name: str) -> Traversable:
    return files(__name__) / name
