"""Refuse every network connection that leaves this machine: the tests prove the app never reaches out.

Loopback (127.0.0.0/8, ::1, localhost) and local sockets (AF_UNIX) stay allowed. Installed in the test process
by ``tests/conftest.py`` and in every Python subprocess that inherits its environment through the
``sitecustomize`` beside this file (put on ``PYTHONPATH``).
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

ENV_FLAG = "IMAGINGNET_TEST_OFFLINE"
_REAL: dict[str, Any] = {}


class OutboundConnectionBlocked(ConnectionRefusedError):
    """An attempt to reach another machine during the tests."""


def _is_local(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    text = str(host).strip("[]").split("%", 1)[0]
    if text.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(text).is_loopback
    except ValueError:
        return False


def _check(sock: socket.socket, address: Any) -> None:
    if getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX:
        return
    host = address[0] if isinstance(address, tuple) else address
    if not _is_local(host):
        raise OutboundConnectionBlocked(f"the tests run offline: a connection to {address!r} was refused")


def _connect(self: socket.socket, address: Any) -> None:
    _check(self, address)
    _REAL["connect"](self, address)


def _connect_ex(self: socket.socket, address: Any) -> int:
    _check(self, address)
    return int(_REAL["connect_ex"](self, address))


def _sendto(self: socket.socket, data: Any, *args: Any) -> int:
    _check(self, args[-1])
    return int(_REAL["sendto"](self, data, *args))


def _getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if not _is_local(host):
        raise OutboundConnectionBlocked(f"the tests run offline: looking up {host!r} was refused")
    return _REAL["getaddrinfo"](host, *args, **kwargs)


def install() -> None:
    if _REAL:
        return
    for name in ("connect", "connect_ex", "sendto"):
        _REAL[name] = getattr(socket.socket, name)
    _REAL["getaddrinfo"] = socket.getaddrinfo
    socket.socket.connect = _connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = _sendto  # type: ignore[method-assign, assignment]
    socket.getaddrinfo = _getaddrinfo


def uninstall() -> None:
    if not _REAL:
        return
    for name in ("connect", "connect_ex", "sendto"):
        setattr(socket.socket, name, _REAL[name])
    socket.getaddrinfo = _REAL["getaddrinfo"]
    _REAL.clear()


def installed() -> bool:
    return bool(_REAL)
