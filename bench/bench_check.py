"""Benchmark: `klein-doctor check` wall time and memory against the tools users already run.

What: median of N runs (default 10) of
  - klein-doctor check, target Python WITHOUT torch (goal <= 0.5 s)
  - klein-doctor check, target Python WITH torch (goal <= 1.3x `python -c "import torch"`)
  - python -c "import torch", python -m torch.utils.collect_env, diffusers-cli env (if installed)
and the peak RSS of klein-doctor's own process (its children excluded; goal <= 150 MB).
How: each command is a fresh process timed with time.perf_counter around subprocess.run; NO_COLOR set,
stdout discarded. Usage:
  python bench/bench_check.py --torch-python /path/to/python-with-torch [--bare-python /path/to/python] [-n 10]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], n: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=REPO)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def rss_mb(args: list[str], env: dict[str, str]) -> float:
    code = ("import resource, sys, io, contextlib\nfrom doctor.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()): main(sys.argv[1:])\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=REPO)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=10)
    ap.add_argument("--torch-python", required=True, help="an interpreter that has torch")
    ap.add_argument("--bare-python", default=sys.executable, help="an interpreter without torch (default: this one)")
    a = ap.parse_args()
    # Resolve launcher shims (pyenv, conda) to the real interpreter: a shim's own start-up is not ours.
    real = lambda py: subprocess.run([py, "-c", "import sys; print(sys.executable)"], capture_output=True,  # noqa: E731
                                     text=True).stdout.strip() or py
    a.torch_python, a.bare_python = real(a.torch_python), real(a.bare_python)
    env = {**os.environ, "NO_COLOR": "1",
           "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)}
    doctor = [sys.executable, "-m", "doctor", "check"]
    rows = []
    rows.append(("klein-doctor check (no torch)", timed(doctor + ["--python", a.bare_python], a.n, env)))
    rows.append(("klein-doctor check (with torch)", timed(doctor + ["--python", a.torch_python], a.n, env)))
    rows.append(('python -c "import torch"', timed([a.torch_python, "-c", "import torch"], a.n, env)))
    rows.append(("python -m torch.utils.collect_env", timed([a.torch_python, "-m", "torch.utils.collect_env"], a.n, env)))
    dcli = shutil.which("diffusers-cli", path=str(Path(a.torch_python).parent))
    if dcli:
        rows.append(("diffusers-cli env", timed([dcli, "env"], a.n, env)))
    rss = rss_mb(["check", "--python", a.torch_python], env)
    print(f"median of {a.n} runs, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for name, t in rows:
        print(f"  {name:38} {t:6.3f} s")
    d = dict(rows)
    with_torch, imp = d["klein-doctor check (with torch)"], d['python -c "import torch"']
    ce = d["python -m torch.utils.collect_env"]
    print(f"  with torch / import torch            {with_torch / imp:.2f}x (goal <= 1.3x)")
    print(f"  with torch / collect_env             {with_torch / ce:.2f}x (goal <= 0.5x)")
    print(f"  klein-doctor main-process peak RSS   {rss:.0f} MB (goal <= 150 MB)")


if __name__ == "__main__":
    main()
