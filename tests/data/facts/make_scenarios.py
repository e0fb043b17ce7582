"""Regenerate the scenario facts in this folder: `python tests/data/facts/make_scenarios.py`.

Every scenario starts from the real H100 recorded in ../shared/fixtures/gpu/h100-torch2.11-cu130 (NVML
readings, the torch probe, pip list), transcribed into klein-doctor's facts format, and changes only what
the scenario is about: the GPU model and capability, the driver, the wheel. The changed values come from
../shared/reference/platform.md (capabilities, wheel arch lists, PyTorch's own error texts).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2].parent / "shared" / "fixtures" / "gpu" / "h100-torch2.11-cu130"

ARCH_CU126 = ["sm_50", "sm_60", "sm_70", "sm_75", "sm_80", "sm_86", "sm_90"]
ARCH_CU130 = ["sm_75", "sm_80", "sm_86", "sm_90", "sm_100", "sm_120"]


def base() -> dict:
    nvml = json.loads((SHARED / "nvml.json").read_text())
    probe = json.loads((SHARED / "torch-probe.json").read_text())
    pkgs = {}
    for line in (SHARED / "pip-list.txt").read_text().splitlines():
        name, _, ver = line.strip().partition(" ")
        if name:
            pkgs[name.lower().replace("_", "-")] = ver.strip()
    mem = nvml["nvmlDeviceGetMemoryInfo"]
    return {
        "schema": "klein-doctor-facts/1",
        "collected_at": "2026-11-26T05:53:25+00:00",
        "tool_version": "0.1.0",
        "scenario": "real H100 (shared/fixtures/gpu), transcribed",
        "options": {"path": None, "python": None, "gpu": None, "scan": []},
        "probe_errors": {},
        "system": {"os": "linux", "platform": "Linux-6.18.44-x86_64-with-glibc2.39", "machine": "x86_64", "wsl": False,
                   "hostname": "<host>", "user": "<user>", "home": "~", "cpu_count": 16,
                   "ram_total_bytes": 128 * 1024**3, "swap_total_bytes": 0,
                   "disk": {"path": "~/.cache/huggingface/hub", "measured_at": "~", "free_bytes": 60 * 10**9},
                   "env": {}, "secret_vars_set": []},
        "gpu": {"source": "nvml", "driver_version": nvml["nvmlSystemGetDriverVersion"],
                "cuda_driver_version": "13.0", "attempts": [{"source": "nvml", "ok": True}],
                "devices": [{"index": 0, "name": nvml["nvmlDeviceGetName"],
                             "uuid": "GPU-11111111-2222-3333-4444-555555555555",
                             "compute_capability": "%d.%d" % tuple(nvml["nvmlDeviceGetCudaComputeCapability"]),
                             "memory_total_bytes": mem["total"], "memory_free_bytes": mem["free"],
                             "memory_used_bytes": mem["used"], "pci_bus_id": "00000000:00:06.0",
                             "pcie_gen": 5, "pcie_width": 16, "pcie_max_width": 16, "sm_clock_mhz": 345,
                             "sm_clock_max_mhz": 1980, "power_limit_w": 700.0, "processes": []}]},
        "python": {"requested": "/opt/torch/.venv/bin/python3", "executable": "/opt/torch/.venv/bin/python3",
                   "version": "3.12.3", "implementation": "CPython", "is_venv": True, "embedded": False,
                   "platform": "linux", "packages": pkgs,
                   "torch_build": {"found": True, "version": probe["version"], "cuda": probe["cuda"], "hip": None}},
        "torch": {"ran": True, "installed": True, "import_s": 1.9, "version": probe["version"], "cuda": probe["cuda"],
                  "hip": None, "arch_flags": probe["arch_flags"].split(), "cudnn": probe["cudnn"],
                  "is_available": probe["is_available"], "device_count": probe["device_count"],
                  "devices": [{"index": 0, "name": probe["name"], "capability": probe["capability"],
                               "total_memory": mem["total"]}],
                  "kernel_device": 0, "kernel_ok": probe["kernel_ok"], "mem_get_info": probe["mem_get_info"],
                  "sdpa_flash": probe["sdpa_flash"], "extensions": {}, "warnings": probe["warnings"]},
        "scan": {"paths": [], "files_scanned": 0, "hits": [], "missing": [], "truncated": False},
    }


def set_gpu(f: dict, name: str, cc: str, vram_gib: float) -> None:
    d = f["gpu"]["devices"][0]
    d.update(name=name, compute_capability=cc, memory_total_bytes=int(vram_gib * 1024**3),
             memory_free_bytes=int(vram_gib * 1024**3) - 500 * 1024**2, memory_used_bytes=500 * 1024**2,
             power_limit_w=None, pcie_gen=4 if cc < "12" else 5)
    f["torch"]["devices"] = [{"index": 0, "name": name, "capability": [int(x) for x in cc.split(".")],
                              "total_memory": int(vram_gib * 1024**3)}]


def set_torch(f: dict, version: str, cuda: str | None, arch: list[str]) -> None:
    f["torch"].update(version=version, cuda=cuda, arch_flags=arch)
    f["python"]["torch_build"].update(version=version, cuda=cuda)
    f["python"]["packages"]["torch"] = version.split("+")[0]


def scenarios() -> dict[str, dict]:
    out = {}
    out["h100-cu130"] = base()

    f = base()
    f["scenario"] = "RTX 5090 on torch 2.7.1+cu126 (no sm_120 kernels)"
    set_gpu(f, "NVIDIA GeForce RTX 5090", "12.0", 31.8)
    f["gpu"].update(driver_version="576.28", cuda_driver_version="12.9")
    f["system"]["os"] = "win32"
    set_torch(f, "2.7.1+cu126", "12.6", ARCH_CU126)
    f["python"].update(executable=r"C:\ComfyUI_windows_portable\python_embeded\python.exe", embedded=True,
                       version="3.12.10", platform="win32")
    f["torch"].update(kernel_ok=False, kernel_error={"type": "RuntimeError", "message":
                      "CUDA error: no kernel image is available for execution on the device\nCUDA kernel errors might be "
                      "asynchronously reported at some other API call, so the stacktrace below might be incorrect."},
                      warnings=["\nNVIDIA GeForce RTX 5090 with CUDA capability sm_120 is not compatible with the current "
                                "PyTorch installation.\nThe current PyTorch install supports CUDA capabilities sm_50 sm_60 "
                                "sm_70 sm_75 sm_80 sm_86 sm_90."])
    out["rtx5090-torch271-cu126"] = f

    f = base()
    f["scenario"] = "RTX 5090 with driver 560 (pre-Blackwell branch) and torch 2.11.0+cu130"
    set_gpu(f, "NVIDIA GeForce RTX 5090", "12.0", 31.8)
    f["gpu"].update(driver_version="560.94", cuda_driver_version="12.6")
    f["torch"].update(is_available=False, kernel_ok=None, device_count=0, devices=[],
                      warnings=["CUDA initialization: The NVIDIA driver on your system is too old (found version 12060). "
                                "Please update your GPU driver by downloading and installing a new version from the URL: "
                                "http://www.nvidia.com/Download/index.aspx"])
    out["rtx5090-driver560"] = f

    f = base()
    f["scenario"] = "RTX 4090 with driver 570 and torch 2.11.0+cu130 (CUDA 13 needs driver 580)"
    set_gpu(f, "NVIDIA GeForce RTX 4090", "8.9", 23.99)
    f["gpu"].update(driver_version="570.133.07", cuda_driver_version="12.8")
    f["torch"].update(is_available=False, kernel_ok=None, device_count=0, devices=[],
                      warnings=["CUDA initialization: The NVIDIA driver on your system is too old (found version 12080)."])
    out["rtx4090-driver570-cu130"] = f

    f = base()
    f["scenario"] = "RTX 3090 (Ampere, no FP8 tensor cores) on the ComfyUI FP8 path"
    set_gpu(f, "NVIDIA GeForce RTX 3090", "8.6", 24.0)
    f["options"]["path"] = "comfyui"
    out["rtx3090-fp8"] = f

    f = base()
    f["scenario"] = "no NVIDIA GPU (NVML, nvidia-smi and /proc all absent) and a CPU torch"
    f["gpu"] = {"source": None, "driver_version": None, "cuda_driver_version": None, "devices": [], "attempts": [
        {"source": "nvml", "ok": False, "error": "NVMLError_LibraryNotFound: NVML Shared Library Not Found"},
        {"source": "nvidia-smi", "ok": False, "error": "nvidia-smi not found on PATH or in the usual places"},
        {"source": "proc", "ok": False, "error": "FileNotFoundError: No such file or directory"}]}
    set_torch(f, "2.13.0+cpu", None, [])
    f["torch"].update(is_available=False, device_count=0, devices=[], kernel_ok=None, cudnn=None)
    out["no-gpu"] = f

    f = base()
    f["scenario"] = "H100 with a CPU-only torch wheel"
    set_torch(f, "2.11.0+cpu", None, [])
    f["torch"].update(is_available=False, device_count=0, devices=[], kernel_ok=None, cudnn=None)
    out["cpu-torch-on-gpu"] = f

    f = base()
    f["scenario"] = "torch installed but its import fails (libcudnn missing)"
    f["torch"] = {"ran": True, "installed": True, "import_error": {
        "type": "OSError", "message": "libcudnn.so.9: cannot open shared object file: No such file or directory"},
        "warnings": [], "duration_s": 0.4}
    out["broken-torch-import"] = f

    f = base()
    f["scenario"] = "RTX 5090, torch 2.8.0+cu128, xformers 0.0.31 (FA3 on sm_120) and a forced FlashAttention-2"
    set_gpu(f, "NVIDIA GeForce RTX 5090", "12.0", 31.8)
    f["gpu"].update(driver_version="575.64.03", cuda_driver_version="12.9")
    set_torch(f, "2.8.0+cu128", "12.8", ["sm_70", "sm_75", "sm_80", "sm_86", "sm_90", "sm_100", "sm_120"])
    f["python"]["packages"].update({"xformers": "0.0.31.post1", "flash-attn": "2.7.3"})
    f["system"]["env"]["DIFFUSERS_ATTN_BACKEND"] = "flash"
    f["options"]["scan"] = ["~/klein/run.py"]
    f["scan"] = {"paths": ["~/klein/run.py"], "files_scanned": 1, "missing": [], "truncated": False, "hits": [
        {"file": "~/klein/run.py", "line": 12, "pattern": "transformers-fa2", "kind": "flash",
         "text": 'text_encoder = AutoModel.from_pretrained(repo, attn_implementation="flash_attention_2")'}]}
    out["rtx5090-attention-overrides"] = f

    f = base()
    f["scenario"] = "two GPUs, CUDA_VISIBLE_DEVICES=1 selects an RTX 3060 12 GB"
    second = copy.deepcopy(f["gpu"]["devices"][0])
    second.update(index=1, name="NVIDIA GeForce RTX 3060", compute_capability="8.6",
                  memory_total_bytes=12 * 1024**3, memory_free_bytes=11 * 1024**3, memory_used_bytes=1024**3,
                  uuid="GPU-66666666-7777-8888-9999-000000000000")
    f["gpu"]["devices"].append(second)
    f["system"]["env"]["CUDA_VISIBLE_DEVICES"] = "1"
    f["options"]["path"] = "diffusers"
    out["two-gpus-cvd1"] = f
    return out


if __name__ == "__main__":
    for name, facts in scenarios().items():
        (HERE / f"{name}.json").write_text(json.dumps(facts, indent=1) + "\n")
        print("wrote", name)
