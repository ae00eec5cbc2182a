"""The test run is offline: a connection to another machine fails (here and in subprocesses), loopback still
works, and the app's commands all work under the guard — so the app never needs to reach out."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from imagingnet_desktop import cli
from offline import network_guard  # noqa: E402

OUTSIDE = ("192.0.2.1", 80)  # TEST-NET-1: never routed; the guard must refuse it before any packet leaves


def test_the_guard_is_on_for_every_test():
    assert network_guard.installed()


@pytest.mark.parametrize("attempt", [
    lambda: socket.create_connection(OUTSIDE, timeout=1),
    lambda: socket.create_connection(("pypi.org", 443), timeout=1),
    lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect_ex(OUTSIDE),
    lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("8.8.8.8", 53)),
    lambda: socket.getaddrinfo("example.org", 80),
])
def test_reaching_another_machine_raises(attempt):
    with pytest.raises(network_guard.OutboundConnectionBlocked, match="the tests run offline"):
        attempt()


def test_loopback_still_works():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=5) as client:
            accepted, _ = server.accept()
            with accepted:
                client.sendall(b"ok")
                assert accepted.recv(2) == b"ok"


def test_a_python_subprocess_is_offline_too(tmp_path):
    script = (
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
        "except ConnectionRefusedError as exc:\n"
        "    print('blocked' if 'offline' in str(exc) else 'other')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "blocked", done.stderr


def test_every_command_works_offline(tmp_path, capsys):
    path = tmp_path / "w.imagingnet"
    steps = [
        ["new", path, "--demo"],
        ["snapshot", path, "Before"],
        ["import-partners", path, tmp_path / "p.csv"],
        ["report", path, "--json"],
        ["changes", path, "--since", "Before", "--json"],
        ["export", "shares", path, "-o", tmp_path / "s.xlsx"],
    ]
    assert cli.run([str(a) for a in steps[0]]) == 0
    assert cli.run(["export", "partners", str(path), "-o", str(tmp_path / "p.csv")]) == 0
    for step in steps[1:]:
        assert cli.run([str(a) for a in step]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    found, _ = json.JSONDecoder().raw_decode(out[out.index('{\n  "since"'):])
    assert found["changes"] == []  # re-importing the export changes nothing


@pytest.mark.allow_network(reason="checks that the marker lifts the guard; connects nowhere")
def test_the_marker_lifts_the_guard_for_one_test():
    assert not network_guard.installed()
