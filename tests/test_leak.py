"""Leak test: secrets planted everywhere a user's setup can hold them must not reach `report`, `check --json`
or the terminal (nor `explain`), unless --no-redact. Goes beyond tests/test_report.py: every area at once,
a ComfyUI launch script, a workflow path, the live server's argv, a replayed machine's GPU UUID and host."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest

from conftest import FACTS, run_cli
from faults.zoo import api_prompt, tree
from comfy_server import ComfyReplay
from test_fuzz import INFO, STATS

USER = "zoyaleaktest"
TOKEN = "hf_LeakLeakLeak0123456789abcdefXYZ"
ARGV_TOKEN = "hf_ArgvArgvArgv9876543210zyxwvuTS"
API_KEY = "sk-planted-7c1e55aa90b24d11"
UUID = "GPU-11111111-2222-3333-4444-555555555555"


def assert_clean(text: str, home: str, extra: tuple[str, ...] = ()) -> None:
    for secret in (TOKEN, ARGV_TOKEN, API_KEY, home, UUID[4:], *extra):
        assert secret not in text, f"{secret!r} leaked"
    for word in (USER, socket.gethostname()):
        if len(word) >= 2 and word != "localhost":
            assert not re.search(r"(?<![A-Za-z0-9_-])" + re.escape(word) + r"(?![A-Za-z0-9_-])", text), f"{word!r} leaked"


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    base = tmp_path_factory.mktemp("leak")
    home = base / "home" / USER
    home.mkdir(parents=True)
    root = tree(home, run_sh=f"#!/bin/sh\nexport HF_TOKEN={TOKEN}\n.venv/bin/python main.py --listen 127.0.0.1 --fast "
                              f"--use-split-cross-attention\n")
    scripts = home / "klein"
    scripts.mkdir()
    (scripts / "run.py").write_text(f'pipe = load(repo, token="{TOKEN}", attn_implementation="flash_attention_2")\n')
    wf = home / f"{USER}-workflows" / "klein.json"
    wf.parent.mkdir()
    wf.write_text(json.dumps(api_prompt(clip_type="flux")))
    stats = json.loads(json.dumps(STATS))
    stats["system"]["argv"] = ["main.py", "--listen", "--hf-token", ARGV_TOKEN, "--base-directory", str(home / "ComfyUI"),
                               "--fast"]
    srv = ComfyReplay(None, routes={"/system_stats": (200, "application/json", json.dumps(stats).encode()),
                                    "/object_info": (200, "application/json", json.dumps(INFO).encode())})
    url = srv.__enter__()
    env = {"HOME": str(home), "USER": USER, "LOGNAME": USER, "HF_TOKEN": TOKEN, "MY_SERVICE_KEY": API_KEY,
           "COMFYUI_PATH": "", "KLEIN_DOCTOR_CACHE_DIR": str(base / "cache"), "HF_HUB_CACHE": str(base / "hub")}
    args = ["--path", "comfyui", "--comfyui", str(root), "--scan", str(scripts), "--workflow", str(wf),
            "--server", url, "--no-hash", "--torch-timeout", "60"]
    yield {"env": env, "args": args, "home": str(home), "root": root, "base": base}
    srv.__exit__(None, None, None)


def test_every_output_is_redacted(planted):
    env, args, home = planted["env"], planted["args"], planted["home"]
    saved = planted["base"] / "facts.json"
    outs = {"report": run_cli("report", *args, env=env, cwd=planted["base"], timeout=180),
            "terminal": run_cli("check", *args, "-v", "--save-facts", str(saved), env=env, cwd=planted["base"], timeout=180),
            "json": run_cli("check", *args, "--json", env=env, cwd=planted["base"], timeout=180)}
    for name, out in outs.items():
        assert out.returncode in (0, 1, 2), (name, out.stderr[-2000:])
        assert_clean(out.stdout + out.stderr, home)
    assert_clean(saved.read_text(), home)
    doc = json.loads(outs["json"].stdout)
    found = {f["code"] for f in doc["findings"]}
    # the planted things were really read: the scan hit, the launch flags, the workflow and the server's argv
    assert {"attention.scan.transformers-fa2", "comfyui.launch.fast", "workflows.clip-type", "comfyui.server.up"} <= found, found
    assert any("--hf-token" in a for a in doc["facts"]["comfyui_server"]["argv"])
    assert "MY_SERVICE_KEY" in doc["facts"]["system"]["secret_vars_set"]


def test_no_redact_keeps_them(planted):
    out = run_cli("check", *planted["args"], "--json", "--no-redact", env=planted["env"], cwd=planted["base"], timeout=180)
    assert planted["home"] in out.stdout and TOKEN in out.stdout and ARGV_TOKEN in out.stdout


def test_replayed_machine_uuid_and_host(tmp_path):
    facts = json.loads((FACTS / "h100-cu130.json").read_text())
    facts["system"].update(hostname="render-box-77", user=USER, home=f"/home/{USER}")
    facts["python"]["executable"] = f"/home/{USER}/venvs/klein/bin/python"
    p = tmp_path / "f.json"
    p.write_text(json.dumps(facts))
    for cmd in (["report"], ["check", "-v"], ["check", "--json"]):
        out = run_cli(*cmd, "--facts", str(p))
        text = out.stdout + out.stderr
        assert "11111111-2222" not in text and "render-box-77" not in text and f"/home/{USER}" not in text, cmd
        assert not re.search(rf"\b{USER}\b", text), cmd


def test_explain_redacts_pasted_text(tmp_path):
    home = tmp_path / "home" / USER
    home.mkdir(parents=True)
    text = (f'File "{home}/ComfyUI/comfy/sd.py", line 12, in load\n'
            f"HF_TOKEN={TOKEN} python main.py\n"
            "RuntimeError: CUDA error: no kernel image is available for execution on the device\n")
    env = {"HOME": str(home), "USER": USER, "HF_TOKEN": TOKEN}
    for extra in ([], ["--json"]):
        out = run_cli("explain", *extra, env=env, input=text)
        assert out.returncode == 0, out.stderr
        assert TOKEN not in out.stdout and str(home) not in out.stdout, out.stdout
