"""Header sanity for downloaded files that have no known sha256.

The sha256 itself has one home, doctor/hashing.py (shared with ``check``, one verified cache); a
download is hashed in the same pass that receives it (installer/fetch.py).
"""

from __future__ import annotations

from pathlib import Path

CHUNK = 8 << 20


def safetensors_problem(path: Path) -> str | None:
    """Why a .safetensors file is structurally broken (truncated, not safetensors), or None.

    Cheap (reads the header only): catches a truncated file even when no hash is known. The one header
    reader is doctor.safetensors_id (bounded: header length, JSON depth, integer size).
    """
    from ..safetensors_id import read_facts

    got = read_facts(path)
    return None if got["integrity"]["ok"] else got["integrity"]["problem"]

