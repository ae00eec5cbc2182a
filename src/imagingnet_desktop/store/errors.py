"""Why a workspace file could not be opened or written. ``str()`` is the message for the user.

``details`` holds anything longer (SQLite's own report on a damaged file, say): shown only on request
(``--details`` on the command line, the Details button of the window's message box).
"""


class WorkspaceError(Exception):
    """Base of every problem with a workspace file."""

    def __init__(self, message: str = "", *, details: str = "") -> None:
        super().__init__(message)
        self.details = details


class WorkspaceMissingError(WorkspaceError):
    pass


class NotAWorkspaceError(WorkspaceError):
    pass


class WorkspaceTooNewError(WorkspaceError):
    pass


class WorkspaceInUseError(WorkspaceError):
    """``can_take_over`` is False when the holder is another copy of the app on this computer (it holds the
    operating system's lock): that copy is running, so taking the file from it is never offered."""

    def __init__(self, message: str = "", *, details: str = "", can_take_over: bool = True) -> None:
        super().__init__(message, details=details)
        self.can_take_over = can_take_over


class WorkspaceExistsError(WorkspaceError):
    pass


class WorkspaceSaveError(WorkspaceError):
    """An edit could not be written (disk full, read-only file, an I/O error): it was not saved, and the
    workspace in memory is as it was before the edit. Every edit committed before it is still in the file."""


class WorkspaceReadOnlyError(WorkspaceSaveError):
    """The file, or its folder, cannot be written: it can be opened read-only (``open_read_only``)."""


class OpenedReadOnlyError(WorkspaceReadOnlyError, PermissionError):
    """An edit asked of a workspace opened read-only (``open_read_only``): refused, nothing written."""
