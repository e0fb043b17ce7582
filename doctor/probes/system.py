"""The host: OS, WSL, RAM, swap, disk, and the environment variables that change how Klein runs."""

from __future__ import annotations

import getpass
import os
import platform
import shutil
import socket
import sys
from pathlib import Path
from typing import Any

from . import ProbeContext, probe

# Variables whose value matters to a diagnosis. Secrets are never stored: only whether one is set.
ENV_VARS = [
    "CUDA_VISIBLE_DEVICES", "CUDA_DEVICE_ORDER", "DIFFUSERS_ATTN_BACKEND", "PYTORCH_CUDA_ALLOC_CONF",
    "HF_HOME", "HF_HUB_CACHE", "HF_ENDPOINT", "HF_HUB_OFFLINE", "HF_HUB_ENABLE_HF_TRANSFER",
    "COMFYUI_PATH", "XFORMERS_DISABLED", "WSL_DISTRO_NAME", "CUDA_HOME", "CUDA_PATH",
]
SECRET_SUFFIXES = ("_TOKEN", "_KEY", "_SECRET")


def _meminfo() -> dict[str, int]:
    out: dict[str, int] = {}
    try:
        with open("/proc/meminfo", encoding="ascii", errors="replace") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                parts = rest.split()
                if parts and parts[0].isdigit():
                    out[key] = int(parts[0]) * 1024
    except OSError:
        pass
    return out


def _windows_ram() -> int | None:  # pragma: no cover - Windows only
    import ctypes

    class MEMORYSTATUSEX(ctypes.Structure):
        _fields_ = [("dwLength", ctypes.c_ulong), ("dwMemoryLoad", ctypes.c_ulong),
                    ("ullTotalPhys", ctypes.c_ulonglong), ("ullAvailPhys", ctypes.c_ulonglong),
                    ("ullTotalPageFile", ctypes.c_ulonglong), ("ullAvailPageFile", ctypes.c_ulonglong),
                    ("ullTotalVirtual", ctypes.c_ulonglong), ("ullAvailVirtual", ctypes.c_ulonglong),
                    ("ullAvailExtendedVirtual", ctypes.c_ulonglong)]

    stat = MEMORYSTATUSEX()
    stat.dwLength = ctypes.sizeof(MEMORYSTATUSEX)
    if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(stat)):
        return int(stat.ullTotalPhys)
    return None


def is_wsl() -> bool:
    if os.environ.get("WSL_DISTRO_NAME"):
        return True
    try:
        with open("/proc/version", encoding="ascii", errors="replace") as fh:
            return "microsoft" in fh.read().lower()
    except OSError:
        return False


def os_details() -> dict[str, Any]:
    """What a maintainer asks first: the OS by name (Windows edition and build, the Linux or WSL distro)."""
    out: dict[str, Any] = {}
    if sys.platform == "win32":  # pragma: no cover - Windows only
        out["windows_version"] = platform.version()  # 10.0.26100: build >= 22000 is Windows 11
        try:
            out["windows_edition"] = platform.win32_edition()
        except Exception:  # noqa: BLE001 - Python < 3.8 or a stripped registry
            out["windows_edition"] = None
        return out
    out.update(os_release())
    return out


def os_release(path: str = "/etc/os-release") -> dict[str, Any]:
    """The distribution by name and by family (os-release's ID and ID_LIKE), which decides the driver command."""
    out: dict[str, Any] = {"distro": None}
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            rel = dict(line.rstrip("\n").split("=", 1) for line in fh if "=" in line)
    except (OSError, ValueError):
        return out

    def val(key: str) -> str:
        return rel.get(key, "").strip().strip('"').strip("'")

    out["distro"] = val("PRETTY_NAME") or val("NAME") or None
    out["distro_id"] = val("ID").lower() or None
    out["distro_like"] = val("ID_LIKE").lower().split()
    out["distro_version"] = val("VERSION_ID") or None
    return out


_CGROUP_RUNTIMES = (("kubepods", "kubernetes"), ("docker", "docker"), ("libpod", "podman"), ("containerd", "containerd"),
                    ("lxc", "lxc"))


def container_kind(root: str = "/", environ: dict[str, str] | None = None) -> str | None:
    """Which container runtime this process runs in, or None on a plain machine (WSL is not a container).

    A GPU in a container comes from the host's driver through the runtime: the driver cannot be installed or
    updated from inside, so the fix for a missing GPU or an old driver is on the host."""
    env = os.environ if environ is None else environ
    if env.get("KUBERNETES_SERVICE_HOST"):
        return "kubernetes"
    if env.get("APPTAINER_CONTAINER") or env.get("SINGULARITY_CONTAINER"):
        return "apptainer"  # HPC clusters: the image shares the host's /dev, the GPU needs --nv
    if os.path.exists(os.path.join(root, "run", ".containerenv")):
        return "podman"
    if os.path.exists(os.path.join(root, ".dockerenv")):
        return "docker"
    try:
        with open(os.path.join(root, "proc", "1", "cgroup"), encoding="ascii", errors="replace") as fh:
            cgroup = fh.read()
    except OSError:
        cgroup = ""
    for needle, kind in _CGROUP_RUNTIMES:
        if needle in cgroup:
            return kind
    value = env.get("container", "").strip()  # systemd-nspawn, podman and lxc set it
    return value.lower() or None


def models_location(options: dict[str, Any]) -> str:
    """Where model files will be written: the folder whose free space matters."""
    for key in ("models_dir", "comfyui", "model_dir"):
        if options.get(key):
            return str(options[key])
    if options.get("path") == "comfyui" and os.environ.get("COMFYUI_PATH"):
        return os.environ["COMFYUI_PATH"]
    hub = os.environ.get("HF_HUB_CACHE") or os.path.join(
        os.environ.get("HF_HOME") or os.path.join(os.path.expanduser("~"), ".cache", "huggingface"), "hub")
    return hub


def _existing_parent(path: str) -> str:
    p = Path(path).expanduser()
    while not p.exists() and p != p.parent:
        p = p.parent
    return str(p)


@probe("system", timeout=5)
def system_probe(ctx: ProbeContext) -> dict[str, Any]:
    mem = _meminfo()
    ram = mem.get("MemTotal")
    if ram is None and os.name == "nt":  # pragma: no cover
        ram = _windows_ram()
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some containers
        user = None
    location = models_location(ctx.options)
    disk: dict[str, Any] = {"path": location}
    try:
        existing = _existing_parent(location)
        usage = shutil.disk_usage(existing)
        disk.update({"measured_at": existing, "free_bytes": usage.free, "total_bytes": usage.total})
    except OSError as exc:
        disk["error"] = str(exc)
    env = {k: os.environ[k] for k in ENV_VARS if k in os.environ}
    secrets = sorted(k for k in os.environ if k.upper().endswith(SECRET_SUFFIXES))
    return {
        "os": sys.platform,
        "platform": platform.platform(),
        "machine": platform.machine(),
        "release": platform.release(),
        "wsl": is_wsl(),
        **os_details(),
        "argv": sys.argv[1:],
        "hostname": socket.gethostname(),
        "user": user,
        "home": os.path.expanduser("~"),
        "cpu_count": os.cpu_count(),
        "ram_total_bytes": ram,
        "ram_available_bytes": mem.get("MemAvailable"),
        "swap_total_bytes": mem.get("SwapTotal"),
        "swap_free_bytes": mem.get("SwapFree"),
        "disk": disk,
        "env": env,
        "secret_vars_set": secrets,
        "container": container_kind(),
        "euid": os.geteuid() if hasattr(os, "geteuid") else None,
        "has_sudo": shutil.which("sudo") is not None if os.name != "nt" else None,
        "doctor_python": sys.executable,
        "doctor_python_version": platform.python_version(),
        "shell": _shell(),
    }


def _shell() -> dict[str, Any]:
    """The shell the doctor was started from, so fixes print for it (PowerShell or cmd on Windows)."""
    from ..shells import detect_shell

    return detect_shell()
