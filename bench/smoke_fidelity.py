"""Where does the doctor's smoke measurement differ from a bare loop? Run side by side on one GPU.

Each variant runs in its own process, in this order, so drift shows up as a difference between the two
bare runs:

  bare           the same calls with nothing around them: Qwen3 forward on fixed ids under
                 torch.inference_mode, Flux2KleinPipeline on prompt_embeds, VAE decode, CUDA events
  child          the doctor's smoke child (doctor/probe_scripts/smoke_diffusers.py) with its defaults
  child-nograd   the child as it was before: torch.no_grad instead of inference_mode
  child-nohooks  the child without the per-stage CUDA-event hooks
  child+nvml     the child while this process samples NVML as `check --smoke` does (every 50 ms)
  doctor         `python -m doctor check --smoke --synthetic --json` (child + NVML sampler + judging)
  bare           again

    python bench/smoke_fidelity.py [--runs 10] [--out fidelity.json]
    python bench/smoke_fidelity.py --pairs 3 --warmup   # interleaved bare / doctor pairs after a warm-up process

Prints one line per variant (median s per image, text-encoder ms, denoise ms, VAE ms) and writes all
reports as JSON. Needs a CUDA GPU, torch, diffusers >= 0.37 and transformers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

BARE = r'''
import json, statistics, sys, torch
sys.path.insert(0, sys.argv[2])
from doctor.probe_scripts.smoke_diffusers import KLEIN_4B, build_synthetic
runs = int(sys.argv[1])
dev = torch.device("cuda", 0)
torch.cuda.set_device(0)
pipe, seq = build_synthetic(torch, {"synthetic": True}, torch.bfloat16, dev)
pipe.to(dev)
pipe.set_progress_bar_config(disable=True)
ids = torch.randint(0, 151936, (1, seq), generator=torch.Generator().manual_seed(1234)).to(dev)
mask = torch.ones_like(ids)
def one():
    torch.cuda.synchronize()
    a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    e0, e1 = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    a.record()
    with torch.inference_mode():
        e0.record()
        hs = pipe.text_encoder(input_ids=ids, attention_mask=mask, output_hidden_states=True, use_cache=False).hidden_states
        emb = torch.stack([hs[k] for k in (9, 18, 27)], dim=1).to(torch.bfloat16)
        bb, c, s, d = emb.shape
        emb = emb.permute(0, 2, 1, 3).reshape(bb, s, c * d)
        e1.record()
        pipe(prompt_embeds=emb, height=1024, width=1024, num_inference_steps=4, guidance_scale=1.0,
             generator=torch.Generator("cpu").manual_seed(42), output_type="np")
    b.record()
    torch.cuda.synchronize()
    return a.elapsed_time(b) / 1000.0, e0.elapsed_time(e1)
one()
times, te = [], []
for _ in range(runs):
    t, x = one()
    times.append(t)
    te.append(x)
print("@@BENCH@@" + json.dumps({"times_s": times, "median_s": statistics.median(times),
      "stages_ms": {"text_encoder": statistics.median(te)},
      "max_allocated_bytes": torch.cuda.max_memory_allocated()}))
'''


def run_bare(runs: int) -> dict:
    p = subprocess.run([sys.executable, "-c", BARE, str(runs), str(REPO)], capture_output=True, text=True, timeout=600)
    for line in p.stdout.splitlines():
        if line.startswith("@@BENCH@@"):
            return json.loads(line[len("@@BENCH@@"):])
    return {"error": p.stderr[-2000:]}


def run_child(runs: int, sample_nvml: bool = False, **cfg) -> dict:
    from doctor import subproc

    conf = {"synthetic": True, "dtype": "bf16", "mode": "resident", "steps": 4, "guidance": 1.0, "seed": 42,
            "runs": runs, "width": 1024, "height": 1024, "gpu": 0, **cfg}
    sampler = None
    if sample_nvml:
        from doctor.smoke.sampler import NvmlSampler

        sampler = NvmlSampler(index=0)
        sampler.start()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.json"
        path.write_text(json.dumps(conf), encoding="utf-8")
        res = subproc.run_script(sys.executable, "smoke_diffusers.py", [f"@{path}"], timeout=600)
    if sampler is not None:
        sampler.stop(None)
    return res.data or {"error": res.error, "stderr": res.stderr[-2000:]}


def run_doctor(runs: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    p = subprocess.run([sys.executable, "-m", "doctor", "check", "--smoke", "--synthetic", "--smoke-runs", str(runs),
                        "--no-server", "--json"], capture_output=True, text=True, env=env, timeout=900, cwd=str(REPO))
    try:
        doc = json.loads(p.stdout)
    except ValueError:
        return {"error": p.stderr[-2000:]}
    smoke = doc["facts"].get("smoke") or {}
    r = dict(smoke.get("result") or {})
    r["findings"] = [(f["code"], f["status"], f["title"]) for f in doc["findings"] if f["area"] == "Smoke"]
    r["nvml"] = smoke.get("nvml")
    return r


def line(name: str, r: dict) -> str:
    if "median_s" not in r:
        return f"{name:14} ERROR {str(r.get('error'))[:300]}"
    st = r.get("stages_ms") or {}
    return (f"{name:14} median {r['median_s']:.4f} s  text encoder {st.get('text_encoder')} ms  "
            f"denoise {st.get('denoise')} ms  vae {st.get('vae_decode')} ms  "
            f"alloc {(r.get('max_allocated_bytes') or (r.get('memory') or {}).get('max_allocated_bytes') or 0) / 1e9:.2f} GB")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--out", default="fidelity.json")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--pairs", type=int, default=0,
                    help="instead of the variants: N interleaved pairs of bare and doctor runs")
    ap.add_argument("--warmup", action="store_true",
                    help="with --pairs: one bare process first, reported and left out of the medians (a freshly "
                         "started machine slows whichever process runs first)")
    args = ap.parse_args()
    if args.pairs:
        out = {}
        if args.warmup:
            t0 = time.perf_counter()
            w = run_bare(args.runs)
            w["bench_wall_s"] = round(time.perf_counter() - t0, 1)
            print(line("warm-up", w), flush=True)
            out["warmup"] = w
        for i in range(args.pairs):
            for name, fn in ((f"bare#{i + 1}", lambda: run_bare(args.runs)), (f"doctor#{i + 1}", lambda: run_doctor(args.runs))):
                t0 = time.perf_counter()
                out[name] = fn()
                out[name]["bench_wall_s"] = round(time.perf_counter() - t0, 1)
                print(line(name, out[name]), flush=True)
                if name.startswith("doctor") and "median_s" in out[name] and "median_s" in out.get(f"bare#{i + 1}", {}):
                    print(f"  pair {i + 1}: doctor/bare = {out[name]['median_s'] / out[f'bare#{i + 1}']['median_s']:.3f}", flush=True)
        bare = [out[k]["median_s"] for k in out if k.startswith("bare") and "median_s" in out[k]]
        doc = [out[k]["median_s"] for k in out if k.startswith("doctor") and "median_s" in out[k]]
        if bare and doc:
            b, d = statistics.median(bare), statistics.median(doc)
            print(f"median of bare medians {b:.4f} s, of doctor medians {d:.4f} s: doctor/bare = {d / b:.3f}")
        Path(args.out).write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")
        return 0
    plan = [
        ("bare", lambda: run_bare(args.runs)),
        ("child", lambda: run_child(args.runs)),
        ("child-nograd", lambda: run_child(args.runs, inference_mode=False)),
        ("child-nohooks", lambda: run_child(args.runs, stage_hooks=False)),
        ("child+nvml", lambda: run_child(args.runs, sample_nvml=True)),
        ("doctor", lambda: run_doctor(args.runs)),
        ("bare#2", lambda: run_bare(args.runs)),
    ]
    out = {}
    for name, fn in plan:
        if args.only and name not in args.only:
            continue
        t0 = time.perf_counter()
        out[name] = fn()
        out[name]["bench_wall_s"] = round(time.perf_counter() - t0, 1)
        print(line(name, out[name]), flush=True)
    Path(args.out).write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
