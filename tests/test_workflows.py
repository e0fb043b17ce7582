"""Workflow lint: every official Klein template is clean with its files present; each deliberate mistake
(derived from a template or one of the captured API prompts) is caught."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from doctor.checks.workflows import build_context, lint
from doctor.comfyui import workflow
from doctor.pipeline import run_one, select_checks
from doctor.probes import ProbeContext
from doctor.probes.comfyui import comfyui_tree_probe, workflows_probe
from tests.comfy_trees import git_tree, sparse
from tests.conftest import codes as doc_codes
from tests.conftest import run_json

FOLDER_OF = {"UNETLoader": "diffusion_models", "CLIPLoader": "text_encoders", "VAELoader": "vae"}


def templates(shared: Path) -> list[Path]:
    return sorted((shared / "fixtures" / "templates").glob("*.json"))


def gather(root: Path, wf_paths: list[Path], extra: dict | None = None) -> dict:
    """The real probes on a real tree, then the facts a check sees."""
    ctx = ProbeContext(options={"path": "comfyui", "comfyui": str(root), "workflows": [str(p) for p in wf_paths],
                                "no_server": True})
    ctx.results["comfyui_tree"] = comfyui_tree_probe(ctx)
    facts = {"options": ctx.options, "probe_errors": {}, "comfyui_tree": ctx.results["comfyui_tree"],
             "comfyui_server": {"contacted": False}, **(extra or {})}
    ctx.results.update(extra or {})
    facts["workflows"] = workflows_probe(ctx)
    return facts


def lint_findings(facts: dict):
    (c,) = [c for c in select_checks(None) if c.id == "workflows.lint"]
    return run_one(c, facts)


def codes(fs, status=None):
    return {f.code for f in fs if status is None or f.status.value == status}


def above_info(fs):
    return [f for f in fs if f.status.value in ("warn", "fail", "error")]


def place_files(root: Path, wf_paths: list[Path]) -> None:
    for p in wf_paths:
        for folder, names in workflow.referenced_files(workflow.load(p)).items():
            for n in names:
                sparse(root / "models" / folder / n)


def test_every_template_is_clean_with_files_present(shared, tmp_path):
    root = git_tree(tmp_path)
    tps = templates(shared)
    assert len(tps) == 7
    place_files(root, tps)
    facts = gather(root, tps)
    fs = lint_findings(facts)
    assert above_info(fs) == []
    assert sum(f.code == "workflows.ok" for f in fs) == len(tps)


def test_templates_clean_with_header_identities_from_models_probe(shared, tmp_path):
    root = git_tree(tmp_path)
    tps = templates(shared)
    fam = {"qwen_3_4b.safetensors": ("text_encoder", "qwen3-4b"), "qwen_3_8b_fp8mixed.safetensors": ("text_encoder", "qwen3-8b"),
           "flux2-vae.safetensors": ("vae", "flux2-vae"), "full_encoder_small_decoder.safetensors": ("vae", "flux2-small-decoder")}
    files = []
    for p in tps:
        for folder, names in workflow.referenced_files(workflow.load(p)).items():
            for n in names:
                role, family = fam.get(n, ("diffusion_model", "flux2-klein-9b" if "9b" in n else "flux2-klein-4b"))
                files.append({"path": str(root / "models" / folder / n), "name": n, "folder_type": folder,
                              "identity": {"id": n, "role": role, "family": family, "label": family}})
    facts = gather(root, tps, {"models": {"files": files}})
    assert above_info(lint_findings(facts)) == []


def _edit_template(shared: Path, name: str, fn) -> dict:
    data = json.loads((shared / "fixtures" / "templates" / name).read_text(encoding="utf-8"))
    for sg in data["definitions"]["subgraphs"]:
        for n in sg["nodes"]:
            fn(n)
    for n in data["nodes"]:
        fn(n)
    return data


def _write(tmp_path: Path, data: dict, name: str = "wf.json") -> Path:
    p = tmp_path / name
    p.write_text(json.dumps(data), encoding="utf-8")
    return p


def _set(ntype: str, idx: int, value):
    def fn(n):
        if n.get("type") == ntype:
            n["widgets_values"][idx] = value
    return fn


def _retype(old: str, new: str):
    def fn(n):
        if n.get("type") == old:
            n["type"] = new
    return fn


def _strip_instance_values(n):
    if isinstance(n.get("widgets_values"), list) and len(n["widgets_values"]) == 5:
        n["widgets_values"] = []


MISTAKES = [
    ("clip type flux", "image_flux2_klein_text_to_image.json", _set("CLIPLoader", 1, "flux"), "workflows.clip-type", "fail"),
    ("EmptyLatentImage", "image_flux2_klein_text_to_image.json", _retype("EmptyFlux2LatentImage", "EmptyLatentImage"),
     "workflows.wrong-latent", "fail"),
    ("width 1000", "image_flux2_klein_text_to_image.json", _set("EmptyFlux2LatentImage", 0, 1000), "workflows.latent-size", "warn"),
    ("base settings on distilled", "image_flux2_klein_image_edit_4b_distilled.json", _set("Flux2Scheduler", 0, 20),
     "workflows.steps", "warn"),
    ("cfg 5 on distilled", "image_flux2_klein_image_edit_9b_distilled.json", _set("CFGGuider", 0, 5), "workflows.cfg", "warn"),
    ("4 steps on base", "image_flux2_klein_image_edit_9b_base.json", _set("Flux2Scheduler", 0, 4), "workflows.steps", "warn"),
    ("cfg 1 on base", "image_flux2_text_to_image_9b.json", _set("CFGGuider", 0, 1), "workflows.cfg", "warn"),
    ("9B encoder with 4B", "image_flux2_klein_text_to_image.json", _set("CLIPLoader", 0, "qwen_3_8b_fp8mixed.safetensors"),
     "workflows.pairing-te", "fail"),
    ("steps 0", "image_flux2_klein_text_to_image.json", _set("Flux2Scheduler", 0, 0), "workflows.steps", "fail"),
]


@pytest.mark.parametrize("label,template,edit,code,status", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_template_mistake_is_caught(shared, tmp_path, label, template, edit, code, status):
    root = git_tree(tmp_path)

    def both(n):
        edit(n)
        _strip_instance_values(n)  # so the edited inner value is the one in force

    p = _write(tmp_path, _edit_template(shared, template, both))
    place_files(root, [p])
    fs = lint_findings(gather(root, [p]))
    assert code in codes(fs, status), [f.title for f in fs]


def test_instance_values_override_inner_values(shared, tmp_path):
    """A user changes the model on the subgraph node: the lint must judge that file, not the stored one."""
    data = json.loads((shared / "fixtures" / "templates" / "image_flux2_klein_image_edit_4b_distilled.json").read_text())
    for n in data["nodes"]:
        if n.get("id") == 75:
            n["widgets_values"][1] = "qwen_3_8b_fp8mixed.safetensors"
    wf = workflow.parse(data)
    clip = [n for sc in wf["scopes"] for n in sc["nodes"] if n["type"] == "CLIPLoader"]
    assert [c["widgets"]["clip_name"] for c in clip] == ["qwen_3_8b_fp8mixed.safetensors"]  # node 92 is bypassed
    assert "workflows.pairing-te" in {i.code for i in lint(wf, {})}


def test_file_missing_and_flux1_vae_from_header_identity(shared, tmp_path):
    root = git_tree(tmp_path)
    p = shared / "fixtures" / "templates" / "image_flux2_klein_text_to_image.json"
    sparse(root / "models" / "diffusion_models" / "flux-2-klein-4b.safetensors")
    sparse(root / "models" / "text_encoders" / "qwen_3_4b.safetensors")
    fs = lint_findings(gather(root, [p]))
    missing = [f for f in fs if f.code == "workflows.file-missing"]
    assert {m.title.split(" loads ")[1].split(",")[0] for m in missing} == {"flux-2-klein-base-4b.safetensors",
                                                                          "flux2-vae.safetensors"}
    assert all("models/" in m.fix for m in missing)
    files = [{"path": "x", "name": n, "folder_type": f, "identity": {"id": n, "role": r, "family": fam, "label": lab}}
             for n, f, r, fam, lab in [
                 ("flux-2-klein-4b.safetensors", "diffusion_models", "diffusion_model", "flux2-klein-4b", "Klein 4B"),
                 ("flux-2-klein-base-4b.safetensors", "unet", "diffusion_model", "flux2-klein-4b", "Klein 4B base"),
                 ("qwen_3_4b.safetensors", "text_encoders", "text_encoder", "qwen3-4b", "Qwen3-4B"),
                 ("flux2-vae.safetensors", "vae", "vae", "flux1-vae", "FLUX.1 VAE")]]
    fs = lint_findings(gather(root, [p], {"models": {"files": files}}))
    assert codes(fs, "fail") == {"workflows.pairing-vae"}
    assert "FLUX.1 VAE (read from the file header)" in " ".join(e for f in fs for e in f.evidence)


@pytest.fixture
def prompts(shared):
    return shared / "fixtures" / "comfyui" / "prompts"


def _api_ctx(shared, present: bool = True):
    info = json.loads((shared / "fixtures" / "comfyui" / "object_info.empty.json").read_text())
    tiny = {"diffusion_models": {"tiny-flux-2-klein-4b-random.safetensors"},
            "text_encoders": {"tiny-qwen_3_4b-1layer-random.safetensors"}, "vae": {"tiny-flux2-vae-random.safetensors"}}
    return {"node_names": set(info), "node_source": "object_info.empty.json",
            "exists": lambda folder, name: (name in tiny.get(folder, set()), "the captured server's file lists")}


@pytest.mark.parametrize("prompt,expected", [
    ("good.json", set()),
    ("bad_cliptype_flux.json", {"workflows.clip-type"}),
    ("runtime_wrong_te_type.json", {"workflows.clip-type"}),
    ("bad_values.json", {"workflows.steps", "workflows.latent-size"}),
    ("bad_missing_unet.json", {"workflows.file-missing"}),
    ("bad_missing_te_and_vae.json", {"workflows.file-missing"}),
    ("bad_unknown_node.json", {"workflows.node-missing"}),
    ("bad_no_output.json", {"workflows.no-output"}),
])
def test_captured_api_prompts(shared, prompts, prompt, expected):
    wf = workflow.load(prompts / prompt)
    assert wf["format"] == "api" and wf["error"] is None
    issues = lint(wf, _api_ctx(shared))
    assert {i.code for i in issues if i.status.value in ("warn", "fail")} == expected


def test_kv_node_needs_newer_install_without_server(shared, tmp_path):
    root = git_tree(tmp_path, version="0.12.0")
    p = shared / "fixtures" / "templates" / "image_flux2_klein_9b_kv_image_edit.json"
    place_files(root, [p])
    fs = lint_findings(gather(root, [p]))
    (f,) = above_info(fs)
    assert f.code == "workflows.node-too-new" and "FluxKVCache" in f.title and "0.17.0" in f.title


def test_unreadable_and_foreign_files(tmp_path):
    root = git_tree(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    (root / "user" / "default" / "workflows" / "broken.json").write_text("[1,", encoding="utf-8")
    fs = lint_findings(gather(root, [bad, other, tmp_path / "nope.json"]))
    by = [(f.code, f.status.value) for f in fs]
    assert by.count(("workflows.unreadable", "fail")) == 3
    assert ("workflows.unreadable", "warn") in by  # found in the install, not named by the user
    assert any("line 1, column 3" in f.title for f in fs)


def test_a_workflow_saved_with_a_utf8_bom_is_read_as_comfyui_reads_it(shared, tmp_path):
    """Notepad's "UTF-8 with BOM" (the default of older Windows 10 Notepad) put a byte-order mark before a workflow a
    user edited; ComfyUI's frontend drops it when the file is opened (the browser's UTF-8 decode), and the lint said
    `not JSON (Unexpected UTF-8 BOM)` with a fix to export it again (lead, stop 51). It is read as the same workflow;
    a UTF-16 file, which the frontend cannot open, stays unreadable."""
    root = git_tree(tmp_path)
    src = next(p for p in templates(shared) if p.name == "image_flux2_klein_text_to_image.json")
    bom, plain, wide = tmp_path / "bom.json", tmp_path / "plain.json", tmp_path / "wide.json"
    plain.write_bytes(src.read_bytes())
    bom.write_bytes(b"\xef\xbb\xbf" + src.read_bytes())
    wide.write_bytes(b"\xff\xfe" + src.read_bytes().decode("utf-8").encode("utf-16-le"))
    a, b = workflow.load(bom), workflow.load(plain)
    assert a["error"] is None and {k: v for k, v in a.items() if k != "path"} == {k: v for k, v in b.items() if k != "path"}
    place_files(root, [plain])
    fs = lint_findings(gather(root, [bom]))
    assert "workflows.unreadable" not in codes(fs) and not above_info(fs), [(f.code, f.title) for f in fs]
    assert workflow.load(wide)["error"] and "workflows.unreadable" in codes(lint_findings(gather(root, [wide])), "fail")


def test_install_workflows_are_found(shared, tmp_path):
    root = git_tree(tmp_path)
    src = shared / "fixtures" / "templates" / "image_flux2_klein_text_to_image.json"
    data = json.loads(src.read_text())
    (root / "user" / "default" / "workflows" / "mine.json").write_text(json.dumps(data), encoding="utf-8")
    place_files(root, [src])
    facts = gather(root, [])
    assert [f["origin"] for f in facts["workflows"]["files"]] == ["install"]
    assert codes(lint_findings(facts)) == {"workflows.ok"}


def test_no_workflows_is_skip(tmp_path):
    root = git_tree(tmp_path)
    assert codes(lint_findings(gather(root, []))) == {"workflows.none"}


def test_cli_end_to_end(shared, tmp_path):
    root = git_tree(tmp_path)
    p = _write(tmp_path, _edit_template(shared, "image_flux2_klein_text_to_image.json", _set("CLIPLoader", 1, "flux")))
    place_files(root, [p])
    rc, doc = run_json("--path", "comfyui", "--comfyui", str(root), "--workflow", str(p), "--no-server",
                       "--check", "workflows", "--check", "comfyui", "--no-redact")
    assert rc == 1
    assert "workflows.clip-type" in doc_codes(doc, "fail")
    assert "comfyui.version.ok" in doc_codes(doc, "ok")
    assert doc["facts"]["comfyui_tree"]["layout"] == "git"


def test_workflow_folder_lints_every_workflow_in_it(shared, tmp_path):
    """`--workflow user/default/workflows` (a folder) once failed with 'cannot be read: is a directory' and the fix
    'Export the workflow again'. A folder's .json workflows are each linted (hidden folders skipped); a folder
    with none, or a path that does not exist, says so with 'Check the path', not 'export again'."""
    root = git_tree(tmp_path)
    wfs = tmp_path / "workflows"
    (wfs / "klein").mkdir(parents=True)
    (wfs / ".trash").mkdir()
    good = shared / "fixtures" / "templates" / "image_flux2_klein_text_to_image.json"
    (wfs / "klein" / "t2i.json").write_text(good.read_text())
    bad = _write(tmp_path, _edit_template(shared, "image_flux2_klein_text_to_image.json", _set("CLIPLoader", 1, "flux")))
    (wfs / "wrong-type.json").write_text(bad.read_text())
    (wfs / ".trash" / "old.json").write_text("{not json")
    (tmp_path / "empty").mkdir()
    rc, doc = run_json("--path", "comfyui", "--comfyui", str(root), "--workflow", str(wfs), "--workflow",
                       str(tmp_path / "empty"), "--workflow", str(tmp_path / "nope.json"), "--no-server",
                       "--check", "workflows", "--no-redact")
    linted = sorted(Path(f["path"]).name for f in doc["facts"]["workflows"]["files"] if not f.get("error"))
    assert linted == ["t2i.json", "wrong-type.json"]
    assert "workflows.clip-type" in doc_codes(doc, "fail")
    unread = {f["title"]: f["fix"]["text"] for f in doc["findings"] if f["code"] == "workflows.unreadable"}
    assert set(unread) == {f"{tmp_path / 'empty'}: a folder with no .json workflow in it",
                           f"{tmp_path / 'nope.json'}: the file does not exist"}
    assert all(t.startswith("Check the path") for t in unread.values())
    # the probe says which paths name no workflow (the check reads that fact, not the error's wording)
    states = {Path(f["path"]).name: f["path_state"] for f in doc["facts"]["workflows"]["files"]}
    assert states == {"empty": "empty-folder", "nope.json": "missing", "t2i.json": None, "wrong-type.json": None}


def test_a_workflow_folder_cut_by_the_bound_stays_said_beside_the_install_folder(tmp_path):
    """A --workflow folder with more workflows than the bound is said truncated even when the install's own
    workflows folder, read after it, is small (its count once overwrote the flag)."""
    root = git_tree(tmp_path)
    wf = root / "user" / "default" / "workflows"
    wf.mkdir(parents=True, exist_ok=True)
    (wf / "one.json").write_text("{}")
    big = tmp_path / "big"
    big.mkdir()
    for i in range(201):
        (big / f"w{i:03}.json").write_text("{}")
    facts = gather(root, [big])
    assert facts["workflows"]["truncated"] is True and len(facts["workflows"]["files"]) == 201
    assert "workflows.truncated" in codes(lint_findings(facts))
    assert gather(root, [])["workflows"]["truncated"] is False


# ------------------------------------------------------------------------------------------ issue 14: Klein signals
DATA = Path(__file__).parent / "data" / "workflows"


def _api(unet="flux-2-klein-4b-fp8.safetensors", clip="qwen_3_4b.safetensors", clip_type="flux2",
         vae="flux2-vae.safetensors", latent="EmptyLatentImage", sampler_nodes=True) -> dict:
    p = {"1": {"class_type": "UNETLoader", "inputs": {"unet_name": unet, "weight_dtype": "default"}},
         "2": {"class_type": "CLIPLoader", "inputs": {"clip_name": clip, "type": clip_type}},
         "3": {"class_type": "VAELoader", "inputs": {"vae_name": vae}},
         "4": {"class_type": "CLIPTextEncode", "inputs": {"clip": ["2", 0], "text": "x"}},
         "6": {"class_type": latent, "inputs": {"width": 1024, "height": 1024, "batch_size": 1}},
         "7": {"class_type": "KSampler", "inputs": {"model": ["1", 0], "positive": ["4", 0], "negative": ["4", 0],
                                                    "latent_image": ["6", 0], "seed": 1, "steps": 4, "cfg": 1,
                                                    "sampler_name": "euler", "scheduler": "simple", "denoise": 1}},
         "8": {"class_type": "VAEDecode", "inputs": {"samples": ["7", 0], "vae": ["3", 0]}},
         "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0], "filename_prefix": "x"}}}
    return p


def _lint_data(tmp_path: Path, data: dict, ctx: dict | None = None):
    return lint(workflow.load(_write(tmp_path, data)), ctx or {})


def test_public_klein_9b_recipe_gets_both_failures():
    """A fine-tuned UNET (…klein….safetensors), qwen_3_8b_fp8mixed, CLIPLoader type flux, plain EmptyLatentImage:
    it passed as 'no FLUX.2 [klein] pipeline in it' (issue 14)."""
    wf = workflow.load(DATA / "public_klein9b_recipe.json")
    fs = lint(wf, {})
    assert codes(fs, "fail") == {"workflows.clip-type", "workflows.wrong-latent"}
    assert "workflows.not-klein" not in codes(fs)
    assert all(f.evidence[0] == f"workflow: {wf['path']}" for f in fs)
    assert "'klein' in the file name" in fs[0].evidence[1]


@pytest.mark.parametrize("label,kw", [
    ("flux2-vae alone", {"unet": "my_finetune.safetensors"}),
    ("qwen3 in a flux CLIPLoader alone", {"unet": "my_finetune.safetensors", "vae": "other_vae.safetensors",
                                          "clip_type": "flux"}),
    ("klein in the UNET name alone", {"unet": "KleinMix_v2.safetensors", "vae": "other_vae.safetensors",
                                      "clip": "te.safetensors", "clip_type": "flux"}),
])
def test_each_klein_signal_alone_is_enough(tmp_path, label, kw):
    fs = _lint_data(tmp_path, _api(**kw))
    assert "workflows.wrong-latent" in codes(fs, "fail"), [f.title for f in fs]


def test_z_image_workflow_is_not_klein(tmp_path):
    """Qwen3-4B is also Z-Image's encoder: with type lumina2, FLUX.1's ae and EmptySD3LatentImage it is no Klein."""
    fs = _lint_data(tmp_path, _api(unet="z_image_turbo_bf16.safetensors", clip_type="lumina2", vae="ae.safetensors",
                                   latent="EmptySD3LatentImage"))
    assert codes(fs) == {"workflows.not-klein"}


def test_header_of_another_family_outweighs_a_flux2_vae(tmp_path):
    ctx = {"identity": lambda folder, name: ({"family": "flux1", "label": "FLUX.1", "from": "file header"}
                                             if folder == "diffusion_models" else workflow.name_identity(name))}
    fs = _lint_data(tmp_path, _api(unet="flux1-dev.safetensors", clip_type="lumina2"), ctx)
    assert codes(fs) == {"workflows.not-klein"}


def test_pairing_from_headers_on_disk_without_the_models_probe(tmp_path):
    """A renamed 9B transformer (no size in its name) with the 4B encoder: only the headers tell, and the
    workflows probe reads them itself when the models probe did not run."""
    import stfiles as st

    root = git_tree(tmp_path)
    st.write(root / "models/diffusion_models/my_model.safetensors", st.klein_9b(fp8=True))
    st.write(root / "models/text_encoders/encoder.safetensors", st.qwen3_4b())
    st.write(root / "models/vae/flux2-vae.safetensors", st.flux2_vae())
    data = _api(unet="my_model.safetensors", clip="encoder.safetensors", latent="EmptyFlux2LatentImage")
    facts = gather(root, [_write(tmp_path, data, "api.json")])
    fs = lint_findings(facts)
    (f,) = [f for f in fs if f.code == "workflows.pairing-te"]
    assert "flux2-klein-9b" in f.title and "qwen3-4b" in f.title
    assert "FLUX.2 [klein] 9B transformer (read from the file header)" in f.evidence[1]
    assert above_info(fs) == [f]


def test_promoted_proxy_widget_values_are_judged(shared, tmp_path):
    """A subgraph instance whose promoted widget (properties.proxyWidgets) sets the encoder: that value wins."""
    data = json.loads((shared / "fixtures" / "templates" / "image_flux2_klein_text_to_image.json").read_text())
    sg = data["definitions"]["subgraphs"][0]
    clip = next(n for n in sg["nodes"] if n.get("type") == "CLIPLoader")
    inst = next(n for n in data["nodes"] if n.get("type") == sg["id"])
    inst["properties"] = {**(inst.get("properties") or {}), "proxyWidgets": [[str(clip["id"]), "clip_name"]]}
    inst["widgets_values"] = ["qwen_3_8b_fp8mixed.safetensors"]
    fs = lint(workflow.parse(data) | {"path": "wf.json"}, {})
    assert "workflows.pairing-te" in codes(fs, "fail"), [f.title for f in fs]


def _self_containing(copies: int) -> dict:
    sid = "aaaaaaaa-0000-4000-8000-000000000001"
    inner = [{"id": i + 1, "type": sid, "mode": 0} for i in range(copies)]
    return {"nodes": [{"id": 1, "type": sid, "mode": 0}],
            "definitions": {"subgraphs": [{"id": sid, "name": "loop", "nodes": inner}]}}


def test_subgraph_containing_itself_is_one_finding_fast(tmp_path):
    p = _write(tmp_path, _self_containing(3), "loop.json")
    assert p.stat().st_size < 700  # the 606-byte file that reached 4 GB
    import time
    t = time.perf_counter()
    wf = workflow.load(p)
    assert time.perf_counter() - t < 1
    assert wf["error_code"] == "workflows.subgraph-cycle" and "contains itself" in wf["error"]
    root = git_tree(tmp_path)
    fs = lint_findings(gather(root, [p]))
    assert [(f.code, f.status.value) for f in fs] == [("workflows.subgraph-cycle", "fail")]


def test_exponential_subgraph_nesting_is_bounded(tmp_path):
    """No cycle, but each of 8 levels uses the next one 10 times: 10**8 nodes if expanded."""
    ids = [f"bbbbbbbb-0000-4000-8000-{i:012d}" for i in range(8)]
    subgraphs = [{"id": ids[i], "name": f"level {i}",
                  "nodes": [{"id": j, "type": ids[i + 1], "mode": 0} for j in range(10)] if i < 7
                  else [{"id": 1, "type": "SaveImage", "mode": 0}]} for i in range(8)]
    data = {"nodes": [{"id": 1, "type": ids[0], "mode": 0}], "definitions": {"subgraphs": subgraphs}}
    wf = workflow.load(_write(tmp_path, data, "deep.json"))
    assert wf["error_code"] == "workflows.too-large" and "20,000 nodes" in wf["error"]


def test_two_subgraphs_containing_each_other(tmp_path):
    a, b = "aaaaaaaa-0000-4000-8000-00000000000a", "aaaaaaaa-0000-4000-8000-00000000000b"
    data = {"nodes": [{"id": 1, "type": a, "mode": 0}],
            "definitions": {"subgraphs": [{"id": a, "name": "outer", "nodes": [{"id": 1, "type": b, "mode": 0}]},
                                          {"id": b, "name": "inner", "nodes": [{"id": 1, "type": a, "mode": 0}]}]}}
    wf = workflow.load(_write(tmp_path, data, "ab.json"))
    assert wf["error_code"] == "workflows.subgraph-cycle"
    assert "'outer' -> 'inner' -> 'outer'" in wf["error"]


def test_gguf_loaders_are_judged_like_the_core_ones(tmp_path):
    """Many public Klein workflows load GGUF files through city96's ComfyUI-GGUF nodes."""
    def gguf(clip="Qwen3-4B-Q4_K_M.gguf", clip_type="flux2") -> dict:
        p = _api(latent="EmptyFlux2LatentImage")
        p["1"] = {"class_type": "UnetLoaderGGUF", "inputs": {"unet_name": "flux-2-klein-4b-Q4_K_M.gguf"}}
        p["2"] = {"class_type": "CLIPLoaderGGUF", "inputs": {"clip_name": clip, "type": clip_type}}
        return p

    assert above_info(_lint_data(tmp_path, gguf())) == []
    assert codes(_lint_data(tmp_path, gguf(clip_type="flux")), "fail") == {"workflows.clip-type"}
    fs = _lint_data(tmp_path, gguf(clip="Qwen3-8B-Q4_K_M.gguf"))
    assert codes(fs, "fail") == {"workflows.pairing-te"} and "CLIPLoaderGGUF (node 2)" in fs[0].title
    # on disk: the models probe lists no .gguf, so a GGUF file is looked up in the folders, not called missing
    root = git_tree(tmp_path)
    sparse(root / "models" / "unet" / "flux-2-klein-4b-Q4_K_M.gguf")
    sparse(root / "models" / "text_encoders" / "Qwen3-4B-Q4_K_M.gguf")
    sparse(root / "models" / "vae" / "flux2-vae.safetensors")
    facts = gather(root, [_write(tmp_path, gguf(), "g.json")],
                   {"models": {"files": [{"name": "flux2-vae.safetensors", "folder_type": "vae", "path": "x"}]}})
    assert above_info(lint_findings(facts)) == []


def test_flux2_dev_recipe_is_not_judged_as_a_klein_mistake(tmp_path):
    """FLUX.2 [dev] shares the FLUX.2 VAE and nodes: its recipe (UNET flux2_dev_fp8mixed, CLIPLoader type flux2 with
    mistral_3_small_flux2_fp8, as in public ComfyUI client code found with the search tool) gets no failure."""
    p = _api(unet="flux2_dev_fp8mixed.safetensors", clip="mistral_3_small_flux2_fp8.safetensors",
             latent="EmptyFlux2LatentImage")
    assert above_info(_lint_data(tmp_path, p)) == []
