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

from imagingnet_desktop.store import file_lock, integrity, locking
from imagingnet_desktop.store.errors import (
    OpenedReadOnlyError,
    WorkspaceExistsError,
    WorkspaceInUseError,
    WorkspaceMissingError,
    WorkspaceReadOnlyError,
)
from imagingnet_desktop.store.migrations.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from imagingnet_desktop.store.save_errors import CREATE, OPEN, as_save_error, cause


def inspect(path: Path) -> int:
    """Check ``path`` is a workspace this app can open, without changing it. Returns its schema version.

    See ``integrity.examine``: the header, the id, the version, ``integrity_check``, the schema, every row.
    """
    examination = integrity.examine(path, reading=False)
    examination.discard()
    return examination.version


def _read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` as it is on disk, without writing anything beside it or in it."""
    return integrity._main_file_uri(path)


class WorkspaceFile:
    """An open workspace file. Use ``open``, ``create`` or ``open_read_only``; always ``close``."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool, token: str | None) -> None:
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._token = token
        self.backup_path: Path | None = None
        self.notices: tuple[str, ...] = ()  # things the user should be told about the file as opened
        self.close_problem: str | None = None  # set when ``close`` could not make the file self-contained
        self._os_lock: file_lock.OsLock | None = None
        self._examination: integrity.Examination | None = None

    # ----------------------------------------------------------------- opening
    @classmethod
    def open_read_only(cls, path: str | os.PathLike[str]) -> WorkspaceFile:
        """For commands that only read: the file is never modified."""
        path = Path(path)
        examination = integrity.examine(path, reading=True)
        try:
            conn = sqlite3.connect(examination.read_uri, uri=True)
            if examination.version < SCHEMA_VERSION:  # an older format is read as this one: migrated in a
                memory = sqlite3.connect(":memory:", isolation_level=None)  # copy in memory, never in the file
                try:
                    conn.backup(memory)
                finally:
                    conn.close()
                conn = memory
        except BaseException:
            examination.discard()
            raise
        reader = cls(path, conn, read_only=True, token=None)
        reader._take_examination(examination)
        if examination.version < SCHEMA_VERSION:
            reader._migrate(examination.version)
        return reader

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, take_over: bool = False) -> WorkspaceFile:
        """Open for editing. Raises ``WorkspaceInUseError`` when another copy of the app holds it."""
        path = Path(path)
        if file_lock.held_by_another_process(path):
            raise _in_use_on_this_computer(path)
        examination = integrity.examine(path, reading=False)
        examination.discard()
        version = examination.version
        _check_writable(path)
        opened_here_already = file_lock.held_by_this_process(path)
        os_lock = file_lock.acquire(path)
        if os_lock is None:
            raise _in_use_on_this_computer(path)
        conn: sqlite3.Connection | None = None
        try:
            backup = _backup_before_migrating(path, version) if version < SCHEMA_VERSION else None
            conn = _connect_for_writing(path)
            workspace = cls(path, conn, read_only=False, token=None)
            if version < SCHEMA_VERSION:
                workspace._migrate(version)
            workspace._acquire_lock(take_over=take_over, opened_here_already=opened_here_already)
        except BaseException as exc:
            if conn is not None:
                with contextlib.suppress(sqlite3.Error):  # back to one self-contained file, unless in use
                    conn.execute("PRAGMA journal_mode = DELETE")
                conn.close()
            os_lock.release()
            mapped = as_save_error(exc, path, OPEN)
            if mapped is not None:
                raise mapped from exc
            raise
        workspace.backup_path = backup
        workspace._os_lock = os_lock
        workspace._take_examination(examination)
        return workspace

    @classmethod
    def create(cls, path: str | os.PathLike[str]) -> WorkspaceFile:
        path = Path(path)
        if path.exists():
            raise WorkspaceExistsError(f"{path} already exists; choose another name.")
        if not path.parent.is_dir():
            raise WorkspaceMissingError(f"The folder {path.parent} does not exist.")
        if not os.access(path.parent, os.W_OK):
            raise WorkspaceReadOnlyError(f"{path.name} was not created: the folder {path.parent} is read-only.")
        workspace: WorkspaceFile | None = None
        try:
            conn = _connect_for_writing(path)
            workspace = cls(path, conn, read_only=False, token=None)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            workspace._migrate(0)
            workspace._os_lock = file_lock.acquire(path)
            workspace._acquire_lock(take_over=False)
        except BaseException as exc:
            if workspace is not None:
                workspace.discard_new()
            else:
                _remove_new_file(path)
            mapped = as_save_error(exc, path, CREATE)
            if mapped is not None:
                raise mapped from exc
            raise
        return workspace

    def discard_new(self) -> None:
        """Close and delete a workspace this process has just created (its first write failed)."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        self.conn = None  # type: ignore[assignment]
        if self._os_lock is not None:
            self._os_lock.release()
            self._os_lock = None
        _remove_new_file(self.path)

    def _take_examination(self, examination: integrity.Examination) -> None:
        self._examination = examination  # for a reader: its scratch copy lives until ``close``
        self.notices = examination.notices

    # ----------------------------------------------------------------- writing
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One committed edit: all of it or none of it. Checks we still hold the file."""
        if self.read_only:
            raise OpenedReadOnlyError("This workspace is open read-only: nothing can be changed, and nothing was.")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self._verify_lock()
            yield self.conn
            integrity.stamp(self.conn)
            self.conn.execute("COMMIT")
        except BaseException as exc:
            _roll_back(self.conn)
            mapped = as_save_error(exc, self.path)
            if mapped is not None:
                raise mapped from exc
            raise

    def close(self) -> None:
        """Release the file. After the last connection it is one self-contained file (no -wal, -shm)."""
        if self.conn is None:
            return
        try:
            if not self.read_only:
                try:
                    self.conn.execute("DELETE FROM session_lock WHERE token = ?", (self._token,))
                    self.conn.execute("PRAGMA journal_mode = DELETE")
                except sqlite3.Error as exc:
                    _roll_back(self.conn)
                    found = cause(exc)
                    why = (found[0].value + (f" ({found[1]})" if found[1] else "")) if found is not None else str(exc)
                    self.close_problem = (
                        f"{self.path.name} could not be made into one self-contained file ({why}). "
                        f"Every saved edit is kept in it and in {self.path.name}-wal beside it: keep the two "
                        "together; the next open tidies them."
                    )
        finally:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]
            if self._os_lock is not None:
                self._os_lock.release()
                self._os_lock = None
            if self._examination is not None:
                self._examination.discard()
                self._examination = None

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

    def _acquire_lock(self, *, take_over: bool, opened_here_already: bool = True) -> None:
        token = os.urandom(16).hex()  # uuid would import platform on the start-up path
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            row = self.conn.execute("SELECT pid, host, opened_at FROM session_lock WHERE id = 1").fetchone()
            ours_but_stale = bool(row) and row[0] == os.getpid() and row[1] == locking.this_host() \
                and not opened_here_already  # this process holds no other copy: a row copied with the file
            if row and not take_over and not ours_but_stale and locking.holder_is_active(row[0], row[1]):
                raise WorkspaceInUseError(
                    f"{self.path.name} is already open in ImagingNet Desktop on {row[1]} "
                    f"(since {row[2][:16].replace('T', ' ')} UTC). Close it there first, so that "
                    "neither copy overwrites the other's edits."
                )
            self.conn.execute(
                "INSERT OR REPLACE INTO session_lock (id, token, pid, host, opened_at) VALUES (1, ?, ?, ?, ?)",
                (token, os.getpid(), locking.this_host(), datetime.now(UTC).isoformat(timespec="seconds")),
            )
            integrity.stamp(self.conn)
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
        with contextlib.suppress(sqlite3.Error):  # SQLite has rolled it back itself after an I/O error
            conn.execute("ROLLBACK")


def _remove_new_file(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _check_writable(path: Path) -> None:
    """Editing needs the file and its folder (SQLite writes its -wal and -shm beside the file)."""
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        which = "file" if not os.access(path, os.W_OK) else "folder it is in"
        raise WorkspaceReadOnlyError(
            f"{path.name} is read-only (the {which} cannot be written), so it can be read but not edited."
        )


def _in_use_on_this_computer(path: Path) -> WorkspaceInUseError:
    host, since = locking.this_host(), ""
    with contextlib.suppress(sqlite3.Error, OSError):
        uri = path.resolve().as_uri() + ("?mode=ro" if Path(f"{path}-shm").exists() else "?mode=ro&immutable=1")
        conn = sqlite3.connect(uri, uri=True)
        try:
            row = conn.execute("SELECT host, opened_at FROM session_lock WHERE id = 1").fetchone()
        finally:
            conn.close()
        if row:
            host, since = str(row[0]), f" (since {str(row[1])[:16].replace('T', ' ')} UTC)"
    return WorkspaceInUseError(
        f"{path.name} is already open in another copy of ImagingNet Desktop on this computer ({host}){since}. "
        "Close it there first, so that neither copy overwrites the other's edits.",
        can_take_over=False,
    )


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
    source = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)  # with its -wal, if it has one
    try:
        target = sqlite3.connect(backup)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return backup
