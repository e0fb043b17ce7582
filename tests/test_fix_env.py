"""`klein-doctor fix` on real Python environments: a real venv (no system site-packages, so nothing hides the
change) where a real attention package is removed and restored, and where PyTorch is installed by pip from
a local wheel folder and taken out again by undo.

This build machine has no GPU; KLEIN_DOCTOR_FAKE_GPU_FACTS puts a recorded GPU into the gathered facts so
the GPU-dependent verdicts apply. Everything else — the interpreter, its packages, pip — is real.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FACTS, run_cli

WHEELS = Path("/opt/wheels")


def make_venv(path: Path) -> Path:
    """A plain venv with its own pip (from the interpreter's bundled ensurepip wheel: offline)."""
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, capture_output=True)
    return path / "bin" / "python"


def sage_wheel(d: Path) -> Path:
    """sageattention 1.0.6 (pure Python, 20 kB) from the package index; tests never need the internet, so
    without it a wheel of the same name is built from a local source folder."""
    out = d / "wheels"
    out.mkdir(exist_ok=True)
    r = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(out),
                        "sageattention==1.0.6", "--timeout", "15"], capture_output=True)
    if r.returncode == 0 and list(out.glob("sageattention-*.whl")):
        return out
    src = d / "sagesrc"
    (src / "sageattention").mkdir(parents=True)
    (src / "sageattention" / "__init__.py").write_text("def sageattn(*a, **k):\n    raise RuntimeError('no kernels')\n")
    (src / "pyproject.toml").write_text('[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n'
                                        '[project]\nname = "sageattention"\nversion = "1.0.6"\n')
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(src)],
                   check=True, capture_output=True)
    return out


def t4_facts(d: Path) -> Path:
    """The recorded RTX 3090 machine with its GPU turned into a Turing card (sm_75: no SageAttention kernels)."""
    facts = json.loads((FACTS / "rtx3090-fp8.json").read_text())
    dev = facts["gpu"]["devices"][0]
    dev["name"], dev["compute_capability"] = "Tesla T4", "7.5"
    p = d / "t4.json"
    p.write_text(json.dumps(facts))
    return p


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"KLEIN_DOCTOR_STATE_DIR": str(tmp_path / "state"), "HOME": str(tmp_path / "home"), "COMFYUI_PATH": "",
            "KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "cache"), **extra}


def copy_torch_dependencies(py: Path) -> None:
    """torch's own requirements (filelock, sympy, ...), copied file by file from the test runner's environment
    into the venv's site-packages with their dist-info, so pip sees them installed and needs no index for them.
    torch itself is not copied: the fix has to install it."""
    import importlib.metadata as md
    import shutil

    from packaging.requirements import Requirement

    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    todo, seen = [r for r in md.requires("torch") or []], set()
    while todo:
        req = Requirement(todo.pop())
        if req.marker and not req.marker.evaluate({"extra": ""}) or req.name.lower() in seen:
            continue
        seen.add(req.name.lower())
        dist = md.distribution(req.name)
        for f in dist.files or []:
            src = Path(dist.locate_file(f))
            if src.is_file() and not str(f).startswith(".."):
                (site / f).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, site / f)
        todo += dist.requires or []


def imports(py: Path, mod: str) -> bool:
    """Whether the interpreter finds the module (sageattention itself imports torch and triton, absent here)."""
    code = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({mod!r}) is None)"
    return subprocess.run([str(py), "-c", code], capture_output=True).returncode == 0


@pytest.mark.slow
def test_attention_package_without_kernels_removed_then_restored(tmp_path):
    py = make_venv(tmp_path / "venv")
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-index", "--no-deps", "--find-links",
                    str(sage_wheel(tmp_path)), "sageattention"], check=True, capture_output=True)
    assert imports(py, "sageattention")
    e = env(tmp_path, KLEIN_DOCTOR_FAKE_GPU_FACTS=str(t4_facts(tmp_path)))
    r = run_cli("fix", "--python", str(py), "--check", "attention.sage", "--dry-run", env=e, cwd=tmp_path)
    assert r.returncode == 0 and "Remove sageattention 1.0.6" in r.stdout and "attention.sage.unusable" in r.stdout
    assert imports(py, "sageattention")

    r = run_cli("fix", "--python", str(py), "--check", "attention.sage", "--yes", env=e, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "cured" in r.stdout and "not cured" not in r.stdout
    assert not imports(py, "sageattention")  # gone for the interpreter, not only for pip
    pip_list = subprocess.run([str(py), "-m", "pip", "list", "--format", "json"], capture_output=True, text=True).stdout
    assert "sageattention" not in pip_list
    backup = list((tmp_path / "venv" / ".klein-doctor-backup").rglob("*"))
    assert any(p.name.endswith("__init__.py") for p in backup)  # moved, not deleted

    u = run_cli("fix", "--undo", env=e, cwd=tmp_path)
    assert u.returncode == 0, u.stdout + u.stderr
    assert imports(py, "sageattention")
    assert "sageattention" in subprocess.run([str(py), "-m", "pip", "show", "sageattention"], capture_output=True,
                                             text=True).stdout


def test_uv_made_environment_plans_uv(tmp_path):
    """A venv made by uv (ComfyUI Desktop's .venv is one) is installed into with uv, not pip."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "venv")], check=True)
    py = tmp_path / "venv" / "bin" / "python"
    cfg = tmp_path / "venv" / "pyvenv.cfg"
    cfg.write_text(cfg.read_text() + "uv = 0.9.5\n")
    e = env(tmp_path, KLEIN_DOCTOR_FAKE_GPU_FACTS=str(FACTS / "rtx5090-torch271-cu126.json"))
    r = run_cli("fix", "--python", str(py), "--check", "torch.installed", "--dry-run", env=e, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    line = next(ln for ln in r.stdout.splitlines() if "command:" in ln).split("command:", 1)[1].strip()
    assert line.startswith(f"uv pip install --python {py} torch==2.11.0 --index-url https://download.pytorch.org/whl/")


@pytest.mark.slow
@pytest.mark.skipif(not list(WHEELS.glob("torch-2.13.0*.whl")), reason="no local torch wheel in /opt/wheels")
def test_torch_installed_into_a_real_venv_by_pip_then_undone(tmp_path):
    py = make_venv(tmp_path / "venv")
    copy_torch_dependencies(py)
    empty = tmp_path / "index"
    empty.mkdir()
    e = env(tmp_path)
    args = ("--python", str(py), "--check", "torch.installed", "--torch-index", empty.as_uri(),
            "--find-links", str(WHEELS))
    r = run_cli("fix", *args, "--torch-version", "2.13.0", "--yes", env=e, cwd=tmp_path, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "torch.missing" in r.stdout and "cured" in r.stdout
    v = subprocess.run([str(py), "-c", "import torch; print(torch.__version__, torch.__file__)"], capture_output=True, text=True)
    version, init = v.stdout.split()
    assert version == "2.13.0+cpu"
    inode = os.stat(init).st_ino

    # On an RTX 5090 this CPU build is the wrong one: the repair swaps it (old files moved out, pip installs);
    # the local folder only has the CPU build again, so the re-check says "not cured", and undo brings back
    # the very files that were there (same inode), not a reinstall.
    e5090 = dict(e, KLEIN_DOCTOR_FAKE_GPU_FACTS=str(FACTS / "rtx5090-torch271-cu126.json"))
    r = run_cli("fix", *args[:4], "--check", "torch.cuda-build", *args[4:], "--torch-version", "2.13.0", "--yes",
                env=e5090, cwd=tmp_path, timeout=600)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "torch.cpu-build" in r.stdout and "not cured" in r.stdout
    assert os.stat(init).st_ino != inode  # a fresh install of the files
    u = run_cli("fix", "--undo", env=e5090, cwd=tmp_path)
    assert u.returncode == 0, u.stdout + u.stderr
    assert os.stat(init).st_ino == inode
    assert subprocess.run([str(py), "-c", "import torch; print(torch.__version__)"], capture_output=True,
                          text=True).stdout.strip() == "2.13.0+cpu"

    u = run_cli("fix", "--undo", env=e, cwd=tmp_path)
    assert u.returncode == 0, u.stdout + u.stderr
    assert not imports(py, "torch")
    c = run_cli("check", "--json", "--python", str(py), "--check", "torch.installed", env=e, cwd=tmp_path)
    assert "torch.missing" in {f["code"] for f in json.loads(c.stdout)["findings"]}


TORCH_NEXT = sorted(Path("/opt/pypi-more/files").glob("torch-2.14.1-cp311-*.whl"))
NEXT_INDEX = "file:///opt/pypi-more/simple"   # torch 2.14.1 (a CUDA 13 build), its nvidia-* and cuda-toolkit wheels


@pytest.fixture(scope="session")
def torch_next_links(tmp_path_factory) -> Path:
    """A --find-links folder with what torch 2.14.1 needs beyond NEXT_INDEX: triton and nvidia-cuda-runtime
    from the local registry's other index (linked, not copied), and cuda-bindings, which no local index has:
    the real wheel from the package index when it answers, else a stand-in of that name (torch does not import
    it at import time). Made once per session."""
    links = tmp_path_factory.mktemp("torch-next-links")
    for pat in ("triton-3.8.0-cp311-*.whl", "nvidia_cuda_runtime-13.0.96-*.whl"):
        for f in Path("/opt/pypi/files").glob(pat):
            (links / f.name).symlink_to(f)
    r = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary", ":all:", "-d",
                        str(links), "cuda-bindings>=13.0.3,<14", "--timeout", "15"], capture_output=True)
    if r.returncode != 0 or not list(links.glob("cuda_bindings-*.whl")):
        tiny_wheel(links, "cuda-bindings", "13.0.3", {"cuda/bindings/__init__.py": "# stand-in for the tests\n"},
                   ["cuda-pathfinder>=1.1"])
    return links


def site_packages(py: Path) -> Path:
    return Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())


@pytest.mark.slow
@pytest.mark.skipif(not TORCH_NEXT or not list(WHEELS.glob("torch-2.13.0*.whl")),
                    reason="needs torch 2.14.1 in /opt/pypi-more and torch 2.13.0+cpu in /opt/wheels")
def test_torch_swapped_for_another_release_in_a_real_venv_then_undone(tmp_path, torch_next_links):
    """A real venv with torch 2.13.0+cpu; on a recorded RTX 5090 (driver 576.28) fix swaps it for torch 2.14.1
    from a local index — the real CUDA 13 wheel with its real nvidia-*/triton/cuda-* dependencies, about 2.7 GB
    of wheels and 5 GB unpacked — and undo brings back the very files of 2.13.0+cpu and sets aside everything
    the install brought. Nothing is downloaded: pip reads the local indexes only (HOME is a fresh folder, so
    no user pip.conf adds another index)."""
    import shutil

    py = make_venv(tmp_path / "venv")
    try:
        _swap_and_undo(tmp_path, py, torch_next_links)
    finally:
        shutil.rmtree(tmp_path / "venv", ignore_errors=True)  # 6 GB: not left for pytest's kept tmp folders


def _swap_and_undo(tmp_path: Path, py: Path, links: Path) -> None:
    copy_torch_dependencies(py)
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-index", "--no-deps",
                    str(next(WHEELS.glob("torch-2.13.0*.whl")))], check=True, capture_output=True)
    site = site_packages(py)
    show = "import torch; print(torch.__version__, torch.version.cuda)"
    assert subprocess.run([str(py), "-c", show], capture_output=True, text=True).stdout.split() == ["2.13.0+cpu", "None"]
    init = site / "torch" / "__init__.py"
    inode = init.stat().st_ino
    before = {d["name"].lower() for d in json.loads(subprocess.run([str(py), "-m", "pip", "list", "--format", "json"],
                                                                   capture_output=True, text=True).stdout)}

    e = env(tmp_path, KLEIN_DOCTOR_FAKE_GPU_FACTS=str(FACTS / "rtx5090-torch271-cu126.json"))
    r = run_cli("fix", "--python", str(py), "--check", "torch.cuda-build", "--torch-version", "2.14.1",
                "--torch-index", NEXT_INDEX, "--find-links", str(links), "--yes", env=e, cwd=tmp_path, timeout=1500)
    out = r.stdout
    print(out)  # shown with pytest -rP
    # the plan: the release and index asked for, the old files' backup, nothing to download from a local index
    assert f"1. Reinstall PyTorch 2.14.1 (from {NEXT_INDEX}) using pip" in out, out + r.stderr
    assert f"torch 2.13.0+cpu -> torch==2.14.1 from {NEXT_INDEX}" in out, out
    assert f"command:  {py} -m pip install torch==2.14.1 --index-url {NEXT_INDEX} --find-links {links}" in out, out
    assert "download: none; disk needed: ~7.70 GB" in out, out
    assert f"the wheels come from the local index {NEXT_INDEX}: nothing is downloaded" in out, out
    assert "then:     check torch, gpu.driver again" in out, out
    # applied for real: the interpreter now imports the CUDA 13.0 build ...
    v = subprocess.run([str(py), "-c", show], capture_output=True, text=True)
    assert v.stdout.split() == ["2.14.1+cu130", "13.0"], v.stdout + v.stderr
    assert (site / "torch-2.14.1.dist-info").is_dir() and init.stat().st_ino != inode
    # ... which the recorded driver (576.28) cannot run: CUDA 13 needs 580+, so the honest verdict is "not cured"
    assert r.returncode == 1, out
    assert "  not cured    Reinstall PyTorch 2.14.1" in out, out
    assert "gpu.driver.too-old-for-wheel: Driver 576.28 is too old for PyTorch 2.14.1" in out, out
    fresh = out.split("Fresh check:", 1)[1]  # the driver check the repair was re-checked with runs there too
    assert "Driver 576.28 is too old for PyTorch 2.14.1" in fresh and "Not ready" in fresh, fresh
    journal = json.loads(max((tmp_path / "state").glob("fix-*.json")).read_text())
    assert journal["repairs"][0]["result"] == "not cured"
    op = journal["ops"][0]
    assert op["op"] == "pkgswap" and op["names"] == ["torch"] and op["deps"] == []
    assert op["before"]["torch"]["version"] == "2.13.0+cpu" and op["after"] == {"torch": "2.14.1"}
    assert op["rc"] == 0 and op["replaced"] == {}
    assert {"triton", "cuda-toolkit", "cuda-bindings", "nvidia-cublas", "nvidia-cudnn-cu13"} <= set(op["added"])

    u = run_cli("fix", "--undo", env=e, cwd=tmp_path, timeout=600)
    print(u.stdout)
    assert u.returncode == 0, u.stdout + u.stderr
    assert "Done: everything is as it was before that fix." in u.stdout
    assert init.stat().st_ino == inode  # the very same files, not a reinstall
    v = subprocess.run([str(py), "-c", show], capture_output=True, text=True)
    assert v.stdout.split() == ["2.13.0+cpu", "None"], v.stdout + v.stderr
    after = {d["name"].lower() for d in json.loads(subprocess.run([str(py), "-m", "pip", "list", "--format", "json"],
                                                                  capture_output=True, text=True).stdout)}
    assert after == before
    for mod in ("triton", "nvidia", "cuda", "nvidia.cublas"):
        assert not imports(py, mod), mod          # no namespace-package leftovers either
    assert not (site / "nvidia").exists() and not (site / "cuda").exists()
    # set aside, not deleted: 2.14.1's own files are in the backup
    undone = Path(op["backup"]) / "undone"
    metas = [p for p in undone.iterdir() if p.name.endswith("-METADATA") and "Version: 2.14.1" in p.read_text(errors="replace")]
    assert metas
    assert any(p.name.endswith("-libcublas.so.13") for p in undone.iterdir())


def tiny_wheel(out: Path, name: str, version: str, files: dict[str, str], requires: list[str] = ()) -> Path:
    """A minimal pure-Python wheel written by hand (no build backend, no index): enough for pip."""
    import base64
    import hashlib
    import zipfile

    dist = f"{name.replace('-', '_')}-{version}"
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n" + "".join(f"Requires-Dist: {r}\n" for r in requires)
    entries = {**files, f"{dist}.dist-info/METADATA": meta,
               f"{dist}.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    record = []
    path = out / f"{dist}-py3-none-any.whl"
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        for arc, text in entries.items():
            data = text.encode()
            z.writestr(arc, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append(f"{arc},sha256={digest},{len(data)}")
        z.writestr(f"{dist}.dist-info/RECORD", "\n".join(record + [f"{dist}.dist-info/RECORD,,"]) + "\n")
    return path


@pytest.mark.parametrize("dry_run_report", [True, False])
def test_swap_sets_aside_the_dependencies_it_added_and_restores_those_it_replaced(tmp_path, monkeypatch, dry_run_report):
    """A swap's install brings dependencies: one new (in a namespace folder shared with another new one), one
    upgraded. Undo leaves the environment as it was: the new ones set aside (the namespace folder gone, so it
    does not import as an empty namespace package), the upgraded one back at its old version, nothing deleted.
    Without pip's --dry-run report (old pip) the upgraded one cannot be saved: undo says so instead of
    claiming everything is back."""
    from doctor.fixer import journal as jmod
    from doctor.fixer import pkgs

    monkeypatch.setenv("KLEIN_DOCTOR_STATE_DIR", str(tmp_path / "state"))
    if not dry_run_report:
        monkeypatch.setattr(pkgs, "would_replace", lambda *a, **k: [])
    py = make_venv(tmp_path / "venv")
    w = tmp_path / "wheels"
    tiny_wheel(w, "app", "1.0", {"app/__init__.py": "V = '1.0'\n"})
    tiny_wheel(w, "app", "2.0", {"app/__init__.py": "V = '2.0'\n"}, ["dep-up>=2", "nsa-one", "nsa-two"])
    tiny_wheel(w, "dep-up", "1.0", {"dep_up.py": "V = '1.0'\n"})
    tiny_wheel(w, "dep-up", "2.0", {"dep_up.py": "V = '2.0'\n"})
    tiny_wheel(w, "nsa-one", "1.0", {"nsa/one/__init__.py": ""})
    tiny_wheel(w, "nsa-two", "1.0", {"nsa/two/__init__.py": ""})
    offline = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(w)}
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    subprocess.run([str(py), "-m", "pip", "install", "-q", "app==1.0", "dep-up==1.0"], check=True, capture_output=True,
                   env={**os.environ, **offline})
    site = Path(pkgs.inventory(str(py), [])["purelib"])
    dep_inode = (site / "dep_up.py").stat().st_ino

    def version(mod: str) -> str:
        r = subprocess.run([str(py), "-c", f"import {mod}; print({mod}.V)"], capture_output=True, text=True)
        return r.stdout.strip() or "absent"

    env_ = pkgs.environment({"executable": str(py), "prefix": str(tmp_path / "venv"), "is_venv": True}, "linux")
    argv = pkgs.install_argv(env_, ["app==2.0"], find_links=str(w))
    j = jmod.Journal(tmp_path / "j")
    j.begin_repair("r", "t", ["x"])
    said: list[str] = []
    pkgs.swap(j, env_, ["app"], argv, "test", say=said.append)
    assert (version("app"), version("dep_up")) == ("2.0", "2.0")
    assert imports(py, "nsa.one") and imports(py, "nsa.two")
    op = j.data["ops"][0]
    assert op["added"] == ["nsa-one", "nsa-two"]
    assert op["deps"] == (["dep-up"] if dry_run_report else [])
    assert op["replaced"] == ({} if dry_run_report else {"dep-up": ["1.0", "2.0"]})

    problems = jmod.Journal.load(j.path).undo(say=said.append)
    assert version("app") == "1.0"
    assert not imports(py, "nsa") and not (site / "nsa").exists()
    pip_list = subprocess.run([str(py), "-m", "pip", "list", "--format", "json"], capture_output=True, text=True).stdout
    assert not {"nsa-one", "nsa-two"} & {d["name"] for d in json.loads(pip_list)}
    aside = {p.name for p in (tmp_path / "venv" / ".klein-doctor-backup").rglob("*")}
    assert any(n.endswith("-__init__.py") for n in aside)  # set aside, not deleted
    if dry_run_report:
        assert problems == []
        assert version("dep_up") == "1.0" and (site / "dep_up.py").stat().st_ino == dep_inode
    else:
        assert version("dep_up") == "2.0"
        assert len(problems) == 1 and "replaced dep-up 1.0 with 2.0" in problems[0]


def _uv() -> str | None:
    import shutil

    return shutil.which("uv") or next((str(p) for p in [Path(sys.executable).with_name("uv")] if p.is_file()), None)


@pytest.mark.slow
@pytest.mark.skipif(not list(WHEELS.glob("torch-2.13.0*.whl")), reason="no local torch wheel in /opt/wheels")
@pytest.mark.skipif(_uv() is None, reason="uv is not installed (it is in the test extra)")
def test_uv_made_venv_gets_torch_through_uv_then_undone(tmp_path):
    """A venv made by `uv venv` (as ComfyUI Desktop's .venv is) has no pip: the repair must install with uv
    itself, into that interpreter, and undo must take it out again."""
    uv = _uv()
    subprocess.run([uv, "venv", "-q", str(tmp_path / "venv"), "--python", sys.executable], check=True,
                   capture_output=True)
    py = tmp_path / "venv" / "bin" / "python"
    assert "uv =" in (tmp_path / "venv" / "pyvenv.cfg").read_text()
    assert subprocess.run([str(py), "-m", "pip", "--version"], capture_output=True).returncode != 0  # no pip here
    copy_torch_dependencies(py)
    empty = tmp_path / "index"
    empty.mkdir()
    e = env(tmp_path, PATH=str(Path(uv).parent) + os.pathsep + os.environ.get("PATH", ""))
    r = run_cli("fix", "--python", str(py), "--check", "torch.installed", "--torch-index", empty.as_uri(),
                "--find-links", str(WHEELS), "--torch-version", "2.13.0", "--yes", env=e, cwd=tmp_path, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"uv pip install --python {py} torch==2.13.0" in r.stdout and "using uv" in r.stdout
    assert "torch.missing" in r.stdout and "cured" in r.stdout and "not cured" not in r.stdout
    v = subprocess.run([str(py), "-c", "import torch; print(torch.__version__)"], capture_output=True, text=True)
    assert v.stdout.strip() == "2.13.0+cpu", v.stderr
    u = run_cli("fix", "--undo", env=e, cwd=tmp_path)
    assert u.returncode == 0, u.stdout + u.stderr
    assert not imports(py, "torch")
