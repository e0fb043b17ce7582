"""Declared needs are enforced: a check sees only the fact sections it declares, the probes a selection runs
come from those declarations alone, and `--check ID` says what the full run says (issue 11)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from doctor import pipeline
from doctor.findings import Status, ok
from doctor.registry import Check, FactsView, UndeclaredFact, all_checks
from doctor.probes import registered

FACTS_DIR = Path(__file__).parent / "data" / "facts"


def _load(p: Path) -> dict[str, Any]:
    d = json.loads(p.read_text(encoding="utf-8"))
    return d["facts"] if str(d.get("schema", "")).startswith("klein-doctor/") else d


RECORDED = {p.name: pipeline.sanitize(_load(p)) for p in sorted(FACTS_DIR.glob("*.json"))}
CHECKS = all_checks()


def _key(findings):
    return [(f.code, f.status.value, f.title, f.fix, tuple(f.evidence)) for f in findings]


def test_reading_an_undeclared_section_raises():
    view = FactsView({"gpu": {}, "torch": {"version": "2.9"}, "options": {}}, ["gpu"], "t.x")
    assert view["gpu"] == {} and view.get("options") == {} and list(view) == ["gpu", "options"]
    with pytest.raises(UndeclaredFact, match="t.x read the 'torch' facts"):
        view.get("torch")
    with pytest.raises(UndeclaredFact):
        "torch" in view  # noqa: B015
    with pytest.raises(TypeError):
        view["gpu"] = {}  # type: ignore[index]


def test_an_undeclared_read_at_run_time_is_an_error_finding():
    def sneaky(facts):
        yield ok("t.sneaky.ok", f"torch {facts['torch'].get('version')}")

    c = Check(id="t.sneaky", area="System", title="Reads torch without saying so", fn=sneaky, needs=["gpu"])
    out = pipeline.run_one(c, {"gpu": {}, "torch": {"version": "2.9"}, "options": {}})
    assert [(f.code, f.status) for f in out] == [("t.sneaky.undeclared-fact", Status.ERROR)]


@pytest.mark.parametrize("name", sorted(RECORDED))
@pytest.mark.parametrize("path", [None, "comfyui", "diffusers"])
def test_check_alone_equals_its_part_of_the_full_run(name, path):
    """For every recorded machine and every check: the facts `--check ID` would gather (its declarations and
    the probes they depend on, nothing else) give the same findings as the full run."""
    facts = copy.deepcopy(RECORDED[name])
    facts["options"] = dict(facts.get("options") or {}, path=path)
    full = pipeline.run_checks(facts, pipeline.select_checks(None, path))
    assert not [f.code for f in full if f.code.endswith((".undeclared-fact", ".crashed"))]
    meta = {k: v for k, v in facts.items() if k not in registered()}
    for c in pipeline.select_checks(None, path):
        gathered = pipeline.probes_for([c])
        alone_facts = dict(meta, **{k: v for k, v in facts.items() if k in gathered})
        alone = [f for f in pipeline.run_checks(alone_facts, [c]) if f.check == c.id]
        assert _key(alone) == _key([f for f in full if f.check == c.id]), c.id


def test_the_probes_of_a_selection_come_from_its_declarations_alone():
    gpu = pipeline.select_checks(["gpu"])
    # gpu.driver judges the driver against the wheel's CUDA: it declares torch, so `--check gpu` gathers torch.
    assert {"gpu", "system", "torch", "python", "comfyui_tree"} <= pipeline.probes_for(gpu)
    assert "models" in pipeline.probes_for(gpu)  # gpu.fp8 says which files suit the card
    assert pipeline.probes_for(pipeline.select_checks(["system.ram"])) == {"system"}
    assert pipeline.probes_for(CHECKS) == set(registered())


def test_python_probe_failure_is_not_read_as_not_installed():
    facts = copy.deepcopy(RECORDED["rtx5090-attention-overrides.json"])
    facts["python"] = {"requested": "/opt/py/bin/python", "is_doctor_python": False, "duration_s": 0.1,
                       "error": "interpreter not found: /opt/py/bin/python"}
    out = pipeline.run_checks(facts, pipeline.select_checks(["attention"]))
    flash = [(f.code, f.status) for f in out if f.check == "attention.flash-attn"]
    assert flash == [("attention.flash-attn.not-judged", Status.SKIP)]
    assert not [f for f in out if f.code.endswith(".absent")]


def test_a_comfyui_machine_alone_equals_full(tmp_path):
    """The recorded machines have no ComfyUI install: gather a real tree (workflow, launch flags, extra paths)
    and judge it with a recorded RTX 5090's GPU and Python facts."""
    from comfy_trees import judged_comfyui_options

    options = judged_comfyui_options(tmp_path)
    live = pipeline.gather(options, {"comfyui_tree", "comfyui_server", "models", "workflows", "comfyui_log", "scan"})
    facts = copy.deepcopy(RECORDED["rtx5090-attention-overrides.json"])
    facts.update({k: live[k] for k in ("comfyui_tree", "comfyui_server", "models", "workflows", "comfyui_log", "scan")})
    facts["options"] = dict(facts["options"], **options)
    checks = pipeline.select_checks(None, "comfyui")
    full = pipeline.run_checks(facts, checks)
    assert not [f.code for f in full if f.code.endswith((".undeclared-fact", ".crashed"))]
    assert {"comfyui.launch", "workflows.lint", "models.present"} <= {f.check for f in full}
    for c in checks:
        gathered = pipeline.probes_for([c])
        alone_facts = {k: v for k, v in facts.items() if k in gathered or k not in registered()}
        alone = [f for f in pipeline.run_checks(alone_facts, [c]) if f.check == c.id]
        assert _key(alone) == _key([f for f in full if f.check == c.id]), c.id
