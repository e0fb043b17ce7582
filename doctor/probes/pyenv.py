"""The target Python environment: the interpreter that will run Klein (not necessarily ours)."""

from __future__ import annotations

import os
from typing import Any

from .. import subproc
from . import ProbeContext, probe


def target_python(options: dict[str, Any], results: dict[str, Any] | None = None) -> str:
    """`--python EXE` wins; on the comfyui path the interpreter ComfyUI runs with (from the comfyui_tree
    probe's results); else the doctor's own."""
    tree = (results or {}).get("comfyui_tree") or {}
    detected = tree.get("python") if options.get("path") == "comfyui" and tree.get("found") else None
    return options.get("python") or detected or options.get("detected_python") or subproc.this_python()


@probe("python", timeout=30, after=["comfyui_tree"])
def python_probe(ctx: ProbeContext) -> dict[str, Any]:
    exe = target_python(ctx.options, ctx.results)
    res = subproc.run_script(exe, "pyenv_probe.py", timeout=25)
    out: dict[str, Any] = {"requested": exe, "is_doctor_python": os.path.realpath(exe) == os.path.realpath(subproc.this_python()),
                           "duration_s": round(res.duration_s, 3)}
    if res.data is None:
        out["error"] = res.error
        out["stderr_tail"] = res.stderr[-2000:]
        return out
    out.update(res.data)
    return out
