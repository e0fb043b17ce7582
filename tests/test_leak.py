"""Leak test: secrets planted everywhere a user's setup can hold them must not reach `report`, `check --json`
or the terminal (nor `explain`), unless --no-redact. Goes beyond tests/test_report.py: every area at once,
a ComfyUI launch script, a workflow path, the live server's argv, a replayed machine's GPU UUID and host."""

from __future__ import annotations

import json
import os
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
OPENAI = "sk-proj-OpenAiPlanted0123456789abcdef"
LAUNCH_KEY = "launchkey-planted-42"
LAUNCH_PW = "launchpw-planted-43"
AWS = "AKIAPLANTEDLEAK12345"
URL_PW = "urlpw-planted-44"
SERVER_PW = "serverpw-planted-45"
ALL_PLANTED = (OPENAI, LAUNCH_KEY, LAUNCH_PW, AWS, URL_PW, SERVER_PW)


def assert_clean(text: str, home: str, extra: tuple[str, ...] = ()) -> None:
    for secret in (TOKEN, ARGV_TOKEN, API_KEY, home, UUID[4:], *ALL_PLANTED, *extra):
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
                              f"--use-split-cross-attention --api-key={LAUNCH_KEY} --password {LAUNCH_PW}\n")
    scripts = home / "klein"
    scripts.mkdir()
    (scripts / "run.py").write_text(f'pipe = load(repo, token="{TOKEN}", attn_implementation="flash_attention_2")\n'
                                    f'os.environ["XFORMERS_DISABLED"] = "1"  # {AWS} https://me:{URL_PW}@hub.example/x\n')
    wf = home / f"{USER}-workflows" / "klein.json"
    wf.parent.mkdir()
    wf.write_text(json.dumps(api_prompt(clip_type="flux")))
    stats = json.loads(json.dumps(STATS))
    stats["system"]["argv"] = ["main.py", "--listen", "--hf-token", ARGV_TOKEN, "--base-directory", str(home / "ComfyUI"),
                               "--fast", "--openai-api-key", OPENAI, "--anthropic-api-key=" + LAUNCH_KEY]
    srv = ComfyReplay(None, routes={"/system_stats": (200, "application/json", json.dumps(stats).encode()),
                                    "/object_info": (200, "application/json", json.dumps(INFO).encode())})
    url = srv.__enter__().replace("http://", f"http://klein:{SERVER_PW}@")
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


# --- redaction that breaks nothing (issue 12): values only, never keys, codes, package names or commands ------

ORDINARY_NAMES = ["root", "torch", "comfyui", "python", "gpu", "admin", "user", "code", "fix", "status"]
PLANTED = {"hf": "hf_PlantedPlanted0123456789abcd", "sk": "sk-ant-api03-PlantedPlanted0123456789",
           "aws": "AKIAPLANTED012345678", "gh": "ghp_Planted0123456789abcdefghijABCDEFGHIJ",
           "pw": "hunter2-planted", "url": "urlpass-planted"}


def _machine(name: str, host: str, src: str = "rtx5090-torch271-cu126.json") -> dict:
    facts = json.loads((FACTS / src).read_text())
    home = "/root" if name == "root" else f"/home/{name}"
    facts["system"].update(user=name, hostname=host, home=home)
    facts["python"]["executable"] = f"{home}/venvs/{name}/bin/python"
    facts["options"]["server"] = f"http://{name}:{PLANTED['url']}@127.0.0.1:8188"
    facts["options"]["scan"] = [f"{home}/{name}/run.sh --api-key={PLANTED['sk']} --password {PLANTED['pw']}"]
    return facts


@pytest.mark.parametrize("name,host", [(n, h) for n, h in zip(ORDINARY_NAMES, ["code", "fix", "status"] * 4)])
def test_ordinary_user_and_host_names_rewrite_no_structure(name, host):
    """A user named torch/root/code... and a host named code/fix/status: codes, check ids and facts keys are
    unchanged, package names survive, and replaying the redacted facts gives the same findings and no error."""
    from doctor import pipeline
    from doctor.redact import Redactor

    facts = _machine(name, host)
    raw = pipeline.diagnose(facts["options"], facts=json.loads(json.dumps(facts)))
    red = Redactor(facts, environ={"HOME": facts["system"]["home"], "USER": name, "HF_TOKEN": PLANTED["hf"]})
    facts_out = red.obj(raw.facts)
    findings_out = [red.obj(f.to_dict()) for f in raw.findings]
    assert [f["code"] for f in findings_out] == [f.code for f in raw.findings]
    assert [f["check"] for f in findings_out] == [f.check for f in raw.findings]
    assert _keys(facts_out) == _keys(raw.facts)
    assert facts_out["system"]["user"] == "<user>" and facts_out["system"]["hostname"] == "<host>"
    text = json.dumps({"facts": facts_out, "findings": findings_out})
    for secret in PLANTED.values():
        assert secret not in text
    home = facts["system"]["home"]
    assert not re.search(r"(?<![\w~.-])" + re.escape(home) + r"/", text), home  # ~/root/x is fine: a folder called root
    if name == "torch":
        assert "torch==" in text or "torch " in text  # the package name is still there
    replay = pipeline.diagnose(facts_out["options"], facts=json.loads(text)["facts"])
    assert not [f for f in replay.findings if f.status.value == "error"], [f.title for f in replay.findings if f.status.value == "error"]
    assert [f.code for f in replay.findings] == [f.code for f in raw.findings]


def _keys(o, prefix=""):
    if isinstance(o, dict):
        return {prefix + "/" + k for k in o} | set().union(*[_keys(v, prefix + "/" + k) for k, v in o.items()] or [set()])
    if isinstance(o, list):
        return set().union(*[_keys(v, prefix + "[]") for v in o] or [set()])
    return set()


def test_redacted_json_replays_end_to_end_for_user_root(tmp_path):
    """Through the CLI: `check --json` of a machine whose user is root, replayed with --facts: no error finding,
    same codes (the old word-level redaction turned the facts key comfyui_tree.root into <user> and crashed)."""
    facts = _machine("root", "status", "rtx5090-attention-overrides.json")
    p = tmp_path / "f.json"
    p.write_text(json.dumps(facts))
    env = {"USER": "root", "HOME": "/root"}
    first = run_cli("check", "--facts", str(p), "--json", env=env)
    doc = json.loads(first.stdout)
    again = tmp_path / "again.json"
    again.write_text(first.stdout)
    second = run_cli("check", "--facts", str(again), "--json", env=env)
    doc2 = json.loads(second.stdout)
    assert {f["code"] for f in doc2["findings"]} == {f["code"] for f in doc["findings"]}
    assert not [f for f in doc2["findings"] if f["status"] == "error"]
    for secret in PLANTED.values():
        assert secret not in first.stdout


def test_the_accounts_own_home_is_redacted_when_home_points_elsewhere(tmp_path, monkeypatch):
    """HOME set to another folder (`sudo -E`, a container's HOME=/workspace) while the probes list interpreters under
    the account's own home (/root/.pyenv/shims/python3 as root): the password database's home is a home too (lead,
    stop 53: a report run with HOME elsewhere printed /root/.pyenv/... in its tried list)."""
    pwd = pytest.importorskip("pwd")
    from doctor.redact import Redactor

    own = pwd.getpwuid(os.geteuid()).pw_dir.rstrip("/")
    if len([p for p in own.split("/") if p]) < 1 or str(tmp_path).startswith(own + "/") or own == str(tmp_path):
        pytest.skip(f"the account's home {own!r} cannot be told from the test's folder")
    monkeypatch.setenv("HOME", str(tmp_path))  # the process's own HOME too (os.path.expanduser reads it)
    r = Redactor({"system": {"user": "someone", "hostname": "box-7q2k", "home": str(tmp_path)}},
                 environ={"HOME": str(tmp_path), "USER": "someone"})
    line = f"{own}/.pyenv/shims/python3: no PyTorch"
    out = r.text(line)
    assert own + "/" not in out and out.endswith("/.pyenv/shims/python3: no PyTorch"), out
    assert r.text(f"{tmp_path}/ComfyUI/main.py").startswith("~"), r.text(f"{tmp_path}/ComfyUI/main.py")
    # structure is kept: a code and a package name are not rewritten
    assert r.text("torch.missing: pip install torch") == "torch.missing: pip install torch"


def test_windows_profile_with_a_space_stays_a_path():
    from doctor.redact import Redactor

    home = r"C:\Users\John Smith"
    r = Redactor({"system": {"user": "John Smith", "hostname": "DESKTOP-7Q2K", "home": home}},
                 environ={"USERPROFILE": home})
    cmd = rf'"{home}\ComfyUI_windows_portable\python_embeded\python.exe" -m pip install torch'
    out = r.text(cmd)
    assert out == r'"C:\Users\<user>\ComfyUI_windows_portable\python_embeded\python.exe" -m pip install torch'
    assert "~\\" not in out and "John" not in out
    assert r.text("/mnt/c/Users/John Smith/ComfyUI") == "/mnt/c/Users/<user>/ComfyUI"
    assert r.text("built on DESKTOP-7Q2K") == "built on <host>"


@pytest.mark.parametrize("line,secret", [
    ("python main.py --openai-api-key sk-proj-PLANTEDplanted0123456789 --listen", "PLANTEDplanted"),
    ("python main.py --anthropic-api-key=ant-planted-value --fast", "ant-planted-value"),
    ("main.py --password 'correct horse' --listen", "correct horse"),
    ("main.py --api-key plain-value-1234 --port 8188", "plain-value-1234"),
    ("set OPENAI_API_KEY=abc123planted", "abc123planted"),
    ("export DB_PASSWORD=pw-planted", "pw-planted"),
    ("aws_secret_access_key = wJalrXUtnFEMIplanted", "wJalrXUtnFEMIplanted"),
    ("pip install --index-url https://alice:s3cret-planted@pypi.example/simple torch", "s3cret-planted"),
    ("git clone https://ghp_0123456789abcdefghijABCDEFGHIJ0123@github.com/x/y", "ghp_0123456789"),
    ("key AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
    ("Authorization: Bearer eyJhbGciOiplanted", "eyJhbGciOiplanted"),
    ("token github_pat_11ABCDEFG0123456789_abcdefghijklmnop", "github_pat_11ABCDEFG"),
])
def test_secret_shapes_in_scanned_lines(line, secret):
    from doctor.redact import Redactor

    out = Redactor({}, environ={}).text(line)
    assert secret not in out, out
    assert out.split()[0] == line.split()[0]  # the command's structure stays


def test_argv_list_flags_are_redacted_by_position():
    from doctor.redact import Redactor

    argv = ["main.py", "--openai-api-key", "k-123456", "--listen", "--password", "pw", "--comfy-api-key", "--fast"]
    out = Redactor({}, environ={}).obj({"argv": argv})["argv"]
    assert out == ["main.py", "--openai-api-key", "<redacted>", "--listen", "--password", "<redacted>",
                   "--comfy-api-key", "--fast"]


def test_windows_profile_replay_keeps_runnable_shape(tmp_path):
    """A replayed Windows machine under C:\\Users\\John Smith: the JSON says C:\\Users\\<user>\\..., never ~\\...
    (cmd cannot expand ~), the name is gone from every output, and the codes are those of the unredacted run."""
    facts = json.loads((FACTS / "rtx5090-torch271-cu126.json").read_text())
    home = r"C:\Users\John Smith"
    facts["system"].update(user="John Smith", hostname="DESKTOP-7Q2K", home=home)
    facts["python"]["executable"] = home + r"\ComfyUI_windows_portable\python_embeded\python.exe"
    p = tmp_path / "win.json"
    p.write_text(json.dumps(facts))
    red = run_cli("check", "--facts", str(p), "--json")
    raw = run_cli("check", "--facts", str(p), "--json", "--no-redact")
    rep = run_cli("report", "--facts", str(p))
    doc, doc_raw = json.loads(red.stdout), json.loads(raw.stdout)
    assert [f["code"] for f in doc["findings"]] == [f["code"] for f in doc_raw["findings"]]
    assert doc["facts"]["python"]["executable"] == r"C:\Users\<user>\ComfyUI_windows_portable\python_embeded\python.exe"
    for text in (red.stdout, rep.stdout):
        assert "John" not in text and "DESKTOP-7Q2K" not in text and "~\\\\" not in text and "~\\" not in text
    # the fix commands still parse in their shells and run the same program: the profile is PowerShell's $HOME
    # (quoted) and cmd's %USERPROFILE%; C:\Users\<user> unquoted would be redirections in both
    from shellcheck_win import check_cmd, check_powershell

    lines = [c for f in doc["findings"] for c in (f.get("fix") or {}).get("commands") or []]
    win = [c for c in lines if c["shell"] in ("powershell", "cmd") and "python_embeded" in c["line"]]
    assert {c["shell"] for c in win} == {"powershell", "cmd"}, lines
    for c in lines:
        if c["shell"] == "powershell":
            check_powershell(c["line"])
        elif c["shell"] == "cmd":
            check_cmd(c["line"])
        assert "<user>" not in c["line"], c
    assert any(c["line"].startswith('& "$HOME\\ComfyUI_windows_portable\\python_embeded\\python.exe" -m pip install')
               for c in win), win
    assert any(c["line"].startswith('"%USERPROFILE%\\ComfyUI_windows_portable\\python_embeded\\python.exe" -m pip install')
               for c in win), win
