"""Typed facts: recorded facts files fit the typed sections, and a wrong-typed field anywhere in them is one
clear `error` finding for its section (its checks skip with the reason), never a crashed check (issues 11, 16)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doctor import facts_types, pipeline
from doctor.findings import Status
from doctor.registry import all_checks

FACTS_DIR = Path(__file__).parent / "data" / "facts"
FILES = sorted(FACTS_DIR.glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    d = json.loads(path.read_text(encoding="utf-8"))
    if str(d.get("schema", "")).startswith("klein-doctor/"):
        d = d["facts"]
    return d


RECORDED = {p.name: load(p) for p in FILES}


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_recorded_facts_fit_the_types(name):
    assert facts_types.validate(RECORDED[name]) == {}


def test_every_probe_has_a_typed_section():
    from doctor.probes import registered

    assert set(registered()) <= set(facts_types.SECTIONS)


def test_a_wrong_typed_field_is_one_error_and_its_checks_skip():
    facts = copy.deepcopy(RECORDED["rtx5090-torch271-cu126.json"])
    facts["gpu"]["devices"][0]["memory_total_bytes"] = "32 GB"
    facts = pipeline.sanitize(facts)
    assert "gpu" not in facts
    findings = pipeline.run_checks(facts, all_checks())
    errs = [(f.code, f.status) for f in findings if f.status is Status.ERROR]
    assert errs == [("probe.gpu.invalid", Status.ERROR)]
    bad = next(f for f in findings if f.code == "probe.gpu.invalid")
    assert "gpu.devices[0].memory_total_bytes is text, expected an integer" in bad.title
    gpu_checks = [f for f in findings if f.check == "gpu.vram"]
    assert [(f.code, f.status) for f in gpu_checks] == [("gpu.vram.no-facts", Status.SKIP)]
    assert "malformed" in gpu_checks[0].title


def _paths(obj: Any, prefix: tuple = (), depth: int = 0) -> list[tuple]:
    out = []
    if depth > 6:
        return out
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.append(prefix + (k,))
            out.extend(_paths(v, prefix + (k,), depth + 1))
    elif isinstance(obj, list):
        for i, v in enumerate(obj[:4]):
            out.append(prefix + (i,))
            out.extend(_paths(v, prefix + (i,), depth + 1))
    return out


PATHS = [(name, p) for name, facts in sorted(RECORDED.items()) for p in _paths(facts) if p[0] not in ("schema",)]

_json = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6)


def _set(obj: Any, path: tuple, value: Any) -> None:
    for key in path[:-1]:
        obj = obj[key]
    obj[path[-1]] = value


CHECKS = None


@settings(max_examples=200, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(PATHS), _json)
def test_retyped_facts_never_crash_a_check(where, value):
    global CHECKS
    CHECKS = CHECKS or all_checks()
    name, path = where
    facts = copy.deepcopy(RECORDED[name])
    _set(facts, path, value)
    facts = pipeline.sanitize(facts)
    findings = pipeline.run_checks(facts, CHECKS)
    crashed = [(f.code, f.title) for f in findings if f.code.endswith(".crashed")]
    assert crashed == [], (name, path, value)


def test_live_facts_of_a_comfyui_tree_fit_the_types(tmp_path):
    """What the probes produce today fits the declarations (a declaration too narrow would reject real files)."""
    from comfy_trees import judged_comfyui_options

    options = {**judged_comfyui_options(tmp_path), "scan": [str(tmp_path), str(tmp_path / "missing")]}
    script = tmp_path / "run.py"
    script.write_text("import flash_attn\nflash_attn.flash_attn_func(q, k, v)\n", encoding="utf-8")
    facts = pipeline.gather(options, {"system", "gpu", "scan", "comfyui_tree", "comfyui_server", "models",
                                      "workflows", "comfyui_log", "smoke"})
    assert facts["probe_errors"] == {}
    assert facts["comfyui_tree"]["found"] and facts["workflows"]["files"]
    assert facts_types.validate(json.loads(json.dumps(facts, default=str))) == {}


_LIVE: dict[str, Any] = {}


def _comfy_facts() -> dict[str, Any]:
    """A recorded RTX 5090 with the facts of a real ComfyUI tree gathered once (the recorded machines have no
    ComfyUI install, so their replays never reach the ComfyUI, model-file and workflow checks' deeper fields)."""
    if not _LIVE:
        import tempfile

        from comfy_trees import judged_comfyui_options

        options = judged_comfyui_options(Path(tempfile.mkdtemp(prefix="kd-typed-")))
        live = json.loads(json.dumps(pipeline.gather(options, {"comfyui_tree", "models", "workflows", "comfyui_log"}),
                                     default=str))
        facts = copy.deepcopy(RECORDED["rtx5090-attention-overrides.json"])
        facts.update({k: live[k] for k in ("comfyui_tree", "models", "workflows", "comfyui_log")})
        facts["options"] = dict(facts["options"], **options)
        _LIVE.update(facts)
    return _LIVE


@settings(max_examples=80, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data(), _json)
def test_retyped_comfyui_facts_never_crash_a_check(data, value):
    global CHECKS
    CHECKS = CHECKS or all_checks()
    base = _comfy_facts()
    paths = [p for p in _paths(base) if p[0] in ("comfyui_tree", "models", "workflows", "comfyui_log")]
    path = data.draw(st.sampled_from(paths))
    facts = copy.deepcopy(base)
    _set(facts, path, value)
    facts = pipeline.sanitize(facts)
    findings = pipeline.run_checks(facts, CHECKS)
    crashed = [(f.code, f.title) for f in findings if f.code.endswith(".crashed")]
    assert crashed == [], (path, value)


@pytest.mark.parametrize("path,value", [(("comfyui_tree", "base_directory"), True),
                                        (("comfyui_tree", "base_directory", "from"), 5),
                                        (("comfyui_tree", "folders"), True),
                                        (("comfyui_tree", "folders", "user"), True)])
def test_a_retyped_base_directory_or_folder_never_crashes_a_check(path, value):
    """Found by the clean-clone CI's run of the property test above: `base_directory` set to a bool crashed
    models.present (`'bool' object has no attribute 'get'`, in installer.plan's --models-dir choice) because the
    section was not typed. It is typed now (FromPath), so sanitize drops a wrong value, and its readers check."""
    facts = copy.deepcopy(_comfy_facts())
    _set(facts, path, value)
    findings = pipeline.run_checks(pipeline.sanitize(facts), all_checks())
    assert [(f.code, f.title) for f in findings if f.code.endswith(".crashed")] == []
    assert any(f.code.startswith("models.") for f in findings)
