"""ComfyUI repairs: update an install too old for Klein through its own updater (git, or the portable
build's update_comfyui.bat; never by copying files), and remove a harmful flag from the launch script or
the Desktop setting that passes it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path, PureWindowsPath
from typing import Any

from .. import manifests
from ..findings import Finding, Status
from .base import Plan, repair
from ..comfyui.tree import safe_directory_argv
from ..platform_rules import pip_argv
from ..winpath import is_windows_path

UPDATE_CODES = ["comfyui.version.too-old", "comfyui.version.nodes-missing", "comfyui.server-version.too-old",
                "comfyui.server-nodes.missing", "comfyui.server-nodes.no-flux2-clip", "workflows.node-too-new"]


def _git_head(root: str) -> str | None:
    try:
        p = subprocess.run(["git", "-C", root, "rev-parse", "HEAD"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return p.stdout.strip() if p.returncode == 0 else None


@repair("comfyui.update", codes=UPDATE_CODES, checks=["comfyui.version"])
def comfyui_update(findings: list[Finding], facts: dict[str, Any], ctx: dict[str, Any]) -> list[Plan]:
    t = facts.get("comfyui_tree") or {}
    if not t.get("found"):
        return []
    root = t.get("code_dir") or t.get("root")
    layout = t.get("layout")
    min_v = manifests.load("comfyui")["version"]["min_klein"]
    title = f"Update ComfyUI {t.get('version') or ''} at {root} to {min_v} or newer".replace("  ", " ")
    if layout == "git":
        py = t.get("python") or "python"
        pull = ["git", "-C", root, "pull", "--ff-only"]
        pyf = facts.get("python") or {}
        req = pip_argv(py, ["install", "-r", str(Path(root) / "requirements.txt")],
                       pyf if pyf.get("executable") == py else None)
        trust = safe_directory_argv(root) if t.get("git_refused") else None
        cmds = ([trust] if trust else []) + [pull, req]

        def apply(journal, c, say):
            if trust:
                say("  $ " + " ".join(trust))
                p = journal.run(trust, "mark ComfyUI's folder safe for git (it belongs to another user)",
                                undo={"note": f"the safe.directory entry for {root} is kept in this account's "
                                              "~/.gitconfig (git config --global --unset-all safe.directory "
                                              f"{root} removes it)"}, timeout=60)
                if p.returncode != 0:
                    raise RuntimeError("git config failed: " + " | ".join((p.stderr or p.stdout).strip().splitlines()[-3:]))
            head = _git_head(root)
            if head is None:
                raise RuntimeError(f"{root} is not a git checkout git can read")
            say("  $ " + " ".join(pull))
            p = journal.run(pull, "update ComfyUI", undo={"git_reset": head, "cwd": root}, timeout=600)
            if p.returncode != 0:
                raise RuntimeError("git pull failed: " + " | ".join((p.stderr or p.stdout).strip().splitlines()[-3:]))
            if Path(req[-1]).is_file() and (os.path.isabs(py) and Path(py).exists() or shutil.which(py)):
                say("  $ " + " ".join(req))
                p = journal.run(req, "install ComfyUI's requirements",
                                undo={"note": "packages installed from ComfyUI's requirements.txt are kept (undo "
                                              "reverts the code; `pip install -r requirements.txt` of the old "
                                              "version reverts them)"}, timeout=1800)
                if p.returncode != 0:
                    raise RuntimeError("pip install -r requirements.txt failed: "
                                       + " | ".join((p.stderr or p.stdout).strip().splitlines()[-3:]))

        return [Plan(id=f"comfyui-update:{root}", title=title, cures=findings,
                     changes=([f"{root}: marked safe for git in this account's ~/.gitconfig (git refuses a "
                               "folder another user owns)"] if trust else [])
                             + [f"{root}: git pull --ff-only (local changes are never overwritten; undo resets to the "
                                "current commit)", "ComfyUI's requirements.txt is installed into the Python it runs with"],
                     commands=cmds, download_bytes=None, disk_bytes=None, checks=["comfyui.version"], apply=apply,
                     notes=["restart ComfyUI afterwards"])]
    if layout == "portable":
        win = is_windows_path(root)
        container = str(PureWindowsPath(root).parent) if win else str(Path(root).parent)
        sep = "\\" if win else os.sep
        bat = f"{container}{sep}update{sep}update_comfyui.bat"
        cmd = ["cmd", "/c", bat]
        if os.name != "nt":
            return [Plan(id=f"comfyui-update:{root}", title=title, cures=findings, commands=[cmd],
                         manual=f"On Windows, run {bat} (ComfyUI portable's own updater), then restart ComfyUI")]
        head = _git_head(root)

        def apply_bat(journal, c, say):  # pragma: no cover - Windows only
            say("  $ " + " ".join(cmd))
            p = journal.run(cmd, "update ComfyUI portable", cwd=str(Path(bat).parent), timeout=1800,
                            undo={"git_reset": head, "cwd": root} if head else
                            {"note": "the portable update cannot be undone automatically (no git history)"})
            if p.returncode != 0:
                raise RuntimeError("update_comfyui.bat failed: " + " | ".join((p.stderr or p.stdout).strip().splitlines()[-3:]))

        return [Plan(id=f"comfyui-update:{root}", title=title, cures=findings, commands=[cmd],
                     changes=[f"{root}: updated by ComfyUI's own update script"], download_bytes=None, disk_bytes=None,
                     checks=["comfyui.version"], apply=apply_bat, notes=["restart ComfyUI afterwards"])]
    words = {"desktop": manifests.load("comfyui")["update"]["desktop"]}.get(
        layout or "", manifests.load("comfyui")["update"]["unknown"].format(min=min_v))
    return [Plan(id=f"comfyui-update:{root}", title=title, cures=findings, manual=words)]


def _strip_flag(line: str, flag: str, value: str | None) -> str:
    pat = re.escape(flag) + (r"(?:[ =]+(?:\"[^\"]*\"|'[^']*'|[^\s\"']+))?" if value else "") + r"(?![\w-])"
    new = re.sub(r"[ \t]*" + pat, "", line, count=1)
    return new


def _edit_script(path: Path, lineno: int, flag: str, value: str | None) -> bytes | None:
    data = path.read_bytes()
    lines = data.splitlines(keepends=True)
    if not 1 <= lineno <= len(lines):
        return None
    text = lines[lineno - 1].decode("utf-8", errors="surrogateescape")
    new = _strip_flag(text, flag, value)
    if new == text:
        return None
    lines[lineno - 1] = new.encode("utf-8", errors="surrogateescape")
    return b"".join(lines)


def _edit_settings(path: Path, flag: str) -> bytes | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    changed = False

    def walk(o: Any) -> Any:
        nonlocal changed
        if isinstance(o, dict):
            for k in list(o):
                if "launchargs" in str(k).lower().replace(".", "").replace("_", ""):
                    v = o[k]
                    if isinstance(v, dict) and flag.lstrip("-") in v:
                        del v[flag.lstrip("-")]
                        changed = True
                    elif isinstance(v, str) and flag in v:
                        o[k] = _strip_flag(v, flag, None).strip()
                        changed = True
                else:
                    walk(o[k])
        elif isinstance(o, list):
            for x in o:
                walk(x)
        return o

    walk(data)
    return (json.dumps(data, indent=2) + "\n").encode("utf-8") if changed else None


@repair("comfyui.launch-flag", codes=["comfyui.launch.*"], checks=["comfyui.launch"])
def launch_flag(findings: list[Finding], facts: dict[str, Any], ctx: dict[str, Any]) -> list[Plan]:
    t = facts.get("comfyui_tree") or {}
    flags = t.get("launch_flags") or []
    plans = []
    for f in findings:
        if f.status not in (Status.FAIL, Status.WARN) or f.code == "comfyui.launch.clean":
            continue
        name = "--" + f.code[len("comfyui.launch."):]
        for fl in [x for x in flags if x.get("flag") == name and x.get("file")]:
            path = Path(fl["file"])
            settings = path.suffix.lower() == ".json"
            where = f"{path}" if settings else f"{path}:{fl['line']}"

            def apply(journal, c, say, path=path, fl=fl, settings=settings):
                new = _edit_settings(path, fl["flag"]) if settings else _edit_script(path, fl["line"], fl["flag"], fl.get("value"))
                if new is None:
                    raise RuntimeError(f"{fl['flag']} is no longer where the check saw it ({path})")
                say(f"  edit {path}: remove {fl['flag']}")
                journal.edit(path, new, f"remove {fl['flag']}")

            before = fl.get("text") or ""
            after = _strip_flag(before, fl["flag"], fl.get("value")) if not settings else "(the setting without it)"
            plans.append(Plan(id=f"flag:{path}:{fl['flag']}", title=f"Remove {fl['flag']} from {path.name}",
                              cures=[f], changes=[f"{where}: `{before}` -> `{after.strip()}` (a backup is kept)"],
                              checks=["comfyui.launch"], apply=apply, notes=["restart ComfyUI afterwards"]))
    return plans
