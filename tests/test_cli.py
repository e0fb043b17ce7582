"""The command line as a user meets it: exit codes, --json purity, --list-checks, --check, replay,
and the Flutter rule — a crashing check or probe becomes an `error` finding, the run goes on."""

from __future__ import annotations

import json
import re
import time

import pytest

from conftest import FACTS, run_cli, run_json
from shellcheck_win import fix_str
from doctor import pipeline, probes, registry
from doctor.findings import Status, ok


def test_json_is_the_only_thing_on_stdout():
    proc = run_cli("check", "--json")
    doc = json.loads(proc.stdout)  # the whole stdout parses
    assert proc.returncode == doc["exit_code"]
    assert set(doc) == {"schema", "tool", "exit_code", "verdict", "summary", "findings", "facts"}
    assert doc["verdict"]["exit_code"] == doc["exit_code"] == proc.returncode
    for f in doc["findings"]:
        assert set(f) >= {"code", "check", "area", "status", "title", "evidence", "fix"}
        assert f["status"] in {"ok", "info", "warn", "fail", "skip", "error"}


def test_this_machine_tells_the_truth():
    """No GPU here: the run says so in plain words, with a fix, and exits 1 as documented."""
    proc = run_cli("check")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "No NVIDIA GPU found" in proc.stdout and "fix:" in proc.stdout and "Not ready" in proc.stdout
    assert "\x1b[" not in proc.stdout  # NO_COLOR / not a TTY: plain text


def test_color_when_forced():
    proc = run_cli("check", "--facts", str(FACTS / "h100-cu130.json"), env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert "\x1b[" in proc.stdout and "✓" in proc.stdout


def test_list_checks_and_selection():
    proc = run_cli("check", "--list-checks")
    assert proc.returncode == 0
    ids = [line.split()[0] for line in proc.stdout.splitlines()]
    assert {"gpu.present", "gpu.driver", "torch.arch", "torch.kernel", "attention.scan", "system.ram"} <= set(ids)
    rc, doc = run_json("--facts", str(FACTS / "h100-cu130.json"), "--check", "torch.arch", "--check", "gpu.present")
    assert {f["check"] for f in doc["findings"]} == {"torch.arch", "gpu.present"}


def test_unknown_check_is_a_usage_error():
    proc = run_cli("check", "--check", "no.such.check")
    assert proc.returncode == 2 and "unknown check id" in proc.stderr and "Traceback" not in proc.stderr


def test_bad_usage_exits_2():
    assert run_cli("check", "--gpu", "zero").returncode == 2
    assert run_cli().returncode == 2


@pytest.mark.parametrize("content,why", [
    ("not json at all", "not JSON"),
    ('{"schema": "something-else"}', "schema"),
    ("[1, 2, 3]", "schema"),
])
def test_bad_facts_file(tmp_path, content, why):
    p = tmp_path / "facts.json"
    p.write_text(content)
    proc = run_cli("check", "--facts", str(p))
    assert proc.returncode == 2 and why in proc.stderr and "Traceback" not in proc.stderr


def test_missing_facts_file():
    proc = run_cli("check", "--facts", "/nonexistent/facts.json")
    assert proc.returncode == 2 and "cannot read facts file" in proc.stderr


def test_save_then_replay_gives_the_same_findings(tmp_path):
    saved = tmp_path / "facts.json"
    rc1, live = run_json("--save-facts", str(saved))
    rc2, replay = run_json("--facts", str(saved))
    strip = lambda d: [(f["code"], f["status"], f["title"]) for f in d["findings"]]  # noqa: E731
    assert rc1 == rc2 and strip(live) == strip(replay)
    # a whole --json document is accepted as a facts file too
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(live))
    rc3, again = run_json("--facts", str(doc))
    assert strip(again) == strip(live)


def test_strict_turns_warnings_into_exit_1():
    assert run_cli("check", "--facts", str(FACTS / "two-gpus-cvd1.json")).returncode == 0
    assert run_cli("check", "--facts", str(FACTS / "two-gpus-cvd1.json"), "--strict").returncode == 1


def test_replay_header_is_two_lines_in_plain_and_colour(tmp_path):
    """A replay's header says where the facts come from and which Python is judged, on two lines of their own (plain
    text and rich colour alike); a line break inside a value, such as a facts file's name, stays escaped."""
    for env in ({}, {"NO_COLOR": "", "FORCE_COLOR": "1"}):
        out = run_cli("check", "--facts", str(FACTS / "rtx5090-torch271-cu126.json"), "--check", "gpu", env=env).stdout
        lines = re.sub(r"\x1b\[[0-9;]*m", "", out).splitlines()
        assert lines[0].startswith("Replaying facts from ") and "\\n" not in lines[0], lines[:2]
        assert lines[1].startswith("Diagnosing Python C:\\ComfyUI_windows_portable\\python_embeded\\python.exe"), lines[:2]
    odd = tmp_path / "a\nb.json"
    odd.write_bytes((FACTS / "h100-cu130.json").read_bytes())
    lines = run_cli("check", "--facts", str(odd), "--check", "gpu").stdout.splitlines()
    assert lines[0].startswith("Replaying facts from ") and "a\\nb.json" in lines[0], lines[:2]


def test_verbose_shows_evidence():
    quiet = run_cli("check", "--facts", str(FACTS / "h100-cu130.json")).stdout
    loud = run_cli("check", "--facts", str(FACTS / "h100-cu130.json"), "-v").stdout
    assert "GPU 0: NVIDIA H100" not in quiet and "GPU 0: NVIDIA H100" in loud


# --- the pipeline's failure containment, in process ---------------------------------------------

@pytest.fixture
def temp_check():
    added = []

    def add(id, fn, needs=()):
        registry.all_checks()  # load the real modules first
        registry.check(id, area="System", title=f"test {id}", needs=needs)(fn)
        added.append(id)
        return registry._CHECKS[id]

    yield add
    for i in added:
        registry._CHECKS.pop(i, None)


def test_crashing_check_becomes_error_and_run_goes_on(temp_check):
    def boom(facts):
        raise ZeroDivisionError("division by zero in a check")

    c = temp_check("test.boom", boom)
    good = temp_check("test.good", lambda facts: ok("test.good.ok", "fine"))
    out = pipeline.run_checks({"probe_errors": {}}, [c, good])
    assert [f.status for f in out] == [Status.ERROR, Status.OK]
    assert "ZeroDivisionError" in out[0].title and "Traceback" in out[0].detail


def test_check_skipped_when_its_probe_failed(temp_check):
    c = temp_check("test.needs", lambda facts: ok("x", "x"), needs=["gpu"])
    out = pipeline.run_checks({"probe_errors": {"gpu": {"type": "RuntimeError", "message": "nvml exploded"}}}, [c])
    assert [(f.code, f.status) for f in out] == [("probe.gpu.error", Status.ERROR), ("test.needs.no-facts", Status.SKIP)]


@pytest.fixture
def temp_probe():
    added = []

    def add(name, fn, timeout):
        probes.registered()
        probes.probe(name, timeout=timeout)(fn)
        added.append(name)

    yield add
    for n in added:
        probes._PROBES.pop(n, None)


def test_raising_and_hanging_probes_are_contained(temp_probe):
    def raises(ctx):
        raise RuntimeError("NVML: driver/library version mismatch")

    def hangs(ctx):
        time.sleep(30)

    temp_probe("t_raise", raises, 5)
    temp_probe("t_hang", hangs, 0.5)
    start = time.monotonic()
    results, errors = probes.run_probes({}, only={"t_raise", "t_hang"})
    assert time.monotonic() - start < 5
    assert errors["t_raise"]["message"] == "NVML: driver/library version mismatch"
    assert "within 0.5 s" in errors["t_hang"]["message"]
    findings = pipeline.run_checks({"probe_errors": errors}, [])
    assert {f.code for f in findings} == {"probe.t_raise.error", "probe.t_hang.error"}


def test_error_finding_alone_exits_2():
    from doctor.findings import error, exit_code, fail, warn

    assert exit_code([error("x", "x")]) == 2
    assert exit_code([error("x", "x"), fail("y", "y")]) == 1
    assert exit_code([warn("w", "w")]) == 0 and exit_code([warn("w", "w")], strict=True) == 1


@pytest.mark.parametrize("args,says", [
    (["--manifest", "/nonexistent/models.toml"], "--manifest /nonexistent/models.toml: no such file"),
    (["--server", "notaurl:::99"], "not a URL"),
    (["--server", "ftp://example"], "not an http(s) URL"),
    (["--gpu", "-1"], "GPU indices start at 0"),
])
def test_usage_errors_are_said_once_and_exit_2(args, says):
    proc = run_cli("check", *args)
    assert proc.returncode == 2 and says in proc.stderr and proc.stdout == "" and "Traceback" not in proc.stderr


def test_replay_honours_the_judging_choices_made_now():
    """A maintainer replaying a user's facts may judge another GPU or path; the rest is the recording's."""
    rc, doc = run_json("--facts", str(FACTS / "two-gpus-cvd1.json"), "--gpu", "0", "--check", "gpu.present")
    assert "H100" in doc["findings"][0]["title"] and "--gpu 0" in doc["findings"][0]["title"]
    rc, doc = run_json("--facts", str(FACTS / "h100-cu130.json"), "--gpu", "7", "--check", "gpu.present")
    (f,) = doc["findings"]
    assert f["code"] == "gpu.hidden" and "--gpu 0" in fix_str(f["fix"]) and rc == 1


def test_unwritable_outputs_are_usage_errors(tmp_path):
    for args in (["report", "--output", str(tmp_path / "no" / "such" / "r.md")],
                 ["check", "--save-facts", str(tmp_path / "no" / "such" / "f.json")]):
        proc = run_cli(*args, "--check", "system.ram")
        assert proc.returncode == 2 and "cannot write" in proc.stderr and "Traceback" not in proc.stderr


def test_explain_reads_a_log_named_where_the_text_goes_and_dash_as_stdin(tmp_path):
    """`klein-doctor explain comfyui.log` and `... | klein-doctor explain -` are what users type; both once judged
    the 11 or 1 characters of the argument itself ("No known error signature matched the text given (1 bytes)").
    A path of one existing file is read as --log; `-` reads stdin; a folder is a clear input error (exit 2);
    two words or a name that is not on disk stay the error text."""
    log = tmp_path / "my logs" / "comfyui.log"
    log.parent.mkdir()
    text = ("Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n"
            "RuntimeError: CUDA error: no kernel image is available for execution on the device\n")
    log.write_text(text)
    r = run_cli("explain", str(log), cwd=tmp_path)
    assert r.returncode == 0 and "[cuda.no-kernel-image]" in r.stdout and "comfyui.log:" in r.stdout, r.stdout + r.stderr
    r = run_cli("explain", "my logs/comfyui.log", "--json", cwd=tmp_path)
    assert [m["id"] for m in json.loads(r.stdout)["matches"]][:1] == ["cuda.no-kernel-image"]
    r = run_cli("explain", "-", cwd=tmp_path, input=text)
    assert r.returncode == 0 and "in stdin:" in r.stdout and "[cuda.no-kernel-image]" in r.stdout
    r = run_cli("explain", str(tmp_path), cwd=tmp_path)
    assert r.returncode == 2 and "is a folder, not a log file" in r.stderr and not r.stdout
    r = run_cli("explain", "comfyui.log", cwd=tmp_path)  # not in this folder: the words themselves are judged
    assert r.returncode == 1 and "matched the text given (11 bytes)" in r.stdout
    r = run_cli("explain", "x", cwd=tmp_path)
    assert "(1 byte)." in r.stdout
    (tmp_path / "Killed").write_text("nothing here\n")  # a file that shares a word's name is read, and says so
    r = run_cli("explain", "Killed", cwd=tmp_path)
    assert r.returncode == 1 and "matched Killed (13 bytes)" in r.stdout


def test_an_unknown_check_id_gets_the_nearest_known_ones_in_check_fix_and_report():
    """`--check model` or `--check tourch`: exit 2 with the nearest ids (areas included); fix once crashed on it
    (UnboundLocalError in its handler) instead of saying so."""
    for cmd in ("check", "fix", "report"):
        r = run_cli(cmd, "--check", "modles", "--check", "gpu.presnt")
        assert r.returncode == 2, (cmd, r.stdout, r.stderr)
        assert r.stderr.strip().splitlines()[-1].startswith(
            "klein-doctor: unknown check id: modles (did you mean models"), (cmd, r.stderr)
        assert "gpu.presnt (did you mean gpu.present" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("check", "--check", "zzz")
    assert r.returncode == 2 and r.stderr.strip() == "klein-doctor: unknown check id: zzz (see --list-checks)"


def test_explain_reads_several_logs_each_under_its_name(tmp_path):
    """`klein-doctor explain user/*.log`: the shell gives several file names; each is answered under its own name
    (they were joined and judged as a text of file names); --json tags each match with its log; an unreadable one
    is said on stderr and the others still answered; exit 1 when none holds a known error."""
    err = ("Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n"
           "RuntimeError: CUDA error: no kernel image is available for execution on the device\n")
    (tmp_path / "comfyui.log").write_text(err)
    (tmp_path / "comfyui.prev.log").write_text("Starting server\nTo see the GUI go to: http://127.0.0.1:8188\n")
    (tmp_path / "logs").mkdir()
    r = run_cli("explain", "comfyui.prev.log", "comfyui.log", "logs", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.index("No known error signature matched comfyui.prev.log") < r.stdout.index("1 known error in comfyui.log:")
    assert "logs is a folder, not a log file" in r.stderr
    r = run_cli("explain", "--json", "comfyui.log", "comfyui.prev.log", cwd=tmp_path)
    assert [(m["id"], m["log"]) for m in json.loads(r.stdout)["matches"]] == [("cuda.no-kernel-image", "comfyui.log")]
    r = run_cli("explain", "comfyui.prev.log", "comfyui.prev.log", cwd=tmp_path)
    assert r.returncode == 1 and r.stdout.count("No known error signature matched comfyui.prev.log") == 2


def test_explain_of_several_logs_says_an_unusable_errors_manifest_like_one(tmp_path, capsys):
    """An errors manifest that cannot be read is exit 2 with its message for several logs as for one (both now go
    through the one file path of cmd_explain)."""
    import argparse

    from doctor import explain, manifests

    for name in ("a.log", "b.log"):
        (tmp_path / name).write_text("RuntimeError: CUDA error: no kernel image is available for execution on the device\n")
    bad = tmp_path / "errors.toml"
    bad.write_text("[[signature]\n")
    manifests.set_override("errors", bad)
    try:
        for logs in ([str(tmp_path / "a.log")], [str(tmp_path / "a.log"), str(tmp_path / "b.log")]):
            args = argparse.Namespace(text=logs, log=None, json=False, vram=None, verbose=False, no_redact=True)
            assert explain.cmd_explain(args) == 2, logs
            err = capsys.readouterr().err
            assert err.startswith("klein-doctor explain: manifest ") and "not valid TOML" in err, err
    finally:
        manifests.clear_overrides()
