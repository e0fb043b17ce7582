"""Loading the data tables in ``manifests/``.

Everything that changes with the world (GPU capabilities, wheel arch lists, driver floors, file
hashes, error signatures, targets) lives in TOML there, each row with its source, so it can be
corrected without touching code. The folder is found both in a source checkout (``<repo>/manifests``)
and in an installed wheel (``doctor/_manifests``, where the build puts it).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

_HERE = Path(__file__).resolve().parent

# Overrides set by the CLI (`--manifest FILE` replaces one table by name).
_OVERRIDES: dict[str, Path] = {}


class ManifestError(Exception):
    """A manifest is missing or malformed; the message names the file."""


def manifest_dir() -> Path:
    for cand in (_HERE / "_manifests", _HERE.parent / "manifests"):
        if cand.is_dir():
            return cand
    raise ManifestError(f"manifests folder not found next to {_HERE}")


def set_override(name: str, path: Path) -> None:
    _OVERRIDES[name] = Path(path)
    load.cache_clear()


def clear_overrides() -> None:
    _OVERRIDES.clear()
    load.cache_clear()


@functools.lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The parsed table ``manifests/<name>.toml`` (or its override)."""
    path = _OVERRIDES.get(name) or manifest_dir() / f"{name}.toml"
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ManifestError(f"manifest {name!r} not found at {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"manifest {path} is not valid TOML: {exc}") from exc
