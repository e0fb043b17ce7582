"""The check registry: a check is one small function plus a declaration of what it needs.

A newcomer adds a check by writing one decorated function in a module under ``checks/``::

    @check("gpu.present", area="GPU", title="An NVIDIA GPU is visible", needs=["gpu"])
    def gpu_present(facts):
        ...
        yield ok("gpu.found", "NVIDIA H100 80GB HBM3 (sm_90, 80 GiB)")

``needs`` names the top-level fact sections the function reads. When a probe that supplies one of
them failed, the pipeline reports the check as ``skip`` instead of calling it on half the facts.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .findings import Finding

CheckFn = Callable[[dict[str, Any]], "Iterable[Finding] | Finding | None"]

# Areas in the order a user reads them: the machine first, then what runs on it.
AREAS = ["System", "GPU", "PyTorch", "Attention", "Runtime", "ComfyUI", "Model files", "Workflows", "Logs", "Smoke"]


@dataclass
class Check:
    id: str
    area: str
    title: str
    fn: CheckFn
    needs: list[str] = field(default_factory=list)
    paths: list[str] | None = None  # run only for these --path values; None: always

    def describe(self) -> dict[str, Any]:
        return {"id": self.id, "area": self.area, "title": self.title, "needs": list(self.needs)}


_CHECKS: dict[str, Check] = {}


def check(id: str, *, area: str, title: str, needs: Iterable[str] = (), paths: Iterable[str] | None = None):
    """Register ``fn`` as check ``id``. Ids are stable: users pass them to ``--check``."""
    if area not in AREAS:
        raise ValueError(f"unknown area {area!r}; add it to registry.AREAS")

    def deco(fn: CheckFn) -> CheckFn:
        if id in _CHECKS and _CHECKS[id].fn is not fn:
            raise ValueError(f"check id {id!r} registered twice")
        _CHECKS[id] = Check(id=id, area=area, title=title, fn=fn, needs=list(needs),
                            paths=list(paths) if paths is not None else None)
        return fn

    return deco


def all_checks() -> list[Check]:
    """Every registered check, in area order then registration order."""
    _load_check_modules()
    order = {a: i for i, a in enumerate(AREAS)}
    return sorted(_CHECKS.values(), key=lambda c: order[c.area])


_loaded = False
# A check module that fails to import must not take the whole run down (Flutter's "[☠]" rule):
# the pipeline turns each entry here into an `error` finding.
IMPORT_ERRORS: dict[str, BaseException] = {}


def _load_check_modules() -> None:
    global _loaded
    if _loaded:
        return
    import checks

    for mod in pkgutil.iter_modules(checks.__path__):
        if mod.name.startswith("_"):
            continue
        try:
            importlib.import_module(f"checks.{mod.name}")
        except Exception as exc:  # noqa: BLE001 - reported as a finding
            IMPORT_ERRORS[f"checks.{mod.name}"] = exc
    _loaded = True
