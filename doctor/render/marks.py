"""The one marks table: how a status looks wherever klein-doctor prints one (terminal with and without UTF-8,
markdown, `explain`, `install`, `fix`), and its terminal colour. Renderers look marks up here; none keeps its own."""

from __future__ import annotations

from ..findings import Status

TERMINAL = {Status.OK: "✓", Status.INFO: "i", Status.SKIP: "-", Status.WARN: "!", Status.FAIL: "✗", Status.ERROR: "☠"}
PLAIN = {Status.OK: "[ok]", Status.INFO: "[i]", Status.SKIP: "[-]", Status.WARN: "[!]", Status.FAIL: "[x]",
         Status.ERROR: "[error]"}
MARKDOWN = {Status.OK: "✅", Status.INFO: "ℹ️", Status.SKIP: "⏭️", Status.WARN: "⚠️", Status.FAIL: "❌", Status.ERROR: "💥"}
STYLE = {Status.OK: "green", Status.INFO: "cyan", Status.SKIP: "dim", Status.WARN: "yellow", Status.FAIL: "bold red",
         Status.ERROR: "magenta"}


def status_of(name: str) -> Status | None:
    """A status from its name ("fail", "warn", ...), or None."""
    try:
        return Status(name)
    except ValueError:
        return None


def terminal(status: Status | str, fancy: bool = True) -> str:
    """The mark for a terminal: the UTF-8 one, or the ASCII one where the console cannot show it."""
    s = status if isinstance(status, Status) else status_of(status)
    if s is None:
        return "?"
    return TERMINAL[s] if fancy else PLAIN[s]


def plural(n: int, word: str, words: str | None = None) -> str:
    """A count with its noun as every renderer writes it: `1 warning`, `0 warnings`, `2 checks`."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


# how a status is counted in words, as (one, many): `1 warning`, `2 warnings`, `3 failed`
_COUNT_WORDS = {"fail": ("failed", "failed"), "error": ("broke", "broke"), "warn": ("warning", "warnings"),
                "ok": ("ok", "ok"), "info": ("info", "info"), "skip": ("skipped", "skipped")}


def counts_text(c: dict[str, int], short: bool = False) -> str:
    """The summary's counts (summarize()'s dict) in words, the same in every renderer: failed, warnings and ok always,
    then info, skipped and broken checks when there are any (`0 failed, 1 warning, 8 ok, 3 info`); `short` gives only
    the non-zero ones, worst first (`2 broke, 1 warning, 1 ok`)."""
    if short:
        return ", ".join(plural(c[k], *_COUNT_WORDS[k]) for k in ("fail", "error", "warn", "ok", "info", "skip") if c[k])
    parts = [plural(c[k], *_COUNT_WORDS[k]) for k in ("fail", "warn", "ok")]
    parts += [plural(c[k], *_COUNT_WORDS[k]) for k in ("info", "skip") if c[k]]
    if c["error"]:
        parts.append(plural(c["error"], "check", "checks") + " broke")
    return ", ".join(parts)
