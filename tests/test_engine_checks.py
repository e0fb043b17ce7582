"""Check tests in the anchors' style (Flutter's validator tests with a fake platform): typed facts in, exact
(code, status, fix) tuples out, in process, milliseconds each (tests/engine_kit.py)."""

from __future__ import annotations

import pytest
from engine_kit import facts_of, raw, run, triples

DRIVER_580 = ("Install NVIDIA driver 580 or newer, e.g. on Ubuntu: `sudo apt install nvidia-driver-580-open` "
              "(or `sudo ubuntu-drivers install`), then reboot")


def test_driver_too_old_for_the_gpu():
    assert triples(run(facts_of("rtx5090-driver560"), "gpu.driver")) == [
        ("gpu.driver.too-old-for-gpu", "fail", DRIVER_580)]


def test_driver_570_with_a_cu130_wheel_alone_says_what_the_full_run_says():
    """`--check gpu.driver` reads the wheel's CUDA (torch facts, declared): it is not ok alone and fail in full."""
    expected = [("gpu.driver.too-old-for-wheel", "fail",
                 DRIVER_580 + "; or keep this driver and install a PyTorch built for it: `/opt/torch/.venv/bin/python3 "
                 "-m pip install --force-reinstall torch==2.11.0 --index-url https://download.pytorch.org/whl/cu128`")]
    assert triples(run(facts_of("rtx4090-driver570-cu130"), "gpu.driver")) == expected
    assert [t for t in triples(run(facts_of("rtx4090-driver570-cu130"))) if t[0].startswith("gpu.driver")] == expected


def test_no_gpu():
    assert triples(run(facts_of("no-gpu"), "gpu.present")) == [
        ("gpu.none", "fail", "Install the NVIDIA driver (Ubuntu: `sudo ubuntu-drivers install`), reboot, and confirm "
                             "with `nvidia-smi`; FLUX.2 [klein] needs an NVIDIA GPU")]


def test_ampere_has_no_fp8_tensor_cores():
    assert triples(run(facts_of("rtx3090-fp8"), "gpu.fp8")) == [("gpu.fp8.no-tensor-cores", "info", None)]


def test_a_12_gib_card_on_diffusers_is_pointed_at_comfyui():
    assert triples(run(facts_of("two-gpus-cvd1"), "gpu.vram", path="diffusers")) == [
        ("gpu.vram.path-too-big", "warn", "klein-doctor check --path comfyui")]


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
