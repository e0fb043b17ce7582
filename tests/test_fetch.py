"""installer/fetch.py on both of its body paths, against the loopback hub (tests/hub_server.py FakeHub):
splice (Linux, plain HTTP: socket -> pipe -> file, hashed from the page cache) and the buffer ring (TLS,
Windows, macOS, or KLEIN_DOCTOR_NO_SPLICE=1). Each case checks the sha256 and size against the source
file and the hub's own byte count, so a path that skipped, repeated or reordered a byte would fail."""

from __future__ import annotations

import hashlib
import os
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
