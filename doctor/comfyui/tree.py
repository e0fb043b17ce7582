"""The ComfyUI install on disk: where it is, what layout, which version, whether it has the Klein nodes,
which Python runs it, how it is launched, and which folders its loaders search for model files.

Everything here reads files only (``git describe`` is the one subprocess, bounded). Functions take the
environment and home folder as arguments so Windows and Desktop layouts are testable on any OS.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

from .. import manifests, safeio
from ..winpath import git_folder
from .folders import folder_types, legacy

MAX_SOURCE_BYTES = 4 * 1024 * 1024
MAX_SCRIPT_BYTES = 256 * 1024
MAX_YAML_BYTES = 1024 * 1024
MAX_YAML_SECTIONS = 64   # extra_model_paths.yaml sections read per file (real files have a handful)
MAX_YAML_PROBLEMS = 20   # problems listed per file before the rest are counted in one line
FOLDER_TYPES = folder_types()  # manifests/comfyui.toml [folders]
# ComfyUI maps these legacy folder names onto the new ones (folder_paths.map_legacy).
LEGACY = legacy()


# --------------------------------------------------------------------------- finding the root

def is_comfy_root(p: Path) -> bool:
    """A ComfyUI code folder: main.py next to the comfy package (or folder_paths.py)."""
    return (p / "main.py").is_file() and ((p / "comfy").is_dir() or (p / "folder_paths.py").is_file())


def is_desktop_base(p: Path) -> bool:
    """The ComfyUI Desktop base folder holds the user's data and .venv but not the code."""
    return (p / ".venv").is_dir() and (p / "models").is_dir() and not (p / "main.py").exists()


def desktop_config_paths(env: dict[str, str], home: Path, os_name: str) -> list[Path]:
    """Where the Desktop app keeps config.json (its basePath) on each OS."""
    if os_name.startswith("win"):
        appdata = env.get("APPDATA") or str(home / "AppData" / "Roaming")
        return [Path(appdata) / "ComfyUI" / "config.json"]
    if os_name == "darwin":
        return [home / "Library" / "Application Support" / "ComfyUI" / "config.json"]
    xdg = env.get("XDG_CONFIG_HOME") or str(home / ".config")
    return [Path(xdg) / "ComfyUI" / "config.json"]


def desktop_code_dirs(env: dict[str, str], home: Path, os_name: str) -> list[Path]:
    """Where the Desktop app ships the ComfyUI code (its resources folder)."""
    if os_name.startswith("win"):
        local = env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return [Path(local) / "Programs" / "@comfyorgcomfyui-electron" / "resources" / "ComfyUI",
                Path(local) / "Programs" / "ComfyUI" / "resources" / "ComfyUI"]
    if os_name == "darwin":
        return [Path("/Applications/ComfyUI.app/Contents/Resources/ComfyUI"),
                home / "Applications" / "ComfyUI.app" / "Contents" / "Resources" / "ComfyUI"]
    return [Path("/opt/ComfyUI/resources/ComfyUI")]


def read_desktop_base(config: Path) -> str | None:
    try:
        data = safeio.read_json(config, safeio.SETTINGS, what="Desktop settings file")
    except (OSError, ValueError):  # unreadable, special, too large, too deep, not JSON: no base path from it
        return None
    base = data.get("basePath") if isinstance(data, dict) else None
    return base if isinstance(base, str) and base else None


def comfy_cli_workspaces(env: dict[str, str], home: Path, os_name: str) -> list[Path]:
    """comfy-cli's configured default workspace, then its built-in default."""
    out: list[Path] = []
    if os_name.startswith("win"):
        cfg_dir = Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local") / "comfy-cli"
    elif os_name == "darwin":
        cfg_dir = home / "Library" / "Application Support" / "comfy-cli"
    else:
        cfg_dir = Path(env.get("XDG_CONFIG_HOME") or home / ".config") / "comfy-cli"
    cp = configparser.ConfigParser()
    try:
        cp.read(cfg_dir / "config.ini", encoding="utf-8")
        ws = cp.get("DEFAULT", "default_workspace", fallback=None)
        if ws:
            out.append(Path(ws))
    except (configparser.Error, OSError, UnicodeDecodeError):
        pass
    if os_name.startswith("win") or os_name == "darwin":
        out.append(home / "Documents" / "comfy" / "ComfyUI")
    else:
        out.append(home / "comfy" / "ComfyUI")
    return out


def _resolve_candidate(p: Path) -> tuple[Path, str, Path | None] | None:
    """(code root, layout, desktop base) for a folder a user may name: the code folder itself, the portable
    container, a Desktop base, or a git checkout."""
    if not p.is_dir():
        return None
    if (p / "python_embeded").is_dir() and is_comfy_root(p / "ComfyUI"):
        return p / "ComfyUI", "portable", None
    if is_comfy_root(p):
        if (p.parent / "python_embeded").is_dir():
            return p, "portable", None
        if (p / ".git").exists():
            return p, "git", None
        return p, "unknown", None
    if is_comfy_root(p / "ComfyUI"):
        return _resolve_candidate(p / "ComfyUI")
    if is_desktop_base(p):
        return p, "desktop", p
    return None


def server_roots(server: dict[str, Any] | None) -> list[tuple[Path, str]]:
    """Where a ComfyUI server on this machine runs from: the folder of its main.py (its process), else the
    parent of the custom_nodes folder it reports (/internal/folder_paths)."""
    if not server or not server.get("is_comfyui") or server.get("remote"):
        return []
    out: list[tuple[Path, str]] = []
    proc = server.get("process") or {}
    if proc.get("main"):
        out.append((Path(proc["main"]).parent, f"the running server at {server.get('url')} (pid {proc.get('pid')})"))
    paths = ((server.get("folder_paths") or {}).get("paths") or {})
    for cn in (paths.get("custom_nodes") or [])[:4]:
        out.append((Path(cn).parent, f"the running server at {server.get('url')} (/internal/folder_paths)"))
    return out





def find_root(options: dict[str, Any], env: dict[str, str] | None = None, home: Path | None = None,
              os_name: str | None = None, server: dict[str, Any] | None = None) -> dict[str, Any]:
    """Search in the documented order; the first folder that is ComfyUI wins. Each tried place is kept."""
    env = dict(os.environ if env is None else env)
    home = Path(home) if home is not None else Path.home()
    os_name = os_name or ("win32" if os.name == "nt" else ("darwin" if os.uname().sysname == "Darwin" else "linux"))
    tried: list[dict[str, Any]] = []
    cands: list[tuple[Path, str]] = []
    if options.get("comfyui"):
        cands.append((Path(options["comfyui"]), "--comfyui"))
    if env.get("COMFYUI_PATH"):
        cands.append((Path(env["COMFYUI_PATH"]), "COMFYUI_PATH"))
    if options.get("cwd"):
        cwd = Path(options["cwd"])
        for i, p in enumerate([cwd, *cwd.parents]):
            cands.append((p, "current folder" if i == 0 else "a parent of the current folder"))
    cands += server_roots(server)
    for ws in comfy_cli_workspaces(env, home, os_name):
        cands.append((ws, "comfy-cli workspace"))
    for cfg in desktop_config_paths(env, home, os_name):
        base = read_desktop_base(cfg) if cfg.is_file() else None
        if base:
            cands.append((Path(base), f"ComfyUI Desktop config {cfg}"))
    cands.append((home / "Documents" / "ComfyUI", "ComfyUI Desktop default folder"))
    for p, how in cands:
        try:
            hit = _resolve_candidate(p)
        except (OSError, ValueError):  # a name too long or with a NUL byte (a hostile server's path)
            hit = None
        tried.append({"path": str(p), "how": how, "is_comfyui": hit is not None})
        if hit:
            root, layout, desktop_base = hit
            code = root
            if layout == "desktop":
                code = next((c for c in desktop_code_dirs(env, home, os_name) if is_comfy_root(c)), None)  # type: ignore[assignment]
            return {"found": True, "root": str(root), "how_found": how, "layout": layout, "tried": tried,
                    "code_dir": str(code) if code else None,
                    "desktop_base": str(desktop_base) if desktop_base else None}
        if how == "--comfyui":  # an explicit folder that is not ComfyUI stops the search: say so
            return {"found": False, "root": None, "how_found": how, "layout": "unknown", "tried": tried,
                    "code_dir": None, "desktop_base": None, "explicit_not_comfyui": str(p),
                    "explicit_state": safeio.path_state(p)}
    return {"found": False, "root": None, "how_found": "not found", "layout": "unknown", "tried": tried,
            "code_dir": None, "desktop_base": None}


# --------------------------------------------------------------------------- version and Klein nodes

def _read(p: Path, limit: int) -> str | None:
    try:  # bounded, and a FIFO or device behind the name is refused by type before it is opened
        return safeio.read_text(p, limit)
    except OSError:
        return None


def git_describe(root: Path, timeout: float = 5.0) -> tuple[str | None, str | None]:
    """(git describe of the checkout, why git refused it): git 2.35.2+ refuses a repository owned by another user
    ("detected dubious ownership": a folder mounted into a container and read as root, or made by another account),
    and then every git command there, `git pull` included, fails the same way."""
    try:
        proc = subprocess.run(["git", "-C", str(root), "describe", "--tags", "--always"], capture_output=True,
                              text=True, timeout=timeout, errors="replace", stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None, None
    out = proc.stdout.strip()
    if proc.returncode == 0 and out:
        return out, None
    refused = "dubious ownership" if "dubious ownership" in (proc.stderr or "") else None
    return None, refused


def base_directory_from(tree: Any) -> str:
    """Where the tree facts' --base-directory came from (`server argv ...`, a launch script, `the install folder`), as
    every reader of a replayed facts file must read it: empty where the facts hold no such table."""
    bd = tree.get("base_directory") if isinstance(tree, dict) else None
    got = bd.get("from") if isinstance(bd, dict) else None
    return got if isinstance(got, str) else ""


def safe_directory_argv(folder: str) -> list[str]:
    """git's own remedy for a checkout it refuses (dubious ownership); git names a Windows folder with forward
    slashes there."""
    return ["git", "config", "--global", "--add", "safe.directory", git_folder(folder)]


def read_version(code: Path) -> tuple[str | None, str, str | None, str | None]:
    """(version, where it came from, git describe, why git refused the checkout). comfyui_version.py is what
    ComfyUI itself reports."""
    describe, refused = git_describe(code) if (code / ".git").exists() else (None, None)
    text = _read(code / "comfyui_version.py", 64 * 1024)
    if text:
        m = re.search(r"""__version__\s*=\s*["']([^"']+)["']""", text)
        if m:
            return m.group(1), "comfyui_version.py", describe, refused
    text = _read(code / "pyproject.toml", 256 * 1024)
    if text:
        m = re.search(r"""(?m)^\s*version\s*=\s*["']([^"']+)["']""", text)
        if m:
            return m.group(1), "pyproject.toml", describe, refused
    if describe:
        m = re.match(r"v?(\d+\.\d+\.\d+)", describe)
        if m:
            return m.group(1), "git describe", describe, refused
    return None, "unknown", describe, refused


def klein_nodes(code: Path) -> dict[str, Any]:
    """Whether the Klein nodes and the flux2 CLIP type are defined in the source, with the file each was
    seen in. Searches the usual files first, then every .py under comfy/ and comfy_extras/ (bounded)."""
    rules = manifests.load("comfyui")["klein"]
    wanted = {n: re.compile(rf"""\b{re.escape(n)}\b""") for n in rules["required_nodes"]}
    clip_rx = re.compile(r"""["']%s["']|\bFLUX2\s*=""" % re.escape(rules["clip_type"]))
    found: dict[str, str | None] = {n: None for n in wanted}
    clip: str | None = None
    files = [code / f for f in rules["source_files"]]
    seen: set[Path] = set()

    def scan(f: Path) -> None:
        nonlocal clip
        text = _read(f, MAX_SOURCE_BYTES)
        if text is None:
            return
        rel = str(f.relative_to(code)) if f.is_relative_to(code) else str(f)
        for n, rx in wanted.items():
            if found[n] is None and rx.search(text):
                found[n] = rel
        if clip is None and clip_rx.search(text) and ("CLIPType" in text or "CLIPLoader" in text):
            clip = rel

    for f in files:
        seen.add(f)
        scan(f)
    if not all(found.values()) or clip is None:
        count = 0
        for sub in ("comfy_extras", "comfy", "comfy_api_nodes"):
            for f in sorted((code / sub).rglob("*.py")) if (code / sub).is_dir() else []:
                if f in seen:
                    continue
                count += 1
                if count > 3000:
                    break
                scan(f)
                if all(found.values()) and clip is not None:
                    break
    return {"nodes": found, "clip_type_flux2": clip,
            "all_present": all(found.values()) and clip is not None}


# --------------------------------------------------------------------------- interpreter and launch flags

def find_python(root: Path, layout: str, desktop_base: Path | None = None) -> str | None:
    """The interpreter ComfyUI runs with: portable python_embeded, a venv beside or inside, Desktop's .venv."""
    cands: list[Path] = []
    if layout == "portable":
        cands.append(root.parent / "python_embeded" / "python.exe")
        cands.append(root.parent / "python_embeded" / "python")
    bases = [desktop_base] if desktop_base else []
    bases += [root, root.parent]
    for b in bases:
        for v in (".venv", "venv"):
            cands += [b / v / "Scripts" / "python.exe", b / v / "bin" / "python", b / v / "bin" / "python3"]
    for c in cands:
        if c.is_file():
            return str(c)
    return None


def launch_scripts(root: Path, layout: str, desktop_base: Path | None, env: dict[str, str], home: Path,
                   os_name: str) -> list[Path]:
    """Launch scripts and settings files whose flags decide how ComfyUI runs."""
    out: list[Path] = []
    dirs = [root]
    if layout == "portable":
        dirs.insert(0, root.parent)
    for d in dirs:
        try:
            for f in sorted(d.iterdir()):
                # the portable ships run_cpu.bat beside run_nvidia_gpu.bat; its --cpu is not how the user runs
                if f.name.lower().startswith("run_cpu"):
                    continue
                if f.is_file() and f.suffix.lower() in (".bat", ".cmd", ".sh", ".ps1"):
                    out.append(f)
        except OSError:
            pass
    if layout == "desktop":
        out += [c for c in desktop_config_paths(env, home, os_name) if c.is_file()]
        if desktop_base:
            s = desktop_base / "user" / "default" / "comfy.settings.json"
            if s.is_file():
                out.append(s)
    return out


_FLAG_RX = re.compile(r"(?<![\w-])(--[a-z][a-z0-9_-]*)(?:[ =]+([^\s\"'-][^\s\"']*|\"[^\"]*\"|'[^']*'))?")


def parse_flags(text: str, value_flags: set[str]) -> list[dict[str, Any]]:
    """ComfyUI flags on the lines that start it (main.py) or in a Desktop LaunchArgs setting."""
    flags: list[dict[str, Any]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith(("#", "REM ", "rem ", "::")):
            continue
        if "main.py" not in line and "LaunchArgs" not in line and "launchArgs" not in line:
            continue
        for m in _FLAG_RX.finditer(line):
            name, value = m.group(1), m.group(2)
            if name not in value_flags:
                value = None
            elif value:
                value = value.strip("\"'")
            flags.append({"flag": name, "value": value, "line": lineno, "text": stripped[:200]})
    return flags


def argv_flags(argv: list[str], value_flags: set[str]) -> list[dict[str, Any]]:
    """Flags from a server's argv (already split into words)."""
    out: list[dict[str, Any]] = []
    i = 0
    while i < len(argv):
        a = str(argv[i])
        if a.startswith("--"):
            name, eq, val = a.partition("=")
            value = val if eq else None
            if name in value_flags and not eq and i + 1 < len(argv) and not str(argv[i + 1]).startswith("--"):
                value = str(argv[i + 1])
                i += 1
            out.append({"flag": name, "value": value})
        i += 1
    return out


def split_launch_args(s: str) -> list[str]:
    try:
        return shlex.split(s, posix=False)
    except ValueError:
        return s.split()


# --------------------------------------------------------------------------- model folders

def parse_extra_model_paths(path: Path) -> dict[str, Any]:
    """One extra_model_paths.yaml, resolved the way ComfyUI resolves it: base_path relative to the yaml's
    folder, each value split on newlines, paths relative to base_path (or the yaml folder), is_default kept."""
    import yaml

    out: dict[str, Any] = {"path": str(path), "ok": False, "error": None, "sections": {}}
    text = _read(path, MAX_YAML_BYTES)
    if text is None:
        out["error"] = "cannot be read (missing, unreadable or larger than 1 MiB)"
        return out
    try:
        data = safeio.load_yaml(text, what="the file")
    except safeio.BadData as exc:
        out["error"] = f"not readable as YAML: {exc}"
        return out
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        out["error"] = f"not valid YAML{where}: {getattr(exc, 'problem', None) or exc}"
        return out
    if data is None:
        out["ok"] = True
        return out
    if not isinstance(data, dict):
        out["error"] = f"the top level is a {type(data).__name__}, not a mapping of sections"
        return out
    ydir = path.parent
    n_problems = 0
    items = list(data.items())
    if len(items) > MAX_YAML_SECTIONS:  # real files have a handful; say the rest in one line, not one finding each
        out["sections_not_read"] = len(items) - MAX_YAML_SECTIONS
        items = items[:MAX_YAML_SECTIONS]
    for name, conf in items:
        if conf is None:
            continue
        sec: dict[str, Any] = {"base_path": None, "is_default": False, "folders": {}, "problems": []}
        if not isinstance(conf, dict):
            if n_problems >= MAX_YAML_PROBLEMS:
                out["problems_not_listed"] = out.get("problems_not_listed", 0) + 1
                continue
            sec["problems"].append(f"section {name!r} is a {type(conf).__name__}, not a mapping")
            out["sections"][str(name)] = sec
            n_problems += 1
            continue
        conf = dict(conf)
        base = conf.pop("base_path", None)
        if base is not None:
            b = Path(os.path.expandvars(os.path.expanduser(str(base))))
            if not b.is_absolute():
                b = ydir / b
            sec["base_path"] = str(b)
            sec["base_exists"] = b.is_dir()  # read here: checks judge facts, they never touch the disk
        sec["is_default"] = bool(conf.pop("is_default", False))
        for ftype, val in conf.items():
            if not isinstance(val, str):
                sec["problems"].append(f"{ftype}: value is a {type(val).__name__}, expected a path string")
                continue
            paths = []
            for line in val.split("\n"):
                line = line.strip()
                if not line:
                    continue
                p = Path(os.path.expandvars(os.path.expanduser(line)))
                if not p.is_absolute():
                    p = Path(sec["base_path"]) / p if sec["base_path"] else ydir / p
                paths.append(str(Path(os.path.normpath(p))))
            sec["folders"][str(ftype)] = paths
        if n_problems >= MAX_YAML_PROBLEMS and sec["problems"]:
            out["problems_not_listed"] = out.get("problems_not_listed", 0) + len(sec["problems"])
            sec["problems"] = []
        n_problems += len(sec["problems"]) + (1 if sec.get("base_exists") is False else 0)
        out["sections"][str(name)] = sec
    not_read, not_listed = out.get("sections_not_read", 0), out.get("problems_not_listed", 0)
    if not_read or not_listed:
        said = [f"{not_read} more sections were not read (at most {MAX_YAML_SECTIONS} per file)"] if not_read else []
        said += [f"{not_listed} more problems are not listed (at most {MAX_YAML_PROBLEMS} per file)"] if not_listed else []
        out["sections"]["(the rest of the file)"] = {"base_path": None, "is_default": False, "folders": {},
                                                     "problems": ["; ".join(said)]}
    out["ok"] = True
    return out


def _isdir(p: Path | str) -> bool:
    try:
        return Path(p).is_dir()
    except (OSError, ValueError):
        return False


def model_folders(models_root: Path | None, yamls: list[dict[str, Any]], models_dir: str | None) -> dict[str, list[dict[str, Any]]]:
    """Every folder each loader searches, in ComfyUI's order (is_default entries first), with where the
    entry came from. ``unet``/``clip`` entries also appear under their new names, as ComfyUI maps them."""
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in FOLDER_TYPES}
    seen: dict[str, set[str]] = {}  # per type: paths already listed (a set: 100k yaml paths stay linear)
    front: dict[str, list[dict[str, Any]]] = {}  # per type: is_default entries, in the order they came

    def add(ftype: str, path: Path | str, source: str, is_default: bool = False) -> None:
        entry = {"path": str(path), "source": source, "is_default": is_default,
                 "exists": _isdir(path)}
        targets = [ftype]
        if ftype in LEGACY:
            targets.append(LEGACY[ftype])
            entry_new = dict(entry, source=source if source != "default" else f"legacy alias {ftype}")
        for t in targets:
            lst = out.setdefault(t, [])
            e = entry if t == ftype else entry_new
            if e["path"] in seen.setdefault(t, set()):
                continue
            seen[t].add(e["path"])
            if is_default:
                front.setdefault(t, []).append(e)  # put first at the end (reversed): no O(n) insert(0)
            else:
                lst.append(e)

    if models_dir:
        md = Path(models_dir)
        for t in ("diffusion_models", "text_encoders", "vae", "checkpoints", "unet", "clip"):
            add(t, md / t, "--models-dir")
    if models_root is not None:
        # ComfyUI's defaults: text_encoders = [text_encoders, clip], diffusion_models = [unet, diffusion_models]
        add("unet", models_root / "unet", "default")
        add("diffusion_models", models_root / "diffusion_models", "default")
        add("text_encoders", models_root / "text_encoders", "default")
        add("clip", models_root / "clip", "default")
        add("vae", models_root / "vae", "default")
        add("checkpoints", models_root / "checkpoints", "default")
    for y in yamls:
        for name, sec in (y.get("sections") or {}).items():
            for ftype, paths in sec.get("folders", {}).items():
                if ftype not in FOLDER_TYPES:
                    continue
                for p in paths:
                    add(ftype, p, f"extra_model_paths.yaml:{name}", bool(sec.get("is_default")))
    for t, first in front.items():
        out[t] = first[::-1] + out[t]
    return out


def extra_yaml_paths(root: Path, layout: str, flags: list[dict[str, Any]], env: dict[str, str], home: Path,
                     os_name: str) -> list[Path]:
    out = [root / "extra_model_paths.yaml"]
    if layout == "desktop":
        out += [c.parent / "extra_models_config.yaml" for c in desktop_config_paths(env, home, os_name)]
    for f in flags:
        if f["flag"] == "--extra-model-paths-config" and f.get("value"):
            p = Path(f["value"])
            out.append(p if p.is_absolute() else root / p)
    seen, uniq = set(), []
    for p in out:
        if str(p) not in seen:
            seen.add(str(p))
            uniq.append(p)
    return uniq


# --------------------------------------------------------------------------- the whole tree

# Flags that move ComfyUI's folders (comfy/cli_args.py, folder_paths.py).
FOLDER_FLAGS = ("--base-directory", "--extra-model-paths-config", "--output-directory", "--user-directory",
                "--input-directory")


def server_folder_flags(argv: list[str]) -> list[dict[str, Any]]:
    """The folder flags of a server's argv; --extra-model-paths-config takes one or more paths."""
    out: list[dict[str, Any]] = []
    i = 0
    while i < len(argv):
        a = str(argv[i])
        name, eq, val = a.partition("=")
        if name in FOLDER_FLAGS:
            vals = [val] if eq else []
            j = i + 1
            while not eq and j < len(argv) and not str(argv[j]).startswith("--"):
                vals.append(str(argv[j]))
                j += 1
                if name != "--extra-model-paths-config":
                    break
            for v in vals:
                out.append({"flag": name, "value": v})
            i = j if not eq else i + 1
            continue
        i += 1
    return out


def _runs_this_install(server: dict[str, Any] | None, root: Path) -> bool:
    """Is the live server (on this machine) running the install found on disk?"""
    if not server or not server.get("is_comfyui") or server.get("remote"):
        return False
    for cand, _ in server_roots(server):
        try:
            if cand.resolve() == root.resolve():
                return True
        except (OSError, ValueError):  # a hostile server's path (NUL bytes, too long)
            continue
    return False


def inspect(options: dict[str, Any], env: dict[str, str] | None = None, home: Path | None = None,
            os_name: str | None = None, server: dict[str, Any] | None = None) -> dict[str, Any]:
    """facts["comfyui_tree"] (see the contract in the module's docs). ``server``: facts["comfyui_server"]
    when it ran first: a server on this machine names its install and the folders it really uses."""
    from ..probes.attention import scan_paths

    env = dict(os.environ if env is None else env)
    home = Path(home) if home is not None else Path.home()
    if os_name is None:
        os_name = "win32" if os.name == "nt" else ("darwin" if os.uname().sysname == "Darwin" else "linux")
    loc = find_root(options, env, home, os_name, server)
    base: dict[str, Any] = {
        "found": loc["found"], "root": loc["root"], "how_found": loc["how_found"], "layout": loc["layout"],
        "tried": loc["tried"], "code_dir": loc.get("code_dir"), "desktop_base": loc.get("desktop_base"),
        "version": None, "version_source": "unknown", "git_describe": None,
        "klein_nodes": {"nodes": {}, "clip_type_flux2": None, "all_present": None},
        "python": None, "cuda_device": None, "launch_flags": [], "launch_scripts": [],
        "attention_scan": None, "model_folders": model_folders(None, [], options.get("models_dir")),
        "extra_model_paths": {"files": []}, "models_root": None, "workflows_dir": None, "logs": [], "source": "tree",
    }
    if loc.get("explicit_not_comfyui"):
        base["explicit_not_comfyui"] = loc["explicit_not_comfyui"]
        base["explicit_state"] = loc.get("explicit_state") or "folder"
    if not loc["found"]:
        return base
    root = Path(loc["root"])
    layout = loc["layout"]
    desktop_base = Path(loc["desktop_base"]) if loc.get("desktop_base") else None
    code = Path(loc["code_dir"]) if loc.get("code_dir") else None
    if code is not None:
        v, src, describe, refused = read_version(code)
        base.update(version=v, version_source=src, git_describe=describe, klein_nodes=klein_nodes(code))
        if refused:
            base["git_refused"] = refused
    live = _runs_this_install(server, root)
    proc = (server or {}).get("process") or {}
    base["python"] = find_python(root, layout, desktop_base)
    base["python_how"] = "beside the install" if base["python"] else None
    if live and proc.get("python"):
        # the interpreter the running server really uses beats a guess from the folder layout
        base["python"], base["python_how"] = proc["python"], f"{proc.get('python_how')} (pid {proc.get('pid')})"
    base["server_runs_this_install"] = live
    rules = manifests.load("comfyui")
    value_flags = set(rules["value_flags"]["names"])
    scripts = launch_scripts(root, layout, desktop_base, env, home, os_name)
    flags: list[dict[str, Any]] = []
    for s in scripts:
        text = _read(s, MAX_SCRIPT_BYTES)
        if text is None:
            continue
        if s.suffix == ".json":
            text = "\n".join(_launch_args_lines(text))
        for f in parse_flags(text, value_flags):
            f["file"] = str(s)
            flags.append(f)
    base["launch_scripts"] = [str(s) for s in scripts]
    base["launch_flags"] = flags
    cuda = next((f.get("value") for f in flags if f["flag"] == "--cuda-device" and f.get("value")), None)
    base["cuda_device"] = int(cuda) if cuda and str(cuda).isdigit() else None
    scan_targets = [str(s) for s in scripts]
    if (root / "custom_nodes").is_dir():
        scan_targets.append(str(root / "custom_nodes"))
    base["attention_scan"] = scan_paths(scan_targets) if scan_targets else None
    try:  # custom node packs by folder name (what a maintainer asks for), bounded
        packs = sorted(e.name for e in os.scandir(root / "custom_nodes") if e.is_dir() and not e.name.startswith((".", "__")))
    except OSError:
        packs = []
    base["custom_nodes"], base["custom_node_count"] = packs[:100], len(packs)
    # The folders: the live server's argv first (what really runs), then the launch scripts / Desktop settings.
    server_flags: list[dict[str, Any]] = []
    if live:
        cwd = Path(proc["cwd"]) if proc.get("cwd") else root
        for f in server_folder_flags((server or {}).get("argv") or []):
            p = Path(f["value"])
            server_flags.append(dict(f, value=str(p if p.is_absolute() else cwd / p), file=None,
                                     origin=f"server argv ({(server or {}).get('url')})"))
    folder_flags = server_flags + [dict(f, origin=f"{f.get('file')}:{f.get('line')}") for f in flags
                                   if f["flag"] in FOLDER_FLAGS and f.get("value")]

    def flag(name: str) -> tuple[str | None, str | None]:
        hit = next((f for f in folder_flags if f["flag"] == name), None)
        return (hit["value"], hit["origin"]) if hit else (None, None)

    yaml_flags = [f for f in (server_flags or flags) if f["flag"] == "--extra-model-paths-config"]
    yaml_files = extra_yaml_paths(root, layout, yaml_flags, env, home, os_name)
    parsed = [parse_extra_model_paths(p) for p in yaml_files if p.is_file()]
    explicit = [str(p) for p in yaml_files[1:] if not p.is_file() and layout != "desktop"]
    base["extra_model_paths"] = {"files": parsed, "missing": explicit}
    base_dir, base_from = flag("--base-directory")
    top = Path(base_dir) if base_dir else root
    if layout == "desktop" and desktop_base is not None and not base_dir:
        top = desktop_base
    models_root = top / "models"
    base["base_directory"] = {"path": str(top), "from": base_from or "the install folder"}
    base["models_root"] = str(models_root)
    base["model_folders"] = model_folders(models_root, [p for p in parsed if p["ok"]], options.get("models_dir"))
    dirs = {}
    for key, fl in (("user", "--user-directory"), ("output", "--output-directory"), ("input", "--input-directory")):
        val, origin = flag(fl)
        dirs[key] = {"path": val or str(top / key), "from": origin or ("--base-directory " + base_from if base_dir else "default")}
    base["folders"] = dirs
    fp = ((server or {}).get("folder_paths") or {}).get("paths") if live else None
    if fp:
        # The server's own answer is the truth for every folder type it reports: use its lists, in its order.
        for ftype in FOLDER_TYPES:
            if fp.get(ftype):
                base["model_folders"][ftype] = [{"path": pth, "source": "server /internal/folder_paths",
                                                 "is_default": i == 0, "exists": _isdir(pth)}
                                                for i, pth in enumerate(fp[ftype])]
        base["model_folders_from"] = f"server {(server or {}).get('url')} /internal/folder_paths"
    user = Path(dirs["user"]["path"])
    wf = user / "default" / "workflows"
    base["workflows_dir"] = str(wf) if wf.is_dir() else None
    logs = sorted(str(p) for p in user.glob("comfyui*.log")) if user.is_dir() else []
    if layout == "desktop":
        for c in desktop_config_paths(env, home, os_name):
            logs += sorted(str(p) for p in (c.parent / "logs").glob("comfyui*.log")) if (c.parent / "logs").is_dir() else []
    base["logs"] = logs
    return base


def _launch_args_lines(text: str) -> list[str]:
    """A Desktop settings/config JSON: the launch-argument values as 'LaunchArgs <args>' lines."""
    try:
        data = safeio.loads_json(text, what="the settings file")
    except (ValueError, RecursionError):  # not JSON, too deep, an over-long number: no launch arguments from it
        return []
    lines: list[str] = []

    def walk(o: Any, key: str = "") -> None:
        if isinstance(o, dict):
            for k, v in o.items():
                walk(v, str(k))
        elif isinstance(o, list):
            for v in o:
                walk(v, key)
        elif isinstance(o, str) and "launchargs" in key.lower().replace(".", "").replace("_", ""):
            lines.append(f"LaunchArgs {o}")

    walk(data)
    if isinstance(data, dict):
        for k, v in data.items():
            if "launchargs" in str(k).lower().replace(".", "") and isinstance(v, dict):
                lines.append("LaunchArgs " + " ".join(f"--{a}" if val in (True, "", None) else f"--{a} {val}"
                                                       for a, val in v.items()))
    return lines
