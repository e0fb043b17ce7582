"""Checks judged on recorded and scenario machines, replayed with --facts as a maintainer would.

Each scenario changes one thing from a real H100 recording (see tests/data/facts/make_scenarios.py);
the test asserts the finding a user must see, its status, and the exact fix. Most replay in process
(tests/engine_kit.replay: the same pipeline, verdict and JSON document as `check --facts F --json`, in
milliseconds); a few stay end-to-end through the CLI (redaction, exit codes, the terminal text).
"""

from __future__ import annotations

import json

import pytest

from conftest import FACTS, codes, run_cli, run_json
from shellcheck_win import fix_lines, fix_str
from engine_kit import raw, replay


def findings(doc, code):
    return [f for f in doc["findings"] if f["code"] == code]


def test_real_h100_is_ready():
    rc, doc = replay("h100-cu130")
    assert rc == 0, doc["summary"]
    assert not codes(doc, "fail") and not codes(doc, "warn") and not codes(doc, "error")
    assert "gpu.found" in codes(doc, "ok") and "torch.arch.ok" in codes(doc, "ok") and "torch.kernel.ok" in codes(doc, "ok")
    assert doc["schema"] == "klein-doctor/2" and doc["tool"]["name"] == "klein-doctor"
    # No models were recorded on that machine: nothing failed, but "Ready" needs the model files judged.
    assert doc["verdict"]["state"] == "ready-partial"
    assert [n["area"] for n in doc["verdict"]["not_checked"]] == ["Model files"]
    assert doc["summary"]["total"] == len(doc["findings"])


def test_rtx5090_on_cu126_gets_the_cu128_reinstall():
    rc, doc = replay("rtx5090-torch271-cu126")
    assert rc == 1
    (f,) = findings(doc, "torch.arch.missing")
    assert f["status"] == "fail" and "sm_120" in f["title"]
    (line,) = fix_lines(f["fix"], "powershell")  # Windows: PowerShell first, cmd too
    # torch with the torchvision and torchaudio built with it, all from the cu128 index (wheels.toml [[companion]])
    assert line.endswith("-m pip install torch==2.7.1+cu128 torchvision==0.22.1+cu128 torchaudio==2.7.1+cu128 "
                         "--index-url https://download.pytorch.org/whl/cu128")
    assert line.startswith("C:\\ComfyUI_windows_portable\\python_embeded\\python.exe")
    # PyTorch's own lazily printed warning is shown as evidence
    assert any("not compatible with the current PyTorch installation" in e for e in f["evidence"])
    assert findings(doc, "torch.kernel.failed")[0]["status"] == "fail"


def test_rtx5090_driver_560():
    rc, doc = replay("rtx5090-driver560")
    assert rc == 1
    (f,) = findings(doc, "gpu.driver.too-old-for-gpu")
    assert "R570" in f["title"] and "580+" in f["title"]
    assert "nvidia-driver-580" in fix_str(f["fix"])


def test_driver_too_old_for_cuda13_wheel_offers_both_ways():
    rc, doc = replay("rtx4090-driver570-cu130")
    (f,) = findings(doc, "gpu.driver.too-old-for-wheel")
    assert f["status"] == "fail"
    assert "580" in fix_str(f["fix"]) and fix_lines(f["fix"], "posix")[0].endswith(
        "torch==2.11.0+cu128 torchvision==0.26.0+cu128 torchaudio==2.11.0+cu128 --index-url https://download.pytorch.org/whl/cu128")


def test_rtx3090_fp8_is_info_only():
    rc, doc = replay("rtx3090-fp8")
    assert rc == 0
    (f,) = findings(doc, "gpu.fp8.no-tensor-cores")
    assert f["status"] == "info" and "sm_86" in f["title"]


def test_no_gpu_is_a_finding_and_everything_else_runs():
    rc, doc = replay("no-gpu")
    assert rc == 1
    (f,) = findings(doc, "gpu.none")
    assert f["status"] == "fail" and f["fix"]
    assert any("NVML Shared Library Not Found" in e for e in f["evidence"])
    assert {"system.python.ok", "system.ram.ok", "torch.ok", "torch.cpu-build"} <= codes(doc)
    assert findings(doc, "torch.cpu-build")[0]["status"] == "info"
    assert not codes(doc, "error")


def test_cpu_torch_on_a_gpu_machine_fails_with_cuda_wheel():
    rc, doc = replay("cpu-torch-on-gpu")
    (f,) = findings(doc, "torch.cpu-build")
    assert f["status"] == "fail" and "whl/cu130" in fix_str(f["fix"]) and "torch==2.11.0+cu130 torchvision==0.26.0+cu130" in fix_str(f["fix"])


def test_broken_torch_import():
    rc, doc = replay("broken-torch-import")
    (f,) = findings(doc, "torch.import-error")
    assert f["status"] == "fail" and "libcudnn" in f["evidence"][0]
    assert "CUDA library" in f["title"]
    # the checks that need a working torch say nothing rather than guess
    assert not codes(doc) & {"torch.arch.ok", "torch.arch.missing", "torch.kernel.ok"}


def test_attention_overrides_on_rtx5090():
    rc, doc = replay("rtx5090-attention-overrides")
    assert rc == 1
    assert findings(doc, "attention.xformers.fa3-on-sm120")[0]["status"] == "fail"
    assert findings(doc, "attention.env.broken")[0]["status"] == "fail"
    (scan,) = findings(doc, "attention.scan.transformers-fa2")
    assert scan["status"] == "fail" and "run.py:12" in scan["title"] and "sdpa" in fix_str(scan["fix"])
    # flash-attn without sm_120 kernels is forced here (env, scanned scripts): the cause is a failure, and the
    # forced uses are its consequences.
    (fa,) = findings(doc, "attention.flash-attn.unusable")
    assert fa["status"] == "fail" and any(e.startswith("forced by: DIFFUSERS_ATTN_BACKEND") for e in fa["evidence"])
    assert findings(doc, "attention.env.broken")[0]["cause"] == "attention.flash-attn.unusable"
    assert "attention.flash-attn.unusable" in doc["verdict"]["root_causes"]
    assert "attention.env.broken" not in doc["verdict"]["root_causes"]


def test_second_gpu_selected_by_cuda_visible_devices():
    rc, doc = replay("two-gpus-cvd1")
    (f,) = findings(doc, "gpu.found")
    assert "RTX 3060" in f["title"] and "GPU 1 of 2" in f["title"] and "CUDA_VISIBLE_DEVICES=1" in f["title"]
    assert len([e for e in f["evidence"] if e.startswith("GPU ")]) == 2
    # A 12 GB card on the diffusers path gets the diffusers answer: CPU offload, with its measured cost.
    (v,) = findings(doc, "gpu.vram.ok")
    assert "enable_model_cpu_offload()" in v["title"] and "s per image" in v["title"]
    assert "fully resident (~20 GB) does not fit" in v["title"]


def test_gpu_flag_overrides_cuda_visible_devices():
    facts = raw("two-gpus-cvd1")
    facts["options"]["gpu"] = 0
    rc, doc = replay(facts)
    (f,) = findings(doc, "gpu.found")
    assert "H100" in f["title"] and "--gpu 0" in f["title"]


def test_cuda_visible_devices_hiding_every_gpu():
    facts = raw("h100-cu130")
    facts["system"]["env"]["CUDA_VISIBLE_DEVICES"] = "-1"
    rc, doc = replay(facts)
    (f,) = findings(doc, "gpu.hidden")
    assert f["status"] == "fail" and "CUDA_VISIBLE_DEVICES" in fix_str(f["fix"])


@pytest.mark.parametrize("name", sorted(p.stem for p in FACTS.glob("*.json")))
def test_every_recorded_machine_replays_without_error(name):
    import io

    from doctor.findings import Finding
    from doctor.render import terminal

    rc, doc = replay(name)
    assert rc in (0, 1) and not codes(doc, "error")
    assert doc["verdict"]["state"] in ("ready", "ready-partial", "not-ready")
    from doctor.verdict import compute

    found = [Finding.from_dict(f) for f in doc["findings"]]
    buf = io.StringIO()
    terminal.render(found, buf, verdict=compute(found, doc["facts"]["options"]))
    assert doc["verdict"]["headline"] in buf.getvalue()


@pytest.mark.parametrize("name", ["rtx5090-torch271-cu126", "h100-cu130", "no-gpu"])
def test_recorded_machines_through_the_cli(name):
    """End to end: the terminal text, its verdict line, and the exit code the JSON says."""
    proc = run_cli("check", "--facts", str(FACTS / f"{name}.json"))
    assert "Traceback" not in proc.stdout + proc.stderr
    rc, doc = run_json("--facts", str(FACTS / f"{name}.json"))
    assert proc.returncode == rc == doc["verdict"]["exit_code"]
    assert doc["verdict"]["headline"] in proc.stdout


def test_sageattention_on_an_unsupported_gpu():
    facts = raw("h100-cu130")
    facts["gpu"]["devices"][0].update(name="Tesla T4", compute_capability="7.5")
    facts["python"]["packages"]["sageattention"] = "2.2.0"
    rc, doc = replay(facts, "attention")
    (f,) = findings(doc, "attention.sage.unusable")
    assert f["status"] == "warn" and "sm_75" in f["title"] and "uninstall -y sageattention" in fix_str(f["fix"])
    facts["gpu"]["devices"][0].update(name="NVIDIA H100 80GB HBM3", compute_capability="9.0")
    rc, doc = replay(facts, "attention")
    assert findings(doc, "attention.sage.ok")


@pytest.mark.parametrize("name,gpu", [("device-real", "H100"), ("device-h200-final", "H200")])
def test_real_device_recording_is_judged_ready(name, gpu):
    """Facts recorded with `check --save-facts` on the lent GPUs (an H100, then an H200 with the final code)."""
    rc, doc = run_json("--facts", str(FACTS / f"{name}.json"), "--check", "gpu", "--check", "torch",
                       "--check", "attention", "--check", "system")
    assert rc == 0 and not codes(doc, "fail") and not codes(doc, "warn") and not codes(doc, "error")
    t = doc["facts"]["torch"]
    assert t["kernel_ok"] is True and "sm_90" in t["arch_flags"] and t["version"].endswith("+cu130")
    (f,) = findings(doc, "gpu.found")
    assert gpu in f["title"] and "sm_90" in f["title"]
    assert doc["facts"]["gpu"]["devices"][0]["uuid"] == "GPU-<redacted-uuid>"


def test_low_disk_warns_unless_the_files_are_already_there():
    facts = raw("h100-cu130")
    facts["system"]["disk"]["free_bytes"] = 2 * 10**9
    rc, doc = replay(facts, "system.disk")
    (f,) = findings(doc, "system.disk.low")
    assert f["status"] == "warn" and "12.5 GB" in f["title"]
    facts["models"] = {"files": [{"name": n, "path": f"/m/{n}", "folder_type": "x", "integrity": {"ok": True},
                                  "identity": {"role": r}} for n, r in (
        ("flux-2-klein-4b-fp8.safetensors", "diffusion_model"), ("qwen_3_4b.safetensors", "text_encoder"),
        ("flux2-vae.safetensors", "vae"))]}
    rc, doc = replay(facts, "system.disk")
    assert findings(doc, "system.disk.ok") and "already present" in findings(doc, "system.disk.ok")[0]["title"]
