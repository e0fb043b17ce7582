"""Commands exactly as they must be typed in bash/zsh (POSIX), PowerShell and cmd.

A fix is built from a few steps (run a program, change folder, unset or set an environment variable) and
rendered once per shell that fits the diagnosed machine: POSIX on Linux, WSL and macOS; PowerShell and cmd
on Windows, the detected one first (PowerShell when nothing says cmd). The quoting rules:

- POSIX: single quotes (``'`` written as ``'\\''``); a home-relative ``~/...`` path becomes ``"$HOME"/'...'``
  because a quoted ``~`` is not expanded.
- PowerShell: a quoted program needs the call operator (``& "C:\\...\\python.exe" -m pip ...``); double quotes
  unless the text holds ``$``, a backtick or a double quote, then single quotes (``'`` and the typographic
  single quotes doubled, as PowerShell treats those as quotes too); ``~\\...`` becomes ``"$HOME\\..."``.
- cmd: double quotes; ``%`` cannot be escaped inside quotes in an interactive cmd, so it is written outside
  them as ``^%``; a double quote inside an argument cannot be written at all (the step is not offered in cmd);
  ``~\\...`` becomes ``"%USERPROFILE%\\..."``.

``detect_shell`` is the system probe's: which shell started the doctor (parent process, then PSModulePath /
SHELL), recorded as a fact so a replayed Windows machine still shows its own shell's commands.
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass, field
from typing import Any, Iterable, Union

from .findings import Command, Fix

POSIX, POWERSHELL, CMD = "posix", "powershell", "cmd"
LABELS = {POSIX: "bash/zsh", POWERSHELL: "PowerShell", CMD: "cmd"}

_PS_SAFE = re.compile(r"^[A-Za-z0-9_\-./\\:=+]+$")
_CMD_SAFE = re.compile(r"^[A-Za-z0-9_\-./\\:=+]+$")
_PS_SINGLE = "'\u2018\u2019\u201a\u201b"
_PS_DOUBLE_SPECIAL = "$`\"\u201c\u201d\u201e"


class NotExpressible(ValueError):
    """The argument cannot be written in this shell (e.g. a double quote inside a cmd argument)."""


# ------------------------------------------------------------------------------------------ steps
@dataclass
class Run:
    """Run a program with arguments. ``local``: the program is in the current folder (a .bat after ``Cd``)."""

    argv: list[str]
    local: bool = False


@dataclass
class Cd:
    path: str


@dataclass
class Unset:
    name: str


@dataclass
class SetEnv:
    name: str
    value: str


@dataclass
class Move:
    """Move a file into a folder (the folder must exist)."""

    src: str
    dest_dir: str


Step = Union[Run, Cd, Unset, SetEnv, Move]


# ------------------------------------------------------------------------------------------ quoting
def _home_rest(s: str) -> str | None:
    """'~/a b' or '~\\a b' -> 'a b' (the part after the home folder); None when s is not home-relative."""
    if s == "~":
        return ""
    if s.startswith("~/") or s.startswith("~\\"):
        return s[2:]
    return None


def quote_posix(s: str) -> str:
    rest = _home_rest(s)
    if rest is not None:
        return '"$HOME"' + ("/" + shlex.quote(rest) if rest else "")
    return shlex.quote(s)


def _ps_double(s: str) -> str:
    return '"' + "".join("`" + ch if ch in _PS_DOUBLE_SPECIAL else ch for ch in s) + '"'


def _ps_single(s: str) -> str:
    return "'" + "".join(ch * 2 if ch in _PS_SINGLE else ch for ch in s) + "'"


def quote_powershell(s: str) -> str:
    rest = _home_rest(s)
    if rest is not None:
        return _ps_double("\x00HOME\x00" + ("\\" + rest if rest else "")).replace("\x00HOME\x00", "$HOME")
    if s and _PS_SAFE.match(s):
        return s
    if any(ch in s for ch in _PS_DOUBLE_SPECIAL) or any(ch in s for ch in _PS_SINGLE[1:]):
        return _ps_single(s)
    return _ps_double(s)


def quote_cmd(s: str) -> str:
    rest = _home_rest(s)
    if rest is not None:
        if '"' in rest or "%" in rest:
            raise NotExpressible(f"cmd cannot write this home-relative path: {s!r}")
        return '"%USERPROFILE%' + ("\\" + rest.replace("/", "\\") if rest else "") + '"'
    if '"' in s:
        raise NotExpressible(f"cmd cannot pass a double quote inside an argument: {s!r}")
    if s and _CMD_SAFE.match(s):
        return s
    return _cmd_quoted(s)


def _cmd_quoted(s: str) -> str:
    # Inside quotes cmd still expands %NAME%, and ^ does not escape there: put each % outside as ^%.
    parts = s.split("%")
    return "^%".join(f'"{p}"' if p else "" for p in parts) or '""'


QUOTERS = {POSIX: quote_posix, POWERSHELL: quote_powershell, CMD: quote_cmd}


def quote(shell: str, s: str) -> str:
    return QUOTERS[shell](str(s))


# ------------------------------------------------------------------------------------------ rendering
def render_step(shell: str, step: Step) -> str:
    if isinstance(step, Run):
        prog, args = str(step.argv[0]), [str(a) for a in step.argv[1:]]
        tail = "".join(" " + quote(shell, a) for a in args)
        if shell == POSIX:
            return ("./" + quote_posix(prog) if step.local else quote_posix(prog)) + tail
        if shell == POWERSHELL:
            p = quote_powershell(".\\" + prog if step.local else prog)
            # A quoted (or variable) program is an expression to PowerShell: it needs the call operator.
            return ("& " + p if p[:1] in "'\"$" else p) + tail
        return quote_cmd(prog) + tail
    if isinstance(step, Cd):
        if shell == POSIX:
            return "cd " + quote_posix(step.path)
        if shell == POWERSHELL:
            return "Set-Location -LiteralPath " + quote_powershell(step.path)
        return "cd /d " + quote_cmd(step.path)
    if isinstance(step, Unset):
        _check_name(step.name)
        return {POSIX: f"unset {step.name}", POWERSHELL: f"Remove-Item Env:{step.name}", CMD: f"set {step.name}="}[shell]
    if isinstance(step, SetEnv):
        _check_name(step.name)
        if shell == POSIX:
            return f"export {step.name}={quote_posix(step.value)}"
        if shell == POWERSHELL:
            return f"$env:{step.name} = {_ps_single(step.value)}"
        if '"' in step.value or "%" in step.value:
            raise NotExpressible(f"cmd cannot set {step.name} to {step.value!r} safely")
        return f'set "{step.name}={step.value}"'
    if isinstance(step, Move):
        if shell == POSIX:
            return f"mv -n {quote_posix(step.src)} {quote_posix(step.dest_dir.rstrip('/') + '/')}"
        if shell == POWERSHELL:
            return f"Move-Item -LiteralPath {quote_powershell(step.src)} -Destination {quote_powershell(step.dest_dir)}"
        return f"move /-Y {quote_cmd(step.src)} {quote_cmd(step.dest_dir)}"
    raise TypeError(f"not a step: {step!r}")


def _check_name(name: str) -> None:
    if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", name):
        raise NotExpressible(f"not an environment variable name: {name!r}")


def render(shell: str, steps: Iterable[Step]) -> list[str]:
    return [render_step(shell, s) for s in steps]


# ------------------------------------------------------------------------------------------ the machine's shells
def is_windows(facts: dict[str, Any]) -> bool:
    return str((facts.get("system") or {}).get("os") or "").startswith("win")


def shells_for(facts: dict[str, Any]) -> list[str]:
    """The shells a fix is written for on the diagnosed machine, the one to show first."""
    system = facts.get("system") or {}
    if is_windows(facts):
        return [CMD, POWERSHELL] if (system.get("shell") or {}).get("name") == CMD else [POWERSHELL, CMD]
    return [POSIX]


def preferred_shell(facts: dict[str, Any]) -> str:
    return shells_for(facts)[0]


def make_fix(facts: dict[str, Any], text: str, steps: Iterable[Step] = (), shells: list[str] | None = None) -> Fix:
    """A Fix with ``steps`` rendered for every shell of the machine (a shell that cannot express a step is
    left out: the text still says what to do)."""
    steps = list(steps)
    commands: list[Command] = []
    for sh in shells or shells_for(facts):
        try:
            lines = render(sh, steps)
        except NotExpressible:
            continue
        commands += [Command(shell=sh, line=line) for line in lines]
    return Fix(text=text, commands=commands)


# ------------------------------------------------------------------------------------------ detection (probe side)
_SHELL_NAMES = {"powershell.exe": POWERSHELL, "pwsh.exe": POWERSHELL, "pwsh": POWERSHELL, "cmd.exe": CMD,
                "bash": POSIX, "zsh": POSIX, "sh": POSIX, "dash": POSIX, "fish": "fish", "bash.exe": POSIX}


@dataclass
class _Proc:
    pid: int
    ppid: int
    name: str
    children: list[int] = field(default_factory=list)


def _windows_process_table() -> dict[int, _Proc]:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    class PROCESSENTRY32W(ctypes.Structure):
        _fields_ = [("dwSize", wintypes.DWORD), ("cntUsage", wintypes.DWORD), ("th32ProcessID", wintypes.DWORD),
                    ("th32DefaultHeapID", ctypes.c_void_p), ("th32ModuleID", wintypes.DWORD),
                    ("cntThreads", wintypes.DWORD), ("th32ParentProcessID", wintypes.DWORD),
                    ("pcPriClassBase", ctypes.c_long), ("dwFlags", wintypes.DWORD),
                    ("szExeFile", ctypes.c_wchar * 260)]

    k32 = ctypes.windll.kernel32
    k32.CreateToolhelp32Snapshot.restype = ctypes.c_void_p  # a HANDLE: pointer-sized, not int
    k32.CreateToolhelp32Snapshot.argtypes = [wintypes.DWORD, wintypes.DWORD]
    k32.Process32FirstW.argtypes = [ctypes.c_void_p, ctypes.POINTER(PROCESSENTRY32W)]
    k32.Process32NextW.argtypes = [ctypes.c_void_p, ctypes.POINTER(PROCESSENTRY32W)]
    k32.CloseHandle.argtypes = [ctypes.c_void_p]
    snap = k32.CreateToolhelp32Snapshot(0x2, 0)  # TH32CS_SNAPPROCESS
    table: dict[int, _Proc] = {}
    if not snap or snap == ctypes.c_void_p(-1).value:  # INVALID_HANDLE_VALUE
        return table
    try:
        e = PROCESSENTRY32W()
        e.dwSize = ctypes.sizeof(PROCESSENTRY32W)
        ok = k32.Process32FirstW(snap, ctypes.byref(e))
        while ok:
            table[e.th32ProcessID] = _Proc(e.th32ProcessID, e.th32ParentProcessID, e.szExeFile)
            ok = k32.Process32NextW(snap, ctypes.byref(e))
    finally:
        k32.CloseHandle(snap)
    return table


def _posix_parent_names(pid: int, depth: int = 4) -> list[str]:
    names = []
    for _ in range(depth):
        try:
            with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as fh:
                stat = fh.read(4096)
        except OSError:
            break
        m = re.match(r"^\d+ \((.*)\) \S+ (\d+)", stat)
        if not m:
            break
        ppid = int(m.group(2))
        if pid != os.getpid():
            names.append(m.group(1))
        if ppid <= 1:
            break
        pid = ppid
    return names


def detect_shell(environ: dict[str, str] | None = None, windows: bool | None = None,
                 parents: list[str] | None = None) -> dict[str, Any]:
    """Which shell the user typed the command in: {"name": posix|powershell|cmd|fish|unknown, "how": ...}.

    The nearest shell among the parent processes wins; else on Windows PSModulePath (PowerShell adds the
    user's module folder to it, so three or more entries mean PowerShell) and else PowerShell, Windows'
    default terminal shell; on other systems $SHELL, else POSIX."""
    env = os.environ if environ is None else environ
    win = os.name == "nt" if windows is None else windows
    if parents is None:
        try:
            if win:  # pragma: no cover - Windows only
                table = _windows_process_table()
                parents, pid = [], table.get(os.getpid()).ppid if os.getpid() in table else 0
                for _ in range(6):
                    p = table.get(pid)
                    if not p:
                        break
                    parents.append(p.name)
                    pid = p.ppid
            else:
                parents = _posix_parent_names(os.getpid())
        except Exception:  # noqa: BLE001 - detection is best-effort
            parents = []
    for name in parents:
        sh = _SHELL_NAMES.get(name.lower()) or _SHELL_NAMES.get(name.lower().lstrip("-"))
        if sh:
            return {"name": sh, "how": f"parent process {name}"}
    if win:
        psm = [p for p in env.get("PSModulePath", "").split(";") if p]
        if len(psm) >= 3:
            return {"name": POWERSHELL, "how": f"PSModulePath has {len(psm)} entries (PowerShell adds the user's)"}
        if psm:
            return {"name": CMD, "how": f"PSModulePath has only the {len(psm)} system entries (not started from PowerShell)"}
        return {"name": POWERSHELL, "how": "default (nothing detected)"}
    sh = os.path.basename(env.get("SHELL", ""))
    if sh:
        return {"name": _SHELL_NAMES.get(sh, POSIX), "how": f"SHELL={sh}"}
    return {"name": POSIX, "how": "default (nothing detected)"}
