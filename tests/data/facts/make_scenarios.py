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


WIN_PLATFORM = "Windows-11-10.0.26100-SP0"  # platform.platform() on Windows 11 24H2
WSL_RELEASE = "6.6.87.2-microsoft-standard-WSL2"  # the WSL2 kernel's uname -r (the 'microsoft' marker)


def on_windows(f: dict, python: str, prefix: str, home: str, shell: str, env_kind: str, how: str, why: str) -> None:
    """Make a recorded machine Windows through and through: platform strings, paths, interpreter, shell,
    and the packages a Windows wheel brings (no nvidia-* CUDA wheels, no Linux triton)."""
    f["system"].update(os="win32", platform=WIN_PLATFORM, machine="AMD64", release="11", wsl=False, home=home,
                       disk={"path": home + r"\.cache\huggingface\hub", "measured_at": home + r"\.cache",
                             "free_bytes": 412 * 10**9, "total_bytes": 1000 * 10**9},
                       doctor_python=home + r"\.local\pipx\venvs\klein-doctor\Scripts\python.exe",
                       doctor_python_version="3.12.10",
                       shell={"name": shell, "how": "parent process " + ("cmd.exe" if shell == "cmd" else "powershell.exe")})
    f["system"].pop("swap_total_bytes", None)
    f["system"]["env"] = {}
    pk = {k: v for k, v in f["python"]["packages"].items() if not k.startswith("nvidia-") and k != "triton"}
    f["python"].update(requested=python, executable=python, version="3.12.10", platform="win32", prefix=prefix,
                       base_prefix=prefix if env_kind == "embedded" else r"C:\Program Files\Python312",
                       is_venv=env_kind != "embedded", embedded=env_kind == "embedded", packages=pk,
                       env_kind=env_kind, has_pip=True, uv_made=False, package_tool="pip", is_doctor_python=False,
                       selected={"executable": python, "how": how, "why": why, "tried": []},
                       doctor_env={"executable": f["system"]["doctor_python"],
                                   "prefix": home + r"\.local\pipx\venvs\klein-doctor", "kind": "pipx"})


def comfy_tree_win(root: str, layout: str, version: str, python: str, scripts: list[str], flags: list[dict],
                   models_root: str, user: str) -> dict:
    """facts["comfyui_tree"] for a Windows install, in the probe's format (backslash paths throughout)."""
    folders = {}
    for t in ("diffusion_models", "text_encoders", "vae", "unet", "clip", "checkpoints"):
        folders[t] = [{"path": models_root + "\\" + t, "source": "default", "is_default": False, "exists": True}]
    folders["diffusion_models"].insert(0, {"path": models_root + r"\unet", "source": "legacy alias unet",
                                           "is_default": False, "exists": True})
    folders["text_encoders"].append({"path": models_root + r"\clip", "source": "legacy alias clip",
                                     "is_default": False, "exists": True})
    return {"found": True, "root": root, "how_found": "--comfyui", "layout": layout, "tried": [],
            "code_dir": root if layout != "desktop" else None, "desktop_base": root if layout == "desktop" else None,
            "version": version, "version_source": "comfyui_version.py", "git_describe": None,
            "klein_nodes": {"nodes": {"EmptyFlux2LatentImage": "comfy_extras/nodes_flux.py" if version >= "0.9.2" else None,
                                      "Flux2Scheduler": "comfy_extras/nodes_flux.py" if version >= "0.9.2" else None},
                            "clip_type_flux2": "nodes.py" if version >= "0.9.2" else None,
                            "all_present": version >= "0.9.2"},
            "python": python, "python_how": "beside the install", "server_runs_this_install": False,
            "cuda_device": None, "launch_flags": flags, "launch_scripts": scripts, "attention_scan": None,
            "model_folders": folders, "extra_model_paths": {"files": [], "missing": []}, "models_root": models_root,
            "base_directory": {"path": models_root.rsplit("\\", 1)[0], "from": "the install folder"},
            "folders": {k: {"path": (user if k == "user" else models_root.rsplit("\\", 1)[0] + "\\" + k), "from": "default"}
                        for k in ("user", "output", "input")},
            "workflows_dir": None, "logs": [], "source": "tree"}


def scenarios() -> dict[str, dict]:
    out = {}
    out["h100-cu130"] = base()

    f = base()
    f["scenario"] = "RTX 5090 on torch 2.7.1+cu126 (no sm_120 kernels)"
    set_gpu(f, "NVIDIA GeForce RTX 5090", "12.0", 31.8)
    f["gpu"].update(driver_version="576.28", cuda_driver_version="12.9")
    f["scenario"] += "; ComfyUI portable on Windows 11, PowerShell"
    set_torch(f, "2.7.1+cu126", "12.6", ARCH_CU126)
    on_windows(f, r"C:\ComfyUI_windows_portable\python_embeded\python.exe", r"C:\ComfyUI_windows_portable\python_embeded",
               r"C:\Users\<user>", "powershell", "embedded", "--python", "asked for with --python")
    f["options"]["python"] = r"C:\ComfyUI_windows_portable\python_embeded\python.exe"
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

    # --- Windows ComfyUI portable in a folder with a space, started from cmd: too old for Klein, xformers
    # 0.0.31 on an RTX 5070 (sm_120), DIFFUSERS_ATTN_BACKEND set in the Windows environment.
    f = base()
    f["scenario"] = ("Windows 11, ComfyUI portable 0.8.2 in 'D:\\AI Tools', RTX 5070, torch 2.8.0+cu128, "
                     "xformers 0.0.31.post1, cmd")
    set_gpu(f, "NVIDIA GeForce RTX 5070", "12.0", 11.94)
    f["gpu"].update(driver_version="581.57", cuda_driver_version="13.0", source="nvml")
    set_torch(f, "2.8.0+cu128", "12.8", ["sm_70", "sm_75", "sm_80", "sm_86", "sm_90", "sm_100", "sm_120"])
    container = r"D:\AI Tools\ComfyUI_windows_portable"
    py = container + r"\python_embeded\python.exe"
    on_windows(f, py, container + r"\python_embeded", r"C:\Users\<user>", "cmd", "embedded", "comfyui-install",
               f"the interpreter of the ComfyUI install at {container}\\ComfyUI (beside the install)")
    f["python"]["packages"].update({"xformers": "0.0.31.post1", "torchvision": "0.23.0", "torchaudio": "2.8.0"})
    f["system"]["env"]["DIFFUSERS_ATTN_BACKEND"] = "xformers"
    f["options"].update(path="comfyui", comfyui=container)
    f["comfyui_tree"] = comfy_tree_win(container + r"\ComfyUI", "portable", "0.8.2", py,
                                       [container + r"\run_nvidia_gpu.bat"], [], container + r"\ComfyUI\models",
                                       container + r"\ComfyUI\user")
    out["win-portable-cmd-old-comfyui"] = f

    # --- Windows ComfyUI Desktop: the base folder under Documents (a user name with a space and an
    # apostrophe), its .venv (made by uv, no pip), RTX 5080, an old sageattention, PowerShell.
    f = base()
    f["scenario"] = ("Windows 11, ComfyUI Desktop 0.9.2, RTX 5080, torch 2.7.1+cu128, xformers 0.0.31.post1 (FA3 on "
                     "sm_120) and SageAttention forced in the settings, PowerShell")
    set_gpu(f, "NVIDIA GeForce RTX 5080", "12.0", 15.92)
    f["gpu"].update(driver_version="576.88", cuda_driver_version="12.9")
    set_torch(f, "2.7.1+cu128", "12.8", ARCH_CU130)
    home = r"C:\Users\Jane O'Neil"
    dbase = home + r"\Documents\ComfyUI"
    py = dbase + r"\.venv\Scripts\python.exe"
    on_windows(f, py, dbase + r"\.venv", home, "powershell", "venv", "comfyui-install",
               f"the interpreter of the ComfyUI install at {dbase} (beside the install)")
    f["python"].update(has_pip=False, uv_made=True, package_tool="uv")
    f["python"]["packages"].update({"sageattention": "1.0.6", "xformers": "0.0.31.post1", "torchvision": "0.22.1",
                                    "torchaudio": "2.7.1"})
    f["options"].update(path="comfyui")
    t = comfy_tree_win(dbase, "desktop", "0.9.2", py, [home + r"\AppData\Roaming\ComfyUI\config.json"],
                       [{"flag": "--use-sage-attention", "value": None, "file": dbase + r"\user\default\comfy.settings.json",
                         "line": 1, "text": "LaunchArgs --use-sage-attention"}], dbase + r"\models", dbase + r"\user")
    t["how_found"] = "ComfyUI Desktop config " + home + r"\AppData\Roaming\ComfyUI\config.json"
    t["code_dir"] = home + r"\AppData\Local\Programs\@comfyorgcomfyui-electron\resources\ComfyUI"
    f["comfyui_tree"] = t
    out["win-desktop-xformers"] = f

    # --- WSL2 (Ubuntu 24.04 on Windows 11): the GPU comes from the Windows driver 560.94, seen through
    # /usr/lib/wsl/lib/nvidia-smi (NVML not on the loader path); torch 2.11.0+cu130 needs driver 580.
    f = base()
    f["scenario"] = "WSL2 Ubuntu 24.04, RTX 4080 with Windows driver 560.94, torch 2.11.0+cu130 in a venv under a folder with a space"
    set_gpu(f, "NVIDIA GeForce RTX 4080", "8.9", 15.99)
    f["gpu"].update(driver_version="560.94", cuda_driver_version="12.6", source="nvidia-smi",
                    executable="/usr/lib/wsl/lib/nvidia-smi", attempts=[
                        {"source": "nvml", "ok": False, "error": "NVMLError_LibraryNotFound: NVML Shared Library Not Found"},
                        {"source": "nvidia-smi", "ok": True, "executable": "/usr/lib/wsl/lib/nvidia-smi"}])
    f["system"].update(platform=f"Linux-{WSL_RELEASE}-x86_64-with-glibc2.39", release=WSL_RELEASE, wsl=True,
                       home="/home/<user>", env={"WSL_DISTRO_NAME": "Ubuntu-24.04"},
                       shell={"name": "posix", "how": "parent process bash"})
    py = "/home/<user>/Klein Art/.venv/bin/python"
    f["python"].update(requested=py, executable=py, prefix="/home/<user>/Klein Art/.venv", env_kind="venv", has_pip=True,
                       uv_made=False, package_tool="pip", is_doctor_python=False,
                       selected={"executable": py, "how": "active-env",
                                 "why": "the active environment (VIRTUAL_ENV=/home/<user>/Klein Art/.venv)", "tried": []})
    f["torch"].update(is_available=False, kernel_ok=None, device_count=0, devices=[],
                      warnings=["CUDA initialization: The NVIDIA driver on your system is too old (found version 12060). "
                                "Please update your GPU driver by downloading and installing a new version from the URL: "
                                "http://www.nvidia.com/Download/index.aspx"])
    f["options"]["path"] = "diffusers"
    out["wsl2-driver560-cu130"] = f
    return out


if __name__ == "__main__":
    for name, facts in scenarios().items():
        (HERE / f"{name}.json").write_text(json.dumps(facts, indent=1) + "\n")
        print("wrote", name)
