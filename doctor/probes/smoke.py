"""The smoke generation (``check --smoke``): a real 4-step 1024x1024 run, timed and measured.

It runs after the torch probe so the two never hold the GPU at once, and does nothing unless asked:
it takes seconds to minutes and loads ~16 GB, which a plain `check` must never do unbidden.
"""

from __future__ import annotations

from typing import Any

from . import ProbeContext, probe
from .pyenv import target_python

# The child has its own bound (--smoke-timeout); this only catches a runner that is itself stuck.
PROBE_TIMEOUT = 4 * 3600


def _device(ctx: ProbeContext) -> tuple[dict[str, Any] | None, int]:
    import os

    from ..gpu_select import select, torch_device_index

    devices = (ctx.results.get("gpu") or {}).get("devices") or []
    tree = ctx.results.get("comfyui_tree") or {}
    comfy = tree.get("cuda_device") if ctx.options.get("path") == "comfyui" and tree.get("found") else None
    d, _ = select(devices, ctx.options.get("gpu"), os.environ, comfy)
    return d, (d or {}).get("index", torch_device_index(ctx.options.get("gpu")))


def _comfyui_smoke(ctx: ProbeContext) -> dict[str, Any]:
    """Queue the Klein workflow on the running ComfyUI with the files that server itself lists."""
    from .. import manifests
    from ..smoke.comfyui import choose_files, run_series
    from ..smoke.sampler import NvmlSampler

    opts = ctx.options
    base: dict[str, Any] = {"requested": True, "path": "comfyui", "ran": False}
    srv = ctx.results.get("comfyui_server") or {}
    if not srv.get("is_comfyui"):
        return {**base, "reason": "no ComfyUI server answered (start ComfyUI, or pass --server URL)"}
    try:
        variants = manifests.load("models").get("variant", [])
    except manifests.ManifestError as exc:
        return {**base, "reason": str(exc)}
    want = opts.get("variant") or next((v["id"] for v in variants if "comfyui" in (v.get("default_for") or [])), "klein-4b-fp8")
    variant = next((v for v in variants if v["id"] == want), None)
    if variant is None or "comfyui" not in variant:
        return {**base, "reason": f"variant {want!r} has no ComfyUI files in the manifest"}
    if not variant.get("distilled", True):
        return {**base, "reason": f"{want} is a base model (20-50 steps): the ComfyUI smoke run covers the distilled 4-step models"}
    files, why = choose_files(((srv.get("object_info") or {}).get("files") or {}), variant["comfyui"].get("files") or [])
    if why:
        return {**base, "reason": why}
    device, index = _device(ctx)
    remote = bool(srv.get("remote"))
    run_on = server_device(srv, None if remote else device)
    # NVML watches this machine's GPU: pointless for a server on another machine or one running on the CPU.
    sampler = None if remote or run_on["type"] != "cuda" else NvmlSampler(index)
    out = run_series(srv["url"], files, runs=int(opts.get("smoke_runs") or 3), timeout=float(opts.get("smoke_timeout") or 900),
                     sampler=sampler, device=run_on, save_to=opts.get("smoke_out"), dtype=variant.get("dtype", "fp8"))
    target_variant = "klein-4b" if variant["model"] == "klein-4b" else variant["model"]
    return {**base, "ran": True, "server": srv["url"], "remote": remote, "files": files,
            "plan": {"variant": target_variant, "dtype": variant.get("dtype", "fp8"), "mode": "resident",
                     "notes": [f"ComfyUI at {srv['url']} ({'another machine: no NVML there' if remote else 'this machine'})",
                               f"files as the server lists them: {files}"]},
            **out}


def server_device(srv: dict[str, Any], local_gpu: dict[str, Any] | None) -> dict[str, Any]:
    """The device the ComfyUI server really computes on, from its own /system_stats: 'cpu' when it runs on
    the CPU (started with --cpu, or a torch without CUDA), never a GPU name guessed from this machine."""
    devs = [d for d in srv.get("devices") or [] if isinstance(d, dict)]
    first = devs[0] if devs else {}
    kind = str(first.get("type") or "").lower()
    if kind == "cpu":
        return {"type": "cpu", "name": "CPU", "source": "the server's /system_stats"}
    if kind == "cuda":
        raw = str(first.get("name") or "")
        # ComfyUI names it "cuda:0 NVIDIA H200 : cudaMallocAsync"
        name = raw.split(" : ")[0]
        name = name.split(" ", 1)[1] if name.startswith("cuda:") and " " in name else name
        if local_gpu and local_gpu.get("name") and (not name or name in str(local_gpu.get("name"))):
            name = str(local_gpu["name"])
        return {"type": "cuda", "name": name or (local_gpu or {}).get("name"), "source": "the server's /system_stats"}
    if kind:
        return {"type": kind, "name": str(first.get("name") or kind), "source": "the server's /system_stats"}
    return {"type": None, "name": None, "source": "the server did not say which device it uses"}


@probe("smoke", timeout=PROBE_TIMEOUT, after=["python", "gpu", "torch", "comfyui_server"])
def smoke_probe(ctx: ProbeContext) -> dict[str, Any]:
    opts = ctx.options
    if not opts.get("smoke"):
        return {"requested": False}
    if opts.get("path") == "comfyui":
        return _comfyui_smoke(ctx)
    from ..smoke import run_diffusers_smoke

    device, index = _device(ctx)
    # NVML numbers GPUs in PCI order, torch in CUDA_VISIBLE_DEVICES order; the two agree when that variable
    # is unset, which is when --gpu N is meaningful. The child reports the name it used, so a mismatch shows.
    return run_diffusers_smoke(opts, target_python(opts, ctx.results), device, gpu_index=index)
