"""In-process helpers for check tests: build facts from a recorded machine, run one check, compare exact
(code, status, fix) tuples. Milliseconds each (no subprocess, no probes)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from doctor import pipeline
from doctor.findings import Finding

FACTS_DIR = Path(__file__).parent / "data" / "facts"


def facts_of(name: str, **sections: Any) -> dict[str, Any]:
    """A recorded machine's facts (validated as a --facts file is), with sections replaced or added."""
    d = json.loads((FACTS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    if str(d.get("schema", "")).startswith("klein-doctor/"):
        d = d["facts"]
    d = copy.deepcopy(d)
    for k, v in sections.items():
        if v is None:
            d.pop(k, None)
        else:
            d[k] = v
    return pipeline.sanitize(d)


def run(facts: dict[str, Any], *check_ids: str, path: str | None = None) -> list[Finding]:
    facts["options"] = dict(facts.get("options") or {}, path=path)
    return pipeline.run_checks(facts, pipeline.select_checks(list(check_ids) or None, path))


def fix_of(fix: Any) -> str | None:
    """A fix as one comparable string: its text, then ' :: ' and the diagnosed shell's commands (' ; ')."""
    if fix is None or isinstance(fix, str):
        return fix
    lines = fix.lines()
    return fix.text + (" :: " + " ; ".join(lines) if lines else "")


def triples(findings: list[Finding]) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.status.value, fix_of(f.fix)) for f in findings]


def replay(facts: dict[str, Any] | str, *check_ids: str, strict: bool = False) -> tuple[int, dict[str, Any]]:
    """What `klein-doctor check --facts F --json [--check ID ...]` prints, in process (no redaction):
    (exit code, the JSON document)."""
    from doctor.render import jsonout
    from doctor.verdict import compute

    if isinstance(facts, str):
        facts = facts_of(facts)
    else:
        facts = pipeline.sanitize(copy.deepcopy(facts))
    options = facts.get("options") or {}
    findings = pipeline.run_checks(facts, pipeline.select_checks(list(check_ids) or None, options.get("path")))
    v = compute(findings, options, strict=strict)
    return v.exit_code, json.loads(jsonout.dumps(jsonout.document(findings, facts, v.exit_code, v)))


def raw(name: str) -> dict[str, Any]:
    """A recorded facts file as JSON, unvalidated (to edit before replaying)."""
    d = json.loads((FACTS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return d["facts"] if str(d.get("schema", "")).startswith("klein-doctor/") else d
