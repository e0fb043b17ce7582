"""Attention overrides written in the user's files: scripts, configs, launch scripts, custom nodes.

Scans only what the user pointed at (``--scan PATH``) plus launch scripts other probes name. Bounded:
text-like files only, at most MAX_FILES files and MAX_BYTES per file, VCS and venv folders skipped.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Iterable

from .. import manifests, safeio
from . import ProbeContext, probe

TEXT_SUFFIXES = {".py", ".bat", ".cmd", ".sh", ".ps1", ".json", ".yaml", ".yml", ".toml", ".cfg", ".ini", ".txt", ".env"}
SKIP_DIRS = {".git", "__pycache__", "node_modules", ".venv", "venv", "site-packages", ".mypy_cache", ".tox",
             "python_embeded", "models", "output", "input", ".cache"}
MAX_FILES = 20000
MAX_BYTES = 2 * 1024 * 1024
MAX_HITS = 200


def compiled_patterns() -> list[tuple[dict[str, Any], re.Pattern[str]]]:
    return [(p, re.compile(p["regex"])) for p in manifests.load("attention")["pattern"]]


class _Walk:
    """The files under one root, at most MAX_FILES; ``truncated`` says the walk stopped at the bound."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.truncated = False

    def __iter__(self) -> Iterable[Path]:
        root = self.root
        if not root.is_dir():
            yield root
            return
        count = 0
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
            for name in sorted(filenames):
                p = Path(dirpath) / name
                if p.suffix.lower() in TEXT_SUFFIXES:
                    count += 1
                    if count > MAX_FILES:
                        self.truncated = True
                        return
                    yield p


def iter_files(root: Path) -> Iterable[Path]:
    return iter(_Walk(root))


def scan_paths(paths: Iterable[str]) -> dict[str, Any]:
    pats = compiled_patterns()
    hits: list[dict[str, Any]] = []
    scanned = 0
    missing: list[str] = []
    skipped_large = 0
    skipped_special = 0
    truncated = False
    for raw in paths:
        root = Path(raw).expanduser()
        if not root.exists():
            missing.append(str(raw))
            continue
        walk = _Walk(root)
        for f in walk:
            try:  # bounded, and never a FIFO or /dev/zero behind a .py name (refused by type before opening)
                text = safeio.read_text(f, MAX_BYTES, what="scanned file")
            except safeio.Unreadable as exc:
                if exc.kind == "too-large":
                    skipped_large += 1
                elif exc.kind == "special":
                    skipped_special += 1
                continue
            scanned += 1
            for lineno, line in enumerate(text.splitlines(), 1):
                for pat, rx in pats:
                    if rx.search(line):
                        hits.append({"file": str(f), "line": lineno, "pattern": pat["id"], "kind": pat["kind"],
                                     "text": line.strip()[:200]})
                        if len(hits) >= MAX_HITS:
                            return {"paths": list(paths), "files_scanned": scanned, "hits": hits,
                                    "missing": missing, "truncated": True, "skipped_large": skipped_large,
                                    "skipped_special": skipped_special}
        truncated = truncated or walk.truncated
    return {"paths": [str(p) for p in paths], "files_scanned": scanned, "hits": hits, "missing": missing,
            "truncated": truncated, "skipped_large": skipped_large, "skipped_special": skipped_special,
            "max_files": MAX_FILES}


@probe("scan", timeout=30)
def scan_probe(ctx: ProbeContext) -> dict[str, Any]:
    paths = list(ctx.options.get("scan") or [])
    return scan_paths(paths)
