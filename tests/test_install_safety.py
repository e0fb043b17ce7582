"""`install` is safe with any manifest and any destination (issue 15): hostile manifests are refused before
anything happens and nothing is written outside the chosen folder; --dry-run writes nothing; dangling links
at a destination are planned for; --from judges each file on its own; one sha256 cache with `check`; the
plan fits the terminal or falls back to one block per file; the first Ctrl-C stops within a second.

Real parts: a FakeHub on 127.0.0.1 that the real client talks to, real safetensors files, the CLI as a
subprocess.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, run_cli, sigint_default
from hub_server import DM, TE, VAE, FakeHub, Repo, comfy_file_row, klein_4b_fp8_toml, sha256_file, write_safetensors

DIFF = "black-forest-labs/FLUX.2-klein-4B"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    d = tmp_path_factory.mktemp("safeworld")
    src = d / "src"
    files = {
        "dm": write_safetensors(src / "dm.safetensors", {"txt_in.weight": ("F8_E4M3", [3072, 2048])}),
        "te": write_safetensors(src / "te.safetensors", {"model.embed_tokens.weight": ("BF16", [512, 1536])}),
        "vae": write_safetensors(src / "vae.safetensors", {"decoder.conv_in.weight": ("BF16", [512, 32, 3, 3])}),
        "dvae": write_safetensors(src / "dvae.safetensors", {"decoder.conv_in.weight": ("BF16", [512, 32, 3, 3])},
                                  payload_seed=b"dvae"),
    }
    (src / "model_index.json").write_text(json.dumps({"_class_name": "Flux2KleinPipeline"}))
    sha = {k: sha256_file(v) for k, v in files.items()}
    size = {k: v.stat().st_size for k, v in files.items()}
    manifest = d / "models.toml"
    manifest.write_text(
        klein_4b_fp8_toml(size, sha)
        + '[[variant]]\nid = "klein-4b"\ndefault_for = ["diffusers"]\nsource = "t"\ntag = "[I]"\n[variant.diffusers]\n'
          f'repo = "{DIFF}"\nrevision = "main"\ncomponents = ["vae"]\nsource = "t"\ntag = "[I]"\n')
    repos = [Repo.from_files(DM[0], {DM[1]: files["dm"]}), Repo.from_files(TE[0], {TE[1]: files["te"]}),
             Repo.from_files(VAE[0], {VAE[1]: files["vae"]}),
             Repo.from_files(DIFF, {"model_index.json": src / "model_index.json",
                                    "vae/diffusion_pytorch_model.safetensors": files["dvae"]})]
    return {"dir": d, "src": files, "sha": sha, "size": size, "manifest": manifest, "repos": repos}


@pytest.fixture
def hub(world):
    with FakeHub(world["repos"]) as h:
        yield h


def env_for(url: str, tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"HF_ENDPOINT": url, "HF_HOME": str(tmp_path / "hfhome"), "HF_HUB_CACHE": str(tmp_path / "hfcache"),
            "HF_HUB_DISABLE_TELEMETRY": "1", "HF_TOKEN": "", "HF_HUB_ETAG_TIMEOUT": "5",
            "KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "kdcache"), **extra}


def install(url: str, manifest: Path, tmp_path: Path, *args: str, **extra: str):
    return run_cli("install", "--manifest", str(manifest), *args, env=env_for(url, tmp_path, **extra), timeout=90)


def tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every entry under ``root`` (links not followed): rel -> (size, mtime_ns)."""
    out = {}
    for dirpath, dirs, files in os.walk(root):
        for n in dirs + files:
            p = Path(dirpath) / n
            st = p.lstat()
            out[p.relative_to(root).as_posix()] = (st.st_size if not p.is_dir() else 0, st.st_mtime_ns)
    return out


# ---------------------------------------------------------------------------------------------- hostile manifests

ROW = dict(role="vae", folder="vae", name="flux2-vae.safetensors", repo=VAE[0], path=VAE[1])


def hostile_row(**change) -> str:
    r = dict(ROW, **change)
    return comfy_file_row(r["role"], r["folder"], r["name"], r["repo"], r["path"], 295016, "a" * 64)


HOSTILE = {
    "name-dotdot": (hostile_row(name="../../../evil.safetensors"), "'name'"),
    "name-absolute": (hostile_row(name="/tmp/evil.safetensors"), "'name'"),
    "name-backslash": (hostile_row(name="..\\\\..\\\\evil.safetensors"), "'name'"),
    "folder-dotdot": (hostile_row(folder="../../outside"), "'folder'"),
    "folder-absolute": (hostile_row(folder="/etc"), "'folder'"),
    "folder-unknown": (hostile_row(folder="my_stuff"), "'folder'"),
    "repo-path-dotdot": (hostile_row(path="../../etc/passwd"), "'repo_path'"),
    "repo-bad": (hostile_row(repo="../x"), "'repo'"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_manifest_is_refused_before_anything_happens(world, hub, tmp_path, case):
    row, field = HOSTILE[case]
    m = tmp_path / "evil.toml"
    m.write_text('[[variant]]\nid = "klein-4b-fp8"\ndefault_for = ["comfyui"]\nsource = "t"\ntag = "[I]"\n'
                 "[variant.comfyui]\n" + row)
    work = tmp_path / "work"
    work.mkdir()
    before = tree(tmp_path)
    r = install(hub.url, m, work, "--path", "comfyui", "--models-dir", str(work / "models"), "--yes", "--force")
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    line = next(ln for ln in r.stderr.splitlines() if field in ln)
    assert str(m) in line and "[[variant]] #1" in line and "comfyui.files #1" in line, line  # file, row, field
    assert tree(tmp_path) == before  # nothing written anywhere: not the models folder, not outside it
    assert not hub.log  # not one request either


def test_broken_manifest_rows_name_file_row_and_field(world, hub, tmp_path):
    m = tmp_path / "broken.toml"
    m.write_text('[[variant]]\nid = "klein-4b-fp8"\ndefault_for = ["comfyui"]\n[variant.comfyui]\n'
                 '[[variant.comfyui.files]]\nrole = "vae"\nfolder = "vae"\nname = "a.safetensors"\nrepo = "o/r"\n'
                 'size = "big"\nsha256 = "xyz"\n'
                 '[[variant.comfyui.files]]\nrole = 3\nfolder = "vae"\nname = "b.safetensors"\nrepo = "o/r"\n'
                 'repo_path = "b.safetensors"\n')
    r = install(hub.url, m, tmp_path, "--path", "comfyui", "--models-dir", str(tmp_path / "models"), "--yes")
    assert r.returncode == 2, r.stderr
    assert "KeyError" not in r.stderr and "Traceback" not in r.stderr
    want = [("comfyui.files #1 (a.safetensors)", "'repo_path' is missing"),
            ("comfyui.files #1 (a.safetensors)", "'size' 'big' is not a positive whole number"),
            ("comfyui.files #1 (a.safetensors)", "'sha256' 'xyz' is not 64 hexadecimal digits"),
            ("comfyui.files #2 (b.safetensors)", "'role' must be a string, not int")]
    for row, field in want:
        assert any(row in ln and field in ln and str(m) in ln for ln in r.stderr.splitlines()), (row, field, r.stderr)
    assert not (tmp_path / "models").exists()


def test_hostile_hub_listing_cannot_write_outside_the_local_dir(world, tmp_path):
    """The repo listing comes from the hub: a path with ``..`` in it is refused, nothing is written."""
    evil = Repo.from_files(DIFF, {"model_index.json": world["src"]["dvae"].parent / "model_index.json",
                                  "vae/../../../escape.safetensors": world["src"]["dvae"]})
    with FakeHub([evil]) as h:
        local = tmp_path / "d" / "local"
        r = install(h.url, world["manifest"], tmp_path, "--path", "diffusers", "--yes", "--local-dir", str(local))
    assert r.returncode == 2, r.stdout + r.stderr
    assert "outside" in r.stderr and "Traceback" not in r.stderr
    assert not list(tmp_path.rglob("escape.safetensors"))
    assert not local.exists()


# ---------------------------------------------------------------------------------------------- dry run, links


def test_dry_run_writes_nothing_even_with_a_verified_file_present(world, hub, tmp_path):
    models = tmp_path / "models"
    (models / "vae").mkdir(parents=True)
    (models / "vae" / "flux2-vae.safetensors").write_bytes(world["src"]["vae"].read_bytes())
    before = tree(tmp_path)
    r = install(hub.url, world["manifest"], tmp_path, "--path", "comfyui", "--models-dir", str(models), "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "present, verified: skip" in r.stdout
    assert tree(tmp_path) == before  # no .klein-doctor/, no verified cache, no lock file


def test_dangling_link_at_a_destination_is_planned_and_moved_aside_with_force(world, hub, tmp_path):
    models = tmp_path / "models"
    (models / "vae").mkdir(parents=True)
    link = models / "vae" / "flux2-vae.safetensors"
    link.symlink_to(tmp_path / "gone" / "old-vae.safetensors")
    r = install(hub.url, world["manifest"], tmp_path, "--path", "comfyui", "--models-dir", str(models), "--dry-run")
    assert "dangling symbolic link" in r.stdout, r.stdout
    r = install(hub.url, world["manifest"], tmp_path, "--path", "comfyui", "--models-dir", str(models), "--yes")
    assert r.returncode == 1 and "STOP" in r.stderr and "--force" in r.stderr
    assert not hub.gets(VAE[1]) and link.is_symlink()  # stopped before downloading anything
    r = install(hub.url, world["manifest"], tmp_path, "--path", "comfyui", "--models-dir", str(models), "--yes",
                "--force")
    assert r.returncode == 0, r.stdout + r.stderr
    assert not link.is_symlink() and sha256_file(link) == world["sha"]["vae"]
    moved = list(link.parent.glob("flux2-vae.safetensors.backup-*"))
    assert len(moved) == 1 and moved[0].is_symlink()  # the user's link is kept, aside


def test_a_kept_part_with_other_bytes_is_caught_by_the_final_hash(world, hub, tmp_path):
    """Resume trusts nothing: a kept part whose bytes differ from the hub's (a hub that changed the file, or
    answers Range with other bytes) is appended to, the final sha256 does not match, nothing is placed; the
    next run starts that file from byte 0 and succeeds."""
    models = tmp_path / "models"
    part = models / "vae" / ".klein-doctor" / "staging" / "partial" / \
        f"flux2-vae.safetensors.{world['sha']['vae'][:16]}.incomplete"
    part.parent.mkdir(parents=True)
    part.write_bytes(b"\x00" * 100_000)  # not what the hub has at these offsets
    r = install(hub.url, world["manifest"], tmp_path, "--path", "comfyui", "--models-dir", str(models), "--yes")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "resuming after" in r.stderr and "sha256 mismatch" in r.stderr
    assert [rng for _m, _p, rng in hub.gets(VAE[1])] == ["bytes=100000-"]
    assert not (models / "vae" / "flux2-vae.safetensors").exists()
    r = install(hub.url, world["manifest"], tmp_path, "--path", "comfyui", "--models-dir", str(models), "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert [rng for _m, _p, rng in hub.gets(VAE[1])] == ["bytes=100000-", ""]
    assert sha256_file(models / "vae" / "flux2-vae.safetensors") == world["sha"]["vae"]


# ---------------------------------------------------------------------------------------------- --from


def test_from_dir_judges_each_file_and_says_what_it_found(world, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "flux-2-klein-4b-fp8.safetensors").write_bytes(world["src"]["dm"].read_bytes())  # good
    (usb / "qwen_3_4b.safetensors").write_bytes(world["src"]["te"].read_bytes()[:-10])       # wrong size
    bad = bytearray(world["src"]["vae"].read_bytes())
    bad[-1] ^= 0xFF
    (usb / "flux2-vae.safetensors").write_bytes(bytes(bad))                                    # same size, bad
    models = tmp_path / "models"
    r = install("http://127.0.0.1:9", world["manifest"], tmp_path, "--path", "comfyui", "--models-dir", str(models),
                "--yes", "--from", str(usb))
    assert r.returncode == 1, r.stdout + r.stderr
    assert sha256_file(models / "diffusion_models" / "flux-2-klein-4b-fp8.safetensors") == world["sha"]["dm"]
    te_line = next(ln for ln in r.stderr.splitlines() if ln.startswith("qwen_3_4b.safetensors"))
    assert "found but wrong size" in te_line and str(usb / "qwen_3_4b.safetensors") in te_line
    vae_line = next(ln for ln in r.stderr.splitlines() if "flux2-vae.safetensors: sha256 mismatch" in ln)
    assert f"found in {usb}" in vae_line and "Rerun to download" not in vae_line
    assert not (models / "text_encoders" / "qwen_3_4b.safetensors").exists()
    assert not (models / "vae" / "flux2-vae.safetensors").exists()


# ---------------------------------------------------------------------------------------------- one cache with check


def test_a_file_install_verified_is_not_hashed_again_by_check(world, hub, tmp_path):
    models = tmp_path / "models"
    r = install(hub.url, world["manifest"], tmp_path, "--path", "comfyui", "--models-dir", str(models), "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    env = dict(os.environ, KLEIN_DOCTOR_CACHE_DIR=str(tmp_path / "kdcache"), PYTHONPATH=str(REPO))
    code = ("import json,sys; from doctor import hashing; "
            "print(json.dumps(hashing.hash_files(sys.argv[1:], hashing.HashCache(), show_progress=False)))")
    finals = [str(models / "diffusion_models" / DM[1]), str(models / "text_encoders" / "qwen_3_4b.safetensors"),
              str(models / "vae" / "flux2-vae.safetensors")]
    got = json.loads(subprocess.run([sys.executable, "-c", code, *finals], env=env, capture_output=True, text=True,
                                    check=True).stdout)
    assert {v["state"] for v in got.values()} == {"cached"}  # the same cache `check`'s model probe reads
    assert [got[p]["sha256"] for p in finals] == [world["sha"]["dm"], world["sha"]["te"], world["sha"]["vae"]]


# ---------------------------------------------------------------------------------------------- diffusers


def test_diffusers_cache_layout_blob_then_link_and_progress(world, hub, tmp_path):
    hub.faults.wrong_bytes.add(f"{DIFF}:vae/diffusion_pytorch_model.safetensors")
    r = install(hub.url, world["manifest"], tmp_path, "--path", "diffusers", "--yes")
    assert r.returncode == 1 and "sha256 mismatch" in r.stderr
    assert "installed, git sha1 verified" in r.stdout  # the small file (no LFS) is checked by its git object id
    repo_dir = tmp_path / "hfcache" / ("models--" + DIFF.replace("/", "--"))
    assert not list(repo_dir.glob("snapshots/*/vae/*"))  # wrong bytes never became visible
    assert not (repo_dir / "blobs" / world["sha"]["dvae"]).exists()
    hub.faults.wrong_bytes.clear()
    r = install(hub.url, world["manifest"], tmp_path, "--path", "diffusers", "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    snap = next(repo_dir.glob("snapshots/*"))
    link = snap / "vae" / "diffusion_pytorch_model.safetensors"
    assert link.is_symlink() and link.resolve() == (repo_dir / "blobs" / world["sha"]["dvae"]).resolve()
    assert sha256_file(link) == world["sha"]["dvae"]
    assert (repo_dir / "refs" / "main").read_text() == snap.name
    assert "vae/diffusion_pytorch_model.safetensors: 100%" in r.stderr  # progress on this path too
    # huggingface_hub itself sees the snapshot as complete (it would not download again, offline)
    code = (f"from huggingface_hub import snapshot_download; print(snapshot_download({DIFF!r}, "
            "allow_patterns=['model_index.json', 'vae/*']))")
    out = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, **env_for(hub.url, tmp_path),
                                                                  HF_HUB_OFFLINE="1"),
                         capture_output=True, text=True)
    assert out.returncode == 0 and Path(out.stdout.strip()) == snap, out.stderr


def test_diffusers_resumes_a_partial_blob_and_local_dir_file(world, hub, tmp_path):
    """The partial blob is huggingface_hub's own name (blobs/<sha256>.incomplete): whichever tool was
    interrupted, the other resumes it with Range; in a --local-dir the partial file waits under .cache."""
    path = "vae/diffusion_pytorch_model.safetensors"
    data = world["src"]["dvae"].read_bytes()
    repo_dir = tmp_path / "hfcache" / ("models--" + DIFF.replace("/", "--"))
    part = repo_dir / "blobs" / f"{world['sha']['dvae']}.incomplete"
    part.parent.mkdir(parents=True)
    part.write_bytes(data[:100_000])
    r = install(hub.url, world["manifest"], tmp_path, "--path", "diffusers", "--yes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert [rng for _m, _p, rng in hub.gets(path)] == ["bytes=100000-"]
    assert sha256_file(next(repo_dir.glob(f"snapshots/*/{path}"))) == world["sha"]["dvae"]
    assert not part.exists()

    local = tmp_path / "local"
    lpart = local / ".cache" / "klein-doctor" / "partial" / f"{path}.{world['sha']['dvae'][:16]}.incomplete"
    lpart.parent.mkdir(parents=True)
    lpart.write_bytes(data[:200_000])
    hub.log.clear()
    r = install(hub.url, world["manifest"], tmp_path, "--path", "diffusers", "--yes", "--local-dir", str(local))
    assert r.returncode == 0, r.stdout + r.stderr
    assert [rng for _m, _p, rng in hub.gets(path)] == ["bytes=200000-"]
    assert sha256_file(local / path) == world["sha"]["dvae"] and not lpart.exists()
    assert (local / ".cache" / "huggingface" / "download" / f"{path}.metadata").read_text().split("\n")[1] == \
        world["sha"]["dvae"]


def test_install_removes_only_stale_partials_it_owns(world, hub, tmp_path):
    """`install` owns downloads, so it cleans up partial files no planned file will resume: a partial of an
    older manifest's file in its staging folder, a dead blob of the repo it installs. Another repo's partial
    in the shared cache is huggingface_hub's to resume and stays."""
    models = tmp_path / "models"
    stale = models / "vae" / ".klein-doctor" / "staging" / "partial" / "flux2-vae.safetensors.0123456789abcdef.incomplete"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"x" * 1000)
    r = install(hub.url, world["manifest"], tmp_path, "--path", "comfyui", "--models-dir", str(models), "--yes")
    assert r.returncode == 0, r.stderr
    assert not stale.exists() and "removed a partial download" in r.stderr and stale.name in r.stderr
    cache = tmp_path / "hfcache"
    dead = cache / ("models--" + DIFF.replace("/", "--")) / "blobs" / ("ab" * 32 + ".incomplete")
    other = cache / "models--someone--else" / "blobs" / ("cd" * 32 + ".incomplete")
    for f in (dead, other):
        f.parent.mkdir(parents=True)
        f.write_bytes(b"y" * 1000)
    r = install(hub.url, world["manifest"], tmp_path, "--path", "diffusers", "--yes")
    assert r.returncode == 0, r.stderr
    assert not dead.exists() and other.exists()


# ---------------------------------------------------------------------------------------------- plan layout


def test_plan_fits_the_width_or_prints_blocks_with_whole_paths(tmp_path, capsys, monkeypatch):
    from doctor.install import Out

    long = str(tmp_path / ("deep" * 20) / "diffusion_models" / "flux-2-klein-4b-fp8.safetensors")
    rows = [["flux-2-klein-4b-fp8.safetensors", "x/y@main", "4.00 GB", long, "download"]]
    cols = ["file", "source", "size", "destination", "action"]
    o = Out(False)
    o.out_tty, o.width = True, 80  # a narrow terminal: blocks, each path whole on its own line
    o.table("Install plan", cols, rows)
    text = capsys.readouterr().out
    assert f"    destination: {long}\n" in text and "│" not in text
    o.width = 400  # a wide terminal: a table, no value cut
    o.table("Install plan", cols, rows)
    text = capsys.readouterr().out
    assert "│" in text and long in text
    o.out_tty = False  # piped: the plain form whatever the width
    o.table("Install plan", cols, rows)
    assert "│" not in capsys.readouterr().out


# ---------------------------------------------------------------------------------------------- Ctrl-C


def test_first_ctrl_c_stops_within_a_second_exits_130_and_keeps_the_partial(world, hub, tmp_path):
    hub.faults.rate[f"{DM[0]}:{DM[1]}"] = 400_000  # ~16 s for the file: the kill lands mid-transfer
    models = tmp_path / "models"
    proc = subprocess.Popen(preexec_fn=sigint_default, args=[sys.executable, "-m", "doctor", "install", "--manifest", str(world["manifest"]),
                             "--path", "comfyui", "--models-dir", str(models), "--yes", "--jobs", "1"],
                            env=dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1", **env_for(hub.url, tmp_path)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    part_dir = models / "diffusion_models" / ".klein-doctor" / "staging"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if [p for p in part_dir.rglob("*.incomplete") if p.stat().st_size > 0] if part_dir.exists() else []:
            break
        time.sleep(0.05)
    t = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    took = time.monotonic() - t
    hub.faults.rate.clear()
    assert proc.returncode == 130, err
    assert took < 1.5, took  # one second, plus the interpreter's exit
    assert "Traceback" not in err and "interrupted" in err
    assert [p for p in part_dir.rglob("*.incomplete") if p.stat().st_size > 0]  # kept for the resume
    assert not (models / "diffusion_models" / DM[1]).exists()


# ---------------------------------------------------------------------------------------------- scale


def test_folder_dedup_is_linear_in_extra_model_paths_entries(tmp_path):
    """Issue 16: a 100k-path extra_model_paths.yaml made `install --dry-run` take 277 s (each new folder was
    compared with every earlier one, and is_default ones were inserted at the front). 8x the entries must
    cost about 8x the time (a quadratic one costs 64x), and the order stays ComfyUI's."""
    from doctor.comfyui import tree

    def run(n: int) -> float:
        paths = [str(tmp_path / f"{i:x}") for i in range(n)] + [str(tmp_path / "0")]  # one duplicate
        yamls = [{"sections": {"a": {"is_default": True, "folders": {"diffusion_models": paths}}}}]
        t = time.perf_counter()
        out = tree.model_folders(tmp_path / "models", yamls, None)
        took = time.perf_counter() - t
        dm = out["diffusion_models"]
        assert len(dm) == n + 2  # the duplicate dropped; plus unet and diffusion_models defaults
        assert dm[0]["path"] == paths[n - 1] and dm[n - 1]["path"] == paths[0]  # is_default: last added first
        assert dm[n]["source"] == "legacy alias unet" or dm[n]["path"].endswith("unet")
        return took

    small = min(run(1000) for _ in range(2))
    big = run(8000)
    assert big < 25 * small + 0.5, (small, big)
