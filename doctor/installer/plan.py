"""From the models manifest to a list of files with destinations and what to do with each."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from ..comfyui.folders import legacy

LEGACY = {new: old for old, new in legacy().items()}  # ComfyUI's old names of the same folders (manifests/comfyui.toml)


class PlanError(Exception):
    """The request cannot be planned (unknown variant, no folder); the message says what to pass."""


@dataclasses.dataclass
class Item:
    role: str
    folder: str
    name: str
    repo: str
    repo_path: str
    revision: str
    size: int | None
    sha256: str | None
    dest: Path
    accept: dict[str, str]                # sha256 -> which manifest row it is (primary or an alternate)
    action: str = "fetch"                 # verified | fetch | reuse | conflict | unverifiable
    reuse_from: Path | None = None
    hub_size: int | None = None           # what the hub's HEAD says, when it differs from ``size``
    note: str = ""
    result: str = ""
    detail: str = ""


def variants(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    return list(manifest.get("variant") or [])


def pick_variant(manifest: dict[str, Any], path: str, wanted: str | None) -> dict[str, Any]:
    rows = [v for v in variants(manifest) if path in v]
    if wanted:
        for v in rows:
            if v.get("id") == wanted:
                return v
        ids = ", ".join(v.get("id", "?") for v in rows)
        raise PlanError(f"variant {wanted!r} has no {path} files in the manifest; known for {path}: {ids}")
    for v in rows:
        if path in (v.get("default_for") or []):
            return v
    if rows:
        return rows[0]
    raise PlanError(f"the models manifest has no variant with {path} files")


def comfy_folders(models_dir: Path | None, comfyui: Path | None) -> Path:
    """The ComfyUI models folder. extra_model_paths.yaml is not read here yet (see the report)."""
    if models_dir:
        return models_dir.expanduser().resolve()
    from ..comfyui import tree  # the one ComfyUI root finder, shared with `check`

    loc = tree.find_root({"comfyui": str(comfyui.expanduser()) if comfyui else None, "cwd": os.getcwd()})
    base = Path(loc["root"]) if loc.get("found") else comfyui
    if base is None:
        raise PlanError("no ComfyUI folder found: pass --comfyui DIR (the folder holding main.py and models/) "
                        "or --models-dir DIR (a models folder)")
    base = base.expanduser().resolve()
    if not base.is_dir():
        raise PlanError(f"--comfyui {base}: no such folder")
    return base / "models"


def comfy_destinations(models_dir: Path | None, comfyui: Path | None) -> tuple[Path, dict[str, Path], list[str]]:
    """Where each ComfyUI folder type goes: the models folder, plus what extra_model_paths.yaml says.

    An ``is_default: true`` section in extra_model_paths.yaml is where ComfyUI itself writes and looks
    first, so files go there; otherwise into ``models/<folder>``. Returns (models folder, per-type
    destination, lines that say where each came from)."""
    if models_dir:
        models = comfy_folders(models_dir, None)
        return models, {}, []
    from ..comfyui import tree

    facts = tree.inspect({"comfyui": str(comfyui) if comfyui else None, "cwd": os.getcwd(), "models_dir": None})
    if not facts.get("found"):
        return comfy_folders(None, comfyui), {}, []
    models = Path(facts["root"]) / "models"
    dests: dict[str, Path] = {}
    notes: list[str] = []
    for ftype, entries in (facts.get("model_folders") or {}).items():
        chosen = next((e for e in entries if e.get("is_default")), None)
        if chosen:
            dests[ftype] = Path(chosen["path"])
            notes.append(f"{ftype}: {chosen['path']} (is_default in {chosen['source']})")
    return models, dests, notes


def comfy_items(variant: dict[str, Any], models: Path, dests: dict[str, Path] | None = None) -> list[Item]:
    items = []
    for f in variant["comfyui"].get("files") or []:
        accept = {}
        if f.get("sha256"):
            accept[f["sha256"].lower()] = f"{f['repo']}/{f['repo_path']}"
        for alt in f.get("alternates") or []:
            if alt.get("sha256") and alt.get("name") == f["name"]:
                accept[alt["sha256"].lower()] = f"{alt['repo']}/{alt['repo_path']} (alternate)"
        items.append(Item(role=f["role"], folder=f["folder"], name=f["name"], repo=f["repo"],
                          repo_path=f["repo_path"], revision=str(f.get("revision") or "main"), size=f.get("size"),
                          sha256=(f.get("sha256") or "").lower() or None,
                          dest=(dests or {}).get(f["folder"], models / f["folder"]) / f["name"],
                          accept=accept))
    return items


def reuse_candidates(item: Item, models: Path, hf_cache: Path | None, from_dir: Path | None) -> list[Path]:
    """Places where the same bytes may already be: the --from folder, the HF cache, sibling folders."""
    out: list[Path] = []
    if from_dir is not None:
        for rel in (item.name, f"{item.folder}/{item.name}", item.repo_path, f"{item.repo}/{item.repo_path}"):
            out.append(from_dir / rel)
        try:
            out.extend(sorted(from_dir.rglob(item.name))[:20])
        except OSError:
            pass
        return _unique(out, item.dest)
    if hf_cache is not None and item.sha256:
        out.extend(hf_cache.glob(f"models--*/blobs/{item.sha256}"))
    for sub in {item.folder, LEGACY.get(item.folder, item.folder)}:
        out.append(models / sub / item.name)
    if hf_cache is not None and not item.sha256:
        repo_dir = hf_cache / ("models--" + item.repo.replace("/", "--")) / "snapshots"
        out.extend(repo_dir.glob(f"*/{item.repo_path}"))
    return _unique(out, item.dest)


def _unique(paths: list[Path], dest: Path) -> list[Path]:
    seen, out = set(), []
    for p in paths:
        try:
            if not p.is_file() or p.resolve() == dest.resolve():
                continue
        except OSError:
            continue
        key = str(p.resolve())
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
