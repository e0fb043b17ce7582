"""ComfyUI workflows: read the editor's UI format and the API (prompt) format into one shape, then lint
the Klein pipelines in it.

A workflow is split into scopes, one per pipeline: the top-level graph and each used subgraph instance
(the official Klein templates put the whole pipeline in a subgraph, sometimes two: base and distilled).
Steps and cfg are judged against the model loaded in the same scope.

``lint`` is a pure function of the parsed workflow and a context built from the facts, so the check
stays pure and the rules are testable without files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .. import manifests
from .folders import loaders

MAX_WORKFLOW_BYTES = 32 * 1024 * 1024
WIDGET_TYPES = {"COMBO", "STRING", "INT", "FLOAT", "BOOLEAN"}
INACTIVE_MODES = {2, 4}  # muted, bypassed
LOADER_FOLDERS = loaders()  # manifests/comfyui.toml [[loader]]


def load(path: str | Path) -> dict[str, Any]:
    """Parse one workflow file; problems are returned as ``error``, never raised."""
    p = Path(path)
    out: dict[str, Any] = {"path": str(p), "format": None, "error": None, "scopes": [], "node_types": [],
                           "inactive": 0}
    try:
        size = p.stat().st_size
        if size > MAX_WORKFLOW_BYTES:
            out["error"] = f"{size} bytes is larger than any workflow ({MAX_WORKFLOW_BYTES} bytes at most)"
            return out
        data = json.loads(p.read_text(encoding="utf-8", errors="strict"))
    except FileNotFoundError:
        out["error"] = "the file does not exist"
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


def _parse_ui(data: dict[str, Any]) -> dict[str, Any]:
    names = _widget_names()
    defs = {sg.get("id"): sg for sg in ((data.get("definitions") or {}).get("subgraphs") or []) if isinstance(sg, dict)}
    types: set[str] = set()
    inactive = 0

    def collect(nodes: list[Any], scope_nodes: list[dict[str, Any]], depth: int = 0) -> list[dict[str, Any]]:
        """Plain nodes go into scope_nodes; subgraph instances come back to be expanded."""
        nonlocal inactive
        instances = []
        for n in nodes:
            if not isinstance(n, dict):
                continue
            if isinstance(n.get("mode"), int) and n["mode"] in INACTIVE_MODES:
                inactive += 1
                continue
            t = str(n.get("type"))
            if t in defs:
                instances.append(n)
                continue
            types.add(t)
            scope_nodes.append({"id": n.get("id"), "type": t, "widgets": _ui_widgets(n, names)})
        return instances

    scopes: list[dict[str, Any]] = []
    top: list[dict[str, Any]] = []
    pending = [(inst, 0) for inst in collect(data["nodes"], top)]
    if top:
        scopes.append({"name": "top level", "nodes": top})
    while pending:
        inst, depth = pending.pop(0)
        sg = defs[str(inst.get("type"))]
        nodes: list[dict[str, Any]] = []
        inner = collect(sg.get("nodes") or [], nodes)
        _apply_instance_values(inst, sg, nodes)
        # nested subgraphs are part of the same pipeline: flatten them in (bounded depth)
        stack = [(i, depth + 1) for i in inner]
        while stack:
            i, d = stack.pop()
            if d > 8:
                continue
            for j in collect((defs[str(i.get("type"))].get("nodes") or []), nodes):
                stack.append((j, d + 1))
        scopes.append({"name": f"subgraph '{sg.get('name') or sg.get('id')}' (node {inst.get('id')})", "nodes": nodes})
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


def referenced_files(wf: dict[str, Any]) -> dict[str, set[str]]:
    """{folder: {file names}} the loaders in a parsed workflow ask for."""
    out: dict[str, set[str]] = {}
    for sc in wf.get("scopes") or []:
        for n in sc["nodes"]:
            spec = LOADER_FOLDERS.get(n["type"])
            if spec and isinstance(n["widgets"].get(spec[0]), str):
                out.setdefault(spec[1], set()).add(n["widgets"][spec[0]])
    return out


# --------------------------------------------------------------------------- lint

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


def _issue(code: str, status: str, title: str, evidence: list[str] | None = None, fix: str | None = None) -> dict[str, Any]:
    return {"code": code, "status": status, "title": title, "evidence": list(evidence or []), "fix": fix}


def _num(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    try:
        return float(str(v))
    except (TypeError, ValueError):
        return None


def lint(wf: dict[str, Any], ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """Issues for one parsed workflow. ``ctx``: identity(folder, name) -> dict|None, exists(folder, name) ->
    (bool|None, where), node_names (set|None, from the server), version (str|None), node_source (words)."""
    rules = manifests.load("comfyui")
    issues: list[dict[str, Any]] = []
    issues += _lint_nodes(wf, ctx, rules)
    outputs = rules["output_nodes"]
    types = wf.get("node_types") or []
    if types and not any(t in outputs["types"] or t.startswith(tuple(outputs["prefixes"])) for t in types):
        issues.append(_issue("workflows.no-output", "warn",
                             "has no output node (SaveImage or PreviewImage): ComfyUI refuses to queue it "
                             "('Prompt has no outputs')", [f"source: {outputs['source']}"],
                             "Add a SaveImage node after VAEDecode"))
    klein_scopes = 0
    for sc in wf.get("scopes") or []:
        got = _lint_scope(sc, ctx, rules)
        if got is None:
            continue
        klein_scopes += 1
        issues += got
    if klein_scopes == 0 and wf.get("scopes"):
        issues.append(_issue("workflows.not-klein", "info",
                             "no FLUX.2 [klein] pipeline in it (no Klein model, Flux2Scheduler or EmptyFlux2LatentImage)"))
    return issues


def _lint_nodes(wf: dict[str, Any], ctx: dict[str, Any], rules: dict[str, Any]) -> list[dict[str, Any]]:
    frontend = set(rules["frontend_nodes"]["types"])
    types = [t for t in wf.get("node_types") or [] if t not in frontend]
    out = []
    names = ctx.get("node_names")
    if names is not None:
        missing = [t for t in types if t not in names]
        if missing:
            out.append(_issue("workflows.node-missing", "fail",
                              f"uses node types the ComfyUI server does not have: {', '.join(missing)}",
                              [f"node list from {ctx.get('node_source') or 'the server'}"],
                              "Update ComfyUI (Klein nodes need 0.9.2+), or install the custom nodes that provide them"))
        return out
    version = ctx.get("version")
    if version:
        from packaging.version import InvalidVersion, Version

        mins = {k: v for k, v in rules["node_min_version"].items() if k != "source"}
        try:
            have = Version(version)
        except InvalidVersion:
            return out
        for t in types:
            if t in mins and have < Version(mins[t]):
                out.append(_issue("workflows.node-too-new", "fail",
                                  f"uses {t}, which needs ComfyUI {mins[t]} or newer; the install is {version}",
                                  [f"source: {rules['node_min_version']['source']}"], "Update ComfyUI"))
    return out


def _lint_scope(sc: dict[str, Any], ctx: dict[str, Any], rules: dict[str, Any]) -> list[dict[str, Any]] | None:
    """Issues for one pipeline, or None when the scope is no Klein pipeline."""
    nodes = sc["nodes"]
    where = sc["name"]
    by_type: dict[str, list[dict[str, Any]]] = {}
    for n in nodes:
        by_type.setdefault(n["type"], []).append(n)
    ident = ctx.get("identity") or (lambda folder, name: name_identity(name))
    unets = []
    for n in by_type.get("UNETLoader", []):
        name = n["widgets"].get("unet_name")
        if isinstance(name, str):
            unets.append((n, name, ident("diffusion_models", name)))
    klein_models = [u for u in unets if str((u[2] or {}).get("family", "")).startswith("flux2-klein")]
    has_klein_nodes = any(t in by_type for t in rules["klein"]["required_nodes"])
    if not klein_models and not has_klein_nodes:
        return None
    out: list[dict[str, Any]] = []
    clip_type = rules["klein"]["clip_type"]
    for n in by_type.get("CLIPLoader", []):
        t = n["widgets"].get("type")
        if t is not None and t != clip_type:
            extra = (" ('flux' is FLUX.1's T5/CLIP recipe: the Qwen3 encoder output then has the wrong width and the "
                     "sampler fails with 'mat1 and mat2 shapes cannot be multiplied')" if t == "flux" else "")
            out.append(_issue("workflows.clip-type", "fail",
                              f"{where}: CLIPLoader (node {n['id']}) has type '{t}'; Klein needs '{clip_type}'{extra}",
                              [f"source: {rules['klein']['source']}"], f"Set the CLIPLoader's type to {clip_type}"))
    for t in rules["wrong_latent"]["types"]:
        for n in by_type.get(t, []):
            out.append(_issue("workflows.wrong-latent", "fail",
                              f"{where}: {t} (node {n['id']}) makes a latent FLUX.2 cannot use; the sampler fails",
                              [f"source: {rules['wrong_latent']['source']}"],
                              f"Replace {t} with EmptyFlux2LatentImage"))
    mult = int(rules["latent"]["multiple"])
    for n in by_type.get("EmptyFlux2LatentImage", []):
        bad = [f"{k}={n['widgets'][k]}" for k in ("width", "height")
               if _num(n["widgets"].get(k)) is not None and int(_num(n["widgets"][k]) or 0) % mult]
        if bad:
            out.append(_issue("workflows.latent-size", "warn",
                              f"{where}: EmptyFlux2LatentImage (node {n['id']}) {', '.join(bad)} is not a multiple "
                              f"of {mult}; the image is cropped to the nearest multiple",
                              [f"source: {rules['latent']['source']}"], f"Use sizes that are multiples of {mult}"))
    out += _lint_settings(by_type, klein_models, where, rules)
    out += _lint_files(by_type, ctx, ident, where, rules, klein_models)
    return out


def _lint_settings(by_type: dict[str, list[dict[str, Any]]], klein_models: list[Any], where: str,
                   rules: dict[str, Any]) -> list[dict[str, Any]]:
    variants = {variant_of(name, idt) for _, name, idt in klein_models}
    if len(variants) != 1:
        return []
    variant = variants.pop()
    s = rules["settings"][variant]
    model = klein_models[0][1]
    out = []
    lo, hi = s["steps_ok"]
    for n in by_type.get("Flux2Scheduler", []):
        steps = _num(n["widgets"].get("steps"))
        if steps is None:
            continue
        if steps < 1:
            out.append(_issue("workflows.steps", "fail",
                              f"{where}: Flux2Scheduler (node {n['id']}) has {steps:g} steps; ComfyUI rejects the prompt "
                              "('Value smaller than min of 1')", [f"source: {s['source']}"],
                              f"Set steps to {s['steps'][0]}"))
        elif steps < lo or (variant == "distilled" and steps > hi):
            out.append(_issue("workflows.steps", "warn",
                              f"{where}: Flux2Scheduler (node {n['id']}) runs {steps:g} steps; the {variant} model "
                              f"{model} is meant for {s['steps'][0]}" + ("" if s['steps'][0] == s['steps'][1] else f"-{s['steps'][1]}"),
                              [f"source: {s['source']}"],
                              f"Set steps to {s['steps'][0]}" + ("" if s['steps'][0] == s['steps'][1] else f"-{s['steps'][1]}")))
        elif steps > s["steps"][1]:
            out.append(_issue("workflows.steps", "info",
                              f"{where}: Flux2Scheduler (node {n['id']}) runs {steps:g} steps; more than the "
                              f"{s['steps'][1]} the {variant} model needs (slower, rarely better)", [f"source: {s['source']}"]))
    clo, chi = s["cfg"]
    for n in by_type.get("CFGGuider", []):
        cfg = _num(n["widgets"].get("cfg"))
        if cfg is None:
            continue
        if not (clo - 1e-6 <= cfg <= chi + 1e-6):
            want = f"{clo:g}" if clo == chi else f"{clo:g}-{chi:g}"
            why = (" (a distilled model has guidance built in: cfg above 1 doubles the work and burns the image)"
                   if variant == "distilled" else " (the base model needs real guidance)")
            out.append(_issue("workflows.cfg", "warn",
                              f"{where}: CFGGuider (node {n['id']}) cfg {cfg:g}; the {variant} model {model} wants {want}{why}",
                              [f"source: {s['source']}"], f"Set cfg to {want}"))
    return out


def _lint_files(by_type: dict[str, list[dict[str, Any]]], ctx: dict[str, Any], ident: Any, where: str,
                rules: dict[str, Any], klein_models: list[Any]) -> list[dict[str, Any]]:
    out = []
    exists = ctx.get("exists")
    loaded: dict[str, list[tuple[dict[str, Any], str, dict[str, Any] | None]]] = {}
    for ntype, (inp, folder) in LOADER_FOLDERS.items():
        for n in by_type.get(ntype, []):
            name = n["widgets"].get(inp)
            if not isinstance(name, str):
                continue
            idt = ident(folder, name)
            loaded.setdefault(folder, []).append((n, name, idt))
            if exists is None:
                continue
            found, source = exists(folder, name)
            if found is False:
                out.append(_issue("workflows.file-missing", "fail",
                                  f"{where}: {ntype} (node {n['id']}) loads {name}, which is not in any {folder} folder",
                                  [f"looked in: {source}"],
                                  f"Put {name} into ComfyUI/models/{folder}/ (or a folder extra_model_paths.yaml adds), "
                                  "or pick the file you have in the node"))
    pairing = rules["pairing"]
    for _, mname, midt in klein_models:
        fam = str((midt or {}).get("family"))
        want_te = pairing.get(fam)
        for n, tname, tidt in loaded.get("text_encoders", []):
            tf = (tidt or {}).get("family")
            if want_te and tf and tf != "unknown" and tf != want_te:
                out.append(_issue("workflows.pairing-te", "fail",
                                  f"{where}: {mname} ({fam}) needs the {want_te} text encoder, but CLIPLoader (node "
                                  f"{n['id']}) loads {tname} ({tf}); the sampler fails with a shape mismatch",
                                  [f"{mname}: {_how(midt)}", f"{tname}: {_how(tidt)}", f"source: {pairing['source']}"],
                                  f"Load the {want_te} encoder ({'qwen_3_4b.safetensors' if want_te == 'qwen3-4b' else 'qwen_3_8b_fp8mixed.safetensors'})"))
        for n, vname, vidt in loaded.get("vae", []):
            vf = (vidt or {}).get("family")
            if vf and vf != "unknown" and vf not in pairing["vae_families"]:
                out.append(_issue("workflows.pairing-vae", "fail",
                                  f"{where}: VAELoader (node {n['id']}) loads {vname} ({vf}); FLUX.2 [klein] needs a "
                                  "FLUX.2 VAE (32 latent channels)",
                                  [f"{vname}: {_how(vidt)}", "FLUX.1 and FLUX.2 VAEs are both often named ae.safetensors"],
                                  "Load flux2-vae.safetensors (Comfy-Org/flux2-klein split_files/vae)"))
    return out


def _how(idt: dict[str, Any] | None) -> str:
    if not idt:
        return "identity unknown"
    if idt.get("from") == "file name":
        return f"{idt.get('family')} (judged from the file name)"
    return f"{idt.get('label') or idt.get('family')} (read from the file header)"
