"""A loopback HTTP server that replays the responses captured from a real ComfyUI 0.33.0
(../shared/fixtures/comfyui, indexed by its _manifest_get.*.json), plus variations derived from them:
an old version, a missing node, flux2 absent from the CLIP types, attention flags in argv, a CPU device,
malformed JSON, a slow answer and a server that is not ComfyUI.

Use as a context manager: ``with ComfyReplay(fixtures, variant="old") as url: ...``.
"""

from __future__ import annotations

import copy
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

VARIANTS = ["real", "old", "missing-node", "no-flux2-clip", "flash-argv", "cuda", "malformed", "slow", "not-comfyui",
            "html"]


def load_captures(fixtures: Path, stage: str = "final") -> dict[str, tuple[int, str | None, bytes]]:
    """path -> (status, content type, body) for one capture stage, falling back to the 'empty' stage for
    paths that were captured only then (e.g. /object_info)."""
    routes: dict[str, tuple[int, str | None, bytes]] = {}
    for st in ("empty", "dummies", stage):
        mf = fixtures / f"_manifest_get.{st}.json"
        if not mf.is_file():
            continue
        for e in json.loads(mf.read_text(encoding="utf-8")):
            body = (fixtures / e["file"]).read_bytes() if (fixtures / e["file"]).is_file() else b""
            routes[e["path"]] = (int(e["status"]), e.get("content_type"), body)
        if st == stage:
            break
    # full node info answers per node come from /object_info, as ComfyUI does
    if "/object_info" in routes:
        info = json.loads(routes["/object_info"][2])
        for k in ("UNETLoader", "CLIPLoader", "VAELoader"):
            p = f"/object_info/{k}"
            if p in routes:
                info[k] = json.loads(routes[p][2])[k]
        routes["/object_info"] = (200, "application/json; charset=utf-8", json.dumps(info).encode())
    return routes


def _json(obj: Any) -> tuple[int, str, bytes]:
    return 200, "application/json; charset=utf-8", json.dumps(obj).encode()


def derive(routes: dict[str, tuple[int, str | None, bytes]], variant: str) -> dict[str, tuple[int, str | None, bytes]]:
    """Apply one variation to the real captures; every variant starts from the captured bodies."""
    r = dict(routes)
    stats = json.loads(r["/system_stats"][2])
    info = json.loads(r["/object_info"][2])
    if variant == "old":
        stats["system"]["comfyui_version"] = "0.8.2"
        for n in ("EmptyFlux2LatentImage", "Flux2Scheduler", "FluxKVCache"):
            info.pop(n, None)
        types = info["CLIPLoader"]["input"]["required"]["type"][0]
        types.remove("flux2")
    elif variant == "missing-node":
        info.pop("Flux2Scheduler", None)
    elif variant == "no-flux2-clip":
        info["CLIPLoader"]["input"]["required"]["type"][0].remove("flux2")
    elif variant == "flash-argv":
        stats["system"]["argv"] = [a for a in stats["system"]["argv"] if a != "--cpu"] + ["--use-flash-attention", "--cuda-device", "1"]
        stats["devices"] = [_cuda_device(stats["devices"][0])]
    elif variant == "cuda":
        stats["system"]["argv"] = [a for a in stats["system"]["argv"] if a != "--cpu"]
        stats["devices"] = [_cuda_device(stats["devices"][0])]
    elif variant == "cpu-no-flag":
        stats["system"]["argv"] = [a for a in stats["system"]["argv"] if a != "--cpu"]
    r["/system_stats"] = _json(stats)
    r["/object_info"] = _json(info)
    for p in [p for p in r if p.startswith("/object_info/")]:
        name = p.split("/", 2)[2]
        r[p] = _json({name: info[name]} if name in info else {})
    if variant == "malformed":
        body = r["/system_stats"][2]
        r["/system_stats"] = (200, "application/json; charset=utf-8", body[: len(body) // 2])
    if variant == "not-comfyui":
        r = {"/system_stats": _json({"status": "ok", "service": "some other api"})}
    if variant == "html":
        r = {"/system_stats": (200, "text/html", b"<html><body>It works!</body></html>")}
    return r


def _cuda_device(cpu: dict[str, Any]) -> dict[str, Any]:
    d = copy.deepcopy(cpu)
    gib = 1024**3
    d.update(name="cuda:0 NVIDIA H100 80GB HBM3 : cudaMallocAsync", type="cuda", index=0,
             vram_total=79 * gib, vram_free=78 * gib, torch_vram_total=0, torch_vram_free=0)
    return d


class ComfyReplay:
    """The replay server on 127.0.0.1 and a free port; ``requests`` counts what was asked."""

    def __init__(self, fixtures: Path | None, variant: str = "real", stage: str = "final", delay: float = 0.0,
                 routes: dict[str, tuple[int, str | None, bytes]] | None = None):
        """``routes`` (path -> status, content type, body) replaces the captures; a test may change it while
        the server runs: every request reads it anew."""
        if routes is not None:
            self.routes = routes
        else:
            assert fixtures is not None, "ComfyReplay needs the fixtures folder or explicit routes"
            self.routes = derive(load_captures(fixtures, stage), variant) if variant != "slow" else load_captures(fixtures, stage)
        self.delay = delay if variant != "slow" else max(delay, 3.0)
        self.requests: list[str] = []
        self.server: ThreadingHTTPServer | None = None

    def __enter__(self) -> str:
        routes, delay, log = self.routes, self.delay, self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                log.append(self.path)
                status, ctype, body = routes.get(self.path, (404, None, b""))
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(status)
                    if ctype:
                        self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *a: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc: Any) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()


def free_port() -> int:
    """A port nothing listens on (bound and released), for the 'refused' case."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
