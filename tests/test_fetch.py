"""installer/fetch.py on both of its body paths, against the loopback hub (tests/hub_server.py FakeHub):
splice (Linux, plain HTTP: socket -> pipe -> file, hashed from the page cache) and the buffer ring (TLS,
Windows, macOS, or KLEIN_DOCTOR_NO_SPLICE=1). Each case checks the sha256 and size against the source
file and the hub's own byte count, so a path that skipped, repeated or reordered a byte would fail."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest
from hub_server import FakeHub, Repo, sha256_file

from doctor.installer import fetch

REPO_ID = "black-forest-labs/FLUX.2-klein-4b-fp8"
SIZE = 37 * (1 << 20) + 12345   # several splice chunks and hasher steps, and an odd tail


@pytest.fixture(scope="module")
def src(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("src") / "model.safetensors"
    p.write_bytes(os.urandom(SIZE))
    return p


@pytest.fixture(params=["splice", "ring"])
def path_kind(request, monkeypatch):
    if request.param == "splice" and not hasattr(os, "splice"):
        pytest.skip("no splice(2) on this platform")
    monkeypatch.setenv("KLEIN_DOCTOR_NO_SPLICE", "" if request.param == "splice" else "1")
    used = {"splice": 0}
    real = fetch._spliced_body

    def counting(*a, **k):
        used["splice"] += 1
        return real(*a, **k)

    monkeypatch.setattr(fetch, "_spliced_body", counting)
    return request.param, used


def _url(hub: FakeHub) -> str:
    return f"{hub.url}/{REPO_ID}/resolve/main/model.safetensors"


def test_whole_file(src, tmp_path, path_kind):
    kind, used = path_kind
    with FakeHub([Repo.from_files(REPO_ID, {"model.safetensors": src})]) as hub:
        seen = []
        r = fetch.fetch(_url(hub), {}, tmp_path / "x.incomplete", SIZE, seen.append)
        assert hub.sent == SIZE
    assert r.sha256 == sha256_file(src) and r.size == SIZE and r.fetched == SIZE and r.kept == 0
    assert sum(seen) == SIZE                      # progress reaches exactly 100 %
    assert (tmp_path / "x.incomplete").read_bytes() == src.read_bytes()
    assert used["splice"] == (1 if kind == "splice" else 0)


def test_resume_from_a_kept_part_fetches_only_the_rest(src, tmp_path, path_kind):
    kind, used = path_kind
    part = tmp_path / "x.incomplete"
    keep = 13 * (1 << 20) + 7
    part.write_bytes(src.read_bytes()[:keep])
    with FakeHub([Repo.from_files(REPO_ID, {"model.safetensors": src})]) as hub:
        r = fetch.fetch(_url(hub), {}, part, SIZE, lambda n: None)
        assert hub.sent == SIZE - keep
        assert hub.gets("model.safetensors")[-1][2] == f"bytes={keep}-"
    assert r.sha256 == sha256_file(src) and r.kept == keep and r.fetched == SIZE - keep


def test_a_dropped_connection_is_resumed_with_range(src, tmp_path, path_kind):
    kind, used = path_kind
    with FakeHub([Repo.from_files(REPO_ID, {"model.safetensors": src})]) as hub:
        hub.faults.die_after["*"] = 20 * (1 << 20) + 3
        r = fetch.fetch(_url(hub), {}, tmp_path / "x.incomplete", SIZE, lambda n: None)
        ranges = [g[2] for g in hub.gets("model.safetensors")]
    assert r.sha256 == sha256_file(src) and r.size == SIZE
    assert len(ranges) == 2 and ranges[1].startswith("bytes=") and ranges[1] != "bytes=0-"


def test_more_bytes_than_expected_are_refused_before_they_reach_the_file(src, tmp_path, path_kind):
    with FakeHub([Repo.from_files(REPO_ID, {"model.safetensors": src})]) as hub:
        with pytest.raises(fetch.FetchError) as exc:
            fetch.fetch(_url(hub), {}, tmp_path / "x.incomplete", SIZE - 100, lambda n: None)
    assert exc.value.kind == "oversize"


def test_wrong_bytes_give_a_different_hash(src, tmp_path, path_kind):
    repo = Repo.from_files(REPO_ID, {"model.safetensors": src})
    with FakeHub([repo]) as hub:
        hub.faults.wrong_bytes.add("*")
        r = fetch.fetch(_url(hub), {}, tmp_path / "x.incomplete", SIZE, lambda n: None)
    data = (tmp_path / "x.incomplete").read_bytes()
    assert r.sha256 == hashlib.sha256(data).hexdigest() != sha256_file(src)


def test_one_stream_hands_the_link_on_while_the_hash_catches_up(src, tmp_path, path_kind, monkeypatch):
    """set_streams(1) (install --jobs 1): the second file's request reaches the hub while the first file's sha256
    is still finishing, and the hub never sends two bodies at once. The first file's hash is held back until the
    second request has arrived: had the first transfer kept the link until its hash was done, that request
    could not come and the hold would time out."""
    import threading

    kind, _used = path_kind
    other = tmp_path / "other.safetensors"
    other.write_bytes(os.urandom(3 << 20))
    waited: list[bool] = []
    repo = Repo.from_files(REPO_ID, {"model.safetensors": src, "other.safetensors": other})
    with FakeHub([repo]) as hub:
        def hold(real):
            def wrapper(self, *a):
                if threading.current_thread() is first:   # the first file's hash waits for the second request
                    deadline = time.monotonic() + 10
                    while not hub.gets("other.safetensors") and time.monotonic() < deadline:
                        time.sleep(0.01)
                    waited.append(bool(hub.gets("other.safetensors")))
                return real(self, *a)
            return wrapper

        monkeypatch.setattr(fetch._PageHasher, "finish", hold(fetch._PageHasher.finish))
        monkeypatch.setattr(fetch._Pipe, "close", hold(fetch._Pipe.close))
        fetch.set_streams(1)
        results: dict[str, fetch.Result] = {}
        first = threading.Thread(target=lambda: results.setdefault(
            "a", fetch.fetch(_url(hub), {}, tmp_path / "a.part", SIZE, lambda n: None)))
        try:
            first.start()
            while not hub.gets("model.safetensors"):
                time.sleep(0.005)
            results["b"] = fetch.fetch(f"{hub.url}/{REPO_ID}/resolve/main/other.safetensors", {},
                                       tmp_path / "b.part", 3 << 20, lambda n: None)
            first.join(20)
        finally:
            fetch.set_streams(None)
        assert waited == [True]                 # the second request came while the first hash was held
        assert hub.max_bodies == 1              # one stream: never two bodies on the wire
        assert hub.sent == SIZE + (3 << 20)
    assert results["a"].sha256 == sha256_file(src) and results["b"].sha256 == sha256_file(other)


def test_a_closed_link_stops_transfers_that_wait_for_it(src, tmp_path):
    """close_link() (install: the hub is unreachable) makes a transfer that is still waiting for its place give
    up with LinkClosed, before it opens its part file."""
    fetch.set_streams(1)
    try:
        holder = fetch._Stream()               # the link's one place is taken
        fetch.close_link()
        t = time.monotonic()
        with pytest.raises(fetch.LinkClosed):
            fetch.fetch("http://127.0.0.1:9/never", {}, tmp_path / "c.part", 10, lambda n: None)
        assert time.monotonic() - t < 2
        assert not (tmp_path / "c.part").exists()
        holder.release()
    finally:
        fetch.set_streams(None)


def test_the_link_serves_files_in_the_plans_order():
    """More threads than places (install --jobs 1 runs three): whichever thread asks first, the place goes to
    the earliest ticket still waiting, and a ticket given up without a transfer (done) does not block the rest."""
    import threading

    link = fetch.Link(1)
    tickets = [link.ticket() for _ in range(4)]
    link.done(tickets[1])                                  # this file never needed the link (already verified)
    granted: list[int] = []

    def go(t: int) -> None:
        link.acquire(t, first=True)
        granted.append(t)
        time.sleep(0.02)
        link.release()

    threads = [threading.Thread(target=go, args=(t,)) for t in (tickets[3], tickets[2], tickets[0])]
    for th in threads:                                     # the latest ticket asks first
        th.start()
        time.sleep(0.05)
    for th in threads:
        th.join(5)
    assert granted == [tickets[0], tickets[2], tickets[3]]
