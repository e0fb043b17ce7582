"""Streamed sha256, parallel hashing and the verified-results cache, on real files."""

from __future__ import annotations

import hashlib
import json
import os

import pytest

from doctor import hashing


def _file(p, n, seed=1):
    data = bytes((i * seed) & 0xFF for i in range(n))
    p.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def test_sha256_streams_across_blocks(tmp_path):
    want = _file(tmp_path / "a.bin", 3 * 1024 + 17)
    assert hashing.sha256_file(tmp_path / "a.bin", block=1024) == want
    assert hashing.sha256_file(tmp_path / "a.bin") == want


def test_parallel_then_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("KLEIN_DOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    want = {str(tmp_path / f"{i}.bin"): _file(tmp_path / f"{i}.bin", 200_000 + i, seed=i + 1) for i in range(4)}
    got = hashing.hash_files(list(want), hashing.HashCache(), workers=2, show_progress=False)
    assert {p: r["sha256"] for p, r in got.items()} == want
    assert {r["state"] for r in got.values()} == {"computed"}
    doc = json.loads((tmp_path / "cache" / hashing.CACHE_FILE).read_text())
    assert len(doc["entries"]) == 4
    again = hashing.hash_files(list(want), hashing.HashCache(), show_progress=False)
    assert {r["state"] for r in again.values()} == {"cached"}
    assert {p: r["sha256"] for p, r in again.items()} == want


def test_rewrite_invalidates_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KLEIN_DOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    p = tmp_path / "f.bin"
    _file(p, 1000)
    hashing.hash_files([str(p)], hashing.HashCache(), show_progress=False)
    st = p.stat()
    new = _file(p, 1000, seed=3)  # same size, new bytes
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    r = hashing.hash_files([str(p)], hashing.HashCache(), show_progress=False)[str(p)]
    assert (r["state"], r["sha256"]) == ("computed", new)


def test_broken_cache_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("KLEIN_DOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / hashing.CACHE_FILE).write_text("{not json")
    p = tmp_path / "f.bin"
    want = _file(p, 500)
    assert hashing.hash_files([str(p)], hashing.HashCache(), show_progress=False)[str(p)]["sha256"] == want
    assert json.loads((tmp_path / "cache" / hashing.CACHE_FILE).read_text())["schema"] == 1


def test_missing_file_is_an_error_entry(tmp_path):
    r = hashing.hash_files([str(tmp_path / "nope")], None, show_progress=False)
    assert r[str(tmp_path / "nope")]["state"] == "error"


def test_cache_dir_platform_default(monkeypatch):
    monkeypatch.delenv("KLEIN_DOCTOR_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/x/cache")
    if os.name != "nt":
        assert str(hashing.cache_dir()) == "/x/cache/klein-doctor"


def test_cancel_stops_hashing_at_the_next_block(tmp_path):
    """The first Ctrl-C sets cancel.CANCEL; a hash in progress stops at its next block (issue 13)."""
    from doctor import cancel

    p = tmp_path / "big.bin"
    p.write_bytes(b"\x01" * (8 * 1024))
    seen = []

    def progress(n: int) -> None:
        seen.append(n)
        cancel.CANCEL.set()  # the user pressed Ctrl-C after the first block

    try:
        with pytest.raises(cancel.Cancelled):
            hashing.sha256_file(p, block=1024, progress=progress)
    finally:
        cancel.CANCEL.clear()
    assert seen == [1024]  # one block, not the other seven
    assert hashing.sha256_file(p, block=1024) == hashlib.sha256(p.read_bytes()).hexdigest()


def test_install_and_check_share_one_digest_cache(tmp_path, monkeypatch):
    """`remember` (install, after hashing in the download pass) is what `hash_files` (check) reads."""
    monkeypatch.setenv("KLEIN_DOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    p = tmp_path / "m.safetensors"
    p.write_bytes(b"abc")
    hashing.remember(p, "f" * 64)  # deliberately not the real digest: proves check did not re-read the file
    r = hashing.hash_files([str(p)], hashing.HashCache(), show_progress=False)[str(p)]
    assert (r["state"], r["sha256"]) == ("cached", "f" * 64)
    p.write_bytes(b"abcd")  # any rewrite voids the entry
    r = hashing.hash_files([str(p)], hashing.HashCache(), show_progress=False)[str(p)]
    assert (r["state"], r["sha256"]) == ("computed", hashlib.sha256(b"abcd").hexdigest())
