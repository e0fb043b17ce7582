"""Throughput of `klein-doctor explain --log` on a 50 MB ComfyUI-style log (goal: >= 50 MB/s).

The log is built from the real ComfyUI 0.33.0 server log in ../shared/fixtures/comfyui (its INFO lines,
progress bars and a 100 KB "clip missing" line, i.e. what a long session writes) with a real error every
~5 MB, so both the needle search and the window regexes are timed. Prints one JSON line per run and the
median. Usage: python bench/bench_explain.py [--mb 50] [--runs 5]
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

SHARED = Path(os.environ.get("KLEIN_SHARED", REPO.parent / "shared"))
ERRORS = [b"[ERROR] !!! Exception during processing !!! mat1 and mat2 shapes cannot be multiplied (512x7680 and 12288x4096)\n",
          b"[ERROR] !!! Exception during processing !!! CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 11.99 GiB of which 0 bytes is free.\n",
          b"[INFO] Requested to load ZImageTEModel_\n"]


def build(path: Path, mb: int) -> int:
    src = SHARED / "fixtures/comfyui/server_log_full.txt"
    if src.is_file():
        lines = src.read_bytes().split(b"\n")
        filler = b"".join(ln + b"\n" for ln in lines if b"ERROR" not in ln and b"mat1" not in ln and b"ZImage" not in ln)
    else:  # without ../shared: a plain INFO log
        filler = b"[INFO] loaded completely; 2702.94 MB loaded, full load: True\n" * 2000
    written, i, next_err = 0, 0, 5 * 2**20
    with open(path, "wb") as fh:
        while written < mb * 2**20:
            fh.write(filler)
            written += len(filler)
            if written >= next_err:
                fh.write(ERRORS[i % len(ERRORS)])
                i += 1
                next_err += 5 * 2**20
    return path.stat().st_size


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=50)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        log = Path(d) / "comfyui.log"
        size = build(log, a.mb)
        explain.explain_file(log)  # warm the page cache and the compiled manifest
        rates = []
        for _ in range(a.runs):
            t0 = time.perf_counter()
            matches, _ctx, n = explain.explain_file(log)
            dt = time.perf_counter() - t0
            rates.append(n / dt / 1e6)
            print(json.dumps({"bytes": n, "seconds": round(dt, 3), "MB_per_s": round(n / dt / 1e6, 1),
                              "matches": [m["id"] for m in matches]}))
        tracemalloc.start()
        explain.explain_file(log)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    print(json.dumps({"log_bytes": size, "runs": a.runs, "median_MB_per_s": round(statistics.median(rates), 1),
                      "peak_traced_MiB": round(peak / 2**20, 2), "python": sys.version.split()[0]}))


if __name__ == "__main__":
    main()
