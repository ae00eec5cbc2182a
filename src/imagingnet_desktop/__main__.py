"""``imagingnet``: the commands that open no window never import Qt."""

from __future__ import annotations

import gc
import sys

WINDOWLESS_COMMANDS = frozenset({"new", "import-partners", "report", "export", "snapshot", "changes", "--version", "-V", "--help", "-h"})


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in WINDOWLESS_COMMANDS:
        from imagingnet_desktop.cli import run

        return run(args)
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
