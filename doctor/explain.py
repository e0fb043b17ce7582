"""`klein-doctor explain`: from a pasted error or a log to cause, fix and the check that confirms it.

Users arrive with an error, not a question. The signatures live in ``manifests/errors.toml`` so a new
message can be taught without touching code; this module only scans and reads numbers.

Scanning is linear in the input whatever its density of errors: the input is read in 1 MiB blocks, each
block is lower-cased once (``bytes.lower``, C speed) and every distinct literal needle is searched with
``bytes.find``; each needle hit then costs a bounded amount of work — a window of at most BEFORE + AFTER
bytes is decoded, stripped of ANSI colours and given to the signature's case-insensitive regexes — and line
numbers are counted incrementally between consecutive hits, never from the start of a block. Memory stays
at one block plus a bounded number of distinct hits per signature.

Matching is case-insensitive and spans lines (the window crosses line breaks, so ComfyUI's error-report
layout with the exception type and message on separate lines matches). Hits are kept apart by the numbers
that distinguish them (a signature's ``key`` groups): two different shape errors are two matches. Each hit
also records the context facts seen near it (the text-encoder class ComfyUI loaded, a ``clip missing`` list,
the node type of an error report), so its meaning can depend on what surrounds it. Pasted text (small) is
also scanned with its line breaks removed, so a message wrapped by a terminal or a forum still matches.
"""

from __future__ import annotations

import functools
import json
import os
import re
import stat
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from . import manifests

SCHEMA = "klein-doctor/explain/1"
BLOCK = 1 << 20  # bytes read at a time
MIN_SCAN = 8192  # bytes gathered before a needle search runs (blocks may be smaller)
BEFORE = 512  # bytes of the hit's line kept before the needle
AFTER = 1536  # bytes kept after it: multi-line messages (the sm_120 warning, error reports) fit
SLACK = 400  # a pattern's match must start within this many bytes after its needle
CTX_BEFORE, CTX_AFTER = 160, 320  # the slice of a context needle's line its pattern sees
NEAR = 8192  # context facts seen this many bytes before a hit belong to it
PASTE_LIMIT = 64 << 10  # pasted inputs up to this size are also scanned with line breaks removed
MAX_CONFIRM = 5000  # regex confirmations per signature; later hits of it are only counted
MAX_KEYS = 64  # distinct keyed hits per signature; later new keys are only counted
EXCERPT = 300
SUPERSEDE_NEAR = 4096  # bytes: "supersedes_near" drops a generic hit this close to the specific one

_ESC = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x9b[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")
_REMAINS = re.compile(r"\[(?:\d{1,3};)*\d{1,3}m")  # a colour code whose ESC was lost on copy: "[31m"
_SPACE = re.compile(r"\s+")


def _keep_if_word(m: re.Match[str]) -> str:
    i = m.start()
    prev = m.string[i - 1] if i else ""
    return m.group(0) if prev and (prev.isalnum() or prev in "_]") else ""  # "arr[1m" is text, not a colour


def _strip_ansi(s: str) -> str:
    """ANSI colours out, also their ESC-less remains as pasted from a terminal ("[31m" not after a word
    character). Two cheap passes: one pattern with a look-behind, run over every window, was the cost that
    dominated colourised logs."""
    if "\x1b" in s or "\x9b" in s:
        s = _ESC.sub("", s)
    if "[" in s:
        s = _REMAINS.sub(_keep_if_word, s)
    return s


class InputError(Exception):
    """The input cannot be read; the message says why in user terms."""


@dataclass
class Signature:
    id: str
    title: str
    needles: list[bytes]
    patterns: list[re.Pattern[str]]
    cause: str
    fix: str
    check: str
    severity: str
    source: str
    interpret: str | None = None
    supersedes: list[str] = field(default_factory=list)
    supersedes_near: list[str] = field(default_factory=list)
    ignore: list[re.Pattern[str]] = field(default_factory=list)
    key: list[str] = field(default_factory=list)
    # [{fact, to}]: when the interpreter claims the hit (or there is none) and the context fact `fact` is in the
    # paste, the hit is signature `to`'s (a MIG slice named beside `invalid device ordinal`, ...): first rule wins
    hand_over: list[dict[str, str]] = field(default_factory=list)
    # per pattern, the needles (lower case) one of which must be at the hit for that pattern to be tried; empty: any.
    # A needle every log line prints can then carry one cheap pattern without its siblings scanning each window
    pattern_needles: list[list[str]] = field(default_factory=list)


@dataclass
class Context:
    id: str
    needles: list[bytes]
    pattern: re.Pattern[str]


def _trie(words: Iterable[bytes]) -> dict[Any, Any]:
    """The byte strings as nested dicts, one level a byte; the key None holds the word that ends there."""
    trie: dict[Any, Any] = {}
    for w in words:
        d = trie
        for b in w:
            d = d.setdefault(b, {})
        d[None] = w
    return trie


def _trie_pattern(words: list[bytes]) -> bytes:
    """A regex matching exactly the given byte strings (none a prefix of another), shaped as their trie."""
    def emit(d: dict[Any, Any]) -> bytes:
        alts = [re.escape(bytes([b])) + emit(d[b]) for b in sorted(k for k in d if k is not None)]
        if not alts:
            return b""
        if len(alts) == 1 and None not in d:
            return alts[0]
        return b"(?:" + b"|".join(alts) + b")" + (b"?" if None in d else b"")
    return emit(_trie(words))


@dataclass
class Catalog:
    signatures: list[Signature]
    contexts: list[Context]
    tables: dict[str, list[dict[str, Any]]]

    def __post_init__(self) -> None:
        self._by_id = {s.id: s for s in self.signatures}
        # every distinct lower-cased needle once, with what it belongs to
        owners: dict[bytes, list[tuple[Any, bool]]] = {}
        for s in self.signatures:
            for n in s.needles:
                owners.setdefault(n.lower(), []).append((s, True))
        for c in self.contexts:
            for n in c.needles:
                owners.setdefault(n.lower(), []).append((c, False))
        # a needle containing a shorter one is never searched: the shorter one's hits cover it (the owners'
        # regexes confirm), so the number of passes over the text stays small
        order = {n: i for i, n in enumerate(owners)}
        trie = _trie(owners)
        for n in sorted(owners, key=len, reverse=True):
            # the first needle (in the catalog's order) found inside n: a walk of the needles' trie from each byte
            inside = []
            for i in range(len(n)):
                d = trie
                for b in n[i:]:
                    d = d.get(b)
                    if d is None:
                        break
                    if None in d and d[None] != n and d[None] in owners:
                        inside.append(d[None])
            inner = min(inside, key=order.__getitem__, default=None)
            if inner is not None:
                owners[inner].extend(o for o in owners.pop(n) if o not in owners[inner])
        self.needles: list[tuple[bytes, list[tuple[Any, bool]]]] = sorted(owners.items(), key=lambda kv: kv[0])
        self.maxneedle = max([len(n) for n in owners] + [1])
        # With no needle inside another, at most one needle starts at any position, so one pass of a trie-shaped
        # regex (each branch a byte, as re's engine tries them) finds every (position, needle) that a find() per
        # needle would, overlaps included, in a fraction of the time once there are a thousand needles
        self.owners: dict[bytes, list[tuple[Any, bool]]] = owners
        self.needle_re: re.Pattern[bytes] | None = re.compile(_trie_pattern(list(owners))) if owners else None

    def by_id(self, sig_id: str) -> Signature | None:
        return self._by_id.get(sig_id)


@dataclass
class Hit:
    """One signature seen in the input: where first and last, how often, the numbers it carried and the
    context facts seen near its first occurrence."""

    id: str
    groups: dict[str, str]
    excerpt: str
    line: int | None
    last_line: int | None
    count: int = 1
    near: dict[str, str] = field(default_factory=dict)
    offset: int = 0  # absolute byte offset of the first occurrence (for "supersedes_near")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "groups": self.groups, "excerpt": self.excerpt, "line": self.line,
                "last_line": self.last_line, "count": self.count, "near": self.near, "offset": self.offset}


@dataclass
class Match:
    """One explained error, as `match_text` returns it (the smoke check maps failures through this)."""

    id: str
    title: str
    cause: str
    fix: str
    check: str
    confirm: str
    severity: str
    source: str
    excerpt: str | None = None
    line: int | None = None
    last_line: int | None = None
    count: int = 1
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


_REQUIRED = ("id", "title", "needles", "patterns", "cause", "fix", "check", "severity", "source")


def _keys(v: Any) -> list[str]:
    if not v:
        return []
    return [str(x) for x in v] if isinstance(v, (list, tuple)) else [str(v)]


def _hand_over(row: dict[str, Any]) -> list[dict[str, str]]:
    rules = row.get("hand_over") or []
    if not isinstance(rules, list) or not all(isinstance(r, dict) and isinstance(r.get("fact"), str)
                                              and isinstance(r.get("to"), str) for r in rules):
        raise manifests.ManifestError(f"errors.toml signature {row.get('id', '?')}: hand_over must be a list of "
                                      "{fact = \"<context id>\", to = \"<signature id>\"}")
    return [{"fact": r["fact"], "to": r["to"]} for r in rules]


def _pattern_needles(row: dict[str, Any]) -> list[list[str]]:
    gates = row.get("pattern_needles")
    if gates is None:
        return []
    own = {str(n).lower() for n in row.get("needles") or []}
    if (not isinstance(gates, list) or len(gates) != len(row.get("patterns") or [])
            or not all(isinstance(g, list) and all(isinstance(n, str) and n.lower() in own and len(n) <= 150 for n in g)
                       for g in gates)):
        raise manifests.ManifestError(f"errors.toml signature {row.get('id', '?')}: pattern_needles must be a list with one "
                                      "list per pattern, each naming some of the signature's own needles (empty: any)")
    return [[n.lower() for n in g] for g in gates]


@functools.lru_cache(maxsize=4)
def _catalog_from(doc_json: str) -> Catalog:
    doc = json.loads(doc_json)
    sigs = []
    for i, row in enumerate(doc.get("signature") or []):
        missing = [k for k in _REQUIRED if not row.get(k)]
        if missing:
            raise manifests.ManifestError(f"errors.toml signature #{i + 1} ({row.get('id', '?')}) lacks {', '.join(missing)}")
        try:
            pats = [re.compile(p, re.I) for p in row["patterns"]]
            ign = [re.compile(p, re.I) for p in row.get("ignore") or []]
        except re.error as exc:
            raise manifests.ManifestError(f"errors.toml signature {row['id']}: bad pattern: {exc}") from exc
        sigs.append(Signature(id=row["id"], title=row["title"], needles=[n.encode() for n in row["needles"]],
                              patterns=pats, cause=row["cause"], fix=row["fix"], check=row["check"],
                              severity=row["severity"], source=row["source"], interpret=row.get("interpret"),
                              supersedes=list(row.get("supersedes") or []),
                              supersedes_near=list(row.get("supersedes_near") or []),
                              ignore=ign, key=_keys(row.get("key")), hand_over=_hand_over(row),
                              pattern_needles=_pattern_needles(row)))
    try:
        ctxs = [Context(id=c["id"], needles=[n.encode() for n in c["needles"]], pattern=re.compile(c["pattern"], re.I))
                for c in doc.get("context") or []]
    except (KeyError, re.error) as exc:
        raise manifests.ManifestError(f"errors.toml context row: {exc}") from exc
    sig_ids, ctx_ids = {s.id for s in sigs}, {c.id for c in ctxs}
    for s in sigs:
        for rule in s.hand_over:
            if rule["to"] not in sig_ids or rule["to"] == s.id:
                raise manifests.ManifestError(f"errors.toml signature {s.id}: hand_over to unknown signature {rule['to']!r}")
            if rule["fact"] not in ctx_ids:
                raise manifests.ManifestError(f"errors.toml signature {s.id}: hand_over on unknown context fact {rule['fact']!r}")
    tables = {k: list(doc.get(k) or []) for k in ("text_width", "model_width", "latent_channels", "image_input",
                                                  "klein_package", "core_node", "nvidia_placeholder_version", "host_group")}
    return Catalog(sigs, ctxs, tables)


def _manifest_part(name: str, key: str, empty: Any) -> Any:
    """manifests/<name>.toml's top-level `key` (a table or an array of tables), `empty` where the manifest or the key
    is missing or unreadable: explain then answers without that fact rather than failing."""
    try:
        return manifests.load(name).get(key) or empty
    except manifests.ManifestError:
        return empty


@functools.lru_cache(maxsize=None)
def _comfy_release(key: str) -> str:
    """A ComfyUI release manifests/comfyui.toml's [release] table names (`z_image`: the first release with Z-Image); empty if unknown."""
    return str(_manifest_part("comfyui", "release", {}).get(key) or "")


@functools.lru_cache(maxsize=None)
def _klein_min(pkg: str) -> str:
    """The floor manifests/requirements.toml's [[package]] row sets for a package on Klein's diffusers path, as users
    write it (`0.37.0` -> `0.37`); empty if the row is missing."""
    rows = _manifest_part("requirements", "package", [])
    v = next((str(r.get("min") or "") for r in rows if r.get("name") == pkg), "")
    return re.sub(r"(\.\d+)\.0$", r"\1", v)


def _abi3_wheels(pkg: str) -> str:
    """manifests/wheels.toml [[abi3_wheels]]: the clause naming the first abi3 release of a Rust-built package, or ''."""
    for r in _manifest_part("wheels", "abi3_wheels", []):
        if str(r.get("package")) == pkg and r.get("first") and r.get("python"):
            return f"; {pkg} {r['first']} and newer ship abi3 wheels, one for every Python from {r['python']} on"
    return ""


def _klein_comfy() -> str:
    """The first ComfyUI release with Klein support, as fixes say it (`v0.9.2`), from manifests/comfyui.toml."""
    v = str(_manifest_part("comfyui", "version", {}).get("min_klein") or "")
    return f"v{v}" if v else "the first release with Klein support"


def catalog() -> Catalog:
    """The signatures of manifests/errors.toml (or its --manifest override), compiled once."""
    return _catalog_from(json.dumps(manifests.load("errors")))


def clean(text: str) -> str:
    """ANSI colours out (also their ESC-less remains, as pasted from a terminal), whitespace collapsed."""
    return _SPACE.sub(" ", _strip_ansi(text)).strip()


class Scanner:
    """Feed bytes in any block sizes; ``hits`` and ``context`` hold what was recognised.

    Needle search runs over a sliding buffer with absolute offsets: a needle starting before ``limit``
    (the point after which the AFTER window is not complete yet) is handled now, the rest of the buffer is
    kept for the next block, so no hit is missed or counted twice across block edges. Every step is bounded
    per hit or linear in the new bytes: the total is linear in the input.
    """

    def __init__(self, cat: Catalog, count_lines: bool = True):
        self.cat = cat
        self.count_lines = count_lines
        self.hits: dict[str, Hit] = {}
        self.context: dict[str, str] = {}  # last value of each context fact in the whole input
        self.overflow: dict[str, int] = {}  # hits of a signature past MAX_KEYS distinct keys (counted only)
        self._recent: dict[str, tuple[int, str]] = {}  # context id -> (absolute offset, value)
        self._confirmed: dict[str, int] = {}
        self._last_line: dict[str, int] = {}  # signature -> absolute start of the line of its last needle hit
        self._last_end: dict[str, int] = {}  # signature -> absolute end of its last regex match
        self._keys: dict[str, int] = {}
        self._buf = b""
        self._buf_start = 0  # absolute offset of _buf[0]
        self._scanned = 0  # absolute offset: needle starts before this were handled
        self._line_pos = 0  # absolute offset up to which newlines were counted
        self._line_no = 0  # newlines before _line_pos
        self.bytes = 0

    # -- the loop --------------------------------------------------------------------------------
    def feed(self, data: bytes, final: bool = False) -> None:
        self.bytes += len(data)
        buf = self._buf + data if self._buf else data
        limit = len(buf) if final else max(0, len(buf) - AFTER)
        start = self._scanned - self._buf_start
        if not final and limit - start < MIN_SCAN:
            self._buf = buf  # tiny blocks (a pipe, a test): gather a few KB before searching
            return
        if limit > start:
            end = min(len(buf), limit + self.cat.maxneedle - 1)
            low = buf[start:end].lower()
            found: list[tuple[int, int, Any, bool]] = []
            search = self.cat.needle_re.search if self.cat.needle_re is not None else None
            owners_of = self.cat.owners
            m = search(low) if search is not None else None
            while m is not None:
                pos = m.start()
                if pos + start >= limit:
                    break
                for k, (item, is_sig) in enumerate(owners_of[m.group()]):
                    found.append((pos + start, k, item, is_sig))
                m = search(low, pos + 1)
            for pos, _k, item, is_sig in found:
                if is_sig:
                    self._signature_hit(buf, pos, item)
                else:
                    self._context_hit(buf, pos, item)
            self._scanned = self._buf_start + limit
        if final:
            keep_from = len(buf)
        else:
            keep_from = max(0, limit - BEFORE)
        self._advance_lines(buf, keep_from)
        self._buf = buf[keep_from:]
        self._buf_start += keep_from

    def _advance_lines(self, buf: bytes, upto_rel: int) -> None:
        """Count newlines from the counted position up to ``upto_rel`` (relative to buf): each byte once."""
        if not self.count_lines:
            return
        lo = self._line_pos - self._buf_start
        if upto_rel > lo:
            self._line_no += buf.count(b"\n", max(0, lo), upto_rel)
            self._line_pos = self._buf_start + upto_rel

    def _line_of(self, buf: bytes, pos: int) -> int | None:
        if not self.count_lines:
            return None
        self._advance_lines(buf, pos)
        return self._line_no + 1

    @staticmethod
    def _window(buf: bytes, pos: int) -> tuple[str, int, int]:
        """The text around a needle at ``pos``, ANSI colours removed: from its line start (at most BEFORE
        back) to AFTER past it. Returns (text, relative offset of the window start, offset of the needle
        inside the text)."""
        lo = buf.rfind(b"\n", max(0, pos - BEFORE), pos) + 1 or max(0, pos - BEFORE)
        head = _strip_ansi(buf[lo:pos].decode("utf-8", "replace"))
        tail = _strip_ansi(buf[pos:pos + AFTER].decode("utf-8", "replace"))
        return head + tail, lo, len(head)

    # -- hits ------------------------------------------------------------------------------------
    def _signature_hit(self, buf: bytes, pos: int, sig: Signature) -> None:
        abs_pos = self._buf_start + pos
        if abs_pos < self._last_end.get(sig.id, -1):
            return  # inside the text its previous match already covered
        line_start = self._buf_start + (buf.rfind(b"\n", max(0, pos - BEFORE), pos) + 1 or max(0, pos - BEFORE))
        if self._last_line.get(sig.id) == line_start:
            return  # another needle of this signature on the line of its last match
        if sig.ignore:
            rel = line_start - self._buf_start
            seg = buf[rel:rel + 4096]
            nl = seg.find(b"\n", pos - rel)
            line_txt = _strip_ansi(seg[:nl if nl != -1 else len(seg)].decode("utf-8", "replace"))
            if any(p.search(line_txt) for p in sig.ignore):
                return
        if self._confirmed.get(sig.id, 0) >= MAX_CONFIRM:
            prev = self.hits.get(sig.id) or next((h for k, h in self.hits.items() if h.id == sig.id), None)
            if prev is not None:
                prev.count += 1
                prev.last_line = self._line_of(buf, pos)
            return
        text, lo, at = self._window(buf, pos)
        m = _first_match(sig, text, at)
        if m is None:
            return
        self._confirmed[sig.id] = self._confirmed.get(sig.id, 0) + 1
        self._last_line[sig.id] = line_start
        self._last_end[sig.id] = abs_pos + max(0, m.end() - at)  # characters ~ bytes: only used to skip re-hits
        line = self._line_of(buf, pos)
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        excerpt = _SPACE.sub(" ", m.group(0)).strip()[:EXCERPT]
        kv = [_SPACE.sub(" ", groups.get(k, "")).strip().lower() for k in sig.key]
        hkey = sig.id + (":" + ",".join(kv) if any(kv) else "")
        prev = self.hits.get(hkey)
        if prev is None:
            n = self._keys.get(sig.id, 0)
            if n >= MAX_KEYS:
                self.overflow[sig.id] = self.overflow.get(sig.id, 0) + 1
                return
            self._keys[sig.id] = n + 1
            self.hits[hkey] = Hit(sig.id, groups, excerpt, line, line, near=self._near(abs_pos, text), offset=abs_pos)
        else:
            prev.count += 1
            prev.last_line = line

    def _near(self, abs_pos: int, window: str) -> dict[str, str]:
        """Context facts seen shortly before the hit, and those inside its own window."""
        out = {cid: val for cid, (off, val) in self._recent.items() if abs_pos - off <= NEAR}
        for ctx in self.cat.contexts:
            if ctx.id not in out:
                m = ctx.pattern.search(window)
                if m:
                    out[ctx.id] = _one_space(m.group("value"))
        return out

    def _context_hit(self, buf: bytes, pos: int, ctx: Context) -> None:
        # a context fact is one short line: its own line, at most CTX_BEFORE/CTX_AFTER bytes around the needle
        lo = buf.rfind(b"\n", max(0, pos - CTX_BEFORE), pos) + 1 or max(0, pos - CTX_BEFORE)
        nl = buf.find(b"\n", pos, pos + CTX_AFTER)
        seg = buf[lo:nl if nl != -1 else pos + CTX_AFTER]
        if seg.isascii() and b"\x1b" not in seg and b"[" not in seg:  # no colour codes or their remains, one byte a character
            text, at = seg.decode("ascii"), pos - lo
        else:
            head = _strip_ansi(buf[lo:pos].decode("utf-8", "replace"))
            text = head + _strip_ansi(buf[pos:nl if nl != -1 else pos + CTX_AFTER].decode("utf-8", "replace"))
            at = len(head)
        m = ctx.pattern.search(text, max(0, at - 100))
        if m and m.start() <= at + SLACK:
            val = _one_space(m.group("value"))
            self.context[ctx.id] = val
            self._recent[ctx.id] = (self._buf_start + pos, val)


def _one_space(val: str) -> str:
    """A context fact as one line of words: a column layout's padding (`pip list`'s `transformers   5.0.0`) is one space."""
    return re.sub(r"[ \t]{2,}", " ", val.strip())


def _first_match(sig: Signature, text: str, at: int) -> re.Match[str] | None:
    """The first pattern that matches at or shortly after the needle (never far ahead of it)."""
    lo = max(0, text.rfind("\n", 0, at) + 1)
    gates = sig.pattern_needles
    near = text[max(0, at - 160): at + 160].lower() if gates else ""
    for k, pat in enumerate(sig.patterns):
        if gates and gates[k] and not any(n in near for n in gates[k]):
            continue  # this pattern's needles are not the one that hit (a needle folded into the hit lies within it)
        m = pat.search(text, lo)
        if m and m.start() <= at + SLACK:
            return m
    return None


def scan_stream(blocks: Iterable[bytes], cat: Catalog | None = None, count_lines: bool = True) -> Scanner:
    sc = Scanner(cat or catalog(), count_lines=count_lines)
    for b in blocks:
        sc.feed(b)
    sc.feed(b"", final=True)
    return sc


def read_blocks(fh: IO[bytes], limit: int | None = None) -> Iterator[bytes]:
    left = limit
    while True:
        n = BLOCK if left is None else min(BLOCK, left)
        if n <= 0:
            return
        b = fh.read(n)
        if not b:
            return
        if left is not None:
            left -= len(b)
        yield b


# How a pasted text differs from what the program printed: a web page or a forum turned quotes typographic,
# spaces non-breaking and `--` into a dash, escaped `<` as `&lt;`; a reply quoted it with `> `; a logger or
# `docker compose` put a time stamp, a level or a service name before each line.
_TYPO = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                       "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00b4": "'", "\u00ab": '"', "\u00bb": '"',
                       "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ",
                       "\u3000": " ", "\u2002": " ", "\u2003": " ", "\u200b": None, "\u2060": None,
                       "\ufeff": None, "\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2013": "-",
                       "\u2014": "--", "\u2026": "...", "\uff1a": ": "})
_TYPO_WIDTH = re.compile("[\u2014\u2026\uff1a\u200b\u2060\ufeff]")  # characters _TYPO makes wider or removes
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_QUOTED = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.M)
_QUOTED_SPACED = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*>(?:[ \t]|$)", re.M)  # `> text`, `>> text`, a bare `>`
_STAMP = re.compile(  # "2025-03-01 12:34:56,789 - root - ERROR - ", "[2025-03-01T12:34:56.789Z] [error] ", "12:34:56 [WARN] ",
    # kohya's "02:54:18-197331 ERROR "
    r"^[ \t]{0,4}\[?(?:\d{4}[-/.]\d\d[-/.]\d\d[T _]{1,2})?\d\d:\d\d:\d\d(?:[.,]\d{1,9}|-\d{6}(?!\d))?(?:Z|[+-]\d\d:?\d\d(?![\d:])| ?UTC)?\]?"
    r"(?:[ \t]{0,4}(?:[-|:][ \t]{0,4})?(?:[\w.]{1,40}[ \t]{1,4}-[ \t]{1,4})?"
    r"\[?(?:INFO|WARNING|WARN|ERROR|DEBUG|CRITICAL|FATAL|TRACE|NOTICE|I|W|E)\]?(?=[ \t:|-])[ \t]{0,4}(?:[-:|][ \t]{0,4})?"
    r"|[ \t]{1,4}[-|](?=[ \t]))?[ \t]?",  # ComfyUI's log: "2026-01-26T14:45:06.216021 - !!! Exception ..."
    re.M | re.I)
_SERVICE = re.compile(r"^([\w.-]{1,64}[ \t]{1,30}\|[ \t]?)", re.M)  # docker compose: "comfyui-1  | "
# SwarmUI relays the ComfyUI it runs as a back end with the back end's stream before each line, after its own time
# stamp and level: "08:21:12.123 [Debug] [ComfyUI-0/STDERR] Traceback ..."
_BACKEND_STREAM = re.compile(r"^[ \t]{0,4}\[ComfyUI-\d{1,3}/STD(?:ERR|OUT)\][ \t]?", re.M)
_JSON_ESC = re.compile(r'\\(?:r\\n|[nrt"\\/]|u[0-9a-fA-F]{4})')


def normalize_paste(text: str) -> str:
    """The text a program printed, from what a user pasted: typographic characters and HTML entities back to
    ASCII, reply quotes and per-line time stamps, levels and compose service names removed. Line breaks are
    kept, so line numbers do not change. A service prefix is removed only when most lines carry the same one."""
    return _unprefixed(_typography(text))


def _typography(text: str) -> str:
    import html

    t = text.translate(_TYPO)
    if "\r\n" in t:
        t = t.replace("\r\n", "\n")  # a Windows paste: `$` and line ends of the patterns see one kind
    if "&" in t:
        t = _ENTITY.sub(lambda m: html.unescape(m.group(0)), t)
    return t


def _unquoted(t: str) -> str:
    """Reply quotes (`> `, `>> `, an email's `>text`) removed. A lone line that starts with `>` and a
    character (`>'s set_timesteps ...`) is where a terminal cut a line before its `>`, not a quote: a bare `>`
    counts as a quote only when another line of the text is quoted too."""
    if ">" not in t:
        return t
    marks = _QUOTED.findall(t)
    if len(marks) >= 2:
        return _QUOTED.sub("", t)
    return _QUOTED_SPACED.sub("", t)


def _unprefixed(t: str) -> str:
    t = _unquoted(t)
    t = _STAMP.sub("", t)
    if "/STD" in t:
        t = _BACKEND_STREAM.sub("", t)
    if "|" in t:
        svc = [m.group(1).rstrip(" \t|") for m in _SERVICE.finditer(t)]
        lines = sum(1 for ln in t.splitlines() if ln.strip())
        if svc and len(svc) * 2 >= lines and len(svc) >= 2:
            common = max(set(svc), key=svc.count)
            if svc.count(common) * 2 >= lines:
                t = re.sub(r"^" + re.escape(common) + r"[ \t]{1,30}\|[ \t]?", "", t, flags=re.M)
    return t


def _unescaped(text: str) -> str | None:
    """A message quoted inside JSON or a Python repr (a ComfyUI /prompt response, a browser console, a
    `str(exc)` of a traceback): its escapes undone. None when the text holds no escaped line breaks."""
    if text.count("\\n") < 1 or text.count("\\n") < text.count("\n"):
        return None
    table = {"\\n": "\n", "\\r": "", "\\t": "\t", '\\"': '"', "\\\\": "\\", "\\/": "/"}

    def sub(m: re.Match[str]) -> str:
        e = m.group(0)
        if e.startswith("\\u"):
            return chr(int(e[2:], 16))
        return "\n" if e == "\\r\\n" else table[e]
    out = _JSON_ESC.sub(sub, text)
    # {"exception_message": "ERROR: ..."}: the quoted message starts a line of its own, as it did when printed
    out, opened = re.subn(r'^(\s*\{\s*"[\w .-]{1,40}"\s*:\s*")(?!\n)', "\\1\n", out, count=1)
    if opened:  # ...and it ends its last line, as it did when printed: the object's closing `"}` goes below it
        out = re.sub(r'(?<!\n)("\s*\}\s*)$', "\n\\1", out, count=1)
    return out.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # "\\ud83d\\ude00" pairs joined


_PCT_TOKEN = re.compile(r"\S*%20\S*%20\S*")
_PCT_CHARS = {"%20": " ", "%3a": ":", "%2f": "/", "%22": '"', "%27": "'", "%2c": ",", "%28": "(", "%29": ")"}
_PCT = re.compile(r"%(?:20|3[aA]|2[fFcC2789])")


def _percent_spaced(text: str) -> str:
    """A message pasted with its spaces percent-encoded (copied out of a search or issue link:
    `libtorch_cuda.so:%20undefined%20symbol:%20ncclCommRegister`): in a run of text holding two `%20` or more and
    no `://` (a URL keeps its own encoding), the spaces and the few punctuation marks a message carries come back.
    A single `%20` (a file name in an API path, `workflows%2FUnsaved%20Workflow.json`) is left as it is."""
    if "%20" not in text:
        return text

    def run(m: re.Match[str]) -> str:
        tok = m.group(0)
        if "://" in tok:
            return tok
        return _PCT.sub(lambda e: _PCT_CHARS[e.group(0).lower()], tok)
    return _PCT_TOKEN.sub(run, text)


def _rewrapped(text: str) -> str | None:
    """A message cut into lines of one width by a terminal (Windows consoles cut mid-word): the cut lines
    joined again. None when the text does not look cut: no width repeats with a word split at it, or the
    lines of that width are a table's rows."""
    lines = text.splitlines()
    lens = [len(ln) for ln in lines]
    if not lens:
        return None
    width = max(lens)
    if width < 60:
        return None
    rows = [i for i, n in enumerate(lens) if n == width]

    def goes_on(i: int) -> bool:  # the next line continues it: not blank, not an indented line of its own
        nx = lines[i + 1] if i + 1 < len(lines) else ""
        # not the same line again, nor a line that starts as this one does (a log's next record: the same
        # time stamp, level or `docker compose` service name)
        if nx and not nx.strip() and lines[i].endswith(" "):
            return True  # the rest of a line's trailing padding (GitHub code blocks keep it), cut off as a line
        return (bool(nx.strip()) and not nx.startswith(("  ", "\t")) and nx != lines[i]
                and len(os.path.commonprefix([nx, lines[i]])) < 4)
    cuts = {i for i in rows if goes_on(i)}
    if not cuts:
        return None
    if len(rows) == 1:
        if width not in (80, 100, 120, 132):  # one cut line: only at a console's width
            return None
    else:
        def tok(c: str) -> bool:  # a character inside a word or a path
            return c.isalnum() or (c != "" and c in "_.-/\\:")
        if not any(tok(lines[i][-1:]) and (tok(lines[i + 1][:1]) or (lines[i + 1][:1] == " " and lines[i + 1][1:2].isalnum()))
                   for i in cuts):
            return None  # lines of one length are not cut unless a word or a path is, or a line goes on with one space
        texts = [lines[i] for i in rows]
        gaps = set.intersection(*({j for j in range(len(r) - len(r.lstrip()) + 1, len(r.rstrip())) if r[j] == " " == r[j - 1]}
                                  for r in texts))
        if gaps:
            return None  # a table's rows (conda list, pip list) share their columns of spaces (a line's
            # trailing padding, as GitHub code blocks keep it, is no column)
    out: list[str] = []
    carry = ""
    for i, ln in enumerate(lines):
        if i in cuts:
            carry += ln
            continue
        out.append(carry + ln)
        carry = ""
    if carry:
        out.append(carry)
    return "\n".join(out)


_COMFY_NODE_HEAD = re.compile(r"\* [^\n]{1,120}? \d{1,6}:$")  # ComfyUI's `Failed to validate prompt` layout, not a writer's list
_LIST_ITEM = re.compile(r"(?:[-*+\u2022]|\d{1,2}[.)])[ \t]+\S")  # a Markdown list item: `- x`, `* x`, `1. x`


def _flat_variants(data: bytes) -> list[bytes]:
    """A pasted message wrapped by a terminal (Windows consoles cut mid-word) or a forum: the text with
    line breaks removed, and with them turned into spaces; ANSI colours removed first. A line that starts a
    Markdown list item (`- auto -> crash`) is not joined: the writer began and ended it, no wrap cut it, and
    joining it would let one item's words (`sage_attention modes fail:`) read as the next item's (`-> black
    image`). The items go below the joined text, one per line, so the text around a list (an issue's title and
    the sentence after its environment list) still reads as one. ComfyUI's own validation report (`* KSampler 3:`
    then `- Value ... : seed`) is the program's layout, not a list: it is joined as before."""
    text = _strip_ansi(data.decode("utf-8", "replace"))
    lines = [ln.strip() for ln in text.splitlines()]
    items, body = [], []
    report = False  # inside ComfyUI's validation report: `* NodeName 21:` then its `- Value ...` lines
    for ln in lines:
        report = bool(_COMFY_NODE_HEAD.match(ln)) or (report and ln.startswith("- "))
        (items if _LIST_ITEM.match(ln) and not report else body).append(ln)
    tail = "".join("\n" + ln for ln in items)
    return [(" ".join(body) + tail).encode(), ("".join(body) + tail).encode()]


def _merge(main: Scanner, extra: Scanner) -> None:
    """Hits only an unwrapped form revealed: added when main has no hit of that signature and key."""
    have_ids = {h.id for h in main.hits.values()}
    for hk, hit in extra.hits.items():
        if hk in main.hits:
            continue
        if hit.id in have_ids and not main.cat.by_id(hit.id).key:  # type: ignore[union-attr]
            continue
        if hit.id in have_ids and any(h.id == hit.id and _same_numbers(h, hit) for h in main.hits.values()):
            continue
        main.hits[hk] = hit
    for k, v in extra.context.items():
        main.context.setdefault(k, v)


def _same_numbers(a: Hit, b: Hit) -> bool:
    return a.groups == b.groups


def scan_bytes(data: bytes, cat: Catalog | None = None) -> Scanner:
    """Scan a small input as it is, then its unwrapped forms, adding what only they reveal. A pasted input
    (up to PASTE_LIMIT) is first brought back to what the program printed (``normalize_paste``), and lines a
    terminal cut at one width are joined again (then line numbers count the joined lines), a message pasted
    JSON-escaped is unescaped; that form is scanned, then with its line breaks removed. (The forms before
    those steps are not scanned as well: a hit there would bring back what a rule dropped on the whole line.)"""
    cat = cat or catalog()
    if len(data) > PASTE_LIMIT:
        return scan_stream([data], cat)
    printed = _strip_ansi(data.decode("utf-8", "replace"))
    typed = _percent_spaced(_unquoted(_typography(printed)))
    escaped = _unescaped(typed)
    base = _unquoted(_typography(escaped)) if escaped is not None else typed  # "\\u2019" was a quote too
    joined = _rewrapped(base)  # before prefixes go: a terminal cut the lines with their time stamps
    if joined is None and escaped is None and _TYPO_WIDTH.search(printed):
        # the terminal cut the lines as printed, before an em dash became `--` or an ellipsis `...`: their widths
        # are measured on the printed characters
        cut = _rewrapped(_unquoted(printed.replace("\r\n", "\n")))
        joined = _percent_spaced(_unquoted(_typography(cut))) if cut is not None else None
    raw = _unprefixed(joined if joined is not None else base).encode("utf-8")
    main = scan_stream([raw], cat)
    if b"\n" in raw.strip():
        for variant in _flat_variants(raw):
            _merge(main, scan_stream([variant], cat, count_lines=False))
    return main


# ---------------------------------------------------------------------------------------------------
# Reading the numbers: each interpreter gets the regex groups (as stored in facts, so the log check can
# re-run it), the catalog and the context (the log's facts, plus ``near``: the facts seen near the hit),
# and returns overrides for title/cause/fix plus details, ``as`` (another signature id: the surrounding
# text shows a different cause), or None to drop the match (not an error of the Klein stack).

Interp = Callable[[dict[str, str], Catalog, dict[str, Any]], "dict[str, Any] | None"]
_INTERP: dict[str, Interp] = {}


def _interp(name: str):
    def deco(fn: Interp) -> Interp:
        _INTERP[name] = fn
        return fn
    return deco


def _int(s: Any) -> int | None:
    try:
        v = int(str(s))
    except (TypeError, ValueError):
        return None
    return v if 0 <= v < 10 ** 9 else None


def _num(s: Any) -> float | None:
    try:
        v = float(str(s))
    except (TypeError, ValueError):
        return None
    return v if 0 <= v < 1e7 else None  # a GPU has far less than 10 million of any unit; beyond is not a reading


def _row(table: list[dict[str, Any]], key: str, value: int) -> dict[str, Any] | None:
    return next((r for r in table if _int(r.get(key, -1)) == value), None)


def _near(ctx: dict[str, Any]) -> dict[str, str]:
    n = ctx.get("near")
    return n if isinstance(n, dict) else {}


def _comfy_node_run(near: dict[str, str]) -> bool:
    """The text around the hit is a ComfyUI node run: its error report's node type, its `!!! Exception during
    processing !!!` line, or a sampler node's error dialog."""
    return bool(near.get("node_type") or near.get("node_exec") or near.get("sampler_node"))


def _encoder_built(ctx: dict[str, Any]) -> bool:
    """The text around the hit shows a text encoder being built or loaded with missing layers."""
    near = _near(ctx)
    return "layers." in (near.get("clip_missing") or "") or "temodel" in (near.get("te_model") or "").lower()


def _te_pair(msize: str, esize: str) -> dict[str, Any] | None:
    """A Klein model file and a Qwen3 encoder file named together (a frontend's model list, a user's own words):
    9B goes with Qwen3-8B and 4B with Qwen3-4B; any other pairing is the mismatch before it fails."""
    if (msize, esize) == ("9b", "4b"):
        return {"title": "Text encoder/model mismatch: the Klein 9B model with the Qwen3-4B encoder (qwen_3_4b)",
                "cause": ("The setup pairs a FLUX.2 [klein] 9B model with qwen_3_4b, the 4B model's encoder: 9B's text input "
                          "is 12288 wide (3 x 4096, Qwen3-8B) and the 4B encoder gives 7680 (3 x 2560), so loading or "
                          "sampling fails (missing or mismatched text-encoder weights, `mat1 and mat2 shapes cannot be multiplied`)."),
                "fix": ("Load the Qwen3-8B encoder for Klein 9B (ComfyUI: qwen_3_8b.safetensors or qwen_3_8b_fp8mixed.safetensors in "
                        "models/text_encoders, CLIPLoader type flux2; other frontends: a Qwen3-8B file such as a Qwen3-8B GGUF), "
                        "or switch to the 4B model (flux-2-klein-4b) to keep qwen_3_4b"),
                "details": {"model": "klein-9b", "encoder": "qwen3-4b"}}
    if (msize, esize) == ("4b", "8b"):
        return {"title": "Text encoder/model mismatch: the Klein 4B model with the Qwen3-8B encoder",
                "cause": ("The setup pairs a FLUX.2 [klein] 4B model with a Qwen3-8B encoder, the 9B model's: 4B's text input "
                          "is 7680 wide (3 x 2560, Qwen3-4B) and the 8B encoder gives 12288 (3 x 4096)."),
                "fix": ("Load qwen_3_4b.safetensors for Klein 4B (ComfyUI: models/text_encoders, CLIPLoader type flux2), "
                        "or switch to the 9B model to keep the Qwen3-8B encoder"),
                "details": {"model": "klein-4b", "encoder": "qwen3-8b"}}
    return None


def _te_dev_encoder(msize: str, mistral: str) -> dict[str, Any]:
    """A Klein model file named beside FLUX.2 [dev]'s Mistral-Small encoder file (a frontend that tags every FLUX.2
    model alike and gives Klein the dev encoder, a user's own list): Klein's encoder is Qwen3, never Mistral."""
    qwen = "qwen_3_8b.safetensors or qwen_3_8b_fp8mixed.safetensors (Qwen3-8B)" if msize == "9b" else \
        "qwen_3_4b.safetensors (Qwen3-4B)"
    width = "12288 (3 x 4096, Qwen3-8B)" if msize == "9b" else "7680 (3 x 2560, Qwen3-4B)"
    size = msize.upper()
    return {"title": f"Text encoder/model mismatch: the Klein {size} model with FLUX.2 [dev]'s Mistral encoder ({mistral})",
            "cause": (f"{mistral} is the Mistral-Small 24B text encoder of FLUX.2 [dev] (its output is 15360 wide, 3 x 5120). "
                      f"FLUX.2 [klein] {size} was trained with a Qwen3 encoder and its text input is {width} wide, so "
                      "sampling fails (`mat1 and mat2 shapes cannot be multiplied`) and a 24B encoder is loaded for "
                      "nothing. A frontend that treats every FLUX.2 model alike picks the dev encoder for Klein."),
            "fix": (f"Load {qwen} as the text encoder for Klein {size} (ComfyUI: models/text_encoders, CLIPLoader type "
                    "`flux2`; other frontends: select that file, or a Qwen3 GGUF of the same size, instead of the Mistral "
                    "file, or update the frontend to a release that tells FLUX.2 [dev] from Klein). Keep "
                    f"{mistral} for FLUX.2 [dev] only"),
            "details": {"model": f"klein-{msize}", "encoder": "mistral-small (flux2-dev)", "encoder_file": mistral}}


# The text-encoder classes ComfyUI logs (`Requested to load X`) that a Klein setup builds: Klein's own, and the
# Z-Image encoder that a Qwen3-4B file becomes under a CLIPLoader type other than flux2 (comfy/text_encoders).
_KLEIN_TE_MODELS = frozenset({"flux2temodel_", "zimagetemodel_"})


@_interp("shapes")
def _shapes(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if g.get("msize") and g.get("esize"):
        return _te_pair(g["msize"].lower(), g["esize"].lower())
    if g.get("msize") and g.get("mistral"):
        return _te_dev_encoder(g["msize"].lower(), g["mistral"])
    m, k1, k2, n = _int(g.get("m")), _int(g.get("k1")), _int(g.get("k2")), _int(g.get("n"))
    if k1 is None or k2 is None:
        return None
    enc = _row(cat.tables["text_width"], "width", k1)
    mod = _row(cat.tables["model_width"], "width", k2)
    d: dict[str, Any] = {"encoder_width": k1, "model_width": k2, "tokens": m, "out_width": n,
                         "encoder": enc["label"] if enc else None, "model": mod["label"] if mod else None}
    # The diffusion model's txt_in layer: its input width is a Klein/FLUX text width; a 7680- or 12288-wide
    # input is nothing else, while 4096 (FLUX.1's txt_in, but also a Qwen3 hidden size) needs the output
    # width to be the model's hidden size as well.
    txt_in = mod is not None and (_int(mod.get("hidden")) == n or (k2 >= 7680 and k1 != k2))
    if not txt_in:
        # Not the diffusion model's text input layer: a layer inside the text encoder (or another model).
        if _encoder_built(ctx):
            near = _near(ctx)
            te = (near.get("te_model") or "").lower()
            # Another family's encoder (QwenImageTEModel_, HunyuanImage's, HiDream's, Ovis's...) is that model's part;
            # the Z-Image encoder is Klein's mistake only when no Z-Image (Lumina2) model is in view.
            if te and te not in _KLEIN_TE_MODELS:
                return None
            if te == "zimagetemodel_" and (near.get("zimage_model") or ctx.get("zimage_model")) \
                    and "layers." not in (near.get("clip_missing") or ""):
                return None
            d["te_model"] = near.get("te_model")
            return {"as": "klein.te-incomplete", "details": d,
                    "cause": (f"A layer inside the text encoder got {k1}-wide input where {k2} was expected: ComfyUI built "
                              f"{near.get('te_model') or 'the encoder'} from a file whose weights do not fit it"
                              + (" (the log's `clip missing` lists its transformer layers)" if near.get("clip_missing") else "")
                              + ". The file is incomplete or is another model's encoder; the CLIPLoader type is not the problem.")}
        return None
    if enc is None and mod is None:
        return None
    enc_txt = f"{k1}-wide output ({enc['label']})" if enc else f"{k1}-wide output (not a Klein encoder width)"
    mod_txt = f"{k2}-wide text input ({mod['label']})" if mod else f"{k2}-wide text input (not a Klein model width)"
    cause = f"The text encoder gives {enc_txt}, but the diffusion model expects {mod_txt}."
    ef, mf = (enc or {}).get("family"), (mod or {}).get("family")
    if ef == "klein-4b" and mf == "klein-9b":
        fix = ("This is the 4B text encoder (qwen_3_4b) with the Klein 9B model: load the Qwen3-8B encoder "
               "(qwen_3_8b.safetensors or qwen_3_8b_fp8mixed.safetensors, CLIPLoader type flux2) for 9B, or load "
               "the 4B model (flux-2-klein-4b-fp8.safetensors) to go with qwen_3_4b")
    elif ef == "klein-9b" and mf == "klein-4b":
        fix = ("This is the 9B text encoder (Qwen3-8B) with the Klein 4B model: load qwen_3_4b.safetensors "
               "(CLIPLoader type flux2) for 4B, or load the 9B model to go with the Qwen3-8B encoder")
    elif ef and ef.startswith("wrong-type"):
        fix = ("The encoder was built with the wrong CLIPLoader type: set `type` to `flux2` in the Load CLIP node "
               "(a Qwen3 file under another type gives a single-layer encoder of the wrong width); if `flux2` is not "
               f"in the list, update ComfyUI to {_klein_comfy()} or newer first")
    elif mf == "flux1" or ef == "flux2-dev" or mf == "flux2-dev":
        fix = ("The encoder and the model are from different FLUX families: Klein 4B needs qwen_3_4b.safetensors, "
               "Klein 9B qwen_3_8b, FLUX.2 [dev] its Mistral encoder, FLUX.1 T5-XXL + CLIP-L (DualCLIPLoader)")
    else:
        fix = ("Use the text encoder that belongs to the model: Klein 4B with qwen_3_4b.safetensors, Klein 9B "
               "with qwen_3_8b; CLIPLoader type `flux2`")
    title = "The text encoder does not fit the diffusion model"
    if enc and mod:
        title = f"Text encoder/model mismatch: {enc['label'].split(' (')[0]} with {mod['label']}"
    out = {"title": title, "cause": cause, "fix": fix, "details": d}
    if ef and ef.startswith("wrong-type") and "zimagetemodel" in (_near(ctx).get("te_model") or "").lower():
        # The log shows ComfyUI building the Z-Image encoder from the Qwen3 file: klein.zimage-te is the cause and
        # this mismatch its symptom, so it is listed after that match (wherever the user pasted the error).
        d["encoder_built"] = "ZImageTEModel_"
        out["_after"] = "klein.zimage-te"
    return out


def _image_input(g: dict[str, str], cat: Catalog, ctx: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """`mat1 and mat2 shapes cannot be multiplied (M x K1 and K2 x N)` at a FLUX model's image input: K2 x N is img_in
    (its input width and the model's hidden size), K1 the width of the latent it got, as is or packed 2x2. Claimed
    when that latent is another family's; the model's own latent in another layout is the calling node's bug."""
    k1, k2, n = _int(g.get("k1")), _int(g.get("k2")), _int(g.get("n"))
    if k1 is None or k2 is None or n is None:
        return None
    row = _row(cat.tables.get("image_input") or [], "width", k2)
    if row is None or n not in [int(h) for h in row.get("hidden") or []]:
        return None  # not a FLUX image input: a text input (klein.te-mismatch) or another model's layer
    latents = cat.tables["latent_channels"]
    got = None
    for div in row.get("divisors") or [1]:
        if k1 % int(div) == 0:
            got = _row(latents, "channels", k1 // int(div))
            if got:
                break
    if got is None or got.get("family") == row.get("family"):
        return None  # no latent family's width, or the model's own latent unpacked: a node's layout bug
    mf, gf = row.get("family"), got.get("family")
    if mf == "flux1" and k1 == 128:
        # 128 at FLUX.1's 64-wide img_in is a 32-channel latent packed 2x2: FLUX.1 Tools' conditioned input (16 latent +
        # 16 control channels, what Depth/Canny models' 128-wide img_in takes) given to a plain FLUX.1 model. A FLUX.2
        # latent as ComfyUI makes it (128 channels) reaches FLUX.1's img_in packed, as 512 (claimed above).
        return None
    if mf == "flux2" and gf == "flux1" and k1 == 64 and n == 3072 and _comfy_node_run(_near(ctx or {})):
        # 64 at a 128-wide img_in of hidden size 3072 inside a ComfyUI run: ComfyUI feeds FLUX.2 its 128-channel latent
        # unpacked (a FLUX.1 latent reaches Klein as 16, claimed above), while FLUX.1 models pack 2x2; so this is a
        # FLUX.1 model whose img_in takes 32 channels packed (FLUX.1 Tools' Depth/Canny models, or the control LoRA
        # that widens img_in to 128) given a plain 16-channel latent without its control image: another family's tool.
        return None
    d = {"model_input": row["label"], "model_input_width": k2, "got_width": k1, "got": got["label"], "tokens": _int(g.get("m"))}
    cause = (f"The diffusion model's image input expects {k2}-wide patches ({row['label']}) and got {k1}-wide ones: the "
             f"latent is {got['label']}. The VAE (VAEEncode) or the empty-latent node belongs to another model family "
             "than the diffusion model.")
    if mf == "flux1" and gf == "flux2":
        title = "A FLUX.1 model got a FLUX.2 latent (the FLUX.2 VAE or EmptyFlux2LatentImage with a FLUX.1 model)"
        fix = ("With a FLUX.1 model use FLUX.1's VAE (ae.safetensors) and EmptySD3LatentImage/EmptyLatentImage; "
               "flux2-vae.safetensors and EmptyFlux2LatentImage belong to FLUX.2 [klein]. A frontend that picks the VAE "
               "by file name (Krita AI Diffusion) may take flux2-vae for a FLUX.1 checkpoint: select the VAE explicitly "
               "or keep FLUX.1's under a name that sorts first")
    elif mf == "flux2":
        title = "A FLUX.2 [klein] model got a latent of another family"
        fix = ("Encode and create latents for Klein with FLUX.2's parts: VAELoader with flux2-vae.safetensors for "
               "VAEEncode, and EmptyFlux2LatentImage (not EmptyLatentImage or EmptySD3LatentImage)")
    else:
        title = "The diffusion model got a latent of another family"
        fix = "Use the VAE and empty-latent node of the diffusion model's own family"
    return {"title": title, "cause": cause, "fix": fix, "details": d}


_FLUX2_VAE_FILE = re.compile(r"flux[-_.]?2[-_.]?vae|full_encoder_small_decoder", re.I)
_FLUX1_VAE_FILE = re.compile(r"^flux[-_.]?1", re.I)
_SD_VAE_FILE = re.compile(r"^(?:sd[-_.]?xl|vae-ft-)", re.I)
_VIDEO_VAE_FILE = re.compile(r"^(?:wan|qwen[-_.]?image|hunyuan)", re.I)


def _loaded_vae(g: dict[str, str]) -> dict[str, Any] | None:
    """A frontend's model-loading line (Forge / Forge Neo) that names the checkpoint and the VAE module it was given:
    claimed when the VAE is of another family than the checkpoint, before any shape error is printed. FLUX.1 and
    FLUX.2 VAEs are both published as ae.safetensors, so that name is claimed, hedged, beside a Klein checkpoint only."""
    model = re.split(r"[\\/]+", g.get("vae_model") or "")[-1]
    vae = g.get("vae_file") or ""
    low = model.lower()
    if "klein" in low:
        mfam = "klein"
    elif re.search(r"flux[-_. ]?\.?2", low):
        mfam = "flux2"
    elif re.search(r"flux[-_. ]?1|flux[-_.]?(?:dev|schnell|krea)", low):
        mfam = "flux1"
    else:
        return None  # another family's checkpoint: its own VAE question
    if _FLUX2_VAE_FILE.search(vae):
        vfam = "flux2"
    elif vae.lower().startswith("ae."):
        vfam = "ae"
    elif _FLUX1_VAE_FILE.search(vae):
        vfam = "flux1"
    elif _SD_VAE_FILE.search(vae):
        vfam = "sd"
    elif _VIDEO_VAE_FILE.search(vae):
        vfam = "video"
    else:
        return None
    d = {"checkpoint": model, "vae": vae}
    flux2_vae = ("flux2-vae.safetensors (https://huggingface.co/Comfy-Org/flux2-klein/resolve/main/split_files/vae/"
                 "flux2-vae.safetensors, 336 MB)")
    if mfam == "flux1":
        if vfam != "flux2":
            return None
        return {"title": f"A FLUX.1 checkpoint ({model}) was loaded with the FLUX.2 VAE ({vae})",
                "cause": ("The frontend was given the FLUX.2 VAE (32 latent channels) for a FLUX.1 model, whose latents "
                          "have 16: loading or decoding fails with a shape mismatch, or the image comes out as noise."),
                "fix": ("Select FLUX.1's VAE (ae.safetensors from FLUX.1 [dev] or [schnell]) for FLUX.1 checkpoints; "
                        "flux2-vae.safetensors belongs to FLUX.2 [klein] and FLUX.2 [dev]"),
                "details": d}
    if vfam == "flux2" or (vfam == "ae" and mfam != "klein"):
        return None  # the right VAE, or FLUX.2 [dev]'s own ae.safetensors
    if vfam == "ae":
        title = f"A Klein checkpoint ({model}) was loaded with ae.safetensors as its VAE: in most setups that is FLUX.1's VAE"
        cause = ("Klein decodes with the FLUX.2 VAE (32 latent channels). ae.safetensors is the file name of FLUX.1's VAE "
                 "(16 channels), the one most FLUX.1 setups keep in models/VAE; BFL's FLUX.2 [dev] repository also names "
                 "its VAE ae.safetensors, so only the file's header tells. With FLUX.1's VAE the model fails to load or "
                 "to decode (a shape mismatch: 16 against 32 channels) or the image is noise.")
        fix = (f"Select the FLUX.2 VAE for Klein instead of ae.safetensors: {flux2_vae} in the VAE / Text Encoder "
               "list (Forge Neo: put it in models/VAE). To see which VAE an ae.safetensors is, run in the folder above "
               "models (with the Python that runs the frontend): `python -c \"from "
               "safetensors import safe_open; print(safe_open(r'models\\VAE\\ae.safetensors', 'pt')."
               "get_slice('decoder.conv_in.weight').get_shape())\"` prints [512, 16, 3, 3] for FLUX.1's VAE and "
               "[512, 32, 3, 3] for FLUX.2's")
    else:
        what = {"flux1": "FLUX.1's VAE (16 latent channels)", "sd": "an SD1.5/SDXL VAE (4 latent channels)",
                "video": "a video model's VAE (Wan / Qwen-Image / HunyuanVideo, a 3-D VAE)"}[vfam]
        title = f"A {'Klein' if mfam == 'klein' else 'FLUX.2'} checkpoint ({model}) was loaded with another family's VAE ({vae})"
        cause = (f"{vae} is {what}; FLUX.2 [klein] and FLUX.2 [dev] decode with the FLUX.2 VAE (32 latent channels). "
                 "Loading or decoding fails with a shape mismatch, or the image comes out as noise.")
        fix = f"Select the FLUX.2 VAE instead: {flux2_vae} in the VAE / Text Encoder list (Forge Neo: models/VAE)"
    return {"title": title, "cause": cause, "fix": fix, "details": d}


def _reference_latent(g: dict[str, str]) -> dict[str, Any]:
    """`Sizes of tensors must match except in dimension 1. Expected size 128 but got size 16` beside ComfyUI or FLUX
    words: ComfyUI's flux model joins the reference latents (ReferenceLatent, an edit workflow's `kontext`) to the image
    tokens along the sequence; a FLUX.2 model's tokens are 128 wide and a 16-channel VAE's latent 16 wide. Only the
    ComfyUI name in the paste (no FLUX word) is worded as the likely reading, since another model's concatenation can
    print the same numbers."""
    near = (g.get("refctx") or g.get("refctx2") or "").lower()
    sure = bool(re.search(r"flux|kontext|klein|ref_latents", near))
    d = {"expected_width": 128, "got_width": 16, "flux_named": sure}
    lead = "" if sure else "Most likely (ComfyUI, FLUX.2): "
    return {
        "title": (f"{lead}A FLUX.2 [klein] / FLUX.2 edit got a reference latent of another family: 16 channels (a "
                  "FLUX.1 / SD3 / Qwen-Image VAE) beside FLUX.2's 128"),
        "cause": ("In an edit workflow the reference image is encoded by VAEEncode and joined to the image being generated "
                  "(ReferenceLatent; ComfyUI's flux model concatenates them: `torch.cat([img, kontext], dim=1)`). A "
                  "FLUX.2 model's latent tokens are 128 wide (32 VAE channels x 2x2); a reference encoded by a "
                  "16-channel VAE (FLUX.1's ae.safetensors, an SD3, Qwen-Image or Wan VAE) is 16 wide, so the sampler "
                  "stops at the first step. The text-to-image part of the same workflow can still work, because only the "
                  "reference passes through that VAE."),
        "fix": ("Encode the reference with the FLUX.2 VAE: the VAE input of the VAEEncode node that feeds ReferenceLatent "
                "must come from a Load VAE (VAELoader) set to flux2-vae.safetensors (ComfyUI/models/vae; the Klein "
                "templates' file), not FLUX.1's ae.safetensors or a Qwen-Image / Wan VAE; use the same VAE for VAE Decode"),
        "details": d}


@_interp("channels")
def _channels(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if g.get("vae_file"):
        return _loaded_vae(g)
    if g.get("k1") or g.get("k2"):
        return _image_input(g, cat, ctx)
    if g.get("tokw") or g.get("tokw2"):
        return _reference_latent(g)
    want, got = _int(g.get("want")), _int(g.get("got"))
    if want is None or got is None:
        return None
    table = cat.tables["latent_channels"]
    w, r = _row(table, "channels", want), _row(table, "channels", got)
    wf, rf = (w or {}).get("family"), (r or {}).get("family")
    if "flux2" not in (wf, rf):
        return None  # no FLUX.2 part involved: another model family's VAE/latent mix-up
    if r is None:
        return None  # the input's channel count is no latent's (a packed or sequence-shaped tensor): the calling node's bug
    d = {"expected_channels": want, "got_channels": got, "expected": w["label"] if w else None,
         "got": r["label"] if r else None}
    cause = (f"A layer built for {want} channels ({w['label'] if w else 'unknown family'}) got {got} "
             f"({r['label'] if r else 'unknown family'}).")
    if wf == "flux1" and rf == "flux2":
        fix = ("The VAE is a FLUX.1/SD3 VAE (16 latent channels; FLUX.1's ae.safetensors looks like FLUX.2's by "
               "name and size): load the FLUX.2 VAE flux2-vae.safetensors in the VAELoader")
        title = "A FLUX.1 VAE is decoding a FLUX.2 latent"
    elif wf == "flux2" and rf in ("flux1", "sd"):
        fix = ("The latent comes from another family: use EmptyFlux2LatentImage (not EmptyLatentImage or "
               "EmptySD3LatentImage) and the Klein model with the FLUX.2 VAE")
        title = "A FLUX.2 VAE or model got a latent of another family"
    elif wf == "sd":
        fix = "The VAE is an SD1.5/SDXL VAE (or a 4-channel preview decoder): load flux2-vae.safetensors for Klein"
        title = "A 4-channel SD1.5/SDXL VAE is decoding a FLUX.2 latent"
    else:
        fix = "Load flux2-vae.safetensors in the VAELoader and use EmptyFlux2LatentImage"
        title = "The VAE does not fit the latent"
    return {"title": title, "cause": cause, "fix": fix, "details": d}


_UNIT = {"bytes": 1, "KiB": 1024, "MiB": 1024 ** 2, "GiB": 1024 ** 3, "KB": 1000, "MB": 1000 ** 2, "GB": 1000 ** 3}


def vram_paths(total_bytes: float) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows = _manifest_part("requirements", "vram", [])
    fits = [r for r in rows if total_bytes >= r["need_gb"] * 1e9]
    return fits, [r for r in rows if r not in fits]


def _amount(g: dict[str, str], name: str) -> tuple[float, str] | None:
    """A number from the message with its unit exactly as written (GiB stays GiB)."""
    v = _num(g.get(name))
    unit = g.get(f"{name}_unit") or "GiB"
    if v is None:
        return None
    unit = {"kib": "KiB", "mib": "MiB", "gib": "GiB", "bytes": "bytes"}.get(unit.lower(), unit)
    return v, unit


def _in_bytes(amount: tuple[float, str]) -> float:
    """An _amount in bytes (an unknown unit counts as bytes)."""
    return amount[0] * _UNIT.get(amount[1], 1)


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


# facts that the paste comes from an image-generation program of the Klein stack (ComfyUI's run and load lines, its
# folders, a diffusers pipeline, an SD web UI): an out-of-memory there is the stack's own
_IMAGE_PROGRAM_SIGNS = ("node_type", "node_exec", "sampler_node", "comfy_run", "comfy_load", "comfy_place", "vram_mb",
                        "comfyui_version", "pipeline_frame", "diffusers_named", "sd_ui_fork")


@_interp("oom")
def _oom(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if _other_gpu(ctx):
        return None  # ROCm's HIP allocator raises the same torch.OutOfMemoryError: not an NVIDIA setup
    if _off_nvidia(ctx):
        # a Mac (ComfyUI's `Device: mps`, the MPS allocator's `MPS backend out of memory`), a RISC-V host or another
        # vendor's accelerator near the hit: torch raises the same OutOfMemoryError there, and no CUDA fix applies
        return None
    if _fact(ctx, "ggml_cuda") and not g.get("other_app"):
        # ggml's own CUDA backend (llama.cpp, Ollama's llama runner, stable-diffusion.cpp: `ggml_backend_cuda_buffer_type_alloc_buffer:
        # ... cudaMalloc failed: out of memory`) sized and split the model itself: the CUDA runtime's words come from its
        # buffers, not torch's, and only that program's own settings (layers on the GPU, context size, its split) change them
        return None
    if _fact(ctx, "sglang_server") or _fact(ctx, "vllm_omni_server"):
        # sglang's serving engine (its CLI or its multimodal_gen package in the paste) and vLLM-Omni's (its vllm_omni
        # package, `vllm serve ... --omni`) size, offload and pool the memory themselves (mem-fraction-static, their own
        # layerwise / text-encoder offload, their tensor-parallel plan): an out-of-memory there is the engine's own
        # loader's or its flags' doing, fixed in that engine, not by the Klein stack's offload or a smaller file
        return None
    if _fact(ctx, "llm_server") and not g.get("other_app") and not any(_fact(ctx, k) for k in _IMAGE_PROGRAM_SIGNS):
        # an LLM server named in the paste (vLLM's `from vllm import LLM`, `vllm.entrypoints...api_server`, SGLang) and no
        # image program (no ComfyUI node or log line, no diffusers pipeline): the server pre-allocates its share of the
        # GPU for weights and KV cache (gpu_memory_utilization, mem-fraction-static), so its out-of-memory is answered
        # by its own flags (a lower utilization, a shorter max-model-len, a quantized model), not by the Klein stack's
        return None
    if _fact(ctx, "ai_toolkit_quantize"):
        # raised inside ai-toolkit's block-by-block quantization (toolkit/util/quantize.py quantize_model): the trainer's
        # own copies of each block back to the CPU piled up (fixed upstream in 933ca1c); updating ai-toolkit, not the
        # Klein stack's offload, is the answer
        return None
    near = _near(ctx)
    if near.get("preview_fallback") and not (near.get("node_exec") or near.get("node_type")):
        # a live previewer's own line says its preview decode failed and it fell back (KJNodes' Preview Override:
        # `tiny VAE decode failed, falling back:` over the allocator's message): the previewer caught the OOM of its
        # own decode and the sampling goes on with Latent2RGB previews; no node failed, so this is not a run that
        # did not fit (ComfyUI's `!!! Exception during processing !!!` or error report beside it still claims)
        return None
    if "generic" in g and _fact(ctx, "pin_unsupported"):
        # round 449: a loader's own warning that the platform refused to pin its host memory (nunchaku's
        # `Unable to pin memory: operation not supported`, under WSL 2 or Windows 10) before the runtime's bare
        # out-of-memory: that loader's fallback for host memory failed (its own load method, NUNCHAKU_LOAD_METHOD),
        # not the card's VRAM, and not the Klein stack's loader
        return None
    if "generic" in g and near.get("gguf_mmap"):
        # The CUDA runtime's own `CUDA error: out of memory` (not the caching allocator's report) right where
        # ComfyUI-GGUF releases its mmap: it copies every mmap-backed weight to the GPU and back to the offload
        # device, whose host memory ComfyUI pins; the failing allocation is that host-side copy (ComfyUI's pinned
        # memory with GGUF models), not the card's VRAM: turning pinned memory off is what helped those users.
        return {"as": "comfyui.pinned-memory"}  # its interpreter words it
    if "generic" in g and near.get("comfy_cast_copy") and not _off_nvidia(ctx):
        # The same runtime wording at ComfyUI's cast_to copy of a weight to the GPU (`r.copy_(..., non_blocking=...)`)
        # from the host memory ComfyUI pins: the pinned host copy ran out (pinned memory counted against Windows'
        # shared GPU memory, PR #13221), not the caching allocator's VRAM (that one says `Tried to allocate`)
        return {"as": "comfyui.pinned-memory"}
    alloc0, free0 = _amount(g, "alloc"), _amount(g, "free")
    if alloc0 and free0 and _fact(ctx, "ram_full_said") and _fact(ctx, "windows_os"):
        if _in_bytes(free0) >= max(1024 ** 3, 4 * _in_bytes(alloc0)):
            # torch says most of the card is free (`Tried to allocate 212.00 MiB ... of which 4.57 GiB is free`) and the
            # writer says the system RAM is full: on Windows every CUDA allocation also needs room in the commit limit
            # (RAM plus the page file), so the request fails for system memory, not VRAM (FramePack#168: fixed by
            # letting Windows manage the page file)
            return {"as": "ram.oom",
                    "cause": ("torch's CUDA allocator failed to get " + f"{g['alloc']} {alloc0[1]}" + " although "
                              + f"{g['free']} {free0[1]}" + " of the card were free, while the system RAM was full: "
                              "on Windows the driver backs GPU allocations with system commit (RAM plus the paging "
                              "file), so a full RAM with a small or disabled paging file fails them too. "
                              + cat.by_id("ram.oom").cause),  # type: ignore[union-attr]
                    "details": {"tried_to_allocate": f"{g['alloc']} {alloc0[1]}", "free": f"{g['free']} {free0[1]}",
                                "told": _fact(ctx, "ram_full_said")[:80]}}
    if g.get("lowres"):
        # the split attention's own check before it allocates (ComfyUI's attention_split, AUTOMATIC1111's and Forge's
        # copies): the attention matrix of this resolution needs more free VRAM than the card has even in 64 slices
        res = g.get("maxres") or ""
        return {"title": ("Not enough free VRAM for this resolution: the split attention stops before allocating"
                          + (f" (it estimates about {res}x{res} fits)" if res else "")),
                "fix": ("Generate at a lower resolution" + (f" (at most about {res}x{res} here)" if res else "")
                        + ", or free VRAM for the full size: " + _lower_first(cat.by_id("cuda.oom").fix)  # type: ignore[union-attr]
                        + "; in ComfyUI drop `--use-split-cross-attention` so it uses PyTorch attention (SDPA), which "
                          "needs far less memory for the same image"),
                "details": {"stage": "split attention (before allocating)"}}
    if g.get("split_attn"):
        # ComfyUI's split attention (the model's attention_split, the VAE's slice_attention; Forge's copy of it) caught
        # torch's out-of-memory, emptied the cache and retries in more slices: it goes on (slowly) and only raises
        # torch.OutOfMemoryError after 64 slices; the line once per attention call means the card is full at each step
        return {"title": "The GPU ran out of memory in ComfyUI's split attention (it empties the cache and retries in "
                         "smaller slices)",
                "severity": "warn",
                "cause": ("ComfyUI's split attention (the sliced attention of the diffusion model, used with "
                          "`--use-split-cross-attention` or when PyTorch attention is not available, and the VAE's "
                          "split attention) caught a CUDA out-of-memory error, emptied the cache and tried again with "
                          "the work cut into more slices (`increasing steps and trying again N`, up to 64, then it "
                          "stops with torch.OutOfMemoryError). The line on every step means the model and its "
                          "activations do not fit in the free VRAM: each step runs out first and is redone in pieces, "
                          "which is very slow. " + cat.by_id("cuda.oom").cause),  # type: ignore[union-attr]
                "fix": ("Free VRAM so the step fits in one piece: " + _lower_first(cat.by_id("cuda.oom").fix)  # type: ignore[union-attr]
                        + "; start ComfyUI without `--use-split-cross-attention` so it uses PyTorch attention (SDPA), "
                          "and decode with VAE Decode (Tiled) if the line comes at the decode"),
                "details": {"stage": "split attention retry"}}
    if (g.get("cublas") or "").upper() == "CUBLAS_STATUS_NOT_INITIALIZED":
        # cuBLAS's handle cannot be created: usually no VRAM left for its workspace; an earlier kernel that failed
        # silently (CUDA reports late: an index past an embedding table) surfaces at the same first matmul
        return {"title": "cuBLAS could not start on the GPU: most often the GPU is out of memory",
                "cause": ("torch creates its cuBLAS handle at the first matrix multiply on a GPU, and that fails with "
                          "CUBLAS_STATUS_NOT_INITIALIZED when cuBLAS cannot get its workspace: most often the VRAM is "
                          "already full (other programs, a second model still loaded, a model too big for the card). A "
                          "kernel that failed earlier without a message (CUDA reports errors late; for example a token or "
                          "label index past the end of an embedding table) surfaces at the same call."),
                "fix": ("Check the free VRAM with `nvidia-smi` and close other GPU programs; ComfyUI: the FP8 Klein file and "
                        "`--lowvram`; diffusers: `pipe.enable_model_cpu_offload()`. If VRAM is free, rerun with "
                        "`CUDA_LAUNCH_BLOCKING=1` to see the call that really failed"),
                "details": {"cublas": "CUBLAS_STATUS_NOT_INITIALIZED"}}
    if g.get("other_app"):
        if _off_nvidia(ctx):
            return None  # a Mac's unified memory or an AMD / Intel card: no CUDA VRAM to free this way
        # the user's own words: an image model run beside a local LLM server (Ollama, LM Studio) runs out of memory;
        # that server keeps its model in VRAM for minutes after each answer (Ollama: keep_alive, 5 minutes by default)
        app = "LM Studio" if "studio" in g["other_app"].lower() else "Ollama"
        return {"title": f"The GPU ran out of memory while {app} holds a language model in VRAM beside the image model",
                "cause": (f"{app} keeps the language model it last ran loaded in VRAM (Ollama for 5 minutes after each "
                          "request by default, or for good with keep_alive -1), so the image model, its text encoder and "
                          "the activations no longer fit in what is left. " + cat.by_id("cuda.oom").cause),  # type: ignore[union-attr]
                "fix": (("Let Ollama unload its model right after each answer: set keep_alive to 0 in the Ollama node (or "
                         "in the request: `\"keep_alive\": 0`), or for every model `OLLAMA_KEEP_ALIVE=0` in Ollama's "
                         "environment (Windows: `setx OLLAMA_KEEP_ALIVE 0`, then restart Ollama; Linux service: "
                         "`sudo systemctl edit ollama` with `Environment=\"OLLAMA_KEEP_ALIVE=0\"`); unload one now with "
                         "`ollama stop MODEL` and check with `ollama ps` and `nvidia-smi`" if app == "Ollama" else
                         "Eject the model in LM Studio (or turn on its auto-unload / JIT model TTL) before generating, and "
                         "check the free VRAM with `nvidia-smi`")
                        + "; if it still fails: " + cat.by_id("cuda.oom").fix),  # type: ignore[union-attr]
                "details": {"other_program": app}}
    if (g.get("vae_decode") or (g.get("told") and g.get("prosegb")) or g.get("offload_oom") or g.get("sampler_said")) and any(
            _fact(ctx, k) for k in ("other_framework", "ggml_cuda", "foreign_cuda_build", "llm_server")):
        # a user's own words (`24GB will OOM`, `OOM at the VAE decode`) beside llama.cpp, Ollama, TensorFlow, vLLM or
        # another program's own CUDA build: that program's memory, not the Klein stack's
        return None
    if (g.get("sampler_said") or g.get("offload_said")) and not any(
            _fact(ctx, k) for k in _IMAGE_PROGRAM_SIGNS if k != "comfy_run") and re.fullmatch(
            r"(?:k ?)?sampler\w*|", _fact(ctx, "comfy_run").lower()):
        # a user's own words (`got sampler OOM`, `OOM ... even with cpu offload`) with no ComfyUI or diffusers run in the
        # paste (the word sampler alone is not ComfyUI named): whose sampler or offload it was is not said
        return None
    if g.get("offload_said") and not any(_fact(ctx, k) for k in ("diffusers_named", "pipeline_frame")):
        # `even with cpu offload` said of a ComfyUI run (a node pack's own offload, nunchaku's `enabling CPU offload`):
        # not diffusers' model offload, so the plain out-of-memory answer
        g = {k: v for k, v in g.items() if k not in ("offload_oom", "offload_said")}
    if g.get("offload_oom"):
        # diffusers' model CPU offload (enable_model_cpu_offload(), a script's --enable-model-cpu-offload, accelerate's
        # pre_forward hook moving a component with module.to(self.execution_device)) still puts one whole model on the
        # GPU at a time: the transformer alone (FLUX.1 / Fill / Kontext 12B, FLUX.2 dev, Qwen-Image 20B in bf16) must fit
        return {"title": "The GPU ran out of memory with model CPU offload on: it still loads each whole model (the "
                         "transformer) onto the GPU",
                "cause": ("diffusers' `enable_model_cpu_offload()` keeps the components in RAM and moves one whole model at a "
                          "time to the GPU when it runs (accelerate's hook: `module.to(self.execution_device)`), so the "
                          "largest one, the diffusion transformer, must fit in VRAM by itself with its activations; a 12B "
                          "FLUX.1 (Fill, Kontext) transformer is about 24 GB in bf16 and fills a 24 GB card. Reference "
                          "images and a larger resolution add activations on top. " + cat.by_id("cuda.oom").cause),  # type: ignore[union-attr]
                "fix": ("Offload layer by layer instead: `pipe.enable_sequential_cpu_offload()` in place of "
                        "`pipe.enable_model_cpu_offload()` (slower; do not also call `pipe.to(\"cuda\")`), or load a "
                        "quantized transformer (8-bit / NF4 with bitsandbytes, or a GGUF file with `from_single_file(..., "
                        "quantization_config=GGUFQuantizationConfig(compute_dtype=torch.bfloat16))`) and keep model offload; "
                        "for FLUX.2 edits the Klein 4B pipeline fits a 16 GB card. Edit at 1024x1024 with fewer reference "
                        "images"),
                "details": {"offload": "model (enable_model_cpu_offload)"}}
    if g.get("vae_decode"):
        # the user's words put the out-of-memory at the VAE decode (`OOM Error During VAE Decoding`, `got OOM at the VAE
        # decode stage`): the sampling fitted, the decode of the whole image in one piece did not
        return {"title": "The GPU ran out of memory in the VAE decode (the image decoded in one piece)",
                "cause": ("Sampling finished, then the VAE decoded the whole latent into the full-size image at once; that "
                          "step's activations grow with the image's pixel count (and frames, for video) and need several GB "
                          "on top of the models still in VRAM. " + cat.by_id("cuda.oom").cause),  # type: ignore[union-attr]
                "fix": ("Decode in tiles: in ComfyUI use VAE Decode (Tiled) instead of VAE Decode (tile_size 512, lower it "
                        "if it still fails); in diffusers call `pipe.vae.enable_tiling()` before generating; or generate at "
                        "1024x1024 and upscale afterwards. Then, if it still runs out: "
                        + _lower_first(cat.by_id("cuda.oom").fix)),  # type: ignore[union-attr]
                "details": {"stage": "VAE decode"}}
    # the CUDA runtime's own wording inside a ComfyUI node run (not the caching allocator's `Tried to allocate`):
    # ComfyUI pins host memory by default since November 2025, and a failing pinned copy ends in these same words
    pin = ("; if `nvidia-smi` showed VRAM free when it failed, start ComfyUI with `--disable-pinned-memory` "
           "(its pinned host memory, on by default since November 2025, fails with these same words)"
           if "generic" in g and _comfy_node_run(near) else "")
    d: dict[str, Any] = {}
    alloc = _amount(g, "alloc")
    if alloc:
        d["tried_to_allocate"] = f"{g['alloc']} {alloc[1]}"
        d["tried_to_allocate_bytes"] = int(_in_bytes(alloc))
    free = _amount(g, "free")
    if free:
        d["free"] = f"{g['free']} {free[1]}"
        d["free_bytes"] = int(_in_bytes(free))
    total_b, said, src = None, None, None
    vram_gb = _num(ctx.get("vram_gb"))
    tot = _amount(g, "total") or (_amount({"total": g.get("total2", ""), "total_unit": g.get("total2_unit", "")}, "total")
                                  if g.get("total2") else None)
    said_t = f"{g.get('total') or g.get('total2')} {tot[1]}" if tot else ""
    if alloc and tot and d["tried_to_allocate_bytes"] > _in_bytes(tot):
        # One request larger than the whole card (`Tried to allocate 74.16 GiB. GPU 0 has a total capacity of 47.51 GiB`):
        # nothing else on the GPU, no offload and no smaller weights file can make room for it; it is one activation of the
        # job itself (an attention score matrix computed without a memory-efficient kernel, a profiling batch, a decode of
        # a huge image in one piece). Outside an image-model program of the stack (ComfyUI, diffusers, an SD web UI) that is
        # the program's own computation (an LLM server's profiling run, a research repo's attention fallback): not claimed
        if not any(_fact(ctx, k) for k in _IMAGE_PROGRAM_SIGNS):
            return None
        said_a = d["tried_to_allocate"]
        d.update({"total_capacity": said_t, "request_exceeds_card": True})
        return {"title": f"One request alone ({said_a}) is larger than the whole GPU ({said_t})",
                "cause": (f"torch was asked for {said_a} in a single allocation on a card with {said_t} in all, so no amount "
                          "of free VRAM could hold it: closing programs, offloading weights or a smaller model file does not "
                          "help. A request that size is one activation of the job: an image or video too large for one pass "
                          "(resolution, batch, frames), a VAE decode of the whole image at once, or attention computed "
                          "without a memory-efficient kernel (the full score matrix)."),
                "fix": ("Make the step smaller: generate at 1024x1024 with batch 1 (Klein's native size) and upscale "
                        "afterwards; in ComfyUI decode with VAE Decode (Tiled); in diffusers call `pipe.vae.enable_tiling()`; "
                        "keep attention on PyTorch's SDPA (torch 2.x, the default) rather than a plain attention fallback. "
                        "Then, if it still runs out: " + _lower_first(cat.by_id("cuda.oom").fix)),  # type: ignore[union-attr]
                "details": d}
    if vram_gb:
        total_b, said, src = vram_gb * 1e9, f"{ctx['vram_gb']:g} GB" if isinstance(ctx["vram_gb"], (int, float)) else f"{ctx['vram_gb']} GB", "--vram"
    elif tot:
        total_b, said, src = _in_bytes(tot), said_t, "the error message"
    elif _num(ctx.get("vram_mb")):
        total_b, said, src = float(ctx["vram_mb"]) * 1024 ** 2, f"{ctx['vram_mb']} MB", "the log's 'Total VRAM' line"
    elif _num(g.get("prosegb")):  # the user's own words: `24 GB VRAM won't be enough`
        total_b, said, src = float(g["prosegb"]) * 1e9, f"{g['prosegb']} GB", "the report"
    seen = ", ".join(x for x in (f"tried to allocate {d['tried_to_allocate']}" if alloc else "",
                                 f"{d['free']} free" if free else "") if x)
    if total_b is None:
        return {"details": d, "fix": (cat.by_id("cuda.oom").fix + ". Pass `--vram GB` to hear which Klein path "  # type: ignore[union-attr]
                                      "fits your card, or run `klein-doctor check --check gpu.vram`" + pin)}
    d["vram_bytes"], d["vram"], d["vram_from"] = int(total_b), said, src
    fits, too_big = vram_paths(total_b)
    d["paths_that_fit"] = [r["label"] for r in fits]
    cause = (f"The GPU has {said} (from {src})" + (f"; the failing request: {seen}" if seen else "") + ". "
             + cat.by_id("cuda.oom").cause)  # type: ignore[union-attr]
    if not fits:
        smallest = min(too_big, key=lambda r: r["need_gb"]) if too_big else None
        fix = (f"{said} of VRAM is below every Klein 4B path"
               + (f" (smallest: {smallest['label']}, ~{smallest['need_gb']:g} GB)" if smallest else "")
               + ": use the FP8 file in ComfyUI with `--lowvram` (slow, offloads to RAM), or a GPU with 12 GB or more")
    else:
        best = max(fits, key=lambda r: r["need_gb"])
        fix = (f"With {said} of VRAM these paths fit: " + "; ".join(f"{r['label']} (~{r['need_gb']:g} GB)" for r in fits)
               + (". These do not: " + "; ".join(f"{r['label']} (~{r['need_gb']:g} GB)" for r in too_big) if too_big else "")
               + f". Run {best['label']} or a smaller path with nothing else on the GPU (close other programs; "
               "ComfyUI: FP8 file, `--lowvram` if it still fails; diffusers: `pipe.enable_model_cpu_offload()`), "
               "at 1024x1024 and batch 1")
    return {"details": d, "fix": fix + pin, "cause": cause}


@_interp("memory_fraction")
def _memory_fraction(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The per-process cap of torch's allocator, quoted as the message has it; not on an AMD or Intel setup."""
    if _other_gpu(ctx):
        return None
    cap = _amount(g, "allowed") or _amount(g, "limit")
    if cap is None:
        return None
    said = f"{g.get('allowed') or g.get('limit')} {cap[1]}"
    return {"title": f"PyTorch may use only {said} of this GPU (a per-process memory fraction is set), and that cap ran out",
            "details": {"cap": said, "cap_bytes": int(_in_bytes(cap))}}


_PARA_SM_TORCH = ("torch_named", "torch_path", "torch_cuda_build", "torch_version", "torch_nightly", "torch_cpu_wheel")
_PARA_SM_FOREIGN = ("attn_pkg", "other_framework", "foreign_cuda_build", "llm_engine", "ggml_cuda", "sage_kernel",
                    "other_kernel_lib", "custom_kernel")


def _para_sm_foreign(ctx: dict[str, Any]) -> bool:
    """A user's words about a missing sm_120 build may be about another build than torch's: an attention package,
    Triton-based kernel library, LLM engine or other framework named in the paste, or an AMD / Intel / Mac setup."""
    return _off_nvidia(ctx) or any(_fact(ctx, k) for k in _PARA_SM_FOREIGN)


def _para_sm_is_torch(ctx: dict[str, Any]) -> bool:
    """A user's paraphrase of torch's capability warning (`"sm_120 is not supported"`) is torch's only where the paste
    names PyTorch (a version, a +cu tag, a torch path, `PyTorch (nightly ...)`) and nothing ``_para_sm_foreign``."""
    return not _para_sm_foreign(ctx) and any(_fact(ctx, k) for k in _PARA_SM_TORCH)


@_interp("sm")
def _sm(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if g.get("para") and not _para_sm_is_torch(ctx):
        return None  # `sm_120 is not supported` in a user's words: torch's warning only where the paste is torch's
    if g.get("para_pt") and _para_sm_foreign(ctx):
        return None  # `PyTorch ... SM_120 error` names PyTorch itself; still not beside an attention package or framework
    if g.get("para_inst") and _para_sm_foreign(ctx):
        return None  # `PyTorch ... sm_120 is not supported by the current installation` (the warning retold): same gate
    if g.get("cu_said") and (_off_nvidia(ctx) or any(_fact(ctx, k) for k in (
            "other_framework", "llm_engine", "ggml_cuda", "foreign_cuda_build"))):
        return None  # `pytorch 2.7.0+cu126 ... incompatible with ... CUDA capability sm_120`: torch's own build named
    if g.get("rtx50cu") or g.get("rtx50_said") or g.get("rtx50_torch"):
        # the reporter's own words that an RTX 50 card needs a torch for CUDA 12.8 / 13 (`crashes with the new Nvidia
        # RTX 50XX Series ... it need to update torch to 12.8`; two patterns, one per wording family): torch's missing
        # sm_120 kernels, unless an attention package, kernel library, other framework or non-NVIDIA setup could be
        # the build meant. Round 408's wording names the build itself (`upgrade ... to Pytorch 2.7.0 with CUDA 12.8`,
        # `needing a CUDA 12.8 version of Pytorch`): an attention package mentioned beside it is not the build meant,
        # another framework, LLM engine or a non-NVIDIA setup still is
        if g.get("rtx50_torch"):
            if _off_nvidia(ctx) or any(_fact(ctx, k) for k in ("other_framework", "llm_engine", "ggml_cuda",
                                                                 "foreign_cuda_build")):
                return None
        elif _para_sm_foreign(ctx):
            return None
        said = {"torch_cuda_said": g["rtx50cu"]} if g.get("rtx50cu") else {}
        return {"title": "The RTX 50 (Blackwell, sm_120) needs a PyTorch built with CUDA 12.8 or newer, and this one is older",
                "cause": ("RTX 50 cards are compute capability 12.0 (sm_120). Only PyTorch builds for CUDA 12.8 and newer "
                          "(torch 2.7+ from the cu128 / cu130 index) carry sm_120 kernels; a cu126 or older build, which "
                          "launchers and portable packages installed before 2025, has none, so the UI crashes or stops at the "
                          "first CUDA work. " + cat.by_id("torch.sm-unsupported").cause),  # type: ignore[union-attr]
                "details": {"gpu": "RTX 50 series", "gpu_arch": "sm_120", **said}}
    sm = g.get("sm") or ("sm_" + g["arch"].replace(".", "") if g.get("arch") else "")  # `Unknown CUDA arch (8.6)`
    if not sm and g.get("cudas"):  # only the warning's last sentence: the CUDA lines whose builds carry this GPU
        cudas = [c.strip() for c in g["cudas"].split(",") if c.strip()]
        if _off_nvidia(ctx):
            return None
        cu = "cu" + cudas[0].replace(".", "")
        return {"title": "This PyTorch build has no kernels for your GPU: PyTorch asks for a build of CUDA " + " or ".join(cudas),
                "cause": ("PyTorch's capability check found a GPU this build has no kernels for, and names the CUDA lines "
                          f"whose builds carry it ({', '.join(cudas)}); the installed torch is from another line (e.g. a "
                          "cu126 build on an RTX 50 / sm_120). " + cat.by_id("torch.sm-unsupported").cause),  # type: ignore[union-attr]
                "fix": ("Reinstall torch from one of those indexes into the Python that runs Klein: `python -m pip install "
                        f"--force-reinstall torch torchvision --index-url https://download.pytorch.org/whl/{cu}` (cu130 "
                        "needs driver >= 580; an installer that picks the index: comfy-cli `comfy install --nvidia "
                        f"--cuda-version {cudas[-1]}`)"),
                "details": {"cuda_versions": cudas}}
    if not sm:  # handed over from a bare `no kernel image` whose paste says the torch build lacks the GPU's kernels
        old_gpu = _fact(ctx, "old_nvidia_gpu").strip()
        if old_gpu:
            family, arch = _old_gpu_arch(old_gpu)
            return {"fix": _old_gpu_fix(family), "details": {"gpu": old_gpu, "gpu_arch": arch, "family": family}}
        return {}
    archs = (g.get("archs") or "").split()
    d = {"gpu": (g.get("gpu") or "").strip(), "gpu_arch": sm, "torch_archs": archs}
    if g.get("cu_said"):
        d["torch_cuda_said"] = g["cu_said"]  # the user's +cuXXX tag: a build of CUDA 12.6 or older
    num = _int(sm[3:]) or 0
    cause = f"{d['gpu'] or 'The GPU'} is {sm}" + (f", but this PyTorch has kernels only for {' '.join(archs)}" if archs else
                                                     ", which this PyTorch build has no kernels for") + "."
    if num >= 100:
        fix = ("Install a PyTorch built with Blackwell kernels into the Python that runs Klein: "
               "`python -m pip install --force-reinstall torch torchvision --index-url https://download.pytorch.org/whl/cu128` "
               "(or cu130 with driver >= 580); cu126 builds never have sm_120")
    elif num and num < 50:  # Fermi/Kepler: older than the oldest architecture of any current build
        fix = ("No current PyTorch build has kernels for this GPU: cu126 builds start at sm_50 and cu128 builds at "
               "sm_70" + (f" (this torch's minimum is compute capability {g['min']})" if g.get("min") else "") +
               ". Run Klein on a newer NVIDIA GPU (check a card with `python -c \"import torch; "
               "print(torch.cuda.get_device_name(), torch.cuda.get_device_capability())\"`), or on the CPU, which is "
               "very slow")
    elif num and num < 75:
        fix = "Current PyTorch builds dropped this old architecture. " + _old_gpu_fix(
            "Maxwell" if num < 60 else "Pascal" if num < 70 else "Volta")
    else:
        fix = cat.by_id("torch.sm-unsupported").fix  # type: ignore[union-attr]
    return {"cause": cause + " " + cat.by_id("torch.sm-unsupported").cause, "fix": fix, "details": d}  # type: ignore[union-attr]


@_interp("arch_warning")
def _arch_warning(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """PyTorch's capability warning (`... cuda capability 12.1. Minimum and Maximum cuda capability supported by this
    version of PyTorch is (8.0) - (12.0)`): a GPU of the same major architecture as the build's newest runs its
    kernels (sm_120 kernels on a GB10's 12.1), so the warning is harmless; a newer major architecture or one older
    than the build's minimum has no kernels: torch.sm-unsupported."""
    if _off_nvidia(ctx):
        return None
    arch, lo, hi = _num(g.get("arch")), _num(g.get("min")), _num(g.get("max"))
    if arch is None or lo is None or hi is None:
        return None
    gpu = (g.get("gpu") or "").strip()
    d = {"gpu": gpu, "gpu_arch": g["arch"], "torch_min": g["min"], "torch_max": g["max"]}
    if arch < lo or int(arch) != int(hi):
        return {"as": "torch.sm-unsupported", "details": d}
    return {"title": f"PyTorch warns that {gpu or 'this GPU'} ({g['arch']}) is above its build's {g['max']}: harmless, "
                     f"the {g['max']} kernels run on it",
            "details": d}


def _torch_named_near(ctx: dict[str, Any]) -> bool:
    """The paste around the hit names PyTorch: a torch path or torch.cuda.is_available() (torch_path), a +cu tag or
    `CUDA used to build PyTorch` (torch_cuda_build), `Pytorch version is ...` / `torch1.3.0` / `import torch`
    (torch_named), ComfyUI's `pytorch version:` line (torch_version)."""
    near = _near(ctx)
    return any(near.get(k) for k in ("torch_named", "torch_path", "torch_cuda_build", "torch_version"))


def _driver_said(g: dict[str, str], ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.cuda-driver-too-old from words that carry no program of their own: the CUDA runtime's bare
    `CUDA driver version is insufficient for CUDA runtime version` (quoted, or alone on its line), or the user's
    paraphrase of torch's driver check (`the msg is that my Nvidia version is too old`). Claimed only where the paste
    names PyTorch and no other framework, on an NVIDIA setup: the same words from a C++ tool, TensorFlow or Ollama
    are that program's."""
    near = _near(ctx)
    if _off_nvidia(ctx) or near.get("other_framework") or not _torch_named_near(ctx):
        return None
    toolkit = ("The CUDA that counts is the runtime inside the PyTorch build (`torch.version.cuda`, the +cuXXX tag), not "
               "a CUDA toolkit in /usr/local/cuda or on PATH (`nvcc --version`, version.txt): torch never uses the "
               "toolkit, and installing another one does not help. The driver's newest CUDA is the `CUDA Version:` in "
               "nvidia-smi's header. ")
    fix = ("Update the NVIDIA driver (Windows: https://www.nvidia.com/Download/index.aspx; Ubuntu: `sudo ubuntu-drivers "
           "install`, then reboot) until nvidia-smi's `CUDA Version:` is at least torch's CUDA (`python -c \"import torch; "
           "print(torch.__version__, torch.version.cuda)\"`), or install a PyTorch built for a CUDA that the driver "
           "supports (https://pytorch.org/get-started/previous-versions/ lists the builds, e.g. `python -m pip install "
           "--force-reinstall torch torchvision --index-url https://download.pytorch.org/whl/cu118` for a driver of 520 or "
           "newer); on a hosted notebook (Colab) the driver is fixed, so match torch to it")
    if g.get("para"):
        title = "The program reported the NVIDIA driver too old: it is older than the CUDA this PyTorch was built with"
        cause = ("That is PyTorch's driver check (`The NVIDIA driver on your system is too old (found version N)`): the "
                 "driver supports an older CUDA than the torch build, so torch.cuda.is_available() is False. " + toolkit)
    else:
        title = "The NVIDIA driver is older than the CUDA runtime inside this PyTorch"
        cause = ("`CUDA driver version is insufficient for CUDA runtime version` is the CUDA runtime's error 35: the "
                 "runtime that torch ships (the CUDA of its build) needs a newer driver than the one installed. " + toolkit)
    return {"title": title, "cause": cause, "fix": fix}


def _cuda_driver_floors(system: str = "linux") -> list[tuple[float, tuple[int, int]]]:
    """The lowest driver (major, minor) each CUDA release needs on `system` (linux or windows; a row without that
    system's number gives its Linux one), newest first: manifests/drivers.toml's [[cuda_major]] rows (CUDA 11 and
    later, minor-version compatibility) and [[cuda_release]] rows (before CUDA 11)."""
    out = []
    rows = [(f"{r.get('major')}.0", r.get(system) or r.get("linux")) for r in _manifest_part("drivers", "cuda_major", [])]
    rows += [(r.get("cuda"), r.get(system) or r.get("linux")) for r in _manifest_part("drivers", "cuda_release", [])]
    for cuda, drv in rows:
        v = _num(str(cuda or ""))
        parts = str(drv or "").split(".") + ["0"]
        if v is not None and parts[0].isdigit() and parts[1].isdigit():
            out.append((v, (int(parts[0]), int(parts[1]))))
    return sorted(out, reverse=True)


def _cuda_driver_floor(built: float, system: str = "linux") -> tuple[int, int] | None:
    """The lowest driver (major, minor) a torch built with CUDA `built` needs on `system`; None below every release
    listed."""
    return next((m for v, m in _cuda_driver_floors(system) if built >= v), None)


def _cuda_major_floors_said(system: str = "linux") -> str:
    """manifests/drivers.toml's [[cuda_major]] minimums on `system` as a cause says them: `CUDA 11.x needs >= 450.80.02,
    ... (Linux)`."""
    rows = sorted((r for r in _manifest_part("drivers", "cuda_major", []) if r.get(system) or r.get("linux")),
                  key=lambda r: _int(r.get("major")) or 0)
    said = ", ".join(f"{r.get('major')}.x{' needs' if i == 0 else ''} >= {r.get(system) or r.get('linux')}"
                     for i, r in enumerate(rows))
    return f"CUDA {said} ({'Windows' if system == 'windows' else 'Linux'})" if said else ""


@_interp("driver")
def _driver(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if g.get("startcheck"):
        # handed over by torch.cpu-build's web-UI start check: the UI's torch is a CUDA 13 build (see _not_mac)
        return {"title": "The web UI's torch is a CUDA 13 build and the NVIDIA driver is older than 580: torch cannot use the GPU",
                "fix": ("Update the NVIDIA driver to 580 or newer (Windows: https://www.nvidia.com/Download/index.aspx; "
                        "Ubuntu: `sudo apt install nvidia-driver-580` or `sudo ubuntu-drivers install`, then reboot; "
                        "`nvidia-smi` must show "
                        "`CUDA Version: 13.0` or newer), or keep the driver and put a CUDA 12.8 torch into the UI's venv: "
                        "`venv/bin/python -m pip install --force-reinstall torch torchvision --index-url "
                        "https://download.pytorch.org/whl/cu128` (Windows: `venv\\Scripts\\python ...`), and keep the launcher "
                        "from putting cu130 back: Forge Neo's webui-user.bat `set TORCH_COMMAND=pip install torch torchvision "
                        "--extra-index-url https://download.pytorch.org/whl/cu128` (webui-user.sh: `export TORCH_COMMAND=...`)")}
    if g.get("neo_drv"):
        # Forge Neo's own stop, raised only when its torch check fails with PyTorch's `older driver` message: the
        # driver predates the CUDA of the torch it installed (the tag the message names; cu130 by default)
        tag = g.get("neo_cu") or "cu130"
        built = _num(f"{tag[2:-1]}.{tag[-1]}") or 13.0
        need = _cuda_driver_floor(built)
        floor = f"{need[0]}" if need else "a newer"
        older = "cu126" if built >= 12.8 and built < 13 else "cu128"
        return {"title": (f"Forge Neo stopped: the NVIDIA driver is too old for its {tag} torch (CUDA {built:.1f} needs "
                          f"driver {floor} or newer)"),
                "cause": (f"Forge Neo installed a torch built with CUDA {built:.1f} ({tag}) and its start check got PyTorch's "
                          "`The NVIDIA driver on your system is too old` from it, which Forge Neo reports as `Please update "
                          "your GPU driver to support ...`. The installed CUDA toolkit does not matter: only the driver "
                          "(nvidia-smi's `CUDA Version:`) and the CUDA of the torch build."),
                "fix": (f"Update the NVIDIA driver to {floor} or newer (Windows: https://www.nvidia.com/Download/index.aspx; "
                        "Ubuntu: `sudo ubuntu-drivers install`, then reboot) until `nvidia-smi` shows `CUDA Version:` "
                        f"{built:.1f} or newer, or keep the driver and put an older torch into Forge Neo's venv: "
                        "`venv\\Scripts\\python -m pip install --force-reinstall torch torchvision --index-url "
                        f"https://download.pytorch.org/whl/{older}` (Linux: `venv/bin/python -m pip ...`), and keep the "
                        "launcher from reinstalling it: in webui-user.bat `set TORCH_COMMAND=pip install torch torchvision "
                        f"--extra-index-url https://download.pytorch.org/whl/{older}` (webui-user.sh: `export "
                        "TORCH_COMMAND=...`)"),
                "details": {"torch_cuda": f"{built:.1f}", **({"driver_min": floor} if need else {})}}
    if g.get("bare_rt") or g.get("para"):
        return _driver_said(g, ctx)
    if g.get("cu_drv_said"):
        # the reporter's own finding (`an incompatibility between CUDA and my graphics card driver`, often after a
        # silent exit at ComfyUI's `Checkpoint files will always be loaded safely.`): the torch build's CUDA is newer
        # than the driver; NVIDIA only, not where another framework's CUDA could be meant
        if _off_nvidia(ctx) or _near(ctx).get("other_framework"):
            return None
        return {"title": "The CUDA of this PyTorch build does not fit the NVIDIA driver: the driver is too old for it",
                "cause": ("The torch build carries its own CUDA runtime (the +cuXXX of its version), and the installed "
                          "driver is older than that CUDA: CUDA 13.x builds (cu130, the default of recent ComfyUI "
                          "portables and torch 2.9+) need driver >= 580, CUDA 12.x builds >= 527 on Windows / 525 on "
                          "Linux. On Windows the process can end without any message right after ComfyUI's `Checkpoint "
                          "files will always be loaded safely.` line, where it first initializes CUDA."),
                "fix": ("Update the NVIDIA driver to 580 or newer (https://www.nvidia.com/Download/index.aspx, or the NVIDIA "
                        "app; reboot) so nvidia-smi shows `CUDA Version: 13.0` or newer, or keep the driver and install a "
                        "CUDA 12.8 torch into the Python that runs ComfyUI: `python -m pip install --force-reinstall torch "
                        "torchvision torchaudio --index-url https://download.pytorch.org/whl/cu128` (portable: "
                        "`python_embeded\\python.exe -m pip ...`)")}
    if g.get("sym") or g.get("rt_old"):
        # a program's bundled CUDA runtime (Ollama's discovery log) found nvcuda.dll / libcuda.so without the driver API
        # entry points of its CUDA release, or said so in its own words
        if _off_nvidia(ctx):
            return None
        sym = g.get("sym")
        what = f"has no {sym}, a driver function" if sym else "is too old (or missing) for the CUDA runtime"
        return {"title": f"The NVIDIA driver {what} this program's CUDA runtime needs: the driver is older than its CUDA",
                "cause": ("A program's bundled CUDA runtime (cudart64_12.dll, libcudart.so.12: PyTorch, Ollama and others "
                          "ship one) calls the driver's functions by name in nvcuda.dll (Linux: libcuda.so). A driver older "
                          "than that CUDA release lacks the newer ones"
                          + (f" (`{sym}`)" if sym else "") + ", so the runtime cannot start: the program falls back to "
                          "the CPU or exits (Windows: 0xc0000139, entry point not found). CUDA 12.x needs a driver "
                          ">= 525.60.13 on Linux / 527.41 on Windows, CUDA 13.x >= 580."),
                "fix": ("Update the NVIDIA driver and reboot: Windows, the current Studio or Game Ready driver from "
                        "https://www.nvidia.com/Download/index.aspx (Custom > `Perform a clean installation`); Ubuntu, "
                        "`sudo ubuntu-drivers install`. Afterwards `nvidia-smi` shows `CUDA Version:` at least the "
                        "program's CUDA (12.x or 13.x)."),
                "details": {"missing_entry_point": sym} if sym else {}}
    if g.get("conda_tk"):
        # conda's cudatoolkit=X.Y (the CUDA runtime of a conda PyTorch) and nvidia-smi's `CUDA Version:` in one paste that
        # asks torch.cuda.is_available(): claimed when the toolkit is newer than the driver's CUDA. Before CUDA 11 a
        # runtime needed a driver of its own minor version; from CUDA 11 on only the major version counts.
        tk, drv = _num(g["conda_tk"]), _num(g.get("tk_drv"))
        if tk is None or drv is None or _off_nvidia(ctx):
            return None
        newer = int(tk) > int(drv) or (int(tk) == int(drv) and int(tk) <= 10 and tk > drv)
        if not newer:
            return None
        tkv, dv = g["conda_tk"], g["tk_drv"]
        return {"title": f"conda's cudatoolkit {tkv} is newer than the driver's CUDA {dv}: this PyTorch cannot use the GPU",
                "cause": (f"A conda PyTorch runs on the CUDA runtime of the `cudatoolkit` package it was installed with "
                          f"({tkv}), and the NVIDIA driver supports CUDA only up to {dv} (nvidia-smi's `CUDA Version:`), so "
                          "torch.cuda.is_available() is False. Before CUDA 11 the runtime needed a driver of its own minor "
                          "version. A CUDA module loaded with `module load cuda` changes nothing here: torch uses its own "
                          "runtime, and the driver belongs to the machine (on a cluster, to its admins)."),
                "fix": (f"Install the PyTorch build for the driver's CUDA into the env: `conda install pytorch torchvision "
                        f"cudatoolkit={dv} -c pytorch` (or pip: a wheel from https://download.pytorch.org/whl/ for a CUDA "
                        f"<= {dv}, https://pytorch.org/get-started/previous-versions/ lists them); on a cluster ask the "
                        "admins which driver the GPU nodes run rather than updating it yourself"),
                "details": {"driver_cuda": dv, "conda_cudatoolkit": tkv}}
    if g.get("env_cuda"):
        # torch.utils.collect_env: the CUDA torch was built with, `Is CUDA available: False`, and the driver's version:
        # claimed only when the driver is older than the minimum NVIDIA lists for that CUDA release on the paste's system
        # (Windows, named by collect_env's `OS: Microsoft Windows ...` or anything else the paste shows, has its own,
        # higher numbers; otherwise Linux's)
        system = "windows" if _fact(ctx, "windows_os") else "linux"
        built = _num(g["env_cuda"])
        parts = (g.get("env_drv") or "").split(".")
        drv = (int(parts[0]), int(parts[1])) if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit() else None
        if built is None or drv is None or _off_nvidia(ctx):
            return None
        need = _cuda_driver_floor(built, system)
        if need is None or drv >= need:
            return None
        need_s = f"{need[0]}.{need[1]:02d}" if need[1] else f"{need[0]}"
        ver = g["env_cuda"]
        floors = _cuda_major_floors_said(system)
        return {"title": f"The NVIDIA driver {g['env_drv']} is older than CUDA {ver}, the CUDA this PyTorch was built with, needs",
                "cause": (f"torch.utils.collect_env shows a CUDA {ver} build of torch and `Is CUDA available: False`: CUDA {ver} "
                          f"needs NVIDIA driver {need_s} or newer (NVIDIA's CUDA toolkit release notes, minimum driver per "
                          f"release{'; ' + floors if floors else ''}), and the driver is "
                          f"{g['env_drv']}. A CUDA toolkit installed beside it (`CUDA runtime version`) does not matter: torch "
                          "uses the runtime it ships with."),
                "fix": ("Update the NVIDIA driver (Ubuntu: `sudo ubuntu-drivers install`, then reboot; Windows: "
                        "https://www.nvidia.com/Download/index.aspx) until `nvidia-smi` shows a `CUDA Version:` at least the "
                        "torch build's; where the driver cannot change (a shared server), install a torch built for an older "
                        "CUDA that the driver supports (https://pytorch.org/get-started/previous-versions/ lists them)"),
                "details": {"torch_cuda": ver, "driver": g["env_drv"], "driver_needed": need_s}}
    if g.get("drv_cuda"):
        # torch.cuda.is_available() printed False, with the driver's CUDA (nvidia-smi's header, `driver 550 (CUDA 12.4)`)
        # and the torch build's CUDA (`+cu130`, torch.version.cuda) both in the text: claimed only when torch's is newer
        drv = _num(g["drv_cuda"])
        built = g.get("torch_cuda") or g.get("torch_vc")
        if not built and g.get("torch_cu"):
            built = f"{g['torch_cu'][:2]}.{g['torch_cu'][2:]}"
        tv = _num(built)
        # CUDA's minor-version compatibility: a 12.x build runs on any 12.x driver (>= 525.60.13), so only a newer
        # major version (a cu13x torch on a 12.x driver) is this
        if drv is None or tv is None or int(tv) <= int(drv) or _off_nvidia(ctx):
            return None
        return {"title": f"This PyTorch is built for CUDA {built}, newer than the driver's CUDA {g['drv_cuda']}: torch cannot use the GPU",
                "cause": (f"The driver supports CUDA up to {g['drv_cuda']}, and the torch that ran is a CUDA {built} build, so "
                          "torch.cuda.is_available() is False (CUDA 12.x wheels need driver >= 525.60.13, CUDA 13.x wheels "
                          ">= 580). With several envs (conda, pixi, a .venv) check the one that actually ran: an install "
                          "step that went into another env leaves this one's torch as it was."),
                "fix": (f"Install a torch built for the driver's CUDA {g['drv_cuda'].split('.')[0]}.x into the Python that runs it (name it: "
                        "`.venv/bin/python -m pip install --force-reinstall torch torchvision --index-url "
                        "https://download.pytorch.org/whl/cu128` for a 12.x driver), or update the NVIDIA driver "
                        "(Ubuntu: `sudo ubuntu-drivers install`; https://www.nvidia.com/Download/index.aspx)"),
                "details": {"driver_cuda": g["drv_cuda"], "torch_cuda": built}}
    if g.get("notsup"):
        # torch's Windows CUDA 13 builds warn this when cudaGetDeviceCount fails with cudaErrorNotSupported (c10/cuda/
        # CUDAFunctions.cpp, `#if defined(_WIN32) && CUDA_VERSION >= 13000`): on an NVIDIA machine, a driver older than
        # CUDA 13 needs; an AMD / Intel / Mac setup (a CUDA torch on a machine without an NVIDIA GPU) is not this
        if _off_nvidia_anywhere(ctx):
            return None
        return {"title": ("PyTorch's CUDA 13 build could not start CUDA (`cudaGetDeviceCount() returned "
                          "cudaErrorNotSupported`): the NVIDIA driver is older than CUDA 13 needs"),
                "cause": ("Only PyTorch's Windows builds for CUDA 13 (+cu130, the default of current ComfyUI Desktop and "
                          "portable releases) print this warning: the CUDA runtime inside torch asked the driver for the GPUs "
                          "and the driver answered `not supported`, which is what a driver older than CUDA 13 (below 580) "
                          "answers, or a machine without an NVIDIA GPU. torch then sees no GPU, and ComfyUI stops or its "
                          "Python crashes (exit code 3221225477 / 0xC0000005) as it starts."),
                "fix": ("Update the NVIDIA driver to 580 or newer (https://www.nvidia.com/Download/index.aspx, or the NVIDIA "
                        "App), reboot, and start ComfyUI again; `nvidia-smi` must show `CUDA Version: 13.0` or higher. Where "
                        "the driver cannot be updated, install the CUDA 12.8 torch into the Python that runs ComfyUI instead "
                        "(portable: `.\\python_embeded\\python.exe -m pip install --force-reinstall torch torchvision torchaudio "
                        "--index-url https://download.pytorch.org/whl/cu128`)"),
                "details": {"warning": "cudaGetDeviceCount() returned cudaErrorNotSupported"}}
    if g.get("ckpt_drv"):
        # ComfyUI stopped right after `Checkpoint files will always be loaded safely.` (the last line before torch starts
        # CUDA) with a driver below 580 named: current ComfyUI installs bring a CUDA 13 torch, which needs 580; not where
        # the paste names a CUDA 12 / 11 torch, nor on an AMD / Intel / Mac setup
        if _off_nvidia(ctx) or re.search(r"cu1[12]\d", _fact(ctx, "torch_cuda_build")):
            return None
        drv = g["ckpt_drv"]
        return {"title": (f"ComfyUI stopped where torch starts CUDA, on NVIDIA driver {drv}: older than the 580 that "
                          "the CUDA 13 PyTorch of current ComfyUI installs needs"),
                "cause": ("`Checkpoint files will always be loaded safely.` is the last line ComfyUI prints before torch "
                          "initializes CUDA (the next one, `Total VRAM ...`, needs the GPU). Current ComfyUI portable, Desktop "
                          "and Stability Matrix installs bring a CUDA 13 (+cu130) PyTorch, which needs NVIDIA driver 580 or "
                          f"newer; with driver {drv} its CUDA start crashes instead of printing an error."),
                "fix": ("Update the NVIDIA driver to 580 or newer (https://www.nvidia.com/Download/index.aspx, or the NVIDIA "
                        "App), reboot, and start ComfyUI again; `nvidia-smi` must show `CUDA Version: 13.0` or higher. Where "
                        "the driver must stay, install the CUDA 12.8 torch into the Python that runs ComfyUI (portable: "
                        "`.\\python_embeded\\python.exe -m pip install --force-reinstall torch torchvision torchaudio "
                        "--index-url https://download.pytorch.org/whl/cu128`; Stability Matrix: Packages > ComfyUI > Python "
                        "Packages > + : `torch torchvision torchaudio --index-url https://download.pytorch.org/whl/cu128 "
                        "--force-reinstall`)"),
                "details": {"driver": drv}}
    if g.get("av") or g.get("bat"):  # a crash or ComfyUI's launcher hint, not PyTorch's driver check: NVIDIA only
        if _off_nvidia(ctx):
            return None
        if g.get("av_node") or g.get("av_top"):
            # the crash stack starts in a custom node's file or runs through load_custom_node: a node pack's own code crashed,
            # after ComfyUI had already started CUDA with this driver (its VRAM/device lines come first), so not the driver
            return None
        if g.get("av_fwd") or _fact(ctx, "native_stack_overflow"):
            # the stack tops at a model's forward under torch's _call_impl (kernels were already running, so CUDA had
            # started with this driver), or the same paste reports Windows' stack overflow (a native extension's own
            # crash, which an old driver does not cause): not the driver's start
            return None
        if g.get("av_dll"):
            # the stack stands in torch/__init__.py _load_dll_libraries: a torch DLL crashed while Windows loaded it
            # (the native form of WinError 1114), before CUDA or the driver is touched; torch.windows-dll reads it
            return None
        if g.get("av_store") or g.get("av_sd") or g.get("av_maps"):
            # the crash is a read of a memory-mapped file (the stack's top is torch/storage.py __getitem__, or torch's
            # module.py _load_from_state_dict copying the mapped weights into the model, or the writer puts it on
            # safetensors memory maps): the mapping's memory, not CUDA's start; ram.oom reads it
            return None
        if g.get("bat"):
            return {"title": "ComfyUI portable stopped at startup; its launcher points at the NVIDIA driver",
                    "cause": ("run_nvidia_gpu.bat prints this line whenever ComfyUI exits. With no Python error above it, "
                              "the usual cause is a driver older than the CUDA of the bundled PyTorch (cu12x builds need "
                              ">= 525.60.13, cu13x builds >= 580), which can crash torch's start instead of raising.")}
        return {"title": "Python crashed with a Windows access violation (most often an NVIDIA driver older than this PyTorch needs)",
                "cause": ("`Windows fatal exception: access violation` is Python's crash report, not an error torch raised. "
                          "When it comes while torch starts CUDA or loads a model, the usual cause is an NVIDIA driver older "
                          "than the CUDA of the PyTorch build (cu12x builds need >= 525.60.13, cu13x builds >= 580): newer "
                          "builds crash there instead of printing the minimum-driver message.")}
    if g.get("image_cuda"):  # the NVIDIA Container Toolkit checked the image's NVIDIA_REQUIRE_CUDA against the host
        need = g["image_cuda"]
        return {"title": f"The host's NVIDIA driver is older than this container image needs (CUDA {need})",
                "cause": (f"The image declares that it needs CUDA {need} or newer, and the NVIDIA Container Toolkit refused to "
                          "start it: the host's driver supports an older CUDA (CUDA 12.8 needs driver >= 570, CUDA 13 >= 580). "
                          "The driver belongs to the host; nothing inside the container can update it."),
                "fix": ("Update the driver on the host (Ubuntu: `sudo ubuntu-drivers install`, reboot, `nvidia-smi` shows the "
                        "CUDA version it supports), or use an image built for the CUDA that driver supports; on a rented GPU "
                        "(RunPod, vast.ai) pick a host or filter whose driver/CUDA version is at least the image's"),
                "details": {"image_needs_cuda": need}}
    if g.get("ct2"):
        # CTranslate2's own wording (faster-whisper, WhisperX, whisper-ctranslate2): its wheel carries the CUDA runtime,
        # so the fix is the driver or a CTranslate2 for the driver's CUDA, not another PyTorch
        if _off_nvidia(ctx):
            return None
        return {"title": "The NVIDIA driver is older than the CUDA runtime CTranslate2 (faster-whisper) was built with",
                "cause": ("`CUDA failed with error CUDA driver version is insufficient for CUDA runtime version` is "
                          "CTranslate2 reporting the CUDA runtime's error 35: its wheel is built for a CUDA (the current "
                          "releases for CUDA 12, which needs driver >= 525.60.13 on Linux / 527.41 on Windows) newer "
                          "than the installed driver supports (nvidia-smi's `CUDA Version:`). The PyTorch beside it may "
                          "well run, on an older CUDA of its own."),
                "fix": ("Update the NVIDIA driver (Windows: https://www.nvidia.com/Download/index.aspx; Ubuntu: `sudo "
                        "ubuntu-drivers install`, then reboot) until nvidia-smi shows `CUDA Version: 12.x` or newer; or, "
                        "where the driver must stay on CUDA 11, install the CTranslate2 built for it into the Python that "
                        "runs the program: `python -m pip install --force-reinstall ctranslate2==3.24.0`")}
    n = _int(g.get("found"))
    if not n:
        return {}
    cuda = f"{n // 1000}.{(n % 1000) // 10}"
    fix = None
    if n < 12000:
        fix = ("Update the NVIDIA driver to 570 or newer (https://www.nvidia.com/Download/index.aspx; Ubuntu: "
               "`sudo ubuntu-drivers install`) and keep the CUDA 12.8 PyTorch; only if the driver cannot change and the "
               "GPU is not an RTX 50: a CUDA 11.8 build runs on it, `python -m pip install --force-reinstall "
               "torch==2.7.1 torchvision==0.22.1 --index-url https://download.pytorch.org/whl/cu118`")
    return {"details": {"driver_cuda": cuda}, "fix": fix,
            "cause": f"The driver supports CUDA up to {cuda}, older than the CUDA this PyTorch was built with "
                     "(CUDA 12.x wheels need driver >= 525.60.13, CUDA 13.x wheels need >= 580)."}


@_interp("nightly_crash")
def _nightly_crash(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A native crash (Python's access-violation report, Event Viewer naming a torch DLL, a Windows exit code) in a
    paste that names a nightly torch build anywhere: the nightly's own defect first. Not on an AMD, Intel or Mac
    setup (their ROCm / XPU nightlies), and not without a nightly named (a stable build's crash is the driver's)."""
    nightly = ctx.get("torch_nightly") or _near(ctx).get("torch_nightly")
    if not nightly or _off_nvidia_anywhere(ctx):
        return None
    where = f" in {g['module']}" if g.get("module") else ""
    return {"title": f"A nightly PyTorch build crashed{where} with no Python error: the nightly's own defect, not your setup",
            "details": {"nightly": str(nightly)}}


@_interp("posdim")
def _posdim(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    wf = g.get("workflow_version")
    if wf and g.get("corever") is not None:
        # the same warning with the frontend's `Core nodes source version: X` list under it: the missing nodes are
        # ComfyUI core nodes; Klein's own (the core_node rows from Klein's support on) keep this Klein headline,
        # any other core node is a ComfyUI older than the workflow, whichever model it runs
        min_klein = _release(str(_manifest_part("comfyui", "version", {}).get("min_klein") or "0")) or Version("0")
        klein_rows = {str(r["name"]) for r in cat.tables.get("core_node") or []
                      if r.get("name") and (_release(str(r.get("since") or "0")) or Version("0")) >= min_klein}
        if not klein_rows & set(_core_in(g.get("corenodes") or "", cat)):
            return {"as": "comfyui.outdated"}
    if wf:
        # the frontend's load warning: the workflow was saved by a newer ComfyUI than the one running it
        v = wf.lstrip("vV")
        cause = (f"The workflow was saved by ComfyUI {v}; the ComfyUI that opened it is older, so nodes the workflow "
                 "uses can be missing or behave differently. Klein's nodes, its CLIPLoader type `flux2` and its model "
                 f"layout need ComfyUI {_klein_comfy()} or newer.")
        if ctx.get("comfyui_version"):
            cause = f"The log says ComfyUI version {ctx['comfyui_version']}. " + cause
        return {"title": f"This ComfyUI is older than the one that saved the workflow ({v})", "cause": cause,
                "fix": (f"Update ComfyUI to {v} or newer and reinstall its requirements, which carry the frontend "
                        "(git: `git pull` then `python -m pip install -r requirements.txt`; portable: "
                        "update\\update_comfyui.bat; Desktop: update the app), then reload the workflow"),
                "details": {"workflow_version": v, "comfyui_version": ctx.get("comfyui_version")}}
    if g.get("kleinsays"):
        # the user's own words that Klein needs a newer ComfyUI than the one installed or bundled (an image, a
        # launcher, a hosted service): the row's cause and fix, with the ComfyUI version where the log gives it
        d0: dict[str, Any] = {"said": g["kleinsays"]}
        if ctx.get("comfyui_version"):
            d0["comfyui_version"] = ctx["comfyui_version"]
        return {"details": d0}
    d: dict[str, Any] = {"axes": g.get("axes"), "expected_dim": g.get("dim")}
    if ctx.get("comfyui_version"):
        d["comfyui_version"] = ctx["comfyui_version"]
        return {"details": d, "cause": f"The log says ComfyUI version {ctx['comfyui_version']}. "
                                       + cat.by_id("comfyui.too-old-for-klein").cause}  # type: ignore[union-attr]
    return {"details": d}


_ST_WHY = [
    (("incomplete metadata", "metadataincompletebuffer"), "truncated",
     "The file is shorter than its own header says: the download stopped before the end."),
    (("header too large", "headertoolarge"), "not-safetensors",
     "The first 8 bytes give an absurd header length: the file is not safetensors at all (an HTML login or "
     "error page, or a Git LFS pointer, saved under the model's name)."),
    (("header too small", "headertoosmall"), "empty",
     "The file is empty or a few bytes long: the download never started or was cut at once."),
    (("invalid header length", "invalidheaderlength"), "truncated-header",
     "The file ends inside its JSON header: the download stopped within the first bytes."),
]


# the headline once the text names the file (ComfyUI's `File path:` line under safetensors' message)
_ST_WHY_TITLE = {
    "truncated": "is incomplete: the file is shorter than its own safetensors header says (a download cut short)",
    "not-safetensors": ("is not a safetensors file: its first bytes are no safetensors header (an HTML page, a Git "
                        "LFS pointer or another format saved under the name)"),
    "empty": "is empty or a few bytes long: the download never started or was cut at once",
    "truncated-header": "ends inside its safetensors header: the download stopped within the first bytes",
}


def _st_loader_frame(near: dict[str, str]) -> bool:
    """A frame of ComfyUI's own file loader (comfy/utils.py, load_torch_file) shortly before the hit."""
    frame = (near.get("stack_loader_frame") or "").lower()
    return "utils.py" in frame or "load_torch_file" in (near.get("model_loader") or "").lower()


def _st_view_cut(g: dict[str, str], ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI's mmap loader views each tensor's bytes with the header's shape: a file that ends early gives a
    tensor fewer values than its shape (or a byte count that is not whole elements). Beside the loader's frame
    that is the file; alone it is claimed only for a weight-sized matrix cut inside a row, the mark of a cut
    file rather than a reshape in model code (more dims, more values than the shape, or whole rows)."""
    near = _near(ctx)
    # ComfyUI's loader frame, or safetensors' own torch binding (old releases checked no offsets at open and made
    # the short view in get_tensor): either way the bytes come straight from the file
    loader = _st_loader_frame(near) or bool(near.get("st_get_tensor"))
    if g.get("buflen"):
        n, el = int(g["buflen"]), int(g.get("elsize") or 0)
        # without the loader's frame (a paste cut after the node run's first lines): a ComfyUI node run, a whole
        # slice from offset 0 of at least 1 MiB (the loader slices each tensor from the file's mmap; a node's own
        # torch.frombuffer on audio or image bytes is smaller or runs beside its custom_nodes frame)
        if not loader and not (_comfy_node_run(near) and g.get("bufoff") == "0" and n >= 1 << 20
                               and not near.get("custom_node")):
            return None
        return {"title": f"A model file is cut short: ComfyUI's loader found {n} bytes for a tensor, not whole {el}-byte values",
                "cause": ("ComfyUI's safetensors loader (comfy/utils.py load_safetensors) reads each tensor's bytes at the "
                          "offsets the file's header gives; the file ends before them (an interrupted download or copy), so "
                          "a tensor gets a broken byte count. The failing node names the file: CLIPLoader a text encoder, "
                          "UNETLoader a diffusion model, VAELoader the VAE."),
                "details": {"kind": "truncated", "bytes": n, "element_size": el}}
    try:
        dims = [int(x) for x in (g.get("shape") or "").split(",")]
        size = int(g.get("size") or "")
    except ValueError:
        return None
    total = 1
    for d in dims:
        total *= d
    cut = size < total and dims[-1] > 0 and size % dims[-1] != 0
    if not (loader and size < total) and not (cut and len(dims) <= 2 and total >= 1 << 20):
        return None
    shape = ", ".join(str(d) for d in dims)
    return {"title": f"A model file is cut short: a tensor of shape [{shape}] found only {size} of its {total} values in the file",
            "cause": ("ComfyUI's safetensors loader (comfy/utils.py load_safetensors) views each tensor's bytes with the "
                      "shape the file's header gives; the file ends early (an interrupted download or a copy cut short), "
                      "so the last tensors have too few values. The failing node names the file: CLIPLoader a text "
                      "encoder, UNETLoader a diffusion model, VAELoader the VAE."),
            "details": {"kind": "truncated", "shape": [*dims], "values": size, "expected_values": total}}


@_interp("safetensors")
def _safetensors(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    sizes = [str(g.get(k) or "") for k in ("want", "got")]
    if all(v.isdigit() and len(v) <= 15 for v in sizes):  # bytes: a model file is past _int's 10**9
        want, got = int(sizes[0]), int(sizes[1])
        # huggingface_hub compared the bytes it wrote with the size the Hub announced: a download cut short
        name = (g.get("name") or "").strip() or "a downloaded file"
        return {"title": f"A download from Hugging Face stopped short: {name} has {got} of {want} bytes",
                "cause": (f"huggingface_hub expected {want} bytes for {name} and found {got} on disk: the download was "
                          "interrupted (network, a full disk, a proxy) and the partial file cannot be loaded."),
                "fix": ("Download it again: pass `force_download=True` to from_pretrained/hf_hub_download, or run "
                        f"`hf download REPO {name if g.get('name') else 'FILE'} --force-download` (free disk space first if it is short); for "
                        "the Klein files `klein-doctor install` downloads them and verifies size and sha256"),
                "details": {"kind": "partial-download", "expected_bytes": want, "got_bytes": got, "file": g.get("name")}}
    if g.get("shape") or g.get("buflen"):
        return _st_view_cut(g, ctx)
    why = g.get("why", "")
    low = why.lower()
    for keys, kind, cause in _ST_WHY:
        if any(k in low for k in keys):
            if kind == "not-safetensors" and _near(ctx).get("st_dataset"):
                # a dataset saved as safetensors: about a million tensors pass the format's 100 MB header limit, a
                # whole file that no download fixes (model weights have thousands of tensors, far below it)
                return None
            if kind == "not-safetensors" and _near(ctx).get("lfs_pointer"):
                # diffusers / transformers looked at the file after safetensors failed and found a Git LFS pointer
                # (or the pointer's text is pasted beside it): the header error is that pointer, a clone without LFS
                return {"as": "download.not-a-model", "details": {"reason": why}}
            out: dict[str, Any] = {"cause": cause, "details": {"kind": kind, "reason": why}}
            path = (g.get("stpath") or "").strip()
            if path:
                # ComfyUI's load_torch_file names the file right under safetensors' message (`File path: ...`)
                base = re.split(r"[\\/]", path)[-1]
                out["title"] = f"{base} {_ST_WHY_TITLE[kind]}"
                out["fix"] = (f"Delete {path} and download it again from its source (compare its size with the one "
                              "the download page gives; `klein-doctor install` verifies size and sha256 of the Klein "
                              "files)")
                out["details"]["file"] = path
            return out
    if re.search(r"EOF while parsing a value at line 1 column 0(?!\d)", why):
        # a header length of 0: the file's first 8 bytes are zeros, a file whose bytes were never written (space
        # reserved by an interrupted download or copy, a corrupted cache entry), not a header its writer got wrong
        return {"cause": ("The file starts with zeros where safetensors keeps its header length, so the header reads as "
                          "empty: the file's bytes were never written (an interrupted download or copy that had reserved "
                          "the space, a corrupted cache entry)."),
                "details": {"kind": "zeroed", "reason": why}}
    if "deserializ" in low or "json" in low:
        # The header was read whole (its length fits the file) and its JSON is what fails: a cut or substituted
        # download never gets that far (it stops at the length checks), so this is the writer's bug or another
        # format, not a file to download again.
        return None
    return {"details": {"kind": "unknown", "reason": why}}


# A key of a diffusion model, its text encoders or VAE as saved by image-model programs (ComfyUI's prefixes, BFL's
# and diffusers' block names, kohya-style LoRA keys); an LLM's keys (lm_head, model.layers, embed_tokens) are not.
_IMAGE_MODEL_KEY = re.compile(
    r"(?:^|[./_])(?:model\.diffusion_model|diffusion_model|double_blocks|single_blocks|transformer_blocks|"
    r"single_transformer_blocks|down_blocks|up_blocks|mid_block|input_blocks|output_blocks|middle_block|img_in|txt_in|"
    r"first_stage_model|cond_stage_model|conditioner|x_embedder|context_embedder|time_text_embed|lora_unet|lora_te\d?|"
    r"unet|vae|text_encoders?)(?:[._]|$)", re.I)


@_interp("st_contiguous")
def _st_contiguous(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """safetensors' refusal of a non-contiguous tensor is claimed where an image-model program saves: a ComfyUI node
    run, a diffusers frame, or a diffusion model's / its encoders' / VAE's key; another program's LLM export is not."""
    near = _near(ctx)
    name = (g.get("name") or "").strip()
    frame = (near.get("py_frame") or "").replace("\\", "/").lower()
    if not (_comfy_node_run(near) or near.get("custom_node") or "/diffusers/" in frame or "/comfy" in frame
            or (name and _IMAGE_MODEL_KEY.search(name))):
        return None
    out: dict[str, Any] = {"details": {"tensor": name or None}}
    if name:
        out["title"] = f"safetensors refused to save `{name}`: the tensor is not contiguous in memory"
    return out


@_interp("comfy_save_quant")
def _comfy_save_quant(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Error 1784 while serializing is claimed in a ComfyUI node run (its save nodes), not in another program."""
    near = _near(ctx)
    if not (_comfy_node_run(near) or near.get("custom_node") or near.get("comfy_place")):
        return None
    return {}


@_interp("gguf_py")
def _gguf_py(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """An old gguf package is claimed for ComfyUI-GGUF's conversion script (its path in the traceback), not for
    llama.cpp's own LLM converters or another program's use of gguf."""
    near = _near(ctx)
    where = " ".join(near.get(k) or "" for k in ("py_frame", "custom_node", "comfy_place")).replace("\\", "/").lower()
    if "comfyui-gguf" not in where and "comfyui_gguf" not in where:
        return None
    return {"details": {"missing": g.get("attr")}}

@functools.lru_cache(maxsize=1)
def _comfy_req_modules() -> frozenset[str]:
    """Modules of ComfyUI's own requirements.txt that Klein needs only through ComfyUI (manifests/comfyui.toml
    [requirement_modules]): missing beside ComfyUI they mean its requirements were not reinstalled."""
    return frozenset(str(n) for n in _manifest_part("comfyui", "requirement_modules", {}).get("names") or [])


_COMFY_SIGN = ("comfy_reqs", "custom_node", "comfy_place", "comfy_updater", "comfy_manager", "node_type", "node_exec")


def _comfy_sign(near: dict[str, str]) -> bool:
    """The text around the hit is ComfyUI's: its dependency check, a frame of its own code, a node pack's import,
    a node run, its portable folders or updater, or ComfyUI-Manager's lines."""
    return any(near.get(k) for k in _COMFY_SIGN)


# transformers' slow tokenizers built on a SentencePiece model (their tokenization_<model>.py modules need the
# `sentencepiece` package); a placeholder for one of these means sentencepiece is missing
_SENTENCEPIECE_TOKENIZER_MODELS = frozenset((
    "t5", "mt5", "umt5", "llama", "code_llama", "gemma", "gemma2", "gemma3", "xlm_roberta", "albert", "camembert",
    "bert_generation", "big_bird", "deberta_v2", "marian", "mbart", "mbart50", "m2m_100", "nllb", "pegasus", "plbart",
    "reformer", "rembert", "seamless_m4t", "speech_to_text", "xglm", "xlnet", "fnet", "barthez", "layoutxlm", "udop",
    "siglip", "t5gemma"))


def _module_placeholder(g: dict[str, str]) -> dict[str, Any] | None:
    """diffusers' `The component <class '...Placeholder'> ... cannot be loaded`: transformers' lazy module hands out a
    placeholder (a DummyObject) instead of a class whose backend is not installed, and diffusers finds no
    from_pretrained on it. The module path says which backend: a slow SentencePiece tokenizer (tokenization_t5,
    tokenization_llama, ...) needs sentencepiece, a *_fast one needs tokenizers; older transformers name the dummy
    module itself (dummy_sentencepiece_objects). Other placeholders (a CLIP or GPT-2 slow tokenizer, a model class)
    are another backend: not claimed."""
    dummy = g.get("dummy") or ""
    mod = g.get("phmod") or ""
    model = g.get("phmodel") or ""
    if dummy:
        pkg = dummy
    elif mod.endswith("_fast"):
        pkg = "tokenizers"
    elif model in _SENTENCEPIECE_TOKENIZER_MODELS and mod == f"tokenization_{model}":
        pkg = "sentencepiece"
    else:
        return None
    what = f"transformers.models.{model}.{mod}" if mod else f"transformers.utils.dummy_{dummy}_objects.{g.get('phcls') or ''}"
    install = "sentencepiece protobuf" if pkg == "sentencepiece" else "-U tokenizers"
    needs = ("its slow SentencePiece tokenizers (T5, Llama, Gemma, XLM-R ...) need `sentencepiece` (and `protobuf` to "
             "convert them)" if pkg == "sentencepiece" else "its fast tokenizers need the `tokenizers` package")
    return {"title": f"`{pkg}` is missing: transformers handed the pipeline a placeholder instead of the tokenizer class",
            "cause": (f"transformers imports each class lazily and, when the package a class needs is not installed, gives "
                      f"out a placeholder object instead (here `{what}`); {needs}. diffusers loads every pipeline "
                      "component through its class's from_pretrained, finds none on the placeholder and stops with `The "
                      "component <class '...Placeholder'> ... cannot be loaded as it does not seem to have any of the "
                      f"loading methods`. `{pkg}` is missing from the Python that runs the pipeline (often a second "
                      "Python: a notebook kernel, a venv, ComfyUI's python_embeded); the model files are fine."),
            "fix": (f"Install it with the Python that runs the pipeline: `python -m pip install {install}` (a notebook: "
                    f"`%pip install {install}`, then restart the kernel; ComfyUI portable: `python_embeded\\python.exe -m "
                    f"pip install {install}`), then start Python again so transformers looks for it anew"),
            "details": {"module": pkg, "package": install.replace("-U ", "")}}


@_interp("module")
def _module(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    mac = bool(_near(ctx).get("macos"))
    if _near(ctx).get("isolated_env"):
        return None  # raised in a node pack's own isolated environment (a comfy-env worker): that node pack's install
    if _near(ctx).get("remote_code") and not g.get("slow"):
        return None  # imported by a model's own remote code (trust_remote_code): that model's dependency, not Klein's
    if _other_gpu(ctx) or (mac and (g.get("module") or "").split(".")[0] in ("torch", "sageattention", "flash_attn")):
        return None  # PyTorch for a Mac, an AMD or an Intel GPU is another install than the CUDA build below, and the
        # CUDA-only attention packages do not exist there: not ours
    if g.get("extra"):
        return _comfy_extra_failed(g, ctx)
    if g.get("phmod") or g.get("dummy"):
        return _module_placeholder(g)
    if (g.get("module") or "") == "torch._custom_ops":
        # a private torch module that torchvision 0.16 and newer import at start (_meta_registrations.py): missing, the
        # torch is older than the torchvision beside it (a notebook pinned an old torch over the runtime's newer
        # torchvision, or torch was downgraded alone): torch and torchvision of different releases
        return {"as": "torch.family-mismatch",
                "cause": ("torchvision 0.16 and newer import torch._custom_ops (torch 2.1 and newer) when they start; this "
                          "torch has no such module, so it is older than the torchvision installed beside it: the two come "
                          "from different releases (a notebook or a requirements file pinned an older torch over the "
                          "runtime's torchvision, or torch was downgraded alone). "
                          + (cat.by_id("torch.family-mismatch").cause if cat.by_id("torch.family-mismatch") else "")),  # type: ignore[union-attr]
                "details": {"module": "torch._custom_ops"}}
    if (g.get("module") or "").split(".")[0] == "torch" and _fact(ctx, "isolated_build") and (pkg := _attn_build(ctx)):
        # `No module named 'torch'` quoted first (an issue title, the user's words) above pip's log of an attention
        # package's source build in an isolated build environment: that build's setup.py, not the user's Python
        return {"as": "flash-attn.build-no-torch", "details": {"package": pkg}}
    if g.get("slow"):
        # transformers could not build the fast tokenizer and fell back to converting the slow one, which needs
        # sentencepiece (and protobuf): both missing from the Python that runs the pipeline
        return {"title": "sentencepiece (or protobuf) is missing: transformers cannot build the tokenizer",
                "cause": ("transformers found no ready fast tokenizer it could use and tried to convert the slow "
                          "(sentencepiece) one, which needs `sentencepiece` and `protobuf` in the Python that runs the "
                          "pipeline; they are not installed there (often a second Python: a notebook kernel, a venv, "
                          "ComfyUI's python_embeded)."),
                "fix": ("Install them with the Python that runs it: `python -m pip install sentencepiece protobuf` "
                        "(a notebook: `%pip install sentencepiece protobuf`, then restart the kernel; ComfyUI portable: "
                        "`python_embeded\\python.exe -m pip install sentencepiece protobuf`)"),
                "details": {"module": "sentencepiece", "package": "sentencepiece protobuf"}}
    if g.get("peft"):
        near = _near(ctx)
        if (near.get("node_type") or near.get("node_exec") or near.get("custom_node") or near.get("model_loader_node")
                or near.get("comfy_place")):
            # core ComfyUI never loads LoRAs through diffusers: a node pack's own dependency (its error report, its
            # traceback, the wrapper node's class name in front of the message: `LoraModelLoader: PEFT backend ...`,
            # or diffusers' own frame inside ComfyUI portable's python_embeded)
            return None
        return {"title": "peft is missing: diffusers needs it to load LoRA weights",
                "cause": ("diffusers loads and fuses LoRA weights (load_lora_weights, fuse_lora) through the `peft` "
                          "library, which is not installed in the Python that runs the pipeline, or is too old for "
                          "this diffusers."),
                "fix": ("Install it with the Python that runs the pipeline: `python -m pip install -U peft` (a notebook: "
                        "`%pip install -U peft`, then restart the kernel)"),
                "details": {"module": "peft", "package": "peft"}}
    if g.get("acc_offload") or g.get("acc_map") or g.get("acc_quant"):
        # diffusers' CPU offload, its quantizers (GGUF, ...) and transformers' device_map / low_cpu_mem_usage load
        # need accelerate, and refuse an accelerate that is not installed or older than the version they check for
        need = g.get("need") or ""
        spec = f'"accelerate>={need}"' if need else "accelerate"
        what = ("CPU offload (enable_model_cpu_offload / enable_sequential_cpu_offload)" if g.get("acc_offload")
                else "loading quantized weights (a GGUF file through GGUFQuantizationConfig, or another quantizer)"
                if g.get("acc_quant") else "loading with device_map or low_cpu_mem_usage=True")
        return {"title": ("accelerate is missing or too old" + (f" (needs {need} or newer)" if need else "")
                          + " in the Python that runs the pipeline"),
                "cause": (f"{what[0].upper() + what[1:]} goes through the `accelerate` library; the Python that runs the "
                          "pipeline has none, or one older than the version diffusers/transformers check for (often a "
                          "second Python: a notebook kernel, a venv, ComfyUI's python_embeded)."),
                "fix": (f"Install or upgrade it with the Python that runs the pipeline: `python -m pip install -U {spec}` "
                        "(a notebook: `%pip install -U accelerate`, then restart the kernel; ComfyUI portable: "
                        "`python_embeded\\python.exe -m pip install -U accelerate`)"),
                "details": {"module": "accelerate", "package": "accelerate", **({"needs": need} if need else {})}}
    if g.get("pyav"):
        # torchvision.io's own check: its video functions need PyAV (`av`), one of ComfyUI's requirements
        if mac or not _comfy_sign(_near(ctx)):
            return None  # another program's video reading (a demo script, a notebook): not the stack's
        return {"title": "PyAV (`av`), a requirement of ComfyUI, is missing from the Python that runs it: torchvision's "
                         "video functions need it",
                "cause": ("torchvision reads and writes video (torchvision.io.read_video / write_video) through PyAV, the "
                          "`av` package, and checks for it when a node calls them. ComfyUI's requirements.txt lists `av` "
                          "(its own video nodes use it), but the Python that runs ComfyUI has none: most often it was "
                          "installed into another Python (the system one instead of ComfyUI portable's python_embeded), "
                          "or ComfyUI's requirements were not reinstalled."),
                "fix": ("Install it with the Python that runs ComfyUI: `python_embeded\\python.exe -m pip install av` "
                        "(portable, from the ComfyUI_windows_portable folder; a venv: `venv/bin/python -m pip install av`, "
                        "Windows `venv\\Scripts\\python -m pip install av`), or reinstall ComfyUI's requirements "
                        "(`python -m pip install -r requirements.txt` in the ComfyUI folder); restart ComfyUI"),
                "details": {"module": "av", "package": "av"}}
    if g.get("dist"):
        # a distribution name (comfyui-frontend-package), as importlib.metadata, ComfyUI's checks and ComfyUI-Manager word it
        if mac:
            return None  # the Manager's or the Desktop app's own install path on a Mac
        dist = g["dist"].lower()
        if g.get("nonetype") or (g.get("desktop") and dist == "comfyui-frontend-package"):
            return None  # the Manager's restore run without a path (its own `expected str, bytes or os.PathLike object,
            # not NoneType`: an unnecessary attempt that does not affect use), or ComfyUI Desktop's (its install folder), whose ComfyUI
            # serves the bundled frontend (--front-end-root) and is not updated through the Manager: nothing missing
        row = next((r for r in cat.tables.get("klein_package") or [] if str(r.get("pip") or "").lower() == dist
                    or r.get("module") == dist.replace("-", "_")), None)
        if row is None:
            return None
        g = {**g, "module": str(row["module"])}
    mod = g.get("module", "")
    if re.fullmatch(r"torchvision\.transforms\.functional_(?:tensor|pil)", mod):
        return None  # removed by torchvision 0.17, not missing from an old one: torchvision.functional-tensor-removed
    if mod == "cv2.ximgproc" or mod.startswith("cv2.ximgproc."):
        return None  # a contrib-only submodule under a cv2 without it (another opencv package owns cv2), not a missing
        # cv2: python.opencv-mismatch
    top = mod.split(".")[0]
    row = next((r for r in cat.tables.get("klein_package") or [] if r.get("module") == top), None)
    if row is None and top != top.lower():  # retyped in title case (`No Module Named 'Triton'`): the stack's names are lower case
        row = next((r for r in cat.tables.get("klein_package") or [] if r.get("module") == top.lower()), None)
        mod, top = mod.lower(), top.lower()
    if row is None:
        return None  # not a package of the Klein stack: another program's error
    pip_name = row.get("pip") or top
    d = {"module": mod, "package": pip_name}
    if top == "huggingface_hub" and "." in mod:
        if mod == "huggingface_hub.errors":
            # the public error module that peft, transformers and diffusers import: an older huggingface_hub keeps its
            # errors only under huggingface_hub.utils, so the hub is older than the package importing it
            return {"as": "hf.hub-too-old",
                    "cause": ("huggingface_hub is installed, but it is a release from before its public "
                              "`huggingface_hub.errors` module, which peft, transformers and diffusers import "
                              "(`from huggingface_hub.errors import HFValidationError`): the huggingface_hub in that Python "
                              "is older than the packages that use it, often pinned down by another package or left "
                              "behind in a second Python."),
                    "details": {**d, "needs": "a newer huggingface_hub"}}
        return None  # a private or removed path (huggingface_hub.utils._errors, .utils._token) that the importing program
        # reached into: newer huggingface_hub releases moved it, and the fix is that program's update, not an install
    index = "https://download.pytorch.org/whl/cu128"
    # ComfyUI's FLUX.2 [dev] tokenizer (comfy/text_encoders) builds the Mistral tekken tokenizer with transformers'
    # MistralConverter: `transformers.integrations.mistral`, falling back to the Pixtral conversion script's copy
    mistral_conv = mod in ("transformers.models.pixtral.convert_pixtral_weights_to_hf", "transformers.integrations.mistral")
    if "." in mod and top in ("diffusers", "transformers") and not mistral_conv and not any(
            p in ("qwen3", "attention_dispatch") or "flux2" in p for p in mod.split(".")):  # Flux2's transformer imports attention_dispatch
        return None  # a submodule Klein does not use (transformers.masking_utils): the calling project's version pin
    if mistral_conv:
        return {"title": f"`transformers` is too old for ComfyUI's FLUX.2 text encoder: it has no `{mod}`",
                "cause": ("ComfyUI's FLUX.2 [dev] text-encoder loader (Load CLIP with the Mistral 3 file, type flux2) "
                          "builds its tokenizer with transformers' MistralConverter, imported from "
                          "`transformers.integrations.mistral` or, failing that, from "
                          "`transformers.models.pixtral.convert_pixtral_weights_to_hf`. Neither is in the transformers "
                          "of the Python that runs ComfyUI: a release older than ComfyUI's requirements (an update that "
                          "did not reinstall the requirements, or packages installed into another Python)."),
                "fix": ("Install ComfyUI's requirements into the Python that runs it: `python -m pip install -r "
                        "requirements.txt` from the ComfyUI folder, or `python -m pip install -U transformers` "
                        "(ComfyUI portable: `python_embeded\\python.exe -m pip install -U transformers`; Desktop: "
                        "update the app, which reinstalls its requirements), then restart ComfyUI."),
                "details": d}
    if top == "triton":
        near = _near(ctx)
        if not (near.get("import_raised") or near.get("node_type") or near.get("node_exec")):
            return None  # named, not raised: most often xformers' harmless Windows notice, not an import that failed
        if near.get("xformers_triton_notice") and not (near.get("node_type") or near.get("node_exec") or near.get("custom_node")):
            return None  # xformers' own probe (_is_triton_available) caught it and logged its traceback: harmless
    if top == "torch" and re.fullmatch(r"torch\.nn\.attention(?:\.\w+)*", mod):
        # torch.nn.attention (sdpa_kernel, SDPBackend) is in torch 2.3's documentation and not in 2.1's; flex_attention
        # came with 2.5: an import of it fails on an older torch, not a broken one
        flex = "flex_attention" in mod
        need = "2.5" if flex else "2.3"
        return {"as": "torch.too-old",
                "cause": (f"The code imports `{mod}`, PyTorch's attention-selection module (`sdpa_kernel`, `SDPBackend`"
                          + (", `flex_attention`" if flex else "") + f"), which torch releases before {need} do not have: "
                          "the torch in the Python that runs it is older than the code expects (torch 2.1 and older have "
                          "only the deprecated `torch.backends.cuda.sdp_kernel`)."),
                "details": {**d, "needs": f"torch>={need}"}}
    tvnew = re.fullmatch(r"torchvision\.(transforms\.v2|tv_tensors)(?:\.\w+)*", mod)
    if tvnew:
        # torchvision.transforms.v2 arrived with torchvision 0.15 (torch 2.0), torchvision.tv_tensors with 0.16 (torch
        # 2.1): an import of either fails on an older torchvision, not a missing one (a node pack's code is newer than it)
        tvneed, tneed = ("0.15", "2.0") if tvnew.group(1).startswith("transforms") else ("0.16", "2.1")
        return {"as": "torch.too-old",
                "title": f"The installed torch / torchvision is too old for this code: it has no `{mod}`",
                "cause": (f"The code imports `{mod}`, which torchvision {tvneed} (released with torch {tneed}) added; the "
                          "torchvision in the Python that runs it is older (an old ComfyUI portable or notebook image, or "
                          "a node pack's requirements pinned torch down), so the node pack fails to import."),
                "details": {**d, "needs": f"torchvision>={tvneed} (torch>={tneed})"}}
    if "." in mod and top in ("torch", "torchvision", "torchaudio", "diffusers", "transformers"):
        return {"title": f"`{top}` is installed but has no `{mod}`: it is too old or broken",
                "cause": f"The import of `{mod}` failed while `{top}` itself is there: an old {pip_name} (or one of another "
                         "torch release) in the Python that runs Klein, or packages installed into a different Python.",
                "fix": (f"Upgrade it in the Python that runs Klein: `python -m pip install -U torch torchvision --index-url {index}`"
                        if top in ("torch", "torchvision", "torchaudio") else
                        f"Upgrade it in the Python that runs Klein: `python -m pip install -U {pip_name}`")
                       + " (ComfyUI portable: `python_embeded\\python.exe -m pip ...`)", "details": d}
    if _near(ctx).get("other_webui") and (top in _comfy_req_modules() or top.startswith(("comfy_", "comfyui_"))):
        return None  # AUTOMATIC1111 / Forge: their own launcher installs their requirements into their own venv
    if top.startswith(("comfy_", "comfyui_")) and "." in mod:
        # the package is there but lacks a submodule this ComfyUI imports (comfy_aimdo.host_buffer): an older copy of a
        # pinned requirement, not a missing one
        if ctx.get("aimdo_no_libcuda") or _near(ctx).get("aimdo_no_libcuda"):
            return None  # comfy-aimdo found no libcuda.so.1 at startup: no NVIDIA driver here (an AMD, Intel or CPU
            # setup), outside the NVIDIA stack whose requirements klein-doctor explains
        return {"as": "comfyui.requirements-outdated",
                "title": f"`{pip_name}` is older than this ComfyUI needs: it has no `{mod}`",
                "cause": (f"`{top}` is installed in the Python that runs ComfyUI, but it is an older release than the one "
                          f"ComfyUI's requirements.txt pins: the updated ComfyUI imports `{mod}`, which that release does "
                          "not have. ComfyUI's code was updated (a launcher, `git pull`, an installer that skipped its "
                          "requirements) and its pinned helper packages were not."),
                "details": d}
    if top.startswith(("comfy_", "comfyui_")):
        # a package of ComfyUI's own requirements.txt: ComfyUI was updated without its requirements
        return {"title": f"`{pip_name}`, a requirement of ComfyUI, is missing from the Python that runs it",
                "cause": (f"ComfyUI was updated (or moved to another Python) without reinstalling its requirements: "
                          f"`{pip_name}` is in ComfyUI's requirements.txt and not installed in the Python that runs it."),
                "fix": ("Reinstall ComfyUI's requirements with the Python that runs it, from the ComfyUI folder: "
                        "`python -m pip install -r requirements.txt` (portable: `python_embeded\\python.exe -m pip install "
                        "-r ComfyUI\\requirements.txt`; Desktop: update the app)"), "details": d}
    if top in _comfy_req_modules() and "." not in mod and _comfy_sign(_near(ctx)):
        # one of ComfyUI's own requirements, missing beside ComfyUI: its code moved on (git pull, the Manager's update,
        # a launcher or image) without its requirements, or a node pack already imports what a newer ComfyUI requires
        return {"title": f"`{pip_name}`, a requirement of ComfyUI, is missing from the Python that runs it",
                "cause": (f"`{pip_name}` is in ComfyUI's requirements.txt and is not installed in the Python that runs "
                          "ComfyUI: its code was updated (`git pull`, the Manager's Update ComfyUI, a launcher or Docker "
                          "image) without reinstalling its requirements, or the ComfyUI is older than that requirement "
                          "and a node pack already imports it."),
                "fix": ("Update ComfyUI and reinstall its requirements with the Python that runs it, from the ComfyUI "
                        "folder: `git pull`, then `python -m pip install -r requirements.txt` (portable: "
                        "`update\\update_comfyui.bat`, or `python_embeded\\python.exe -m pip install -r "
                        "ComfyUI\\requirements.txt`; a venv or Docker image: its python, e.g. `venv/bin/python -m pip "
                        f"install -r requirements.txt`; Desktop: update the app); only this package: `python -m pip "
                        f"install {pip_name}` with that Python"), "details": d}
    if top in ("torchvision", "torchaudio") and mac:
        return {"title": f"{top} is missing from the environment that runs ComfyUI",
                "fix": f"Install the {top} that matches your torch with the Python that runs it: `python -m pip install {top}`",
                "details": d}
    if top in ("torchvision", "torchaudio"):
        fix = (f"Install the {top} that matches your torch, from the same index, with the Python that runs ComfyUI: "
               f"`python -m pip install {top} --index-url {index}` (use the cuXXX of your torch, see "
               "`klein-doctor check --check torch`)")
        return {"title": f"{top} is missing from the environment that runs Klein", "fix": fix, "details": d}
    if top == "triton":
        return {"title": "Triton is missing from the environment that runs Klein",
                "cause": ("Something in this Python imports Triton (SageAttention 1.x, torch.compile, a custom node) and "
                          "it is not installed there. On Windows pip has no `triton` package: it is `triton-windows`, "
                          "pinned to the torch release. Klein itself does not need Triton."),
                "fix": cat.by_id("triton.unavailable").fix, "details": d}  # type: ignore[union-attr]
    if top == "sageattention" and "can't import" in (_near(ctx).get("import_raised") or "").lower():
        # a node set to SageAttention (WanVideoWrapper's loaders: attention_mode sageattn) re-raises the import itself;
        # not the --use-sage-attention launch flag, so the fix is the node's setting or the package
        return {"title": "A node set to SageAttention cannot import it: sageattention is not installed",
                "cause": ("A node whose attention mode is SageAttention (e.g. a model loader with attention_mode "
                          "`sageattn`) imports `sageattention`, which is not installed in the Python ComfyUI runs with."),
                "fix": ("Set the node's attention mode to `sdpa` (Klein runs on PyTorch attention), or install it with the "
                        "Python that runs ComfyUI: `python -m pip install sageattention` (portable: "
                        "`python_embeded\\python.exe -m pip install sageattention`; on Windows it also needs "
                        "`python -m pip install -U \"triton-windows<3.5\"` for torch 2.8)"), "details": d}
    if top == "pip":
        near = _near(ctx)
        if near.get("uv_bootstrap"):
            return None  # another program installing uv into ComfyUI's Python with pip (Mix Studio): its own bootstrap
        if not (re.search(r"comfy|python_embeded", g.get("pypath") or "", re.I) or near.get("custom_node")
                or near.get("node_type") or near.get("node_exec")):
            return None  # another tool's own Python without pip (comfy-cli in a pipx venv): its install path, not ComfyUI's
        return {"title": "pip is missing from the Python that runs ComfyUI",
                "cause": ("The Python that runs ComfyUI (or the script) has no pip module, so nothing can be installed into "
                          "it and node packs that install their requirements at startup fail: a venv created inside "
                          "ComfyUI portable's python_embeded, a venv made by uv (which adds no pip), or a Linux Python "
                          "without its pip package."),
                "fix": ("Put pip back into that Python: `python -m ensurepip --upgrade` (Debian/Ubuntu system Python: "
                        "`sudo apt install python3-pip`; a uv venv: `uv pip install PACKAGE`, or `uv venv --seed`); ComfyUI "
                        "portable's embedded Python has no ensurepip: download https://bootstrap.pypa.io/get-pip.py and run "
                        "`python_embeded\\python.exe get-pip.py`, and do not create a venv inside python_embeded"),
                "details": d}
    if top == "torch":
        return {"title": "PyTorch is not installed in the environment that runs Klein",
                "fix": f"Install a CUDA build into the Python that runs Klein: `python -m pip install torch torchvision --index-url {index}` "
                       "(ComfyUI portable: `python_embeded\\python.exe -m pip install ...`)", "details": d}
    return {"title": f"Python package `{top}` is missing from the environment that runs Klein",
            "fix": f"Install it with the same Python that runs Klein: `python -m pip install {pip_name}` "
                   f"(ComfyUI portable: `python_embeded\\python.exe -m pip install {pip_name}`)", "details": d}


# a class name as node classes are spelled (two capitals, or a digit or underscore): not a plain word of the sentence
# around a missing-node list ("Nodes that have failed to load ...")
_CLASS_LIKE = re.compile(r"(?:[A-Z][^A-Z]*){2}|.*[\d_]")


@functools.lru_cache(maxsize=1)
def _removed_comfy_modules() -> tuple[str, ...]:
    """Modules newer ComfyUI removed (manifests/comfyui_nodes.toml): a node pack importing one is older than ComfyUI."""
    rows = _manifest_part("comfyui_nodes", "removed_module", [])
    return tuple(str(r["module"]) for r in rows if r.get("module"))


@functools.lru_cache(maxsize=1)
def _removed_comfy_attrs() -> frozenset[str]:
    """`module.name` of functions newer ComfyUI removed or moved (manifests/comfyui_nodes.toml removed_attr): a node
    pack calling one at its old place is older than ComfyUI."""
    rows = _manifest_part("comfyui_nodes", "removed_attr", [])
    return frozenset(f"{r['module']}.{n}" for r in rows if r.get("module") for n in r.get("names") or [])


def _release(v: str) -> Version | None:
    """The release a version string starts with (`2.1.0+cu121`, `0.3.42`, `2.6.0.dev20241112`, `v1.2`), compared as
    pip compares them (packaging); None when the text holds no version."""
    m = re.match(r"\s*v?(\d+(?:\.\d+)*(?:(?:a|b|rc|\.?dev|\.?post)\d*)*(?:\+[A-Za-z0-9.]+)?)", v or "")
    if not m:
        return None
    try:
        return Version(m.group(1).rstrip("."))
    except InvalidVersion:
        return None


@functools.lru_cache(maxsize=1)
def _core_node_names() -> frozenset[str]:
    """ComfyUI's built-in node classes (manifests/comfyui_nodes.toml); empty if the table is missing."""
    names = _manifest_part("comfyui_nodes", "core_nodes", {}).get("names") or []
    return frozenset(str(n) for n in names if _CLASS_LIKE.match(str(n)))


@functools.lru_cache(maxsize=1)
def _core_display_names() -> dict[str, str]:
    """Display name -> class of ComfyUI's built-in nodes (manifests/comfyui_nodes.toml core_display_names); empty if the
    table is missing. Only names no other node carries are listed, so a name maps to one class."""
    names = _manifest_part("comfyui_nodes", "core_display_names", {}).get("names") or {}
    return {str(k): str(v) for k, v in names.items() if _CLASS_LIKE.match(str(v))} if isinstance(names, dict) else {}


_MISSING_TYPE_TITLE_RE = re.compile(r"Node '(?P<title>[^'\n]{1,80})' not found\. The custom node may not be installed")


def _core_classes(cat: Catalog) -> frozenset[str]:
    """ComfyUI's own node classes as explain knows them: errors.toml's [[core_node]] rows (with the release that added
    each) and comfyui_nodes.toml's list."""
    return frozenset(str(r["name"]) for r in cat.tables.get("core_node") or [] if r.get("name")) | _core_node_names()


# names of Python's standard io module: asked of comfy_api's V3 `io` (`comfy_api.latest._io_public`), they show a node
# pack whose `from comfy_api.latest import io` shadows the standard library, not a ComfyUI older than the node pack
_STDLIB_IO_NAMES = frozenset({"BytesIO", "StringIO", "TextIOWrapper", "IOBase", "RawIOBase", "BufferedIOBase",
                              "TextIOBase", "BufferedReader", "BufferedWriter", "BufferedRandom", "BufferedRWPair",
                              "FileIO", "open", "open_code", "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE",
                              "UnsupportedOperation", "IncrementalNewlineDecoder", "text_encoding"})


# capitalised words that may stand before a node's class name in a sentence (`The ImageStitch node is missing`); any
# other capitalised or class-like word there makes the name the end of a display name of several words
_NODE_PREV_WORDS = frozenset({"the", "my", "a", "an", "this", "that", "its", "our", "your", "core", "built-in", "builtin"})


_NEWER_COMFY_RE = re.compile(r"require a newer version of ComfyUI \(current: v?(?P<cur>\d{1,3}\.\d{1,3}(?:\.\d{1,3})?)\)"
                             r"[\s\S]{0,120}?Requires ComfyUI v?(?P<req>\d{1,3}\.\d{1,3}(?:\.\d{1,3})?):?(?P<reqnodes>[\s\S]{0,800})", re.I)
_UUID_RE = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I)


def _core_in(text: str, cat: Catalog) -> list[str]:
    """ComfyUI core node classes named in a missing-node list, also where a paste lost the line breaks between them."""
    return sorted(n for n in _core_classes(cat) if len(n) > 3 and n in text)


def _newer_comfy_dialog(g: dict[str, str], cat: Catalog, ctx: dict[str, Any],
                        older_as_is: bool = True) -> dict[str, Any] | None:
    """The frontend's missing core-node dialog (`Some nodes require a newer version of ComfyUI (current: A) ...
    Requires ComfyUI B:` and its translations): the workflow's missing types come from ComfyUI core B. A running
    ComfyUI older than B is this ComfyUI being older; one at B or newer that still lacks the types means the server
    has them and something between did not: types that are UUIDs are subgraph definitions (blueprints, templates),
    which only the web frontend resolves, so its package is older than this ComfyUI; core classes at a current
    version (a core module that failed to import at start) are not claimed."""
    cur, req = _release(g.get("cur") or ""), _release(g.get("req") or "")
    if cur is None or req is None or _off_nvidia(ctx):
        return None
    listed = g.get("reqnodes") or ""
    if cur < req:
        core = _core_in(listed, cat)
        if core:
            hand = _outdated({"nodes": " ".join(core)}, cat, ctx)
            if hand and hand.get("as"):
                return hand  # Klein's own core nodes: comfyui.too-old-for-klein
        if not older_as_is:
            return {"as": "comfyui.outdated"}
        names = ", ".join(core[:6]) + (", ..." if len(core) > 6 else "") if core else "nodes of ComfyUI itself"
        return {"title": f"This ComfyUI ({g['cur']}) is older than the workflow's core nodes need ({g['req']})",
                "details": {"comfyui_version": g["cur"], "needs": g["req"], **({"missing_nodes": names} if core else {})},
                "cause": (f"ComfyUI's frontend checked the workflow's missing node types against the ComfyUI release "
                          f"that saved them: they are {names}, built into ComfyUI {g['req']} and newer, and this one is "
                          f"{g['cur']}. No node pack provides them; only a newer ComfyUI does.")}
    if _UUID_RE.search(listed):
        return {**({} if not older_as_is else {"as": "comfyui.frontend-outdated"}), "details": {"comfyui_version": g["cur"], "needs": g["req"],
                                                                "missing_types": "subgraph definitions (UUIDs)"},
                "cause": (f"The frontend reports types that ComfyUI {g['req']} should have while this ComfyUI is already "
                          f"{g['cur']}, and the missing types are UUIDs: the workflow's subgraph definitions (a template's "
                          "or a blueprint's), which the web frontend itself resolves, not the server. The ComfyUI code was "
                          "updated but its frontend, a pip package (comfyui-frontend-package) pinned in requirements.txt, "
                          "was not (an update script or launcher that skips the requirements, a second Python), so an "
                          "older frontend that cannot read these subgraphs runs beside the newer server.")}
    return None


@_interp("outdated")
def _outdated(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if g.get("cur") and g.get("req"):
        return _newer_comfy_dialog(g, cat, ctx)
    dialog = _NEWER_COMFY_RE.search(g.get("nodes") or "")
    if dialog:
        # the missing-node list of the same dialog reaches its version lines: one error, read as the dialog
        return _newer_comfy_dialog({k: v for k, v in dialog.groupdict().items() if v is not None}, cat, ctx)
    if g.get("corever") is not None and g.get("workflow_version"):
        core = _core_in(g.get("corenodes") or "", cat)
        listed = ", ".join(core[:6]) + (", ..." if len(core) > 6 else "") if core else "core nodes"
        return {"title": (f"This ComfyUI is older than the workflow: it lacks {listed} of ComfyUI "
                          f"{g['corever']} (the workflow was saved by {g['workflow_version'].lstrip('vV')})"),
                "details": {"workflow_version": g["workflow_version"].lstrip("vV"), "core_nodes_version": g["corever"],
                            **({"missing_nodes": listed} if core else {})},
                "cause": ("The frontend's load warning groups the workflow's missing nodes under `Core nodes source "
                          f"version: {g['corever']}`: they ship with ComfyUI itself (not a node pack), and this ComfyUI is "
                          f"older than the release that added them; the workflow was saved by ComfyUI "
                          f"{g['workflow_version'].lstrip('vV')}.")}
    if g.get("ltx_audio_meta"):
        # ComfyUI's LTX-2 audio VAE (comfy/ldm/lightricks/vae/audio_vae.py) asserts that the file's safetensors metadata
        # carries its `config`: ComfyUI 0.7.x's LTX-2 loaders did not hand it over (0.8.0 did, the Jan 2026 answer in
        # Lightricks/ComfyUI-LTXVideo#316), and a standalone audio VAE read before ComfyUI took its config from the file
        # (PR 13499) fails the same way. A fork for another GPU has its own update path
        if _off_nvidia(ctx):
            return None
        return {"title": "ComfyUI's LTX-2 audio VAE loader found no config in the file's metadata: this ComfyUI is older "
                         "than the LTX-2 nodes need",
                "details": {"assertion": "Metadata is required for audio VAE"},
                "cause": ("ComfyUI builds LTX-2's audio VAE from the `config` stored in the safetensors metadata of the "
                          "file, and asserts `Metadata is required for audio VAE` when none reached it. ComfyUI releases "
                          "before 0.8.0 did not pass the metadata on from the LTX-2 loader nodes, and releases before "
                          "April 2026 could not read a standalone (extracted) audio VAE file at all; a file saved again "
                          "without its metadata has none to give."),
                "fix": (cat.by_id("comfyui.outdated").fix + "; then load the audio VAE from the official LTX-2 checkpoint "  # type: ignore[union-attr]
                        "or Lightricks' own audio VAE file with the LTXV Audio VAE Loader (a re-saved or converted file "
                        "may have lost its metadata)")}
    if g.get("mgr_builtin"):
        if _off_nvidia(ctx):
            return None
        return {"title": "ComfyUI-Manager: the workflow's missing nodes are built into a newer ComfyUI than this one",
                "details": {"manager_alert": "built-in nodes"},
                "cause": ("ComfyUI-Manager's `Install Missing Custom Nodes` found that the workflow's missing nodes are "
                          "ComfyUI core nodes (`ComfyUI is outdated, so some built-in nodes cannot be used.`): no node "
                          "pack installs them, only a newer ComfyUI (a release or, for nodes added days ago, the nightly "
                          "master branch; the Desktop app and the stable portable follow releases with a delay).")}
    if g.get("newnode") or g.get("newver"):
        if _off_nvidia(ctx):
            return None
        said = (g.get("newnode") or "").strip()
        return {"details": {"said": said} if said else {"said": "newer ComfyUI version"}}
    if g.get("pnode"):
        # a user's words that a node is missing (`PIDconditioning node is missing`, `EmptyFlux2LatentImage node not
        # found`): claimed only for a class of ComfyUI itself, however the user cased it, and then read as the missing-node
        # list below; a node pack's class is that pack's install, a plain word ("a node is missing") no class at all
        name = {n.lower(): n for n in _core_classes(cat)}.get(g["pnode"].lower())
        prev = g.get("pprev") or ""
        if prev and (_CLASS_LIKE.match(prev) or (prev[0].isupper() and prev.lower() not in _NODE_PREV_WORDS)):
            return None  # the last word of a node pack's display name (`Flux2Klein KSampler node`), not a class
        if not name or _off_nvidia(ctx):
            return None
        g = {**g, "nodes": name}
    if g.get("kvcache"):
        # a user's words that the Klein KV workflow errors on a missing KV cache node, with the Klein 9B KV model named
        # on the line (one-node-flux-2-klein's `KV model version detected` line): ComfyUI's core FluxKVCache node, read as
        # that missing-node list (its [[core_node]] row says from which release)
        if _off_nvidia(ctx):
            return None
        g = {**g, "nodes": "FluxKVCache"}
    if g.get("kfolder"):
        # a node pack lists a model folder that ComfyUI's folder_paths registers only in newer releases (clip and unet
        # became text_encoders and diffusion_models in late 2024; model_patches, audio_encoders, latent_upscale_models
        # came in 2025): this ComfyUI predates the folder. A fork for another GPU has its own update path
        if _off_nvidia(ctx):
            return None
        folder = g["kfolder"]
        return {"title": f"This ComfyUI has no `{folder}` model folder: it is older than the node that lists it",
                "details": {"missing_folder": folder},
                "cause": (f"A node asks ComfyUI's folder_paths for the files of the `{folder}` model folder, and this "
                          f"ComfyUI has no folder registered under that name (`KeyError: '{folder}'`): it is older than "
                          "the release that added it (ComfyUI renamed `clip` to `text_encoders` and `unet` to "
                          "`diffusion_models` in late 2024, and added `model_patches`, `audio_encoders` and "
                          "`latent_upscale_models` in 2025), while the node pack was written for a newer one."),
                "fix": (cat.by_id("comfyui.outdated").fix + "; the old folders (models/clip, models/unet) keep "  # type: ignore[union-attr]
                        "working after the update, so no files need to move")}
    if g.get("fin"):
        # a FLUX.1 Tools file (img_in 384 wide: Fill; 128: Depth / Canny) meeting the plain FLUX.1 layout (64): a ComfyUI
        # from before it sized img_in from the file. InvokeAI also calls its model class `Flux`: only a ComfyUI run counts
        near = _near(ctx)
        comfy = g.get("fnode") or _comfy_node_run(near) or any(near.get(k) for k in ("comfy_reqs", "comfy_load", "comfy_place"))
        if not comfy or _off_nvidia(ctx):
            return None
        width = _int(g["fin"]) or 0
        model = "FLUX.1 Fill (inpainting / outpainting)" if width == 384 else "FLUX.1 Depth or Canny"
        chans = ("16 latent + 16 masked-image latent + 64 mask channels" if width == 384
                 else "16 latent + 16 control-image channels")
        return {"title": f"This ComfyUI is older than the {model} model: it builds the plain FLUX.1 input layer",
                "details": {"file_img_in": f"3072x{width}", "model_img_in": "3072x64", "model": model},
                "cause": (f"The diffusion model file is {model}: its img_in.weight is 3072x{width} ({chans}, each "
                          "taken in 2x2 patches), and this ComfyUI built the plain FLUX.1 input layer, 3072x64 (16 "
                          "latent channels). A current ComfyUI sizes img_in from the file; one from before FLUX.1 Tools "
                          "support (November 2024) does not, so this ComfyUI is older than the model."),
                "fix": (cat.by_id("comfyui.outdated").fix + "; check that the update took (git: `git log -1 --format=%cd` "  # type: ignore[union-attr]
                        "in the ComfyUI folder shows the date of the installed commit, which must be after November "
                        "2024), then load the file with Load Diffusion Model again")}
    if g.get("qvocab") or g.get("qmlp") or g.get("qnorm"):
        # a Qwen3 text encoder file (151936-token vocabulary; MLP 2560 x 9728 or 4096 x 12288) loaded into a Llama2: this
        # ComfyUI does not know the encoder's type and falls back to HiDream's Llama 3.1 8B layout (128256 tokens,
        # width 4096, MLP 14336). A paste (or a GGUF loader) that lists only the norm weights shows the width alone: a
        # 2560-wide file (Qwen3-4B's width) under `state_dict for Llama2`
        if g.get("qvocab"):
            width = _int(g.get("qwidth"))
        elif g.get("qmlp"):
            width = 2560 if "2560" in g["qmlp"] else 4096
        else:
            width = _int(g.get("qnorm"))
        d = {"file_width": width} if g.get("qnorm") else {"file_vocabulary": 151936, "file_width": width}
        if width == 4096:
            return {"as": "comfyui.too-old-for-klein", "details": {**d, "encoder": "Qwen3-8B (Klein 9B)"},
                    "cause": ("The text encoder file is Qwen3-8B (width 4096, MLP 12288), FLUX.2 [klein] 9B's "
                              "encoder, and this ComfyUI built a Llama2 for it: it does not know Klein's encoder, so it is "
                              f"older than {_klein_comfy()}, the first release with Klein support.")}
        enc = "Qwen3-4B (Z-Image, FLUX.2 [klein] 4B)" if width == 2560 else f"a Qwen3 model of width {width}"
        title = "This ComfyUI does not know the Qwen3 text encoder: it builds a Llama2 from it"
        if g.get("qnorm"):  # the width alone, no vocabulary seen
            enc = "a 2560-wide model, Qwen3-4B's width (the encoder of Z-Image and FLUX.2 [klein] 4B)"
            title = ("This ComfyUI built a Llama2 from a 2560-wide text encoder (Qwen3-4B's width): it does not know "
                     "the encoder")
        return {"title": title,
                "details": {**d, "encoder": enc},
                "cause": (f"The text encoder file is {enc} (width {width}), and this ComfyUI built a Llama2 (Llama 3.1 "
                          "8B's layout: width 4096) for it. The CLIP loader does not know this encoder's type, so ComfyUI is "
                          f"older than the model's support (Z-Image needs {_comfy_release('z_image')} or newer, FLUX.2 [klein] "
                          f"{_klein_comfy()} or newer)."),
                "fix": (cat.by_id("comfyui.outdated").fix + "; then set the CLIPLoader type the model's template uses (`flux2` "  # type: ignore[union-attr]
                        "for Klein); a GGUF encoder also needs a current ComfyUI-GGUF")}
    nodes = g.get("nodes")
    if nodes is not None and g.get("nckey") is not None and not _near(ctx).get("custom_node"):
        return None  # a script's own NODE_CLASS_MAPPINGS lookup (nodes not loaded yet), not a node pack's import
    if nodes is not None:
        # a missing-node list: claimed when it names a core node of Klein (custom nodes are their packs' business)
        names = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]{2,80}", nodes))
        # ComfyUI's missing_node_type refusal prints the node's title, which the frontend saves as the class's display
        # name (`Node 'Load Diffusion Model' not found`): a display name of a built-in node stands for its class, unless
        # the class itself is printed beside it (`class_type`), which then decides
        shown = _MISSING_TYPE_TITLE_RE.search(nodes)
        if shown and "class_type" not in nodes and (cls := _core_display_names().get(shown["title"].strip())):
            names.add(cls)
        rows = [r for r in cat.tables.get("core_node") or [] if r.get("name") in names]
        if not rows:
            core = sorted(names & _core_node_names())
            if not core or _off_nvidia(ctx):
                return None  # node packs' classes (their own install), or a fork for another GPU
            listed = ", ".join(core[:6]) + (", ..." if len(core) > 6 else "")
            what = "a built-in node" if len(core) == 1 else "built-in nodes"
            return {"title": f"This ComfyUI has no {listed}: {what} of a newer ComfyUI than this one",
                    "details": {"missing_nodes": listed},
                    "cause": (f"The workflow uses {listed}, nodes that ship with ComfyUI itself (not a node pack), and "
                              "this ComfyUI does not have them: it is older than the release that added them, most "
                              "often (a Docker image, cloud worker, portable or managed server that was not updated); "
                              "or, if it is current, the core module that defines them failed to import at start."),
                    "fix": (cat.by_id("comfyui.outdated").fix + "; if ComfyUI is already current, look in its start log "  # type: ignore[union-attr]
                            "for `Cannot import` of a comfy_extras module and reinstall its requirements with the Python "
                            "that runs it (`python -m pip install -r requirements.txt`)")}
        def _ver(v: str) -> Version:
            return _release(v) or Version("0")
        since = max((str(r.get("since") or "0") for r in rows), key=_ver)
        listed = ", ".join(sorted(str(r["name"]) for r in rows))
        min_klein = str(_manifest_part("comfyui", "version", {}).get("min_klein") or "0")
        if _ver(since) < _ver(min_klein):
            # a core node older than Klein's support (ReferenceLatent, 0.3.42): the workflow needs a newer ComfyUI,
            # whichever model it runs; this ComfyUI is also older than Klein's own release
            return {"title": f"This ComfyUI has no {listed}: it is older than the workflow needs",
                    "details": {"missing_nodes": listed, "needs": since},
                    "cause": (f"The workflow uses {listed}, core nodes of ComfyUI {since} and newer, and this ComfyUI does "
                              f"not have them: it is older than that release (and than {min_klein}, which Klein needs).")}
        out = {"as": "comfyui.too-old-for-klein", "details": {"missing_nodes": listed, "needs": since},
               "cause": (f"The workflow uses {listed}, core nodes of ComfyUI {since} and newer, and this ComfyUI "
                         "does not have them: it is older than Klein's support.")}
        if _ver(since) > _ver(min_klein):
            # a Klein node of a later release (FluxKVCache, 0.17.0, for the 9B KV model): the row's `v0.9.2 or newer`
            # would not bring it, so the fix names the release the node needs
            out["cause"] = (f"The workflow uses {listed}, core nodes of ComfyUI {since} and newer, and this ComfyUI "
                            f"does not have them: it is older than that release (Klein itself runs from {min_klein}).")
            out["fix"] = (f"Update ComfyUI to v{since} or newer (git: `git pull` then `python -m pip install -r "
                          "requirements.txt`; portable: run update\\update_comfyui.bat; Desktop: update the app), then "
                          "reload the workflow")
        return out
    if g.get("mgr_alert"):
        rel = _comfy_release("manager_security_api") or "the release the Manager names"
        # ComfyUI-Manager 3.38+ at start: this ComfyUI is older than the Manager's security API (PR 2338), so the
        # Manager forces security_level strong and refuses installs until ComfyUI is updated
        return {"title": "ComfyUI-Manager blocks installs: this ComfyUI is older than the Manager needs",
                "cause": ("ComfyUI-Manager 3.38 and later check the ComfyUI they run in at start; on a ComfyUI older than "
                          f"the release their security API needs ({rel}) they print `Security Alert: ComfyUI outdated`, "
                          "force security_level to strong and refuse every install (updates stay allowed). Raising "
                          "security_level in config.ini does not lift it: only a newer ComfyUI does. A stable-channel "
                          "updater or a launcher pinned to an older release can report nothing to update while "
                          "ComfyUI stays below that release."),
                "fix": (cat.by_id("comfyui.outdated").fix + "; check the version it reports at start (`ComfyUI version:`) "  # type: ignore[union-attr]
                        f"is {rel} or newer (git: `git checkout master` then `git pull` when it sits on an older tag)"),
                "details": {"manager_alert": "comfyui_outdated"}}
    if g.get("too_old") or g.get("frontend"):
        # ComfyUI-Manager's or a node pack's own check found this ComfyUI (or its frontend package) too old
        return {"details": {"frontend_needed": g["frontend"]} if g.get("frontend") else {}}
    if g.get("v3node"):
        # a node pack calling a V3 classmethod (`execute`, `define_schema`) of a ComfyUI core node: this ComfyUI still
        # has the legacy node, older than the V3 port the node pack was written for
        node, meth = g["v3node"], g.get("v3meth") or "execute"
        if node not in _core_node_names() or _off_nvidia(ctx):
            return None  # a node pack's own class, or a fork for another GPU
        return {"title": f"A node calls `{node}.{meth}`, the V3 API of ComfyUI's {node}: this ComfyUI is older than that",
                "cause": (f"ComfyUI has been moving its built-in nodes to the V3 node API (comfy_api.latest: io.ComfyNode "
                          f"classes whose work is the classmethod `execute`, described by `define_schema`). A custom node "
                          f"calls `{node}.{meth}` as a newer ComfyUI defines it, and this ComfyUI still has the legacy "
                          f"{node} (its old method name, no `{meth}`): ComfyUI is older than the node pack expects "
                          "(DifferentialDiffusion, for one, became a V3 node in ComfyUI 0.3.63)."),
                "fix": (cat.by_id("comfyui.outdated").fix + "; if ComfyUI cannot be updated, install the node pack's "  # type: ignore[union-attr]
                        "release made for this ComfyUI (ComfyUI-Manager: Custom Nodes Manager > Switch Ver; git: `git "
                        "checkout <older tag>` in its custom_nodes folder)"),
                "details": {"node": node, "method": meth}}
    if g.get("cattr"):
        if _off_nvidia(ctx):
            return None  # a fork for another GPU (ComfyUI-Zluda) or a Mac setup: its own update path
        if (g.get("cmod") or "").startswith("comfy_api") and g["cattr"] in _STDLIB_IO_NAMES:
            return None  # `from comfy_api.latest import io` shadowing Python's io in the node pack: its own bug
        name = f"{g.get('cmod')}.{g['cattr']}"
        if name in _removed_comfy_attrs():
            return None  # a function newer ComfyUI removed or moved: the node pack is the older side, its own update
        return {"title": f"A node calls `{name}`, which this ComfyUI does not have",
                "cause": (f"A custom node (or a workflow's node pack) calls `{name}`: a function of a newer ComfyUI than "
                          "the one installed, most often; or, if this ComfyUI is current, one it has since removed or "
                          "renamed, and the node pack is the older side."),
                "fix": (cat.by_id("comfyui.outdated").fix + "; if ComfyUI is already up to date, update the node pack that "  # type: ignore[union-attr]
                        "calls it (ComfyUI-Manager: Custom Nodes Manager > Update; git: `git pull` in its custom_nodes folder)"),
                "details": {"missing": name}}
    if g.get("cnode"):
        if g["cnode"] not in _core_classes(cat) or _off_nvidia(ctx):
            return None  # a node pack's own class (or another program's): whichever side is older, not ComfyUI's version
        call = f"{g['cnode']}.{g.get('cmeth')}()"
        how = f"the keyword `{g['ckw']}`" if g.get("ckw") else "more positional arguments"
        return {"title": f"A node passes {call} arguments this ComfyUI does not take: ComfyUI is older than the node",
                "cause": (f"A custom node calls {call} of ComfyUI's core node with {how} than this ComfyUI's version "
                          "accepts: the node pack was written for a newer ComfyUI, which added the argument."),
                "details": {"call": call, **({"keyword": g["ckw"]} if g.get("ckw") else {})}}
    if g.get("anyinput"):
        return {"title": "ComfyUI's prompt validation refused a link from a wildcard (*) output",
                "cause": ("Switch / any-type nodes of node packs output the wildcard type `*`, which ComfyUI's prompt "
                          "validation accepts; some ComfyUI versions compared the types strictly and refused every such "
                          "link (`received_type(*) mismatch`), fixed in later ComfyUI releases."),
                "details": {"input": g["anyinput"]}}
    if g.get("cliptype"):
        # a user telling that the loader's type list has no FLUX entry: DualCLIPLoader got `flux` with FLUX.1 support
        # (August 2024), CLIPLoader got `flux2` with FLUX.2 support (before Klein's v0.9.2). The single CLIPLoader never
        # had `flux` (FLUX.1 takes DualCLIPLoader): a wrong loader, not an old ComfyUI; a fork for another GPU: its own
        dual = (g.get("cliploader") or "").lower().startswith("dual")
        if _off_nvidia(ctx) or (g["cliptype"].lower() == "flux") != dual:
            return None
        if not dual:
            return {"as": "comfyui.too-old-for-klein", "details": {"loader": "CLIPLoader", "missing_type": "flux2"},
                    "title": "This ComfyUI's CLIPLoader has no `flux2` type: it predates FLUX.2, so it is too old for Klein",
                    "cause": ("CLIPLoader's type list has no `flux2`, the type FLUX.2's text encoders (Klein's Qwen3 "
                              f"included) load with: this ComfyUI is older than FLUX.2 support, and Klein needs {_klein_comfy()} or "
                              "newer.")}
        return {"title": "This ComfyUI's DualCLIPLoader has no `flux` type: it is older than FLUX support",
                "details": {"loader": "DualCLIPLoader", "missing_type": "flux"},
                "cause": ("DualCLIPLoader's type list has no `flux`: this ComfyUI predates FLUX support (August 2024), so "
                          "it cannot load FLUX's text encoders and builds its models with the wrong layout (loads then fail "
                          f"with errors such as KeyError 'conv_in.weight'). FLUX.2 [klein] needs a far newer one ({_klein_comfy()} or "
                          "newer).")}
    mod = g.get("module") or ""
    if re.fullmatch(r"node[_ ]helpers?", mod):
        mod = "node_helpers"  # the module name retyped in an issue title (`node helper`)
    near = _near(ctx)
    if not near.get("custom_node"):
        # ComfyUI's own import failing is a broken install or a `comfy` pip package shadowing it, not this. A top-level
        # module of newer ComfyUI (node_helpers, comfy_api...) quoted bare, with no traceback frame at all, is a node
        # pack's import failure as its users paste it on that pack's tracker: ComfyUI's own import would show its frames
        if "." in mod or near.get("py_frame") or _off_nvidia(ctx):
            return None
    if any(mod == r or mod.startswith(r + ".") for r in _removed_comfy_modules()):
        return None  # a module newer ComfyUI removed: the node pack is the older side, its own fix
    if g.get("cut") is not None:
        # the line as pasted stops inside the module name (no closing quote): the name shown is its beginning
        return {"title": f"A custom node needs a newer ComfyUI: this one has no `{mod}...` (the name is cut in the paste)",
                "details": {"module": mod + "...", "cut": True}}
    return {"title": f"A custom node needs a newer ComfyUI: this one has no `{mod}`", "details": {"module": mod}}


@_interp("mixed_quant_old")
def _mixed_quant_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`unet unexpected` / `clip unexpected` listing layers' `.comfy_quant` entries (with their scales) but not the
    layers' weights: the loader took the weights and dropped the mixed-precision markers, a ComfyUI older than the
    file. Silent when ComfyUI logged that it detected mixed precision, or when a marked layer's `.weight` is unexpected
    too (a whole extra layer, another model's file), or for a single marked layer (too little to say)."""
    if _fact(ctx, "comfy_mixed_quant"):
        return None  # this ComfyUI reads mixed-precision files: the unexpected keys are layers the model lacks
    names = re.findall(r"'([\w.]{1,200})'", g.get("keys", ""))
    quant = {n[:-len(".comfy_quant")] for n in names if n.endswith(".comfy_quant")}
    weights = {n[:-len(".weight")] for n in names if n.endswith(".weight")}
    if len(quant) < 2 or quant & weights:
        return None
    part = g.get("part", "unet").lower()
    return {"details": {"loader": "text encoder" if part == "clip" else "diffusion model",
                        "quantized_layers_listed": len(quant)}}


@_interp("bnb_packed")
def _bnb_packed(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A `[N, 1]` tensor from the file where the model has a full [rows, cols] weight is bitsandbytes' 4-bit storage only
    when N is exactly half the layer's values (two 4-bit values a byte); a loader that sized the layer from the packed
    column itself shows [rows, 0]. Any other column vector is another file format or another model."""
    packed, rows, cols = _int(g.get("packed")), _int(g.get("rows")), _int(g.get("cols"))
    if not packed or not rows or cols is None:
        return None
    values = 2 * packed
    if cols == 0:
        if values % rows:
            return None
        cols = values // rows
    elif rows * cols != values:
        return None
    if values < 4096:
        return None  # a tiny layer: the halving could be a coincidence
    return {"details": {"tensor": g.get("key", ""), "file_shape": f"[{packed}, 1]", "layer_shape": f"[{rows}, {cols}]",
                        "layer_values": values},
            "cause": (f"The model file stores `{g.get('key', 'its weights')}` as a flat [{packed}, 1] column: "
                      f"{values} values ({rows} x {cols}) packed two to a byte, bitsandbytes' 4-bit format (NF4 or FP4, as "
                      "the flux1-dev-bnb-nf4 checkpoints are). A loader without bitsandbytes support (ComfyUI's own Load "
                      "Checkpoint or Load Diffusion Model, a plain load_state_dict) copies the packed column into the "
                      "full-size layer and fails on every weight; ComfyUI itself does not read bnb 4-bit files.")}


@_interp("te_loader")
def _te_loader(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    arch = g.get("arch")
    if arch:
        return {"title": f"A text-encoder loader was given a diffusion-model file (GGUF architecture '{arch}')",
                "details": {"arch": arch}}
    return {}


@_interp("unet_loader_te")
def _unet_loader_te(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI-GGUF's image-model loader refusing an LLM / text-encoder architecture: the file is in the wrong loader."""
    arch = g.get("arch")
    if arch:
        return {"title": f"A diffusion-model loader (Unet Loader (GGUF)) was given a text-encoder file (GGUF architecture '{arch}')",
                "details": {"arch": arch}}
    return {}


# loaders whose file list ComfyUI builds from a models folder: the core ones and ComfyUI-GGUF's; validation's
# `Required input is missing: ckpt_name` from one of them means that list was empty
_LISTING_LOADER = re.compile(r"(?:^|[\s*])(?:CheckpointLoader(?:Simple)?|ImageOnlyCheckpointLoader|unCLIPCheckpointLoader|"
                             r"UNETLoader|(?:Dual|Triple|Quadruple)?CLIPLoader|VAELoader|\w{0,30}GGUF|Load (?:Checkpoint|"
                             r"Diffusion Model|CLIP|VAE))$")


_LISTED_ITEM = re.compile(r"'([^'\n]{1,300})'|\"([^\"\n]{1,300})\"")


def _not_listed_entry(g: dict[str, str]) -> dict[str, Any]:
    """`Value not in list`: an empty name (nothing picked), or the same file listed under a subfolder or another path."""
    inp, val = g.get("input") or "", g.get("value")
    if val is None:
        return {}
    if not val.strip():
        return {"title": f"A loader has no file selected: the workflow's {inp} is empty",
                "cause": (f"The workflow reached ComfyUI with an empty `{inp}`: no file was picked in that loader (the "
                          "workflow's file was not installed when it was opened, or its name was cleared), so the prompt is "
                          "refused before anything runs."),
                "details": {"input": inp}}
    def base(x: str) -> str:
        return re.split(r"[\\/]+", x.replace("\\\\", "\\"))[-1].strip().lower()
    items = [a or b for a, b in _LISTED_ITEM.findall(g.get("listed") or "")]
    same = [x.replace("\\\\", "\\") for x in items if base(x) == base(val) and x != val]
    if same:
        return {"title": f"The file is installed, but ComfyUI lists it as '{same[0]}', not '{val}'",
                "cause": (f"`{inp}` names '{val}', and the loader's list holds the same file as '{same[0]}': ComfyUI names "
                          "a file by its path under the models folder, so a file in a subfolder (or a workflow saved with "
                          "another path, another path separator or a full path) does not match the workflow's name."),
                "fix": f"Pick '{same[0]}' in the node's {inp} list (or move the file up to the folder itself and press R in the ComfyUI page to refresh the lists)",
                "details": {"input": inp, "value": val, "listed_as": same[0]}}
    return {}


@_interp("cli_unauthorized")
def _cli_unauthorized(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    status = g.get("status") or "401"
    site = "CivitAI" if g.get("msg") else "the download site"  # the site's own message: comfy-cli's CivitAI branch
    out: dict[str, Any] = {"title": f"`comfy model download` was refused with HTTP {status} by {site}: the file needs an "
                                    "account's token (CivitAI API key or Hugging Face token)",
                           "details": {"status": status}}
    if g.get("msg"):
        out["details"]["site_message"] = g["msg"].strip()
    return out


_SOCK_WHY = (("10054]", "the connection was reset"), ("Errno 104]", "the connection was reset"),
             ("10053]", "the connection was aborted"), ("10060]", "no answer came (timed out)"),
             ("Errno 110]", "no answer came (timed out)"), ("timed out", "no answer came (timed out)"),
             ("10061]", "the connection was refused"), ("Errno 111]", "the connection was refused"),
             ("11001]", "the host name did not resolve"), ("Errno -2]", "the host name did not resolve"),
             ("Errno -3]", "the host name did not resolve"), ("Errno 2]", "the host name did not resolve"),
             ("Errno 3]", "the host name did not resolve"), ("Errno 101]", "the network is unreachable"),
             ("Errno 113]", "no route to the host"), ("EOF occurred", "the connection was cut during TLS"))


@_interp("manager_download_net")
def _manager_download_net(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    why = (g.get("why") or "").strip()
    what = next((w for k, w in _SOCK_WHY if k in why), "the connection failed")
    if not why:
        return {}
    return {"title": f"ComfyUI-Manager's model download failed: {what} ({why[:80]})", "details": {"error": why}}


# the `LEVEL:logger:` prefix of Python's default logging format (`ERROR:root:`), as older ComfyUI logged validation errors
_LOGGER_PREFIXES = frozenset({"root", "debug", "info", "warning", "error", "critical"})


@_interp("file_not_listed")
def _file_not_listed(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if _off_nvidia(ctx):
        return None  # an AMD/Intel GPU or Mac setup: outside the NVIDIA stack these fixes are for
    if g.get("missing_input"):
        inp = g["missing_input"]
        node = (g.get("mnode") or "").strip()
        if node.lower() in _LOGGER_PREFIXES:
            node = ""  # `ERROR:root:  - Required input ...`: Python logging's `LEVEL:logger:` prefix, not a node's name
        if node and not _LISTING_LOADER.search(node):
            return None  # a node pack's own loader (Easy-Use's fluxLoader): its widget's value, that pack's business
        return {"title": f"A loader has no file selected: ComfyUI lists no file for its {inp}",
                "cause": (f"ComfyUI's prompt validation found no value for the loader's `{inp}`: its list of files was empty "
                          "when the workflow was queued (nothing in that models folder, or the folder is not where this "
                          "ComfyUI looks), so the node sent no name."),
                "details": {"input": inp}}
    if g.get("vnode"):
        # `* CheckpointLoaderSimple 4: - Value not in list` cut before the input (an issue title): ComfyUI's own loader
        return {"details": {"node_type": g["vnode"]}}
    if g.get("mfolder"):
        # folder_paths.get_full_path_or_raise: the name reached the loader unvalidated (a node pack's loader, an API
        # prompt, an older frontend) and no folder registered for that kind holds it
        folder, val = g["mfolder"], (g.get("value") or "").strip()
        return {"title": f"ComfyUI has no file '{val}' in its {folder} folder: the loader names a file that is not there",
                "cause": (f"ComfyUI looked the name up in every folder registered for `{folder}` (ComfyUI/models/{folder} "
                          "and the extra_model_paths.yaml entries) and found no such file: it is not downloaded, it has "
                          "another name or extension (ae.sft against ae.safetensors), or it lies in another folder. The "
                          "prompt's validation did not refuse the name first, as it does for a node whose list it checks "
                          "(`Value not in list`), so the loader itself failed with FileNotFoundError."),
                "details": {"folder": folder, "value": val}}
    if not g.get("nonepath"):
        return _not_listed_entry(g)
    near = _near(ctx)
    node = near.get("node_type") or ""
    if node == "load_checkpoint_guess_config":
        node = ""  # a frame name, not the report of a ComfyUI node
    node = node or (g.get("lnode") or "")  # ComfyUI's loader class named right before the error (`DualCLIPLoader 'NoneType' ...`)
    comfy_frames = bool(near.get("comfy_reqs") and near.get("model_loader"))  # a traceback through ComfyUI's own files and loader
    if not (node or near.get("node_exec") or comfy_frames):
        return None  # not a ComfyUI node's error: another program (one that bundles ComfyUI's loader code) or plain Python
    if not (near.get("model_loader") or "loader" in node.lower()):
        return None  # a None where no model loader is in view: a node's own bug, not a missing file
    return {"title": "A model loader got no file: the name in the node is not in its models folder",
            "cause": ("The loader node names a file that is not among the files ComfyUI sees in that models folder, so it "
                      "looked up no path (None) and failed opening it; older ComfyUI versions and some node packs' loaders "
                      "fail like this instead of refusing the prompt with `Value not in list`. The file is not downloaded, "
                      "has another name, or lies in another folder (checkpoints/ instead of diffusion_models/, unet/ for "
                      "a GGUF loader)."),
            "details": {"node_type": node} if node else {}}


@_interp("frontend_old")
def _frontend_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if g.get("outdated_said"):
        # a writer's words for ComfyUI's own warning (its popup, its console line): the frontend named as outdated; a
        # Python error in view tells its own kind
        if _near(ctx).get("py_traceback"):
            return None
        return {"title": "ComfyUI says its frontend package is outdated: the requirements were not reinstalled after the update",
                "details": {"said": _SPACE.sub(" ", g["outdated_said"]).strip()[:80]}}
    if g.get("cur") and g.get("req"):
        # the frontend's missing core-node dialog: an older ComfyUI is comfyui.outdated, subgraph types at a
        # current ComfyUI this frontend package
        return _newer_comfy_dialog(g, cat, ctx, older_as_is=False)
    if g.get("jserr"):
        # a JavaScript TypeError: claimed only as ComfyUI's own frontend failing (its markers in the paste) with no node
        # pack's web extension named anywhere (those scripts break against a new frontend: the node pack's fix)
        near = _near(ctx)
        if not (ctx.get("comfy_frontend") or near.get("comfy_frontend")):
            return None  # the JavaScript of another web app (a Gradio UI, an Electron app, a client): not ComfyUI's frontend
        if ctx.get("web_extension") or near.get("web_extension") or _off_nvidia(ctx):
            return None  # a node pack's frontend script in the stack, or an AMD/Intel/Mac setup
        if ctx.get("node_def_frame") or near.get("node_def_frame"):
            return None  # failing while reading node definitions (/object_info): a node pack's INPUT_TYPES / RETURN_TYPES
        return {"title": "ComfyUI's web frontend failed with a JavaScript error: its frontend package may not match this "
                         "ComfyUI",
                "cause": ("The error comes from ComfyUI's own frontend code (no node pack's script is named). Since March 2025 "
                          "the frontend is a pip package, comfyui-frontend-package, that ComfyUI's requirements.txt pins to one "
                          "version and that the Python running ComfyUI serves (the `[Prompt Server] web root: "
                          ".../comfyui_frontend_package/static` line). Updating ComfyUI's code (`git pull`, a launcher or "
                          "updater that skips the requirements) leaves the older frontend beside the newer backend, and "
                          "workflows stop loading or nodes stop drawing; a frontend installed by hand can be ahead of the "
                          "backend the same way. If the two already match, it is a bug of that frontend release."),
                "fix": ("Put the frontend at the version this ComfyUI pins, with the Python that runs it: `python -m pip "
                        "install -r requirements.txt` in the ComfyUI folder (portable: `python_embeded\\python.exe -m pip "
                        "install -r ComfyUI\\requirements.txt`, or update\\update_comfyui.bat; Desktop: update the app), "
                        "restart ComfyUI and reload the browser tab (Ctrl+F5). `python -m pip show comfyui-frontend-package` "
                        "must print the version of the `comfyui-frontend-package==` line of requirements.txt; if it already "
                        "does, try the next frontend release (`python -m pip install -U comfyui-frontend-package`) and report "
                        "the error to https://github.com/Comfy-Org/ComfyUI_frontend/issues"),
                "details": {"frontend_error": g["jserr"].strip()}}
    if (g.get("pkg") == "comfy-aimdo" or g.get("aimdo") or g.get("aimdo_fn") or g.get("mmap") or g.get("amod")
            or g.get("dpkg")) and _off_nvidia(ctx):
        return None  # comfy-aimdo (dynamic VRAM) on an AMD, Intel or Mac setup: outside the NVIDIA stack explained here
    if g.get("dpkg"):
        # pip's own lines: the package was replaced by an OLDER release (an updater installing an older pin); an upgrade
        # or a reinstall of the same version is no finding
        new_v, old_v = _release(g.get("dto") or ""), _release(g.get("dfrom") or "")
        if new_v is None or old_v is None or new_v >= old_v:
            return None
        return {"title": (f"An update downgraded {g['dpkg']} ({g['dfrom']} -> {g['dto']}): ComfyUI now runs with an "
                          "older helper package than its code needs"),
                "details": {"package": g["dpkg"], "installed": g["dto"], "replaced": g["dfrom"]}}
    if g.get("mmap") or g.get("amod"):
        pkg = "comfy-kitchen" if (g.get("amod") or "").startswith("comfy_kitchen") else "comfy-aimdo"
        what = f"`{g['amod']}`" if g.get("amod") else "comfy-aimdo's `ModelMMAP`"
        return {"title": (f"ComfyUI's code needs a newer {pkg} than the one installed: {what} has no "
                          f"`{g['mattr']}`"),
                "details": {"package": pkg, "missing_attribute": g["mattr"]}}
    return {"details": {k: g[k] for k in ("installed", "recommended") if g.get(k)}}



@_interp("frontend_regression")
def _frontend_regression(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The frontend's own subgraph code failing (its wording names which part): the title says which."""
    if _off_nvidia(ctx):
        return None  # an AMD/Intel GPU or Mac setup: outside the stack these checks are for
    if g.get("child"):
        return {"title": (f"ComfyUI's frontend could not resolve an input of group node child {g['child']} when "
                          "queueing the workflow: a bug of that frontend release (fixed in later ones)"),
                "details": {"group_node_child": g["child"]}}
    if g.get("dto"):
        return {"title": (f"ComfyUI's frontend could not resolve node {g['dto']} inside a subgraph when queueing the "
                          "workflow: a bug of that frontend release"),
                "details": {"node": g["dto"]}}
    if "dto_bare" in g:
        # the message without its id, as an issue title quotes it: the same failure of the frontend's queueing code
        return {"title": ("ComfyUI's frontend could not resolve a node inside a subgraph (a muted or bypassed one) when "
                          "queueing the workflow: a bug of that frontend release"),
                "details": {"frontend_error": "No inner node DTO found for id"}}
    if g.get("slotkind"):
        kind, slot = g["slotkind"].lower(), (g.get("slot") or "").strip()
        return {"title": (f"ComfyUI's frontend could not load a subgraph: a saved {kind} `{slot}` is not in the "
                          "subgraph's definition (a frontend bug, fixed in later releases)"),
                "details": {kind: slot}}
    return {"title": ("ComfyUI's frontend failed on a workflow with a subgraph (`subgraphNode.getInnerNodes is not a "
                      "function`): a bug of that frontend build"),
            "details": {"frontend_error": "subgraphNode.getInnerNodes is not a function"}}

@_interp("clip_type")
def _clip_type(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A CLIPLoader type this ComfyUI does not list. `flux` (FLUX.1's) on a Klein workflow is the row's own cause and fix;
    `flux2` missing is a ComfyUI older than Klein; any other type is a model newer than this ComfyUI (or a name no ComfyUI
    has): the fix is updating ComfyUI, not choosing flux2."""
    if _off_nvidia(ctx):
        return None
    val = (g.get("value") or "").strip()
    low = val.lower()
    if not val or low == "flux" or low.startswith("flux1") or low.startswith("flux.1"):
        return {"details": {"type": val}} if val else {}
    update = ("Update ComfyUI with its requirements (git: `git pull` then `python -m pip install -r requirements.txt`; "
              "portable: update\\update_comfyui.bat; Desktop: update the app; a Docker or cloud image: a build with a newer "
              "ComfyUI), restart it and pick the type again in the Load CLIP node")
    if low == "flux2":
        return {"title": f"This ComfyUI's CLIPLoader offers no `flux2` type: it is older than Klein support ({_klein_comfy()})",
                "cause": ("The workflow asks Load CLIP for the type `flux2`, which ComfyUI added with FLUX.2 / Klein support "
                          f"in {_klein_comfy()}; this ComfyUI does not list it, so the prompt is refused before anything runs."),
                "fix": (f"Update ComfyUI to {_klein_comfy()} or newer, whose CLIPLoader lists `flux2` (git: `git pull` then `python -m "
                        "pip install -r requirements.txt`; portable: update\\update_comfyui.bat; Desktop: update the app; a "
                        "Docker or cloud image: a build with a newer ComfyUI), restart it and set the Load CLIP type to "
                        "`flux2`; `klein-doctor check --path comfyui` shows the installed version"),
                "details": {"type": val}}
    return {"title": f"This ComfyUI's CLIPLoader offers no type `{val}`: the workflow was made for a newer ComfyUI",
            "cause": (f"The workflow asks Load CLIP (CLIPLoader) for the text-encoder type `{val}`, which is not in this "
                      "ComfyUI's list: ComfyUI adds a type with each new model family it supports, so a workflow for a model "
                      "newer than the installed ComfyUI (or a Docker / cloud image that bundles an older one) is refused "
                      "before anything runs. A name that no ComfyUI has is a typo in the workflow."),
            "fix": update + f". For a Klein workflow the type is `flux2` (ComfyUI {_klein_comfy()} or newer)",
            "details": {"type": val}}


_LOOPBACK_HOST = re.compile(r"(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0)$", re.I)
_COMFY_PORTS = {"8188", "8000"}


@_interp("proxy_subpath")
def _proxy_subpath(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A 404 for the frontend's own paths (/templates, /api, /extensions, /assets) at the root of an address that is not
    ComfyUI's own port: a reverse proxy (https, or another port) whose prefix or forwarding the page misses. ComfyUI's own
    address (loopback, 8188, Desktop's 8000) answering 404 is no proxy (a templates package or frontend not installed)."""
    host, port, scheme = g.get("host") or "", g.get("port") or "", (g.get("scheme") or "").lower()
    if _LOOPBACK_HOST.match(host) or port in _COMFY_PORTS:
        return None
    if scheme != "https" and not port:
        return None  # plain http on the default port 80: nothing says a proxy stands in front of ComfyUI
    return {"details": {"url": f"{scheme}://{host}{':' + port if port else ''}/{g.get('path', '')}", "status": "404"}}


@functools.lru_cache(maxsize=1)
def _launch_flag_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """ComfyUI's launch flags (manifests/comfyui.toml [launch_flag_names]): the core ones every ComfyUI since mid-2023
    accepts, all known ones (core, later and removed), and AUTOMATIC1111 / Forge options carried over into ComfyUI's
    launch line. Empty sets if the table is missing (the rule then only trusts ComfyUI's own usage line)."""
    t = _manifest_part("comfyui", "launch_flag_names", {})
    core = frozenset(str(f) for f in t.get("core") or [])
    return core, core | frozenset(str(f) for f in t.get("later") or []), frozenset(str(f) for f in t.get("other_ui") or [])


_NUMBER_VALUE = re.compile(r"invalid (?:int|float) value")
_FLAG_TOKEN = re.compile(r"(?<!\S)(--?[A-Za-z][\w-]{0,60})")
_GLUED_REST = re.compile(r"[A-Za-z]{2,}$")  # a word run into the flag (`--use-sage-attentionset`), not `--fast_lr`
_BATCH_WORD = re.compile(r"(?:set|pause|call|echo|rem|start|exit|goto|python)", re.I)  # a .bat line joined to the flag


def _comfy_parser(ctx: dict[str, Any]) -> bool | None:
    """True: the usage line near the error is ComfyUI's; False: it is another parser's; None: no usage line."""
    usage = _near(ctx).get("argparse_usage") or ctx.get("argparse_usage") or ""
    if not usage:
        return None
    return usage.endswith("[--listen")


@_interp("launch_flags")
def _launch_flags(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """argparse refusing ComfyUI's launch line. Claimed only as ComfyUI's own parser: its usage line, its places or
    startup lines near, or a refused flag that is ComfyUI's; not another parser's usage line, not words every ComfyUI
    accepts (only a node pack's own parser refuses `--listen`), not an AMD/Intel/Mac setup."""
    if _off_nvidia(ctx):
        return None
    near = _near(ctx)
    parser = _comfy_parser(ctx)
    if parser is False:
        return None  # a node pack's (or another program's) argparse, with its own usage line
    comfy_seen = bool(parser or any(near.get(k) or ctx.get(k) for k in (
        "comfy_place", "comfy_gpu_launch", "comfyui_version", "comfy_frontend")))
    core_flags, comfy_flags, other_ui_flags = _launch_flag_names()
    if g.get("usage_only"):
        # ComfyUI's usage block with its `error:` line cut off (no --help option list after it): the words of the launch
        # line before it that ComfyUI has no flag for are the ones argparse refused
        if not comfy_flags:
            return None
        line = near.get("comfy_launch_line") or ""
        unknown = [f for f in _FLAG_TOKEN.findall(line) if f not in comfy_flags and f not in ("-h", "--help")]
        if not unknown:
            return None  # no launch line in the paste, or every flag on it is ComfyUI's: nothing to name
        g = {**g, "args": " ".join(unknown)}
        comfy_seen = True
    if g.get("args") is not None:
        words = g["args"].strip()
        flags = _FLAG_TOKEN.findall(words)
        if not flags:
            return None  # only stray values (`flux}`): a config error of whatever program printed it
        if any(f in core_flags for f in flags):
            return None  # ComfyUI has always had these: another parser refused them
        glued = next(((f, k) for f in flags if f not in comfy_flags for k in sorted(comfy_flags, key=len, reverse=True)
                      if f.startswith(k) and _GLUED_REST.match(f[len(k):])
                      and (comfy_seen or _BATCH_WORD.match(f[len(k):]))), None)
        if not (comfy_seen or glued or any(f in comfy_flags or f in other_ui_flags for f in flags)):
            return None  # another program's main.py
        shown = " ".join(flags[:4])
        details = {"refused": words[:200]}
        if glued:
            tok, known = glued
            rest = tok[len(known):]
            return {"title": f"ComfyUI got `{tok}`: the flag {known} runs into the text after it in the launch script",
                    "cause": (f"`{tok}` is `{known}` with `{rest}` stuck to it, so argparse sees one word it does not "
                              "know and ComfyUI stops. In an edited run_nvidia_gpu.bat (or a shell script) two lines ran "
                              "together or a space is missing: a `set NAME=value` line, the next flag or `pause` was "
                              "joined to the end of the launch line."),
                    "fix": (f"Open the .bat in Notepad and separate them: the launch line ends `... {known}` (each flag "
                            "after a space), `set NAME=value` lines stand on their own lines before it and `pause` on its "
                            "own line after it, e.g. `set SAGEATTN=1` / `.\\python_embeded\\python.exe -s ComfyUI\\main.py "
                            f"--windows-standalone-build {known}` / `pause`. Check with `.\\python_embeded\\python.exe -s "
                            "ComfyUI\\main.py --help` that each flag is listed"),
                    "details": {**details, "flag": known}}
        other = [f for f in flags if f in other_ui_flags]
        if other and len(other) == len(flags):
            return {"title": f"ComfyUI does not know {shown}: an AUTOMATIC1111/Forge option in ComfyUI's launch line",
                    "cause": (f"{shown} belongs to the AUTOMATIC1111 / Forge web UIs (their COMMANDLINE_ARGS); ComfyUI has "
                              "no such option and stops at start. ComfyUI manages memory and attention itself: it uses "
                              "PyTorch attention and offloads as needed without flags."),
                    "fix": (f"Remove {shown} from the launch line (run_nvidia_gpu.bat, your script). ComfyUI's own flags are "
                            "listed by `python main.py --help` (portable: `.\\python_embeded\\python.exe -s ComfyUI\\main.py "
                            "--help`): e.g. `--lowvram` / `--novram` for little VRAM, `--use-pytorch-cross-attention` for "
                            "attention; Klein needs none of them"),
                    "details": details}
        return {"title": f"ComfyUI does not know the launch flag {shown}: removed, renamed, newer than this ComfyUI, or "
                         "mistyped",
                "details": details}
    flag, why, other = g.get("flag") or "", (g.get("why") or "").strip(), g.get("other") or ""
    if flag in other_ui_flags or not (comfy_seen or flag in comfy_flags):
        return None
    details = {"flag": flag, "reason": why[:200]}
    if other:
        return {"title": f"ComfyUI's launch line has two flags that exclude each other: {flag} and {other}",
                "cause": (f"ComfyUI takes at most one flag of each either-or group, and {flag} and {other} are in the same "
                          "one: the VRAM modes (--gpu-only, --highvram, --normalvram, --lowvram, --novram, --cpu), the "
                          "attention choices (--use-split-cross-attention, --use-quad-cross-attention, "
                          "--use-pytorch-cross-attention, --use-sage-attention, --use-flash-attention), --force-fp32 / "
                          "--force-fp16, the unet, VAE and text-encoder precisions (--fp16-unet / --bf16-unet / "
                          "--fp8_e4m3fn-unet ...), --cuda-malloc / --disable-cuda-malloc. Usually a flag was added to the "
                          "launch line (or Desktop's Server-Config) beside one of its group already there."),
                "fix": (f"Keep one of {flag} and {other} and delete the other from run_nvidia_gpu.bat or your launch "
                        "script (Desktop: Settings > Server-Config, set the option back to its default; if Desktop no "
                        "longer starts, edit the flags in its config.json in the ComfyUI user data folder)"),
                "details": {**details, "other": other}}
    if why.startswith("expected"):
        return {"title": f"ComfyUI's launch flag {flag} needs a value and got none",
                "cause": (f"{flag} takes a value (`--reserve-vram` gigabytes, `--cuda-device` a GPU index, `--port` a "
                          "number, `--front-end-version` OWNER/REPO@VERSION, the directory flags a folder) and the launch "
                          "line ends there or the next flag follows it directly."),
                "fix": (f"Give {flag} its value or remove it, e.g. `--reserve-vram 1.5`, `--cuda-device 0`, `--port 8188`, "
                        "`--output-directory \"D:\\AI Output\"` (a folder with spaces in double quotes)"),
                "details": details}
    if why.startswith("invalid choice") or (why.startswith("invalid") and not _NUMBER_VALUE.match(why)):
        return {"title": f"ComfyUI's launch flag {flag} does not accept that value",
                "cause": (f"The value given to {flag} is not one this ComfyUI offers ({why[:160]}): a typo, or an option "
                          "newer than the installed ComfyUI (the `--fast` options fp16_accumulation, fp8_matrix_mult, "
                          "cublas_ops and autotune came in 2025; argparse words a wrong one `invalid PerformanceFeature "
                          "value`)."),
                "fix": ("Use one of the values `python main.py --help` lists for the flag (after `choose from` in the "
                        "message, or in the help text: `--fast fp16_accumulation fp8_matrix_mult`, `--preview-method "
                        "auto`), or update ComfyUI with its requirements for a newer one (`git pull` then `python -m pip "
                        "install -r requirements.txt`; portable: update\\update_comfyui.bat)"),
                "details": details}
    if why.startswith("invalid"):
        return {"title": f"ComfyUI's launch flag {flag} got a value of the wrong kind",
                "cause": (f"{flag} takes a number ({why[:100]}): `--cuda-device` the GPU's index as nvidia-smi counts "
                          "it (0, 1; not `cuda:1`), `--reserve-vram` gigabytes (1.5), `--port` a port number."),
                "fix": ("Write the number alone after the flag: `--cuda-device 1`, `--reserve-vram 2`, `--port 8188`"),
                "details": details}
    return {"details": details}


@_interp("frontend_download")
def _frontend_download(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`Failed to initialize frontend:` is ComfyUI's, with its fallback line or a GitHub / ComfyUI_frontend address."""
    why = (g.get("why") or "").strip()
    low = why.lower()
    if not (g.get("fallback") or "github" in low or "comfyui_frontend" in low) or _off_nvidia(ctx):
        return None
    details = {"reason": why[:200]}
    if "rate limit" in low:
        return {"title": "ComfyUI could not ask GitHub for the --front-end-version release (API rate limit) and fell "
                         "back to its default frontend",
                "cause": ("GitHub's API allows 60 requests an hour to clients without a token, counted per IP address, and "
                          "ComfyUI asks it at every start for `--front-end-version ...@latest` or a version not yet "
                          "downloaded; restarts, other tools on the same connection, or a shared address (a VPN, a cloud "
                          "host) use the hour's quota up. ComfyUI then serves the frontend of its comfyui-frontend-package "
                          "instead of the one you asked for."),
                "details": details}
    return {"details": details}


@_interp("openmp_duplicate")
def _openmp_duplicate(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """OMP Error #15 names the runtime being started and the one already running. On a Mac (.dylib names never match
    the patterns; a Mac named near the hit) or an AMD/Intel GPU setup it is not claimed."""
    if _off_nvidia(ctx):
        return None
    lib, first = g.get("lib") or "", g.get("first") or ""
    d = {"initializing": lib, "already_initialized": first or None}
    if not first:
        return {"title": f"Two OpenMP runtimes were loaded into one process (OMP Error #15 while initializing {lib}): "
                         "Intel's runtime stops the program", "details": d}
    if lib.lower() == first.lower():
        return {"title": f"Two copies of the OpenMP runtime {lib} in one process: a second one was started while the "
                         "first was already initialized (OMP Error #15)", "details": d}
    title = f"Two OpenMP runtimes in one process: {lib} was started while {first} was already initialized (OMP Error #15)"
    return {"title": title, "details": d,
            "cause": (f"Here they are two different runtimes: {first} was loaded first and {lib} came after it "
                      "(libiomp5md.dll / libiomp5.so is Intel's, the one PyTorch ships; libomp140.x86_64.dll is MSVC's "
                      "LLVM OpenMP that packages built with /openmp:llvm load; libomp is LLVM's). "
                      + cat.by_id("openmp.duplicate-runtime").cause),  # type: ignore[union-attr]
            "fix": (f"Renaming one file does not help when the two are different runtimes: install a build of the package "
                    f"that brings {lib} (or {first}) without OpenMP, or one built against the same runtime, or keep that "
                    "package out of this environment. " + cat.by_id("openmp.duplicate-runtime").fix)}  # type: ignore[union-attr]


@_interp("openblas_threads")
def _openblas_threads(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if _off_nvidia(ctx):
        return None
    n = _int(g.get("max"))
    d = {"max_threads": n, "terminated": bool(g.get("term"))}
    built = f"for at most {n} threads" if n else "for fewer threads"
    if g.get("term"):
        title = f"OpenBLAS stopped the program: it was built {built} and ran out of thread memory regions"
    else:
        title = f"OpenBLAS was built {built} and this process asks for more: it warns and adds an auxiliary table"
    fix = cat.by_id("openblas.num-threads-exceeded").fix  # type: ignore[union-attr]
    if n:
        fix = fix.replace("(here N)", f"(here {n})").replace("=N", f"={n}").replace('"N"', f'"{n}"').replace("(N)", f"({n})")
    return {"title": title, "fix": fix, "details": d}


@_interp("openblas_create")
def _openblas_create(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if _off_nvidia(ctx):
        return None
    err = (g.get("err") or "").strip().rstrip(".")
    cur, mx = g.get("cur") or g.get("cur0"), g.get("max") or g.get("max0")
    d = {"thread": _int(g.get("n")), "of": _int(g.get("of")), "error": err or None, "rlimit_nproc": cur, "rlimit_max": mx}
    what = f"thread {g['n']} of {g['of']}" if g.get("n") and g.get("of") else "its worker threads"
    title = f"OpenBLAS could not start {what}" + (f" ({err})" if err else "")
    if cur and cur != "-1":
        title += f": the process limit RLIMIT_NPROC is {cur}" + (f" (hard limit {mx})" if mx and mx != cur else "")
    else:
        title += ": the process or thread limit of this machine or container is reached"
    return {"title": title, "details": d}


@_interp("guidance")
def _guidance(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    return {"details": {"guidance_scale": g.get("scale")}}


_CKPT_PATH = re.compile(r"[\\/]checkpoints[\\/]", re.I)


@functools.lru_cache(maxsize=1)
def _aio_checkpoints() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """Bundled checkpoints ComfyUI's own examples load with Load Checkpoint (manifests/comfyui.toml aio_checkpoint):
    (file-name pattern, model, the month ComfyUI learned it)."""
    return tuple((re.compile(str(r["regex"])), str(r["model"]), str(r.get("since") or ""))
                 for r in _manifest_part("comfyui", "aio_checkpoint", []) if r.get("regex") and r.get("model"))


def _aio_checkpoint(path: str) -> tuple[str, str] | None:
    """(model, since) when a path names one of the bundled checkpoints of _aio_checkpoints()."""
    return next(((model, since) for rx, model, since in _aio_checkpoints() if rx.search(path.strip())), None)


@_interp("ckpt_loader")
def _ckpt_loader(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    # a bundled checkpoint (lumina_2.safetensors) belongs in Load Checkpoint: comfyui.model-undetected speaks for it
    if _aio_checkpoint(g.get("path") or ""):
        return None
    return {"details": {"path": g.get("path")}}


_UNDETECTED_LOADER = re.compile(r"unetloader|diffusion ?model ?loader|checkpointloader|checkpoint loader|load_checkpoint_guess_config")


@_interp("undetected")
def _undetected(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    path = g.get("path") or ""
    node = (_near(ctx).get("node_type") or "").lower()
    d = {"path": path, "node_type": _near(ctx).get("node_type")}
    if g.get("ckey") or g.get("ikey"):
        # Older ComfyUI's wording of the same refusal: its detection found no layout it knows and read a key the file
        # does not have. Claimed only for ComfyUI's own loaders (the error report's node, the frames ComfyUI names).
        if not (g.get("cfn") or "cframe" in g or _UNDETECTED_LOADER.search(node)):
            return None  # the same KeyError from another program's loader or a node pack's pipeline
        if g.get("ikey"):
            if not ("checkpoint" in node or g.get("cfn") == "load_checkpoint"):
                return None
            # load_checkpoint_guess_config before `Could not detect model type` existed: no SD-style UNet in the file
            return {"as": "comfyui.checkpoint-loader", "details": {**d, "key": g["ikey"]},
                    "cause": ("Load Checkpoint (CheckpointLoaderSimple, or a node pack's checkpoint loader calling it) "
                              "expects a bundle of model, text encoder and VAE. Older ComfyUI versions word a file without "
                              "a checkpoint layout they know as KeyError 'model.diffusion_model.input_blocks.0.0.weight' "
                              "(newer ones: `ERROR: Could not detect model type`): a diffusion-model-only file (FLUX, "
                              "Klein, a UNet export, Stable Cascade's stage files) opened with Load Checkpoint. If the file "
                              "is a full checkpoint of a model newer than this ComfyUI, update ComfyUI instead.")}
        return {"title": "ComfyUI found no diffusion model it knows in the file (KeyError 'conv_in.weight', older "
                         "ComfyUI's wording of `Could not detect model type`)",
                "cause": ("ComfyUI's model detection matched no model layout it knows, fell back to the diffusers-UNet "
                          "converter and failed on its first key, conv_in.weight; ComfyUI since mid-2025 says `ERROR: Could "
                          "not detect model type` here. The file is of another kind (a VACE or control module, a LoRA, a "
                          "text encoder or VAE picked in Load Diffusion Model), damaged or cut short, or a model newer than "
                          "this ComfyUI."),
                "fix": ("Run `klein-doctor check --path comfyui` to identify the file from its header; load a whole diffusion "
                        "model in Load Diffusion Model (a module or LoRA goes into its own loader node), re-download the file "
                        "if it is damaged, and update ComfyUI (git: `git pull` then `python -m pip install -r "
                        "requirements.txt`; portable: update\\update_comfyui.bat; Desktop: update the app) for models newer "
                        f"than it, {_klein_comfy()} or newer for Klein"),
                "details": {**d, "key": g["ckey"]}}
    if _CKPT_PATH.search(path) or node.startswith("checkpointloader") or "checkpoint" in node:
        aio = _aio_checkpoint(path)
        if aio:
            # a bundled checkpoint that Load Checkpoint is the right loader for: this ComfyUI does not know the model
            # (a fork for another GPU has its own update path: left alone)
            if _off_nvidia(ctx):
                return None
            model, since = aio
            name = re.split(r"[\\/]", path.strip())[-1]
            return {"title": f"This ComfyUI does not recognise the {model} checkpoint {name}: it is older than its {model} support",
                    "cause": (f"{name} is a {model} checkpoint that bundles the diffusion model with its VAE (and "
                              "text encoder), which ComfyUI's own example loads with Load Checkpoint from models/checkpoints, "
                              f"so the loader and the folder are right. Load Checkpoint finds no model type it knows in it: this "
                              f"ComfyUI is older than its {model} support" + (f" ({since})" if since else "")
                              + " (a portable, launcher package or Desktop app that was not updated), or the download is "
                              "damaged."),
                    "fix": ("Update ComfyUI (git: `git pull` then `python -m pip install -r requirements.txt`; portable: "
                            "update\\update_comfyui.bat; Desktop: update the app; a launcher package: its own updater), "
                            "restart it and load the file with Load Checkpoint again; if it still fails, compare the file's "
                            "size with the download page's and download it again"),
                    "details": {**d, "model": model, "support_since": since or None}}
        return {"as": "comfyui.checkpoint-loader", "details": d}
    if "bare" in g and not node:
        # The message quoted without its path or node (an issue title, a screenshot retyped). ComfyUI raises it from
        # load_checkpoint_guess_config, i.e. Load Checkpoint, where users meet it with FLUX/Klein files; other loaders
        # (UnetLoaderGGUF, some custom diffusion loaders) raise the same words but their reports carry the node/path.
        return {"as": "comfyui.checkpoint-loader", "details": d,
                "cause": ("The message came without the file's path or the failing node. It is what Load Checkpoint "
                          "(CheckpointLoaderSimple) says when a file holds no checkpoint it knows: FLUX and Klein files "
                          "hold only the diffusion model. If the failing node was Load Diffusion Model instead, the file "
                          "is not a model this ComfyUI knows (damaged, of another kind, or newer than this ComfyUI): run "
                          "`klein-doctor check --path comfyui` to identify it.")}
    return {"details": d}


def _foreign_package(frame: str, own: str) -> str:
    """The installed package a traceback frame's file belongs to (the folder after site-packages / dist-packages),
    where it is not `own`; empty for a script, a frozen frame or the package itself."""
    parts = [p for p in re.split(r"[\\/]+", frame.lower()) if p]
    for i, p in enumerate(parts[:-1]):
        if p in ("site-packages", "dist-packages"):
            top = parts[i + 1]
            return "" if top == own or top.endswith((".py", ".pth")) else top
    return ""


@_interp("diffusers_old")
def _diffusers_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    kmin = _klein_min("diffusers")
    if g.get("dlf"):
        # ComfyUI-Easy-Use's notice that its diffusers import failed: it does not say why, so it is claimed only beside
        # an installed diffusers older than Klein's (a pip / conda list row, a `diffusers==` pin) in the same paste
        have = _near(ctx).get("diffusers_version") or ""
        ver = _release(have)
        if ver is None or not kmin or ver >= Version(kmin) or _off_nvidia(ctx):
            return None
        return {"title": f"A node pack could not import diffusers: the installed diffusers {have} is too old",
                "cause": (f"ComfyUI-Easy-Use prints `Module 'diffusers' load failed` when its `import diffusers` (or of a "
                          f"class it uses) fails, and the installed diffusers is {have}: older than the classes the node "
                          "pack imports, so the import fails although diffusers is installed. FLUX.2 [klein] needs "
                          f"diffusers {kmin} or newer as well."),
                "fix": (f"Upgrade diffusers with the Python that runs ComfyUI: `python -m pip install -U \"diffusers>={kmin}\"` "
                        f"(portable: `python_embeded\\python.exe -m pip install -U \"diffusers>={kmin}\"`; a conda env: the "
                        "same pip command inside the activated env, and `conda remove diffusers-torch` if an old conda "
                        "diffusers package is also installed), then restart ComfyUI"),
                "details": {"installed": have, "needs": f"diffusers>={kmin}"}}
    if g.get("hubfn"):
        # the importing file, where the paste names it: diffusers' own utils/dynamic_modules_utils.py is an old
        # diffusers; a copy of that file under another package (maxdiffusion's src/maxdiffusion/utils/) is that
        # program's own import, which no diffusers upgrade changes
        dyn = _near(ctx).get("dyn_modules_file") or ""
        if dyn and "diffusers" not in re.split(r"[\\/]+", dyn.lower()):
            return None
        # the last traceback frame is the importing file: an installed package other than diffusers (an old
        # sentence-transformers, a node pack's pinned helper library) imports cached_download itself, and upgrading
        # diffusers leaves that import as it is
        if _foreign_package(str(_near(ctx).get("py_frame") or ""), "diffusers"):
            return None
        return {"title": "This diffusers is older than the installed huggingface_hub (it imports cached_download, "
                         "removed in huggingface_hub 0.26)",
                "cause": ("huggingface_hub 0.26 removed `cached_download`; old diffusers releases still import it when "
                          "`diffusers` is imported, so the import fails as soon as huggingface_hub is upgraded (by "
                          f"transformers, accelerate or another package). FLUX.2 [klein] needs diffusers {kmin} or newer anyway."),
                "fix": (f"Upgrade diffusers in the Python that runs it: `python -m pip install -U \"diffusers>={kmin}\" "
                        "transformers accelerate huggingface_hub`; only where a project pins an old diffusers, pin the hub "
                        "instead: `python -m pip install \"huggingface_hub<0.26\"`"),
                "details": {"removed": "huggingface_hub.cached_download", "needs": f"diffusers>={kmin}"}}
    if g.get("sfcls"):
        # from_single_file could not tell the file's model type and fell back to its Stable Diffusion 1.5 default
        sf = g["sfcls"]
        return {"title": f"This diffusers' {sf}.from_single_file does not recognise the file: it fell back to the "
                         "Stable Diffusion 1.5 config",
                "cause": (f"Old diffusers releases cannot infer the model type of a {sf} single file and fetch the default "
                          "Stable Diffusion 1.5 repository's config.json instead, which has no such file (or no access "
                          f"offline). Newer diffusers detect FLUX files; FLUX.2 [klein] needs diffusers {kmin} or newer."),
                "fix": (f"Upgrade diffusers in the Python that runs it: `python -m pip install -U \"diffusers>={kmin}\" "
                        "transformers accelerate`; for a file diffusers still does not detect, pass the model's own "
                        "config: `from_single_file(path, config=\"black-forest-labs/FLUX.2-klein-4B\", subfolder=\"transformer\")`"),
                "details": {"class": sf, "needs": f"diffusers>={kmin}"}}
    if g.get("sfmiss"):
        # a FLUX class without from_single_file: single-file loading of FLUX models came with diffusers 0.30.0
        sf = g["sfmiss"]
        return {"title": f"This diffusers has no {sf}.from_single_file: it is older than diffusers 0.30",
                "cause": (f"`{sf}.from_single_file` loads one checkpoint file (a FLUX .safetensors as ComfyUI and Civitai "
                          "share them, fp8 ones included). diffusers added single-file loading for the FLUX classes in "
                          f"0.30.0, so an older diffusers has no such method; FLUX.2 [klein] needs diffusers {kmin} or newer anyway."),
                "fix": (f"Upgrade diffusers in the Python that runs it: `python -m pip install -U \"diffusers>={kmin}\" "
                        "transformers accelerate`, then check `python -c \"import diffusers; print(diffusers.__version__)\"`; "
                        "for Klein load the file with `Flux2Transformer2DModel.from_single_file(path, torch_dtype=torch.bfloat16)` "
                        "and pass it to `Flux2KleinPipeline.from_pretrained(\"black-forest-labs/FLUX.2-klein-4B\", "
                        "transformer=transformer, torch_dtype=torch.bfloat16)`"),
                "details": {"class": sf, "needs": f"diffusers>=0.30 (Klein: >={kmin})"}}
    if g.get("dmeth"):
        # a diffusers model class without a ModelMixin method of diffusers 0.33 (fp8 layerwise casting, group offload)
        meth, mc = g["dmeth"], g.get("dmcls") or "the model"
        return {"title": f"This diffusers has no {mc}.{meth}(): it is older than diffusers 0.33",
                "cause": (f"`{meth}()` came to every diffusers model (ModelMixin) in diffusers 0.33.0: layerwise casting "
                          "stores the weights in float8 and computes in bf16, group offloading moves groups of layers to "
                          "the GPU only when they run. An older diffusers has no such method, so the call fails before "
                          f"anything is loaded or cast. FLUX.2 [klein] needs diffusers {kmin} or newer anyway."),
                "fix": (f"Upgrade diffusers in the Python that runs it: `python -m pip install -U \"diffusers>={kmin}\" "
                        "transformers accelerate`, then check `python -c \"import diffusers; print(diffusers.__version__)\"`; "
                        f"call it on the diffusers model, e.g. `pipe.transformer.{meth}(...)`, not on a transformers text encoder"),
                "details": {"class": mc, "method": meth, "needs": f"diffusers>=0.33 (Klein: >={kmin})"}}
    if g.get("dpmeth"):
        # a pipeline without DiffusionPipeline's group-offload guard: its code (often a project's pipeline copied from a
        # newer diffusers) calls a helper that came with group offloading in diffusers 0.33
        meth, pc = g["dpmeth"], g.get("dpcls") or "the pipeline"
        return {"title": f"This diffusers has no DiffusionPipeline.{meth}(): {pc} was written for diffusers 0.33 or newer",
                "cause": (f"`{meth}` is DiffusionPipeline's check that group offloading is not active before model or "
                          "sequential CPU offloading starts; it came with group offloading in diffusers 0.33.0. The "
                          f"pipeline's code ({pc}, often a project's pipeline.py copied from a newer diffusers) calls it, and "
                          "the installed diffusers is older, so the offload call fails before anything runs. FLUX.2 [klein] "
                          f"needs diffusers {kmin} or newer anyway."),
                "fix": (f"Upgrade diffusers in the Python that runs it: `python -m pip install -U \"diffusers>={kmin}\" "
                        "transformers accelerate`, then check `python -c \"import diffusers; print(diffusers.__version__)\"`; "
                        "where the project pins an older diffusers, use the project's own pipeline code of that diffusers era"),
                "details": {"class": pc, "method": meth, "needs": f"diffusers>=0.33 (Klein: >={kmin})"}}
    cls = g.get("cls") or "Flux2KleinPipeline"
    need = kmin if "klein" in cls.lower() else "0.36"
    return {"title": f"This diffusers has no `{cls}`: diffusers {need} or newer is needed",
            "details": {"class": cls, "needs": f"diffusers>={need}"}}


@_interp("replicate_undefined")
def _replicate_undefined(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    # transformers 4.52.0-4.52.2's unguarded use of torch's Replicate placement: claimed only where transformers is
    # named, on the error's own line before it, in the lines after it (a path, an import, the writer's `transformer lib
    # update`) or in the last traceback frame before it; a script of its own that forgot the import is that script's bug
    frame = str(_near(ctx).get("py_frame") or "").lower()
    if g.get("tfnamed") or g.get("tfbefore") or "transformers" in re.split(r"[\\/]+", frame):
        return {}
    return None


@_interp("gated")
def _gated(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    repo = g.get("repo") or ""
    if repo:
        return {"title": f"{repo} is a gated repository: this account has no access to it",
                "fix": (f"Accept the licence on https://huggingface.co/{repo} with your Hugging Face account, then give "
                        "a read token of that account: `hf auth login` (or set `HF_TOKEN`), and rerun. The Klein 4B repos "
                        "are not gated: `klein-doctor install --variant klein-4b` needs no token"),
                "details": {"repo": repo}}
    return {}


@_interp("token_invalid")
def _token_invalid(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """huggingface_hub's whoami / login refusal (`Invalid user token.`, a 401 from /api/whoami-v2) names the token
    that was checked, and newer versions say where it came from: the fix goes to that place."""
    if not g.get("whoami"):
        return {}
    src, stored = g.get("tokensrc") or "", g.get("tokenfile") or ""
    title = "The Hugging Face token given to log in or to `whoami` is not a valid token"
    if src.startswith("HF_TOKEN"):
        return {"title": "The token in the HF_TOKEN environment variable is not a valid Hugging Face token",
                "fix": ("HF_TOKEN wins over the token saved by `hf auth login`, so a stale one set in the shell, a .bat or "
                        ".env file, the container's environment or Windows' System > Environment Variables is used first. "
                        "Create a new read token at https://huggingface.co/settings/tokens and put it there, or remove the "
                        "variable (`unset HF_TOKEN`; Windows console `set HF_TOKEN=`), then check with `hf auth whoami`. "
                        "Klein 4B's repositories are public and download with no token at all"),
                "details": {"token_source": "HF_TOKEN"}}
    if src.startswith("Google Colab"):
        return {"title": "The token in Colab's HF_TOKEN secret is not a valid Hugging Face token",
                "fix": ("Open Secrets (key icon) in Colab, replace the HF_TOKEN value with a new read token from "
                        "https://huggingface.co/settings/tokens, keep its Notebook access on, then Runtime > Restart session "
                        "and run again. Klein 4B's repositories are public and download with no token at all"),
                "details": {"token_source": "colab"}}
    if stored:
        return {"title": "The token saved by `hf auth login` is not a valid Hugging Face token",
                "fix": ("Create a new read token at https://huggingface.co/settings/tokens and save it over the old one with "
                        "the Python that runs Klein: `hf auth login --force` (older huggingface_hub: `huggingface-cli login`), "
                        "then `hf auth whoami`; or `hf auth logout`, since Klein 4B's repositories are public and download "
                        "with no token at all"),
                "details": {"token_source": "saved login"}}
    return {"title": title}


@_interp("flash_refused")
def _flash_refused(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if _off_nvidia(ctx):
        return None  # ZLUDA / ROCm / a Mac: the card is not an NVIDIA one older than Ampere, and no CUDA fix applies
    if _fact(ctx, "llm_server"):
        return None  # vLLM (SGLang, ...) picks its own flash-attention backend: its own setting is the way out
    gpu = _near(ctx).get("gpu_model") or ""
    check = g.get("smcheck") or ""
    if "sm75" in check:
        # flash-attn 1.x's own check (Turing, Ampere, Hopper): the card is older than Turing (a V100, a Pascal card)
        return {"title": "FlashAttention refused this GPU: flash-attn 1.x runs on Turing (sm_75) or newer only",
                "cause": ("flash-attn's GPU check (`is_sm90 || is_sm8x || is_sm75`: Hopper, Ampere/Ada, Turing) failed, "
                          "so the card is older than Turing (a V100 is sm_70, Pascal cards sm_6x): no flash-attn release "
                          "has kernels for it (flash-attn 2 needs Ampere). Something forces flash attention: "
                          "`attn_implementation=\"flash_attention_2\"`, a model config's use_flash_attn, a custom node."),
                "details": {"check": check, **({"gpu": gpu} if gpu else {})}}
    if gpu:
        return {"title": f"FlashAttention refused the {gpu}: this flash-attn build has no kernels for Blackwell",
                "cause": (f"The {gpu} is a Blackwell card (sm_120), newer than Ampere; flash-attn (or the copy bundled "
                          "in xformers) built before Blackwell only accepts sm_8x/sm_9x and words the refusal as "
                          "'only supports Ampere GPUs or newer'. Something forces flash attention (a custom node, "
                          "`--use-flash-attention`, `attn_implementation=\"flash_attention_2\"`)."),
                "details": {"gpu": gpu}}
    return {}


@_interp("fa_import")
def _fa_import(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`assert FLASH_ATTN_2_AVAILABLE`: model code (Wan's attention module, copied into trainers) sets the flag from
    `import flash_attn`, catching only ModuleNotFoundError, and asserts it when flash attention is selected.
    `import flash_attn` failing on a CUDA library of one major version (`libcudart.so.12`): the wheel was built for
    another CUDA line than the torch beside it (a cu12 flash-attn under a cu130 torch)."""
    if g.get("cudalib"):
        if _off_nvidia(ctx):
            return None
        lib, major = g["cudalib"], g.get("cudamajor") or "?"
        cu13 = _near(ctx).get("torch_cu13_tag") or ctx.get("torch_cu13_tag") or ""
        under = f" beside a CUDA 13 torch ({cu13})" if cu13 and major != "13" else ""
        return {"title": f"flash-attn was built for CUDA {major} and cannot load: {lib} is not in this environment{under}",
                "cause": (f"flash-attn's compiled module (flash_attn_2_cuda) links the CUDA runtime of the CUDA line it was built "
                          f"with, here CUDA {major} ({lib}). The torch beside it brings the libraries of its own CUDA line "
                          "(a cu130 torch only libcudart.so.13, a cu12x torch only .so.12), so a flash-attn wheel built for "
                          "another CUDA major (a prebuilt cu12 wheel, or a container that ships one under a cu130 torch) "
                          "fails on `import flash_attn` before any attention runs."),
                "fix": ("Uninstall it (`python -m pip uninstall flash-attn`: Klein runs on PyTorch SDPA), or install the "
                        "flash-attn built for your torch's CUDA and version: check `python -c \"import torch; "
                        "print(torch.__version__, torch.version.cuda)\"`, then take the wheel whose name carries that CUDA and "
                        "torch (`+cu130torch2.9...`, e.g. from https://github.com/Dao-AILab/flash-attention/releases or a "
                        "prebuilt-wheel index), or build it against that torch: `python -m pip install flash-attn "
                        "--no-build-isolation --no-cache-dir` with the matching CUDA toolkit (nvcc 13 for a cu130 torch). "
                        f"Putting the CUDA {major} runtime beside it (`python -m pip install nvidia-cuda-runtime-cu{major}` and "
                        "LD_LIBRARY_PATH) only works around the import"),
                "details": {"library": lib, "flash_attn_cuda": major, **({"torch_cuda": cu13} if cu13 else {})}}
    if g.get("oldlib"):
        return _fa_old_torch_lib(g["oldlib"], ctx)
    if not g.get("fa_flag"):
        return {}
    if _off_nvidia(ctx):
        return None
    return {"title": "The code requires flash-attn 2, and the Python that runs it cannot import flash_attn",
            "cause": ("The model code sets FLASH_ATTN_2_AVAILABLE from `import flash_attn` and asserts it when flash "
                      "attention is selected. It is False when flash-attn is not installed in this Python or is installed "
                      "without its compiled module: a source build that failed, or a wheel for another torch, CUDA or "
                      "Python (flash-attn is tied to one torch version; prebuilt wheels exist only for some)."),
            "fix": ("See the real import error in the Python that runs the trainer: `python -c \"import flash_attn\"`. "
                    "Then install the flash-attn wheel built for exactly your torch, CUDA and Python (or the torch and "
                    "flash-attn pair the trainer's README names; a source build needs `python -m pip install flash-attn "
                    "--no-build-isolation` and the CUDA toolkit), or select SDPA attention in the trainer's config instead "
                    "of flash attention")}


def _fa_old_torch_lib(lib: str, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A compiled module asking for libtorch_cuda_cu.so / libtorch_cuda_cpp.so, the halves of the CUDA library that
    torch 1.x's split CUDA builds shipped (torch 2 ships one libtorch_cuda.so): it was built against an old torch and
    the installed one (a 2.x release or nightly) no longer has that file. Claimed only where flash-attn is the package
    named shortly before (its flash_attn_2_cuda or csrc extensions such as dropout_layer_norm, imported from flash_attn's
    modules); another extension's (torch_scatter, a detectron2 build) is that package's own rebuild: not claimed."""
    if _off_nvidia(ctx):
        return None
    near = _near(ctx)
    pkg = near.get("attn_pkg") or near.get("other_kernel_lib") or ""
    if not re.search(r"flash[-_ ]?attn|flash ?attention", pkg, re.I):
        return None
    return {"title": (f"flash-attn's compiled extension was built against an older torch: it asks for {lib}, a library "
                      "only torch 1.x builds shipped"),
            "cause": ("flash-attn's compiled modules (flash_attn_2_cuda, and the csrc extensions such as dropout_layer_norm "
                      "or rotary_emb) link the torch they were built against. torch 1.x's CUDA builds split their CUDA "
                      "library in two (libtorch_cuda_cu.so, libtorch_cuda_cpp.so); torch 2 ships one libtorch_cuda.so. An "
                      "extension built before torch was upgraded (to a 2.x release or a nightly) asks for a file that is "
                      "gone and fails at import."),
            "fix": ("Rebuild or reinstall flash-attn against the torch you have now, in the Python that runs it: `python -m "
                    "pip uninstall -y flash-attn dropout_layer_norm` then `python -m pip install flash-attn "
                    "--no-build-isolation --no-cache-dir` (the csrc extensions from the flash-attention checkout: `cd "
                    "csrc/layer_norm && python -m pip install . --no-build-isolation`), or leave flash-attn out (Klein runs "
                    "on PyTorch SDPA)"),
            "details": {"library": lib}}


@_interp("triton_src")
def _triton_src(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Triton 3.3+'s refusal to let code assign a JIT kernel's `.src`. xformers' kernel unrolling (vararg_kernel.py)
    is the caller in image-generation setups; openai-whisper's median-filter kernel (whisper/triton_ops.py, stable-ts)
    is another program's code: not claimed where its file is named; an AMD / Intel / Mac setup is not claimed."""
    if _off_nvidia(ctx):
        return None
    near = _near(ctx)
    if near.get("whisper_triton"):
        return None
    if re.search(r"xformers", near.get("attn_pkg") or "", re.I):
        return {"details": {"package": "xformers"}}
    return {"title": ("Code written for an older Triton rewrites a kernel's source, which the installed Triton 3.3+ "
                      "refuses (`Cannot set attribute 'src' directly`): most often an xformers older than the Triton"),
            "details": {}}


def _other_gpu(ctx: dict[str, Any]) -> bool:
    """The text near the hit is from an AMD setup (ZLUDA, ROCm, DirectML) or an Intel GPU one (IPEX, XPU): out of
    klein-doctor's NVIDIA scope, where its CUDA fixes (reinstall a cu128 torch, install the NVIDIA driver, the
    NVIDIA-side causes of NaN) do not apply."""
    near = _near(ctx)
    return bool(near.get("amd") or near.get("intel"))


def _off_nvidia(ctx: dict[str, Any], listed: str = "") -> bool:
    """An AMD or Intel GPU setup (``_other_gpu``), a Ryzen AI APU with no NVIDIA GPU named, a Mac or a RISC-V host near
    the hit: no NVIDIA CUDA fix applies there.
    A `+rocm6.4` or `+xpu` build inside ``listed``, pip's own list of the versions an index offers (`from versions:
    ..., 2.8.0+rocm6.4, 2.8.0+xpu`), says what the index carries, not that the setup is AMD or Intel."""
    near = _near(ctx)
    if near.get("macos") or near.get("riscv") or near.get("vendor_accel"):
        return True
    if near.get("amd_apu") and not ctx.get("nvidia_named"):  # a Ryzen AI APU's Radeon, no GeForce beside it
        return True
    return bool(near.get("amd") and near["amd"] not in listed) or _intel_setup(near.get("intel"), ctx, listed)


# Intel's integrated GPUs (UHD / HD / Iris Xe): a laptop that also names an NVIDIA GPU is a hybrid one, and its
# NVIDIA GPU is the one the error is about
_INTEL_IGPU = re.compile(r"UHD|\bHD\b|Iris|Xe Graphics", re.I)


def _intel_setup(value: Any, ctx: dict[str, Any], listed: str = "") -> bool:
    """An Intel GPU setup: the intel context's value, unless it is only an integrated GPU beside a named NVIDIA GPU."""
    if not value or value in listed:
        return False
    return not (_INTEL_IGPU.search(str(value)) and ctx.get("nvidia_named"))


def _off_nvidia_anywhere(ctx: dict[str, Any]) -> bool:
    """``_off_nvidia``, or a user's word that the computer is an Intel one anywhere in the paste (it often comes
    after the error, below the 'near the hit' window)."""
    return _off_nvidia(ctx) or _intel_setup(ctx.get("intel"), ctx)


def _foreign_torch_dll(dll: str, ctx: dict[str, Any]) -> bool:
    """A ROCm/ZLUDA torch's *_hip.dll, an Intel XPU torch's *_xpu.dll, or a DLL error on a non-NVIDIA setup."""
    return dll.lower().endswith(("_hip.dll", "_xpu.dll")) or _off_nvidia(ctx)

_CU = re.compile(r"\+(cu\d{3})\b")


def _torch_index(*versions: str) -> tuple[str, str]:
    """The PyTorch index of the CUDA build a version string names (+cu121), or a cuXXX placeholder and how to fill it."""
    cu = next((m.group(1) for v in versions if (m := _CU.search(v or ""))), None)
    if cu:
        return f"https://download.pytorch.org/whl/{cu}", ""
    return ("https://download.pytorch.org/whl/cuXXX", " (cuXXX: the CUDA of your torch build, "
            "`python -c \"import torch; print(torch.version.cuda)\"`, 12.8 -> cu128)")


@_interp("xformers_torch")
def _xformers_torch(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    built, have = g.get("built") or "", g.get("have") or ""
    if g.get("reasons") and not g.get("nocuda"):
        return None  # the dispatcher's reasons are shown: they name the cause (CPU tensors, a bias layout, ...)
    if g.get("nocuda"):
        # the first kernel's reasons say `xFormers wasn't build with CUDA support`: xformers adds that reason only for
        # tensors on a CUDA device (a CPU or MPS tensor gets `device=...` instead), so the operators are missing from
        # this xformers build, whatever else (dtype, a capability) the listing adds
        return None if _off_nvidia_anywhere(ctx) else {}
    if "+rocm" in have.lower() or _off_nvidia(ctx):
        return None  # a ROCm torch (or another AMD/Intel/Mac setup) beside a CUDA xformers wheel: no NVIDIA fix applies
    if g.get("fa3_dll") or g.get("fa3_so"):
        # xformers' bundled FlashAttention-3 extension (xformers/ops/fmha/flash3.py) failing to load: it was linked
        # against another torch, whose entry points this one does not export
        return {"title": "xformers' FlashAttention-3 extension does not load with this torch: xformers is built for another torch",
                "cause": ("Importing xformers loads its compiled extensions, and `xformers.flash_attn_3._C` fails to load "
                          "(`DLL load failed while importing _C: The specified procedure could not be found` on Windows, "
                          "`undefined symbol` on Linux): a torch function it was linked against is not in the installed "
                          "torch, so the xformers wheel is for another torch/CUDA (torch was upgraded, e.g. to a CUDA 13 "
                          "build, and xformers stayed, or a node pack's requirements pulled another xformers). Every "
                          "import of xformers (ComfyUI's attention setup, a node pack) fails the same way."),
                "fix": cat.by_id("xformers.build-mismatch").fix}  # type: ignore[union-attr]
    if not (built and have):
        # the versions not read (a launcher's prefix on each line): still after torch.sm-unsupported when both are there
        return {"_after": "torch.sm-unsupported"}
    if g.get("resolver"):
        # pip / uv refusing an xformers release whose wheel pins another torch than the one kept: ours when the kept torch
        # is newer (xformers is behind the torch); a torch older than the pin is a project's own pins (its own fix)
        try:
            if Version(have) <= Version(built):
                return None
        except InvalidVersion:
            return None
        index, how = _torch_index(have, built)
        pre = ""
        if ".dev" in have:  # a nightly torch: its index is the nightly one, and pip needs --pre to take it
            index, pre = index.replace("/whl/", "/whl/nightly/"), "--pre "
        xf = g.get("xformers") or ""
        return {"title": (f"pip refused xformers {xf}: that release is built for torch {built} only, and this Python keeps "
                          f"torch {have}"),
                "cause": (f"Each xformers wheel is compiled against one torch release and pins it exactly (xformers {xf} "
                          f"depends on torch=={built}). The torch in this environment is {have}, newer, and is kept (a "
                          "constraint, or the installed torch), so pip finds no set of versions and installs nothing. "
                          "Forcing it in (`--no-deps`) leaves an xformers whose C++/CUDA operators do not load."),
                "fix": ("Leave xformers out: Klein (ComfyUI, diffusers) runs on PyTorch SDPA without it. Or install an xformers "
                        f"release built for your torch, keeping torch as it is: `python -m pip install -U {pre}xformers "
                        f"\"torch=={have.split('+')[0]}\" --index-url {index}` (a newer release: xformers 0.0.35 and later "
                        "are built on PyTorch's stable ABI and declare torch>=2.10), or for a nightly torch build xformers "
                        "from source against it (`python -m pip install --no-build-isolation -U "
                        "git+https://github.com/facebookresearch/xformers.git`); ComfyUI portable: `python_embeded\\python.exe "
                        "-m pip ...`; check with `python -m xformers.info`" + how),
                "details": {"xformers": xf, "xformers_torch_pin": built, "torch": have}}
    if have.lower().endswith("+cpu") and not built.lower().endswith("+cpu") and not _off_nvidia(ctx):
        # the torch itself lost CUDA: xformers is only the first to say so
        return {"as": "torch.cpu-build", "details": {"torch": have, "xformers_built_for": built},
                "cause": (f"This Python's torch is {have}, a CPU-only build (xformers was built for {built}): something, "
                          "usually a node pack's requirements or a plain `pip install`, replaced the CUDA torch.")}
    index, how = _torch_index(have, built)
    keep, want = have.split("+")[0], built.split("+")[0]
    if built.lower() == have.lower():
        # the warning names the same torch twice: the version is not what differs, so the headline must not say it is
        # (the extension failed to load for another reason: a CUDA runtime or driver it needs, a damaged install)
        return {"title": (f"xformers cannot load its C++/CUDA extensions, although it was built for this torch ({have}): "
                          "the load failed for another reason"),
                "cause": (f"The warning names the same torch for the xformers build and for this Python ({have}), so the "
                          "torch version is not the mismatch: xformers' compiled library failed to load for another reason, "
                          "which the warning hides (XFORMERS_MORE_DETAILS=1 shows it): a CUDA runtime or driver it needs, a "
                          "damaged or half-replaced install, or a torch of the same version without CUDA (a Mac, whose torch "
                          "has no CUDA and for which xformers has no CUDA kernels). Without its extensions xformers has no "
                          "memory-efficient attention operator to run."),
                "fix": ("See the real load error: run `python -m xformers.info` with XFORMERS_MORE_DETAILS=1 set (bash: "
                        "`XFORMERS_MORE_DETAILS=1 python -m xformers.info`; PowerShell: `$env:XFORMERS_MORE_DETAILS=1; python "
                        "-m xformers.info`). Then uninstall xformers (`python -m pip uninstall xformers`: Klein runs on PyTorch "
                        f"SDPA), or reinstall it from the index of your torch's CUDA build: `python -m pip install --force-reinstall "
                        f"\"torch=={keep}\" xformers --index-url {index}`; ComfyUI portable: `python_embeded\\python.exe -m pip ...`"
                        + how),
                "details": {"xformers_built_for": built, "torch": have}}
    # round 412: beside PyTorch's own warning that the GPU's architecture is not in this torch (an RTX 50 with a cu124
    # torch), the torch has to be replaced first, and the xformers to install is the one built for that new torch: the
    # mismatch goes right after torch.sm-unsupported, wherever the two warnings stand in the paste
    return {"title": f"xformers was built for torch {built}, but this Python has torch {have}", "_after": "torch.sm-unsupported",
            "fix": (f"Uninstall xformers (`python -m pip uninstall xformers`: Klein runs on PyTorch SDPA), or make the two match: "
                    f"keep torch and install the xformers release built for it, `python -m pip install \"torch=={keep}\" xformers "
                    f"--index-url {index}` (pip picks the xformers pinned to torch {keep}), or install the torch xformers was "
                    f"built for, `python -m pip install -U \"torch=={want}\" torchvision --index-url {index}`; ComfyUI portable: "
                    "`python_embeded\\python.exe -m pip ...`; `python -m xformers.info` then lists its operators as available" + how),
            "details": {"xformers_built_for": built, "torch": have, **({"xformers": g["xformers"]} if g.get("xformers") else {})}}


@_interp("xformers_too_new")
def _xformers_too_new(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """xformers' dispatcher refusing a Blackwell GPU (compute capability 10.x-12.x) as too new, kernel by kernel. The
    headline quotes the capability as the listing prints it and, when the paste shows it, the kernel; on an AMD, Intel
    or Mac setup the report is not claimed (the CUDA fixes are not theirs)."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("series") or g.get("shipmax"):
        # the user's own words: the xformers wheel does not support the RTX 50 series / ships kernels only up to sm_90
        said = (f"its kernels stop at sm_{g['shipmax']}" if g.get("shipmax") else "it does not support the RTX 50 series")
        return {"title": f"xformers has no attention kernel for an RTX 50 / Blackwell GPU: {said}",
                "details": {"xformers_build": (g.get("what") or "xformers").strip()}}
    cc = f"({g.get('cc')}, {g.get('minor')})"
    gpu = {"10": "a Blackwell data-center GPU", "11": "a Blackwell GPU", "12": "an RTX 50 / Blackwell GPU",
           "13": "a GPU newer than Blackwell"}.get(g.get("cc") or "", "this GPU")
    return {"title": f"xformers has no attention kernel for this GPU: it refuses capability {cc} ({gpu}) as too new",
            "details": {"gpu_capability": cc, "kernel_limit": f"{g.get('op')} ({g.get('max')}, {g.get('maxminor')})"}}


@_interp("torch_family")
def _torch_family(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    pkg, pv, want, have = (g.get(k) or "" for k in ("pkg", "pv", "want", "have"))
    if g.get("cudart"):  # torchaudio's extension asks for a CUDA runtime of a CUDA line the installed torch lacks
        if _off_nvidia(ctx):
            return None
        lib = g["cudart"]
        major = lib.rsplit(".", 1)[-1]
        return {"title": (f"torchaudio's compiled library needs {lib} (CUDA {major}), which the installed torch does not "
                          "bring: torchaudio and torch come from different CUDA builds"),
                "cause": ("torchaudio's C++ library (_torchaudio) is linked against the CUDA runtime of the CUDA line it "
                          f"was built for, here CUDA {major}. A pip-installed CUDA torch brings the runtime of its own line "
                          "(the nvidia-cuda-runtime wheel of cu12 or cu13 beside it), and a container's or a distribution's "
                          f"torch its own CUDA: when {lib} is found nowhere, the torch that runs is of another CUDA line than "
                          "torchaudio. Typical: torchaudio taken from PyPI (or another index) beside a torch from the PyTorch "
                          "index or from NVIDIA's PyTorch container, by a requirements file that names torchaudio but not "
                          "torch, or torch changed while torchaudio stayed."),
                "fix": ("See which build runs: `python -c \"import torch; print(torch.__version__, torch.version.cuda)\"`; "
                        "then install the torchaudio of that same release from the index of that CUDA line without letting "
                        "pip touch torch: `python -m pip install --force-reinstall --no-deps \"torchaudio==VERSION\" "
                        "--index-url https://download.pytorch.org/whl/cu128` (torchaudio's version is torch's: torch 2.9.1 "
                        "goes with torchaudio 2.9.1; cu128 or cu130 as torch.version.cuda says; ComfyUI portable: "
                        "`python_embeded\\python.exe -m pip ...`). A torch that is no PyTorch-index build (NVIDIA's NGC "
                        "containers, whose torch version ends in `nvYY.MM`) has no such wheel: leave torchaudio out if the "
                        "program does not need it (`python -m pip uninstall -y torchaudio`), or build it against that torch "
                        "(`python -m pip install --no-build-isolation --no-deps git+https://github.com/pytorch/audio`); "
                        "`klein-doctor check --check runtime.torch-family` confirms"),
                "details": {"library": lib, "torchaudio_cuda": major}}
    if g.get("tvlib"):  # the dynamic loader: torchvision's compiled ops ask this torch for a symbol it does not have
        if _off_nvidia(ctx):
            return None
        return {"title": ("torchvision's compiled ops (_C) do not load: torchvision was built for another torch release "
                          "than the installed one"),
                "details": {"library": g["tvlib"], **({"symbol": g["symbol"][:120]} if g.get("symbol") else {})}}
    if g.get("lib"):  # torchaudio's compiled library does not load beside this torch
        if _off_nvidia(ctx):
            return None
        return {"title": "torchaudio's compiled library does not load: torchaudio and torch come from different builds",
                "cause": ("torchaudio's C++ library (_torchaudio) is built against one torch release and one CUDA line. "
                          "Beside a torch of another release or CUDA line it fails to load: an undefined symbol, or a CUDA "
                          "runtime the installed torch does not bring (`libcudart.so.12` under a cu13 torch). The usual "
                          "cause is an install that took torch and torchaudio from different indexes (`--extra-index-url` "
                          "lets pip take a newer torch from PyPI and torchaudio from the PyTorch index), or an upgrade of "
                          "torch alone."),
                "details": {"library": g["lib"]}}
    if g.get("newtorch") or g.get("reqfile"):
        # an install log where a requirements file's torch line, or any install, put a torch without a CUDA tag (PyPI's
        # torch, `+cpu`) in place of an installed `+cuNNN` build: the CUDA build is gone, its companions are stranded
        if _off_nvidia(ctx):
            return None
        mv = re.search(r"\d[\w.]{0,20}\+cu\d{2,3}", g.get("cudatorch") or "")
        cudatorch = mv.group(0) if mv else ""
        if not cudatorch:
            return None
        new, reqfile, spec = g.get("newtorch") or "", (g.get("reqfile") or "").strip(), (g.get("spec") or "").strip()
        index, how = _torch_index(cudatorch)
        base = cudatorch.split("+")[0]
        if reqfile:
            who = f"the requirements file {reqfile}" + (f" (torch{spec})" if spec else "")
        else:
            who = "this install"
        title = (f"{who[0].upper() + who[1:]} replaced your CUDA build torch {cudatorch} with "
                 + (f"torch {new}" + (": a CPU-only build" if new.endswith("+cpu") else " (no CUDA tag: PyPI's torch)")
                    if new else "PyPI's torch"))
        return {"title": title,
                "cause": ("A requirements file (a ComfyUI node pack's, a program's, an update script's) or a package's "
                          "dependency named torch with a version or range the installed CUDA build did not satisfy, or an "
                          "install ran with `--upgrade` / `--force-reinstall`. pip (and uv) resolve torch against the "
                          "indexes given, usually PyPI alone, where the `+cuNNN` builds of download.pytorch.org do not "
                          "exist, so the CUDA build was uninstalled and PyPI's torch put in its place: on Windows PyPI's "
                          "torch is CPU-only (`Torch not compiled with CUDA enabled` at the next start), on Linux it is "
                          "PyPI's default CUDA line; either way torchvision, torchaudio and xformers stay built for the "
                          "old torch (`operator torchvision::nms does not exist`, undefined symbols)."),
                "fix": (f"Put torch, torchvision and torchaudio back together from your CUDA build's index: `python -m pip "
                        f"install --force-reinstall \"torch=={base or 'VERSION'}\" torchvision torchaudio --index-url "
                        f"{index}` (ComfyUI portable: `python_embeded\\python.exe -m pip ...`; uv: `uv pip install "
                        f"\"torch=={base or 'VERSION'}\" torchvision torchaudio --index-url {index} --reinstall`). Then "
                        "keep it: delete or comment out the torch / torchvision / torchaudio lines of that node pack's "
                        "requirements.txt (ComfyUI brings its own torch), or install the file with the CUDA index in "
                        f"view and torch held: `python -m pip install -r requirements.txt \"torch=={base or 'VERSION'}\" "
                        f"--extra-index-url {index}`; `klein-doctor check --check runtime.torch-family` confirms" + how),
                "details": {k: v for k, v in (("requirements_file", reqfile), ("torch_spec", spec),
                                              ("cuda_torch", cudatorch), ("torch_installed", new)) if v}}
    if g.get("dep"):  # another package's requirement makes pip collect torch over an installed CUDA torch
        if _off_nvidia(ctx):
            return None
        chain = [re.match(r"[A-Za-z0-9][\w.\-]{0,80}", c.strip()) for c in g["dep"].split("->")]
        names = [m.group(0) for m in chain if m]
        if not names:
            return None
        dep, spec = names[-1], (g.get("spec") or "").strip()
        mv = re.search(r"\d[\w.]{0,20}\+cu\d{2,3}", g.get("cudatorch") or "")
        cudatorch = mv.group(0) if mv else ""
        index, how = _torch_index(cudatorch)
        base = cudatorch.split("+")[0]
        return {"title": f"Installing {dep} makes pip fetch another torch" + (f" ({spec})" if spec else "")
                         + (f" over your CUDA build torch {cudatorch}" if cudatorch else "")
                         + ": PyPI's torch would replace it",
                "cause": (f"{dep} requires torch, and pip resolves that requirement against the indexes it was given. The "
                          "installed CUDA build (a `+cuNNN` local version from download.pytorch.org) is not on PyPI, so when the "
                          "requirement or one of its neighbours (torchvision, torchaudio, a pinned release) is not met by it, pip "
                          "collects a torch from PyPI and uninstalls the CUDA build (on Windows PyPI's torch is CPU-only; on "
                          "Linux it is another CUDA line), leaving torchvision, torchaudio and xformers built for the old one."),
                "fix": (f"Let pip see your CUDA build's index and keep the installed torch: `python -m pip install {dep} "
                        f"\"torch=={base or 'VERSION'}\" --extra-index-url {index}` (naming torch in the same command keeps it); "
                        "or install the package without its dependencies and add the missing ones by hand: `python -m pip "
                        f"install --no-deps {dep}`. If torch was already replaced, put torch, torchvision and torchaudio back "
                        f"together: `python -m pip install --force-reinstall \"torch=={base or 'VERSION'}\" torchvision "
                        f"torchaudio --index-url {index}` (ComfyUI portable: `python_embeded\\python.exe -m pip ...`); "
                        "`klein-doctor check --check runtime.torch-family` confirms" + how),
                "details": {k: v for k, v in (("installing", dep), ("torch_spec", spec), ("cuda_torch", cudatorch)) if v}}
    if g.get("by"):  # pip collecting / downloading / uninstalling torch while it installs xformers
        pulled, replaced = g.get("pulled") or "", g.get("replaced") or ""
        return {"title": "Installing xformers replaced torch: each xformers release requires one exact torch"
                         + (f" ({g['by']} {g['byv']} wants torch {pulled})" if g.get("byv") and pulled else ""),
                "fix": ("Install the xformers made for the torch you have, with torch named in the same command so pip keeps "
                        "it: `python -m pip install \"torch==$(python -c \"import torch; print(torch.__version__.split('+')[0])\")\" "
                        "xformers --index-url https://download.pytorch.org/whl/cuXXX` (cuXXX: the CUDA of your torch build; "
                        "xformers' CHANGELOG maps each release to its torch), or `--no-deps` when building xformers from "
                        "source against the installed torch (a nightly torch has no xformers wheel: build it, or leave "
                        "xformers out, Klein runs on PyTorch SDPA). If torch was already replaced, put torch, torchvision "
                        "and torchaudio back together from your CUDA index; `klein-doctor check --check runtime.torch-family` "
                        "confirms"),
                "details": {k: v for k, v in (("installing", g["by"]), ("xformers_version", g.get("byv") or ""),
                                              ("torch_pulled", pulled.replace("%2B", "+")), ("torch_replaced", replaced)) if v}}
    if _off_nvidia(ctx):
        return None  # a ROCm (AMD), Intel or Mac torch beside its torchvision: that platform's own builds, no CUDA index fix
    if g.get("partial"):  # torchaudio's import stopped half-way: its CUDA-version check reached a library that did not load
        return {"title": "torchaudio stops half-way through its import (`partially initialized module 'torchaudio' has no "
                         "attribute 'lib'`): most often a torchaudio built for another torch",
                "cause": ("torchaudio loads its compiled library at import and then checks that it was built with the same "
                          "CUDA as torch. When that library does not belong to the installed torch (torchaudio installed "
                          "alone, taken from PyPI beside a torch from the PyTorch index, or left from before a torch "
                          "upgrade), the check meets a half-initialized package and Python reports this instead of the "
                          "real mismatch."),
                "fix": ("See the real error with the Python that runs it: `python -c \"import torch, torchaudio\"`; then "
                        "reinstall torchaudio with torch and torchvision from the index of your CUDA build: `python -m pip "
                        "install --force-reinstall \"torch==VERSION\" torchvision torchaudio --index-url "
                        "https://download.pytorch.org/whl/cu128` (VERSION and cuXXX from `python -c \"import torch; "
                        "print(torch.__version__)\"`; ComfyUI portable: `python_embeded\\python.exe -m pip ...`); "
                        "`klein-doctor check --check runtime.torch-family` confirms"),
                "details": {"package": "torchaudio"}}
    if g.get("op") and not (want and have):
        op = f"{pkg}::{g['op']}"
        if g.get("cudaop"):
            return {"title": f"torchvision has no CUDA kernel for `{op}`: a torchvision of another build (CPU-only, or "
                             "for another torch) beside a CUDA torch",
                    "details": {"operator": op}}
        return {"title": f"torchvision's compiled operator `{op}` is missing: torchvision was built for another torch "
                         "than the installed one",
                "details": {"operator": op}}
    if not (pkg and want and have):
        return {}
    if _DEV.search(want) or _DEV.search(have):
        return _torch_family_nightly(pkg, pv, want, have, ctx)
    index, how = _torch_index(want, pv, have)
    old = want.split("+")[0]
    by = " while installing xformers" if _near(ctx).get("xformers_install") else ""
    return {"title": f"pip replaced torch{by}: {pkg} {pv} was built for torch {want}, torch is now {have}",
            "fix": (f"Put torch back with its companions from the index of your CUDA build, then the xformers made for that "
                    f"torch: `python -m pip install \"torch=={old}\" \"{pkg}=={pv}\" "
                    + ("torchaudio" if pkg == "torchvision" else "torchvision") + f" --index-url {index}`, then "
                    f"`python -m pip install \"torch=={old}\" xformers --index-url {index}` (or leave xformers out: Klein "
                    "runs on PyTorch SDPA); ComfyUI portable: `python_embeded\\python.exe -m pip ...`; "
                    "`klein-doctor check --check runtime.torch-family` confirms" + how),
            "details": {"package": pkg, "package_version": pv, "built_for_torch": want, "torch": have}}


# a PyTorch nightly's version (`2.8.0.dev20250315+cu128`, `1.6.0.dev20200609`): the `.devYYYYMMDD` of the build date
_DEV = re.compile(r"\.dev(\d{8})\b")
# the nightly CUDA lines PyTorch still builds (cu129 and the older lines were retired: torch.nightly-gone)
_NIGHTLY_CU = ("cu126", "cu128", "cu130")


def _torch_family_nightly(pkg: str, pv: str, want: str, have: str, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pip's requirement line (`X requires torch==A, but you have torch B`, or pip < 20.3's `X has requirement
    torch==A, but you'll have torch B which is incompatible`) where one side is a nightly (`.devYYYYMMDD`): a nightly
    torch beside release companions, a nightly companion beside a release torch, or nightlies of two dates. Each
    nightly torchvision / torchaudio requires the torch of its own date, so the fix installs the three in one command
    from one nightly index (or goes back to the stable release, which runs RTX 50 cards since 2.7), not the release
    reinstall of the generic branch."""
    if _off_nvidia(ctx):
        return None
    dw, dh = _DEV.search(want), _DEV.search(have)
    if dw and dh:
        kind = (f"nightlies of two dates: {pkg} {pv} is the nightly of {dw.group(1)} and requires that day's torch, the "
                f"torch is the nightly of {dh.group(1)}") if dw.group(1) != dh.group(1) else (
                f"{pkg} {pv} requires torch {want}, the torch is {have}")
    elif dh:
        kind = f"a nightly torch ({have}) beside the release {pkg} {pv}, which requires torch {want}"
    else:
        kind = f"the nightly {pkg} {pv} (requires torch {want}) beside the release torch {have}"
    m = _CU.search(have) or _CU.search(want) or _CU.search(pv)
    cu = m.group(1) if m and m.group(1) in _NIGHTLY_CU else "cu128"
    return {"title": f"torch and {pkg} are from different builds: {kind}",
            "cause": ("torchvision and torchaudio are built against one torch build and pin it exactly; a nightly "
                      "companion pins the torch nightly of its own date (`0.22.0.dev20250316` requires "
                      "`torch==2.8.0.dev20250315`), a release one its release torch. A nightly torch installed alone over "
                      "the release companions, a nightly companion taken beside a release torch, or the three taken from "
                      "indexes or days that differ (a stale nightly line, a cached wheel, one package upgraded later) "
                      "leave a pair that pip only warns about; the next import fails (`operator torchvision::nms does not "
                      "exist`, undefined symbols in torchaudio's library) or pip keeps replacing torch."),
            "fix": ("Install the three together in one command from one index, so pip takes a matching set. The stable "
                    "release is enough for current cards (torch 2.7 and newer with CUDA 12.8 or 13 run RTX 50 / sm_120): "
                    "`python -m pip install --upgrade --force-reinstall torch torchvision torchaudio --index-url "
                    "https://download.pytorch.org/whl/cu128`. If you do need a nightly, take all three from the same "
                    f"nightly index, unpinned: `python -m pip install --pre --upgrade --force-reinstall torch torchvision "
                    f"torchaudio --index-url https://download.pytorch.org/whl/nightly/{cu}` (cu130 needs an NVIDIA "
                    "driver 580 or newer; ComfyUI portable: `python_embeded\\python.exe -m pip ...`); leave out a "
                    "companion you do not use rather than mixing dates, and reinstall xformers / flash-attn / "
                    "SageAttention for the new torch or remove them; `klein-doctor check --check runtime.torch-family` "
                    "confirms"),
            "details": {"package": pkg, "package_version": pv, "built_for_torch": want, "torch": have}}


@_interp("torchaudio_unavailable")
def _torchaudio_unavailable(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI's own warning that `import torchaudio` failed (its audio models' try/except). Harmless for image models;
    the headline names the model the line names and, when the startup log shows it, the torch build, and the fix takes
    that build's index. On an AMD, Intel or Mac setup the CUDA index is not theirs: not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    tv = _near(ctx).get("torch_version") or str(ctx.get("torch_version") or "")
    model = (g.get("model") or "").strip()
    title = ("ComfyUI cannot import torchaudio" + (f" beside torch {tv}" if tv else "")
             + f": its audio models are off (`{model} model will be broken`); image models such as Klein run")
    out: dict[str, Any] = {"title": title, "details": {"model": model, **({"torch": tv} if tv else {})}}
    m = _CU.search(tv)
    if m:
        ver = tv.split("+")[0]
        out["fix"] = ("See the real error with the Python that runs ComfyUI: `python -c \"import torchaudio\"`. Then install "
                      f"torchaudio for this torch from the same index, all three named: `python -m pip install \"torch=={ver}\" "
                      f"torchvision torchaudio --index-url https://download.pytorch.org/whl/{m.group(1)}` (portable: "
                      "`python_embeded\\python.exe -m pip ...`). If you only run image models, the line is harmless")
    return out


# torch minor release -> the CPython versions it has wheels for on Linux x86_64 and Windows (pytorch.org's release
# matrix; 2.5's cp313 wheels were Linux-only, so 3.13 counts from 2.6)
def _poetry_no_candidates(g: dict[str, str]) -> dict[str, Any] | None:
    """Poetry's `Unable to find installation candidates for torch (X)`: none of the files of the locked build fits this
    environment. A `+cpu` build that has no file here is a Mac or ARM host's (Linux x86_64 and Windows have one): not
    claimed. A Python named in the paste that the release supports makes it the platform (an Intel Mac after 2.2, a lock
    for another OS): not claimed; one outside the release's range is the cause."""
    pkg, ver = g.get("ppkg") or "torch", g.get("pver") or ""
    if "+cpu" in ver.lower():
        return None
    rel = _release(ver)
    span = _torch_pythons((rel.major, rel.minor)) if rel and pkg == "torch" else None
    py = g.get("ppy") or ""
    pyminor = int(py.split(".")[1]) if py.count(".") == 1 and py.split(".")[1].isdigit() else None
    if pyminor is not None and span is not None and span[0] <= pyminor <= span[1]:
        return None
    fix = ("See which Python the project's environment runs: `poetry env info`. Point it at a Python the torch release "
           "supports and install again: `poetry env use 3.12` then `poetry install` (the project's `requires-python` / "
           "`python` range must allow it); or move to a torch that has wheels for your Python and re-lock: `poetry add "
           "torch@^2.7` (Poetry 2: `poetry lock --regenerate`). Keep CUDA builds on an explicit source: `[[tool.poetry.source]]` "
           "name = \"pytorch-cu128\", url = \"https://download.pytorch.org/whl/cu128\", priority = \"explicit\", with "
           "`torch = { version = \"^2.7\", source = \"pytorch-cu128\" }`; a lock made on another OS needs `poetry lock` "
           "on this one")
    if pyminor is not None and span is not None:
        lo, hi, hi_any, partial, every = span
        short = f"{rel.major}.{rel.minor}"  # type: ignore[union-attr]
        if hi < pyminor <= hi_any:
            # a wheel for this Python exists for one platform only (torch 2.5's cp313 for Linux x86-64): elsewhere none fits
            return {"title": f"Poetry found no {pkg} {ver} wheel for Python {py} here: torch {short} has Python {py} "
                             f"wheels only for {partial}",
                    "cause": (f"Poetry installs the exact build its lock file names, and {pkg} {ver} publishes CPython {py} "
                              f"wheels only for {partial} (every platform from torch {every}); on any other platform (Windows, "
                              "macOS, ARM) none of the release's files fits the environment's Python "
                              "(`Unable to find installation candidates`)."),
                    "fix": fix, "details": {"requirement": f"{pkg}=={ver}", "python": py}}
        more = f" (3.{hi_any} on {partial} only)" if hi_any > hi else ""
        return {"title": f"Poetry found no {pkg} {ver} wheel for Python {py}: torch {short} has wheels "
                         f"for Python 3.{lo} to 3.{hi}{more}",
                "cause": (f"Poetry installs the exact build its lock file names, and {pkg} {ver} publishes wheels only for "
                          f"CPython 3.{lo} to 3.{hi}{more}; the environment's Python {py} is outside that, so none of "
                          "the release's files fits (`Unable to find installation candidates`)."),
                "fix": fix, "details": {"requirement": f"{pkg}=={ver}", "python": py}}
    return {"title": f"Poetry found no {pkg} {ver} wheel that fits this environment (its Python version or its platform)",
            "cause": (f"Poetry installs the exact build its lock file names, and `Unable to find installation candidates` "
                      f"means that none of {pkg} {ver}'s files fits the project's environment: its Python is outside the "
                      "versions the release has wheels for (a Python newer than the release, a "
                      "32-bit Python), or the lock was written for another platform (a `+cuXXX` build where only macOS "
                      "or ARM wheels can install)."),
            "fix": fix, "details": {"requirement": f"{pkg}=={ver}"}}


def _minor(v: Any) -> tuple[int, int] | None:
    """`2.5` -> (2, 5); None for an empty or malformed value."""
    m = re.match(r"\s*(\d+)\.(\d+)", str(v or ""))
    return (int(m.group(1)), int(m.group(2))) if m else None


def _torch_python_rows() -> dict[tuple[int, int], dict[str, Any]]:
    """manifests/wheels.toml [[python_support]], read from PyPI's torch files: (3, 13) -> {"all": (2, 6), "any": (2, 5),
    "partial_on": "Linux x86-64", "last": None}: the first torch with a wheel for that Python on every platform, on
    any one (which), and the last with one. A malformed row is skipped, never a crash."""
    out: dict[tuple[int, int], dict[str, Any]] = {}
    for row in _manifest_part("wheels", "python_support", []):
        py = _minor(row.get("python"))
        if py is None:
            continue
        every = _minor(row.get("first_torch"))
        out[py] = {"all": every, "any": _minor(row.get("first_torch_any")) or every,
                   "partial_on": str(row.get("partial_on") or ""), "last": _minor(row.get("last_torch"))}
    return out


def _torch_pythons(rel: tuple[int, int]) -> tuple[int, int, int, str, str] | None:
    """The CPython minors torch `rel` has wheels for, from the table: (lowest, highest on every platform, highest on
    any, the platform of that partial one, the release that has it everywhere). None outside the releases the table
    was read for (older than its first full row, newer than `[python_support_read]`)."""
    rows = _torch_python_rows()
    read = _minor(_manifest_part("wheels", "python_support_read", {}).get("torch"))
    fulls = [r["all"] for r in rows.values() if r["all"]]
    if not rows or read is None or not fulls or rel < min(fulls) or rel > read:
        return None
    have = sorted(py for py, r in rows.items()
                  if (r["any"] is None or r["any"] <= rel) and (r["last"] is None or r["last"] >= rel))
    full = [py for py in have if rows[py]["all"] is None or rows[py]["all"] <= rel]
    if not have or not full:
        return None
    hi_any = max(have)
    r = rows[hi_any]
    partial = r["partial_on"] if hi_any > max(full) else ""
    every = ".".join(map(str, r["all"])) if partial and r["all"] else ""
    return have[0][1], max(full)[1], hi_any[1], partial, every


def _pin_older_than_python(g: dict[str, str], near: dict[str, str]) -> dict[str, Any] | None:
    """pip's `Could not find a version ... torch==X` with its `(from versions: ...)` list cut off: claimed only where
    the paste names a Python newer than every Python torch X has wheels for (torch 1.12 under Python 3.11)."""
    if "+rocm" in (g.get("req") or "").lower():
        return None  # a ROCm pin (AMD): PyTorch's CUDA index in the fix is not theirs
    m = re.search(r"3\.(\d{1,2})", near.get("py_named") or "")
    want = tuple(int(x) for x in g["bwant"].split(".")[:2])
    if not m:
        return None  # no Python named: a missing index, a typo, another platform: the text does not say
    py = (3, int(m.group(1)))
    rows = _torch_python_rows()
    # (3, 13) -> (2, 5): the first torch with a wheel for that Python on any platform (before it, no index has one)
    table = {k: r["any"] for k, r in rows.items() if r["any"]}
    if not table:
        return None
    newest = max(table)
    first = table.get(py) or (max(v for k, v in table.items() if k < py) if py > newest else None)
    if first is None or want >= first:
        return None
    pyv, fv = f"3.{py[1]}", ".".join(map(str, first))
    every_tab = {k: r["all"] for k, r in rows.items() if r["all"]}
    older = max((k for k, v in every_tab.items() if v <= want), default=(3, 9))
    ov = f"3.{older[1]}"
    row = rows.get(py) or {}
    every = ".".join(map(str, row["all"])) if row.get("all") and row["all"] != first else ""
    note = f" ({row.get('partial_on') or 'one platform'}; every platform from {every})" if every else ""
    fv_fix = every or fv
    return {"title": f"pip found no torch {g['bwant']} for Python {pyv}: torch has wheels for Python {pyv} only from {fv} on{note}",
            "cause": (f"The requirement pins torch=={g['bwant']}, a release made before Python {pyv} existed or was supported: "
                      f"no index (PyPI or download.pytorch.org) has a wheel of it for Python {pyv}, so pip finds no version."),
            "fix": (f"Run the program with a Python that torch {g['bwant']} supports: make the venv with Python {ov} or older "
                    f"(`py -{ov} -m venv venv`, or delete the venv folder and reinstall with Python {ov}), or drop the pin and "
                    f"install torch {fv_fix} or newer: `python -m pip install torch torchvision --index-url "
                    f"https://download.pytorch.org/whl/cu128`"),
            "details": {"requirement": g["req"], "python": pyv, "needs": f"torch>={fv}"}}


@_interp("pip_no_wheel")
def _pip_no_wheel(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    near = _near(ctx)
    if _off_nvidia(ctx, g.get("have") or "") or "+rocm" in (g.get("want") or "").lower():
        return None  # a ROCm index or pin (AMD), an Intel or a Mac setup: PyTorch's CUDA wheels and this fix are not theirs
    if g.get("pver"):
        return _poetry_no_candidates(g)
    if g.get("bwant"):
        return _pin_older_than_python(g, near)
    if g.get("platform"):
        return None  # uv's hint names the platform (a lock made elsewhere, a Linux-only build): not this Python's version
    if arm := _aarch64_cuda_pin(g, ctx):
        return arm
    if near.get("py32"):
        return {"title": "This Python is 32-bit: PyTorch has no wheels for it", "details": {"python": near["py32"]}}
    if near.get("win_arm64") and not g.get("have"):
        # a native ARM64 Python on Windows on Arm named beside `from versions: none`: not its version or bitness,
        # its architecture (PyTorch's win_arm64 wheels are CPU-only, on its own index, for some Pythons)
        return {"as": "torch.windows-arm64-no-wheel",
                "details": {"python": near["win_arm64"], **({"requirement": g["req"]} if g.get("req") else {})}}
    if g.get("tvpkg"):
        # torchvision / torchaudio are built per Python like torch, and a new Python (3.13 as Arch's or Fedora's system
        # Python) can have torch wheels before it has theirs: pip then offers none of them at all
        pkg = g["tvpkg"]
        return {"title": f"pip found no {pkg} wheel for this Python (`from versions: none`)",
                "cause": (f"{pkg} publishes wheels per Python version, like torch, and only for 64-bit Pythons that its "
                          f"release supports. `from versions: none` means no {pkg} release has a wheel for this Python: a "
                          f"Python newer than the torch/{pkg} pair supports (a distribution's system Python 3.13 or 3.14 "
                          f"with an older pin, or before {pkg}'s wheels for it came out, even when torch itself installs), "
                          f"a 32-bit Python, or a mistyped PyTorch index."),
                "fix": (f"Make the venv with a Python the PyTorch packages have wheels for and install the pair from one "
                        f"index: `uv venv --python 3.12 venv` (or `python3.12 -m venv venv`), then `venv/bin/python -m pip "
                        f"install torch torchvision torchaudio --index-url https://download.pytorch.org/whl/cu128`; or keep "
                        f"this Python and install the newest torch and {pkg} together (no old pin); check with "
                        f"`python -c \"import sys, struct; print(sys.version, struct.calcsize('P') * 8)\"`"),
                "details": {"requirement": g["req"]}}
    if g.get("wrongname"):
        return {"title": "`pip install pytorch` is not PyTorch: the package is `torch`",
                "fix": ("Install `torch` (not `pytorch`) from the PyTorch index into a 64-bit Python 3.10 to 3.12: `python -m pip "
                        "install torch torchvision --index-url https://download.pytorch.org/whl/cu128`; if pip then finds no "
                        "version, that Python is 32-bit or of an unsupported version: " + cat.by_id("torch.pip-no-wheel").fix)}  # type: ignore[union-attr]
    if g.get("want") and g.get("have"):
        have = [v.strip() for v in g["have"].split(",") if v.strip()]
        pkg = (g.get("req") or "torch").split("==", 1)[0] or "torch"

        def _ver(v: str) -> Version | None:
            r = _release(v)
            return Version(r.public) if r else None  # the +cuXXX / +cpu build tag is not part of the order
        # round 423: torch 0.x and torchvision 0.1-0.2 are old pure-Python / placeholder uploads pip lists for any
        # Python; they say nothing about which releases this Python has wheels of
        ancient = Version("1.0") if pkg == "torch" else Version("0.3") if pkg == "torchvision" else Version("0.0")
        have = [v for v in have if (r := _ver(v)) is None or r >= ancient] or have
        if pkg != "torch" and not any(c.get(k) for c in (ctx, near) for k in ("wheel_cp", "py_named")):
            # a companion pin older than what an index lists can be the index's CUDA line (cu124 starts at
            # torchvision 0.19): read as this Python's gap only where the paste names the Python (a cpXY wheel, `Python 3.13`)
            return None
        want = g["want"]
        local = want.split("+", 1)[1].lower() if "+" in want else ""
        tags = {v.split("+", 1)[1].lower() for v in have if "+" in v}
        if local and local not in tags and want.split("+")[0] in {v.split("+")[0] for v in have}:
            # the release is offered, only not the +cuXXX / +cpu build: the index that carries it was not consulted
            return {"as": "torch.local-version-no-index", "details": {"requirement": g["req"]}}
        offered = [r for v in have if (r := _ver(v)) is not None]
        if (not local and offered and _ver(want) and len(tags) == 1 and all("+" in v for v in have)
                and next(iter(tags)).startswith("cu") and _ver(want) > max(offered)):
            # every build listed is of one CUDA line's index, and the pin is newer than all: that line ends earlier
            return {"as": "torch.index-cuda-too-old", "details": {"requirement": g["req"], "available": f"{have[0]} to {have[-1]}"}}
        if not offered or not _ver(g["want"]) or _ver(g["want"]) >= min(offered):
            return None  # a version newer than all offered (or between them) is a typo or no release, not this Python
        return {"title": f"pip found no {pkg} {g['want']} for this Python: it offers only {have[0]} to {have[-1]}",
                "cause": (f"The requirement pins {pkg}=={g['want']}, a release older than every version pip can install here "
                          f"({have[0]} to {have[-1]}): it has no wheel for this Python, which is newer than that release "
                          f"supports."),
                "fix": (f"Install a {pkg} pip offers for this Python instead of the pin: `python -m pip install torch torchvision "
                        f"--index-url https://download.pytorch.org/whl/cu128` (newest, torch and its companions together), or "
                        f"`python -m pip install {pkg}=={have[-1].split('+')[0]}`; to keep {pkg} {g['want']}, make a venv with a "
                        f"Python that release supports (`py -3.10 -m venv venv` on Windows, `python3.10 -m venv venv` "
                        f"elsewhere) and install the project's requirements there"),
                "details": {"requirement": g["req"], "available": f"{have[0]} to {have[-1]}"}}
    return {"details": {"requirement": g["req"]}} if g.get("req") else {}


@_interp("cudnn_pruned")
def _cudnn_pruned(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """nvidia-cudnn-cu12==9.1.0.70, which every torch 2.4-2.6 CUDA 12 build pins, missing from the index (August 2026):
    the torch named, if any, goes into the details. Not for an AMD or Mac setup."""
    if _off_nvidia(ctx):
        return None
    torch = (g.get("torch") or "").strip("`")
    return {"details": {"requirement": f"{g['dep']}=={g['ver']}", **({"required_by": torch} if torch else {})}}


def _placeholder_version(cat: Catalog, v: str) -> bool:
    """A version on an nvidia-* project that is a placeholder upload, not a release (errors.toml's table)."""
    return any(re.match(str(r.get("regex") or "(?!)"), v) for r in cat.tables.get("nvidia_placeholder_version") or [])


@_interp("cuda_wheel_pin")
def _cuda_wheel_pin(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pip's `from versions: ...` for a pinned nvidia-* CUDA wheel: claimed where the pin is older than the newest
    release listed and not among them (its release has no wheel for this platform). A version torch itself requires
    (`(from torch==...)`) is the index's; a version pip lists, or one newer than all, is another story."""
    if _off_nvidia(ctx):
        return None
    pkg, want = g.get("pkg") or "", g.get("want") or ""
    if re.search(r"\(from (?:torch|torchvision|torchaudio)\b", g.get("from") or "", re.I):
        return None  # a version torch itself requires is the index's (torch.index-cudnn-pruned's, which supersedes this)
    have = [v.strip() for v in (g.get("have") or "").split(",") if v.strip()]
    real = [v for v in have if not _placeholder_version(cat, v)]
    w = _release(want)
    if w is None or want in have:
        return None
    offered = [r for v in real if (r := _release(v)) is not None]
    if offered and w >= max(offered):
        return None  # newer than every release listed: a typo or a release not out yet, not this platform's gap
    listed = f"{real[0]} to {real[-1]}" if real else "none but placeholders"
    return {"title": f"{pkg}=={want} has no wheel for this platform: pip lists only {listed}",
            "details": {"requirement": f"{pkg}=={want}", "available": listed}}


def _companion_for(torch_ver: Version, comp: str) -> str:
    """The torchvision / torchaudio release line made with a torch 2.x release (0.21 for torch 2.6; torchaudio has
    torch's own number), from manifests/torch_companions.toml; empty for other torch lines."""
    from .platform_rules import companions

    if torch_ver.major != 2:
        return ""
    try:
        made = companions(f"{torch_ver.major}.{torch_ver.minor}.0").get(comp) or ""
    except (manifests.ManifestError, KeyError, ValueError):
        return ""
    return ".".join(made.split(".")[:2])


@_interp("family_pins")
def _family_pins(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pip's (or uv's) refusal of a torch pin beside a torchvision / torchaudio built for another torch: claimed where
    the companion's own torch requirement misses the torch asked for (another release, or the same one with and without
    a `+cuXXX` tag). `Cannot install torch==A and torchvision==B` alone is read with torchvision's release table."""
    if _off_nvidia(ctx):
        return None
    if g.get("what"):
        what = g["what"]
        t = re.search(r"(?<![\w-])torch==(\d[\w.+]{0,30})", what)
        c = re.search(r"(?<![\w-])(torchvision|torchaudio)==(\d[\w.+]{0,30})", what)
        tv, cv = (_release(t.group(1)) if t else None), (_release(c.group(2)) if c else None)
        if not (t and c and tv and cv) or tv.major != 2:
            return None
        comp = c.group(1)
        line = _companion_for(tv, comp)
        cline = f"{cv.major}.{cv.minor}"
        if cline == line:
            return None  # the pair is of one release: the conflict is elsewhere
        treq, cver, cwant = f"torch=={t.group(1)}", c.group(2), ""
    else:
        treq, comp, cver, cwant = (g.get(k) or "" for k in ("treq", "comp", "cver", "cwant"))
        spec = treq[len("torch"):].strip()
        want = cwant.lstrip("=<>~!")
        wv = _release(want)
        if not spec or wv is None:
            return None
        if spec.startswith("==") and not any(ch in spec for ch in "*,"):
            asked = _release(spec[2:])
            if asked is None or asked == wv:
                return None  # the very build the companion needs: the conflict is elsewhere
        else:
            try:
                if wv in SpecifierSet(spec):
                    return None  # the companion's torch satisfies the range asked for: not this pair
            except InvalidSpecifier:
                return None
        tv = _release(spec.lstrip("=<>~!").split(",")[0])
    label_only = bool(tv is not None and cwant and (w := _release(cwant.lstrip("=<>~!"))) is not None
                      and w.public == tv.public and w.local != tv.local)
    line = _companion_for(tv, comp) if tv is not None else ""
    built_for = f"torch{cwant}" if cwant else f"another torch than {treq}"
    title = (f"{treq} and {comp} {cver} ({comp} requires {built_for}) differ only in the +cuXXX build tag: pin both the same way"
             if label_only else
             f"{comp} {cver} is built for {built_for}, and the install asks for {treq}")
    fix = None
    if line and not label_only:
        base = treq.split("==", 1)[1] if "==" in treq else ""
        torch_arg = f'"torch=={base}"' if base else "torch"
        fix = (f"Pin the {comp} made with that torch, {comp} {line}.x, or leave its version to pip: `python -m pip install "
               f"{torch_arg} {comp} --index-url https://download.pytorch.org/whl/cu124` "
               f"(the cuXXX of your build; pip takes the {comp} built for it), and change the requirements file's "
               f"{comp} line to `{comp}=={line}.*` (or drop its version) so the next install does not stop on it")
    out: dict[str, Any] = {"title": title, "details": {"requested": treq, comp: cver, **({"needs": f"torch{cwant}"} if cwant else {})}}
    if fix:
        out["fix"] = fix
    return out


@_interp("xformers_no_wheel")
def _xformers_no_wheel(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pip's `from versions: none` for xformers: no xformers wheel fits this Python or platform. On an AMD, Intel or
    Mac setup the CUDA wheels are not theirs (a ROCm index without an xformers build yet): not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    req = g.get("req") or "xformers"
    return {"title": f"pip found no {req} wheel for this Python (`from versions: none`)",
            "details": {"requirement": req}}


@_interp("poetry_python_range")
def _poetry_python_range(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Poetry's solver refusing an open-ended project Python range that a torch-stack package (triton) does not cover:
    the numbers say which range and which Python bound to add."""
    rng, pkg, req, bad = (g.get(k) or "" for k in ("range", "pkg", "preq", "bad"))
    upper = re.search(r"<\s*(3\.\d{1,2})", req)
    lower = re.search(r">=\s*(3\.\d{1,2})", rng)
    cap = f">={lower.group(1)},<{upper.group(1)}" if lower and upper else ""
    title = (f"Poetry solves for every Python your project allows ({rng}), and {pkg} has no release for Python {bad}"
             if rng and pkg and bad else "")
    out: dict[str, Any] = {"details": {k: v for k, v in (("project_python", rng), ("package", pkg), ("package_python", req)) if v}}
    if title:
        out["title"] = title
    if cap:
        out["fix"] = (f"Give the project's Python range an upper bound that {pkg} covers: `requires-python = \"{cap}\"` under "
                      f"`[project]` (Poetry 1.x: `python = \"{cap}\"` under `[tool.poetry.dependencies]`), then re-lock and "
                      "install: `poetry lock` and `poetry install` (`poetry add torch` again if it was being added). The "
                      "environment's own Python must be inside the range (`poetry env use 3.12`)")
    return out


@_interp("wheel_platform")
def _wheel_platform(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pip's tag refusal, where the architecture half of the tag is the mismatch: a win_arm64 wheel (Windows on Arm)
    into a Python that is not ARM64, or a win_amd64 wheel into an ARM64 or a 32-bit Python named near it. Other
    refusals (the Python version, another OS) keep the signature's own words."""
    wheel, plat = g.get("wheel") or "", (g.get("plat") or "").lower()
    if _FOREIGN_ACCEL_WHEEL.search(wheel):
        return None  # a ROCm, Hygon DCU (+das / dtk), Intel XPU or Iluvatar CoreX build: another accelerator's stack
    near = _near(ctx)
    check = "`python -c \"import platform, struct, sys; print(sys.version, platform.machine(), struct.calcsize('P') * 8, 'bit')\"`"
    if plat.endswith("win_arm64"):
        return {"title": f"{wheel} is built for Windows on Arm (win_arm64), and the Python installing it is not an ARM64 Python",
                "fix": (f"Install it with a native ARM64 Python (Windows on Arm only: the python.org `ARM64` installer, "
                        f"`py -V:3.12-arm64 -m pip install {wheel}`), or take the wheel built for this Python's architecture "
                        f"(`win_amd64` for an x64 Python, which Windows on Arm runs under emulation); see the architecture with "
                        f"{check}"),
                "details": {"wheel": wheel, "platform": "win_arm64"}}
    if plat.endswith("win_amd64") and (near.get("win_arm64") or near.get("py32")):
        arm = bool(near.get("win_arm64"))
        what = "a native ARM64 Python (Windows on Arm)" if arm else "a 32-bit Python"
        return {"title": f"{wheel} is an x64 (win_amd64) wheel, and this is {what}: pip refuses it",
                "fix": (("Install the wheel with an x64 Python, which Windows on Arm runs under emulation: the python.org "
                         "`Windows installer (64-bit)` (not `ARM64`), a venv made with it (`py -V:3.12 -m venv venv`), and the "
                         "install from that venv; or find a `win_arm64` build of the package for the ARM64 Python"
                         if arm else
                         "Install the 64-bit Python from python.org (`Windows installer (64-bit)`), make a new venv with it "
                         "(`py -3.12 -m venv venv`; the 32-bit one lives in a `Python3XX-32` folder) and install there: no "
                         "64-bit wheel, torch included, installs into a 32-bit Python")
                        + f"; check a Python with {check}"),
                "details": {"wheel": wheel, "python": near.get("win_arm64") or near.get("py32") or ""}}
    return {}


@_interp("index_cuda")
def _index_cuda(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """uv's refusal when the PyTorch index of an older CUDA line (cu124) has no build of the torch version a package
    requires: the numbers say which line and which version. Not for an AMD or Mac setup, where the cu128 fix is not theirs."""
    if _off_nvidia(ctx):
        return None
    pkg, cu, want, have = g.get("pkg") or "torch", g.get("cu") or "", (g.get("want") or "").rstrip(","), g.get("have") or ""
    if "," in have:  # pip's list of the versions offered (reached from torch.pip-no-wheel): the newest counts
        have = have.rsplit(",", 1)[1].strip()
        cu = cu or (m.group(1) if (m := _CU.search(have)) else "")
        want = want if want[:1] in "<>=~!" else f"=={want}"
    if not cu and "+cu" in want.lower():  # reached from torch.local-version-no-index: torch==X+cuNNN, a line that ended
        base, cu = want.split("+", 1)
        cu = cu.lower()
        want, have = f"=={base.lstrip('=')}", (f"{_CU_LINE_LAST[cu]}+{cu}" if cu in _CU_LINE_LAST else have)
    line = f"The {cu} PyTorch index" if cu else "This PyTorch index"
    if have:
        title = f"{line} stops at {pkg} {have}" + (f", and {g['what']} needs {pkg}{want}" if g.get("what") and want
                                                   else f", and {pkg}{want} was asked for" if want else "")
    else:
        title = f"{line} has no {pkg}{want}: that CUDA line ends before the version required"
    d = {k: v for k, v in (("index", cu), ("available", have), ("required", want)) if v}
    return {"title": title, "details": d}


# the last torch release of each PyTorch CUDA index that has ended (https://pytorch.org/get-started/previous-versions/)
_CU_LINE_LAST = {"cu102": "1.12.1", "cu111": "1.10.2", "cu113": "1.12.1", "cu115": "1.11.0", "cu116": "1.13.1",
                 "cu117": "2.0.1", "cu118": "2.7.1", "cu121": "2.5.1", "cu124": "2.6.0"}


def _aarch64_cuda_pin(g: dict[str, str], ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A `torch==X+cuXXX` pin of a release older than 2.4 on an ARM64 Linux machine (`aarch64` in the paste, a Grace
    system, a Jetson): PyTorch's first aarch64 CUDA wheels came with 2.4 (cu124; pytorch/builder#1971), so no index
    carries that build for this platform, and pointing pip at the cuXXX index does not help (round 406)."""
    machine = _arm64_linux(ctx)
    pkg = g.get("pkg") or (g.get("req") or "").split("==")[0] or "torch"
    want = g.get("want") or (g.get("req") or "").split("==", 1)[-1]
    local = want.split("+", 1)[1].lower() if "+" in want else ""
    r = _release(want)
    if not machine or pkg != "torch" or not local.startswith("cu") or r is None or r.release[:2] >= (2, 4):
        return None
    plain = want.split("+", 1)[0]
    board = _jetson(ctx)
    return {"title": (f"torch {want} has no build for ARM64 Linux ({machine}): PyTorch's aarch64 CUDA wheels start "
                      "with torch 2.4, and this release was built with CUDA for x86_64 only"),
            "cause": (f"The `+{local}` label names PyTorch's CUDA build of {plain}, which was published for x86_64 Linux "
                      "and Windows only: before torch 2.4 PyTorch built its aarch64 Linux wheels without CUDA, so pip on "
                      f"this machine lists only PyPI's plain releases (CPU-only on aarch64) and no index has {want} for it. "
                      "An install script or requirements file written for an x86_64 PC pins it."),
            "fix": ("Drop the pin and install a torch that has aarch64 CUDA wheels (2.4 or newer) into the same Python: "
                    + ("on a Jetson, NVIDIA's build for its JetPack (`python -m pip install torch torchvision --index-url "
                       "https://pypi.jetson-ai-lab.io/jp6/cu126` for JetPack 6; `cat /etc/nv_tegra_release` shows it)"
                       if board else
                       "on a GH200 / GB200 / DGX Spark `python -m pip install torch torchvision --index-url "
                       "https://download.pytorch.org/whl/cu128` (cu130 for a GB10 or a Jetson Thor); a Jetson takes NVIDIA's "
                       "JetPack build (`--index-url https://pypi.jetson-ai-lab.io/jp6/cu126` for JetPack 6)")
                    + f". A machine without an NVIDIA GPU (a phone, a Raspberry Pi) runs the CPU build: `python -m pip "
                    f"install torch=={plain}` (the pin without its `+{local}` label), and the program in its CPU mode"),
            "details": {"requirement": f"{pkg}=={want}", "machine": machine}}


@_interp("local_version")
def _local_version(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A `torch==X+cuXXX` (or `+cpu`) pin that pip or uv found nowhere: the index of that build was not consulted.
    The numbers name the index to add. Not for a ROCm pin or an AMD / Intel / Mac setup."""
    if _off_nvidia(ctx, g.get("have") or ""):
        return None
    req = g.get("req") or ""
    pkg = g.get("pkg") or req.split("==")[0] or "torch"
    want = g.get("want") or req.split("==", 1)[-1]
    local = want.split("+", 1)[1] if "+" in want else ""
    if not local.lower().startswith(("cu", "cpu")):
        return None
    if _aarch64_cuda_pin(g, ctx):
        # round 406: no aarch64 CUDA build of a release before 2.4 exists on any index: not an index left out
        return {"as": "torch.pip-no-wheel", "details": {"requirement": f"{pkg}=={want}"}}
    index = f"https://download.pytorch.org/whl/{local.lower()}"
    last = _CU_LINE_LAST.get(local.lower()) if pkg == "torch" else None
    if last and (r := _release(want)) is not None and r.release > Version(last).release:  # 2.0.1+cu117 is not past 2.0.1
        # the CUDA line ended before this release: no index carries torch X+cuNNN, pointing pip there would not help
        return {"as": "torch.index-cuda-too-old", "details": {"requirement": f"{pkg}=={want}", "index": index,
                                                               "available": f"up to {last}+{local.lower()}"}}
    flag = (_near(ctx).get("uv_torch_index") or "").lower().rstrip("/")
    if g.get("uv") and ("torch_stable" in flag or flag.endswith(f"/whl/{local.lower()}")):
        # uv's own words, and its command named the index (or find-links page) that lists this build: the index
        # was consulted, so it is uv's matching of the local version (an early uv), not a missing index
        return {"as": "python.uv-local-version", "details": {"requirement": f"{pkg}=={want}", "index": index}}
    opt, _, given = _fact(ctx, "pytorch_index_given").replace("=", " ", 1).partition(" ")
    given = given.strip().rstrip("/")
    title = f"{pkg} {want} is a build only PyTorch's {local} index carries, and the install did not look there"
    if given.lower().endswith("/torch_stable.html") and opt not in ("-f", "--find-links"):
        # torch_stable.html given as an index (`--index`, `--extra-index-url`): it is a find-links page, read only with -f
        title = (f"{pkg} {want} is a build only PyTorch's {local} index carries; the command gave torch_stable.html as an "
                 f"index (`{opt}`), and it is a find-links page, read only with `-f`")
    elif given and not given.lower().endswith("/torch_stable.html") and given.lower() != index:
        # the command named a PyTorch URL, but not the one carrying this build (the root /whl, another cuXXX)
        title = f"{pkg} {want} is a build only PyTorch's {local} index carries; the command pointed at {given}, which does not list it"
    return {"title": title,
            "fix": (f"Install it from that index, with the Python that will run it: `python -m pip install \"{pkg}=={want}\" "
                    f"--index-url {index}` (for a requirements file, put `--extra-index-url {index}` on its own line at its "
                    f"top, so PyPI stays for the rest); uv: `uv pip install \"{pkg}=={want}\" --index {index}`, and in a uv "
                    f"project declare the index under `[[tool.uv.index]]` (url `{index}`, `explicit = true`) with "
                    f"`{pkg} = {{ index = \"pytorch-{local.lower()}\" }}` in `[tool.uv.sources]` (not under `[tool.uv.pip]`, "
                    "which only `uv pip` reads); `torch_stable.html` is a find-links page (`-f`), not an index. If pip, "
                    "pointed there, still finds no such version, that build has no wheel for this Python: use a Python the "
                    "release supports, or a current torch (`--index-url https://download.pytorch.org/whl/cu128`)"),
            "details": {"requirement": f"{pkg}=={want}", "index": index}}


@_interp("uv_local_version")
def _uv_local_version(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """uv and torch's local version labels on PyTorch's own index: a plain `torch==X` there is the macOS / aarch64
    build (the x86_64 Linux and Windows builds are `X+cuXXX` / `X+cpu`), and an early uv matched no labelled build at
    all. The numbers name the labelled build to pin. Not for a ROCm / XPU index or an AMD, Intel or Mac setup."""
    if _off_nvidia(ctx):
        return None
    pkg = g.get("pkg") or "torch"
    want = g.get("want") or (g.get("req") or "").split("==", 1)[-1]
    if "+" in want:  # reached from torch.local-version-no-index: the labelled build, with its index named
        local = want.split("+", 1)[1].lower()
        index = f"https://download.pytorch.org/whl/{local}"
        return {"title": (f"uv found no {pkg} {want} although the command named PyTorch's index that lists it: uv's "
                          "matching of local versions (+cpu / +cuXXX), which early uv releases lacked"),
                "fix": (f"Update uv: `uv self update` (installed with pip: `python -m pip install -U uv`), then "
                        f"`uv pip install \"{pkg}=={want}\" --index-url {index}` (`torch_stable.html` only with `-f`); "
                        f"or leave the version out and let the index pick its build: `uv pip install {pkg} --index-url {index}`"),
                "details": {"requirement": f"{pkg}=={want}", "index": index}}
    if g.get("index"):
        local = (g.get("local") or "").lower()
        plats = re.findall(r"`([^`]+)`", g.get("only") or "")
        if plats and not all(re.search(r"macosx|aarch64|arm64", p, re.I) for p in plats):
            return None  # the plain version has an x86_64 or Windows build too: a real gap of this platform, not the label
        where = f", whose {pkg} {want} files are only for {', '.join(plats)}" if plats else ""
    else:
        flag = (_near(ctx).get("uv_torch_index") or "").lower()
        m = re.search(r"/whl/(cpu|cu\d{2,3})$", flag.rstrip("/"))
        if not m:
            return None  # no PyTorch build index named: the Python or platform has no wheel (torch.pip-no-wheel's)
        local, where = m.group(1), ""
    index = f"https://download.pytorch.org/whl/{local}"
    return {"title": (f"uv settled on the plain {pkg} {want} from PyTorch's {local} index{where}: this platform's build "
                      f"there is {pkg} {want}+{local}"),
            "fix": (f"Pin the build with its label: `uv pip install \"{pkg}=={want}+{local}\" --index-url {index}` (or no "
                    f"version: `uv pip install {pkg} --index-url {index}`, or `uv pip install {pkg} --torch-backend={local}`). In "
                    f"a uv project pin `\"{pkg}=={want}+{local}\"` with the index under `[[tool.uv.index]]` (url `{index}`, "
                    f"`explicit = true`) and `{pkg} = {{ index = \"pytorch-{local}\" }}` in `[tool.uv.sources]`, then re-lock: "
                    f"`uv lock --upgrade-package {pkg} && uv sync`. Update uv first: `uv self update`"),
            "details": {"requirement": f"{pkg}=={want}", "index": index, **({"wheels_for": ", ".join(plats)} if g.get("index") and plats else {})}}


@_interp("not_a_model")
def _not_a_model(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    # the weights-only unpickler names the byte it cannot read: none of these can start a pickle, they start text
    key = g.get("key") or {"60": "<", "123": "{", "10": "\\x0a", "13": "\\x0d"}.get(g.get("operand") or "", "")
    if g.get("zip"):
        return {"title": "The checkpoint is cut off: torch found no end (central directory) in its zip archive, a download "
                         "that stopped early", "details": {"read": "no zip central directory"}}
    if g.get("eof"):
        return {"title": f"The checkpoint is cut off: torch expected {g['eof']} more bytes (a download that stopped early)",
                "details": {"missing_bytes": g["eof"]}}
    if g.get("eof_old"):  # older torch's wording of the same short read, without the byte count
        return {"title": "The checkpoint is cut off: torch reached the end of the file before the weights ended (a download "
                         "that stopped early)", "details": {"read": "unexpected end of file"}}
    if g.get("corrupt"):
        rec = (g.get("record") or "").strip()
        return {"title": ("The checkpoint is damaged: torch's zip reader found a corrupt "
                          + (f"record ({rec})" if rec else "archive") + ", a download or copy that broke"),
                "details": {"read": "corrupt zip record", **({"record": rec} if rec else {})}}
    near = _near(ctx)
    if near.get("plain_pickle") and not any(near.get(k) for k in ("model_loader", "stack_loader_frame", "custom_node",
                                                                   "node_exec", "node_type", "lfs_pointer")):
        # Python's own pickle.load (or joblib) reading a program's data or scikit-learn model pickle, not torch.load
        # of model weights: that program's file (like a Streamlit app's data pickle), not claimed
        return None
    if g.get("lfs") or (g.get("why") and _near(ctx).get("lfs_pointer")):  # the LFS message, or safetensors' header error beside it
        key = "v"
    if g.get("gguf"):
        return {"title": "The .gguf file does not start with GGUF: a damaged download or a page saved under its name",
                "details": {"read": "GGUF magic invalid"}}
    if g.get("onnx"):
        name = (g.get("path") or "").replace("\\", "/").rsplit("/", 1)[-1]
        return {"title": f"The ONNX model {name or 'file'} cannot be parsed: a damaged or partial download, or a page "
                         "saved under its name",
                "details": {"read": g["onnx"], **({"file": g["path"].strip()} if g.get("path") else {})}}
    what = {"v": "a Git LFS pointer (`version https://git-lfs...`), not the weights",
            "<": "an HTML page, not the weights",
            "{": "a JSON reply (a download site's error or login answer), not the weights",
            "\\x0a": "a text file (it starts with a line break: an HTML or error page), not the weights",
            "\\x0d": "a text file (it starts with a line break: an HTML or error page), not the weights",
            }.get(key, f"not a checkpoint torch can read (first byte {key})")
    return {"title": f"The model file is {what}", "details": {"load_key": key}}


@_interp("weights_only_stack")
def _weights_only_stack(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch >= 2.6's weights-only unpickler refusing a pickled model file, claimed where the stack's own loaders
    did the loading: a ComfyUI node (its exception line, a node type, a custom_nodes frame or folder, ComfyUI's
    loader functions) or a diffusers / transformers frame. Another program's own torch.load of its own checkpoint
    (a voice model, a training framework) is that program's code, not claimed; nor on a Mac or AMD / Intel setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    near = _near(ctx)
    if g.get("wodoc"):
        # torch's closing documentation sentence alone (the refused class above it lost from the paste): claimed only
        # for a named Ultralytics detector load, and only where no unpickler reason line speaks for itself (a page
        # or an LFS pointer read as a pickle says `invalid load key`)
        if (ctx.get("wo_unpickle_reason") or near.get("wo_unpickle_reason")
                or not (ctx.get("yolo_detector_load") or near.get("yolo_detector_load"))
                or ctx.get("yolo_train") or near.get("yolo_train")):
            return None
        return {"title": "PyTorch 2.6+ refuses to unpickle the Ultralytics detector file with weights_only=True "
                         "(a pickled YOLO .pt, not a damaged file)",
                "details": {"refused": "an Ultralytics detector .pt (the refused class is not in the paste)"}}
    keys = ("node_exec", "node_type", "custom_node", "comfy_place", "model_loader", "model_loader_node", "stack_loader_frame")
    cls, kind = g.get("cls") or "", g.get("kind") or ""
    # an ultralytics detector class: the face / hand detector .pt of FaceDetailer, ReActor, face packs and ADetailer,
    # whose node error dialog is often pasted as the bare message; not ultralytics' own training run
    yolo = bool(re.fullmatch(r"ultralytics\.nn\.tasks\.\w{1,40}Model", cls.rstrip("."))) and not (ctx.get("yolo_train") or near.get("yolo_train"))
    if not (yolo or any(ctx.get(k) or near.get(k) for k in keys)):
        return None
    if kind:
        return {"title": f"PyTorch 2.6+ refuses {kind} under weights_only=True (an old pickled format, not a damaged file)",
                "details": {"refused": kind}}
    return {"title": f"PyTorch 2.6+ refuses to unpickle `{cls}` from this checkpoint with weights_only=True "
                     "(a pickled model file, not a damaged one)", "details": {"refused": cls}}


@_interp("st_too_old")
def _st_too_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    dtype = g.get("dtype")
    if dtype:
        return {"title": f"The installed safetensors does not know the dtype {dtype} this file uses", "details": {"dtype": dtype}}
    near = _near(ctx)
    if not (near.get("st_loader") or near.get("node_exec")):
        return None  # the old wording alone is also a file written wrong (a metadata-only header): not claimed
    return {"details": {"loader": near.get("st_loader") or "a ComfyUI node"}}


def _amd(ctx: dict[str, Any]) -> bool:
    """The text near the hit is from an AMD setup (ZLUDA, ROCm, DirectML): out of klein-doctor's NVIDIA scope,
    where its CUDA fixes (reinstall a cu128 torch, the NVIDIA-side causes of NaN) do not apply."""
    return bool(_near(ctx).get("amd"))


@_interp("nan")
def _nan(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """NaN pixels saved as a black image. Not claimed on an AMD / Intel GPU or a Mac (their half-precision and
    attention paths are other stacks), nor beside another program's graph compiler (OneDiff / OneFlow: its compiled
    module's NaN is that compiler's); a text that itself names half precision or SageAttention beside the black
    output gets that source's cause and fix first. SageAttention and a black output named on one line with an
    IP-Adapter is IPAdapter's own attention patch under SageAttention: not claimed."""
    if _off_nvidia(ctx) or _fact(ctx, "graph_compiler"):
        return None
    near = _near(ctx)
    if "layers." in (near.get("clip_missing") or ""):
        return {"cause": ("The image is NaN (black) because the text encoder was built without its layers: the log's "
                          "`clip missing` lists them, so the conditioning is NaN. " + cat.by_id("klein.te-incomplete").cause),  # type: ignore[union-attr]
                "fix": cat.by_id("klein.te-incomplete").fix, "details": {"clip_missing": near.get("clip_missing")}}  # type: ignore[union-attr]
    if g.get("sage") and (g.get("ipa") or g.get("ipa2")):
        # an IP-Adapter named on the line with SageAttention and the black output: IPAdapter's own attention patch
        # (ipadapter_attention) goes NaN on near-zero tensors under SageAttention, fixed in that node pack
        # (cubiq/ComfyUI_IPAdapter_plus#784): another model add-on's code, not claimed
        return None
    if g.get("sage") and not g.get("sage_neg"):  # `never used sageattention`: the writer rules it out
        return {"cause": ("The output is black because SageAttention produced NaN values: its quantized (int8/fp8) "
                          "attention overflows for some models and GPUs (a SageAttention 2.2 Triton kernel on RTX 30 "
                          "cards, video and image-edit models), and numpy saves NaN pixels as black."),
                "fix": ("Stop forcing SageAttention: start ComfyUI without `--use-sage-attention` (or bypass the Patch "
                        "Sage Attention node, pick `sdpa` in a wrapper's loader) so PyTorch SDPA is used; Klein needs no "
                        "SageAttention. To keep it, reinstall a SageAttention release built for your torch/CUDA and try "
                        "again, or set a node's sage mode to its CUDA (not Triton) kernel"),
                "details": {"named": g["sage"]}}
    if g.get("te_nan"):
        return {"title": "The text encoder's output (the conditioning) is NaN",
                "cause": ("The conditioning the text encoder produced is NaN, so every image sampled from it is NaN "
                          "(black): the encoder file was quantized too far or is incomplete (an fp8 text-encoder file "
                          "gives NaN where the fp16/bf16 file does not), or the encoder ran in float16 and overflowed. "
                          "Klein's text encoder is Qwen3 (qwen_3_4b.safetensors), trained in bfloat16."),
                "fix": ("Use the full-precision text-encoder file instead of an fp8 one (Klein 4B: "
                        "`qwen_3_4b.safetensors`, the bf16 file), check it with `klein-doctor check --check models`, "
                        "and run the encoder in bfloat16 or float32: ComfyUI: drop `--fp16-text-enc` / "
                        "`--fp8_e4m3fn-text-enc` and start with `--fp32-text-enc` if it persists; diffusers: "
                        "`Flux2KleinPipeline.from_pretrained(..., torch_dtype=torch.bfloat16)`"),
                "details": {"named": g["te_nan"]}}
    if g.get("half_nan") and not near.get("dtype_mismatch"):
        return {"title": f"The model ran in {g['half_nan']} and overflowed to NaN (inf)",
                "cause": ("float16 holds values up to 65504; the model's activations pass that, become inf and then "
                          "NaN, and the latents or the image (black when saved) are NaN. FLUX, FLUX.2 [klein] and most "
                          "recent image and video models are trained in bfloat16, whose range is float32's; float16 "
                          "(forced by a flag, a compute-dtype node or a script, or chosen on a GPU without bfloat16: "
                          "GTX 10/16, RTX 20, V100, T4) does not hold their activations."),
                "fix": ("Run in bfloat16 (RTX 30 or newer) or float32 (GTX 10/16, RTX 20, V100, T4) instead of "
                        "float16: ComfyUI: drop `--force-fp16` / `--fp16-unet` / `--fp16-vae` and a ModelComputeDtype "
                        "node set to fp16 (on an older card start with `--force-fp32`, or `--fp32-vae` for the VAE "
                        "alone); diffusers: `from_pretrained(..., torch_dtype=torch.bfloat16)` (torch.float32 on a GPU "
                        "without bfloat16, or `pipe.vae.to(torch.float32)` for the VAE alone); a script's precision "
                        "option: bf16"),
                "details": {"named": g["half_nan"]}}
    if g.get("half") and near.get("dtype_mismatch"):
        # the paste's failure is a dtype mismatch (`mat1 and mat2 must have the same dtype`, `expected scalar type ...`):
        # the run stopped before any image, so the half-precision words and a black image named beside them are the
        # precision setting under discussion (a node's hardcoded float16), not NaN output
        return None
    if g.get("half"):
        return {"cause": ("The output is black because the model ran in float16 and overflowed to NaN (inf), which numpy "
                          "saves as black pixels. FLUX, FLUX.2 [klein] and most video models are trained in bfloat16; "
                          "float16 (forced by a flag or a script, or chosen on a GPU without bfloat16: GTX 10/16, RTX 20, "
                          "V100, T4) does not hold their activations."),
                "fix": ("Run in bfloat16 or float32 instead of float16: ComfyUI: drop `--force-fp16`/`--fp16-unet`/"
                        "`--fp16-vae` (or use `--bf16-vae`, `--fp32-vae`, `--force-upcast-attention`); diffusers: "
                        "`from_pretrained(..., torch_dtype=torch.bfloat16)` (torch.float32 on a GPU without bfloat16, "
                        "or keep only the VAE in float32: `pipe.vae.to(torch.float32)`); a script's precision option: "
                        "bf16"),
                "details": {"named": g["half"]}}
    if g.get("vae_nan"):
        return {"title": "The VAE produced NaN values (a black or empty image)",
                "cause": ("The VAE's output (or, on the encode side, its latents) is NaN: VAEs overflow in float16, "
                          "their activations pass float16's largest value (65504) and become inf, then NaN, which is "
                          "saved as black pixels. SDXL's VAE is the best-known case and the FLUX VAEs do the same; a "
                          "pipeline, script or node that forces the VAE to fp16 (or runs the decode under "
                          "torch.autocast in float16) meets it."),
                "fix": ("Run the VAE in bfloat16 or float32, not float16: ComfyUI: drop `--fp16-vae` and start with "
                        "`--bf16-vae` (or `--fp32-vae` on a GPU without bfloat16: GTX 10/16, RTX 20, V100, T4); "
                        "diffusers: `pipe = Flux2KleinPipeline.from_pretrained(..., torch_dtype=torch.bfloat16)` or "
                        "keep only the VAE in float32 with `pipe.vae.to(torch.float32)` and pass it latents of the "
                        "same dtype (`latents.to(pipe.vae.dtype)`), outside any float16 autocast. An SDXL pipeline "
                        "that must stay in fp16: use the fp16-safe VAE madebyollin/sdxl-vae-fp16-fix"),
                "details": {"named": g["vae_nan"]}}
    return {}


@_interp("pipeline_vae_method")
def _pipeline_vae_method(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A diffusers pipeline without the enable_/disable_vae_tiling/slicing shortcuts: name the VAE's own method.
    The deprecation warning (the method still works) is a notice, not the failure."""
    meth = g.get("meth") or "enable_vae_tiling"
    vae_meth = "pipe.vae." + meth.replace("_vae_", "_") + "()"
    d: dict[str, Any] = {"method": meth, "use": vae_meth}
    if g.get("cls"):
        d["pipeline"] = g["cls"]
    if g.get("depr"):
        return {"title": f"diffusers warns that pipe.{meth}() is deprecated: use {vae_meth}",
                "severity": "info",
                "cause": (f"diffusers still runs `pipe.{meth}()` here but warns that the pipeline-level VAE shortcuts "
                          "are deprecated and will be removed: newer pipelines (Flux2KleinPipeline in diffusers 0.42) "
                          "no longer have them. It is not the cause of another failure in the log."),
                "fix": (f"Replace the call with `{vae_meth}`, which does the same on every diffusers release; "
                        "nothing else to change"),
                "details": d}
    return {"fix": (f"Replace `pipe.{meth}()` with `{vae_meth}`. " + cat.by_id("diffusers.pipeline-vae-method-missing").fix),  # type: ignore[union-attr]
            "details": d}


@_interp("sage_forced")
def _sage_forced(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """SageAttention's dtype refusal is a setup problem when SageAttention is forced on the whole of ComfyUI (the
    flag, its startup line, a patch node): any float32 model part then reaches it. A node that calls sageattn
    itself with float32 tensors is that node's bug (reinstall or update the node), not explained."""
    forced = _near(ctx).get("sage_forced") or ctx.get("sage_forced")
    if not forced:
        return None
    return {"details": {"forced_by": forced}}


@_interp("sage_kernel_fault")
def _sage_kernel_fault(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """An illegal memory access or misaligned address is SageAttention's kernel faulting only where SageAttention is
    named as running right before it or on its line (its frames or warnings, a sageattn function, ComfyUI's
    `--use-sage-attention` / `Using sage attention`, a Patch Sage Attention node). A bare CUDA fault says nothing of
    who faulted (another node's kernel, a library's Triton code, the card), and AMD/Intel/Mac setups are not this."""
    if _off_nvidia_anywhere(ctx):
        return None
    near = _near(ctx)
    named = near.get("sage_kernel") or near.get("sage_forced") or ""
    if not named or near.get("other_kernel_lib"):
        return None
    details: dict[str, Any] = {"sage": named}
    if g.get("launch"):  # handed over from gpu.hardware-fault's launch branch
        return {"title": "A SageAttention kernel aborted on the GPU (unspecified launch failure)",
                "cause": ("SageAttention's own CUDA kernel was running (named right before the error) when the GPU aborted "
                          "it with `unspecified launch failure` (cudaErrorLaunchFailure). Threads trace such aborts to the "
                          "SageAttention kernel or mode on that GPU, most often its fp8 PV path (SageAttention 2.2's "
                          "`sageattn_qk_int8_pv_fp8_cuda`, which `auto` picks on RTX 40 / Ada and newer cards), not to a "
                          "faulty card: the same workflow runs with SageAttention's fp16 kernel or without SageAttention. "
                          "The CUDA context is broken afterwards: restart ComfyUI or the script."),
                "fix": ("Switch the Patch Sage Attention node from `auto` or an fp8 mode to `sageattn_qk_int8_pv_fp16_cuda` "
                        "(or `sageattn_qk_int8_pv_fp16_triton`), or run without SageAttention: start ComfyUI without "
                        "`--use-sage-attention` and bypass Patch Sage Attention nodes (Klein runs on PyTorch SDPA). "
                        "SageAttention 2.2's fp8 kernels also need CUDA 12.8 or newer: on an older torch build install "
                        "one for cu128 or later, or keep the fp16 mode. To confirm the kernel, run once with "
                        "`CUDA_LAUNCH_BLOCKING=1` (Windows: `set CUDA_LAUNCH_BLOCKING=1`)."),
                "details": details}
    if "sageattn3" in named.lower():
        return {"title": "SageAttention3's Blackwell kernel (sageattn3_blackwell) crashed the GPU",
                "fix": ("Switch the Patch Sage Attention node (or your call) from `sageattn3_blackwell` to a SageAttention 2 "
                        "mode (`auto` or `sageattn_qk_int8_pv_fp8_cuda`, SageAttention 2.2 from "
                        "https://github.com/woct0rdho/SageAttention/releases on Windows), or bypass the node so PyTorch SDPA "
                        "runs (Klein needs no SageAttention); the sageattn3 build is known not to work on Windows"),
                "details": details}
    return {"details": details}


@_interp("comfy_github")
def _comfy_github(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """git could not reach github.com. Claimed where the clone is ComfyUI's (a ComfyUI repository URL, or ComfyUI's
    places near it: a node pack's custom_nodes folder, the portable's python_embeded, a custom node's traceback);
    another project's clone is that project's setup, and an AMD/Intel or Mac setup is out of scope."""
    near = _near(ctx)
    if _off_nvidia(ctx):
        return None
    if g.get("host"):  # ComfyUI-Manager's own aiohttp fetch (its node lists, a node's repository), not git
        if not (g.get("manager") or near.get("comfy_manager") or near.get("comfy_place") or near.get("custom_node")
                or near.get("comfyui_version")):
            return None  # aiohttp's line alone is any program's
        host, why = g["host"], (g.get("why") or "").strip()
        return {"title": f"ComfyUI-Manager cannot reach GitHub ({host}): its node list and node installs fail",
                "cause": (f"ComfyUI-Manager fetches its node database and installs node packs from GitHub; the connection to {host} "
                          f"failed ({why}: a name that does not resolve, a timeout or a reset). The network blocks or filters "
                          "GitHub (a firewall, an antivirus, a company or school network, a country where GitHub is blocked), "
                          "or a proxy is needed but not set for ComfyUI's Python. The Manager then falls back to its local "
                          "copy and every install from it fails the same way."),
                "fix": (f"Check that the same machine reaches it (`curl -I https://{host}`; Windows PowerShell: "
                        f"`curl.exe -I https://{host}`). Behind a proxy start ComfyUI with "
                        "it set (`set HTTPS_PROXY=http://HOST:PORT` before run_nvidia_gpu.bat, `export HTTPS_PROXY=...` on "
                        "Linux); where GitHub is blocked use a VPN, or a hosts entry / DNS that resolves it; a firewall or "
                        "antivirus must let python.exe out. Node packs can be installed by hand: `git clone URL` in "
                        "ComfyUI/custom_nodes, then `python -m pip install -r requirements.txt` with ComfyUI's Python"),
                "details": {"host": host, "reason": why}}
    hf_repo = _hf_git_repo(g, near)
    if g.get("curl"):  # git's transfer cut in the middle of a clone: GitHub was reached, the connection broke
        if not (near.get("comfy_repo") or near.get("comfy_place") or near.get("custom_node") or near.get("comfy_manager")
                or near.get("node_clone") or ctx.get("comfy_updater")):
            if hf_repo:
                return _hf_git_unreachable(hf_repo, f"RPC failed; curl {g['curl']} {(g.get('rpc') or '').strip()}".strip())
            return None
        curl, why = g["curl"], (g.get("rpc") or "").strip()
        return {"title": f"git's connection to GitHub broke in the middle of the clone (curl {curl}: {why})",
                "cause": ("git reached GitHub but the transfer was cut before the repository arrived (`RPC failed; curl "
                          f"{curl}`, then `early EOF` / `unexpected disconnect`): a firewall, antivirus or filtered network "
                          "that resets long downloads, a flaky or slow link, or a proxy or VPN that drops the connection. "
                          "ComfyUI, the Manager and node packs are cloned from GitHub, so the install stops there."),
                "fix": ("Delete the half-made folder (the ComfyUI folder the clone created, or custom_nodes\\PACK), then "
                        "retry on a stable connection: with the VPN off, or with one that reaches GitHub; behind a proxy "
                        "give it to git (`git config --global http.proxy http://HOST:PORT`); an antivirus or firewall "
                        "must let git.exe through. For `curl 92 HTTP/2 stream ... was not closed cleanly`, "
                        "`git config --global http.version HTTP/1.1` and retry"),
                "details": {"curl": curl, "reason": why}}
    if ("comfy" in (g.get("url") or "").lower() or near.get("comfy_place") or near.get("custom_node")
            or near.get("comfy_repo")):
        return {}
    if hf_repo:
        return _hf_git_unreachable(hf_repo, (g.get("why") or "").strip())
    return None


_HF_GIT_REPO = re.compile(r"github\.com/huggingface/(diffusers|transformers|peft|accelerate|huggingface_hub|safetensors|tokenizers)"
                          r"(?:\.git)?(?![\w.-]|@)", re.I)


def _hf_git_repo(g: dict[str, str], near: dict[str, str]) -> str:
    """The Hugging Face library whose repository git was cloning (pip's git+ install of diffusers / transformers /
    peft from main): in the failing URL itself, else in pip's `Cloning ...` line near it."""
    for text in (g.get("url") or "", near.get("hf_git_repo") or ""):
        m = _HF_GIT_REPO.search(text)
        if m:
            return m.group(1).lower()
    return ""


def _hf_git_unreachable(lib: str, why: str) -> dict[str, Any]:
    """git could not fetch a Hugging Face library's repository for `pip install git+https://github.com/huggingface/LIB`."""
    url = f"https://github.com/huggingface/{lib}"
    pypi = {"diffusers": '"diffusers>=0.37"', "transformers": "transformers", "peft": "peft"}.get(lib, lib)
    return {"title": f"git cannot reach GitHub: pip's install of {lib} from git main (git+{url}) cannot clone it",
            "cause": (f"Installing {lib} from its git main branch makes pip run `git clone {url}`; the connection to "
                      f"github.com failed or was cut ({why or 'the fatal line above'}): the network blocks, resets or filters GitHub "
                      "(a firewall, an antivirus, a company or school network, a country where GitHub is blocked or slow), a "
                      "proxy is needed but not set for git, or a VPN or flaky link drops long transfers. Nothing is "
                      f"wrong with {lib} or pip; no package was installed."),
            "fix": (f"Check that `git ls-remote {url}` works in the same terminal. Behind a proxy give it to git and pip "
                    "(`git config --global http.proxy http://HOST:PORT`, and `HTTPS_PROXY`); where GitHub is blocked or slow "
                    "use a VPN or another network; for `curl 92 HTTP/2 stream ... was not closed cleanly` run "
                    "`git config --global http.version HTTP/1.1`; then run the same pip command again. Or skip the clone: "
                    f"`python -m pip install {url}/archive/refs/heads/main.zip` (GitHub's archive, one download), or the "
                    f"release from PyPI when it has what you need: `python -m pip install -U {pypi}`"
                    + (" (Klein needs diffusers 0.37 or newer, a release)" if lib == "diffusers" else "")),
            "details": {"repository": url, "reason": why}}


@_interp("fp8_ada_old")
def _fp8_ada_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """PyTorch 2.2's fp8 refusal (`>= 9.0` without `or 8.9`) on an Ada GPU (RTX 40, L4, L40; compute capability
    8.9) named near it: the card has fp8, the torch is too old for it. Without an Ada card named the same words are
    gpu.no-fp8's (an Ampere or older card), and off NVIDIA they are not ours."""
    if _off_nvidia_anywhere(ctx):
        return None
    gpu = _near(ctx).get("ada_gpu")
    if not gpu:
        return None
    return {"details": {"gpu": gpu}}


@_interp("node_dep_downgraded")
def _node_dep_downgraded(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A node pack's own version check (`diffusers>=0.25.0 requirement not satisfied`): the shared package is older
    than that pack needs, most often because another pack's requirements pinned it down."""
    if g.get("zwant"):
        return _node_dep_reinstalled(g.get("zpkg") or "", g["zwant"], ctx)
    pkg, op, want = g.get("pkg") or "", g.get("op") or ">=", g.get("want") or ""
    if pkg.lower() in ("torch", "torchvision", "torchaudio", "xformers") and _off_nvidia_anywhere(ctx):
        return None  # ROCm / XPU / Mac torch builds carry their own versions and install commands
    spec = f"{pkg}{op}{want}"
    near = _near(ctx)
    pack = ""
    m = re.search(r"custom_nodes[\\/]+([^\\/\s'\"]{1,80})", " ".join(str(near.get(k) or "") for k in ("custom_node", "py_frame")))
    if m:
        pack = m.group(1)
    who = f"The node pack {pack}" if pack else "A node pack"
    fix = cat.by_id("comfyui.node-dep-downgraded").fix  # type: ignore[union-attr]
    fix = fix.replace("PACKAGE>=VERSION", spec if op in (">=", "~=", "==") else f"{pkg}>{want}").replace("PACKAGE", pkg)
    return {"title": f"{pkg} is older than a node pack requires ({spec}): another node pack's requirements most often pinned it down",
            "cause": (f"{who} checks {spec} when ComfyUI loads it, and the {pkg} installed in ComfyUI's Python is older. "
                      "Every node pack installs its requirements into that one Python, so a pack that pins "
                      f"{pkg} lower (or ComfyUI-Manager's `Try Fix` of such a pack) downgrades it for all of them; "
                      "the last pack installed wins and this pack's check then refuses to load."),
            "fix": fix, "details": {"package": pkg, "required": spec, **({"node_pack": pack} if pack else {})}}


def _node_dep_reinstalled(pkg: str, want: str, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A user telling that a package goes back to an older version every time ComfyUI starts (in Chinese:
    `启动时又自动降低transformers版本到4.38.2`, `重启...强迫安装4.38`): a node pack whose start-up code (its __init__.py or
    install script) checks the version and pip-installs its pin, undoing the user's upgrade at each start."""
    if pkg.lower() in ("torch", "torchvision", "torchaudio", "xformers") and _off_nvidia_anywhere(ctx):
        return None
    what = pkg or "the package"
    ver = f"{pkg}=={want}" if pkg else want
    return {"title": f"{pkg or 'A package'} is put back to {want} at every ComfyUI start: a node pack's start-up check re-installs its pin",
            "cause": (f"A node pack checks {what} when ComfyUI loads it and pip-installs its own pinned version ({ver}) "
                      "whenever the installed one differs, so an upgrade made by hand lasts only until the next start. "
                      "All node packs share the one Python that runs ComfyUI, so the other packs then get that older "
                      f"{what} too and fail to load (Comfyui_image2prompt, for one, pins transformers 4.38.2 this way)."),
            "fix": (f"Find the node pack that does it: search custom_nodes for the version (Windows: `findstr /s /n /c:\"{want}\" "
                    f"custom_nodes\\*.py custom_nodes\\requirements.txt`; Linux/macOS: `grep -rn \"{want}\" custom_nodes "
                    "--include=*.py --include=requirements.txt`); remove that node pack (or disable it in ComfyUI-Manager), or "
                    "edit its check (a `check_and_install...` / `pip install` call in its __init__.py) so it accepts newer "
                    f"versions; then install the {what} the other packs need with the Python that runs ComfyUI (portable: "
                    "`python_embeded\\python.exe -m pip install -U PACKAGE`), and restart ComfyUI. ComfyUI-Manager's "
                    "`downgrade_blacklist` (user/default/ComfyUI-Manager/config.ini) only stops the Manager's own installs, "
                    "not a node pack's code").replace("PACKAGE", pkg or "<package>"),
            "details": {"reinstalled": ver, **({"package": pkg} if pkg else {})}}


@_interp("v3_hidden")
def _v3_hidden(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI's change check logs any exception as `WARNING: <message>`: the bare `'NoneType' object is not subscriptable`
    is the V3 hidden-input regression only beside words of that check (fingerprint_inputs, IS_CHANGED, a V3 node)."""
    if not _near(ctx).get("v3_change_check") or _off_nvidia(ctx):
        return None
    return {}


@_interp("sage_cuda")
def _sage_cuda(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """sage.cuda-too-old: ``nvidia_only``; SageAttention's setup.py refusing the CUDA toolkit as a whole (`CUDA 12.0
    or higher is required to build the package`, reached only with its own setup.py path on the traceback, since
    vLLM and others print the same words) is about the toolkit, not the card: the title says so."""
    if _nvidia_only(g, cat, ctx) is None:
        return None
    if g.get("setup") and g.get("need"):
        return {"title": f"SageAttention's build needs CUDA {g['need']} or newer; the CUDA toolkit (nvcc) it found is older"}
    return {}


@_interp("rocm_build")
def _rocm_build(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.rocm-build: ``nvidia_only`` for torch's own `No HIP GPUs are available`. A user's words that the torch
    installed is a `+rocm` build, with an NVIDIA GPU or nvidia-smi named after them (the pattern's lookahead), are the
    installer having picked the AMD build for an AMD integrated GPU beside the NVIDIA card: the ROCm build named there
    and the AMD CPU's Radeon do not make it an AMD setup. Not claimed where the paste names ZLUDA, a Radeon card,
    Instinct, DirectML, a Mac or an Intel GPU setup."""
    if g.get("said"):
        near = _near(ctx)
        amd = str(near.get("amd") or ctx.get("amd") or "")
        if (near.get("macos") or near.get("vendor_accel") or _intel_setup(ctx.get("intel"), ctx)
                or re.search(r"zluda|radeon|instinct|directml|\bgfx\d|\bmi\d{2,3}\b|\brx\s?\d{3,4}", amd, re.I)):
            return None
        return {"title": "A ROCm (AMD) build of PyTorch was installed on a machine whose GPU is NVIDIA: it cannot use the NVIDIA GPU",
                "details": {"build": g.get("build") or ""}}
    return _nvidia_only(g, cat, ctx)


@_interp("nvidia_only")
def _nvidia_only(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """PyTorch's CUDA messages on a machine with no NVIDIA GPU (an Intel Arc container, an AMD card, a Mac) do not
    mean an NVIDIA driver is missing: the program took a CUDA code path on another vendor's hardware. A user's
    own word that the computer is an Intel one counts wherever it stands in the paste (it often comes after the
    error, below the 'before the hit' window of the other context facts)."""
    if _off_nvidia_anywhere(ctx):
        return None
    return {}


@_interp("bnb_binary")
def _bnb_binary(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """bnb.no-cuda-binary, on an NVIDIA setup. Round 449: not where bitsandbytes' own CUDA setup says it found no
    libcuda.so (`CUDA SETUP: WARNING! libcuda.so not found!`): its CPU fallback then comes from its own lookup of the
    driver library (under WSL 2 the driver's library is registered only as libcuda.so.1; elsewhere no driver), not from
    a missing binary of its build, and bitsandbytes' own lookup is not claimed (as wsl.libcuda-so-unregistered says)."""
    if _fact(ctx, "bnb_no_libcuda"):
        return None
    return _nvidia_only(g, cat, ctx)


@_interp("host_compiler")
def _host_compiler(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """cuda.host-compiler-unsupported: ``nvidia_only``; and not where the paste names Nix (a /nix/store path, NixOS,
    nixpkgs, a nix-shell): there the CUDA toolkit and the host compiler both come from the derivation's stdenv
    (nixpkgs' cudaPackages.backendStdenv), a nixpkgs package build whose fix is not an apt-installed gcc."""
    if _nvidia_only(g, cat, ctx) is None or _fact(ctx, "nix_env"):
        return None
    return {}


_TF32_BACKENDS = {"cublas matmul": "cuBLAS matmul", "cudnn": "cuDNN", "matmul precision": "float32 matmul precision",
                  "different tf32 flags": "cuDNN conv / RNN", "tf32 status": "cuBLAS matmul", "tf32 flag": "TF32",
                  "tf32 flags": "TF32"}


@_interp("tf32_mixed")
def _tf32_mixed(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.tf32-api-mixed: torch 2.9+'s refusal to read a legacy TF32 / matmul-precision switch after the new
    per-backend API was written. The backend it checked (cuBLAS matmul, cuDNN, the global matmul precision) goes into
    the headline. ``nvidia_only``: not claimed where the paste puts the run on an AMD ROCm, Intel or Apple setup."""
    if _nvidia_only(g, cat, ctx) is None:
        return None
    backend = _TF32_BACKENDS.get(re.sub(r"\s+", " ", g.get("backend") or "").lower(), "")
    if not backend:
        return {}
    return {"title": f"torch 2.9+ refused to read the {backend} TF32 setting: it was set through both the legacy "
                     "and the new API (torch.compile / torch.export or a library still reads the legacy switch)"}


@_interp("tf32_warning")
def _tf32_warning(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.tf32-api-deprecated: ``nvidia_only``; and where the paste is an LLM serving engine's log (vLLM, SGLang,
    LMDeploy, text-generation-inference) the harmless warning is not what that engine's failure is about: not
    claimed there."""
    if _nvidia_only(g, cat, ctx) is None:
        return None
    if any(_fact(ctx, k) for k in ("llm_server", "tgi_server", "llm_engine")):
        return None
    return {}


# context facts that put a paste in ComfyUI: its own frames and start-up lines, a node pack's import or folder, its
# portable Python, ComfyUI-Manager, a node run's error report
_COMFY_FACTS = _COMFY_SIGN + ("sampler_node", "comfy_func", "comfy_run", "comfy_load", "comfyui_version")

# context facts that put torch or a Hugging Face library in the paste: a torch path or version, `import torch`, a
# torchvision / huggingface_hub frame, the PyTorch index
_TORCH_STACK_FACTS = ("torch_path", "torch_named", "torch_version", "stdlib_ext_stack")


@_interp("numpy2_abi")
def _numpy2_abi(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """python.numpy2: ``nvidia_only``; NumPy's `compiled using NumPy 1.x` / `_ARRAY_API not found` raised by another
    program's binary (TensorFlow's _pywrap_tf_session, onnxruntime's pybind state in a face-swap app, a ctranslate2 or
    mediapipe build) with nothing of torch, the Hugging Face libraries or ComfyUI in the paste is that program's NumPy
    pin: not claimed. In ComfyUI a node pack's cv2 or onnxruntime stays this kind (ComfyUI's one Python holds both)."""
    if _nvidia_only(g, cat, ctx) is None:
        return None
    foreign = any(_fact(ctx, k) for k in ("other_framework", "cudnn_foreign", "foreign_pb2"))
    if foreign and not any(_fact(ctx, k) for k in _COMFY_FACTS + _TORCH_STACK_FACTS):
        return None
    return {}


@_interp("other_python_ext")
def _other_python_ext(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """python.ext-built-for-other-python: Windows' `Module use of pythonXY.dll conflicts with this version of Python`,
    a compiled module (.pyd) built for Python X.Y imported by another Python. Claimed where the paste shows ComfyUI or
    torch / the Hugging Face libraries (the environment that runs Klein); another program's frozen bundle (PyInstaller)
    or a launcher's own venv with neither in view is that program's: not claimed. The headline names the Python the
    module was built for."""
    if _off_nvidia_anywhere(ctx):
        return None
    if not any(_fact(ctx, k) for k in _COMFY_FACTS + _TORCH_STACK_FACTS):
        return None
    major, minor = g.get("major") or "3", g.get("minor") or ""
    built = f"{major}.{minor}" if minor else ""
    if not built:
        return {}
    return {"title": (f"A compiled module built for Python {built} ({g.get('dll') or 'python' + major + minor + '.dll'}) "
                      f"is loaded by another Python: the packages in this environment were installed for Python {built}"),
            "details": {"built_for_python": built}}


@_interp("opencv_mismatch")
def _opencv_mismatch(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Several OpenCV packages sharing one cv2 break every node pack that imports it: claimed in ComfyUI's shared
    Python. A bare `module 'cv2' has no attribute ...` or guidedFilter line is claimed (node packs' reports often carry
    only that line), but when the paste shows a traceback (a `File "...", line N` frame) and nothing anywhere of
    ComfyUI (no node pack, no ComfyUI frame or folder, no node run, no ComfyUI-Manager line), the cv2 that broke is
    another program's (TaskMatrix under a system Python, a desktop app's venv): not claimed. Never on a Mac or an
    AMD / Intel setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    if _fact(ctx, "py_frame") and not any(_fact(ctx, k) for k in _COMFY_FACTS):
        return None
    return {}


# the intel context's values that only name the XPU torch build or its index, not an Intel GPU in the machine
_XPU_BUILD_ONLY = re.compile(r"\+xpu|whl/(?:nightly/)?xpu|torch-xpu", re.I)


@_interp("xpu_on_nvidia")
def _xpu_on_nvidia(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Intel's XPU torch build on an NVIDIA machine. A +xpu version is claimed only with an NVIDIA GPU named and no
    Intel GPU named (a machine with an Intel Arc card uses that build on purpose); the user's words that an Intel
    card was used before and the NVIDIA GPU now sits idle carry both GPUs themselves. Never on AMD or a Mac."""
    near = _near(ctx)
    if near.get("macos") or near.get("amd") or near.get("riscv") or near.get("vendor_accel"):
        return None
    if g.get("xver"):
        nv = near.get("nvidia_named") or ctx.get("nvidia_named")
        if not nv:
            return None
        intel = [str(v) for v in (near.get("intel"), ctx.get("intel")) if v]
        if any(not _XPU_BUILD_ONLY.search(v) for v in intel):
            return None
        return {"details": {"torch": g["xver"], "nvidia": _SPACE.sub(" ", str(nv)).strip()}}
    if g.get("prev") and g.get("nv"):
        return {"title": (f"The torch installed while the {_SPACE.sub(' ', g['prev'])} was in the machine is Intel's XPU "
                          "build: the NVIDIA GPU is not used, everything runs on the CPU"),
                "details": {"before": _SPACE.sub(" ", g["prev"]), "now": _SPACE.sub(" ", g["nv"])}}
    return None


@functools.lru_cache(maxsize=1)
def _sage_kernels() -> dict[str, tuple[int, bool, str]]:
    """SageAttention 2's compiled kernels (manifests/attention.toml [[sageattention.kernel]]): name -> (capability x10,
    whether it is the only one served, how the capability is said)."""
    rows = _manifest_part("attention", "sageattention", {}).get("kernel") or []
    out = {}
    for r in rows:
        cc = _cc10(str(r.get("exact_cc") or r.get("min_cc") or ""))
        if r.get("name") and cc is not None:
            out[str(r["name"]).upper()] = (cc, bool(r.get("exact_cc")), str(r.get("serves") or ""))
    return out


def _cc10(cc: str) -> int | None:
    """`8.9` -> 89, `12.0` -> 120."""
    m = re.fullmatch(r"(\d{1,2})\.(\d)", cc.strip())
    return int(m.group(1)) * 10 + int(m.group(2)) if m else None


def _gpu_cc10(name: str) -> int | None:
    """A card's compute capability (x10) from manifests/gpus.toml's name table, as pastes write the name: `RTX3090`,
    a bare `3090`, `RTX 5090D`; `sm_90`, `(12, 0)` said as such."""
    from .platform_rules import gpu_row

    m = re.fullmatch(r"sm_(\d{2,3})a?|\((\d{1,2}), (\d)\)", name.strip(), re.I)
    if m:
        return int(m.group(1)) if m.group(1) else int(m.group(2)) * 10 + int(m.group(3))
    spaced = re.sub(r"(?i)\b(RTX|GTX)\s?(?=\d)", r"\1 ", re.sub(r"(\d{4})(?=[A-Za-z])", r"\1 ", name))
    for cand in (name, spaced, *((f"RTX {spaced}", f"GTX {spaced}") if re.match(r"\d{4}\b", spaced) else ())):
        row = gpu_row(cand)
        if row:
            return _cc10(str(row["cc"]))
    return None


def _named_nvidia_cc(ctx: dict[str, Any]) -> tuple[str, int] | None:
    """The NVIDIA GPU a paste names and its compute capability (x10), from the GPU context facts: near the hit
    first, then anywhere in the paste. The capability is manifests/gpus.toml's for the card named, or for the card
    its family is read as ([explain_family]) when only a family is named. A capability stated in words is left out
    (an assertion asks for one)."""
    family = _manifest_part("gpus", "explain_family", {})
    for facts in (_near(ctx), ctx):
        for key in _GPU_FACTS:
            v = str(facts.get(key) or "").strip()
            if not v or "capability" in v.lower():
                continue  # SageAttention's own assertion says `compute capability 8.9`: a card is named, not asked for
            cc = _fact_cc10(key, v, family)
            if cc is not None:
                return v, cc
    return None


# the GPU context facts of manifests/errors.toml, each read as a card's capability
_GPU_FACTS = ("gpu_model", "hopper_gpu", "ada_gpu", "pre_ada_gpu", "turing_gpu", "old_nvidia_gpu")


def _fact_cc10(key: str, value: str, family: dict[str, Any]) -> int | None:
    """A GPU context fact's capability (x10): the card named, or the card its family is read as ([explain_family])."""
    cc = _gpu_cc10(value)
    if cc is None and family.get(key):
        cc = _gpu_cc10(str(family[key]))
    return cc


@_interp("sage_arch")
def _sage_arch(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """SageAttention's `SMxx kernel is not available`: the assertion fires when that compiled kernel module did not
    import. On a card the kernel serves (SM89: an RTX 40 or 50; SM80: Ampere or newer; SM90: Hopper) the card is
    fine and the installed build is the problem (built for another torch / CUDA / Python, or without that kernel):
    sage.build-mismatch. Without a card named, SM89 is read the same way (sageattn picks it only for 8.9 and 12.0;
    a forced fp8 mode on an RTX 30 is the rarer case, said in the cause). A card below the kernel's capability
    (a forced mode, an RTX 20 under SM80) keeps this signature, with the card and its capability in the title.
    SageAttention's own setup.py refusing the machine's card (`GPUs with compute capability below 8.0 are not
    supported`, a card older than Ampere) says so in the title: no SageAttention 2 build exists for it."""
    if g.get("below"):
        return {"title": (f"SageAttention 2 does not build for GPUs below compute capability {g['below']} "
                          "(its setup.py found such a card)"),
                "fix": ("This card (older than Ampere: an RTX 20, GTX 16/10, V100 or T4) cannot run SageAttention 2: stop "
                        "building it and run without SageAttention (ComfyUI: start without `--use-sage-attention` and "
                        "bypass Patch Sage Attention nodes; diffusers: drop `set_attention_backend(\"sage\")`). Klein "
                        "runs on PyTorch SDPA, the default")}
    kernel = (g.get("kernel") or "").upper()
    kernels = _sage_kernels()
    if kernel not in kernels or _off_nvidia_anywhere(ctx):
        return {}
    need, only, said = kernels[kernel]
    card = _named_nvidia_cc(ctx)
    if card is None:
        if kernel != "SM89":
            return {}
        return {"as": "sage.build-mismatch", "details": {"kernel": kernel}}
    gpu, cc = card
    fits = cc == need if only else cc >= need
    if fits:
        return {"as": "sage.build-mismatch", "details": {"kernel": kernel, "gpu": gpu, "compute_capability": f"{cc // 10}.{cc % 10}"}}
    return {"title": (f"SageAttention's {kernel} kernel was asked of the {gpu} (compute capability {cc // 10}.{cc % 10}); "
                      f"that kernel needs {said}"),
            "fix": ("Let SageAttention pick its kernel for this card (KJNodes / WanVideo: sage_attention `auto` or "
                    "`sageattn_qk_int8_pv_fp16_triton` instead of an fp8 or sm90 mode), or remove the override so "
                    "PyTorch SDPA is used (ComfyUI: drop `--use-sage-attention` or bypass the Patch Sage Attention node)"),
            "details": {"kernel": kernel, "gpu": gpu, "compute_capability": f"{cc // 10}.{cc % 10}"}}


@_interp("sage_build")
def _sage_build(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """sage.build-mismatch: not claimed off NVIDIA (as nvidia_only). Reached from `SMxx kernel is not available`
    (sage_arch hands it over), the headline names the kernel and the card."""
    if _off_nvidia_anywhere(ctx):
        return None
    kernel = (g.get("kernel") or "").upper()
    if kernel not in _sage_kernels():
        return {}
    card = _named_nvidia_cc(ctx)
    on = f" on the {card[0]} (compute capability {card[1] // 10}.{card[1] % 10}, which SageAttention supports)" if card else ""
    return {"title": (f"SageAttention's {kernel} kernel module did not load{on}: the installed SageAttention build lacks "
                      "it or was built for another torch, CUDA or Python"),
            "cause": (f"`{kernel} kernel is not available` is SageAttention's assertion that its compiled "
                      f"`_qattn_{kernel.lower()}` module failed to import when sageattention loaded; `sageattn` uses "
                      "the SM89 module for RTX 40 (8.9) and RTX 50 (12.0) cards, SM80 for 8.0 and SM90 for Hopper. "
                      "The module is missing or unloadable when the wheel was built for another torch, CUDA or Python "
                      "(typical after an update moved torch while the old SageAttention wheel stayed) or was compiled "
                      "without that architecture (a source build on another machine, a broken build). If the card is "
                      "an RTX 30 / A100 (8.6 / 8.0) and a node forces an fp8 mode, pick the `auto` mode instead.")}


@_interp("flash_attn_api")
def _flash_attn_api(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A flash_attn_* function refusing its arguments: the flash-attn package is another release than its caller.
    Not when the caller is vLLM's own attention backend or its bundled vllm_flash_attn fork (vLLM's build, whose
    fork has arguments such as num_splits that the flash-attn package never had), nor off NVIDIA."""
    if _off_nvidia_anywhere(ctx) or _fact(ctx, "vllm_fa_fork"):
        return None
    return {}


@_interp("triton_smem")
def _triton_smem(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """triton.out-of-shared-memory: Triton's OutOfResources for shared memory. An AMD GPU (ROCm's 64 KB LDS), an
    Intel GPU or a Mac print the same words from their own Triton backends: not claimed there. The numbers, where
    given, go into the title in KB (Triton gives bytes)."""
    if _off_nvidia_anywhere(ctx):
        return None
    req, limit = _int(g.get("req")), _int(g.get("limit"))
    if req is None or limit is None or not 0 < limit < req:
        return {}
    return {"title": (f"A Triton kernel needs {req / 1024:.0f} KB of shared memory per block and this GPU allows "
                      f"{limit / 1024:.0f} KB: its block sizes / num_stages were tuned for a bigger GPU"),
            "details": {"required_bytes": req, "limit_bytes": limit}}


@_interp("ssize_clean")
def _ssize_clean(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """triton.launcher-ssize-clean: CPython's `PY_SSIZE_T_CLEAN macro must be defined for '#' formats` is raised by
    any C extension that parses a `#` format without the macro. In this stack it comes from Triton's launcher
    (load_binary in the cached cuda_utils module): claimed when the traceback's last frame before it is Triton's (or
    inductor's, SageAttention's), or when the paste shows no frame at all (the bare message, the usual report). A
    last frame of another module (PyAudio, thrift, reportlab, torch.cuda.nccl) is that extension's own bug: not
    claimed. Nor on an AMD / Intel / Mac setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    frame = str(_near(ctx).get("py_frame") or "")
    if frame and not _TRITON_FRAME.search(frame):
        return None
    return {}


_TRITON_FRAME = re.compile(r"[\\/](?:triton|_inductor|sageattention)[\\/]", re.IGNORECASE)


# the cmd line that points CC at MSVC's compiler (the <version> placeholder quoted: unquoted, cmd reads `<` as a
# redirection) and the steps after any change of CC, shared by Triton's two compiler answers
_MSVC_CL_SET = ('`set "CC=C:\\Program Files\\Microsoft Visual Studio\\2022\\BuildTools\\VC\\Tools\\MSVC\\<version>\\bin'
                '\\Hostx64\\x64\\cl.exe"`')
_TRITON_CC_RETRY = ("open a new console (or restart) so the change applies, delete `%USERPROFILE%\\.triton\\cache`, and run "
                    "triton-windows' test script with the same Python")


@_interp("triton_cc")
def _triton_cc(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """triton.c-compiler-missing: ``nvidia_only`` for Triton's own `Failed to find C compiler`. Windows' bare
    `PermissionError: [WinError 5] Access is denied` (no file named after it) is what subprocess gets when it is
    told to run a folder: under Triton's frames (or torch.compile's) while the launcher is built, CC or a PATH entry
    names the MSVC bin folder instead of cl.exe. Elsewhere the words are any program's: not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("ccdir") or g.get("cclist") or g.get("clexe"):
        return _triton_cc_cmd(g)
    if not g.get("denied"):
        return {}
    frame = str(_near(ctx).get("py_frame") or ctx.get("py_frame") or "")
    if not (_near(ctx).get("compile_stack") or ctx.get("compile_stack") or _TRITON_FRAME.search(frame)):
        return None
    return {"title": ("Triton could not run its C compiler to build its launcher (Windows: Access is denied): "
                      "CC or PATH names the compiler's folder, not cl.exe"),
            "cause": ("The first time a Triton kernel runs (SageAttention, torch.compile, Triton kernels of unsloth and "
                      "node packs) Triton compiles a small C launcher with the compiler named in the CC environment "
                      "variable, else the one it finds on PATH (triton-windows: its bundled TinyCC, or MSVC's cl.exe). "
                      "Windows answers `[WinError 5] Access is denied`, with no file named, when it is asked to run a "
                      "folder: CC is set to MSVC's `...\\bin\\Hostx64\\x64` folder instead of the cl.exe in it, or "
                      "such a folder is on PATH where Triton looks for the compiler (a CC left pointing at an old Visual "
                      "Studio version's folder does the same)."),
            "fix": (f"Point CC at the compiler file or remove it: {_MSVC_CL_SET} (quoted, so cmd "
                    "reads the placeholder's `<` `>` as text; check that the file "
                    "exists), or delete CC in System Properties > Environment Variables so triton-windows uses its "
                    "bundled TinyCC; take the `...\\bin\\Hostx64\\x64` folder off PATH if you added it by hand; "
                    + _TRITON_CC_RETRY),
            "details": {"error": "PermissionError: [WinError 5] Access is denied"}}


def _triton_cc_cmd(g: dict[str, str]) -> dict[str, Any] | None:
    """Triton's build command as triton-windows prints it (`Failed to compile. cc_cmd: [...]`, or the list a user
    printed): its first element is the compiler, its second the launcher source (cuda_utils.c, main.c,
    __triton_launcher.c). Three forms tell that the compiler Triton was given is wrong, whatever error followed:
    a folder (MSVC's ...\\bin\\Hostx64\\x64) instead of cl.exe; several paths joined by `;` (a PATH-style value in
    CC); a cl.exe of another Visual Studio install or MSVC version than the one whose headers Triton found for the same
    command (its /I include dirs come from the installed Visual Studio, the compiler from CC or PATH: CC left on an
    old or removed install). The same install in both is a working setup's command: not claimed."""
    fix = ("Point CC at one existing compiler file, or remove it: check the path with `dir \"<path>\\cl.exe\"`, then "
           f"{_MSVC_CL_SET} (<version>: the version folder that exists now; quoted, so cmd does not read "
           "`<` as a redirection), or delete CC in System Properties > "
           "Environment Variables so triton-windows uses its bundled TinyCC; " + _TRITON_CC_RETRY)
    cause = ("The first time a Triton kernel runs (SageAttention, torch.compile, Triton kernels of node packs) "
             "triton-windows compiles a small C launcher (cuda_utils.c, __triton_launcher.c) with the compiler named in "
             "the CC environment variable, else cl.exe found on PATH or its bundled TinyCC, and prints the command "
             "(`Failed to compile. cc_cmd: [...]`) when it fails. The command's first element is that compiler, and "
             "here it is not one working compiler file: {what}. CC set by hand in the Windows environment settings "
             "stays there after Visual Studio is updated, reinstalled or moved, and every Triton user (ComfyUI "
             "portable or a venv) then fails at its first kernel.")
    if g.get("ccdir"):
        return {"title": ("Triton was given a folder as its C compiler (CC or PATH names MSVC's bin folder, not "
                          "cl.exe): its launcher build cannot run"),
                "cause": cause.format(what="a folder (MSVC's ...\\bin\\Hostx64\\x64), which Windows refuses to run "
                                      "(`[WinError 5] Access is denied` or a failed command)"),
                "fix": fix, "details": {"compiler": g["ccdir"]}}
    if g.get("cclist"):
        return {"title": ("Triton was given several paths joined by `;` as its C compiler (CC holds a PATH-style "
                          "list, not one cl.exe): its launcher build cannot run"),
                "cause": cause.format(what="several cl.exe paths joined by `;`, a PATH-style list that names no file"),
                "fix": fix, "details": {"compiler": g["cclist"]}}
    norm = lambda v: re.sub(r"[\\/]+", "/", v or "").lower()
    vs1, vs2 = norm(g.get("vs1")), norm(g.get("vs2"))
    ver1, ver2 = g.get("ver1") or "", g.get("ver2") or ""
    if not vs2 or (vs1 == vs2 and (not ver2 or ver1 == ver2)):
        return None
    other = g.get("vs2", "").replace("\\\\", "\\") + (f" (MSVC {ver2})" if ver2 else "")
    mine = g.get("vs1", "").replace("\\\\", "\\") + f" (MSVC {ver1})"
    return {"title": (f"Triton ran the cl.exe of Visual Studio {mine} with the headers of {other}: CC (or PATH) "
                      "names a compiler of another or removed install"),
            "cause": cause.format(what=(f"the cl.exe of {mine}, while the headers Triton found for the same command "
                                        f"(from the Visual Studio installed now) are those of {other}: CC or a PATH "
                                        "entry still names an older or removed install, which either no longer exists "
                                        "or compiles against another version's headers")),
            "fix": fix, "details": {"compiler": g.get("clexe"), "headers_of": other}}


@_interp("pkg_files_broken")
def _pkg_files_broken(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """python.package-files-broken: ``nvidia_only``; where the import that finds the empty folder is made inside
    insightface's own package (site-packages/insightface/..., its `from onnx import numpy_helper`, in the frame near
    the hit or the paste's last frame), the broken package belongs to the face-analysis stack of IP-Adapter FaceID,
    ReActor and PuLID (insightface, onnx, onnxruntime), another model family's parts that the corpus leaves out of
    scope: not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    frames = f"{_near(ctx).get('py_frame') or ''} {ctx.get('py_frame') or ''}"
    if _INSIGHTFACE_FRAME.search(frames):
        return None
    if g.get("mpkg"):
        return _pkg_metadata_missing(g)
    return {}


def _pkg_metadata_missing(g: dict[str, str]) -> dict[str, Any]:
    """uv's `Failed to read metadata from installed package `PKG==VER``: the package's .dist-info folder is there
    but its METADATA is gone (a half-finished uninstall or update). The headline names the package and version; with
    the folder uv quoted, the fix deletes that folder by the rules of the path's system (cmd's `rmdir /s /q` for a
    drive path, `rm -rf` for a POSIX one) before reinstalling."""
    pkg, ver = g["mpkg"], g.get("mver") or ""
    spec = f"{pkg}=={ver}" if ver else pkg
    title = (f"{pkg} {ver} is only half installed in this Python: its .dist-info folder lost its METADATA file "
             "(an interrupted update or uninstall)").replace("  ", " ")
    cause = (f"uv (and pip) read each installed package's record from its `*.dist-info` folder. The folder of {spec} is "
             "there but its METADATA file is not: an update or uninstall stopped halfway (the program still running "
             "and holding a file, an antivirus, two installs at once), so the package is neither installed nor "
             "removed. uv refuses to go on while it cannot read it, and imports of packages whose files went with it "
             "fail (`No module named ...` although pip calls the package installed).")
    folder = (g.get("mfile") or "").strip()
    if folder and re.match(r"[A-Za-z]:\\", folder) and not re.search(r'["%]', folder):
        delete = f"delete the broken folder, in cmd: `rmdir /s /q \"{folder}\"`, "
    elif folder.startswith("/") and "'" not in folder:
        delete = f"delete the broken folder: `rm -rf '{folder}'`, "
    else:
        delete = (f"delete the folder `{g.get('dist') or pkg + '-' + ver + '.dist-info'}` in that environment's site-packages "
                  "(File Explorer or the file manager), ")
    cu = re.search(r"\+(cu\d{2,3})\b", ver)
    index = f" --index-url https://download.pytorch.org/whl/{cu.group(1)}" if cu else ""
    torch_note = ("; torch, torchvision and torchaudio come from PyTorch's index: add the --index-url of the CUDA build "
                  "you use, for example https://download.pytorch.org/whl/cu128"
                  if not cu and pkg.lower() in ("torch", "torchvision", "torchaudio") else "")
    fix = (f"Close ComfyUI (and any program using that Python), {delete}then reinstall the package with the Python "
           f"that runs ComfyUI: `python -m pip install --force-reinstall --no-deps {spec}{index}` (a uv-managed venv "
           f"such as ComfyUI Desktop's or Stability Matrix's: `uv pip install --reinstall --no-deps {spec}{index}`){torch_note}; if imports still "
           "fail, reinstall ComfyUI's requirements the same way: `python -m pip install -r requirements.txt` in the "
           "ComfyUI folder")
    return {"title": title, "cause": cause, "fix": fix, "details": {"package": pkg, "version": ver or None,
                                                                     "dist_info": g.get("dist") or None}}


_INSIGHTFACE_FRAME = re.compile(r"[\\/]site-packages[\\/]insightface[\\/]", re.IGNORECASE)


@_interp("setuptools_new")
def _setuptools_new(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """python.setuptools-too-new: ``nvidia_only``; where the import fails inside pip's or uv's isolated build
    environment (pip-build-env, `Getting requirements to build wheel`, build_meta frames, pip's `Failed to build
    '...' when getting requirements to build wheel`) the build took the newest setuptools itself, so pinning
    setuptools in the user's environment does not reach it: the fix builds without isolation after pinning, or
    constrains the build's setuptools. pip's closing line for OpenAI's CLIP alone (its setup.py imports
    pkg_resources) is the same error with the traceback cut off."""
    if _off_nvidia_anywhere(ctx):
        return None
    clip = (g.get("clip") or "").strip()
    if not clip and not _fact(ctx, "isolated_build"):
        return {}
    what = "OpenAI's CLIP" if clip else "the package"
    src = clip or "PACKAGE"
    title = ("pip could not build OpenAI's CLIP: its setup.py imports pkg_resources, which setuptools 82 removed"
             if clip else "A package's build imports pkg_resources, and pip's isolated build environment took a "
             "setuptools without it")
    cause = (f"pip builds {what} from source in an isolated build environment, into which it installs the newest "
             "setuptools whatever your own environment holds. setuptools 82 (February 2026) removed `pkg_resources`, "
             "and the package's setup.py still imports it (OpenAI CLIP's `from pkg_resources import packaging`), so "
             "the build stops while getting its requirements. Installing an older setuptools in your environment "
             "alone does not change the build's.")
    fix = ("Build it against an older setuptools, with the Python that runs the program: "
           "`python -m pip install \"setuptools<81\" wheel`, then repeat the install without isolation: "
           f"`python -m pip install --no-build-isolation {src}` (ComfyUI portable: "
           f"`python_embeded\\python.exe -m pip install --no-build-isolation {src}`; a webui's venv: "
           "`venv\\Scripts\\python.exe -m pip ...`). Or keep isolation and constrain the build: write `setuptools<81` "
           "into constraints.txt and set `PIP_CONSTRAINT` to its path for the install (Windows: "
           "`set PIP_CONSTRAINT=constraints.txt`, Linux/macOS: `PIP_CONSTRAINT=constraints.txt python -m pip install ...`; "
           "uv: `UV_BUILD_CONSTRAINT`). The lasting fix is in the package: a setup.py that no longer imports "
           "pkg_resources (for CLIP, openai/CLIP PR #536)")
    return {"title": title, "cause": cause, "fix": fix, "details": {"build": "isolated", **({"source": clip} if clip else {})}}


@_interp("distutils_removed")
def _distutils_removed(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """python.distutils-removed: ``nvidia_only``; node-gyp's own distutils import under Python 3.12 (npm building a
    native Node addon: `npm ERR!`, `gyp ERR!`, `gyp info`, node-gyp / gyp_main.py in the paste) is npm's build tool,
    fixed by a newer node-gyp: not claimed."""
    if _off_nvidia_anywhere(ctx) or _fact(ctx, "node_gyp"):
        return None
    return {}


def _old_gpu_arch(name: str) -> tuple[str, str]:
    """The architecture of a pre-Turing NVIDIA GPU named by the ``old_nvidia_gpu`` fact: (family, sm)."""
    n = _SPACE.sub(" ", name).upper()
    if "V100" in n or "TITAN V" in n or "QUADRO GV" in n:
        return "Volta", "sm_70"
    if re.search(r"GTX ?9\d0|GTX ?TITAN X|TESLA M|QUADRO M", n):
        return "Maxwell", "sm_52"
    if "P100" in n:
        return "Pascal", "sm_60"
    if "TITAN X" in n:  # TITAN X (Pascal) / Xp; the Maxwell GTX TITAN X is matched above
        return "Pascal", "sm_61"
    return "Pascal", "sm_61"


def _old_gpu_fix(family: str) -> str:
    """The cu126 reinstall for a Maxwell / Pascal / Volta GPU (the only CUDA line of current PyTorch with their
    kernels), into the Python that runs Klein."""
    return ("Install PyTorch's CUDA 12.6 build (sm_50 to sm_90), the only current line that still has " + family +
            " kernels (cu128 / "
            "cu129 dropped Maxwell and Pascal, cu130 and later cu128 builds Volta too), into the Python that runs Klein: "
            "`python -m pip install --force-reinstall torch torchvision torchaudio --index-url "
            "https://download.pytorch.org/whl/cu126` (ComfyUI portable: `python_embeded\\python.exe -m pip install "
            "--force-reinstall torch torchvision torchaudio --index-url https://download.pytorch.org/whl/cu126`; an "
            "installer or launcher that reinstalls cu128 / cu130 on update must be pointed at the cu126 index, e.g. "
            "Forge / A1111's TORCH_COMMAND or TORCH_INDEX_URL). Check with `python -c \"import torch; "
            "print(torch.__version__, torch.cuda.get_arch_list())\"`: the list must hold the GPU's sm_XX")


@_interp("no_kernel_image")
def _no_kernel_image(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """cuda.no-kernel-image: ``nvidia_only``; where the paste shows llama.cpp's GGML CUDA backend (its
    `ggml_cuda_compute_forward` lines, ggml-cuda.cu, ggml-cuda.dll) the missing kernels are that program's own build
    (llama-cpp-python, Ollama, LM Studio, llama-box), not torch's or an attention package's: not claimed; nor Thrust's
    `parallel_for failed:` wording where the paste shows CTranslate2 / faster-whisper. Where the paste itself says the
    PyTorch build lacks the GPU's kernels (the ``torch_lacks_arch`` fact), the manifest's hand_over makes it
    torch.sm-unsupported. An RTX 50 / Blackwell card beside a torch built for CUDA older than 12.8, or beside a PyTorch
    release before 2.7 named without its build (`pytorch 2.6`, round 331), gets a headline naming both."""
    if _nvidia_only(g, cat, ctx) is None:
        return None
    if _fact(ctx, "ggml_cuda"):
        return None
    if g.get("nunchaku_src"):
        # a paste quoted with escaped line breaks is read unescaped, where `Desktop\nunchaku-dev` became a line break
        return _nunchaku_no_kernel(g["nunchaku_src"].replace("\n", "\\n"), ctx)
    foreign_lib = _fact(ctx, "cudnn_foreign").lower()
    if (foreign_lib and any(k in foreign_lib for k in ("ctranslate2", "faster"))
            and not any(_fact(ctx, k) for k in _PARA_SM_TORCH)):
        # the paste names CTranslate2 (faster-whisper) and shows no torch at all (no torch path, version or build): the
        # kernels missing are CTranslate2's own build (`WhisperX/ctranslate2 is compiled for sm_70-sm_90`); onnxruntime's
        # and Paddle's own lines are this signature's ignore rows, and a torch error beside their notices stays claimed
        return None
    if g.get("thrust"):
        # Thrust's `parallel_for failed: cudaErrorNoKernelImageForDevice` comes from PyTorch's own Thrust calls and from
        # CTranslate2's (faster-whisper): where the paste shows CTranslate2 / faster-whisper, the kernels missing are
        # that library's build, fixed by CTranslate2 files built for the card, not by torch.
        foreign = _fact(ctx, "cudnn_foreign").lower()
        if foreign and ("ctranslate2" in foreign or "whisper" in foreign):
            return None
    if g.get("cap_e"):
        # `CUDA Error:` with a capital E is a library's own check, not PyTorch's `CUDA error:`: claimed only where it
        # names an attention package's CUDA source beside it (flash-attention's csrc/layer_norm .cuh), not where it
        # is another library's driver-API wrapper (cpm_kernels' checkCUStatus).
        kpath = (g.get("kpath") or "").strip()
        if not kpath:
            return None
        low = kpath.lower().replace("_", "-")
        pkg = ("xformers" if "xformers" in low else "SageAttention" if "sageattention" in low
               else "apex" if "apex" in low else "flash-attn")
        src = re.split(r"[\\/]", kpath)[-1][:60]
        return {"title": f"A {pkg} CUDA kernel has no build for this GPU (`{src}`)",
                "details": {"package": pkg, "kernel_source": kpath[:160]}}
    board = _jetson(ctx)
    if board and not g.get("built") and not _fact(ctx, "other_framework") and not _fact(ctx, "llm_engine"):
        # round 406: a Jetson named beside the error. Its GPU is sm_87 (Orin) or sm_110 (Thor); PyTorch's own aarch64
        # CUDA wheels (download.pytorch.org's cuXXX indexes) are built for SBSA servers (sm_80, sm_90, Blackwell; sm_110
        # only in cu130: RELEASE.md's aarch64 matrix), and flash-attn's setup.py emits sm_80 / sm_90 code: none has an
        # Orin kernel, so the generic cu128 reinstall would fail the same way
        attn = _fact(ctx, "attn_pkg")
        thor = "thor" in board.lower()
        nv_torch = _fact(ctx, "jetpack_torch")
        if nv_torch and not attn:
            # NVIDIA's JetPack torch build carries the board's kernels: the one without a build is an extension's
            return {"title": (f"A CUDA extension has no kernel for the Jetson's GPU{_jetson_label(board)}: torch here is NVIDIA's "
                              f"JetPack build ({nv_torch}), which has the board's kernels"),
                    "cause": ("NVIDIA's JetPack builds of torch are compiled for the Jetson's own GPU, so the kernel without a "
                              "build belongs to an extension compiled for other GPUs: a package built from source with its own "
                              "architecture list (flash-attn's setup.py emits sm_80 / sm_90 code only) or a prebuilt x86-era "
                              "wheel's arch list, without a Jetson Orin's sm_87 (or a Thor's sm_110)."),
                    "fix": ("Find the extension in the traceback (the last frames before the error) and rebuild it on the "
                            "board with the Jetson's architecture in its build flags (an extension built with torch's "
                            "cpp_extension: set `TORCH_CUDA_ARCH_LIST=8.7` on an Orin before building it; flash-attn's setup.py "
                            "needs `arch=compute_87,code=sm_87` added to its gencode flags), or uninstall it: flash-attn with "
                            "`python -m pip uninstall -y flash-attn` (Klein runs on PyTorch's own attention)"),
                    "details": {"board": board, "torch": nv_torch}}
        pkg = _attn_pkg_name(attn) if attn else ""
        pip_name = {"flash-attn": "flash-attn", "xformers": "xformers", "SageAttention": "sageattention"}.get(pkg)
        if pip_name:
            return {"title": f"A {pkg} CUDA kernel has no build for the Jetson's GPU{_jetson_label(board)}",
                    "cause": (f"{pkg}'s prebuilt wheels and its default source build compile GPU code for the desktop and "
                              "data-center architectures only (flash-attn's setup.py: sm_80 / sm_90 and newer), not for a "
                              "Jetson Orin's sm_87 (or a Jetson Thor's sm_110), and CUDA cannot run sm_80 code on sm_87. "
                              "TORCH_CUDA_ARCH_LIST does not change flash-attn's own gencode flags."),
                    "fix": (f"Klein runs without it: `python -m pip uninstall -y {pip_name}` and let PyTorch's own "
                            "attention (SDPA) run; or build it on the board with the Jetson's architecture added to the "
                            "package's gencode flags (`arch=compute_87,code=sm_87` for an Orin), or take a build made for "
                            "your JetPack from the Jetson AI Lab index (https://pypi.jetson-ai-lab.io/)"),
                    "details": {"package": pkg, "board": board}}
        return {"title": (f"A CUDA kernel has no build for the Jetson's GPU{_jetson_label(board)}: PyTorch's own aarch64 CUDA wheels "
                          "are built for GH200 / GB200-class servers"),
                "cause": ("PyTorch's aarch64 CUDA wheels (the cuXXX indexes on download.pytorch.org) are SBSA builds for "
                          "Grace servers: they carry at most sm_80 and sm_90 kernels (plus Blackwell's in cu128 / cu130; a "
                          "Thor's sm_110 only in cu130) and nothing that runs on a Jetson Orin's sm_87. torch imports and torch.cuda.is_available() is True, but the first kernel fails like this. "
                          "A Jetson takes NVIDIA's JetPack build of torch."),
                "fix": (("A Jetson Thor (sm_110) needs a CUDA 13 build: `python -m pip install --force-reinstall torch "
                         "torchvision --index-url https://download.pytorch.org/whl/cu130` (or NVIDIA's JetPack 7 build, "
                         "`--index-url https://pypi.jetson-ai-lab.io/sbsa/cu130`)") if thor else
                        ("Install NVIDIA's torch built for the board's JetPack into the same Python, torchvision with it: "
                         "`python -m pip install --force-reinstall torch torchvision --index-url "
                         "https://pypi.jetson-ai-lab.io/jp6/cu126` for JetPack 6 (`cat /etc/nv_tegra_release` shows the L4T "
                         "release: R36 is JetPack 6), or run in NVIDIA's l4t / jetson-containers PyTorch image")),
                "details": {"board": board}}
    old_gpu = _fact(ctx, "old_nvidia_gpu").strip()
    if old_gpu and not g.get("built"):
        # the paste names a Maxwell / Pascal / Volta card: current PyTorch wheels (cu128 / cu129 / cu130) carry no
        # kernels for it, so the fix is the cu126 build, not the cu128 one the generic advice gives for an RTX 50
        family, sm = _old_gpu_arch(old_gpu)
        return {"title": f"A CUDA kernel has no build for this GPU: the {old_gpu} ({family}, {sm}) is older than what "
                         "current PyTorch CUDA 12.8 / 13 builds carry",
                "cause": (f"The {old_gpu} is a {family} GPU ({sm}). PyTorch's CUDA 12.8 and 12.9 wheels dropped Maxwell and "
                          "Pascal (from 2.7 / 2.8 on), its CUDA 13 wheels and the cu128 wheels of 2.11 on dropped Volta "
                          "too, so a torch installed or updated with a default index (ComfyUI portable and Desktop, a "
                          "launcher's update, pip's PyPI wheel) has no kernels for it and its first CUDA operation fails "
                          "like this; torch.cuda.is_available() is still True. Less often a custom extension built "
                          "without this architecture raises the same error."),
                "fix": _old_gpu_fix(family),
                "details": {"gpu": old_gpu, "gpu_arch": sm, "family": family}}
    kepler = _fact(ctx, "kepler_gpu").strip()
    if kepler and not g.get("built"):
        # round 387: a Kepler card (compute capability 3.0 to 3.7): no PyTorch release wheel of the CUDA 12 / 13 lines
        # carries its kernels (3.0 went in 1.3, the rest with the CUDA 11 builds), so no reinstall of a current build helps
        return {"title": (f"A CUDA kernel has no build for this GPU: the {kepler} is a Kepler GPU (compute capability 3.x), "
                          "older than any current PyTorch CUDA build supports"),
                "cause": (f"The {kepler} is a Kepler GPU (compute capability 3.0 to 3.7). PyTorch's release wheels dropped "
                          "capability 3.0 in 1.3 and the rest of Kepler with the CUDA 11 builds; its CUDA 12 and 13 wheels "
                          "start at Maxwell (sm_50) or newer. torch.cuda.is_available() can still be True, and the first "
                          "CUDA operation fails like this (PyTorch also warns `PyTorch no longer supports this GPU because "
                          "it is too old`). Reinstalling PyTorch from a current CUDA index does not change that, and a "
                          "Kepler card has neither the memory nor the bf16 support FLUX.2 [klein] needs."),
                "fix": ("Run on a newer NVIDIA GPU (Turing / RTX 20 or newer for Klein), or on the CPU: ComfyUI "
                        "`python main.py --cpu` (very slow). Check what the installed torch carries with `python -c "
                        "\"import torch; print(torch.__version__, torch.cuda.get_arch_list(), "
                        "torch.cuda.get_device_capability())\"`: no sm_3x in the list means no kernels for this card"),
                "details": {"gpu": kepler, "family": "Kepler"}}
    built = _fact(ctx, "torch_cuda_build")
    m = re.search(r"(?:cu|=|: )(1\d)\.?(\d)\b", built)
    blackwell = _fact(ctx, "gpu_model") or next((v for v in [_fact(ctx, "hopper_gpu")] if "12" in v), "")
    if m and blackwell and int(m.group(1) + m.group(2)) < 128 and not g.get("built"):
        # an RTX 50 / Blackwell card and a PyTorch built for CUDA older than 12.8 (`2.5.1+cu121`, `whl/cu124`) in one
        # paste: PyTorch's Blackwell kernels exist only in its CUDA 12.8 and newer builds, so torch itself is the build
        # without the card's kernels (the id stays: torch.sm-unsupported is for torch's own warning, as the corpus labels)
        cu = f"{m.group(1)}.{m.group(2)}"
        card = _blackwell_card(blackwell, " (Blackwell)")
        return {"title": (f"A CUDA kernel has no build for this GPU: PyTorch is a CUDA {cu} build, and {card} "
                          "has kernels only in PyTorch's CUDA 12.8 and newer builds (torch 2.7+)"),
                "details": {"gpu": blackwell, "torch_cuda": cu}}
    rel = re.search(r"(?<![\d.])([12])\.(\d{1,2})(?![\d])", _fact(ctx, "torch_named"))
    if rel and blackwell and not m and not g.get("built") and (rel.group(1) == "1" or int(rel.group(2)) < 7):
        # the same with the PyTorch release named instead of its CUDA build (`pytorch 2.6`, `torch==2.5.1`): no PyTorch
        # release before 2.7 was built with CUDA 12.8, so none carries Blackwell kernels, whatever CUDA the system has
        ver = f"{rel.group(1)}.{rel.group(2)}"
        card = _blackwell_card(blackwell)
        return {"title": (f"A CUDA kernel has no build for this GPU: PyTorch {ver} predates Blackwell, and {card} has "
                          "kernels only in PyTorch 2.7 and newer (its CUDA 12.8 and newer builds)"),
                "details": {"gpu": blackwell, "torch_release": ver}}
    return {}


_HOPPER_DC = re.compile(r"\b(?:GH|H)[128]00\b|\bH20\b")


def _nunchaku_no_kernel(src: str, ctx: dict[str, Any]) -> dict[str, Any]:
    """Round 403: `no kernel image is available ... (at ...nunchaku...\\src\\kernels\\...cu:N)` is nunchaku's own kernel
    (its wheel's build), not PyTorch's: nunchaku runs only on GPUs with 4-bit tensor cores (INT4 models on RTX 20
    from nunchaku 0.2.0 in float16, RTX 30 / A100 / A10 / A800, RTX 40 / L4 / L20 / L40; FP4 models on RTX 50) and has
    no kernels at all for Hopper, Volta, Pascal or older, so the answer names that instead of a torch reinstall. A GPU
    the paste names (old_nvidia_gpu, turing_gpu, a Hopper data-centre card) goes into the headline."""
    kernel = re.sub(r"[:.]\d{1,5}$", "", re.split(r"[\\/]", src.strip())[-1])[:60]
    title = f"nunchaku's own CUDA kernel (`{kernel}`) has no build for this GPU"
    details: dict[str, Any] = {"package": "nunchaku", "kernel_source": src.strip()[:160]}
    old_gpu = _fact(ctx, "old_nvidia_gpu").strip()
    turing = _fact(ctx, "turing_gpu").strip()
    hopper = _HOPPER_DC.search(_fact(ctx, "hopper_gpu"))
    if old_gpu:
        family, sm = _old_gpu_arch(old_gpu)
        title += f": the {old_gpu} ({family}, {sm}) has no 4-bit tensor cores, which nunchaku needs"
        details.update(gpu=old_gpu, gpu_arch=sm, supported=False)
    elif hopper:
        title += f": the {hopper.group(0)} (Hopper, sm_90) has no 4-bit tensor-core path nunchaku supports"
        details.update(gpu=hopper.group(0), gpu_arch="sm_90", supported=False)
    elif turing and re.match(r"(?i)GTX", turing):
        title += f": the {turing} (Turing without tensor cores) cannot run nunchaku"
        details.update(gpu=turing, gpu_arch="sm_75", supported=False)
    elif turing:
        title += (f": nunchaku supports the {turing} (Turing, sm_75) only from 0.2.0 on, in float16, so this wheel "
                  "lacks its kernels")
        details.update(gpu=turing, gpu_arch="sm_75", supported=True)
    cause = ("nunchaku (the SVDQuant 4-bit engine behind ComfyUI-nunchaku's Nunchaku loader nodes and its diffusers "
             "transformers) runs its own CUDA kernels, compiled into its wheel, and the message names the nunchaku "
             "source file that has no build for this GPU. nunchaku runs only on NVIDIA GPUs with 4-bit tensor cores: "
             "its svdq-int4 models on Turing (RTX 20, sm_75, float16 only, from nunchaku 0.2.0 on), Ampere (RTX 30, "
             "A100, A10, A800, sm_80 / sm_86) and Ada (RTX 40, L4, L20, L40, sm_89), its svdq-fp4 models on Blackwell "
             "(RTX 50, sm_120). Hopper (H100, H800, H20, sm_90), Volta, Pascal (GTX 10) and older GPUs have no 4-bit "
             "path in nunchaku and no wheel carries kernels for them; on a supported card the wheel itself is the "
             "problem (an old nunchaku from before that card's support, or a self-built or third-party wheel made "
             "without its architecture). PyTorch is not the package missing kernels here: reinstalling torch does not "
             "change this.")
    fix = ("See which GPU the program runs on: `python -c \"import torch; print(torch.cuda.get_device_name(), "
           "torch.cuda.get_device_capability())\"`. Capability (7, 5) with an RTX card, (8, 0), (8, 6), (8, 9) or (12, 0): "
           "install nunchaku's official wheel for your torch, Python and system from "
           "https://github.com/nunchaku-tech/nunchaku/releases (the file `nunchaku-VERSION+torchX.Y-cpXYZ-cpXYZ-PLATFORM.whl` "
           "whose torch and cp tags match `python -c \"import torch, sys; print(torch.__version__, sys.version)\"`) with "
           "the Python that runs ComfyUI: `python -m pip install --force-reinstall FILE.whl` (ComfyUI portable: "
           "`python_embeded\\python.exe -m pip install --force-reinstall FILE.whl`; ComfyUI-nunchaku's install_wheel "
           "workflow does the same), and load svdq-int4 models on RTX 20 / 30 / 40 and svdq-fp4 models on RTX 50. "
           "Capability (9, 0) (Hopper), 7.0 or lower, or a GTX 16 card: nunchaku cannot run there; use the ordinary "
           "model files with ComfyUI's own loaders instead (for FLUX.2 [klein] 4B: its FP8, BF16 or GGUF files)")
    return {"title": title, "cause": cause, "fix": fix, "details": details}


def _blackwell_card(said: str, tag: str = "") -> str:
    """A Blackwell card as the paste names it, for a headline: `the RTX 5090`; a bare `Blackwell` or a compute
    capability (`sm_120`, `(12, 0)`) reads as a Blackwell GPU."""
    if said.lower() == "blackwell":
        return "a Blackwell GPU"
    if re.match(r"(?i)RTX|\d", said):
        return f"the {said}{tag}"
    return f"a Blackwell GPU ({said})"


def _attn_pkg_name(raw: str) -> str:
    """flash-attn / xformers / SageAttention / PyTorch's FlashAttention kernels, from the words a paste uses."""
    low = raw.lower().replace("_", "-")
    if low.startswith("xformers"):
        return "xformers"
    if low.startswith("sage"):
        return "SageAttention"
    if raw.startswith("FlashAttention"):
        return "FlashAttention"
    return "flash-attn"


@_interp("attn_build_oom")
def _attn_build_oom(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """attention.build-out-of-memory: a compiler killed for memory, a build's RAM exhausted, claimed only where the
    paste names the attention package being built (flash-attn, xformers, SageAttention, FlashAttention). Another
    project's build (gcc killed while building a C++ server, onnxruntime's or vLLM's own flash-attention kernels)
    is that project's: not claimed; nor on an AMD/Intel/Mac setup."""
    raw = g.get("pkg") or _fact(ctx, "attn_pkg")
    if not raw or _fact(ctx, "foreign_cuda_build") or _off_nvidia_anywhere(ctx):
        return None
    pkg = _attn_pkg_name(raw)
    said = _SPACE.sub(" ", g.get("said") or "").strip()
    title = f"Compiling {pkg} from source ran out of RAM: too many parallel compile jobs"
    if said and not said.endswith(":"):  # top's `MiB Mem :` line says nothing by itself
        title += f" (`{said[:60]}`)"
    return {"title": title, "details": {"package": pkg, **({"said": said[:80]} if said else {})}}


@_interp("attn_build_slow")
def _attn_build_slow(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """attention.build-slow: pip's spinner on `Building wheel for flash-attn`, or a user's word that it is stuck there;
    not on an AMD/Intel/Mac setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    pkg = _attn_pkg_name(g.get("pkg") or "flash-attn")
    return {"title": (f"pip is compiling {pkg} from source (no prebuilt wheel matched): it takes an hour or more, "
                      "it is not hung"), "details": {"package": pkg}}

@_interp("attn_src_build")
def _attn_src_build(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """attention.source-build-failed: pip's `Failed building wheel for X` names the package itself. flash-attn's
    setup.py fallback (`Precompiled wheel not found. Building from source...`, a failed build whose traceback shows
    the wheel guess's `HTTP Error 404`) is copied by other packages (mamba-ssm, causal-conv1d): claimed only where
    the paste names flash-attn (or xformers / SageAttention) and no other project's own flash-attention build; not on
    an AMD/Intel/Mac setup."""
    if _nvidia_only(g, cat, ctx) is None:
        return None
    if g.get("nerr"):
        # round 406: nvcc's summary for a CUDA source inside pip's build folder of the package (the paste stops before
        # pip's `Failed building wheel` line)
        pkg = _attn_pkg_name(g.get("pkg") or "flash-attn")
        pkg = "flash-attn" if pkg == "FlashAttention" else pkg
        return {"title": (f"pip compiled {pkg} from source (no prebuilt wheel matched this setup) and nvcc failed on its "
                          f"CUDA sources ({g['nerr']} errors)"),
                "details": {"package": pkg, "errors": g["nerr"]}}
    if not g.get("fail"):
        return {}
    raw = _fact(ctx, "attn_pkg")
    if not raw or _fact(ctx, "foreign_cuda_build"):
        return None
    pkg = _attn_pkg_name(raw)
    if pkg == "FlashAttention":
        pkg = "flash-attn"
    fail = _SPACE.sub(" ", g.get("fail") or "").strip()
    four04 = "404" in fail
    title = (f"No prebuilt {pkg} wheel matched this torch / CUDA / Python, so pip compiled it and the build failed"
             + (" (the `HTTP Error 404` is only the wheel guess)" if four04 else f" (`{fail[:60]}`)"))
    return {"title": title, "details": {"package": pkg, "failure": fail[:80]}}


@_interp("int32_index")
def _int32_index(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.int32-index-limit: ``nvidia_only``; the headline names the kernel (and the shape) the message names."""
    if _nvidia_only(g, cat, ctx) is None:
        return None
    op, shape = g.get("op"), g.get("shape")
    if op:
        got = f" (it got {shape})" if shape else ""
        return {"title": f"PyTorch's {op} kernel refused an output of more than 2^31-1 elements{got}: "
                         "the image or the batch is too large for its 32-bit indexing in one piece",
                "details": {"kernel": op, **({"shape": shape} if shape else {})}}
    if g.get("pad"):
        return {"title": "PyTorch's padding kernel refused a tensor of more than 2^31-1 elements (32-bit index math): "
                         "the image or the batch is too large for it in one piece"}
    return {}


@_interp("nccl_ifname")
def _nccl_ifname(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """nccl.socket-ifname-unmatched: NCCL's bootstrap found no interface. When the paste shows the value NCCL read
    (`NCCL_SOCKET_IFNAME set by environment to eth2`) the headline quotes it, and gloo's own `Unable to find address
    for: eth0` names GLOO_SOCKET_IFNAME; RCCL on an AMD setup is not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    gloo = (g.get("gloo_ifname") or "").strip()
    if gloo:
        return {"title": f"GLOO_SOCKET_IFNAME={gloo} names a network interface this machine does not have, so "
                         "torch.distributed (gloo) could not connect the processes of the run",
                "details": {"gloo_socket_ifname": gloo}}
    name = (g.get("ifname") or "").strip()
    if not name:
        return {}
    return {"title": f"NCCL_SOCKET_IFNAME={name} selects no usable network interface here, so NCCL could not connect "
                     "the processes of the run",
            "details": {"nccl_socket_ifname": name}}


@_interp("dist_port")
def _dist_port(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.dist-port-in-use: the headline and the fix's commands use the port the message names (29500, the
    default, or the one MASTER_PORT chose); a torch on an AMD/Intel setup is not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    port = _int(g.get("port"))
    if port is None or not 0 < port < 65536:
        return {}
    sig = cat.by_id("torch.dist-port-in-use")
    other = 29501 if port != 29501 else 29502
    fix = (sig.fix if sig else "").replace("29501", "\0").replace("29500", str(port)).replace("\0", str(other))
    return {"title": f"Port {port} is already in use, so the distributed run could not start its rendezvous "
                     "(address already in use)",
            "fix": fix, "details": {"port": port}}


@_interp("onnx_attention_op")
def _onnx_attention_op(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """onnx.attention-op-unexportable: name the kernel the exporter stopped at in the headline (xformers, flash-attn
    or SageAttention), so the user sees which attention to switch off for the export. Off NVIDIA not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    traced = bool(g.get("top"))
    op = (g.get("top") or g.get("op") or "").strip().rstrip(".")
    low = op.lower()
    kind = ("xformers attention" if "xformers" in low else "SageAttention" if "sage" in low
            else "flash-attn attention" if "flash" in low else "")
    if not kind:
        return None
    what = "torch's tracer (torch.jit.trace, torch.onnx.export) cannot trace" if traced else "torch.onnx cannot export"
    return {"title": f"{what} the {kind} kernel `{op}`: export the model on PyTorch's own attention (TensorRT fuses "
                     "it again)",
            "details": {"operator": op, "kernel": kind}}


def _pre_ada_card(ctx: dict[str, Any]) -> str:
    """An NVIDIA card without fp8 named in the paste: Ampere or Volta (pre_ada_gpu), Turing (turing_gpu: RTX 20, GTX 16,
    T4) or Pascal / Maxwell (old_nvidia_gpu: GTX 9xx / 10xx, P40, P100)."""
    return _fact(ctx, "pre_ada_gpu") or _fact(ctx, "turing_gpu") or _fact(ctx, "old_nvidia_gpu")


@_interp("no_fp8")
def _no_fp8(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """``nvidia_only`` for gpu.no-fp8's own wordings. cuBLASLt's bare `CUBLAS_STATUS_NOT_SUPPORTED when calling
    cublasLtMatmulAlgoGetHeuristic` says only that no algorithm fits the matmul asked for: it is an fp8 refusal
    only beside an fp8 operation (torch._scaled_mm, a float8 dtype, an fp8 or fast mode). Then a torch built for
    CUDA 11 named in the paste is the cause on any card (its cuBLASLt has no fp8 kernels: torch.too-old), an Ampere
    or older card named is gpu.no-fp8's, and an Ada, Hopper or Blackwell card (which has fp8) is another limit
    (per-row or block-scaled layouts on sm_120), not claimed. With no card named the headline names both causes.
    With no fp8 operation in view, a CUDA 11 torch named with no card is still torch.too-old (round 336: the
    refusal in a ComfyUI node pack's fp8 path, the user asking whether CUDA 11.8 is the cause); otherwise silent."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("ao"):
        # torchao's own card check when it quantizes with an fp8-activation config: `CUDA>=8.9` is the compute
        # capability. An Ada, Hopper or Blackwell card named beside it (torchao's check passes there) is not this.
        if (_fact(ctx, "ada_gpu") or _fact(ctx, "hopper_gpu") or _fact(ctx, "gpu_model")) and not _pre_ada_card(ctx):
            return None
        old_card = _pre_ada_card(ctx)
        return {"title": ("torchao's float8 " + g["ao"] + " activation quantization was asked of "
                          + (f"the {old_card}, a GPU" if old_card else "a GPU")
                          + " older than Ada (compute capability below 8.9; torchao's `CUDA>=8.9` is the compute capability)"),
                "details": {"operation": f"torchao Float8 {g['ao']} activation quantization",
                            **({"gpu": old_card} if old_card else {})}}
    if g.get("q90"):
        # A loader that checks for Hopper (transformers' FBGEMM FP8: `... compute capability >= 9.0 (e.g H100)`): on a
        # pre-Ada card it is this cause; an Ada card named beside it has fp8 and only misses that loader's bar. (A
        # Hopper card passes the check, so the `(e.g H100)` in the message itself names no card of the paste's.)
        old_card = _pre_ada_card(ctx)
        if _fact(ctx, "ada_gpu") and not old_card:
            return None
        return {"title": ("FP8-quantized weights were loaded on " + (f"the {old_card}, " if old_card else "")
                          + "a GPU without fp8 compute (this loader checks for compute capability 9.0, Hopper; "
                          "Ampere, Turing and older cards have no fp8 at all)"),
                "details": {"required": "compute capability 9.0", **({"gpu": old_card} if old_card else {})}}
    if g.get("cast"):
        # inductor's CompilationError cut before Triton's reason, its caret at a bare cast of a loaded value: the
        # fp8e4nv refusal of an fp8 (e4m3fn) model compiled on a pre-Ada card. An Ada / Hopper / Blackwell card
        # named beside it has fp8: not this.
        old_card = _pre_ada_card(ctx)
        if (_fact(ctx, "ada_gpu") or _fact(ctx, "hopper_gpu") or _fact(ctx, "gpu_model")) and not old_card:
            return None
        return {"title": ("torch.compile's Triton kernel stopped at a dtype cast (`" + g["cast"] + "`): most likely fp8 "
                          "(e4m3fn) weights compiled on " + (f"the {old_card}, " if old_card else "")
                          + "a GPU older than Ada (compute capability below 8.9), where Triton has no fp8e4nv"),
                "details": {"operation": "torch.compile cast " + g["cast"], **({"gpu": old_card} if old_card else {})}}
    if not g.get("lt"):
        return {}
    op = _fact(ctx, "fp8_op")
    cu11 = _fact(ctx, "cuda11_build")
    fp8_card = _fact(ctx, "ada_gpu") or _fact(ctx, "gpu_model") or _fact(ctx, "hopper_gpu")
    old_card = _pre_ada_card(ctx)
    if not op:
        # No fp8 operation in view: only a torch built for CUDA 11 named with no card tells the cause (the refusal in
        # ComfyUI and its node packs is their fp8 path; the CUDA 11 cuBLASLt has no fp8 kernels). A card named, old
        # (a bf16 or another dtype it lacks) or new, leaves it open.
        if not cu11 or fp8_card or old_card or _fact(ctx, "turing_gpu") or _fact(ctx, "old_nvidia_gpu"):
            return None
        op = "an fp8 matrix multiply (fp8 weights or a fast mode)"
    if cu11:
        return {"as": "torch.too-old",
                "cause": (f"The fp8 matrix multiply ({op}: torch._scaled_mm, which ComfyUI's `--fast fp8_matrix_mult` / "
                          "`fp8_e4m3fn_fast` and node packs' fp8 fast modes call) runs on cuBLASLt's fp8 kernels, which "
                          f"only CUDA 12 builds of torch carry. This torch is built for CUDA 11 ({cu11}), so cuBLASLt finds "
                          "no fp8 algorithm and answers `CUBLAS_STATUS_NOT_SUPPORTED` from cublasLtMatmulAlgoGetHeuristic, "
                          + (f"even on the {fp8_card}, which has fp8 tensor cores. " if fp8_card else "on any card. ")
                          + "The torch to install is a CUDA 12 one (cu124 or newer); the model files are fine."),
                "details": {"operation": op, "cuda": cu11, **({"gpu": fp8_card} if fp8_card else {})}}
    if fp8_card and not old_card:
        return None
    if old_card:
        return {"title": f"fp8 compute was asked of the {old_card}, which has no fp8 matrix multiply (compute capability below 8.9)",
                "details": {"operation": op, "gpu": old_card}}
    return {"title": ("cuBLASLt refused an fp8 matrix multiply: a GPU older than Ada (compute capability below 8.9), "
                      "or a torch built for CUDA 11"),
            "details": {"operation": op}}


def _jetson(ctx: dict[str, Any]) -> str:
    """A Jetson board named anywhere in the paste (Jetson, JetPack, L4T, tegra, an `nv24.08` torch build)."""
    return str(_near(ctx).get("jetson") or ctx.get("jetson") or "")


def _jetson_label(board: str) -> str:
    """` (Jetson AGX Orin)` for a headline: the board as the paste names it, or nothing where the paste names it only by
    its kernel, L4T or torch build (`tegra`, `.nv24.08`)."""
    return f" ({board})" if re.search(r"(?i)jetson|jetpack|\bTX2\b", board) else ""


def _arm64_linux(ctx: dict[str, Any]) -> str:
    """An ARM64 Linux machine named anywhere in the paste (`aarch64`, GH200 / GB200 / GB10 / DGX Spark, a Jetson),
    not a Mac (whose arm64 is Apple's)."""
    if _near(ctx).get("macos") or ctx.get("macos"):
        return ""
    return str(_near(ctx).get("arm64_linux") or ctx.get("arm64_linux") or _jetson(ctx))


@_interp("triton_platform")
def _triton_platform(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pip's `from versions: none` for triton is a Windows refusal unless the paste shows an ARM64 Linux machine
    (a GH200, a DGX Spark, a Jetson, `aarch64` in uname or a wheel tag), where Triton had no PyPI wheel either."""
    if g.get("req") and (machine := _arm64_linux(ctx)):
        return {"as": "triton.no-aarch64-wheel", "details": {"requirement": g["req"], "machine": machine}}
    return {}


@_interp("bnb_jetson")
def _bnb_jetson(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """bitsandbytes' `Error named symbol not found ... ops.cu` is the PyPI aarch64 (sbsa) wheel on a Jetson only
    where the paste names a Jetson; elsewhere (ZLUDA, an old self-built library on x86) it is another cause."""
    board = _jetson(ctx)
    if not board or _off_nvidia_anywhere(ctx):
        return None
    return {"details": {"board": board, "file": g.get("file", "")}}


@_interp("bnb_no_kernel")
def _bnb_no_kernel(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """bitsandbytes' own `Error no kernel image is available ... at line N in file ...ops.cu` (its CUDA_CHECK_RETURN):
    its CUDA library lacks kernels for this GPU. Not on an AMD (ZLUDA, ROCm), Intel or Mac setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    d = {"file": (g.get("file") or "")[-120:], "line": g.get("line", "")}
    if (g.get("err") or "").startswith("invalid device function"):
        return {"title": "bitsandbytes' CUDA library has no usable kernel for this GPU (invalid device function in its "
                         "ops.cu)", "details": d}
    return {"details": d}


@_interp("bnb_unavailable")
def _bnb_unavailable(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """bnb.unavailable: ``nvidia_only``; transformers' older wording names accelerate in the same check, and the
    quantizers' `No GPU found. A GPU is needed for quantization.` is the no-CUDA-GPU half by itself."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("nogpu"):
        return {"title": "transformers / diffusers found no CUDA GPU for a bitsandbytes quantization (torch sees no GPU)",
                "details": {"said": "No GPU found"}}
    if g.get("acc"):
        return {"title": "transformers finds bitsandbytes or accelerate unusable (no CUDA GPU, or not installed in this "
                         "Python)", "details": {"bits": g.get("bits", "")}}
    return {}


@_interp("jetson_lib")
def _jetson_lib(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A CUDA library missing at `import torch` on a Jetson: claimed only where the paste names a Jetson and
    PyTorch (a JetPack torch build, `import torch`, torch's own frames); another program's library is not this."""
    board = _jetson(ctx)
    near = _near(ctx)
    torch_said = (near.get("torch_named") or ctx.get("torch_named") or near.get("torch_path")
                  or re.search(r"[.+]nv2\d\.\d\d", board))
    if not board or not torch_said or _off_nvidia_anywhere(ctx):
        return None
    return {"details": {"library": g.get("lib", ""), "board": board}}


_KERNEL_VARIANT = re.compile(r"torch(?P<torch>\d{2,3})?-(?:cxx(?:11|98)-)?(?P<backend>cu\d{2,3}|rocm\d{1,3}|xpu\w{0,12}|metal|cpu|npu\w{0,8})"
                             r"-(?P<arch>x86_64|aarch64)-(?P<os>linux|darwin|windows)", re.I)


@_interp("kernels_variant")
def _kernels_variant(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A Hub kernel with no build for this torch/CUDA/system (the `kernels` package's refusal). Its NVIDIA fixes
    (another torch from the cu12x index, a kernel version with stable-ABI CUDA builds) do not apply on an AMD,
    Intel or Mac setup, nor to a build variant named for one (the manifest's ignore drops CANN/ROCm/XPU/Metal)."""
    m = _KERNEL_VARIANT.search(g.get("variant") or "")
    if m and m.group("backend").lower().startswith("cu") and m.group("os").lower() == "linux":
        # the variant names the system the loader asked for: a CUDA Linux one, so a `/users/` home path (an HPC
        # cluster's) does not make it a Mac; another vendor's GPU named beside it still does
        if _other_gpu(ctx):
            return None
    elif _off_nvidia_anywhere(ctx):
        return None
    repo = g.get("repo") or (f"{g['org']}/{g['name']}" if g.get("org") and g.get("name") else "")
    d: dict[str, Any] = {k: g[k] for k in ("repo", "torch", "built", "variant") if g.get(k)}
    if repo:
        d["repo"] = repo
    what = f"The Hub kernel {repo}" if repo else "The Hub kernel"
    if m and m.group("arch").lower() == "aarch64":
        # an ARM64 Linux machine (GH200, GB200, DGX Spark): most kernels are published for x86_64 only
        d["arch"] = "aarch64"
        return {"title": f"{what} has no build for this ARM64 machine ({g['variant']}): it was published for x86_64 "
                         "only, or not for this torch / CUDA", "details": d}
    if g.get("torch"):
        title = f"{what} has no build for torch {g['torch']}"
        if g.get("built"):
            title += f" (a build it lists is for torch {g['built']})"
    elif g.get("variant"):
        title = f"{what} has no build for this torch / CUDA ({g['variant']})"
    else:
        title = f"{what} has no build for this torch, CUDA or system"
    return {"title": title, "details": d}


@_interp("hub_kernel_attr")
def _hub_kernel_attr(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """diffusers' hub-kernel registry and the downloaded kernel disagree on a function name."""
    attr = g.get("attr", "")
    d = {k: g[k] for k in ("module", "attr") if g.get(k)}
    if not attr:
        return {"details": d}
    return {"title": f"diffusers' Hub attention backend asks the kernel for `{attr}`, which it does not have",
            "details": d}


@_interp("kernels_compat")
def _kernels_compat(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """transformers and the installed `kernels` release disagree: the range transformers named, or kernels 0.15's
    rule that every Hub kernel needs a version."""
    if g.get("lo") and g.get("hi"):
        lo, hi = g["lo"], g["hi"]
        return {"title": f"This transformers accepts only kernels {lo} <= version < {hi}, and the installed one is outside it",
                "fix": (f"Install a kernels release in that range: `python -m pip install \"kernels=={lo}\"`, or update "
                        "transformers to one that supports your kernels (`python -m pip install -U transformers`); if "
                        "nothing in your setup uses Hub kernels, drop `use_kernels=True` or `python -m pip uninstall kernels` "
                        "(Klein runs on PyTorch SDPA)"),
                "details": {"range": f"{lo} <= version < {hi}"}}
    return {"title": "kernels 0.15+ needs a version for every Hub kernel, and the code that asked names none",
            "fix": ("Update transformers (`python -m pip install -U transformers`: newer releases build their kernel "
                    "mapping only when kernels are used and name versions), or keep kernels below 0.15 "
                    "(`python -m pip install \"kernels<0.15\"`), or, if nothing in your setup uses Hub kernels, "
                    "`python -m pip uninstall kernels`; in your own code name one: "
                    "`get_kernel(\"kernels-community/flash-attn2\", version=1)`"),
            "details": {}}


def _fact(ctx: dict[str, Any], key: str) -> str:
    """A context fact near the hit or anywhere in the paste (a user's words about the setup often come after the
    error, below the 'near the hit' window); near wins, anywhere is the paste's last value."""
    return str(_near(ctx).get(key) or ctx.get(key) or "")


@_interp("torchao_mx_op")
def _torchao_mx_op(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torchao's NVFP4Tensor / MXTensor refusing an operation it does not implement: the op and the class go into the
    headline. Not claimed on a Mac or an AMD setup (NVFP4 / MX compute is NVIDIA Blackwell's)."""
    if _off_nvidia_anywhere(ctx):
        return None
    op = g.get("op") or g.get("op2") or ""
    cls = g.get("cls") or "NVFP4Tensor"
    title = (f"torchao's {cls} (NVFP4 / MX quantized weights) does not implement {op or 'an operation'} the model's code "
             "applied to it")
    return {"title": title, "details": {"tensor": cls, **({"operation": op} if op else {})}}


@_interp("mig_nvml")
def _mig_nvml(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch's caching allocator asserting `NVML_SUCCESS == r`: claimed where the paste names a MIG slice (NVML cannot
    answer for the parent GPU there). Without one the same assert has other causes (a Jetson's out-of-memory, an NVML
    left behind by a driver update): not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    mig = _fact(ctx, "mig")
    if not mig:
        return None
    return {"details": {"mig": mig[:60], "allocator_line": g.get("line") or ""}}


_SLOW_WHERE = (
    (re.compile(r"/mnt/[a-z]/", re.I), "a Windows drive read through WSL2's /mnt"),
    (re.compile(r"HDD|hard ?(?:drive|disk)|mechanical|spinning", re.I), "a hard disk"),
    (re.compile(r"external|USB", re.I), "an external or USB drive"),
    (re.compile(r".", re.S), "a network or cloud volume"),
)
_STORAGE_DOWNLOAD = re.compile(r"download|https?:|socket|connection|asyncio|proactor|aiohttp|\bssl\b|urllib|requests", re.I)


@_interp("slow_storage")
def _slow_storage(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """disk.slow-model-load: a user's words tying slow model loading to the storage it is read from. The headline
    names the kind of storage the words name; an AMD / Intel / Mac setup is not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("winmount"):
        # Docker Desktop on Windows with the models folder bind-mounted from a Windows path: every read of the mapped
        # model file crosses WSL2's file-sharing bridge, so a multi-GB load takes minutes and the log sits still
        mount = g["winmount"].strip()
        return {"title": ("Models load very slowly from a Windows folder bind-mounted into Docker Desktop: the run only "
                          "looks stuck while the file is read through WSL2's file sharing"),
                "details": {"mount": mount[:80], "said": (g.get("slow") or "").strip()[:40]},
                "cause": ("Docker Desktop on Windows runs containers inside WSL2. A `-v C:\\...:/...` (or `-v .\\models:/...`) "
                          "bind mount of a Windows folder is served to the container over the same file-sharing bridge as "
                          "/mnt/c in WSL2, and safetensors memory-maps the model and pages it in small pieces, each crossing "
                          "that bridge: a 10-20 GB diffusion model or text encoder takes many minutes to load the first "
                          "time, with no log line while it does (later runs are fast from the cache)."),
                "fix": ("Keep the models on the Linux side of WSL2 instead of a Windows folder: a named Docker volume "
                        "(`docker volume create comfy-models`, run with `-v comfy-models:/root/ComfyUI/models`, copy the "
                        "files in once with `docker cp`), or a folder inside the WSL2 distro mounted from a WSL shell "
                        "(`mkdir -p ~/models && cp -r /mnt/d/models/* ~/models/`, then `docker run ... -v "
                        "~/models:/root/ComfyUI/models ...` run in that shell). Where the files must stay in the Windows "
                        "folder, read each file in one go instead of mapping it: add `--disable-mmap` to ComfyUI's "
                        "arguments (this image: `-e CLI_ARGS=\"--disable-mmap\"`)")}
    storage = (g.get("storage") or "").strip()
    where = next(w for rx, w in _SLOW_WHERE if rx.search(storage))
    return {"title": f"Models load slowly from {where}: the storage is the bottleneck, not ComfyUI, diffusers or the model",
            "details": {"storage": storage[:60], "said": _SPACE.sub(" ", g.get("said") or "").strip()[:120]}}


@_interp("read_error")
def _read_error(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """disk.read-error: EIO or Windows' 1117 / 64 / 1006 on a line naming a model file. Error 64 from a socket or a
    download (asyncio's proactor, aiohttp) is the network, not a drive: not claimed; nor an AMD / Intel / Mac setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    code = g.get("win") or g.get("oswin") or ""
    line = (g.get("model") or "") + " " + (g.get("err") or "")
    if code == "64" and _STORAGE_DOWNLOAD.search(line):
        return None
    titles = {
        "64": "The network drive holding the model went away while it was read (Windows error 64, the network name is no longer available)",
        "1117": "An I/O device error while reading a model file (Windows error 1117): the drive failed or disconnected",
        "1006": "The drive holding the model changed under the open file (Windows error 1006): a network or USB drive reconnected",
    }
    title = titles.get(code, "An I/O error while reading a model file (errno 5): the drive or its mount failed, not the download")
    return {"title": title, "details": {"error": _SPACE.sub(" ", g.get("err") or "").strip()[:120]}}


_CLOUD_STACK = re.compile(
    r"\.(?:safetensors|sft|ckpt|pth?|bin|gguf|pkl|pickle|onnx|whl|pyd|dll)\b|site-packages|python_embedd?ed|[\\/]\.?venv[\\/]"
    r"|[\\/]envs[\\/]|\bpython\d{0,3}\.exe\b|comfy|[\\/]models?[\\/]|huggingface|diffusers|\btorch\b"
    r"|checkpoint|[\\/]uv[\\/]cache|\bpip\b|\buv\b|\bconda\b", re.I)
_CLOUD_MODEL = re.compile(r"\.(?:safetensors|sft|ckpt|pth?|bin|gguf|pkl|pickle|h5)\b|\btorch\b|checkpoint|\bmodels?\b|model_"
                          r"|safe_open|from_pretrained|huggingface|comfy", re.I)
_CLOUD_NAMES = {"362": "the cloud file provider is not running", "388": "the cloud file's network is unavailable",
                "389": "the cloud operation was unsuccessful", "395": "access to the cloud file is denied",
                "426": "the cloud operation timed out"}


@_interp("cloud_sync")
def _cloud_sync(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """storage.cloud-sync-folder: a cloud-sync client's failure on a file of the Klein stack (a model, a checkpoint, a
    Python environment's file). Each kind needs the stack in its own match: Windows' cloud-files errors (362 / 388 /
    389 / 395 / 426) on a model or environment path, Python's `[Errno 22] Invalid argument` on such a path inside a
    OneDrive / Dropbox / Google Drive / iCloud folder, conda's InvalidArchiveError into a synced folder, and an I/O error or short read after a model path on Colab's
    Google Drive mount. Another program's file (a backup tool's, a document) and a non-NVIDIA setup are not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("drive"):
        if not _CLOUD_MODEL.search((g.get("drive") or "") + (g.get("span") or "")):
            return None
        err = _SPACE.sub(" ", g.get("err") or "").strip()
        return {"title": "A model read from Google Drive mounted in Colab failed (" + err[:80] + "): the Drive mount "
                         "failed, not the model file",
                "details": {"path": (g.get("drive") or "").strip()[:160], "error": err[:120]}}
    path = g.get("path") or ""
    if g.get("cf") or g.get("cfos"):
        code = g.get("cf") or g.get("cfos") or ""
        if not _CLOUD_STACK.search(path + " " + (g.get("cfline") or "")):
            return None
        return {"title": f"Windows error {code} ({_CLOUD_NAMES.get(code, 'a cloud-files error')}): the file lies in a "
                         "OneDrive or other cloud-synced folder and its sync client could not provide it",
                "details": {"path": path[:160]}}
    if g.get("einval"):
        if not _CLOUD_STACK.search(path):
            return None
        cloud = g.get("cloud") or "cloud"
        return {"title": f"Python could not open a file in a {cloud} folder (Errno 22, Invalid argument): most likely an "
                         "online-only placeholder the sync client did not download",
                "details": {"path": path[:160]}}
    cloud = g.get("cloud") or "cloud"
    return {"title": f"conda could not unpack a package into an environment inside a {cloud} folder "
                     "(InvalidArchiveError): the sync client holds the files as they are written",
            "details": {"path": path[:160]}}


@_interp("fat32")
def _fat32(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """disk.fat32-file-too-large: EFBIG, or a user's words that a model would not fit on a USB / external drive that
    has room (or on a FAT32 one). An AMD / Intel / Mac setup is not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("efbig"):
        return {"title": "A file could not be written: `File too large` (errno 27), most likely a FAT32 drive (4 GB per file)"}
    return {"title": "The drive is most likely FAT32: it cannot hold a model file of 4 GB or more, however much room it has",
            "details": {"said": _SPACE.sub(" ", g.get("said") or "").strip()[:120]}}


@_interp("hf_lock")
def _hf_lock(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """hf.download-lock-wait: a download's lock failing to release inside hf_hub_download is the cache's filesystem
    (a network share without file locks), not a wait."""
    if g.get("lock_release"):
        return {"title": "huggingface_hub's download lock failed on the cache's filesystem: most likely a network share "
                         "(SMB/CIFS, NFS) without file locking"}
    return {}


@_interp("nvcc_old")
def _nvcc_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """cuda.nvcc-too-old-for-gpu. ``nvidia_only``; and nvcc's bare `Unsupported gpu architecture 'compute_XX'`
    (without `nvcc fatal` and the build's failure lines) only where the paste names PyTorch or a pip build and shows
    no CMake / make build: a torch extension's build, not another project's native one (llama.cpp, nvbandwidth)."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("bare"):
        near = _near(ctx)
        if near.get("native_build") or not (_torch_named_near(ctx) or near.get("pip_build_pkg")):
            return None
    arch = g.get("arch") or ""
    return {"details": {"architecture": arch}} if arch else {}


@_interp("pep668")
def _pep668(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """python.externally-managed. The marker's text names uv (`This Python installation is managed by uv and should
    not be modified.`): the refusing Python is one uv installed (uv python install, a launcher such as Stability
    Matrix that runs uv), not a Linux distribution's, and the fix is uv's venv, not apt's python3-venv."""
    if not g.get("uv"):
        return {}
    return {"title": "pip refused to install into a Python that uv installed and manages (externally managed, PEP 668)",
            "cause": ("The Python that pip was run with was installed by uv (`uv python install`, or a launcher that runs "
                      "uv such as Stability Matrix or comfy-cli) and carries uv's EXTERNALLY-MANAGED marker (PEP 668): "
                      "packages go into a virtual environment made from it, never into the base Python itself. A tool or "
                      "node installer that runs bare `python -m pip install` against that base Python is refused."),
            "fix": ("Install into the venv that runs ComfyUI, with that venv's own Python: `~/ComfyUI/.venv/bin/python -m pip "
                    "install <package>` (Windows: `.venv\\Scripts\\python.exe -m pip install <package>`) or `uv pip install "
                    "--python ~/ComfyUI/.venv <package>`; if ComfyUI runs from the base Python, make a venv first (`uv venv "
                    "--python 3.12 ~/ComfyUI/.venv`, then `uv pip install --python ~/ComfyUI/.venv -r "
                    "~/ComfyUI/requirements.txt`) and start ComfyUI with that venv's python; in a launcher use its own "
                    "package installer. Do not use --break-system-packages")}


@_interp("libcuda")
def _libcuda(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """triton.libcuda-not-found. Its Triton wordings keep the signature's text; the dynamic loader's message for the
    unversioned name alone (`libcuda.so: cannot open shared object file`) names no program: something asked for
    libcuda.so, the link the driver packages of some systems do not install beside libcuda.so.1. Not claimed on an
    AMD / Intel / Mac setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("ldconfig"):
        return _ldconfig_failed(g, ctx)
    if not g.get("bare"):
        return {}
    if ctx.get("wsl") or _near(ctx).get("wsl"):
        # under WSL 2 libcuda.so is there (/usr/lib/wsl/lib) but the loader cache lists only libcuda.so.1
        return {"as": "wsl.libcuda-so-unregistered"}
    return {"title": "A program could not load libcuda.so: the NVIDIA driver's library is there only as libcuda.so.1, or not at all",
            "cause": ("Some programs load the driver library by its unversioned name libcuda.so (Triton when it builds its "
                      "launcher, older bitsandbytes and other ctypes loaders, CUDA tools); torch itself asks for libcuda.so.1, "
                      "so torch can work while this fails. libcuda.so is a link to libcuda.so.1 that the driver packages of "
                      "some systems and container images do not install, or it is in a folder the linker cache does not "
                      "list. If no libcuda.so.1 exists either, the NVIDIA driver is not installed in this system (or the "
                      "container was started without the GPU)."),
            "fix": ("Find the driver's library: `ldconfig -p | grep libcuda` (or `find / -name 'libcuda.so*' 2>/dev/null`). "
                    "If only libcuda.so.1 is there, add the link in its folder and refresh the cache: `sudo ln -s libcuda.so.1 "
                    "/usr/lib/x86_64-linux-gnu/libcuda.so && sudo ldconfig` (use the folder found; WSL2: "
                    "`export LD_LIBRARY_PATH=/usr/lib/wsl/lib:$LD_LIBRARY_PATH`), or for Triton `export "
                    "TRITON_LIBCUDA_PATH=/usr/lib/x86_64-linux-gnu` (that folder). If there is no libcuda.so.1 at all, install "
                    "the NVIDIA driver (Ubuntu: `sudo ubuntu-drivers install`; Debian: `sudo apt install nvidia-driver`), or start "
                    "the container with the GPU (`docker run --gpus all ...`)")}


def _ldconfig_failed(g: dict[str, str], ctx: dict[str, Any]) -> dict[str, Any] | None:
    """triton.libcuda-not-found when the linker cache itself cannot be listed: torch.compile's inductor (through
    Triton's libcuda_dirs) runs `ldconfig -p`, or looks for /sbin/ldconfig, and gets an error. NixOS has no
    /etc/ld.so.cache (its driver libraries are in /run/opengl-driver/lib); a minimal image may lack ldconfig. Claimed
    only with torch.compile, inductor, Triton or torch in view."""
    near = _near(ctx)
    nix = near.get("nix_env") or ctx.get("nix_env")
    exe = g.get("pyexec") or ""
    if exe:
        # Python's own FileNotFoundError for the executable (`[Errno 2] No such file or directory: 'ldconfig'`): a
        # Python program ran ldconfig through subprocess and did not catch the failure, which in the GPU stack is
        # Triton's libcuda lookup (vLLM's library finder asks the same way); ctypes' find_library swallows it
        return _ldconfig_missing(exe, nix)
    if not any(near.get(k) or ctx.get(k) for k in ("compile_stack", "torch_path", "torch_named")):
        return None
    return {"title": "Triton could not list the linker cache (`ldconfig -p`) to find the NVIDIA driver's libcuda.so"
                     + (" (NixOS has none)" if nix else ""),
            "cause": ("torch.compile's inductor compiles its kernels with Triton, and Triton finds the driver's libcuda.so "
                      "by listing the linker cache with `ldconfig -p` (or /sbin/ldconfig). Here that command failed or does "
                      "not exist. NixOS has no /etc/ld.so.cache at all: its NVIDIA driver libraries are in "
                      "/run/opengl-driver/lib; a minimal container image may lack ldconfig or its cache."),
            "fix": ("Tell Triton where libcuda.so is, in the shell or service that runs Klein: NixOS `export "
                    "TRITON_LIBCUDA_PATH=/run/opengl-driver/lib` (a NixOS service: `systemd.services.<name>.environment."
                    "TRITON_LIBCUDA_PATH = \"/run/opengl-driver/lib\";`); elsewhere the folder that holds libcuda.so.1 "
                    "(`find / -name 'libcuda.so*' 2>/dev/null`, e.g. `export TRITON_LIBCUDA_PATH=/usr/lib/x86_64-linux-gnu`) "
                    "and, in a container, `ldconfig` run once as root; or run without torch.compile (ComfyUI: remove the "
                    "TorchCompileModel node)"),
            "details": {"ldconfig": _SPACE.sub(" ", g.get("ldconfig") or "")[:120], **({"nix": nix} if nix else {})}}


def _ldconfig_missing(exe: str, nix: str | None) -> dict[str, Any]:
    """triton.libcuda-not-found when ldconfig itself could not be started: by its bare name, ldconfig is not on this
    process's PATH (some Debian and cloud images, a conda or IDE environment started without /sbin and /usr/sbin);
    by its full path, /sbin/ldconfig does not exist (NixOS, some minimal images), so the folder must be named."""
    if "/" not in exe:
        return {"title": "Triton could not run `ldconfig` to find the NVIDIA driver's libcuda.so: ldconfig is not on PATH",
                "cause": ("Triton (used by SageAttention, torch.compile, Mamba-style and vLLM kernels) finds the driver's "
                          "libcuda.so by running `ldconfig -p`, looked up on PATH. ldconfig lives in /sbin (/usr/sbin), which "
                          "some Debian and cloud images (GCP / Vertex AI notebooks) and environments started from an IDE, a "
                          "conda shell or a service do not have on PATH, so Python fails with `[Errno 2] No such file or "
                          "directory: 'ldconfig'` before any kernel runs."),
                "fix": ("Put /sbin and /usr/sbin on PATH in the shell or service that runs Klein, then restart it (an IDE or "
                        "notebook kernel must be restarted to see the new PATH): `export PATH=$PATH:/sbin:/usr/sbin` and "
                        "check with `which ldconfig`; or tell Triton where libcuda.so is and skip ldconfig: "
                        "`export TRITON_LIBCUDA_PATH=/usr/lib/x86_64-linux-gnu` (the folder `find / -name 'libcuda.so*' "
                        "2>/dev/null` shows)"),
                "details": {"ldconfig": exe}}
    return {"title": f"Triton could not run {exe} to find the NVIDIA driver's libcuda.so" + (" (NixOS has none)" if nix else ""),
            "cause": ("Triton (used by SageAttention, torch.compile and other kernels) finds the driver's libcuda.so by "
                      f"running `{exe} -p`. That file does not exist here: NixOS has no /sbin/ldconfig and no linker cache "
                      "(its NVIDIA driver libraries are in /run/opengl-driver/lib); some minimal container images lack it too."),
            "fix": ("Tell Triton where libcuda.so is, in the shell or service that runs Klein: NixOS `export "
                    "TRITON_LIBCUDA_PATH=/run/opengl-driver/lib` (a NixOS service: `systemd.services.<name>.environment."
                    "TRITON_LIBCUDA_PATH = \"/run/opengl-driver/lib\";`); elsewhere the folder that holds libcuda.so.1 "
                    "(`find / -name 'libcuda.so*' 2>/dev/null`, e.g. `export TRITON_LIBCUDA_PATH=/usr/lib/x86_64-linux-gnu`)"),
            "details": {"ldconfig": exe, **({"nix": nix} if nix else {})}}


def _in_sandbox(ctx: dict[str, Any]) -> bool:
    """A sandbox (bwrap, Flatpak, firejail, a Snap) named in the paste, and no container runtime near the hit (a
    Podman or Docker container is its own answer)."""
    near = _near(ctx)
    return bool((near.get("sandbox") or ctx.get("sandbox")) and not near.get("container"))


@_interp("podman_nvml")
def _podman_nvml(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """podman.rootless-gpu-permissions: ``nvidia_only``; with a sandbox named instead of a container, NVML's
    `Insufficient Permissions` is that sandbox's device binding (bwrap's --bind after --dev): handed over."""
    if _off_nvidia_anywhere(ctx):
        return None
    if _in_sandbox(ctx):
        return {"as": "sandbox.gpu-devices-blocked"}
    if g.get("rootonly"):
        # the user's own words that the GPU works only as root / with sudo: the device files' group, not a container
        return {"title": "The GPU works only as root: this user may not open the NVIDIA device files (/dev/nvidia*)",
                "cause": ("torch, CUDA and nvidia-smi open /dev/nvidiactl, /dev/nvidia0..N and /dev/nvidia-uvm. Some "
                          "distributions (openSUSE, some Fedora and Gentoo setups) or a driver set to restricted device "
                          "files (NVreg_DeviceFileMode / NVreg_DeviceFileGID) make them readable only by root and one group, "
                          "usually video; a user outside that group, or a service running as its own user, finds no GPU "
                          "while root (sudo) does."),
                "fix": ("See who may open them: `ls -l /dev/nvidia*` (e.g. `crw-rw---- root video`) and `id`; add the user "
                        "to that group, `sudo usermod -aG video $USER`, and log out and in again (a new login gets the "
                        "group); a systemd service that runs ComfyUI or a diffusers server as its own user: "
                        "`sudo usermod -aG video <service user>` or `SupplementaryGroups=video` in the unit's [Service] "
                        "section, then `sudo systemctl restart <unit>`; check with "
                        "`python -c \"import torch; print(torch.cuda.is_available())\"` run as that user"),
                "details": {"said": _SPACE.sub(" ", g["rootonly"])[:120]}}
    return {}


@_interp("home_unwritable")
def _home_unwritable(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """docker.home-not-writable: caches under / (HOME=/ for a user id without a passwd entry, a DynamicUser unit);
    a path under /root named without the errno form is a service whose HOME is still /root while it runs as another
    user (an s6 or supervisord program, a unit with User= and an inherited HOME)."""
    if not g.get("rootdir"):
        return {}
    path = (g.get("path") or "").rstrip(".")
    return {"title": f"The service's HOME is /root, which the user it runs as may not write ({path})",
            "cause": ("Library caches and the Hugging Face token live under the home folder (~/.cache, ~/.huggingface, "
                      "~/.config). A service that runs as a non-root user but inherited HOME=/root (an s6 or supervisord "
                      "program in a container, a systemd unit with User= and no home of its own) writes them under /root, "
                      "which only root may: " + path + " is refused."),
            "details": {"path": path}}


_SANDBOX_KIND = (("flatpak", "Flatpak"), ("bwrap", "bubblewrap"), ("bubblewrap", "bubblewrap"), ("firejail", "firejail"),
                 ("snap", "Snap"), ("confinement", "Snap"))


@_interp("sandbox_gpu")
def _sandbox_gpu(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """sandbox.gpu-devices-blocked: the driver's or NVML's answer that it cannot reach the GPU, with a sandbox named
    in the paste (bwrap, Flatpak, firejail, a Snap). Without one the driver and Podman signatures answer; an AMD /
    Intel / Mac setup is not claimed."""
    if _off_nvidia_anywhere(ctx) or not _in_sandbox(ctx):
        return None
    near = _near(ctx)
    box = near.get("sandbox") or str(ctx.get("sandbox") or "")
    kind = next((name for key, name in _SANDBOX_KIND if key in box.lower()), "sandbox")
    seen = (g.get("nvml") or g.get("nodriver") or g.get("smi")
            or (f"{g.get('dev')}: {g.get('why')}" if g.get("dev") else ""))
    return {"title": f"The {kind} sandbox does not give the program the NVIDIA GPU's device files"
                     + (f" ({_SPACE.sub(' ', seen)})" if seen else ""),
            "details": {"sandbox": box[:60]}}


_STUB_EXE = re.compile(r"(?:^|[\\/])(?:python(?:3(?:\.\d{1,2})?t?)?|pypy3?(?:\.\d{1,2})?|uvx?|pip3?(?:\.\d{1,2})?|ptxas|nvcc|ninja|"
                       r"cuobjdump|nvdisasm|comfy(?:ui)?|comfy-cli)$|[\\/](?:site-packages|dist-packages|\.?venv|"
                       r"ComfyUI|comfyui|uv[\\/]python|\.pyenv|(?:mini|ana)conda\d?|miniforge\d?)[\\/]", re.I)


@_interp("execstack")
def _execstack(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.execstack-glibc: the loader's answer names who refused. `Invalid argument` is glibc 2.41+'s dlopen
    refusing to make the stack executable; `Permission denied` is a security policy (SELinux's execstack)."""
    lib = (g.get("lib") or "").replace("\\", "/").rsplit("/", 1)[-1]
    if (g.get("why") or "").lower().startswith("permission"):
        title = (f"{lib} asks for an executable stack and a security policy (SELinux execstack) refuses it"
                 if lib else None)
    else:
        title = (f"{lib} asks for an executable stack, which glibc 2.41 and newer refuse to give a loaded library"
                 if lib else None)
    out: dict[str, Any] = {"details": {"library": lib[:120], "refused_with": g.get("why") or ""}}
    if title:
        out["title"] = title
    return out


@_interp("wx_denied")
def _wx_denied(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.jit-memory-denied: oneDNN's `could not create a primitive` is claimed only where the paste names a
    W^X hardening (systemd's MemoryDenyWriteExecute, SELinux's deny_execmem or an execmem denial); alone it has
    other causes. An execmem denial of a Python process is claimed by itself."""
    if g.get("avc"):
        return {"title": "SELinux denies a Python process executable memory (execmem): torch's run-time generated "
                         "CPU kernels cannot be built"}
    wx = _fact(ctx, "wx_hardening")
    if not wx:
        return None
    return {"details": {"hardening": wx[:60]}}


@_interp("container_cuda_os")
def _container_cuda_os(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """docker.seccomp-blocks-cuda: CUDA error 304 claimed where the paste shows a container (a docker / podman
    command, a container prompt); elsewhere the refused OS call has other causes. Not on an AMD / Intel / Mac setup."""
    if _off_nvidia_anywhere(ctx) or not _fact(ctx, "container"):
        return None
    return {}


@_interp("stub_ld")
def _stub_ld(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """nix.stub-ld: NixOS's stub loader refused a generic Linux binary. Claimed when that binary is a Python, uv or
    pip, or lives in a venv, site-packages (a wheel's bundled ptxas), a conda / pyenv / uv Python or ComfyUI: the way
    the Klein stack is installed. Another program's binary (an agent, an editor's language server) is not claimed."""
    exe = (g.get("exe") or "").strip().strip("`'\".,")
    if not exe or not _STUB_EXE.search(exe):
        return None
    name = exe.replace("\\", "/").rsplit("/", 1)[-1]
    return {"title": f"NixOS cannot start {name}, a program built for generic Linux: nix-ld is not enabled",
            "details": {"executable": exe[:200]}}


_NIX_STACK = ("torch_path", "torch_named", "custom_node", "comfy_func")


@_interp("nix_libs")
def _nix_libs(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """nix.system-libs-missing: a system library a wheel needs is not found, with Nix in the paste and torch, ComfyUI
    or a Hugging Face library in view (named after the error, or torch's frames / `import torch` / a node pack's
    traceback before it). Another program's import on Nix (sentencepiece for llama.cpp, numpy in a data shell) and
    an AMD / Intel / Mac setup are not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    near = _near(ctx)
    nix = near.get("nix_env") or str(ctx.get("nix_env") or "")
    if not nix:
        return None
    if not (g.get("stack") or any(near.get(k) for k in _NIX_STACK)):
        return None
    lib = g.get("lib") or "a system library"
    return {"title": f"On NixOS a PyPI wheel of the Klein stack cannot find {lib}: nix-ld or LD_LIBRARY_PATH does not provide it",
            "details": {"library": lib, "nix": nix[:60]}}


@_interp("cuda_libs")
def _cuda_libs(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.cuda-libs-missing (the nvidia-* pip wheels of a CUDA torch). On a Jetson it is a JetPack library
    (torch.jetson-lib-missing). torch's lazy NVRTC load at run time (`Error in dlopen for library libnvrtc.so.12and
    libnvrtc-XXXXXXXX.so.12`) gets its own headline; with Nix in the paste the fix is the loader path of the process,
    not a pip reinstall. Not claimed on an AMD / Intel / Mac setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    if board := _jetson(ctx):
        return {"as": "torch.jetson-lib-missing", "details": {"library": g.get("lib", ""), "board": board}}
    near = _near(ctx)
    nix = near.get("nix_env") or str(ctx.get("nix_env") or "")
    lib = g.get("lib") or ""
    out: dict[str, Any] = {"details": {"library": lib}} if lib else {}
    if g.get("builtins"):
        # NVRTC's own words: another program's NVRTC (numba, CuPy) or libtorch inside another program (tch,
        # hasktorch, dorado) prints them too, and that program's bundled libraries are its own to fix.
        if _fact(ctx, "nvrtc_foreign") or _fact(ctx, "libtorch_cpp"):
            return None
        out["title"] = (f"CUDA's runtime compiler (NVRTC) could not open its builtins library {lib} when PyTorch "
                        "compiled a kernel at run time")
        out["cause"] = ("torch compiles some kernels only when they first run (TorchScript's fusers, jiterator ops, "
                        "cuDNN's runtime-compiled engines) with NVRTC, and NVRTC opens the builtins library of exactly "
                        "its own CUDA version by name (libnvrtc-builtins.so.13.0 for a CUDA 13.0 NVRTC). The copy beside "
                        "it is another CUDA version (a cu12 wheel or a system CUDA 12 next to a CUDA 13 NVRTC), "
                        "unversioned, or missing, so the first such kernel fails although import torch worked.")
        out["fix"] = ("Give NVRTC the builtins of its own version in the Python that runs Klein: reinstall torch with "
                      "its CUDA wheels (`python -m pip install --force-reinstall torch torchvision --index-url "
                      "https://download.pytorch.org/whl/cu128`, cu130 for a CUDA 13 torch; no `--no-deps`), which brings "
                      "the matching nvidia-cuda-nvrtc wheel, and `unset LD_LIBRARY_PATH` if it names another CUDA's "
                      "lib64; `python -m pip list | grep -i nvrtc` shows one nvidia-cuda-nvrtc of torch's CUDA line "
                      "(remove a stray one: `python -m pip uninstall nvidia-cuda-nvrtc-cu12` beside a cu130 torch)")
        return out
    if g.get("alt"):
        out["title"] = f"PyTorch could not load {lib} (CUDA's runtime compiler, NVRTC) when an operation compiled a kernel at run time"
        out["cause"] = ("torch loads NVRTC only when an operation compiles a kernel on the fly (jiterator ops, cuDNN's "
                        "runtime-compiled attention, a node's custom kernels), by name, through the loader. A pip torch "
                        "finds it in the nvidia-cuda-nvrtc wheel beside it; a torch packaged by a distribution or Nix, or "
                        "a pip torch without that wheel, needs its folder on the loader path.")
    if nix:
        out["fix"] = ("Put the folder that holds the library on LD_LIBRARY_PATH of the process that runs Klein: in a nix-shell "
                      "or flake dev shell `export LD_LIBRARY_PATH=${cudaPackages.cuda_nvrtc.lib}/lib:/run/opengl-driver/lib:"
                      "$LD_LIBRARY_PATH` (the cudaPackages set your torch was built with); for a NixOS service "
                      "`systemd.services.comfyui.environment.LD_LIBRARY_PATH = lib.makeLibraryPath [ cudaPackages.cuda_nvrtc ];`; "
                      "a pip torch in a venv on NixOS: `python -m pip install --force-reinstall torch --index-url "
                      "https://download.pytorch.org/whl/cu128` brings the nvidia-* wheels, with nix-ld enabled")
        out.setdefault("details", {})["nix"] = nix[:60]
    return out


@_interp("libcuda_wsl")
def _libcuda_wsl(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """wsl.libcuda-so-unregistered: reached from Triton's plain loader message where the paste names WSL, or from
    torch 2.1.0's driver_api.cpp assert (its dlopen of the unversioned libcuda.so). Outside WSL that assert means the
    same missing name (a container or driver package with libcuda.so.1 only), so it is claimed with words that fit."""
    if _off_nvidia_anywhere(ctx):
        return None
    if not g.get("driver_api"):
        return {}
    wsl = ctx.get("wsl") or _near(ctx).get("wsl")
    out: dict[str, Any] = {"title": ("PyTorch 2.1.0 cannot open libcuda.so (handle_0 INTERNAL ASSERT FAILED in c10/cuda/driver_api.cpp): "
                                     "upgrade to torch 2.1.1 or newer"),
                           "details": {"assert": g["driver_api"][:120]}}
    if not wsl:
        out["cause"] = ("PyTorch 2.1.0's c10 DriverAPI opens the driver library by its unversioned name libcuda.so, which "
                        "only a CUDA toolkit or a driver's development package installs; the driver itself provides "
                        "libcuda.so.1 (containers and some distributions have only that), so the assert fires although "
                        "the GPU and the driver are fine. torch 2.1.1 opens libcuda.so.1.")
        out["fix"] = ("Upgrade torch in the Python that runs Klein: `python -m pip install -U torch torchvision --index-url "
                      "https://download.pytorch.org/whl/cu128` (2.1.1 and later open libcuda.so.1). Where torch must stay at "
                      "2.1.0, add the link beside the driver's library: `ldconfig -p | grep libcuda`, then `sudo ln -s "
                      "libcuda.so.1 /usr/lib/x86_64-linux-gnu/libcuda.so && sudo ldconfig` (the folder found)")
    else:
        out["details"]["wsl"] = wsl
    return out


_MODEL_PROGRAM_FACTS = ("vram_mb", "torch_version", "comfyui_version", "device", "comfy_load", "torch_named",
                        "model_loader", "hf_loader", "pipeline_frame", "torch_path", "comfy_func",
                        "dynamic_vram")  # round 449: ComfyUI's dynamic VRAM (comfy-aimdo) named is ComfyUI's run


@_interp("wsl_memory")
def _wsl_memory(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """wsl.memory-limit: the WSL 2 VM's memory from .wslconfig (a [wsl2] memory= / swap= line, the words naming
    .wslconfig with one), claimed beside a model program (a ComfyUI log line, torch, a model file or node): WSL's own
    memory use pasted alone is not this. A user's words that a program detects or reports only half of the RAM are
    claimed as they are: natively every program sees all of it, on Windows WSL 2 (and Docker Desktop in it) halves
    it. Not on a Mac / AMD / Intel setup (Docker Desktop on a Mac has its own VM setting)."""
    if _off_nvidia_anywhere(ctx):
        return None
    near = _near(ctx)
    program = near.get("py_program") or any(ctx.get(k) for k in _MODEL_PROGRAM_FACTS)
    where = ctx.get("wsl") or near.get("wsl") or ctx.get("container") or near.get("container")
    if g.get("half"):  # a program reporting half of the RAM: natively every program sees all of it
        return {"title": "Only half of the RAM is seen: WSL 2 (and Docker Desktop in it) gets half of the Windows RAM unless .wslconfig says otherwise",
                "details": {"said": _SPACE.sub(" ", g["half"]).strip()[:120]}}
    if not program:
        return None
    key, amount = (g.get("key") or "").lower(), (g.get("amount") or "").replace(" ", "")
    d = {k: v for k, v in (("wslconfig", f"{key}={amount}" if key and amount else ""), ("wsl", where or "")) if v}
    return {"details": d}


def _stack_package(name: str, role: str) -> bool:
    """Whether pip's package `name` is one of the stack's for `role` in manifests/wheels.toml [stack_packages]
    (`built`, `free_threaded`): lower case, `_` read as `-`, a trailing `*` taking a suffix (`torch*`: torchvision)."""
    n = name.strip().lower().replace("_", "-")
    for p in _manifest_part("wheels", "stack_packages", {}).get(role) or []:
        p = str(p).strip().lower().replace("_", "-")
        if (re.fullmatch(re.escape(p[:-1]) + r"[\w.-]{0,40}", n) if p.endswith("*") else n == p):
            return True
    return False


@_interp("cxx_missing")
def _cxx_missing(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """python.cxx-compiler-missing. A bare line is claimed (the compiler is missing whatever is built), but not when
    pip's or setuptools' build lines name another program's package as the one being compiled (`Building wheel for
    ujson`, `building 'IcePy' extension`): that build is that program's, nor on an AMD / Intel / Mac setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    pkg = _near(ctx).get("pip_build_pkg") or str(ctx.get("pip_build_pkg") or "")
    if pkg and not _stack_package(pkg, "built"):
        return None
    out: dict[str, Any] = {"details": {"package": pkg}} if pkg else {}
    if g.get("ccmd"):  # setuptools found no C compiler at all (`command 'x86_64-linux-gnu-gcc' failed: No such file`)
        out["title"] = (f"A C/C++ extension is being compiled, and this system has no C compiler: `{g['ccmd']}` is not "
                        "installed (build-essential / gcc)")
        out.setdefault("details", {})["compiler"] = g["ccmd"]
    return out


@_interp("msvc_missing")
def _msvc_missing(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """python.msvc-missing. A bare line is claimed (no cl.exe whatever is built), and a build through torch's extension
    machinery (cpp_extension, CUDAExtension, a torch_extensions JIT folder, slangtorch) whatever its package;
    not another program's plain setuptools build that pip's lines name (`building 'insightface...' extension`, a
    Cython module), nor on an AMD / Intel / Mac setup. slangtorch's wording gets its vswhere detail."""
    if _off_nvidia_anywhere(ctx):
        return None
    pkg = _near(ctx).get("pip_build_pkg") or str(ctx.get("pip_build_pkg") or "")
    if pkg and not _stack_package(pkg, "built") and not _fact(ctx, "torch_ext_build"):
        return None
    out: dict[str, Any] = {"details": {"package": pkg}} if pkg else {}
    if g.get("vswhere"):
        out["title"] = ("A JIT-compiled extension (slangtorch's find_cl) looked for cl.exe in the Visual Studio that "
                        "`vswhere -latest` reports and found no C++ compiler there")
    return out


@_interp("triton_pin")
def _triton_pin(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """triton.unavailable's install-time wording: pip's dependency report that the Triton left in the environment is
    not the one this torch pins (Linux torch wheels require one exact triton; `torch 2.11.0 requires triton==3.6.0;
    platform_system == "Linux", but you have triton 3.5.1 which is incompatible`). An installer or node pack that
    pins Triton for another torch release does it. The headline names both versions; the fix installs the pinned
    one. The other wordings of the signature are unchanged. A ROCm torch pins pytorch-triton-rocm, which the
    pattern leaves out; on an AMD/Intel setup or a Mac the report is not claimed."""
    want, have, torchv = g.get("want"), g.get("have"), g.get("torchv")
    if not (want and have):
        return {}
    if _off_nvidia_anywhere(ctx):
        return None
    return {"title": f"pip left Triton {have} beside torch {torchv}, which requires triton=={want}",
            "cause": (f"Each Linux torch wheel pins the one Triton release its compiler was built with (torch {torchv}: "
                      f"triton=={want}). Something installed Triton {have} afterwards (an installer script, a node "
                      "pack's requirements or a command that pins Triton for another torch release), and pip only "
                      "reports the conflict. torch.compile and the Triton kernels of SageAttention and node packs then "
                      "fail with import errors from triton or `Cannot find a working triton installation`; Klein "
                      "itself does not need Triton."),
            "fix": (f"Put back the Triton this torch pins, in the same Python: `python -m pip install \"triton=={want}\"` "
                    f"(uv: `uv pip install \"triton=={want}\"`), then keep the installer from pinning Triton for another torch "
                    "(install the Triton that matches `python -c \"import torch; print(torch.__version__)\"`)"),
            "details": {"torch": torchv or "", "triton_installed": have, "triton_required": want}}


@_interp("msvc_env")
def _msvc_env(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.no-msvc's second wording: cl.exe ran but without the environment vcvarsall sets (INCLUDE / LIB), so a C
    or C++ standard header is missing (`fatal error C1083: Cannot open include file: 'algorithm'`). Claimed only
    beside torch.compile's own words (an inductor frame, a torchinductor path, triton-windows, a TorchCompile node):
    the same line from another program's build (nvcc in CI, a pip source build) is that program's. On an AMD/Intel
    setup or a Mac not claimed. The cl-not-found wordings are unchanged."""
    header = g.get("header")
    if not header:
        return {}
    near = _near(ctx)
    if not near.get("compile_stack") or _off_nvidia_anywhere(ctx):
        return None
    return {"title": f"torch.compile on Windows ran cl.exe without its Visual Studio environment: it cannot find `{header}`",
            "cause": (f"The C++ compiler cl.exe was found (on PATH, through CC, or by torch's / triton-windows' "
                      f"detection) but not the folders its environment names: `{header}` is a standard header of the "
                      "MSVC toolset or the Windows SDK, which vcvarsall.bat (the \"x64 Native Tools Command Prompt\") "
                      "puts on INCLUDE and LIB. Without them every build of torch.compile's inductor or Triton's launcher "
                      "stops at the first #include; it also happens when the Windows 10/11 SDK or the C++ workload is "
                      "not installed. Klein itself does not need torch.compile."),
            "fix": ("Set the compiler environment up before starting: in the console run `\"C:\\Program Files (x86)\\"
                    "Microsoft Visual Studio\\2022\\BuildTools\\VC\\Auxiliary\\Build\\vcvarsall.bat\" x64` (Community "
                    "edition: `C:\\Program Files\\Microsoft Visual Studio\\2022\\Community\\...`), then start ComfyUI from "
                    "that same console (portable: `run_nvidia_gpu.bat`); `echo %INCLUDE%` must list ...\\VC\\Tools\\MSVC\\"
                    "<version>\\include. If the header is still missing, open the Visual Studio Installer and add "
                    "\"Desktop development with C++\" with a Windows 11 (or 10) SDK. Or bypass the torch.compile node / "
                    "drop `torch.compile`: Klein runs without it"),
            "details": {"header": header}}


@_interp("msvc_language")
def _msvc_language(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.msvc-language-pack: torch's own refusal of a non-English cl.exe is claimed as it stands; a bare
    `UnicodeDecodeError: 'utf-8' codec can't decode byte` only beside inductor's words (InductorError, backend='inductor'
    raised, a torch/_inductor frame, _is_msvc_cl): elsewhere it is another program's decode (a build tool reading
    localized nmake output, a script reading a file). A Mac or Linux paste has no cl.exe: not claimed."""
    if g.get("langpack"):
        return {}
    near = _near(ctx)
    if not near.get("compile_stack") or near.get("macos"):
        return None
    byte, pos = g.get("byte", ""), g.get("pos", "")
    return {"title": (f"torch.compile on Windows could not read cl.exe's output (byte {byte} at position {pos} is not "
                      "UTF-8): a non-English Visual Studio compiler"),
            "details": {"byte": byte, "position": pos}}


def _torch_dlpack_float8(ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch's DLPack export refusing a float8 tensor (`float8 types are not supported by dlpack`, a RuntimeError, a
    BufferError from torch 2.9): a kernel package that takes torch tensors through DLPack was handed fp8 weights, which
    in the stack is ComfyUI's fp8 / mxfp8 kernel path on a torch before 2.10 (ComfyUI#12907: 2.9.1 fails, 2.10.0 works).
    The same words beside another program's bridge (flashinfer's tvm_ffi, CuPy, JAX: the dlpack_ffi context) or a
    third-party kernel library, or beside a torch 2.10+ startup line, are not this cause."""
    near = _near(ctx)
    if near.get("dlpack_ffi") or near.get("custom_kernel"):
        return None
    have = near.get("torch_version") or str(ctx.get("torch_version") or "")
    if have and not _version_below(have, "2.10"):
        return None
    torch_is = f"torch {have}" if have else "This torch"
    return {
        "title": f"{torch_is} cannot hand float8 tensors over through DLPack: the fp8 / mxfp8 kernels need a newer torch",
        "cause": ("The model's weights are float8 (an fp8, fp8 scaled / mixed or mxfp8 file) and the kernel code that "
                  "runs them takes torch tensors through DLPack, the zero-copy exchange format. DLPack only gained float8 "
                  "codes in its 1.1 release, and PyTorch exports float8 through it only in recent releases: older ones "
                  "refuse with `float8 types are not supported by dlpack` (RuntimeError, BufferError from torch 2.9). In "
                  "ComfyUI this shows with mxfp8 models on torch 2.9.1, while torch 2.10.0 runs them (ComfyUI#12907)."),
        "fix": ("Upgrade torch to 2.10 or newer in the Python that runs ComfyUI, from the CUDA index (ComfyUI's fp8/fp4 "
                "kernels want the CUDA 13.0 build; from PyPI on Windows you get a CPU build): `python -m pip install -U "
                "torch torchvision torchaudio --index-url https://download.pytorch.org/whl/cu130` (ComfyUI portable: "
                "`python_embeded\\python.exe -m pip install -U torch torchvision torchaudio --index-url "
                "https://download.pytorch.org/whl/cu130`), then check `python -c \"import torch; print(torch.__version__)\"`. "
                "Until then load the bf16 or plain fp8 file instead of the mxfp8 one (Klein: flux-2-klein-4b.safetensors "
                "or flux-2-klein-4b-fp8.safetensors)"),
        "details": {"torch": have, "needs": "torch>=2.10"} if have else {"needs": "torch>=2.10"},
    }


@functools.lru_cache(maxsize=1)
def _torch_attr_since() -> dict[str, tuple[str, str]]:
    """manifests/requirements.toml [[torch_attr]]: attribute -> (the part as code calls it, the torch release that added it)."""
    return {str(r["attr"]): (str(r.get("name") or r["attr"]), str(r["since"]))
            for r in _manifest_part("requirements", "torch_attr", []) if r.get("attr") and r.get("since")}


def _torch_mps_too_old(ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`module 'torch' has no attribute 'mps'`: the torch.mps module (Apple's GPU: torch.mps.empty_cache(),
    synchronize(), current_allocated_memory()) exists from torch 2.0, but `import torch` loads it only from torch 2.1
    (pytorch/pytorch#98837; on 2.0.x `torch.mps` is an AttributeError until `import torch.mps`). Code calls it after
    `torch.backends.mps.is_available()` (ComfyUI's soft_empty_cache, a demo's cleanup), so the words come from a Mac
    with an old torch far more often than from an NVIDIA machine: on a Mac the fix is PyPI's macOS wheel, with no Mac
    named both platforms' commands. An AMD/Intel GPU setup (another PyTorch build), a torch of 2.1 or newer named in
    the text, or torch's circular-import wording (`partially initialized module`, excluded by the pattern) is not
    claimed."""
    near = _near(ctx)
    if _other_gpu(ctx) or near.get("riscv") or near.get("vendor_accel") or _intel_setup(ctx.get("intel"), ctx):
        return None
    have = _fact(ctx, "torch_version")
    if have and not _version_below(have, "2.1"):
        return None
    torch_is = f"torch {have}" if have else "This torch"
    title = (f"{torch_is} is older than 2.1: `import torch` does not load `torch.mps` (the Apple GPU module), which "
             "the code calls")
    cause = ("`torch.mps` (torch.mps.empty_cache(), synchronize(), the MPS memory counters) exists from torch 2.0, but "
             "`import torch` loads it only from torch 2.1 (pytorch/pytorch#98837); on torch 2.0.x and older `torch.mps` "
             "raises `module 'torch' has no attribute 'mps'`. Code written for a current torch calls it after checking "
             "`torch.backends.mps.is_available()` (ComfyUI frees the MPS cache this way after each prompt), so the Python "
             "that runs it has a torch older than the code: a venv or app environment created with torch 2.0, or a "
             "python.org / Homebrew Python with an old `pip install torch`. Nothing is wrong with the model files.")
    if near.get("macos"):
        fix = ("Upgrade torch in the Python that runs it (PyPI's macOS wheels carry the MPS backend): "
               "`python3 -m pip install -U torch torchvision torchaudio` (in an app's venv, with its own python: "
               "`./venv/bin/python -m pip install -U torch torchvision torchaudio`; an Intel Mac gets torch 2.2.2 at most, "
               "which has it), then check: `python3 -c \"import torch; print(torch.__version__, "
               "torch.backends.mps.is_available())\"`")
    else:
        fix = ("Upgrade torch in the Python that runs it. On a Mac (where this code path runs), from PyPI: "
               "`python3 -m pip install -U torch torchvision torchaudio`; on Windows or Linux with an NVIDIA GPU, from the "
               "CUDA index (from PyPI on Windows you get a CPU build): `python -m pip install -U torch torchvision "
               "torchaudio --index-url https://download.pytorch.org/whl/cu128`. Then check: `python -c \"import torch; "
               "print(torch.__version__)\"` (2.1 or newer)")
    return {"title": title, "cause": cause, "fix": fix,
            "details": {"missing": "torch.mps", "since": "2.1", **({"torch": have} if have else {})}}


@_interp("torch_too_old")
def _torch_too_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """``nvidia_only`` for every wording of torch.too-old, and two that say more. A torch.compile setting the code
    sets and this torch does not define (torch's ConfigModule: `torch._dynamo.config.<name> does not exist`) gets a
    headline that names it and a fix that starts with the code that sets it: a node pack's newer release checks for
    the setting first, and when the torch is the newest one (a setting renamed or dropped), only the node's update
    helps. Python's `'Stream' object does not support the context manager protocol` is torch's only where the
    stack's own code entered a CUDA stream (ComfyUI's async weight offloading: its flag, startup line or frames, the
    stream_user context). torch.cuda.Stream is a context manager from torch 2.7; beside a torch 2.7+ startup line,
    or with no stream-using frame of the stack near (an OpenAI or Anthropic client's own Stream object), the words
    are not this cause. `module 'torch' has no attribute 'mps'` (torch.mps, which `import torch` loads only from
    torch 2.1) is answered by ``_torch_mps_too_old``, also on a Mac, where that code path runs."""
    if g.get("tmps"):
        return _torch_mps_too_old(ctx)
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("lt"):
        # handed over by gpu.no-fp8 (no_fp8): cuBLASLt's bare fp8 refusal beside a torch built for CUDA 11
        cu11 = _fact(ctx, "cuda11_build")
        return {"title": (f"This torch is built for CUDA 11{f' ({cu11})' if cu11 else ''}: its cuBLASLt has no fp8 "
                          "matrix multiply (torch._scaled_mm), so the fp8 / fast mode fails")}
    if g.get("dlpack"):
        return _torch_dlpack_float8(ctx)
    if g.get("tfneed"):
        need, have = g["tfneed"], g.get("tfhave") or ""
        return {"title": (f"torch {have} is older than the {need} this transformers needs: transformers switched its "
                          "PyTorch support off"),
                "cause": (f"Each transformers release names the oldest torch it supports and checks it on import; with an "
                          f"older one it prints `Disabling PyTorch because PyTorch >= {need} is required but found {have}` "
                          "and carries on without PyTorch, so no model class loads (the text encoder, `AutoModel`, "
                          "diffusers pipelines that need transformers report it missing). Usually transformers was "
                          "upgraded (by another package, a node pack or `pip install -U`) while torch stayed old, or a "
                          "second Python has the old torch. Nothing is wrong with the model files."),
                "fix": (f"Upgrade torch to {need} or newer in the Python that runs it, from the CUDA index (from PyPI on "
                        "Windows you get a CPU build): `python -m pip install -U torch torchvision torchaudio --index-url "
                        "https://download.pytorch.org/whl/cu128` (ComfyUI portable: `python_embeded\\python.exe -m pip "
                        "install -U torch torchvision torchaudio --index-url https://download.pytorch.org/whl/cu128`; an "
                        "old driver needs the cuXXX its driver supports, e.g. whl/cu118). Klein's Qwen3 encoder needs "
                        f"transformers {_klein_min('transformers')} or newer, so for Klein move torch, not transformers; a project that cannot "
                        "move torch keeps the older transformers its requirements pin, in its own environment"),
                "details": {"needs": need, "torch": have}}
    cfg = g.get("cfg")
    if cfg:
        setting = f"{g.get('cfgmod') or 'torch._dynamo.config'}.{cfg}"
        return {"title": f"This torch has no torch.compile setting `{setting}`: the code that sets it was written for "
                         "another torch release",
                "cause": (f"torch.compile's settings (`torch._dynamo.config`, `torch._inductor.config`) are a fixed list in each "
                          f"torch release, and setting or reading one the release does not define raises `{setting} does not "
                          "exist`. Node packs and projects set such settings to speed up or steady compilation; this one "
                          "came with a newer torch than the one in this Python (most often), or a newer torch renamed or "
                          "dropped it. Nothing is wrong with the model files."),
                "fix": ("See which torch runs it: `python -c \"import torch; print(torch.__version__)\"` (ComfyUI portable: "
                        "`python_embeded\\python.exe -c ...`). Update the node pack or project that sets it (ComfyUI Manager's "
                        "update, or `git pull` in its custom_nodes folder): current releases check that the setting exists "
                        "first. If it asks for a newer torch, upgrade torch from the CUDA index: `python -m pip install -U "
                        "torch torchvision torchaudio --index-url https://download.pytorch.org/whl/cu128`. Turning the node's "
                        "torch.compile option off also avoids it"),
                "details": {"setting": setting}}
    if g.get("kop"):
        # comfy-kitchen (ComfyUI's fp8/fp4 kernels, imported at startup) registers its ops with
        # torch.library.custom_op, whose schema inference takes its `list[int]` annotations only from torch 2.7 (and
        # custom_op itself only from 2.4): the traceback stops in torch/_library/custom_ops.py under its decorator
        op = g["kop"]
        return {"title": (f"comfy-kitchen could not register its `{op}` op: this torch is older than the 2.7 that "
                          "comfy-kitchen (imported by ComfyUI at startup) needs"),
                "details": {"op": f"comfy_kitchen::{op}", "needs": "2.7"}}
    part = _torch_attr_since().get(g.get("attr") or "")
    if part:
        # `module 'torch...' has no attribute NAME` for a part torch added in a known release: the headline names it
        # and that release; beside ComfyUI's `pytorch version:` line of that release or newer the attribute exists,
        # so the words mean something else (a broken or shadowed torch): not claimed
        name, since = part
        have = _fact(ctx, "torch_version")
        if have and not _version_below(have, since):
            return None
        torch_is = f"torch {have}" if have else "The installed torch"
        return {"title": f"{torch_is} has no `{name}`, which arrived in torch {since}: PyTorch is older than the code calling it",
                "details": {"missing": name, "since": since, **({"torch": have} if have else {})}}
    if not g.get("stream"):
        return {}
    near = _near(ctx)
    if not near.get("stream_user"):
        return None
    have = near.get("torch_version") or str(ctx.get("torch_version") or "")
    if have and not _version_below(have, "2.7"):
        return None
    torch_is = f"torch {have}" if have else "The installed torch"
    return {
        "title": (f"{torch_is} is older than 2.7: its CUDA Stream cannot be entered with `with`, as ComfyUI's "
                  "async weight offloading does"),
        "cause": ("ComfyUI's asynchronous weight offloading (`--async-offload`, on by default in later releases; the "
                  "startup line `Using async weight offloading with N streams`) moves weights on a CUDA stream of its "
                  "own and, in releases from late 2025, enters it with `with stream:` (comfy/model_management.py "
                  "cast_to). A `torch.cuda.Stream` works as a context manager only from torch 2.7, so on an older torch "
                  "Python stops with `'Stream' object does not support the context manager protocol` in whichever node "
                  "first moves weights (VAE Encode, KSampler, a text encoder). ComfyUI later wrapped the stream for older "
                  "torch (PR #10958) and asks for a current torch (PR #10618)."),
        "fix": ("Upgrade torch to 2.7 or newer in the Python that runs ComfyUI, from the CUDA index (from PyPI on "
                "Windows you get a CPU build): `python -m pip install -U torch torchvision torchaudio --index-url "
                "https://download.pytorch.org/whl/cu128` (ComfyUI portable: `python_embeded\\python.exe -m pip install "
                "-U torch torchvision torchaudio --index-url https://download.pytorch.org/whl/cu128`). Or update ComfyUI "
                "(`git pull` in its folder, or update\\update_comfyui.bat in the portable build), whose later releases "
                "work on older torch; until then leave `--async-offload` off the launch line if you added it."),
        "details": {"torch": have} if have else {},
    }


@_interp("no_driver")
def _no_driver(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """``nvidia_only``, and one more case: torch's plain `Found no NVIDIA driver` in a paste that shows ComfyUI in
    CPU mode (run_cpu.bat, `main.py --cpu`, its `Set vram state to: DISABLED` / `Device: cpu` startup lines).
    ComfyUI in CPU mode never asks torch for CUDA, so the message comes from a custom node forcing CUDA on a machine
    that runs on the CPU, not from a missing driver. A GPU launch in the same paste (run_nvidia_gpu.bat, the
    get_torch_device startup frame) keeps the claim; so do the driver's own messages (nvidia-smi, NVRM, modprobe).
    With a sandbox named in the paste (Flatpak, bubblewrap, a Snap), torch's plain message and nvidia-smi's are the
    sandbox hiding the device files: handed to sandbox.gpu-devices-blocked. Secure Boot refusing the module (modprobe's
    `Key was rejected by service`, the kernel's `Loading of unsigned module is rejected`, NVIDIA's installer's own
    wordings, or its generic `Unable to load the kernel module 'nvidia.ko'` with Secure Boot named) gets a headline
    and a signing fix of its own; the kernel's line names no module, so it counts only beside the NVIDIA module's
    file (the nvidia_kmod fact). In a paste that names a hosted notebook (Colab, Kaggle: the notebook_host fact) torch's
    plain message and nvidia-smi's failure mean the notebook runs on a CPU runtime: handed to notebook.no-gpu-runtime,
    even where the user names their own Mac or AMD card (the code runs on the notebook's machine, not theirs)."""
    if _fact(ctx, "notebook_host") and not any(v for k, v in g.items() if k != "smi"):
        return {"as": "notebook.no-gpu-runtime", "details": {"notebook": _fact(ctx, "notebook_host")[:60]}}
    if _off_nvidia_anywhere(ctx):
        return None
    if _in_sandbox(ctx) and not any(v for k, v in g.items() if k != "smi"):
        return {"as": "sandbox.gpu-devices-blocked"}
    if not any(g.values()) and _no_nvidia_stated(ctx):
        # torch's plain message where the paste says the machine has no NVIDIA GPU at all (`it fails due to no Nvidia
        # GPU`, an Intel iGPU it wants to use): a CUDA build on the wrong hardware, not a driver to install
        return None
    if ctx.get("comfy_cpu_mode") and not ctx.get("comfy_gpu_launch") and not any(g.values()):
        return None
    if g.get("ctk") and ctx.get("wsl"):
        # the container toolkit under WSL / Docker Desktop loads the Windows driver's libnvidia-ml from WSL's
        # /usr/lib/wsl/lib: missing there means WSL gives no GPU (WSL 1, Windows too old), not a host without a driver
        return {"as": "wsl.gpu-unavailable"}
    if g.get("smi") and (ctx.get("wsl") or ctx.get("wsl1_kernel") or _near(ctx).get("wsl")):
        # nvidia-smi inside WSL is the Windows driver's, mapped into /usr/lib/wsl/lib: no Linux driver to install there
        # (one installed inside WSL only hides it); failing means this WSL gets no GPU from Windows
        return {"as": "wsl.gpu-unavailable"}
    if g.get("sb_unsigned") and not _fact(ctx, "nvidia_kmod"):
        # the kernel's line names no module: only beside the NVIDIA module's file is it the NVIDIA driver
        return None
    if (g.get("sb_unsigned") or g.get("sb_trust") or g.get("sb_load") or g.get("sb_mod")
            or (g.get("inst_load") and _fact(ctx, "secure_boot"))):
        return {"title": ("Secure Boot refused the NVIDIA kernel module (not signed with a key this kernel trusts): "
                          "no NVIDIA driver is loaded"),
                "fix": ("Check `mokutil --sb-state`. With Secure Boot on, the module must be signed with a key the kernel "
                        "trusts: distribution packages do it for you (Ubuntu: `sudo ubuntu-drivers install`, which signs "
                        "the DKMS module and asks for a one-time MOK password; enroll the key in the blue MOK Manager "
                        "screen at the next boot; Fedora / RPM Fusion: `sudo kmodgenca -a && sudo mokutil --import "
                        "/etc/pki/akmods/certs/public_key.der`, reboot and enroll, then `sudo akmods --force`). NVIDIA's "
                        ".run installer: answer `Sign the kernel module` (or pass `--module-signing-secret-key` / "
                        "`--module-signing-public-key`) and enroll that public key with `sudo mokutil --import`. A GPU "
                        "Operator / driver container: use the precompiled, signed driver images or sign the modules "
                        "with a key enrolled on the node. Or turn Secure Boot off in the firmware. Reboot, then "
                        "`nvidia-smi` must list the GPU")}
    if g.get("inst_load"):
        return {"title": "NVIDIA's installer built its kernel module but could not load it: no NVIDIA driver is loaded"}
    return {}


@functools.lru_cache(maxsize=1)
def _stdlib_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(module -> the Python release that removed it, module -> its PyPI backport), from manifests/requirements.toml."""
    removed = {str(m): str(r.get("removed_in")) for r in _manifest_part("requirements", "stdlib_removed", [])
               for m in r.get("modules") or []}
    backports = {str(k): str(v) for k, v in _manifest_part("requirements", "stdlib_backports", {}).items() if k != "source"}
    return removed, backports


@_interp("stdlib_removed")
def _stdlib_removed(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """An import of a standard-library module that Python 3.12 (imp, asyncore, asynchat, smtpd) or 3.13 (PEP 594's
    dead batteries: audioop, imghdr, cgi, pipes, telnetlib ...) removed. The module's name says which Python removed
    it and whether a PyPI backport brings it back. Not claimed on an AMD / Intel / Mac setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    mod = g.get("module") or ""
    removed, backports = _stdlib_tables()
    ver = removed.get(mod.removeprefix("py") if mod == "pyaudioop" else mod, "3.13")
    if mod == "pyaudioop":
        title = "pydub's fallback for `audioop` is missing: Python 3.13 removed `audioop` from the standard library"
    else:
        title = f"`{mod}` is no longer in Python's standard library: Python {ver} removed it"
    out: dict[str, Any] = {"title": title, "details": {"module": mod, "removed in": f"Python {ver}"}}
    if mod in backports:
        pkg = backports[mod]
        out["fix"] = (f"Install the backport into the Python that runs it: `python -m pip install {pkg}` (ComfyUI portable: "
                      f"`python_embeded\\python.exe -m pip install {pkg}`), then restart; or update the package that imports "
                      f"`{mod.removeprefix('py') if mod == 'pyaudioop' else mod}` to a release that no longer needs it")
    return out


# the parts of the stack whose imports or downloads such a Python breaks, as context facts seen near the hit
_STDLIB_EXT_STACK = ("stdlib_ext_stack", "custom_node", "comfy_place", "comfy_func", "other_webui", "sd_ui_fork",
                     "stack_loader_frame", "torch_path", "torch_named", "diffusers_named", "hf_loader", "pipeline_frame")


@_interp("stdlib_ext")
def _stdlib_ext(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A standard-library extension module (_lzma, _bz2, _ctypes, _ssl, _hashlib, _sqlite3) missing from the Python
    that runs the stack: a Python compiled without the library's headers, or on Windows one whose DLLs are not on
    the search path (an unactivated conda env). Claimed only with the stack in view and not on a Mac or another
    vendor's GPU: the same bare error from any other program's Python is that program's environment."""
    near = _near(ctx)
    if _off_nvidia(ctx) or not any(near.get(k) for k in _STDLIB_EXT_STACK):
        return None
    if g.get("ssl"):
        mod = "_ssl"
    elif g.get("built"):
        mod = "_" + g["built"]
    else:
        mod = g.get("dll") or g.get("mod") or "_ssl"
    rows = {str(r.get("module")): r for r in _manifest_part("requirements", "stdlib_ext", [])}
    row = rows.get(mod) or rows.get("_ssl") or {}
    lib, deb, rpm, pub = (str(row.get(k) or "?") for k in ("library", "debian", "fedora", "imports_as"))
    details = {"module": mod, "library": lib}
    if g.get("dll") or near.get("conda_env_path"):
        return {"title": (f"The Python that runs the stack cannot load its {mod} extension's DLLs ({lib}): a conda env's "
                          "Python started without activating the env, or a Python copied without its DLLs"),
                "details": details}
    if mod in ("_ssl", "_hashlib"):
        title = ("The Python that runs the stack has no ssl module (it was built without OpenSSL): pip and Hugging Face "
                 "downloads cannot use HTTPS")
    else:
        title = (f"The Python that runs the stack was built without `{mod}` ({lib} was missing when it was compiled): "
                 f"`import {pub}` fails")
    details["install first"] = f"{deb} (Fedora/RHEL: {rpm})"
    return {"title": title, "details": details}


@_interp("py_too_old")
def _py_too_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Code or a package newer than the Python that runs it: `X | None` annotations (3.10), built-in generics such as
    `set[str]` (3.9), or pip's Requires-Python refusal, claimed only where the Python named is below the one required.
    Not claimed on an AMD / Intel / Mac setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    have, need = g.get("have"), g.get("need")
    if have and need:
        if not _version_below(have, need):
            return None  # the Python is new enough for the lower bound: the refusal is another bound's, not this cause
        return {"title": f"This Python ({have}) is older than the Python {need} the package requires",
                "details": {"python": have, "requires": f">={need}"}}
    if g.get("left"):
        return {"title": "The Python that runs it is older than 3.10: `X | None` annotations fail"}
    if g.get("annot"):
        return {"title": "This Python is older than 3.9: built-in generics in annotations (`set[str]`, `dict[str, int]`) fail",
                "details": {"annotation": g["annot"].strip()[:120]}}
    return {}


_STACK_BINARY = re.compile(
    r"(?:^|[\\/])(?:torch|triton|flash_attn\w{0,20}|xformers|sageattention|bitsandbytes|safetensors|tokenizers|hf_xet|numpy)(?:[\\/.]|$)"
    r"|(?:^|[\\/])(?:lib(?:torch\w{0,20}|c10\w{0,12}|shm|triton)\.so|python[\d.]{0,5}|libpython[\d.]{1,6}\.so[\d.]{0,8})\s*$", re.I)


def _torch_elsewhere(ctx: dict[str, Any]) -> bool:
    """The paste is about a torch outside the Python stack: R's torch package (mlverse: liblantern, `restart your R
    session`, install_torch()) or the C++ LibTorch zip from download.pytorch.org/libtorch/. Their loader errors name
    libtorch_cpu.so like the wheel's, but their builds and fixes are R's and the C++ download's."""
    return bool(_fact(ctx, "r_torch") or _fact(ctx, "libtorch_cpp"))


def _foreign_binary(by: str | None) -> bool:
    """The loader named the binary that needs the newer runtime (`required by ...`) and it is not one of the Klein
    stack's (torch, Triton, flash-attn, xformers, SageAttention, bitsandbytes, the Python runtime): another
    program's own compiled module, whose build is that program's to fix."""
    return bool(by and by.strip() and not _STACK_BINARY.search(by.strip()))


@_interp("libstdcxx")
def _libstdcxx(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A libstdc++ too old for a compiled package: claimed for the stack's binaries or where none is named. R's torch
    package (liblantern) and the C++ LibTorch download carry their own builds and fixes: not claimed."""
    if _off_nvidia_anywhere(ctx) or _foreign_binary(g.get("by")) or _torch_elsewhere(ctx):
        return None
    return {}


@_interp("conda_cuda_pin")
def _conda_cuda_pin(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """conda's PackagesNotFoundError for a cudatoolkit / pytorch-cuda pin: claimed where the paste is a PyTorch install
    (pytorch-cuda itself, or a cudatoolkit beside a PyTorch channel or pin). Not on a Mac (osx-64 / osx-arm64 channels
    have no CUDA package at all), nor for TensorFlow's or another program's cudatoolkit with no PyTorch named."""
    if _off_nvidia_anywhere(ctx) or _fact(ctx, "conda_osx"):
        return None
    pkg, op, ver = g.get("pkg") or "", g.get("op") or "", g.get("ver") or ""
    torch = _fact(ctx, "conda_torch_spec")
    if pkg == "cudatoolkit" and (not torch or (_fact(ctx, "other_framework") and "pytorch" not in torch.lower())):
        return None
    asked = f"{pkg}{op}{ver}" if ver else pkg
    out: dict[str, Any] = {"title": f"conda cannot install `{asked}` for PyTorch: the channels named have no such "
                                    "package for this platform", "details": {"missing": asked}}
    if op == "==" and ver.count(".") == 1:
        out["title"] = (f"conda cannot install `{asked}`: `==` asks for exactly {ver}, while the packages are "
                        f"{ver}.x (write `{pkg}={ver}`)")
    return out


@_interp("glibc_old")
def _glibc_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A binary built on a newer Linux than this one (GLIBC_2.xx not found): claimed for the stack's binaries or where
    none is named; the binary and the glibc version it needs go into the details."""
    by = (g.get("by") or "").strip()
    if _off_nvidia_anywhere(ctx) or _foreign_binary(by) or _torch_elsewhere(ctx):
        return None
    if not by and _foreign_wheel(_fact(ctx, "wheel_file")):
        return None  # no binary named, and the paste is about another program's wheel (vllm-..., a node's own build)
    details = {"needs": f"GLIBC_{g.get('ver')}"}
    if by:
        details["binary"] = by
    return {"details": details}


_STACK_WHEEL = re.compile(r"(?:torch|torchvision|torchaudio|triton|flash_attn\w{0,10}|xformers|sageattention|bitsandbytes|"
                          r"safetensors|tokenizers|hf_xet|numpy|nvidia_\w{1,40}|diffusers|transformers|comfy\w{0,20})-\d", re.I)


def _foreign_wheel(wheel: str) -> bool:
    """A wheel file named in the paste that is not one of the Klein stack's packages."""
    return bool(wheel) and not _STACK_WHEEL.match(wheel)


_MANYLINUX_TAG = re.compile(r"manylinux(?:_(\d{1,2})_(\d{1,2})|(2014|2010|1))_", re.I)
_MANYLINUX_LEGACY = {"2014": (2, 17), "2010": (2, 12), "1": (2, 5)}
# a wheel built for another accelerator's stack (ROCm, Hygon DCU's DTK/das builds, Intel XPU, Iluvatar CoreX)
_FOREIGN_ACCEL_WHEEL = re.compile(r"rocm|\+das\b|dtk\d|\+xpu|\+corex|iluvatar", re.I)
_DISTRO_GLIBC = ((re.compile(r"centos|\.el7\.", re.I), (2, 17)), (re.compile(r"ubuntu 18\.04", re.I), (2, 27)),
                 (re.compile(r"amazon linux 2", re.I), (2, 26)))


def _glibc_stated(value: str) -> tuple[int, int] | None:
    """The glibc a paste states (`ldd (GNU libc) 2.17`, `glibc 2.31`) or implies by its Linux release (CentOS 7)."""
    m = re.search(r"2\.(\d{1,2})\s*$", value)
    if m and not value.lower().startswith(("centos", "ubuntu", "amazon")):
        return 2, int(m.group(1))
    return next((v for rx, v in _DISTRO_GLIBC if rx.search(value)), None)


@_interp("manylinux_old")
def _manylinux_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pip's refusal of a manylinux-tagged wheel: the tag names the glibc it needs. Handed back to python.wheel-platform
    where a Python named in the paste is not the wheel's cpXY (the version is the mismatch) or the paste is on Windows
    or a Mac; to python.musl-libc on Alpine / musl; not claimed for a ROCm, DCU or other accelerator's build."""
    wheel, plat, pytag = g.get("wheel") or "", g.get("plat") or "", (g.get("pytag") or "").lower()
    tags = [(int(a), int(b)) if a else _MANYLINUX_LEGACY[c] for a, b, c in _MANYLINUX_TAG.findall(plat)]
    if not tags or _FOREIGN_ACCEL_WHEEL.search(wheel) or _off_nvidia_anywhere(ctx):
        return None
    if _fact(ctx, "windows_os") and "win_amd64" not in wheel.lower():
        return None  # a Linux wheel on Windows: the OS is the mismatch, python.wheel-platform says so
    py = re.search(r"3\.(\d{1,2})", _fact(ctx, "py_named"))
    if py and pytag.startswith("cp") and pytag != f"cp3{py.group(1)}":
        return None  # the wheel is for another Python version: python.wheel-platform's cause
    need = min(tags)
    details = {"wheel": wheel, "needs glibc": f"{need[0]}.{need[1]}"}
    if _fact(ctx, "musl_linux"):
        return {"as": "python.musl-libc", "details": {**details, "system": _fact(ctx, "musl_linux")},
                "title": f"{wheel} is a glibc (manylinux) wheel, and this Linux uses musl (Alpine): pip refuses it"}
    have = _glibc_stated(_fact(ctx, "glibc_have"))
    if have:
        details["this system's glibc"] = f"{have[0]}.{have[1]}"
        if have >= need:
            return {"title": (f"{wheel} needs glibc {need[0]}.{need[1]} and this system has {have[0]}.{have[1]}: "
                              "the pip that refused it is too old to know its manylinux tag"),
                    "details": details}
        return {"title": (f"{wheel} needs glibc {need[0]}.{need[1]} or newer (its manylinux tag); this system has "
                          f"glibc {have[0]}.{have[1]}"), "details": details}
    return {"title": f"{wheel} needs glibc {need[0]}.{need[1]} or newer (its manylinux tag): this Linux's glibc is older, or pip is",
            "details": details}


@_interp("musl")
def _musl(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """musl's loader refusing a glibc-built library: claimed for the stack's libraries (torch/, triton/, flash_attn
    ...); another program's library, or R's torch package, is not claimed."""
    lib = re.sub(r"\s+", "", g.get("lib") or "")
    if not lib or not _STACK_BINARY.search(lib) or _torch_elsewhere(ctx) or _off_nvidia_anywhere(ctx):
        return None
    details = {"library": lib}
    if g.get("sym"):
        details["missing symbol"] = g["sym"]
    if g.get("need"):
        details["missing loader"] = g["need"]
    return {"details": details}


@_interp("sage_old")
def _sage_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """An installed SageAttention too old for the node that asks for it, or the same found at install time: pip or uv
    asked for SageAttention 2 and the index has only 1.0.x. Not on a machine without an NVIDIA GPU."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("pypi"):
        offered = g["pypi"].strip().rstrip(",").split(",")[-1].strip()
        want = (g.get("want") or "").rstrip(",")
        return {"title": f"pip/uv found no SageAttention 2: the package index offers sageattention only up to {offered}",
                "cause": ("SageAttention 2.x is not installable from PyPI like an ordinary package: the index offers "
                          f"sageattention 1.0.x (here up to {offered}), so a requirement `sageattention{want or '>=2'}` "
                          "(an app's installer, a node pack's requirements) finds no version. 2.x comes as prebuilt wheels "
                          "made for one torch and CUDA, or is built from source against the installed torch."),
                "details": {"offered": offered, "required": want}}
    return {}


@_interp("cuda_malloc")
def _cuda_malloc(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`CUDA error: operation not supported` is cudaMallocAsync refusing on this GPU, except where nunchaku raised
    it: that engine's own kernels (4-bit tensor cores an old GPU lacks) or its harmless load-method fallbacks."""
    if _near(ctx).get("nunchaku") or ctx.get("nunchaku"):
        return None
    base = _nvidia_only(g, cat, ctx)
    if base is None:
        return None
    if g.get("asrt"):
        # c10/cuda/CUDAMallocAsyncAllocator.cpp checks its bookkeeping on the out-of-memory path of its malloc, before
        # it raises `Allocation on device ... would exceed allowed memory`: the assert replaces that OOM message, and
        # only the cudaMallocAsync backend has it; PyTorch's native allocator reports the same shortage plainly
        sig = cat.by_id("comfyui.cuda-malloc")
        return {"title": "The GPU ran out of memory under the cudaMallocAsync allocator ComfyUI uses by default, and "
                         "that allocator's own check failed (INTERNAL ASSERT in CUDAMallocAsyncAllocator.cpp)",
                "cause": ("ComfyUI starts PyTorch with the cudaMallocAsync allocator (`backend:cudaMallocAsync`). When "
                          "an allocation does not fit, that backend checks its own accounting (`free_upper_bound + "
                          "pytorch_used_bytes[device] <= device_total`) before raising its out-of-memory error; the "
                          "check failing means the memory the driver reports free and what the pool holds no longer "
                          "add up, so the run stops with an internal assert instead of a plain out-of-memory. "
                          "PyTorch's native allocator does not have this check and reports the shortage itself."),
                "fix": ((sig.fix if sig else "Start ComfyUI with `--disable-cuda-malloc`")  # type: ignore[union-attr]
                        + ". If the node then reports `CUDA out of memory`, lower what it needs: smaller tiles, "
                          "resolution, frames or batch, or start with `--lowvram`, and close other programs that use "
                          "the GPU. In your own script, remove `backend:cudaMallocAsync` from PYTORCH_CUDA_ALLOC_CONF"),
                "details": {"allocator": "cudaMallocAsync"}}
    tcc = ctx.get("tcc_mode") or _near(ctx).get("tcc_mode")
    if tcc:
        # Windows' TCC driver model has no CUDA memory pools (cuDeviceGetMemPool: CUDA_ERROR_NOT_SUPPORTED), which the
        # stream-ordered allocator needs: the same card works in WDDM mode or with ComfyUI's native allocator
        sig = cat.by_id("comfyui.cuda-malloc")
        return {"title": "This GPU runs in TCC driver mode, which has no memory pools for the cudaMallocAsync "
                         "allocator ComfyUI uses by default",
                "cause": ("On Windows a GPU in TCC (Tesla Compute Cluster) driver mode, the default for data-center "
                          "cards on Windows Server and what `nvidia-smi -dm 1` sets, offers no CUDA memory pools. "
                          "ComfyUI starts PyTorch with the cudaMallocAsync allocator (`backend:cudaMallocAsync`), which "
                          "needs them, so allocations fail with `CUDA error: operation not supported`, at startup or "
                          "in the first node that uses the GPU. The same card in WDDM mode, or with PyTorch's native "
                          "allocator, works."),
                "fix": ((sig.fix if sig else "Start ComfyUI with `--disable-cuda-malloc`")  # type: ignore[union-attr]
                        + ". Or, where the card can run in WDDM mode, switch it from an Administrator prompt: "
                          "`nvidia-smi -i 0 -dm 0` (0 = WDDM, 1 = TCC; -i picks the GPU), then reboot; data-center "
                          "cards (Tesla T4, P100, A100) often cannot leave TCC, so keep --disable-cuda-malloc there. "
                          "If you set PYTORCH_CUDA_ALLOC_CONF=backend:cudaMallocAsync yourself, remove it"),
                "details": {"driver_mode": str(tcc)[:40]}}
    return base


@_interp("alloc_conf")
def _alloc_conf(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """PyTorch refused the caching allocator's settings. An option it does not know is either newer than the
    installed torch (expandable_segments before 2.1) or a misspelling; the other messages name the bad value. On an
    AMD (ROCm) or Intel setup the variable and its options are that backend's: not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    opt = (g.get("opt") or "").strip().rstrip(".:,")
    if opt:
        if opt.lower() == "expandable_segments":
            return {"title": "This PyTorch is too old for the expandable_segments option in PYTORCH_CUDA_ALLOC_CONF",
                    "details": {"option": opt, "why": "expandable_segments exists from torch 2.1 on; upgrade torch or "
                                                      "remove the option from the variable"}}
        return {"details": {"option": opt, "why": "not an option this torch knows: check its spelling "
                                                  "(expandable_segments, max_split_size_mb, garbage_collection_threshold, "
                                                  "roundup_power2_divisions, backend) and the torch version"}}
    if g.get("tokenizer"):
        return {"details": {"why": "the value did not parse: write option:value pairs separated by commas "
                                   "(max_split_size_mb:512, not max_split_size_mb=512)"}}
    if g.get("boolval") is not None:
        return {"details": {"value": g.get("boolval"), "why": "expandable_segments takes True or False, capitalised; "
                                                              "options are separated by commas"}}
    if g.get("small"):
        return {"details": {"option": g.get("small"), "minimum": g.get("min")}}
    if g.get("gc"):
        return {"details": {"option": "garbage_collection_threshold", "why": "must be between 0.0 and 1.0 (e.g. 0.6)"}}
    if g.get("backend"):
        return {"details": {"option": "backend", "why": "the backend is native or cudaMallocAsync (that spelling)"}}
    return {}


@_interp("alloc_conf_deprecated")
def _alloc_conf_deprecated(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch's notice that PYTORCH_CUDA_ALLOC_CONF is the old name is harmless. It is explained when it is what the
    text is about; in a log that also holds a Python traceback, an import failure or a ComfyUI node's exception the
    notice is only a bystander of that error (ComfyUI prints it on every exit), so it is left out."""
    if _off_nvidia_anywhere(ctx) or _beside_an_error(ctx):
        return None
    return {}


def _beside_an_error(ctx: dict[str, Any]) -> bool:
    """The paste also holds a Python traceback, an import failure or a ComfyUI node's exception: a harmless notice
    printed on the way (torch's PYTORCH_CUDA_ALLOC_CONF rename, pynvml's FutureWarning) is only its bystander."""
    near = _near(ctx)
    return any(ctx.get(k) or near.get(k) for k in ("py_traceback", "import_raised", "node_exec"))


@_interp("pynvml_deprecated")
def _pynvml_deprecated(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The pynvml package's FutureWarning is harmless. It is explained when it is what the text is about; where the
    paste also holds a Python traceback, an import failure or a ComfyUI node's exception, torch printed it on import
    before that failure and it is only a bystander (a build script's refusal, another package's error), so it is
    left out, as the PYTORCH_CUDA_ALLOC_CONF notice is."""
    if _beside_an_error(ctx):
        return None
    return {}


_EXPANDABLE_WORD = re.compile(r"expandable[ _]?segments?|ExpandableSegment|cuMem(?:Create|Map|SetAccess)|dxgkio_make_resident",
                              re.I)


@_interp("expandable_wsl")
def _expandable_wsl(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A WSL2 GPU-paravirtualization refusal of expandable segments' memory mapping. `dxgkio_make_resident` is WSL's
    own kernel line; torch's `CUDA driver error:` is claimed only with WSL in the text and expandable segments (or
    their driver calls, or the residency line) named near it: a bare `device not ready` under WSL is also a TDR
    reset, and the same words elsewhere are other driver-API users."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("resident"):  # WSL's own GPU-paravirtualization driver (dxgkrnl) logs it: no other system has it
        return {"details": {"wsl_log": g.get("resident")}}
    near = _near(ctx)
    if not (near.get("wsl") or ctx.get("wsl")) or not near.get("expandable"):
        return None
    return {"details": {"driver_error": g.get("drv"), "expandable": near.get("expandable")}}


_COMPILED_IN_STACK = re.compile(r"(?:^|[\\/])(?:comfy|comfy_extras|custom_nodes|diffusers|transformers|nunchaku|"
                                r"ComfyUI[\w.-]{0,40})[\\/]", re.I)


@_interp("recompile_limit")
def _recompile_limit(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """dynamo gave up on a function of the stack (ComfyUI, a custom node, diffusers/transformers) after too many
    recompiles. The function that kept recompiling is named with its file: another program's own compiled code (an
    optimizer's, a trainer's) is that program's matter, and on a non-NVIDIA setup none of this applies."""
    if not _COMPILED_IN_STACK.search(g.get("where") or "") or _off_nvidia(ctx):
        return None
    return {"details": {"limit": g.get("limit"), "function": g.get("fn"), "where": g.get("where")}}


@_interp("cudagraph_overwritten")
def _cudagraph_overwritten(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.compile's CUDA graph trees caught a read of an output that a later replay reused: always torch's own
    check, whoever called the compiled function. The stack trace's first frame is where the output was made."""
    d: dict[str, Any] = {}
    if g.get("file"):
        d["produced_at"] = f"{g['file']}:{g.get('line', '?')} in {g.get('fn', '?')}"
    return {"details": d}


_CAPTURE_WHAT = {
    "operation not permitted when stream is capturing": "an operation the CUDA driver does not allow while a graph is being recorded",
    "capturing stream has unjoined work": "work on another CUDA stream that was not joined back before the recording ended",
    "operation failed due to a previous error during capture": "an earlier refused operation, which invalidated the recording",
    "operation would make the legacy stream depend on a capturing blocking stream": "work on the default (legacy) stream during the recording",
}


@_interp("cudagraph_capture")
def _cudagraph_capture(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A CUDA stream-capture error is torch.compile's only where the paste shows torch's side of it: torch's
    AcceleratorError (torch 2.8+), inductor's cudagraph trees or a CUDA-graph compile mode, or the compile stack.
    Another program's own graph runner (vLLM, ktransformers, lmdeploy, TensorRT, Warp, XLA, CUDA.jl) and a bare CUDA
    error line (a library's own torch.cuda.graph capture) are not claimed."""
    if _fact(ctx, "foreign_graph_runner") or _fact(ctx, "llm_engine") or _off_nvidia(ctx):
        return None
    if g.get("recording"):
        return {"title": "torch.compile's CUDA graph recording saw a tensor freed while recording that replay would still use",
                "details": {"what": "input tensor deallocated during recording"},
                "cause": "torch.compile's CUDA-graph modes (`reduce-overhead`, `max-autotune`) record the compiled "
                         "model's GPU work once and replay it afterwards, assuming every tensor lives as long in replay "
                         "as it did while recording. Here a tensor the graph reads was freed during the recording but "
                         "not in replay: training code that changes tensor lifetimes between calls (backward with "
                         "`retain_graph=True`, gradient surgery such as PCGrad, checkpointing), or compiled functions "
                         "called in a different order from one step to the next. It is a limit of torch's CUDA graph "
                         "trees, not an error of the model."}
    what = (g.get("what") or "").lower()
    if not (g.get("torch_err") or _fact(ctx, "cudagraph_tree") or _fact(ctx, "compile_stack")):
        return None
    return {"details": {"what": _CAPTURE_WHAT.get(what, what), "error": g.get("what") or ""}}


@_interp("cudagraphs_skipped")
def _cudagraphs_skipped(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """inductor's notice that it ran a compiled graph without CUDA graphs, with its reason. Not claimed inside another
    program's own graph runner (vLLM and the like print their own compile logs)."""
    if _fact(ctx, "foreign_graph_runner") or _off_nvidia(ctx):
        return None
    reason = (g.get("reason") or "").strip().rstrip(".")
    out: dict[str, Any] = {"details": {"reason": reason}}
    if reason:
        out["title"] = (f"torch.compile skipped CUDA graphs ({reason}): the model runs compiled, without the "
                        "CUDA-graph speed-up")
    return out


@_interp("hw_fault")
def _hw_fault(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A fault of the card itself. A launch failure just after the program said this GPU lacks the feature it runs
    (`FP4 is not available on this device`) is that program taking a path the GPU has no hardware for."""
    if _off_nvidia(ctx):
        return None
    if g.get("launch") and _near(ctx).get("gpu_lacks_feature"):
        return None
    if (g.get("launch") and _near(ctx).get("sage_kernel") and not _near(ctx).get("other_kernel_lib")
            and not _fact(ctx, "gpu_tuning")):
        return {"as": "sage.kernel-fault"}  # SageAttention's own kernel aborting where it runs, not the card
    if g.get("handle") and (_near(ctx).get("container") or ctx.get("container")):
        return None  # nvidia-smi failing only inside a container is the container's device access, not the card
    if g.get("handle") and _fact(ctx, "cc_mode"):
        return {"as": "gpu.confidential-mode"}  # a GPU in confidential-computing mode outside a confidential VM
    if _fact(ctx, "egpu") and (g.get("bus") or g.get("aer") or g.get("lost") or g.get("xid_code") == "79"):
        return {"as": "gpu.egpu-link-lost"}  # an external GPU's Thunderbolt/USB4/OCuLink link dropping, not the card
    if g.get("aer"):
        return {"title": "The GPU's PCIe link failed with an error the nvidia driver cannot recover (PCIe AER): the card is lost",
                "cause": ("The kernel's PCIe error reporting (AER) saw an uncorrectable error on the link to the GPU (a "
                          "completion timeout, a surprise link down, a malformed packet) and the nvidia driver has no PCIe "
                          "error handlers (`can't recover (no error_detected callback)`), so the link is reset and the GPU "
                          "stays lost until a reboot: a hung program, `Unable to determine the device handle`, Xid 79. The "
                          "usual causes are the link's hardware: a card not fully seated, a riser or extension cable, a "
                          "slot or lane pair that fails at Gen4/Gen5 speed, power delivery, or a failing card."),
                "fix": ("Reboot, then read the kernel log for the port and the card (`sudo dmesg | grep -iE 'aer|xid|pcieport'`). "
                        "Reseat the card and its power cables, remove any riser or PCIe extension cable (or replace it with "
                        "one rated for the slot's generation), and in the BIOS set that slot's link speed one generation "
                        "lower (PCIe Gen3 or Gen4 instead of Auto) to test; update the motherboard BIOS. If it keeps "
                        "failing in another slot or machine, the card is faulty; on a cluster, tell the admins which node "
                        "and slot.")}
    tuning = _fact(ctx, "gpu_tuning")
    if tuning and (g.get("launch") or g.get("power") or g.get("fans") or g.get("lost")):
        said = tuning[:40]
        return {"title": (f"The GPU failed under load with its clocks or voltage changed (`{said}`): the card is running "
                          "outside what it holds stably"),
                "cause": ("The paste names an overclock or undervolt. A clock offset or a voltage curve that passes games "
                          "and benchmarks can still fail under image generation, which holds the GPU at full load for "
                          "minutes with load steps at every sampling step: kernels abort (`unspecified launch failure`, "
                          "`illegal instruction`), the driver resets, or the whole PC reboots. The error stays until the "
                          "clocks are back at stock and the GPU has been reset (a reboot)."),
                "fix": ("Put the card back to stock and reboot: in MSI Afterburner (or EVGA Precision, ASUS GPU Tweak) press "
                        "Reset, delete the curve-editor undervolt and memory offsets, and turn off `Apply overclocking at "
                        "system startup`. Test the same workflow at stock clocks; if you want the tuning back, raise the "
                        "voltage or lower the offset in small steps and test each with a long generation. To rule the card "
                        "out, lock its clocks lower in an administrator prompt: `nvidia-smi -lgc 300,1800` (undo: "
                        "`nvidia-smi -rgc`)."),
                "details": {"tuning": said}}
    if g.get("illegal"):
        kernel = _near(ctx).get("custom_kernel")
        if kernel:
            return None  # a third-party kernel (Marlin, nunchaku, SageAttention, ...) faulting on this GPU: its own bug
        return {"title": "A GPU kernel hit an illegal instruction: most often a card running outside its stable clocks",
                "cause": ("`an illegal instruction was encountered` (cudaErrorIllegalInstruction) means the GPU executed an "
                          "instruction that is not valid. The stack's own kernels (PyTorch's sampling, attention and VAE "
                          "ops) are built and tested for every GPU they support, so when they fail this way, often at "
                          "random steps, the usual cause is the card computing wrongly: a factory or user overclock, an "
                          "undervolt curve, memory clocks set too high, or heat. A driver reinstall can hide it until the "
                          "next reboot."),
                "fix": ("Put the card back to stock clocks and test again: in MSI Afterburner (or the vendor's tool: EVGA "
                        "Precision, ASUS GPU Tweak) press Reset, remove undervolt curves and memory offsets, pick the "
                        "card's quiet/default BIOS mode. To confirm, lower the core clock by 100-200 MHz, or lock the clocks "
                        "in an administrator prompt: `nvidia-smi -lgc 300,1800` (undo: `nvidia-smi -rgc`). If it still "
                        "fails at stock clocks, check temperatures (`nvidia-smi -q -d TEMPERATURE,POWER -l 5`) and the power "
                        "supply, then try the card in another machine.")}
    if g.get("lost"):
        return {"title": "The GPU was lost (cudaErrorUnknown) under sustained load: most often power delivery",
                "cause": ("The CUDA context died with cudaErrorUnknown and the GPU dropped out until a reboot. When it comes "
                          "after minutes of full load (hundreds of calls, a long generation) and a lower power cap stops "
                          "it, the card is drawing load peaks its power path does not hold: a supply near its limit or "
                          "ageing, a split or daisy-chained PCIe cable, a loose 12V-2x6 plug, or clocks that are unstable "
                          "at full boost."),
                "fix": ("Cap the GPU's power and test again: in an administrator prompt `nvidia-smi -pl <watts>` (80-85 % of "
                        "the default limit that `nvidia-smi -q -d POWER` shows; MSI Afterburner's power-limit slider does "
                        "the same). If the cap stops it, give the card separate PCIe power cables or a native 12V-2x6 "
                        "cable, check that the supply's wattage covers the card plus ~300 W, and remove overclocks; a "
                        "card that still fails at a low cap is faulty.")}
    if g.get("fans"):
        return {"title": "The GPU crashed to a black screen with its fans at full speed under load: power delivery or cooling",
                "cause": ("A screen that goes black while the GPU's fans jump to full speed, during a generation and with "
                          "no error in the program, is the card itself stopping: its power delivery (the supply's load "
                          "peaks, a split or daisy-chained PCIe cable, a loose 12V-2x6 plug, the card's own voltage "
                          "regulators) or its cooling gave out, and the driver lost the GPU. Sampling holds the card at "
                          "full power for minutes, longer than most games, so it can fail here first."),
                "fix": ("Cap the GPU's power and test the same workflow: in an administrator prompt `nvidia-smi -pl <watts>` "
                        "(80-85 % of the default limit that `nvidia-smi -q -d POWER` shows; MSI Afterburner's power-limit "
                        "slider does the same) and watch `nvidia-smi -q -d TEMPERATURE,POWER -l 5`. If the cap stops it, "
                        "give the card separate PCIe power cables or a native 12V-2x6 cable, check that the supply covers "
                        "the card plus ~300 W, and remove overclocks; if a GPU stress test (FurMark, OCCT) crashes it the "
                        "same way at stock, the card is faulty.")}
    if g.get("power"):
        return {"title": "The computer switched itself off under the GPU's load: power supply or cooling",
                "cause": ("A whole PC that powers off (no error, no blue screen) while the GPU generates has tripped a "
                          "protection: the power supply's over-current or over-power protection at the GPU's load peaks "
                          "(a supply too small or ageing, a split or daisy-chained GPU power cable), or a thermal shutdown. "
                          "Image generation holds the GPU at full power for minutes, longer than most games do."),
                "fix": ("Cap the GPU's power and test again: `sudo nvidia-smi -pl 250` (Linux; Windows: an administrator "
                        "prompt, or the power-limit slider of MSI Afterburner at 70-80 %); watch temperatures with "
                        "`nvidia-smi -q -d TEMPERATURE,POWER -l 5`. If capping helps, check that the supply's wattage "
                        "covers the card (its rated board power plus ~300 W), give the card separate PCIe power cables, "
                        "or replace the supply; clean the card's cooler if it runs hot.")}
    return {}


@_interp("power_limit_rejected")
def _power_limit_rejected(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """nvidia-smi refusing `-pl`: its permissions (root; in a container the SYS_ADMIN capability), a value outside the
    board's Min/Max Power Limit, or a board that does not let software set it."""
    if g.get("range"):
        asked, lo, hi = g.get("asked") or "", g.get("min") or "", g.get("max") or ""
        return {"title": f"nvidia-smi refused a power limit of {asked} W: this GPU accepts {lo} W to {hi} W",
                "fix": (f"Pick a value from {lo} W to {hi} W and set it as root: `sudo nvidia-smi -pl {hi}` sets the "
                        f"maximum; a cap for stability is usually 80-85 % of the Default Power Limit that `nvidia-smi -q -d "
                        f"POWER` shows, never below {lo} W. To run slower than the minimum allows, lock the clocks instead: "
                        "`sudo nvidia-smi -lgc 300,1500` (undo: `sudo nvidia-smi -rgc`)."),
                "details": {"asked_w": asked, "min_w": lo, "max_w": hi}}
    if g.get("perm"):
        if _fact(ctx, "container"):
            return {"title": "nvidia-smi may not change the power limit inside this container (Insufficient Permissions)",
                    "cause": ("The power limit is a setting of the host's driver for the whole GPU. A container's root user "
                              "lacks the SYS_ADMIN capability by default, so NVML refuses the change (`Insufficient "
                              "Permissions`) although the same command works on the host."),
                    "fix": ("Set it on the host: `sudo nvidia-smi -i 0 -pl <watts>` (it applies to the containers too), or "
                            "start the container with the capability: `docker run --gpus all --cap-add=SYS_ADMIN ...`. Check "
                            "the limits with `nvidia-smi -q -d POWER`.")}
        return {"title": "nvidia-smi may not change the power limit without root (Insufficient Permissions)",
                "fix": ("Run it with root rights: `sudo nvidia-smi -pl <watts>` on Linux; on Windows open a prompt with Run "
                        "as administrator and run `nvidia-smi -pl <watts>` there. Check the allowed range first with "
                        "`nvidia-smi -q -d POWER` (Min and Max Power Limit).")}
    return {"title": "This GPU does not let nvidia-smi change its power limit",
            "fix": ("Many laptop GPUs and some GeForce boards refuse `-pl`. Lower the clocks instead, which lowers the power "
                    "draw too: `sudo nvidia-smi -lgc 300,1500` (undo: `sudo nvidia-smi -rgc`); on a laptop pick a quieter "
                    "power mode in the vendor's tool (on Linux with `nvidia-powerd` running the laptop's Dynamic Boost sets "
                    "the limit); on Windows MSI Afterburner's power-limit slider works on most desktop cards.")}


@_interp("thermal_throttle")
def _thermal_throttle(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A throttle reason that nvidia-smi reports as Active, or a GPU whose current temperature has reached its Max
    Operating Temp. A Max Operating Temp well above the current one is only a reading: not claimed."""
    if _off_nvidia_anywhere(ctx):
        return None
    which = g.get("which")
    if which:
        if "Power Brake" in which:
            return {"title": "The GPU is slowed by its power-brake signal (HW Power Brake Slowdown: Active): power delivery",
                    "details": {"reason": which}}
        return {"title": f"The GPU is slowing itself down for heat ({which}: Active)", "details": {"reason": which}}
    try:
        cur, top = int(g.get("cur") or 0), int(g.get("max") or 0)
    except ValueError:
        return None
    if not top or cur < top - 3:
        return None
    low = ", set unusually low by the laptop's or board's thermal policy" if top < 75 else ""
    return {"title": (f"The GPU is at its Max Operating Temp ({cur} C, limit {top} C{low}): the driver holds its clocks down"),
            "details": {"current_c": str(cur), "max_operating_c": str(top)}}


@_interp("egpu_link")
def _egpu_link(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """An external GPU's link lost: claimed only where the paste names an eGPU (Thunderbolt, USB4, OCuLink, an
    enclosure); the same bus loss, AER error or CUDA `unknown error` on an internal card is another signature's, and a
    Mac's eGPU (no NVIDIA driver) is not ours."""
    if _off_nvidia_anywhere(ctx) or ctx.get("macos"):
        return None
    where = _fact(ctx, "egpu")
    if not where:
        return None
    d = {"egpu": where[:60]}
    if g.get("unknown"):
        return {"title": (f"CUDA failed with `unknown error` on an external GPU ({where[:40]}): its link dropped "
                          "(the enclosure unplugged or powered off, or the computer slept with it attached)"),
                "details": d}
    if g.get("aer"):
        return {"title": (f"The external GPU's PCIe link ({where[:40]}) failed with an error the nvidia driver cannot "
                          "recover: the eGPU is lost until a reboot"),
                "details": d}
    return {"details": d}


@_interp("lost_after_suspend")
def _lost_after_suspend(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A launch failure in a process that lived across a sleep: claimed only where the paste says the machine slept,
    suspended, hibernated or woke. A bare launch failure stays gpu.hardware-fault's; an external GPU's link lost over
    the sleep is gpu.egpu-link-lost's; another vendor's GPU or a Mac is not ours."""
    if _off_nvidia_anywhere(ctx) or ctx.get("macos") or _fact(ctx, "egpu"):
        return None
    said = _fact(ctx, "suspend_resume")
    if not said:
        return None
    return {"details": {"suspend_resume": said[:60]}}


@_interp("module_in_use")
def _module_in_use(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """rmmod / modprobe -r refusing an NVIDIA module: nvidia_uvm is held by CUDA programs, the others by the desktop."""
    mod = (g.get("module") or "nvidia").replace("-", "_")
    d = {k: v for k, v in (("module", mod), ("used_by", (g.get("by") or "").strip())) if v}
    if mod == "nvidia_uvm":
        return {"title": ("nvidia_uvm cannot be reloaded: a CUDA program (ComfyUI, Python, Ollama, a container) or "
                          "nvidia-persistenced still holds it"),
                "details": d}
    if mod in ("nvidia_drm", "nvidia_modeset") or (mod == "nvidia" and "modeset" in d.get("used_by", "")):
        return {"title": (f"{mod} cannot be unloaded while the desktop runs on the NVIDIA driver: reload only "
                          "nvidia_uvm, or stop the desktop (or reboot) to reload the whole driver"),
                "details": d}
    return {"details": d}


@_interp("suspend_failed")
def _suspend_failed(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """nvidia_uvm crashing in its suspend with CUDA state alive (a call trace through uvm_suspend). A suspend the
    driver refuses for want of NVIDIA's suspend services is a distribution's packaging: no pattern claims it."""
    if _off_nvidia_anywhere(ctx):
        return None
    return {}


@_interp("bar_unassigned")
def _bar_unassigned(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The card's PCI BARs got no address. Not claimed after a third-party unlock of the card's driver or PCIe link
    (cmpunlocker's Gen2 retrain of a CMP mining card, vgpu_unlock: that tool's doing) or off NVIDIA; behind a
    Thunderbolt/USB4 bridge (an eGPU) the fix is the bridge's window, not the BIOS's Above 4G setting."""
    if _off_nvidia_anywhere(ctx) or _fact(ctx, "gpu_unlock_tool"):
        return None
    bar = g.get("bar") or g.get("bar0m") or ""
    d = {k: v for k, v in (("bar", f"BAR{bar}" if bar else ""), ("code", g.get("code") or "")) if v}
    where = _fact(ctx, "egpu")
    if not where:
        if bar:
            return {"title": (f"The GPU's BAR{bar} got no address (`BAR{bar} is 0M @ 0x0`): the firmware left no room "
                              "for the card's memory windows"), "details": d}
        return {"details": d}
    d["egpu"] = where[:60]
    said = f" (`BAR{bar} is 0M @ 0x0`)" if bar else ""
    return {"title": f"The external GPU's memory windows (PCI BARs) got no room behind its Thunderbolt/USB4 bridge{said}",
            "cause": ("An eGPU's BARs (BAR1: 256 MB, or as large as the VRAM with Resizable BAR) must fit in the memory "
                      "window of the Thunderbolt/USB4 bridge it hangs from. The firmware sizes that window at boot, often "
                      "too small or with no prefetchable (64-bit) part at all, and the kernel's default reserve for a "
                      "hot-plugged bridge is small: the BAR stays empty and the nvidia driver refuses the card "
                      "(`This PCI I/O region assigned to your NVIDIA device is invalid`, `RmInitAdapter failed`), so "
                      "nvidia-smi finds no device."),
            "fix": ("Connect and authorize the enclosure before the computer boots (`boltctl list`; in the BIOS enable "
                    "Thunderbolt boot / PCIe pre-boot support if offered) and reboot. If the BAR stays 0M on Linux, let the "
                    "kernel re-place the bridge windows: add `pci=realloc,hpmmioprefsize=1G pcie_ports=native` to "
                    "GRUB_CMDLINE_LINUX_DEFAULT in /etc/default/grub, `sudo update-grub`, reboot; or, without a reboot, "
                    "remove the Thunderbolt bridge above the card and rescan (`echo 1 | sudo tee "
                    "/sys/bus/pci/devices/0000:<bridge bus id>/remove`, then `echo 1 | sudo tee /sys/bus/pci/rescan`). "
                    "Check with `sudo lspci -vv -s <GPU bus id> | grep -i region` (Region 1 needs an address, not "
                    "`<unassigned>`). A firmware that never reserves a prefetchable window behind a port (some "
                    "TB5/USB4 v2 ports, T2 Macs) needs the vendor's BIOS update, or another port."),
            "details": d}


@_interp("tdr_failure")
def _tdr_failure(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Windows' bug check 0x116 VIDEO_TDR_FAILURE: the display driver's reset during GPU work failed. Claimed for the
    NVIDIA driver only: on an AMD or Intel setup (or a Mac) the same bug check is that vendor's driver."""
    if _off_nvidia_anywhere(ctx):
        return None
    near = _near(ctx)
    if near.get("wsl") or ctx.get("wsl"):
        return {"title": "Windows reset the NVIDIA driver under WSL2's CUDA load and could not recover it (VIDEO_TDR_FAILURE)",
                "details": {"wsl": True}}
    return {}


# the first sign of a Python image-model program that _py_program's pattern reads in the hit's window: PyTorch,
# ComfyUI (its folders and envs), diffusers, a Stable Diffusion web UI named by its name (not a bare `python` or `webui`)
_TORCH_IMAGE_PROGRAM = re.compile(r"(?i)(?:torch|comfy|diffusers|stable[-_ ]?diffusion)")


def _cudnn_torch_program(near: dict[str, str]) -> bool:
    """The text around a cuDNN sub-library load failure is a PyTorch program's: a path inside the torch package,
    PyTorch named, or a torch-based image program (ComfyUI, AUTOMATIC1111's / Forge's web UI by folder or name,
    diffusers), the program run that ends in the line (round 405: ComfyUI-LivePortraitKJ#38, AUTOMATIC1111#10230)."""
    if near.get("torch_path") or near.get("torch_named") or near.get("other_webui") or _comfy_sign(near):
        return True
    return bool(_TORCH_IMAGE_PROGRAM.match(near.get("py_program") or ""))


@_interp("cudnn_load")
def _cudnn_load(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """cuDNN's lazy load of a sub-library failed. Claimed only where the text shows PyTorch (a path inside the torch
    package, PyTorch named) or a torch-based image program (ComfyUI, a Stable Diffusion web UI, diffusers), and no
    other program's cuDNN: CTranslate2 (faster-whisper), onnxruntime and Paddle print the same line for their own."""
    near = _near(ctx)
    if _off_nvidia(ctx) or near.get("cudnn_foreign") or not _cudnn_torch_program(near):
        return None
    lib = (g.get("lib") or "").rstrip(".")
    dep = g.get("dep") or lib  # PyTorch's own warning names the sub-library that was not found itself
    details = {"library": lib, "missing": dep}
    if dep.startswith("libcuda.so"):
        wsl = near.get("wsl") or ctx.get("wsl")
        return {"title": f"cuDNN could not load {lib}: the driver's libcuda.so is not on the loader path"
                         + (" (WSL2)" if wsl else ""),
                "cause": ("cuDNN's sub-libraries open the NVIDIA driver's libcuda.so by that name. The loader did not find "
                          "it: under WSL2 the Windows driver's libraries live in /usr/lib/wsl/lib, which is not always on the "
                          "loader path; on Linux only libcuda.so.1 may be registered."),
                "fix": ("WSL2: `export LD_LIBRARY_PATH=/usr/lib/wsl/lib:$LD_LIBRARY_PATH` (add it to ~/.bashrc) and check "
                        "`ls -l /usr/lib/wsl/lib/libcuda.so*`; Linux: `ldconfig -p | grep libcuda` must list libcuda.so "
                        "(`sudo ldconfig` refreshes it); then rerun"),
                "details": details}
    if dep == "libnvrtc.so":
        return {"title": f"cuDNN 8 could not load {lib}: it looks for an unversioned libnvrtc.so, which torch's CUDA "
                         "wheels do not ship (PyTorch 2.0's CUDA 11 wheels)",
                "cause": ("cuDNN 8's convolution library opens NVRTC by the bare name libnvrtc.so, while the "
                          "nvidia-cuda-nvrtc wheel beside torch holds only the versioned file (libnvrtc.so.11.2 and the "
                          "like). PyTorch 2.0.0's CUDA 11.7 / 11.8 wheels ran into it at the first convolution of a model "
                          "(a VAE, a torchvision network): the process aborts with no Python traceback "
                          "(pytorch/pytorch#97041). Later torch releases load NVRTC themselves and ship cuDNN 9."),
                "fix": ("Install a current torch with its own CUDA wheels into the Python that runs the program: "
                        "`python -m pip install --upgrade torch torchvision --index-url "
                        "https://download.pytorch.org/whl/cu128` (a web UI: inside its venv, e.g. `source venv/bin/activate` "
                        "first), and `unset LD_LIBRARY_PATH` if it names another CUDA"),
                "details": details}
    return {"details": details}


@_interp("cudnn_mismatch")
def _cudnn_mismatch(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.cuda-libs-mismatch: ``nvidia_only``; its cuDNN forms (a libcudnn sub-library of another cuDNN failing with
    `undefined symbol`, PyTorch's `GET/FIND was unable to find an engine`) are not claimed beside another program's
    cuDNN (CTranslate2, onnxruntime, Paddle, TensorFlow) or a program's own torch.cudnn_convolution call. A loader
    error that names no library of torch (a bare `libcusparse.so.12: undefined symbol: __nvJitLink...`, a conda or
    system path) under another package's import (cuML, CuPy, JAX, TensorFlow, Paddle) is that package's libraries."""
    if _nvidia_only(g, cat, ctx) is None:
        return None
    near = _near(ctx)
    lib = (g.get("lib") or "").replace("\\", "/").lower()
    if near.get("cuda_libs_foreign") and not ("torch/" in lib or "nvidia/" in lib):
        return None
    if not (g.get("cudnn_path") or g.get("engine")):
        return {}
    if near.get("cudnn_foreign") or near.get("other_framework"):
        return None
    if g.get("cudnn_path"):
        lib, path = g.get("cudnn_lib") or "", g["cudnn_path"]
        folder = path.rsplit("/", 1)[0] if "/" in path else ""
        return {"title": f"cuDNN loaded {lib} from {folder or path}: another cuDNN than the one PyTorch ships "
                         "(undefined symbol), found first on the loader path",
                "cause": ("cuDNN loads its sub-libraries (libcudnn_cnn_train, libcudnn_cnn_infer, ...) when PyTorch first "
                          "runs a convolution. The one the loader found is part of another cuDNN installation than the "
                          "library already loaded (a system or container cuDNN from apt, a CUDA toolkit's lib64, a "
                          "cluster's cudnn module), so a symbol the two should share is missing (`undefined symbol`) and "
                          "PyTorch then finds no working engine (`GET was unable to find an engine`). It comes from "
                          "LD_LIBRARY_PATH or the loader cache putting that folder ahead of PyTorch's own nvidia-cudnn "
                          "wheel; PyTorch 2.2.0 was particularly prone to it."),
                "fix": (f"Let PyTorch use its own cuDNN: remove {folder or 'that folder'} from LD_LIBRARY_PATH (`echo "
                        "$LD_LIBRARY_PATH`, then `unset LD_LIBRARY_PATH` or drop the entry from ~/.bashrc / the "
                        "container's ENV), or remove the system package (`sudo apt-get remove -y "
                        "--allow-change-held-packages libcudnn8` or `libcudnn9-cuda-12`; in a Dockerfile the same in a "
                        "RUN line); then check with `python -c \"import torch; print(torch.__version__, "
                        "torch.backends.cudnn.version())\"`. If it persists, reinstall torch with its CUDA wheels: "
                        "`python -m pip install --force-reinstall torch torchvision --index-url "
                        "https://download.pytorch.org/whl/cu128` (the cuXXX of your torch)"),
                "details": {"library": lib, "path": path}}
    word = (g.get("engine") or "GET").upper()
    return {"title": f"cuDNN found no engine for a convolution ({word} was unable to find an engine): most often another "
                     "cuDNN than PyTorch's own is loaded",
            "cause": ("PyTorch's cuDNN path asks cuDNN for an engine (a kernel plan) for each convolution, by its "
                      "heuristics (GET) or by benchmarking them (FIND, under cudnn.benchmark), and none could be built or "
                      "run. On an NVIDIA GPU the usual reason is a cuDNN of another version than the one torch was "
                      "built with, loaded first: a system cuDNN (apt's libcudnn8 / libcudnn9, a CUDA toolkit's lib64, a "
                      "Docker base image's, a cluster module) through LD_LIBRARY_PATH or the loader cache, or on Windows "
                      "a cudnn*.dll folder on PATH; cuDNN often prints `Could not load library libcudnn_... undefined "
                      "symbol` just before. Less often the GPU's memory was nearly full, so no engine got its workspace."),
            "fix": ("Check which cuDNN torch gets: `python -c \"import torch; print(torch.__version__, "
                    "torch.backends.cudnn.version())\"` and `echo $LD_LIBRARY_PATH`; remove entries naming another CUDA "
                    "or cuDNN (`unset LD_LIBRARY_PATH`, or drop /usr/local/cuda/lib64 from ~/.bashrc), and in a container "
                    "remove the base image's cuDNN (`apt-get remove -y --allow-change-held-packages libcudnn8`) so torch's "
                    "own nvidia-cudnn wheel is used; on Windows take a CUDA toolkit or cuDNN folder holding cudnn*.dll off "
                    "PATH. Then reinstall torch with its CUDA wheels: `python -m "
                    "pip install --force-reinstall torch torchvision --index-url https://download.pytorch.org/whl/cu128` "
                    "(the cuXXX of your torch). If torch's own cuDNN is the one loaded, lower the resolution or batch or "
                    "decode tiled (ComfyUI: `VAE Decode (Tiled)`; diffusers: `pipe.vae.enable_tiling()`); one run with "
                    "`torch.backends.cudnn.enabled = False` (slower, a test only) confirms cuDNN is the part failing"),
            "details": {"engine": word}}


_CUDNN_STATUS_WHY = {
    "NOT_INITIALIZED": "cuDNN could not create its handle; most often the GPU's memory was already full, or this torch's "
                       "cuDNN does not fit the GPU or driver",
    "ALLOC_FAILED": "cuDNN could not get memory for its workspace; the GPU's memory was full",
    "INTERNAL_ERROR": "most often GPU memory ran short for cuDNN's workspace, or cudnn.benchmark's autotuning picked an "
                      "algorithm that breaks",
    "EXECUTION_FAILED": "a cuDNN kernel failed while running; most often GPU memory ran short, or cudnn.benchmark's "
                        "autotuning picked an algorithm that breaks",
    "MAPPING_ERROR": "a cuDNN kernel could not access GPU memory; most often a torch/cuDNN that does not fit the GPU, or "
                     "memory ran short",
}


@_interp("cudnn_status")
def _cudnn_status(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """cudnn.internal-failure: PyTorch's own `cuDNN error: CUDNN_STATUS_...` on an NVIDIA setup; not claimed beside
    another program's cuDNN or a program's own torch.cudnn_convolution call, nor on AMD/ZLUDA, Intel or a Mac."""
    if _off_nvidia_anywhere(ctx):
        return None
    near = _near(ctx)
    if near.get("cudnn_foreign") or near.get("other_framework"):
        return None
    status = (g.get("status") or "").upper()
    short = status.replace("CUDNN_STATUS_", "")
    why = _CUDNN_STATUS_WHY.get(short)
    if not why:
        return {}
    return {"title": f"cuDNN failed inside a convolution ({status}): {why}", "details": {"status": status}}


_CU_BUILD = re.compile(r"(?:\+cu|pytorch-cuda=|CUDA used to build PyTorch: |whl/cu)(1\d)\.?(\d)")


def _torch_cuda(ctx: dict[str, Any]) -> tuple[int, int] | None:
    """The CUDA version the torch build was made with, as the paste states it (+cu117, pytorch-cuda=11.7,
    collect_env's `CUDA used to build PyTorch: 11.7`), or None."""
    m = _CU_BUILD.search(_near(ctx).get("torch_cuda_build") or str(ctx.get("torch_cuda_build") or ""))
    return (int(m.group(1)), int(m.group(2))) if m else None


@_interp("cuda_too_old")
def _cuda_too_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """NVRTC refusing the GPU's architecture, or cuFFT's CUFFT_INTERNAL_ERROR, inside PyTorch: the CUDA of the torch
    build predates the card. A cuFFT failure from a build of CUDA 11.8 or newer (on a card older than an RTX 50) is
    not this: then cuFFT most often could not get memory for its plan. Another program's own NVRTC call (hashcat's
    `nvrtcCompileProgram(): NVRTC_ERROR_INVALID_OPTION`, CLBlast, cuda-api-wrappers) beside the same NVRTC log line is
    that program's CUDA, not torch's."""
    if _off_nvidia(ctx):
        return None
    if not g.get("cufft") and _fact(ctx, "nvrtc_foreign"):
        return None
    near = _near(ctx)
    cu = _torch_cuda(ctx)
    gpu = near.get("gpu_model") or near.get("ada_gpu") or ""
    built = f"CUDA {cu[0]}.{cu[1]}" if cu else ""
    d: dict[str, Any] = {k: v for k, v in (("torch_cuda", built), ("gpu", gpu)) if v}
    on = f" ({gpu})" if gpu else ""
    if g.get("cufft"):
        if cu and cu >= (11, 8) and not (near.get("gpu_model") and cu < (12, 8)):
            return None
        if cu:
            title = f"cuFFT failed inside PyTorch (CUFFT_INTERNAL_ERROR): the torch build's {built} is older than this GPU{on}"
        elif gpu:
            title = (f"cuFFT failed inside PyTorch (CUFFT_INTERNAL_ERROR) on this GPU{on}: a torch built with CUDA 11.7 or "
                     "older has a cuFFT that does not know the card")
        else:
            title = ("cuFFT failed inside PyTorch (CUFFT_INTERNAL_ERROR): most often a torch built with CUDA 11.7 or older "
                     "on an RTX 40 / L4 / H100, whose cuFFT does not know the card")
        return {"title": title, "details": d,
                "cause": cat.by_id("torch.cuda-too-old-for-gpu").cause  # type: ignore[union-attr]
                + " Where torch was built with CUDA 11.8 or newer, the same error means cuFFT could not get GPU memory "
                  "for its plan: free VRAM or use smaller inputs."}
    title = "PyTorch's runtime compiler (NVRTC) does not know this GPU's architecture" + on + ": " + (
        f"the torch build's {built} is older than the card" if built else "the CUDA the torch build was made with is older than the card")
    return {"title": title, "details": d}


@_interp("jinja2_old")
def _jinja2_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """transformers' jinja2 check before rendering a chat template: the headline quotes the version it asked for and
    the one it found, or says jinja2 is not installed at all."""
    if g.get("missing"):
        return {"title": "jinja2 is not installed: transformers cannot render the tokenizer's chat template "
                         "(apply_chat_template)", "details": {"jinja2": "missing"}}
    need, have = g.get("need") or "", g.get("have") or ""
    if not (need and have):
        return {}
    return {"title": f"jinja2 {have} is too old for transformers' chat templates: apply_chat_template asks for "
                     f"jinja2>={need}", "details": {"jinja2": have, "needs": f">={need}"}}


@_interp("tokenizer_v5_class")
def _tokenizer_v5_class(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A tokenizer_config.json naming a transformers 5 backend class, read by a transformers 4: the headline names the
    class as read (with `Fast` appended by a converter's fix-up, a class no release has)."""
    cls = (g.get("cls") or "") + (g.get("fast") or "")
    if not cls:
        return {}
    title = (f"tokenizer_config.json names tokenizer_class {cls}, a transformers 5 class: the transformers 4 loading "
             "it does not know it")
    if g.get("fast"):
        title = (f"tokenizer_config.json names tokenizer_class {cls}: `Fast` appended to transformers 5's "
                 f"{g.get('cls')}, a class no transformers release has")
    return {"title": title, "details": {"tokenizer_class": cls}}


@_interp("shm")
def _shm(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """/dev/shm too small: PyTorch's DataLoader workers (the manifest's words) or NCCL's shared-memory transport
    between the processes of a multi-GPU run, on NVIDIA setups."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("shm_open"):
        # older torch's words with no errno after them: out of shared memory or out of file handles, both answered
        return {"title": "PyTorch could not open a shared-memory segment (/dev/shm): its shared memory or its file handles ran out",
                "cause": ("PyTorch passes tensors between processes (DataLoader workers, torch.multiprocessing) as "
                          "segments in /dev/shm, each held open by a file descriptor. Older torch reports any failure "
                          "to open one with these words and no reason: either /dev/shm is too small (Docker gives a "
                          "container 64 MB unless told otherwise) or the process reached its open-files limit "
                          "(`ulimit -n`, often 1024), one descriptor per shared tensor."),
                "fix": ("Check both: `df -h /dev/shm` and `ulimit -n`. In Docker start the container with more shared "
                        "memory, `docker run --shm-size=8g ...` or `--ipc=host` (compose: `shm_size: \"8gb\"`); raise the "
                        "descriptor limit with `ulimit -n 65535` in the shell that starts Python (Docker: `--ulimit "
                        "nofile=65535:65535`), or call `torch.multiprocessing.set_sharing_strategy('file_system')` at the "
                        "start of the script; or use fewer DataLoader workers (`num_workers=0`)"),
                "details": {"segment": g["shm_open"].split("<")[-1].split(">")[0].strip()[:80]} if "<" in g["shm_open"] else {}}
    if not (g.get("nccl") or g.get("segment")):
        return {}
    size = _int(g.get("size"))
    mb = f" of {size / (1 << 20):.1f} MiB" if size else ""
    return {"title": f"NCCL could not create its shared-memory segment{mb} in /dev/shm: full, or a container's 64 MB default",
            "cause": ("In a multi-GPU run NCCL passes data between the processes on one machine through segments in "
                      "/dev/shm, several MB per pair of ranks. Docker gives a container 64 MB of it unless started with "
                      "more (Kubernetes pods likewise), so the segments no longer fit; on a bare machine /dev/shm can be "
                      "full of stale nccl-* files from killed runs. The disk itself is not full."),
            "fix": ("Start the container with more shared memory: `docker run --shm-size=8g ...` or `--ipc=host` (compose: "
                    "`shm_size: \"8gb\"`; Kubernetes: an `emptyDir: {medium: Memory}` volume mounted at /dev/shm); check "
                    "with `df -h /dev/shm` and delete stale `/dev/shm/nccl-*` files; as a stopgap `export NCCL_SHM_DISABLE=1` "
                    "makes NCCL go through sockets or P2P instead (slower). Klein itself runs on one GPU: a single-process "
                    "run (`accelerate launch --num_processes 1 ...`) needs no NCCL at all"),
            "details": {k: v for k, v in (("segment", g.get("segment")), ("bytes", size)) if v}}


@_interp("cudnn_sdpa")
def _cudnn_sdpa(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """PyTorch's cuDNN attention backend: the backward stride warning of torch 2.5.0 (the manifest's words), or its
    forward failing with no cuDNN plan for the call (`cuDNN Frontend error: ... No execution plans support the
    graph`). Through ZLUDA on an AMD card the same words are ZLUDA's."""
    if _off_nvidia(ctx):
        return None
    what = g.get("frontend")
    if not what:
        return {}
    near = _near(ctx)
    nvrtc = near.get("nvrtc_missing") or ctx.get("nvrtc_missing")
    tv = near.get("torch_version") or ctx.get("torch_version") or ""
    off = ("Keep cuDNN out of attention: in your own script or a diffusers / transformers run, switch the backend off "
           "before the model runs, `torch.backends.cuda.enable_cudnn_sdp(False)` (SDPA then uses its flash, "
           "memory-efficient or math kernels); in ComfyUI, start it with `--use-split-cross-attention` (attention without "
           "PyTorch's SDPA). Then update torch, into the Python that runs the program: `python -m pip install -U torch "
           "torchvision --index-url https://download.pytorch.org/whl/cu128` (or the torch the program's README names)")
    if what.lower().startswith("mha_graph"):
        # MHA.cpp's own assertion: cuDNN accepted the graph and then failed to run it (a cuDNN / torch defect)
        return {"title": "PyTorch's cuDNN attention backend failed while running this attention call (its cuDNN graph "
                         "did not execute)" + (f", torch {tv}" if tv else ""),
                "cause": ("PyTorch handed scaled_dot_product_attention to cuDNN's fused attention (the cuDNN SDPA backend, "
                          "chosen first on recent NVIDIA GPUs by some torch releases and builds) and cuDNN failed to "
                          "execute the graph it had built: a defect of that backend with some shapes or attention masks "
                          "(often intermittent, on some inputs only), not of the model or its files."),
                "fix": off, "severity": "fail", "details": {"cudnn_error": what, **({"torch": tv} if tv else {})}}
    if what.upper().startswith("CUDNN_BACKEND_"):
        status = what.rsplit(" ", 1)[-1]
        return {"title": f"PyTorch's cuDNN attention backend could not build its graph for this attention call ({status})"
                         + (f", torch {tv}" if tv else ""),
                "cause": ("PyTorch handed scaled_dot_product_attention to cuDNN's fused attention (the cuDNN SDPA backend) "
                          "and cuDNN refused to finalize the attention graph torch described (`cudnnFinalize Failed`): the "
                          "backend took a call it does not support (a head size, a V size other than Q/K's, a dtype or "
                          "mask) in this torch and cuDNN, a defect fixed in later torch releases."),
                "fix": off, "severity": "fail", "details": {"cudnn_error": what, **({"torch": tv} if tv else {})}}
    cause = ("PyTorch can hand scaled_dot_product_attention (the attention of FLUX / Klein, of CLIP and most diffusion "
             "and language models) to cuDNN's attention kernels. torch 2.5.0 made that backend the first choice on recent "
             "NVIDIA GPUs and 2.5.1 made it opt-in again after reports like this one; the same message has since come "
             "from torch 2.9 nightly and CUDA 13 builds. cuDNN then built no plan for this call: no kernel for its head "
             "size, dtype, mask or GPU, or none at all when cuDNN cannot load NVRTC, which compiles its attention "
             "kernels at run time.")
    if nvrtc:
        cause += f" Here cuDNN printed `{nvrtc}` before the error: it could not load NVRTC."
    fix = ("Keep cuDNN out of attention. Install a stable PyTorch instead of 2.5.0 or a nightly, into the Python that "
           "runs the program: `python -m pip install --force-reinstall \"torch>=2.5.1\" torchvision --index-url "
           "https://download.pytorch.org/whl/cu128` (or the exact torch the trainer's README names); in your own script "
           "or a diffusers run, switch the backend off before the pipeline runs: `torch.backends.cuda.enable_cudnn_sdp(False)`; "
           "in ComfyUI, start it with `--use-split-cross-attention` (attention without PyTorch's SDPA) until torch is "
           "replaced. When `Could not load library libnvrtc.so.12` stands above the error, reinstall torch with its CUDA "
           "wheels (no `--no-deps`) so that `python -m pip list | grep nvrtc` lists nvidia-cuda-nvrtc")
    d = {k: v for k, v in (("cudnn_error", what), ("torch", tv), ("nvrtc", nvrtc)) if v}
    return {"title": f"PyTorch's cuDNN attention backend found no kernel for this attention call (cuDNN: {what.split(' for ')[0]})"
                     + (f", torch {tv}" if tv else ""),
            "cause": cause, "fix": fix, "severity": "fail", "details": d}


_SDPA_WHY = (
    ("not compiled with flash", "this PyTorch build has no flash kernel (PyTorch's Windows wheels are built without it)"),
    ("expected query, key and value", "the inputs are float32, and the flash kernel takes only float16/bfloat16"),
    ("runtime disabled", "a kernel was switched off for this call"),
    ("4 dimensional", "query/key/value are not 4-dimensional (batch, heads, tokens, head size), which the fused kernels need"),
    ("non-null attn_mask", "the call passes an attention mask, which the flash kernel does not take"),
    ("gpu architectures", "the GPU is older than the flash kernel's range (an RTX 30 / sm_80 or newer)"),
)


@_interp("sdpa_no_kernel")
def _sdpa_no_kernel(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """scaled_dot_product_attention limited to kernels that all refused the call. Claimed beside diffusers' attention
    dispatch only (its `_native_flash` / `_native_efficient` / `_native_cudnn` backends restrict the kernels): another
    program that restricts them itself (SAM 2's flash-only default, a trainer's hard-coded cuDNN backend) has its own
    setting to change. ROCm builds (their sdp_utils lives in a hip folder), a Mac or an Intel GPU print the same words
    through other kernels: not claimed. The warning torch printed before it says which refusal it was."""
    if _off_nvidia(ctx) or not _near(ctx).get("diffusers_sdpa_backend"):
        return None
    said = _near(ctx).get("sdpa_refusal") or ""
    why = next((w for k, w in _SDPA_WHY if k in said.lower()), "")
    if not why:
        return {}
    return {"title": f"diffusers limited attention to one fused PyTorch kernel, and it refused this call: {why}",
            "details": {"torch_said": said[:160]}}


@_interp("dynamic_vram")
def _dynamic_vram(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    near = _near(ctx)
    if _off_nvidia(ctx):
        return None  # an AMD (ROCm) or Intel build of the allocator: not ours
    if g.get("bsod") or g.get("bsod2"):
        # Windows blue-screened (the video memory manager dxgmms2.sys, the NVIDIA kernel driver nvlddmkm.sys) and the
        # writer puts it on the dynamic VRAM loader / comfy-aimdo: its allocation pattern is the trigger
        if _off_nvidia_anywhere(ctx):
            return None
        return {"title": ("Windows blue-screens (`" + (g.get("bsod") or g.get("bsod2") or "BSOD").strip() + "`) while ComfyUI's "
                          "dynamic VRAM loader (comfy-aimdo) stages models"),
                "cause": ("Recent ComfyUI loads models through its dynamic VRAM allocator (comfy-aimdo, on by default), which "
                          "maps weights into the GPU on demand with the CUDA driver's virtual memory calls. With some GPUs "
                          "(small-VRAM cards most), drivers and comfy-aimdo releases, that allocation pattern makes the "
                          "Windows video memory manager (dxgmms2.sys) or the NVIDIA kernel driver (nvlddmkm.sys) stop the "
                          "whole system; the same workflows ran without it on the release before."),
                "fix": ("Start ComfyUI with dynamic VRAM off: add `--disable-dynamic-vram` to the launch line (portable: "
                        "run_nvidia_gpu.bat `.\\python_embeded\\python.exe -s ComfyUI\\main.py --windows-standalone-build "
                        "--disable-dynamic-vram`; git: `python main.py --disable-dynamic-vram`), or stay on the ComfyUI release before the comfy-aimdo bump; update "
                        "the NVIDIA driver too, and report the dump to ComfyUI (the start-up note asks for it)"),
                "details": {"crash": (g.get("bsod") or g.get("bsod2") or "").strip()}}
    if g.get("forced"):
        # `--enable-dynamic-vram` on the launch line: ComfyUI turns its dynamic VRAM loader off by itself under WSL2
        # (PR #12706), and the flag forces it back on; claimed only where the paste puts the run in WSL2 and the writer
        # says it hangs at the sampler (the loader's streaming stall), never for the flag alone
        if _off_nvidia_anywhere(ctx) or not _fact(ctx, "wsl") or not _fact(ctx, "hang_said"):
            return None
        return {"title": ("The run hangs at the sampler with ComfyUI's dynamic VRAM loader forced on under WSL2 "
                          "(`--enable-dynamic-vram`), where ComfyUI turns it off by itself"),
                "cause": ("Recent ComfyUI loads models through its dynamic VRAM allocator (comfy-aimdo), but switches it off "
                          "by itself under WSL2, where its streaming of weights through WSL's virtual GPU and Linux's share of "
                          "the RAM stalls or gets the process killed; `--enable-dynamic-vram` on the launch line forces it back "
                          "on. The run then waits at the sampler's first step (`0%`, `Model Initializing ...`) with no error, "
                          "most often when the model does not fit the card and most of it is offloaded (a small laptop GPU)."),
                "fix": ("Remove `--enable-dynamic-vram` from the launch line (or add `--disable-dynamic-vram "
                        "--disable-pinned-memory`) and restart ComfyUI; keep the model small enough for the card (the FP8 or "
                        "a GGUF Q4 file of Klein 4B on 8 GB), and give WSL2 enough RAM for what is offloaded "
                        "(%UserProfile%\\.wslconfig: `[wsl2]` `memory=24GB`, then `wsl --shutdown`)"),
                "details": {"flag": "--enable-dynamic-vram", "platform": "WSL2", "told": _fact(ctx, "hang_said")[:80]}}
    if g.get("told4"):
        # the user's own words that dynamic VRAM causes / gives the out-of-memory errors (`Dynamic VRAM ... which causes
        # OOM`): the same cause as the account that turning it off stops them
        g = {**g, "told": g["told4"]}
    if g.get("told") or g.get("told2") or g.get("told3"):
        # the user's own words: out-of-memory errors that came with an update stop once dynamic VRAM is turned off
        return {"title": "Out-of-memory errors that stop with ComfyUI's dynamic VRAM loader (comfy-aimdo) turned off",
                "cause": ("Recent ComfyUI loads models through its dynamic VRAM allocator (comfy-aimdo, on by default in "
                          "recent releases), which maps weights into the GPU on demand and leaves the rest of the VRAM to torch. "
                          "With some GPUs, drivers and workflows its budget and torch's allocations collide, and steps that "
                          "fit before the update (VAE decode most often) fail with CUDA out-of-memory errors, at random, "
                          "the first run or the tenth; with `--disable-dynamic-vram` ComfyUI plans loads the old way and "
                          "the same workflow fits again."),
                "details": {"told": g.get("told") or g.get("told2") or g.get("told3")}}
    if g.get("frame") and g.get("segv_py"):
        # Python's faulthandler on Linux (`Fatal Python error: Segmentation fault`) with comfy_aimdo's own frame on top
        # of the stack: the allocator's native code crashed the process (model_vbar while reserving a model's VBAR)
        where = "while reserving a model's GPU address range" if g["frame"] == "model_vbar" else (
            "at startup" if g["frame"] == "control" else "while loading a model")
        return {"title": f"ComfyUI's dynamic VRAM allocator (comfy-aimdo) crashed the process {where} (a segmentation "
                         f"fault in comfy_aimdo/{g['frame']}.py)",
                "details": {"where": f"comfy_aimdo/{g['frame']}.py", "signal": "SIGSEGV"}}
    if g.get("frame"):
        return {"title": "ComfyUI's dynamic VRAM allocator (comfy-aimdo) crashed at startup (a Windows access violation)",
                "details": {"where": f"comfy_aimdo/{g['frame']}.py"}}
    if g.get("hostbuf"):
        return {"title": "ComfyUI's dynamic VRAM loader (comfy-aimdo) failed to read the model file into host memory",
                "details": {"message": g["hostbuf"]}}
    if g.get("module"):
        return {"title": "ComfyUI's dynamic VRAM allocator (comfy-aimdo's aimdo.dll) crashed the Python process",
                "details": {"faulting_module": g["module"]}}
    if g.get("segv"):
        return {"title": "ComfyUI crashed (a segmentation fault) right after its dynamic VRAM loader staged a model",
                "details": {"signal": "SIGSEGV", "after": "prepared for dynamic VRAM loading"}}
    if g.get("abort"):
        # the process aborted (SIGABRT, `Fatal Python error: Aborted`) after the loader's staging lines: a crash, not a
        # hang, even when the abort is the last line of the paste (the stall pattern would read it as one)
        return {"title": "ComfyUI's process aborted (`Fatal Python error: Aborted`) right after its dynamic VRAM loader "
                         "staged a model",
                "details": {"signal": "SIGABRT", "after": "prepared for dynamic VRAM loading"}}
    if g.get("stall"):
        return {"title": "ComfyUI's run stops right after its dynamic VRAM loader staged a model: it hangs there",
                "cause": ("Recent ComfyUI loads models through its dynamic VRAM allocator (comfy-aimdo, on by default: "
                          "`Model X prepared for dynamic VRAM loading. N MB Staged.`), and this log stops right there: the "
                          "run waits and never reaches the next node or step. The stall is reported with dynamic VRAM on when "
                          "the GPU's memory is nearly full (a large text encoder beside the diffusion model, a second run "
                          "after the first, another program holding VRAM, Windows or WSL2 letting VRAM spill into shared "
                          "system memory): GPU use drops to about 0 % while VRAM stays full, and it does not happen with "
                          "dynamic VRAM and pinned memory off. Nothing is wrong with the model files."),
                "fix": ("Stop ComfyUI and start it with dynamic VRAM and pinned memory off: add `--disable-dynamic-vram "
                        "--disable-pinned-memory` to the launch line (portable: edit run_nvidia_gpu.bat to "
                        "`.\\python_embeded\\python.exe -s ComfyUI\\main.py --windows-standalone-build --disable-dynamic-vram "
                        "--disable-pinned-memory`; git: `python main.py --disable-dynamic-vram --disable-pinned-memory`) and "
                        "close other programs that hold VRAM; if it still stalls, keep some VRAM free with `--reserve-vram 2` "
                        "(GB). Later, update ComfyUI with its requirements, which pin comfy-aimdo (git: `git pull` then "
                        "`python -m pip install -r requirements.txt`; portable: update\\update_comfyui.bat), and try again "
                        "without the flags"),
                "details": {"stopped_after": "prepared for dynamic VRAM loading"}}
    if g.get("since") or g.get("since2"):
        # the writer's account that the crashes began with the dynamic VRAM loader (`crashing ... since dynamic vram`,
        # `since the dynamic vram update ... crashing`): ComfyUI named with the failure, nothing else blamed
        if _off_nvidia_anywhere(ctx):
            return None
        said = (g.get("since") or g.get("since2") or "").strip()
        return {"title": "ComfyUI crashes since its dynamic VRAM loader (comfy-aimdo) came in: the writer ties the "
                         f"failures (`{said}`) to it",
                "details": {"told": said}}
    if g.get("allvram"):
        # the writer's account that dynamic VRAM takes all of the GPU's memory (while other programs hold part of it)
        if _off_nvidia_anywhere(ctx):
            return None
        return {"title": "ComfyUI's dynamic VRAM loader (comfy-aimdo) takes all of the GPU's memory, also what other "
                         "programs hold: runs stall or fail",
                "cause": ("Recent ComfyUI loads models through its dynamic VRAM allocator (comfy-aimdo, on by default), "
                          "which sizes its budget from the card's total VRAM and keeps weights there as long as it can. VRAM "
                          "that other programs hold (a browser, Photoshop, a game, a second ComfyUI) is not left to them, so "
                          "the run waits with VRAM full and GPU use near 0 %, or fails when the memory runs out."),
                "fix": ("Keep part of the VRAM free for other programs: start ComfyUI with `--reserve-vram 2` (GB; portable: "
                        "`.\\python_embeded\\python.exe -s ComfyUI\\main.py --windows-standalone-build --reserve-vram 2`; "
                        "git: `python main.py --reserve-vram 2`) and close the programs that hold VRAM; if it still stalls, "
                        "turn dynamic VRAM off with `--disable-dynamic-vram`. Update ComfyUI with its requirements later "
                        "(git: `git pull` then `python -m pip install -r requirements.txt`; portable: "
                        "update\\update_comfyui.bat): newer releases leave headroom for other programs"),
                "details": {"told": g["allvram"]}}
    if re.match(r"aimdo_setup_hooks|comfy-aimdo WDDM init failed", g.get("what") or ""):
        return None  # comfy-aimdo could not start at all (ComfyUI falls back to its legacy loader): comfyui.aimdo-unavailable
    if not near.get("dynamic_vram"):
        return None  # `Fault failed` / `VRAM Allocation failed` with no sign of the allocator: some other program's words
    return {"details": {"message": g.get("what"), "driver_call": g.get("call")} if g.get("call") else {"message": g.get("what")}}


@_interp("comfy_compiler")
def _comfy_compiler(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI 0.35's Comfy Compiler (comfy-aimdo's malloc graph and CUDA graphs) failing during sampling: its own
    `aimdo memory compile error`, a user's word that `--disable-comfy-compiler` makes the run complete, torch's CUDA
    RNG refusing an offset increment inside a ComfyUI run, or the cudaMallocAsync allocator aborting the process in
    free_impl (a node freeing GPU tensors it kept across the compiler's scope). An AMD, Intel or Mac setup, another
    program's own CUDA graph runner (an LLM engine, nanovllm) and torch.compile's own CUDA graphs are not claimed; a
    ComfyUI older than 0.34 (its version line) has no compiler."""
    near = _near(ctx)
    if _off_nvidia(ctx) or _fact(ctx, "foreign_graph_runner") or _fact(ctx, "llm_engine") or _fact(ctx, "other_framework"):
        return None
    ver = _fact(ctx, "comfyui_version")
    if ver and not g.get("compile"):
        try:
            if tuple(int(x) for x in ver.split(".")[:2]) < (0, 34):
                return None  # no Comfy Compiler in this ComfyUI: some other cause
        except ValueError:
            pass
    if g.get("compile"):
        why = (g.get("why") or "").strip()
        return {"title": ("ComfyUI's memory compiler (comfy-aimdo's malloc graph) could not record this model's GPU "
                          "allocations: `aimdo memory compile error`" + (f" ({why})" if why else "")),
                "details": {"message": "aimdo memory compile error" + (f": {why}" if why else "")}}
    if g.get("flag"):
        return {"title": "A sampling crash that goes away with `--disable-comfy-compiler`: ComfyUI's Comfy Compiler",
                "details": {"flag": "--disable-comfy-compiler"}}
    if g.get("offset"):
        if _fact(ctx, "cudagraph_tree") or _fact(ctx, "compile_stack"):
            return None  # torch.compile's own CUDA graphs (reduce-overhead): torch.compile's, not the Comfy Compiler's
        if not (_comfy_node_run(near) or near.get("comfy_place") or near.get("custom_node") or near.get("comfy_func")
                or near.get("dynamic_vram") or ver):
            return None  # the RNG offset error outside a ComfyUI run: another program's own CUDA graph capture
        node = near.get("node_type") or ""
        return {"title": ("ComfyUI's Comfy Compiler captured a CUDA graph around code that draws random numbers: "
                          "`Offset increment outside graph capture encountered unexpectedly`"),
                "details": {"node": node} if node else {}}
    if g.get("free"):
        return {"title": ("ComfyUI's process aborted while freeing GPU memory (cudaMallocAsync free_impl: `CUDA error: "
                          "invalid argument`): a tensor kept across the Comfy Compiler's scope and freed outside it"),
                "details": {"where": "free_impl (CUDAMallocAsyncAllocator.cpp)", "error": "CUDA error: invalid argument"}}
    return {}


@_interp("aimdo_unavailable")
def _aimdo_unavailable(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """comfy-aimdo could not start and ComfyUI runs without dynamic VRAM. On an AMD, Intel or Mac setup the package
    does not apply at all (its NVIDIA-only note is expected there): not claimed."""
    if _off_nvidia(ctx):
        return None
    if g.get("dll"):
        return {"title": f"ComfyUI runs without dynamic VRAM: this comfy-aimdo looks for {g['dll']}, which this torch build does not bring",
                "details": {"missing": g["dll"]}}
    if g.get("lib"):
        return {"title": "ComfyUI runs without dynamic VRAM: comfy-aimdo's compiled library could not be loaded",
                "details": {"library": g["lib"].strip(), "error": g.get("why") or ""}}
    if g.get("hooks"):
        return {"title": "ComfyUI runs without dynamic VRAM: comfy-aimdo could not hook the CUDA driver calls it manages",
                "details": {"message": "aimdo_setup_hooks: " + g["hooks"]}}
    if g.get("wddm"):
        return {"title": "ComfyUI runs without dynamic VRAM: comfy-aimdo does not support this GPU's Windows driver mode",
                "details": {"message": "comfy-aimdo " + g["wddm"]}}
    return {}


@_interp("pinned")
def _pinned(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    near = _near(ctx)
    if _off_nvidia(ctx):
        return None  # no cudaHostRegister on a Mac, an AMD (ROCm) or Intel build: not this
    if g.get("generic") == "CUDA error: out of memory" and near.get("gguf_mmap"):
        # reached from the out-of-memory signature (`as`): ComfyUI-GGUF releasing its mmap onto pinned host memory
        return {"title": ("ComfyUI's pinned host memory failed while ComfyUI-GGUF moved its weights "
                          "(`CUDA error: out of memory` at `Attempting to release mmap`), not the card's VRAM"),
                "details": {"at": "Attempting to release mmap"}}
    if g.get("generic") == "CUDA error: out of memory" and near.get("comfy_cast_copy"):
        # reached from the out-of-memory signature (`as`): the copy of a weight from pinned host memory in cast_to
        return {"title": ("ComfyUI's pinned host memory ran out while it copied weights to the GPU (`CUDA error: out of "
                          "memory` in model_management.cast_to), not the card's VRAM"),
                "details": {"at": "cast_to"}}
    if g.get("generic"):
        title_node = near.get("comfy_node_title") or ""
        comfy_copy = bool(near.get("nonblocking_copy") and near.get("comfy_place"))
        if not (_comfy_node_run(near) or title_node or comfy_copy or near.get("pinned_hint") or ctx.get("pinned_hint")):
            return None  # a bare `CUDA error: invalid argument` outside a ComfyUI node run (its report, its exception
            # line, a node's error dialog) or a mention of pinned memory / --fast: some other program's kernel
        node = near.get("node_type") or title_node
        if comfy_copy and not (_comfy_node_run(near) or title_node):
            return {"title": ("A CUDA `invalid argument` error in a non-blocking weight copy inside ComfyUI's Python: "
                              "most often ComfyUI's pinned memory"),
                    "details": {"copy": near["nonblocking_copy"], "where": near["comfy_place"][:80]}}
        return {"title": "A CUDA `invalid argument` error inside a ComfyUI node: most often ComfyUI's pinned memory",
                "details": {"node": node} if node else {}}
    if g.get("pinshared"):
        # a writer's words that ComfyUI pins the models into Shared GPU memory: page-locked host RAM is what Windows'
        # Task Manager counts as shared GPU memory (also under WSL2 / Docker Desktop); claimed beside dynamic VRAM or
        # another sign of ComfyUI, never beside another web UI (Forge's --pin-shared-memory is its own)
        if (near.get("other_webui") or near.get("other_imagegen_app") or ctx.get("other_imagegen_app")
                or not (_fact(ctx, "dynamic_vram") or near.get("comfy_run") or ctx.get("comfy_run")
                        or _fact(ctx, "pinned_hint") or near.get("comfy_place"))):
            return None
        return {"title": ("ComfyUI's pinned (page-locked) host memory is what shows as Shared GPU memory: the offloaded "
                          "or staged weights are pinned in RAM, not spilled there by the driver"),
                "details": {"said": _SPACE.sub(" ", g["pinshared"]).strip()[:120]},
                "fix": ("Start ComfyUI with pinned memory off: add `--disable-pinned-memory` to the launch line (portable: "
                        "add it to the line in run_nvidia_gpu.bat; git: `python main.py --disable-pinned-memory`; Docker: "
                        "append it to the container's command), then restart it; shared GPU memory and RAM use drop, at some "
                        "cost in speed when weights are offloaded. On releases that have it, `--fast-disk` also stops "
                        "pinning the weights dynamic VRAM stages from a fast disk. Under WSL2 give the VM enough RAM in "
                        "%UserProfile%\\.wslconfig (`[wsl2]` `memory=24GB`), then `wsl --shutdown`")}
    if g.get("pause") or g.get("pause_said"):
        # handed over from ram.oom: the portable's `pause` with no traceback after a model load, in a paste whose
        # launch line turned pinned memory on with `--fast pinned_memory` (ComfyUI 0.3.6x's opt-in)
        return {"title": ("ComfyUI's process ended without a traceback with pinned memory turned on (`--fast "
                          "pinned_memory`): pinning the offloaded weights took the RAM Windows needed"),
                "details": {"console": (g.get("pause") or "pause").strip()[:120]},
                "fix": ("Remove `--fast pinned_memory` from the launch line (portable: run_nvidia_gpu.bat) and start "
                        "ComfyUI again. On ComfyUI 0.3.68 and later pinned memory is on by default: turn it off with "
                        "`--disable-pinned-memory` (portable: `.\\python_embeded\\python.exe -s ComfyUI\\main.py "
                        "--windows-standalone-build --disable-pinned-memory`; git: `python main.py --disable-pinned-memory`), "
                        "and update ComfyUI with its requirements (git: `git pull` then `python -m pip install -r "
                        "requirements.txt`; portable: update\\update_comfyui.bat), whose later releases pin within a RAM "
                        "budget. If it still ends the same way, give Windows a larger page file (System > About > Advanced "
                        "system settings > Performance > Settings > Advanced > Virtual memory)")}
    if g.get("pinerr"):
        return {"title": "ComfyUI could not pin (page-lock) the host RAM of offloaded weights: its `Pin error.` line",
                "details": {"message": g["pinerr"]},
                "fix": ("On its own the line costs speed, not the run: ComfyUI copies those weights unpinned. To stop the "
                        "attempts start ComfyUI with `--disable-pinned-memory` (portable: add it to the line in "
                        "run_nvidia_gpu.bat; git: `python main.py --disable-pinned-memory`; Desktop: "
                        "comfy.settings.json `\"Comfy.Server.LaunchArgs\": {\"disable-pinned-memory\": \"\"}`), and "
                        "update ComfyUI with its requirements (git: `git pull` then `python -m pip install -r "
                        "requirements.txt`; portable: update\\update_comfyui.bat): later releases pin less and stop "
                        "at a RAM budget. If a run also fails (`CUDA error: invalid argument`, an out-of-memory), keep "
                        "the flag on")}
    if g.get("register") and not (_comfy_node_run(near) or near.get("comfy_place") or near.get("pinned_hint")
                                  or ctx.get("pinned_hint") or near.get("dynamic_vram") or near.get("stream_user")
                                  or near.get("comfy_reqs")):
        return None  # another program's own cudaHostRegister (an LLM server's KV offload, a loader's pin pipeline)
    return {"details": {"message": g.get("hostbuf") or "cudaHostRegister failed"}}


@_interp("group_offload_pin")
def _group_offload_pin(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`cannot pin 'torch.cuda.X' only dense CPU tensors can be pinned` beside diffusers' group offloading: a weight
    on the GPU when use_stream pins the offloaded copies. A DataLoader's pin_memory over CUDA tensors (a training
    script's own) and an AMD / Intel / Mac setup are not claimed."""
    near = _near(ctx)
    if _off_nvidia(ctx) or not (near.get("group_offload") or ctx.get("group_offload")):
        return None
    tensor = g.get("tensor") or ""
    d: dict[str, Any] = {"tensor": tensor} if tensor else {}
    if tensor in ("torch.cuda.CharTensor", "torch.cuda.ByteTensor"):
        return {"details": d,
                "title": (f"diffusers' group offloading tried to pin an int8 weight that is on the GPU ({tensor}): "
                          "a quantized weight keeps its data on the GPU")}
    return {"details": d}


@_interp("model_cache_held")
def _model_cache_held(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A user's account that RAM or VRAM stays in use after a ComfyUI run (not released, held, at 100 %, how to free
    it): ComfyUI's node/model cache and smart memory. Claimed only beside words of a ComfyUI run; another app's own
    cache and an AMD / Intel / Mac setup are not."""
    near = _near(ctx)
    if _off_nvidia(ctx) or near.get("other_webui") or near.get("other_imagegen_app") or ctx.get("other_imagegen_app"):
        return None
    if not near.get("comfy_run"):
        return None
    said = next((g[k] for k in ("not_released", "not_release", "reserved", "hostage", "full", "free_q", "leak",
                                "stays", "cached")
                 if g.get(k)), "")
    d: dict[str, Any] = {"said": _SPACE.sub(" ", said).strip()[:120]} if said else {}
    if re.search(r"\b(?:VRAM|GPU)\b", said, re.I):
        return {"details": d,
                "title": "ComfyUI keeps models loaded in VRAM between nodes and runs (smart memory): the GPU memory is not freed after a run"}
    return {"details": d}


@_interp("ram_cache_reload")
def _ram_cache_reload(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A writer's account that ComfyUI reads its models from disk again on every run or prompt change (ComfyUI named
    on the line, or the models loaded from disk again beside a sign of a ComfyUI run or dynamic VRAM), or that its
    own `--cache-ram N` acts like `--cache-none` (N is the RAM kept free): the RAM pressure cache dropping models.
    Another web UI or app and an AMD / Intel / Mac setup are not claimed."""
    near = _near(ctx)
    if (_off_nvidia(ctx) or near.get("other_webui") or near.get("other_imagegen_app")
            or ctx.get("other_imagegen_app")):
        return None
    if g.get("flag"):
        gb = g.get("gb") or ""
        return {"title": (f"`--cache-ram {gb}` tells ComfyUI to keep {gb} GB of RAM free, not to cache {gb} GB: its RAM "
                          "pressure cache drops the models after each run, as --cache-none does"),
                "details": {"cache_ram_gb": gb}}
    if g.get("disk") and not (near.get("comfy_run") or _fact(ctx, "dynamic_vram") or ctx.get("comfy_run")):
        return None  # models read from disk again with nothing of ComfyUI in view: another loader's own cache
    said = _SPACE.sub(" ", g.get("said") or g.get("disk") or "").strip()[:120]
    return {"details": {"said": said} if said else {}}


@_interp("outputs_cached")
def _outputs_cached(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`Prompt executed in 0.0x seconds` with no error, failed validation or interrupt before it (no node ran), or a user's words that
    the same prompt again does nothing / only one node ran: ComfyUI's output cache. Not beside another web UI or app,
    nor on an AMD / Intel / Mac setup; the user's words only beside signs of a ComfyUI run."""
    near = _near(ctx)
    if _off_nvidia(ctx) or near.get("other_webui") or near.get("other_imagegen_app") or ctx.get("other_imagegen_app"):
        return None
    if g.get("secs"):
        # no cache hit when the quick end follows an error, a failed validation or an interrupt (within NEAR bytes);
        # and a whole log where models were loaded for real runs before it is a working server whose user re-queued
        # an unchanged prompt: by design, not worth a finding in `check`'s log scan or a long paste
        if near.get("node_exec") or near.get("py_frame") or near.get("comfy_prompt_trouble") or near.get("comfy_load"):
            return None
        return {"details": {"seconds": g["secs"]},
                "title": (f"ComfyUI answered the prompt from its cache: nothing it depends on changed, so no node ran again "
                          f"(Prompt executed in {g['secs']} seconds)")}
    if not near.get("comfy_run"):
        return None
    said = _SPACE.sub(" ", g.get("said") or "").strip()[:120]
    return {"details": {"said": said} if said else {}}


@_interp("dynamic_vram_compile")
def _dynamic_vram_compile(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch.compile tracing ComfyUI's dynamic VRAM weight cast. Claimed only with ComfyUI in view: the ctypes graph
    break with comfy/ops.py's cast below it, dynamic VRAM named or a node's exception line; the undefined tensor
    subclass with SwarmUI's `ComfyUI execution error:` prefix, a node's exception line, dynamic VRAM named or a ComfyUI
    place (custom_nodes, python_embeded); the resumed cast's shape error only with dynamic VRAM named. The same dynamo
    errors in another program's code (its own tensor subclass, its own ctypes) are that program's."""
    if _off_nvidia_anywhere(ctx):
        return None
    near = _near(ctx)
    vram = _fact(ctx, "dynamic_vram")
    comfy = _comfy_node_run(near) or bool(_fact(ctx, "comfy_place"))
    if g.get("ctype"):
        if not (g.get("ops") or vram or comfy):
            return None
        return {"title": "torch.compile cannot trace ComfyUI's dynamic VRAM weight loading (dynamo: unsupported method "
                         f"{g.get('method') or '__mul__'} of ctypes' PyCSimpleType)",
                "details": {"graph_break": f"{g.get('method') or ''} of class PyCSimpleType"}}
    if g.get("subclass"):
        if not (g.get("swarm") or vram or comfy):
            return None
        return {"title": "torch.compile's generated code names a tensor subclass that does not exist "
                         f"({g['subclass']}): ComfyUI's dynamic VRAM weights under the compiler",
                "details": {"undefined": g["subclass"]}}
    if g.get("shape"):
        if not vram:
            return None
        return {"details": {"error": g["shape"], "frame": "torch_dynamo_resume_in_forward_comfy_cast_weights"}}
    return None


@_interp("async_offload_compile")
def _async_offload_compile(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A dynamo/inductor traceback in a ComfyUI that ran async weight offloading before PR #10961 (on by default in the
    release comfyui.toml's [release] async_offload_default names; earlier ones with `--async-offload`). A newer
    ComfyUI, or no sign that async offload was on, is not claimed."""
    near = _near(ctx)
    if _off_nvidia(ctx):
        return None
    on = near.get("async_offload_on") or ctx.get("async_offload_on") or ""
    if not on:
        return None
    ver = _release(str(ctx.get("comfyui_version") or near.get("comfyui_version") or ""))
    default = _release(_comfy_release("async_offload_default").lstrip("v"))
    if ver is None or default is None or ver > default:
        return None  # an unknown or newer ComfyUI: its offload streams are off for compiled models
    if ver < default and "--async-offload" not in on:
        return None
    return {"details": {"frame": g.get("frame") or "", "comfyui_version": str(ver), "async_offload": on}}


@functools.lru_cache(maxsize=1)
def _gguf_arches() -> frozenset[str]:
    """Every architecture string a ComfyUI-GGUF release reads (manifests/comfyui.toml [gguf_arches])."""
    return frozenset(str(n) for n in _manifest_part("comfyui", "gguf_arches", {}).get("names") or [])


@_interp("gguf_arch")
def _gguf_arch(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    arch = (g.get("arch") or "").lower()
    if arch and arch not in _gguf_arches():
        return None  # no ComfyUI-GGUF release reads it: a file written by another tool, updating the node will not help
    if arch == "qwen3vl":  # Qwen3-VL: a ComfyUI-GGUF update reads it, but Klein's encoder is plain Qwen3
        return {"details": {"arch": arch},
                "fix": ("Update ComfyUI-GGUF (ComfyUI-Manager: Custom Nodes Manager > ComfyUI-GGUF > Update; git: "
                        "`cd custom_nodes/ComfyUI-GGUF && git pull`), then restart; and check the file: Klein's text "
                        "encoder is plain Qwen3 (GGUF architecture `qwen3`: Qwen3-4B for klein 4B, Qwen3-8B for 9B, "
                        "e.g. unsloth/Qwen3-4B-GGUF), not Qwen3-VL")}
    return {"details": {"arch": arch}} if arch else {}


# GGML type numbers newer than the gguf releases ComfyUI-GGUF users tend to have (ggml.h enum ggml_type)
_GGML_NEW_TYPES = {34: "TQ1_0", 35: "TQ2_0", 39: "MXFP4", 41: "Q1_0"}


@_interp("gguf_qtype")
def _gguf_qtype(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """gguf's GGUFReader meeting a tensor type number its enum does not list. Ours only where ComfyUI reads the file
    (a node run, a ComfyUI place or loader frame): the same enum error from a llama.cpp fork's own gguf-py scripts or
    an LLM tool is that tool's reader."""
    if _off_nvidia(ctx) or _fact(ctx, "llm_engine"):
        return None
    near = _near(ctx)
    if not (_comfy_node_run(near) or near.get("comfy_place") or near.get("custom_node") or near.get("model_loader")
            or near.get("model_loader_node")):
        return None
    qt = g.get("qt") or ""
    name = _GGML_NEW_TYPES.get(int(qt)) if qt.isdigit() else None
    if not qt:
        return {}
    kind = f"type {qt} ({name})" if name else f"type {qt}"
    return {"title": (f"The GGUF file uses quantization {kind}, which the installed gguf package (read by ComfyUI-GGUF) "
                      "does not know"),
            "details": {"ggml_type": qt, **({"name": name} if name else {})}}


# ggml.h enum ggml_type numbers of the types ComfyUI-GGUF may dequantize with numpy (no torch code in some releases)
_GGML_IQ_TYPES = {16: "IQ2_XXS", 17: "IQ2_XS", 18: "IQ3_XXS", 19: "IQ1_S", 20: "IQ4_NL", 21: "IQ3_S", 22: "IQ2_S",
                  23: "IQ4_XS", 29: "IQ1_M", 34: "TQ1_0", 35: "TQ2_0", 39: "MXFP4"}
_GGML_TORCH_LATER = {"IQ4_NL", "IQ4_XS"}  # given torch dequantizers by later ComfyUI-GGUF releases


@_interp("gguf_numpy_dequant")
def _gguf_numpy_dequant(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI-GGUF's numpy fallback, named by the type it prints (a number, a name or the enum's repr). IQ4_NL and
    IQ4_XS fall back only in node pack releases older than their torch code: there the update comes first."""
    qt, num = (g.get("qt") or "").upper(), g.get("num") or ""
    name = _GGML_IQ_TYPES.get(int(qt)) if qt.isdigit() else qt
    number = qt if qt.isdigit() else num
    if not name:
        return {"details": {"ggml_type": number}} if number else {}
    details = {"ggml_type_name": name, **({"ggml_type": number} if number else {})}
    if name in _GGML_TORCH_LATER:
        return {"title": (f"This ComfyUI-GGUF has no GPU dequantization for {name} (added in later releases): it falls "
                          "back to numpy on the CPU, which is very slow"),
                "fix": ("Update ComfyUI-GGUF (ComfyUI-Manager > Custom Nodes Manager > ComfyUI-GGUF > Update; git: "
                        "`cd ComfyUI/custom_nodes/ComfyUI-GGUF && git pull`), then restart ComfyUI; or use a GGUF whose "
                        "name has `Q` instead of `IQ` (Q8_0, Q6_K, Q5_K_M, Q4_K_M; for Klein's text encoder e.g. "
                        "Qwen3-4B-Q4_K_M.gguf for klein 4B)"),
                "details": details}
    return {"title": (f"ComfyUI-GGUF has no GPU dequantization for this GGUF file's {name} weights: it falls back to "
                      "numpy on the CPU, which is very slow"),
            "details": details}


_RC_OWN_ROWS = {"huggingface-hub", "numpy", "protobuf", "transformers", "tokenizers", "typing-extensions", "diffusers",
                "xformers", "triton", "setuptools", "packaging", "timm"}


@_interp("resolver_conflict")
def _resolver_conflict(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pip's `ResolutionImpossible` is about whoever wrote the pins: a node pack's requirements in ComfyUI's Python is
    ours to explain, another project's requirements file (or a Mac/AMD/Intel install) is that project's own."""
    near = _near(ctx)
    if _off_nvidia(ctx):
        return None
    if g.get("req"):
        req = (g.get("req") or "").lower().replace("_", "-")
        if req in _RC_OWN_ROWS or req.startswith(("torch", "nvidia-", "opencv")):
            return None  # those pins have their own rows (torch.family-mismatch, hf.hub-too-new, python.numpy2, ...)
        if not (near.get("comfy_place") or near.get("custom_node") or near.get("comfy_reqs") or near.get("comfy_manager")):
            return None
        dep = f"{g.get('dependent')} {g.get('dver')}"
        have = f"{g.get('req2') or g.get('req')} {g.get('have')}"
        want = f"{g.get('req')}{g.get('spec') or ''}"
        return {"title": f"pip installed {have}, outside what {dep} declares ({want}): a warning, the install went through",
                "cause": (f"pip installed the requested packages into ComfyUI's Python, and afterwards checked the other "
                          f"installed packages: {dep} declares {want}, which the new {have} does not meet. pip only warns "
                          "(its resolver does not undo installs for packages outside the request); ComfyUI runs with "
                          f"{have}, and {g.get('dependent')} may or may not work with it."),
                "fix": (f"If ComfyUI and the nodes you use start and run, leave it. If {g.get('dependent')} is a node pack's "
                        f"dependency that now fails, update that node pack, or give the program that needs {want} its own "
                        "environment instead of ComfyUI's (its own venv); do not pin ComfyUI's own requirements back. "
                        "`python -m pip check` (portable: `python_embeded\\python.exe -m pip check`) lists every pin "
                        "the installed set breaks"),
                "details": {"requires": f"{dep}: {want}", "installed": have}}
    if not (re.search(r"custom_nodes|python_embeded|comfy", g.get("what") or "", re.I)
            or near.get("comfy_place") or near.get("custom_node") or near.get("comfy_node_pack")):
        return None  # the report's own words (`the node pack conflicts with ...`) say whose pins these are
    return {}


@_interp("wheel_path")
def _wheel_path(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    near = _near(ctx)
    if not (re.search(r"comfy|python_embeded", g.get("whl") or "", re.I) or near.get("custom_node")):
        return None  # another project's requirement naming a wheel file that is not there: its own mistake
    name, ver = g.get("wname") or "", g.get("wver") or ""
    spec = f"{name}=={ver}" if name and ver else "NAME==VERSION"
    return {"title": f"pip looks for {name or 'a package'}'s wheel at the path of the machine that built ComfyUI portable",
            "fix": ("Reinstall it from PyPI with the Python that runs ComfyUI, so pip forgets the build path, then run the "
                    f"install again: `python_embeded\\python.exe -m pip install --force-reinstall --no-deps {spec}` "
                    f"(a venv: `python -m pip install --force-reinstall --no-deps {spec}`)"),
            "details": {"wheel": g.get("whl") or "", "package": name, "version": ver}}


@_interp("no_device")
def _no_device(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """No usable GPU: under WSL2 (seen near the hit) the usual cause is a Linux NVIDIA driver inside WSL."""
    near = _near(ctx)
    if _off_nvidia(ctx) or (g.get("unknown") and ctx.get("amd")):
        return None  # a ZLUDA/ROCm setup's "CUDA unknown error" (the user may name AMD anywhere in the paste)
    if near.get("xla_dso_mismatch"):
        # XLA's own diagnosis follows its cuInit failure: `kernel version 470.182.3 does not match DSO version
        # 520.61.5` (a container's compat libcuda over an older host module); not a hidden or missing GPU
        return None
    if g.get("brackets"):
        # CUDA_VISIBLE_DEVICES=[1,2,3]: CUDA reads the value as a comma-separated list of indices or UUIDs and
        # stops at the first entry it cannot parse, so "[1" hides every GPU; whatever CUDA call comes first
        # then fails (no device, or cuDNN/cuBLAS failing to initialise)
        return {"title": "CUDA_VISIBLE_DEVICES is written as a bracketed list, which hides every GPU",
                "cause": ("CUDA reads CUDA_VISIBLE_DEVICES as plain comma-separated GPU indices (or UUIDs) and stops at the "
                          "first entry it cannot parse: `[1,2,3]` starts with `[1`, so no GPU is visible to the process and "
                          "the first CUDA call fails (no CUDA device, or cuDNN/cuBLAS failing to initialise)."),
                "fix": ("Write the indices without brackets or spaces, set before Python starts: `CUDA_VISIBLE_DEVICES=1,2,3 "
                        "python main.py` (in Python, before `import torch`: `os.environ[\"CUDA_VISIBLE_DEVICES\"] = \"1,2,3\"`); "
                        "the first listed GPU is then cuda:0"),
                "details": {"cuda_visible_devices": g["brackets"]}}
    if g.get("cvd_off"):
        # CUDA_VISIBLE_DEVICES=-1 (a system or user environment variable left by another tool or a CPU-only setup):
        # -1 is no valid index, so CUDA enumerates no device for this process while nvidia-smi still lists the GPU
        return {"title": "CUDA_VISIBLE_DEVICES=-1 hides every GPU from this process",
                "details": {"cuda_visible_devices": "-1"}}
    if g.get("unknown"):
        return {"title": "CUDA failed to start with an unknown error: the driver is in a bad state (often after sleep/resume)",
                "cause": ("PyTorch's `CUDA unknown error` (and any program's cuInit / cudaGetDeviceCount failing with error 999, "
                          "30 before CUDA 10.1) is CUDA's start failing with cudaErrorUnknown: the GPU is installed but the "
                          "driver cannot hand it out. On Linux the usual cause is a suspend/resume that left the nvidia_uvm "
                          "module broken (or its /dev/nvidia-uvm node missing); an update of the driver without a reboot "
                          "does the same."),
                "fix": ("Reboot, or reload the module without one (Linux), with ComfyUI and other GPU programs stopped first "
                        "(else rmmod says the module is in use): `sudo rmmod nvidia_uvm && sudo modprobe nvidia_uvm`, "
                        "then check with `nvidia-smi` and `python -c \"import torch; print(torch.cuda.is_available())\"`; "
                        "in Docker, restart the container after the host is fixed")}
    if near.get("wsl") or ctx.get("wsl"):
        return {"title": "WSL2 sees no GPU: the CUDA libraries in use are not the ones the Windows driver provides",
                "cause": ("In WSL2 the GPU is reached through the Windows NVIDIA driver, whose libraries WSL maps into "
                          "/usr/lib/wsl/lib. A Linux NVIDIA driver (or a `cuda`/`cuda-drivers` package) installed inside "
                          "WSL puts its own libcuda first, which finds no device; an old WSL or Windows driver does the same."),
                "fix": ("Keep only the Windows driver: inside WSL remove the Linux one (`sudo apt-get remove --purge "
                        "'^nvidia-driver-.*' '^libnvidia-.*'`; for CUDA install only `cuda-toolkit-12-8`, never `cuda` or "
                        "`cuda-drivers`), then in Windows `wsl --update` and `wsl --shutdown`; `ldconfig -p | grep libcuda` must "
                        "show /usr/lib/wsl/lib (until then `export LD_LIBRARY_PATH=/usr/lib/wsl/lib:$LD_LIBRARY_PATH`) and "
                        "`/usr/lib/wsl/lib/nvidia-smi` must list the GPU"),
                "details": {"wsl": near.get("wsl") or ctx.get("wsl")}}
    if g.get("initfail"):
        # torch's wording of cudaErrorInitializationError (3) from its device count: the driver library loaded but CUDA
        # did not start for this process (kernel module not loaded, /dev/nvidia* missing or not readable, no GPU given)
        return {"title": "The CUDA driver failed to initialise for this process (torch: `CUDA driver initialization failed`)",
                "cause": ("PyTorch says `CUDA driver initialization failed, you might not have a CUDA gpu` when CUDA's start "
                          "returns cudaErrorInitializationError: the NVIDIA driver's library was found, but CUDA could not "
                          "start on any GPU for this process. Usual reasons: no NVIDIA GPU in this machine, VM or job (a "
                          "cluster's login or CPU node, a container started without GPU access); the kernel driver not loaded "
                          "or broken after a driver update or a suspend (until a reboot or a reload); or the /dev/nvidia* device "
                          "files missing or not accessible to this user."),
                "fix": ("Run `nvidia-smi` as the same user, in the same container or job: if it fails, install or reload the "
                        "NVIDIA driver and reboot (Ubuntu: `sudo ubuntu-drivers install`); if it lists the GPU, check "
                        "`ls -l /dev/nvidia*` (the user needs access, e.g. `sudo usermod -aG video $USER`, then log in again), "
                        "unset CUDA_VISIBLE_DEVICES or set it to an index nvidia-smi shows, start a container with `--gpus all`, "
                        "and on a cluster run inside a job with a GPU (`srun --gres=gpu:1 --pty bash`); then check with "
                        "`python -c \"import torch; print(torch.cuda.is_available())\"`")}
    if g.get("cuinit"):
        # cuInit's raw code 100 is CUDA_ERROR_NO_DEVICE: nvidia-smi may still list the GPU, because what hides it is
        # this process's environment (CUDA_VISIBLE_DEVICES) or, on a hybrid laptop, Windows running it on the iGPU
        return {"title": "CUDA's cuInit found no GPU for this process (error 100, CUDA_ERROR_NO_DEVICE)",
                "cause": ("cuInit returned 100, CUDA_ERROR_NO_DEVICE: the driver is installed but shows this process no "
                          "NVIDIA GPU, although nvidia-smi may list it. Something in the process's environment hides it: "
                          "CUDA_VISIBLE_DEVICES set to -1 or to an empty or wrong value (often system-wide, by another "
                          "program's installer), or, on a laptop with hybrid graphics, Windows running python.exe on the "
                          "integrated GPU."),
                "fix": ("Look for CUDA_VISIBLE_DEVICES in the shell that starts Klein (`set CUDA_VISIBLE_DEVICES` on Windows, "
                        "`echo $CUDA_VISIBLE_DEVICES` on Linux) and remove it (Windows: System Properties > Environment "
                        "Variables; Linux: `unset CUDA_VISIBLE_DEVICES`) or set it to an index nvidia-smi shows; on a hybrid "
                        "laptop set python.exe (ComfyUI portable: python_embeded\\python.exe) to High performance in Windows "
                        "Settings > System > Display > Graphics, then check with "
                        "`python -c \"import torch; print(torch.cuda.is_available())\"`"),
                "details": {"cuinit": g["cuinit"]}}
    return {}


def _bf16_floor() -> int | None:
    """manifests/gpus.toml's [bf16] floor (x10): bfloat16 matrix math from compute capability 8.0 on."""
    return _cc10(str(_manifest_part("gpus", "bf16", {}).get("min_cc") or ""))


def _has_bf16(device: str) -> bool:
    """A device line (`cuda:0 NVIDIA GeForce RTX 3090 : cudaMallocAsync`) names a card gpus.toml puts at or above the
    bf16 floor."""
    cc, need = _gpu_cc10(device) if device.strip() else None, _bf16_floor()
    return cc is not None and need is not None and cc >= need


def _bf16_gpu_named(ctx: dict[str, Any]) -> bool:
    """The paste names a GPU with bfloat16 and none without it: every card the GPU context facts name (near the hit
    or anywhere) has manifests/gpus.toml's capability at or above its [bf16] floor (8.0: A100, A10G, RTX 30 / 40 / 50,
    L4, H100; not T4 / RTX 20, V100 or Pascal). A family named alone ("Ampere", "Turing") is read as the card
    [explain_family] gives it; a name the table does not know counts as no card."""
    need = _bf16_floor()
    if need is None:
        return False
    family = _manifest_part("gpus", "explain_family", {})
    ccs = []
    for key in _GPU_FACTS:
        v = _fact(ctx, key).strip()
        cc = _fact_cc10(key, v, family) if v else None
        if cc is not None:
            ccs.append(cc)
    return bool(ccs) and min(ccs) >= need


@_interp("no_bf16")
def _no_bf16(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if g.get("cublas"):
        if _off_nvidia(ctx):
            return None  # ZLUDA on an AMD card answers bf16 GEMMs the same way: not NVIDIA hardware
        return {"title": f"cuBLAS refused a bfloat16 matrix multiply ({g['cublas']} with CUDA_R_16BF): this GPU has no "
                         "bfloat16 matrix math (Maxwell / Pascal, GTX 900 / GTX 10, Tesla M40 / P100)",
                "cause": ("cuBLAS answers CUBLAS_STATUS_NOT_SUPPORTED when a bfloat16 GEMM is asked of a card without "
                          "bfloat16 math; the program chose bf16 anyway (a check with torch.cuda.is_bf16_supported() can "
                          "say True on such cards, since it counts bfloat16 that torch emulates). "
                          + cat.by_id("gpu.no-bf16").cause)}  # type: ignore[union-attr]
    if g.get("nunchaku"):
        if _off_nvidia(ctx):
            return None  # nunchaku's guard words only mean a CUDA arch below 8.0 on an NVIDIA card
        return {"title": "nunchaku's bfloat16 kernel ran on a GPU without bfloat16 (RTX 20 / Turing or older)"}
    if g.get("cutlass"):
        # PyTorch SDPA's memory-efficient kernel found none for the inputs: its cutlass kernels have no bfloat16 below
        # compute capability 8.0. Beside an Ampere-or-newer card (or another vendor's) that is not the reason
        near = _near(ctx)
        if _off_nvidia(ctx) or near.get("ada_gpu") or near.get("gpu_model") or _has_bf16(near.get("device") or ""):
            return None
        return {"title": ("PyTorch's memory-efficient attention has no kernel for these inputs (cutlassF): bfloat16 on a "
                          "GPU older than Ampere"),
                "cause": ("PyTorch's scaled_dot_product_attention picked its memory-efficient (cutlass) kernel, and that kernel "
                          "has no bfloat16 version below compute capability 8.0: Volta (V100), Turing (T4, RTX 20, GTX 16) "
                          "and older cards. The model or pipeline runs in bfloat16 (`torch_dtype=torch.bfloat16`, a script's "
                          "bf16 default), so attention stops with `cutlassF: no kernel found to launch!`; float16 works there.")}
    if g.get("accel"):
        # accelerate's Accelerator(mixed_precision="bf16") refusal: is_bf16_available() was False. On CUDA that is
        # torch.cuda.is_bf16_supported(); the same words come from a Mac (MPS), an AMD / Intel setup, or a check that
        # failed beside an Ampere-or-newer card, none of them a GPU without bfloat16
        if _off_nvidia_anywhere(ctx) or ctx.get("mps_backend") or ctx.get("macos") or _bf16_gpu_named(ctx):
            return None
        return {"title": ("accelerate refused bf16 mixed precision: this GPU has no bfloat16 (older than Ampere: T4, "
                          "V100, RTX 20, GTX 16 / 10)"),
                "fix": ("Train in fp16 instead: `accelerate launch --mixed_precision fp16 ...` (or mixed_precision = "
                        "\"fp16\" in the trainer's config / `accelerate config`, and save_precision fp16), or \"no\" for "
                        "fp32. " + cat.by_id("gpu.no-bf16").fix)}  # type: ignore[union-attr]
    if g.get("hfargs") and _bf16_gpu_named(ctx):
        # transformers' TrainingArguments refusal where the paste names an Ampere-or-newer card (an L4, an A100, an RTX
        # 30 / 40 / 50) and no older one: the card has bfloat16, so the check failed for another reason (a program's own
        # dtype detection, a torch that sees no CUDA), not the GPU's missing bf16
        return None
    gpu, cc = (g.get("gpu") or "").strip().strip("b'\""), g.get("cc")
    if gpu and cc:
        return {"title": f"bfloat16 was asked of the {gpu} (compute capability {cc}), which has none: it needs 8.0 or newer",
                "details": {"gpu": gpu, "compute_capability": cc}}
    if gpu:  # torch inductor's warning names the card only (`Tesla T4 does not support bfloat16 compilation natively`)
        return {"title": f"bfloat16 was asked of the {gpu}, which has no native bfloat16 (older than Ampere)",
                "details": {"gpu": gpu}}
    return {}


@_interp("half_on_cpu")
def _half_on_cpu(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A float16 op refused by PyTorch's CPU kernels: a half-precision model on the CPU. A `+cpu` torch in the text is
    torch.cpu-build's (the reason it ran there). Inside a ComfyUI node run it is the node's own choice (ComfyUI itself
    runs the CPU in float32), and on a Mac, AMD or Intel setup the GPU fix does not apply: not claimed."""
    near = _near(ctx)
    if _off_nvidia(ctx) or _comfy_node_run(near) or near.get("torch_cpu_wheel"):
        return None
    op = g.get("op") or ""
    return {"title": f"A float16 model ran on the CPU: PyTorch has no float16 CPU kernel for `{op}`" if op else None,
            "details": {"op": op} if op else {}}


@_interp("flash_dtype")
def _flash_dtype(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """flash-attn refused float32 inputs (or transformers warned that a model set to flash_attention_2 is float32).
    flash-attn is a CUDA package: on a Mac, AMD or Intel setup the words are another build's."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("model"):
        return {"title": (f"transformers warned that {g['model']} is in {g.get('dtype') or 'float32'} while flash_attention_2 "
                          "is set: flash-attn runs only in float16 / bfloat16"),
                "details": {"model": g["model"], "dtype": g.get("dtype") or "float32"}}
    return {}


@_interp("fp8_lora")
def _fp8_lora(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI's LoRA patching of fp8 weights done in fp8. Its own log line (`ERROR lora <layer> ...`) says so; a
    user's words need the LoRA and the fp8 fast path (--fast, an _fast weight dtype) both in view: the same refusal
    from a node's own math (a sampler casting activations to fp8, an IP-Adapter) is that node's bug."""
    if _off_nvidia(ctx):
        return None
    near = _near(ctx)
    dtype, op = g.get("dtype") or "Float8_e4m3fn", g.get("op") or "addmm_cuda"
    if g.get("key"):
        return {"title": (f"ComfyUI could not apply a LoRA to the fp8 layer {g['key']}: `{op}` has no {dtype} version "
                          "(fp8 fast mode)"),
                "details": {"layer": g["key"], "op": op, "dtype": dtype}}
    fast = (near.get("pinned_hint") or ctx.get("pinned_hint") or "").startswith("--fast") or near.get("fp8_fast")
    if not fast:
        return None
    return {"details": {"op": op, "dtype": dtype}}


@_interp("mixed_fp8_lora")
def _mixed_fp8_lora(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """PyTorch's fp8 refusal in a ComfyUI that loaded a mixed-precision (comfy_quant) fp8 model: its LoRA patching of
    those layers before PR #10899. Needs the log's mixed-precision lines; with the fp8 fast path named (--fast,
    fp8_e4m3fn_fast) the cause is comfyui.fp8-lora-fast's, and a ComfyUI newer than the fix is not claimed."""
    if _off_nvidia(ctx):
        return None
    if not _fact(ctx, "comfy_mixed_quant"):
        return None
    near = _near(ctx)
    if _fact(ctx, "pinned_hint").startswith("--fast") or _fact(ctx, "fp8_fast"):
        return None
    ver = _release(str(ctx.get("comfyui_version") or near.get("comfyui_version") or ""))
    fixed = _release(_comfy_release("mixed_fp8_lora_fix"))
    if ver is not None and fixed is not None and ver >= fixed:
        return None
    op, dtype = g.get("op") or "mul_cuda", g.get("dtype") or "Float8_e4m3fn"
    return {"details": {"op": op, "dtype": dtype, "model": _fact(ctx, "comfy_mixed_quant")}}


# GGML block sizes (bytes per block, weights per block) of the quantized types ComfyUI-GGUF loads: Q4_0, Q4_1,
# Q5_0, Q5_1, Q8_0 (blocks of 32) and the K-quants Q2_K .. Q6_K (blocks of 256); gguf-py GGML_QUANT_SIZES
_GGML_BLOCKS = ((18, 32), (20, 32), (22, 32), (24, 32), (34, 32), (84, 256), (110, 256), (144, 256), (176, 256), (210, 256))


def _ggml_packed(packed: int | None, cols: int | None) -> bool:
    """``packed`` is the byte width a GGML quant type gives a row of ``cols`` weights (1728 for 3072 in Q4_0 / Q4_K)."""
    if not packed or not cols or packed >= 4 * cols:
        return False
    return any(cols % block == 0 and packed * block == cols * size for size, block in _GGML_BLOCKS)


def _other_lora_app(ctx: dict[str, Any]) -> bool:
    """Another UI or runtime with its own LoRA code for quantized models named in the paste (Forge / Forge Neo,
    SD.Next, Wan2GP, InvokeAI, Fooocus, nunchaku's SVDQuant loader) or a video model's nodes."""
    return any(_fact(ctx, k) for k in ("other_imagegen_app", "other_webui", "sd_ui_fork", "nunchaku", "video_model"))


@_interp("nvfp4_lora")
def _nvfp4_lora(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A user's words that LoRAs do nothing (or need support) on NVFP4 models: ComfyUI's LoRA path before PR #11837.
    Claimed only in a ComfyUI paste (a workflow, a ComfyUI node, its log or folders named) that names no other UI,
    no nunchaku and no video model: Forge Neo and the others fixed their own NVFP4 LoRA code."""
    if _off_nvidia(ctx) or _other_lora_app(ctx):
        return None
    comfy = any(_fact(ctx, k) for k in ("comfy_run", "comfy_place", "model_loader_node", "node_type", "node_exec",
                                         "comfyui_version", "comfy_launch_line", "comfy_load"))
    if not comfy:
        return None
    return {"details": {"said": g.get("said") or ""}}


@_interp("gguf_lora")
def _gguf_lora(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI-GGUF's LoRA patching out of step with ComfyUI: its GGMLTensor / GGUFModelPatcher attribute errors on a
    LoRA, or ComfyUI's `ERROR lora` shape errors where the layer's width is the packed byte width of a GGML quant
    type of the LoRA's width (the rows agree). Another base model's LoRA (other rows, other widths) is not this."""
    if _off_nvidia(ctx) or _other_lora_app(ctx):
        return None
    if g.get("attr") or g.get("patcher"):
        return {"details": {k: v for k, v in (("attribute", g.get("attr")),) if v}}
    packed = _int(g.get("packed"))
    if g.get("cols"):
        cols = _int(g.get("cols"))
    else:
        rows, size = _int(g.get("rows")), _int(g.get("size"))
        if not rows or size is None or size % rows:
            return None
        cols = size // rows
    if not _ggml_packed(packed, cols):
        return None
    return {"title": (f"ComfyUI applied a LoRA to the packed GGUF weight of {g.get('key') or 'a layer'} ({packed} bytes "
                      f"for {cols} weights a row): ComfyUI-GGUF and ComfyUI are out of step, the LoRA is not applied"),
            "details": {"layer": g.get("key") or "", "packed": str(packed), "width": str(cols)}}


@_interp("clip_none")
def _clip_none(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI's warning that a checkpoint holds no text encoder: the cause when nothing else encodes the prompt,
    harmless when the paste shows a text encoder loaded separately (Load CLIP: `Requested to load ...TEModel_`)."""
    if not g.get("no_te"):
        return {}
    if ctx.get("te_model") or _near(ctx).get("te_model"):
        return None
    if any("load_clip" in str(v or "") for v in (_near(ctx).get("model_loader"), ctx.get("model_loader"))):
        return None  # a text encoder loader (Load CLIP, a model's own text-encoder loader) runs right after: harmless
    return {"title": "The checkpoint file holds no text encoder: ComfyUI loaded none from it, so the prompt has nothing to encode it",
            "cause": ("Load Checkpoint (CheckpointLoaderSimple) read a file without text-encoder weights and logged `no "
                      "CLIP/text encoder weights in checkpoint`: its CLIP output is None. Diffusion-model files hold no "
                      "text encoder (FLUX and Klein files are diffusion-only, others carry only the model and the VAE), so "
                      "CLIPTextEncode fails or the run stops there.")}


@_interp("vae_none")
def _vae_none(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI's VAE nodes got no VAE: a checkpoint without VAE weights, or a Load VAE file it does not recognise.
    An audio VAE (VAE Encode/Decode Audio, an LTX or ACE-Step audio VAE file) belongs to another model family."""
    if _near(ctx).get("audio_vae") or _near(ctx).get("video_model"):
        return None  # an audio VAE, or a video model's workflow (Wan, LTX, Hunyuan Video): that family's own VAE file
    if g.get("old_attr"):
        return {"title": "VAE Decode / VAE Encode got a VAE ComfyUI never built (`'VAE' object has no attribute 'vae_dtype'`)",
                "cause": ("The file chosen as the VAE (Load VAE, or the checkpoint loader's VAE output) held none of the VAE "
                          "layouts ComfyUI knows, so comfy/sd.py logged `No VAE weights detected, VAE not initalized` and left "
                          "the VAE half-built; the ComfyUI of late 2024 / early 2025 then failed at the VAE's first use on the "
                          "missing vae_dtype (newer ComfyUI says `ERROR: VAE is invalid: None`). The file is not a VAE (a text "
                          "encoder, a diffusion model or a LoRA in models/vae), a damaged or placeholder download, a checkpoint "
                          "without a VAE inside, or the VAE of a model newer than this ComfyUI."),
                "details": {"attribute": g["old_attr"]}}
    if g.get("no_vae") or _near(ctx).get("no_vae_weights"):
        return {"title": "Load VAE's file holds no VAE ComfyUI recognises (`No VAE weights detected`)",
                "cause": ("ComfyUI read the file chosen as the VAE and found none of the VAE layouts it knows, so the VAE "
                          "is not built and VAE Decode / VAE Encode then fail with `VAE is invalid: None`: the file is not "
                          "a VAE (a text encoder, a diffusion model or a LoRA saved in models/vae), a damaged or placeholder "
                          "download, or the VAE of a model newer than this ComfyUI.")}
    return {}


@_interp("vae_unconnected")
def _vae_unconnected(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI's prompt validation: a node's `vae` input has no link. A video wrapper's node (Wan, LTX, Hunyuan Video)
    takes that family's VAE: not ours to name."""
    if _near(ctx).get("video_model") or _near(ctx).get("audio_vae"):
        return None
    return {}


@_interp("zimage_te")
def _zimage_te(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI built the Z-Image text encoder: a mistake for Klein, by design when the paste runs a Z-Image model."""
    if _near(ctx).get("zimage_model") or ctx.get("zimage_model"):
        return None
    return {}


@_interp("vae_layout")
def _vae_layout(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A strict load of BFL's FLUX.2 AutoEncoder given a diffusers-layout VAE. Missing `encoder.quant_conv` is BFL's
    FLUX.2 layout by itself (FLUX.1's AE has no quant_conv, an SD VAE's is top-level); an Unexpected list of diffusers
    keys alone fits any family's diffusers VAE, so it is ours only with FLUX.2 / Klein named in the paste."""
    if g.get("missing"):
        return {"details": {"missing": g["missing"]}}
    named = _near(ctx).get("flux2_named") or ctx.get("flux2_named")
    if not named:
        return None
    return {"details": {"unexpected": g.get("unexpected"), "flux2": named}}


@_interp("triton_too_old")
def _triton_too_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch's inductor refused a GPU below Triton's minimum CUDA capability. The check is NVIDIA-only; beside an
    AMD, Intel or Mac setup the words are not ours."""
    if _off_nvidia(ctx):
        return None
    gpu, cc = (g.get("gpu") or "").strip().strip("'\""), g.get("cc")
    if gpu and cc:
        return {"title": (f"torch.compile's Triton backend refused the {gpu} (compute capability {cc}): Triton needs "
                          f"{g.get('min') or '7.0'} or newer"),
                "details": {"gpu": gpu, "compute_capability": cc}}
    if gpu:
        return {"title": f"torch.compile's Triton backend refused the {gpu}: Triton needs compute capability 7.0 or newer",
                "details": {"gpu": gpu}}
    return {}


@_interp("triton_blackwell")
def _triton_blackwell(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Triton's LLVM or ptxas does not know the Blackwell card. The sm_1xx lines name the card's architecture
    themselves; the LLVM ERROR `Cannot select: intrinsic %llvm.nvvm.shfl.sync.bfly.i32` (the line a title or a short
    paste keeps) does not: old Tritons print it on Pascal and older cards too, so it is claimed only with an RTX 50 /
    Blackwell card named, on its own line (`... on 5090 laptop`) or anywhere in the paste (the gpu_model context, a
    `sm_120` / `(12, 0)` capability)."""
    if not g.get("shfl"):
        return {}
    if _off_nvidia_anywhere(ctx):
        return None
    model = _fact(ctx, "gpu_model")
    if g.get("card"):
        name = f"the RTX {g['card']}"
    elif model.upper().startswith("RTX"):
        # a card named with its RTX (a bare 5090 in the window may be a port or a count; the error's own line reads one)
        name = f"the {model}"
    elif model.lower() == "blackwell" or "12" in _fact(ctx, "hopper_gpu"):
        name = "a Blackwell GPU"
    else:
        return None
    said = g.get("card") or model or _fact(ctx, "hopper_gpu")
    return {"title": f"Triton is too old for {name}: its LLVM cannot compile the kernel for Blackwell "
                     "(`LLVM ERROR: Cannot select: intrinsic %llvm.nvvm.shfl.sync.bfly.i32`)",
            "details": {"gpu": said}}


@functools.lru_cache(maxsize=1)
def _torchao_for_torch() -> dict[str, str]:
    """The torchao release built for each torch minor version (manifests/torch_companions.toml, pytorch/ao#2919)."""
    rows = _manifest_part("torch_companions", "torchao", [])
    return {str(r["torch_minor"]): str(r["torchao"]) for r in rows if r.get("torch_minor") and r.get("torchao")}


@_interp("torchao_torch")
def _torchao_torch(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torchao skipped its compiled kernels: it was built for another torch. A ROCm / XPU torch, or another vendor's
    setup, is not ours; a Mac is judged by the torch build the line names (torch's own Windows/MacOs redirect warning
    often stands beside it on a CUDA machine)."""
    tv, ao = g.get("torch") or "", g.get("ao") or ""
    if re.search(r"\+(?:rocm|xpu)", tv) or _other_gpu(ctx):
        return None
    if g.get("abort"):
        # torchao before 0.13 loaded its kernels without checking the torch: an ABI mismatch aborts Python at import
        if _off_nvidia(ctx):
            return None
        return {"details": {"crash": g["abort"]},
                "title": ("`import torchao` aborted Python: its compiled kernels were built for another PyTorch release "
                          "(torchao before 0.13 crashed here instead of skipping them)")}
    if "+cu" not in tv and _off_nvidia(ctx):
        return None
    minor = ".".join(tv.split("+")[0].split(".")[:2])
    want = _torchao_for_torch().get(minor)
    need = g.get("need")
    if need:
        # the newer wording names the torch the torchao needs (`Please upgrade to torch >= 2.11.0 (found 2.9.1+cu128)`),
        # not the torchao version
        op = g.get("op") or ">="
        return {"details": {"torch": tv, "torchao_needs": f"torch {op} {need}"},
               "title": f"This torchao needs torch {op} {need}, the installed torch is {tv}: its C++/CUDA kernels are skipped",
               "fix": ("Keep torch and install the torchao built for it"
                       + (f": `python -m pip install \"torchao=={want}\"` for torch {minor}" if want else "")
                       + " (pytorch/ao#2919's table), in the Python that runs Klein; or upgrade torch to the release this "
                       f"torchao asks for (torch {op} {need}) together with the packages pinned to it; with a program that "
                       "pins both (ai-toolkit, a node pack), update it or pin torchao back to its last release for your "
                       "torch; if nothing you run uses torchao, `python -m pip uninstall torchao`")}
    out: dict[str, Any] = {"details": {"torch": tv, "torchao": ao}}
    out["title"] = f"torchao {ao} was built for another PyTorch than the installed {tv}: its C++/CUDA kernels are skipped"
    if want:
        out["fix"] = (f"Install the torchao built for torch {minor}: `python -m pip install \"torchao=={want}\"` in the "
                      "Python that runs Klein (pytorch/ao#2919's table), or upgrade torch to the release this torchao "
                      "was built for; if nothing you run uses torchao, the line is harmless (or "
                      "`python -m pip uninstall torchao`)")
    return out


@_interp("packaging_range")
def _packaging_range(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """transformers.packaging-too-new: packaging's InvalidVersion for a version range (`'0.10.1,<0.11'`), which only
    an old transformers' requirement check hands over as one version. The headline quotes the range as read; AMD,
    Intel and Mac setups are left alone."""
    if _off_nvidia(ctx):
        return None
    rng = (g.get("low") or "") + (g.get("rest") or "")
    return {"title": (f"packaging 22 or newer rejects '{rng}' as a version: an old transformers' import-time check "
                      "passes the whole version range to it"),
            "details": {"range": rng}}


@_interp("frozen_metadata")
def _frozen_metadata(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """python.frozen-metadata-missing: importlib.metadata finds no metadata for a package inside a PyInstaller app (its
    loader frames or bootloader line near the error: the frozen_app fact). Without one the same message is
    python.module-missing's (the package is not installed in that Python)."""
    if not _near(ctx).get("frozen_app") or _off_nvidia(ctx):
        return None
    pkg = g.get("pkg") or g.get("reqpkg") or ""
    if not pkg or pkg.lower() in ("the", "no"):
        return None
    fix = cat.by_id("python.frozen-metadata-missing").fix  # type: ignore[union-attr]
    if pkg.lower() not in ("tqdm", "transformers", "diffusers"):
        fix = fix.replace("`--copy-metadata tqdm --copy-metadata regex", f"`--copy-metadata {pkg} --copy-metadata tqdm --copy-metadata regex")
    return {"title": (f"This PyInstaller app was built without {pkg}'s package metadata: importlib.metadata cannot find "
                      f"it when the app runs ({pkg} itself is bundled)"),
            "fix": fix, "details": {"package": pkg, **({"requirement": g["req"]} if g.get("req") else {})}}


@_interp("dev_pin")
def _dev_pin(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """diffusers.dev-version-pin: a pin of a Hugging Face library's `.devN` version, which only its git main carries.
    The headline and the fix name the library and version as read."""
    if _off_nvidia(ctx):
        return None
    pkg = (g.get("pkg") or "diffusers").replace("_", "-")
    ver = g.get("ver") or ""
    base = re.sub(r"\.?dev\d*$", "", ver)
    repo = {"huggingface-hub": "huggingface_hub"}.get(pkg, pkg)
    fix = (f"Install {pkg} from its git main, as the project was developed: "
           f"`python -m pip install \"git+https://github.com/huggingface/{repo}\"`, or, when the release {base} is out, "
           f"the release: `python -m pip install -U \"{pkg}>={base}\"`; then change the pin in requirements.txt "
           f"(`=={ver}` to `>={base}`) so the next install does not stop on it"
           + (f". Klein's pipelines need `\"diffusers>={_klein_min('diffusers')}\"`" if pkg == "diffusers" else ""))
    own = f"{pkg}'" if pkg.endswith("s") else f"{pkg}'s"
    return {"title": (f"{pkg}=={ver} is a development version: it exists only in {own} git main, never on PyPI, "
                      "so pip finds no release to install"),
            "fix": fix, "details": {"package": pkg, "version": ver}}


@_interp("kitchen_cuda")
def _kitchen_cuda(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """comfy-kitchen's CUDA backend did not load. On an AMD (ROCm) or Mac setup the cuda backend is not meant to
    run, and with a CPU-only torch or no GPU it only reports that CUDA is absent: not ours."""
    if _off_nvidia(ctx):
        return None
    reason = g.get("reason") or ""
    if re.search(r"CUDA (?:is )?not available|no CUDA|not available on this system", reason, re.I):
        return None  # a CPU-only torch or no NVIDIA GPU: comfy-kitchen only reports it, the cause lies elsewhere
    out: dict[str, Any] = {"details": {"reason": reason}}
    if re.search(r"partially initialized module|circular import", reason):
        out["title"] = ("comfy-kitchen's CUDA backend failed to import (the comfy-kitchen 0.2.0 Windows import bug): "
                        "ComfyUI runs quantized models on slower kernels")
    elif m := re.search(r"(python3\d{1,2})\.dll conflicts with this version of Python", reason):
        out["title"] = (f"comfy-kitchen's CUDA backend was built for another Python ({m.group(1)}.dll): ComfyUI runs "
                        "quantized models on slower kernels")
    return out


@_interp("windows_dll")
def _windows_dll(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A torch DLL Windows cannot load: the Microsoft C++ runtime under it. A ROCm torch's *_hip.dll, an Intel
    XPU torch's *_xpu.dll (its oneAPI/SYCL runtime), or an AMD/Intel/Mac setup: out of scope."""
    dll, code = _dll_name(g.get("dll") or ""), g.get("code") or ""
    if _foreign_torch_dll(dll, ctx) or _frozen_torch(g.get("path") or ""):
        return None
    if g.get("vcwarn"):
        # torch's own check (vcruntime140.dll / msvcp140.dll not loadable) printed its warning before the failure
        what = f"PyTorch's {dll}" if dll else "PyTorch's DLLs"
        return {"title": (f"PyTorch says the Microsoft Visual C++ Redistributable is not installed, and {what} then "
                          "failed to load: install the VC++ runtime"),
                "details": {k: v for k, v in (("dll", dll), ("winerror", code)) if v}}
    if g.get("av_load"):
        # faulthandler's stack stands in torch/__init__.py _load_dll_libraries: one of torch's DLLs crashed inside its own
        # initialisation while Windows loaded it (what WinError 1114 reports when it does not crash outright)
        return {"title": ("Python crashed (access violation) while Windows loaded PyTorch's DLLs (torch/__init__.py "
                          "_load_dll_libraries): a DLL failed inside its initialisation, most often an old or missing "
                          "Microsoft C++ runtime"),
                "details": {"crash": "access violation in torch's DLL loader", "winerror": "1114"}}
    if not dll and g.get("init"):
        # torch 1.x's `from torch._C import *` with Windows' error 1114 text, in any language: no DLL is named
        return {"title": ("Windows could not load PyTorch's _C module (a DLL it loads failed to initialize, error 1114): "
                          "the Microsoft C++ runtime or the OpenMP DLL it needs is missing or too old"),
                "details": {"winerror": "1114"}}
    if not dll:
        return {}
    how = "it failed to initialize" if code == "1114" else "it, or a DLL it depends on, was not found"
    return {"title": f"Windows could not load PyTorch's {dll} ({how}): the Microsoft C++ runtime it needs is missing",
            "details": {"dll": dll, "winerror": code}}


@_interp("windows_dll_stale")
def _windows_dll_stale(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """WinError 127 or 182 on a torch DLL: the DLL loaded but lacks a function, so torch\\lib mixes files of two builds.
    A ROCm/ZLUDA torch (*_hip.dll), an Intel XPU torch (*_xpu.dll), a frozen program's bundled torch or an
    AMD/Intel/Mac setup: out of scope."""
    dll = _dll_name(g.get("dll") or "")
    if _foreign_torch_dll(dll, ctx) or _frozen_torch(g.get("path") or ""):
        return None
    if not dll:
        return {}
    code = g.get("code") or "127"
    return {"title": f"Windows loaded PyTorch's {dll} from another build (WinError {code}: a function it needs is missing)",
            "details": {"dll": dll, "winerror": code}}


def _dll_name(dll: str) -> str:
    """A DLL name as the patterns read it, without the spaces a machine translation or a retyping puts into a path
    (`torch \\ lib \\ c10. dll`)."""
    return re.sub(r"\s+", "", dll)


_FROZEN_TORCH = re.compile(r"[\\/](?:_internal|_build|_MEI\d{1,12}|build[\\/]exe\.[\w.-]{1,40}|library\.zip)[\\/]", re.I)


def _frozen_torch(path: str) -> bool:
    """A torch\\lib inside a frozen program's own folder (PyInstaller's `_internal` or `_MEI123` temp folder, cx_Freeze's
    `build\\exe.win-amd64-3.x` or a `_build` output), not a Python's site-packages: the freezer's packaging of torch."""
    return "site-packages" not in path.lower() and bool(_FROZEN_TORCH.search(path))


@_interp("conda_dll_conflict")
def _conda_dll_conflict(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A torch DLL failing by a missing function (WinError 127/182, or `DLL load failed ... %1` on `from torch._C`)
    where the paste shows a Windows conda env's site-packages: another conda package's DLL in the env's Library\\bin
    is the copy Windows loaded. Without a conda path, a frozen program's torch, or an AMD/Intel/Mac setup: not this."""
    dll, path = g.get("dll") or "", g.get("path") or ""
    if _foreign_torch_dll(dll, ctx) or _frozen_torch(path):
        return None
    env = _near(ctx).get("conda_env_path") or ""
    if not env:
        return None
    what = f"PyTorch's {dll}" if dll else "PyTorch's _C module"
    code = g.get("code") or ""
    why = (f"WinError {code}: a function it imports is missing" if code
           else f"`{(g.get('msg') or '').strip()}`: a function it imports is missing")
    return {"title": (f"{what} failed to load in the conda env at {env} ({why}): another conda package's "
                      "OpenMP/MKL DLL in that env is the copy Windows loaded"),
            "details": {"dll": dll, "winerror": code, "conda_site_packages": env}}


@_interp("app_control")
def _app_control(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Windows' application control refusing a file of the Python env. A ROCm/ZLUDA or XPU torch's DLL, or an
    AMD/Intel/Mac setup near the hit: out of scope."""
    f = g.get("file") or ""
    if _foreign_torch_dll(f, ctx):
        return None
    if not f:
        return {}
    return {"title": f"Windows' application control (Smart App Control, WDAC or AppLocker) refused to load {f}",
            "details": {"file": f}}


def _no_nvidia_stated(ctx: dict[str, Any]) -> bool:
    """The paste says the computer has no NVIDIA GPU (a user's `without a dedicated GPU`, `doesn't have an NVIDIA
    graphics card`, a system summary whose graphics line is only a Mesa Intel one) and names no NVIDIA GPU anywhere
    (a GeForce / RTX name or nvidia-smi's header overrides it: a hybrid laptop shows both)."""
    return bool(ctx.get("no_nvidia_gpu")) and not ctx.get("nvidia_named")


@_interp("docker_gpu")
def _docker_gpu(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A container without GPU access; on an AMD/Intel or Mac setup, or a computer the paste says has no NVIDIA
    GPU, there is no NVIDIA runtime to add. nvidia-smi missing is claimed only where the paste shows a container
    (on a host it is a missing driver). A `docker run --gpus 0` in the paste (a count: zero GPUs) is named in the
    headline, also where torch's no-driver / no-device error handed its hit over on that fact."""
    if _off_nvidia(ctx) or _no_nvidia_stated(ctx):
        return None
    if g.get("nosmi") and not (_near(ctx).get("container") or ctx.get("container")):
        return None
    zero = _fact(ctx, "docker_gpus_zero")
    if zero and not g.get("runtime"):
        return {"title": (f"`{zero.strip()}` asked Docker for zero GPUs: the container started without GPU access "
                          "(--gpus takes a count; the first GPU is `--gpus device=0`, every GPU `--gpus all`)"),
                "details": {"gpus": zero.strip()}}
    if g.get("nosmi"):
        return {"title": ("nvidia-smi is missing inside the container: it was started without GPU access (the NVIDIA "
                          "runtime adds nvidia-smi and the driver's libraries only to a container given the GPU)"),
                "details": {"said": g["nosmi"].strip()[:60]}}
    return {}


@_interp("docker_caps")
def _docker_caps(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The container has the GPU (nvidia-smi works in it, or NVIDIA_DRIVER_CAPABILITIES is set) but not the CUDA
    driver library: the capabilities lack `compute`. Not on an AMD/Intel or Mac setup."""
    if _off_nvidia(ctx) or _no_nvidia_stated(ctx):
        return None
    caps = g.get("caps") or ""
    if caps:
        return {"title": (f"NVIDIA_DRIVER_CAPABILITIES={caps} gives the container no CUDA driver library (libcuda): "
                          "`compute` is missing, so torch finds no NVIDIA driver"),
                "details": {"capabilities": caps}}
    return {}


@_interp("container_gpu")
def _container_gpu(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """NVML's `Unknown Error` means a container cut off from its GPUs only where the text shows a container; on a
    host or under WSL the same line has other causes. Where the paste also quotes the toolkit's `no-cgroups = true`,
    the container never had the right to open the device files: docker.no-cgroups."""
    near = _near(ctx)
    if _off_nvidia(ctx) or not (near.get("container") or ctx.get("container")):
        return None
    if ctx.get("no_cgroups"):
        return {"as": "docker.no-cgroups"}
    return {}


@_interp("cdi")
def _cdi(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """An NVIDIA CDI device name the engine could not resolve; the headline says which of the engine's answers it
    was (no spec defines the name; an engine too old for CDI took it for a path; Docker's CDI feature off)."""
    if _off_nvidia(ctx) or _no_nvidia_stated(ctx):
        return None
    dev = g.get("device") or ""
    if g.get("stat") or g.get("custom"):
        title = (f"This container engine does not know CDI device names: it took {dev} for a file path "
                 "(Podman older than 4.1, Docker older than 25)")
    elif g.get("cdi_off"):
        title = "Docker's CDI support is off: it cannot resolve CDI device names such as nvidia.com/gpu=all"
    else:
        title = f"No CDI spec this container engine can use defines {dev}: generate it (again) with nvidia-ctk"
    return {"title": title, "details": {"device": dev} if dev else {}}


@_interp("wsl_gpu")
def _wsl_gpu(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """WSL without a GPU adapter for the container toolkit; not claimed where the paste says the PC has no NVIDIA
    GPU, or shows an AMD / Intel / Mac setup."""
    if _off_nvidia_anywhere(ctx) or _no_nvidia_stated(ctx):
        return None
    wsl = ctx.get("wsl") or _near(ctx).get("wsl")
    wsl1 = ctx.get("wsl1_kernel") or _near(ctx).get("wsl1_kernel")
    if g.get("drvreq") and not (wsl or wsl1):
        # round 449: Docker Desktop named, or Windows: on Windows its Linux engine is WSL 2's, so the toolkit's driver
        # error there is WSL's (Docker Desktop on a Mac or Linux gives containers no NVIDIA GPU at all)
        wsl = _fact(ctx, "docker_desktop") or _fact(ctx, "windows_os")
        if not wsl:
            return None  # the toolkit's driver error on a Linux host is that host's driver, not WSL's
    if g.get("smi"):
        head = (f"This Linux runs under WSL 1 (kernel {wsl1}), which has no GPU: nvidia-smi finds no driver" if wsl1 else
                "nvidia-smi inside WSL cannot reach the driver: this WSL gets no GPU from Windows")
        return {"title": head,
                "cause": ("Under WSL the GPU comes only from the Windows NVIDIA driver: WSL 2 maps its nvidia-smi and "
                          "libraries into /usr/lib/wsl/lib and reaches the card through /dev/dxg. nvidia-smi cannot "
                          "communicate with a driver when the distro runs as WSL 1 (kernel 4.4.0-<build>-Microsoft: no GPU at "
                          "all), when Windows is older than GPU support in WSL needs (Windows 11, or Windows 10 21H2 build "
                          "19044 or newer), when the Windows driver is missing or old, or when a Linux NVIDIA driver or "
                          "nvidia-utils package installed inside the distro puts its own nvidia-smi and libraries first: a Linux "
                          "driver cannot load in WSL (there is no NVIDIA kernel module for Microsoft's kernel; DKMS finds no "
                          "headers for it), it only hides the Windows one. torch then finds no GPU either."),
                "fix": ("In Windows (PowerShell): `wsl -l -v` must show VERSION 2 for the distro (`wsl --set-version <distro> "
                        "2`); `winver` must show Windows 11 or Windows 10 build 19044 or newer; install the current Windows "
                        "driver from https://www.nvidia.com/Download/index.aspx; then `wsl --update` and `wsl --shutdown`. Inside "
                        "the distro remove any Linux driver (`sudo apt purge '^nvidia-driver-.*' '^nvidia-utils-.*' "
                        "'^nvidia-dkms-.*' && sudo apt autoremove`), install no `cuda` / `cuda-drivers` package (for a CUDA "
                        "toolkit only `cuda-toolkit-12-8` from NVIDIA's wsl-ubuntu repository), and check with "
                        "`/usr/lib/wsl/lib/nvidia-smi`"),
                "details": {k: v for k, v in (("wsl", wsl), ("kernel", wsl1)) if v}}
    if g.get("drvreq"):
        return {"title": "The NVIDIA Container Toolkit in WSL got no GPU from Windows (driver error: failed to process request)",
                "details": {"wsl": wsl or wsl1}}
    return {}


_COMFY_WRITE_PATH = re.compile(
    r"comfy|[\\/]models[\\/](?:checkpoints|diffusion_models|unet|text_encoders|clip|vae|loras)(?:[\\/]|$)", re.I)
_OTHER_WRITE_PATH = re.compile(r"-packages|huggingface|[\\/]\.cache[\\/]|Program Files|[\\/]\.?venv[\\/]", re.I)
_WINDOWS_PATH = re.compile(r"^[A-Za-z]:|\\")
# a generated image or video written into an output folder (`/output/ComfyUI_00001_.png`, `/app/outputs/2024-05-01/x.jpg`)
_OUTPUT_IMAGE_PATH = re.compile(
    r"(?:^|/)outputs?/(?:[^/\n]{1,120}/){0,3}[^/\n]{1,200}\.(?:png|jpe?g|webp|gif|tiff?|mp4|webm)$", re.I)


@_interp("volume_write")
def _volume_write(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A folder ComfyUI writes (its user, output, models or custom_nodes folders, or ComfyUI itself being cloned) is
    not writable. The Hugging Face cache, site-packages, a venv and ComfyUI Desktop's program folder are other
    signatures' paths, and another program's folders are not claimed. A Windows path (a drive letter, backslashes) is
    ComfyUI running on Windows itself, where errno 13 on a file is most often one held open by another program or an
    antivirus, or a folder opened as a file: no owner to change, not claimed."""
    path = g.get("path") or ""
    if _off_nvidia(ctx) or _WINDOWS_PATH.search(path) or _OTHER_WRITE_PATH.search(path):
        return None
    if g.get("mgr"):
        # ComfyUI-Manager's own line for a node pack it could not remove / clone / pull; the file is named relative to
        # the pack's folder. On Windows the same errno is most often a file held open by another program: not claimed.
        if _fact(ctx, "windows_os"):
            return None
        op = g["mgr"].split("(", 1)[0].strip().lower()
        pack = (g.get("url") or "").rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
        return {"title": (f"ComfyUI-Manager could not {op} the custom node {pack or 'pack'}: {path} in its folder is not "
                          "writable for the user ComfyUI runs as (written by another user, such as root in the container)"),
                "details": {"path": path, "node": pack, "operation": op}}
    if not _COMFY_WRITE_PATH.search(path) and _OUTPUT_IMAGE_PATH.search(path):
        # the saved image itself refused: its output folder (mounted into a container, or made by a sudo run) has
        # another owner; ComfyUI's SaveImage and diffusers scripts' image.save() alike
        folder = path.rsplit("/", 1)[0] or "/"
        return {"title": f"The output folder {folder} is not writable: the generated image could not be saved (a "
                         "folder made by a sudo run or mounted into a container keeps another owner, or the mount is "
                         "read-only)",
                "details": {"path": path, "folder": folder}}
    if not _COMFY_WRITE_PATH.search(path):
        return None
    return {}


@_interp("hf_cache_write")
def _hf_cache_write(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """errno 30 is a cache on a read-only file system (a `:ro` mount, a shared pre-filled cache), not a folder of
    another owner: the headline says which (also where the user writes that the cache is read-only)."""
    if g.get("errno") == "30" or g.get("ro"):
        return {"title": "The Hugging Face cache is on a read-only file system",
                "details": {"path": g.get("path") or ""}}
    return {}


@_interp("manager_git_delete")
def _manager_git_delete(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Names the node pack folder that could not be deleted and puts its real path into the commands."""
    path = (g.get("path") or "").replace("\\\\", "\\")
    pack = (g.get("pack") or "").strip()
    cut = path.lower().find("\\.git\\")
    top = path.lower().find("custom_nodes\\" + pack.lower() + "\\") if pack else -1
    # the pack's own folder, also when the refused .git is a sub-checkout inside it (the Impact Pack's impact_subpack)
    folder = path[:top + len("custom_nodes\\") + len(pack)] if top >= 0 else (path[:cut] if cut > 0 else "")
    if not pack or not folder:
        return {}
    sig = cat.by_id("comfyui.manager-readonly-git-files")
    fix = sig.fix.replace("C:\\ComfyUI\\custom_nodes\\PACK", folder) if sig else ""
    out: dict[str, Any] = {"title": f"Windows refused to delete the read-only git files of the node pack '{pack}' "
                                    "(ComfyUI-Manager uninstall, reinstall or version switch)",
                           "details": {"pack": pack, "folder": folder}}
    if fix:
        out["fix"] = fix
    return out


@_interp("manager_git_config_dup")
def _manager_git_config_dup(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Claimed only next to ComfyUI's node packs or its Manager; names the git config key to unset."""
    near = _near(ctx)
    path = (g.get("file") or "").replace("\\\\", "\\")
    comfy = ("custom_nodes" in path.lower() or near.get("comfy_place") or near.get("comfy_manager")
             or near.get("comfy_reqs"))
    if not comfy:
        return None  # another program's ini or git reader: its own cause
    option = (g.get("option") or "").strip()
    section = (g.get("section") or "").strip()
    m = re.fullmatch(r'(\w{1,40}) "([^"]{1,100})"', section)
    key = f"{m.group(1)}.{m.group(2)}.{option}" if m else f"{section}.{option}"
    folder = ""
    low = path.lower()
    for sep in ("\\.git\\config", "/.git/config", "\\\\.git\\\\config"):
        cut = low.rfind(sep.lower())
        if cut > 0:
            folder = path[:cut]
            break
    where = f"git -C \"{folder}\" config --unset-all {key}" if folder else f"git config --unset-all {key}"
    sig = cat.by_id("comfyui.manager-git-config-duplicate")
    fix = sig.fix if sig else ""
    if fix and option and section:
        fix = fix.replace("run `git config --unset-all branch.BRANCH.vscode-merge-base` (the section and option the message "
                          "names, e.g. section `branch \"main\"` and option `vscode-merge-base` give "
                          "`branch.main.vscode-merge-base`)", f"run `{where}`")
    out: dict[str, Any] = {"details": {"option": option, "section": section, "git_key": key}}
    if option and section:
        out["title"] = (f"A node pack's .git/config has option '{option}' twice in section '{section}': "
                        "ComfyUI-Manager cannot read it and does not load")
    if folder:
        out["details"]["pack_folder"] = folder
    if fix:
        out["fix"] = fix
    return out


@_interp("manager_channel")
def _manager_channel(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Names the rejected channel URL in the title; the old ltdrdata URL gets the moved-repository reason."""
    url = (g.get("url") or "").strip().rstrip(".,;")
    if not url:
        return {}
    old = "/ltdrdata/" in url.lower()
    return {"title": f"ComfyUI-Manager rejects the channel URL {url} in its config.ini"
                     + (" (the Manager's repository moved to Comfy-Org)" if old else "")
                     + ": no node list, nothing can be installed",
            "details": {"channel_url": url}}


@_interp("manager_list_json")
def _manager_list_json(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Names the list or URL that did not parse and the parser's words, as read."""
    url = (g.get("url") or "").strip()
    name = (g.get("list") or "").strip()
    err = (g.get("json") or "").strip()
    host = (urllib.parse.urlsplit(url).hostname or "") if url.startswith("http") else ""
    what = name or (url.rsplit("/", 1)[-1].split("?", 1)[0] if url else "a node list")
    if host == "api.comfy.org":
        what = "the Comfy Registry's node list (api.comfy.org)"
    details = {k: v for k, v in (("list", name), ("url", url), ("json_error", err)) if v}
    return {"title": f"ComfyUI-Manager downloaded {what} and it is not valid JSON ({err})" if err
            else f"ComfyUI-Manager downloaded {what} and it is not valid JSON", "details": details}


@_interp("hub_too_old")
def _hub_too_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """hf.hub-too-old. ModelScope's client has its own snapshot_download, and an older modelscope lacks the same
    keywords (`allow_patterns`, `ignore_patterns`): with ModelScope named in the text and no huggingface_hub frame,
    the keyword refusal is that client's (update modelscope), not huggingface_hub's."""
    if g.get("fn") == "snapshot_download" and (ctx.get("modelscope_hub") or _near(ctx).get("modelscope_hub")) \
            and "huggingface_hub" not in str(ctx.get("stdlib_ext_stack") or "") \
            and "huggingface_hub" not in str(_near(ctx).get("stdlib_ext_stack") or ""):
        return None
    return {}


@_interp("repo_not_found")
def _repo_not_found(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if g.get("alnum") and not _near(ctx).get("hf_loader"):
        return None  # a relative path validated by some library's own helper, not a model load: its cause is that program's
    if g.get("urlid") is not None:
        # a web address copied from the browser given where the repo id belongs (hf download URL, from_pretrained(URL))
        url = g["urlid"]
        split = urllib.parse.urlsplit(url)
        parts = urllib.parse.unquote(split.path).strip("/").split("/")
        host = split.hostname or ""
        on_hub = host.endswith(("huggingface.co", "hf.co")) and len(parts) >= 2 and all(parts[:2])
        repo = "/".join(parts[:2]) if on_hub and parts[0] not in ("datasets", "spaces") else ""
        use = repo or "OWNER/NAME"
        name = use.split("/")[-1]
        return {"title": "A web address was given where a Hugging Face repo id (OWNER/NAME) belongs",
                "fix": (f"Give the repo id, the part after huggingface.co/: `hf download {use} --local-dir ./{name}` "
                        f"(older huggingface_hub: `huggingface-cli download {use} --local-dir ./{name}`), or in code "
                        f"`from_pretrained(\"{use}\")`; Klein: `black-forest-labs/FLUX.2-klein-4B`"),
                "details": {"given": url, **({"repo": repo} if repo else {})}}
    repo = urllib.parse.unquote(g.get("repo") or "").strip()
    if not repo and g.get("url"):
        path = urllib.parse.unquote(urllib.parse.urlsplit(g["url"]).path).strip("/").rstrip(".")
        repo = re.sub(r"^api/models/", "", path).split("/resolve/")[0].split("/revision/")[0]
    ph = (g.get("placeholder") or "").strip()
    if ph:
        # a bare 401 for an id that is a placeholder (`model_name`, `None`, `undefined`): the Hub answers 401, not 404,
        # for a repository that does not exist, so the 401 says nothing about the token here
        d = {"path_or_repo": repo or ph, "placeholder": ph}
        if ph.lower() in ("none", "null", "undefined"):
            return {"title": (f"No model id reached the download: the Hub was asked for a repository named '{repo or ph}' "
                              "(its 401 means no such repository, not a bad token)"),
                    "details": d}
        return {"title": (f"'{repo or ph}' is a placeholder where a model id belongs: no Hugging Face repository has that name "
                          "(its 401 means no such repository, not a bad token)"),
                "details": d}
    if not repo or repo.lower() in ("none", "null"):
        return {}  # the program passed no model id at all: the generic text stands
    return {"title": f"'{repo}' is neither a local folder that exists nor a Hugging Face repository",
            "details": {"path_or_repo": repo}}


@_interp("revision_not_found")
def _revision_not_found(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A revision (branch, tag, commit) the Hub repo does not have; `fp16` is the old diffusers branch that became a variant."""
    rev = urllib.parse.unquote(g.get("rev") or "").strip().rstrip(".")
    repo = (g.get("repo") or "").strip()
    d: dict[str, Any] = {k: v for k, v in (("repo", repo), ("revision", rev)) if v}
    if not rev:
        return {"details": d}
    where = f" of '{repo}'" if repo else ""
    title = f"The Hugging Face repository{where} has no revision '{rev}' (branch, tag or commit)"
    if rev.lower() in ("fp16", "bf16"):
        title += f": use variant=\"{rev.lower()}\" instead of revision=\"{rev}\""
    return {"title": title, "details": d}


_DEFAULT_BIN_WEIGHTS = re.compile(r"(?:diffusion_pytorch_model|pytorch_model)(?:\.(?:fp16|bf16))?\.bin(?:\.index\.json)?")


@_interp("entry_not_found")
def _entry_not_found(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A file path the Hub repo does not hold at that revision; model_index.json missing means no diffusers layout there."""
    repo = (g.get("repo") or "").strip()
    rev = urllib.parse.unquote(g.get("rev") or "").strip()
    f = urllib.parse.unquote(g.get("file") or "").strip().rstrip(".")
    d: dict[str, Any] = {k: v for k, v in (("repo", repo), ("revision", rev), ("file", f)) if v}
    if not repo or not f:
        return {"details": d}
    if _DEFAULT_BIN_WEIGHTS.fullmatch(f.rsplit("/", 1)[-1]):
        return None  # a loader's fallback to .bin weights (safetensors not installed, use_safetensors=False): not a moved file
    at = f" at '{rev}'" if rev and rev != "main" else ""
    if f.rsplit("/", 1)[-1] == "model_index.json":
        return {"title": (f"'{repo}' has no model_index.json{at}: it is not a diffusers pipeline folder on that revision "
                          "(a single-file checkpoint repo, or the diffusers files are in another branch or pull request)"),
                "details": d}
    return {"title": f"The Hugging Face repository '{repo}' has no file '{f}'{at}: renamed, moved or never there",
            "details": d}


@_interp("hub_server_error")
def _hub_server_error(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A 5xx from huggingface.co, its CDN, the Xet bridge or the HF_ENDPOINT mirror: the server side failed."""
    code = (g.get("code") or "").strip()
    host = (g.get("host") or "").strip().lower()
    reason = (g.get("reason") or "").strip()
    d: dict[str, Any] = {k: v for k, v in (("status", code), ("reason", reason), ("host", host)) if v}
    if not code:
        return {"details": d}
    who = ("the Hugging Face mirror named in HF_ENDPOINT" if host.endswith("hf-mirror.com")
           else "Hugging Face's Xet storage bridge" if "xethub" in host else "the Hugging Face Hub")
    what = f"{code} {reason}".strip()
    return {"title": f"{who[0].upper() + who[1:]} answered {what} (a server-side failure, not the setup): retry later",
            "details": d}


_COMFY_WORD = re.compile(r"comfy ?ui", re.I)
# ComfyUI's core loader nodes, by title or class name: a user naming one speaks of ComfyUI
_COMFY_LOADER_NODE = re.compile(r"\b(?:Load (?:Checkpoint|Diffusion Model|CLIP|VAE)|CheckpointLoaderSimple|UNETLoader|(?:Dual|Triple)?CLIPLoader)\b", re.I)


_RAM_SILENT_EXIT_FIX = ("Watch memory while it loads (Windows: Task Manager > Performance > Memory, `Committed`; Linux: `free -h`, "
                        "and `sudo dmesg -T | grep -i -E 'killed process|oom'` after the exit). Windows: let Windows manage the "
                        "page file, or give it 32 GB or more on a drive with that much free space (System > About > Advanced "
                        "system settings > Performance > Settings > Advanced > Virtual memory), then reboot; Linux: add swap "
                        "(`sudo fallocate -l 32G /swapfile && sudo chmod 600 /swapfile && sudo mkswap /swapfile && sudo swapon "
                        "/swapfile`); WSL2: raise `memory=` and `swap=` under `[wsl2]` in %UserProfile%\\.wslconfig, then "
                        "`wsl --shutdown`. Close other programs and load less: the FP8 Klein file (flux-2-klein-4b-fp8.safetensors), "
                        "fp8 or GGUF text encoders, and `--cache-none`. If RAM and page file were ample, the model file may be "
                        "damaged: compare its size with the download page and download it again")


_SHARDS_CAUSE = ("transformers reads a model's checkpoint shards into RAM one after another (`Loading checkpoint shards: "
                 "k/n`); text encoders of image and video models (Klein's Qwen3, HunyuanVideo's Llama, T5) are several GB "
                 "each. When Windows cannot commit more memory (RAM plus the page file: a small, fixed or disabled page "
                 "file is the usual case) the Python process dies at once without a traceback, and a launcher's `.bat` "
                 "then shows its `pause` prompt (`Press any key to continue`, in the system's language); the bar never "
                 "moves again. Linux reports the same as `Killed`.")
_SHARDS_FIX = ("Give Windows more commit: let Windows manage the page file, or set it to 32-64 GB on a drive with that much "
               "free space (System > About > Advanced system settings > Performance > Settings > Advanced > Virtual memory "
               "> Change), reboot, close other programs and start it again; Task Manager > Performance > Memory shows "
               "`Committed` against its limit while the shards load. Linux: add swap (`sudo fallocate -l 32G /swapfile && "
               "sudo chmod 600 /swapfile && sudo mkswap /swapfile && sudo swapon /swapfile`). Load less: "
               "`torch_dtype=torch.bfloat16` in from_pretrained, an fp8 or GGUF text encoder, and for Klein the FP8 file "
               "(flux-2-klein-4b-fp8.safetensors)")


@_interp("ram")
def _ram(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if g.get("shards_oom_said"):
        # a user's words: out of memory (OOM) during the loading of the checkpoint shards; transformers / diffusers
        # read the shards into system RAM before anything moves to the GPU. A Python error in view (a CUDA OOM
        # traceback tells its own kind), another framework, AMD / Intel / Mac setups: not claimed
        near = _near(ctx)
        if _off_nvidia(ctx) or near.get("py_traceback") or near.get("other_framework"):
            return None
        return {"title": ("Out of memory while the checkpoint shards were loading: they are read into system RAM (RAM + "
                          "page file or swap), not GPU memory"),
                "details": {"said": _SPACE.sub(" ", g["shards_oom_said"]).strip()[:120]},
                "cause": ("transformers and diffusers read a model's checkpoint shards into system RAM one after another "
                          "(`Loading checkpoint shards: k/n`) before the weights move to the GPU; without "
                          "`low_cpu_mem_usage=True` and a `torch_dtype` they are first built in float32, twice the size "
                          "of bf16 files, so a 20B-parameter model (Qwen-Image) needs far more RAM than the GPU has VRAM. "
                          "When RAM plus page file or swap runs out, the load fails or the process is killed."),
                "fix": _SHARDS_FIX}
    if g.get("shards_pause") or g.get("shards_said"):
        # transformers' `Loading checkpoint shards` bar left short of its last shard, then the console's pause prompt
        # (the process died without a traceback), or a writer's words that it is stuck / stopped there: the commit
        # limit while the shards are read into RAM; a bar at n/n, a Python error, AMD / Intel / Mac setups: not claimed
        near = _near(ctx)
        if _off_nvidia(ctx) or near.get("py_traceback"):
            return None
        if g.get("shards_pause"):
            k, n = _int(g.get("shard_k")), _int(g.get("shard_n"))
            if k is None or n is None or k >= n:
                return None
            return {"title": (f"The process died without an error while transformers loaded checkpoint shard {k + 1} of "
                              f"{n} into RAM: Windows ran out of memory (RAM + page file)"),
                    "details": {"shards": f"{k}/{n}", "console": g["shards_pause"].strip()[:60]},
                    "cause": _SHARDS_CAUSE, "fix": _SHARDS_FIX}
        return {"title": ("Stuck at `Loading checkpoint shards` with no error: most likely the process ran out of memory "
                          "(RAM + Windows page file or swap) while the shards were read into RAM"),
                "details": {"said": _SPACE.sub(" ", g["shards_said"]).strip()[:120]},
                "cause": _SHARDS_CAUSE, "fix": _SHARDS_FIX}
    if g.get("pause") or g.get("pause_said"):
        # ComfyUI's process ended with no traceback right after a model load and the portable launcher's `pause` ran
        near = _near(ctx)
        if _off_nvidia(ctx):
            return None  # an AMD / Intel / Mac build's crash: not claimed
        if g.get("pause") and (not near.get("comfy_load") or near.get("py_traceback") or near.get("cudnn_dll_lookup")):
            return None  # a batch file's pause with no model load just before it, or after a Python error or cuDNN's own
            # `Could not locate cudnn_...dll` (the process ended by cuDNN's loader, not by memory)
        if g.get("pause") and re.search(r"--fast\s+pinned_memory", _fact(ctx, "pinned_hint")):
            # the launch line turned ComfyUI 0.3.6x's opt-in pinned memory on (`--fast pinned_memory`) and the process
            # ended silently after a model load: pinning the offloaded weights, gone without the option (ComfyUI#10542)
            return {"as": "comfyui.pinned-memory"}
        return {"title": "ComfyUI's Python process ended without a traceback while loading a model: Windows ran out of memory (RAM + page file)",
                "details": {"console": (g.get("pause") or "pause").strip()[:120]},
                "fix": ("Let Windows manage the page file, or give it 32 GB or more on a drive with that much free space (System > "
                        "About > Advanced system settings > Performance > Settings > Advanced > Virtual memory), reboot, close other "
                        "programs and run it again; Task Manager's Performance > Memory > Committed shows how close the load comes to the "
                        "limit. Load less: the FP8 Klein file (flux-2-klein-4b-fp8.safetensors) and `--cache-none`. If RAM and page file "
                        "were ample, the model file may be damaged: compare its size with the download page and download it again")}
    if g.get("crash_said"):
        # a user's own words: ComfyUI (its console window) closed with no error while a model loaded; the answer the
        # maintainers give (ltdrdata, kijai, mcmonkey4eva) is the system running out of memory, so the headline hedges
        near = _near(ctx)
        said = g["crash_said"]
        if _off_nvidia(ctx) or near.get("py_traceback"):
            return None  # an AMD / Intel / Mac build, or a Python error after all: that error's own kind explains it
        if not (_COMFY_WORD.search(said) or _COMFY_LOADER_NODE.search(said) or near.get("comfy_load")):
            return None  # another program's silent exit: not claimed
        return {"title": "ComfyUI closed without an error while loading a model: most likely the computer ran out of memory (RAM + page file or swap)",
                "details": {"said": _SPACE.sub(" ", said).strip()[:120]},
                "fix": _RAM_SILENT_EXIT_FIX}
    if g.get("reconnect_said"):
        # a user's own words: the server stopped when a prompt was queued and the page shows `Reconnecting` (ComfyUI's
        # frontend lost its backend): the process ended without a Python error; the maintainers' answer (ltdrdata) is a
        # forced termination for want of memory, so the headline hedges
        near = _near(ctx)
        if _off_nvidia(ctx) or near.get("py_traceback"):
            return None  # an AMD / Intel / Mac build, or a Python error after all: that error's own kind explains it
        said = _SPACE.sub(" ", g["reconnect_said"]).strip()[:120]
        return {"title": ("ComfyUI's server stopped when the prompt was queued (the page shows Reconnecting): most likely "
                          "the computer ran out of memory (RAM + page file or swap)"),
                "details": {"said": said},
                "cause": ("The page shows `Reconnecting` because ComfyUI's Python process ended while it loaded the models "
                          "of the queued prompt, with no Python error: the operating system ended it, most often because "
                          "system memory (RAM plus the Windows page file, or swap) ran out; a page file shrunk to a few "
                          "hundred MB or less is the usual case on Windows."),
                "fix": _RAM_SILENT_EXIT_FIX}
    if g.get("silent_said"):
        # a writer's report that ComfyUI's server vanished (the page's `Reconnecting`, its console window closing, a
        # crash on generation, the connection lost) with no Python error, on a computer whose system RAM is small for
        # the models ComfyUI offloads into it: ComfyUI's own startup line (`total RAM 16308 MB`) or the writer's own
        # figure (`16 gb ram`), 32 GB or less. No RAM figure, more than 32 GB, a traceback, AMD / Intel / Mac: not claimed
        near = _near(ctx)
        if _off_nvidia_anywhere(ctx) or near.get("py_traceback"):
            return None
        mb, said_gb = _int(_fact(ctx, "ram_mb")), _int(_fact(ctx, "ram_gb_said"))
        gb = round(mb / 1024) if mb else said_gb
        if not gb or gb > 32:
            return None
        said = _SPACE.sub(" ", g["silent_said"]).strip()[:80]
        return {"title": (f"ComfyUI's process ended without an error (`{said}`) on a computer with {gb} GB of RAM: most "
                          "likely it ran out of system memory (RAM + page file or swap) while loading the models"),
                "details": {"said": said, "ram_gb": str(gb)},
                "cause": ("ComfyUI keeps the models it offloads from the GPU in system RAM, and loading a large model "
                          "(Flux, Flux.2, Z-Image, Wan, Qwen-Image, with their text encoders) needs more than the card's "
                          "VRAM in RAM plus the Windows page file (or swap). When that commit limit is reached the "
                          "operating system ends the process with no Python error: the page shows `Reconnecting`, the "
                          "console window closes. With 32 GB of RAM or less and a page file left small, this is the usual "
                          "cause."),
                "fix": _RAM_SILENT_EXIT_FIX}
    if g.get("exit_said"):
        # the exit line of ComfyUI's process with Windows' access-violation code and the writer's own `out of memory`
        # beside it: a process whose memory Windows cannot commit ends this way (a CUDA OOM raises a Python error
        # instead); not on an AMD / Intel / Mac setup, nor beside a Python traceback
        near = _near(ctx)
        if _off_nvidia(ctx) or near.get("py_traceback"):
            return None
        return {"title": ("The process ended with Windows' access-violation code (3221225477 / 0xC0000005) while models "
                          "loaded: most likely the computer ran out of memory (RAM + page file)"),
                "details": {"said": _SPACE.sub(" ", g["exit_said"]).strip()[:120]},
                "cause": ("Exit code 3221225477 (0xC0000005) is a native crash with no Python error. When it comes as a "
                          "large model loads (or a second one while the first is still held in memory) it is most often "
                          "the Windows commit limit: RAM plus the page file could not back the memory being filled, and "
                          "the process faults instead of raising. A CUDA out-of-memory would have raised a Python error."),
                "fix": _RAM_SILENT_EXIT_FIX}
    if g.get("av_map") or g.get("av_said"):
        # Python died with an access violation reading a memory-mapped safetensors file (faulthandler's stack tops at
        # torch/storage.py __getitem__ under a safetensors load, or the writer's own words: from_pretrained / a loader,
        # safetensors mmap and 0xC0000005): Windows charges a private (copy-on-write) file mapping against the commit
        # limit, and a mapping it cannot back faults on first touch instead of raising; not on AMD / Intel / Mac setups
        if _off_nvidia(ctx):
            return None
        return {"title": ("Python crashed (access violation) reading a memory-mapped model file: Windows' commit limit "
                          "(RAM + page file) ran out while the safetensors file was mapped"),
                "cause": ("safetensors maps a model file into memory privately (copy-on-write), and Windows charges the whole "
                          "mapping against the commit limit (physical RAM plus the page file) before a byte is read; several "
                          "large files mapped at once (a checkpoint's shards, a text encoder beside a diffusion model) use it "
                          "up. When the commit cannot be had, touching the mapped pages faults inside torch's storage "
                          "(torch/storage.py __getitem__) and Python dies with an access violation (exit code 0xC0000005 / "
                          "3221225477) and no Python error, where Linux would raise `unable to mmap ... Cannot allocate "
                          "memory`."),
                "fix": ("Give Windows more commit: let it manage the page file, or give it 32 GB or more on a drive with that "
                        "much free space (System > About > Advanced system settings > Performance > Settings > Advanced > "
                        "Virtual memory), reboot, and close other programs; Task Manager > Performance > Memory shows "
                        "`Committed` against its limit. Map less at once: the FP8 Klein file "
                        "(flux-2-klein-4b-fp8.safetensors) and an fp8 text encoder, one workflow's models at a time, "
                        "`--cache-none` in ComfyUI. transformers: `pip install -U transformers` (releases with "
                        "huggingface/transformers#48341 read shards with pread on Windows instead of mapping them all). If "
                        "the commit limit was far from reached, compare the file's size with its download page and download "
                        "it again"),
                "details": {"crash": "access violation in a memory-mapped safetensors read"}}
    if (g.get("pagefile") or g.get("pagefile_code")) and _near(ctx).get("native_runtime_error"):
        return None  # Zig's or Go's own runtime reporting Windows' error 1455: that program's memory, not a Python model load
    if g.get("mmap") or g.get("mmap_cut"):
        m = str(g.get("mmap_bytes") or "")
        size = f" ({int(m) / 1e9:.1f} GB)" if m.isdigit() else ""
        return {"title": f"The computer ran out of memory mapping a model file into RAM{size}, not GPU memory",
                "details": {"mmap_bytes": int(m)} if m.isdigit() else {}}
    n = str(g.get("bytes") or "")
    if n.isdigit() and len(n) <= 15:  # bytes: past _int's 10**9
        v = int(n)  # a small request failing is the last straw after many GB were taken: quoted in MB, not as 0.0 GB
        size = _say_bytes(v)
        return {"title": f"The computer ran out of system RAM: a {size} allocation in RAM failed (not GPU memory)",
                "details": {"tried_to_allocate_bytes": int(n)}}
    return {}


def _say_bytes(n: int, gb_from: float = 1e9) -> str:
    """A byte count as a user reads it: GB with one decimal from `gb_from` on, MB below it (so a small amount is not
    quoted as 0.0 GB)."""
    return f"{n / 1e9:.1f} GB" if n >= gb_from else f"{n / 1e6:.1f} MB"


_PY_PROC = re.compile(r"python|pt_main|comfy|main\.py|\.py\b|accelerate|torchrun|uvicorn|webui", re.I)


_LOAD_LESS = ("Load less: in ComfyUI the FP8 Klein file (flux-2-klein-4b-fp8.safetensors) and `--cache-none`; in "
              "diffusers pass `torch_dtype=torch.bfloat16` and use `pipe.enable_model_cpu_offload()`. Klein 4B wants "
              "16 GB of RAM (the BF16 text encoder alone is 8 GB)")


@_interp("oom_killed")
def _oom_killed(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A process killed by the OS for lack of RAM. Claimed when the killed process is Python (its name or command
    line says so) or unnamed (a bare `Killed`, a shell's job line without its command); an exit code 137 or a
    container's OOMKilled flag only beside a sign of a Python image-model program. Another program's binary,
    another framework, and AMD / Intel / Mac setups are not claimed."""
    near = _near(ctx)
    if _off_nvidia(ctx) or near.get("other_framework"):
        return None
    named = (g.get("proc") or g.get("cmd") or "").strip()
    if named and not _PY_PROC.search(named):
        return None
    if (g.get("code137") or g.get("oomkilled") or g.get("oomsaid") or g.get("told")) and not near.get("py_program"):
        return None
    if g.get("nb_crash"):
        # transformers' `Loading checkpoint shards` bar (console or notebook layout) left short of its last shard, then
        # the session crashing / the kernel dying with no Python error: the runtime ran out of RAM while the shards
        # were read in. A bar at n/n, or a traceback in view (a Python error of its own), is not claimed
        k, n = _int(g.get("shard_k")), _int(g.get("shard_n"))
        if k is None or n is None or k >= n or near.get("py_traceback"):
            return None
        return {"details": {"shards": f"{k}/{n}"},
                "title": (f"The process died while transformers loaded checkpoint shard {k + 1} of {n} into RAM: the "
                          "system (or the notebook's runtime) ran out of RAM"),
                "fix": ("Load with less RAM: `low_cpu_mem_usage=True` and `torch_dtype=torch.bfloat16` (float16 on a T4) "
                        "in from_pretrained, then `pipe.enable_model_cpu_offload()` instead of `pipe.to(\"cuda\")`; on "
                        "Colab use a High-RAM runtime (Runtime > Change runtime type) or quantized / fp8 files; locally add "
                        "swap or page file. " + _LOAD_LESS)}
    d: dict[str, Any] = {}
    if named:
        d["killed"] = named[:120]
    if g.get("code137") or g.get("oomkilled"):
        d["exit_code"] = 137
        return {"details": d, "title": "The container's process was killed (exit code 137): it ran out of RAM",
                "fix": ("Give the container more memory: Docker Desktop > Settings > Resources > Memory (on Windows "
                        "Docker Desktop runs in WSL2: raise `memory=` in %UserProfile%\\.wslconfig, then `wsl --shutdown`), "
                        "or `docker run --memory=24g --memory-swap=48g ...` (compose: `mem_limit`); confirm with "
                        "`docker inspect -f '{{.State.OOMKilled}}' CONTAINER`. " + _LOAD_LESS)}
    if g.get("oomsaid"):
        fix = ("Give the container more memory or the program less: raise its limit (`docker run --memory=24g "
               "--memory-swap=48g ...`, compose `mem_limit`, Kubernetes `resources.limits.memory`); confirm with "
               "`docker inspect -f '{{.State.OOMKilled}}' CONTAINER` or `kubectl describe pod POD` (Last State: Reason: "
               "OOMKilled). Inside a container `free`, psutil and ComfyUI's `Total RAM` show the host's memory, not the "
               "limit (`cat /sys/fs/cgroup/memory.max` shows it), so ComfyUI's RAM cache can grow past the limit: start it "
               "with `--cache-lru 10` or `--cache-none`. " + _LOAD_LESS)
        return {"details": d, "title": "The container's process was OOM-killed: it went past the container's memory limit",
                "fix": fix}
    if g.get("colab"):
        return {"details": d, "title": "Colab ended the session: the runtime ran out of RAM (not GPU memory)",
                "fix": ("Use a runtime with more RAM (Runtime > Change runtime type: High-RAM), or load less: "
                        "`torch_dtype=torch.bfloat16` (float16 on a T4), `low_cpu_mem_usage=True`, and "
                        "`pipe.enable_model_cpu_offload()` instead of loading everything at once; free what earlier cells hold "
                        "(Runtime > Restart session) before loading. " + _LOAD_LESS)}
    if near.get("wsl"):
        return {"details": d, "title": "WSL2 killed the process: its Linux VM ran out of RAM",
                "fix": ("WSL2's VM gets only part of the Windows RAM (half by default): raise it in %UserProfile%\\.wslconfig "
                        "(`[wsl2]`, `memory=24GB`, `swap=32GB`), run `wsl --shutdown` in PowerShell and start WSL again; "
                        "check with `free -h`; confirm the kill with `sudo dmesg -T | grep -i -E 'killed process|oom'`. " + _LOAD_LESS)}
    return {"details": d}


@_interp("too_many_files")
def _too_many_files(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The process ran out of file descriptors (errno 24, or 23 for the whole system). Not claimed on a Mac, AMD or
    Intel setup, beside another framework, or inside the datasets library's own preparation of a many-file dataset
    (its bugs, fixed in datasets; the Klein stack does not use it)."""
    near = _near(ctx)
    if _off_nvidia(ctx) or near.get("other_framework") or near.get("hf_datasets"):
        return None
    d: dict[str, Any] = {}
    if g.get("path"):
        d["file"] = g["path"].strip("\'\"")[:200]
    if g.get("enfile"):
        return {"details": {"errno": 23},
                "title": "The whole system ran out of file handles (Too many open files in system, errno 23)"}
    if g.get("shm"):
        d["shared_memory"] = g["shm"]
        return {"details": d, "title": ("PyTorch multiprocessing ran out of file handles for its shared tensors "
                                        "(Too many open files (24))")}
    if g.get("said"):
        return {"details": d, "title": ("PyTorch's DataLoader or multiprocessing workers ran out of file handles "
                                        "(too many open files): one per shared tensor")}
    if g.get("accept"):
        return {"details": d, "title": ("The server could not accept a new connection: the process ran out of file "
                                        "handles (socket.accept() out of system resource, errno 24)")}
    return {"details": d} if d else {}


@_interp("max_map_count")
def _max_map_count(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """PyTorch mapping one of its shared-memory segments (</torch_...>) fails with ENOMEM: the process's limit on
    memory maps, vm.max_map_count, not RAM (a segment of a few KB). A user's words naming vm.max_map_count beside
    torch or shared tensors. Not claimed on a Mac, AMD or Intel setup or beside another framework."""
    near = _near(ctx)
    if _off_nvidia(ctx) or near.get("other_framework"):
        return None
    n = str(g.get("bytes") or "")
    if n.isdigit() and len(n) <= 15:
        v = int(n)
        if v >= 1 << 30:
            return None  # a segment of a GB or more failing is RAM or /dev/shm running out, not the count of maps
        size = f"{v / 1e6:.1f} MB" if v >= 10**6 else f"{v / 1e3:.1f} KB"
        return {"details": {"mmap_bytes": v, "segment": (g.get("shm") or "")[:80]},
                "title": (f"PyTorch could not map a {size} shared-memory segment: the process ran out of memory maps "
                          "(vm.max_map_count), not of RAM")}
    return {}


@_interp("model_leak")
def _model_leak(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI's own check after unloading a model; the model's class name is the one ComfyUI printed."""
    model = (g.get("model") or "").strip(".")
    if not model:
        return {}
    return {"details": {"model": model},
            "title": f"ComfyUI found the unloaded model {model} still held in memory (its memory-leak check)"}


@_interp("offload_to_cuda")
def _offload_to_cuda(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The user's own diffusers code offloads a pipeline and then moves it to the GPU. Raised inside a ComfyUI node
    run (its error report, `Exception during processing`, a traceback through custom_nodes) it is a node pack's
    own code, which the user does not edit: not claimed."""
    near = _near(ctx)
    if _off_nvidia(ctx) or near.get("node_exec") or near.get("node_type") or near.get("custom_node"):
        return None
    if near.get("webui_modules_frame"):
        return None  # raised in another web UI's own modules (SD.Next's control module, A1111 / Forge processing)
    if g.get("code"):
        # no message, only the code: the offload call and, on the next line, the move of the whole pipeline
        which = g.get("codecall") or "model"
        move = "cuda()" if (g.get("move") or "").startswith("cuda") else (g.get("move") or "to(device)")
        return {"details": {"offload": f"enable_{which}_cpu_offload", "moved_with": move},
                "title": (f"The code calls enable_{which}_cpu_offload() and then moves the whole pipeline with "
                          f".{move} on the next line, which undoes the offload")}
    call = g.get("call") or ""
    quantized = _fact(ctx, "bnb_quantized")
    model_offload = (g.get("kind") or "").lower().startswith("model")
    if not model_offload and quantized and not _fact(ctx, "seq_offload_call"):
        # The sequential-offload refusal with no offload call or device map in the code, beside bitsandbytes-quantized
        # components: diffusers before 0.32 took the bnb loader's accelerate hooks for sequential offload.
        return {"as": "diffusers.bnb-pipeline-to-cuda", "details": {"quantized": quantized[:60]}}
    if model_offload:
        return {"details": {"offload": call},
                "title": "The code moves a model-offloaded diffusers pipeline to the GPU: the offload's VRAM savings are lost"}
    return {"details": {"offload": call}}


@_interp("device_map_offload")
def _device_map_offload(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """diffusers refusing an offload call or `.to()` on a pipeline that has a device map (hf_device_map). Raised in
    a ComfyUI node run or in another web UI's own modules it is that program's code; an AMD / Intel / Mac setup is
    not claimed."""
    near = _near(ctx)
    if _off_nvidia(ctx) or _comfy_node_run(near) or near.get("custom_node") or near.get("webui_modules_frame"):
        return None
    call = g.get("call") or ""
    if call:
        return {"details": {"refused": f"{call}()"},
                "title": (f"diffusers refused {call}() on a pipeline loaded with a device map: device_map and CPU "
                          "offloading cannot be combined")}
    return {"details": {"refused": "to()"},
            "title": ("diffusers refused pipe.to() on a pipeline loaded with a device map: a device-mapped pipeline "
                      "cannot be moved as a whole")}


@_interp("quantized_seq_offload")
def _quantized_seq_offload(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """accelerate's sequential offload rebuilding a quantized tensor subclass parameter by parameter: the format goes
    into the headline (GGUF's GGUFParameter loses its quant type; optimum-quanto's QBytes / QBits tensors cannot be
    built from a bare tensor; torchao's AffineQuantizedTensor in accelerate before its special case). Not claimed on
    a Mac or another vendor's setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("gguf"):
        return {"title": ("A GGUF-quantized component (GGUFQuantizationConfig) was offloaded with "
                          "enable_sequential_cpu_offload(): accelerate rebuilds its GGUFParameter weights without their "
                          "quant type (KeyError: None)"), "details": {"format": "GGUF"}}
    cls = g.get("cls") or ""
    if cls.startswith("AffineQuantized"):
        return {"title": ("A torchao-quantized component was offloaded with enable_sequential_cpu_offload(): this "
                          f"accelerate cannot rebuild its {cls} weights"), "details": {"format": "torchao", "tensor": cls}}
    return {"title": ("An optimum-quanto-quantized component was offloaded with enable_sequential_cpu_offload(): "
                      f"accelerate cannot rebuild its {cls or 'quantized'} weights"),
            "details": {"format": "optimum-quanto", **({"tensor": cls} if cls else {})}}


@_interp("generator_rng_differs")
def _generator_rng_differs(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A CPU and a CUDA generator seeded alike and their results compared, in a paste that names diffusers: the
    different images are torch's per-device random algorithms, not a fault. AMD, Intel and Mac setups are left
    alone."""
    if _off_nvidia_anywhere(ctx) or not _fact(ctx, "diffusers_named"):
        return None
    return {"details": {"generators": f"{g.get('g1')} and {g.get('g2')}"}}


@_interp("image_list_batch")
def _image_list_batch(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A diffusers img2img / inpaint pipeline given a list of images with one prompt and a shape failure: claimed
    unless the call already sets num_images_per_prompt. AMD, Intel and Mac setups are left alone."""
    if _off_nvidia_anywhere(ctx) or "num_images_per_prompt" in (g.get("span") or "") + (g.get("rest") or ""):
        return None
    return {"details": {"pipeline": g.get("pipe") or ""}}


@_interp("generator_device")
def _generator_device(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A generator of one device asked for noise on another. Claimed only with the call that passes the generator
    in the text (`generator=`): the bare message says nothing of whose generator it is. torch's own wording raised
    from a diffusers pipeline frame is a pipeline that calls torch.randn itself (that pipeline's bug, Klein's uses
    randn_tensor); a ComfyUI node run or another web UI is that program's code."""
    near = _near(ctx)
    if _off_nvidia(ctx) or _comfy_node_run(near) or near.get("custom_node") or near.get("other_webui"):
        return None
    if not near.get("gen_arg") or near.get("data_loader_frame"):
        return None  # the bare message, or a DataLoader's shuffling generator
    want, have = (g.get("want") or "").lower(), (g.get("have") or "").lower()
    d = {"generator": have, "tensor": want}
    if g.get("diffusers"):
        if want != "cpu":
            return {"details": d}
        return {"details": d,
                "title": "The pipeline made its latents on the CPU but was given a CUDA generator: the pipeline is not running on the GPU",
                "cause": ("diffusers draws the starting noise where the pipeline runs (its execution device). The pipeline ran "
                          "on the CPU (never moved with `pipe.to(\"cuda\")`, no offload call, or a torch that cannot see the GPU) "
                          "while the generator was made with `torch.Generator(\"cuda\")`; diffusers draws no CPU noise from a "
                          "CUDA generator."),
                "fix": ("Put the pipeline on the GPU before calling it: `pipe.to(\"cuda\")`, or `pipe.enable_model_cpu_offload()` "
                        "on a small card. Check that torch sees the GPU: `python -c \"import torch; print(torch.__version__, "
                        "torch.cuda.is_available())\"`; a `+cpu` build or False needs a CUDA build, `python -m pip install "
                        "--force-reinstall torch --index-url https://download.pytorch.org/whl/cu128`. Or pass a CPU generator, "
                        "`generator=torch.Generator(\"cpu\").manual_seed(42)`, which works wherever the pipeline runs")}
    if near.get("pipeline_frame"):
        return None
    if want == "cpu":
        return {"details": d,
                "title": "A CUDA generator was asked for noise on the CPU (torch.randn on the CPU with torch.Generator(\"cuda\"))",
                "fix": ("Make the generator where the tensor is made: `torch.Generator(\"cpu\").manual_seed(42)` for CPU tensors, "
                        "or draw on the GPU (`device=\"cuda\"`). For a diffusers pipeline pass the CPU generator and put the "
                        "pipeline on the GPU: `pipe.to(\"cuda\")` or `pipe.enable_model_cpu_offload()`")}
    return {"details": d,
            "title": "A CPU generator was asked for noise on the GPU (torch.randn on CUDA with torch.manual_seed or a CPU generator)"}


@_interp("deterministic_cublas")
def _deterministic_cublas(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch's deterministic mode meeting a cuBLAS matmul without CUBLAS_WORKSPACE_CONFIG. The error stops the run;
    under warn_only (`UserWarning: Deterministic behavior ...`) the matmul ran anyway, not deterministically."""
    if _off_nvidia(ctx):
        return None
    if g.get("warn"):
        return {"details": {"mode": "warn_only"},
                "title": ("A warning, not the failure: torch's deterministic mode (warn_only) ran a cuBLAS matmul "
                          "non-deterministically because CUBLAS_WORKSPACE_CONFIG is not set")}
    return {"details": {"mode": "error"}}


@_interp("deterministic_op")
def _deterministic_op(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """An op without a deterministic CUDA kernel under torch's deterministic mode; under warn_only only a warning."""
    if _off_nvidia(ctx):
        return None
    op = (g.get("op") or "").strip()
    back = "backward" in op.lower()
    d = {"op": op, "mode": "warn_only" if g.get("warn") else "error"}
    if g.get("warn"):
        return {"details": d,
                "title": (f"A warning, not the failure: {op} ran non-deterministically under torch's deterministic mode "
                          "(warn_only)")}
    where = " (a backward kernel: it runs during loss.backward())" if back else ""
    return {"details": d,
            "title": f"torch's deterministic mode is on and {op} has no deterministic CUDA kernel{where}"}


_SEED_COMFY = ("custom_node", "node_type", "node_exec", "sampler_node", "comfy_func", "comfy_reqs", "comfy_place")


@_interp("seed_range")
def _seed_range(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A seed outside a node's range. ComfyUI's validator wording (`Value N bigger than max of M: seed`) is ComfyUI's
    own; numpy's `Seed must be between 0 and 2**32 - 1` is claimed only in a ComfyUI node run or traceback (a node
    seeding numpy with ComfyUI's 64-bit seed), not bare and not in another web UI."""
    near = _near(ctx)
    if near.get("other_webui") or ctx.get("other_webui"):
        return None
    if g.get("numpy"):
        if not any(near.get(k) or ctx.get(k) for k in _SEED_COMFY):
            return None
        return {"details": {"limit": "4294967295"},
                "title": ("A node seeded numpy with a ComfyUI seed above 4294967295 (2**32 - 1): numpy refuses it "
                          "(`Seed must be between 0 and 2**32 - 1`)")}
    val, lim = g.get("val") or "", g.get("lim") or ""
    node = (g.get("node") or "").strip()
    who = f" ({node})" if node else ""
    d = {"value": val, "limit": lim, "input": g.get("input") or ""}
    if (g.get("dir") or "").lower().startswith("smaller"):
        return {"details": d,
                "title": f"ComfyUI refused the prompt: a seed of {val} is below the node's minimum of {lim}{who}"}
    return {"details": d,
            "title": f"ComfyUI refused the prompt: a seed of {val} is above the {lim} this node accepts{who}"}


@_interp("scheduler_schedule")
def _scheduler_schedule(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A scheduler swapped into a diffusers pipeline whose set_timesteps cannot take the schedule the pipeline
    passes (custom sigmas or timesteps, the flow-matching `mu`). The patterns already require diffusers' own
    wording (a `diffusers.schedulers` class, a diffusers scheduler name, or retrieve_timesteps' call line); a node
    pack's run and an AMD, Intel or Mac setup are left alone."""
    near = _near(ctx)
    if _off_nvidia(ctx) or near.get("custom_node"):
        return None
    cls = g.get("cls") or ""
    arg = (g.get("arg") or "").lower()
    what = (g.get("what") or "").lower()
    d = {"scheduler": cls or "?", "argument": arg or ("timesteps" if what == "timestep" else what)}
    who = cls or "The scheduler"
    call = f"{cls}.set_timesteps()" if cls else "The scheduler's set_timesteps()"
    if arg == "mu":
        title = (f"{call} takes no `mu`: the flow-matching pipeline passes its resolution shift "
                 "to a scheduler without dynamic shifting")
    elif arg:
        title = f"{call} takes no `{arg}`: the pipeline hands it a schedule it cannot use"
    else:
        title = (f"{who} cannot take the custom {'timestep' if what == 'timestep' else 'sigmas'} schedule "
                 "the pipeline passes to set_timesteps")
    return {"details": d, "title": title}


@_interp("quant_dispatch")
def _quant_dispatch(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """bitsandbytes' GPU-only layers planned on the CPU or disk. On an AMD, Intel or Mac setup the VRAM advice for an
    NVIDIA card does not apply."""
    if _off_nvidia(ctx):
        return None
    return {}


_DEP_STACK = ("peft", "accelerate", "huggingface-hub", "huggingface_hub", "tokenizers", "safetensors", "transformers",
              "diffusers", "torch", "torchvision", "hf-xet", "hf_xet")  # the packages Klein's diffusers path imports


def _version_below(have: str, want: str) -> bool:
    """Whether release `have` is older than `want`, compared on their leading numbers (0.21.4 < 0.22.0)."""
    a, b = _release(have), _release(want)
    return a is not None and b is not None and a < b


_TE_SITE = re.compile(r"(?:site|dist)-packages[\\/]typing_extensions\.py$", re.I)
# names typing_extensions added late, and the package of the Klein stack that imports each (the title says who)
_TE_IMPORTERS = {"sentinel": ("pydantic-core", "4.14"), "typeis": ("torch", "4.10")}


@_interp("typing_ext_old")
def _typing_ext_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`cannot import name 'X' from 'typing_extensions' (PATH)`: an old typing_extensions.py in the Python of ComfyUI or
    of a torch / diffusers program. A PATH that is not that site-packages module is a shadowing copy (another project's
    typing_extensions/ package, a platform folder first on sys.path): dropped, as is the error with no sign of the stack."""
    path = (g.get("path") or "").strip()
    if path and not _TE_SITE.search(path):
        return None
    near = _near(ctx)
    if not (_comfy_sign(near) or near.get("comfy_func") or near.get("torch_path") or near.get("stack_loader_frame")):
        return None
    if _off_nvidia(ctx):
        return None
    name = (g.get("name") or "").strip()
    who, since = _TE_IMPORTERS.get(name.lower(), ("a package", ""))
    out: dict[str, Any] = {"details": {"name": name}}
    if path:
        out["details"]["path"] = path
    if since:
        out["title"] = (f"typing_extensions in this Python is older than {since}: {who} imports `{name}` from it "
                        "(ComfyUI's API nodes and pyproject reader fail to import)")
    else:
        out["title"] = f"typing_extensions in this Python is too old: it has no `{name}`, which the importing package needs"
    return out


@_interp("protobuf_pb2")
def _protobuf_pb2(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    near = _near(ctx)
    dup = g.get("dup") or g.get("dupfile")
    if dup:
        if near.get("foreign_pb2") or near.get("other_webui") or _other_gpu(ctx):
            return None  # TensorFlow's or t5's own sentencepiece ops registering the file: their code
        return {"title": (f"protobuf refuses a second copy of `{dup}`: two different generated sentencepiece model "
                          "modules are loaded in this Python (protobuf 4 or newer)"),
                "cause": (f"A SentencePiece tokenizer (T5, Llama, mT5, BART ...) reads its model file through generated "
                          f"protocol-buffer code for `{dup}`. Two different copies of that code exist (transformers' own "
                          "`sentencepiece_model_pb2`, sentencepiece's, or one a node pack or tool ships), and once both are "
                          "imported, protobuf 4 and newer (its upb or C++ backend, one shared descriptor pool) refuse the "
                          "second file of the same name; protobuf 3.20 in its pure-Python mode let it pass."),
                "fix": ("In the Python that runs ComfyUI or the script, see which versions meet: `python -m pip show "
                        "transformers sentencepiece protobuf`, then bring the copies to current releases: `python -m pip "
                        "install -U transformers sentencepiece` (ComfyUI portable: `python_embeded\\python.exe -m pip "
                        "install -U transformers sentencepiece`). Where a project pins the old ones, the reporters' fix is "
                        "protobuf 3.20: `python -m pip install \"protobuf==3.20.3\"`, or set "
                        "`PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION=python` before starting it (slower, pure-Python parsing)"),
                "details": {"file": dup}}
    if near.get("hf_tokenizer"):
        return {}
    if near.get("foreign_pb2") or near.get("other_webui") or _other_gpu(ctx):
        return None  # the same message from TensorFlow, TensorBoard, ONNX or mediapipe: their own generated code
    # the refusal alone (a node's error dialog, an issue title): no package named. Beside the stack the generated code
    # is most often sentencepiece's model file (T5, SigLIP, Llama tokenizers), but the text does not say which
    return {"title": ("protobuf refuses old generated code in this Python: most often an old sentencepiece "
                      "(a tokenizer's model file) beside protobuf 4 or newer"),
            "cause": ("protobuf 4.21 and newer refuse `*_pb2.py` modules generated for protobuf 3. The text does not name "
                      "the module; beside ComfyUI or diffusers it is most often sentencepiece's `sentencepiece_model_pb2` "
                      "(or transformers' copy of it), loaded when a T5, SigLIP or Llama-style tokenizer is built, left "
                      "older than the protobuf another package pulled in. A traceback naming TensorFlow, ONNX or "
                      "mediapipe files instead means that package's own generated code."),
            "fix": ("In the Python that runs ComfyUI or the script, see which versions meet: `python -m pip show "
                    "sentencepiece protobuf transformers`, then upgrade the packages that carry the generated code: "
                    "`python -m pip install -U sentencepiece transformers` (ComfyUI portable: `python_embeded\\python.exe "
                    "-m pip install -U sentencepiece transformers`); where a node pack pins an old one, pin protobuf "
                    "instead: `python -m pip install \"protobuf==3.20.3\"`, or set "
                    "`PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION=python`; if the full traceback names another package's "
                    "`_pb2.py`, upgrade that package")}


@_interp("protobuf_old")
def _protobuf_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`cannot import name 'builder' from 'google.protobuf.internal'`: code generated by protoc 3.20+ imported by a
    protobuf older than 3.20. Claimed only when a tokenizer or sentencepiece is in view (the stack's generated code is
    sentencepiece's model module); the bare line, or another package's generated code (ONNX, TensorBoard, TensorFlow,
    mediapipe, another `*_pb2`), is that package's."""
    near = _near(ctx)
    if not (near.get("hf_tokenizer") or ctx.get("hf_tokenizer")):
        return None
    if near.get("foreign_pb2") or near.get("other_webui") or _other_gpu(ctx):
        return None
    return {}


@_interp("comfy_glsl")
def _comfy_glsl(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if not _near(ctx).get("comfy_glsl"):
        return None  # a node pack's own OpenGL, a desktop program: the same loader message is theirs
    lib = g.get("lib") or "libX11.so.6"
    pkg = {"libx11.so.6": "libx11-6", "libx11-xcb.so.1": "libx11-xcb1", "libxcb.so.1": "libxcb1",
           "libxext.so.6": "libxext6", "libegl.so.1": "libegl1", "libglesv2.so.2": "libgles2"}.get(lib.lower(), "libx11-6")
    return {"title": f"ComfyUI's GLSL Shader node cannot load: the system library {lib} is missing (a headless Linux or container)",
            "fix": (f"Install it with the system's package manager, then restart ComfyUI: Debian/Ubuntu `sudo apt-get update "
                    f"&& sudo apt-get install -y {pkg}` (in a Dockerfile `RUN apt-get update && apt-get install -y {pkg}`; "
                    "Fedora/RHEL: `sudo dnf install -y libX11 libxcb libXext mesa-libEGL`). If you never use the GLSL Shader "
                    "node, the message can be left: nothing else depends on it"),
            "details": {"library": lib, "package": pkg}}


def _comfy_named_near(near: dict[str, str]) -> bool:
    """ComfyUI is named around the hit: a node pack's frame or folder, the portable's python_embeded, ComfyUI's own
    frames, updater or Manager lines, a node run, or the word ComfyUI itself (comfy_run's value)."""
    if any(near.get(k) for k in ("custom_node", "comfy_place", "comfy_func", "comfy_reqs", "comfy_updater",
                                 "comfy_manager", "node_type", "node_exec")):
        return True
    return (near.get("comfy_run") or "").lower().startswith("comfy")


@_interp("comfy_device_hidden")
def _comfy_device_hidden(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A node's device widget refused a cuda:N the ComfyUI process does not see (--cuda-device or CUDA_VISIBLE_DEVICES
    hid the other GPUs, or the machine has fewer). Not claimed on an AMD (ZLUDA, ROCm) or Mac setup, whose device
    lists are another stack's."""
    if _off_nvidia(ctx):
        return None
    if g.get("para_list") or g.get("para_miss"):
        # a user's account, claimed only where ComfyUI's own words sit beside it (a MultiGPU node, a loader node,
        # --cuda-device, ComfyUI named): its device lists offer only cuda:0, or the nodes lose the other GPUs
        # once ComfyUI is started with --cuda-device N
        flag = g.get("flag")
        return {"title": ("ComfyUI's device lists offer only cuda:0: the ComfyUI process sees one GPU"
                          + (f" (`--cuda-device {flag}` hides every other GPU and renumbers GPU {flag} as cuda:0)"
                             if flag else " (--cuda-device or CUDA_VISIBLE_DEVICES hides the others)")),
                "details": {"visible": "cuda:0", **({"cuda_device": flag} if flag else {})}}
    want = g.get("want") or "cuda:1"
    seen = list(dict.fromkeys(re.findall(r"cuda:\d{1,2}", g.get("list") or "", re.I)))
    n = len(seen)
    return {"title": (f"The workflow asks for {want}, but the ComfyUI process sees {n} GPU{'s' if n != 1 else ''} "
                      f"({', '.join(seen)}): --cuda-device or CUDA_VISIBLE_DEVICES hides the others, or the machine has "
                      "fewer GPUs"),
            "details": {"requested": want, "visible": ", ".join(seen), "input": g.get("input") or "device"}}


@_interp("tf_v5_removed")
def _tf_v5_removed(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A name transformers 5 removed, imported by code written for transformers 4. AutoModelForVision2Seq has been in
    transformers since 4.x's early releases, so its absence means 5; HybridCache arrived only in 4.42, so its absence
    alone may be an old transformers under a newer peft / diffusers: claimed only with transformers 5 named. A model's
    tokenization_<model>_fast module named missing (its model package present) is transformers 5's one-file tokenizers.
    `PretrainedConfig` imported from `transformers.modeling_utils` (4.x re-exported it there; 5 does not, its top
    level and configuration_utils still have it) is the same kind of break."""
    near = _near(ctx)
    mod = g.get("gonemod") or (f"transformers.models.{g['tfmodel']}.{g['gonefile']}" if g.get("gonefile") else "")
    if mod:
        # a model's fast-tokenizer module: transformers 5 folded it into tokenization_<model>.py and keeps the
        # ...TokenizerFast name only at the top level (the package is there, or Python would name it instead)
        slow = mod.rsplit(".", 1)[0] + "." + mod.rsplit(".", 1)[1][: -len("_fast")]
        return {"title": (f"transformers 5 removed the module `{mod}` (one tokenizer file per model now), which this code "
                          "(written for transformers 4) imports" + (": the node pack fails to load" if _comfy_named_near(near) else "")),
                "details": {"module": mod, "replacement": f"from transformers import <Name>TokenizerFast (or {slow})",
                            **({"transformers": near["tf_major5"]} if near.get("tf_major5") else {})}}
    gone = g.get("gone") or ""
    if gone == "HybridCache" and not near.get("tf_major5"):
        return None
    if g.get("cfgre"):
        # transformers 5 no longer re-exports the config base class from transformers.modeling_utils (4.x's
        # `from .configuration_utils import PretrainedConfig` there); the top level and configuration_utils keep it
        return {"title": ("transformers 5 no longer re-exports `PretrainedConfig` from `transformers.modeling_utils`, where "
                          "this code (written for transformers 4) imports it" + (": the node pack fails to load"
                                                                                  if _comfy_named_near(near) else "")),
                "fix": ("Either update the node pack or library that imports it (releases made for transformers 5 take the "
                        "class from the top level: `from transformers import PretrainedConfig` instead of `from "
                        "transformers.modeling_utils import PretrainedConfig`), or put transformers 4 back in the Python "
                        "that runs it: `python -m pip install \"transformers>=4.51,<5\"` (ComfyUI portable: "
                        "`python_embeded\\python.exe -m pip install \"transformers>=4.51,<5\"`); then restart ComfyUI"),
                "details": {"name": "PretrainedConfig", "module": "transformers.modeling_utils",
                            "replacement": "from transformers import PretrainedConfig",
                            **({"transformers": near["tf_major5"]} if near.get("tf_major5") else {})}}
    repl = {"AutoModelForVision2Seq": "AutoModelForImageTextToText", "HybridCache": "DynamicCache / Cache"}.get(gone, "")
    return {"title": (f"transformers 5 removed `{gone}`, which this code (written for transformers 4) imports"
                      + (": the node pack fails to load" if _comfy_named_near(near) else "")),
            "details": {"name": gone, **({"replacement": repl} if repl else {}),
                        **({"transformers": near["tf_major5"]} if near.get("tf_major5") else {})}}


@_interp("comfy_tk")
def _comfy_tk(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """tkinter or its Tcl/Tk files missing from the Python that runs ComfyUI (the portable's embeddable Python has
    none): claimed with ComfyUI in view, not for another program's Python, nor on a Mac (Homebrew's python-tk)."""
    near = _near(ctx)
    if near.get("macos") or not _comfy_named_near(near):
        return None
    if g.get("tcl"):
        title = (f"Tcl/Tk's library files ({g['tcl']}.tcl) are missing for the Python that runs ComfyUI: a node pack's "
                 "tkinter window or file dialog cannot open")
        what = f"{g['tcl']}.tcl"
    elif g.get("dll"):
        title = ("tkinter's DLLs (_tkinter.pyd, tcl86t.dll, tk86t.dll) are missing or do not match in the Python that "
                 "runs ComfyUI: a node pack that opens a file dialog cannot load")
        what = "_tkinter"
    else:
        what = g.get("tkmod") or ("tkinter." + g["tkname"] if g.get("tkname") else "tkinter")
        title = ("The Python that runs ComfyUI has no tkinter (Tcl/Tk): a node pack that opens a file dialog or window "
                 "cannot load")
    return {"title": title, "details": {"missing": what}}


def _diffusers_moved_rows() -> tuple[dict[str, tuple[str, str]], frozenset[str], dict[str, str]]:
    """manifests/requirements.toml [[diffusers_moved]]: module -> (new subpackage, or "" when removed with Flax; the
    last release that had it), the short-lived modules, and the modules renamed in their new subpackage."""
    moved: dict[str, tuple[str, str]] = {}
    short: set[str] = set()
    renamed: dict[str, str] = {}
    for row in _manifest_part("requirements", "diffusers_moved", []):
        for m in row.get("modules") or []:
            moved[str(m)] = (str(row.get("new") or ""), str(row.get("last") or ""))
            if row.get("renamed"):
                renamed[str(m)] = str(row["renamed"])
        short.update(str(m) for m in row.get("short_lived") or [])
    return moved, frozenset(short), renamed


def _diffusers_moved_name(name: str) -> dict[str, Any] | None:
    """manifests/requirements.toml [[diffusers_moved_names]]: the row of a name diffusers.utils stopped exporting."""
    for row in _manifest_part("requirements", "diffusers_moved_names", []):
        if name in (row.get("names") or []):
            return row
    return None


@_interp("diffusers_moved")
def _diffusers_moved(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Code importing a diffusers.models module path that diffusers moved or deleted (the old shim's deprecation
    tuple once its version passed, or the module gone): name the new import and the last release with the old one."""
    mod = g.get("mod") or ""
    if g.get("devname") or (g.get("uname") and not _diffusers_moved_name(g["uname"])):
        # a name missing from a diffusers submodule: claimed only beside a pin of a development snapshot of diffusers
        # (`diffusers==0.25.0.dev0`), the version string of git main: the project was written against a main-branch
        # commit whose internals a later diffusers changed; otherwise the importing program's own pin, not claimed
        return _diffusers_dev_snapshot(g.get("devname") or g.get("uname") or "",
                                       g.get("devmod") or "diffusers.utils", ctx)
    if g.get("uname"):
        # `cannot import name NAME from 'diffusers.utils'`: only a name that moved to a submodule (the table); a name
        # diffusers removed outright has no new import and is the importing program's own pin
        row = _diffusers_moved_name(g["uname"])
        name, new, last = g["uname"], str(row.get("new") or ""), str(row.get("last") or "")
        nxt = f"0.{int(last.split('.')[1]) + 1}" if re.fullmatch(r"0\.\d{1,3}", last) else ""
        return {"title": (f"Code imports `{name}` from `diffusers.utils`, which newer diffusers no longer exports there: "
                          f"it lives in `{new}`" + (f" since diffusers {nxt}" if nxt else "")),
                "fix": (f"Change the import in the file the traceback names to `from {new} import {name}` (the rest of that "
                        f"`from diffusers.utils import ...` line can stay), or update the program or node pack to a release "
                        f"that has the new import" + (f"; until then run it in its own environment with `python -m pip install "
                        f"\"diffusers<{nxt}\"`" if nxt else "") + f". Klein itself needs diffusers {_klein_min('diffusers')} or newer: do not "
                        "downgrade the Python that runs Klein"),
                "details": {"name": name, "old": "diffusers.utils", "new": new, "last": last}}
    if not g.get("attr") and g.get("attrq"):  # the deprecated attribute quoted with double quotes ("output_type=='np'")
        g = {**g, "attr": g["attrq"]}
    if g.get("attr"):  # the deprecation tuple: ('diffusers.models.controlnet_flux.FluxControlNetModel', '0.34', ...)
        parts = g["attr"].split(".")
        if len(parts) >= 3 and parts[0] == "diffusers" and parts[1] == "models":
            mod = parts[2]
        else:
            ver = g.get("ver") or "the installed version"
            extra = ""
            if g["attr"].replace(" ", "").replace('"', "'") == "output_type=='np'":
                # diffusers 0.33's sin-cos position embeddings (get_2d/3d_sincos_pos_embed) kept their numpy path's
                # deprecate(..., "0.33.0"): a caller on that path raises under 0.33.x
                extra = (" (the caller uses the numpy path of diffusers' sin-cos position embeddings; in the calling code "
                         "`output_type=\"pt\"` is the new form)")
            return {"title": (f"Code written for an older diffusers calls diffusers' deprecate() for `{g['attr']}`, "
                              f"whose removal version diffusers {ver} has passed"),
                    "fix": (f"Update the program or node pack whose code reaches deprecate(\"{g['attr']}\", ...) to its newer "
                            f"release{extra}, or run it in its own environment with the diffusers it was written for: "
                            f"`python -m pip install \"diffusers<{g.get('rm', '')}\"`. Klein itself needs diffusers {_klein_min('diffusers')} or newer: "
                            "do not downgrade the Python that runs Klein"),
                    "details": {"deprecated": g["attr"], "removal": g.get("rm", ""), "diffusers": g.get("ver", "")}}
    moved, short_lived, renamed = _diffusers_moved_rows()
    new, last = moved.get(mod, ("?", ""))
    if new == "?" or not re.fullmatch(r"0\.\d{1,3}", last):
        return None
    if mod in short_lived and not g.get("attr"):
        # a module that existed only a few releases is missing from an older diffusers too: claimed only with an
        # installed diffusers past the old path's last release in view
        m = re.fullmatch(r"0\.(\d{1,3})\.\d{1,3}", _near(ctx).get("diffusers_version") or "")
        if not m or int(m.group(1)) <= int(last.split(".")[1]):
            return None
    nxt = g.get("rm") if g.get("attr") and g.get("rm") else f"0.{int(last.split('.')[1]) + 1}"  # a shim that raised
    name = g.get("name") or (g.get("attr", "").split(".")[-1] if g.get("attr") else "")
    if new:
        target = f"diffusers.models.{new}.{renamed.get(mod, mod)}"
        imp = f"`from {target} import {name}`" if name and name.isidentifier() else f"`{target}`"
        title = (f"Code imports `diffusers.models.{mod}`, a path newer diffusers moved to `{target}` "
                 f"(the old path last shipped in diffusers {last})")
        fix = (f"Change the import to {imp} (or import the class from `diffusers` directly), or update the node pack "
               f"or script that has the old import; until then, run it with the diffusers it was written for: "
               f"`python -m pip install \"diffusers<{nxt}\"` in that program's own environment")
    else:
        title = (f"Code imports `diffusers.models.{mod}`, a Flax module diffusers removed "
                 f"(last shipped in diffusers {last})")
        fix = (f"diffusers dropped Flax/JAX support: use the PyTorch classes (`from diffusers import ...` without the Flax "
               f"prefix), or run that code in its own environment with `python -m pip install \"diffusers<{nxt}\"`")
    return {"title": title, "fix": fix + f". Klein itself needs diffusers {_klein_min('diffusers')} or newer: do not downgrade the Python that runs Klein",
            "details": {"module": f"diffusers.models.{mod}", "new": new, "last": last}}


def _diffusers_dev_snapshot(name: str, mod: str, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`cannot import name NAME from 'diffusers.SUB'` where the paste pins a .devN diffusers: code written against a
    main-branch snapshot, run with a diffusers whose internals moved on. Off NVIDIA or without the pin: not claimed."""
    pin = _fact(ctx, "diffusers_dev_pin")
    if not pin or not name or _off_nvidia_anywhere(ctx):
        return None
    return {"title": (f"Code written against a development snapshot of diffusers ({pin}, from git main) imports `{name}` "
                      f"from `{mod}`, which the installed diffusers does not have"),
            "cause": (f"`{pin}` is the version string diffusers' git main carries between two releases; PyPI never has it. "
                      f"The project was written against a main-branch commit of that time, whose `{mod}` still had "
                      f"`{name}`; diffusers' internals change from commit to commit (LoRA helpers, attention processors and "
                      "loaders were moved or removed on main before the next release), so the diffusers installed now "
                      "lacks it. The installed diffusers is not broken: the project and it are from different times."),
            "fix": (f"Give the project the diffusers it was written for, in its own environment: install diffusers from a "
                    f"main-branch commit of that time, `python -m pip install \"git+https://github.com/huggingface/diffusers@COMMIT\"` "
                    "(the commit the project names in its README or in a `-e git+https://github.com/huggingface/diffusers@COMMIT"
                    "#egg=diffusers` line of its requirements; else the first release after it, `python -m pip install "
                    f"\"diffusers=={_dev_release(pin)}\"`), or update the project to a release that imports the new name. Klein "
                    f"itself needs diffusers {_klein_min('diffusers')} or newer: do not downgrade the Python that runs Klein"),
            "details": {"name": name, "module": mod, "pinned": pin}}


def _dev_release(pin: str) -> str:
    """The release a .devN version leads to: 0.25.0.dev0 -> 0.25.0."""
    m = re.match(r"(\d{1,3}\.\d{1,3}(?:\.\d{1,3})?)", pin.split("==")[-1])
    return m.group(1) if m else "RELEASE"


_HUB_SNAPSHOT = re.compile(r"models--[^\\/\s]{1,200}[\\/]snapshots[\\/]", re.I)


@_interp("files_missing")
def _files_missing(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if g.get("nodir"):
        # the loader's "it looks like DIR is not the path to a directory containing a FILE file" for a folder under a
        # models folder: the folder is there (or was meant to be) but does not hold the repository's files
        nd, cf = g["nodir"].strip(), g.get("cfgfile") or ""
        if _HUB_SNAPSHOT.search(nd):
            return None  # a Hub cache snapshot holds what the repository has
        return {"title": f"The model folder {nd} does not hold the files the loader needs (no {cf} there)",
                "cause": ("diffusers / transformers load a local model folder in the repository's layout: a pipeline folder has "
                          "model_index.json and one subfolder per component (scheduler/scheduler_config.json, unet/ or "
                          "transformer/, vae/, text_encoder/, tokenizer/), a model folder its config.json beside the weights. "
                          f"{nd} has no {cf}: the repository was never downloaded into it, only some of its files were, or "
                          "single checkpoint files were put there instead of the repository's folder. Not finding it locally, the "
                          "loader tried the path as a Hub id, hence the words about the connection."),
                "fix": (f"Download the whole repository the node or script names into exactly that folder, in its layout: "
                        f"`hf download OWNER/NAME --local-dir \"{nd}\"` (or `git lfs install` then `git clone "
                        f"https://huggingface.co/OWNER/NAME \"{nd}\"`), e.g. stable-diffusion-v1-5/stable-diffusion-inpainting for a "
                        "folder named stable-diffusion-inpainting; then check that the folder has the file named in the error"),
                "details": {"folder": nd, "looked_for": cf}}
    d = g.get("dir") or ""
    if _HUB_SNAPSHOT.search(d):
        return None  # a snapshot of the Hub cache holds what the repository has: that repository's layout, not ours
    if g.get("files"):
        # transformers' wording: a list of the weight names it tried, none of them in the folder
        files = g["files"]
        if _VARIANT_NAME.search(files):
            return None  # variant-named weights (model.fp16.safetensors): a program's own variant layout, not a download gap
        return {"title": f"The model folder {d} has no weights file (transformers found none of: {files})",
                "cause": ("transformers loads a model folder's weights from model.safetensors (or the shards "
                          "model-0000N-of-0000M.safetensors listed in model.safetensors.index.json, or an older "
                          "pytorch_model.bin). This folder has none of them, usually only its config and tokenizer files: "
                          "the download stopped before the weights (a node pack's or script's snapshot download that was "
                          "interrupted or skipped the large files), or the weights were put in another folder or renamed."),
                "fix": (f"Download the repository into that folder again, weights included: `hf download OWNER/NAME "
                        f"--local-dir \"{d}\"` (the repository the node or script names; it fetches only what is missing), "
                        "or fetch the missing model.safetensors (every shard and its index, if the repository has shards) from "
                        "the repository's Files page into exactly that folder, under the original names; then compare the "
                        "folder with the file list on huggingface.co"),
                "details": {"looked_for": files, "folder": d}}
    f = g.get("file") or ""
    vm = re.fullmatch(r"diffusion_pytorch_model\.(fp16|bf16|fp32|non_ema|ema)\.bin", f)
    if vm:
        # the variant's pickle name: the call asked for variant= with use_safetensors=False, or the folder is elsewhere
        fm = cat.by_id("diffusers.files-missing")
        return {"fix": (fm.fix + f". If the folder does hold weights (list it: `ls FOLDER`, Windows `dir FOLDER`): "  # type: ignore[union-attr]
                        f"diffusion_pytorch_model.{vm.group(1)}.safetensors there means the call needs `use_safetensors=True` "
                        f"(or no use_safetensors argument); only diffusion_pytorch_model.safetensors means it should drop "
                        f"`variant=\"{vm.group(1)}\"` and set torch_dtype instead"),
                "details": {"file": f, "folder": d}}
    if f == "diffusion_pytorch_model.bin":
        # diffusers' last fallback name: the folder may hold its weights under names this call did not ask for
        fm = cat.by_id("diffusers.files-missing")
        return {"fix": (fm.fix + ". If the folder does hold weights (list it: `ls FOLDER`, Windows `dir FOLDER`): only "  # type: ignore[union-attr]
                        "diffusion_pytorch_model.fp16.safetensors means the call needs `variant=\"fp16\"`; shards "
                        "diffusion_pytorch_model-0000N-of-0000M.bin with diffusion_pytorch_model.bin.index.json mean it "
                        "needs `use_safetensors=False`"),
                "details": {"file": f, "folder": d}}
    return {"details": {"file": f, "folder": d}}


@_interp("shard_missing")
def _shard_missing(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A shard that the folder's index names is not in the folder: the shard's name and the folder it was looked for in."""
    shard = g.get("shard") or g.get("shard2") or ""
    folder = (g.get("path") or g.get("path2") or "").replace("\\\\", "\\").rstrip("\\/")
    n, total = g.get("n") or g.get("n2") or "", g.get("total") or g.get("total2") or ""
    where = f" in {folder}" if folder else ""
    of = f" (shard {int(n)} of {int(total)})" if n.isdigit() and total.isdigit() else ""
    return {"title": f"The sharded model{where} lacks {shard}{of}, a file its index names",
            "details": {"shard": shard, "folder": folder}}


_VARIANT_NAME = re.compile(r"\.(?:fp16|bf16|fp32|non_ema|ema)\.(?:bin|safetensors)\b")


@_interp("weights_format")
def _weights_format(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """diffusers told by use_safetensors / variant to load weight files the folder or repository names otherwise."""
    if g.get("sffile"):
        comp, sf = g.get("comp") or "", g["sffile"]
        return {"title": (f"use_safetensors=True, but the repository's {comp}/ has no {sf} (only a .bin): diffusers "
                          "stops unless it may load the .bin"),
                "details": {"component": comp, "file": f"{comp}/{sf}"}}
    names = [n.strip(" '\"") for n in (g.get("files") or "").split(",")]
    sf = {n.rsplit("/", 1)[0] for n in names if n.endswith(".safetensors") and "/" in n}
    only_bin = sorted({n.rsplit("/", 1)[0] for n in names if n.endswith(".bin") and "/" in n} - sf)
    var = g.get("variant") or "None"
    what = (f"; these components have only .bin files: {', '.join(only_bin)}" if only_bin else "")
    return {"title": f"use_safetensors=True (variant={var}), but the repository does not have safetensors for every component{what}",
            "details": {"variant": var, "bin_only": only_bin}}


@_interp("klein_as_dev")
def _klein_as_dev(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    width = g.get("file") or g.get("file2") or ""
    key = g.get("key") or g.get("key2") or ""
    size = {"3072": "4B", "4096": "9B"}.get(width, "4B")
    repo = f"black-forest-labs/FLUX.2-klein-{size}"
    sig = cat.by_id("diffusers.klein-single-file-detected-as-dev")
    return {"title": (f"from_single_file built FLUX.2 [dev] (width 6144) for a file whose {key} is {width} wide: a FLUX.2 "
                      f"[klein] {size} transformer taken for [dev]"),
            "fix": sig.fix.replace("black-forest-labs/FLUX.2-klein-4B", repo),  # type: ignore[union-attr]
            "details": {"layer": key, "file_width": width, "model_width": "6144", "klein": size, "config": repo}}


@_interp("keys_missing")
def _keys_missing(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """diffusers' refusal of a weights file that lacks tensors of the class it built. A class outside the diffusers
    package named in the paste (a project's own UNet subclass with extra layers, a remote-code diffusers_modules
    class) is that program's architecture, not a mixed-up file: not claimed, for its head line or its tail. A
    diffusers class of another model family (HunyuanDiT2DModel, WanTransformer3DModel, AutoencoderKLQwenImage, ...)
    is marked by the same context: that family's checkpoint and diffusers release out of step, which no re-download
    fixes."""
    if _fact(ctx, "foreign_model_class"):
        return None
    cls = g.get("cls") or ""
    if cls and not cls.startswith("diffusers."):
        return None
    if not cls:
        return {}
    name = cls.rsplit(".", 1)[-1]
    folder = (g.get("path") or "").strip()
    return {"title": (f"The weights file for {name} in {folder} lacks tensors that class needs "
                      "(a wrong, mixed-up or incomplete file in that folder)"),
            "details": {"class": cls, "folder": folder}}


@_interp("dep_too_old")
def _dep_too_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if _other_gpu(ctx):
        return None
    if g.get("lib") and g.get("lazy"):
        # diffusers' lazy import wraps the failure: diffusers or the peft it imports for LoRA loading needs a
        # transformers module of a newer release than the one installed
        lib, sub = g["lib"].lower(), g.get("sub") or ""
        pkgs = "transformers peft diffusers" if lib == "diffusers" else "transformers peft"
        return {"title": f"Importing {lib} fails: it (or peft, which it imports) needs transformers.{sub}, which the "
                         "installed transformers is too old to have",
                "fix": (f"Upgrade them together in the Python that runs Klein: `python -m pip install -U {pkgs}` "
                        f"(ComfyUI portable: `python_embeded\\python.exe -m pip install -U {pkgs}`); where a project "
                        "pins the old transformers, install the peft and diffusers of its era instead"),
                "details": {"library": lib, "transformers_module": f"transformers.{sub}"}}
    if g.get("lib"):
        lib, sub = g["lib"].lower(), g.get("sub") or ""
        return {"title": f"{lib} imports transformers.{sub}, which the installed transformers does not have: the two are out of step",
                "fix": (f"Upgrade them together in the Python that runs Klein: `python -m pip install -U transformers {lib}` "
                        "(ComfyUI portable: `python_embeded\\python.exe -m pip install -U transformers " + lib + "`)"),
                "details": {"library": lib, "transformers_module": f"transformers.{sub}"}}
    if g.get("accname"):
        # diffusers / peft import a helper of the accelerate of their own era: the installed accelerate is older
        name, mod, via = g["accname"], "accelerate" + (g.get("accmod") or ""), (g.get("via") or "diffusers").split(".")[0]
        if via == "transformers":
            # transformers' lazy import failing on an accelerate name: in the reports an accelerate older than that
            # transformers (PartialState, is_mlu_available, clear_device_cache); an old transformers beside an
            # accelerate that dropped a name would read the same, so the headline says out of step and the fix
            # upgrades both, which settles either direction
            return {"title": (f"The installed accelerate has no `{name}` ({mod}), which transformers imports: the two are "
                              "out of step (most often an accelerate older than that transformers)"),
                    "cause": (f"transformers imports `{name}` from `{mod}` when it loads this part of itself (its pipelines, "
                              "Trainer, TrainingArguments or model loading), and the accelerate in the same Python does not "
                              "have it: usually an accelerate left behind by an earlier install or pinned by another "
                              "package while transformers was upgraded, so `import transformers...` fails."),
                    "fix": ("Upgrade them together in the Python that runs Klein: `python -m pip install -U accelerate "
                            "transformers` (ComfyUI portable: `python_embeded\\python.exe -m pip install -U accelerate "
                            "transformers`); `python -m pip show accelerate transformers` shows the versions"),
                    "details": {"missing_name": name, "module": mod, "importer": "transformers"}}
        return {"title": f"The installed accelerate has no `{name}` ({mod}): it is older than the {via} importing it",
                "cause": (f"{via} imports `{name}` from `{mod}`, which only newer accelerate releases have; the Python that "
                          f"runs it has an older accelerate (left behind by an earlier install, pinned by another package, "
                          f"or reset by a cloud image), so importing {via} fails."),
                "fix": (f"Upgrade accelerate together with {via} in the Python that runs Klein: `python -m pip install -U "
                        f"accelerate {via}` (ComfyUI portable: `python_embeded\\python.exe -m pip install -U accelerate {via}`)"),
                "details": {"missing_name": name, "module": mod, "importer": via}}
    if g.get("lorvia"):
        # diffusers' lazy import of its LoRA loader (or peft, which it imports) fails on a name transformers lacks
        via, name = g["lorvia"], g.get("lorname") or ""
        mod = "transformers" + (g.get("lormod") or "")
        return {"title": (f"Importing {via} fails: diffusers' LoRA path (diffusers or the peft it imports) needs "
                          f"`{name}` from {mod}, which the installed transformers does not have"),
                "cause": (f"diffusers imports its LoRA loaders, and peft with them, when a pipeline is imported; one of "
                          f"them imports `{name}` from {mod}. transformers removes old helpers in new releases (and adds "
                          "new ones), so a peft or diffusers older than the transformers beside it (typically right after "
                          "`pip install -U transformers` alone) fails to import, and every pipeline with it."),
                "fix": ("Bring the three to releases of the same time in the Python that runs Klein: `python -m pip install "
                        "-U transformers peft diffusers` (ComfyUI portable: `python_embeded\\python.exe -m pip install -U "
                        "transformers peft diffusers`); where a project pins transformers, install the peft and diffusers of "
                        "that transformers' era instead"),
                "details": {"missing_name": name, "module": mod, "importer": via}}
    if g.get("peftgone"):
        # transformers 5 removed HybridCache; peft before 0.18 imports it in peft/peft_model.py (diffusers' LoRA path)
        near = _near(ctx)
        if not (g.get("peftframe") or g.get("gonevia")) and (near.get("custom_node") or near.get("remote_code")):
            return None  # a node pack's or a remote model's own import of the removed name: that code's, not peft's
        if not near.get("tf_major5"):
            # HybridCache came in transformers 4.42 and went in 5: without transformers 5 in view, an old transformers
            # under a peft that imports it reads the same, so the headline names both and the fix asks pip which
            return {"title": ("peft and transformers do not match: this peft imports `HybridCache`, which transformers 5 "
                              "removed and transformers before 4.42 did not have yet"),
                    "cause": ("peft releases before 0.18 import `HybridCache` from transformers when peft is imported "
                              "(peft/peft_model.py); transformers added that class in 4.42 and removed it in 5. With "
                              "transformers 5 the peft is too old (transformers 5 needs peft 0.18 or newer); with a "
                              "transformers older than 4.42 the transformers is too old for that peft. diffusers' LoRA "
                              "loading and any node or script that imports peft fail either way."),
                    "fix": ("See which it is: `python -m pip show transformers peft` (ComfyUI portable: "
                            "`python_embeded\\python.exe -m pip show transformers peft`). transformers 5.x: upgrade peft, "
                            "`python -m pip install -U \"peft>=0.18\"`; transformers older than 4.42: upgrade it, "
                            "`python -m pip install -U \"transformers>=4.42,<5\"`"),
                    "details": {"missing_name": "HybridCache", "module": "transformers",
                                "importer": g.get("gonevia") or "peft", "needs": "peft>=0.18 with transformers 5"}}
        return {"title": "transformers 5 removed `HybridCache`: the installed peft is older than the transformers beside it",
                "cause": ("transformers 5 removed the `HybridCache` class, which peft releases before 0.18 import when peft "
                          "is imported (peft/peft_model.py); diffusers' LoRA loading and any node or script that imports "
                          "peft then fail. transformers 5 needs peft 0.18 or newer."),
                "fix": ("Upgrade peft in the Python that runs Klein: `python -m pip install -U \"peft>=0.18\"` (ComfyUI "
                        "portable: `python_embeded\\python.exe -m pip install -U \"peft>=0.18\"`); where a project pins "
                        "an old peft, pin transformers below 5 instead: `python -m pip install \"transformers<5\"`"),
                "details": {"missing_name": "HybridCache", "module": "transformers", "importer": g.get("gonevia") or "peft",
                            "needs": "peft>=0.18"}}
    if g.get("tfname") == "EncoderDecoderCache":
        # peft 0.14 and newer import it from transformers (peft/peft_model.py); transformers before 4.42 lacks it
        return {"title": "The installed transformers has no `EncoderDecoderCache`: it is older than the peft installed beside it",
                "cause": ("peft 0.14 and newer import `EncoderDecoderCache` from transformers, which transformers releases "
                          "before 4.42 do not have; anything that imports peft (transformers' Trainer, diffusers' LoRA "
                          "loading) then fails with an older transformers in the same Python."),
                "fix": ("Upgrade transformers in the Python that runs Klein: `python -m pip install -U transformers peft`; "
                        "where a project pins the old transformers, pin peft to its era instead: "
                        "`python -m pip install \"peft<0.14\"`"),
                "details": {"missing_name": "EncoderDecoderCache", "module": "transformers", "importer": "peft"}}
    if g.get("tfname"):
        name, mod = g["tfname"], "transformers" + (g.get("tfmod") or "")
        return {"title": f"The installed transformers has no `{name}` ({mod}): it is older than the diffusers (or other code) importing it",
                "fix": ("Upgrade transformers in the Python that runs Klein: `python -m pip install -U transformers` "
                        "(ComfyUI portable: `python_embeded\\python.exe -m pip install -U transformers`); where a project "
                        "pins this old transformers, install the diffusers of its era instead of the newest one"),
                "details": {"missing_name": name, "module": mod}}
    if g.get("peftcfg"):
        # peft writes every field of its adapter config into adapter_config.json; an older peft does not know the
        # fields a newer one added and refuses them (keys of pre-peft LoRA code, enable_lora, are not matched)
        cfg, arg = g["peftcfg"], (g.get("peftarg") or "").strip("'")
        named = f" (`{arg}`)" if arg and arg != "..." else ""
        return {"title": f"The installed peft is older than the one that saved this adapter: {cfg} does not know a field{named}",
                "cause": ("peft saves all fields of the adapter's config in adapter_config.json. The adapter (LoRA) was "
                          "trained or saved with a newer peft whose config has fields this installed peft does not know, "
                          "so reading the config fails (diffusers' and transformers' LoRA loading go through it)."),
                "fix": ("Upgrade peft in the Python that runs Klein: `python -m pip install -U peft` (ComfyUI portable: "
                        "`python_embeded\\python.exe -m pip install -U peft`); where a project pins this peft, delete the "
                        "unknown keys from the adapter's adapter_config.json instead"),
                "details": {"package": "peft", "config": cfg, **({"field": arg} if named else {})}}
    if g.get("minpkg"):
        # peft's is_torchao_available() raises (not returns False) when an older torchao is installed
        have, want = g.get("have") or "", g.get("want") or ""
        return {"title": f"torchao {have} is installed; the installed peft accepts only torchao {want} or newer",
                "cause": ("peft checks the torchao version whenever torchao is installed, and raises instead of ignoring "
                          "an older release, so every LoRA load through peft (diffusers' load_lora_weights, a trainer) "
                          "fails; torchao was left at an old release or pinned down by another project."),
                "fix": (f"In the Python that runs Klein, upgrade torchao to a release that fits both peft and your torch "
                        f"(torchao releases support a narrow torch range): `python -m pip install -U \"torchao>={want}\"`; "
                        "if nothing uses torchao, remove it instead: `python -m pip uninstall torchao`"),
                "details": {"package": "torchao", "installed": have, "required": f">={want}", "importer": "peft"}}
    if g.get("bnbattr") or g.get("bnbname"):
        what = (f"`{g['bnbcls']}.{g['bnbattr']}`" if g.get("bnbattr") else f"`{g['bnbname']}` in `{g.get('bnbmod')}`")
        return {"title": f"The installed bitsandbytes is older than the 4-bit code using it (no {what})",
                "cause": ("The NF4 / 4-bit loader (a ComfyUI NF4 node, diffusers' or transformers' bitsandbytes path) uses "
                          "parts of bitsandbytes that only its newer releases have (Params4bit.quant_storage and the "
                          "4-bit classes of bitsandbytes 0.43 and later). The Python that runs it has an older bitsandbytes: "
                          "often pip upgraded it in another Python than ComfyUI's own."),
                "fix": ("Upgrade bitsandbytes in the Python that runs Klein: `python -m pip install -U bitsandbytes` "
                        "(ComfyUI portable: `python_embeded\\python.exe -m pip install -U bitsandbytes`; ComfyUI Desktop: "
                        "its terminal or ComfyUI-Manager's pip install), then `python -m bitsandbytes` reports the version "
                        "and its CUDA setup"),
                "details": {"package": "bitsandbytes", "missing": what.strip("`")}}
    if g.get("aologger"):
        via = g.get("aovia") or "diffusers"
        return {"title": "diffusers 0.36 cannot import its torchao support with torchao 0.16 or newer",
                "cause": (f"diffusers 0.36.0 imports `torchao.dtypes.uintx.uint4_layout`, which torchao 0.16 removed; its "
                          f"fallback then refers to a logger not yet defined, so importing {via} (and any model class that "
                          "pulls in the quantizers) fails with `name 'logger' is not defined`. diffusers 0.37 fixed it."),
                "fix": ("Upgrade diffusers in the Python that runs Klein: `python -m pip install -U \"diffusers>=0.37\"`; "
                        "where diffusers must stay at 0.36, pin torchao below 0.16 instead: "
                        "`python -m pip install \"torchao<0.16\"` (or `python -m pip uninstall torchao` if nothing uses it)"),
                "details": {"package": "diffusers", "importer": via, "conflict": "torchao>=0.16"}}
    if g.get("spname"):
        # spandrel (ComfyUI's upscale-model loader) older than a node pack or ComfyUI importing a newer name from it
        if _near(ctx).get("other_webui"):
            return None  # AUTOMATIC1111 / Forge pin their own spandrel in their own venv
        name, mod = g["spname"], g.get("spmod") or "spandrel"
        return {"title": f"The installed spandrel has no `{name}` ({mod}): it is likely older than the code importing it",
                "cause": (f"spandrel is the library ComfyUI (Load Upscale Model) and node packs (inpaint, upscaler and "
                          f"face-restoration nodes) load ESRGAN / SwinIR / DAT / LaMa files with; the code imports `{name}` "
                          f"from `{mod}`, which only newer spandrel releases have, and the Python that runs ComfyUI has an "
                          "older spandrel (ComfyUI's requirements.txt names it without a version, so an update of ComfyUI "
                          "or of a node pack does not upgrade it)."),
                "fix": ("Upgrade it in the Python that runs ComfyUI: `python -m pip install -U spandrel` (portable: "
                        "`python_embeded\\python.exe -m pip install -U spandrel`), and update ComfyUI too, then restart "
                        "it; if spandrel is already the newest release (`python -m pip show spandrel`), the node pack "
                        "is out of step with it: update the node pack"),
                "details": {"package": "spandrel", "missing_name": name, "module": mod}}
    if g.get("timmvia") or g.get("timmname"):
        # transformers' timm_wrapper imports ImageNetInfo / infer_imagenet_subset from timm.data: an old timm (0.6.x),
        # or a node pack's own copy of timm found first on the path, lacks them
        name, mod = g.get("timmname") or "", "timm" + (g.get("timmmod") or "")
        path = g.get("timmpath") or ""
        copy = bool(re.search(r"custom_nodes[\\/]", path))
        if copy:
            title = (f"A copy of timm inside a node pack's folder has no `{name}` ({mod}): it shadows the installed timm"
                     if name else "A copy of timm inside a node pack's folder shadows the installed timm")
        elif name:
            title = f"The installed timm has no `{name}` ({mod}): it is older than the transformers importing it"
        else:
            title = "transformers cannot import its timm_wrapper: the installed timm is older than that transformers needs"
        d: dict[str, Any] = {"package": "timm", "importer": g.get("timmvia") or "transformers.models.timm_wrapper"}
        if name:
            d["missing_name"], d["module"] = name, mod
        if path:
            d["timm_file"] = path[:200]
        return {"title": title,
                "cause": ("transformers imports its timm_wrapper (the classes that wrap timm backbones) while it "
                          "resolves model classes, and that module imports `ImageNetInfo` and `infer_imagenet_subset` "
                          "from timm.data, which old timm releases (0.6.x, the pin of image-reward and torchscale) do "
                          "not have. The Python that runs ComfyUI or the script has such an old timm, or a node pack "
                          "ships its own copy of timm inside custom_nodes that Python finds first, so every model load "
                          "that touches this part of transformers fails."),
                "fix": ("Upgrade timm in the Python that runs Klein: `python -m pip install -U timm` (ComfyUI portable: "
                        "`python_embeded\\python.exe -m pip install -U timm`; ComfyUI-Manager: Install PIP packages, "
                        "`timm`), then restart ComfyUI and check `python -c \"import timm; print(timm.__version__)\"` "
                        "(1.0.13 and newer are reported to work); if a node pack pins `timm==0.6.13`, its next install "
                        "brings the old one back: update or disable that pack; a timm folder inside a node pack "
                        "(custom_nodes\\...\\timm) shadows the installed one: update that pack or remove its copy"),
                "details": d}
    pkg = (g.get("pkg") or "").lower()
    if pkg not in _DEP_STACK:
        return None  # another program's own requirement: not ours
    want, have = g.get("want") or "", g.get("have") or ""
    if g.get("upper") and not _version_below(have, want):
        return None  # a range whose upper bound the installed version passed: the calling program's own pin
    spec = f'"{pkg}{g.get("op") or ">="}{want}"'
    return {"title": f"{pkg} {have} is installed, the installed diffusers/transformers requires {pkg}{g.get('op') or '>='}{want}",
            "fix": (f"Upgrade it in the Python that runs Klein: `python -m pip install -U {spec}` (ComfyUI portable: "
                    f"`python_embeded\\python.exe -m pip install -U {spec}`)"),
            "details": {"package": pkg, "installed": have, "required": f"{g.get('op') or '>='}{want}"}}


@_interp("timm_too_old")
def _timm_too_old(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """timm's `Unknown model (NAME)` for a name of a timm architecture family: the installed timm predates it (an
    `arch.tag` name needs timm 0.9 or newer). Not claimed on an AMD / Intel setup (another install), as its kin."""
    if _other_gpu(ctx):
        return None
    if g.get("dc_cls"):
        # `import timm` itself failing on Python 3.11+: a timm release whose dataclasses use instances as defaults
        cls, field = g["dc_cls"], g.get("dc_field") or ""
        short = cls.rsplit(".", 1)[-1]
        return {"title": f"This timm cannot be imported on Python 3.11 or newer (its `{short}` default for `{field}`): "
                         "timm is older than the Python running it",
                "cause": (f"Python 3.11 changed dataclasses to refuse any unhashable default value (3.10 refused only "
                          f"lists, dicts and sets). Releases of the timm 0.6 line declare a dataclass instance as the "
                          f"default of a field (`{field}: {short} = {short}()` in {cls.rsplit('.', 1)[0]}), so on Python "
                          "3.11 and newer the first `import timm` fails with `mutable default ... is not allowed: use "
                          "default_factory`, and with it every node pack, Florence-2 / GroundingDINO loader or script "
                          "that imports timm. Later timm releases build those defaults with default_factory."),
                "fix": ("Upgrade timm in the Python that runs ComfyUI or the script: `python -m pip install -U timm` "
                        "(ComfyUI portable: `python_embeded\\python.exe -m pip install -U timm`; ComfyUI-Manager: Install "
                        "PIP packages, `timm`), restart, and check `python -c \"import timm; print(timm.__version__)\"`; if "
                        "pip then reports that another package requires an older timm (`image-reward 1.5 requires "
                        "timm==0.6.13`), that package's pin brings the old one back: update or disable the node pack that "
                        "installs it"),
                "details": {"package": "timm", "dataclass": cls, "field": field, "python": "3.11 or newer"}}
    model = g.get("model") or ""
    d: dict[str, Any] = {"package": "timm", "model": model}
    if "." in model:
        d["pretrained_tag"] = model.split(".", 1)[1]
        d["needs"] = "timm>=0.9 (architecture.tag names)"
    return {"title": f"The installed timm does not know `{model}`: timm is older than the code asking for it",
            "details": d}


@_interp("torch_hub_rate")
def _torch_hub_rate(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """GitHub's `403: rate limit exceeded` is torch.hub's API check only where the paste shows torch.hub (its call,
    its hub.py frames, its fork validation); other code calling GitHub's API is another signature's or not ours."""
    hub = _fact(ctx, "torch_hub")
    if not hub:
        return None
    return {"details": {"torch_hub": hub[:80], "limit": "60 requests an hour per IP without a token"}}


@_interp("functional_tensor")
def _functional_tensor(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torchvision 0.17 removed transforms.functional_tensor / functional_pil: the importing code (basicsr 1.4.2 and
    what installs it) is older than any torchvision of a current torch. PyTorch for an AMD/Intel GPU is another
    install: not claimed there. On a Mac it is the same basicsr import and the same one-line edit (the fix's sed line
    is written for macOS too), so a Mac path or name near does not silence it. The headline names basicsr when the
    traceback shows it."""
    near = _near(ctx)
    if _off_nvidia_anywhere(ctx) and (_other_gpu(ctx) or not near.get("macos") or near.get("riscv")
                                       or near.get("vendor_accel") or _intel_setup(ctx.get("intel"), ctx)):
        return None
    mod = g.get("module") or "torchvision.transforms.functional_tensor"
    d: dict[str, Any] = {"module": mod, "removed_in": "torchvision 0.17"}
    if near.get("basicsr_frame"):
        d["importer"] = "basicsr"
        return {"title": f"basicsr imports `{mod}`, which torchvision 0.17 and newer no longer have", "details": d}
    return {"details": d}


@_interp("upscale_on_cpu")
def _upscale_on_cpu(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A CUDA input meeting CPU weights is this cause only inside ComfyUI's upscale-model node (its class or file in
    the text); the same message from other code is that code's device handling. Not on an AMD/Intel/Mac setup."""
    near = _near(ctx)
    if _off_nvidia(ctx) or not near.get("upscale_node"):
        return None
    return {"details": {"input": g.get("input") or "", "weight": g.get("weight") or "", "node": near["upscale_node"]}}


@_interp("hf_unreachable")
def _hf_unreachable(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if g.get("proxyto"):
        # urllib3 timing out while it opens the tunnel through the configured proxy: claimed only where the paste names
        # a Hugging Face download call (pip and other programs go through the same urllib3 code)
        if not _fact(ctx, "hf_loader"):
            return None
        return {"title": "The Hugging Face Hub could not be reached: the connection through the configured proxy timed out",
                "cause": ("HTTP_PROXY / HTTPS_PROXY (or ALL_PROXY) is set, so requests and urllib3 first open a tunnel "
                          "through that proxy (urllib3's _prepare_proxy) before anything reaches huggingface.co, and the "
                          "proxy did not answer in time: it is down, wrong (an old address or port left in the environment), "
                          "or it cannot reach the Hub either (a network where huggingface.co is blocked). The model and the "
                          "token are fine, and nothing was cached."),
                "fix": ("Check the proxy variables in the shell that runs Python (`env | grep -i proxy`; Windows `set proxy`): "
                        "fix the address, or remove them where no proxy is needed (`unset HTTP_PROXY HTTPS_PROXY ALL_PROXY "
                        "http_proxy https_proxy all_proxy`; Windows `set HTTPS_PROXY=` and `set HTTP_PROXY=`); where "
                        "huggingface.co is blocked, use a mirror instead: `export HF_ENDPOINT=https://hf-mirror.com` (Windows "
                        "`set HF_ENDPOINT=https://hf-mirror.com`), then run the download again, e.g. `hf download "
                        "black-forest-labs/FLUX.2-klein-4B`"),
                "details": {"proxy": "timed out"}}
    if g.get("transfer"):
        err = g.get("txerr") or ""
        held = bool(re.search(r"os error 32|being used by another process|另一个程序正在使用此文件", err))
        return {"title": ("A download through hf_transfer (HF_HUB_ENABLE_HF_TRANSFER=1) failed"
                          + (", and hf_transfer could not even delete its partial file: another process has it open "
                             "(os error 32)" if held else "")),
                "cause": ("HF_HUB_ENABLE_HF_TRANSFER=1 (set by the user, a launcher, an installer script or a Docker image) "
                          "makes huggingface_hub releases before 1.0 download large files with the separate Rust package "
                          "hf_transfer: fast on a good link, but it gives up after a few failed chunks on a slow, unstable "
                          "or filtered connection, does not resume, and reports the failure without the network's own "
                          "error; after a failure it deletes its partial file, which on Windows fails while another "
                          "process holds the file open (an antivirus scan, a second download of the same file). The "
                          "repository and the token are fine."),
                "fix": ("Turn hf_transfer off and download again with huggingface_hub's own resumable downloader: `export "
                        "HF_HUB_ENABLE_HF_TRANSFER=0` (Windows cmd `set HF_HUB_ENABLE_HF_TRANSFER=0`, PowerShell "
                        "`$env:HF_HUB_ENABLE_HF_TRANSFER = '0'`; remove the setting from the launcher, .bat or .env file "
                        "that sets it), close any other download of the same model, then e.g. `hf download "
                        "black-forest-labs/FLUX.2-klein-4B`; or upgrade huggingface_hub in the Python that downloads "
                        "(`python -m pip install -U huggingface_hub hf_xet`): 1.0 and newer no longer use hf_transfer and "
                        "download through hf_xet, which is as fast"),
                "details": {"hf_transfer_error": err} if err else {}}
    if g.get("sfcfg"):
        return {"title": ("from_single_file found no cached config files for this checkpoint and could not download them "
                          f"({g.get('sfwhy') or 'the network failed'})"),
                "cause": ("A single-file checkpoint (one .safetensors) holds only weights: diffusers' from_single_file "
                          "builds the pipeline or model from the config files of the matching Hub repository "
                          "(model_index.json, each component's config.json, the tokenizer and scheduler files). With "
                          "local_files_only=True it looks for them in the cache first; none were there, so it tried to "
                          "download them and the Hub could not be reached (an offline or firewalled machine)."),
                "fix": ("Fetch the configs once where the Hub is reachable and point from_single_file at them: `hf download "
                        "REPO --include \"*.json\" \"*.txt\" --local-dir ./base-config` with REPO the checkpoint's base "
                        "repository (Klein: black-forest-labs/FLUX.2-klein-4B; SDXL: stabilityai/stable-diffusion-xl-base-1.0), "
                        "copy that folder to the offline machine and pass it: `Flux2Transformer2DModel.from_single_file(PATH, "
                        "config=\"./base-config\", subfolder=\"transformer\", local_files_only=True, torch_dtype=torch.bfloat16)` "
                        "(a pipeline class that has from_single_file: `from_single_file(PATH, config=\"./base-config\", "
                        "local_files_only=True)`); or run it once online so the configs land in the cache (HF_HOME) that the "
                        "offline run reads"),
                "details": {"failed_with": g.get("sfwhy") or ""}}
    if g.get("offline") or g.get("offreach"):
        url = g.get("offreach") or ""
        m = re.search(r"/([A-Za-z0-9][\w.-]{0,95}/[\w.-]{1,95})/resolve/[^/\s]{1,200}/(\S+)$", url)
        what = f"{m.group(2)} of {m.group(1)}" if m else "the files asked for"
        return {"title": (f"Offline mode is on (HF_HUB_OFFLINE=1, TRANSFORMERS_OFFLINE=1 or local_files_only=True) and "
                          f"{what} {'is' if m else 'are'} not in the cache this run reads"),
                "cause": ("huggingface_hub was told not to use the network (HF_HUB_OFFLINE=1 or TRANSFORMERS_OFFLINE=1 in the "
                          "environment, local_files_only=True in the call, or a program that turns offline mode on, some only "
                          "after their online attempt failed), so it may only read the local cache, and what was asked for is "
                          "not there: it was never downloaded (the network could not reach the Hub the first time), only part "
                          "of the repository was, or it went into another cache (HF_HOME, HF_HUB_CACHE or cache_dir differ "
                          "between the download and this run, another user's home, a container without the mounted cache)."),
                "fix": ("Download it once with the network and offline mode off: `unset HF_HUB_OFFLINE TRANSFORMERS_OFFLINE` "
                        "(Windows `set HF_HUB_OFFLINE=` and `set TRANSFORMERS_OFFLINE=`; in code `local_files_only=False`), then "
                        "`hf download black-forest-labs/FLUX.2-klein-4B` or the repository the program names (behind a firewall "
                        "through its proxy, `export HTTPS_PROXY=http://proxy:port`, or a mirror, `export "
                        "HF_ENDPOINT=https://hf-mirror.com`); run offline with the same HF_HOME / HF_HUB_CACHE as the download "
                        "(`hf cache ls` lists what that cache holds; older releases: `huggingface-cli scan-cache`), then turn "
                        "offline mode back on"),
                "details": {"offline": "yes", **({"repo": m.group(1), "file": m.group(2)} if m else {})}}
    if g.get("stalltotal") and "stall0" in g:
        total = g["stalltotal"].strip()
        return {"title": f"A Hugging Face download received nothing (0 of {total}) and the log stops there: this machine does not reach the Hub's file storage",
                "cause": ("huggingface_hub's download bar (`Downloading (incomplete total...)`) never left 0 bytes: the "
                          "model's files sent no data at all, and huggingface_hub keeps waiting without an error. The usual "
                          "cause is the network, not the model: a firewall or security suite that lets only some hosts or "
                          "programs through (the files come from huggingface.co, hf.co and the Xet storage hosts "
                          "cas-bridge.xethub.hf.co, cas-server.xethub.hf.co and transfer.xethub.hf.co), a proxy the "
                          "downloading program was not given, or a DNS that cannot resolve those hosts."),
                "fix": ("Stop it (Ctrl+C). Let the Python that downloads through the firewall or security suite to "
                        "huggingface.co, hf.co and *.xethub.hf.co (Windows: allow python.exe, or python_embeded\\python.exe "
                        "of ComfyUI portable, in Windows Defender Firewall), or give it the proxy: `export "
                        "HTTPS_PROXY=http://HOST:PORT` (Windows `set HTTPS_PROXY=http://HOST:PORT`); check with `hf download "
                        "black-forest-labs/FLUX.2-klein-4B model_index.json`; where only the Xet hosts are blocked, download "
                        "over plain HTTP: `export HF_HUB_DISABLE_XET=1` (Windows `set HF_HUB_DISABLE_XET=1`) before Python "
                        "starts; where huggingface.co itself is blocked use a mirror: `export HF_ENDPOINT=https://hf-mirror.com`. "
                        "The download resumes where it stopped"),
                "details": {"received": g["stall0"].strip(), "total": total}}
    if g.get("dropped"):
        got, want = int(g.get("got") or 0), int(g.get("want") or 0)
        return {"title": (f"The connection to the Hub dropped in the middle of a download ({_say_bytes(got, 1e8)} of "
                          f"{_say_bytes(want, 1e8)} received) "
                          "and this huggingface_hub did not resume it"),
                "cause": ("The server or something on the way (a CDN edge, a proxy, a flaky or throttled link) closed the "
                          "connection before the whole file had arrived: httpx's `peer closed connection without sending "
                          "complete message body`. huggingface_hub's plain HTTP download (the path used with "
                          "HF_HUB_DISABLE_XET=1 or without hf_xet) resumed after timeouts and connection errors but not after "
                          "this one until the fix of huggingface_hub#4349, so the download stopped and its partial file was "
                          "dropped. The model and the token are fine."),
                "fix": ("Run the same download again, e.g. `hf download black-forest-labs/FLUX.2-klein-4B` (finished files are "
                        "not fetched again); upgrade huggingface_hub so that it resumes such drops itself: `python -m pip install "
                        "-U huggingface_hub`; where the Xet path works on this network, leave HF_HUB_DISABLE_XET unset (`unset "
                        "HF_HUB_DISABLE_XET`, Windows `set HF_HUB_DISABLE_XET=`), which retries interrupted transfers; on a "
                        "weak link fetch one file at a time: `hf download black-forest-labs/FLUX.2-klein-4B --max-workers 1`"),
                "details": {"received_bytes": got, "expected_bytes": want}}
    if g.get("xettoken"):
        err = g.get("xetconn") or "a connection error"
        return {"title": (f"huggingface_hub's request for a Xet download token did not reach the Hub ({err} in "
                          f"{g['xettoken']})"),
                "cause": ("Before it downloads a large file from Xet storage, huggingface_hub asks the Hub for a short-lived "
                          "Xet token (the repository's xet-read-token route) and the connection for that request failed: "
                          "the network does not reach the host of that route (a firewall, a proxy the Python was not given, "
                          "a blocked huggingface.co). With HF_ENDPOINT set to a mirror (hf-mirror.com) the token route can "
                          "still point at huggingface.co itself: the Hub hands it out with the file's metadata and "
                          "huggingface_hub follows it as given (huggingface_hub#3168, hf-mirror.com's issue #50), so the "
                          "mirror setting seems to have no effect. The model and the mirror are fine."),
                "fix": ("Download without Xet, so every request goes to HF_ENDPOINT: `export HF_HUB_DISABLE_XET=1` (Windows "
                        "`set HF_HUB_DISABLE_XET=1`, PowerShell `$env:HF_HUB_DISABLE_XET = '1'`) in the shell before Python "
                        "starts, then the same download again, e.g. `hf download black-forest-labs/FLUX.2-klein-4B`; keep "
                        "huggingface_hub and hf_xet current (`python -m pip install -U huggingface_hub hf_xet`); where huggingface.co should be "
                        "reachable, give the Python the network's proxy (`export HTTPS_PROXY=http://HOST:PORT`) or let it "
                        "through the firewall to huggingface.co and *.xethub.hf.co"),
                "details": {"request": g["xettoken"], "error": g.get("xetconn") or ""}}
    if not (g.get("xethost") or g.get("xetwhy")):
        return {}
    host = g.get("xethost") or "*.xethub.hf.co"
    return {"title": f"The Hub's Xet storage ({host}) could not be reached from this machine ({g.get('xetwhy') or 'connection failed'})",
            "cause": ("Repositories on the Hub store their large files in Xet storage; huggingface_hub (through the "
                      "hf_xet package) downloads them from hosts under xethub.hf.co (cas-server, cas-bridge, transfer), "
                      "not from huggingface.co itself. This network does not let those hosts resolve or connect (a "
                      "firewall or proxy allow-list that has only huggingface.co, a cluster node without outside DNS), "
                      "so the download fails although the Hub's own pages answer."),
            "fix": ("Let this machine reach *.xethub.hf.co like huggingface.co (allow-list cas-server.xethub.hf.co, "
                    "cas-bridge.xethub.hf.co and transfer.xethub.hf.co, or route them through the proxy with HTTPS_PROXY); "
                    "or download without Xet: `export HF_HUB_DISABLE_XET=1` (Windows `set HF_HUB_DISABLE_XET=1`) and run "
                    "the download again, e.g. `hf download black-forest-labs/FLUX.2-klein-4B`. Where HTTPS_PROXY is set and "
                    "plain downloads work but these hosts still fail to resolve, the hf_xet in use does not send its requests "
                    "through the proxy (hf_xet 1.1.5 in xet-core#400): upgrade it, `python -m pip install -U hf_xet "
                    "huggingface_hub`, or keep HF_HUB_DISABLE_XET=1"),
            "details": {"host": host, "error": g.get("xetwhy") or ""}}


@_interp("xet_failed")
def _xet_failed(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """hf_xet's transfer error as raised, or (``stallgot``) its download bar stopped after some bytes with nothing
    after it: the download hangs. ``enobufs``: the operating system refused hf_xet another socket buffer (macOS ENOBUFS,
    os error 55; Windows WSAENOBUFS, os error 10055)."""
    if g.get("hexhash"):
        bad = (g.get("badhash") or "").strip()
        return {"title": ("The Xet download of a Hugging Face file failed in hf_xet: it could not read the file's Xet hash "
                          "(`Unable to parse string as hex hash value`)"),
                "details": {"hash": bad} if bad else {}}
    if g.get("enobufs") and not g.get("stallgot"):
        host = g.get("xethost") or ""
        return {"title": ("The Xet download of a Hugging Face file failed in hf_xet: the system ran out of socket buffer space "
                          "(No buffer space available) for its parallel connections"),
                "cause": ("huggingface_hub downloads the large files of Hub repositories through the hf_xet package, which "
                          "fetches many chunk ranges of a file from Xet storage in parallel. Each open connection takes "
                          "socket buffer space from the operating system, and here the system refused a new one: "
                          "`No buffer space available` (ENOBUFS, os error 55 on macOS; WSAENOBUFS, os error 10055 on "
                          "Windows). hf_xet releases before 1.1.10 opened more sockets than macOS allows (macOS CI runners "
                          "hit it often); several downloads at once or another program holding many connections add to "
                          "it. The model, the token, the network and the disk are fine."),
                "fix": ("Upgrade hf_xet with huggingface_hub in the Python that downloads: `python -m pip install -U hf_xet "
                        "huggingface_hub` (ComfyUI portable: `python_embeded\\python.exe -m pip install -U hf_xet "
                        "huggingface_hub`), then run the same download again with fewer files at once: `hf download "
                        "black-forest-labs/FLUX.2-klein-4B --max-workers 1`; on an hf_xet older than 1.3 also limit its "
                        "parallel range requests, `export HF_XET_NUM_CONCURRENT_RANGE_GETS=4` (Windows `set "
                        "HF_XET_NUM_CONCURRENT_RANGE_GETS=4`); or download without Xet: `export HF_HUB_DISABLE_XET=1` "
                        "(Windows `set HF_HUB_DISABLE_XET=1`)"),
                "details": {"xet_host": host} if host else {}}
    if g.get("xetprose"):
        # told in words: the download stalls with hf_xet on, or goes through with it off
        return {"title": "A Hugging Face download hangs in its Xet transfer (hf_xet): it stalls with Xet on and goes through without it",
                "cause": ("huggingface_hub downloads the large files of Hub repositories through the hf_xet package, which "
                          "fetches the file's chunks from Xet storage and rebuilds it. The report ties the stall to hf_xet "
                          "being on (it stalls with Xet and completes, more slowly, over plain HTTP): hf_xet releases up to "
                          "1.5.1 could hang without an error when the connection degraded or a chunk request stalled "
                          "(fixed in hf-xet 1.5.2 and 1.5.3), and some networks stall Xet transfers that a plain download "
                          "of the same file completes. The model, the token and the disk are fine."),
                "fix": ("Stop the download, upgrade hf_xet with huggingface_hub in the Python that downloads: `python -m pip "
                        "install -U \"hf_xet>=1.5.3\" huggingface_hub`, and run it again: it resumes. If it stalls again, "
                        "download over plain HTTP: `export HF_HUB_DISABLE_XET=1` (Windows `set HF_HUB_DISABLE_XET=1`) in "
                        "the shell or container environment before Python starts, then e.g. `hf download "
                        "black-forest-labs/FLUX.2-klein-4B`"),
                "details": {"told": g["xetprose"].strip()[:160]}}
    if not g.get("stallgot"):
        return {}
    got, total = g["stallgot"].strip(), g.get("stalltotal", "").strip()
    return {"title": f"A Hugging Face download stopped making progress at {got} of {total} and the log stops there: the Xet transfer hangs",
            "cause": ("huggingface_hub downloads the large files of Hub repositories through the hf_xet package, which "
                      "fetches the file's chunks from Xet storage and rebuilds it. Here it received a first part and then "
                      "nothing more, without an error or a retry: hf_xet releases up to 1.5.1 could hang this way when the "
                      "connection degraded or a chunk request stalled (fixed in hf-xet 1.5.2 and 1.5.3), and some networks "
                      "stall Xet transfers that a plain HTTP download of the same file completes. The model, the token and "
                      "the disk are fine."),
            "fix": ("Stop it (Ctrl+C), upgrade hf_xet with huggingface_hub in the Python that downloads: `python -m pip "
                    "install -U \"hf_xet>=1.5.3\" huggingface_hub` (ComfyUI portable: `python_embeded\\python.exe -m pip "
                    "install -U \"hf_xet>=1.5.3\" huggingface_hub`), and run the download again: it resumes. If it stalls "
                    "again, download over plain HTTP: `export HF_HUB_DISABLE_XET=1` (Windows `set HF_HUB_DISABLE_XET=1`) in "
                    "the shell before Python starts (a variable set inside a script after huggingface_hub is imported is not "
                    "read), or `python -m pip uninstall -y hf_xet`, then e.g. `hf download black-forest-labs/FLUX.2-klein-4B`"),
            "details": {"received": got, "total": total, "percent": g.get("stallpct", "")}}


@_interp("hf_cli_bad_option")
def _hf_cli_bad_option(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """hf.cli-bad-option: the options the CLI refused, read from argparse's `unrecognized arguments:` list (values
    after an option dropped) or Click's `No such option:`; an underscore spelling is answered with its hyphen form,
    `--model` / `--repo` with the repo id as the first plain argument."""
    words = (g.get("args") or "").split()
    opts = [w.strip("'\"").split("=", 1)[0] for w in words if w.startswith("-")]
    if not opts:
        return None
    hints = []
    for o in opts:
        if "_" in o:
            hints.append(f"`{o}` is `{o.replace('_', '-')}`")
        elif o in ("--model", "--repo", "--repo-id", "--repo_id", "--model-id"):
            hints.append(f"`{o}`: the repo id is the first plain argument (`hf download namespace/repo`)")
    maybe = (g.get("maybe") or "").strip()
    if maybe and not hints:
        hints.append(f"the CLI suggests `{maybe}`")
    title = f"The {g.get('prog') or 'hf'} command was given options it does not have: {', '.join(opts[:4])}"
    out: dict[str, Any] = {"title": title, "details": {"options": opts[:8]}}
    if hints:
        out["details"]["hints"] = hints[:6]
        base = cat.by_id("hf.cli-bad-option")
        out["fix"] = "; ".join(hints[:6]) + ". " + (base.fix if base else "")
    return out


@_interp("hf_include_ignored")
def _hf_include_ignored(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """hf.download-include-ignored: huggingface_hub's CLI warning, named with the flag it dropped."""
    flag = g.get("flag") or "--include"
    return {"title": (f"`hf download` ignored the {flag} pattern because it was also given file names (several values after "
                      f"one {flag}?): only the named files were fetched"),
            "details": {"flag": flag}}


@_interp("hf_endpoint_quoted")
def _hf_endpoint_quoted(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """HF_ENDPOINT stored with its quote characters: the headline shows the value as the library read it, and the
    fix's example address becomes the user's own (without the quotes)."""
    ep = (g.get("endpoint") or "").rstrip("/")
    q = g.get("q") or '"'
    if not ep:
        return {}
    out: dict[str, Any] = {"title": (f"HF_ENDPOINT holds quote characters ({q}{ep}{q}): huggingface_hub cannot build a Hub "
                                     "address from it, so nothing is downloaded"),
                           "details": {"endpoint": ep, "quote": q}}
    sig = cat.by_id("hf.endpoint-quoted")
    if sig and re.fullmatch(r"https?://[\w.-]{1,100}(?::\d{1,5})?(?:/[\w.~-]{1,60}){0,3}", ep):
        out["fix"] = sig.fix.replace("https://hf-mirror.com", ep)
    return out


@_interp("hf_offline_api")
def _hf_offline_api(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A Hub API request (model info) refused by offline mode: the repository it names goes in the title. Not where an
    LLM server (vLLM, SGLang, LMDeploy, ktransformers, TGI) is named in the paste: its own model resolution made the
    request, and its own options (a local path as the model, its offline flags) are the fix."""
    if _fact(ctx, "llm_server") or _fact(ctx, "tgi_server"):
        return None
    repo = g.get("repo") or ""
    return {"title": (f"Offline mode refused a Hub API request for {repo} (model info), which the cache cannot answer; "
                      "the model's files themselves may be cached"),
            "details": {"repo": repo, "host": g.get("host") or ""}}


def _in_host_group(cat: Catalog, group: str, host: str) -> bool:
    """The host is, or lies under, one of the hosts of errors.toml's [[host_group]] row `group` (`llm_api`, `stack`)."""
    host = host.lower().rstrip(".")
    hosts = next((r.get("hosts") or [] for r in cat.tables.get("host_group") or [] if r.get("id") == group), [])
    return any(host == h or host.endswith("." + h) for h in (str(x).lower() for x in hosts))


@_interp("py_ssl")
def _py_ssl(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Python's certificate check refused a server. Not conda's own channel downloads (CondaSSLError, a
    conda.anaconda.org / repo.anaconda.com URL): conda's ssl_verify setting governs those, not this Python's bundle.
    Not an LLM API client's connection (the host is OpenAI's, Anthropic's or Gemini's API, or langchain / litellm
    around a failure that names no host of the stack nor pip's index path). uv's rustls wording (``uvwhy``) only where uv runs; a server's
    lapsed certificate gets its own headline."""
    near = _near(ctx)
    if near.get("conda_tool"):
        return None
    host = (g.get("host") or "").lower()
    if _in_host_group(cat, "llm_api", host) or (
            near.get("llm_api_client") and not (_in_host_group(cat, "stack", host) or g.get("path"))):
        return None
    why = g.get("uvwhy")
    if why:
        if not near.get("uv_tool"):
            return None  # another rustls client (pixi, deno, a Rust downloader): its own trust settings
        if why not in ("UnknownIssuer", "BadSignature"):
            return {"title": f"uv refused the server's TLS certificate (invalid peer certificate: {why}): check this computer's date and the server",
                    "details": {"uv_error": why}}
        return {"title": (f"uv does not trust the certificate chain it was shown (invalid peer certificate: {why}): "
                          "a proxy or antivirus re-signs HTTPS with a root uv does not use"),
                "cause": ("uv checks certificates with its own TLS library (rustls) against the root list built into uv, "
                          "not the Windows or macOS certificate store, unless told to use the system store. On a network "
                          "that inspects HTTPS (Zscaler, Netskope, a company firewall, an antivirus web shield) every "
                          "server's chain ends at that company's own root: the system store has it, uv's list does not, so "
                          "each download (PyPI, the PyTorch index, uv's own Python downloads) fails with UnknownIssuer while "
                          "the browser, and pip 24.2 or newer (which reads the system store), still work. The packages are fine."),
                "fix": ("Let uv read the system store: `set UV_NATIVE_TLS=1` (PowerShell `$env:UV_NATIVE_TLS=\"1\"`, "
                        "Linux/macOS `export UV_NATIVE_TLS=1`; for one command `uv pip install --native-tls PACKAGE`; for good "
                        "`setx UV_NATIVE_TLS 1` and a new window), or give it the company's root certificate as a PEM file: "
                        "`set SSL_CERT_FILE=C:\\certs\\company-root.pem` (`export SSL_CERT_FILE=/etc/ssl/certs/company-root.pem`); "
                        "update uv, whose newer TLS stack reads the store more completely: `uv self update` (or "
                        "`python -m pip install -U uv`); ComfyUI Desktop: `setx UV_NATIVE_TLS 1`, restart it and reinstall "
                        "its Python packages. Do not use --allow-insecure-host as the fix: it turns the check off"),
                "details": {"uv_error": why}}
    if g.get("why") == "certificate has expired":
        where = host or "the server"
        url = f"https://{host}/" if host else "https://download.pytorch.org/whl/"
        return {"title": f"The certificate {where} presented has expired (or this computer's clock is wrong): the download stops",
                "cause": ("Python checked the server's certificate and its end date has passed: either the server's own "
                          "certificate lapsed (a public index renews it within hours: download.pytorch.org's expired on 1 "
                          "April 2025 and was renewed the same day), or this computer's date is set later than it is, or a "
                          "proxy or antivirus that re-signs HTTPS hands over an expired certificate of its own. The packages "
                          "and the Python are fine."),
                "fix": ("Check the date and time of this computer (Windows: Settings > Time & language > Sync now; Linux "
                        "`timedatectl`); look at the certificate from here: `curl -vI " + url + "` (its `expire date`; in Windows PowerShell `curl` "
                        "is Invoke-WebRequest: `curl.exe -vI " + url + "`) or open "
                        "the URL in a browser. If the server's certificate has lapsed, wait for its owner to renew it and run "
                        "the same install again (check the project's status page or issue tracker); if only this machine sees "
                        "it, the proxy or antivirus that inspects HTTPS must be updated, or the CA bundle is old: "
                        "`python -m pip install -U certifi`. Do not turn certificate checks off (`--trusted-host`) for good"),
                "details": {"host": host, "reason": "certificate has expired"}}
    return {"details": {"host": host}} if host else {}


@_interp("cli_download")
def _cli_download(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """httpx's timeout is claimed only where comfy-cli is the program (its code in the traceback, or the
    `comfy model download` command): any other httpx client times out for its own reasons."""
    if not _near(ctx).get("comfy_cli_code"):
        return None
    return {"details": {"exception": g.get("exc", ""), "reason": g.get("why", "")}}


@_interp("hf_symlink")
def _hf_symlink(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if "w1314_bare" in g and not (_fact(ctx, "hf_cache_env") or _fact(ctx, "hf_loader")):
        return None  # a bare WinError 1314 with no Hugging Face download or cache named: another program's privilege
    span = g.get("w1314")
    if span is not None and not re.search(r"blobs|snapshots|huggingface|models--|\.cache", span, re.I) \
            and re.search(r"custom_nodes|web[\\/]+extensions", span, re.I):
        return None  # a node pack linking its own folder (its js into web/extensions), not the Hugging Face cache
    if g.get("warning"):
        return {"title": "huggingface_hub cannot create cache symlinks on this Windows (a warning: downloads still work, "
                         "as copies that take more disk space)", "details": {"kind": "warning"}}
    return {"details": {"kind": "error"}}


_NODE_FILE = re.compile(r"prestartup_script\.py|custom_nodes[\\/]|module for custom nodes", re.I)
_COMFY_WRITER = re.compile(r"logger\.py|prestartup_script", re.I)  # ComfyUI's or ComfyUI-Manager's console wrapper
_STACK_OR_LIB_PATH = re.compile(
    r"comfy|custom_nodes|python_embeded|[\\/](?:site|dist)-packages[\\/]|[\\/]lib[\\/]|[\\/]lib\d?[\\/]python|"
    r"[\\/]pip[\\/]|setup\.py|^<", re.I)


def _foreign_frame(path: str) -> bool:
    """An absolute path of a traceback frame that is neither ComfyUI, a node pack, an installed package, the standard
    library nor pip / a build script: another program's own source file (RuinedFooocus\\webui.py, a user's app)."""
    path = path.strip()
    if not re.match(r"[A-Za-z]:[\\/]|/", path):
        return False  # relative (a frozen app's library path) or <string> / <frozen ...>: not a program's own file
    return not _STACK_OR_LIB_PATH.search(path)


@_interp("codepage")
def _codepage(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A UTF-8 text met Windows' legacy code page. Claimed where Python's UTF-8 mode is the fix: a write to the
    console through ComfyUI's log wrapper or logging's emit (whichever node printed), and a decode error in pip,
    ComfyUI itself or a bare one. Not a node pack's own open() or print(): a custom_nodes frame or its
    prestartup_script.py without ComfyUI's logger in between, nor a bare encode error (most often a node's own
    print of an emoji), nor a decode in subprocess's reader thread with no pip / ComfyUI launcher in view (another
    program reading its child's output). Not an AMD / Intel / Mac setup."""
    near = _near(ctx)
    if _off_nvidia(ctx):
        return None
    console = near.get("console_write")
    if console and not _COMFY_WRITER.search(console) and not (_comfy_sign(near) or near.get("comfy_func")):
        console = None  # logging's emit in another program (no ComfyUI frame, node pack or folder near): its own handler
    if not console and (near.get("custom_node") or _NODE_FILE.search(g.get("lead") or "")):
        return None
    op = g.get("op") or ""
    if op == "encode" and not console:
        return None
    if op == "decode" and not console and _foreign_frame(near.get("py_frame") or ""):
        return None  # read by another program's own code (its traceback's last frame is its file), not pip or ComfyUI
    if op == "decode" and not console and _fact(ctx, "subprocess_reader") and not (
            _comfy_sign(near) or near.get("comfy_func") or _fact(ctx, "comfy_manager") or _fact(ctx, "pip_build_pkg")):
        return None  # a child program's output read by whichever program launched it (git for a commit tool, a system
        # command for a node pack), with neither pip, ComfyUI nor ComfyUI-Manager in view as the launcher
    d = {"codec": g.get("codec", ""), "operation": op}
    if console:
        return {"title": f"The console or pipe ComfyUI writes to uses the {g.get('codec', 'legacy')} code page and "
                         "cannot show a character of a log line (an emoji, a symbol)",
                "details": {**d, "writer": console}}
    return {"details": d}


_CONSOLE_FLUSH_LEAD = re.compile(r"original_std(?:out|err)\.(?:flush|write)|prestartup_script\.py|app[\\/]logger\.py")


@_interp("console_flush")
def _console_flush(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """OSError [Errno 22] from a console stream ComfyUI's or ComfyUI-Manager's wrapper writes to or flushes: claimed
    only beside those wrappers' frames or flush calls (or named on the same line); an Errno 22 of a file path or of
    another program's writer is not this."""
    near = _near(ctx)
    lead = g.get("lead") or ""
    writer = near.get("console_flush") or (m.group(0) if (m := _CONSOLE_FLUSH_LEAD.search(lead)) else "")
    if not writer or _off_nvidia(ctx):
        return None
    return {"details": {"writer": writer}}


@_interp("dtype_note")
def _dtype_note(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """transformers' harmless `torch_dtype` deprecation line: answered as the harmless note it is, except beside
    LMDeploy / TurboMind (an LLM engine with its own CUDA kernels), where it is one of that server's start-up
    lines and the failure that follows is the engine's own, which the doctor does not explain."""
    near = _near(ctx)
    if near.get("llm_engine"):
        return None
    if g.get("para") and (not near.get("hf_loader") or near.get("diffusers_named")):
        return None  # a user's `torch_dtype deprecated` only beside their own from_pretrained call, not diffusers' message
    return {}


_DTYPE_ALIAS = {"float": "float32", "half": "float16"}


@_interp("mixed_component_dtype")
def _mixed_component_dtype(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """diffusers.mixed-component-dtype: the pasted code loads two parts with two different dtypes and a dtype-mismatch
    error follows. Claimed only where diffusers is named near it (a pipeline); torch.float / torch.float32 and
    torch.half / torch.float16 are one dtype each, so that pair is no mix. Off NVIDIA (a Mac, AMD, Intel) not claimed."""
    a = _DTYPE_ALIAS.get(g.get("d1", ""), g.get("d1", ""))
    b = _DTYPE_ALIAS.get(g.get("d2", ""), g.get("d2", ""))
    if not a or not b or a == b or _off_nvidia_anywhere(ctx):
        return None
    if not _near(ctx).get("diffusers_named"):
        return None
    return {"details": {"dtypes": [a, b]}}


@_interp("windowless")
def _windowless(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """'NoneType' has no attribute 'flush' / 'write' where a console stream is None: claimed beside the Hugging Face
    libraries' logger set-up, or beside tqdm's writer when diffusers, transformers or ComfyUI frames are near; tqdm
    alone (a user's own windowed program) is that program's."""
    near = _near(ctx)
    frame = near.get("std_stream_none") or ""
    if not frame:
        return None
    if frame.startswith("tqdm") and not (near.get("pipeline_frame") or near.get("stack_loader_frame")
                                         or _comfy_sign(near) or near.get("comfy_func")):
        return None
    return {"details": {"attribute": g.get("attr", ""), "frame": frame}}


def _non_ascii(s: str) -> bool:
    return any(ord(ch) > 127 and ch != "\ufffd" for ch in s)


@_interp("launcher_non_ascii")
def _launcher_non_ascii(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pip's .exe launcher failing on a path with non-ASCII characters (shown garbled); an ASCII path is
    another launcher problem (a moved Python, the portable's build path), whatever language Windows' own
    `The system cannot find the file specified` after it is in."""
    cmd = g.get("cmd") or ""
    paths = re.findall(r'"([^"\n]{3,300})"', cmd)  # the quoted python.exe and script; not Windows' own (localized) message
    return {"details": {"command": cmd[:200]}} if any(_non_ascii(p) for p in paths) else None


@_interp("manager_restart_space")
def _manager_restart_space(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI-Manager's restart split at a space by Windows' unquoted exec: either the interpreter's own path run as
    a script (`C:\\Program: can't open file '...\\python.exe'`; the printed program name is a path fragment, not an
    .exe, and the paths name ComfyUI, its portable Python or Stability Matrix), or a Legacy Mode restart command
    whose list holds an unquoted Windows path with a space. Another program's own restart is not claimed."""
    arg = (g.get("arg") or "").strip()
    if arg:
        return {"title": ("ComfyUI-Manager's Restart passed a path with a space unquoted "
                          f"(`{arg.replace(chr(92) * 2, chr(92))[:120]}`): on Windows it splits and the relaunch fails"),
                "details": {"argument": arg[:200]}}
    head = (g.get("head") or "").strip()
    path = (g.get("file") or "").strip()
    if re.search(r"\.(?:exe|bat|cmd|py)$", head, re.I):
        return None  # a real program name: python was asked to run its own path, not a split one
    if not re.search(r"comfy|python_embeded|stability ?matrix", head + " " + path, re.I):
        return None
    title = ("ComfyUI-Manager's Restart split the Python path at a space"
             + (f" (Python started as `{head}`)" if head else "") + ": the relaunch tries to run python.exe as a script")
    return {"title": title, "details": {"started_as": head[:120], "file": path[:200]}}


@_interp("venv_base_missing")
def _venv_base_missing(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A venv whose base Python is gone: Windows' redirector names the missing python.exe (`No Python at`); on Linux
    and macOS CPython's path calculation cannot find the standard library for the venv's python (`Could not find
    platform independent libraries` with PYTHONHOME not set), and the fix is the POSIX one."""
    venv = (g.get("venv") or "").strip()
    if not venv:
        return {"details": {"base": (g.get("base") or "").strip()[:200]}}
    root = re.sub(r"[/\\](?:bin|Scripts)[/\\]python[\w.]*$", "", venv, flags=re.I) or "venv"
    stdlib = (g.get("stdlib") or "").strip()
    return {
        "title": (f"The virtual environment's Python is gone ({venv} cannot find its standard library"
                  + (f" under {stdlib}" if stdlib else "") + "): the Python it was made from was removed or moved"),
        "cause": ("A venv does not hold a full Python: its pyvenv.cfg names the Python it was created from (`home = "
                  "/usr/bin` or a pyenv / uv / conda / self-built Python), and its bin/python is a link to or copy of "
                  "that interpreter, which finds the standard library through it. When that Python is uninstalled, "
                  "upgraded to another version, moved or deleted (a pyenv version removed, a copied install whose original "
                  "folder was deleted, a venv carried to another machine), the venv's python stops at start with `Could "
                  "not find platform independent libraries <prefix>` and `Fatal Python error: ... No module named "
                  "'encodings'`; every start of ComfyUI or a diffusers script from that venv fails the same way."),
        "fix": (f"Recreate the venv with a Python that exists: `rm -rf {root}`, then `python3.12 -m venv {root}` (or "
                f"`uv venv --python 3.12 {root}`), and install again: `{root}/bin/python -m pip install torch torchvision "
                f"--index-url https://download.pytorch.org/whl/cu128` and `{root}/bin/python -m pip install -r "
                "requirements.txt`; check what the venv expects with `cat " + root + "/pyvenv.cfg` (`home = ...`) and "
                "`ls -l " + root + "/bin/python*`. Keep PYTHONHOME unset"),
        "details": {"venv": venv[:200], "stdlib": stdlib[:200]},
    }


def _py_path(s: str) -> str:
    """A path from CPython's path-configuration dump, its repr's doubled backslashes undone, compared case-blind."""
    return (s or "").strip().replace("\\\\", "\\").replace("\\", "/").rstrip("/").lower()


@_interp("pythonhome_set")
def _pythonhome_set(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`No module named 'encodings'` at start-up is this cause only where the path configuration shows PYTHONHOME set,
    or (its line cut off) a prefix that is a Scripts / bin folder or does not hold the interpreter; PYTHONHOME shown as
    (not set) is a venv whose base Python is gone, and the bare error (an embedding program) is not claimed."""
    near = _near(ctx)
    home = (near.get("pythonhome_set") or "").strip()
    ppath = (near.get("pythonpath_set") or "").strip()
    if not home:
        if near.get("pythonhome_unset"):
            return None
        prefix, exe = _py_path(near.get("py_base_prefix", "")), _py_path(near.get("py_base_executable", ""))
        if not prefix or not exe:
            return None
        exe_dir = exe.rsplit("/", 1)[0]
        if not (re.search(r"/(?:scripts|bin)$", prefix) or not (exe_dir + "/").startswith(prefix + "/")):
            return None
        shown = near.get("py_base_prefix", "").replace("\\\\", "\\")
        return {
            "title": (f"Python takes its standard library from {shown}, not from the installation of "
                      f"{near.get('py_base_executable', '').replace(chr(92) * 2, chr(92))}: PYTHONHOME points at another "
                      "Python, and it stops at start"),
            "details": {"prefix": shown[:200], "executable": near.get("py_base_executable", "")[:200]},
        }
    det = {"pythonhome": home[:200]}
    if ppath:
        det["pythonpath"] = ppath[:200]
    return {
        "title": (f"PYTHONHOME is set to {home}" + (f" (and PYTHONPATH to {ppath})" if ppath else "")
                  + ": Python looks for its standard library there and stops at start"),
        "details": det,
    }


@_interp("cmd_set_quoted")
def _cmd_set_quoted(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """WinError 123 is this cause only for a path holding a quote character, or after a quoted cmd `set` of a
    Hugging Face / torch cache variable; other WinError 123 (a colon in a file name) is not claimed."""
    path = g.get("path") or ""
    if '"' in path:
        return {"title": (f"The path {path[:160]} holds quote characters (a variable set with quotes in cmd): "
                          "Windows rejects it (WinError 123)"), "details": {"path": path[:200]}}
    line = (_near(ctx).get("cmd_set_quoted") or "").strip()
    if line:
        return {"title": (f"`set {line[:160]}` stores the quotes (and any spaces around =) in the variable: the cache "
                          "path it gives is invalid (WinError 123)"), "details": {"set": line[:200]}}
    return None


# the variables a pip source build reads (scikit-build-core / CMake: CMAKE_ARGS, FORCE_CMAKE; torch's extension
# builder: MAX_JOBS, NVCC_*; CMake's CUDA compiler: CUDACXX); the stack's runtime variables keep the generic fix
_BUILD_VAR = re.compile(r"CMAKE_[A-Z_]{2,40}|FORCE_CMAKE|MAX_JOBS|NVCC_[A-Z_]{2,40}|CUDACXX", re.I)


def _shell_build_var(var: str, val: str, ps: bool) -> dict[str, Any]:
    """windows.shell-env-syntax for a build variable: the build ran (or pip took a ready wheel) without it, so the
    fix sets it in the same window and makes pip build again."""
    up = var.upper()
    example = val or ("-DGGML_CUDA=on" if up == "CMAKE_ARGS" else "1" if up == "FORCE_CMAKE" else "4" if up == "MAX_JOBS" else "...")
    if up.startswith("CMAKE_") or up == "FORCE_CMAKE":
        pip_cmd = ("rebuild the package, e.g. llama-cpp-python: `python -m pip install --force-reinstall --no-deps "
                   "--no-cache-dir --no-binary llama-cpp-python llama-cpp-python`")
    else:
        pip_cmd = ("rebuild the package against the installed torch, e.g. flash-attn: `python -m pip install "
                   "--no-build-isolation --no-cache-dir flash-attn`")
    how = (f"{var} was set in PowerShell without quotes: PowerShell ran {val} as a command" if ps and val
           else f"{var} was set with bash's NAME=value syntax in cmd or PowerShell: Windows ran it as a command")
    return {
        "title": f"{how}, so the package was built (or a ready wheel installed) without {var}",
        "cause": (f"`{var}` is read by a pip source build (CMAKE_ARGS and FORCE_CMAKE by scikit-build-core / CMake "
                  "builds such as llama-cpp-python's, MAX_JOBS and NVCC_* by torch's extension builder when "
                  "flash-attn, xformers or SageAttention compile). cmd and PowerShell do not know bash's "
                  "`NAME=value command` form: they look for a program named after the variable, fail with "
                  "`is not recognized`, and the variable is never set. A pip run after it builds with the defaults "
                  "(llama-cpp-python then comes out CPU-only), and pip's cache or a prebuilt wheel may skip the build "
                  "altogether."),
        "fix": (f"Set it on its own line in the same window, then make pip build again, without its cache and without "
                f"touching the other packages. cmd: `set \"{var}={example}\"`; PowerShell: `$env:{var} = '{example}'` (the "
                f"value in quotes). Then, in that window, {pip_cmd} (ComfyUI portable: `python_embeded\\python.exe -m pip "
                f"...` from the portable folder). Check with `echo %{var}%` (cmd) or `$env:{var}` (PowerShell). A CUDA "
                "build also needs the CUDA toolkit and the Visual Studio C++ build tools; where the project offers a "
                "prebuilt CUDA wheel for your Python and CUDA, installing that avoids the build."),
        "details": {"variable": var, "value": val[:200]},
    }


@_interp("shell_env_syntax")
def _shell_env_syntax(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A stack variable set with bash's `NAME=value command` in cmd or PowerShell, or with an unquoted PowerShell
    value: the shell ran it as a command; the title names the variable."""
    var = (g.get("var") or "").strip()
    if not var:
        return None
    val = (g.get("val") or "").strip()
    if _BUILD_VAR.fullmatch(var):
        return _shell_build_var(var, val, bool(g.get("ps")))
    if g.get("ps"):
        title = (f"{var} was set in PowerShell without quotes ($env:{var}={val}): PowerShell ran {val} as a command "
                 "and the variable is not set")
    else:
        title = (f"{var} was set with bash's NAME=value syntax in cmd or PowerShell: Windows ran it as a command and "
                 "the variable is not set")
    return {
        "title": title,
        "details": {"variable": var, "value": val[:200]},
    }


@_interp("zsh_extras_glob")
def _zsh_extras_glob(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """zsh's (or bash failglob's) `no matches found` on a word with [extras]: the title names the requirement and the
    fix quotes that very word."""
    spec = (g.get("spec") or "").strip()
    if not spec:
        return None
    shell = (g.get("shell") or "zsh").strip() or "zsh"
    out: dict[str, Any] = {
        "title": (f"{shell} read the brackets of `{spec}` as a file pattern and found no file: pip never ran and "
                  "nothing was installed"),
        "details": {"requirement": spec[:200], "shell": shell},
    }
    if spec.startswith("."):
        out["fix"] = (f"Quote it so the brackets reach pip: `pip install -e '{spec}'` (or `uv pip install -e '{spec}'`), "
                      f"keeping the command's other arguments, e.g. `pip install --extra-index-url "
                      f"https://download.pytorch.org/whl/cu128 -e '{spec}'`; double quotes work too. Or prefix the "
                      f"command with `noglob`, or put `setopt no_nomatch` in ~/.zshrc for good.")
    else:
        out["fix"] = (f"Quote it so the brackets reach pip: `pip install -U '{spec}'` (or `uv pip install '{spec}'`; "
                      f"double quotes work too, also in Windows shells: `pip install \"{spec}\"`). Or escape the "
                      f"brackets, or prefix the command with `noglob` (`noglob pip install {spec}`); for good, "
                      f"`setopt no_nomatch` in ~/.zshrc.")
    return out


@_interp("pip_single_quotes")
def _pip_single_quotes(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A requirement that reached pip or uv wrapped in single quotes: cmd.exe's quoting; the fix re-quotes that
    requirement with double quotes."""
    spec = (g.get("spec") or "").strip()
    if not spec:
        return None
    return {
        "title": (f"The requirement reached pip as '{spec}' with its single quotes: cmd.exe (or a .bat file) does not "
                  "take '...' as quoting"),
        "fix": (f"Use double quotes in cmd and .bat files: `pip install \"{spec}\"` (PowerShell, bash and zsh accept "
                f"'...' too). With ComfyUI portable: `.\\python_embeded\\python.exe -m pip install \"{spec}\"`. A "
                "requirement with `<` or `>` must be in double quotes in cmd, or the shell redirects it into a file "
                "(`pip install torch>=2.7` installs any torch and writes a file named `=2.7`)."),
        "details": {"requirement": spec[:200]},
    }


@_interp("requirement_single_equals")
def _requirement_single_equals(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`name=version` given to pip: conda's pin syntax; the title and fix write the `==` form."""
    spec, name, ver = (g.get("spec") or "").strip(), (g.get("name") or "").strip(), (g.get("ver") or "").strip()
    if not (spec and name and ver):
        return None
    good = f"{name}=={ver}"
    out: dict[str, Any] = {
        "title": f"`{spec}` pins a version with one `=` (conda's syntax): pip needs `{good}`",
        "details": {"requirement": spec[:200], "corrected": good[:200]},
    }
    if name.lower() in ("torch", "torchvision", "torchaudio"):
        out["fix"] = (f"Write the pin with `==`: `pip install \"{good}\"`; for a CUDA build add the PyTorch index of "
                      "your CUDA version, e.g. `pip install \"torch==2.7.1\" --index-url "
                      "https://download.pytorch.org/whl/cu128` (torch 2.0 wheels: cu117/cu118). In a requirements "
                      f"file: `{good}`. `>=` asks for that version or newer (quote it in cmd and zsh).")
    else:
        out["fix"] = (f"Write the pin with `==`: `pip install \"{good}\"`, and in a requirements file `{good}`. `>=` "
                      "asks for that version or newer (quote it in cmd and zsh, where `>` redirects).")
    return out


@_interp("cache_env_deprecated")
def _cache_env_deprecated(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """transformers' FutureWarning for a legacy cache variable; the title names the one it read."""
    var = (g.get("var") or "TRANSFORMERS_CACHE").strip()
    return {
        "title": (f"{var} is set: transformers warns that the variable is deprecated (harmless now; transformers 5 "
                  "ignores it and downloads to the default cache)"),
        "details": {"variable": var},
    }


@_interp("non_ascii_path")
def _non_ascii_path(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """PyTorch's `open file failed` (or comfy-aimdo's ModelMMAP refusal) is this cause only for a path with non-ASCII
    characters; on an ASCII path the file is really missing. The C runtime's EILSEQ (errno 42, `Illegal byte
    sequence`) is its failure to convert the path's characters, so it is this cause also where the path is cut off."""
    path = (g.get("path") or "").strip()
    if _non_ascii(path) or path.startswith("Illegal byte sequence"):
        return {"details": {"path": path.split("file path:", 1)[-1].strip()[:200]}}
    return None


@_interp("folder_symlink_git")
def _folder_symlink_git(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """git's `is beyond a symbolic link` on ComfyUI's placeholder files (models/.../put_..._here, output/...) or a
    node pack's models/.gitkeep; another repository's symlinked folder is not ComfyUI's update."""
    path = g.get("path") or ""
    if g.get("comfy"):
        return {"details": {"path": path}}  # a user's own words: ComfyUI's update refused for a path behind a symlink
    near = _near(ctx)
    if re.search(r"put_\w+_here|_will_be_put_here|\.gitkeep", path) or near.get("custom_node") or near.get("comfy_place"):
        return {"details": {"path": path, "folder": g.get("top", "")}}
    return None


@_interp("desktop_model_location")
def _desktop_model_location(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI Desktop's model folders: a core kind put inside the app's resources\\ComfyUI\\models, or the user's
    words that models stay unlisted with Desktop named (or its base folder / generated yaml in view). A node pack's
    own folder or loader in view is that pack's lookup, not Desktop's."""
    near = _near(ctx)
    if not g.get("kind") and (near.get("custom_node") or ctx.get("comfy_node_pack")):
        return None
    details = {k: g[k] for k in ("path", "kind") if g.get(k)}
    return {"details": details} if details else {}


@_interp("directory_flag_missing_folder")
def _directory_flag_missing_folder(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI's own start (prestartup scan of <base>/custom_nodes) or a built-in comfy_extras node listing the input
    folder: the folder given by --base-directory / --input-directory does not exist yet."""
    d = g.get("dir") or ""
    if g.get("ep"):
        return {"title": f"ComfyUI's input folder does not exist yet: {d}",
                "details": {"folder": d}}
    return {"title": f"ComfyUI's base directory has no custom_nodes folder: {d}",
            "details": {"folder": d}}


def _comfy_git(ctx: dict[str, Any], path: str = "") -> bool:
    """The text shows ComfyUI's own git use: its updater (update\\update.py, update_comfyui.bat, its backup-branch
    line, the portable's folder) anywhere in the paste, a ComfyUI path in the message, or ComfyUI's places near it."""
    near = _near(ctx)
    return bool(ctx.get("comfy_updater") or re.search(r"comfy", path, re.I)
                or near.get("custom_node") or near.get("comfy_place"))


@_interp("comfy_updater")
def _comfy_updater_hit(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pygit2's errors from ComfyUI portable's update.py; the same pygit2 error in another tool is that tool's own.
    ComfyUI-Manager's `Failed to checkout 'master' branch.` on the same folder: with no branch listed the folder
    has no local master (a detached portable); with master listed the checkout failed for another reason.
    GitPython's `'IterableList' object has no attribute 'master'` (the Manager's `repo.heads.master` on a folder
    with no local master) is ComfyUI's only with ComfyUI in view; another tool's GitPython error is its own.
    git's own refusal over files in ComfyUI's folder, handed over by comfyui.node-git-local-changes (`what`), is
    worded for a pull or a checkout of a release by hand or by the Manager."""
    if g.get("what"):
        return _comfy_own_local_changes(g)
    if g.get("gitpy"):
        if not _comfy_in_view(ctx):
            return None
        g = {**g, "mgr": g["gitpy"]}
    if g.get("mgr"):
        if _other_gpu(ctx):
            return None
        empty = bool(g.get("empty"))
        return {"title": ("ComfyUI-Manager could not switch ComfyUI's folder to its master branch: "
                          + ("the folder is on a detached HEAD with no local master branch" if empty else
                             "most often a detached HEAD without a local master, or local changes blocking the checkout")),
                "cause": ("ComfyUI-Manager's Update ComfyUI checks out the master branch of ComfyUI's folder and pulls it. "
                          "The checkout failed. ComfyUI portables of spring and autumn 2025 shipped on a detached HEAD at "
                          "their release tag without a local master branch (the Manager then lists no branch under "
                          "`Available branches:`), and a version switch or snapshot restore leaves the folder detached too; "
                          "when master is listed, edits to ComfyUI's own tracked files can block the checkout. Nothing was "
                          "updated; ComfyUI still runs as it was."),
                "fix": ("In a command prompt: `cd ComfyUI_windows_portable\\ComfyUI` (your ComfyUI folder), `git status` "
                        "(keep a copy of any file you changed), `git fetch origin`, `git checkout master` (git makes it from "
                        "origin/master; if it refuses over local changes, `git stash` first), `git pull`, then update from "
                        "the Manager again. Without git: install it (https://git-scm.com/download/win) or run "
                        "update\\update_comfyui.bat"),
                "details": {"branches_listed": "none" if empty else "unknown or master"}}
    if _other_gpu(ctx) or not _comfy_git(ctx):
        return None
    return {"details": {k: g[k] for k in ("err", "oid") if g.get(k)}}


def _comfy_in_view(ctx: dict[str, Any]) -> bool:
    """ComfyUI's own git use in view: its updater anywhere in the paste, or the Manager's tag, a node pack's folder,
    the portable's places or ComfyUI's repository URL near the hit."""
    near = _near(ctx)
    return bool(ctx.get("comfy_updater") or near.get("comfy_manager") or near.get("comfy_place")
                or near.get("custom_node") or near.get("comfy_repo"))


@_interp("detached_head")
def _detached_head(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI's folder on a detached HEAD: update.py's `lookup_reference(branch.name)` crash is ComfyUI's own;
    git's and GitPython's detached-HEAD words are claimed only with ComfyUI's updater, Manager or folders in view."""
    if _other_gpu(ctx):
        return None
    if ctx.get("comfy_updater") or _comfy_in_view(ctx) or _near(ctx).get("comfy_update_words"):
        return {"details": {k: g[k] for k in ("sha",) if g.get(k)}}
    return None


@_interp("not_git_checkout")
def _not_git_checkout(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI's folder without .git: the Manager's own sentence, GitPython or pygit2 on a ComfyUI path; git's bare
    `not a git repository` only with ComfyUI's updater or Manager in view (an A1111 zip is its own)."""
    if _other_gpu(ctx):
        return None
    path = (g.get("path") or "").strip()
    if g.get("mgr"):
        return {}
    if path:
        if re.search(r"custom_nod", path) or not (re.search(r"comfy", path, re.I) or ctx.get("comfy_updater")):
            return None
        return {"details": {"folder": path}}
    near = _near(ctx)
    if ctx.get("comfy_updater") or near.get("comfy_manager"):
        return {}
    return None


@_interp("node_not_git")
def _node_not_git(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A node pack's folder that is not a git checkout, named by GitPython (a path under custom_nodes) or the
    Manager's own line; the pack is named in the headline when the path is whole."""
    if _other_gpu(ctx):
        return None
    path = (g.get("path") or "").strip().rstrip("\\/")
    out: dict[str, Any] = {"details": {"folder": path}}
    m = re.search(r"custom_nodes[\\/]{1,2}([^\\/\s]{1,100})$", path)
    if m:
        out["details"]["pack"] = m.group(1)
        out["title"] = f"The node pack {m.group(1)} is not a git checkout: ComfyUI-Manager cannot update it"
    return out


@functools.lru_cache(maxsize=1)
def _comfy_own_file() -> re.Pattern[str]:
    """A path under one of ComfyUI's own top-level folders that no node pack has (manifests/comfyui.toml [own_tree]):
    a git refusal listing one first is about ComfyUI's folder."""
    folders = _manifest_part("comfyui", "own_tree", {}).get("folders") or []
    if not folders:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?:" + "|".join(re.escape(str(f)) for f in folders) + r")/")


def _comfy_own_local_changes(g: dict[str, str]) -> dict[str, Any]:
    """git's refusal to pull or check out over files in ComfyUI's own folder: edited tracked files, or untracked
    files where the update writes (the bundled front-end's web/assets of 2024-2025)."""
    untracked = "untracked" in (g.get("what") or "").lower()
    checkout = (g.get("op") or "").lower() == "checkout"
    f = g.get("file") or ""
    d = {"first file": f} if f else {}
    what = ("untracked files stand where the update writes" if untracked else "files ComfyUI tracks were changed in place")
    return {"title": (f"git refuses to {'check out the new version of' if checkout else 'update'} ComfyUI itself: {what}"
                      + (f" ({f})" if f else "")),
            "cause": ("ComfyUI-Manager's Update ComfyUI, `git pull` and a checkout of a release tag all move ComfyUI's own "
                      "folder to another commit, and git stops rather than overwrite files there: "
                      + ("files that are not tracked in this copy (most often the web/assets files of an older front-end, "
                         "or files copied in by hand) exist in the new version too"
                         if untracked else
                         "files ComfyUI's repository tracks (comfy/*.py, nodes.py, the web/assets of the bundled front-end) "
                         "were edited in place, by hand, by a patch from a guide or by a node pack's install script")
                      + ". The Manager may still print `ComfyUI is updated.` while nothing changed; ComfyUI keeps running at "
                      "its old version, which can be too old for newer models and nodes."),
            "fix": ("In the ComfyUI folder (portable: `cd ComfyUI_windows_portable\\ComfyUI`) run `git status` to see the files; "
                    "keep a copy of any edit you still want, then set them aside with `git stash -u` (tracked edits and "
                    "untracked files both go into the stash; `git stash drop` later deletes them) or discard edits to tracked "
                    "files with `git reset --hard`; then update again (`git pull`, the Manager's Update ComfyUI, or "
                    "update\\update_comfyui.bat; for a release: `git checkout v0.x.y`). custom_nodes, models, input, output "
                    "and user are not tracked and stay as they are"),
            "details": d}


@_interp("node_local_changes")
def _node_local_changes(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """git's refusal to pull over local or untracked files, claimed for a node pack's folder (custom_nodes near, or
    the Manager's `Update custom node` line). ComfyUI's own folder (the Manager's `Update ComfyUI` line, a file only
    ComfyUI's repository has listed first, ComfyUI's repository URL near) is handed to
    comfyui.portable-update-diverged; a fork's launcher script, an installer's version switcher with nothing of
    ComfyUI's own named, or another program's repository are not claimed."""
    if _other_gpu(ctx):
        return None
    near = _near(ctx)
    details = {k: g[k] for k in ("what", "op") if g.get(k)}
    pack_folder = near.get("custom_node") or "custom_nodes" in (near.get("comfy_place") or "")
    if near.get("manager_node_update") or (pack_folder and not near.get("comfy_self_update")):
        return {"details": details}
    if (near.get("comfy_self_update") or near.get("comfy_repo")
            or _comfy_own_file().match(g.get("file") or "")):
        return {"as": "comfyui.portable-update-diverged", "details": details}
    if near.get("comfy_place"):  # the portable's python_embeded named near: a node pack's requirements step
        return {"details": details}
    return None


@_interp("shallow_no_tags")
def _shallow_no_tags(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A ComfyUI clone without tags: git describe's refusal or a user's words that the tags are missing, with
    ComfyUI's update or its Manager in view."""
    if _other_gpu(ctx):
        return None
    near = _near(ctx)
    if _comfy_in_view(ctx) or near.get("comfy_update_words"):
        return {}
    return None


# installing a node pack without the Manager, for the Manager's install gates
_MANAGER_BY_HAND = ("install the pack by hand: `cd ComfyUI/custom_nodes && git clone URL`, then "
                    "`python -m pip install -r NODE/requirements.txt` with ComfyUI's Python")


@_interp("manager_gate")
def _manager_gate(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """Newer ComfyUI-Managers gate Git-URL and pip installs behind their own config.ini flags, apart from
    security_level; the other refusals keep the signature's own words."""
    flag = g.get("flag")
    if g.get("unsecure"):
        # the Managers of May 2024 (before security_level): their `disable_unsecure_features` gate
        what = (g.get("restricted") or "").strip(" -") or "this action"
        return {"title": (f"ComfyUI-Manager refused {'the ' if not what.startswith('this') else ''}{what}: its old "
                          "`unsecure features` gate (a Manager of May 2024) is on"),
                "cause": ("This wording comes from the ComfyUI-Managers of May 2024, before `security_level` existed: "
                          "they refused installs, updates and restarts through their `disable_unsecure_features` gate. "
                          "A change to that gate in v2.23 made it refuse them on ordinary local installs as well, which "
                          "the maintainer fixed in v2.23.2; those Managers also refuse such actions on purpose while "
                          "ComfyUI listens on a network address (`--listen` or `--listen 0.0.0.0`)."),
                "fix": ("Update ComfyUI-Manager by hand, since its Update button may be refused the same way: "
                        "`cd ComfyUI/custom_nodes/ComfyUI-Manager && git pull` (portable: in "
                        "`ComfyUI_windows_portable\\ComfyUI\\custom_nodes\\ComfyUI-Manager`), then restart ComfyUI; current "
                        "Managers gate these actions with `security_level` in their config.ini instead. If ComfyUI runs "
                        "with `--listen` on a network address, start it with `--listen 127.0.0.1` for the install, or "
                        + _MANAGER_BY_HAND),
                "details": {"refused": what}}
    if not flag:
        return {}
    listening = (g.get("listening") or "").strip("[]")
    if listening:
        # the later wording names both conditions and the address ComfyUI listens on: say which one failed
        loop = listening in ("::1", "localhost") or listening.startswith("127.")
        details = {"flag": flag, "listening on": listening}
        if loop:
            return {"title": (f"ComfyUI-Manager refused the install: `{flag} = true` is not in effect in its config.ini "
                              f"(ComfyUI already listens on loopback {listening})"),
                    "cause": (f"Newer ComfyUI-Managers allow this install only when BOTH `{flag} = true` is set under "
                              "[default] in their config.ini AND ComfyUI listens on a loopback address; here ComfyUI listens "
                              f"on {listening}, so the flag is what is missing: it is not in that file (or in another "
                              "config.ini than the one the start-up log names), or it was added while ComfyUI ran. The "
                              "Manager reads both values once at start-up, so an edit takes effect only after ComfyUI is "
                              "stopped and started again. It is a gate apart from security_level."),
                    "fix": (f"Stop ComfyUI, open the config.ini the start-up log names (`** ComfyUI-Manager config path: "
                            f"...`; current ComfyUI: `ComfyUI/user/__manager/config.ini`), add `{flag} = true` under "
                            "`[default]` (and `allow_pip_install = true` if the pack needs pip), save, and start ComfyUI "
                            "again; or " + _MANAGER_BY_HAND),
                    "details": details}
        return {"title": (f"ComfyUI-Manager refused the install: ComfyUI listens on {listening}, not on a loopback "
                          "address"),
                "cause": (f"Newer ComfyUI-Managers allow this install only when BOTH `{flag} = true` is set in their "
                          "config.ini AND ComfyUI listens on a loopback address (127.0.0.1 or ::1); here ComfyUI listens on "
                          f"{listening} (`--listen` on a network address, as containers and servers start it), which is "
                          "refused even with the flag set. Both values are read once at start-up."),
                "fix": (f"Stop ComfyUI, make sure `{flag} = true` is under `[default]` in the Manager's config.ini "
                        "(`ComfyUI/user/__manager/config.ini`), and start ComfyUI with `--listen 127.0.0.1` for the install "
                        "(in a container reach that port through a port forward or an SSH tunnel); or " + _MANAGER_BY_HAND),
                "details": details}
    return {"title": f"ComfyUI-Manager refused the install: `{flag} = true` is not set in its config.ini",
            "cause": (f"Newer ComfyUI-Managers allow installs from a Git URL and pip installs only when `{flag} = true` is "
                      "set in the [default] section of their config.ini, a gate apart from security_level, and only while "
                      "ComfyUI listens on a loopback address (127.0.0.1 or ::1): a ComfyUI started with `--listen` on a "
                      "LAN address or 0.0.0.0 (a container, a server) is refused even with the flag set."),
            "fix": (f"Stop ComfyUI, open the Manager's config.ini (`ComfyUI/user/__manager/config.ini`; earlier "
                    f"`ComfyUI/user/default/ComfyUI-Manager/config.ini`), add `{flag} = true` under `[default]` (and "
                    "`allow_pip_install = true` if the pack needs pip), save, and start ComfyUI with `--listen 127.0.0.1`; "
                    "in a container reach that port through a port forward (socat, an SSH tunnel), or install the pack by "
                    "hand: `cd ComfyUI/custom_nodes && git clone URL`, then `python -m pip install -r NODE/requirements.txt` "
                    "with ComfyUI's Python"),
            "details": {"flag": flag}}


@_interp("node_folder_dot")
def _node_folder_dot(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`No module named 'X'` where the custom_nodes folder in the same traceback (or `Cannot import` line) is named
    `X.something`: Python read the dot in the folder name as a package separator."""
    stem = g.get("stem") or ""
    near = _near(ctx)
    for key in ("custom_node", "comfy_place"):
        for folder in re.findall(r"custom_nodes[\\/]+([^\\/\"'\s]{1,200})", near.get(key) or ""):
            head, dot, rest = folder.partition(".")
            if dot and rest and head.lower() == stem.lower() and not re.fullmatch(r"py[cdw]?", rest, re.I):
                new = folder.replace(".", "_")
                return {"fix": (f"Close ComfyUI and rename the folder without the dot: in the ComfyUI folder run "
                                f"`ren \"custom_nodes\\{folder}\" \"{new}\"` (Windows cmd; Linux/macOS: "
                                f"`mv \"custom_nodes/{folder}\" \"custom_nodes/{new}\"`), or install the pack again with git "
                                "(`cd ComfyUI/custom_nodes && git clone URL`; ComfyUI-Manager itself: "
                                "`git clone https://github.com/Comfy-Org/ComfyUI-Manager comfyui-manager`); keep only one "
                                "copy of a pack in custom_nodes, then start ComfyUI again"),
                        "details": {"folder": folder, "missing module": stem}}
    return None


@_interp("dubious_ownership")
def _dubious_ownership(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """git's safe.directory refusal on ComfyUI's folders (or a node pack's); another application's repository
    (an A1111 or Forge folder) is not claimed."""
    repo = g.get("repo") or ""
    if g.get("mgr"):
        # ComfyUI-Manager's own sentence: git could not read ComfyUI's folder. With a .git folder in place (the
        # portable's update script still works) that is git's ownership refusal; a copy without .git is the other case
        if _other_gpu(ctx):
            return None
        return {"title": ("ComfyUI-Manager says ComfyUI isn't a git repository: most often git refuses the folder because "
                          "another user account owns it (`dubious ownership`), else the folder has no .git"),
                "fix": ("Open a command prompt in the ComfyUI folder (portable: `cd ComfyUI_windows_portable\\ComfyUI`) and run "
                        "`git status`. If it prints `detected dubious ownership`, trust the folder with the path git "
                        "printed: `git config --global --add safe.directory D:/ComfyUI_windows_portable/ComfyUI` (every "
                        "refused folder at once: `git config --global --add safe.directory \"*\"`), then restart ComfyUI. "
                        "If it prints `not a "
                        "git repository`, the folder has no .git (a zip copy): see comfyui.not-a-git-checkout (`git init`, "
                        "`git remote add origin https://github.com/comfyanonymous/ComfyUI.git`, `git fetch origin`, "
                        "`git checkout -f -B master origin/master`). ComfyUI Desktop updates itself, not through the Manager"),
                "details": {"message": g["mgr"]}}
    if _other_gpu(ctx) or not _comfy_git(ctx, repo):
        return None
    out: dict[str, Any] = {"details": {"repository": repo}}
    if repo.startswith("/"):
        # Linux, a container or WSL: a folder of another uid (a bind mount, a sudo clone, a Windows drive under /mnt)
        q = f"'{repo}'" if " " in repo else repo
        out["title"] = (f"git refuses ComfyUI's folder {repo}: it belongs to another user than the one running git "
                        "(a mounted folder, a container, an earlier sudo)")
        out["fix"] = (f"Run, as the same user that runs ComfyUI and its updates (inside the container when they run there: "
                      f"`docker exec -u USER CONTAINER git config --global --add safe.directory {q}`, since --global is that "
                      f"user's own git config): `git config --global --add safe.directory {q}`; or give the folder to that "
                      f"user: `sudo chown -R $(id -u):$(id -g) {q}`; a Windows drive mounted through WSL (/mnt/c, /mnt/e) "
                      "records no Linux owner, so only safe.directory works there")
        return out
    if repo:
        q = f'"{repo}"' if " " in repo else repo
        out["fix"] = (f"Trust the folder for your account: `git config --global --add safe.directory {q}` (each node pack "
                      "folder git also refuses needs its own line, or trust every folder at once: "
                      "`git config --global --add safe.directory \"*\"`)"
                      + ("; the drive records no owner (exFAT/FAT32 or a network drive), so only safe.directory works there"
                         if g.get("nofs") else
                         "; on an NTFS drive you can instead take ownership of the folder from an administrator prompt: "
                         "`takeown /f \"<the ComfyUI folder>\" /r /d y`"))
    return out


@_interp("scripts_not_on_path")
def _scripts_not_on_path(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pip's Scripts-not-on-PATH notice for ComfyUI's Python; another Python's notice is not claimed."""
    folder = g.get("dir") or ""
    near = _near(ctx)
    if not (re.search(r"python_embe|comfy", folder, re.I) or near.get("custom_node")):
        return None
    return {"details": {"folder": folder, "scripts": (g.get("scripts") or "").strip()}}


@_interp("launcher_no_runtime")
def _launcher_no_runtime(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """py.exe found no registered Python of the version asked for; the old launcher names the version."""
    want = (g.get("want") or "").strip()
    if want:
        return {"title": f"The py launcher found no installed Python {want} (the version asked for)",
                "details": {"requested": want}}
    return {}


_EMBEDDED = re.compile(r"python_embede?d", re.I)


def _portable_shown(ctx: dict[str, Any]) -> bool:
    """The text shows ComfyUI portable, whose Python is python_embeded (run with -s): a python_embeded path, the
    portable's folder (ComfyUI_windows_portable), or the user's own words (`ComfyUI Portable`, `portable ComfyUI`)."""
    near = _near(ctx)
    return bool(_EMBEDDED.search(near.get("comfy_place") or "") or _EMBEDDED.search(ctx.get("comfy_place") or "")
                or "portable" in _fact(ctx, "comfy_updater").lower() or _fact(ctx, "comfy_portable_words"))


def _comfy_python_shown(ctx: dict[str, Any], *extra: str) -> bool:
    """ComfyUI's own Python is in view: the portable shown (python_embeded, its folder, the user's words), a
    ComfyUI place in pip output or a command, or a ComfyUI path in the message itself (``extra``)."""
    near = _near(ctx)
    return bool(_portable_shown(ctx) or near.get("comfy_place") or ctx.get("comfy_place")
                or any(re.search(r"python_embedd?ed|comfyui|custom_nodes", e or "", re.I) for e in extra))


@_interp("cmd_dot_slash")
def _cmd_dot_slash(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """cmd's `'.' is not recognized` is a `./path` typed in cmd; it is ComfyUI's install only where ComfyUI's Python
    is in view (the portable's python_embeded): another program's `./gradlew` is its own. Not on a Mac or an
    AMD/Intel setup."""
    if _off_nvidia(ctx) or not _comfy_python_shown(ctx):
        return None
    return {}


@_interp("pip_run_as_script")
def _pip_run_as_script(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`python pip install ...` (no -m): Python looks for a file named pip in the current folder. Claimed for
    ComfyUI's Python: a python_embeded or ComfyUI path in the message, or the portable shown."""
    f = g.get("file") or ""
    if _off_nvidia(ctx) or not _comfy_python_shown(ctx, f):
        return None
    tool = g.get("tool") or "pip"
    folder = re.split(r"[\\/]+", f.rstrip("\\/"))[:-1]
    where = folder[-1] if folder else ""
    title = (f"`{g.get('py') or 'python'} {tool} ...` without `-m`: Python looked for a script file named {tool}"
             + (f" in the {where} folder" if where else "") + f" and found none ({tool} is a module: `python -m {tool}`)")
    return {"title": title, "details": {"file": f}}


@_interp("other_python_on_path")
def _other_python_on_path(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pip's lines naming a system Python's site-packages (or its user site) are ComfyUI's problem only where the
    text shows ComfyUI portable (python_embeded, run with -s): a system Python that runs ComfyUI itself sees its
    own user site. Not on an AMD/Intel setup or a Mac."""
    near = _near(ctx)
    if _off_nvidia(ctx):
        return None
    site = (g.get("site") or "").strip()
    if g.get("mgr") and not (_EMBEDDED.search(near.get("comfy_place") or "") or _EMBEDDED.search(ctx.get("comfy_place") or "")):
        # ComfyUI-Manager's pip (its `[!]` lines) runs in the Python that runs ComfyUI: that Python reads a system
        # Python's user site, which the portable's python_embeded (-s) and a venv never do
        d = {"site": site}
        if g.get("leftover"):
            d["leftover"] = g["leftover"]
        return {"title": f"ComfyUI-Manager's pip works in a system Python ({site}): ComfyUI was started with a system "
                         "Python, not the portable's python_embeded or a venv",
                "cause": ("ComfyUI-Manager installs a node pack's requirements with the Python that runs ComfyUI. Its pip "
                          "lines name the user site of a system Python (%APPDATA%\\Python\\PythonNNN\\site-packages), which "
                          "ComfyUI portable's python_embeded (started with -s) and a virtual environment never read: ComfyUI "
                          "itself runs on a system Python, so packages land in (or are read from) the system Python and its "
                          "user site, shared with every other program that uses it. The `Ignoring invalid distribution ~ip` "
                          "warning itself is a harmless leftover folder (`~ip` is pip's own, renamed while pip replaced itself "
                          "and left behind by an interrupted run)."),
                "fix": ("Start ComfyUI with its own Python: portable, from the ComfyUI_windows_portable folder, "
                        "`.\\python_embeded\\python.exe -s ComfyUI\\main.py --windows-standalone-build` (run_nvidia_gpu.bat "
                        "does this); a manual install, a venv: `python -m venv venv`, `venv\\Scripts\\activate`, then "
                        "`python -m pip install torch torchvision torchaudio --index-url https://download.pytorch.org/whl/cu128` "
                        "and `python -m pip install -r requirements.txt`. The leftover folders can be deleted: the ones whose "
                        "names start with `~` in the site-packages folder the warning names"),
                "details": d}
    if not _portable_shown(ctx):
        return None
    if g.get("conda"):
        # the user's words: an install or upgrade made in a conda (Anaconda / Miniconda) environment or prompt, beside
        # ComfyUI portable, whose python_embeded reads no conda site-packages
        low = g["conda"].lower()
        where = ("a Miniconda environment" if low.startswith("mini") else "an Anaconda environment"
                 if low.startswith("ana") else "a conda environment")
        return {"title": f"The install went into {where}, not into ComfyUI portable's python_embeded, which runs ComfyUI",
                "cause": ("ComfyUI portable runs only its own Python, python_embeded\\python.exe (started with -s). A "
                          "`pip install` or `conda install` made in a conda environment or an Anaconda / Miniconda prompt "
                          "goes into that environment's site-packages, which ComfyUI never reads: ComfyUI keeps its old "
                          "torch (or still misses the package) whatever the conda environment now has."),
                "details": {"installed in": where}}
    if g.get("said"):
        # the user's words: a bare `pip install X` answered that X is already installed while ComfyUI portable still
        # misses it: that pip belongs to another Python (a system one on PATH), not to python_embeded
        said = _SPACE.sub(" ", g["said"]).strip()
        return {"title": (f"A bare `pip install` {said}, yet ComfyUI portable still misses the package: that pip ran "
                          "in another Python (a system Python on PATH), not in the portable's python_embeded"),
                "details": {"said": said}}
    d = {"site": site} if site else {}
    if g.get("pkg"):
        d["package"] = g["pkg"]
    if site:
        return {"title": f"pip ran in another Python ({site}), not in ComfyUI portable's python_embeded", "details": d}
    return {"title": "pip fell back to a user installation: it ran a system Python, not ComfyUI portable's python_embeded",
            "details": d}


@_interp("sage_missing")
def _sage_missing(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`No module named 'sageattention'` is ComfyUI's launch flag (or a sage patch) only where the text shows ComfyUI
    asking for it: the flag's own refusal, the flag or its startup line, a Patch Sage Attention node, a sampler or
    node error around it. Alone it is a package missing from the Python that runs the code (python.module-missing,
    which this hit would otherwise hide): often a wheel installed into another Python. CUDA-only: not on a Mac or
    an AMD/Intel setup."""
    near = _near(ctx)
    if _off_nvidia(ctx):
        return None
    forced = [v.lower() for v in (near.get("sage_forced"), ctx.get("sage_forced")) if v]
    if not g.get("refusal") and near.get("sage_reraise") and not forced:
        # a wrapper's model loader re-raising its own import (`Can't import SageAttention: No module named ...`) in the
        # same traceback: the node asked for the package; the re-raise is python.module-missing's, so is its inner line
        return None
    if not g.get("refusal") and forced and not any("sage-attention" in v or "using sage" in v for v in forced):
        # the Patch Sage Attention node (by name, or by its own get_sage_func frame) asked for it, not the launch flag;
        # the older KJNodes frame `_patch_modules` is shared by that node and the KJ model loaders' sage_attention input
        kj_shared = (any("_patch_modules" in v for v in forced)
                     and not any("sage" in v for v in forced if "_patch_modules" not in v))
        return {"title": ("A KJNodes node set to use SageAttention (Patch Sage Attention, or a KJ model loader's "
                          "sage_attention input) asks for the sageattention package, which ComfyUI's Python does not have"
                          if kj_shared else
                          "A Patch Sage Attention node asks for the sageattention package, which ComfyUI's Python does "
                          "not have"),
                "cause": ("KJNodes' Patch Sage Attention node imports `sageattention` when it runs (its get_sage_func) "
                          "unless its sage_attention input is `disabled`; the package is not installed in the Python "
                          "ComfyUI runs with (or was installed into another Python), so the node fails before sampling."),
                "fix": ("Set the node's sage_attention input to `disabled` or bypass the node (select it, Ctrl+B), and "
                        "if ComfyUI is also started with `--use-sage-attention`, start it without: Klein runs on PyTorch "
                        "attention. To use SageAttention instead, first install a sageattention build made for this "
                        "torch and CUDA into the Python that runs ComfyUI (the portable's python_embeded), then restart "
                        "ComfyUI"),
                "details": {"forced_by": near.get("sage_forced") or ctx.get("sage_forced")}}
    if g.get("refusal") or near.get("sampler_node") or forced \
            or near.get("node_type") or near.get("node_exec") or near.get("model_loader_node"):
        return {}  # a wrapper's model loader node asks for the attention mode it was set to (sageattn)
    return None


@_interp("pip_download_cut")
def _pip_download_cut(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    wheel = g.get("wheel") or ""
    d = {"wheel": wheel} if wheel else {}
    if g.get("net"):
        return {"title": f"The download of {wheel or 'a wheel'} broke off (Connection timed out) and pip failed on its own "
                         "half-downloaded file", "details": d}
    return {"title": f"pip could not use the wheel it had just downloaded ({wheel or 'pip-unpack'}): its file in pip's "
                     "temporary folder was still held (a broken-off download, or a scanner)", "details": d}


# a console-script launcher of another tool (pip-sync.exe, a CLI): that tool is running and replacing itself. pip's,
# uv's and Python's own launchers stay claimed (pip.exe upgrading pip: `python -m pip install -U pip`)
_SCRIPT_LAUNCHER = re.compile(r"[\\/]scripts[\\/]{1,2}(?!(?:pip|pip3|pip3\.\d{1,2}|python|pythonw|uv|uvx)\.exe$)"
                              r"[^\\/]+\.exe$", re.I)


@_interp("install_denied")
def _install_denied(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pip's (or uv's) refusal on a file of the environment, or any installer's write into the Microsoft Store Python's
    own site-packages under WindowsApps (setuptools' write test). Not claimed: pip's own download in pip-unpack-* (a
    broken-off download or a scanner: pip.download-interrupted, python.antivirus-blocked), a console-script launcher
    of another tool in use (Scripts\\X.exe: that very tool is running and replacing itself, pip-sync.exe), and uv's
    missing-RECORD warning in a conda environment (conda packages carry no RECORD)."""
    path = (g.get("path") or "").replace("\\\\", "\\").strip().strip("`")
    low = path.lower()
    code = g.get("code") or g.get("code5") or ""
    if "pip-unpack-" in low or _SCRIPT_LAUNCHER.search(low):
        return None
    if g.get("wcode"):  # any installer's write into the Microsoft Store Python's own site-packages (read-only)
        prefix = path.split("site-packages")[0].rstrip("\\/")
        prefix = prefix[:-4] if prefix.lower().endswith("\\lib") else prefix
        return {"title": f"The install may not write into the Microsoft Store Python's own folder ({prefix}): "
                         "WindowsApps is read-only for every user and program",
                "details": {"path": path, "error": g["wcode"]}}
    if g.get("pkg"):
        if "conda" in low:
            return None
        pkg = g["pkg"]
        return {"title": f"uv could not remove the installed {pkg}: an earlier install or removal of it stopped halfway "
                         "(a file was in use)", "details": {"path": path, "package": pkg}}
    details = {"path": path, "error": code}
    if code in ("os error 13", "Errno 13") and path.startswith("/"):  # EACCES on a POSIX path: no rights, not in use
        where = path.split("site-packages")[0].rstrip("/") if "site-packages" in path else "this environment"
        tool = "uv" if code.startswith("os error") else "pip"
        return {"title": f"{tool} may not write into {where or 'this environment'}: the user running it does not own "
                         "that Python (a system Python, or a container image's Python run as another user)",
                "details": details}
    if code.startswith("os error"):
        return {"title": "uv could not replace a file of the environment: it is in use (ComfyUI or another program "
                         "that loaded it still running) or locked", "details": details}
    if "windowsapps" in low or "program files" in low:
        return {"title": f"pip may not write into {path.split('site-packages')[0].rstrip(chr(92) + '/') or 'this Python'}: "
                         "a protected folder (Program Files, the Microsoft Store's Python)", "details": details}
    if code.startswith("WinError"):
        return {"title": "pip could not replace a file of the environment: it is in use (ComfyUI or another Python still "
                         "running) or locked", "details": details}
    return {"details": details}


@_interp("long_path")
def _long_path(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """pip's `[Errno 2]` on a path over Windows' limit (with pip's own hint, or a path long enough that only the
    limit explains it); a short missing path is a file really missing: not claimed."""
    path = g.get("path")
    if path is None:
        return {}
    real = path.replace("\\\\", "\\")
    if len(real) < 200:
        return None
    return {"details": {"path_length": len(real)}}


@_interp("node_clone")
def _node_clone(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """git's `File name too long` (ENAMETOOLONG) is ours only for a ComfyUI node pack: a `Cloning into` / `git clone`
    of a comfy / *_nodes repository, a custom_nodes path or ComfyUI-Manager in the paste. Another repository's
    over-long names are its own: not claimed."""
    near = _near(ctx)
    if not any(near.get(k) or ctx.get(k) for k in ("node_clone", "custom_node", "comfy_manager")):
        return None
    f = g.get("file") or ""
    return {"details": {"file": " ".join(f.split())[:300], "name_bytes": len(f.split("/")[-1].replace("\n", "").encode())}}


@_interp("toolkit_mismatch")
def _toolkit_mismatch(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    nvcc, tv = g.get("nvcc"), g.get("torch")
    if _near(ctx).get("macos") or _near(ctx).get("amd"):
        return None
    if not tv:
        return {}
    cu = "cu" + tv.replace(".", "")
    if not nvcc:  # apex's own check names torch's CUDA only
        return {"title": f"A CUDA extension is being built with another CUDA toolkit than the one torch was built with (CUDA {tv})",
                "details": {"torch_cuda": tv, "torch_index": cu}}
    return {"title": f"A CUDA extension is being built with CUDA {nvcc}, but torch was built with CUDA {tv}",
            "details": {"nvcc_cuda": nvcc, "torch_cuda": tv, "torch_index": cu}}


# what makes a web UI's start check (torch.cuda.is_available() False) fail, when the paste also names it: the check
# is only the symptom, so that cause is shown first and the check right after it
_STARTCHECK_CAUSES = ("cuda.driver-mismatch", "torch.no-driver", "torch.cuda-driver-too-old", "cuda.no-device",
                      "cuda.devices-unavailable", "torch.cuda-libs-missing", "torch.cuda-libs-mismatch",
                      "nix.system-libs-missing", "sandbox.gpu-devices-blocked", "docker.no-gpu-runtime",
                      "wsl.gpu-unavailable", "torch.sm-unsupported")


_ISA_STACK_LIB = re.compile(r"torch|caffe2|c10|_multiarray_umath|numpy|xformers|bitsandbytes", re.I)
_ISA_WORD = re.compile(r"avx[_-]?512\w{0,8}|avx2|avx|sse4[._]?[12]", re.I)
_TORCH27 = re.compile(r"(?<![\d.])2\.7(?:\.\d{1,2})?(?![\d])")


def _stack_in_paste(ctx: dict[str, Any]) -> str:
    """torch or NumPy named anywhere in the paste: an import, a torch path or version, ComfyUI's torch line."""
    for key in ("torch_named", "torch_path", "torch_version", "numpy_named"):
        v = _fact(ctx, key)
        if v:
            return v
    return ""


@_interp("cpu_isa")
def _cpu_isa(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """An illegal instruction tied to torch or NumPy: the CPU lacks (or a VM hides) an instruction set the binary ran.
    Claimed from NVIDIA's container banner, a debugger frame in a torch/NumPy library, torch or NumPy named on the
    crash line, ComfyUI Desktop's exit code, or a bare crash line / Windows exit code with torch or NumPy in the paste.
    Not on a Mac (Rosetta has no AVX; no NVIDIA), an ARM board (OpenBLAS's core type) or beside another framework
    (TensorFlow, llama.cpp, ollama). With Windows and torch 2.7 in the paste it is torch 2.7's AVX-512 build bug."""
    if _fact(ctx, "macos") or _fact(ctx, "jetson") or _fact(ctx, "arm64_linux") or _fact(ctx, "riscv"):
        return None
    if _fact(ctx, "other_framework") or _fact(ctx, "llm_engine"):
        return None
    lib = (g.get("lib") or "").replace("\\", "/").rstrip("/")
    lib = lib.rsplit("/", 1)[-1] if "/" in lib else lib  # a library path: its file name
    if g.get("faulting") and not _ISA_STACK_LIB.search(lib):
        return None
    stack = lib or g.get("named") or ("ComfyUI Desktop" if g.get("desktop") else "")
    if not (stack or g.get("banner")):
        stack = _stack_in_paste(ctx)
        if not stack:
            return None
    vm = _fact(ctx, "vm_cpu")
    isa = g.get("isa") or next(iter(_ISA_WORD.findall(g.get("between") or "")), "")
    torch_ver = _fact(ctx, "torch_version") or _fact(ctx, "torch_named")
    windows = _fact(ctx, "windows_os") or g.get("code") or g.get("desktop") or (g.get("wincode") and "Windows")
    if (windows or lib.lower().endswith(".dll")) and _TORCH27.search(torch_ver or "") and not g.get("banner"):
        return {"as": "torch.windows-avx512-build", "details": {"torch": torch_ver[:40]}}
    details: dict[str, Any] = {"where": stack[:80]} if stack else {}
    if isa:
        details["instruction_set"] = isa.upper()
    out: dict[str, Any] = {"details": details}
    if vm:
        details["virtual_cpu"] = vm[:60]
        out["title"] = (f"Illegal instruction in a virtual machine ({vm[:60].strip()}): its virtual CPU hides an "
                        "instruction set (AVX, AVX2, SSE4.1) that the torch or NumPy binary runs")
    elif g.get("banner"):
        out["title"] = (f"This CPU does not report {isa or 'AVX'}, which the NVIDIA container's torch stack is built "
                        "for: Illegal instruction")
    elif isa:
        out["title"] = (f"Illegal instruction in {isa.upper()} code of {stack[:60]}: the CPU lacks {isa.upper()} "
                        "(or a virtual machine hides it)")
    return out


@_interp("win_avx512")
def _win_avx512(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """torch 2.7's Windows wheels on an AVX2 CPU; a Mac, AMD or Intel GPU setup is not claimed."""
    if _off_nvidia(ctx):
        return None
    return {"details": {"torch": g.get("ver") or ""}}


@_interp("not_mac")
def _not_mac(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """On a Mac there is no CUDA build to install: the text is a node forcing 'cuda' on Apple silicon, out of
    klein-doctor's NVIDIA scope, so it is not claimed. The same on an AMD setup (ZLUDA, ROCm, DirectML).
    And the same when ComfyUI raised it while a node ran: with a CPU-only torch ComfyUI never gets that far (it
    calls torch.cuda.current_device() when comfy.model_management is imported, and dies at startup), so ComfyUI
    was running on another device (--directml, --cpu, an AMD card) and a node asked for CUDA. Nor where the paste says
    the machine has no NVIDIA GPU (`without a dedicated GPU`, a `CPU-only system`) and names none: there a CPU torch is
    the only one that fits, and the program has to run in its CPU mode (AUTOMATIC1111's `--use-cpu all
    --skip-torch-cuda-test`, ComfyUI's `--cpu`), which a CUDA wheel does not give."""
    near = _near(ctx)
    if _off_nvidia(ctx) or near.get("node_type") or near.get("node_exec") or _no_nvidia_stated(ctx):
        return None
    if g.get("cpuidx"):
        cu, ver = (g.get("cudaidx") or "").lower(), g.get("cpuver") or ""
        return {"title": f"pip installed the CPU build ({ver}) from the CPU index given as an extra index beside the "
                         f"{cu} one",
                "cause": ("pip gathers torch from every index it is given and installs the highest version, with no "
                          f"preference for the `--index-url`: beside the {cu} index, the CPU index (`whl/cpu`, set by "
                          "`--extra-index-url`, `PIP_EXTRA_INDEX_URL` or a pip.conf `extra-index-url`) offers `+cpu` builds, "
                          f"and a `+cpu` final release ranks above a `+{cu}` pre-release or an older CUDA release, so the "
                          "GPU environment gets CPU-only torch."),
                "fix": (f"Install torch from the CUDA index alone: clear the CPU extra index for this command "
                        f"(`PIP_EXTRA_INDEX_URL= python -m pip install --force-reinstall torch torchvision --index-url "
                        f"https://download.pytorch.org/whl/{cu}`; remove `extra-index-url = .../whl/cpu` from pip.conf / "
                        "requirements files), or pin the build with its label (`\"torch==X+" + cu + "\"`); check with "
                        "`python -c \"import torch; print(torch.__version__, torch.cuda.is_available())\"`"),
                "details": {"installed": ver, "cuda_index": cu}}
    if g.get("noaccel"):
        # diffusers' offload helpers found no accelerator through torch (torch.accelerator / cuda unavailable): a
        # CPU-only torch, or a CUDA torch without a usable driver or with its GPUs hidden. Claimed only with the build in
        # view: a `+cpu` wheel, or pip listing a plain torch version from a Windows site-packages (PyPI's Windows torch
        # wheels are CPU-only; the CUDA index's carry +cuXXX), and no CUDA build named anywhere in the text
        wheel = (near.get("torch_cpu_wheel") or ctx.get("torch_cpu_wheel") or near.get("torch_win_pypi")
                 or ctx.get("torch_win_pypi"))
        if not wheel or near.get("torch_cuda_build") or ctx.get("torch_cuda_build"):
            return None
        plain = "+" not in wheel
        return {"title": (f"PyTorch is a CPU-only build ({wheel}{', PyPI wheel on Windows' if plain else ''}): "
                          "diffusers' CPU offload found no GPU"),
                "cause": (f"`enable_model_cpu_offload()` / `enable_sequential_cpu_offload()` move each part of the "
                          f"pipeline to the GPU when it runs, and diffusers asks torch for that GPU first; this torch "
                          f"({wheel}) is a CPU-only build"
                          + (" (pip installs PyPI's torch on Windows, which has no CUDA; the CUDA builds come from "
                             "download.pytorch.org and carry a `+cuXXX` label)" if plain else "")
                          + ", so there is none, and without offloading the pipeline runs on the CPU (minutes to hours "
                          "an image). Installing accelerate does not change it."),
                "details": {"torch": wheel}}
    if g.get("half"):
        # a float16 op refused on the CPU: a half-precision model ran on the CPU. Only a `+cpu` torch in the text makes
        # that the CPU-only wheel; otherwise the script chose the CPU (or offloading left a part there): not claimed
        wheel = near.get("torch_cpu_wheel") or ctx.get("torch_cpu_wheel")
        if not wheel:
            return None
        return {"title": f"PyTorch is a CPU-only build ({wheel}): the float16 model ran on the CPU",
                "cause": (f"The installed torch is {wheel}, the CPU-only wheel, so nothing runs on the NVIDIA GPU: the "
                          "pipeline or model loaded in float16 ran on the CPU, where PyTorch has no float16 kernels for "
                          "this operation (`... not implemented for 'Half'`)."),
                "details": {"torch": wheel}}
    if g.get("startcheck"):
        # a web UI's own check (Forge Classic/Neo, AUTOMATIC1111, Forge) that torch.cuda.is_available() is True, run
        # before it starts: it says torch cannot use CUDA, not why, so the answer asks that Python. When the text shows
        # the UI's torch is a CUDA 13 build (Forge Neo installs cu130) and no nvidia-smi header says the driver has CUDA
        # 13, the check failed on a driver older than 580, the minimum of CUDA 13 wheels
        tag = near.get("torch_cu13_tag") or ctx.get("torch_cu13_tag") or ""
        smi = _num(near.get("smi_cuda") or ctx.get("smi_cuda") or "")
        cpu = near.get("torch_cpu_wheel") or ctx.get("torch_cpu_wheel")
        if tag.startswith("cu13") and not cpu and (smi is None or smi < 13):
            built = f"{tag[2:4]}.{tag[4:]}"
            seen = f" (nvidia-smi: CUDA {near.get('smi_cuda') or ctx.get('smi_cuda')})" if smi is not None else ""
            return {"as": "torch.cuda-driver-too-old",
                    "cause": (f"The UI's start check found that its torch cannot use CUDA, and that torch is a CUDA {built} "
                              f"build ({tag}){seen}. CUDA 13 wheels need NVIDIA driver 580 or newer; on an older driver "
                              "torch.cuda.is_available() is False and the UI stops (Forge Neo installs a cu130 torch by "
                              "default). `nvidia-smi` shows the newest CUDA the driver supports in its header."),
                    "details": {"torch_cuda": built, **({"driver_cuda": str(smi)} if smi is not None else {})}}
        return {"title": "The web UI's start check found that its torch cannot use CUDA (most often a CPU-only torch)",
                "cause": ("Before it starts, the UI checks in its own Python that torch can use CUDA "
                          "(torch.cuda.is_available()), and stops when it cannot. The usual reason is a CPU-only torch "
                          "in that venv (an update or a requirements install replaced the CUDA wheel); the check also "
                          "fails when torch cannot be imported at all (a missing DLL) or when the NVIDIA driver is too "
                          "old for the wheel's CUDA."),
                "fix": ("Ask the UI's Python, from its folder: `venv\\Scripts\\python -c \"import torch; print(torch.__version__, "
                        "torch.version.cuda, torch.cuda.is_available())\"` (Linux: `venv/bin/python ...`). A version ending in "
                        "`+cpu` (CUDA None): reinstall a CUDA build into it, `venv\\Scripts\\python -m pip install "
                        "--force-reinstall torch torchvision --index-url https://download.pytorch.org/whl/cu128` (Forge, "
                        "Forge Neo, AUTOMATIC1111: or start once with `--reinstall-torch`); a `+cuXXX` build that prints "
                        "False: update the NVIDIA driver; an error instead: that import error is the cause"),
                "details": {"check": "torch.cuda.is_available() is False in the UI's Python"},
                "_after": _STARTCHECK_CAUSES}
    if g.get("cf_build") or g.get("cf_python"):
        # conda-forge's pytorch comes as CPU and CUDA variants; the solver picks the CPU one when the env asks for no
        # CUDA (no __cuda virtual package seen, no cuda-version / pytorch-gpu requested, a cpuonly or CPU-only pin)
        build = g.get("cf_build")
        return {"title": "The conda env's PyTorch is a CPU-only build" + (f" ({build})" if build else " (conda-forge)"),
                "cause": ("conda-forge publishes pytorch in CPU variants (build strings `cpu_generic_py...`, `cpu_mkl_py...`) "
                          "and CUDA variants (`cuda12x_...`). When the env asks for no CUDA (a plain `pytorch` spec, a pin or "
                          "package that only has CPU builds, no `__cuda` virtual package seen at solve time, e.g. a solve on "
                          "a login node or inside Docker build), conda / mamba / pixi install the CPU one: torch imports, "
                          "torch.cuda.is_available() is False and nothing runs on the GPU."),
                "fix": ("In that env ask for the CUDA variant: `conda install -c conda-forge pytorch-gpu torchvision` (or "
                        "`\"pytorch=*=cuda*\"`; pixi: `pixi add pytorch-gpu` and `[system-requirements] cuda = \"12\"`), then "
                        "`conda list pytorch` shows a `cuda12x` build; or remove the conda pytorch and use pip's: `conda remove "
                        "pytorch torchvision` and `python -m pip install torch torchvision --index-url "
                        "https://download.pytorch.org/whl/cu128`. Check: `python -c \"import torch; print(torch.version.cuda, "
                        "torch.cuda.is_available())\"`"),
                "details": {"build": build or "conda-forge python, CUDA silently off"}}
    if g.get("torchcpu"):
        # the user's own words that the CPU flavor of torch got installed (`Torch cpu installed on nvidia system`):
        # claimed only with an NVIDIA GPU in view (named in those words or in the paste); on a machine with no NVIDIA
        # GPU the CPU build is the right one
        nv = g.get("onnv") or near.get("nvidia_named") or ctx.get("nvidia_named")
        # or the paste installs torch from a CUDA index / asks for the CUDA build (a requirements file's
        # `--extra-index-url .../whl/cu118`): the CPU flavor is not what was wanted
        wanted = next((v for k in ("gpu_torch_wanted", "torch_cuda_build") for v in (near.get(k), ctx.get(k)) if v), "")
        if not nv and not wanted:
            return None
        said = _SPACE.sub(" ", g["torchcpu"])
        where = ("on the NVIDIA machine" if nv else
                 f"although the install asked for a CUDA build (`{_SPACE.sub(' ', str(wanted)).strip()}`)")
        key = "nvidia" if nv else "cuda_wanted"
        nv = nv or wanted
        return {"title": f"The CPU-only PyTorch build (`{said}`) is installed {where}: nothing runs on the GPU",
                "cause": ("The venv's torch is the CPU flavor (a `+cpu` wheel: a plain `pip install torch` on Windows, or an "
                          "installer or update that did not see the GPU, or a requirements install that replaced the CUDA "
                          "wheel). torch imports, torch.cuda.is_available() is False, and generation runs on the CPU."),
                "details": {"said": said, key: _SPACE.sub(" ", str(nv)).strip()}}
    if g.get("portable"):
        # ComfyUI portable: after update_comfyui_and_python_dependencies.bat the CPU launcher works and the GPU one
        # does not: the updater's pip run took PyPI's torch (CPU-only on Windows) over the CUDA index's
        return {"title": ("After update_comfyui_and_python_dependencies.bat, run_cpu.bat works and run_nvidia_gpu.bat "
                          "does not: the update left a CPU-only PyTorch in python_embeded"),
                "cause": ("The portable's dependency updater reinstalls torch with pip, naming the PyTorch CUDA index as "
                          "an extra index beside PyPI; pip takes the highest version from either, and where PyPI's is "
                          "newer than the newest build on that CUDA index it installs PyPI's torch, which on Windows is "
                          "the CPU-only build. CPU mode (run_cpu.bat, --cpu) still starts; the GPU launch stops with "
                          "`Torch not compiled with CUDA enabled`."),
                "fix": ("From the ComfyUI_windows_portable folder reinstall the CUDA build into the embedded Python: "
                        "`.\\python_embeded\\python.exe -m pip install --force-reinstall torch torchvision torchaudio "
                        "--index-url https://download.pytorch.org/whl/cu128`, then check with `.\\python_embeded\\python.exe "
                        "-c \"import torch; print(torch.__version__, torch.cuda.is_available())\"` (a `+cu128` version and "
                        "True). Update later with update_comfyui.bat, not the one that also updates the Python dependencies"),
                "details": {"updater": "update_comfyui_and_python_dependencies.bat"}}
    if g.get("replaced"):
        # the user's words that the CUDA torch was overwritten / reinstalled as a build without CUDA (a node pack's or
        # a program's requirements, an updater, `uv run` re-syncing without the CUDA extra)
        said = _SPACE.sub(" ", f"{g['replaced']} ... {g.get('prose') or ''}").strip()
        return {"title": f"The CUDA build of PyTorch was replaced by one without CUDA (`{said}`): nothing runs on the GPU",
                "cause": ("Something installed torch again into the same environment and took a build without CUDA: a "
                          "requirements file or a ComfyUI node pack listing `torch` (pip then takes PyPI's torch, which on "
                          "Windows is the CPU-only build, over the installed `+cuXXX` wheel), an updater that reinstalls "
                          "the dependencies, or `uv run` / `uv sync` re-syncing the project to its base dependencies, where "
                          "the CUDA index is only mapped for an extra or group that was not named. torch then imports, "
                          "torch.cuda.is_available() is False, and everything runs on the CPU or the GPU start fails."),
                "fix": ("Reinstall the CUDA build into that Python: `python -m pip install --force-reinstall torch "
                        "torchvision --index-url https://download.pytorch.org/whl/cu128` (ComfyUI portable: "
                        "`.\\python_embeded\\python.exe -m pip ...`), and keep torch out of the next install: remove the "
                        "`torch` / `torchvision` lines from the node pack's requirements.txt before `pip install -r` (or "
                        "install it with a constraint: `python -m pip freeze | findstr torch > c.txt` then `python -m pip "
                        "install -r requirements.txt -c c.txt`; Linux: `grep torch`). uv project: run with the extra that "
                        "maps torch to the CUDA index each time (`uv run --extra cu128 ...`, `uv sync --extra cu128`), or "
                        "map torch to that index without an extra in `[tool.uv.sources]`. Check: `python -c \"import torch; "
                        "print(torch.__version__, torch.cuda.is_available())\"`"),
                "details": {"said": said}}
    if g.get("cpuinst"):
        # the user's words that an install put the CPU version in place of the CUDA / GPU one (`This command installs cpu
        # version instead of cuda`, `installs the CPU version of torchvision-0.27.0 instead of torchvision-0.26.0+cu128`):
        # about torch only where torch is named in those words or in the paste, and no other framework (TensorFlow's,
        # OpenVINO's CPU packages) is
        torch_seen = (g.get("instof") or g.get("insttorch")
                      or next((v for k in ("torch_named", "torch_cuda_build") for v in (near.get(k), ctx.get(k)) if v), ""))
        if not torch_seen or near.get("other_framework") or ctx.get("other_framework"):
            return None
        said = _SPACE.sub(" ", g.get("prose") or "CPU version")
        return {"title": f"The install put PyTorch's CPU-only build in place of the CUDA one (`{said}`): nothing runs on the GPU",
                "cause": ("The command resolved torch (or torchvision / torchaudio) to a build without CUDA: pip takes PyPI's "
                          "torch, which on Windows is the CPU-only build, whenever PyPI has a newer version than the CUDA index "
                          "named (or no CUDA index is named, or an unpinned package pulls torch in again); conda installs the "
                          "pytorch channel's `cpu_0` build when it has no build of that version for the asked cudatoolkit. "
                          "torch then imports, torch.cuda.is_available() is False, and everything runs on the CPU."),
                "fix": ("Reinstall the CUDA build into the same Python, torch and its companions together: `python -m pip "
                        "install --force-reinstall torch torchvision torchaudio --index-url https://download.pytorch.org/whl/cu128` "
                        "(an older torch: pin it with its label, `torch==2.4.1+cu121 ... --index-url "
                        "https://download.pytorch.org/whl/cu121`); install the package that pulled the CPU build with "
                        "`--no-deps`. conda: `conda list pytorch` shows a `cpu_0` or `cpu_` build; remove it and install the "
                        "pip CUDA wheel above, or a pytorch / pytorch-cuda pair the channel carries. Check: `python -c "
                        "\"import torch; print(torch.__version__, torch.cuda.is_available())\"`"),
                "details": {"said": said}}
    if g.get("envcpu"):
        # torch.utils.collect_env: `CUDA used to build PyTorch: Could not collect` is torch.version.cuda None (a CPU-only
        # build; ROCm's builds fill the next line, which must say N/A), and the same report names an NVIDIA driver
        # (or, where the report stops before the driver line, a CUDA toolkit on the machine: `CUDA runtime version:
        # 11.8.89` right after `Is CUDA available: False`, and no driver line saying there is none)
        drv = g.get("envdrv") or ""
        have = f"NVIDIA driver {drv} is installed" if drv else f"the machine has CUDA {g.get('envrt') or ''} installed"
        return {"title": (f"PyTorch is a CPU-only build (collect_env: `CUDA used to build PyTorch: Could not collect`) "
                          f"although {have}: nothing runs on the GPU"),
                "cause": ("torch.utils.collect_env prints `CUDA used to build PyTorch: Could not collect` when torch.version.cuda "
                          "is None: the installed torch is a CPU-only build (PyPI's Windows wheel, whose version has no "
                          "`+cuXXX` label, a conda `cpu` build, or a source build without CUDA), so `Is CUDA available: False` "
                          + (f"although the NVIDIA driver ({drv}) and its GPU are there. " if drv else "although CUDA is "
                             "installed on the machine. ") + "No CUDA toolkit install changes that: "
                          "the CUDA runtime comes inside the CUDA build of torch."),
                "details": ({"driver": drv} if drv else {"cuda_runtime": g.get("envrt") or ""}) | {"torch_cuda": "None (CPU-only build)"}}
    if g.get("cpuof") and not (near.get("nvidia_named") or ctx.get("nvidia_named") or near.get("gpu_torch_wanted")
                               or ctx.get("gpu_torch_wanted") or near.get("torch_cuda_build") or ctx.get("torch_cuda_build")):
        # `installed the CPU version of torch` alone is also what a user without an NVIDIA GPU does on purpose: claimed
        # only where the paste names an NVIDIA GPU or asks for (or had) the GPU / CUDA build
        return None
    if g.get("prose_w") and not g.get("prose"):  # the same words with the platform named after them
        g = {**g, "prose": g["prose_w"]}
    if g.get("prose"):
        # the user's own words: pip or uv installed the CPU build (PyPI's torch for Windows, and for aarch64 Linux
        # before the CUDA wheels went to PyPI, is CPU-only; a uv project whose index mapping skips this platform)
        return {"title": f"pip / uv installed PyTorch's CPU-only build (`{_SPACE.sub(' ', g['prose'])}`): nothing runs on the GPU",
                "cause": ("A plain `pip install torch` takes PyPI's torch, which for Windows (and for aarch64 Linux up to "
                          "torch 2.8) is the CPU-only build; uv does the same where the project maps torch to a CUDA "
                          "index only for some platforms (a `sys_platform == 'linux'` marker) or names no PyTorch index. "
                          "torch then imports, torch.cuda.is_available() is False, and everything runs on the CPU."),
                "details": {"said": _SPACE.sub(" ", g["prose"])},
                # the user's account of a CPU build beside pip finding no CUDA wheel for this Python: that refusal is
                # why the CPU build is there, and what to fix first (round 279's Python 3.14 on the cu118-cu124 indexes)
                "_after": "torch.pip-no-wheel"}
    if g.get("stated"):
        # a torch version with the +cpu tag stated as the installed one (ComfyUI's `pytorch version:` line, pip list,
        # diffusers-cli env, a user's own words): the CPU-only wheel, so the run is on the CPU
        ver = g["stated"]
        # a startup or pip line naming no NVIDIA GPU: a CPU-only machine prints it as information, unless the paste
        # says that torch has no CUDA (torch.cuda.is_available() False, torch.version.cuda None)
        board = _jetson(ctx)
        if (not g.get("said") and not g.get("saidq") and not (near.get("nvidia_named") or ctx.get("nvidia_named"))
                and not _fact(ctx, "cuda_off_said") and not board):
            return None
        if board:
            # round 406: a Jetson (a `-tegra` kernel, JetPack, L4T) has an NVIDIA GPU, and PyPI's aarch64 torch is
            # CPU-only (PyTorch's aarch64 CUDA wheels, on its own cuXXX indexes, are SBSA builds without the Jetson's
            # sm_87): the CUDA build it needs is NVIDIA's JetPack one, not the index the generic fix names
            return {"title": f"PyTorch is a CPU-only build ({ver}) on a Jetson{_jetson_label(board)}: nothing runs on its GPU",
                    "cause": (f"The installed torch is {ver}, the CPU-only wheel: a plain `pip install torch` (or a package "
                              "that pulls torch in) on a Jetson takes PyPI's aarch64 torch, which has no CUDA for the "
                              "Jetson's integrated GPU. torch.cuda.is_available() is False and everything runs on the CPU."),
                    "fix": ("Install NVIDIA's torch built for the board's JetPack into the same Python, torchvision with it: "
                            "`python -m pip install --force-reinstall torch torchvision --index-url "
                            "https://pypi.jetson-ai-lab.io/jp6/cu126` for JetPack 6 (`cat /etc/nv_tegra_release` shows the "
                            "L4T release: R36 is JetPack 6; a Jetson Thor on JetPack 7 takes "
                            "`--index-url https://pypi.jetson-ai-lab.io/sbsa/cu130`), then install the program's other "
                            "requirements with `--no-deps` or a constraint on torch so that they do not replace it. Check: "
                            "`python -c \"import torch; print(torch.__version__, torch.cuda.is_available())\"`"),
                    "details": {"torch": ver, "board": board}}
        return {"title": f"PyTorch is a CPU-only build ({ver}): nothing runs on the NVIDIA GPU",
                "cause": (f"The installed torch is {ver}, the CPU-only wheel (a plain `pip install torch` on Windows, or an "
                          "update or a node pack's requirements that replaced the CUDA wheel). Generation then runs on the "
                          "CPU, minutes per image instead of seconds, or ComfyUI refuses to start unless run with --cpu."),
                "details": {"torch": ver}}
    exe = _torch_env_exe(near.get("torch_env_python") or ctx.get("torch_env_python") or "")
    if exe:
        # the traceback's torch path names the environment that raised it (a client app's managed ComfyUI server:
        # Krita AI Diffusion's server\python, SwarmUI's dlbackend\comfy\python_embeded; a portable, venv or conda env):
        # the reinstall goes into that interpreter, which a plain `python` on PATH is not
        return {"fix": (f"Reinstall a CUDA build into the Python that raised it, {exe} (the environment of the torch in the "
                        f"traceback): `{exe} -m pip install --force-reinstall torch torchvision --index-url "
                        f"https://download.pytorch.org/whl/cu128`, then check with `{exe} -c \"import torch; "
                        f"print(torch.__version__, torch.cuda.is_available())\"` (a `+cu128` version and True). A plain "
                        "`python` or `pip` from the command line installs into another Python"),
                "details": {"python": exe}}
    return {}


_TORCH_ENV_ROOT = re.compile(r"(?P<root>.+?)[\\/]lib[\\/](?P<posix>python3\.\d{1,2}[\\/])?site-packages[\\/]torch[\\/]", re.I)
_WIN_VENV_NAMES = ("venv", ".venv", "env", ".env", "virtualenv")
_WIN_BASE_NAMES = ("python_embeded", "python_embedded", "python", "anaconda3", "miniconda3", "miniforge3", "mambaforge")


def _torch_env_exe(path: str) -> str:
    """The interpreter of the environment whose torch a traceback path shows (torch_env_python), or '' where the
    layout does not say it. Windows keeps packages in <env>\\Lib\\site-packages with the interpreter in <env> (an
    embedded or base Python, a conda env) or in <env>\\Scripts (a venv, read from its usual folder names); Linux in
    <env>/lib/python3.X/site-packages with it in <env>/bin. A user site (~/.local, AppData\\Roaming\\Python), the system
    /usr and a path with spaces (no command that runs as printed in every shell) give ''."""
    m = _TORCH_ENV_ROOT.match((path or "").strip().replace("\\\\", "\\"))
    if not m or " " in m.group("root"):
        return ""
    root = m.group("root").rstrip("\\/")
    if m.group("posix"):
        if not root.startswith("/") or root in ("/usr", "") or root.endswith("/.local"):
            return ""
        return root + "/bin/python"
    if "/" in root or not re.match(r"[A-Za-z]:\\", root):
        return ""
    parts = root.split("\\")
    name = parts[-1].lower()
    if name in _WIN_VENV_NAMES or name.endswith("venv"):
        return root + "\\Scripts\\python.exe"
    if (name in _WIN_BASE_NAMES or re.fullmatch(r"python3?\d{0,3}", name)
            or (len(parts) > 2 and parts[-2].lower() == "envs")):
        return root + "\\python.exe"
    return ""


@_interp("shared_pipeline")
def _shared_pipeline(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A diffusers pipeline shared by concurrent calls. The tokenizer's `Already borrowed` and the step index reset
    to None under a running step only happen when two calls overlap; an index one past the end of sigmas is also a
    scheduler's own last-step bug, so it is claimed only with a threaded web server or thread pool in the text."""
    if g.get("tok") or g.get("reset"):
        return {}
    idx, size = _int(g.get("idx")), _int(g.get("size"))
    if idx is None or size is None or idx != size:
        return None
    server = _near(ctx).get("threaded_server") or ctx.get("threaded_server")
    if not server:
        return None
    return {"details": {"index": str(idx), "steps": str(size), "server": server}}


_FORK_HOW = (
    (re.compile(r"gunicorn|--preload", re.I), "gunicorn forks its workers from the master process (with --preload the app and its model were loaded there first)"),
    (re.compile(r"celery|prefork", re.I), "Celery's prefork pool forks its worker processes from the main one"),
    (re.compile(r"notebook_launcher", re.I), "accelerate's notebook_launcher forks its processes from the notebook's kernel"),
    (re.compile(r"num_proc", re.I), "datasets' map(num_proc=N) forks its worker processes"),
    (re.compile(r"DataLoader|num_workers|_worker_loop", re.I), "the DataLoader's worker processes (num_workers > 0) are forked from the training process"),
    (re.compile(r"ProcessPoolExecutor|futures[\\/]process", re.I), "concurrent.futures' ProcessPoolExecutor forks its workers on Linux"),
)


@_interp("fork_after_init")
def _fork_after_init(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """CUDA in a forked child. PyTorch's own refusal names the fork; CUDA's bare `initialization error` and torch's
    `Error 304` warning also come from broken driver setups, so they are claimed only with a forking worker
    (DataLoader workers, multiprocessing, a Celery / gunicorn worker, a process pool) in the text. Not claimed on
    an AMD, Intel or Mac setup."""
    if _off_nvidia(ctx):
        return None
    seen = [v for v in (_near(ctx).get("fork_worker"), ctx.get("fork_worker")) if v]
    if not g.get("fork") and not seen:
        return None
    d: dict[str, str] = {}
    msg = next((g[k] for k in ("fork", "initerr", "e304", "thc") if g.get(k)), "")
    if msg:
        d["message"] = msg
    # the last fork word seen may be the message's own `multiprocessing`: a web server's word names the forker too
    named = seen + [v for v in (_near(ctx).get("threaded_server"), ctx.get("threaded_server")) if v]
    how = next((txt for pat, txt in _FORK_HOW if any(pat.search(v) for v in named)), "")
    if how:
        d["forked_by"] = how
    return {"details": d}


@_interp("ipc_producer")
def _ipc_producer(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The CUDA-IPC producer warning. After a pickling failure that killed spawned workers it is only a
    consequence of that error, which is the one to read: not claimed there. Not claimed on AMD / Intel / Mac."""
    if _off_nvidia(ctx) or ctx.get("pickle_fail") or _near(ctx).get("pickle_fail"):
        return None
    return {}


_CHILD_OWN_ERROR = re.compile(r"(?:OSError|ImportError|ModuleNotFoundError|MemoryError|(?:torch\.)?(?:cuda\.)?OutOfMemoryError)\b")


@_interp("spawn_main")
def _spawn_main(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A spawned child re-running the main script. The message is multiprocessing's own and any program's pool
    prints it, so it is claimed only where PyTorch, its DataLoader workers or diffusers are in the text."""
    near = _near(ctx)
    torch_sign = next((v for k in ("torch_workers", "torch_path", "torch_named")
                       for v in (near.get(k), ctx.get(k)) if v), "")
    if not torch_sign:
        return None
    # the child's frame alone, its traceback ending in an error of its own (an import that failed, WinError 1455 on a
    # torch DLL, memory): the child re-ran the script and died there; that error is the one to read, not the guard
    if not g.get("boot") and _CHILD_OWN_ERROR.match(g.get("childerr") or ""):
        return None
    return {"details": {"seen": torch_sign}}


@_interp("server_unreachable")
def _server_unreachable(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A client refused at ComfyUI's address. Port 8000 is ComfyUI Desktop's, and also many other servers': there
    only a ComfyUI endpoint in the URL says the client was calling ComfyUI."""
    url = g.get("url") or ""
    if g.get("port") == "8000" and not re.match(r"/(?:api/)?(?:prompt|object_info|history|upload/image|system_stats|view\?)", url):
        return None
    host = g.get("host") or ""
    d = {k: v for k, v in (("address", f"{host}:{g['port']}" if host and g.get("port") else host),
                           ("endpoint", url), ("script", g.get("script") or "")) if v}
    return {"details": d}


_COMFY_NEAR = ("comfy_reqs", "comfy_place", "custom_node", "comfy_manager", "comfyui_version")


def _comfy_near(ctx: dict[str, Any]) -> str:
    """A sign of ComfyUI shortly before the hit or in its window: one of its own frames or places, the Manager's tag,
    its version line; '' when the text shows none."""
    near = _near(ctx)
    return next((near[k] for k in _COMFY_NEAR if near.get(k)), "")


@_interp("proactor_loop")
def _proactor_loop(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """windows.proactor-event-loop: asyncio's Proactor loop on Windows. Any Python server prints the same lines, so
    another program named near them (text-generation-webui, a uvicorn app, a web UI) keeps it theirs."""
    near = _near(ctx)
    if near.get("other_async_app") or near.get("other_webui") or near.get("other_imagegen_app"):
        return None
    if g.get("overlapped"):
        sig = cat.by_id("windows.proactor-event-loop")
        return {"title": "Windows' Proactor event loop failed on an overlapped operation still pending "
                         "(`Overlapped object ... still has pending operation at deallocation`): switch ComfyUI to the selector loop",
                "cause": ("On Windows, Python's asyncio uses the Proactor event loop by default, and ComfyUI's server runs on it. "
                          "An overlapped socket operation was still pending when its object was freed: a node pack that runs its "
                          "own event loop or closes one early (ComfyUI-Manager's startup fetches in older releases) leaves the "
                          "Proactor loop with I/O it no longer owns, and Python warns that the process may crash; ComfyUI can "
                          "stop at launch."),
                "fix": sig.fix.replace("If ComfyUI keeps working, the message is harmless and can be ignored. To silence it, ",  # type: ignore[union-attr]
                                       "Update ComfyUI-Manager and the other node packs first; then "),
                "details": {"message": g["overlapped"]}}
    d = {"error": f"WinError {g['winerr']}"} if g.get("winerr") else {}
    return {"details": d}


def _comfy_extra_failed(g: dict[str, str], ctx: dict[str, Any]) -> dict[str, Any] | None:
    """python.module-missing from ComfyUI's own warning that a built-in node file (comfy_extras/nodes_X.py) did not
    import: a package of its requirements.txt is not in the Python that runs it. nodes_glsl.py fails on system graphics
    libraries (comfyui.glsl-system-libs-missing), not on pip: not claimed; the caller already left AMD / Intel / Mac."""
    extra = g.get("extra") or ""
    if extra.lower() == "nodes_glsl.py":
        return None
    return {"title": f"A built-in ComfyUI node file ({extra}) did not import: a package from ComfyUI's requirements.txt is missing",
            "cause": ("ComfyUI imports its built-in nodes (comfy_extras) at start and lists each file that fails. Such a "
                      "failure after an update is a package that ComfyUI's requirements.txt added (av for the video nodes, "
                      "kornia, spandrel, torchsde, ...) and that the Python running ComfyUI does not have: the code was "
                      "updated without reinstalling the requirements, or they went into another Python."),
            "fix": ("Reinstall ComfyUI's requirements with the Python that runs it: `python -m pip install -r requirements.txt` "
                    "in the ComfyUI folder (portable: `python_embeded\\python.exe -m pip install -r ComfyUI\\requirements.txt`, "
                    "or update\\update_comfyui.bat; a notebook: `%pip install -r requirements.txt` in the ComfyUI folder), then "
                    "restart ComfyUI; the traceback above the warning names the missing module"),
            "severity": "warn",  # ComfyUI still starts without those nodes: a fault later in the log comes first
            "details": {"file": f"comfy_extras/{extra}"}}


@_interp("comfy_db_revision")
def _comfy_db_revision(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """comfyui.database-revision-unknown: alembic cannot find the revision stamped in ComfyUI's database. ComfyUI's own
    `Error upgrading database:` / `Failed to initialize database` lines are claimed; alembic's bare exception line only
    with ComfyUI named near it (pgAdmin's, Airflow's, a web app's migrations print the same)."""
    if g.get("bare") and not (_comfy_near(ctx) or _comfy_named_near(_near(ctx))):
        return None
    return {"details": {"database revision": g["rev"]} if g.get("rev") else {}}


@_interp("pydantic_core_mismatch")
def _pydantic_core_mismatch(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """python.pydantic-core-mismatch: pydantic's import check. Any Python program prints it, so it is claimed only with
    ComfyUI named near it (its folders, python_embeded, a node pack, the Manager)."""
    if not (_comfy_near(ctx) or _comfy_named_near(_near(ctx))):
        return None
    return {"details": {"pydantic-core installed": g.get("core") or "", "pydantic needs pydantic-core": g.get("need") or ""}}


@_interp("aiohttp_host_port")
def _aiohttp_host_port(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """comfyui.aiohttp-too-old: yarl refusing `host:port` as a host name under an old aiohttp. Claimed on ComfyUI's
    port or with ComfyUI in the text; another aiohttp server (Home Assistant's 8123, an app's 8080) is its own."""
    near = _near(ctx)
    if near.get("other_async_app") or near.get("other_webui"):
        return None
    if g.get("port") != "8188" and not _comfy_near(ctx):
        return None
    return {"details": {"host header": f"{g.get('host')}:{g.get('port')}"}}


@_interp("port_forbidden")
def _port_forbidden(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """comfyui.port-forbidden: Windows refusing ComfyUI's bind with WSAEACCES (Errno 13 / 10013). The patterns hold it
    to ComfyUI's port or ComfyUI's own frames; a paste naming another server app or web UI keeps it theirs."""
    near = _near(ctx)
    if near.get("other_async_app") or near.get("other_webui") or ctx.get("other_async_app"):
        return None
    return {"details": {"address": f"{g.get('addr')}:{g.get('port')}", "error": f"WSAEACCES ({g.get('code')})"}}


# what shows that a failed git belongs to ComfyUI's install: an installer's or launcher's own line, ComfyUI's places,
# updater, repository, Manager, comfy-cli, version line or launch line
_GIT_STACK_SIGNS = ("stack_installer", "comfy_place", "comfy_updater", "comfy_repo", "comfy_manager", "comfy_cli_code",
                    "comfy_cli_entry", "comfy_portable_words", "comfy_reqs", "comfyui_version", "comfy_launch_line")


@_interp("git_missing")
def _git_missing(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """git.not-found / git.https-helper-missing: the installer's git cannot run (not on PATH) or cannot clone over
    https (no git-remote-https), claimed where the paste shows ComfyUI's install (_GIT_STACK_SIGNS). Another web UI's or
    server app's installer (AUTOMATIC1111's webui-user.bat, Forge, Fooocus), or an AMD / Intel / Mac setup, keeps it
    theirs."""
    near = _near(ctx)
    if _off_nvidia(ctx) or any(near.get(k) or ctx.get(k) for k in ("other_webui", "other_imagegen_app", "other_async_app")):
        return None
    if not any(_fact(ctx, k) for k in _GIT_STACK_SIGNS):
        return None  # a bare `git: command not found` with nothing of ComfyUI or its installers in the paste: any program's
    d = {"program": g["cmd"]} if g.get("cmd") else {"helper": f"git-remote-{g['helper'].replace('remote-', '')}"}
    return {"details": d}


@_interp("route_conflict")
def _route_conflict(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """comfyui.node-route-conflict: aiohttp's duplicate-route refusal, claimed only inside ComfyUI's startup."""
    if not _comfy_near(ctx):
        return None
    m = g.get("method")
    out: dict[str, Any] = {"details": {"method": m} if m else {}}
    if m:
        out["title"] = f"ComfyUI's server does not start: a custom node registers a {m} route that is already registered"
    return out


@_interp("node_asyncio_run")
def _node_asyncio_run(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """comfyui.node-asyncio-run: a second event loop asked for inside ComfyUI's running one. The bare message is any
    program's (Jupyter's, a script's), so it is claimed only in a ComfyUI node run or beside ComfyUI's own frames."""
    near = _near(ctx)
    if near.get("other_async_app"):
        return None
    if not (_comfy_node_run(near) or near.get("custom_node") or near.get("comfy_reqs")):
        return None
    return {"details": {"error": g.get("what") or ""}}


@_interp("comfy_importable")
def _comfy_importable(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI's own modules not importable; comfy-cli's `comfy` command failing on its own package is its install."""
    if _near(ctx).get("comfy_cli_entry") and g.get("module") == "comfy":
        return None
    if g.get("script"):
        return {"title": f"A script that runs ComfyUI in-process cannot import ComfyUI's `{g.get('module')}`: it runs outside the ComfyUI folder",
                "details": {"module": g.get("module") or "", "import": g["script"].strip()}}
    return {}


_SITE_DIR = re.compile(r"site-packages|dist-packages|[\\/]lib[\\/]python\d|python_embeded", re.I)


@_interp("local_shadow")
def _local_shadow(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """python.local-module-shadows-package: the headline names the file that hides the package when the text shows
    it (a traceback frame of a `diffusers.py` / `torch/__init__.py` outside site-packages, a user file named like a
    standard module in the middle of the package's import, or the location after a partially initialized module);
    a bare `partially initialized module` line says what Python saw and where to look."""
    if _near(ctx).get("frozen_app"):
        return None  # a PyInstaller app's frames name its bundled modules by relative paths (`transformers\\__init__.py`)
    pkg = g.get("pkg") or "the package"
    path = (g.get("path") or "").strip()
    mod = g.get("mod")
    loc = (g.get("loc") or "").strip()
    fix = cat.by_id("python.local-module-shadows-package").fix  # type: ignore[union-attr]
    if g.get("tattr"):
        # `module 'triton' has no attribute 'jit'`: every Triton release has triton.jit, so what Python imported as
        # `triton` is a folder of that name (a triton / triton-windows source checkout on the path, a leftover of an
        # uninstall), not the package (triton-windows#68: a checkout built inside the Python folder)
        return {"title": f"`import triton` found a folder named triton, not the Triton package (it has no `triton.{g['tattr']}`)",
                "fix": ("See which folder Python takes, with the Python that runs ComfyUI or your script: `python -c \"import "
                        "triton; print(triton.__path__)\"` (ComfyUI portable: `python_embeded\\python.exe -c ...`). A path "
                        "that is not `...\\site-packages\\triton` is the culprit: move that folder (a triton or "
                        "triton-windows source checkout, e.g. one cloned into the Python folder) elsewhere, e.g. `C:\\triton`, "
                        "and rebuild from there (`python -m pip install --no-build-isolation -e python`), or start from "
                        "another folder. A `site-packages\\triton` folder left half-empty by an uninstall: reinstall it, "
                        "`python -m pip install --force-reinstall \"triton-windows<3.5\"` for torch 2.8 (`<3.6` for 2.9; "
                        "Linux: the `triton` your torch pins)"),
                "details": {"package": "triton", "missing": g["tattr"]}}
    if pkg in ("torch", "diffusers", "transformers", "tokenizers", "safetensors", "huggingface_hub", "accelerate", "peft"):
        fix = fix.replace("import diffusers, sys; print(diffusers.__file__)", f"import {pkg}, sys; print({pkg}.__file__)")
        fix = fix.replace("-U diffusers`", f"-U {pkg}`")
    if mod and path:
        return {"title": f"Your file {path} is named like Python's own `{mod}` module: {pkg}'s import takes it instead "
                         "and stops half-way",
                "fix": fix, "details": {"package": pkg, "shadowing_file": path, "module": mod}}
    if not path and loc and not _SITE_DIR.search(loc) and re.search(r"\.py$|[\\/]__init__\.py$", loc):
        path = loc
    if path and not _SITE_DIR.search(path):
        where = ("a folder named `" + pkg + "` in the folder Python was started in" if not re.search(r"^[\\/]|^[A-Za-z]:", path)
                 and "__init__" in path else path)
        return {"title": f"Python imports {where} instead of the installed `{pkg}` package",
                "fix": fix, "details": {"package": pkg, "shadowing_file": path}}
    name = g.get("name")
    what = f" (`{name}` was not there yet)" if name else ""
    return {"title": f"`{pkg}` was imported again while its own import was still running{what}: most likely a file "
                     f"or folder of yours named `{pkg}` (or like a module it imports) comes first on the import path",
            "fix": fix, "details": {"package": pkg, **({"name": name} if name else {})}}


@_interp("lora_unpack")
def _lora_unpack(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """load_lora_weights unpacking lora_state_dict's return values: the headline quotes the counts as read."""
    exp, got, lhs = g.get("exp"), g.get("got"), (g.get("lhs") or "").strip()
    if not exp:
        return {}
    said = f"expected {exp}, got {got}" if got else f"expected {exp}"
    return {"title": (f"diffusers' load_lora_weights expected {exp} values from its own lora_state_dict ({said}): a "
                      "development build or a mix of two diffusers versions, not the LoRA file"),
            "details": {"unpacked": lhs, "expected": exp, **({"got": got} if got else {})}}


@_interp("lora_format")
def _lora_format(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A FLUX.2 LoRA layout diffusers did not convert; LoKr factors (lokr_w1 / lokr_w2) left over are an adapter type
    diffusers loads for FLUX.2 only from 0.42 on, which the headline and fix say."""
    if g.get("model") and _comfy_node_run(_near(ctx)):
        return None  # a KeyError named beside a FLUX.2 LoRA in a ComfyUI node run: ComfyUI's loader, not diffusers'
    key = g.get("lokr") or _near(ctx).get("lokr_key")  # the traceback's frame hit sees the key list below it
    if not key:
        return {}
    return {"title": "This LoKr adapter (lokr_w1 / lokr_w2 keys) was not converted: diffusers loads FLUX.2 LoKr adapters only from 0.42 on",
            "cause": ("The file is a LoKr (LyCORIS' Kronecker-product adapter: per layer lokr_w1, lokr_w2 and alpha, as "
                      "ai-toolkit, SimpleTuner or LyCORIS save them for FLUX.2 [klein] / [dev]), not a LoRA. diffusers before "
                      "0.42 converts only LoRA layouts (lora_A / lora_B, lora_down / lora_up) for the FLUX.2 transformer, so "
                      "every LoKr key is left over and load_lora_weights stops with `original_state_dict should be empty`. "
                      "The model and the adapter file are fine."),
            "fix": ("Upgrade diffusers, with peft, in the Python that runs Klein: `python -m pip install -U \"diffusers>=0.42\" "
                    "peft` (diffusers 0.42 loads FLUX.2 LoKr adapters through peft's LoKr support), then load it as before with "
                    "`pipe.load_lora_weights(...)`; where diffusers cannot be upgraded, load the file in ComfyUI "
                    "(LoraLoaderModelOnly), which reads LoKr directly, or export the adapter from the trainer as a plain LoRA"),
            "details": {"adapter": "LoKr", "key": key}}


def _pair(g: dict[str, str], a: str, b: str) -> tuple[int, int] | None:
    """Two sizes a match read either as `(1920, 1080)` (groups a, b) or as `1920x1080` (groups a2, b2)."""
    x, y = g.get(a) or g.get(a + "2"), g.get(b) or g.get(b + "2")
    return (int(x), int(y)) if x and y else None


@_interp("size16")
def _size16(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """diffusers' FLUX / FLUX.2 pipelines floor each side to a multiple of 16 (vae_scale_factor x 2): claimed from
    their warning, or from a user's words that such a pipeline turned one size into the floored one (the numbers must
    be that floor, else another cause cut the image). The headline quotes the sizes as read; AMD, Intel and Mac setups
    are left alone."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("h") and g.get("w"):
        step = _int(g.get("step")) or 16
        h, w = int(g["h"]), int(g["w"])
        if step < 2 or (h % step == 0 and w % step == 0):
            return None
        hh, ww = h // step * step, w // step * step
        up_h, up_w = -(-h // step) * step, -(-w // step) * step
        return {"title": (f"diffusers will generate {ww}x{hh}, not {w}x{h}: height and width are floored to multiples of "
                          f"{step} (FLUX packs the latent in 2x2 patches)"),
                "fix": (f"Ask for multiples of {step}: `pipe(prompt, width={up_w}, height={up_h})` (or width={ww}, "
                        f"height={hh}), then crop or resize the result to {w}x{h} if you need that exact size "
                        f"(`image.resize(({w}, {h}))`)"),
                "details": {"requested": f"{w}x{h}", "generated": f"{ww}x{hh}", "step": str(step)}}
    ab, cd = _pair(g, "a", "b"), _pair(g, "c", "d")
    if not ab or not cd:
        return None
    floored = (ab[0] // 16 * 16, ab[1] // 16 * 16)
    if cd != floored or cd == ab:
        return None  # not the multiple-of-16 floor: another resize (a node's, an app's) made it
    a, b = ab
    c, d = cd
    pipe = g.get("pipe") or "the FLUX pipeline"
    return {"title": f"{pipe} turned {a}x{b} into {c}x{d}: diffusers floors each side to a multiple of 16",
            "fix": (f"Ask for multiples of 16 ({-(-a // 16) * 16}x{-(-b // 16) * 16} or {c}x{d}) and crop or resize the "
                    f"result to {a}x{b} afterwards if you need that exact size (`image.resize(({a}, {b}))` for a "
                    "width-first pair)"),
            "details": {"requested": f"{a}x{b}", "generated": f"{c}x{d}", "pipeline": pipe}}


@_interp("flux2_ref")
def _flux2_ref(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A user's words (or the pasted code line) that diffusers' FLUX.2 pipeline shrinks reference images to 1024*1024
    pixels, in a paste that names diffusers or its FLUX.2 classes (another program's own default size is not this);
    the headline quotes the size as read. AMD, Intel and Mac setups are left alone."""
    if _off_nvidia_anywhere(ctx) or not (g.get("code") or _fact(ctx, "diffusers_named")):
        return None
    cap = _SPACE.sub("", g.get("cap") or "1024*1024")
    what = f"above {cap} pixels to about 1 MP" if cap[:4] == "1024" else "larger than 1 MP down to about 1 MP"
    return {"title": f"diffusers' FLUX.2 pipeline shrinks reference images {what} (and crops them to multiples of 16)",
            "details": {"cap": cap}}


@_interp("flux2_latents")
def _flux2_latents(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The FLUX.2 latents layout named in a user's words or code: claimed as it stands, except on AMD, Intel or Mac
    setups."""
    return None if _off_nvidia_anywhere(ctx) else {}


_FLUX2_KW_FIX = {
    "strength": ("an img2img strength: FLUX.2's `image=` is reference conditioning, not a starting image",
                 "Drop `strength=`; keep `image=` as the reference and describe the change in `prompt`, or, to repaint "
                 "part of an image with a strength, use `Flux2KleinInpaintPipeline` (`image=`, `mask_image=`, "
                 "`strength=`)"),
    "mask_image": ("a mask: only Flux2KleinInpaintPipeline takes one",
                   "Load `Flux2KleinInpaintPipeline` (same repo) for masked edits and pass `image=`, `mask_image=` and "
                   "`strength=` there, or drop `mask_image=`"),
    "negative_prompt": ("a negative prompt: FLUX.2 [dev] has none (guidance-distilled) and Klein takes only "
                        "`negative_prompt_embeds`",
                        "Drop `negative_prompt=` (or update the node pack / app that passes it); on a Klein base model "
                        "encode it yourself: `neg, _ = pipe.encode_prompt(prompt=\"blurry, low quality\")` then "
                        "`pipe(prompt, negative_prompt_embeds=neg, guidance_scale=4.0)`"),
    "true_cfg_scale": ("FLUX.1's true-CFG knob",
                       "Drop `true_cfg_scale=`: Klein base models do real CFG with `guidance_scale` (about 4), the "
                       "distilled Klein and FLUX.2 [dev] take `guidance_scale` only"),
    "joint_attention_kwargs": ("FLUX.1's name for the attention options",
                               "Rename it: `attention_kwargs=` (e.g. `attention_kwargs={\"scale\": 0.8}` for a LoRA)"),
    "prompt_2": ("a second (T5) prompt: FLUX.2 has one text encoder", "Drop `prompt_2=` and put all the text in `prompt`"),
}


@_interp("flux2_kwarg")
def _flux2_kwarg(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A FLUX.2 pipeline refusing a keyword that no release of it takes (the pattern lists them): the headline names
    the pipeline and the argument, the fix is the one for that argument. AMD, Intel and Mac setups are left alone."""
    if _off_nvidia_anywhere(ctx):
        return None
    pipe, kw = g.get("pipe") or "Flux2Pipeline", g.get("kw") or ""
    base = {"negative_prompt_2": "negative_prompt", "negative_prompt_embeds": "negative_prompt",
            "masked_image_latents": "mask_image"}.get(kw, kw)
    if "pooled" in kw:
        what, fix = ("pooled text embeddings: FLUX.2 has one text encoder and no pooled embeddings",
                     "Drop the pooled embeddings and pass only `prompt_embeds=` (from `pipe.encode_prompt(prompt=...)`)")
    elif kw.startswith("control") or "ip_adapter" in kw:
        what, fix = ("a ControlNet / IP-Adapter input: the FLUX.2 pipelines have none",
                     "Drop it; give reference images as `image=[...]` (Klein takes several) and describe their use in "
                     "`prompt`")
    elif kw == "negative_prompt_embeds" and pipe in ("Flux2KleinPipeline", "Flux2KleinInpaintPipeline"):
        return None  # these take it: a refusal there is an older diffusers, not this
    elif base == "negative_prompt" and pipe == "Flux2KleinKVPipeline":
        what, fix = ("a negative prompt: the KV-cached Klein pipeline runs the distilled model without CFG",
                     "Drop the negative; for a negative prompt load the base Klein model with `Flux2KleinPipeline` and "
                     "pass `negative_prompt_embeds=` with `guidance_scale` about 4")
    else:
        what, fix = _FLUX2_KW_FIX.get(base, ("an argument of other diffusers pipelines",
                                             "Drop the argument: `inspect.signature(pipe.__call__)` lists what this "
                                             "pipeline takes"))
    return {"title": f"{pipe} does not take `{kw}`: {what}", "fix": fix, "details": {"pipeline": pipe, "argument": kw}}


def _slow_run(ctx: dict[str, Any]) -> str:
    """The paste shows a slow run: a progress bar at 3 s/it or more, or the user's own word that it is slow."""
    rate = _num(_fact(ctx, "step_rate"))
    if rate is not None and rate >= 3.0:
        return f"{_fact(ctx, 'step_rate')} s/it"
    # a bar whose rate is cut off or missing: its elapsed time over the steps done (three or more: no warm-up step)
    m = re.fullmatch(r"(\d{1,5})/\d{1,5} \[(?:(\d{1,2}):)?(\d{1,2}):(\d{2})", _fact(ctx, "step_elapsed"))
    if m and rate is None and int(m.group(1)) >= 3:
        secs = int(m.group(2) or 0) * 3600 + int(m.group(3)) * 60 + int(m.group(4))
        if secs / int(m.group(1)) >= 3.0:
            return f"about {secs / int(m.group(1)):.1f} s/it: {m.group(1)} steps in {secs // 60} min {secs % 60} s"
    return _fact(ctx, "slow_words")


def _mb(v: str | None) -> str:
    """A MB figure as the log printed it, cut (not rounded) to two decimals."""
    v = v or ""
    return v[:v.index(".") + 3].rstrip(".") if "." in v else v


@_interp("lowvram_mode")
def _lowvram_mode(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """ComfyUI's low-VRAM path: its automatic switch on a card of 4 GB or less is claimed as it stands; a forced state,
    a `loaded partially` or an older `loading in lowvram mode` line only beside a slow run (a partial load is how
    ComfyUI fits a model, no error by itself). Forge's and Fooocus's copies of these lines, and other vendors, are not."""
    if _off_nvidia(ctx) or _fact(ctx, "sd_ui_fork") or _fact(ctx, "other_framework"):
        return None
    vram = _fact(ctx, "vram_mb")
    state = g.get("state") or _fact(ctx, "vram_state")
    small = (_int(vram) or 10 ** 6) <= 4200
    auto_title = ("ComfyUI switched itself to low-VRAM mode: the GPU has 4 GB or less"
                  + (f" (Total VRAM {vram} MB)" if vram else "") + ", so weights stream to it every step")
    d: dict[str, Any] = {k: v for k, v in (("total_vram_mb", vram), ("vram_state", state)) if v}
    if g.get("auto"):
        return {"title": auto_title, "details": d}
    slow = _slow_run(ctx)
    said = "" if slow else _fact(ctx, "lowvram_said")
    if not slow and not said:
        return None
    if said:
        # no slow bar or word, but the writer's complaint is the mode itself (`I keep getting pushed into low vram mode`)
        # beside ComfyUI's own low-VRAM load line: the model does not fit the free VRAM and streams from RAM
        slow = f"the report: {said.strip()}"
    d["slow"] = slow
    if g.get("state"):
        if small and g["state"] == "LOW_VRAM":
            return {"title": auto_title, "details": d}
        return {"title": (f"ComfyUI runs in low-VRAM mode ({g['state']}: --lowvram / --novram on the launch line), so "
                          f"weights stream to the GPU every step ({slow})"), "details": d}
    if g.get("mb"):
        d["gpu_mb"] = _mb(g["mb"])
        return {"title": (f"ComfyUI loaded the model in low-VRAM mode ({_mb(g['mb'])} MB of it on the GPU): the rest "
                          f"streams from RAM every step ({slow})"), "details": d}
    d.update({"usable_mb": _mb(g.get("usable")), "loaded_mb": _mb(g.get("loaded"))})
    return {"title": (f"The model did not fit in free VRAM: ComfyUI loaded it partially ({_mb(g.get('loaded'))} MB on the "
                      f"GPU, {_mb(g.get('usable'))} MB usable) and streams the rest every step ({slow})"), "details": d}


@_interp("clip_device_cpu")
def _clip_device_cpu(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The text encoder placed on the CPU: not claimed in ComfyUI's CPU mode (everything runs there on purpose) or on
    another vendor's setup; in a low-VRAM state that state is the reason, which the headline says."""
    state = _fact(ctx, "vram_state")
    if _fact(ctx, "comfy_cpu_mode") or state == "DISABLED" or _off_nvidia(ctx):
        return None
    d = {k: v for k, v in (("dtype", g.get("dtype")), ("vram_state", state)) if v}
    if state in ("LOW_VRAM", "NO_VRAM"):
        return {"title": (f"ComfyUI keeps the text encoder on the CPU because it runs in low-VRAM mode ({state}): every "
                          "new prompt is encoded by the CPU (slow)"), "details": d}
    return {"details": d}


@_interp("sysmem_fallback")
def _sysmem_fallback(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The Windows NVIDIA driver's system-memory fallback, named or described: not on an AMD, Intel or Mac setup
    (their shared memory is another mechanism) or in an LLM runner's report."""
    if _off_nvidia(ctx) or _fact(ctx, "other_framework"):
        return None
    if g.get("idle_full"):
        # the writer's words that the GPU sits near 0 % while its VRAM is full (`GPU利用率一直都是 0   显存倒是跑满了`): what
        # the Windows driver's fallback looks like from Task Manager when the model does not fit; claimed only on a
        # Windows / NVIDIA setup (Linux and WSL2 run out of memory instead), never beside an LLM runner
        if _off_nvidia_anywhere(ctx) or _fact(ctx, "wsl") or _fact(ctx, "llm_server") or _fact(ctx, "ggml_cuda"):
            return None
        slow = _slow_run(ctx)
        if not slow:
            return None  # the idle GPU alone (a CPU-bound step, a paused queue) is not the fallback: a slow run must show
        return {"title": ("The GPU sits near 0 % while its VRAM is full and the run is slow: the model does not fit, "
                          f"and the Windows driver runs it from shared GPU memory (CUDA Sysmem Fallback; {slow})"),
                "details": {"said": g["idle_full"].strip()[:80], "slow": slow}}
    return {"details": {"said": g.get("policy") or g.get("shared") or ""}}


def describe(hit: Hit | dict[str, Any], cat: Catalog | None = None, ctx: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """The user-facing explanation of one hit: the manifest's words, sharpened by the numbers it carried and
    the context near it. Takes a Hit or its stored dict (facts), so the log check explains exactly as
    `explain` does. None when the hit turns out not to be an error of the Klein stack."""
    cat = cat or catalog()
    h = hit.to_dict() if isinstance(hit, Hit) else dict(hit)
    sig = cat.by_id(str(h.get("id")))
    if sig is None:
        return None
    groups = h.get("groups") if isinstance(h.get("groups"), dict) else {}
    c = dict(ctx or {})
    near = h.get("near") if isinstance(h.get("near"), dict) else {}
    c["near"] = {str(k): str(v) for k, v in near.items() if isinstance(v, (str, int, float))}
    extra: dict[str, Any] = {}
    fn = _INTERP.get(sig.interpret or "")
    if fn is not None:
        got = fn({str(k): str(v) for k, v in groups.items()}, cat, c)
        if got is None:
            return None
        extra = dict(got)
    if not extra.get("as"):
        for rule in sig.hand_over:
            said = _fact(c, rule["fact"])
            if said:
                extra = {"as": rule["to"], "details": {rule["fact"]: said[:60]}}
                break
    if extra.get("as") and cat.by_id(extra["as"]):
        sig = cat.by_id(extra.pop("as"))  # type: ignore[assignment]
        extra = {k: v for k, v in extra.items() if k in ("details", "cause", "fix")}
        sub = _INTERP.get(sig.interpret or "")  # type: ignore[union-attr]
        if sub is not None and sub is not fn:
            more = sub({str(k): str(v) for k, v in groups.items()}, cat, c) or {}
            more.pop("as", None)
            extra = {**more, **extra, "details": {**(more.get("details") or {}), **(extra.get("details") or {})}}
    out: dict[str, Any] = {"id": sig.id, "title": sig.title, "cause": sig.cause, "fix": sig.fix, "check": sig.check,  # type: ignore[union-attr]
                           "confirm": f"klein-doctor check --check {sig.check}", "severity": sig.severity,  # type: ignore[union-attr]
                           "source": sig.source, "excerpt": str(h.get("excerpt") or "")[:EXCERPT],  # type: ignore[union-attr]
                           "line": _int(h.get("line")), "last_line": _int(h.get("last_line")),
                           "count": _int(h.get("count")) or 1, "details": {}}
    keyed = [groups.get(k) for k in sig.key if groups.get(k)]  # type: ignore[union-attr]
    if keyed and not sig.interpret:  # type: ignore[union-attr]
        out["title"] = f"{sig.title}: {', '.join(str(v) for v in keyed)}"  # type: ignore[union-attr]
    out.update({k: v for k, v in extra.items() if v is not None and k != "as"})
    out["_offset"] = _int(h.get("offset")) or 0
    return out


def explain_scanner(sc: Scanner, vram_gb: float | None = None) -> list[dict[str, Any]]:
    return explain_hits(list(sc.hits.values()), sc.cat, dict(sc.context), vram_gb)


def explain_hits(hits: Iterable[Hit | dict[str, Any]], cat: Catalog | None = None, context: dict[str, Any] | None = None,
                 vram_gb: float | None = None) -> list[dict[str, Any]]:
    """Matches (best first) for a scan's hits: interpreted, superseded ones removed, same causes merged."""
    cat = cat or catalog()
    ctx: dict[str, Any] = dict(context or {})
    if vram_gb:
        ctx["vram_gb"] = vram_gb
    matches = [m for m in (describe(h, cat, ctx) for h in hits) if m is not None]
    ids = {m["id"] for m in matches}
    superseded = {s for i in ids for s in (cat.by_id(i).supersedes if cat.by_id(i) else [])}  # type: ignore[union-attr]
    keep = []
    for m in matches:
        if m["id"] in superseded:
            continue
        near = [o for o in matches if m["id"] in (cat.by_id(o["id"]).supersedes_near if cat.by_id(o["id"]) else [])  # type: ignore[union-attr]
                and abs(int(o["_offset"]) - int(m["_offset"])) <= SUPERSEDE_NEAR]
        if near:
            continue
        keep.append(m)
    # the same cause reached twice for one error (a reclassified hit beside its own signature's hit, a cause
    # seen by two of its needles) is one match: same id and title, within a few KB of each other
    out: list[dict[str, Any]] = []
    for m in sorted(keep, key=lambda m: int(m["_offset"])):
        twin = next((o for o in out if o["id"] == m["id"] and o["title"] == m["title"]
                     and abs(int(o["_offset"]) - int(m["_offset"])) <= SUPERSEDE_NEAR), None)
        if twin is None:
            out.append(m)
        elif len(m.get("details") or {}) > len(twin.get("details") or {}):
            twin["details"] = m["details"]
    sev = {"fail": 0, "warn": 1, "info": 2}
    out.sort(key=lambda m: (sev.get(m["severity"], 3), int(m["_offset"])))
    # a match that is the symptom of another one present (its "_after") goes right after that cause
    for m in [m for m in out if m.get("_after")]:
        wants = m["_after"] if isinstance(m["_after"], (list, tuple)) else (m["_after"],)
        cause = next((o for o in out if o["id"] in wants), None)
        if cause is not None:
            out.remove(m)
            out.insert(out.index(cause) + 1, m)
    for m in out:
        m.pop("_offset", None)
        m.pop("_after", None)
    return out


def explain_text(text: str | bytes, vram_gb: float | None = None) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Library entry point: matches (best first) and the context facts the text stated."""
    data = text.encode("utf-8", "replace") if isinstance(text, str) else text
    sc = scan_bytes(data)
    return explain_scanner(sc, vram_gb), dict(sc.context)


def match_text(text: str | bytes, vram_gb: float | None = None) -> list[Match]:
    """Map a failure text (an exception message, a traceback, a log excerpt) to known causes, best first.
    An empty list means no known Klein-stack error is in it. Used by `explain` and by the smoke check."""
    fields = set(Match.__dataclass_fields__)
    return [Match(**{k: v for k, v in m.items() if k in fields}) for m in explain_text(text, vram_gb)[0]]


def explain_file(path: str | Path, vram_gb: float | None = None, tail: int | None = None) -> tuple[list[dict[str, Any]], dict[str, str], int]:
    """Scan a log file in bounded memory; ``tail`` bytes from the end only, when given."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path} is a folder, not a log file")
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):  # a FIFO or a device would block or never end
            raise InputError(f"{path} is not a regular file (a pipe, socket or device); pipe it on stdin instead")
        size = st.st_size
        with open(p, "rb") as fh:
            if tail is not None and size > tail:
                fh.seek(size - tail)
                fh.readline()  # drop the partial first line
            if tail is None and size <= PASTE_LIMIT:
                sc = scan_bytes(fh.read())
            else:
                sc = scan_stream(read_blocks(fh), count_lines=tail is None or size <= tail)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return explain_scanner(sc, vram_gb), dict(sc.context), sc.bytes


# ---------------------------------------------------------------------------------------------------
# The command

def _read_stdin() -> tuple[Scanner | None, int]:
    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
    if stream is None:
        data = sys.stdin.read().encode("utf-8", "replace")
        return scan_bytes(data), len(data)
    head = stream.read(PASTE_LIMIT + 1)
    if len(head) <= PASTE_LIMIT:
        return scan_bytes(head), len(head)
    sc = scan_stream(_chain([head], read_blocks(stream)))
    return sc, sc.bytes


def _chain(*its: Iterable[bytes]) -> Iterator[bytes]:
    for it in its:
        yield from it


def _redact_values(o: Any, text: Callable[[str], str]) -> Any:
    """Strings redacted, dictionary keys left alone (they are ours, never the user's)."""
    if isinstance(o, str):
        return text(o)
    if isinstance(o, dict):
        return {k: _redact_values(v, text) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [_redact_values(v, text) for v in o]
    return o


def cmd_explain(args: Any) -> int:
    """0: something matched; 1: nothing matched; 2: the input could not be read."""
    vram = getattr(args, "vram", None)
    as_json = bool(getattr(args, "json", False))
    try:
        if vram is not None and (_num(vram) is None or not vram):
            raise InputError(f"--vram {vram}: give the GPU's memory in GB, a number between 0 and 10000000")
        if args.text:
            data = " ".join(args.text).encode("utf-8", "replace")
            if not data.strip():
                raise InputError("the error text is empty")
            sc, where = scan_bytes(data), "the text given"
            matches, context, nbytes = explain_scanner(sc, vram), dict(sc.context), len(data)
        elif args.log:
            matches, context, nbytes = explain_file(args.log, vram)
            where = str(args.log)
        else:
            if sys.stdin is None or sys.stdin.isatty():
                raise InputError("nothing to explain: give the error text in quotes, --log FILE, or pipe it on stdin")
            sc, nbytes = _read_stdin()
            if sc is None or nbytes == 0:
                raise InputError("nothing to explain: stdin was empty")
            matches, context, where = explain_scanner(sc, vram), dict(sc.context), "stdin"
    except InputError as exc:
        print(f"klein-doctor explain: {exc}", file=sys.stderr)
        return 2
    except manifests.ManifestError as exc:
        print(f"klein-doctor explain: {exc}", file=sys.stderr)
        return 2
    if not getattr(args, "no_redact", False):
        # what the user pasted can hold home paths, user names and tokens: never echo them
        from .redact import Redactor

        red = Redactor()
        matches = _redact_values(matches, red.text)
        context = _redact_values(context, red.text)
        where = red.text(where)
    if as_json:
        sys.stdout.write(json.dumps({"schema": SCHEMA, "matches": matches}, indent=1) + "\n")
    else:
        sys.stdout.write(render_text(matches, where, nbytes, context, bool(getattr(args, "verbose", False))))
    return 0 if matches else 1


def _mark(sev: str) -> str:
    from .render import marks  # the one marks table

    enc = (getattr(sys.stdout, "encoding", None) or "ascii").lower()
    return marks.terminal(sev, fancy="utf" in enc)


def _short_source(src: str, width: int = 200) -> str:
    """A signature's source as the terminal shows it without -v: its first item (cut to `width` characters), and how
    many more there are. A signature read by hundreds of threads keeps every one in --json and -v."""
    parts = [p for p in re.split(r";\s+(?![^()]*\))", src or "") if p.strip()]
    if not parts:
        return ""
    first = parts[0].strip()
    if len(first) > width:
        first = first[:width - 1].rstrip() + "…"
    more = len(parts) - 1
    return first + (f" (+{more} more: -v shows {'it' if more == 1 else 'all'})" if more else "")


def render_text(matches: list[dict[str, Any]], where: str, nbytes: int, context: dict[str, str], verbose: bool) -> str:
    out: list[str] = []
    if not matches:
        out.append(f"No known error signature matched {where} ({nbytes} bytes).")
        out.append("klein-doctor does not know this error yet. Run `klein-doctor report -o klein-report.md` and attach")
        out.append("the report with the full error text when you ask for help (the report is redacted).")
        return "\n".join(out) + "\n"
    out.append(f"{len(matches)} known error{'s' if len(matches) != 1 else ''} in {where}:")
    for m in matches:
        out.append("")
        out.append(f"{_mark(m['severity'])} {m['title']}  [{m['id']}]")
        seen = m.get("excerpt") or ""
        where_txt = ""
        if m.get("line"):
            where_txt = f" (line {m['line']}" + (f", {m['count']} times, last at line {m['last_line']}" if m.get("count", 1) > 1 else "") + ")"
        elif m.get("count", 1) > 1:
            where_txt = f" ({m['count']} times)"
        out.append(f"  seen:    {seen}{where_txt}")
        out.append(f"  cause:   {m['cause']}")
        out.append(f"  fix:     {m['fix']}")
        out.append(f"  confirm: {m['confirm']}")
        out.append(f"  source:  {m['source'] if verbose else _short_source(m['source'])}")
        if verbose and m.get("details"):
            out.append("  details: " + ", ".join(f"{k}={v}" for k, v in m["details"].items()))
    if verbose and context:
        out.append("")
        out.append("the log also says: " + ", ".join(f"{k}={v}" for k, v in sorted(context.items())))
    return "\n".join(out) + "\n"


_BUILD_PKG_NAMES = re.compile(r"flash[-_]attn|xformers|sageattention", re.I)
_BUILD_SRC_NAME = re.compile(r"[\\/]([A-Za-z0-9][\w.\-]{0,80}?)/?$")


def _attn_build(ctx: dict[str, Any]) -> str:
    """The attention package (flash-attn, xformers, SageAttention) the paste shows being installed, or ''."""
    said = _fact(ctx, "attn_pkg").lower().replace("_", "-").replace(" ", "")
    return next((p for p in ("flash-attn", "xformers", "sageattention") if said.startswith(p.split("-")[0])), "")


@_interp("build_no_torch")
def _build_no_torch(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A package built from source whose setup imports torch, inside pip's / uv's isolated build environment. The
    attention packages keep the signature's own words (flash-attn's fix); any other package (gptqmodel, a node's
    rasterizer, SageAttention from a git checkout) gets the general build-isolation fix. Not on a Mac or an
    AMD/Intel setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    pkg = g.get("pkg") or ""
    src = (g.get("src") or "").strip()
    if pkg or (g.get("module") and _attn_build(ctx)):  # (handed over by python.module-missing: an attention build)
        return {}
    name = ""
    if src:
        m = _BUILD_SRC_NAME.search(src.replace("file://", ""))
        name = m.group(1) if m else src
    what = f"`{name}`" if name else "a package"
    fix_pkg = name if name and not src.startswith(("file:", "/", ".")) and "/" not in src else "PACKAGE"
    return {"title": f"pip could not build {what} from source: its setup imports torch, which pip's isolated build "
                     "environment does not have",
            "cause": ("No prebuilt wheel matched, so pip (or uv) builds the package from its source, and its setup script "
                      "imports torch to learn which torch and CUDA to build for. pip runs that build in a fresh, isolated "
                      "environment holding only the build tools the package declares (build isolation), so `import torch` "
                      "fails there although torch is installed in the environment you run (and a requirements file that lists "
                      "torch and the package together reaches the build before torch is in place)."),
            "fix": ("Install torch first, into the Python that will run it (`python -m pip install torch torchvision "
                    "--index-url https://download.pytorch.org/whl/cu128`), then the build tools (`python -m pip install -U "
                    "setuptools wheel packaging ninja`), and build the package without isolation so it sees that torch: "
                    f"`python -m pip install --no-build-isolation {fix_pkg}` (a checkout: `python -m pip install "
                    "--no-build-isolation -e .` in its folder; uv: `uv pip install --no-build-isolation ...`; ComfyUI portable: "
                    "`python_embeded\\python.exe -m pip ...`). For a node pack's requirements.txt, install the other lines "
                    "first and that package afterwards the same way. A prebuilt wheel for your torch, CUDA and Python, where "
                    "the project offers one, needs no build"),
            "details": {"package": name} if name else {}}


def _cmake4_old_project(g: dict[str, str], ctx: dict[str, Any]) -> dict[str, Any] | None:
    """CMake 4 refuses a CMakeLists.txt whose cmake_minimum_required is below 3.5. In the stack that is sentencepiece
    0.2.0's sdist (its line 15 is `cmake_minimum_required(VERSION 3.1 FATAL_ERROR)`), built by pip because no wheel
    fits this Python. Claimed when pip names sentencepiece's build or sentencepiece is in view, or, with no package
    named at all, at line 15; another package's build (dlib, llama-cpp-python ...) is that project's."""
    near = _near(ctx)
    built = (near.get("pip_build_pkg") or "").lower()
    named_spm = built.startswith("sentencepiece") or (near.get("hf_tokenizer") or "").lower().startswith("sentencepiece")
    if built and not named_spm:
        return None
    if not named_spm and g.get("cmline") != "15":
        return None
    return {"title": ("sentencepiece is being built from source (pip found no wheel of it for this Python), and CMake 4 "
                      "refuses its old CMakeLists.txt: `Compatibility with CMake < 3.5 has been removed`"),
            "cause": ("pip installs a sentencepiece wheel only where one exists for this Python and platform; sentencepiece "
                      "0.2.0 has none for Python 3.13 and newer, so pip downloaded sentencepiece-0.2.0.tar.gz and ran its "
                      "CMake build. That release's CMakeLists.txt asks for `cmake_minimum_required(VERSION 3.1)` (its line "
                      "15), and CMake 4.0 removed compatibility with anything below 3.5, so the configure step stops "
                      "before anything is compiled. The fix is in sentencepiece's sources, but only releases after 0.2.0 "
                      "carry it (with wheels for Python 3.13)."),
            "fix": ("Get a wheel instead of a build: `python -m pip install -U pip`, then `python -m pip install -U "
                    "sentencepiece` (0.2.1 and newer have Python 3.13 wheels) and drop an old `sentencepiece==0.2.0` / "
                    "`0.1.99` pin from the requirements; or run ComfyUI / diffusers with Python 3.12 (`py -3.12 -m venv "
                    "venv` on Windows, `python3.12 -m venv venv` elsewhere, uv: `uv venv --python 3.12`). Only if that old "
                    "release must be built, let CMake 4 accept it for the build: `CMAKE_POLICY_VERSION_MINIMUM=3.5 python "
                    "-m pip install sentencepiece==0.2.0` (Windows cmd: `set CMAKE_POLICY_VERSION_MINIMUM=3.5` first; "
                    "PowerShell: `$env:CMAKE_POLICY_VERSION_MINIMUM=\"3.5\"`), or put a CMake below 4 (3.31) first on PATH"),
            "details": {"package": "sentencepiece", "cmake_line": g.get("cmline") or ""}}


def _pyo3_refuses_stack_build(g: dict[str, str], ctx: dict[str, Any]) -> dict[str, Any] | None:
    """PyO3's build-time refusal of a Python newer than it knows, without pip's own words for the failed build: claimed
    only when the paste names the stack's Rust package being built before it (pip's temporary build folder
    `pip-install-xxxx/tokenizers_<hash>` or the resolved pin `tokenizers==0.20.3`). Another program's Rust binding
    (tiktoken, zxcvbn-rs-py, orjson) stays silent."""
    seen = _near(ctx).get("rust_build_pkg") or str(ctx.get("rust_build_pkg") or "")
    m = re.search(r"(tokenizers|safetensors|hf[-_]xet)(?:_[0-9a-f]{32}|==(\d[\w.]{0,20}))", seen)
    if not m:
        return None
    pkg, ver, py = m.group(1).replace("_", "-"), m.group(2) or "", g["pyo3py"]
    named = f"{pkg} {ver}" if ver else pkg
    return {"title": f"{named} has no wheel for Python {py}: pip builds it from source, and its PyO3 (which knows Python up "
                     f"to {g.get('pyo3max') or 'an older one'}) refuses Python {py}",
            "fix": (f"Get a wheel instead of a build: `python -m pip install -U pip`, then a {pkg} release with wheels for "
                    f"Python {py} (`python -m pip install -U {pkg}`{_abi3_wheels(pkg)}), and drop the old `{pkg}==` pin, or the old transformers / library pin that holds it back, "
                    "from the requirements. Or make the environment with a Python that release has wheels for (3.12: "
                    "`py -3.12 -m venv venv`, `python3.12 -m venv venv`, uv: `uv venv --python 3.12`). Forcing the build "
                    "with `PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1` is not a fix for an old release"),
            "details": {k: v for k, v in (("package", pkg), ("version", ver), ("python", py)) if v}}


def _meson_build_no_wheel(ctx: dict[str, Any]) -> dict[str, Any] | None:
    """`BackendUnavailable: Cannot import 'mesonpy'`: pip calls a build backend only for a source build, and mesonpy
    is the backend of numpy, scipy, scikit-image and pandas: pip found no wheel of one of them for this Python (an old
    pin such as ComfyUI-Manager's `numpy<2` on Python 3.13) and the build could not even start. Claimed where the
    text shows ComfyUI (its Manager, python_embeded, a node's folder): a developer's build of a checkout is not."""
    near = _near(ctx)
    if not (near.get("comfy_place") or ctx.get("comfy_place") or near.get("comfy_manager") or ctx.get("comfy_manager")
            or _portable_shown(ctx)):
        return None
    return {"title": ("pip found no wheel of a meson-built package (numpy, scipy, scikit-image, pandas) for this Python and "
                      "fell back to a source build, which cannot import its build backend (`mesonpy`)"),
            "cause": ("pip runs a package's build backend only when it builds the package from its source archive, and "
                      "it does that only when no wheel fits this Python and platform. numpy, scipy, scikit-image and pandas "
                      "build with meson-python (`mesonpy`); the build stops before compiling anything because the backend "
                      "cannot be imported in this Python (and the build would need a C compiler after it). The usual trigger is an "
                      "old pin on a new Python: `numpy<2` (a node pack's requirement, or a package ComfyUI-Manager restores) "
                      "has no wheels for Python 3.13 or newer, which recent portables and Desktop ship."),
            "fix": ("See which Python it is: `python -c \"import sys; print(sys.version)\"` (portable: "
                    "`python_embeded\\python.exe -c ...`). On Python 3.13 or newer take the releases that have wheels and "
                    "drop the old pin: `python -m pip install -U pip`, then `python -m pip install -U numpy` (numpy 2.1 and "
                    "newer have 3.13 wheels), and remove `numpy<2` from the node pack's requirements (and from "
                    "ComfyUI-Manager's pip_auto_fix.list in user\\default\\ComfyUI-Manager if it lists it); a node pack that truly "
                    "needs numpy 1.x needs a ComfyUI with Python 3.12 (a portable release with Python 3.12, or a venv: "
                    "`py -3.12 -m venv venv`)"),
            "details": {"backend": "mesonpy"}}


@_interp("no_wheel_build")
def _no_wheel_build(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """sentencepiece / tokenizers / safetensors built from source keep the signature's own words; a build failure
    under a Python newer than many packages' wheels (3.13, 3.14) names that Python. Not on a Mac or an AMD/Intel
    setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    if g.get("castpkg"):
        return {"title": "An old tokenizers (below 0.14.1) is being compiled from source, and this Rust (1.73 or newer) refuses "
                         "its code: `casting &T to &mut T is undefined behavior`",
                "fix": ("Do not compile that old release; install one that has a wheel for this Python: `python -m pip install "
                        "-U pip`, then `python -m pip install \"tokenizers>=0.14.1\"`. An old transformers pin asks for it "
                        "(transformers below 4.34 caps tokenizers below 0.14): raise that pin in the requirements "
                        "(`python -m pip install -U transformers tokenizers`), or make the environment with a Python the "
                        "old release has wheels for (3.10 or 3.11: `py -3.11 -m venv venv` on Windows, `python3.11 -m venv "
                        "venv` elsewhere). Only if that exact old version must be built, allow the cast for the build: "
                        "`RUSTFLAGS=\"-A invalid_reference_casting\" python -m pip install tokenizers==0.13.3` (Windows "
                        "cmd: `set RUSTFLAGS=-A invalid_reference_casting` first)"),
                "details": {"package": "tokenizers"}}
    if g.get("cpkg") and not g.get("pyver"):
        pkg, ver = g["cpkg"].lower().replace("_", "-"), g.get("cver") or ""
        return {"title": f"pip is compiling {pkg} {ver} from source (no wheel of it for this Python or platform), and the Rust "
                         "build failed",
                "fix": ("Get a wheel instead of a build: `python -m pip install -U pip`, then a release of it with wheels for "
                        f"this Python (`python -m pip install -U {pkg}`) and drop an old `{pkg}==` pin (or the old "
                        "transformers / huggingface_hub pin that holds it back) from the requirements; a Python newer than "
                        "the pinned release (3.13, 3.14) needs a newer release or an environment with Python 3.12 "
                        "(`py -3.12 -m venv venv`, `python3.12 -m venv venv`, uv: `uv venv --python 3.12`). Compiling it "
                        "yourself needs a current Rust (`rustup update`) and a release whose PyO3 knows your Python"),
                "details": {k: v for k, v in (("package", pkg), ("version", ver)) if v}}
    if g.get("rpkg"):
        pkg = g["rpkg"].lower().replace("_", "-")
        arm = _near(ctx).get("win_arm64")
        return {"title": f"pip found no {pkg} wheel for this Python and platform, fell back to building it from source, and "
                         "there is no Rust compiler",
                "fix": ("Get a wheel instead of a build: `python -m pip install -U pip`, then `python -m pip install -U "
                        f"{pkg}` (a newer release usually has the wheel; drop an old `{pkg}==` pin, or the old transformers "
                        "pin that holds it back). "
                        + ("This is a native ARM64 Python (Windows on Arm): only recent releases publish win_arm64 wheels, "
                           "and torch itself has only CPU builds for it; an x64 Python 3.12 under emulation takes every "
                           "ordinary wheel. " if arm else "")
                        + "Building it yourself needs Rust from https://rustup.rs (and the Visual Studio C++ Build Tools on "
                          "Windows)"),
                "details": {"package": pkg, **({"python": arm} if arm else {})}}
    if g.get("cmline"):
        return _cmake4_old_project(g, ctx)
    if g.get("pyo3py") and not g.get("pyver"):
        return _pyo3_refuses_stack_build(g, ctx)
    if g.get("meson") and not g.get("pyver"):
        return _meson_build_no_wheel(ctx)
    if g.get("pkg") and not g.get("pyver"):
        # the package the paste names, not the signature's list of the four it knows
        pkg, ver = g["pkg"].lower().replace("_", "-"), g.get("ver") or ""
        if pkg == "numpy":
            # round 423: numpy has wheels for every Python it supports on Windows, Linux and macOS; pip takes its source
            # archive only when none fits this Python (an old pin such as `numpy<2` on 3.13)
            return {"title": (f"No wheel of numpy{' ' + ver if ver else ''} for this Python: pip took numpy's source archive "
                              "(an old numpy pin on a Python newer than that release) and the build failed"),
                    "fix": ("Take a numpy that has wheels for this Python instead of building the old one: `python -m pip "
                            "install -U pip`, then `python -m pip install -U numpy` (numpy 2.1 and newer have Python 3.13 "
                            "wheels, 2.3.2 and newer 3.14), and drop the old pin (`numpy<2`, `numpy==1.26.4`) from the node "
                            "pack's or project's requirements (ComfyUI portable: `python_embeded\\python.exe -m pip install -U "
                            "numpy`); a package that truly needs numpy 1.x needs an environment with Python 3.12 "
                            "(`py -3.12 -m venv venv` on Windows, `python3.12 -m venv venv` elsewhere, uv: `uv venv --python "
                            "3.12`)"),
                    "details": {k: v for k, v in (("package", pkg), ("version", ver)) if v}}
        return {"title": (f"No wheel of {pkg}{' ' + ver if ver else ''} for this Python: pip or uv fell back to building "
                          "it from source, and the build failed"),
                "details": {k: v for k, v in (("package", pkg), ("version", ver)) if v}}
    if not g.get("pyver"):
        return {}
    if (ctx.get("free_threaded") or _near(ctx).get("free_threaded")) and not _stack_package(g.get("bpkg") or "",
                                                                                             "free_threaded"):
        # round 423: another program's package built for the free-threaded Python (opencv-python, depthai on 3.14t):
        # the stack's packages there are python.free-threaded-no-wheel's; the rest is not a Klein-stack cause
        return None
    raw = g["pyver"].lower().replace(" ", "")
    m = re.search(r"3\.?(1\d)", raw)
    ver = f"3.{m.group(1)}" if m else raw
    pkg = g.get("bpkg") or ""
    what = f"`{pkg}`" if pkg else "a package"
    return {"title": f"{what[0].upper() + what[1:]} has no wheel for Python {ver}: pip tried to build it from source, and the "
                     "build failed",
            "fix": (f"Run ComfyUI / diffusers with a Python the packages have wheels for, 3.12: a new environment "
                    "(`py -3.12 -m venv venv` on Windows, `python3.12 -m venv venv` elsewhere, uv: `uv venv --python 3.12`), "
                    "then torch from the index of your CUDA build (`python -m pip install torch torchvision torchaudio "
                    "--index-url https://download.pytorch.org/whl/cu128`) and the requirements again (`python -m pip install "
                    f"-r requirements.txt`); ComfyUI Desktop and portable ship their own Python: a release with Python 3.12. "
                    "Or first try newer releases of the failing package, which may have wheels for "
                    f"Python {ver} (`python -m pip install -U pip`, then `python -m pip install -U "
                    + (pkg or "PACKAGE") + "` and drop an old `==` pin from the requirements). Building from source works "
                    "only with that package's build tools (Visual Studio C++ Build Tools, CMake, Rust)"),
            "details": {k: v for k, v in (("python", ver), ("package", pkg)) if v}}


@_interp("cached_wheel_corrupt")
def _cached_wheel_corrupt(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A wheel pip unpacks fails zip's CRC check (or zlib's decompression): a damaged copy in pip's cache or a
    broken download. Not on a Mac or an AMD/Intel setup (the CUDA index in the fix would not fit)."""
    if _off_nvidia_anywhere(ctx):
        return None
    member = g.get("member") or ""
    if member:
        pkg = member.split("/", 1)[0]
        return {"title": f"pip could not unpack {pkg}: `{member}` fails its CRC check, the {pkg} wheel pip used (from its "
                         "cache or a broken download) is corrupt",
                "details": {"file": member, "package": pkg}}
    return {}


def _ft_version(ctx: dict[str, Any]) -> str:
    """The free-threaded Python's version as the paste names it (`3.13t`), or ''."""
    for v in (ctx.get("free_threaded"), _near(ctx).get("free_threaded")):
        m = re.search(r"3\.?(1\d)t|3\.(1\d)[\w.]{0,12} (?:experimental )?free-threading", str(v or ""), re.I)
        if m:
            return f"3.{m.group(1) or m.group(2)}t"
    return ""


@_interp("free_threaded_no_wheel")
def _free_threaded_no_wheel(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """A stack package with no wheel for the free-threaded build, a source build failing on it, or torch installed
    for the regular build loaded by python3.13t: claimed only when the paste names the free-threaded build (or
    PyO3's own free-threaded line says it). Not on a Mac or an AMD/Intel setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    if not (ctx.get("free_threaded") or _near(ctx).get("free_threaded") or g.get("limited")):
        return None
    ver = _ft_version(ctx)
    py = f"Python {ver} (the free-threaded build)" if ver else "the free-threaded Python"
    pkg = (g.get("pkg") or "").strip("`").lower().replace("_", "-")
    details: dict[str, Any] = {k: v for k, v in (("python", ver), ("package", pkg), ("version", g.get("ver") or "")) if v}
    if g.get("cext"):
        title = f"torch was installed for the regular Python; {py} cannot load its C extensions"
    elif g.get("lib"):
        lib = g["lib"]
        title = (f"A package is being built from source for {py}: the linker looks for `{lib}`, which the free-threaded "
                 f"install does not have (it has `{lib[:-4]}t.lib`)")
        details["library"] = lib
    elif g.get("limited"):
        what = f"`{pkg}`" if pkg else "A Rust package of the stack (tokenizers, safetensors, hf-xet)"
        title = (f"{what} has no wheel for {py}: pip built it from source, and its PyO3 refuses the free-threaded build "
                 "(no limited API there)")
    elif g.get("bw"):
        title = (f"`{pkg}` has no wheel for {py}: pip is building it from source, and the build fails (its compiled parts "
                 "do not support the free-threaded build yet)")
    else:
        title = f"`{pkg}` has no wheel for {py}: pip found none it can install or build"
    return {"title": title, "details": details}


@_interp("free_threaded_gil")
def _free_threaded_gil(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The RuntimeWarning a free-threaded CPython prints when a stack module without free-threading support turns the
    GIL back on. Not on a Mac or an AMD/Intel setup."""
    if _off_nvidia_anywhere(ctx):
        return None
    mod = g.get("module") or ""
    return {"title": f"`{mod}` made the free-threaded Python (3.13t / 3.14t) turn the GIL back on: a warning, not a failure",
            "details": {"module": mod}}
