"""Model files area: are the variant's files there, where ComfyUI's loaders look, whole, the
published bytes, and really the model their name says (only the header tells a FLUX.1 VAE from a
FLUX.2 one), with every layer it needs. The probe records raw facts (paths, sizes, header summaries,
sha256s computed); every comparison with manifests/models.toml and signatures.toml happens here, with
the manifests current now, so replaying old facts judges with a corrected manifest."""

from __future__ import annotations

import shlex
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from ..comfyui.folders import loader_labels, role_folders
from ..findings import Fix, fail, info, ok, skip, warn
from ..registry import check
from ..safetensors_id import identity_of
from ..shells import Move, Run, make_fix
from ..sizes import exact as _size, human  # the one size formatter

from ._common import given_path_problem, os_name

AREA = "Model files"
ROLE_FOLDERS = role_folders()  # manifests/comfyui.toml [folders], [[loader]]
LOADER = loader_labels()
ROLE_WORD = {"diffusion_model": "diffusion model", "text_encoder": "text encoder", "vae": "VAE"}
SYMPTOM = {"vae": "wrong VAE: distorted colours / washed-out images, or a latent-channel mismatch at decode",
           "text_encoder": "wrong text encoder: 'mat1 and mat2 shapes cannot be multiplied' at sampling",
           "diffusion_model": "wrong transformer: a shape error at load or a wrong-family model"}
INCOMPLETE_SYMPTOM = {
    "text_encoder": "ComfyUI loads it without complaint but prints 'clip missing: [...]' and the images come out black",
    "diffusion_model": "ComfyUI prints 'unet missing: [...]' and the images are noise or black",
    "vae": "ComfyUI fails at VAE decode or decodes garbage"}
ENCODER_FOR = {"4b": "qwen3-4b", "9b": "qwen3-8b"}
SIG_LABEL = {"flux2-klein-4b": "FLUX.2 [klein] 4B transformer", "flux2-klein-9b": "FLUX.2 [klein] 9B transformer",
             "flux2-vae": "FLUX.2 VAE", "flux2-small-decoder": "FLUX.2 VAE with the small decoder",
             "qwen3-4b": "Qwen3-4B text encoder", "qwen3-8b": "Qwen3-8B text encoder"}


# ------------------------------------------------------------------------------------------ helpers
def _m(facts: dict[str, Any]) -> dict[str, Any]:
    return facts.get("models") or {}


def manifest(facts: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The models manifest to judge with (--manifest, else the built-in one), and why it cannot be used."""
    from .. import manifests
    from ..probes.models import load_models_manifest

    opts = facts.get("options") or {}
    path = opts.get("manifest")
    if path and not Path(path).is_file():
        return {}, f"--manifest {path} was recorded with these facts but is not on this machine"
    try:
        return load_models_manifest({"manifest": path}), None
    except manifests.ManifestError as exc:
        return {}, str(exc)


def _variants(facts: dict[str, Any]) -> list[dict[str, Any]]:
    return list(manifest(facts)[0].get("variant") or [])


_FILES: dict[int, tuple[list[Any], list[dict[str, Any]]]] = {}


def model_files(facts: dict[str, Any]) -> list[dict[str, Any]]:
    """The probe's file records, each with its ``identity`` judged now from its header summary (the same
    objects on every call for one facts document, so checks can match them by identity)."""
    raw = _m(facts).get("files") or []
    hit = _FILES.get(id(raw))
    if hit is not None and hit[0] is raw:
        return hit[1]
    out = [{**f, "identity": identity_of(f)} for f in raw if isinstance(f, dict) and f.get("name")]
    if len(_FILES) > 16:
        _FILES.clear()
    _FILES[id(raw)] = (raw, out)
    return out


def _is_windows(facts: dict[str, Any]) -> bool:
    return os_name(facts).lower().startswith("win")


def _join(folder: str, name: str, windows: bool) -> str:
    return str((PureWindowsPath if windows else PurePosixPath)(folder) / name)


def _url(facts: dict[str, Any], spec: dict[str, Any]) -> str:
    tmpl = manifest(facts)[0].get("url_template") or "https://huggingface.co/{repo}/resolve/{revision}/{repo_path}"
    return tmpl.format(repo=spec.get("repo"), revision=spec.get("revision") or "main", repo_path=spec.get("repo_path"))


def comfy_variant(facts: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """The variant the ComfyUI files are judged against: --variant, else the one whose transformer is
    present (the default when several or none are)."""
    comfy = [v for v in _variants(facts) if v.get("comfyui")]
    wanted = (facts.get("options") or {}).get("variant")
    if wanted:
        v = next((v for v in _variants(facts) if v.get("id") == wanted), None)
        if v is None:
            return None, f"unknown variant {wanted!r}; known: {', '.join(x['id'] for x in _variants(facts))}"
        if not v.get("comfyui"):
            return None, f"variant {wanted!r} is a diffusers variant; ComfyUI variants: {', '.join(x['id'] for x in comfy)}"
        return v, f"--variant {wanted}"
    names = {f["name"] for f in model_files(facts)}
    present = [v for v in comfy if any(s["name"] in names for f in v["comfyui"]["files"] if f["role"] == "diffusion_model"
                                       for s in [f, *f.get("alternates", [])])]
    default = next((v for v in comfy if "comfyui" in (v.get("default_for") or [])), comfy[0] if comfy else None)
    if default in present or not present:
        return default, "the default" if not present else "its transformer is present (the default)"
    return present[0], f"its transformer {present[0]['comfyui']['files'][0]['name']} is present"


def role_specs(row: dict[str, Any]) -> list[dict[str, Any]]:
    return [{**row, "alternates": None}] + [{**a, "role": row["role"], "folder": row["folder"]} for a in row.get("alternates", [])]


def resolve_role(facts: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """Which file answers for this role: by name in a loader folder, by name elsewhere (misplaced),
    or by header under another name in a loader folder."""
    specs = role_specs(row)
    names = {s["name"] for s in specs}
    idents = {s.get("identity") for s in specs}
    files = model_files(facts)
    good = ROLE_FOLDERS[row["role"]]
    by_name = [f for f in files if f["name"] in names]
    placed = [f for f in by_name if f["folder_type"] in good]
    rank = lambda f: (not f["integrity"]["ok"], f["identity"].get("id") not in idents, f["folder_type"] != good[0])  # noqa: E731
    if placed:
        return {"state": "present", "file": sorted(placed, key=rank)[0], "specs": specs}
    if by_name:
        return {"state": "misplaced", "file": sorted(by_name, key=rank)[0], "specs": specs}
    renamed = [f for f in files if f["folder_type"] in good and f["identity"].get("id") in idents and f["integrity"]["ok"]]
    if renamed:
        return {"state": "renamed", "file": renamed[0], "specs": specs}
    return {"state": "missing", "file": None, "specs": specs}


def _plan(facts: dict[str, Any]) -> tuple[dict[str, Any] | None, list[tuple[dict[str, Any], dict[str, Any]]]]:
    v, _ = comfy_variant(facts)
    if v is None:
        return None, []
    return v, [(row, resolve_role(facts, row)) for row in v["comfyui"]["files"]]


def _comfy_ready(facts: dict[str, Any]) -> bool:
    c = _m(facts).get("comfyui") or {}
    return bool(c.get("found"))


def _default_folder(facts: dict[str, Any], folder_type: str) -> str:
    c = _m(facts).get("comfyui") or {}
    entries = (c.get("model_folders") or {}).get(folder_type) or []
    named = [e for e in entries if str(e.get("path", "")).replace("\\", "/").rstrip("/").endswith("/" + folder_type)]
    best = next((e for e in named + entries if e.get("is_default")), (named + entries)[0] if entries else None)
    if best:
        return best["path"]
    root = c.get("models_root") or "ComfyUI/models"
    return _join(root, folder_type, _is_windows(facts))


def _install_fix(facts: dict[str, Any], v: dict[str, Any], spec: dict[str, Any], folder: str, prefix: str = "",
                 replace: bool = False) -> Fix:
    """`klein-doctor install` aimed at the folder judged here (install's own search from the working folder would
    miss a --comfyui or --models-dir given to check); `replace`: a wrong or damaged file holds the name, which
    install refuses to touch without --force (it then moves that file aside, never deletes it)."""
    from ..installer.plan import install_where, manifest_args

    gated = " (gated: accept the licence on the model page and log in with hf auth login first)" if v.get("gated") else ""
    argv = ["klein-doctor", "install", "--path", "comfyui", "--variant", v["id"],
            *install_where(_m(facts).get("comfyui") or {}, facts.get("comfyui_tree")), *manifest_args(facts)]
    how = "the command shown"
    if replace:
        argv.append("--force")
        how += "; --force moves the file there aside to a .backup-<time> name"
    return make_fix(facts, f"{prefix}Get it with klein-doctor install ({how}), or download {_url(facts, spec)} "
                    f"into {folder}{gated}", [Run(argv)])


def _diffusers_install(facts: dict[str, Any], r: dict[str, Any] | None, text: str, replace: bool = False) -> Fix:
    """`klein-doctor install --path diffusers` for the snapshot judged here (installer.plan.diffusers_install_args:
    its variant, the --model-dir folder, --force for a plain folder's damaged files, check's --manifest)."""
    from ..installer.plan import diffusers_install_args

    return make_fix(facts, text, [Run(["klein-doctor", "install", "--path", "diffusers",
                                       *diffusers_install_args(facts, r, replace)])])


def _published(facts: dict[str, Any], role: str, identity: str | None) -> list[dict[str, Any]]:
    """Every manifest row (file and alternate, every variant) of this role and header identity with a size."""
    from ..probes.models import all_specs

    return [s for s in all_specs(manifest(facts)[0]) if s.get("role") == role and s.get("identity") == identity
            and isinstance(s.get("size"), int)]


def _describe(f: dict[str, Any]) -> str:
    i = f.get("identity") or {}
    dt = f" ({i['dtype']})" if i.get("dtype") else ""
    return f"{f['path']}: {i.get('label') or 'unknown'}{dt}, {_size(f.get('size'))}, in {f['folder_type']} ({f.get('folder_source')})"


def _diffusers_spec(facts: dict[str, Any], repo: dict[str, Any]) -> dict[str, Any]:
    """The manifest's [variant.diffusers] table for a gathered repo (by variant id, else by repo name)."""
    for v in _variants(facts):
        d = v.get("diffusers")
        if isinstance(d, dict) and (v.get("id") == repo.get("variant") or d.get("repo") == repo.get("repo")):
            return d
    return {}


# ------------------------------------------------------------------------------------------ checks
@check("models.found", area=AREA, title="A ComfyUI install or a Hugging Face snapshot of Klein is found",
       needs=["models"], optional=["comfyui_tree"])
def models_found(facts: dict[str, Any]):
    m = _m(facts)
    opts = facts.get("options") or {}
    _, bad_manifest = manifest(facts)
    if bad_manifest:
        yield fail("models.manifest.unusable", f"The models manifest cannot be used: {bad_manifest}", [],
                   "Fix the file or drop --manifest to use the built-in one")
    comfy = m.get("comfyui")
    hf = m.get("hf")
    comfy_found = bool(comfy and comfy.get("found"))
    hf_found = bool(hf and any(r.get("found") for r in hf.get("repos") or []))
    if comfy_found or hf_found:
        where = []
        if comfy_found:
            where.append(f"ComfyUI models at {comfy.get('models_root') or comfy.get('root')} (from {comfy.get('from')})")
        if hf_found:
            # a --model-dir folder is only given, not yet known to hold a snapshot (models.diffusers judges it)
            where += [f"--model-dir {r.get('folder')} for {r['repo']}" if r.get("local") else
                      f"diffusers snapshot {r['repo']} at {r.get('snapshot') or r.get('folder')}"
                      for r in hf["repos"] if r.get("found")]
        yield ok("models.found", "; ".join(where))
        return
    searched = []
    if comfy is not None:
        searched.append("ComfyUI: " + (comfy.get("models_root") or "no install found (COMFYUI_PATH, the current folder "
                                                                       "and its parents, comfy-cli and Desktop defaults)"))
    if hf is not None:
        searched.append(f"Hugging Face cache: {hf.get('model_dir') or hf.get('hub_dir')} ({'--model-dir' if hf.get('model_dir') else hf.get('hub_source')})")
    path = opts.get("path")
    if path == "diffusers":
        return  # models.diffusers says it, with the diffusers fix
    what = {"comfyui": "No ComfyUI install found", "diffusers": "No Klein snapshot found in the Hugging Face cache"}.get(
        path, "Neither a ComfyUI install nor a Klein snapshot in the Hugging Face cache was found")
    tree = facts.get("comfyui_tree") or {}
    cause = None
    bad_dir = given_path_problem((comfy or {}).get("root_state"), "the models folder", (comfy or {}).get("root"))
    if (comfy or {}).get("from") == "--models-dir" and bad_dir:
        what = f"--models-dir {comfy.get('root')} {bad_dir}"
    elif tree.get("explicit_not_comfyui") and comfy is not None and not opts.get("models_dir"):
        from .comfyui import not_comfyui_phrase

        what = f"--comfyui {tree['explicit_not_comfyui']} {not_comfyui_phrase(tree)}"
        cause = "comfyui.install.not-comfyui"  # that finding says it first, when the comfyui checks run
    yield warn("models.none-found", f"{what}: model files not checked", searched,
               "Point at your install with klein-doctor check --comfyui DIR (the folder with main.py; or --models-dir DIR), "
               "or at a diffusers snapshot with --model-dir DIR; to download: klein-doctor install", cause=cause)


@check("models.present", area=AREA, title="The variant's files are where ComfyUI's loaders look",
       needs=["models"], optional=["system", "comfyui_tree"],
       paths=["comfyui"])
def models_present(facts: dict[str, Any]):
    if not _comfy_ready(facts):
        return
    v, why = comfy_variant(facts)
    if v is None:
        yield fail("models.variant.unknown", f"Cannot judge the ComfyUI files: {why}", [],
                   "Pass one of the listed ids to --variant")
        return
    win = _is_windows(facts)
    others = model_files(facts)
    for row, r in _plan(facts)[1]:
        word = ROLE_WORD[row["role"]]
        f = r["file"]
        if r["state"] == "present":
            wrong = f["identity"].get("id") not in {s.get("identity") for s in r["specs"]} and \
                (f["identity"].get("id") is not None or f["integrity"]["ok"] or f["identity"].get("tensors", 0) != 0)
            yield ok(f"models.present.{row['role']}", f"{word}: {f['name']} is in {f['folder_type']} ({f.get('folder_source')})",
                     [_describe(f), f"variant {v['id']} ({why})"],
                     cause=f"models.identity.{row['role']}" if wrong else None)
        elif r["state"] == "renamed":
            yield info(f"models.renamed.{row['role']}",
                       f"{word}: {f['name']} is a {f['identity']['label']} under another name than {row['name']}; "
                       f"pick it in {LOADER[row['role']]}", [_describe(f)])
        elif r["state"] == "misplaced":
            dest = _default_folder(facts, row["folder"])
            cmd = make_fix(facts, f"Move it into {dest}", [Move(f["path"], dest)])
            yield fail(f"models.misplaced.{row['role']}",
                       f"{word}: {f['name']} is in {f['folder_type']}, where {LOADER[row['role']]} does not look",
                       [_describe(f), f"{LOADER[row['role']]} searches: {', '.join(ROLE_FOLDERS[row['role']])}"], cmd)
        else:
            dest = _default_folder(facts, row["folder"])
            evidence = [f"looked for {', '.join(sorted({s['name'] for s in r['specs']}))} in "
                        f"{', '.join(ROLE_FOLDERS[row['role']])} and elsewhere under models/", f"variant {v['id']} ({why})"]
            instead = [x for x in others if x["identity"].get("role") == row["role"] and x["folder_type"] in ROLE_FOLDERS[row["role"]]]
            evidence += [f"present but not usable for this variant: {_describe(x)}" for x in instead[:5]]
            yield fail(f"models.missing.{row['role']}", f"{word} {row['name']} is missing from {dest} (needed by {v['id']})",
                       evidence, _install_fix(facts, v, row, dest))


@check("models.identity", area=AREA, title="Each file's header says it is the model its name promises",
       needs=["models"], optional=["system", "comfyui_tree"],
       paths=["comfyui"])
def models_identity(facts: dict[str, Any]):
    if not _comfy_ready(facts):
        return
    v, plan = _plan(facts)
    if v is None:
        return
    chosen: dict[str, dict[str, Any]] = {}
    for row, r in plan:
        f = r["file"]
        if f is None:
            continue
        chosen[row["role"]] = f
        want = {s.get("identity") for s in r["specs"]}
        have = f["identity"].get("id")
        if have in want and f["identity"].get("complete") is False:
            sizes = sorted({s["size"] for s in _published(facts, row["role"], have)})
            dest = _default_folder(facts, row["folder"])
            yield fail(f"models.incomplete.{row['role']}",
                       f"{f['name']} is an incomplete {f['identity'].get('label')}: "
                       + "; ".join(f["identity"].get("missing") or []),
                       [_describe(f)] + ([f"the published file is {' or '.join(_size(x) for x in sizes)}"] if sizes else [])
                       + [INCOMPLETE_SYMPTOM[row["role"]]],
                       _install_fix(facts, v, row, dest, "Replace it with the whole file. ", replace=True))
            continue
        if have in want:
            continue
        if have is None and not f["integrity"]["ok"] and f["identity"].get("tensors", 0) == 0:
            continue  # unreadable header: the integrity check reports it
        want_label = " or ".join(sorted({SIG_LABEL.get(w, w) for w in want if w}))
        evidence = [_describe(f), f"expected: {want_label} ({SYMPTOM[row['role']]})"]
        if have is None:
            evidence.append("top-level keys: " + ", ".join(f["identity"].get("top_prefixes") or []))
        dest = _default_folder(facts, row["folder"])
        yield fail(f"models.identity.{row['role']}",
                   f"{f['name']} is a {f['identity'].get('label')}, not the {want_label}", evidence,
                   _install_fix(facts, v, row, dest, "Replace it with the right file. ", replace=True))
    # companions: the transformer and encoder must be the same size class
    dm, te = chosen.get("diffusion_model"), chosen.get("text_encoder")
    if dm and te and dm["identity"].get("family") == "flux2-klein" and te["identity"].get("family") == "qwen3":
        need = ENCODER_FOR.get(dm["identity"].get("size_class") or "")
        if need and te["identity"].get("id") != need:
            # the widths the encoders produce, from manifests/errors.toml (the explain table)
            from .. import manifests

            fams = {"qwen3-4b": "klein-4b", "qwen3-8b": "klein-9b"}
            rows = {r.get("family"): str(r["width"]) for r in manifests.load("errors").get("text_width", [])}
            width = {enc: rows.get(fam, "?") for enc, fam in fams.items()}
            yield fail("models.identity.pair",
                       f"{dm['name']} ({dm['identity']['label']}) needs the {SIG_LABEL[need]}, but {te['name']} is a "
                       f"{te['identity']['label']}",
                       [f"ComfyUI then fails with 'mat1 and mat2 shapes cannot be multiplied (512x{width.get(te['identity']['id'], '?')} "
                        f"and {width.get(need, '?')}x...)'"],
                       f"Use the text encoder of variant {v['id']}: {v['comfyui']['files'][1]['name']}")
    # a wrong-size sibling the user may pick by mistake
    variant_size = (chosen.get("diffusion_model") or {}).get("identity", {}).get("size_class") or \
        next((s for s in ("9b", "4b") if s in str(v.get("model") or v.get("id") or "")), None)
    need_te = ENCODER_FOR.get(variant_size or "")
    for f in model_files(facts):
        i = f["identity"]
        if f["folder_type"] in ROLE_FOLDERS["text_encoder"] and i.get("family") == "qwen3" and need_te and i.get("id") != need_te \
                and f is not te:
            yield warn("models.identity.sibling-encoder",
                       f"{f['name']} in {f['folder_type']} is a {i['label']}: with {v['id']} pick the {SIG_LABEL[need_te]} in CLIPLoader",
                       [_describe(f), SYMPTOM["text_encoder"]])


@check("models.integrity", area=AREA, title="Files are whole: header offsets and size match",
       needs=["models"], optional=["system", "comfyui_tree"],
       paths=["comfyui"])
def models_integrity(facts: dict[str, Any]):
    if not _comfy_ready(facts):
        return
    v, plan = _plan(facts)
    wanted = {id(r["file"]): (row, r) for row, r in plan if r["file"] is not None}
    for f in model_files(facts):
        integ = f["integrity"]
        hit = wanted.get(id(f))
        if not integ["ok"] and integ.get("unreadable"):  # could not be looked at: not damage, nothing to delete
            why = {"permission": "permission denied", "special": "not a regular file"}.get(integ["unreadable"], "read error")
            yield (fail if hit else warn)(
                f"models.integrity.{'unreadable' if hit else 'other-unreadable'}",
                f"{f['name']} cannot be read ({why})", [_describe(f), integ.get("problem") or ""],
                f"Make {f['path']} a regular file your user can read (e.g. chmod a+r on it); it was not judged"
                if integ["unreadable"] != "special" else
                f"Replace {f['path']} (a FIFO, device or folder, not a file) with the model file")
            continue
        if not integ["ok"]:
            fix: Fix | str = ("Get it again from where it came from (it is not a file of the Klein variant judged "
                              "here, so klein-doctor does not fetch it), or delete it if it is not needed")
            if hit and v:
                fix = _install_fix(facts, v, hit[0], _default_folder(facts, hit[0]["folder"]), "Download it again. ", replace=True)
            make = fail if hit else warn
            yield make(f"models.integrity.{'broken' if hit else 'other-broken'}",
                       f"{f['name']} is damaged: {integ['problem'].split(':')[0]}",
                       [_describe(f), integ["problem"]], fix)
            continue
        if hit:
            row, r = hit
            sizes = [s.get("size") for s in r["specs"] if s["name"] == f["name"]]
            right = f["identity"].get("id") in {s.get("identity") for s in r["specs"]}
            if f["identity"].get("complete") is False:
                continue  # models.incomplete says it, with the sizes
            # every size this variant publishes for the role (any name, any alternate) with this header identity
            role_sizes = sorted({s["size"] for s in r["specs"] if s.get("identity") == f["identity"].get("id")
                                 and isinstance(s.get("size"), int)})
            unsized = [f"{s.get('repo')}/{s.get('repo_path')}" for s in r["specs"]
                       if s.get("identity") == f["identity"].get("id") and not isinstance(s.get("size"), int)]
            if sizes and all(sizes) and f["size"] not in sizes and right:
                yield fail("models.integrity.size",
                           f"{f['name']} is {f['size']:,} bytes; the published file is {' or '.join(f'{s:,}' for s in sizes)}",
                           [_describe(f), "the header is self-consistent, so this is a different build of the file "
                                          "(re-saved, re-quantised or another release)"],
                           _install_fix(facts, v, row, _default_folder(facts, row["folder"]), "Replace it with the published file. ", replace=True))
            elif right and role_sizes and f["size"] not in role_sizes:
                yield warn("models.integrity.size-unpublished",
                           f"{f['name']} is {f['size']:,} bytes, the size of no published {f['identity'].get('label')} "
                           f"({' or '.join(f'{x:,}' for x in role_sizes)})",
                           [_describe(f), "the header is whole and every layer is there, so this is another build "
                                          "(a re-save, another quantisation or a fine-tune): it may work, but no "
                                          "published hash can vouch for it"]
                           + ([f"no size is published for {', '.join(unsized)}"] if unsized else []),
                           _install_fix(facts, v, row, _default_folder(facts, row["folder"]),
                                        "If images look wrong, replace it with the published file. ", replace=True))
            elif right:
                yield ok("models.integrity.ok", f"{f['name']}: header and size agree ({_size(f['size'])})")


@check("models.hash", area=AREA, title="Files have the published sha256",
       needs=["models"], optional=["system", "comfyui_tree"], paths=["comfyui"])
def models_hash(facts: dict[str, Any]):
    if not _comfy_ready(facts):
        return
    v, plan = _plan(facts)
    for row, r in plan:
        f = r["file"]
        if f is None:
            continue
        named = [x for x in r["specs"] if x["name"] == f["name"]]
        expected = sorted({x["sha256"] for x in named if x.get("sha256")})
        state = hash_verdict(f, named)
        if state in ("verified", "cached"):
            yield ok("models.hash.verified", f"{f['name']}: sha256 matches the published file"
                     + (" (remembered from an earlier check)" if state == "cached" else ""), [f"sha256 {f['sha256']}"])
        elif state == "mismatch":
            yield fail("models.hash.mismatch", f"{f['name']}: sha256 does not match the published file",
                       [_describe(f), f"sha256 {f['sha256']}", "published: " + ", ".join(expected)],
                       _install_fix(facts, v, row, _default_folder(facts, row["folder"]), "Download it again. ", replace=True))
        elif state == "skipped":
            why = "--no-hash" if (facts.get("options") or {}).get("no_hash") else "its size or header is already wrong"
            yield skip("models.hash.skipped", f"{f['name']}: sha256 not checked ({why})")
        elif state == "not-gathered":
            yield skip("models.hash.not-gathered", f"{f['name']}: sha256 not checked (the manifest the facts were "
                       "gathered with published no hash for it; run check again on the machine)",
                       ["published now: " + ", ".join(expected)])
        elif state == "error":
            yield skip("models.hash.skipped", f"{f['name']}: sha256 not checked (the file could not be read: "
                       f"{f.get('hash_error') or 'read error'})")
        else:
            nohash = [x for x in named if not x.get("sha256")]
            evidence = [_describe(f)]
            if f.get("sha256"):
                evidence.append(f"sha256 {f['sha256']} matches no published hash; "
                                + ", ".join(f"{x['repo']}/{x['repo_path']}" for x in nohash) + " has none published")
            yield info("models.hash.unknown", f"{f['name']}: not verifiable by hash (no published sha256 for this copy)",
                       evidence)


def hash_verdict(f: dict[str, Any], named: list[dict[str, Any]]) -> str:
    """verified | cached | mismatch | skipped | not-gathered | error | unknown-hash: the recorded sha256 against
    the hashes the manifest publishes now for this file name (``named``: its rows)."""
    expected = {x["sha256"] for x in named if x.get("sha256")}
    state = f.get("hash_state")
    sha = f.get("sha256")
    if sha:
        if sha in expected:
            return "cached" if state == "cached" else "verified"
        if not expected or any(not x.get("sha256") for x in named):
            return "unknown-hash"  # an accepted copy with no published hash may be this one
        return "mismatch"
    if not expected:
        return "unknown-hash"
    if state == "skipped":
        return "skipped"
    if state in ("error", "unreadable"):
        return "error"
    sizes = [x.get("size") for x in named]
    if not f.get("integrity", {}).get("ok") or (all(sizes) and f.get("size") not in sizes):
        return "skipped"
    return "not-gathered"


@check("models.fp8", area=AREA, title="FP8 files suit this GPU",
       needs=["models", "gpu"], optional=["system", "comfyui_tree"], paths=["comfyui"])
def models_fp8(facts: dict[str, Any]):
    from ..platform_rules import device_cc, has_fp8, sm_name
    from ..safetensors_id import dtype_is_fp8

    from ._common import selected_gpu

    if not _comfy_ready(facts):
        return
    dev, _ = selected_gpu(facts)
    if dev is None:
        return
    cc, _ = device_cc(dev)
    if has_fp8(cc) is not False:
        return
    _, plan = _plan(facts)
    fp8 = [r["file"] for _, r in plan if r["file"] and dtype_is_fp8(r["file"]["identity"].get("dtype"))]
    if fp8:
        yield info("models.fp8.no-tensor-cores",
                   f"{', '.join(f['name'] for f in fp8)} {'is' if len(fp8) == 1 else 'are'} FP8 but the {dev.get('name')} "
                   f"({sm_name(cc)}) has no FP8 tensor cores: it works and saves VRAM, but runs no faster than BF16",
                   ["FP8 tensor cores exist from sm_89 (Ada) on"],
                   "For speed with enough VRAM use the BF16 files: `klein-doctor install --path comfyui --variant klein-4b-bf16`")


@check("models.diffusers", area=AREA, title="The diffusers snapshot is complete and intact",
       needs=["models"], optional=["system"],
       paths=["diffusers"])
def models_diffusers(facts: dict[str, Any]):
    m = _m(facts)
    hf = m.get("hf")
    if hf is None:
        return
    repos = hf.get("repos") or []
    found = [r for r in repos if r.get("found")]
    opts = facts.get("options") or {}
    if not found:
        if opts.get("path") == "diffusers" or (m.get("comfyui") or {}).get("found"):
            names = ", ".join(r["repo"] for r in repos) or "none in the manifest"
            make = fail if opts.get("path") == "diffusers" else info
            title = f"No Klein snapshot in the Hugging Face cache ({names})"
            if hf.get("model_dir"):
                state = hf.get("model_dir_state")
                bad_dir = given_path_problem(state, "the snapshot folder", hf.get("model_dir"))
                title = f"No Klein snapshot in --model-dir {hf['model_dir']}" + (
                    f": {'the folder' if state == 'missing' else 'it'} {bad_dir}" if bad_dir else f" ({names})")
            yield make("models.diffusers.missing", title,
                       [f"searched {hf.get('model_dir') or hf.get('hub_dir')} ({'--model-dir' if hf.get('model_dir') else hf.get('hub_source')})"],
                       _diffusers_install(facts, repos[0] if len(repos) == 1 else None,
                                          "Download it, or point at a local copy with --model-dir DIR"),
                       subject=repos[0].get("repo") if len(repos) == 1 else None)
        return
    for r in found:
        name = r.get("repo")
        where = r.get("snapshot") or r.get("folder")
        if r.get("note") and not r.get("snapshot"):
            yield fail("models.diffusers.no-snapshot", f"{name}: {r['note']}", [f"folder {r.get('folder')}"],
                       _diffusers_install(facts, r, "Finish the download"), subject=name)
            continue
        problems = list(r.get("problems") or [])  # facts gathered by an older probe carried judged text
        if r.get("index_error"):
            problems.append(r["index_error"])
        want_class = _diffusers_spec(facts, r).get("pipeline_class")
        if want_class and r.get("pipeline_class") and r["pipeline_class"] != want_class \
                and not any("model_index.json says" in p for p in problems):
            problems.append(f"model_index.json says {r['pipeline_class']!r}, not {want_class!r}")
        if r.get("missing_components"):
            problems.append("missing components: " + ", ".join(r["missing_components"]))
        if r.get("missing_files"):
            problems.append("missing weight files: " + ", ".join(r["missing_files"][:6]))
        published = {x["repo_path"]: x.get("sha256") for x in _diffusers_spec(facts, r).get("files") or []
                     if isinstance(x, dict) and x.get("repo_path")}
        # blobs are judged against their own names (the probe did that); a --model-dir copy's sha256 against
        # the one the manifest publishes now
        bad = [f for f in r.get("files") or [] if f.get("hash_state") in ("mismatch", "missing")
               or (f.get("sha256") and f.get("blob_name") and f["sha256"] != f["blob_name"])
               or (r.get("local") and f.get("sha256") and published.get(f.get("repo_path"))
                   and f["sha256"] != published[f["repo_path"]])]
        if r.get("incomplete_downloads"):
            problems.append(f"{len(r['incomplete_downloads'])} download(s) in progress in blobs/ (*.incomplete, lock held)")
        gone = r.get("orphans") or r.get("removed_orphans")  # removed_orphans: facts saved by older versions
        if gone:
            yield warn("models.diffusers.orphans",
                       f"{name}: {len(gone)} partial download(s) left by an interrupted run hold "
                       f"{human(sum(o.get('size') or 0 for o in gone))}",
                       [f"{o.get('name')} ({o.get('size')} bytes)" for o in gone[:6]] +
                       ["huggingface_hub does not resume these across runs; no download lock was held"],
                       _diffusers_install(facts, r, "Run klein-doctor install: it removes them and completes the snapshot"),
                       subject=name)
        if problems:
            # the headline names what is missing (issue 14: an incomplete snapshot names its missing components)
            said = [p for p in problems if not p.startswith(("missing components:", "missing weight files:"))][:2]
            if r.get("missing_components"):
                said.append("missing " + ", ".join(r["missing_components"]))
            if r.get("missing_files"):
                n = len(r["missing_files"])
                said.append(f"{n} weight file{'' if n == 1 else 's'} missing")
            head = "; ".join(said)
            head = head if len(head) <= 240 else head[:239].rstrip() + "…"
            yield fail("models.diffusers.incomplete", f"{name}: the snapshot is incomplete or not Klein"
                       + (f" ({head})" if head else ""),
                       [f"snapshot {where}"] + problems,
                       _diffusers_install(facts, r, "The download resumes and completes the snapshot"), subject=name)
        if bad:
            yield fail("models.diffusers.corrupt",
                       f"{name}: {len(bad)} file(s) do not hash to their blob name (damaged download)",
                       [f"{f['repo_path']}: " + (f"blob {f.get('blob_name')}, " if f.get("blob_name") else
                                                 f"published {published.get(f['repo_path'])}, ")
                        + f"content sha256 {f.get('sha256')} ({'missing' if f.get('hash_state') == 'missing' else 'mismatch'})"
                        for f in bad[:6]],
                       _diffusers_install(facts, r, "Download the damaged files again: install replaces what does not "
                                          "hash right (a plain folder's files are moved aside to .backup-<time> names)",
                                          replace=True), subject=name)
        if not problems and not bad:
            verified = [f for f in r.get("files") or [] if f.get("hash_state") in ("verified", "cached", "hashed")]
            skipped = any(f.get("hash_state") == "skipped" for f in r.get("files") or [])
            tail = "sha256 not checked (--no-hash)" if skipped else f"{len(verified)} large file(s) re-hashed to their blob names"
            yield ok("models.diffusers.ok", f"{name}: {r.get('pipeline_class')} snapshot complete "
                     f"({', '.join(r.get('components') or [])}); {tail}", [f"snapshot {where}"], subject=name)
