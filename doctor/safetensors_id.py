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
# No real shape or offset has more digits than this (2**64 has 20); a longer integer is hostile or damaged, and
# parsing it would hit Python's 4,300-digit int limit (a ValueError) or cost quadratic time.
MAX_INT_DIGITS = 30
# The header summary the models probe records keeps at most this many exact keys besides the ones a signature
# names (a folder of 100 unrelated checkpoints must not make the facts, or a report, megabytes).
MAX_SUMMARY_KEYS = 64
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
                raise HeaderError(f"file is {size} byte{'' if size == 1 else 's'}: too short to hold a safetensors header (8-byte length)")
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
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HeaderError("header is not UTF-8 text: not a safetensors file (perhaps an HTML error page, "
                          "a Git LFS pointer or a .ckpt renamed)") from exc
    try:
        doc = json.loads(text, parse_int=_bounded_int)
    except _IntTooLong as exc:
        raise HeaderError(f"header holds a {exc.args[0]}-digit integer (no shape or offset has more than 20 digits): "
                          "damaged or not a safetensors file") from None
    except RecursionError:
        raise HeaderError("header nests JSON deeper than Python can read (a safetensors header is 3 levels deep): "
                          "damaged or not a safetensors file") from None
    except ValueError as exc:  # JSONDecodeError, and any other parse refusal
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


class _IntTooLong(ValueError):
    pass


def _bounded_int(s: str) -> int:
    digits = len(s.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise _IntTooLong(digits)
    return int(s)


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


def _signature_keys() -> set[str]:
    """Every exact key a signature looks at, under each of its prefixes: the summary always keeps these."""
    out: set[str] = set()
    for sig in _signatures():
        names = [*(sig.get("shapes") or {}), *(sig.get("present") or []), *(sig.get("absent") or [])]
        for pre in sig.get("prefixes", [""]):
            out.update(pre + k for k in names)
    return out


def summarize(h: Header) -> dict[str, Any]:
    """What the models probe records of a header: small and JSON-serialisable, yet enough to judge identity and
    completeness later with whatever signatures manifest is current (a replay uses the newer one).

    ``keys``: name -> [dtype, shape] for every key a signature names, every key without a layer index, and the
    keys of layer 0 of each repeated group (capped). ``blocks``: per repeated group (the key up to its first
    numeric part, e.g. ``model.layers``) how many distinct layers, the highest index, and the least and most
    ``.weight`` tensors one layer holds (a layer missing a weight shows as min < max)."""
    wanted = _signature_keys()
    first: list[str] = []
    flat: list[str] = []
    zero: list[str] = []
    groups: dict[str, dict[int, int]] = {}
    for k in h.tensors:
        parts = k.split(".")
        i = next((j for j, part in enumerate(parts) if part.isdigit()), None)
        if i is not None and len(parts[i]) <= 9:
            g = groups.setdefault(".".join(parts[:i]), {})
            idx = int(parts[i])
            g[idx] = g.get(idx, 0) + (1 if k.endswith(".weight") else 0)
        if k in wanted:
            first.append(k)
        elif i is None:
            flat.append(k)
        elif parts[i] == "0":
            zero.append(k)
    rest = sorted(flat) + sorted(zero)  # keys without a layer index say most about what a file is
    chosen = first + rest[:MAX_SUMMARY_KEYS]
    keys = {k: [h.tensors[k]["dtype"], h.tensors[k]["shape"]] for k in chosen}
    big = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:40]
    blocks = {g: {"n": len(ix), "max": max(ix), "weights": [min(ix.values()), max(ix.values())]} for g, ix in big}
    params = sum(math.prod(t["shape"]) for t in h.tensors.values())
    return {"tensors": len(h.tensors), "params": params, "dtype": dtype_of(h), "keys": keys,
            "keys_truncated": len(rest) + len(first) > len(chosen), "blocks": blocks,
            "top_prefixes": top_prefixes(h.tensors)}


def _shape_in(keys: dict[str, Any], key: str) -> list[int] | None:
    t = keys.get(key)
    return list(t[1]) if isinstance(t, (list, tuple)) and len(t) == 2 and isinstance(t[1], list) else None


def match_signature(keys: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """The first signature whose keys and shapes the header has, with the key prefix it used. ``keys`` is a
    summary's name -> [dtype, shape] map (or a Header's tensors, whose entries carry ``shape``)."""
    flat = {k: (v if isinstance(v, (list, tuple)) else [v.get("dtype"), v.get("shape")] if isinstance(v, dict) else None)
            for k, v in keys.items()}
    for sig in _signatures():
        for pre in sig.get("prefixes", [""]):
            if all(_shape_in(flat, pre + k) == list(v) for k, v in (sig.get("shapes") or {}).items()) \
                    and all(pre + k in flat for k in sig.get("present") or []) \
                    and not any(pre + k in flat for k in sig.get("absent") or []):
                return sig, pre
    return None, ""


def completeness(sig: dict[str, Any], pre: str, summary: dict[str, Any]) -> tuple[bool | None, list[str]]:
    """Does the file hold every layer the signature's model has (``blocks`` in signatures.toml), each with all
    its weights (``uniform_blocks``: every layer of a group has the same weights)? (None, []) when the signature
    states no layer counts."""
    want = sig.get("blocks") or {}
    if not want:
        return None, []
    have = summary.get("blocks") if isinstance(summary.get("blocks"), dict) else {}
    missing = []
    for group, n in want.items():
        b = have.get(pre + group)
        if not isinstance(b, dict):
            missing.append(f"{group}: 0 of {n} layers")
            continue
        if b.get("n") != n or b.get("max") != n - 1:
            missing.append(f"{group}: {b.get('n')} of {n} layers (highest index {b.get('max')})")
        w = b.get("weights")
        if sig.get("uniform_blocks") and isinstance(w, list) and len(w) == 2 and w[0] != w[1]:
            missing.append(f"{group}: some layers lack weights ({w[0]} to {w[1]} .weight tensors per layer)")
    return not missing, missing


def identify_summary(summary: dict[str, Any] | None) -> dict[str, Any]:
    """Identity (signature, dtype) and completeness of a recorded header summary, judged with the current
    signatures manifest. ``complete``: True/False when the signature states the layer counts, else None."""
    summary = summary or {}
    keys = summary.get("keys") if isinstance(summary.get("keys"), dict) else {}
    sig, pre = match_signature(keys)
    ident: dict[str, Any] = {"id": None, "role": None, "family": None, "size_class": None, "dtype": summary.get("dtype"),
                             "label": "unknown safetensors file", "top_prefixes": [], "key_prefix": pre or None,
                             "tensors": summary.get("tensors") or 0, "complete": None, "missing": []}
    if sig:
        ident.update(id=sig["id"], role=sig["role"], family=sig["family"], size_class=sig["size_class"],
                     label=sig["label"])
        ident["complete"], ident["missing"] = completeness(sig, pre, summary)
    else:
        ident["top_prefixes"] = list(summary.get("top_prefixes") or [])
    return ident


def identify(h: Header) -> dict[str, Any]:
    return identify_summary(summarize(h))


UNREADABLE_IDENTITY = {"id": None, "role": None, "family": None, "size_class": None, "dtype": None,
                       "label": "not a readable safetensors file", "top_prefixes": [], "key_prefix": None,
                       "tensors": 0, "complete": None, "missing": []}


def read_facts(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The raw facts of one file, never raising: its header summary (None when unreadable), whether its bytes
    match its header (an unreadable header is an integrity problem), and its size."""
    try:
        h = read_header(path)
    except HeaderError as exc:
        try:
            size: int | None = os.path.getsize(path)
        except OSError:
            size = None
        return {"header": None, "integrity": {"ok": False, "problem": str(exc), "expected_size": None,
                                              "unreadable": getattr(exc, "unreadable", None)}, "size": size}
    return {"header": summarize(h), "integrity": integrity(h), "size": h.file_size}


def identity_of(file_fact: dict[str, Any]) -> dict[str, Any]:
    """The identity of a models-probe file record: judged now from its header summary; a record from an older
    facts file (an ``identity`` and no ``header``) keeps what was judged then."""
    if isinstance(file_fact.get("header"), dict):
        return identify_summary(file_fact["header"])
    old = file_fact.get("identity")
    if isinstance(old, dict):
        return {**UNREADABLE_IDENTITY, "label": "unknown safetensors file", **old}
    return dict(UNREADABLE_IDENTITY)


def fingerprint(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Identity and integrity of one file, never raising: an unreadable header becomes an integrity
    problem and an unknown identity."""
    got = read_facts(path)
    ident = identify_summary(got["header"]) if got["header"] is not None else dict(UNREADABLE_IDENTITY)
    return {"identity": ident, "integrity": got["integrity"], "size": got["size"], "header": got["header"]}


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
