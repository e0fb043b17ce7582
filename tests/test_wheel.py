"""The installed wheel works on its own: manifests found, probe scripts shipped, no torch pulled in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import REPO


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_runs(tmp_path):
    dist = tmp_path / "dist"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO)],
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("klein_doctor-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "klein_doctor/_manifests/wheels.toml" in names and "klein_doctor/probe_scripts/torch_probe.py" in names
    assert "klein_doctor/checks/gpu.py" in names
    # one distinctive import package: nothing that could shadow (or be shadowed by) another `doctor` or `checks`
    assert {n.split("/")[0] for n in names} == {"klein_doctor", wheel.name.split("-")[0] + "-" + wheel.name.split("-")[1]
                                                 + ".dist-info"}

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    inst = subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], capture_output=True, text=True, timeout=600)
    assert inst.returncode == 0, inst.stderr[-3000:]
    freeze = subprocess.run([str(py), "-m", "pip", "list", "--format=json"], capture_output=True, text=True).stdout
    installed = {p["name"].lower() for p in json.loads(freeze)}
    assert "klein-doctor" in installed and "rich" in installed and "nvidia-ml-py" in installed
    assert not installed & {"torch", "diffusers", "transformers", "accelerate"}, "the doctor must not pull the diagnosed stack"

    exe = env_dir / ("Scripts/klein-doctor.exe" if os.name == "nt" else "bin/klein-doctor")
    # run from an unrelated folder so nothing in the checkout can be picked up
    run = subprocess.run([str(exe), "check", "--json"], capture_output=True, text=True, cwd=tmp_path, timeout=120,
                         env={**os.environ, "PYTHONPATH": "", "NO_COLOR": "1"})
    doc = json.loads(run.stdout)
    assert run.returncode == doc["exit_code"] in (0, 1), run.stderr
    assert not [f for f in doc["findings"] if f["status"] == "error"], doc["findings"]
    assert any(f["check"] == "torch.installed" for f in doc["findings"])
    assert any(f["check"] == "gpu.present" for f in doc["findings"])
    # and as a module, by its installed name
    mod = subprocess.run([str(py), "-m", "klein_doctor", "--version"], capture_output=True, text=True, cwd=tmp_path,
                         timeout=60, env={**os.environ, "PYTHONPATH": ""})
    assert mod.returncode == 0 and mod.stdout.startswith("klein-doctor "), mod.stderr
