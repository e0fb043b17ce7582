"""A hostile or slow hub (issue 8): `klein-doctor install` against a FakeHub that stalls mid-body, answers its
metadata slowly, sends malformed JSON or nonsense headers, sends 100 MB where a small file is expected, or
resets the connection.

Why: an installer that hangs forever, fills a disk or dies with a traceback on a bad mirror is worse than
none. Each run must end inside a bound (the client's timeouts are set small, as a user behind a bad proxy
would), exit 1 or 2 with one clear line naming the file and what happened, leave no file at a final path
that is not the verified one, and a rerun against a good hub must then complete.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from conftest import run_cli
from hub_server import DM, TE, VAE, klein_4b_fp8_toml, FakeHub, Faults, Repo, sha256_file, write_safetensors

DIFF = "black-forest-labs/FLUX.2-klein-4B"
DVAE = "vae/diffusion_pytorch_model.safetensors"
FINAL = {"dm": "diffusion_models/flux-2-klein-4b-fp8.safetensors", "te": "text_encoders/qwen_3_4b.safetensors",
         "vae": "vae/flux2-vae.safetensors"}
TIMEOUT_S = 2          # HF_HUB_DOWNLOAD_TIMEOUT and HF_HUB_ETAG_TIMEOUT for the hostile runs
BOUND_S = 60.0         # every hostile run must end within this


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostileworld")
    src = d / "src"
    files = {
        "dm": write_safetensors(src / "dm.safetensors", {"img_in.weight": ("BF16", [3072, 128]),
                                                         "txt_in.weight": ("F8_E4M3", [3072, 1024])}),
        "te": write_safetensors(src / "te.safetensors", {"model.embed_tokens.weight": ("BF16", [512, 1536])}),
        "vae": write_safetensors(src / "vae.safetensors", {"decoder.conv_in.weight": ("BF16", [512, 32, 3, 3])}),
        "dvae": write_safetensors(src / "dvae.safetensors", {"decoder.conv_in.weight": ("BF16", [512, 32, 3, 3])},
                                  payload_seed=b"dvae"),
        "dtr": write_safetensors(src / "dtr.safetensors", {"x_embedder.weight": ("BF16", [3072, 128])}),
    }
    (src / "model_index.json").write_text(json.dumps({"_class_name": "Flux2KleinPipeline"}))
    sha = {k: sha256_file(v) for k, v in files.items()}
    size = {k: v.stat().st_size for k, v in files.items()}

    manifest = d / "models.toml"
    manifest.write_text(
        klein_4b_fp8_toml(size, sha)
        + '[[variant]]\nid = "klein-4b"\ndefault_for = ["diffusers"]\nsteps = 4\nguidance = 1.0\nsource = "t"\n'
          'tag = "[I]"\n[variant.diffusers]\n'
          f'repo = "{DIFF}"\nrevision = "main"\npipeline_class = "Flux2KleinPipeline"\n'
          'components = ["transformer", "vae"]\nsource = "t"\ntag = "[I]"\nfiles = [\n'
          f'  {{ repo_path = "{DVAE}", sha256 = "{sha["dvae"]}" }},\n]\n')
    repos = [Repo.from_files(DM[0], {DM[1]: files["dm"]}), Repo.from_files(TE[0], {TE[1]: files["te"]}),
             Repo.from_files(VAE[0], {VAE[1]: files["vae"]}),
             Repo.from_files(DIFF, {"model_index.json": src / "model_index.json", DVAE: files["dvae"],
                                    "transformer/diffusion_pytorch_model.safetensors": files["dtr"]})]
    return {"manifest": manifest, "repos": repos, "sha": sha, "size": size}


@pytest.fixture
def hub(world):
    with FakeHub(world["repos"]) as h:
        yield h


def install(hub: FakeHub, world, tmp_path: Path, *args: str) -> tuple[object, float]:
    env = {"HF_ENDPOINT": hub.url, "HF_HOME": str(tmp_path / "hfhome"), "HF_HUB_CACHE": str(tmp_path / "hfcache"),
           "HF_HUB_DISABLE_TELEMETRY": "1", "HF_TOKEN": "", "HF_HUB_DOWNLOAD_TIMEOUT": str(TIMEOUT_S),
           "HF_HUB_ETAG_TIMEOUT": str(TIMEOUT_S)}
    t = time.monotonic()
    r = run_cli("install", "--manifest", str(world["manifest"]), *args, env=env, timeout=BOUND_S + 30)
    return r, time.monotonic() - t


def comfy(tmp_path: Path) -> list[str]:
    return ["--path", "comfyui", "--models-dir", str(tmp_path / "models"), "--yes"]


def assert_failed_cleanly(r, took: float, *, mentions: list[str]) -> str:
    """Ended in time, exit 1 or 2, no traceback, and one line that says what happened; returns that line."""
    out = r.stdout + r.stderr
    assert took < BOUND_S, f"took {took:.1f} s\n{out}"
    assert r.returncode in (1, 2), out
    assert "Traceback" not in out and "internal error" not in out, out
    lines = [ln for ln in r.stderr.splitlines() if all(m.lower() in ln.lower() for m in mentions)]
    assert lines, f"no line mentions {mentions}:\n{r.stderr}"
    return lines[0]


def assert_finals(world, models: Path, absent: list[str]) -> None:
    """The hostile file is not at its final path; any other file there is the verified one."""
    for key, rel in FINAL.items():
        p = models / rel
        if key in absent:
            assert not p.exists(), rel
        elif p.exists():
            assert sha256_file(p) == world["sha"][key], rel
    for p in models.rglob("*"):
        assert ".klein-doctor" in p.parts or not p.name.endswith(".incomplete"), p


def rerun_completes(hub: FakeHub, world, tmp_path: Path) -> None:
    hub.faults = Faults()  # a good hub again
    r, _took = install(hub, world, tmp_path, *comfy(tmp_path))
    assert r.returncode == 0, r.stdout + r.stderr
    for key, rel in FINAL.items():
        assert sha256_file(tmp_path / "models" / rel) == world["sha"][key], rel


# ---------------------------------------------------------------------------------------------- slow


def test_body_stalls_longer_than_the_client_timeout(world, hub, tmp_path):
    """The hub sends 1 MB of the diffusion model, then holds the connection open and sends nothing."""
    hub.faults.stall_after[f"{DM[0]}:{DM[1]}"] = 1_000_000
    r, took = install(hub, world, tmp_path, *comfy(tmp_path))
    line = assert_failed_cleanly(r, took, mentions=["flux-2-klein-4b-fp8", "interrupted"])
    assert "Rerun" in line
    assert_finals(world, tmp_path / "models", absent=["dm"])
    rerun_completes(hub, world, tmp_path)


def test_metadata_answers_slower_than_the_etag_timeout(world, hub, tmp_path):
    """Every HEAD (size, commit, etag) takes 4 s, twice HF_HUB_ETAG_TIMEOUT: stop before downloading."""
    hub.faults.meta_delay = 2 * TIMEOUT_S
    r, took = install(hub, world, tmp_path, *comfy(tmp_path))
    line = assert_failed_cleanly(r, took, mentions=["did not answer in time", "HF_ENDPOINT"])
    assert "interrupted" not in line  # nothing was being downloaded: say what it is, not "interrupted"
    assert not [e for e in hub.log if e[0] == "GET" and "/resolve/" in e[1]]
    assert_finals(world, tmp_path / "models", absent=["dm", "te", "vae"])
    rerun_completes(hub, world, tmp_path)


# ---------------------------------------------------------------------------------------------- malformed


@pytest.mark.parametrize("where", ["info", "tree"])
def test_malformed_json_from_the_api(world, hub, tmp_path, where):
    """diffusers asks /api/models/... for the commit and the file list: a body cut off mid-JSON."""
    hub.faults.bad_json.add(where)
    local = tmp_path / "klein"
    r, took = install(hub, world, tmp_path, "--path", "diffusers", "--yes", "--local-dir", str(local))
    line = assert_failed_cleanly(r, took, mentions=[DIFF])
    assert "json" in line.lower() or "malformed" in line.lower(), line
    assert not (local / DVAE).exists()
    hub.faults.bad_json.clear()
    r2, _ = install(hub, world, tmp_path, "--path", "diffusers", "--yes", "--local-dir", str(local))
    assert r2.returncode == 0, r2.stdout + r2.stderr
    assert sha256_file(local / DVAE) == world["sha"]["dvae"]


def test_nonsense_file_metadata(world, hub, tmp_path):
    """HEAD for the VAE has no ETag, a size that is not a number and a commit that is not a hash."""
    hub.faults.bad_meta.add(f"{VAE[0]}:{VAE[1]}")
    r, took = install(hub, world, tmp_path, *comfy(tmp_path))
    assert_failed_cleanly(r, took, mentions=["flux2-vae"])
    assert_finals(world, tmp_path / "models", absent=["vae"])
    rerun_completes(hub, world, tmp_path)


# ---------------------------------------------------------------------------------------------- too big


@pytest.mark.parametrize("head_admits_it", [False, True], ids=["head-lies", "head-says-100MB"])
def test_100_mb_body_where_a_small_file_is_expected(world, hub, tmp_path, head_admits_it):
    """The VAE is ~0.3 MB in the manifest; the hub streams 100 MB of junk for it. At most one client chunk
    (10 MB) may reach the disk, and the junk never reaches the final path."""
    hub.faults.oversize[f"{VAE[0]}:{VAE[1]}"] = 100 * 1000 * 1000
    hub.faults.oversize_head = head_admits_it
    r, took = install(hub, world, tmp_path, *comfy(tmp_path))
    line = assert_failed_cleanly(r, took, mentions=["flux2-vae"])
    assert str(world["size"]["vae"]) in line, line
    if head_admits_it:  # known before the first byte: bytes of another size cannot have the manifest's sha256
        assert "Not downloaded" in line and not hub.gets(VAE[1]), line
    assert_finals(world, tmp_path / "models", absent=["vae"])
    on_disk = sum(p.stat().st_size for p in (tmp_path / "models").rglob("*") if p.is_file())
    assert on_disk < world["size"]["dm"] + world["size"]["te"] + 21 * 1024 * 1024, on_disk
    rerun_completes(hub, world, tmp_path)


# ---------------------------------------------------------------------------------------------- reset


def test_connection_reset_mid_file(world, hub, tmp_path):
    """Every GET of the text encoder ends in a TCP RST (not a clean close) at the same byte, 500 KB into the
    file, so resuming cannot get past it. (A reset after 500 KB *per request* is not a failure: byte-level
    resume gets the whole file in four requests.)"""
    hub.faults.reset_after[f"{TE[0]}:{TE[1]}"] = 500_000
    r, took = install(hub, world, tmp_path, *comfy(tmp_path))
    line = assert_failed_cleanly(r, took, mentions=["qwen_3_4b", "interrupted"])
    assert "Rerun" in line
    assert_finals(world, tmp_path / "models", absent=["te"])
    rerun_completes(hub, world, tmp_path)


def _env_run(world, tmp_path: Path, endpoint: str, *args: str, extra: dict | None = None):
    env = {"HF_ENDPOINT": endpoint, "HF_HOME": str(tmp_path / "hfhome"), "HF_HUB_CACHE": str(tmp_path / "hfcache"),
           "HF_HUB_DISABLE_TELEMETRY": "1", "HF_TOKEN": "", "HF_HUB_DOWNLOAD_TIMEOUT": str(TIMEOUT_S),
           "HF_HUB_ETAG_TIMEOUT": str(TIMEOUT_S), **(extra or {})}
    t = time.monotonic()
    r = run_cli("install", "--manifest", str(world["manifest"]), *args, env=env, timeout=BOUND_S + 30)
    return r, time.monotonic() - t


def test_unreachable_hub_is_named_with_hf_endpoint_and_credentials_are_hidden(world, tmp_path):
    """Nothing listens at HF_ENDPOINT (which carries user:pass@): the message says the hub cannot be reached,
    names HF_ENDPOINT, and never prints the credentials (issue 16)."""
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # a port with no listener: connection refused
    endpoint = f"http://alice:s3cretPass@127.0.0.1:{port}"
    for args in (comfy(tmp_path), ["--path", "diffusers", "--yes", "--local-dir", str(tmp_path / "d")]):
        r, took = _env_run(world, tmp_path, endpoint, *args)
        line = assert_failed_cleanly(r, took, mentions=["cannot be reached", "HF_ENDPOINT"])
        assert "interrupted" not in line
        assert "s3cretPass" not in r.stdout + r.stderr and "alice" not in r.stdout + r.stderr
        assert "<redacted>@127.0.0.1" in r.stderr
    assert not (tmp_path / "models" / "vae" / "flux2-vae.safetensors").exists()


@pytest.mark.parametrize("path", ["comfyui", "diffusers"])
def test_offline_mode_is_named(world, hub, tmp_path, path):
    args = comfy(tmp_path) if path == "comfyui" else ["--path", "diffusers", "--yes"]
    r, took = _env_run(world, tmp_path, hub.url, *args, extra={"HF_HUB_OFFLINE": "1"})
    line = assert_failed_cleanly(r, took, mentions=["HF_HUB_OFFLINE", "--from"])
    assert "interrupted" not in line
    assert not hub.log  # offline means not one request
    if path == "comfyui":  # the plan is still shown with --dry-run, and says why nothing can be fetched
        r2, _ = _env_run(world, tmp_path, hub.url, *args, "--dry-run", extra={"HF_HUB_OFFLINE": "1"})
        assert r2.returncode == 0, r2.stderr
        assert "HF_HUB_OFFLINE is set" in r2.stdout and not hub.log
