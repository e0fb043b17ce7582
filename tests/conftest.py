"""Shared test helpers: run klein-doctor as a user would (a subprocess), and find the shared fixtures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FACTS = DATA / "facts"
# ../shared next to the checkout (the developers' and CI's layout); tests needing it skip without it.
SHARED = Path(os.environ.get("KLEIN_SHARED", REPO.parent / "shared"))


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: str | Path | None = None, timeout: float = 120,
            input: str | None = None) -> subprocess.CompletedProcess:
    """`python -m doctor ARGS` in a child process with a clean, predictable environment."""
    child_env = dict(os.environ)
    child_env.pop("FORCE_COLOR", None)
    child_env["NO_COLOR"] = "1"
    child_env["PYTHONPATH"] = str(REPO) + os.pathsep + child_env.get("PYTHONPATH", "")
    if env:
        child_env.update(env)
    return subprocess.run([sys.executable, "-m", "doctor", *args], capture_output=True, text=True, env=child_env,
                          cwd=str(cwd or REPO), timeout=timeout, input=input)


def run_json(*args: str, **kw) -> tuple[int, dict]:
    proc = run_cli("check", *args, "--json", **kw)
    assert proc.stdout.strip().startswith("{"), proc.stdout + proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def codes(doc: dict, status: str | None = None) -> set[str]:
    return {f["code"] for f in doc["findings"] if status is None or f["status"] == status}


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared fixtures are not present")
    return SHARED


def sigint_default() -> None:
    """preexec_fn for a child that a test sends Ctrl-C (SIGINT): the default disposition, as a user's terminal
    gives it. A shell without job control starts background jobs with SIGINT ignored, and a child inherits that
    (`.ci/run &` from a script), so without this those tests would test the launcher, not the doctor."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
