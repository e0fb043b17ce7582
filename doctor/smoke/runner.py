"""Run the diffusers smoke child with a time bound while NVML is sampled, and keep every outcome as facts."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .. import subproc
from .plan import make_plan
from .sampler import NvmlSampler

SCRIPT = "smoke_diffusers.py"


def _swap_used() -> int | None:
    try:
        text = Path("/proc/meminfo").read_text(encoding="utf-8")
    except OSError:
        return None
    vals = {}
    for line in text.splitlines():
        k, _, v = line.partition(":")
        if k in ("SwapTotal", "SwapFree"):
            vals[k] = int(v.split()[0]) * 1024
    if len(vals) < 2:
        return None
    return vals["SwapTotal"] - vals["SwapFree"]


def child_config(options: dict[str, Any], plan, gpu_index: int) -> dict[str, Any]:
    cfg: dict[str, Any] = {
        "synthetic": plan.synthetic, "model_dir": plan.model_dir, "dtype": plan.dtype, "mode": plan.mode,
        "steps": plan.steps, "guidance": plan.guidance, "seed": int(options.get("smoke_seed") or 42),
        "runs": int(options.get("smoke_runs") or 3), "width": 1024, "height": 1024, "gpu": gpu_index,
    }
    out = options.get("smoke_out")
    if out and not plan.synthetic:
        p = Path(out).expanduser()
        if not p.is_absolute():
            p = Path(options.get("cwd") or os.getcwd()) / p
        cfg["out"] = str(p)
    for key in ("smoke_width", "smoke_height"):
        if options.get(key):
            cfg[key.split("_")[1]] = int(options[key])
    if options.get("smoke_vram_limit_gb"):
        cfg["vram_limit_gb"] = float(options["smoke_vram_limit_gb"])
    if options.get("synthetic_config"):
        cfg["synthetic_config"] = options["synthetic_config"]
    return cfg


def run_diffusers_smoke(options: dict[str, Any], python: str, device: dict[str, Any] | None,
                        gpu_index: int = 0) -> dict[str, Any]:
    """The ``smoke`` facts: the plan, the child's report (or why there is none), NVML's view, swap."""
    facts: dict[str, Any] = {"requested": True, "path": "diffusers", "python": python}
    try:
        plan = make_plan(options, device)
    except KeyError as exc:
        facts["ran"] = False
        facts["plan_error"] = str(exc.args[0])
        return facts
    facts["plan"] = plan.to_dict()
    if plan.problems:
        facts["ran"] = False
        return facts
    cfg = child_config(options, plan, gpu_index)
    timeout = float(options.get("smoke_timeout") or 900.0)
    with tempfile.TemporaryDirectory(prefix="klein-smoke-") as tmp:
        cfg_path = Path(tmp) / "config.json"
        cfg_path.write_text(json.dumps(cfg), encoding="utf-8")
        sampler = NvmlSampler(index=gpu_index)
        swap_before = _swap_used()
        sampler.start()
        res = subproc.run_script(python, SCRIPT, [f"@{cfg_path}"], timeout=timeout)
        child_pid = (res.data or {}).get("pid")
        facts["nvml"] = sampler.stop(child_pid)
        swap_after = _swap_used()
    facts["ran"] = True
    facts["timeout_s"] = timeout
    facts["wall_s"] = round(res.duration_s, 3)
    facts["swap_used_bytes"] = {"before": swap_before, "after": swap_after}
    if res.data is None:
        kind = "timeout" if res.error and res.error.startswith("timed out") else "crash"
        facts["result"] = {"ok": False, "error": {"kind": kind, "message": res.error or "no report",
                                                  "returncode": res.returncode}}
        facts["stderr_tail"] = res.stderr[-3000:]
        return facts
    facts["result"] = res.data
    return facts
