"""Redaction: what never leaves the machine in a report unless the user says --no-redact.

Home directory, user name (as a whole word), host name, Hugging Face tokens (``hf_...``), the value
of any ``*_TOKEN`` / ``*_KEY`` / ``*_SECRET`` variable, and GPU UUIDs. Applied to every string of the
rendered output (and of saved facts), so a token inside a scanned script line is caught too.
"""

from __future__ import annotations

import getpass
import os
import re
import socket
from typing import Any

HF_TOKEN = re.compile(r"\bhf_[A-Za-z0-9]{8,}\b")
GPU_UUID = re.compile(r"\b(GPU|MIG)-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")
SECRET_NAME = re.compile(r".*(_TOKEN|_KEY|_SECRET)$", re.I)
# Common short values that must not be treated as secrets (would redact half the report).
MIN_SECRET_LEN = 6


class Redactor:
    """Built once from the environment (and the facts, for replayed machines)."""

    def __init__(self, facts: dict[str, Any] | None = None, environ: dict[str, str] | None = None):
        env = dict(os.environ if environ is None else environ)
        system = (facts or {}).get("system") or {}
        self.secrets = sorted({v for k, v in env.items() if SECRET_NAME.match(k) and len(v) >= MIN_SECRET_LEN},
                              key=len, reverse=True)
        homes = {os.path.expanduser("~"), system.get("home") or ""}
        if env.get("USERPROFILE"):
            homes.add(env["USERPROFILE"])
        self.homes = sorted({h.rstrip("/\\") for h in homes if h and h.rstrip("/\\")}, key=len, reverse=True)
        users = {system.get("user") or ""}
        try:
            users.add(getpass.getuser())
        except Exception:  # noqa: BLE001
            pass
        for h in self.homes:
            users.add(re.split(r"[/\\]", h)[-1])
        self.users = sorted({u for u in users if u and len(u) >= 2}, key=len, reverse=True)
        hosts = {system.get("hostname") or "", socket.gethostname()}
        self.hosts = sorted({h for h in hosts if h and len(h) >= 2 and h not in ("localhost",)}, key=len, reverse=True)
        self._user_rx = [re.compile(r"(?<![A-Za-z0-9_.-])" + re.escape(u) + r"(?![A-Za-z0-9_-])") for u in self.users]
        self._host_rx = [re.compile(r"(?<![A-Za-z0-9_-])" + re.escape(h) + r"(?![A-Za-z0-9_-])") for h in self.hosts]

    def text(self, s: str) -> str:
        for secret in self.secrets:
            s = s.replace(secret, "<redacted-secret>")
        s = HF_TOKEN.sub("<redacted-hf-token>", s)
        s = GPU_UUID.sub(lambda m: f"{m.group(1)}-<redacted-uuid>", s)
        for h in self.homes:
            s = _replace_path_prefix(s, h, "~")
        for rx in self._host_rx:
            s = rx.sub("<host>", s)
        for rx in self._user_rx:
            s = rx.sub("<user>", s)
        return s

    def obj(self, o: Any) -> Any:
        if isinstance(o, str):
            return self.text(o)
        if isinstance(o, dict):
            return {self.text(k) if isinstance(k, str) else k: self.obj(v) for k, v in o.items()}
        if isinstance(o, (list, tuple)):
            return [self.obj(v) for v in o]
        return o


def _replace_path_prefix(s: str, home: str, repl: str) -> str:
    """Replace ``home`` where it starts a path (followed by a separator, a quote, a space or the end)."""
    variants = {home}
    if "\\" in home:
        variants.add(home.replace("\\", "/"))
        variants.add(home.replace("\\", "\\\\"))  # as JSON escapes it
    for v in sorted(variants, key=len, reverse=True):
        s = re.sub(re.escape(v) + r"(?=[/\\\"'\s:,;)\]]|$)", repl, s, flags=re.I if "\\" in home else 0)
    return s


class NoRedactor(Redactor):
    def __init__(self) -> None:  # noqa: D107 - nothing to learn
        pass

    def text(self, s: str) -> str:
        return s

    def obj(self, o: Any) -> Any:
        return o
