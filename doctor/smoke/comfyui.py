"""The ComfyUI smoke run: queue the Klein 4B text-to-image workflow on a running server and judge the result.

ComfyUI reports ``success`` for an all-black image made from NaN conditioning (seen in
../shared/fixtures/comfyui, run_good), so the verdict comes from the image bytes, decoded here with the
standard library only (the doctor's process has neither numpy nor PIL). An identical prompt is a full
cache hit, so every run gets a fresh seed; ``POST /free`` first makes the load part of the timing.
"""

from __future__ import annotations

import base64
import json
import os
import random
import socket
import struct
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zlib
from typing import Any

PROMPT_TEXT = "A hedgehog wearing a tiny party hat surrounded by confetti, early digital camera style"


def klein_prompt(unet: str, clip: str, vae: str, seed: int, width: int = 1024, height: int = 1024, steps: int = 4,
                 cfg: float = 1.0, prefix: str = "klein-doctor-smoke") -> dict[str, Any]:
    """The official Klein 4B distilled text-to-image graph in API format (models.md section 4)."""
    return {
        "70": {"class_type": "UNETLoader", "inputs": {"unet_name": unet, "weight_dtype": "default"}},
        "71": {"class_type": "CLIPLoader", "inputs": {"clip_name": clip, "type": "flux2", "device": "default"}},
        "72": {"class_type": "VAELoader", "inputs": {"vae_name": vae}},
        "74": {"class_type": "CLIPTextEncode", "inputs": {"text": PROMPT_TEXT, "clip": ["71", 0]}},
        "76": {"class_type": "ConditioningZeroOut", "inputs": {"conditioning": ["74", 0]}},
        "63": {"class_type": "CFGGuider", "inputs": {"model": ["70", 0], "positive": ["74", 0], "negative": ["76", 0],
                                                      "cfg": cfg}},
        "66": {"class_type": "EmptyFlux2LatentImage", "inputs": {"width": width, "height": height, "batch_size": 1}},
        "62": {"class_type": "Flux2Scheduler", "inputs": {"steps": steps, "width": width, "height": height}},
        "61": {"class_type": "KSamplerSelect", "inputs": {"sampler_name": "euler"}},
        "73": {"class_type": "RandomNoise", "inputs": {"noise_seed": seed}},
        "64": {"class_type": "SamplerCustomAdvanced", "inputs": {"noise": ["73", 0], "guider": ["63", 0],
                                                                  "sampler": ["61", 0], "sigmas": ["62", 0],
                                                                  "latent_image": ["66", 0]}},
        "65": {"class_type": "VAEDecode", "inputs": {"samples": ["64", 0], "vae": ["72", 0]}},
        "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": prefix, "images": ["65", 0]}},
    }


# --- PNG, standard library only --------------------------------------------------------------------

class PngError(ValueError):
    pass


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def png_stats(data: bytes, max_rows: int = 256) -> dict[str, Any]:
    """Mean, spread and extremes of an 8-bit PNG (grey, RGB or RGBA), from up to ``max_rows`` evenly
    spread rows: enough to tell black or flat from a picture, fast in pure Python at 1024x1024."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise PngError("not a PNG file")
    pos, idat = 8, bytearray()
    w = h = depth = ctype = 0
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (0, 2, 6) or interlace:
                raise PngError(f"unsupported PNG (bit depth {depth}, colour type {ctype}, interlace {interlace})")
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    if not w:
        raise PngError("PNG without a header")
    bpp = {0: 1, 2: 3, 6: 4}[ctype]
    raw = zlib.decompress(bytes(idat))
    stride = w * bpp
    step = max(1, h // max_rows)
    prev = bytearray(stride)
    total = count = 0
    sq = 0
    lo, hi = 255, 0
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif f == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif f == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                up_left = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + _paeth(left, prev[i], up_left)) & 0xFF
        prev = line
        if y % step == 0:
            px = line if bpp != 4 else bytes(b for i, b in enumerate(line) if i % 4 != 3)
            total += sum(px)
            sq += sum(v * v for v in px)
            count += len(px)
            lo, hi = min(lo, min(px)), max(hi, max(px))
    mean = total / count
    std = max(sq / count - mean * mean, 0.0) ** 0.5
    return {"width": w, "height": h, "mean": round(mean / 255, 4), "std": round(std / 255, 4), "min": lo / 255,
            "max": hi / 255, "finite": True, "black": hi <= 5, "uniform": std < 0.5}


# --- the server conversation -----------------------------------------------------------------------

def _req(base: str, path: str, body: Any = None, timeout: float = 30.0) -> tuple[int, bytes]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base.rstrip("/") + path, data=data, method="POST" if data is not None else "GET",
                                 headers={"Content-Type": "application/json"} if data is not None else {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - the user's own server URL
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


# --- the server's own event times, over its websocket (standard library only) ---------------------

class ServerEvents(threading.Thread):
    """Listens on ComfyUI's /ws as ``client_id`` and keeps the millisecond timestamps the server puts on
    execution_start / execution_success / execution_error. Upstream also writes them into /history; the
    pip-installable fork (0.12.1) does not, but sends them here. ``open`` returns None when there is no
    websocket (then the caller times from the client side)."""

    EVENTS = ("execution_start", "execution_success", "execution_error")

    def __init__(self, sock: socket.socket):
        super().__init__(name="comfyui-ws", daemon=True)
        self.sock = sock
        self.times: dict[tuple[str, str], int] = {}
        self.cond = threading.Condition()
        self.closed = False

    @classmethod
    def open(cls, server: str, client_id: str, timeout: float = 5.0) -> "ServerEvents | None":
        u = urllib.parse.urlsplit(server)
        if u.scheme != "http" or not u.hostname:
            return None
        try:
            sock = socket.create_connection((u.hostname, u.port or 80), timeout=timeout)
            key = base64.b64encode(os.urandom(16)).decode()
            path = (u.path.rstrip("/") or "") + "/ws?clientId=" + urllib.parse.quote(client_id)
            sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {u.netloc}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
            head = b""
            while b"\r\n\r\n" not in head and len(head) < 65536:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                head += chunk
            if not head.startswith(b"HTTP/1.1 101"):
                sock.close()
                return None
            sock.settimeout(None)
        except OSError:
            return None
        ev = cls(sock)
        ev._buf = head.split(b"\r\n\r\n", 1)[1]
        ev.start()
        return ev

    def _read(self, n: int) -> bytes:
        while len(self._buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError
            self._buf += chunk
        out, self._buf = self._buf[:n], self._buf[n:]
        return out

    def run(self) -> None:
        try:
            while True:
                b0, b1 = self._read(2)
                op, n = b0 & 0x0F, b1 & 0x7F
                if n == 126:
                    (n,) = struct.unpack(">H", self._read(2))
                elif n == 127:
                    (n,) = struct.unpack(">Q", self._read(8))
                mask = self._read(4) if b1 & 0x80 else None
                data = self._read(n)
                if mask:
                    data = bytes(c ^ mask[i % 4] for i, c in enumerate(data))
                if op == 8:
                    break
                if op == 9:  # ping: answer with a masked pong, as a client must
                    m = os.urandom(4)
                    self.sock.sendall(bytes([0x8A, 0x80 | len(data)]) + m + bytes(c ^ m[i % 4] for i, c in enumerate(data)))
                    continue
                if op != 1:
                    continue
                try:
                    msg = json.loads(data)
                except ValueError:
                    continue
                d = msg.get("data") if isinstance(msg, dict) else None
                if msg.get("type") in self.EVENTS and isinstance(d, dict) and d.get("prompt_id") and \
                        isinstance(d.get("timestamp"), (int, float)):
                    with self.cond:
                        self.times[(str(d["prompt_id"]), msg["type"])] = d["timestamp"]
                        self.cond.notify_all()
        except (OSError, EOFError, ValueError):
            pass
        finally:
            with self.cond:
                self.closed = True
                self.cond.notify_all()

    def execution_s(self, prompt_id: str, wait: float = 2.0) -> float | None:
        """execution_start to execution_success (or _error) for one prompt, waiting briefly for the
        last message, which can arrive just after /history shows the prompt finished."""
        end_at = time.monotonic() + wait
        with self.cond:
            while True:
                start = self.times.get((prompt_id, "execution_start"))
                end = self.times.get((prompt_id, "execution_success")) or self.times.get((prompt_id, "execution_error"))
                if start is not None and end is not None:
                    return round((end - start) / 1000.0, 3)
                left = end_at - time.monotonic()
                if left <= 0 or self.closed:
                    return None
                self.cond.wait(left)

    def close(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


def run_comfyui_smoke(server: str, unet: str, clip: str, vae: str, timeout: float = 900.0, free_first: bool = True,
                      seed: int | None = None, poll: float = 0.25, sampler=None,
                      save_to: str | None = None, events: ServerEvents | None = None,
                      client_id: str | None = None) -> dict[str, Any]:
    """Queue one generation and follow it; every outcome (rejected prompt, execution error, timeout, black
    image) is returned as data for the Smoke checks."""
    seed = seed if seed is not None else random.randrange(1, 2**31)
    out: dict[str, Any] = {"path": "comfyui", "server": server, "seed": seed, "files": {"unet": unet, "clip": clip, "vae": vae}}
    try:
        if free_first:
            _req(server, "/free", {"unload_models": True, "free_memory": True})
        if sampler is not None:
            sampler.start()
        t0 = time.monotonic()
        status, body = _req(server, "/prompt", {"prompt": klein_prompt(unet, clip, vae, seed),
                                                 "client_id": client_id or uuid.uuid4().hex})
        reply = json.loads(body or b"{}")
        if status != 200 or "prompt_id" not in reply:
            out["result"] = {"ok": False, "error": {"kind": "rejected", "message": _node_errors(reply), "http_status": status}}
            return out
        pid = reply["prompt_id"]
        # The server validates the prompt before it answers and runs it after: timing from the answer
        # leaves validation and the request out of a client-side figure.
        t_queued = time.monotonic()
        entry = None
        while time.monotonic() - t0 < timeout:
            _, hb = _req(server, f"/history/{pid}")
            entry = json.loads(hb or b"{}").get(pid)
            if entry and (entry.get("status") or {}).get("completed") is not None and \
                    (entry.get("status") or {}).get("status_str") in ("success", "error"):
                break
            entry = None
            time.sleep(poll)
        t_end = time.monotonic()
        out["wall_s"] = round(t_end - t0, 3)
        out["queued_s"] = round(t_end - t_queued, 3)
        if entry is None:
            out["result"] = {"ok": False, "error": {"kind": "timeout", "message": f"no result within {timeout:g} s"}}
            return out
        out["result"] = _judge_history(server, entry, save_to)
        if out["result"].get("execution_s") is None and events is not None:
            ws_s = events.execution_s(pid)
            if ws_s is not None:
                out["result"]["execution_s"] = ws_s
                out["result"]["execution_s_from"] = "websocket"
        out["result"]["wall_s"] = out["wall_s"]
        out["result"]["queued_s"] = out["queued_s"]
        return out
    except (OSError, ValueError) as exc:
        out["result"] = {"ok": False, "error": {"kind": "unreachable", "message": f"{type(exc).__name__}: {exc}"}}
        return out
    finally:
        if sampler is not None and sampler.is_alive():
            out["nvml"] = sampler.stop()


def _node_errors(reply: dict[str, Any]) -> str:
    err = reply.get("error") or {}
    parts = [err.get("message", "prompt rejected")]
    for node, ne in (reply.get("node_errors") or {}).items():
        for e in ne.get("errors", []):
            parts.append(f"node {node} ({ne.get('class_type')}): {e.get('message')} {e.get('details', '')}".strip())
    return "; ".join(parts)


def _judge_history(server: str, entry: dict[str, Any], save_to: str | None = None) -> dict[str, Any]:
    st = entry.get("status") or {}
    msgs = {m[0]: m[1] for m in st.get("messages") or [] if isinstance(m, list) and len(m) == 2}
    res: dict[str, Any] = {"status_str": st.get("status_str")}
    if "execution_start" in msgs and ("execution_success" in msgs or "execution_error" in msgs):
        end = msgs.get("execution_success") or msgs.get("execution_error")
        res["execution_s"] = round((end["timestamp"] - msgs["execution_start"]["timestamp"]) / 1000.0, 3)
    if st.get("status_str") != "success":
        e = msgs.get("execution_error") or {}
        res.update(ok=False, error={"kind": "execution_error", "message": f"{e.get('node_type')}: {e.get('exception_message', '').strip()}"})
        return res
    images = [img for o in (entry.get("outputs") or {}).values() for img in o.get("images", [])]
    if not images:
        res.update(ok=False, error={"kind": "no_image", "message": "the workflow finished without an image"})
        return res
    img = images[0]
    q = urllib.parse.urlencode({"filename": img["filename"], "subfolder": img.get("subfolder", ""), "type": img.get("type", "output")})
    code, data = _req(server, f"/view?{q}")
    if code != 200:
        res.update(ok=False, error={"kind": "no_image", "message": f"/view answered HTTP {code}"})
        return res
    try:
        res["image"] = png_stats(data)
    except (PngError, zlib.error, struct.error) as exc:
        res.update(ok=False, error={"kind": "no_image", "message": f"unreadable image: {exc}"})
        return res
    res["image"]["filename"] = img["filename"]
    if save_to:
        try:
            with open(save_to, "wb") as fh:
                fh.write(data)
            res["image"]["path"] = save_to
        except OSError as exc:
            res["image"]["save_error"] = str(exc)
    res["ok"] = True
    return res


ROLE_KEYS = {"diffusion_model": "unet", "text_encoder": "clip", "vae": "vae"}


def choose_files(server_files: dict[str, list[str]], variant_files: list[dict[str, Any]]) -> tuple[dict[str, str], str | None]:
    """The server's own names for the variant's files (ComfyUI lists them relative to their folder, so a
    file in a subfolder is 'klein/x.safetensors'). Returns (names by unet/clip/vae, why not)."""
    picked: dict[str, str] = {}
    for f in variant_files:
        key = ROLE_KEYS.get(f.get("role", ""))
        if key is None or key in picked:
            continue
        wanted = {f["name"]} | {a["name"] for a in f.get("alternates") or [] if a.get("name")}
        names = server_files.get(f["folder"]) or []
        match = [n for n in names if str(n).replace("\\", "/").rsplit("/", 1)[-1] in wanted]
        if not match:
            return picked, f"the server lists no {' or '.join(sorted(wanted))} among its {f['folder']} ({len(names)} files)"
        picked[key] = match[0]
    return picked, None


FINE_POLL = 0.01


def run_series(server: str, files: dict[str, str], runs: int = 3, timeout: float = 900.0, sampler=None,
               device: dict[str, Any] | None = None, save_to: str | None = None, poll: float = 0.25,
               dtype: str = "fp8") -> dict[str, Any]:
    """One cold generation (models freed first: load + generation), then ``runs`` warm ones, each with a
    fresh seed (an identical prompt is a full cache hit in ComfyUI). The verdict figures are the median
    of the warm runs' server-side execution times; the image judged is the last one's.

    Upstream ComfyUI's history carries execution_start / execution_success with millisecond timestamps;
    some servers (the pip-installable fork, 0.12.1) keep only the event names but send the same
    timestamps over their websocket, which ServerEvents reads. Without either, the warm runs are
    timed by the client, from the answer to POST /prompt to the finished history entry polled every 10 ms (the 0.25 s poll
    alone would add up to 20% to a 1.2 s run), and ``timing`` says so."""
    t_start = time.monotonic()
    seeds = [random.randrange(1, 2**31) for _ in range(runs + 1)]
    client_id = uuid.uuid4().hex
    events = ServerEvents.open(server, client_id)
    if sampler is not None:
        sampler.start()
    try:
        cold = run_comfyui_smoke(server, files["unet"], files["clip"], files["vae"], timeout, True, seeds[0], poll,
                                 events=events, client_id=client_id)
        warm = []
        stamped = (cold.get("result") or {}).get("execution_s") is not None
        if (cold.get("result") or {}).get("ok"):
            for seed in seeds[1:]:
                left = max(5.0, timeout - (time.monotonic() - t_start))
                one = run_comfyui_smoke(server, files["unet"], files["clip"], files["vae"], left, False, seed,
                                        poll if stamped else min(poll, FINE_POLL),
                                        save_to=save_to if seed == seeds[-1] else None, events=events,
                                        client_id=client_id)
                warm.append(one)
                if not (one.get("result") or {}).get("ok"):
                    break
    finally:
        nv = sampler.stop() if sampler is not None else None
        if events is not None:
            events.close()
    out: dict[str, Any] = {"cold": cold.get("result"), "seeds": seeds}
    if sampler is not None and nv and nv.get("available"):
        # The ComfyUI server is the process whose VRAM grew most: it is "the run", everyone else is other.
        biggest = max(sampler.procs.values(), key=lambda p: p.get("max_used_bytes") or 0, default=None)
        nv = sampler.result(biggest["pid"] if biggest else None)
    failed = next((w["result"] for w in [cold, *warm] if not (w.get("result") or {}).get("ok")), None)
    if failed is not None:
        out.update(failed)
        out["ok"] = False
        return {"result": out, "nvml": nv}
    key = "execution_s" if stamped else "queued_s"
    times = [w["result"][key] for w in warm if w["result"].get(key) is not None]
    last = warm[-1]["result"] if warm else cold["result"]
    median = sorted(times)[len(times) // 2] if times else last.get(key)
    cold_s = cold["result"].get(key)
    # Some servers apply POST /free only after the next prompt (seen on the pip-installable fork): then the
    # "cold" run found the models still loaded and the reload fell into a warm run (recorded on an H200:
    # cold 0.66 s, warm 3.13, 0.66, 0.63 s). Its figure is then no cold run and no load time is derived.
    not_cold = (cold_s is not None and median and cold_s < 1.5 * median and len(times) > 1
                and max(times) > 3 * median)
    if not_cold:
        out["cold_note"] = (f"the cold run ({cold_s:.2f} s) found the models still loaded (the server applied POST /free "
                            f"later); the reload fell into a timed run ({max(times):.2f} s)")
    out.update(ok=True, median_s=median, times_s=times, image=last.get("image"),
               load_s=(round(cold_s - median, 3) if cold_s is not None and median is not None and not not_cold else None),
               cold_execution_s=None if not_cold else cold_s,
               device=dict(device or {"type": None, "name": None}),
               settings={"width": 1024, "height": 1024, "steps": 4, "guidance": 1.0, "seed": seeds[-1], "dtype": dtype,
                         "mode": "resident"},
               timing=(("server-side execution time (execution_start to execution_success"
                        + (", from the server's websocket: its /history carries no timestamps" if
                           cold["result"].get("execution_s_from") == "websocket" else "") + "), per warm run") if stamped else
                       "client-side time per warm run (the answer to POST /prompt to the finished history entry, polled every "
                       f"{min(poll, FINE_POLL) * 1000:.0f} ms): this server's history carries no timestamps"))
    if out["image"] is not None:
        out["image"].setdefault("finite", True)
    return {"result": out, "nvml": nv}
