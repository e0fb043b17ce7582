"""Environment variables that force a broken backend (DIFFUSERS_ATTN_BACKEND=flash ...): the assignment is
commented out in the shell start-up files that set it (a backup of each is kept), or removed from the
Windows user environment; when it is set somewhere fix cannot edit safely (system files, the current
shell's parent), the plan says exactly where."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

from ..findings import Finding
from .base import Plan, repair

VARS = {"attention.env.broken": "DIFFUSERS_ATTN_BACKEND"}
RC_FILES = [".bashrc", ".bash_profile", ".bash_login", ".profile", ".zshrc", ".zshenv", ".zprofile",
            ".config/fish/config.fish"]
SYSTEM_FILES = ["/etc/environment", "/etc/profile", "/etc/bash.bashrc", "/etc/zsh/zshenv"]


def _assign_rx(name: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:export\s+|setenv\s+|set\s+-gx\s+|set\s+-x\s+)?{re.escape(name)}(?:=|\s+\S)")


def where_set(name: str, home: Path) -> tuple[list[tuple[Path, list[int]]], list[str]]:
    """Shell files under ``home`` that assign ``name`` (file, line numbers), and system files that do."""
    rx = _assign_rx(name)
    mine: list[tuple[Path, list[int]]] = []
    for rel in RC_FILES:
        p = home / rel
        try:
            lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        hits = [i + 1 for i, line in enumerate(lines) if rx.match(line)]
        if hits:
            mine.append((p, hits))
    system = []
    for s in SYSTEM_FILES:
        try:
            lines = Path(s).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        system += [f"{s}:{i + 1}" for i, line in enumerate(lines) if rx.match(line)]
    return mine, system


def comment_out(data: bytes, lines: list[int], name: str) -> bytes:
    out = data.splitlines(keepends=True)
    for n in lines:
        text = out[n - 1].decode("utf-8", errors="surrogateescape")
        body = text.rstrip("\r\n")
        out[n - 1] = (f"# {body}  # disabled by klein-doctor fix ({name} forced a backend that cannot run here)"
                      + text[len(body):]).encode("utf-8", errors="surrogateescape")
    return b"".join(out)


@repair("env.unset", codes=list(VARS), checks=["attention.env"])
def env_unset(findings: list[Finding], facts: dict[str, Any], ctx: dict[str, Any]) -> list[Plan]:
    plans = []
    home = Path(ctx.get("home") or Path.home())
    for f in findings:
        name = VARS[f.code]
        value = ((facts.get("system") or {}).get("env") or {}).get(name)
        if ctx.get("replay"):
            plans.append(Plan(id=f"env:{name}", title=f"Unset {name}", cures=[f],
                              manual=f"{name}={value}: on that machine `klein-doctor fix` comments it out in the shell "
                                     f"start-up files that set it ({', '.join(RC_FILES[:5])}, ...), or removes it from "
                                     "the Windows user environment"))
            continue
        if sys.platform == "win32":  # pragma: no cover - Windows only
            try:
                import winreg

                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, "Environment") as k:
                    winreg.QueryValueEx(k, name)
                in_user_env = True
            except OSError:
                in_user_env = False
            if in_user_env:
                plans.append(Plan(id=f"env:{name}", title=f"Remove {name} from your user environment", cures=[f],
                                  changes=[f"HKCU\\Environment\\{name} (was {value!r}) is removed; undo puts it back"],
                                  commands=[["reg", "delete", "HKCU\\Environment", "/v", name, "/f"]],
                                  checks=["attention.env"],
                                  apply=lambda j, c, say, name=name: j.set_winreg(name, "a broken attention backend"),
                                  notes=["open a new terminal (or sign out and in) for it to take effect"]))
            else:
                plans.append(Plan(id=f"env:{name}", title=f"Unset {name}", cures=[f],
                                  manual=f"{name}={value} is not in your user environment: it is set by the system "
                                         "environment (System Properties -> Environment Variables, needs an "
                                         "administrator) or by the script that starts Python; remove it there"))
            continue
        mine, system = where_set(name, home)
        if not mine:
            where = ("; it is also set in " + ", ".join(system)) if system else ""
            plans.append(Plan(id=f"env:{name}", title=f"Unset {name}", cures=[f],
                              manual=f"{name}={value} is not set in your shell start-up files ({', '.join(RC_FILES[:5])}, ...)"
                                     f"{where}: it comes from the program or script that started klein-doctor (or a "
                                     f"system file, which fix does not edit). Remove it there, or run `unset {name}`"))
            continue

        def apply(journal, c, say, mine=mine, name=name):
            for p, lines in mine:
                say(f"  edit {p}: comment out line(s) {', '.join(map(str, lines))}")
                journal.edit(p, comment_out(p.read_bytes(), lines, name), f"unset {name}")
            os.environ.pop(name, None)  # the re-check and the final verdict judge what a new shell gets

        def verify(name=name):
            left, _ = where_set(name, home)
            return ("cured" if not left else "not cured",
                    [f"{p}:{ln}" for p, ls in left for ln in ls] or
                    [f"new shells no longer set {name}; in a shell open now run `unset {name}`"])

        plans.append(Plan(id=f"env:{name}", title=f"Unset {name} (={value}) in your shell start-up files", cures=[f],
                          changes=[f"{p}: line(s) {', '.join(map(str, ls))} commented out (a backup is kept)" for p, ls in mine]
                          + ([f"also set in {', '.join(system)} (not edited: a system file)"] if system else []),
                          checks=["attention.env"], apply=apply, verify=verify,
                          notes=[f"shells open now keep the value: run `unset {name}` in them"]))
    return plans
