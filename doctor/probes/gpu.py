"""The GPUs and the driver, read without torch.

NVML (nvidia-ml-py) first: it is what nvidia-smi itself uses and answers in milliseconds. When NVML
cannot load (no driver, a WSL without the library path, a broken install), fall back to the
``nvidia-smi`` executable (PATH, the WSL location, the Windows locations), then to
``/proc/driver/nvidia``. Each attempt's outcome is kept, so "no GPU" comes with the reason.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from typing import Any

from . import ProbeContext, probe

SMI_FIELDS = ["index", "name", "uuid", "driver_version", "compute_cap", "memory.total", "memory.free",
              "memory.used", "pci.bus_id", "pcie.link.gen.current", "pcie.link.width.current",
              "clocks.sm", "clocks.max.sm", "power.limit"]
MIB = 1024 * 1024


def _s(v: Any) -> str:
    return v.decode() if isinstance(v, bytes) else str(v)


def cuda_version_from_int(v: int | None) -> str | None:
    """NVML gives 13000 for 13.0, 12080 for 12.8."""
    if not v:
        return None
    return f"{v // 1000}.{(v % 1000) // 10}"


def read_nvml() -> dict[str, Any]:
    import pynvml  # nvidia-ml-py

    pynvml.nvmlInit()
    try:
        out: dict[str, Any] = {"source": "nvml", "driver_version": _s(pynvml.nvmlSystemGetDriverVersion())}
        try:
            out["cuda_driver_version"] = cuda_version_from_int(pynvml.nvmlSystemGetCudaDriverVersion())
        except pynvml.NVMLError:
            out["cuda_driver_version"] = None
        devices = []
        for i in range(pynvml.nvmlDeviceGetCount()):
            h = pynvml.nvmlDeviceGetHandleByIndex(i)
            d: dict[str, Any] = {"index": i, "name": _s(pynvml.nvmlDeviceGetName(h))}

            def opt(key: str, fn, *args, conv=lambda x: x):
                try:
                    d[key] = conv(fn(h, *args))
                except (pynvml.NVMLError, AttributeError):
                    d[key] = None

            opt("uuid", pynvml.nvmlDeviceGetUUID, conv=_s)
            opt("compute_capability", pynvml.nvmlDeviceGetCudaComputeCapability, conv=lambda t: f"{t[0]}.{t[1]}")
            try:
                mem = pynvml.nvmlDeviceGetMemoryInfo(h)
                d.update(memory_total_bytes=int(mem.total), memory_free_bytes=int(mem.free),
                         memory_used_bytes=int(mem.used))
            except pynvml.NVMLError:
                d.update(memory_total_bytes=None, memory_free_bytes=None, memory_used_bytes=None)
            opt("pci_bus_id", pynvml.nvmlDeviceGetPciInfo, conv=lambda p: _s(p.busId))
            opt("pcie_gen", pynvml.nvmlDeviceGetCurrPcieLinkGeneration)
            opt("pcie_width", pynvml.nvmlDeviceGetCurrPcieLinkWidth)
            opt("pcie_max_width", pynvml.nvmlDeviceGetMaxPcieLinkWidth)
            opt("sm_clock_mhz", pynvml.nvmlDeviceGetClockInfo, pynvml.NVML_CLOCK_SM)
            opt("sm_clock_max_mhz", pynvml.nvmlDeviceGetMaxClockInfo, pynvml.NVML_CLOCK_SM)
            opt("power_limit_w", pynvml.nvmlDeviceGetPowerManagementLimit, conv=lambda mw: mw / 1000.0)
            try:
                procs = pynvml.nvmlDeviceGetComputeRunningProcesses(h)
                d["processes"] = [{"pid": p.pid, "used_bytes": getattr(p, "usedGpuMemory", None),
                                   "name": _proc_name(p.pid)} for p in procs]
            except pynvml.NVMLError:
                d["processes"] = None
            devices.append(d)
        out["devices"] = devices
        return out
    finally:
        try:
            pynvml.nvmlShutdown()
        except Exception:  # noqa: BLE001
            pass


def _proc_name(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as fh:
            return fh.read().strip()
    except OSError:
        return None


def nvidia_smi_candidates() -> list[str]:
    """Where nvidia-smi lives on Linux, WSL2 and Windows, PATH first."""
    cands = []
    found = shutil.which("nvidia-smi")
    if found:
        cands.append(found)
    cands.append("/usr/lib/wsl/lib/nvidia-smi")
    sysroot = os.environ.get("SystemRoot", r"C:\Windows")
    cands.append(os.path.join(sysroot, "System32", "nvidia-smi.exe"))
    pf = os.environ.get("ProgramFiles", r"C:\Program Files")
    cands.append(os.path.join(pf, "NVIDIA Corporation", "NVSMI", "nvidia-smi.exe"))
    seen, out = set(), []
    for c in cands:
        if c not in seen and os.path.isfile(c):
            seen.add(c)
            out.append(c)
    return out


def _num(text: str) -> float | None:
    m = re.search(r"-?\d+(?:\.\d+)?", text or "")
    return float(m.group(0)) if m else None


def parse_smi_csv(text: str, fields: list[str]) -> list[dict[str, Any]]:
    """Parse ``--format=csv,noheader,nounits`` output. Tolerates units and '[N/A]' values."""
    devices = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        cells = [c.strip() for c in line.split(",")]
        if len(cells) < len(fields):
            continue
        row = dict(zip(fields, cells))
        na = lambda v: v is None or v.startswith("[") or v.upper() in ("N/A", "")  # noqa: E731
        idx = _num(row.get("index", ""))
        d: dict[str, Any] = {
            "index": int(idx) if idx is not None else len(devices),
            "name": row.get("name"),
            "uuid": None if na(row.get("uuid")) else row.get("uuid"),
            "driver_version": row.get("driver_version"),
            "compute_capability": None if na(row.get("compute_cap")) else row.get("compute_cap"),
            "pci_bus_id": row.get("pci.bus_id"),
        }
        for key, out_key in (("memory.total", "memory_total_bytes"), ("memory.free", "memory_free_bytes"),
                             ("memory.used", "memory_used_bytes")):
            v = None if na(row.get(key)) else _num(row.get(key, ""))
            d[out_key] = int(v * MIB) if v is not None else None
        for key, out_key in (("pcie.link.gen.current", "pcie_gen"), ("pcie.link.width.current", "pcie_width"),
                             ("clocks.sm", "sm_clock_mhz"), ("clocks.max.sm", "sm_clock_max_mhz")):
            v = None if na(row.get(key)) else _num(row.get(key, ""))
            d[out_key] = int(v) if v is not None else None
        v = None if na(row.get("power.limit")) else _num(row.get("power.limit", ""))
        d["power_limit_w"] = v
        devices.append(d)
    return devices


def parse_smi_banner(text: str) -> dict[str, str | None]:
    """The plain ``nvidia-smi`` banner: 'Driver Version: 580.159.04     CUDA Version: 13.0'."""
    drv = re.search(r"Driver Version:\s*([\d.]+)", text)
    cuda = re.search(r"CUDA Version:\s*([\d.]+)", text)
    return {"driver_version": drv.group(1) if drv else None, "cuda_driver_version": cuda.group(1) if cuda else None}


def read_nvidia_smi(exe: str, timeout: float = 8.0) -> dict[str, Any]:
    fields = list(SMI_FIELDS)
    attempts = 0
    while True:
        attempts += 1
        proc = subprocess.run([exe, f"--query-gpu={','.join(fields)}", "--format=csv,noheader,nounits"],
                              capture_output=True, text=True, timeout=timeout, errors="replace")
        msg = (proc.stdout + proc.stderr).strip()
        bad = re.search(r'Field "([^"]+)" is not a valid field to query', msg)
        if bad and bad.group(1) in fields and attempts < len(SMI_FIELDS):
            fields.remove(bad.group(1))  # old drivers lack compute_cap and some clocks fields
            continue
        if proc.returncode != 0:
            raise RuntimeError(f"{os.path.basename(exe)} exited {proc.returncode}: {msg[:300]}")
        break
    devices = parse_smi_csv(proc.stdout, fields)
    driver = next((d.get("driver_version") for d in devices if d.get("driver_version")), None)
    for d in devices:
        d.pop("driver_version", None)
        d.setdefault("processes", None)
    out: dict[str, Any] = {"source": "nvidia-smi", "executable": exe, "driver_version": driver,
                           "cuda_driver_version": None, "devices": devices}
    try:
        banner = subprocess.run([exe], capture_output=True, text=True, timeout=timeout, errors="replace")
        b = parse_smi_banner(banner.stdout)
        out["cuda_driver_version"] = b["cuda_driver_version"]
        out["driver_version"] = out["driver_version"] or b["driver_version"]
    except (OSError, subprocess.SubprocessError):
        pass
    return out


def parse_proc_version(text: str) -> str | None:
    m = re.search(r"Kernel Module(?: for \S+)?\s+([\d.]+)", text) or re.search(r"\s(\d{3}\.\d+(?:\.\d+)?)\s", text)
    return m.group(1) if m else None


def read_proc(root: str = "/proc/driver/nvidia") -> dict[str, Any]:
    with open(os.path.join(root, "version"), encoding="utf-8", errors="replace") as fh:
        driver = parse_proc_version(fh.read())
    devices = []
    for i, info in enumerate(sorted(glob.glob(os.path.join(root, "gpus", "*", "information")))):
        with open(info, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        m = re.search(r"^Model:\s*(.+)$", text, re.M)
        bus = os.path.basename(os.path.dirname(info))
        devices.append({"index": i, "name": m.group(1).strip() if m else None, "uuid": None,
                        "compute_capability": None, "memory_total_bytes": None, "memory_free_bytes": None,
                        "memory_used_bytes": None, "pci_bus_id": bus, "processes": None})
    return {"source": "proc", "driver_version": driver, "cuda_driver_version": None, "devices": devices}


@probe("gpu", timeout=20)
def gpu_probe(ctx: ProbeContext) -> dict[str, Any]:
    attempts: list[dict[str, Any]] = []
    try:
        out = read_nvml()
        attempts.append({"source": "nvml", "ok": True})
        out["attempts"] = attempts
        return out
    except Exception as exc:  # noqa: BLE001 - NVMLError_LibraryNotFound, DriverNotLoaded, ImportError...
        attempts.append({"source": "nvml", "ok": False, "error": f"{type(exc).__name__}: {exc}"})
    smis = nvidia_smi_candidates()
    if not smis:
        attempts.append({"source": "nvidia-smi", "ok": False, "error": "nvidia-smi not found on PATH or in the usual places"})
    for exe in smis:
        try:
            out = read_nvidia_smi(exe)
            attempts.append({"source": "nvidia-smi", "ok": True, "executable": exe})
            out["attempts"] = attempts
            return out
        except (OSError, subprocess.SubprocessError, RuntimeError) as exc:
            attempts.append({"source": "nvidia-smi", "ok": False, "executable": exe, "error": str(exc)})
    try:
        out = read_proc()
        attempts.append({"source": "proc", "ok": True})
        out["attempts"] = attempts
        return out
    except OSError as exc:
        attempts.append({"source": "proc", "ok": False, "error": f"{type(exc).__name__}: {exc.strerror or exc}"})
    return {"source": None, "driver_version": None, "cuda_driver_version": None, "devices": [], "attempts": attempts}
