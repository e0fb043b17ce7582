"""Findings: the one thing a check hands back.

A finding is a verdict on one aspect of the machine. It carries a stable ``code`` (scripts and the
fault-zoo tests match on it), the check and area it came from, a status, a one-line title a user can
read without context, evidence lines that say what was seen, and a ``fix``: a short text plus the exact
commands, each for a named shell, when one exists. Renderers print findings; they never decide anything.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any


class Status(str, enum.Enum):
    """Severity, ordered from good to bad for sorting and summaries."""

    OK = "ok"
    INFO = "info"
    SKIP = "skip"
    WARN = "warn"
    FAIL = "fail"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {
    Status.OK: 0,
    Status.SKIP: 1,
    Status.INFO: 2,
    Status.WARN: 3,
    Status.ERROR: 4,
    Status.FAIL: 5,
}

STATUSES = [s.value for s in Status]


SHELLS = ("posix", "powershell", "cmd")


@dataclass
class Command:
    """One line to type, exactly as it must be typed, in one shell ("posix" = bash/zsh, "powershell", "cmd")."""

    shell: str
    line: str


@dataclass
class Fix:
    """What to do: ``text`` says it in words (never a command to copy), ``commands`` are the lines to type.

    A fix may carry the same steps for several shells. The checks order ``commands`` so that the shell of the
    diagnosed machine comes first (PowerShell on Windows unless cmd was detected, else posix): the terminal
    shows that shell's lines, the report and the JSON carry them all.
    """

    text: str
    commands: list[Command] = field(default_factory=list)

    @classmethod
    def of(cls, value: "Fix | str | dict[str, Any] | None") -> "Fix | None":
        """A Fix from whatever a maker or a JSON document holds: a Fix, a plain string (text only), a dict."""
        if value is None or isinstance(value, Fix):
            return value
        if isinstance(value, str):
            return cls(text=value) if value else None
        if isinstance(value, dict):
            cmds = [c if isinstance(c, Command) else Command(shell=str(c.get("shell", "")), line=str(c.get("line", "")))
                    for c in value.get("commands") or [] if isinstance(c, (dict, Command))]
            return cls(text=str(value.get("text") or ""), commands=cmds)
        return cls(text=str(value))

    def shells(self) -> list[str]:
        """The shells this fix has commands for, the diagnosed machine's first."""
        out: list[str] = []
        for c in self.commands:
            if c.shell not in out:
                out.append(c.shell)
        return out

    def lines(self, shell: str | None = None) -> list[str]:
        """The lines to type in ``shell`` (default: the first shell, the diagnosed machine's)."""
        if not self.commands:
            return []
        shell = shell or self.commands[0].shell
        return [c.line for c in self.commands if c.shell == shell]

    def display(self, sep: str = "\n", shell: str | None = None) -> str:
        """The text, then each line for one shell on its own line (joined by ``sep``): what a terminal prints."""
        return sep.join(([self.text] if self.text else []) + self.lines(shell))

    def __str__(self) -> str:
        """One line for places that show a fix inline: the text, then each shell's commands in backticks."""
        parts = [self.text] if self.text else []
        for sh in self.shells():
            label = {"posix": "bash/zsh", "powershell": "PowerShell", "cmd": "cmd"}.get(sh, sh)
            parts.append(f"{label}: " + " ; ".join(f"`{line}`" for line in self.lines(sh)))
        return " — ".join(parts)

    # String-like helpers so renderers written for the old plain-string fix keep working.
    def __contains__(self, item: str) -> bool:
        return item in str(self)

    def replace(self, old: str, new: str) -> str:
        return str(self).replace(old, new)

    def __bool__(self) -> bool:
        return bool(self.text or self.commands)


@dataclass
class Finding:
    """One verdict. ``check`` and ``area`` are filled in by the pipeline from the check's declaration."""

    code: str
    status: Status
    title: str
    evidence: list[str] = field(default_factory=list)
    fix: Fix | None = None
    check: str = ""
    area: str = ""
    detail: str | None = None  # a traceback for `error` findings; shown only with -v
    cause: str | None = None  # the code of the finding this one follows from (a consequence); None: a root
    subject: str | None = None  # which one it judges where a check judges several (a repo id); None: the machine

    def __post_init__(self) -> None:
        self.fix = Fix.of(self.fix)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)  # a Fix becomes {"text": ..., "commands": [{"shell": ..., "line": ...}]}
        d["status"] = self.status.value
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Finding":
        d = dict(d)
        d["status"] = Status(d["status"])
        d["fix"] = Fix.of(d.get("fix"))
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in d.items() if k in known})


def _make(status: Status):
    def make(code: str, title: str, evidence: list[str] | None = None, fix: str | None = None, *,
             cause: str | None = None, subject: str | None = None) -> Finding:
        return Finding(code=code, status=status, title=title, evidence=list(evidence or []), fix=fix, cause=cause,
                       subject=subject)

    make.__name__ = status.value
    make.__doc__ = f"A finding with status `{status.value}`."
    return make


ok = _make(Status.OK)
info = _make(Status.INFO)
warn = _make(Status.WARN)
fail = _make(Status.FAIL)
skip = _make(Status.SKIP)
error = _make(Status.ERROR)


def summarize(findings: list[Finding]) -> dict[str, int]:
    """Counts per status, every status present (zeros included) so JSON consumers need no defaults."""
    counts = {s: 0 for s in STATUSES}
    for f in findings:
        counts[f.status.value] += 1
    counts["total"] = len(findings)
    return counts


def exit_code(findings: list[Finding], strict: bool = False) -> int:
    """The exit code of the findings alone (no path, no areas): kept for callers outside `check`; the CLI
    uses doctor.verdict, which also knows what was not judged.
    0: no `fail`; 1: a `fail` (or, with --strict, a `warn`); 2: the doctor itself broke somewhere
    (an `error` finding) and found no `fail` elsewhere. A failure on the machine outranks our own
    breakage because it is the actionable news."""
    statuses = {f.status for f in findings}
    if Status.FAIL in statuses:
        return 1
    if Status.ERROR in statuses:
        return 2
    if strict and Status.WARN in statuses:
        return 1
    return 0
