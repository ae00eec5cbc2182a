"""``imagingnet``: the commands that open no window never import Qt."""

from __future__ import annotations

import gc
import sys

WINDOWLESS_COMMANDS = frozenset({"new", "import-partners", "report", "analyse", "export", "snapshot", "changes",
                                 "--version", "-V", "--help", "-h"})


def _mistyped_command(args: list[str]) -> str | None:
    """``imagingnet reprot`` or ``imagingnet reprot x``: a first word that is no file, has no file suffix and no
    folder in it is a mistyped command, not a workspace (``imagingnet network.imagingnet`` opens the window on
    that file, and so does an existing file of any name)."""
    from pathlib import Path

    words = [a for a in args if a != "--exit-after-start"]
    if not words:
        return None
    first = words[0]
    if first.startswith("-") or Path(first).suffix or "/" in first or "\\" in first or Path(first).exists():
        return None
    return first


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in WINDOWLESS_COMMANDS:
        from imagingnet_desktop.cli import run

        return run(args)
    mistyped = _mistyped_command(args) if args else None
    if mistyped is not None:
        from imagingnet_desktop.cli import unknown_command

        return unknown_command(mistyped)
    # Start-up makes many objects that live as long as the app (modules, Qt's enums, widgets): the cyclic
    # collector sweeping them while they are made is wasted work, some 20 ms of CPU here. ``run_app`` turns it
    # back on once the window is built and the workspace open; ``finally`` makes sure of it on any way out.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from imagingnet_desktop.app import run_app

        return run_app(args)
    finally:
        if collecting:
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
