"""Device-level memory, sampled on a thread while the smoke child runs.

torch's ``max_memory_allocated`` counts only the child's tensors; NVML counts the whole device (the
CUDA context, cuDNN/cuBLAS workspaces, and every other process), which is what decides an OOM. The
thread also names the other processes it sees, because "another program holds 10 GB" is the most
common reason a card that should fit does not.
"""

from __future__ import annotations

import threading
from typing import Any


from ..probes.gpu import _proc_name


class NvmlSampler(threading.Thread):
    """Polls one GPU every ``interval`` seconds until ``stop()``; never raises (no NVML is a result)."""

    def __init__(self, index: int = 0, interval: float = 0.05):
        super().__init__(name="smoke-nvml", daemon=True)
        self.index = index
        self.interval = interval
        self._stop_evt = threading.Event()
        self.samples = 0
        self.baseline_used: int | None = None
        self.peak_used: int | None = None
        self.total: int | None = None
        self.procs: dict[int, dict[str, Any]] = {}
        self.baseline_pids: set[int] | None = None
        self.clocks: dict[str, Any] = {}
        self.error: str | None = None

    def run(self) -> None:
        try:
            import pynvml
        except ImportError as exc:
            self.error = f"nvidia-ml-py is not installed ({exc})"
            return
        try:
            pynvml.nvmlInit()
        except Exception as exc:  # noqa: BLE001 - NVMLError_LibraryNotFound etc.
            self.error = f"NVML unavailable: {exc}"
            return
        try:
            h = pynvml.nvmlDeviceGetHandleByIndex(self.index)
            mem = pynvml.nvmlDeviceGetMemoryInfo(h)
            self.total = int(mem.total)
            self.baseline_used = self.peak_used = int(mem.used)
            while not self._stop_evt.is_set():
                self._sample(pynvml, h)
                self._stop_evt.wait(self.interval)
            self._sample(pynvml, h)
        except Exception as exc:  # noqa: BLE001
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            try:
                pynvml.nvmlShutdown()
            except Exception:  # noqa: BLE001
                pass

    def _sample(self, pynvml, h) -> None:
        mem = pynvml.nvmlDeviceGetMemoryInfo(h)
        used = int(mem.used)
        self.samples += 1
        self.peak_used = max(self.peak_used or 0, used)
        try:
            procs = pynvml.nvmlDeviceGetComputeRunningProcesses(h)
        except Exception:  # noqa: BLE001
            procs = []
        if self.baseline_pids is None:
            self.baseline_pids = {p.pid for p in procs}
        for p in procs:
            b = getattr(p, "usedGpuMemory", None)
            prev = self.procs.get(p.pid, {})
            self.procs[p.pid] = {"pid": p.pid, "name": prev.get("name") or _proc_name(p.pid),
                                 "max_used_bytes": max(prev.get("max_used_bytes") or 0, int(b)) if b is not None else prev.get("max_used_bytes")}
        if self.samples % 10 == 1:
            self._clocks(pynvml, h)

    def _clocks(self, pynvml, h) -> None:
        """Clock and throttle reasons while the GPU is busy: a power-capped or hot card explains a slow run."""
        def opt(key, fn, *args, conv=lambda x: x):
            try:
                v = conv(fn(h, *args))
            except Exception:  # noqa: BLE001
                return
            if key.endswith("_max"):
                self.clocks[key] = max(self.clocks.get(key) or 0, v)
            else:
                self.clocks[key] = v

        opt("sm_clock_mhz_max", pynvml.nvmlDeviceGetClockInfo, pynvml.NVML_CLOCK_SM)
        opt("sm_clock_limit_mhz", pynvml.nvmlDeviceGetMaxClockInfo, pynvml.NVML_CLOCK_SM)
        opt("power_w_max", pynvml.nvmlDeviceGetPowerUsage, conv=lambda mw: round(mw / 1000.0, 1))
        opt("power_limit_w", pynvml.nvmlDeviceGetEnforcedPowerLimit, conv=lambda mw: round(mw / 1000.0, 1))
        opt("temperature_c_max", pynvml.nvmlDeviceGetTemperature, 0)
        try:
            reasons = int(pynvml.nvmlDeviceGetCurrentClocksEventReasons(h))
        except Exception:  # noqa: BLE001
            try:
                reasons = int(pynvml.nvmlDeviceGetCurrentClocksThrottleReasons(h))
            except Exception:  # noqa: BLE001
                return
        names = {0x4: "sw_power_cap", 0x8: "hw_slowdown", 0x20: "sw_thermal", 0x40: "hw_thermal",
                 0x80: "hw_power_brake"}
        seen = set(self.clocks.get("throttle_reasons") or [])
        seen.update(n for bit, n in names.items() if reasons & bit)
        self.clocks["throttle_reasons"] = sorted(seen)

    def stop(self, child_pid: int | None = None) -> dict[str, Any]:
        self._stop_evt.set()
        self.join(5.0)
        return self.result(child_pid)

    def result(self, child_pid: int | None = None) -> dict[str, Any]:
        """``child_pid`` is the smoke child's own pid (it reports it): every other process is someone else's."""
        if self.error and self.samples == 0:
            return {"available": False, "error": self.error}
        child = self.procs.get(child_pid) if child_pid is not None else None
        if child is None:
            # In a container NVML may report host pids, so the child's own pid is not among them: then
            # only what ran before the child started is surely someone else's.
            others = [p for pid, p in sorted(self.procs.items()) if pid in (self.baseline_pids or set())]
        else:
            others = [p for pid, p in sorted(self.procs.items()) if pid != child_pid]
        return {"available": True, "samples": self.samples, "total_bytes": self.total,
                "baseline_used_bytes": self.baseline_used, "peak_used_bytes": self.peak_used,
                "peak_delta_bytes": (self.peak_used - self.baseline_used) if self.peak_used is not None and self.baseline_used is not None else None,
                "child_peak_bytes": (child or {}).get("max_used_bytes"), "other_processes": others,
                "clocks": self.clocks, "error": self.error}
