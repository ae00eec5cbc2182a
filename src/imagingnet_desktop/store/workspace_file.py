"""Open, create, migrate and close a workspace file; every write goes through ``transaction()``.

Rules kept here: a file that is not a workspace, is damaged or is newer than the app is never written;
an older one is backed up before it is migrated; WAL while open, a single self-contained file after a clean
close; a second opener is refused while the first holds the file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from imagingnet_desktop.store import locking
from imagingnet_desktop.store.errors import (
    NotAWorkspaceError,
    WorkspaceExistsError,
    WorkspaceInUseError,
    WorkspaceMissingError,
    WorkspaceTooNewError,
)
from imagingnet_desktop.store.migrations.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

_SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_header(path: Path) -> None:
    """Cheap checks before SQLite sees the file: the magic string and a size that matches the header."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except FileNotFoundError:
        raise WorkspaceMissingError(f"There is no workspace at {path}.") from None
    except IsADirectoryError:
        raise NotAWorkspaceError(f"{path} is a folder, not an ImagingNet workspace file.") from None
    except PermissionError:
        raise NotAWorkspaceError(f"{path} cannot be read (permission denied).") from None
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise NotAWorkspaceError(f"{path.name} is not an ImagingNet workspace (it is not a database file).")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages and size < page_size * pages:
        raise NotAWorkspaceError(
            f"{path.name} is damaged: it is shorter than it should be (truncated). "
            "Open a backup or an e-mailed copy instead."
        )


def _read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without writing anything, beside it or in it.

    A WAL-mode file that nobody has open (no ``-wal`` beside it) is opened ``immutable``: a plain read-only
    connection would create ``-wal`` and ``-shm`` files next to a file we promised to leave untouched.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    with contextlib.suppress(OSError), path.open("rb") as handle:
        header = handle.read(20)
        if header[18:20] == b"\x02\x02" and not Path(f"{path}-wal").exists():
            uri += "&immutable=1"
    return uri


def inspect(path: Path) -> int:
    """Check ``path`` is a workspace this app can open, without changing it. Returns its schema version."""
    _check_header(path)
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise NotAWorkspaceError(f"{path.name} cannot be opened: {exc}.") from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAWorkspaceError(f"{path.name} is a database but not an ImagingNet workspace.")
        if version > SCHEMA_VERSION:
            raise WorkspaceTooNewError(
                f"{path.name} was saved by a newer version of ImagingNet Desktop (file format {version}; "
                f"this version reads up to {SCHEMA_VERSION}). Update the app to open it; the file is unchanged."
            )
        status = conn.execute("PRAGMA quick_check").fetchone()[0]
        if status != "ok":
            raise NotAWorkspaceError(f"{path.name} is damaged ({status}). Open a backup instead.")
    except sqlite3.DatabaseError as exc:
        raise NotAWorkspaceError(f"{path.name} is damaged or not a workspace ({exc}).") from None
    finally:
        conn.close()
    return int(version)


class WorkspaceFile:
    """An open workspace file. Use ``open``, ``create`` or ``open_read_only``; always ``close``."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool, token: str | None) -> None:
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._token = token
        self.backup_path: Path | None = None

    # ----------------------------------------------------------------- opening
    @classmethod
    def open_read_only(cls, path: str | os.PathLike[str]) -> WorkspaceFile:
        """For commands that only read: the file is never modified."""
        path = Path(path)
        version = inspect(path)
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
        if version >= SCHEMA_VERSION:
            return cls(path, conn, read_only=True, token=None)
        memory = sqlite3.connect(":memory:", isolation_level=None)  # an older format is read as this one:
        try:  # migrated in a copy in memory, so the file itself is never changed
            conn.backup(memory)
        finally:
            conn.close()
        workspace = cls(path, memory, read_only=True, token=None)
        workspace._migrate(version)
        return workspace

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, take_over: bool = False) -> WorkspaceFile:
        """Open for editing. Raises ``WorkspaceInUseError`` when another copy of the app holds it."""
        path = Path(path)
        version = inspect(path)
        backup = _backup_before_migrating(path, version) if version < SCHEMA_VERSION else None
        conn = _connect_for_writing(path)
        workspace = cls(path, conn, read_only=False, token=None)
        try:
            if version < SCHEMA_VERSION:
                workspace._migrate(version)
            workspace._acquire_lock(take_over=take_over)
        except BaseException:
            with contextlib.suppress(sqlite3.Error):  # back to one self-contained file, unless in use
                conn.execute("PRAGMA journal_mode = DELETE")
            conn.close()
            raise
        workspace.backup_path = backup
        return workspace

    @classmethod
    def create(cls, path: str | os.PathLike[str]) -> WorkspaceFile:
        path = Path(path)
        if path.exists():
            raise WorkspaceExistsError(f"{path} already exists; choose another name.")
        if not path.parent.is_dir():
            raise WorkspaceMissingError(f"The folder {path.parent} does not exist.")
        conn = _connect_for_writing(path)
        workspace = cls(path, conn, read_only=False, token=None)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            workspace._migrate(0)
            workspace._acquire_lock(take_over=False)
        except BaseException:
            conn.close()
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        return workspace

    # ----------------------------------------------------------------- writing
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One committed edit: all of it or none of it. Checks we still hold the file."""
        if self.read_only:
            raise PermissionError("This workspace is open read-only.")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self._verify_lock()
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            _roll_back(self.conn)
            raise

    def close(self) -> None:
        """Release the file. After the last connection it is one self-contained file (no -wal, -shm)."""
        if self.conn is None:
            return
        try:
            if not self.read_only:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("DELETE FROM session_lock WHERE token = ?", (self._token,))
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    # ----------------------------------------------------------------- internals
    def _migrate(self, from_version: int) -> None:
        from sqlite_utils import Database  # only when a file is created or migrated

        db = Database(self.conn)
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for step in MIGRATIONS[from_version:]:
                step(db)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.conn.execute("COMMIT")
        except BaseException:
            _roll_back(self.conn)
            raise
        # Into the main file now: a copy of it taken while the app is open (a backup tool, a sync folder)
        # is then a workspace of this format rather than an empty database missing its -wal.
        self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _acquire_lock(self, *, take_over: bool) -> None:
        token = os.urandom(16).hex()  # uuid would import platform on the start-up path
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            row = self.conn.execute("SELECT pid, host, opened_at FROM session_lock WHERE id = 1").fetchone()
            if row and not take_over and locking.holder_is_active(row[0], row[1]):
                raise WorkspaceInUseError(
                    f"{self.path.name} is already open in ImagingNet Desktop on {row[1]} "
                    f"(since {row[2][:16].replace('T', ' ')} UTC). Close it there first, so that "
                    "neither copy overwrites the other's edits."
                )
            self.conn.execute(
                "INSERT OR REPLACE INTO session_lock (id, token, pid, host, opened_at) VALUES (1, ?, ?, ?, ?)",
                (token, os.getpid(), locking.this_host(), datetime.now(UTC).isoformat(timespec="seconds")),
            )
            self.conn.execute("COMMIT")
        except BaseException:
            _roll_back(self.conn)
            raise
        self._token = token

    def _verify_lock(self) -> None:
        row = self.conn.execute("SELECT token, host FROM session_lock WHERE id = 1").fetchone()
        if row is None or row[0] != self._token:
            holder = f" on {row[1]}" if row else ""
            raise WorkspaceInUseError(
                f"{self.path.name} has been opened elsewhere{holder} since you opened it; "
                "this edit was not saved so as not to overwrite theirs. Reopen the workspace."
            )


def _roll_back(conn: sqlite3.Connection) -> None:
    """Undo the open transaction, if any: a failed COMMIT may or may not have ended it already."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _connect_for_writing(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + ("?mode=rw" if path.exists() else "?mode=rwc")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _backup_before_migrating(path: Path, version: int) -> Path:
    """Copy an older workspace aside, untouched, before it is migrated."""
    backup = path.with_name(f"{path.stem}.format{version}-backup{path.suffix}")
    n = 2
    while backup.exists():
        backup = path.with_name(f"{path.stem}.format{version}-backup-{n}{path.suffix}")
        n += 1
    source = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        target = sqlite3.connect(backup)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return backup
