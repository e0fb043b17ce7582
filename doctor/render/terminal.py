"""Terminal output: grouped by area, one line per cause, the verdict, and "Fix these first".

A finding that follows from another (``cause``) is printed indented under its cause, without repeating the
fix; the cause is the headline with its fix. Many findings of one code in an area (25 workflows with the
same problem) are one line with a count; ``-v`` lists them all. The output ends with the verdict
(doctor/verdict.py, computed once) and the root causes, numbered, each with its command, so they are what
an 80x24 terminal shows after the run.

Colour and symbols through rich when stdout is a terminal and NO_COLOR is unset; otherwise plain
text with ASCII-safe marks, so logs and pipes stay readable. Renderers print; they never decide.
"""

from __future__ import annotations

import re

import os
import sys
from typing import Any, TextIO

from . import marks
from ..findings import Finding, Status, summarize
from ..registry import AREAS
from ..textsafe import term

MARKS = marks.TERMINAL  # the one marks table (render/marks.py)
PLAIN_MARKS = marks.PLAIN
STYLES = marks.STYLE
VERDICT_STYLES = {"ready": "bold green", "ready-partial": "yellow", "not-ready": "bold red", "nothing-judged": "magenta"}
COLLAPSE_AT = 3  # this many findings of one code in one area become one line with a count


def _safe(s: Any) -> str:
    try:
        from ..textsafe import term  # i16's escaping of outside strings, when present
    except ImportError:
        text = str(s)
        return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)
    return term(str(s))


def fix_lines(fix: Any) -> list[str]:
    """A fix as the lines a terminal shows: its text, then each command for the diagnosed machine's shell on a
    line of its own (exactly as typed; the report and the JSON carry every shell's)."""
    if not fix:
        return []
    if isinstance(fix, str):
        return [fix]
    lines = list(fix.lines()) if hasattr(fix, "lines") else []
    text = getattr(fix, "text", "") or ""
    return ([text] if text else []) + lines


def fix_text(fix: Any) -> str:
    """A fix as one line: a plain string (today), or i12's Fix(text, commands) (its commands when it has them,
    for this platform's shell first)."""
    if fix is None:
        return ""
    if isinstance(fix, str):
        return fix
    commands = getattr(fix, "commands", None) or []
    lines = [getattr(c, "line", str(c)) for c in commands]
    text = getattr(fix, "text", "") or ""
    return " && ".join(lines) if lines and not text else (f"{text}: {'; '.join(lines)}" if lines else text)


def use_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def group(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    order = {a: i for i, a in enumerate(AREAS)}
    areas: dict[str, list[Finding]] = {}
    for f in findings:
        areas.setdefault(f.area or "System", []).append(f)
    return sorted(areas.items(), key=lambda kv: order.get(kv[0], 99))


def counts_text(findings: list[Finding]) -> str:
    return marks.counts_text(summarize(findings))


def summary_line(findings: list[Finding], verdict: Any = None, options: dict[str, Any] | None = None) -> str:
    """The verdict's headline and the counts (the markdown report prints it too)."""
    if verdict is None:
        from ..verdict import compute

        verdict = compute(findings, options)
    return f"{verdict.headline} — {counts_text(findings)}"


def collapse_unrun(items: list[Finding], verbose: bool) -> list[Finding]:
    """Checks that did not run because their facts were never gathered (an older facts file, a --check
    selection) are one line per area, not a wall of skips; -v lists them all."""
    if verbose:
        return items
    unrun = [f for f in items if f.status is Status.SKIP and f.code.endswith(".no-facts") and "were not gathered" in f.title]
    if len(unrun) < 2:
        return items
    rest = [f for f in items if f not in unrun]
    from ..findings import skip

    s = skip("checks.not-run", f"{len(unrun)} checks not run: their facts were not gathered (-v lists them)")
    s.area = unrun[0].area
    return rest + [s]


def _strip_subject(title: str) -> str:
    """'wf.json: uses X ...' -> 'uses X ...' (the subject differs between repeats, the problem does not)."""
    head, sep, rest = title.partition(": ")
    return rest if sep and len(head) < 80 else title


def _common_title(titles: list[str]) -> str:
    """The words a group of collapsed findings share: the subjects go, and so does a trailing "(...)" that
    differs between them (three files that agree each with their own size are not three of the first size)."""
    stripped = [_strip_subject(t) for t in titles]
    first = stripped[0]
    if all(t == first for t in stripped):
        return first
    heads = [re.sub(r"\s*\((?:[^()]|\([^()]*\))*\)\s*$", "", t) for t in stripped]
    return heads[0] if all(h == heads[0] for h in heads) and heads[0] else first


def collapse_repeats(items: list[Finding], verbose: bool) -> list[tuple[Finding, int, str]]:
    """(finding, how many it stands for, its title): one line per distinct problem when a code repeats in an
    area; a collapsed line's title is what the group shares."""
    if verbose:
        return [(f, 1, f.title) for f in items]
    by_code: dict[tuple[str, Status], list[Finding]] = {}
    for f in items:
        by_code.setdefault((f.code, f.status), []).append(f)
    out: list[tuple[Finding, int, str]] = []
    done: set[tuple[str, Status]] = set()
    for f in items:
        key = (f.code, f.status)
        group_ = by_code[key]
        if len(group_) < COLLAPSE_AT:
            out.append((f, 1, f.title))
            continue
        if key in done:
            continue
        done.add(key)
        out.append((f, len(group_), f"{_common_title([g.title for g in group_])} (×{len(group_)}, -v lists them)"))
    return out


# One rendered line: (indent, status or None, text, kind) with kind in "title", "evidence", "fix", "detail",
# "heading", "blank", "verdict", "root".
Line = tuple[int, "Status | None", str, str]


def lines_for(findings: list[Finding], verbose: bool = False, verdict: Any = None) -> list[Line]:
    from ..verdict import compute, consequence_count, consequences, is_consequence

    verdict = verdict or compute(findings)
    groups = consequences(findings)
    out: list[Line] = []

    def one(f: Finding, title: str, indent: int, show_fix: bool) -> None:
        out.append((indent, f.status, title, "title"))
        if verbose:
            for e in f.evidence:
                out.append((indent + 4, None, e, "evidence"))
        if show_fix and f.fix and (f.status in (Status.FAIL, Status.WARN, Status.ERROR) or verbose):
            fl = fix_lines(f.fix)
            if fl:
                out.append((indent + 4, None, f"fix: {fl[0]}", "fix"))
                out.extend((indent + 9, None, x, "command") for x in fl[1:])
        if verbose and f.detail:
            for line in f.detail.rstrip().splitlines():
                out.append((indent + 4, None, f"| {line}", "detail"))
        for c, _n, t in collapse_repeats(groups.get(f.code, []), verbose):
            one(c, t, indent + 2, show_fix=False)

    for area, items in group(findings):
        items = [f for f in items if not is_consequence(f, groups)]
        if not items:
            continue
        out.append((0, None, area, "heading"))
        for f, _n, t in collapse_repeats(collapse_unrun(items, verbose), verbose):
            one(f, t, 2, show_fix=True)
        out.append((0, None, "", "blank"))
    out.append((0, None, summary_line(findings, verdict), "verdict"))
    for n in verdict.not_checked:
        also = f" ({n['how_also']})" if n.get("how_also") else ""
        out.append((2, None, f"not checked: {n['area']} ({n['why']}): {n['how']}{also}", "evidence"))
    roots = [f for f in verdict.root_causes if f.status in (Status.FAIL, Status.ERROR)] or \
        ([] if verdict.state == "ready" else verdict.root_causes)
    if roots:
        out.append((0, None, "", "blank"))
        out.append((0, None, "Fix these first:", "heading"))
        for i, f in enumerate(roots, 1):
            n = consequence_count(f.code, groups)
            more = f" (+{n} consequence{'s' if n != 1 else ''})" if n else ""
            out.append((2, None, f"{i}. {f.title}{more}", "root"))
            out.extend((5, None, x, "command") for x in fix_lines(f.fix))
    return out


def render(findings: list[Finding], stream: TextIO | None = None, verbose: bool = False,
           header: str | list[str] | tuple[str, ...] | None = None, verdict: Any = None) -> None:
    """`header`: a line, or lines, shown above the findings; each is escaped on its own, so a line break inside one
    (from a path or a fact) shows as `\\n` while the lines themselves stay lines."""
    stream = stream or sys.stdout
    if isinstance(header, (list, tuple)):
        header = "\n".join(_safe(h) for h in header if h) or None
    elif header:
        header = _safe(header)
    lines = lines_for(findings, verbose, verdict)
    if use_color(stream):
        _render_rich(lines, stream, header, verdict)
    else:
        _render_plain(lines, stream, header)


def _render_plain(lines: list[Line], out: TextIO, header: str | None) -> None:
    enc = (getattr(out, "encoding", None) or "utf-8").lower()
    fancy = "utf" in enc
    w = out.write
    if header:
        w(header + "\n\n")
    for indent, status, text, kind in lines:
        text = _safe(text)
        if not fancy:
            text = text.replace("✗", "x").replace("—", "-").replace("×", "x")
        if status is not None:
            mark = MARKS[status] if fancy else PLAIN_MARKS[status]
            w(" " * indent + f"{mark} {text}\n")
        else:
            w((" " * indent + text).rstrip() + "\n")


def _render_rich(lines: list[Line], out: TextIO, header: str | None, verdict: Any) -> None:
    from rich.console import Console
    from rich.markup import escape

    con = Console(file=out, highlight=False, soft_wrap=True)
    if header:
        con.print(f"[bold]{escape(header)}[/]\n")
    vstyle = VERDICT_STYLES.get(getattr(verdict, "state", ""), "bold")
    for indent, status, text, kind in lines:
        t = escape(_safe(text))
        pad = " " * indent
        if status is not None:
            con.print(f"{pad}[{STYLES[status]}]{MARKS[status]}[/] {t}")
        elif kind == "heading":
            con.print(f"[bold]{t}[/]")
        elif kind == "fix":
            con.print(f"{pad}[bold]{t}[/]" if not t.startswith("fix:") else f"{pad}[bold]fix:[/]{t[4:]}")
        elif kind in ("evidence", "detail"):
            con.print(f"{pad}[dim]{t}[/]")
        elif kind == "verdict":
            con.print(f"[{vstyle}]{t}[/]")
        elif kind == "blank":
            con.print()
        else:
            con.print(f"{pad}{t}")
