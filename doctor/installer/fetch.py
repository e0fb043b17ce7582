"""One file over HTTP(S): resumable byte by byte, hashed in the same pass, stoppable within a second.

Why not ``hf_hub_download``: it hashes nothing (a second pass over 8 GB), restarts a file it did not
start itself, cannot be stopped from another thread and, over a fast link, its 10 MB ``iter_content``
loop was a third of curl's speed. Here huggingface_hub still decides *what* to fetch (the URL, the token
headers, the HEAD that proves access and gives the size and commit); this module only moves the bytes:

* three stages that run in parallel (each releases the GIL): the socket is read into a ring of large
  buffers, one thread feeds them to sha256 and another writes them to the ``*.incomplete`` file;
* on Linux, over plain HTTP (a loopback or LAN mirror), the body goes socket -> pipe -> file with
  ``splice`` and never through Python's memory: the hasher reads the pages just written through ``mmap``.
  That is one copy of every byte instead of curl's two, which leaves the CPU to sha256 (on a 2-core
  machine the copies, not the link, were the limit); ``KLEIN_DOCTOR_NO_SPLICE=1`` turns it off;
* a kept ``*.incomplete`` is re-hashed (the hash state cannot be saved) and the rest asked for with
  ``Range: bytes=N-``; a 200 instead of 206, or a Content-Range that starts elsewhere, restarts the file
  from zero; a hub that answers the Range with different bytes is caught by the final sha256;
* a dropped connection or a 5xx/429 is retried a few times from the bytes already received;
* ``cancel.CANCEL`` is polled per buffer, and :func:`abort_all` shuts the live sockets down so a read
  blocked on a slow link returns at once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import http.client
import mmap
import os
import queue
import select
import socket
import ssl
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Callable

from .. import cancel

BUF = 4 << 20        # one read (the socket fills it completely unless the body ends)
NBUF = 6             # buffers in flight between reader, hasher and writer
RETRIES = 4          # reconnects per file after a drop or a 5xx, each from the bytes already received
REDIRECTS = 10

_live: set[socket.socket] = set()
_live_lock = threading.Lock()
_closed = threading.Event()                        # close_link: transfers still waiting for a place give up
_mine = threading.local()                          # .ticket: this thread's place in the queue (Link.ticket)


class LinkClosed(Exception):
    """close_link() was called while this transfer waited for its place: it was not attempted."""


class Link:
    """At most ``n`` bodies on the wire at once (install --jobs N), handed out in queue order.

    A worker takes a ticket when it takes a file off the queue; a first request waits until a place is free and
    no earlier ticket still waits, so the files go out in the plan's order even though more threads than places
    run: a file holds its place from its first request until its last byte is in, and gives it up before its
    sha256 has caught up with the last pages, so the next file's transfer starts while that hash finishes (one
    stream keeps the link busy, the cores hash files side by side). ``done(ticket)`` when the worker is through
    with the file, whether or not it ever asked for a place."""

    def __init__(self, n: int):
        self.n, self.busy, self.next = n, 0, 0
        self.waiting: set[int] = set()
        self.cv = threading.Condition()

    def ticket(self) -> int:
        with self.cv:
            t, self.next = self.next, self.next + 1
            self.waiting.add(t)
            return t

    def acquire(self, ticket: int | None, first: bool) -> None:
        with self.cv:
            while not (self.busy < self.n and (ticket is None or ticket == min(self.waiting, default=ticket))):
                self.cv.wait(0.2)
                cancel.check()
                if first and _closed.is_set():
                    raise LinkClosed()
            if first and _closed.is_set():
                raise LinkClosed()
            self.busy += 1
            if ticket is not None:
                self.waiting.discard(ticket)
                self.cv.notify_all()

    def release(self) -> None:
        with self.cv:
            self.busy -= 1
            self.cv.notify_all()

    def done(self, ticket: int) -> None:
        with self.cv:
            self.waiting.discard(ticket)
            self.cv.notify_all()


_link: Link | None = None


def set_streams(n: int | None) -> Link | None:
    """Limit the bodies on the wire to ``n`` (None: no limit) and return the Link that does it."""
    global _link
    _link = Link(n) if n else None
    _closed.clear()
    return _link


def set_ticket(ticket: int | None) -> None:
    """This thread's place in the queue, for its next transfer (Link.ticket)."""
    _mine.ticket = ticket


def close_link() -> None:
    """The hub is unreachable: transfers waiting for a place raise LinkClosed instead of trying it again."""
    _closed.set()
    link = _link
    if link is not None:
        with link.cv:
            link.cv.notify_all()


class _Stream:
    """This transfer's place on the link: ``take`` before a request (again after a retry's early ``release``)."""

    def __init__(self) -> None:
        self.link = _link
        self.held = False
        self.ticket = getattr(_mine, "ticket", None)
        self.take(first=True)

    def take(self, first: bool = False) -> None:
        """Wait for a place; only a first request gives up when the link is closed (a retry goes on)."""
        if self.link is None or self.held:
            return
        ticket, self.ticket = self.ticket, None     # a retry does not queue behind later files
        self.link.acquire(ticket, first)
        self.held = True

    def release(self) -> None:
        if self.held:
            self.held = False
            self.link.release()  # type: ignore[union-attr]


class FetchError(Exception):
    """``kind``: network | http | oversize | bad-answer; ``status`` the last HTTP status, if any."""

    def __init__(self, kind: str, message: str, status: int | None = None, cause: BaseException | None = None):
        super().__init__(message)
        self.kind, self.status, self.cause = kind, status, cause


@dataclasses.dataclass
class Result:
    sha256: str
    size: int
    kept: int            # bytes taken from an earlier run's partial file
    fetched: int         # body bytes received over the network in this run
    seconds: float       # from the first request to the last byte written


def abort_all() -> None:
    """Shut down every open transfer socket (Ctrl-C): blocked reads return at once."""
    with _live_lock:
        socks = list(_live)
    for s in socks:
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _proxy_for(parts: urllib.parse.SplitResult) -> str | None:
    if urllib.request.proxy_bypass(parts.hostname or ""):
        return None
    return urllib.request.getproxies().get(parts.scheme)


def head(url: str, headers: dict[str, str], timeout: float) -> tuple[int, dict[str, str], str]:
    """HEAD ``url`` following relative redirects only (as huggingface_hub does: an absolute one points at
    a CDN whose URL is where the bytes are). Returns (status, lower-cased headers, final URL or Location)."""
    for _ in range(REDIRECTS):
        conn, resp = _open(url, headers, timeout, method="HEAD")
        try:
            hdrs = {k.lower(): v for k, v in resp.getheaders()}
            resp.read()
        finally:
            _close(conn)
        loc = hdrs.get("location")
        if 300 <= resp.status < 400 and loc:
            if urllib.parse.urlsplit(loc).netloc:
                return resp.status, hdrs, loc
            url = urllib.parse.urljoin(url, loc)
            continue
        return resp.status, hdrs, url
    raise FetchError("bad-answer", f"more than {REDIRECTS} redirects")


def _open(url: str, headers: dict[str, str], timeout: float,
          method: str = "GET") -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("bad-answer", f"unsupported URL scheme {parts.scheme!r}")
    host, port = parts.hostname or "", parts.port
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    proxy = _proxy_for(parts)
    conn: http.client.HTTPConnection
    if proxy:
        pp = urllib.parse.urlsplit(proxy if "://" in proxy else "http://" + proxy)
        if parts.scheme == "https":
            conn = http.client.HTTPSConnection(pp.hostname or "", pp.port or 8080, timeout=timeout,
                                               context=ssl.create_default_context())
            conn.set_tunnel(host, port or 443)
        else:
            conn = http.client.HTTPConnection(pp.hostname or "", pp.port or 8080, timeout=timeout)
            target = url
    elif parts.scheme == "https":
        conn = http.client.HTTPSConnection(host, port or 443, timeout=timeout, context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(host, port or 80, timeout=timeout)
    conn.connect()
    with _live_lock:
        _live.add(conn.sock)
    try:
        conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    except OSError:
        pass
    conn.putrequest(method, target, skip_accept_encoding=True)
    for k, v in headers.items():
        conn.putheader(k, v)
    conn.putheader("Accept-Encoding", "identity")
    conn.endheaders()
    return conn, conn.getresponse()


def _close(conn: http.client.HTTPConnection) -> None:
    with _live_lock:
        _live.discard(conn.sock)  # type: ignore[arg-type]
    try:
        conn.close()
    except OSError:
        pass


def _request(url: str, headers: dict[str, str], timeout: float) -> tuple[http.client.HTTPConnection,
                                                                         http.client.HTTPResponse, str]:
    """GET following redirects; the token is not sent to another host (as huggingface_hub does)."""
    origin = urllib.parse.urlsplit(url).netloc
    for _ in range(REDIRECTS):
        conn, resp = _open(url, headers, timeout)
        if resp.status in (301, 302, 303, 307, 308) and resp.getheader("Location"):
            nxt = urllib.parse.urljoin(url, resp.getheader("Location") or "")
            _close(conn)
            if urllib.parse.urlsplit(nxt).netloc != origin:
                headers = {k: v for k, v in headers.items() if k.lower() != "authorization"}
            url = nxt
            continue
        return conn, resp, url
    raise FetchError("bad-answer", f"more than {REDIRECTS} redirects")


def _rehash(part: Path, h: "hashlib._Hash", progress: Callable[[int], None]) -> int:
    buf = bytearray(BUF)
    view = memoryview(buf)
    done = 0
    with open(part, "rb", buffering=0) as fh:
        while n := fh.readinto(buf):
            h.update(view[:n])
            done += n
            progress(n)
            cancel.check()
    return done


class _Pipe:
    """Reader -> (hasher, writer) over a ring of buffers; ``push`` blocks only while every buffer is busy."""

    def __init__(self, fd: int, h: "hashlib._Hash"):
        self.fd, self.h = fd, h
        self.bufs = [bytearray(BUF) for _ in range(NBUF)]
        self.views = [memoryview(b) for b in self.bufs]
        self.free: queue.Queue[int] = queue.Queue()
        for i in range(NBUF):
            self.free.put(i)
        self.pending = [0] * NBUF
        self.lock = threading.Lock()
        self.hq: queue.Queue[tuple[int, int] | None] = queue.Queue()
        self.wq: queue.Queue[tuple[int, int] | None] = queue.Queue()
        self.error: BaseException | None = None
        self.threads = [threading.Thread(target=self._hash, daemon=True),
                        threading.Thread(target=self._write, daemon=True)]
        for t in self.threads:
            t.start()

    def _release(self, i: int) -> None:
        with self.lock:
            self.pending[i] -= 1
            if self.pending[i] == 0:
                self.free.put(i)

    def _hash(self) -> None:
        while (item := self.hq.get()) is not None:
            self.h.update(self.views[item[0]][:item[1]])
            self._release(item[0])

    def _write(self) -> None:
        while (item := self.wq.get()) is not None:
            i, n = item
            try:
                if self.error is None:
                    view = self.views[i][:n]
                    while view:
                        k = os.write(self.fd, view)
                        view = view[k:]
            except OSError as exc:  # disk full, I/O error: the reader stops at its next buffer
                self.error = exc
            self._release(i)

    def take(self) -> int:
        while True:
            try:
                return self.free.get(timeout=0.2)
            except queue.Empty:
                cancel.check()

    def push(self, i: int, n: int) -> None:
        with self.lock:
            self.pending[i] = 2
        self.hq.put((i, n))
        self.wq.put((i, n))

    def give_back(self, i: int) -> None:
        self.free.put(i)

    def close(self) -> None:
        self.hq.put(None)
        self.wq.put(None)
        for t in self.threads:
            t.join()


def fetch(url: str, headers: dict[str, str], part: Path, expected_size: int | None,
          progress: Callable[[int], None], timeout: float = 10.0, resume: bool = True,
          on_resume: Callable[[int], None] | None = None) -> Result:
    """Download ``url`` into ``part`` (appending to what is there when ``resume``); return its sha256.

    ``progress(n)`` is called for every n bytes that count towards the file (the re-hashed kept part
    included), so a bar reaches exactly 100%. A body longer than ``expected_size`` is refused before its
    first byte when Content-Length says so, else after at most one buffer.
    """
    part.parent.mkdir(parents=True, exist_ok=True)
    h = hashlib.sha256()
    have = 0
    if resume and part.is_file():
        have = part.stat().st_size
        if expected_size is not None and have > expected_size:
            have = 0
    if have:
        if on_resume:
            on_resume(have)
        _rehash(part, h, progress)
    stream = _Stream()   # before the part file is opened: a transfer that never gets the link leaves nothing
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    t0 = time.monotonic()
    kept, fetched, tries, last_status = have, 0, 0, None
    try:
        if os.fstat(fd).st_size != have:
            # Only when there is something to cut: on ext4 a truncate to size 0 (even of an empty file) marks
            # the file for a forced writeback when it is closed (auto_da_alloc), and the close then waits for
            # the disk to take the whole file; curl and huggingface_hub never truncate, so they never wait.
            os.ftruncate(fd, have)
        os.lseek(fd, have, os.SEEK_SET)
        while True:
            if expected_size is not None and have >= expected_size and (have or tries):
                break
            cancel.check()
            hdrs = dict(headers)
            if have:
                hdrs["Range"] = f"bytes={have}-"
            conn = None
            try:
                stream.take()
                conn, resp, _final = _request(url, hdrs, timeout)
                last_status = resp.status
                if resp.status == 416 and have:
                    restart = True
                elif resp.status in (429,) or resp.status >= 500:
                    raise FetchError("http", f"HTTP {resp.status}", resp.status)
                elif resp.status == 200:
                    restart = have > 0      # the hub ignored Range: take the whole body from byte 0
                elif resp.status == 206:
                    crange = resp.getheader("Content-Range") or ""
                    restart = not crange.startswith(f"bytes {have}-")
                else:
                    raise FetchError("http", f"HTTP {resp.status} {resp.reason}", resp.status)
                if restart:
                    _close(conn)
                    conn = None
                    if have == 0:
                        raise FetchError("bad-answer", f"HTTP {resp.status} with a Content-Range that does not "
                                                       "start at byte 0", resp.status)
                    h, have, kept = hashlib.sha256(), 0, 0
                    os.ftruncate(fd, 0)
                    os.lseek(fd, 0, os.SEEK_SET)
                    progress(-1)  # the bar starts again
                    tries += 1
                    continue
                length = resp.getheader("Content-Length")
                if expected_size is not None and length is not None and length.isdigit() \
                        and have + int(length) > expected_size:
                    raise FetchError("oversize", f"the hub announced {have + int(length)} bytes "
                                                 f"(expected {expected_size})")
                got = _body(resp, fd, h, have, expected_size, progress, conn.sock, part, stream.release)
                have += got
                fetched += got
                tries += 1
                if expected_size is None or have >= expected_size:
                    break
                raise FetchError("network", f"the connection ended after {have} of {expected_size} bytes")
            except (OSError, http.client.HTTPException, FetchError, _Partial) as exc:
                if isinstance(exc, FetchError) and exc.kind in ("oversize", "bad-answer"):
                    raise
                if isinstance(exc, FetchError) and exc.kind == "http" and exc.status is not None and \
                        exc.status < 500 and exc.status != 429:
                    raise
                if cancel.CANCEL.is_set():
                    raise cancel.Cancelled() from exc
                if isinstance(exc, _Partial):
                    have += exc.got
                    fetched += exc.got
                    exc = exc.cause  # type: ignore[assignment]
                tries += 1
                if tries > RETRIES:
                    if isinstance(exc, FetchError):
                        raise
                    raise FetchError("network", f"{type(exc).__name__}: {exc}", last_status, exc) from exc
                time.sleep(min(0.25 * 2 ** tries, 2.0))
            finally:
                if conn is not None:
                    _close(conn)
        # No fsync: like curl and huggingface_hub, the bytes go to the page cache; a kill -9 cannot lose
        # them, and forcing 8 GB to disk here would cost as long as the transfer on a slow drive.
    finally:
        stream.release()
        os.close(fd)
    return Result(h.hexdigest(), have, kept, fetched, time.monotonic() - t0)


class _Partial(Exception):
    """A body read that failed after ``got`` bytes were hashed and written."""

    def __init__(self, got: int, cause: BaseException):
        super().__init__(str(cause))
        self.got, self.cause = got, cause


def _body(resp: http.client.HTTPResponse, fd: int, h: "hashlib._Hash", have: int, expected: int | None,
          progress: Callable[[int], None], sock: socket.socket | None = None, part: Path | None = None,
          received: Callable[[], None] = lambda: None) -> int:
    """Write and hash the body; ``received()`` is called once its last byte is in, before the hash is done."""
    if sock is not None and part is not None and _can_splice(resp, sock):
        return _spliced_body(resp, sock, fd, part, h, have, expected, progress, received)
    pipe = _Pipe(fd, h)
    got = 0
    err: BaseException | None = None
    try:
        while True:
            i = pipe.take()
            try:
                n = resp.readinto(pipe.views[i])
            except http.client.IncompleteRead as exc:
                pipe.give_back(i)
                err = exc
                break
            except (OSError, http.client.HTTPException) as exc:
                pipe.give_back(i)
                err = exc
                break
            if not n:
                pipe.give_back(i)
                break
            if expected is not None and have + got + n > expected:
                pipe.give_back(i)
                raise FetchError("oversize", f"the hub sent more than the {expected} bytes expected "
                                             f"(stopped after {have + got + n})")
            pipe.push(i, n)
            got += n
            progress(n)
            if pipe.error is not None:
                break
            cancel.check()
    finally:
        received()
        pipe.close()  # every pushed buffer is hashed and written before this returns
    if pipe.error is not None:
        raise pipe.error
    if err is not None:
        raise _Partial(got, err)
    return got


# --- Linux, plain HTTP: socket -> pipe -> file with splice(2), hashed from the page cache -------------------

PIPE_SIZE = 1 << 20      # F_SETPIPE_SZ: one splice moves up to this much (1 MiB is the default pipe-max-size)
HASH_STEP = 8 << 20      # the hasher is woken every this many bytes and maps that much of the file
_F_SETPIPE_SZ = 1031


def _can_splice(resp: http.client.HTTPResponse, sock: socket.socket) -> bool:
    return (hasattr(os, "splice") and not isinstance(sock, ssl.SSLSocket) and not resp.chunked
            and resp.length is not None and os.environ.get("KLEIN_DOCTOR_NO_SPLICE", "") in ("", "0"))


class _PageHasher(threading.Thread):
    """Hashes ``[start, end)`` of the file as the reader moves ``end`` on, through read-only mmaps of the
    pages splice just wrote (page cache: no read from disk, no copy into Python memory)."""

    def __init__(self, path: Path, start: int, h: "hashlib._Hash"):
        super().__init__(name="klein-fetch-hash", daemon=True)
        self.rfd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        self.pos = self.end = start
        self.h = h
        self.done = False
        self.error: BaseException | None = None
        self.cv = threading.Condition()
        self.start()

    def advance(self, end: int, final: bool = False) -> None:
        with self.cv:
            self.end = end
            self.done = self.done or final
            self.cv.notify()

    def run(self) -> None:
        try:
            while True:
                with self.cv:
                    while self.end <= self.pos and not self.done:
                        self.cv.wait()
                    end = self.end
                    if end <= self.pos:
                        return
                base = self.pos - self.pos % mmap.ALLOCATIONGRANULARITY
                with mmap.mmap(self.rfd, end - base, access=mmap.ACCESS_READ, offset=base) as m:
                    with memoryview(m) as view:
                        self.h.update(view[self.pos - base:])
                self.pos = end
        except BaseException as exc:  # noqa: BLE001 - handed to the reader, which raises it
            self.error = exc
        finally:
            os.close(self.rfd)

    def finish(self, end: int) -> None:
        self.advance(end, final=True)
        self.join()
        if self.error is not None:
            raise self.error


def _spliced_body(resp: http.client.HTTPResponse, sock: socket.socket, fd: int, part: Path, h: "hashlib._Hash",
                  have: int, expected: int | None, progress: Callable[[int], None],
                  received: Callable[[], None] = lambda: None) -> int:
    left = resp.length or 0
    timeout = sock.gettimeout()
    # whatever http.client already read past the headers comes first, through its buffer
    first = resp.fp.read1(min(left, 1 << 20)) if left else b""  # type: ignore[union-attr]
    if expected is not None and have + len(first) > expected:
        raise FetchError("oversize", f"the hub sent more than the {expected} bytes expected")
    hasher = _PageHasher(part, have, h)
    got = 0
    err: BaseException | None = None
    r, w = os.pipe()
    try:
        try:
            import fcntl

            fcntl.fcntl(w, _F_SETPIPE_SZ, PIPE_SIZE)
        except (ImportError, OSError):
            pass
        view = memoryview(first)
        while view:
            view = view[os.write(fd, view):]
        got += len(first)
        left -= len(first)
        progress(len(first))
        poller = select.poll()
        poller.register(sock.fileno(), select.POLLIN)
        told = have + got
        while left > 0:
            cancel.check()
            try:
                if not poller.poll(None if timeout is None else timeout * 1000):
                    raise socket.timeout("timed out")
                n = os.splice(sock.fileno(), w, min(left, PIPE_SIZE))
            except BlockingIOError:
                continue
            except OSError as exc:
                err = exc
                break
            if n == 0:
                err = http.client.IncompleteRead(b"", left)
                break
            if expected is not None and have + got + n > expected:
                raise FetchError("oversize", f"the hub sent more than the {expected} bytes expected "
                                             f"(stopped after {have + got + n})")
            k = 0
            while k < n:       # an error here (disk full) is the file's, not the link's: raised as it is
                k += os.splice(r, fd, n - k)
            got += n
            left -= n
            progress(n)
            if have + got - told >= HASH_STEP:
                told = have + got
                hasher.advance(told)
    finally:
        os.close(r)
        os.close(w)
        received()
        hasher.finish(have + got)   # every byte written is hashed before this returns
    if err is not None:
        raise _Partial(got, err)
    return got
