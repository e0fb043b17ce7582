"""Facts small enough to paste, and back: what the report's facts block holds.

The models probe records the models manifest it judged against, and a live ComfyUI server's facts list
every node it knows (886 on a stock install). Neither belongs in an issue: the built-in manifest ships
with the doctor, so the report names it (file, sha256, doctor version) instead of copying it, and the
node list is reduced to the nodes Klein and the linted workflows use, plus a count. ``rehydrate`` puts
the built-in manifest back when such facts are replayed with ``--facts``, so the replay judges the same.
"""

from __future__ import annotations

import copy
import hashlib
from typing import Any

from . import manifests

MODELS_MANIFEST = "models.toml"


def builtin_manifest_sha256() -> str | None:
    try:
        return hashlib.sha256((manifests.manifest_dir() / MODELS_MANIFEST).read_bytes()).hexdigest()
    except (OSError, manifests.ManifestError):
        return None


def _builtin_rows() -> tuple[list[dict[str, Any]], str | None]:
    try:
        path = manifests.manifest_dir() / MODELS_MANIFEST
        import sys

        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, ValueError, manifests.ManifestError):
        return [], None
    return list(data.get("variant") or []), data.get("url_template")


def _data(o: Any) -> Any:
    """A manifest row without its citation text (source, tag): two rows with the same data are the same row
    even when a later doctor words the source better."""
    if isinstance(o, dict):
        return {k: _data(v) for k, v in o.items() if k not in ("source", "tag") and not k.startswith("source_")}
    if isinstance(o, list):
        return [_data(v) for v in o]
    return o


def manifest_reference(recorded: Any) -> Any:
    """facts["models"]["manifest"] without the copy of the built-in rows: a reference, plus the rows of a
    custom --manifest that differ from the built-in ones."""
    if not isinstance(recorded, dict) or "variant" not in recorded:
        return recorded
    rows, tmpl = _builtin_rows()
    by_id = {r.get("id"): _data(r) for r in rows if isinstance(r, dict)}
    ref: dict[str, Any] = {"path": recorded.get("path"), "builtin": MODELS_MANIFEST,
                           "builtin_sha256": builtin_manifest_sha256()}
    variants = recorded.get("variant") if isinstance(recorded.get("variant"), list) else []
    own = [v for v in variants if not (isinstance(v, dict) and by_id.get(v.get("id")) == _data(v))]
    if own or recorded.get("path"):
        ref["variant"] = own
        ref["variant_ids"] = [v.get("id") if isinstance(v, dict) else None for v in variants]
    if recorded.get("url_template") != tmpl:
        ref["url_template"] = recorded.get("url_template")
    return ref


def rehydrate(facts: dict[str, Any]) -> dict[str, Any]:
    """Undo ``manifest_reference`` on facts read from a report: the built-in rows come back (from this
    doctor's copy of the manifest), a custom manifest's own rows stay where they were."""
    models = facts.get("models")
    ref = models.get("manifest") if isinstance(models, dict) else None
    if not isinstance(ref, dict) or "builtin" not in ref:
        return facts
    rows, tmpl = _builtin_rows()
    own = ref.get("variant") if isinstance(ref.get("variant"), list) else None
    ids = ref.get("variant_ids") if isinstance(ref.get("variant_ids"), list) else None
    if own is None:
        variants = rows
    else:
        mine = {v.get("id"): v for v in own if isinstance(v, dict)}
        builtin = {r.get("id"): r for r in rows}
        variants = [mine.get(i) or builtin.get(i) for i in (ids or list(mine))]
        variants = [v for v in variants if v is not None]
    restored = {k: v for k, v in ref.items() if k not in ("variant", "variant_ids")}
    restored["variant"] = variants
    restored.setdefault("url_template", tmpl)
    models["manifest"] = restored
    return facts


def _relevant_nodes(facts: dict[str, Any]) -> set[str]:
    """Nodes a Klein diagnosis looks at: the required ones, the loaders, and every node type the linted
    workflows use (so a replay lints them the same)."""
    names: set[str] = set()
    try:
        rules = manifests.load("comfyui")["klein"]
        names.update(rules.get("required_nodes") or [])
    except (manifests.ManifestError, KeyError, TypeError):
        pass
    try:
        from .comfyui.server import LOADERS

        names.update(LOADERS)
    except Exception:  # noqa: BLE001 - the list is a courtesy
        pass

    def walk(o: Any) -> None:
        if isinstance(o, dict):
            for k, v in o.items():
                if k in ("class_type", "type") and isinstance(v, str):
                    names.add(v)
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)

    walk(facts.get("workflows"))
    return names


def compact(facts: dict[str, Any], list_cap: int | None = None) -> dict[str, Any]:
    """A copy of ``facts`` for pasting: manifest by reference, node names reduced, and (with
    ``list_cap``) every longer list cut to its first items with a ``<key>_omitted`` count beside it."""
    out = copy.deepcopy(facts)
    models = out.get("models")
    if isinstance(models, dict) and "manifest" in models:
        models["manifest"] = manifest_reference(models["manifest"])
    server = out.get("comfyui_server")
    oi = server.get("object_info") if isinstance(server, dict) else None
    if isinstance(oi, dict) and isinstance(oi.get("node_names"), list):
        keep = _relevant_nodes(facts)
        names = oi["node_names"]
        oi["node_names"] = [n for n in names if n in keep]
        oi["node_names_total"] = len(names)
        oi["node_names_note"] = "reduced to the nodes Klein and the linted workflows use"
    if isinstance(oi, dict) and isinstance(oi.get("clip_types"), list):
        try:
            wanted = manifests.load("comfyui")["klein"]["clip_type"]
        except (manifests.ManifestError, KeyError, TypeError):
            wanted = None
        if wanted in oi["clip_types"]:  # without it the checks list every type: then all are kept
            oi["clip_types_total"] = len(oi["clip_types"])
            oi["clip_types"] = [wanted]
    fp = server.get("folder_paths") if isinstance(server, dict) else None
    if isinstance(fp, dict) and isinstance(fp.get("paths"), dict):
        try:  # the checks read the model folders Klein's loaders use; the rest is counted
            from .comfyui.folders import folder_types

            wanted = set(folder_types())
        except Exception:  # noqa: BLE001 - a broken manifest keeps the whole list
            wanted = set(fp["paths"])
        kept = {k: v for k, v in fp["paths"].items() if k in wanted}
        if len(kept) < len(fp["paths"]):
            fp["paths_total"] = len(fp["paths"])
            fp["paths"] = kept
    # python_target is the record python.selected copies (the probe that chose the interpreter, then the one that read
    # it): compared before the `tried` lists below are cut, which would make the two differ in a long search
    target, py = out.get("python_target"), out.get("python")
    if isinstance(target, dict) and isinstance(py, dict) and py.get("selected") == target:
        out.pop("python_target")
    # the places searched before something was found (or not): the first few say enough in a pasted report
    for holder in (out.get("comfyui_tree"), py.get("selected") if isinstance(py, dict) else None):
        if isinstance(holder, dict) and isinstance(holder.get("tried"), list) and len(holder["tried"]) > 3:
            holder["tried_omitted"] = len(holder["tried"]) - 3
            holder["tried"] = holder["tried"][:3]
    opts = out.get("options")
    if isinstance(opts, dict):  # unset options read the same as absent ones (.get), so they are left out
        out["options"] = {k: v for k, v in opts.items() if v not in (None, False, [], "")}
    out.pop("probe_durations", None)  # how long each probe took: no check reads it (BENCHMARKS measures speed)
    if list_cap is not None:
        out = _cap_lists(out, list_cap)
    return out


def _cap_lists(o: Any, cap: int) -> Any:
    if isinstance(o, dict):
        res: dict[str, Any] = {}
        for k, v in o.items():
            if isinstance(v, list) and len(v) > cap:
                res[k] = [_cap_lists(x, cap) for x in v[:cap]]
                res[f"{k}_omitted"] = len(v) - cap
            else:
                res[k] = _cap_lists(v, cap)
        return res
    if isinstance(o, list):
        return [_cap_lists(x, cap) for x in o]
    if isinstance(o, str) and len(o) > 2000:
        return o[:2000] + f"… ({len(o) - 2000} more characters)"
    return o
