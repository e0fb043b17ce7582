"""From the models manifest to a list of files with destinations and what to do with each."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path
from typing import Any

from ..comfyui.folders import legacy
from ..comfyui.tree import base_directory_from

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
    remote: Any = None                    # transfer.Remote from the plan's HEAD (URL, headers, size)
    remote_at: float = 0.0                # when (time.monotonic()): a CDN's signed URL does not last forever
    note: str = ""
    result: str = ""
    detail: str = ""


# ---------------------------------------------------------------------------------------------- schema

_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
_REPO = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,95}/[A-Za-z0-9][A-Za-z0-9_.-]{0,95}")
_REVISION = re.compile(r"[A-Za-z0-9][A-Za-z0-9_./-]{0,199}")
_BAD_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')


def known_folders() -> set[str]:
    from .. import manifests

    try:
        names = manifests.load("comfyui").get("model_folders", {}).get("names") or []
    except manifests.ManifestError:
        names = []
    return {str(n) for n in names} | {"diffusion_models", "text_encoders", "vae", "unet", "clip", "checkpoints"}


def _plain_name(v: str) -> str | None:
    """Why ``v`` is not a plain file name (None when it is)."""
    if not v or v in (".", ".."):
        return "is empty or a dot name"
    if "/" in v or "\\" in v:
        return "contains a path separator"
    if _BAD_CHARS.search(v):
        return "contains a control or reserved character"
    if v != v.strip() or v.endswith("."):
        return "starts or ends with a space or ends with a dot"
    if len(v.encode("utf-8")) > 200:
        return "is longer than 200 bytes"
    return None


def _rel_path(v: str) -> str | None:
    """Why ``v`` is not a safe relative POSIX path inside a repo (None when it is)."""
    if not v:
        return "is empty"
    if v.startswith("/") or "\\" in v or re.match(r"[A-Za-z]:", v):
        return "is absolute or uses backslashes"
    for seg in v.split("/"):
        why = _plain_name(seg)
        if why:
            return f"has a segment {seg!r} that {why}"
    return None


def validate(manifest: dict, source: str, extra_folders: set[str] | None = None) -> list[str]:
    """Every problem of a models manifest, each naming the file, the row and the field; [] when it is fine.

    Checked before anything is planned or written: a hostile manifest must not steer a write outside the
    chosen folder (names are plain file names, folders come from ComfyUI's known folder types or the
    extra_model_paths.yaml entries, repo paths are relative and ``..``-free), and a wrong type becomes a
    message, not a traceback.
    """
    errs: list[str] = []
    folders = known_folders() | (extra_folders or set())

    def err(where: str, field: str, why: str) -> None:
        errs.append(f"{source}: {where}: field {field!r} {why}")

    def text(row: dict, where: str, field: str, required: bool = True) -> str | None:
        v = row.get(field)
        if v is None:
            if required:
                err(where, field, "is missing")
            return None
        if not isinstance(v, str):
            err(where, field, f"must be a string, not {type(v).__name__}")
            return None
        return v

    def check_repo(row: dict, where: str) -> None:
        repo = text(row, where, "repo")
        if repo is not None and (not _REPO.fullmatch(repo) or ".." in repo):
            err(where, "repo", f"{repo!r} is not an ORG/NAME repo id")
        rp = text(row, where, "repo_path")
        if rp is not None and (why := _rel_path(rp)):
            err(where, "repo_path", f"{rp!r} {why}")
        rev = row.get("revision")
        if rev is not None and (not isinstance(rev, str) or not _REVISION.fullmatch(rev) or ".." in rev):
            err(where, "revision", f"{rev!r} is not a branch, tag or commit name")

    def check_hash_size(row: dict, where: str) -> None:
        sha = row.get("sha256")
        if sha is not None and (not isinstance(sha, str) or not _SHA256.fullmatch(sha)):
            err(where, "sha256", f"{sha!r} is not 64 hexadecimal digits")
        size = row.get("size")
        if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size <= 0):
            err(where, "size", f"{size!r} is not a positive whole number of bytes")

    rows = manifest.get("variant")
    if rows is None:
        return errs
    if not isinstance(rows, list):
        return [f"{source}: 'variant' must be a list of [[variant]] tables"]
    for n, v in enumerate(rows, 1):
        vw = f"[[variant]] #{n}"
        if not isinstance(v, dict):
            err(vw, "variant", "must be a table")
            continue
        vid = v.get("id")
        if not isinstance(vid, str) or not vid:
            err(vw, "id", "is missing or not a string")
        else:
            vw = f"[[variant]] #{n} ({vid})"
        c = v.get("comfyui")
        if c is not None:
            files = c.get("files") if isinstance(c, dict) else None
            if not isinstance(files, list):
                err(vw, "comfyui.files", "must be a list of [[variant.comfyui.files]] tables")
                files = []
            for k, f in enumerate(files, 1):
                where = f"{vw} comfyui.files #{k}"
                if not isinstance(f, dict):
                    err(where, "row", "must be a table")
                    continue
                name = text(f, where, "name")
                if name is not None:
                    where = f"{where} ({name})"
                    if why := _plain_name(name):
                        err(where, "name", f"{name!r} {why}")
                text(f, where, "role")
                folder = text(f, where, "folder")
                if folder is not None and folder not in folders:
                    err(where, "folder", f"{folder!r} is not a ComfyUI model folder type (known: "
                                         f"{', '.join(sorted(folders))})")
                check_repo(f, where)
                check_hash_size(f, where)
                alts = f.get("alternates")
                if alts is not None and not isinstance(alts, list):
                    err(where, "alternates", "must be a list of tables")
                    alts = []
                for j, a in enumerate(alts or [], 1):
                    aw = f"{where} alternates #{j}"
                    if not isinstance(a, dict):
                        err(aw, "row", "must be a table")
                        continue
                    an = a.get("name")
                    if an is not None and (not isinstance(an, str) or _plain_name(an)):
                        err(aw, "name", f"{an!r} is not a plain file name")
                    if a.get("repo") is not None or a.get("repo_path") is not None:
                        check_repo({"repo": a.get("repo"), "repo_path": a.get("repo_path"),
                                    "revision": a.get("revision")}, aw)
                    check_hash_size(a, aw)
        d = v.get("diffusers")
        if d is not None:
            if not isinstance(d, dict):
                err(vw, "diffusers", "must be a table")
                continue
            where = f"{vw} diffusers"
            repo = text(d, where, "repo")
            if repo is not None and (not _REPO.fullmatch(repo) or ".." in repo):
                err(where, "repo", f"{repo!r} is not an ORG/NAME repo id")
            rev = d.get("revision")
            if rev is not None and (not isinstance(rev, str) or not _REVISION.fullmatch(rev) or ".." in rev):
                err(where, "revision", f"{rev!r} is not a branch, tag or commit name")
            comps = d.get("components")
            if comps is not None and (not isinstance(comps, list) or any(
                    not isinstance(x, str) or _plain_name(x) for x in comps)):
                err(where, "components", "must be a list of plain folder names")
            files = d.get("files")
            if files is not None and not isinstance(files, list):
                err(where, "files", "must be a list of tables")
                files = []
            for k, f in enumerate(files or [], 1):
                fw = f"{where} files #{k}"
                if not isinstance(f, dict):
                    err(fw, "row", "must be a table")
                    continue
                rp = text(f, fw, "repo_path")
                if rp is not None and (why := _rel_path(rp)):
                    err(fw, "repo_path", f"{rp!r} {why}")
                check_hash_size(f, fw)
    return errs


def inside(path: Path, root: Path) -> bool:
    """True when ``path`` (resolved, links followed) is ``root`` or below it: the last guard before a write."""
    try:
        return os.path.commonpath([os.path.realpath(path), os.path.realpath(root)]) == os.path.realpath(root)
    except ValueError:
        return False


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
    resolved = base.expanduser().resolve()
    if not resolved.is_dir():
        raise PlanError(no_such_folder("--comfyui", str(base), resolved))
    return resolved / "models"


def no_such_folder(flag: str, given: str, resolved: Path) -> str:
    """An install folder flag naming no folder: the stray quote of a path typed `"C:\\X\\"` in cmd or Windows
    PowerShell said as that, else the folder looked for (the resolved path, where it differs from what was typed)."""
    from ..winpath import stray_quote

    return f"{flag} {given}: " + (stray_quote(given) or "no such folder"
                                  + (f" ({resolved})" if str(resolved) != given else ""))


def install_where(comfy: dict[str, Any], tree: dict[str, Any] | None = None) -> list[str]:
    """The `klein-doctor install` arguments that aim it at the models folder `check` judged: `--comfyui ROOT`
    (install finds the same models folder, extra_model_paths.yaml and Desktop base from it), or `--models-dir DIR`
    where the folder was given that way or comes from a running server's own `--base-directory`, which install
    cannot read from the folder. Empty when nothing was found."""
    root, models = comfy.get("root"), comfy.get("models_root")
    from_server = base_directory_from(tree).startswith("server argv")
    if models and (comfy.get("from") == "--models-dir" or from_server or not root):
        return ["--models-dir", models]
    return ["--comfyui", root] if root else []


def manifest_args(facts: dict[str, Any]) -> list[str]:
    """`--manifest FILE` when check judged with a models manifest of the user's (install must plan from the same)."""
    path = ((facts.get("models") or {}).get("manifest") or {}).get("path") or (facts.get("options") or {}).get("manifest")
    return ["--manifest", path] if path else []


def diffusers_install_args(facts: dict[str, Any], repo: dict[str, Any] | None, replace: bool = False) -> list[str]:
    """install's arguments after `--path diffusers` for the snapshot judged: the repo's own variant (else the
    one given to check), install's `--local-dir` for a --model-dir folder, --force where damaged files of a plain
    folder must be moved aside (the cache replaces a damaged blob itself), check's --manifest. check prints
    them; fix runs them."""
    variant = (repo or {}).get("variant") or (facts.get("options") or {}).get("variant")
    local = ((facts.get("models") or {}).get("hf") or {}).get("model_dir")
    return [*(["--variant", variant] if variant else []), *(["--local-dir", local] if local else []),
            *(["--force"] if replace and local else []), *manifest_args(facts)]


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
    # the models folder check judges: a Desktop install's base folder, a launch script's --base-directory
    models = Path(facts.get("models_root") or Path(facts["root"]) / "models")
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
