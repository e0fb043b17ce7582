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
