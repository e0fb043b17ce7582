"""What a .safetensors file is, from its header alone.

A wrong VAE and a right one differ by under 1 MB and often share a name, so only the header tells
them apart; and a truncated download shows up in the header's offsets without reading 8 GB. We parse
the header ourselves instead of through ``safetensors.safe_open``: that maps the whole file and stops
at the first defect with a terse message, where a diagnosis wants every defect named in user words,
and must not touch tensor data (target: a few milliseconds whatever the file size).
"""

from __future__ import annotations

import json
import math
import os
import stat
import struct
from dataclasses import dataclass, field
from typing import Any

from . import manifests

# The safetensors library refuses headers above 100 MB; real ones are tens of KB.
MAX_HEADER_BYTES = 100_000_000
DTYPE_BYTES = {"BOOL": 1, "U8": 1, "I8": 1, "F8_E4M3": 1, "F8_E5M2": 1, "F8_E8M0": 1, "I16": 2, "U16": 2,
               "F16": 2, "BF16": 2, "I32": 4, "U32": 4, "F32": 4, "I64": 8, "U64": 8, "F64": 8, "C64": 8}
_DTYPE_WORD = {"BF16": "bf16", "F16": "fp16", "F32": "fp32", "F64": "fp64", "F8_E4M3": "fp8-e4m3", "F8_E5M2": "fp8-e5m2"}


class HeaderError(Exception):
    """The header cannot be read at all; the message says why in user words."""


@dataclass
class Header:
    """The parsed header: tensors by name (dtype, shape, offsets), metadata, and the numbers integrity needs."""

    header_len: int
    file_size: int
    tensors: dict[str, dict[str, Any]]
    metadata: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # per-entry defects found while parsing


def read_header(path: str | os.PathLike[str]) -> Header:
    """Read and validate the header. Raises HeaderError when there is no usable header; entry-level
    defects (a bad dtype, overlapping offsets) are collected in ``Header.problems`` instead."""
    from . import safeio

    try:
        safeio.regular_file(path)  # a FIFO would block, a device would never end: refused by type first
    except safeio.Unreadable as exc:
        err = HeaderError("cannot be read (permission denied)" if exc.kind == "permission" else
                          f"cannot be read: {exc}")
        err.unreadable = exc.kind  # type: ignore[attr-defined] - not damage: the file could not be looked at
        raise err from exc
    try:
        with open(path, "rb", opener=lambda p, f: os.open(p, f | getattr(os, "O_NONBLOCK", 0))) as fh:
            fst = os.fstat(fh.fileno())
            if not stat.S_ISREG(fst.st_mode):  # swapped for a FIFO/device after the check above
                err = HeaderError(f"cannot be read: {path} is {safeio.file_kind(fst.st_mode)}, not a regular file")
                err.unreadable = "special"  # type: ignore[attr-defined]
                raise err
            size = fst.st_size
            head = fh.read(8)
            if len(head) < 8:
                raise HeaderError(f"file is {size} bytes: too short to hold a safetensors header (8-byte length)")
            (n,) = struct.unpack("<Q", head)
            if n == 0:
                raise HeaderError("header length is 0: not a safetensors file")
            if n > MAX_HEADER_BYTES:
                raise HeaderError(f"header length field says {n} bytes (over {MAX_HEADER_BYTES}): "
                                  "not a safetensors file, or its first bytes are damaged")
            if 8 + n > size:
                raise HeaderError(f"header length field says {n} bytes but the file has only {size - 8} after it: "
                                  "truncated download, or not a safetensors file")
            raw = fh.read(n)
    except OSError as exc:
        err = HeaderError("cannot be read (permission denied)" if isinstance(exc, PermissionError) else
                          f"cannot read the file: {exc.strerror or exc}")
        err.unreadable = "permission" if isinstance(exc, PermissionError) else "error"  # type: ignore[attr-defined]
        raise err from exc
    try:
        doc = safeio.loads_json(raw.decode("utf-8"), max_depth=None, what="the header")  # flat schema, validated below
    except safeio.BadData as exc:
        raise HeaderError(f"header cannot be read: {exc}: damaged or not a safetensors file") from exc
    except UnicodeDecodeError as exc:
        raise HeaderError("header is not UTF-8 text: not a safetensors file (perhaps an HTML error page, "
                          "a Git LFS pointer or a .ckpt renamed)") from exc
    except (json.JSONDecodeError, RecursionError) as exc:
        raise HeaderError(f"header is not valid JSON ({exc.__class__.__name__}): damaged or not a safetensors file") from exc
    if not isinstance(doc, dict):
        raise HeaderError(f"header is JSON {type(doc).__name__}, not an object: not a safetensors file")
    meta = doc.pop("__metadata__", None)
    problems: list[str] = []
    if meta is not None and not isinstance(meta, dict):
        problems.append("__metadata__ is not an object")
        meta = None
    tensors: dict[str, dict[str, Any]] = {}
    for name, ent in doc.items():
        bad = _entry_problem(name, ent)
        if bad:
            problems.append(bad)
            continue
        tensors[name] = {"dtype": ent["dtype"], "shape": list(ent["shape"]), "data_offsets": list(ent["data_offsets"])}
    return Header(header_len=n, file_size=size, tensors=tensors, metadata=meta or {}, problems=problems)


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _entry_problem(name: str, ent: Any) -> str | None:
    if not isinstance(ent, dict):
        return f"tensor {name!r}: entry is not an object"
    dt = ent.get("dtype")
    if not isinstance(dt, str) or dt not in DTYPE_BYTES:  # a list or object here is unhashable
        return f"tensor {name!r}: unknown dtype {str(dt)[:60]!r}"
    shape = ent.get("shape")
    if not isinstance(shape, list) or not all(_is_int(d) and d >= 0 for d in shape):
        return f"tensor {name!r}: shape {shape!r} is not a list of non-negative integers"
    offs = ent.get("data_offsets")
    if not (isinstance(offs, list) and len(offs) == 2 and all(_is_int(o) and o >= 0 for o in offs)):
        return f"tensor {name!r}: data_offsets {offs!r} is not a pair of non-negative integers"
    if offs[1] < offs[0]:
        return f"tensor {name!r}: data_offsets end {offs[1]} is before its start {offs[0]}"
    want = math.prod(shape) * DTYPE_BYTES[dt]
    if offs[1] - offs[0] != want:
        return f"tensor {name!r}: {offs[1] - offs[0]} bytes stored but {dt} {shape} needs {want}"
    return None


def integrity(h: Header) -> dict[str, Any]:
    """Does the file hold exactly the bytes its header describes? ``expected_size`` is what the header
    implies (8 + header + largest offset end); a smaller file is truncated, a larger one padded."""
    problems = list(h.problems)
    spans = sorted((t["data_offsets"][0], t["data_offsets"][1], k) for k, t in h.tensors.items())
    end = max((s[1] for s in spans), default=0)
    expected = 8 + h.header_len + end
    prev_end, prev_name = 0, None
    for start, stop, name in spans:
        if start < prev_end and stop > start:
            problems.append(f"tensor {name!r} overlaps {prev_name!r} (bytes {start}..{stop} vs ..{prev_end})")
        if stop > prev_end:
            prev_end, prev_name = stop, name
    if h.file_size < expected:
        missing = expected - h.file_size
        problems.insert(0, f"truncated: the header describes {expected} bytes but the file has {h.file_size} "
                           f"({missing} bytes, {100 * missing / expected:.1f}% missing): an interrupted download")
    elif h.file_size > expected:
        problems.insert(0, f"padded: the file has {h.file_size - expected} bytes after the last tensor "
                           f"({h.file_size} on disk, header describes {expected})")
    if not h.tensors and not problems:
        problems.append("the header lists no tensors")
    return {"ok": not problems, "problem": "; ".join(problems[:3]) + (f" (+{len(problems) - 3} more)" if len(problems) > 3 else "")
            if problems else None, "expected_size": expected}


def _signatures() -> list[dict[str, Any]]:
    return list(manifests.load("signatures").get("signature", []))


def _shape_of(tensors: dict[str, dict[str, Any]], key: str) -> list[int] | None:
    t = tensors.get(key)
    return t["shape"] if t else None


def match_signature(tensors: dict[str, dict[str, Any]]) -> tuple[dict[str, Any] | None, str]:
    """The first signature whose keys and shapes the header has, with the key prefix it used."""
    for sig in _signatures():
        for pre in sig.get("prefixes", [""]):
            if all(_shape_of(tensors, pre + k) == list(v) for k, v in (sig.get("shapes") or {}).items()) \
                    and all(pre + k in tensors for k in sig.get("present") or []) \
                    and not any(pre + k in tensors for k in sig.get("absent") or []):
                return sig, pre
    return None, ""


def dtype_of(h: Header) -> str | None:
    """The storage dtype in words: fp8 kinds first (a quantised file keeps norms in bf16), then the
    dtype holding the most bytes."""
    tensors = h.tensors
    if not tensors:
        return None
    if "_quantization_metadata" in h.metadata or any(k.endswith(".comfy_quant") for k in tensors):
        return "comfy-mixed"
    if "scaled_fp8" in tensors or any(k.endswith("scaled_fp8") for k in tensors):
        return "scaled-fp8"
    kinds = {t["dtype"] for t in tensors.values()}
    if "F8_E4M3" in kinds:
        return "fp8-e4m3"
    if "F8_E5M2" in kinds:
        return "fp8-e5m2"
    weight: dict[str, int] = {}
    for t in tensors.values():
        weight[t["dtype"]] = weight.get(t["dtype"], 0) + t["data_offsets"][1] - t["data_offsets"][0]
    top = max(weight, key=lambda d: weight[d])
    return _DTYPE_WORD.get(top, top.lower())


def top_prefixes(tensors: dict[str, Any], n: int = 8) -> list[str]:
    """The most common leading key parts, so an unknown file can still be recognised by a human."""
    counts: dict[str, int] = {}
    for k in tensors:
        parts = k.split(".")
        p = ".".join(parts[:2]) if len(parts) > 2 and not parts[1].isdigit() else parts[0]
        counts[p] = counts.get(p, 0) + 1
    return [f"{p} ({c})" for p, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def identify(h: Header) -> dict[str, Any]:
    sig, pre = match_signature(h.tensors)
    ident: dict[str, Any] = {"id": None, "role": None, "family": None, "size_class": None, "dtype": dtype_of(h),
                             "label": "unknown safetensors file", "top_prefixes": [], "key_prefix": pre or None,
                             "tensors": len(h.tensors)}
    if sig:
        ident.update(id=sig["id"], role=sig["role"], family=sig["family"], size_class=sig["size_class"],
                     label=sig["label"])
    else:
        ident["top_prefixes"] = top_prefixes(h.tensors)
    return ident


def fingerprint(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Identity and integrity of one file, never raising: an unreadable header becomes an integrity
    problem and an unknown identity."""
    try:
        h = read_header(path)
    except HeaderError as exc:
        try:
            size: int | None = os.path.getsize(path)
        except OSError:
            size = None
        return {"identity": {"id": None, "role": None, "family": None, "size_class": None, "dtype": None,
                             "label": "not a readable safetensors file", "top_prefixes": [], "key_prefix": None,
                             "tensors": 0},
                "integrity": {"ok": False, "problem": str(exc), "expected_size": None,
                              "unreadable": getattr(exc, "unreadable", None)}, "size": size}
    return {"identity": identify(h), "integrity": integrity(h), "size": h.file_size}


def signature_label(sig_id: str | None) -> str:
    for sig in _signatures():
        if sig["id"] == sig_id:
            return sig["label"]
    return sig_id or "unknown"


def signature(sig_id: str | None) -> dict[str, Any] | None:
    return next((s for s in _signatures() if s["id"] == sig_id), None)


def dtype_is_fp8(dtype: str | None) -> bool:
    rows = manifests.load("signatures").get("dtype", [])
    return any(r["id"] == dtype and r.get("fp8") for r in rows)
