"""The markdown report and redaction: nothing secret leaves the machine unless --no-redact."""

from __future__ import annotations

import json
import os
import re
import socket
from pathlib import Path

from conftest import FACTS, run_cli
from doctor.redact import Redactor

TOKEN = "hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345"
API_KEY = "sk-test-9f8e7d6c5b4a39281706"


def planted_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A fake home with a user name, a scanned script holding a token, and secret variables set."""
    home = tmp_path / "home" / "klaradev"
    scripts = home / "klein"
    scripts.mkdir(parents=True)
    (scripts / "run.py").write_text(
        f'import os\npipe.text_encoder = AutoModel.from_pretrained(r, token="{TOKEN}", attn_implementation="flash_attention_2")\n')
    env = {"HOME": str(home), "USER": "klaradev", "LOGNAME": "klaradev", "HF_TOKEN": TOKEN, "MY_API_KEY": API_KEY}
    return env, scripts


def assert_clean(text: str, home: str) -> None:
    for secret in (TOKEN, API_KEY, home, "11111111-2222-3333-4444-555555555555"):
        assert secret not in text, f"{secret!r} leaked"
    # names are redacted as whole words (a host called "vm" must not blank out "nvml")
    for word in ("klaradev", socket.gethostname()):
        assert not re.search(r"(?<![A-Za-z0-9_-])" + re.escape(word) + r"(?![A-Za-z0-9_-])", text), f"{word!r} leaked"


def test_report_terminal_and_json_redact_by_default(tmp_path):
    env, scripts = planted_env(tmp_path)
    args = ["--scan", str(scripts)]
    report = run_cli("report", *args, env=env)
    terminal = run_cli("check", *args, "-v", env=env)
    js = run_cli("check", *args, "--json", env=env)
    for out in (report, terminal, js):
        assert out.returncode in (0, 1), out.stderr
        assert_clean(out.stdout, env["HOME"])
    assert "~/klein/run.py:2" in report.stdout  # the finding is still there, with a redacted path
    doc = json.loads(js.stdout)
    assert doc["facts"]["system"]["user"] == "<user>" and doc["facts"]["system"]["hostname"] == "<host>"
    assert "HF_TOKEN" in doc["facts"]["system"]["secret_vars_set"]  # the name, never the value


def test_no_redact_keeps_everything(tmp_path):
    env, scripts = planted_env(tmp_path)
    out = run_cli("check", "--scan", str(scripts), "--json", "--no-redact", env=env)
    assert env["HOME"] in out.stdout and TOKEN in out.stdout


def test_saved_facts_are_redacted(tmp_path):
    env, scripts = planted_env(tmp_path)
    saved = tmp_path / "facts.json"
    run_cli("check", "--scan", str(scripts), "--save-facts", str(saved), env=env)
    assert_clean(saved.read_text(), env["HOME"])


def test_gpu_uuid_redacted_from_a_replayed_machine():
    out = run_cli("report", "--facts", str(FACTS / "h100-cu130.json"))
    assert "GPU-<redacted-uuid>" in out.stdout and "11111111-2222" not in out.stdout


def test_report_structure_and_output_file(tmp_path):
    target = tmp_path / "r.md"
    proc = run_cli("report", "--facts", str(FACTS / "rtx5090-torch271-cu126.json"), "--output", str(target))
    assert proc.stdout == "" and "report written" in proc.stderr
    md = target.read_text()
    assert md.startswith("## klein-doctor report")
    assert "| status | count |" in md and "<details><summary>" in md and "</details>" in md
    assert "torch==2.7.1 --index-url https://download.pytorch.org/whl/cu128" in md
    assert md.count("<details>") == md.count("</details>")


def test_report_stays_under_the_issue_limit(tmp_path):
    facts = json.loads((FACTS / "rtx5090-attention-overrides.json").read_text())
    hit = facts["scan"]["hits"][0]
    facts["scan"]["hits"] = [dict(hit, line=i, text=hit["text"] + " " + "x" * 150) for i in range(1, 2000)]
    p = tmp_path / "big.json"
    p.write_text(json.dumps(facts))
    md = run_cli("report", "--facts", str(p)).stdout
    assert len(md) < 60_000
    assert "truncated" in md or "omitted" in md
    assert "xformers" in md  # the findings survive the cut


def test_redactor_unit_cases():
    r = Redactor({"system": {"user": "ana", "hostname": "studio-pc", "home": r"C:\Users\ana"}},
                 environ={"MY_SECRET": "s3cr3tvalue", "USERPROFILE": r"C:\Users\ana"})
    text = (r"C:\Users\ana\ComfyUI\main.py on studio-pc by ana; banana stays; token hf_abcdefghijklmnop; "
            r"s3cr3tvalue; GPU-11111111-2222-3333-4444-555555555555; c:/users/ana/x")
    out = r.text(text)
    # values only: the Windows profile keeps its shape (cmd can still read it as a path), the user name is
    # redacted as a path component, never as a bare word (a user called "torch" must not rewrite "torch")
    assert out.startswith("C:\\Users\\<user>\\ComfyUI\\main.py on <host> by ana; banana stays")
    assert "hf_abcdefghijklmnop" not in out and "s3cr3tvalue" not in out and "GPU-<redacted-uuid>" in out
    assert "C:/Users/<user>/x" in out
