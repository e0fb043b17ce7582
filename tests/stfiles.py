"""Sparse .safetensors files with the real key sets, shapes and dtypes of each model identity.

The header is written exactly as the real file's would be (key names and shapes from
../shared/reference/models.md section 3, derived from BFL's Flux2 code: 149 tensors and 3,875,544,576
parameters for Klein 4B, which the tests assert), then the file is extended with a hole to its full
size, so an "8 GB" file costs a few KB of disk. Where the real byte count is known, the header is
padded with spaces (as safetensors itself allows) so the file is exactly that many bytes.
"""

from __future__ import annotations

import json
import math
import os
import struct
from pathlib import Path
from typing import Any

DTYPE_BYTES = {"BOOL": 1, "U8": 1, "I8": 1, "F8_E4M3": 1, "F8_E5M2": 1, "I16": 2, "F16": 2, "BF16": 2, "I32": 4,
               "F32": 4, "I64": 8, "F64": 8}
Tensors = dict[str, tuple[str, list[int]]]

# Real sizes from models.md section 2.
SIZE_KLEIN_4B_FP8 = 4_070_624_520
SIZE_KLEIN_9B_FP8 = 9_433_061_528
SIZE_QWEN3_4B = 8_044_982_048
SIZE_FLUX2_VAE = 336_213_556
SIZE_FLUX2_VAE_KLEIN = 336_211_292
SIZE_FLUX1_AE = 335_304_388


# ------------------------------------------------------------------------------------------ transformers
def flux2_transformer(hidden: int, double: int, single: int, ctx: int, guidance: bool = False,
                      fp8: bool = False, prefix: str = "") -> Tensors:
    """BFL Flux2 key names (ComfyUI uses the same, optionally under ``model.diffusion_model.``)."""
    h, mlp = hidden, 3 * hidden
    wdt = "F8_E4M3" if fp8 else "BF16"
    t: Tensors = {"img_in.weight": ("BF16", [h, 128]), "time_in.in_layer.weight": ("BF16", [h, 256]),
                  "time_in.out_layer.weight": ("BF16", [h, h]), "txt_in.weight": ("BF16", [h, ctx])}
    if guidance:
        t["guidance_in.in_layer.weight"] = ("BF16", [h, 256])
        t["guidance_in.out_layer.weight"] = ("BF16", [h, h])
    linear: list[str] = []
    for i in range(double):
        for s in ("img", "txt"):
            p = f"double_blocks.{i}.{s}_"
            t[p + "attn.qkv.weight"] = (wdt, [3 * h, h])
            t[p + "attn.norm.query_norm.scale"] = ("BF16", [128])
            t[p + "attn.norm.key_norm.scale"] = ("BF16", [128])
            t[p + "attn.proj.weight"] = (wdt, [h, h])
            t[p + "mlp.0.weight"] = (wdt, [2 * mlp, h])
            t[p + "mlp.2.weight"] = (wdt, [h, mlp])
            linear += [p + "attn.qkv", p + "attn.proj", p + "mlp.0", p + "mlp.2"]
    for i in range(single):
        p = f"single_blocks.{i}."
        t[p + "linear1.weight"] = (wdt, [3 * h + 2 * mlp, h])
        t[p + "linear2.weight"] = (wdt, [h, h + mlp])
        t[p + "norm.query_norm.scale"] = ("BF16", [128])
        t[p + "norm.key_norm.scale"] = ("BF16", [128])
        linear += [p + "linear1", p + "linear2"]
    t["double_stream_modulation_img.lin.weight"] = ("BF16", [6 * h, h])
    t["double_stream_modulation_txt.lin.weight"] = ("BF16", [6 * h, h])
    t["single_stream_modulation.lin.weight"] = ("BF16", [3 * h, h])
    t["final_layer.linear.weight"] = ("BF16", [128, h])
    t["final_layer.adaLN_modulation.1.weight"] = ("BF16", [2 * h, h])
    if fp8:  # per-layer scales of BFL's FP8 files [I: the byte count of the real file fits F32 scalars]
        for p in linear:
            t[p + ".weight_scale"] = ("F32", [])
            t[p + ".input_scale"] = ("F32", [])
    return {prefix + k: v for k, v in t.items()}


def klein_4b(fp8: bool = False, prefix: str = "") -> Tensors:
    return flux2_transformer(3072, 5, 20, 7680, fp8=fp8, prefix=prefix)


def klein_9b(fp8: bool = False, prefix: str = "") -> Tensors:
    return flux2_transformer(4096, 8, 24, 12288, fp8=fp8, prefix=prefix)


def flux2_dev(fp8: bool = False) -> Tensors:
    return flux2_transformer(6144, 8, 48, 15360, guidance=True, fp8=fp8)


def flux1_transformer(guidance: bool = True) -> Tensors:
    """BFL FLUX.1: 19 double / 38 single blocks, per-block modulation, biases everywhere."""
    h, mlp = 3072, 4 * 3072
    t: Tensors = {}

    def lin(name: str, out: int, inp: int) -> None:
        t[name + ".weight"] = ("BF16", [out, inp])
        t[name + ".bias"] = ("BF16", [out])

    lin("img_in", h, 64)
    lin("time_in.in_layer", h, 256)
    lin("time_in.out_layer", h, h)
    if guidance:
        lin("guidance_in.in_layer", h, 256)
        lin("guidance_in.out_layer", h, h)
    lin("vector_in.in_layer", h, 768)
    lin("vector_in.out_layer", h, h)
    lin("txt_in", h, 4096)
    for i in range(19):
        for s in ("img", "txt"):
            p = f"double_blocks.{i}.{s}_"
            lin(p + "mod.lin", 6 * h, h)
            lin(p + "attn.qkv", 3 * h, h)
            t[p + "attn.norm.query_norm.scale"] = ("BF16", [128])
            t[p + "attn.norm.key_norm.scale"] = ("BF16", [128])
            lin(p + "attn.proj", h, h)
            lin(p + "mlp.0", mlp, h)
            lin(p + "mlp.2", h, mlp)
    for i in range(38):
        p = f"single_blocks.{i}."
        lin(p + "linear1", 3 * h + mlp, h)
        lin(p + "linear2", h, h + mlp)
        t[p + "norm.query_norm.scale"] = ("BF16", [128])
        t[p + "norm.key_norm.scale"] = ("BF16", [128])
        lin(p + "modulation.lin", 3 * h, h)
    lin("final_layer.linear", 64, h)
    lin("final_layer.adaLN_modulation.1", 2 * h, h)
    return t


def klein_4b_diffusers() -> Tensors:
    """diffusers Flux2Transformer2DModel naming of Klein 4B [I]."""
    return klein_diffusers(3072, 5, 20, 7680)


def klein_9b_diffusers() -> Tensors:
    """The same naming with the 9B widths and 8 / 24 blocks (models.md section 5)."""
    return klein_diffusers(4096, 8, 24, 12288)


def klein_diffusers(h: int, double: int, single: int, ctx: int) -> Tensors:
    mlp = 3 * h
    t: Tensors = {"x_embedder.weight": ("BF16", [h, 128]), "context_embedder.weight": ("BF16", [h, ctx]),
                  "time_guidance_embed.timestep_embedder.linear_1.weight": ("BF16", [h, 256]),
                  "time_guidance_embed.timestep_embedder.linear_2.weight": ("BF16", [h, h]),
                  "double_stream_modulation_img.linear.weight": ("BF16", [6 * h, h]),
                  "double_stream_modulation_txt.linear.weight": ("BF16", [6 * h, h]),
                  "single_stream_modulation.linear.weight": ("BF16", [3 * h, h]),
                  "norm_out.linear.weight": ("BF16", [2 * h, h]), "proj_out.weight": ("BF16", [128, h])}
    for i in range(double):
        p = f"transformer_blocks.{i}."
        for k in ("to_q", "to_k", "to_v", "add_q_proj", "add_k_proj", "add_v_proj", "to_out.0", "to_add_out"):
            t[p + f"attn.{k}.weight"] = ("BF16", [h, h])
        for k in ("norm_q", "norm_k", "norm_added_q", "norm_added_k"):
            t[p + f"attn.{k}.weight"] = ("BF16", [128])
        for ff in ("ff", "ff_context"):
            t[p + f"{ff}.linear_in.weight"] = ("BF16", [2 * mlp, h])
            t[p + f"{ff}.linear_out.weight"] = ("BF16", [h, mlp])
    for i in range(single):
        p = f"single_transformer_blocks.{i}.attn."
        t[p + "to_qkv_mlp_proj.weight"] = ("BF16", [3 * h + 2 * mlp, h])
        t[p + "to_out.weight"] = ("BF16", [h, h + mlp])
        t[p + "norm_q.weight"] = ("BF16", [128])
        t[p + "norm_k.weight"] = ("BF16", [128])
    return t


# ------------------------------------------------------------------------------------------ VAEs
def _resnet(t: Tensors, p: str, cin: int, cout: int, dt: str) -> None:
    t[p + "norm1.weight"] = (dt, [cin])
    t[p + "norm1.bias"] = (dt, [cin])
    t[p + "conv1.weight"] = (dt, [cout, cin, 3, 3])
    t[p + "conv1.bias"] = (dt, [cout])
    t[p + "norm2.weight"] = (dt, [cout])
    t[p + "norm2.bias"] = (dt, [cout])
    t[p + "conv2.weight"] = (dt, [cout, cout, 3, 3])
    t[p + "conv2.bias"] = (dt, [cout])
    if cin != cout:
        t[p + "nin_shortcut.weight"] = (dt, [cout, cin, 1, 1])
        t[p + "nin_shortcut.bias"] = (dt, [cout])


def _attn(t: Tensors, p: str, c: int, dt: str) -> None:
    t[p + "norm.weight"] = (dt, [c])
    t[p + "norm.bias"] = (dt, [c])
    for k in ("q", "k", "v", "proj_out"):
        t[p + f"{k}.weight"] = (dt, [c, c, 1, 1])
        t[p + f"{k}.bias"] = (dt, [c])


def bfl_autoencoder(z: int, dt: str = "F32", decoder_ch: int = 128, flux2: bool = False, sd: bool = False) -> Tensors:
    """BFL/LDM AutoEncoder key names: ch 128, ch_mult (1,2,4,4), 2 res blocks; z latent channels."""
    t: Tensors = {}
    mult = [1, 2, 4, 4]
    ch = 128
    t["encoder.conv_in.weight"] = (dt, [ch, 3, 3, 3])
    t["encoder.conv_in.bias"] = (dt, [ch])
    cin = ch
    for i, m in enumerate(mult):
        cout = ch * m
        for j in range(2):
            _resnet(t, f"encoder.down.{i}.block.{j}.", cin, cout, dt)
            cin = cout
        if i != len(mult) - 1:
            t[f"encoder.down.{i}.downsample.conv.weight"] = (dt, [cout, cout, 3, 3])
            t[f"encoder.down.{i}.downsample.conv.bias"] = (dt, [cout])
    _resnet(t, "encoder.mid.block_1.", cin, cin, dt)
    _attn(t, "encoder.mid.attn_1.", cin, dt)
    _resnet(t, "encoder.mid.block_2.", cin, cin, dt)
    t["encoder.norm_out.weight"] = (dt, [cin])
    t["encoder.norm_out.bias"] = (dt, [cin])
    t["encoder.conv_out.weight"] = (dt, [2 * z, cin, 3, 3])
    t["encoder.conv_out.bias"] = (dt, [2 * z])
    top = decoder_ch * mult[-1]
    t["decoder.conv_in.weight"] = (dt, [top, z, 3, 3])
    t["decoder.conv_in.bias"] = (dt, [top])
    _resnet(t, "decoder.mid.block_1.", top, top, dt)
    _attn(t, "decoder.mid.attn_1.", top, dt)
    _resnet(t, "decoder.mid.block_2.", top, top, dt)
    cin = top
    for i in reversed(range(len(mult))):
        cout = decoder_ch * mult[i]
        for j in range(3):
            _resnet(t, f"decoder.up.{i}.block.{j}.", cin, cout, dt)
            cin = cout
        if i != 0:
            t[f"decoder.up.{i}.upsample.conv.weight"] = (dt, [cout, cout, 3, 3])
            t[f"decoder.up.{i}.upsample.conv.bias"] = (dt, [cout])
    t["decoder.norm_out.weight"] = (dt, [cin])
    t["decoder.norm_out.bias"] = (dt, [cin])
    t["decoder.conv_out.weight"] = (dt, [3, cin, 3, 3])
    t["decoder.conv_out.bias"] = (dt, [3])
    if flux2:
        t["encoder.quant_conv.weight"] = (dt, [2 * z, 2 * z, 1, 1])
        t["encoder.quant_conv.bias"] = (dt, [2 * z])
        t["decoder.post_quant_conv.weight"] = (dt, [z, z, 1, 1])
        t["decoder.post_quant_conv.bias"] = (dt, [z])
        t["bn.running_mean"] = (dt, [4 * z])
        t["bn.running_var"] = (dt, [4 * z])
    if sd:
        t["quant_conv.weight"] = (dt, [2 * z, 2 * z, 1, 1])
        t["quant_conv.bias"] = (dt, [2 * z])
        t["post_quant_conv.weight"] = (dt, [z, z, 1, 1])
        t["post_quant_conv.bias"] = (dt, [z])
    return t


def flux2_vae() -> Tensors:
    """FP32, like the official file (its 336 MB fit FP32 and not BF16 weights) [I]."""
    return bfl_autoencoder(32, "F32", flux2=True)


def flux2_small_decoder() -> Tensors:
    return bfl_autoencoder(32, "BF16", decoder_ch=96, flux2=True)


def flux1_vae() -> Tensors:
    return bfl_autoencoder(16, "F32")


def sdxl_vae() -> Tensors:
    return bfl_autoencoder(4, "F32", sd=True)


def flux2_vae_diffusers() -> Tensors:
    """diffusers AutoencoderKLFlux2 naming (down_blocks/resnets, top-level quant convs) [I]."""
    dt = "BF16"
    t: Tensors = {"encoder.conv_in.weight": (dt, [128, 3, 3, 3]), "decoder.conv_in.weight": (dt, [512, 32, 3, 3]),
                  "encoder.conv_out.weight": (dt, [64, 512, 3, 3]), "decoder.conv_out.weight": (dt, [3, 128, 3, 3]),
                  "quant_conv.weight": (dt, [64, 64, 1, 1]), "quant_conv.bias": (dt, [64]),
                  "post_quant_conv.weight": (dt, [32, 32, 1, 1]), "post_quant_conv.bias": (dt, [32]),
                  "bn.running_mean": (dt, [128]), "bn.running_var": (dt, [128])}
    cin = 128
    for i, c in enumerate([128, 256, 512, 512]):
        for j in range(2):
            p = f"encoder.down_blocks.{i}.resnets.{j}."
            t[p + "conv1.weight"] = (dt, [c, cin, 3, 3])
            t[p + "conv2.weight"] = (dt, [c, c, 3, 3])
            cin = c
    return t


# ------------------------------------------------------------------------------------------ text encoders
def _llama_like(hidden: int, layers: int, vocab: int, mlp: int, q_heads: int, kv_heads: int, qk_norm: bool,
                lm_head: bool, dt: str = "BF16", fp8_linear: bool = False) -> Tensors:
    hd = 128
    t: Tensors = {"model.embed_tokens.weight": (dt, [vocab, hidden])}
    ldt = "F8_E4M3" if fp8_linear else dt
    for i in range(layers):
        p = f"model.layers.{i}."
        t[p + "input_layernorm.weight"] = (dt, [hidden])
        t[p + "post_attention_layernorm.weight"] = (dt, [hidden])
        lin = {"self_attn.q_proj": [q_heads * hd, hidden], "self_attn.k_proj": [kv_heads * hd, hidden],
               "self_attn.v_proj": [kv_heads * hd, hidden], "self_attn.o_proj": [hidden, q_heads * hd],
               "mlp.gate_proj": [mlp, hidden], "mlp.up_proj": [mlp, hidden], "mlp.down_proj": [hidden, mlp]}
        for k, shape in lin.items():
            t[p + k + ".weight"] = (ldt, shape)
            if fp8_linear:  # ComfyUI mixed quantisation [P, comfy/quant_ops.py]
                t[p + k + ".weight_scale"] = ("F32", [])
                t[p + k + ".comfy_quant"] = ("U8", [len(b'{"format": "float8_e4m3fn"}')])
        if qk_norm:
            t[p + "self_attn.q_norm.weight"] = (dt, [hd])
            t[p + "self_attn.k_norm.weight"] = (dt, [hd])
    t["model.norm.weight"] = (dt, [hidden])
    if lm_head:
        t["lm_head.weight"] = (dt, [vocab, hidden])
    return t


def qwen3_4b() -> Tensors:
    return _llama_like(2560, 36, 151936, 9728, 32, 8, qk_norm=True, lm_head=False)


def qwen3_4b_partial(layers: int) -> Tensors:
    """A Qwen3-4B file that holds only the first ``layers`` of its 36 (an incomplete conversion or a bad
    merge): real shapes, so the signature matches, but ComfyUI loads it with `clip missing` (issue 14)."""
    return _llama_like(2560, layers, 151936, 9728, 32, 8, qk_norm=True, lm_head=False)


def qwen3_8b(fp8mixed: bool = False) -> Tensors:
    return _llama_like(4096, 36, 151936, 12288, 32, 8, qk_norm=True, lm_head=True, fp8_linear=fp8mixed)


def mistral_small_24b(layers: int = 40) -> Tensors:
    return _llama_like(5120, layers, 131072, 32768, 32, 8, qk_norm=False, lm_head=True)


def t5_xxl() -> Tensors:
    dt = "F16"
    t: Tensors = {"shared.weight": (dt, [32128, 4096]), "encoder.final_layer_norm.weight": (dt, [4096])}
    for i in range(24):
        p = f"encoder.block.{i}.layer."
        for k in ("q", "k", "v", "o"):
            t[p + f"0.SelfAttention.{k}.weight"] = (dt, [4096, 4096])
        if i == 0:
            t[p + "0.SelfAttention.relative_attention_bias.weight"] = (dt, [32, 64])
        t[p + "0.layer_norm.weight"] = (dt, [4096])
        t[p + "1.DenseReluDense.wi_0.weight"] = (dt, [10240, 4096])
        t[p + "1.DenseReluDense.wi_1.weight"] = (dt, [10240, 4096])
        t[p + "1.DenseReluDense.wo.weight"] = (dt, [4096, 10240])
        t[p + "1.layer_norm.weight"] = (dt, [4096])
    return t


def clip_l() -> Tensors:
    dt = "F16"
    t: Tensors = {"text_model.embeddings.token_embedding.weight": (dt, [49408, 768]),
                  "text_model.embeddings.position_embedding.weight": (dt, [77, 768]),
                  "text_model.final_layer_norm.weight": (dt, [768]), "text_model.final_layer_norm.bias": (dt, [768])}
    for i in range(12):
        p = f"text_model.encoder.layers.{i}."
        for k in ("q_proj", "k_proj", "v_proj", "out_proj"):
            t[p + f"self_attn.{k}.weight"] = (dt, [768, 768])
            t[p + f"self_attn.{k}.bias"] = (dt, [768])
        for k in ("layer_norm1", "layer_norm2"):
            t[p + f"{k}.weight"] = (dt, [768])
            t[p + f"{k}.bias"] = (dt, [768])
        t[p + "mlp.fc1.weight"] = (dt, [3072, 768])
        t[p + "mlp.fc1.bias"] = (dt, [3072])
        t[p + "mlp.fc2.weight"] = (dt, [768, 3072])
        t[p + "mlp.fc2.bias"] = (dt, [768])
    return t


# Every identity in manifests/signatures.toml, with a builder for its header.
IDENTITIES: dict[str, Any] = {
    "flux2-klein-4b": lambda: klein_4b(fp8=True),
    "flux2-klein-9b": lambda: klein_9b(fp8=True),
    "flux2-dev": flux2_dev,
    "flux1": flux1_transformer,
    "flux2-klein-4b-diffusers": klein_4b_diffusers,
    "flux2-klein-9b-diffusers": klein_9b_diffusers,
    "flux2-dev-diffusers": lambda: {"x_embedder.weight": ("BF16", [6144, 128]),
                                    "context_embedder.weight": ("BF16", [6144, 15360]),
                                    "proj_out.weight": ("BF16", [128, 6144])},
    "flux1-diffusers": lambda: {"x_embedder.weight": ("BF16", [3072, 64]), "x_embedder.bias": ("BF16", [3072]),
                                "context_embedder.weight": ("BF16", [3072, 4096]), "proj_out.weight": ("BF16", [64, 3072])},
    "flux2-vae": flux2_vae,
    "flux2-small-decoder": flux2_small_decoder,
    "flux2-vae-diffusers": flux2_vae_diffusers,
    "flux1-vae": flux1_vae,
    "sd-vae": sdxl_vae,
    "qwen3-4b": qwen3_4b,
    "qwen3-8b": lambda: qwen3_8b(fp8mixed=True),
    "mistral-small-24b": mistral_small_24b,
    "t5-xxl": t5_xxl,
    "clip-l": clip_l,
}


def n_params(t: Tensors) -> int:
    return sum(math.prod(s) for _, s in t.values())


def data_bytes(t: Tensors) -> int:
    return sum(math.prod(s) * DTYPE_BYTES[d] for d, s in t.values())


def header_bytes(t: Tensors, metadata: dict[str, str] | None = None) -> bytes:
    doc: dict[str, Any] = {}
    if metadata:
        doc["__metadata__"] = metadata
    off = 0
    for k, (d, s) in t.items():
        n = math.prod(s) * DTYPE_BYTES[d]
        doc[k] = {"dtype": d, "shape": s, "data_offsets": [off, off + n]}
        off += n
    return json.dumps(doc, separators=(",", ":")).encode()


def write(path: str | os.PathLike[str], t: Tensors, *, total_size: int | None = None,
          metadata: dict[str, str] | None = None, truncate_to: int | None = None, extra: int = 0) -> Path:
    """Write a header for ``t`` then a hole to the full size. ``total_size``: pad the header with
    spaces so the complete file is exactly that many bytes. ``truncate_to``: cut the file short there
    (an interrupted download). ``extra``: that many bytes after the last tensor (padding)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    hb = header_bytes(t, metadata)
    data = data_bytes(t)
    if total_size is not None:
        room = total_size - 8 - data
        if room < len(hb):
            raise ValueError(f"header is {len(hb)} bytes; only {room} fit in {total_size}")
        hb = hb + b" " * (room - len(hb))
    size = 8 + len(hb) + data + extra
    with open(p, "wb") as fh:
        fh.write(struct.pack("<Q", len(hb)))
        fh.write(hb)
        fh.truncate(truncate_to if truncate_to is not None else size)
    return p


def write_identity(path: str | os.PathLike[str], identity: str, **kw: Any) -> Path:
    return write(path, IDENTITIES[identity](), **kw)


def write_raw_header(path: str | os.PathLike[str], header: bytes, length: int | None = None, size: int | None = None) -> Path:
    """A file with arbitrary header bytes (for malformed-header tests)."""
    p = Path(path)
    with open(p, "wb") as fh:
        fh.write(struct.pack("<Q", len(header) if length is None else length))
        fh.write(header)
        if size is not None:
            fh.truncate(size)
    return p
