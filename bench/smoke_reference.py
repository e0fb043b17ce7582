"""Minimal reference for the smoke measurement: the diffusers pipeline and CUDA events, nothing else.

The doctor's `check --smoke --synthetic` must agree with this within 5% (median time) and 2% (torch
peak). Same workload: the Klein 4B architecture (models.md section 5) with random BF16 weights built on
the GPU, the Qwen3 text encoder run on 512 fixed token ids (layers 9/18/27 stacked, as the pipeline
does), then Flux2KleinPipeline at 1024x1024, 4 steps, guidance 1.0, seed 42.

    python bench/smoke_reference.py [--runs 5] [--model-dir DIR]   # prints one JSON line
"""

import argparse
import json
import statistics

import torch
from diffusers import AutoencoderKLFlux2, FlowMatchEulerDiscreteScheduler, Flux2KleinPipeline, Flux2Transformer2DModel
from transformers import Qwen3Config, Qwen3ForCausalLM

PROMPT = "A hedgehog wearing a tiny party hat surrounded by confetti, early digital camera style"


def synthetic_pipe(device):
    torch.manual_seed(0)
    torch.set_default_dtype(torch.bfloat16)
    with device:
        transformer = Flux2Transformer2DModel(
            patch_size=1, in_channels=128, num_layers=5, num_single_layers=20, attention_head_dim=128,
            num_attention_heads=24, joint_attention_dim=7680, timestep_guidance_channels=256, mlp_ratio=3.0,
            axes_dims_rope=(32, 32, 32, 32), rope_theta=2000, eps=1e-6, guidance_embeds=False)
        vae = AutoencoderKLFlux2()
        te = Qwen3ForCausalLM(Qwen3Config(
            vocab_size=151936, hidden_size=2560, intermediate_size=9728, num_hidden_layers=36,
            num_attention_heads=32, num_key_value_heads=8, head_dim=128, rope_theta=1e6, rms_norm_eps=1e-6,
            tie_word_embeddings=True, max_position_embeddings=40960))
    torch.set_default_dtype(torch.float32)
    with torch.no_grad():
        for m in (transformer, te):
            for p in m.parameters():
                if p.dim() >= 2:
                    p.normal_(0.0, 0.02)
    sched = FlowMatchEulerDiscreteScheduler(shift=3.0, use_dynamic_shifting=True, base_shift=0.5, max_shift=1.15,
                                            base_image_seq_len=256, max_image_seq_len=4096)
    return Flux2KleinPipeline(scheduler=sched, vae=vae, text_encoder=te, tokenizer=None, transformer=transformer,
                              is_distilled=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--model-dir")
    args = ap.parse_args()
    device = torch.device("cuda")
    if args.model_dir:
        pipe = Flux2KleinPipeline.from_pretrained(args.model_dir, torch_dtype=torch.bfloat16).to(device)
    else:
        pipe = synthetic_pipe(device)
    pipe.set_progress_bar_config(disable=True)
    ids = torch.randint(0, 151936, (1, 512), generator=torch.Generator().manual_seed(1234)).to(device)

    def generate():
        kw = dict(height=1024, width=1024, num_inference_steps=4, guidance_scale=1.0,
                  generator=torch.Generator("cpu").manual_seed(42), output_type="np")
        if args.model_dir:
            return pipe(prompt=PROMPT, **kw).images
        with torch.no_grad():
            hs = pipe.text_encoder(input_ids=ids, attention_mask=torch.ones_like(ids), output_hidden_states=True,
                                   use_cache=False).hidden_states
            emb = torch.stack([hs[k] for k in (9, 18, 27)], dim=1).permute(0, 2, 1, 3).reshape(1, 512, -1)
        return pipe(prompt_embeds=emb, **kw).images

    generate()  # warm-up
    times = []
    for _ in range(args.runs):
        torch.cuda.synchronize()
        a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        a.record()
        generate()
        b.record()
        torch.cuda.synchronize()
        times.append(a.elapsed_time(b) / 1000.0)
    print(json.dumps({"gpu": torch.cuda.get_device_name(), "torch": torch.__version__,
                      "times_s": [round(t, 4) for t in times], "median_s": round(statistics.median(times), 4),
                      "max_allocated_bytes": torch.cuda.max_memory_allocated(),
                      "max_reserved_bytes": torch.cuda.max_memory_reserved()}))


if __name__ == "__main__":
    main()
