"""Model-file checks end to end: `python -m doctor check --json` on sparse files with real headers."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
import stfiles as st
from conftest import codes, run_json
from shellcheck_win import fix_lines, fix_str
from hf_trees import hub_cache

FOLDERS = ("diffusion_models", "text_encoders", "vae", "checkpoints", "loras", "unet", "clip")


def comfy(tmp_path: Path) -> Path:
    root = tmp_path / "ComfyUI"
    (root / "comfy").mkdir(parents=True)
    (root / "main.py").write_text("# ComfyUI\n")
    for f in FOLDERS:
        (root / "models" / f).mkdir(parents=True)
    return root


def good_4b(root: Path) -> None:
    m = root / "models"
    st.write(m / "diffusion_models/flux-2-klein-4b-fp8.safetensors", st.klein_4b(fp8=True), total_size=st.SIZE_KLEIN_4B_FP8)
    st.write(m / "text_encoders/qwen_3_4b.safetensors", st.qwen3_4b(), total_size=st.SIZE_QWEN3_4B)
    st.write(m / "vae/flux2-vae.safetensors", st.flux2_vae(), total_size=st.SIZE_FLUX2_VAE)


def env(tmp_path: Path) -> dict[str, str]:
    return {"KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "cache"), "HF_HUB_CACHE": str(tmp_path / "hub"),
            "HF_HOME": str(tmp_path / "hf"), "COMFYUI_PATH": ""}


def check(tmp_path: Path, *args: str) -> tuple[int, dict]:
    return run_json("--check", "models", *args, env=env(tmp_path), cwd=tmp_path)


def model_findings(doc: dict) -> list[dict]:
    return [f for f in doc["findings"] if f["area"] == "Model files"]


def by_code(doc: dict, code: str) -> dict:
    found = [f for f in doc["findings"] if f["code"] == code]
    assert found, (code, [(f["code"], f["title"]) for f in doc["findings"]], doc.get("probe_errors") or doc.get("errors"))
    return found[0]


def test_complete_4b_fp8_set(tmp_path):
    root = comfy(tmp_path)
    good_4b(root)
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--no-hash")
    assert {"models.present.diffusion_model", "models.present.text_encoder", "models.present.vae"} <= codes(doc, "ok")
    assert not [f for f in model_findings(doc) if f["status"] in ("fail", "warn", "error")], model_findings(doc)
    files = {f["name"]: f for f in doc["facts"]["models"]["files"]}
    k = files["flux-2-klein-4b-fp8.safetensors"]
    assert "identity" not in k and "manifest" not in doc["facts"]["models"]  # raw facts only: judged by the checks
    assert k["header"]["dtype"] == "fp8-e4m3" and k["header"]["blocks"]["double_blocks"]["n"] == 5
    assert k["header"]["keys"]["txt_in.weight"] == ["BF16", [3072, 7680]]
    assert k["size"] == st.SIZE_KLEIN_4B_FP8 and k["hash_state"] == "skipped" and k["folder_type"] == "diffusion_models"
    assert "models.hash.skipped" in codes(doc, "skip")


def test_flux1_vae_saved_as_flux2_vae(tmp_path):
    root = comfy(tmp_path)
    good_4b(root)
    st.write(root / "models/vae/flux2-vae.safetensors", st.flux1_vae(), total_size=st.SIZE_FLUX1_AE)
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--no-hash")
    assert rc == 1
    f = by_code(doc, "models.identity.vae")
    assert f["status"] == "fail" and "is a FLUX.1 VAE" in f["title"] and "FLUX.2 VAE" in f["title"]
    assert "klein-doctor install --path comfyui --variant klein-4b-fp8" in fix_str(f["fix"])
    assert "Comfy-Org/flux2-dev/resolve/main/split_files/vae/flux2-vae.safetensors" in fix_str(f["fix"])
    assert "models.integrity.size" not in codes(doc)  # one finding for one problem


def test_sdxl_vae_and_flux1_transformer_in_place_of_klein(tmp_path):
    root = comfy(tmp_path)
    good_4b(root)
    st.write(root / "models/vae/flux2-vae.safetensors", st.sdxl_vae())
    st.write(root / "models/diffusion_models/flux-2-klein-4b-fp8.safetensors", st.flux1_transformer())
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--no-hash")
    assert "SD 1.5 / SDXL VAE" in by_code(doc, "models.identity.vae")["title"]
    assert "FLUX.1 transformer" in by_code(doc, "models.identity.diffusion_model")["title"]


def test_qwen3_8b_beside_klein_4b(tmp_path):
    root = comfy(tmp_path)
    good_4b(root)
    st.write(root / "models/text_encoders/qwen_3_8b_fp8mixed.safetensors", st.qwen3_8b(fp8mixed=True))
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--no-hash")
    f = by_code(doc, "models.identity.sibling-encoder")
    assert f["status"] == "warn" and "Qwen3-8B" in f["title"] and "Qwen3-4B" in f["title"]


def test_9b_transformer_with_the_4b_encoder(tmp_path):
    root = comfy(tmp_path)
    m = root / "models"
    st.write(m / "diffusion_models/flux-2-klein-9b-fp8.safetensors", st.klein_9b(fp8=True), total_size=st.SIZE_KLEIN_9B_FP8)
    st.write(m / "text_encoders/qwen_3_8b_fp8mixed.safetensors", st.qwen3_4b())  # a 4B encoder under the 9B name
    st.write(m / "vae/flux2-vae.safetensors", st.flux2_vae(), total_size=st.SIZE_FLUX2_VAE)
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--no-hash")
    assert rc == 1
    assert "klein-9b-fp8" in by_code(doc, "models.present.diffusion_model")["evidence"][1]  # variant auto-detected
    assert "Qwen3-4B" in by_code(doc, "models.identity.text_encoder")["title"]
    pair = by_code(doc, "models.identity.pair")
    assert "12288" in pair["evidence"][0] and "7680" in pair["evidence"][0]


def test_truncated_encoder(tmp_path):
    root = comfy(tmp_path)
    good_4b(root)
    st.write(root / "models/text_encoders/qwen_3_4b.safetensors", st.qwen3_4b(), truncate_to=3_000_000_000)
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root))
    f = by_code(doc, "models.integrity.broken")
    assert f["status"] == "fail" and "qwen_3_4b.safetensors is damaged: truncated" in f["title"]
    assert "Download it again" in fix_str(f["fix"])
    # install stops at a damaged file holding the name unless --force moves it aside: the command carries it
    assert fix_lines(f["fix"], "posix")[0].endswith(f"--comfyui {root} --force")
    te = next(x for x in doc["facts"]["models"]["files"] if x["name"] == "qwen_3_4b.safetensors")
    assert te["hash_state"] == "not-hashed" and te["sha256"] is None  # nothing to hash in a file already known broken
    assert "models.hash.skipped" in codes(doc, "skip")


def test_vae_in_a_folder_the_loader_does_not_search(tmp_path):
    root = comfy(tmp_path)
    good_4b(root)
    os.replace(root / "models/vae/flux2-vae.safetensors", root / "models/checkpoints/flux2-vae.safetensors")
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--no-hash")
    f = by_code(doc, "models.misplaced.vae")
    assert f["status"] == "fail" and "VAELoader does not look" in f["title"]
    assert fix_lines(f["fix"], "posix") == [f"mv -n {root}/models/checkpoints/flux2-vae.safetensors {root}/models/vae/"]


def test_missing_files_name_the_install_command_and_url(tmp_path):
    root = comfy(tmp_path)
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--variant", "klein-9b-fp8", "--no-hash")
    f = by_code(doc, "models.missing.diffusion_model")
    assert "klein-doctor install --path comfyui --variant klein-9b-fp8" in fix_str(f["fix"])
    assert "FLUX.2-klein-9b-fp8/resolve/main/flux-2-klein-9b-fp8.safetensors" in fix_str(f["fix"]) and "gated" in fix_str(f["fix"])
    assert {"models.missing.text_encoder", "models.missing.vae"} <= codes(doc, "fail")


def test_nothing_found_is_said_once(tmp_path):
    rc, doc = check(tmp_path, "--no-hash")
    mf = model_findings(doc)
    assert [f["code"] for f in mf if f["status"] != "ok"] == ["models.none-found"], mf
    assert "--comfyui" in fix_str(mf[0]["fix"]) and "--model-dir" in fix_str(mf[0]["fix"])


def test_unknown_variant(tmp_path):
    """A live `check --variant klein-99b` is a usage error before anything runs (it was said only where files
    were found to judge); facts replayed with a variant the manifest no longer has still get the finding."""
    from conftest import run_cli

    from doctor import pipeline

    root = comfy(tmp_path)
    r = run_cli("check", "--path", "comfyui", "--comfyui", str(root), "--variant", "klein-99b", "--check", "models",
                env=env(tmp_path), cwd=tmp_path)
    assert r.returncode == 2 and not r.stdout
    assert r.stderr.startswith("klein-doctor: --variant klein-99b: no such variant (did you mean ")
    assert "klein-9b-fp8?)" in r.stderr
    assert "known: klein-4b-fp8," in r.stderr
    for alias in ("klein-base-4b", "FLUX.2-klein-base-4B"):  # the smoke run's ids (targets.toml) are no usage error
        r = run_cli("check", "--path", "diffusers", "--variant", alias, "--check", "models", env=env(tmp_path),
                    cwd=tmp_path)
        assert r.returncode != 2 and "no such variant" not in r.stderr, (alias, r.stderr)
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--variant", "klein-9b-fp8")
    facts = doc["facts"]
    facts["options"]["variant"] = "klein-99b"
    found = pipeline.run_checks(facts, pipeline.select_checks(["models"], "comfyui"))
    assert "klein-4b-fp8" in next(f for f in found if f.code == "models.variant.unknown").title


def _small_manifest(tmp_path: Path, files: dict[str, tuple[str, str, bytes]]) -> Path:
    """A --manifest with one variant whose files are small real files with their real sha256."""
    rows = []
    for role, (folder, name, data) in files.items():
        rows.append(f'[[variant.comfyui.files]]\nrole = "{role}"\nfolder = "{folder}"\nname = "{name}"\n'
                    f'repo = "test/mirror"\nrepo_path = "{name}"\nrevision = "main"\nsize = {len(data)}\n'
                    f'sha256 = "{hashlib.sha256(data).hexdigest()}"\nidentity = "{ {"vae": "flux2-vae", "text_encoder": "qwen3-4b", "diffusion_model": "flux2-klein-4b"}[role] }"\n'
                    f'source = "test"\ntag = "[M]"\n')
    text = ('[[variant]]\nid = "mirror"\ndefault_for = ["comfyui"]\nmodel = "klein-4b"\ndistilled = true\ndtype = "bf16"\n'
            'gated = false\nsteps = 4\nguidance = 1.0\nsource = "test"\ntag = "[M]"\n[variant.comfyui]\n' + "\n".join(rows))
    p = tmp_path / "mirror.toml"
    p.write_text(text)
    return p


def test_sha256_verified_then_cached_then_mismatch(tmp_path):
    root = comfy(tmp_path)
    # only the identifying tensors of the FLUX.2 VAE: a small file with real bytes to hash
    keys = ("decoder.conv_in.weight", "encoder.conv_out.weight", "encoder.quant_conv.weight", "bn.running_mean")
    vae = st.write(root / "models/vae/flux2-vae.safetensors", {k: st.flux2_vae()[k] for k in keys})
    with open(vae, "r+b") as fh:  # real bytes in the data area, still sparse-free and small
        fh.seek(vae.stat().st_size - 4096)
        fh.write(os.urandom(4096))
    data = vae.read_bytes()
    man = _small_manifest(tmp_path, {"vae": ("vae", "flux2-vae.safetensors", data)})
    args = ("--path", "comfyui", "--comfyui", str(root), "--manifest", str(man))
    rc, doc = check(tmp_path, *args)
    assert by_code(doc, "models.hash.verified")["status"] == "ok"
    rc, doc = check(tmp_path, *args)
    f = by_code(doc, "models.hash.verified")
    assert "remembered" in f["title"]
    assert doc["facts"]["models"]["files"][0]["hash_state"] == "cached"
    with open(vae, "r+b") as fh:
        fh.seek(vae.stat().st_size - 10)
        fh.write(b"0123456789")
    rc, doc = check(tmp_path, *args)
    f = by_code(doc, "models.hash.mismatch")
    assert f["status"] == "fail" and hashlib.sha256(data).hexdigest() in f["evidence"][2]


def _hub(tmp_path: Path, corrupt: bool = False, drop: str | None = None, cls: str = "Flux2KleinPipeline") -> Path:
    return hub_cache(tmp_path, "black-forest-labs/FLUX.2-klein-4B", cls=cls, corrupt=corrupt, drop=drop)


@pytest.mark.skipif(os.name == "nt", reason="symlinked HF cache layout")
def test_diffusers_snapshot_verified_offline(tmp_path):
    _hub(tmp_path)
    rc, doc = check(tmp_path, "--path", "diffusers")
    f = by_code(doc, "models.diffusers.ok")
    assert "Flux2KleinPipeline" in f["title"] and "3 large file(s) re-hashed" in f["title"]
    assert rc == 0


@pytest.mark.skipif(os.name == "nt", reason="symlinked HF cache layout")
def test_diffusers_corrupt_blob_and_missing_component(tmp_path):
    _hub(tmp_path, corrupt=True)
    rc, doc = check(tmp_path, "--path", "diffusers")
    f = by_code(doc, "models.diffusers.corrupt")
    assert f["status"] == "fail" and "vae/diffusion_pytorch_model.safetensors" in f["evidence"][0]
    assert f["subject"] == "black-forest-labs/FLUX.2-klein-4B"  # the snapshot it judges, for fix and scripts
    assert by_code(doc, "models.found")["subject"] is None
    import shutil
    shutil.rmtree(tmp_path / "hub")
    _hub(tmp_path, drop="transformer", cls="Flux2Pipeline")
    rc, doc = check(tmp_path, "--path", "diffusers", "--no-hash")
    f = by_code(doc, "models.diffusers.incomplete")
    assert any("missing components: transformer" in e for e in f["evidence"])
    # the headline names what is wrong, not only that something is (issue 14)
    assert f["title"] == ("black-forest-labs/FLUX.2-klein-4B: the snapshot is incomplete or not Klein "
                          "(model_index.json says 'Flux2Pipeline', not 'Flux2KleinPipeline'; missing transformer)")
    assert any("'Flux2Pipeline', not 'Flux2KleinPipeline'" in e for e in f["evidence"])
    (repo,) = [r for r in doc["facts"]["models"]["hf"]["repos"] if r["found"]]  # the probe records what is there; the check judged it
    assert repo["pipeline_class"] == "Flux2Pipeline" and repo["missing_components"] == ["transformer"]
    assert "problems" not in repo and repo["index_error"] is None


def test_diffusers_not_found(tmp_path):
    rc, doc = check(tmp_path, "--path", "diffusers")
    f = by_code(doc, "models.diffusers.missing")
    assert f["status"] == "fail" and "klein-doctor install --path diffusers" in fix_str(f["fix"])
    assert "models.none-found" not in codes(doc)


def test_a_model_folder_given_that_is_a_typo_or_a_file_is_said_so(tmp_path):
    """--model-dir and --models-dir naming nothing (a typo) or a file: the finding says that of the path given,
    not "No Klein snapshot in the Hugging Face cache" or "No ComfyUI install found" as if nothing had been given."""
    (tmp_path / "notes.txt").write_text("x")
    rc, doc = check(tmp_path, "--path", "diffusers", "--model-dir", str(tmp_path / "FLUX.2-klein-4b"), "--no-redact")
    f = by_code(doc, "models.diffusers.missing")
    assert f["title"] == (f"No Klein snapshot in --model-dir {tmp_path / 'FLUX.2-klein-4b'}: the folder does not exist "
                          "(a typo, or a path with spaces given without quotes?)") and f["status"] == "fail"
    assert doc["facts"]["models"]["hf"]["model_dir_state"] == "missing"
    rc, doc = check(tmp_path, "--path", "diffusers", "--model-dir", str(tmp_path / "notes.txt"), "--no-redact")
    assert by_code(doc, "models.diffusers.missing")["title"].endswith(": it is a file, not the snapshot folder")
    for given, says in (("modles", "does not exist (a typo"), ("notes.txt", "is a file, not the models folder")):
        rc, doc = check(tmp_path, "--path", "comfyui", "--models-dir", str(tmp_path / given), "--no-redact", "--no-server")
        f = by_code(doc, "models.none-found")
        assert f["title"].startswith(f"--models-dir {tmp_path / given} {says}") and f["status"] == "warn", f["title"]
    (tmp_path / "snap").mkdir()  # an empty --model-dir folder is given, not a snapshot found
    rc, doc = check(tmp_path, "--path", "diffusers", "--model-dir", str(tmp_path / "snap"), "--no-redact")
    assert by_code(doc, "models.found")["title"] == f"--model-dir {tmp_path / 'snap'} for black-forest-labs/FLUX.2-klein-4B"
    assert by_code(doc, "models.diffusers.incomplete")["title"].endswith(
        "(model_index.json is missing; missing transformer, text_encoder, tokenizer, vae, scheduler)")
    (tmp_path / "models").mkdir()  # a real, empty models folder is judged, not called missing
    rc, doc = check(tmp_path, "--path", "comfyui", "--models-dir", str(tmp_path / "models"), "--no-redact", "--no-server")
    assert "models.none-found" not in {f["code"] for f in doc["findings"]} and by_code(doc, "models.found")["status"] == "ok"


def test_windows_move_command():
    from doctor.checks.models import models_present
    facts = {"system": {"os": "win32"}, "options": {"path": "comfyui"},
             "models": {"comfyui": {"found": True, "models_root": r"C:\ComfyUI_windows_portable\ComfyUI\models",
                                    "model_folders": {"vae": [{"path": r"C:\ComfyUI_windows_portable\ComfyUI\models\vae",
                                                               "source": "default", "is_default": True}]}},
                        "files": [{"path": r"C:\ComfyUI_windows_portable\ComfyUI\models\loras\flux2-vae.safetensors",
                                   "name": "flux2-vae.safetensors", "folder_type": "loras", "folder_source": "not a loader folder",
                                   "size": 1, "identity": {"id": "flux2-vae", "label": "FLUX.2 VAE"},
                                   "integrity": {"ok": True}}]}}
    f = next(x for x in models_present(facts) if x.code == "models.misplaced.vae")
    assert f.fix.lines("cmd") == [r'move /-Y C:\ComfyUI_windows_portable\ComfyUI\models\loras\flux2-vae.safetensors '
                                  r'C:\ComfyUI_windows_portable\ComfyUI\models\vae']
    assert f.fix.lines() == [r'Move-Item -LiteralPath C:\ComfyUI_windows_portable\ComfyUI\models\loras\flux2-vae.safetensors '
                             r'-Destination C:\ComfyUI_windows_portable\ComfyUI\models\vae']


@pytest.mark.skipif(os.name == "nt", reason="symlinked HF cache layout")
def test_orphaned_partial_download_is_reported_and_nothing_is_removed(tmp_path):
    """huggingface_hub leaves `*.incomplete` blobs after a kill and never resumes them across runs: check
    reports one whose download lock is free (its fix is `install`, which removes it) and one whose lock is
    held as a download in progress; check itself deletes nothing (issue 11)."""
    from filelock import FileLock

    hub = _hub(tmp_path)
    repo = next(hub.glob("models--*FLUX.2-klein-4B"))
    orphan = repo / "blobs" / ("a" * 64 + ".incomplete")
    orphan.write_bytes(b"x" * 4096)
    running = repo / "blobs" / ("b" * 64 + ".incomplete")
    running.write_bytes(b"y" * 10)
    lock_dir = hub / ".locks" / repo.name
    lock_dir.mkdir(parents=True, exist_ok=True)
    held = FileLock(str(lock_dir / ("b" * 64 + ".lock")))
    held.acquire()
    try:
        rc, doc = check(tmp_path, "--path", "diffusers", "--no-hash")
    finally:
        held.release()
    assert orphan.exists() and running.exists()
    assert not (lock_dir / ("a" * 64 + ".lock")).exists()  # no lock file created for the orphan either
    f = by_code(doc, "models.diffusers.orphans")
    assert f["status"] == "warn" and "1 partial download(s)" in f["title"] and "4096 bytes" in f["evidence"][0]
    assert {"shell": "posix", "line": "klein-doctor install --path diffusers --variant klein-4b"} in f["fix"]["commands"]
    g = by_code(doc, "models.diffusers.incomplete")
    assert any("1 download(s) in progress" in e for e in g["evidence"])


# ------------------------------------------------------------------------------------------ issue 11 / 14
def test_replay_judges_with_the_manifest_of_now(tmp_path):
    """Facts gathered under a manifest with a wrong published sha256 say mismatch; replayed with the corrected
    manifest they say verified, without touching the file (probes record the sha256, checks compare)."""
    root = comfy(tmp_path)
    keys = ("decoder.conv_in.weight", "encoder.conv_out.weight", "encoder.quant_conv.weight", "bn.running_mean")
    vae = st.write(root / "models/vae/flux2-vae.safetensors", {k: st.flux2_vae()[k] for k in keys})
    with open(vae, "r+b") as fh:
        fh.seek(vae.stat().st_size - 4096)
        fh.write(os.urandom(4096))
    data = vae.read_bytes()
    good = _small_manifest(tmp_path, {"vae": ("vae", "flux2-vae.safetensors", data)})
    (tmp_path / "old").mkdir()
    old = tmp_path / "old" / "mirror.toml"
    old.write_text(good.read_text().replace(hashlib.sha256(data).hexdigest(), "0" * 64))
    saved = tmp_path / "facts.json"
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--manifest", str(old),
                    "--save-facts", str(saved))
    assert by_code(doc, "models.hash.mismatch")["status"] == "fail"
    vae.unlink()  # the replay reads nothing from the disk
    rc, doc = check(tmp_path, "--facts", str(saved), "--manifest", str(good))
    assert by_code(doc, "models.hash.verified")["status"] == "ok" and "models.hash.mismatch" not in codes(doc)


def test_replay_judges_identity_with_the_signatures_of_now(tmp_path):
    """The header summary is recorded, the identity is not: a corrected signatures.toml changes the verdict."""
    from doctor.checks.models import models_identity
    from doctor import manifests
    from doctor.probes import ProbeContext
    from doctor.probes.models import models_probe

    root = comfy(tmp_path)
    good_4b(root)
    facts = {"options": {"path": "comfyui", "comfyui": str(root), "no_hash": True}, "system": {"os": "linux"}}
    facts["models"] = models_probe(ProbeContext(options=dict(facts["options"])))
    assert not [f for f in models_identity(facts) if f.status.value == "fail"]
    sig = (manifests.manifest_dir() / "signatures.toml").read_text()
    changed = tmp_path / "signatures.toml"
    changed.write_text(sig.replace('blocks = { "model.layers" = 36 }', 'blocks = { "model.layers" = 40 }', 1))
    manifests.set_override("signatures", changed)
    try:
        import json
        replay = json.loads(json.dumps(facts))
        (f,) = [f for f in models_identity(replay) if f.status.value == "fail"]
        assert f.code == "models.incomplete.text_encoder" and "36 of 40 layers" in f.title
    finally:
        manifests.clear_overrides()


def test_qwen3_4b_with_1_of_36_layers_fails_as_incomplete(tmp_path):
    root = comfy(tmp_path)
    good_4b(root)
    st.write(root / "models/text_encoders/qwen_3_4b.safetensors", st.qwen3_4b_partial(1))
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--no-hash")
    assert rc == 1
    f = by_code(doc, "models.incomplete.text_encoder")
    assert f["status"] == "fail"
    assert f["title"] == ("qwen_3_4b.safetensors is an incomplete Qwen3-4B text encoder (Klein 4B): "
                          "model.layers: 1 of 36 layers (highest index 0)")
    assert any("8,044,982,048 bytes (8.04 GB)" in e for e in f["evidence"]) and any("clip missing" in e for e in f["evidence"])
    # aimed at the install judged (not install's own search of the working folder), and --force: the name is held
    assert {"shell": "posix", "line": f"klein-doctor install --path comfyui --variant klein-4b-fp8 --comfyui {root} --force"} \
        in f["fix"]["commands"]
    oks = [x["title"] for x in model_findings(doc) if x["status"] == "ok"]
    assert not any("qwen_3_4b" in t and "agree" in t for t in oks), oks  # never "✓ header and size agree"
    assert "models.integrity.size" not in codes(doc)  # one finding for one cause


def test_size_of_no_published_file_of_the_role_is_a_warning(tmp_path):
    root = comfy(tmp_path)
    good_4b(root)
    (root / "models/vae/flux2-vae.safetensors").unlink()
    # a whole, complete FLUX.2 VAE under another name, re-saved in BF16: a size no one publishes
    t = {k: ("BF16", s) for k, (_, s) in st.flux2_vae().items()}
    st.write(root / "models/vae/my_flux2_vae_bf16.safetensors", t)
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--no-hash")
    f = by_code(doc, "models.integrity.size-unpublished")
    assert f["status"] == "warn" and "336,211,292 or 336,213,556" in f["title"]
    assert "my_flux2_vae_bf16.safetensors" in f["title"]


def test_hostile_header_is_a_finding_for_that_file_not_a_lost_probe(tmp_path):
    """An integer past Python's 4,300-digit limit in one header: that file gets a finding, the others are judged."""
    from doctor.checks.models import models_integrity, models_present
    from doctor.probes import ProbeContext
    from doctor.probes.models import models_probe

    root = comfy(tmp_path)
    good_4b(root)
    hdr = ('{"a":{"dtype":"F32","shape":[' + "7" * 5000 + '],"data_offsets":[0,4]}}').encode()
    st.write_raw_header(root / "models/vae/evil.safetensors", hdr, size=8 + len(hdr) + 4)
    facts = {"options": {"path": "comfyui", "comfyui": str(root), "no_hash": True}, "system": {"os": "linux"}}
    facts["models"] = models_probe(ProbeContext(options=dict(facts["options"])))
    found = {(f.code, f.status.value): f for f in models_integrity(facts)}
    f = found[("models.integrity.other-broken", "warn")]
    assert "evil.safetensors" in f.title and "5000-digit integer" in f.evidence[1]
    assert {"models.present.diffusion_model", "models.present.text_encoder", "models.present.vae"} <= \
        {x.code for x in models_present(facts)}


@pytest.mark.skipif(os.name == "nt", reason="symlinked HF cache layout")
def test_model_dir_vae_hash_is_compared_by_the_check(tmp_path):
    """A --model-dir copy: the probe records the VAE's sha256, the check compares it with the published one."""
    hub = _hub(tmp_path)
    snap = next(hub.glob("models--*FLUX.2-klein-4B/snapshots/*"))
    local = tmp_path / "local"
    import shutil
    shutil.copytree(snap, local)  # follows the links: real files, like a copied folder
    saved = tmp_path / "f.json"
    rc, doc = check(tmp_path, "--path", "diffusers", "--model-dir", str(local), "--save-facts", str(saved))
    f = by_code(doc, "models.diffusers.corrupt")
    assert f["status"] == "fail" and "published ca70d2202afe" in f["evidence"][0]
    (repo,) = [r for r in doc["facts"]["models"]["hf"]["repos"] if r.get("found")]
    vae = next(x for x in repo["files"] if x["repo_path"] == "vae/diffusion_pytorch_model.safetensors")
    assert vae["hash_state"] == "hashed" and "expected_sha256" not in vae  # raw: no verdict in the facts
    mine = hashlib.sha256((local / "vae/diffusion_pytorch_model.safetensors").read_bytes()).hexdigest()
    from doctor import manifests
    fixed = tmp_path / "models.toml"
    fixed.write_text((manifests.manifest_dir() / "models.toml").read_text().replace(
        "ca70d2202afe6415bdbcb8793ba8cd99fd159cfe6192381504d6c4d3036e0f04", mine))
    rc, doc = check(tmp_path, "--facts", str(saved), "--manifest", str(fixed))
    assert "models.diffusers.corrupt" not in codes(doc) and by_code(doc, "models.diffusers.ok")
