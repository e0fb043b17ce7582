"""The ComfyUI log: which known error signatures its recent lines hold.

Checks are pure functions of facts, so the log is read here: the last ``TAIL_BYTES`` of each log that the
``comfyui_tree`` probe lists (``user/comfyui*.log``), scanned with the `explain` signatures. Only the
matched signature ids, their numbers and a short excerpt go into the facts, never the log itself
(it holds prompts, paths and user names).
"""

from __future__ import annotations

import os
import stat
from typing import Any

from . import ProbeContext, probe

TAIL_BYTES = 5 * 1024 * 1024
MAX_LOGS = 8


def _paths(tree: dict[str, Any]) -> list[str]:
    out = []
    for entry in tree.get("logs") or []:
        path = entry.get("path") if isinstance(entry, dict) else entry
        if isinstance(path, str) and path:
            out.append(path)
    return out[:MAX_LOGS]


def scan_log(path: str, tail: int = TAIL_BYTES) -> dict[str, Any]:
    """One log's signature hits from its last ``tail`` bytes; an unreadable log is recorded, not raised."""
    from .. import explain

    rec: dict[str, Any] = {"path": path, "size": None, "mtime": None, "scanned_bytes": 0, "partial": False,
                           "hits": [], "context": {}, "error": None}
    try:
        from .. import safeio

        st = safeio.regular_file(path)  # a FIFO named comfyui.log would block the probe forever; /dev/zero never ends
        rec["size"], rec["mtime"] = st.st_size, int(st.st_mtime)
        rec["partial"] = st.st_size > tail
        with open(path, "rb") as fh:
            if rec["partial"]:
                fh.seek(st.st_size - tail)
                fh.readline()  # drop the partial first line
            sc = explain.scan_stream(explain.read_blocks(fh), count_lines=not rec["partial"])
    except OSError as exc:
        rec["error"] = f"{type(exc).__name__}: {exc.strerror or exc}"
        return rec
    rec["scanned_bytes"] = sc.bytes
    rec["hits"] = [h.to_dict() for h in sc.hits.values()]
    rec["context"] = dict(sc.context)
    return rec


@probe("comfyui_log", timeout=30, after=["comfyui_tree"])
def comfyui_log_probe(ctx: ProbeContext) -> dict[str, Any]:
    tree = ctx.results.get("comfyui_tree") or {}
    return {"tail_bytes": TAIL_BYTES, "logs": [scan_log(p) for p in _paths(tree)]}
