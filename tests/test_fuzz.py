"""Fuzzing the parsers that read what users (and their downloads) hand us: safetensors headers, the models
manifest, extra_model_paths.yaml, workflow JSON and ComfyUI API bodies. Each input must end in a result or
a clear finding within a time bound, never in a traceback. Seeded, so a failure reproduces."""

from __future__ import annotations

import json
import random
import struct
import time
from pathlib import Path
from typing import Any

import pytest

import stfiles as st
from comfy_server import ComfyReplay
from conftest import REPO, run_cli
from doctor import manifests, pipeline
from doctor import safetensors_id as sid
from doctor.comfyui import server, tree, workflow
from doctor.findings import Status
from faults.zoo import api_prompt, place_variant

SEED = 20260517


def _rand_json(r: random.Random, depth: int = 0) -> Any:
    k = r.randrange(9 if depth < 3 else 6)
    return [None, True, r.randint(-2**70, 2**70), r.random() * 10**r.randint(-5, 30), "".join(
        chr(r.randrange(32, 0x2FF)) for _ in range(r.randrange(12))), -1,
        [_rand_json(r, depth + 1) for _ in range(r.randrange(4))] if depth < 3 else [],
        {str(_rand_json(r, 3)): _rand_json(r, depth + 1) for _ in range(r.randrange(4))} if depth < 3 else {},
        r.choice(["F32", "BF16", "F8_E4M3", "I64", "Q4_K", ""])][k]


# ------------------------------------------------------------------------------------------ safetensors
def _header_case(r: random.Random, real: list[dict[str, Any]]) -> bytes:
    """One file's bytes: a real header mutated, random JSON, a lying length field, or raw noise."""
    kind = r.randrange(6)
    if kind <= 2:
        doc = json.loads(json.dumps(r.choice(real)))
        keys = list(doc)
        for _ in range(r.randint(1, 4)):
            k = r.choice(keys)
            op = r.randrange(8)
            if op == 0:
                doc.pop(k, None)
            elif op == 1 and isinstance(doc.get(k), dict):
                doc[k]["data_offsets"] = [r.randint(-10, 2**40), r.randint(-10, 2**40)]
            elif op == 2 and isinstance(doc.get(k), dict):
                doc[k]["shape"] = _rand_json(r)
            elif op == 3 and isinstance(doc.get(k), dict):
                doc[k]["dtype"] = _rand_json(r)
            elif op == 4:
                doc[k] = _rand_json(r)
            elif op == 5:
                doc["__metadata__"] = _rand_json(r)
            elif op == 6:
                doc[str(_rand_json(r, 3))] = {"dtype": "BF16", "shape": [r.randint(0, 9)], "data_offsets": [0, 2]}
        raw = json.dumps(doc).encode()
        if kind == 2:
            raw = raw[: r.randrange(len(raw) + 1)]
        body = struct.pack("<Q", len(raw)) + raw
        return body + b"\0" * r.randrange(64)
    if kind == 3:
        raw = json.dumps(_rand_json(r)).encode()
        return struct.pack("<Q", len(raw)) + raw
    if kind == 4:
        raw = json.dumps({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}).encode()
        return struct.pack("<Q", r.choice([0, 1, len(raw) + r.randint(1, 50), 2**63, 2**64 - 1, 99_999_999])) + raw
    return bytes(r.randrange(256) for _ in range(r.randrange(40)))


def test_10k_safetensors_headers(tmp_path):
    r = random.Random(SEED)
    real = [json.loads(st.header_bytes(st.IDENTITIES[i]())) for i in ("flux2-vae", "flux1-vae", "sd-vae", "clip-l")]
    real.append(json.loads(st.header_bytes({k: v for k, v in list(st.klein_4b(fp8=True).items())[:60]})))
    p = tmp_path / "f.safetensors"
    worst = 0.0
    t0 = time.monotonic()
    bad = 0
    for i in range(10_000):
        p.write_bytes(_header_case(r, real))
        t = time.thread_time()  # CPU time: a pathological header burns CPU, a busy shared core only waits
        fp = sid.fingerprint(p)
        worst = max(worst, time.thread_time() - t)
        integ = fp["integrity"]
        assert isinstance(integ["ok"], bool), (i, fp)
        if not integ["ok"]:
            bad += 1
            assert isinstance(integ["problem"], str) and len(integ["problem"]) > 10, (i, fp)
        json.dumps(fp)
    assert bad > 5_000  # the generator really produces broken files
    assert worst < 1.0, f"one header took {worst:.2f} s of CPU time"
    assert time.monotonic() - t0 < 120


# ------------------------------------------------------------------------------------------ models manifest
def _mutate_text(r: random.Random, text: str, tokens: list[str]) -> str:
    lines = text.splitlines()
    for _ in range(r.randint(1, 6)):
        if not lines:
            break
        i = r.randrange(len(lines))
        op = r.randrange(7)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[r.randrange(len(lines))])
        elif op == 2 and "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            lines[i] = f"{key}= {r.choice(tokens)}"
        elif op == 3:
            lines[i] = lines[i][: r.randrange(len(lines[i]) + 1)]
        elif op == 4:
            lines.insert(i, r.choice(["[[variant]]", "[variant.comfyui]", "[[variant.comfyui.files]]", "variant = 3",
                                      "[variant]", "files = \"x\"", "comfyui = []"]))
        elif op == 5:
            lines[i] = lines[i].replace('"', "", 1)
        else:
            lines = lines[: i + 1]
    return "\n".join(lines) + "\n"


TOKENS = ['""', "0", "-1", "[]", "{}", "true", '"../../etc/passwd"', "1e400", '"x"', "[1, 2]", '{ a = 1 }',
          '"flux-2-klein-4b-fp8.safetensors"', "nan", '"\\u0000"', "18446744073709551617"]


def _findings_clear(findings, manifest: Path) -> None:
    for f in findings:
        assert f.status is not Status.ERROR or (f.code == "probe.models.error" and str(manifest) in f.title), \
            (f.code, f.title, f.detail)
        assert "Traceback" not in f.title and not f.code.endswith(".crashed"), (f.code, f.title, f.detail)


def test_1000_malformed_manifests_in_process(tmp_path):
    r = random.Random(SEED + 1)
    text = (REPO / "manifests" / "models.toml").read_text(encoding="utf-8")
    root = tmp_path / "ComfyUI"
    (root / "comfy").mkdir(parents=True)
    (root / "main.py").write_text("#\n")
    place_variant(root / "models", "klein-4b-fp8")
    checks = pipeline.select_checks(["models"])
    t0 = time.monotonic()
    try:
        for i in range(1000):
            m = tmp_path / f"m{i % 7}.toml"
            m.write_text(_mutate_text(r, text, TOKENS), encoding="utf-8")
            opts = {"path": "comfyui", "comfyui": str(root), "manifest": str(m), "no_hash": True, "no_server": True,
                    "variant": None}
            facts = pipeline.gather(opts, {"models"})
            facts.setdefault("gpu", {"devices": []})
            _findings_clear(pipeline.run_checks(facts, checks), m)
            manifests.clear_overrides()
    finally:
        manifests.clear_overrides()
    assert time.monotonic() - t0 < 150


def test_malformed_manifests_through_the_cli(tmp_path):
    r = random.Random(SEED + 2)
    text = (REPO / "manifests" / "models.toml").read_text(encoding="utf-8")
    for i in range(12):
        m = tmp_path / f"bad{i}.toml"
        m.write_text(_mutate_text(r, text, TOKENS) if i else "variant = [", encoding="utf-8")
        proc = run_cli("check", "--json", "--manifest", str(m), "--check", "models", "--path", "comfyui", "--no-redact",
                       cwd=tmp_path, env={"COMFYUI_PATH": "", "HOME": str(tmp_path)}, timeout=60)
        assert proc.returncode in (0, 1, 2), proc.stderr
        assert "Traceback" not in proc.stderr
        doc = json.loads(proc.stdout)  # (an error finding keeps its traceback in "detail", for -v and bug reports)
        for f in doc["findings"]:
            assert f["status"] != "error" or str(m) in f["title"], f
            assert "Traceback" not in f["title"] + " ".join(f["evidence"])
    term = run_cli("check", "--manifest", str(m), "--check", "models", "--path", "comfyui", cwd=tmp_path,
                   env={"COMFYUI_PATH": "", "HOME": str(tmp_path)}, timeout=60)
    assert "Traceback" not in term.stdout + term.stderr and term.returncode in (0, 1, 2)


# ------------------------------------------------------------------------------------------ extra_model_paths.yaml
YAML_BASE = """comfyui:
    base_path: {base}
    is_default: true
    diffusion_models: models/diffusion_models
    text_encoders: |
        models/text_encoders
        models/clip
    vae: models/vae/
"""
YAML_TOKENS = ["", "[a, b]", "{x: 1}", "~", "!!python/object:os.system ls", "&a [*a]", "*missing", "\t", "- x", "12",
               "null", "'unterminated", "$HOME/x", "C:\\\\Models", "../../..", "? complex", "%YAML 9.9", "\x00", "🙂"]


def test_1000_extra_model_paths_files(tmp_path):
    r = random.Random(SEED + 3)
    root = tmp_path / "ComfyUI"
    (root / "comfy").mkdir(parents=True)
    (root / "main.py").write_text("#\n")
    (c,) = [c for c in pipeline.select_checks(["comfyui.model-paths"])]
    y = root / "extra_model_paths.yaml"
    t0 = time.monotonic()
    for i in range(1000):
        text = YAML_BASE.format(base=tmp_path)
        if i % 3:
            text = _mutate_text(r, text, YAML_TOKENS)
        else:
            text = "\n".join(f"{r.choice(['a', 'comfyui', 'vae', '- ', '  '])}: {r.choice(YAML_TOKENS)}"
                             for _ in range(r.randint(1, 8)))
        y.write_text(text, encoding="utf-8", errors="surrogatepass")
        parsed = tree.parse_extra_model_paths(y)
        assert parsed["ok"] or (isinstance(parsed["error"], str) and parsed["error"]), parsed
        facts = {"options": {"path": "comfyui"}, "probe_errors": {},
                 "comfyui_tree": tree.inspect({"comfyui": str(root), "path": "comfyui"}, env={}, home=tmp_path)}
        out = pipeline.run_one(c, facts)
        assert out and all(f.status is not Status.ERROR for f in out), [(f.code, f.title) for f in out]
        if not parsed["ok"]:
            assert any(f.code == "comfyui.model-paths.bad-yaml" for f in out)
    assert time.monotonic() - t0 < 120


# ------------------------------------------------------------------------------------------ workflows
def _ui_workflow(r: random.Random) -> dict[str, Any]:
    nodes = []
    for i, (t, w) in enumerate([("UNETLoader", ["flux-2-klein-4b-fp8.safetensors", "default"]),
                                ("CLIPLoader", ["qwen_3_4b.safetensors", "flux2", "default"]),
                                ("VAELoader", ["flux2-vae.safetensors"]), ("EmptyFlux2LatentImage", [1024, 1024, 1]),
                                ("Flux2Scheduler", [4, 1024, 1024]), ("CFGGuider", [1.0]), ("SaveImage", ["klein"])]):
        nodes.append({"id": i + 1, "type": t, "mode": 0, "widgets_values": w})
    return {"last_node_id": 7, "nodes": nodes, "links": [], "definitions": {"subgraphs": []}, "version": 0.4}


def _mutate_obj(r: random.Random, o: Any, depth: int = 0) -> Any:
    if depth > 4 or r.random() < 0.08:
        return _rand_json(r)
    if isinstance(o, dict):
        o = {k: _mutate_obj(r, v, depth + 1) if r.random() < 0.5 else v for k, v in o.items() if r.random() > 0.05}
        if r.random() < 0.1:
            o[str(_rand_json(r, 3))] = _rand_json(r)
        return o
    if isinstance(o, list):
        return [_mutate_obj(r, v, depth + 1) if r.random() < 0.5 else v for v in o if r.random() > 0.05]
    return o if r.random() < 0.7 else _rand_json(r)


def test_1000_workflows(tmp_path):
    from doctor.checks.workflows import lint

    r = random.Random(SEED + 4)
    ctx = {"identity": lambda folder, name: workflow.name_identity(name),
           "exists": lambda folder, name: (r.random() < 0.5, "fuzz"), "node_names": None, "version": "0.12.0"}
    p = tmp_path / "wf.json"
    t0 = time.monotonic()
    for i in range(1000):
        base = api_prompt() if i % 2 else _ui_workflow(r)
        if i % 4 == 3:
            base = {"prompt": base, "client_id": "x"}
        doc = _mutate_obj(r, base)
        text = json.dumps(doc)
        if i % 10 == 0:
            text = text[: r.randrange(len(text) + 1)]
        p.write_text(text, encoding="utf-8")
        wf = workflow.load(p)
        if wf["error"]:
            assert isinstance(wf["error"], str) and wf["error"]
            continue
        ctx["node_names"] = None if i % 3 else {"UNETLoader", "CLIPLoader"}
        issues = lint(wf, ctx)
        for it in issues:
            assert it.code.startswith("workflows.") and it.status.value in ("ok", "info", "warn", "fail") and it.title
    assert time.monotonic() - t0 < 60


# ------------------------------------------------------------------------------------------ ComfyUI API bodies
STATS = {"system": {"os": "posix", "comfyui_version": "0.33.0", "python_version": "3.12.3", "pytorch_version": "2.11.0+cu130",
                    "embedded_python": False, "argv": ["main.py", "--listen", "--port", "8188"]},
         "devices": [{"name": "cuda:0 NVIDIA H100", "type": "cuda", "index": 0, "vram_total": 85e9, "vram_free": 80e9}]}
INFO = {"EmptyFlux2LatentImage": {"input": {}}, "Flux2Scheduler": {"input": {}},
        "CLIPLoader": {"input": {"required": {"clip_name": [["qwen_3_4b.safetensors"]], "type": [["flux", "flux2"]]}}},
        "UNETLoader": {"input": {"required": {"unet_name": [["flux-2-klein-4b-fp8.safetensors"], {}]}}},
        "VAELoader": {"input": {"required": {"vae_name": ["COMBO", {"options": ["flux2-vae.safetensors"]}]}}}}


def test_1000_comfyui_api_bodies():
    r = random.Random(SEED + 5)
    routes: dict = {}
    checks = [c for c in pipeline.select_checks(["comfyui"]) if c.id.startswith("comfyui.server")]
    kinds = {"refused", "timeout", "not-json", "not-comfyui", "http-status", "too-large"}
    t0 = time.monotonic()
    with ComfyReplay(None, routes=routes) as url:
        for i in range(1000):
            for path, base in (("/system_stats", STATS), ("/object_info", INFO)):
                doc = _mutate_obj(r, base) if r.random() < 0.85 else _rand_json(r)
                body = json.dumps(doc).encode()
                if r.random() < 0.1:
                    body = body[: r.randrange(len(body) + 1)]
                if r.random() < 0.05:
                    body = bytes(r.randrange(256) for _ in range(r.randrange(100)))
                routes[path] = (r.choice([200] * 9 + [500, 404, 302]), "application/json", body)
            t = time.monotonic()
            s = server.check_server(url, explicit=True, timeout=2.0)
            assert time.monotonic() - t < 10
            json.dumps(s)
            if s["error"]:
                assert s["error"]["kind"] in kinds and s["error"]["message"], s["error"]
            facts = {"options": {"path": "comfyui"}, "probe_errors": {}, "comfyui_server": s}
            for c in checks:
                for f in pipeline.run_one(c, facts):
                    assert f.status is not Status.ERROR, (f.code, f.title, f.detail, s)
    assert time.monotonic() - t0 < 120


@pytest.mark.parametrize("blob", [b"", b"{", b"[]", b"null", b'{"system": []}', b'{"system": {}, "devices": 5}'])
def test_degenerate_bodies_name_the_problem(blob):
    with ComfyReplay(None, routes={"/system_stats": (200, "application/json", blob)}) as url:
        s = server.check_server(url, explicit=True, timeout=2.0)
    assert s["error"] is None or s["error"]["kind"] in ("not-json", "not-comfyui")
