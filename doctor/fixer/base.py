"""The repair registry: each repair names the finding codes it cures and turns findings + facts into a
concrete plan (what changes, the exact commands as argv lists, download size, disk needed), applies it
through the journal, and names the checks to run again.

A repair module registers a planner::

    @repair("attention.remove", codes=["attention.flash-attn.unusable", ...], checks=["attention"])
    def remove_attention(findings, facts, ctx) -> list[Plan]: ...

Planners are pure functions of the findings (by code) and the facts; they never parse fix strings.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from typing import Any, Callable

from ..findings import Finding


@dataclass
class Plan:
    id: str                                   # stable per repair target, e.g. "torch:/path/python"
    title: str
    cures: list[Finding]
    changes: list[str] = field(default_factory=list)
    commands: list[list[str]] = field(default_factory=list)   # argv lists, exactly as run
    download_bytes: int | None = 0
    disk_bytes: int | None = 0
    checks: list[str] = field(default_factory=list)           # check ids to run again afterwards
    apply: Callable[..., None] | None = None                  # apply(journal, ctx, say); raises on failure
    verify: Callable[..., "tuple[str, list[str]] | None"] | None = None  # own verification (workflow copies)
    manual: str | None = None                 # set: cannot be applied here; these are the instructions
    notes: list[str] = field(default_factory=list)
    estimate: bool = False                    # sizes are estimates
    watch: list[str] = field(default_factory=list)  # more codes that, failing after the repair, mean "not cured"

    @property
    def codes(self) -> list[str]:
        return sorted({f.code for f in self.cures})

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "cures": self.codes, "changes": self.changes,
                "commands": self.commands, "download_bytes": self.download_bytes, "disk_bytes": self.disk_bytes,
                "estimate": self.estimate, "checks": self.checks, "manual": self.manual, "notes": self.notes}


@dataclass
class Repair:
    id: str
    codes: list[str]          # glob patterns over finding codes
    checks: list[str]
    fn: Callable[[list[Finding], dict[str, Any], dict[str, Any]], list[Plan]]

    def matches(self, code: str) -> bool:
        return any(fnmatch.fnmatchcase(code, pat) for pat in self.codes)


REPAIRS: list[Repair] = []


def repair(rid: str, *, codes: list[str], checks: list[str]):
    def deco(fn):
        REPAIRS.append(Repair(rid, list(codes), list(checks), fn))
        return fn

    return deco


def fix_text(f: Finding) -> str | None:
    """The finding's fix as words (a plain string today, a structured Fix with .text after issue 12)."""
    fx = f.fix
    if fx is None:
        return None
    return getattr(fx, "text", None) or (fx if isinstance(fx, str) else str(fx))


def human(n: int | None) -> str:
    if n is None:
        return "unknown"
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(n) < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.2f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return str(n)
