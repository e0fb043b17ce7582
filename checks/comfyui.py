"""ComfyUI area: the install (version, Klein nodes, interpreter, launch flags, model folders) and the live
server (version, device, flags, nodes, the files its loaders see). Each finding says whether the fact
came from the tree on disk or from the server (and which URL).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from packaging.version import InvalidVersion, Version

from .. import manifests
from ..findings import Fix, fail, info, ok, skip, warn
from ..comfyui.tree import base_directory_from, safe_directory_argv
from ..platform_rules import pip_argv
from ..registry import NotJudged, check
from ..shells import CMD, POSIX, POWERSHELL, Cd, Run, make_fix
from ..winpath import is_windows_path
from ._common import given_path_problem

KLEIN_FOLDERS = {"diffusion_models": "UNETLoader", "text_encoders": "CLIPLoader", "vae": "VAELoader"}


def _ver(v: str | None) -> Version | None:
    try:
        return Version(str(v).lstrip("v")) if v else None
    except (InvalidVersion, ValueError):  # ValueError: a number over the 4,300-digit limit
        return None


def update_fix(t: dict[str, Any], facts: dict[str, Any] | None = None, then: str = "") -> Fix:
    """How to update this install, as commands for the machine's shells. Without facts the shells follow the
    install: a Windows path or the portable layout means PowerShell and cmd, else POSIX."""
    u = manifests.load("comfyui")["update"]
    min_v = manifests.load("comfyui")["version"]["min_klein"]
    layout = t.get("layout") or "unknown"
    root = t.get("root") or "ComfyUI"
    facts = facts or {}
    shells = None if facts.get("system") else ([POWERSHELL, CMD] if layout == "portable" or is_windows_path(root) else [POSIX])
    if layout == "git":
        py = t.get("python") or "python"
        steps = [Cd(root), Run(["git", "pull"]),
                 Run(pip_argv(py, ["install", "-r", "requirements.txt"], facts.get("python")))]
        text = u["git"]
        if t.get("git_refused"):
            steps.insert(1, Run(safe_directory_argv(t.get("code_dir") or root)))
            text = u["git_refused"] + text[0].lower() + text[1:]
        return make_fix(facts, text + then, steps, shells)
    if layout == "portable":
        import ntpath
        import posixpath

        mod = ntpath if is_windows_path(root) else posixpath
        # The updater resolves python_embeded and ComfyUI relative to its own folder: run it from there.
        folder = mod.join(mod.dirname(root.rstrip("\\/")) if mod.basename(root.rstrip("\\/")) == "ComfyUI" else root,
                          u["portable_dir"])
        return make_fix(facts, u["portable"] + then, [Cd(folder), Run([u["portable_script"]], local=True)], shells)
    if layout == "desktop":
        return Fix(text=u["desktop"] + then)
    return Fix(text=u["unknown"].format(min=min_v) + then)


def not_comfyui_phrase(t: dict[str, Any]) -> str:
    """What a --comfyui path that holds no ComfyUI is, in words (check's comfyui and models findings)."""
    return (given_path_problem(t.get("explicit_state"), "the ComfyUI folder", t.get("explicit_not_comfyui"))
            or "is not a ComfyUI folder")


def _where(t: dict[str, Any]) -> str:
    return f"{t.get('root')} ({t.get('layout')} layout, found by {t.get('how_found')})"


@check("comfyui.install", area="ComfyUI", title="A ComfyUI install is found", needs=["comfyui_tree"], paths=["comfyui"])
def comfyui_install(facts: dict[str, Any]):
    t = facts["comfyui_tree"]
    opts = facts.get("options") or {}
    if t.get("explicit_not_comfyui"):
        yield fail("comfyui.install.not-comfyui", f"--comfyui {t['explicit_not_comfyui']} {not_comfyui_phrase(t)}",
                   ["expected main.py and the comfy/ package, a portable folder (python_embeded + ComfyUI), or a "
                    "Desktop base folder (.venv + models)"],
                   "Pass the folder that holds ComfyUI's main.py (portable: the ComfyUI_windows_portable folder)")
        return
    if not t.get("found"):
        tried = [f"{x.get('how')}: {x.get('path')}" for x in t.get("tried") or []][:12]
        fix = "Pass --comfyui DIR (the folder with main.py) or set COMFYUI_PATH"
        if opts.get("path") == "comfyui":
            yield warn("comfyui.install.not-found", "No ComfyUI install found, so the install was not checked", tried, fix)
        else:
            yield info("comfyui.install.not-found", "No ComfyUI install found (fine if you use diffusers)", tried, fix)
        return
    ev = [f"root: {t['root']}", f"found by: {t['how_found']}"]
    if t.get("code_dir") and t.get("code_dir") != t.get("root"):
        ev.append(f"code: {t['code_dir']}")
    yield ok("comfyui.install.found", f"ComfyUI at {_where(t)}", ev)


@check("comfyui.version", area="ComfyUI", title="ComfyUI is new enough for Klein and has the Klein nodes",
       needs=["comfyui_tree"], optional=["python"], paths=["comfyui"])
def comfyui_version(facts: dict[str, Any]):
    t = facts["comfyui_tree"]
    if not t.get("found"):
        return
    rules = manifests.load("comfyui")
    min_v = rules["version"]["min_klein"]
    kn = t.get("klein_nodes") or {}
    nodes = kn.get("nodes") or {}
    src_ev = [f"{n}: {'defined in ' + f if f else 'not found in the source'}" for n, f in nodes.items()]
    src_ev.append(f"CLIP type '{rules['klein']['clip_type']}': "
                  + (f"defined in {kn['clip_type_flux2']}" if kn.get("clip_type_flux2") else "not found in the source"))
    v = _ver(t.get("version"))
    ev = [f"version {t.get('version') or 'unknown'} (from {t.get('version_source')}, tree)"]
    if t.get("git_describe"):
        ev.append(f"git describe: {t['git_describe']}")
    if t.get("git_refused"):
        ev.append(f"git refuses the checkout: {t['git_refused']} (the folder belongs to another user)")
    ev += src_ev + [f"minimum: {min_v}; source: {rules['version']['source']}"]
    fix = update_fix(t, facts)
    if not t.get("code_dir"):
        yield warn("comfyui.version.no-code", "The ComfyUI code folder was not found, so version and nodes are unknown",
                   [f"Desktop base {t.get('desktop_base')}: the app keeps its code in its resources folder"],
                   "Pass --comfyui with the folder that holds main.py, or use --server to ask the running app")
        return
    if v is not None and v < Version(min_v):
        yield fail("comfyui.version.too-old", f"ComfyUI {t['version']} is too old for FLUX.2 [klein]: {min_v} or newer is needed",
                   ev + ["old versions fail with 'Got [32, 32, 32, 32] but expected positional dim 64'"], fix)
        return
    if kn.get("all_present") is False:
        missing = [n for n, f in nodes.items() if not f] + ([] if kn.get("clip_type_flux2") else [f"CLIP type {rules['klein']['clip_type']}"])
        yield fail("comfyui.version.nodes-missing",
                   f"ComfyUI {t.get('version') or '(version unknown)'} lacks what Klein needs: {', '.join(missing)}",
                   ev, fix)
        return
    if v is None:
        yield warn("comfyui.version.unknown", "The ComfyUI version could not be read, but the Klein nodes are in the source",
                   ev, None)
        return
    yield ok("comfyui.version.ok", f"ComfyUI {t['version']} supports FLUX.2 [klein] (nodes confirmed in the source)", ev)


@check("comfyui.python", area="ComfyUI", title="The interpreter ComfyUI runs with is found", needs=["comfyui_tree"],
       paths=["comfyui"])
def comfyui_python(facts: dict[str, Any]):
    t = facts["comfyui_tree"]
    if not t.get("found"):
        return
    opts = facts.get("options") or {}
    if t.get("python"):
        note = "" if not opts.get("python") else f" (diagnosing --python {opts['python']} instead, as asked)"
        how = f" (found {t['python_how']})" if t.get("python_how") and t["python_how"] != "beside the install" else ""
        yield ok("comfyui.python.found", f"ComfyUI runs with {t['python']}{how}{note}")
        return
    hint = {"portable": "python_embeded\\python.exe is missing beside the ComfyUI folder",
            "desktop": "the Desktop's .venv has no interpreter: reinstall or let the app repair its environment"}.get(
        t.get("layout"), "no venv/.venv beside ComfyUI: it runs with whatever python you start it with")
    yield warn("comfyui.python.not-found", "The interpreter ComfyUI runs with was not found; the PyTorch checks judge "
               "another Python", [hint], "Pass it explicitly: klein-doctor check --path comfyui --python PATH")


def flag_findings(flags: list[dict[str, Any]], facts: dict[str, Any], origin: str, code_prefix: str):
    """Findings for ComfyUI flags, wherever they were read (a launch script or the server's argv)."""
    table = {r["flag"]: r for r in manifests.load("comfyui")["flag"]}
    seen: set[str] = set()
    for f in flags:
        rule = table.get(f["flag"])
        if rule is None or f["flag"] in seen:
            continue
        seen.add(f["flag"])
        loc = f"{f['file']}:{f['line']}" if f.get("file") else origin
        ev = [f"{loc}: {f.get('text') or f['flag']}", f"source: {rule['source']}"]
        code = f"{code_prefix}{f['flag'].lstrip('-')}"
        title = f"ComfyUI is started with {f['flag']} ({loc}): it {rule['what']}"
        verdict = rule["verdict"]
        if verdict == "attention":
            problem = _attention_problem(facts, rule.get("kind", ""))
            if problem is None:
                yield info(code, title + " (whether it can run here was not judged: no GPU/Python facts)", ev, rule["fix"])
            elif problem:
                yield fail(code, f"{title}, but {problem}", ev, rule["fix"],
                           cause={"flash": "attention.flash-attn.unusable", "sage": "attention.sage.unusable"}.get(
                               rule.get("kind", "")))
            else:
                yield info(code, title + " (it can run here)", ev, f"If it ever breaks: {rule['fix']}")
            continue
        maker = {"fail": fail, "warn": warn}.get(verdict, info)
        yield maker(code, title, ev, rule["fix"] or None)


def _attention_problem(facts: dict[str, Any], kind: str) -> str | None | bool:
    """The Attention area's reason the forced kernel cannot run; False when it can; None when unknown."""
    if "python" not in facts or "gpu" not in facts:
        return None
    from .attention import flash_attn_problem, sage_problem

    try:
        problem = {"flash": flash_attn_problem, "sage": sage_problem}.get(kind, lambda f: None)(facts)
    except NotJudged:
        return None
    return problem or False


@check("comfyui.launch", area="ComfyUI", title="Launch scripts and custom nodes force nothing that breaks Klein",
       needs=["comfyui_tree"], optional=["python", "gpu", "system", "torch"], paths=["comfyui"])
def comfyui_launch(facts: dict[str, Any]):
    t = facts["comfyui_tree"]
    if not t.get("found"):
        return
    flags = t.get("launch_flags") or []
    found = list(flag_findings(flags, facts, "launch script", "comfyui.launch."))
    yield from found
    root = Path(t["root"])
    pats = {p["id"]: p for p in manifests.load("attention")["pattern"]}
    hits = [h for h in ((t.get("attention_scan") or {}).get("hits") or []) if _under(h["file"], root / "custom_nodes")]
    for h in hits:
        pat = pats.get(h["pattern"], {})
        where = f"{h['file']}:{h['line']}"
        problem = _attention_problem(facts, h.get("kind", ""))
        title = f"A custom node forces attention: {pat.get('what', h['pattern'])} at {where}"
        ev = [f"{where}: {h.get('text', '')}", f"source: {pat.get('source', '')}"]
        if problem:
            yield fail(f"comfyui.custom-node.{h['pattern']}", f"{title}, but {problem}", ev,
                       f"In {where}: {pat.get('instead', 'use PyTorch SDPA')} (or disable that custom node)")
        else:
            yield info(f"comfyui.custom-node.{h['pattern']}", title, ev, f"If it breaks: {pat.get('instead', 'use PyTorch SDPA')}")
    if not found and not hits:
        scripts = t.get("launch_scripts") or []
        yield ok("comfyui.launch.clean", f"No harmful flags in {len(scripts)} launch script(s) and no custom node "
                 "forces an attention kernel", scripts[:10])


def _under(path: str, folder: Path) -> bool:
    try:
        Path(path).relative_to(folder)
        return True
    except ValueError:
        return False


@check("comfyui.model-paths", area="ComfyUI", title="extra_model_paths.yaml is valid and its folders exist",
       needs=["comfyui_tree"], paths=["comfyui"])
def comfyui_model_paths(facts: dict[str, Any]):
    t = facts["comfyui_tree"]
    if not t.get("found"):
        return
    emp = t.get("extra_model_paths") or {}
    files = emp.get("files") or []
    bad = False
    for m in emp.get("missing") or []:
        bad = True
        yield warn("comfyui.model-paths.config-missing", f"--extra-model-paths-config names {m}, which does not exist",
                   [], "Fix the path in the launch script")
    for y in files:
        if not y.get("ok"):
            bad = True
            yield fail("comfyui.model-paths.bad-yaml", f"{y['path']} is {y.get('error')}: ComfyUI stops reading it and "
                       "the folders it adds are not searched",
                       [y.get("error") or ""], f"Fix the YAML in {y['path']} (compare with extra_model_paths.yaml.example)")
            continue
        for name, sec in (y.get("sections") or {}).items():
            for p in sec.get("problems") or []:
                bad = True
                yield warn("comfyui.model-paths.bad-entry", f"{y['path']} section '{name}': {p}", [], "Each folder type takes a path string")
            if sec.get("base_path") and sec.get("base_exists") is False:
                bad = True
                yield warn("comfyui.model-paths.no-base", f"{y['path']} section '{name}': base_path {sec['base_path']} does not exist",
                           [], "Correct base_path (relative paths are relative to the yaml's folder)")
    mf = t.get("model_folders") or {}
    for folder in ("diffusion_models", "text_encoders", "vae"):
        for e in mf.get(folder) or []:
            if e.get("source", "").startswith("extra_model_paths.yaml") and not e.get("exists"):
                bad = True
                yield warn("comfyui.model-paths.missing-folder",
                           f"{folder} folder {e['path']} (from {e['source']}) does not exist", [],
                           "Create it or fix the path in extra_model_paths.yaml")
    if not bad:
        ev = [f"{f}: " + ", ".join(f"{e['path']} [{e['source']}]" for e in mf.get(f) or []) for f in KLEIN_FOLDERS]
        what = f"{len(files)} extra_model_paths file(s) valid" if files else "no extra_model_paths.yaml (models/ only)"
        bd_from = base_directory_from(t)
        where = f" under {t.get('models_root')}" + (f" (--base-directory from {bd_from})"
                                                    if bd_from not in ("", "the install folder") else "")
        ev += [f"{k} folder: {d['path']} ({d['from']})" for k, d in (t.get("folders") or {}).items()]
        if t.get("model_folders_from"):
            ev.append(f"model folders as the running server reports them: {t['model_folders_from']}")
        yield ok("comfyui.model-paths.ok", f"Model folders{where if t.get('models_root') else ''}: {what}", ev)


# --------------------------------------------------------------------------- the server

@check("comfyui.server", area="ComfyUI", title="The ComfyUI server answers",
       needs=["comfyui_server"], paths=["comfyui"])
def comfyui_server(facts: dict[str, Any]):
    s = facts["comfyui_server"]
    if not s.get("contacted"):
        yield skip("comfyui.server.not-asked", "No ComfyUI server contacted (--no-server)")
        return
    url = s.get("url")
    err = s.get("error")
    if err:
        kind = err.get("kind")
        if not s.get("explicit") and kind in ("refused", "timeout"):
            yield info("comfyui.server.none", f"No ComfyUI server is running at {url} (the server checks were skipped)",
                       [err.get("message", "")], "Start ComfyUI, or pass --server URL for one elsewhere")
            return
        titles = {
            "refused": f"The ComfyUI server at {url} refused the connection (not running, wrong port or host)",
            "timeout": f"The ComfyUI server at {url} did not answer in time",
            "not-json": f"{url} answered, but not with JSON: it is not a ComfyUI server or a proxy is in the way",
            "not-comfyui": f"{url} answered JSON that is not ComfyUI's /system_stats: another program is on that port",
            "http-status": f"{url} answered HTTP {err.get('status')} to /system_stats: not a ComfyUI server (or a very old one)",
            "too-large": f"{url} sent an oversized answer to /system_stats: not a ComfyUI server",
        }
        fixes = {"refused": "Start ComfyUI (its console prints 'To see the GUI go to: http://...') and pass that URL with --server",
                 "timeout": "Check that ComfyUI is not stuck (its console), or the host and firewall for a remote server"}
        yield fail(f"comfyui.server.{kind}", titles.get(kind, f"{url}: {err.get('message')}"), [err.get("message", "")],
                   fixes.get(kind, "Pass the URL ComfyUI prints at start-up with --server"))
        return
    where = "a remote machine" if s.get("remote") else "this machine"
    yield ok("comfyui.server.up", f"ComfyUI {s.get('version')} answers at {url} (on {where})",
             [f"python {s.get('python_version')}", f"pytorch {s.get('pytorch_version')}",
              f"deploy: {s.get('deploy_environment')}, embedded python: {s.get('embedded_python')}"])


def _server_ok(facts: dict[str, Any]) -> dict[str, Any] | None:
    s = facts.get("comfyui_server") or {}
    return s if s.get("contacted") and s.get("is_comfyui") else None


@check("comfyui.server-version", area="ComfyUI", title="The running ComfyUI is new enough and is the install checked",
       needs=["comfyui_server"], optional=["comfyui_tree", "python"], paths=["comfyui"])
def comfyui_server_version(facts: dict[str, Any]):
    s = _server_ok(facts)
    if s is None:
        return
    min_v = manifests.load("comfyui")["version"]["min_klein"]
    v = _ver(s.get("version"))
    t = facts.get("comfyui_tree") or {}
    ev = [f"server {s['url']}: ComfyUI {s.get('version')}"]
    if t.get("found"):
        ev.append(f"tree {t.get('root')}: ComfyUI {t.get('version')} (from {t.get('version_source')})")
    if v is None:  # absent or not a version number: unknown, never "supports Klein"
        yield warn("comfyui.server-version.unknown",
                   f"The running ComfyUI at {s['url']} reports no usable version ({str(s.get('version'))[:60]!r}): "
                   f"whether it is {min_v} or newer is unknown", ev,
                   f"Check the version in ComfyUI's settings (About); Klein needs {min_v} or newer")
        return
    if v < Version(min_v):
        tree_v = _ver(t.get("version")) if t.get("found") else None
        yield fail("comfyui.server-version.too-old", f"The running ComfyUI ({s.get('version')}, at {s['url']}) is too old "
                   f"for Klein: {min_v} or newer is needed", ev, update_fix(t, facts),
                   cause="comfyui.version.too-old" if tree_v is not None and tree_v < Version(min_v) else None)
        return
    tv = _ver(t.get("version")) if t.get("found") else None
    if tv is not None and v is not None and tv != v and not s.get("remote"):
        yield warn("comfyui.server-version.other-install",
                   f"The running server is ComfyUI {s.get('version')} but the install found on disk is {t.get('version')}: "
                   "the server runs another install (or was not restarted after an update)", ev,
                   "Restart ComfyUI, or pass --comfyui with the folder the server runs from")
        return
    yield ok("comfyui.server-version.ok", f"The running ComfyUI {s.get('version')} supports Klein", ev)


@check("comfyui.server-runtime", area="ComfyUI", title="The server runs on the GPU with sane flags",
       needs=["comfyui_server"], optional=["python", "gpu", "system", "torch", "comfyui_tree"], paths=["comfyui"])
def comfyui_server_runtime(facts: dict[str, Any]):
    s = _server_ok(facts)
    if s is None:
        return
    devices = s.get("devices") or []
    cpu_only = devices and all(str(d.get("type")) == "cpu" for d in devices)
    flags = s.get("flags") or []
    flag_names = {f["flag"] for f in flags}
    ev = [f"{s['url']} /system_stats devices: " + ", ".join(f"{d.get('name')} ({d.get('type')})" for d in devices),
          "argv: " + " ".join(s.get("argv") or [])]
    if cpu_only and "--cpu" not in flag_names:
        yield fail("comfyui.server-runtime.cpu", f"The ComfyUI server at {s['url']} runs on the CPU: its PyTorch sees no GPU",
                   ev + [f"pytorch {s.get('pytorch_version')}"],
                   "Install a CUDA build of PyTorch into ComfyUI's Python (see the PyTorch findings) and restart it")
    found = list(flag_findings([dict(f, text=" ".join(s.get("argv") or [])) for f in flags], facts,
                               f"server argv ({s['url']})", "comfyui.server-runtime."))
    yield from found
    if not found and not cpu_only:
        vram = [f"{d.get('name')}: {(d.get('vram_total') or 0) / 1024**3:.1f} GiB" for d in devices]
        yield ok("comfyui.server-runtime.ok", f"The server runs on {', '.join(str(d.get('name')) for d in devices)} "
                 "with no harmful flags", ev + vram)


@check("comfyui.server-nodes", area="ComfyUI", title="The server has the Klein nodes and sees the Klein files",
       needs=["comfyui_server"], optional=["comfyui_tree", "models", "python"], paths=["comfyui"])
def comfyui_server_nodes(facts: dict[str, Any]):
    s = _server_ok(facts)
    if s is None:
        return
    oi = s.get("object_info") or {}
    rules = manifests.load("comfyui")["klein"]
    src = f"/object_info of {s['url']}" + ("" if oi.get("complete") else " (per node)")
    missing = [n for n, have in (oi.get("klein_nodes") or {}).items() if not have]
    sv = _ver(s.get("version"))
    old = "comfyui.server-version.too-old" if sv is not None and sv < Version(manifests.load("comfyui")["version"]["min_klein"]) \
        else None  # the nodes are missing because the server is too old: one cause, its consequences under it
    if missing:
        yield fail("comfyui.server-nodes.missing", f"The running ComfyUI has no {', '.join(missing)} node: it cannot run "
                   "the Klein workflows", [src] + (oi.get("errors") or [])[:3], update_fix(facts.get("comfyui_tree") or {}, facts), cause=old)
    types = oi.get("clip_types")
    if types is not None and rules["clip_type"] not in types:
        yield fail("comfyui.server-nodes.no-flux2-clip", f"The server's CLIPLoader offers no '{rules['clip_type']}' type",
                   [src, "types: " + ", ".join(types)], update_fix(facts.get("comfyui_tree") or {}, facts), cause=old)
    from ..comfyui.workflow import name_identity

    files = oi.get("files") or {}
    known = _model_identities(facts)
    for folder, node in KLEIN_FOLDERS.items():
        names = files.get(folder)
        if names is None:
            continue
        klein = [n for n in names if _is_klein_file(n, folder, known, name_identity)]
        if not klein:
            yield warn(f"comfyui.server-nodes.no-{folder}",
                       f"The server's {node} lists no Klein {folder.replace('_', ' ')} file: the server does not see "
                       "your files (wrong folder, extra_model_paths.yaml not loaded, or not refreshed)",
                       [src, f"{node} lists: " + (", ".join(names[:20]) or "nothing")],
                       f"Put the file into {_server_folder(s, folder)}, then press R in the UI (refresh) or restart "
                       "the server")
        else:
            yield ok(f"comfyui.server-nodes.{folder}", f"The server's {node} lists {', '.join(klein[:4])}", [src])
    if not missing and (types is None or rules["clip_type"] in types):
        yield ok("comfyui.server-nodes.ok", "The server has EmptyFlux2LatentImage, Flux2Scheduler and the flux2 CLIP type", [src])


def _server_folder(s: dict[str, Any], folder: str) -> str:
    """The first folder the server itself searches for this type (/internal/folder_paths), else ComfyUI's default."""
    paths = ((s.get("folder_paths") or {}).get("paths") or {}).get(folder) or []
    return f"{paths[0]} (the server's first {folder} folder)" if paths else \
        f"ComfyUI/models/{folder}/ of the install the server runs"


def _model_identities(facts: dict[str, Any]) -> dict[str, dict[str, Any]]:
    from ..comfyui.workflow import header_family
    from ..safetensors_id import identity_of

    out = {}
    for f in ((facts.get("models") or {}).get("files") or []):
        if isinstance(f, dict) and f.get("name"):
            out[str(f["name"]).replace("\\", "/").split("/")[-1].lower()] = header_family(identity_of(f))
    return out


def _is_klein_file(name: str, folder: str, known: dict[str, dict[str, Any]], name_identity) -> bool:
    idt = known.get(name.replace("\\", "/").split("/")[-1].lower()) or name_identity(name) or {}
    fam = str(idt.get("family") or "")
    return {"diffusion_models": fam.startswith("flux2-klein"), "text_encoders": fam in ("qwen3-4b", "qwen3-8b"),
            "vae": fam.startswith("flux2")}[folder]
