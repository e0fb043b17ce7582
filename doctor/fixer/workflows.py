"""Workflow repairs: write a corrected copy ``<name>.fixed.json`` beside the original (never changed):
CLIPLoader type, the latent node, steps and cfg for the model loaded, the text encoder and VAE that pair
with the model, sizes on the latent grid. The copy is linted with the same rules before it is called cured.

Values are set where ComfyUI reads them: the node's own widgets, and the subgraph instance's widget values
when the instance overrides them (proxy widgets or promoted inputs)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import manifests
from ..checks.workflows import _num

from ..comfyui import workflow as wfmod
from ..findings import Finding
from .base import Plan, repair

CODES = ["workflows.clip-type", "workflows.wrong-latent", "workflows.steps", "workflows.cfg", "workflows.pairing-te",
         "workflows.pairing-vae", "workflows.latent-size"]


class Ref:
    """One node's widgets as ComfyUI sees them; setting a value writes it where it is read."""

    def __init__(self, node: dict[str, Any], api: bool = False, overrides: dict[str, tuple[list[Any], int]] | None = None):
        self.node, self.api, self.overrides = node, api, overrides or {}

    @property
    def type(self) -> str:
        return str(self.node.get("class_type" if self.api else "type"))

    @type.setter
    def type(self, t: str) -> None:
        self.node["class_type" if self.api else "type"] = t

    @property
    def id(self) -> Any:
        return self.node.get("id", "?") if not self.api else self.node.get("_id")

    def _slot(self, name: str) -> tuple[Any, Any] | None:
        if self.api:
            inputs = self.node.get("inputs")
            return (inputs, name) if isinstance(inputs, dict) and name in inputs and not isinstance(inputs[name], list) else None
        vals = self.node.get("widgets_values")
        if isinstance(vals, dict):
            return (vals, name) if name in vals else None
        order = wfmod._widget_names().get(self.type) or []
        if isinstance(vals, list) and name in order and order.index(name) < len(vals):
            return vals, order.index(name)
        return None

    def get(self, name: str) -> Any:
        if name in self.overrides:
            lst, i = self.overrides[name]
            return lst[i]
        s = self._slot(name)
        return s[0][s[1]] if s else None

    def set(self, name: str, value: Any) -> bool:
        done = False
        s = self._slot(name)
        if s:
            s[0][s[1]] = value
            done = True
        if name in self.overrides:
            lst, i = self.overrides[name]
            lst[i] = value
            done = True
        return done


def _overrides(inst: dict[str, Any], sg: dict[str, Any]) -> dict[str, dict[str, tuple[list[Any], int]]]:
    """{inner node id: {widget: (instance widgets_values, index)}}, as doctor.comfyui.workflow reads them."""
    vals = inst.get("widgets_values")
    out: dict[str, dict[str, tuple[list[Any], int]]] = {}
    if not isinstance(vals, list) or not vals:
        return out
    ids = {str(n.get("id")) for n in sg.get("nodes") or [] if isinstance(n, dict)}
    proxy = (inst.get("properties") or {}).get("proxyWidgets")
    if isinstance(proxy, list) and len(proxy) == len(vals):
        for i, entry in enumerate(proxy):
            if isinstance(entry, list) and len(entry) == 2 and str(entry[0]) in ids:
                out.setdefault(str(entry[0]), {})[str(entry[1])] = (vals, i)
        return out
    widget_inputs = [i for i in (sg.get("inputs") or []) if isinstance(i, dict) and i.get("type") in wfmod.WIDGET_TYPES]
    if len(widget_inputs) != len(vals):
        return out
    links = {lk.get("id"): lk for lk in (sg.get("links") or []) if isinstance(lk, dict)}
    raw = {str(n.get("id")): n for n in (sg.get("nodes") or []) if isinstance(n, dict)}
    for i, inp in enumerate(widget_inputs):
        for lid in inp.get("linkIds") or []:
            lk = links.get(lid) or {}
            target = raw.get(str(lk.get("target_id")))
            slot = lk.get("target_slot")
            if target is None or not isinstance(slot, int) or not 0 <= slot < len(target.get("inputs") or []):
                continue
            s = target["inputs"][slot]
            name = ((s.get("widget") or {}).get("name")) or s.get("name")
            if name:
                out.setdefault(str(target.get("id")), {})[str(name)] = (vals, i)
    return out


def scopes(doc: Any) -> list[tuple[str, list[Ref]]]:
    if isinstance(doc, dict) and isinstance(doc.get("nodes"), list):
        defs = {sg.get("id"): sg for sg in ((doc.get("definitions") or {}).get("subgraphs") or []) if isinstance(sg, dict)}
        active = lambda n: isinstance(n, dict) and n.get("mode") not in wfmod.INACTIVE_MODES  # noqa: E731
        out = [("top level", [Ref(n) for n in doc["nodes"] if active(n) and n.get("type") not in defs])]
        for inst in [n for n in doc["nodes"] if active(n) and n.get("type") in defs]:
            sg = defs[inst["type"]]
            ov = _overrides(inst, sg)
            out.append((f"subgraph '{sg.get('name') or sg.get('id')}' (node {inst.get('id')})",
                        [Ref(n, overrides=ov.get(str(n.get("id")))) for n in sg.get("nodes") or []
                         if active(n) and n.get("type") not in defs]))
        return out
    prompt = doc.get("prompt") if isinstance(doc, dict) and isinstance(doc.get("prompt"), dict) else doc
    refs = []
    for nid, n in (prompt or {}).items():
        if isinstance(n, dict) and "class_type" in n:
            n["_id"] = nid
            refs.append(Ref(n, api=True))
    return [("prompt", refs)]


def correct(doc: Any, ctx: dict[str, Any]) -> list[tuple[str, str]]:
    """Correct the document in place; (finding code, what was changed) for each change."""
    rules = manifests.load("comfyui")
    ident = ctx.get("identity") or (lambda folder, name: wfmod.name_identity(name))
    mult = int(rules["latent"]["multiple"])
    changes: list[tuple[str, str]] = []
    for where, refs in scopes(doc):
        for r in refs:
            if r.type in rules["wrong_latent"]["types"]:
                changes.append(("workflows.wrong-latent", f"{where}: {r.type} (node {r.id}) -> EmptyFlux2LatentImage"))
                r.type = "EmptyFlux2LatentImage"
        klein = []
        for r in refs:
            if r.type == "UNETLoader" and isinstance(r.get("unet_name"), str):
                idt = ident("diffusion_models", r.get("unet_name"))
                if str((idt or {}).get("family", "")).startswith("flux2-klein"):
                    klein.append((r.get("unet_name"), idt))
        has_nodes = any(r.type in rules["klein"]["required_nodes"] for r in refs)
        if not klein and not has_nodes:
            continue
        for r in refs:
            if r.type == "CLIPLoader" and r.get("type") not in (None, rules["klein"]["clip_type"]):
                changes.append(("workflows.clip-type", f"{where}: CLIPLoader (node {r.id}) type {r.get('type')!r} -> {rules['klein']['clip_type']!r}"))
                r.set("type", rules["klein"]["clip_type"])
            if r.type in ("EmptyFlux2LatentImage", "Flux2Scheduler"):
                for k in ("width", "height"):
                    v = _num(r.get(k))
                    if v is not None and int(v) % mult:
                        new = max(mult, int(round(v / mult)) * mult)
                        changes.append(("workflows.latent-size", f"{where}: {r.type} (node {r.id}) {k} {v:g} -> {new}"))
                        r.set(k, new)
        variants = {wfmod.variant_of(n, i) for n, i in klein}
        if len(variants) == 1:
            s = rules["settings"][variants.pop()]
            for r in refs:
                if r.type == "Flux2Scheduler":
                    st = _num(r.get("steps"))
                    if st is not None and (st < s["steps_ok"][0] or (s["steps"][0] == s["steps"][1] and st > s["steps_ok"][1])):
                        changes.append(("workflows.steps", f"{where}: Flux2Scheduler (node {r.id}) steps {st:g} -> {s['steps'][0]}"))
                        r.set("steps", s["steps"][0])
                if r.type == "CFGGuider":
                    c = _num(r.get("cfg"))
                    if c is not None and not (s["cfg"][0] - 1e-6 <= c <= s["cfg"][1] + 1e-6):
                        want = s["cfg"][0] if s["cfg"][0] == s["cfg"][1] else round((s["cfg"][0] + s["cfg"][1]) / 2, 1)
                        changes.append(("workflows.cfg", f"{where}: CFGGuider (node {r.id}) cfg {c:g} -> {want:g}"))
                        r.set("cfg", want)
        pairing = rules["pairing"]
        files = rules.get("pairing_files") or {}
        te_for = {k: str(v) for k, v in files.items() if k not in ("vae", "source")}
        vae_name = str(files.get("vae") or "flux2-vae.safetensors")
        for _, idt in klein[:1]:
            want_te = pairing.get(str((idt or {}).get("family")))
            for r in refs:
                if r.type == "CLIPLoader" and isinstance(r.get("clip_name"), str) and want_te:
                    tf = (ident("text_encoders", r.get("clip_name")) or {}).get("family")
                    if tf and tf != "unknown" and tf != want_te and want_te in te_for and r.get("clip_name") != te_for[want_te]:
                        changes.append(("workflows.pairing-te", f"{where}: CLIPLoader (node {r.id}) {r.get('clip_name')} -> {te_for[want_te]}"))
                        r.set("clip_name", te_for[want_te])
                if r.type == "VAELoader" and isinstance(r.get("vae_name"), str):
                    vf = (ident("vae", r.get("vae_name")) or {}).get("family")
                    # (a FLUX.1 VAE saved under the right name is the file's fault: the model-file repair cures it)
                    if vf and vf != "unknown" and vf not in pairing["vae_families"] and r.get("vae_name") != vae_name:
                        changes.append(("workflows.pairing-vae", f"{where}: VAELoader (node {r.id}) {r.get('vae_name')} -> {vae_name}"))
                        r.set("vae_name", vae_name)
    for _, refs in scopes(doc):
        for r in refs:
            r.node.pop("_id", None)
    return changes


def fixed_path(path: Path) -> Path:
    return path.with_name(path.name[: -len(".json")] + ".fixed.json" if path.name.endswith(".json") else path.name + ".fixed.json")


def lint_file(path: Path, facts: dict[str, Any]) -> list[dict[str, Any]]:
    from ..checks.workflows import build_context

    from ..checks.workflows import lint

    wf = wfmod.load(path)
    if wf.get("error"):
        return [{"code": "workflows.unreadable", "status": "fail", "title": wf["error"]}]
    return [{"code": f.code, "status": f.status.value, "title": f.title} for f in lint(wf, build_context(facts))]


@repair("workflows.copy", codes=CODES, checks=["workflows"])
def workflow_copy(findings: list[Finding], facts: dict[str, Any], ctx: dict[str, Any]) -> list[Plan]:
    from ..checks.workflows import build_context

    plans = []
    wctx = build_context(facts)
    for wf in (facts.get("workflows") or {}).get("files") or []:
        path = wf.get("path")
        mine = [f for f in findings if path and f.title.startswith(f"{path}: ")]
        if not mine or wf.get("error"):
            continue
        src = Path(path)
        try:
            doc = json.loads(src.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        changes = correct(doc, wctx)
        fixed_codes = {code for code, _ in changes}
        mine = [f for f in mine if f.code in fixed_codes]
        if not mine:
            continue
        dst = fixed_path(src)
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"

        def apply(journal, c, say, dst=dst, text=text):
            if dst.exists():
                journal.move(dst, dst.with_name(dst.name + f".old-{journal.path.stem}"), "an earlier corrected copy")
            say(f"  write {dst}")
            journal.create(dst, text, "corrected copy of the workflow")

        def verify(dst=dst, codes={f.code for f in mine}):
            left = [i for i in lint_file(dst, facts) if i["status"] in ("fail", "warn") and i["code"] in codes | {"workflows.unreadable"}]
            return ("cured" if not left else "not cured", [f"{dst}: {i['title']}" for i in left])

        plans.append(Plan(id=f"workflow:{path}", title=f"Write a corrected copy {dst.name} (the original is not changed)",
                          cures=mine, changes=[f"new file {dst}"] + [c for _, c in changes], checks=["workflows"], apply=apply,
                          verify=verify, notes=["open the .fixed.json copy in ComfyUI (drag it onto the canvas)"]))
    return plans
