"""Probes against real things: the real CPU torch, a stand-in nvidia-smi executable, /proc text, a
hanging child. No mocks of our own code: the probes run as they do for a user."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import SHARED, run_json
from shellcheck_win import fix_str
from doctor import subproc
from doctor.probes import gpu as gpu_probe
from doctor.probes.attention import scan_paths

H100 = SHARED / "fixtures" / "gpu" / "h100-torch2.11-cu130"


def torch_python() -> str | None:
    """An interpreter with the real CPU torch: this one if it has torch, else KLEIN_TEST_TORCH_PYTHON."""
    env = os.environ.get("KLEIN_TEST_TORCH_PYTHON")
    if env:
        return env
    try:
        import importlib.util

        if importlib.util.find_spec("torch") is not None:
            return sys.executable
    except Exception:  # noqa: BLE001
        pass
    return None


def write_stand_in_smi(folder: Path, query_csv: str, banner: str, reject_field: str | None = None) -> Path:
    """An `nvidia-smi` executable that answers like the real one recorded on an H100."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "query.csv").write_text(query_csv)
    (folder / "banner.txt").write_text(banner)
    script = folder / "nvidia-smi"
    script.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import sys, pathlib
        here = pathlib.Path(__file__).parent
        args = sys.argv[1:]
        q = next((a for a in args if a.startswith("--query-gpu=")), None)
        if q is None:
            sys.stdout.write((here / "banner.txt").read_text()); sys.exit(0)
        fields = q.split("=", 1)[1].split(",")
        bad = {reject_field!r}
        if bad and bad in fields:
            print('Field "%s" is not a valid field to query.' % bad); sys.exit(2)
        rows = [line.split(", ") for line in (here / "query.csv").read_text().splitlines() if line.strip()]
        full = ["index","name","uuid","driver_version","compute_cap","memory.total","memory.free","memory.used",
                "pci.bus_id","pcie.link.gen.current","pcie.link.width.current","clocks.sm","clocks.max.sm","power.limit"]
        for r in rows:
            vals = dict(zip(full, r))
            print(", ".join(vals.get(f, "[N/A]") for f in fields))
        """))
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return script


def h100_query_rows() -> str:
    """The recorded noheader/nounits row, reordered to the probe's field list (the recording has extra
    fields: temperature, and clocks before power)."""
    rec = (H100 / "nvidia-smi-query-noheader-nounits.csv").read_text().strip().split(", ")
    hdr = [h.split(" [")[0] for h in (H100 / "nvidia-smi-query.csv").read_text().splitlines()[0].split(", ")]
    m = dict(zip(hdr, rec))
    m["clocks.sm"], m["clocks.max.sm"] = m.pop("clocks.current.sm"), m["clocks.max.sm"]
    order = ["index", "name", "uuid", "driver_version", "compute_cap", "memory.total", "memory.free", "memory.used",
             "pci.bus_id", "pcie.link.gen.current", "pcie.link.width.current", "clocks.sm", "clocks.max.sm", "power.limit"]
    return ", ".join(m[k] for k in order) + "\n"


def test_nvidia_smi_csv_parser_on_the_recorded_h100(shared):
    rows = gpu_probe.parse_smi_csv(h100_query_rows(), gpu_probe.SMI_FIELDS)
    (d,) = rows
    assert d["name"] == "NVIDIA H100 80GB HBM3" and d["compute_capability"] == "9.0"
    assert d["memory_total_bytes"] == 81559 * 1024 * 1024 and d["pcie_width"] == 16 and d["sm_clock_max_mhz"] == 1980
    # the csv form with units parses to the same numbers
    with_units = (H100 / "nvidia-smi-query.csv").read_text().splitlines()[1]
    hdr = [h.split(" [")[0].replace("clocks.current.sm", "clocks.sm")
           for h in (H100 / "nvidia-smi-query.csv").read_text().splitlines()[0].split(", ")]
    (u,) = gpu_probe.parse_smi_csv(with_units, hdr)
    assert u["memory_total_bytes"] == d["memory_total_bytes"] and u["power_limit_w"] == 700.0


def test_banner_and_proc_parsers(shared):
    b = gpu_probe.parse_smi_banner((H100 / "nvidia-smi.txt").read_text())
    assert b == {"driver_version": "580.159.04", "cuda_driver_version": "13.0"}
    assert gpu_probe.parse_proc_version((H100 / "proc-driver-nvidia-version.txt").read_text()) == "580.159.04"
    legacy = "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.183.01  Sun May 12 19:39:15 UTC 2024\n"
    assert gpu_probe.parse_proc_version(legacy) == "535.183.01"


def test_proc_fallback_reads_models(tmp_path, shared):
    root = tmp_path / "nvidia"
    (root / "gpus" / "0000:01:00.0").mkdir(parents=True)
    (root / "version").write_text((H100 / "proc-driver-nvidia-version.txt").read_text())
    (root / "gpus" / "0000:01:00.0" / "information").write_text("Model: \t\t NVIDIA GeForce RTX 5090\nIRQ: 185\n")
    out = gpu_probe.read_proc(str(root))
    assert out["driver_version"] == "580.159.04" and out["devices"][0]["name"] == "NVIDIA GeForce RTX 5090"


def test_stand_in_nvidia_smi_on_path(tmp_path, shared):
    """NVML is absent on this machine, so the probe must fall back to the nvidia-smi on PATH."""
    bindir = tmp_path / "bin"
    write_stand_in_smi(bindir, h100_query_rows(), (H100 / "nvidia-smi.txt").read_text())
    rc, doc = run_json("--check", "gpu", env={"PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}"})
    g = doc["facts"]["gpu"]
    if g["source"] == "nvml":
        pytest.skip("this machine has a real NVML")
    assert g["source"] == "nvidia-smi" and g["driver_version"] == "580.159.04" and g["cuda_driver_version"] == "13.0"
    assert g["devices"][0]["compute_capability"] == "9.0"
    assert any(f["code"] == "gpu.found" and "H100" in f["title"] for f in doc["findings"])
    # redacted by default: the UUID never reaches the output
    assert "11111111-2222" not in json.dumps(doc)


def test_old_driver_without_compute_cap_field(tmp_path, shared):
    """Drivers before ~510 reject the compute_cap field: the probe retries without it and the capability
    comes from the GPU name table, saying so."""
    bindir = tmp_path / "bin"
    row = h100_query_rows().replace("NVIDIA H100 80GB HBM3", "NVIDIA GeForce RTX 3090")
    write_stand_in_smi(bindir, row, (H100 / "nvidia-smi.txt").read_text(), reject_field="compute_cap")
    rc, doc = run_json("--check", "gpu", env={"PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}"})
    if doc["facts"]["gpu"]["source"] == "nvml":
        pytest.skip("this machine has a real NVML")
    d = doc["facts"]["gpu"]["devices"][0]
    assert d["compute_capability"] is None and d["name"] == "NVIDIA GeForce RTX 3090"
    (f,) = [f for f in doc["findings"] if f["code"] == "gpu.found"]
    assert "sm_86" in f["title"]


def test_failing_nvidia_smi_is_reported_not_raised(tmp_path):
    bindir = tmp_path / "bin"
    bindir.mkdir()
    smi = bindir / "nvidia-smi"
    smi.write_text('#!/bin/sh\necho "NVIDIA-SMI has failed because it couldn\'t communicate with the NVIDIA driver."\nexit 9\n')
    smi.chmod(0o755)
    rc, doc = run_json("--check", "gpu", env={"PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}"})
    if doc["facts"]["gpu"]["source"] == "nvml":
        pytest.skip("this machine has a real NVML")
    (f,) = [f for f in doc["findings"] if f["code"] == "gpu.none"]
    assert any("couldn" in e and "communicate" in e for e in f["evidence"])


def test_real_cpu_torch_probe():
    py = torch_python()
    if py is None:
        pytest.skip("no interpreter with torch (CI installs torch==2.13.0)")
    rc, doc = run_json("--python", py)
    t = doc["facts"]["torch"]
    assert t["ran"] and t["installed"] and t["version"].startswith("2.") and t["cuda"] is None
    assert t["is_available"] is False and t["arch_flags"] == []
    assert doc["facts"]["python"]["torch_build"]["version"] == t["version"]  # read from version.py without import
    codes = {f["code"]: f for f in doc["findings"]}
    assert codes["torch.ok"]["status"] == "ok"
    assert codes["torch.cpu-build"]["status"] == "info"  # no GPU here either


def test_missing_interpreter_is_a_finding():
    rc, doc = run_json("--python", "/nonexistent/python3")
    (f,) = [f for f in doc["findings"] if f["code"] == "python.unusable"]
    assert f["status"] == "fail" and "--python" in fix_str(f["fix"])


def test_broken_torch_import_in_a_real_interpreter(tmp_path):
    """A torch package whose import raises, as a missing libcudnn does: the probe reports PyTorch's words."""
    site = tmp_path / "site"
    (site / "torch").mkdir(parents=True)
    (site / "torch" / "__init__.py").write_text("raise OSError('libcudnn.so.9: cannot open shared object file: No such file or directory')\n")
    (site / "torch" / "version.py").write_text("__version__ = '2.8.0+cu128'\ncuda = '12.8'\nhip = None\n")
    wrapper = tmp_path / "python"
    wrapper.write_text(f"#!/bin/sh\nPYTHONPATH={site} exec {sys.executable} \"$@\"\n")
    wrapper.chmod(0o755)
    rc, doc = run_json("--python", str(wrapper), "--check", "torch")
    assert doc["facts"]["python"]["torch_build"] == {"found": True, "location": str(site / "torch").replace(os.path.expanduser("~"), "~"),
                                                      "version": "2.8.0+cu128", "cuda": "12.8", "hip": None}
    (f,) = [f for f in doc["findings"] if f["code"] == "torch.import-error"]
    assert "libcudnn.so.9" in f["evidence"][0]


def test_child_that_hangs_is_killed_within_its_bound(tmp_path):
    script = subproc.SCRIPTS / "pyenv_probe.py"
    hang = tmp_path / "python"
    hang.write_text("#!/bin/sh\nsleep 30\n")
    hang.chmod(0o755)
    res = subproc.run_script(str(hang), script.name, timeout=1.0)
    assert res.data is None and "timed out after 1 s" in res.error and res.duration_s < 10


def test_child_that_crashes_is_reported(tmp_path):
    crash = tmp_path / "python"
    crash.write_text("#!/bin/sh\necho 'Segmentation fault' >&2\nkill -SEGV $$\n")
    crash.chmod(0o755)
    res = subproc.run_script(str(crash), "pyenv_probe.py", timeout=10)
    assert res.data is None and "signal" in res.error and "Segmentation" in res.stderr


def test_attention_scan_finds_overrides_with_file_and_line(tmp_path):
    (tmp_path / "custom_nodes" / "fast").mkdir(parents=True)
    (tmp_path / "custom_nodes" / "fast" / "nodes.py").write_text(
        "import torch\nfrom flash_attn import flash_attn_func\nmodel = M.from_pretrained(p, attn_implementation='flash_attention_2')\n")
    (tmp_path / "run_nvidia_gpu.bat").write_text(".\\python_embeded\\python.exe -s ComfyUI\\main.py --windows-standalone-build --use-flash-attention\r\npause\r\n")
    (tmp_path / "config.json").write_text('{"_attn_implementation": "flash_attention_2"}')
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.py").write_text("attn_implementation='flash_attention_2'\n")  # skipped
    out = scan_paths([str(tmp_path)])
    got = {(Path(h["file"]).name, h["line"], h["pattern"]) for h in out["hits"]}
    assert got == {("nodes.py", 2, "flash-attn-direct"), ("nodes.py", 3, "transformers-fa2"),
                   ("run_nvidia_gpu.bat", 1, "comfy-flash-flag"), ("config.json", 1, "config-attn-impl")}


def test_a_scan_that_read_no_file_is_no_clean_bill(tmp_path):
    """`--scan TYPO` or a folder without scripts once read '✓ No attention overrides in 0 scanned files' beside
    the missing-path warning: nothing read is a skip, not an ok; one file read and clean is the ok."""
    (tmp_path / "empty").mkdir()
    for args in (["--scan", str(tmp_path / "custom_nodez")], ["--scan", str(tmp_path / "empty")]):
        rc, doc = run_json(*args, "--check", "attention.scan", "--no-server", cwd=tmp_path)
        got = {f["code"]: f["status"] for f in doc["findings"]}
        assert "attention.scan.clean" not in got and got["attention.scan.empty"] == "skip", got
    assert got == {"attention.scan.empty": "skip"}
    (tmp_path / "empty" / "run.py").write_text("import torch\n")
    rc, doc = run_json("--scan", str(tmp_path / "empty"), "--check", "attention.scan", "--no-server", cwd=tmp_path)
    assert [(f["code"], f["title"]) for f in doc["findings"]] == [("attention.scan.clean", "No attention overrides in 1 scanned file")]


def test_probe_module_timings_recorded():
    rc, doc = run_json("--check", "system")
    assert set(doc["facts"]["probe_durations"]) >= {"system"}
    assert doc["facts"]["probe_errors"] == {}


@pytest.mark.parametrize("files,env,expected", [
    ({}, {}, None),
    ({".dockerenv": ""}, {}, "docker"),
    ({"run/.containerenv": "engine=\"podman-5.2\"\n"}, {}, "podman"),  # podman and toolbox / distrobox
    ({".dockerenv": ""}, {"KUBERNETES_SERVICE_HOST": "10.96.0.1"}, "kubernetes"),
    ({"proc/1/cgroup": "0::/kubepods.slice/kubepods-burstable.slice/cri-containerd-3f2a.scope\n"}, {}, "kubernetes"),
    ({"proc/1/cgroup": "12:pids:/docker/0f1e2d3c\n"}, {}, "docker"),
    ({"proc/1/cgroup": "0::/init.scope\n"}, {}, None),  # a plain systemd host (cgroup v2)
    ({"proc/1/cgroup": "0::/\n"}, {"container": "systemd-nspawn"}, "systemd-nspawn"),
    ({}, {"APPTAINER_CONTAINER": "/scratch/u/comfy.sif"}, "apptainer"),  # an HPC cluster's image
])
def test_container_kind_from_real_marker_files(tmp_path, files, env, expected):
    from doctor.probes.system import container_kind

    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    assert container_kind(str(tmp_path), env) == expected


def test_os_release_family_fields(tmp_path):
    from doctor.probes.system import os_release

    p = tmp_path / "os-release"
    p.write_text('PRETTY_NAME="Linux Mint 22.1"\nNAME="Linux Mint"\nVERSION_ID="22.1"\nID=linuxmint\n'
                 'ID_LIKE="ubuntu debian"\n')
    assert os_release(str(p)) == {"distro": "Linux Mint 22.1", "distro_id": "linuxmint",
                                  "distro_like": ["ubuntu", "debian"], "distro_version": "22.1"}
    p.write_text("NAME=Fedora Linux\nID=fedora\nVERSION_ID=41\n")  # unquoted values, no ID_LIKE
    assert os_release(str(p)) == {"distro": "Fedora Linux", "distro_id": "fedora", "distro_like": [],
                                  "distro_version": "41"}
    assert os_release(str(tmp_path / "missing")) == {"distro": None}
    p.write_bytes(b"\xff\xfe garbage without an equals sign\n")
    assert os_release(str(p))["distro"] is None


def test_system_probe_records_who_runs_it_and_where():
    """The facts a driver command depends on: the user id (root drops sudo), sudo's presence, the container."""
    from doctor.probes.system import container_kind, os_release

    _, out = run_json("--check", "gpu.present")
    s = out["facts"]["system"]
    assert s["euid"] == os.geteuid() and s["has_sudo"] == (shutil.which("sudo") is not None)
    assert s["container"] == container_kind() and s["distro_id"] == os_release().get("distro_id")


def _tiny_wheel(folder) -> str:
    """A real, minimal wheel (no dependencies) for pip to resolve without an index."""
    import zipfile

    path = folder / "kleintiny-1.0-py3-none-any.whl"
    files = {"kleintiny/__init__.py": "",
             "kleintiny-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: kleintiny\nVersion: 1.0\n",
             "kleintiny-1.0.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    record = "".join(f"{n},,\n" for n in files) + "kleintiny-1.0.dist-info/RECORD,,\n"
    with zipfile.ZipFile(path, "w") as z:
        for n, text in {**files, "kleintiny-1.0.dist-info/RECORD": record}.items():
            z.writestr(n, text)
    return str(path)


def test_an_externally_managed_system_python_gets_pip_commands_that_pip_accepts(tmp_path, monkeypatch):
    """Debian 12's /usr/bin/python3 (this build machine's) carries PEP 668's EXTERNALLY-MANAGED marker: pip refuses
    `pip install` there. The probe sees it, the doctor's pip commands carry --break-system-packages, and real pip
    accepts the command as built (a dry run of a local wheel), where the same command without it is refused;
    PIP_BREAK_SYSTEM_PACKAGES=1 already says install anyway, and then no flag is added. A venv is never managed."""
    import glob
    import subprocess as sp

    from doctor.platform_rules import pip_argv, refuses_installs

    system_py = "/usr/bin/python3"
    if not glob.glob("/usr/lib/python3*/EXTERNALLY-MANAGED") or not os.path.exists(system_py):
        pytest.skip("no externally managed system Python here")
    monkeypatch.delenv("PIP_BREAK_SYSTEM_PACKAGES", raising=False)
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("HOME", str(tmp_path))
    py = subproc.run_script(system_py, "pyenv_probe.py", timeout=60).data
    if not py or not py.get("has_pip") or py.get("break_system_packages"):
        pytest.skip("the system Python has no pip, or its pip.conf already breaks system packages")
    assert py["env_kind"] == "system" and py["externally_managed"] is True and refuses_installs(py)
    wheel = _tiny_wheel(tmp_path)
    quiet = ["--dry-run", "--no-deps", "--no-index", "--disable-pip-version-check"]
    argv = pip_argv(system_py, ["install", wheel], py)
    assert argv[:5] == [system_py, "-m", "pip", "install", "--break-system-packages"]
    ok_run = sp.run(argv + quiet, capture_output=True, text=True, timeout=120)
    assert ok_run.returncode == 0, ok_run.stderr
    assert "Would install kleintiny-1.0" in ok_run.stdout
    bare = sp.run([system_py, "-m", "pip", "install", wheel] + quiet, capture_output=True, text=True, timeout=120)
    assert bare.returncode != 0 and "externally-managed-environment" in bare.stdout + bare.stderr
    # uninstall takes it too; pip's other subcommands (list, show, download) need nothing
    assert "--break-system-packages" in pip_argv(system_py, ["uninstall", "-y", "kleintiny"], py)
    assert "--break-system-packages" not in pip_argv(system_py, ["list"], py)
    # told already: no flag, and pip accepts the plain command
    monkeypatch.setenv("PIP_BREAK_SYSTEM_PACKAGES", "1")
    told = subproc.run_script(system_py, "pyenv_probe.py", timeout=60).data
    assert told["break_system_packages"] is True and not refuses_installs(told)
    plain = pip_argv(system_py, ["install", wheel], told)
    assert "--break-system-packages" not in plain
    assert sp.run(plain + quiet, capture_output=True, text=True, timeout=120).returncode == 0
    monkeypatch.delenv("PIP_BREAK_SYSTEM_PACKAGES")
    # pip.conf saying so counts as well
    conf = tmp_path / "pip.conf"
    conf.write_text("[global]\nbreak-system-packages = true\n", encoding="utf-8")
    monkeypatch.setenv("PIP_CONFIG_FILE", str(conf))
    assert subproc.run_script(system_py, "pyenv_probe.py", timeout=60).data["break_system_packages"] is True
    # a virtual environment is never externally managed
    venv = subproc.run_script(sys.executable, "pyenv_probe.py", timeout=60).data
    assert venv["externally_managed"] is False and not refuses_installs(venv)
    # an old pip (before PEP 668) ignores the marker and does not know the option
    assert not refuses_installs(dict(py, pip_version="22.3.1"))
