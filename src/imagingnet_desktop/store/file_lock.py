"""The operating system's lock on an open workspace: two copies of the app on one computer can never both
hold it, whatever their process ids (a sandboxed copy in its own PID namespace included).

One byte of the workspace file itself is locked, far past its end (never read or written, and clear of the
bytes SQLite locks at 1 GiB), so nothing is created beside the file and a killed copy's lock goes with it.
Linux: an open-file-description lock (``F_OFD_SETLK``: unlike ``lockf`` it is not dropped when another
descriptor of the file is closed); other POSIX systems: ``flock`` on the file; Windows: ``msvcrt.locking``.

The lock is held once per process and file, shared by every ``WorkspaceFile`` this process opens on it: the
``session_lock`` row in the file still decides between them (and names the holder's computer).
"""

from __future__ import annotations

import os
import struct
import sys
import threading
from dataclasses import dataclass

if sys.platform == "win32":
    _OFFSET = 0x7FFF_0000  # msvcrt.locking seeks with a 32-bit offset
else:
    _OFFSET = 1 << 40

_registry: dict[tuple[int, int], _Held] = {}
_guard = threading.Lock()


@dataclass
class _Held:
    fd: int
    count: int


class OsLock:
    """This process's hold on one workspace file; ``release`` once."""

    def __init__(self, key: tuple[int, int] | None) -> None:
        self._key = key

    def release(self) -> None:
        key, self._key = self._key, None
        if key is None:
            return
        with _guard:
            held = _registry.get(key)
            if held is None:
                return
            held.count -= 1
            if held.count <= 0:
                del _registry[key]
                _unlock(held.fd)
                os.close(held.fd)


def acquire(path: os.PathLike[str] | str) -> OsLock | None:
    """Take the lock (or share this process's). None when another process holds it.

    A file system that offers no locks at all gets an ``OsLock`` that holds nothing: the ``session_lock``
    row is then the only guard, as it was before.
    """
    with _guard:
        key = _key(path)
        held = _registry.get(key)
        if held is not None:
            held.count += 1
            return OsLock(key)
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            taken = _try_lock(fd)
        except OSError:  # no locking here (some network shares): do without, as before
            os.close(fd)
            return OsLock(None)
        if not taken:
            os.close(fd)
            return None
        _registry[key] = _Held(fd, 1)
        return OsLock(key)


def held_by_another_process(path: os.PathLike[str] | str) -> bool:
    """True while another process holds the lock on ``path``. Never takes it, never writes."""
    with _guard:
        try:
            key = _key(path)
        except OSError:
            return False
        if key in _registry:
            return False
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError:
            return False
        try:
            return _probe(fd)
        except OSError:
            return False
        finally:
            os.close(fd)


def held_by_this_process(path: os.PathLike[str] | str) -> bool:
    with _guard:
        try:
            return _key(path) in _registry
        except OSError:
            return False


def _key(path: os.PathLike[str] | str) -> tuple[int, int]:
    st = os.stat(path)
    if st.st_ino:
        return (st.st_dev, st.st_ino)
    return (st.st_dev, hash(os.path.normcase(os.path.realpath(path))))  # no inode numbers (some Windows shares)


# ----------------------------------------------------------------------------- per platform

if sys.platform == "win32":
    import msvcrt

    def _at_offset(fd: int, mode: int) -> None:
        os.lseek(fd, _OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, mode, 1)  # type: ignore[attr-defined]

    def _try_lock(fd: int) -> bool:
        try:
            _at_offset(fd, msvcrt.LK_NBLCK)  # type: ignore[attr-defined]
        except PermissionError:
            return False
        except OSError as exc:
            if exc.errno in (13, 36):  # EACCES, EDEADLOCK: locked by another handle
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        try:
            _at_offset(fd, msvcrt.LK_UNLCK)  # type: ignore[attr-defined]
        except OSError:
            pass

    def _probe(fd: int) -> bool:
        if not _try_lock(fd):
            return True
        _unlock(fd)
        return False

else:
    import errno
    import fcntl

    _OFD = hasattr(fcntl, "F_OFD_SETLK")

    def _flock_struct(kind: int) -> bytes:
        packed = struct.pack("@hhqqi", kind, os.SEEK_SET, _OFFSET, 1, 0)
        return packed + b"\0" * (32 - len(packed))  # the C struct's tail padding

    def _try_lock(fd: int) -> bool:
        try:
            if _OFD:
                fcntl.fcntl(fd, fcntl.F_OFD_SETLK, _flock_struct(fcntl.F_WRLCK))
            else:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        try:
            if _OFD:
                fcntl.fcntl(fd, fcntl.F_OFD_SETLK, _flock_struct(fcntl.F_UNLCK))
            else:
                fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:
            pass

    def _probe(fd: int) -> bool:
        if _OFD:
            answer = fcntl.fcntl(fd, fcntl.F_OFD_GETLK, _flock_struct(fcntl.F_RDLCK))
            return bool(struct.unpack("@h", answer[:2])[0] != fcntl.F_UNLCK)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return True
            raise
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
