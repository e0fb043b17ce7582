"""Neutralise strings that came from outside (files, servers, facts, environment, argv) before they are shown.

- ``term(s)``: for a terminal. Every control character (C0 but tab, DEL, C1), and therefore every ESC/OSC/CSI
  sequence (clipboard writes, clear-screen, hyperlinks, title changes), and the bidirectional overrides and
  isolates that reorder what a reader sees, are shown escaped (``\\x1b``, ``\\u202e``) instead of acting.
  Newlines are escaped too unless ``keep_newlines`` (for multi-line details the renderer splits itself).
- ``md(s)``: for inline markdown text (titles, evidence, table cells, summaries): the same control escaping,
  newlines folded to spaces (a value cannot start a heading, a list or a table row), markdown punctuation
  backslash-escaped and ``& < >`` written as HTML entities (a value cannot open or close a tag).
- ``md_code(s)``: an inline code span that holds ``s`` literally, whatever backticks it contains.

JSON output is never passed through these: it stays exact (json.dumps escapes control characters itself).
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls (tab kept), DEL, C1 controls, bidi embedding/override/isolate marks, line/paragraph separators,
# the Arabic letter mark, the BOM / zero-width no-break space, and lone surrogates (undecodable file-name bytes).
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_UNSAFE_KEEP_NL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_MD_PUNCT = re.compile(r"([\\`*_\[\]|~])")
# What may open a block when it starts the text (a list item's first line can be a heading, a list, a quote).
_MD_LEADING = re.compile(r"^(\d+(?=[.)])|)([#+=.)-])")


def _escape_char(m: re.Match) -> str:
    c = m.group(0)
    o = ord(c)
    if c == "\n":
        return "\\n"
    if c == "\r":
        return "\\r"
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def term(s: Any, keep_newlines: bool = False) -> str:
    """``s`` as text a terminal shows but never obeys."""
    s = s if isinstance(s, str) else str(s)
    return (_UNSAFE_KEEP_NL if keep_newlines else _UNSAFE).sub(_escape_char, s)


def md(s: Any) -> str:
    """``s`` as inline markdown/HTML-safe text: shown literally, never structure."""
    s = s if isinstance(s, str) else str(s)
    s = re.sub(r"\s*[\r\n\u2028\u2029]+\s*", " ", s)  # one line: no heading, list or table row can start
    s = term(s)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_PUNCT.sub(r"\\\1", s.strip())
    return _MD_LEADING.sub(r"\1\\\2", s)


def md_code(s: Any) -> str:
    """An inline code span holding ``s`` literally (one line; backticks inside are fenced by longer runs)."""
    s = s if isinstance(s, str) else str(s)
    s = term(re.sub(r"[\r\n\u2028\u2029]+", " ", s))
    longest = max((len(r) for r in re.findall(r"`+", s)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if s.startswith("`") or s.endswith("`") or not s.strip() else ""
    return f"{ticks}{pad}{s}{pad}{ticks}"
