"""The target Python environment: the interpreter that will run Klein (not necessarily ours).

Which one, in this order (the first that applies wins, and the reason is kept in ``python.selected``):
1. ``--python EXE``;
2. the interpreter of the ComfyUI install that was found (unless ``--path diffusers``);
3. the interpreter of a ComfyUI server running on this machine (its process), unless ``--path diffusers``;
4. the active virtual environment or conda environment (``VIRTUAL_ENV`` / ``CONDA_PREFIX``), unless it is the
   doctor's own environment without torch;
5. another interpreter on PATH that has torch;
6. the doctor's own interpreter, said as such: the PyTorch check then never proposes installing torch into it
   (a venv, pipx or uv tool made for the doctor), it says how to point at the right one.

"Own" is judged by environment (sys.prefix), not by the executable's realpath: every venv made from the same
base Python shares that realpath.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import Any

from .. import subproc
from . import ProbeContext, probe

_HAS_TORCH = ("import importlib.util, sys; "
              "print(repr((importlib.util.find_spec('torch') is not None, sys.prefix, sys.executable)))")
PATH_NAMES = ["python3", "python"]
MAX_PATH_CANDIDATES = 8
PATH_PROBE_TIMEOUT = 8.0  # all candidates are asked at once; a shim (pyenv, asdf) can take seconds to start


def _prefix_key(p: str | None) -> str | None:
    if not p:
        return None
    try:
        return os.path.normcase(os.path.realpath(p))
    except OSError:
        return os.path.normcase(p)


def doctor_env() -> dict[str, Any]:
    """The doctor's own environment: its prefix and what made it (pipx, uv tool, venv, conda, system)."""
    prefix = sys.prefix
    low = prefix.replace("\\", "/").lower()
    if "/pipx/venvs/" in low:
        kind = "pipx"
    elif "/uv/tools/" in low:
        kind = "uv-tool"
    elif os.path.isdir(os.path.join(prefix, "conda-meta")):
        kind = "conda"
    elif sys.prefix != getattr(sys, "base_prefix", sys.prefix):
        kind = "venv"
    else:
        kind = "system"
    return {"executable": subproc.this_python(), "prefix": prefix, "kind": kind}


def _env_python(prefix: str) -> str | None:
    for rel in (("bin", "python"), ("bin", "python3"), ("Scripts", "python.exe"), ("python.exe",)):
        p = os.path.join(prefix, *rel)
        if os.path.isfile(p):
            return p
    return None


def _probe_torch(exe: str, timeout: float = 10.0) -> tuple[bool, str | None] | None:
    """(has torch, sys.prefix) of an interpreter, or None when it does not run."""
    try:
        out = subprocess.run([exe, "-I", "-c", _HAS_TORCH], capture_output=True, text=True, timeout=timeout,
                             stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    try:
        import ast

        has, prefix, _ = ast.literal_eval(out.stdout.strip().splitlines()[-1])
        return bool(has), str(prefix)
    except (ValueError, SyntaxError, IndexError):
        return None


def path_interpreters(env: dict[str, str] | None = None) -> list[str]:
    env = os.environ if env is None else env
    seen: set[str] = set()
    out: list[str] = []
    for d in (env.get("PATH") or "").split(os.pathsep):
        if not d:
            continue
        for name in PATH_NAMES:
            p = shutil.which(name, path=d)
            if not p:
                continue
            # python and python3 in one folder are one interpreter; two venvs share their base's realpath but
            # are two environments: key on the folder and the realpath together
            key = os.path.dirname(os.path.abspath(p)) + "|" + (_prefix_key(p) or p)
            if key in seen:
                continue
            seen.add(key)
            out.append(p)
    return out


def choose(options: dict[str, Any], results: dict[str, Any], env: dict[str, str] | None = None) -> dict[str, Any]:
    """The interpreter to diagnose and why: {"executable", "how", "why", "tried"}."""
    env = dict(os.environ if env is None else env)
    own = doctor_env()
    own_key = _prefix_key(own["prefix"])
    tried: list[str] = []
    diffusers_only = options.get("path") == "diffusers"
    if options.get("python"):
        return {"executable": options["python"], "how": "--python", "why": "asked for with --python", "tried": tried}
    tree = results.get("comfyui_tree") or {}
    if tree.get("found") and not diffusers_only:
        if tree.get("python"):
            how = tree.get("python_how") or "beside the install"
            return {"executable": tree["python"], "how": "comfyui-install",
                    "why": f"the interpreter of the ComfyUI install at {tree.get('root')} ({how})", "tried": tried}
        tried.append(f"ComfyUI install at {tree.get('root')}: no interpreter found beside it")
    server = results.get("comfyui_server") or {}
    proc = server.get("process") or {}
    if proc.get("python") and not diffusers_only:
        return {"executable": proc["python"], "how": "comfyui-server",
                "why": f"the interpreter of the ComfyUI server at {server.get('url')} (pid {proc.get('pid')}, "
                       f"from {proc.get('python_how')})", "tried": tried}
    for var in ("VIRTUAL_ENV", "CONDA_PREFIX"):
        prefix = env.get(var)
        if not prefix:
            continue
        exe = _env_python(prefix)
        if not exe:
            tried.append(f"{var}={prefix}: no interpreter in it")
            continue
        if _prefix_key(prefix) == own_key:
            res = _probe_torch(exe)
            if not res or not res[0]:
                tried.append(f"{var}={prefix}: klein-doctor's own environment, without PyTorch")
                continue
        return {"executable": exe, "how": "active-env", "why": f"the active environment ({var}={prefix})", "tried": tried}
    cands = path_interpreters(env)[:MAX_PATH_CANDIDATES]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=max(1, len(cands))) as pool:
        answers = list(pool.map(lambda e: _probe_torch(e, PATH_PROBE_TIMEOUT), cands))
    for exe, res in zip(cands, answers):
        if res is None:
            tried.append(f"{exe}: does not run")
            continue
        has, prefix = res
        if _prefix_key(prefix) == own_key:
            continue
        if has:
            return {"executable": exe, "how": "path", "why": f"the first interpreter on PATH with PyTorch ({exe})",
                    "tried": tried}
        tried.append(f"{exe}: no PyTorch")
    return {"executable": own["executable"], "how": "doctor",
            "why": "klein-doctor's own interpreter (no ComfyUI install, ComfyUI server on this machine, active "
                   "environment or other interpreter on PATH with PyTorch was found)", "tried": tried}


def target_python(options: dict[str, Any], results: dict[str, Any] | None = None) -> str:
    """`--python EXE` wins; else the interpreter the python_target probe chose (read from the probes' results,
    never from options a probe wrote); else ComfyUI's own interpreter from the tree; else the doctor's own."""
    if options.get("python"):
        return options["python"]
    sel = (results or {}).get("python_target") or {}
    if isinstance(sel, dict) and sel.get("executable"):
        return sel["executable"]
    tree = (results or {}).get("comfyui_tree") or {}
    if tree.get("found") and tree.get("python"):
        return tree["python"]
    return subproc.this_python()


@probe("python_target", timeout=60, after=["comfyui_tree", "comfyui_server"])
def python_target_probe(ctx: ProbeContext) -> dict[str, Any]:
    """Chooses the interpreter once, before the python and torch probes that both use it."""
    return choose(ctx.options, ctx.results)


@probe("python", timeout=30, after=["python_target"])
def python_probe(ctx: ProbeContext) -> dict[str, Any]:
    sel = ctx.results.get("python_target") or choose(ctx.options, ctx.results)
    exe = sel["executable"]
    res = subproc.run_script(exe, "pyenv_probe.py", timeout=25)
    own = doctor_env()
    out: dict[str, Any] = {"requested": exe, "selected": sel, "doctor_env": own, "duration_s": round(res.duration_s, 3)}
    if res.data is None:
        out["is_doctor_python"] = sel["how"] == "doctor"
        out["error"] = res.error
        out["stderr_tail"] = res.stderr[-2000:]
        return out
    out.update(res.data)
    out["is_doctor_python"] = _prefix_key(res.data.get("prefix")) == _prefix_key(own["prefix"])
    return out


def diagnosed_line(facts: dict[str, Any]) -> str | None:
    """The first line of every output: which Python is diagnosed and why."""
    py = facts.get("python") or {}
    sel = py.get("selected") or {}
    exe = py.get("executable") or py.get("requested")
    if not exe:
        return None
    return f"Diagnosing Python {exe}" + (f": {sel['why']}" if sel.get("why") else "")
