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
    st.write(root / "models" / "vae" / "flux2-vae.safetensors", {"decoder" + HOSTILE + ".weight": ("BF16", [2, 2])})
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
                  "'flux\\x1b]52"):
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
