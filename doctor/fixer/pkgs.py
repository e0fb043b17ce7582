"""Packages in the diagnosed environment: which installer it uses, the files of a distribution, and a
reversible swap (old files moved into the journal's backup, then pip or uv installs the new ones).

The old files are moved (renamed on the same disk, so a 3 GB torch costs no extra space and no time) to a
backup folder inside the environment's prefix, recorded in the journal first; undo moves whatever the fix
installed aside and the old files back. Nothing is deleted.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path, PurePath, PureWindowsPath
from typing import Any, Callable

from ..platform_rules import refuses_installs
from ..winpath import is_windows_path


HERE = Path(__file__).resolve().parent


class PkgError(Exception):
    pass


def inventory(python: str, names: list[str], timeout: float = 60) -> dict[str, Any]:
    """What the target interpreter says about these distributions (files, installer) and itself."""
    proc = subprocess.run([python, "-I", str(HERE / "_dists.py"), *names], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)
    out = proc.stdout
    marker = "@@KLEIN_DOCTOR_JSON@@"
    if marker not in out:
        raise PkgError(f"{python} could not list its packages: {(proc.stderr or out).strip()[-300:]}")
    return json.loads(out.split(marker, 1)[1].strip().splitlines()[0])


def environment(py: dict[str, Any], os_name: str) -> dict[str, Any]:
    """What kind of environment the diagnosed interpreter lives in, and the tool that installs into it.

    From the facts (``facts["python"]``) plus what the prefix holds when it is on this machine:
    ``pyvenv.cfg`` with a ``uv =`` line (uv made it: ComfyUI Desktop's .venv, `uv venv`), ``conda-meta``."""
    exe = py.get("executable") or py.get("requested") or "python"
    prefix = py.get("prefix") or ""
    win = os_name.startswith("win") or is_windows_path(exe)
    P = PureWindowsPath if win else PurePath
    kind = "system"
    if py.get("embedded") or P(exe).parent.name.lower() == "python_embeded":
        kind = "ComfyUI portable (python_embeded)"
    elif py.get("is_venv"):
        kind = "venv"
    tool = "pip"
    local = Path(prefix) if prefix and not (win and os.name != "nt") else None
    if local is not None and (local / "conda-meta").is_dir():
        kind = "conda"
    uv_made = False
    if local is not None and (local / "pyvenv.cfg").is_file():
        try:
            uv_made = any(line.split("=")[0].strip() == "uv" for line in
                          (local / "pyvenv.cfg").read_text(encoding="utf-8", errors="replace").splitlines())
        except OSError:
            pass
    if uv_made:
        tool = "uv"
        if kind == "venv" and local is not None and (local.parent / "models").is_dir() and local.name == ".venv":
            kind = "ComfyUI Desktop (.venv)"
    return {"python": exe, "kind": kind, "tool": tool, "windows": win, "prefix": prefix,
            "managed": refuses_installs(py)}


def install_argv(env: dict[str, Any], reqs: list[str], index_url: str | None = None, find_links: str | None = None,
                 no_deps: bool = False) -> list[str]:
    managed = ["--break-system-packages"] if env.get("managed") else []  # PEP 668: pip refuses without it
    if env["tool"] == "uv":
        argv = ["uv", "pip", "install", "--python", env["python"], *managed, *reqs]
    else:
        argv = [env["python"]] + (["-s"] if env["kind"].startswith("ComfyUI portable") else []) + \
            ["-m", "pip", "install", *managed, *reqs]
    if index_url:
        argv += ["--index-url", index_url]
    if find_links:
        argv += ["--find-links", find_links]
    if no_deps:
        argv.append("--no-deps")
    return argv


def uninstall_argv(env: dict[str, Any], names: list[str]) -> list[str]:
    """The command a user would type; fix itself moves the files aside instead (so undo can restore them)."""
    managed = ["--break-system-packages"] if env.get("managed") else []
    if env["tool"] == "uv":
        return ["uv", "pip", "uninstall", "--python", env["python"], *managed, *names]
    return [env["python"], "-m", "pip", "uninstall", "-y", *managed, *names]


def tool_available(env: dict[str, Any], inv: dict[str, Any]) -> str | None:
    """Why the environment's installer cannot run here, or None."""
    if env["tool"] == "uv":
        return None if shutil.which("uv") else "the environment was made by uv, and uv is not on PATH"
    return None if inv.get("pip") else f"pip is not installed in {env['python']} (run `{env['python']} -m ensurepip`)"


def _prune(dirs: set[Path], backup: Path, stop: Path) -> None:
    """Remove folders the move emptied (an empty package folder would import as a namespace package);
    their __pycache__ goes to the backup too."""
    for d in sorted(dirs, key=lambda p: len(p.parts), reverse=True):
        try:
            if not d.is_dir() or d == stop or stop not in d.parents:
                continue
            entries = list(d.iterdir())
            if entries and all(e.name == "__pycache__" and e.is_dir() for e in entries):
                for e in entries:
                    dst = backup / "__pycache__" / str(abs(hash(str(e))))
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    shutil.move(str(e), str(dst))
            if not any(d.iterdir()):
                d.rmdir()
        except OSError:
            continue


def move_aside(files: list[str], backup: Path, start: int = 0) -> list[list[str]]:
    """[src, dst] pairs for moving these files into backup/ (numbered, flat), not yet moved."""
    return [[f, str(backup / f"{start + i:06d}-{Path(f).name}")] for i, f in enumerate(files)]


def _do_moves(pairs: list[list[str]], stop: Path) -> None:
    dirs: set[Path] = set()
    for src, dst in pairs:
        s = Path(src)
        if not (s.exists() or s.is_symlink()):
            continue
        Path(dst).parent.mkdir(parents=True, exist_ok=True)
        try:
            os.rename(s, dst)
        except OSError:
            shutil.move(str(s), dst)
        # every folder between the file and site-packages: a package of nothing but sub-folders is still
        # importable (as a namespace package) until all of them are gone
        for parent in s.parents:
            if parent == stop or stop not in parent.parents:
                break
            dirs.add(parent)
    _prune(dirs, Path(pairs[0][1]).parent if pairs else stop, stop)


def would_replace(argv: list[str], installed: dict[str, str], skip: list[str], timeout: float = 600) -> list[str]:
    """The installed distributions (normalized names, besides ``skip``) that this pip install would replace
    with another version: pip deletes their files when it upgrades them, so the swap moves them aside first.
    From ``pip install --dry-run --report -`` (pip 22.2+); [] where that cannot tell."""
    if not argv or "pip" not in argv or "install" not in argv:
        return []
    try:
        proc = subprocess.run([*argv, "--dry-run", "--quiet", "--report", "-"], capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
        report = json.loads(proc.stdout) if proc.returncode == 0 else {}
    except (OSError, subprocess.TimeoutExpired, ValueError):
        return []
    skip_n = {_norm(n) for n in skip}
    out = []
    for item in report.get("install") or []:
        meta = item.get("metadata") or {}
        n = _norm(str(meta.get("name") or ""))
        if n and n in installed and n not in skip_n and installed[n] != meta.get("version"):
            out.append(n)
    return sorted(set(out))


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def swap(journal, env: dict[str, Any], remove: list[str], argv: list[str] | None, why: str,
         say: Callable[[str], None] = print, timeout: float = 3600) -> subprocess.CompletedProcess | None:
    """Move the files of ``remove`` aside (journaled), then run ``argv`` (an install) if given.

    An install also brings dependencies: those it would upgrade or downgrade are moved aside with ``remove``
    first (pip deletes the files of what it replaces), and those it adds are journaled, so that undo sets
    them aside too. Raises PkgError when the install fails (the caller rolls the step back)."""
    python = env["python"]
    inv = inventory(python, remove)
    installed = inv.get("all") or {}
    deps = would_replace(argv, installed, remove) if argv and env["tool"] == "pip" else []
    if deps:
        inv = inventory(python, remove + deps)
    prefix = Path(inv["prefix"])
    backup = prefix / ".klein-doctor-backup" / journal.path.stem
    before = {n: {"version": d["version"], "files": len(d["files"])} for n, d in inv["dists"].items()}
    files = [f for d in inv["dists"].values() for f in d["files"]]
    pairs = move_aside(files, backup / "old")
    op = journal.record({"op": "pkgswap", "python": python, "names": remove, "deps": deps, "before": before,
                         "backup": str(backup), "moved": pairs, "argv": argv, "purelib": inv["purelib"], "why": why,
                         "installed_before": installed})
    if deps:
        say("  also set aside (the install replaces them): " + ", ".join(f"{n} {installed[n]}" for n in deps))
    _do_moves(pairs, Path(inv["purelib"]))
    proc = None
    if argv:
        say("  $ " + " ".join(argv))
        try:
            proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        finally:
            # what the install added (its dependencies) and replaced without our backup, even when it failed
            # half-way: undo and the rollback set the added ones aside and report the replaced ones
            try:
                now = inventory(python, [])["all"]
            except PkgError:
                now = {}
            mine = {_norm(n) for n in remove + deps}
            journal.update(op, added=sorted(n for n in now if n not in installed and n not in mine),
                           replaced={n: [installed[n], v] for n, v in now.items()
                                     if n in installed and n not in mine and installed[n] != v})
        journal.update(op, rc=proc.returncode, tail=(proc.stdout + proc.stderr)[-3000:])
        if proc.returncode != 0:
            raise PkgError(f"the install failed (exit {proc.returncode}): "
                           + " | ".join((proc.stderr or proc.stdout).strip().splitlines()[-3:]))
        if op.get("added"):
            say(f"  it added {len(op['added'])} other distribution(s): {', '.join(op['added'])}")
    after = inventory(python, remove)["dists"]
    journal.done(op, after={n: d["version"] for n, d in after.items()})
    return proc


def undo_swap(op: dict[str, Any], say: Callable[[str], None]) -> list[str]:
    """Put an environment back: what fix installed (the packages and the dependencies the install added or
    replaced) goes aside, the old files come back. Returns what could not be put back."""
    python = op["python"]
    backup = Path(op["backup"])
    names = list(op["names"]) + list(op.get("deps") or []) + list(op.get("added") or [])
    try:
        now = inventory(python, names)["dists"]
    except PkgError:
        now = {}
    moved_back_targets = {src for src, _ in op.get("moved") or []}
    ours = [f for d in now.values() for f in d["files"] if f not in moved_back_targets or _is_backup_present(op, f)]
    if ours:
        pairs = move_aside(ours, backup / "undone")
        _do_moves(pairs, Path(op.get("purelib") or backup))
        listed = ", ".join(str(n) + " " + str(d["version"]) for n, d in sorted(now.items()))
        say(f"  set aside {len(ours)} file(s) fix had installed ({listed})")
    n = 0
    for src, dst in op.get("moved") or []:
        if Path(dst).exists() and not Path(src).exists():
            Path(src).parent.mkdir(parents=True, exist_ok=True)
            os.rename(dst, src)
            n += 1
    say(f"  restored {n} file(s) of " + (", ".join(f"{k} {v['version']}" for k, v in (op.get("before") or {}).items())
                                        or "nothing (the packages were not installed before)"))
    return [f"the install replaced {k} {old} with {new} and deleted the old files; undo cannot bring {old} back "
            f"(reinstall it: {python} -m pip install {k}=={old})"
            for k, (old, new) in sorted((op.get("replaced") or {}).items())]


def _is_backup_present(op: dict[str, Any], f: str) -> bool:
    for src, dst in op.get("moved") or []:
        if src == f:
            return Path(dst).exists()
    return False
