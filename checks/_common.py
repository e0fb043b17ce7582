"""Helpers the checks share: which GPU is judged, human sizes, the target Python."""

from __future__ import annotations

from typing import Any

from ..platform_rules import device_cc
from ..winpath import stray_quote
from ..sizes import gb, gib  # noqa: F401 - the one size formatter (re-exported for the checks)


def selected_gpu(facts: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """The GPU that will run the model, and why that one (doctor/gpu_select.py, the one selector):
    --gpu, else CUDA_VISIBLE_DEVICES, else ComfyUI's --cuda-device, else GPU 0. Indices are NVML's (PCI order)."""
    from ..gpu_select import select

    devices = (facts.get("gpu") or {}).get("devices") or []
    if not devices:
        return None, "no GPU found"
    opts = facts.get("options") or {}
    env = ((facts.get("system") or {}).get("env") or {})
    tree = facts.get("comfyui_tree") or {} if opts.get("path") == "comfyui" else {}
    comfy_dev = tree.get("cuda_device") if tree.get("found") else None
    if comfy_dev is None:
        comfy_dev = opts.get("comfyui_cuda_device")  # facts saved before the tree probe kept it in its facts
    return select(devices, opts.get("gpu"), env, comfy_dev)


def describe_gpu(d: dict[str, Any]) -> str:
    cc, src = device_cc(d)
    parts = [f"GPU {d.get('index')}: {d.get('name') or 'unknown model'}"]
    if cc:
        parts.append(f"compute capability {cc}" + ("" if src == "driver" else f" (from the {src})"))
    if d.get("memory_total_bytes"):
        parts.append(f"{gib(d['memory_total_bytes'])} VRAM")
    return ", ".join(parts)


def target_python(facts: dict[str, Any]) -> str | None:
    py = facts.get("python") or {}
    return py.get("executable") or py.get("requested")


def os_name(facts: dict[str, Any]) -> str:
    return str((facts.get("system") or {}).get("os") or "linux")


def torch_facts(facts: dict[str, Any]) -> dict[str, Any]:
    return facts.get("torch") or {}


def torch_build(t: dict[str, Any]) -> str | None:
    """What the target's PyTorch is built for: "rocm", "cpu" or "cuda"; None where no PyTorch was found. One
    reading for torch.cuda-build and the smoke's first words."""
    if not t.get("version"):
        return None
    return "rocm" if t.get("hip") else "cuda" if t.get("cuda") else "cpu"


def no_gpu_found(facts: dict[str, Any]) -> bool:
    """The GPU probe ran and found no NVIDIA GPU (gpu.none); False where it did not run."""
    g = facts.get("gpu")
    return isinstance(g, dict) and not g.get("devices")


def given_path_problem(state: str | None, noun: str, given: Any = None) -> str | None:
    """What is wrong with a folder the user named (its safeio.path_state): 'does not exist (...)' or 'is a file,
    not NOUN'; None for a folder (or no state recorded). One wording for --comfyui, --models-dir, --model-dir.
    `given`, the path as typed, lets a missing one that ends in cmd's stray quote be said as that."""
    if state == "missing" and (quoted := stray_quote(given)):
        return quoted
    return {"missing": "does not exist (a typo, or a path with spaces given without quotes?)",
            "file": f"is a file, not {noun}"}.get(state or "")
