"""sha256 of model files: streamed, in parallel, and remembered.

Klein's ComfyUI files are 12 GB together; re-reading them on every ``check`` would make the doctor
unusable. hashlib releases the GIL on large updates, so plain threads hash several files on several
cores, and a reused ``readinto`` buffer keeps the reader from allocating 16 MiB per block. A digest is
remembered under (path, size, mtime_ns, inode): any rewrite, even in place, changes one of them, so a
cached answer is never stale in a way a normal writer could cause.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable

from . import cancel
from . import progress as live

BLOCK = 16 * 1024 * 1024
CACHE_FILE = "sha256-cache.json"
CACHE_SCHEMA = 1
_MAX_CACHE_BYTES = 32 * 1024 * 1024


def cache_dir() -> Path:
    """The user cache directory: KLEIN_DOCTOR_CACHE_DIR (tests), else the platform's usual place."""
    env = os.environ.get("KLEIN_DOCTOR_CACHE_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "klein-doctor" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "klein-doctor"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "klein-doctor"


def stat_key(path: str | os.PathLike[str], st: os.stat_result | None = None) -> str:
    st = st or os.stat(path)
    return f"{os.path.abspath(path)}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}"


class HashCache:
    """Digests by stat key, in one JSON file. A broken or foreign cache file is ignored (and then
    replaced), never an error: the cache only saves time."""

    def __init__(self, directory: Path | None = None):
        self.path = (directory or cache_dir()) / CACHE_FILE
        self._lock = threading.Lock()
        self._entries: dict[str, str] = self._read()
        self._dirty = False

    def _read(self) -> dict[str, str]:
        try:
            if self.path.stat().st_size > _MAX_CACHE_BYTES:
                return {}
            doc = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(doc, dict) or doc.get("schema") != CACHE_SCHEMA or not isinstance(doc.get("entries"), dict):
            return {}
        return {k: v for k, v in doc["entries"].items() if isinstance(k, str) and isinstance(v, str) and len(v) == 64}

    def get(self, path: str | os.PathLike[str], st: os.stat_result | None = None) -> str | None:
        try:
            return self._entries.get(stat_key(path, st))
        except OSError:
            return None

    def put(self, path: str | os.PathLike[str], digest: str, st: os.stat_result | None = None) -> None:
        with self._lock:
            self._entries[stat_key(path, st)] = digest
            self._dirty = True

    def save(self) -> bool:
        """Merge with what another run may have written meanwhile, then replace atomically.
        Entries for files that no longer exist are dropped. Returns False when the folder is not writable."""
        if not self._dirty:
            return True
        with self._lock:
            merged = {**self._read(), **self._entries}
            merged = {k: v for k, v in merged.items() if os.path.exists(k.rsplit("|", 3)[0])}
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
                tmp.write_text(json.dumps({"schema": CACHE_SCHEMA, "entries": merged}, indent=0), encoding="utf-8")
                os.replace(tmp, self.path)
            except OSError:
                return False
            self._entries, self._dirty = merged, False
            return True


def sha256_file(path: str | os.PathLike[str], block: int = BLOCK,
                progress: Callable[[int], None] | None = None) -> str:
    """Stream one file through sha256 with a single reused buffer."""
    h = hashlib.sha256()
    buf = bytearray(block)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as fh:
        while True:
            n = fh.readinto(buf)
            if not n:
                break
            h.update(view[:n])
            cancel.check()  # Ctrl-C stops a 16 GB file within one block
            if progress:
                progress(n)
    return h.hexdigest()


def digest(path: str | os.PathLike[str], cache: HashCache | None = None,
           progress: Callable[[int], None] | None = None) -> str:
    """The sha256 of one file, answered from ``cache`` when its stat key is known (then the file is not read),
    else computed and remembered there (saved at once). ``check`` and ``install`` both go through this cache,
    so a file verified by one is not hashed again by the other."""
    st = os.stat(path)
    hit = cache.get(path, st) if cache else None
    if hit:
        return hit
    value = sha256_file(path, progress=progress)
    if cache is not None:
        try:
            same = os.stat(path)
            if (same.st_size, same.st_mtime_ns) == (st.st_size, st.st_mtime_ns):
                cache.put(path, value, st)
                cache.save()
        except OSError:
            pass
    return value


def remember(path: str | os.PathLike[str], value: str, cache: HashCache | None = None) -> None:
    """Record a digest computed elsewhere (``install`` hashes while the bytes arrive) under the file's stat
    key, for the path as given and as resolved, so ``check`` finds it whichever way it names the file."""
    cache = cache if cache is not None else HashCache()
    for p in dict.fromkeys([os.path.abspath(path), os.path.realpath(path)]):
        try:
            cache.put(p, value)
        except OSError:
            pass
    cache.save()


def hash_files(paths: Iterable[str], cache: HashCache | None = None, workers: int | None = None,
               show_progress: bool | None = None) -> dict[str, dict[str, str | None]]:
    """{path: {"sha256", "state": "cached"|"computed"|"error", "error"}}; files hashed in parallel
    (one thread per core by default), cached digests answered without reading the file."""
    out: dict[str, dict[str, str | None]] = {}
    todo: list[tuple[str, os.stat_result]] = []
    for p in dict.fromkeys(paths):
        try:
            st = os.stat(p)
            if not stat.S_ISREG(st.st_mode):  # a FIFO blob would block the hash forever, a device never ends
                from .safeio import file_kind

                raise OSError(f"{file_kind(st.st_mode)}, not a regular file")
        except OSError as exc:
            out[p] = {"sha256": None, "state": "error", "error": exc.strerror or str(exc)}
            continue
        hit = cache.get(p, st) if cache else None
        if hit:
            out[p] = {"sha256": hit, "state": "cached", "error": None}
        else:
            todo.append((p, st))
    if not todo:
        return out
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo)))
    if show_progress is None:
        show_progress = sys.stderr.isatty() and not live.active()  # the live status block shows it then
    bar = _Progress(sum(st.st_size for _, st in todo), len(todo)) if show_progress else None

    def one(item: tuple[str, os.stat_result]) -> None:
        p, st = item
        try:
            digest = sha256_file(p, progress=bar.advance if bar else live.hasher_callback(p, st.st_size))
        except OSError as exc:
            out[p] = {"sha256": None, "state": "error", "error": exc.strerror or str(exc)}
            return
        try:
            same = os.stat(p)
            unchanged = (same.st_size, same.st_mtime_ns) == (st.st_size, st.st_mtime_ns)
        except OSError:
            unchanged = False
        if cache and unchanged:  # a file rewritten while we read it is not remembered
            cache.put(p, digest, st)
        out[p] = {"sha256": digest, "state": "computed", "error": None}

    try:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sha256") as pool:
            list(pool.map(one, todo))
    finally:
        if bar:
            bar.close()
    if cache:
        cache.save()
    return out


class _Progress:
    """A rich progress bar on stderr (only ever built when stderr is a terminal)."""

    def __init__(self, total: int, files: int):
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn, TransferSpeedColumn

        self._p = Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(),
                           TransferSpeedColumn(), TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self._task = self._p.add_task(f"sha256 of {files} model file{'s' if files != 1 else ''}", total=total)
        self._lock = threading.Lock()
        self._p.start()

    def advance(self, n: int) -> None:
        with self._lock:
            self._p.update(self._task, advance=n)

    def close(self) -> None:
        self._p.stop()
