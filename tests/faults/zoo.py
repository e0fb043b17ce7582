"""The generator of broken (and clean) setups for the fault zoo.

A ``Setup`` is one thing a user could have on disk: a ComfyUI tree with model files, launch scripts,
workflows and logs; a Hugging Face cache; or a fact record of a machine (the GPU, driver and wheel cases
cannot be built on a CPU-only CI box, so they are fact records, derived from the real H100 recording
the way tests/data/facts/make_scenarios.py derives its scenarios). ``build`` lays it out under a
temporary folder and returns the ``klein-doctor check`` arguments a user would type for it.

Each setup carries the faults planted in it (the finding code that must come back with status fail or
warn, and a piece of the title that ties the finding to that fault when several share a code), or is
clean: then ``clean_areas`` lists the areas that must hold no warn, fail or error. Faults that do not
disturb each other share a setup, so one subprocess judges several of them.
"""

from __future__ import annotations

import json
import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
FACTS_DIR = TESTS / "data" / "facts"
EXPLAIN_DIR = TESTS / "data" / "explain"
for _p in (str(TESTS), str(FACTS_DIR)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import stfiles as st  # noqa: E402
from comfy_trees import add_extra_yaml, git_tree, portable_tree  # noqa: E402
from hf_trees import hub_cache as hub  # noqa: E402
from make_scenarios import ARCH_CU126, set_gpu, set_torch  # noqa: E402

from doctor import manifests  # noqa: E402

FAIL_OR_WARN = ("fail", "warn")
ARCH_CU128 = ["sm_75", "sm_80", "sm_86", "sm_90", "sm_100", "sm_120"]


@dataclass
class Fault:
    id: str
    code: str
    title_has: str | None = None
    statuses: tuple[str, ...] = FAIL_OR_WARN


@dataclass
class Setup:
    id: str
    kind: str  # facts | comfyui | hf
    build: Callable[[Path], list[str]]
    faults: list[Fault] = field(default_factory=list)
    clean_areas: list[str] = field(default_factory=list)
    needs_shared: bool = False


# ------------------------------------------------------------------------------------------ model files
def _identity_tensors(identity: str) -> st.Tensors:
    t = st.IDENTITIES[identity]()
    if identity == "qwen3-8b":
        t.pop("lm_head.weight")  # ComfyUI's qwen_3_8b_fp8mixed has tied embeddings only
    return t


def _fit(t: st.Tensors, size: int, max_pad: int = 50_000_000) -> st.Tensors:
    """Leave FP8 layers in BF16, as the published "mixed" files do, until the header describes nearly all of
    ``size`` bytes (the rest is header padding, which safetensors allows)."""
    t = dict(t)
    for k, (d, shape) in list(t.items()):
        room = size - 8 - st.data_bytes(t) - len(st.header_bytes(t))
        if room < max_pad:
            break
        if d.startswith("F8") and math.prod(shape) < room:
            t[k] = ("BF16", shape)
    return t


def write_model(path: Path, identity: str, size: int | None = None, **kw: Any) -> Path:
    """A sparse file with ``identity``'s real header; exactly ``size`` bytes when the manifest knows it."""
    t = _identity_tensors(identity)
    return st.write(path, _fit(t, size) if size else t, total_size=size, **kw)


def variant(vid: str) -> dict[str, Any]:
    return next(v for v in manifests.load("models")["variant"] if v["id"] == vid)


def comfy_variants() -> list[str]:
    return [v["id"] for v in manifests.load("models")["variant"] if v.get("comfyui")]


def diffusers_variants() -> list[str]:
    return [v["id"] for v in manifests.load("models")["variant"] if v.get("diffusers")]


def place_variant(models: Path, vid: str, skip_roles: tuple[str, ...] = ()) -> dict[str, Path]:
    out = {}
    for row in variant(vid)["comfyui"]["files"]:
        if row["role"] in skip_roles:
            continue
        out[row["role"]] = write_model(models / row["folder"] / row["name"], row["identity"], row.get("size"))
    return out


CLEAN_RUN_SH = "#!/bin/sh\ncd \"$(dirname \"$0\")\"\n.venv/bin/python main.py --listen 127.0.0.1 --port 8188\n"


def tree(base: Path, version: str = "0.33.0", klein: bool = True, vid: str | None = "klein-4b-fp8",
         run_sh: str = CLEAN_RUN_SH) -> Path:
    root = git_tree(base, version=version, klein=klein)
    (root / "run.sh").write_text(run_sh, encoding="utf-8")
    if vid:
        place_variant(root / "models", vid)
    return root


def comfy_args(root: Path | str, *extra: str, vid: str = "klein-4b-fp8",
               checks: tuple[str, ...] = ("models", "comfyui", "workflows", "logs")) -> list[str]:
    args = ["--path", "comfyui", "--comfyui", str(root), "--no-server", "--no-hash", "--variant", vid, *extra]
    for c in checks:
        args += ["--check", c]
    return args


# ------------------------------------------------------------------------------------------ workflows
def api_prompt(unet: str = "flux-2-klein-4b-fp8.safetensors", clip: str = "qwen_3_4b.safetensors",
               clip_type: str = "flux2", vae: str = "flux2-vae.safetensors", latent: str = "EmptyFlux2LatentImage",
               width: int = 1024, height: int = 1024, steps: int = 4, cfg: float = 1.0, output: bool = True,
               extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """An API-format (Export (API)) prompt with the node graph of the official Klein text-to-image template."""
    p: dict[str, Any] = {
        "1": {"class_type": "UNETLoader", "inputs": {"unet_name": unet, "weight_dtype": "default"}},
        "2": {"class_type": "CLIPLoader", "inputs": {"clip_name": clip, "type": clip_type, "device": "default"}},
        "3": {"class_type": "VAELoader", "inputs": {"vae_name": vae}},
        "4": {"class_type": "CLIPTextEncode", "inputs": {"text": "a red fox in snow", "clip": ["2", 0]}},
        "5": {"class_type": "ConditioningZeroOut", "inputs": {"conditioning": ["4", 0]}},
        "6": {"class_type": "CFGGuider", "inputs": {"model": ["1", 0], "positive": ["4", 0], "negative": ["5", 0], "cfg": cfg}},
        "7": {"class_type": latent, "inputs": {"width": width, "height": height, "batch_size": 1}},
        "8": {"class_type": "Flux2Scheduler", "inputs": {"steps": steps, "width": width, "height": height}},
        "9": {"class_type": "KSamplerSelect", "inputs": {"sampler_name": "euler"}},
        "10": {"class_type": "RandomNoise", "inputs": {"noise_seed": 42}},
        "11": {"class_type": "SamplerCustomAdvanced", "inputs": {"noise": ["10", 0], "guider": ["6", 0], "sampler": ["9", 0],
                                                                 "sigmas": ["8", 0], "latent_image": ["7", 0]}},
        "12": {"class_type": "VAEDecode", "inputs": {"samples": ["11", 0], "vae": ["3", 0]}},
    }
    if output:
        p["13"] = {"class_type": "SaveImage", "inputs": {"images": ["12", 0], "filename_prefix": "klein"}}
    p.update(extra or {})
    return p


WORKFLOW_MISTAKES: list[tuple[str, str, Any]] = [
    # (fault id, finding code, the workflow: a dict to save as JSON, or raw text)
    ("clip loader type flux (wrong loader type)", "workflows.clip-type", api_prompt(clip_type="flux")),
    ("clip loader type qwen_image (Z-Image route)", "workflows.clip-type", api_prompt(clip_type="qwen_image")),
    ("EmptyLatentImage instead of EmptyFlux2LatentImage", "workflows.wrong-latent", api_prompt(latent="EmptyLatentImage")),
    ("EmptySD3LatentImage", "workflows.wrong-latent", api_prompt(latent="EmptySD3LatentImage")),
    ("width 1000 (not a multiple of 16)", "workflows.latent-size", api_prompt(width=1000)),
    ("20 steps on the distilled model", "workflows.steps", api_prompt(steps=20)),
    ("0 steps", "workflows.steps", api_prompt(steps=0)),
    ("cfg 5 on the distilled model", "workflows.cfg", api_prompt(cfg=5.0)),
    ("4 steps on the base model", "workflows.steps", api_prompt(unet="flux-2-klein-base-4b-fp8.safetensors")),
    ("8B encoder with the 4B model", "workflows.pairing-te", api_prompt(clip="qwen_3_8b_fp8mixed.safetensors")),
    ("VAE file not in any vae folder", "workflows.file-missing", api_prompt(vae="ae_missing.safetensors")),
    ("no SaveImage output node", "workflows.no-output", api_prompt(output=False)),
    ("not JSON", "workflows.unreadable", '{"1": {"class_type": "UNETLoader", '),
    ("JSON but not a workflow", "workflows.unreadable", {"hello": "world"}),
]


def _save(path: Path, wf: Any) -> Path:
    path.write_text(wf if isinstance(wf, str) else json.dumps(wf), encoding="utf-8")
    return path


def build_workflow_mistakes(base: Path) -> list[str]:
    root = tree(base)
    # the base model named in one mistake must exist, so only its settings are judged
    write_model(root / "models" / "diffusion_models" / "flux-2-klein-base-4b-fp8.safetensors", "flux2-klein-4b")
    write_model(root / "models" / "text_encoders" / "qwen_3_8b_fp8mixed.safetensors", "qwen3-8b")
    wfdir = base / "workflows"
    wfdir.mkdir()
    args = []
    for i, (_, _, wf) in enumerate(WORKFLOW_MISTAKES):
        args += ["--workflow", str(_save(wfdir / f"mistake{i:02d}.json", wf))]
    return comfy_args(root, *args, checks=("models", "workflows"))


def build_workflow_flux1_vae(base: Path) -> list[str]:
    root = tree(base)
    write_model(root / "models" / "vae" / "ae.safetensors", "flux1-vae", st.SIZE_FLUX1_AE)
    wf = _save(base / "flux1-vae.json", api_prompt(vae="ae.safetensors"))
    return comfy_args(root, "--workflow", str(wf), checks=("models", "workflows"))


def build_workflow_kv_on_old(base: Path) -> list[str]:
    root = tree(base, version="0.12.0")
    wf = _save(base / "kv.json", api_prompt(extra={"20": {"class_type": "FluxKVCache", "inputs": {"model": ["1", 0]}}}))
    return comfy_args(root, "--workflow", str(wf), checks=("models", "workflows"))


def build_workflows_clean(base: Path) -> list[str]:
    root = tree(base)
    wf = _save(base / "good.json", api_prompt())
    wf2 = _save(root / "user" / "default" / "workflows" / "mine.json", api_prompt(width=768, height=1344))
    assert wf2.is_file()
    return comfy_args(root, "--workflow", str(wf), checks=("models", "workflows", "comfyui"))


def build_templates_clean(base: Path, shared: Path) -> list[str]:
    from doctor.comfyui import workflow

    root = tree(base, vid=None)
    tps = sorted((shared / "fixtures" / "templates").glob("*.json"))
    args = []
    for p in tps:
        for folder, names in workflow.referenced_files(workflow.load(p)).items():
            for n in names:
                path = root / "models" / folder / n
                if not path.exists():
                    with open(path, "wb") as fh:
                        fh.truncate(4096)
        args += ["--workflow", str(p)]
    return comfy_args(root, *args, checks=("workflows",))


# ------------------------------------------------------------------------------------------ Hugging Face cache
def hf_args(vid: str = "klein-4b", *extra: str) -> list[str]:
    return ["--path", "diffusers", "--variant", vid, "--check", "models", *extra]


# ------------------------------------------------------------------------------------------ fact records
def base_facts() -> dict[str, Any]:
    return json.loads((FACTS_DIR / "h100-cu130.json").read_text(encoding="utf-8"))


def facts_setup(sid: str, mutate: Callable[[dict[str, Any]], None], faults: list[Fault] | None = None,
                clean: bool = False) -> Setup:
    def build(base: Path) -> list[str]:
        f = base_facts()
        f["scenario"] = sid
        mutate(f)
        p = base / "facts.json"
        p.write_text(json.dumps(f), encoding="utf-8")
        args = ["--facts", str(p)]
        if clean:
            for c in ("system", "gpu", "torch", "attention"):
                args += ["--check", c]
        return args

    return Setup(sid, "facts", build, faults or [],
                 clean_areas=["System", "GPU", "PyTorch", "Attention"] if clean else [])


def _rtx5090(f: dict[str, Any], driver: str = "575.64.03", cuda_drv: str = "12.9") -> None:
    set_gpu(f, "NVIDIA GeForce RTX 5090", "12.0", 31.8)
    f["gpu"].update(driver_version=driver, cuda_driver_version=cuda_drv)


def _turing(f: dict[str, Any]) -> None:
    set_gpu(f, "NVIDIA GeForce RTX 2080 Ti", "7.5", 11.0)


def _no_gpu(f: dict[str, Any]) -> None:
    f["gpu"] = {"source": None, "driver_version": None, "cuda_driver_version": None, "devices": [], "attempts": [
        {"source": "nvml", "ok": False, "error": "NVMLError_LibraryNotFound: NVML Shared Library Not Found"}]}


def _cpu_torch(f: dict[str, Any]) -> None:
    set_torch(f, "2.11.0+cpu", None, [])
    f["torch"].update(is_available=False, device_count=0, devices=[], kernel_ok=None, cudnn=None)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def fn(f: dict[str, Any]) -> None:
        keys = path.split(".")
        d = f
        for k in keys[:-1]:
            d = d[k] if not k.isdigit() else d[int(k)]
        d[keys[-1] if not keys[-1].isdigit() else int(keys[-1])] = value
    return fn


def _all(*fns: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def fn(f: dict[str, Any]) -> None:
        for x in fns:
            x(f)
    return fn


def _pkgs(**pk: str) -> Callable[[dict[str, Any]], None]:
    return lambda f: f["python"]["packages"].update({k.replace("_", "-"): v for k, v in pk.items()})


def _env(**env: str) -> Callable[[dict[str, Any]], None]:
    return lambda f: f["system"]["env"].update(env)


def _scan_hit(pattern: str, kind: str, text: str) -> Callable[[dict[str, Any]], None]:
    def fn(f: dict[str, Any]) -> None:
        f["options"]["scan"] = ["~/klein/run.py"]
        f["scan"] = {"paths": ["~/klein/run.py"], "files_scanned": 1, "missing": [], "truncated": False,
                     "hits": [{"file": "~/klein/run.py", "line": 7, "pattern": pattern, "kind": kind, "text": text}]}
    return fn


def _torch_fields(**kw: Any) -> Callable[[dict[str, Any]], None]:
    return lambda f: f["torch"].update(kw)


def fact_setups() -> list[Setup]:
    F = Fault
    s: list[Setup] = []
    # --- GPU and driver
    s.append(facts_setup("no NVIDIA GPU", _all(_no_gpu, _cpu_torch), [F("no NVIDIA GPU", "gpu.none")]))
    s.append(facts_setup("CUDA_VISIBLE_DEVICES=-1", _env(CUDA_VISIBLE_DEVICES="-1"), [F("CUDA_VISIBLE_DEVICES hides every GPU", "gpu.hidden")]))
    s.append(facts_setup("RTX 5090 + driver 560", _all(lambda f: _rtx5090(f, "560.94", "12.6"), _torch_fields(is_available=False, kernel_ok=None)),
                         [F("RTX 50 on a pre-Blackwell driver", "gpu.driver.too-old-for-gpu")]))
    s.append(facts_setup("RTX 4090 + driver 570 + cu130 wheel", _all(
        lambda f: set_gpu(f, "NVIDIA GeForce RTX 4090", "8.9", 23.99), _set("gpu.driver_version", "570.133.07"),
        _set("gpu.cuda_driver_version", "12.8"), _torch_fields(is_available=False, kernel_ok=None)),
        [F("driver too old for the wheel (cu130 on R570)", "gpu.driver.too-old-for-wheel")]))
    s.append(facts_setup("Windows driver 516 + cu128 wheel", _all(
        lambda f: set_gpu(f, "NVIDIA GeForce RTX 3090", "8.6", 24.0), _set("system.os", "win32"),
        _set("gpu.driver_version", "516.94"), _set("gpu.cuda_driver_version", "11.7"),
        lambda f: set_torch(f, "2.8.0+cu128", "12.8", ARCH_CU128), _torch_fields(is_available=False, kernel_ok=None)),
        [F("driver too old for the wheel (cu128 on Windows R516)", "gpu.driver.too-old-for-wheel")]))
    s.append(facts_setup("driver version unreadable", _set("gpu.driver_version", None), [F("driver version unreadable", "gpu.driver.unknown")]))
    # Sequential CPU offload runs Klein 4B in ~4 GB (measured on the lent H200, BENCHMARKS.md): below that nothing fits.
    s.append(facts_setup("3 GB GPU", lambda f: set_gpu(f, "NVIDIA GeForce GTX 1060 3GB", "6.1", 3.0),
                         [F("VRAM below every Klein path", "gpu.vram.too-small")]))
    s.append(facts_setup("8 GB GPU on the ComfyUI path", _all(lambda f: set_gpu(f, "NVIDIA GeForce RTX 3070", "8.6", 8.0),
                                                              _set("options.path", "comfyui")),
                         [F("VRAM too small for the chosen path", "gpu.vram.path-too-big")]))
    s.append(facts_setup("VRAM unreadable", _set("gpu.devices.0.memory_total_bytes", None), [F("VRAM unreadable", "gpu.vram.unknown")]))
    # --- PyTorch wheel
    s.append(facts_setup("RTX 5090 on torch 2.7.1+cu126", _all(_rtx5090, lambda f: set_torch(f, "2.7.1+cu126", "12.6", ARCH_CU126),
                                                                _torch_fields(kernel_ok=False, kernel_error={"type": "RuntimeError", "message": "CUDA error: no kernel image is available for execution on the device"})),
                         [F("RTX 50 on a wheel without sm_120", "torch.arch.missing"), F("test kernel fails", "torch.kernel.failed")]))
    s.append(facts_setup("unknown wheel, no arch list", _all(lambda f: set_torch(f, "2.99.0+cu999", "99.9", []), _torch_fields(arch_flags=[])),
                         [F("arch coverage unknown", "torch.arch.unknown")]))
    s.append(facts_setup("CUDA unavailable in torch", _torch_fields(is_available=False, kernel_ok=None, device_count=0),
                         [F("torch.cuda.is_available() False", "torch.cuda-unavailable")]))
    s.append(facts_setup("CPU torch on a GPU machine", _cpu_torch, [F("CPU-only wheel on a GPU machine", "torch.cpu-build")]))
    s.append(facts_setup("ROCm torch", _all(lambda f: set_torch(f, "2.8.0+rocm6.4", None, []), _torch_fields(hip="6.4")),
                         [F("ROCm wheel on NVIDIA", "torch.rocm-build")]))
    s.append(facts_setup("torch not installed", lambda f: f.update(torch={"ran": True, "installed": False, "warnings": []}),
                         [F("torch not installed", "torch.missing")]))
    s.append(facts_setup("torch import fails", lambda f: f.update(torch={"ran": True, "installed": True, "warnings": [], "import_error": {
        "type": "OSError", "message": "libcudnn.so.9: cannot open shared object file"}}), [F("torch import error", "torch.import-error")]))
    s.append(facts_setup("torch import crashes", lambda f: f.update(torch={"ran": True, "installed": True, "crashed": True,
                                                                           "error": "exit code -11 (SIGSEGV)", "stderr_tail": "Segmentation fault"}),
                         [F("torch import crashes the interpreter", "torch.crashed")]))
    s.append(facts_setup("target python does not run", lambda f: f["python"].update(error="exec format error"),
                         [F("target Python unusable", "python.unusable")]))
    # --- System
    s.append(facts_setup("Python 3.9", _set("python.version", "3.9.18"), [F("Python too old", "system.python.too-old")]))
    s.append(facts_setup("Python version garbage", _set("python.version", "three point twelve"), [F("Python version unreadable", "system.python.unknown")]))
    s.append(facts_setup("8 GB RAM", _set("system.ram_total_bytes", 8 * 1024**3), [F("RAM below 16 GB", "system.ram.low")]))
    s.append(facts_setup("RAM unreadable", _set("system.ram_total_bytes", None), [F("RAM unreadable", "system.ram.unknown")]))
    s.append(facts_setup("2 GB free disk", _set("system.disk.free_bytes", 2 * 10**9), [F("disk nearly full", "system.disk.low")]))
    s.append(facts_setup("disk unreadable", lambda f: f["system"]["disk"].update(free_bytes=None, error="PermissionError"),
                         [F("free disk unreadable", "system.disk.unknown")]))
    # --- Attention
    fa2 = 'model = AutoModel.from_pretrained(repo, attn_implementation="flash_attention_2")'
    s.append(facts_setup("forced FA2 on a Turing card", _all(_turing, _pkgs(flash_attn="2.7.4.post1"),
                                                            _scan_hit("transformers-fa2", "flash", fa2)),
                         [F("forced FlashAttention-2 on a card without a kernel", "attention.scan.transformers-fa2"),
                          F("flash-attn installed on a pre-Ampere GPU", "attention.flash-attn.unusable")]))
    s.append(facts_setup("old flash-attn on RTX 5090", _all(_rtx5090, lambda f: set_torch(f, "2.8.0+cu128", "12.8", ARCH_CU128),
                                                           _pkgs(flash_attn="2.7.3")),
                         [F("flash-attn without sm_120 kernels", "attention.flash-attn.unusable")]))
    s.append(facts_setup("xformers 0.0.31 on RTX 5090", _all(_rtx5090, lambda f: set_torch(f, "2.8.0+cu128", "12.8", ARCH_CU128),
                                                            _pkgs(xformers="0.0.31.post1")),
                         [F("xformers FA3 on sm_120", "attention.xformers.fa3-on-sm120")]))
    s.append(facts_setup("DIFFUSERS_ATTN_BACKEND=flash without flash-attn", _env(DIFFUSERS_ATTN_BACKEND="flash"),
                         [F("env forces FlashAttention that is absent", "attention.env.broken", "flash")]))
    s.append(facts_setup("DIFFUSERS_ATTN_BACKEND=sage on Turing", _all(_turing, _pkgs(sageattention="2.2.0"),
                                                                      _env(DIFFUSERS_ATTN_BACKEND="sage")),
                         [F("env forces SageAttention on an unsupported GPU", "attention.env.broken", "sage")]))
    s.append(facts_setup("sage backend in a script without sageattention", _scan_hit(
        "diffusers-backend-sage", "sage", 'pipe.transformer.set_attention_backend("sage")'),
        [F("script forces SageAttention that is absent", "attention.scan.diffusers-backend-sage")]))
    s.append(facts_setup("--scan path missing", lambda f: f.update(scan={"paths": ["~/gone.py"], "files_scanned": 0, "hits": [],
                                                                       "missing": ["~/gone.py"], "truncated": False}),
                         [F("--scan path does not exist", "attention.scan.missing")]))
    # --- good machines
    s.append(facts_setup("clean: H100, driver 580, torch 2.11+cu130", lambda f: None, clean=True))
    s.append(facts_setup("clean: RTX 5090 on Windows portable, torch 2.8+cu128", _all(
        _rtx5090, _set("system.os", "win32"), lambda f: set_torch(f, "2.8.0+cu128", "12.8", ARCH_CU128),
        lambda f: f["python"].update(executable=r"C:\ComfyUI_windows_portable\python_embeded\python.exe", embedded=True,
                                     platform="win32")), clean=True))
    s.append(facts_setup("clean: RTX 4090, driver 570, torch 2.11+cu128", _all(
        lambda f: set_gpu(f, "NVIDIA GeForce RTX 4090", "8.9", 23.99), _set("gpu.driver_version", "570.133.07"),
        _set("gpu.cuda_driver_version", "12.8"), lambda f: set_torch(f, "2.11.0+cu128", "12.8", ARCH_CU128)), clean=True))
    s.append(facts_setup("clean: RTX 3060 12 GB on the ComfyUI path", _all(
        lambda f: set_gpu(f, "NVIDIA GeForce RTX 3060", "8.6", 12.0), _set("options.path", "comfyui")), clean=True))
    s.append(facts_setup("clean: RTX 5090 with flash-attn 2.8.3 forced by DIFFUSERS_ATTN_BACKEND", _all(
        _rtx5090, lambda f: set_torch(f, "2.8.0+cu128", "12.8", ARCH_CU128), _pkgs(flash_attn="2.8.3"),
        _env(DIFFUSERS_ATTN_BACKEND="flash")), clean=True))
    return s


# ------------------------------------------------------------------------------------------ ComfyUI trees
def _models(root: Path) -> Path:
    return root / "models"


def tree_setups() -> list[Setup]:
    F = Fault
    s: list[Setup] = []

    def add(sid: str, build: Callable[[Path], list[str]], faults: list[Fault]) -> None:
        s.append(Setup(sid, "comfyui", build, faults))

    # --- seed troubleshooting entries
    def flux1_vae(b: Path) -> list[str]:
        root = tree(b)
        write_model(_models(root) / "vae" / "flux2-vae.safetensors", "flux1-vae", st.SIZE_FLUX1_AE)
        return comfy_args(root)
    add("FLUX.1 VAE saved as flux2-vae", flux1_vae, [F("FLUX.1 VAE saved as flux2-vae.safetensors", "models.identity.vae")])

    def te8b(b: Path) -> list[str]:
        root = tree(b)
        write_model(_models(root) / "text_encoders" / "qwen_3_8b_fp8mixed.safetensors", "qwen3-8b", 8_664_848_742)
        return comfy_args(root)
    add("8B encoder beside the 4B model", te8b, [F("8B text encoder beside the 4B model", "models.identity.sibling-encoder")])

    def half(b: Path) -> list[str]:
        root = tree(b)
        write_model(_models(root) / "diffusion_models" / "flux-2-klein-4b-fp8.safetensors", "flux2-klein-4b",
                    st.SIZE_KLEIN_4B_FP8, truncate_to=1_500_000_000)
        write_model(_models(root) / "vae" / "flux1-dev-ae.safetensors", "flux1-vae", st.SIZE_FLUX1_AE, truncate_to=100_000_000)
        return comfy_args(root)
    add("half-downloaded files", half, [F("half-downloaded model file", "models.integrity.broken", "flux-2-klein-4b-fp8"),
                                        F("another damaged file in a loader folder", "models.integrity.other-broken", "flux1-dev-ae")])

    def old(b: Path) -> list[str]:
        return comfy_args(tree(b, version="0.8.2", klein=False))
    add("ComfyUI 0.8.2", old, [F("ComfyUI too old for Klein", "comfyui.version.too-old")])

    def no_nodes(b: Path) -> list[str]:
        return comfy_args(tree(b, version="0.33.0", klein=False))
    add("ComfyUI without the Klein nodes", no_nodes, [F("Klein nodes missing from the source", "comfyui.version.nodes-missing")])

    # --- identity and companions
    def pair(b: Path) -> list[str]:
        root = tree(b, vid=None)
        m = _models(root)
        write_model(m / "diffusion_models" / "flux-2-klein-9b-fp8.safetensors", "flux2-klein-9b", st.SIZE_KLEIN_9B_FP8)
        write_model(m / "text_encoders" / "qwen_3_8b_fp8mixed.safetensors", "qwen3-4b")
        write_model(m / "vae" / "flux2-vae.safetensors", "flux2-vae", st.SIZE_FLUX2_VAE)
        return comfy_args(root, vid="klein-9b-fp8")
    add("9B model with a 4B encoder under the 8B name", pair,
        [F("4B encoder with the 9B model", "models.identity.pair"), F("encoder header is not Qwen3-8B", "models.identity.text_encoder")])

    def size(b: Path) -> list[str]:
        root = tree(b)
        write_model(_models(root) / "vae" / "flux2-vae.safetensors", "flux2-vae", st.SIZE_FLUX2_VAE + 4096)
        return comfy_args(root)
    add("re-saved VAE (size differs)", size, [F("right header, wrong size", "models.integrity.size")])

    def misplaced(b: Path) -> list[str]:
        root = tree(b)
        m = _models(root)
        os.replace(m / "vae" / "flux2-vae.safetensors", m / "checkpoints" / "flux2-vae.safetensors")
        os.replace(m / "text_encoders" / "qwen_3_4b.safetensors", m / "checkpoints" / "qwen_3_4b.safetensors")
        return comfy_args(root)
    add("VAE and encoder in checkpoints/", misplaced, [F("VAE where VAELoader does not look", "models.misplaced.vae"),
                                                       F("encoder where CLIPLoader does not look", "models.misplaced.text_encoder")])

    def diffusers_variant_on_comfyui(b: Path) -> list[str]:
        # an id the manifest does not know is a usage error before anything runs (tests/test_models.py); a
        # diffusers variant asked of a ComfyUI install is known, and the models check says it cannot judge with it
        return comfy_args(tree(b), vid="klein-4b")
    add("--variant klein-4b (a diffusers variant) on ComfyUI", diffusers_variant_on_comfyui,
        [F("a diffusers variant for ComfyUI files", "models.variant.unknown", title_has="is a diffusers variant")])

    # --- each manifest row: every ComfyUI variant with an empty models folder
    for vid in comfy_variants():
        rows = variant(vid)["comfyui"]["files"]

        def empty(b: Path, vid: str = vid) -> list[str]:
            return comfy_args(tree(b, vid=None), vid=vid)
        add(f"{vid}: no files", empty, [F(f"{vid}: {r['name']} missing", f"models.missing.{r['role']}", r["name"]) for r in rows])

    # --- each header identity that is not what the loader's file name promises, grouped one per role
    sigs = {x["id"]: x for x in manifests.load("signatures")["signature"]}
    row_of = {r["role"]: r for r in variant("klein-4b-fp8")["comfyui"]["files"]}
    accepted = {r["role"]: {r["identity"], *(a["identity"] for a in r.get("alternates", []))} for r in row_of.values()}
    by_role: dict[str, list[str]] = {}
    for ident in st.IDENTITIES:
        role = sigs[ident]["role"]
        if ident not in accepted[role]:
            by_role.setdefault(role, []).append(ident)
    for i in range(max(len(v) for v in by_role.values())):
        group = {role: ids[i] for role, ids in by_role.items() if i < len(ids)}

        def impostors(b: Path, group: dict[str, str] = group) -> list[str]:
            root = tree(b)
            for role, ident in group.items():
                r = row_of[role]
                write_model(_models(root) / r["folder"] / r["name"], ident)
            return comfy_args(root)
        add("impostors: " + ", ".join(group.values()), impostors,
            [F(f"{ident} header under {row_of[role]['name']}", f"models.identity.{role}", row_of[role]["name"])
             for role, ident in group.items()])

    # --- launch flags: every flag row with a warn/fail verdict (attention ones judged with this machine's facts:
    # the test interpreter is the one diagnosed, since the tree's fake .venv python cannot be inspected and an
    # uninspectable Python is "not judged", never "flash-attn is not installed")
    flag_rows = [r for r in manifests.load("comfyui")["flag"] if r["verdict"] in ("fail", "warn", "attention")]

    def flags(b: Path) -> list[str]:
        line = ".venv/bin/python main.py " + " ".join(r["flag"] for r in flag_rows)
        root = tree(b, run_sh=f"#!/bin/sh\n{line}\n")
        return comfy_args(root, "--python", sys.executable, checks=("comfyui", "attention.flash-attn"))
    add("launch script with every harmful flag", flags,
        [F(f"launch flag {r['flag']}", f"comfyui.launch.{r['flag'].lstrip('-')}") for r in flag_rows])

    def custom_node(b: Path) -> list[str]:
        root = tree(b)
        node = root / "custom_nodes" / "ComfyUI-FastText" / "__init__.py"
        node.parent.mkdir(parents=True)
        node.write_text('from transformers import AutoModel\n'
                        'm = AutoModel.from_pretrained(p, attn_implementation="flash_attention_2")\n', encoding="utf-8")
        return comfy_args(root, "--python", sys.executable, checks=("comfyui", "attention.flash-attn"))
    add("custom node forcing FlashAttention-2", custom_node,
        [F("custom node forces FlashAttention-2 that cannot run", "comfyui.custom-node.transformers-fa2")])

    def no_python(b: Path) -> list[str]:
        root = tree(b)
        (root / ".venv" / "bin" / "python").unlink()
        return comfy_args(root)
    add("ComfyUI venv without python", no_python, [F("ComfyUI's interpreter missing", "comfyui.python.not-found")])

    def not_comfy(b: Path) -> list[str]:
        (b / "NotComfy").mkdir()
        return comfy_args(b / "NotComfy")
    add("--comfyui on a folder that is not ComfyUI", not_comfy, [F("--comfyui is not a ComfyUI folder", "comfyui.install.not-comfyui")])

    def none_found(b: Path) -> list[str]:
        return ["--path", "comfyui", "--no-server", "--check", "comfyui.install", "--check", "models.found"]
    add("no ComfyUI anywhere", none_found, [F("no ComfyUI install found", "comfyui.install.not-found"),
                                            F("no model files anywhere", "models.none-found")])

    # --- extra_model_paths.yaml
    def bad_yaml(b: Path) -> list[str]:
        root = tree(b)
        add_extra_yaml(root, b / "shared", "comfyui:\n  base_path: /x\n   vae: [unclosed\n")
        return comfy_args(root)
    add("extra_model_paths.yaml is not YAML", bad_yaml, [F("broken extra_model_paths.yaml", "comfyui.model-paths.bad-yaml")])

    def bad_entries(b: Path) -> list[str]:
        root = tree(b)
        add_extra_yaml(root, b / "shared", f"mine:\n  base_path: {b / 'nowhere'}\n  vae: [a, b]\n"
                                           f"other:\n  base_path: {b}\n  diffusion_models: not/there\n")
        return comfy_args(root)
    add("extra_model_paths.yaml with bad entries", bad_entries,
        [F("base_path does not exist", "comfyui.model-paths.no-base"), F("folder value is a list", "comfyui.model-paths.bad-entry"),
         F("an added folder does not exist", "comfyui.model-paths.missing-folder")])

    def config_missing(b: Path) -> list[str]:
        root = tree(b, run_sh="#!/bin/sh\n.venv/bin/python main.py --extra-model-paths-config /nonexistent/extra.yaml\n")
        return comfy_args(root)
    add("--extra-model-paths-config to a missing file", config_missing,
        [F("launch names a missing model-paths config", "comfyui.model-paths.config-missing")])

    # --- workflows
    s.append(Setup("workflow mistakes (one file each)", "comfyui", build_workflow_mistakes,
                   [F(label, code, f"mistake{i:02d}.json") for i, (label, code, _) in enumerate(WORKFLOW_MISTAKES)]))
    s.append(Setup("workflow loading a FLUX.1 VAE", "comfyui", build_workflow_flux1_vae,
                   [F("workflow VAE is FLUX.1 by its header", "workflows.pairing-vae")]))
    s.append(Setup("FluxKVCache on ComfyUI 0.12", "comfyui", build_workflow_kv_on_old,
                   [F("node newer than the install", "workflows.node-too-new")]))

    # --- logs: every known error signature in a ComfyUI log (8 logs per tree, the probe's limit)
    sev = {e["id"]: e.get("severity", "fail") for e in manifests.load("errors")["signature"]}
    samples = [p for p in sorted(EXPLAIN_DIR.glob("*.txt")) if sev.get(p.stem) in ("fail", "warn")]
    for i in range(0, len(samples), 8):
        chunk = samples[i:i + 8]

        def logs(b: Path, chunk: list[Path] = chunk) -> list[str]:
            root = tree(b)
            for j, p in enumerate(chunk):
                (root / "user" / f"comfyui_{j}.log").write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
            return comfy_args(root, checks=("logs",))
        add(f"ComfyUI logs {i // 8 + 1}", logs, [F(f"log: {p.stem}", f"logs.comfyui.{p.stem}") for p in chunk])
    return s


def clean_tree_setups() -> list[Setup]:
    s: list[Setup] = []
    areas = ["Model files", "ComfyUI", "Workflows", "Logs"]
    for vid in comfy_variants():
        def build(b: Path, vid: str = vid) -> list[str]:
            return comfy_args(tree(b, vid=vid), vid=vid)
        s.append(Setup(f"clean: {vid} in a git tree", "comfyui", build, clean_areas=areas))

    def portable(b: Path) -> list[str]:
        c = portable_tree(b)
        place_variant(c / "ComfyUI" / "models", "klein-4b-fp8")
        return comfy_args(c)
    s.append(Setup("clean: klein-4b-fp8 in the portable layout", "comfyui", portable, clean_areas=areas))

    def extra(b: Path) -> list[str]:
        root = tree(b, vid=None)
        add_extra_yaml(root, b / "shared")
        place_variant(b / "shared" / "models", "klein-4b-fp8")
        (b / "other" / "unet").mkdir(parents=True)
        return comfy_args(root)
    s.append(Setup("clean: files in a folder extra_model_paths.yaml adds", "comfyui", extra, clean_areas=areas))

    def small_decoder(b: Path) -> list[str]:
        root = tree(b)
        os.remove(_models(root) / "vae" / "flux2-vae.safetensors")
        write_model(_models(root) / "vae" / "full_encoder_small_decoder.safetensors", "flux2-small-decoder")
        return comfy_args(root)
    s.append(Setup("clean: klein-4b-fp8 with the small-decoder VAE", "comfyui", small_decoder, clean_areas=areas))
    s.append(Setup("clean: Klein API workflows", "comfyui", build_workflows_clean, clean_areas=areas))
    s.append(Setup("clean: clean log", "comfyui", lambda b: _clean_log(b), clean_areas=areas))
    s.append(Setup("clean: the 7 official Klein templates (UI format)", "comfyui",
                   lambda b: build_templates_clean(b, shared_dir()), clean_areas=["Workflows"], needs_shared=True))
    return s


def _clean_log(b: Path) -> list[str]:
    root = tree(b)
    (root / "user" / "comfyui.log").write_text(
        "Total VRAM 81079 MB, total RAM 128000 MB\npytorch version: 2.11.0+cu130\nSet vram state to: NORMAL_VRAM\n"
        "Device: cuda:0 NVIDIA H100 80GB HBM3 : cudaMallocAsync\nUsing pytorch attention\nStarting server\n"
        "To see the GUI go to: http://127.0.0.1:8188\nPrompt executed in 3.21 seconds\n", encoding="utf-8")
    return comfy_args(root, checks=("logs", "models"))


def hf_setups() -> list[Setup]:
    F = Fault
    repo = "black-forest-labs/FLUX.2-klein-4B"
    s = [
        Setup("HF cache: corrupt blob", "hf", lambda b: (hub(b, repo, corrupt=True), hf_args())[1],
              [F("blob does not hash to its name", "models.diffusers.corrupt")]),
        Setup("HF cache: transformer missing, wrong pipeline", "hf",
              lambda b: (hub(b, repo, drop="transformer", cls="Flux2Pipeline"), hf_args("klein-4b", "--no-hash"))[1],
              [F("snapshot missing a component / not Klein", "models.diffusers.incomplete")]),
        # A download killed mid-transformer: the transformer never reached the snapshot and its blob is a
        # `.incomplete` orphan (check reports the orphan, install removes it; the snapshot is still incomplete).
        Setup("HF cache: interrupted download (.incomplete)", "hf",
              lambda b: (hub(b, repo, incomplete=True, drop="transformer"), hf_args("klein-4b", "--no-hash"))[1],
              [F("half-downloaded snapshot", "models.diffusers.incomplete")]),
        Setup("HF cache: refs without a snapshot", "hf", lambda b: (hub(b, repo, no_snapshot=True), hf_args())[1],
              [F("download never finished a snapshot", "models.diffusers.no-snapshot")]),
        Setup("HF cache: empty", "hf", lambda b: ((b / "hub").mkdir(), hf_args())[1],
              [F("no Klein snapshot", "models.diffusers.missing")]),
    ]
    for vid in diffusers_variants():
        r = variant(vid)["diffusers"]["repo"]
        s.append(Setup(f"clean: diffusers {vid}", "hf", lambda b, r=r, vid=vid: (hub(b, r), hf_args(vid))[1],
                       clean_areas=["Model files"]))
    return s


def all_setups() -> list[Setup]:
    return fact_setups() + tree_setups() + clean_tree_setups() + hf_setups()


def shared_dir() -> Path:
    """../shared beside the checkout (CI lays it there), as tests/conftest.py finds it."""
    return Path(os.environ.get("KLEIN_SHARED", TESTS.parent.parent / "shared"))


def child_env(base: Path) -> dict[str, str]:
    """What a fresh user account would have: its own home, caches and no ComfyUI/HF hints from this machine."""
    home = base / "home"
    home.mkdir(exist_ok=True)
    return {"HOME": str(home), "USERPROFILE": str(home), "KLEIN_DOCTOR_CACHE_DIR": str(base / "kd-cache"),
            "HF_HUB_CACHE": str(base / "hub"), "HF_HOME": str(base / "hf"), "COMFYUI_PATH": "",
            "XDG_CONFIG_HOME": str(home / ".config")}
