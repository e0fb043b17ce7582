"""Loops over user data with growing inputs (issue 16): each must be linear (or bounded).

For each loop the input is doubled several times and the time per step is printed with the ratio to the
previous step: a linear loop gives ~2x per doubling, a quadratic one ~4x. The inputs are what a hostile or
just large setup holds: a long scanned text full of secrets for redaction, facts with many scan hits, long
strings with escape sequences for the terminal and markdown escapers, deep/wide JSON for the bounded JSON
reader, an extra_model_paths.yaml with many sections, a folder of many scripts for the attention scan, and
the report of many findings. Fixed seed. Prints one JSON line per loop and size, then a summary line per loop.

Usage: python bench/bench_hostile.py [--steps 4] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from doctor import safeio, textsafe  # noqa: E402
from doctor.redact import Redactor  # noqa: E402

RNG = random.Random(16)
ESC = "\x1b]52;c;Zm9v\x07\x1b[2J\u202e"


def words(n: int) -> str:
    pool = ["torch", "import", "--listen", "hf_" + "A" * 30, "sk-ant-" + "b" * 30, "https://u:p@host/x", "/home/zoya/x",
            "AKIA" + "C" * 16, "--api-key", "value", "GPU-11111111-2222-3333-4444-555555555555", "ok", "=", ESC]
    return " ".join(RNG.choice(pool) for _ in range(n))


def redact_text(n: int) -> Callable[[], Any]:
    r = Redactor({"system": {"user": "zoya", "hostname": "box-7", "home": "/home/zoya"}},
                 environ={"HOME": "/home/zoya", "MY_API_KEY": "secret-value-123"})
    text = words(n)
    return lambda: r.text(text)


def redact_facts(n: int) -> Callable[[], Any]:
    r = Redactor({"system": {"user": "zoya", "hostname": "box-7", "home": "/home/zoya"}}, environ={"HOME": "/home/zoya"})
    facts = {"scan": {"hits": [{"file": f"/home/zoya/s{i}.py", "line": i, "text": words(12)} for i in range(n)]},
             "comfyui_server": {"argv": ["main.py", "--openai-api-key", "sk-x"] * (n // 3 + 1)}}
    return lambda: r.obj(facts)


def term_md(n: int) -> Callable[[], Any]:
    s = (ESC + "abc *x* <b> | `y`\n# h ") * n
    return lambda: (textsafe.term(s), textsafe.md(s), textsafe.md_code(s))


def json_wide(n: int) -> Callable[[], Any]:
    text = json.dumps({f"k{i}": [i, {"s": "[" * 5 + str(i)}] for i in range(n)})
    return lambda: safeio.loads_json(text)


def json_deep(n: int) -> Callable[[], Any]:
    text = "[" * n + "]" * n  # refused at the depth bound; the depth count itself must stay linear

    def run() -> None:
        try:
            safeio.loads_json(text)
        except safeio.BadData:
            pass
    return run


def yaml_sections(n: int, tmp: Path) -> Callable[[], Any]:
    from doctor.comfyui.tree import parse_extra_model_paths

    y = tmp / f"extra_{n}.yaml"
    y.write_text("".join(f"s{i}:\n  base_path: /nonexistent/{i}\n  checkpoints: m\n" for i in range(n)))
    return lambda: parse_extra_model_paths(y)


def scan_files(n: int, tmp: Path) -> Callable[[], Any]:
    from doctor.probes.attention import scan_paths

    d = tmp / f"scan_{n}"
    d.mkdir()
    for i in range(n):
        (d / f"s{i}.py").write_text("import torch\nx = 1\n" * 20 + ("os.environ['XFORMERS_DISABLED'] = '1'\n" if i % 50 == 0 else ""))
    return lambda: scan_paths([str(d)])


def report(n: int) -> Callable[[], Any]:
    from doctor.findings import warn
    from doctor.render import markdown

    fs = []
    for i in range(n):
        f = warn(f"bench.f{i}", f"finding {i} {ESC} </details>", [words(8) for _ in range(3)], f"pip install x{i}")
        f.area, f.check = "Attention", "bench"
        fs.append(f)
    return lambda: markdown.render(fs, {"collected_at": "now"}, redacted=True)


def timed(fn: Callable[[], Any], repeat: int = 3) -> float:
    """Best CPU time of ``repeat`` runs (process time: on a shared machine wall time measures the neighbours)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=4, help="doublings per loop")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every starting size")
    ap.add_argument("--only", help="run only the loops whose name contains this")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_hostile_"))
    loops: list[tuple[str, int, Callable[[int], Callable[[], Any]]]] = [
        ("redact.text (words)", 20_000, redact_text),
        ("redact.obj (scan hits)", 2_000, redact_facts),
        ("textsafe term+md (chars x27)", 20_000, term_md),
        ("safeio.loads_json wide (keys)", 20_000, json_wide),
        ("safeio.loads_json deep (levels)", 100_000, json_deep),
        ("extra_model_paths.yaml (sections)", 1_000, lambda n: yaml_sections(n, tmp)),
        ("attention scan (files)", 250, lambda n: scan_files(n, tmp)),
        ("report (findings)", 250, report),
    ]
    for name, start, make in loops:
        if args.only and args.only not in name:
            continue
        prev = None
        ratios = []
        for k in range(args.steps):
            n = int(start * args.scale) * 2 ** k
            t = timed(make(n))
            ratio = t / prev if prev else None
            if ratio:
                ratios.append(ratio)
            print(json.dumps({"loop": name, "n": n, "seconds": round(t, 4),
                              "ratio_to_half": round(ratio, 2) if ratio else None}), flush=True)
            prev = t
        worst = max(ratios) if ratios else 0
        print(json.dumps({"loop": name, "summary": "linear" if worst < 3.0 else "SUPERLINEAR",
                          "worst_ratio_per_doubling": round(worst, 2)}), flush=True)


if __name__ == "__main__":
    main()
