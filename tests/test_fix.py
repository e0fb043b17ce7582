"""`klein-doctor fix` end to end on real trees: sparse-header model files repaired from a local --from folder
and from the loopback hub, launch scripts edited, workflows corrected into .fixed.json copies and linted
clean, shell files edited, the plan for a replayed Windows portable machine, kill -9 mid-repair then undo.
(The Python-environment repairs on real venvs are in tests/test_fix_env.py.)"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import stfiles as st
from conftest import FACTS, REPO, run_cli
from hub_server import VAE, FakeHub, Repo, sha256_file

DM_ROW = ("diffusion_model", "diffusion_models", "flux-2-klein-4b-fp8.safetensors", "black-forest-labs/FLUX.2-klein-4b-fp8",
          "flux-2-klein-4b-fp8.safetensors", "flux2-klein-4b")
TE_ROW = ("text_encoder", "text_encoders", "qwen_3_4b.safetensors", "Comfy-Org/z_image_turbo",
          "split_files/text_encoders/qwen_3_4b.safetensors", "qwen3-4b")


def _row(role, folder, name, repo, path, identity, size, sha=None) -> str:
    return (f'[[variant.comfyui.files]]\nrole = "{role}"\nfolder = "{folder}"\nname = "{name}"\nrepo = "{repo}"\n'
            f'repo_path = "{path}"\nrevision = "main"\nsize = {size}\n' + (f'sha256 = "{sha}"\n' if sha else "")
            + f'identity = "{identity}"\nsource = "test"\ntag = "[I]"\n')


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The real FLUX.2 VAE header in a sparse file of the published size, and a manifest whose VAE row
    hashes it (the transformer and encoder rows carry no hash, so install keeps them without reading 12 GB)."""
    d = tmp_path_factory.mktemp("fixworld")
    usb = d / "usb"
    vae = st.write(usb / "flux2-vae.safetensors", st.flux2_vae(), total_size=st.SIZE_FLUX2_VAE)
    manifest = d / "models.toml"
    manifest.write_text(
        '[[variant]]\nid = "klein-4b-fp8"\ndefault_for = ["comfyui"]\nmodel = "klein-4b"\ngated = false\n'
        'label = "test"\nsource = "t"\ntag = "[I]"\n[variant.comfyui]\n'
        + _row(*DM_ROW, st.SIZE_KLEIN_4B_FP8) + _row(*TE_ROW, st.SIZE_QWEN3_4B)
        + _row("vae", "vae", "flux2-vae.safetensors", VAE[0], VAE[1], "flux2-vae", vae.stat().st_size, sha256_file(vae)),
        encoding="utf-8")
    return {"usb": usb, "manifest": manifest, "vae_sha": sha256_file(vae)}


def comfy_tree(tmp_path: Path) -> Path:
    root = tmp_path / "ComfyUI"
    (root / "comfy").mkdir(parents=True)
    (root / "main.py").write_text("# ComfyUI\n")
    for f in ("diffusion_models", "text_encoders", "vae", "checkpoints", "loras", "unet", "clip"):
        (root / "models" / f).mkdir(parents=True)
    m = root / "models"
    st.write(m / "diffusion_models/flux-2-klein-4b-fp8.safetensors", st.klein_4b(fp8=True), total_size=st.SIZE_KLEIN_4B_FP8)
    st.write(m / "text_encoders/qwen_3_4b.safetensors", st.qwen3_4b(), total_size=st.SIZE_QWEN3_4B)
    return root


def env(tmp_path: Path, hub: str = "http://127.0.0.1:9") -> dict[str, str]:
    return {"KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "cache"), "KLEIN_DOCTOR_STATE_DIR": str(tmp_path / "state"),
            "HF_HUB_CACHE": str(tmp_path / "hub"), "HF_HOME": str(tmp_path / "hf"), "COMFYUI_PATH": "",
            "HF_ENDPOINT": hub, "HF_TOKEN": "", "HF_HUB_DISABLE_TELEMETRY": "1", "HF_HUB_ETAG_TIMEOUT": "5",
            "HOME": str(tmp_path / "home")}


def fix(tmp_path: Path, *args: str, hub: str = "http://127.0.0.1:9", timeout: float = 120) -> subprocess.CompletedProcess:
    return run_cli("fix", *args, env=env(tmp_path, hub), cwd=tmp_path, timeout=timeout)


def models_args(world, root: Path) -> list[str]:
    return ["--path", "comfyui", "--comfyui", str(root), "--manifest", str(world["manifest"]), "--no-server",
            "--no-hash", "--check", "models"]


def flux1_vae_tree(tmp_path: Path) -> tuple[Path, Path, str]:
    root = comfy_tree(tmp_path)
    bad = st.write(root / "models/vae/flux2-vae.safetensors", st.flux1_vae(), total_size=st.SIZE_FLUX1_AE)
    return root, bad, sha256_file(bad)


def test_flux1_vae_replaced_from_a_local_folder_then_undone(world, tmp_path):
    root, bad, before = flux1_vae_tree(tmp_path)
    r = fix(tmp_path, *models_args(world, root), "--dry-run", "--from", str(world["usb"]))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "models.identity.vae" in r.stdout and "move aside" in r.stdout and "flux1-vae.safetensors" in r.stdout
    assert "install --path comfyui --variant klein-4b-fp8" in r.stdout and "--from" in r.stdout
    assert sha256_file(bad) == before and not (root / ".klein-doctor").exists()  # a dry run changes nothing

    r = fix(tmp_path, *models_args(world, root), "--yes", "--from", str(world["usb"]))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "cured" in r.stdout and "not cured" not in r.stdout
    aside = root / "models/vae/flux1-vae.safetensors"
    assert sha256_file(aside) == before                     # moved aside, renamed after what it is
    assert sha256_file(bad) == world["vae_sha"]             # the right file, verified by install
    journals = list((root / ".klein-doctor").glob("fix-*.json"))
    assert len(journals) == 1
    j = json.loads(journals[0].read_text())
    assert [o["op"] for o in j["ops"]] == ["move", "run"] and j["status"] == "done"
    assert j["repairs"][0]["result"] == "cured"

    u = fix(tmp_path, "--undo")
    assert u.returncode == 0, u.stdout + u.stderr
    assert sha256_file(bad) == before and not aside.exists()
    # the file fix installed is kept in the journal's backup folder, not deleted
    kept = list(journals[0].with_suffix("").glob("*installed-by-fix*"))
    assert kept and sha256_file(kept[0]) == world["vae_sha"]
    assert fix(tmp_path, "--undo").returncode == 2  # nothing left to undo


def test_missing_and_misplaced_files_from_the_loopback_hub(world, tmp_path):
    root = comfy_tree(tmp_path)
    te = root / "models/text_encoders/qwen_3_4b.safetensors"
    te.rename(root / "models/loras/qwen_3_4b.safetensors")  # a loader folder CLIPLoader does not read
    repos = [Repo.from_files(VAE[0], {VAE[1]: world["usb"] / "flux2-vae.safetensors"})]
    with FakeHub(repos) as hub:
        r = fix(tmp_path, *models_args(world, root), "--yes", hub=hub.url)
        got = hub.gets("flux2-vae.safetensors")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "models.missing.vae" in r.stdout and "models.misplaced.text_encoder" in r.stdout
    assert te.exists() and not (root / "models/loras/qwen_3_4b.safetensors").exists()
    assert sha256_file(root / "models/vae/flux2-vae.safetensors") == world["vae_sha"]
    assert got, "the VAE came from the hub"
    assert "download: 336.21 MB" in r.stdout


def test_a_failing_install_rolls_its_step_back_and_stops(world, tmp_path):
    root, bad, before = flux1_vae_tree(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    r = fix(tmp_path, *models_args(world, root), "--yes", "--from", str(empty))
    assert r.returncode == 1
    assert "rolled back" in r.stdout
    assert sha256_file(bad) == before and not (root / "models/vae/flux1-vae.safetensors").exists()


def test_kill_9_in_the_middle_of_a_repair_then_undo(world, tmp_path):
    root, bad, before = flux1_vae_tree(tmp_path)
    repos = [Repo.from_files(VAE[0], {VAE[1]: world["usb"] / "flux2-vae.safetensors"})]
    with FakeHub(repos) as hub:
        hub.arm_pause(4 << 20)  # the hub stops sending 4 MB into the VAE
        e = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(REPO), **env(tmp_path, hub.url))
        p = subprocess.Popen([sys.executable, "-m", "doctor", "fix", *models_args(world, root), "--yes"], cwd=tmp_path,
                             env=e, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            assert hub.paused.wait(90), "the download never started"
            assert not bad.exists()                                 # moved aside, the new file is on its way
            os.killpg(p.pid, signal.SIGKILL)                        # fix and the install it runs
            p.wait(10)
        finally:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
            hub.release.set()
    journal = next((root / ".klein-doctor").glob("fix-*.json"))
    assert json.loads(journal.read_text())["status"] == "running"   # killed mid-run
    u = fix(tmp_path, "--undo")
    assert u.returncode == 0, u.stdout + u.stderr
    assert sha256_file(bad) == before
    assert not (root / "models/vae/flux1-vae.safetensors").exists()
    assert not [q for q in (root / "models").rglob("*") if q.is_file() and q.name.endswith(".incomplete")
                and ".klein-doctor" not in q.parts]


def test_replayed_windows_portable_plan_uses_python_embeded_and_the_cu128_index():
    r = run_cli("fix", "--facts", str(FACTS / "rtx5090-torch271-cu126.json"))
    assert r.returncode == 0, r.stdout + r.stderr
    line = next(ln for ln in r.stdout.splitlines() if "command:" in ln)
    assert line.split("command:", 1)[1].strip() == (
        "C:\\ComfyUI_windows_portable\\python_embeded\\python.exe -s -m pip install torch==2.7.1 torchvision==0.22.1 "
        "torchaudio==2.7.1 --index-url https://download.pytorch.org/whl/cu128")
    assert "torch.arch.missing" in r.stdout and "nothing is applied" in r.stdout


def test_replayed_driver_problem_is_listed_not_applied():
    r = run_cli("fix", "--facts", str(FACTS / "rtx5090-driver560.json"))
    assert r.returncode == 0
    assert "Cannot be applied by fix" in r.stdout and "gpu.driver.too-old-for-gpu" in r.stdout
    assert "Install NVIDIA driver" in r.stdout
