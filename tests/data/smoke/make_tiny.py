"""Write a tiny FLUX.2 [klein]-shaped diffusers snapshot: the same classes as the real one
(Flux2Transformer2DModel, AutoencoderKLFlux2, Qwen3ForCausalLM, a Qwen2 byte-level tokenizer,
FlowMatchEulerDiscreteScheduler) with random weights saved as real safetensors files, about 2 MB.

Usage: python make_tiny.py OUT_DIR   (needs torch, diffusers >= 0.37, transformers)

Generated instead of committed so the files always match the installed library versions.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def byte_vocab() -> dict[str, int]:
    """GPT-2's byte-to-unicode table: every byte is one token, so any text tokenizes without merges."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {chr(c): i for i, c in enumerate(sorted(cs, key=lambda c: bs[cs.index(c)]))}


CHAT_TEMPLATE = ("{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
                 "{% if add_generation_prompt %}<|im_start|>assistant\n<think>\n\n</think>\n\n{% endif %}")


def write_tokenizer(out: Path) -> None:
    from transformers import Qwen2TokenizerFast

    out.mkdir(parents=True, exist_ok=True)
    (out / "vocab.json").write_text(json.dumps(byte_vocab()), encoding="utf-8")
    (out / "merges.txt").write_text("#version: 0.2\n", encoding="utf-8")
    tok = Qwen2TokenizerFast(vocab_file=str(out / "vocab.json"), merges_file=str(out / "merges.txt"),
                             unk_token=None, bos_token=None, eos_token="<|im_end|>", pad_token="<|endoftext|>")
    tok.add_special_tokens({"additional_special_tokens": ["<|im_start|>", "<|im_end|>"]})
    tok.chat_template = CHAT_TEMPLATE
    tok.save_pretrained(str(out))


def main(out_dir: str) -> int:
    import torch
    from diffusers import AutoencoderKLFlux2, FlowMatchEulerDiscreteScheduler, Flux2KleinPipeline, Flux2Transformer2DModel
    from transformers import Qwen3Config, Qwen3ForCausalLM

    cfg = json.loads((HERE / "tiny_config.json").read_text(encoding="utf-8"))
    out = Path(out_dir)
    torch.manual_seed(0)
    transformer = Flux2Transformer2DModel(**cfg["transformer"])
    vae = AutoencoderKLFlux2(**cfg["vae"])
    text_encoder = Qwen3ForCausalLM(Qwen3Config(**cfg["text_encoder"]))
    for m in (transformer, text_encoder):
        with torch.no_grad():
            for p in m.parameters():
                if p.dim() >= 2:
                    p.normal_(0.0, 0.05)
    write_tokenizer(out / "tokenizer")
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(out / "tokenizer"))
    scheduler = FlowMatchEulerDiscreteScheduler(shift=3.0, use_dynamic_shifting=True, base_shift=0.5, max_shift=1.15,
                                                base_image_seq_len=256, max_image_seq_len=4096)
    pipe = Flux2KleinPipeline(scheduler=scheduler, vae=vae.to(torch.bfloat16),
                              text_encoder=text_encoder.to(torch.bfloat16), tokenizer=tokenizer,
                              transformer=transformer.to(torch.bfloat16), is_distilled=True)
    pipe.save_pretrained(str(out), safe_serialization=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
