"""Benchmark: the doctor's ComfyUI smoke against ComfyUI's own figures, on a GPU (issue 14).

What: a real ComfyUI server (a source tree given with --comfy, never part of this repo: ComfyUI is GPL)
on the GPU of this machine, with real-size random-weight Klein 4B files (FP8 and BF16 transformer,
Qwen3-4B text encoder, FLUX.2 VAE) written here from tests/stfiles.py's key sets, shapes and dtypes.
For each transformer file it runs `python -m doctor check --smoke --path comfyui --variant V --json`
against the server and records beside the doctor's figures ComfyUI's own:
  - its log's "Prompt executed in X seconds", one per prompt (the doctor queues 1 cold + 3 warm);
  - inside its process, per prompt: perf_counter around PromptExecutor.execute_async and
    torch.cuda.max_memory_allocated / max_memory_reserved (peak statistics reset before each prompt),
    from a wrapper installed by this script's `serve` launcher before ComfyUI starts;
  - nvidia-smi's per-process used memory, sampled every 100 ms (the server's peak).
Usage (on the GPU machine):
  python bench/bench_comfyui_gpu.py run --comfy DIR --models /tmp/klein-models --out OUTDIR [--doctor DIR]
  python bench/bench_comfyui_gpu.py make-files --models DIR [--device cuda]
`--doctor DIR` is the repo checkout whose doctor is measured (default: this one).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import re
import signal
import statistics
import struct
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

FP8_NAME = "flux-2-klein-4b-fp8.safetensors"
BF16_NAME = "flux-2-klein-4b.safetensors"
TE_NAME = "qwen_3_4b.safetensors"
VAE_NAME = "flux2-vae.safetensors"


def _stfiles():
    spec = importlib.util.spec_from_file_location("stfiles", REPO / "tests" / "stfiles.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# --------------------------------------------------------------------------------------------- files
def _fill(name: str, dtype: str, shape: list[int], torch, device: str):
    """Small random values where a real file has weights; ones for norm scales and running variances,
    zeros for biases and running means; FP8 weights as unit-scale E4M3 values (their weight_scale
    carries the 0.02); per-tensor scales as plain scalars."""
    tdt = {"BF16": torch.bfloat16, "F32": torch.float32, "F16": torch.float16, "F8_E4M3": torch.float8_e4m3fn,
           "U8": torch.uint8}[dtype]
    if name.endswith(".weight_scale"):
        return torch.full(shape, 0.02, dtype=tdt, device=device)
    if name.endswith(".input_scale"):
        return torch.full(shape, 0.05, dtype=tdt, device=device)
    if name.endswith((".scale", "norm.weight", "layernorm.weight", "norm1.weight", "norm2.weight", "norm_out.weight",
                      "running_var")) or re.search(r"(q|k)_norm\.weight$", name):
        return torch.ones(shape, dtype=tdt, device=device)
    if name.endswith((".bias", "running_mean")):
        return torch.zeros(shape, dtype=tdt, device=device)
    x = torch.randn(shape, dtype=torch.float32 if dtype == "F8_E4M3" else tdt, device=device)
    if dtype == "F8_E4M3":
        return x.clamp_(-4, 4).to(tdt)
    return x.mul_(0.02)


def write_random(path: Path, tensors: dict, metadata: dict | None, device: str) -> int:
    """Stream a .safetensors file: the header stfiles would write, then each tensor's bytes."""
    import torch

    st = _stfiles()
    hb = st.header_bytes(tensors, metadata)
    hb += b" " * (-(8 + len(hb)) % 8)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    with open(tmp, "wb") as fh:
        fh.write(struct.pack("<Q", len(hb)))
        fh.write(hb)
        for name, (dt, shape) in tensors.items():
            t = _fill(name, dt, list(shape), torch, device)
            b = t.contiguous().reshape(-1).view(torch.uint8).cpu().numpy().tobytes() if t.numel() else b""
            assert len(b) == math.prod(shape) * st.DTYPE_BYTES[dt], name
            fh.write(b)
    tmp.rename(path)
    return path.stat().st_size


def make_files(models: Path, device: str) -> dict:
    st = _stfiles()
    fp8 = st.klein_4b(fp8=True)
    layers = sorted({k[:-len(".weight_scale")] for k in fp8 if k.endswith(".weight_scale")})
    qmeta = {"_quantization_metadata": json.dumps({"format_version": "1.0",
                                                     "layers": {k: {"format": "float8_e4m3fn"} for k in layers}})}
    plan = [(models / "diffusion_models" / FP8_NAME, fp8, qmeta),
            (models / "diffusion_models" / BF16_NAME, st.klein_4b(fp8=False), None),
            (models / "text_encoders" / TE_NAME, st.qwen3_4b(), None),
            (models / "vae" / VAE_NAME, st.flux2_vae(), None)]
    out = {}
    for path, tensors, meta in plan:
        if path.exists():
            out[path.name] = {"bytes": path.stat().st_size, "tensors": len(tensors), "reused": True}
            continue
        t0 = time.perf_counter()
        size = write_random(path, tensors, meta, device)
        out[path.name] = {"bytes": size, "tensors": len(tensors), "params": st.n_params(tensors),
                          "seconds": round(time.perf_counter() - t0, 1)}
        print(f"wrote {path} {size / 1e9:.2f} GB in {out[path.name]['seconds']} s", flush=True)
    return out


# --------------------------------------------------------------------------------------------- server
def serve(comfy: Path, probe_file: Path, argv: list[str]) -> None:
    """Start ComfyUI in this process with a per-prompt probe around PromptExecutor.execute_async."""
    sys.path.insert(0, str(comfy))
    sys.argv = ["comfyui", *argv]
    import torch
    from comfy.cmd import execution

    orig = execution.PromptExecutor.execute_async

    async def probed(self, prompt, prompt_id, extra_data=None, execute_outputs=None):
        cuda = torch.cuda.is_available()
        if cuda:
            torch.cuda.synchronize()
            torch.cuda.reset_peak_memory_stats()
        t0 = time.perf_counter()
        try:
            return await orig(self, prompt, prompt_id, extra_data, execute_outputs)
        finally:
            if cuda:
                torch.cuda.synchronize()
            rec = {"prompt_id": prompt_id, "t_start": time.time() - (time.perf_counter() - t0),
                   "execute_s": round(time.perf_counter() - t0, 4), "success": bool(getattr(self, "success", False))}
            if cuda:
                free, total = torch.cuda.mem_get_info()
                rec.update(max_allocated=torch.cuda.max_memory_allocated(), max_reserved=torch.cuda.max_memory_reserved(),
                           reserved_now=torch.cuda.memory_reserved(), device_used_now=total - free)
            with open(probe_file, "a") as fh:
                fh.write(json.dumps(rec) + "\n")

    execution.PromptExecutor.execute_async = probed
    from comfy.cmd.main import entrypoint

    entrypoint()


class SmiSampler(threading.Thread):
    """nvidia-smi's per-process used memory, every 100 ms; peaks by pid."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak: dict[int, int] = {}
        self.proc = None

    def run(self):
        try:
            self.proc = subprocess.Popen(["nvidia-smi", "--query-compute-apps=pid,used_memory", "--format=csv,noheader,nounits",
                                          "-lms", "100"], stdout=subprocess.PIPE, text=True)
        except OSError:
            return
        for line in self.proc.stdout:
            try:
                pid, mib = (int(x) for x in line.strip().split(","))
            except ValueError:
                continue
            self.peak[pid] = max(self.peak.get(pid, 0), mib)

    def reset(self):
        self.peak = {}

    def stop(self):
        if self.proc:
            self.proc.terminate()


def _get(url: str, timeout: float = 5.0):
    with urllib.request.urlopen(url, timeout=timeout) as r:  # noqa: S310 - local server
        return json.loads(r.read())


def _log_times(log: Path, start: int) -> list[float]:
    text = log.read_bytes()[start:].decode(errors="replace")  # start is a byte offset (st_size)
    return [float(x) for x in re.findall(r"Prompt executed in ([0-9.]+) seconds", text)]


def run(args) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    models = Path(args.models)
    result: dict = {"when": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())}
    try:
        result["gpu"] = subprocess.run(["nvidia-smi", "--query-gpu=name,memory.total,driver_version", "--format=csv,noheader"],
                                       capture_output=True, text=True).stdout.strip()
    except OSError:
        result["gpu"] = None
    t0 = time.perf_counter()
    result["files"] = make_files(models, args.device)
    result["make_files_s"] = round(time.perf_counter() - t0, 1)
    base = Path(args.base)
    base.mkdir(parents=True, exist_ok=True)
    mlink = base / "models"
    if not mlink.exists():
        mlink.symlink_to(models.resolve())
    probe = out / "probe.jsonl"
    log = out / "comfyui.log"
    srv_args = ["--listen", "127.0.0.1", "--port", str(args.port), "--cwd", str(base), "--disable-known-models",
                "--disable-api-nodes", *args.comfy_arg]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    logf = open(log, "w")
    t_srv = time.perf_counter()
    srv = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "serve", "--comfy", str(Path(args.comfy).resolve()),
                            "--probe", str(probe), "--", *srv_args], stdout=logf, stderr=subprocess.STDOUT, env=env,
                           cwd=str(base), start_new_session=True)
    url = f"http://127.0.0.1:{args.port}"
    smi = SmiSampler()
    smi.start()
    try:
        while time.perf_counter() - t_srv < args.start_timeout:
            if srv.poll() is not None:
                raise SystemExit(f"ComfyUI exited with {srv.returncode}; see {log}")
            try:
                result["system_stats"] = _get(url + "/system_stats")
                break
            except OSError:
                time.sleep(1)
        else:
            raise SystemExit("ComfyUI did not answer in time")
        result["server_start_s"] = round(time.perf_counter() - t_srv, 1)
        print(f"server up in {result['server_start_s']} s", flush=True)
        result["runs"] = []
        plan = [(Path(d).resolve(), "klein-4b-fp8") for d in args.baseline_doctor]
        plan += [(Path(args.doctor).resolve(), v) for v in args.variants]
        for doctor_dir, variant in plan:
            start = log.stat().st_size
            nprobe = len(probe.read_text().splitlines()) if probe.exists() else 0
            smi.reset()
            cmd = [sys.executable, "-m", "doctor", "check", "--smoke", "--path", "comfyui", "--server", url,
                   "--variant", variant, "--json", "--smoke-out", str(out / f"smoke-{variant}.png")]
            t1 = time.perf_counter()
            p = subprocess.run(cmd, capture_output=True, text=True, cwd=str(doctor_dir), env=env)
            wall = time.perf_counter() - t1
            try:
                doc = json.loads(p.stdout)
            except ValueError:
                doc = {"stdout": p.stdout[-4000:], "stderr": p.stderr[-4000:]}
            smoke = (doc.get("facts") or {}).get("smoke") or {}
            heads = [f.get("title") or f.get("headline") or f.get("message") for f in doc.get("findings") or []
                     if "smoke" in json.dumps(f).lower()[:400]]
            probes = [json.loads(x) for x in probe.read_text().splitlines()[nprobe:]] if probe.exists() else []
            run1 = {"variant": variant, "doctor_dir": str(doctor_dir), "doctor_wall_s": round(wall, 1), "doctor_rc": p.returncode,
                    "doctor_smoke": smoke, "doctor_smoke_headlines": heads[:6],
                    "comfy_log_prompt_executed_s": _log_times(log, start), "comfy_probe": probes,
                    "nvidia_smi_peak_mib": dict(smi.peak), "server_pid": srv.pid}
            if not smoke:
                run1["doctor_stderr"] = p.stderr[-3000:]
            result["runs"].append(run1)
            (out / "result.json").write_text(json.dumps(result, indent=1, default=str))
            print(summary_line(run1), flush=True)
    finally:
        smi.stop()
        try:
            os.killpg(srv.pid, signal.SIGTERM)
            srv.wait(20)
        except (OSError, subprocess.TimeoutExpired):
            os.killpg(srv.pid, signal.SIGKILL)
        logf.close()
        (out / "result.json").write_text(json.dumps(result, indent=1, default=str))
    return 0


def summary_line(r: dict) -> str:
    res = (r.get("doctor_smoke") or {}).get("result") or {}
    nv = (r.get("doctor_smoke") or {}).get("nvml") or {}
    pr = r.get("comfy_probe") or []
    warm = [p["execute_s"] for p in pr[1:]]
    return (f"{r['variant']}: doctor median {res.get('median_s')} s (times {res.get('times_s')}, cold {res.get('cold_execution_s')}) "
            f"peak {((nv.get('child_peak_bytes') or 0) / 2**30):.2f} GiB | comfy log {r['comfy_log_prompt_executed_s']} | "
            f"probe warm median {statistics.median(warm) if warm else None} cold {pr[0]['execute_s'] if pr else None} "
            f"max_alloc {max((p.get('max_allocated') or 0) for p in pr) / 2**30 if pr else 0:.2f} GiB "
            f"max_reserved {max((p.get('max_reserved') or 0) for p in pr) / 2**30 if pr else 0:.2f} GiB | smi {r['nvidia_smi_peak_mib']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make-files")
    m.add_argument("--models", required=True)
    m.add_argument("--device", default="cuda")
    s = sub.add_parser("serve")
    s.add_argument("--comfy", required=True)
    s.add_argument("--probe", required=True)
    s.add_argument("rest", nargs=argparse.REMAINDER)
    r = sub.add_parser("run")
    r.add_argument("--comfy", required=True, help="ComfyUI source tree (the fork's repo root)")
    r.add_argument("--models", default="/tmp/klein-models")
    r.add_argument("--base", default="/tmp/klein-comfy-base", help="ComfyUI's --cwd (models/ is linked there)")
    r.add_argument("--out", required=True)
    r.add_argument("--doctor", default=str(REPO))
    r.add_argument("--baseline-doctor", action="append", default=[],
                   help="another checkout whose doctor runs the FP8 smoke first (e.g. the main branch), repeatable")
    r.add_argument("--device", default="cuda")
    r.add_argument("--port", type=int, default=8188)
    r.add_argument("--start-timeout", type=float, default=240)
    r.add_argument("--variants", nargs="+", default=["klein-4b-fp8", "klein-4b-bf16"])
    r.add_argument("--comfy-arg", action="append", default=[], help="extra ComfyUI argument (repeatable)")
    a = ap.parse_args(argv)
    if a.cmd == "make-files":
        print(json.dumps(make_files(Path(a.models), a.device), indent=1))
        return 0
    if a.cmd == "serve":
        rest = a.rest[1:] if a.rest[:1] == ["--"] else a.rest
        serve(Path(a.comfy), Path(a.probe), rest)
        return 0
    return run(a)


if __name__ == "__main__":
    sys.exit(main())
