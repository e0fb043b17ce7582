"""A running ComfyUI server, read over HTTP: /system_stats (version, device, argv) and /object_info (which
nodes exist, which CLIP types CLIPLoader offers, which files each loader lists).

Every request is bounded in time (connect + read deadline) and in size (the body is streamed and cut off),
and every failure comes back as a kind a check can word: refused, timeout, too-large, http-status,
not-json, not-comfyui. Only the URL the user gave is contacted, or the loopback default.
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlsplit

from .. import manifests
from .folders import loaders
from .tree import argv_flags

LOADERS = loaders()  # manifests/comfyui.toml [[loader]]


class FetchError(Exception):
    def __init__(self, kind: str, message: str, status: int | None = None):
        super().__init__(message)
        self.kind = kind
        self.status = status


def normalize_url(url: str) -> str:
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    return url.rstrip("/")


def is_loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in ("localhost", "::1") or host.startswith("127.")


def _port_open(url: str, timeout: float) -> None:
    """A plain TCP connect first: when nothing listens (ComfyUI not running, the usual case for the
    default URL) the answer comes in a millisecond, without importing the HTTP stack."""
    import socket

    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", port), timeout=timeout):
            return
    except socket.timeout:
        raise FetchError("timeout", f"{url}: no answer within {timeout:g} s") from None
    except OSError:
        raise FetchError("refused", f"{url}: connection refused or host unreachable") from None


def get_json(base: str, path: str, timeout: float, max_bytes: int) -> Any:
    """GET base+path as JSON, or raise FetchError. ``timeout`` bounds the whole exchange: connect, status line,
    headers and body together (a server trickling its headers a byte at a time is stopped at the deadline, not
    after one per-read timeout per byte). The body is bounded by ``max_bytes`` both as sent and, when the server
    compresses it (ComfyUI's --enable-compress-response-body answers gzip), once decompressed."""
    from .. import safeio

    url = base + path
    _port_open(url, min(timeout, 5.0))
    body, status = _fetch(url, path, timeout, max_bytes)
    if status != 200:
        raise FetchError("http-status", f"{path} answered HTTP {status}", status)
    try:
        return safeio.loads_json(body.decode("utf-8", "replace"), what=path)
    except safeio.BadData as exc:
        raise FetchError("not-json", f"{path}: {exc}") from None
    except ValueError as exc:
        snippet = body[:80].decode("utf-8", "replace").replace("\n", " ")
        raise FetchError("not-json", f"{path} did not answer JSON ({exc}); it began with {snippet!r}") from None


def _fetch(url: str, path: str, timeout: float, max_bytes: int) -> tuple[bytes, int]:
    """(body, status) of one GET within ``timeout`` seconds in all; raises FetchError."""
    import base64
    import http.client
    import socket
    import threading
    import zlib

    from .. import __version__

    parts = urlsplit(url)
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    per_op = max(0.05, min(timeout, 5.0))
    conn: http.client.HTTPConnection
    if https:
        import ssl

        conn = http.client.HTTPSConnection(parts.hostname or "", port, timeout=per_op, context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(parts.hostname or "", port, timeout=per_op)
    expired = threading.Event()

    def stop() -> None:  # the total deadline: whatever is being read (status, headers, body) ends now
        expired.set()
        sock = conn.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    timer = threading.Timer(timeout, stop)
    timer.daemon = True
    headers = {"Accept": "application/json", "Accept-Encoding": "gzip, deflate",
               "User-Agent": f"klein-doctor/{__version__}", "Connection": "close"}
    if parts.username is not None:  # a --server behind a proxy with user:pass@ (never printed: redacted)
        cred = f"{parts.username}:{parts.password or ''}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(cred).decode()
    timer.start()
    try:
        conn.request("GET", target, headers=headers)
        resp = conn.getresponse()
        enc = (resp.getheader("Content-Encoding") or "").strip().lower()
        dec = None
        if enc in ("gzip", "x-gzip"):
            dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            dec = zlib.decompressobj()
        elif enc not in ("", "identity"):
            raise FetchError("not-json", f"{path} answered with an encoding the doctor cannot read ({enc})")
        chunks: list[bytes] = []
        sent = size = 0
        while True:
            b = resp.read1(64 * 1024)
            if expired.is_set():
                raise FetchError("timeout", f"{path} did not finish within {timeout:g} s")
            if not b:
                break
            sent += len(b)
            if sent > max_bytes:
                raise FetchError("too-large", f"{path} sent more than {max_bytes} bytes; stopped reading")
            if dec is not None:
                try:
                    b = dec.decompress(b, max_bytes + 1 - size)
                except zlib.error as exc:
                    raise FetchError("not-json", f"{path}: the {enc} body is damaged ({exc})") from None
                if dec.unconsumed_tail:
                    raise FetchError("too-large", f"{path} decompresses to more than {max_bytes} bytes; stopped reading")
            size += len(b)
            if size > max_bytes:
                raise FetchError("too-large", f"{path} sent more than {max_bytes} bytes; stopped reading")
            chunks.append(b)
        if dec is not None:
            chunks.append(dec.flush())
        return b"".join(chunks), resp.status
    except FetchError:
        raise
    except (socket.timeout, TimeoutError):
        raise FetchError("timeout", f"{url}: no answer within {timeout:g} s") from None
    except (http.client.HTTPException, OSError, ValueError) as exc:
        if expired.is_set():
            raise FetchError("timeout", f"{path} did not finish within {timeout:g} s") from None
        if isinstance(exc, ConnectionRefusedError):
            raise FetchError("refused", f"{url}: connection refused or host unreachable") from None
        raise FetchError("refused", f"{url}: the connection broke ({type(exc).__name__})") from None
    finally:
        timer.cancel()
        conn.close()


def combo_options(spec: Any) -> list[str] | None:
    """The options of a combo input in either shape /object_info uses: [[opts], {...}] or ["COMBO", {"options": [...]}]."""
    if not isinstance(spec, list) or not spec:
        return None
    if isinstance(spec[0], list):
        return [str(x) for x in spec[0]]
    if spec[0] == "COMBO" and len(spec) > 1 and isinstance(spec[1], dict):
        opts = spec[1].get("options")
        return [str(x) for x in opts] if isinstance(opts, list) else None
    return None


def node_input(info: dict[str, Any], node: str, name: str) -> Any:
    """One input's spec, or None; any level of another shape (a proxy's or a broken server's answer) is None."""
    entry = info.get(node)
    inp = entry.get("input") if isinstance(entry, dict) else None
    if not isinstance(inp, dict):
        return None
    for group in ("required", "optional"):
        g = inp.get(group)
        if isinstance(g, dict) and name in g:
            return g[name]
    return None


def summarize_object_info(info: dict[str, Any], complete: bool) -> dict[str, Any]:
    """Keep what the checks need: node names (when the full list was read), Klein nodes, CLIP types, files."""
    rules = manifests.load("comfyui")["klein"]
    out: dict[str, Any] = {"complete": complete,
                           "node_names": sorted(info) if complete else None,
                           "klein_nodes": {n: n in info for n in rules["required_nodes"]},
                           "clip_types": combo_options(node_input(info, "CLIPLoader", "type")),
                           "files": {}}
    for node, (inp, folder) in LOADERS.items():
        if node in info:
            out["files"][folder] = combo_options(node_input(info, node, inp))
    return out


def validate_system_stats(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or not isinstance(data.get("system"), dict) or "devices" not in data:
        raise FetchError("not-comfyui", "/system_stats answered JSON without ComfyUI's 'system' and 'devices' keys")
    return data


def check_server(url: str, explicit: bool, timeout: float | None = None) -> dict[str, Any]:
    """facts["comfyui_server"] for one URL; never raises."""
    cfg = manifests.load("comfyui")["server"]
    base = normalize_url(url)
    t = timeout if timeout is not None else (cfg["explicit_timeout_s"] if explicit else cfg["default_timeout_s"])
    out: dict[str, Any] = {"contacted": True, "url": base, "explicit": explicit, "remote": not is_loopback(base),
                           "reachable": False, "is_comfyui": False, "error": None, "source": f"server {base}"}
    try:
        stats = validate_system_stats(get_json(base, "/system_stats", t, cfg["max_small_bytes"]))
    except FetchError as exc:
        out["error"] = {"kind": exc.kind, "message": str(exc), "status": exc.status}
        out["reachable"] = exc.kind not in ("refused", "timeout")
        return out
    out["reachable"] = out["is_comfyui"] = True
    sysd = stats["system"]
    value_flags = set(manifests.load("comfyui")["value_flags"]["names"])
    argv = [str(a) for a in sysd.get("argv")] if isinstance(sysd.get("argv"), list) else []
    out.update(version=sysd.get("comfyui_version"), python_version=sysd.get("python_version"),
               pytorch_version=sysd.get("pytorch_version"), embedded_python=sysd.get("embedded_python"),
               deploy_environment=sysd.get("deploy_environment"), os=sysd.get("os"), argv=argv,
               flags=argv_flags(argv, value_flags),
               devices=[_device(d) for d in (stats["devices"] if isinstance(stats.get("devices"), list) else [])
                        if isinstance(d, dict)])
    for k in ("version", "python_version", "pytorch_version", "deploy_environment", "os"):
        if out[k] is not None and not isinstance(out[k], str):
            out[k] = str(out[k])
    out["folder_paths"] = read_folder_paths(base, cfg)
    out["process"] = local_process(argv) if not out["remote"] else None
    out["object_info"] = read_object_info(base, cfg)
    return out


def read_folder_paths(base: str, cfg: dict[str, Any]) -> dict[str, Any]:
    """/internal/folder_paths: every folder type and the folders the server searches for it, in its order
    (the live answer to 'where does this server look'). {"error": ...} when it cannot be read."""
    try:
        data = get_json(base, "/internal/folder_paths", cfg["explicit_timeout_s"], cfg["max_small_bytes"])
    except FetchError as exc:
        return {"error": str(exc)}
    if not isinstance(data, dict):
        return {"error": "/internal/folder_paths is not a JSON object"}
    out: dict[str, Any] = {}
    for k, v in list(data.items())[:256]:
        # ComfyUI answers lists of paths; older builds [paths, extensions]
        if isinstance(v, list) and v and isinstance(v[0], list):
            v = v[0]
        if isinstance(k, str) and isinstance(v, list):
            out[k] = [str(x) for x in v[:64] if isinstance(x, str)]
    return {"paths": out}


def local_process(argv: list[str], proc: str = "/proc", limit: int = 8192) -> dict[str, Any] | None:
    """The process of a server on this machine, found by its argv (Linux /proc): its pid, working folder,
    main.py and interpreter. The interpreter is argv[0] of the process when it is a path, else the
    VIRTUAL_ENV it was started in, else its executable (which for a venv is the base Python's)."""
    import os

    if not argv or not os.path.isdir(proc):
        return None
    want = [str(a) for a in argv]
    try:
        pids = [d for d in os.listdir(proc) if d.isdigit()][:limit]
    except OSError:
        return None
    for pid in pids:
        try:
            with open(f"{proc}/{pid}/cmdline", "rb") as fh:
                cmd = [c.decode("utf-8", "replace") for c in fh.read(256 * 1024).split(b"\0")[:-1]]
        except OSError:
            continue
        if len(cmd) <= len(want) or cmd[-len(want):] != want or "python" not in os.path.basename(cmd[0]).lower() \
                and not cmd[0].lower().endswith(".exe"):
            continue
        try:
            cwd = os.readlink(f"{proc}/{pid}/cwd")
        except OSError:
            cwd = None
        try:
            exe = os.readlink(f"{proc}/{pid}/exe")
        except OSError:
            exe = None
        venv = None
        try:
            with open(f"{proc}/{pid}/environ", "rb") as fh:
                for kv in fh.read(256 * 1024).split(b"\0"):
                    if kv.startswith(b"VIRTUAL_ENV="):
                        venv = kv.split(b"=", 1)[1].decode("utf-8", "replace")
        except OSError:
            pass
        main = want[0] if os.path.isabs(want[0]) or cwd is None else os.path.normpath(os.path.join(cwd, want[0]))
        python = cmd[0] if os.path.isabs(cmd[0]) else None
        how = "the server's command line"
        if python is None and venv:
            python, how = os.path.join(venv, "bin", "python"), "the server's VIRTUAL_ENV"
        if python is None and exe:
            python, how = exe, "the server's executable"
        return {"pid": int(pid), "cwd": cwd, "main": main, "python": python, "python_how": how}
    return None


def _device(d: dict[str, Any]) -> dict[str, Any]:
    """One /system_stats device with the types the checks rely on (numbers as numbers, names as text)."""
    num = lambda v: v if isinstance(v, (int, float)) and not isinstance(v, bool) else None  # noqa: E731
    return {"name": None if d.get("name") is None else str(d.get("name")),
            "type": None if d.get("type") is None else str(d.get("type")),
            "index": num(d.get("index")), "vram_total": num(d.get("vram_total")), "vram_free": num(d.get("vram_free"))}


def read_object_info(base: str, cfg: dict[str, Any]) -> dict[str, Any]:
    """The full /object_info when it fits the bounds, else the few nodes Klein needs one by one."""
    try:
        info = get_json(base, "/object_info", cfg["object_info_timeout_s"], cfg["max_object_info_bytes"])
        if isinstance(info, dict):
            return summarize_object_info(info, complete=True)
        full_error = "/object_info is not a JSON object"
    except FetchError as exc:
        full_error = str(exc)
    rules = manifests.load("comfyui")["klein"]
    info = {}
    errors = [full_error]
    for node in [*rules["required_nodes"], *LOADERS]:
        try:
            one = get_json(base, f"/object_info/{node}", cfg["explicit_timeout_s"], cfg["max_small_bytes"])
            if isinstance(one, dict):
                info.update(one)  # an unknown node answers {} (fixture object_info_node_NoSuchNode)
        except FetchError as exc:
            errors.append(str(exc))
    out = summarize_object_info(info, complete=False)
    out["errors"] = errors
    return out


def server_facts(options: dict[str, Any]) -> dict[str, Any]:
    """Which server to ask: --server URL, else the loopback default (short timeout), never with --no-server."""
    if options.get("no_server"):
        return {"contacted": False, "why": "--no-server", "source": None}
    if options.get("server"):
        return check_server(str(options["server"]), explicit=True)
    return check_server(manifests.load("comfyui")["server"]["default_url"], explicit=False)
