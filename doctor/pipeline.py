"""probes -> facts -> checks -> findings. The one place that wires them together.

Facts are gathered once (or loaded from a saved file), then every selected check runs as a pure
function of them. Nothing here prints.
"""

from __future__ import annotations

import datetime as _dt
import json
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .findings import Finding, Status, error, skip
from .registry import IMPORT_ERRORS, Check, FactsView, NotJudged, UndeclaredFact, all_checks

FACTS_SCHEMA = "klein-doctor-facts/1"
# A saved-facts file larger than this is not a facts file.
MAX_FACTS_BYTES = 64 * 1024 * 1024


class FactsFileError(Exception):
    """A --facts file that cannot be used; the message says why in user terms."""


@dataclass
class Result:
    facts: dict[str, Any]
    findings: list[Finding]


def gather(options: dict[str, Any], only_probes: set[str] | None = None) -> dict[str, Any]:
    from .probes import run_probes

    results, errors = run_probes(options, only=only_probes)
    facts: dict[str, Any] = {
        "schema": FACTS_SCHEMA,
        "collected_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "tool_version": __version__,
        "options": options,
        "probe_errors": errors,
        "probe_durations": results.pop("_durations", {}),
    }
    facts.update(results)
    return facts


def load_facts(path: str | Path) -> dict[str, Any]:
    from . import safeio

    try:  # bounded: a FIFO, /dev/zero or a 1 GB file is refused before it is read
        raw = safeio.read_bytes(path, MAX_FACTS_BYTES, what="facts file")
    except safeio.Unreadable as exc:
        raise FactsFileError(f"cannot read facts file: {exc}") from exc
    try:
        data = safeio.loads_json(raw.decode("utf-8"), max_depth=safeio.JSON_DEPTH, what="the facts file")
    except safeio.BadData as exc:
        raise FactsFileError(f"{path} is not a usable klein-doctor facts file: {exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FactsFileError(f"{path} is not a klein-doctor facts file (not JSON: {exc})") from exc
    if isinstance(data, dict) and data.get("schema") in ("klein-doctor/1", "klein-doctor/2") \
            and isinstance(data.get("facts"), dict):
        data = data["facts"]  # a whole `check --json` document: take its facts
    if not isinstance(data, dict) or data.get("schema") != FACTS_SCHEMA:
        raise FactsFileError(f"{path} is not a klein-doctor facts file (schema is not {FACTS_SCHEMA!r})")
    data.setdefault("probe_errors", {})
    from .factsref import rehydrate

    # facts pasted from a report name the built-in models manifest instead of copying it
    return sanitize(rehydrate(data))


def sanitize(data: dict[str, Any]) -> dict[str, Any]:
    """Check a loaded facts file against the typed sections (doctor/facts_types.py). A section with a
    wrong-typed field is dropped and recorded as a probe error (one `error` finding that says which field),
    so the checks that need it `skip` with the reason instead of crashing on it."""
    from .facts_types import validate

    errors = data.get("probe_errors")
    if not isinstance(errors, dict):
        errors = {}
    errors = {str(k): (v if isinstance(v, dict) else {"type": "InvalidFacts", "message": str(v)})
              for k, v in errors.items()}
    data["probe_errors"] = errors
    for name, problem in validate(data).items():
        if name == "options":
            data["options"] = {}  # judge with the defaults
        else:
            data.pop(name, None)
        errors[name] = {"type": "InvalidFacts", "message": f"the {name} section of this facts file is malformed: {problem}",
                        "traceback": None}
    if not isinstance(data.get("options"), dict):
        data["options"] = {}
    return data


def select_checks(ids: list[str] | None, path: str | None = None) -> list[Check]:
    checks = all_checks()
    if ids:
        known = {c.id for c in checks}
        unknown = [i for i in ids if i not in known and not any(k.startswith(i + ".") for k in known)]
        if unknown:
            raise KeyError(", ".join(unknown))
        checks = [c for c in checks if c.id in ids or any(c.id.startswith(i + ".") for i in ids)]
    if path:
        checks = [c for c in checks if c.paths is None or path in c.paths]
    return checks


def unknown_checks_message(names: str) -> str:
    """`unknown check id: model (did you mean models?)`: the nearest known ids and area prefixes for each name."""
    import difflib

    known = {c.id for c in all_checks()}
    prefixes = {k.rsplit(".", i)[0] for k in known for i in range(1, k.count(".") + 1)}
    said = []
    for name in [n.strip() for n in names.split(",") if n.strip()]:
        near = difflib.get_close_matches(name, sorted(known | prefixes), n=3, cutoff=0.6)
        said.append(name + (f" (did you mean {' or '.join(near)}?)" if near else ""))
    return f"unknown check id: {', '.join(said)} (see --list-checks)"


def needed_probes(checks: list[Check]) -> set[str]:
    """The probes to run for these checks: what they declare, nothing else (dependencies are pulled in by
    the probe runner)."""
    return {n for c in checks for n in c.reads}


def probes_for(checks: list[Check]) -> set[str]:
    """Every probe that runs for these checks: their declarations and the probes those read first."""
    from .probes import with_dependencies

    return with_dependencies(needed_probes(checks))


def run_checks(facts: dict[str, Any], checks: list[Check]) -> list[Finding]:
    findings: list[Finding] = []
    for name, err in sorted((facts.get("probe_errors") or {}).items()):
        if err.get("type") == "InvalidFacts":
            f = error(f"probe.{name}.invalid", f"The {name} facts cannot be used: {err.get('message')}",
                      [str(err.get("message"))])
        else:
            f = error(f"probe.{name}.error", f"Could not gather the {name} facts: {err.get('message')}",
                      [f"{err.get('type')}: {err.get('message')}"])
        f.check, f.area, f.detail = f"probe.{name}", _probe_area(name), err.get("traceback")
        findings.append(f)
    for mod, exc in sorted(IMPORT_ERRORS.items()):
        f = error(f"{mod}.import-error", f"Check module {mod} could not be loaded: {exc}",
                  [f"{type(exc).__name__}: {exc}"])
        f.check, f.area = mod, "System"
        f.detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        findings.append(f)
    for c in checks:
        findings.extend(run_one(c, facts))
    return settle_causes(findings)


def settle_causes(findings: list[Finding]) -> list[Finding]:
    """A cause carries the highest severity of its group: a `warn` whose consequences `fail` is raised to
    `fail` (the user fixes the cause, and the cause is what the verdict lists)."""
    from .verdict import consequences

    by_code = {f.code: f for f in findings}
    for code, group in consequences(findings).items():
        cause = by_code[code]
        worst = max(group, key=lambda f: f.status.rank)
        if worst.status.rank > cause.status.rank and worst.status is not Status.ERROR:
            cause.status = worst.status
    return findings


def run_one(c: Check, facts: dict[str, Any]) -> list[Finding]:
    errors = facts.get("probe_errors") or {}
    broken = [n for n in c.needs if n in errors]
    missing = [n for n in c.needs if n not in facts and n not in broken]
    if broken or missing:
        bad = any((errors.get(n) or {}).get("type") == "InvalidFacts" for n in broken)
        why = ("are malformed in this facts file" if bad else "failed") if broken else "were not gathered"
        f = skip(f"{c.id}.no-facts", f"{c.title}: not checked, the {', '.join(broken or missing)} facts {why}")
        f.check, f.area = c.id, c.area
        return [f]
    try:
        out = c.fn(FactsView(facts, c.reads, c.id))
        if out is None:
            items: list[Finding] = []
        elif isinstance(out, Finding):
            items = [out]
        else:
            items = list(out)
    except NotJudged as exc:
        f = skip(f"{c.id}.not-judged", f"{c.title}: not checked, {exc}")
        items = [f]
    except UndeclaredFact as exc:
        f = error(f"{c.id}.undeclared-fact", f"{c.title}: the check is broken ({exc})", [str(exc)])
        f.detail = traceback.format_exc()
        items = [f]
    except Exception as exc:  # noqa: BLE001 - a crashing check is a result, not a crashed run
        f = error(f"{c.id}.crashed", f"{c.title}: the check itself failed ({type(exc).__name__}: {exc})",
                  [f"{type(exc).__name__}: {exc}"])
        f.detail = traceback.format_exc()
        items = [f]
    for f in items:
        f.check = f.check or c.id
        f.area = f.area or c.area
    return items


def _probe_area(name: str) -> str:
    return {"gpu": "GPU", "torch": "PyTorch", "python": "PyTorch", "scan": "Attention", "comfyui_tree": "ComfyUI",
            "comfyui_server": "ComfyUI", "workflows": "Workflows", "models": "Model files", "comfyui_log": "Logs",
            "smoke": "Smoke", "runtime": "Runtime"}.get(name, "System")


def diagnose(options: dict[str, Any], facts: dict[str, Any] | None = None,
             check_ids: list[str] | None = None) -> Result:
    checks = select_checks(check_ids, options.get("path"))
    if facts is None:
        only = needed_probes(checks)
        facts = gather(options, only)
    return Result(facts=facts, findings=run_checks(facts, checks))
