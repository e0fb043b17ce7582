"""Bounded readers for everything the doctor reads that someone else made.

Each format has a size bound (and, for nested formats, a depth bound) that fits it; special files (FIFOs,
devices, sockets) are refused by type before they are opened (a FIFO would block forever, ``/dev/zero``
would fill memory), and the open itself is non-blocking so a file swapped for a FIFO between the check and
the open cannot hang the run. Errors come back as exceptions a read site turns into one finding about that
file; the rest of its probe's work stands:

- ``Unreadable`` (an ``OSError``): missing, permission, not a regular file, larger than the bound;
  ``kind`` says which in one word.
- ``BadData`` (a ``json.JSONDecodeError``, so a ``ValueError``): nested deeper than the bound, a number over
  Python's 4,300-digit integer limit, more entries than the bound.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
import threading
import time
from itertools import accumulate
from pathlib import Path
from typing import Any

KiB, MiB = 1024, 1024 * 1024

# Size bounds per format (bytes). Each is far above any real file of that kind.
SAFETENSORS_HEADER = 100 * MiB      # the safetensors format's own limit on the JSON header
WORKFLOW = 64 * MiB                 # a UI workflow with embedded subgraphs and notes
YAML = 1 * MiB                      # extra_model_paths.yaml
SETTINGS = 4 * MiB                  # Desktop config.json / comfy.settings.json
FACTS = 64 * MiB                    # a saved --facts file
MODEL_INDEX = 1 * MiB               # diffusers model_index.json / *.safetensors.index.json
REF = 4 * KiB                       # an HF cache refs/<branch> file (one commit hash)
SCANNED = 2 * MiB                   # one scanned .py/.bat/.sh/.json file
LAUNCH_SCRIPT = 1 * MiB             # a ComfyUI launch script
CHILD_OUTPUT = 4 * MiB              # a probe child's stdout
CHILD_STDERR = 1 * MiB              # a probe child's stderr (only its tail is kept)
SERVER_BODY_SMALL = 4 * MiB         # /system_stats, /object_info/<node>
SERVER_BODY = 64 * MiB              # the full /object_info of a ComfyUI with many custom nodes

# Depth bounds: real files nest a few levels (a workflow ~10, a safetensors header 3, facts ~8).
JSON_DEPTH = 64
YAML_DEPTH = 32
YAML_NODES = 200_000
INT_DIGITS = 4300                   # Python's default int-from-string limit (sys.get_int_max_str_digits)


class Unreadable(OSError):
    """A file that cannot be read within the rules; ``kind``: missing, permission, special, too-large, error."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message

    def __str__(self) -> str:
        return self.message


class BadData(json.JSONDecodeError):
    """Content that parses only by breaking a bound: too deep, an over-long integer, too many entries."""

    def __init__(self, kind: str, message: str, doc: str = "", pos: int = 0):
        super().__init__(message, doc if isinstance(doc, str) else "", pos)
        self.kind = kind
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # pragma: no cover - pickling (multiprocessing) keeps the message
        return (BadData, (self.kind, self.message))


_KINDS = [(stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory")]


def file_kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


def path_state(path: str | os.PathLike[str]) -> str:
    """What a path the user named is: "missing", "file" or "folder" (a finding says a typo as a typo)."""
    try:
        return "folder" if os.path.isdir(path) else "file" if os.path.lexists(path) else "missing"
    except (OSError, ValueError):
        return "missing"


def regular_file(path: str | os.PathLike[str]) -> os.stat_result:
    """stat ``path`` (following links) and refuse anything but a regular file, by type, before any open."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise Unreadable("missing", f"{path}: no such file") from None
    except PermissionError:
        raise Unreadable("permission", f"{path}: cannot be read (permission denied)") from None
    except (OSError, ValueError) as exc:
        raise Unreadable("error", f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise Unreadable("special", f"{path} is {file_kind(st.st_mode)}, not a regular file")
    return st


def read_bytes(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """At most ``limit`` bytes of a regular file, or Unreadable. A file larger than ``limit`` is refused."""
    st = regular_file(path)
    if st.st_size > limit:
        raise Unreadable("too-large", f"{path}: {st.st_size} bytes, more than any {what} ({limit} bytes at most)")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise Unreadable("permission", f"{path}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise Unreadable("error", f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        st2 = os.fstat(fd)
        if not stat.S_ISREG(st2.st_mode):  # swapped between the stat and the open
            raise Unreadable("special", f"{path} is {file_kind(st2.st_mode)}, not a regular file")
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            try:
                b = os.read(fd, min(1 * MiB, limit + 1 - got))
            except BlockingIOError:
                raise Unreadable("special", f"{path}: would block (not a regular file)") from None
            if not b:
                break
            chunks.append(b)
            got += len(b)
        if got > limit:
            raise Unreadable("too-large", f"{path}: more than {limit} bytes, more than any {what}")
        return b"".join(chunks)
    except PermissionError:
        raise Unreadable("permission", f"{path}: cannot be read (permission denied)") from None
    except OSError as exc:
        if isinstance(exc, Unreadable):
            raise
        if exc.errno == errno.EISDIR:
            raise Unreadable("special", f"{path} is a directory, not a regular file") from None
        raise Unreadable("error", f"{path}: cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def read_text(path: str | os.PathLike[str], limit: int, what: str = "file", errors: str = "replace") -> str:
    return read_bytes(path, limit, what).decode("utf-8", errors)


# ------------------------------------------------------------------------------------------ JSON

_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)  # unrolled: one step per run, not per character
_STEP = {91: 1, 123: 1, 93: -1, 125: -1}  # [ { ] }
_NOT_BRACKETS = bytes(c for c in range(256) if c not in _STEP)
_LONG_INT = re.compile(r"(?<![\w.])-?\d{%d,}" % (INT_DIGITS + 1))


def json_depth(text: str) -> int:
    """The deepest nesting of ``text`` (brackets inside strings ignored), in linear time, without recursion,
    with C-speed bytes operations only: escaped characters dropped, every second quote-separated part is
    outside a string, everything but brackets deleted, then a running sum."""
    if "[" not in text and "{" not in text:
        return 0
    b = text.encode("utf-8", "surrogatepass").replace(b"\\\\", b"").replace(b'\\"', b"")
    outside = b"".join(b.split(b'"')[::2]).translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_STEP.__getitem__, outside)), default=0)


def loads_json(data: str | bytes, max_depth: int | None = JSON_DEPTH, what: str = "JSON") -> Any:
    """json.loads with the depth bound checked first and over-long integers said plainly (BadData).

    ``max_depth=None`` skips the pre-scan for a format whose reader validates a flat schema right after parsing
    (a safetensors header: every entry is checked to be {dtype, shape: [int], data_offsets: [int, int]} and
    nothing walks the raw document): the C parser's own recursion guard then bounds it (BadData too-deep)."""
    text = data.decode("utf-8") if isinstance(data, (bytes, bytearray)) else data
    depth = json_depth(text) if max_depth is not None else 0
    if max_depth is not None and depth > max_depth:
        raise BadData("too-deep", f"{what} is nested {depth} levels deep (at most {max_depth} are read)", text, 0)
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise BadData("too-deep", f"{what} is nested too deeply to read", text, 0) from None
    except ValueError as exc:
        if "digits" in str(exc):
            m = _LONG_INT.search(_STRINGS.sub('""', text))
            n = len(m.group(0).lstrip("-")) if m else INT_DIGITS + 1
            raise BadData("big-int", f"{what} holds a {n}-digit number, longer than Python reads "
                                     f"({INT_DIGITS} digits at most)", text, m.start() if m else 0) from None
        raise


def read_json(path: str | os.PathLike[str], limit: int, what: str = "JSON file", max_depth: int = JSON_DEPTH) -> Any:
    """A bounded JSON file: Unreadable (file), UnicodeDecodeError, json.JSONDecodeError or BadData (content)."""
    return loads_json(read_bytes(path, limit, what).decode("utf-8"), max_depth, what)


# ------------------------------------------------------------------------------------------ YAML

def load_yaml(text: str, max_depth: int = YAML_DEPTH, max_nodes: int = YAML_NODES, what: str = "YAML") -> Any:
    """yaml.safe_load within bounds: BadData when nested too deep, too many nodes (alias bombs included),
    or an integer over the digit limit; yaml.YAMLError for a syntax error."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader  # libyaml: ~20x faster on a 1 MiB file
    try:
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except RecursionError:
        raise BadData("too-deep", f"{what} is nested too deeply to read") from None
    except ValueError as exc:
        if "digits" in str(exc):
            raise BadData("big-int", f"{what} holds a number longer than Python reads ({INT_DIGITS} digits at most)") from None
        raise BadData("bad-value", f"{what} holds a value that cannot be read: {exc}") from None
    except OverflowError as exc:
        raise BadData("bad-value", f"{what} holds a value out of range: {exc}") from None
    # walk iteratively: aliases may share one node many times (a "billion laughs" document), so count visits
    stack: list[tuple[Any, int]] = [(data, 1)]
    seen = 0
    while stack:
        o, d = stack.pop()
        seen += 1
        if seen > max_nodes:
            raise BadData("too-many", f"{what} expands to more than {max_nodes} values (aliases included)")
        if d > max_depth:
            raise BadData("too-deep", f"{what} is nested more than {max_depth} levels deep")
        if isinstance(o, dict):
            stack.extend((v, d + 1) for v in o.values())
            stack.extend((k, d + 1) for k in o if isinstance(k, (tuple, list, dict)))
        elif isinstance(o, (list, tuple)):
            stack.extend((v, d + 1) for v in o)
    return data


# ------------------------------------------------------------------------------------------ child processes

def read_child(proc: Any, timeout: float, max_out: int = CHILD_OUTPUT, max_err: int = CHILD_STDERR,
               started: float | None = None, kill: Any = None) -> tuple[bytes, bytes, str | None]:
    """Collect a child's stdout/stderr within ``timeout`` seconds (from ``started``) and the byte bounds.

    Returns (stdout, stderr tail, problem): problem is None, "timeout" or "too-much-output"; on a problem the
    child is killed with ``kill(proc)`` (its whole process group, by the caller's rule) or proc.kill()."""
    out = bytearray()
    err = bytearray()
    over = threading.Event()

    def pump(stream: Any, buf: bytearray, cap: int, keep_tail: bool) -> None:
        try:
            while True:
                b = stream.read1(64 * KiB) if hasattr(stream, "read1") else stream.read(64 * KiB)
                if not b:
                    return
                buf.extend(b)
                if len(buf) > cap:
                    if keep_tail:
                        del buf[: len(buf) - cap]
                    else:
                        del buf[cap:]
                        over.set()
                        return
        except (OSError, ValueError):
            return

    threads = [threading.Thread(target=pump, args=(proc.stdout, out, max_out, False), daemon=True),
               threading.Thread(target=pump, args=(proc.stderr, err, max_err, True), daemon=True)]
    for t in threads:
        t.start()
    start = time.monotonic() if started is None else started
    problem = None
    while True:
        left = timeout - (time.monotonic() - start)
        if over.is_set():
            problem = "too-much-output"
            break
        if proc.poll() is not None and not any(t.is_alive() for t in threads):
            break
        if left <= 0:
            problem = "timeout"
            break
        over.wait(min(0.05, max(left, 0.001)))
    if problem:
        (kill or (lambda p: p.kill()))(proc)
    for t in threads:
        t.join(timeout=2.0)
    try:
        proc.wait(timeout=5.0)
    except Exception:  # noqa: BLE001 - a child that will not die is the caller's to report
        pass
    for s in (proc.stdout, proc.stderr):
        try:
            s.close()
        except (OSError, AttributeError):
            pass
    return bytes(out), bytes(err), problem


def is_inside(child: Path, parent: Path) -> bool:
    """Whether ``child`` (resolved) lies inside ``parent`` (resolved): a ``../`` in a ref cannot leave the cache."""
    try:
        child.resolve().relative_to(parent.resolve())
        return True
    except (ValueError, OSError, RuntimeError):
        return False


# ------------------------------------------------------------------------------------------ output and arguments

class SafeStdout:
    """Writes to stdout that never turn into a traceback or a wrong exit code: a closed stdout, a full disk
    (/dev/full) or a reader that went away (`check | head -1`) are said once on stderr, and the verdict's exit
    code is still returned. Text the console cannot encode (a file name with a non-UTF-8 byte) is escaped."""

    def __init__(self) -> None:
        self.failed = False

    def write(self, text: str) -> None:
        if self.failed:
            return
        out = sys.stdout
        try:
            if out is None:
                raise OSError("stdout is closed")
            try:
                out.write(text)
            except UnicodeEncodeError:
                out.write(text.encode(out.encoding or "utf-8", "backslashreplace").decode(out.encoding or "utf-8", "replace"))
            out.flush()
        except BrokenPipeError:
            self.failed = True
            silence_stdout()
        except (OSError, ValueError) as exc:
            self.failed = True
            print(f"klein-doctor: cannot write the output: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            silence_stdout()

    def flush(self) -> None:
        pass

    @property
    def encoding(self) -> str:
        return getattr(sys.stdout, "encoding", None) or "utf-8"

    def isatty(self) -> bool:
        try:
            return bool(sys.stdout is not None and sys.stdout.isatty())
        except (ValueError, OSError):
            return False


def silence_stdout() -> None:
    """After a write failed, point fd 1 at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass
    try:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives until exit
    except OSError:
        pass


def finite(lo: float, hi: float):
    """An argparse type: a finite number in [lo, hi] (``inf``, ``nan`` and ``1e309`` are usage errors)."""
    import argparse
    import math

    def conv(text: str) -> float:
        try:
            v = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not math.isfinite(v) or not lo <= v <= hi:
            raise argparse.ArgumentTypeError(f"{text} is not a number from {lo:g} to {hi:g}")
        return v

    conv.__name__ = "number"
    return conv
