"""Malformed headers: each gives a clear integrity problem, none raises."""

from __future__ import annotations

import json
import struct
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doctor import safetensors_id as sid

_json = st.recursive(st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False) | st.text(max_size=8),
                     lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=6), c, max_size=4), max_leaves=12)
_entry = st.fixed_dictionaries({"dtype": st.sampled_from(["F32", "BF16", "F8_E4M3", "Q4", "", 7]),
                                "shape": st.lists(st.integers(-3, 64), max_size=3) | _json,
                                "data_offsets": st.lists(st.integers(-5, 5000), min_size=0, max_size=3) | _json})
_header = st.dictionaries(st.text(max_size=12), _entry | _json, max_size=6)


def _check(path: Path) -> None:
    fp = sid.fingerprint(path)
    assert isinstance(fp["integrity"]["ok"], bool)
    if not fp["integrity"]["ok"]:
        assert isinstance(fp["integrity"]["problem"], str) and fp["integrity"]["problem"]
    json.dumps(fp)  # facts must serialise


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=_header, tail=st.integers(0, 6000))
def test_structured_garbage(header, tail):
    with tempfile.TemporaryDirectory() as d:
        raw = json.dumps(header).encode()
        p = Path(d) / "f.safetensors"
        p.write_bytes(struct.pack("<Q", len(raw)) + raw + b"\0" * tail)
        _check(p)


@settings(max_examples=150, deadline=None)
@given(blob=st.binary(max_size=300), length=st.none() | st.integers(0, 2**64 - 1))
def test_raw_bytes(blob, length):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "f.safetensors"
        p.write_bytes((struct.pack("<Q", length) if length is not None else b"") + blob)
        _check(p)


@settings(max_examples=60, deadline=None)
@given(depth=st.integers(1, 100_000))
def test_deeply_nested_json(depth):
    with tempfile.TemporaryDirectory() as d:
        raw = b"[" * depth + b"]" * depth
        p = Path(d) / "f.safetensors"
        p.write_bytes(struct.pack("<Q", len(raw)) + raw)
        _check(p)
