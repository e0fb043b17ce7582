"""What the smoke run will do, decided before anything heavy starts: which files, which settings,
resident or offloaded. Each decision carries its reason, because the verdict must say why it ran so."""

from __future__ import annotations

from ..sizes import gb  # the one size formatter

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .. import manifests

GB = 1e9
DEFAULT_VARIANT = "klein-4b"


@dataclass
class SmokePlan:
    variant: str
    repo: str | None
    distilled: bool
    steps: int
    guidance: float
    dtype: str
    mode: str  # "resident" | "offload" | "sequential"
    mode_reason: str
    model_dir: str | None
    model_dir_source: str | None
    synthetic: bool
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def variant_settings(variant: str | None) -> dict[str, Any]:
    """The variant's diffusers row from targets.toml; the FP8 ComfyUI variants map to their BF16 snapshot,
    since diffusers has no loader for BFL's FP8 single files."""
    rows = manifests.load("targets").get("variant", [])
    wanted = variant or DEFAULT_VARIANT
    for r in rows:
        if r["id"] == wanted or wanted in r.get("aliases", []):
            return dict(r)
    known = ", ".join(r["id"] for r in rows)
    raise KeyError(f"unknown variant {wanted!r} for the diffusers smoke run (known: {known})")


def hf_cache_dirs(env: dict[str, str] | None = None) -> list[Path]:
    """Where huggingface_hub keeps models: HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub."""
    e = os.environ if env is None else env
    if e.get("HF_HUB_CACHE"):
        return [Path(e["HF_HUB_CACHE"])]
    if e.get("HF_HOME"):
        return [Path(e["HF_HOME"]) / "hub"]
    return [Path.home() / ".cache" / "huggingface" / "hub"]


def snapshot_in_cache(repo: str, caches: list[Path]) -> Path | None:
    for cache in caches:
        root = cache / ("models--" + repo.replace("/", "--"))
        ref = root / "refs" / "main"
        try:
            commit = ref.read_text(encoding="utf-8").strip()
        except OSError:
            commit = ""
        if commit and (root / "snapshots" / commit).is_dir():
            return root / "snapshots" / commit
        snaps = sorted((root / "snapshots").glob("*")) if (root / "snapshots").is_dir() else []
        if snaps:
            return snaps[-1]
    return None


COMPONENTS = ("transformer", "vae", "text_encoder")


def layout_problems(folder: Path) -> list[str]:
    """The diffusers layout the pipeline loads: model_index.json and weights in each component folder.
    Hash verification is the Model files area's job; this only stops a run that cannot load."""
    problems = []
    if not (folder / "model_index.json").is_file():
        problems.append(f"{folder} has no model_index.json (not a diffusers snapshot)")
        return problems
    for comp in COMPONENTS:
        d = folder / comp
        if not any(d.glob("*.safetensors")):
            problems.append(f"{d} holds no .safetensors weights")
    if not (folder / "tokenizer").is_dir():
        problems.append(f"{folder / 'tokenizer'} is missing")
    return problems


def resolve_model_dir(options: dict[str, Any], repo: str | None,
                      env: dict[str, str] | None = None) -> tuple[str | None, str | None, list[str]]:
    """(folder, where it came from, problems). ``--model-dir`` wins over the Hugging Face cache."""
    if options.get("model_dir"):
        folder = Path(options["model_dir"]).expanduser()
        if not folder.is_dir():
            return None, "--model-dir", [f"--model-dir {folder} is not a folder"]
        return str(folder), "--model-dir", layout_problems(folder)
    if not repo:
        return None, None, ["no Hugging Face repository is known for this variant"]
    caches = hf_cache_dirs(env)
    snap = snapshot_in_cache(repo, caches)
    if snap is None:
        return None, "hf-cache", [f"{repo} is not in the Hugging Face cache ({', '.join(str(c) for c in caches)})"]
    return str(snap), "hf-cache", layout_problems(snap)


def _need(mode: str) -> float:
    for r in manifests.load("requirements").get("vram", []):
        if r.get("path") == "diffusers" and r.get("mode") == mode:
            return float(r["need_gb"]) * GB
    return {"bf16": 20.0, "bf16-offload": 13.0}[mode] * GB


def choose_mode(device: dict[str, Any] | None) -> tuple[str, str]:
    """Resident when the VRAM free now holds the resident peak, else ``enable_model_cpu_offload()``."""
    resident, offload = _need("bf16"), _need("bf16-offload")
    if not device or not device.get("memory_total_bytes"):
        return "offload", "the GPU's VRAM is unknown, so the smaller-footprint offload mode was chosen"
    total = device["memory_total_bytes"]
    free = device.get("memory_free_bytes") or total
    if free >= resident:
        return "resident", (f"{gb(free)} free of {gb(total)} holds the ~{resident / GB:.0f} GB "
                            "resident BF16 peak, so the whole pipeline stays on the GPU")
    if total >= resident:
        why = (f"only {gb(free)} of {gb(total)} is free (other processes hold the rest), below the "
               f"~{resident / GB:.0f} GB resident peak")
    else:
        why = f"{gb(total)} is below the ~{resident / GB:.0f} GB resident BF16 peak"
    if free < offload:
        why += f"; even offload needs ~{offload / GB:.0f} GB, so this may run out of memory"
    return "offload", why + ", so enable_model_cpu_offload() was chosen"


def make_plan(options: dict[str, Any], device: dict[str, Any] | None, env: dict[str, str] | None = None) -> SmokePlan:
    v = variant_settings(options.get("variant"))
    mode, why = choose_mode(device)
    forced = options.get("smoke_mode")
    if forced in ("resident", "offload", "sequential"):
        mode, why = forced, f"{forced} was asked for"
    synthetic = bool(options.get("synthetic"))
    notes = list(v.get("notes", []))
    if synthetic:
        model_dir, source, problems = None, None, []
    else:
        model_dir, source, problems = resolve_model_dir(options, v.get("repo"), env)
    return SmokePlan(variant=v["id"], repo=v.get("repo"), distilled=bool(v["distilled"]), steps=int(v["steps"]),
                     guidance=float(v["guidance"]), dtype=v["dtype"], mode=mode, mode_reason=why, model_dir=model_dir,
                     model_dir_source=source, synthetic=synthetic, problems=problems, notes=notes)
