"""The markdown report and redaction: nothing secret leaves the machine unless --no-redact."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
from pathlib import Path

from conftest import FACTS, REPO, run_cli
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
    # the command lines a reader re-runs keep their structure: the redacted home is "$HOME", which bash expands
    # (a quoted '~/klein' would be a folder named `~`)
    for label in ("Collected with", "Report made with"):
        rows = [ln for ln in report.stdout.splitlines() if ln.startswith(f"| {label} |")]
        for row in rows:
            line = row.split("`")[1]
            assert line.startswith("klein-doctor report") and "'~" not in line, line
            argv = subprocess.run(["bash", "-c", "printf '%s\\0' " + line], capture_output=True, text=True,
                                  env={"HOME": env["HOME"], "PATH": "/usr/bin:/bin"}).stdout.split("\0")[:-1]
            assert argv[argv.index("--scan") + 1] == str(scripts), (line, argv)
        assert rows or label == "Report made with"
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
    # in the pasted facts the brackets are JSON escapes (no tag-like text in the page)
    assert "GPU-\\u003credacted-uuid\\u003e" in out.stdout and "11111111-2222" not in out.stdout


def test_report_structure_and_output_file(tmp_path):
    target = tmp_path / "r.md"
    proc = run_cli("report", "--facts", str(FACTS / "rtx5090-torch271-cu126.json"), "--output", str(target))
    assert proc.stdout == "" and "report written" in proc.stderr
    md = target.read_text(encoding="utf-8")
    assert md.startswith("## klein-doctor report")
    assert md.index("### Environment") < md.index("### Verdict") < md.index("<details><summary>")
    assert "Not ready for FLUX.2 \\[klein\\]" in md and "✗" not in md
    assert "<details><summary>" in md and "</details>" in md
    assert "torch==2.7.1+cu128 torchvision==0.22.1+cu128 torchaudio==2.7.1+cu128 --index-url https://download.pytorch.org/whl/cu128" in md
    assert md.count("<details>") == md.count("</details>")


def test_an_output_file_that_is_not_ours_is_never_overwritten(tmp_path):
    """`report -o notes.md` replaced the user's notes.md without a word. A file that exists and is not a report
    (or, for --save-facts, not a facts file) written before by klein-doctor is refused before anything runs (exit
    2, the file untouched); an earlier report or facts file, an empty file or a device is written as before."""
    facts = str(FACTS / "rtx5090-torch271-cu126.json")
    notes = tmp_path / "notes.md"
    notes.write_text("my notes\n")
    quoting = tmp_path / "issue.md"  # a user's own text that quotes an earlier report is still theirs
    quoting.write_text("I ran it and got:\n\n## klein-doctor report\n...\n")
    proc = run_cli("report", "--facts", facts, "-o", str(quoting))
    assert proc.returncode == 2 and quoting.read_text().startswith("I ran it"), proc.stderr
    for args, flag in ((["report", "--facts", facts, "-o", str(notes)], "--output"),
                       (["check", "--facts", facts, "--save-facts", str(notes)], "--save-facts")):
        proc = run_cli(*args)
        assert proc.returncode == 2 and notes.read_text() == "my notes\n", proc.stderr
        assert proc.stderr.startswith(f"klein-doctor: {flag} {notes}: the file exists and is not a klein-doctor ")
        assert "not overwritten" in proc.stderr and "Traceback" not in proc.stderr
    report, saved, empty = tmp_path / "r.md", tmp_path / "f.json", tmp_path / "empty.md"
    empty.write_text("")
    for _ in range(2):  # the second run replaces what the first wrote
        assert run_cli("report", "--facts", facts, "-o", str(report)).returncode == 1
        assert run_cli("check", "--facts", facts, "--save-facts", str(saved)).returncode == 1
    assert report.read_text(encoding="utf-8").startswith("## klein-doctor report")
    assert json.loads(saved.read_text())["schema"].startswith("klein-doctor-facts")
    assert run_cli("report", "--facts", facts, "-o", str(empty)).returncode == 1 and empty.stat().st_size > 0
    proc = run_cli("report", "--facts", facts, "-o", str(tmp_path))
    assert proc.returncode == 2 and "is a folder" in proc.stderr
    if os.name != "nt":
        assert run_cli("report", "--facts", facts, "-o", "/dev/null").returncode == 1
        # a link: judged by what it points to (the user's notes through a link stay theirs; a dangling link is written
        # through, as the shell's `>` would)
        link, dangling = tmp_path / "link.md", tmp_path / "dangling.md"
        link.symlink_to(notes)
        dangling.symlink_to(tmp_path / "new-report.md")
        proc = run_cli("report", "--facts", facts, "-o", str(link))
        assert proc.returncode == 2 and notes.read_text() == "my notes\n" and "not overwritten" in proc.stderr
        assert run_cli("report", "--facts", facts, "-o", str(dangling)).returncode == 1
        assert (tmp_path / "new-report.md").read_text(encoding="utf-8").startswith("## klein-doctor report")


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


# ------------------------------------------------------------------ the report as GitHub renders it
import copy  # noqa: E402

import cmarkgfm  # noqa: E402
import pytest  # noqa: E402
from cmarkgfm.cmark import Options  # noqa: E402

from doctor import pipeline  # noqa: E402
from doctor.findings import fail, info, ok, warn  # noqa: E402
from doctor.render import markdown  # noqa: E402

# Every tag the report itself writes (and cmark-gfm makes from markdown); anything else came from evidence.
OUR_TAGS = {"details", "summary", "p", "ul", "li", "strong", "code", "pre", "table", "thead", "tbody", "tr", "th",
            "td", "h2", "h3", "sub", "a", "blockquote"}
TYPICAL = 15_000
RECORDED = sorted(FACTS.glob("*.json"))


def to_html(md: str) -> str:
    """GitHub's renderer (cmark-gfm) with raw HTML passed through unfiltered: a tag smuggled in by
    evidence would show up here."""
    return cmarkgfm.markdown_to_html_with_extensions(md, options=Options.CMARK_OPT_UNSAFE,
                                                     extensions=["table", "autolink", "strikethrough"])


def facts_block(md: str) -> dict:
    m = re.search(r"^(`{3,})json\n(.*?)\n\1$", md, re.S | re.M)
    assert m, "no facts block"
    return json.loads(m.group(2))


def assert_well_formed(md: str) -> str:
    html = to_html(md)
    opened = len(re.findall(r"^<details><summary>", md, re.M))
    assert opened == len(re.findall(r"^</details>$", md, re.M)) == html.count("<details>") == html.count("</details>")
    assert html.rstrip().endswith("</sub></p>"), "the footer must come last: something was left open"
    assert "<table>" in html and "<pre><code" in html
    tags = set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9-]*)", html))
    assert tags <= OUR_TAGS, f"raw tags in the report: {tags - OUR_TAGS}"
    facts_block(md)  # valid JSON
    return html


def replay(facts_path: Path) -> tuple[list, dict]:
    facts = pipeline.load_facts(facts_path)
    res = pipeline.diagnose(dict(facts.get("options") or {}), facts=facts)
    return res.findings, res.facts


@pytest.mark.parametrize("path", RECORDED, ids=[p.stem for p in RECORDED])
def test_recorded_machines_render_as_github_markdown_and_the_facts_replay(path, tmp_path):
    findings, facts = replay(path)
    md = markdown.render(findings, facts, redacted=True, command="klein-doctor report")
    assert len(md) <= TYPICAL, f"{path.name}: {len(md)} characters"
    assert_well_formed(md)
    assert md.index("### Environment") < md.index("### Verdict") < md.index("<details>")
    pasted = facts_block(md)
    assert "variant" not in (pasted.get("models") or {}).get("manifest", {}), "the built-in manifest was copied"
    saved = tmp_path / "facts.json"
    saved.write_text(json.dumps(pasted), encoding="utf-8")
    again, _ = replay(saved)
    assert sorted((f.code, f.status.value) for f in again) == sorted((f.code, f.status.value) for f in findings)


def test_environment_block_names_the_setup():
    findings, facts = replay(FACTS / "rtx5090-torch271-cu126.json")
    facts = copy.deepcopy(facts)
    facts["system"].update(os="win32", windows_version="10.0.26100", windows_edition="Professional")
    facts["system"]["argv"] = ["check", "--python", r"C:\ComfyUI_windows_portable\python_embeded\python.exe"]
    env = markdown.render(findings, facts, redacted=True).split("### Verdict")[0]
    assert "Windows 11 Professional (build 10.0.26100)" in env
    assert "NVIDIA GeForce RTX 5090 · 31.8 GiB · compute 12.0 (sm_120)" in env
    assert "576.28 · supports CUDA 12.9" in env
    assert "ComfyUI portable (embedded) · CPython 3.12.10" in env
    assert "2.7.1+cu126 · CUDA build 12.6 · arch sm\\_50" in env
    for lib in ("torchvision", "torchaudio", "triton", "xformers", "flash-attn", "sageattention", "diffusers",
                "transformers", "accelerate"):
        assert lib in env
    assert r"`klein-doctor check --python 'C:\ComfyUI_windows_portable\python_embeded\python.exe'`" in env


def test_wsl_and_linux_distro_lines():
    base = {"machine": "x86_64", "release": "6.6.87.2-microsoft-standard-WSL2", "wsl": True,
            "distro": "Ubuntu 24.04.2 LTS", "os": "linux"}
    assert markdown._os_line(base) == "WSL2 · Ubuntu 24.04.2 LTS · kernel 6.6.87.2-microsoft-standard-WSL2 · x86_64"
    assert markdown._os_line(dict(base, wsl=False, release="6.8.0-60-generic")).startswith("Ubuntu 24.04.2 LTS · kernel 6.8.0")
    assert markdown._os_line({"os": "win32", "windows_version": "10.0.19045", "windows_edition": "Core"}) \
        == "Windows 10 Core (build 10.0.19045)"
    # a maintainer reading a "no GPU" report needs to know it came from inside a container, and as root
    debian = {"os": "linux", "machine": "x86_64", "release": "6.1.0-28-amd64", "distro": "Debian GNU/Linux 12 (bookworm)",
              "container": "docker", "euid": 0}
    assert markdown._os_line(debian) == "Debian GNU/Linux 12 (bookworm) · kernel 6.1.0-28-amd64 · x86_64 · in a docker container as root"
    assert markdown._os_line(dict(debian, container=None)).endswith("· x86_64")


HOSTILE = ["</details><script>alert(1)</script>", "owned by <user> on <host>", "line one\n# heading\n---",
           "1. not a list", "- not a list either", "a | b | c", "`tick` *star* _under_ [link](http://x) ![i](http://y)",
           "&lt;already&gt; &amp;", "ctl\x1b[31mred\x07"]


def hostile_findings() -> list:
    a = fail("torch.arch.missing", "PyTorch <b>bold</b> | pipe " + HOSTILE[0], HOSTILE, fix="run `pip install x|y` then <restart>")
    a.area = "PyTorch"
    b = warn("x.warn", "# not a heading", HOSTILE[::-1], fix="a bare command --with <angle> | pipe")
    b.area = "Weird <area>"
    c = ok("x.ok", "fine", [HOSTILE[2]])
    c.area = "System"
    return [a, b, c]


def test_evidence_is_escaped_for_markdown_and_html():
    facts = {"schema": "klein-doctor-facts/1", "collected_at": "<now>",
             "system": {"os": "linux", "distro": "<b>Evil</b> OS", "release": "1", "argv": ["report", "</details>"]},
             "python": {"executable": "/x/`py`|thon", "version": "3.12", "packages": {"torch": "<2>"}}}
    md = markdown.render(hostile_findings(), facts, redacted=True)
    html = assert_well_formed(md)
    assert "<h1" not in html and "<hr" not in html and "<em>" not in html and "<img" not in html and "<ol" not in html
    assert "&lt;/details&gt;&lt;script&gt;" in html and "&lt;user&gt;" in html and "&lt;b&gt;Evil&lt;/b&gt;" in html
    assert "\x1b" not in md and "\x07" not in md
    text = re.sub(r"<[^>]+>", "", html)
    for needle in ("owned by &lt;user&gt; on &lt;host&gt;", "# heading", "a | b | c", "`tick` *star* _under_ [link](http://x)",
                   "&amp;lt;already&amp;gt; &amp;amp;", "pip install x|y"):
        assert needle in text, needle


@pytest.mark.parametrize("limit", [4_000, 12_000, 60_000])
def test_cut_only_at_structure_boundaries(limit):
    findings = []
    for i in range(400):
        f = (fail if i % 3 == 0 else info)(f"area{i % 9}.x{i}", f"finding {i} " + "w" * 150,
                                           [f"evidence {j} <tag> `{'x' * 180}`" for j in range(30)], fix=f"`cmd {i}`")
        f.area = f"Area {i % 9}"
        findings.append(f)
    facts = json.loads((FACTS / "rtx5090-attention-overrides.json").read_text())
    facts["scan"]["hits"] = [dict(facts["scan"]["hits"][0], line=i) for i in range(3000)]
    md = markdown.render(findings, facts, redacted=True, limit=limit)
    assert len(md) <= limit
    if limit >= 12_000:
        assert_well_formed(md)
        assert "Shortened" in md
    else:
        html = to_html(md)
        assert md.count("<details>") == md.count("</details>") and html.rstrip().endswith("</sub></p>")
        assert "Not ready" in md


def test_non_utf8_console_gets_utf8_bytes(tmp_path):
    """Windows `report > r.md` (cp1252): the report is written as UTF-8 bytes, not an encoding crash."""
    env = dict(os.environ, PYTHONIOENCODING="cp1252", PYTHONPATH=str(Path(__file__).resolve().parent.parent), NO_COLOR="1")
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "doctor", "report", "--facts", str(FACTS / "rtx5090-torch271-cu126.json")],
                          capture_output=True, env=env, timeout=120)
    assert proc.returncode == 1, proc.stderr
    md = proc.stdout.decode("utf-8")
    assert "❌" in md and md.count("<details>") == md.count("</details>")
    facts = json.loads((FACTS / "h100-cu130.json").read_text())
    facts["python"]["executable"] = facts["system"]["doctor_python"] = "/opt/用户/bin/python3"
    p = tmp_path / "uni.json"
    p.write_text(json.dumps(facts), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "doctor", "check", "-v", "--facts", str(p)], capture_output=True,
                          env=env, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    assert b"/opt/\\u7528\\u6237/bin/python3" in proc.stdout and b"Traceback" not in proc.stderr


def test_live_comfyui_capture_report(shared, tmp_path):
    """A ComfyUI server answering with the captured 0.33.0 responses (886 nodes): the node list is reduced
    to Klein's nodes and a count, and the report stays typical-sized."""
    from tests.comfy_server import ComfyReplay

    saved = tmp_path / "facts.json"
    with ComfyReplay(shared / "fixtures" / "comfyui") as url:
        proc = run_cli("report", "--server", url, "--no-hash", "--save-facts", str(saved))
    md = proc.stdout
    assert proc.returncode in (0, 1), proc.stderr
    # the report prints where this checkout lies as it is (its venv's interpreter, the folders tried for ComfyUI: 14
    # times), which is the clone's path length, not the report's: measured with that folder as one short name, so a
    # clone made with `mktemp -d` or under a deep CI workspace is held to the same budget as a short one
    # the same holds for pytest's own temporary folder (`--save-facts` names it twice: the command line and argv), whose
    # length grows with pytest's run counter (pytest-5 -> pytest-47) on the same machine
    sized = md.replace(str(REPO.parent), "<clone>").replace(str(tmp_path), "<tmp>")
    assert str(tmp_path) in md and len(sized) <= TYPICAL, len(sized)
    assert_well_formed(md)
    oi = facts_block(md)["comfyui_server"]["object_info"]
    assert oi["node_names_total"] > 800 and "EmptyFlux2LatentImage" in oi["node_names"] and len(oi["node_names"]) < 20
    assert "0.33.0" in md.split("### Verdict")[0]
    full = json.loads(saved.read_text())
    assert len(full["comfyui_server"]["object_info"]["node_names"]) > 800  # --save-facts keeps everything
    # python_target is the record python.selected copies: the report keeps one of them, --save-facts both
    assert "python_target" not in facts_block(md) and full["python_target"] == full["python"]["selected"]


def test_compact_drops_python_target_only_where_python_selected_is_the_same_record():
    """Compared before the searched places are cut to three: a search of four or more places made the cut copy differ
    from the whole record, and the report carried both (stop 62: 377 characters of a 15,000-character report)."""
    from doctor.factsref import compact

    tried = [f"/opt/py{i}/bin/python3: no PyTorch" for i in range(5)]
    sel = {"executable": "/opt/env/bin/python", "how": "doctor", "why": "its own interpreter", "tried": tried}
    out = compact({"python_target": copy.deepcopy(sel), "python": {"selected": copy.deepcopy(sel)}})
    assert "python_target" not in out and out["python"]["selected"]["tried"] == tried[:3], out
    assert out["python"]["selected"]["tried_omitted"] == 2
    other = dict(sel, executable="/opt/other/bin/python")
    out = compact({"python_target": other, "python": {"selected": copy.deepcopy(sel)}})
    assert out["python_target"]["executable"] == "/opt/other/bin/python", out


def test_a_custom_manifest_keeps_only_its_own_rows_and_replays_whole():
    from doctor.factsref import _data, compact, rehydrate

    facts = pipeline.load_facts(FACTS / "device-real.json")
    variants = facts["models"]["manifest"]["variant"]
    mine = copy.deepcopy(variants[0])
    mine["steps"] = 8
    facts["models"]["manifest"].update(variant=[mine, *variants[1:]], path="/x/my-models.toml")
    ref = compact(facts)["models"]["manifest"]
    assert [v["id"] for v in ref["variant"]] == [mine["id"]] and len(ref["builtin_sha256"]) == 64
    back = rehydrate(json.loads(json.dumps(compact(facts))))["models"]["manifest"]
    assert back["variant"][0]["steps"] == 8 and [v["id"] for v in back["variant"]] == [v["id"] for v in variants]
    assert _data(back["variant"][1:]) == _data(variants[1:]) and back["url_template"].startswith("https://")


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as hs  # noqa: E402

_nasty = hs.text(alphabet=hs.sampled_from(list("<>/&|`*_[]()#!-+=~\\\n\r\t\x00\x1b é✓❌ detailsscript123.")), max_size=300)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(titles=hs.lists(_nasty, min_size=1, max_size=12), evidence=hs.lists(_nasty, max_size=8), fix=_nasty,
       limit=hs.integers(min_value=6_000, max_value=60_000))
def test_any_text_renders_closed_and_escaped(titles, evidence, fix, limit):
    findings = []
    for i, t in enumerate(titles):
        f = (fail, warn, ok, info)[i % 4](f"x.c{i}", t, evidence, fix=fix or None)
        f.area = ("PyTorch", "GPU", "Model files")[i % 3]
        findings.append(f)
    facts = {"schema": "klein-doctor-facts/1", "system": {"os": "linux", "distro": titles[0], "argv": evidence}}
    md = markdown.render(findings, facts, redacted=True, limit=limit)
    assert len(md) <= limit
    html = to_html(md)
    opened = len(re.findall(r"^<details><summary>", md, re.M))
    assert opened == html.count("<details>") == html.count("</details>")
    tags = set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9-]*)", html))
    assert tags <= OUR_TAGS, tags - OUR_TAGS
    assert "<h1" not in html and "\x1b" not in md
    if "```json" in md:
        facts_block(md)


def test_klein_files_table_names_identity_and_hash_state(tmp_path):
    import stfiles as st

    m = tmp_path / "models"
    st.write(m / "diffusion_models" / "flux-2-klein-4b-fp8.safetensors", st.klein_4b(fp8=True), total_size=st.SIZE_KLEIN_4B_FP8)
    st.write_identity(m / "vae" / "flux2-vae.safetensors", "flux1")
    proc = run_cli("report", "--path", "comfyui", "--models-dir", str(m), "--no-hash", "--no-server", "--check", "models")
    env = proc.stdout.split("### Verdict")[0]
    assert "| `flux-2-klein-4b-fp8.safetensors` | diffusion\\_models | FLUX.2 \\[klein\\] 4B transformer (fp8-e4m3) | 4.07 GB | skipped |" in env
    assert "| `flux2-vae.safetensors` | vae | FLUX.1 transformer" in env
    assert_well_formed(proc.stdout)


def test_counts_are_written_with_their_plurals():
    """`1 warning`, `2 warnings`, `1 check broke`: the terminal and the markdown report count the same way."""
    from doctor.findings import error, ok, warn
    from doctor.render import markdown, terminal

    one = [warn("a.w", "w"), ok("a.o", "o"), error("a.e", "e")]
    two = one + [warn("b.w", "w"), error("b.e", "e")]
    assert terminal.counts_text(one) == "0 failed, 1 warning, 1 ok, 1 check broke"
    assert terminal.counts_text(two) == "0 failed, 2 warnings, 1 ok, 2 checks broke"
    assert markdown._counts(one) == "0 failed, 1 warning, 1 ok, 1 check broke"
    assert markdown._counts(two, short=True) == "2 broke, 2 warnings, 1 ok"


def test_redacted_posix_commands_still_run_as_printed():
    """A fix command under the home keeps what it runs once redacted: a quoted word that starts with the home
    gets "$HOME" before its quote (a `~` inside quotes is a folder named `~`), an unquoted one `~`; bash expands
    both to the real path. Prose keeps the plain `~`."""
    home = "/home/ann lee"
    r = Redactor(facts={"system": {"home": home, "user": "annlee"}}, environ={})
    lines = {"'/home/ann lee/My AI/ComfyUI'": f"{home}/My AI/ComfyUI", '"/home/ann lee/x y/p"': f"{home}/x y/p",
             "'/home/ann lee'": home, "/opt/ComfyUI": "/opt/ComfyUI"}
    for quoted, want in lines.items():
        fix = r.obj({"text": f"Install into {quoted}", "commands": [
            {"shell": "posix", "line": f"klein-doctor install --path comfyui --comfyui {quoted} --force"}]})
        line = fix["commands"][0]["line"]
        assert "ann lee" not in line and "'~" not in line and '"~' not in line, line
        argv = subprocess.run(["bash", "-c", "printf '%s\\0' " + line], capture_output=True, text=True,
                              env={"HOME": home, "PATH": "/usr/bin:/bin"}).stdout.split("\0")[:-1]
        assert argv == ["klein-doctor", "install", "--path", "comfyui", "--comfyui", want, "--force"], (line, argv)
        assert "$HOME" not in fix["text"] and "ann lee" not in fix["text"]
    plain = Redactor(facts={"system": {"home": "/home/annlee", "user": "annlee"}}, environ={})
    assert plain.obj({"shell": "posix", "line": "cd /home/annlee/ComfyUI && ls"})["line"] == "cd ~/ComfyUI && ls"


def test_redacted_windows_commands_still_parse_and_run_the_same_program():
    """In PowerShell the profile becomes `$HOME` inside double quotes (a single-quoted word is requoted, a bare
    one quoted, the program behind `&`), in cmd `%USERPROFILE%`: `C:\\Users\\<user>` unquoted would be
    redirections in both. Prose keeps `C:\\Users\\<user>`."""
    from shellcheck_win import check_cmd, check_powershell

    home = "C:\\Users\\Jane O'Neil"
    r = Redactor(facts={"system": {"home": home, "user": "Jane O'Neil"}}, environ={"USERPROFILE": home})
    cases = {
        ("powershell", "& 'C:\\Users\\Jane O''Neil\\My AI\\python.exe' -m pip list"): '& "$HOME\\My AI\\python.exe" -m pip list',
        ("powershell", 'uv pip uninstall --python "C:\\Users\\Jane O\'Neil\\p.exe" xformers'):
            'uv pip uninstall --python "$HOME\\p.exe" xformers',
        ("cmd", '"C:\\Users\\Jane O\'Neil\\My AI\\python.exe" -m pip list'): '"%USERPROFILE%\\My AI\\python.exe" -m pip list',
    }
    plain = Redactor(facts={"system": {"home": "C:\\Users\\jane", "user": "jane"}}, environ={"USERPROFILE": "C:\\Users\\jane"})
    cases2 = {
        ("powershell", "C:\\Users\\jane\\ComfyUI\\python_embeded\\python.exe -m pip install torch"):
            '& "$HOME\\ComfyUI\\python_embeded\\python.exe" -m pip install torch',
        ("powershell", "python -m pip install -r C:\\Users\\jane\\ComfyUI\\requirements.txt"):
            'python -m pip install -r "$HOME\\ComfyUI\\requirements.txt"',
        ("cmd", "C:\\Users\\jane\\ComfyUI\\python_embeded\\python.exe -m pip install torch"):
            "%USERPROFILE%\\ComfyUI\\python_embeded\\python.exe -m pip install torch",
    }
    for red, table in ((r, cases), (plain, cases2)):
        for (shell, line), want in table.items():
            got = red.obj({"shell": shell, "line": line})["line"]
            assert got == want, (line, got)
            (check_powershell if shell == "powershell" else check_cmd)(got)
    assert r.obj({"text": "Run C:\\Users\\Jane O'Neil\\x.exe"})["text"] == "Run C:\\Users\\<user>\\x.exe"
