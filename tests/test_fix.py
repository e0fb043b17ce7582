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


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.slow
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
    assert "moved to C:\\ComfyUI_windows_portable\\python_embeded\\.klein-doctor-backup (undo" in r.stdout


def test_replayed_plan_with_a_local_index_and_another_release_says_so():
    """--torch-index replaces the wheel table's index: the title names that index, not the table's cu128; a
    file:// index downloads nothing; and the re-check includes the driver check, which says whether the
    driver can run the build that index served."""
    r = run_cli("fix", "--facts", str(FACTS / "rtx5090-torch271-cu126.json"), "--torch-version", "2.14.1",
                "--torch-index", "file:///srv/mirror/simple")
    assert r.returncode == 0, r.stdout + r.stderr
    out = r.stdout
    assert "1. Reinstall PyTorch 2.14.1 (from file:///srv/mirror/simple) with torchvision and torchaudio using pip" in out
    assert "torch==2.14.1, torchvision==0.29.1, torchaudio==2.14.1 from file:///srv/mirror/simple" in out
    assert "download: none; disk needed: ~6.60 GB" in out
    assert "the wheels come from the local index file:///srv/mirror/simple: nothing is downloaded" in out
    assert "not necessarily cu128" in out and "then:     check torch, gpu.driver again" in out
    remote = run_cli("fix", "--facts", str(FACTS / "rtx5090-torch271-cu126.json"), "--torch-index",
                     "https://mirror.example/whl/cu128")
    assert "download: ~3.00 GB (estimate)" in remote.stdout


def test_verify_counts_a_watched_failure_as_not_cured(monkeypatch):
    """A repair is not cured when a finding it watches fails afterwards (a PyTorch the driver cannot run),
    even though the finding it was planned for is gone."""
    from doctor.findings import fail, ok
    from doctor.fixer import run as frun
    from doctor.fixer.base import Plan

    before = fail("torch.cpu-build", "CPU build", [])
    now = [ok("torch.cuda-build.ok", "CUDA 13.0 build"),
           fail("gpu.driver.too-old-for-wheel", "Driver 576.28 is too old for PyTorch 2.14.1", [])]
    monkeypatch.setattr(frun, "diagnose", lambda options, ids: ({}, now))
    plain = Plan(id="t", title="t", cures=[before], checks=["torch", "gpu.driver"])
    assert frun.verify(plain, {})[0] == "cured"
    watched = Plan(id="t", title="t", cures=[before], checks=["torch", "gpu.driver"],
                   watch=["gpu.driver.too-old-for-wheel"])
    state, detail = frun.verify(watched, {})
    assert state == "not cured" and detail == ["gpu.driver.too-old-for-wheel: Driver 576.28 is too old for PyTorch 2.14.1"]


def test_replayed_driver_problem_is_listed_not_applied():
    r = run_cli("fix", "--facts", str(FACTS / "rtx5090-driver560.json"))
    assert r.returncode == 0
    assert "Cannot be applied by fix" in r.stdout and "gpu.driver.too-old-for-gpu" in r.stdout
    assert "Install NVIDIA driver" in r.stdout


# ------------------------------------------------------------------------------------------ ComfyUI


def test_harmful_flag_removed_from_a_portable_launch_script_crlf_kept_and_undone(tmp_path):
    from comfy_trees import portable_tree

    line = ".\\python_embeded\\python.exe -s ComfyUI\\main.py --windows-standalone-build --force-fp32 --use-flash-attention"
    c = portable_tree(tmp_path / "w", bat=line + "\r\npause\r\n")
    bat = c / "run_nvidia_gpu.bat"
    before = bat.read_bytes()
    # --python: the doctor's own interpreter has no flash-attn, so forcing FlashAttention is a failure here
    r = fix(tmp_path, "--path", "comfyui", "--comfyui", str(c), "--python", sys.executable, "--no-server",
            "--check", "comfyui.launch", "--check", "attention.flash-attn", "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "comfyui.launch.force-fp32" in r.stdout and "comfyui.launch.use-flash-attention" in r.stdout
    assert bat.read_bytes() == (".\\python_embeded\\python.exe -s ComfyUI\\main.py --windows-standalone-build"
                                "\r\npause\r\n").encode()
    assert r.stdout.count("  cured") >= 2
    assert fix(tmp_path, "--undo").returncode == 0
    assert bat.read_bytes() == before


def test_desktop_launch_setting_edited(tmp_path):
    from comfy_trees import desktop_tree

    d = desktop_tree(tmp_path / "home", launch_args='{"force-fp32": "", "listen": "127.0.0.1"}')
    settings = d["base"] / "user/default/comfy.settings.json"
    r = fix(tmp_path, "--path", "comfyui", "--comfyui", str(d["base"]), "--no-server", "--check", "comfyui.launch",
            "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert json.loads(settings.read_text())["Comfy.Server.LaunchArgs"] == {"listen": "127.0.0.1"}


def _git(cwd: Path, *args: str) -> str:
    e = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")
    return subprocess.run(["git", *args], cwd=cwd, env=e, check=True, capture_output=True, text=True).stdout.strip()


def test_git_install_too_old_is_updated_with_git_then_undone(tmp_path):
    from comfy_trees import _code

    up = tmp_path / "upstream" / "ComfyUI"
    _code(up, "0.8.2", klein=False)
    _git(up, "init", "-q")
    _git(up, "add", "-A")
    _git(up, "commit", "-qm", "0.8.2")
    _git(tmp_path, "clone", "-q", str(up), str(tmp_path / "ComfyUI"))
    _code(up, "0.9.2", klein=True)
    _git(up, "commit", "-qam", "0.9.2: Klein nodes")
    mine = tmp_path / "ComfyUI"
    old = _git(mine, "rev-parse", "HEAD")
    args = ("--path", "comfyui", "--comfyui", str(mine), "--no-server", "--check", "comfyui.version")
    r = fix(tmp_path, *args, "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"git -C {mine} pull --ff-only" in r.stdout and "comfyui.version.too-old" in r.stdout
    assert "0.9.2" in (mine / "comfyui_version.py").read_text() and "cured" in r.stdout
    assert fix(tmp_path, "--undo").returncode == 0
    assert _git(mine, "rev-parse", "HEAD") == old


def test_git_install_another_user_owns_is_trusted_then_updated(tmp_path):
    """Root updating a checkout another uid owns (a folder mounted into a container): git refuses it until
    safe.directory names it, so the plan marks it safe first (in this HOME's ~/.gitconfig), then pulls."""
    from comfy_trees import _code

    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root (to give the checkout to another uid)")
    up = tmp_path / "upstream" / "ComfyUI"
    _code(up, "0.8.2", klein=False)
    _git(up, "init", "-q")
    _git(up, "add", "-A")
    _git(up, "commit", "-qm", "0.8.2")
    mine = tmp_path / "ComfyUI"
    _git(tmp_path, "clone", "-q", str(up), str(mine))
    _code(up, "0.9.2", klein=True)
    _git(up, "commit", "-qam", "0.9.2: Klein nodes")
    subprocess.run(["chown", "-R", "54321:54321", str(mine)], check=True)
    (tmp_path / "home").mkdir()
    args = ("--path", "comfyui", "--comfyui", str(mine), "--no-server", "--check", "comfyui.version")
    r = fix(tmp_path, *args, "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    out = r.stdout
    assert f"git config --global --add safe.directory {mine}" in out
    assert out.index("safe.directory") < out.index(f"git -C {mine} pull --ff-only")
    assert "0.9.2" in (mine / "comfyui_version.py").read_text() and "cured" in out
    assert str(mine) in (tmp_path / "home" / ".gitconfig").read_text()


def test_portable_update_off_windows_is_an_instruction(tmp_path):
    from comfy_trees import portable_tree

    c = portable_tree(tmp_path / "w", version="0.8.2", klein=False)
    r = fix(tmp_path, "--path", "comfyui", "--comfyui", str(c), "--no-server", "--check", "comfyui.version", "--yes")
    assert r.returncode == 1
    assert "Cannot be applied by fix" in r.stdout and "update_comfyui.bat" in r.stdout


# ------------------------------------------------------------------------------------------ workflows


def mutated_template(shared: Path, dst: Path) -> Path:
    d = json.loads((shared / "fixtures/templates/image_flux2_klein_image_edit_4b_distilled.json").read_text())
    defs = d["definitions"]["subgraphs"]
    for sg in defs:
        for n in sg["nodes"]:
            if n["type"] == "CLIPLoader":
                n["widgets_values"][1] = "flux"
            if n["type"] == "Flux2Scheduler":
                n["widgets_values"][0] = 20
            if n["type"] == "CFGGuider":
                n["widgets_values"][0] = 5
            if n["type"] == "EmptyFlux2LatentImage":
                n["type"] = "EmptyLatentImage"
                n["widgets_values"][0] = 1000
    for n in d["nodes"]:  # the subgraph instance's own value for the encoder: the 9B one
        if n["type"] in {sg["id"] for sg in defs} and n.get("widgets_values"):
            n["widgets_values"][1] = "qwen_3_8b_fp8mixed.safetensors"
    dst.write_text(json.dumps(d), encoding="utf-8")
    return dst


def test_workflow_corrected_copy_lints_clean_and_original_untouched(shared, tmp_path):
    wf = mutated_template(shared, tmp_path / "klein edit.json")
    before = sha256_file(wf)
    args = ("--path", "comfyui", "--workflow", str(wf), "--no-server", "--check", "workflows")
    r = fix(tmp_path, *args, "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    for code in ("workflows.clip-type", "workflows.wrong-latent", "workflows.steps", "workflows.cfg",
                 "workflows.pairing-te"):
        assert code in r.stdout, code
    fixed = tmp_path / "klein edit.fixed.json"
    assert sha256_file(wf) == before and fixed.is_file()
    c = run_cli("check", "--json", "--path", "comfyui", "--workflow", str(fixed), "--no-server", "--check", "workflows",
                env=env(tmp_path), cwd=tmp_path)
    doc = json.loads(c.stdout)
    assert not [f for f in doc["findings"] if f["status"] in ("fail", "warn", "error")], doc["findings"]
    assert "workflows.ok" in {f["code"] for f in doc["findings"]}
    data = json.loads(fixed.read_text())
    inst = next(n for n in data["nodes"] if n["id"] == 75)  # the instance whose values override the subgraph's
    assert inst["widgets_values"][1] == "qwen_3_4b.safetensors"  # the instance's override was corrected too
    assert fix(tmp_path, "--undo").returncode == 0
    assert not fixed.exists() and sha256_file(wf) == before


# ------------------------------------------------------------------------------------------ environment variables


def test_forced_backend_unset_in_shell_files_with_backup(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    rc = home / ".bashrc"
    rc.write_text("alias ll='ls -l'\nexport DIFFUSERS_ATTN_BACKEND=flash\n", encoding="utf-8")
    (home / ".profile").write_text("PATH=$HOME/bin:$PATH\n", encoding="utf-8")
    e = env(tmp_path)
    e["DIFFUSERS_ATTN_BACKEND"] = "flash"
    r = run_cli("fix", "--python", sys.executable, "--check", "attention.env", "--yes", env=e, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "attention.env.broken" in r.stdout and "cured" in r.stdout
    lines = rc.read_text().splitlines()
    assert lines[0] == "alias ll='ls -l'" and lines[1].startswith("# export DIFFUSERS_ATTN_BACKEND=flash")
    assert (home / ".profile").read_text() == "PATH=$HOME/bin:$PATH\n"
    assert "unset DIFFUSERS_ATTN_BACKEND" in r.stdout
    assert run_cli("fix", "--undo", env=e, cwd=tmp_path).returncode == 0
    assert rc.read_text() == "alias ll='ls -l'\nexport DIFFUSERS_ATTN_BACKEND=flash\n"


def test_forced_backend_set_elsewhere_says_so(tmp_path):
    (tmp_path / "home").mkdir()
    e = env(tmp_path)
    e["DIFFUSERS_ATTN_BACKEND"] = "flash"
    r = run_cli("fix", "--python", sys.executable, "--check", "attention.env", "--yes", env=e, cwd=tmp_path)
    assert r.returncode == 1
    assert "not set in your shell start-up files" in r.stdout


def test_only_and_nothing_to_do(tmp_path):
    (tmp_path / "home").mkdir()
    r = run_cli("fix", "--python", sys.executable, "--check", "attention.env", "--yes", env=env(tmp_path), cwd=tmp_path)
    assert r.returncode == 0 and "nothing to repair" in r.stdout
    r = fix(tmp_path, "--facts", str(FACTS / "rtx5090-attention-overrides.json"), "--only", "attention.xformers")
    assert "xformers" in r.stdout and "flash-attn" not in r.stdout.split("Cannot")[0]


def test_without_yes_and_without_a_terminal_nothing_is_changed(tmp_path):
    from comfy_trees import portable_tree

    c = portable_tree(tmp_path / "w", bat=".\\python_embeded\\python.exe -s ComfyUI\\main.py --force-fp32\r\n")
    bat = c / "run_nvidia_gpu.bat"
    before = bat.read_bytes()
    r = fix(tmp_path, "--path", "comfyui", "--comfyui", str(c), "--no-server", "--check", "comfyui.launch")
    assert r.returncode == 1 and "Pass --yes" in r.stdout
    assert bat.read_bytes() == before and not (c / "ComfyUI" / ".klein-doctor").exists()
    r = fix(tmp_path, "--path", "comfyui", "--comfyui", str(c), "--no-server", "--check", "comfyui.launch",
            "--only", "models", "--yes")
    assert r.returncode == 0 and "No warning or failure matches --only models" in r.stdout
    assert bat.read_bytes() == before


@pytest.mark.slow
def test_smoke_runs_last_and_only_once(tmp_path):
    """--smoke is not part of the plan or the re-checks; it is the last word (here: no CUDA GPU on this machine)."""
    (tmp_path / "home").mkdir()
    r = run_cli("fix", "--python", sys.executable, "--check", "attention.env", "--smoke", "--synthetic", "--yes",
                env=env(tmp_path), cwd=tmp_path, timeout=300)
    out = r.stdout
    assert "nothing to repair" in out and out.index("Smoke generation:") > out.index("nothing to repair")
    assert out.count("[synthetic]") >= 1 and "Smoke\n" in out


def test_missing_diffusers_snapshot_plans_the_install(tmp_path):
    r = fix(tmp_path, "--path", "diffusers", "--check", "models", "--dry-run")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "models.diffusers.missing" in r.stdout
    line = next(ln for ln in r.stdout.splitlines() if "command:" in ln)
    assert line.endswith("-m doctor install --path diffusers --yes")
