"""A Hugging Face hub cache laid out as huggingface_hub writes it, for the tests that judge one."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def hub_cache(base: Path, repo_id: str, cls: str = "Flux2KleinPipeline", corrupt: bool = False,
              drop: str | None = None, incomplete: bool = False, no_snapshot: bool = False) -> Path:
    """A hub cache laid out as huggingface_hub writes it: blobs named by content hash, snapshot symlinks."""
    hubdir = base / "hub"
    repo = hubdir / ("models--" + repo_id.replace("/", "--"))
    commit = "b" * 40
    (repo / "refs").mkdir(parents=True)
    (repo / "blobs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    if no_snapshot:
        (repo / "blobs" / ("0" * 64 + ".incomplete")).write_bytes(os.urandom(1000))
        return hubdir
    snap = repo / "snapshots" / commit
    index = {"_class_name": cls, "_diffusers_version": "0.37.0", "is_distilled": True,
             "scheduler": ["diffusers", "FlowMatchEulerDiscreteScheduler"], "text_encoder": ["transformers", "Qwen3ForCausalLM"],
             "tokenizer": ["transformers", "Qwen2TokenizerFast"], "transformer": ["diffusers", "Flux2Transformer2DModel"],
             "vae": ["diffusers", "AutoencoderKLFlux2"]}
    small = {"model_index.json": json.dumps(index).encode(), "scheduler/scheduler_config.json": b"{}",
             "tokenizer/tokenizer.json": b"{}", "text_encoder/config.json": b"{}", "transformer/config.json": b"{}",
             "vae/config.json": b"{}"}
    big = {"transformer/diffusion_pytorch_model.safetensors": os.urandom(50_000),
           "vae/diffusion_pytorch_model.safetensors": os.urandom(40_000),
           "text_encoder/model.safetensors": os.urandom(30_000)}
    for rel, data in {**small, **big}.items():
        if rel.split("/")[0] == drop:
            continue
        name = hashlib.sha256(data).hexdigest() if rel in big else hashlib.sha1(data).hexdigest()
        (repo / "blobs" / name).write_bytes(data[:-1] + b"!" if corrupt and rel.startswith("vae/diff") else data)
        link = snap / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(os.path.relpath(repo / "blobs" / name, link.parent))
    if incomplete:
        (repo / "blobs" / ("f" * 64 + ".incomplete")).write_bytes(os.urandom(2000))
    return hubdir
