"""Redaction: what never leaves the machine in a report unless the user says --no-redact.

Only VALUES are rewritten, never structure: dictionary keys, finding codes, check ids, statuses and areas
stay as they are, and a word is never replaced just because it equals the user's name (a user called
``torch``, ``root``, ``comfyui`` or ``code`` must not rewrite package names, facts keys or codes).

What is replaced:
- the home directory where it starts a path (POSIX: ``~``; a Windows profile keeps its shape,
  ``C:\\Users\\<user>\\...``, so it is obviously redacted and not a ``~\\`` that cmd cannot run); in a fix
  command (``{"shell", "line"}``) it is what that shell expands, so the command runs as before: bash ``"$HOME"``
  (before a quote), PowerShell ``"$HOME\\..."``, cmd ``%USERPROFILE%``;
- the user name as a path component under a home parent (``/home/<user>``, ``C:\\Users\\<user>``,
  ``/mnt/c/Users/<user>``) and as the value of a known field (``user``, ``username``);
- the host name as a known field's value (``hostname``), in URLs, ``user@host`` and UNC paths, and as a
  word only when it cannot be an ordinary word (it holds a digit, ``-`` or ``.``);
- known token shapes (``hf_``, ``sk-``, ``sk-ant-``, ``AKIA``/``ASIA``, GitHub ``ghp_``/``github_pat_``,
  Slack ``xox?-``, ``Bearer ...``), the values of environment variables named ``*_TOKEN``/``*_KEY``/
  ``*_SECRET``/``*PASSWORD*`` (wherever those values appear), ``NAME=value`` / ``name: value`` assignments
  of such names, the values of command-line flags whose names say key/token/password/secret
  (``--openai-api-key X``, ``--api-key=X``, ``--password X``; also as separate argv list items),
  URL credentials (``scheme://user:pass@``), and GPU/MIG UUIDs.

Applied to the findings and the facts before ``report``, ``--json``, ``--save-facts`` and ``check -v``;
plain ``check`` output never leaves the machine and shows real paths so its commands run.
"""

from __future__ import annotations

import getpass
import os
import re
import socket
from typing import Any

from .winpath import is_windows_path

SECRET_MARK = "<redacted>"
HF_TOKEN = re.compile(r"(?<![A-Za-z0-9])hf_[A-Za-z0-9]{8,}")
GPU_UUID = re.compile(r"\b(GPU|MIG)-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")
TOKEN_SHAPES = [
    (HF_TOKEN, "<redacted-hf-token>"),
    (re.compile(r"(?<![A-Za-z0-9])sk-ant-[A-Za-z0-9_-]{8,}"), "<redacted-api-key>"),
    (re.compile(r"(?<![A-Za-z0-9_-])sk-(?:proj-)?[A-Za-z0-9_-]{16,}"), "<redacted-api-key>"),
    (re.compile(r"(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])"), "<redacted-aws-key>"),
    (re.compile(r"(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{20,}"), "<redacted-github-token>"),
    (re.compile(r"(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{20,}"), "<redacted-github-token>"),
    (re.compile(r"(?<![A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,}"), "<redacted-token>"),
    (re.compile(r"(?i)(?<=\bbearer )[A-Za-z0-9._~+/=-]{8,}"), "<redacted-token>"),
]
# A variable / field / keyword name that holds a secret: *_TOKEN, *_KEY, *_SECRET, *PASSWORD*, token, api_key...
_SECRET_WORD = r"(?:token|key|secret|apikey|passwd|credentials?)"  # not "pwd": $PWD is the working directory
SECRET_NAME = re.compile(rf"(?i)^(?:.*[_.-])?{_SECRET_WORD}$|password")
# A command-line flag whose name says it holds a secret: --openai-api-key, --api-key, --password, --hf-token.
SECRET_FLAG = re.compile(r"(?i)^--?(?:[A-Za-z0-9][A-Za-z0-9_-]*?)?(?:key|token|password|passwd|secret|credentials?)$")
_FLAG_IN_TEXT = re.compile(
    r"(?i)(?<![\w-])(--?(?:[A-Za-z0-9][A-Za-z0-9_-]*?)?(?:key|token|password|passwd|secret|credentials?))"
    r"(\s*=\s*|\s+)(?!-)(\"[^\"]*\"|'[^']*'|[^\s\"',;)\]}]+)")
_ASSIGN_IN_TEXT = re.compile(
    r"(?i)(?<![\w.-])([A-Za-z_][A-Za-z0-9_]*)(\s*[=:]\s*)(\"[^\"]*\"|'[^']*'|[^\s\"',;)\]}]+)")
_URL_CREDS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)([^/\s@\"'<>]+)@")
# Values of these keys are never rewritten: they are structure (codes, ids) that tools and replays match on.
PROTECTED_KEYS = frozenset({"code", "check", "status", "area", "cause", "schema", "id", "shell"})
USER_FIELDS = frozenset({"user", "username", "user_name", "login", "logname"})
HOST_FIELDS = frozenset({"hostname", "host_name", "node", "nodename", "computer_name", "computername"})
# Common short values that must not be treated as secrets (would redact half the report).
MIN_SECRET_LEN = 6
_HOME_PARENTS = r"(?:home|Users|var/home|usr/home|export/home|Documents and Settings)"
_ENDS = r"(?=[/\\\"'\s:,;)\]>]|$)"


class Redactor:
    """Built once from the environment (and the facts, for replayed machines)."""

    def __init__(self, facts: dict[str, Any] | None = None, environ: dict[str, str] | None = None):
        env = dict(os.environ if environ is None else environ)
        system = (facts or {}).get("system") if isinstance(facts, dict) else None
        system = system if isinstance(system, dict) else {}
        self.secrets = sorted({v for k, v in env.items() if isinstance(v, str) and SECRET_NAME.search(k)
                               and len(v) >= MIN_SECRET_LEN and v.strip() == v}, key=len, reverse=True)
        homes = {os.path.expanduser("~"), _s(system.get("home"))}
        try:  # the account's own home from the password database: HOME may point elsewhere (`sudo -E`, a container's
            import pwd  # HOME=/workspace) while the paths the probes found (~/.pyenv/shims/python3) are under it

            homes.add(pwd.getpwuid(os.geteuid()).pw_dir)
        except Exception:  # noqa: BLE001  (no pwd module on Windows, no entry for a container's uid)
            pass
        if env.get("USERPROFILE"):
            homes.add(env["USERPROFILE"])
        self.homes = sorted({h.rstrip("/\\") for h in homes if h and h.rstrip("/\\")
                             and len(re.split(r"[/\\]", h.rstrip("/\\"))) >= 2}, key=len, reverse=True)
        users = {_s(system.get("user"))}
        try:
            users.add(getpass.getuser())
        except Exception:  # noqa: BLE001
            pass
        for h in self.homes:
            users.add(re.split(r"[/\\]", h)[-1])
        self.users = sorted({u for u in users if u and len(u) >= 2 and u not in (".", "..")}, key=len, reverse=True)
        hosts = {_s(system.get("hostname")), socket.gethostname()}
        self.hosts = sorted({h for h in hosts if h and len(h) >= 2 and h.lower() not in ("localhost", "localhost.localdomain")},
                            key=len, reverse=True)
        self._user_rx = [re.compile(r"(?i)([/\\]" + _HOME_PARENTS + r"[/\\]+)" + re.escape(u) + _ENDS) for u in self.users]
        self._host_rx = []
        for h in self.hosts:
            e = re.escape(h)
            self._host_rx.append(re.compile(r"(?i)(://(?:[^/\s@]*@)?)" + e + r"(?![A-Za-z0-9_-])"))  # URL host
            self._host_rx.append(re.compile(r"(?i)(@)" + e + r"(?![A-Za-z0-9_-])"))  # user@host
            self._host_rx.append(re.compile(r"(?i)(\\\\)" + e + r"(?=\\)"))  # UNC \\host\share
            if re.search(r"[0-9.-]", h) and len(h) >= 4:  # cannot be an ordinary word: redact it as a word too
                self._host_rx.append(re.compile(r"(?i)()(?<![A-Za-z0-9_.-])" + e + r"(?![A-Za-z0-9_-])"))

    # -- strings -------------------------------------------------------------------------------------------
    def text(self, s: str) -> str:
        for secret in self.secrets:
            s = s.replace(secret, SECRET_MARK)
        for rx, repl in TOKEN_SHAPES:
            s = rx.sub(repl, s)
        s = GPU_UUID.sub(lambda m: f"{m.group(1)}-<redacted-uuid>", s)
        s = _URL_CREDS.sub(_url_creds, s)
        s = _FLAG_IN_TEXT.sub(_flag_value, s)
        s = _ASSIGN_IN_TEXT.sub(_assign_value, s)
        for h in self.homes:
            s = _replace_home(s, h)
        for rx in self._user_rx:
            s = rx.sub(lambda m: m.group(1) + "<user>", s)
        for rx in self._host_rx:
            s = rx.sub(lambda m: m.group(1) + "<host>", s)
        return s

    def posix_command(self, line: str) -> str:
        """A bash line redacted without changing what it runs: the home that starts a quoted word becomes
        ``"$HOME"`` before the quote (``'/home/ann/My AI/x'`` -> ``"$HOME"'/My AI/x'``; a ``~`` inside quotes
        would be a folder named ``~``), in double quotes ``"$HOME`` (expanded there); elsewhere ``~``."""
        for h in self.homes:
            if is_windows_path(h):
                continue
            e = re.escape(h)
            line = re.sub("'" + e + r"(?=[/'])", lambda _m: "\"$HOME\"'", line)
            line = re.sub('"' + e + r'(?=[/"])', lambda _m: '"$HOME', line)
        return self.text(line)

    def _win_homes(self) -> list[str]:
        return [h.replace("/", "\\") for h in self.homes if is_windows_path(h)]

    def cmd_command(self, line: str) -> str:
        """A cmd line redacted without changing what it runs: the Windows profile is ``%USERPROFILE%``, which cmd
        expands inside quotes too (``C:\\Users\\<user>`` unquoted would be two redirections)."""
        for h in self._win_homes():
            line = re.sub(r"(?i)(?<![A-Za-z0-9_.-])" + re.escape(h) + r"(?=[\\\"\s]|$)", lambda _m: "%USERPROFILE%", line)
        return self.text(line)

    def powershell_command(self, line: str) -> str:
        """A PowerShell line redacted without changing what it runs: the profile is ``$HOME`` (PowerShell's own
        variable for it) inside double quotes: a single-quoted word starting with it is requoted (single quotes do
        not expand), a bare one quoted, and behind the call operator where it is the program itself."""
        for h in self._win_homes():
            e, eq = re.escape(h), re.escape(h.replace("'", "''"))  # in single quotes a ' is written ''

            def single(m: re.Match) -> str:
                rest = m.group(1).replace("''", "'")
                return m.group(0) if re.search(r'["$`]', rest) else '"$HOME' + rest + '"'

            def bare(call: str):
                def sub(m: re.Match) -> str:
                    rest = m.group(1)
                    return m.group(0) if re.search(r'["$`]', rest) else call + '"$HOME' + rest + '"'
                return sub

            line = re.sub(r"(?i)'" + eq + r"((?:\\(?:[^']|'')*)?)'", single, line)
            line = re.sub(r'(?i)"' + e + r'(?=[\\"])', lambda _m: '"$HOME', line)
            line = re.sub(r"(?i)^(?:&\s+)?" + e + r"((?:\\[^\s'\"]*)?)(?=\s|$)", bare("& "), line)
            line = re.sub(r"(?i)(?<=\s)" + e + r"((?:\\[^\s'\"]*)?)(?=\s|$)", bare(""), line)
        return self.text(line)

    # -- structures ----------------------------------------------------------------------------------------
    def obj(self, o: Any, key: str | None = None) -> Any:
        if isinstance(o, str):
            if key is not None:
                k = key.lower()
                if k in PROTECTED_KEYS:
                    return o
                if k in USER_FIELDS and o in self.users:
                    return "<user>"
                if k in HOST_FIELDS and o.lower() in {h.lower() for h in self.hosts}:
                    return "<host>"
                if SECRET_NAME.search(key) and o and not o.startswith("<redacted"):
                    return SECRET_MARK
            return self.text(o)
        if isinstance(o, dict):
            out = {k: self.obj(v, k if isinstance(k, str) else None) for k, v in o.items()}
            if isinstance(o.get("line"), str) and o.get("shell") in ("posix", "powershell", "cmd"):
                out["line"] = {"posix": self.posix_command, "powershell": self.powershell_command,
                               "cmd": self.cmd_command}[o["shell"]](o["line"])
            # a parsed flag {"flag": "--api-key", "value": "..."} or variable {"name": "HF_TOKEN", "value": "..."}
            label = next((o[k] for k in ("flag", "name", "option", "arg", "var") if isinstance(o.get(k), str)), None)
            if label and isinstance(o.get("value"), str) and o["value"] and (
                    SECRET_FLAG.match(label.strip()) or SECRET_NAME.search(label.strip().lstrip("-"))):
                out["value"] = SECRET_MARK
            return out
        if isinstance(o, (list, tuple)):
            out = []
            hide_next = False
            for v in o:
                if hide_next and isinstance(v, str) and not v.startswith("-"):
                    out.append(SECRET_MARK)
                    hide_next = False
                    continue
                hide_next = isinstance(v, str) and bool(SECRET_FLAG.match(v.strip()))
                out.append(self.obj(v))
            return out
        return o


def _s(v: Any) -> str:
    return v if isinstance(v, str) else ""


def _url_creds(m: re.Match) -> str:
    info = m.group(2)
    if ":" in info or len(info) >= 20:
        return m.group(1) + SECRET_MARK + "@"
    return m.group(0)


def _flag_value(m: re.Match) -> str:
    if m.group(3).startswith("<redacted") or m.group(3).strip("\"'").startswith("<redacted"):
        return m.group(0)
    return m.group(1) + m.group(2) + SECRET_MARK


def _assign_value(m: re.Match) -> str:
    name, value = m.group(1), m.group(3)
    if not SECRET_NAME.search(name) or value.strip("\"'").startswith("<redacted") or not value.strip("\"'"):
        return m.group(0)
    q = value[0] if value[0] in "\"'" else ""
    return name + m.group(2) + q + SECRET_MARK + q


def _replace_home(s: str, home: str) -> str:
    """Replace ``home`` where it starts a path (followed by a separator, a quote, a space or the end).

    A POSIX home becomes ``~``; a Windows profile keeps its parent and loses its last component:
    ``C:\\Users\\John Smith\\x`` -> ``C:\\Users\\<user>\\x`` (obviously redacted; never a ``~\\`` that cmd
    cannot run)."""
    win = is_windows_path(home)
    variants: dict[str, str] = {}
    if win:
        parent, _, _last = home.rstrip("\\/").replace("/", "\\").rpartition("\\")
        variants[home] = parent + "\\<user>"
        variants[home.replace("\\", "/")] = parent.replace("\\", "/") + "/<user>"
        variants[home.replace("\\", "\\\\")] = parent.replace("\\", "\\\\") + "\\\\<user>"  # as JSON escapes it
    else:
        variants[home] = "~"
    for v in sorted(variants, key=len, reverse=True):
        repl = variants[v]
        s = re.sub(r"(?<![A-Za-z0-9_.-])" + re.escape(v) + _ENDS, lambda _m: repl, s, flags=re.I if win else 0)
    return s


class NoRedactor(Redactor):
    def __init__(self) -> None:  # noqa: D107 - nothing to learn
        pass

    def text(self, s: str) -> str:
        return s

    def obj(self, o: Any, key: str | None = None) -> Any:
        return o
