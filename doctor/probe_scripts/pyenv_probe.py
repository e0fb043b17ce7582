"""Runs inside the TARGET interpreter (any Python >= 3.8): what it is and which packages it has.

Imports nothing heavy. torch's build (version suffix, CUDA) is read from torch/version.py as text,
because importing torch is the torch probe's job and can hang or crash.
"""
import json
import os
import platform
import re
import sys

MARKER = "@@KLEIN_DOCTOR_JSON@@"
INTERESTING = [
    "torch", "torchvision", "torchaudio", "triton", "triton-windows", "xformers", "flash-attn", "flash_attn",
    "sageattention", "diffusers", "transformers", "accelerate", "safetensors", "huggingface-hub", "hf-xet",
    "kernels", "numpy", "pillow", "comfyui-frontend-package", "comfyui-workflow-templates", "sentencepiece",
    "tokenizers", "nvidia-ml-py", "pynvml", "bitsandbytes", "gguf", "comfy-cli",
]


def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def packages():
    try:
        from importlib import metadata
    except ImportError:  # pragma: no cover - 3.7
        return {}, 0
    wanted = {norm(n) for n in INTERESTING}
    found = {}
    count = 0
    for dist in metadata.distributions():
        try:
            name = dist.metadata["Name"]
        except Exception:
            continue
        if not name:
            continue
        count += 1
        n = norm(name)
        if n in wanted or n.startswith("nvidia-cu") or n.startswith("nvidia-cudnn"):
            found.setdefault(n, dist.version)
    return found, count


def torch_version_py():
    try:
        import importlib.util
        spec = importlib.util.find_spec("torch")
    except Exception as exc:
        return {"found": False, "error": "%s: %s" % (type(exc).__name__, exc)}
    if spec is None or not spec.submodule_search_locations:
        return {"found": False}
    loc = list(spec.submodule_search_locations)[0]
    out = {"found": True, "location": loc}
    try:
        with open(os.path.join(loc, "version.py"), encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        out["error"] = str(exc)
        return out
    m = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", text, re.M)
    c = re.search(r"^cuda\s*(?::\s*[^=]+)?=\s*(None|['\"]([^'\"]*)['\"])", text, re.M)
    h = re.search(r"^hip\s*(?::\s*[^=]+)?=\s*(None|['\"]([^'\"]*)['\"])", text, re.M)
    out["version"] = m.group(1) if m else None
    out["cuda"] = (c.group(2) if c and c.group(1) != "None" else None)
    out["hip"] = (h.group(2) if h and h.group(1) != "None" else None)
    return out


def companion_builds():
    """torchvision's and torchaudio's own version.py (text, no import): their __version__ carries the
    build's local tag (+cu126, +cpu) even where the installed metadata does not."""
    out = {}
    try:
        import importlib.util
    except ImportError:  # pragma: no cover
        return out
    for mod in ("torchvision", "torchaudio"):
        try:
            spec = importlib.util.find_spec(mod)
        except Exception:  # noqa: BLE001 - a broken package is reported as absent here
            spec = None
        if spec is None or not spec.submodule_search_locations:
            continue
        path = os.path.join(list(spec.submodule_search_locations)[0], "version.py")
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read(65536)
        except OSError:
            continue
        m = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", text, re.M)
        if m:
            out[mod] = m.group(1)
    return out


def env_kind():
    """What made this environment: conda, pipx, uv tool, a venv (uv's or another), Windows embedded, or none."""
    prefix = sys.prefix
    norm_prefix = prefix.replace("\\", "/").lower()
    cfg = ""
    try:
        with open(os.path.join(prefix, "pyvenv.cfg"), encoding="utf-8", errors="replace") as fh:
            cfg = fh.read(64 * 1024)
    except OSError:
        pass
    uv_made = re.search(r"^uv\s*=", cfg, re.M) is not None
    if os.path.isdir(os.path.join(prefix, "conda-meta")):
        kind = "conda"
    elif "/pipx/venvs/" in norm_prefix:
        kind = "pipx"
    elif "/uv/tools/" in norm_prefix:
        kind = "uv-tool"
    elif getattr(sys, "base_prefix", prefix) != prefix or cfg:
        kind = "venv"
    elif os.path.basename(os.path.dirname(sys.executable)).lower() == "python_embeded":
        kind = "embedded"
    else:
        kind = "system"
    try:
        import importlib.util
        has_pip = importlib.util.find_spec("pip") is not None
    except Exception:
        has_pip = False
    tool = "pip" if has_pip else ("uv" if uv_made or kind == "uv-tool" else None)
    pip_version = None
    if has_pip:
        try:
            from importlib.metadata import version
            pip_version = version("pip")
        except Exception:  # noqa: BLE001 - pip without metadata (a vendored copy): version unknown
            pass
    return {"env_kind": kind, "uv_made": uv_made, "has_pip": has_pip, "pip_version": pip_version, "package_tool": tool,
            "externally_managed": externally_managed(kind), "break_system_packages": break_system_packages()}


def externally_managed(kind):
    """PEP 668 as pip applies it: outside a virtual environment, an EXTERNALLY-MANAGED file in the stdlib folder
    (Debian 12, Ubuntu 23.04+, Fedora 38+, uv's managed Pythons) makes pip refuse to install."""
    if kind in ("venv", "conda", "pipx", "uv-tool"):
        return False
    try:
        import sysconfig
        return os.path.isfile(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED"))
    except Exception:  # noqa: BLE001 - an odd interpreter: not known to be managed
        return False


_TRUE = ("1", "true", "yes", "on")


def break_system_packages():
    """Whether pip is already told to install anyway: PIP_BREAK_SYSTEM_PACKAGES, or break-system-packages in a
    pip configuration file (global, user or PIP_CONFIG_FILE; Docker images often set it)."""
    if os.environ.get("PIP_BREAK_SYSTEM_PACKAGES", "").strip().lower() in _TRUE:
        return True
    home = os.path.expanduser("~")
    files = ["/etc/pip.conf", "/etc/xdg/pip/pip.conf", os.path.join(home, ".config", "pip", "pip.conf"),
             os.path.join(home, ".pip", "pip.conf"), os.path.join(sys.prefix, "pip.conf")]
    files += [os.path.join(d, "pip", "pip.conf") for d in os.environ.get("XDG_CONFIG_DIRS", "").split(os.pathsep) if d]
    if os.environ.get("PIP_CONFIG_FILE"):
        files.append(os.environ["PIP_CONFIG_FILE"])
    for path in files:
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                text = fh.read(64 * 1024)
        except OSError:
            continue
        m = re.search(r"^\s*break[-_]system[-_]packages\s*=\s*(\S+)", text, re.M | re.I)
        if m and m.group(1).lower() in _TRUE:
            return True
    return False


def main():
    pk, count = packages()
    report = {
        "executable": sys.executable,
        "version": platform.python_version(),
        "implementation": platform.python_implementation(),
        "prefix": sys.prefix,
        "base_prefix": getattr(sys, "base_prefix", sys.prefix),
        "is_venv": getattr(sys, "base_prefix", sys.prefix) != sys.prefix,
        "embedded": os.path.basename(os.path.dirname(sys.executable)).lower() == "python_embeded",
        "conda": os.path.isdir(os.path.join(sys.prefix, "conda-meta")),
        "platform": sys.platform,
        "packages": pk,
        "distribution_count": count,
        "torch_build": torch_version_py(),
        "companion_builds": companion_builds(),
    }
    report.update(env_kind())
    sys.stdout.write("\n" + MARKER + "\n" + json.dumps(report) + "\n")


if __name__ == "__main__":
    main()
