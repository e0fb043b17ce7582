"""Workflows area: lint each ComfyUI workflow (--workflow FILE and the install's user/default/workflows/).

The rules live in doctor.comfyui.workflow.lint; this module builds their context from the facts: file
identities from the models probe (header-based) when present, else from the file names; which files exist
from the models probe, else the server's loader lists, else the workflows probe's look in the model folders;
the node list from the server, else the install's version.
"""

from __future__ import annotations

from typing import Any, Callable

from doctor.comfyui import workflow as wfmod
from doctor.comfyui.folders import legacy
from doctor.findings import Finding, fail, info, ok, skip, warn
from doctor.registry import check

ALIASES = legacy()  # manifests/comfyui.toml [folders]


def _base(name: str) -> str:
    return str(name).replace("\\", "/").split("/")[-1].lower()


def build_context(facts: dict[str, Any]) -> dict[str, Any]:
    models = facts.get("models") or {}
    model_files = [f for f in (models.get("files") or []) if isinstance(f, dict) and f.get("name")]
    by_folder: dict[str, dict[str, dict[str, Any]]] = {}
    for f in model_files:
        folder = ALIASES.get(str(f.get("folder_type")), str(f.get("folder_type")))
        idt = wfmod.header_family(f["identity"]) if isinstance(f.get("identity"), dict) else {}
        for key in {str(f["name"]).replace("\\", "/").lower(), _base(f["name"])}:
            by_folder.setdefault(folder, {})[key] = idt

    def identity(folder: str, name: str) -> dict[str, Any] | None:
        hit = by_folder.get(folder, {})
        idt = hit.get(name.replace("\\", "/").lower()) or hit.get(_base(name))
        if idt and idt.get("family"):
            return idt
        return wfmod.name_identity(name)

    server = facts.get("comfyui_server") or {}
    oi = (server.get("object_info") or {}) if server.get("is_comfyui") else {}
    server_files = oi.get("files") or {}
    lookup = (facts.get("workflows") or {}).get("lookup")
    searched = (facts.get("workflows") or {}).get("folders_searched") or {}

    def exists(folder: str, name: str) -> tuple[bool | None, str]:
        if model_files:
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


_MAKE: dict[str, Callable[..., Finding]] = {"fail": fail, "warn": warn, "info": info, "ok": ok}


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
            yield maker("workflows.unreadable", f"{path}: {wf['error']}", [],
                        "Export the workflow again from ComfyUI (Workflow -> Export, or Export (API))")
            continue
        issues = wfmod.lint(wf, ctx)
        for i in issues:
            cause = "comfyui.version.too-old" if i["code"] == "workflows.node-too-new" else None
            yield _MAKE[i["status"]](i["code"], f"{path}: {i['title']}", i["evidence"], i["fix"], cause=cause)
        if not any(i["status"] in ("warn", "fail") for i in issues):
            not_klein = any(i["code"] == "workflows.not-klein" for i in issues)
            if not not_klein:
                scopes = ", ".join(s["name"] for s in wf.get("scopes") or [])
                yield ok("workflows.ok", f"{path}: the Klein pipeline(s) look right ({wf.get('format')} format)",
                         [f"pipelines: {scopes}"] + ([f"{wf['inactive']} muted/bypassed node(s) not linted"] if wf.get("inactive") else []))
    if w.get("truncated"):
        yield info("workflows.truncated", "Only the first 200 workflows in the install were linted")
