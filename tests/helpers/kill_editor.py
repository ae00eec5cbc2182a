"""A child process for the kill-safety and opened-twice tests (run as a script, never imported by the app).

    python kill_editor.py edit WORKSPACE START   edit forever from edit number START; after each edit is
                                                 committed, print its number (flushed) on a line of its own
    python kill_editor.py hold WORKSPACE NAME    open, rename the network to NAME, print "ready", then wait
                                                 for stdin to close (or to be killed)

Edit number k is a pure function of k, so the test can rebuild what the file must hold after edits 0..k:
k % 3 == 0 sets the first partner's pay to k, k % 3 == 1 renames the network to ``network_name(k)``,
k % 3 == 2 adds a partner.
"""

from __future__ import annotations

import sys
from itertools import count

from imagingnet_desktop.workspace.network.partner_commands import (
    add_partner,
    edit_partner_field,
    rename_network,
)
from imagingnet_desktop.workspace.workspace import Workspace


def network_name(k: int) -> str:
    return f"Rhwydwaith ŵ {k} & <co>"


def apply_edit(workspace: Workspace, k: int) -> None:
    kind = k % 3
    if kind == 0:
        edit_partner_field(workspace, workspace.network.partners[0].id, "pay_cost_gbp", str(k))
    elif kind == 1:
        rename_network(workspace, network_name(k))
    else:
        add_partner(workspace)


def edit_forever(path: str, start: int) -> None:
    workspace = Workspace.open(path)
    print("open", flush=True)
    for k in count(start):
        apply_edit(workspace, k)
        print(k, flush=True)  # only after execute() returned: the edit is committed


def hold(path: str, name: str) -> None:
    workspace = Workspace.open(path)
    rename_network(workspace, name)
    print("ready", flush=True)
    sys.stdin.read()
    workspace.close()
    print("closed", flush=True)


if __name__ == "__main__":
    mode, target, argument = sys.argv[1:4]
    if mode == "edit":
        edit_forever(target, int(argument))
    else:
        hold(target, argument)
