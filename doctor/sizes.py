"""The one formatter for sizes: every byte count a user reads goes through here.

GB/MB are decimal (10^9, as disks and Hugging Face pages say), GiB binary (as VRAM and RAM are reported
by drivers and the OS). None is "unknown".
"""

from __future__ import annotations


def gib(n: int | float | None) -> str:
    """'31.8 GiB' (VRAM, RAM)."""
    return "unknown" if n is None else f"{n / 1024**3:.1f} GiB"


def gb(n: int | float | None) -> str:
    """'81.5 GB' (disk space, measured peaks)."""
    return "unknown" if n is None else f"{n / 1e9:.1f} GB"


def exact(n: int | None) -> str:
    """'4,070,624,520 bytes (4.07 GB)' (a file's size, where the exact count matters)."""
    return "unknown size" if n is None else f"{n:,} bytes ({n / 1e9:.2f} GB)"


def human(n: int | float | None) -> str:
    """'336.21 MB', '512 B' (transfer progress and plans): the largest decimal unit below 1000."""
    if n is None:
        return "unknown"
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(n) < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.2f} {unit}"
        n /= 1000
    return str(n)
