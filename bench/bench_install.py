"""Benchmark: `klein-doctor install` of a 2 GB file over loopback vs `curl` of the same URL.

Goals (issue 4): install throughput >= 0.8x curl's from the same server; the time verification adds
after the last byte <= 10% of the download time (the hash is computed while the bytes arrive).
Server: tests/hub_server.FakeHub, which serves with sendfile (curl is limited by the client, not it).
Run: /work/venv/bin/python bench/bench_install.py [--size-gb 2] [--dir /tmp]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from hub_server import FakeHub, Repo  # noqa: E402

NAME = "flux-2-klein-4b-fp8.safetensors"
HF_REPO = "black-forest-labs/FLUX.2-klein-4b-fp8"


def make_file(path: Path, size: int) -> None:
    """A real safetensors header followed by (sparse) zero data: a 2 GB file created instantly."""
    elems = size - 4096
    header = ('{"txt_in.weight":{"dtype":"U8","shape":[%d],"data_offsets":[0,%d]}}' % (elems, elems)).encode()
    header += b" " * (-len(header) % 8)
    with open(path, "wb") as fh:
        fh.write(len(header).to_bytes(8, "little") + header)
        fh.truncate(8 + len(header) + elems)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-gb", type=float, default=2.0)
    ap.add_argument("--dir", default=tempfile.gettempdir())
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="klein-bench-", dir=a.dir))
    try:
        src = work / "src.safetensors"
        make_file(src, int(a.size_gb * 1e9))
        t = time.monotonic()
        repo = Repo.from_files(HF_REPO, {NAME: src})
        print(f"file: {src.stat().st_size} bytes, sha256 {repo.files[NAME].sha256} ({time.monotonic() - t:.1f} s to hash)")
        f = repo.files[NAME]
        manifest = work / "models.toml"
        manifest.write_text(
            '[[variant]]\nid = "klein-4b-fp8"\ndefault_for = ["comfyui"]\nsource = "bench"\ntag = "[I]"\n[variant.comfyui]\n'
            f'[[variant.comfyui.files]]\nrole = "diffusion_model"\nfolder = "diffusion_models"\nname = "{NAME}"\n'
            f'repo = "{HF_REPO}"\nrepo_path = "{NAME}"\nrevision = "main"\nsize = {f.size}\nsha256 = "{f.sha256}"\n'
            'identity = "x"\nsource = "bench"\ntag = "[I]"\n')
        with FakeHub([repo]) as hub:
            url = f"{hub.url}/{HF_REPO}/resolve/main/{NAME}"
            out = work / "curl.out"
            t = time.monotonic()
            subprocess.run(["curl", "-sS", "-o", str(out), url], check=True)
            curl_s = time.monotonic() - t
            out.unlink()
            env = dict(os.environ, HF_ENDPOINT=hub.url, HF_HOME=str(work / "hf"), HF_HUB_CACHE=str(work / "hf" / "hub"),
                       HF_TOKEN="", NO_COLOR="1", PYTHONPATH=str(REPO_ROOT))
            t = time.monotonic()
            r = subprocess.run([sys.executable, "-m", "doctor", "install", "--manifest", str(manifest), "--path",
                                "comfyui", "--models-dir", str(work / "models"), "--yes", "-v"], env=env,
                               capture_output=True, text=True)
            wall = time.monotonic() - t
        if r.returncode != 0:
            print(r.stdout, r.stderr)
            return 1
        m = re.search(r"download took ([0-9.]+) s; verification added ([0-9.]+) s", r.stderr)
        dl_s, ver_s = (float(m.group(1)), float(m.group(2))) if m else (float("nan"), float("nan"))
        size = f.size
        print(f"curl:    {curl_s:.2f} s, {size / curl_s / 1e6:.0f} MB/s")
        print(f"install: download {dl_s:.2f} s, {size / dl_s / 1e6:.0f} MB/s = {curl_s / dl_s:.2f}x curl "
              f"(goal >= 0.8x); whole command {wall:.2f} s incl. start-up, plan and placement")
        print(f"verification after the last byte: {ver_s:.3f} s = {100 * ver_s / dl_s:.1f}% of the download (goal <= 10%)")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
