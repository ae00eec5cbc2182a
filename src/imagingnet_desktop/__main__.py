"""``imagingnet``: the commands that open no window never import Qt."""

from __future__ import annotations

import sys

WINDOWLESS_COMMANDS = frozenset({"new", "import-partners", "report", "export", "snapshot", "changes", "--version", "-V", "--help", "-h"})


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in WINDOWLESS_COMMANDS:
        from imagingnet_desktop.cli import run

        return run(args)
    from imagingnet_desktop.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
