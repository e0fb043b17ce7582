"""Logs area: known errors in the ComfyUI log, explained as `klein-doctor explain` would.

The probe stored only signature ids, their numbers and excerpts; the cause and fix are derived here
from manifests/errors.toml, so a corrected manifest corrects replayed facts too.
"""

from __future__ import annotations

from pathlib import PureWindowsPath
from typing import Any

from ..findings import fail, info, ok, skip, warn
from ..registry import check
from ..winpath import is_windows_path


def _bytes(v: Any) -> int:
    """A byte count from facts (a replayed file may hold anything there)."""
    try:
        return max(0, int(v))
    except (TypeError, ValueError, OverflowError):
        return 0


def _name(path: str) -> str:
    return PureWindowsPath(path).name if is_windows_path(path) else path.rsplit("/", 1)[-1]


@check("logs.comfyui", area="Logs", title="The ComfyUI log holds no known Klein errors",
       needs=["comfyui_tree", "comfyui_log"])
def comfyui_logs(facts: dict[str, Any]):
    from .. import explain

    data = facts.get("comfyui_log") or {}
    logs = [lg for lg in data.get("logs") or [] if isinstance(lg, dict)]
    if not logs:
        yield skip("logs.comfyui.none", "No ComfyUI log found to scan (user/comfyui*.log)")
        return
    cat = explain.catalog()
    read = [lg for lg in logs if not lg.get("error")]
    for lg in logs:
        if lg.get("error"):
            yield warn("logs.comfyui.unreadable", f"Could not read the ComfyUI log {_name(str(lg.get('path')))}",
                       [f"{lg.get('path')}: {lg['error']}"], "Check the file's permissions, or pass the log to `klein-doctor explain --log FILE`")
    found = 0
    for lg in read:
        path = str(lg.get("path"))
        old = "prev" in _name(path).lower()  # ComfyUI keeps the previous session as comfyui.prev*.log
        ctx = lg.get("context") if isinstance(lg.get("context"), dict) else {}
        hits = [h for h in lg.get("hits") or [] if isinstance(h, dict)]
        # the same interpretation, superseding and merging as `klein-doctor explain`
        for d in explain.explain_hits(hits, cat, dict(ctx)):
            found += 1
            where = f"line {d['line']}" if d.get("line") else "in the last " + f"{_bytes(lg.get('scanned_bytes')) / 2**20:.1f} MiB"
            times = f", {d['count']} times" if d.get("count", 1) > 1 else ""
            evidence = [f"{_name(path)} ({where}{times}): {d.get('excerpt')}", f"cause: {d['cause']}",
                        f"confirm: {d['confirm']}", f"source: {d['source']}"]
            title = f"{d['title']} (seen in {_name(path)}{' from an earlier session' if old else ''})"
            code = f"logs.comfyui.{d['id']}"
            if d["severity"] == "info":
                yield info(code, title, evidence, d["fix"])
            elif d["severity"] == "warn" or old:
                yield warn(code, title, evidence, d["fix"])
            else:
                yield fail(code, title, evidence, d["fix"])
    if read and not found:
        scanned = sum(_bytes(lg.get("scanned_bytes")) for lg in read)
        yield ok("logs.comfyui.clean", f"No known error in {len(read)} ComfyUI log{'s' if len(read) != 1 else ''} "
                                        f"({scanned / 2**20:.1f} MiB scanned)", [str(lg.get("path")) for lg in read])
