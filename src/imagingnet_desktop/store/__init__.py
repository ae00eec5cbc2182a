"""The only code that touches SQLite: schema, migrations, rows <-> dataclasses."""

from imagingnet_desktop.store.errors import (
    NotAWorkspaceError,
    WorkspaceError,
    WorkspaceExistsError,
    WorkspaceInUseError,
    WorkspaceMissingError,
    WorkspaceReadOnlyError,
    WorkspaceSaveError,
    WorkspaceTooNewError,
)
from imagingnet_desktop.store.workspace_file import WorkspaceFile

__all__ = [
    "NotAWorkspaceError",
    "WorkspaceError",
    "WorkspaceExistsError",
    "WorkspaceFile",
    "WorkspaceInUseError",
    "WorkspaceMissingError",
    "WorkspaceReadOnlyError",
    "WorkspaceSaveError",
    "WorkspaceTooNewError",
]
