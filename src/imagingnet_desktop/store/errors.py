"""Why a workspace file could not be opened or written. ``str()`` is the message for the user."""


class WorkspaceError(Exception):
    """Base of every problem with a workspace file."""


class WorkspaceMissingError(WorkspaceError):
    pass


class NotAWorkspaceError(WorkspaceError):
    pass


class WorkspaceTooNewError(WorkspaceError):
    pass


class WorkspaceInUseError(WorkspaceError):
    pass


class WorkspaceExistsError(WorkspaceError):
    pass
