"""Model-file checks end to end: `python -m doctor check --json` on sparse files with real headers."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
import stfiles as st
from conftest import codes, run_json
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
    return next(f for f in doc["findings"] if f["code"] == code)


def test_complete_4b_fp8_set(tmp_path):
    root = comfy(tmp_path)
    good_4b(root)
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--no-hash")
    assert {"models.present.diffusion_model", "models.present.text_encoder", "models.present.vae"} <= codes(doc, "ok")
    assert not [f for f in model_findings(doc) if f["status"] in ("fail", "warn", "error")], model_findings(doc)
    files = {f["name"]: f for f in doc["facts"]["models"]["files"]}
    k = files["flux-2-klein-4b-fp8.safetensors"]
    assert k["identity"]["id"] == "flux2-klein-4b" and k["identity"]["dtype"] == "fp8-e4m3"
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
    assert "klein-doctor install --path comfyui --variant klein-4b-fp8" in f["fix"]
    assert "Comfy-Org/flux2-dev/resolve/main/split_files/vae/flux2-vae.safetensors" in f["fix"]
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
    assert "Delete it and download it again" in f["fix"]
    te = next(x for x in doc["facts"]["models"]["files"] if x["name"] == "qwen_3_4b.safetensors")
    assert te["hash_state"] == "skipped"  # nothing to hash in a file already known broken


def test_vae_in_a_folder_the_loader_does_not_search(tmp_path):
    root = comfy(tmp_path)
    good_4b(root)
    os.replace(root / "models/vae/flux2-vae.safetensors", root / "models/checkpoints/flux2-vae.safetensors")
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--no-hash")
    f = by_code(doc, "models.misplaced.vae")
    assert f["status"] == "fail" and "VAELoader does not look" in f["title"]
    assert f["fix"] == f"mv {root}/models/checkpoints/flux2-vae.safetensors {root}/models/vae/"


def test_missing_files_name_the_install_command_and_url(tmp_path):
    root = comfy(tmp_path)
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--variant", "klein-9b-fp8", "--no-hash")
    f = by_code(doc, "models.missing.diffusion_model")
    assert "klein-doctor install --path comfyui --variant klein-9b-fp8" in f["fix"]
    assert "FLUX.2-klein-9b-fp8/resolve/main/flux-2-klein-9b-fp8.safetensors" in f["fix"] and "gated" in f["fix"]
    assert {"models.missing.text_encoder", "models.missing.vae"} <= codes(doc, "fail")


def test_nothing_found_is_said_once(tmp_path):
    rc, doc = check(tmp_path, "--no-hash")
    mf = model_findings(doc)
    assert [f["code"] for f in mf if f["status"] != "ok"] == ["models.none-found"], mf
    assert "--comfyui" in mf[0]["fix"] and "--model-dir" in mf[0]["fix"]


def test_unknown_variant(tmp_path):
    root = comfy(tmp_path)
    rc, doc = check(tmp_path, "--path", "comfyui", "--comfyui", str(root), "--variant", "klein-99b")
    assert "klein-4b-fp8" in by_code(doc, "models.variant.unknown")["title"]


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
    import shutil
    shutil.rmtree(tmp_path / "hub")
    _hub(tmp_path, drop="transformer", cls="Flux2Pipeline")
    rc, doc = check(tmp_path, "--path", "diffusers", "--no-hash")
    f = by_code(doc, "models.diffusers.incomplete")
    assert any("missing components: transformer" in e for e in f["evidence"])
    assert any("'Flux2Pipeline', not 'Flux2KleinPipeline'" in e for e in f["evidence"])


def test_diffusers_not_found(tmp_path):
    rc, doc = check(tmp_path, "--path", "diffusers")
    f = by_code(doc, "models.diffusers.missing")
    assert f["status"] == "fail" and "klein-doctor install --path diffusers" in f["fix"]
    assert "models.none-found" not in codes(doc)


def test_windows_move_command():
    from checks.models import models_present
    facts = {"system": {"os": "win32"}, "options": {"path": "comfyui"},
             "models": {"manifest": {"variant": [{"id": "v", "default_for": ["comfyui"], "model": "klein-4b", "comfyui": {"files": [
                 {"role": "vae", "folder": "vae", "name": "flux2-vae.safetensors", "repo": "r", "repo_path": "p", "identity": "flux2-vae"}]}}]},
                        "comfyui": {"found": True, "models_root": r"C:\ComfyUI_windows_portable\ComfyUI\models",
                                    "model_folders": {"vae": [{"path": r"C:\ComfyUI_windows_portable\ComfyUI\models\vae",
                                                               "source": "default", "is_default": True}]}},
                        "files": [{"path": r"C:\ComfyUI_windows_portable\ComfyUI\models\loras\flux2-vae.safetensors",
                                   "name": "flux2-vae.safetensors", "folder_type": "loras", "folder_source": "not a loader folder",
                                   "size": 1, "identity": {"id": "flux2-vae", "label": "FLUX.2 VAE"},
                                   "integrity": {"ok": True}}]}}
    f = next(x for x in models_present(facts) if x.code == "models.misplaced.vae")
    assert f.fix == (r'move "C:\ComfyUI_windows_portable\ComfyUI\models\loras\flux2-vae.safetensors" '
                     r'"C:\ComfyUI_windows_portable\ComfyUI\models\vae"')


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
    assert f["fix"].startswith("`klein-doctor install --path diffusers`")
    g = by_code(doc, "models.diffusers.incomplete")
    assert any("1 download(s) in progress" in e for e in g["evidence"])
