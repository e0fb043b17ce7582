"""What the doctor is doing while it gathers facts, and what happens on Ctrl-C.

On a terminal (stderr is a TTY) a live block shows one line per area while the probes run: what is being
looked at and for how long ("hashing qwen_3_4b.safetensors 3.1/8.0 GB"). It is drawn on stderr and
erased when the result is printed; a pipe or a file gets nothing but the result.

Long loops report through ``note`` (any text, attributed to the probe whose thread calls it) or
``bytes_done`` (a byte count of a named file); the hasher calls ``hashing``. Nothing here decides
anything: without a live block every call is a cheap no-op.

Ctrl-C: ``interrupted`` sets the shared cancellation flag (doctor.cancel.CANCEL, polled per chunk by the
hasher and the downloader), kills the probe children (the PyTorch import runs in its own process group),
makes a second Ctrl-C end the process at once and quietly, and says what was done.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, TextIO

from . import cancel

# What each probe looks at, in the user's words (the probe's own notes replace it while it runs).
LABELS = {"system": ("System", "OS, RAM and free disk"), "gpu": ("GPU", "asking the driver (NVML, nvidia-smi)"),
          "python": ("Python", "the target Python's packages"),
          "torch": ("PyTorch", "importing torch in the target Python"),
          "scan": ("Attention", "scripts and configs for attention overrides"),
          "comfyui_tree": ("ComfyUI", "looking for a ComfyUI install"),
          "comfyui_server": ("ComfyUI server", "asking the ComfyUI server"),
          "models": ("Model files", "reading model file headers"), "workflows": ("Workflows", "reading workflows"),
          "comfyui_log": ("Logs", "reading ComfyUI logs"), "smoke": ("Smoke", "smoke generation")}
SPIN = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


@dataclass
class _Entry:
    name: str
    state: str = "waiting"  # waiting | running | done | failed | stopped
    detail: str = ""
    started: float | None = None
    ended: float | None = None


@dataclass
class Board:
    """The state of one run's probes; safe to update from any thread."""

    entries: dict[str, _Entry] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, names: list[str]) -> None:
        with self.lock:
            for n in names:
                self.entries.setdefault(n, _Entry(n))

    def start(self, name: str) -> None:
        with self.lock:
            e = self.entries.setdefault(name, _Entry(name))
            e.state, e.started = "running", time.monotonic()

    def note(self, name: str, text: str) -> None:
        with self.lock:
            e = self.entries.setdefault(name, _Entry(name))
            e.detail = text

    def finish(self, name: str, ok: bool) -> None:
        with self.lock:
            e = self.entries.setdefault(name, _Entry(name))
            e.state, e.ended = ("done" if ok else "failed"), time.monotonic()

    def lines(self, now: float | None = None, frame: int = 0) -> list[str]:
        now = now or time.monotonic()
        out = []
        with self.lock:
            entries = list(self.entries.values())
        width = max((len(LABELS.get(e.name, (e.name, ""))[0]) for e in entries), default=8)
        for e in entries:
            label, default = LABELS.get(e.name, (e.name, e.name))
            if e.state == "running":
                secs = now - (e.started or now)
                out.append(f" {SPIN[frame % len(SPIN)]} {label:<{width}}  {e.detail or default}  {secs:.1f} s")
            elif e.state in ("done", "failed"):
                secs = (e.ended or now) - (e.started or now)
                out.append(f" {'✓' if e.state == 'done' else '!'} {label:<{width}}  "
                           f"{'done' if e.state == 'done' else 'failed'} in {secs:.1f} s")
            else:
                out.append(f" · {label:<{width}}  waiting")
        return out

    def summary(self) -> str:
        """What was done when the run stopped, in one sentence."""
        with self.lock:
            entries = list(self.entries.values())
        done = [LABELS.get(e.name, (e.name, ""))[0] for e in entries if e.state in ("done", "failed")]
        running = [e for e in entries if e.state == "running"]
        parts = [f"gathered {', '.join(done)}" if done else "nothing gathered yet"]
        if running:
            parts.append("stopped " + "; ".join(
                LABELS.get(e.name, (e.name, ""))[0] + (f" ({e.detail})" if e.detail else "") for e in running))
        return "; ".join(parts)


_BOARD: Board | None = None
_LIVE: Any = None
_LOCAL = threading.local()


def _tty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty()) and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError, OSError):
        return False


def begin(names: list[str], stream: TextIO | None = None) -> Board:
    """A new board for these probes; the live block only when ``stream`` (stderr) is a terminal."""
    global _BOARD, _LIVE
    end()
    board = Board()
    board.add(names)
    _BOARD = board
    stream = stream or sys.stderr
    if _tty(stream):
        try:
            _LIVE = _Live(board, stream)
            _LIVE.start()
        except Exception:  # noqa: BLE001 - progress is a courtesy; never let it break a diagnosis
            _LIVE = None
    return board


def end() -> None:
    """Erase the live block (the result comes next). The board is kept for ``interrupted``."""
    global _LIVE
    live, _LIVE = _LIVE, None
    if live is not None:
        try:
            live.stop()
        except Exception:  # noqa: BLE001
            pass


def active() -> bool:
    """True while a live block is drawn (a second progress bar would garble it)."""
    return _LIVE is not None


def set_probe(name: str | None) -> None:
    """The probe the current thread works for (threads the probe starts may set it too)."""
    _LOCAL.probe = name


def current_probe() -> str | None:
    name = getattr(_LOCAL, "probe", None)
    if name:
        return name
    t = threading.current_thread().name
    return t[len("probe-"):] if t.startswith("probe-") else None


def start(probe: str) -> None:
    board = _BOARD
    if board is not None:
        board.start(probe)


def finish(probe: str, ok: bool) -> None:
    board = _BOARD
    if board is not None:
        board.finish(probe, ok)


def note(text: str, probe: str | None = None) -> None:
    """Say what is being looked at now (shown beside the probe's area while it runs)."""
    board = _BOARD
    name = probe or current_probe()
    if board is not None and name:
        board.note(name, text)


def _gb(n: float) -> str:
    return f"{n / 1e9:.1f}"


def bytes_done(verb: str, path: str, done: int, total: int | None, probe: str | None = None) -> None:
    """``verb`` a file, ``done`` of ``total`` bytes: "hashing qwen_3_4b.safetensors 3.1/8.0 GB"."""
    if _BOARD is None:
        return
    name = os.path.basename(str(path)) or str(path)
    amount = f"{_gb(done)}/{_gb(total)} GB" if total else f"{_gb(done)} GB"
    note(f"{verb} {name} {amount}", probe or current_probe() or "models")


def hashing(path: str, done: int, total: int | None) -> None:
    """The hasher's hook: call it as bytes of ``path`` are read (any thread; cheap without a live block)."""
    bytes_done("hashing", path, done, total)


def hasher_callback(path: str, total: int | None) -> Callable[[int], None] | None:
    """A per-chunk callback (bytes read in this chunk) for one file, or None when nothing is shown."""
    if _BOARD is None:
        return None
    probe = current_probe() or "models"
    seen = [0]

    def advance(n: int) -> None:
        seen[0] += n
        bytes_done("hashing", path, seen[0], total, probe)

    return advance


class _Live:
    """The live block: rich's Live display on stderr, redrawn a few times a second, erased at the end."""

    def __init__(self, board: Board, stream: TextIO):
        from rich.console import Console
        from rich.live import Live
        from rich.text import Text

        self._frame = 0
        self._text = Text
        self._board = board
        self._live = Live(console=Console(file=stream, highlight=False), transient=True, refresh_per_second=8,
                          redirect_stdout=False, redirect_stderr=False, get_renderable=self._render)

    def _render(self) -> Any:
        self._frame += 1
        return self._text("\n".join(self._board.lines(frame=self._frame)), style="dim")

    def start(self) -> None:
        self._live.start()

    def stop(self) -> None:
        self._live.stop()


# ------------------------------------------------------------------------------------------- Ctrl-C
def _second_interrupt(signum: int, frame: Any) -> None:  # noqa: ARG001
    """A second Ctrl-C while the first one is being handled: leave now, quietly (no shutdown traceback)."""
    try:
        sys.stderr.write("\ninterrupted again: stopping now\n")
        sys.stderr.flush()
    except Exception:  # noqa: BLE001
        pass
    os._exit(130)


def interrupted() -> str:
    """The first Ctrl-C: stop everything that runs on, and return what to tell the user."""
    cancel.CANCEL.set()
    if threading.current_thread() is threading.main_thread():
        try:
            signal.signal(signal.SIGINT, _second_interrupt)
        except (ValueError, OSError):
            pass
    end()
    board = _BOARD
    what = board.summary() if board is not None else ""  # before the kills end the probes that wait on them
    from . import subproc

    killed = subproc.kill_all()
    msg = "interrupted" + (f": {what}" if what else "")
    if killed:
        msg += f"; stopped {killed} child process{'es' if killed != 1 else ''}"
    return msg
