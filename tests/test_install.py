"""`klein-doctor install` against real HF-protocol servers on 127.0.0.1 with the real huggingface_hub client.

klein-doctor runs as a subprocess with HF_ENDPOINT set, as a user runs it (huggingface_hub reads the
variable once at import). The served repos have the manifest's names and paths and real safetensors
headers; a test manifest (written per session) points the hashes at these small files.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from hub_server import (DM, TE, VAE, FakeHub, Olah, Repo, comfy_file_row, klein_4b_fp8_toml, make_git_mirror,
                        sha256_file, write_safetensors)

GATED = ("black-forest-labs/FLUX.2-klein-9b-fp8", "flux-2-klein-9b-fp8.safetensors")
DIFF = "black-forest-labs/FLUX.2-klein-4B"
TOKEN = "hf_TestTokenDoNotPrint1234567890"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Files with real headers, the repos that serve them, and a manifest hashing them."""
    d = tmp_path_factory.mktemp("world")
    src = d / "src"
    dm = write_safetensors(src / "dm.safetensors", {
        "img_in.weight": ("BF16", [3072, 128]), "txt_in.weight": ("F8_E4M3", [3072, 7680]),  # 24 MB
        "double_stream_modulation_img.lin.weight": ("F8_E4M3", [184, 3072]),
        "double_blocks.0.img_attn.norm.key_norm.scale": ("BF16", [128])})
    te = write_safetensors(src / "te.safetensors", {
        "model.layers.0.post_attention_layernorm.weight": ("BF16", [2560]),
        "model.layers.0.self_attn.q_norm.weight": ("BF16", [128]),
        "model.embed_tokens.weight": ("BF16", [2400, 2560])})  # > 10 MB: the client reads 10 MB chunks
    vae = write_safetensors(src / "vae.safetensors", {
        "decoder.conv_in.weight": ("BF16", [512, 32, 3, 3]), "encoder.conv_out.weight": ("BF16", [64, 512, 3, 3]),
        "bn.running_mean": ("F32", [128])})
    g9 = write_safetensors(src / "g9.safetensors", {"img_in.weight": ("BF16", [4096, 128])})
    dvae = write_safetensors(src / "dvae.safetensors", {"decoder.conv_in.weight": ("BF16", [512, 32, 3, 3])})
    dtr = write_safetensors(src / "dtr.safetensors", {"x_embedder.weight": ("BF16", [3072, 128])})
    (src / "model_index.json").write_text(json.dumps({"_class_name": "Flux2KleinPipeline", "is_distilled": True}))
    (src / "scheduler_config.json").write_text(json.dumps({"_class_name": "FlowMatchEulerDiscreteScheduler"}))
    repos = [
        Repo.from_files(DM[0], {DM[1]: dm}), Repo.from_files(TE[0], {TE[1]: te}),
        Repo.from_files(VAE[0], {VAE[1]: vae}), Repo.from_files(GATED[0], {GATED[1]: g9}, gated=True),
        Repo.from_files(DIFF, {"model_index.json": src / "model_index.json",
                               "vae/diffusion_pytorch_model.safetensors": dvae,
                               "transformer/diffusion_pytorch_model.safetensors": dtr,
                               "scheduler/scheduler_config.json": src / "scheduler_config.json",
                               "flux-2-klein-4b.safetensors": dtr}),
    ]
    h = {k: sha256_file(v) for k, v in {"dm": dm, "te": te, "vae": vae, "g9": g9, "dvae": dvae}.items()}
    s = {k: v.stat().st_size for k, v in {"dm": dm, "te": te, "vae": vae, "g9": g9}.items()}

    manifest = d / "models.toml"
    manifest.write_text(
        klein_4b_fp8_toml(s, h)
        + '[[variant]]\nid = "klein-9b-fp8"\ngated = true\nsource = "t"\ntag = "[I]"\n[variant.comfyui]\n'
        + comfy_file_row("diffusion_model", "diffusion_models", "flux-2-klein-9b-fp8.safetensors", *GATED, s["g9"], h["g9"])
        + '[[variant]]\nid = "klein-4b"\ndefault_for = ["diffusers"]\nsteps = 4\nguidance = 1.0\nsource = "t"\n'
          'tag = "[I]"\n[variant.diffusers]\n'
          f'repo = "{DIFF}"\nrevision = "main"\npipeline_class = "Flux2KleinPipeline"\n'
          'components = ["transformer", "vae", "scheduler"]\nsource = "t"\ntag = "[I]"\nfiles = [\n'
          f'  {{ repo_path = "vae/diffusion_pytorch_model.safetensors", sha256 = "{h["dvae"]}" }},\n]\n')
    return {"dir": d, "repos": repos, "manifest": manifest, "sha": h, "size": s, "src": src}


@pytest.fixture
def hub(world):
    with FakeHub(world["repos"], token=TOKEN) as h:
        yield h


def install(url: str, world, tmp_path: Path, *args: str, env: dict | None = None, timeout: float = 60):
    e = {"HF_ENDPOINT": url, "HF_HOME": str(tmp_path / "hfhome"), "HF_HUB_CACHE": str(tmp_path / "hfcache"),
         "HF_HUB_DISABLE_TELEMETRY": "1", "HF_TOKEN": "", "HF_HUB_ETAG_TIMEOUT": "5",
         "KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "kdcache"), **(env or {})}
    return run_cli("install", "--manifest", str(world["manifest"]), *args, env=e, timeout=timeout)


def models_args(tmp_path: Path) -> list[str]:
    return ["--models-dir", str(tmp_path / "models")]


def assert_installed(world, models: Path) -> None:
    for key, rel in (("dm", "diffusion_models/flux-2-klein-4b-fp8.safetensors"),
                     ("te", "text_encoders/qwen_3_4b.safetensors"), ("vae", "vae/flux2-vae.safetensors")):
        assert sha256_file(models / rel) == world["sha"][key], rel


def no_partial_files(models: Path) -> None:
    for p in models.rglob("*"):
        assert not p.name.endswith(".incomplete") or ".klein-doctor" in p.parts, p


# ---------------------------------------------------------------------------------------------- the servers agree


def test_fakehub_answers_like_olah(world, tmp_path):
    """The same huggingface_hub calls give the same answers from olah and from our server."""
    make_git_mirror(tmp_path / "mirror", world["repos"][2:3])
    code = r"""
import json, sys
from pathlib import Path
from huggingface_hub import hf_hub_download, snapshot_download, HfApi, get_hf_file_metadata, hf_hub_url
from hub_server import sha256_file
url, cache, repo, path = sys.argv[1:5]
m = get_hf_file_metadata(hf_hub_url(repo, path, endpoint=url))
p = hf_hub_download(repo, path, endpoint=url, cache_dir=cache)
s = snapshot_download(repo, endpoint=url, cache_dir=cache + "-snap")
tree = [(e.path, getattr(e, "size", None), getattr(getattr(e, "lfs", None), "sha256", None))
        for e in HfApi(endpoint=url).list_repo_tree(repo, recursive=True)]
print(json.dumps({"meta": [m.etag, m.size, m.commit_hash], "sha": sha256_file(Path(p)), "tree": tree,
                  "snap": sorted(str(q.relative_to(s)) for q in Path(s).rglob("*") if q.is_file()),
                  "info": HfApi(endpoint=url).repo_info(repo, revision="main").sha}))
"""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parent), HF_HOME=str(tmp_path / "h"))

    def ask(url: str, tag: str) -> dict:
        r = subprocess.run([sys.executable, "-c", code, url, str(tmp_path / tag), *VAE], env=env,
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout)

    with Olah(tmp_path / "mirror", tmp_path / "olah", VAE[0]) as o:
        from_olah = ask(o.url, "o")
    with FakeHub(world["repos"]) as h:
        from_ours = ask(h.url, "f")
    assert from_olah["sha"] == world["sha"]["vae"]
    assert from_olah["meta"][:2] == [world["sha"]["vae"], world["size"]["vae"]]
    assert from_ours == from_olah


def test_clean_install_through_olah(world, tmp_path):
    """The independent server: a full ComfyUI install from olah's offline git mirror."""
    make_git_mirror(tmp_path / "mirror", world["repos"][:3])
    with Olah(tmp_path / "mirror", tmp_path / "olah", DM[0]) as o:
        r = install(o.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert_installed(world, tmp_path / "models")
    assert "installed, sha256 verified" in r.stdout


# ---------------------------------------------------------------------------------------------- comfyui path


def test_clean_install_then_rerun_skips(world, hub, tmp_path):
    r = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert_installed(world, tmp_path / "models")
    no_partial_files(tmp_path / "models")
    assert "Install plan" in r.stdout and "Summary" in r.stdout
    n_gets = len([e for e in hub.log if e[0] == "GET" and "/resolve/" in e[1]])
    assert n_gets == 3
    r2 = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes")
    assert r2.returncode == 0, r2.stdout + r2.stderr
    assert r2.stdout.count("already verified") == 3
    assert len([e for e in hub.log if e[0] == "GET" and "/resolve/" in e[1]]) == n_gets  # nothing downloaded again


def test_kill_between_link_and_unlink_leaves_no_partial_for_ever(world, hub, tmp_path):
    """place() hard-links the finished partial to the final name, then unlinks the partial: a run killed in
    between (seen on a loaded CI machine, the next file already streaming) leaves the same bytes under both
    names. The rerun finds the final file verified; it must drop the spent partial, not keep it for ever."""
    models = tmp_path / "models"
    r = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    final = models / "diffusion_models" / "flux-2-klein-4b-fp8.safetensors"
    part = (models / "diffusion_models" / ".klein-doctor" / "staging" / "partial"
            / f"flux-2-klein-4b-fp8.safetensors.{world['sha']['dm'][:16]}.incomplete")
    part.parent.mkdir(parents=True, exist_ok=True)
    os.link(final, part)  # the state a kill right after os.link(staged, dest) leaves
    r2 = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes")
    assert r2.returncode == 0, r2.stdout + r2.stderr
    assert not part.exists()
    assert "removed a partial download of flux-2-klein-4b-fp8.safetensors left by an interrupted run" in r2.stderr
    assert sha256_file(final) == world["sha"]["dm"] and final.stat().st_nlink == 1
    assert r2.stdout.count("already verified") == 3
    # a --from reuse staged as a copy (another drive) and killed before its staged name was removed: dropped too
    import shutil

    reuse = models / "text_encoders" / ".klein-doctor" / "staging" / "reuse" / "qwen_3_4b.safetensors"
    reuse.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(models / "text_encoders" / "qwen_3_4b.safetensors", reuse)
    r4 = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes")
    assert r4.returncode == 0 and not reuse.exists(), r4.stdout + r4.stderr
    assert "removed a staged copy of qwen_3_4b.safetensors left by an interrupted run" in r4.stderr
    # a dry run only looks: the partial it would drop stays
    os.link(final, part)
    r3 = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--dry-run")
    assert r3.returncode == 0 and part.exists()


def test_dry_run_downloads_nothing(world, hub, tmp_path):
    r = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--dry-run")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "download" in r.stdout and "flux2-vae.safetensors" in r.stdout
    assert not [e for e in hub.log if e[0] == "GET" and "/resolve/" in e[1]]
    assert not (tmp_path / "models" / "vae" / "flux2-vae.safetensors").exists()


def test_wrong_bytes_are_quarantined(world, hub, tmp_path):
    hub.faults.wrong_bytes.add(f"{VAE[0]}:{VAE[1]}")
    r = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes")
    assert r.returncode == 1
    final = tmp_path / "models" / "vae" / "flux2-vae.safetensors"
    assert not final.exists()
    assert "sha256 mismatch" in r.stderr and world["sha"]["vae"] in r.stderr
    q = list((tmp_path / "models" / "vae" / ".klein-doctor" / "quarantine").iterdir())
    assert len(q) == 1 and sha256_file(q[0]) in r.stderr and not q[0].name.endswith(".safetensors")
    # the other files were still installed and verified
    assert sha256_file(tmp_path / "models" / "text_encoders" / "qwen_3_4b.safetensors") == world["sha"]["te"]
    hub.faults.wrong_bytes.clear()
    r2 = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes")
    assert r2.returncode == 0, r2.stderr
    assert_installed(world, tmp_path / "models")


def test_connection_drop_is_resumed_with_range(world, hub, tmp_path):
    """One dropped connection mid-file: the client resumes with a Range request in the same run."""
    hub.faults.die_after[f"{TE[0]}:{TE[1]}"] = 11_000_000
    r = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert any(rng.startswith("bytes=") for _m, _p, rng in hub.gets(TE[1]))
    assert_installed(world, tmp_path / "models")


def test_server_dies_then_recovers(world, hub, tmp_path):
    """A drop followed by a short outage is ridden out (retries resume from the bytes received); a long
    outage fails with a message saying the rerun resumes, and the rerun fetches only the rest."""
    hub.faults.die_after[f"{DM[0]}:{DM[1]}"] = 200_000
    hub.faults.down_after_die = 1  # the first retry sees 503, the next one resumes
    r = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes", "--jobs", "1")
    assert r.returncode == 0, r.stdout + r.stderr
    assert any(rng == "bytes=200000-" for _m, _p, rng in hub.gets(DM[1])), hub.gets(DM[1])
    assert_installed(world, tmp_path / "models")

    tmp2 = tmp_path / "second"
    hub.faults.die_times = 1
    hub.faults.down_after_die = 1000  # down for good: this run fails
    r = install(hub.url, world, tmp2, "--path", "comfyui", *models_args(tmp2), "--yes", "--jobs", "1")
    assert r.returncode == 1
    assert "interrupted" in r.stderr and "HTTP 503" in r.stderr, r.stderr
    assert "Rerun" in r.stderr and "resumes" in r.stderr
    assert not (tmp2 / "models" / "diffusion_models" / "flux-2-klein-4b-fp8.safetensors").exists()
    hub._down = 0
    hub.sent = 0
    r2 = install(hub.url, world, tmp2, "--path", "comfyui", *models_args(tmp2), "--yes")
    assert r2.returncode == 0, r2.stdout + r2.stderr
    assert "resuming after" in r2.stderr
    assert_installed(world, tmp2 / "models")
    assert hub.sent == world["size"]["dm"] - 200_000 + world["size"]["te"] + world["size"]["vae"]
    no_partial_files(tmp2 / "models")


def test_kill_9_at_60_percent_then_rerun_fetches_only_the_rest(world, hub, tmp_path):
    """Byte-level resume: SIGKILL while the hub holds the stream at 60% of the first file; the rerun asks for
    the rest with Range and the hub's byte counter shows it sent only what was missing."""
    dm = world["size"]["dm"]
    hub.arm_pause(int(dm * 0.6))
    e = {"HF_ENDPOINT": hub.url, "HF_HOME": str(tmp_path / "hfhome"), "HF_HUB_CACHE": str(tmp_path / "hfcache"),
         "HF_TOKEN": "", "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "doctor", "install", "--manifest", str(world["manifest"]),
                             "--path", "comfyui", *models_args(tmp_path), "--yes", "--jobs", "1"],
                            env=dict(os.environ, **e), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert hub.paused.wait(30), "the download never reached 60%"
        time.sleep(0.3)  # let the client write what it received
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        hub.faults.pause_at = None
        hub.release.set()
    stage = tmp_path / "models" / "diffusion_models" / ".klein-doctor" / "staging"
    partial = list(stage.rglob("*.incomplete"))
    assert len(partial) == 1
    kept = partial[0].stat().st_size
    assert dm * 0.6 - (4 << 20) <= kept <= dm * 0.6, kept
    assert not (tmp_path / "models" / "diffusion_models" / "flux-2-klein-4b-fp8.safetensors").exists()
    time.sleep(0.2)
    hub.log.clear()
    hub.sent = 0
    r = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "resuming after" in r.stderr
    assert [rng for _m, _p, rng in hub.gets(DM[1])] == [f"bytes={kept}-"]
    assert hub.sent == (dm - kept) + world["size"]["te"] + world["size"]["vae"]  # only the rest of the first file
    assert "flux-2-klein-4b-fp8.safetensors: 100% 24.95 MB of 24.95 MB" in r.stderr  # progress reaches 100%
    assert_installed(world, tmp_path / "models")
    assert not list(stage.rglob("*.incomplete"))


def test_not_enough_disk_is_refused_before_downloading(world, hub, tmp_path):
    r = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes",
                env={"KLEIN_DOCTOR_FAKE_FREE_BYTES": str(100 << 20)})
    assert r.returncode == 1
    assert "not enough disk space" in r.stderr and "Nothing was downloaded" in r.stderr
    assert not [e for e in hub.log if e[0] == "GET" and "/resolve/" in e[1]]


def test_existing_wrong_file_untouched_without_force(world, hub, tmp_path):
    target = tmp_path / "models" / "vae" / "flux2-vae.safetensors"
    write_safetensors(target, {"decoder.conv_in.weight": ("BF16", [512, 16, 3, 3])})  # a FLUX.1-shaped VAE
    before = sha256_file(target)
    r = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes")
    assert r.returncode == 1
    assert "STOP" in r.stderr and "--force" in r.stderr
    assert sha256_file(target) == before
    assert not [e for e in hub.log if e[0] == "GET" and "/resolve/" in e[1]]
    r2 = install(hub.url, world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes", "--force")
    assert r2.returncode == 0, r2.stderr
    assert_installed(world, tmp_path / "models")
    backups = list(target.parent.glob("flux2-vae.safetensors.backup-*"))
    assert len(backups) == 1 and sha256_file(backups[0]) == before


def test_from_dir_offline_and_reuse(world, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    for key, name in (("dm", "flux-2-klein-4b-fp8.safetensors"), ("te", "qwen_3_4b.safetensors"),
                      ("vae", "flux2-vae.safetensors")):
        (usb / name).write_bytes((world["src"] / f"{key}.safetensors").read_bytes())
    # no server at all: an endpoint that refuses connections
    r = install("http://127.0.0.1:9", world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes",
                "--from", str(usb))
    assert r.returncode == 0, r.stdout + r.stderr
    assert_installed(world, tmp_path / "models")
    (usb / "flux2-vae.safetensors").write_bytes(b"\0" * 10)  # a bad copy on the stick is caught
    (tmp_path / "models" / "vae" / "flux2-vae.safetensors").unlink()
    r2 = install("http://127.0.0.1:9", world, tmp_path, "--path", "comfyui", *models_args(tmp_path), "--yes",
                 "--from", str(usb))
    assert r2.returncode == 1
    assert not (tmp_path / "models" / "vae" / "flux2-vae.safetensors").exists()


def test_gated_401_says_what_to_do_and_hides_token(world, hub, tmp_path):
    r = install(hub.url, world, tmp_path, "--path", "comfyui", "--variant", "klein-9b-fp8",
                *models_args(tmp_path), "--yes")
    assert r.returncode == 1
    assert "accept the licence" in r.stderr and "HF_TOKEN" in r.stderr
    bad = "hf_WrongTokenAlsoSecret987654"
    r2 = install(hub.url, world, tmp_path, "--path", "comfyui", "--variant", "klein-9b-fp8",
                 *models_args(tmp_path), "--yes", "-v", env={"HF_TOKEN": bad})
    assert r2.returncode == 1 and "accept the licence" in r2.stderr
    assert bad not in r2.stdout + r2.stderr
    r3 = install(hub.url, world, tmp_path, "--path", "comfyui", "--variant", "klein-9b-fp8",
                 *models_args(tmp_path), "--yes", env={"HF_TOKEN": TOKEN})
    assert r3.returncode == 0, r3.stderr
    assert TOKEN not in r3.stdout + r3.stderr
    assert sha256_file(tmp_path / "models" / "diffusion_models" / "flux-2-klein-9b-fp8.safetensors") == world["sha"]["g9"]


def test_two_installs_at_once_do_not_corrupt(world, hub, tmp_path):
    hub.faults.rate[f"{VAE[0]}:{VAE[1]}"] = 400_000
    e = {"HF_ENDPOINT": hub.url, "HF_HOME": str(tmp_path / "hfhome"), "HF_HUB_CACHE": str(tmp_path / "hfcache"),
         "HF_TOKEN": "", "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-m", "doctor", "install", "--manifest", str(world["manifest"]), "--path", "comfyui",
           *models_args(tmp_path), "--yes"]
    procs = [subprocess.Popen(cmd, env=dict(os.environ, **e), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert_installed(world, tmp_path / "models")
    assert len(hub.gets(VAE[1])) == 1  # the second waited for the lock, then found it verified


# ---------------------------------------------------------------------------------------------- diffusers path


def test_diffusers_snapshot_verified_and_snippet(world, hub, tmp_path):
    r = install(hub.url, world, tmp_path, "--path", "diffusers", "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Flux2KleinPipeline.from_pretrained" in r.stdout and "torch.bfloat16" in r.stdout
    assert "enable_model_cpu_offload" in r.stdout
    snap = next((tmp_path / "hfcache").glob("models--black-forest-labs--FLUX.2-klein-4B/snapshots/*"))
    assert (snap / "vae" / "diffusion_pytorch_model.safetensors").is_file()
    assert not (snap / "flux-2-klein-4b.safetensors").exists()  # the single-file copy is not needed
    assert r.stdout.count("sha256 verified") == 2
    hub.faults.wrong_bytes.add(f"{DIFF}:vae/diffusion_pytorch_model.safetensors")
    r2 = install(hub.url, world, tmp_path, "--path", "diffusers", "--yes", "--local-dir", str(tmp_path / "klein"),
                 env={"HF_HUB_CACHE": str(tmp_path / "empty-cache")})  # else the verified cached blob is copied
    assert r2.returncode == 1 and "sha256 mismatch" in r2.stderr
    assert not (tmp_path / "klein" / "vae" / "diffusion_pytorch_model.safetensors").exists()


def test_install_honours_extra_model_paths_then_check_passes(world, hub, tmp_path):
    """A git ComfyUI whose extra_model_paths.yaml marks a shared folder is_default: the files go there
    (where ComfyUI looks first), and `check` on the same install then finds them in place, whole and
    verified. (Header identity needs real-size files; tests/test_models.py covers it with sparse ones.)"""
    from comfy_trees import add_extra_yaml, git_tree

    root = git_tree(tmp_path / "c")
    shared_models = tmp_path / "shared-models"
    add_extra_yaml(root, shared_models, text=(
        "nas:\n"
        f"    base_path: {shared_models}\n"
        "    is_default: true\n"
        "    diffusion_models: diffusion_models\n"
        "    text_encoders: text_encoders\n"
        "    vae: vae\n"))
    r = install(hub.url, world, tmp_path, "--path", "comfyui", "--comfyui", str(root), "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "is_default in extra_model_paths.yaml:nas" in r.stdout + r.stderr
    assert_installed(world, shared_models)
    assert not any(list((root / "models" / d).glob("*.safetensors")) for d in ("diffusion_models", "text_encoders", "vae"))
    env = {"KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "kdcache")}
    c = run_cli("check", "--json", "--path", "comfyui", "--comfyui", str(root), "--manifest", str(world["manifest"]),
                "--no-server", "--check", "models.found", "--check", "models.present", "--check", "models.integrity",
                "--check", "models.hash", env=env)
    doc = json.loads(c.stdout)
    bad = [f for f in doc["findings"] if f["status"] in ("fail", "warn", "error")]
    assert not bad, bad
    assert sum(f["code"] == "models.hash.verified" or f["code"].startswith("models.hash.ok") for f in doc["findings"]) >= 1, \
        [f["code"] for f in doc["findings"]]


def test_checks_install_commands_run_as_printed_from_another_folder(world, hub, tmp_path):
    """`check --comfyui DIR` on an install with a missing encoder and a wrong file under the VAE's name prints
    `klein-doctor install ...` fixes. Run as printed, from a folder that is not the install (install's own
    search starts in the working folder), they must land the files in the folder check judged: so the command
    carries `--comfyui DIR`, and where a wrong file holds the name, `--force` (without it install stops and
    touches nothing). The wrong file is kept under a .backup name; check afterwards finds nothing to fix."""
    import shlex

    from comfy_trees import git_tree

    root = git_tree(tmp_path / "My AI")  # a space in the path: the command must quote it
    models = root / "models"
    (models / "diffusion_models").mkdir(parents=True, exist_ok=True)
    (models / "vae").mkdir(parents=True, exist_ok=True)
    shutil.copy(world["src"] / "dm.safetensors", models / "diffusion_models" / "flux-2-klein-4b-fp8.safetensors")
    wrong = models / "vae" / "flux2-vae.safetensors"
    write_safetensors(wrong, {"decoder.conv_in.weight": ("BF16", [512, 16, 3, 3])})  # a FLUX.1-shaped VAE
    before = sha256_file(wrong)
    env = {"KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "kdcache")}
    args = ("check", "--json", "--path", "comfyui", "--comfyui", str(root), "--manifest", str(world["manifest"]),
            "--no-server", "--no-redact", "--check", "models")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    doc = json.loads(run_cli(*args, env=env, cwd=elsewhere).stdout)
    failing = {f["code"]: f for f in doc["findings"] if f["status"] == "fail"}
    assert {"models.missing.text_encoder", "models.identity.vae"} <= set(failing), sorted(failing)
    assert not [f for f in doc["findings"] if f["status"] == "error"]  # a --manifest without `model =` once crashed identity
    lines = {c["line"] for f in failing.values() for c in (f.get("fix") or {}).get("commands") or []
             if c["shell"] == "posix" and c["line"].startswith("klein-doctor install")}
    assert lines, failing
    for line in lines:
        argv = shlex.split(line)
        assert argv[argv.index("--comfyui") + 1] == str(root) and argv[argv.index("--manifest") + 1] == str(world["manifest"])
    assert any("--force" in shlex.split(line) for line in lines), lines  # the VAE name is held by a wrong file
    bindir = tmp_path / "bin"  # `klein-doctor` on PATH as an installed user has it
    bindir.mkdir()
    (bindir / "klein-doctor").write_text(f'#!/bin/sh\nPYTHONPATH={shlex.quote(str(REPO))} exec {shlex.quote(sys.executable)} '
                                         '-m doctor "$@"\n')
    (bindir / "klein-doctor").chmod(0o755)
    e = {"HF_ENDPOINT": hub.url, "HF_HOME": str(tmp_path / "hfhome"), "HF_HUB_CACHE": str(tmp_path / "hfcache"),
         "HF_HUB_DISABLE_TELEMETRY": "1", "HF_TOKEN": "", "KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "kdcache"),
         "PATH": f"{bindir}:/usr/bin:/bin", "HOME": str(tmp_path), "NO_COLOR": "1"}
    for line in sorted(lines, key=lambda x: "--force" not in x):  # one of them installs everything
        r = subprocess.run(["bash", "-c", line + " --yes"], cwd=elsewhere, env=e, capture_output=True, text=True,
                           timeout=120)
        assert r.returncode == 0, r.stdout + r.stderr
    assert_installed(world, models)
    backups = list((models / "vae").glob("flux2-vae.safetensors.backup-*"))
    assert len(backups) == 1 and sha256_file(backups[0]) == before
    assert not list(elsewhere.rglob("*.safetensors"))
    # the test world's small files carry no real-size headers, so identity is judged on real ones elsewhere
    # (tests/test_models.py); here the files are in place, whole and the published bytes
    after = args[:-1] + ("models.found", "--check", "models.present", "--check", "models.integrity", "--check", "models.hash")
    doc = json.loads(run_cli(*after, env=env, cwd=elsewhere).stdout)
    assert not [f["code"] for f in doc["findings"] if f["status"] in ("fail", "error", "warn")]
    assert sum(f["code"] == "models.hash.verified" for f in doc["findings"]) == 3


def test_fix_repairs_a_damaged_non_default_diffusers_snapshot_with_its_own_variant(world, tmp_path):
    """A snapshot of a second diffusers variant (not `default_for`) with a damaged blob in the cache: check's
    printed install command and the one `fix` runs both name that variant (fix once passed only a --variant
    given on its own command line, so install fetched the default repo and left the damaged one as it was);
    fix runs it against the HF-protocol server and check then finds the snapshot whole."""
    base = "black-forest-labs/FLUX.2-klein-base-4B"
    src = world["src"]
    repo = Repo.from_files(base, {"model_index.json": src / "model_index.json",
                                  "vae/diffusion_pytorch_model.safetensors": src / "dvae.safetensors",
                                  "transformer/diffusion_pytorch_model.safetensors": src / "dtr.safetensors",
                                  "scheduler/scheduler_config.json": src / "scheduler_config.json"})
    manifest = tmp_path / "models.toml"
    manifest.write_text(world["manifest"].read_text()
                        + '[[variant]]\nid = "klein-4b-base"\nsteps = 50\nguidance = 4.0\nsource = "t"\ntag = "[I]"\n'
                          f'[variant.diffusers]\nrepo = "{base}"\nrevision = "main"\npipeline_class = "Flux2KleinPipeline"\n'
                          'components = ["transformer", "vae", "scheduler"]\nsource = "t"\ntag = "[I]"\nfiles = [\n'
                          f'  {{ repo_path = "vae/diffusion_pytorch_model.safetensors", sha256 = "{world["sha"]["dvae"]}" }},\n]\n')
    with FakeHub([*world["repos"], repo], token=TOKEN) as hub:
        e = {"HF_ENDPOINT": hub.url, "HF_HOME": str(tmp_path / "hfhome"), "HF_HUB_CACHE": str(tmp_path / "hfcache"),
             "HF_HUB_DISABLE_TELEMETRY": "1", "HF_TOKEN": "", "HF_HUB_ETAG_TIMEOUT": "5",
             "KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "kdcache"), "NO_COLOR": "1"}
        r = run_cli("install", "--manifest", str(manifest), "--path", "diffusers", "--variant", "klein-4b-base", "--yes",
                    env=e, timeout=60)
        assert r.returncode == 0, r.stdout + r.stderr
        blob = next((tmp_path / "hfcache").glob("models--black-forest-labs--FLUX.2-klein-base-4B/blobs/"
                                                 + world["sha"]["dvae"]))
        data = blob.read_bytes()
        blob.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # one flipped bit, same size
        args = ("--manifest", str(manifest), "--path", "diffusers", "--no-redact", "--check", "models")
        doc = json.loads(run_cli("check", "--json", *args, env=e).stdout)
        f = next(f for f in doc["findings"] if f["code"] == "models.diffusers.corrupt")
        assert f["title"].startswith(base + ":") and f["subject"] == base  # fix finds the snapshot by its subject
        line = next(c["line"] for c in f["fix"]["commands"] if c["shell"] == "posix")
        argv = shlex.split(line)
        assert argv[argv.index("--variant") + 1] == "klein-4b-base" and argv[argv.index("--manifest") + 1] == str(manifest)
        dry = run_cli("fix", *args, "--dry-run", env=e, timeout=60)
        cmd = next(ln for ln in dry.stdout.splitlines() if "command:" in ln and "install" in ln)
        assert "--variant klein-4b-base" in cmd, dry.stdout
        r = run_cli("fix", *args, "--yes", env=e, timeout=120)
        assert r.returncode == 0, r.stdout + r.stderr
        assert sha256_file(blob) == world["sha"]["dvae"]
        doc = json.loads(run_cli("check", "--json", *args, env=e).stdout)
        found = {f["code"]: f for f in doc["findings"] if f["code"].startswith("models.diffusers")}
        assert set(found) == {"models.diffusers.ok"} and found["models.diffusers.ok"]["title"].startswith(base), found


def test_a_folder_option_naming_a_file_is_a_usage_error_before_anything_is_fetched(world, hub, tmp_path):
    """`--local-dir notes.txt` (or --comfyui / --models-dir / --from naming a file) once went on to ask the Hub and
    would have failed half way creating folders under a file; it is exit 2 at once, no request made."""
    f = tmp_path / "notes.txt"
    f.write_text("mine\n")
    before = len(hub.log)
    for args in (("--path", "diffusers", "--local-dir", str(f)), ("--path", "comfyui", "--comfyui", str(f)),
                 ("--path", "comfyui", "--models-dir", str(f)),
                 ("--path", "comfyui", "--models-dir", str(tmp_path / "m"), "--from", str(f))):
        r = install(hub.url, world, tmp_path, *args, "--yes")
        flag = args[-2]
        assert r.returncode == 2 and f"{flag} {f} is a file, not a folder" in r.stdout + r.stderr, (args, r.stdout, r.stderr)
    assert f.read_text() == "mine\n" and not (tmp_path / "m").exists()
    assert len(hub.log) == before
