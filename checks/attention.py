"""Attention area: overrides that force a kernel the GPU or the installed build does not have.

PyTorch SDPA (the default everywhere) has kernels for every GPU a cu128+ wheel supports; the crashes
come from FlashAttention, xformers' bundled FA3 and SageAttention when something forces them.
"""

from __future__ import annotations

from typing import Any

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

from .. import manifests
from ..findings import fail, info, ok, skip, warn
from ..platform_rules import cc_tuple, device_cc, pip_argvs, release_of, sm_name
from ..shells import Run, Unset, make_fix
from ..registry import NotJudged, check

from ._common import os_name, selected_gpu, target_python, torch_facts


def _pkg(facts: dict[str, Any], *names: str) -> str | None:
    py = facts.get("python") or {}
    if not isinstance(py.get("packages"), dict):  # the interpreter did not run: unknown is not "not installed"
        raise NotJudged(f"the target Python's packages could not be listed ({py.get('error') or 'no package list'})")
    pk = py["packages"]
    for n in names:
        if n in pk:
            return pk[n]
    return None


def _uninstall(facts: dict[str, Any], package: str, text: str):
    return make_fix(facts, text, [Run(a) for a in pip_argvs(target_python(facts), ["uninstall", "-y", package], facts.get("python"))])


def _ver(v: str | None) -> Version | None:
    try:
        return Version(v) if v else None
    except (InvalidVersion, ValueError):  # ValueError: a number over the 4,300-digit limit
        return None


def _gpu_cc(facts: dict[str, Any]) -> str | None:
    dev, _ = selected_gpu(facts)
    return device_cc(dev)[0] if dev else None


def flash_attn_problem(facts: dict[str, Any]) -> str | None:
    """Why flash-attn cannot serve this GPU and torch, or None when it can (or is not installed)."""
    version = _pkg(facts, "flash-attn")
    if not version:
        return "flash-attn is not installed"
    nogpu = no_gpu_problem(facts)
    if nogpu:
        return f"FlashAttention needs a CUDA GPU, and {nogpu}"
    rules = manifests.load("attention")["flash_attn"]
    cc = _gpu_cc(facts)
    t = cc_tuple(cc)
    if t and t < cc_tuple(rules["min_cc"]):  # type: ignore[operator]
        return f"FlashAttention only supports Ampere GPUs or newer; this GPU is {sm_name(cc)}"
    v = _ver(version)
    if t and t[0] in (10, 12) and v and v < Version(rules["blackwell_min_version"]):
        return (f"flash-attn {version} predates {rules['blackwell_min_version']}, the first release with "
                f"{sm_name(cc)} kernels (built with nvcc >= 12.8)")
    ext = (torch_facts(facts).get("extensions") or {})
    for mod in ("flash_attn_2_cuda", "flash_attn"):
        e = ext.get(mod)
        if e and not e.get("ok"):
            msg = (e.get("error") or {}).get("message", "")
            return f"flash-attn does not load with this torch: {msg.strip().splitlines()[0][:200] if msg.strip() else 'import failed'}"
    return None


def no_gpu_problem(facts: dict[str, Any]) -> str | None:
    """Why no CUDA kernel of any attention package can run here at all (no GPU, a CPU-only torch), or None.
    A missing fact is never read as a problem."""
    gpu = facts.get("gpu")
    if isinstance(gpu, dict) and "devices" in gpu and not (gpu.get("devices") or []):
        return "no NVIDIA GPU is visible on this machine"
    build = ((facts.get("python") or {}).get("torch_build") or {})
    if build.get("found") and build.get("version") and not build.get("cuda") and not build.get("hip"):
        return f"PyTorch {build['version']} here is a CPU-only build"
    return None


def _cause(kind: str | None) -> str | None:
    """The installed-package finding a forced kernel's failure follows from (present only when installed)."""
    return {"flash": "attention.flash-attn.unusable", "sage": "attention.sage.unusable"}.get(kind or "")


def sage_problem(facts: dict[str, Any]) -> str | None:
    version = _pkg(facts, "sageattention")
    if not version:
        return "sageattention is not installed"
    nogpu = no_gpu_problem(facts)
    if nogpu:
        return f"SageAttention needs a CUDA GPU, and {nogpu}"
    cc = _gpu_cc(facts)
    rules = manifests.load("attention")["sageattention"]
    supported = rules["supported_cc"]
    if cc and cc not in supported:
        return f"SageAttention has no kernels for {sm_name(cc)} (supports {', '.join(supported)})"
    t = cc_tuple(cc) if cc else None
    v = _ver(version)
    if t and t[0] in (10, 12) and v and v < Version(rules["blackwell_min_version"]):
        return (f"sageattention {version} predates {rules['blackwell_min_version']}: 1.x is Triton-only and has no "
                f"kernels for {sm_name(cc)}")
    return None


def forced_by(facts: dict[str, Any], kind: str) -> list[str]:
    """Where something forces this attention kind (env, scanned scripts, ComfyUI flags): a broken kernel that is
    forced is a failure, not a harmless install. Reads only sections the caller declares."""
    out = []
    rules = manifests.load("attention")["diffusers"]
    value = ((facts.get("system") or {}).get("env") or {}).get("DIFFUSERS_ATTN_BACKEND")
    if value and value in rules.get({"flash": "needs_flash_attn", "sage": "needs_sage"}[kind], []):
        out.append(f"DIFFUSERS_ATTN_BACKEND={value}")
    out += [f"{h.get('file')}:{h.get('line')}" for h in (facts.get("scan") or {}).get("hits") or [] if h.get("kind") == kind]
    flags = {r["flag"] for r in manifests.load("comfyui")["flag"] if r.get("verdict") == "attention" and r.get("kind") == kind}
    tree = facts.get("comfyui_tree") or {}
    out += [f"ComfyUI {f.get('flag')}" for f in tree.get("launch_flags") or [] if f.get("flag") in flags]
    out += [f"custom node {h.get('file')}:{h.get('line')}" for h in (tree.get("attention_scan") or {}).get("hits") or []
            if h.get("kind") == kind]
    server = facts.get("comfyui_server") or {}
    out += [f"ComfyUI server {a}" for a in server.get("argv") or [] if a in flags]
    return out


@check("attention.flash-attn", area="Attention", title="flash-attn, if installed, can serve this GPU",
       needs=["python", "gpu"], optional=["system", "torch", "comfyui_tree", "scan", "comfyui_server"])
def flash_attn_installed(facts: dict[str, Any]):
    version = _pkg(facts, "flash-attn")
    if not version:
        yield ok("attention.flash-attn.absent", "flash-attn is not installed (PyTorch SDPA is used, as it should be)")
        return
    problem = flash_attn_problem(facts)
    rules = manifests.load("attention")["flash_attn"]
    evidence = [f"flash-attn {version}", f"prebuilt wheels exist only for torch {rules['prebuilt_torch']}; source: {rules['source']}"]
    tv = release_of(torch_facts(facts).get("version"))
    if tv and _ver(tv) and _ver(tv) not in SpecifierSet(rules["prebuilt_torch"]):
        evidence.append(f"torch {tv} is outside that range: this flash-attn must have been built from source")
    forced = forced_by(facts, "flash") if problem else []
    if problem:
        # Forced somewhere, its kernels' absence breaks the run: the cause carries the severity of its consequences.
        yield (fail if forced else warn)("attention.flash-attn.unusable",
                   f"flash-attn {version} is installed but cannot run here: {problem}",
                   evidence + ([f"forced by: {', '.join(forced[:5])}"] if forced else
                               ["harmless unless something forces FlashAttention (see the scan findings)"]),
                   _uninstall(facts, "flash-attn", "Uninstall flash-attn (PyTorch SDPA serves Klein)"))
    else:
        yield ok("attention.flash-attn.ok", f"flash-attn {version} is installed and can serve this GPU", evidence)


@check("attention.xformers", area="Attention", title="xformers does not route to kernels this GPU lacks",
       needs=["python", "gpu"], optional=["system", "comfyui_tree"])
def xformers_check(facts: dict[str, Any]):
    version = _pkg(facts, "xformers")
    if not version:
        yield ok("attention.xformers.absent", "xformers is not installed")
        return
    rules = manifests.load("attention")["xformers"]
    cc = _gpu_cc(facts)
    t = cc_tuple(cc)
    v = _ver(version)
    if t and t[0] == 12 and v and v in SpecifierSet(rules["bad_on_sm120"]):
        yield fail("attention.xformers.fa3-on-sm120",
                   f"xformers {version} picks its Hopper-only FA3 kernels on {sm_name(cc)} and crashes "
                   "('no kernel image is available')",
                   [f"affected: xformers {rules['bad_on_sm120']}; fixed in {rules['fixed']}", f"source: {rules['source']}"],
                   _uninstall(facts, "xformers", "Uninstall xformers (ComfyUI then uses PyTorch attention), or start "
                              "ComfyUI with --disable-xformers"))
        return
    yield ok("attention.xformers.ok", f"xformers {version} is installed and has no known problem with this GPU")


@check("attention.sage", area="Attention", title="SageAttention, if installed, has kernels for this GPU",
       needs=["python", "gpu"], optional=["system", "comfyui_tree", "scan", "comfyui_server"])
def sage_installed(facts: dict[str, Any]):
    version = _pkg(facts, "sageattention")
    if not version:
        return  # nothing to say: it is used only when something forces it (see the scan and ComfyUI flags)
    problem = sage_problem(facts)
    rules = manifests.load("attention")["sageattention"]
    forced = forced_by(facts, "sage") if problem else []
    if problem:
        yield (fail if forced else warn)("attention.sage.unusable",
                   f"sageattention {version} is installed but cannot run here: {problem}",
                   [f"source: {rules['source']}", "harmless unless --use-sage-attention or a backend override forces it"],
                   _uninstall(facts, "sageattention", "Uninstall sageattention (PyTorch SDPA serves Klein)"))
    else:
        yield ok("attention.sage.ok", f"sageattention {version} is installed and supports this GPU")


@check("attention.env", area="Attention", title="DIFFUSERS_ATTN_BACKEND names a backend that works here",
       needs=["system", "python", "gpu"], optional=["torch", "comfyui_tree"])
def attention_env(facts: dict[str, Any]):
    value = ((facts["system"].get("env") or {}).get("DIFFUSERS_ATTN_BACKEND"))
    if not value:
        yield ok("attention.env.default", "DIFFUSERS_ATTN_BACKEND is not set (diffusers uses PyTorch SDPA)")
        return
    rules = manifests.load("attention")["diffusers"]
    fix = make_fix(facts, "Clear DIFFUSERS_ATTN_BACKEND in this shell and remove it where it is set (shell profile, "
                          "script, or the Windows environment variables)", [Unset("DIFFUSERS_ATTN_BACKEND")])
    if value in rules["safe"]:
        yield ok("attention.env.native", f"DIFFUSERS_ATTN_BACKEND={value} (a PyTorch SDPA backend)")
        return
    problem = None
    cause_row = rules  # the row whose fact the problem rests on: its source is the one to cite
    if value in rules["needs_flash_attn"]:
        problem, cause_row = flash_attn_problem(facts), manifests.load("attention")["flash_attn"]
    elif value in rules["needs_sage"]:
        problem, cause_row = sage_problem(facts), manifests.load("attention")["sageattention"]
    elif value in rules["needs_xformers"] and not _pkg(facts, "xformers"):
        problem = "xformers is not installed"
    if problem:
        sources = [f"source: {cause_row['source']}"]
        if cause_row is not rules:
            sources.append(f"backend names: {rules['source']}")
        yield fail("attention.env.broken", f"DIFFUSERS_ATTN_BACKEND={value} forces a backend that cannot run here: {problem}",
                   sources, fix,
                   cause=_cause("flash" if value in rules["needs_flash_attn"] else "sage" if value in rules["needs_sage"] else ""))
    else:
        yield info("attention.env.override", f"DIFFUSERS_ATTN_BACKEND={value} overrides PyTorch SDPA (it can run here)",
                   [], None)


@check("attention.scan", area="Attention", title="No script or custom node forces an attention kernel that cannot run",
       needs=["scan", "python", "gpu"], optional=["system", "torch", "comfyui_tree"])
def attention_scan(facts: dict[str, Any]):
    scan = facts["scan"]
    if not scan.get("paths"):
        yield skip("attention.scan.none", "No scripts scanned for attention overrides (pass --scan PATH)")
        return
    for m in scan.get("missing") or []:
        yield warn("attention.scan.missing", f"--scan path does not exist: {m}")
    pats = {p["id"]: p for p in manifests.load("attention")["pattern"]}
    unjudged = ""
    try:
        problems = {"flash": flash_attn_problem(facts), "sage": sage_problem(facts)}
    except NotJudged as exc:  # the hits are still news; whether they can run here is unknown
        problems, unjudged = {}, f" (whether it can run here was not judged: {exc})"
    hits = scan.get("hits") or []
    for h in hits:
        pat = pats.get(h["pattern"], {})
        where = f"{h['file']}:{h['line']}"
        problem = problems.get(h.get("kind", ""))
        evidence = [f"{where}: {h.get('text', '')}"]
        if problem:
            yield fail(f"attention.scan.{h['pattern']}", f"{pat.get('what', h['pattern'])} at {where}, but {problem}",
                       evidence, f"In {where}: {pat.get('instead', 'use PyTorch SDPA')}", cause=_cause(h.get("kind")))
        else:
            yield info(f"attention.scan.{h['pattern']}",
                       f"{pat.get('what', h['pattern'])} at {where}" + (unjudged or " (it can run here)"),
                       evidence, f"If it ever breaks: {pat.get('instead', 'use PyTorch SDPA')}")
    if scan.get("truncated") is True:  # the file or hit bound was reached: what follows was not read
        yield info("attention.scan.truncated",
                   f"The scan stopped after {scan.get('files_scanned', 0)} files and {len(hits)} hits (its bound); "
                   "files past it were not read", [f"scanned: {', '.join(map(str, scan.get('paths') or []))}"],
                   "Pass --scan with the folder that holds your scripts rather than a whole drive")
    if not hits and not scan.get("files_scanned"):
        # `--scan TYPO`, or a folder with no .py / .json / .bat in it: nothing was read, so nothing is clean
        yield skip("attention.scan.empty", "No script or workflow file was found to scan for attention overrides",
                   [f"scanned: {', '.join(map(str, scan.get('paths') or []))}"],
                   "Pass --scan with the folder that holds your scripts or custom nodes")
    elif not hits:
        n = scan.get("files_scanned", 0)
        yield ok("attention.scan.clean", f"No attention overrides in {n} scanned file{'' if n == 1 else 's'}")
