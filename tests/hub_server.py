"""Test hubs on 127.0.0.1 that the real huggingface_hub client talks to.

Two servers, on purpose:

* ``olah`` (a third-party, self-hosted HF mirror) run offline over local git repos whose large files are
  Git-LFS pointers with the bytes under ``.git/lfs/objects``. It is the independent check that the client
  calls and our reading of the protocol are right, but it ignores Range, holds files in RAM and cannot
  misbehave on demand.
* ``FakeHub``, a small threaded server of our own speaking the same protocol subset
  (``/api/models/R/revision/V``, ``/api/models/R/tree/V``, ``HEAD|GET /R/resolve/V/PATH`` with ETag,
  X-Repo-Commit, X-Linked-Size, Range) that can also misbehave: wrong bytes, a connection that dies
  mid-file, 503 while "down", 401/403 for a gated repo, throttling (so a test can kill the installer
  mid-file), and ``sendfile`` for the 2 GB benchmark. tests/test_install.py proves it answers the same
  client calls the same way olah does. For tests/test_hostile_hub.py it can also stall mid-body, answer
  metadata slowly, send malformed JSON or nonsense headers, stream 100 MB for a small file and reset the
  connection; for tests/test_install_kill.py it counts body bytes and holds the stream at a chosen
  offset (``arm_pause``) so the installer can be SIGKILLed at a known byte.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

# ---------------------------------------------------------------------------------------------- test files


def write_safetensors(path: Path, tensors: dict[str, tuple[str, list[int]]], payload_seed: bytes = b"",
                      metadata: dict[str, str] | None = None) -> Path:
    """A real safetensors file: 8-byte header length, JSON header, then the data bytes.

    The data is small and deterministic (derived from ``payload_seed``) so hashes are stable; shapes are the
    real ones, with tiny dtypes sizes replaced by the declared element count times the dtype width.
    """
    width = {"BF16": 2, "F16": 2, "F32": 4, "F8_E4M3": 1, "U8": 1}
    header: dict[str, Any] = {}
    offset = 0
    for name, (dtype, shape) in tensors.items():
        n = width[dtype]
        for d in shape:
            n *= d
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + n]}
        offset += n
    if metadata:
        header["__metadata__"] = metadata
    raw = json.dumps(header, separators=(",", ":")).encode()
    raw += b" " * (-len(raw) % 8)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(struct.pack("<Q", len(raw)))
        fh.write(raw)
        block = hashlib.sha256(payload_seed or path.name.encode()).digest() * 2048
        left = offset
        while left:
            chunk = block[: min(len(block), left)]
            fh.write(chunk)
            left -= len(chunk)
    return path


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def git_blob_sha1(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


LFS_MIN = 64  # files at least this large are served as LFS (sha256 ETag), as the Hub does for weights


@dataclasses.dataclass
class RepoFile:
    path: str        # path inside the repo
    source: Path     # bytes on disk
    size: int
    sha256: str
    lfs: bool

    @property
    def etag(self) -> str:
        return self.sha256 if self.lfs else git_blob_sha1(self.source.read_bytes())


@dataclasses.dataclass
class Repo:
    repo_id: str
    files: dict[str, RepoFile]
    commit: str = "0" * 40
    gated: bool = False

    @classmethod
    def from_files(cls, repo_id: str, files: dict[str, Path], gated: bool = False, commit: str | None = None) -> "Repo":
        entries = {}
        for rp, src in files.items():
            size = src.stat().st_size
            entries[rp] = RepoFile(rp, src, size, sha256_file(src), size >= LFS_MIN or rp.endswith(".safetensors"))
        commit = commit or hashlib.sha1(repo_id.encode() + b"".join(e.sha256.encode() for e in entries.values())).hexdigest()
        return cls(repo_id, entries, commit, gated)


# ---------------------------------------------------------------------------------------------- git mirror for olah


def make_git_mirror(root: Path, repos: list[Repo]) -> None:
    """Lay out ``root/models/ORG/NAME`` git repos as olah's offline mode reads them, and set each
    Repo.commit to the real git commit so both hubs report the same revision."""
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@t", GIT_AUTHOR_DATE="2026-01-15T00:00:00Z",
               GIT_COMMITTER_DATE="2026-01-15T00:00:00Z")
    for repo in repos:
        wd = root / "models" / repo.repo_id
        if wd.exists():
            shutil.rmtree(wd)
        wd.mkdir(parents=True)
        subprocess.run(["git", "init", "-q", "-b", "main", str(wd)], check=True, env=env)
        for f in repo.files.values():
            dst = wd / f.path
            dst.parent.mkdir(parents=True, exist_ok=True)
            if f.lfs:
                dst.write_text(f"version https://git-lfs.github.com/spec/v1\noid sha256:{f.sha256}\nsize {f.size}\n")
                obj = wd / ".git" / "lfs" / "objects" / f.sha256[:2] / f.sha256[2:4] / f.sha256
                obj.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(f.source, obj)
            else:
                shutil.copyfile(f.source, dst)
        subprocess.run(["git", "-C", str(wd), "add", "-A"], check=True, env=env)
        subprocess.run(["git", "-C", str(wd), "commit", "-q", "-m", "files"], check=True, env=env)
        repo.commit = subprocess.run(["git", "-C", str(wd), "rev-parse", "HEAD"], check=True, env=env,
                                     capture_output=True, text=True).stdout.strip()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except Exception as exc:  # noqa: BLE001 - not up yet
            last = exc
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up: {last}")


class Olah:
    """olah-cli in offline mode over ``mirrors`` (a make_git_mirror root); a context manager."""

    def __init__(self, mirrors: Path, workdir: Path, probe_repo: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        workdir.mkdir(parents=True, exist_ok=True)
        cfg = workdir / "olah.toml"
        cfg.write_text(
            "[basic]\n"
            f'host = "127.0.0.1"\nport = {self.port}\n'
            f'repos-path = "{(workdir / "repos").as_posix()}"\n'
            f'mirror-netloc = "127.0.0.1:{self.port}"\nmirror-lfs-netloc = "127.0.0.1:{self.port}"\n'
            'mirror-scheme = "http"\n'
            f'mirrors-path = ["{mirrors.as_posix()}"]\n'
            "[accessibility]\noffline = true\n")
        exe = Path(sys.executable).with_name("olah-cli")
        self.proc = subprocess.Popen([str(exe), "-c", str(cfg)], cwd=str(workdir), stdout=subprocess.DEVNULL,
                                     stderr=open(workdir / "olah.log", "wb"))
        self.probe = f"{self.url}/api/models/{probe_repo}/revision/main"

    def __enter__(self) -> "Olah":
        try:
            wait_http(self.probe)
        except Exception:
            self.close()
            raise
        return self

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------------------------------------- our own hub


@dataclasses.dataclass
class Faults:
    """What the hub does wrong, per repo path (``"ORG/NAME:path"``) or for every file (``"*"``)."""
    wrong_bytes: set[str] = dataclasses.field(default_factory=set)
    die_after: dict[str, int] = dataclasses.field(default_factory=dict)   # key -> bytes sent before the drop
    die_times: int = 1                                                     # how many GETs die
    down_after_die: int = 0                                                # 503 this many requests after a drop
    rate: dict[str, int] = dataclasses.field(default_factory=dict)         # key -> bytes per second
    ignore_range: bool = False
    # hostile behaviours (tests/test_hostile_hub.py)
    stall_after: dict[str, int] = dataclasses.field(default_factory=dict)  # key -> absolute offset where the body hangs
    stall_s: float = 60.0                                                  # how long a stall lasts (or until shutdown)
    reset_after: dict[str, int] = dataclasses.field(default_factory=dict)  # key -> file offset where every GET gets a TCP RST
    oversize: dict[str, int] = dataclasses.field(default_factory=dict)     # key -> GET sends this many junk bytes
    oversize_head: bool = False                                            # ... and HEAD admits that size too
    bad_json: set[str] = dataclasses.field(default_factory=set)            # "info" | "tree": malformed JSON, 200
    bad_meta: set[str] = dataclasses.field(default_factory=set)            # key: HEAD/GET headers that make no sense
    meta_delay: float = 0.0                                                # seconds before any /api or HEAD answer
    # kill tests: hold the body when the hub's total body-byte counter reaches this offset
    pause_at: int | None = None
    pause_hold: bool = True                                                # False: only signal, keep sending


class FakeHub:
    """A threaded HF-protocol server; ``with FakeHub(repos) as hub: hub.url``."""

    def __init__(self, repos: list[Repo], token: str | None = None):
        self.repos = {r.repo_id: r for r in repos}
        self.token = token
        self.faults = Faults()
        self.log: list[tuple[str, str, str]] = []  # (method, path, range)
        self._lock = threading.Lock()
        self._down = 0
        self.sent = 0                       # body bytes of /resolve/ GETs sent so far (all files, all requests)
        self.bodies = 0                     # /resolve/ bodies being sent right now
        self.max_bodies = 0                 # the most sent at once so far (install --jobs N: never above N)
        self.paused = threading.Event()     # set when the body stream stopped at faults.pause_at
        self.release = threading.Event()    # set it to let a paused (or stalled) handler go on
        self.closing = threading.Event()
        hub = self

        class Handler(_Handler):
            state = hub

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "FakeHub":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.closing.set()
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def arm_pause(self, offset: int, hold: bool = True) -> None:
        """Set ``paused`` once ``offset`` more body bytes have gone out; with ``hold``, also stop every
        body stream there until ``release`` is set."""
        with self._lock:
            self.sent = 0
            self.paused.clear()
            self.release.clear()
            self.faults.pause_hold = hold
            self.faults.pause_at = offset

    def gets(self, path_suffix: str) -> list[tuple[str, str, str]]:
        return [e for e in self.log if e[0] == "GET" and e[1].endswith(path_suffix)]


def _match(table: Any, key: str) -> Any:
    if isinstance(table, set):
        return key in table or "*" in table
    return table.get(key, table.get("*"))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: FakeHub

    def log_message(self, *a: object) -> None:  # quiet
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionResetError, BrokenPipeError):
            pass  # a killed client: expected in these tests, not worth a traceback

    # -- helpers
    def _json(self, obj: Any, status: int = 200, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        self._json({"error": message}, status, {"X-Error-Code": code, "X-Error-Message": message, **(headers or {})})

    def _authorised(self, repo: Repo) -> bool:
        if not repo.gated:
            return True
        auth = self.headers.get("Authorization", "")
        return bool(self.state.token) and auth == f"Bearer {self.state.token}"

    def _gate(self, repo: Repo) -> bool:
        if self._authorised(repo):
            return True
        if self.headers.get("Authorization"):
            self._error(403, "GatedRepo", f"Access to model {repo.repo_id} is restricted and you are not in the "
                                          "authorized list. Visit the model page to ask for access.")
        else:
            self._error(401, "GatedRepo", f"Access to model {repo.repo_id} is restricted. You must have access to "
                                          "it and be authenticated to access it. Please log in.")
        return False

    def _find_repo(self, parts: list[str]) -> tuple[Repo | None, list[str]]:
        if len(parts) >= 2 and f"{parts[0]}/{parts[1]}" in self.state.repos:
            return self.state.repos[f"{parts[0]}/{parts[1]}"], parts[2:]
        return None, parts

    # -- routes
    def do_HEAD(self) -> None:  # noqa: N802
        self._route()

    def do_GET(self) -> None:  # noqa: N802
        self._route()

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self._error(404, "EntryNotFound", "not supported by the test hub")

    def _route(self) -> None:
        st = self.state
        url = urllib.parse.urlsplit(self.path)
        st.log.append((self.command, url.path, self.headers.get("Range", "")))
        with st._lock:
            if st._down > 0:
                st._down -= 1
                self._error(503, "ServiceUnavailable", "the test hub is down")
                return
        parts = [urllib.parse.unquote(p) for p in url.path.strip("/").split("/")]
        if parts[:2] == ["api", "models"]:
            if st.faults.meta_delay:
                st.closing.wait(st.faults.meta_delay)
            repo, rest = self._find_repo(parts[2:])
            if repo is None:
                self._error(401, "RepoNotFound", "Repository not found")
                return
            if not self._gate(repo):
                return
            if not rest:
                self._repo_info(repo, "main")
            elif rest[:1] == ["revision"] and len(rest) == 2:
                self._repo_info(repo, rest[1])
            elif rest[:1] == ["tree"] and len(rest) >= 2:
                self._tree(repo, rest[1], "/".join(rest[2:]), urllib.parse.parse_qs(url.query))
            else:
                self._error(404, "EntryNotFound", "unknown api route")
            return
        repo, rest = self._find_repo(parts)
        if repo is None or rest[:1] != ["resolve"] or len(rest) < 3:
            self._error(401, "RepoNotFound", "Repository not found")
            return
        if not self._gate(repo):
            return
        if rest[1] not in ("main", repo.commit):
            self._error(404, "RevisionNotFound", f"Invalid rev id: {rest[1]}")
            return
        f = repo.files.get("/".join(rest[2:]))
        if self.command == "HEAD" and st.faults.meta_delay:
            st.closing.wait(st.faults.meta_delay)
        if f is None:
            self._error(404, "EntryNotFound", "Entry not found", {"X-Repo-Commit": repo.commit})
            return
        self._serve_file(repo, f)

    def _malformed(self) -> None:
        """200 with a JSON body cut off in the middle, as a broken proxy or a dying server sends."""
        body = b'{"_id": "abc", "sha": "0123' if self.command != "HEAD" else b""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _repo_info(self, repo: Repo, rev: str) -> None:
        if rev not in ("main", repo.commit):
            self._error(404, "RevisionNotFound", f"Invalid rev id: {rev}")
            return
        if "info" in self.state.faults.bad_json:
            self._malformed()
            return
        self._json({"_id": repo.commit[:24], "id": repo.repo_id, "modelId": repo.repo_id, "sha": repo.commit,
                    "private": False, "gated": "manual" if repo.gated else False, "disabled": False,
                    "siblings": [{"rfilename": p} for p in sorted(repo.files)], "tags": [], "downloads": 0,
                    "likes": 0, "lastModified": "2026-01-15T00:00:00.000Z", "createdAt": "2026-01-15T00:00:00.000Z"})

    def _tree(self, repo: Repo, rev: str, prefix: str, query: dict[str, list[str]]) -> None:
        if rev not in ("main", repo.commit):
            self._error(404, "RevisionNotFound", f"Invalid rev id: {rev}")
            return
        if "tree" in self.state.faults.bad_json:
            self._malformed()
            return
        recursive = query.get("recursive", ["false"])[0].lower() == "true"
        entries: dict[str, dict[str, Any]] = {}
        base = prefix.strip("/")
        for f in sorted(repo.files.values(), key=lambda x: x.path):
            if base and not f.path.startswith(base + "/"):
                continue
            rel = f.path[len(base) + 1:] if base else f.path
            segs = rel.split("/")
            for i in range(1, len(segs)):
                d = "/".join(([base] if base else []) + segs[:i])
                if recursive or i == 1:
                    entries.setdefault(d, {"type": "directory", "oid": git_blob_sha1(d.encode()), "size": 0, "path": d})
            if recursive or len(segs) == 1:
                e: dict[str, Any] = {"type": "file", "oid": git_blob_sha1(f.path.encode()) if f.lfs else f.etag,
                                     "size": f.size, "path": f.path}
                if f.lfs:
                    e["lfs"] = {"oid": f.sha256, "size": f.size, "pointerSize": 134}
                entries[f.path] = e
        self._json(list(entries.values()))

    def _serve_file(self, repo: Repo, f: RepoFile) -> None:
        try:
            self._serve_file_inner(repo, f)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away (killed): nothing to tell anyone

    def _serve_oversize(self, repo: Repo, f: RepoFile, size: int) -> None:
        """A body of ``size`` junk bytes where the small file ``f`` is expected (HEAD may still say f.size)."""
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(size if self.command == "GET" or self.state.faults.oversize_head
                                               else f.size))
        self.send_header("ETag", f'"{f.etag}"')
        self.send_header("X-Repo-Commit", repo.commit)
        if f.lfs:
            self.send_header("X-Linked-Etag", f'"{f.sha256}"')
            self.send_header("X-Linked-Size", str(size if self.state.faults.oversize_head else f.size))
        self.end_headers()
        if self.command == "HEAD":
            return
        block = b"\xAB" * (1 << 16)
        sent = 0
        while sent < size and not self.state.closing.is_set():
            n = min(len(block), size - sent)
            self.wfile.write(block[:n])
            sent += n

    def _serve_bad_meta(self, repo: Repo, f: RepoFile) -> None:
        """Headers that make no sense: no ETag, a size that is not a number, a commit that is not a hash."""
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", "0")
        self.send_header("X-Repo-Commit", "not-a-commit")
        self.send_header("X-Linked-Size", "twelve")
        self.end_headers()

    def _pace(self, chunk: bytes) -> None:
        """Write ``chunk``, counting body bytes; at faults.pause_at set ``paused`` and, when
        faults.pause_hold, send nothing more until ``release`` (kill tests)."""
        st = self.state
        while True:
            with st._lock:
                at = st.faults.pause_at
                cut = len(chunk) if at is None else max(0, min(len(chunk), at - st.sent))
            if cut:
                self.wfile.write(chunk[:cut])
                with st._lock:
                    st.sent += cut
                chunk = chunk[cut:]
            if at is not None and st.sent >= at:
                with st._lock:
                    st.faults.pause_at = None
                st.paused.set()
                if st.faults.pause_hold:
                    st.release.wait(60)
            if not chunk:
                return

    def _serve_file_inner(self, repo: Repo, f: RepoFile) -> None:
        st = self.state
        key = f"{repo.repo_id}:{f.path}"
        if _match(st.faults.bad_meta, key):
            self._serve_bad_meta(repo, f)
            return
        big = _match(st.faults.oversize, key)
        if big is not None:
            self._serve_oversize(repo, f, big)
            return
        start, end = 0, f.size - 1
        rng = self.headers.get("Range")
        partial = False
        if rng and not st.faults.ignore_range and rng.startswith("bytes="):
            a, _, b = rng[6:].partition("-")
            start = int(a) if a else 0
            end = int(b) if b else f.size - 1
            if start >= f.size:
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{f.size}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            partial = True
        length = end - start + 1
        self.send_response(206 if partial else 200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(length))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("ETag", f'"{f.etag}"')
        self.send_header("X-Repo-Commit", repo.commit)
        if f.lfs:
            self.send_header("X-Linked-Etag", f'"{f.sha256}"')
            self.send_header("X-Linked-Size", str(f.size))
        if partial:
            self.send_header("Content-Range", f"bytes {start}-{end}/{f.size}")
        self.end_headers()
        if self.command == "HEAD":
            return
        with st._lock:
            st.bodies += 1
            st.max_bodies = max(st.max_bodies, st.bodies)
        try:
            self._send_body(st, key, f, start, length)
        finally:
            with st._lock:
                st.bodies -= 1

    def _send_body(self, st: FakeHub, key: str, f: RepoFile, start: int, length: int) -> None:
        die = _match(st.faults.die_after, key)
        if die is not None:
            with st._lock:
                if st.faults.die_times > 0:
                    st.faults.die_times -= 1
                else:
                    die = None
        rate = _match(st.faults.rate, key)
        wrong = _match(st.faults.wrong_bytes, key)
        stall = _match(st.faults.stall_after, key)
        reset = _match(st.faults.reset_after, key)
        plain = (die is None and rate is None and not wrong and stall is None and reset is None
                 and st.faults.pause_at is None)
        with open(f.source, "rb") as fh:
            fh.seek(start)
            if plain and hasattr(os, "sendfile"):
                self.wfile.flush()
                sent = 0
                while sent < length:
                    n = os.sendfile(self.connection.fileno(), fh.fileno(), start + sent, min(length - sent, 1 << 24))
                    if n == 0:
                        break
                    sent += n
                with st._lock:
                    st.sent += sent
                return
            sent = 0
            t0 = time.monotonic()
            while sent < length:
                chunk = fh.read(min(1 << 16, length - sent, (rate or 1 << 16)))
                if not chunk:
                    break
                if wrong and start + sent <= f.size // 2 < start + sent + len(chunk):
                    i = f.size // 2 - start - sent
                    chunk = chunk[:i] + bytes([chunk[i] ^ 0xFF]) + chunk[i + 1:]
                if stall is not None and start + sent <= stall < start + sent + len(chunk):
                    self.wfile.write(chunk[: stall - start - sent])
                    self.wfile.flush()
                    st.closing.wait(st.faults.stall_s)  # hang mid-body, connection open, nothing more
                    self.close_connection = True
                    return
                if reset is not None and start + sent + len(chunk) > reset:
                    self.wfile.write(chunk[: max(reset - start - sent, 0)])
                    self.wfile.flush()
                    self.close_connection = True
                    # SO_LINGER 0: close() sends RST instead of FIN, the client sees "connection reset by peer"
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.connection.close()
                    return
                if die is not None and sent + len(chunk) > die:
                    self.wfile.write(chunk[: max(die - sent, 0)])
                    self.wfile.flush()
                    with st._lock:
                        st._down = st.faults.down_after_die
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self._pace(chunk)
                sent += len(chunk)
                if rate:
                    ahead = sent / rate - (time.monotonic() - t0)
                    if ahead > 0:
                        time.sleep(ahead)


# ------------------------------------------------------------------------------------------ test manifests
# The Klein 4B FP8 ComfyUI files where the built-in manifest says they live (repo, path in the repo).
DM = ("black-forest-labs/FLUX.2-klein-4b-fp8", "flux-2-klein-4b-fp8.safetensors")
TE = ("Comfy-Org/z_image_turbo", "split_files/text_encoders/qwen_3_4b.safetensors")
VAE = ("Comfy-Org/flux2-dev", "split_files/vae/flux2-vae.safetensors")


def comfy_file_row(role: str, folder: str, name: str, repo: str, path: str, size: int, sha256: str) -> str:
    """One `[[variant.comfyui.files]]` row of a test manifest, hashing a served test file."""
    return (f'[[variant.comfyui.files]]\nrole = "{role}"\nfolder = "{folder}"\nname = "{name}"\nrepo = "{repo}"\n'
            f'repo_path = "{path}"\nrevision = "main"\nsize = {size}\nsha256 = "{sha256}"\n'
            'identity = "x"\nsource = "test file"\ntag = "[I]"\n')


def klein_4b_fp8_toml(size: dict[str, int], sha: dict[str, str]) -> str:
    """The klein-4b-fp8 variant with the test files' sizes and hashes (keys "dm", "te", "vae")."""
    return ('[[variant]]\nid = "klein-4b-fp8"\ndefault_for = ["comfyui"]\ngated = false\nsource = "t"\ntag = "[I]"\n'
            "[variant.comfyui]\n"
            + comfy_file_row("diffusion_model", "diffusion_models", "flux-2-klein-4b-fp8.safetensors", *DM,
                             size["dm"], sha["dm"])
            + comfy_file_row("text_encoder", "text_encoders", "qwen_3_4b.safetensors", *TE, size["te"], sha["te"])
            + comfy_file_row("vae", "vae", "flux2-vae.safetensors", *VAE, size["vae"], sha["vae"]))
