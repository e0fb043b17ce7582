"""Terminal output: grouped by area, one line per finding, fixes under failures, a summary line.

Colour and symbols through rich when stdout is a terminal and NO_COLOR is unset; otherwise plain
text with ASCII-safe marks, so logs and pipes stay readable.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from ..findings import Finding, Status, summarize
from ..registry import AREAS
from ..textsafe import term

MARKS = {Status.OK: "✓", Status.INFO: "i", Status.SKIP: "-", Status.WARN: "!", Status.FAIL: "✗", Status.ERROR: "☠"}
PLAIN_MARKS = {Status.OK: "[ok]", Status.INFO: "[i]", Status.SKIP: "[-]", Status.WARN: "[!]", Status.FAIL: "[x]",
               Status.ERROR: "[error]"}
STYLES = {Status.OK: "green", Status.INFO: "cyan", Status.SKIP: "dim", Status.WARN: "yellow", Status.FAIL: "bold red",
          Status.ERROR: "magenta"}


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


def summary_line(findings: list[Finding]) -> str:
    c = summarize(findings)
    parts = [f"{c['fail']} failed", f"{c['warn']} warnings", f"{c['ok']} ok"]
    if c["info"]:
        parts.append(f"{c['info']} info")
    if c["skip"]:
        parts.append(f"{c['skip']} skipped")
    if c["error"]:
        parts.append(f"{c['error']} checks broke")
    verdict = "Ready for FLUX.2 [klein]" if not c["fail"] and not c["error"] else (
        "Not ready: fix the ✗ items above" if c["fail"] else "The doctor could not finish every check")
    return f"{verdict} — " + ", ".join(parts)


def render(findings: list[Finding], stream: TextIO | None = None, verbose: bool = False, header: str | None = None) -> None:
    stream = stream or sys.stdout
    color = use_color(stream)
    if color:
        _render_rich(findings, stream, verbose, header)
    else:
        _render_plain(findings, stream, verbose, header)


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


def _render_plain(findings: list[Finding], out: TextIO, verbose: bool, header: str | None) -> None:
    enc = (getattr(out, "encoding", None) or "utf-8").lower()
    fancy = "utf" in enc
    w = out.write
    if header:
        w(term(header) + "\n\n")
    for area, items in group(findings):
        w(f"{area}\n")
        for f in collapse_unrun(items, verbose):
            mark = MARKS[f.status] if fancy else PLAIN_MARKS[f.status]
            w(f"  {mark} {term(f.title)}\n")
            if verbose:
                for e in f.evidence:
                    w(f"      {term(e)}\n")
            if f.fix and f.status in (Status.FAIL, Status.WARN, Status.ERROR) or (verbose and f.fix):
                w("      fix: " + "\n           ".join(term(x) for x in f.fix.display("\x00").split("\x00")) + "\n")
            if verbose and f.detail:
                for line in f.detail.rstrip().splitlines():
                    w(f"      | {term(line)}\n")
        w("\n")
    line = summary_line(findings)
    w((line if fancy else line.replace("✗", "x").replace("—", "-")) + "\n")


def _render_rich(findings: list[Finding], out: TextIO, verbose: bool, header: str | None) -> None:
    from rich.console import Console
    from rich.markup import escape

    con = Console(file=out, highlight=False, soft_wrap=True)
    if header:
        con.print(f"[bold]{escape(term(header))}[/]\n")
    for area, items in group(findings):
        con.print(f"[bold]{escape(area)}[/]")
        for f in collapse_unrun(items, verbose):
            style = STYLES[f.status]
            con.print(f"  [{style}]{MARKS[f.status]}[/] {escape(term(f.title))}")
            if verbose:
                for e in f.evidence:
                    con.print(f"      [dim]{escape(term(e))}[/]")
            if f.fix and (f.status in (Status.FAIL, Status.WARN, Status.ERROR) or verbose):
                con.print("      [bold]fix:[/] " + escape((chr(10) + " " * 11).join(term(x) for x in f.fix.display(chr(0)).split(chr(0)))))
            if verbose and f.detail:
                con.print(f"[dim]{escape(term(f.detail.rstrip(), keep_newlines=True))}[/]")
        con.print()
    c = summarize(findings)
    style = "bold red" if c["fail"] else ("magenta" if c["error"] else ("yellow" if c["warn"] else "bold green"))
    con.print(f"[{style}]{escape(summary_line(findings))}[/]")
