"""The check registry: a check is one small function plus a declaration of what it needs.

A newcomer adds a check by writing one decorated function in a module under ``checks/``::

    @check("gpu.present", area="GPU", title="An NVIDIA GPU is visible", needs=["gpu"])
    def gpu_present(facts):
        ...
        yield ok("gpu.found", "NVIDIA H100 80GB HBM3 (sm_90, 80 GiB)")

``needs`` names the top-level fact sections the function reads (the probe names: ``doctor/facts_types.py``
types each one). When a probe that supplies one of them failed or was not run, the pipeline reports the
check as ``skip`` with the reason instead of calling it on half the facts. ``optional`` names sections the
check reads when they are there (it must test ``"name" in facts`` first); they are gathered too.

A check receives a read-only view of the facts holding only what it declares (plus ``options``):
reading any other section raises ``UndeclaredFact``, which the pipeline reports as an ``error`` finding.
So the probes a ``--check`` selection runs (derived from these declarations alone) are exactly what its
checks read, and ``--check ID`` says what the full run says.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping

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
    optional: list[str] = field(default_factory=list)

    def describe(self) -> dict[str, Any]:
        return {"id": self.id, "area": self.area, "title": self.title, "needs": list(self.needs),
                "optional": list(self.optional)}

    @property
    def reads(self) -> set[str]:
        """Every section this check may read: the probes that must run for it."""
        return set(self.needs) | set(self.optional)


# Fields of the facts every check may read without declaring them: what the user asked, and the file's identity.
ALWAYS_READABLE = frozenset({"options", "schema", "collected_at", "tool_version"})


class NotJudged(Exception):
    """Raised by a check (or a helper it calls) when a fact it needs is there but holds no answer (the probe
    ran and could not see): the pipeline reports the check as ``skip`` with this reason, never as "absent"."""


class UndeclaredFact(RuntimeError):
    """A check read a fact section it did not declare in ``needs``/``optional`` (a bug in the check)."""


class FactsView(Mapping[str, Any]):
    """The facts as one check may see them: its declared sections (and ``options``), read-only at the top."""

    def __init__(self, facts: Mapping[str, Any], allowed: Iterable[str], check_id: str = ""):
        self._facts = facts
        self._allowed = frozenset(allowed) | ALWAYS_READABLE
        self._id = check_id

    def _guard(self, key: str) -> None:
        if key not in self._allowed:
            raise UndeclaredFact(f"check {self._id or '?'} read the {key!r} facts without declaring them "
                                 f"(add {key!r} to its needs= or optional=)")

    def __getitem__(self, key: str) -> Any:
        self._guard(key)
        return self._facts[key]

    def __contains__(self, key: object) -> bool:
        self._guard(str(key))
        return key in self._facts

    def get(self, key: str, default: Any = None) -> Any:
        self._guard(key)
        return self._facts.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return (k for k in self._facts if k in self._allowed)

    def __len__(self) -> int:
        return sum(1 for _ in self)


_CHECKS: dict[str, Check] = {}


def check(id: str, *, area: str, title: str, needs: Iterable[str] = (), paths: Iterable[str] | None = None,
          optional: Iterable[str] = ()):
    """Register ``fn`` as check ``id``. Ids are stable: users pass them to ``--check``."""
    if area not in AREAS:
        raise ValueError(f"unknown area {area!r}; add it to registry.AREAS")
    from .facts_types import SECTIONS

    unknown = [n for n in [*needs, *optional] if n not in SECTIONS or n == "options"]
    if unknown:
        raise ValueError(f"check {id!r} declares unknown fact sections {unknown}; see doctor/facts_types.SECTIONS")

    def deco(fn: CheckFn) -> CheckFn:
        if id in _CHECKS and _CHECKS[id].fn is not fn:
            raise ValueError(f"check id {id!r} registered twice")
        # Every fix is written for the diagnosed machine's shell and platform, which the system facts name
        # (cheap, always gathered): every check may read them.
        opt = list(optional) + ([] if "system" in needs or "system" in optional else ["system"])
        _CHECKS[id] = Check(id=id, area=area, title=title, fn=fn, needs=list(needs),
                            paths=list(paths) if paths is not None else None, optional=opt)
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
    from . import checks  # klein_doctor.checks installed; the source tree's checks/ through doctor.__path__

    for mod in pkgutil.iter_modules(checks.__path__):
        if mod.name.startswith("_"):
            continue
        try:
            importlib.import_module(f"{checks.__name__}.{mod.name}")
        except Exception as exc:  # noqa: BLE001 - reported as a finding
            IMPORT_ERRORS[f"checks.{mod.name}"] = exc
    _loaded = True
