"""`klein-doctor explain`: from a pasted error or a log to cause, fix and the check that confirms it.

Users arrive with an error, not a question. The signatures live in ``manifests/errors.toml`` so a new
message can be taught without touching code; this module only scans and reads numbers.

Scanning is built for logs of any size: the input is read in 1 MiB blocks, each signature's literal
``needles`` are searched with ``bytes.find`` (C speed), and only a small window around a hit is decoded,
stripped of ANSI colours and given to the signature's regexes. Memory stays at one block plus two
windows whatever the log size. Pasted text (small) is also scanned with its line breaks removed, so a
message wrapped by a terminal or a forum still matches.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from . import manifests

SCHEMA = "klein-doctor/explain/1"
BLOCK = 1 << 20  # bytes read at a time
BEFORE = 512  # bytes of the hit's line kept before the needle
AFTER = 1536  # bytes kept after it: multi-line messages (the sm_120 warning) fit
PASTE_LIMIT = 1 << 20  # inputs up to this size are also scanned with line breaks removed
MAX_CONFIRM = 200  # regex confirmations per signature; later hits of it are only counted
EXCERPT = 300

_ANSI = re.compile(r"(?:\x1b\[|\x9b)[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\-_]|(?<![\w\]])\[(?:\d{1,3};)*\d{1,3}m")
_SPACE = re.compile(r"\s+")


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
    ignore: list[re.Pattern[str]] = field(default_factory=list)
    key: str | None = None


@dataclass
class Context:
    id: str
    needles: list[bytes]
    pattern: re.Pattern[str]


@dataclass
class Catalog:
    signatures: list[Signature]
    contexts: list[Context]
    tables: dict[str, list[dict[str, Any]]]

    def by_id(self, sig_id: str) -> Signature | None:
        return next((s for s in self.signatures if s.id == sig_id), None)


@dataclass
class Hit:
    """One signature seen in the input: where first and last, how often, and the numbers it carried."""

    id: str
    groups: dict[str, str]
    excerpt: str
    line: int | None
    last_line: int | None
    count: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "groups": self.groups, "excerpt": self.excerpt, "line": self.line,
                "last_line": self.last_line, "count": self.count}


_REQUIRED = ("id", "title", "needles", "patterns", "cause", "fix", "check", "severity", "source")


@functools.lru_cache(maxsize=4)
def _catalog_from(doc_json: str) -> Catalog:
    doc = json.loads(doc_json)
    sigs = []
    for i, row in enumerate(doc.get("signature") or []):
        missing = [k for k in _REQUIRED if not row.get(k)]
        if missing:
            raise manifests.ManifestError(f"errors.toml signature #{i + 1} ({row.get('id', '?')}) lacks {', '.join(missing)}")
        try:
            pats = [re.compile(p) for p in row["patterns"]]
        except re.error as exc:
            raise manifests.ManifestError(f"errors.toml signature {row['id']}: bad pattern: {exc}") from exc
        sigs.append(Signature(id=row["id"], title=row["title"], needles=[n.encode() for n in row["needles"]],
                              patterns=pats, cause=row["cause"], fix=row["fix"], check=row["check"],
                              severity=row["severity"], source=row["source"], interpret=row.get("interpret"),
                              supersedes=list(row.get("supersedes") or []),
                              ignore=[re.compile(p) for p in row.get("ignore") or []], key=row.get("key")))
    ctxs = [Context(id=c["id"], needles=[n.encode() for n in c["needles"]], pattern=re.compile(c["pattern"]))
            for c in doc.get("context") or []]
    tables = {k: list(doc.get(k) or []) for k in ("text_width", "model_width", "latent_channels")}
    return Catalog(sigs, ctxs, tables)


def catalog() -> Catalog:
    """The signatures of manifests/errors.toml (or its --manifest override), compiled once."""
    return _catalog_from(json.dumps(manifests.load("errors")))


def clean(text: str) -> str:
    """ANSI colours out (also their ESC-less remains, as pasted from a terminal), whitespace collapsed."""
    return _SPACE.sub(" ", _ANSI.sub("", text)).strip()


class Scanner:
    """Feed bytes in any block sizes; ``hits`` and ``context`` hold what was recognised.

    Needle search runs over a sliding buffer with absolute offsets: a needle starting before
    ``limit`` (the point after which the AFTER window is not complete yet) is handled now, the rest of
    the buffer is kept for the next block, so no hit is missed or counted twice across block edges.
    """

    def __init__(self, cat: Catalog, count_lines: bool = True):
        self.cat = cat
        self.count_lines = count_lines
        self.hits: dict[str, Hit] = {}
        self.context: dict[str, str] = {}
        self._confirmed: dict[str, int] = {}
        self._seen_lines: set[tuple[str, int]] = set()
        self._buf = b""
        self._buf_start = 0  # absolute offset of _buf[0]
        self._scanned = 0  # absolute offset: needle starts before this were handled
        self._lines_before = 0  # newlines before _buf_start
        self._maxneedle = max([len(n) for s in cat.signatures for n in s.needles] +
                              [len(n) for c in cat.contexts for n in c.needles] + [1])
        self.bytes = 0

    def feed(self, data: bytes, final: bool = False) -> None:
        self.bytes += len(data)
        buf = self._buf + data if self._buf else data
        limit = len(buf) if final else max(0, len(buf) - AFTER)
        start = self._scanned - self._buf_start
        if limit > start:
            end = min(len(buf), limit + self._maxneedle - 1)
            found: list[tuple[int, Any, bool]] = []
            for sig in self.cat.signatures:
                for needle in sig.needles:
                    pos = buf.find(needle, start, end)
                    while pos != -1:
                        found.append((pos, sig, True))
                        pos = buf.find(needle, pos + 1, end)
            for ctx in self.cat.contexts:
                for needle in ctx.needles:
                    pos = buf.find(needle, start, end)
                    while pos != -1:
                        found.append((pos, ctx, False))
                        pos = buf.find(needle, pos + 1, end)
            found.sort(key=lambda t: t[0])
            for pos, item, is_sig in found:
                if is_sig:
                    self._signature_hit(buf, pos, item)
                else:
                    self._context_hit(buf, pos, item)
            self._scanned = self._buf_start + limit
        keep_from = len(buf) if final else max(0, min(limit, len(buf)) - BEFORE)
        if self.count_lines and keep_from:
            self._lines_before += buf.count(b"\n", 0, keep_from)
        self._buf = buf[keep_from:]
        self._buf_start += keep_from

    def _line_of(self, buf: bytes, pos: int) -> int | None:
        if not self.count_lines:
            return None
        return self._lines_before + buf.count(b"\n", 0, pos) + 1

    @staticmethod
    def _window(buf: bytes, pos: int) -> tuple[str, int]:
        line_start = buf.rfind(b"\n", 0, pos) + 1
        lo = max(line_start, pos - BEFORE)
        return buf[lo:pos + AFTER].decode("utf-8", "replace"), lo

    def _signature_hit(self, buf: bytes, pos: int, sig: Signature) -> None:
        line_start = self._buf_start + buf.rfind(b"\n", 0, pos) + 1
        key = (sig.id, line_start)
        if key in self._seen_lines:
            return
        self._seen_lines.add(key)
        if len(self._seen_lines) > 10000:  # bound memory on pathological logs
            self._seen_lines.clear()
            self._seen_lines.add(key)
        if sig.ignore:
            rel = line_start - self._buf_start
            nl = buf.find(b"\n", pos)
            line_txt = _ANSI.sub("", buf[rel:(nl if nl != -1 else len(buf))][:4096].decode("utf-8", "replace"))
            if any(p.search(line_txt) for p in sig.ignore):
                return
        prev = self.hits.get(sig.id)
        if prev is not None and not sig.key and self._confirmed.get(sig.id, 0) >= MAX_CONFIRM:
            prev.count += 1
            prev.last_line = self._line_of(buf, pos)
            return
        text, _ = self._window(buf, pos)
        text = _ANSI.sub("", text)
        m = _first_match(sig, text)
        if m is None:
            return
        self._confirmed[sig.id] = self._confirmed.get(sig.id, 0) + 1
        line = self._line_of(buf, pos)
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        excerpt = _SPACE.sub(" ", m.group(0)).strip()[:EXCERPT]
        if sig.key:
            hkey = f"{sig.id}:{groups.get(sig.key, '')}"
            prev = self.hits.get(hkey)
        else:
            hkey = sig.id
        if prev is None:
            self.hits[hkey] = Hit(sig.id, groups, excerpt, line, line)
        else:
            # the most recent occurrence speaks for the current state; keep the first line for reference
            prev.count += 1
            prev.groups, prev.excerpt, prev.last_line = groups, excerpt, line

    def _context_hit(self, buf: bytes, pos: int, ctx: Context) -> None:
        text, _ = self._window(buf, pos)
        m = ctx.pattern.search(_ANSI.sub("", text))
        if m:
            self.context[ctx.id] = m.group("value").strip()


def _first_match(sig: Signature, text: str) -> re.Match[str] | None:
    for pat in sig.patterns:
        m = pat.search(text)
        if m:
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


def _flat_variants(data: bytes) -> list[bytes]:
    """A pasted message wrapped by a terminal (Windows consoles cut mid-word) or a forum: the text with
    line breaks removed, and with them turned into spaces; ANSI colours removed first."""
    text = _ANSI.sub("", data.decode("utf-8", "replace"))
    lines = [ln.strip() for ln in text.splitlines()]
    return [" ".join(lines).encode(), "".join(lines).encode()]


def scan_bytes(data: bytes, cat: Catalog | None = None) -> Scanner:
    """Scan a small input as it is, then its unwrapped forms, adding what only they reveal."""
    cat = cat or catalog()
    main = scan_stream([data], cat)
    if len(data) <= PASTE_LIMIT and b"\n" in data.strip():
        for variant in _flat_variants(data):
            extra = scan_stream([variant], cat, count_lines=False)
            for sid, hit in extra.hits.items():
                main.hits.setdefault(sid, hit)
            for k, v in extra.context.items():
                main.context.setdefault(k, v)
    elif len(data) <= PASTE_LIMIT and "\x1b" in data.decode("utf-8", "replace"):
        extra = scan_stream([_flat_variants(data)[0]], cat, count_lines=False)
        for sid, hit in extra.hits.items():
            main.hits.setdefault(sid, hit)
    return main


# ---------------------------------------------------------------------------------------------------
# Reading the numbers: each interpreter gets the regex groups (as stored in facts, so the log check can
# re-run it) and returns overrides for title/cause/fix plus details, or None to drop the match.

Interp = Callable[[dict[str, str], Catalog, dict[str, Any]], "dict[str, Any] | None"]
_INTERP: dict[str, Interp] = {}


def _interp(name: str):
    def deco(fn: Interp) -> Interp:
        _INTERP[name] = fn
        return fn
    return deco


def _row(table: list[dict[str, Any]], key: str, value: int) -> dict[str, Any] | None:
    return next((r for r in table if int(r.get(key, -1)) == value), None)


@_interp("shapes")
def _shapes(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    k1, k2 = int(g["k1"]), int(g["k2"])
    enc = _row(cat.tables["text_width"], "width", k1)
    mod = _row(cat.tables["model_width"], "width", k2)
    d: dict[str, Any] = {"encoder_width": k1, "model_width": k2, "tokens": int(g["m"]),
                         "encoder": enc["label"] if enc else None, "model": mod["label"] if mod else None}
    if enc is None and mod is None:
        return {"title": "A layer got an input of the wrong width (not a known Klein encoder/model pairing)",
                "cause": f"A matrix multiply got {k1}-wide input where {k2} was expected. Neither width is a Klein "
                         "text encoder or model width, so this is probably another model file (a LoRA, a "
                         "ControlNet, a checkpoint of another family) that does not fit the model it is used with.",
                "fix": "Check that every loader in the workflow holds files of one model family; "
                       "`klein-doctor check --path comfyui` identifies each file from its header",
                "details": d}
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
               "(a Qwen3 file under another type gives a single-layer encoder of the wrong width)")
    elif mf == "flux1" or ef == "flux2-dev" or mf == "flux2-dev":
        fix = ("The encoder and the model are from different FLUX families: Klein 4B needs qwen_3_4b.safetensors, "
               "Klein 9B qwen_3_8b, FLUX.2 [dev] its Mistral encoder, FLUX.1 T5-XXL + CLIP-L (DualCLIPLoader)")
    else:
        fix = ("Use the text encoder that belongs to the model: Klein 4B with qwen_3_4b.safetensors, Klein 9B "
               "with qwen_3_8b; CLIPLoader type `flux2`")
    title = "The text encoder does not fit the diffusion model"
    if enc and mod:
        title = f"Text encoder/model mismatch: {enc['label'].split(' (')[0]} with {mod['label']}"
    return {"title": title, "cause": cause, "fix": fix, "details": d}


@_interp("channels")
def _channels(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    want, got = int(g["want"]), int(g["got"])
    table = cat.tables["latent_channels"]
    w, r = _row(table, "channels", want), _row(table, "channels", got)
    d = {"expected_channels": want, "got_channels": got, "expected": w["label"] if w else None,
         "got": r["label"] if r else None}
    if w is None and r is None:
        return {"title": "A convolution got the wrong number of channels (not a known VAE/latent pairing)",
                "cause": f"A layer built for {want} input channels got {got}; neither is a known VAE latent width.",
                "fix": "Check that the VAE, the latent node and the model are of one family "
                       "(Klein: flux2-vae.safetensors, EmptyFlux2LatentImage)", "details": d}
    cause = (f"A layer built for {want} channels ({w['label'] if w else 'unknown family'}) got {got} "
             f"({r['label'] if r else 'unknown family'}).")
    wf, rf = (w or {}).get("family"), (r or {}).get("family")
    if wf == "flux1" and rf == "flux2":
        fix = ("The VAE is a FLUX.1/SD3 VAE (16 latent channels; FLUX.1's ae.safetensors looks like FLUX.2's by "
               "name and size): load the FLUX.2 VAE flux2-vae.safetensors in the VAELoader")
        title = "A FLUX.1 VAE is decoding a FLUX.2 latent"
    elif wf == "flux2" and rf in ("flux1", "sd"):
        fix = ("The latent comes from another family: use EmptyFlux2LatentImage (not EmptyLatentImage or "
               "EmptySD3LatentImage) and the Klein model with the FLUX.2 VAE")
        title = "A FLUX.2 VAE or model got a latent of another family"
    elif wf == "sd":
        fix = "The VAE is an SD1.5/SDXL VAE: load flux2-vae.safetensors for Klein"
        title = "An SD1.5/SDXL VAE is used with a FLUX latent"
    else:
        fix = "Load flux2-vae.safetensors in the VAELoader and use EmptyFlux2LatentImage"
        title = "The VAE does not fit the latent"
    return {"title": title, "cause": cause, "fix": fix, "details": d}


_UNIT = {"bytes": 1, "KiB": 1024, "MiB": 1024 ** 2, "GiB": 1024 ** 3}


def vram_paths(total_bytes: float) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows = manifests.load("requirements").get("vram") or []
    fits = [r for r in rows if total_bytes >= r["need_gb"] * 1e9]
    return fits, [r for r in rows if r not in fits]


def _amount(num: str, unit: str) -> int | None:
    """Bytes of a number read from pasted text; None when it is not a finite number (``1e400 GiB``)."""
    import math

    try:
        v = float(num) * _UNIT.get(unit, 1)
    except (ValueError, OverflowError):
        return None
    return int(v) if math.isfinite(v) and v >= 0 else None


@_interp("oom")
def _oom(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    d: dict[str, Any] = {}
    if g.get("alloc") and _amount(g["alloc"], g.get("alloc_unit", "GiB")) is not None:
        d["tried_to_allocate_bytes"] = _amount(g["alloc"], g.get("alloc_unit", "GiB"))
    if g.get("free") and _amount(g["free"], g.get("free_unit", "GiB")) is not None:
        d["free_bytes"] = _amount(g["free"], g.get("free_unit", "GiB"))
    total, src = None, None
    if ctx.get("vram_gb"):
        total, src = float(ctx["vram_gb"]) * 1e9, "--vram"
    elif g.get("total") and _amount(g["total"], g.get("total_unit", "GiB")) is not None:
        total, src = float(_amount(g["total"], g.get("total_unit", "GiB")) or 0), "the error message"
    elif ctx.get("vram_mb"):
        total, src = float(ctx["vram_mb"]) * 1024 ** 2, "the log's 'Total VRAM' line"
    if total is None:
        return {"details": d, "fix": (cat.by_id("cuda.oom").fix + ". Pass `--vram GB` to hear which Klein path "  # type: ignore[union-attr]
                                      "fits your card, or run `klein-doctor check --check gpu.vram`")}
    d["vram_bytes"], d["vram_from"] = int(total), src
    fits, too_big = vram_paths(total)
    d["paths_that_fit"] = [r["label"] for r in fits]
    gbs = f"{total / 1e9:.1f} GB"
    if not fits:
        smallest = min(too_big, key=lambda r: r["need_gb"]) if too_big else None
        fix = (f"{gbs} of VRAM (from {src}) is below every Klein 4B path"
               + (f" (smallest: {smallest['label']}, ~{smallest['need_gb']:g} GB)" if smallest else "")
               + ": use the FP8 file in ComfyUI with `--lowvram` (slow, offloads to RAM), or a GPU with 12 GB or more")
    else:
        best = max(fits, key=lambda r: r["need_gb"])
        fix = (f"With {gbs} of VRAM (from {src}) these paths fit: " + "; ".join(f"{r['label']} (~{r['need_gb']:g} GB)" for r in fits)
               + (". These do not: " + "; ".join(f"{r['label']} (~{r['need_gb']:g} GB)" for r in too_big) if too_big else "")
               + f". Run {best['label']} or a smaller path with nothing else on the GPU (close other programs; "
               "ComfyUI: FP8 file, `--lowvram` if it still fails; diffusers: `pipe.enable_model_cpu_offload()`), "
               "at 1024x1024 and batch 1")
    return {"details": d, "fix": fix}


@_interp("sm")
def _sm(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    sm = g.get("sm", "")
    archs = (g.get("archs") or "").split()
    d = {"gpu": (g.get("gpu") or "").strip(), "gpu_arch": sm, "torch_archs": archs}
    num = int(sm[3:]) if sm[3:].isdigit() else 0
    cause = f"{d['gpu'] or 'The GPU'} is {sm}" + (f", but this PyTorch has kernels only for {' '.join(archs)}" if archs else
                                                     ", which this PyTorch build has no kernels for") + "."
    if num >= 100:
        fix = ("Install a PyTorch built with Blackwell kernels into the Python that runs Klein: "
               "`python -m pip install --force-reinstall torch torchvision --index-url https://download.pytorch.org/whl/cu128` "
               "(or cu130 with driver >= 580); cu126 builds never have sm_120")
    elif num and num < 75:
        fix = ("Current PyTorch builds dropped this old architecture: install a cu126 build (`--index-url "
               "https://download.pytorch.org/whl/cu126`), which still carries sm_50 to sm_90")
    else:
        fix = cat.by_id("torch.sm-unsupported").fix  # type: ignore[union-attr]
    return {"cause": cause + " " + cat.by_id("torch.sm-unsupported").cause, "fix": fix, "details": d}  # type: ignore[union-attr]


@_interp("driver")
def _driver(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    if not g.get("found"):
        return {}
    n = int(g["found"])
    cuda = f"{n // 1000}.{(n % 1000) // 10}"
    return {"details": {"driver_cuda": cuda},
            "cause": f"The driver supports CUDA up to {cuda}, older than the CUDA this PyTorch was built with "
                     "(CUDA 12.x wheels need driver >= 525.60.13, CUDA 13.x wheels need >= 580)."}


@_interp("posdim")
def _posdim(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    d: dict[str, Any] = {"axes": g.get("axes"), "expected_dim": g.get("dim")}
    if ctx.get("comfyui_version"):
        d["comfyui_version"] = ctx["comfyui_version"]
        return {"details": d, "cause": f"The log says ComfyUI version {ctx['comfyui_version']}. "
                                       + cat.by_id("comfyui.too-old-for-klein").cause}  # type: ignore[union-attr]
    return {"details": d}


_ST_WHY = [
    (("incomplete metadata", "MetadataIncompleteBuffer"), "truncated",
     "The file is shorter than its own header says: the download stopped before the end."),
    (("header too large", "HeaderTooLarge"), "not-safetensors",
     "The first 8 bytes give an absurd header length: the file is not safetensors at all (an HTML login or "
     "error page, or a Git LFS pointer, saved under the model's name)."),
    (("header too small", "HeaderTooSmall"), "empty",
     "The file is empty or a few bytes long: the download never started or was cut at once."),
    (("invalid header length", "InvalidHeaderLength"), "truncated-header",
     "The file ends inside its JSON header: the download stopped within the first bytes."),
]


@_interp("safetensors")
def _safetensors(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    why = g.get("why", "")
    for keys, kind, cause in _ST_WHY:
        if any(k in why for k in keys):
            return {"cause": cause, "details": {"kind": kind, "reason": why}}
    return {"details": {"kind": "unknown", "reason": why}}


@_interp("module")
def _module(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    mod = g.get("module", "")
    top = mod.split(".")[0]
    d = {"module": mod}
    pip_name = {"cv2": "opencv-python", "PIL": "pillow", "yaml": "pyyaml", "skimage": "scikit-image",
                "flash_attn": "flash-attn"}.get(top, top)
    if top in ("torchvision", "torchaudio"):
        fix = (f"Install the {top} that matches your torch, from the same index, with the Python that runs ComfyUI: "
               f"`python -m pip install {top} --index-url https://download.pytorch.org/whl/cu128` (use the cuXXX of "
               "your torch, see `klein-doctor check --check torch`)")
        return {"title": f"{top} is missing from the environment that runs Klein", "fix": fix, "details": d}
    if top == "torch":
        return {"title": "PyTorch is not installed in the environment that runs Klein",
                "fix": "Install a CUDA build: `python -m pip install torch torchvision --index-url "
                       "https://download.pytorch.org/whl/cu128`", "details": d}
    return {"title": f"Python package `{top}` is missing from the environment that runs Klein",
            "fix": f"Install it with the same Python that runs Klein: `python -m pip install {pip_name}` "
                   f"(ComfyUI portable: `python_embeded\\python.exe -m pip install {pip_name}`)", "details": d}


@_interp("guidance")
def _guidance(g: dict[str, str], cat: Catalog, ctx: dict[str, Any]) -> dict[str, Any] | None:
    return {"details": {"guidance_scale": g.get("scale")}}


def describe(hit: Hit | dict[str, Any], cat: Catalog | None = None, ctx: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """The user-facing explanation of one hit: the manifest's words, sharpened by the numbers it carried.
    Takes a Hit or its stored dict (facts), so the log check explains exactly as `explain` does."""
    cat = cat or catalog()
    h = hit.to_dict() if isinstance(hit, Hit) else dict(hit)
    sig = cat.by_id(h["id"])
    if sig is None:
        return None
    out: dict[str, Any] = {"id": sig.id, "title": sig.title, "cause": sig.cause, "fix": sig.fix, "check": sig.check,
                           "confirm": f"klein-doctor check --check {sig.check}", "severity": sig.severity,
                           "source": sig.source, "excerpt": h.get("excerpt"), "line": h.get("line"),
                           "last_line": h.get("last_line"), "count": h.get("count", 1), "details": {}}
    if sig.key and (h.get("groups") or {}).get(sig.key):
        out["title"] = f"{sig.title}: {h['groups'][sig.key]}"
    fn = _INTERP.get(sig.interpret or "")
    if fn is not None:
        extra = fn(dict(h.get("groups") or {}), cat, dict(ctx or {}))
        if extra is None:
            return None
        out.update({k: v for k, v in extra.items() if v is not None})
    return out


def explain_scanner(sc: Scanner, vram_gb: float | None = None) -> list[dict[str, Any]]:
    cat = sc.cat
    ctx: dict[str, Any] = dict(sc.context)
    if vram_gb:
        ctx["vram_gb"] = vram_gb
    matches = [m for m in (describe(h, cat, ctx) for h in sc.hits.values()) if m is not None]
    superseded = {s for m in matches for s in (cat.by_id(m["id"]).supersedes if cat.by_id(m["id"]) else [])}
    matches = [m for m in matches if m["id"] not in superseded]
    order = {s.id: i for i, s in enumerate(cat.signatures)}
    sev = {"fail": 0, "warn": 1, "info": 2}
    matches.sort(key=lambda m: (sev.get(m["severity"], 3), order.get(m["id"], 0)))
    return matches


def explain_text(text: str | bytes, vram_gb: float | None = None) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Library entry point: matches (best first) and the context facts the text stated."""
    data = text.encode("utf-8", "replace") if isinstance(text, str) else text
    sc = scan_bytes(data)
    return explain_scanner(sc, vram_gb), dict(sc.context)


def explain_file(path: str | Path, vram_gb: float | None = None, tail: int | None = None) -> tuple[list[dict[str, Any]], dict[str, str], int]:
    """Scan a log file in bounded memory; ``tail`` bytes from the end only, when given."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path} is a folder, not a log file")
        size = p.stat().st_size
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


def cmd_explain(args: Any) -> int:
    """0: something matched; 1: nothing matched; 2: the input could not be read."""
    vram = getattr(args, "vram", None)
    as_json = bool(getattr(args, "json", False))
    try:
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
    if as_json:
        sys.stdout.write(json.dumps({"schema": SCHEMA, "matches": matches}, indent=1) + "\n")
    else:
        sys.stdout.write(render_text(matches, where, nbytes, context, bool(getattr(args, "verbose", False))))
    return 0 if matches else 1


_MARK = {"fail": "✗", "warn": "!", "info": "i"}


def _mark(sev: str) -> str:
    enc = (getattr(sys.stdout, "encoding", None) or "ascii").lower()
    m = _MARK.get(sev, "?")
    return m if "utf" in enc or m.isascii() else "x"


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
        out.append(f"  source:  {m['source']}")
        if verbose and m.get("details"):
            out.append("  details: " + ", ".join(f"{k}={v}" for k, v in m["details"].items()))
    if verbose and context:
        out.append("")
        out.append("the log also says: " + ", ".join(f"{k}={v}" for k, v in sorted(context.items())))
    return "\n".join(out) + "\n"
