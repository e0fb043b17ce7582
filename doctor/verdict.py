"""The verdict: computed once from the findings, printed by every renderer, and the exit code.

States:
- ``not-ready``: a `fail` (or, with --strict, a `warn` or an area the path needs left unjudged). Exit 1.
- ``nothing-judged``: no check produced a judgement (every selected check skipped). Exit 2.
- ``ready-partial``: nothing failed, but an area the chosen path needs (``manifests/verdict.toml``) was not
  judged; ``not_checked`` says which, why, and the command that checks it. Exit 0 (2 when the doctor broke).
- ``ready``: every area the path needs was judged and nothing failed. Exit 0 (2 when the doctor broke).

An `error` finding (the doctor itself broke) with no `fail` gives exit 2, as before.
Consequences (findings whose ``cause`` names another finding present) are not root causes: the verdict lists
only the root causes, most severe first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import manifests
from .findings import Finding, Status

JUDGEMENTS = (Status.OK, Status.WARN, Status.FAIL)
AREA_PREFIX = {"System": "system", "GPU": "gpu", "PyTorch": "torch", "Attention": "attention", "Runtime": "runtime",
               "ComfyUI": "comfyui", "Model files": "models", "Workflows": "workflows", "Logs": "logs",
               "Smoke": "smoke"}


@dataclass
class Verdict:
    state: str
    headline: str
    exit_code: int
    path: str | None = None
    required: list[str] = field(default_factory=list)
    judged: list[str] = field(default_factory=list)
    not_checked: list[dict[str, str]] = field(default_factory=list)
    root_causes: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"state": self.state, "headline": self.headline, "exit_code": self.exit_code, "path": self.path,
                "required_areas": list(self.required), "judged_areas": list(self.judged),
                "not_checked": [dict(n) for n in self.not_checked],
                "root_causes": [f.code for f in self.root_causes]}


def consequences(findings: list[Finding]) -> dict[str, list[Finding]]:
    """{cause code: the findings that follow from it}, only for causes present among the findings (a finding
    whose cause was not reported, e.g. outside a --check selection, stands on its own)."""
    present = {f.code for f in findings}
    out: dict[str, list[Finding]] = {}
    for f in findings:
        cause = getattr(f, "cause", None)
        if cause and cause in present and cause != f.code:
            out.setdefault(cause, []).append(f)
    return out


def consequence_count(code: str, groups: dict[str, list[Finding]]) -> int:
    """How many problems follow from a cause (the `(+N consequences)` beside it): a finding shown under its cause
    only so that it does not read as good news (a ✓ placement of a wrong file) is not a consequence to count."""
    return sum(1 for f in groups.get(code, []) if f.status.rank >= Status.WARN.rank)


def is_consequence(f: Finding, groups: dict[str, list[Finding]]) -> bool:
    return any(f is x for xs in groups.values() for x in xs)


def _rules() -> dict[str, Any]:
    return manifests.load("verdict")


def required_areas(path: str | None) -> tuple[list[str], str]:
    rows = {r["id"]: r for r in _rules()["path"]}
    row = rows.get(path or "any") or rows["any"]
    return list(row["required"]), row["label"]


def judged_areas(findings: list[Finding]) -> list[str]:
    skip_codes = set(_rules().get("not_judged") or [])
    return sorted({f.area for f in findings if f.status in JUDGEMENTS and f.code not in skip_codes and f.area})


def how_to_check(area: str) -> str:
    how = (_rules().get("how") or {}).get(area) or f"--check {AREA_PREFIX.get(area, area.lower())}"
    return f"klein-doctor check {how}"


def how_also(area: str) -> str:
    """Words shown after the area's command: the other options that judge it (verdict.toml [how_also]), or ''."""
    return str((_rules().get("how_also") or {}).get(area) or "")


def _why(area: str, findings: list[Finding]) -> str:
    mine = [f for f in findings if f.area == area]
    if not mine:
        return "no check of this area ran"
    errs = [f for f in mine if f.status is Status.ERROR]
    if errs:
        return errs[0].title
    skips = [f for f in mine if f.status in (Status.SKIP, Status.INFO, Status.WARN)]
    return skips[0].title if skips else "its checks reported nothing"


def root_causes(findings: list[Finding]) -> list[Finding]:
    """Problems that are not consequences of another, most severe first: `fail` and `error`; the warnings
    only when there is nothing worse."""
    groups = consequences(findings)
    roots = [f for f in findings if f.status in (Status.FAIL, Status.ERROR, Status.WARN) and not is_consequence(f, groups)]
    worst = [f for f in roots if f.status in (Status.FAIL, Status.ERROR)]
    chosen = worst or roots
    return sorted(chosen, key=lambda f: -f.status.rank)


def compute(findings: list[Finding], options: dict[str, Any] | None = None, strict: bool = False) -> Verdict:
    options = options or {}
    path = options.get("path") if options.get("path") in ("comfyui", "diffusers") else None
    required, label = required_areas(path)
    judged = judged_areas(findings)
    statuses = {f.status for f in findings}
    roots = root_causes(findings)
    not_checked = [{"area": a, "why": _why(a, findings), "how": how_to_check(a),
                    **({"how_also": also} if (also := how_also(a)) else {})} for a in required if a not in judged]
    n_fail = sum(1 for f in roots if f.status is Status.FAIL)
    n_err = sum(1 for f in roots if f.status is Status.ERROR)
    n_warn = sum(1 for f in findings if f.status is Status.WARN)
    broke = Status.ERROR in statuses
    target = "FLUX.2 [klein]" + (f" on {label}" if path else "")
    if Status.FAIL in statuses:
        state, code = "not-ready", 1
        headline = f"Not ready for {target}: {n_fail} problem{'s' if n_fail != 1 else ''} to fix"
        if n_err:
            headline += f" (and {n_err} check{'s' if n_err != 1 else ''} could not finish)"
    elif not any(f.status in JUDGEMENTS for f in findings):
        state, code = "nothing-judged", 2
        headline = "Nothing was judged: every selected check was skipped or broke"
    elif strict and (Status.WARN in statuses or not_checked):
        state, code = "not-ready", 1
        why = []
        if n_warn:
            why.append(f"{n_warn} warning{'s' if n_warn != 1 else ''}")
        if not_checked:
            why.append("not checked: " + ", ".join(n["area"] for n in not_checked))
        headline = f"Not ready for {target} under --strict: " + "; ".join(why)
    elif not_checked:
        state, code = "ready-partial", 2 if broke else 0
        headline = (f"Nothing failed, but not everything {target} needs was checked: "
                    + ", ".join(n["area"] for n in not_checked))
    else:
        state, code = "ready", 2 if broke else 0
        headline = f"Ready for {target}"
        if n_warn:
            headline += f" ({n_warn} warning{'s' if n_warn != 1 else ''})"
    if broke and state in ("ready", "ready-partial"):
        headline += f"; {n_err} check{'s' if n_err != 1 else ''} could not finish"
    return Verdict(state=state, headline=headline, exit_code=code, path=path, required=required, judged=judged,
                   not_checked=not_checked, root_causes=roots)
