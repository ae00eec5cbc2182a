"""``imagingnet``: the commands that open no window never import Qt."""

from __future__ import annotations

import gc
import sys

WINDOWLESS_COMMANDS = frozenset({"new", "import-partners", "report", "analyse", "export", "snapshot", "changes",
                                 "--version", "-V", "--help", "-h"})


def _looks_like_a_command(args: list[str]) -> bool:
    """``imagingnet reprot x``: a first word that is no file, has no file suffix and is followed by more
    words is a mistyped command, not a workspace (the app opens one workspace at a time)."""
    from pathlib import Path

    first = args[0]
    rest = [a for a in args[1:] if a != "--exit-after-start"]
    return (bool(rest) and not first.startswith("-") and not Path(first).suffix and not Path(first).exists()
            and "/" not in first and "\\" not in first)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in WINDOWLESS_COMMANDS:
        from imagingnet_desktop.cli import run

        return run(args)
    if args and _looks_like_a_command(args):
        from imagingnet_desktop.cli import unknown_command

        return unknown_command(args[0])
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
