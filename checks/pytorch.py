"""PyTorch area: is torch there, is it a CUDA build, does it have kernels for this GPU, does a kernel run.

The verdicts come from a real import and a real kernel launch in the target interpreter (the torch
probe); the wheel tables only choose the fix and fill in when torch cannot answer itself.
"""

from __future__ import annotations

from typing import Any

from ..findings import Fix, fail, info, ok, warn
from ..platform_rules import (arch_covers, choose_wheel, companions, device_cc, expected_arch, local_tag, pip_argvs,
                                   release_of, sm_name, torch_install_args)
from ..registry import check
from ..shells import Run, make_fix

from ._common import os_name, selected_gpu, target_python, torch_build, torch_facts


def _pip(facts: dict[str, Any], args: list[str]) -> list[Run]:
    return [Run(a) for a in pip_argvs(target_python(facts), args, facts.get("python"))]


def _fix_for_gpu(facts: dict[str, Any], current_release: str | None, force: bool = True) -> Fix | None:
    """Install (``force``: reinstall) torch with its torchvision and torchaudio, the build that fits the GPU
    and the driver, with the environment's own installer (pip, or uv where the environment has no pip)."""
    dev, _ = selected_gpu(facts)
    if dev is None:
        # Without a GPU there is no wheel to tailor; the GPU finding comes first.
        return make_fix(facts, "Install PyTorch; after the GPU is visible, rerun the check for the CUDA wheel that fits it",
                        _pip(facts, ["install", "torch"]))
    cc = device_cc(dev)[0]
    drv = (facts.get("gpu") or {}).get("driver_version")
    choice = choose_wheel(cc, drv, os_name(facts), current_release)
    if not choice:
        return None
    row = companions(choice.release)
    three = (f"torch {choice.release}, torchvision {row['torchvision']} and torchaudio {row['torchaudio']} together"
             if row else f"torch {choice.release} (then reinstall torchvision and torchaudio built for it)")
    text = (f"{'Reinstall' if force else 'Install'} {three}, built for CUDA {choice.cuda} ({choice.tag}): it has kernels "
            "for this GPU and runs on this driver")
    return make_fix(facts, text, _pip(facts, torch_install_args(choice, _version(facts) if force else None)))


def _version(facts: dict[str, Any]) -> str | None:
    t = torch_facts(facts)
    return t.get("version") or ((facts.get("python") or {}).get("torch_build") or {}).get("version")


@check("torch.installed", area="PyTorch", title="PyTorch is installed and imports",
       needs=["python", "torch"], optional=["gpu", "system", "comfyui_tree"])
def torch_installed(facts: dict[str, Any]):
    py = facts["python"]
    t = torch_facts(facts)
    if py.get("error"):
        yield fail("python.unusable", f"The target Python does not run: {py['error']}",
                   [f"interpreter: {py.get('requested')}"] + ([py["stderr_tail"][-300:]] if py.get("stderr_tail") else []),
                   "Pass the interpreter that runs ComfyUI or your diffusers scripts: klein-doctor check --python PATH")
        return
    if t.get("installed") is False:
        sel = py.get("selected") or {}
        tried = [f"tried: {x}" for x in sel.get("tried") or []][:8]
        if py.get("is_doctor_python") or sel.get("how") == "doctor":
            # Never install torch into the doctor's own environment (its venv, pipx or uv tool): Klein runs elsewhere.
            kind = (py.get("doctor_env") or {}).get("kind") or py.get("env_kind") or "environment"
            yield fail("torch.missing", "No Python environment with PyTorch was found (klein-doctor's own "
                       f"{kind} at {py.get('executable')} has none, and it is not where Klein should run)",
                       [f"Python {py.get('version')} at {py.get('executable')}"] + tried,
                       "Point the doctor at the interpreter that runs ComfyUI or your diffusers scripts with "
                       "klein-doctor check --python PATH (ComfyUI portable: python_embeded\\python.exe; a venv: its "
                       "bin/python or Scripts\\python.exe), or run it inside a ComfyUI folder; to start fresh, make a "
                       "virtual environment for Klein and install PyTorch there")
            return
        fix = _fix_for_gpu(facts, None, force=False) or make_fix(facts, "Install PyTorch", _pip(facts, ["install", "torch"]))
        title = f"PyTorch is not installed in {py.get('executable')}"
        if sel.get("why"):
            title += f" ({sel['why']})"
        yield fail("torch.missing", title, [f"Python {py.get('version')} at {py.get('executable')}"] + tried, fix)
        return
    if t.get("crashed"):
        yield fail("torch.crashed", f"Importing PyTorch crashed the interpreter ({t.get('error')})",
                   [line for line in (t.get("stderr_tail") or "").strip().splitlines()[-5:]],
                   _fix_for_gpu(facts, release_of(_version(facts))))
        return
    ie = t.get("import_error")
    if ie:
        msg = ie.get("message", "")
        evidence = [f"{ie.get('type')}: {msg.strip().splitlines()[0][:300] if msg.strip() else ''}"]
        fix = _fix_for_gpu(facts, release_of(_version(facts)))
        hint = ""
        if "libcudnn" in msg or "libcublas" in msg or "libcuda" in msg or ".so" in msg or "DLL load failed" in msg:
            hint = " (a CUDA library it was built against is missing: reinstall the wheel with its nvidia-* dependencies)"
        yield fail("torch.import-error", f"PyTorch is installed but does not import{hint}", evidence, fix)
        return
    yield ok("torch.ok", f"PyTorch {t.get('version')} imports in {t.get('import_s', '?')} s",
             [f"interpreter: {py.get('executable')} (Python {py.get('version')})"])


@check("torch.cuda-build", area="PyTorch", title="PyTorch is a CUDA build",
       needs=["python", "torch", "gpu"], optional=["system", "comfyui_tree"])
def torch_cuda_build(facts: dict[str, Any]):
    t = torch_facts(facts)
    build = torch_build(t)
    if build is None:
        return
    dev, _ = selected_gpu(facts)
    if build == "rocm":
        yield fail("torch.rocm-build", f"PyTorch {t['version']} is a ROCm (AMD) build", [],
                   _fix_for_gpu(facts, release_of(t["version"])))
        return
    if build == "cpu":
        if dev is None:
            yield info("torch.cpu-build", f"PyTorch {t['version']} is a CPU-only build (this machine has no NVIDIA GPU either)")
            return
        yield fail("torch.cpu-build", f"PyTorch {t['version']} is a CPU-only build: it cannot use the {dev.get('name')}",
                   ["torch.version.cuda is None"], _fix_for_gpu(facts, release_of(t["version"])))
        return
    yield ok("torch.cuda-build.ok", f"PyTorch {t['version']} is built for CUDA {t['cuda']}")


@check("torch.arch", area="PyTorch", title="The PyTorch build has kernels for this GPU",
       needs=["torch", "gpu"], optional=["python", "system", "comfyui_tree"])
def torch_arch(facts: dict[str, Any]):
    t = torch_facts(facts)
    dev, _ = selected_gpu(facts)
    if not t.get("cuda") or dev is None:
        return
    cc, _ = device_cc(dev)
    arch = t.get("arch_flags") or []
    source = "compiled arch list"
    if not arch:
        arch = expected_arch(release_of(t.get("version")), local_tag(t.get("version"))) or []
        source = "wheel table (torch gave no arch list)"
    covered = arch_covers(arch, cc)
    evidence = [f"GPU {sm_name(cc)}; {source}: {' '.join(arch) or 'unknown'}"]
    evidence += [" ".join(w.split())[:400] for w in t.get("warnings") or [] if "not compatible" in w or "sm_" in w]
    if covered is False:
        fix = _fix_for_gpu(facts, release_of(t.get("version")))
        yield fail("torch.arch.missing",
                   f"PyTorch {t.get('version')} has no kernels for the {dev.get('name')} ({sm_name(cc)})",
                   evidence, fix)
    elif covered is None:
        yield warn("torch.arch.unknown", "Could not tell whether PyTorch has kernels for this GPU", evidence)
    else:
        yield ok("torch.arch.ok", f"PyTorch has {sm_name(cc)}-compatible kernels", evidence)


@check("torch.kernel", area="PyTorch", title="A CUDA kernel runs on the GPU",
       needs=["torch", "gpu"], optional=["python", "system", "comfyui_tree"])
def torch_kernel(facts: dict[str, Any]):
    t = torch_facts(facts)
    dev, _ = selected_gpu(facts)
    if not t.get("cuda") or dev is None or t.get("import_error"):
        return
    if not t.get("is_available"):
        ce = (t.get("cuda_error") or {}).get("message") or ""
        words = [" ".join(w.split())[:300] for w in t.get("warnings") or []] + ([" ".join(ce.split())[:300]] if ce.strip() else [])
        yield fail("torch.cuda-unavailable", "PyTorch cannot initialise CUDA (torch.cuda.is_available() is False)",
                   words or ["no message from PyTorch"],
                   "See the driver finding above; if the driver is current, reboot after a driver update "
                   "and check that CUDA_VISIBLE_DEVICES does not hide the GPU")
        return
    if t.get("kernel_ok"):
        yield ok("torch.kernel.ok", f"A test kernel ran on cuda:{t.get('kernel_device', 0)}")
        return
    ke = t.get("kernel_error") or {}
    msg = (ke.get("message") or "").strip().splitlines()
    cause = "torch.arch.missing" if any(f.code == "torch.arch.missing" for f in torch_arch(facts)) else None
    yield fail("torch.kernel.failed", f"A test kernel failed on the GPU: {msg[0][:200] if msg else ke.get('type')}",
               [line[:300] for line in msg[:4]], _fix_for_gpu(facts, release_of(t.get("version"))), cause=cause)
