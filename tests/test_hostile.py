"""Hostile or slow ComfyUI servers, on real sockets on 127.0.0.1: each server check ends within its time
bound with a finding that names the problem. (The hub for `install` is another engineer's work in
progress; its hostile-hub tests belong with tests/hub_server.py once it is finished.)"""

from __future__ import annotations

import socket
import struct
import threading
import time
from typing import Callable

import pytest

from conftest import run_json

Behaviour = Callable[[socket.socket], None]


class RawServer:
    """A bare TCP server: each connection is handed to ``behave`` (no HTTP library to be polite for us)."""

    def __init__(self, behave: Behaviour) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.behave = behave
        self.stop = threading.Event()
        threading.Thread(target=self._loop, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _loop(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(30)
            conn.recv(65536)
            self.behave(conn)
        except OSError:
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


def _headers(conn: socket.socket, length: int | None = None, ctype: str = "application/json") -> None:
    h = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nConnection: close\r\n"
    if length is not None:
        h += f"Content-Length: {length}\r\n"
    conn.sendall((h + "\r\n").encode())


def silent(conn: socket.socket) -> None:
    time.sleep(20)  # accepts, reads the request, never answers


def trickle(conn: socket.socket) -> None:
    _headers(conn, 10_000)
    for _ in range(200):  # one byte every 100 ms: each read succeeds, the whole answer never ends
        conn.sendall(b" ")
        time.sleep(0.1)


def trickle_headers(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    for i in range(300):  # a header line a byte every 100 ms: each read succeeds, the headers never end
        conn.sendall(b"X" if i % 40 else b"\r\nX-Slow: ")
        time.sleep(0.1)


_BOMB: list[bytes] = []


def gzip_bomb(conn: socket.socket) -> None:
    """~20 KB on the wire, 20 MB once decompressed (10x the /system_stats bound)."""
    import gzip

    if not _BOMB:
        _BOMB.append(gzip.compress(b'{"system": {"argv": ["' + b"A" * (20 * 1024 * 1024) + b'"]}, "devices": []}', 6))
    body = _BOMB[0]
    h = (f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
         f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n")
    conn.sendall(h.encode() + body)


def huge(conn: socket.socket) -> None:
    _headers(conn, 100 * 1024 * 1024)
    conn.sendall(b'{"system": {"argv": ["')
    chunk = b"A" * (1024 * 1024)
    for _ in range(100):
        conn.sendall(chunk)


def reset(conn: socket.socket) -> None:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close with RST


def malformed(conn: socket.socket) -> None:
    body = b'{"system": {"comfyui_version": "0.33.0", "argv": ["main.py"'
    _headers(conn, len(body))
    conn.sendall(body)


def garbage_status(conn: socket.socket) -> None:
    conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")


CASES = [
    ("silent", silent, "comfyui.server.timeout", 8.0),
    ("trickle", trickle, "comfyui.server.timeout", 8.0),
    ("trickled headers", trickle_headers, "comfyui.server.timeout", 8.0),
    ("100 MB body", huge, "comfyui.server.too-large", 8.0),
    ("gzip bomb", gzip_bomb, "comfyui.server.too-large", 8.0),
    ("connection reset", reset, "comfyui.server.refused", 8.0),
    ("malformed JSON", malformed, "comfyui.server.not-json", 8.0),
    ("not HTTP", garbage_status, "comfyui.server.refused", 8.0),
]


@pytest.mark.parametrize("name,behave,code,explicit_timeout", CASES, ids=[c[0] for c in CASES])
def test_hostile_server_gives_a_finding_in_time(tmp_path, name, behave, code, explicit_timeout):
    srv = RawServer(behave)
    try:
        t0 = time.monotonic()
        rc, doc = run_json("--path", "comfyui", "--server", srv.url, "--check", "comfyui.server", "--no-redact",
                           cwd=tmp_path, env={"COMFYUI_PATH": "", "HOME": str(tmp_path)}, timeout=60)
        took = time.monotonic() - t0
    finally:
        srv.close()
    # the explicit-server bound (manifests/comfyui.toml server.explicit_timeout_s) plus start-up
    assert took < explicit_timeout + 6, f"{name}: {took:.1f} s"
    f = next((f for f in doc["findings"] if f["code"].startswith("comfyui.server.")), None)
    assert f is not None and f["code"] == code, (name, doc["findings"])
    assert f["status"] == "fail" and srv.url in f["title"] and f["fix"]
    assert not [x for x in doc["findings"] if x["status"] == "error"]


def test_default_server_probe_is_short_and_quiet(tmp_path):
    """Nobody asked for a server and the default port is silent: a short look, an info, no failure."""
    srv = RawServer(silent)
    try:
        from doctor.comfyui import server

        t0 = time.monotonic()
        s = server.check_server(srv.url, explicit=False)
        took = time.monotonic() - t0
    finally:
        srv.close()
    assert took < 4 and s["error"]["kind"] == "timeout"
    from doctor.pipeline import run_one, select_checks

    (c,) = [c for c in select_checks(["comfyui.server"]) if c.id == "comfyui.server"]
    (f,) = run_one(c, {"options": {}, "probe_errors": {}, "comfyui_server": s})
    assert f.code == "comfyui.server.none" and f.status.value == "info"
