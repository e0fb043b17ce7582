"""GPU area: is there an NVIDIA GPU, is the driver new enough, is there VRAM for a Klein path."""

from __future__ import annotations

from typing import Any

from .. import manifests
from ..findings import fail, info, ok, warn
from ..platform_rules import (arch_driver_floor, choose_wheel, container_row, device_cc, driver_at_least, driver_floor,
                              driver_tuple, driver_update_text, driver_update_words, has_fp8, linux_driver_install,
                              pip_argvs, release_of, sm_name, torch_install_args)
from ..registry import check
from ..shells import Run, SetEnv, make_fix

from ._common import describe_gpu, gb, gib, no_gpu_found, selected_gpu, torch_facts


@check("gpu.present", area="GPU", title="An NVIDIA GPU is visible", needs=["gpu", "system"], optional=["comfyui_tree"])
def gpu_present(facts: dict[str, Any]):
    g = facts["gpu"]
    system = facts["system"]
    devices = g.get("devices") or []
    if no_gpu_found(facts):
        evidence = [f"{a.get('source')}: {a.get('error', 'no device')}" for a in g.get("attempts", []) if not a.get("ok")]
        if g.get("driver_version"):
            evidence.append(f"driver {g['driver_version']} is loaded but lists no GPU")
        box = container_row(system)
        if box:
            start = box.get("wsl_start") if system.get("wsl") and box.get("wsl_start") else box["start"]
            fix = make_fix(facts, f"This runs in {box['name']}: it sees a GPU only if the host's driver works and the "
                           f"GPU is passed in (no driver inside helps); {start}")
        elif system.get("wsl"):
            fix = make_fix(facts, "In WSL2 the GPU comes from the Windows driver: install a current NVIDIA driver on "
                           "Windows (not in WSL), update WSL (wsl --update in Windows), restart it, then check that "
                           "WSL's nvidia-smi lists the GPU",
                           [Run(["wsl.exe", "--shutdown"]), Run(["/usr/lib/wsl/lib/nvidia-smi"])])
        elif str(system.get("os", "")).startswith("win"):
            fix = make_fix(facts, "Install the NVIDIA driver from https://www.nvidia.com/Download/index.aspx, reboot, "
                           "then confirm that nvidia-smi lists the GPU", [Run(["nvidia-smi"])])
        else:
            label, argvs = linux_driver_install(system)
            fix = make_fix(facts, f"Install the NVIDIA driver ({label}), reboot, and confirm that nvidia-smi lists "
                           "the GPU; FLUX.2 [klein] needs an NVIDIA GPU", [Run(a) for a in argvs])
        yield fail("gpu.none", "No NVIDIA GPU found: FLUX.2 [klein] cannot run on this machine as it is", evidence, fix)
        return
    dev, why = selected_gpu(facts)
    evidence = [describe_gpu(d) for d in devices]
    evidence.append(f"driver {g.get('driver_version') or 'unknown'}, supports CUDA up to "
                    f"{g.get('cuda_driver_version') or 'unknown'} (read through {g.get('source')})")
    if dev is None:
        if why.startswith("--gpu"):
            indices = ", ".join(str(d.get("index")) for d in devices)
            fix = f"Pass an existing GPU index: --gpu {indices.split(', ')[0]} (this machine has GPU {indices})"
        else:
            fix = make_fix(facts, "Unset CUDA_VISIBLE_DEVICES or set it to an existing GPU index (GPU "
                           f"{devices[0].get('index', 0)} shown)", [SetEnv("CUDA_VISIBLE_DEVICES", str(devices[0].get("index", 0)))])
        yield fail("gpu.hidden", f"No GPU is usable: {why}", evidence, fix)
        return
    cc, _ = device_cc(dev)
    title = f"{dev.get('name')} ({sm_name(cc) or 'unknown capability'}, {gib(dev.get('memory_total_bytes'))})"
    if len(devices) > 1:
        title += f"; judging GPU {dev.get('index')} of {len(devices)}, chosen by {why}"
    yield ok("gpu.found", title, evidence)


@check("gpu.driver", area="GPU", title="The NVIDIA driver is new enough for the GPU and the PyTorch wheel",
       needs=["gpu", "system"], optional=["python", "torch", "comfyui_tree"])
def gpu_driver(facts: dict[str, Any]):
    g = facts["gpu"]
    dev, _ = selected_gpu(facts)
    if dev is None:
        return
    drv = g.get("driver_version")
    system = facts["system"]
    osn = str(system.get("os") or "linux")
    if not drv:
        yield warn("gpu.driver.unknown", "The driver version could not be read", [a.get("error", "") for a in g.get("attempts", [])])
        return
    cc, _ = device_cc(dev)
    t = torch_facts(facts)
    build = (facts.get("python") or {}).get("torch_build") or {}
    cuda = t.get("cuda") or build.get("cuda")
    version = t.get("version") or build.get("version")
    arch = arch_driver_floor(cc)
    wheel = driver_floor(cuda, osn) if cuda else None
    gpu_short = arch and driver_at_least(drv, arch["min_driver"]) is False
    wheel_short = wheel and driver_at_least(drv, wheel["min"]) is False
    if not gpu_short and not wheel_short:
        needs = [f"the GPU needs {arch['min_driver']}+" if arch else None,
                 f"CUDA {cuda} wheels need {wheel['min']}+" if wheel else None]
        yield ok("gpu.driver.ok", f"Driver {drv} is new enough" + (f" ({'; '.join(n for n in needs if n)})" if any(needs) else ""))
        return
    # The driver to ask for is the highest floor that applies; the alternative is a wheel the driver can run.
    floors = [f for f in ((arch or {}).get("min_driver"), (wheel or {}).get("min")) if f]
    need = max(floors, key=lambda v: driver_tuple(v) or (0,))
    evidence = [f"PyTorch reports: {e}" for e in _driver_words(t)]
    if arch:
        evidence.append(f"{arch['why']} (source: {arch['source']})")
    if wheel:
        evidence.append(f"CUDA {wheel['major']}.x wheels need driver {wheel['min']}+ (source: {wheel['source']})")
    text, argvs = driver_update_text(need, system)
    steps = [Run(a) for a in argvs]
    if wheel_short and not gpu_short:
        alt = choose_wheel(cc, drv, osn, release_of(version))
        if alt and alt.cuda != cuda:
            py = (facts.get("python") or {}).get("executable")
            text = (f"Keep this driver and install PyTorch {alt.release} built for CUDA {alt.cuda} with its torchvision "
                    f"and torchaudio (the command shown); or {driver_update_words(need, system)}")
            steps = [Run(a) for a in pip_argvs(py, torch_install_args(alt, version), facts.get("python"))]
    fix = make_fix(facts, text, steps)
    if gpu_short:
        title = f"Driver {drv} is too old for the {dev.get('name')}: it needs R{arch['min_driver']} or newer"
        if wheel_short and need != arch["min_driver"]:
            title += f" ({need}+ for PyTorch {version})"
        yield fail("gpu.driver.too-old-for-gpu", title, evidence, fix)
    else:
        yield fail("gpu.driver.too-old-for-wheel",
                   f"Driver {drv} is too old for PyTorch {version} (CUDA {cuda} needs driver {wheel['min']} or newer)",
                   evidence, fix)


def _driver_words(t: dict[str, Any]) -> list[str]:
    words = []
    for w in t.get("warnings") or []:
        if "driver" in w.lower():
            words.append(" ".join(w.split())[:300])
    ce = t.get("cuda_error") or {}
    if ce.get("message"):
        words.append(" ".join(ce["message"].split())[:300])
    return words


@check("gpu.vram", area="GPU", title="The GPU has enough VRAM for a Klein 4B path",
       needs=["gpu", "system"], optional=["comfyui_tree"])
def gpu_vram(facts: dict[str, Any]):
    dev, _ = selected_gpu(facts)
    if dev is None:
        return
    total = dev.get("memory_total_bytes")
    if not total:
        yield warn("gpu.vram.unknown", "The GPU's VRAM size could not be read")
        return
    rows = manifests.load("requirements")["vram"]
    fits = [r for r in rows if total >= r["need_gb"] * 1e9]
    evidence = [f"{r['label']}: needs ~{r['need_gb']:g} GB ({'fits' if r in fits else 'does not fit'}) — {r['source']}"
                for r in rows]
    used = dev.get("memory_used_bytes")
    if used and used > 1e9:
        evidence.append(f"{gb(used)} already in use by other processes")
    wanted = (facts.get("options") or {}).get("path")
    if not fits:
        smallest = min(rows, key=lambda r: r["need_gb"])
        yield warn("gpu.vram.too-small",
                   f"{gib(total)} of VRAM is below every Klein 4B path (smallest: {smallest['label']}, ~{smallest['need_gb']:g} GB)",
                   evidence, "Use ComfyUI's FP8 files with `--lowvram` (slow), or a GPU with 12 GB or more")
        return
    path_rows = [r for r in rows if r["path"] == wanted] if wanted else rows
    if wanted and not any(r in fits for r in path_rows):
        best = fits[0]
        yield warn("gpu.vram.path-too-big", f"{gib(total)} of VRAM is too little for the {wanted} path; {best['label']} fits",
                   evidence, make_fix(facts, f"Run Klein through {best['label']} and check that path",
                                      [Run(["klein-doctor", "check", "--path", best["path"]])]))
        return
    usable = [r for r in path_rows if r in fits] or fits
    best = max(usable, key=lambda r: r["need_gb"])
    title = f"{gib(total)} of VRAM: enough for {best['label']}"
    if best.get("measured"):
        title += f" ({best['measured'].split(',')[0]} measured on an H200)"
    bigger = [r for r in path_rows if r not in fits]
    if bigger:
        big = max(bigger, key=lambda r: r["need_gb"])
        title += f"; {big['label']} (~{big['need_gb']:g} GB) does not fit"
    yield ok("gpu.vram.ok", title, evidence)


@check("gpu.fp8", area="GPU", title="FP8 files get a speed-up on this GPU",
       needs=["gpu", "system"], optional=["models", "comfyui_tree"])
def gpu_fp8(facts: dict[str, Any]):
    dev, _ = selected_gpu(facts)
    if dev is None:
        return
    cc, _ = device_cc(dev)
    fp8 = has_fp8(cc)
    opts = facts.get("options") or {}
    files = (facts.get("models") or {}).get("files") or []
    from ..safetensors_id import dtype_is_fp8, identity_of

    if any(dtype_is_fp8(identity_of(f).get("dtype")) for f in files if isinstance(f, dict)):
        return  # FP8 files were found: models.fp8 names them, which says more than this
    uses_fp8 = opts.get("path") in (None, "comfyui")
    if fp8 is None:
        return
    if not fp8 and uses_fp8:
        yield info("gpu.fp8.no-tensor-cores",
                   f"{dev.get('name')} ({sm_name(cc)}) has no FP8 tensor cores: FP8 files work and save VRAM, but run no faster than BF16",
                   ["FP8 tensor cores exist from sm_89 (Ada) on; ComfyUI casts FP8 weights to BF16 per layer here"])
    elif fp8:
        yield ok("gpu.fp8.ok", f"{sm_name(cc)} has FP8 tensor cores")
