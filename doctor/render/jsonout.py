"""The `--json` document: one object, schema ``klein-doctor/2``, nothing else on stdout.

klein-doctor/2 (from klein-doctor/1): adds ``verdict`` (doctor/verdict.py) and a ``cause`` on each finding;
``exit_code`` is the verdict's.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..findings import Finding, summarize

SCHEMA = "klein-doctor/2"


def document(findings: list[Finding], facts: dict[str, Any], exit_code: int | None = None,
             verdict: Any = None) -> dict[str, Any]:
    if verdict is None:
        from ..verdict import compute

        verdict = compute(findings, facts.get("options") or {})
    return {
        "schema": SCHEMA,
        "tool": {"name": "klein-doctor", "version": __version__},
        "exit_code": verdict.exit_code if exit_code is None else exit_code,
        "verdict": verdict.to_dict(),
        "summary": summarize(findings),
        "findings": [f.to_dict() for f in findings],
        "facts": facts,
    }


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, sort_keys=False, default=str)
