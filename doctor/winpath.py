"""One rule for "is this path written the Windows way", used wherever a fact's path decides the shell, the path
module or the redaction: a drive letter (``C:``, ``c:\\...``, ``C:/...``) or any backslash (``\\\\server\\share``,
``python_embeded\\python.exe``). A colon after anything but a single leading letter (``1:/x``, ``ab:c``) is
not Windows."""

from __future__ import annotations

import re

_DRIVE = re.compile(r"[A-Za-z]:")


def is_windows_path(p: str | None) -> bool:
    return bool(p) and ("\\" in p or _DRIVE.match(p) is not None)


def git_folder(p: str) -> str:
    """A folder as git names it in its config: forward slashes for a Windows folder."""
    return p.replace("\\", "/") if is_windows_path(p) else p
