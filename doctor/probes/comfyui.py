"""ComfyUI facts: the install tree, the live server, and the workflows to lint.

The tree probe runs after the server probe (a server on this machine names its install, its interpreter
and the folders it really uses). The tree's facts name the interpreter ComfyUI runs with (``python``) and its
``--cuda-device`` (``cuda_device``, read by the one GPU selector); the interpreter to diagnose is chosen by
pyenv's python_target probe. Probes never write into the shared options; a user's --python / --gpu win.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..comfyui import server, tree, workflow
from . import ProbeContext, probe

MAX_WORKFLOWS = 200


@probe("comfyui_tree", timeout=45, after=["comfyui_server"])
def comfyui_tree_probe(ctx: ProbeContext) -> dict[str, Any]:
    # After the server probe: a server on this machine names its install and the folders it really uses.
    return tree.inspect(ctx.options, server=ctx.results.get("comfyui_server"))


@probe("comfyui_server", timeout=90)
def comfyui_server_probe(ctx: ProbeContext) -> dict[str, Any]:
    return server.server_facts(ctx.options)


def _isfile(p: Path) -> bool:
    try:
        return p.is_file()
    except (OSError, ValueError):  # a folder named by a server: too long, a NUL byte
        return False


def _lookup(folders: dict[str, list[dict[str, Any]]], wanted: dict[str, set[str]]) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for folder, names in wanted.items():
        dirs = [Path(e["path"]) for e in folders.get(folder) or []]
        out[folder] = {}
        for name in sorted(names):
            rel = Path(*name.replace("\\", "/").split("/"))
            out[folder][name] = [str(d / rel) for d in dirs if _isfile(d / rel)]
    return out


def _workflow_files(folder: Path, skip_hidden: bool = False) -> tuple[list[Path], bool]:
    """The .json files under a workflows folder, sorted and bounded (MAX_WORKFLOWS), and whether the bound cut
    them; ``skip_hidden``: not under a folder or name starting with a dot (.trash) of a folder the user named."""
    found = sorted(x for x in folder.rglob("*.json")
                   if not (skip_hidden and any(part.startswith(".") for part in x.relative_to(folder).parts)))
    return found[:MAX_WORKFLOWS], len(found) > MAX_WORKFLOWS


@probe("workflows", timeout=60, after=["comfyui_tree", "comfyui_server", "models"])
def workflows_probe(ctx: ProbeContext) -> dict[str, Any]:
    t = ctx.results.get("comfyui_tree") or {}
    paths: list[tuple[str, str]] = []
    truncated = False
    empty: list[str] = []
    for p in ctx.options.get("workflows") or []:
        if Path(p).is_dir():  # `--workflow user/default/workflows`: every workflow in it, as for the install's
            found, cut = _workflow_files(Path(p), skip_hidden=True)
            truncated = truncated or cut
            paths += [(str(x), "--workflow") for x in found]
            if not found:
                empty.append(p)
        else:
            paths.append((p, "--workflow"))
    wdir = t.get("workflows_dir")
    if wdir and Path(wdir).is_dir():
        found, cut = _workflow_files(Path(wdir))
        truncated = truncated or cut  # a --workflow folder cut short stays said
        paths += [(str(p), "install") for p in found]
    files = [dict(workflow.record(p, "a folder with no .json workflow in it", "empty-folder"), origin="--workflow", folder=True)
             for p in empty]
    wanted: dict[str, set[str]] = {}
    for p, origin in paths:
        wf = workflow.load(p)
        wf["origin"] = origin
        files.append(wf)
        for folder, names in workflow.referenced_files(wf).items():
            wanted.setdefault(folder, set()).update(names)
    folders = t.get("model_folders") or {}
    have_folders = any(folders.get(f) for f in ("diffusion_models", "text_encoders", "vae"))
    lookup = _lookup(folders, wanted) if have_folders else None
    return {"files": files, "workflows_dir": wdir, "truncated": truncated,
            "lookup": lookup, "headers": workflow.file_headers(lookup),
            "folders_searched": {f: [e["path"] for e in folders.get(f) or []] for f in wanted} if have_folders else {}}
