"""Ctrl-C, as a user presses it: a real `klein-doctor check` process gets SIGINT while it hashes a 4 GB
model file (sparse, with the real Klein header) or while the PyTorch probe's child is busy. It must stop
within a second, exit 130, print what was done and no traceback, and leave no child behind; a second
Ctrl-C must not dump a traceback either. Plus the live progress lines, on a real pseudo-terminal."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import stfiles as st
from conftest import REPO, sigint_default

pytestmark = pytest.mark.skipif(os.name != "posix" or not Path("/proc/self/io").exists(),
                                reason="needs POSIX signals and /proc")


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1", KLEIN_DOCTOR_CACHE_DIR=str(tmp_path / "cache"),
               HOME=str(tmp_path / "home"), COMFYUI_PATH="", **extra)
    env.pop("FORCE_COLOR", None)
    return env


def _read_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/io").read_text().splitlines():
            if line.startswith("rchar:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _models_dir(tmp_path: Path) -> Path:
    m = tmp_path / "models"
    st.write(m / "diffusion_models" / "flux-2-klein-4b-fp8.safetensors", st.klein_4b(fp8=True),
             total_size=st.SIZE_KLEIN_4B_FP8)
    return m


def _interrupt(proc: subprocess.Popen, times: int = 1) -> tuple[float, str]:
    t0 = time.monotonic()
    for i in range(times):
        if i:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"still running 10 s after Ctrl-C: {err[-2000:]}")
    return time.monotonic() - t0, err


def _start_hashing(tmp_path: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "doctor", "check", "--path", "comfyui", "--models-dir", str(_models_dir(tmp_path)),
           "--no-server", "--check", "models"]
    proc = subprocess.Popen(preexec_fn=sigint_default, args=cmd, cwd=str(tmp_path), env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.monotonic() + 30
    while _read_bytes(proc.pid) < 300_000_000:  # hashing is under way (the file is 4.07 GB)
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "hashing never started"
        time.sleep(0.02)
    return proc


@pytest.mark.parametrize("presses", [1, 2])
def test_ctrl_c_while_hashing_stops_within_a_second(tmp_path, presses):
    proc = _start_hashing(tmp_path)
    read_at_signal = _read_bytes(proc.pid)
    took, err = _interrupt(proc, presses)
    assert proc.returncode == 130, err
    assert took < 1.0, f"{took:.2f} s after Ctrl-C"
    assert "Traceback" not in err and "interrupted" in err, err
    assert read_at_signal < st.SIZE_KLEIN_4B_FP8  # it was stopped, not finished
    if presses == 1:
        assert "Model files" in err  # says what it was doing


def _slow_python(tmp_path: Path) -> tuple[Path, Path]:
    """An interpreter that never answers: it records its pid, then sleeps (a hung `import torch`)."""
    pids = tmp_path / "pids"
    exe = tmp_path / "slowpython"
    exe.write_text(f"#!/bin/sh\necho $$ >> '{pids}'\nexec sleep 60\n", encoding="utf-8")
    exe.chmod(0o755)
    return exe, pids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_ctrl_c_during_the_torch_probe_kills_its_child(tmp_path):
    exe, pids = _slow_python(tmp_path)
    cmd = [sys.executable, "-m", "doctor", "check", "--python", str(exe), "--check", "torch", "--no-server"]
    proc = subprocess.Popen(preexec_fn=sigint_default, args=cmd, cwd=str(tmp_path), env=_env(tmp_path), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not pids.exists() or len(pids.read_text().split()) < 2:  # the pyenv and the torch children
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the probe children never started"
        time.sleep(0.02)
    children = [int(p) for p in pids.read_text().split()]
    assert all(_alive(p) for p in children)
    took, err = _interrupt(proc)
    assert proc.returncode == 130 and "Traceback" not in err, err
    assert took < 1.0, f"{took:.2f} s after Ctrl-C"
    time.sleep(0.2)
    left = [p for p in children if _alive(p)]
    for p in left:
        os.kill(p, signal.SIGKILL)
    assert not left, "children left running after Ctrl-C"


def test_live_progress_on_a_terminal_and_nothing_on_a_pipe(tmp_path):
    """On a pseudo-terminal the areas show while probes run (the hashing line with its byte count);
    piped, stderr stays empty."""
    m = _models_dir(tmp_path)
    cmd = [sys.executable, "-m", "doctor", "check", "--path", "comfyui", "--models-dir", str(m), "--no-server",
           "--check", "models", "--check", "system"]
    master, slave = pty.openpty()
    proc = subprocess.Popen(preexec_fn=sigint_default, args=cmd, cwd=str(tmp_path), env=_env(tmp_path, TERM="xterm", COLUMNS="120"),
                            stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        r, _, _ = select.select([master], [], [], 0.2)
        if r:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if b"hashing flux-2-klein-4b-fp8.safetensors" in seen and b"/4.1 GB" in seen:
                break
        elif proc.poll() is not None:
            break
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=10)
    os.close(master)
    text = seen.decode("utf-8", "replace")
    assert "Model files" in text and "hashing flux-2-klein-4b-fp8.safetensors" in text and "/4.1 GB" in text, text[-2000:]
    assert "System" in text
    piped = subprocess.run([sys.executable, "-m", "doctor", "check", "--path", "comfyui", "--models-dir", str(m),
                            "--no-server", "--check", "models", "--no-hash"], cwd=str(tmp_path), env=_env(tmp_path),
                           capture_output=True, text=True, timeout=120)
    assert piped.returncode in (0, 1) and piped.stderr == "", piped.stderr
