"""The `--json` document: one object, schema ``klein-doctor/1``, nothing else on stdout."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..findings import Finding, summarize

SCHEMA = "klein-doctor/1"


def document(findings: list[Finding], facts: dict[str, Any], exit_code: int) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "tool": {"name": "klein-doctor", "version": __version__},
        "exit_code": exit_code,
        "summary": summarize(findings),
        "findings": [f.to_dict() for f in findings],
        "facts": facts,
    }


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, sort_keys=False, default=str)
