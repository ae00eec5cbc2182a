"""A child process for the close-kill test (run as a script, never imported by the app).

    python close_killer.py WORKSPACE START   for k = START, START+1, ...: open, rename the network to
                                              "Closed k" and write ~20 KB of notes (committed), print
                                              "closing k", close, print "closed k"
"""

from __future__ import annotations

import sys
from itertools import count

from imagingnet_desktop.workspace.network.partner_commands import rename_network
from imagingnet_desktop.workspace.shares_votes.scenarios import SetTabState
from imagingnet_desktop.workspace.workspace import Workspace

if __name__ == "__main__":
    path, start = sys.argv[1], int(sys.argv[2])
    for k in count(start):
        workspace = Workspace.open(path)
        rename_network(workspace, f"Closed {k}")
        workspace.execute(SetTabState(f"notes.{k % 7}", {"text": f"note {k} " * 2500}, "notes"))
        print(f"closing {k}", flush=True)
        workspace.close()
        print(f"closed {k}", flush=True)
