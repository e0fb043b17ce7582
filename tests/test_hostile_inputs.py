"""Hostile inputs (issue 16), the fault zoo's sibling: strings, files and servers made by someone else.

Each family asserts its bound: escape sequences never reach a terminal raw and never become markdown/HTML
structure in a report; readers refuse special files and stay within memory (checked in a child process under
RLIMIT_AS) and time; secrets never leave. Randomness, where used, has a fixed seed.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from conftest import FACTS, run_cli

OSC52 = "\x1b]52;c;cm0gLXJmIH4K\x07"           # write the clipboard
CLS = "\x1b[2J\x1b[3J\x1b[H"                    # clear the screen and scrollback
LINK = "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\"  # a hidden hyperlink
BIDI = "\u202eexe.txt"                          # right-to-left override
C1 = "\x9b31m"                                  # an 8-bit CSI
HOSTILE = OSC52 + CLS + LINK + BIDI + C1
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def assert_neutral(text: str, where: str) -> None:
    for c in RAW:
        assert c not in text, f"{where}: raw {c!r} reached the output"


def hostile_facts(tmp_path: Path) -> Path:
    facts = json.loads((FACTS / "rtx5090-torch271-cu126.json").read_text())
    facts["gpu"]["devices"][0]["name"] = "NVIDIA GeForce RTX 5090" + HOSTILE
    facts["torch"]["version"] = "2.7.1+cu126" + HOSTILE
    facts["python"]["executable"] = "C:\\ComfyUI\\python" + HOSTILE + "\\python.exe"
    facts["torch"]["warnings"] = ["</details><script>alert(1)</script>\n# injected heading\n" + HOSTILE]
    p = tmp_path / "hostile.json"
    p.write_text(json.dumps(facts))
    return p


def test_replayed_facts_cannot_drive_the_terminal(tmp_path):
    p = hostile_facts(tmp_path)
    for extra in ([], ["-v"]):
        out = run_cli("check", "--facts", str(p), *extra)
        assert out.returncode in (0, 1), out.stderr[-2000:]
        assert_neutral(out.stdout + out.stderr, f"check {extra}")
        assert "\\x1b]52" in out.stdout  # shown, escaped: the user sees that something odd was there
    js = run_cli("check", "--facts", str(p), "--json")
    doc = json.loads(js.stdout)  # JSON stays exact: the value round-trips unchanged
    assert doc["facts"]["gpu"]["devices"][0]["name"].endswith(HOSTILE)


def test_report_values_never_become_markdown_or_html(tmp_path):
    import cmarkgfm

    p = hostile_facts(tmp_path)
    out = run_cli("report", "--facts", str(p))
    md = out.stdout
    assert_neutral(md, "report")
    outside_fence = md.split("<details><summary>Facts (JSON)")[0]  # the facts JSON is fenced code: literal
    assert "<script>" not in outside_fence and "\\x1b]52" in outside_fence
    assert not re.search(r"^#+ injected", md, re.M)
    assert outside_fence.count("<details>") == outside_fence.count("</details>")
    html = cmarkgfm.github_flavored_markdown_to_html(md, options=cmarkgfm.Options.CMARK_OPT_UNSAFE)
    assert "<script>" not in html and "<h1>injected" not in html
    assert html.count("<details>") == html.count("</details>")


def test_textsafe_units():
    from doctor.textsafe import md, md_code, term

    assert term("a\x1b[2Jb\nc\u202ed\x9b") == "a\\x1b[2Jb\\nc\\u202ed\\x9b"
    assert term("x\ny", keep_newlines=True) == "x\ny"
    assert md("a\n# h") == "a # h" and md("# h") == "\\# h" and md("1. x") == "1\\. x"
    assert md("</details>") == "&lt;/details&gt;" and md("a|b") == "a\\|b"
    assert md_code("x ` y") == "``x ` y``" and "\n" not in md_code("a\nb")


def test_tree_workflow_server_and_names_cannot_drive_the_terminal(tmp_path):
    """Escape sequences from a workflow merely saved in user/default/workflows, from the live server's
    version/device/argv, and (with -v) from tensor and folder names."""
    import stfiles as st
    from comfy_server import ComfyReplay
    from faults.zoo import api_prompt, tree
    from test_fuzz import INFO, STATS

    root = tree(tmp_path)
    wfdir = root / "user" / "default" / "workflows"
    wfdir.mkdir(parents=True, exist_ok=True)
    (wfdir / ("klein" + OSC52 + ".json")).write_text(json.dumps(api_prompt(
        clip_type="flux" + HOSTILE, unet="x" + HOSTILE + ".safetensors",
        extra={"99": {"class_type": "Evil" + HOSTILE, "inputs": {}}})))
    odd = root / "models" / "diffusion_models" / ("sub" + CLS)
    odd.mkdir(parents=True)
    st.write(odd / ("flux-2-klein-4b-fp8" + LINK + ".safetensors"), {"evil" + HOSTILE: ("BF16", [2, 2])})
    (root / "models" / "vae" / "flux2-vae.safetensors").unlink()
    st.write(root / "models" / "vae" / ("sub" + CLS) / "flux2-vae.safetensors", {"decoder" + HOSTILE + ".weight": ("BF16", [2, 2])})
    stats = json.loads(json.dumps(STATS))
    stats["system"]["comfyui_version"] = "0.33.0" + HOSTILE
    stats["system"]["argv"] = ["main.py", "--listen", "--use-flash-attention" + HOSTILE]
    stats["devices"][0]["name"] = "cuda:0 NVIDIA H100" + HOSTILE
    routes = {"/system_stats": (200, "application/json", json.dumps(stats).encode()),
              "/object_info": (200, "application/json", json.dumps(INFO).encode())}
    with ComfyReplay(None, routes=routes) as url:
        args = ["--path", "comfyui", "--comfyui", str(root), "--server", url, "--no-hash", "--torch-timeout", "30",
                "--check", "comfyui", "--check", "workflows", "--check", "models"]
        seen = ""
        for extra in ([], ["-v"]):
            out = run_cli("check", *args, *extra, env={"KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "c")})
            assert out.returncode in (0, 1), out.stderr[-2000:]
            assert_neutral(out.stdout + out.stderr, f"check {extra}")
            seen += out.stdout
        rep = run_cli("report", *args, env={"KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "c")})
        assert_neutral(rep.stdout.split("<details><summary>Facts (JSON)")[0], "report")
    # the hostile values were really read and shown (escaped), not merely absent
    for shown in ("NVIDIA H100\\x1b]52", "--use-flash-attention\\x1b]52", "workflows/klein\\x1b]52", "decoder\\x1b]52",
                  "'flux\\x1b]52", "sub\\x1b[2J"):
        assert shown in seen, (shown, seen[-3000:])


# --- network: a stock ComfyUI started with --enable-compress-response-body --------------------------------------

def test_compressed_comfyui_answers_are_read(shared, tmp_path):
    """ComfyUI's compress_body middleware gzips application/json answers when the request accepts gzip; the
    doctor asks for gzip, so it must decompress (bounded) and judge the server exactly as without compression."""
    import gzip
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from comfy_server import load_captures
    from conftest import run_json

    routes = load_captures(shared / "fixtures" / "comfyui")
    seen: list[str] = []

    class H(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            status, ctype, body = routes.get(self.path, (404, "text/plain", b"404"))
            ctype = ctype or "application/json"
            gz = "gzip" in self.headers.get("Accept-Encoding", "") and ctype.split(";")[0] in ("application/json", "text/plain")
            if gz:
                body = gzip.compress(body)
            seen.append(f"{self.path} gzip={gz}")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if gz:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a) -> None:
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{srv.server_address[1]}"
        rc, doc = run_json("--path", "comfyui", "--server", url, "--check", "comfyui.server", "--check",
                           "comfyui.server-version", "--no-redact", cwd=tmp_path, env={"COMFYUI_PATH": "", "HOME": str(tmp_path)})
    finally:
        srv.shutdown()
    s = doc["facts"]["comfyui_server"]
    assert s["is_comfyui"] and s["version"] == "0.33.0", s.get("error")
    assert s["object_info"]["complete"] and s["object_info"]["klein_nodes"]
    assert "comfyui.server.up" in {f["code"] for f in doc["findings"]}
    assert any("gzip=True" in x for x in seen)  # the answers really were compressed


# --- bounded readers: special files, /dev/zero, deep nesting, long integers, under a memory limit ----------------

MEM_LIMIT = 1536 * 1024 * 1024  # address space for a child doctor (Python + torch-free probes fit well below)


def run_limited(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 60):
    """The CLI in a child under RLIMIT_AS, so a reader that slurps /dev/zero dies instead of passing."""
    import subprocess
    import sys

    from conftest import REPO

    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (%d, %d)); "
            "sys.argv = ['klein-doctor'] + sys.argv[1:]; from doctor.cli import main; sys.exit(main())") % (MEM_LIMIT, MEM_LIMIT)
    e = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1", COMFYUI_PATH="")
    e.update(env or {})
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=e,
                          cwd=str(cwd or REPO), timeout=timeout)


@pytest.mark.parametrize("target", ["fifo", "/dev/zero", "dir", "deep", "bigint"])
def test_facts_file_is_refused_clearly(tmp_path, target):
    import time

    p = tmp_path / "facts.json"
    if target == "fifo":
        os.mkfifo(p)
    elif target == "dir":
        p.mkdir()
    elif target == "deep":
        p.write_text('{"schema": "klein-doctor-facts/1", "x": ' + "[" * 50_000 + "]" * 50_000 + "}")
    elif target == "bigint":
        p.write_text('{"schema": "klein-doctor-facts/1", "x": ' + "7" * 5000 + "}")
    else:
        p = Path(target)
    t0 = time.monotonic()
    out = run_limited("check", "--facts", str(p), timeout=30)
    assert time.monotonic() - t0 < 20
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    want = {"fifo": "FIFO", "/dev/zero": "character device", "dir": "directory", "deep": "nested",
            "bigint": "5000-digit"}[target]
    assert want in out.stderr, out.stderr


def test_scan_custom_nodes_and_model_index_pointing_at_dev_zero_and_fifos(tmp_path):
    """A .py symlink to /dev/zero and a FIFO under --scan and custom_nodes, a model_index.json link to
    /dev/zero, a FIFO blob in the HF cache and a refs/main of ../../..: bounded memory, no hang, findings."""
    from faults.zoo import tree
    import time

    root = tree(tmp_path)
    cn = root / "custom_nodes" / "evil"
    cn.mkdir(parents=True)
    (cn / "zero.py").symlink_to("/dev/zero")
    os.mkfifo(cn / "pipe.py")
    (cn / "ok.py").write_text("import torch\nos.environ['XFORMERS_DISABLED'] = '1'\n")
    scan = tmp_path / "scripts"
    scan.mkdir()
    (scan / "zero.sh").symlink_to("/dev/zero")
    os.mkfifo(scan / "fifo.bat")
    hub = tmp_path / "hub"
    repo = hub / "models--black-forest-labs--FLUX.2-klein-4B"
    snap = repo / "snapshots" / ("a" * 40)
    snap.mkdir(parents=True)
    (snap / "model_index.json").symlink_to("/dev/zero")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("../../../../../../usr")
    blobs = repo / "blobs"
    blobs.mkdir()
    os.mkfifo(blobs / ("b" * 64))
    t0 = time.monotonic()
    out = run_limited("check", "--json", "--comfyui", str(root), "--scan", str(scan), "--no-server", "--no-hash",
                      "--check", "attention.scan", "--check", "comfyui", "--check", "models",
                      env={"HF_HUB_CACHE": str(hub), "HOME": str(tmp_path), "KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "c")},
                      timeout=90)
    took = time.monotonic() - t0
    assert out.returncode in (0, 1), out.stderr[-3000:]
    assert took < 60, took
    doc = json.loads(out.stdout)
    assert not [f for f in doc["findings"] if f["status"] == "error"], [f["title"] for f in doc["findings"] if f["status"] == "error"]
    scan_facts = doc["facts"]["scan"]
    assert scan_facts["skipped_special"] >= 2  # /dev/zero and the FIFO: refused by type, counted
    tree_scan = doc["facts"]["comfyui_tree"]["attention_scan"]
    assert tree_scan["skipped_special"] >= 2 and tree_scan["files_scanned"] >= 1


def test_hf_cache_ref_cannot_leave_the_cache_and_model_index_is_bounded(tmp_path):
    from doctor import hfcache

    repo = tmp_path / "models--x--y"
    (repo / "snapshots" / ("a" * 40)).mkdir(parents=True)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("../../../../../../usr")
    d, commit, note = hfcache._snapshot(repo, "main")
    assert d is None and "commit hash" in note
    (repo / "refs" / "main").unlink()
    os.mkfifo(repo / "refs" / "main")
    d, commit, note = hfcache._snapshot(repo, "main")  # a FIFO ref is never opened (no hang): not a ref at all
    assert note and "no refs/main" in note
    idx = tmp_path / "model_index.json"
    idx.symlink_to("/dev/zero")
    doc, err = hfcache.read_model_index(idx)
    assert doc is None and "character device" in err


def test_scan_stopping_at_the_file_bound_says_truncated(tmp_path, monkeypatch):
    from doctor.probes import attention

    monkeypatch.setattr(attention, "MAX_FILES", 50)
    for i in range(80):
        (tmp_path / f"s{i:03}.py").write_text("x = 1\n")
    got = attention.scan_paths([str(tmp_path)])
    assert got["truncated"] is True and got["files_scanned"] == 50
    few = tmp_path / "few"
    few.mkdir()
    (few / "a.py").write_text("x = 1\n")
    assert attention.scan_paths([str(few)])["truncated"] is False
    from doctor.pipeline import run_one, select_checks

    (c,) = [c for c in select_checks(["attention.scan"]) if c.id == "attention.scan"]
    facts = json.loads((FACTS / "h100-cu130.json").read_text())
    facts["scan"] = got
    codes = {f.code for f in run_one(c, facts)}
    assert "attention.scan.truncated" in codes and "attention.scan.clean" in codes


def test_readers_bound_depth_and_digits():
    from doctor import safeio

    with pytest.raises(safeio.BadData, match="nested"):
        safeio.loads_json("[" * 100_000 + "]" * 100_000)
    with pytest.raises(json.JSONDecodeError):  # the same class existing readers already catch
        safeio.loads_json('{"a": ' + "1" * 4301 + "}")
    assert safeio.loads_json('{"s": "' + "[" * 1000 + '"}') == {"s": "[" * 1000}  # brackets in strings do not count
    with pytest.raises(safeio.BadData, match="expands"):
        safeio.load_yaml("a: &a [1,1,1,1,1,1,1,1,1,1]\n" + "".join(
            f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdef", "bcdefg")))


def test_thirty_thousand_yaml_sections_are_one_summary(tmp_path):
    from doctor.comfyui.tree import MAX_YAML_PROBLEMS, MAX_YAML_SECTIONS, parse_extra_model_paths

    y = tmp_path / "extra_model_paths.yaml"
    y.write_text("".join(f"s{i}: {i}\n" for i in range(30_000)))
    got = parse_extra_model_paths(y)
    problems = [p for s in got["sections"].values() for p in s["problems"]]
    assert len(problems) <= MAX_YAML_PROBLEMS + 1 and len(got["sections"]) <= MAX_YAML_SECTIONS + 1
    assert "more sections were not read" in problems[-1]


def test_probe_child_that_prints_forever_is_stopped(tmp_path):
    """--python /usr/bin/yes: the child's output is read up to the bound, then the child is killed."""
    import shutil
    import time

    yes = shutil.which("yes")
    if not yes:
        pytest.skip("no yes(1)")
    t0 = time.monotonic()
    out = run_limited("check", "--json", "--python", yes, "--check", "system.python", "--no-server", timeout=60)
    assert time.monotonic() - t0 < 30
    doc = json.loads(out.stdout)
    assert "printed more than" in (doc["facts"]["python"].get("error") or "")


def test_a_program_that_is_not_python_is_said_so(tmp_path):
    """--python /bin/ls (or a shim that ends well without running anything): it exits 0 and never runs the probe
    script; the finding says the path does not look like a Python interpreter, not a bare 'exited with code 0'."""
    import shutil

    ls = shutil.which("ls")
    if not ls:
        pytest.skip("no ls(1)")
    out = run_limited("check", "--json", "--no-redact", "--python", ls, "--check", "system.python", "--no-server",
                      timeout=60)
    doc = json.loads(out.stdout)
    assert doc["facts"]["python"]["error"] == (f"exited with code 0 without running the probe script: {ls} does not "
                                               "look like a Python interpreter")


# --- wrong answers made right -------------------------------------------------------------------------------------

def test_fifo_or_folder_with_a_model_name_is_not_a_regular_file(tmp_path):
    from faults.zoo import comfy_args, tree

    root = tree(tmp_path)
    unet = root / "models" / "diffusion_models" / "flux-2-klein-4b-fp8.safetensors"
    unet.unlink()
    os.mkfifo(unet)
    vae = root / "models" / "vae" / "flux2-vae.safetensors"
    vae.unlink()
    vae.mkdir()
    out = run_limited("check", "--json", *comfy_args(root, checks=("models",)), timeout=60,
                      env={"KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "c")})
    doc = json.loads(out.stdout)
    got = {f["code"]: f for f in doc["findings"]}
    bad = [f for f in doc["findings"] if f["code"] == "models.integrity.unreadable"]
    assert len(bad) == 2 and all("not a regular file" in f["title"] for f in bad), list(got)
    assert not any("damaged" in f["title"] or "missing" in f["code"] for f in doc["findings"])


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_model_file_is_not_called_damaged(tmp_path):
    from faults.zoo import comfy_args, tree

    root = tree(tmp_path)
    unet = root / "models" / "diffusion_models" / "flux-2-klein-4b-fp8.safetensors"
    unet.chmod(0)
    out = run_limited("check", "--json", *comfy_args(root, checks=("models",)), timeout=60,
                      env={"KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "c")})
    doc = json.loads(out.stdout)
    f = next(f for f in doc["findings"] if f["code"] == "models.integrity.unreadable")
    assert "permission" in f["title"] and "Delete" not in (f["fix"] or "")


@pytest.mark.parametrize("version", ["0.33.0" + OSC52, "latest", "9" * 5000, None])
def test_unparseable_server_version_is_unknown_not_supported(version):
    from doctor.pipeline import run_one, select_checks

    (c,) = [c for c in select_checks(["comfyui.server-version"]) if c.id == "comfyui.server-version"]
    s = {"contacted": True, "reachable": True, "is_comfyui": True, "url": "http://127.0.0.1:8188", "version": version,
         "remote": False, "error": None}
    (f,) = run_one(c, {"options": {}, "probe_errors": {}, "comfyui_server": s})
    assert f.code == "comfyui.server-version.unknown" and f.status.value == "warn", f.title


@pytest.mark.parametrize("argv", [["check", "--torch-timeout", "inf"], ["check", "--torch-timeout", "nan"],
                                  ["explain", "--vram", "inf", "x"], ["explain", "--vram", "1e309", "x"],
                                  ["check", "--smoke-timeout", "-1"]])
def test_non_finite_numbers_are_usage_errors(argv):
    out = run_cli(*argv)
    assert out.returncode == 2 and "Traceback" not in out.stderr and "error: argument" in out.stderr


def test_overflowing_numbers_in_pasted_text_and_workflows(tmp_path):
    from faults.zoo import api_prompt

    oom = ("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate " + "9" * 400 + ".00 GiB. GPU 0 has a total "
           "capacity of " + "9" * 400 + ".00 GiB of which 1.00 GiB is free.")
    out = run_cli("explain", input=oom)
    assert out.returncode == 0 and "internal error" not in out.stderr, out.stderr
    wf = tmp_path / "wf.json"
    wf.write_text(json.dumps(api_prompt()).replace('"width": 1024', '"width": 1e309'))
    doc = json.loads(run_cli("check", "--json", "--workflow", str(wf), "--check", "workflows", "--no-server").stdout)
    assert not [f for f in doc["findings"] if f["status"] == "error"]
    assert any(f["code"] == "workflows.latent-size" and "inf" in f["title"] for f in doc["findings"])


def _shell(cmd: str, cwd: Path | None = None) -> tuple[int, str]:
    import subprocess
    import sys

    from conftest import REPO

    env = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1")
    p = subprocess.run(["bash", "-c", cmd.replace("KD", f"{sys.executable} -m doctor")], capture_output=True,
                       text=True, env=env, cwd=str(cwd or REPO), timeout=120)
    return p.returncode, p.stdout + p.stderr


def test_output_failures_keep_the_verdict_exit_code(tmp_path):
    """A failing machine exits 1 whatever happens to stdout: a reader that goes away (`| head -1`), a closed
    stdout, a full disk; a deleted working directory and a non-UTF-8 output path are said, not a traceback."""
    facts = FACTS / "rtx5090-torch271-cu126.json"
    for tail, label in [("| head -1 >/dev/null; exit ${PIPESTATUS[0]}", "head"),
                        ("--json | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}", "head json"),
                        ("-v | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}", "head -v"),
                        (">&-", "closed stdout"), ("> /dev/full", "/dev/full"), ("--json > /dev/full", "json /dev/full")]:
        rc, text = _shell(f"KD check --facts {facts} {tail}")
        assert rc == 1 and "Traceback" not in text and "internal error" not in text, (label, rc, text[-1000:])
    rc, text = _shell(f"KD report --facts {facts} > /dev/full")
    assert rc == 1 and "cannot write" in text
    rc, text = _shell(f"KD report --facts {facts} -o /dev/full")
    assert rc == 2 and "cannot write --output" in text and "Traceback" not in text
    rc, text = _shell(f"KD report --facts {facts} -o \"$(printf '{tmp_path}/r\\xff.md')\"")
    assert rc == 1 and "Traceback" not in text
    gone = tmp_path / "gone"
    gone.mkdir()
    rc, text = _shell(f"cd {gone} && rmdir {gone} && KD check --check system.ram --no-server")
    assert rc in (0, 1) and "no longer exists" in text and "Traceback" not in text


def test_one_malformed_file_is_one_finding_and_the_probe_stands(tmp_path):
    """A 5000-digit integer in one safetensors header, a workflow nested 20,000 levels deep saved beside a good
    one, and an extra_model_paths.yaml holding a 5000-digit number: one finding about each file, and the other
    files of the same probes are still judged."""
    import stfiles as st
    from faults.zoo import api_prompt, comfy_args, tree

    root = tree(tmp_path)
    vae = root / "models" / "vae" / "flux2-vae.safetensors"
    vae.unlink()
    st.write_raw_header(vae, b'{"decoder.w": {"dtype": "F32", "shape": [' + b"9" * 5000 + b'], "data_offsets": [0, 4]}}')
    wfdir = root / "user" / "default" / "workflows"
    wfdir.mkdir(parents=True, exist_ok=True)
    (wfdir / "deep.json").write_text('{"nodes": ' + "[" * 20_000 + "]" * 20_000 + "}")
    (wfdir / "good.json").write_text(json.dumps(api_prompt()))
    (root / "extra_model_paths.yaml").write_text("mine:\n  base_path: " + "9" * 5000 + "\n")
    out = run_limited("check", "--json", *comfy_args(root), timeout=90, env={"KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "c")})
    assert out.returncode in (0, 1), out.stderr[-2000:]
    doc = json.loads(out.stdout)
    errors = [f["title"] for f in doc["findings"] if f["status"] == "error"]
    assert not errors, errors
    titles = {f["code"]: [] for f in doc["findings"]}
    for f in doc["findings"]:
        titles[f["code"]].append(f["title"])
    blob = json.dumps(doc["findings"])
    assert "flux2-vae.safetensors" in blob and "5000-digit" in blob          # the bad header, said
    assert any("qwen_3_4b.safetensors" in t for ts in titles.values() for t in ts)  # its neighbours still judged
    assert "deep.json" in blob and "nested" in blob                          # the deep workflow, said
    assert any("good.json" in t for ts in titles.values() for t in ts)       # the good one still linted
    assert "comfyui.model-paths.bad-yaml" in titles                          # the YAML, one finding


def test_fifo_blob_in_the_hf_cache_does_not_block_the_hash(tmp_path):
    import threading

    from doctor import hfcache

    repo = tmp_path / "models--x--y"
    snap = repo / "snapshots" / ("a" * 40)
    snap.mkdir(parents=True)
    (repo / "blobs").mkdir()
    blob = repo / "blobs" / ("c" * 64)
    os.mkfifo(blob)
    (snap / "model.safetensors").symlink_to(blob)
    files = hfcache.snapshot_files(snap)
    done = threading.Event()
    t = threading.Thread(target=lambda: (hfcache.verify_blobs(files, None, True), done.set()), daemon=True)
    t.start()
    assert done.wait(10), "hashing a FIFO blob blocked"
    (f,) = files
    assert f["hash_state"] == "unreadable" and "FIFO" in f["error"]
