"""Workflows area: lint each ComfyUI workflow (--workflow FILE and the install's user/default/workflows/).

doctor.comfyui.workflow parses a file into scopes (raw facts); the rules live here and return findings.
A scope is a FLUX.2 [klein] pipeline when any of Klein's signals is in it, not only the official file names:
a UNETLoader whose file's header is Klein or whose name contains "klein", the FLUX.2 VAE, a Qwen3 encoder in
a CLIPLoader of a FLUX type, or a Flux2 node (EmptyFlux2LatentImage, Flux2Scheduler, ...). File identities come
from the file headers when the files are on disk (the models probe, else the workflows probe's own header read),
else from the names; which files exist from the models probe, else the server's loader lists, else the
workflows probe's look in the model folders; the node list from the server, else the install's version.

Every finding names its workflow in its title and first evidence line and has a stable code, so the renderer
can group the same problem across many workflows.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from .. import manifests
from ..comfyui import workflow as wfmod
from ..comfyui.folders import legacy
from ..findings import Finding, fail, info, ok, skip, warn
from ..registry import check
from ..safetensors_id import identify_summary, identity_of

ALIASES = legacy()  # manifests/comfyui.toml [folders]
# CLIPLoader types that build a FLUX text encoder: a Qwen3 file with one of these is meant for Klein; with any
# other type (lumina2, qwen_image, ...) the same file is Z-Image's encoder and not a Klein signal on its own.
FLUX_CLIP_TYPES = ("flux2", "flux")


def _base(name: str) -> str:
    return str(name).replace("\\", "/").split("/")[-1].lower()


def _from_header(idt: dict[str, Any]) -> dict[str, Any] | None:
    if not idt.get("id"):
        return None
    return {**wfmod.header_family(idt), "from": "file header"}


def build_context(facts: dict[str, Any]) -> dict[str, Any]:
    models = facts.get("models") or {}
    model_files = [f for f in (models.get("files") or []) if isinstance(f, dict) and f.get("name")]
    by_folder: dict[str, dict[str, dict[str, Any] | None]] = {}
    for f in model_files:
        folder = ALIASES.get(str(f.get("folder_type")), str(f.get("folder_type")))
        idt = _from_header(identity_of(f))
        for key in {str(f["name"]).replace("\\", "/").lower(), _base(f["name"])}:
            by_folder.setdefault(folder, {})[key] = idt
    w = facts.get("workflows") or {}
    headers = w.get("headers") or {}

    def identity(folder: str, name: str) -> dict[str, Any] | None:
        hit = by_folder.get(folder, {})
        idt = hit.get(name.replace("\\", "/").lower()) or hit.get(_base(name))
        if idt and idt.get("family"):
            return idt
        summary = (headers.get(folder) or {}).get(name)
        if isinstance(summary, dict):
            idt = _from_header(identify_summary(summary))
            if idt and idt.get("family"):
                return idt
        return wfmod.name_identity(name)

    server = facts.get("comfyui_server") or {}
    oi = (server.get("object_info") or {}) if server.get("is_comfyui") else {}
    server_files = oi.get("files") or {}
    lookup = w.get("lookup")
    searched = w.get("folders_searched") or {}

    def exists(folder: str, name: str) -> tuple[bool | None, str]:
        if model_files and name.lower().endswith((".safetensors", ".sft")):  # the models probe lists only these
            names = by_folder.get(folder, {})
            return (name.replace("\\", "/").lower() in names or _base(name) in names), "the model files found by the models check"
        if server_files.get(folder) is not None:
            return name in server_files[folder], f"the files the server at {server.get('url')} lists"
        if lookup is not None and folder in lookup:
            return bool(lookup[folder].get(name)), ", ".join(searched.get(folder) or []) or "no folder"
        return None, "unknown"

    tree = facts.get("comfyui_tree") or {}
    node_names = set(oi["node_names"]) if oi.get("node_names") else None
    return {"identity": identity, "exists": exists, "node_names": node_names,
            "node_source": f"/object_info of {server.get('url')}" if node_names else None,
            "version": (tree.get("version") if tree.get("found") else None) if node_names is None else None}


# ------------------------------------------------------------------------------------------ the rules
def _num(v: Any) -> float | None:
    """A finite number, or None: ``1e309``/``Infinity``/``NaN`` and 400-digit integers are not widget values."""
    import math

    if isinstance(v, bool):
        return None
    try:
        f = float(v) if isinstance(v, (int, float)) else float(str(v))
    except (TypeError, ValueError, OverflowError):
        return None
    return f if math.isfinite(f) else None


def _how(idt: dict[str, Any] | None) -> str:
    if not idt:
        return "identity unknown"
    if idt.get("from") == "file name":
        return f"{idt.get('family')} (judged from the file name)"
    return f"{idt.get('label') or idt.get('family')} (read from the file header)"


class _Out:
    """Findings of one workflow: the path leads each title and the evidence, so the same problem in many
    workflows has one code and differs only in the file named."""

    def __init__(self, path: str):
        self.path = path
        self.items: list[Finding] = []

    def add(self, maker: Callable[..., Finding], code: str, title: str, evidence: list[str] | None = None,
            fix: str | None = None) -> None:
        self.items.append(maker(code, f"{self.path}: {title}", [f"workflow: {self.path}", *(evidence or [])], fix))


def lint(wf: dict[str, Any], ctx: dict[str, Any]) -> list[Finding]:
    """Findings for one parsed workflow. ``ctx``: identity(folder, name) -> dict|None, exists(folder, name) ->
    (bool|None, where), node_names (set|None, from the server), version (str|None), node_source (words)."""
    rules = manifests.load("comfyui")
    out = _Out(str(wf.get("path") or "workflow"))
    _lint_nodes(wf, ctx, rules, out)
    outputs = rules["output_nodes"]
    types = wf.get("node_types") or []
    if types and not any(t in outputs["types"] or t.startswith(tuple(outputs["prefixes"])) for t in types):
        out.add(warn, "workflows.no-output", "has no output node (SaveImage or PreviewImage): ComfyUI refuses to queue "
                "it ('Prompt has no outputs')", [f"source: {outputs['source']}"], "Add a SaveImage node after VAEDecode")
    klein_scopes = 0
    for sc in wf.get("scopes") or []:
        if _lint_scope(sc, ctx, rules, out):
            klein_scopes += 1
    if klein_scopes == 0 and wf.get("scopes"):
        out.add(info, "workflows.not-klein", "no FLUX.2 [klein] pipeline in it (no Klein model, FLUX.2 VAE, Qwen3 "
                "encoder of a FLUX type or Flux2 node)")
    return out.items


def _lint_nodes(wf: dict[str, Any], ctx: dict[str, Any], rules: dict[str, Any], out: _Out) -> None:
    frontend = set(rules["frontend_nodes"]["types"])
    types = [t for t in wf.get("node_types") or [] if t not in frontend]
    names = ctx.get("node_names")
    if names is not None:
        missing = [t for t in types if t not in names]
        if missing:
            out.add(fail, "workflows.node-missing", f"uses node types the ComfyUI server does not have: {', '.join(missing)}",
                    [f"node list from {ctx.get('node_source') or 'the server'}"],
                    "Update ComfyUI (Klein nodes need 0.9.2+), or install the custom nodes that provide them")
        return
    version = ctx.get("version")
    if version:
        from packaging.version import InvalidVersion, Version

        mins = {k: v for k, v in rules["node_min_version"].items() if k != "source"}
        try:
            have = Version(version)
        except InvalidVersion:
            return
        for t in types:
            if t in mins and have < Version(mins[t]):
                out.add(fail, "workflows.node-too-new", f"uses {t}, which needs ComfyUI {mins[t]} or newer; the install "
                        f"is {version}", [f"source: {rules['node_min_version']['source']}"], "Update ComfyUI")


def _loaded(by_type: dict[str, list[dict[str, Any]]], ident: Any) -> dict[str, list[tuple[dict[str, Any], str, Any]]]:
    """{folder: [(node, file name, identity)]} for the loader nodes of one scope."""
    loaded: dict[str, list[tuple[dict[str, Any], str, Any]]] = {}
    for ntype, (inp, folder) in wfmod.loader_folders().items():
        for n in by_type.get(ntype, []):
            name = n["widgets"].get(inp)
            if isinstance(name, str):
                loaded.setdefault(folder, []).append((n, name, ident(folder, name)))
    return loaded


def klein_signals(by_type: dict[str, list[dict[str, Any]]], loaded: dict[str, list[Any]],
                  rules: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """Why this scope is a FLUX.2 [klein] pipeline (empty: it is not), and its Klein model loaders."""
    signals: list[str] = []
    klein_models = []
    other_model = None
    for n, name, idt in loaded.get("diffusion_models", []):
        fam = str((idt or {}).get("family") or "")
        if fam.startswith("flux2-klein"):
            klein_models.append((n, name, idt))
            signals.append(f"{n['type']} (node {n['id']}) loads {name}: {_how(idt)}")
        elif (idt or {}).get("from") != "file header" and re.search(rules["klein"]["name_regex"], _base(name)):
            generic = {"role": "diffusion_model", "family": "flux2-klein", "from": "file name"}
            klein_models.append((n, name, generic))
            signals.append(f"{n['type']} (node {n['id']}) loads {name}: 'klein' in the file name")
        elif (idt or {}).get("from") == "file header" and fam and not fam.startswith("flux2"):
            other_model = f"{name}: {_how(idt)}"
    for t in rules["klein"]["signal_nodes"]:
        for n in by_type.get(t, []):
            signals.append(f"{t} (node {n['id']}) is a FLUX.2 node")
    if other_model is None:  # a FLUX.2 VAE or a Qwen3 encoder beside another family's model is not Klein
        for n, name, idt in loaded.get("vae", []):
            if str((idt or {}).get("family") or "").startswith("flux2"):
                signals.append(f"VAELoader (node {n['id']}) loads {name}: {_how(idt)}")
        for n, name, idt in loaded.get("text_encoders", []):
            fam = str((idt or {}).get("family") or "")
            if fam in ("qwen3-4b", "qwen3-8b") and n["widgets"].get("type") in FLUX_CLIP_TYPES:
                signals.append(f"{n['type']} (node {n['id']}) loads {name} ({_how(idt)}) as type "
                               f"'{n['widgets'].get('type')}'")
    return signals, klein_models


def _lint_scope(sc: dict[str, Any], ctx: dict[str, Any], rules: dict[str, Any], out: _Out) -> bool:
    """Findings for one pipeline; False when the scope is no Klein pipeline."""
    nodes = sc["nodes"]
    where = sc["name"]
    by_type: dict[str, list[dict[str, Any]]] = {}
    for n in nodes:
        by_type.setdefault(n["type"], []).append(n)
    ident = ctx.get("identity") or (lambda folder, name: wfmod.name_identity(name))
    loaded = _loaded(by_type, ident)
    signals, klein_models = klein_signals(by_type, loaded, rules)
    if not signals:
        return False
    why = [f"Klein recognised by: {'; '.join(signals[:3])}"]
    clip_type = rules["klein"]["clip_type"]
    clip_nodes = [n for ntype, (_, folder) in wfmod.loader_folders().items() if folder == "text_encoders"
                  for n in by_type.get(ntype, [])]
    for n in clip_nodes:
        t = n["widgets"].get("type")
        if t is not None and t != clip_type:
            extra = (" ('flux' is FLUX.1's T5/CLIP recipe: the Qwen3 encoder output then has the wrong width and the "
                     "sampler fails with 'mat1 and mat2 shapes cannot be multiplied')" if t == "flux" else "")
            out.add(fail, "workflows.clip-type", f"{where}: {n['type']} (node {n['id']}) has type '{t}'; Klein needs "
                    f"'{clip_type}'{extra}", [*why, f"source: {rules['klein']['source']}"],
                    f"Set the CLIPLoader's type to {clip_type}")
    for t in rules["wrong_latent"]["types"]:
        for n in by_type.get(t, []):
            out.add(fail, "workflows.wrong-latent", f"{where}: {t} (node {n['id']}) makes a latent FLUX.2 cannot use; "
                    "the sampler fails", [*why, f"source: {rules['wrong_latent']['source']}"],
                    f"Replace {t} with EmptyFlux2LatentImage")
    mult = int(rules["latent"]["multiple"])
    for n in by_type.get("EmptyFlux2LatentImage", []):
        bad = [f"{k}={n['widgets'][k]}" for k in ("width", "height")
               if _num(n["widgets"].get(k)) is not None and int(_num(n["widgets"][k]) or 0) % mult]
        odd = [f"{k}={n['widgets'][k]}" for k in ("width", "height")  # inf, NaN, 1e309: not a size at all
               if isinstance(n["widgets"].get(k), (int, float)) and not isinstance(n["widgets"].get(k), bool)
               and _num(n["widgets"].get(k)) is None]
        if odd:
            out.add(fail, "workflows.latent-size", f"{where}: EmptyFlux2LatentImage (node {n['id']}) {', '.join(odd)} is "
                    "not a usable image size; ComfyUI cannot queue it", [f"source: {rules['latent']['source']}"],
                    f"Set width and height to 1024 (or another multiple of {mult})")
        if bad:
            out.add(warn, "workflows.latent-size", f"{where}: EmptyFlux2LatentImage (node {n['id']}) {', '.join(bad)} is "
                    f"not a multiple of {mult}; the image is cropped to the nearest multiple",
                    [f"source: {rules['latent']['source']}"], f"Use sizes that are multiples of {mult}")
    _lint_settings(by_type, klein_models, where, rules, out)
    _lint_files(loaded, ctx, where, rules, klein_models, out)
    return True


def _lint_settings(by_type: dict[str, list[dict[str, Any]]], klein_models: list[Any], where: str,
                   rules: dict[str, Any], out: _Out) -> None:
    variants = {wfmod.variant_of(name, idt) for _, name, idt in klein_models}
    if len(variants) != 1:
        return
    variant = variants.pop()
    s = rules["settings"][variant]
    model = klein_models[0][1]
    lo, hi = s["steps_ok"]
    rec = f"{s['steps'][0]}" + ("" if s["steps"][0] == s["steps"][1] else f"-{s['steps'][1]}")
    for n in by_type.get("Flux2Scheduler", []):
        steps = _num(n["widgets"].get("steps"))
        if steps is None:
            continue
        if steps < 1:
            out.add(fail, "workflows.steps", f"{where}: Flux2Scheduler (node {n['id']}) has {steps:g} steps; ComfyUI "
                    "rejects the prompt ('Value smaller than min of 1')", [f"source: {s['source']}"],
                    f"Set steps to {s['steps'][0]}")
        elif steps < lo or (variant == "distilled" and steps > hi):
            out.add(warn, "workflows.steps", f"{where}: Flux2Scheduler (node {n['id']}) runs {steps:g} steps; the "
                    f"{variant} model {model} is meant for {rec}", [f"source: {s['source']}"], f"Set steps to {rec}")
        elif steps > s["steps"][1]:
            out.add(info, "workflows.steps", f"{where}: Flux2Scheduler (node {n['id']}) runs {steps:g} steps; more than "
                    f"the {s['steps'][1]} the {variant} model needs (slower, rarely better)", [f"source: {s['source']}"])
    clo, chi = s["cfg"]
    for n in by_type.get("CFGGuider", []):
        cfg = _num(n["widgets"].get("cfg"))
        if cfg is None:
            continue
        if not (clo - 1e-6 <= cfg <= chi + 1e-6):
            want = f"{clo:g}" if clo == chi else f"{clo:g}-{chi:g}"
            why = (" (a distilled model has guidance built in: cfg above 1 doubles the work and burns the image)"
                   if variant == "distilled" else " (the base model needs real guidance)")
            out.add(warn, "workflows.cfg", f"{where}: CFGGuider (node {n['id']}) cfg {cfg:g}; the {variant} model "
                    f"{model} wants {want}{why}", [f"source: {s['source']}"], f"Set cfg to {want}")


def _lint_files(loaded: dict[str, list[Any]], ctx: dict[str, Any], where: str, rules: dict[str, Any],
                klein_models: list[Any], out: _Out) -> None:
    exists = ctx.get("exists")
    if exists is not None:
        for folder, rows in loaded.items():
            for n, name, _ in rows:
                found, source = exists(folder, name)
                if found is False:
                    out.add(fail, "workflows.file-missing", f"{where}: {n['type']} (node {n['id']}) loads {name}, "
                            f"which is not in any {folder} folder", [f"looked in: {source}"],
                            f"Put {name} into ComfyUI/models/{folder}/ (or a folder extra_model_paths.yaml adds), "
                            "or pick the file you have in the node")
    pairing = rules["pairing"]
    for _, mname, midt in klein_models:
        fam = str((midt or {}).get("family"))
        want_te = pairing.get(fam)
        for n, tname, tidt in loaded.get("text_encoders", []):
            tf = (tidt or {}).get("family")
            if want_te and tf and tf != "unknown" and tf != want_te:
                out.add(fail, "workflows.pairing-te", f"{where}: {mname} ({fam}) needs the {want_te} text encoder, but "
                        f"{n['type']} (node {n['id']}) loads {tname} ({tf}); the sampler fails with a shape mismatch",
                        [f"{mname}: {_how(midt)}", f"{tname}: {_how(tidt)}", f"source: {pairing['source']}"],
                        f"Load the {want_te} encoder "
                        f"({'qwen_3_4b.safetensors' if want_te == 'qwen3-4b' else 'qwen_3_8b_fp8mixed.safetensors'})")
        for n, vname, vidt in loaded.get("vae", []):
            vf = (vidt or {}).get("family")
            if vf and vf != "unknown" and vf not in pairing["vae_families"]:
                out.add(fail, "workflows.pairing-vae", f"{where}: VAELoader (node {n['id']}) loads {vname} ({vf}); "
                        "FLUX.2 [klein] needs a FLUX.2 VAE (32 latent channels)",
                        [f"{vname}: {_how(vidt)}", "FLUX.1 and FLUX.2 VAEs are both often named ae.safetensors"],
                        "Load flux2-vae.safetensors (Comfy-Org/flux2-klein split_files/vae)")


# ------------------------------------------------------------------------------------------ the check
@check("workflows.lint", area="Workflows", title="Workflows use the Klein nodes, settings and files correctly",
       needs=["workflows"], optional=["models", "comfyui_server", "comfyui_tree"], paths=["comfyui"])
def workflows_lint(facts: dict[str, Any]):
    w = facts["workflows"]
    files = w.get("files") or []
    if not files:
        where = w.get("workflows_dir") or "no user/default/workflows folder found"
        yield skip("workflows.none", f"No workflows to lint (pass --workflow FILE; looked in: {where})")
        return
    ctx = build_context(facts)
    for wf in files:
        path = wf.get("path")
        if wf.get("error"):
            maker = fail if wf.get("origin") == "--workflow" else warn
            code = wf.get("error_code") or "workflows.unreadable"
            fix = ("Remove the subgraph from inside itself in the editor, or export the workflow again"
                   if code == "workflows.subgraph-cycle" else
                   "Check the path: give the exported .json file, or the folder that holds your workflows "
                   "(ComfyUI keeps them in user/default/workflows)" if wf.get("path_state") in ("missing", "empty-folder") else
                   "Export the workflow again from ComfyUI (Workflow -> Export, or Export (API))")
            yield maker(code, f"{path}: {wf['error']}", [f"workflow: {path}"], fix)
            continue
        issues = lint(wf, ctx)
        for i in issues:
            if i.code == "workflows.node-too-new":
                i.cause = "comfyui.version.too-old"  # the install is too old: one cause
        yield from issues
        if not any(i.status.value in ("warn", "fail") for i in issues):
            if not any(i.code == "workflows.not-klein" for i in issues):
                scopes = ", ".join(s["name"] for s in wf.get("scopes") or [])
                yield ok("workflows.ok", f"{path}: the Klein pipeline(s) look right ({wf.get('format')} format)",
                         [f"workflow: {path}", f"pipelines: {scopes}"]
                         + ([f"{wf['inactive']} muted/bypassed node(s) not linted"] if wf.get("inactive") else []))
    if w.get("truncated"):
        yield info("workflows.truncated", "Only the first 200 workflows of a folder were linted (the install's "
                   "workflows folder or one given with --workflow)")
