"""The Hugging Face cache, read and verified offline.

diffusers loads Klein from ``<hub>/models--ORG--NAME/snapshots/<commit>/``, whose files are links into
``blobs/``. A large (LFS/Xet) file's blob is named by its own sha256, so a damaged download can be
found without the network: re-hash the blob, compare with its name. The snapshot is complete when
every component ``model_index.json`` names is there with its weights (every shard a
``*.safetensors.index.json`` lists), and it is Klein when ``_class_name`` says so.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from .hashing import HashCache, hash_files

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX40 = re.compile(r"^[0-9a-f]{40}$")
WEIGHT_COMPONENTS = {"transformer", "text_encoder", "vae"}


def hub_dir(env: dict[str, str] | None = None, home: Path | None = None) -> tuple[Path, str]:
    """Where huggingface_hub keeps models, and which setting said so (its own precedence)."""
    env = dict(os.environ) if env is None else env
    if env.get("HF_HUB_CACHE"):
        return Path(env["HF_HUB_CACHE"]).expanduser(), "HF_HUB_CACHE"
    if env.get("HUGGINGFACE_HUB_CACHE"):
        return Path(env["HUGGINGFACE_HUB_CACHE"]).expanduser(), "HUGGINGFACE_HUB_CACHE"
    if env.get("HF_HOME"):
        return Path(env["HF_HOME"]).expanduser() / "hub", "HF_HOME"
    base = Path(env["XDG_CACHE_HOME"]) if env.get("XDG_CACHE_HOME") else (home or Path.home()) / ".cache"
    return base / "huggingface" / "hub", "default"


def repo_folder(hub: Path, repo: str) -> Path:
    return hub / ("models--" + repo.replace("/", "--"))


def _snapshot(folder: Path, revision: str) -> tuple[Path | None, str | None, str | None]:
    """(snapshot dir, commit, note). A revision that is a commit is used directly; a branch goes
    through refs/; without refs, a single snapshot is taken with a note."""
    snaps = folder / "snapshots"
    if _HEX40.match(revision or ""):
        d = snaps / revision
        return (d if d.is_dir() else None), revision, None if d.is_dir() else f"no snapshot for commit {revision}"
    ref = folder / "refs" / (revision or "main")
    if ref.is_file():
        from . import safeio

        try:  # bounded; a ref is one commit hash: anything else ("../../usr") must not lead out of the cache
            commit = safeio.read_text(ref, safeio.REF, what="refs file").strip()
        except OSError as exc:
            return None, None, f"refs/{revision} cannot be read: {exc}"
        if not _HEX40.match(commit) or not safeio.is_inside(snaps / commit, snaps):
            return None, None, f"refs/{revision} does not hold a commit hash ({commit[:40]!r}); the cache is damaged"
        d = snaps / commit
        if d.is_dir():
            return d, commit, None
        return None, commit, f"refs/{revision} points to {commit[:12]} but that snapshot folder is missing"
    dirs = sorted((p for p in snaps.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime) if snaps.is_dir() else []
    if dirs:
        return dirs[-1], dirs[-1].name, f"no refs/{revision}; using the newest snapshot {dirs[-1].name[:12]}"
    return None, None, "no snapshot downloaded"


def read_model_index(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    from . import safeio

    try:  # bounded: a model_index.json that is a link to /dev/zero or a FIFO is refused by type
        doc = safeio.read_json(path, safeio.MODEL_INDEX, what="model_index.json")
    except safeio.Unreadable as exc:
        if exc.kind == "missing":
            return None, "model_index.json is missing"
        return None, f"model_index.json is unreadable: {exc}"
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return None, f"model_index.json is unreadable: {exc}"
    if not isinstance(doc, dict):
        return None, "model_index.json is not a JSON object"
    return doc, None


def components_of(index: dict[str, Any]) -> list[str]:
    """Components are the entries written as [library, class]; a [null, null] one is optional and absent."""
    return [k for k, v in index.items() if not k.startswith("_") and isinstance(v, list) and len(v) == 2
            and isinstance(v[0], str) and v[0]]


def check_snapshot(snap: Path, expected_class: str | None = None, expected_components: list[str] | None = None) -> dict[str, Any]:
    """What a snapshot or local folder holds: model_index.json's class and components, and which components and
    weight shards are absent. Raw facts only: whether the class is the one wanted, and what an absent part means
    to the user, is judged by checks/models.py (``expected_class`` is accepted and ignored for old callers;
    ``expected_components`` stand in when model_index.json cannot be read)."""
    out: dict[str, Any] = {"path": str(snap), "pipeline_class": None, "components": [], "missing_components": [],
                           "missing_files": [], "index_error": None}
    index, err = read_model_index(snap / "model_index.json")
    if err:
        out["index_error"] = err
        comps = list(expected_components or [])
    else:
        out["pipeline_class"] = index.get("_class_name")
        out["is_distilled"] = index.get("is_distilled")
        comps = components_of(index)
    out["components"] = comps
    for c in comps:
        d = snap / c
        if not d.is_dir() or not any(d.iterdir()):
            out["missing_components"].append(c)
            continue
        if c in WEIGHT_COMPONENTS:
            out["missing_files"] += _missing_weights(snap, d)
    return out


def _missing_weights(snap: Path, d: Path) -> list[str]:
    missing: list[str] = []
    indexes = list(d.glob("*.safetensors.index.json"))
    for idx in indexes:
        try:
            from . import safeio

            wm = safeio.read_json(idx, safeio.MODEL_INDEX, what="weight index").get("weight_map") or {}
        except (OSError, ValueError, AttributeError):
            missing.append(f"{idx.relative_to(snap).as_posix()} (unreadable)")
            continue
        for shard in sorted(set(wm.values()) if isinstance(wm, dict) else []):
            if not (d / str(shard)).is_file():  # is_file follows the link: a dangling one counts as missing
                missing.append((d / str(shard)).relative_to(snap).as_posix())
    if not indexes and not any(p.is_file() for p in d.glob("*.safetensors")):
        missing.append(f"{d.relative_to(snap).as_posix()}/*.safetensors (no weights)")
    return missing


def snapshot_files(snap: Path) -> list[dict[str, Any]]:
    """Every file of the snapshot with the blob it links to (None when copied, e.g. Windows without symlinks)."""
    files = []
    for root, _dirs, names in os.walk(snap):
        for n in names:
            p = Path(root) / n
            rel = p.relative_to(snap).as_posix()
            blob = None
            if p.is_symlink():
                target = Path(os.path.realpath(p))
                blob = target if target.parent.name == "blobs" else None
            try:
                size = p.stat().st_size
            except OSError:
                size = None  # a dangling link: the blob is gone
            files.append({"repo_path": rel, "path": str(p), "blob": str(blob) if blob else None,
                          "blob_name": blob.name if blob else None, "size": size})
    return sorted(files, key=lambda f: f["repo_path"])


def verify_blobs(files: list[dict[str, Any]], cache: HashCache | None, do_hash: bool) -> None:
    """Fill each file's sha256 and hash_state (hashed, cached, skipped, missing, unreadable, unknown-hash): a blob
    named by a sha256 must hash to its name, which the check compares."""
    todo = [f["blob"] for f in files if f["blob_name"] and _HEX64.match(f["blob_name"]) and f["size"] is not None]
    got = hash_files(todo, cache) if (do_hash and todo) else {}
    for f in files:
        if not (f["blob_name"] and _HEX64.match(f["blob_name"])):
            f.update(sha256=None, hash_state="unknown-hash")
        elif f["size"] is None:
            f.update(sha256=None, hash_state="missing")
        elif not do_hash:
            f.update(sha256=None, hash_state="skipped")
        else:
            r = got.get(f["blob"]) or {}
            if r.get("state") == "error":
                f.update(sha256=None, hash_state="unreadable", error=r.get("error"))
                continue
            f["sha256"] = r.get("sha256")  # checks/models.py compares it with the blob's name
            f["hash_state"] = "cached" if r.get("state") == "cached" else "hashed"


def find_orphans(hub: Path, folder: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """``*.incomplete`` blobs: huggingface_hub (2.x) never resumes them across processes, so one whose
    download lock is free is an orphan of a killed run; one whose lock is held is a download in progress.
    Only looks: `check` changes nothing in the user's cache (`install` removes orphans). No lock file is
    created: a blob without one has no download running. Returns (orphans, in progress)."""
    from filelock import FileLock, Timeout  # huggingface_hub's own dependency

    orphans: list[dict[str, Any]] = []
    running: list[str] = []
    blobs = folder / "blobs"
    if not blobs.is_dir():
        return orphans, running
    for f in sorted(blobs.glob("*.incomplete")):
        lock = hub / ".locks" / folder.name / f"{f.name.split('.')[0]}.lock"
        try:
            size = f.stat().st_size
            if lock.is_file():
                with FileLock(str(lock), timeout=0):
                    pass
            orphans.append({"name": f.name, "size": size})
        except Timeout:
            running.append(f.name)
        except OSError:
            running.append(f.name)  # unreadable: leave it and say so
    return orphans, running


def inspect_repo(hub: Path, repo: str, revision: str, expected_class: str | None,
                 components: list[str] | None, cache: HashCache | None, do_hash: bool) -> dict[str, Any]:
    folder = repo_folder(hub, repo)
    out: dict[str, Any] = {"repo": repo, "revision": revision, "folder": str(folder), "found": folder.is_dir()}
    if not out["found"]:
        return out
    snap, commit, note = _snapshot(folder, revision)
    out.update(commit=commit, note=note, snapshot=str(snap) if snap else None)
    blobs = folder / "blobs"
    out["orphans"], out["incomplete_downloads"] = find_orphans(hub, folder)
    if snap is None:
        return out
    out.update(check_snapshot(snap, expected_class, components))
    out["path"] = str(snap)
    files = snapshot_files(snap)
    verify_blobs(files, cache, do_hash)
    out["files"] = [{k: f.get(k) for k in ("repo_path", "size", "blob_name", "sha256", "hash_state")} for f in files]
    return out


def inspect_local(folder: Path, expected_class: str | None, components: list[str] | None,
                  manifest_files: list[dict[str, Any]], cache: HashCache | None, do_hash: bool) -> dict[str, Any]:
    """A ``--model-dir`` snapshot: completeness, plus the sha256 of the files the manifest publishes a hash for
    (the check compares them with the manifest it runs with)."""
    out: dict[str, Any] = {"folder": str(folder), "found": folder.is_dir(), "local": True}
    if not out["found"]:
        return out
    out.update(check_snapshot(folder, expected_class, components))
    known = [f["repo_path"] for f in manifest_files if f.get("sha256")]
    present = [str(folder / rp) for rp in known if (folder / rp).is_file()]
    got = hash_files(present, cache) if (do_hash and present) else {}
    files = []
    for rp in known:
        p = folder / rp
        if not p.is_file():
            continue
        r = got.get(str(p)) or {}
        state = "skipped" if not do_hash else ("error" if r.get("state") == "error" or not r.get("sha256") else
                                               "cached" if r.get("state") == "cached" else "hashed")
        files.append({"repo_path": rp, "size": p.stat().st_size, "sha256": r.get("sha256"), "hash_state": state})
    out["files"] = files
    return out
