"""Probes: the only code that looks at the machine.

Each probe gathers one section of the facts (``facts[name]``) and returns plain JSON-serialisable data,
so a user can save the facts (``--save-facts``) and a maintainer can replay the diagnosis
(``--facts``). Every probe runs on its own thread with a time bound; one that raises or overruns is
recorded under ``facts["probe_errors"]`` and becomes an ``error`` finding — the rest of the run goes on.
"""

from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable

ProbeFn = Callable[["ProbeContext"], Any]


@dataclass
class ProbeContext:
    """What the user asked for, as probes need it. ``options`` is the same dict saved in the facts."""

    options: dict[str, Any]
    results: dict[str, Any] = field(default_factory=dict)  # earlier probes' results, for dependent probes


@dataclass
class Probe:
    name: str
    fn: ProbeFn
    timeout: float
    after: list[str]


_PROBES: dict[str, Probe] = {}


def probe(name: str, *, timeout: float, after: list[str] | None = None):
    """Register a probe. ``after`` names probes whose results this one reads (they run first)."""

    def deco(fn: ProbeFn) -> ProbeFn:
        _PROBES[name] = Probe(name, fn, timeout, list(after or []))
        return fn

    return deco


_IMPORT_ERRORS: dict[str, BaseException] = {}


def registered() -> dict[str, Probe]:
    """Every probe module in this package registers itself on import; one that fails to import is
    recorded (and reported as an `error` finding) instead of stopping the run."""
    import importlib
    import pkgutil

    for mod in pkgutil.iter_modules(__path__):
        if mod.name.startswith("_") or f"{__name__}.{mod.name}" in _IMPORT_ERRORS:
            continue
        try:
            importlib.import_module(f"{__name__}.{mod.name}")
        except Exception as exc:  # noqa: BLE001
            _IMPORT_ERRORS[f"{__name__}.{mod.name}"] = exc
    return dict(_PROBES)


def with_dependencies(names: set[str] | list[str], probes: dict[str, Probe] | None = None) -> set[str]:
    """``names`` and every probe they read first (``after``), transitively."""
    probes = registered() if probes is None else probes
    wanted = set(names)
    todo = list(wanted)
    while todo:
        name = todo.pop()
        for dep in probes[name].after if name in probes else []:
            if dep not in wanted:
                wanted.add(dep)
                todo.append(dep)
    return wanted


def run_probes(options: dict[str, Any], only: set[str] | None = None,
               timeouts: dict[str, float] | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run the probes (in dependency waves, each wave in parallel). Returns (results, errors)."""
    probes = registered()
    if only is not None:
        wanted = with_dependencies(only, probes)
        probes = {n: p for n, p in probes.items() if n in wanted}
    ctx = ProbeContext(options=options)
    errors: dict[str, Any] = {}
    for modname, exc in _IMPORT_ERRORS.items():
        errors[modname.rsplit(".", 1)[1]] = {"type": type(exc).__name__, "message": f"probe module failed to import: {exc}",
                                             "traceback": "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))}
    durations: dict[str, float] = {}
    pending = dict(probes)
    from .. import progress

    progress.begin(list(pending))  # a live line per area on a terminal; nothing on a pipe
    try:
        _run_waves(pending, ctx, errors, durations, timeouts)
    finally:
        progress.end()
    ctx.results["_durations"] = durations
    return ctx.results, errors


def _run_waves(pending: dict[str, Probe], ctx: ProbeContext, errors: dict[str, Any], durations: dict[str, float],
               timeouts: dict[str, float] | None) -> None:
    """Run the probes in dependency waves. Ctrl-C (KeyboardInterrupt here, in the main thread) goes up
    at once: the probe threads are daemons, their children are killed and their loops stop on
    doctor.cancel.CANCEL (see doctor.progress.interrupted)."""
    while pending:
        wave = [p for p in pending.values() if all(d not in pending for d in p.after)]
        if not wave:  # a cycle: run the rest anyway
            wave = list(pending.values())
        threads = []
        for p in wave:
            t = _ProbeThread(p, ctx)
            t.start()
            threads.append(t)
        for t in threads:
            limit = (timeouts or {}).get(t.probe.name, t.probe.timeout)
            deadline = time.monotonic() + limit
            while t.is_alive() and time.monotonic() < deadline:
                t.join(min(0.2, max(0.0, deadline - time.monotonic())))  # short waits: Ctrl-C is seen at once
            name = t.probe.name
            durations[name] = round((t.ended or time.monotonic()) - t.started, 4)
            if t.is_alive():
                errors[name] = {"type": "TimeoutError", "message": f"probe {name!r} gave no answer within {limit:g} s",
                                "traceback": None}
            elif t.exc is not None:
                errors[name] = {"type": type(t.exc).__name__, "message": str(t.exc) or type(t.exc).__name__,
                                "traceback": "".join(traceback.format_exception(type(t.exc), t.exc, t.exc.__traceback__))}
            else:
                ctx.results[name] = t.result
            pending.pop(name, None)


class _ProbeThread(threading.Thread):
    """Daemon thread: a probe stuck in a driver call must not keep the process alive at exit."""

    def __init__(self, p: Probe, ctx: ProbeContext):
        super().__init__(name=f"probe-{p.name}", daemon=True)
        self.probe = p
        self.ctx = ctx
        self.result: Any = None
        self.exc: BaseException | None = None
        self.started = time.monotonic()
        self.ended: float | None = None

    def run(self) -> None:
        from .. import progress

        progress.start(self.probe.name)
        try:
            self.result = self.probe.fn(self.ctx)
        except BaseException as exc:  # noqa: BLE001 - becomes an error finding
            self.exc = exc
        finally:
            self.ended = time.monotonic()
            progress.finish(self.probe.name, self.exc is None)
