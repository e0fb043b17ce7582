"""Runtime area: the diffusers stack and the torch family, judged in process on facts (exact codes, statuses
and fixes), plus the real import probe in real interpreters."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from doctor.pipeline import run_one
from doctor.registry import all_checks

PY = "/home/ana/venv/bin/python"


def run(check_id: str, facts: dict) -> list[tuple[str, str, str | None]]:
    (c,) = [c for c in all_checks() if c.id == check_id]
    facts = {"probe_errors": {}, "options": {}, **facts}
    from engine_kit import fix_of

    return [(f.code, f.status.value, fix_of(f.fix)) for f in run_one(c, facts)]


def pyfacts(packages: dict, torch_build: str | None = None, companions: dict | None = None) -> dict:
    return {"executable": PY, "packages": packages, "torch_build": {"found": bool(torch_build), "version": torch_build},
            "companion_builds": companions or {}}


GOOD = {"diffusers": "0.42.1", "transformers": "5.17.0", "accelerate": "1.15.0", "torch": "2.11.0"}


def test_diffusers_stack_ok_when_the_import_works():
    got = run("runtime.diffusers", {"python": pyfacts(GOOD), "runtime": {"tried": True, "ok": True, "seconds": 3.2,
                                                                         "python": PY}})
    assert got == [("runtime.diffusers.ok", "ok", None)]


def test_old_diffusers_is_the_one_cause_and_the_import_failure_follows_from_it():
    facts = {"python": pyfacts(dict(GOOD, diffusers="0.36.0")),
             "runtime": {"tried": True, "ok": False, "python": PY,
                         "error": "ImportError: cannot import name 'Flux2KleinPipeline' from 'diffusers'"}}
    got = run("runtime.diffusers", facts)
    assert got == [("runtime.diffusers.too-old", "fail",
                    f"Upgrade diffusers in the environment that runs Klein :: {PY} -m pip install -U 'diffusers>=0.37.0'"),
                   ("runtime.diffusers.import-failed", "info", None)]


def test_missing_transformers_and_accelerate():
    pk = {"diffusers": "0.42.1", "torch": "2.11.0"}
    got = run("runtime.diffusers", {"python": pyfacts(pk), "runtime": {"tried": False, "reason": "x"},
                                    "options": {"path": "diffusers"}})
    assert got == [("runtime.transformers.missing", "fail", "Install transformers into the environment that runs Klein"
                    f" :: {PY} -m pip install -U 'transformers>=4.51.0'"),
                   ("runtime.accelerate.missing", "warn", "Install accelerate into the environment that runs Klein"
                    f" :: {PY} -m pip install -U 'accelerate>=0.31.0'")]


def test_no_diffusers_is_info_unless_the_diffusers_path_was_chosen():
    pk = {"torch": "2.11.0"}
    assert run("runtime.diffusers", {"python": pyfacts(pk), "runtime": {"tried": False}}) == [
        ("runtime.diffusers.absent", "info", None)]
    got = run("runtime.diffusers", {"python": pyfacts(pk), "runtime": {"tried": False},
                                    "options": {"path": "diffusers"}})
    assert ("runtime.diffusers.missing", "fail", "Install diffusers into the environment that runs Klein"
            f" :: {PY} -m pip install -U 'diffusers>=0.37.0'") in got


def test_import_failure_without_a_version_cause_is_the_failure():
    facts = {"python": pyfacts(GOOD), "runtime": {"tried": True, "ok": False, "python": PY, "module": "torch",
                                                  "error": "OSError: libcudnn.so.9: cannot open shared object file"}}
    (code, status, fix), = run("runtime.diffusers", facts)
    assert (code, status) == ("runtime.diffusers.import-failed", "fail") and "'diffusers>=0.37'" in fix


def test_torch_family_one_release_one_build():
    facts = {"python": pyfacts({"torch": "2.7.1", "torchvision": "0.22.1", "torchaudio": "2.7.1"}, "2.7.1+cu128",
                               {"torchvision": "0.22.1+cu128", "torchaudio": "2.7.1+cu128"})}
    assert run("runtime.torch-family", facts) == [("runtime.torch-family.ok", "ok", None)]


def test_torch_family_build_mismatch_reinstalls_all_three_from_the_torch_index():
    # ComfyUI portable after `pip install torch --index-url .../cu128` alone: the companions stay cu126.
    facts = {"python": pyfacts({"torch": "2.7.1+cu128", "torchvision": "0.22.1+cu126", "torchaudio": "2.7.1+cu126"},
                               "2.7.1+cu128")}
    got = run("runtime.torch-family", facts)
    fix = ("Reinstall torch 2.7.1, torchvision 0.22.1 and torchaudio 2.7.1 together, one build (CUDA 12.8) :: "
           f"{PY} -m pip install --force-reinstall torch==2.7.1+cu128 torchvision==0.22.1+cu128 torchaudio==2.7.1+cu128 "
           "--index-url https://download.pytorch.org/whl/cu128")
    assert got == [("runtime.torch-family.build-mismatch", "fail", fix)]


def test_torch_family_release_mismatch_and_cpu_companion():
    facts = {"python": pyfacts({"torch": "2.8.0", "torchvision": "0.22.1", "torchaudio": "2.8.0"}, "2.8.0+cu128",
                               {"torchvision": "0.22.1+cpu", "torchaudio": "2.8.0+cu128"})}
    codes = [c for c, _, _ in run("runtime.torch-family", facts)]
    assert codes == ["runtime.torch-family.build-mismatch", "runtime.torch-family.version-mismatch"]


def test_torch_family_untagged_pypi_wheels_are_not_judged_by_build():
    facts = {"python": pyfacts({"torch": "2.11.0", "torchvision": "0.26.0", "torchaudio": "2.11.0"}, "2.11.0+cu130")}
    assert run("runtime.torch-family", facts) == [("runtime.torch-family.ok", "ok", None)]


def test_torch_family_on_the_real_recorded_machine():
    facts = json.loads((Path(__file__).parent / "data" / "facts" / "device-real.json").read_text())
    assert [c for c, _, _ in run("runtime.torch-family", facts)] == ["runtime.torch-family.ok"]


# --- the import probe in real interpreters ----------------------------------------------------------

SCRIPT = Path(__file__).resolve().parent.parent / "doctor" / "probe_scripts" / "runtime_probe.py"


def _probe(python: str) -> dict:
    out = subprocess.run([python, str(SCRIPT)], capture_output=True, text=True, timeout=300)
    return json.loads(out.stdout.split("@@KLEIN_DOCTOR_JSON@@")[1])


def test_import_probe_in_this_environment():
    diffusers = pytest.importorskip("diffusers")
    pytest.importorskip("transformers")
    if not hasattr(diffusers, "Flux2KleinPipeline"):
        pytest.skip("diffusers here is older than 0.37")
    got = _probe(sys.executable)
    assert got["ok"] is True and got["diffusers"] == diffusers.__version__


def test_import_probe_where_transformers_cannot_be_imported(tmp_path):
    """A real venv over this environment's packages in which transformers cannot be imported: diffusers'
    own import of the pipeline fails, and that real message is the fact."""
    pytest.importorskip("diffusers")
    venv = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site).mkdir(parents=True, exist_ok=True)
    import sysconfig

    (Path(site) / "parent.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")  # this env's real packages
    (Path(site) / "sitecustomize.py").write_text("import sys\nsys.modules['transformers'] = None\n")
    got = _probe(str(py))
    assert got["ok"] is False and "transformers" in got["error"], got


def test_check_path_diffusers_runs_the_import_in_the_target_python():
    """End to end: `check --path diffusers --check runtime` gathers the python and runtime facts and judges them."""
    diffusers = pytest.importorskip("diffusers")
    if not hasattr(diffusers, "Flux2KleinPipeline"):
        pytest.skip("diffusers here is older than 0.37")
    from conftest import run_json

    code, doc = run_json("--path", "diffusers", "--check", "runtime", "--no-server")
    by = {f["code"]: f for f in doc["findings"]}
    assert by["runtime.diffusers.ok"]["status"] == "ok", by
    assert doc["facts"]["runtime"]["tried"] is True and doc["facts"]["runtime"]["ok"] is True


# --- SageAttention forced where it cannot run -----------------------------------------------------------

def _sage_facts(devices: list, sage: str, cuda: str | None = "12.8") -> dict:
    return {"system": {"env": {"DIFFUSERS_ATTN_BACKEND": "sage"}, "os": "linux"},
            "gpu": {"devices": devices},
            "python": {"executable": PY, "packages": {"torch": "2.7.1", "sageattention": sage},
                       "torch_build": {"found": True, "version": "2.7.1+cu128" if cuda else "2.7.1+cpu", "cuda": cuda}}}


RTX5090 = {"index": 0, "name": "NVIDIA GeForce RTX 5090", "compute_capability": "12.0", "memory_total_bytes": 34190917632}
RTX4090 = {"index": 0, "name": "NVIDIA GeForce RTX 4090", "compute_capability": "8.9", "memory_total_bytes": 25757220864}


@pytest.mark.parametrize("devices,sage,cuda,why", [
    ([], "2.2.0", "12.8", "no NVIDIA GPU is visible"),
    ([RTX4090], "2.2.0", None, "CPU-only build"),
    ([RTX5090], "1.0.6", "12.8", "1.x is Triton-only"),
])
def test_sage_forced_where_it_cannot_run_is_a_failure(devices, sage, cuda, why):
    from doctor.pipeline import run_one as one

    (c,) = [c for c in all_checks() if c.id == "attention.env"]
    got = one(c, {"probe_errors": {}, "options": {}, **_sage_facts(devices, sage, cuda)})
    (f,) = got
    assert f.code == "attention.env.broken" and f.status.value == "fail" and why in f.title, f.title
    assert "can run here" not in f.title


def test_sage_forced_where_it_can_run_is_not_a_failure():
    (c,) = [c for c in all_checks() if c.id == "attention.env"]
    (f,) = run_one(c, {"probe_errors": {}, "options": {}, **_sage_facts([RTX5090], "2.2.0")})
    assert f.code == "attention.env.override" and f.status.value == "info"
