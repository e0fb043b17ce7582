"""A quoting/tokenising checker for the command lines klein-doctor prints, written to the shells' rules.

No PowerShell or cmd runs here, so each line is tokenised the way that shell does and rejected when a user
typing it would get a parse error, an unintended expansion or trailing prose:

PowerShell
- quotes balance: '...' (a doubled quote is a literal one; the typographic single quotes count as quotes
  too), "..." (a backtick escapes the next character);
- a line whose program is quoted or a variable starts with the call operator `&`;
- outside quotes no metacharacter: ; | & ( ) { } < > , ` $ (only `$env:NAME = ...` as an assignment), no
  leading @ or # (a comment: trailing prose);
- inside double quotes `$` only as $HOME or escaped (`$), so nothing expands by accident.

cmd
- a double quote toggles quoting and cannot be escaped; quotes balance;
- outside quotes ^ escapes the next character; no unescaped & | < > ( ) there;
- % only in %USERPROFILE% / %LOCALAPPDATA% / %APPDATA% (inside quotes ^ does not escape it, so a literal %
  must stand outside quotes as ^%).

All shells: no bare prose word ("or", "then", "and", "if", ...) as an argument, no backticks in POSIX lines
(command substitution), and POSIX lines must pass `bash -n`.
"""

from __future__ import annotations

import re
import shlex
import subprocess

PROSE = {"or", "then", "and", "if", "instead", "e.g.", "run", "(then", "etc", "see"}
PS_SINGLE = "'\u2018\u2019\u201a\u201b"
PS_DOUBLE = '"\u201c\u201d\u201e'
CMD_VARS = {"USERPROFILE", "LOCALAPPDATA", "APPDATA"}


class ShellError(ValueError):
    pass


def ps_tokens(line: str) -> list[tuple[str, str]]:
    """(kind, text) tokens: kind 'bare', 'single', 'double', 'op'."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch.isspace():
            i += 1
            continue
        if ch in PS_SINGLE:
            j, buf = i + 1, []
            while True:
                if j >= n:
                    raise ShellError(f"unterminated single quote: {line!r}")
                if line[j] in PS_SINGLE:
                    if j + 1 < n and line[j + 1] in PS_SINGLE:
                        buf.append(line[j])
                        j += 2
                        continue
                    break
                buf.append(line[j])
                j += 1
            out.append(("single", "".join(buf)))
            i = j + 1
        elif ch in PS_DOUBLE:
            j, buf = i + 1, []
            while True:
                if j >= n:
                    raise ShellError(f"unterminated double quote: {line!r}")
                c = line[j]
                if c == "`":
                    if j + 1 >= n:
                        raise ShellError(f"dangling backtick: {line!r}")
                    buf.append("`" + line[j + 1])
                    j += 2
                    continue
                if c in PS_DOUBLE:
                    break
                buf.append(c)
                j += 1
            text = "".join(buf)
            for m in re.finditer(r"(?<!`)\$(\w*)", text):
                if m.group(1) != "HOME":
                    raise ShellError(f"unescaped $ expands inside double quotes: {line!r}")
            out.append(("double", text))
            i = j + 1
        else:
            j = i
            while j < n and not line[j].isspace() and line[j] not in PS_SINGLE + PS_DOUBLE:
                j += 1
            if j < n and not line[j].isspace():
                raise ShellError(f"a quote glued to a bare word: {line!r}")
            out.append(("bare", line[i:j]))
            i = j
    return out


def check_powershell(line: str) -> None:
    if not line.strip() or line != line.strip():
        raise ShellError(f"empty or padded line: {line!r}")
    m = re.match(r"^\$env:([A-Za-z_][A-Za-z0-9_]*) = (.*)$", line)
    if m:
        toks = ps_tokens(m.group(2))
        if len(toks) != 1 or toks[0][0] not in ("single", "double"):
            raise ShellError(f"an env assignment takes one quoted value: {line!r}")
        return
    if re.fullmatch(r"\$(?:env:)?[A-Za-z_][A-Za-z0-9_]*", line):
        return  # a variable alone is an expression statement: PowerShell prints its value (`$env:CMAKE_ARGS`)
    toks = ps_tokens(line)
    if toks[0] == ("bare", "&"):
        if len(toks) < 2:
            raise ShellError(f"& without a program: {line!r}")
        toks = toks[1:]
        prog_kind = toks[0][0]
    else:
        prog_kind = toks[0][0]
        if prog_kind != "bare":
            raise ShellError(f"a quoted program needs the call operator &: {line!r}")
    if prog_kind == "bare" and toks[0][1].startswith("$"):
        raise ShellError(f"a variable program needs &: {line!r}")
    for kind, text in toks:
        if kind != "bare":
            continue
        if re.search(r"[;|&(){}<>,`$]", text) or text.startswith(("@", "#")):
            raise ShellError(f"PowerShell metacharacter outside quotes in {text!r}: {line!r}")
        if text.lower() in PROSE:
            raise ShellError(f"prose after the command: {line!r}")


def cmd_tokens(line: str) -> list[str]:
    """Arguments as cmd hands them on (quotes kept), after ^ escapes; errors on metacharacters."""
    toks, cur, quoted, i = [], "", False, 0
    while i < len(line):
        ch = line[i]
        if ch == '"':
            quoted = not quoted
            cur += ch
        elif quoted:
            if ch == "%":
                m = re.match(r"%([A-Za-z_]+)%", line[i:])
                if not m or m.group(1).upper() not in CMD_VARS:
                    raise ShellError(f"% inside quotes expands in cmd and cannot be escaped there: {line!r}")
                cur += m.group(0)
                i += len(m.group(0))
                continue
            cur += ch
        elif ch == "^":
            if i + 1 >= len(line):
                raise ShellError(f"dangling ^: {line!r}")
            cur += line[i + 1]
            i += 2
            continue
        elif ch in "&|<>()":
            raise ShellError(f"unescaped cmd metacharacter {ch!r}: {line!r}")
        elif ch == "%":
            m = re.match(r"%([A-Za-z_]+)%", line[i:])
            if not m or m.group(1).upper() not in CMD_VARS:
                raise ShellError(f"unescaped % outside quotes: {line!r}")
            cur += m.group(0)
            i += len(m.group(0))
            continue
        elif ch.isspace():
            if cur:
                toks.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    if quoted:
        raise ShellError(f"unbalanced double quotes: {line!r}")
    if cur:
        toks.append(cur)
    return toks


def check_cmd(line: str) -> None:
    if not line.strip() or line != line.strip():
        raise ShellError(f"empty or padded line: {line!r}")
    if re.match(r'^set "[A-Za-z_][A-Za-z0-9_]*=[^"%]*"$', line) or re.match(r"^set [A-Za-z_][A-Za-z0-9_]*=$", line):
        return
    for t in cmd_tokens(line):
        if t.lower() in PROSE:
            raise ShellError(f"prose after the command: {line!r}")


def check_posix(line: str) -> None:
    if not line.strip() or line != line.strip():
        raise ShellError(f"empty or padded line: {line!r}")
    proc = subprocess.run(["bash", "-n", "-c", line], capture_output=True, text=True, timeout=10)
    if proc.returncode != 0:
        raise ShellError(f"bash -n: {proc.stderr.strip()}: {line!r}")
    if "`" in re.sub(r"'[^']*'", "", line):
        raise ShellError(f"a backtick (command substitution): {line!r}")
    try:
        words = shlex.split(line)
    except ValueError as exc:
        raise ShellError(f"{exc}: {line!r}") from exc
    if any(w.lower() in PROSE for w in words[1:]) or re.search(r"(^|\s)~(/|\s|$)", line):
        raise ShellError(f"prose or an unexpanded ~: {line!r}")


CHECKERS = {"posix": check_posix, "powershell": check_powershell, "cmd": check_cmd}


def check(shell: str, line: str) -> None:
    CHECKERS[shell](line)


def check_posix_many(lines: list[str]) -> None:
    """bash -n over many lines at once (one process), then the per-line rules without bash."""
    if not lines:
        return
    script = "\n".join(f"f{i}() {{\n{line}\n}}" for i, line in enumerate(lines))
    proc = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True, timeout=30)
    if proc.returncode != 0:
        raise ShellError(f"bash -n: {proc.stderr.strip()}")
    for line in lines:
        if not line.strip() or line != line.strip() or "\n" in line:
            raise ShellError(f"empty, padded or multi-line: {line!r}")
        if any(w.lower() in PROSE for w in shlex.split(line)[1:]) or re.search(r"(^|\s)~(/|\s|$)", line):
            raise ShellError(f"prose or an unexpanded ~: {line!r}")
        if "`" in re.sub(r"'[^']*'", "", line):
            raise ShellError(f"a backtick (command substitution): {line!r}")


def fix_str(fix) -> str:
    """A JSON fix ({"text", "commands"}) or a Fix as one searchable string: the text and every line."""
    if fix is None:
        return ""
    if isinstance(fix, str):
        return fix
    if not isinstance(fix, dict):
        fix = {"text": fix.text, "commands": [{"shell": c.shell, "line": c.line} for c in fix.commands]}
    return "\n".join([fix.get("text") or ""] + [c["line"] for c in fix.get("commands") or []])


def fix_lines(fix, shell: str) -> list[str]:
    if not isinstance(fix, dict):
        fix = {"text": fix.text, "commands": [{"shell": c.shell, "line": c.line} for c in fix.commands]}
    return [c["line"] for c in fix.get("commands") or [] if c["shell"] == shell]
