"""PyTorch in the target interpreter, imported only in a time-bounded child process."""

from __future__ import annotations

import atexit
from typing import Any

from .. import subproc
from . import ProbeContext, probe
from .pyenv import target_python

DEFAULT_TIMEOUT = 120.0

# A child started by ``prestart`` before the probes run, keyed by (interpreter, device argument).
_EARLY: dict[tuple[str, str], subproc.Running] = {}


def _device_arg(options: dict[str, Any]) -> str:
    from ..gpu_select import torch_device_index

    return str(torch_device_index(options.get("gpu")))


def prestart(options: dict[str, Any]) -> None:
    """Start the torch child now, if its interpreter is already known (not waiting for the ComfyUI
    tree to name one): importing torch is most of a check's time, so it should overlap everything else."""
    if not options.get("python"):  # else the interpreter is chosen by the probes (pyenv.choose)
        return
    py = target_python(options)
    key = (py, _device_arg(options))
    if key not in _EARLY:
        if not _EARLY:
            atexit.register(_reap)
        _EARLY[key] = subproc.start_script(py, "torch_probe.py", [key[1]])


def _reap() -> None:
    """A prestarted child nobody collected (a usage error came first) must not outlive us."""
    for running in _EARLY.values():
        if running.proc is not None and running.proc.poll() is None:
            subproc._kill_tree(running.proc)
    _EARLY.clear()


@probe("torch", timeout=DEFAULT_TIMEOUT + 10, after=["python_target"])
def torch_probe(ctx: ProbeContext) -> dict[str, Any]:
    # Runs in parallel with the "python" probe: importing torch is the slow part of a check, so only
    # the (fast) ComfyUI tree probe, which may name the interpreter, runs before it. The child reports a
    # missing torch itself.
    timeout = float(ctx.options.get("torch_timeout") or DEFAULT_TIMEOUT)
    key = (target_python(ctx.options, ctx.results), _device_arg(ctx.options))
    from .. import progress

    progress.note(f"importing torch in {key[0] if len(key[0]) <= 60 else '…' + key[0][-59:]}")
    running = _EARLY.pop(key, None) or subproc.start_script(key[0], "torch_probe.py", [key[1]])
    res = subproc.finish_script(running, timeout=timeout)
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
