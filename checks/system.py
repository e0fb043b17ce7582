"""System area: the seed's baseline requirements — Python version, system RAM, free disk."""

from __future__ import annotations

from typing import Any

from packaging.version import InvalidVersion, Version

from .. import manifests
from ..findings import fail, info, ok, warn
from ..platform_rules import refuses_installs
from ..registry import check

from ._common import gb, gib


@check("system.python", area="System", title="The target Python is 3.10 or newer", needs=["python"])
def python_version(facts: dict[str, Any]):
    py = facts["python"]
    if py.get("error"):
        return  # torch.installed reports an unusable interpreter once
    need = manifests.load("requirements")["python"]["min"]
    try:
        too_old = Version(py.get("version", "0")) < Version(need)
    except (InvalidVersion, ValueError):  # ValueError: a number over the 4,300-digit limit
        yield warn("system.python.unknown", f"Unreadable Python version {py.get('version')!r}")
        return
    if too_old:
        yield fail("system.python.too-old", f"Python {py.get('version')} is too old: Klein's libraries need {need}+",
                   [f"interpreter: {py.get('executable')}"],
                   f"Create an environment with Python {need} or newer, e.g. `python3.12 -m venv .venv`")
    else:
        yield ok("system.python.ok", f"Python {py.get('version')} ({py.get('executable')})")
    if refuses_installs(py):
        exe = py.get("executable") or "python3"
        yield info("python.externally-managed",
                   f"{exe} is managed by the distribution (PEP 668): pip refuses to install into it, so the pip "
                   "commands shown carry --break-system-packages",
                   [f"EXTERNALLY-MANAGED in its stdlib folder, outside a virtual environment; pip "
                    f"{py.get('pip_version') or '(version unknown)'}; neither PIP_BREAK_SYSTEM_PACKAGES "
                    "nor pip.conf's break-system-packages is set"],
                   f"A virtual environment keeps Klein's packages apart from the system's: `{exe} -m venv "
                   "~/klein-venv`, install there, and start ComfyUI or your scripts with ~/klein-venv/bin/python "
                   "(then pass --python ~/klein-venv/bin/python to the doctor)")


@check("system.ram", area="System", title="System RAM meets the 16 GB minimum", needs=["system"])
def ram(facts: dict[str, Any]):
    s = facts["system"]
    total = s.get("ram_total_bytes")
    rule = manifests.load("requirements")["ram"]
    if not total:
        yield warn("system.ram.unknown", "System RAM could not be read")
        return
    # Firmware and the kernel reserve some memory: a "16 GB" machine reports ~15.5 GiB.
    if total < rule["min_gb"] * 0.9 * 1024**3:
        yield warn("system.ram.low", f"{gib(total)} of system RAM, below the {rule['min_gb']} GB minimum: loading the "
                   "text encoder may swap or fail", [f"source: {rule['source']}"],
                   "Close other programs, add swap, or use ComfyUI's FP8 files (smaller loads)")
    else:
        yield ok("system.ram.ok", f"{gib(total)} of system RAM")


@check("system.disk", area="System", title="Free disk where the model files go", needs=["system"], optional=["models"])
def disk(facts: dict[str, Any]):
    d = facts["system"].get("disk") or {}
    free = d.get("free_bytes")
    if free is None:
        yield warn("system.disk.unknown", f"Free space at {d.get('path')} could not be read: {d.get('error')}")
        return
    path = (facts.get("options") or {}).get("path")
    rows = manifests.load("requirements")["disk"]
    relevant = [r for r in rows if r["path"] == path] if path else rows
    relevant = relevant or rows
    need = min(r["need_gb"] for r in relevant)
    evidence = [f"{r['path']}: ~{r['need_gb']:g} GB ({r['source']})" for r in relevant]
    evidence.append(f"measured at {d.get('measured_at')}")
    files = (facts.get("models") or {}).get("files") or []
    from ..safetensors_id import identity_of  # judged from the recorded header summary

    roles = {identity_of(f).get("role") for f in files if isinstance(f, dict)}
    if {"diffusion_model", "text_encoder", "vae"} <= roles:
        # The files are already on disk: a full disk is no obstacle to running Klein.
        yield ok("system.disk.ok", f"{gb(free)} free at {d.get('path')} (the Klein files are already present)", evidence)
        return
    if free < need * 1e9:
        yield warn("system.disk.low", f"{gb(free)} free at {d.get('path')}: the Klein files need ~{need:g} GB",
                   evidence, "Free disk space there, or point the models elsewhere (--models-dir, HF_HUB_CACHE)")
    else:
        yield ok("system.disk.ok", f"{gb(free)} free at {d.get('path')}", evidence)
