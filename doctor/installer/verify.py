"""Header sanity for downloaded files that have no known sha256.

The sha256 itself has one home, doctor/hashing.py (shared with ``check``, one verified cache); a
download is hashed in the same pass that receives it (installer/fetch.py).
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

CHUNK = 8 << 20


def safetensors_problem(path: Path) -> str | None:
    """Why a .safetensors file is structurally broken (truncated, not safetensors), or None.

    Cheap (reads the header only): catches a truncated file even when no hash is known.
    """
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            raw = fh.read(8)
            if len(raw) < 8:
                return f"{size} bytes: too short for a safetensors file"
            (n,) = struct.unpack("<Q", raw)
            if n > min(size, 100 << 20):
                return "header length field is impossible: not a safetensors file"
            header = json.loads(fh.read(n))
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return f"header unreadable: {exc}"
    ends = [v["data_offsets"][1] for k, v in header.items() if k != "__metadata__" and isinstance(v, dict)]
    expected = 8 + n + max(ends, default=0)
    if expected != size:
        return f"header says {expected} bytes, file has {size} (truncated or padded)"
    return None
