"""ComfyUI install trees built in tmp dirs, shaped like the real layouts: a git checkout, the Windows
portable folder (python_embeded + ComfyUI), and ComfyUI Desktop (base folder with .venv + the app's code
in its resources folder). The Python sources hold the definitions klein-doctor looks for, in the files
and forms ComfyUI uses, so a tree can be made with or without Klein support.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

NODES_PY_KLEIN = '''class CLIPLoader:
    @classmethod
    def INPUT_TYPES(s):
        return {"required": {"clip_name": (folder_paths.get_filename_list("text_encoders"), ),
                             "type": (["stable_diffusion", "stable_cascade", "sd3", "flux2", "ovis"], ),
                             }}
'''
NODES_PY_OLD = NODES_PY_KLEIN.replace(', "flux2"', "")
FLUX_EXTRAS_KLEIN = '''class EmptyFlux2LatentImage(io.ComfyNode):
    @classmethod
    def define_schema(cls):
        return io.Schema(node_id="EmptyFlux2LatentImage", category="latent")

class Flux2Scheduler(io.ComfyNode):
    @classmethod
    def define_schema(cls):
        return io.Schema(node_id="Flux2Scheduler", category="sampling")
'''
FLUX_EXTRAS_OLD = '''class FluxGuidance(io.ComfyNode):
    pass
'''
SD_PY = '''class CLIPType(Enum):
    STABLE_DIFFUSION = 1
    FLUX2 = 22
'''


def _code(root: Path, version: str, klein: bool) -> None:
    (root / "comfy").mkdir(parents=True, exist_ok=True)
    (root / "comfy_extras").mkdir(exist_ok=True)
    (root / "main.py").write_text("import comfy\n", encoding="utf-8")
    (root / "comfyui_version.py").write_text(f'# auto\n__version__ = "{version}"\n', encoding="utf-8")
    (root / "pyproject.toml").write_text(f'[project]\nname = "ComfyUI"\nversion = "{version}"\n', encoding="utf-8")
    (root / "nodes.py").write_text(NODES_PY_KLEIN if klein else NODES_PY_OLD, encoding="utf-8")
    (root / "comfy_extras" / "nodes_flux.py").write_text(FLUX_EXTRAS_KLEIN if klein else FLUX_EXTRAS_OLD, encoding="utf-8")
    (root / "comfy" / "sd.py").write_text(SD_PY if klein else "class CLIPType(Enum):\n    FLUX = 8\n", encoding="utf-8")
    for d in ("diffusion_models", "text_encoders", "vae", "unet", "clip", "checkpoints"):
        (root / "models" / d).mkdir(parents=True, exist_ok=True)
    (root / "user" / "default" / "workflows").mkdir(parents=True, exist_ok=True)
    (root / "custom_nodes").mkdir(exist_ok=True)


def _fake_python(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def git_tree(base: Path, version: str = "0.33.0", klein: bool = True, venv: str = ".venv",
             real_git: bool = False) -> Path:
    root = base / "ComfyUI"
    _code(root, version, klein)
    if real_git:
        env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t",
                   GIT_COMMITTER_EMAIL="t@t")
        for cmd in (["git", "init", "-q"], ["git", "add", "main.py"], ["git", "commit", "-qm", "init"],
                    ["git", "tag", f"v{version}"]):
            subprocess.run(cmd, cwd=root, env=env, check=True, capture_output=True)
    else:
        (root / ".git").mkdir()
    if venv:
        _fake_python(root / venv / "bin" / "python")
    (root / "run.sh").write_text("#!/bin/sh\ncd \"$(dirname \"$0\")\"\n.venv/bin/python main.py --listen 127.0.0.1 "
                                 "--cuda-device 1 --use-flash-attention\n", encoding="utf-8")
    return root


def portable_tree(base: Path, version: str = "0.33.0", klein: bool = True,
                  bat: str = ".\\python_embeded\\python.exe -s ComfyUI\\main.py --windows-standalone-build\npause\n") -> Path:
    container = base / "ComfyUI_windows_portable"
    root = container / "ComfyUI"
    _code(root, version, klein)
    (container / "python_embeded").mkdir(parents=True)
    (container / "python_embeded" / "python.exe").write_bytes(b"MZ")
    (container / "update").mkdir()
    (container / "update" / "update_comfyui.bat").write_text("..\\python_embeded\\python.exe update.py\n", encoding="utf-8")
    (container / "run_nvidia_gpu.bat").write_text(bat, encoding="utf-8")
    (container / "run_cpu.bat").write_text(".\\python_embeded\\python.exe -s ComfyUI\\main.py --cpu --windows-standalone-build\n"
                                           "pause\n", encoding="utf-8")
    return container


def desktop_tree(home: Path, version: str = "0.33.0", klein: bool = True, os_name: str = "win32",
                 launch_args: str | None = None) -> dict[str, Path]:
    """A Desktop install under a fake home: base folder, config.json with basePath, the app's code."""
    base = home / "Documents" / "ComfyUI"
    for d in ("diffusion_models", "text_encoders", "vae"):
        (base / "models" / d).mkdir(parents=True, exist_ok=True)
    (base / "custom_nodes").mkdir(parents=True)
    (base / "user" / "default" / "workflows").mkdir(parents=True)
    _fake_python(base / ".venv" / ("Scripts/python.exe" if os_name.startswith("win") else "bin/python"))
    if os_name.startswith("win"):
        appdata = home / "AppData" / "Roaming"
        code = home / "AppData" / "Local" / "Programs" / "@comfyorgcomfyui-electron" / "resources" / "ComfyUI"
    else:
        appdata = home / ".config"
        code = Path("/nonexistent-desktop-code")
    cfg = appdata / "ComfyUI" / "config.json"
    cfg.parent.mkdir(parents=True)
    cfg.write_text('{"basePath": "%s", "installState": "installed"}' % str(base).replace("\\", "\\\\"), encoding="utf-8")
    if os_name.startswith("win"):
        _code(code, version, klein)
    if launch_args is not None:
        (base / "user" / "default" / "comfy.settings.json").write_text(
            '{"Comfy.Server.LaunchArgs": %s}' % launch_args, encoding="utf-8")
    return {"base": base, "config": cfg, "code": code, "appdata": appdata}


EXTRA_YAML = """\
comfyui:
    base_path: {shared}
    is_default: true
    diffusion_models: models/diffusion_models
    text_encoders: |
        models/text_encoders
        models/clip
    vae: models/vae/
other_ui:
    base_path: ../other
    unet: unet
    checkpoints: models/Stable-diffusion
"""


def add_extra_yaml(root: Path, shared: Path, text: str | None = None) -> Path:
    for d in ("diffusion_models", "text_encoders", "clip", "vae"):
        (shared / "models" / d).mkdir(parents=True, exist_ok=True)
    p = root / "extra_model_paths.yaml"
    p.write_text(text if text is not None else EXTRA_YAML.format(shared=shared), encoding="utf-8")
    return p


def sparse(path: Path, size: int = 4096) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.truncate(size)
    return path


def judged_comfyui_options(base: Path) -> dict:
    """A git ComfyUI tree with something for every ComfyUI-side probe to find (a VAE, extra_model_paths.yaml, a
    workflow with a FLUX.1 CLIPLoader type), and the check options that gather it without a server or hashing."""
    root = git_tree(base)
    sparse(root / "models" / "vae" / "flux2-vae.safetensors")
    add_extra_yaml(root, base / "shared")
    wf = base / "wf.json"
    wf.write_text(json.dumps({"1": {"class_type": "CLIPLoader", "inputs": {"clip_name": "qwen_3_4b.safetensors",
                                                                          "type": "flux"}}}), encoding="utf-8")
    return {"path": "comfyui", "comfyui": str(root), "no_server": True, "no_hash": True, "workflows": [str(wf)],
            "scan": [], "smoke": False}
