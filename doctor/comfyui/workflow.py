"""ComfyUI workflows: read the editor's UI format and the API (prompt) format into one shape (raw facts).

A workflow is split into scopes, one per pipeline: the top-level graph and each used subgraph instance
(the official Klein templates put the whole pipeline in a subgraph, sometimes two: base and distilled).
The values a user set on a subgraph instance (its widgets_values / proxyWidgets) replace the ones stored
inside. Expansion is bounded: a subgraph that contains itself, too deep a nesting or too many nodes gives
one problem for the file instead of an exponential expansion.

The rules (Klein recognised from any of its signals, loader types, latent node, settings, 4B/9B pairing)
live in checks/workflows.py and return findings; this module only parses and names files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .. import manifests
from .folders import loaders

MAX_WORKFLOW_BYTES = 32 * 1024 * 1024
# Bounds on subgraph expansion: ComfyUI's own templates nest 2 deep and hold < 100 nodes.
MAX_SUBGRAPH_DEPTH = 8
MAX_EXPANDED_NODES = 20_000
WIDGET_TYPES = {"COMBO", "STRING", "INT", "FLOAT", "BOOLEAN"}
INACTIVE_MODES = {2, 4}  # muted, bypassed
LOADER_FOLDERS = loaders()  # manifests/comfyui.toml [[loader]]


def record(path: str | Path, error: str | None = None, path_state: str | None = None) -> dict[str, Any]:
    """A workflow's facts before parsing (``error`` set: one that cannot be linted, as load returns it;
    ``path_state`` "missing" or "empty-folder": the path given names no workflow at all)."""
    return {"path": str(path), "format": None, "error": error, "error_code": None, "path_state": path_state,
            "scopes": [], "node_types": [], "inactive": 0}


def load(path: str | Path) -> dict[str, Any]:
    """Parse one workflow file; problems are returned as ``error``, never raised."""
    p = Path(path)
    out = record(p)
    from .. import safeio

    try:  # bounded in size and depth; a FIFO or device behind the name is refused by type before opening
        raw = safeio.read_bytes(p, MAX_WORKFLOW_BYTES, what="workflow")
        # utf-8-sig: a UTF-8 byte-order mark (Notepad's "UTF-8 with BOM") is dropped, as ComfyUI's frontend drops it
        # when a file is opened or dropped on it (the browser's UTF-8 decode)
        data = safeio.loads_json(raw.decode("utf-8-sig", errors="strict"), what="the workflow")
    except safeio.Unreadable as exc:
        if exc.kind == "missing":
            out["error"], out["path_state"] = "the file does not exist", "missing"
        elif exc.kind == "too-large":
            out["error"] = f"larger than any workflow ({MAX_WORKFLOW_BYTES} bytes at most)"
        else:
            out["error"] = f"cannot be read: {exc}"
        return out
    except safeio.BadData as exc:
        out["error"] = f"cannot be read: {exc}"
        return out
    except (OSError, UnicodeDecodeError) as exc:
        out["error"] = f"cannot be read: {exc}"
        return out
    except json.JSONDecodeError as exc:
        out["error"] = f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        return out
    try:
        out.update(parse(data))
    except (TypeError, AttributeError, KeyError, ValueError, IndexError, RecursionError) as exc:
        # a hand-edited or truncated-then-repaired file: nodes of the wrong shape deep inside
        out["error"] = f"not a workflow ComfyUI can read: a node has the wrong shape ({type(exc).__name__}: {exc})"
    out["path"] = str(p)
    return out


def parse(data: Any) -> dict[str, Any]:
    if isinstance(data, dict) and isinstance(data.get("nodes"), list):
        return _parse_ui(data)
    if isinstance(data, dict) and isinstance(data.get("prompt"), dict):
        data = data["prompt"]
    if isinstance(data, dict) and data and all(isinstance(v, dict) and "class_type" in v for v in data.values()):
        return _parse_api(data)
    return {"format": None, "scopes": [], "node_types": [], "inactive": 0,
            "error": "neither a ComfyUI workflow (UI format, with 'nodes') nor an API-format prompt (nodes with 'class_type')"}


def _widget_names() -> dict[str, list[str]]:
    w = dict(manifests.load("comfyui")["widgets"])
    w.pop("source", None)
    return w


def _ui_widgets(node: dict[str, Any], names: dict[str, list[str]]) -> dict[str, Any]:
    vals = node.get("widgets_values")
    if isinstance(vals, dict):
        return dict(vals)
    if not isinstance(vals, list):
        return {}
    order = names.get(str(node.get("type")))
    if order is None:
        return {}
    return {n: v for n, v in zip(order, vals)}


class _TooBig(Exception):
    """Subgraph expansion passed a bound; args: (error_code, message)."""


def _parse_ui(data: dict[str, Any]) -> dict[str, Any]:
    names = _widget_names()
    defs = {str(sg.get("id")): sg for sg in ((data.get("definitions") or {}).get("subgraphs") or [])
            if isinstance(sg, dict)}
    types: set[str] = set()
    inactive = 0
    count = 0

    def collect(nodes: Any, scope_nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Plain nodes go into scope_nodes; subgraph instances come back to be expanded."""
        nonlocal inactive, count
        instances = []
        for n in nodes if isinstance(nodes, list) else []:
            if not isinstance(n, dict):
                continue
            if isinstance(n.get("mode"), int) and n["mode"] in INACTIVE_MODES:
                inactive += 1
                continue
            count += 1
            if count > MAX_EXPANDED_NODES:
                raise _TooBig("workflows.too-large",
                              f"expands to more than {MAX_EXPANDED_NODES:,} nodes (subgraphs used over and over): "
                              "not linted")
            t = str(n.get("type"))
            if t in defs:
                instances.append(n)
                continue
            types.add(t)
            scope_nodes.append({"id": n.get("id"), "type": t, "widgets": _ui_widgets(n, names)})
        return instances

    def expand(inst: dict[str, Any], nodes: list[dict[str, Any]], chain: tuple[str, ...]) -> None:
        """One subgraph instance's nodes (nested subgraphs flattened in: the same pipeline), its instance values
        applied. ``chain``: the subgraph ids being expanded, to find one that contains itself."""
        sid = str(inst.get("type"))
        if sid in chain:
            loop = " -> ".join(repr(defs[c].get("name") or c) for c in (*chain, sid))
            raise _TooBig("workflows.subgraph-cycle",
                          f"subgraph {defs[sid].get('name') or sid!r} contains itself ({loop}): ComfyUI cannot "
                          "run it either; not linted")
        if len(chain) >= MAX_SUBGRAPH_DEPTH:
            raise _TooBig("workflows.too-large", f"subgraphs nest more than {MAX_SUBGRAPH_DEPTH} deep: not linted")
        sg = defs[sid]
        own: list[dict[str, Any]] = []
        inner = collect(sg.get("nodes") or [], own)
        _apply_instance_values(inst, sg, own)
        nodes += own
        for i in inner:
            expand(i, nodes, (*chain, sid))

    scopes: list[dict[str, Any]] = []
    top: list[dict[str, Any]] = []
    try:
        pending = collect(data["nodes"], top)
        if top:
            scopes.append({"name": "top level", "nodes": top})
        for inst in pending:
            nodes: list[dict[str, Any]] = []
            expand(inst, nodes, ())
            sg = defs[str(inst.get("type"))]
            scopes.append({"name": f"subgraph '{sg.get('name') or sg.get('id')}' (node {inst.get('id')})", "nodes": nodes})
    except _TooBig as exc:
        return {"format": "ui", "scopes": [], "node_types": sorted(types), "inactive": inactive,
                "error_code": exc.args[0], "error": exc.args[1]}
    return {"format": "ui", "scopes": scopes, "node_types": sorted(types), "inactive": inactive, "error": None}


def _apply_instance_values(inst: dict[str, Any], sg: dict[str, Any], nodes: list[dict[str, Any]]) -> None:
    """The values a user set on the subgraph node win over the values stored inside the subgraph."""
    vals = inst.get("widgets_values")
    if not isinstance(vals, list) or not vals:
        return
    by_id = {str(n["id"]): n for n in nodes}
    proxy = (inst.get("properties") or {}).get("proxyWidgets")
    if isinstance(proxy, list) and len(proxy) == len(vals):
        for entry, v in zip(proxy, vals):
            if isinstance(entry, list) and len(entry) == 2 and str(entry[0]) in by_id:
                by_id[str(entry[0])]["widgets"][str(entry[1])] = v
        return
    widget_inputs = [i for i in (sg.get("inputs") or []) if isinstance(i, dict) and i.get("type") in WIDGET_TYPES]
    if len(widget_inputs) != len(vals):
        return
    links = {lk.get("id"): lk for lk in (sg.get("links") or []) if isinstance(lk, dict)}
    raw_nodes = {str(n.get("id")): n for n in (sg.get("nodes") or []) if isinstance(n, dict)}
    for inp, v in zip(widget_inputs, vals):
        for lid in inp.get("linkIds") or []:
            lk = links.get(lid)
            if not lk:
                continue
            target = str(lk.get("target_id"))
            raw = raw_nodes.get(target)
            if target not in by_id or raw is None:
                continue
            slots = raw.get("inputs") or []
            slot = lk.get("target_slot")
            if isinstance(slot, int) and 0 <= slot < len(slots):
                s = slots[slot]
                name = ((s.get("widget") or {}).get("name")) or s.get("name")
                if name:
                    by_id[target]["widgets"][str(name)] = v


def _parse_api(data: dict[str, Any]) -> dict[str, Any]:
    nodes = []
    types = set()
    for nid, n in data.items():
        t = str(n.get("class_type"))
        types.add(t)
        widgets = {}
        inputs = n.get("inputs")
        for k, v in (inputs if isinstance(inputs, dict) else {}).items():  # a hand-edited prompt may hold anything
            if isinstance(v, list) and len(v) == 2 and isinstance(v[1], int):
                src = data.get(str(v[0])) or {}
                if str(src.get("class_type", "")).startswith("Primitive") and "value" in (src.get("inputs") or {}):
                    widgets[k] = src["inputs"]["value"]
                continue
            widgets[k] = v
        nodes.append({"id": nid, "type": t, "widgets": widgets})
    return {"format": "api", "scopes": [{"name": "prompt", "nodes": nodes}], "node_types": sorted(types),
            "inactive": 0, "error": None}


def loader_folders() -> dict[str, tuple[str, str]]:
    """{node type: (file input, folder)} of every model loader judged: the core ones and the GGUF ones."""
    gguf = {k: (v[0], v[1]) for k, v in manifests.load("comfyui").get("gguf_loaders", {}).items() if isinstance(v, list)}
    return {**LOADER_FOLDERS, **gguf}


def referenced_files(wf: dict[str, Any]) -> dict[str, set[str]]:
    """{folder: {file names}} the loaders in a parsed workflow ask for."""
    out: dict[str, set[str]] = {}
    loaders = loader_folders()
    for sc in wf.get("scopes") or []:
        for n in sc["nodes"]:
            spec = loaders.get(n["type"])
            if spec and isinstance(n["widgets"].get(spec[0]), str):
                out.setdefault(spec[1], set()).add(n["widgets"][spec[0]])
    return out


# --------------------------------------------------------------------------- file identities

def name_identity(name: str) -> dict[str, Any] | None:
    """What the file name alone says (used only when the models probe gave no header identity)."""
    base = re.split(r"[\\/]", name)[-1]
    for rule in manifests.load("comfyui")["name_rule"]:
        if re.search(rule["regex"], base):
            return {"role": rule["role"], "family": rule["family"], "from": "file name"}
    return None


def header_family(identity: dict[str, Any]) -> dict[str, Any]:
    """The models probe's header identity in the words these rules use. Its ``family`` is coarse ('qwen3',
    'flux2'), but pairing needs the size ('qwen3-4b' vs 'qwen3-8b') and the VAE generation ('flux2-vae'),
    which is the signature ``id`` (the diffusers-named twins judged as their ComfyUI counterparts)."""
    sig = identity.get("id")
    if not isinstance(sig, str) or sig not in _signature_ids():
        return identity
    fam = sig[: -len("-diffusers")] if sig.endswith("-diffusers") else sig
    return {**identity, "family": fam}


def _signature_ids() -> set[str]:
    return {str(s.get("id")) for s in manifests.load("signatures").get("signature") or [] if isinstance(s, dict)}


def variant_of(name: str, identity: dict[str, Any] | None) -> str:
    if identity and identity.get("variant") in ("base", "distilled"):
        return str(identity["variant"])
    label = str((identity or {}).get("label") or "")
    rx = manifests.load("comfyui")["variant"]["base_regex"]
    if re.search(rx, re.split(r"[\\/]", name)[-1]) or re.search(r"(?i)\bbase\b", label):
        return "base"
    return "distilled"


def file_headers(lookup: dict[str, dict[str, list[str]]] | None) -> dict[str, dict[str, Any]]:
    """{folder: {name: header summary}} of the loader files found on disk (the first copy of each), so the
    4B/9B pairing is judged from the headers even when the models probe did not run. Raw facts only."""
    from ..safetensors_id import read_facts

    out: dict[str, dict[str, Any]] = {}
    for folder, names in (lookup or {}).items():
        for name, paths in names.items():
            if paths:
                out.setdefault(folder, {})[name] = read_facts(paths[0])["header"]
    return out
