"""The fault zoo: every failure mode the checks know, built on disk (or as a fact record) and judged by
`klein-doctor check --json` in a child process, as a user would run it; and every variant set up right,
which must come back clean. The last test prints the matrix (faults x detected)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import run_json
from faults.zoo import Setup, all_setups, child_env, shared_dir

SETUPS = all_setups()
RESULTS: dict[str, list[tuple[str, str, str, str]]] = {}  # setup id -> [(fault, code, got, verdict)]
TIMES: dict[str, float] = {}


def _judge(setup: Setup, tmp_path: Path) -> dict:
    if setup.needs_shared and not shared_dir().is_dir():
        pytest.skip("../shared fixtures are not present")
    args = setup.build(tmp_path)
    t0 = time.monotonic()
    rc, doc = run_json(*args, env=child_env(tmp_path), cwd=tmp_path, timeout=120)
    TIMES[setup.id] = time.monotonic() - t0
    assert rc in (0, 1), (rc, doc["summary"])
    return doc


@pytest.mark.parametrize("setup", [s for s in SETUPS if s.faults], ids=lambda s: s.id)
def test_fault_is_detected(setup: Setup, tmp_path):
    doc = _judge(setup, tmp_path)
    rows, missed = [], []
    for fault in setup.faults:
        hits = [f for f in doc["findings"] if f["code"] == fault.code
                and (fault.title_has is None or fault.title_has in f["title"])]
        got = ",".join(sorted({f["status"] for f in hits})) or "-"
        ok = any(f["status"] in fault.statuses for f in hits)
        rows.append((fault.id, fault.code, got, "detected" if ok else "MISSED"))
        if not ok:
            missed.append(fault.id)
    RESULTS[setup.id] = rows
    errors = [f for f in doc["findings"] if f["status"] == "error"]
    assert not errors, errors
    assert not missed, (missed, [(f["code"], f["status"], f["title"]) for f in doc["findings"]])
    planted = {x.code for x in setup.faults}
    for f in doc["findings"]:
        if f["code"] in planted and f["status"] in ("fail", "warn"):
            assert f["title"].strip() and f["evidence"] is not None, f  # a clear finding: a readable title


@pytest.mark.parametrize("setup", [s for s in SETUPS if s.clean_areas], ids=lambda s: s.id)
def test_clean_setup_is_clean(setup: Setup, tmp_path):
    doc = _judge(setup, tmp_path)
    bad = [(f["code"], f["status"], f["title"]) for f in doc["findings"]
           if f["area"] in setup.clean_areas and f["status"] in ("warn", "fail", "error")]
    judged = [f for f in doc["findings"] if f["area"] in setup.clean_areas and f["status"] == "ok"]
    RESULTS[setup.id] = [("(clean setup)", f"{len(judged)} ok findings", "clean" if not bad else "NOISY",
                          "clean" if not bad else "CRIED WOLF: " + "; ".join(c for c, _, _ in bad))]
    assert judged, "the clean setup judged nothing in " + ", ".join(setup.clean_areas)
    assert not bad, bad


def test_print_matrix():
    """Runs last (file order): the faults x detected table, visible with -s or -rA."""
    lines = [f"{'setup':52} {'fault':55} {'finding code':42} {'status':9} verdict"]
    for s in SETUPS:
        for fault, code, got, verdict in RESULTS.get(s.id, [(f.id, f.code, "-", "not run") for f in s.faults] or
                                                   [("(clean setup)", "", "-", "not run")]):
            lines.append(f"{s.id[:52]:52} {fault[:55]:55} {code[:42]:42} {got:9} {verdict}")
    ran = [r for rows in RESULTS.values() for r in rows]
    n_faults = sum(len(s.faults) for s in SETUPS)
    detected = sum(1 for r in ran if r[3] == "detected")
    lines.append(f"faults: {n_faults}, detected: {detected}; clean setups: {sum(1 for s in SETUPS if s.clean_areas)}, "
                 f"clean: {sum(1 for r in ran if r[3] == 'clean')}; subprocess time {sum(TIMES.values()):.1f} s "
                 f"over {len(TIMES)} runs")
    print("\n" + "\n".join(lines))
    assert RESULTS, "no zoo test ran before the matrix"
    assert not [r for r in ran if r[3] not in ("detected", "clean")]
