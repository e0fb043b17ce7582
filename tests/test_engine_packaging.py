"""Declared dependencies equal imported ones (issue 11): every third-party module the installed code imports
is declared in pyproject.toml, and every declared dependency is imported. The floors are proven by .ci/run's
floor job (.ci/floors.txt pins the same versions pyproject.toml names)."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Import name -> distribution name, for the ones that differ.
DIST = {"yaml": "pyyaml", "pynvml": "nvidia-ml-py", "huggingface_hub": "huggingface-hub", "tomli": "tomli"}
# Imported only in the diagnosed environment (child scripts, the smoke runner) or optional at run time.
TARGET_ENV = {"torch", "diffusers", "transformers", "numpy", "PIL", "xformers", "accelerate", "flash_attn",
              "sageattention", "safetensors"}


def _declared() -> dict[str, str]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    out = {}
    for d in deps:
        m = re.match(r"([A-Za-z0-9_.-]+)\s*(>=\s*([^;,\s]+))?", d)
        out[m.group(1).lower()] = m.group(3)
    return out


def _imported() -> set[str]:
    mods: set[str] = set()
    local = {"doctor", "checks", "manifests"}
    for folder in ("doctor", "checks"):
        for p in (ROOT / folder).rglob("*.py"):
            if "probe_scripts" in p.parts:
                continue  # run by the target interpreter, not the doctor's
            for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    mods.update(a.name.split(".")[0] for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    mods.add(node.module.split(".")[0])
    std = set(sys.stdlib_module_names) | {"__future__"}
    return {m for m in mods if m not in std and m not in local and m not in TARGET_ENV}


def test_declared_dependencies_equal_imported_ones():
    declared = set(_declared())
    imported = {DIST.get(m, m).lower() for m in _imported()}
    assert imported == declared


def test_floors_file_pins_the_declared_floors():
    declared = _declared()
    pins = {}
    for line in (ROOT / ".ci" / "floors.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, ver = line.split("==")
            pins[name.strip().lower()] = ver.strip()
    for name, floor in declared.items():
        if name == "tomli":
            continue  # Python 3.10 only; the floor job runs on CI's Python
        assert name in pins, name
        assert pins[name].startswith(floor), (name, pins[name], floor)
