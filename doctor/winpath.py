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


def stray_quote(given: object) -> str | None:
    """A folder the user named that does not exist and holds a `"`: on Windows, cmd and Windows PowerShell pass
    `"C:\\ComfyUI\\"` so that the program reads `\\"` as a literal quote (the C runtime's rule for a backslash before a
    quote), and the rest of the line joins the path. The words that say so, with the path as it was meant; None
    otherwise."""
    if not isinstance(given, str) or '"' not in given:
        return None
    meant = given.split('"', 1)[0].rstrip("\\/ ")
    if not meant:
        return None
    return (f'does not exist: its `"` comes from a backslash before the closing quote (cmd and Windows PowerShell read '
            f'`\\"` as a quote and joined what followed to the path); type it without that backslash: "{meant}"')
