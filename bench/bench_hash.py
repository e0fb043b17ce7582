"""sha256 throughput against `openssl dgst -sha256` on a 2 GB file, one file and two in parallel,
plus the warm-cache re-check per file. Goals: >= 0.95x openssl on one file, >= 1.8x openssl's
single-file throughput on two files with two cores, <= 20 ms per cached file.

Run: python bench/bench_hash.py [SIZE_MB]   (files under /tmp, deleted afterwards)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from doctor import hashing  # noqa: E402


def make(path: Path, size: int) -> None:
    block = os.urandom(16 * 1024 * 1024)
    with open(path, "wb") as fh:
        left = size
        while left > 0:
            fh.write(block[:min(left, len(block))])
            left -= len(block)


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    size = int(sys.argv[1]) * 1024 * 1024 if len(sys.argv) > 1 else 2 * 1024**3
    with tempfile.TemporaryDirectory(dir="/tmp") as d:
        a, b = Path(d) / "a.bin", Path(d) / "b.bin"
        make(a, size)
        make(b, size)
        for p in (a, b):  # both in the page cache, so the numbers are the hash, not the disk
            hashing.sha256_file(p)
        gb = size / 1e9
        t_ssl = min(timed(lambda: subprocess.run(["openssl", "dgst", "-sha256", str(a)], check=True,
                                                 capture_output=True)) for _ in range(3))
        t_one = min(timed(lambda: hashing.sha256_file(a)) for _ in range(3))
        t_two = min(timed(lambda: hashing.hash_files([str(a), str(b)], None, workers=2, show_progress=False))
                    for _ in range(3))
        print(f"openssl dgst -sha256, 1 file:  {gb / t_ssl:.2f} GB/s")
        print(f"klein-doctor, 1 file:          {gb / t_one:.2f} GB/s = {t_ssl / t_one:.2f}x openssl (goal >= 0.95x)")
        print(f"klein-doctor, 2 files, 2 thr:  {2 * gb / t_two:.2f} GB/s = {2 * t_ssl / t_two:.2f}x openssl (goal >= 1.8x)")
        os.environ["KLEIN_DOCTOR_CACHE_DIR"] = str(Path(d) / "cache")
        hashing.hash_files([str(a), str(b)], hashing.HashCache(), show_progress=False)
        t = time.perf_counter()
        r = hashing.hash_files([str(a), str(b)], hashing.HashCache(), show_progress=False)
        per = (time.perf_counter() - t) * 1000 / 2
        assert {x["state"] for x in r.values()} == {"cached"}
        print(f"warm-cache re-check:           {per:.2f} ms per file (goal <= 20 ms)")


if __name__ == "__main__":
    main()
