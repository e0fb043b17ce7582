"""sha256 and header sanity for downloaded files.

The hash is computed while the bytes arrive (a thread reads the growing ``*.incomplete`` file that
huggingface_hub writes) so that verification adds almost nothing after the last byte; when that is
not possible (Windows keeps an open file from being renamed, the file was already there, the client
restarted the file) it falls back to one full pass. A mismatch is always confirmed by a full pass
before anything is quarantined, so a tailing mistake can cost time but never a false verdict.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import threading
import time
from pathlib import Path

CHUNK = 8 << 20


def sha256_file(path: Path, progress: "callable | None" = None) -> str:  # type: ignore[valid-type]
    h = hashlib.sha256()
    with open(path, "rb", buffering=0) as fh:
        buf = bytearray(CHUNK)
        view = memoryview(buf)
        while n := fh.readinto(buf):
            h.update(view[:n])
            if progress:
                progress(n)
    return h.hexdigest()


def safetensors_problem(path: Path) -> str | None:
    """Why a .safetensors file is structurally broken (truncated, not safetensors), or None.

    Cheap (reads the header only): catches a truncated file even when no hash is known. The one header
    reader is doctor.safetensors_id (bounded: header length, JSON depth, integer size).
    """
    from ..safetensors_id import read_facts

    got = read_facts(path)
    return None if got["integrity"]["ok"] else got["integrity"]["problem"]


class TailHasher:
    """Hash the newest ``*.incomplete`` file in ``folder`` while huggingface_hub writes it."""

    def __init__(self, folder: Path, enabled: bool = True):
        self.folder = folder
        self.enabled = enabled and os.name != "nt"
        self.started = time.time()
        self._stop = threading.Event()
        self._fh = None
        self._h = hashlib.sha256()
        self.pos = 0
        self.broken = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        if self.enabled:
            self._thread.start()

    def _find(self):
        try:
            cands = [p for p in self.folder.glob("*.incomplete") if p.stat().st_mtime >= self.started - 1]
        except OSError:
            return None
        if not cands:
            return None
        try:
            return open(max(cands, key=lambda p: p.stat().st_mtime), "rb", buffering=0)
        except OSError:
            return None

    def _drain(self) -> int:
        assert self._fh is not None
        size = os.fstat(self._fh.fileno()).st_size
        if size < self.pos:
            self.broken = True  # the client truncated and restarted: our bytes are stale
            return 0
        got = 0
        while self.pos < size:
            chunk = self._fh.read(min(CHUNK, size - self.pos))
            if not chunk:
                break
            self._h.update(chunk)
            self.pos += len(chunk)
            got += len(chunk)
        return got

    def _run(self) -> None:
        while not self._stop.is_set() and not self.broken:
            if self._fh is None:
                self._fh = self._find()
                if self._fh is None:
                    time.sleep(0.01)
                    continue
            try:
                if not self._drain():
                    time.sleep(0.005)
            except OSError:
                self.broken = True

    def finish(self, final: Path) -> str:
        """The sha256 of ``final`` (the completed file): from the tail when it saw every byte."""
        self._stop.set()
        if self.enabled:
            self._thread.join()
        if self._fh is not None and not self.broken:
            try:
                same = os.path.samestat(os.fstat(self._fh.fileno()), os.stat(final))
                if same:
                    self._drain()
                    if not self.broken and self.pos == final.stat().st_size:
                        self._fh.close()
                        return self._h.hexdigest()
            except OSError:
                pass
        if self._fh is not None:
            self._fh.close()
        return sha256_file(final)

    def abort(self) -> None:
        self._stop.set()
        if self.enabled:
            self._thread.join()
        if self._fh is not None:
            self._fh.close()
