"""Findings: the one thing a check hands back.

A finding is a verdict on one aspect of the machine. It carries a stable ``code`` (scripts and the
fault-zoo tests match on it), the check and area it came from, a status, a one-line title a user can
read without context, evidence lines that say what was seen, and a ``fix``: the exact command or
action, when one exists. Renderers print findings; they never decide anything.
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


@dataclass
class Finding:
    """One verdict. ``check`` and ``area`` are filled in by the pipeline from the check's declaration."""

    code: str
    status: Status
    title: str
    evidence: list[str] = field(default_factory=list)
    fix: str | None = None
    check: str = ""
    area: str = ""
    detail: str | None = None  # a traceback for `error` findings; shown only with -v
    cause: str | None = None  # the code of the finding this one follows from (a consequence); None: a root

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["status"] = self.status.value
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Finding":
        d = dict(d)
        d["status"] = Status(d["status"])
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in d.items() if k in known})


def _make(status: Status):
    def make(code: str, title: str, evidence: list[str] | None = None, fix: str | None = None, *,
             cause: str | None = None) -> Finding:
        return Finding(code=code, status=status, title=title, evidence=list(evidence or []), fix=fix, cause=cause)

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
