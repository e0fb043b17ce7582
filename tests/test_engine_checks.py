"""Check tests in the anchors' style (Flutter's validator tests with a fake platform): typed facts in, exact
(code, status, fix) tuples out, in process, milliseconds each (tests/engine_kit.py)."""

from __future__ import annotations

import pytest
from engine_kit import facts_of, raw, run, triples

DRIVER_580 = ("Install NVIDIA driver 580 or newer (Ubuntu shown; sudo ubuntu-drivers install also works), then reboot"
              " :: sudo apt install nvidia-driver-580-open")


def test_driver_too_old_for_the_gpu():
    assert triples(run(facts_of("rtx5090-driver560"), "gpu.driver")) == [
        ("gpu.driver.too-old-for-gpu", "fail", DRIVER_580)]


def test_driver_570_with_a_cu130_wheel_alone_says_what_the_full_run_says():
    """`--check gpu.driver` reads the wheel's CUDA (torch facts, declared): it is not ok alone and fail in full."""
    expected = [("gpu.driver.too-old-for-wheel", "fail",
                 "Keep this driver and install PyTorch 2.11.0 built for CUDA 12.8 with its torchvision and torchaudio "
                 "(the command shown); or install NVIDIA driver 580 or newer (Ubuntu: sudo apt install "
                 "nvidia-driver-580-open) and reboot :: /opt/torch/.venv/bin/python3 -m pip install torch==2.11.0+cu128 "
                 "torchvision==0.26.0+cu128 torchaudio==2.11.0+cu128 --index-url https://download.pytorch.org/whl/cu128")]
    assert triples(run(facts_of("rtx4090-driver570-cu130"), "gpu.driver")) == expected
    assert [t for t in triples(run(facts_of("rtx4090-driver570-cu130"))) if t[0].startswith("gpu.driver")] == expected


def test_no_gpu():
    assert triples(run(facts_of("no-gpu"), "gpu.present")) == [
        ("gpu.none", "fail", "Install the NVIDIA driver (Ubuntu shown), reboot, and confirm that nvidia-smi lists the "
                             "GPU; FLUX.2 [klein] needs an NVIDIA GPU :: sudo ubuntu-drivers install")]


def test_ampere_has_no_fp8_tensor_cores():
    assert triples(run(facts_of("rtx3090-fp8"), "gpu.fp8")) == [("gpu.fp8.no-tensor-cores", "info", None)]


def test_a_12_gib_card_on_diffusers_gets_the_offload_answer():
    """12 GiB holds enable_model_cpu_offload() (measured on the lent H200 with torch limited to 12 GB)."""
    (f,) = run(facts_of("two-gpus-cvd1"), "gpu.vram", path="diffusers")
    assert (f.code, f.status.value, f.fix) == ("gpu.vram.ok", "ok", None)
    assert f.title == ("12.0 GiB of VRAM: enough for BF16 through diffusers with enable_model_cpu_offload() (14.2 s per "
                       "image measured on an H200); BF16 through diffusers, fully resident (~20 GB) does not fit")


def test_an_8_gib_card_on_diffusers_is_pointed_at_comfyui_or_sequential_offload():
    f = raw("two-gpus-cvd1")
    for d in f["gpu"]["devices"]:
        d["memory_total_bytes"] = 8 * 1024**3
    (v,) = run(facts_of("two-gpus-cvd1", gpu=f["gpu"]), "gpu.vram", path="comfyui")
    assert v.code == "gpu.vram.path-too-big" and v.status.value == "warn"


@pytest.mark.parametrize("ram_gib,expected", [(64, ("system.ram.ok", "ok", None)),
                                              (8, ("system.ram.low", "warn", "Close other programs, add swap, or use "
                                                   "ComfyUI's FP8 files (smaller loads)"))])
def test_ram(ram_gib, expected):
    f = raw("h100-cu130")
    f["system"]["ram_total_bytes"] = ram_gib * 1024**3
    assert triples(run(facts_of("h100-cu130", system=f["system"]), "system.ram")) == [expected]


def test_unreadable_ram_is_unknown_not_low():
    f = raw("h100-cu130")
    f["system"]["ram_total_bytes"] = None
    assert triples(run(facts_of("h100-cu130", system=f["system"]), "system.ram")) == [
        ("system.ram.unknown", "warn", None)]


def test_a_failed_python_probe_skips_python_checks_with_the_reason():
    out = run(facts_of("h100-cu130", python={"requested": "/nope/python", "is_doctor_python": False,
                                             "duration_s": 0.0, "error": "interpreter not found: /nope/python"}),
              "attention.flash-attn", "attention.xformers")
    assert triples(out) == [("attention.flash-attn.not-judged", "skip", None),
                            ("attention.xformers.not-judged", "skip", None)]
    assert "interpreter not found: /nope/python" in out[0].title
