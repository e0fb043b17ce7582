"""The `report` command: markdown for an issue tracker (GitHub, GitLab, a forum).

Order, the way `python -m torch.utils.collect_env` and `diffusers-cli env` start theirs: an environment
table (OS, GPUs, driver, Python, PyTorch, the libraries that matter, ComfyUI, the Klein files, the
command line), then the verdict and the root causes with their fixes, then one collapsed ``<details>``
block per area and one with the facts as JSON that ``--facts`` replays.

Safe to paste: every string from the machine is escaped for markdown and HTML; the report is cut only
at structure boundaries (evidence lines, list items, whole facts sections), so every ``<details>`` is
closed, every code fence ends and the facts block stays valid JSON; it stays under LIMIT characters
(a GitHub issue body holds 65,536). The built-in models manifest is named, never copied.
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

from .. import __version__
from ..factsref import builtin_manifest_sha256, compact
from . import marks
from .. import sizes
from ..findings import Finding, Status, summarize
from ..shells import POSIX, Run, render_step
from .terminal import collapse_unrun, group

LIMIT = 60_000
ICONS = marks.MARKDOWN  # the one marks table (render/marks.py)
DASH = "—"
OK_EVIDENCE = 0  # a finding that is not a problem shows its title only (the facts block holds the rest)

# ------------------------------------------------------------------------------------------- escaping
_MD_CHARS = re.compile(r"([\\`*_\[\]|~#!])")
_LIST_START = re.compile(r"^(\s*)(\d+)([.)])(?=\s|$)")


def _visible(text: str) -> str:
    """Control characters (C0, DEL, C1) as \\xNN: they would move a terminal's cursor or vanish."""
    return "".join(f"\\u{ord(ch):04x}" if ord(ch) in _BIDI else
                   ch if ch == "\t" or not (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0) else f"\\x{ord(ch):02x}"
                   for ch in text)


# bidi embeddings/overrides/isolates: they reorder what a reader sees (a command that reads differently than it runs)
_BIDI = {0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}


def md(s: Any) -> str:
    """Outside text as inline markdown that renders as itself: no HTML tag, no emphasis, no link
    syntax, no heading or list marker, no table cell break, one line."""
    text = str(s).replace("\r\n", "\n").replace("\r", "\n")
    text = " ⏎ ".join(part for part in text.split("\n"))
    text = _visible(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_CHARS.sub(r"\\\1", text)
    text = _LIST_START.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), text)
    return "\\" + text if text[:2] in ("- ", "+ ") or text in ("-", "+") else text


def code(s: Any, table: bool = False) -> str:
    """An inline code span that holds ``s`` exactly (backticks inside get a longer fence)."""
    text = " ".join(str(s).splitlines()) or " "
    text = _visible(text)
    if table:
        text = text.replace("|", "\\|")
    ticks = "`"
    while ticks in text:
        ticks += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


_SPAN = re.compile(r"(`+)(.+?)\1", re.S)


def prose(s: Any, table: bool = False) -> str:
    """Text of our own with `code spans` in it (fix texts): the spans stay code, the rest is escaped."""
    text = str(s)
    out, pos = [], 0
    for m in _SPAN.finditer(text):
        out.append(md(text[pos:m.start()]))
        out.append(code(m.group(2).strip(), table))
        pos = m.end()
    out.append(md(text[pos:]))
    return "".join(out)


_UNSAFE = {c for c in range(0x7F, 0xA0)} | {0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                              0x2066, 0x2067, 0x2068, 0x2069}


def fence(text: str, lang: str = "") -> str:
    """A code block that shows exactly its text: control, C1 and bidi characters that would move a terminal's
    cursor or reorder what is seen are written escaped (JSON as \\uXXXX, so the block stays valid JSON)."""
    if lang == "json":
        # also <, > and & (as JSON escapes): no tag appears in the page's text even inside the code block
        text = "".join(f"\\u{ord(ch):04x}" if ord(ch) in _UNSAFE or ch in "<>&" else ch for ch in text)
    else:
        text = "\n".join("".join(f"\\u{ord(ch):04x}" if ord(ch) in _UNSAFE else ch for ch in _visible(line))
                         for line in text.split("\n"))
    ticks = "```"
    while ticks in text:
        ticks += "`"
    return f"{ticks}{lang}\n{text}\n{ticks}"


# ----------------------------------------------------------------------------------------- the fix
def _fix_parts(f: Finding) -> tuple[str, list[str]]:
    """(text, commands) of a finding's fix: a plain string, or a structured fix with commands."""
    fx = f.fix
    if not fx:
        return "", []
    if isinstance(fx, str):
        return fx, []
    if isinstance(fx, dict):
        text, cmds = fx.get("text") or "", fx.get("commands") or []
    else:
        text, cmds = getattr(fx, "text", "") or "", getattr(fx, "commands", None) or []
    lines: list[str] = []
    for c in cmds:
        line = c.get("line") if isinstance(c, dict) else getattr(c, "line", c)
        if line and str(line) not in lines:  # PowerShell and cmd often type the same line: shown once
            lines.append(str(line))
    return str(text), lines


def _fix_inline(f: Finding, table: bool) -> str:
    text, cmds = _fix_parts(f)
    if not text and not cmds:
        return ""
    if not cmds and "`" not in text and isinstance(f.fix, str):
        return code(text, table)  # a bare command line, as older facts files and checks wrote them
    parts = [prose(text, table)] if text else []
    parts += [code(c, table) for c in cmds]
    return " ".join(parts)


# ----------------------------------------------------------------------------------- environment
def _gib(n: Any) -> str:
    return sizes.gib(n) if isinstance(n, (int, float)) and not isinstance(n, bool) else "?"


def _os_line(s: dict[str, Any]) -> str:
    osn = str(s.get("os") or "")
    machine = s.get("machine") or ""
    if osn.startswith("win"):
        ver = str(s.get("windows_version") or "")
        m = re.match(r"10\.0\.(\d+)", ver)
        name = "Windows"
        if m:
            name = "Windows 11" if int(m.group(1)) >= 22000 else "Windows 10"
        bits = [name, s.get("windows_edition") or "", f"(build {ver})" if ver else ""]
        return " ".join(b for b in bits if b) + (f" · {machine}" if machine else "")
    release = str(s.get("release") or "")
    distro = s.get("distro")
    if s.get("wsl"):
        wsl = "WSL2" if "wsl2" in release.lower() or "microsoft-standard" in release.lower() else "WSL"
        return f"{wsl} · {distro or 'Linux'} · kernel {release or '?'}" + (f" · {machine}" if machine else "")
    if osn == "darwin":
        return f"macOS · {s.get('platform') or release}"
    where = ""
    if s.get("container"):
        where = f" · in a {s['container']} container" + (" as root" if s.get("euid") == 0 else "")
    if distro or release:
        return f"{distro or 'Linux'} · kernel {release or '?'}" + (f" · {machine}" if machine else "") + where
    return str(s.get("platform") or osn or "unknown") + where


def _python_kind(p: dict[str, Any], tree: dict[str, Any]) -> str:
    if p.get("embedded"):
        return "ComfyUI portable (embedded)"
    if p.get("conda"):
        return "conda"
    if p.get("is_venv"):
        if tree.get("layout") == "desktop" and tree.get("python") and tree.get("python") == p.get("executable"):
            return "ComfyUI Desktop venv"
        return "venv"
    return "system" if p.get("executable") else "unknown"


def _pkg(p: dict[str, Any], *names: str) -> str:
    pk = p.get("packages") if isinstance(p.get("packages"), dict) else {}
    for n in names:
        if pk.get(n):
            return str(pk[n])
    return DASH


def _env_rows(facts: dict[str, Any], command: str | None) -> list[tuple[str, str]]:
    s = facts.get("system") if isinstance(facts.get("system"), dict) else {}
    g = facts.get("gpu") if isinstance(facts.get("gpu"), dict) else {}
    p = facts.get("python") if isinstance(facts.get("python"), dict) else {}
    t = facts.get("torch") if isinstance(facts.get("torch"), dict) else {}
    tree = facts.get("comfyui_tree") if isinstance(facts.get("comfyui_tree"), dict) else {}
    server = facts.get("comfyui_server") if isinstance(facts.get("comfyui_server"), dict) else {}
    rows: list[tuple[str, str]] = []
    if s:
        ram = s.get("ram_total_bytes")
        rows.append(("OS", md(_os_line(s)) + (f" · {_gib(ram)} RAM" if ram else "")))
    if g:
        devs = g.get("devices") if isinstance(g.get("devices"), list) else []
        for d in devs:
            if not isinstance(d, dict):
                continue
            cc = str(d.get("compute_capability") or "")
            sm = f"sm_{cc.replace('.', '')}" if cc else "?"
            rows.append((f"GPU {d.get('index', '?')}",
                         f"{md(d.get('name') or '?')} · {_gib(d.get('memory_total_bytes'))} · compute {md(cc or '?')} ({sm})"))
        if not devs:
            rows.append(("GPU", f"none found ({md(g.get('source') or 'no NVML, no nvidia-smi')})"))
        drv = g.get("driver_version")
        if drv or g.get("cuda_driver_version"):
            rows.append(("Driver", f"{md(drv or '?')} · supports CUDA {md(g.get('cuda_driver_version') or '?')}"))
    if p:
        exe = p.get("executable") or p.get("requested")
        kind = _python_kind(p, tree)
        rows.append(("Python", f"{md(kind)} · {md(p.get('implementation') or 'Python')} {md(p.get('version') or '?')}"
                     + (f" · {code(exe, True)}" if exe else "")))
    if t or p:
        build = p.get("torch_build") if isinstance(p.get("torch_build"), dict) else {}
        if t.get("installed") is False or (not t and build.get("found") is False):
            torch_line = "not installed"
        else:
            ver = t.get("version") or build.get("version")
            cuda = t.get("cuda") if t.get("version") else build.get("cuda")
            torch_line = f"{md(ver or '?')} · CUDA build {md(cuda or 'none (CPU)')}"
            arch = t.get("arch_flags")
            if isinstance(arch, list) and arch:
                torch_line += " · arch " + md(" ".join(str(a) for a in arch))
            if t.get("crashed") or t.get("error"):
                torch_line += f" · import failed: {md(str(t.get('error') or 'crashed')[:200])}"
        rows.append(("PyTorch", torch_line))
    if p:
        rows.append(("torch extras", " · ".join(f"{n} {md(_pkg(p, *alts))}" for n, *alts in (
            ("torchvision", "torchvision"), ("torchaudio", "torchaudio"), ("triton", "triton", "triton-windows"),
            ("xformers", "xformers"), ("flash-attn", "flash-attn"), ("sageattention", "sageattention")))))
        rows.append(("Hugging Face", " · ".join(f"{n} {md(_pkg(p, n))}" for n in (
            "diffusers", "transformers", "accelerate", "huggingface-hub", "safetensors"))))
    if tree or server:
        rows.append(("ComfyUI", _comfy_line(tree, server)))
    env = s.get("env") if isinstance(s.get("env"), dict) else {}
    if env:
        rows.append(("Environment", " · ".join(f"{md(k)}={md(_clip(v, 200))}" for k, v in sorted(env.items()))))
    argv = s.get("argv")
    # quoted for bash after redaction: a home redacted to `~` is written "$HOME", which a shell still expands
    collected = render_step(POSIX, Run(["klein-doctor", *argv])) if isinstance(argv, list) else None
    if collected:
        rows.append(("Collected with", code(_clip(collected, 1000), True)))
    if command and command != collected:
        rows.append(("Report made with", code(_clip(command, 1000), True)))
    return rows


def _comfy_line(tree: dict[str, Any], server: dict[str, Any]) -> str:
    bits = []
    if tree.get("found"):
        ver = tree.get("version") or DASH
        bits.append(f"{md(ver)} · {md(tree.get('layout') or '?')} layout")
        flags = [f.get("flag") + (f" {f.get('value')}" if f.get("value") else "") for f in tree.get("launch_flags") or []
                 if isinstance(f, dict) and f.get("flag")]
        if flags:
            bits.append("launch " + code(" ".join(dict.fromkeys(flags)), True))
        packs = tree.get("custom_nodes")
        if isinstance(packs, list):
            n = tree.get("custom_node_count", len(packs))
            shown = ", ".join(md(x) for x in packs[:15])
            more = f" … +{n - 15}" if isinstance(n, int) and n > 15 else ""
            bits.append(f"{n} custom node packs" + (f": {shown}{more}" if packs else ""))
    elif tree:
        bits.append("no install found")
    if server.get("contacted") and server.get("is_comfyui"):
        sv = f"server {md(server.get('url') or '?')}: {md(server.get('version') or '?')}"
        argv = server.get("argv")
        if isinstance(argv, list) and argv:
            sv += " · args " + code(" ".join(str(a) for a in argv[1:] if not str(a).endswith("main.py")) or DASH, True)
        bits.append(sv)
    elif server.get("contacted"):
        bits.append(f"no server at {md(server.get('url') or '?')}")
    return " · ".join(bits) or DASH


def _files_table(facts: dict[str, Any], cap: int = 30) -> list[str]:
    m = facts.get("models") if isinstance(facts.get("models"), dict) else {}
    files = m.get("files") if isinstance(m.get("files"), list) else []
    hf = m.get("hf") if isinstance(m.get("hf"), dict) else {}
    repos = [r for r in (hf.get("repos") or []) if isinstance(r, dict)]
    lines: list[str] = []
    if files:
        lines += ["| Klein file | folder | identity | size | sha256 |", "|---|---|---|---|---|"]
        for f in files[:cap]:
            if not isinstance(f, dict):
                continue
            size = f.get("size")
            try:
                from ..safetensors_id import identity_of  # the header summary read as a label, nothing judged

                ident = identity_of(f)
            except Exception:  # noqa: BLE001 - a hand-edited facts file must not break the report
                ident = None
            if isinstance(ident, dict):
                label = ident.get("label") or ident.get("id") or "unknown"
                ident = f"{label} ({ident['dtype']})" if ident.get("dtype") else label
            lines.append(f"| {code(f.get('name') or '?', True)} | {md(f.get('folder_type') or '?')} | "
                         f"{md(ident or 'unknown')} | "
                         f"{sizes.human(size) if isinstance(size, int) else '?'} | {md(f.get('hash_state') or '?')} |")
        if len(files) > cap:
            lines.append(f"| … {len(files) - cap} more files | | | | |")
    if repos:
        if lines:
            lines.append("")
        lines += ["| Hugging Face repo | snapshot | files | sha256 |", "|---|---|---|---|"]
        for r in repos:
            rf = r.get("files") if isinstance(r.get("files"), list) else []
            states: dict[str, int] = {}
            for f in rf:
                if isinstance(f, dict):
                    states[str(f.get("hash_state"))] = states.get(str(f.get("hash_state")), 0) + 1
            lines.append(f"| {md(r.get('repo') or r.get('folder') or '?')} | "
                         f"{'found' if r.get('found') else 'not found'} | {len(rf) if rf else DASH} | "
                         f"{md(', '.join(f'{n} {k}' for k, n in sorted(states.items()))) or DASH} |")
    return lines


def _env_block(facts: dict[str, Any], command: str | None) -> str:
    rows = _env_rows(facts, command)
    lines = ["### Environment", ""]
    if rows:
        lines += ["| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows]
    else:
        lines.append("(no facts about this machine were gathered)")
    ft = _files_table(facts)
    if ft:
        lines += [""] + ft
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------- the verdict
def _counts(findings: list[Finding], short: bool = False) -> str:
    return marks.counts_text(summarize(findings), short)


def _verdict_block(findings: list[Finding], facts: dict[str, Any], cap: int | None = None) -> str:
    """The verdict (doctor/verdict.py, the one the exit code uses) and the root causes with their fixes; a
    cause's consequences are counted beside it, not repeated."""
    from ..verdict import compute, consequence_count, consequences

    v = compute(findings, facts.get("options") if isinstance(facts.get("options"), dict) else None)
    icon = {"ready": ICONS[Status.OK], "ready-partial": ICONS[Status.WARN], "not-ready": ICONS[Status.FAIL],
            "nothing-judged": ICONS[Status.SKIP]}.get(v.state, ICONS[Status.INFO])
    lines = ["### Verdict", "", f"{icon} **{md(v.headline)}** — {_counts(findings)}", ""]
    for n in v.not_checked:
        also = f" ({md(n['how_also'])})" if n.get("how_also") else ""
        lines.append(f"- not checked: {md(n.get('area', '?'))} ({md(n.get('why', ''))}): {code(n.get('how', ''), False)}{also}")
    if v.not_checked:
        lines.append("")
    groups = consequences(findings)
    roots = [f for f in v.root_causes if f.status in (Status.FAIL, Status.WARN, Status.ERROR)]
    if roots:
        lines += ["| | area | root cause | fix |", "|---|---|---|---|"]
        shown = roots if cap is None else roots[:cap]
        for f in shown:
            title = f.title if cap is None else _clip(f.title, 300)
            n = consequence_count(f.code, groups)
            more = f" (+{n} consequence{'s' if n != 1 else ''})" if n else ""
            fix = _fix_inline(f, True)
            if cap is not None and len(fix) > 600:
                fix = md(_clip(_fix_parts(f)[0], 500))
            lines.append(f"| {ICONS[f.status]} | {md(f.area)} | {md(title)}{more} ({code(f.code, True)}) | {fix} |")
        if len(shown) < len(roots):
            lines.append(f"| | | … {len(roots) - len(shown)} more (see the areas below) | |")
        lines.append("")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------- areas
def _areas(findings: list[Finding], evidence_cap: int | None, line_cap: int | None = None,
           per_area: int | None = None) -> str:
    blocks = []
    for area, items in group(findings):
        worst = max(items, key=lambda f: f.status.rank).status
        items = collapse_unrun(items, verbose=False)  # checks whose facts were never gathered: one line
        body = []
        ordered = sorted(items, key=lambda f: -f.status.rank) if per_area is not None else items
        shown = ordered if per_area is None else ordered[:per_area]
        for f in shown:
            title = f.title if line_cap is None else _clip(f.title, line_cap)
            body.append(f"- {ICONS[f.status]} **{md(title)}** ({code(f.code)})")
            cap = evidence_cap
            if f.status in (Status.OK, Status.INFO, Status.SKIP):  # what is fine needs less proof than a problem
                cap = OK_EVIDENCE if cap is None else min(cap, OK_EVIDENCE)
            ev = f.evidence if cap is None else f.evidence[:cap]
            for e in ev:
                body.append(f"  - {md(e if line_cap is None else _clip(e, line_cap))}")
            if cap and len(f.evidence) > cap:  # (a finding that is not a problem shows no evidence at all)
                body.append(f"  - … {len(f.evidence) - cap} more (`klein-doctor check -v`)")
            text, cmds = _fix_parts(f) if f.status not in (Status.OK, Status.SKIP) else ("", [])
            if text or cmds:
                if line_cap is not None:
                    text, cmds = _clip(text, line_cap * 2), cmds[:3]
                if cmds:
                    body.append(f"  - fix: {prose(text)}" if text else "  - fix:")
                    body.append("")
                    body.append("    " + fence("\n".join(cmds)).replace("\n", "\n    "))
                    body.append("")
                else:
                    body.append(f"  - fix: {_fix_inline(f, False)}")
        if len(shown) < len(items):
            body.append(f"- … {len(items) - len(shown)} more findings (run `klein-doctor check -v`)")
        summary = f"{ICONS[worst]} {_html(area)} ({_counts(items, short=True)})"
        blocks.append(f"<details><summary>{summary}</summary>\n\n" + "\n".join(body) + "\n\n</details>\n")
    return "\n".join(blocks)


def _html(s: str) -> str:
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(s: str, n: int) -> str:
    s = str(s)
    return s if len(s) <= n else s[: n - 1] + "…"


# ------------------------------------------------------------------------------------------- facts
def _facts_json(facts: dict[str, Any], level: int) -> str:
    if level == 0:
        data = compact(facts)
    elif level == 1:
        data = compact(facts, list_cap=20)
    else:
        keep = ("schema", "collected_at", "tool_version", "options", "probe_errors", "system", "gpu", "torch")
        small = {k: facts[k] for k in keep if k in facts}
        small["omitted_sections"] = sorted(k for k in facts if k not in keep)
        data = compact(small, list_cap=10)
    # One line per section: valid JSON, a third shorter than indented, still readable by section.
    items = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, default=str, ensure_ascii=False, separators=(',', ':'))}"
             for k, v in data.items()]
    return "{\n" + ",\n".join(items) + "\n}"


def _facts_block(facts_json: str, note: str | None) -> str:
    sha = builtin_manifest_sha256()
    lines = ["<details><summary>Facts (JSON: save as facts.json, replay with "
             "<code>klein-doctor check --facts facts.json</code>)</summary>", ""]
    if note:
        lines += [f"> {note}", ""]
    if sha:
        lines += [f"The models manifest is the one built into klein-doctor {__version__} (models.toml, sha256 "
                  f"{code(sha[:16])}…), named here instead of copied.", ""]
    lines += [fence(facts_json, "json"), "", "</details>"]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------------ assembly
def _head(facts: dict[str, Any], redacted: bool) -> str:
    return "\n".join([
        "## klein-doctor report", "",
        f"klein-doctor {__version__} · collected {md(facts.get('collected_at', 'unknown'))} · "
        f"{'redacted (home, user, host, tokens, GPU UUIDs)' if redacted else '**not redacted**'}", ""])


# Levels of detail, from everything to the least that is still a useful report: (evidence lines per
# finding, longest line, findings per area, rows in the root-cause table, facts level).
_LEVELS = [(None, None, None, None, 0), (None, None, None, None, 1), (5, 400, None, None, 1),
           (3, 300, 40, 60, 2), (1, 200, 15, 30, 2), (0, 160, 8, 15, 2), (0, 120, 3, 8, 2)]


def render(findings: list[Finding], facts: dict[str, Any], redacted: bool, limit: int = LIMIT,
           command: str | None = None) -> str:
    head = _head(facts, redacted)
    env = _env_block(facts, command)
    for i, (ev_cap, line_cap, per_area, rc_cap, flevel) in enumerate(_LEVELS):
        note = None
        if i:
            note = ("Shortened to stay under the issue tracker's size limit: "
                    + ("long lists in the facts are cut to their first items (`…_omitted` says how many more)"
                       if flevel == 1 else "only the system, GPU and PyTorch facts are included")
                    + ("" if ev_cap is None else "; evidence is cut") + ". `klein-doctor check --json` prints everything.")
        doc = "\n".join([head, env, _verdict_block(findings, facts, rc_cap),
                         _areas(findings, ev_cap, line_cap, per_area),
                         _facts_block(_facts_json(facts, flevel), note), _footer()])
        if len(doc) <= limit:
            return doc
    # Still too long (an absurd number of areas or environment rows): the verdict and a pointer only.
    return "\n".join([head, _verdict_block(findings, facts, 5), "> The full report did not fit in "
                      f"{limit} characters: run `klein-doctor check -v` and attach its output as a file.\n", _footer()])


def _footer() -> str:
    return "<sub>generated by <code>klein-doctor report</code></sub>\n"


def write(text: str, stream: TextIO) -> None:
    """Write the report as UTF-8 whatever the console's encoding (a Windows `report > r.md` or `| clip`
    is cp1252 or cp437 otherwise): the bytes go to the stream's buffer when it has one."""
    buf = getattr(stream, "buffer", None)
    if buf is not None:
        stream.flush()
        buf.write(text.encode("utf-8"))
        buf.flush()
    else:
        stream.write(text)
