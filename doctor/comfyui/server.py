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
    """GET base+path as JSON, or raise FetchError. ``timeout`` bounds the whole exchange, not each read."""
    url = base + path
    _port_open(url, min(timeout, 5.0))
    import requests
    import urllib3

    deadline = time.monotonic() + timeout
    try:
        with requests.get(url, stream=True, timeout=(min(timeout, 5.0), timeout), allow_redirects=False,
                          headers={"Accept": "application/json"}) as r:
            chunks: list[bytes] = []
            size = 0
            for chunk in _chunks(r):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError("too-large", f"{path} sent more than {max_bytes} bytes; stopped reading")
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise FetchError("timeout", f"{path} did not finish within {timeout:g} s")
            body = b"".join(chunks)
            if r.status_code != 200:
                raise FetchError("http-status", f"{path} answered HTTP {r.status_code}", r.status_code)
    except FetchError:
        raise
    except requests.exceptions.ConnectionError as exc:
        text = str(exc)
        if "timed out" in text.lower():
            raise FetchError("timeout", f"{url}: no answer within {timeout:g} s") from None
        raise FetchError("refused", f"{url}: connection refused or host unreachable") from None
    except requests.exceptions.Timeout:
        raise FetchError("timeout", f"{url}: no answer within {timeout:g} s") from None
    except requests.exceptions.RequestException as exc:
        raise FetchError("refused", f"{url}: {type(exc).__name__}: {exc}") from None
    except urllib3.exceptions.ReadTimeoutError:
        raise FetchError("timeout", f"{url}: no answer within {timeout:g} s") from None
    except urllib3.exceptions.HTTPError as exc:  # read1() raises urllib3's own errors, unwrapped by requests
        raise FetchError("refused", f"{url}: the connection broke ({type(exc).__name__})") from None
    try:
        return json.loads(body.decode("utf-8", "replace"))
    except ValueError as exc:
        snippet = body[:80].decode("utf-8", "replace").replace("\n", " ")
        raise FetchError("not-json", f"{path} did not answer JSON ({exc}); it began with {snippet!r}") from None


def _chunks(r: Any):
    """The body as it arrives. ``read1`` returns whatever one receive brought, so the deadline is checked even
    against a server that trickles a byte at a time (iter_content would block until its chunk is full);
    urllib3 1.x has no read1: small chunks there."""
    raw = r.raw
    if hasattr(raw, "read1"):
        while True:
            chunk = raw.read1(64 * 1024)
            if not chunk:
                return
            yield chunk
    else:  # pragma: no cover - urllib3 < 2
        yield from r.iter_content(256)


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
    out["object_info"] = read_object_info(base, cfg)
    return out


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
