"""Running a helper script in another interpreter, bounded in time and output.

torch (and anything that imports CUDA) is only ever imported in a child process of the *target*
Python: a broken CUDA install can hang, segfault or print to stdout, and none of that may reach the
doctor's own process. The child prints its JSON after a marker line so stray prints do not break parsing.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MARKER = "@@KLEIN_DOCTOR_JSON@@"
SCRIPTS = Path(__file__).resolve().parent / "probe_scripts"
MAX_OUTPUT = 4 * 1024 * 1024


@dataclass
class ScriptResult:
    data: dict[str, Any] | None
    returncode: int | None
    stderr: str
    duration_s: float
    error: str | None = None  # why no data came back, in words
    extra: dict[str, Any] = field(default_factory=dict)


# Children still running, so that Ctrl-C can stop them (each runs in its own process group on POSIX and
# would otherwise outlive the doctor: the terminal's SIGINT does not reach another session).
_LIVE: set[subprocess.Popen] = set()
_LIVE_LOCK = threading.Lock()


_STARTING = [0]  # children being started right now (forked, not yet in _LIVE)


def kill_all(wait: float = 0.5) -> int:
    """Kill every child started here that still runs (Ctrl-C); returns how many were running. A child
    whose start is under way in another thread is waited for (up to ``wait`` s) and killed too."""
    n = 0
    deadline = time.monotonic() + wait
    while True:
        with _LIVE_LOCK:
            procs = list(_LIVE)
            _LIVE.clear()
            starting = _STARTING[0]
        for p in procs:
            if p.poll() is None:
                _kill_tree(p)
                n += 1
        if not starting or time.monotonic() >= deadline:
            return n
        time.sleep(0.01)


def _kill_tree(proc: subprocess.Popen) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass


@dataclass
class Running:
    """A started child: ``finish`` collects it. Lets a slow probe (importing torch) start before the
    rest of the doctor has even been imported."""

    proc: subprocess.Popen | None
    started: float
    python: str
    early_error: str | None = None


def start_script(python: str, script: str, args: list[str] | None = None,
                 env: dict[str, str] | None = None) -> Running:
    from . import cancel

    if cancel.CANCEL.is_set():  # Ctrl-C came first: start nothing new
        return Running(None, time.monotonic(), python, early_error="cancelled (Ctrl-C)")
    cmd = [python, str(SCRIPTS / script), *(args or [])]
    kwargs: dict[str, Any] = {}
    if os.name == "posix":
        kwargs["start_new_session"] = True  # so a timeout kills the whole tree
    child_env = dict(os.environ if env is None else env)
    child_env.setdefault("PYTHONIOENCODING", "utf-8")
    child_env["PYTHONDONTWRITEBYTECODE"] = "1"
    start = time.monotonic()
    with _LIVE_LOCK:
        _STARTING[0] += 1
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                env=child_env, **kwargs)
    except FileNotFoundError:
        return Running(None, start, python, early_error=f"interpreter not found: {python}")
    except OSError as exc:
        return Running(None, start, python, early_error=f"cannot start {python}: {exc}")
    else:
        with _LIVE_LOCK:
            _LIVE.add(proc)
    finally:
        with _LIVE_LOCK:
            _STARTING[0] -= 1
    if cancel.CANCEL.is_set():  # Ctrl-C while it was being started: kill_all may have missed it
        kill_all(wait=0)
    return Running(proc, start, python)


def finish_script(run: Running, timeout: float = 60.0) -> ScriptResult:
    """Wait for a started child (``timeout`` counts from its start); never raises for its failures."""
    if run.proc is None:
        return ScriptResult(None, None, "", 0.0, error=run.early_error)
    proc = run.proc
    from . import safeio

    # bounded in time AND memory: `--python /usr/bin/yes` prints forever; stop reading at MAX_OUTPUT and kill it
    out, err, problem = safeio.read_child(proc, timeout, MAX_OUTPUT, safeio.CHILD_STDERR, started=run.started,
                                          kill=_kill_tree)
    if proc.poll() is not None:  # one still running (Ctrl-C in this thread) stays for kill_all
        with _LIVE_LOCK:
            _LIVE.discard(proc)
    if problem == "timeout":
        return ScriptResult(None, None, _tail(err), time.monotonic() - run.started,
                            error=f"timed out after {timeout:g} s")
    if problem == "too-much-output":
        return ScriptResult(None, None, _tail(err), time.monotonic() - run.started,
                            error=f"printed more than {MAX_OUTPUT} bytes without reporting (is {run.python} a Python "
                                  "interpreter?); stopped it")
    duration = time.monotonic() - run.started
    text = out[:MAX_OUTPUT].decode("utf-8", "replace")
    stderr = _tail(err)
    if MARKER not in text:
        why = f"exited with code {proc.returncode} before reporting"
        if proc.returncode == 0:
            # `--python /bin/ls`, a launcher script, a shim: it ran, ended well, and never ran the probe script
            why = f"exited with code 0 without running the probe script: {run.python} does not look like a Python interpreter"
        elif proc.returncode and proc.returncode < 0:
            why = f"killed by signal {-proc.returncode} before reporting"
        return ScriptResult(None, proc.returncode, stderr, duration, error=why)
    after = text.rsplit(MARKER, 1)[1].strip()
    payload = after.splitlines()[0] if after else ""
    try:  # depth-bounded: the child runs in an interpreter we do not control (sitecustomize can print anything)
        data = safeio.loads_json(payload, what="the child's report")
    except (json.JSONDecodeError, ValueError, RecursionError) as exc:
        return ScriptResult(None, proc.returncode, stderr, duration, error=f"unreadable report: {exc}")
    if not isinstance(data, dict):
        return ScriptResult(None, proc.returncode, stderr, duration, error="unreadable report: not a JSON object")
    return ScriptResult(data, proc.returncode, stderr, duration)


def run_script(python: str, script: str, args: list[str] | None = None, timeout: float = 60.0,
               env: dict[str, str] | None = None) -> ScriptResult:
    """Run ``probe_scripts/<script>`` with ``python``; never raises for the child's failures."""
    return finish_script(start_script(python, script, args, env), timeout)


def _tail(raw: bytes, limit: int = 8000) -> str:
    text = raw.decode("utf-8", "replace")
    return text[-limit:]


def this_python() -> str:
    return sys.executable
