"""PyTorch in the target interpreter, imported only in a time-bounded child process."""

from __future__ import annotations

from typing import Any

from .. import subproc
from . import ProbeContext, probe
from .pyenv import target_python

DEFAULT_TIMEOUT = 120.0


@probe("torch", timeout=DEFAULT_TIMEOUT + 10, after=["comfyui_tree"])
def torch_probe(ctx: ProbeContext) -> dict[str, Any]:
    # Runs in parallel with the "python" probe: importing torch is the slow part of a check, so only
    # the (fast) ComfyUI tree probe, which may name the interpreter, runs before it. The child reports a
    # missing torch itself.
    timeout = float(ctx.options.get("torch_timeout") or DEFAULT_TIMEOUT)
    gpu = ctx.options.get("gpu")
    res = subproc.run_script(target_python(ctx.options), "torch_probe.py", [str(gpu if gpu is not None else 0)],
                             timeout=timeout)
    out: dict[str, Any] = {"ran": True, "wall_s": round(res.duration_s, 3)}
    if res.data is None:
        if res.returncode is None and res.error and res.error.startswith(("interpreter not found", "cannot start")):
            out.update(ran=False, installed=None, reason=f"the target Python did not start: {res.error}")
            return out
        out.update(installed=True, crashed=True, error=res.error, returncode=res.returncode,
                   stderr_tail=res.stderr[-3000:])
        return out
    out.update(res.data)
    if out.get("installed") is False:
        out["ran"] = False
        out["reason"] = "torch is not installed in the target Python"
    if res.stderr.strip():
        out["stderr_tail"] = res.stderr[-3000:]
    return out
