"""The diffusers runtime: whether `from diffusers import Flux2KleinPipeline` works in the target Python.

Runs only where it can matter (`--path diffusers`, and diffusers is installed there), in a child of the
target interpreter, because the import loads torch, transformers and diffusers (seconds).
"""

from __future__ import annotations

from typing import Any

from .. import subproc
from . import ProbeContext, probe
from .pyenv import target_python

TIMEOUT = 90.0


@probe("runtime", timeout=TIMEOUT + 10, after=["python"])
def runtime_probe(ctx: ProbeContext) -> dict[str, Any]:
    py = ctx.results.get("python") or {}
    packages = py.get("packages") or {}
    if ctx.options.get("path") != "diffusers":
        # The import loads torch, transformers and diffusers (seconds): done when the diffusers path is chosen.
        return {"tried": False, "reason": "the import is tried with --path diffusers"}
    if py.get("error") or not py:
        return {"tried": False, "reason": "the target Python could not be examined"}
    if "diffusers" not in packages:
        return {"tried": False, "reason": "diffusers is not installed in the target Python"}
    exe = py.get("executable") or target_python(ctx.options)
    res = subproc.run_script(exe, "runtime_probe.py", timeout=TIMEOUT)
    if res.data is None:
        return {"tried": True, "ok": False, "error": res.error or "no answer", "stderr_tail": res.stderr[-1500:],
                "python": exe}
    return {"tried": True, "python": exe, **res.data}
