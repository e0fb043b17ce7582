"""Benchmark: `klein-doctor install` vs `curl` vs `hf download`, the same files from the same loopback server.

Goals (issue 15): install >= 0.9x curl's throughput and never slower than `hf download`, with the sha256
computed in the same pass; several files in parallel where the link is faster than one stream, so both
one stream (curl one URL after the other, `install --jobs 1`, `hf download --max-workers 1`) and three
streams (`curl --parallel`, `install --jobs 3`, `hf download --max-workers 3`) are measured.
Server: tests/hub_server.FakeHub, which serves with sendfile (the clients are the limit, not it).
Each tool runs REPS times, the best wall time counts (the machine's noise only ever adds time).
Run: python bench/bench_install.py [--size-gb 2] [--files 3] [--reps 3] [--dir /tmp] [--ring]
(--ring also times install through the buffer ring that TLS, Windows and macOS use instead of splice)
"""

from __future__ import annotations

import argparse
import os
import platform
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

HF_REPO = "black-forest-labs/FLUX.2-klein-4b-fp8"
FOLDERS = ["diffusion_models", "text_encoders", "vae", "checkpoints", "loras"]


def make_file(path: Path, size: int) -> None:
    """A real safetensors header followed by (sparse) zero data: gigabytes created instantly."""
    elems = size - 4096
    header = ('{"txt_in.weight":{"dtype":"U8","shape":[%d],"data_offsets":[0,%d]}}' % (elems, elems)).encode()
    header += b" " * (-len(header) % 8)
    with open(path, "wb") as fh:
        fh.write(len(header).to_bytes(8, "little") + header)
        fh.truncate(8 + len(header) + elems)


CPU: dict[str, tuple[float, float, float]] = {}  # the last timed run's client, server and whole-machine busy CPU s


def machine_busy() -> float:
    """Busy CPU seconds of the whole machine so far (/proc/stat: all but idle and iowait), 0 where unknown."""
    try:
        with open("/proc/stat") as fh:
            f = [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return 0.0
    return (sum(f) - f[3] - (f[4] if len(f) > 4 else 0)) / os.sysconf("SC_CLK_TCK")


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, subprocess.CompletedProcess]:
    """Wall time of one run. Every tool starts from the same page-cache state: the outputs of earlier runs are
    removed before (their folders are cleared by the caller) and what is still dirty is written out first, so
    no tool is throttled by the kernel's dirty-page limit for bytes another tool wrote (2 GB per run adds up
    past vm.dirty_ratio within a few runs, and then writers wait for the disk)."""
    os.sync()
    before = os.times()
    busy = machine_busy()
    t = time.monotonic()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.monotonic() - t
    after = os.times()
    busy = machine_busy() - busy
    # the client is the child process; the server is FakeHub's threads in this process (sendfile into the socket)
    CPU["last"] = (after.children_user + after.children_system - before.children_user - before.children_system,
                   after.user + after.system - before.user - before.system, busy)
    return wall, r


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-gb", type=float, default=2.0, help="total size of the files")
    ap.add_argument("--files", type=int, default=3)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--dir", default=tempfile.gettempdir())
    ap.add_argument("--ring", action="store_true",
                    help="also time install with KLEIN_DOCTOR_NO_SPLICE=1 (the buffer ring TLS, Windows and macOS use)")
    ap.add_argument("--no-hf", action="store_true", help="skip `hf download` (it takes the longest)")
    a = ap.parse_args()
    # pip compiles a package's .pyc files when it installs it; run from this tree, the doctor would compile its
    # modules on every start instead (about 0.1 s here) where PYTHONDONTWRITEBYTECODE is set
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO_ROOT / "doctor"), str(REPO_ROOT / "checks")],
                   env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
                   stdout=subprocess.DEVNULL, check=False)
    work = Path(tempfile.mkdtemp(prefix="klein-bench-", dir=a.dir))
    hf_cli = shutil.which("hf") or str(Path(sys.executable).with_name("hf"))
    try:
        per = int(a.size_gb * 1e9 / a.files)
        srcs = {}
        for n in range(a.files):
            srcs[f"file{n}.safetensors"] = work / f"src{n}.safetensors"
            make_file(srcs[f"file{n}.safetensors"], per + n * 4096)
        t = time.monotonic()
        repo = Repo.from_files(HF_REPO, srcs)
        total = sum(f.size for f in repo.files.values())
        print(f"{a.files} files, {total / 1e9:.2f} GB together; sources hashed in {time.monotonic() - t:.1f} s")
        print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python "
              f"{platform.python_version()}")
        rows = ""
        for n, (name, f) in enumerate(sorted(repo.files.items())):
            rows += (f'[[variant.comfyui.files]]\nrole = "r{n}"\nfolder = "{FOLDERS[n % len(FOLDERS)]}"\n'
                     f'name = "{name}"\nrepo = "{HF_REPO}"\nrepo_path = "{name}"\nrevision = "main"\nsize = {f.size}\n'
                     f'sha256 = "{f.sha256}"\nsource = "bench"\ntag = "[I]"\n')
        manifest = work / "models.toml"
        manifest.write_text('[[variant]]\nid = "klein-4b-fp8"\ndefault_for = ["comfyui"]\nsource = "bench"\n'
                            'tag = "[I]"\n[variant.comfyui]\n' + rows)
        results: dict[tuple[str, int], float] = {}
        notes: dict[tuple[str, int], str] = {}
        cpu: dict[tuple[str, int], tuple[float, float, float]] = {}
        with FakeHub([repo]) as hub:
            urls = [f"{hub.url}/{HF_REPO}/resolve/main/{name}" for name in sorted(repo.files)]
            env = dict(os.environ, HF_ENDPOINT=hub.url, HF_HOME=str(work / "hf"), HF_HUB_CACHE=str(work / "hf" / "hub"),
                       HF_TOKEN="", NO_COLOR="1", PYTHONPATH=str(REPO_ROOT), HF_HUB_DISABLE_TELEMETRY="1",
                       KLEIN_DOCTOR_CACHE_DIR=str(work / "kd"), HF_HUB_DISABLE_PROGRESS_BARS="1")
            for streams in (1, 3):
                for _ in range(a.reps):
                    out = work / "curl"
                    shutil.rmtree(out, ignore_errors=True)
                    out.mkdir()
                    cmd = ["curl", "-sS", "--fail"] + (["--parallel", "--parallel-max", str(streams)]
                                                       if streams > 1 else [])
                    for u in urls:
                        cmd += ["-o", str(out / u.rsplit("/", 1)[1]), u]
                    s, r = timed(cmd)
                    shutil.rmtree(out, ignore_errors=True)
                    if r.returncode:
                        print("curl failed:", r.stderr)
                        return 1
                    if s < results.get(("curl", streams), 1e9):
                        results[("curl", streams)], cpu[("curl", streams)] = s, CPU["last"]

                    for tool in ("install", "install (ring)") if a.ring else ("install",):
                        models = work / "models"
                        shutil.rmtree(models, ignore_errors=True)
                        shutil.rmtree(work / "kd", ignore_errors=True)
                        s, r = timed([sys.executable, "-m", "doctor", "install", "--manifest", str(manifest), "--path",
                                      "comfyui", "--models-dir", str(models), "--yes", "-v", "--jobs", str(streams)],
                                     dict(env, KLEIN_DOCTOR_NO_SPLICE="1" if tool != "install" else ""))
                        shutil.rmtree(models, ignore_errors=True)
                        shutil.rmtree(work / "kd", ignore_errors=True)
                        if r.returncode:
                            print("install failed:", r.stdout, r.stderr)
                            return 1
                        if s < results.get((tool, streams), 1e9):
                            results[(tool, streams)], cpu[(tool, streams)] = s, CPU["last"]
                            m = re.search(r"transfers: .* in ([0-9.]+) s", r.stderr)
                            notes[(tool, streams)] = f"transfer window {m.group(1)} s" if m else ""

                    if os.path.exists(hf_cli) and not a.no_hf:
                        hfd = work / "hfd"
                        shutil.rmtree(hfd, ignore_errors=True)
                        s, r = timed([hf_cli, "download", HF_REPO, *sorted(repo.files), "--local-dir", str(hfd),
                                      "--max-workers", str(streams)], env)
                        shutil.rmtree(hfd, ignore_errors=True)
                        if r.returncode:
                            print("hf download failed:", r.stderr[-2000:])
                        elif s < results.get(("hf download", streams), 1e9):
                            results[("hf download", streams)], cpu[("hf download", streams)] = s, CPU["last"]
        print()
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        print("CPU: user + system seconds of the client (the tool's process and its children) and of the server "
              f"(FakeHub's sendfile threads) in the best run; 'CPU floor' = their sum / {cores} cores, the least wall "
              "time that much work can take here; 'ceiling x curl' = curl's wall / that floor; 'machine CPU s': busy "
              "seconds of every core during the run (/proc/stat), the kernel's writeback of the written files and "
              "anything else running included")
        print("| streams | tool | best wall s | MB/s | x curl | client CPU s | server CPU s | CPU floor s | ceiling x curl "
              "| machine CPU s | notes |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for streams in (1, 3):
            c = results[("curl", streams)]
            for tool in ("curl", "hf download", "install", "install (ring)"):
                if (tool, streams) not in results:
                    continue
                s = results[(tool, streams)]
                note = {"curl": "no hash", "hf download": "no hash (size check only)"}.get(
                    tool, "sha256 in the same pass; " + notes.get((tool, streams), ""))
                cc, sc, mc = cpu[(tool, streams)]
                floor = (cc + sc) / cores
                print(f"| {streams} | {tool} | {s:.2f} | {total / s / 1e6:.0f} | {c / s:.2f} | {cc:.2f} | {sc:.2f} | "
                      f"{floor:.2f} | {c / floor:.2f} | {mc:.2f} | {note} |")
        print("\nwall times include each tool's start-up (Python + imports for install and hf, about 0.3-1 s)")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
