"""The one GPU selector: which GPU will run the model, and why that one.

--gpu N, else CUDA_VISIBLE_DEVICES (its first entry, an index or a UUID prefix), else ComfyUI's
--cuda-device (on the comfyui path), else GPU 0. Indices are NVML's (PCI order). Checks call it through
checks/_common.selected_gpu (from the facts), probes directly (from their results and the live environment).
"""

from __future__ import annotations

from typing import Any, Mapping


def select(devices: list[dict[str, Any]], gpu: Any = None, env: Mapping[str, str] | None = None,
           comfyui_cuda_device: Any = None) -> tuple[dict[str, Any] | None, str]:
    if not devices:
        return None, "no GPU found"
    env = env or {}

    def by_index(i: int) -> dict[str, Any] | None:
        return next((d for d in devices if d.get("index") == i), None)

    if gpu is not None:
        d = by_index(int(gpu))
        return d, f"--gpu {gpu}" if d else f"--gpu {gpu} (no such GPU)"
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
    if comfyui_cuda_device is not None:
        d = by_index(int(comfyui_cuda_device))
        return d, f"ComfyUI --cuda-device {comfyui_cuda_device}"
    return by_index(0) or devices[0], "GPU 0 (the default)"


def torch_device_index(gpu: Any = None) -> int:
    """The cuda:N a torch child is asked to use: --gpu N, else 0 (the first GPU CUDA_VISIBLE_DEVICES leaves)."""
    return int(gpu) if gpu is not None else 0
