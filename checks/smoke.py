"""Smoke area: the measured 4-step generation judged against the published figures for this GPU.

Every verdict here comes from the ``smoke`` facts (what the child measured, what NVML saw) and
``manifests/targets.toml``; nothing is re-measured. A slow or large run is a `warn` with its likely
causes ranked from the facts, a run that could not finish is a `fail` with its cause.
"""

from __future__ import annotations

from typing import Any

from .. import manifests
from ..findings import fail, info, ok, skip, warn
from ..platform_rules import has_fp8
from ..registry import check
from ..sizes import gb as gbs  # the one size formatter

from ._common import no_gpu_found, selected_gpu, target_python, torch_build

GB = 1e9
AREA = "Smoke"


def _smoke(facts: dict[str, Any]) -> dict[str, Any]:
    """Only ``smoke.run`` declares ``needs=["smoke"]`` (so ``--check smoke`` gathers it and a replay of older
    facts shows one skip, not five); the other checks read the section when it is there."""
    return facts.get("smoke") or {}


def _result(facts: dict[str, Any]) -> dict[str, Any]:
    return _smoke(facts).get("result") or {}


def _passed_on_gpu(facts: dict[str, Any]) -> bool:
    r = _result(facts)
    return bool(r.get("ok")) and (r.get("device") or {}).get("type") == "cuda"


def _label(facts: dict[str, Any]) -> str:
    return "[synthetic] " if _smoke(facts).get("plan", {}).get("synthetic") or _result(facts).get("synthetic") else ""


def compare(measured: float, target: float, worse: str = "slower", better: str = "faster") -> str:
    """'11% slower than' / '3% faster than' / 'equal to': the ratio said, never just 'within'."""
    pct = round((measured / target - 1.0) * 100)
    if pct == 0:
        return "equal to" if abs(measured - target) < 1e-9 else f"within 1% of"
    return f"{abs(pct)}% {worse if pct > 0 else better} than"


# --- targets ---------------------------------------------------------------------------------------

def _name_match(names: list[str], gpu: str) -> int:
    """Length of the longest name in ``names`` found in ``gpu`` (0: none; 1 for the wildcard)."""
    best = 0
    for n in names:
        if n == "*":
            best = max(best, 1)
        elif n.lower() in gpu.lower():
            best = max(best, len(n) + 1)
    return best


def find_target(gpu: str, path: str, variant: str, dtype: str, mode: str) -> dict[str, Any] | None:
    rows = manifests.load("targets").get("target", [])
    scored = [(r, _name_match(r.get("gpus", []), gpu)) for r in rows
              if r.get("path") == path and r.get("variant") == variant and r.get("dtype") == dtype and r.get("mode") == mode]
    scored = [(r, s) for r, s in scored if s]
    if not scored:
        return None
    return dict(max(scored, key=lambda rs: rs[1])[0])


def throughput(gpu: str) -> dict[str, Any] | None:
    rows = manifests.load("gpus").get("throughput", [])
    scored = [(r, _name_match(r.get("names", []), gpu)) for r in rows]
    scored = [(r, s) for r, s in scored if s]
    return dict(max(scored, key=lambda rs: rs[1])[0]) if scored else None


def estimate_seconds(gpu: str, steps: int) -> tuple[float | None, str]:
    """Seconds for one image from the GPU's peak BF16 rate and the workload's FLOP count, scaled by the
    efficiency measured on an H100: an estimate, and every message says so."""
    est = manifests.load("targets")["estimate"]
    t = throughput(gpu)
    if not t or not t.get("bf16"):
        return None, f"no peak throughput is known for {gpu} (manifests/gpus.toml [[throughput]])"
    flop = steps * est["flop_per_step"] + est["flop_fixed"]
    secs = flop / (t["bf16"] * 1e12 * est["efficiency"])
    return secs, (f"estimate: {flop:.2g} FLOP / ({t['bf16']:g} TFLOP/s peak BF16 x {est['efficiency']:.2f} efficiency "
                  f"measured on an H100) = {secs:.2f} s [{t['source']}; {est['source']}]")


def _target_for(facts: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """(target row or estimate, how it was found) for the run that happened."""
    plan = _smoke(facts).get("plan") or {}
    r = _result(facts)
    gpu = (r.get("device") or {}).get("name") or ""
    path = _smoke(facts).get("path", "diffusers")
    variant = plan.get("variant", "klein-4b")
    mode = (r.get("settings") or {}).get("mode") or plan.get("mode", "resident")
    row = find_target(gpu, path, variant, plan.get("dtype", "bf16"), mode)
    return row, f"{path}, {variant}, {plan.get('dtype', 'bf16')}, {mode}"


# --- the run itself --------------------------------------------------------------------------------

def _fix_install(facts: dict[str, Any], package: str | None):
    from ..platform_rules import pip_argvs
    from ..shells import Run, make_fix

    py = target_python(facts) or _smoke(facts).get("python") or "python"
    pkg = {"torch": "torch", "transformers": "transformers", "accelerate": "accelerate"}.get(package or "", "diffusers>=0.37")
    if pkg == "torch" and (facts.get("python") or {}).get("is_doctor_python"):
        # never into klein-doctor's own environment: Klein runs in another one
        return "Point the doctor at the interpreter that runs Klein with --python PATH (see the PyTorch area)"
    if pkg == "torch":
        return make_fix(facts, "Install PyTorch (see the PyTorch area for the build that matches your GPU)",
                        [Run(a) for a in pip_argvs(py, ["install", "torch"], facts.get("python"))])
    return make_fix(facts, f"Install {pkg} with transformers and accelerate",
                    [Run(a) for a in pip_argvs(py, ["install", "-U", pkg, "transformers", "accelerate"], facts.get("python"))])


def _no_usable_gpu(facts: dict[str, Any]) -> tuple[str, str] | None:
    """(why, the finding it follows from) when the gathered facts already show the target has no CUDA GPU to run
    on: none found on the machine, or a CPU-only / ROCm PyTorch in the target interpreter. None: not known."""
    if no_gpu_found(facts):  # the readings gpu.present and torch.cuda-build judge by (checks/_common)
        return "no NVIDIA GPU was found on this machine", "gpu.none"
    t = facts.get("torch") or {}
    build = torch_build(t)
    if build == "rocm":
        return f"PyTorch {t['version']} in the target Python is a ROCm (AMD) build", "torch.rocm-build"
    if build == "cpu":
        return f"PyTorch {t['version']} in the target Python is a CPU-only build", "torch.cpu-build"
    return None


@check("smoke.run", area=AREA, title="The 4-step 1024x1024 smoke generation runs",
       needs=["smoke"], optional=["python", "gpu", "system", "comfyui_tree", "torch"])
def smoke_run(facts: dict[str, Any]):
    s = _smoke(facts)
    if not s.get("requested"):
        return
    tag = _label(facts)
    if s.get("plan_error"):
        yield fail("smoke.variant-unknown", f"Cannot run the smoke generation: {s['plan_error']}",
                   fix="Pass --variant klein-4b (distilled) or klein-base-4b")
        return
    if s.get("path") == "comfyui" and not s.get("ran"):
        yield skip("smoke.comfyui-unavailable", f"ComfyUI smoke run not done: {s.get('reason')}",
                   fix="Run the diffusers smoke test instead: klein-doctor check --smoke --path diffusers")
        return
    plan = s.get("plan") or {}
    if plan.get("problems") and (nogpu := _no_usable_gpu(facts)):
        # the first thing a smoke says where no CUDA GPU can run it is that, not which files are missing
        yield fail("smoke.no-cuda", f"{tag}The smoke run cannot run here: {nogpu[0]} (and the model files are "
                   "missing too)", [nogpu[0]] + list(plan["problems"]),
                   "See the GPU and PyTorch areas first: a CPU-only PyTorch build or a hidden GPU is the usual cause; "
                   "then the Model files area for the snapshot", cause=nogpu[1])
        return
    if plan.get("problems"):
        yield fail("smoke.no-model-files", "No usable local diffusers snapshot for the smoke run", list(plan["problems"]),
                   "Download it with klein-doctor install --path diffusers, point at it with --model-dir DIR, or "
                   "measure the GPU without files: klein-doctor check --smoke --synthetic")
        return
    r = _result(facts)
    evidence = _run_evidence(s, r)
    err = r.get("error") or {}
    if not r.get("ok"):
        kind = err.get("kind")
        msg = err.get("message") or "no report"
        if kind == "missing_package":
            yield fail("smoke.missing-package", f"{tag}The smoke run cannot start: {msg}", evidence,
                       _fix_install(facts, err.get("package")))
        elif kind == "oom":
            yield fail("smoke.oom", f"{tag}CUDA ran out of memory during {r.get('stage', 'the run')}",
                       evidence + [msg.splitlines()[0][:400]] + _oom_causes(facts), _oom_fix(facts))
        elif kind == "no_cuda":
            nogpu = _no_usable_gpu(facts)  # a consequence where gpu.none / torch.cpu-build already say why
            yield fail("smoke.no-cuda", f"{tag}The smoke run found no CUDA GPU: {msg}", evidence,
                       "See the GPU and PyTorch areas: a CPU-only PyTorch build or a hidden GPU is the usual cause",
                       cause=nogpu[1] if nogpu else None)
        elif kind == "timeout":
            yield fail("smoke.timeout", f"{tag}The smoke run did not finish within {s.get('timeout_s', 0):g} s", evidence,
                       "Re-run with a larger --smoke-timeout; a first run also compiles kernels and reads ~16 GB from disk")
        elif kind in ("model_files", "crash") and known_error(_failure_text(s, err)):
            known = known_error(_failure_text(s, err))
            f = fail("smoke.known-error", f"{tag}The smoke run failed: {known['title']}",
                     evidence + [f"error: {msg.splitlines()[0][:300]}", f"cause: {known['cause']}",
                                 f"known error {known['id']} (klein-doctor explain)"], known.get("fix"))
            f.detail = err.get("traceback_tail") or s.get("stderr_tail")
            yield f
        elif kind == "model_files":
            yield fail("smoke.model-load", f"The model files did not load: {msg.splitlines()[0][:300]}", evidence,
                       "Verify the snapshot (Model files area) or re-download it: `klein-doctor install --path diffusers`")
        else:
            f = fail("smoke.crashed", f"{tag}The smoke run crashed: {msg.splitlines()[0][:300]}",
                     evidence + ([f"stderr: {s['stderr_tail'][-400:]}"] if s.get("stderr_tail") else []),
                     "Run with -v for the child's traceback and attach `klein-doctor report` to a bug report")
            f.detail = err.get("traceback_tail") or s.get("stderr_tail")
            yield f
        return
    dev = r.get("device") or {}
    runs = len(r.get("times_s") or [])
    took = f"median {r['median_s']:.2f} s over {runs} runs" if r.get("median_s") is not None else "no time reported"
    if s.get("path") == "comfyui" and dev.get("type") == "cpu":
        yield warn("smoke.comfyui-cpu", f"The ComfyUI server computes on the CPU, not a GPU ({took}): "
                   "no GPU target applies", evidence + [f"device: {dev.get('source') or 'the server'} lists only 'cpu'"],
                   "Start ComfyUI without --cpu, in an environment whose PyTorch is a CUDA build (see the PyTorch area)")
        return
    if dev.get("type") == "cpu":
        yield info("smoke.cpu-only", f"{tag}The generation ran on the CPU ({took}); no GPU target applies", evidence)
        return
    if dev.get("type") != "cuda":
        yield info("smoke.device-unknown", f"{tag}The generation finished ({took}), but the device it ran on is not "
                   "known, so no target applies", evidence + [f"device: {dev.get('source') or 'not reported'}"])
        return
    mode_line = [f"{plan.get('mode')}: {plan['mode_reason']}"] if plan.get("mode") and plan.get("mode_reason") else []
    yield ok("smoke.ran", f"{tag}Generated 1024x1024 in {r['settings']['steps']} steps on {dev.get('name')}: "
             f"{took}", mode_line + evidence)


def _failure_text(s: dict[str, Any], err: dict[str, Any]) -> str:
    return "\n".join(x for x in (err.get("message"), err.get("traceback_tail"), s.get("stderr_tail"))
                     if isinstance(x, str) and x)


def known_error(text: str) -> dict[str, Any] | None:
    """The first error signature `klein-doctor explain` knows in a failed run's message and traceback, so a
    truncated file gets the truncated-file fix rather than "run with -v"."""
    if not text.strip():
        return None
    from .. import explain

    matches = explain.match_text(text)  # best first
    return matches[0].to_dict() if matches else None


def _run_evidence(s: dict[str, Any], r: dict[str, Any]) -> list[str]:
    ev = []
    v = r.get("versions") or {}
    if v:
        ev.append("versions: " + ", ".join(f"{k} {v[k]}" for k in ("python", "torch", "diffusers", "transformers") if v.get(k)))
    st = r.get("settings") or {}
    if st:
        ev.append(f"settings: {st.get('width')}x{st.get('height')}, {st.get('steps')} steps, guidance {st.get('guidance')}, "
                  f"seed {st.get('seed')}, {st.get('dtype')}, {st.get('mode')}")
    plan = s.get("plan") or {}
    if plan.get("synthetic"):
        ev.append("synthetic: the real Klein 4B architecture with random weights (no files, no tokenizer)")
    elif plan.get("model_dir"):
        ev.append(f"model files: {plan['model_dir']} (from {plan.get('model_dir_source')})")
    for n in plan.get("notes") or []:
        ev.append(n)
    if r.get("cold_execution_s") is not None:
        ev.append(f"cold run (models freed first: load + generation) {r['cold_execution_s']:.2f} s"
                  + (f", of which ~{r['load_s']:.2f} s loading" if r.get("load_s") is not None else ""))
    elif r.get("cold_note"):
        ev.append(r["cold_note"])
    elif r.get("load_s") is not None:
        ev.append(f"load {r['load_s']:.1f} s" + (f", warm-up {r['warmup_s']:.2f} s" if r.get("warmup_s") is not None else ""))
    if r.get("times_s"):
        ev.append("timed runs (s): " + ", ".join(f"{t:.3f}" for t in r["times_s"]))
    sm = r.get("stages_ms") or {}
    if sm:
        ev.append(f"stages (median ms): text encoder {sm.get('text_encoder')}, denoising {sm.get('denoise')} "
                  f"({r.get('per_step_ms')} per step), VAE decode {sm.get('vae_decode')}")
    mem = r.get("memory") or {}
    if mem.get("max_allocated_bytes"):
        ev.append(f"torch peak: {gbs(mem['max_allocated_bytes'])} allocated, {gbs(mem.get('max_reserved_bytes'))} reserved")
    nv = s.get("nvml") or {}
    if nv.get("available"):
        ev.append(f"device peak (NVML): {gbs(nv.get('peak_used_bytes'))} used of {gbs(nv.get('total_bytes'))} "
                  f"({gbs(nv.get('baseline_used_bytes'))} before the run)")
    return ev


def _oom_causes(facts: dict[str, Any]) -> list[str]:
    s = _smoke(facts)
    nv = s.get("nvml") or {}
    causes = []
    for p in nv.get("other_processes") or []:
        if (p.get("max_used_bytes") or 0) > 0.3 * GB:
            causes.append(f"likely cause: {p.get('name') or 'process'} (pid {p['pid']}) holds {gbs(p['max_used_bytes'])} of VRAM")
    lim = (_result(facts).get("device") or {}).get("vram_limit_bytes")
    if lim:
        causes.append(f"the run was limited to {gbs(lim)} of VRAM (--smoke-vram-limit)")
    plan = s.get("plan") or {}
    if plan.get("mode") == "resident":
        causes.append("the whole BF16 pipeline was resident (~20 GB peak); enable_model_cpu_offload() needs ~13 GB")
    return causes


def _oom_fix(facts: dict[str, Any]) -> str:
    plan = _smoke(facts).get("plan") or {}
    if plan.get("mode") == "resident":
        return ("Close other GPU programs, or use pipe.enable_model_cpu_offload() (~13 GB); on smaller cards use "
                "ComfyUI with the FP8 files (~8.4 GB)")
    return "Close other GPU programs; below ~13 GB use ComfyUI with the FP8 files (~8.4 GB) or --lowvram"


# --- speed and memory --------------------------------------------------------------------------------

def likely_causes(facts: dict[str, Any]) -> list[str]:
    """Why a run is slower or larger than its target, most likely first, each from a measured fact."""
    s = _smoke(facts)
    plan = s.get("plan") or {}
    nv = s.get("nvml") or {}
    dev, _ = selected_gpu(facts)
    causes: list[str] = []
    total = (dev or {}).get("memory_total_bytes") or nv.get("total_bytes")
    resident_need = next((r["need_gb"] for r in manifests.load("requirements").get("vram", [])
                          if r.get("path") == "diffusers" and r.get("mode") == "bf16"), 20.0) * GB
    if plan.get("mode") == "offload" and total and total >= resident_need:
        causes.append(f"CPU offload was used on a card that holds the resident pipeline ({gbs(total)} >= "
                      f"{gbs(resident_need)}): every step moves weights over PCIe")
    others = [p for p in nv.get("other_processes") or [] if (p.get("max_used_bytes") or 0) > 0.3 * GB]
    if others:
        causes.append("other processes held VRAM during the run: " + ", ".join(
            f"{p.get('name') or 'pid'} {p['pid']} ({gbs(p['max_used_bytes'])})" for p in others))
    clocks = nv.get("clocks") or {}
    hard = [t for t in clocks.get("throttle_reasons") or [] if t != "sw_power_cap"]
    if hard:
        causes.append(f"the GPU throttled during the run ({', '.join(hard)}): check cooling and power")
    cur, lim = clocks.get("sm_clock_mhz_max"), clocks.get("sm_clock_limit_mhz")
    if cur and lim and cur < 0.85 * lim:
        causes.append(f"the SM clock peaked at {cur} MHz of {lim} MHz (power limit {clocks.get('power_limit_w')} W)")
    if dev and dev.get("pcie_width") and dev.get("pcie_max_width") and dev["pcie_width"] < dev["pcie_max_width"]:
        causes.append(f"the PCIe link runs at x{dev['pcie_width']} of x{dev['pcie_max_width']} "
                      "(matters for loading and offload)")
    sw = s.get("swap_used_bytes") or {}
    if (sw.get("after") or 0) > (sw.get("before") or 0) + 0.2 * GB or (sw.get("after") or 0) > 2 * GB:
        causes.append(f"the system swapped during the run ({gbs(sw.get('before'))} -> {gbs(sw.get('after'))} of swap in use)")
    if s.get("path") == "comfyui" and plan.get("dtype") == "bf16" and has_fp8((dev or {}).get("compute_capability")):
        causes.append("BF16 files on an FP8-capable card: the FP8 files halve the weight traffic")
    return causes


@check("smoke.speed", area=AREA, title="The smoke generation reaches the speed target for this GPU",
       needs=[], optional=["smoke", "gpu", "system", "comfyui_tree"])
def smoke_speed(facts: dict[str, Any]):
    if not _passed_on_gpu(facts):
        return
    r = _result(facts)
    tag = _label(facts)
    gpu = r["device"]["name"]
    if r.get("median_s") is None:
        yield info("smoke.speed.no-time", f"{tag}The server reported no execution time, so the speed was not judged",
                   [f"timing: {r.get('timing') or 'unknown'}"])
        return
    measured = float(r["median_s"])
    tol = manifests.load("targets")["tolerance"]
    row, how = _target_for(facts)
    if row and row.get("seconds"):
        target, ratio, source, kind = float(row["seconds"]), tol["time_ratio"], row["source"], "target"
    else:
        steps = int((r.get("settings") or {}).get("steps") or 4)
        target, source = estimate_seconds(gpu, steps)
        if target is None:
            yield info("smoke.speed.no-target", f"{tag}No speed target or estimate for {gpu} ({how}): measured {measured:.2f} s",
                       [source])
            return
        ratio, kind = tol["estimate_time_ratio"], "estimate"
        if (r.get("settings") or {}).get("mode") == "offload":
            source += "; the estimate counts compute only, not the offload transfers"
    evidence = [f"measured median {measured:.3f} s; {kind} {target:.2f} s for {gpu} ({how}); ok up to x{ratio:g}",
                f"source: {source}"]
    if measured <= target * ratio:
        yield ok("smoke.speed.ok", f"{tag}{measured:.2f} s per image, {compare(measured, target)} the {target:.2f} s "
                 f"{kind} for {gpu}" + ("" if measured <= target else f" (within the {ratio:g}x tolerance)"), evidence)
        return
    causes = likely_causes(facts)
    evidence += [f"likely cause {i + 1}: {c}" for i, c in enumerate(causes)] or [
        "no cause is visible in the facts: compare driver, torch and diffusers versions with the target's source"]
    fix = None
    if causes and causes[0].startswith("CPU offload"):
        fix = "Keep the pipeline resident: pipe.to(\"cuda\") instead of pipe.enable_model_cpu_offload()"
    elif causes and causes[0].startswith("other processes"):
        fix = "Close the other GPU programs (see nvidia-smi) and run the smoke test again"
    yield warn("smoke.speed.slow", f"{tag}{measured:.2f} s per image, {measured / target:.2f}x the {target:.2f} s "
               f"{kind} for {gpu} (the tolerance is {ratio:g}x)", evidence, fix)


@check("smoke.vram", area=AREA, title="The smoke generation's peak VRAM matches the target",
       needs=[], optional=["smoke", "gpu", "system", "comfyui_tree"])
def smoke_vram(facts: dict[str, Any]):
    if not _passed_on_gpu(facts):
        return
    r = _result(facts)
    s = _smoke(facts)
    tag = _label(facts)
    tol = manifests.load("targets")["tolerance"]
    est = manifests.load("targets")["estimate"]
    row, how = _target_for(facts)
    mode = (r.get("settings") or {}).get("mode")
    if not (row and row.get("vram_gb")):
        row = find_target("*", s.get("path", "diffusers"), (s.get("plan") or {}).get("variant", "klein-4b"), "bf16", mode or "")
        if not (row and row.get("vram_gb")) and mode == "resident":
            row = {"vram_gb": est["resident_torch_peak_gb"], "vram_kind": "torch",
                   "source": f"GPU-independent resident peak: {est['source']}"}
        if not (row and row.get("vram_gb")):
            return
    kind = row.get("vram_kind", "device")
    if (s.get("plan") or {}).get("synthetic") and mode in ("offload", "sequential"):
        # Random weights are made on the GPU before they are offloaded: the device-level peak counts them.
        kind = "torch"
    nv = s.get("nvml") or {}
    if kind == "torch":
        measured = (r.get("memory") or {}).get("max_allocated_bytes")
        what = "torch peak allocated"
    else:
        measured = nv.get("child_peak_bytes") or nv.get("peak_delta_bytes")
        what = "device peak (NVML, this run)"
    if not measured:
        yield info("smoke.vram.unmeasured", f"{tag}The {what} could not be read", [f"NVML: {nv.get('error')}"])
        return
    target = float(row["vram_gb"]) * GB
    evidence = [f"{what} {gbs(measured)}; target {gbs(target)} ({how}); ok up to x{tol['vram_ratio']:g}",
                f"source: {row['source']}"]
    if measured <= target * tol["vram_ratio"]:
        yield ok("smoke.vram.ok", f"{tag}Peak VRAM {gbs(measured)}, {compare(measured, target, 'larger', 'smaller')} "
                 f"the {gbs(target)} target" + ("" if measured <= target else f" (within the {tol['vram_ratio']:g}x tolerance)"),
                 evidence)
        return
    # Only causes that add memory: offload, clocks or PCIe make a run slower, not larger.
    causes = [c for c in likely_causes(facts) if c.startswith(("other processes", "the system swapped"))]
    yield warn("smoke.vram.large", f"{tag}Peak VRAM {gbs(measured)}, {measured / target:.2f}x the {gbs(target)} target "
               f"(the tolerance is {tol['vram_ratio']:g}x)",
               evidence + [f"likely cause {i + 1}: {c}" for i, c in enumerate(causes)])


@check("smoke.image", area=AREA, title="The smoke image is a real picture (finite, not black, not uniform)",
       needs=[], optional=["smoke", "gpu", "system", "comfyui_tree"])
def smoke_image(facts: dict[str, Any]):
    r = _result(facts)
    if not r.get("ok"):
        return
    img = r.get("image")
    if _label(facts):
        yield skip("smoke.image.synthetic", "[synthetic] Random weights draw noise: the image is not judged")
        return
    if not img:
        yield warn("smoke.image.missing", "The smoke run returned no image to judge")
        return
    ev = [f"mean {img.get('mean')}, std {img.get('std')}, min {img.get('min')}, max {img.get('max')}"]
    path = img.get("path")
    if path:
        ev.append(f"saved: {path}")
    if not img.get("finite"):
        yield fail("smoke.image.nan", "The generated image holds NaN or infinite values", ev,
                   "Use BF16 (not FP16) and verify the model files (Model files area); NaN usually means broken "
                   "weights or an overflow")
    elif img.get("black"):
        yield fail("smoke.image.black", "The generated image is all black", ev,
                   "Verify the text encoder and transformer files (Model files area): NaN conditioning decodes to black")
    elif img.get("uniform"):
        yield fail("smoke.image.uniform", "The generated image is one flat colour", ev,
                   "Verify the model files (Model files area)")
    else:
        yield ok("smoke.image.ok", "The image looks like a picture" + (f" (saved to {path})" if path else ""), ev)


@check("smoke.headroom", area=AREA, title="VRAM left after the smoke generation, and what fits in it",
       needs=[], optional=["smoke", "gpu", "system", "comfyui_tree"])
def smoke_headroom(facts: dict[str, Any]):
    if not _passed_on_gpu(facts):
        return
    r = _result(facts)
    s = _smoke(facts)
    nv = s.get("nvml") or {}
    mem = r.get("memory") or {}
    total = nv.get("total_bytes") or (r.get("device") or {}).get("total_bytes")
    peak_dev = nv.get("peak_used_bytes")
    alloc = mem.get("max_allocated_bytes")
    if not (total and peak_dev and alloc) or (r.get("settings") or {}).get("mode") != "resident":
        return
    hr = manifests.load("targets")["headroom"]
    free = total - peak_dev - hr["margin_gb"] * GB
    weights = sum((r.get("weights_bytes") or {}).values())
    act = max(alloc - weights, 0.05 * alloc)
    fits = []
    extra = int(max(free, 0) // act)
    fits.append(f"a batch of {1 + extra} images at 1024x1024 (each extra image ~{gbs(act)})" if extra else
                "no larger batch at 1024x1024")
    need2048 = (hr["res2048_activation_factor"] - 1) * act
    fits.append(f"2048x2048 ({'fits' if need2048 <= free else 'does not fit'}: ~{gbs(need2048)} more)")
    fits.append(f"a second resident pipeline ({'fits' if weights + act <= free else 'does not fit'}: ~{gbs(weights + act)})")
    yield info("smoke.headroom", f"{_label(facts)}{gbs(max(total - peak_dev, 0))} of {gbs(total)} VRAM left at the peak: "
               + "; ".join(fits),
               [f"device peak {gbs(peak_dev)}, torch peak {gbs(alloc)}, weights {gbs(weights)}, activations ~{gbs(act)}",
                f"keeping {hr['margin_gb']:g} GB spare; {hr['source']}"])
