"""The environment that runs Klein and the folders ComfyUI really uses.

A real ComfyUI server process (its main.py serves the captured ComfyUI responses through ComfyReplay, and
reports its own sys.argv like ComfyUI does) started with --base-directory pointing away from the install,
where the model files are: the doctor finds the install and the interpreter through the running process,
checks the folders the server uses, and reports nothing missing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import stfiles as st
from comfy_trees import git_tree
from conftest import REPO, run_cli, run_json

from doctor.probes import pyenv

SERVER_MAIN = textwrap.dedent('''\
    import json, sys, time
    sys.path.insert(0, {tests!r})
    from comfy_server import ComfyReplay, load_captures
    from pathlib import Path
    routes = load_captures(Path({fixtures!r}))
    stats = json.loads(routes["/system_stats"][2])
    stats["system"]["argv"] = sys.argv  # what ComfyUI reports: its own sys.argv
    routes["/system_stats"] = (200, "application/json", json.dumps(stats).encode())
    base = sys.argv[sys.argv.index("--base-directory") + 1]
    fp = json.loads(routes["/internal/folder_paths"][2])
    fp = {{k: [p.replace("/home/user/ComfyUI", base) for p in v] for k, v in fp.items()}}
    routes["/internal/folder_paths"] = (200, "application/json", json.dumps(fp).encode())
    with ComfyReplay(None, routes=routes) as url:
        print(url, flush=True)
        time.sleep(120)
''')


def _env(tmp_path: Path) -> dict[str, str]:
    return {"KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "cache"), "HF_HUB_CACHE": str(tmp_path / "hub"),
            "HOME": str(tmp_path / "home")}


@pytest.fixture
def live_server(tmp_path, shared):
    root = git_tree(tmp_path / "install")
    (root / "main.py").write_text(SERVER_MAIN.format(tests=str(REPO / "tests"),
                                                     fixtures=str(shared / "fixtures" / "comfyui")), encoding="utf-8")
    base = tmp_path / "data disk" / "comfy base"
    m = base / "models"
    st.write(m / "diffusion_models/flux-2-klein-4b-fp8.safetensors", st.klein_4b(fp8=True), total_size=st.SIZE_KLEIN_4B_FP8)
    st.write(m / "text_encoders/qwen_3_4b.safetensors", st.qwen3_4b(), total_size=st.SIZE_QWEN3_4B)
    st.write(m / "vae/flux2-vae.safetensors", st.flux2_vae(), total_size=st.SIZE_FLUX2_VAE)
    (base / "user" / "default" / "workflows").mkdir(parents=True)
    proc = subprocess.Popen([sys.executable, str(root / "main.py"), "--listen", "127.0.0.1", "--port", "0",
                             "--base-directory", str(base), "--output-directory", str(tmp_path / "renders")],
                            stdout=subprocess.PIPE, text=True, cwd=str(tmp_path))
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield {"root": root, "base": base, "url": url, "pid": proc.pid}
    finally:
        proc.kill()
        proc.wait(10)


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="finds the server process through /proc")
def test_server_with_base_directory_elsewhere(live_server, tmp_path):
    rc, doc = run_json("--server", live_server["url"], "--no-hash", "--no-redact", "--check", "models", "--check", "comfyui",
                       "--check", "attention.xformers", env=_env(tmp_path), cwd=tmp_path)
    t = doc["facts"]["comfyui_tree"]
    assert t["found"] and t["root"] == str(live_server["root"]) and "running server" in t["how_found"]
    assert t["server_runs_this_install"] is True
    assert t["models_root"] == str(live_server["base"] / "models")
    assert t["base_directory"]["from"].startswith("server argv")
    assert t["folders"]["output"]["path"] == str(tmp_path / "renders")
    assert t["folders"]["user"]["path"] == str(live_server["base"] / "user")
    vae = t["model_folders"]["vae"]
    assert vae[0]["path"] == str(live_server["base"] / "models" / "vae") and vae[0]["source"].startswith("server")
    codes = {f["code"]: f for f in doc["findings"]}
    assert not [c for c in codes if c.startswith("models.missing")], codes.keys()
    assert {"models.present.diffusion_model", "models.present.text_encoder", "models.present.vae"} <= set(codes)
    assert f"under {live_server['base'] / 'models'} (--base-directory from server argv" in codes["comfyui.model-paths.ok"]["title"]
    fixes = json.dumps([f.get("fix") for f in doc["findings"]])
    assert str(live_server["root"] / "models") not in fixes  # no download advice into the folder the server never reads
    # The interpreter is the one the server process runs with (its argv[0]), said as such.
    sel = doc["facts"]["python"]["selected"]
    assert sel["how"] == "comfyui-install" and doc["facts"]["python"]["requested"] == sys.executable
    assert f"pid {live_server['pid']}" in sel["why"]


def test_first_line_says_which_python_and_why(tmp_path):
    root = git_tree(tmp_path)
    proc = run_cli("check", "--no-server", "--check", "torch", env=_env(tmp_path), cwd=root)
    first = proc.stdout.splitlines()[0]
    assert first == f"Diagnosing Python {root / '.venv' / 'bin' / 'python'}: the interpreter of the ComfyUI install " \
                    f"at {root} (beside the install)", proc.stdout


def _venv(path: Path, torch: bool) -> str:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True, timeout=60)
    if torch:  # an importable torch package is what the search looks for
        sp = next((path / "lib").glob("python3*/site-packages"))
        (sp / "torch").mkdir()
        (sp / "torch" / "__init__.py").write_text("", encoding="utf-8")
    return str(path / "bin" / "python")


def test_choose_order(tmp_path):
    own = pyenv.doctor_env()
    empty = _venv(tmp_path / "empty env", torch=False)
    with_torch = _venv(tmp_path / "torch env", torch=True)
    bindir = Path(with_torch).parent
    path_env = {"PATH": os.pathsep.join([str(Path(empty).parent), str(bindir)])}
    tree = {"found": True, "root": "/srv/ComfyUI", "python": "/srv/ComfyUI/.venv/bin/python", "python_how": "beside the install"}
    server = {"url": "http://127.0.0.1:8188", "process": {"pid": 7, "python": "/opt/c/bin/python", "python_how": "x"}}
    assert pyenv.choose({"python": "/x/python"}, {"comfyui_tree": tree}, path_env)["how"] == "--python"
    assert pyenv.choose({}, {"comfyui_tree": tree}, path_env)["executable"] == tree["python"]
    assert pyenv.choose({"path": "diffusers"}, {"comfyui_tree": tree}, path_env)["how"] == "path"
    assert pyenv.choose({}, {"comfyui_server": server}, path_env)["executable"] == "/opt/c/bin/python"
    act = pyenv.choose({}, {}, dict(path_env, VIRTUAL_ENV=str(tmp_path / "empty env")))
    assert act["how"] == "active-env" and act["executable"] == empty
    p = pyenv.choose({}, {}, path_env)
    assert p["how"] == "path" and Path(p["executable"]).parent == bindir  # the empty env before it on PATH is passed over
    assert any("no PyTorch" in x for x in p["tried"])
    # the doctor's own environment as the active one, and nothing else: said, never chosen for its torch-less self
    none = pyenv.choose({}, {}, {"PATH": str(tmp_path / "nowhere"), "VIRTUAL_ENV": own["prefix"]})
    assert none["how"] in ("doctor", "active-env")
    if none["how"] == "doctor":
        assert "own interpreter" in none["why"]


def test_own_environment_is_judged_by_prefix_not_realpath(tmp_path):
    """A venv made from the same base Python shares the executable's realpath, not its prefix."""
    from doctor import subproc

    exe = _venv(tmp_path / "made from the same base", torch=False)
    data = subproc.run_script(exe, "pyenv_probe.py", timeout=25).data
    assert pyenv._prefix_key(data["prefix"]) != pyenv._prefix_key(pyenv.doctor_env()["prefix"])


def test_no_torch_in_the_doctors_own_env_never_proposes_installing_there():
    from doctor.checks.pytorch import torch_installed

    facts = {"system": {"os": "linux"}, "gpu": {"devices": []},
             "python": {"executable": "/home/u/.local/share/uv/tools/klein-doctor/bin/python", "version": "3.12.1",
                        "is_doctor_python": True, "doctor_env": {"kind": "uv-tool"}, "package_tool": "uv",
                        "selected": {"how": "doctor", "why": "klein-doctor's own interpreter", "tried": ["/usr/bin/python3: no PyTorch"]}},
             "torch": {"installed": False}}
    (f,) = list(torch_installed(facts))
    assert f.code == "torch.missing" and "No Python environment with PyTorch" in f.title and "uv-tool" in f.title
    assert not f.fix.commands and "--python" in f.fix.text
    assert "tried: /usr/bin/python3: no PyTorch" in f.evidence


def test_launch_script_folder_flags(tmp_path):
    """Without a server the launch script's --base-directory/--user-directory/--output-directory decide."""
    from doctor.comfyui.tree import inspect

    root = git_tree(tmp_path)
    base = tmp_path / "Modèles base"
    (base / "models" / "vae").mkdir(parents=True)
    (root / "run.sh").write_text(f".venv/bin/python main.py --base-directory '{base}' --user-directory /srv/u "
                                 f"--output-directory out --input-directory /srv/in\n", encoding="utf-8")
    t = inspect({"comfyui": str(root)}, home=tmp_path / "home")
    assert t["models_root"] == str(base / "models")
    assert t["model_folders"]["vae"][0]["path"] == str(base / "models" / "vae")
    assert t["folders"]["user"]["path"] == "/srv/u" and t["folders"]["input"]["path"] == "/srv/in"
    assert t["folders"]["output"]["from"].endswith("run.sh:1")
    assert t["base_directory"]["from"].endswith("run.sh:1")


@pytest.mark.parametrize("where,kind", [("home/.local/share/pipx/venvs/klein-doctor", "pipx"),
                                        ("home/.local/share/uv/tools/klein-doctor", "uv-tool"),
                                        ("proj/.venv", "venv")])
def test_pyenv_probe_names_what_made_the_environment(tmp_path, where, kind):
    from doctor import subproc

    exe = _venv(tmp_path / where, torch=False)
    data = subproc.run_script(exe, "pyenv_probe.py", timeout=25).data
    assert data["env_kind"] == kind and data["has_pip"] is False
    assert data["package_tool"] == ("uv" if kind == "uv-tool" else None)  # no pip and not uv's: nothing to install with


def test_a_hostile_servers_paths_do_not_break_the_tree_probe(tmp_path):
    from doctor.comfyui.tree import inspect

    root = git_tree(tmp_path)
    for paths in ({"custom_nodes": ["/a\x00b/custom_nodes", "x" * 5000 + "/custom_nodes", str(root / "custom_nodes")],
                   "vae": ["\x00", "/nope"]},
                  {"custom_nodes": [str(root / "custom_nodes")], "vae": [str(tmp_path / "v\u00e9")]}):
        server = {"is_comfyui": True, "remote": False, "url": "http://127.0.0.1:1", "argv": ["main.py", "--base-directory"],
                  "folder_paths": {"paths": paths}, "process": None}
        t = inspect({}, home=tmp_path / "home", server=server)
        assert t["found"] and t["root"] == str(root) and t["server_runs_this_install"] is True
        assert [e["path"] for e in t["model_folders"]["vae"]] == paths["vae"]
        assert t["base_directory"]["from"] == "the install folder"  # a flag without a value is no base directory


def test_base_directory_origin_is_read_alike_from_replayed_facts():
    """check's model-paths finding and install's arguments read where --base-directory came from through one reader
    (comfyui.tree.base_directory_from, lead stop 52: two copies before); a facts file from a stranger with that table
    mangled reads as no origin, never an exception."""
    from doctor.comfyui.tree import base_directory_from
    from doctor.installer.plan import install_where

    comfy = {"root": "/srv/ComfyUI", "models_root": "/data/comfy/models"}
    served = {"base_directory": {"path": "/data/comfy", "from": "server argv (http://127.0.0.1:8188)"}}
    assert base_directory_from(served).startswith("server argv")
    assert install_where(comfy, served) == ["--models-dir", "/data/comfy/models"]  # install cannot read the server
    scripted = {"base_directory": {"path": "/data/comfy", "from": "run.sh"}}
    assert install_where(comfy, scripted) == ["--comfyui", "/srv/ComfyUI"]
    for junk in (None, "x", {"base_directory": "server argv"}, {"base_directory": {"from": 7}}, {"base_directory": []}):
        assert base_directory_from(junk) == ""
        assert install_where(comfy, junk) == ["--comfyui", "/srv/ComfyUI"]
