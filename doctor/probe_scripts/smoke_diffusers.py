"""The diffusers smoke generation, run in the TARGET interpreter (where torch and diffusers live).

Usage: python smoke_diffusers.py '<json config>'  (or @file.json)

It loads Flux2KleinPipeline from local files (never the network: HF_HUB_OFFLINE is forced) or, with
"synthetic", builds the real Klein 4B architecture with random weights, then times one warm-up and N
generations with CUDA synchronisation. Everything that can go wrong -- a missing package, CUDA out of
memory, a crash -- is reported as data after the marker line, because the doctor turns it into a
finding; a traceback on the user's terminal would be the one thing it must never show.

Kept self-contained (standard library + torch/diffusers/transformers) so it runs in any interpreter the
user points the doctor at.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
import traceback

MARKER = "@@KLEIN_DOCTOR_JSON@@"
DEFAULT_PROMPT = "A hedgehog wearing a tiny party hat surrounded by confetti, early digital camera style"
# Above this many bytes of weights a CPU run would take hours: refuse instead of pretending.
CPU_LIMIT_BYTES = 300 * 1024 * 1024
TEXT_LAYERS = (9, 18, 27)

# models.md section 5: the Klein 4B architecture (random weights for --synthetic).
KLEIN_4B = {
    "transformer": dict(patch_size=1, in_channels=128, num_layers=5, num_single_layers=20, attention_head_dim=128,
                        num_attention_heads=24, joint_attention_dim=7680, timestep_guidance_channels=256,
                        mlp_ratio=3.0, axes_dims_rope=[32, 32, 32, 32], rope_theta=2000, eps=1e-6,
                        guidance_embeds=False),
    "vae": {},
    "text_encoder": dict(vocab_size=151936, hidden_size=2560, intermediate_size=9728, num_hidden_layers=36,
                         num_attention_heads=32, num_key_value_heads=8, head_dim=128, rope_theta=1000000.0,
                         rms_norm_eps=1e-6, tie_word_embeddings=True, max_position_embeddings=40960),
    "max_sequence_length": 512,
}


def emit(report: dict) -> None:
    sys.stdout.write("\n" + MARKER + "\n" + json.dumps(report, default=str) + "\n")
    sys.stdout.flush()


def load_config(arg: str) -> dict:
    if arg.startswith("@"):
        with open(arg[1:], encoding="utf-8") as fh:
            return json.load(fh)
    return json.loads(arg)


def versions() -> dict:
    out = {"python": platform.python_version()}
    for mod in ("torch", "diffusers", "transformers", "accelerate"):
        try:
            m = __import__(mod)
            out[mod] = getattr(m, "__version__", "unknown")
        except Exception:  # noqa: BLE001 - absence is data
            out[mod] = None
    return out


def is_oom(exc: BaseException) -> bool:
    name = type(exc).__name__
    text = str(exc)
    return name == "OutOfMemoryError" or "out of memory" in text.lower() or "not enough memory" in text.lower()


def weight_bytes(model_dir: str) -> int:
    total = 0
    for root, _dirs, files in os.walk(model_dir):
        for f in files:
            if f.endswith((".safetensors", ".bin")):
                try:
                    total += os.path.getsize(os.path.join(root, f))
                except OSError:
                    pass
    return total


class StageTimer:
    """CUDA events (or wall clock on CPU) around the text encoder, every transformer call and the VAE
    decode, recorded by hooks so that the pipeline call itself stays exactly what a user runs."""

    def __init__(self, torch, cuda: bool):
        self.torch = torch
        self.cuda = cuda
        self.reset()

    def reset(self) -> None:
        self.marks = {"text_encoder": [], "denoise": [], "vae_decode": []}
        self._open = {}

    def _now(self):
        if self.cuda:
            ev = self.torch.cuda.Event(enable_timing=True)
            ev.record()
            return ev
        return time.perf_counter()

    def start(self, stage: str) -> None:
        self._open[stage] = self._now()

    def stop(self, stage: str) -> None:
        if stage in self._open:
            self.marks[stage].append((self._open.pop(stage), self._now()))

    def totals_ms(self) -> dict:
        out = {}
        for stage, pairs in self.marks.items():
            ms = []
            for a, b in pairs:
                ms.append(a.elapsed_time(b) if self.cuda else (b - a) * 1000.0)
            out[stage] = {"ms": round(sum(ms), 3), "calls": len(ms)}
        return out

    def attach(self, pipe) -> None:
        for stage, module in (("text_encoder", pipe.text_encoder), ("denoise", pipe.transformer)):
            if module is None:
                continue
            module.register_forward_pre_hook(lambda _m, _a, s=stage: self.start(s))
            module.register_forward_hook(lambda _m, _a, _o, s=stage: self.stop(s))
        vae = pipe.vae
        decode = vae.decode

        def timed_decode(*args, **kwargs):
            self.start("vae_decode")
            try:
                return decode(*args, **kwargs)
            finally:
                self.stop("vae_decode")

        vae.decode = timed_decode


def build_synthetic(torch, cfg: dict, dtype, device):
    from diffusers import AutoencoderKLFlux2, FlowMatchEulerDiscreteScheduler, Flux2KleinPipeline, Flux2Transformer2DModel
    from transformers import Qwen3Config, Qwen3ForCausalLM

    arch = cfg.get("synthetic_config") or KLEIN_4B
    torch.manual_seed(0)
    # Built directly on the device that will hold it (resident) and in the target dtype: initialising 8
    # billion random weights on the CPU takes minutes, on the GPU seconds.
    prev = torch.get_default_dtype()
    torch.set_default_dtype(dtype)
    try:
        with device:
            transformer = Flux2Transformer2DModel(**arch["transformer"])
            vae = AutoencoderKLFlux2(**arch.get("vae", {}))
            text_encoder = Qwen3ForCausalLM(Qwen3Config(**arch["text_encoder"]))
    finally:
        torch.set_default_dtype(prev)
    # Random weights of normal scale explode through 25 blocks; small ones keep activations finite.
    for module in (transformer, text_encoder):
        with torch.no_grad():
            for p in module.parameters():
                if p.dim() >= 2:
                    p.normal_(0.0, 0.02)
    scheduler = FlowMatchEulerDiscreteScheduler(shift=3.0, use_dynamic_shifting=True, base_shift=0.5, max_shift=1.15,
                                                base_image_seq_len=256, max_image_seq_len=4096)
    pipe = Flux2KleinPipeline(scheduler=scheduler, vae=vae.to(dtype), text_encoder=text_encoder.to(dtype), tokenizer=None,
                              transformer=transformer.to(dtype), is_distilled=True)
    return pipe, int(arch.get("max_sequence_length", 512))


def synthetic_ids(torch, pipe, seq_len: int, device):
    """Fixed token ids and mask, made once on the device (a synthetic run has no tokenizer)."""
    vocab = pipe.text_encoder.config.vocab_size
    g = torch.Generator(device="cpu").manual_seed(1234)
    ids = torch.randint(0, vocab, (1, seq_len), generator=g).to(device)
    return ids, torch.ones_like(ids)


def synthetic_embeds(torch, pipe, ids, mask):
    """What the pipeline's own text path does (Qwen3 forward, layers 9/18/27 stacked)."""
    te = pipe.text_encoder
    out = te(input_ids=ids, attention_mask=mask, output_hidden_states=True, use_cache=False)
    layers = [k for k in TEXT_LAYERS if k < len(out.hidden_states)] or [len(out.hidden_states) - 1]
    while len(layers) < 3:
        layers.append(layers[-1])
    h = torch.stack([out.hidden_states[k] for k in layers], dim=1).to(pipe.transformer.dtype)
    b, c, s, d = h.shape
    return h.permute(0, 2, 1, 3).reshape(b, s, c * d)


def cpu_allowed(cfg: dict) -> bool:
    """A CPU run is only allowed for the tiny test models: a real Klein 4B on the CPU takes hours."""
    if cfg.get("synthetic"):
        return bool(cfg.get("synthetic_config"))
    size = weight_bytes(cfg["model_dir"]) if cfg.get("model_dir") else None
    return size is not None and size <= CPU_LIMIT_BYTES


def no_cuda_message(torch) -> str:
    cuda_build = getattr(getattr(torch, "version", None), "cuda", None)
    why = "a CPU-only build" if not cuda_build else f"built for CUDA {cuda_build}, but no GPU is visible to it"
    return (f"torch sees no usable CUDA GPU (torch {getattr(torch, '__version__', '?')}: {why}); "
            "a Klein 4B generation on the CPU would take hours")


def image_stats(np, arr) -> dict:
    a = arr.astype("float64")
    finite = bool(np.isfinite(a).all())
    safe = np.nan_to_num(a)
    mean = float(safe.mean())
    std = float(safe.std())
    return {"finite": finite, "mean": round(mean, 4), "std": round(std, 4), "min": float(safe.min()),
            "max": float(safe.max()), "black": bool(finite and safe.max() <= 0.02),
            "uniform": bool(std < 1e-3), "shape": list(arr.shape)}


def run(cfg: dict) -> dict:
    report: dict = {"ok": False, "synthetic": bool(cfg.get("synthetic")), "versions": {}, "stage": "import",
                    "pid": os.getpid()}
    try:
        import torch  # noqa: F401
    except Exception as exc:  # noqa: BLE001
        report["error"] = {"kind": "missing_package", "package": "torch", "message": f"{type(exc).__name__}: {exc}"}
        return report
    # No usable CUDA GPU is the first thing to say: a missing numpy or diffusers would otherwise hide it.
    try:
        cuda_ok = bool(torch.cuda.is_available())
    except Exception:  # noqa: BLE001 - a broken CUDA runtime is "no usable GPU" too
        cuda_ok = False
    if not cuda_ok and not cpu_allowed(cfg):
        report["versions"] = {"python": platform.python_version(), "torch": getattr(torch, "__version__", None)}
        report["error"] = {"kind": "no_cuda", "message": no_cuda_message(torch)}
        return report
    report["versions"] = versions()
    try:
        import numpy as np
        import diffusers
    except Exception as exc:  # noqa: BLE001
        pkg = getattr(exc, "name", None) or "diffusers"
        report["error"] = {"kind": "missing_package", "package": pkg, "message": f"{type(exc).__name__}: {exc}"}
        return report
    if not hasattr(diffusers, "Flux2KleinPipeline"):
        report["error"] = {"kind": "missing_package", "package": "diffusers",
                           "message": f"diffusers {diffusers.__version__} has no Flux2KleinPipeline (needs >= 0.37.0)"}
        return report
    try:
        import transformers  # noqa: F401
        from transformers import Qwen3ForCausalLM  # noqa: F401
    except Exception as exc:  # noqa: BLE001
        report["error"] = {"kind": "missing_package", "package": "transformers", "message": f"{type(exc).__name__}: {exc}"}
        return report
    return generate(cfg, report, torch, np)


def generate(cfg: dict, report: dict, torch, np) -> dict:
    from diffusers import Flux2KleinPipeline

    dtype = {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}[cfg.get("dtype", "bf16")]
    width = int(cfg.get("width", 1024))
    height = int(cfg.get("height", 1024))
    steps = int(cfg.get("steps", 4))
    guidance = float(cfg.get("guidance", 1.0))
    seed = int(cfg.get("seed", 42))
    runs = max(1, int(cfg.get("runs", 3)))
    prompt = cfg.get("prompt") or DEFAULT_PROMPT
    mode = cfg.get("mode", "resident")
    synthetic = bool(cfg.get("synthetic"))
    report["settings"] = {"width": width, "height": height, "steps": steps, "guidance": guidance, "seed": seed,
                          "runs": runs, "prompt": None if synthetic else prompt, "dtype": cfg.get("dtype", "bf16"),
                          "mode": mode}
    cuda = torch.cuda.is_available()
    if cuda:
        idx = int(cfg.get("gpu") or 0)
        torch.cuda.set_device(idx)
        props = torch.cuda.get_device_properties(idx)
        report["device"] = {"type": "cuda", "index": idx, "name": props.name, "total_bytes": int(props.total_memory)}
        device = torch.device("cuda", idx)
        limit = cfg.get("vram_limit_gb")

        def apply_limit():
            # "Would this fit a smaller card?": torch's allocator refuses beyond the fraction, a real OOM.
            frac = min(1.0, float(limit) * 1e9 / props.total_memory)
            torch.cuda.set_per_process_memory_fraction(frac, idx)
            report["device"]["vram_limit_bytes"] = int(frac * props.total_memory)

        # Random weights for an offloaded run are made on the GPU (seconds) and moved to the CPU, where a
        # user's loaded weights live, before the limit applies; everything else is limited from the start.
        late_limit = bool(limit) and synthetic and mode in ("offload", "sequential")
        if limit and not late_limit:
            apply_limit()
    else:
        if not cpu_allowed(cfg):
            report["error"] = {"kind": "no_cuda", "message": no_cuda_message(torch)}
            return report
        report["device"] = {"type": "cpu", "name": platform.processor() or platform.machine(), "total_bytes": None}
        device = torch.device("cpu")
        mode = "resident"
        report["settings"]["mode"] = mode

    os.environ["HF_HUB_OFFLINE"] = "1"
    report["stage"] = "load"
    t0 = time.perf_counter()
    try:
        if synthetic:
            try:
                pipe, seq_len = build_synthetic(torch, cfg, dtype, device)
            except Exception as exc:  # noqa: BLE001 - too big for this card: build on the CPU (slow) and offload
                if not (cuda and mode in ("offload", "sequential") and is_oom(exc)):
                    raise
                torch.cuda.empty_cache()
                report.setdefault("notes", []).append("random weights did not fit the GPU; built on the CPU")
                pipe, seq_len = build_synthetic(torch, cfg, dtype, torch.device("cpu"))
        else:
            seq_len = 512
            pipe = Flux2KleinPipeline.from_pretrained(cfg["model_dir"], torch_dtype=dtype, local_files_only=True)
        if cuda and synthetic and mode in ("offload", "sequential"):
            pipe.to("cpu")
            torch.cuda.synchronize()
            torch.cuda.empty_cache()
            torch.cuda.reset_peak_memory_stats()
            if late_limit:
                apply_limit()
        if mode == "offload" and cuda:
            pipe.enable_model_cpu_offload(gpu_id=device.index)
        elif mode == "sequential" and cuda:
            pipe.enable_sequential_cpu_offload(gpu_id=device.index)
        else:
            pipe.to(device)
        if cuda:
            torch.cuda.synchronize()
    except Exception as exc:  # noqa: BLE001
        return fail(report, exc, torch, cuda)
    report["load_s"] = round(time.perf_counter() - t0, 3)
    report["weights_bytes"] = {name: int(sum(p.numel() * p.element_size() for p in m.parameters()))
                               for name, m in (("transformer", pipe.transformer), ("text_encoder", pipe.text_encoder),
                                               ("vae", pipe.vae)) if m is not None}
    pipe.set_progress_bar_config(disable=True)
    report["is_distilled"] = bool(getattr(pipe.config, "is_distilled", True))
    timer = StageTimer(torch, cuda)
    # Measured on the lent H200 (BENCHMARKS.md): stage hooks cost nothing measurable; running outside
    # inference mode does (the text encoder is launch-bound there). Both stay switchable for the bench.
    if cfg.get("stage_hooks", True):
        timer.attach(pipe)
    grad_off = torch.inference_mode if cfg.get("inference_mode", True) else torch.no_grad
    ids = mask = None
    if synthetic:
        ids, mask = synthetic_ids(torch, pipe, seq_len, device)

    def one(seed_value: int):
        gen = torch.Generator(device="cpu").manual_seed(seed_value)
        kwargs = dict(height=height, width=width, num_inference_steps=steps, guidance_scale=guidance, generator=gen,
                      output_type="np")
        with grad_off():
            if synthetic:
                kwargs["prompt_embeds"] = synthetic_embeds(torch, pipe, ids, mask)
            else:
                kwargs["prompt"] = prompt
            return pipe(**kwargs).images

    times, stages, image = [], [], None
    try:
        report["stage"] = "warmup"
        timer.reset()
        w0 = time.perf_counter()
        one(seed)
        if cuda:
            torch.cuda.synchronize()
        report["warmup_s"] = round(time.perf_counter() - w0, 3)
        report["stage"] = "timed"
        for _ in range(runs):
            timer.reset()
            if cuda:
                torch.cuda.synchronize()
                start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
                start.record()
            else:
                c0 = time.perf_counter()
            image = one(seed)
            if cuda:
                end.record()
                torch.cuda.synchronize()
                times.append(start.elapsed_time(end) / 1000.0)
            else:
                times.append(time.perf_counter() - c0)
            stages.append(timer.totals_ms())
    except Exception as exc:  # noqa: BLE001
        return fail(report, exc, torch, cuda)
    report["stage"] = "done"
    report["times_s"] = [round(t, 4) for t in times]
    report["median_s"] = round(statistics.median(times), 4)
    report["stages_ms"] = {k: round(statistics.median(s[k]["ms"] for s in stages), 2) for k in stages[0]}
    report["stage_calls"] = {k: stages[0][k]["calls"] for k in stages[0]}
    if report["stage_calls"].get("denoise"):
        report["per_step_ms"] = round(report["stages_ms"]["denoise"] / report["stage_calls"]["denoise"], 2)
    report["memory"] = memory(torch, cuda)
    arr = image[0] if image is not None else None
    if arr is not None:
        report["image"] = image_stats(np, arr)
        out = cfg.get("out")
        if out:
            report["image"]["path"] = save_png(np, arr, out)
    report["ok"] = True
    return report


def save_png(np, arr, out: str) -> str | None:
    from PIL import Image

    try:
        img = (np.clip(np.nan_to_num(arr), 0.0, 1.0) * 255).round().astype("uint8")
        parent = os.path.dirname(os.path.abspath(out))
        os.makedirs(parent, exist_ok=True)
        Image.fromarray(img).save(out)
        return os.path.abspath(out)
    except Exception as exc:  # noqa: BLE001 - an unwritable path is data
        return f"not saved: {type(exc).__name__}: {exc}"


def memory(torch, cuda: bool) -> dict:
    if not cuda:
        return {"max_allocated_bytes": None, "max_reserved_bytes": None}
    return {"max_allocated_bytes": int(torch.cuda.max_memory_allocated()),
            "max_reserved_bytes": int(torch.cuda.max_memory_reserved())}


def fail(report: dict, exc: BaseException, torch, cuda: bool) -> dict:
    kind = "oom" if is_oom(exc) else ("model_files" if report.get("stage") == "load" and isinstance(exc, (OSError, ValueError, EnvironmentError)) else "crash")
    if isinstance(exc, ImportError):
        kind = "missing_package"
    report["error"] = {"kind": kind, "message": f"{type(exc).__name__}: {str(exc)[:1500]}",
                       "package": getattr(exc, "name", None) if isinstance(exc, ImportError) else None,
                       "traceback_tail": traceback.format_exc()[-3000:]}
    try:
        report["memory"] = memory(torch, cuda)
    except Exception:  # noqa: BLE001
        pass
    return report


def main(argv: list) -> int:
    try:
        cfg = load_config(argv[1]) if len(argv) > 1 else {}
    except (OSError, ValueError) as exc:
        emit({"ok": False, "error": {"kind": "usage", "message": f"bad config: {exc}"}})
        return 0
    try:
        report = run(cfg)
    except BaseException as exc:  # noqa: BLE001 - the last line of defence: still data
        report = {"ok": False, "error": {"kind": "crash", "message": f"{type(exc).__name__}: {exc}",
                                         "traceback_tail": traceback.format_exc()[-3000:]}}
    emit(report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
