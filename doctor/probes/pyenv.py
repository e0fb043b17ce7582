"""The target Python environment: the interpreter that will run Klein (not necessarily ours)."""

from __future__ import annotations

import os
from typing import Any

from .. import subproc
from . import ProbeContext, probe


def target_python(options: dict[str, Any]) -> str:
    """`--python EXE` wins; on the comfyui path the interpreter ComfyUI runs with (found by the
    comfyui_tree probe, which sets ``detected_python``); else the doctor's own."""
    return options.get("python") or options.get("detected_python") or subproc.this_python()


@probe("python", timeout=30, after=["comfyui_tree"])
def python_probe(ctx: ProbeContext) -> dict[str, Any]:
    exe = target_python(ctx.options)
    res = subproc.run_script(exe, "pyenv_probe.py", timeout=25)
    out: dict[str, Any] = {"requested": exe, "is_doctor_python": os.path.realpath(exe) == os.path.realpath(subproc.this_python()),
                           "duration_s": round(res.duration_s, 3)}
    if res.data is None:
        out["error"] = res.error
        out["stderr_tail"] = res.stderr[-2000:]
        return out
    out.update(res.data)
    return out
