"""``imagingnet report --json`` carries the record: counts of decisions and actions, and revealed motions."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from imagingnet_desktop.domain.record.entries import EntryKind, EntryStatus
from imagingnet_desktop.domain.record.motions import VoteChoice
from imagingnet_desktop.workspace.network.partner_import import create_demo
from imagingnet_desktop.workspace.record.entries import add_entry, edit_entry
from imagingnet_desktop.workspace.record.motions import cast_vote, new_motion, reveal


def test_the_report_command_prints_the_record_key_as_agreed(tmp_path: Path) -> None:
    path = tmp_path / "record.imagingnet"
    ws = create_demo(path)
    today = date.today()
    partners = ws.network.partners
    add_entry(ws, EntryKind.DECISION, "Proceed to the SOC")
    add_entry(ws, EntryKind.ACTION, "Late", due=today - timedelta(days=1), owner_partner_id=partners[0].id)
    add_entry(ws, EntryKind.ACTION, "Due today", due=today)
    done = add_entry(ws, EntryKind.ACTION, "Done already", due=today - timedelta(days=9))
    edit_entry(ws, done.id, status=EntryStatus.DONE)
    add_entry(ws, EntryKind.ISSUE, "Who hosts PACS? ŵ & <é>")
    shown = new_motion(ws, "Adopt the MOU — \"draft 3\"")
    for partner, choice in zip(partners, [VoteChoice.FOR, VoteChoice.FOR, VoteChoice.FOR, VoteChoice.AGAINST,
                                          VoteChoice.ABSTAIN], strict=True):
        cast_vote(ws, shown.id, partner.id, choice)
    reveal(ws, shown.id)
    hidden = new_motion(ws, "Still voting")
    cast_vote(ws, hidden.id, partners[0].id, VoteChoice.AGAINST)
    ws.close()

    result = subprocess.run([sys.executable, "-m", "imagingnet_desktop", "report", str(path), "--json"],
                            capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["record"] == {
        "decisions": 2,  # the typed one and the motion's result
        "open_actions": 2,
        "overdue_actions": 1,
        "motions": [{"title": "Adopt the MOU — \"draft 3\"", "result": "passed", "for": ["NSH", "EMV", "KBD"],
                     "against": ["SMC"], "abstain": ["WBK"]}],
    }
    assert report["network"]["record"] == report["record"]
