"""Time of `klein-doctor explain --log` and of the comfyui_log probe as logs grow (issue 16: linear time).

Two kinds of log, each at growing sizes:
  dense   every line an error (five kinds: a shape mismatch, an out-of-memory, another program's missing
          module, a `clip missing` warning, a truncated safetensors file): the worst case, where the old
          scanner was quadratic (1 MB 25 s, 4 MB 85 s)
  sparse  the real ComfyUI 0.33.0 server log lines of ../shared/fixtures/comfyui (INFO lines, progress bars,
          a 100 KB `clip missing` line) with an error every ~5 MB: what a long session writes
For each: explain_file (the whole file) and the probe's scan_log (its last 5 MiB, as `check` reads it).
Prints one table row per size with seconds, MB/s and the time per MB relative to the smallest size (1.0 =
linear), and the peak traced memory. Usage:
    python bench/bench_explain.py [--sizes 1,4,16] [--runs 3] [--big 50]
    python bench/bench_explain.py --corpus 10      # explain_text on every 10th real text of the corpus
The --corpus mode times what a user's paste costs: explain_text on the real texts of tests/data/explain/real
(every Nth by name, so two checkouts time the same texts), printing the total, the median, the 95th percentile and
the slowest text.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from doctor import explain  # noqa: E402
from doctor.probes import comfyui_log  # noqa: E402

SHARED = Path(os.environ.get("KLEIN_SHARED", REPO.parent / "shared"))
DENSE = [b"[ERROR] !!! Exception during processing !!! mat1 and mat2 shapes cannot be multiplied (512x7680 and 12288x4096)\n",
         b"torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 11.99 GiB of which 0 bytes is free.\n",
         b"ModuleNotFoundError: No module named 'django'\n",
         b"[WARNING] clip missing: ['model.layers.3.mlp.up_proj.weight']\n",
         b"Error while deserializing header: MetadataIncompleteBuffer\n"]
SPARSE_ERRORS = [DENSE[0], DENSE[1], b"[INFO] Requested to load ZImageTEModel_\n"]


def build_dense(path: Path, mb: float) -> int:
    unit = b"".join(DENSE)
    n = int(mb * 2**20) // len(unit) + 1
    with open(path, "wb") as fh:
        for _ in range(n):
            fh.write(unit)
    return path.stat().st_size


def build_sparse(path: Path, mb: float) -> int:
    src = SHARED / "fixtures/comfyui/server_log_full.txt"
    if src.is_file():
        benign = (b"ERROR", b"mat1", b"ZImage", b"clip missing", b"invalid value", b"No module")
        filler = b"".join(ln + b"\n" for ln in src.read_bytes().split(b"\n") if not any(x in ln for x in benign))
    else:  # without ../shared: a plain INFO log
        filler = b"[INFO] loaded completely; 2702.94 MB loaded, full load: True\n" * 2000
    written, i, next_err = 0, 0, 5 * 2**20
    with open(path, "wb") as fh:
        while written < mb * 2**20:
            fh.write(filler)
            written += len(filler)
            if written >= next_err:
                fh.write(SPARSE_ERRORS[i % len(SPARSE_ERRORS)])
                i += 1
                next_err += 5 * 2**20
        fh.write(SPARSE_ERRORS[i % len(SPARSE_ERRORS)])
    return path.stat().st_size


def timed(fn, runs: int) -> float:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return statistics.median(out)


def corpus(every: int) -> None:
    from doctor.manifests import tomllib  # tomli on Python 3.10

    files = sorted((REPO / "tests/data/explain/real").glob("*.toml"))[::every]
    texts = [(f.stem, tomllib.loads(f.read_text(encoding="utf-8")).get("text", "")) for f in files]
    explain.explain_text("warm up: the manifest compiled")
    times = []
    for name, text in texts:
        t0 = time.perf_counter()
        explain.explain_text(text)
        times.append((time.perf_counter() - t0, name))
    secs = sorted(t for t, _ in times)
    print(json.dumps({"texts": len(texts), "total_s": round(sum(secs), 2), "median_ms": round(1000 * statistics.median(secs), 1),
                      "p95_ms": round(1000 * secs[int(0.95 * (len(secs) - 1))], 1), "slowest": max(times)[1],
                      "slowest_ms": round(1000 * max(times)[0], 1), "python": sys.version.split()[0], "cpus": os.cpu_count()}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,4,16", help="log sizes in MB")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--big", type=float, default=50, help="one more dense log of this size for the probe's bound (0: skip)")
    ap.add_argument("--corpus", type=int, default=0, metavar="N", help="time explain_text on every Nth real text instead")
    a = ap.parse_args()
    if a.corpus:
        corpus(a.corpus)
        return
    sizes = [float(x) for x in a.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for kind, build in (("dense", build_dense), ("sparse", build_sparse)):
            base = None
            for mb in sizes:
                log = Path(d) / f"{kind}{mb:g}.log"
                size = build(log, mb)
                explain.explain_file(log)  # warm the page cache and the compiled manifest
                t = timed(lambda: explain.explain_file(log), a.runs)
                tp = timed(lambda: comfyui_log.scan_log(str(log)), a.runs)
                tracemalloc.start()
                matches = explain.explain_file(log)[0]
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                per_mb = t / (size / 2**20)
                base = base or per_mb
                rows.append({"log": kind, "MB": round(size / 2**20, 1), "explain_s": round(t, 3),
                             "MB_per_s": round(size / 2**20 / t, 2), "per_MB_vs_smallest": round(per_mb / base, 2),
                             "probe_tail_s": round(tp, 3), "peak_MiB": round(peak / 2**20, 1), "matches": len(matches)})
                print(json.dumps(rows[-1]), flush=True)
            log.unlink()
        if a.big:
            log = Path(d) / "dense-big.log"
            size = build_dense(log, a.big)
            tp = timed(lambda: comfyui_log.scan_log(str(log)), 1)
            rows.append({"log": "dense (probe, last 5 MiB)", "MB": round(size / 2**20, 1), "probe_tail_s": round(tp, 3),
                         "probe_timeout_s": 30})
            print(json.dumps(rows[-1]), flush=True)
    print()
    print("| log | size | explain --log | MB/s | time per MB vs smallest | probe (last 5 MiB) | peak traced memory |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        if "explain_s" in r:
            print(f"| {r['log']} | {r['MB']} MB | {r['explain_s']} s | {r['MB_per_s']} | {r['per_MB_vs_smallest']}x | "
                  f"{r['probe_tail_s']} s | {r['peak_MiB']} MiB |")
        else:
            print(f"| {r['log']} | {r['MB']} MB | | | | {r['probe_tail_s']} s (bound {r['probe_timeout_s']} s) | |")
    print(f"\npython {sys.version.split()[0]}, {os.cpu_count()} CPUs, median of {a.runs} runs")


if __name__ == "__main__":
    main()
