"""``Tab`` and ``run_edit``: a tab hears every change with who started it, refusals and failures are shown where
the person acted, and a detached tab hears nothing more."""

from __future__ import annotations

from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.store.errors import WorkspaceError
from imagingnet_desktop.ui.common.inline_message import InlineMessage
from imagingnet_desktop.ui.common.run_edit import READ_ONLY, run_edit, started_by
from imagingnet_desktop.ui.common.tab import Tab
from imagingnet_desktop.workspace.changes import Change
from imagingnet_desktop.workspace.network.partner_commands import rename_network


class HearingTab(Tab):
    def __init__(self, workspace, parent=None) -> None:
        super().__init__(workspace, parent)
        self.heard: list[tuple[Change, bool]] = []
        self.message = InlineMessage(self)

    def workspace_changed(self, change: Change, *, started_here: bool) -> None:
        self.heard.append((change, started_here))


def test_a_tab_knows_its_own_edits_from_the_others(workspace, qtbot) -> None:
    tab = HearingTab(workspace)
    other = HearingTab(workspace)
    qtbot.addWidget(tab)
    qtbot.addWidget(other)
    assert run_edit(lambda: rename_network(workspace, "Renamed here"), tab.message, origin=tab.message) is not None
    assert tab.heard == [(Change.NETWORK_NAME | Change.UNDO_STACK, True)]  # its own child started it
    assert other.heard == [(Change.NETWORK_NAME | Change.UNDO_STACK, False)]
    workspace.undo()
    assert tab.heard[-1] == (Change.NETWORK_NAME | Change.UNDO_STACK, False) and started_by() is None
    tab.detach()
    rename_network(workspace, "After detach")
    assert len(tab.heard) == 2 and len(other.heard) == 3
    other.detach()


def test_refusals_and_failures_are_shown_in_the_message_and_put_back(workspace, qtbot) -> None:
    message = InlineMessage()
    qtbot.addWidget(message)
    put_back: list[bool] = []

    def refuse() -> None:
        raise FieldError("The network needs a name")

    assert run_edit(refuse, message, refused_then=" Kept.", on_refused=lambda: put_back.append(True)) is None
    assert message.is_error and message.text().endswith("Not saved — The network needs a name. Kept.")
    assert put_back == [True]

    def fail() -> None:
        raise WorkspaceError("the disk is full")

    assert run_edit(fail, message) is None and "Not saved — the disk is full" in message.text()
    assert run_edit(lambda: 42, message) == 42 and not message.is_error and message.text() == ""
    assert run_edit(lambda: 42, message, read_only=True) is None and READ_ONLY in message.text()
