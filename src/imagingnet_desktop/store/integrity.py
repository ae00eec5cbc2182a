"""Is this file a workspace the app can use? Every check reads only, so a refused file and its folder are left
byte-for-byte as they were.

The checks, in order: the header (the magic string; the size the header gives, unless a ``-wal`` holds the
rest: then SQLite decides), the application id, the format version (not negative, not newer), SQLite's full
``integrity_check``, the tables and columns of that version (``schema_check``) and every stored row
(``row_check``).

How the file is read for them, without creating anything beside it:
- no ``-wal`` (a closed workspace): ``immutable`` (a WAL-mode copy) or plain read-only;
- a ``-wal`` and a copy of the app holding the file (the operating system's lock): read-only through its
  ``-shm``, which sees that copy's latest committed edits;
- a ``-wal`` nobody holds (the app was killed, or ran out of space): the file and its ``-wal`` are copied to
  a scratch folder and SQLite recovers the copy there. A ``-wal`` that does not belong to the file (another
  workspace's, or one that turns the file into something that is not a workspace) is never applied.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from imagingnet_desktop.store import file_lock
from imagingnet_desktop.store.errors import NotAWorkspaceError, WorkspaceMissingError, WorkspaceTooNewError
from imagingnet_desktop.store.migrations.schema import APPLICATION_ID, SCHEMA_VERSION
from imagingnet_desktop.store.row_check import check_rows
from imagingnet_desktop.store.schema_check import expected, schema_problems

_SQLITE_MAGIC = b"SQLite format 3\x00"
_WAL_MAGIC = (0x377F0682, 0x377F0683)
MAX_DETAIL_LINES = 200


@dataclass
class Examination:
    version: int
    read_uri: str  # how to read the file as checked, creating nothing beside it
    scratch: Path | None = None  # a folder holding the recovered copy that ``read_uri`` names (the caller removes it)
    notices: tuple[str, ...] = ()

    def discard(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None


def wal_path(path: Path) -> Path:
    return Path(f"{path}-wal")


def examine(path: Path, *, reading: bool) -> Examination:
    """Check ``path`` (see the module's docstring). ``reading``: a foreign ``-wal`` is left out, with a notice,
    rather than refusing the file. Raises ``WorkspaceError`` subclasses with a one-line message."""
    page_size = _check_header(path)
    wal = wal_path(path)
    has_wal = _holds_something(wal)
    journal = Path(f"{path}-journal")
    if not has_wal and _holds_something(journal):  # killed while leaving WAL mode: SQLite rolls it back
        return _recovered_copy(path, journal)
    if not has_wal:
        return _checked(path, _main_file_uri(path))
    if Path(f"{path}-shm").exists() and (
        file_lock.held_by_this_process(path) or file_lock.held_by_another_process(path)
    ):
        return _checked(path, _uri(path, "mode=ro"))  # a copy of the app is editing it: read through its -shm
    foreign = _wal_page_size(wal) not in (None, page_size)
    scratch = Path(tempfile.mkdtemp(prefix="imagingnet-check-"))
    try:
        copy = scratch / "recovered.imagingnet"
        shutil.copyfile(path, copy)
        shutil.copyfile(wal, wal_path(copy))
        combined: Examination | None = None
        problem: NotAWorkspaceError | None = None
        if not foreign:
            try:
                combined = _checked(path, _uri(copy, "mode=rw"))  # ours: SQLite may rebuild its index
            except NotAWorkspaceError as exc:
                problem = exc
        alone = _try_main_alone(path)
        if alone is None and combined is None:
            raise problem or NotAWorkspaceError(f"{path.name} is damaged or not a workspace.")
        if combined is not None and (alone is None or _same_workspace(copy, path)):
            combined.scratch = scratch
            return combined
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    shutil.rmtree(scratch, ignore_errors=True)
    assert alone is not None
    message = (f"The file {wal.name} beside {path.name} does not belong to it (it is another database's, or "
               f"damaged)")
    if not reading:
        raise NotAWorkspaceError(
            f"{message}, so it was not applied and nothing was changed. To open the workspace as it was last "
            f"closed, move {wal.name} out of the folder first.",
            details=str(problem or ""),
        )
    alone.notices = (*alone.notices, f"{message}: it was left out, so this is the workspace as last closed.")
    return alone


def _holds_something(sidecar: Path) -> bool:
    try:
        return sidecar.is_file() and sidecar.stat().st_size > 0
    except OSError:
        return False


def _recovered_copy(path: Path, journal: Path) -> Examination:
    """Check a copy of the file and its hot ``-journal``, recovered by SQLite in a scratch folder."""
    scratch = Path(tempfile.mkdtemp(prefix="imagingnet-check-"))
    try:
        copy = scratch / "recovered.imagingnet"
        shutil.copyfile(path, copy)
        shutil.copyfile(journal, f"{copy}-journal")
        examination = _checked(path, _uri(copy, "mode=rw"))
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    examination.scratch = scratch
    return examination


# ----------------------------------------------------------------------------- the checks


def _checked(path: Path, uri: str) -> Examination:
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise NotAWorkspaceError(f"{path.name} cannot be opened: {exc}.") from None
    try:
        return _check_connection(path, conn, uri)
    except sqlite3.DatabaseError as exc:
        raise NotAWorkspaceError(f"{path.name} is damaged or not a workspace ({exc}).") from None
    finally:
        conn.close()


def _check_connection(path: Path, conn: sqlite3.Connection, uri: str) -> Examination:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise NotAWorkspaceError(f"{path.name} is a database but not an ImagingNet workspace.")
    if version > SCHEMA_VERSION:
        raise WorkspaceTooNewError(
            f"{path.name} was saved by a newer version of ImagingNet Desktop (file format {version}; "
            f"this version reads up to {SCHEMA_VERSION}). Update the app to open it; the file is unchanged."
        )
    if version < 0:
        raise NotAWorkspaceError(
            f"{path.name} is not a workspace this app can read: its format number ({version}) is not one that "
            "ImagingNet Desktop ever wrote. The file is unchanged."
        )
    lines = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(1000)")]
    if lines != ["ok"]:
        more = f"; {len(lines)} problems in all" if len(lines) > 1 else ""
        raise NotAWorkspaceError(
            f"{path.name} is damaged ({_clip(lines[0])}{more}). Open a backup instead; the file is unchanged.",
            details="\n".join(lines[:MAX_DETAIL_LINES]),
        )
    problems = schema_problems(conn, version)
    if not problems:
        problems = check_rows(conn, expected(version)).problems
    if problems:
        raise NotAWorkspaceError(
            f"{path.name} cannot be opened: it is marked as a workspace but its contents are not a workspace's "
            f"({_clip(problems[0], 160)}). The file is unchanged.",
            details="\n".join(problems[:MAX_DETAIL_LINES]),
        )
    return Examination(version, uri)


def _check_header(path: Path) -> int:
    """Cheap checks before SQLite sees the file; returns the page size."""
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
    wal_holds_more = _holds_something(wal_path(path)) or _holds_something(Path(f"{path}-journal"))
    if pages and size < page_size * pages and not wal_holds_more:  # a -wal or -journal: SQLite decides
        raise NotAWorkspaceError(
            f"{path.name} is damaged: it is shorter than it should be (truncated). "
            "Open a backup or an e-mailed copy instead."
        )
    return page_size


def _wal_page_size(wal: Path) -> int | None:
    """The page size a ``-wal`` header gives, or None when it has no valid header (SQLite then ignores it)."""
    try:
        with wal.open("rb") as handle:
            header = handle.read(32)
    except OSError:
        return None
    if len(header) < 32 or int.from_bytes(header[0:4], "big") not in _WAL_MAGIC:
        return None
    return int.from_bytes(header[8:12], "big")


def _try_main_alone(path: Path) -> Examination | None:
    try:
        return _checked(path, _uri(path, "mode=ro&immutable=1"))
    except NotAWorkspaceError:
        return None


def _same_workspace(recovered: Path, original: Path) -> bool:
    """False when the ``-wal`` carries another workspace's identity (``stamp`` puts it in every commit)."""
    ours = _workspace_id(_uri(original, "mode=ro&immutable=1"))
    return ours is None or _workspace_id(_uri(recovered, "mode=rw")) == ours


def _workspace_id(uri: str) -> str | None:
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'workspace_id'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _uri(path: Path, query: str) -> str:
    return f"{path.resolve().as_uri()}?{query}"


def _main_file_uri(path: Path) -> str:
    """``immutable`` for a WAL-mode file nobody has open: a plain read-only connection would create -wal and
    -shm beside it."""
    with path.open("rb") as handle:
        header = handle.read(20)
    return _uri(path, "mode=ro&immutable=1" if header[18:20] == b"\x02\x02" else "mode=ro")


def _clip(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ----------------------------------------------------------------------------- written with every commit


def stamp(conn: sqlite3.Connection) -> None:
    """Inside a write transaction: give the workspace its identity if it has none, and count the save.

    The count changes the page holding the identity, so every commit in a ``-wal`` carries it, and a ``-wal``
    from another workspace is recognised (``_same_workspace``).
    """
    conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('workspace_id', ?)", (os.urandom(12).hex(),))
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('saves', '1') "
        "ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
    )
