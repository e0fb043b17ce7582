"""Helpers the checks share: which GPU is judged, human sizes, the target Python."""

from __future__ import annotations

from typing import Any

from doctor.platform_rules import device_cc


def gib(n: int | float | None) -> str:
    if n is None:
        return "unknown"
    return f"{n / 1024**3:.1f} GiB"


def gb(n: int | float | None) -> str:
    if n is None:
        return "unknown"
    return f"{n / 1e9:.1f} GB"


def selected_gpu(facts: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """The GPU that will run the model, and why that one: --gpu, else CUDA_VISIBLE_DEVICES, else
    ComfyUI's --cuda-device, else GPU 0. Indices are NVML's (PCI order)."""
    devices = (facts.get("gpu") or {}).get("devices") or []
    if not devices:
        return None, "no GPU found"
    opts = facts.get("options") or {}
    env = ((facts.get("system") or {}).get("env") or {})

    def by_index(i: int) -> dict[str, Any] | None:
        return next((d for d in devices if d.get("index") == i), None)

    if opts.get("gpu") is not None:
        d = by_index(int(opts["gpu"]))
        return d, f"--gpu {opts['gpu']}" if d else f"--gpu {opts['gpu']} (no such GPU)"
    cvd = env.get("CUDA_VISIBLE_DEVICES")
    if cvd is not None:
        first = cvd.split(",")[0].strip()
        if first in ("", "-1", "NoDevFiles"):
            return None, f"CUDA_VISIBLE_DEVICES={cvd!r} hides every GPU"
        if first.isdigit():
            d = by_index(int(first))
            return d, f"CUDA_VISIBLE_DEVICES={cvd}" if d else f"CUDA_VISIBLE_DEVICES={cvd} names no existing GPU"
        d = next((x for x in devices if x.get("uuid") and x["uuid"].startswith(first)), None)
        return d, f"CUDA_VISIBLE_DEVICES={cvd}" if d else f"CUDA_VISIBLE_DEVICES={cvd} names no existing GPU"
    tree = facts.get("comfyui_tree") or {} if opts.get("path") == "comfyui" else {}
    comfy_dev = tree.get("cuda_device") if tree.get("found") else None
    if comfy_dev is None:
        comfy_dev = opts.get("comfyui_cuda_device")  # facts saved before the tree probe kept it in its facts
    if comfy_dev is not None:
        d = by_index(int(comfy_dev))
        return d, f"ComfyUI --cuda-device {comfy_dev}"
    return by_index(0) or devices[0], "GPU 0 (the default)"


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
