"""Model files: what is in the ComfyUI model folders and the Hugging Face cache, as raw facts.

Each file is recorded with its path, size, a small summary of its safetensors header (the keys and shapes
that identify it, per-group layer counts) and, where the manifest publishes a hash for its name, the sha256
computed (cached, so a second run reads nothing). Nothing here judges: which model a header is, whether it
is complete, and whether a hash matches are decided by checks/models.py against the manifests current when
the checks run, so a replay of old facts uses a corrected manifest. The folder map comes from the
``comfyui_tree`` probe when it ran; without it (``--models-dir``, or that probe absent) the standard ComfyUI
folders under the models root are used.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .. import manifests, safeio
from ..hashing import HashCache
from ..hashing import hash_files
from ..hfcache import hub_dir, inspect_local, inspect_repo
from ..comfyui.folders import folder_types, role_folders
from ..safetensors_id import fingerprint, read_facts
from . import ProbeContext, probe

ROLE_FOLDERS = role_folders()  # manifests/comfyui.toml [folders], [[loader]]
FOLDER_TYPES = folder_types()
_ALIAS = {"unet": "legacy alias unet", "clip": "legacy alias clip"}
SUFFIXES = (".safetensors", ".sft")
MAX_DEPTH = 4


def load_models_manifest(options: dict[str, Any]) -> dict[str, Any]:
    if options.get("manifest") and manifests._OVERRIDES.get("models") != Path(options["manifest"]):
        manifests.set_override("models", Path(options["manifest"]))  # once: setting it clears every parsed table
    data = manifests.load("models")
    problem = manifest_problem(data)
    if problem:
        where = options.get("manifest") or "the built-in models manifest"
        raise manifests.ManifestError(f"manifest {where} is malformed: {problem}")
    return data


_STR_FIELDS = ("name", "folder", "repo", "repo_path", "revision", "sha256", "identity")


def manifest_problem(data: dict[str, Any]) -> str | None:
    """The first row whose shape the probe and checks cannot read (a --manifest written by hand), or None.
    Valid TOML is not enough: a string where a table belongs would crash a check later, far from the cause."""
    if not isinstance(data.get("url_template", ""), str):
        return "url_template is not a string"
    variants = data.get("variant", [])
    if not isinstance(variants, list) or not variants:
        return "no [[variant]] tables"
    for i, v in enumerate(variants):
        if not isinstance(v, dict) or not isinstance(v.get("id"), str) or not v["id"]:
            return f"variant #{i + 1} has no string id"
        if not isinstance(v.get("default_for", []), list) or not isinstance(v.get("model", ""), str):
            return f"variant {v['id']!r}: default_for must be a list and model a string"
        comfy = v.get("comfyui")
        if comfy is not None:
            files = comfy.get("files") if isinstance(comfy, dict) else None
            if not isinstance(files, list) or not files:
                return f"variant {v['id']!r}: [variant.comfyui] has no [[variant.comfyui.files]] rows"
            for j, f in enumerate(files):
                if not isinstance(f, dict) or not isinstance(f.get("role"), str) or f["role"] not in ROLE_FOLDERS \
                        or not isinstance(f.get("folder"), str):
                    return (f"variant {v['id']!r} file #{j + 1}: role must be one of {', '.join(ROLE_FOLDERS)} "
                            "and folder a string")
                alts = f.get("alternates", [])
                if not isinstance(alts, list):
                    return f"variant {v['id']!r} file #{j + 1}: alternates must be a list of tables"
                for row in [f, *alts]:
                    if not isinstance(row, dict) or not isinstance(row.get("name"), str) or not row["name"]:
                        return f"variant {v['id']!r} file #{j + 1}: a row has no string name"
                    bad = [k for k in _STR_FIELDS if k in row and not isinstance(row[k], str)]
                    if bad or ("size" in row and (not isinstance(row["size"], int) or isinstance(row["size"], bool)
                                                  or row["size"] < 0)):
                        return f"variant {v['id']!r} file {row['name']!r}: " + (
                            f"{', '.join(bad)} must be strings" if bad else "size must be a non-negative integer")
        diff = v.get("diffusers")
        if diff is not None:
            if not isinstance(diff, dict) or not isinstance(diff.get("repo"), str):
                return f"variant {v['id']!r}: [variant.diffusers] needs a repo string"
            if not isinstance(diff.get("components", []), list) or not isinstance(diff.get("files", []), list) \
                    or not all(isinstance(x, dict) and isinstance(x.get("repo_path"), str) for x in diff.get("files", [])):
                return f"variant {v['id']!r}: diffusers components and files must be lists (files with repo_path)"
            if not isinstance(diff.get("pipeline_class", ""), str) or not isinstance(diff.get("revision", ""), str):
                return f"variant {v['id']!r}: diffusers pipeline_class and revision must be strings"
    return None


def all_specs(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """Every ComfyUI file row and alternate, each with its role and the variant it belongs to."""
    specs = []
    for v in manifest.get("variant", []):
        for f in (v.get("comfyui") or {}).get("files", []):
            for s in [f, *f.get("alternates", [])]:
                specs.append({**{k: s.get(k) for k in ("name", "repo", "repo_path", "size", "sha256", "identity")},
                              "role": f.get("role"), "folder": f.get("folder"), "variant": v.get("id")})
    return specs


def fallback_folders(models_root: Path, source: str) -> dict[str, list[dict[str, Any]]]:
    return {t: [{"path": str(models_root / t), "source": _ALIAS.get(t, source),
                 "is_default": t in ("diffusion_models", "text_encoders", "vae", "checkpoints")}]
            for t in FOLDER_TYPES}


def comfy_folders(ctx: ProbeContext) -> dict[str, Any]:
    """Where ComfyUI keeps models: the comfyui_tree probe's map, else --models-dir / --comfyui."""
    opts = ctx.options
    if opts.get("models_dir"):
        root = Path(opts["models_dir"])
        return {"found": root.is_dir(), "root": str(root), "models_root": str(root), "from": "--models-dir",
                "root_state": safeio.path_state(root), "model_folders": fallback_folders(root, "--models-dir")}
    tree = ctx.results.get("comfyui_tree")
    if isinstance(tree, dict) and "found" in tree:
        mf = tree.get("model_folders") or {}
        root = tree.get("root")
        models_root = tree.get("models_root") or (str(Path(root) / "models") if root else None)  # --base-directory
        return {"found": bool(tree.get("found")), "root": root, "models_root": models_root, "from": "comfyui_tree",
                "layout": tree.get("layout"), "model_folders": mf}
    if opts.get("comfyui"):
        root = Path(opts["comfyui"])
        models_root = root / "models"
        return {"found": models_root.is_dir(), "root": str(root), "models_root": str(models_root), "from": "--comfyui",
                "model_folders": fallback_folders(models_root, "default")}
    return {"found": False, "root": None, "models_root": None, "from": None, "model_folders": {}}


def _walk(folder: Path, depth: int = MAX_DEPTH):
    """ComfyUI lists model folders recursively; follow that, bounded, skipping hidden folders."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for e in sorted(entries, key=lambda e: e.name):
        try:
            if e.is_dir():
                if e.name.lower().endswith(SUFFIXES):  # a folder with a model's name: "not a regular file"
                    yield Path(e.path)
                if depth > 0 and not e.name.startswith("."):
                    yield from _walk(Path(e.path), depth - 1)
            elif e.name.lower().endswith(SUFFIXES):  # regular, or a FIFO/device/socket: said, never "missing"
                yield Path(e.path)
        except OSError:
            continue


def collect_comfy_files(comfy: dict[str, Any], names: set[str]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    files: list[dict[str, Any]] = []

    def add(p: Path, ftype: str, folder: dict[str, Any]) -> None:
        real = os.path.realpath(p)
        if real in seen:
            return
        seen.add(real)
        try:
            st = p.stat()
        except OSError:
            return
        fp = read_facts(p)
        files.append({"path": str(p), "name": p.name, "folder_type": ftype, "folder": folder.get("path"),
                      "folder_source": folder.get("source"), "size": st.st_size, "mtime_ns": st.st_mtime_ns,
                      "header": fp["header"], "integrity": fp["integrity"], "sha256": None,
                      "hash_state": "not-hashed"})

    known = set()
    for ftype, folders in (comfy.get("model_folders") or {}).items():
        for folder in folders or []:
            known.add(os.path.realpath(folder.get("path") or ""))
            for p in _walk(Path(folder.get("path") or "")):
                add(p, ftype, folder)
    # Files with a Klein name anywhere else under models/ (loras/, checkpoints/, the root): misplaced.
    mr = comfy.get("models_root")
    if mr and Path(mr).is_dir():
        for p in _walk(Path(mr), 2):
            if p.name in names and os.path.realpath(p.parent) not in known:
                rel = Path(os.path.relpath(p.parent, mr)).parts
                ftype = rel[0] if rel and rel[0] != "." else "models"
                add(p, ftype, {"path": str(p.parent), "source": "not a loader folder"})
    return files


def hash_comfy_files(files: list[dict[str, Any]], specs: list[dict[str, Any]], no_hash: bool) -> None:
    """Hash the files worth hashing: those the manifest publishes a sha256 for under their name, whose size
    is a published one and whose header is whole (a wrong size is already a finding; hashing 8 GB to say so
    again is waste). Records what was done (``hash_state``: hashed, cached, not-hashed, skipped, error) and
    the sha256, never whether it matches: the check compares it with the manifest it runs with."""
    by_name: dict[str, list[dict[str, Any]]] = {}
    for s in specs:
        by_name.setdefault(s["name"], []).append(s)
    todo = []
    for f in files:
        named = by_name.get(f["name"], [])
        if not any(s.get("sha256") for s in named):
            f["hash_state"] = "not-hashed"  # nothing published to compare with
            continue
        sizes = [s.get("size") for s in named]
        if no_hash:
            f["hash_state"] = "skipped"
            continue
        if not f["integrity"]["ok"] or (all(sizes) and f["size"] not in sizes):
            f["hash_state"] = "not-hashed"
            continue
        todo.append(f)
    if not todo:
        return
    got = hash_files([f["path"] for f in todo], HashCache())
    for f in todo:
        r = got.get(f["path"]) or {}
        f["sha256"] = r.get("sha256")
        if r.get("state") == "error" or not f["sha256"]:
            f["hash_state"], f["hash_error"] = "error", r.get("error")
        else:
            f["hash_state"] = "cached" if r.get("state") == "cached" else "hashed"


def gather_hf(opts: dict[str, Any], manifest: dict[str, Any]) -> dict[str, Any]:
    hub, source = hub_dir()
    out: dict[str, Any] = {"hub_dir": str(hub), "hub_source": source, "hub_exists": hub.is_dir(),
                           "model_dir": opts.get("model_dir"), "repos": []}
    if opts.get("model_dir"):
        out["model_dir_state"] = safeio.path_state(opts["model_dir"])
    variants = [v for v in manifest.get("variant", []) if v.get("diffusers")]
    if opts.get("variant"):
        variants = [v for v in variants if v["id"] == opts["variant"]] or variants
    do_hash = not opts.get("no_hash")
    cache = HashCache() if do_hash else None
    for v in variants:
        d = v["diffusers"]
        if opts.get("model_dir"):
            r = inspect_local(Path(opts["model_dir"]), d.get("pipeline_class"), d.get("components"),
                              d.get("files") or [], cache, do_hash)
            r.update(repo=d["repo"], variant=v["id"])
            out["repos"].append(r)
            break  # one local folder answers for one variant
        r = inspect_repo(hub, d["repo"], d.get("revision") or "main", d.get("pipeline_class"), d.get("components"),
                         cache, do_hash)
        r["variant"] = v["id"]
        out["repos"].append(r)
    return out


@probe("models", timeout=3600, after=["comfyui_tree"])
def models_probe(ctx: ProbeContext) -> dict[str, Any]:
    opts = ctx.options
    manifest = load_models_manifest(opts)
    specs = all_specs(manifest)
    out: dict[str, Any] = {"manifest_path": opts.get("manifest"), "comfyui": None, "files": [], "hf": None}
    if opts.get("path") in (None, "comfyui"):
        comfy = comfy_folders(ctx)
        out["comfyui"] = comfy
        if comfy["found"]:
            out["files"] = collect_comfy_files(comfy, {s["name"] for s in specs})
            hash_comfy_files(out["files"], specs, bool(opts.get("no_hash")))
    if opts.get("path") in (None, "diffusers"):
        out["hf"] = gather_hf(opts, manifest)
    return out
